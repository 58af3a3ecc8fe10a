//! Canned-answer search latency: what one keystroke in the workbench's answer picker costs
//! (the picker searches on the screen's thread, as the lookup box does).
//!
//! `cargo bench --bench answers -- [--sizes 100,1000,5000] [--rounds 50]`
//!
//! For each size, a fresh database gets that many answers (half Chinese, half English titles
//! and texts of about 150 characters). Timed: opening the picker (reading the library and
//! building its keys, `open`), then each query once untimed and `--rounds` times timed, as the
//! picker runs it on every key (`AnswerIndex::search`, `key`) and as `loyal answers search`
//! runs it (`Service::search_answers`: read, keys, search; `cli`). Prints tab-separated lines
//! `answers<TAB>size<TAB>what<TAB>query<TAB>median ms<TAB>p99 ms<TAB>max ms<TAB>hits`.

use loyal::domain::NewAnswer;
use loyal::search::AnswerIndex;
use loyal::service::Service;
use loyal::store::StoreOptions;
use loyal::transfer::Lined;
use std::time::{Duration, Instant};

const ZH: &[&str] = &[
    "退款", "物流", "发票", "致歉", "生日", "付款", "换货", "维修", "会员", "积分", "优惠", "投诉",
    "配送", "安装", "保修", "续订",
];
const EN: &[&str] = &[
    "refund",
    "delivery",
    "invoice",
    "apology",
    "birthday",
    "payment",
    "exchange",
    "repair",
    "member",
    "points",
    "discount",
    "complaint",
    "shipping",
    "install",
    "warranty",
    "renewal",
];
const QUERIES: &[&str] = &[
    "tk", "tuikuan", "退款", "refund", "delivry", "fp", "warr", "xyzzy",
];

fn percentile_ms(sorted: &[Duration], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize].as_secs_f64() * 1000.0
}

fn library(n: usize) -> Vec<Lined<NewAnswer>> {
    (0..n)
        .map(|i| {
            let (a, b) = (i % 16, (i / 16) % 16);
            let value = if i % 2 == 0 {
                NewAnswer {
                    title: format!("{}{}流程 {i}", ZH[a], ZH[b]),
                    text: format!(
                        "{{name}}您好，关于{}和{}的问题，我们已经受理，会在{{due}}前给您答复。{}",
                        ZH[a],
                        ZH[b],
                        "感谢您的耐心等待，如有任何疑问请随时联系我们。".repeat(3)
                    ),
                    tags: vec![ZH[a].into(), ZH[b].into()],
                    ..Default::default()
                }
            } else {
                NewAnswer {
                    title: format!("{} and {} steps {i}", EN[a], EN[b]),
                    text: format!(
                        "Dear {{name}}, about your {} and {}: we have it in hand and will answer by {{due}}. {}",
                        EN[a],
                        EN[b],
                        "Thank you for your patience; write to us any time. ".repeat(2)
                    ),
                    tags: vec![EN[a].into(), EN[b].into()],
                    ..Default::default()
                }
            };
            Lined {
                line: i as u64 + 2,
                value,
            }
        })
        .collect()
}

fn main() {
    let mut sizes = vec![100usize, 1000, 5000];
    let mut rounds = 50usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--sizes" => {
                sizes = args
                    .next()
                    .expect("--sizes N,N")
                    .split(',')
                    .map(|n| n.parse().expect("a size"))
                    .collect()
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
    for size in sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        let service =
            Service::open(&dir.path().join("answers.redb"), &StoreOptions::creating()).expect("db");
        service
            .import_answers(&library(size), Vec::new(), false)
            .expect("import");
        let print = |what: &str, query: &str, times: &mut Vec<Duration>, hits: usize| {
            times.sort();
            println!(
                "answers\t{size}\t{what}\t{query}\t{:.3}\t{:.3}\t{:.3}\t{hits}",
                percentile_ms(times, 0.5),
                percentile_ms(times, 0.99),
                percentile_ms(times, 1.0),
            );
        };
        let open = || AnswerIndex::new(service.search_answers("", usize::MAX).expect("read"));
        let index = open();
        let mut times: Vec<Duration> = (0..rounds.min(10))
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(open());
                start.elapsed()
            })
            .collect();
        print("open", "-", &mut times, index.len());
        for query in QUERIES {
            let hits = index.search(query).len().min(12);
            let mut times: Vec<Duration> = (0..rounds)
                .map(|_| {
                    let start = Instant::now();
                    let found: Vec<_> = index.search(query).into_iter().take(12).collect();
                    std::hint::black_box(found);
                    start.elapsed()
                })
                .collect();
            print("key", query, &mut times, hits);
            let mut times: Vec<Duration> = (0..rounds.min(10))
                .map(|_| {
                    let start = Instant::now();
                    std::hint::black_box(service.search_answers(query, 12).expect("search"));
                    start.elapsed()
                })
                .collect();
            print("cli", query, &mut times, hits);
        }
    }
}
