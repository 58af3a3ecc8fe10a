//! Work that must not freeze the screen (scoring a million customers, loading a queue, a save
//! waiting for another process's write lock) runs on its own thread; results come back as
//! messages the event loop picks up between keystrokes.

use crate::service::{Request, Response, Roster, Service, ServiceError};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// What a finished job hands back.
#[derive(Debug)]
pub enum JobOutput {
    /// A roster built or brought up to date (or not: see [`RosterDone`]).
    Roster(Result<RosterDone, ServiceError>),
    /// The customers pane's rows for the listing of this number.
    Listed(u64, Vec<crate::domain::CustomerId>),
    /// A save finished: `Ok(message)` for the status line, or why it was refused.
    Saved(Result<String, ServiceError>),
    /// The service's answer to a [`Request`], for the part of the screen that asked.
    Answer(Asker, Result<Response, ServiceError>),
    /// A file import ended: the file's name and the report, or why nothing was written.
    Imported(String, Result<crate::service::ImportReport, ServiceError>),
    /// How far a running job is (rows done, rows in all); the job goes on.
    Progress(JobKind, u64, u64),
    /// The job panicked (a bug): what it was and the panic message.
    Failed(JobKind, String),
}

/// What a roster job did.
#[derive(Debug)]
pub enum RosterDone {
    /// Every customer was read.
    Built(Arc<Roster>),
    /// Only the customers that changed were read again.
    Updated(Arc<Roster>),
    /// Only a full rebuild would do, and it is not time for one yet (rebuilds are spaced out).
    Deferred,
}

impl From<crate::service::RosterUpdate> for RosterDone {
    fn from(update: crate::service::RosterUpdate) -> RosterDone {
        use crate::service::RosterUpdate;
        match update {
            RosterUpdate::Updated(r) => RosterDone::Updated(Arc::new(r)),
            RosterUpdate::Rebuilt(r) => RosterDone::Built(Arc::new(r)),
            RosterUpdate::RebuildDue => RosterDone::Deferred,
        }
    }
}

/// Customers' names by id, read with the list that shows them.
pub type Names = std::collections::HashMap<crate::domain::CustomerId, String>;

/// Who asked the service a [`Request`]: the answer goes back to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Asker {
    /// The follow-ups pane's agenda.
    Agenda,
    /// The follow-ups pane's forgotten customers.
    Forgotten,
    /// The RFM pane's churn by month.
    Churn,
    /// The RFM pane's retention per account owner.
    OwnerChurn,
    /// The RFM pane's satisfaction by month.
    Satisfaction,
    /// The complaints pane's queue.
    Queue,
    /// The follow-ups pane's latest contacts...
    Recent,
    /// ...and their customers' names.
    RecentNames,
    /// The RFM pane's list of customers due to reorder.
    Reorders,
    /// The RFM pane's root-cause report.
    Causes,
    /// Care plans for every customer due to reorder.
    PlanReorders,
    /// Win-back calls for the valuable customers slipping away.
    PlanWinBack,
    /// Win-back calls for the lifetime view's "valuable and slipping away" list.
    PlanSlipping,
    /// The lifetime view's tracking of the models over the last weeks.
    ClvTracking,
    /// The open card's audit trail.
    CardAudit,
    /// The open card's suggestions (what buyers like them also buy).
    Suggestions,
    /// The open card's points.
    Points,
    /// The audit trail's own view.
    Audit,
    /// The roles view.
    Roles,
    /// An admin set a role.
    SetRole,
    /// The customers pane's count of files (new files are listed at once)...
    CustomerCount,
    /// ...and the ids of the new files.
    NewCustomers,
    /// The complaints pane's open complaint.
    ComplaintDetail,
    /// A canned answer filled in for the form on screen (its use counted).
    UseAnswer,
    /// What needs this person (the top line).
    Reminders,
    /// The teams a complaint can be routed to (the route form's choices).
    Teams,
}

/// Which kind of job it is; one of each kind runs at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobKind {
    Answer(Asker),
    Import,
    Roster,
    Listing,
    Save,
}

impl JobOutput {
    pub fn kind(&self) -> JobKind {
        match self {
            JobOutput::Roster(_) => JobKind::Roster,
            JobOutput::Listed(..) => JobKind::Listing,
            JobOutput::Saved(_) => JobKind::Save,
            JobOutput::Answer(asker, _) => JobKind::Answer(*asker),
            JobOutput::Imported(..) => JobKind::Import,
            JobOutput::Progress(kind, ..) => *kind,
            JobOutput::Failed(kind, _) => *kind,
        }
    }
}

/// Work to run on a background thread.
type Work = Box<dyn FnOnce(&Service) -> JobOutput + Send>;

/// The background workers and their results.
pub struct Jobs {
    service: Arc<Service>,
    sender: Sender<JobOutput>,
    receiver: Receiver<JobOutput>,
    running: Vec<JobKind>,
    /// Kinds asked for again while one was running: run once more when it ends.
    again: Vec<(JobKind, Work)>,
}

impl Jobs {
    pub fn new(service: Arc<Service>) -> Jobs {
        let (sender, receiver) = channel();
        Jobs {
            service,
            sender,
            receiver,
            running: Vec::new(),
            again: Vec::new(),
        }
    }

    pub fn service(&self) -> &Arc<Service> {
        &self.service
    }

