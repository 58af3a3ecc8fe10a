//! Forms: labelled fields with Unicode text editing (anything the terminal's input method
//! sends, pasted text too), choice fields, inline validation messages per field, and the
//! "saving / waiting for another writer" state while a save runs.

use super::theme::Theme;
use crate::text;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use std::time::Instant;

/// The longest value a field takes, in characters.
pub const MAX_FIELD_CHARS: usize = 2000;

/// How a field takes input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    /// A date as typed: `2026-12-01`, `+3d`, `tomorrow` (parsed on submit).
    Date,
    /// One of these values; Left/Right or Space cycle.
    Choice(Vec<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub key: &'static str,
    pub label: &'static str,
    pub kind: FieldKind,
    pub value: String,
    /// The value the form opened with (to tell whether anything was typed).
    pub original: String,
    /// Cursor position in characters.
    pub cursor: usize,
    pub required: bool,
    pub error: Option<String>,
}

impl Field {
    pub fn text(key: &'static str, label: &'static str, value: impl Into<String>) -> Field {
        let value = value.into();
        Field {
            key,
            label,
            kind: FieldKind::Text,
            cursor: value.chars().count(),
            original: value.clone(),
            value,
            required: false,
            error: None,
        }
    }

    pub fn date(key: &'static str, label: &'static str, value: impl Into<String>) -> Field {
        Field {
            kind: FieldKind::Date,
            ..Field::text(key, label, value)
        }
    }

    /// A choice among `options`, starting at `value` (or the first option).
    pub fn choice(key: &'static str, label: &'static str, options: &[&str], value: &str) -> Field {
        let start = if options.contains(&value) {
            value
        } else {
            options.first().copied().unwrap_or_default()
        };
        Field {
            kind: FieldKind::Choice(options.iter().map(|o| o.to_string()).collect()),
            ..Field::text(key, label, start)
        }
    }

    pub fn required(mut self) -> Field {
        self.required = true;
        self
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.value
            .char_indices()
            .nth(chars)
            .map_or(self.value.len(), |(i, _)| i)
    }

    /// Inserts typed or pasted text at the cursor; control characters (and newlines) never
    /// enter a field.
    pub fn insert(&mut self, typed: &str) {
        if matches!(self.kind, FieldKind::Choice(_)) {
            return;
        }
        let clean: String = typed
            .chars()
            .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
            .filter(|c| !c.is_control())
            .collect();
        let room = MAX_FIELD_CHARS.saturating_sub(self.value.chars().count());
        let clean: String = clean.chars().take(room).collect();
        let at = self.byte_at(self.cursor);
        self.value.insert_str(at, &clean);
        self.cursor += clean.chars().count();
        self.error = None;
    }

    fn cycle(&mut self, forward: bool) {
        if let FieldKind::Choice(options) = &self.kind {
            if options.is_empty() {
                return;
            }
            let i = options.iter().position(|o| *o == self.value).unwrap_or(0);
            let next = if forward {
                (i + 1) % options.len()
            } else {
                (i + options.len() - 1) % options.len()
            };
            self.value = options[next].clone();
            self.error = None;
        }
    }

    fn edit(&mut self, key: &KeyEvent) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let is_choice = matches!(self.kind, FieldKind::Choice(_));
        match key.code {
            KeyCode::Left if is_choice => self.cycle(false),
            KeyCode::Right | KeyCode::Char(' ') if is_choice => self.cycle(true),
            KeyCode::Char('u') if ctrl && !is_choice => {
                self.value.clear();
                self.cursor = 0;
            }
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = self.value.chars().count(),
            KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
                self.insert(c.encode_utf8(&mut [0; 4]));
            }
            KeyCode::Backspace if self.cursor > 0 && !is_choice => {
                self.cursor -= 1;
                let at = self.byte_at(self.cursor);
                self.value.remove(at);
                self.error = None;
            }
            KeyCode::Delete if self.cursor < self.value.chars().count() && !is_choice => {
                let at = self.byte_at(self.cursor);
                self.value.remove(at);
                self.error = None;
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(self.value.chars().count()),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.value.chars().count(),
            _ => {}
        }
    }
}

