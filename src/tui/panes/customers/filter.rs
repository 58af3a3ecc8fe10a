//! The customers pane's filter line: `stage:loyal segment:"at risk" owner:alice tag:vip
//! value:mvc status:churned influencer:yes slipping:yes` plus words of the name.

use crate::domain::CustomerStatus;
use crate::scoring::{Segment, Stage, ValueClass};
use crate::search;
use crate::service::{Roster, RosterRow};

/// A parsed filter: `stage:loyal segment:"at risk" owner:alice tag:vip value:mvc` plus words
/// that must appear in the name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomerFilter {
    pub stage: Option<Stage>,
    pub segment: Option<Segment>,
    pub value: Option<ValueClass>,
    pub owner: Option<String>,
    pub tag: Option<String>,
    pub status: Option<CustomerStatus>,
    /// `influencer:yes` (opinion leaders only) or `influencer:no`.
    pub influencer: Option<bool>,
    /// `slipping:yes`: repeat buyers whose P(alive) is falling (see
    /// [`crate::service::Lifetime::slipping`]).
    pub slipping: Option<bool>,
    pub words: Vec<String>,
}

/// `yes`/`no` in the words people type, in either language.
fn yes_or_no(value: &str) -> Option<bool> {
    match value.to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "是" | "有" => Some(true),
        "no" | "n" | "false" | "0" | "否" | "无" | "没有" => Some(false),
        _ => None,
    }
}

impl CustomerFilter {
    /// Parses the filter line; the error says which term is wrong and what is allowed.
    pub fn parse(text: &str) -> Result<CustomerFilter, String> {
        let mut filter = CustomerFilter::default();
        for term in split_terms(text) {
            let Some((key, value)) = term.split_once(':') else {
                filter.words.push(search::fold(&term));
                continue;
            };
            let value = value.trim();
            match key.trim().to_lowercase().as_str() {
                "stage" => filter.stage = Some(value.parse().map_err(|e| format!("{e}"))?),
                "segment" | "seg" => {
                    filter.segment = Some(value.parse().map_err(|e| format!("{e}"))?)
                }
                "value" | "class" => {
                    filter.value = Some(value.parse().map_err(|e| format!("{e}"))?)
                }
                "status" => filter.status = Some(value.parse().map_err(|e| format!("{e}"))?),
                "owner" => filter.owner = Some(value.to_string()),
                "tag" => filter.tag = Some(value.to_string()),
                "influencer" | "kol" | "意见领袖" => {
                    filter.influencer = Some(yes_or_no(value).ok_or_else(|| {
                        t!("customers-filter-yes-no", value = format!("{value:?}"))
                    })?)
                }
                "slipping" | "流失中" => {
                    filter.slipping = Some(yes_or_no(value).ok_or_else(|| {
                        t!("customers-filter-yes-no", value = format!("{value:?}"))
                    })?)
                }
                other => {
                    return Err(t!("customers-filter-unknown", term = format!("{other:?}")));
                }
            }
        }
        Ok(filter)
    }

    pub fn is_empty(&self) -> bool {
        *self == CustomerFilter::default()
    }

    /// Which of the roster's staff names `owner:` matches (`None`: no owner filter), worked out
    /// once per filter rather than once per row.
    pub(super) fn owners(&self, roster: &Roster) -> Option<Vec<bool>> {
        let wanted = search::words(self.owner.as_deref()?);
        Some(
            roster
                .owners
                .iter()
                .map(|name| owner_matches(&wanted, name))
                .collect(),
        )
    }

    /// `owners`: from [`CustomerFilter::owners`].
    pub(super) fn accepts(
        &self,
        roster: &Roster,
        row: &RosterRow,
        owners: Option<&[bool]>,
    ) -> bool {
        self.influencer
            .is_none_or(|yes| row.influence.is_some() == yes)
            && self
                .slipping
                .is_none_or(|yes| row.lifetime.is_some_and(|l| l.slipping()) == yes)
            && self.stage.is_none_or(|s| row.stage == s)
            && self.status.is_none_or(|s| row.status == s)
            && self
                .segment
                .is_none_or(|s| row.rfm.is_some_and(|r| r.segment == s))
            && self.value.is_none_or(|v| row.value_class == Some(v))
            && owners.is_none_or(|o| {
                row.owner
                    .is_some_and(|i| o.get(i as usize).copied().unwrap_or(false))
            })
            && self.tag.as_deref().is_none_or(|t| roster.has_tag(row, t))
            && (self.words.is_empty() || {
                let name = search::fold(&row.name);
                self.words.iter().all(|w| name.contains(w.as_str()))
            })
    }
}

/// Whether a staff name matches the folded words of `owner:`: each word starts a word of the
/// name, case- and accent-insensitive, so `owner:bob`, `owner:li` and `owner:"bob li"` all
/// find "Bob Li".
pub(super) fn owner_matches(wanted: &[String], name: &str) -> bool {
    let words = search::words(name);
    !wanted.is_empty()
        && wanted
            .iter()
            .all(|w| words.iter().any(|n| n.starts_with(w.as_str())))
}

/// Splits on spaces, keeping `"quoted parts"` together (`segment:"at risk"`).
fn split_terms(text: &str) -> Vec<String> {
    let mut terms = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    terms.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        terms.push(current);
    }
    terms
}
