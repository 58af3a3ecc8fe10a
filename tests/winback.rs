//! Why customers leave and winning them back: the churn-reasons report checked against a
//! recount of the fixture files (with no loyal code), the win-back list, its plans (one per
//! customer however often asked) and the won-back rate, through the service, the binary and
//! the workbench's key.

mod common;
mod workbench;

use chrono::NaiveDate;
use common::cli::Cli;
use common::{fixture_db, import_into};
use loyal::domain::{CarePurpose, Money, PlanStatus};
use loyal::scoring::{Period, Segment, ValueClass};
use loyal::service::{ImportOptions, ScoreOptions};
use loyal::transfer::{Format, Kind};
use std::collections::BTreeMap;

fn date(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

fn rows(name: &str) -> Vec<BTreeMap<String, String>> {
    common::fixture_rows(name)
}

/// (quarter start, folded reason) -> (customers, cents), as the README's rule says, from the
/// CSV files: lapsed (last order 180+ days before D) on last order + 180 days; else a file that
/// says churned, on D (its file changed at the import, after D).
fn recount(as_of: NaiveDate) -> BTreeMap<(NaiveDate, String), (u64, i64)> {
    let mut orders: BTreeMap<String, (NaiveDate, i64)> = BTreeMap::new();
    for o in rows("orders") {
        let day = date(&o["ordered_at"][..10]);
        if day > as_of {
            continue;
        }
        let cents = (o["amount"].parse::<f64>().expect("amount") * 100.0).round() as i64;
        let e = orders.entry(o["customer_id"].clone()).or_insert((day, 0));
        e.0 = e.0.max(day);
        e.1 += cents;
    }
    let quarter = |d: NaiveDate| {
        use chrono::Datelike;
        NaiveDate::from_ymd_opt(d.year(), (d.month() - 1) / 3 * 3 + 1, 1).expect("quarter")
    };
    let mut out = BTreeMap::new();
    for c in rows("customers") {
        if c["status"] == "won_back" {
            continue;
        }
        let ordered = orders.get(&c["customer_id"]);
        let lapsed = ordered
            .map(|(last, _)| *last + chrono::Duration::days(180))
            .filter(|d| *d <= as_of);
        let day = match (lapsed, c["status"].as_str()) {
            (Some(d), _) => d,
            (None, "churned") => as_of,
            _ => continue,
        };
        let e = out
            .entry((quarter(day), c["churn_reason"].trim().to_lowercase()))
            .or_insert((0, 0));
        e.0 += 1;
        e.1 += ordered.map_or(0, |(_, cents)| *cents);
    }
    out
}

fn as_of(d: &str) -> ScoreOptions {
    ScoreOptions {
        as_of: Some(date(d)),
        ..Default::default()
    }
}

#[test]
fn churn_reasons_equal_a_recount_of_the_files() {
    // SAFETY: set before any thread of this test reads it; every test sets the same value.
    unsafe { std::env::set_var("TZ", "UTC") };
    let db = fixture_db();
    for day in ["2026-11-21", "2026-06-30"] {
        let want = recount(date(day));
        assert!(want.len() > 3, "the fixtures have churned customers");
        let got: BTreeMap<(NaiveDate, String), (u64, i64)> = db
            .service
            .churn_reasons(&as_of(day), Period::Quarter)
            .expect("report")
            .into_iter()
            .map(|r| {
                (
                    (r.period, r.reason.unwrap_or_default().to_lowercase()),
                    (r.customers, r.revenue.0),
                )
            })
            .collect();
        assert_eq!(got, want, "as of {day}");
    }
}

#[test]
fn the_win_back_list_is_planned_once_and_its_rate_follows_orders() {
    // SAFETY: as above.
    unsafe { std::env::set_var("TZ", "UTC") };
    let db = fixture_db();
    let options = as_of("2026-11-21");
    let list = db.service.win_back_list(&options).expect("list");
    assert!(
        list.len() >= 3,
        "the fixtures have valuable customers who left"
    );
    for row in &list {
        assert!(matches!(row.value_class, ValueClass::Mvc | ValueClass::Mgc));
        let at_risk = row.segment.is_some_and(|s| {
            matches!(
                s,
                Segment::AtRisk | Segment::CantLoseThem | Segment::Hibernating | Segment::Lost
            )
        });
        assert!(row.churned_on.is_some() || at_risk, "{row:?}");
    }
    assert!(list.windows(2).all(|w| w[0].revenue >= w[1].revenue));
    assert_eq!(
        db.service.win_back_rate().expect("rate").rate,
        None,
        "no plan yet"
    );
    let due = date("2026-11-23");
    let (created, existing) = db.service.plan_win_back(&list, due).expect("plan");
    assert_eq!((created, existing), (list.len() as u64, 0));
    // Asked again with the old list: nobody gets a second plan.
    assert_eq!(
        db.service.plan_win_back(&list, due).expect("plan"),
        (0, list.len() as u64)
    );
    assert!(db.service.win_back_list(&options).expect("list").is_empty());
    let first = &list[0];
    let plans = db
        .service
        .test_store()
        .read()
        .expect("read")
        .care_plans_of(first.id)
        .expect("plans");
    let plan = plans
        .iter()
        .find(|p| p.purpose == CarePurpose::WinBack)
        .expect("the plan");
    assert_eq!(plan.status, PlanStatus::Open);
    assert_eq!(plan.due, due);
    assert_eq!(plan.assignee, first.owner);
    let rate = db.service.win_back_rate().expect("rate");
    assert_eq!((rate.plans, rate.won_back), (list.len() as u64, 0));
    // The first orders again after the call was planned: won back.
    let order = format!(
        "order_id,customer_id,ordered_at,amount\nO-WB-1,{},2099-01-05T10:00:00Z,12.00\n",
        first.customer_id
    );
    import_into(
        &db.service,
        Kind::Orders,
        &order,
        Format::Csv,
        ImportOptions::default(),
    )
    .expect("order");
    let rate = db.service.win_back_rate().expect("rate");
    assert_eq!((rate.plans, rate.won_back), (list.len() as u64, 1));
    assert_eq!(rate.rate, Some(1.0 / list.len() as f64));
    assert!(first.revenue > Money(0));
}

#[test]
fn the_binary_reports_reasons_lists_and_plans() {
    let cli = Cli::with_customers();
    cli.ok(&[
        "customer",
        "edit",
        "C2",
        "--status",
        "churned",
        "--churn-reason",
        "moved away",
    ]);
    let csv = cli.ok(&[
        "report",
        "churn-reasons",
        "--period",
        "quarter",
        "--format",
        "csv",
    ]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().expect("header"),
        "period_start,reason,customers,revenue"
    );
    let row = lines.next().expect("row");
    assert!(row.contains(",moved away,1,"), "{csv}");
    let table = cli.ok(&["report", "churn-reasons"]);
    assert!(table.contains("moved away"), "{table}");
    let json = cli.ok(&["winback", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert!(value["customers"].is_array());
    assert_eq!(value["plans"]["plans"], 0);
    let out = cli.run(&["winback", "--plan"]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("win-back calls planned"), "{said}");
    cli.fails(&["winback", "--due", "+2d"]);
    let zh = cli.run_zh(&["report", "churn-reasons"]);
    let zh = String::from_utf8_lossy(&zh.stdout);
    assert!(zh.contains("流失客户"), "{zh}");
}

#[test]
fn the_workbench_plans_win_back_calls_from_the_rfm_pane() {
    let mut b = workbench::bench();
    // The workbench's clock says 2026-11-21.
    let options = as_of("2026-11-21");
    let want = b.app.service().win_back_list(&options).expect("list");
    assert!(!want.is_empty());
    b.press("4").press("W");
    let status = b.app.status.clone().expect("status");
    assert!(
        status
            .text
            .contains(&format!("{} win-back calls planned", want.len())),
        "{status:?}"
    );
    assert!(
        b.app
            .service()
            .win_back_list(&options)
            .expect("list")
            .is_empty()
    );
}
