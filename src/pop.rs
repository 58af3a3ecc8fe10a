//! Screen pop: a telephony hook (`loyal pop PHONE`) tells every workbench of one staff member,
//! on this server, who is calling. Pops go through a spool folder beside the database
//! (`loyal.redb.pops/`), one small JSON file each, written whole (temporary file, rename):
//! sending never waits for the database's write lock, and a workbench only lists a folder.
//! Every workbench of the addressee shows a pop once; a pop older than [`POP_TTL_MS`] is
//! dropped (and its file removed by whoever sees it first).

use crate::domain::Millis;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// A pop nobody saw within this long is dropped: the call is over or answered elsewhere.
pub const POP_TTL_MS: Millis = 60_000;
/// The longest phone number a pop carries, in characters.
const MAX_PHONE_CHARS: usize = 32;
/// At most this many pops are read at a time (a folder filled by a runaway hook stays cheap).
const MAX_FILES: usize = 200;
/// A pop file is a few dozen bytes; anything larger is not one.
const MAX_POP_BYTES: u64 = 4096;

/// One incoming call for one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pop {
    /// The caller's number as the telephony system gave it.
    pub phone: String,
    /// Whose workbenches show it: a staff name or an OS account.
    pub to: String,
    /// When it was sent.
    pub at: Millis,
}

/// Why a pop cannot be sent.
#[derive(Debug, thiserror::Error)]
pub enum PopError {
    #[error("{}", t!("pop-bad-phone", phone = crate::text::sanitize(.0).into_owned()))]
    BadPhone(String),
    #[error("{}", t!("pop-no-one"))]
    NoOne,
    #[error("{}", t!("pop-cannot-write", folder = .0.display().to_string(), error = .1.to_string()))]
    Write(PathBuf, std::io::Error),
}

/// The spool folder of the database at `db`.
pub fn spool(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".pops");
    db.with_file_name(name)
}

/// `phone` checked: digits with the usual `+`, spaces, `-`, `(`, `)`, `.`; at least 3 digits.
pub fn checked_phone(phone: &str) -> Result<String, PopError> {
    let phone = phone.trim();
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let ok = digits >= 3
        && phone.chars().count() <= MAX_PHONE_CHARS
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')' | '.'));
    if ok {
        Ok(phone.to_string())
    } else {
        Err(PopError::BadPhone(phone.to_string()))
    }
}

/// Sends `pop` to the workbenches of the database at `db`; returns the file written.
pub fn send(db: &Path, pop: &Pop) -> Result<PathBuf, PopError> {
    let phone = checked_phone(&pop.phone)?;
    if pop.to.trim().is_empty() {
        return Err(PopError::NoOne);
    }
    let dir = spool(db);
    let fail = |e: std::io::Error| PopError::Write(dir.clone(), e);
    if !dir.is_dir() {
        std::fs::create_dir(&dir)
            .or_else(|e| if dir.is_dir() { Ok(()) } else { Err(e) })
            .map_err(fail)?;
        // As open to the team as the database's own folder (several people on one server).
        if let Some(parent) = db.parent().filter(|p| !p.as_os_str().is_empty())
            && let Ok(meta) = std::fs::metadata(parent)
        {
            let _ = std::fs::set_permissions(&dir, meta.permissions());
        }
    }
    let pop = Pop {
        phone,
        to: pop.to.trim().to_string(),
        at: pop.at,
    };
    let text = serde_json::to_vec(&pop).map_err(|e| fail(e.into()))?;
    let mut temp = tempfile::Builder::new()
        .prefix(".pop-")
        .tempfile_in(&dir)
        .map_err(fail)?;
    // Readable by whoever may read the database (the hook may run as another account than
    // the workbenches): the database file's own mode, set after creation so that no umask
    // takes the group's read away, not a temporary file's private one.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(db).map_or(0o600, |m| m.permissions().mode() & 0o666);
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode | 0o600))
            .map_err(fail)?;
    }
    temp.write_all(&text).map_err(fail)?;
    // Unique: the temporary file's own random name, after the time (oldest first in a listing).
    let unique = temp
        .path()
        .file_name()
        .map(|n| n.to_string_lossy().trim_start_matches(".pop-").to_string())
        .unwrap_or_default();
    let name = format!("{}-{}-{unique}.json", pop.at, std::process::id());
    let path = dir.join(name);
    temp.persist(&path).map_err(|e| fail(e.error))?;
    Ok(path)
}

/// Who a workbench is: a pop addressed to either name is for it.
#[derive(Debug, Clone, Default)]
pub struct Listener {
    pub staff: String,
    pub os_user: String,
    /// The pops already shown (by file name).
    seen: HashSet<String>,
}

impl Listener {
    pub fn new(staff: &str, os_user: &str) -> Listener {
        Listener {
            staff: staff.trim().to_string(),
            os_user: os_user.trim().to_string(),
            seen: HashSet::new(),
        }
    }

    fn is_for_me(&self, to: &str) -> bool {
        let to = to.trim();
        (!self.staff.is_empty() && to.eq_ignore_ascii_case(&self.staff))
            || (!self.os_user.is_empty() && to.eq_ignore_ascii_case(&self.os_user))
    }

