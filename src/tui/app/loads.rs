//! Background loads of the workbench (roster, agenda, queue, churn), applying their results, and noticing other processes' commits.

use super::*;
use crate::service::{Request, Response};
use crate::tui::jobs::Asker;

impl App {
    pub(super) fn score_options(&self) -> ScoreOptions {
        ScoreOptions {
            as_of: Some(self.as_of.unwrap_or_else(|| self.today())),
            ..ScoreOptions::default()
        }
    }

    pub(super) fn load_roster(&mut self) {
        let options = self.score_options();
        self.last_roster = Instant::now();
        self.roster_wanted = false;
        self.jobs.spawn(JobKind::Roster, move |s: &Service| {
            JobOutput::Roster(s.roster(&options).map(Arc::new))
        });
    }

    pub(super) fn load_agenda(&mut self) {
        let now = self.clock.local_now();
        self.jobs.ask(
            Asker::Agenda,
            Request::AgendaTop {
                now,
                owner: None,
                days_ahead: AGENDA_DAYS,
                limit: LIST_LIMIT,
            },
        );
    }

    pub(super) fn load_recent(&mut self) {
        self.jobs
            .ask(Asker::Recent, Request::RecentFollowUps { limit: 500 });
    }

    pub(super) fn load_forgotten(&mut self) {
        let today = self.today();
        self.jobs.ask(
            Asker::Forgotten,
            Request::Forgotten {
                as_of: today,
                owner: None,
                days: FORGOTTEN_LIST_DAYS,
                limit: 1000,
            },
        );
    }

    pub(super) fn load_queue(&mut self) {
        let filter = self.complaints.filter.clone();
        let now = self.clock.now();
        self.last_queue = Instant::now();
        self.jobs.ask(
            Asker::Queue,
            Request::QueueTop {
                filter,
                now,
                limit: LIST_LIMIT,
            },
        );
    }

    /// The reorder list's window: score options, due within, overdue at most.
    pub(super) fn reorder_window(&self) -> (ScoreOptions, i64, i64) {
        use crate::tui::panes::rfm::{REORDER_OVERDUE_DAYS, REORDER_WITHIN_DAYS};
        (
            self.score_options(),
            REORDER_WITHIN_DAYS,
            REORDER_OVERDUE_DAYS,
        )
    }

    pub(super) fn load_reorders(&mut self) {
        let (options, within_days, overdue_days) = self.reorder_window();
        self.jobs.ask(
            Asker::Reorders,
            crate::service::Request::Due {
                options,
                within_days,
                overdue_days,
            },
        );
    }

    /// The agenda arrived: keep the selected plan selected.
    fn agenda_loaded(&mut self, items: Vec<crate::service::AgendaItem>, total: usize) {
        let keep = self.followups.selected_plan().map(|i| i.plan.id.clone());
        self.followups.agenda = Some(items);
        self.followups.agenda_total = total;
        if self.followups.view == FollowUpView::Agenda
            && let Some(id) = keep
            && let Some(i) = self
                .followups
                .agenda
                .as_ref()
                .and_then(|a| a.iter().position(|item| item.plan.id == id))
        {
            self.followups.cursor.selected = i;
        }
        self.clamp_followups();
    }

    /// The latest contacts arrived: keep the selected one selected.
    fn recent_loaded(&mut self, items: Vec<crate::domain::FollowUp>) {
        let keep = match self.followups.view {
            FollowUpView::Recent => self
                .followups
                .recent
                .as_ref()
                .and_then(|r| r.get(self.followups.cursor.selected))
                .map(|f| f.id.clone()),
            _ => None,
        };
        self.followups.recent = Some(items);
        if let Some(id) = keep
            && let Some(i) = self
                .followups
                .recent
                .as_ref()
                .and_then(|r| r.iter().position(|f| f.id == id))
        {
            self.followups.cursor.selected = i;
        }
        self.clamp_followups();
    }

