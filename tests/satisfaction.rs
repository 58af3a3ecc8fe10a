//! The satisfaction report checked against a recount from the fixture file itself, and
//! through the real binary in each format; retention per owner checked against the whole
//! desk's; both as charts in the workbench (TestBackend snapshots).

mod common;
mod workbench;

use common::cli::{Cli, path};
use common::fixture_db;
use loyal::scoring::Period;
use loyal::service::SatisfactionBy;
use std::collections::BTreeMap;

/// (month, channel) -> (scored, sum, scores of 1-2), read from the CSV with no loyal code.
fn recount() -> BTreeMap<(String, String), (u64, u64, u64)> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/followups.csv"
    ))
    .expect("fixture");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut out = BTreeMap::new();
    for row in reader.records() {
        let row = row.expect("row");
        let Ok(score) = row[9].parse::<u64>() else {
            continue;
        };
        let month = format!("{}-01", &row[2][..7]);
        let e = out.entry((month, row[3].to_string())).or_insert((0, 0, 0));
        e.0 += 1;
        e.1 += score;
        e.2 += u64::from(score <= 2);
    }
    out
}

#[test]
fn the_report_equals_a_recount_of_the_file_per_month_and_channel() {
    // SAFETY: set before any thread of this test reads it; every test sets the same value.
    unsafe { std::env::set_var("TZ", "UTC") };
    let db = fixture_db();
    let want = recount();
    assert!(want.len() > 10, "the fixtures have scores");
    let rows = db
        .service
        .satisfaction_report(Period::Month, Some(SatisfactionBy::Channel), None)
        .expect("report");
    let got: BTreeMap<(String, String), (u64, u64, u64)> = rows
        .iter()
        .map(|r| {
            let sum = (r.average * r.responses as f64).round() as u64;
            (
                (r.period.to_string(), r.group.clone().unwrap_or_default()),
                (r.responses, sum, r.unhappy),
            )
        })
        .collect();
    assert_eq!(got, want);
    // Without a split, each month is the sum of its channels; by owner too.
    let months = db
        .service
        .satisfaction_report(Period::Month, None, None)
        .expect("report");
    let by_owner = db
        .service
        .satisfaction_report(Period::Month, Some(SatisfactionBy::Owner), None)
        .expect("report");
    for m in &months {
        let of = |rows: &[loyal::service::SatisfactionRow]| -> u64 {
            rows.iter()
                .filter(|r| r.period == m.period)
                .map(|r| r.responses)
                .sum()
        };
        assert_eq!(of(&rows), m.responses, "{}", m.period);
        assert_eq!(of(&by_owner), m.responses, "{}", m.period);
        assert!((1.0..=5.0).contains(&m.average));
        assert!((m.unhappy_share - m.unhappy as f64 / m.responses as f64).abs() < 1e-12);
    }
}

