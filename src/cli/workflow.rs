//! `loyal followup`, `loyal care`, `loyal agenda`, `loyal forgotten`: the daily contact work.

use super::Context;
use super::format::OutputFormat;
use super::when::{date_arg, local_time};
use crate::domain::{CarePurpose, Channel, Direction, FollowUpKind, Recurrence};
use crate::service::{AgendaItem, CustomerKey, NewCarePlan, NewFollowUp, PlanOutcome};
use crate::text::{fit, sanitize};
use crate::workflow::AgendaGroup;
use clap::{Args, Subcommand};

/// What was said in a contact: shared by `followup log` and `care done --log`.
#[derive(Debug, Args)]
pub struct ContactArgs {
    /// phone, email, visit, sms, chat (wechat), web, other
    #[arg(long, default_value = "phone")]
    channel: Channel,
    /// in or out
    #[arg(long, default_value = "out")]
    direction: Direction,
    /// care, sales, service, survey, win_back, other
    #[arg(long, default_value = "care")]
    kind: FollowUpKind,
    /// What came of it
    #[arg(long, default_value = "")]
    outcome: String,
    /// 1 (very unhappy) to 5 (delighted)
    #[arg(long)]
    satisfaction: Option<u8>,
    /// Who talked to the customer [default: your staff name]
    #[arg(long)]
    staff: Option<String>,
}

impl ContactArgs {
    fn followup(
        &self,
        customer: CustomerKey,
        summary: String,
        next: Option<chrono::NaiveDate>,
    ) -> NewFollowUp {
        NewFollowUp {
            customer,
            at: None,
            channel: self.channel,
            direction: self.direction,
            kind: self.kind,
            staff: self.staff.clone(),
            summary,
            outcome: self.outcome.clone(),
            satisfaction: self.satisfaction,
            next_contact: next,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum FollowupCommand {
    /// Log a contact with a customer
    #[command(
        after_help = "Examples:\n  loyal followup log C-000042 --summary \"asked about the new blend\" --next +14d\n  loyal followup log C-000042 --summary \"complained about the price\" --channel chat --direction in --satisfaction 2"
    )]
    Log {
        /// External id (or #N)
        customer: String,
        /// What was discussed
        #[arg(long)]
        summary: String,
        /// Next contact: 2026-12-01, tomorrow, +3d ... (creates or moves the stay-in-touch plan)
        #[arg(long, allow_hyphen_values = true)]
        next: Option<String>,
        #[command(flatten)]
        contact: ContactArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum CareCommand {
    /// Plan a contact ahead
    #[command(
        after_help = "Examples:\n  loyal care add C-000042 --due +30d --purpose post_purchase --note \"check the grinder\"\n  loyal care add C-000042 --due 2027-01-15 --time 10:00 --purpose payment --every \"1 month\""
    )]
    Add {
        /// External id (or #N)
        customer: String,
        /// 2026-12-01, tomorrow, +3d, +1m ...
        #[arg(long, allow_hyphen_values = true)]
        due: String,
        /// HH:MM
        #[arg(long)]
        time: Option<String>,
        /// birthday, post_purchase, reorder, delivery, payment, stay_in_touch, satisfaction, custom
        #[arg(long, default_value = "custom")]
        purpose: CarePurpose,
        /// Who makes the contact [default: the customer's owner]
        #[arg(long)]
        assignee: Option<String>,
        /// What to do or say
        #[arg(long, default_value = "")]
        note: String,
        /// Repeat: "1 month", "2w", "yearly" ...
        #[arg(long)]
        every: Option<Recurrence>,
    },
    /// Mark a plan done (and log the contact with --log); a recurring plan schedules the next
    #[command(
        after_help = "Examples:\n  loyal care done CP-000031\n  loyal care done CP-000031 --log \"happy with the grinder\" --satisfaction 5"
    )]
    Done {
        /// The plan: CP-000031
        id: String,
        /// Log the follow-up in the same step, with this summary
        #[arg(long)]
        log: Option<String>,
        #[command(flatten)]
        contact: ContactArgs,
    },
    /// Skip a plan; a recurring plan schedules the next
    #[command(
        after_help = "Examples:\n  loyal care skip CP-000031 --reason \"customer on holiday\""
    )]
    Skip {
        /// The plan: CP-000031
        id: String,
        /// Why it is skipped
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Create birthday plans for birthdays coming up (no duplicates)
    #[command(after_help = "Examples:\n  loyal care birthdays\n  loyal care birthdays --within 60")]
    Birthdays {
        /// Birthdays in the next this many days
        #[arg(long, default_value_t = 30)]
        within: i64,
    },
}

