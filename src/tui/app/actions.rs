//! What an action does: the focused component's own first (it answers with effects the app
//! carries out), then what is the app's (panes, overlays, forms opened anywhere, quitting).

use super::*;
use crate::tui::component::{ActContext, Effect};

/// How many audit entries the audit view shows (the newest).
const AUDIT_SHOWN: usize = 2000;

impl App {
    /// Does `action` (from a key or the palette).
    pub fn run(&mut self, action: Action) {
        self.status = None;
        let cx = self.act_context();
        match self.focused_mut().act(action, &cx) {
            Some(effects) => self.carry_out(effects),
            None => self.run_app(action),
        }
    }

    /// What a component may know when it acts: the dates and the scores.
    pub(super) fn act_context(&self) -> ActContext {
        ActContext {
            today: self.today(),
            now: self.clock.now(),
            local_now: self.clock.local_now(),
            scoring: self.score_options(),
            roster: self.roster.clone(),
        }
    }

    /// Carries out what a component asked for, in order.
    pub(super) fn carry_out(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::OpenCard(id) => self.open_card(id),
                Effect::CloseCard => self.card = None,
                Effect::OpenForm(form) => self.open_form(*form),
                Effect::Save(_) if self.saving() => self.error(t!("save-running")),
                Effect::Save(purpose) => self.submit(Box::new(Form::new("", *purpose, Vec::new()))),
                Effect::Load(asker) => self.load(asker),
                Effect::Ask(asker, request) => self.jobs.ask(asker, *request),
                Effect::ShowCustomers(filter) => {
                    self.switch(Pane::Customers);
                    let effects = self
                        .panes
                        .customers
                        .set_filter(filter, self.roster.as_ref());
                    self.carry_out(effects);
                }
                Effect::ListCustomers => self.list_customers(),
                Effect::Info(text) => self.info(text),
                Effect::Error(text) => self.error(text),
            }
        }
    }

    /// Actions no component took: the app's own, or a word on where they apply.
    fn run_app(&mut self, action: Action) {
        if let Some(pane) = Pane::shown_by(action) {
            return self.switch(pane);
        }
        match action {
            Action::Quit => {
                if matches!(&self.overlay, Some(Overlay::Form(f)) if f.is_dirty()) {
                    self.error(t!("quit-unsaved"));
                } else {
                    self.quit = true;
                }
            }
            Action::ForceQuit => self.quit = true,
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Palette => self.overlay = Some(Overlay::Palette(Box::default())),
            Action::Lookup => self.overlay = Some(Overlay::Lookup(LookupBox::new())),
            Action::Refresh => {
                self.refresh(true);
                self.info(t!("reloading"));
            }
            Action::NextPane => self.switch(self.pane.step(1)),
            Action::PrevPane => self.switch(self.pane.step(-1)),
            Action::Down
            | Action::Up
            | Action::Top
            | Action::Bottom
            | Action::PageDown
            | Action::PageUp => {
                if let Some(list) = self.focused_mut().list() {
                    list.cursor.apply(action, list.len, list.page);
                }
            }
            Action::LogFollowUp
            | Action::LogCall
            | Action::OpenComplaint
            | Action::AddCarePlan
            | Action::SetInfluence
            | Action::RedeemPoints
            | Action::GrantPoints
            | Action::EditCustomer => match self.focused().customer() {
                Some(id) => self.open_customer_form(action, id),
                None => self.error(t!("select-customer-first")),
            },
            Action::NewCustomer => self.open_form(Purpose::new_customer_form()),
            Action::Sort | Action::ReverseSort => self.error(t!("sort-where")),
            Action::Filter | Action::ClearFilter => self.error(t!("filter-where")),
            Action::PlanDone | Action::PlanSkip => self.error(t!("plan-where")),
            Action::Acknowledge
            | Action::StartWork
            | Action::Reply
            | Action::Note
            | Action::CustomerContact
            | Action::Resolve
            | Action::Close
            | Action::Reopen
            | Action::Assign
            | Action::Route => self.error(t!("complaint-where")),
            Action::PlanReorders => self.error(t!("reorders-where")),
            Action::PlanWinBack => self.error(t!("win-back-where")),
            Action::AsOf => {
                let current = self.as_of.unwrap_or_else(|| self.today());
                self.open_form(Purpose::as_of_form(current));
            }
            Action::Audit => {
                self.jobs.ask(
                    Asker::Audit,
                    crate::service::Request::Audit(crate::service::AuditFilter {
                        limit: AUDIT_SHOWN,
                        ..Default::default()
                    }),
                );
                self.info(t!("audit-reading"));
            }
            Action::Roles => self.jobs.ask(Asker::Roles, crate::service::Request::Roles),
            Action::SetRole => self.open_form(Purpose::set_role_form()),
            Action::Import => {
                let form = self
                    .last_import_form
                    .clone()
                    .unwrap_or_else(Purpose::import_form);
                self.open_form(form)
            }
            Action::Export => self.open_form(Purpose::export_form()),
            Action::ManageAnswers => self.manage_answers(),
            Action::Merge => match &self.card {
                Some(card) => {
                    let form = Purpose::merge_form(&card.card.customer);
                    self.open_form(form);
                }
                None => self.error(t!("merge-open-first")),
            },
            // Nothing to open or go back to, no other view here.
            Action::Open | Action::Back | Action::NextView => {}
            // Keys of forms, text boxes and questions: they reach the thing that asks for
            // them (`App::act`), never a pane.
            Action::PaneCustomers
            | Action::PaneFollowUps
            | Action::PaneComplaints
            | Action::PaneRfm
            | Action::NextField
            | Action::PrevField
            | Action::LineUp
            | Action::LineDown
            | Action::Submit
            | Action::ReloadForm
            | Action::PickAnswer
            | Action::NewAnswer
            | Action::RemoveAnswer
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

    /// Opens the card of `id` over the current pane.
    pub fn open_card(&mut self, id: CustomerId) {
        match CardPane::load(&self.service, id, self.clock.now()) {
            Ok(card) => {
                self.card = Some(card);
                self.load(Asker::CardAudit);
                self.load(Asker::Suggestions);
                self.load(Asker::Points);
            }
            Err(e) => self.error(e),
        }
    }
}
