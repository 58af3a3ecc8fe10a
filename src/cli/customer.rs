//! `loyal customer show|add|edit|merge`: customer files from scripts.

use super::Context;
use crate::domain::{Channel, CustomerStatus, Gender};
use crate::service::{CustomerCard, CustomerKey, NewCustomer, ServiceError, TimelineEntry};
use crate::text::sanitize;
use crate::transfer::{CustomerInput, format_timestamp};
use anyhow::bail;
use clap::{Args, Subcommand};

#[derive(Debug, Subcommand)]
pub enum CustomerCommand {
    /// Show a customer file: facts, order summary, referrals and timeline
    #[command(after_help = "ID is the external id (C-0042) or #N for the internal number.")]
    Show {
        id: String,
        #[arg(long)]
        json: bool,
        /// How many timeline entries to show (newest first)
        #[arg(long, default_value_t = 20)]
        timeline: usize,
    },
    /// Add a customer file (refuses a likely duplicate unless --allow-duplicate)
    #[command(
        after_help = "Example:\n  loyal customer add --id C-9001 --name 张三 --phone \"+86 138-0013-8000\" --city 上海"
    )]
    Add {
        /// External id (the one your company uses)
        #[arg(long = "id")]
        external_id: String,
        #[arg(long)]
        name: String,
        #[command(flatten)]
        fields: CustomerFields,
        /// Create it even if its phone or email matches an existing file
        #[arg(long)]
        allow_duplicate: bool,
        #[arg(long)]
        json: bool,
    },
    /// Change fields of a customer file (only the ones given)
    Edit {
        id: String,
        /// Refuse the change if the file is no longer at this version (someone saved meanwhile)
        #[arg(long)]
        if_version: Option<u64>,
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        fields: CustomerFields,
        #[arg(long)]
        json: bool,
    },
    /// Fold OTHER into KEEP: orders, follow-ups, complaints, care plans, referrals and ids
    Merge { keep: String, other: String },
}

/// Optional fields shared by `add` and `edit`. An empty value clears the field on `edit`.
#[derive(Debug, Args)]
pub struct CustomerFields {
    /// Phone number (repeat for several)
    #[arg(long = "phone")]
    phones: Vec<String>,
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    company: Option<String>,
    #[arg(long)]
    city: Option<String>,
    #[arg(long)]
    address: Option<String>,
    /// YYYY-MM-DD
    #[arg(long)]
    birthday: Option<String>,
    #[arg(long)]
    gender: Option<String>,
    /// Tag (repeat for several)
    #[arg(long = "tag")]
    tags: Vec<String>,
    /// External id of the customer who referred this one
    #[arg(long)]
    referred_by: Option<String>,
    #[arg(long)]
    owner: Option<String>,
    #[arg(long)]
    personality: Option<String>,
    #[arg(long)]
    interests: Option<String>,
    #[arg(long)]
    habits: Option<String>,
    /// phone, email, visit, sms, chat, web, other
    #[arg(long)]
    preferred_channel: Option<String>,
    /// active, churned, won_back
    #[arg(long)]
    status: Option<String>,
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
                Err(format!("{s:?} is not an email address"))
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
                    .map_err(|_| format!("{s:?} is not a date like 1990-05-17"))
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
        CustomerCommand::Show { id, json, timeline } => {
            let card = service.customer_card(&CustomerKey::parse(&id), timeline)?;
            if json {
                super::print_json(&card)?;
            } else {
                print_card(&card);
            }
        }
        CustomerCommand::Add {
            external_id,
            name,
            fields,
            allow_duplicate,
            json,
        } => {
            let input = fields.into_input(external_id, name)?;
            match service.add_customer(NewCustomer {
                input,
                allow_duplicate,
            }) {
                Ok(customer) => {
                    if json {
                        super::print_json(&customer)?;
                    } else {
                        println!(
                            "added {} {} (#{})",
                            sanitize(&customer.external_id),
                            sanitize(&customer.name),
                            customer.id
                        );
                    }
                }
                Err(ServiceError::PossibleDuplicate(matches)) => {
                    for m in &matches {
                        eprintln!(
                            "possible duplicate: {} {} has the same {} (loyal customer show {})",
                            sanitize(&m.external_id),
                            sanitize(&m.name),
                            sanitize(&m.reason),
                            sanitize(&m.external_id)
                        );
                    }
                    bail!(
                        "not added; pass --allow-duplicate to add it anyway, or edit the existing file"
                    );
                }
                Err(e) => return Err(e.into()),
            }
        }
        CustomerCommand::Edit {
            id,
            if_version,
            name,
            fields,
            json,
        } => {
            let input = fields.into_input(String::new(), name.unwrap_or_default())?;
            let customer = service.update_customer(&CustomerKey::parse(&id), &input, if_version)?;
            if json {
                super::print_json(&customer)?;
            } else {
                println!(
                    "saved {} {} (version {})",
                    sanitize(&customer.external_id),
                    sanitize(&customer.name),
                    customer.version
                );
            }
        }
        CustomerCommand::Merge { keep, other } => {
            let (customer, moved) =
                service.merge_customers(&CustomerKey::parse(&keep), &CustomerKey::parse(&other))?;
            println!(
                "merged {} into {} {}: moved {} orders, {} follow-ups, {} complaints, {} care plans, {} referrals",
                sanitize(&other),
                sanitize(&customer.external_id),
                sanitize(&customer.name),
                moved.orders,
                moved.followups,
                moved.complaints,
                moved.care_plans,
                moved.referrals
            );
        }
    }
    Ok(())
}