    pub fn is_running(&self, kind: JobKind) -> bool {
        self.running.contains(&kind)
    }

    pub fn busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// Starts `work` on a thread; if a job of this kind is running, it runs after that one
    /// (only the latest request is kept: reloads make older ones pointless). Saves are never
    /// queued: the app starts one only when none is running.
    pub fn spawn(
        &mut self,
        kind: JobKind,
        work: impl FnOnce(&Service) -> JobOutput + Send + 'static,
    ) {
        if self.is_running(kind) {
            self.again.retain(|(k, _)| *k != kind);
            self.again.push((kind, Box::new(work)));
            return;
        }
        self.start(kind, Box::new(work));
    }

    /// Starts `work` on a thread with a way to report progress: each call of the reporter
    /// sends [`JobOutput::Progress`] (at most every 100 ms), which does not end the job.
    pub fn spawn_reporting(
        &mut self,
        kind: JobKind,
        work: impl FnOnce(&Service, &mut dyn FnMut(u64, u64)) -> JobOutput + Send + 'static,
    ) {
        let sender = self.sender.clone();
        self.spawn(kind, move |s: &Service| {
            let mut last = std::time::Instant::now() - std::time::Duration::from_secs(1);
            let mut report = |done: u64, total: u64| {
                if last.elapsed() >= std::time::Duration::from_millis(100) || done == total {
                    last = std::time::Instant::now();
                    let _ = sender.send(JobOutput::Progress(kind, done, total));
                }
            };
            work(s, &mut report)
        });
    }

    /// Asks the service `request` on a background thread ([`Service::handle`]); the answer
    /// comes back as [`JobOutput::Answer`] for `asker`. A newer question from the same asker
    /// replaces one still waiting.
    pub fn ask(&mut self, asker: Asker, request: Request) {
        self.spawn(JobKind::Answer(asker), move |s: &Service| {
            JobOutput::Answer(asker, s.handle(request))
        });
    }

    fn start(&mut self, kind: JobKind, work: Work) {
        self.running.push(kind);
        let service = Arc::clone(&self.service);
        let sender = self.sender.clone();
        std::thread::spawn(move || {
            // A bug in one job must not take the screen down: report it as a failed job. A
            // panic inside redb is a damaged page: say so, and mark the file.
            let output = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&service)))
                .unwrap_or_else(|panic| {
                    use crate::store::damage;
                    let message = if let Some(detail) = damage::take_redb_panic_anywhere() {
                        let path = service.store().path();
                        damage::found(path, &detail);
                        damage::damaged(path, detail).to_string()
                    } else {
                        damage::payload_text(panic.as_ref())
                    };
                    JobOutput::Failed(kind, message)
                });
            let _ = sender.send(output);
        });
    }

    fn finished(&mut self, output: &JobOutput) {
        if matches!(output, JobOutput::Progress(..)) {
            return;
        }
        let kind = output.kind();
        if let Some(i) = self.running.iter().position(|k| *k == kind) {
            self.running.remove(i);
        }
        if let Some(i) = self.again.iter().position(|(k, _)| *k == kind) {
            let (kind, work) = self.again.remove(i);
            self.start(kind, work);
        }
    }

    /// On the way out: forgets queued work and waits up to `within` for the running jobs (a
    /// save finishes; a reader lets go of the service). True when none runs any more.
    pub fn settle(&mut self, within: std::time::Duration) -> bool {
        self.again.clear();
        let until = std::time::Instant::now() + within;
        while self.busy() && std::time::Instant::now() < until {
            let _ = self.poll();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        !self.busy()
    }

    /// Results that arrived, without waiting.
    pub fn poll(&mut self) -> Vec<JobOutput> {
        let mut out = Vec::new();
        while let Ok(output) = self.receiver.try_recv() {
            self.finished(&output);
            out.push(output);
        }
        out
    }

    /// Waits for the next result (tests and benchmarks use this to run deterministically).
    pub fn wait_one(&mut self) -> Option<JobOutput> {
        if self.running.is_empty() {
            return None;
        }
        let output = self.receiver.recv().ok()?;
        self.finished(&output);
        Some(output)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    #[test]
    fn settling_waits_for_running_jobs_and_starts_no_queued_one() {
        let dir = tempfile::tempdir().unwrap();
        let service = Service::open(
            &dir.path().join("s.redb"),
            &crate::store::StoreOptions::creating(),
        )
        .unwrap();
        let mut jobs = Jobs::new(Arc::new(service));
        jobs.spawn(JobKind::Answer(Asker::Roles), |_| {
            std::thread::sleep(Duration::from_millis(200));
            JobOutput::Answer(Asker::Roles, Ok(Response::Done))
        });
        let queued_ran = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&queued_ran);
        jobs.spawn(JobKind::Answer(Asker::Roles), move |_| {
            flag.store(true, Ordering::SeqCst);
            JobOutput::Answer(Asker::Roles, Ok(Response::Done))
        });
        assert_eq!(
            Arc::strong_count(jobs.service()),
            2,
            "the running job holds it"
        );
        assert!(jobs.settle(Duration::from_secs(5)));
        assert_eq!(
            Arc::strong_count(jobs.service()),
            1,
            "no job holds the service any more: it can close cleanly"
        );
        std::thread::sleep(Duration::from_millis(50));
        assert!(!queued_ran.load(Ordering::SeqCst), "nothing new starts");
    }
}
