//! Scoring checked against an independent, deliberately simple computation straight from the
//! exported orders, plus the service-level rules (orders after D, empty store, migration).

mod common;

use common::*;
use loyal::domain::Money;
use loyal::service::{ScoreOptions, customer_facts};
use loyal::store::Store;
use loyal::transfer::{Format, Kind};
use std::collections::{BTreeMap, HashMap};
use std::process::Command;

type Date = chrono::NaiveDate;

fn date(s: &str) -> Date {
    Date::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The date part of an exported RFC 3339 UTC time.
fn utc_date(time: &str) -> Date {
    date(&time[..10])
}

fn csv_rows(text: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|r| {
            headers
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

/// The segment grid, written out again here rather than taken from the code under test.
fn segment(r: u8, fm: u8) -> &'static str {
    let table: [(&str, &[u8]); 11] = [
        ("Champions", &[55, 54, 45]),
        ("Loyal", &[53, 44, 35, 34]),
        ("Potential Loyalist", &[52, 42, 43, 33]),
        ("New", &[51]),
        ("Promising", &[41, 31]),
        ("Needs Attention", &[32, 23, 22]),
        ("About to Sleep", &[21]),
        ("At Risk", &[25, 24, 13]),
        ("Can't Lose Them", &[15, 14]),
        ("Hibernating", &[12]),
        ("Lost", &[11]),
    ];
    table
        .iter()
        .find(|(_, cells)| cells.contains(&(r * 10 + fm)))
        .map(|(name, _)| *name)
        .unwrap()
}

/// RFM rows computed the slow, obvious way: O(N^2) comparisons over per-customer sums.
/// Formulas are written exactly as the definitions state them.
#[allow(clippy::manual_div_ceil)]
fn independent_rfm(db: &TestDb, as_of: Date) -> BTreeMap<String, String> {
    let orders = csv_rows(&db.export(Kind::Orders, Format::Csv));
    let customers = csv_rows(&db.export(Kind::Customers, Format::Csv));
    let followups = csv_rows(&db.export(Kind::FollowUps, Format::Csv));
    let complaints = csv_rows(&db.export(Kind::Complaints, Format::Csv));
    let mut per: BTreeMap<String, (Date, u64, i64)> = BTreeMap::new();
    for o in &orders {
        let d = utc_date(&o["ordered_at"]);
        if d > as_of {
            continue;
        }
        let amount = o["amount"].parse::<Money>().unwrap().0;
        let e = per.entry(o["customer_id"].clone()).or_insert((d, 0, 0));
        e.0 = e.0.max(d);
        e.1 += 1;
        e.2 += amount;
    }
    let count_before = |rows: &[HashMap<String, String>], field: &str, id: &str| {
        rows.iter()
            .filter(|r| r["customer_id"] == id && utc_date(&r[field]) <= as_of)
            .count() as i64
    };
    let n = per.len() as i64;
    let score = |worse: i64| (1 + 5 * worse / n) as u8;
    let mut out = BTreeMap::new();
    for (id, (last, freq, money)) in &per {
        let recency = (as_of - *last).num_days();
        let r = score(
            per.values()
                .filter(|v| (as_of - v.0).num_days() > recency)
                .count() as i64,
        );
        let f = score(per.values().filter(|v| v.1 < *freq).count() as i64);
        let m = score(per.values().filter(|v| v.2 < *money).count() as i64);
        let fm = (f + m + 1) / 2;
        let larger = per.values().filter(|v| v.2 > *money).count() as i64;
        let cost = count_before(&complaints, "opened_at", id) * 5000
            + count_before(&followups, "at", id) * 500;
        let class = if (larger as f64) < 0.2 * n as f64 {
            "MVC"
        } else if (*money as f64) * 0.30 < cost as f64 {
            "BZ"
        } else if r >= 4 && f >= 3 {
            "MGC"
        } else {
            "Standard"
        };
        let advocate = customers
            .iter()
            .any(|c| c["referred_by"] == *id && per.contains_key(&c["customer_id"]));
        let stage = if advocate {
            "advocate"
        } else if *freq >= 2 && r >= 4 && f >= 4 {
            "loyal"
        } else if *freq >= 2 {
            "repeat"
        } else {
            "first-time"
        };
        let row = format!(
            "{id},{recency},{freq},{},{r},{f},{m},{},{class},{stage}",
            Money(*money),
            segment(r, fm)
        );
        out.insert(id.clone(), row);
    }
    out
}

fn loyal_rfm(db: &TestDb, as_of: Date) -> (String, BTreeMap<String, String>) {
    let out = Command::new(env!("CARGO_BIN_EXE_loyal"))
        .env("LOYAL_LANG", "en")
        .args([
            "--db",
            db.path().to_str().unwrap(),
            "rfm",
            "--format",
            "csv",
            "--as-of",
            &as_of.to_string(),
        ])
        .env("TZ", "UTC")
        .env("LOYAL_CONFIG", db.dir.path().join("none.toml"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    let header = lines.next().unwrap().to_string();
    let rows = lines
        .map(|l| (l.split(',').next().unwrap().to_string(), l.replace('"', "")))
        .collect();
    (header, rows)
}

#[test]
fn rfm_matches_an_independent_computation_row_for_row() {
    // SAFETY of the comparison: both sides take calendar dates in UTC (TZ=UTC for the binary).
    let db = fixture_db();
    // The fixtures end on 2026-11-20; score after the end (aggregates only), in the middle
    // (orders after D must be read from the order index), and early (few customers).
    for as_of in ["2026-11-20", "2026-12-31", "2026-03-15", "2025-02-01"] {
        let as_of = date(as_of);
        let expected = independent_rfm(&db, as_of);
        let (header, actual) = loyal_rfm(&db, as_of);
        assert_eq!(
            header,
            "customer_id,recency_days,frequency,monetary,r,f,m,segment,value_class,stage"
        );
        assert_eq!(
            actual.len(),
            expected.len(),
            "scored customers as of {as_of}"
        );
        for (id, row) in &expected {
            assert_eq!(actual.get(id), Some(row), "customer {id} as of {as_of}");
        }
    }
}

#[test]
fn orders_after_the_date_are_ignored_and_zero_amounts_count() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    db.import_ok(Kind::Orders, ORDERS);
    let options = ScoreOptions {
        as_of: Some(date("2025-02-01")),
        ..Default::default()
    };
    let rows = db.service.rfm_report(&options, None).unwrap().1;
    // Only C1's January order is on or before Feb 1.
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (
            rows[0].customer_id.as_str(),
            rows[0].frequency,
            rows[0].monetary
        ),
        ("C1", 1, Money(12050))
    );
    assert_eq!(rows[0].recency_days, 27);
    let later = db
        .service
        .rfm_report(
            &ScoreOptions {
                as_of: Some(date("2025-12-31")),
                ..Default::default()
            },
            None,
        )
        .unwrap();
    let rows = later.1;
    assert_eq!(rows.len(), 3);
    let c4 = rows.iter().find(|r| r.customer_id == "C4").unwrap();
    assert_eq!((c4.monetary, c4.m), (Money(0), 1));
}

#[test]
fn an_empty_store_scores_nothing_and_reports_stay_sane() {
    let db = TestDb::new();
    let table = db.service.score(&ScoreOptions::default()).unwrap();
    assert!(table.scores.is_empty());
    let (_, rows) = db
        .service
        .rfm_report(&ScoreOptions::default(), None)
        .unwrap();
    assert!(rows.is_empty());
    let pareto = loyal::service::pareto_report(&table).unwrap();
    assert_eq!((pareto.customers, pareto.top_share), (0, None));
    assert!(
        loyal::service::segment_report(&table)
            .unwrap()
            .iter()
            .all(|s| s.customers == 0)
    );
    let churn = db
        .service
        .churn_report(&ScoreOptions::default(), loyal::scoring::Period::Month)
        .unwrap();
    assert!(churn.report.rows.is_empty() && churn.won_back.is_empty());
    assert!(
        db.service
            .due(&ScoreOptions::default(), 7, 30)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn every_customer_gets_a_stage_and_prospects_differ_from_targets() {
    let db = TestDb::new();
    db.import_ok(
        Kind::Customers,
        "customer_id,name\nP,Never Contacted\nT,Called Once\n",
    );
    db.import_ok(Kind::FollowUps, "customer_id,at\nT,2025-01-01\n");
    let table = db.service.score(&ScoreOptions::default()).unwrap();
    let stages: Vec<_> = table.scores.iter().map(|s| s.stage.label()).collect();
    assert_eq!(stages, vec!["prospect", "target"]);
    assert!(table.scores.iter().all(|s| s.rfm.is_none()));
}

#[test]
fn settings_and_flags_change_the_value_classes() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    db.import_ok(Kind::Orders, ORDERS);
    db.import_ok(Kind::Complaints, "customer_id,opened_at\nC2,2025-03-05\n");
    let class = |options: &ScoreOptions| {
        db.service
            .rfm_report(options, None)
            .unwrap()
            .1
            .into_iter()
            .find(|r| r.customer_id == "C2")
            .unwrap()
            .value_class
            .label()
    };
    // C2 spent 19.99: 30% margin = 6.00, less than one complaint (50.00): below zero.
    assert_eq!(class(&ScoreOptions::default()), "BZ");
    db.service
        .set_team_setting("scoring.complaint_cost", Some("1.00"))
        .unwrap();
    assert_ne!(class(&ScoreOptions::default()), "BZ");
    let flagged = ScoreOptions {
        complaint_cost: Some(Money(10_000)),
        ..Default::default()
    };
    assert_eq!(class(&flagged), "BZ");
    assert!(
        db.service
            .score(&ScoreOptions {
                margin_rate: Some("2".into()),
                ..Default::default()
            })
            .is_err()
    );
}

#[test]
fn reorder_due_and_plans_are_not_duplicated() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, "customer_id,name,owner\nR,Regular,Ann\n");
    db.import_ok(
        Kind::Orders,
        "order_id,customer_id,ordered_at,amount\n1,R,2026-01-01,5\n2,R,2026-01-11,5\n3,R,2026-01-21,5\n4,R,2026-01-21,5\n",
    );
    let options = ScoreOptions {
        as_of: Some(date("2026-01-25")),
        ..Default::default()
    };
    let due = db.service.due(&options, 7, 30).unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(
        (due[0].prediction.next_expected, due[0].days_until),
        (date("2026-01-31"), 6)
    );
    assert!(db.service.due(&options, 5, 30).unwrap().is_empty());
    assert_eq!(
        db.service.plan_reorders(&due, date("2026-01-25")).unwrap(),
        (1, 0)
    );
    assert_eq!(
        db.service.plan_reorders(&due, date("2026-01-25")).unwrap(),
        (0, 1)
    );
    // Overdue by more than the window: a churn case, not a reminder.
    let late = ScoreOptions {
        as_of: Some(date("2026-04-01")),
        ..Default::default()
    };
    assert!(db.service.due(&late, 7, 30).unwrap().is_empty());
    assert_eq!(db.service.due(&late, 7, 90).unwrap().len(), 1);
}

#[test]
fn version_1_files_get_their_contact_counts_on_open() {
    let db = fixture_db();
    let path = db.path();
    let before =
        customer_facts(&db.service.test_store().read().unwrap(), date("2030-01-01")).unwrap();
    let plans_before = db.export(Kind::CarePlans, Format::Csv);
    db.service.test_store().downgrade_to_v1().unwrap();
    drop(db.service);
    let store = Store::open(&path, &loyal::store::StoreOptions::creating()).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        Some(loyal::store::schema::SCHEMA_VERSION)
    );
    let after = customer_facts(&store.read().unwrap(), date("2030-01-01")).unwrap();
    assert_eq!(before, after);
    assert!(after.iter().any(|f| f.followups > 0) && after.iter().any(|f| f.complaints > 0));
    // The search terms were rebuilt too: lookups work as before.
    let reader = store.read().unwrap();
    assert_eq!(reader.customer_count().unwrap(), 300);
    assert!(!reader.terms_equal_to("c-000001", 1).unwrap().is_empty());
    drop(reader);
    drop(store);
    // Care plans were rewritten in the current layout, unchanged.
    let service =
        loyal::service::Service::open(&path, &loyal::store::StoreOptions::creating()).unwrap();
    let mut plans_after = Vec::new();
    service
        .export(Kind::CarePlans, Format::Csv, &mut plans_after)
        .unwrap();
    assert_eq!(String::from_utf8(plans_after).unwrap(), plans_before);
}

