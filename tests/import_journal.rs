//! Chunked imports with a journal: every row checked before any is written, chunks written
//! as separate transactions, the journal and undo log per run, rollback by id, and an
//! interrupted run (its process killed) reported on next use, then finished by running the
//! same import again or rolled back.

mod common;

use common::*;
use loyal::domain::{ImportState, Money};
use loyal::service::{CustomerKey, ImportOptions, ServiceError};
use loyal::transfer::{self, Format, Kind};
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_loyal");

fn customers_csv(n: usize) -> String {
    let mut out = String::from("customer_id,name,phone\n");
    for i in 0..n {
        out.push_str(&format!("C{i},Customer {i},+86 138{i:08}\n"));
    }
    out
}

fn orders_csv(n: usize, customers: usize, amount: &str) -> String {
    let mut out = String::from("order_id,customer_id,ordered_at,amount\n");
    for i in 0..n {
        let day = 1 + i % 28;
        out.push_str(&format!(
            "O{i},C{},2026-03-{day:02},{amount}\n",
            i % customers
        ));
    }
    out
}

fn chunked(
    db: &TestDb,
    text: &str,
    source: &str,
) -> Result<loyal::service::ImportReport, ServiceError> {
    let table = transfer::read_table(text.as_bytes(), Format::Csv, Kind::Orders).expect("table");
    let parsed = transfer::parse_orders(table);
    db.service.import_orders_chunked(
        source,
        parsed.inputs,
        parsed.errors,
        ImportOptions::default(),
        &mut |_, _| {},
    )
}

fn total_of(db: &TestDb, customer: &str) -> (u64, Money) {
    let card = db
        .service
        .customer_card(&CustomerKey::External(customer.into()), 0)
        .expect("card");
    (card.aggregate.order_count, card.aggregate.total)
}

#[test]
fn chunked_import_writes_everything_and_journals_it() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, &customers_csv(50));
    let rows = loyal::service::FIRST_CHUNK * 3 + 123;
    let report = chunked(&db, &orders_csv(rows, 50, "10.00"), "orders.csv").expect("import");
    assert_eq!(report.created as usize, rows);
    let id = report.import_id.expect("journal id");
    assert_eq!(db.service.stats().expect("stats").orders as usize, rows);
    let journal = db.service.imports().expect("journal");
    assert_eq!(journal.len(), 1);
    assert_eq!((journal[0].id, journal[0].state), (id, ImportState::Done));
    assert_eq!(journal[0].done as usize, rows);
    // Aggregates followed every chunk.
    let expected = (0..rows).filter(|i| i % 50 == 7).count() as u64;
    assert_eq!(
        total_of(&db, "C7"),
        (expected, Money(expected as i64 * 1000))
    );
    // Running it again changes nothing and is a new run.
    let again = chunked(&db, &orders_csv(rows, 50, "10.00"), "orders.csv").expect("again");
    assert_eq!((again.created, again.unchanged as usize), (0, rows));
    assert_ne!(again.import_id, Some(id));
}

#[test]
fn a_bad_row_anywhere_means_nothing_is_written() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, &customers_csv(10));
    let mut text = orders_csv(loyal::service::FIRST_CHUNK + 10, 10, "5.00");
    text.push_str("LATE,NOBODY,2026-03-01,1.00\n");
    match chunked(&db, &text, "bad.csv") {
        Err(ServiceError::Rejected(errors)) => {
            assert_eq!(errors.len(), 1);
            assert_eq!(errors[0].field, "customer_id");
        }
        other => panic!("expected a rejection, got {other:?}"),
    }
    assert_eq!(db.service.stats().expect("stats").orders, 0);
    assert!(db.service.imports().expect("journal").is_empty());
}

