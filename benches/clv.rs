//! How long lifetime value takes on a big database, by phase: reading every order from the
//! order index into purchase histories, fitting BG/NBD and Gamma-Gamma, and the per-customer
//! values (P(alive), expected purchases, spend, 12-month CLV); then `clv_report` as a whole.
//! Run on a database `benches/compare.sh` or the scale bench built:
//! `cargo bench --bench clv -- --db target/compare/L/loyal.redb [--end 2026-11-20] [--runs 3]`.

use chrono::{Datelike, NaiveDate};
use loyal::scoring::clv::{self, ClvTerms, History};
use loyal::service::{ClvOptions, LocalDates, Service};
use loyal::store::{Store, StoreOptions};
use std::time::Instant;

fn main() {
    let mut db = None;
    let mut end = NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
    let mut runs = 3;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--db" => db = args.next(),
            "--end" => {
                end = args
                    .next()
                    .and_then(|d| d.parse().ok())
                    .expect("--end YYYY-MM-DD")
            }
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).expect("--runs N"),
            _ => {}
        }
    }
    let Some(db) = db else {
        eprintln!("usage: cargo bench --bench clv -- --db FILE [--end YYYY-MM-DD] [--runs N]");
        return;
    };
    let options = StoreOptions::default();
    for run in 1..=runs {
        let store = Store::open(std::path::Path::new(&db), &options).expect("open");
        let t = Instant::now();
        let r = store.read().expect("read");
        let mut dates = LocalDates::default();
        let end_day = end.num_days_from_ce();
        let mut histories: Vec<History> = Vec::new();
        let mut orders: Vec<(i32, i64)> = Vec::new();
        let mut current = None;
        let mut orders_read = 0u64;
        for point in r.order_points().expect("orders") {
            let (customer, at, amount) = point.expect("order");
            orders_read += 1;
            if current != Some(customer) {
                histories.extend(History::from_orders(&mut orders, end_day));
                orders.clear();
                current = Some(customer);
            }
            orders.push((dates.date(at).num_days_from_ce(), amount.0));
        }
        histories.extend(History::from_orders(&mut orders, end_day));
        let read = t.elapsed();
        let t = Instant::now();
        let models = clv::fit(&histories).expect("fit");
        let fitted = t.elapsed();
        let t = Instant::now();
        let terms = ClvTerms::default();
        let mut total = 0.0;
        for h in &histories {
            total += models
                .value(h, 13.0, &terms)
                .expect("value")
                .clv
                .unwrap_or(0.0);
        }
        let valued = t.elapsed();
        drop(r);
        drop(store);
        let service = Service::open(std::path::Path::new(&db), &options).expect("service");
        let t = Instant::now();
        let report = service
            .clv_report(&ClvOptions {
                calibration_end: end,
                horizon_weeks: 13.0,
                months: 12,
                holdout_end: None,
            })
            .expect("report");
        let whole = t.elapsed();
        println!(
            "run {run}: {orders_read} orders -> {} histories in {:.2} s; fit {:.2} s (r {:.3} alpha {:.3} a {:.3} b {:.3}); values one thread {:.2} s (CLV total {total:.0}); clv_report (two threads for values) {:.2} s for {} customers",
            histories.len(),
            read.as_secs_f64(),
            fitted.as_secs_f64(),
            models.bgnbd.r,
            models.bgnbd.alpha,
            models.bgnbd.a,
            models.bgnbd.b,
            valued.as_secs_f64(),
            whole.as_secs_f64(),
            report.customers.len()
        );
    }
}
