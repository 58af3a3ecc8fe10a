//! `loyal backup`: a verified, consistent copy taken while others write, which never makes a
//! writer wait; refused onto an existing file; a damaged source says so and leaves nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_loyal");

fn loyal(db: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .env("LOYAL_LANG", "en")
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LOYAL_CONFIG", db.with_extension("toml"))
        .output()
        .expect("run loyal")
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = loyal(db, args);
    assert!(
        out.status.success(),
        "loyal {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// A database with the bundled fixtures.
fn fixture_db(dir: &Path) -> PathBuf {
    let db = dir.join("shop.redb");
    ok(&db, &["init"]);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    for kind in [
        "customers",
        "orders",
        "followups",
        "care-plans",
        "complaints",
    ] {
        let file = root.join(format!("{kind}.csv"));
        ok(&db, &["import", kind, file.to_str().expect("utf-8")]);
    }
    db
}

fn stats(db: &Path) -> serde_json::Value {
    let mut v: serde_json::Value =
        serde_json::from_str(&ok(db, &["stats", "--format", "json"])).expect("json");
    for key in ["database", "file_bytes", "space"] {
        v.as_object_mut().expect("object").remove(key);
    }
    v
}

#[test]
fn a_backup_is_a_verified_loyal_file_with_the_same_data() {
    let dir = tempfile::tempdir().expect("dir");
    let db = fixture_db(dir.path());
    let copy = dir.path().join("copy.redb");
    let said = ok(&db, &["backup", copy.to_str().expect("utf-8")]);
    assert!(said.contains("verified"), "{said}");
    assert_eq!(stats(&copy), stats(&db));
    // The same records, byte for byte in the export, and a file that passes the full check.
    for kind in ["customers", "orders", "complaints"] {
        assert_eq!(
            ok(&copy, &["export", kind, "--out", "-"]),
            ok(&db, &["export", kind, "--out", "-"]),
            "{kind}"
        );
    }
    ok(&copy, &["check"]);
    // Only the owner may read it, as the database itself.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copy).expect("meta").permissions().mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }
    // Never over an existing file, and nothing left behind.
    let out = loyal(&db, &["backup", copy.to_str().expect("utf-8")]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("exists already"));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains(".partial-")), "{names:?}");
}

#[test]
fn a_writer_never_waits_for_a_backup_and_the_copy_is_one_snapshot() {
    use loyal::service::Service;
    use loyal::store::StoreOptions;
    let dir = tempfile::tempdir().expect("dir");
    let db = fixture_db(dir.path());
    let before = stats(&db);
    // As the same OS account as the binary, the database's admin.
    let options = StoreOptions {
        os_user: loyal::config::os_account(),
        ..StoreOptions::default()
    };
    let service = Service::open(&db, &options).expect("open");
    let copy = dir.path().join("snapshot.redb");
    let mut wrote = None;
    service
        .backup(&copy, &mut |done, _total| {
            // Half way through, a colleague's process saves; it must not wait for the backup.
            if wrote.is_none() && done > 0 {
                wrote = Some(loyal(
                    &db,
                    &[
                        "followup",
                        "log",
                        "C-000001",
                        "--summary",
                        "during the backup",
                    ],
                ));
            }
        })
        .expect("backup");
    drop(service);
    let wrote = wrote.expect("the progress ran");
    assert!(
        wrote.status.success(),
        "{}",
        String::from_utf8_lossy(&wrote.stderr)
    );
    // The copy is the snapshot from before the save; the database has the save.
    assert_eq!(stats(&copy), before);
    assert_eq!(
        stats(&db)["followups"].as_u64(),
        before["followups"].as_u64().map(|n| n + 1)
    );
}

