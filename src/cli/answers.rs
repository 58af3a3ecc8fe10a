//! `loyal answers ...`: the QA library of canned answers from the command line: list, show,
//! search (pinyin and initials too), add, edit, remove, use one for a case (placeholders
//! filled, the use counted), and bring a library in or out as CSV or JSON.

use super::Context;
use super::format::{FormatArg, OutputFormat};
use super::when::local_time;
use crate::domain::{Answer, NewAnswer, parse_tags};
use crate::service::{AnswerCase, AnswerEdit, CustomerKey, ServiceError};
use crate::text::{fit, sanitize};
use crate::transfer::{self, Format};
use anyhow::Context as _;
use clap::{Subcommand, ValueEnum};
use std::path::{Path, PathBuf};

/// The formats a library is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnswersFileFormat {
    Csv,
    Json,
}

impl AnswersFileFormat {
    fn format(self) -> Format {
        match self {
            AnswersFileFormat::Csv => Format::Csv,
            AnswersFileFormat::Json => Format::Json,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum AnswersCommand {
    /// Every answer of the library, by id
    #[command(after_help = "Examples:\n  loyal answers list\n  loyal answers list --tag 退款")]
    List {
        /// Only answers with this tag
        #[arg(long)]
        tag: Option<String>,
        #[command(flatten)]
        output: FormatArg,
    },
    /// One answer in full: its text, tags, who wrote and changed it, how often it was used
    #[command(after_help = "Examples:\n  loyal answers show A-0001")]
    Show {
        /// The answer: A-0001
        id: String,
        #[command(flatten)]
        output: FormatArg,
    },
    /// Find answers by words of the title, tags or text (prefixes, typos; pinyin and initials)
    #[command(
        after_help = "Examples:\n  loyal answers search refund\n  loyal answers search tuikuan\n  loyal answers search tk"
    )]
    Search {
        /// Words to look for
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// At most this many answers, best first
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[command(flatten)]
        output: FormatArg,
    },
    /// Add an answer; its text may hold {name}, {complaint}, {staff} and {due}
    #[command(
        after_help = "Examples:\n  loyal answers add --title 退款流程 --text \"{name}您好，退款将在3个工作日内原路退回。\" --tags 退款,售后\n  loyal answers add --title \"Late delivery\" --text \"Dear {name}, ...\" --lang en"
    )]
    Add {
        /// One line the picker shows
        #[arg(long)]
        title: String,
        /// What is said or written
        #[arg(long)]
        text: String,
        /// Tags, separated by commas
        #[arg(long, default_value = "")]
        tags: String,
        /// The language it is written in: zh, en, ...
        #[arg(long)]
        lang: Option<String>,
        /// Its id [default: the next A-0001]
        #[arg(long)]
        id: Option<String>,
    },
    /// Change an answer (only the fields given)
    #[command(
        after_help = "Examples:\n  loyal answers edit A-0001 --tags 退款,售后,财务\n  loyal answers edit A-0001 --if-version 2 --text \"...\""
    )]
    Edit {
        /// The answer: A-0001
        id: String,
        /// Refuse the change if the answer is no longer at this version (someone saved meanwhile)
        #[arg(long)]
        if_version: Option<u64>,
        /// One line the picker shows
        #[arg(long)]
        title: Option<String>,
        /// What is said or written
        #[arg(long)]
        text: Option<String>,
        /// Tags, separated by commas ("" clears them)
        #[arg(long)]
        tags: Option<String>,
        /// The language it is written in ("" clears it)
        #[arg(long)]
        lang: Option<String>,
    },
    /// Remove an answer from the library
    #[command(after_help = "Examples:\n  loyal answers remove A-0007")]
    Remove {
        /// The answer: A-0001
        id: String,
        /// Refuse if the answer is no longer at this version (someone saved meanwhile)
        #[arg(long)]
        if_version: Option<u64>,
    },
    /// The text of an answer for a case, placeholders filled (the use is counted)
    #[command(
        after_help = "Examples:\n  loyal answers use A-0001 --complaint CM-000012\n  loyal answers use A-0003 --customer C-0042"
    )]
    Use {
        /// The answer: A-0001
        id: String,
        /// The customer ({name}): C-0042 or #N [default: the complaint's or plan's]
        #[arg(long)]
        customer: Option<String>,
        /// The complaint ({complaint}, and {due} its next deadline)
        #[arg(long)]
        complaint: Option<String>,
        /// The care plan ({due} its due date)
        #[arg(long)]
        plan: Option<String>,
        #[command(flatten)]
        output: FormatArg,
    },
    /// Bring answers in from CSV or JSON (by id, or by title when there is no id)
    #[command(
        after_help = "Examples:\n  loyal answers import answers.csv\n  loyal answers import qa.json --skip-bad\n  loyal answers import 话术.csv --encoding gbk"
    )]
    Import {
        /// The file (`-`: standard input)
        file: PathBuf,
        /// csv or json [default: from the file's extension]
        #[arg(long, value_enum)]
        format: Option<AnswersFileFormat>,
        /// Import the good rows and list the bad ones (default: nothing unless every row is good)
        #[arg(long)]
        skip_bad: bool,
        /// The file's text encoding: utf-8, gbk, gb18030, big5, utf-16 [default: detected]
        #[arg(long)]
        encoding: Option<String>,
    },
    /// Write the whole library as CSV or JSON (it imports again unchanged)
    #[command(
        after_help = "Examples:\n  loyal answers export > answers.csv\n  loyal answers export --format json --out answers.json"
    )]
    Export {
        /// csv or json
        #[arg(long, value_enum, default_value = "csv")]
        format: AnswersFileFormat,
        /// Write to this file instead of standard output
        #[arg(long, short, value_name = "FILE")]
        out: Option<PathBuf>,
    },
}

