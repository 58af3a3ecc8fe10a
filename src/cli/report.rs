//! `loyal report KIND`: one report read from the service, then printed as a table, JSON, CSV
//! or an Excel workbook (the last two from the same sheets, see [`super::report_sheets`]).

use super::analytics::ScoreArgs;
use super::format::ReportFormat;
use super::report_sheets::{self, Report};
use super::{Context, print_json};
use crate::scoring::Period;
use crate::service::{pareto_report, segment_report, stage_report, value_report};
use crate::text::{fit, fit_right, sanitize};
use clap::ValueEnum;

/// Which report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportKind {
    Pareto,
    Churn,
    Segments,
    Stages,
    Values,
    /// Resolved complaints by category and root cause
    Causes,
    /// Satisfaction scores per period: count, average, share of 1-2
    Satisfaction,
    /// Opinion leaders: referrals made, referred customers who bought, their revenue
    Influencers,
    /// Churned customers per period by the reason on their file, with their revenue
    ChurnReasons,
    /// What the buyers of one item also buy: support, confidence and lift of each pair
    CrossSell,
    /// Points outstanding and their worth, movements per period, customers per tier, tier moves
    Points,
}

/// The cross-sell report's options (refused with any other report).
#[derive(Debug, Clone, Copy, Default)]
pub struct CrossSellArgs {
    pub min_support: Option<f64>,
    pub of: Option<crate::service::CrossSellBy>,
}

impl ReportKind {
    /// The name typed on the command line (`pareto`).
    fn name(self) -> String {
        self.to_possible_value()
            .map(|v| v.get_name().to_owned())
            .unwrap_or_default()
    }
}

pub fn report(
    context: &Context,
    kind: ReportKind,
    args: &ScoreArgs,
    period: Period,
    by: Option<crate::service::SatisfactionBy>,
    cross: CrossSellArgs,
) -> anyhow::Result<()> {
    args.output.check()?;
    if kind != ReportKind::CrossSell && (cross.min_support.is_some() || cross.of.is_some()) {
        return Err(super::exit::refused(t!("cli-cross-sell-only")));
    }
    let by_owner = by == Some(crate::service::SatisfactionBy::Owner);
    if by.is_some() && kind != ReportKind::Satisfaction && !(kind == ReportKind::Churn && by_owner)
    {
        return Err(super::exit::refused(t!("cli-by-satisfaction-only")));
    }
    let service = context.open()?;
    let report = match kind {
        ReportKind::CrossSell => Report::CrossSell {
            as_of: crate::service::today(),
            report: service.cross_sell_report(
                cross.of.unwrap_or_default(),
                cross.min_support.unwrap_or(0.01),
            )?,
        },
        _ => read(&service, kind, args, period, by)?,
    };
    let format = args.output.get();
    match format {
        ReportFormat::Table => print_table(&report),
        ReportFormat::Json => report.json(&service, args.output.out())?,
        ReportFormat::Csv | ReportFormat::Xlsx => {
            let title = t!(
                "report-workbook-title",
                report = kind.name(),
                date = report.as_of().to_string()
            );
            report_sheets::write(&report, format, args.output.out(), &title)?;
        }
    }
    if let Some(path) = args.output.out() {
        eprintln!(
            "{}",
            t!(
                "cli-report-written",
                report = kind.name(),
                file = path.display().to_string()
            )
        );
    }
    Ok(())
}

