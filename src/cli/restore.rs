//! `loyal restore FILE`: puts a backup in the database's place. The backup is checked first
//! (on a copy, so the backup itself is never changed), nobody else may have the database open
//! (they are named), the replaced file is kept beside it, and the restore goes in the audit
//! trail of the restored database.

use super::Context;
use anyhow::Context as _;
use std::path::{Path, PathBuf};

pub fn run(context: &Context, backup: &Path) -> anyhow::Result<()> {
    let live = context.db_path.clone();
    if !backup.is_file() {
        return Err(super::exit::NoDatabase(t!(
            "store-missing",
            path = backup.display().to_string()
        ))
        .into());
    }
    // Only an admin of the database being replaced (or, when it is gone, of the backup).
    let judge = if live.exists() {
        context.clone()
    } else {
        Context {
            db_path: backup.to_path_buf(),
            ..context.clone()
        }
    };
    judge.open()?.may_restore()?;
    // Check a copy: opening a file may recover it, and the backup stays as it was.
    let staged = sibling(&live, "restoring");
    std::fs::copy(backup, &staged)
        .with_context(|| t!("cannot-write", path = staged.display().to_string()))?;
    let verified = verify(context, &staged);
    if let Err(e) = verified {
        let _ = std::fs::remove_file(&staged);
        return Err(e);
    }
    let others = holders(&live);
    if !others.is_empty() {
        let _ = std::fs::remove_file(&staged);
        return Err(super::exit::refused(t!(
            "restore-in-use",
            file = live.display().to_string(),
            who = others.join(", ")
        )));
    }
    let kept = if live.exists() {
        let kept = sibling(
            &live,
            &format!(
                "before-restore-{}",
                chrono::Local::now().format("%Y%m%d-%H%M%S")
            ),
        );
        std::fs::rename(&live, &kept)
            .with_context(|| t!("cannot-replace", path = live.display().to_string()))?;
        Some(kept)
    } else {
        None
    };
    std::fs::rename(&staged, &live)
        .with_context(|| t!("cannot-replace", path = live.display().to_string()))?;
    // The restored file is sound: a damage mark left from the file it replaced does not apply.
    crate::store::damage::clear(&live);
    context.open()?.record_restore(backup, kept.as_deref())?;
    println!(
        "{}",
        t!(
            "cli-restored",
            file = live.display().to_string(),
            from = backup.display().to_string()
        )
    );
    if let Some(kept) = kept {
        println!(
            "{}",
            t!("cli-restore-kept", file = kept.display().to_string())
        );
    }
    Ok(())
}

/// A file beside `path`: `loyal.redb.restoring`, `loyal.redb.before-restore-…`.
fn sibling(path: &Path, what: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".{what}"));
    path.with_file_name(name)
}

/// The staged copy is a loyal database that passes the full integrity check.
fn verify(context: &Context, staged: &Path) -> anyhow::Result<()> {
    let check = Context {
        db_path: staged.to_path_buf(),
        ..context.clone()
    };
    let mut service = check.open()?;
    if !service.check_integrity()? {
        return Err(super::exit::refused(t!("restore-not-sound")));
    }
    Ok(())
}

/// Other processes that have `path` open, as `pid 1234 (ann: loyal)`: read from /proc on
/// Linux; elsewhere nobody can be seen, so nobody is named.
fn holders(path: &Path) -> Vec<String> {
    let Ok(target) = path.canonicalize() else {
        return Vec::new();
    };
    let me = std::process::id();
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in procs.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == me {
            continue;
        }
        let Ok(fds) = std::fs::read_dir(entry.path().join("fd")) else {
            continue;
        };
        let open = fds
            .flatten()
            .any(|fd| std::fs::read_link(fd.path()).is_ok_and(|p| p == target));
        if open {
            let command = std::fs::read_to_string(entry.path().join("comm"))
                .unwrap_or_default()
                .trim()
                .to_string();
            let user = owner(&entry.path()).unwrap_or_else(|| String::from("?"));
            found.push(format!(
                "pid {pid} ({}: {})",
                crate::text::sanitize(&user),
                crate::text::sanitize(&command)
            ));
        }
    }
    found
}

/// The account a process runs as, from its /proc entry.
fn owner(proc_dir: &Path) -> Option<String> {
    let status = std::fs::read_to_string(proc_dir.join("status")).ok()?;
    let uid: u32 = status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    Some(
        passwd
            .lines()
            .find_map(|l| {
                let mut f = l.split(':');
                let name = f.next()?;
                let id: u32 = f.nth(1)?.parse().ok()?;
                (id == uid).then(|| name.to_string())
            })
            .unwrap_or_else(|| uid.to_string()),
    )
}
