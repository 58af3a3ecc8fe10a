//! Backups for admins: a verified copy of one snapshot of the database (taken while everyone
//! works), and the rotation of dated backups in a folder.

use super::{Service, ServiceError};
use crate::domain::Role;
use crate::store::BackupReport;
use std::path::{Path, PathBuf};

impl Service {
    /// Copies one snapshot of the database to the new file `to` (see
    /// [`crate::store::Store::backup_to`]); an admin's right, as the file holds everyone's data.
    pub fn backup(
        &self,
        to: &Path,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<BackupReport, ServiceError> {
        self.require(Role::Admin, "back up the database")?;
        Ok(self.store.backup_to(to, progress)?)
    }
}

impl Service {
    /// Whether this person may put a backup in this database's place (admins only): asked
    /// before anything is copied.
    pub fn may_restore(&self) -> Result<(), ServiceError> {
        self.require(Role::Admin, "restore the database")
    }

    /// Records, in a database just restored, where it came from and where the file it
    /// replaced was kept.
    pub fn record_restore(&self, from: &Path, kept: Option<&Path>) -> Result<(), ServiceError> {
        let kept = kept.map_or_else(String::new, |k| k.display().to_string());
        self.write(Role::Admin, "restore the database", |w| {
            w.audit(
                "db.restore",
                None,
                &from.display().to_string(),
                t!("audit-restore-detail", kept = kept.as_str()),
            )?;
            Ok::<_, ServiceError>(())
        })
    }
}

/// The name of a dated backup: `loyal-20261202-041500.redb` (local time, sorts by age).
pub fn dated_name(at: chrono::DateTime<chrono::Local>) -> String {
    format!("loyal-{}.redb", at.format("%Y%m%d-%H%M%S"))
}

/// Whether `name` is one of [`dated_name`]'s.
fn is_dated(name: &str) -> bool {
    let Some(stamp) = name
        .strip_prefix("loyal-")
        .and_then(|n| n.strip_suffix(".redb"))
    else {
        return false;
    };
    chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").is_ok()
}

/// Removes the oldest dated backups in `dir` beyond the newest `keep`; other files are never
/// touched. Returns the removed paths, oldest first.
pub fn rotate(dir: &Path, keep: usize) -> std::io::Result<Vec<PathBuf>> {
    let mut dated: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(is_dated))
        .collect();
    // The stamp is in the name and sorts as time does.
    dated.sort();
    let excess = dated.len().saturating_sub(keep);
    let removed: Vec<PathBuf> = dated.into_iter().take(excess).collect();
    for path in &removed {
        std::fs::remove_file(path)?;
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotation_keeps_the_newest_and_touches_nothing_else() {
        let dir = tempfile::tempdir().expect("dir");
        let names = [
            "loyal-20261130-020000.redb",
            "loyal-20261201-020000.redb",
            "loyal-20261202-020000.redb",
            "loyal-notes.redb",
            "team.redb",
        ];
        for name in names {
            std::fs::write(dir.path().join(name), b"x").expect("write");
        }
        let removed = rotate(dir.path(), 2).expect("rotate");
        assert_eq!(removed, vec![dir.path().join("loyal-20261130-020000.redb")]);
        for kept in &names[1..] {
            assert!(dir.path().join(kept).exists(), "{kept}");
        }
        assert!(rotate(dir.path(), 0).expect("rotate").len() == 2);
        assert!(dir.path().join("team.redb").exists());
    }

    #[test]
    fn dated_names_sort_as_time_does() {
        use chrono::TimeZone;
        let a = chrono::Local
            .with_ymd_and_hms(2026, 12, 2, 4, 15, 0)
            .unwrap();
        let b = chrono::Local
            .with_ymd_and_hms(2026, 12, 10, 1, 0, 0)
            .unwrap();
        assert_eq!(dated_name(a), "loyal-20261202-041500.redb");
        assert!(dated_name(a) < dated_name(b));
        assert!(is_dated(&dated_name(a)));
    }
}
