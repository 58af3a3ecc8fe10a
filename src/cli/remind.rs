//! `loyal remind`: what needs me now, as the workbench's top line counts it, for a shell
//! prompt, cron or tmux's status line.

use super::Context;
use crate::text::sanitize;
use clap::ValueEnum;

/// How `loyal remind` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RemindFormat {
    /// One line for people (a prompt, a cron mail)
    Text,
    /// The counts and what they are made of, for programs
    Json,
    /// A short line with tmux colours for `status-right`; empty when nothing needs you
    Tmux,
}

pub fn run(context: &Context, format: RemindFormat) -> anyhow::Result<()> {
    let service = context.open()?;
    let now = chrono::Utc::now().timestamp_millis();
    let reminders = service.reminders_at(now)?;
    match format {
        RemindFormat::Json => super::print_json(&service, &reminders),
        RemindFormat::Text => {
            let staff = sanitize(&reminders.staff).into_owned();
            let parts = reminders.parts(false);
            if parts.is_empty() {
                println!("{}", t!("remind-nothing", staff = staff));
            } else {
                println!(
                    "{}",
                    t!("remind-line", staff = staff, items = parts.join(" · "))
                );
            }
            Ok(())
        }
        RemindFormat::Tmux => {
            let parts = reminders.parts(true);
            if parts.is_empty() {
                println!();
                return Ok(());
            }
            // `#[` opens a tmux style, `#` alone is doubled; the words are the catalogue's.
            let line = parts.join(" ").replace('#', "##");
            let urgent = reminders.overdue_plans + reminders.sla_breached > 0;
            let style = if urgent {
                "#[fg=red,bold]"
            } else {
                "#[fg=yellow]"
            };
            println!("{style}{}#[default]", sanitize(&line));
            Ok(())
        }
    }
}
