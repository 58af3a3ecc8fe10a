//! The command line: `clap` definitions and one handler per command, each a thin layer over
//! [`crate::service`].

mod analytics;
mod answers;
mod backup;
mod clap_words;
mod clv;
mod complaint;
mod context;
mod customer;
mod demo;
mod exit;
mod format;
mod import;
mod info;
mod init;
mod lang;
mod lookup;
mod points;
mod pop;
mod remind;
mod report;
mod report_sheets;
mod restore;
mod rfm_csv;
mod settings;
mod shell;
mod when;
mod workbench;
mod workflow;

use crate::transfer::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub use context::Context;
use exit::damaged_file;
pub use exit::{
    EXIT_DAMAGED, EXIT_DATABASE, EXIT_FAILED, EXIT_INTERNAL, EXIT_NOT_FOUND, EXIT_REFUSED,
    EXIT_USAGE, InternalError, exit_code,
};
pub(crate) use format::{data_out, print_json};
pub use lang::{choose_language, command, help_ids};
pub use report_sheets::column_title_ids as report_column_ids;
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
    #[arg(
        long,
        global = true,
        env = "LOYAL_DB",
        hide_env_values = true,
        value_name = "PATH",
        help_heading = "Global options"
    )]
    pub db: Option<PathBuf>,

    /// Language of the interface: zh (中文) or en [default: LOYAL_LANG, config, then the locale]
    #[arg(
        long,
        global = true,
        value_name = "zh|en",
        value_parser = ["zh", "en"],
        help_heading = "Global options"
    )]
    pub lang: Option<String>,

    /// Keymap of the workbench: default, vim, emacs, or a TOML file [default: from config]
    #[arg(long, value_name = "NAME|PATH")]
    pub keymap: Option<String>,

    /// Open the workbench on the demo database `loyal demo` built last (without rebuilding it)
    #[arg(long)]
    pub demo: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum ImportsAction {
    /// Undo import run ID (newest change first; orders it created go, changed ones get their
    /// earlier version back). Needs the admin role.
    #[command(after_help = "Examples:\n  loyal imports rollback 4")]
    Rollback {
        /// The run's number, as `loyal imports` lists it
        id: u64,
    },
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build a fresh demo database from the bundled fixtures, then open the workbench
    #[command(
        after_help = "Examples:\n  loyal demo                 build it and open the workbench\n  loyal demo --no-tui        only build it (then: loyal --db PATH, as it says)"
    )]
    Demo {
        /// Only build the database; do not open the workbench
        #[arg(long)]
        no_tui: bool,
        /// Keymap of the workbench: default, vim, emacs, or a TOML file [default: from config]
        #[arg(long, value_name = "NAME|PATH")]
        keymap: Option<String>,
    },
    /// Import a CSV or JSON file (all-or-nothing unless --skip-bad)
    #[command(
        after_help = "Examples:\n  loyal import customers customers.csv\n  loyal import orders orders.csv --dry-run\n  loyal import orders orders.csv --skip-bad rejects.csv\n  cat orders.json | loyal import orders - --format json\n\nColumns of every kind are listed in README.md. Re-importing the same file changes nothing."
    )]
    Import(ImportArgs),
    /// Export every record of a kind as CSV or JSON (imports back unchanged)
    #[command(
        after_help = "Examples:\n  loyal export customers --out customers.csv\n  loyal export orders --format json --out -   to standard output"
    )]
    Export {
        /// What to export
        #[arg(value_enum)]
        kind: KindArg,
        /// File format
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
        /// Write to this file instead of standard output (`-`: standard output)
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Write CSV in this encoding (gbk, gb18030, big5, utf-16) for a spreadsheet that
        /// expects it [default: utf-8]
        #[arg(long, value_name = "ENCODING")]
        encoding: Option<String>,
        /// Start UTF-8 CSV with a byte-order mark, so that Excel reads it as UTF-8
        #[arg(long)]
        bom: bool,
    },
    /// Find customers by phone (or its last 4+ digits), name, pinyin, initials, email, id, company
    #[command(
        after_help = "Examples:\n  loyal lookup 8000\n  loyal lookup \"+86 138-0013-8000\"\n  loyal lookup zhangsan\n  loyal lookup --format json --limit 5 smith\n\nExits with status 1 when nothing matches."
    )]
    Lookup {
        /// What the caller says: digits, a name, an email...
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// At most this many matches, best first
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[command(flatten)]
        output: format::FormatArg,
    },
    /// Show, add, edit or merge customer files
    #[command(subcommand)]
    Customer(Box<customer::CustomerCommand>),
    /// Show every effective setting and where it came from; change one
    #[command(
        after_help = "Examples:\n  loyal config\n  loyal config set currency ¥\n  loyal config set language zh\n  loyal config unset sla.first_response_hours"
    )]
    Config {
        #[command(subcommand)]
        action: Option<settings::ConfigAction>,
        #[command(flatten)]
        output: format::FormatArg,
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
    /// Reports: pareto (80/20), churn (retention by period), segments, stages (ladder), values, causes, satisfaction
    #[command(
        after_help = "Examples:\n  loyal report pareto\n  loyal report churn --period quarter\n  loyal report segments --format csv\n  loyal report causes\n  loyal report satisfaction --by owner"
    )]
    Report {
        /// Which report
        #[arg(value_enum)]
        kind: report::ReportKind,
        #[command(flatten)]
        score: analytics::ScoreArgs,
        /// Period of the churn and satisfaction reports
        #[arg(long, default_value = "month")]
        period: crate::scoring::Period,
        /// Satisfaction per account owner or per channel; churn (retention) per account owner
        #[arg(long, value_enum)]
        by: Option<crate::service::SatisfactionBy>,
        /// Cross-sell: rules bought together by at least this share of customers [default: 0.01]
        #[arg(long, value_name = "SHARE")]
        min_support: Option<f64>,
        /// Cross-sell: baskets of the orders' items or of their categories [default: items]
        #[arg(long, value_enum)]
        of: Option<crate::service::CrossSellBy>,
    },
    /// Customers expected to reorder soon (from their purchase rhythm), overdue first
    #[command(
        after_help = "Examples:\n  loyal due\n  loyal due --within 14 --create-plans\n  loyal due --as-of -30d --format json"
    )]
    Due {
        /// Due within this many days of the date (overdue ones included)
        #[arg(long, default_value_t = 7)]
        within: i64,
        /// Include customers overdue by at most this many days (longer: a churn case)
        #[arg(long, default_value_t = 30)]
        overdue_days: i64,
        /// The day to look from: 2026-12-01, -7d, ... [default: today]
        #[arg(long, value_name = "DATE", value_parser = when::date_value, allow_hyphen_values = true)]
        as_of: Option<chrono::NaiveDate>,
        /// Create a reorder care plan for each (unless one is already open)
        #[arg(long)]
        create_plans: bool,
        #[command(flatten)]
        output: format::FormatArg,
    },
    /// Who is still a customer and what each is worth: BG/NBD and Gamma-Gamma fitted on the orders, P(alive), expected purchases, lifetime value
    #[command(
        after_help = "Examples:\n  loyal clv\n  loyal clv --calibration-end 2026-06-30 --holdout-end 2026-09-30\n  loyal clv --months 24 --format csv > clv.csv"
    )]
    Clv(clv::ClvArgs),
    /// Valuable customers (MVC, MGC) who left or are slipping away, with no open win-back plan
    #[command(
        after_help = "Examples:\n  loyal winback\n  loyal winback --plan --due +2d\n  loyal winback --format json"
    )]
    Winback {
        /// The day to look from: 2026-12-01, -7d, ... [default: today]
        #[arg(long, value_name = "DATE", value_parser = when::date_value, allow_hyphen_values = true)]
        as_of: Option<chrono::NaiveDate>,
        /// Plan a win-back call for each (assigned to the customer's owner)
        #[arg(long)]
        plan: bool,
        /// When the planned calls are due [default: today]
        #[arg(long, value_name = "DATE", value_parser = when::date_value, allow_hyphen_values = true, requires = "plan")]
        due: Option<chrono::NaiveDate>,
        /// Show at most this many (the table; --plan plans them all)
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[command(flatten)]
        output: format::FormatArg,
    },
    /// The QA library of canned answers: list, search, add, edit, use, import, export
    #[command(subcommand)]
    Answers(Box<answers::AnswersCommand>),
    /// Bring a caller up in the workbenches of one staff member (for a telephony hook)
    #[command(
        after_help = "Examples:\n  loyal pop 13800138000\n  loyal pop \"+86 138-0013-8000\" --to \"Li Na\"\n\nOne customer with the number: the call screen; several: the lookup list; none: a new customer file with the number. A pop nobody saw in 60 s is dropped."
    )]
    Pop {
        /// The caller's number
        phone: String,
        /// Whose workbenches: a staff name or an OS account [default: your OS account]
        #[arg(long)]
        to: Option<String>,
    },
    /// What needs you now: overdue and due care plans, new complaints, SLAs within the hour
    #[command(
        after_help = "Examples:\n  loyal remind\n  loyal remind --format json\n  loyal remind --format tmux      in tmux.conf: set -g status-right '#(loyal remind --format tmux)'"
    )]
    Remind {
        /// text for people; json for programs; tmux for a status line
        #[arg(long, value_enum, default_value = "text")]
        format: remind::RemindFormat,
    },
    /// Follow-up log: record a contact with a customer
    #[command(subcommand)]
    Followup(Box<workflow::FollowupCommand>),
    /// Care plans: contacts planned ahead (add, done, skip, birthdays)
    #[command(subcommand)]
    Care(Box<workflow::CareCommand>),
    /// Open care plans: overdue first, then today, then the coming days
    #[command(
        after_help = "Examples:\n  loyal agenda\n  loyal agenda --owner li --days 14\n  loyal agenda --date tomorrow --format json"
    )]
    Agenda {
        /// The day to look from: 2026-12-01, today, tomorrow, +3d, -1d [default: today]
        #[arg(long, value_name = "DATE", value_parser = when::date_value, allow_hyphen_values = true)]
        date: Option<chrono::NaiveDate>,
        /// Only this person's plans (assignee, or the customer's owner)
        #[arg(long)]
        owner: Option<String>,
        /// How many days ahead to list
        #[arg(long, default_value_t = 7)]
        days: i64,
        #[command(flatten)]
        output: format::FormatArg,
    },
    /// Customers nobody has contacted for a while (7/15/30/90/180 days, never)
    #[command(
        after_help = "Examples:\n  loyal forgotten\n  loyal forgotten --days 90 --owner li\n  loyal forgotten --format csv > call-list.csv"
    )]
    Forgotten {
        /// List the customers silent at least this many days
        #[arg(long, default_value_t = 30)]
        days: i64,
        /// Only this owner's customers
        #[arg(long)]
        owner: Option<String>,
        /// At most this many customers, longest silent first
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[command(flatten)]
        output: format::FormatArg,
    },
    /// The complaint queue: breached first, then least time left, then severity
    #[command(
        after_help = "Examples:\n  loyal complaints\n  loyal complaints --breached\n  loyal complaints --assignee li --format json"
    )]
    Complaints {
        /// new, acknowledged, in_progress, resolved, closed [default: every open status]
        #[arg(long)]
        status: Option<crate::domain::ComplaintStatus>,
        /// Only complaints given to this person
        #[arg(long)]
        assignee: Option<String>,
        /// Only complaints routed to this team (finance, sales, ...)
        #[arg(long)]
        team: Option<String>,
        /// Only complaints that missed a deadline
        #[arg(long)]
        breached: bool,
        #[command(flatten)]
        output: format::FormatArg,
    },
    /// One complaint: open, show, ack, start, reply, note, contact, resolve, close, reopen, assign, route
    #[command(subcommand)]
    Complaint(Box<complaint::ComplaintAction>),
    /// Rewards points: show, statement, redeem, grant, expire, export, import
    #[command(subcommand)]
    Points(Box<points::PointsAction>),
    /// Who changed what and when (newest first)
    #[command(
        after_help = "Examples:\n  loyal audit\n  loyal audit --customer C-000042\n  loyal audit --user li --since -7d --format json"
    )]
    Audit {
        /// Only this customer (external id or #N)
        #[arg(long)]
        customer: Option<String>,
        /// Only this OS account or staff name
        #[arg(long)]
        user: Option<String>,
        /// Only since this date: 2026-11-01, yesterday, -7d, 2w ago ...
        #[arg(long, value_name = "DATE", value_parser = when::date_value, allow_hyphen_values = true)]
        since: Option<chrono::NaiveDate>,
        /// At most this many entries
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[command(flatten)]
        output: format::FormatArg,
    },
    /// Create the database: private to you, or shared with a group of staff
    #[command(
        after_help = "Examples:\n  loyal init\n  sudo install -d /srv/loyal && sudo chown $USER /srv/loyal\n  loyal --db /srv/loyal/team.redb init --group support"
    )]
    Init {
        /// Share the file with this Unix group (0660, setgid directory)
        #[arg(long)]
        group: Option<String>,
    },
    /// Roles: who may read (viewer), work (agent), or administer (admin)
    #[command(
        after_help = "Examples:\n  loyal role\n  loyal role set li agent\n  loyal role list --format json"
    )]
    Role {
        #[command(subcommand)]
        action: Option<RoleAction>,
        #[command(flatten)]
        output: format::FormatArg,
    },
    /// The import journal; `imports rollback ID` undoes one import run
    #[command(
        after_help = "Examples:\n  loyal imports\n  loyal imports --format json\n  loyal imports rollback 4"
    )]
    Imports {
        #[command(subcommand)]
        action: Option<ImportsAction>,
        #[command(flatten)]
        output: format::FormatArg,
    },
    /// Who you are to loyal: OS account, staff name, role
    #[command(after_help = "Examples:\n  loyal whoami\n  loyal whoami --format json")]
    Whoami {
        #[command(flatten)]
        output: format::FormatArg,
    },
    /// Counts of what the database holds
    #[command(after_help = "Examples:\n  loyal stats\n  loyal --db team.redb stats --format json")]
    Stats {
        #[command(flatten)]
        output: format::FormatArg,
    },
    /// Run the full integrity check of the database file (reads all of it)
    #[command(after_help = "Examples:\n  loyal check\n  loyal --db /srv/loyal/team.redb check")]
    Check,
    /// Generate a realistic data set as import CSV files (for demos and benchmarks)
    #[command(
        after_help = "Examples:\n  loyal gen --out data\n  loyal gen --customers 100000 --orders 1000000 --out big"
    )]
    Gen(Box<crate::generate::GenArgs>),
    /// A verified copy of the database, taken while others work (admins)
    #[command(
        after_help = "Examples:\n  loyal backup /backups/loyal-monday.redb\n  loyal backup --keep 14 /backups        dated file, the newest 14 kept\n\nA cron line for a nightly backup at 02:30:\n  30 2 * * * loyal --db /srv/loyal/team.redb backup --keep 14 /srv/backups/loyal"
    )]
    Backup {
        /// The new file (with --keep: the folder for dated backups)
        #[arg(value_name = "FILE|DIR")]
        target: PathBuf,
        /// Write a dated file into the folder and keep only the newest N there
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
        keep: Option<u64>,
    },
    /// Put a backup in the database's place (admins; nobody else may have it open)
    #[command(
        after_help = "Examples:\n  loyal --db /srv/loyal/team.redb restore /srv/backups/loyal/loyal-20261201-023000.redb\n\nThe backup is checked first; the replaced file is kept beside the database as\nFILE.before-restore-DATE, and the restore is written to the audit trail."
    )]
    Restore {
        /// The backup file (made by `loyal backup`)
        backup: PathBuf,
    },
    /// The shell completion script for bash, zsh, fish, elvish or powershell
    #[command(
        after_help = "Examples:\n  loyal completions bash > ~/.local/share/bash-completion/completions/loyal\n  loyal completions zsh > ~/.zfunc/_loyal\n  loyal completions fish > ~/.config/fish/completions/loyal.fish"
    )]
    Completions {
        /// Which shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The manual page (roff): loyal.1 to standard output, or one page per command in DIR
    #[command(
        after_help = "Examples:\n  loyal man | man -l -\n  loyal man --out ~/.local/share/man/man1"
    )]
    Man {
        /// Write loyal.1, loyal-import.1, ... into this folder
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum RoleAction {
    /// List the roles given so far (the default)
    #[command(after_help = "Examples:\n  loyal role list\n  loyal role list --format csv")]
    List {
        #[command(flatten)]
        output: format::FormatArg,
    },
    /// Give an OS account a role: viewer, agent or admin (admins only)
    #[command(after_help = "Examples:\n  loyal role set li agent\n  loyal role set wang viewer")]
    Set {
        /// The OS account (as `loyal whoami` names it)
        user: String,
        /// viewer, agent or admin
        role: crate::domain::Role,
    },
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// What the file holds
    #[arg(value_enum, required_unless_present_any = ["list_profiles", "save_profile", "remove_profile"])]
    pub kind: Option<KindArg>,
    /// The file to import; `-` for standard input
    #[arg(required_unless_present_any = ["list_profiles", "save_profile", "remove_profile"])]
    pub file: Option<PathBuf>,
    /// File format [default: from the file name, else csv]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// The file's text encoding (utf-8, utf-16, gbk, gb18030, big5...) [default: detected:
    /// a byte-order mark, else UTF-8 when every byte is, else a best guess]
    #[arg(long, value_name = "ENCODING")]
    pub encoding: Option<String>,
    /// The sheet of a workbook to read, by name or number (1 is the first) [default: the
    /// first]
    #[arg(long, value_name = "NAME|N")]
    pub sheet: Option<String>,
    /// Name columns yourself: `SOURCE=FIELD` pairs, e.g. "手机号码=phone,会员编号=customer_id"
    /// (headers such as 客户编号, 手机, Customer ID are known already)
    #[arg(long, value_name = "PAIRS")]
    pub map: Option<String>,
    /// Name columns by a mapping saved in the team settings (`--list-profiles`); `--map`
    /// adds to it
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Save `--map` as a profile for everyone (admin); with KIND and FILE, then import
    #[arg(long, value_name = "NAME", requires = "map")]
    pub save_profile: Option<String>,
    /// Remove a saved profile (admin)
    #[arg(long, value_name = "NAME", conflicts_with_all = ["save_profile", "kind"])]
    pub remove_profile: Option<String>,
    /// List the saved profiles
    #[arg(long, conflicts_with_all = ["kind", "save_profile"])]
    pub list_profiles: bool,
    /// Check everything and report what would change; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Import the good rows; write the bad ones, with the reason, to FILE
    #[arg(long, value_name = "FILE")]
    pub skip_bad: Option<PathBuf>,
    /// Create a minimal customer file for unknown customer ids
    #[arg(long)]
    pub create_missing: bool,
    /// Write everything in one transaction (somewhat faster, but everyone else's saves wait
    /// until it ends; for when nobody is working). Default: chunks under a journal id
    /// (`loyal imports`) that step aside for other saves
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
        None if cli.demo => demo::open_last(context, cli.keymap.as_deref()),
        None => {
            let service = if context.db_path.exists() {
                context.open()?
            } else {
                workbench::offer_to_create(context)?
            };
            workbench(context, service, cli.keymap.as_deref())
        }
        Some(Command::Demo { no_tui, keymap }) => {
            demo::run(context, no_tui, keymap.or(cli.keymap).as_deref())
        }
        Some(Command::Import(args)) => import::run(context, &args),
        Some(Command::Export {
            kind,
            format,
            out,
            encoding,
            bom,
        }) => import::export(
            context,
            kind.into(),
            format,
            out.as_deref(),
            (encoding.as_deref(), bom),
        ),
        Some(Command::Lookup {
            query,
            limit,
            output,
        }) => lookup::run(context, &query.join(" "), output.get(), limit),
        Some(Command::Customer(command)) => customer::run(context, *command),
        Some(Command::Config { action, output }) => settings::run(context, action, output.get()),
        Some(Command::Rfm { score, segment }) => {
            analytics::rfm(context, &score, segment.as_deref())
        }
        Some(Command::Report {
            kind,
            score,
            period,
            by,
            min_support,
            of,
        }) => report::report(
            context,
            kind,
            &score,
            period,
            by,
            report::CrossSellArgs { min_support, of },
        ),
        Some(Command::Clv(args)) => clv::run(context, &args),
        Some(Command::Winback {
            as_of,
            plan,
            due,
            limit,
            output,
        }) => analytics::winback(context, as_of, plan.then_some(due), limit, output.get()),
        Some(Command::Due {
            within,
            overdue_days,
            as_of,
            create_plans,
            output,
        }) => analytics::due(
            context,
            (within, overdue_days),
            as_of,
            create_plans,
            output.get(),
        ),
        Some(Command::Answers(command)) => answers::run(context, *command),
        Some(Command::Remind { format }) => remind::run(context, format),
        Some(Command::Pop { phone, to }) => pop::run(context, &phone, to),
        Some(Command::Followup(command)) => workflow::followup(context, *command),
        Some(Command::Care(command)) => workflow::care(context, *command),
        Some(Command::Agenda {
            date,
            owner,
            days,
            output,
        }) => workflow::agenda(context, date, owner.as_deref(), days, output.get()),
        Some(Command::Forgotten {
            days,
            owner,
            limit,
            output,
        }) => workflow::forgotten(context, days, owner.as_deref(), limit, output.get()),
        Some(Command::Complaints {
            status,
            assignee,
            team,
            breached,
            output,
        }) => complaint::queue(context, status, assignee, team, breached, output.get()),
        Some(Command::Complaint(action)) => complaint::action(context, *action),
        Some(Command::Points(action)) => points::action(context, *action),
        Some(Command::Audit {
            customer,
            user,
            since,
            limit,
            output,
        }) => info::audit(context, customer, user, since, limit, output.get()),
        Some(Command::Role { action, output }) => match action {
            None => info::roles(context, output.get()),
            Some(RoleAction::List { output }) => info::roles(context, output.get()),
            Some(RoleAction::Set { user, role }) => info::set_role(context, &user, role),
        },
        Some(Command::Init { group }) => init::run(context, group.as_deref()),
        Some(Command::Imports { action, output }) => import::imports(
            context,
            action.map(|ImportsAction::Rollback { id }| id),
            output.get(),
        ),
        Some(Command::Whoami { output }) => info::whoami(context, output.get()),
        Some(Command::Stats { output }) => info::stats(context, output.get()),
        Some(Command::Check) => info::check(context),
        Some(Command::Backup { target, keep }) => backup::run(context, &target, keep),
        Some(Command::Restore { backup }) => restore::run(context, &backup),
        Some(Command::Completions { shell }) => shell::completions(shell),
        Some(Command::Man { out }) => {
            let pages = shell::man(out.as_deref())?;
            if let Some(dir) = out {
                eprintln!(
                    "{}",
                    t!(
                        "cli-man-written",
                        n = pages,
                        dir = dir.display().to_string()
                    )
                );
            }
            Ok(())
        }
        Some(Command::Gen(args)) => crate::generate::run(&args),
    }
}
