//! How long a save waits while a big import runs in another process: the real `loyal import`
//! of N orders (or, with `--kind customers`, N new customer files) in a child process, while
//! this process logs a follow-up every 50 ms through the service, exactly as the workbench's
//! save does. Run with
//! `cargo bench --bench contention -- [--orders N] [--customers C] [--kind orders|customers]`.

use loyal::domain::{Channel, Direction, FollowUpKind};
use loyal::service::{CustomerKey, ImportOptions, NewFollowUp, Service};
use loyal::store::StoreOptions;
use loyal::transfer::{self, Format, Kind};
use std::io::Write;
use std::time::{Duration, Instant};

fn main() {
    let mut orders = 1_000_000usize;
    let mut customers = 10_000usize;
    let mut kind = String::from("orders");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--orders" => {
                orders = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--orders N")
            }
            "--kind" => kind = args.next().expect("--kind orders|customers"),
            "--customers" => {
                customers = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--customers N")
            }
            _ => {}
        }
    }
    let dir = std::path::PathBuf::from("target/bench-data/contention");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let db = dir.join("bench.redb");
    let options = StoreOptions {
        cache_bytes: 64 << 20,
        staff: "desk".into(),
        os_user: "desk".into(),
        create: true,
    };
    let service = Service::open(&db, &options).expect("open");
    let mut text = String::from("customer_id,name,phone\n");
    for i in 0..customers {
        text.push_str(&format!("C{i},Customer {i},+86 139{i:08}\n"));
    }
    let table = transfer::read_table(text.as_bytes(), Format::Csv, Kind::Customers).expect("csv");
    let parsed = transfer::parse_customers(table);
    service
        .import_customers(
            parsed.inputs,
            parsed.errors,
            ImportOptions::default(),
            &mut |_, _| {},
        )
        .expect("customers");
    let file = dir.join(format!("{kind}.csv"));
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file).expect("file"));
    if kind == "customers" {
        // New files with phones and names, as another system's export would have them.
        writeln!(out, "customer_id,name,phone,city").expect("write");
        for i in 0..orders {
            writeln!(out, "N{i},New Customer {i},+86 137{i:08},Hangzhou").expect("write");
        }
    } else {
        writeln!(out, "order_id,customer_id,ordered_at,amount").expect("write");
        for i in 0..orders {
            let day = 1 + i % 28;
            writeln!(
                out,
                "O{i},C{},2026-03-{day:02},{}.{:02}",
                i % customers,
                1 + i % 97,
                i % 100
            )
            .expect("write");
        }
    }
    drop(out);

    let save = |n: usize| {
        let t = Instant::now();
        service
            .log_followup(&NewFollowUp {
                customer: CustomerKey::External(format!("C{}", n % customers)),
                at: None,
                channel: Channel::Phone,
                direction: Direction::Inbound,
                kind: FollowUpKind::Service,
                staff: None,
                summary: "called during the import".into(),
                outcome: String::new(),
                satisfaction: None,
                next_contact: None,
            })
            .expect("save");
        t.elapsed()
    };
    let mut quiet: Vec<Duration> = (0..40).map(save).collect();
    quiet.sort();
    println!(
        "a save with nobody else writing: median {:.1} ms, worst {:.1} ms",
        quiet[quiet.len() / 2].as_secs_f64() * 1000.0,
        quiet[quiet.len() - 1].as_secs_f64() * 1000.0
    );
    let start = Instant::now();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_loyal"))
        .arg("--db")
        .arg(&db)
        .args(["import", kind.as_str()])
        .arg(&file)
        .env("LOYAL_CONFIG", dir.join("none.toml"))
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("spawn import");
    let mut waits: Vec<Duration> = Vec::new();
    let mut during = 0;
    loop {
        let running = child.try_wait().expect("child").is_none();
        waits.push(save(waits.len()));
        if running {
            during = waits.len();
        } else {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let import_time = start.elapsed();
    if std::env::var_os("CONTENTION_EACH").is_some() {
        let each: Vec<String> = waits
            .iter()
            .map(|w| format!("{:.0}", w.as_secs_f64() * 1e3))
            .collect();
        println!("each save (ms): {}", each.join(" "));
    }
    let mut sorted: Vec<Duration> = waits[..during.max(1)].to_vec();
    sorted.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let pick = |p: f64| ms(sorted[((sorted.len() - 1) as f64 * p).round() as usize]);
    println!(
        "import of {orders} {kind} in another process: {:.1} s; {} saves during it: median {:.1} ms, p99 {:.1} ms, worst {:.1} ms",
        import_time.as_secs_f64(),
        sorted.len(),
        pick(0.5),
        pick(0.99),
        sorted.last().map_or(0.0, |d| ms(*d))
    );
    let stats = service.stats().expect("stats");
    if kind == "customers" {
        assert_eq!(
            stats.customers as usize,
            customers + orders,
            "every file imported"
        );
    } else {
        assert_eq!(stats.orders as usize, orders, "every order imported");
    }
}
