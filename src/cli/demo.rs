//! `loyal demo`: a fresh database filled from the bundled fixtures, with every date moved so
//! that the fixtures' last day is today (the demo never looks stale), then the workbench.

use super::Context;
use crate::service::ImportOptions;
use crate::transfer::{self, Format, Kind};
use anyhow::Context as _;

/// The fixture files, compiled into the binary so `loyal demo` works from anywhere.
pub const FIXTURES: &[(Kind, &str)] = &[
    (
        Kind::Customers,
        include_str!("../../fixtures/customers.csv"),
    ),
    (Kind::Orders, include_str!("../../fixtures/orders.csv")),
    (
        Kind::FollowUps,
        include_str!("../../fixtures/followups.csv"),
    ),
    (
        Kind::CarePlans,
        include_str!("../../fixtures/care-plans.csv"),
    ),
    (
        Kind::Complaints,
        include_str!("../../fixtures/complaints.csv"),
    ),
];

/// The starter QA library (both languages), imported into every demo.
pub const ANSWERS: &str = include_str!("../../fixtures/answers.csv");

/// The last day of the fixture history (`loyal gen --end`).
pub const FIXTURE_END: &str = "2026-11-20";

/// Where `loyal demo` builds its database: the `--db` or `LOYAL_DB` path when one is given,
/// else `demo.redb` beside the default database.
pub fn path(context: &Context) -> anyhow::Result<std::path::PathBuf> {
    use super::context::DbSource;
    Ok(
        if matches!(context.db_source, DbSource::Flag | DbSource::Env) {
            context.db_path.clone()
        } else {
            crate::config::default_database()?.with_file_name("demo.redb")
        },
    )
}

/// `loyal --demo`: the workbench on the demo database built last, without rebuilding it.
pub fn open_last(context: &Context, keymap: Option<&str>) -> anyhow::Result<()> {
    let path = path(context)?;
    let demo = Context {
        db_path: path,
        ..context.clone()
    };
    if !demo.db_path.exists() {
        return Err(super::exit::NothingFound(Some(t!(
            "cli-no-demo-yet",
            file = demo.db_path.display().to_string()
        )))
        .into());
    }
    let service = demo.open()?;
    super::workbench(&demo, service, keymap)
}

pub fn run(context: &Context, no_tui: bool, keymap: Option<&str>) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    let path = path(context)?;
    if path.exists() {
        ensure_replaceable(context, &path)?;
        std::fs::remove_file(&path)
            .with_context(|| t!("cannot-replace", path = path.display().to_string()))?;
    }
    let demo = Context {
        db_path: path.clone(),
        ..context.clone()
    };
    let service = demo.create()?;
    service.mark_demo()?;
    let shift = shift_days()?;
    for (kind, text) in FIXTURES {
        let mut table = transfer::read_table(shifted(text, shift).as_bytes(), Format::Csv, *kind)
            .map_err(|e| anyhow::anyhow!("fixtures/{}.csv:{e}", kind.label()))?;
        if *kind == Kind::CarePlans {
            // Birthday plans must fall on the birthdays, which do not move with the other
            // dates: they are made from the customer files below instead.
            table
                .rows
                .retain(|row| row.get("purpose") != Some("birthday"));
        }
        super::import::import_table(
            &service,
            *kind,
            table,
            ImportOptions::default(),
            false,
            None,
        )
        .map_err(|e| anyhow::anyhow!("fixtures/{}.csv: {e}", kind.label()))?;
    }
    let (answers, errors) = transfer::read_answers(ANSWERS.as_bytes(), Format::Csv)
        .map_err(|e| anyhow::anyhow!("fixtures/answers.csv:{e}"))?;
    service
        .import_answers(&answers, errors, false)
        .map_err(|e| anyhow::anyhow!("fixtures/answers.csv: {e}"))?;
    service.plan_birthdays(crate::service::today(), 30)?;
    let stats = service.stats()?;
    println!(
        "{}",
        t!(
            "cli-demo-built",
            file = path.display().to_string(),
            customers = stats.customers,
            orders = stats.orders,
            followups = stats.followups,
            plans = stats.care_plans,
            complaints = stats.complaints
        )
    );
    // Without a terminal (a script, CI) the database is the result: say how to open it.
    if no_tui || !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        println!(
            "{}",
            t!("cli-demo-open-again", file = path.display().to_string())
        );
        return Ok(());
    }
    super::workbench(&demo, service, keymap)
}

/// Only a database that `loyal demo` built may be thrown away (`--db` or `LOYAL_DB` could name
/// real data).
fn ensure_replaceable(context: &Context, path: &std::path::Path) -> anyhow::Result<()> {
    let empty = std::fs::metadata(path)
        .map(|m| m.len() == 0)
        .unwrap_or(false);
    if empty {
        return Ok(());
    }
    let other = Context {
        db_path: path.to_path_buf(),
        ..context.clone()
    };
    let is_demo = other
        .open()
        .ok()
        .and_then(|s| s.is_demo().ok())
        .unwrap_or(false);
    if !is_demo {
        return Err(super::exit::refused(t!(
            "cli-demo-not-replaceable",
            file = path.display().to_string()
        )));
    }
    Ok(())
}

fn shift_days() -> anyhow::Result<i64> {
    let end = chrono::NaiveDate::parse_from_str(FIXTURE_END, "%Y-%m-%d")?;
    Ok((chrono::Local::now().date_naive() - end).num_days())
}

/// Moves every `YYYY-MM-DD` date in the fixture text by `days` (birthdays excepted: they are
/// not events). Dates inside RFC 3339 times move too; the time of day stays.
pub fn shifted(text: &str, days: i64) -> String {
    if days == 0 {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        out.push_str(&shift_line(line, days));
    }
    out
}

fn shift_line(line: &str, days: i64) -> String {
    let bytes = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < bytes.len() {
        let date =
            (i + 10 <= bytes.len() && is_date(&bytes[i..i + 10]) && !is_birthday_context(line, i))
                .then(|| chrono::NaiveDate::parse_from_str(&line[i..i + 10], "%Y-%m-%d").ok())
                .flatten();
        if let Some(date) = date {
            let moved = date + chrono::Duration::days(days);
            out.push_str(&moved.format("%Y-%m-%d").to_string());
            i += 10;
            continue;
        }
        let ch = line[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

fn is_date(b: &[u8]) -> bool {
    b.iter().enumerate().all(|(k, c)| {
        if k == 4 || k == 7 {
            *c == b'-'
        } else {
            c.is_ascii_digit()
        }
    })
}

/// Birthdays in the customers file are the only dates with a year before 2010.
fn is_birthday_context(line: &str, at: usize) -> bool {
    line.get(at..at + 4)
        .and_then(|y| y.parse::<i32>().ok())
        .is_some_and(|y| y < 2010)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifting_moves_events_not_birthdays() {
        let line = "C-1,Ann,1990-05-17,2026-11-20T09:30:00Z,2026-11-19\n";
        assert_eq!(
            shifted(line, 3),
            "C-1,Ann,1990-05-17,2026-11-23T09:30:00Z,2026-11-22\n"
        );
        assert_eq!(shifted("张三,2026-02-28\n", 1), "张三,2026-03-01\n");
    }
}
