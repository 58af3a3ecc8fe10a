//! What the screen needs answered at once (a change counter, a count, one complaint), asked
//! as `Request`s like everything else, so the workbench speaks to the service through
//! `Service::handle` only; the few exceptions are in-process by nature (the scores of a million
//! customers, the SLA calendar, how long a save has waited for the write lock, files streamed
//! in and out).

use super::*;
use crate::service::{ComplaintView, Request, Response};

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

    /// Customer ids after `after`, in id order.
    pub(super) fn customer_ids_now(
        &self,
        after: Option<CustomerId>,
        limit: usize,
    ) -> Result<Vec<CustomerId>, String> {
        match self
            .service
            .handle(Request::CustomerIdsAfter { after, limit })
            .map_err(|e| e.to_string())?
        {
            Response::CustomerIds(ids) => Ok(ids),
            _ => Err(unexpected("customer ids")),
        }
    }

    /// One complaint with its SLA state at `now`.
    pub(super) fn complaint_view_now(
        &self,
        id: &str,
        now: Millis,
    ) -> Result<ComplaintView, String> {
        let request = Request::ComplaintViewAt {
            id: id.to_owned(),
            now,
        };
        match self.service.handle(request).map_err(|e| e.to_string())? {
            Response::ComplaintView(view) => Ok(*view),
            _ => Err(unexpected("complaint")),
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
    format!("the service answered something else than {what} (a bug)")
}
