//! `loyal complaints` (the queue) and `loyal complaint ...` (one complaint, every step of the
//! flow), and the root-cause report.

use super::Context;
use super::format::{FormatArg, OutputFormat};
use super::when::{local_time, span};
use crate::domain::{Channel, ComplaintStatus, RootCause, Severity};
use crate::service::{ComplaintCommand, ComplaintView, CustomerKey, NewComplaint, QueueFilter};
use crate::text::{fit, sanitize};
use clap::{Args, Subcommand};

/// The text of a step: positional (`complaint reply CM-1 "text"`) or `--text`, the same on
/// every step that takes one.
#[derive(Debug, Args)]
pub struct StepText {
    /// What was said or done
    #[arg(value_name = "TEXT", conflicts_with = "text")]
    said: Option<String>,
    /// The same as TEXT
    #[arg(long)]
    text: Option<String>,
}

impl StepText {
    fn get(self) -> String {
        self.said.or(self.text).unwrap_or_default()
    }

    /// The text, which this step cannot do without.
    fn required(self, what: &str) -> anyhow::Result<String> {
        let text = self.get();
        if text.trim().is_empty() {
            return Err(super::exit::usage(t!("cli-text-required", what = what)));
        }
        Ok(text)
    }
}

#[derive(Debug, Subcommand)]
pub enum ComplaintAction {
    /// Open a complaint for a customer
    #[command(
        after_help = "Examples:\n  loyal complaint open C-000042 --category \"late delivery\" --severity high --description \"beans arrived a week late\""
    )]
    Open {
        /// The customer: external id or #N
        customer: String,
        /// What kind of problem (the reports group by it)
        #[arg(long, default_value = "general")]
        category: String,
        /// What the customer complains about
        #[arg(long)]
        description: String,
        /// low, normal, high, urgent
        #[arg(long, default_value = "normal")]
        severity: Severity,
        /// How it reached us: phone, email, visit, sms, chat, web, other
        #[arg(long, default_value = "phone")]
        channel: Channel,
        /// Who works on it
        #[arg(long)]
        assignee: Option<String>,
    },
    /// Show a complaint with its SLA state and history
    #[command(
        after_help = "Examples:\n  loyal complaint show CM-000007\n  loyal complaint show CM-000007 --format json"
    )]
    Show {
        /// The complaint: CM-000007
        id: String,
        #[command(flatten)]
        output: FormatArg,
    },
    /// Acknowledge (the first response)
    #[command(
        after_help = "Examples:\n  loyal complaint ack CM-000007\n  loyal complaint ack CM-000007 --text \"we are on it, you hear from us by 5pm\""
    )]
    Ack {
        /// The complaint: CM-000007
        id: String,
        #[command(flatten)]
        text: StepText,
    },
    /// Start working on it
    #[command(after_help = "Examples:\n  loyal complaint start CM-000007")]
    Start {
        /// The complaint: CM-000007
        id: String,
    },
    /// Reply to the customer (counts as the first response)
    #[command(
        after_help = "Examples:\n  loyal complaint reply CM-000007 \"a new parcel left today\"\n  loyal complaint reply CM-000007 --text \"a new parcel left today\""
    )]
    Reply {
        /// The complaint: CM-000007
        id: String,
        #[command(flatten)]
        text: StepText,
    },
    /// An internal note
    #[command(
        after_help = "Examples:\n  loyal complaint note CM-000007 \"courier confirms the delay\""
    )]
    Note {
        /// The complaint: CM-000007
        id: String,
        #[command(flatten)]
        text: StepText,
    },
    /// The customer contacted us again about it (the 5th contact escalates)
    #[command(
        after_help = "Examples:\n  loyal complaint contact CM-000007\n  loyal complaint contact CM-000007 --text \"called, still waiting\""
    )]
    Contact {
        /// The complaint: CM-000007
        id: String,
        #[command(flatten)]
        text: StepText,
    },
    /// Resolve, with the root-cause review
    #[command(
        after_help = "Examples:\n  loyal complaint resolve CM-000007 --text \"refunded the postage\" --cause \"courier delay\" --prevent \"second courier for Shanghai\""
    )]
    Resolve {
        /// The complaint: CM-000007
        id: String,
        #[command(flatten)]
        text: StepText,
        #[command(flatten)]
        review: RootCauseArgs,
    },
    /// Close a resolved complaint
    #[command(after_help = "Examples:\n  loyal complaint close CM-000007")]
    Close {
        /// The complaint: CM-000007
        id: String,
    },
    /// Reopen a resolved or closed complaint
    #[command(
        after_help = "Examples:\n  loyal complaint reopen CM-000007 --reason \"the parcel never came\""
    )]
    Reopen {
        /// The complaint: CM-000007
        id: String,
        /// Why it is open again
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Give it to a colleague
    #[command(after_help = "Examples:\n  loyal complaint assign CM-000007 wang")]
    Assign {
        /// The complaint: CM-000007
        id: String,
        /// The colleague's staff name
        to: String,
    },
    /// Send it to a team (finance, sales, ...); its SLA clock runs on
    #[command(
        after_help = "Examples:\n  loyal complaint route CM-000007 --team finance --note \"refund owed since May\"\n  loyal complaint route CM-000007 --team sales --to dan"
    )]
    Route {
        /// The complaint: CM-000007
        id: String,
        /// The team, as the `teams` setting names it
        #[arg(long)]
        team: String,
        /// Why it goes there (kept in its history)
        #[arg(long, default_value = "")]
        note: String,
        /// Also give it to this person in the team
        #[arg(long)]
        to: Option<String>,
    },
}

