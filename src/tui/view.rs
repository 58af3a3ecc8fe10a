//! Drawing the whole screen from the app state: tabs, the pane or card, the status line, and
//! whatever overlay is open. Reads only what is in view.

use super::action::Section;
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
            let message = t!(
                "screen-too-small",
                min_w = MIN_WIDTH,
                min_h = MIN_HEIGHT,
                w = area.width,
                h = area.height
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
        self.body_area.set(body);
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
        let keys = self.hints(&self.pane_sections(), &self.focused().hints());
        let cx = super::component::RenderContext {
            theme,
            today,
            now: self.clock.local_now(),
            roster,
            live: &live,
            keys: &keys,
            currency: &self.currency,
        };
        self.focused().draw(f, body, &cx);
        self.draw_status(f, status);
        let sections = self.pane_sections();
        match &self.overlay {
            None => {}
            Some(Overlay::Lookup(lookup)) => lookup.render(f, body, theme),
            Some(Overlay::Answers(picker)) => {
                if let Some(form) = &picker.form {
                    let keys = self.form_keys(form);
                    form.render(f, body, theme, None, &keys);
                }
                picker.render(f, body, theme, &self.picker_keys(picker.managing()));
            }
            Some(Overlay::Help { scroll }) => {
                // The pane's keys, then those of forms and text boxes, so they can be found.
                let listed: Vec<Section> = sections
                    .iter()
                    .copied()
                    .chain([Section::Form, Section::Input, Section::Lookup])
                    .collect();
                render_help(f, body, &self.keymap, &listed, *scroll, theme)
            }
            Some(Overlay::Palette(palette)) => {
                palette.render(f, body, &self.keymap, &sections, theme)
            }
            Some(Overlay::Form(form)) => {
                let notice = self.save_notice();
                let keys = self.form_keys(form);
                form.render(f, body, theme, notice.as_deref(), &keys);
            }
            Some(Overlay::Report {
                title,
                lines,
                scroll,
            }) => {
                let popup = super::form::centred(
                    body,
                    body.width.saturating_sub(4),
                    body.height.saturating_sub(2),
                );
                f.render_widget(Clear, popup);
                let shown: Vec<Line> = lines
                    .iter()
                    .skip(*scroll)
                    .map(|l| Line::raw(text::fit(l, popup.width.saturating_sub(2) as usize)))
                    .collect();
                let help = super::action::InputContext::Help.sections();
                let key = |a| self.keymap.key_for(a, help).unwrap_or_default();
                let footer = t!(
                    "report-footer",
                    lines = t!("count-lines", n = lines.len()),
                    down = key(super::action::Action::Down),
                    up = key(super::action::Action::Up)
                );
                let footer = format!(" {footer} ");
                f.render_widget(
                    Paragraph::new(shown).block(
                        Block::default()
                            .borders(Borders::ALL)
                            .title(Span::styled(
                                format!(" {} ", text::sanitize(title)),
                                theme.title(),
                            ))
                            .title_bottom(Span::styled(footer, theme.dim())),
                    ),
                    popup,
                );
            }
            Some(Overlay::Notes(notes)) => {
                let popup =
                    super::form::centred(body, body.width.saturating_sub(6), body.height / 2);
                f.render_widget(Clear, popup);
                let lines: Vec<Line> = notes
                    .iter()
                    .map(|n| Line::raw(text::sanitize(n).into_owned()))
                    .chain([Line::styled(t!("notes-any-key"), theme.dim())])
                    .collect();
                f.render_widget(
                    Paragraph::new(lines).wrap(Wrap { trim: false }).block(
                        Block::default().borders(Borders::ALL).title(Span::styled(
                            format!(" {} ", t!("notes-title")),
                            theme.title(),
                        )),
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

    /// `key words · key words` for each action the keymap binds in `sections` (an unbound
    /// action is left out), for footers and headers.
    fn hints(&self, sections: &[Section], wanted: &[(super::action::Action, &str)]) -> String {
        wanted
            .iter()
            .filter_map(|(action, words)| {
                self.keymap
                    .key_for(*action, sections)
                    .map(|key| format!("{key} {words}"))
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// The answer picker's footer: its keys as the keymap in use spells them.
    fn picker_keys(&self, managing: bool) -> String {
        use super::action::{Action, InputContext};
        if managing {
            let sections = InputContext::Answers.sections();
            let key = |action| self.keymap.key_for(action, sections).unwrap_or_default();
            return t!(
                "answers-manager-footer",
                open = key(Action::Open),
                new = key(Action::NewAnswer),
                remove = key(Action::RemoveAnswer),
                back = key(Action::Back)
            );
        }
        let sections = InputContext::Lookup.sections();
        let key = |action| self.keymap.key_for(action, sections).unwrap_or_default();
        t!(
            "answers-picker-footer",
            open = key(Action::Open),
            move = format!("{}/{}", key(Action::Down), key(Action::Up)),
            back = key(Action::Back)
        )
    }

    /// The form's footer: its keys as the keymap in use spells them.
    fn form_keys(&self, form: &super::form::Form<super::purpose::Purpose>) -> String {
        use super::action::{Action, InputContext};
        use super::form::FieldKind;
        let sections = InputContext::Form.sections();
        let key = |action| self.keymap.key_for(action, sections);
        let mut parts: Vec<(Option<String>, &str)> = vec![
            (key(Action::Submit), ts!("hint-save")),
            (key(Action::NextField), ts!("hint-next-field")),
        ];
        match form.fields.get(form.focus).map(|field| &field.kind) {
            Some(FieldKind::Choice(_)) => parts.push((
                key(Action::CharLeft)
                    .zip(key(Action::CharRight))
                    .map(|(l, r)| format!("{l}/{r}")),
                ts!("hint-change-choice"),
            )),
            Some(FieldKind::Lines) => parts.push((key(Action::Newline), ts!("hint-new-line"))),
            _ => {}
        }
        if form.purpose.answer_target().is_some() {
            parts.push((key(Action::PickAnswer), ts!("hint-pick-answer")));
        }
        parts.push((key(Action::Back), ts!("hint-cancel")));
        parts
            .into_iter()
            .filter_map(|(keys, words)| keys.map(|keys| format!("{keys} {words}")))
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// Each tab's label and whether it is the active one, in order.
    fn tab_labels(&self) -> Vec<(Pane, String, bool)> {
        Pane::ALL
            .iter()
            .enumerate()
            .map(|(i, pane)| {
                let active = *pane == self.pane && self.card.is_none();
                let label = format!(" {} {} ", i + 1, pane.title());
                if active {
                    (*pane, format!("[{}]", label.trim()), true)
                } else {
                    (*pane, label, false)
                }
            })
            .collect()
    }

    /// The columns each tab takes on the top row (`from..to`), for mouse clicks.
    pub(super) fn tab_ranges(&self) -> Vec<(u16, u16, Pane)> {
        let mut x = 0u16;
        let mut out = Vec::new();
        for (pane, label, _) in self.tab_labels() {
            let width = u16::try_from(text::width(&label)).unwrap_or(u16::MAX);
            out.push((x, x.saturating_add(width), pane));
            x = x.saturating_add(width + 1);
        }
        out
    }

    fn draw_tabs(&self, f: &mut Frame, area: Rect) {
        let theme = self.theme;
        let mut spans = Vec::new();
        for (_, label, active) in self.tab_labels() {
            let style = if active {
                theme.active_tab()
            } else {
                theme.dim()
            };
            spans.push(Span::styled(label, style));
            spans.push(Span::raw(" "));
        }
        if self.card.is_some() {
            spans.push(Span::styled(t!("tab-card"), theme.active_tab()));
        }
        let (user, role) = &self.identity;
        let mut who = format!("{} ({})", text::sanitize(user), role.title());
        let used: usize = spans.iter().map(|s| text::width(&s.content)).sum();
        let width = area.width as usize;
        // What needs me comes before who I am: with no room for both, the name goes.
        let mut reminder = None;
        if let Some(r) = &self.reminders {
            let beside = width.saturating_sub(used + text::width(&who) + 2);
            let alone = width.saturating_sub(used + 1);
            // The counts in words beside the name, else in words alone, else the total.
            let chosen = [(beside, true), (alone, false)]
                .into_iter()
                .find_map(|(room, keep)| {
                    super::widgets::reminder_text(r, room, false).map(|t| (t, keep))
                })
                .or_else(|| {
                    [(beside, true), (alone, false)]
                        .into_iter()
                        .find_map(|(room, keep)| {
                            super::widgets::reminder_text(r, room, true).map(|t| (t, keep))
                        })
                });
            if let Some((text, keep)) = chosen {
                if !keep {
                    who.clear();
                }
                reminder = Some(text);
            }
        }
        let urgent = self
            .reminders
            .as_ref()
            .is_some_and(|r| r.overdue_plans + r.sla_breached > 0);
        let shown = reminder.as_deref().map_or(0, text::width)
            + usize::from(reminder.is_some() && !who.is_empty()) * 2;
        let gap = width.saturating_sub(used + shown + text::width(&who));
        spans.push(Span::raw(" ".repeat(gap)));
        if let Some(reminder) = reminder {
            let style = if urgent { theme.error() } else { theme.title() };
            spans.push(Span::styled(reminder, style));
            if !who.is_empty() {
                spans.push(Span::raw("  "));
            }
        }
        spans.push(Span::styled(who, theme.dim()));
        f.render_widget(Paragraph::new(Line::from(spans)), area);
    }

    fn draw_status(&self, f: &mut Frame, area: Rect) {
        let theme = self.theme;
        if let Some(importing) = &self.importing {
            let ratio = if importing.total == 0 {
                0.0
            } else {
                (importing.done as f64 / importing.total as f64).clamp(0.0, 1.0)
            };
            let name = text::sanitize(&importing.name).into_owned();
            let label = if importing.total == 0 && importing.done > 0 {
                // The first pass: every row is checked before any is written.
                t!(
                    "checking-rows",
                    name = name,
                    done = text::thousands(importing.done)
                )
            } else {
                t!(
                    "importing-rows",
                    name = name,
                    done = text::thousands(importing.done),
                    total = text::thousands(importing.total)
                )
            };
            f.render_widget(
                ratatui::widgets::LineGauge::default()
                    .ratio(ratio)
                    .label(label)
                    .filled_style(theme.good())
                    .unfilled_style(theme.dim()),
                area,
            );
            return;
        }
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
            let sections = self.pane_sections();
            let key = |a| {
                self.keymap
                    .key_for(a, &sections)
                    .unwrap_or_else(|| "?".into())
            };
            use super::action::Action;
            Line::from(vec![
                Span::styled(key(Action::Lookup), theme.key()),
                Span::raw(format!(" {}  ", t!("status-find"))),
                Span::styled(key(Action::Help), theme.key()),
                Span::raw(format!(" {}  ", t!("status-keys"))),
                Span::styled(key(Action::Palette), theme.key()),
                Span::raw(format!(" {}  ", t!("status-actions"))),
                Span::styled(key(Action::Quit), theme.key()),
                Span::raw(format!(" {}", t!("status-quit"))),
            ])
        };
        f.render_widget(Paragraph::new(line), area);
    }
}
