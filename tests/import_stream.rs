//! Imports that stream a file (read twice, never held): ids given twice found from hashes and
//! confirmed, JSON read object by object, a generated id that never takes one the file gives,
//! the same report from the file path, the one-transaction path and a dry run.

mod common;

use common::*;
use loyal::service::{ImportOptions, ImportReport, ServiceError};
use loyal::transfer::{Format, Kind, TableFile};

const CUSTOMERS: &str = "customer_id,name\nC1,Ann\nC2,Bo\n";

fn import_file(
    db: &TestDb,
    name: &str,
    text: &str,
    format: Format,
    kind: Kind,
    options: ImportOptions,
    journal: bool,
) -> Result<ImportReport, ServiceError> {
    let path = db.dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    let file = TableFile::open(&path, format, kind).expect("open");
    let journal = journal.then_some(name);
    db.service
        .import_file(&file, options, journal, &mut |_, _| {})
}

#[test]
fn an_order_id_given_twice_is_named_with_its_first_line_on_every_path() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    let text = "order_id,customer_id,ordered_at,amount\n\
        O1,C1,2026-03-01,5.00\nO2,C2,2026-03-02,6.00\nO3,C1,2026-03-03,7.00\n\
        O1,C2,2026-03-04,8.00\nO4,C2,2026-03-05,9.00\nO1,C1,2026-03-06,1.00\n";
    for journal in [true, false] {
        match import_file(
            &db,
            "o.csv",
            text,
            Format::Csv,
            Kind::Orders,
            ImportOptions::default(),
            journal,
        ) {
            Err(ServiceError::Rejected(errors)) => {
                let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
                assert_eq!(
                    shown,
                    [
                        "5: order_id: \"O1\" appears twice (first on line 2)",
                        "7: order_id: \"O1\" appears twice (first on line 2)",
                    ],
                    "journal: {journal}"
                );
            }
            other => panic!("expected a rejection, got {other:?}"),
        }
        assert_eq!(
            db.service.stats().expect("stats").orders,
            0,
            "nothing written"
        );
    }
    let skipping = ImportOptions {
        skip_bad: true,
        ..ImportOptions::default()
    };
    let report = import_file(
        &db,
        "o.csv",
        text,
        Format::Csv,
        Kind::Orders,
        skipping,
        true,
    )
    .expect("skipping the repeats");
    assert_eq!(
        (report.rows, report.created, report.rejected_rows()),
        (6, 4, 2)
    );
    let exported = db.export(Kind::Orders, Format::Csv);
    assert!(
        exported.contains("O1,C1,2026-03-01"),
        "the first O1 is kept: {exported}"
    );
}

#[test]
fn json_streams_object_by_object_and_a_late_bad_record_writes_nothing() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    // A key that first appears in the third object is a column all the same.
    let good = r#"[
        {"order_id": "O1", "customer_id": "C1", "ordered_at": "2026-03-01", "amount": 5},
        {"order_id": "O2", "customer_id": "C2", "ordered_at": "2026-03-02", "amount": "6.50"},
        {"order_id": "O3", "customer_id": "C1", "ordered_at": "2026-03-03", "amount": 7,
         "category": "tea", "colour": "red"}
    ]"#;
    let report = import_file(
        &db,
        "o.json",
        good,
        Format::Json,
        Kind::Orders,
        ImportOptions::default(),
        true,
    )
    .expect("import");
    assert_eq!(report.created, 3);
    assert_eq!(report.unknown_columns, ["colour"]);
    assert!(
        db.export(Kind::Orders, Format::Csv)
            .contains("O3,C1,2026-03-03T12:00:00Z,7.00,,tea")
    );
    // The fourth record is not an object: refused whole, naming it, though three came first.
    let bad = r#"[
        {"order_id": "N1", "customer_id": "C1", "ordered_at": "2026-04-01", "amount": 1},
        {"order_id": "N2", "customer_id": "C1", "ordered_at": "2026-04-01", "amount": 1},
        {"order_id": "N3", "customer_id": "C1", "ordered_at": "2026-04-01", "amount": 1},
        ["not", "an", "object"]
    ]"#;
    match import_file(
        &db,
        "bad.json",
        bad,
        Format::Json,
        Kind::Orders,
        ImportOptions::default(),
        true,
    ) {
        Err(ServiceError::Unreadable(e)) => {
            assert_eq!((e.line, e.field.as_str()), (4, "record"), "{e}");
        }
        other => panic!("expected the file refused, got {other:?}"),
    }
    assert_eq!(db.service.stats().expect("stats").orders, 3);
    // Invalid JSON half way: the line is named.
    let broken = "[\n{\"order_id\": \"N1\", \"customer_id\": \"C1\", \"ordered_at\": \"2026-04-01\", \"amount\": 1},\n{\"order_id\": \n";
    match import_file(
        &db,
        "broken.json",
        broken,
        Format::Json,
        Kind::Orders,
        ImportOptions::default(),
        true,
    ) {
        Err(ServiceError::Unreadable(e)) => {
            assert!(e.line >= 3 && e.reason.contains("invalid JSON"), "{e}")
        }
        other => panic!("expected the file refused, got {other:?}"),
    }
    assert_eq!(db.service.stats().expect("stats").orders, 3);
}

