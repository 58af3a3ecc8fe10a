//! End to end in a real terminal: the `loyal` binary inside tmux, driven with `send-keys` and
//! read with `capture-pane`. Quick lookup by the last four digits opens the card, a follow-up
//! typed with keys is stored (checked with the CLI), quitting restores the terminal, a
//! workbench whose terminal goes away (the tmux session killed under its shell) ends at once,
//! and a change made in one workbench shows in a second one open on the same database.
//!
//! Needs tmux; without it the tests say so and pass, unless `LOYAL_REQUIRE_TMUX` is set (CI
//! sets it, so there they cannot be skipped).

mod common;

use common::tmux::{PATIENCE, Tmux, have_tmux};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_loyal");

/// The contents of `path` once something has been written to it (the shell writes `stty -a`
/// there after the workbench exits).
fn written(path: &Path) -> String {
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if !text.is_empty() {
            return text;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "nothing written to {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A demo database and a config naming the staff member, in `dir`.
fn setup(dir: &Path, staff: &str) -> (PathBuf, PathBuf) {
    let db = dir.join("demo.redb");
    let config = dir.join(format!("{staff}.toml"));
    std::fs::write(&config, format!("staff_name = \"{staff}\"\n")).expect("config");
    if !db.exists() {
        let out = Command::new(BIN)
            .env("LOYAL_LANG", "en")
            .args(["--db", db.to_str().expect("utf-8"), "demo", "--no-tui"])
            .env("LOYAL_CONFIG", &config)
            .output()
            .expect("demo");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    (db, config)
}

/// `loyal customer show ID` on `db` as the person of `config`: what it prints.
fn customer_show(db: &Path, config: &Path, id: &str) -> String {
    let out = Command::new(BIN)
        .env("LOYAL_LANG", "en")
        .args(["--db", db.to_str().expect("utf-8"), "customer", "show", id])
        .env("LOYAL_CONFIG", config)
        .output()
        .expect("customer show");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Finds 黄佳 (C-000001) by the last four digits of her phone and opens her card.
fn open_huang_jia(tmux: &Tmux, desk: &str) -> String {
    tmux.keys(desk, &["/"]);
    tmux.wait_for(desk, "Find a customer");
    tmux.text(desk, "6542");
    tmux.wait_for(desk, "phone 13500096542");
    tmux.keys(desk, &["Enter"]);
    tmux.wait_for(desk, "黄佳 · C-000001")
}

fn workbench_command(db: &Path, config: &Path, after: &Path) -> String {
    format!(
        "LOYAL_LANG=en LOYAL_CONFIG={} {BIN} --db {}; echo LOYAL-EXIT=$?; stty -a > {}; sleep 60",
        config.display(),
        db.display(),
        after.display()
    )
}

#[test]
fn lookup_log_a_follow_up_and_quit_in_a_real_terminal() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let (db, config) = setup(dir.path(), "Ann");
    let tmux = Tmux::new(dir.path());
    let after = dir.path().join("stty-after.txt");
    tmux.start("desk", &workbench_command(&db, &config, &after));
    tmux.wait_for("desk", "1 Customers");
    open_huang_jia(&tmux, "desk");
    tmux.keys("desk", &["f"]);
    tmux.wait_for("desk", "Log a follow-up with 黄佳");
    tmux.text("desk", "e2e call 回访 about the order");
    tmux.keys("desk", &["Enter"]);
    tmux.wait_for("desk", "logged");
    let shown = customer_show(&db, &config, "C-000001");
    assert!(shown.contains("e2e call 回访 about the order"), "{shown}");
    assert!(shown.contains("by Ann"), "{shown}");
    tmux.keys("desk", &["q"]);
    let screen = tmux.wait_for("desk", "LOYAL-EXIT=0");
    assert!(
        !screen.contains("Find a customer"),
        "the alternate screen was left: {screen}"
    );
    assert_eq!(
        tmux.run(&["display", "-p", "-t", "desk", "#{alternate_on}"])
            .trim(),
        "0"
    );
    let stty = written(&after);
    assert!(
        stty.contains(" icanon") && !stty.contains("-icanon"),
        "cooked mode back: {stty}"
    );
    assert!(
        stty.contains(" echo") && !stty.contains("-echo "),
        "echo back: {stty}"
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let (db, config) = setup(dir.path(), "Bo");
    let tmux = Tmux::new(dir.path());
    let after = dir.path().join("stty-after.txt");
    tmux.start("desk", &workbench_command(&db, &config, &after));
    tmux.wait_for("desk", "1 Customers");
    // The pane runs a shell; the workbench is its child.
    let shell = tmux.run(&["display", "-p", "-t", "desk", "#{pane_pid}"]);
    let pids = Command::new("pgrep")
        .args(["-P", shell.trim()])
        .output()
        .expect("pgrep");
    let pids = String::from_utf8_lossy(&pids.stdout).into_owned();
    for pid in pids.split_whitespace() {
        let _ = Command::new("kill").args(["-TERM", pid]).status();
    }
    assert!(!pids.trim().is_empty(), "found the workbench process");
    tmux.wait_for("desk", "LOYAL-EXIT=0");
    assert_eq!(
        tmux.run(&["display", "-p", "-t", "desk", "#{alternate_on}"])
            .trim(),
        "0"
    );
    let stty = written(&after);
    assert!(
        !stty.contains("-icanon"),
        "cooked mode back after SIGTERM: {stty}"
    );
}

#[test]
fn a_change_typed_in_one_workbench_appears_in_another() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let (db, ann) = setup(dir.path(), "Ann");
    let (_, bo) = setup(dir.path(), "Bo");
    let tmux = Tmux::new(dir.path());
    tmux.start(
        "ann",
        &workbench_command(&db, &ann, &dir.path().join("a.txt")),
    );
    tmux.start(
        "bo",
        &workbench_command(&db, &bo, &dir.path().join("b.txt")),
    );
    for desk in ["ann", "bo"] {
        tmux.wait_for(desk, "1 Customers");
        open_huang_jia(&tmux, desk);
    }
    tmux.keys("ann", &["f"]);
    tmux.wait_for("ann", "Log a follow-up");
    tmux.text("ann", "typed at Ann's desk");
    tmux.keys("ann", &["Enter"]);
    tmux.wait_for("ann", "logged");
    // Bo did nothing: the card refreshes on its own.
    let screen = tmux.wait_for("bo", "typed at Ann's desk");
    assert!(screen.contains("by Ann"), "{screen}");
    tmux.keys("ann", &["q"]);
    tmux.keys("bo", &["q"]);
    tmux.wait_for("ann", "LOYAL-EXIT=0");
    tmux.wait_for("bo", "LOYAL-EXIT=0");
}

/// True once `pid` has ended (gone, or a zombie waiting for a parent that does not reap).
fn ended(pid: &str) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z')),
    }
}

#[test]
fn a_killed_terminal_session_ends_the_workbench_within_two_seconds() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let (db, config) = setup(dir.path(), "Cy");
    let tmux = Tmux::new(dir.path());
    // A login-like shell in the pane; the workbench is started from it, as a person would.
    tmux.start("desk", "bash --norc --noprofile -i");
    let shell = tmux.run(&["display", "-p", "-t", "desk", "#{pane_pid}"]);
    tmux.text(
        "desk",
        &format!(
            "LOYAL_CONFIG={} {BIN} --db {}",
            config.display(),
            db.display()
        ),
    );
    tmux.keys("desk", &["Enter"]);
    tmux.wait_for("desk", "1 Customers");
    let pids = Command::new("pgrep")
        .args(["-P", shell.trim()])
        .output()
        .expect("pgrep");
    let pid = String::from_utf8_lossy(&pids.stdout).trim().to_string();
    assert!(!pid.is_empty(), "found the workbench under the shell");
    tmux.run(&["kill-session", "-t", "desk"]);
    let killed = Instant::now();
    while !ended(&pid) && killed.elapsed() < Duration::from_secs(2) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let alive = !ended(&pid);
    if alive {
        // Do not leave it spinning on a core.
        let _ = Command::new("kill").args(["-KILL", &pid]).status();
    }
    assert!(
        !alive,
        "the workbench (pid {pid}) outlived its terminal by 2 s"
    );
    // It left through its normal path: the database was closed cleanly, so a read-only copy
    // opens without recovery (a process ended any other way leaves it needing one).
    use std::os::unix::fs::PermissionsExt;
    let copy = dir.path().join("copy.redb");
    std::fs::copy(&db, &copy).expect("copy");
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    let mut read_only = if root {
        // Root may write any file: read as `nobody`, who may not.
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN]);
        c
    } else {
        Command::new(BIN)
    };
    let stats = read_only
        .env("LOYAL_LANG", "en")
        .args(["--db", copy.to_str().expect("utf-8"), "stats"])
        .env("LOYAL_CONFIG", "/nonexistent/config.toml")
        .env("HOME", dir.path())
        .output()
        .expect("stats");
    assert!(
        stats.status.success(),
        "the database was not closed cleanly: {}",
        String::from_utf8_lossy(&stats.stderr)
    );
    // The file is released and whole: a write from the CLI goes through, and check passes.
    for args in [
        vec![
            "followup",
            "log",
            "C-000001",
            "--summary",
            "after the hang-up",
        ],
        vec!["check"],
    ] {
        let out = Command::new(BIN)
            .env("LOYAL_LANG", "en")
            .args(["--db", db.to_str().expect("utf-8")])
            .args(&args)
            .env("LOYAL_CONFIG", &config)
            .output()
            .expect("loyal");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn the_workbench_asks_before_creating_a_database() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("typo.redb");
    let tmux = Tmux::new(dir.path());
    let command = format!(
        "LOYAL_CONFIG={}/none.toml {BIN} --db {}; echo LOYAL-EXIT=$?; sleep 60",
        dir.path().display(),
        db.display()
    );
    tmux.start("no", &command);
    tmux.wait_for("no", "Create a new, empty one there? [y/N]");
    assert!(!db.exists(), "nothing is created before the answer");
    tmux.text("no", "n");
    tmux.keys("no", &["Enter"]);
    let screen = tmux.wait_for("no", "LOYAL-EXIT=4");
    assert!(screen.contains("nothing was created"), "{screen}");
    assert!(!db.exists());

    tmux.start("yes", &command);
    tmux.wait_for("yes", "[y/N]");
    tmux.text("yes", "y");
    tmux.keys("yes", &["Enter"]);
    tmux.wait_for("yes", "1 Customers");
    assert!(db.exists());
    tmux.keys("yes", &["q"]);
    tmux.wait_for("yes", "LOYAL-EXIT=0");
}

