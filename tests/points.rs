//! The points ledger: after any sequence of writes (orders imported, imported again, changed,
//! refunded, rolled back, files merged, points redeemed and granted, from the CLI's service
//! calls), every customer's balance equals a recount from the rules over the orders and the
//! recorded movements as they finally stand.

mod common;

use common::*;
use loyal::service::{CustomerKey, ImportOptions};
use loyal::transfer::{Format, Kind};
use proptest::prelude::*;
use std::collections::HashMap;

#[derive(Debug, Clone)]
enum Write {
    /// Order `order` of customer `id` (new, or replacing the one of that id), `cents` may be
    /// negative (a refund).
    Order {
        order: u8,
        id: u8,
        cents: i32,
        day: u8,
    },
    /// The same orders file imported again.
    Again,
    Merge {
        keep: u8,
        other: u8,
    },
    RollBack,
    Redeem {
        id: u8,
        points: u16,
    },
    Grant {
        id: u8,
        points: u16,
    },
}

fn write() -> impl Strategy<Value = Write> {
    prop_oneof![
        5 => (0u8..10, 0u8..5, -3000i32..20000, 0u8..200)
            .prop_map(|(order, id, cents, day)| Write::Order { order, id, cents, day }),
        1 => Just(Write::Again),
        1 => (0u8..5, 0u8..5).prop_map(|(keep, other)| Write::Merge { keep, other }),
        1 => Just(Write::RollBack),
        2 => (0u8..5, 1u16..400).prop_map(|(id, points)| Write::Redeem { id, points }),
        1 => (0u8..5, 1u16..300).prop_map(|(id, points)| Write::Grant { id, points }),
    ]
}

fn seeded() -> TestDb {
    let db = TestDb::new();
    let mut csv = String::from("customer_id,name\n");
    for id in 0..5 {
        csv.push_str(&format!("K{id},Customer {id}\n"));
    }
    db.import_ok(Kind::Customers, &csv);
    db
}

fn key(id: u8) -> CustomerKey {
    CustomerKey::External(format!("K{id}"))
}

/// What the test itself knows: who each file now belongs to (merges), and every movement
/// recorded, by the file it was recorded on.
#[derive(Default)]
struct Model {
    owner: [u8; 5],
    recorded: Vec<(u8, i64)>,
}

impl Model {
    fn new() -> Model {
        Model {
            owner: [0, 1, 2, 3, 4],
            recorded: Vec::new(),
        }
    }
}

/// Carries out one write; refusals (more points than the balance, a customer merged away)
/// are part of the game.
fn apply(db: &TestDb, w: &Write, last_orders: &mut String, model: &mut Model) {
    let quiet = ImportOptions::default();
    let outcome = match w {
        Write::Order {
            order,
            id,
            cents,
            day,
        } => {
            let sign = if *cents < 0 { "-" } else { "" };
            let c = cents.unsigned_abs();
            let date = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
                + chrono::Duration::days(i64::from(*day));
            *last_orders = format!(
                "order_id,customer_id,ordered_at,amount\nO{order},K{id},{date},{sign}{}.{:02}\n",
                c / 100,
                c % 100
            );
            db.import(Kind::Orders, last_orders, quiet).map(drop)
        }
        Write::Again if !last_orders.is_empty() => {
            db.import(Kind::Orders, last_orders, quiet).map(drop)
        }
        Write::Again => Ok(()),
        Write::Merge { keep, other } => db
            .service
            .merge_customers(&key(*keep), &key(*other))
            .map(drop),
        Write::RollBack => {
            let newest = db
                .service
                .imports()
                .ok()
                .and_then(|i| i.last().map(|r| r.id));
            match newest {
                Some(id) => db.service.rollback_import(id, &mut |_, _| {}).map(drop),
                None => Ok(()),
            }
        }
        Write::Redeem { id, points } => db
            .service
            .resolve(&key(*id))
            .and_then(|c| {
                db.service
                    .redeem_points(c, i64::from(*points), "gift", None)
            })
            .map(drop),
        Write::Grant { id, points } => db
            .service
            .resolve(&key(*id))
            .and_then(|c| {
                db.service
                    .grant_points(c, i64::from(*points), "goodwill", None)
            })
            .map(drop),
    };
    if outcome.is_ok() {
        match w {
            Write::Merge { keep, other } => {
                let (keep, other) = (model.owner[*keep as usize], model.owner[*other as usize]);
                for o in model.owner.iter_mut() {
                    if *o == other {
                        *o = keep;
                    }
                }
            }
            Write::Redeem { id, points } => model.recorded.push((*id, -i64::from(*points))),
            Write::Grant { id, points } => model.recorded.push((*id, i64::from(*points))),
            _ => {}
        }
    }
}