#[test]
fn a_generated_id_never_takes_one_the_file_gives_later() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    // Rows without an id come first; the file also gives FU-000001 and FU-000002 itself.
    let text = "followup_id,customer_id,at,summary\n\
        ,C1,2026-03-01T09:00:00Z,first without id\n\
        ,C2,2026-03-02T09:00:00Z,second without id\n\
        FU-000001,C1,2026-03-03T09:00:00Z,given one\n\
        FU-000002,C2,2026-03-04T09:00:00Z,given two\n";
    let report = import_file(
        &db,
        "f.csv",
        text,
        Format::Csv,
        Kind::FollowUps,
        ImportOptions::default(),
        true,
    )
    .expect("import");
    assert_eq!((report.created, report.warnings.len()), (4, 1));
    let exported = db.export(Kind::FollowUps, Format::Csv);
    assert!(
        exported.contains("FU-000001,C1,2026-03-03T09:00:00Z"),
        "{exported}"
    );
    assert!(
        exported.contains("FU-000002,C2,2026-03-04T09:00:00Z"),
        "{exported}"
    );
    assert_eq!(
        exported.lines().count(),
        5,
        "four follow-ups, none overwritten: {exported}"
    );
}

#[test]
fn a_dry_run_and_the_chunked_run_report_the_same_and_only_the_run_writes() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    let mut text = String::from("order_id,customer_id,ordered_at,amount\n");
    for i in 0..5000 {
        text.push_str(&format!(
            "O{i},C{},2026-03-{:02},1.00\n",
            1 + i % 2,
            1 + i % 28
        ));
    }
    let dry = ImportOptions {
        dry_run: true,
        ..ImportOptions::default()
    };
    let rehearsed =
        import_file(&db, "o.csv", &text, Format::Csv, Kind::Orders, dry, true).expect("dry");
    assert_eq!(db.service.stats().expect("stats").orders, 0);
    let run = import_file(
        &db,
        "o.csv",
        &text,
        Format::Csv,
        Kind::Orders,
        ImportOptions::default(),
        true,
    )
    .expect("run");
    assert_eq!(
        (
            rehearsed.rows,
            rehearsed.created,
            rehearsed.import_id.is_none()
        ),
        (run.rows, run.created, run.import_id.is_some())
    );
    assert_eq!(db.service.stats().expect("stats").orders, 5000);
    // Again: the reader thread finds every order the same, and nothing is written.
    let again = import_file(
        &db,
        "o.csv",
        &text,
        Format::Csv,
        Kind::Orders,
        ImportOptions::default(),
        true,
    )
    .expect("again");
    assert_eq!(
        (again.created, again.updated, again.unchanged),
        (0, 0, 5000)
    );
    // One changed, one new: found as such.
    let changed = text.replacen("O7,C2,2026-03-08,1.00", "O7,C1,2026-03-08,2.00", 1)
        + "O9999,C1,2026-03-09,3.00\n";
    let report = import_file(
        &db,
        "o.csv",
        &changed,
        Format::Csv,
        Kind::Orders,
        ImportOptions::default(),
        true,
    )
    .expect("changed");
    assert_eq!(
        (report.created, report.updated, report.unchanged),
        (1, 1, 4999)
    );
    let card = db
        .service
        .customer_card(&loyal::service::CustomerKey::External("C1".into()), 0)
        .expect("card");
    assert_eq!(card.aggregate.order_count, 2502);
}

fn customer_card(db: &TestDb, id: &str) -> Option<loyal::service::CustomerCard> {
    db.service
        .customer_card(&loyal::service::CustomerKey::External(id.into()), 0)
        .ok()
}