/// The report `kind`, read from one scoring of the database.
fn read(
    service: &crate::service::Service,
    kind: ReportKind,
    args: &ScoreArgs,
    period: Period,
    by: Option<crate::service::SatisfactionBy>,
) -> anyhow::Result<Report> {
    if kind == ReportKind::Points {
        let as_of = args.as_of.unwrap_or_else(crate::service::today);
        return Ok(Report::Points {
            as_of,
            report: service.points_report(as_of, period)?,
        });
    }
    if kind == ReportKind::Satisfaction {
        return Ok(Report::Satisfaction {
            as_of: crate::service::today(),
            by,
            rows: service.satisfaction_report(period, by, args.as_of)?,
        });
    }
    if kind == ReportKind::ChurnReasons {
        return Ok(Report::ChurnReasons {
            as_of: args.as_of.unwrap_or_else(crate::service::today),
            rows: service.churn_reasons(&args.options(), period)?,
        });
    }
    if kind == ReportKind::Influencers {
        return Ok(Report::Influencers {
            as_of: crate::service::today(),
            rows: service.influencers_report()?,
        });
    }
    if kind == ReportKind::Causes {
        return Ok(Report::Causes {
            as_of: crate::service::today(),
            rows: service.root_cause_report()?,
        });
    }
    if kind == ReportKind::Churn && by == Some(crate::service::SatisfactionBy::Owner) {
        return Ok(Report::ChurnByOwner {
            as_of: args.as_of.unwrap_or_else(crate::service::today),
            rows: service.churn_by_owner(&args.options(), period)?,
        });
    }
    if kind == ReportKind::Churn {
        return Ok(Report::Churn {
            as_of: args.as_of.unwrap_or_else(crate::service::today),
            churn: service.churn_report(&args.options(), period)?,
        });
    }
    let table = service.score(&args.options())?;
    let as_of = table.params.as_of;
    Ok(match kind {
        ReportKind::Segments => Report::Segments {
            as_of,
            rows: segment_report(&table)?,
        },
        ReportKind::Stages => Report::Stages {
            as_of,
            rows: stage_report(&table),
        },
        ReportKind::Values => Report::Values {
            as_of,
            rows: value_report(&table)?,
        },
        ReportKind::Pareto
        | ReportKind::Churn
        | ReportKind::Causes
        | ReportKind::Satisfaction
        | ReportKind::Influencers
        | ReportKind::ChurnReasons
        | ReportKind::CrossSell
        | ReportKind::Points => Report::Pareto {
            as_of,
            pareto: pareto_report(&table)?,
        },
    })
}

impl Report {
    /// Writes the report's JSON to `out` (standard output when `None`).
    fn json(
        &self,
        service: &crate::service::Service,
        out: Option<&std::path::Path>,
    ) -> anyhow::Result<()> {
        match self {
            Report::Segments { rows, .. } => json(service, out, rows),
            Report::Stages { rows, .. } => json(service, out, rows),
            Report::Values { rows, .. } => json(service, out, rows),
            Report::Pareto { pareto, .. } => json(service, out, pareto),
            Report::Causes { rows, .. } => json(service, out, rows),
            Report::Satisfaction { rows, .. } => json(service, out, rows),
            Report::Influencers { rows, .. } => json(service, out, rows),
            Report::ChurnReasons { rows, .. } => json(service, out, rows),
            Report::ChurnByOwner { rows, .. } => json(service, out, rows),
            Report::CrossSell { report, .. } => json(service, out, report),
            Report::Points { report, .. } => json(service, out, report),
            Report::Churn { churn, .. } => {
                // Each won-back customer as one object (its `customer` is the external id).
                #[derive(serde::Serialize)]
                struct Churn<'a> {
                    report: &'a crate::scoring::ChurnPeriod,
                    won_back: Vec<&'a crate::scoring::WonBack>,
                }
                let value = Churn {
                    report: &churn.report,
                    won_back: churn.won_back.iter().map(|(_, won)| won).collect(),
                };
                json(service, out, &value)
            }
        }
    }
}

/// `value` as JSON on standard output or in the file `out`.
pub(super) fn json(
    service: &crate::service::Service,
    out: Option<&std::path::Path>,
    value: &impl serde::Serialize,
) -> anyhow::Result<()> {
    match out {
        None => print_json(service, value),
        Some(path) => super::format::write_out(Some(path), |file| {
            super::format::write_json_to(service, value, file)
        }),
    }
}

fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