#[test]
fn contacts_dated_after_the_date_do_not_count() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    db.import_ok(Kind::Orders, ORDERS);
    // A complaint dated far in the future must not make C2 below-zero as of 2025-12-31.
    db.import_ok(Kind::Complaints, "customer_id,opened_at\nC2,2099-01-01\n");
    let options = ScoreOptions {
        as_of: Some(date("2025-12-31")),
        ..Default::default()
    };
    let c2 = db
        .service
        .rfm_report(&options, None)
        .unwrap()
        .1
        .into_iter()
        .find(|r| r.customer_id == "C2")
        .unwrap();
    assert_ne!(c2.value_class.label(), "BZ");
}

#[test]
fn absurd_windows_are_refused_not_panics() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    db.import_ok(Kind::Orders, ORDERS);
    let huge = ScoreOptions {
        churn_days: Some(100_000_000),
        ..Default::default()
    };
    assert!(
        db.service
            .churn_report(&huge, loyal::scoring::Period::Month)
            .is_err()
    );
    assert!(
        db.service
            .due(&ScoreOptions::default(), 100_000_000, 30)
            .is_err()
    );
    assert!(db.service.due(&ScoreOptions::default(), 7, -1).is_err());
    let far = ScoreOptions {
        as_of: Some(date("9999-12-31")),
        ..Default::default()
    };
    assert!(db.service.score(&far).is_err());
    assert!(
        db.service
            .set_team_setting("scoring.margin_rate", Some("0.125"))
            .is_err()
    );
}

