//! `loyal backup FILE` and `loyal backup --keep N DIR`: a verified copy of the database taken
//! while people work, with a progress bar; dated and rotated for cron.

use super::Context;
use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressStyle};
use std::path::Path;

pub fn run(context: &Context, target: &Path, keep: Option<u64>) -> anyhow::Result<()> {
    let service = context.open()?;
    let to = match keep {
        Some(_) => {
            std::fs::create_dir_all(target)
                .with_context(|| t!("cannot-create", path = target.display().to_string()))?;
            target.join(crate::service::dated_name(chrono::Local::now()))
        }
        None => target.to_path_buf(),
    };
    let bar = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        ProgressBar::new(0)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template(&t!("cli-backup-progress"))
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let started = std::time::Instant::now();
    let report = service.backup(&to, &mut |done, total| {
        bar.set_length(total);
        bar.set_position(done);
    });
    bar.finish_and_clear();
    let report = report?;
    let seconds = started.elapsed().as_secs_f64();
    let mib = report.bytes as f64 / 1_048_576.0;
    println!(
        "{}",
        t!(
            "cli-backup-done",
            file = report.path.display().to_string(),
            tables = report.tables,
            rows = crate::text::thousands(report.rows),
            mib = format!("{mib:.1}"),
            seconds = format!("{seconds:.1}"),
            rate = format!("{:.0}", mib / seconds.max(0.001))
        )
    );
    if let Some(keep) = keep {
        let keep = usize::try_from(keep).unwrap_or(usize::MAX);
        let removed = crate::service::rotate(target, keep)
            .with_context(|| t!("cannot-write", path = target.display().to_string()))?;
        for path in removed {
            println!(
                "{}",
                t!("cli-backup-removed", file = path.display().to_string())
            );
        }
    }
    Ok(())
}
