//! Background loads of the workbench (roster, agenda, queue, churn), applying their results, and noticing other processes' commits.

use super::*;
use crate::service::Response;
use crate::tui::component::Change;
use crate::tui::jobs::RosterDone;

impl App {
    pub(super) fn score_options(&self) -> ScoreOptions {
        ScoreOptions {
            as_of: Some(self.as_of.unwrap_or_else(|| self.today())),
            ..ScoreOptions::default()
        }
    }

    /// Scores everyone again, reading every customer.
    pub(super) fn load_roster(&mut self) {
        let options = self.score_options();
        self.last_roster = Instant::now();
        self.last_rebuild = Instant::now();
        self.roster_wanted = false;
        self.jobs.spawn(JobKind::Roster, move |s: &Service| {
            JobOutput::Roster(s.roster(&options).map(|r| RosterDone::Built(Arc::new(r))))
        });
    }

    /// Brings the roster up to date with the commits since it was read: the few customers
    /// they touched are read again. A commit too big to list (an import chunk) needs a full
    /// rebuild, which waits until [`ROSTER_EVERY`] has passed since the last one.
    fn update_roster(&mut self) {
        let Some(previous) = self.roster.clone() else {
            // The first roster (or one for a new date) is still being built.
            if !self.jobs.is_running(JobKind::Roster) {
                self.load_roster();
            }
            return;
        };
        let options = self.score_options();
        let rebuild = self.last_rebuild.elapsed() >= ROSTER_EVERY;
        self.last_roster = Instant::now();
        self.roster_wanted = false;
        self.jobs.spawn(JobKind::Roster, move |s: &Service| {
            JobOutput::Roster(
                s.roster_update(&previous, &options, rebuild)
                    .map(RosterDone::from),
            )
        });
    }

    /// Lists the customers pane again from the roster (filter and sort), off this thread.
    pub(super) fn list_customers(&mut self) {
        let Some(roster) = self.roster.clone() else {
            return;
        };
        let listing = self.panes.customers.listing();
        self.jobs.spawn(JobKind::Listing, move |_: &Service| {
            JobOutput::Listed(listing.generation, listing.ids(&roster))
        });
    }

    /// A roster a job made, shown unless it is for another date or older than the one shown.
    fn take_roster(&mut self, roster: Arc<Roster>) {
        if roster.as_of != self.as_of.unwrap_or_else(|| self.today()) {
            return;
        }
        if self
            .roster
            .as_ref()
            .is_some_and(|shown| shown.change_counter > roster.change_counter)
        {
            return;
        }
        for pane in self.panes.all_mut() {
            pane.scored(&roster);
        }
        self.roster = Some(roster);
        self.list_customers();
    }

    /// Loads what `asker` shows: the component that owns it builds the request.
    pub(super) fn load(&mut self, asker: Asker) {
        if asker == Asker::Queue {
            self.last_queue = Instant::now();
        }
        let cx = self.act_context();
        let request = self
            .card
            .as_ref()
            .and_then(|card| card.request(asker, &cx))
            .or_else(|| {
                Pane::ALL
                    .iter()
                    .find_map(|pane| self.panes.get(*pane).request(asker, &cx))
            });
        match request {
            Some(request) => self.jobs.ask(asker, request),
            // The card closed, or its complaint did, before the load was asked for.
            None if matches!(
                asker,
                Asker::CardAudit | Asker::Suggestions | Asker::Points | Asker::ComplaintDetail
            ) => {}
            None => self.error(t!("tui-bug-no-load", asker = format!("{asker:?}"))),
        }
    }

    /// The service's answer to what a part of the screen asked, handed to it.
    fn answer(&mut self, asker: Asker, result: Result<Response, ServiceError>) {
        let response = match result {
            Ok(response) => response,
            Err(e) => return self.error(e.to_string()),
        };
        let components = self
            .card
            .as_mut()
            .map(|card| card as &mut dyn Component)
            .into_iter()
            .chain(self.panes.all_mut());
        // Each component in turn takes the answer or hands it back.
        let mut left: Result<Vec<crate::tui::component::Effect>, Response> = Err(response);
        for component in components {
            if let Err(response) = left {
                left = component.answer(asker, response);
            }
        }
        let response = match left {
            Ok(effects) => return self.carry_out(effects),
            Err(response) => response,
        };
        match (asker, response) {
            // The card was closed before its changes were read.
            (Asker::CardAudit, Response::Audit(_)) => {}
            (Asker::Suggestions, Response::Suggestions { .. }) => {}
            (Asker::Points, Response::Points(_)) => {}
            (Asker::Audit, Response::Audit(entries)) => {
                let lines = entries
                    .iter()
                    .map(crate::tui::widgets::audit_line)
                    .collect();
                self.show_report(&t!("audit-title"), lines);
            }
            (Asker::Roles, Response::Roles(roles)) => {
                let mut lines: Vec<String> = roles
                    .iter()
                    .map(|(user, role)| format!("{} {}", crate::text::fit(user, 24), role.title()))
                    .collect();
                if lines.is_empty() {
                    lines.push(t!("roles-none"));
                }
                self.show_report(&t!("roles-title"), lines);
            }
            (Asker::SetRole, Response::Done) => self.info(t!("role-set")),
            (Asker::UseAnswer, Response::UsedAnswer(used)) => self.insert_answer(*used),
            (Asker::Reminders, Response::Reminders(reminders)) => self.take_reminders(*reminders),
            (asker, response) => self.error(t!(
                "tui-bug-unexpected",
                asker = format!("{asker:?}"),
                response = response_name(&response)
            )),
        }
    }

