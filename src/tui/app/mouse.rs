//! The mouse: a click on a tab switches to it, a click on a row selects it, a second click on
//! the same row opens it, the wheel scrolls whatever has the keys. Off with `mouse = false`.

use super::*;
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

/// Two clicks on one row within this long are a double click.
const DOUBLE_CLICK: Duration = Duration::from_millis(500);
/// Rows one notch of the wheel moves.
const WHEEL_ROWS: usize = 3;
/// Rows above the first list row in every list pane (a summary line and the column headers).
const LIST_HEADER_ROWS: u16 = 2;

impl App {
    pub(super) fn mouse(&mut self, event: MouseEvent) {
        match event.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let action = if event.kind == MouseEventKind::ScrollDown {
                    Action::Down
                } else {
                    Action::Up
                };
                if let Some(context) = self.context() {
                    for _ in 0..WHEEL_ROWS {
                        self.act(context, action);
                    }
                }
            }
            MouseEventKind::Down(MouseButton::Left) if self.overlay.is_none() => {
                self.click(event.column, event.row)
            }
            _ => {}
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        if row == 0 {
            let hit = self
                .tab_ranges()
                .into_iter()
                .find(|(from, to, _)| (*from..*to).contains(&column));
            if let Some((_, _, pane)) = hit {
                self.run(pane.action());
            }
            return;
        }
        let body = self.body_area.get();
        if row < body.y + LIST_HEADER_ROWS || row >= body.bottom() {
            return;
        }
        let offset = usize::from(row - body.y - LIST_HEADER_ROWS);
        let Some(index) = self.row_at(offset) else {
            return;
        };
        let double = self
            .last_click
            .is_some_and(|(at, i)| i == index && at.elapsed() <= DOUBLE_CLICK);
        self.last_click = Some((Instant::now(), index));
        if double {
            self.last_click = None;
            self.run(Action::Open);
        }
    }

    /// Selects the list row drawn `offset` rows below the headers, if there is one; its index.
    fn row_at(&mut self, offset: usize) -> Option<usize> {
        let list = self.focused_mut().list()?;
        let (cursor, len, page) = (list.cursor, list.len, list.page);
        let index = cursor.visible(len, page).start + offset;
        if offset >= page || index >= len {
            return None;
        }
        cursor.selected = index;
        cursor.clamp(len, page);
        Some(index)
    }
}
