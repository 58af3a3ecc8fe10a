//! A damaged file: a panic inside redb (which it can raise on pages it cannot make sense of)
//! becomes one clear [`StoreError::Damaged`] instead of a backtrace, and once damage is seen
//! nothing more is written, by this process or (through a mark beside the file) by any other,
//! until `loyal check` passes again.
//!
//! redb does not verify a page's checksum on every read (only `check_integrity` does), so a
//! damaged file can also serve wrong data without any error; `loyal check` is the routine that
//! finds that, and README says so.

use super::error::StoreError;
use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, PanicHookInfo};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};

static HOOK: Once = Once::new();
/// Files found damaged by this process (a mark may not be writable beside them).
static SEEN: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// Keep every panic quiet: the CLI reports each one as a line of its own.
static QUIET: AtomicBool = AtomicBool::new(false);
/// The last redb panic no guard has claimed, whatever thread raised it: for the edges (the
/// CLI, a TUI job), where a panic may arrive from a helper thread through `resume_unwind`.
static UNCLAIMED: Mutex<Option<String>> = Mutex::new(None);

thread_local! {
    /// The last panic on this thread, as the hook saw it.
    static LAST: RefCell<Option<Panic>> = const { RefCell::new(None) };
}

/// A panic as the hook saw it.
#[derive(Debug, Clone)]
struct Panic {
    in_redb: bool,
    /// The message, and for loyal's own panics where it was raised.
    text: String,
}

/// True when this panic was raised by redb's own code (not ours, not a dependency's).
pub fn panic_is_in_redb(info: &PanicHookInfo<'_>) -> bool {
    info.location().is_some_and(|l| {
        let file = l.file().replace('\\', "/");
        file.contains("/redb-") || file.starts_with("redb-") || file.contains("/redb/src/")
    })
}

/// Installs (once) a panic hook that remembers each panic for the thread that raised it, keeps
/// redb's quiet (whoever catches them reports damage), and passes every other one on to the
/// previous hook unless [`quiet_panics`] was asked for.
pub fn install_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let message = payload_text(info.payload());
            let in_redb = panic_is_in_redb(info);
            // Only redb's words for damage: its source path means nothing to the reader.
            let text = match info.location() {
                Some(at) if !in_redb => format!("{message} (at {}:{})", at.file(), at.line()),
                _ => message,
            };
            if in_redb && let Ok(mut unclaimed) = UNCLAIMED.lock() {
                *unclaimed = Some(text.clone());
            }
            LAST.with(|last| *last.borrow_mut() = Some(Panic { in_redb, text }));
            if !in_redb && !QUIET.load(Ordering::SeqCst) {
                previous(info);
            }
        }));
    });
}

/// From now on no panic prints anything: the caller reports each one itself ([`take_panic`]).
pub fn quiet_panics() {
    install_hook();
    QUIET.store(true, Ordering::SeqCst);
}

/// The last panic on this thread if redb raised it (what it said), taking it.
pub fn take_redb_panic() -> Option<String> {
    let taken = LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last.as_ref().is_some_and(|p| p.in_redb) {
            last.take().map(|p| p.text)
        } else {
            None
        }
    });
    if taken.is_some()
        && let Ok(mut unclaimed) = UNCLAIMED.lock()
    {
        *unclaimed = None;
    }
    taken
}

/// For the edges: this thread's redb panic, else one raised on another thread (a helper
/// thread whose panic was passed on with `resume_unwind`) that no guard claimed.
pub fn take_redb_panic_anywhere() -> Option<String> {
    take_redb_panic().or_else(|| UNCLAIMED.lock().ok().and_then(|mut u| u.take()))
}

/// The message a panic payload carries.
pub fn payload_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| t!("panic-no-message"))
}

/// The last panic on this thread, whoever raised it, taking it.
pub fn take_panic() -> Option<String> {
    LAST.with(|last| last.borrow_mut().take().map(|p| p.text))
}

