//! Scale benchmark: generate a data set, import it through the same path as `loyal import`,
//! and time lookups of every kind against the result.
//!
//! `cargo bench --bench scale -- [--customers N] [--orders M] [--queries Q] [--dir DIR]`
//! (defaults: 1,000,000 customers, 1,000,000 orders, 2,000 queries per kind,
//! `target/bench-data`; `--cache-mb MB` sets the page cache, default 64). Prints rates, file size per customer and latency percentiles.

use loyal::service::{ImportOptions, Service};
use loyal::store::StoreOptions;
use loyal::transfer::{self, Format, Kind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

struct Args {
    customers: u64,
    orders: u64,
    queries: usize,
    cache_mb: usize,
    reuse: bool,
    dir: PathBuf,
}

fn args() -> Args {
    let mut args = Args {
        customers: 1_000_000,
        orders: 1_000_000,
        queries: 2_000,
        cache_mb: 64,
        reuse: false,
        dir: PathBuf::from("target/bench-data"),
    };
    let list: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < list.len() {
        let value = list.get(i + 1).cloned().unwrap_or_default();
        match list[i].as_str() {
            "--customers" => args.customers = value.parse().expect("--customers N"),
            "--orders" => args.orders = value.parse().expect("--orders M"),
            "--queries" => args.queries = value.parse().expect("--queries Q"),
            "--cache-mb" => args.cache_mb = value.parse().expect("--cache-mb MB"),
            "--dir" => args.dir = PathBuf::from(value),
            "--reuse" => {
                args.reuse = true;
                i += 1;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    args
}

fn import(service: &Service, dir: &Path, kind: Kind) -> (u64, Duration, Duration) {
    let start = Instant::now();
    let file = std::fs::File::open(dir.join(format!("{}.csv", kind.label()))).expect("data file");
    let table = transfer::read_table(file, Format::Csv, kind).expect("well-formed");
    let rows = table.rows.len() as u64;
    let mut quiet = |_: u64, _: u64| {};
    let opts = ImportOptions::default();
    let parse_time;
    let write_start;
    match kind {
        Kind::Customers => {
            let p = transfer::parse_customers(table);
            parse_time = start.elapsed();
            write_start = Instant::now();
            service
                .import_customers(p.inputs, p.errors, opts, &mut quiet)
                .expect("import");
        }
        Kind::Orders => {
            let p = transfer::parse_orders(table);
            parse_time = start.elapsed();
            write_start = Instant::now();
            service
                .import_orders(p.inputs, p.errors, opts, &mut quiet)
                .expect("import");
        }
        _ => unreachable!("only customers and orders are timed"),
    }
    (rows, parse_time, write_start.elapsed())
}

/// Makes a query from a customer the way a caller would say it; `None` when it does not apply.
type QueryMaker = Box<dyn Fn(&loyal::domain::Customer) -> Option<String>>;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let args = args();
    let data = args
        .dir
        .join(format!("c{}-o{}", args.customers, args.orders));
    if !data.join("orders.csv").exists() {
        let started = Instant::now();
        let spec = loyal::generate::GenArgs {
            customers: args.customers,
            orders: args.orders,
            seed: 1,
            end: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
            out: data.clone(),
            buyers: 0.88,
            skew: 1.2,
        };
        loyal::generate::run(&spec).expect("generate");
        println!("generated data in {:.1?}", started.elapsed());
    }
    let db_path = data.join("bench.redb");
    let reuse = args.reuse && db_path.exists();
    if !reuse {
        let _ = std::fs::remove_file(&db_path);
    }
    let options = StoreOptions {
        cache_bytes: args.cache_mb << 20,
        ..StoreOptions::creating()
    };
    let service = Service::open(&db_path, &options).expect("open");
    println!("page cache {} MiB", args.cache_mb);
    if reuse {
        println!("reusing {} (no import)", db_path.display());
    } else {
        import_all(&service, &data, &db_path);
    }

    // Rescoring: every customer from the maintained aggregates (as of today), then as of a
    // date inside the history (customers with later orders read their order index).
    let today = loyal::service::ScoreOptions::default();
    let mut runs = Vec::new();
    let mut scored = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let table = service.score(&today).expect("score");
        runs.push(t.elapsed());
        scored = table.scores.iter().filter(|s| s.rfm.is_some()).count();
    }
    runs.sort_unstable();
    println!(
        "rescore all customers as of today: median {:.0?} (best {:.0?}, worst {:.0?}) over 5 runs; {scored} scored",
        runs[2], runs[0], runs[4]
    );
    let t = Instant::now();
    let (_, rows) = service.rfm_report(&today, None).expect("rfm");
    println!(
        "rfm report: scores and rows with external ids and names ({} rows): {:.0?}",
        rows.len(),
        t.elapsed()
    );
    let earlier = loyal::service::ScoreOptions {
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 6, 30),
        ..Default::default()
    };
    let t = Instant::now();
    let table = service.score(&earlier).expect("score");
    println!(
        "rescore as of 2026-06-30 (orders after it read from the index): {:.0?}; {} scored",
        t.elapsed(),
        table.scores.iter().filter(|s| s.rfm.is_some()).count()
    );

    // Query material from customers spread over the whole id range.
    let reader = service.test_store().read().expect("read");
    let count = reader.customer_count().expect("count");
    let step = (count / args.queries as u64).max(1);
    let mut sample = Vec::new();
    let mut after = None;
    while sample.len() < args.queries {
        let page = reader.customers_after(after, 1).expect("page");
        let Some(c) = page.into_iter().next() else {
            break;
        };
        after = Some(c.id + step - 1);
        sample.push(c);
    }
    drop(reader);
    let kinds: Vec<(&str, QueryMaker)> = vec![
        (
            "phone last 4",
            Box::new(|c| {
                let d = loyal::search::phone_digits(c.phones.first()?);
                Some(d[d.len().saturating_sub(4)..].to_string())
            }),
        ),
        ("phone as typed", Box::new(|c| c.phones.first().cloned())),
        (
            "name prefix (3)",
            Box::new(|c| Some(loyal::search::compact(&c.name).chars().take(3).collect())),
        ),
        ("full name", Box::new(|c| Some(c.name.clone()))),
        (
            "pinyin full",
            Box::new(|c| loyal::search::pinyin_forms(&c.name).map(|p| p.0)),
        ),
        (
            "pinyin initials",
            Box::new(|c| loyal::search::pinyin_forms(&c.name).map(|p| p.1)),
        ),
        (
            "name with typo",
            Box::new(|c| {
                let word = loyal::search::words(&c.name)
                    .into_iter()
                    .find(|w| w.len() >= 5 && w.is_ascii())?;
                let mut b = word.into_bytes();
                b.swap(1, 2);
                String::from_utf8(b).ok()
            }),
        ),
        (
            "family name first",
            Box::new(|c| {
                let words: Vec<String> = loyal::search::words(&c.name);
                (words.len() == 2 && words.iter().all(|w| w.is_ascii()))
                    .then(|| format!("{} {}", words[1], words[0]))
            }),
        ),
        ("external id", Box::new(|c| Some(c.external_id.clone()))),
    ];
    println!(
        "\nlookup latency over {} customers (limit 10, one read transaction per lookup):",
        count
    );
    println!(
        "{:<18} {:>7} {:>10} {:>10} {:>10} {:>9}",
        "query kind", "queries", "median", "p99", "max", "avg hits"
    );
    for (label, make) in &kinds {
        let queries: Vec<String> = sample.iter().filter_map(make).collect();
        let mut times = Vec::with_capacity(queries.len());
        let mut hits = 0usize;
        for q in &queries {
            let t = Instant::now();
            hits += service.lookup(q, 10).expect("lookup").len();
            times.push(t.elapsed());
        }
        times.sort_unstable();
        println!(
            "{label:<18} {:>7} {:>10.3?} {:>10.3?} {:>10.3?} {:>9.1}",
            times.len(),
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            times.last().copied().unwrap_or_default(),
            hits as f64 / times.len().max(1) as f64
        );
    }
}

/// Imports customers then orders, printing rates and space use.
fn import_all(service: &Service, data: &Path, db_path: &Path) {
    let (rows, parse, write) = import(service, data, Kind::Customers);
    let customer_bytes = service.test_store().space().expect("space").allocated_bytes;
    println!(
        "import customers: {rows} rows, read+parse {parse:.2?}, write {write:.2?} => {:.0} rows/s overall",
        rows as f64 / (parse + write).as_secs_f64()
    );
    println!(
        "pages in use after customers: {:.1} MiB = {:.0} bytes per customer (record + all lookup indexes)",
        customer_bytes as f64 / 1_048_576.0,
        customer_bytes as f64 / rows as f64
    );
    let (orders, parse, write) = import(service, data, Kind::Orders);
    let space = service.test_store().space().expect("space");
    let total_bytes = space.allocated_bytes;
    println!(
        "import orders: {orders} rows, read+parse {parse:.2?}, write {write:.2?} => {:.0} rows/s overall",
        orders as f64 / (parse + write).as_secs_f64()
    );
    println!(
        "pages in use after orders: {:.1} MiB = {:.0} bytes per order; file {:.1} MiB; {:.1} MiB data, {:.1} metadata, {:.1} free inside pages",
        total_bytes as f64 / 1_048_576.0,
        (total_bytes - customer_bytes) as f64 / orders as f64,
        std::fs::metadata(db_path).map(|m| m.len()).unwrap_or(0) as f64 / 1_048_576.0,
        space.stored_bytes as f64 / 1_048_576.0,
        space.metadata_bytes as f64 / 1_048_576.0,
        space.fragmented_bytes as f64 / 1_048_576.0,
    );
}
