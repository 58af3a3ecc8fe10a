//! What needs this person, kept current: read in the background every few seconds and after
//! any commit (this process's or another's), shown on the top line; what has just become due
//! rings the bell (and sends the notification, when asked for) once.

use super::*;
use crate::service::{Reminders, Request};

/// How often the reminders are read again when nothing is committed (a plan whose time has
/// come, an SLA now within the hour).
pub(super) const REMIND_EVERY: Duration = Duration::from_secs(5);

impl App {
    /// Reads the reminders again, off this thread.
    pub(super) fn load_reminders(&mut self) {
        self.last_remind = Instant::now();
        let now = self.clock.now();
        self.jobs.ask(Asker::Reminders, Request::Reminders { now });
    }

    /// New reminders: what was not there before asks for an alert (not at the first reading:
    /// opening the workbench shows what is due without ringing).
    pub(super) fn take_reminders(&mut self, reminders: Reminders) {
        if let Some(before) = &self.reminders
            && !reminders.new_since(before).is_empty()
        {
            self.pending_alert = Some(reminders.parts(false).join(" · "));
        }
        self.reminders = Some(reminders);
    }

    /// The bytes that alert the terminal about what just became due, once; `None` when there
    /// is nothing new (or bell and notification are both off).
    pub fn take_alert(&mut self) -> Option<String> {
        let text = self.pending_alert.take()?;
        let in_tmux = std::env::var_os("TMUX").is_some();
        let bytes = crate::tui::alert::alert_bytes(self.alerts, "loyal", &text, in_tmux);
        (!bytes.is_empty()).then_some(bytes)
    }
}