pub fn run(context: &Context, command: AnswersCommand) -> anyhow::Result<()> {
    let service = context.open()?;
    match command {
        AnswersCommand::List { tag, output } => {
            let mut answers = service.answers()?;
            if let Some(tag) = tag {
                let tag = tag.trim().to_lowercase();
                answers.retain(|a| a.tags.iter().any(|t| t.to_lowercase() == tag));
            }
            print_list(&service, &answers, output.get())
        }
        AnswersCommand::Show { id, output } => {
            let answer = service.answer(&id)?;
            match output.get() {
                OutputFormat::Json => super::print_json(&service, &answer),
                OutputFormat::Csv => print_csv(std::slice::from_ref(&answer)),
                OutputFormat::Table => {
                    print_one(&answer);
                    Ok(())
                }
            }
        }
        AnswersCommand::Search {
            query,
            limit,
            output,
        } => {
            let answers = service.search_answers(&query.join(" "), limit)?;
            print_list(&service, &answers, output.get())
        }
        AnswersCommand::Add {
            title,
            text,
            tags,
            lang,
            id,
        } => {
            let answer = service.add_answer(&NewAnswer {
                id,
                title,
                text,
                tags: parse_tags(&tags),
                lang,
            })?;
            println!(
                "{}",
                t!(
                    "cli-answer-added",
                    id = sanitize(&answer.id).into_owned(),
                    title = sanitize(&answer.title).into_owned()
                )
            );
            Ok(())
        }
        AnswersCommand::Edit {
            id,
            if_version,
            title,
            text,
            tags,
            lang,
        } => {
            let edit = AnswerEdit {
                title,
                text,
                tags: tags.as_deref().map(parse_tags),
                lang,
            };
            let answer = service.edit_answer(&id, &edit, if_version)?;
            println!(
                "{}",
                t!(
                    "cli-answer-saved",
                    id = sanitize(&answer.id).into_owned(),
                    version = answer.version
                )
            );
            Ok(())
        }
        AnswersCommand::Remove { id, if_version } => {
            let answer = service.remove_answer(&id, if_version)?;
            println!(
                "{}",
                t!(
                    "cli-answer-removed",
                    id = sanitize(&answer.id).into_owned(),
                    title = sanitize(&answer.title).into_owned()
                )
            );
            Ok(())
        }
        AnswersCommand::Use {
            id,
            customer,
            complaint,
            plan,
            output,
        } => {
            let used = service.use_answer(
                &id,
                &AnswerCase {
                    customer: customer.as_deref().map(CustomerKey::parse),
                    complaint,
                    plan,
                },
            )?;
            match output.get() {
                OutputFormat::Json => super::print_json(&service, &used),
                _ => {
                    for line in used.text.lines() {
                        println!("{}", sanitize(line));
                    }
                    Ok(())
                }
            }
        }
        AnswersCommand::Import {
            file,
            format,
            skip_bad,
            encoding,
        } => import(&service, &file, format, skip_bad, encoding.as_deref()),
        AnswersCommand::Export { format, out } => {
            let answers = service.answers()?;
            let out = out.as_deref().filter(|p| p.as_os_str() != "-");
            super::format::write_out(out, |w| {
                Ok(transfer::write_answers(w, format.format(), &answers)?)
            })
        }
    }
}

