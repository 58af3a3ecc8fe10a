//! What each action does: switching panes, moving, opening, sorting and filtering, complaint steps.

use super::*;
use crate::tui::jobs::Asker;

/// How many audit entries the audit view shows (the newest).
const AUDIT_SHOWN: usize = 2000;

impl App {
    /// Does `action` (from a key or the palette).
    pub fn run(&mut self, action: Action) {
        self.status = None;
        match action {
            Action::Quit => {
                if matches!(&self.overlay, Some(Overlay::Form(f)) if f.is_dirty()) {
                    self.error("a form holds unsaved input: save it or press Esc first");
                } else {
                    self.quit = true;
                }
            }
            Action::ForceQuit => self.quit = true,
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Palette => self.overlay = Some(Overlay::Palette(Box::default())),
            Action::Lookup => self.overlay = Some(Overlay::Lookup(LookupBox::new())),
            Action::Back => self.back(),
            Action::Refresh => {
                self.refresh(true);
                self.info("reloading…");
            }
            Action::PaneCustomers => self.switch(Pane::Customers),
            Action::PaneFollowUps => self.switch(Pane::FollowUps),
            Action::PaneComplaints => self.switch(Pane::Complaints),
            Action::PaneRfm => self.switch(Pane::Rfm),
            Action::NextPane | Action::PrevPane => {
                let i = Pane::ALL.iter().position(|p| *p == self.pane).unwrap_or(0);
                let step = if action == Action::NextPane { 1 } else { 3 };
                self.switch(Pane::ALL[(i + step) % 4]);
            }
            Action::Down
            | Action::Up
            | Action::Top
            | Action::Bottom
            | Action::PageDown
            | Action::PageUp => self.movement(action),
            Action::Open => self.open_selected(),
            Action::LogFollowUp
            | Action::LogCall
            | Action::OpenComplaint
            | Action::AddCarePlan
            | Action::EditCustomer => match self.target_customer() {
                Some(id) => self.open_customer_form(action, id),
                None => self.error("select a customer first"),
            },
            Action::NewCustomer => self.open_form(Purpose::new_customer_form()),
            Action::Sort => {
                self.customers.next_sort();
                self.resort();
            }
            Action::ReverseSort => {
                self.customers.descending = !self.customers.descending;
                self.resort();
            }
            Action::Filter => match self.pane {
                Pane::Complaints => self.open_form(Purpose::filter_form(
                    Purpose::ComplaintFilter,
                    &self.complaints.filter_text,
                    "status:new assignee:NAME breached",
                )),
                _ => self.open_form(Purpose::filter_form(
                    Purpose::CustomerFilter,
                    &self.customers.filter_text,
                    "stage: segment: value: owner: tag: status: or name words",
                )),
            },
            Action::ClearFilter => match self.pane {
                Pane::Complaints => self.apply_complaint_filter(String::new()),
                _ => self.apply_customer_filter(String::new()),
            },
            Action::PlanDone | Action::PlanSkip => match self.followups.selected_plan() {
                Some(item) if self.pane == Pane::FollowUps && self.card.is_none() => {
                    let form = if action == Action::PlanDone {
                        Purpose::plan_done_form(&item.plan, &item.customer.name)
                    } else {
                        Purpose::plan_skip_form(&item.plan, &item.customer.name)
                    };
                    self.open_form(form);
                }
                _ => self.error("select a care plan in the agenda (pane 2) first"),
            },
            Action::NextView => match self.pane {
                Pane::FollowUps => {
                    self.followups.view = self.followups.view.next();
                    self.followups.cursor = Default::default();
                    match self.followups.view {
                        FollowUpView::Recent if self.followups.recent.is_none() => {
                            self.load_recent()
                        }
                        FollowUpView::Forgotten if self.followups.forgotten.is_none() => {
                            self.load_forgotten()
                        }
                        _ => {}
                    }
                }
                Pane::Rfm => {
                    self.rfm.view = self.rfm.view.next();
                    self.rfm.cursor = Default::default();
                    match self.rfm.view {
                        RfmView::Churn if self.rfm.churn.is_none() => self.load_churn(),
                        RfmView::Reorders => self.load_reorders(),
                        RfmView::Causes => self
                            .jobs
                            .ask(Asker::Causes, crate::service::Request::RootCauses),
                        _ => {}
                    }
                }
                _ => {}
            },
            Action::Acknowledge
            | Action::StartWork
            | Action::Reply
            | Action::Note
            | Action::CustomerContact
            | Action::Resolve
            | Action::Close
            | Action::Reopen
            | Action::Assign => self.complaint_action(action),
            Action::AsOf => {
                let current = self.as_of.unwrap_or_else(|| self.today());
                self.open_form(Purpose::as_of_form(current));
            }
            Action::PlanReorders => {
                let (options, within_days, overdue_days) = self.reorder_window();
                self.jobs.ask(
                    Asker::PlanReorders,
                    crate::service::Request::PlanReorders {
                        options,
                        within_days,
                        overdue_days,
                    },
                );
                self.info("planning a reorder call for each customer due…");
            }
            Action::Audit => {
                self.jobs.ask(
                    Asker::Audit,
                    crate::service::Request::Audit(crate::service::AuditFilter {
                        limit: AUDIT_SHOWN,
                        ..Default::default()
                    }),
                );
                self.info("reading the audit trail…");
            }
            Action::Roles => self.jobs.ask(Asker::Roles, crate::service::Request::Roles),
            Action::SetRole => self.open_form(Purpose::set_role_form()),
            Action::Import => self.open_form(Purpose::import_form()),
            Action::Export => self.open_form(Purpose::export_form()),
            Action::Merge => match &self.card {
                Some(card) => {
                    let form = Purpose::merge_form(&card.card.customer);
                    self.open_form(form);
                }
                None => self.error("open the customer to keep first (Enter on a row, or /)"),
            },
            // Keys of forms, text boxes and questions: they reach the thing that asks for
            // them (`App::act`), never a pane.
            Action::NextField
            | Action::PrevField
            | Action::LineUp
            | Action::LineDown
            | Action::Submit
            | Action::ReloadForm
            | Action::CharLeft
            | Action::CharRight
            | Action::WordLeft
            | Action::WordRight
            | Action::LineStart
            | Action::LineEnd
            | Action::DeleteBack
            | Action::DeleteForward
            | Action::DeleteWordBack
            | Action::DeleteWordForward
            | Action::ClearToStart
            | Action::ClearToEnd
            | Action::Newline
            | Action::Yes
            | Action::No => {}
        }
    }

