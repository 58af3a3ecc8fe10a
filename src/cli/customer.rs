//! `loyal customer show|add|edit|merge`: customer files from scripts.

use super::Context;
use super::format::{FormatArg, OutputFormat};
use crate::domain::{Channel, CustomerStatus, Gender};
use crate::service::{CustomerCard, CustomerKey, NewCustomer, ServiceError, TimelineEntry};
use crate::text::{fit, sanitize};
use crate::transfer::{CustomerInput, format_timestamp};
use anyhow::bail;
use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum CustomerCommand {
    /// Show a customer file: facts, order summary, referrals and timeline
    #[command(
        after_help = "Examples:\n  loyal customer show C-0042\n  loyal customer show '#233' --timeline 50\n  loyal customer show C-0042 --format json\n\nID is the external id (C-0042) or #N for the internal number."
    )]
    Show {
        /// External id (C-0042) or #N
        id: String,
        /// How many timeline entries to show (newest first)
        #[arg(long, default_value_t = 20)]
        timeline: usize,
        #[command(flatten)]
        output: FormatArg,
    },
    /// Add a customer file (refuses a likely duplicate unless --allow-duplicate)
    #[command(
        after_help = "Examples:\n  loyal customer add --id C-9001 --name 张三 --phone \"+86 138-0013-8000\" --city 上海\n  loyal customer add --id C-9002 --name \"Ann Lee\" --email ann@example.com --tag vip --format json"
    )]
    Add {
        /// External id (the one your company uses)
        #[arg(long = "id")]
        external_id: String,
        /// The customer's name
        #[arg(long)]
        name: String,
        #[command(flatten)]
        fields: CustomerFields,
        /// Create it even if its phone or email matches an existing file
        #[arg(long)]
        allow_duplicate: bool,
        #[command(flatten)]
        output: FormatArg,
    },
    /// Change fields of a customer file (only the ones given)
    #[command(
        after_help = "Examples:\n  loyal customer edit C-9001 --city 北京 --tag vip\n  loyal customer edit C-9001 --email \"\"      clear the email\n  loyal customer edit C-9001 --if-version 3 --owner li"
    )]
    Edit {
        /// External id (C-0042) or #N
        id: String,
        /// Refuse the change if the file is no longer at this version (someone saved meanwhile)
        #[arg(long)]
        if_version: Option<u64>,
        /// The customer's name
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        fields: CustomerFields,
        #[command(flatten)]
        output: FormatArg,
    },
    /// Fold OTHER into KEEP: orders, follow-ups, complaints, care plans, referrals and ids
    #[command(after_help = "Examples:\n  loyal customer merge C-0042 C-0977")]
    Merge {
        /// The file that stays (external id or #N)
        keep: String,
        /// The file folded into it and removed (its id stays an alias)
        other: String,
    },
    /// Note a customer as an opinion leader (or show, or clear, the influence noted)
    #[command(
        after_help = "Examples:\n  loyal customer influence C-000042 --kind teacher --note \"runs the parents' group of class 3\"\n  loyal customer influence C-000042\n  loyal customer influence C-000042 --clear"
    )]
    Influence {
        /// The customer: external id or #N
        id: String,
        /// teacher, journalist, manager, community_leader, other
        #[arg(long, conflicts_with = "clear")]
        kind: Option<crate::domain::InfluenceKind>,
        /// Who listens to them, and why (with --kind)
        #[arg(long, default_value = "", requires = "kind")]
        note: String,
        /// Remove the influence noted
        #[arg(long)]
        clear: bool,
    },
}

/// Optional fields shared by `add` and `edit`. An empty value clears the field on `edit`.
#[derive(Debug, Args)]
pub struct CustomerFields {
    /// Phone number (repeat for several)
    #[arg(long = "phone")]
    phones: Vec<String>,
    /// Email address
    #[arg(long)]
    email: Option<String>,
    /// Company or organisation
    #[arg(long)]
    company: Option<String>,
    /// City
    #[arg(long)]
    city: Option<String>,
    /// Postal address
    #[arg(long)]
    address: Option<String>,
    /// Birthday, YYYY-MM-DD
    #[arg(long)]
    birthday: Option<String>,
    /// female, male, other
    #[arg(long)]
    gender: Option<String>,
    /// Tag (repeat for several)
    #[arg(long = "tag")]
    tags: Vec<String>,
    /// External id of the customer who referred this one
    #[arg(long)]
    referred_by: Option<String>,
    /// The account owner (the staff member who looks after this customer)
    #[arg(long)]
    owner: Option<String>,
    /// Personality: how this customer likes to be treated
    #[arg(long)]
    personality: Option<String>,
    /// Interests and hobbies
    #[arg(long)]
    interests: Option<String>,
    /// Habits: when and how they buy, what they like
    #[arg(long)]
    habits: Option<String>,
    /// phone, email, visit, sms, chat, web, other
    #[arg(long)]
    preferred_channel: Option<String>,
    /// active, churned, won_back
    #[arg(long)]
    status: Option<String>,
    /// Why the customer left (with --status churned)
    #[arg(long)]
    churn_reason: Option<String>,
}

