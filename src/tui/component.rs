//! What every pane and the card are to the app: each turns an action into [`Effect`]s, builds
//! the requests for what it shows, takes the answers meant for it, and draws itself from its
//! own state and a [`RenderContext`] holding everything else a frame needs (no `Service`:
//! drawing reads no database). The app only carries effects out.

use super::action::Action;
use super::form::Form;
use super::jobs::Asker;
use super::list::ListCursor;
use super::panes::complaints::LiveSla;
use super::purpose::Purpose;
use super::theme::Theme;
use crate::domain::{CustomerId, Millis};
use crate::service::{Request, Response, Roster, ScoreOptions};
use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Frame;
use ratatui::layout::Rect;
use std::sync::Arc;

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
    /// The team's currency symbol before amounts (`currency` setting; may be empty).
    pub currency: &'a str,
}

/// What a component may know when it acts or builds a request: the dates and the scores.
pub struct ActContext {
    pub today: NaiveDate,
    pub now: Millis,
    /// Now, in local time (the agenda groups by local wall-clock time).
    pub local_now: NaiveDateTime,
    /// How scores are computed (the as-of date chosen).
    pub scoring: ScoreOptions,
    /// The scores, once the background scoring is done.
    pub roster: Option<Arc<Roster>>,
}

/// What a component asks the app to do; the app carries effects out in order.
#[derive(Debug)]
pub enum Effect {
    /// Open this customer's card over the pane.
    OpenCard(CustomerId),
    /// Close the card.
    CloseCard,
    /// Open a form (a filter, a step with words to write).
    OpenForm(Box<Form<Purpose>>),
    /// Save at once, without a form (a step that needs no words).
    Save(Box<Purpose>),
    /// Load what `asker` shows: the component that owns it builds the request.
    Load(Asker),
    /// Ask the service this, and hand the answer to `asker`.
    Ask(Asker, Box<Request>),
    /// Show the customers pane with this filter.
    ShowCustomers(String),
    /// List the customers pane again (its filter or sort changed), in the background.
    ListCustomers,
    /// A message on the status line.
    Info(String),
    /// An error on the status line.
    Error(String),
}

/// What changed, for [`Component::changed`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Someone (this desk or another) committed.
    Committed,
    /// Someone committed, and the scores are computed again now (a refresh asked for).
    Rescoring,
    /// The date scores are computed as of changed: the scores shown are dropped.
    AsOf,
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

    /// Does `action` when it is this component's, saying what else must happen; `None` when
    /// it is not (the app then does it, or says where it applies).
    fn act(&mut self, _action: Action, _cx: &ActContext) -> Option<Vec<Effect>> {
        None
    }

    /// The request that loads what `asker` shows, when `asker` is this component's.
    fn request(&self, _asker: Asker, _cx: &ActContext) -> Option<Request> {
        None
    }

    /// Takes the answer for `asker` when it is this component's, saying what else must
    /// happen; hands it back when it is not.
    fn answer(&mut self, _asker: Asker, response: Response) -> Result<Vec<Effect>, Response> {
        Err(response)
    }

    /// Data changed, or the scores are computed again: what to load again.
    fn changed(&mut self, _change: Change) -> Vec<Effect> {
        Vec::new()
    }

    /// New scores arrived.
    fn scored(&mut self, _roster: &Arc<Roster>) {}

    /// The customer per-customer actions (log a call, open a complaint) apply to.
    fn customer(&self) -> Option<CustomerId> {
        None
    }

    /// The footer's or header's key hints: an action and what it does here (the keymap in
    /// use spells the key).
    fn hints(&self) -> Vec<(Action, &'static str)> {
        Vec::new()
    }
}
