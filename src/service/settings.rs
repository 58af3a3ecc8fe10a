//! Team-wide settings: stored in the database so every colleague works by the same rules.
//! Personal settings (display name, keymap, colours) live in the user's config file instead.

use super::{Service, ServiceError};
use crate::domain::Money;
use crate::domain::Role;

/// One team setting: its key, default, meaning, and how a value is checked.
#[derive(Debug, Clone, Copy)]
pub struct SettingSpec {
    pub key: &'static str,
    pub default: &'static str,
    pub help: &'static str,
    check: fn(&str) -> Result<(), String>,
}

impl SettingSpec {
    pub fn check(&self, value: &str) -> Result<(), String> {
        (self.check)(value)
    }

    /// The catalogue id of what the setting means: `setting-sla-first_response_hours`.
    pub fn help_id(&self) -> String {
        format!("setting-{}", crate::i18n::slug(self.key))
    }

    /// What the setting means, in the language in use (`help` is the English).
    pub fn help_text(&self) -> String {
        crate::i18n::message(&self.help_id(), &[])
    }
}

fn hours(v: &str) -> Result<(), String> {
    match v.parse::<u32>() {
        Ok(1..=8760) => Ok(()),
        _ => Err(t!("setting-bad-hours", value = format!("{v:?}"))),
    }
}

fn days(v: &str) -> Result<(), String> {
    match v.parse::<u32>() {
        Ok(1..=3650) => Ok(()),
        _ => Err(t!("setting-bad-days", value = format!("{v:?}"))),
    }
}

fn count(v: &str) -> Result<(), String> {
    // Opening counts as the first contact, so escalation can happen from the second on.
    match v.parse::<u32>() {
        Ok(2..=100) => Ok(()),
        _ => Err(t!("setting-bad-count", value = format!("{v:?}"))),
    }
}

fn rate(v: &str) -> Result<(), String> {
    // Checked exactly as scoring reads it (two decimals, 0 to 1), so a value that is accepted
    // here can always be used.
    crate::scoring::ScoringParams::margin_bp_from(v)
        .map(drop)
        .map_err(|_| t!("setting-bad-rate", value = format!("{v:?}")))
}

fn money(v: &str) -> Result<(), String> {
    match v.parse::<Money>() {
        Ok(m) if m.0 >= 0 => Ok(()),
        Ok(_) => Err(t!("setting-negative")),
        Err(e) => Err(e.to_string()),
    }
}

fn points(v: &str) -> Result<(), String> {
    match v.trim().parse::<i64>() {
        Ok(0..=1_000_000_000) => Ok(()),
        _ => Err(t!("setting-bad-points", value = format!("{v:?}"))),
    }
}

fn months(v: &str) -> Result<(), String> {
    match v.trim().parse::<u32>() {
        Ok(0..=600) => Ok(()),
        _ => Err(t!("setting-bad-months", value = format!("{v:?}"))),
    }
}

fn per_unit(v: &str) -> Result<(), String> {
    match v.parse::<Money>() {
        Ok(m) if (0..=1_000_000).contains(&m.0) => Ok(()),
        Ok(_) => Err(t!("setting-bad-per-unit", value = format!("{v:?}"))),
        Err(e) => Err(e.to_string()),
    }
}

fn multipliers(v: &str) -> Result<(), String> {
    crate::scoring::points::PointsRules::parse_multipliers(v).map(drop)
}

fn tiers(v: &str) -> Result<(), String> {
    crate::scoring::points::PointsRules::parse_tiers(v).map(drop)
}

fn business_hours(v: &str) -> Result<(), String> {
    if v.trim().is_empty() {
        return Ok(());
    }
    v.parse::<crate::workflow::Schedule>()
        .map(drop)
        .map_err(|e| e.to_string())
}

fn hours_or_inherit(v: &str) -> Result<(), String> {
    if v.trim().is_empty() {
        Ok(())
    } else {
        hours(v)
    }
}

fn default_role(v: &str) -> Result<(), String> {
    match v.parse::<Role>() {
        Ok(Role::Viewer | Role::Agent) => Ok(()),
        Ok(Role::Admin) => Err(t!("setting-admin-default")),
        Err(e) => Err(e.to_string()),
    }
}

fn teams(v: &str) -> Result<(), String> {
    crate::domain::parse_teams(v).map(drop)
}

fn time_zone(v: &str) -> Result<(), String> {
    crate::workflow::Zone::parse(v).map(drop)
}

fn date_list(v: &str) -> Result<(), String> {
    for d in v
        .split([',', ';', ' '])
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map_err(|_| t!("not-a-date", value = format!("{d:?}")))
            .and_then(crate::domain::check_date)?;
    }
    Ok(())
}

