//! Opening the right file, or saying why not: a missing path is never turned into an empty
//! database, an empty or foreign file is never initialised, a read-only file can be read, and a
//! damaged file gives one clear error (its own exit code, no panic) and takes no more writes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_loyal");
/// The exit status for a damaged database (README: exit codes).
/// A missing, unopenable or damaged database file (`loyal` exit status 4).
const EXIT_DAMAGED: i32 = 4;

fn loyal(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .env("LOYAL_LANG", "en")
        .args(args)
        .env_remove("LOYAL_DB")
        .env("LOYAL_CONFIG", dir.join("config.toml"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .output()
        .expect("run loyal")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// A database with the fixture customers and orders, made with `init` and `import`.
fn fixture_db(dir: &Path) -> PathBuf {
    let db = dir.join("shop.redb");
    for args in [
        vec!["--db", s(&db), "init"],
        vec![
            "--db",
            s(&db),
            "import",
            "customers",
            "fixtures/customers.csv",
        ],
        vec!["--db", s(&db), "import", "orders", "fixtures/orders.csv"],
    ] {
        let out = loyal(dir, &args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    db
}

#[test]
fn a_missing_file_is_an_error_naming_the_path_and_where_it_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no/such/dir/x.redb");
    for args in [
        vec!["--db", s(&missing), "lookup", "smith"],
        vec!["--db", s(&missing), "stats"],
        vec!["--db", s(&missing), "config", "show"],
        vec![
            "--db",
            s(&missing),
            "followup",
            "log",
            "C-1",
            "--summary",
            "hi",
        ],
        vec!["--db", s(&missing), "check"],
    ] {
        let out = loyal(dir.path(), &args);
        assert!(!out.status.success(), "{args:?} must fail");
        let err = stderr(&out);
        assert!(err.contains(s(&missing)), "{args:?} names the path: {err}");
        assert!(err.contains("path from --db"), "{args:?} says why: {err}");
        assert!(err.contains("no database at"), "{err}");
    }
    assert!(!dir.path().join("no").exists(), "no folder was created");

    // The same through LOYAL_DB, and through the default path.
    let out = Command::new(BIN)
        .env("LOYAL_LANG", "en")
        .args(["stats"])
        .env("LOYAL_DB", &missing)
        .env("LOYAL_CONFIG", dir.path().join("config.toml"))
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("path from LOYAL_DB"),
        "{}",
        stderr(&out)
    );
    let out = loyal(dir.path(), &["stats"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("path from the default location"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("data/loyal/loyal.redb").exists());

    // init creates it.
    let out = loyal(dir.path(), &["--db", s(&missing), "init"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(missing.exists());
}

#[test]
fn an_empty_or_foreign_file_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.redb");
    std::fs::write(&empty, b"").unwrap();
    for args in [
        vec!["--db", s(&empty), "stats"],
        vec!["--db", s(&empty), "check"],
        vec!["--db", s(&empty), "init"],
        vec![
            "--db",
            s(&empty),
            "import",
            "customers",
            "fixtures/customers.csv",
        ],
    ] {
        let out = loyal(dir.path(), &args);
        assert!(!out.status.success(), "{args:?} must fail on an empty file");
        assert!(
            stderr(&out).contains("is empty (0 bytes)"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(
        std::fs::metadata(&empty).unwrap().len(),
        0,
        "never re-initialised"
    );

    let foreign = dir.path().join("notes.txt");
    std::fs::write(&foreign, "customer_id,name\nC-1,Ann\n").unwrap();
    let out = loyal(dir.path(), &["--db", s(&foreign), "lookup", "ann"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("is not a loyal database"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&foreign).unwrap(),
        "customer_id,name\nC-1,Ann\n"
    );
}

/// Runs loyal as an account that may read `db` but not write it: `nobody` when the tests run
/// as root (root may write any file), else this account with the file made 0400.
fn read_only_run(dir: &Path, db: &Path, args: &[&str]) -> Output {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    std::fs::set_permissions(
        db,
        std::fs::Permissions::from_mode(if root { 0o444 } else { 0o400 }),
    )
    .unwrap();
    if !root {
        return loyal(dir, &[&["--db", s(db)], args].concat());
    }
    for d in [dir, db.parent().unwrap()] {
        std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    Command::new("setpriv")
        .args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            BIN,
            "--db",
            s(db),
        ])
        .args(args)
        .env_remove("LOYAL_DB")
        .env("LOYAL_CONFIG", dir.join("config.toml"))
        .env("HOME", dir)
        .output()
        .expect("setpriv runs (util-linux)")
}

#[test]
fn a_read_only_file_can_be_read_and_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = fixture_db(dir.path());
    let before = std::fs::read(&db).unwrap();
    let out = read_only_run(dir.path(), &db, &["customer", "show", "C-000001"]);
    assert!(out.status.success(), "reading works: {}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("C-000001"));
    let out = read_only_run(dir.path(), &db, &["stats"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("customers  300"));
    let out = read_only_run(
        dir.path(),
        &db,
        &["followup", "log", "C-000001", "--summary", "tried"],
    );
    assert!(!out.status.success(), "a write is refused");
    assert!(
        stderr(&out).contains("is open read-only"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&db).unwrap(), before, "the file is untouched");
}

#[test]
fn a_damaged_file_gives_one_clear_error_and_takes_no_more_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = fixture_db(dir.path());
    // 64 KiB of garbage over the pages after the first 64 KiB.
    let mut bytes = std::fs::read(&db).unwrap();
    assert!(
        bytes.len() > 256 * 1024,
        "fixture database is {} bytes",
        bytes.len()
    );
    bytes[65536..131072].fill(0xab);
    std::fs::write(&db, &bytes).unwrap();
    for args in [
        vec!["stats"],
        vec!["export", "customers"],
        vec!["customer", "show", "C-000001"],
        vec!["lookup", "6542"],
        vec![
            "followup",
            "log",
            "C-000001",
            "--summary",
            "on a damaged file",
        ],
    ] {
        let out = loyal(dir.path(), &[&["--db", s(&db)], &args[..]].concat());
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(EXIT_DAMAGED), "{args:?}: {err}");
        assert!(
            !err.contains("panicked"),
            "{args:?}: no panic reaches the user: {err}"
        );
        assert!(!err.contains("RUST_BACKTRACE"), "{err}");
        assert!(err.contains("looks damaged"), "{err}");
        assert!(err.contains("loyal check"), "{err}");
        assert_eq!(
            err.trim_end()
                .lines()
                .filter(|l| l.starts_with("error"))
                .count(),
            1
        );
    }
    assert!(
        PathBuf::from(format!("{}.damaged", db.display())).exists(),
        "the file is marked for other processes"
    );
    let out = loyal(dir.path(), &["--db", s(&db), "check"]);
    assert!(!out.status.success(), "check does not pass a damaged file");
}

/// `followup log C-000001` on `db`: the write the damage tests expect refused or accepted.
fn log_a_follow_up(dir: &Path, db: &Path) -> Output {
    loyal(
        dir,
        &[
            "--db",
            s(db),
            "followup",
            "log",
            "C-000001",
            "--summary",
            "x",
        ],
    )
}

#[test]
fn a_marked_file_refuses_writes_until_check_passes() {
    let dir = tempfile::tempdir().unwrap();
    let db = fixture_db(dir.path());
    let mark = PathBuf::from(format!("{}.damaged", db.display()));
    std::fs::write(&mark, "2026-12-01 10:00:00: bad page\n").unwrap();
    let out = log_a_follow_up(dir.path(), &db);
    assert_eq!(out.status.code(), Some(EXIT_DAMAGED), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("found damaged 2026-12-01 10:00:00"),
        "{}",
        stderr(&out)
    );
    let out = loyal(
        dir.path(),
        &["--db", s(&db), "customer", "show", "C-000001"],
    );
    assert!(
        out.status.success(),
        "reading still works: {}",
        stderr(&out)
    );
    let out = loyal(dir.path(), &["--db", s(&db), "check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("writing is allowed again"));
    assert!(!mark.exists());
    let out = log_a_follow_up(dir.path(), &db);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn damage_met_after_the_file_opened_is_one_clear_error_and_stops_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = fixture_db(dir.path());
    let pristine = std::fs::read(&db).unwrap();
    let mut met_after_open = Vec::new();
    // 256 bytes of garbage inside one page at a time, over the pages after redb's header
    // region: some make the open fail, some are met only by a later read, some lie unused.
    for page in 16..48.min(pristine.len() / 4096) {
        let copy = dir.path().join(format!("page{page}.redb"));
        let mut bytes = pristine.clone();
        bytes[page * 4096 + 1024..page * 4096 + 1280].fill(0xab);
        std::fs::write(&copy, &bytes).unwrap();
        let run = |args: &[&str]| loyal(dir.path(), &[&["--db", s(&copy)], args].concat());
        let stats = run(&["stats"]);
        let reads = [
            run(&["export", "customers"]),
            run(&["export", "orders"]),
            run(&["lookup", "6542"]),
            // Reads customer names on a second thread: its damage must be damage too.
            run(&["rfm"]),
        ];
        for out in std::iter::once(&stats).chain(&reads) {
            let err = stderr(out);
            assert!(!err.contains("panicked"), "page {page}: {err}");
            assert!(!err.contains("RUST_BACKTRACE"), "page {page}: {err}");
            assert!(
                matches!(out.status.code(), Some(0 | 1 | EXIT_DAMAGED)),
                "page {page}: {:?} {err}",
                out.status
            );
            // Status 4 is the database: damaged, or (a header page hit) not readable as one.
            if out.status.code() == Some(EXIT_DAMAGED) {
                assert!(
                    err.contains("looks damaged") || err.contains("is not a loyal database"),
                    "page {page}: {err}"
                );
                assert!(!err.contains("loyal::"), "no internal names: {err}");
            }
        }
        if stats.status.success()
            && reads.iter().any(|o| {
                o.status.code() == Some(EXIT_DAMAGED) && stderr(o).contains("looks damaged")
            })
        {
            met_after_open.push(page);
        }
    }
    assert!(
        met_after_open.len() >= 5,
        "damage met by reads after a good open on pages {met_after_open:?}"
    );

    // A write that meets the damage itself (no earlier read, no mark) is refused, and marks it.
    let mut refused = false;
    for page in &met_after_open {
        let copy = dir.path().join(format!("write{page}.redb"));
        let mut bytes = pristine.clone();
        bytes[page * 4096 + 1024..page * 4096 + 1280].fill(0xab);
        std::fs::write(&copy, &bytes).unwrap();
        let out = loyal(
            dir.path(),
            &[
                "--db",
                s(&copy),
                "import",
                "customers",
                "fixtures/customers.csv",
            ],
        );
        if out.status.code() == Some(EXIT_DAMAGED) {
            assert!(PathBuf::from(format!("{}.damaged", copy.display())).exists());
            let again = loyal(
                dir.path(),
                &[
                    "--db",
                    s(&copy),
                    "followup",
                    "log",
                    "C-000002",
                    "--summary",
                    "x",
                ],
            );
            assert_eq!(
                again.status.code(),
                Some(EXIT_DAMAGED),
                "{}",
                stderr(&again)
            );
            refused = true;
            break;
        }
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert!(
        refused,
        "an import that reads every customer met the damage on one of {met_after_open:?}"
    );
}
