//! `loyal rfm` and `loyal due`: the analytics as tables, CSV, JSON or (RFM) a workbook; the
//! options every scoring command shares.

use super::Context;
use crate::domain::Money;
use crate::scoring::Segment;
use crate::service::{DueRow, RfmRow, ScoreOptions, today};
use crate::text::{fit, fit_right, sanitize};
use anyhow::Context as _;
use chrono::NaiveDate;
use clap::Args;

pub use super::format::OutputFormat;
use super::format::{ReportFormat, csv_out};

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
    pub output: super::format::ReportFormatArg,
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
    args.output.check()?;
    let service = context.open()?;
    let format = args.output.get();
    let out = args.output.out();
    if format == ReportFormat::Csv {
        super::format::write_out(out, |file| {
            super::rfm_csv::write(&service, args, segment, file)
        })?;
    } else {
        let (table, rows) = service.rfm_report(&args.options(), segment)?;
        let as_of = table.params.as_of;
        match format {
            ReportFormat::Json => super::report::json(&service, out, &rows)?,
            ReportFormat::Xlsx => {
                let title = t!(
                    "report-workbook-title",
                    report = "rfm",
                    date = as_of.to_string()
                );
                super::report_sheets::write_with(format, out, &title, |sink| {
                    super::report_sheets::fill_rfm(&rows, sink)
                })?;
            }
            ReportFormat::Csv | ReportFormat::Table => print_rfm_table(&rows, as_of),
        }
    }
    if let Some(path) = out {
        eprintln!(
            "{}",
            t!(
                "cli-report-written",
                report = "rfm",
                file = path.display().to_string()
            )
        );
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

/// `window` is (due within days, overdue by at most days).
/// `loyal winback`: the list, the won-back rate of the calls planned so far, and with
/// `plan` (`Some(due)`) a win-back plan for each.
pub fn winback(
    context: &Context,
    as_of: Option<NaiveDate>,
    plan: Option<Option<NaiveDate>>,
    limit: usize,
    format: OutputFormat,
) -> anyhow::Result<()> {
    let service = context.open()?;
    let options = ScoreOptions {
        as_of,
        ..Default::default()
    };
    let rows = service.win_back_list(&options)?;
    let rate = service.win_back_rate()?;
    match format {
        OutputFormat::Json => {
            #[derive(serde::Serialize)]
            struct Out<'a> {
                customers: &'a [crate::service::WinBackRow],
                plans: &'a crate::service::WinBackRate,
            }
            json_out(
                &service,
                &Out {
                    customers: &rows,
                    plans: &rate,
                },
            )?
        }
        OutputFormat::Csv => {
            let mut w = csv_out();
            w.write_record([
                "customer_id",
                "name",
                "owner",
                "value_class",
                "segment",
                "churned_on",
                "churn_reason",
                "last_order",
                "revenue",
            ])?;
            for r in &rows {
                w.write_record([
                    r.customer_id.clone(),
                    r.name.clone(),
                    r.owner.clone().unwrap_or_default(),
                    r.value_class.label().to_string(),
                    r.segment.map(|s| s.label().to_string()).unwrap_or_default(),
                    r.churned_on.map(|d| d.to_string()).unwrap_or_default(),
                    r.churn_reason.clone().unwrap_or_default(),
                    r.last_order.map(|d| d.to_string()).unwrap_or_default(),
                    r.revenue.to_string(),
                ])?;
            }
            w.flush()?;
        }
        OutputFormat::Table => print_winback(&rows, &rate, limit),
    }
    if let Some(due) = plan {
        let (created, existing) = service
            .plan_win_back(&rows, due.unwrap_or_else(today))
            .with_context(|| t!("cli-creating-win-back"))?;
        eprintln!(
            "{}",
            t!("cli-win-back-plans", created = created, existing = existing)
        );
    }
    Ok(())
}

fn print_winback(
    rows: &[crate::service::WinBackRow],
    rate: &crate::service::WinBackRate,
    limit: usize,
) {
    println!("{}", t!("cli-win-back-head", n = rows.len()));
    for r in rows.iter().take(limit) {
        let why = match (&r.churned_on, &r.churn_reason) {
            (Some(day), Some(reason)) => t!(
                "cli-win-back-churned-why",
                day = day.to_string(),
                reason = sanitize(reason).into_owned()
            ),
            (Some(day), None) => t!("cli-win-back-churned", day = day.to_string()),
            (None, _) => r.segment.map(|s| s.title().to_string()).unwrap_or_default(),
        };
        println!(
            "  {} {} {} {:>12}  {} {}",
            fit(&r.customer_id, 10),
            fit(&r.name, 14),
            fit(r.value_class.title(), 4),
            r.revenue.to_string(),
            fit(r.owner.as_deref().unwrap_or("-"), 10),
            why
        );
    }
    if rows.len() > limit {
        println!("  {}", t!("cli-won-back-more", n = rows.len() - limit));
    }
    println!(
        "{}",
        match rate.rate {
            Some(share) => t!(
                "cli-win-back-rate",
                won = rate.won_back,
                plans = rate.plans,
                pct = format!("{:.1}%", share * 100.0)
            ),
            None => t!("cli-win-back-no-plans"),
        }
    );
}

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
