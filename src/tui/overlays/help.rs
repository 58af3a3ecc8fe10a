//! The help overlay (the bindings of the focused pane, generated from the keymap) and the
//! which-key hint shown while a multi-key sequence is pending.

use crate::tui::action::{Action, Section};
use crate::tui::form::centred;
use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// Lines of help for `sections` (most specific first); a key shadowed by an earlier section is
/// listed once, under the section that wins.
pub fn help_lines(keymap: &Keymap, sections: &[Section], theme: Theme) -> Vec<Line<'static>> {
    let mut seen: Vec<String> = Vec::new();
    let mut lines = Vec::new();
    for section in sections {
        let bindings: Vec<(String, Action)> = keymap
            .bindings(*section)
            .into_iter()
            .filter(|(key, _)| !seen.contains(key))
            .collect();
        if bindings.is_empty() {
            continue;
        }
        lines.push(Line::styled(section.title(), theme.title()));
        // One line per action, with all its keys.
        let mut actions: Vec<(Action, Vec<String>)> = Vec::new();
        for (key, action) in bindings {
            seen.push(key.clone());
            match actions.iter_mut().find(|(a, _)| *a == action) {
                Some((_, keys)) => keys.push(key),
                None => actions.push((action, vec![key])),
            }
        }
        for (action, keys) in actions {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<16}", keys.join(" / ")), theme.key()),
                Span::raw(action.help()),
            ]));
        }
    }
    lines
}

pub fn render_help(
    f: &mut Frame,
    area: Rect,
    keymap: &Keymap,
    sections: &[Section],
    scroll: usize,
    theme: Theme,
) {
    let lines = help_lines(keymap, sections, theme);
    let popup = centred(
        area,
        area.width.saturating_sub(4).min(90),
        area.height.saturating_sub(2),
    );
    f.render_widget(Clear, popup);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(
            format!(" {} ", t!("help-title")),
            theme.title(),
        ))
        .title_bottom(Span::styled(
            format!(" {} ", t!("help-footer")),
            theme.dim(),
        ));
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((u16::try_from(scroll).unwrap_or(0), 0)),
        popup,
    );
}

/// The which-key hint: what may follow the keys pressed so far.
pub fn render_which_key(
    f: &mut Frame,
    area: Rect,
    pressed: &str,
    continuations: &[(String, Action)],
    theme: Theme,
) {
    let height = (continuations.len() as u16 + 2).min(area.height);
    let width = continuations
        .iter()
        .map(|(k, a)| k.len().max(6) + a.help().len() + 2)
        .max()
        .unwrap_or(20)
        .clamp(20, area.width as usize) as u16;
    let popup = Rect {
        x: area.x + area.width.saturating_sub(width),
        y: area.y + area.height.saturating_sub(height),
        width,
        height,
    };
    f.render_widget(Clear, popup);
    let lines: Vec<Line> = continuations
        .iter()
        .map(|(key, action)| {
            Line::from(vec![
                Span::styled(format!("{key:<6}"), theme.key()),
                Span::raw(action.help()),
            ])
        })
        .collect();
    f.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .title(Span::styled(format!(" {pressed} … "), theme.title())),
        ),
        popup,
    );
}
