//! Quick lookup: a search box over every pane; results update on every keystroke from the
//! lookup indexes (phone digits or suffix, name, pinyin, initials, email, id, company).

use crate::domain::CustomerId;
use crate::service::{LookupHit, Service};
use crate::tui::action::Action;
use crate::tui::edit::TextInput;
use crate::tui::form::centred;
use crate::tui::theme::Theme;
use crate::tui::widgets::{cells_line, query_lines};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// How many results one lookup shows.
const RESULTS: usize = 20;
/// The longest query looked up (a paste of a whole page must not stall the screen).
const MAX_QUERY_CHARS: usize = 64;

#[derive(Debug)]
pub struct LookupBox {
    pub input: TextInput,
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
            input: TextInput::new("", false),
            hits: Vec::new(),
            selected: 0,
            error: None,
        }
    }

    /// Runs the lookup for the current text.
    pub fn search(&mut self, service: &Service) {
        self.input.truncate_chars(MAX_QUERY_CHARS);
        let query = self.input.value.trim().to_string();
        self.selected = 0;
        if query.is_empty() {
            self.hits.clear();
            self.error = None;
            return;
        }
        // Answered at once: the lookup indexes take well under a frame (see README).
        let request = crate::service::Request::Lookup {
            query,
            limit: RESULTS,
        };
        match service.handle(request) {
            Ok(crate::service::Response::Lookup(hits)) => {
                self.hits = hits;
                self.error = None;
            }
            Ok(_) => {
                self.hits.clear();
                self.error = Some(t!("lookup-bug"));
            }
            Err(e) => {
                self.hits.clear();
                self.error = Some(e.to_string());
            }
        }
    }

    /// Typed or pasted text: the results follow at once.
    pub fn type_text(&mut self, service: &Service, text: &str) {
        if self.input.insert(text, MAX_QUERY_CHARS) {
            self.search(service);
        }
    }

    pub fn paste(&mut self, service: &Service, text: &str) {
        self.type_text(service, text);
    }

    /// Does `action` (from the keymap's `[lookup]` and `[input]` sections).
    pub fn act(&mut self, service: &Service, action: Action) -> LookupEvent {
        match action {
            Action::Back => return LookupEvent::Close,
            Action::Open => {
                return match self.hits.get(self.selected) {
                    Some(hit) => LookupEvent::Open(hit.customer.id),
                    None => LookupEvent::None,
                };
            }
            Action::Down => {
                self.selected = (self.selected + 1).min(self.hits.len().saturating_sub(1))
            }
            Action::Up => self.selected = self.selected.saturating_sub(1),
            other => {
                if let Some(edit) = other.edit()
                    && self.input.apply(edit) == crate::tui::edit::Outcome::Changed
                {
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
            .title(Span::styled(
                format!(" {} ", t!("lookup-title")),
                theme.title(),
            ))
            .title_bottom(Span::styled(
                format!(" {} ", t!("lookup-footer")),
                theme.dim(),
            ));
        let inner = block.inner(popup);
        f.render_widget(block, popup);
        let width = inner.width as usize;
        let mut lines = query_lines(f, inner, &self.input, self.error.as_deref(), theme);
        if self.error.is_none() && self.hits.is_empty() {
            let hint = if self.input.value.trim().is_empty() {
                t!("lookup-hint")
            } else {
                t!("lookup-no-match")
            };
            lines.push(Line::styled(hint, theme.dim()));
        }
        let name_w = width.saturating_sub(1 + 16 + 24 + 10 + 4).max(8);
        for (i, hit) in self.hits.iter().enumerate() {
            let selected = i == self.selected;
            let c = &hit.customer;
            let matched = format!("{} {}", hit.field_title(), hit.matched);
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