#[test]
fn customers_with_a_late_or_escalated_open_complaint_are_at_risk() {
    use loyal::domain::{Channel, Severity};
    use loyal::service::{ComplaintCommand, CustomerKey, NewComplaint};
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    db.import_ok(Kind::Orders, ORDERS);
    let open = |customer: &str, hours_ago: i64| {
        db.service
            .open_complaint(NewComplaint {
                customer: CustomerKey::parse(customer),
                channel: Channel::Phone,
                category: String::from("x"),
                severity: Severity::Normal,
                description: String::from("y"),
                assignee: None,
                opened_at: Some(chrono::Utc::now().timestamp_millis() - hours_ago * 3_600_000),
            })
            .unwrap()
    };
    open("C1", 30); // no answer for 30 hours: the 24-hour response is missed
    open("C2", 1); // fresh
    let answered = open("C4", 1);
    db.service
        .complaint_command(
            &answered.id,
            ComplaintCommand::Reply {
                text: "on it".into(),
            },
        )
        .unwrap();
    let risky = |db: &TestDb| -> Vec<String> {
        db.service
            .rfm_report(&ScoreOptions::default(), None)
            .unwrap()
            .1
            .into_iter()
            .filter(|r| r.at_risk)
            .map(|r| r.customer_id)
            .collect()
    };
    assert_eq!(risky(&db), vec!["C1"]);
    let c2 = db
        .service
        .complaint_queue(&Default::default())
        .unwrap()
        .into_iter()
        .find(|v| v.customer.external_id == "C2")
        .unwrap();
    for _ in 0..4 {
        db.service
            .complaint_command(
                &c2.complaint.id,
                ComplaintCommand::Contact {
                    text: String::new(),
                },
            )
            .unwrap();
    }
    assert_eq!(risky(&db), vec!["C1", "C2"]);
}