    /// The pops for me in `dir` not shown yet and not expired at `now`, oldest first;
    /// expired ones are removed. A folder that is not there (no pop ever sent) is no pop.
    /// Only small regular files are read (never a link, a pipe or a device); anything in
    /// the folder that is not a pop and older than [`POP_TTL_MS`] is removed.
    pub fn take(&mut self, dir: &Path, now: Millis) -> Vec<Pop> {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        let mut alive = HashSet::new();
        // Newest names first (they start with the time sent), so that a folder that holds
        // more than MAX_FILES still shows the latest calls.
        let mut names: Vec<(String, PathBuf)> = entries
            .flatten()
            .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
            .collect();
        names.sort_unstable_by(|a, b| b.0.cmp(&a.0));
        for (name, path) in names.into_iter().take(MAX_FILES) {
            // No link is followed; only a small regular file is opened.
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            let stale = meta
                .modified()
                .ok()
                .and_then(|m| m.elapsed().ok())
                .is_some_and(|age| age.as_millis() > POP_TTL_MS as u128);
            let pop = (meta.is_file() && meta.len() <= MAX_POP_BYTES && name.ends_with(".json"))
                .then(|| std::fs::read(&path).ok())
                .flatten()
                .and_then(|bytes| serde_json::from_slice::<Pop>(&bytes).ok())
                .filter(|pop| checked_phone(&pop.phone).is_ok());
            let Some(pop) = pop else {
                // A half-written temporary file of a sender that died, or not a pop at all.
                if stale && meta.is_file() {
                    let _ = std::fs::remove_file(&path);
                }
                continue;
            };
            // Expired either way: sent over a minute ago, or stamped far in the future.
            if now.saturating_sub(pop.at).unsigned_abs() > POP_TTL_MS as u64 {
                let _ = std::fs::remove_file(&path);
                continue;
            }
            alive.insert(name.clone());
            if self.is_for_me(&pop.to) && self.seen.insert(name) {
                found.push(pop);
            }
        }
        // Forget what is gone, so the set stays as small as the folder.
        self.seen.retain(|name| alive.contains(name));
        found.sort_by_key(|p| p.at);
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pop(phone: &str, to: &str, at: Millis) -> Pop {
        Pop {
            phone: phone.into(),
            to: to.into(),
            at,
        }
    }

    #[test]
    fn each_workbench_of_the_addressee_sees_a_pop_once_and_others_never() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("shop.redb");
        let spool = spool(&db);
        assert_eq!(spool.file_name().unwrap(), "shop.redb.pops");
        let mut ann_desk = Listener::new("Ann", "ann");
        let mut ann_laptop = Listener::new("Ann Lee", "ann");
        let mut bo = Listener::new("Bo", "bo");
        assert!(ann_desk.take(&spool, 0).is_empty(), "no folder yet");
        send(&db, &pop("+86 138-0013-8000", "ann", 1_000)).unwrap();
        assert_eq!(ann_desk.take(&spool, 2_000).len(), 1);
        assert!(ann_desk.take(&spool, 2_500).is_empty(), "once");
        assert_eq!(ann_laptop.take(&spool, 2_000)[0].phone, "+86 138-0013-8000");
        assert!(bo.take(&spool, 2_000).is_empty());
        send(&db, &pop("13800138000", "ANN", 3_000)).unwrap();
        assert_eq!(
            ann_desk.take(&spool, 3_500).len(),
            1,
            "by OS account, any case"
        );
    }

    #[test]
    fn a_pop_nobody_saw_within_a_minute_is_dropped_and_its_file_removed() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("shop.redb");
        send(&db, &pop("13800138000", "ann", 0)).unwrap();
        let mut ann = Listener::new("Ann", "ann");
        assert!(ann.take(&spool(&db), POP_TTL_MS + 1).is_empty());
        assert_eq!(std::fs::read_dir(spool(&db)).unwrap().count(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn links_pipes_and_strangers_are_never_read_and_pops_are_as_readable_as_the_database() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("shop.redb");
        std::fs::write(&db, b"").unwrap();
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o640)).unwrap();
        let file = send(&db, &pop("13800138000", "ann", 5_000)).unwrap();
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode, 0o640,
            "the group that shares the database reads the pop"
        );
        let spool = spool(&db);
        // A pipe would block a read for ever, /dev/zero would never end: neither is opened.
        let fifo = std::ffi::CString::new(spool.join("9-x.json").to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        std::os::unix::fs::symlink("/dev/zero", spool.join("8-z.json")).unwrap();
        std::fs::write(spool.join("7-big.json"), vec![b' '; 10_000]).unwrap();
        std::fs::write(
            spool.join("6-bad.json"),
            br#"{"phone":"\u001b[31m","to":"ann","at":5000}"#,
        )
        .unwrap();
        std::fs::write(
            spool.join("5-min.json"),
            br#"{"phone":"13800138000","to":"ann","at":-9223372036854775808}"#,
        )
        .unwrap();
        let mut ann = Listener::new("Ann", "ann");
        let got = ann.take(&spool, 6_000);
        assert_eq!(got.len(), 1, "only the real pop: {got:?}");
        assert!(
            !spool.join("5-min.json").exists(),
            "an absurd time is expired, not a panic"
        );
    }

    #[test]
    fn a_phone_must_be_a_phone_and_someone_must_be_named() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("shop.redb");
        for bad in ["", "12", "1380013800\u{1b}[31m", "call me", &"1".repeat(40)] {
            assert!(
                matches!(send(&db, &pop(bad, "ann", 0)), Err(PopError::BadPhone(_))),
                "{bad:?}"
            );
        }
        assert!(matches!(
            send(&db, &pop("13800138000", " ", 0)),
            Err(PopError::NoOne)
        ));
        assert!(!spool(&db).exists(), "nothing written for a refused pop");
    }
}
