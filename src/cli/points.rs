//! `loyal points ...`: a customer's balance and statement, redeeming and granting, what
//! expires, and moving the recorded movements to and from another system.

use super::Context;
use super::format::{FormatArg, OutputFormat};
use super::when::local_time;
use crate::service::{CustomerKey, PointsLine, PointsSummary};
use crate::text::{fit, sanitize};
use chrono::NaiveDate;
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum PointsAction {
    /// A customer's balance, tier, what expires soon and the latest movements
    #[command(
        after_help = "Examples:\n  loyal points show C-000042\n  loyal points show C-000042 --as-of 2026-12-31 --format json"
    )]
    Show {
        /// The customer: external id or #N
        customer: String,
        /// The balance as of the end of this day (default now)
        #[arg(long, value_parser = super::when::date_value)]
        as_of: Option<NaiveDate>,
        #[command(flatten)]
        output: FormatArg,
    },
    /// Every movement with the balance after it, oldest first
    #[command(
        after_help = "Examples:\n  loyal points statement C-000042\n  loyal points statement C-000042 --since 2026-01-01 --format csv"
    )]
    Statement {
        /// The customer: external id or #N
        customer: String,
        /// Only movements from this day on
        #[arg(long, value_parser = super::when::date_value)]
        since: Option<NaiveDate>,
        #[command(flatten)]
        output: FormatArg,
    },
    /// Redeem points (refused, with the balance, when there are not enough)
    #[command(after_help = "Examples:\n  loyal points redeem C-000042 500 --reason \"gift box\"")]
    Redeem {
        /// The customer: external id or #N
        customer: String,
        /// How many points
        points: i64,
        /// What they were redeemed for
        #[arg(long)]
        reason: String,
    },
    /// Grant points by hand (agents up to points.agent_grant_limit at once)
    #[command(
        after_help = "Examples:\n  loyal points grant C-000042 200 --reason \"sorry for the late parcel\""
    )]
    Grant {
        /// The customer: external id or #N
        customer: String,
        /// How many points
        points: i64,
        /// Why
        #[arg(long)]
        reason: String,
    },
    /// Who has points expiring within the next days, and what has expired so far
    #[command(
        after_help = "Examples:\n  loyal points expire\n  loyal points expire --as-of 2026-12-31 --within-days 60 --format csv"
    )]
    Expire {
        /// As of the end of this day (default now)
        #[arg(long, value_parser = super::when::date_value)]
        as_of: Option<NaiveDate>,
        /// Look this many days ahead
        #[arg(long, default_value_t = 30)]
        within_days: u32,
        #[command(flatten)]
        output: FormatArg,
    },
    /// Write every recorded movement (grants, redemptions) as CSV or JSON
    #[command(
        after_help = "Examples:\n  loyal points export > points.csv\n  loyal points export --format json > points.json"
    )]
    Export {
        #[command(flatten)]
        output: FormatArg,
    },
    /// Read recorded movements from another system's file (CSV or JSON), all or nothing; keyed by id, so a re-import changes nothing
    #[command(after_help = "Examples:\n  loyal points import points.csv")]
    Import {
        /// The file (.csv or .json)
        file: PathBuf,
    },
}

/// The last moment of `day` (local), or now.
fn moment(day: Option<NaiveDate>) -> i64 {
    day.map_or_else(
        || chrono::Utc::now().timestamp_millis(),
        crate::service::end_of_day,
    )
}

use crate::service::start_of_day as day_start;

fn line_cells(l: &PointsLine) -> Vec<String> {
    vec![
        local_time(l.at),
        l.movement.title().to_string(),
        format!("{:+}", l.points),
        l.balance.to_string(),
        sanitize(&l.reference).into_owned(),
        sanitize(l.reason.as_deref().unwrap_or("")).into_owned(),
        sanitize(l.staff.as_deref().unwrap_or("")).into_owned(),
    ]
}

const LINE_HEADER: [&str; 7] = [
    "at",
    "movement",
    "points",
    "balance",
    "reference",
    "reason",
    "staff",
];

fn print_lines(lines: &[PointsLine]) {
    for l in lines {
        let c = line_cells(l);
        println!(
            "{} {} {:>8} {:>8}  {} {}",
            c[0],
            fit(&c[1], 10),
            c[2],
            c[3],
            c[4],
            if c[5].is_empty() {
                String::new()
            } else {
                format!("({}, {})", c[5], c[6])
            }
        );
    }
}

fn print_summary(s: &PointsSummary) {
    println!(
        "{}",
        t!(
            "cli-points-balance",
            customer = sanitize(&s.customer_id).into_owned(),
            balance = s.balance,
            value = s.value.to_string(),
            tier = crate::service::tier_title(s.tier.as_deref()),
            earned = s.earned_12m
        )
    );
    if s.balance < 0 {
        println!("{}", t!("cli-points-negative"));
    }
    if s.expiring_soon > 0 {
        println!(
            "{}",
            t!(
                "cli-points-expiring",
                points = s.expiring_soon,
                days = crate::service::EXPIRING_DAYS
            )
        );
    }
    println!(
        "{}",
        t!(
            "cli-points-totals",
            earned = s.earned,
            back = s.taken_back,
            bonus = s.bonus,
            granted = s.granted,
            redeemed = s.redeemed,
            expired = s.expired
        )
    );
    print_lines(&s.last);
}