fn currency(v: &str) -> Result<(), String> {
    // A symbol or a short code before amounts (¥, $, €, CNY); no digits, signs or spaces that
    // would read as part of the amount.
    let ok = v.chars().count() <= 4
        && v.chars().all(|c| {
            !c.is_ascii_digit() && !c.is_whitespace() && !c.is_control() && !"+-.,".contains(c)
        });
    if ok {
        Ok(())
    } else {
        Err(t!("setting-bad-currency", value = format!("{v:?}")))
    }
}

/// Every team setting, with its documented default.
pub const TEAM_SETTINGS: &[SettingSpec] = &[
    SettingSpec {
        key: "currency",
        default: "",
        help: "symbol shown before amounts on screen (¥, $, €; empty: none)",
        check: currency,
    },
    SettingSpec {
        key: "sla.first_response_hours",
        default: "24",
        help: "hours to the first response on a complaint",
        check: hours,
    },
    SettingSpec {
        key: "sla.first_response_hours.low",
        default: "",
        help: "first-response hours for low severity (empty: sla.first_response_hours)",
        check: hours_or_inherit,
    },
    SettingSpec {
        key: "sla.first_response_hours.normal",
        default: "",
        help: "first-response hours for normal severity (empty: sla.first_response_hours)",
        check: hours_or_inherit,
    },
    SettingSpec {
        key: "sla.first_response_hours.high",
        default: "",
        help: "first-response hours for high severity (empty: sla.first_response_hours)",
        check: hours_or_inherit,
    },
    SettingSpec {
        key: "sla.first_response_hours.urgent",
        default: "",
        help: "first-response hours for urgent severity (empty: sla.first_response_hours)",
        check: hours_or_inherit,
    },
    SettingSpec {
        key: "sla.resolution_hours.low",
        default: "240",
        help: "hours to resolve a low-severity complaint",
        check: hours,
    },
    SettingSpec {
        key: "sla.resolution_hours.normal",
        default: "120",
        help: "hours to resolve a normal complaint",
        check: hours,
    },
    SettingSpec {
        key: "sla.resolution_hours.high",
        default: "48",
        help: "hours to resolve a high-severity complaint",
        check: hours,
    },
    SettingSpec {
        key: "sla.resolution_hours.urgent",
        default: "24",
        help: "hours to resolve an urgent complaint",
        check: hours,
    },
    SettingSpec {
        key: "complaint.escalate_after_contacts",
        default: "5",
        help: "customer contacts on one open complaint that escalate it",
        check: count,
    },
    SettingSpec {
        key: "complaint.satisfaction_followup_days",
        default: "3",
        help: "days after resolution to schedule the satisfaction check",
        check: days,
    },
    SettingSpec {
        key: "teams",
        default: "service; finance; sales",
        help: "teams a complaint can be routed to, with members: `service: ann, bob; finance: carol`",
        check: teams,
    },
    SettingSpec {
        key: "business_hours",
        default: "",
        help: "when the SLA clock runs, e.g. `mon-fri 09:00-18:00` (empty: always)",
        check: business_hours,
    },
    SettingSpec {
        key: "holidays",
        default: "",
        help: "dates the SLA clock stops, comma-separated YYYY-MM-DD",
        check: date_list,
    },
    SettingSpec {
        key: "timezone",
        default: "",
        help: "time zone of business hours, e.g. Asia/Shanghai (empty: the server's)",
        check: time_zone,
    },
    SettingSpec {
        key: "scoring.margin_rate",
        default: "0.30",
        help: "share of revenue that is margin (value classes)",
        check: rate,
    },
    SettingSpec {
        key: "clv.discount_rate",
        default: "0.10",
        help: "annual discount rate of lifetime value (loyal clv)",
        check: rate,
    },
    SettingSpec {
        key: "scoring.complaint_cost",
        default: "50.00",
        help: "cost of handling one complaint (below-zero class)",
        check: money,
    },
    SettingSpec {
        key: "scoring.contact_cost",
        default: "5.00",
        help: "cost of one follow-up contact (below-zero class)",
        check: money,
    },
    SettingSpec {
        key: "scoring.churn_days",
        default: "180",
        help: "days without an order after which a customer counts as churned",
        check: days,
    },
    SettingSpec {
        key: "points.per_unit",
        default: "1.00",
        help: "points earned per 1.00 spent (rounded down per order)",
        check: per_unit,
    },
    SettingSpec {
        key: "points.category_multipliers",
        default: "",
        help: "points multipliers by order category, e.g. equipment:2,gifts:1.5",
        check: multipliers,
    },
    SettingSpec {
        key: "points.tier_multipliers",
        default: "",
        help: "points multipliers by tier at the time of the order, e.g. silver:1.25,gold:1.5",
        check: multipliers,
    },
    SettingSpec {
        key: "points.referral_bonus",
        default: "0",
        help: "points to a referrer when the customer they referred orders for the first time",
        check: points,
    },
    SettingSpec {
        key: "points.birthday_bonus",
        default: "0",
        help: "points for an order on the customer's birthday (once a year)",
        check: points,
    },
    SettingSpec {
        key: "points.expiry_months",
        default: "0",
        help: "months after which earned points expire, oldest first (0: never)",
        check: months,
    },
    SettingSpec {
        key: "points.tiers",
        default: "bronze:0,silver:1000,gold:5000",
        help: "tiers by points earned in the last 12 months: name:from, lowest first",
        check: tiers,
    },
    SettingSpec {
        key: "points.redemption_value",
        default: "0.01",
        help: "what one point is worth when redeemed (the liability in report points)",
        check: money,
    },
    SettingSpec {
        key: "points.agent_grant_limit",
        default: "500",
        help: "most points an agent may grant at once (admins: any)",
        check: points,
    },
    SettingSpec {
        key: "roles.default",
        default: "agent",
        help: "role of people not given one by an admin: viewer or agent",
        check: default_role,
    },
];

