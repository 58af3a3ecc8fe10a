//! Import and export through the service: round trips, idempotence, all-or-nothing errors,
//! skipping bad rows, duplicate matching and aggregates.

mod common;

use common::*;
use loyal::domain::Money;
use loyal::service::{CustomerKey, ImportOptions, ServiceError};
use loyal::transfer::{Format, Kind};

#[test]
fn export_then_import_round_trips_every_kind_in_both_formats() {
    let source = fixture_db();
    for format in [Format::Csv, Format::Json] {
        let copy = TestDb::new();
        for kind in Kind::ALL {
            let text = source.export(kind, format);
            import_into(&copy.service, kind, &text, format, ImportOptions::default())
                .expect("re-import");
        }
        for kind in Kind::ALL {
            assert_eq!(
                source.export(kind, format),
                copy.export(kind, format),
                "{kind} differs after a {format:?} round trip"
            );
        }
    }
    let stats = source.service.stats().unwrap();
    assert_eq!((stats.customers, stats.orders), (300, 3000));
    assert!(
        stats.complaints >= 10 && stats.followups > 300 && stats.care_plans > 50,
        "{stats:?}"
    );
}

#[test]
fn reimporting_the_same_rows_changes_nothing() {
    let db = TestDb::new();
    let first = db.import_ok(Kind::Customers, CUSTOMERS);
    assert_eq!((first.created, first.updated), (4, 0));
    db.import_ok(Kind::Orders, ORDERS);
    let counter = db.service.change_counter().unwrap();
    let again = db.import_ok(Kind::Customers, CUSTOMERS);
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 4));
    let orders = db.import_ok(Kind::Orders, ORDERS);
    assert_eq!(
        (orders.created, orders.updated, orders.unchanged),
        (0, 0, 4)
    );
    let stats = db.service.stats().unwrap();
    assert_eq!((stats.customers, stats.orders), (4, 4));
    // The two imports were still two transactions, but the data did not move.
    assert_eq!(db.service.change_counter().unwrap(), counter + 2);
    assert_eq!(c1_orders(&db), (2, Money(20050)));
}

#[test]
fn a_bad_row_names_its_line_and_field_and_writes_nothing() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    let before = db.export(Kind::Orders, Format::Csv);
    let bad = "order_id,customer_id,ordered_at,amount\nO1,C1,2025-01-05,1.00\nO2,C1,2025-01-06,12.345\nO3,C9,2025-01-07,1\n";
    let err = db
        .import(Kind::Orders, bad, ImportOptions::default())
        .unwrap_err();
    let ServiceError::Rejected(errors) = err else {
        panic!("expected rejection, got {err}")
    };
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(text.len(), 2, "{text:?}");
    assert!(text[0].starts_with("3: amount: "), "{text:?}");
    assert!(
        text[1].starts_with("4: customer_id: no customer \"C9\""),
        "{text:?}"
    );
    assert_eq!(
        db.export(Kind::Orders, Format::Csv),
        before,
        "nothing may be written"
    );
    assert_eq!(db.service.stats().unwrap().orders, 0);
}

#[test]
fn skip_bad_imports_the_good_rows_and_reports_the_rest() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    let bad = "order_id,customer_id,ordered_at,amount\nO1,C1,2025-01-05,1.00\nO2,C1,yesterday,1\nO1,C2,2025-01-06,2\n";
    let options = ImportOptions {
        skip_bad: true,
        ..Default::default()
    };
    let report = db.import(Kind::Orders, bad, options).unwrap();
    assert_eq!(report.created, 1);
    let lines: Vec<(u64, &str)> = report
        .rejected
        .iter()
        .map(|e| (e.line, e.field.as_str()))
        .collect();
    assert!(
        lines.contains(&(3, "ordered_at")) && lines.contains(&(4, "order_id")),
        "{lines:?}"
    );
    assert_eq!(db.service.stats().unwrap().orders, 1);
}

