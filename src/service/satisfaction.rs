//! Satisfaction over time: the scores (1-5) follow-ups recorded, per period, optionally per
//! account owner or per channel: how many, their average, and the share of unhappy ones (1-2).

use super::{Service, ServiceError};
use crate::scoring::Period;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the rows of the report are split by, besides the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum SatisfactionBy {
    /// The customer's account owner
    Owner,
    /// The channel of the contact
    Channel,
}

/// One period (and group) of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SatisfactionRow {
    /// The first day of the period.
    pub period: NaiveDate,
    /// The owner or the channel label; `null` when not split, or for customers with no owner.
    pub group: Option<String>,
    /// Follow-ups with a score.
    pub responses: u64,
    /// Their average score, 1 to 5.
    pub average: f64,
    /// How many scored 1 or 2...
    pub unhappy: u64,
    /// ...and their share of the responses.
    pub unhappy_share: f64,
}

#[derive(Default)]
struct Sums {
    responses: u64,
    total: u64,
    unhappy: u64,
}

impl Service {
    /// Every scored follow-up (up to `as_of`, when given), by its local date's `period`
    /// (and `by`), oldest period first, groups by name within one.
    pub fn satisfaction_report(
        &self,
        period: Period,
        by: Option<SatisfactionBy>,
        as_of: Option<NaiveDate>,
    ) -> Result<Vec<SatisfactionRow>, ServiceError> {
        let r = self.store.read()?;
        let mut dates = super::LocalDates::default();
        let mut owners: std::collections::HashMap<crate::domain::CustomerId, Option<String>> =
            std::collections::HashMap::new();
        let mut sums: BTreeMap<(NaiveDate, Option<String>), Sums> = BTreeMap::new();
        for f in r.followups()? {
            let f = f?;
            let Some(score) = f.satisfaction.filter(|s| (1..=5).contains(s)) else {
                continue;
            };
            let group = match by {
                None => None,
                Some(SatisfactionBy::Channel) => Some(f.channel.label().to_string()),
                Some(SatisfactionBy::Owner) => match owners.get(&f.customer) {
                    Some(owner) => owner.clone(),
                    None => {
                        let owner = r
                            .customer(f.customer)?
                            .and_then(|c| c.owner)
                            .filter(|o| !o.trim().is_empty());
                        owners.insert(f.customer, owner.clone());
                        owner
                    }
                },
            };
            let day = dates.date(f.at);
            if as_of.is_some_and(|end| day > end) {
                continue;
            }
            let start = period.start_of(day);
            let s = sums.entry((start, group)).or_default();
            s.responses += 1;
            s.total += u64::from(score);
            s.unhappy += u64::from(score <= 2);
        }
        Ok(sums
            .into_iter()
            .map(|((period, group), s)| SatisfactionRow {
                period,
                group,
                responses: s.responses,
                average: s.total as f64 / s.responses as f64,
                unhappy: s.unhappy,
                unhappy_share: s.unhappy as f64 / s.responses as f64,
            })
            .collect())
    }
}
