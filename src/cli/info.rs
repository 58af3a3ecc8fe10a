//! `loyal audit`, `role`, `whoami`, `stats` and `check`: what the database holds and who may
//! do what, as a table, CSV or JSON.

use super::Context;
use super::format::{OutputFormat, print_csv};
use super::when::local_time;
use crate::domain::{Role, rfc3339};
use crate::text::{fit, sanitize};

/// `loyal audit`: the trail, newest first, filtered.
pub fn audit(
    context: &Context,
    customer: Option<String>,
    user: Option<String>,
    since: Option<chrono::NaiveDate>,
    limit: usize,
    format: OutputFormat,
) -> anyhow::Result<()> {
    use chrono::TimeZone;
    let since = since.and_then(|date| {
        chrono::Local
            .from_local_datetime(&date.and_time(chrono::NaiveTime::MIN))
            .earliest()
            .map(|t| t.timestamp_millis())
    });
    let filter = crate::service::AuditFilter {
        customer: customer.as_deref().map(crate::service::CustomerKey::parse),
        user,
        since,
        limit,
    };
    let service = context.open()?;
    let entries = service.audit(&filter)?;
    match format {
        OutputFormat::Json => super::print_json(&service, &entries)?,
        OutputFormat::Csv => {
            let names = service.external_ids()?;
            print_csv(
                &[
                    "seq", "at", "os_user", "staff", "action", "customer", "subject", "detail",
                ],
                entries.iter().map(|e| {
                    [
                        e.seq.to_string(),
                        rfc3339(e.at),
                        e.os_user.clone(),
                        e.staff.clone(),
                        e.action.clone(),
                        e.customer.and_then(&names).unwrap_or_default(),
                        e.subject.clone(),
                        e.detail.clone(),
                    ]
                }),
            )?;
        }
        OutputFormat::Table => {
            for e in &entries {
                println!(
                    "{} {} {} ({}) {} {}",
                    local_time(e.at),
                    fit(&e.action_title(), 22),
                    sanitize(&e.staff),
                    sanitize(&e.os_user),
                    sanitize(&e.subject),
                    sanitize(&e.detail)
                );
            }
        }
    }
    Ok(())
}

/// One role given to an OS account, as JSON writes it.
#[derive(serde::Serialize)]
struct RoleRow<'a> {
    user: &'a str,
    role: Role,
}

/// `loyal role` / `loyal role list`: the roles given, and what anyone else gets.
pub fn roles(context: &Context, format: OutputFormat) -> anyhow::Result<()> {
    let service = context.open()?;
    let roles = service.roles()?;
    let default = service.team_setting("roles.default")?;
    match format {
        OutputFormat::Json => {
            #[derive(serde::Serialize)]
            struct Roles<'a> {
                roles: Vec<RoleRow<'a>>,
                default: &'a str,
            }
            let rows = roles
                .iter()
                .map(|(user, role)| RoleRow { user, role: *role })
                .collect();
            super::print_json(
                &service,
                &Roles {
                    roles: rows,
                    default: &default,
                },
            )?;
        }
        OutputFormat::Csv => print_csv(
            &["user", "role"],
            roles
                .iter()
                .map(|(user, role)| [user.clone(), role.label().to_string()]),
        )?,
        OutputFormat::Table => {
            for (user, role) in &roles {
                println!("{} {}", fit(user, 24), role.title());
            }
            let default = default
                .parse::<Role>()
                .map_or(default.clone(), |r| r.title().to_owned());
            println!("{}", t!("cli-roles-anyone-else", role = default));
        }
    }
    Ok(())
}

/// `loyal role set USER ROLE`.
pub fn set_role(context: &Context, user: &str, role: Role) -> anyhow::Result<()> {
    context.open()?.set_role(user, role)?;
    println!(
        "{}",
        t!(
            "cli-role-now",
            user = sanitize(user).into_owned(),
            role = role.title()
        )
    );
    Ok(())
}

/// `loyal whoami`: the OS account, the staff name and the role here.
pub fn whoami(context: &Context, format: OutputFormat) -> anyhow::Result<()> {
    let service = context.open()?;
    let (user, role) = service.whoami();
    let staff = context.staff_name();
    #[derive(serde::Serialize)]
    struct Whoami<'a> {
        os_user: &'a str,
        staff: &'a str,
        role: Role,
        database: String,
    }
    let me = Whoami {
        os_user: user,
        staff: &staff,
        role,
        database: context.db_path.display().to_string(),
    };
    match format {
        OutputFormat::Json => super::print_json(&service, &me)?,
        OutputFormat::Csv => print_csv(
            &["os_user", "staff", "role", "database"],
            [[
                me.os_user.to_string(),
                me.staff.to_string(),
                role.label().to_string(),
                me.database.clone(),
            ]],
        )?,
        OutputFormat::Table => println!(
            "{}",
            t!(
                "cli-whoami",
                user = sanitize(user).into_owned(),
                staff = sanitize(&staff).into_owned(),
                role = role.title()
            )
        ),
    }
    Ok(())
}

/// `loyal stats`: counts, the file's size and its page use.
pub fn stats(context: &Context, format: OutputFormat) -> anyhow::Result<()> {
    let service = context.open()?;
    let stats = service.stats()?;
    match format {
        OutputFormat::Json => {
            #[derive(serde::Serialize)]
            struct WithPath<'a> {
                database: String,
                #[serde(flatten)]
                stats: &'a crate::service::Stats,
            }
            super::print_json(
                &service,
                &WithPath {
                    database: context.db_path.display().to_string(),
                    stats: &stats,
                },
            )?;
        }
        OutputFormat::Csv => {
            let mut rows = vec![
                ("customers", stats.customers),
                ("orders", stats.orders),
                ("followups", stats.followups),
                ("care_plans", stats.care_plans),
                ("complaints", stats.complaints),
                ("file_bytes", stats.file_bytes),
            ];
            if let Some(space) = stats.space {
                rows.extend([
                    ("allocated_bytes", space.allocated_bytes),
                    ("stored_bytes", space.stored_bytes),
                    ("metadata_bytes", space.metadata_bytes),
                    ("fragmented_bytes", space.fragmented_bytes),
                ]);
            }
            print_csv(
                &["name", "value"],
                rows.into_iter()
                    .map(|(k, v)| [k.to_string(), v.to_string()]),
            )?;
        }
        OutputFormat::Table => print_stats(context, &stats),
    }
    Ok(())
}

fn print_stats(context: &Context, stats: &crate::service::Stats) {
    let label = |id: &'static str| fit(id, 11);
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
}

/// `loyal check`: redb's full integrity check.
pub fn check(context: &Context) -> anyhow::Result<()> {
    let mut service = context.open()?;
    let file = context.db_path.display().to_string();
    if service.check_integrity()? {
        println!("{}", t!("cli-check-passed", file = file));
        if crate::store::damage::clear(&context.db_path) {
            println!("{}", t!("cli-check-unmarked"));
        }
    } else {
        println!("{}", t!("cli-check-repaired", file = file));
    }
    Ok(())
}
