//! Reminders in a real terminal: the workbench's top line shows what needs the person at it,
//! and follows a change made by another process without a key being pressed.

mod common;

use common::tmux::{Tmux, have_tmux};
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_loyal");

fn loyal(db: &Path, config: &Path, args: &[&str]) -> String {
    let out = Command::new(BIN)
        .env("LOYAL_LANG", "en")
        .env("LOYAL_CONFIG", config)
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("loyal runs");
    assert!(
        out.status.success(),
        "loyal {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn an_overdue_plan_for_me_changes_the_top_line_without_a_key_press() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("demo.redb");
    let nora = dir.path().join("nora.toml");
    std::fs::write(&nora, "staff_name = \"Nora Desk\"\n").expect("config");
    loyal(&db, &nora, &["demo", "--no-tui"]);
    assert!(loyal(&db, &nora, &["remind"]).contains("nothing needs you"));
    let tmux = Tmux::new(dir.path());
    tmux.start(
        "desk",
        &format!(
            "LOYAL_LANG=en LOYAL_CONFIG={} {BIN} --db {}; sleep 60",
            nora.display(),
            db.display()
        ),
    );
    let first = tmux.wait_for("desk", "1 Customers");
    assert!(!first.contains("overdue"), "{first}");
    // Another process plans a call for Nora that was due yesterday.
    loyal(
        &db,
        &nora,
        &[
            "care",
            "add",
            "C-000001",
            "--due",
            "yesterday",
            "--assignee",
            "Nora Desk",
        ],
    );
    let screen = tmux.wait_for("desk", "! 1 overdue care plan");
    let top = screen.lines().next().unwrap_or_default();
    assert!(top.contains("1 Customers"), "on the top line: {screen}");
    // The same count for the shell and tmux's status line.
    assert_eq!(
        loyal(&db, &nora, &["remind"]).trim(),
        "Nora Desk: 1 overdue care plan"
    );
    assert_eq!(
        loyal(&db, &nora, &["remind", "--format", "tmux"]).trim(),
        "#[fg=red,bold]1 late#[default]"
    );
    tmux.keys("desk", &["q"]);
}