/// Where an effective value came from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SettingSource {
    Default,
    Database,
}

/// A team setting's effective value.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TeamSetting {
    pub key: String,
    pub value: String,
    pub source: SettingSource,
    pub help: String,
}

fn spec(key: &str) -> Result<&'static SettingSpec, ServiceError> {
    TEAM_SETTINGS
        .iter()
        .find(|s| s.key == key)
        .ok_or_else(|| ServiceError::invalid(key, t!("setting-unknown")))
}

impl Service {
    /// Every team setting with its effective value and where it came from.
    pub fn team_settings(&self) -> Result<Vec<TeamSetting>, ServiceError> {
        let r = self.store.read()?;
        TEAM_SETTINGS
            .iter()
            .map(|s| {
                let stored = r.setting(s.key)?;
                Ok(TeamSetting {
                    key: s.key.to_string(),
                    source: if stored.is_some() {
                        SettingSource::Database
                    } else {
                        SettingSource::Default
                    },
                    value: stored.unwrap_or_else(|| s.default.to_string()),
                    help: s.help.to_string(),
                })
            })
            .collect()
    }

    /// The effective value of one team setting.
    /// The teams complaints can be routed to (the `teams` setting).
    pub fn teams(&self) -> Result<Vec<crate::domain::Team>, ServiceError> {
        crate::domain::parse_teams(&self.team_setting("teams")?)
            .map_err(|e| ServiceError::invalid("teams", e))
    }

    pub fn team_setting(&self, key: &str) -> Result<String, ServiceError> {
        let spec = spec(key)?;
        Ok(self
            .store
            .read()?
            .setting(key)?
            .unwrap_or_else(|| spec.default.to_string()))
    }

    /// Stores a team setting after checking it; `None` returns it to its default.
    pub fn set_team_setting(&self, key: &str, value: Option<&str>) -> Result<(), ServiceError> {
        let spec = spec(key)?;
        if let Some(value) = value {
            spec.check(value.trim())
                .map_err(|reason| ServiceError::invalid(key, reason))?;
        }
        self.write(Role::Admin, "change team settings", |w| {
            w.set_setting(key, value.map(str::trim))?;
            w.audit(
                "setting.set",
                None,
                key,
                value.map_or("(default)", str::trim),
            )?;
            Ok::<_, ServiceError>(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_passes_its_own_check() {
        for s in TEAM_SETTINGS {
            assert_eq!(s.check(s.default), Ok(()), "{}", s.key);
        }
    }

    #[test]
    fn checks_reject_nonsense() {
        assert!(rate("1.5").is_err());
        assert!(rate("0.125").is_err());
        assert!(rate("0.3").is_ok());
        assert!(hours("0").is_err());
        assert!(business_hours("weekdays 9-5").is_err());
        assert!(business_hours("mon-fri 18:00-09:00").is_err());
        assert!(time_zone("Asia/Shanghai").is_ok() && time_zone("Moon/Base").is_err());
        assert!(business_hours("mon-fri 09:00-18:00; sat 10:00-14:00").is_ok());
        assert!(date_list("2026-10-01, 2026-10-02").is_ok());
        assert!(date_list("2026-13-01").is_err());
    }
}