#[test]
fn dry_run_reports_but_writes_nothing() {
    let db = TestDb::new();
    let report = db
        .import(
            Kind::Customers,
            CUSTOMERS,
            ImportOptions {
                dry_run: true,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(report.created, 4);
    assert!(report.dry_run);
    assert_eq!(db.service.stats().unwrap().customers, 0);
}

#[test]
fn unknown_customers_are_created_only_when_asked() {
    let db = TestDb::new();
    let orders =
        "order_id,customer_id,ordered_at,amount\nO1,NEW-1,2025-01-05,5\nO2,NEW-1,2025-01-06,5\n";
    assert!(matches!(
        db.import(Kind::Orders, orders, ImportOptions::default()),
        Err(ServiceError::Rejected(_))
    ));
    let report = db
        .import(
            Kind::Orders,
            orders,
            ImportOptions {
                create_missing: true,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!((report.created, report.created_customers), (2, 1));
    let card = db
        .service
        .customer_card(&CustomerKey::parse("NEW-1"), 5)
        .unwrap();
    assert!(card.customer.tags.contains(&"auto-created".to_string()));
    assert_eq!(card.aggregate.order_count, 2);
}

#[test]
fn a_row_matching_an_existing_phone_updates_that_file_instead_of_a_twin() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    let twin = "customer_id,name,phone,city\nCRM-77,Zhang San,13800138000,杭州\n";
    let report = db.import_ok(Kind::Customers, twin);
    assert_eq!((report.created, report.updated), (0, 1));
    assert!(
        report.warnings[0].message.contains("C1"),
        "{:?}",
        report.warnings
    );
    assert_eq!(db.service.stats().unwrap().customers, 4);
    // The new id now resolves to the existing file, so importing again is a no-op.
    assert_eq!(
        db.service.resolve(&CustomerKey::parse("CRM-77")).unwrap(),
        db.service.resolve(&CustomerKey::parse("C1")).unwrap()
    );
    let again = db.import_ok(Kind::Customers, twin);
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 1));
}

#[test]
fn changing_an_order_keeps_the_aggregates_exact() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    db.import_ok(Kind::Orders, ORDERS);
    // O1 moves from C1 to C2 with a new amount and date.
    let moved = "order_id,customer_id,ordered_at,amount\nO1,C2,2024-12-31,7.01\n";
    assert_eq!(db.import_ok(Kind::Orders, moved).updated, 1);
    let c1 = db
        .service
        .customer_card(&CustomerKey::parse("C1"), 0)
        .unwrap()
        .aggregate;
    let c2 = db
        .service
        .customer_card(&CustomerKey::parse("C2"), 0)
        .unwrap()
        .aggregate;
    assert_eq!((c1.order_count, c1.total), (1, Money(8000)));
    assert_eq!((c2.order_count, c2.total), (2, Money(1999 + 701)));
    assert!(c2.first_order_at < c2.last_order_at);
}

#[test]
fn referrals_may_point_forward_in_the_file_but_not_at_nobody() {
    let db = TestDb::new();
    let forward = "customer_id,name,referred_by\nA,Ann,B\nB,Bea,\n";
    db.import_ok(Kind::Customers, forward);
    let card = db
        .service
        .customer_card(&CustomerKey::parse("B"), 0)
        .unwrap();
    assert_eq!(card.referrals.len(), 1);
    let dangling = "customer_id,name,referred_by\nC,Cy,NOBODY\n";
    let Err(ServiceError::Rejected(errors)) =
        db.import(Kind::Customers, dangling, ImportOptions::default())
    else {
        panic!("dangling referral accepted")
    };
    assert_eq!(
        (errors[0].line, errors[0].field.as_str()),
        (2, "referred_by")
    );
}

#[test]
fn a_duplicate_id_inside_one_file_is_an_error() {
    let db = TestDb::new();
    let text = "customer_id,name\nA,Ann\nA,Ann again\n";
    let Err(ServiceError::Rejected(errors)) =
        db.import(Kind::Customers, text, ImportOptions::default())
    else {
        panic!("duplicate accepted")
    };
    assert!(
        errors[0]
            .to_string()
            .starts_with("3: customer_id: \"A\" appears twice (first on line 2)"),
        "{}",
        errors[0]
    );
}