fn print_table(report: &Report) {
    match report {
        Report::Segments { as_of, rows } => {
            println!("{}", t!("cli-segments-head", date = as_of.to_string()));
            println!(
                "{} {} {} {} {}  {}",
                fit(ts!("cli-col-segment"), 18),
                fit_right(ts!("cli-col-customers"), 9),
                fit_right(ts!("cli-col-share"), 7),
                fit_right(ts!("cli-col-revenue"), 14),
                fit_right(ts!("cli-col-share"), 7),
                ts!("cli-col-revenue-share")
            );
            for r in rows {
                let bar = "#".repeat((r.revenue_share * 40.0).round() as usize);
                println!(
                    "{} {:>9} {:>7} {:>14} {:>7}  {bar}",
                    fit(r.segment.title(), 18),
                    r.customers,
                    percent(r.customer_share),
                    r.revenue.to_string(),
                    percent(r.revenue_share)
                );
            }
        }
        Report::Points { report, .. } => {
            use crate::service::tier_title;
            println!(
                "{}",
                t!(
                    "cli-points-report-head",
                    date = report.as_of.to_string(),
                    customers = report.customers,
                    outstanding = report.outstanding,
                    value = report.value.to_string()
                )
            );
            if report.below_zero > 0 {
                println!(
                    "{}",
                    t!(
                        "cli-points-report-below",
                        n = report.below_zero,
                        points = report.shortfall
                    )
                );
            }
            println!(
                "{} {} {} {} {} {} {}",
                fit(ts!("report-col-period_start"), 12),
                fit_right(ts!("report-col-earned"), 10),
                fit_right(ts!("report-col-taken_back"), 10),
                fit_right(ts!("report-col-bonus"), 8),
                fit_right(ts!("report-col-granted"), 8),
                fit_right(ts!("report-col-redeemed"), 10),
                fit_right(ts!("report-col-expired"), 10),
            );
            for p in &report.periods {
                println!(
                    "{} {:>10} {:>10} {:>8} {:>8} {:>10} {:>10}",
                    fit(&p.period_start.to_string(), 12),
                    p.earned,
                    p.taken_back,
                    p.bonus,
                    p.granted,
                    p.redeemed,
                    p.expired
                );
            }
            for t in &report.tiers {
                println!(
                    "{} {:>9}",
                    fit(&tier_title(t.tier.as_deref()), 12),
                    t.customers
                );
            }
            for m in &report.moves {
                println!(
                    "{}",
                    t!(
                        "cli-points-report-move",
                        from = tier_title(m.from.as_deref()),
                        to = tier_title(m.to.as_deref()),
                        n = m.customers
                    )
                );
            }
        }
        Report::Stages { as_of, rows } => {
            println!("{}", t!("cli-ladder-head", date = as_of.to_string()));
            for r in rows {
                let bar = "#".repeat((r.share * 50.0).round() as usize);
                println!(
                    "{} {:>9} {:>7}  {bar}",
                    fit(r.stage.title(), 11),
                    r.customers,
                    percent(r.share)
                );
            }
        }
        Report::CrossSell { report, .. } => {
            println!(
                "{}",
                t!(
                    "cli-cross-sell-head",
                    customers = report.customers,
                    rules = report.rules.len()
                )
            );
            println!(
                "{} {} {} {} {} {}",
                fit(ts!("cli-col-buyers-of"), 24),
                fit(ts!("cli-col-also-bought"), 24),
                fit_right(ts!("cli-col-customers"), 9),
                fit_right(ts!("cli-col-support"), 8),
                fit_right(ts!("cli-col-confidence"), 10),
                fit_right(ts!("cli-col-lift"), 6),
            );
            for r in &report.rules {
                println!(
                    "{} {} {:>9} {:>8} {:>10} {:>6.2}",
                    fit(&r.from, 24),
                    fit(&r.to, 24),
                    r.customers,
                    percent(r.support),
                    percent(r.confidence),
                    r.lift
                );
            }
        }
        Report::Values { as_of, rows } => {
            println!("{}", t!("cli-values-head", date = as_of.to_string()));
            println!(
                "{} {} {} {} {} {}",
                fit(ts!("cli-col-value"), 9),
                fit_right(ts!("cli-col-customers"), 9),
                fit_right(ts!("cli-col-revenue"), 14),
                fit_right(ts!("cli-col-share"), 7),
                fit_right(ts!("cli-col-margin"), 14),
                fit_right(ts!("cli-col-service-cost"), 14),
            );
            for r in rows {
                println!(
                    "{} {:>9} {:>14} {:>7} {:>14} {:>14}",
                    fit(r.class.title(), 9),
                    r.customers,
                    r.revenue.to_string(),
                    percent(r.revenue_share),
                    r.margin.to_string(),
                    r.service_cost.to_string()
                );
            }
        }
        Report::Pareto { as_of, pareto: p } => {
            println!(
                "{}",
                t!(
                    "cli-pareto-head",
                    date = as_of.to_string(),
                    customers = p.customers,
                    revenue = p.revenue.to_string()
                )
            );
            match (p.top_share, p.count_for_80, p.share_for_80) {
                (Some(top), Some(k), Some(share)) => {
                    println!(
                        "{}",
                        t!("cli-pareto-top", count = p.top_count, share = percent(top))
                    );
                    println!("{}", t!("cli-pareto-80", k = k, share = percent(share)));
                }
                _ => println!("{}", t!("cli-pareto-none")),
            }
            for decile in 1..=10 {
                let target = decile as f64 / 10.0;
                if let Some((_, r)) = p.curve.iter().find(|(c, _)| *c >= target - 1e-9) {
                    let bar = "#".repeat((r * 50.0).round() as usize);
                    let label = t!("cli-pareto-decile", pct = decile * 10);
                    println!("{} {:>7}  {bar}", fit_right(&label, 8), percent(*r));
                }
            }
        }
        Report::Churn { churn, .. } => print_churn(churn),
        Report::Satisfaction { rows, by, .. } => print_satisfaction(rows, by.is_some()),
        Report::Influencers { rows, .. } => print_influencers(rows),
        Report::ChurnReasons { rows, .. } => print_churn_reasons(rows),
        Report::ChurnByOwner { rows, .. } => print_churn_by_owner(rows),
        Report::Causes { rows, .. } => {
            println!("{}", t!("cli-causes-head"));
            for r in rows {
                println!(
                    "{:>4}  {} {} {}",
                    r.complaints,
                    fit(&r.category, 16),
                    fit(&r.cause, 28),
                    t!("cli-causes-others", n = r.others_said_same)
                );
            }
        }
    }
}

