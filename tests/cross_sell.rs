//! `loyal report cross-sell`: rules counted over customers' baskets, as JSON, CSV and table.

mod common;

use common::cli::{Cli, path};

/// Machine buyers take beans and filters; tea buyers do not.
const BASKETS: [&str; 6] = [
    "espresso machine; beans; filters",
    "espresso machine; beans",
    "espresso machine; beans; filters",
    "beans",
    "tea",
    "tea; beans",
];

#[test]
fn the_report_counts_what_buyers_of_one_thing_also_buy() {
    let cli = Cli::new();
    let mut customers = String::from("customer_id,name\n");
    let mut orders = String::from("order_id,customer_id,ordered_at,amount,items,category\n");
    for (i, basket) in BASKETS.iter().enumerate() {
        customers.push_str(&format!("C{i},Customer {i}\n"));
        for (j, item) in basket.split("; ").enumerate() {
            orders.push_str(&format!(
                "O{i}-{j},C{i},2026-0{}-01,10.00,{item},shop\n",
                j + 1
            ));
        }
    }
    // A customer without items has no basket.
    customers.push_str("C9,Customer 9\n");
    orders.push_str("O9,C9,2026-01-01,5.00,,\n");
    cli.ok(&["import", "customers", path(&cli.file("c.csv", &customers))]);
    cli.ok(&["import", "orders", path(&cli.file("o.csv", &orders))]);

    let out = cli.ok(&[
        "report",
        "cross-sell",
        "--min-support",
        "0",
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(report["customers"], 6);
    let rules = report["rules"].as_array().expect("rules");
    let rule = |from: &str, to: &str| {
        rules
            .iter()
            .find(|r| r["from"] == from && r["to"] == to)
            .unwrap_or_else(|| panic!("no rule {from} -> {to}: {rules:?}"))
    };
    let machine_filters = rule("espresso machine", "filters");
    assert_eq!(machine_filters["customers"], 2);
    let number = |v: &serde_json::Value| v.as_f64().expect("number");
    assert!((number(&machine_filters["confidence"]) - 2.0 / 3.0).abs() < 1e-9);
    // 2 of 3 machine buyers against 2 of 6 customers: lift 2.
    assert!((number(&machine_filters["lift"]) - 2.0).abs() < 1e-9);
    assert!((number(&rule("espresso machine", "beans")["lift"]) - 1.2).abs() < 1e-9);
    let lifts: Vec<f64> = rules.iter().map(|r| number(&r["lift"])).collect();
    assert!(lifts.windows(2).all(|w| w[0] >= w[1]), "{lifts:?}");

    // The default minimum support of 1% keeps every pair here; 0.5 keeps those of 3 buyers.
    let strong = cli.ok(&[
        "report",
        "cross-sell",
        "--min-support",
        "0.5",
        "--format",
        "csv",
    ]);
    assert_eq!(
        strong,
        "from,to,customers,support,confidence,lift\n\
         espresso machine,beans,3,0.5000,1.0000,1.2000\n\
         beans,espresso machine,3,0.5000,0.6000,1.2000\n"
    );
    let by_category = cli.ok(&[
        "report",
        "cross-sell",
        "--of",
        "category",
        "--format",
        "csv",
    ]);
    assert_eq!(by_category, "from,to,customers,support,confidence,lift\n");
    let table = cli.ok(&["report", "cross-sell"]);
    assert!(table.contains("6 customers with items"), "{table}");

    let refused = cli.fails(&["report", "values", "--min-support", "0.1"]);
    assert!(
        refused.contains("go with the cross-sell report"),
        "{refused}"
    );
    let bad = cli.fails(&["report", "cross-sell", "--min-support", "2"]);
    assert!(bad.contains("between 0 and 1"), "{bad}");
}

/// The card's suggestions: what the buyers of this customer's things buy and they have not,
/// best first; their own orders are read fresh, so what they just bought is not offered.
#[test]
fn a_machine_buyer_is_offered_beans_then_filters() {
    use loyal::service::CustomerKey;
    use loyal::transfer::Kind;
    let db = common::TestDb::new();
    let mut customers = String::from("customer_id,name\n");
    let mut orders = String::from("order_id,customer_id,ordered_at,amount,items\n");
    // The baskets of the report's test, and a machine buyer with nothing else yet.
    for (i, basket) in BASKETS.iter().chain(&["espresso machine"]).enumerate() {
        customers.push_str(&format!("C{i},Customer {i}\n"));
        orders.push_str(&format!(
            "O{i},C{i},2026-01-01,10.00,\"{}\"\n",
            basket.replace("; ", ";")
        ));
    }
    db.import_ok(Kind::Customers, &customers);
    db.import_ok(Kind::Orders, &orders);
    let id = db
        .service
        .resolve(&CustomerKey::External("C6".into()))
        .expect("C6");
    let found = db.service.suggestions(id, 3).expect("suggestions");
    let things: Vec<&str> = found.iter().map(|s| s.thing.as_str()).collect();
    assert_eq!(things, ["beans", "filters"]);
    assert_eq!(found[0].because, "espresso machine");
    // 3 of the 4 machine buyers took beans; 2 of 4 filters.
    assert!((found[0].confidence - 0.75).abs() < 1e-9);
    assert!((found[1].confidence - 0.5).abs() < 1e-9);
    // Tea is bought by fewer machine buyers than by customers at large: never offered.
    assert!(!things.contains(&"tea"));
    db.import_ok(
        Kind::Orders,
        "order_id,customer_id,ordered_at,amount,items\nO7,C6,2026-02-01,10.00,beans\n",
    );
    let found = db.service.suggestions(id, 3).expect("suggestions");
    let things: Vec<&str> = found.iter().map(|s| s.thing.as_str()).collect();
    assert_eq!(things, ["filters"]);
}
