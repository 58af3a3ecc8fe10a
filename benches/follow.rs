//! How soon the workbench's customers table shows a commit made by another process: the real
//! `App` (driven through its event-loop `tick`, as the terminal loop does) on a database of N
//! customers, while the real `loyal import` of one order or one follow-up for a random customer
//! runs in a child process. Timed from the child's exit (its commit is on disk) to the roster
//! row showing it (new segment inputs, stage, last contact) and the list sorted again. Also
//! times the parts on their own: one roster update after a one-customer commit, a full
//! rebuild, and listing a million rows sorted by name.
//!
//! `cargo bench --bench follow -- [--customers N] [--orders M] [--writes W]` (default 1,000,000
//! customers, 2,000,000 orders, 20 writes; the database is built once under
//! `target/bench-data/follow-cN-oM` with `loyal gen` and `loyal import`).

use loyal::service::{CustomerKey, Service};
use loyal::store::StoreOptions;
use loyal::tui::keymap::Keymap;
use loyal::tui::theme::Theme;
use loyal::tui::{App, AppOptions, Clock};
use rand::{Rng, SeedableRng};
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn loyal(db: &Path, args: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_loyal"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LOYAL_CONFIG", db.with_file_name("none.toml"))
        .stdout(std::process::Stdio::null())
        .status()
        .expect("run loyal");
    assert!(status.success(), "loyal {args:?} failed");
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn summary(label: &str, mut samples: Vec<Duration>) {
    samples.sort();
    if samples.is_empty() {
        return;
    }
    println!(
        "{label:<52} n={:<3} median {:>7.1} ms  worst {:>7.1} ms",
        samples.len(),
        ms(samples[samples.len() / 2]),
        ms(samples[samples.len() - 1])
    );
}

