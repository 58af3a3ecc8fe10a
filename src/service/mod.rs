//! The API every front end calls (CLI today, TUI next): typed methods on [`Service`], and the
//! same calls as one serialisable [`Request`] in, one [`Response`] out, so that they can later
//! travel between processes.

mod answers;
mod api;
mod audit;
mod backup;
mod care;
mod clv;
mod complaints;
mod cross_sell;
mod customer_cache;
mod customers;
mod error;
mod export;
mod facts;
mod followups;
mod id_check;
mod import;
mod import_customers;
mod import_journal;
mod import_kinds;
mod import_profiles;
mod import_rollback;
mod import_rows;
mod import_stream;
mod import_table;
mod influence;
mod lifetime;
mod local_dates;
mod lookup;
mod points;
mod points_report;
mod points_transfer;
mod reminders;
mod reports;
mod roster;
mod satisfaction;
mod scoring;
mod settings;
mod sla;
mod winback;
pub use winback::SlippingCall;

pub use answers::{
    AnswerCase, AnswerEdit, AnswersImported, MAX_TEXT_CHARS, MAX_TITLE_CHARS, UsedAnswer,
};
pub use api::{ImportRows, Request, Response};
pub use audit::AuditFilter;
pub use backup::{dated_name, rotate};
pub use care::{AgendaItem, NewCarePlan, PlanOutcome};
pub use clv::{ClvOptions, ClvReport, ClvRow, TrackingWeek};
pub use complaints::{
    CauseRow, ComplaintCommand, ComplaintView, NewComplaint, QueueFilter, queue_order,
};
pub use cross_sell::{CrossSellBy, CrossSellReport, CrossSellRow, SUGGESTIONS_REFRESH, Suggestion};
pub use customers::{CustomerCard, CustomerSummary, DuplicateMatch, NewCustomer, TimelineEntry};
pub use error::ServiceError;
pub use facts::customer_facts;
pub use followups::{FORGOTTEN_DAYS, Forgotten, NewFollowUp};
pub use import::{ImportOptions, ImportReport, RowWarning};
pub use import_journal::{ROLLBACK_CHUNK, STALE_AFTER_MS, import_state_text, interrupted_note};
pub use import_profiles::ImportProfile;
pub use import_stream::{FIRST_CHUNK, MAX_CHUNK};
pub use influence::InfluencerRow;
pub use lifetime::{Lifetime, LifetimeFit, NEXT_DAYS, SLIPPING_DROP, SLIPPING_WINDOW_DAYS};
pub use local_dates::{LocalDates, local_time, today};
pub use lookup::{LookupHit, MAX_QUERY_CHARS, MAX_QUERY_WORDS, MatchKind};
pub use points::{EXPIRING_DAYS, PointsLine, PointsSummary, end_of_day, start_of_day, tier_title};
pub use points_report::{ExpiringRow, PointsPeriod, PointsReport, TierCount, TierMove};
pub use points_transfer::{POINTS_COLUMNS, PointsRow};
pub use reminders::{Reminders, SLA_SOON_MS};
pub use reports::{
    SegmentRow, StageRow, ValueRow, pareto_report, segment_report, stage_report, value_report,
};
pub use roster::{Roster, RosterRow, RosterUpdate, ScoreReports};
pub use satisfaction::{SatisfactionBy, SatisfactionRow};
pub use scoring::{ChurnReport, DueRow, OwnerChurn, RfmLine, RfmRow, ScoreOptions, ScoreTable};
pub use settings::{SettingSource, SettingSpec, TEAM_SETTINGS, TeamSetting};
pub use sla::{SlaClock, SlaPolicy, SlaState};
pub use winback::{ChurnReasonRow, WinBackRate, WinBackRow};

use crate::domain::{CustomerId, Role};
use crate::store::{Store, StoreOptions};
use std::path::Path;

/// How a command names a customer: the external id, or `#N` for the internal number.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CustomerKey {
    External(String),
    Internal(CustomerId),
}

impl CustomerKey {
    /// `#42` is internal number 42; anything else is an external id.
    pub fn parse(text: &str) -> CustomerKey {
        let text = text.trim();
        match text.strip_prefix('#').map(str::parse::<CustomerId>) {
            Some(Ok(id)) => CustomerKey::Internal(id),
            _ => CustomerKey::External(text.to_string()),
        }
    }