    pub(super) fn switch(&mut self, pane: Pane) {
        self.card = None;
        self.pane = pane;
    }

    pub(super) fn back(&mut self) {
        if self.card.is_some() {
            self.card = None;
        } else if self.complaints.detail.is_some() && self.pane == Pane::Complaints {
            self.complaints.detail = None;
            self.complaints.detail_scroll = 0;
        }
    }

    pub(super) fn movement(&mut self, action: Action) {
        if let Some(card) = &mut self.card {
            card.scroll_by(action);
            return;
        }
        if self.pane == Pane::Customers && self.customers.more {
            // Before scores are ready the ids are read page by page, ahead of the cursor.
            let want = match action {
                Action::Bottom => usize::MAX,
                _ => self.customers.cursor.selected + self.customers.page.get().max(1) * 2,
            };
            if let Err(e) = self.customers.load_pages(&self.service, want) {
                self.error(e);
            }
        }
        if self.pane == Pane::Complaints && self.complaints.detail.is_some() {
            let s = &mut self.complaints.detail_scroll;
            *s = match action {
                Action::Down => *s + 1,
                Action::Up => s.saturating_sub(1),
                Action::PageDown => *s + 10,
                Action::PageUp => s.saturating_sub(10),
                Action::Top => 0,
                _ => *s,
            };
            return;
        }
        if let Some(list) = self.focused_mut().list() {
            list.cursor.apply(action, list.len, list.page);
        }
    }