fn main() {
    let (mut customers, mut orders, mut writes) = (1_000_000u64, 2_000_000u64, 20usize);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = || args.next().and_then(|n| n.parse().ok());
        match arg.as_str() {
            "--customers" => customers = number().expect("--customers N"),
            "--orders" => orders = number().expect("--orders M"),
            "--writes" => writes = number().expect("--writes W") as usize,
            _ => {}
        }
    }
    let today = chrono::Local::now().date_naive();
    let dir = std::path::PathBuf::from(format!("target/bench-data/follow-c{customers}-o{orders}"));
    let db = dir.join("bench.redb");
    if !db.exists() {
        std::fs::create_dir_all(&dir).expect("dir");
        let t = Instant::now();
        let status = Command::new(env!("CARGO_BIN_EXE_loyal"))
            .args(["gen", "--seed", "1"])
            .args(["--customers", &customers.to_string()])
            .args(["--orders", &orders.to_string()])
            .args(["--end", &today.to_string()])
            .arg("--out")
            .arg(&dir)
            .stdout(std::process::Stdio::null())
            .status()
            .expect("gen");
        assert!(status.success());
        let partial = dir.join("building.redb");
        let _ = std::fs::remove_file(&partial);
        loyal(&partial, &["init"]);
        let csv = |name: &str| dir.join(name).display().to_string();
        loyal(&partial, &["import", "customers", &csv("customers.csv")]);
        loyal(&partial, &["import", "orders", &csv("orders.csv")]);
        std::fs::rename(&partial, &db).expect("rename");
        println!(
            "built {} in {:.1} s",
            db.display(),
            t.elapsed().as_secs_f64()
        );
    }

    let options = StoreOptions {
        cache_bytes: 64 << 20,
        staff: "desk".into(),
        os_user: "desk".into(),
        create: false,
    };
    let service = Arc::new(Service::open(&db, &options).expect("open"));
    let t = Instant::now();
    let mut app = App::new(
        Arc::clone(&service),
        AppOptions {
            keymap: Keymap::default_map(),
            theme: Theme::from_env(),
            clock: Clock::system(),
            notes: Vec::new(),
            mouse: false,
            alerts: Default::default(),
        },
    );
    app.settle();
    let roster = app.roster.clone().expect("a roster");
    println!(
        "{} customers; first roster and list in {:.0} ms",
        roster.rows.len(),
        ms(t.elapsed())
    );

    // The slowest order to keep: by name (the list is sorted again after every update).
    app.panes.customers.sort = Some(loyal::tui::panes::customers::SortKey::Name);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
    // Record ids unique to this run: a rerun on the same database adds, never repeats.
    let run = chrono::Utc::now().timestamp_millis();
    let mut seen = Vec::new();
    for w in 0..writes {
        let n = rng.random_range(0..customers);
        let external = format!("C-{:06}", n + 1);
        let Ok(id) = service.resolve(&CustomerKey::External(external.clone())) else {
            continue;
        };
        let before = app.roster.as_ref().and_then(|r| r.row(id).cloned());
        let (kind, text) = if w % 2 == 0 {
            (
                "orders",
                format!(
                    "order_id,customer_id,ordered_at,amount\nFOLLOW-{run}-{w},{external},{today},250000.00\n"
                ),
            )
        } else {
            (
                "followups",
                format!(
                    "followup_id,customer_id,at,channel,summary\nFOLLOW-{run}-{w},{external},{today}T08:00:00Z,phone,called back\n"
                ),
            )
        };
        let file = dir.join(format!("one-{kind}.csv"));
        std::fs::write(&file, text).expect("write");
        loyal(&db, &["import", kind, &file.display().to_string()]);
        let committed = Instant::now();
        let shows = |app: &App| {
            let row = app.roster.as_ref().and_then(|r| r.row(id));
            match (row, &before) {
                (Some(row), Some(before)) if kind == "orders" => {
                    row.orders.map(|o| o.count)
                        == before.orders.map_or(Some(1), |o| Some(o.count + 1))
                }
                (Some(row), Some(before)) => row.followups == before.followups + 1,
                _ => false,
            }
        };
        while !shows(&app) {
            app.tick();
            std::thread::sleep(Duration::from_millis(2));
            assert!(
                committed.elapsed() < Duration::from_secs(120),
                "never shown"
            );
        }
        let shown = committed.elapsed();
        // The list is sorted again from the new roster on the listing thread.
        app.settle();
        seen.push((kind, shown, committed.elapsed()));
    }
    for kind in ["orders", "followups"] {
        let of = |pick: fn(&(&str, Duration, Duration)) -> Duration| {
            seen.iter().filter(|s| s.0 == kind).map(pick).collect()
        };
        summary(&format!("commit -> roster shows it ({kind})"), of(|s| s.1));
        summary(
            &format!("commit -> roster and list by name ({kind})"),
            of(|s| s.2),
        );
    }

    // The parts alone.
    let options = loyal::service::ScoreOptions {
        as_of: Some(today),
        ..Default::default()
    };
    let mut previous = service.roster(&options).expect("roster");
    let mut updates = Vec::new();
    for w in 0..10 {
        let n = rng.random_range(0..customers);
        let file = dir.join("one-orders.csv");
        std::fs::write(
            &file,
            format!(
                "order_id,customer_id,ordered_at,amount\nPART-{run}-{w},C-{:06},{today},99.00\n",
                n + 1
            ),
        )
        .expect("write");
        loyal(&db, &["import", "orders", &file.display().to_string()]);
        let t = Instant::now();
        previous = service.roster_since(&previous, &options).expect("update");
        updates.push(t.elapsed());
    }
    summary("roster update after a one-order commit", updates);
    let t = Instant::now();
    let rebuilt = service.roster(&options).expect("roster");
    println!("{:<52} {:>7.0} ms", "full roster rebuild", ms(t.elapsed()));
    assert_eq!(rebuilt.rows.len(), previous.rows.len());
    let mut pane = loyal::tui::panes::customers::CustomersPane {
        sort: Some(loyal::tui::panes::customers::SortKey::Name),
        ..Default::default()
    };
    let listing = pane.listing();
    let t = Instant::now();
    let ids = listing.ids(&rebuilt);
    println!(
        "{:<52} {:>7.0} ms ({} rows)",
        "listing sorted by name",
        ms(t.elapsed()),
        ids.len()
    );
}
