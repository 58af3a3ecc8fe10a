//! The reports as sheets of typed cells: what `--format csv` (the first sheet) and
//! `--format xlsx` (every sheet, headed in the reader's language) write.

use super::format::ReportFormat;
use crate::i18n;
use crate::scoring::Pareto;
use crate::service::{
    CauseRow, ChurnReasonRow, ChurnReport, InfluencerRow, OwnerChurn, RfmRow, SatisfactionBy,
    SatisfactionRow, SegmentRow, StageRow, ValueRow,
};
use crate::transfer::{Cell, ColumnKind, CsvSheets, SheetColumn, SheetSink, WorkbookSheets};
use chrono::NaiveDate;
use std::path::Path;

/// One report, as read from the service.
pub(super) enum Report {
    Segments {
        as_of: NaiveDate,
        rows: Vec<SegmentRow>,
    },
    Stages {
        as_of: NaiveDate,
        rows: Vec<StageRow>,
    },
    Values {
        as_of: NaiveDate,
        rows: Vec<ValueRow>,
    },
    Pareto {
        as_of: NaiveDate,
        pareto: Pareto,
    },
    Churn {
        as_of: NaiveDate,
        churn: ChurnReport,
    },
    Causes {
        as_of: NaiveDate,
        rows: Vec<CauseRow>,
    },
    Satisfaction {
        as_of: NaiveDate,
        by: Option<SatisfactionBy>,
        rows: Vec<SatisfactionRow>,
    },
    Influencers {
        as_of: NaiveDate,
        rows: Vec<InfluencerRow>,
    },
    ChurnReasons {
        as_of: NaiveDate,
        rows: Vec<ChurnReasonRow>,
    },
    ChurnByOwner {
        as_of: NaiveDate,
        rows: Vec<OwnerChurn>,
    },
    CrossSell {
        as_of: NaiveDate,
        report: crate::service::CrossSellReport,
    },
    Points {
        as_of: NaiveDate,
        report: crate::service::PointsReport,
    },
}

impl Report {
    /// The date the report was scored as of.
    pub(super) fn as_of(&self) -> NaiveDate {
        match self {
            Report::Segments { as_of, .. }
            | Report::Stages { as_of, .. }
            | Report::Values { as_of, .. }
            | Report::Pareto { as_of, .. }
            | Report::Churn { as_of, .. }
            | Report::Causes { as_of, .. }
            | Report::Satisfaction { as_of, .. }
            | Report::Influencers { as_of, .. }
            | Report::ChurnReasons { as_of, .. }
            | Report::ChurnByOwner { as_of, .. }
            | Report::CrossSell { as_of, .. }
            | Report::Points { as_of, .. } => *as_of,
        }
    }
}

use ColumnKind::{Count, Date, Money as Amount, Share, Text, Time};

const SEGMENTS: &[(&str, ColumnKind)] = &[
    ("segment", Text(20)),
    ("customers", Count),
    ("customer_share", Share),
    ("revenue", Amount),
    ("revenue_share", Share),
];
const STAGES: &[(&str, ColumnKind)] =
    &[("stage", Text(14)), ("customers", Count), ("share", Share)];
const VALUES: &[(&str, ColumnKind)] = &[
    ("value_class", Text(12)),
    ("customers", Count),
    ("revenue", Amount),
    ("revenue_share", Share),
    ("margin", Amount),
    ("service_cost", Amount),
];
const CROSS_SELL: &[(&str, ColumnKind)] = &[
    ("from", Text(24)),
    ("to", Text(24)),
    ("customers", Count),
    ("support", Share),
    ("confidence", Share),
    ("lift", Share),
];
const POINTS_PERIODS: &[(&str, ColumnKind)] = &[
    ("period_start", Date),
    ("earned", Count),
    ("taken_back", Count),
    ("bonus", Count),
    ("granted", Count),
    ("redeemed", Count),
    ("expired", Count),
];
const POINTS_SUMMARY: &[(&str, ColumnKind)] =
    &[("measure", Text(36)), ("points", Count), ("worth", Amount)];
const POINTS_TIERS: &[(&str, ColumnKind)] = &[("tier", Text(16)), ("customers", Count)];
const POINTS_MOVES: &[(&str, ColumnKind)] =
    &[("from", Text(16)), ("to", Text(16)), ("customers", Count)];