fn patch_text(value: &Option<String>) -> Option<Option<String>> {
    value
        .as_ref()
        .map(|v| Some(v.trim().to_string()).filter(|v| !v.is_empty()))
}

fn patch_parsed<T>(
    field: &str,
    value: &Option<String>,
    parse: impl Fn(&str) -> Result<T, String>,
) -> anyhow::Result<Option<Option<T>>> {
    match value.as_deref().map(str::trim) {
        None => Ok(None),
        Some("") => Ok(Some(None)),
        Some(v) => parse(v)
            .map(|t| Some(Some(t)))
            .map_err(|e| anyhow::anyhow!("--{field}: {e}")),
    }
}

impl CustomerFields {
    fn into_input(self, external_id: String, name: String) -> anyhow::Result<CustomerInput> {
        let email = patch_parsed("email", &self.email, |s| {
            if s.contains('@') {
                Ok(s.to_string())
            } else {
                Err(t!("row-not-email", text = format!("{s:?}")))
            }
        })?;
        Ok(CustomerInput {
            external_id,
            name,
            // `--phone ""` clears the list; empty entries are never stored.
            phones: (!self.phones.is_empty()).then(|| {
                self.phones
                    .into_iter()
                    .filter(|p| !p.trim().is_empty())
                    .collect()
            }),
            email,
            company: patch_text(&self.company),
            city: patch_text(&self.city),
            address: patch_text(&self.address),
            birthday: patch_parsed("birthday", &self.birthday, |s| {
                chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map_err(|_| t!("birthday-invalid", text = format!("{s:?}")))
                    .and_then(crate::domain::check_date)
            })?,
            gender: patch_parsed("gender", &self.gender, |s| {
                s.parse::<Gender>().map_err(|e| e.to_string())
            })?,
            tags: (!self.tags.is_empty()).then(|| {
                self.tags
                    .into_iter()
                    .filter(|t| !t.trim().is_empty())
                    .collect()
            }),
            referred_by: patch_text(&self.referred_by),
            owner: patch_text(&self.owner),
            personality: self.personality,
            interests: self.interests,
            habits: self.habits,
            preferred_channel: patch_parsed("preferred-channel", &self.preferred_channel, |s| {
                s.parse::<Channel>().map_err(|e| e.to_string())
            })?,
            status: match &self.status {
                Some(s) => Some(
                    s.parse::<CustomerStatus>()
                        .map_err(|e| anyhow::anyhow!("--status: {e}"))?,
                ),
                None => None,
            },
            churn_reason: patch_text(&self.churn_reason),
            created_at: None,
        })
    }
}