fn print_churn(churn: &crate::service::ChurnReport) {
    println!(
        "{}",
        t!(
            "cli-churn-head",
            period = churn.report.period.title(),
            days = churn.report.churn_days
        )
    );
    println!(
        "{} {} {} {} {} {} {}",
        fit(ts!("cli-col-period"), 10),
        fit_right(ts!("cli-col-start"), 7),
        fit_right(ts!("cli-col-end"), 7),
        fit_right(ts!("cli-col-new"), 5),
        fit_right(ts!("cli-col-won-back"), 8),
        fit_right(ts!("cli-col-retained"), 9),
        fit_right(ts!("cli-col-churn"), 7)
    );
    for r in &churn.report.rows {
        let pct = |v: Option<f64>| v.map(percent).unwrap_or_else(|| String::from("-"));
        println!(
            "{:<10} {:>7} {:>7} {:>5} {:>8} {:>9} {:>7}{}",
            r.start,
            r.active_at_start,
            r.active_at_end,
            r.new_in_period,
            r.won_back,
            pct(r.retention),
            pct(r.churn),
            if r.partial {
                format!("  {}", t!("cli-partial"))
            } else {
                String::new()
            }
        );
    }
    println!("\n{}", t!("cli-won-back-head", n = churn.won_back.len()));
    for (id, back) in churn.won_back.iter().take(20) {
        println!(
            "  {}",
            t!(
                "cli-won-back-line",
                id = sanitize(id).into_owned(),
                last = back.last_before.to_string(),
                churned = back.churned_on.to_string(),
                back = back.came_back.to_string()
            )
        );
    }
    if churn.won_back.len() > 20 {
        println!(
            "  {}",
            t!("cli-won-back-more", n = churn.won_back.len() - 20)
        );
    }
}

