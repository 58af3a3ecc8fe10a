//! The command line: `clap` definitions and one handler per command, each a thin layer over
//! [`crate::service`].

mod analytics;
mod clap_words;
mod complaint;
mod context;
mod customer;
mod demo;
mod exit;
mod import;
mod init;
mod lang;
mod lookup;
mod settings;
mod when;
mod workbench;
mod workflow;

use crate::transfer::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub use context::Context;
use exit::damaged_file;
pub use exit::{EXIT_DAMAGED, EXIT_INTERNAL, InternalError, exit_code};
pub use lang::{choose_language, command, help_ids};
pub use workbench::workbench;

const EXAMPLES: &str = "\
Examples:
  loyal demo                                 fresh demo database, then the workbench
  loyal import customers customers.csv       import (all-or-nothing)
  loyal import orders orders.csv --skip-bad rejects.csv
  loyal lookup 8000                          last digits of a phone number
  loyal lookup zs                            pinyin initials of 张三
  loyal customer show C-0042
  loyal export orders --format json --out orders.json
  loyal config set scoring.churn_days 120    a team setting (stored in the database)";

/// loyal: the terminal customer-loyalty workbench.
#[derive(Debug, Parser)]
#[command(name = "loyal", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// Database file [default: loyal.redb in your data directory]
    #[arg(long, global = true, env = "LOYAL_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Keymap of the workbench: default, vim, emacs, or a TOML file [default: from config]
    #[arg(long, global = true, value_name = "NAME|PATH")]
    pub keymap: Option<String>,

    /// Language of the interface: zh (中文) or en [default: LOYAL_LANG, config, then the locale]
    #[arg(long, global = true, value_name = "zh|en", value_parser = ["zh", "en"])]
    pub lang: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum ImportsAction {
    /// Undo import run ID (newest change first; orders it created go, changed ones get their
    /// earlier version back). Needs the admin role.
    Rollback { id: u64 },
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build a fresh demo database from the bundled fixtures, then open the workbench
    Demo {
        /// Only build the database; do not open the workbench
        #[arg(long)]
        no_tui: bool,
    },
    /// Import a CSV or JSON file (all-or-nothing unless --skip-bad)
    #[command(
        after_help = "Columns of every kind are listed in README.md. Re-importing the same file changes nothing."
    )]
    Import(ImportArgs),
    /// Export every record of a kind as CSV or JSON (imports back unchanged)
    Export {
        #[arg(value_enum)]
        kind: KindArg,
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
        /// Write to this file instead of standard output
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Find customers by phone (or its last 4+ digits), name, pinyin, initials, email, id, company
    #[command(
        after_help = "Examples:\n  loyal lookup 8000\n  loyal lookup \"+86 138-0013-8000\"\n  loyal lookup zhangsan\n  loyal lookup --json --limit 5 smith"
    )]
    Lookup {
        /// What the caller says: digits, a name, an email...
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// Show, add, edit or merge customer files
    #[command(subcommand)]
    Customer(Box<customer::CustomerCommand>),
    /// Show every effective setting and where it came from; change one
    Config {
        #[command(subcommand)]
        action: Option<settings::ConfigAction>,
    },
    /// RFM table: recency, frequency, monetary, scores, segment, value class, ladder stage
    #[command(
        after_help = "Examples:\n  loyal rfm\n  loyal rfm --as-of 2026-06-30 --format csv > rfm.csv\n  loyal rfm --segment \"At Risk\""
    )]
    Rfm {
        #[command(flatten)]
        score: analytics::ScoreArgs,
        /// Only this segment (Champions, Loyal, At Risk, ...)
        #[arg(long)]
        segment: Option<String>,
    },
    /// Reports: pareto (80/20), churn (retention by period), segments, stages (ladder), values, causes
    Report {
        #[arg(value_enum)]
        kind: analytics::ReportKind,
        #[command(flatten)]
        score: analytics::ScoreArgs,
        /// Period of the churn report
        #[arg(long, default_value = "month")]
        period: crate::scoring::Period,
    },
    /// Customers expected to reorder soon (from their purchase rhythm), overdue first
    Due {
        /// Due within this many days of the date (overdue ones included)
        #[arg(long, default_value_t = 7)]
        within: i64,
        /// Include customers overdue by at most this many days (longer: a churn case)
        #[arg(long, default_value_t = 30)]
        overdue_days: i64,
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<chrono::NaiveDate>,
        /// Create a reorder care plan for each (unless one is already open)
        #[arg(long)]
        create_plans: bool,
        #[arg(long, value_enum, default_value = "table")]
        format: analytics::OutputFormat,
    },
    /// Follow-up log: record a contact with a customer
    #[command(subcommand)]
    Followup(Box<workflow::FollowupCommand>),
    /// Care plans: contacts planned ahead (add, done, skip, birthdays)
    #[command(subcommand)]
    Care(Box<workflow::CareCommand>),
    /// Open care plans: overdue first, then today, then the coming days
    Agenda {
        /// The day to look from: 2026-12-01, today, tomorrow, +3d [default: today]
        #[arg(long)]
        date: Option<String>,
        /// Only this person's plans (assignee, or the customer's owner)
        #[arg(long)]
        owner: Option<String>,
        #[arg(long, default_value_t = 7)]
        days: i64,
        #[arg(long, value_enum, default_value = "table")]
        format: analytics::OutputFormat,
    },
    /// Customers nobody has contacted for a while (7/15/30/90/180 days, never)
    Forgotten {
        /// List the customers silent at least this many days
        #[arg(long, default_value_t = 30)]
        days: i64,
        #[arg(long)]
        owner: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long, value_enum, default_value = "table")]
        format: analytics::OutputFormat,
    },
    /// The complaint queue: breached first, then least time left, then severity
    Complaints {
        /// new, acknowledged, in_progress, resolved, closed [default: every open status]
        #[arg(long)]
        status: Option<crate::domain::ComplaintStatus>,
        #[arg(long)]
        assignee: Option<String>,
        /// Only complaints that missed a deadline
        #[arg(long)]
        breached: bool,
        #[arg(long, value_enum, default_value = "table")]
        format: analytics::OutputFormat,
    },
    /// One complaint: open, show, ack, start, reply, note, contact, resolve, close, reopen, assign
    #[command(subcommand)]
    Complaint(Box<complaint::ComplaintAction>),
    /// Who changed what and when (newest first)
    Audit {
        /// Only this customer (external id or #N)
        #[arg(long)]
        customer: Option<String>,
        /// Only this OS account or staff name
        #[arg(long)]
        user: Option<String>,
        /// Only since this date (2026-11-01, today, ...)
        #[arg(long)]
        since: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Create the database: private to you, or shared with a group of staff
    #[command(
        after_help = "Example:\n  sudo install -d /srv/loyal && sudo chown $USER /srv/loyal\n  loyal --db /srv/loyal/team.redb init --group support"
    )]
    Init {
        /// Share the file with this Unix group (0660, setgid directory)
        #[arg(long)]
        group: Option<String>,
    },
    /// Roles: who may read (viewer), work (agent), or administer (admin)
    Role {
        #[command(subcommand)]
        action: Option<RoleAction>,
    },
    /// The import journal; `imports rollback ID` undoes one import run
    Imports {
        #[command(subcommand)]
        action: Option<ImportsAction>,
    },
    /// Who you are to loyal: OS account, staff name, role
    Whoami,
    /// Counts of what the database holds
    Stats,
    /// Run the full integrity check of the database file (reads all of it)
    Check,
    /// Generate a realistic data set as import CSV files (for demos and benchmarks)
    Gen(Box<crate::generate::GenArgs>),
}

