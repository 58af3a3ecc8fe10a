//! Workbench speed at scale: time to the first frame, frame render time, and keystroke to
//! frame in quick lookup, driving the real `App` through its event handling into a
//! `TestBackend`. Run with
//! `cargo bench --bench tui -- [--db PATH] [--keys N]` (default: the 1M-customer database the
//! `scale` bench builds in `target/bench-data/c1000000-o10000000`).

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use loyal::service::Service;
use loyal::store::StoreOptions;
use loyal::tui::keymap::Keymap;
use loyal::tui::theme::Theme;
use loyal::tui::{App, AppOptions, Clock};
use rand::{Rng, SeedableRng};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn report(label: &str, mut samples: Vec<Duration>) {
    samples.sort();
    println!(
        "{label:<34} n={:<6} median {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms",
        samples.len(),
        percentile(&samples, 0.5),
        percentile(&samples, 0.99),
        samples.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    );
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let mut db = std::path::PathBuf::from("target/bench-data/c1000000-o10000000/bench.redb");
    let mut keys = 2000usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--db" => db = args.next().expect("--db PATH").into(),
            "--keys" => keys = args.next().and_then(|n| n.parse().ok()).expect("--keys N"),
            _ => {}
        }
    }
    assert!(
        db.exists(),
        "{} missing: run `cargo bench --bench scale -- --customers 1000000 --orders 10000000` first",
        db.display()
    );
    let options = StoreOptions {
        cache_bytes: 64 << 20,
        staff: "bench".into(),
        os_user: "bench".into(),
        create: true,
    };
    let start = Instant::now();
    let service = Service::open(&db, &options).expect("open");
    let opened = start.elapsed();
    let mut app = App::new(
        Arc::new(service),
        AppOptions {
            keymap: Keymap::default_map(),
            theme: Theme::from_env(),
            clock: Clock::system(),
            notes: Vec::new(),
            mouse: true,
            alerts: Default::default(),
        },
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal.draw(|f| app.draw(f)).expect("draw");
    let first_frame = start.elapsed();
    println!(
        "database {}: {} customers",
        db.display(),
        app.panes.customers.total
    );
    println!(
        "first frame                        {:>7.1} ms (open {:.1} ms)",
        first_frame.as_secs_f64() * 1000.0,
        opened.as_secs_f64() * 1000.0
    );
    let mut frames = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        terminal.draw(|f| app.draw(f)).expect("draw");
        frames.push(t.elapsed());
    }
    report("frame, customers (scoring running)", frames);
    let t = Instant::now();
    app.settle();
    println!(
        "roster, agenda, queue in background {:>7.1} ms after the first frame",
        t.elapsed().as_secs_f64() * 1000.0
    );
    let mut frames = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        terminal.draw(|f| app.draw(f)).expect("draw");
        frames.push(t.elapsed());
    }
    report("frame, customers (scored)", frames);
    let mut moves = Vec::new();
    for i in 0..200 {
        let code = if i % 20 == 19 {
            KeyCode::PageDown
        } else {
            KeyCode::Char('j')
        };
        let t = Instant::now();
        app.handle_event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
        terminal.draw(|f| app.draw(f)).expect("draw");
        moves.push(t.elapsed());
    }
    report("key to frame, moving in the table", moves);
    // Queries: last four phone digits and name prefixes of random customers.
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
    let total = app.panes.customers.total.max(1);
    let mut queries: Vec<String> = Vec::new();
    while queries.len() * 5 < keys {
        let id = rng.random_range(1..=total);
        let Ok(summaries) = app.service().summaries(&[id]) else {
            continue;
        };
        let Some(Some(s)) = summaries.into_iter().next() else {
            continue;
        };
        let digits: String = s
            .phones
            .first()
            .map(|p| p.chars().filter(char::is_ascii_digit).collect())
            .unwrap_or_default();
        if digits.len() >= 4 {
            queries.push(digits[digits.len() - 4..].to_string());
        }
        queries.push(s.name.chars().take(3).collect());
    }
    let mut strokes = Vec::new();
    let mut typed = 0;
    for query in &queries {
        app.handle_event(Event::Key(KeyEvent::new(
            KeyCode::Char('/'),
            KeyModifiers::NONE,
        )));
        for c in query.chars() {
            let t = Instant::now();
            app.handle_event(Event::Key(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
            terminal.draw(|f| app.draw(f)).expect("draw");
            strokes.push(t.elapsed());
            typed += 1;
        }
        app.handle_event(Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
        if typed >= keys {
            break;
        }
    }
    report("key to frame, quick lookup", strokes);
    let mut cards = Vec::new();
    for _ in 0..100 {
        let id = rng.random_range(1..=total);
        let t = Instant::now();
        app.open_card(id);
        terminal.draw(|f| app.draw(f)).expect("draw");
        cards.push(t.elapsed());
        app.handle_event(Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
    }
    report("open a card and draw it", cards);
    println!(
        "peak RSS                           {:>7.1} MB",
        peak_rss_mb()
    );
}