/// What a key did to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormEvent {
    None,
    Submit,
    Cancel,
}

/// A form on screen. `purpose` says what submitting it does (the app owns that meaning).
#[derive(Debug, Clone)]
pub struct Form<P> {
    pub title: String,
    pub purpose: P,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// A message about the whole form (a refused save).
    pub message: Option<String>,
    /// Set while the save runs.
    pub saving_since: Option<Instant>,
    /// Asked "discard what you typed?" after Esc on a changed form.
    pub confirm_discard: bool,
}

impl<P> Form<P> {
    pub fn new(title: impl Into<String>, purpose: P, fields: Vec<Field>) -> Form<P> {
        Form {
            title: title.into(),
            purpose,
            fields,
            focus: 0,
            message: None,
            saving_since: None,
            confirm_discard: false,
        }
    }

    pub fn focus_on(mut self, key: &str) -> Form<P> {
        if let Some(i) = self.fields.iter().position(|f| f.key == key) {
            self.focus = i;
        }
        self
    }

    pub fn value(&self, key: &str) -> &str {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map_or("", |f| f.value.as_str())
    }

    pub fn field_mut(&mut self, key: &str) -> Option<&mut Field> {
        self.fields.iter_mut().find(|f| f.key == key)
    }

    /// Puts `message` under the field `key` (or on the form when no field has that key).
    pub fn set_error(&mut self, key: &str, message: impl Into<String>) {
        let message = message.into();
        match self.fields.iter().position(|f| f.key == key) {
            Some(i) => {
                self.fields[i].error = Some(message);
                self.focus = i;
            }
            None => self.message = Some(message),
        }
    }

    pub fn has_errors(&self) -> bool {
        self.fields.iter().any(|f| f.error.is_some())
    }

    /// Anything typed since the form opened.
    pub fn is_dirty(&self) -> bool {
        self.fields.iter().any(|f| f.value != f.original)
    }