pub fn followup(context: &Context, command: FollowupCommand) -> anyhow::Result<()> {
    let FollowupCommand::Log {
        customer,
        summary,
        next,
        contact,
    } = command;
    let next = next.as_deref().map(date_arg).transpose()?;
    let service = context.open()?;
    let (f, plan) =
        service.log_followup(&contact.followup(CustomerKey::parse(&customer), summary, next))?;
    println!("{}", t!("cli-logged-at", id = &f.id, at = local_time(f.at)));
    if let Some(plan) = plan {
        println!(
            "{}",
            t!(
                "cli-next-contact",
                id = &plan.id,
                due = plan.due.to_string()
            )
        );
    }
    Ok(())
}

/// `said`: the first line (`done CP-000012`), already in words.
fn print_outcome(said: String, outcome: &PlanOutcome) {
    println!("{said}");
    if let Some(f) = &outcome.followup {
        println!("{}", t!("cli-logged", id = &f.id));
    }
    if let Some(next) = &outcome.next {
        println!(
            "{}",
            t!(
                "cli-next-in-series",
                id = &next.id,
                due = next.due.to_string(),
                note = outcome.passed_over_note()
            )
        );
    }
}

pub fn care(context: &Context, command: CareCommand) -> anyhow::Result<()> {
    let service = context.open()?;
    let today = crate::service::today();
    match command {
        CareCommand::Add {
            customer,
            due,
            time,
            purpose,
            assignee,
            note,
            every,
        } => {
            let due_time = time
                .as_deref()
                .map(|t| {
                    chrono::NaiveTime::parse_from_str(t, "%H:%M").map_err(|_| {
                        anyhow::anyhow!(t!("cli-time-invalid", text = format!("{t:?}")))
                    })
                })
                .transpose()?;
            let plan = service.add_care_plan(&NewCarePlan {
                customer: CustomerKey::parse(&customer),
                due: date_arg(&due)?,
                due_time,
                purpose,
                assignee,
                note,
                recurrence: every,
            })?;
            println!(
                "{}",
                t!(
                    "cli-planned",
                    id = &plan.id,
                    purpose = plan.purpose.title(),
                    due = plan.due.to_string()
                )
            );
        }
        CareCommand::Done { id, log, contact } => {
            let log = log.map(|summary| contact.followup(CustomerKey::Internal(0), summary, None));
            let outcome = service.complete_care_plan(&id, log, today)?;
            print_outcome(t!("cli-plan-done", id = &outcome.plan.id), &outcome);
        }
        CareCommand::Skip { id, reason } => {
            let outcome = service.skip_care_plan(&id, &reason, today)?;
            print_outcome(t!("cli-plan-skipped", id = &outcome.plan.id), &outcome)
        }
        CareCommand::Birthdays { within } => {
            let (created, existing) = service.plan_birthdays(today, within)?;
            println!(
                "{}",
                t!(
                    "cli-birthdays",
                    created = created,
                    within = within,
                    existing = existing
                )
            );
        }
    }
    Ok(())
}

pub fn agenda(
    context: &Context,
    date: Option<chrono::NaiveDate>,
    owner: Option<&str>,
    days: i64,
    format: OutputFormat,
) -> anyhow::Result<()> {
    // Another date is seen from its start; today from now, so a time already past is overdue.
    let now = match date {
        Some(d) => d.and_time(chrono::NaiveTime::MIN),
        None => chrono::Local::now().naive_local(),
    };
    let date = now.date();
    let service = context.open()?;
    let items = service.agenda_at(now, owner, days.clamp(0, 366))?;
    match format {
        OutputFormat::Json => return super::print_json(&service, &items),
        OutputFormat::Csv => {
            let group = |g: AgendaGroup| match g {
                AgendaGroup::Overdue => "overdue",
                AgendaGroup::Today => "today",
                AgendaGroup::ThisWeek => "this_week",
            };
            return super::format::print_csv(
                &[
                    "group",
                    "care_plan_id",
                    "due",
                    "due_time",
                    "purpose",
                    "customer_id",
                    "name",
                    "phone",
                    "assignee",
                    "note",
                ],
                items.iter().map(|i| {
                    [
                        group(i.group).to_string(),
                        i.plan.id.clone(),
                        i.plan.due.to_string(),
                        i.plan
                            .due_time
                            .map(|t| t.format("%H:%M").to_string())
                            .unwrap_or_default(),
                        i.plan.purpose.label().to_string(),
                        i.customer.external_id.clone(),
                        i.customer.name.clone(),
                        i.customer.phones.first().cloned().unwrap_or_default(),
                        i.plan.assignee.clone().unwrap_or_default(),
                        i.plan.note.clone(),
                    ]
                }),
            );
        }
        OutputFormat::Table => {}
    }
    let owner_words = owner
        .map(|o| format!(" ({})", sanitize(o)))
        .unwrap_or_default();
    println!(
        "{}",
        t!(
            "cli-agenda-for",
            date = date.to_string(),
            owner = owner_words
        )
    );
    let mut group = None;
    for item in &items {
        if group != Some(item.group) {
            group = Some(item.group);
            let count = items.iter().filter(|i| i.group == item.group).count();
            println!(
                "\n{} ({count})",
                match item.group {
                    AgendaGroup::Overdue => t!("cli-agenda-overdue"),
                    AgendaGroup::Today => t!("cli-agenda-today"),
                    AgendaGroup::ThisWeek => t!("cli-agenda-coming"),
                }
            );
        }
        print_agenda_item(item);
    }
    if items.is_empty() {
        println!("{}", t!("cli-nothing-planned"));
    }
    Ok(())
}