fn print_csv(answers: &[Answer]) -> anyhow::Result<()> {
    let mut out = super::format::data_out();
    transfer::write_answers(&mut out, Format::Csv, answers)?;
    Ok(out.flush()?)
}

use std::io::Write as _;

fn print_list(
    service: &crate::service::Service,
    answers: &[Answer],
    format: OutputFormat,
) -> anyhow::Result<()> {
    match format {
        OutputFormat::Json => return super::print_json(service, answers),
        OutputFormat::Csv => return print_csv(answers),
        OutputFormat::Table => {}
    }
    if answers.is_empty() {
        println!("{}", t!("cli-answers-none"));
        return Ok(());
    }
    println!(
        "{} {} {} {}",
        fit(ts!("answers-col-id"), 8),
        fit(ts!("answers-col-title"), 30),
        fit(ts!("answers-col-tags"), 20),
        ts!("answers-col-uses")
    );
    for a in answers {
        println!(
            "{} {} {} {}",
            fit(&a.id, 8),
            fit(&a.title, 30),
            fit(&a.tags.join(", "), 20),
            a.uses
        );
    }
    Ok(())
}

fn print_one(a: &Answer) {
    println!("{}  {}", sanitize(&a.id), sanitize(&a.title));
    if !a.tags.is_empty() {
        println!(
            "{}: {}",
            ts!("answers-col-tags"),
            sanitize(&a.tags.join(", "))
        );
    }
    if let Some(lang) = &a.lang {
        println!("{}: {}", ts!("answers-col-lang"), sanitize(lang));
    }
    println!(
        "{}",
        t!(
            "cli-answer-written",
            by = sanitize(&a.created_by).into_owned(),
            at = local_time(a.created_at),
            changed_by = sanitize(&a.changed_by).into_owned(),
            at_changed = local_time(a.changed_at),
            version = a.version,
            uses = a.uses
        )
    );
    println!();
    for line in a.text.lines() {
        println!("  {}", sanitize(line));
    }
}

fn import(
    service: &crate::service::Service,
    file: &Path,
    format: Option<AnswersFileFormat>,
    skip_bad: bool,
    encoding: Option<&str>,
) -> anyhow::Result<()> {
    let name = sanitize(&file.display().to_string()).into_owned();
    let format = match format {
        Some(f) => f.format(),
        None if file
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json")) =>
        {
            Format::Json
        }
        None => Format::Csv,
    };
    let given = match encoding {
        Some(label) => Some(transfer::TextEncoding::named(label).ok_or_else(|| {
            super::exit::refused(t!(
                "cli-unknown-encoding",
                name = sanitize(label).into_owned()
            ))
        })?),
        None => None,
    };
    let read = if file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
            .context(t!("cli-reading-stdin"))?;
        let encoding = given.unwrap_or(transfer::TextEncoding::UTF8);
        let input = encoding.reader(std::io::Cursor::new(bytes))?;
        transfer::read_answers(input, format)
    } else {
        let cannot = || t!("cannot-open-file", path = file.display().to_string());
        let encoding = transfer::TextEncoding::of_file(file, given).with_context(cannot)?;
        let opened = std::fs::File::open(file).with_context(cannot)?;
        let input = encoding.reader(std::io::BufReader::new(opened))?;
        transfer::read_answers(input, format)
    };
    let (rows, errors) = read.map_err(|e| super::exit::refused(format!("{name}:{e}")))?;
    let row_error = |e: &transfer::RowError| match format {
        Format::Json => format!("{name}: record {e}"),
        _ => format!("{name}:{e}"),
    };
    match service.import_answers(&rows, errors, skip_bad) {
        Ok(report) => {
            for e in report.skipped.iter().take(20) {
                eprintln!("{}", sanitize(&row_error(e)));
            }
            println!(
                "{}",
                t!(
                    "cli-answers-imported",
                    added = report.added,
                    changed = report.changed,
                    unchanged = report.unchanged,
                    skipped = report.skipped.len()
                )
            );
            Ok(())
        }
        Err(ServiceError::Rejected(errors)) => {
            for e in errors.iter().take(20) {
                eprintln!("{}", sanitize(&row_error(e)));
            }
            if errors.len() > 20 {
                eprintln!("{}", t!("cli-and-more", n = errors.len() - 20));
            }
            Err(super::exit::refused(t!(
                "cli-answers-refused",
                name = &name,
                n = errors.len()
            )))
        }
        Err(e) => Err(e).with_context(|| t!("cli-importing", name = &name)),
    }
}
