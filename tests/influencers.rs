//! Opinion leaders: the influence noted on a customer, the report of what each brought checked
//! against a recount of the fixture files (with no loyal code), merges, the binary, and the
//! workbench's marker, filter and form (TestBackend).

mod common;
mod workbench;

use common::cli::Cli;
use common::fixture_db;
use loyal::domain::{InfluenceKind, Money};
use loyal::service::{AuditFilter, CustomerKey};
use std::collections::BTreeMap;

/// referrer -> (referred, referred with an order, cents of their orders), from the CSV files.
fn recount() -> BTreeMap<String, (u64, u64, i64)> {
    let read = common::fixture_rows;
    let mut cents: BTreeMap<String, (u64, i64)> = BTreeMap::new();
    for o in read("orders") {
        let amount: f64 = o["amount"].parse().expect("amount");
        let e = cents.entry(o["customer_id"].clone()).or_default();
        e.0 += 1;
        e.1 += (amount * 100.0).round() as i64;
    }
    let mut out: BTreeMap<String, (u64, u64, i64)> = BTreeMap::new();
    for c in read("customers") {
        let by = &c["referred_by"];
        if by.is_empty() {
            continue;
        }
        let e = out.entry(by.clone()).or_default();
        e.0 += 1;
        if let Some((n, total)) = cents.get(&c["customer_id"])
            && *n > 0
        {
            e.1 += 1;
            e.2 += total;
        }
    }
    out
}

#[test]
fn the_report_equals_a_recount_of_referrals_buyers_and_their_revenue() {
    let db = fixture_db();
    let want = recount();
    let referrers: Vec<&String> = want.keys().take(4).collect();
    assert!(referrers.len() == 4, "the fixtures have referrers");
    let kinds = [
        InfluenceKind::Teacher,
        InfluenceKind::Journalist,
        InfluenceKind::CommunityLeader,
        InfluenceKind::Other,
    ];
    for (id, kind) in referrers.iter().zip(kinds) {
        db.service
            .set_influence(&CustomerKey::parse(id), Some((kind, format!("note {id}"))))
            .expect("set");
    }
    // And one influencer who referred nobody.
    let lonely = (1..=300)
        .map(|n| format!("C-{n:06}"))
        .find(|id| !want.contains_key(id))
        .expect("a customer who referred nobody");
    db.service
        .set_influence(
            &CustomerKey::parse(&lonely),
            Some((InfluenceKind::Manager, String::new())),
        )
        .expect("set");
    let rows = db.service.influencers_report().expect("report");
    assert_eq!(rows.len(), 5);
    for row in &rows {
        let got = (row.referrals, row.referred_buyers, row.referred_revenue);
        let (n, buyers, cents) = want
            .get(&row.customer.external_id)
            .copied()
            .unwrap_or_default();
        assert_eq!(
            got,
            (n, buyers, Money(cents)),
            "{}",
            row.customer.external_id
        );
    }
    // Most revenue brought first.
    assert!(
        rows.windows(2)
            .all(|w| w[0].referred_revenue >= w[1].referred_revenue)
    );
    let roster = db.service.roster(&Default::default()).expect("roster");
    let marked: Vec<_> = roster
        .rows
        .iter()
        .filter(|r| r.influence.is_some())
        .collect();
    assert_eq!(marked.len(), 5);
    // Cleared: gone from the report and the roster; the audit says who and what.
    db.service
        .set_influence(&CustomerKey::parse(&lonely), None)
        .expect("clear");
    assert_eq!(db.service.influencers_report().expect("report").len(), 4);
    let audit = db
        .service
        .audit(&AuditFilter {
            limit: 1,
            ..Default::default()
        })
        .expect("audit");
    assert_eq!(audit[0].action, "customer.influence");
    assert_eq!(audit[0].detail, "manager -> -");
    // A note too long is refused, not cut.
    let err = db
        .service
        .set_influence(
            &CustomerKey::parse(&lonely),
            Some((InfluenceKind::Teacher, "x".repeat(501))),
        )
        .unwrap_err()
        .to_string();
    assert!(err.contains("500"), "{err}");
    assert!(
        db.service
            .influence_of(&CustomerKey::parse(&lonely))
            .expect("read")
            .is_none()
    );
}

#[test]
fn a_merge_keeps_the_influence_of_the_file_folded_in() {
    let db = fixture_db();
    db.service
        .set_influence(
            &CustomerKey::parse("C-000002"),
            Some((InfluenceKind::Journalist, "city paper".into())),
        )
        .expect("set");
    db.service
        .merge_customers(
            &CustomerKey::parse("C-000003"),
            &CustomerKey::parse("C-000002"),
        )
        .expect("merge");
    let kept = db
        .service
        .influence_of(&CustomerKey::parse("C-000003"))
        .expect("read")
        .expect("moved");
    assert_eq!(kept.kind, InfluenceKind::Journalist);
    assert_eq!(kept.note, "city paper");
    let rows = db.service.influencers_report().expect("report");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].customer.external_id, "C-000003");
}

