//! Forms: labelled fields with grapheme-aware text editing (anything the terminal's input
//! method sends, pasted text too; notes and descriptions take several lines), choice fields,
//! inline validation messages per field, and the "saving / waiting for another writer" state
//! while a save runs. Keys arrive as actions from the keymap's `[form]` and `[input]` sections.

use super::action::Action;
use super::edit::{Edit, Outcome, TextInput};
use super::theme::Theme;
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use std::time::Instant;

/// The longest value a field takes, in characters.
pub const MAX_FIELD_CHARS: usize = 2000;
/// How many lines of a multi-line field the form shows at once.
const LINES_SHOWN: usize = 4;

/// How a field takes input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    /// Text of several lines (notes, descriptions): `newline` breaks a line.
    Lines,
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
    pub input: TextInput,
    /// The value the form opened with (to tell whether anything was typed).
    pub original: String,
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
            original: value.clone(),
            input: TextInput::new(value, false),
            required: false,
            error: None,
        }
    }

    /// Text of several lines.
    pub fn lines(key: &'static str, label: &'static str, value: impl Into<String>) -> Field {
        let mut field = Field::text(key, label, value);
        field.kind = FieldKind::Lines;
        field.input.multiline = true;
        field
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

    pub fn value(&self) -> &str {
        &self.input.value
    }

    /// Replaces the value (a reload); the cursor goes to the end.
    pub fn set_value(&mut self, value: impl Into<String>) {
        self.input.set(value);
    }

    fn is_choice(&self) -> bool {
        matches!(self.kind, FieldKind::Choice(_))
    }

    /// Inserts typed or pasted text at the cursor; control characters never enter a field,
    /// and newlines only a multi-line one. A space on a choice picks the next value.
    pub fn insert(&mut self, typed: &str) {
        if self.is_choice() {
            if typed == " " {
                self.cycle(true);
            }
            return;
        }
        let room = MAX_FIELD_CHARS.saturating_sub(self.input.value.chars().count());
        if self.input.insert(typed, room) {
            self.error = None;
        }
    }

    fn cycle(&mut self, forward: bool) {
        if let FieldKind::Choice(options) = &self.kind {
            if options.is_empty() {
                return;
            }
            let i = options
                .iter()
                .position(|o| *o == self.input.value)
                .unwrap_or(0);
            let next = if forward {
                (i + 1) % options.len()
            } else {
                (i + options.len() - 1) % options.len()
            };
            let value = options[next].clone();
            self.input.set(value);
            self.error = None;
        }
    }

    /// One editing step; on a choice, Left and Right pick the value.
    fn edit(&mut self, edit: Edit) -> Outcome {
        if self.is_choice() {
            return match edit {
                Edit::Left => {
                    self.cycle(false);
                    Outcome::Changed
                }
                Edit::Right => {
                    self.cycle(true);
                    Outcome::Changed
                }
                _ => Outcome::AtEdge,
            };
        }
        let outcome = self.input.apply(edit);
        if outcome == Outcome::Changed {
            self.error = None;
        }
        outcome
    }
}