fn print_card(card: &CustomerCard) {
    let c = &card.customer;
    let opt = |v: &Option<String>| v.as_deref().map(sanitize).unwrap_or_default().into_owned();
    println!(
        "{} {}  (#{}, {})",
        sanitize(&c.external_id),
        sanitize(&c.name),
        c.id,
        c.status
    );
    let rows: [(&str, String); 12] = [
        ("phone", sanitize(&c.phones.join(", ")).into_owned()),
        ("email", opt(&c.email)),
        ("company", opt(&c.company)),
        ("city", opt(&c.city)),
        ("address", opt(&c.address)),
        (
            "birthday",
            c.birthday.map(|d| d.to_string()).unwrap_or_default(),
        ),
        ("tags", sanitize(&c.tags.join(", ")).into_owned()),
        ("owner", opt(&c.owner)),
        ("personality", sanitize(&c.personality).into_owned()),
        ("interests", sanitize(&c.interests).into_owned()),
        ("habits", sanitize(&c.habits).into_owned()),
        (
            "channel",
            c.preferred_channel
                .map(|ch| ch.to_string())
                .unwrap_or_default(),
        ),
    ];
    for (label, value) in rows.iter().filter(|(_, v)| !v.is_empty()) {
        println!("  {label:<12}{value}");
    }
    if let Some(reason) = &c.churn_reason {
        println!("  {:<12}{}", "churn", sanitize(reason));
    }
    let a = &card.aggregate;
    if a.order_count > 0 {
        println!(
            "  {:<12}{} orders, {} total, first {}, last {}",
            "orders",
            a.order_count,
            a.total,
            &format_timestamp(a.first_order_at)[..10],
            &format_timestamp(a.last_order_at)[..10]
        );
    } else {
        println!("  {:<12}none yet", "orders");
    }
    if let Some(r) = &card.referred_by {
        println!(
            "  {:<12}{} {}",
            "referred by",
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
        println!("  {:<12}{}", "referred", names.join(", "));
    }
    if !card.merged_ids.is_empty() {
        println!(
            "  {:<12}{}",
            "merged ids",
            sanitize(&card.merged_ids.join(", "))
        );
    }
    if let Some(e) = &card.last_change {
        println!(
            "  {:<12}{} by {} ({}) at {}: {}",
            "last change",
            e.action,
            sanitize(&e.staff),
            sanitize(&e.os_user),
            super::when::local_time(e.at),
            sanitize(&e.detail)
        );
    }
    if card.timeline.is_empty() {
        return;
    }
    println!("timeline (newest first):");
    for entry in &card.timeline {
        let when = &format_timestamp(entry.at())[..10];
        let text = match entry {
            TimelineEntry::Order(o) => format!("order     {} {}", sanitize(&o.order_id), o.amount),
            TimelineEntry::FollowUp(f) => {
                format!(
                    "follow-up {} {} {}: {}",
                    f.channel.title(),
                    f.direction.title(),
                    sanitize(&f.staff),
                    sanitize(&f.summary)
                )
            }
            TimelineEntry::CarePlan(p) => format!(
                "care plan {} ({}) {}",
                p.purpose.title(),
                p.status.title(),
                sanitize(&p.note)
            ),
            TimelineEntry::Complaint(c) => format!(
                "complaint {} [{} {}] {}",
                sanitize(&c.id),
                c.severity.title(),
                c.status.title(),
                sanitize(&c.description)
            ),
        };
        println!("  {when}  {text}");
    }
}
