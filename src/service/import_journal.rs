//! The import journal: each chunked run (see [`super::import_stream`]) has an id and an undo
//! log; an interrupted run is reported on next use, can be finished by running the same import
//! again (idempotent), or rolled back by its id.

use super::{Service, ServiceError};
use crate::domain::{ImportRecord, ImportState};

/// Undo entries a rollback replays per transaction.
pub const ROLLBACK_CHUNK: usize = 5000;
/// A running import whose heartbeat is older than this stopped (its process died).
pub const STALE_AFTER_MS: i64 = 60_000;

/// Whether a journal record is a run (or a rollback) that stopped half way: still marked
/// running (rolling back), and its process is gone (same machine) or its heartbeat is old
/// (another machine).
pub fn is_interrupted(i: &ImportRecord, now: crate::domain::Millis) -> bool {
    if !matches!(i.state, ImportState::Running | ImportState::RollingBack) {
        return false;
    }
    if i.host == crate::store::host_name() && !i.host.is_empty() {
        return i.pid != std::process::id() && !crate::store::process_alive(i.pid);
    }
    now - i.heartbeat_at > STALE_AFTER_MS
}

impl Service {
    /// Every import run, newest first.
    pub fn imports(&self) -> Result<Vec<ImportRecord>, ServiceError> {
        Ok(self.store.read()?.imports()?)
    }

    /// Runs that stopped half way (their process died): say so on next use.
    pub fn interrupted_imports(&self) -> Result<Vec<ImportRecord>, ServiceError> {
        let now = chrono::Utc::now().timestamp_millis();
        Ok(self
            .imports()?
            .into_iter()
            .filter(|i| is_interrupted(i, now))
            .collect())
    }
}

/// How a journal record reads in a list: `stopped` for a run whose process is gone,
/// `rollback stopped` for a half-done rollback, `resumed by #4`, `done`...
pub fn import_state_text(i: &ImportRecord, now: crate::domain::Millis) -> String {
    match i.state {
        ImportState::Running if is_interrupted(i, now) => t!("import-stopped"),
        ImportState::RollingBack if is_interrupted(i, now) => t!("import-rollback-stopped"),
        ImportState::Resumed => match i.finished_by {
            Some(by) => t!("import-resumed-by", id = by.to_string()),
            None => i.state.title().to_string(),
        },
        state => state.title().to_string(),
    }
}

/// What to tell users about an import that stopped half way (the text is sanitised).
pub fn interrupted_note(i: &ImportRecord) -> String {
    use chrono::TimeZone;
    let when = match chrono::Local.timestamp_millis_opt(i.heartbeat_at) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
            t.format("%Y-%m-%d %H:%M").to_string()
        }
        chrono::LocalResult::None => "?".to_string(),
    };
    if i.state == ImportState::RollingBack {
        return t!(
            "import-rollback-interrupted",
            id = i.id.to_string(),
            file = crate::text::sanitize(&i.file),
            kind = crate::transfer::Kind::title_of_label(&i.kind),
            when = when
        );
    }
    t!(
        "import-interrupted",
        id = i.id.to_string(),
        file = crate::text::sanitize(&i.file),
        kind = crate::transfer::Kind::title_of_label(&i.kind),
        done = i.done,
        rows = i.rows,
        when = when,
        staff = crate::text::sanitize(&i.staff)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(state: ImportState, pid: u32) -> ImportRecord {
        ImportRecord {
            id: 3,
            kind: String::from("orders"),
            file: String::from("orders.csv"),
            staff: String::from("ann"),
            os_user: String::from("ann"),
            pid,
            host: crate::store::host_name(),
            started_at: 0,
            // Old for a gone process, so it reads as stopped even where the host has no name.
            heartbeat_at: if pid == u32::MAX {
                -2 * STALE_AFTER_MS
            } else {
                0
            },
            rows: 200_000,
            done: 62_656,
            state,
            finished_by: None,
        }
    }

    #[test]
    fn a_run_or_rollback_whose_process_is_gone_reads_as_stopped() {
        // u32::MAX is never a live process id.
        let gone = u32::MAX;
        let me = std::process::id();
        let text = |state, pid| import_state_text(&record(state, pid), 0);
        assert_eq!(text(ImportState::Running, gone), "stopped");
        assert_eq!(text(ImportState::Running, me), "running");
        assert_eq!(text(ImportState::RollingBack, gone), "rollback stopped");
        assert_eq!(text(ImportState::RollingBack, me), "rolling back");
        assert_eq!(text(ImportState::Done, gone), "done");
        let note = interrupted_note(&record(ImportState::RollingBack, gone));
        assert!(
            note.contains("rollback of import #3") && note.contains("imports rollback 3` again"),
            "{note}"
        );
    }
}