/// The workbench's roster (one merge walk over customers, scores and contact points) agrees
/// with the score table and with a recount of every customer's last follow-up.
#[test]
fn roster_rows_agree_with_the_score_table_and_the_log() {
    let db = common::fixture_db();
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
    let options = loyal::service::ScoreOptions {
        as_of: Some(as_of),
        ..Default::default()
    };
    let roster = db.service.roster(&options).expect("roster");
    let table = db.service.score(&options).expect("scores");
    assert_eq!(roster.rows.len(), table.scores.len());
    let mut last: std::collections::HashMap<u64, chrono::NaiveDate> = Default::default();
    let mut dates = loyal::service::LocalDates::default();
    for f in db.service.recent_followups(usize::MAX).expect("log") {
        let d = dates.date(f.at);
        let slot = last.entry(f.customer).or_insert(d);
        *slot = (*slot).max(d);
    }
    for (row, score) in roster.rows.iter().zip(&table.scores) {
        assert_eq!(row.id, score.customer);
        assert_eq!(row.rfm, score.rfm);
        assert_eq!(row.stage, score.stage);
        assert_eq!(row.value_class, score.value_class);
        assert_eq!(
            row.last_contact,
            last.get(&row.id).copied(),
            "customer {}",
            row.id
        );
    }
    assert!(
        roster
            .rows
            .iter()
            .filter(|r| r.last_contact.is_some())
            .count()
            > 10
    );
    assert_eq!(
        roster.reports.segments,
        loyal::service::segment_report(&table).unwrap()
    );
}
