//! `loyal clv`: who is still a customer and what each is worth (BG/NBD, Gamma-Gamma, CLV).

use super::Context;
use super::format::{FormatArg, OutputFormat, csv_out};
use crate::service::{ClvOptions, ClvReport, today};
use crate::text::{fit, fit_right};
use chrono::NaiveDate;

#[derive(Debug, Clone, clap::Args)]
pub struct ClvArgs {
    /// Fit on orders up to this date: 2026-06-30, -90d, ... [default: today]
    #[arg(long, value_name = "DATE", value_parser = super::when::date_value, allow_hyphen_values = true)]
    pub calibration_end: Option<NaiveDate>,
    /// Weeks of the expected-purchases column
    #[arg(long, value_name = "WEEKS", default_value_t = 13.0)]
    pub horizon_weeks: f64,
    /// Months of lifetime value (discounted at the team setting clv.discount_rate)
    #[arg(long, value_name = "MONTHS", default_value_t = 12, value_parser = clap::value_parser!(u32).range(1..=600))]
    pub months: u32,
    /// Also track predicted against actual repeat purchases, week by week, up to this date
    #[arg(long, value_name = "DATE", value_parser = super::when::date_value, allow_hyphen_values = true)]
    pub holdout_end: Option<NaiveDate>,
    /// Show at most this many customers, highest lifetime value first (the table)
    #[arg(long, default_value_t = 25)]
    pub limit: usize,
    #[command(flatten)]
    pub output: FormatArg,
}

pub fn run(context: &Context, args: &ClvArgs) -> anyhow::Result<()> {
    let service = context.open()?;
    let options = ClvOptions {
        calibration_end: args.calibration_end.unwrap_or_else(today),
        horizon_weeks: args.horizon_weeks,
        months: args.months,
        holdout_end: args.holdout_end,
    };
    let report = service.clv_report(&options)?;
    match args.output.get() {
        OutputFormat::Json => super::print_json(&service, &report)?,
        OutputFormat::Csv => {
            let mut w = csv_out();
            w.write_record([
                "customer_id",
                "x",
                "t_x",
                "T",
                "p_alive",
                "expected_purchases",
                "expected_avg_spend",
                "clv",
            ])?;
            let number = |v: Option<f64>| v.map(|v| format!("{v:.6}")).unwrap_or_default();
            for row in &report.customers {
                w.write_record([
                    row.customer_id.clone(),
                    row.x.to_string(),
                    format!("{:.4}", row.t_x),
                    format!("{:.4}", row.t),
                    format!("{:.6}", row.p_alive),
                    format!("{:.6}", row.expected_purchases),
                    number(row.expected_avg_spend),
                    number(row.clv),
                ])?;
            }
            w.flush()?;
        }
        OutputFormat::Table => print_table(&report, &options, args.limit),
    }
    Ok(())
}

fn print_table(report: &ClvReport, options: &ClvOptions, limit: usize) {
    let bg = &report.bgnbd;
    let s = crate::scoring::clv::Models {
        bgnbd: report.bgnbd,
        gamma_gamma: report.gamma_gamma,
    }
    .shown();
    println!(
        "{}",
        t!(
            "cli-clv-head",
            date = options.calibration_end.to_string(),
            n = report.customers.len()
        )
    );
    println!(
        "{}",
        t!(
            "cli-clv-bgnbd",
            r = s.r,
            alpha = s.alpha,
            a = s.a,
            b = s.b,
            ll = format!("{:.1}", bg.log_likelihood)
        )
    );
    println!("{}", t!("cli-clv-gamma-gamma", p = s.p, q = s.q, v = s.v));
    // Only the first `limit` are shown: pick them, then sort just those.
    let mut order: Vec<usize> = (0..report.customers.len()).collect();
    let by_clv = |i: &usize, j: &usize| {
        let key = |k: usize| report.customers[k].clv.unwrap_or(f64::NEG_INFINITY);
        key(*j).total_cmp(&key(*i))
    };
    if limit < order.len() {
        order.select_nth_unstable_by(limit, by_clv);
        order.truncate(limit);
    }
    order.sort_by(by_clv);
    println!(
        "{} {} {} {} {} {}",
        fit(ts!("cli-col-id"), 12),
        fit_right(ts!("cli-col-repeats"), 7),
        fit_right(ts!("cli-col-p-alive"), 8),
        fit_right(
            &t!(
                "cli-col-expected-purchases",
                weeks = format!("{}", options.horizon_weeks)
            ),
            12
        ),
        fit_right(ts!("cli-col-avg-spend"), 10),
        fit_right(&t!("cli-col-clv", months = options.months), 12),
    );
    let money = |v: Option<f64>| v.map(|v| format!("{v:.2}")).unwrap_or_else(|| "-".into());
    for &i in order.iter().take(limit) {
        let row = &report.customers[i];
        println!(
            "{} {:>7} {:>8} {:>12} {:>10} {:>12}",
            fit(&row.customer_id, 12),
            row.x,
            format!("{:.1}%", row.p_alive * 100.0),
            format!("{:.2}", row.expected_purchases),
            money(row.expected_avg_spend),
            money(row.clv),
        );
    }
    if let Some(tracking) = &report.tracking {
        println!();
        println!("{}", ts!("cli-clv-tracking-head"));
        println!(
            "{} {} {} {}",
            fit_right(ts!("cli-col-week"), 5),
            fit(ts!("cli-col-until"), 10),
            fit_right(ts!("cli-col-predicted"), 10),
            fit_right(ts!("cli-col-actual"), 8),
        );
        for week in tracking {
            println!(
                "{:>5} {} {:>10.1} {:>8}",
                week.week, week.until, week.predicted, week.actual
            );
        }
    }
}