/// The recount: per customer, each stored order's amount in whole units (toward zero), plus
/// the grants and less the redemptions the test recorded on any file now theirs; from the
/// order export and the test's own model, not from the ledger code.
fn recount(db: &TestDb, model: &Model) -> HashMap<String, i64> {
    let mut balance: HashMap<String, i64> = HashMap::new();
    let orders = db.export(Kind::Orders, Format::Csv);
    let mut reader = csv::Reader::from_reader(orders.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (customer, amount) = (col("customer_id"), col("amount"));
    for row in reader.records() {
        let row = row.unwrap();
        let cents: i64 = row[amount].replace('.', "").parse().unwrap();
        *balance.entry(row[customer].to_string()).or_default() += cents / 100;
    }
    for (id, signed) in &model.recorded {
        let owner = model.owner[*id as usize];
        *balance.entry(format!("K{owner}")).or_default() += signed;
    }
    // The export says the same of every movement's owner.
    let exported: i64 = db
        .service
        .points_export()
        .unwrap()
        .iter()
        .map(|r| r.points)
        .sum();
    assert_eq!(
        exported,
        model.recorded.iter().map(|(_, p)| p.abs()).sum::<i64>()
    );
    balance
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn every_balance_equals_a_recount(writes in proptest::collection::vec(write(), 1..24)) {
        let db = seeded();
        let mut last = String::new();
        let mut model = Model::new();
        for w in &writes {
            apply(&db, w, &mut last, &mut model);
        }
        let want = recount(&db, &model);
        let now = chrono::Utc::now().timestamp_millis();
        for id in 0..5u8 {
            // A file merged away resolves to the one it was merged into.
            let Ok(c) = db.service.resolve(&key(id)) else { continue };
            let summary = db.service.points_summary(c, now, 0).unwrap();
            let expected = want.get(&summary.customer_id).copied().unwrap_or(0);
            prop_assert_eq!(summary.balance, expected, "K{} after {:?}", id, writes);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// With points that expire: what is left is the recount less what expired, expiry only
    /// grows as the date moves on, and every line's balance follows from the one before.
    #[test]
    fn expiry_only_takes_away_and_the_statement_adds_up(
        months in 1u32..8,
        writes in proptest::collection::vec(write(), 1..20),
        later in 0i64..400,
    ) {
        let db = seeded();
        db.service.set_team_setting("points.expiry_months", Some(&months.to_string())).unwrap();
        let mut last = String::new();
        let mut model = Model::new();
        for w in &writes {
            apply(&db, w, &mut last, &mut model);
        }
        let want = recount(&db, &model);
        let now = chrono::Utc::now().timestamp_millis();
        let then = now + later * 86_400_000;
        for id in 0..5u8 {
            let Ok(c) = db.service.resolve(&key(id)) else { continue };
            let s = db.service.points_summary(c, now, 0).unwrap();
            let expected = want.get(&s.customer_id).copied().unwrap_or(0);
            prop_assert_eq!(s.balance, expected - s.expired, "K{} after {:?}", id, writes);
            prop_assert_eq!(
                s.balance,
                s.earned + s.bonus + s.granted - s.taken_back - s.redeemed - s.expired
            );
            let after = db.service.points_summary(c, then, 0).unwrap();
            prop_assert!(after.expired >= s.expired);
            let lines = db.service.points_statement(c, None, then).unwrap();
            let mut running = 0;
            for l in &lines {
                running += l.points;
                prop_assert_eq!(l.balance, running);
            }
            prop_assert_eq!(running, after.balance);
        }
    }
}

#[test]
fn a_redemption_beyond_the_balance_is_refused_with_the_balance() {
    let db = seeded();
    db.import_ok(
        Kind::Orders,
        "order_id,customer_id,ordered_at,amount\nO1,K1,2026-01-05,120.50\n",
    );
    let c = db.service.resolve(&key(1)).unwrap();
    let err = db.service.redeem_points(c, 121, "gift", None).unwrap_err();
    assert!(err.to_string().contains("only 120 points"), "{err}");
    // What the person saw is no longer the balance: refused, nothing written.
    let err = db
        .service
        .redeem_points(c, 20, "gift", Some(100))
        .unwrap_err();
    assert!(
        err.to_string().contains("changed since you looked"),
        "{err}"
    );
    db.service.redeem_points(c, 120, "gift", Some(120)).unwrap();
    let now = chrono::Utc::now().timestamp_millis();
    assert_eq!(db.service.points_summary(c, now, 0).unwrap().balance, 0);
    // A refund of the order now takes back points already spent: shown below zero.
    db.import_ok(
        Kind::Orders,
        "order_id,customer_id,ordered_at,amount\nO2,K1,2026-01-06,-120.50\n",
    );
    let s = db.service.points_summary(c, now, 10).unwrap();
    assert_eq!(s.balance, -120);
    assert_eq!(s.taken_back, 120);
}

#[test]
fn rules_from_the_settings_multiply_give_bonuses_and_expire() {
    let db = TestDb::new();
    db.import_ok(
        Kind::Customers,
        "customer_id,name,birthday,referred_by\nA,Ann,1990-03-04,\nB,Bo,,A\n",
    );
    for (key, value) in [
        ("points.category_multipliers", "equipment:2"),
        ("points.referral_bonus", "50"),
        ("points.birthday_bonus", "30"),
        ("points.expiry_months", "6"),
    ] {
        db.service.set_team_setting(key, Some(value)).unwrap();
    }
    db.import_ok(
        Kind::Orders,
        "order_id,customer_id,ordered_at,amount,category\n\
         O1,A,2026-03-04T10:00:00Z,100.00,equipment\n\
         O2,A,2026-03-04T12:00:00Z,10.00,tea\n\
         O3,B,2026-04-01T10:00:00Z,10.00,tea\n",
    );
    let a = db
        .service
        .resolve(&CustomerKey::External("A".into()))
        .unwrap();
    let at = |text: &str| {
        chrono::DateTime::parse_from_rfc3339(text)
            .unwrap()
            .timestamp_millis()
    };
    // 200 (doubled) + 10 + 30 (birthday, once that day) + 50 (B's first order).
    let s = db
        .service
        .points_summary(a, at("2026-05-01T00:00:00Z"), 10)
        .unwrap();
    assert_eq!(s.balance, 290);
    assert_eq!((s.earned, s.bonus), (210, 80));
    assert_eq!(s.tier.as_deref(), Some("bronze"));
    // Six months after each was earned, oldest first.
    let s = db
        .service
        .points_summary(a, at("2026-09-10T00:00:00Z"), 10)
        .unwrap();
    assert_eq!((s.balance, s.expired), (50, 240));
    let s = db
        .service
        .points_summary(a, at("2026-10-02T00:00:00Z"), 10)
        .unwrap();
    assert_eq!((s.balance, s.expired), (0, 290));
    let expiring = db
        .service
        .points_expiring(at("2026-08-20T00:00:00Z"), 30)
        .unwrap();
    assert_eq!(expiring.len(), 1);
    assert_eq!(expiring[0].expiring, 240);
}

#[test]
fn the_ledger_moves_to_another_system_and_back_without_counting_twice() {
    let db = seeded();
    db.import_ok(
        Kind::Orders,
        "order_id,customer_id,ordered_at,amount\nO1,K1,2026-01-05,300.00\n",
    );
    let c = db.service.resolve(&key(1)).unwrap();
    db.service.redeem_points(c, 100, "gift box", None).unwrap();
    db.service.grant_points(c, 40, "late parcel", None).unwrap();
    let rows = db.service.points_export().unwrap();
    assert_eq!(rows.len(), 2);
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in &rows {
        w.serialize(r).unwrap();
    }
    let text = String::from_utf8(w.into_inner().unwrap()).unwrap();
    assert_eq!(
        db.service.points_import(&text, false, "p.csv").unwrap(),
        (0, 2)
    );
    // Into a fresh database: the same balance.
    let other = seeded();
    other.import_ok(
        Kind::Orders,
        "order_id,customer_id,ordered_at,amount\nO1,K1,2026-01-05,300.00\n",
    );
    assert_eq!(
        other.service.points_import(&text, false, "p.csv").unwrap(),
        (2, 0)
    );
    let now = chrono::Utc::now().timestamp_millis();
    let oc = other.service.resolve(&key(1)).unwrap();
    assert_eq!(
        other.service.points_summary(oc, now, 0).unwrap().balance,
        240
    );
    // A bad row names its line and field, and nothing is written.
    let bad = format!("{text}PT-9,K9,2026-01-01T00:00:00Z,granted,5,x,y\n");
    let Err(loyal::service::ServiceError::Rejected(errors)) =
        other.service.points_import(&bad, false, "p.csv")
    else {
        panic!("refused");
    };
    assert_eq!(
        (errors[0].line, errors[0].field.as_str()),
        (4, "customer_id")
    );
}

/// The command line end to end: show, redeem (and its refusal), statement, the report's
/// liability in JSON and CSV.
#[test]
fn the_points_commands_show_redeem_and_report_the_liability() {
    use common::cli::{Cli, path};
    let cli = Cli::new();
    let customers = cli.file("c.csv", "customer_id,name\nA,Ann\nB,Bo\n");
    let orders = cli.file(
        "o.csv",
        "order_id,customer_id,ordered_at,amount\nO1,A,2026-01-05,250.00\nO2,B,2026-02-05,99.99\nO3,B,2026-03-05,-20.00\n",
    );
    cli.ok(&["import", "customers", path(&customers)]);
    cli.ok(&["import", "orders", path(&orders)]);
    let shown: serde_json::Value =
        serde_json::from_str(&cli.ok(&["points", "show", "A", "--format", "json"])).unwrap();
    assert_eq!(shown["balance"], 250);
    assert_eq!(shown["tier"], "bronze");
    let said = cli.fails(&["points", "redeem", "A", "300", "--reason", "gift"]);
    assert!(said.contains("only 250 points"), "{said}");
    let said = cli.ok(&["points", "redeem", "A", "200", "--reason", "gift box"]);
    assert!(said.contains("balance now 50"), "{said}");
    let statement = cli.ok(&["points", "statement", "A", "--format", "csv"]);
    assert_eq!(statement.lines().count(), 3, "{statement}");
    assert!(statement.lines().nth(2).unwrap().contains("gift box"));
    // B: 99 earned, 20 taken back: 79. A: 50. The worth at 0.01 a point.
    let report: serde_json::Value =
        serde_json::from_str(&cli.ok(&["report", "points", "--format", "json"])).unwrap();
    assert_eq!(report["outstanding"], 129);
    assert_eq!(report["value"], "1.29");
    assert_eq!(report["customers"], 2);
    let csv = cli.ok(&["report", "points", "--format", "csv"]);
    assert!(
        csv.starts_with("period_start,earned,taken_back,bonus,granted,redeemed,expired"),
        "{csv}"
    );
}

/// Rolling back the import that created a customer keeps the file when points were granted
/// or redeemed on it: the ledger never names a customer that is gone.
#[test]
fn a_rollback_keeps_a_file_the_ledger_names() {
    use common::cli::{Cli, path};
    let cli = Cli::new();
    let customers = cli.file("c.csv", "customer_id,name\nNEW,New Customer\nOTHER,Other\n");
    cli.ok(&["import", "customers", path(&customers)]);
    cli.ok(&["points", "grant", "NEW", "10", "--reason", "welcome"]);
    let imports: serde_json::Value =
        serde_json::from_str(&cli.ok(&["imports", "--format", "json"])).unwrap();
    let id = imports[0]["id"]
        .as_u64()
        .expect("an import run")
        .to_string();
    cli.ok(&["imports", "rollback", &id]);
    // OTHER went with the rollback; NEW stays, with its ledger line.
    cli.fails(&["points", "show", "OTHER"]);
    let shown: serde_json::Value =
        serde_json::from_str(&cli.ok(&["points", "show", "NEW", "--format", "json"])).unwrap();
    assert_eq!(shown["balance"], 10);
    let export = cli.ok(&["points", "export"]);
    assert!(export.lines().nth(1).unwrap().contains(",NEW,"), "{export}");
}