    /// Opens a read-only list over the pane, unless the user opened something else meanwhile.
    pub(super) fn show_report(&mut self, title: &str, lines: Vec<String>) {
        if self.overlay.is_none() {
            self.status = None;
            self.overlay = Some(Overlay::Report {
                title: title.to_owned(),
                lines,
                scroll: 0,
            });
        }
    }

    /// Applies a finished job.
    pub(super) fn apply(&mut self, output: JobOutput) {
        match output {
            JobOutput::Roster(Ok(RosterDone::Built(roster))) => {
                self.last_rebuild = Instant::now();
                self.take_roster(roster);
            }
            JobOutput::Roster(Ok(RosterDone::Updated(roster))) => self.take_roster(roster),
            JobOutput::Roster(Ok(RosterDone::Deferred)) => self.roster_wanted = true,
            JobOutput::Listed(generation, ids) => self.panes.customers.listed(generation, ids),

            JobOutput::Saved(result) => self.saved(result),
            JobOutput::Answer(asker, result) => self.answer(asker, result),
            JobOutput::Imported(name, result) => self.imported(name, result),
            JobOutput::Progress(JobKind::Import, done, total) => self.import_progress(done, total),
            JobOutput::Progress(..) => {}
            JobOutput::Failed(JobKind::Save, message) => self.saved(Err(ServiceError::invalid(
                "",
                t!("tui-save-failed", message = message),
            ))),
            JobOutput::Failed(kind, message) => self.error(t!(
                "tui-bug-load-failed",
                kind = format!("{kind:?}"),
                message = message
            )),
            JobOutput::Roster(Err(e)) => self.error(e.to_string()),
        }
    }

    /// Picks up finished jobs and others' commits; call often (every loop turn). Returns
    /// whether anything arrived (the screen should be redrawn).
    pub fn tick(&mut self) -> bool {
        let outputs = self.jobs.poll();
        let changed = !outputs.is_empty();
        for output in outputs {
            self.apply(output);
        }
        if self.last_poll.elapsed() >= POLL_EVERY {
            self.last_poll = Instant::now();
            self.notice_changes();
        }
        if self.roster_wanted && self.last_roster.elapsed() >= ROSTER_SOON {
            self.update_roster();
        }
        if self.last_queue.elapsed() >= QUEUE_EVERY {
            self.load(Asker::Queue);
        }
        if self.last_remind.elapsed() >= super::reminders::REMIND_EVERY {
            self.load_reminders();
        }
        let popped = self.last_pop_check.elapsed() >= super::pops::POP_EVERY && self.check_pops();
        self.fill_views() || changed || popped
    }

    /// Reads what the next frame will show and is not read yet (the files of the customer
    /// rows in view), so that drawing never reads the database. True when it read any.
    pub fn fill_views(&mut self) -> bool {
        self.panes.customers.fill(&self.service)
    }

    /// Runs every background job to its end and applies the results (tests, benchmarks).
    pub fn settle(&mut self) {
        while let Some(output) = self.jobs.wait_one() {
            self.apply(output);
        }
        for output in self.jobs.poll() {
            self.apply(output);
        }
        self.fill_views();
    }

    /// Reloads what is shown when anyone (this process or another) has committed.
    pub fn notice_changes(&mut self) {
        let Some(counter) = self.change_counter_now() else {
            return;
        };
        if counter != self.change_counter {
            self.change_counter = counter;
            self.refresh(false);
        }
    }

    /// Reloads the card and what every pane shows; the roster (scores) only when `full` or
    /// throttled.
    pub fn refresh(&mut self, full: bool) {
        let change = if full {
            Change::Rescoring
        } else {
            Change::Committed
        };
        let now = self.clock.now();
        let mut effects = Vec::new();
        if let Some(card) = &mut self.card {
            match card.reload(&self.service, now) {
                Ok(()) => effects.extend(card.changed(change)),
                Err(e) => {
                    self.status = Some(Status {
                        text: e,
                        error: true,
                    })
                }
            }
        }
        for pane in self.panes.all_mut() {
            effects.extend(pane.changed(change));
        }
        self.carry_out(effects);
        self.load_reminders();
        if full {
            self.sla_policy = self.service.sla_policy().ok();
            self.currency = self.service.team_setting("currency").unwrap_or_default();
            self.load_roster();
        } else {
            self.roster_wanted = true;
        }
    }
}

/// The variant's name, for the message about an answer nobody asked for (a bug).
fn response_name(response: &Response) -> String {
    format!("{response:?}")
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect()
}
