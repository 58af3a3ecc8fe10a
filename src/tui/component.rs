//! What every pane and the card are to the app: each draws itself from its own state and a
//! [`RenderContext`] holding everything else a frame needs (no `Service`: drawing reads no
//! database), and hands out the list the movement keys, the wheel and clicks move in.

use super::list::ListCursor;
use super::panes::complaints::LiveSla;
use super::theme::Theme;
use crate::service::Roster;
use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::layout::Rect;

/// Everything a frame needs besides a component's own state.
pub struct RenderContext<'a> {
    pub theme: Theme,
    pub today: NaiveDate,
    /// Now, in local time (plans are due at local wall-clock times).
    pub now: NaiveDateTime,
    /// The scores, once the background scoring is done.
    pub roster: Option<&'a Roster>,
    /// A complaint's SLA state now (countdowns move at every frame).
    pub live: &'a LiveSla<'a>,
    /// The component's footer hint, spelled from the keymap in use.
    pub keys: &'a str,
}

/// A list a component shows: its cursor, how many rows, how many fit on the screen.
pub struct ListMut<'a> {
    pub cursor: &'a mut ListCursor,
    pub len: usize,
    pub page: usize,
}

/// A pane or the card.
pub trait Component {
    /// Draws from the component's own state and `cx`.
    fn draw(&self, f: &mut Frame, area: Rect, cx: &RenderContext<'_>);

    /// The list movement and clicks act on, if the component shows one now.
    fn list(&mut self) -> Option<ListMut<'_>> {
        None
    }
}