const PARETO: &[(&str, ColumnKind)] = &[("customer_share", Share), ("revenue_share", Share)];
const PARETO_SUMMARY: &[(&str, ColumnKind)] = &[("measure", Text(36)), ("value", Amount)];
const CHURN: &[(&str, ColumnKind)] = &[
    ("period_start", Date),
    ("period_end", Date),
    ("active_at_start", Count),
    ("active_at_end", Count),
    ("new", Count),
    ("retention", Share),
    ("churn", Share),
    ("retained", Count),
    ("won_back", Count),
    ("partial", Text(8)),
];
const WON_BACK: &[(&str, ColumnKind)] = &[
    ("customer_id", Text(14)),
    ("last_before", Date),
    ("churned_on", Date),
    ("came_back", Date),
];
const CAUSES: &[(&str, ColumnKind)] = &[
    ("category", Text(16)),
    ("cause", Text(28)),
    ("complaints", Count),
    ("others_said_same", Count),
    ("latest", Time),
    ("ids", Text(30)),
];
const SATISFACTION: &[(&str, ColumnKind)] = &[
    ("period_start", Date),
    ("group", Text(20)),
    ("responses", Count),
    ("average", ColumnKind::Number),
    ("unhappy", Count),
    ("unhappy_share", Share),
];
/// The owner column before [`CHURN`]'s in the retention-by-owner sheet.
const OWNER: &[(&str, ColumnKind)] = &[("owner", Text(16))];
const CHURN_REASONS: &[(&str, ColumnKind)] = &[
    ("period_start", Date),
    ("reason", Text(30)),
    ("customers", Count),
    ("revenue", Amount),
];
const INFLUENCERS: &[(&str, ColumnKind)] = &[
    ("customer_id", Text(14)),
    ("name", Text(22)),
    ("influence", Text(18)),
    ("note", Text(30)),
    ("referrals", Count),
    ("referred_buyers", Count),
    ("referred_revenue", Amount),
    ("revenue", Amount),
];
pub(super) const RFM: &[(&str, ColumnKind)] = &[
    ("customer_id", Text(14)),
    ("name", Text(22)),
    ("recency_days", Count),
    ("frequency", Count),
    ("monetary", Amount),
    ("r", Count),
    ("f", Count),
    ("m", Count),
    ("segment", Text(20)),
    ("value_class", Text(12)),
    ("stage", Text(14)),
    ("at_risk", Text(8)),
];

/// Every column set.
const ALL: &[&[(&str, ColumnKind)]] = &[
    SEGMENTS,
    STAGES,
    VALUES,
    PARETO,
    PARETO_SUMMARY,
    CHURN,
    WON_BACK,
    CAUSES,
    SATISFACTION,
    INFLUENCERS,
    CHURN_REASONS,
    OWNER,
    RFM,
    CROSS_SELL,
    POINTS_PERIODS,
    POINTS_SUMMARY,
    POINTS_TIERS,
    POINTS_MOVES,
];

/// The catalogue ids of every report column's title (for the catalogue's own check).
pub fn column_title_ids() -> Vec<String> {
    ALL.iter()
        .flat_map(|set| set.iter().map(|(code, _)| title_id(code)))
        .collect()
}

/// The catalogue id of a column's title.
fn title_id(code: &str) -> String {
    format!("report-col-{}", i18n::slug(code))
}

