//! The canned-answer picker: opened from a reply, acknowledgement, note or follow-up form, it
//! searches the QA library as one types (words, prefixes, typos; Chinese by characters, pinyin
//! and initials), previews the answer under the cursor, and hands back the one chosen; the app
//! has it filled for the case and inserted into the form's field. Opened on its own it is the
//! library's manager: Enter edits the answer, and there are keys to add and remove one.

use crate::domain::Answer;
use crate::search::AnswerIndex;
use crate::service::{AnswerCase, Request, Response, Service};
use crate::tui::action::Action;
use crate::tui::edit::TextInput;
use crate::tui::form::{Form, centred};
use crate::tui::purpose::Purpose;
use crate::tui::theme::Theme;
use crate::tui::widgets::{cells_line, query_lines};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

/// How many answers the list shows.
const RESULTS: usize = 12;
/// The longest query searched.
const MAX_QUERY_CHARS: usize = 64;
/// How many lines of the selected answer's text the preview shows.
const PREVIEW_LINES: u16 = 4;

#[derive(Debug)]
pub struct AnswerPicker {
    pub input: TextInput,
    /// The library as it was when the picker opened, with its search keys built once.
    index: AnswerIndex,
    pub hits: Vec<Answer>,
    pub selected: usize,
    pub error: Option<String>,
    /// The form it was opened from: drawn under it, and back on screen when it closes;
    /// `None`: the library's manager.
    pub form: Option<Box<Form<Purpose>>>,
    /// The case the answer's placeholders are filled from.
    pub case: AnswerCase,
}

/// What a key did in the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerEvent {
    None,
    /// Back to the form, nothing inserted.
    Close,
    /// This answer: for the form, or (managing) to edit.
    Pick(String),
    /// Managing: a new answer.
    New,
    /// Managing: remove this answer.
    Remove(Answer),
}

impl AnswerPicker {
    /// The picker over `form`, listing the most used answers until something is typed.
    pub fn new(
        service: &Service,
        form: Option<Box<Form<Purpose>>>,
        case: AnswerCase,
    ) -> AnswerPicker {
        let mut picker = AnswerPicker {
            input: TextInput::new("", false),
            index: AnswerIndex::default(),
            hits: Vec::new(),
            selected: 0,
            error: None,
            form,
            case,
        };
        picker.load(service);
        picker
    }

    /// Reads the library (one snapshot: no lock is waited for) and builds its search keys,
    /// once per opening: each key then searches them in memory (`cargo bench --bench answers`).
    fn load(&mut self, service: &Service) {
        let request = Request::SearchAnswers {
            query: String::new(),
            limit: usize::MAX,
        };
        match service.handle(request) {
            Ok(Response::Answers(all)) => {
                self.index = AnswerIndex::new(all);
                self.error = None;
            }
            Ok(_) => self.error = Some(t!("lookup-bug")),
            Err(e) => self.error = Some(e.to_string()),
        }
        self.search();
    }

    /// Searches the library for the current text.
    pub fn search(&mut self) {
        self.input.truncate_chars(MAX_QUERY_CHARS);
        self.selected = 0;
        self.hits = self
            .index
            .search(self.input.value.trim())
            .into_iter()
            .take(RESULTS)
            .cloned()
            .collect();
    }

    pub fn type_text(&mut self, text: &str) {
        if self.input.insert(text, MAX_QUERY_CHARS) {
            self.search();
        }
    }

    /// Whether it manages the library (no form under it).
    pub fn managing(&self) -> bool {
        self.form.is_none()
    }

    /// Does `action` (from the keymap's `[answers]` when managing, `[lookup]` and `[input]`).
    pub fn act(&mut self, action: Action) -> PickerEvent {
        match action {
            Action::Back => return PickerEvent::Close,
            Action::NewAnswer if self.managing() => return PickerEvent::New,
            Action::RemoveAnswer if self.managing() => {
                return match self.hits.get(self.selected) {
                    Some(answer) => PickerEvent::Remove(answer.clone()),
                    None => PickerEvent::None,
                };
            }
            Action::Open => {
                return match self.hits.get(self.selected) {
                    Some(answer) => PickerEvent::Pick(answer.id.clone()),
                    None => PickerEvent::None,
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
                    self.search();
                }
            }
        }
        PickerEvent::None
    }

    /// Draws the picker over `area`; `footer` names its keys as the keymap in use spells them.
    pub fn render(&self, f: &mut Frame, area: Rect, theme: Theme, footer: &str) {
        let list_rows = self.hits.len().max(1) as u16;
        let height = (list_rows + PREVIEW_LINES + 4).clamp(8, area.height);
        let popup = centred(area, area.width.saturating_sub(4).min(90), height);
        f.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(
                format!(
                    " {} ",
                    if self.managing() {
                        t!("answers-manager-title")
                    } else {
                        t!("answers-picker-title")
                    }
                ),
                theme.title(),
            ))
            .title_bottom(Span::styled(format!(" {footer} "), theme.dim()));
        let inner = block.inner(popup);
        f.render_widget(block, popup);
        let width = inner.width as usize;
        let mut lines = query_lines(f, inner, &self.input, self.error.as_deref(), theme);
        if self.error.is_none() && self.hits.is_empty() {
            let hint = if self.index.is_empty() {
                t!("answers-picker-empty")
            } else {
                t!("lookup-no-match")
            };
            lines.push(Line::styled(hint, theme.dim()));
        }
        let tags_w = 20.min(width / 3);
        let uses_w = 5;
        let title_w = width.saturating_sub(1 + tags_w + uses_w + 3).max(8);
        for (i, answer) in self.hits.iter().enumerate() {
            let selected = i == self.selected;
            let uses = answer.uses.to_string();
            lines.push(cells_line(
                &[
                    (if selected { "▶" } else { " " }, 1),
                    (&answer.title, title_w),
                    (&answer.tags.join(", "), tags_w),
                    (&uses, uses_w),
                ],
                if selected {
                    theme.selected()
                } else {
                    ratatui::style::Style::default()
                },
            ));
        }
        let list_height = (lines.len() as u16).min(inner.height);
        f.render_widget(
            Paragraph::new(lines),
            Rect {
                height: list_height,
                ..inner
            },
        );
        // The answer under the cursor, as written (placeholders still in braces).
        if let Some(answer) = self.hits.get(self.selected) {
            let below = inner.height.saturating_sub(list_height);
            if below >= 2 {
                let preview = Rect {
                    y: inner.y + list_height,
                    height: below,
                    ..inner
                };
                let mut shown = vec![Line::styled("─".repeat(width), theme.dim())];
                shown.extend(
                    answer
                        .text
                        .lines()
                        .map(|l| Line::raw(crate::text::sanitize(l).into_owned())),
                );
                f.render_widget(
                    Paragraph::new(shown)
                        .style(theme.dim())
                        .wrap(Wrap { trim: false }),
                    preview,
                );
            }
        }
    }
}
