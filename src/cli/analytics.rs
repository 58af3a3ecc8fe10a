//! `loyal rfm`, `loyal report` and `loyal due`: the analytics as tables, CSV or JSON.

use super::Context;
use crate::domain::Money;
use crate::scoring::{Period, Segment};
use crate::service::{
    ChurnReport, DueRow, RfmRow, ScoreOptions, pareto_report, segment_report, stage_report, today,
    value_report,
};
use crate::text::{fit, fit_right, sanitize};
use anyhow::Context as _;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};

pub use super::format::OutputFormat;
use super::format::csv_out;

/// The date and rate overrides shared by every analytics command.
#[derive(Debug, Clone, Args)]
pub struct ScoreArgs {
    /// Score as of this date (orders after it are ignored): 2026-06-30, -30d, ... [default: today]
    #[arg(long, value_name = "DATE", value_parser = super::when::date_value, allow_hyphen_values = true)]
    pub as_of: Option<NaiveDate>,
    /// Margin as a share of revenue, e.g. 0.30 [default: team setting scoring.margin_rate]
    #[arg(long)]
    pub margin_rate: Option<String>,
    /// Cost of one complaint [default: team setting scoring.complaint_cost]
    #[arg(long)]
    pub complaint_cost: Option<Money>,
    /// Cost of one follow-up contact [default: team setting scoring.contact_cost]
    #[arg(long)]
    pub contact_cost: Option<Money>,
    /// Days without an order that count as churned [default: team setting scoring.churn_days]
    #[arg(long)]
    pub churn_days: Option<i64>,
    #[command(flatten)]
    pub output: super::format::FormatArg,
}

impl ScoreArgs {
    pub(super) fn options(&self) -> ScoreOptions {
        ScoreOptions {
            as_of: self.as_of,
            margin_rate: self.margin_rate.clone(),
            complaint_cost: self.complaint_cost,
            contact_cost: self.contact_cost,
            churn_days: self.churn_days,
        }
    }
}

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
}

pub(super) const RFM_HEADER: &[&str] = &[
    "customer_id",
    "recency_days",
    "frequency",
    "monetary",
    "r",
    "f",
    "m",
    "segment",
    "value_class",
    "stage",
];

fn json_out(
    service: &crate::service::Service,
    value: &impl serde::Serialize,
) -> anyhow::Result<()> {
    super::print_json(service, value)
}

pub fn rfm(context: &Context, args: &ScoreArgs, segment: Option<&str>) -> anyhow::Result<()> {
    let segment = segment
        .map(|s| s.parse::<Segment>())
        .transpose()
        .map_err(|e| anyhow::anyhow!("--segment: {e}"))?;
    let service = context.open()?;
    if args.output.get() == OutputFormat::Csv {
        return super::rfm_csv::write(&service, args, segment);
    }
    let (table, rows) = service.rfm_report(&args.options(), segment)?;
    match args.output.get() {
        OutputFormat::Json => json_out(&service, &rows)?,
        _ => print_rfm_table(&rows, table.params.as_of),
    }
    Ok(())
}

fn print_rfm_table(rows: &[RfmRow], as_of: NaiveDate) {
    println!(
        "{}",
        t!("cli-rfm-head", date = as_of.to_string(), n = rows.len())
    );
    println!(
        "{} {} {} {} {} R F M {} {} {} {}",
        fit(ts!("cli-col-id"), 10),
        fit(ts!("cli-col-name"), 16),
        fit_right(ts!("cli-col-days"), 7),
        fit_right(ts!("cli-col-freq"), 5),
        fit_right(ts!("cli-col-monetary"), 12),
        fit(ts!("cli-col-segment"), 18),
        fit(ts!("cli-col-value"), 8),
        fit(ts!("cli-col-stage"), 10),
        ts!("cli-col-risk")
    );
    for row in rows {
        println!(
            "{} {} {:>7} {:>5} {:>12} {} {} {} {} {} {} {}",
            fit(&row.customer_id, 10),
            fit(&row.name, 16),
            row.recency_days,
            row.frequency,
            row.monetary.to_string(),
            row.r,
            row.f,
            row.m,
            fit(row.segment.title(), 18),
            fit(row.value_class.title(), 8),
            fit(row.stage.title(), 10),
            if row.at_risk { ts!("cli-at-risk") } else { "" }
        );
    }
}

fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

pub fn report(
    context: &Context,
    kind: ReportKind,
    args: &ScoreArgs,
    period: Period,
) -> anyhow::Result<()> {
    let service = context.open()?;
    if kind == ReportKind::Causes {
        drop(service);
        return super::complaint::causes(context, args.output.get());
    }
    if kind == ReportKind::Churn {
        let churn = service.churn_report(&args.options(), period)?;
        return print_churn(&service, &churn, args.output.get());
    }
    let table = service.score(&args.options())?;
    let as_of = table.params.as_of;
    match kind {
        ReportKind::Segments => {
            let rows = segment_report(&table)?;
            match args.output.get() {
                OutputFormat::Json => json_out(&service, &rows)?,
                OutputFormat::Csv => {
                    let mut w = csv_out();
                    w.write_record([
                        "segment",
                        "customers",
                        "customer_share",
                        "revenue",
                        "revenue_share",
                    ])?;
                    for r in &rows {
                        w.write_record([
                            r.segment.to_string(),
                            r.customers.to_string(),
                            format!("{:.4}", r.customer_share),
                            r.revenue.to_string(),
                            format!("{:.4}", r.revenue_share),
                        ])?;
                    }
                    w.flush()?;
                }
                OutputFormat::Table => {
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
                    for r in &rows {
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
            }
        }
        ReportKind::Stages => {
            let rows = stage_report(&table);
            match args.output.get() {
                OutputFormat::Json => json_out(&service, &rows)?,
                OutputFormat::Csv => {
                    let mut w = csv_out();
                    w.write_record(["stage", "customers", "share"])?;
                    for r in &rows {
                        w.write_record([
                            r.stage.to_string(),
                            r.customers.to_string(),
                            format!("{:.4}", r.share),
                        ])?;
                    }
                    w.flush()?;
                }
                OutputFormat::Table => {
                    println!("{}", t!("cli-ladder-head", date = as_of.to_string()));
                    for r in &rows {
                        let bar = "#".repeat((r.share * 50.0).round() as usize);
                        println!(
                            "{} {:>9} {:>7}  {bar}",
                            fit(r.stage.title(), 11),
                            r.customers,
                            percent(r.share)
                        );
                    }
                }
            }
        }
        ReportKind::Values => {
            let rows = value_report(&table)?;
            match args.output.get() {
                OutputFormat::Json => json_out(&service, &rows)?,
                OutputFormat::Csv => {
                    let mut w = csv_out();
                    w.write_record(["value_class", "customers", "revenue", "revenue_share"])?;
                    for r in &rows {
                        w.write_record([
                            r.class.to_string(),
                            r.customers.to_string(),
                            r.revenue.to_string(),
                            format!("{:.4}", r.revenue_share),
                        ])?;
                    }
                    w.flush()?;
                }
                OutputFormat::Table => {
                    println!("{}", t!("cli-values-head", date = as_of.to_string()));
                    for r in &rows {
                        println!(
                            "{} {:>9} {:>14} {:>7}",
                            fit(r.class.title(), 9),
                            r.customers,
                            r.revenue.to_string(),
                            percent(r.revenue_share)
                        );
                    }
                }
            }
        }
        ReportKind::Pareto => {
            let p = pareto_report(&table)?;
            match args.output.get() {
                OutputFormat::Json => json_out(&service, &p)?,
                OutputFormat::Csv => {
                    let mut w = csv_out();
                    w.write_record(["customer_share", "revenue_share"])?;
                    for (c, r) in &p.curve {
                        w.write_record([format!("{c:.6}"), format!("{r:.6}")])?;
                    }
                    w.flush()?;
                }
                OutputFormat::Table => {
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
            }
        }
        ReportKind::Churn | ReportKind::Causes => unreachable!("handled above"),
    }
    Ok(())
}

fn print_churn(
    service: &crate::service::Service,
    churn: &ChurnReport,
    format: OutputFormat,
) -> anyhow::Result<()> {
    let rows = &churn.report.rows;
    let opt = |v: Option<f64>| v.map(|x| format!("{x:.4}")).unwrap_or_default();
    match format {
        OutputFormat::Json => {
            // Each won-back customer as one object (its `customer` is the external id).
            #[derive(serde::Serialize)]
            struct Churn<'a> {
                report: &'a crate::scoring::ChurnPeriod,
                won_back: Vec<&'a crate::scoring::WonBack>,
            }
            let out = Churn {
                report: &churn.report,
                won_back: churn.won_back.iter().map(|(_, won)| won).collect(),
            };
            json_out(service, &out)?
        }
        OutputFormat::Csv => {
            let mut w = csv_out();
            w.write_record([
                "period_start",
                "period_end",
                "active_at_start",
                "active_at_end",
                "new",
                "retention",
                "churn",
                "retained",
                "won_back",
                "partial",
            ])?;
            for r in rows {
                w.write_record([
                    r.start.to_string(),
                    r.end.to_string(),
                    r.active_at_start.to_string(),
                    r.active_at_end.to_string(),
                    r.new_in_period.to_string(),
                    opt(r.retention),
                    opt(r.churn),
                    r.retained.to_string(),
                    r.won_back.to_string(),
                    r.partial.to_string(),
                ])?;
            }
            w.flush()?;
        }
        OutputFormat::Table => {
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
            for r in rows {
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
    }
    Ok(())
}

/// `window` is (due within days, overdue by at most days).
pub fn due(
    context: &Context,
    window: (i64, i64),
    as_of: Option<NaiveDate>,
    create_plans: bool,
    format: OutputFormat,
) -> anyhow::Result<()> {
    let (within, overdue_days) = window;
    let service = context.open()?;
    let options = ScoreOptions {
        as_of,
        ..Default::default()
    };
    let rows = service.due(&options, within, overdue_days)?;
    match format {
        OutputFormat::Json => json_out(&service, &rows)?,
        OutputFormat::Csv => {
            let mut w = csv_out();
            w.write_record([
                "customer_id",
                "name",
                "last_order",
                "median_gap_days",
                "next_expected",
                "days_until",
                "owner",
            ])?;
            for r in &rows {
                w.write_record([
                    r.customer_id.clone(),
                    r.name.clone(),
                    r.prediction.last_order.to_string(),
                    r.prediction.median_gap_days.to_string(),
                    r.prediction.next_expected.to_string(),
                    r.days_until.to_string(),
                    r.owner.clone().unwrap_or_default(),
                ])?;
            }
            w.flush()?;
        }
        OutputFormat::Table => print_due(&rows, within),
    }
    if create_plans {
        let (created, existing) = service
            .plan_reorders(&rows, as_of.unwrap_or_else(today))
            .with_context(|| t!("cli-creating-reorders"))?;
        eprintln!(
            "{}",
            t!("cli-reorder-plans", created = created, existing = existing)
        );
    }
    Ok(())
}

fn print_due(rows: &[DueRow], within: i64) {
    println!("{}", t!("cli-due-head", n = rows.len(), within = within));
    println!(
        "{} {} {} {} {} {} {}",
        fit(ts!("cli-col-id"), 10),
        fit(ts!("cli-col-name"), 16),
        fit(ts!("cli-col-last"), 10),
        fit_right(ts!("cli-col-gap"), 5),
        fit(ts!("cli-col-expected"), 10),
        fit_right(ts!("cli-col-days"), 6),
        ts!("cli-col-owner")
    );
    for r in rows {
        println!(
            "{} {} {} {:>5} {} {:>6} {}",
            fit(&r.customer_id, 10),
            fit(&r.name, 16),
            fit(&r.prediction.last_order.to_string(), 10),
            r.prediction.median_gap_days,
            fit(&r.prediction.next_expected.to_string(), 10),
            r.days_until,
            sanitize(r.owner.as_deref().unwrap_or(""))
        );
    }
}