#[test]
fn dated_backups_rotate_and_only_admins_take_them() {
    let dir = tempfile::tempdir().expect("dir");
    let db = fixture_db(dir.path());
    let folder = dir.path().join("backups");
    let keep = folder.to_str().expect("utf-8");
    std::fs::create_dir_all(&folder).expect("dir");
    // Two older dated backups and an unrelated file.
    for name in [
        "loyal-20200101-000000.redb",
        "loyal-20200102-000000.redb",
        "notes.txt",
    ] {
        std::fs::write(folder.join(name), b"old").expect("write");
    }
    let said = ok(&db, &["backup", "--keep", "2", keep]);
    assert!(said.contains("removed the older backup"), "{said}");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "{names:?}");
    assert_eq!(names[0], "loyal-20200102-000000.redb");
    assert!(names[1].starts_with("loyal-20") && names[1] != names[0]);
    assert_eq!(names[2], "notes.txt");
    assert_eq!(
        loyal(&db, &["backup", "--keep", "0", keep]).status.code(),
        Some(2)
    );
    // An agent may not copy everyone's data out.
    ok(&db, &["role", "set", "someone-else", "admin"]);
    let me = loyal::config::os_account();
    ok(&db, &["role", "set", &me, "agent"]);
    let out = loyal(
        &db,
        &["backup", dir.path().join("x.redb").to_str().expect("utf-8")],
    );
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_damaged_file_is_not_backed_up() {
    let dir = tempfile::tempdir().expect("dir");
    let db = fixture_db(dir.path());
    let mut bytes = std::fs::read(&db).expect("read");
    bytes[65536..131072].fill(0xab);
    std::fs::write(&db, &bytes).expect("write");
    let copy = dir.path().join("copy.redb");
    let out = loyal(&db, &["backup", copy.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(4));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("looks damaged"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!copy.exists());
}

#[test]
fn a_restore_puts_the_backup_back_keeps_the_old_file_and_says_so_in_the_trail() {
    let dir = tempfile::tempdir().expect("dir");
    let db = fixture_db(dir.path());
    let copy = dir.path().join("copy.redb");
    ok(&db, &["backup", copy.to_str().expect("utf-8")]);
    let at_backup = stats(&copy);
    ok(
        &db,
        &[
            "followup",
            "log",
            "C-000001",
            "--summary",
            "after the backup",
        ],
    );
    assert_ne!(stats(&db), at_backup);
    // Refused while another process has the database open, naming it.
    {
        use loyal::service::Service;
        use loyal::store::StoreOptions;
        let _colleague = Service::open(&db, &StoreOptions::default()).expect("open");
        let out = loyal(&db, &["restore", copy.to_str().expect("utf-8")]);
        let err = String::from_utf8_lossy(&out.stderr);
        if cfg!(target_os = "linux") {
            assert_eq!(out.status.code(), Some(3), "{err}");
            assert!(
                err.contains("open in other processes")
                    && err.contains(&format!("pid {}", std::process::id())),
                "{err}"
            );
        }
    }
    let said = ok(&db, &["restore", copy.to_str().expect("utf-8")]);
    assert!(said.contains("restored"), "{said}");
    let mut restored = stats(&db);
    // The restore itself is in the audit trail (the only difference from the backup).
    let trail = ok(&db, &["audit", "--format", "json", "--limit", "1"]);
    assert!(trail.contains("\"db.restore\""), "{trail}");
    restored.as_object_mut().expect("object").remove("audit");
    assert_eq!(restored["followups"], at_backup["followups"]);
    let kept: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().contains(".before-restore-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(
        stats(&kept[0])["followups"].as_u64(),
        at_backup["followups"].as_u64().map(|n| n + 1),
        "the replaced file is kept whole"
    );
    // A file that is not a loyal database is refused and nothing changes.
    let junk = dir.path().join("junk.redb");
    std::fs::write(&junk, vec![0x5a; 8192]).expect("write");
    let before = stats(&db);
    let out = loyal(&db, &["restore", junk.to_str().expect("utf-8")]);
    assert!(!out.status.success());
    assert_eq!(stats(&db), before);
    assert!(!dir.path().join("shop.redb.restoring").exists());
}
