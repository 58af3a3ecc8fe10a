//! Screen pops: a call a telephony hook announced (`loyal pop`) brings up the caller. One
//! customer with that number opens the call screen; several show the lookup list; none opens
//! the new-customer form with the number filled in. A form with typed text is never thrown
//! away for it: the status line says who is calling instead.

use super::*;
use crate::pop::Pop;
use crate::service::{Request, Response};

/// How often the spool folder is looked at (a pop shows within about this long).
pub(super) const POP_EVERY: Duration = Duration::from_millis(300);

impl App {
    /// Looks for pops addressed to this workbench; shows the newest. True when one came.
    pub(super) fn check_pops(&mut self) -> bool {
        self.last_pop_check = Instant::now();
        let now = chrono::Utc::now().timestamp_millis();
        let spool = crate::pop::spool(self.service.database_path());
        match self.pops.take(&spool, now).pop() {
            Some(pop) => {
                self.pop_up(pop);
                true
            }
            None => false,
        }
    }

    /// Brings up the caller of `pop`.
    pub fn pop_up(&mut self, pop: Pop) {
        let phone = crate::text::sanitize(&pop.phone).into_owned();
        let busy = match &self.overlay {
            Some(Overlay::Form(form)) => Some(&**form),
            // The answer picker holds the form it was opened over.
            Some(Overlay::Answers(picker)) => picker.form.as_deref(),
            _ => None,
        }
        .is_some_and(|form| form.is_dirty() || form.saving_since.is_some());
        if busy {
            return self.info(t!("pop-busy", phone = phone));
        }
        let request = Request::Lookup {
            query: pop.phone.clone(),
            limit: 20,
        };
        let hits = match self.service.handle(request) {
            Ok(Response::Lookup(hits)) => hits,
            Ok(_) => return self.error(t!("lookup-bug")),
            Err(e) => return self.error(e.to_string()),
        };
        let callers: Vec<CustomerId> = hits
            .iter()
            .filter(|h| h.kind == crate::service::MatchKind::Phone)
            .map(|h| h.customer.id)
            .collect();
        self.overlay = None;
        match callers.as_slice() {
            [one] => {
                self.open_card(*one);
                let name = self
                    .card
                    .as_ref()
                    .map(|c| c.card.customer.name.clone())
                    .unwrap_or_default();
                self.info(t!(
                    "pop-caller",
                    phone = phone,
                    name = crate::text::sanitize(&name).into_owned()
                ));
            }
            [] => {
                // The caller's name is what is asked first.
                let mut form = Purpose::new_customer_form().focus_on("name");
                if let Some(field) = form.field_mut("phones") {
                    field.set_value(pop.phone.as_str());
                }
                self.open_form(form);
                self.info(t!("pop-unknown", phone = phone));
            }
            many => {
                let mut lookup = LookupBox::new();
                lookup.type_text(&self.service, &pop.phone);
                self.overlay = Some(Overlay::Lookup(lookup));
                self.info(t!("pop-several", phone = phone, n = many.len()));
            }
        }
    }
}