    /// Why `id` cannot be a customer's external id, if it cannot: empty, with control
    /// characters, or a text that [`CustomerKey::parse`] reads as an internal number (`#5`,
    /// `#+5`, ` #05`), which no command could then name. Every way a file gets an external
    /// id (add, import, `--create-missing`) checks this.
    pub fn external_id_problem(id: &str) -> Option<String> {
        if id.trim().is_empty() {
            return Some(t!("row-required"));
        }
        if id.chars().any(char::is_control) {
            return Some(t!("row-control-chars"));
        }
        match CustomerKey::parse(id) {
            CustomerKey::Internal(n) => Some(t!(
                "id-looks-internal",
                id = format!("{:?}", id.trim()),
                n = n.to_string()
            )),
            CustomerKey::External(_) => None,
        }
    }
}

#[cfg(test)]
mod key_tests {
    use super::CustomerKey;

    #[test]
    fn an_external_id_the_command_line_reads_as_internal_is_refused() {
        for reserved in ["#5", " #05 ", "#+5", "#0"] {
            assert!(
                matches!(CustomerKey::parse(reserved), CustomerKey::Internal(_)),
                "{reserved}"
            );
            assert!(
                CustomerKey::external_id_problem(reserved).is_some(),
                "{reserved}"
            );
        }
        for fine in ["C-000005", "#5a", "#", "5", "A#5", "#-5"] {
            assert_eq!(CustomerKey::external_id_problem(fine), None, "{fine}");
        }
        assert!(CustomerKey::external_id_problem(" ").is_some());
        assert!(CustomerKey::external_id_problem("C\u{1b}1").is_some());
    }
}

impl std::fmt::Display for CustomerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CustomerKey::External(id) => f.write_str(id),
            CustomerKey::Internal(id) => write!(f, "#{id}"),
        }
    }
}

/// Counts of what the database holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stats {
    pub customers: u64,
    pub orders: u64,
    pub followups: u64,
    pub care_plans: u64,
    pub complaints: u64,
    pub file_bytes: u64,
    /// Page use; `None` on a file opened read-only (redb reports it from a write transaction).
    pub space: Option<crate::store::SpaceStats>,
}

/// The application core over one open database, for one person.
#[derive(Debug)]
pub struct Service {
    store: Store,
    /// The OS account this process runs as.
    user: String,
    role: Role,
    /// The whole base's co-purchase counts, kept between cards (see
    /// [`Service::suggestions`]).
    suggester: std::sync::Mutex<Option<std::sync::Arc<cross_sell::Suggester>>>,
}

impl Service {
    /// Opens the database for the OS account in `options`. On a file with no roles yet, that
    /// person becomes its admin; anyone without a recorded role gets the team setting
    /// `roles.default` (agent unless changed).
    pub fn open(path: &Path, options: &StoreOptions) -> Result<Service, ServiceError> {
        let store = Store::open(path, options)?;
        let user = options.os_user.clone();
        let recorded = store.read()?.role_of(&user)?;
        let mut service = Service {
            store,
            user,
            role: Role::Viewer,
            suggester: Default::default(),
        };
        service.role = match recorded {
            Some(role) => role,
            // Only creating a database (init, demo) makes a first admin: opening one to read
            // or to ask a question writes nothing. A file from before roles existed gets its
            // admin from `loyal init`; until then everyone has the team's default role.
            None if !options.create || service.store.is_read_only() => service
                .team_setting("roles.default")?
                .parse()
                .unwrap_or(Role::Agent),
            None => {
                let user = service.user.clone();
                let first = service.store.write(|w| {
                    if w.has_roles()? {
                        return Ok::<_, ServiceError>(false);
                    }
                    w.set_role(&user, Role::Admin)?;
                    w.audit(
                        "role.set",
                        None,
                        &user,
                        "admin (first person on this database)",
                    )?;
                    Ok(true)
                })?;
                if first {
                    Role::Admin
                } else {
                    service
                        .team_setting("roles.default")?
                        .parse()
                        .unwrap_or(Role::Agent)
                }
            }
        };
        Ok(service)
    }