/// The five review questions and the cause.
#[derive(Debug, Args)]
pub struct RootCauseArgs {
    /// The cause, in a few words (the report groups by it)
    #[arg(long)]
    cause: Option<String>,
    /// Why does the customer feel this?
    #[arg(long, default_value = "")]
    why: String,
    /// What did we do or say to cause it?
    #[arg(long, default_value = "")]
    what_we_did: String,
    /// Is it reasonable?
    #[arg(long, default_value = "")]
    reasonable: String,
    /// Have other customers said the same?
    #[arg(long, default_value = "")]
    others: String,
    /// What prevents it happening again?
    #[arg(long, default_value = "")]
    prevent: String,
}

impl RootCauseArgs {
    fn into_root_cause(self) -> Option<RootCause> {
        let any = self.cause.is_some()
            || [
                &self.why,
                &self.what_we_did,
                &self.reasonable,
                &self.others,
                &self.prevent,
            ]
            .iter()
            .any(|s| !s.is_empty());
        any.then(|| RootCause {
            cause: self.cause.unwrap_or_default(),
            why_customer_feels: self.why,
            what_we_did: self.what_we_did,
            reasonable: self.reasonable,
            others_said_same: self.others,
            prevention: self.prevent,
        })
    }
}

fn sla_text(view: &ComplaintView) -> String {
    let s = &view.sla;
    let mut parts = Vec::new();
    if s.response_breached {
        parts.push(t!("queue-breached-response"));
    }
    if s.resolution_breached {
        parts.push(t!("queue-breached-resolution"));
    }
    if let (Some(left), Some(clock)) = (s.time_left_ms, s.next_clock) {
        parts.push(format!("{} {}", clock.label(), span(left)));
    }
    if s.due_soon {
        parts.push(t!("queue-due-soon"));
    }
    parts.join(", ")
}