#[test]
fn generated_ids_never_overwrite_imported_ones() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    // The first row has no id and gets a generated one; the second already uses that id.
    let report = db.import_ok(Kind::FollowUps, "followup_id,customer_id,at,summary\n,C1,2025-01-01,first\nFU-000001,C1,2025-02-01,second\n");
    assert_eq!((report.created, report.updated), (2, 0));
    let followups = db.export(Kind::FollowUps, Format::Csv);
    assert!(
        followups.contains("first") && followups.contains("second"),
        "{followups}"
    );
    assert_eq!(db.service.stats().unwrap().followups, 2);
}

#[test]
fn a_json_object_without_a_key_leaves_that_field_alone() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    let json = r#"[{"customer_id":"C1","name":"张三","email":"new@example.com"},{"customer_id":"C2","name":"John Smith"}]"#;
    import_into(
        &db.service,
        Kind::Customers,
        json,
        Format::Json,
        ImportOptions::default(),
    )
    .unwrap();
    let c2 = db
        .service
        .customer_card(&CustomerKey::parse("C2"), 0)
        .unwrap()
        .customer;
    assert_eq!(c2.email.as_deref(), Some("john@example.com"));
    assert_eq!(c2.company.as_deref(), Some("Acme Tools"));
    let c1 = db
        .service
        .customer_card(&CustomerKey::parse("C1"), 0)
        .unwrap()
        .customer;
    assert_eq!(c1.email.as_deref(), Some("new@example.com"));
}

#[test]
fn rows_are_counted_once_however_many_errors_they_have() {
    let db = TestDb::new();
    let text = "customer_id,name,referred_by,birthday\nC1,Ann,NOPE,bad-date\nC1,Bob,C1,\nC3,Cy,,\n";
    let report = db
        .import(
            Kind::Customers,
            text,
            ImportOptions {
                skip_bad: true,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(report.rows, 3);
    assert_eq!(report.rejected_rows(), 2);
    assert_eq!(report.created, 1);
}

#[test]
fn a_referral_to_a_rejected_row_is_rejected_too() {
    let db = TestDb::new();
    let text = "customer_id,name,referred_by\nC1,Ann,NOPE\nC2,Bob,C1\nC3,Cy,C2\nC4,Di,\n";
    let report = db
        .import(
            Kind::Customers,
            text,
            ImportOptions {
                skip_bad: true,
                ..Default::default()
            },
        )
        .unwrap();
    let lines: Vec<u64> = report.rejected.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![2, 3, 4], "{:?}", report.rejected);
    assert_eq!(report.created, 1);
    assert!(
        report.rejected[1].reason.contains("line 2"),
        "{}",
        report.rejected[1]
    );
}

#[test]
fn new_rows_sharing_a_phone_are_two_people_and_ambiguous_matches_are_refused() {
    let db = TestDb::new();
    let shared = "customer_id,name,phone\nA,Ann,010-5555-0000\nB,Bob,010-5555-0000\n";
    let report = db.import_ok(Kind::Customers, shared);
    assert_eq!(report.created, 2);
    let again = db.import_ok(Kind::Customers, shared);
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 2));
    // A third id with that phone could be either of them: refused, not guessed.
    let third = "customer_id,name,phone\nC,Cy,01055550000\n";
    let Err(ServiceError::Rejected(errors)) =
        db.import(Kind::Customers, third, ImportOptions::default())
    else {
        panic!("ambiguous match accepted")
    };
    assert!(
        errors[0].reason.contains("several existing customers"),
        "{}",
        errors[0]
    );
    assert_eq!(db.service.stats().unwrap().customers, 2);
}

#[test]
fn a_twin_match_keeps_the_stored_name() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    let twin = "customer_id,name,phone,city\nCRM-77,Zhang San,13800138000,杭州\n";
    db.import_ok(Kind::Customers, twin);
    let card = db
        .service
        .customer_card(&CustomerKey::parse("CRM-77"), 0)
        .unwrap();
    assert_eq!(
        (card.customer.name.as_str(), card.customer.city.as_deref()),
        ("张三", Some("杭州"))
    );
}

