//! The public JSON of every command that prints data, on the fixtures (fixed dates), as
//! snapshots: a change to a name, a unit or a shape shows up in review, so it is deliberate.
//! Values that depend on the run (times of writes, paths, sizes) are replaced by `[run]`, and
//! lists are cut to their first two entries (the shape is what is pinned).

use serde_json::Value;
use std::process::Command;

struct Db {
    dir: tempfile::TempDir,
}

impl Db {
    /// A database holding the bundled fixtures as they are (no date shift).
    fn fixtures() -> Db {
        let db = Db {
            dir: tempfile::tempdir().expect("dir"),
        };
        db.ok(&["init"]);
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        for kind in [
            "customers",
            "orders",
            "followups",
            "care-plans",
            "complaints",
        ] {
            let file = root.join(format!("{kind}.csv"));
            db.ok(&["import", kind, file.to_str().expect("utf-8")]);
        }
        db
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        Command::new(env!("CARGO_BIN_EXE_loyal"))
            .args(args)
            .env("LOYAL_LANG", "en")
            .env("LOYAL_DB", self.dir.path().join("json.redb"))
            .env("LOYAL_CONFIG", self.dir.path().join("config.toml"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("TZ", "UTC")
            .output()
            .expect("run loyal")
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "loyal {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    /// The command's JSON, with run-dependent values replaced and lists cut short.
    fn json(&self, args: &[&str]) -> String {
        let mut args = args.to_vec();
        args.extend(["--format", "json"]);
        let text = self.ok(&args);
        let mut value: Value = serde_json::from_str(&text).expect("valid JSON");
        // The audit trail's entries are this run's imports: when, and of which path.
        let also: &[&str] = if args[0] == "audit" {
            &["at", "detail"]
        } else {
            &[]
        };
        normalize(&mut value, also);
        serde_json::to_string_pretty(&value).expect("json")
    }
}

/// Keys whose values differ from run to run: when a write happened, where the files are.
const RUN_KEYS: &[&str] = &[
    "created_at",
    "updated_at",
    "started_at",
    "heartbeat_at",
    "database",
    "file_bytes",
    "allocated_bytes",
    "stored_bytes",
    "metadata_bytes",
    "fragmented_bytes",
    "os_user",
    "pid",
    "host",
    "file",
    "from",
    "time_left_ms",
    "staff",
];

fn normalize(value: &mut Value, also: &[&str]) {
    match value {
        Value::Array(items) => {
            items.truncate(2);
            items.iter_mut().for_each(|v| normalize(v, also));
        }
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                let key = key.as_str();
                if (RUN_KEYS.contains(&key) || also.contains(&key)) && !v.is_null() {
                    *v = Value::String(String::from("[run]"));
                } else {
                    normalize(v, also);
                }
            }
        }
        _ => {}
    }
}

#[test]
fn every_command_s_json_has_the_documented_shape() {
    let db = Db::fixtures();
    let as_of = ["--as-of", "2026-11-20"];
    let cases: Vec<(&str, Vec<&str>)> = vec![
        ("lookup", vec!["lookup", "C-000002"]),
        (
            "customer_show",
            vec!["customer", "show", "C-000002", "--timeline", "4"],
        ),
        ("complaint_show", vec!["complaint", "show", "CM-000001"]),
        ("complaints", vec!["complaints"]),
        ("agenda", vec!["agenda", "--date", "2026-11-20"]),
        ("rfm", [&["rfm"][..], &as_of].concat()),
        (
            "report_pareto",
            [&["report", "pareto"][..], &as_of].concat(),
        ),
        (
            "report_segments",
            [&["report", "segments"][..], &as_of].concat(),
        ),
        (
            "report_stages",
            [&["report", "stages"][..], &as_of].concat(),
        ),
        (
            "report_values",
            [&["report", "values"][..], &as_of].concat(),
        ),
        ("report_churn", [&["report", "churn"][..], &as_of].concat()),
        ("report_causes", vec!["report", "causes"]),
        ("due", [&["due", "--within", "60"][..], &as_of].concat()),
        ("stats", vec!["stats"]),
        ("imports", vec!["imports"]),
        ("whoami", vec!["whoami"]),
        ("role_list", vec!["role", "list"]),
        ("audit", vec!["audit", "--limit", "2"]),
        (
            "points_show",
            vec!["points", "show", "C-000002", "--as-of", "2026-11-20"],
        ),
        ("points_statement", vec!["points", "statement", "C-000002"]),
        (
            "report_points",
            [&["report", "points"][..], &as_of].concat(),
        ),
    ];
    for (name, args) in cases {
        insta::assert_snapshot!(format!("json_{name}"), db.json(&args));
    }
}

#[test]
fn amounts_times_labels_and_customers_are_in_their_public_form() {
    let db = Db::fixtures();
    let card: Value =
        serde_json::from_str(&db.ok(&["customer", "show", "C-000002", "--format", "json"]))
            .expect("json");
    let customer = &card["customer"];
    assert_eq!(customer["customer_id"], "C-000002");
    assert!(customer["id"].as_str().is_some_and(|k| k.starts_with('#')));
    // An amount is a decimal string, as in the CSV files.
    let total = card["aggregate"]["total"].as_str().expect("a string");
    assert!(
        total.contains('.') && total.parse::<f64>().is_ok(),
        "{total}"
    );
    // A label as the command line takes it, never the Rust name.
    let status = customer["status"].as_str().expect("status");
    assert!(
        ["active", "churned", "won_back"].contains(&status),
        "{status}"
    );
    // Times in RFC 3339; customers by external id.
    for entry in card["timeline"].as_array().expect("timeline") {
        let record = &entry["record"];
        if let Some(customer) = record.get("customer") {
            assert_eq!(customer, "C-000002", "{entry}");
        }
        for key in ["ordered_at", "at", "opened_at"] {
            if let Some(at) = record.get(key).and_then(Value::as_str) {
                assert!(
                    chrono::DateTime::parse_from_rfc3339(at).is_ok(),
                    "{key}: {at}"
                );
            }
        }
    }
    // `--json` stays as a hidden alias.
    let alias: Value =
        serde_json::from_str(&db.ok(&["customer", "show", "C-000002", "--json"])).expect("json");
    assert_eq!(alias, card);
    // CSV of one customer is a row of the export, under the export's header.
    let csv = db.ok(&["customer", "show", "C-000002", "--format", "csv"]);
    let export = db.ok(&["export", "customers", "--out", "-"]);
    assert_eq!(csv.lines().next(), export.lines().next());
    assert!(
        export.lines().any(|l| Some(l) == csv.lines().nth(1)),
        "{csv}"
    );
}