#[test]
fn customer_files_go_in_journaled_chunks_and_roll_back_whole() {
    let db = TestDb::new();
    let mut first = String::from("customer_id,name,phone,city\n");
    for i in 0..3000 {
        first.push_str(&format!("C{i},Customer {i},+86 139{i:08},Hangzhou\n"));
    }
    let report = import_file(
        &db,
        "first.csv",
        &first,
        Format::Csv,
        Kind::Customers,
        ImportOptions::default(),
        true,
    )
    .expect("first");
    assert_eq!(report.created, 3000);
    assert!(report.import_id.is_some(), "journaled");
    // The second file: one change, a twin by phone, a referral to a row further down.
    let second = "customer_id,name,phone,city,referred_by\n\
        C1,Customer One,+86 13900000001,Shanghai,\n\
        CRM-2,Someone Else,+86 139 0000 0002,,\n\
        N1,New One,,,N2\n\
        N2,New Two,,,C5\n";
    let report = import_file(
        &db,
        "second.csv",
        second,
        Format::Csv,
        Kind::Customers,
        ImportOptions::default(),
        true,
    )
    .expect("second");
    assert_eq!((report.created, report.updated), (2, 2), "{report:?}");
    assert_eq!(report.warnings.len(), 1, "the twin is said: {report:?}");
    let twin = customer_card(&db, "CRM-2").expect("the alias resolves");
    assert_eq!(twin.customer.external_id, "C2");
    assert_eq!(twin.customer.name, "Customer 2", "the file keeps its name");
    let n1 = customer_card(&db, "N1").expect("N1");
    let n2 = customer_card(&db, "N2").expect("N2");
    assert_eq!(
        n1.customer.referred_by,
        Some(n2.customer.id),
        "a referral forward in the file"
    );
    assert_eq!(
        customer_card(&db, "C1")
            .expect("C1")
            .customer
            .city
            .as_deref(),
        Some("Shanghai")
    );

    db.service
        .rollback_import(report.import_id.expect("id"), &mut |_, _| {})
        .expect("rollback");
    assert_eq!(
        customer_card(&db, "C1")
            .expect("C1")
            .customer
            .city
            .as_deref(),
        Some("Hangzhou")
    );
    assert!(customer_card(&db, "CRM-2").is_none(), "the alias is gone");
    assert!(customer_card(&db, "N1").is_none() && customer_card(&db, "N2").is_none());
    assert_eq!(db.service.stats().expect("stats").customers, 3000);
}

#[test]
fn a_customer_row_matching_two_files_stops_the_import_before_any_chunk() {
    let db = TestDb::new();
    db.import_ok(
        Kind::Customers,
        "customer_id,name,phone,email\nA,Ann,13900000001,\nB,Bo,,bo@example.com\n",
    );
    let mut text = String::from("customer_id,name,phone,email\n");
    for i in 0..5000 {
        text.push_str(&format!("N{i},New {i},,\n"));
    }
    // Ann's phone and Bo's email: which file is this? Found by the checking pass.
    text.push_str("X,Who,13900000001,bo@example.com\n");
    match import_file(
        &db,
        "c.csv",
        &text,
        Format::Csv,
        Kind::Customers,
        ImportOptions::default(),
        true,
    ) {
        Err(ServiceError::Rejected(errors)) => {
            assert_eq!(errors.len(), 1);
            assert_eq!((errors[0].line, errors[0].field.as_str()), (5002, "phone"));
        }
        other => panic!("expected a rejection, got {other:?}"),
    }
    assert_eq!(
        db.service.stats().expect("stats").customers,
        2,
        "nothing written"
    );
    assert!(db.service.imports().expect("journal").is_empty());
}

#[test]
fn a_customer_chunk_ends_as_soon_as_another_writer_waits() {
    let db = TestDb::new();
    let mut waiter = Some(db.announce_waiting());
    let mut first_commit = None;
    let mut text = String::from("customer_id,name\n");
    for i in 0..1500 {
        text.push_str(&format!("C{i},Customer {i}\n"));
    }
    let path = db.dir.path().join("c.csv");
    std::fs::write(&path, text).expect("write");
    let file = TableFile::open(&path, Format::Csv, Kind::Customers).expect("open");
    let report = db
        .service
        .import_file(
            &file,
            ImportOptions::default(),
            Some("c.csv"),
            &mut |done, total| {
                if total > 0 && first_commit.is_none() {
                    first_commit = Some(done);
                    waiter = None;
                }
            },
        )
        .expect("import");
    assert_eq!(report.created, 1500);
    assert_eq!(first_commit, Some(128));
}