/// Bulk imports hold index entries and aggregates back until the commit; lookups afterwards,
/// twins in the next import and a later change must all see them.
#[test]
fn held_back_index_entries_are_written_and_found() {
    let db = TestDb::new();
    let file = "customer_id,name,phone,email\n\
                N1,Olivia Hartley,+1 (555) 777-1234,olivia@example.com\n\
                N2,Oliver Hartley,555-777-1234,\n\
                N3,Peter Quince,555 888 4321,peter@example.com\n\
                N4,Rosa Linde,555 999 0000,\n";
    // New rows of one file are different people even when they share a phone.
    assert_eq!(db.import_ok(Kind::Customers, file).created, 4);
    let id = |ext: &str| db.service.resolve(&CustomerKey::parse(ext)).unwrap();
    let found = |query: &str| -> Vec<u64> {
        let hits = db.service.lookup(query, 10).unwrap();
        hits.iter().map(|h| h.customer.id).collect()
    };
    let (n1, n2, n3) = (id("N1"), id("N2"), id("N3"));
    assert_eq!(found("1234"), vec![n1, n2]);
    assert_eq!(found("hartley"), vec![n1, n2]);
    assert_eq!(found("olivia hartly")[0], n1);
    assert_eq!(found("qince"), vec![n3]);
    assert_eq!(found("peter@example.com"), vec![n3]);
    // A new id with N4's phone in the next file is N4 (a twin), found through the index.
    let twin = "customer_id,name,phone\nCRM-9,R. Linde,5559990000\n";
    assert_eq!(db.import_ok(Kind::Customers, twin).updated, 1);
    assert_eq!(id("CRM-9"), id("N4"));
    // A later edit removes the old entries from the written index.
    let renamed = "customer_id,name,phone\nN4,Rosa Verde,555 999 0001\n";
    assert_eq!(db.import_ok(Kind::Customers, renamed).updated, 1);
    assert!(found("linde").is_empty());
    assert!(found("0000").is_empty());
    assert_eq!(found("verde"), vec![id("N4")]);
}

#[test]
fn a_file_mixing_new_and_changed_orders_keeps_the_aggregates_exact() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    db.import_ok(Kind::Orders, ORDERS);
    // New orders for C1 and C3 around a change of O1 (held-back aggregates are written before
    // the change recomputes C1's from the table).
    let mixed = "order_id,customer_id,ordered_at,amount\n\
                 O5,C1,2025-04-01,10.00\n\
                 O6,C3,2025-04-02,5.00\n\
                 O1,C1,2025-01-05,100.50\n\
                 O7,C1,2025-05-01,1.00\n\
                 O8,C3,2025-04-03,2.50\n";
    let report = db.import_ok(Kind::Orders, mixed);
    assert_eq!((report.created, report.updated), (4, 1));
    let aggregate = |id: &str| {
        db.service
            .customer_card(&CustomerKey::parse(id), 0)
            .unwrap()
            .aggregate
    };
    let (c1, c3) = (aggregate("C1"), aggregate("C3"));
    assert_eq!(
        (c1.order_count, c1.total),
        (4, Money(10050 + 8000 + 1000 + 100))
    );
    assert_eq!((c3.order_count, c3.total), (2, Money(750)));
    assert!(c1.first_order_at < c1.last_order_at);
}

/// Gives customer C1 orders (written below the import, past the amount bound) that add up
/// to `total`, so an import can take it over the edge.
/// C1's order count and total, as its card shows them.
fn c1_orders(db: &TestDb) -> (u64, Money) {
    let card = db
        .service
        .customer_card(&CustomerKey::parse("C1"), 10)
        .unwrap();
    (card.aggregate.order_count, card.aggregate.total)
}

