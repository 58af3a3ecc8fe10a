//! In-process lookup latency over a list of queries, for `benches/compare.sh`: the same query
//! file is timed against SQLite by `benches/compare/peers.py`.
//!
//! `cargo bench --bench lookup -- --db PATH --queries FILE [--limit N] [--rounds N] [--cache-mb MB]`
//! (the page cache defaults to 64 MiB, as `loyal` itself).
//!
//! FILE holds one `kind<TAB>query` per line. Every query runs once untimed (warm cache), then
//! `--rounds` times timed (default 1). Prints one tab-separated line per kind:
//! `lookup<TAB>kind<TAB>queries<TAB>median ms<TAB>p99 ms<TAB>max ms<TAB>average hits`.

use loyal::service::Service;
use loyal::store::StoreOptions;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

fn percentile_ms(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize].as_secs_f64() * 1000.0
}

fn main() {
    let mut db = None;
    let mut queries = None;
    let mut limit = 10usize;
    let mut rounds = 1usize;
    let mut cache_mb = 64usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--db" => db = args.next(),
            "--queries" => queries = args.next(),
            "--limit" => limit = args.next().and_then(|n| n.parse().ok()).expect("--limit N"),
            "--cache-mb" => {
                cache_mb = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--cache-mb MB")
            }
            "--rounds" => {
                rounds = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--rounds N")
            }
            _ => {}
        }
    }
    let db = db.expect("--db PATH");
    let text = std::fs::read_to_string(queries.expect("--queries FILE")).expect("query file");
    let mut by_kind: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for line in text.lines() {
        if let Some((kind, query)) = line.split_once('\t') {
            by_kind.entry(kind).or_default().push(query);
        }
    }
    let options = StoreOptions {
        cache_bytes: cache_mb << 20,
        ..StoreOptions::creating()
    };
    let service = Service::open(std::path::Path::new(&db), &options).expect("open");
    for list in by_kind.values() {
        for q in list {
            service.lookup(q, limit).expect("lookup");
        }
    }
    for (kind, list) in &by_kind {
        let mut times = Vec::with_capacity(list.len() * rounds);
        let mut hits = 0usize;
        for _ in 0..rounds {
            for q in list {
                let t = Instant::now();
                hits += service.lookup(q, limit).expect("lookup").len();
                times.push(t.elapsed());
            }
        }
        times.sort_unstable();
        println!(
            "lookup\t{kind}\t{}\t{:.4}\t{:.4}\t{:.4}\t{:.2}",
            times.len(),
            percentile_ms(&times, 0.5),
            percentile_ms(&times, 0.99),
            times.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0),
            hits as f64 / times.len().max(1) as f64
        );
    }
}