#[test]
fn customer_chunks_given_up_for_waiters_are_written_again_whole() {
    // A colleague who starts waiting every few milliseconds: chunks end or are given up
    // (rolled back and written again) many times; the import still writes every file once,
    // with its index entries, under one journal that a rollback undoes.
    use std::sync::atomic::{AtomicBool, Ordering};
    let db = TestDb::new();
    let mut text = String::from("customer_id,name,phone\n");
    for i in 0..12_000 {
        text.push_str(&format!("C{i},Customer {i},+86 139{i:08}\n"));
    }
    let path = db.dir.path().join("c.csv");
    std::fs::write(&path, text).expect("write");
    let file = TableFile::open(&path, Format::Csv, Kind::Customers).expect("open");
    let done = AtomicBool::new(false);
    let report = std::thread::scope(|s| {
        s.spawn(|| {
            let mut pause = 1;
            while !done.load(Ordering::SeqCst) {
                let waiting = db.announce_waiting();
                std::thread::sleep(std::time::Duration::from_millis(2));
                drop(waiting);
                // Quiet spells of different lengths: some chunks pass 2,048 files first.
                pause = pause * 3 % 97;
                std::thread::sleep(std::time::Duration::from_millis(pause));
            }
        });
        let report = db.service.import_file(
            &file,
            ImportOptions::default(),
            Some("c.csv"),
            &mut |_, _| {},
        );
        done.store(true, Ordering::SeqCst);
        report
    })
    .expect("import");
    assert_eq!(report.created, 12_000);
    assert_eq!(db.service.stats().expect("stats").customers, 12_000);
    let imports = db.service.imports().expect("journal");
    assert_eq!(imports.len(), 1);
    assert_eq!(imports[0].done, 12_000);
    for i in [0, 2_047, 2_049, 6_000, 11_999] {
        let hits = db.service.lookup(&format!("139{i:08}"), 5).expect("lookup");
        assert_eq!(hits.len(), 1, "phone of C{i}");
        let hits = db.service.lookup(&format!("C{i}"), 5).expect("lookup");
        assert!(!hits.is_empty(), "id C{i}");
    }
    db.service
        .rollback_import(imports[0].id, &mut |_, _| {})
        .expect("rollback");
    assert_eq!(db.service.stats().expect("stats").customers, 0);
}

#[test]
fn an_abandoned_write_leaves_nothing_and_the_next_write_goes_in() {
    use loyal::domain::Customer;
    use loyal::store::{Store, StoreError, StoreOptions};
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::open(&dir.path().join("s.redb"), &StoreOptions::creating()).expect("open");
    let given_up = store
        .write_or_abandon(|w| -> Result<Option<()>, StoreError> {
            w.hold_back_bulk_writes();
            w.insert_customer(Customer::new("A-1", "Ann", 0))?;
            Ok(None)
        })
        .expect("write");
    assert_eq!(given_up, None);
    let reader = store.read().expect("read");
    assert_eq!(reader.resolve_external("A-1").expect("resolve"), None);
    drop(reader);
    let kept = store
        .write_or_abandon(|w| -> Result<Option<u64>, StoreError> {
            w.hold_back_bulk_writes();
            Ok(Some(w.insert_customer(Customer::new("A-1", "Ann", 0))?))
        })
        .expect("write");
    assert!(kept.is_some());
    let reader = store.read().expect("read");
    assert_eq!(reader.resolve_external("A-1").expect("resolve"), kept);
}

#[test]
fn held_back_entries_written_until_told_to_stop_leave_nothing_once_given_up() {
    // A colleague who starts waiting while a chunk writes its held-back index entries: the
    // writing stops at the next look, the chunk is given up, and no entry of it remains.
    use loyal::domain::Customer;
    use loyal::store::{Store, StoreError, StoreOptions};
    let dir = tempfile::tempdir().expect("dir");
    let store = Store::open(&dir.path().join("s.redb"), &StoreOptions::creating()).expect("open");
    let mut asked = 0;
    let given_up = store
        .write_or_abandon(|w| -> Result<Option<()>, StoreError> {
            w.hold_back_bulk_writes();
            for i in 0..3_000 {
                w.insert_customer(Customer::new(format!("A-{i}"), format!("Ann Lee {i}"), 0))?;
            }
            let finished = w.write_held_back_entries_until(&mut || {
                asked += 1;
                asked == 2
            })?;
            Ok(finished.then_some(()))
        })
        .expect("write");
    assert_eq!(given_up, None);
    assert_eq!(
        asked, 2,
        "asked every few thousand entries, and not after stopping"
    );
    let reader = store.read().expect("read");
    assert_eq!(reader.resolve_external("A-0").expect("resolve"), None);
    assert!(reader.terms_equal_to("ann", 10).expect("terms").is_empty());
    drop(reader);
    let written = store
        .write_or_abandon(|w| -> Result<Option<bool>, StoreError> {
            w.hold_back_bulk_writes();
            for i in 0..3_000 {
                w.insert_customer(Customer::new(format!("A-{i}"), format!("Ann Lee {i}"), 0))?;
            }
            Ok(Some(w.write_held_back_entries_until(&mut || false)?))
        })
        .expect("write");
    assert_eq!(written, Some(true));
    let reader = store.read().expect("read");
    assert_eq!(
        reader.terms_equal_to("ann", 5_000).expect("terms").len(),
        3_000
    );
    assert_eq!(reader.terms_equal_to("a-2999", 5).expect("terms").len(), 1);
}