    /// Required fields left empty get their error; returns whether all are filled.
    pub fn check_required(&mut self) -> bool {
        let mut ok = true;
        for field in &mut self.fields {
            if field.required && field.value.trim().is_empty() {
                field.error = Some(format!("{} is required", field.label));
                ok = false;
            }
        }
        if let Some(i) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = i;
        }
        ok
    }

    pub fn paste(&mut self, text: &str) {
        if self.saving_since.is_none()
            && let Some(field) = self.fields.get_mut(self.focus)
        {
            field.insert(text);
        }
    }

    pub fn handle_key(&mut self, key: &KeyEvent) -> FormEvent {
        if self.saving_since.is_some() {
            return FormEvent::None;
        }
        if self.confirm_discard {
            self.confirm_discard = false;
            return match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => FormEvent::Cancel,
                _ => FormEvent::None,
            };
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => {
                if self.is_dirty() {
                    self.confirm_discard = true;
                    return FormEvent::None;
                }
                return FormEvent::Cancel;
            }
            KeyCode::Enter => return FormEvent::Submit,
            KeyCode::Char('s') if ctrl => return FormEvent::Submit,
            KeyCode::Tab | KeyCode::Down => {
                self.focus = (self.focus + 1) % self.fields.len().max(1);
            }
            KeyCode::BackTab | KeyCode::Up => {
                let n = self.fields.len().max(1);
                self.focus = (self.focus + n - 1) % n;
            }
            _ => {
                if let Some(field) = self.fields.get_mut(self.focus) {
                    field.edit(key);
                }
            }
        }
        FormEvent::None
    }

    /// Draws the form as a centred box over `area`. The footer (keys, the discard prompt, the
    /// save notice) keeps its rows at the bottom of the box at every size; the fields scroll above
    /// it so the focused one stays in view, and a validation error that wraps counts its rows.
    pub fn render(&self, f: &mut Frame, area: Rect, theme: Theme, waiting: Option<&str>) {
        let label_width = self
            .fields
            .iter()
            .map(|field| text::width(field.label))
            .max()
            .unwrap_or(0)
            + 2;
        let width = area.width.min(76);
        let inner_width = width.saturating_sub(2);
        let value_width = (inner_width as usize).saturating_sub(label_width + 2);
        let mut lines: Vec<Line> = Vec::new();
        let mut row = 0;
        let mut focus_row = 0;
        let mut cursor: Option<usize> = None;
        for (i, field) in self.fields.iter().enumerate() {
            let focused = i == self.focus;
            let marker = if focused { "▶ " } else { "  " };
            let shown = match &field.kind {
                FieldKind::Choice(_) => format!("◀ {} ▶", field.value),
                _ => field.value.clone(),
            };
            // Keep the cursor in view: show the tail of a long value.
            let (visible, cursor_col) = visible_tail(&shown, field.cursor, value_width);
            let label = format!("{:<w$}", format!("{}:", field.label), w = label_width);
            let style = if focused {
                theme.selected()
            } else {
                Style::default()
            };
            let line = Line::from(vec![
                Span::raw(marker),
                Span::styled(label, theme.header()),
                Span::styled(visible, style),
            ]);
            if focused {
                focus_row = row;
                if !matches!(field.kind, FieldKind::Choice(_)) {
                    cursor = Some(2 + label_width + cursor_col);
                }
            }
            row += rows(&line, inner_width);
            lines.push(line);
            if let Some(error) = &field.error {
                let line = Line::from(Span::styled(
                    format!("    ✗ {}", text::sanitize(error)),
                    theme.error(),
                ));
                row += rows(&line, inner_width);
                lines.push(line);
            }
        }
        lines.push(Line::raw(""));
        row += 1;
        if let Some(message) = &self.message {
            let line = Line::from(Span::styled(
                format!("✗ {}", text::sanitize(message)),
                theme.error(),
            ));
            row += rows(&line, inner_width);
            lines.push(line);
        }
        let footer = if self.confirm_discard {
            "Discard what you typed? y = discard, any other key = keep editing".to_string()
        } else if let Some(wait) = waiting {
            wait.to_string()
        } else {
            "Enter save · Tab next field · ←/→ change choice · Esc cancel".to_string()
        };
        let footer = Paragraph::new(Line::from(Span::styled(footer, theme.dim())))
            .wrap(Wrap { trim: false });
        let footer_rows = footer.line_count(inner_width).max(1);
        let height = u16::try_from(row + footer_rows + 2).unwrap_or(u16::MAX);
        let popup = centred(area, width, height.min(area.height));
        f.render_widget(Clear, popup);
        let block = Block::default().borders(Borders::ALL).title(Span::styled(
            format!(" {} ", text::sanitize(&self.title)),
            theme.title(),
        ));
        let inner = block.inner(popup);
        f.render_widget(block, popup);
        let footer_height = u16::try_from(footer_rows)
            .unwrap_or(u16::MAX)
            .min(inner.height);
        let body = Rect {
            height: inner.height - footer_height,
            ..inner
        };
        let foot = Rect {
            y: body.bottom(),
            height: footer_height,
            ..inner
        };
        f.render_widget(footer, foot);
        let scroll = (focus_row + 1).saturating_sub(body.height as usize);
        f.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
            body,
        );
        if let Some(col) = cursor
            && self.saving_since.is_none()
            && focus_row >= scroll
            && focus_row - scroll < body.height as usize
        {
            f.set_cursor_position(Position::new(
                inner.x + col as u16,
                body.y + (focus_row - scroll) as u16,
            ));
        }
    }
}

/// Rows `line` takes once wrapped to `width` columns (at least one).
fn rows(line: &Line<'_>, width: u16) -> usize {
    Paragraph::new(line.clone())
        .wrap(Wrap { trim: false })
        .line_count(width)
        .max(1)
}

