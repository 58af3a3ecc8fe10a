//! Quick lookup: a search box over every pane; results update on every keystroke from the
//! lookup indexes (phone digits or suffix, name, pinyin, initials, email, id, company).

use crate::domain::CustomerId;
use crate::service::{LookupHit, Service};
use crate::tui::form::{Field, centred};
use crate::tui::theme::Theme;
use crate::tui::widgets::cells_line;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// How many results one lookup shows.
const RESULTS: usize = 20;
/// The longest query looked up (a paste of a whole page must not stall the screen).
const MAX_QUERY_CHARS: usize = 64;

#[derive(Debug)]
pub struct LookupBox {
    pub input: Field,
    pub hits: Vec<LookupHit>,
    pub selected: usize,
    pub error: Option<String>,
}

/// What a key did in the lookup box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LookupEvent {
    None,
    Open(CustomerId),
    Close,
}

impl LookupBox {
    pub fn new() -> LookupBox {
        LookupBox {
            input: Field::text("query", "Find", ""),
            hits: Vec::new(),
            selected: 0,
            error: None,
        }
    }

    /// Runs the lookup for the current text.
    pub fn search(&mut self, service: &Service) {
        if self.input.value.chars().count() > MAX_QUERY_CHARS {
            self.input.value = self.input.value.chars().take(MAX_QUERY_CHARS).collect();
            self.input.cursor = self.input.cursor.min(MAX_QUERY_CHARS);
        }
        let query = self.input.value.trim().to_string();
        self.selected = 0;
        if query.is_empty() {
            self.hits.clear();
            self.error = None;
            return;
        }
        match service.lookup(&query, RESULTS) {
            Ok(hits) => {
                self.hits = hits;
                self.error = None;
            }
            Err(e) => {
                self.hits.clear();
                self.error = Some(e.to_string());
            }
        }
    }

    pub fn paste(&mut self, service: &Service, text: &str) {
        self.input.insert(text);
        self.search(service);
    }

    pub fn handle_key(&mut self, service: &Service, key: &KeyEvent) -> LookupEvent {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return LookupEvent::Close,
            KeyCode::Enter => {
                return match self.hits.get(self.selected) {
                    Some(hit) => LookupEvent::Open(hit.customer.id),
                    None => LookupEvent::None,
                };
            }
            KeyCode::Down | KeyCode::Tab => {
                self.selected = (self.selected + 1).min(self.hits.len().saturating_sub(1))
            }
            KeyCode::Char('n') if ctrl => {
                self.selected = (self.selected + 1).min(self.hits.len().saturating_sub(1))
            }
            KeyCode::Up | KeyCode::BackTab => self.selected = self.selected.saturating_sub(1),
            KeyCode::Char('p') if ctrl => self.selected = self.selected.saturating_sub(1),
            _ => {
                let before = self.input.value.clone();
                edit_line(&mut self.input, key);
                if self.input.value != before {
                    self.search(service);
                }
            }
        }
        LookupEvent::None
    }

    pub fn render(&self, f: &mut Frame, area: Rect, theme: Theme) {
        let height = (self.hits.len() as u16 + 5).clamp(7, area.height);
        let popup = centred(area, area.width.saturating_sub(4).min(100), height);
        f.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(" Find a customer ", theme.title()))
            .title_bottom(Span::styled(
                " phone digits or last 4 · name · pinyin · email · id · ↑↓ choose · Enter open · Esc close ",
                theme.dim(),
            ));
        let inner = block.inner(popup);
        f.render_widget(block, popup);
        let width = inner.width as usize;
        let query = crate::text::sanitize(&self.input.value).into_owned();
        let mut lines = vec![Line::from(vec![
            Span::styled("/ ", theme.key()),
            Span::raw(query.clone()),
        ])];
        let cursor_col: usize = self
            .input
            .value
            .chars()
            .take(self.input.cursor)
            .map(|c| crate::text::width(&crate::text::sanitize(c.encode_utf8(&mut [0; 4]))))
            .sum();
        f.set_cursor_position(Position::new(
            inner.x + 2 + cursor_col.min(width.saturating_sub(3)) as u16,
            inner.y,
        ));
        if let Some(error) = &self.error {
            lines.push(Line::styled(
                format!("✗ {}", crate::text::sanitize(error)),
                theme.error(),
            ));
        } else if self.hits.is_empty() && !self.input.value.trim().is_empty() {
            lines.push(Line::styled("no match", theme.dim()));
        } else if self.hits.is_empty() {
            lines.push(Line::styled(
                "type a phone's last digits, a name (张三 or zhangsan or zs), an email…",
                theme.dim(),
            ));
        }
        let name_w = width.saturating_sub(1 + 16 + 24 + 10 + 4).max(8);
        for (i, hit) in self.hits.iter().enumerate() {
            let selected = i == self.selected;
            let c = &hit.customer;
            let matched = format!("{} {}", hit.field, hit.matched);
            lines.push(cells_line(
                &[
                    (if selected { "▶" } else { " " }, 1),
                    (&c.name, name_w),
                    (c.phones.first().map_or("", String::as_str), 16),
                    (&matched, 24),
                    (&c.external_id, 10),
                ],
                if selected {
                    theme.selected()
                } else {
                    ratatui::style::Style::default()
                },
            ));
        }
        f.render_widget(Paragraph::new(lines), inner);
    }
}

impl Default for LookupBox {
    fn default() -> Self {
        LookupBox::new()
    }
}

/// One-line editing shared by the lookup and the palette: typing, Backspace, arrows, Ctrl-U.
pub fn edit_line(field: &mut Field, key: &KeyEvent) {
    let mut form = crate::tui::form::Form::new("", (), vec![field.clone()]);
    // Enter/Esc/Tab never reach here; the form only edits the single field.
    let _ = form.handle_key(key);
    if let Some(edited) = form.fields.pop() {
        *field = edited;
    }
}