#[test]
fn rollback_by_id_restores_what_was_there() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, &customers_csv(20));
    let first = chunked(&db, &orders_csv(300, 20, "10.00"), "first.csv").expect("first");
    let before = total_of(&db, "C3");
    // The second run changes the first 150 orders and adds 200 more.
    let mut second = String::from("order_id,customer_id,ordered_at,amount\n");
    for i in 0..150 {
        second.push_str(&format!(
            "O{i},C{},2026-03-{:02},99.00\n",
            i % 20,
            1 + i % 28
        ));
    }
    for i in 1000..1200 {
        second.push_str(&format!("O{i},C{},2026-04-01,1.00\n", i % 20));
    }
    let report = chunked(&db, &second, "second.csv").expect("second");
    assert_eq!((report.updated, report.created), (150, 200));
    assert_ne!(total_of(&db, "C3"), before);
    let undone = db
        .service
        .rollback_import(report.import_id.expect("id"), &mut |_, _| {})
        .expect("rollback");
    assert_eq!(undone, 350);
    assert_eq!(total_of(&db, "C3"), before, "aggregates are back");
    assert_eq!(db.service.stats().expect("stats").orders, 300);
    let journal = db.service.imports().expect("journal");
    assert_eq!(journal[0].state, ImportState::RolledBack);
    assert_eq!(journal[1].id, first.import_id.expect("id"));
    assert!(matches!(
        db.service.rollback_import(journal[0].id, &mut |_, _| {}),
        Err(ServiceError::Invalid { .. })
    ));
    // The export equals the first import's rows again.
    let exported = db.export(Kind::Orders, Format::Csv);
    assert_eq!(exported.lines().count(), 301);
    assert!(exported.lines().all(|l| !l.contains("99.00")));
}