pub fn action(context: &Context, action: ComplaintAction) -> anyhow::Result<()> {
    let service = context.open()?;
    let command = match action {
        ComplaintAction::Open {
            customer,
            category,
            description,
            severity,
            channel,
            assignee,
        } => {
            let c = service.open_complaint(NewComplaint {
                customer: CustomerKey::parse(&customer),
                channel,
                category,
                severity,
                description,
                assignee,
                opened_at: None,
            })?;
            let view = service.complaint_view(&c.id)?;
            println!(
                "{}",
                t!(
                    "cli-complaint-opened",
                    id = &c.id,
                    name = sanitize(&view.customer.name).into_owned(),
                    severity = c.severity.title(),
                    due = view.sla.response_due.map(local_time).unwrap_or_default()
                )
            );
            return Ok(());
        }
        ComplaintAction::Show { id, output } => {
            let view = service.complaint_view(&id)?;
            match output.get() {
                OutputFormat::Json => super::print_json(&service, &view)?,
                OutputFormat::Csv => super::format::print_export_row(
                    crate::transfer::Kind::Complaints,
                    crate::transfer::ComplaintRow::new(
                        &view.complaint,
                        view.customer.external_id.clone(),
                    ),
                )?,
                OutputFormat::Table => print_view(&view),
            }
            return Ok(());
        }
        ComplaintAction::Ack { id, text } => {
            (id, ComplaintCommand::Acknowledge { text: text.get() })
        }
        ComplaintAction::Start { id } => (id, ComplaintCommand::Start),
        ComplaintAction::Reply { id, text } => (
            id,
            ComplaintCommand::Reply {
                text: text.required(crate::domain::ComplaintEventKind::Reply.title())?,
            },
        ),
        ComplaintAction::Note { id, text } => (
            id,
            ComplaintCommand::Note {
                text: text.required(crate::domain::ComplaintEventKind::Note.title())?,
            },
        ),
        ComplaintAction::Contact { id, text } => {
            (id, ComplaintCommand::Contact { text: text.get() })
        }
        ComplaintAction::Resolve { id, text, review } => (
            id,
            ComplaintCommand::Resolve {
                text: text.get(),
                root_cause: review.into_root_cause(),
            },
        ),
        ComplaintAction::Close { id } => (id, ComplaintCommand::Close),
        ComplaintAction::Reopen { id, reason } => (id, ComplaintCommand::Reopen { reason }),
        ComplaintAction::Assign { id, to } => (id, ComplaintCommand::Assign { to }),
        ComplaintAction::Route { id, team, note, to } => {
            (id, ComplaintCommand::Route { team, note, to })
        }
    };
    let (id, command) = command;
    let (c, plan) = service.complaint_command(&id, command)?;
    let mut line = t!(
        "cli-complaint-step",
        id = &c.id,
        status = c.status.title(),
        severity = c.severity.title(),
        contacts = t!("count-contacts", n = c.contacts)
    );
    if c.escalated {
        line.push_str(&format!(", {}", t!("cli-escalated")));
    }
    println!("{line}");
    if let Some(plan) = plan {
        println!(
            "{}",
            t!(
                "cli-satisfaction-planned",
                id = &plan.id,
                due = plan.due.to_string()
            )
        );
    }
    Ok(())
}

fn print_view(view: &ComplaintView) {
    let c = &view.complaint;
    println!(
        "{} [{} {}] {}  {}",
        c.id,
        c.severity.title(),
        c.status.title(),
        sanitize(&c.category),
        if c.escalated {
            ts!("cli-escalated")
        } else {
            ""
        }
    );
    let label = |id: &'static str| fit(id, 12);
    println!(
        "  {}{} {}",
        label(ts!("cli-view-customer")),
        sanitize(&view.customer.external_id),
        sanitize(&view.customer.name)
    );
    println!(
        "  {}{}",
        label(ts!("cli-view-opened")),
        t!(
            "cli-view-opened-line",
            at = local_time(c.opened_at),
            channel = c.channel.title()
        )
    );
    println!(
        "  {}{}",
        label(ts!("cli-view-assignee")),
        sanitize(c.assignee.as_deref().unwrap_or(ts!("cli-view-nobody")))
    );
    if let Some(team) = &c.team {
        println!(
            "  {}{}",
            label(ts!("cli-view-team")),
            sanitize(&crate::domain::team_title(team))
        );
    }
    println!("  {}{}", label(ts!("cli-view-contacts")), c.contacts);
    println!(
        "  {}{}{}",
        label(ts!("cli-view-response")),
        t!(
            "cli-view-due",
            at = view.sla.response_due.map(local_time).unwrap_or_default()
        ),
        c.first_response_at
            .map(|t| t!("cli-view-answered", at = local_time(t)))
            .unwrap_or_default()
    );
    println!(
        "  {}{}{}",
        label(ts!("cli-view-resolution")),
        t!(
            "cli-view-due",
            at = view.sla.resolution_due.map(local_time).unwrap_or_default()
        ),
        c.resolved_at
            .map(|t| t!("cli-view-resolved", at = local_time(t)))
            .unwrap_or_default()
    );
    println!("  {}{}", label(ts!("col-sla")), sla_text(view));
    println!("  {}", sanitize(&c.description));
    if let Some(rc) = &c.root_cause {
        println!(
            "{}",
            t!(
                "cli-view-root-cause",
                cause = sanitize(&rc.cause).into_owned()
            )
        );
        for (q, a) in [
            (ts!("cli-view-why"), &rc.why_customer_feels),
            (ts!("cli-view-what-we-did"), &rc.what_we_did),
            (ts!("cli-view-reasonable"), &rc.reasonable),
            (ts!("cli-view-others"), &rc.others_said_same),
            (ts!("cli-view-prevent"), &rc.prevention),
        ] {
            if !a.is_empty() {
                println!("  {q}? {}", sanitize(a));
            }
        }
    }
    println!("{}", t!("cli-view-history"));
    for e in &c.history {
        println!(
            "  {} {} {}: {}",
            local_time(e.at),
            fit(e.kind.title(), 16),
            sanitize(&e.staff),
            sanitize(&e.shown_text())
        );
    }
}