fn c1_with_total(db: &TestDb, total: i64) {
    let c1 = db.service.resolve(&CustomerKey::parse("C1")).unwrap();
    db.service
        .test_store()
        .write(|w| {
            w.upsert_order(&loyal::domain::Order {
                order_id: String::from("BIG"),
                customer: c1,
                ordered_at: 1_735_732_800_000,
                amount: Money(total),
                items: None,
                category: None,
                channel: None,
            })
        })
        .map_err(|e: loyal::store::StoreError| e)
        .unwrap();
}

#[test]
fn amounts_beyond_the_bound_are_refused_so_totals_cannot_saturate() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    let rows = "order_id,customer_id,ordered_at,amount\n\
        SA-1,C1,2025-01-05,92233720368547758.07\n\
        SA-2,C1,2025-01-06,1.00\n\
        SA-3,C1,2025-01-07,-92233720368547758.07\n";
    let errors = db.rejected(Kind::Orders, rows);
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(text.len(), 2, "{text:?}");
    assert!(text[0].starts_with("2: amount: "), "{text:?}");
    assert!(text[1].starts_with("4: amount: "), "{text:?}");
    assert!(text[0].contains("1000000000000.00"), "{text:?}");
    // The bound itself is accepted.
    db.import_ok(
        Kind::Orders,
        "order_id,customer_id,ordered_at,amount\nO1,C1,2025-01-05,1000000000000.00\n",
    );
}

#[test]
fn an_order_that_would_overflow_its_customers_total_is_refused_by_line() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    c1_with_total(&db, i64::MAX - 50);
    let rows =
        "order_id,customer_id,ordered_at,amount\nO1,C2,2025-01-05,1.00\nO2,C1,2025-01-06,1.00\n";
    let errors = db.rejected(Kind::Orders, rows);
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(text.len(), 1, "{text:?}");
    assert!(
        text[0].starts_with("3: amount: 1.00 would take the order total of customer C1 beyond"),
        "{text:?}"
    );
    assert_eq!(db.service.stats().unwrap().orders, 1, "nothing was written");
    // Skipping bad rows skips exactly that row, and writes none of it.
    let skip = ImportOptions {
        skip_bad: true,
        ..Default::default()
    };
    let report = db.import(Kind::Orders, rows, skip).unwrap();
    assert_eq!((report.created, report.rejected.len()), (1, 1));
    assert_eq!(c1_orders(&db), (1, Money(i64::MAX - 50)));
    // A change to an existing order is checked too, before anything is written.
    let change = "order_id,customer_id,ordered_at,amount\nO1,C1,2025-01-05,51.00\n";
    let err = db
        .import(Kind::Orders, change, ImportOptions::default())
        .unwrap_err();
    assert!(err.to_string().contains("bad row"), "{err}");
    assert_eq!(
        db.service
            .customer_card(&CustomerKey::parse("C2"), 10)
            .unwrap()
            .aggregate
            .total,
        Money(100)
    );
    // Reports refuse a revenue they cannot hold instead of clamping it.
    c1_with_total(&db, i64::MAX);
    let table = db.service.score(&Default::default()).unwrap();
    assert!(loyal::service::pareto_report(&table).is_err());
}

#[test]
fn thousands_separators_must_group_by_three() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    let rows = "order_id,customer_id,ordered_at,amount\nO1,C1,2025-01-05,\"1,234.00\"\nO2,C1,2025-01-06,\"1,2,3\"\n";
    let errors = db.rejected(Kind::Orders, rows);
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(text.len(), 1, "{text:?}");
    assert!(text[0].starts_with("3: amount: \"1,2,3\""), "{text:?}");
    db.import_ok(
        Kind::Orders,
        "order_id,customer_id,ordered_at,amount\nO1,C1,2025-01-05,\"1,234.00\"\n",
    );
    assert_eq!(c1_orders(&db).1, Money(123_400));
}

mod round_trip {
    use super::*;
    use chrono::{NaiveDate, SecondsFormat};
    use proptest::prelude::*;

    /// Years around and beyond the supported range, edges included.
    fn year() -> impl Strategy<Value = i32> {
        prop_oneof![
            1890i32..3010,
            Just(-1),
            Just(1),
            Just(9999),
            Just(1899),
            Just(1900),
            Just(2999),
            Just(3000),
        ]
    }