/// Runs the real binary; returns (status ok, stdout, stderr).
fn loyal(db: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(BIN)
        .env("LOYAL_LANG", "en")
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LOYAL_CONFIG", db.with_extension("toml"))
        .output()
        .expect("run loyal");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Starts an orders import of `file` and kills it with SIGKILL once a chunk is in.
fn kill_midway(db: &std::path::Path, file: &std::path::Path) {
    let mut child = Command::new(BIN)
        .env("LOYAL_LANG", "en")
        .arg("--db")
        .arg(db)
        .args(["import", "orders"])
        .arg(file)
        .env("LOYAL_CONFIG", db.with_extension("toml"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn import");
    let start = Instant::now();
    loop {
        let (_, out, _) = loyal(db, &["imports"]);
        if out
            .lines()
            .any(|l| l.contains("running") && !l.contains(" 0/"))
        {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no chunk written: {out}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().expect("SIGKILL");
    let _ = child.wait();
}

#[test]
fn an_interrupted_import_is_reported_then_resumed_or_rolled_back() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("shop.redb");
    let customers = dir.path().join("customers.csv");
    std::fs::write(&customers, customers_csv(100)).expect("write");
    let orders = dir.path().join("orders.csv");
    let rows = 120_000;
    std::fs::write(&orders, orders_csv(rows, 100, "2.50")).expect("write");
    let (ok, _, err) = loyal(&db, &["init"]);
    assert!(ok, "{err}");
    let (ok, _, err) = loyal(
        &db,
        &["import", "customers", customers.to_str().expect("utf-8")],
    );
    assert!(ok, "{err}");

    kill_midway(&db, &orders);
    let (ok, _, err) = loyal(&db, &["stats"]);
    assert!(ok);
    // The customer file was import #1 (customer files are journaled too).
    assert!(err.contains("import #2 of"), "reported on next use: {err}");
    assert!(err.contains("run the same import again"), "{err}");
    // Every command says it stopped; so does the journal.
    let (_, out, _) = loyal(&db, &["imports"]);
    let first = out.lines().find(|l| l.starts_with("#2 ")).expect("run #2");
    assert!(
        first.contains("stopped") && !first.contains("running"),
        "{out}"
    );

    // Running the same import again finishes it; the first run is marked resumed.
    let (ok, out, err) = loyal(&db, &["import", "orders", orders.to_str().expect("utf-8")]);
    assert!(ok, "{err}");
    assert!(out.contains("import #3"), "{out}");
    let (_, out, err) = loyal(&db, &["imports"]);
    assert!(out.contains("resumed by #3"), "{out}");
    assert!(!err.contains("stopped at"), "no longer reported: {err}");
    let (_, stats, _) = loyal(&db, &["stats"]);
    assert!(
        stats.contains(&rows.to_string()),
        "every order is in: {stats}"
    );

    // Another run of new orders is killed and rolled back by its id.
    let more = dir.path().join("more.csv");
    let mut text = String::from("order_id,customer_id,ordered_at,amount\n");
    for i in 0..rows {
        text.push_str(&format!("N{i},C{},2026-05-01,1.00\n", i % 100));
    }
    std::fs::write(&more, text).expect("write");
    kill_midway(&db, &more);
    let (ok, out, err) = loyal(&db, &["imports", "rollback", "4"]);
    assert!(ok, "{err}");
    assert!(out.contains("rolled back"), "{out}");
    let (_, stats, _) = loyal(&db, &["stats"]);
    assert!(
        stats.contains(&rows.to_string()),
        "back to the resumed state: {stats}"
    );
    let (ok, _, err) = loyal(&db, &["check"]);
    assert!(ok, "{err}");
}

#[test]
fn a_rollback_killed_half_way_says_so_and_finishes_when_run_again() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("shop.redb");
    let customers = dir.path().join("customers.csv");
    std::fs::write(&customers, customers_csv(100)).expect("write");
    let orders = dir.path().join("orders.csv");
    let rows = 200_000;
    std::fs::write(&orders, orders_csv(rows, 100, "2.50")).expect("write");
    let (ok, _, err) = loyal(&db, &["init"]);
    assert!(ok, "{err}");
    for (kind, file) in [("customers", &customers), ("orders", &orders)] {
        let (ok, _, err) = loyal(&db, &["import", kind, file.to_str().expect("utf-8")]);
        assert!(ok, "{err}");
    }
    let mut child = Command::new(BIN)
        .env("LOYAL_LANG", "en")
        .arg("--db")
        .arg(&db)
        .args(["imports", "rollback", "2"])
        .env("LOYAL_CONFIG", db.with_extension("toml"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn rollback");
    let start = Instant::now();
    loop {
        let (_, out, _) = loyal(&db, &["imports"]);
        if out.lines().any(|l| l.contains("rolling back")) {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the rollback never showed: {out}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().expect("SIGKILL");
    let _ = child.wait();
    let (_, out, err) = loyal(&db, &["imports"]);
    let line = out.lines().find(|l| l.starts_with("#2 ")).expect("run #2");
    assert!(line.contains("rollback stopped"), "{out}");
    assert!(
        err.contains("the rollback of import #2") && err.contains("again to finish it"),
        "{err}"
    );
    let (ok, out, err) = loyal(&db, &["imports", "rollback", "2"]);
    assert!(ok && out.contains("rolled back"), "{out}{err}");
    let (_, out, err) = loyal(&db, &["imports"]);
    let line = out.lines().find(|l| l.starts_with("#2 ")).expect("run #2");
    assert!(
        line.contains("rolled back") && !line.contains("rolled_back"),
        "the state in words: {out}"
    );
    assert!(
        !err.contains("rollback of import"),
        "no longer reported: {err}"
    );
    let (ok, _, err) = loyal(&db, &["check"]);
    assert!(ok, "{err}");
}

fn import_records(db: &TestDb, kind: Kind, text: &str) -> loyal::service::ImportReport {
    let table = transfer::read_table(text.as_bytes(), Format::Csv, kind).expect("table");
    db.service
        .import_records_chunked(
            "records.csv",
            &table,
            kind,
            ImportOptions::default(),
            &mut |_, _| {},
        )
        .expect("import")
}

#[test]
fn follow_ups_and_complaints_import_in_chunks_and_roll_back() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, &customers_csv(30));
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).expect("date");
    let silent_before = db
        .service
        .forgotten(as_of, None, 30, 0)
        .expect("forgotten")
        .never_contacted;
    assert_eq!(silent_before, 30);
    let mut text = String::from("followup_id,customer_id,at,channel,summary\n");
    for i in 0..6000 {
        text.push_str(&format!(
            "F{i},C{},2026-05-{:02}T10:00:00Z,phone,call {i}\n",
            i % 20,
            1 + i % 28
        ));
    }
    // Two rows without an id get fresh ones (and a warning).
    text.push_str(",C25,2026-05-02T10:00:00Z,email,no id\n");
    text.push_str(",C26,2026-05-03T10:00:00Z,email,no id either\n");
    let report = import_records(&db, Kind::FollowUps, &text);
    assert_eq!(report.created, 6002);
    assert_eq!(report.warnings.len(), 1);
    let forgotten = db.service.forgotten(as_of, None, 30, 0).expect("forgotten");
    assert_eq!(forgotten.never_contacted, 8, "contact counts followed");
    db.service
        .rollback_import(report.import_id.expect("id"), &mut |_, _| {})
        .expect("rollback");
    assert_eq!(db.service.stats().expect("stats").followups, 0);
    let forgotten = db.service.forgotten(as_of, None, 30, 0).expect("forgotten");
    assert_eq!(forgotten.never_contacted, 30, "contact counts are back");

    // A complaint changed by an import gets its earlier version back.
    let complaints = "complaint_id,customer_id,opened_at,channel,category,severity,description,status\n\
        K1,C1,2026-05-01T09:00:00Z,phone,late,normal,parcel late,new\n";
    import_records(&db, Kind::Complaints, complaints);
    let changed = complaints.replace("parcel late,new", "parcel very late,acknowledged");
    let report = import_records(&db, Kind::Complaints, &changed);
    assert_eq!(report.updated, 1);
    db.service
        .rollback_import(report.import_id.expect("id"), &mut |_, _| {})
        .expect("rollback");
    let view = db.service.complaint_view("K1").expect("complaint");
    assert_eq!(view.complaint.description, "parcel late");
    assert_eq!(view.complaint.status, loyal::domain::ComplaintStatus::New);
}

#[test]
fn a_save_gets_in_while_a_long_import_goes_on_without_pauses() {
    // The import never pauses on its own; it steps aside only because the save waits.
    let db = TestDb::new();
    db.import_ok(Kind::Customers, &customers_csv(100));
    let orders = db.dir.path().join("orders.csv");
    let rows = 200_000;
    std::fs::write(&orders, orders_csv(rows, 100, "2.50")).expect("write");
    let mut child = Command::new(BIN)
        .env("LOYAL_LANG", "en")
        .arg("--db")
        .arg(db.path())
        .args(["import", "orders"])
        .arg(&orders)
        .env("LOYAL_CONFIG", db.path().with_extension("toml"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn import");
    let start = Instant::now();
    let running = || {
        db.service
            .imports()
            .expect("journal")
            .first()
            .map(|i| (i.state, i.done))
    };
    while !matches!(running(), Some((ImportState::Running, done)) if done > 0) {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "no chunk written"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    db.service
        .log_followup(&loyal::service::NewFollowUp {
            customer: CustomerKey::External("C7".into()),
            at: None,
            channel: loyal::domain::Channel::Phone,
            direction: loyal::domain::Direction::Inbound,
            kind: loyal::domain::FollowUpKind::Service,
            staff: None,
            summary: "called during the import".into(),
            outcome: String::new(),
            satisfaction: None,
            next_contact: None,
        })
        .expect("save");
    let (state, done) = running().expect("journal");
    assert!(
        state == ImportState::Running && (done as usize) < rows,
        "the save waited for the whole import: {state:?} at {done}/{rows}"
    );
    let status = child.wait().expect("import");
    assert!(status.success());
    assert_eq!(db.service.stats().expect("stats").orders as usize, rows);
    assert_eq!(db.service.stats().expect("stats").followups, 1);
}

#[test]
fn a_chunk_ends_as_soon_as_another_writer_waits() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, &customers_csv(10));
    // A save waits, until the first commit.
    let mut waiter = Some(db.announce_waiting());
    let mut first_commit = None;
    let table = transfer::read_table(
        orders_csv(1500, 10, "1.00").as_bytes(),
        Format::Csv,
        Kind::Orders,
    )
    .expect("table");
    let parsed = transfer::parse_orders(table);
    let report = db
        .service
        .import_orders_chunked(
            "orders.csv",
            parsed.inputs,
            parsed.errors,
            ImportOptions::default(),
            &mut |done, total| {
                if total > 0 && first_commit.is_none() {
                    first_commit = Some(done);
                    waiter = None;
                }
            },
        )
        .expect("import");
    assert_eq!(report.created, 1500);
    // One chunk would hold all 1,500 rows; it committed after the first probe instead.
    assert_eq!(first_commit, Some(128));
}