    pub(super) fn open_selected(&mut self) {
        if self.card.is_some() {
            return;
        }
        match self.pane {
            Pane::Customers => match self.customers.selected() {
                Some(id) => self.open_card(id),
                None => self.error("no customer selected"),
            },
            Pane::FollowUps => match self.followups.selected_customer() {
                Some(id) => self.open_card(id),
                None => self.error("nothing selected"),
            },
            Pane::Complaints => {
                if let Some(id) = self
                    .complaints
                    .queue
                    .as_ref()
                    .and_then(|q| q.get(self.complaints.cursor.selected))
                    .map(|v| v.complaint.id.clone())
                {
                    match self.complaint_view_now(&id, self.clock.now()) {
                        Ok(view) => {
                            self.complaints.detail = Some(view);
                            self.complaints.detail_scroll = 0;
                        }
                        Err(e) => self.error(e),
                    }
                }
            }
            Pane::Rfm if self.rfm.view == RfmView::Overview => {
                if let Some(segment) = self.rfm.selected_segment() {
                    self.switch(Pane::Customers);
                    self.apply_customer_filter(format!("segment:\"{}\"", segment.label()));
                }
            }
            Pane::Rfm if self.rfm.view == RfmView::Reorders => {
                if let Some(id) = self.rfm.selected_reorder() {
                    self.open_card(id);
                }
            }
            Pane::Rfm => {
                self.error("v goes back to the segments; Enter lists a segment's customers")
            }
        }
    }

    /// Opens the card of `id` over the current pane.
    pub fn open_card(&mut self, id: CustomerId) {
        match CardPane::load(&self.service, id, self.clock.now()) {
            Ok(card) => {
                self.card = Some(card);
                self.load_card_audit(id);
            }
            Err(e) => self.error(e),
        }
    }

    /// Asks for the card's latest changes (shown in its file once they arrive).
    pub(super) fn load_card_audit(&mut self, id: CustomerId) {
        self.jobs.ask(
            Asker::CardAudit,
            crate::service::Request::Audit(crate::service::AuditFilter {
                customer: Some(crate::service::CustomerKey::Internal(id)),
                limit: crate::tui::panes::card::AUDIT_SHOWN,
                ..Default::default()
            }),
        );
    }

    /// The customer the per-customer actions apply to.
    pub(super) fn target_customer(&self) -> Option<CustomerId> {
        if let Some(card) = &self.card {
            return Some(card.id);
        }
        match self.pane {
            Pane::Customers => self.customers.selected(),
            Pane::FollowUps => self.followups.selected_customer(),
            Pane::Complaints => self.complaints.current().map(|v| v.customer.id),
            Pane::Rfm => None,
        }
    }

    pub(super) fn resort(&mut self) {
        match self.roster.clone() {
            Some(roster) => {
                self.customers.rebuild(&roster);
                if let Some(sort) = self.customers.sort {
                    self.info(format!("sorted by {}", sort.label()));
                }
            }
            None => self.error("sorting waits for scoring to finish (a moment)"),
        }
    }

    pub(super) fn apply_customer_filter(&mut self, text: String) {
        match CustomerFilter::parse(&text) {
            Ok(filter) => {
                self.customers.filter = filter;
                self.customers.filter_text = text;
                self.customers.cursor = Default::default();
                match self.roster.clone() {
                    Some(roster) => self.customers.rebuild(&roster),
                    None => self.error("filtering waits for scoring to finish (a moment)"),
                }
            }
            Err(e) => self.error(e),
        }
    }

    pub(super) fn apply_complaint_filter(&mut self, text: String) {
        match parse_filter(&text) {
            Ok(filter) => {
                self.complaints.filter = filter;
                self.complaints.filter_text = text;
                self.complaints.cursor = Default::default();
                self.complaints.queue = None;
                self.load_queue();
            }
            Err(e) => self.error(e),
        }
    }

    pub(super) fn complaint_action(&mut self, action: Action) {
        if self.pane != Pane::Complaints || self.card.is_some() {
            self.error("select a complaint in the complaints pane (3) first");
            return;
        }
        let Some(view) = self.complaints.current() else {
            self.error("no complaint selected");
            return;
        };
        let form = Purpose::complaint_form(action, &view.complaint, &view.customer.name);
        match form {
            Some(form) => self.open_form(form),
            // Start and close need no words: save at once.
            None if self.saving() => {
                self.error("a save is still running; wait for it to finish");
            }
            None => {
                let purpose = Purpose::Complaint {
                    id: view.complaint.id.clone(),
                    version: view.complaint.version,
                    action,
                };
                let form = Form::new("", purpose, Vec::new());
                self.submit(Box::new(form));
            }
        }
    }
}
