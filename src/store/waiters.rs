//! The side channel through which a save that is waiting for the write lock asks a long
//! import (or rollback) to let it in: an advisory lock on a small file beside the database
//! (`loyal.redb.waiting`). A waiting writer holds a shared lock on it until it has the write
//! lock; an importer, between rows, tries to take it exclusively: if it cannot, someone is
//! waiting, so it commits what it has and steps aside. The file holds no data; it is created
//! with the database file's permissions so that everyone who may write may wait.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long an importer steps aside at most for one waiter (a waiter that died holding the
/// lock releases it with its process; this only bounds a stuck one).
const MAX_STEP_ASIDE: Duration = Duration::from_secs(2);

pub(super) fn path_of(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".waiting");
    PathBuf::from(name)
}

fn open(database: &Path, create: bool) -> Option<File> {
    let mut options = OpenOptions::new();
    options
        .read(true)
        .write(true)
        .create(create)
        .truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let mode = std::fs::metadata(database)
            .map(|m| m.permissions().mode() & 0o666)
            .unwrap_or(0o600);
        options.mode(mode);
    }
    options.open(path_of(database)).ok()
}

/// Held by a writer while it waits for the write lock; dropping it says "no longer waiting".
pub(super) struct Waiting {
    file: Option<File>,
    database: PathBuf,
}

impl Waiting {
    pub(super) fn new(database: &Path) -> Waiting {
        Waiting {
            file: None,
            database: database.to_path_buf(),
        }
    }

    /// Makes sure this writer is seen as waiting (called on every failed attempt: the shared
    /// lock cannot be had at the instant an importer probes, so it is retried).
    pub(super) fn announce(&mut self) {
        if self.file.is_some() {
            return;
        }
        let Some(file) = open(&self.database, true) else {
            return;
        };
        if file.try_lock_shared().is_ok() {
            self.file = Some(file);
        }
    }
}

/// What an importer uses to see whether anyone is waiting for the write lock.
pub struct WaitProbe {
    database: PathBuf,
    file: Option<File>,
}

impl WaitProbe {
    pub(super) fn new(database: &Path) -> WaitProbe {
        WaitProbe {
            database: database.to_path_buf(),
            file: None,
        }
    }

    /// Whether another writer (in any process, or another thread of this one) is waiting.
    pub fn someone_waiting(&mut self) -> bool {
        if self.file.is_none() {
            // No file yet: nobody has waited yet (a waiter creates it).
            self.file = open(&self.database, false);
        }
        let Some(file) = &self.file else {
            return false;
        };
        match file.try_lock() {
            Ok(()) => {
                let _ = file.unlock();
                false
            }
            Err(TryLockError::WouldBlock) => true,
            Err(TryLockError::Error(_)) => false,
        }
    }

    /// After committing because someone waits: lets them take the write lock (they stop
    /// waiting once they have it), for at most [`MAX_STEP_ASIDE`].
    pub fn step_aside(&mut self) {
        let started = Instant::now();
        while self.someone_waiting() && started.elapsed() < MAX_STEP_ASIDE {
            std::thread::sleep(Duration::from_millis(1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_waiter_is_seen_until_it_stops_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("loyal.redb");
        std::fs::write(&db, b"x").unwrap();
        let mut probe = WaitProbe::new(&db);
        assert!(!probe.someone_waiting(), "no file, nobody waiting");
        let mut waiting = Waiting::new(&db);
        waiting.announce();
        assert!(probe.someone_waiting());
        assert!(
            probe.someone_waiting(),
            "probing does not take the waiter's place"
        );
        drop(waiting);
        assert!(!probe.someone_waiting());
        probe.step_aside();
    }

    #[test]
    fn a_write_blocked_by_another_is_seen_waiting_until_it_gets_in() {
        use std::sync::atomic::{AtomicBool, Ordering};
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("loyal.redb");
        let store =
            super::super::Store::open(&db, &super::super::StoreOptions::creating()).unwrap();
        let mut probe = store.wait_probe();
        let holding = AtomicBool::new(false);
        let release = AtomicBool::new(false);
        let seen = std::thread::scope(|s| {
            s.spawn(|| {
                store
                    .write(|_| -> Result<(), super::super::StoreError> {
                        holding.store(true, Ordering::SeqCst);
                        while !release.load(Ordering::SeqCst) {
                            std::thread::sleep(Duration::from_millis(1));
                        }
                        Ok(())
                    })
                    .unwrap();
            });
            while !holding.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(1));
            }
            assert!(!probe.someone_waiting(), "a write alone is not waiting");
            let blocked =
                s.spawn(|| store.write(|_| -> Result<(), super::super::StoreError> { Ok(()) }));
            let started = Instant::now();
            let mut seen = false;
            while !seen && started.elapsed() < Duration::from_secs(30) {
                seen = probe.someone_waiting();
                std::thread::sleep(Duration::from_millis(1));
            }
            release.store(true, Ordering::SeqCst);
            blocked.join().unwrap().unwrap();
            seen
        });
        assert!(seen, "the blocked write announced itself");
        assert!(!probe.someone_waiting(), "and stopped once it got in");
    }
}
