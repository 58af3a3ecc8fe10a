//! Reminders and screen pops in a real terminal: the workbench's top line shows what needs the
//! person at it and follows a change made by another process without a key being pressed; a
//! `loyal pop` of a known number brings that customer's call screen up in a running workbench.

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

#[test]
fn loyal_pop_of_a_known_number_opens_the_call_screen_in_a_running_workbench() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("demo.redb");
    let li = dir.path().join("li.toml");
    std::fs::write(&li, "staff_name = \"Li Na\"\n").expect("config");
    loyal(&db, &li, &["demo", "--no-tui"]);
    let tmux = Tmux::new(dir.path());
    tmux.start(
        "desk",
        &format!(
            "LOYAL_LANG=en LOYAL_CONFIG={} {BIN} --db {}; sleep 60",
            li.display(),
            db.display()
        ),
    );
    tmux.wait_for("desk", "1 Customers");
    // Another person's call is not for this desk; Li Na's is.
    loyal(&db, &li, &["pop", "13500096542", "--to", "Someone Else"]);
    let out = loyal(&db, &li, &["pop", "13500096542", "--to", "Li Na"]);
    assert!(out.contains("sent to the workbenches of Li Na"), "{out}");
    let screen = tmux.wait_for("desk", "黄佳 · C-000001");
    assert!(screen.contains("call from 13500096542: 黄佳"), "{screen}");
    // An unknown number: the new-customer form, the number in it.
    loyal(&db, &li, &["pop", "+1 555 010 9999", "--to", "li na"]);
    let screen = tmux.wait_for("desk", "no customer has this number");
    assert!(screen.contains("+1 555 010 9999"), "{screen}");
    tmux.keys("desk", &["Escape"]);
    tmux.keys("desk", &["y"]);
}