pub fn action(context: &Context, action: PointsAction) -> anyhow::Result<()> {
    let service = context.open()?;
    match action {
        PointsAction::Show {
            customer,
            as_of,
            output,
        } => {
            let id = service.resolve(&CustomerKey::parse(&customer))?;
            let summary = service.points_summary(id, moment(as_of), 5)?;
            match output.get() {
                OutputFormat::Json => super::print_json(&service, &summary)?,
                OutputFormat::Csv => super::format::print_csv(
                    &[
                        "customer_id",
                        "balance",
                        "value",
                        "tier",
                        "earned_12m",
                        "expiring_soon",
                    ],
                    [[
                        summary.customer_id.clone(),
                        summary.balance.to_string(),
                        summary.value.to_string(),
                        summary.tier.clone().unwrap_or_default(),
                        summary.earned_12m.to_string(),
                        summary.expiring_soon.to_string(),
                    ]],
                )?,
                OutputFormat::Table => print_summary(&summary),
            }
        }
        PointsAction::Statement {
            customer,
            since,
            output,
        } => {
            let id = service.resolve(&CustomerKey::parse(&customer))?;
            let lines = service.points_statement(id, since.map(day_start), moment(None))?;
            match output.get() {
                OutputFormat::Json => super::print_json(&service, &lines)?,
                OutputFormat::Csv => {
                    super::format::print_csv(&LINE_HEADER, lines.iter().map(line_cells))?
                }
                OutputFormat::Table if lines.is_empty() => println!("{}", t!("cli-points-none")),
                OutputFormat::Table => print_lines(&lines),
            }
        }
        PointsAction::Redeem {
            customer,
            points,
            reason,
        } => {
            let id = service.resolve(&CustomerKey::parse(&customer))?;
            let entry = service.redeem_points(id, points, &reason, None)?;
            let balance = service.points_summary(id, moment(None), 0)?.balance;
            println!(
                "{}",
                t!(
                    "cli-points-redeemed",
                    id = &entry.id,
                    points = points,
                    balance = balance
                )
            );
        }
        PointsAction::Grant {
            customer,
            points,
            reason,
        } => {
            let id = service.resolve(&CustomerKey::parse(&customer))?;
            let entry = service.grant_points(id, points, &reason, None)?;
            let balance = service.points_summary(id, moment(None), 0)?.balance;
            println!(
                "{}",
                t!(
                    "cli-points-granted",
                    id = &entry.id,
                    points = points,
                    balance = balance
                )
            );
        }
        PointsAction::Expire {
            as_of,
            within_days,
            output,
        } => {
            let rows = service.points_expiring(moment(as_of), i64::from(within_days))?;
            let cells = |r: &crate::service::ExpiringRow| {
                vec![
                    r.customer_id.clone(),
                    sanitize(&r.name).into_owned(),
                    r.balance.to_string(),
                    r.expiring.to_string(),
                    r.first_expiry.map(local_time).unwrap_or_default(),
                    r.expired.to_string(),
                ]
            };
            match output.get() {
                OutputFormat::Json => super::print_json(&service, &rows)?,
                OutputFormat::Csv => super::format::print_csv(
                    &[
                        "customer_id",
                        "name",
                        "balance",
                        "expiring",
                        "first_expiry",
                        "expired",
                    ],
                    rows.iter().map(cells),
                )?,
                OutputFormat::Table => {
                    println!(
                        "{}",
                        t!("cli-points-expire-head", n = rows.len(), days = within_days)
                    );
                    for r in &rows {
                        let c = cells(r);
                        println!(
                            "{} {} {:>8} {:>8} {} {:>8}",
                            fit(&c[0], 10),
                            fit(&c[1], 16),
                            c[2],
                            c[3],
                            fit(&c[4], 16),
                            c[5]
                        );
                    }
                }
            }
        }
        PointsAction::Export { output } => {
            let rows = service.points_export()?;
            match output.get() {
                OutputFormat::Json => super::print_json(&service, &rows)?,
                _ => {
                    let mut w = super::format::csv_out();
                    for row in &rows {
                        w.serialize(row)?;
                    }
                    if rows.is_empty() {
                        w.write_record(crate::service::POINTS_COLUMNS)?;
                    }
                    w.flush()?;
                }
            }
        }
        PointsAction::Import { file } => {
            let text = std::fs::read_to_string(&file).map_err(|e| {
                super::exit::refused(format!(
                    "{}: {e}",
                    t!("cannot-read", path = file.display().to_string())
                ))
            })?;
            let json = file
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"));
            let name = file.display().to_string();
            match service.points_import(&text, json, &name) {
                Ok((created, unchanged)) => println!(
                    "{}",
                    t!(
                        "cli-points-imported",
                        created = created,
                        unchanged = unchanged
                    )
                ),
                Err(crate::service::ServiceError::Rejected(errors)) => {
                    for e in errors.iter().take(20) {
                        let where_ = if json { "record" } else { "line" };
                        eprintln!(
                            "{}",
                            sanitize(&format!(
                                "{name}: {where_} {}: {}: {}",
                                e.line, e.field, e.reason
                            ))
                        );
                    }
                    if errors.len() > 20 {
                        eprintln!("{}", t!("cli-and-more", n = errors.len() - 20));
                    }
                    return Err(super::exit::refused(t!(
                        "cli-points-refused",
                        name = &name,
                        n = errors.len()
                    )));
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
    Ok(())
}