fn print_agenda_item(item: &AgendaItem) {
    let p = &item.plan;
    let time = p
        .due_time
        .map(|t| t.format("%H:%M").to_string())
        .unwrap_or_default();
    println!(
        "  {} {} {} {} {} {} {}",
        fit(&p.id, 9),
        fit(&p.due.to_string(), 10),
        fit(&time, 5),
        fit(p.purpose.title(), 13),
        fit(&item.customer.name, 14),
        fit(item.customer.phones.first().map_or("", String::as_str), 17),
        sanitize(&p.note)
    );
}

pub fn forgotten(
    context: &Context,
    days: i64,
    owner: Option<&str>,
    limit: usize,
    format: OutputFormat,
) -> anyhow::Result<()> {
    let service = context.open()?;
    let report = service.forgotten(crate::service::today(), owner, days, limit)?;
    match format {
        OutputFormat::Json => {
            #[derive(serde::Serialize)]
            struct Count {
                days: i64,
                customers: u64,
            }
            #[derive(serde::Serialize)]
            struct Silent<'a> {
                #[serde(flatten)]
                customer: &'a crate::service::CustomerSummary,
                /// Days since the last contact; `null`: never contacted.
                days_silent: Option<i64>,
            }
            #[derive(serde::Serialize)]
            struct Report<'a> {
                as_of: chrono::NaiveDate,
                counts: Vec<Count>,
                never_contacted: u64,
                customers: Vec<Silent<'a>>,
            }
            let out = Report {
                as_of: report.as_of,
                counts: report
                    .counts
                    .iter()
                    .map(|&(days, customers)| Count { days, customers })
                    .collect(),
                never_contacted: report.never_contacted,
                customers: report
                    .list
                    .iter()
                    .map(|(customer, days_silent)| Silent {
                        customer,
                        days_silent: *days_silent,
                    })
                    .collect(),
            };
            return super::print_json(&service, &out);
        }
        OutputFormat::Csv => {
            return super::format::print_csv(
                &["customer_id", "name", "phone", "owner", "days_silent"],
                report.list.iter().map(|(c, silent)| {
                    [
                        c.external_id.clone(),
                        c.name.clone(),
                        c.phones.first().cloned().unwrap_or_default(),
                        c.owner.clone().unwrap_or_default(),
                        silent.map(|d| d.to_string()).unwrap_or_default(),
                    ]
                }),
            );
        }
        OutputFormat::Table => {}
    }
    let owner_words = owner
        .map(|o| format!(" ({})", sanitize(o)))
        .unwrap_or_default();
    println!(
        "{}",
        t!(
            "cli-forgotten-head",
            date = report.as_of.to_string(),
            owner = owner_words
        )
    );
    for (threshold, count) in &report.counts {
        let label = t!("cli-forgotten-days", days = *threshold);
        println!("  {} {count:>7}", fit(&label, 10));
    }
    let never = t!("cli-forgotten-never");
    println!("  {} {:>7}", fit(&never, 10), report.never_contacted);
    println!("\n{}", t!("cli-forgotten-list", days = days, limit = limit));
    for (c, silent) in &report.list {
        let silent = silent.map_or_else(|| t!("never"), |d| t!("count-days", n = d));
        println!(
            "  {} {} {} {} {}",
            fit(&c.external_id, 10),
            fit(&c.name, 16),
            fit(c.phones.first().map_or("", String::as_str), 17),
            fit(&silent, 10),
            sanitize(c.owner.as_deref().unwrap_or(""))
        );
    }
    Ok(())
}