#[test]
fn csv_to_a_terminal_shows_escapes_as_text_and_to_a_pipe_keeps_the_data() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("x.redb");
    let csv = dir.path().join("c.csv");
    std::fs::write(&csv, "customer_id,name\nE1,Evil\u{1b}[2JGONE\u{202e}txt\n").expect("csv");
    let loyal = |args: &[&str]| {
        Command::new(BIN)
            .env("LOYAL_LANG", "en")
            .args(["--db", db.to_str().expect("utf-8")])
            .args(args)
            .env("LOYAL_CONFIG", dir.path().join("none.toml"))
            .output()
            .expect("loyal")
    };
    assert!(loyal(&["init"]).status.success());
    assert!(
        loyal(&["import", "customers", csv.to_str().expect("utf-8")])
            .status
            .success()
    );
    // Through a pipe: the data exactly as stored.
    let piped = loyal(&["export", "customers"]);
    assert!(
        String::from_utf8_lossy(&piped.stdout).contains("Evil\u{1b}[2JGONE\u{202e}txt"),
        "a pipe gets the data as it is"
    );
    // On a terminal: shown, never executed (a raw ESC [2J would clear the pane).
    let tmux = Tmux::new(dir.path());
    tmux.start(
        "out",
        &format!(
            "echo BEFORE; LOYAL_CONFIG={}/none.toml {BIN} --db {} export customers; echo AFTER; sleep 60",
            dir.path().display(),
            db.display()
        ),
    );
    let screen = tmux.wait_for("out", "AFTER");
    assert!(
        screen.contains("BEFORE"),
        "the pane was not cleared: {screen}"
    );
    assert!(screen.contains("Evil\\x1b[2JGONE\\u{202e}txt"), "{screen}");
}