#[derive(Debug, Subcommand)]
pub enum RoleAction {
    /// List the roles given so far (the default)
    List,
    /// Give an OS account a role: viewer, agent or admin (admins only)
    Set {
        user: String,
        role: crate::domain::Role,
    },
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[arg(value_enum)]
    pub kind: KindArg,
    /// The file to import; `-` for standard input
    pub file: PathBuf,
    /// File format [default: from the file name, else csv]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Check everything and report what would change; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Import the good rows; write the bad ones, with the reason, to FILE
    #[arg(long, value_name = "FILE")]
    pub skip_bad: Option<PathBuf>,
    /// Create a minimal customer file for unknown customer ids
    #[arg(long)]
    pub create_missing: bool,
    /// Write everything in one transaction (several times faster, but everyone else's saves
    /// wait until it ends; for when nobody is working). Default for all kinds but customers:
    /// short chunks under a journal id (`loyal imports`)
    #[arg(long)]
    pub one_transaction: bool,
}

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Customers,
    Orders,
    #[value(alias = "follow-ups")]
    Followups,
    #[value(alias = "careplans", alias = "care_plans")]
    CarePlans,
    Complaints,
}

impl From<KindArg> for crate::transfer::Kind {
    fn from(k: KindArg) -> Self {
        use crate::transfer::Kind;
        match k {
            KindArg::Customers => Kind::Customers,
            KindArg::Orders => Kind::Orders,
            KindArg::Followups => Kind::FollowUps,
            KindArg::CarePlans => Kind::CarePlans,
            KindArg::Complaints => Kind::Complaints,
        }
    }
}

