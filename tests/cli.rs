//! The real `loyal` binary: exit codes, messages that name file, line and field, and the
//! scripting interface (`--json`).

mod common;

use common::cli::{Cli, path};
use std::process::Command;

#[test]
fn import_reports_file_line_and_field_and_writes_nothing() {
    let cli = Cli::new();
    let customers = cli.file("customers.csv", common::CUSTOMERS);
    cli.ok(&["import", "customers", path(&customers)]);
    let orders = cli.file(
        "orders.csv",
        "order_id,customer_id,ordered_at,amount\nO1,C1,2025-01-01,5\nO2,C1,2025-01-02,five\n",
    );
    let stderr = cli.fails(&["import", "orders", path(&orders)]);
    assert!(
        stderr.contains("orders.csv:3: amount: \"five\" is not a decimal amount"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert!(cli.ok(&["stats"]).contains("orders     0"));

    let rejects = cli.dir.path().join("rejects.csv");
    let stdout = cli.ok(&[
        "import",
        "orders",
        path(&orders),
        "--skip-bad",
        path(&rejects),
    ]);
    assert!(
        stdout.contains("1 new") && stdout.contains("1 skipped"),
        "{stdout}"
    );
    let reject_text = std::fs::read_to_string(&rejects).unwrap();
    assert!(
        reject_text.starts_with("order_id,customer_id,ordered_at,amount,_line,_field,_error\n"),
        "{reject_text}"
    );
    assert!(
        reject_text.contains("O2,C1,2025-01-02,five,3,amount,"),
        "{reject_text}"
    );
}

#[test]
fn skip_bad_from_stdin_still_writes_the_rejected_rows() {
    use std::io::Write;
    let cli = Cli::with_customers();
    let rejects = cli.dir.path().join("stdin-rejects.csv");
    let mut child = Command::new(env!("CARGO_BIN_EXE_loyal"))
        .env("LOYAL_LANG", "en")
        .args(["import", "orders", "-", "--skip-bad", path(&rejects)])
        .env("LOYAL_DB", cli.db())
        .env("LOYAL_CONFIG", cli.dir.path().join("config.toml"))
        .env("XDG_DATA_HOME", cli.dir.path().join("data"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let text =
        "order_id,customer_id,ordered_at,amount\nO1,C1,2025-01-01,5\nO2,NOBODY,2025-01-02,6\n";
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reject_text = std::fs::read_to_string(&rejects).unwrap();
    assert!(
        reject_text.contains("O2,NOBODY,2025-01-02,6,3,customer_id,"),
        "{reject_text}"
    );
    assert!(!reject_text.contains("O1,"), "{reject_text}");
}

#[test]
fn a_missing_column_and_a_ragged_line_are_named() {
    let cli = Cli::new();
    let no_name = cli.file("c.csv", "customer_id,nmae\nC1,Ann\n");
    let stderr = cli.fails(&["import", "customers", path(&no_name)]);
    assert!(
        stderr.contains("c.csv:1: name: required column missing"),
        "{stderr}"
    );
    let ragged = cli.file("r.csv", "customer_id,name\nC1,Ann\nC2,Bob,extra\n");
    assert!(
        cli.fails(&["import", "customers", path(&ragged)])
            .contains("r.csv:3: row: has 3 fields")
    );
    assert!(
        cli.fails(&["import", "customers", "/nonexistent/file.csv"])
            .contains("/nonexistent/file.csv")
    );
}

#[test]
fn export_and_import_round_trip_through_the_binary() {
    let cli = Cli::with_customers();
    cli.ok(&["import", "orders", path(&cli.file("o.csv", common::ORDERS))]);
    let json = cli.ok(&["export", "orders", "--format", "json"]);
    let exported = cli.file("orders.json", &json);
    let again = cli.ok(&["import", "orders", path(&exported)]);
    assert!(again.contains("0 new, 0 updated, 4 unchanged"), "{again}");
    let csv = cli.ok(&["export", "customers"]);
    assert!(csv.starts_with("customer_id,name,phone,email"), "{csv}");
    assert!(
        csv.contains(
            "C2,John Smith,(555) 010-2030,john@example.com,Acme Tools,Boston,,,,coffee,C1,Bob"
        ),
        "{csv}"
    );
}

#[test]
fn a_header_of_100000_columns_is_refused_at_once_naming_the_file() {
    let cli = Cli::new();
    let mut header = vec!["customer_id".to_string(), "name".to_string()];
    header.extend((0..100_000).map(|i| format!("column_{i}")));
    let text = format!("{}\nC1,Ann{}\n", header.join(","), ",".repeat(100_000));
    let wide = cli.file("wide.csv", &text);
    // Refused on the header, before any row is read (no assertion on time: CI is noisy).
    let err = cli.fails(&["import", "customers", path(&wide)]);
    assert!(
        err.contains("wide.csv:1") && err.contains("at most 1024"),
        "{err}"
    );
}

#[test]
fn lookup_without_a_match_exits_1() {
    let cli = Cli::with_customers();
    let out = cli.run(&["lookup", "qqqqzzzz"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no customer matches"));
    let out = cli.run(&["lookup", "--json", "qqqqzzzz"]);
    assert_eq!(out.status.code(), Some(1));
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(hits, serde_json::json!([]));
    assert_eq!(cli.run(&["lookup", "zs"]).status.code(), Some(0));
}

#[test]
fn lookup_json_is_ranked_and_parseable() {
    let cli = Cli::with_customers();
    let out = cli.ok(&["lookup", "--json", "--limit", "3", "8000"]);
    let hits: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(hits[0]["customer"]["customer_id"], "C1");
    assert_eq!(hits[0]["kind"], "phone_suffix");
    let table = cli.ok(&["lookup", "zs"]);
    assert!(
        table.contains("张三") && table.contains("initials"),
        "{table}"
    );
}

#[test]
fn customer_add_refuses_a_likely_duplicate_and_merge_folds_files() {
    let cli = Cli::with_customers();
    let stderr = cli.fails(&[
        "customer",
        "add",
        "--id",
        "C9",
        "--name",
        "Zhang San",
        "--phone",
        "138 0013 8000",
    ]);
    assert!(stderr.contains("possible duplicate: C1 张三"), "{stderr}");
    cli.ok(&[
        "customer",
        "add",
        "--id",
        "C9",
        "--name",
        "Zhang San",
        "--phone",
        "138 0013 8000",
        "--allow-duplicate",
    ]);
    cli.ok(&["customer", "edit", "C9", "--phone", "", "--tag", ""]);
    let c9 = cli.ok(&["customer", "show", "C9", "--json"]);
    let c9: serde_json::Value = serde_json::from_str(&c9).unwrap();
    assert_eq!(c9["customer"]["phones"], serde_json::json!([]));
    cli.ok(&["customer", "edit", "C9", "--phone", "138 0013 8000"]);
    let stderr = cli.fails(&["customer", "add", "--id", "X\u{1b}", "--name", "x"]);
    assert!(stderr.contains("control characters"), "{stderr}");
    let merged = cli.ok(&["customer", "merge", "C1", "C9"]);
    assert!(merged.contains("merged C9 into C1"), "{merged}");
    let shown = cli.ok(&["customer", "show", "C9"]);
    assert!(shown.starts_with("C1 张三"), "{shown}");
    assert!(
        cli.fails(&["customer", "show", "NOPE"])
            .contains("no customer \"NOPE\"")
    );
}

#[test]
fn control_characters_in_data_never_reach_the_terminal() {
    let cli = Cli::new();
    let evil = cli.file(
        "evil.csv",
        "customer_id,name,habits\nE1,\"Eve\u{1b}[2J\",\"\u{1b}]0;pwned\u{7}\"\n",
    );
    cli.ok(&["import", "customers", path(&evil)]);
    let shown = cli.ok(&["customer", "show", "E1"]);
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
        "{shown:?}"
    );
    assert!(shown.contains("Eve\\x1b[2J"), "{shown}");
    let listed = cli.ok(&["lookup", "eve"]);
    assert!(!listed.contains('\u{1b}'), "{listed:?}");
}

#[test]
fn json_output_escapes_c1_del_and_bidi_controls() {
    let cli = Cli::new();
    let evil = cli.file(
        "evil.csv",
        "customer_id,name,habits\nM1,\"Mal\u{9b}31mlory\",\"a\u{7f}b\u{202e}txt.exe\"\n",
    );
    cli.ok(&["import", "customers", path(&evil)]);
    let raw = |c: char| matches!(c, '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}');
    for args in [
        &["lookup", "--json", "mal"][..],
        &["customer", "show", "--json", "M1"][..],
        &["export", "customers", "--format", "json"][..],
    ] {
        let out = cli.ok(args);
        assert!(!out.chars().any(raw), "{args:?}: {out:?}");
        assert!(out.contains(r"Mal\u009b31mlory"), "{args:?}: {out}");
        if args[0] != "lookup" {
            assert!(out.contains(r"a\u007fb\u202etxt.exe"), "{args:?}: {out}");
        }
        // The escapes are JSON: the value read back is the stored one.
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert!(value.to_string().contains("Mal\u{9b}31mlory"), "{args:?}");
    }
}

#[test]
fn config_shows_every_value_with_its_source() {
    let cli = Cli::new();
    cli.ok(&["config", "set", "scoring.churn_days", "120"]);
    cli.ok(&["config", "set", "staff_name", "Ann Agent"]);
    let shown = cli.ok(&["config"]);
    let line = |key: &str| {
        shown
            .lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        line("scoring.churn_days").contains("120")
            && line("scoring.churn_days").contains("database"),
        "{shown}"
    );
    assert!(
        line("scoring.margin_rate").contains("0.30")
            && line("scoring.margin_rate").contains("default"),
        "{shown}"
    );
    assert!(
        line("staff_name").contains("Ann Agent") && line("staff_name").contains("file"),
        "{shown}"
    );
    assert!(line("database").contains("LOYAL_DB"), "{shown}");
    assert!(
        cli.fails(&["config", "set", "scoring.margin_rate", "7"])
            .contains("not a rate")
    );
    assert!(
        cli.fails(&["config", "set", "no.such.key", "1"])
            .contains("not a setting")
    );
    let bad = cli.file("config.toml", "staff_name = \"x\"\nkeymapp = 1\n");
    let _ = bad;
    assert!(cli.fails(&["stats"]).contains("config.toml:2"));
}

#[test]
fn demo_builds_a_database_from_the_fixtures() {
    let cli = Cli::new();
    let db = cli.dir.path().join("demo.redb");
    let out = cli.ok(&["--db", path(&db), "demo", "--no-tui"]);
    assert!(out.contains("300 customers, 3000 orders"), "{out}");
    // Running it again starts fresh rather than piling up.
    let out = cli.ok(&["--db", path(&db), "demo", "--no-tui"]);
    assert!(out.contains("300 customers, 3000 orders"), "{out}");
    // A real database (here the one LOYAL_DB names) is never thrown away for a demo.
    cli.ok(&[
        "import",
        "customers",
        path(&cli.file("c.csv", common::CUSTOMERS)),
    ]);
    let stderr = cli.fails(&["demo", "--no-tui"]);
    assert!(stderr.contains("is not a demo database"), "{stderr}");
    assert!(cli.ok(&["stats"]).contains("customers  4"));
}

#[test]
fn an_acknowledged_complaint_shows_the_resolution_clock() {
    // Urgent by default: 24 h to the first response and 24 h to resolve, the same moment.
    let cli = Cli::with_customers();
    cli.ok(&[
        "complaint",
        "open",
        "C1",
        "--category",
        "late delivery",
        "--severity",
        "urgent",
        "--description",
        "beans a week late",
    ]);
    let before = cli.ok(&["complaints"]);
    assert!(before.contains("response "), "{before}");
    cli.ok(&["complaint", "ack", "CM-000001"]);
    let after = cli.ok(&["complaints"]);
    let line = after.lines().find(|l| l.starts_with("CM-000001")).unwrap();
    assert!(
        line.contains("resolution ") && !line.contains("response"),
        "{line}"
    );
}

#[test]
fn the_full_complaint_life_cycle_through_the_command_line() {
    let cli = Cli::with_customers();
    let opened = cli.ok(&[
        "complaint",
        "open",
        "C1",
        "--category",
        "late delivery",
        "--severity",
        "high",
        "--description",
        "beans a week late",
    ]);
    assert!(
        opened.starts_with("opened CM-000001 for 张三 (high)"),
        "{opened}"
    );
    let id = "CM-000001";
    // Not yet resolved: cannot be closed; the refusal writes nothing.
    let stderr = cli.fails(&["complaint", "close", id]);
    assert!(
        stderr.contains("a complaint that is new cannot be closed: resolve it first"),
        "{stderr}"
    );
    assert!(
        cli.ok(&["complaint", "ack", id, "--text", "we are on it"])
            .contains("acknowledged")
    );
    assert!(cli.ok(&["complaint", "start", id]).contains("in progress"));
    cli.ok(&["complaint", "note", id, "courier says Friday"]);
    for n in 2..=4 {
        let out = cli.ok(&["complaint", "contact", id, "called again"]);
        assert!(
            out.contains(&format!("{n} contacts)")) && !out.contains("ESCALATED"),
            "{out}"
        );
    }
    let fifth = cli.ok(&["complaint", "contact", id]);
    assert!(fifth.contains("urgent, 5 contacts), ESCALATED"), "{fifth}");
    cli.ok(&["complaint", "reply", id, "resent with express courier"]);
    let resolved = cli.ok(&[
        "complaint",
        "resolve",
        id,
        "--cause",
        "courier delay",
        "--why",
        "waited a week",
        "--others",
        "yes",
        "--prevent",
        "second courier",
    ]);
    assert!(
        resolved.contains("resolved") && resolved.contains("satisfaction check planned"),
        "{resolved}"
    );
    assert!(
        cli.fails(&["complaint", "contact", id])
            .contains("reopen it")
    );
    assert!(cli.ok(&["complaint", "close", id]).contains("closed"));
    assert!(
        cli.ok(&["complaint", "reopen", id, "--reason", "arrived damaged"])
            .contains("in progress")
    );
    cli.ok(&["complaint", "resolve", id]);
    cli.ok(&["complaint", "close", id]);
    let shown: serde_json::Value =
        serde_json::from_str(&cli.ok(&["complaint", "show", id, "--json"])).unwrap();
    let c = &shown["complaint"];
    assert_eq!(
        (
            c["status"].as_str(),
            c["contacts"].as_u64(),
            c["escalated"].as_bool()
        ),
        (Some("closed"), Some(5), Some(true))
    );
    assert_eq!(c["root_cause"]["cause"], "courier delay");
    let kinds: Vec<&str> = c["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == "escalated").count(), 1);
    assert_eq!(kinds.iter().filter(|k| **k == "status_change").count(), 7);
    assert!(cli.ok(&["complaints"]).starts_with("0 complaints"));
    assert!(
        cli.ok(&["complaints", "--status", "closed"])
            .starts_with("1 complaint,")
    );
    assert!(cli.ok(&["report", "causes"]).contains("courier delay"));
    assert!(cli.ok(&["agenda", "--days", "7"]).contains("satisfaction"));
    assert!(
        cli.fails(&["complaints", "--status", "pending"])
            .contains("unknown complaint status")
    );
}

#[test]
fn followups_and_care_plans_from_the_command_line() {
    let cli = Cli::with_customers();
    let out = cli.ok(&[
        "followup",
        "log",
        "C2",
        "--summary",
        "asked about filters",
        "--channel",
        "wechat",
        "--next",
        "+3d",
    ]);
    assert!(
        out.contains("logged FU-000001") && out.contains("next contact: CP-000001"),
        "{out}"
    );
    assert!(
        cli.fails(&[
            "followup",
            "log",
            "C2",
            "--summary",
            "x",
            "--next",
            "someday"
        ])
        .contains("is not a date")
    );
    assert!(
        cli.fails(&["care", "add", "C2", "--due", "2026-13-01"])
            .contains("is not a date")
    );
    let added = cli.ok(&[
        "care",
        "add",
        "C2",
        "--due",
        "tomorrow",
        "--purpose",
        "reorder",
        "--every",
        "1 month",
    ]);
    assert!(added.starts_with("planned CP-000002 (reorder)"), "{added}");
    let done = cli.ok(&[
        "care",
        "done",
        "CP-000002",
        "--log",
        "reminded, will order",
        "--satisfaction",
        "5",
    ]);
    assert!(
        done.contains("logged FU-000002") && done.contains("next in the series: CP-000003"),
        "{done}"
    );
    assert!(
        cli.fails(&["care", "done", "CP-000002"])
            .contains("done already")
    );
    assert!(
        cli.ok(&["care", "skip", "CP-000001", "--reason", "unreachable"])
            .contains("skipped CP-000001")
    );
    let agenda = cli.ok(&["agenda", "--days", "40"]);
    assert!(
        agenda.contains("CP-000003") && !agenda.contains("CP-000001 "),
        "{agenda}"
    );
    let forgotten = cli.ok(&["forgotten", "--days", "0"]);
    assert!(
        forgotten.contains("never") && forgotten.contains("C4"),
        "{forgotten}"
    );
}

#[cfg(unix)]
#[test]
fn init_shares_the_database_with_a_group() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let cli = Cli::new();
    let dir = cli.dir.path().join("team");
    let db = dir.join("team.redb");
    // A group other than our own when the system has one (root may give files to any group).
    let groups = std::fs::read_to_string("/etc/group").unwrap();
    let (name, gid) = groups
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split(':').collect();
            Some((f.first()?.to_string(), f.get(2)?.parse::<u32>().ok()?))
        })
        .find(|(n, _)| n == "users")
        .unwrap_or_else(|| {
            let gid = std::fs::metadata(cli.dir.path()).unwrap().gid();
            let name = groups
                .lines()
                .find(|l| l.split(':').nth(2) == Some(&gid.to_string()))
                .unwrap()
                .split(':')
                .next()
                .unwrap()
                .to_string();
            (name, gid)
        });
    let out = cli.ok(&["--db", path(&db), "init", "--group", &name]);
    assert!(out.contains(&format!("shared with group {name}")), "{out}");
    let file = std::fs::metadata(&db).unwrap();
    let folder = std::fs::metadata(&dir).unwrap();
    assert_eq!(
        (file.permissions().mode() & 0o7777, file.gid()),
        (0o660, gid)
    );
    assert_eq!(
        (folder.permissions().mode() & 0o7777, folder.gid()),
        (0o2770, gid)
    );
    assert!(
        cli.fails(&["--db", path(&db), "init", "--group", "no-such-group-here"])
            .contains("no group named")
    );
}

#[cfg(unix)]
#[test]
fn a_person_without_access_is_told_which_file_and_why() {
    use std::os::unix::fs::PermissionsExt;
    let cli = Cli::new();
    let db = cli.dir.path().join("private.redb");
    cli.ok(&["--db", path(&db), "init"]);
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    let output = if root {
        // Root reads everything: ask as `nobody` instead (the folder is made passable, the
        // database file stays 0600).
        std::fs::set_permissions(cli.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        Command::new("setpriv")
            .args([
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                env!("CARGO_BIN_EXE_loyal"),
                "--db",
                path(&db),
                "stats",
            ])
            .env("HOME", "/tmp")
            .env("LOYAL_CONFIG", "/nonexistent/config.toml")
            .output()
            .expect("setpriv")
    } else {
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o000)).unwrap();
        Command::new(env!("CARGO_BIN_EXE_loyal"))
            .env("LOYAL_LANG", "en")
            .args(["--db", path(&db), "stats"])
            .env("LOYAL_CONFIG", "/nonexistent/config.toml")
            .output()
            .unwrap()
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(
        stderr.contains("private.redb") && stderr.contains("permission denied"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_chinese_locale_gets_chinese_output_errors_and_help_and_lang_en_overrides_it() {
    let cli = Cli::with_customers();
    let out = cli.run_zh(&["complaints"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("件投诉，最紧急的在前"), "{text}");
    assert!(text.contains("编号") && text.contains("处理人"), "{text}");
    // An error, in Chinese, from the service.
    let out = cli.run_zh(&["customer", "show", "NOPE-1"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("错误：没有客户 \"NOPE-1\""), "{err}");
    // --lang en wins over the locale.
    let out = cli.run_zh(&["--lang", "en", "complaints"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("complaints, most urgent first"), "{text}");
    // --help in Chinese: the about, clap's headings, an option.
    let out = cli.run_zh(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for words in [
        "终端客户忠诚度工作台",
        "用法：",
        "命令",
        "选项",
        "界面语言",
        "显示帮助",
    ] {
        assert!(help.contains(words), "{words} in:\n{help}");
    }
    let out = cli.run_zh(&["import", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("只检查") || help.contains("全部检查"),
        "{help}"
    );
    // clap's own words too: no English placeholder, help subcommand or version line.
    let out = cli.run_zh(&["--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    for english in [
        "[OPTIONS]",
        "[COMMAND]",
        "Print this message",
        "Print version",
        "Options:",
    ] {
        assert!(!help.contains(english), "{english} in:\n{help}");
    }
    assert!(
        help.contains("显示版本") && help.contains("用法：loyal [选项] [命令]"),
        "{help}"
    );
    // A usage error clap finds, in Chinese, with its tip and the usage line.
    let out = cli.run_zh(&["lookup", "--citty", "x"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for words in [
        "错误：意外的参数 '--citty'",
        "用法：loyal lookup",
        "更多信息请用 '--help'",
    ] {
        assert!(err.contains(words), "{words} in:\n{err}");
    }
    assert!(!err.contains("error:") && !err.contains("Usage:"), "{err}");
    let out = cli.run_zh(&["complaints", "--format", "yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("的值 'yaml' 无效") && err.contains("可选值"),
        "{err}"
    );
    // And in English the doc comments, unchanged.
    let help = cli.ok(&["--help"]);
    assert!(
        help.contains("A terminal customer-loyalty workbench"),
        "{help}"
    );
    assert!(help.contains("Usage:"), "{help}");
}

#[test]
fn each_kind_of_failure_has_its_exit_status() {
    let cli = Cli::with_customers();
    let code = |args: &[&str]| cli.run(args).status.code();
    // 1: nothing found.
    assert_eq!(code(&["lookup", "qqqqzzzz"]), Some(1));
    assert_eq!(code(&["customer", "show", "NOPE-1"]), Some(1));
    assert_eq!(code(&["complaint", "show", "CM-999999"]), Some(1));
    // 2: usage, clap's or a value's.
    assert_eq!(code(&["lookup", "--no-such-flag", "x"]), Some(2));
    assert_eq!(code(&["audit", "--since", "next week"]), Some(2));
    assert_eq!(code(&["rfm", "--as-of", "someday"]), Some(2));
    // Past offsets are dates too.
    assert_eq!(code(&["audit", "--since", "-7d"]), Some(0));
    assert_eq!(code(&["audit", "--since", "2w ago"]), Some(0));
    // 3: refused.
    assert_eq!(
        code(&["config", "set", "scoring.margin_rate", "7"]),
        Some(3)
    );
    let bad = cli.file(
        "bad.csv",
        "order_id,customer_id,ordered_at,amount\nO-1,C-000001,soon,1\n",
    );
    assert_eq!(code(&["import", "orders", path(&bad)]), Some(3));
    assert_eq!(
        code(&["complaint", "reply", "CM-999999"]),
        Some(2),
        "no text: usage"
    );
    // 4: the database.
    let out = cli.run(&["--db", "/nonexistent/dir/x.redb", "stats"]);
    assert_eq!(
        out.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // 5: another file.
    assert_eq!(
        code(&["export", "customers", "--out", "/nonexistent/dir/c.csv"]),
        Some(5)
    );
    assert_eq!(code(&["stats"]), Some(0));
}

#[test]
fn a_dash_is_standard_output_and_every_data_command_takes_format() {
    let cli = Cli::with_customers();
    let csv = cli.ok(&["export", "customers", "--out", "-"]);
    assert!(csv.starts_with("customer_id,"), "{csv}");
    assert!(!cli.dir.path().join("-").exists(), "no file named -");
    for args in [
        &["stats"][..],
        &["whoami"],
        &["imports"],
        &["role", "list"],
        &["config", "show"],
        &["lookup", "C1"],
        &["audit"],
        &["agenda"],
        &["forgotten"],
        &["complaints"],
        &["due"],
        &["rfm"],
    ] {
        for format in ["csv", "json"] {
            let out = cli.run(&[args, &["--format", format]].concat());
            assert!(
                out.status.success(),
                "{args:?} {format}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let text = String::from_utf8_lossy(&out.stdout);
            if format == "json" {
                serde_json::from_str::<serde_json::Value>(&text)
                    .unwrap_or_else(|e| panic!("{args:?}: {e}: {text}"));
            } else {
                assert!(
                    text.lines().next().is_some_and(|h| h.contains(',')),
                    "{args:?}: {text}"
                );
            }
        }
    }
}

#[test]
fn completions_and_manual_pages() {
    let cli = Cli::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = cli.ok(&["completions", shell]);
        assert!(
            script.contains("lookup") && script.contains("complaint"),
            "{shell}: {script:.200}"
        );
    }
    let page = cli.ok(&["man"]);
    assert!(
        page.starts_with(".ie") || page.contains(".TH"),
        "{page:.200}"
    );
    let dir = cli.dir.path().join("man");
    cli.ok(&["man", "--out", path(&dir)]);
    for page in [
        "loyal.1",
        "loyal-import.1",
        "loyal-customer-add.1",
        "loyal-complaint-reply.1",
    ] {
        let text = std::fs::read_to_string(dir.join(page)).unwrap_or_default();
        assert!(text.contains(".TH"), "{page}");
    }
}

#[test]
fn the_demo_without_a_terminal_says_how_to_open_it() {
    let cli = Cli::bare();
    let out = cli.run(&["demo"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("loyal --demo"), "{text}");
}