/// Each owner's periods: customers active at the start, retention, won back, churn.
fn print_churn_by_owner(rows: &[crate::service::OwnerChurn]) {
    println!("{}", t!("cli-churn-by-owner-head"));
    println!(
        "{} {} {} {} {} {}",
        fit(ts!("cli-col-owner"), 16),
        fit(ts!("cli-col-period"), 10),
        fit_right(ts!("cli-col-start"), 7),
        fit_right(ts!("cli-col-retained"), 9),
        fit_right(ts!("cli-col-won-back"), 8),
        fit_right(ts!("cli-col-churn"), 7)
    );
    for owner in rows {
        let name = owner.owner.clone().unwrap_or_else(|| t!("cli-no-owner"));
        for r in &owner.report.rows {
            let pct = |v: Option<f64>| v.map(percent).unwrap_or_else(|| String::from("-"));
            println!(
                "{} {:<10} {:>7} {:>9} {:>8} {:>7}{}",
                fit(&name, 16),
                r.start,
                r.active_at_start,
                pct(r.retention),
                r.won_back,
                pct(r.churn),
                if r.partial {
                    format!("  {}", t!("cli-partial"))
                } else {
                    String::new()
                }
            );
        }
    }
}

fn print_churn_reasons(rows: &[crate::service::ChurnReasonRow]) {
    println!("{}", t!("cli-churn-reasons-head"));
    if rows.is_empty() {
        println!("{}", t!("cli-churn-reasons-none"));
        return;
    }
    println!(
        "{} {} {} {}",
        fit(ts!("cli-col-period"), 10),
        fit(ts!("cli-col-reason"), 30),
        fit_right(ts!("cli-col-customers"), 9),
        fit_right(ts!("cli-col-revenue"), 14)
    );
    for r in rows {
        let reason = r
            .reason
            .clone()
            .unwrap_or_else(|| t!("cli-churn-no-reason"));
        println!(
            "{:<10} {} {:>9} {:>14}",
            r.period,
            fit(&reason, 30),
            r.customers,
            r.revenue.to_string()
        );
    }
}

fn print_influencers(rows: &[crate::service::InfluencerRow]) {
    println!("{}", t!("cli-influencers-head", n = rows.len()));
    if rows.is_empty() {
        println!("{}", t!("cli-influencers-none"));
        return;
    }
    println!(
        "{} {} {} {} {} {}  {}",
        fit(ts!("cli-col-customer"), 12),
        fit(ts!("cli-col-name"), 14),
        fit(ts!("cli-col-influence"), 12),
        fit_right(ts!("cli-col-referrals"), 9),
        fit_right(ts!("cli-col-bought"), 7),
        fit_right(ts!("cli-col-referred-revenue"), 14),
        ts!("cli-col-note")
    );
    for r in rows {
        println!(
            "{} {} {} {:>9} {:>7} {:>14}  {}",
            fit(&r.customer.external_id, 12),
            fit(&r.customer.name, 14),
            fit(r.influence.kind.title(), 12),
            r.referrals,
            r.referred_buyers,
            r.referred_revenue.to_string(),
            fit(&r.influence.note, 40).trim_end()
        );
    }
}

fn print_satisfaction(rows: &[crate::service::SatisfactionRow], grouped: bool) {
    println!("{}", t!("cli-satisfaction-head"));
    if rows.is_empty() {
        println!("{}", t!("cli-satisfaction-none"));
        return;
    }
    println!(
        "{} {}{} {} {} {}",
        fit(ts!("cli-col-period"), 10),
        if grouped {
            format!("{} ", fit(ts!("cli-col-group"), 16))
        } else {
            String::new()
        },
        fit_right(ts!("cli-col-responses"), 9),
        fit_right(ts!("cli-col-average"), 7),
        fit_right(ts!("cli-col-unhappy"), 12),
        ts!("cli-col-average-bar")
    );
    for r in rows {
        let bar = "#".repeat((r.average * 8.0).round() as usize);
        println!(
            "{:<10} {}{:>9} {:>7.2} {:>12}  {bar}",
            r.period,
            if grouped {
                format!("{} ", fit(r.group.as_deref().unwrap_or("-"), 16))
            } else {
                String::new()
            },
            r.responses,
            r.average,
            format!("{} ({})", r.unhappy, percent(r.unhappy_share)),
        );
    }
}