pub fn run(context: &Context, command: CustomerCommand) -> anyhow::Result<()> {
    let service = context.open()?;
    match command {
        CustomerCommand::Show {
            id,
            timeline,
            output,
        } => {
            let card = service.customer_card(&CustomerKey::parse(&id), timeline)?;
            match output.get() {
                OutputFormat::Json => super::print_json(&service, &card)?,
                OutputFormat::Csv => print_customer_csv(
                    &card.customer,
                    card.referred_by.as_ref().map(|r| r.external_id.clone()),
                )?,
                OutputFormat::Table => print_card(&card),
            }
        }
        CustomerCommand::Add {
            external_id,
            name,
            fields,
            allow_duplicate,
            output,
        } => {
            let input = fields.into_input(external_id, name)?;
            match service.add_customer(NewCustomer {
                input,
                allow_duplicate,
            }) {
                Ok(customer) => {
                    if output.get() == OutputFormat::Json {
                        super::print_json(&service, &customer)?;
                    } else if output.get() == OutputFormat::Csv {
                        let names = service.external_ids()?;
                        print_customer_csv(&customer, customer.referred_by.and_then(&names))?;
                    } else {
                        println!(
                            "{}",
                            t!(
                                "cli-added-customer",
                                id = sanitize(&customer.external_id).into_owned(),
                                name = sanitize(&customer.name).into_owned(),
                                n = customer.id
                            )
                        );
                    }
                }
                Err(ServiceError::PossibleDuplicate(matches)) => {
                    for m in &matches {
                        eprintln!(
                            "{}",
                            t!(
                                "cli-possible-duplicate",
                                id = sanitize(&m.external_id).into_owned(),
                                name = sanitize(&m.name).into_owned(),
                                reason = sanitize(&m.reason).into_owned()
                            )
                        );
                    }
                    bail!(t!("cli-not-added"));
                }
                Err(e) => return Err(e.into()),
            }
        }
        CustomerCommand::Edit {
            id,
            if_version,
            name,
            fields,
            output,
        } => {
            let input = fields.into_input(String::new(), name.unwrap_or_default())?;
            let customer = service.update_customer(&CustomerKey::parse(&id), &input, if_version)?;
            if output.get() == OutputFormat::Json {
                super::print_json(&service, &customer)?;
            } else if output.get() == OutputFormat::Csv {
                let names = service.external_ids()?;
                print_customer_csv(&customer, customer.referred_by.and_then(&names))?;
            } else {
                println!(
                    "{}",
                    t!(
                        "cli-saved-customer",
                        id = sanitize(&customer.external_id).into_owned(),
                        name = sanitize(&customer.name).into_owned(),
                        version = customer.version
                    )
                );
            }
        }
        CustomerCommand::Influence {
            id,
            kind,
            note,
            clear,
        } => {
            let key = CustomerKey::parse(&id);
            let now = match (kind, clear) {
                (Some(kind), _) => service.set_influence(&key, Some((kind, note)))?,
                (None, true) => service.set_influence(&key, None)?,
                (None, false) => service.influence_of(&key)?,
            };
            println!("{}", influence_line(now.as_ref()));
        }
        CustomerCommand::Merge { keep, other } => {
            let (customer, moved) =
                service.merge_customers(&CustomerKey::parse(&keep), &CustomerKey::parse(&other))?;
            println!(
                "{}",
                t!(
                    "cli-merged",
                    other = sanitize(&other).into_owned(),
                    id = sanitize(&customer.external_id).into_owned(),
                    name = sanitize(&customer.name).into_owned(),
                    orders = moved.orders,
                    followups = moved.followups,
                    complaints = moved.complaints,
                    plans = moved.care_plans,
                    referrals = moved.referrals
                )
            );
        }
    }
    Ok(())
}

/// `opinion leader: teacher, runs the parents' group (noted by Ann, 2026-11-21)`.
fn influence_line(influence: Option<&crate::domain::Influence>) -> String {
    match influence {
        None => t!("cli-influence-none"),
        Some(i) => t!(
            "cli-influence-line",
            kind = i.kind.title(),
            note = if i.note.is_empty() {
                String::new()
            } else {
                format!(", {}", sanitize(&i.note))
            },
            by = sanitize(&i.set_by).into_owned(),
            date = format_timestamp(i.set_at)[..10].to_owned()
        ),
    }
}