/// Standard output for data (CSV, exports): as it is to a file or a pipe, line by line through
/// [`crate::text::sanitize`] to a terminal, where an escape sequence in a cell would run.
pub(crate) fn data_out() -> Box<dyn std::io::Write> {
    use std::io::IsTerminal;
    let out = std::io::stdout();
    if out.is_terminal() {
        Box::new(crate::text::TerminalWriter::new(out.lock()))
    } else {
        Box::new(out.lock())
    }
}

/// Prints `value` as indented JSON on stdout. Every `--json` output goes through here, so C1
/// controls, DEL and bidirectional controls in names and notes are written as `\uXXXX`, never
/// raw (see [`crate::transfer::write_json`]).
pub(crate) fn print_json(value: &(impl serde::Serialize + ?Sized)) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    crate::transfer::write_json(&mut out, value, true)?;
    writeln!(out)?;
    Ok(())
}

/// Runs the parsed command line. No panic reaches the user as a backtrace: one inside redb (a
/// damaged page) becomes the damaged-file error and marks the file so that nothing more is
/// written to it; one in loyal's own code becomes one "internal error" line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let context = Context::new(cli.db.clone())?;
    crate::store::damage::quiet_panics();
    let outcome =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_command(&context, cli)));
    let result = match outcome {
        Ok(result) => result,
        Err(payload) => Err(match crate::store::damage::take_redb_panic_anywhere() {
            Some(detail) => crate::store::damage::damaged(&context.db_path, detail).into(),
            // This thread's record names where it happened; a panic passed on from another
            // thread has only its message.
            None => InternalError(
                crate::store::damage::take_panic()
                    .unwrap_or_else(|| crate::store::damage::payload_text(payload.as_ref())),
            )
            .into(),
        }),
    };
    if let Err(error) = &result
        && let Some(store_error) = damaged_file(error)
    {
        // The file the error names (demo works on its own file), else the one of this run.
        let path = match store_error {
            crate::store::StoreError::Damaged { path, .. } => path.as_path(),
            _ => context.db_path.as_path(),
        };
        crate::store::damage::found(path, &store_error.to_string());
    }
    result
}