#[test]
fn the_binary_notes_shows_reports_and_clears() {
    let cli = Cli::with_customers();
    let out = cli.ok(&[
        "customer",
        "influence",
        "C1",
        "--kind",
        "teacher",
        "--note",
        "runs the parents' group",
    ]);
    assert!(
        out.contains("opinion leader: teacher, runs the parents' group"),
        "{out}"
    );
    let show = cli.ok(&["customer", "show", "C1"]);
    assert!(show.contains("opinion leader: teacher"), "{show}");
    let zh = cli.run_zh(&["customer", "influence", "C1"]);
    let zh = String::from_utf8_lossy(&zh.stdout);
    assert!(zh.contains("意见领袖：老师"), "{zh}");
    let json = cli.ok(&["report", "influencers", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&json).expect("json");
    let row = &rows.as_array().expect("array")[0];
    assert_eq!(row["customer"]["customer_id"], "C1");
    assert_eq!(row["influence"]["kind"], "teacher");
    // C1 referred C2 and C3 (CUSTOMERS); neither has orders here.
    assert_eq!(row["referrals"], 2);
    assert_eq!(row["referred_buyers"], 0);
    let csv = cli.ok(&["report", "influencers", "--format", "csv"]);
    assert!(
        csv.lines()
            .next()
            .expect("header")
            .contains("referred_revenue"),
        "{csv}"
    );
    let table = cli.ok(&["report", "influencers"]);
    assert!(table.contains("C1") && table.contains("teacher"), "{table}");
    // --note needs --kind; --kind and --clear do not go together.
    cli.fails(&["customer", "influence", "C1", "--note", "x"]);
    cli.fails(&[
        "customer",
        "influence",
        "C1",
        "--kind",
        "teacher",
        "--clear",
    ]);
    cli.fails(&["customer", "influence", "C1", "--kind", "astronaut"]);
    let out = cli.ok(&["customer", "influence", "C1", "--clear"]);
    assert!(out.contains("no influence noted"), "{out}");
    let table = cli.ok(&["report", "influencers"]);
    assert!(table.contains("none noted yet"), "{table}");
}

#[test]
fn the_workbench_marks_filters_and_notes_an_influencer() {
    use crossterm::event::KeyCode;
    let mut b = workbench::bench();
    // From the card of the caller, i opens the form: Space picks the first kind.
    b.press("/6542");
    b.code(KeyCode::Enter);
    assert!(b.app.card.is_some(), "the card opened");
    b.press("i");
    let Some(loyal::tui::app::Overlay::Form(form)) = &b.app.overlay else {
        panic!("the influence form opens");
    };
    assert_eq!(form.value("kind"), "none");
    b.press(" ");
    b.code(KeyCode::Tab).typed("parents' group");
    b.code(KeyCode::Enter);
    let noted = b
        .app
        .service()
        .influence_of(&CustomerKey::parse("C-000001"))
        .expect("read")
        .expect("noted");
    assert_eq!(noted.kind, InfluenceKind::Teacher);
    assert_eq!(noted.note, "parents' group");
    assert_eq!(noted.set_by, "Ann");
    let screen = b.screen(120, 40);
    assert!(
        screen.contains("KOL teacher"),
        "the call screen says it: {screen}"
    );
    b.code(KeyCode::Esc);
    // The filter shows only the opinion leaders, marked by the name: the roster follows the
    // save by itself (an update of the changed file, a quarter second after it).
    for _ in 0..100 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        b.app.tick();
        b.app.settle();
        let row = b.app.roster.as_ref().and_then(|r| r.row(1).cloned());
        if row.is_some_and(|r| r.influence.is_some()) {
            break;
        }
    }
    b.press("F").typed("influencer:yes");
    b.code(KeyCode::Enter);
    let ids = b.app.panes.customers.ids.clone();
    assert_eq!(ids.len(), 1, "{ids:?}");
    let screen = b.screen(120, 30);
    assert!(screen.contains("黄佳 KOL"), "{screen}");
    b.press("F");
    b.code(KeyCode::Esc);
    b.press("x");
    b.press("F").typed("influencer:maybe");
    b.code(KeyCode::Enter);
    let Some(loyal::tui::app::Overlay::Form(form)) = &b.app.overlay else {
        panic!("the filter form stays open");
    };
    let error = form.fields[0].error.clone().unwrap_or_default();
    assert!(error.contains("not yes or no"), "{error}");
}
