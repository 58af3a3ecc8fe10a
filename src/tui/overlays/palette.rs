//! The command palette: every action by name, fuzzy-matched as you type (nucleo-matcher, the
//! matcher of helix and television).

use crate::tui::action::{Action, Section};
use crate::tui::edit::{Outcome, TextInput};
use crate::tui::form::centred;
use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

pub struct Palette {
    pub input: TextInput,
    pub matches: Vec<Action>,
    pub selected: usize,
    matcher: Matcher,
}

impl std::fmt::Debug for Palette {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Palette")
            .field("input", &self.input.value)
            .field("matches", &self.matches)
            .finish()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaletteEvent {
    None,
    Run(Action),
    Close,
}

impl Palette {
    pub fn new() -> Palette {
        let mut palette = Palette {
            input: TextInput::new("", false),
            matches: Vec::new(),
            selected: 0,
            matcher: Matcher::new(Config::DEFAULT),
        };
        palette.refilter();
        palette
    }

    /// Actions whose name or description matches the typed text, best first: the action named
    /// exactly (`pane_rfm`, or `pane rfm`), then names starting with the text (`pane_`), then
    /// other names that match, then actions matched by their description only.
    pub fn refilter(&mut self) {
        let query = self.input.value.trim();
        self.selected = 0;
        if query.is_empty() {
            self.matches = Action::ALL
                .iter()
                .copied()
                .filter(|a| a.in_palette())
                .collect();
            return;
        }
        let key = query
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("_");
        let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
        let mut buf = Vec::new();
        let mut scored: Vec<(u8, u32, Action)> = Action::ALL
            .iter()
            .filter(|a| a.in_palette())
            .filter_map(|a| {
                let name = a.name();
                let mut score =
                    |text: &str| pattern.score(Utf32Str::new(text, &mut buf), &mut self.matcher);
                let by_name = score(name).or_else(|| score(&name.replace('_', " ")));
                let tier = if name == key {
                    3
                } else if name.starts_with(&key) {
                    2
                } else if by_name.is_some() {
                    1
                } else {
                    0
                };
                let points = match by_name {
                    Some(points) => points,
                    None if tier > 0 => 0,
                    None => score(&format!("{} {}", name.replace('_', " "), a.help()))?,
                };
                Some((tier, points, *a))
            })
            .collect();
        scored.sort_by_key(|(tier, points, a)| {
            (std::cmp::Reverse(*tier), std::cmp::Reverse(*points), *a)
        });
        self.matches = scored.into_iter().map(|(_, _, a)| a).collect();
    }

    /// Does `action` (from the keymap's `[palette]` and `[input]` sections).
    pub fn act(&mut self, action: Action) -> PaletteEvent {
        match action {
            Action::Back => PaletteEvent::Close,
            Action::Open => self
                .matches
                .get(self.selected)
                .map_or(PaletteEvent::None, |a| PaletteEvent::Run(*a)),
            Action::Down => {
                self.selected = (self.selected + 1).min(self.matches.len().saturating_sub(1));
                PaletteEvent::None
            }
            Action::Up => {
                self.selected = self.selected.saturating_sub(1);
                PaletteEvent::None
            }
            other => {
                if let Some(edit) = other.edit()
                    && self.input.apply(edit) == Outcome::Changed
                {
                    self.refilter();
                }
                PaletteEvent::None
            }
        }
    }

    /// Typed or pasted text: the list follows at once.
    pub fn type_text(&mut self, text: &str) {
        if self.input.insert(text, 200) {
            self.refilter();
        }
    }

    pub fn paste(&mut self, text: &str) {
        self.type_text(text);
    }

    pub fn render(
        &self,
        f: &mut Frame,
        area: Rect,
        keymap: &Keymap,
        sections: &[Section],
        theme: Theme,
    ) {
        let popup = centred(
            area,
            area.width.saturating_sub(4).min(80),
            area.height.saturating_sub(4),
        );
        f.render_widget(Clear, popup);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(Span::styled(
                format!(" {} ", t!("palette-title")),
                theme.title(),
            ))
            .title_bottom(Span::styled(
                format!(" {} ", t!("palette-footer")),
                theme.dim(),
            ));
        let inner = block.inner(popup);
        f.render_widget(block, popup);
        let mut lines = vec![Line::from(vec![
            Span::styled(": ", theme.key()),
            Span::raw(crate::text::sanitize(&self.input.value).into_owned()),
        ])];
        let rows = inner.height.saturating_sub(1) as usize;
        let start = self.selected.saturating_sub(rows.saturating_sub(1));
        for (i, action) in self.matches.iter().enumerate().skip(start).take(rows) {
            let selected = i == self.selected;
            let key = keymap.key_for(*action, sections).unwrap_or_default();
            // What the action does, in words; its keymap name (`pane_rfm`) finds it but is
            // not shown.
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{} ", if selected { "▶" } else { " " }),
                    if selected {
                        theme.selected()
                    } else {
                        Style::default()
                    },
                ),
                Span::styled(format!("{key:<8}"), theme.key()),
                Span::styled(
                    action.help(),
                    if selected {
                        theme.selected()
                    } else {
                        Style::default()
                    },
                ),
            ]));
        }
        if self.matches.is_empty() {
            lines.push(Line::styled(t!("palette-no-match"), theme.dim()));
        }
        f.render_widget(Paragraph::new(lines), inner);
    }
}

impl Default for Palette {
    fn default() -> Self {
        Palette::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_matching_finds_actions_by_name_and_words() {
        let mut p = Palette::new();
        assert_eq!(
            p.matches.len(),
            Action::ALL.iter().filter(|a| a.in_palette()).count()
        );
        assert!(
            !p.matches.contains(&Action::DeleteWordBack),
            "editing keys are not actions to run by name"
        );
        p.paste("logfol");
        assert_eq!(p.matches.first(), Some(&Action::LogFollowUp));
        p.input.set("");
        p.paste("complaint open");
        assert_eq!(p.matches.first(), Some(&Action::OpenComplaint));
    }

    #[test]
    fn an_action_is_found_by_its_own_name_and_names_rank_first() {
        let mut p = Palette::new();
        for name in ["pane_rfm", "PANE_RFM", "pane rfm"] {
            p.input.set("");
            p.paste(name);
            assert_eq!(p.matches.first(), Some(&Action::PaneRfm), "{name}");
        }
        for query in ["pane_", "pane"] {
            p.input.set("");
            p.paste(query);
            let first: Vec<&str> = p.matches.iter().take(4).map(|a| a.name()).collect();
            assert!(
                first.iter().all(|n| n.starts_with("pane_")),
                "{query}: {first:?}"
            );
            let help = p.matches.iter().position(|a| *a == Action::Help);
            assert!(help.is_none_or(|at| at >= 4), "{query}: {:?}", p.matches);
        }
        // The description still finds an action.
        p.input.set("");
        p.paste("pinyin");
        assert_eq!(p.matches.first(), Some(&Action::Lookup));
    }
}