fn run_command(context: &Context, cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        None => {
            let service = if context.db_path.exists() {
                context.open()?
            } else {
                workbench::offer_to_create(context)?
            };
            workbench(context, service, cli.keymap.as_deref())
        }
        Some(Command::Demo { no_tui }) => demo::run(context, no_tui, cli.keymap.as_deref()),
        Some(Command::Import(args)) => import::run(context, &args),
        Some(Command::Export { kind, format, out }) => {
            import::export(context, kind.into(), format, out.as_deref())
        }
        Some(Command::Lookup { query, json, limit }) => {
            lookup::run(context, &query.join(" "), json, limit)
        }
        Some(Command::Customer(command)) => customer::run(context, *command),
        Some(Command::Config { action }) => settings::run(context, action),
        Some(Command::Rfm { score, segment }) => {
            analytics::rfm(context, &score, segment.as_deref())
        }
        Some(Command::Report {
            kind,
            score,
            period,
        }) => analytics::report(context, kind, &score, period),
        Some(Command::Due {
            within,
            overdue_days,
            as_of,
            create_plans,
            format,
        }) => analytics::due(context, (within, overdue_days), as_of, create_plans, format),
        Some(Command::Followup(command)) => workflow::followup(context, *command),
        Some(Command::Care(command)) => workflow::care(context, *command),
        Some(Command::Agenda {
            date,
            owner,
            days,
            format,
        }) => workflow::agenda(context, date.as_deref(), owner.as_deref(), days, format),
        Some(Command::Forgotten {
            days,
            owner,
            limit,
            format,
        }) => workflow::forgotten(context, days, owner.as_deref(), limit, format),
        Some(Command::Complaints {
            status,
            assignee,
            breached,
            format,
        }) => complaint::queue(context, status, assignee, breached, format),
        Some(Command::Complaint(action)) => complaint::action(context, *action),
        Some(Command::Audit {
            customer,
            user,
            since,
            limit,
            json,
        }) => {
            let since = match since {
                Some(s) => {
                    let date = when::date_arg(&s)?;
                    let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default();
                    use chrono::TimeZone;
                    chrono::Local
                        .from_local_datetime(&midnight)
                        .earliest()
                        .map(|t| t.timestamp_millis())
                }
                None => None,
            };
            let filter = crate::service::AuditFilter {
                customer: customer.as_deref().map(crate::service::CustomerKey::parse),
                user,
                since,
                limit,
            };
            let entries = context.open()?.audit(&filter)?;
            if json {
                print_json(&entries)?;
            } else {
                for e in &entries {
                    println!(
                        "{} {} {} ({}) {} {}",
                        when::local_time(e.at),
                        crate::text::fit(&e.action_title(), 22),
                        crate::text::sanitize(&e.staff),
                        crate::text::sanitize(&e.os_user),
                        crate::text::sanitize(&e.subject),
                        crate::text::sanitize(&e.detail)
                    );
                }
            }
            Ok(())
        }
        Some(Command::Role { action }) => {
            let service = context.open()?;
            match action.unwrap_or(RoleAction::List) {
                RoleAction::List => {
                    for (user, role) in service.roles()? {
                        println!("{} {}", crate::text::fit(&user, 24), role.title());
                    }
                    let default = service.team_setting("roles.default")?;
                    let default = default
                        .parse::<crate::domain::Role>()
                        .map_or(default.clone(), |r| r.title().to_owned());
                    println!("{}", t!("cli-roles-anyone-else", role = default));
                }
                RoleAction::Set { user, role } => {
                    service.set_role(&user, role)?;
                    println!(
                        "{}",
                        t!(
                            "cli-role-now",
                            user = crate::text::sanitize(&user).into_owned(),
                            role = role.title()
                        )
                    );
                }
            }
            Ok(())
        }
        Some(Command::Init { group }) => init::run(context, group.as_deref()),
        Some(Command::Imports { action }) => {
            import::imports(context, action.map(|ImportsAction::Rollback { id }| id))
        }
        Some(Command::Whoami) => {
            let service = context.open()?;
            let (user, role) = service.whoami();
            println!(
                "{}",
                t!(
                    "cli-whoami",
                    user = crate::text::sanitize(user).into_owned(),
                    staff = crate::text::sanitize(&context.staff_name()).into_owned(),
                    role = role.title()
                )
            );
            Ok(())
        }
        Some(Command::Stats) => {
            let stats = context.open()?.stats()?;
            let label = |id: &'static str| crate::text::fit(id, 11);
            println!(
                "{}{}",
                label(ts!("cli-stats-database")),
                context.db_path.display()
            );
            println!("{}{}", label(ts!("cli-stats-customers")), stats.customers);
            println!("{}{}", label(ts!("cli-stats-orders")), stats.orders);
            println!("{}{}", label(ts!("cli-stats-followups")), stats.followups);
            println!("{}{}", label(ts!("cli-stats-plans")), stats.care_plans);
            println!("{}{}", label(ts!("cli-stats-complaints")), stats.complaints);
            let mib = |b: u64| format!("{:.1}", b as f64 / 1_048_576.0);
            println!(
                "{}{} MiB",
                label(ts!("cli-stats-file-size")),
                mib(stats.file_bytes)
            );
            let pages = label(ts!("cli-stats-pages"));
            match stats.space {
                Some(space) => println!(
                    "{pages}{}",
                    t!(
                        "cli-stats-pages-line",
                        used = mib(space.allocated_bytes),
                        data = mib(space.stored_bytes),
                        meta = mib(space.metadata_bytes),
                        free = mib(space.fragmented_bytes)
                    )
                ),
                None => println!("{pages}{}", t!("cli-stats-pages-unknown")),
            }
            Ok(())
        }
        Some(Command::Check) => {
            let mut service = context.open()?;
            if service.check_integrity()? {
                let file = context.db_path.display().to_string();
                println!("{}", t!("cli-check-passed", file = file));
                if crate::store::damage::clear(&context.db_path) {
                    println!("{}", t!("cli-check-unmarked"));
                }
            } else {
                let file = context.db_path.display().to_string();
                println!("{}", t!("cli-check-repaired", file = file));
            }
            Ok(())
        }
        Some(Command::Gen(args)) => crate::generate::run(&args),
    }
}