    /// The complaint queue arrived: keep the selected complaint selected.
    fn queue_loaded(&mut self, queue: Vec<crate::service::ComplaintView>, total: usize) {
        self.complaints.total = total;
        let keep = self.complaints.current().map(|v| v.complaint.id.clone());
        self.complaints.queue = Some(queue);
        if let (Some(id), Some(queue)) = (keep, &self.complaints.queue)
            && let Some(i) = queue.iter().position(|v| v.complaint.id == id)
        {
            self.complaints.cursor.selected = i;
        }
        let page = self.complaints.page.get();
        self.complaints.cursor.clamp(self.complaints.len(), page);
    }

    /// The service's answer to what a part of the screen asked, handed to it.
    fn answer(&mut self, asker: Asker, result: Result<Response, ServiceError>) {
        let response = match result {
            Ok(response) => response,
            Err(e) => return self.error(e.to_string()),
        };
        match (asker, response) {
            (
                Asker::Queue,
                Response::QueueTop {
                    views,
                    total,
                    filter,
                },
            ) => {
                // A queue for a filter changed since is dropped; the newer one follows.
                if filter == self.complaints.filter {
                    self.queue_loaded(views, total);
                }
            }
            (Asker::Recent, Response::FollowUps(items)) => {
                // Their customers' names follow in a second answer.
                let mut ids: Vec<CustomerId> = items.iter().map(|f| f.customer).collect();
                ids.sort_unstable();
                ids.dedup();
                self.jobs.ask(Asker::RecentNames, Request::Summaries(ids));
                self.recent_loaded(items);
            }
            (Asker::RecentNames, Response::Summaries(found)) => {
                self.followups.recent_names = found
                    .into_iter()
                    .flatten()
                    .map(|summary| (summary.id, summary.name))
                    .collect();
            }
            (Asker::Agenda, Response::AgendaTop { items, total }) => {
                self.agenda_loaded(items, total)
            }
            (Asker::Forgotten, Response::Forgotten(forgotten)) => {
                self.followups.forgotten = Some(*forgotten);
                self.clamp_followups();
            }
            (Asker::Churn, Response::Churn(churn)) => self.rfm.churn = Some(*churn),
            (Asker::Reorders, Response::Due(rows)) => {
                self.rfm.reorders = Some(rows);
                let len = self.rfm.len();
                self.rfm.cursor.clamp(len, self.rfm.page.get());
            }
            (Asker::Causes, Response::RootCauses(rows)) => self.rfm.causes = Some(rows),
            (Asker::PlanReorders, Response::Planned { created, existing }) => {
                self.info(format!(
                    "{} planned; {} already had one",
                    crate::text::count(created, "reorder call", "reorder calls"),
                    crate::text::count(existing, "customer", "customers")
                ));
                self.load_agenda();
            }
            (Asker::CardAudit, Response::Audit(entries)) => {
                if let Some(card) = &mut self.card {
                    card.audit = Some(entries);
                }
            }
            (Asker::Audit, Response::Audit(entries)) => {
                let lines = entries
                    .iter()
                    .map(crate::tui::widgets::audit_line)
                    .collect();
                self.show_report("Audit trail (newest first)", lines);
            }
            (Asker::Roles, Response::Roles(roles)) => {
                let mut lines: Vec<String> = roles
                    .iter()
                    .map(|(user, role)| format!("{:<24} {}", user, role.title()))
                    .collect();
                if lines.is_empty() {
                    lines.push("nobody has been given a role yet".into());
                }
                self.show_report("Roles (others have the team default)", lines);
            }
            (Asker::SetRole, Response::Done) => self.info("role set"),
            (asker, response) => self.error(format!(
                "unexpected answer for {asker:?}: {}",
                response_name(&response)
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

    pub(super) fn load_churn(&mut self) {
        let options = self.score_options();
        self.jobs.ask(
            Asker::Churn,
            Request::Churn {
                options,
                period: Period::Month,
            },
        );
    }

    /// Applies a finished job.
    pub(super) fn apply(&mut self, output: JobOutput) {
        match output {
            // A result for an older request (another as-of date, filter) is dropped.
            JobOutput::Roster(Ok(roster))
                if roster.as_of != self.as_of.unwrap_or_else(|| self.today()) => {}
            JobOutput::Roster(Ok(roster)) => {
                self.customers.total = roster.rows.len() as u64;
                self.customers.rebuild(&roster);
                self.rfm.reports = Some(roster.reports.clone());
                self.rfm.cursor.clamp(self.rfm.len(), 20);
                self.roster = Some(roster);
            }

            JobOutput::Saved(result) => self.saved(result),
            JobOutput::Answer(asker, result) => self.answer(asker, result),
            JobOutput::Imported(name, result) => self.imported(name, result),
            JobOutput::Progress(JobKind::Import, done, total) => self.import_progress(done, total),
            JobOutput::Progress(..) => {}
            JobOutput::Failed(JobKind::Save, message) => self.saved(Err(ServiceError::invalid(
                "",
                format!("the save failed: {message}"),
            ))),
            JobOutput::Failed(kind, message) => {
                self.error(format!("loading {kind:?} failed (a bug): {message}"))
            }
            JobOutput::Roster(Err(e)) => self.error(e.to_string()),
        }
    }

    pub(super) fn clamp_followups(&mut self) {
        let page = self.followups.page.get();
        self.followups.cursor.clamp(self.followups.len(), page);
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
        if self.roster_wanted && self.last_roster.elapsed() >= ROSTER_EVERY {
            self.load_roster();
        }
        if self.last_queue.elapsed() >= QUEUE_EVERY {
            self.load_queue();
        }
        self.fill_views() || changed
    }

    /// Reads what the next frame will show and is not read yet (the files of the customer
    /// rows in view), so that drawing never reads the database. True when it read any.
    pub fn fill_views(&mut self) -> bool {
        self.customers.fill_summaries(&self.service)
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

    /// Reloads the card and the lists; the roster (scores) only when `full` or throttled.
    pub fn refresh(&mut self, full: bool) {
        let now = self.clock.now();
        self.customers.forget_summaries();
        if let Some(card) = &mut self.card {
            match card.reload(&self.service, now) {
                Ok(()) => {
                    let id = card.id;
                    self.load_card_audit(id);
                }
                Err(e) => {
                    self.status = Some(Status {
                        text: e,
                        error: true,
                    })
                }
            }
        }
        if let Some(detail) = &self.complaints.detail {
            match self.complaint_view_now(&detail.complaint.id, now) {
                Ok(view) => self.complaints.detail = Some(view),
                Err(e) => self.error(e),
            }
        }
        self.append_new_customers();
        self.load_agenda();
        self.load_queue();
        if self.followups.view == FollowUpView::Recent {
            self.load_recent();
        } else {
            // Reloaded when the view is shown again.
            self.followups.recent = None;
        }
        if self.followups.forgotten.is_some() && self.followups.view == FollowUpView::Forgotten {
            self.load_forgotten();
        }
        if full {
            self.sla_policy = self.service.sla_policy().ok();
            self.load_roster();
            if self.rfm.churn.is_some() {
                self.load_churn();
            }
        } else {
            self.roster_wanted = true;
        }
    }

    /// New customer files (from anyone) are listed at once, at the end, until the next
    /// roster build sorts them in.
    pub(super) fn append_new_customers(&mut self) {
        let Some(total) = self.customer_count_now() else {
            return;
        };
        if total == self.customers.total {
            return;
        }
        self.customers.total = total;
        if self.customers.more {
            return;
        }
        let last = self.customers.ids.iter().copied().max();
        if let Ok(new) = self.customer_ids_now(last, 10_000) {
            self.customers.ids.extend(new);
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