/// The part of `value` that fits `width` columns with the cursor (at char `cursor`) visible,
/// sanitised, and the cursor's column in it.
fn visible_tail(value: &str, cursor: usize, width: usize) -> (String, usize) {
    let chars: Vec<char> = value.chars().collect();
    let cursor = cursor.min(chars.len());
    let col_of = |from: usize, to: usize| -> usize {
        chars[from..to]
            .iter()
            .map(|c| text::width(&text::sanitize(c.encode_utf8(&mut [0; 4]))))
            .sum()
    };
    let mut start = 0;
    while start < cursor && col_of(start, cursor) + 1 > width {
        start += 1;
    }
    let shown: String = chars[start..].iter().collect();
    (text::fit(&shown, width), col_of(start, cursor))
}

/// A `width` x `height` rectangle in the middle of `area`.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn unicode_typing_and_editing() {
        let mut form = Form::new("t", (), vec![Field::text("name", "Name", "")]);
        for c in "张三x".chars() {
            form.handle_key(&key(KeyCode::Char(c)));
        }
        form.handle_key(&key(KeyCode::Backspace));
        form.handle_key(&key(KeyCode::Left));
        form.handle_key(&key(KeyCode::Char('李')));
        assert_eq!(form.value("name"), "张李三");
        form.paste("\u{1b}[31m丰\n");
        assert_eq!(form.value("name"), "张李[31m丰 三");
        assert!(form.is_dirty());
    }

    #[test]
    fn choices_cycle_and_esc_asks_when_dirty() {
        let mut form = Form::new(
            "t",
            (),
            vec![Field::choice("c", "Channel", &["phone", "email"], "phone")],
        );
        form.handle_key(&key(KeyCode::Right));
        assert_eq!(form.value("c"), "email");
        form.handle_key(&key(KeyCode::Char('z')));
        assert_eq!(form.value("c"), "email");
        assert_eq!(form.handle_key(&key(KeyCode::Esc)), FormEvent::None);
        assert!(form.confirm_discard);
        assert_eq!(form.handle_key(&key(KeyCode::Char('y'))), FormEvent::Cancel);
    }

    #[test]
    fn required_fields_are_flagged() {
        let mut form = Form::new(
            "t",
            (),
            vec![
                Field::text("a", "A", "x"),
                Field::text("b", "B", "").required(),
            ],
        );
        assert!(!form.check_required());
        assert_eq!(form.focus, 1);
        assert_eq!(form.fields[1].error.as_deref(), Some("B is required"));
    }

    #[test]
    fn the_footer_stays_in_the_box_however_small() {
        use ratatui::Terminal;
        use ratatui::backend::TestBackend;
        let mut form = Form::new(
            "t",
            (),
            (0..6)
                .map(|_| Field::text("a", "A", ""))
                .chain([Field::date("d", "Next contact", "")])
                .collect(),
        );
        form.fields[6].error = Some(format!("{} is not a date", "x".repeat(120)));
        form.focus = 6;
        form.handle_key(&key(KeyCode::Char('z')));
        form.handle_key(&key(KeyCode::Esc));
        assert!(form.confirm_discard);
        for (w, h) in [(80, 22), (40, 8), (76, 5), (30, 4)] {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal
                .draw(|f| form.render(f, f.area(), Theme::plain(), None))
                .expect("draw");
            let buffer = terminal.backend().buffer();
            let screen: String = (0..h)
                .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect::<String>() + "\n")
                .collect();
            assert!(screen.contains("Discard"), "{w}x{h}\n{screen}");
        }
    }

    #[test]
    fn long_values_keep_the_cursor_visible() {
        let (shown, col) = visible_tail("abcdefghij", 10, 5);
        assert_eq!(shown, "ghij ");
        assert_eq!(col, 4);
        let (shown, col) = visible_tail("张三李四", 1, 6);
        assert_eq!(shown, "张三… ");
        assert_eq!(col, 2);
    }
}
