//! What the screen needs answered at once (a change counter, a count, who is at the desk), asked
//! as `Request`s like everything else, so the workbench speaks to the service through
//! `Service::handle` only; the few exceptions are in-process by nature (the scores of a million
//! customers, the SLA calendar, how long a save has waited for the write lock, files streamed
//! in and out).

use super::*;
use crate::service::{Request, Response};

impl App {
    /// How many commits the file has seen (others' changes show when it moves).
    pub(super) fn change_counter_now(&self) -> Option<u64> {
        match self.service.handle(Request::ChangeCounter) {
            Ok(Response::ChangeCounter(n)) => Some(n),
            _ => None,
        }
    }

    pub(super) fn customer_count_now(&self) -> Option<u64> {
        match self.service.handle(Request::CustomerCount) {
            Ok(Response::Count(n)) => Some(n),
            _ => None,
        }
    }

    /// Who works at this desk, and their role.
    pub(super) fn whoami_now(&self) -> (String, crate::domain::Role) {
        match self.service.handle(Request::Whoami) {
            Ok(Response::Whoami { user, role }) => (user, role),
            _ => {
                let (user, role) = self.service.whoami();
                (user.to_owned(), role)
            }
        }
    }
}

/// The message for an answer of the wrong kind (a bug, never the user's doing).
pub(super) fn unexpected(what: &str) -> String {
    t!("unexpected-bug", what = what)
}