#[test]
fn a_dumb_terminal_gets_a_message_not_escape_codes() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let (db, config) = setup(dir.path(), "Di");
    let tmux = Tmux::new(dir.path());
    tmux.start(
        "dumb",
        &format!(
            "TERM=dumb LOYAL_CONFIG={} {BIN} --db {}; echo LOYAL-EXIT=$?; sleep 60",
            config.display(),
            db.display()
        ),
    );
    let screen = tmux.wait_for("dumb", "LOYAL-EXIT=5");
    assert!(screen.contains("cannot show the workbench"), "{screen}");
    assert_eq!(
        tmux.run(&["display", "-p", "-t", "dumb", "#{alternate_on}"])
            .trim(),
        "0",
        "never switched to the alternate screen"
    );
}

#[test]
fn the_call_path_from_200x50_to_80x24_and_a_call_logged_from_the_call_screen() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let (db, config) = setup(dir.path(), "Ann");
    let tmux = Tmux::new(dir.path());
    let after = dir.path().join("stty-after.txt");
    tmux.start_sized("desk", &workbench_command(&db, &config, &after), 200, 50);
    tmux.wait_for("desk", "1 Customers");
    // Wide: the call screen's two columns side by side.
    let wide = open_huang_jia(&tmux, "desk");
    let row_with =
        |screen: &str, what: &str| screen.lines().find(|l| l.contains(what)).map(str::to_owned);
    let who = row_with(&wide, "Who ").expect("a Who row");
    assert!(who.contains("Open "), "two columns at 200: {wide}");
    // Narrow: one column, and every part of the call screen on the first screen.
    tmux.run(&["resize-window", "-t", "desk", "-x", "80", "-y", "24"]);
    let parts = [
        "Who ",
        "Phone ",
        "Value ",
        "Open ",
        "Last ",
        "Next ",
        "log this call",
    ];
    // Waits for the whole call screen: a frame caught mid-redraw (the card's "Next order"
    // row already there, the call screen's rows not yet) is not the answer.
    let start = Instant::now();
    let narrow = loop {
        let screen = tmux.screen("desk");
        let first = screen.lines().next().unwrap_or_default().to_owned();
        let fits = screen.lines().count() <= 24 && first.trim_end().chars().count() <= 80;
        if fits && parts.iter().all(|part| screen.contains(part)) {
            break screen;
        }
        if start.elapsed() >= PATIENCE {
            // Reported below, naming the part that is missing.
            break screen;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let first = narrow.lines().next().unwrap_or_default();
    assert!(
        narrow.lines().count() <= 24 && first.trim_end().chars().count() <= 80,
        "no redraw at 80x24:\n{narrow}"
    );
    for part in parts {
        assert!(narrow.contains(part), "{part:?} at 80x24:\n{narrow}");
    }
    let who = row_with(&narrow, "Who ").expect("a Who row");
    assert!(!who.contains("Open "), "one column at 80: {narrow}");
    // One key logs this call, inbound by phone.
    tmux.keys("desk", &["l"]);
    tmux.wait_for("desk", "Log this call with 黄佳");
    tmux.text("desk", "asked about the invoice");
    tmux.keys("desk", &["Enter"]);
    tmux.wait_for("desk", "logged");
    tmux.wait_for("desk", "by Ann: asked about the invoice");
    let shown = customer_show(&db, &config, "C-000001");
    let logged = shown
        .lines()
        .filter(|l| l.contains("asked about the invoice"))
        .any(|l| l.contains("phone") && l.contains("inbound"));
    assert!(logged, "not logged by phone, inbound:\n{shown}");
    tmux.keys("desk", &["q"]);
    tmux.wait_for("desk", "LOYAL-EXIT=0");
}

#[test]
fn a_click_on_a_tab_in_a_real_terminal_switches_to_it() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let (db, config) = setup(dir.path(), "Ann");
    let tmux = Tmux::new(dir.path());
    let after = dir.path().join("stty-after.txt");
    tmux.start("desk", &workbench_command(&db, &config, &after));
    let screen = tmux.wait_for("desk", "1 Customers");
    let tabs = screen.lines().next().expect("the tab row");
    let at = tabs.find("3 Complaints").expect("the complaints tab");
    let mode = tmux.run(&["display", "-p", "-t", "desk", "#{mouse_any_flag}"]);
    assert_eq!(
        mode.trim(),
        "1",
        "the workbench asks the terminal for mouse reports"
    );
    // SGR mouse report: left button down at (column, row), 1-based, then up.
    let column = tabs[..at].chars().count() + 3;
    tmux.text(
        "desk",
        &format!("\u{1b}[<0;{column};1M\u{1b}[<0;{column};1m"),
    );
    tmux.wait_for("desk", "most urgent first");
    tmux.keys("desk", &["q"]);
    tmux.wait_for("desk", "LOYAL-EXIT=0");
    // The terminal gets its mouse back: no mouse mode is left on after the workbench.
    let mode = tmux.run(&[
        "display",
        "-p",
        "-t",
        "desk",
        "#{mouse_any_flag}#{mouse_sgr_flag}",
    ]);
    assert_eq!(mode.trim(), "00", "mouse reporting left on");
}

#[test]
fn a_chinese_locale_gets_the_workbench_in_chinese() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let (db, config) = setup(dir.path(), "Ann");
    let tmux = Tmux::new(dir.path());
    let command = format!(
        "env -u LOYAL_LANG -u LC_ALL -u LC_MESSAGES LANG=zh_CN.UTF-8 LOYAL_CONFIG={} {BIN} --db {}; \
         echo LOYAL-EXIT=$?; sleep 60",
        config.display(),
        db.display()
    );
    tmux.start("desk", &command);
    let screen = tmux.wait_for("desk", "1 客户");
    assert!(screen.contains("3 投诉"), "{screen}");
    assert!(screen.contains("查找"), "{screen}");
    tmux.keys("desk", &["3"]);
    tmux.wait_for("desk", "最紧急的在前");
    tmux.keys("desk", &["q"]);
    tmux.wait_for("desk", "LOYAL-EXIT=0");
}