fn columns(set: &[(&'static str, ColumnKind)]) -> Vec<SheetColumn> {
    set.iter()
        .map(|&(code, kind)| SheetColumn {
            code,
            title: i18n::message(&title_id(code), &[]),
            kind,
        })
        .collect()
}

fn share(value: f64) -> Cell {
    Cell::Share { value, decimals: 4 }
}

fn count(n: u64) -> Cell {
    Cell::Count(i64::try_from(n).unwrap_or(i64::MAX))
}

fn label(code: &'static str, title: &str) -> Cell {
    Cell::Label {
        code,
        title: title.to_owned(),
    }
}

/// A yes/no column: `true`/`false` in CSV, 是/否 or yes/no in a workbook.
fn flag(b: bool) -> Cell {
    if b {
        label("true", ts!("report-yes"))
    } else {
        label("false", ts!("report-no"))
    }
}

/// `report`'s sheets into `sink`.
pub(super) fn fill(report: &Report, sink: &mut dyn SheetSink) -> anyhow::Result<()> {
    match report {
        Report::Segments { rows, .. } => {
            sink.begin(ts!("report-sheet-segments"), &columns(SEGMENTS))?;
            for r in rows {
                sink.row(&[
                    label(r.segment.label(), r.segment.title()),
                    count(r.customers),
                    share(r.customer_share),
                    Cell::Money(r.revenue),
                    share(r.revenue_share),
                ])?;
            }
        }
        Report::Stages { rows, .. } => {
            sink.begin(ts!("report-sheet-stages"), &columns(STAGES))?;
            for r in rows {
                sink.row(&[
                    label(r.stage.label(), r.stage.title()),
                    count(r.customers),
                    share(r.share),
                ])?;
            }
        }
        Report::CrossSell { report, .. } => {
            sink.begin(ts!("report-sheet-cross-sell"), &columns(CROSS_SELL))?;
            for r in &report.rules {
                sink.row(&[
                    Cell::Text(r.from.clone()),
                    Cell::Text(r.to.clone()),
                    count(r.customers),
                    share(r.support),
                    share(r.confidence),
                    Cell::Share {
                        value: r.lift,
                        decimals: 4,
                    },
                ])?;
            }
        }
        Report::Points { report, .. } => {
            use crate::service::tier_title;
            sink.begin(ts!("report-sheet-points"), &columns(POINTS_PERIODS))?;
            for p in &report.periods {
                sink.row(&[
                    Cell::Date(p.period_start),
                    Cell::Count(p.earned),
                    Cell::Count(p.taken_back),
                    Cell::Count(p.bonus),
                    Cell::Count(p.granted),
                    Cell::Count(p.redeemed),
                    Cell::Count(p.expired),
                ])?;
            }
            sink.begin(ts!("report-sheet-summary"), &columns(POINTS_SUMMARY))?;
            sink.row(&[
                Cell::Text(t!("report-points-outstanding")),
                Cell::Count(report.outstanding),
                Cell::Money(report.value),
            ])?;
            sink.row(&[
                Cell::Text(t!("report-points-shortfall")),
                Cell::Count(report.shortfall),
                Cell::Empty,
            ])?;
            sink.begin(ts!("report-sheet-tiers"), &columns(POINTS_TIERS))?;
            for t in &report.tiers {
                sink.row(&[
                    Cell::Text(tier_title(t.tier.as_deref())),
                    count(t.customers),
                ])?;
            }
            sink.begin(ts!("report-sheet-tier-moves"), &columns(POINTS_MOVES))?;
            for m in &report.moves {
                sink.row(&[
                    Cell::Text(tier_title(m.from.as_deref())),
                    Cell::Text(tier_title(m.to.as_deref())),
                    count(m.customers),
                ])?;
            }
        }
        Report::Values { rows, .. } => {
            sink.begin(ts!("report-sheet-values"), &columns(VALUES))?;
            for r in rows {
                sink.row(&[
                    label(r.class.label(), r.class.title()),
                    count(r.customers),
                    Cell::Money(r.revenue),
                    share(r.revenue_share),
                    Cell::Money(r.margin),
                    Cell::Money(r.service_cost),
                ])?;
            }
        }
        Report::Pareto { pareto: p, .. } => {
            sink.begin(ts!("report-sheet-pareto"), &columns(PARETO))?;
            for &(c, r) in &p.curve {
                sink.row(&[
                    Cell::Share {
                        value: c,
                        decimals: 6,
                    },
                    Cell::Share {
                        value: r,
                        decimals: 6,
                    },
                ])?;
            }
            sink.begin(ts!("report-sheet-summary"), &columns(PARETO_SUMMARY))?;
            let opt_share = |v: Option<f64>| v.map(share).unwrap_or(Cell::Empty);
            let opt_count = |v: Option<usize>| v.map(|n| count(n as u64)).unwrap_or(Cell::Empty);
            let lines = [
                (t!("report-pareto-customers"), count(p.customers as u64)),
                (t!("report-pareto-revenue"), Cell::Money(p.revenue)),
                (t!("report-pareto-top-count"), count(p.top_count as u64)),
                (t!("report-pareto-top-share"), opt_share(p.top_share)),
                (t!("report-pareto-count-80"), opt_count(p.count_for_80)),
                (t!("report-pareto-share-80"), opt_share(p.share_for_80)),
            ];
            for (measure, value) in lines {
                sink.row(&[Cell::Text(measure), value])?;
            }
        }
        Report::Churn { churn, .. } => {
            sink.begin(ts!("report-sheet-churn"), &columns(CHURN))?;
            for r in &churn.report.rows {
                sink.row(&churn_cells(r))?;
            }
            sink.begin(ts!("report-sheet-won-back"), &columns(WON_BACK))?;
            for (id, back) in &churn.won_back {
                sink.row(&[
                    Cell::Text(id.clone()),
                    Cell::Date(back.last_before),
                    Cell::Date(back.churned_on),
                    Cell::Date(back.came_back),
                ])?;
            }
        }
        Report::ChurnByOwner { rows, .. } => {
            let set: Vec<(&'static str, ColumnKind)> = OWNER.iter().chain(CHURN).copied().collect();
            sink.begin(ts!("report-sheet-churn-by-owner"), &columns(&set))?;
            for owner in rows {
                let name = owner.owner.clone().unwrap_or_default();
                for r in &owner.report.rows {
                    let mut cells = vec![Cell::Text(name.clone())];
                    cells.extend(churn_cells(r));
                    sink.row(&cells)?;
                }
            }
        }
        Report::Satisfaction { rows, by, .. } => {
            // The group column only when the rows are split by one.
            let set: Vec<(&'static str, ColumnKind)> = SATISFACTION
                .iter()
                .copied()
                .filter(|(code, _)| by.is_some() || *code != "group")
                .collect();
            sink.begin(ts!("report-sheet-satisfaction"), &columns(&set))?;
            for r in rows {
                let mut cells = vec![Cell::Date(r.period)];
                if by.is_some() {
                    cells.push(Cell::Text(r.group.clone().unwrap_or_default()));
                }
                cells.extend([
                    count(r.responses),
                    Cell::Number {
                        value: r.average,
                        decimals: 2,
                    },
                    count(r.unhappy),
                    share(r.unhappy_share),
                ]);
                sink.row(&cells)?;
            }
        }
        Report::ChurnReasons { rows, .. } => {
            sink.begin(ts!("report-sheet-churn-reasons"), &columns(CHURN_REASONS))?;
            for r in rows {
                sink.row(&[
                    Cell::Date(r.period),
                    Cell::Text(r.reason.clone().unwrap_or_default()),
                    count(r.customers),
                    Cell::Money(r.revenue),
                ])?;
            }
        }
        Report::Influencers { rows, .. } => {
            sink.begin(ts!("report-sheet-influencers"), &columns(INFLUENCERS))?;
            for r in rows {
                sink.row(&[
                    Cell::Text(r.customer.external_id.clone()),
                    Cell::Text(r.customer.name.clone()),
                    Cell::Text(r.influence.kind.title().to_string()),
                    Cell::Text(r.influence.note.clone()),
                    count(r.referrals),
                    count(r.referred_buyers),
                    Cell::Money(r.referred_revenue),
                    Cell::Money(r.customer.total),
                ])?;
            }
        }
        Report::Causes { rows, .. } => {
            sink.begin(ts!("report-sheet-causes"), &columns(CAUSES))?;
            for r in rows {
                sink.row(&[
                    Cell::Text(r.category.clone()),
                    Cell::Text(r.cause.clone()),
                    count(r.complaints),
                    count(r.others_said_same),
                    local(r.latest),
                    Cell::Text(r.ids.join(" ")),
                ])?;
            }
        }
    }
    Ok(())
}

/// One period of a churn report, as the [`CHURN`] columns hold it.
fn churn_cells(r: &crate::scoring::PeriodRow) -> Vec<Cell> {
    let opt = |v: Option<f64>| v.map(share).unwrap_or(Cell::Empty);
    vec![
        Cell::Date(r.start),
        Cell::Date(r.end),
        count(r.active_at_start),
        count(r.active_at_end),
        count(r.new_in_period),
        opt(r.retention),
        opt(r.churn),
        count(r.retained),
        count(r.won_back),
        flag(r.partial),
    ]
}

/// An instant as the local date and time (`?` when the zone has no such time).
fn local(millis: crate::domain::Millis) -> Cell {
    use chrono::TimeZone;
    match chrono::Local.timestamp_millis_opt(millis) {
        chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
            Cell::LocalTime(t.naive_local())
        }
        chrono::LocalResult::None => Cell::Text(String::from("?")),
    }
}

/// The RFM table as one sheet (what `loyal rfm --format xlsx` writes).
pub(super) fn fill_rfm(rows: &[RfmRow], sink: &mut dyn SheetSink) -> anyhow::Result<()> {
    sink.begin(ts!("report-sheet-rfm"), &columns(RFM))?;
    for r in rows {
        sink.row(&[
            Cell::Text(r.customer_id.clone()),
            Cell::Text(r.name.clone()),
            Cell::Count(r.recency_days),
            count(r.frequency),
            Cell::Money(r.monetary),
            Cell::Count(i64::from(r.r)),
            Cell::Count(i64::from(r.f)),
            Cell::Count(i64::from(r.m)),
            label(r.segment.label(), r.segment.title()),
            label(r.value_class.label(), r.value_class.title()),
            label(r.stage.label(), r.stage.title()),
            flag(r.at_risk),
        ])?;
    }
    Ok(())
}

/// Writes the sheets `fill` makes as CSV or a workbook titled `title`, to `out` or to
/// standard output.
pub(super) fn write_with(
    format: ReportFormat,
    out: Option<&Path>,
    title: &str,
    fill: impl FnOnce(&mut dyn SheetSink) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    super::format::write_out(out, |file| {
        if format == ReportFormat::Xlsx {
            let mut book = WorkbookSheets::new(title);
            fill(&mut book)?;
            book.finish(file)?;
        } else {
            let mut csv = CsvSheets::new(file);
            fill(&mut csv)?;
            csv.finish()?;
        }
        Ok(())
    })
}

/// Writes `report` as CSV or a workbook.
pub(super) fn write(
    report: &Report,
    format: ReportFormat,
    out: Option<&Path>,
    title: &str,
) -> anyhow::Result<()> {
    write_with(format, out, title, |sink| fill(report, sink))
}
