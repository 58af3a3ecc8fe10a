//! Drawing the whole screen from the app state: tabs, the pane or card, the status line, and
//! whatever overlay is open. Reads only what is in view.

use super::app::{App, Overlay, Pane};
use super::overlays::help::{render_help, render_which_key};
use crate::text;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

/// The smallest terminal the workbench draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

impl App {
    pub fn draw(&self, f: &mut Frame) {
        let area = f.area();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let message = format!(
                "loyal needs a terminal of at least {MIN_WIDTH}x{MIN_HEIGHT}; this one is {}x{}. Enlarge the window (q quits).",
                area.width, area.height
            );
            f.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), area);
            return;
        }
        let [tabs, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(area);
        self.draw_tabs(f, tabs);
        let theme = self.theme;
        let today = self.today();
        let roster = self.roster.as_deref();
        let now = self.clock.now();
        let live = |c: &crate::domain::Complaint, loaded: &crate::service::SlaState| {
            self.sla_policy
                .as_ref()
                .map_or(*loaded, |p| p.state(c, now))
        };
        match &self.card {
            Some(card) => card.render(f, body, roster, today, theme, &live),
            None => match self.pane {
                Pane::Customers => {
                    self.customers
                        .render(f, body, &self.service, roster, today, theme, true)
                }
                Pane::FollowUps => {
                    self.followups
                        .render(f, body, &self.service, self.clock.local_now(), theme)
                }
                Pane::Complaints => self.complaints.render(f, body, theme, &live),
                Pane::Rfm => self.rfm.render(
                    f,
                    body,
                    roster.map(|r| r.as_of.format("%Y-%m-%d").to_string()),
                    theme,
                ),
            },
        }
        self.draw_status(f, status);
        let sections = self.sections();
        match &self.overlay {
            None => {}
            Some(Overlay::Lookup(lookup)) => lookup.render(f, body, theme),
            Some(Overlay::Help { scroll }) => {
                render_help(f, body, &self.keymap, &sections, *scroll, theme)
            }
            Some(Overlay::Palette(palette)) => {
                palette.render(f, body, &self.keymap, &sections, theme)
            }
            Some(Overlay::Form(form)) => {
                let notice = self.save_notice();
                form.render(f, body, theme, notice.as_deref());
            }
            Some(Overlay::Notes(notes)) => {
                let popup =
                    super::form::centred(body, body.width.saturating_sub(6), body.height / 2);
                f.render_widget(Clear, popup);
                let lines: Vec<Line> = notes
                    .iter()
                    .map(|n| Line::raw(text::sanitize(n).into_owned()))
                    .chain([Line::styled("(any key closes)", theme.dim())])
                    .collect();
                f.render_widget(
                    Paragraph::new(lines).wrap(Wrap { trim: false }).block(
                        Block::default()
                            .borders(Borders::ALL)
                            .title(Span::styled(" Keymap notes ", theme.title())),
                    ),
                    popup,
                );
            }
        }
        if !self.pending_hint.is_empty() {
            let pressed: Vec<String> = self.pending.iter().map(|k| k.to_string()).collect();
            render_which_key(f, body, &pressed.join(" "), &self.pending_hint, theme);
        }
    }

    fn draw_tabs(&self, f: &mut Frame, area: Rect) {
        let theme = self.theme;
        let mut spans = Vec::new();
        for (i, pane) in Pane::ALL.iter().enumerate() {
            let active = *pane == self.pane && self.card.is_none();
            let label = format!(" {} {} ", i + 1, pane.title());
            if active {
                spans.push(Span::styled(
                    format!("[{}]", label.trim()),
                    theme.active_tab(),
                ));
            } else {
                spans.push(Span::styled(label, theme.dim()));
            }
            spans.push(Span::raw(" "));
        }
        if self.card.is_some() {
            spans.push(Span::styled("[card]", theme.active_tab()));
        }
        let (user, role) = self.service.whoami();
        let who = format!("{} ({role})", text::sanitize(user));
        let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
        let gap = (area.width as usize).saturating_sub(used + text::width(&who));
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(who, theme.dim()));
        f.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    fn draw_status(&self, f: &mut Frame, area: Rect) {
        let theme = self.theme;
        let line = if let Some(notice) = self.save_notice() {
            Line::styled(notice, theme.due_soon())
        } else if let Some(status) = &self.status {
            let mark = if status.error { "✗ " } else { "✓ " };
            Line::styled(
                text::fit(&format!("{mark}{}", status.text), area.width as usize),
                if status.error {
                    theme.error()
                } else {
                    theme.good()
                },
            )
        } else {
            let sections = self.sections();
            let key = |a| {
                self.keymap
                    .key_for(a, &sections)
                    .unwrap_or_else(|| "?".into())
            };
            use super::action::Action;
            Line::from(vec![
                Span::styled(key(Action::Lookup), theme.key()),
                Span::raw(" find  "),
                Span::styled(key(Action::Help), theme.key()),
                Span::raw(" keys  "),
                Span::styled(key(Action::Palette), theme.key()),
                Span::raw(" actions  "),
                Span::styled(key(Action::Quit), theme.key()),
                Span::raw(" quit"),
            ])
        };
        f.render_widget(Paragraph::new(line), area);
    }
}