    fn date() -> impl Strategy<Value = NaiveDate> {
        (year(), 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    fn supported(d: NaiveDate) -> bool {
        (1900..=2999).contains(&chrono::Datelike::year(&d))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]

        /// Whatever an import accepts, its export imports back unchanged (so no stored date or
        /// amount is one the importer would refuse).
        #[test]
        fn an_export_of_accepted_rows_imports_back_unchanged(
            birthdays in prop::collection::vec(date(), 0..6),
            orders in prop::collection::vec(
                (date(), 0i64..86_400, prop_oneof![
                    -100_000_000_000_000i64..=100_000_000_000_000,
                    Just(100_000_000_000_001),
                    Just(i64::MAX),
                ]),
                0..8,
            ),
        ) {
            let mut customers = String::from("customer_id,name,birthday\nP0,Base,\n");
            for (i, b) in birthdays.iter().enumerate() {
                customers.push_str(&format!("P{},N{i},{b}\n", i + 1));
            }
            let mut rows = String::from("order_id,customer_id,ordered_at,amount\n");
            for (i, (day, secs, amount)) in orders.iter().enumerate() {
                let at = day.and_hms_opt(0, 0, 0).unwrap().and_utc()
                    + chrono::Duration::seconds(*secs);
                let at = at.to_rfc3339_opts(SecondsFormat::Secs, true);
                rows.push_str(&format!("O{i},P0,{at},{}\n", Money(*amount)));
            }
            let a = TestDb::new();
            let skip = ImportOptions { skip_bad: true, ..Default::default() };
            let c = import_into(&a.service, Kind::Customers, &customers, Format::Csv, skip).unwrap();
            let o = import_into(&a.service, Kind::Orders, &rows, Format::Csv, skip).unwrap();
            let good_birthdays = birthdays.iter().filter(|b| supported(**b)).count() as u64;
            prop_assert_eq!(c.created, 1 + good_birthdays);
            let good_orders = orders
                .iter()
                .filter(|(d, _, m)| supported(*d) && m.unsigned_abs() <= 100_000_000_000_000)
                .count() as u64;
            prop_assert_eq!(o.created, good_orders);
            for format in [Format::Csv, Format::Json] {
                let b = TestDb::new();
                for kind in [Kind::Customers, Kind::Orders] {
                    let text = a.export(kind, format);
                    let imported =
                        import_into(&b.service, kind, &text, format, ImportOptions::default());
                    prop_assert!(imported.is_ok(), "{kind} {format:?}: {:?}\n{text}", imported.err());
                    prop_assert_eq!(a.export(kind, format), b.export(kind, format));
                }
            }
        }
    }
}

#[test]
fn an_external_id_that_reads_as_an_internal_number_is_refused() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    let rows = "customer_id,name\n#5,Five\n#+2,Two\n#5a,Fine\n";
    let errors = db.rejected(Kind::Customers, rows);
    let lines: Vec<(u64, &str)> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
    assert_eq!(lines, vec![(2, "customer_id"), (3, "customer_id")]);
    let added = db.service.add_customer(loyal::service::NewCustomer {
        input: loyal::transfer::CustomerInput {
            external_id: "#5".into(),
            name: "Five".into(),
            ..Default::default()
        },
        allow_duplicate: false,
    });
    assert!(
        matches!(added, Err(ServiceError::Invalid { .. })),
        "{added:?}"
    );
    // --create-missing does not make such a file either.
    let orders = "order_id,customer_id,ordered_at,amount\nO1,#7,2025-01-05,1.00\n";
    let create = ImportOptions {
        create_missing: true,
        ..Default::default()
    };
    let err = db.import(Kind::Orders, orders, create).unwrap_err();
    let ServiceError::Rejected(errors) = err else {
        panic!("expected a rejection, got {err}")
    };
    assert!(
        errors[0].to_string().starts_with("2: customer_id: "),
        "{errors:?}"
    );
    assert_eq!(db.service.stats().unwrap().customers, 4);
}