fn print_card(card: &CustomerCard) {
    let c = &card.customer;
    let opt = |v: &Option<String>| v.as_deref().map(sanitize).unwrap_or_default().into_owned();
    println!(
        "{} {}  (#{}, {})",
        sanitize(&c.external_id),
        sanitize(&c.name),
        c.id,
        c.status.title()
    );
    let rows: [(&str, String); 12] = [
        (
            ts!("cli-field-phone"),
            sanitize(&c.phones.join(", ")).into_owned(),
        ),
        (ts!("cli-field-email"), opt(&c.email)),
        (ts!("cli-field-company"), opt(&c.company)),
        (ts!("cli-field-city"), opt(&c.city)),
        (ts!("cli-field-address"), opt(&c.address)),
        (
            ts!("cli-field-birthday"),
            c.birthday.map(|d| d.to_string()).unwrap_or_default(),
        ),
        (
            ts!("cli-field-tags"),
            sanitize(&c.tags.join(", ")).into_owned(),
        ),
        (ts!("cli-field-owner"), opt(&c.owner)),
        (
            ts!("cli-field-personality"),
            sanitize(&c.personality).into_owned(),
        ),
        (
            ts!("cli-field-interests"),
            sanitize(&c.interests).into_owned(),
        ),
        (ts!("cli-field-habits"), sanitize(&c.habits).into_owned()),
        (
            ts!("cli-field-channel"),
            c.preferred_channel
                .map(|ch| ch.title().to_owned())
                .unwrap_or_default(),
        ),
    ];
    for (label, value) in rows.iter().filter(|(_, v)| !v.is_empty()) {
        println!("  {}{value}", fit(label, 12));
    }
    if let Some(reason) = &c.churn_reason {
        println!("  {}{}", fit(ts!("cli-field-churn"), 12), sanitize(reason));
    }
    if let Some(influence) = &card.influence {
        println!(
            "  {}{}",
            fit(ts!("cli-field-influence"), 12),
            influence_line(Some(influence))
        );
    }
    let a = &card.aggregate;
    let orders = fit(ts!("cli-field-orders"), 12);
    if a.order_count > 0 {
        println!(
            "  {orders}{}",
            t!(
                "cli-orders-line",
                count = a.order_count,
                total = crate::i18n::format::money(a.total, ""),
                first = format_timestamp(a.first_order_at)[..10].to_owned(),
                last = format_timestamp(a.last_order_at)[..10].to_owned()
            )
        );
    } else {
        println!("  {orders}{}", t!("cli-orders-none"));
    }
    if let Some(r) = &card.referred_by {
        println!(
            "  {}{} {}",
            fit(ts!("cli-field-referred-by"), 12),
            sanitize(&r.external_id),
            sanitize(&r.name)
        );
    }
    if !card.referrals.is_empty() {
        let names: Vec<String> = card
            .referrals
            .iter()
            .map(|r| format!("{} {}", sanitize(&r.external_id), sanitize(&r.name)))
            .collect();
        println!(
            "  {}{}",
            fit(ts!("cli-field-referred"), 12),
            names.join(", ")
        );
    }
    if !card.merged_ids.is_empty() {
        println!(
            "  {}{}",
            fit(ts!("cli-field-merged-ids"), 12),
            sanitize(&card.merged_ids.join(", "))
        );
    }
    if let Some(e) = &card.last_change {
        println!(
            "  {}{}",
            fit(ts!("cli-field-last-change"), 12),
            t!(
                "cli-last-change-line",
                action = e.action_title(),
                staff = sanitize(&e.staff).into_owned(),
                user = sanitize(&e.os_user).into_owned(),
                at = super::when::local_time(e.at),
                detail = sanitize(&e.detail).into_owned()
            )
        );
    }
    if card.timeline.is_empty() {
        return;
    }
    println!("{}", t!("cli-timeline"));
    for entry in &card.timeline {
        let when = &format_timestamp(entry.at())[..10];
        let text = match entry {
            TimelineEntry::Order(o) => format!(
                "{} {} {}",
                fit(ts!("cli-timeline-order"), 9),
                sanitize(&o.order_id),
                o.amount
            ),
            TimelineEntry::FollowUp(f) => {
                format!(
                    "{} {} {} {}: {}",
                    fit(ts!("cli-timeline-followup"), 9),
                    f.channel.title(),
                    f.direction.title(),
                    sanitize(&f.staff),
                    sanitize(&f.summary)
                )
            }
            TimelineEntry::CarePlan(p) => format!(
                "{} {} ({}) {}",
                fit(ts!("cli-timeline-plan"), 9),
                p.purpose.title(),
                p.status.title(),
                sanitize(&p.note)
            ),
            TimelineEntry::Complaint(c) => format!(
                "{} {} [{} {}] {}",
                fit(ts!("cli-timeline-complaint"), 9),
                sanitize(&c.id),
                c.severity.title(),
                c.status.title(),
                sanitize(&c.description)
            ),
        };
        println!("  {when}  {text}");
    }
}

/// A customer file as one row of `loyal export customers` (the same header and columns).
fn print_customer_csv(
    customer: &crate::domain::Customer,
    referrer: Option<String>,
) -> anyhow::Result<()> {
    super::format::print_export_row(
        crate::transfer::Kind::Customers,
        crate::transfer::CustomerRow::new(customer, referrer),
    )
}