pub fn queue(
    context: &Context,
    status: Option<ComplaintStatus>,
    assignee: Option<String>,
    team: Option<String>,
    breached: bool,
    format: OutputFormat,
) -> anyhow::Result<()> {
    let service = context.open()?;
    let views = service.complaint_queue(&QueueFilter {
        status,
        assignee,
        team,
        breached_only: breached,
    })?;
    match format {
        OutputFormat::Json => return super::print_json(&service, &views),
        OutputFormat::Csv => {
            let at = |t: Option<crate::domain::Millis>| {
                t.map(crate::domain::rfc3339).unwrap_or_default()
            };
            return super::format::print_csv(
                &[
                    "complaint_id",
                    "customer_id",
                    "name",
                    "severity",
                    "status",
                    "category",
                    "assignee",
                    "team",
                    "opened_at",
                    "response_due",
                    "resolution_due",
                    "breached",
                ],
                views.iter().map(|v| {
                    let c = &v.complaint;
                    [
                        c.id.clone(),
                        v.customer.external_id.clone(),
                        v.customer.name.clone(),
                        c.severity.label().to_string(),
                        c.status.label().to_string(),
                        c.category.clone(),
                        c.assignee.clone().unwrap_or_default(),
                        c.team.clone().unwrap_or_default(),
                        crate::domain::rfc3339(c.opened_at),
                        at(v.sla.response_due),
                        at(v.sla.resolution_due),
                        (v.sla.response_breached || v.sla.resolution_breached).to_string(),
                    ]
                }),
            );
        }
        OutputFormat::Table => {}
    }
    println!("{}", t!("queue-count", n = views.len()));
    println!(
        "{} {} {} {} {} {} {} {}",
        fit(ts!("queue-col-id"), 9),
        fit(ts!("queue-col-severity"), 8),
        fit(ts!("queue-col-status"), 12),
        fit(ts!("queue-col-customer"), 14),
        fit(ts!("queue-col-category"), 14),
        fit(ts!("queue-col-team"), 8),
        fit(ts!("queue-col-assignee"), 11),
        ts!("col-sla")
    );
    for v in &views {
        let c = &v.complaint;
        println!(
            "{} {} {} {} {} {} {} {}",
            fit(&c.id, 9),
            fit(c.severity.title(), 8),
            fit(c.status.title(), 12),
            fit(&v.customer.name, 14),
            fit(&c.category, 14),
            fit(
                &c.team
                    .as_deref()
                    .map(crate::domain::team_title)
                    .unwrap_or_default(),
                8
            ),
            fit(c.assignee.as_deref().unwrap_or(""), 11),
            sla_text(v)
        );
    }
    Ok(())
}