/// Damage was met in `path` by this process: write nothing more to it.
pub fn seen(path: &Path) -> bool {
    SEEN.lock().is_ok_and(|seen| seen.iter().any(|p| p == path))
}

/// Records damage found in `path`: remembered by this process, and marked beside the file for
/// the others (the first mark stays: it says when the damage was first found).
pub fn found(path: &Path, detail: &str) {
    if let Ok(mut seen) = SEEN.lock()
        && !seen.iter().any(|p| p == path)
    {
        seen.push(path.to_path_buf());
    }
    mark(path, detail);
}

/// The error for damage met in `path`.
pub fn damaged(path: &Path, detail: impl Into<String>) -> StoreError {
    StoreError::Damaged {
        path: path.to_path_buf(),
        detail: detail.into(),
    }
}

/// Runs `work`; a panic inside redb becomes [`StoreError::Damaged`] (and the file is marked),
/// any other panic carries on unwinding.
pub fn guard<R, E: From<StoreError>>(
    path: &Path,
    work: impl FnOnce() -> Result<R, E>,
) -> Result<R, E> {
    match std::panic::catch_unwind(AssertUnwindSafe(work)) {
        Ok(result) => result,
        Err(panic) => match take_redb_panic() {
            Some(detail) => {
                found(path, &detail);
                Err(damaged(path, detail).into())
            }
            None => std::panic::resume_unwind(panic),
        },
    }
}

/// The mark beside a database file that says it was found damaged.
pub fn mark_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(".damaged");
    PathBuf::from(name)
}

/// Leaves the mark unless there is one (best effort: beside a file in a folder we may not
/// write, only this process knows). An existing mark is never overwritten.
pub fn mark(path: &Path, detail: &str) {
    use std::io::Write;
    let when = chrono::Local::now().format("%Y-%m-%d %H:%M:%S");
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(mark_path(path))
    {
        let _ = write!(
            file,
            "{when}: {detail}\nRun `loyal check`; restore a backup if it fails.\n"
        );
    }
}

/// The mark's first line, if the file was found damaged before.
pub fn marked(path: &Path) -> Option<String> {
    std::fs::read_to_string(mark_path(path))
        .ok()
        .map(|text| text.lines().next().unwrap_or_default().to_string())
}

/// Removes the mark (after `check` passed) and forgets damage this process saw there. Returns
/// whether there was a mark.
pub fn clear(path: &Path) -> bool {
    if let Ok(mut seen) = SEEN.lock() {
        seen.retain(|p| p != path);
    }
    std::fs::remove_file(mark_path(path)).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mark_sits_beside_the_file_and_keeps_the_first_news() {
        assert_eq!(
            mark_path(Path::new("/data/loyal.redb")),
            PathBuf::from("/data/loyal.redb.damaged")
        );
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.redb");
        assert_eq!(marked(&db), None);
        mark(&db, "bad page");
        assert!(marked(&db).unwrap().ends_with("bad page"));
        mark(&db, "later news");
        assert!(
            marked(&db).unwrap().ends_with("bad page"),
            "the first mark stays: it says when damage was first found"
        );
        assert!(clear(&db));
        assert_eq!(marked(&db), None);
    }

    #[test]
    fn damage_is_remembered_per_file() {
        let (a, b) = (Path::new("/nowhere/a.redb"), Path::new("/nowhere/b.redb"));
        found(a, "bad page");
        assert!(seen(a));
        assert!(!seen(b), "another file of the same process is written on");
        clear(a);
        assert!(!seen(a));
    }

    #[test]
    fn panics_elsewhere_keep_unwinding_and_are_not_called_damage() {
        install_hook();
        let caught = std::panic::catch_unwind(|| {
            let _ = guard::<(), StoreError>(Path::new("x.redb"), || panic!("a bug of ours"));
        });
        assert!(caught.is_err(), "a panic outside redb is not called damage");
        assert_eq!(take_redb_panic(), None);
        assert!(take_panic().is_some_and(|t| t.contains("a bug of ours")));
        assert!(!seen(Path::new("x.redb")));
    }
}