#[test]
fn the_command_prints_table_csv_json_and_a_workbook_and_refuses_by_elsewhere() {
    let cli = Cli::new();
    let file = cli.file(
        "f.csv",
        "customer_id,at,channel,summary,satisfaction\nC1,2026-01-05T10:00:00Z,phone,ok,5\nC1,2026-01-20T10:00:00Z,email,bad,1\nC2,2026-02-02T10:00:00Z,phone,fine,4\n",
    );
    cli.ok(&[
        "import",
        "customers",
        path(&cli.file("c.csv", common::CUSTOMERS)),
    ]);
    cli.ok(&["import", "followups", path(&file)]);
    let csv = cli.ok(&["report", "satisfaction", "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "period_start,responses,average,unhappy,unhappy_share"
    );
    assert!(lines[1].starts_with("2026-01-01,2,3.00,1,0.5000"), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&cli.ok(&[
        "report",
        "satisfaction",
        "--by",
        "owner",
        "--format",
        "json",
    ]))
    .expect("json");
    assert_eq!(json[0]["group"], "Alice", "C1 is Alice's");
    let table = cli.ok(&["report", "satisfaction"]);
    assert!(
        table.contains("2026-02-01") && table.contains("4.00"),
        "{table}"
    );
    let out = cli.dir.path().join("s.xlsx");
    cli.ok(&[
        "report",
        "satisfaction",
        "--format",
        "xlsx",
        "--out",
        path(&out),
    ]);
    assert!(std::fs::metadata(&out).expect("workbook").len() > 1000);
    // As of a date: the later contacts are left out.
    let early = cli.ok(&[
        "report",
        "satisfaction",
        "--as-of",
        "2026-01-31",
        "--format",
        "csv",
    ]);
    assert_eq!(early.lines().count(), 2, "{early}");
    let err = cli.fails(&["report", "segments", "--by", "owner"]);
    assert!(
        err.contains("--by goes with the satisfaction report"),
        "{err}"
    );
}

#[test]
fn retention_per_owner_adds_up_to_the_whole_desk() {
    // SAFETY: set before any thread of this test reads it; every test sets the same value.
    unsafe { std::env::set_var("TZ", "UTC") };
    let db = fixture_db();
    let options = loyal::service::ScoreOptions {
        as_of: Some(chrono::NaiveDate::from_ymd_opt(2026, 11, 21).expect("date")),
        ..Default::default()
    };
    let all = db
        .service
        .churn_report(&options, Period::Month)
        .expect("churn")
        .report;
    let owners = db
        .service
        .churn_by_owner(&options, Period::Month)
        .expect("by owner");
    assert!(owners.len() >= 3, "the fixtures have several owners");
    let names: Vec<_> = owners.iter().map(|o| o.owner.clone()).collect();
    // Owners by name, the unowned (if any) last; no owner twice.
    let mut sorted = names.clone();
    sorted.dedup();
    assert_eq!(sorted.len(), names.len());
    assert!(names[..names.len() - 1].iter().all(Option::is_some));
    // Every customer is one owner's: per month the counts add up to the desk's.
    for row in &all.rows {
        let sum = |f: fn(&loyal::scoring::PeriodRow) -> u64| -> u64 {
            owners
                .iter()
                .filter_map(|o| o.report.rows.iter().find(|r| r.start == row.start))
                .map(f)
                .sum()
        };
        assert_eq!(
            sum(|r| r.active_at_start),
            row.active_at_start,
            "{}",
            row.start
        );
        assert_eq!(sum(|r| r.active_at_end), row.active_at_end, "{}", row.start);
        assert_eq!(sum(|r| r.new_in_period), row.new_in_period, "{}", row.start);
        assert_eq!(sum(|r| r.retained), row.retained, "{}", row.start);
        assert_eq!(sum(|r| r.won_back), row.won_back, "{}", row.start);
    }
    // Through the binary: CSV by owner, and --by channel is not a churn split.
    let cli = Cli::with_customers();
    let csv = cli.ok(&["report", "churn", "--by", "owner", "--format", "csv"]);
    assert!(
        csv.lines()
            .next()
            .expect("header")
            .starts_with("owner,period_start,period_end,active_at_start"),
        "{csv}"
    );
    let table = cli.ok(&["report", "churn", "--by", "owner"]);
    assert!(table.contains("Retention per account owner"), "{table}");
    let err = cli.fails(&["report", "churn", "--by", "channel"]);
    assert!(err.contains("--by"), "{err}");
}

#[test]
fn the_workbench_charts_retention_by_owner_and_satisfaction_by_month() {
    use crossterm::event::KeyCode;
    let mut b = workbench::bench();
    b.press("4").press("v").press("v");
    assert_eq!(
        b.app.panes.rfm.view,
        loyal::tui::panes::rfm::RfmView::Owners
    );
    let owners = b.screen(80, 24);
    assert!(
        owners.contains("Alice Chen") && owners.contains("█"),
        "{owners}"
    );
    insta::assert_snapshot!("rfm_owners_80x24", owners);
    b.press("v");
    let chart = b.screen(80, 24);
    assert!(chart.contains("2026-10"), "{chart}");
    insta::assert_snapshot!("rfm_satisfaction_80x24", chart);
    b.code(KeyCode::Esc);
}
