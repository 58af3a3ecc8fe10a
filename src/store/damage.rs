//! A damaged file: a panic inside redb (which it can raise on pages it cannot make sense of)
//! becomes one clear [`StoreError::Damaged`] instead of a backtrace, and once damage is seen
//! nothing more is written, by this process or (through a mark beside the file) by any other,
//! until `loyal check` passes again.
//!
//! redb does not verify a page's checksum on every read (only `check_integrity` does), so a
//! damaged file can also serve wrong data without any error; `loyal check` is the routine that
//! finds that, and README says so.

use super::error::StoreError;
use std::panic::{AssertUnwindSafe, PanicHookInfo};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};

static HOOK: Once = Once::new();
static SEEN: AtomicBool = AtomicBool::new(false);
/// What the last panic inside redb said.
static DETAIL: Mutex<Option<String>> = Mutex::new(None);

/// True when this panic was raised by redb's own code (not ours, not a dependency's).
fn inside_redb(info: &PanicHookInfo<'_>) -> bool {
    info.location().is_some_and(|l| {
        let file = l.file().replace('\\', "/");
        file.contains("/redb-") || file.starts_with("redb-") || file.contains("/redb/src/")
    })
}

/// Installs (once) a panic hook that keeps redb's panics quiet and remembers them; every other
/// panic goes on to the previous hook as before (a bug in loyal must still show).
pub fn install_hook() {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if inside_redb(info) {
                SEEN.store(true, Ordering::SeqCst);
                let message = info
                    .payload()
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| info.payload().downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                // Only redb's words: its source path means nothing to the person reading.
                if let Ok(mut detail) = DETAIL.lock() {
                    *detail = Some(message);
                }
                return;
            }
            previous(info);
        }));
    });
}

/// Damage was met in this process (a panic inside redb): write nothing more.
pub fn seen() -> bool {
    SEEN.load(Ordering::SeqCst)
}

/// What redb said when it met the damage.
pub fn detail() -> String {
    DETAIL
        .lock()
        .ok()
        .and_then(|d| d.clone())
        .unwrap_or_else(|| String::from("redb stopped on a page it could not read"))
}

/// The error for damage met in `path`.
pub fn damaged(path: &Path, detail: impl Into<String>) -> StoreError {
    StoreError::Damaged {
        path: path.to_path_buf(),
        detail: detail.into(),
    }
}

/// Runs `work`; a panic inside redb becomes [`StoreError::Damaged`] (and marks the file), any
/// other panic carries on unwinding.
pub fn guard<R, E: From<StoreError>>(
    path: &Path,
    work: impl FnOnce() -> Result<R, E>,
) -> Result<R, E> {
    match std::panic::catch_unwind(AssertUnwindSafe(work)) {
        Ok(result) => result,
        Err(panic) => {
            if seen() {
                let detail = detail();
                mark(path, &detail);
                Err(damaged(path, detail).into())
            } else {
                std::panic::resume_unwind(panic)
            }
        }
    }
}

/// The mark beside a database file that says it was found damaged.
pub fn mark_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(".damaged");
    PathBuf::from(name)
}

/// Leaves the mark (best effort: a folder we may not write keeps only this process careful).
pub fn mark(path: &Path, detail: &str) {
    let when = chrono::Local::now().format("%Y-%m-%d %H:%M:%S");
    let _ = std::fs::write(
        mark_path(path),
        format!("{when}: {detail}\nRun `loyal check`; restore a backup if it fails.\n"),
    );
}

/// The mark's text, if the file was found damaged before.
pub fn marked(path: &Path) -> Option<String> {
    std::fs::read_to_string(mark_path(path))
        .ok()
        .map(|text| text.lines().next().unwrap_or_default().to_string())
}

/// Removes the mark (after `check` passed). Returns whether there was one.
pub fn clear(path: &Path) -> bool {
    std::fs::remove_file(mark_path(path)).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mark_sits_beside_the_file() {
        assert_eq!(
            mark_path(Path::new("/data/loyal.redb")),
            PathBuf::from("/data/loyal.redb.damaged")
        );
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.redb");
        assert_eq!(marked(&db), None);
        mark(&db, "bad page");
        assert!(marked(&db).unwrap().ends_with("bad page"));
        assert!(clear(&db));
        assert_eq!(marked(&db), None);
    }

    #[test]
    fn panics_elsewhere_keep_unwinding() {
        install_hook();
        let caught = std::panic::catch_unwind(|| {
            let _ = guard::<(), StoreError>(Path::new("x.redb"), || panic!("a bug of ours"));
        });
        assert!(caught.is_err(), "a panic outside redb is not called damage");
    }
}