/// What an action did to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormEvent {
    None,
    Submit,
    Cancel,
    /// The user asked to load what a colleague saved meanwhile.
    Reload,
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
    /// Asked "discard what you typed?" after Esc on a changed form; the keys are then the
    /// keymap's `[confirm]` section.
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
            .map_or("", |f| f.value())
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
        self.fields.iter().any(|f| f.value() != f.original)
    }

    /// Required fields left empty get their error; returns whether all are filled.
    pub fn check_required(&mut self) -> bool {
        let mut ok = true;
        for field in &mut self.fields {
            if field.required && field.value().trim().is_empty() {
                field.error = Some(t!("form-required", field = field.label));
                ok = false;
            }
        }
        if let Some(i) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = i;
        }
        ok
    }

    /// Text typed or pasted into the focused field.
    pub fn type_text(&mut self, text: &str) {
        if self.saving_since.is_none()
            && !self.confirm_discard
            && let Some(field) = self.fields.get_mut(self.focus)
        {
            field.insert(text);
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.type_text(text);
    }

    /// Whether the form is asking a yes-or-no question (its keys are `[confirm]`).
    pub fn asks(&self) -> bool {
        self.confirm_discard
    }

    /// Does `action` (from the keymap's `[form]`, `[input]` or, while it asks, `[confirm]`).
    pub fn act(&mut self, action: Action) -> FormEvent {
        if self.saving_since.is_some() {
            return FormEvent::None;
        }
        if self.confirm_discard {
            self.confirm_discard = false;
            return match action {
                Action::Yes => FormEvent::Cancel,
                _ => FormEvent::None,
            };
        }
        let n = self.fields.len().max(1);
        match action {
            Action::Back => {
                if self.is_dirty() {
                    self.confirm_discard = true;
                    return FormEvent::None;
                }
                return FormEvent::Cancel;
            }
            Action::Submit => return FormEvent::Submit,
            Action::ReloadForm => return FormEvent::Reload,
            Action::NextField => self.focus = (self.focus + 1) % n,
            Action::PrevField => self.focus = (self.focus + n - 1) % n,
            Action::LineDown => {
                if self.focused_edit(Edit::Down) == Outcome::AtEdge {
                    self.focus = (self.focus + 1) % n;
                }
            }
            Action::LineUp => {
                if self.focused_edit(Edit::Up) == Outcome::AtEdge {
                    self.focus = (self.focus + n - 1) % n;
                }
            }
            other => {
                if let Some(edit) = other.edit() {
                    self.focused_edit(edit);
                }
            }
        }
        FormEvent::None
    }

    /// An edit of the focused field. Up and Down only move inside a multi-line field.
    fn focused_edit(&mut self, edit: Edit) -> Outcome {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return Outcome::AtEdge;
        };
        if matches!(edit, Edit::Up | Edit::Down) && field.kind != FieldKind::Lines {
            return Outcome::AtEdge;
        }
        field.edit(edit)
    }

    /// Draws the form as a centred box over `area`. The footer (keys, the discard prompt, the
    /// save notice) keeps its rows at the bottom of the box at every size; the fields scroll above
    /// it so the focused one stays in view, and a validation error that wraps counts its rows.
    /// `keys` is the footer's key hint, spelled from the keymap in use.
    pub fn render(
        &self,
        f: &mut Frame,
        area: Rect,
        theme: Theme,
        waiting: Option<&str>,
        keys: &str,
    ) {
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
            let label = text::fit(&format!("{}:", field.label), label_width);
            let style = if focused {
                theme.selected()
            } else {
                Style::default()
            };
            let value = field.value();
            let cursor_at = field.input.cursor();
            // Each line of the value with its byte offset; one-line fields have one.
            let mut starts = vec![0];
            starts.extend(value.match_indices('\n').map(|(at, _)| at + 1));
            let cursor_line = starts.iter().rposition(|&s| s <= cursor_at).unwrap_or(0);
            let first = if focused {
                (cursor_line + 1).saturating_sub(LINES_SHOWN)
            } else {
                0
            };
            let shown_lines = (first..starts.len()).take(LINES_SHOWN);
            for (n, line_no) in shown_lines.enumerate() {
                let start = starts[line_no];
                let end = starts.get(line_no + 1).map_or(value.len(), |next| next - 1);
                let piece = &value[start..end];
                let (shown, shown_cursor) = match &field.kind {
                    FieldKind::Choice(_) => (format!("◀ {piece} ▶"), 0),
                    _ if line_no == cursor_line => (piece.to_owned(), cursor_at - start),
                    _ => (piece.to_owned(), 0),
                };
                // Keep the cursor in view: show the tail of a long value.
                let (visible, cursor_col) = visible_tail(&shown, shown_cursor, value_width);
                let lead = if n == 0 {
                    vec![
                        Span::raw(marker),
                        Span::styled(label.clone(), theme.header()),
                    ]
                } else {
                    vec![Span::raw(" ".repeat(2 + label_width))]
                };
                let line = Line::from(
                    lead.into_iter()
                        .chain([Span::styled(visible, style)])
                        .collect::<Vec<_>>(),
                );
                if focused && line_no == cursor_line {
                    focus_row = row;
                    if !matches!(field.kind, FieldKind::Choice(_)) {
                        cursor = Some(2 + label_width + cursor_col);
                    }
                }
                row += rows(&line, inner_width);
                lines.push(line);
            }
            let hidden = starts.len().saturating_sub(first + LINES_SHOWN) + first;
            if hidden > 0 {
                let line = Line::from(Span::styled(
                    format!(
                        "{}… {}",
                        " ".repeat(2 + label_width),
                        t!("form-more-lines", n = hidden)
                    ),
                    theme.dim(),
                ));
                row += rows(&line, inner_width);
                lines.push(line);
            }
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
            t!("form-discard")
        } else if let Some(wait) = waiting {
            wait.to_string()
        } else {
            keys.to_string()
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
    use unicode_segmentation::UnicodeSegmentation;
    let cursor = cursor.min(value.len());
    let col_of =
        |from: usize, to: usize| -> usize { text::width(&text::sanitize(&value[from..to])) };
    let mut start = 0;
    let mut graphemes = value.grapheme_indices(true);
    while start < cursor && col_of(start, cursor) + 1 > width {
        graphemes.next();
        start = graphemes.clone().next().map_or(value.len(), |(i, _)| i);
    }
    (text::fit(&value[start..], width), col_of(start, cursor))
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
mod tests;
