//! Several `loyal` processes on one database at once: workers logging follow-ups and complaint
//! contacts while an import runs, and workers killed with SIGKILL mid-write. Every write a
//! process acknowledged must be there afterwards, the counts must add up, and the integrity
//! check must pass.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::time::Duration;

const WORKERS: usize = 6;
const WRITES: usize = 12;

fn loyal(db: &Path, config: &Path, args: &[String]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loyal"))
        .env("LOYAL_LANG", "en")
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LOYAL_CONFIG", config)
        .output()
        .expect("run loyal")
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

struct Setup {
    _dir: tempfile::TempDir,
    db: PathBuf,
    config: PathBuf,
    orders: PathBuf,
}

fn setup(order_rows: usize) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.redb");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "staff_name = \"setup\"\n").unwrap();
    let mut customers = String::from("customer_id,name\n");
    for w in 0..WORKERS {
        customers.push_str(&format!("W{w},Worker Customer {w}\n"));
    }
    let csv = dir.path().join("customers.csv");
    std::fs::write(&csv, customers).unwrap();
    assert!(loyal(&db, &config, &args(&["init"])).status.success());
    assert!(
        loyal(
            &db,
            &config,
            &args(&["import", "customers", csv.to_str().unwrap()])
        )
        .status
        .success()
    );
    for w in 0..WORKERS {
        let out = loyal(
            &db,
            &config,
            &args(&[
                "complaint",
                "open",
                &format!("W{w}"),
                "--description",
                "stress",
            ]),
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let mut orders = String::from("order_id,customer_id,ordered_at,amount\n");
    for i in 0..order_rows {
        orders.push_str(&format!(
            "O{i},W{},2026-01-{:02},{}.50\n",
            i % WORKERS,
            1 + i % 28,
            1 + i % 90
        ));
    }
    let orders_path = dir.path().join("orders.csv");
    std::fs::write(&orders_path, orders).unwrap();
    Setup {
        _dir: dir,
        db,
        config,
        orders: orders_path,
    }
}

/// The follow-up ids a worker's acknowledged `followup log` calls printed.
fn logged_id(out: &Output) -> Option<String> {
    let text = String::from_utf8_lossy(&out.stdout);
    text.split_whitespace()
        .nth(1)
        .filter(|id| id.starts_with("FU-"))
        .map(String::from)
}

fn count(db: &Path, config: &Path, kind: &str) -> usize {
    let out = loyal(db, config, &args(&["export", kind]));
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).lines().count() - 1
}

#[test]
fn workers_and_an_import_at_the_same_time_lose_nothing() {
    let s = Arc::new(setup(20_000));
    let import = {
        let s = Arc::clone(&s);
        std::thread::spawn(move || {
            loyal(
                &s.db,
                &s.config,
                &args(&["import", "orders", s.orders.to_str().unwrap()]),
            )
        })
    };
    let workers: Vec<_> = (0..WORKERS)
        .map(|w| {
            let s = Arc::clone(&s);
            std::thread::spawn(move || {
                let mut logged = Vec::new();
                let mut contacts = 0;
                for i in 0..WRITES {
                    let out = loyal(
                        &s.db,
                        &s.config,
                        &args(&[
                            "followup",
                            "log",
                            &format!("W{w}"),
                            "--summary",
                            &format!("call {i}"),
                        ]),
                    );
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                    logged.push(logged_id(&out).expect("follow-up id"));
                    if i % 3 == 0 {
                        let out = loyal(
                            &s.db,
                            &s.config,
                            &args(&["complaint", "contact", &format!("CM-{:06}", w + 1)]),
                        );
                        assert!(
                            out.status.success(),
                            "{}",
                            String::from_utf8_lossy(&out.stderr)
                        );
                        contacts += 1;
                    }
                }
                (logged, contacts)
            })
        })
        .collect();
    let results: Vec<(Vec<String>, u32)> = workers.into_iter().map(|h| h.join().unwrap()).collect();
    let import = import.join().unwrap();
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );

    let exported =
        String::from_utf8(loyal(&s.db, &s.config, &args(&["export", "followups"])).stdout).unwrap();
    let mut all_ids: Vec<&String> = results.iter().flat_map(|(ids, _)| ids).collect();
    for id in &all_ids {
        assert!(
            exported.contains(&format!("{id},")),
            "acknowledged {id} is missing"
        );
    }
    all_ids.sort();
    all_ids.dedup();
    assert_eq!(
        all_ids.len(),
        WORKERS * WRITES,
        "every write got its own id"
    );
    assert_eq!(count(&s.db, &s.config, "followups"), WORKERS * WRITES);
    assert_eq!(count(&s.db, &s.config, "orders"), 20_000);
    for (w, (_, contacts)) in results.iter().enumerate() {
        let shown = loyal(
            &s.db,
            &s.config,
            &args(&["complaint", "show", &format!("CM-{:06}", w + 1), "--json"]),
        );
        let view: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
        assert_eq!(
            view["complaint"]["contacts"].as_u64(),
            Some(u64::from(contacts + 1)),
            "complaint of W{w}"
        );
    }
    // The contact counts the store keeps agree with the records.
    let stats = String::from_utf8(loyal(&s.db, &s.config, &args(&["stats"])).stdout).unwrap();
    assert!(
        stats.contains(&format!("follow-ups {}", WORKERS * WRITES)),
        "{stats}"
    );
    let check = loyal(&s.db, &s.config, &args(&["check"]));
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[cfg(unix)]
#[test]
fn writers_killed_mid_write_leave_a_consistent_database() {
    let s = setup(0);
    let mut acknowledged = Vec::new();
    let mut attempts = 0;
    for round in 0..40 {
        attempts += 1;
        let mut child = Command::new(env!("CARGO_BIN_EXE_loyal"))
            .env("LOYAL_LANG", "en")
            .arg("--db")
            .arg(&s.db)
            .args(args(&[
                "followup",
                "log",
                &format!("W{}", round % WORKERS),
                "--summary",
                "maybe",
            ]))
            .env("LOYAL_CONFIG", &s.config)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Kill some at varying moments (a few ms in: opening, writing, committing).
        if round % 2 == 0 {
            std::thread::sleep(Duration::from_micros(500 + (round as u64 * 389) % 6000));
            let _ = child.kill(); // SIGKILL
        }
        let out = child.wait_with_output().unwrap();
        if out.status.success()
            && let Some(id) = logged_id(&out)
        {
            acknowledged.push(id);
        }
    }
    let exported =
        String::from_utf8(loyal(&s.db, &s.config, &args(&["export", "followups"])).stdout).unwrap();
    for id in &acknowledged {
        assert!(
            exported.contains(&format!("{id},")),
            "acknowledged {id} is missing"
        );
    }
    let stored = count(&s.db, &s.config, "followups");
    eprintln!(
        "{attempts} attempts, {} acknowledged, {stored} stored",
        acknowledged.len()
    );
    assert!(
        stored >= acknowledged.len() && stored <= attempts,
        "{stored} stored, {} acknowledged",
        acknowledged.len()
    );
    assert!(
        acknowledged.len() >= 20,
        "the unkilled half must all succeed: {}",
        acknowledged.len()
    );
    let check = loyal(&s.db, &s.config, &args(&["check"]));
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    // And work goes on afterwards.
    let out = loyal(
        &s.db,
        &s.config,
        &args(&["followup", "log", "W0", "--summary", "after"]),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(count(&s.db, &s.config, "followups"), stored + 1);
}