    /// Each customer's external id from a snapshot taken now, for JSON written next (see
    /// [`crate::domain::with_external_ids`]); each id is read once.
    pub fn external_ids(
        &self,
    ) -> Result<impl Fn(crate::domain::CustomerId) -> Option<String> + 'static, ServiceError> {
        let r = self.store.read()?;
        let seen = std::cell::RefCell::new(std::collections::HashMap::new());
        Ok(move |id| {
            if let Some(known) = seen.borrow().get(&id) {
                return Option::<String>::clone(known);
            }
            let found = r.customer(id).ok().flatten().map(|c| c.external_id);
            seen.borrow_mut().insert(id, found.clone());
            found
        })
    }

    /// The database file this service opened.
    pub fn database_path(&self) -> &Path {
        self.store.path()
    }

    /// The staff name recorded on what this service writes.
    pub fn staff(&self) -> &str {
        self.store.staff()
    }

    /// Who this service acts for, and with which role.
    pub fn whoami(&self) -> (&str, Role) {
        (&self.user, self.role)
    }

    /// Refuses the action unless this person's role allows `needed`.
    pub(crate) fn require(&self, needed: Role, needs_to: &'static str) -> Result<(), ServiceError> {
        if self.role.allows(needed) {
            Ok(())
        } else {
            Err(ServiceError::Forbidden {
                user: self.user.clone(),
                role: self.role,
                needed,
                needs_to,
            })
        }
    }

    /// One write transaction for an action that needs `needed`.
    pub(crate) fn write<R>(
        &self,
        needed: Role,
        needs_to: &'static str,
        action: impl FnOnce(&mut crate::store::Writer<'_>) -> Result<R, ServiceError>,
    ) -> Result<R, ServiceError> {
        self.require(needed, needs_to)?;
        self.store.write(action)
    }

    /// Every recorded role.
    pub fn roles(&self) -> Result<Vec<(String, Role)>, ServiceError> {
        Ok(self.store.read()?.roles()?)
    }

    /// Gives an OS account a role (admins only).
    pub fn set_role(&self, user: &str, role: Role) -> Result<(), ServiceError> {
        if user.trim().is_empty() {
            return Err(ServiceError::invalid("user", "is required"));
        }
        self.write(Role::Admin, "manage roles", |w| {
            w.set_role(user, role)?;
            w.audit("role.set", None, user.trim(), role.label())?;
            Ok(())
        })
    }

    /// The store underneath. Writes made through it bypass roles and the audit trail, so it
    /// stays inside the crate: front ends use the service methods.
    pub(crate) fn store(&self) -> &Store {
        &self.store
    }

    /// The store underneath, for tests and benchmarks (feature `test-support`, which only the
    /// crate's own dev-dependency turns on).
    #[cfg(feature = "test-support")]
    pub fn test_store(&self) -> &Store {
        &self.store
    }

    /// Whether this database was built by `loyal demo` (and may be replaced by the next one).
    pub fn is_demo(&self) -> Result<bool, ServiceError> {
        Ok(self.store.read()?.is_demo()?)
    }

    /// Marks this database as a demo (`loyal demo`, which creates it and is its admin).
    pub fn mark_demo(&self) -> Result<(), ServiceError> {
        self.write(Role::Admin, "build a demo database", |w| {
            w.mark_demo()?;
            Ok(())
        })
    }

    pub fn stats(&self) -> Result<Stats, ServiceError> {
        let r = self.store.read()?;
        Ok(Stats {
            customers: r.customer_count()?,
            orders: r.order_count()?,
            followups: r.followup_count()?,
            care_plans: r.care_plan_count()?,
            complaints: r.complaint_count()?,
            file_bytes: std::fs::metadata(self.store.path()).map_or(0, |m| m.len()),
            space: if self.store.is_read_only() {
                None
            } else {
                Some(self.store.space()?)
            },
        })
    }

    /// The number of commits so far, from any process: poll it to notice others' changes.
    pub fn change_counter(&self) -> Result<u64, ServiceError> {
        Ok(self.store.read()?.change_counter()?)
    }

    /// Runs `redb`'s full integrity check (slow on a big file: reads all of it).
    pub fn check_integrity(&mut self) -> Result<bool, ServiceError> {
        Ok(self.store_mut().check_integrity()?)
    }

    fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }
}
