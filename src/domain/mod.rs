//! Plain data types of the loyalty domain: customers, orders, follow-ups, care plans, complaints.
//!
//! Nothing here touches storage or the terminal; every type is `serde`-serialisable so the same
//! values travel through the store, the service API and the import/export formats.

mod answer;
mod audit;
mod care_plan;
mod complaint;
mod complaint_event_text;
mod customer;
mod dates;
mod followup;
mod import_journal;
mod influence;
mod labels;
mod money;
mod order;
mod points;
mod public_forms;
mod role;
mod team;

pub use answer::{Answer, NewAnswer, PLACEHOLDERS, fill_placeholders, parse_tags};
pub use audit::{ACTIONS as AUDIT_ACTIONS, AuditEntry, action_id as audit_action_id};
pub use care_plan::{CarePlan, CarePurpose, PlanStatus, Recurrence, RecurrenceUnit};
pub use complaint::{
    Complaint, ComplaintEvent, ComplaintEventKind, ComplaintStatus, RootCause, Severity,
};
pub use customer::{
    Customer, CustomerHead, CustomerId, CustomerIdRef, CustomerStatus, Gender, MergeRecord,
};
pub use dates::{FIRST_YEAR, LAST_YEAR, check_date, check_instant};
pub use followup::{Direction, FollowUp, FollowUpKind};
pub use import_journal::{ImportRecord, ImportState, UndoEntry};
pub use influence::{INFLUENCE_NOTE_MAX, Influence, InfluenceKind};
pub(crate) use labels::labelled_enum;
pub use labels::{Channel, LabelError};
pub use money::{Money, MoneyError, TotalOverflow};
pub use order::{Order, OrderAggregate};
pub use points::{PointsEntry, PointsKind};
pub use public_forms::{
    customer_ref, customer_ref_opt, instant, instant_opt, internal_key, rfc3339, with_external_ids,
};
pub use role::Role;
pub use team::{TEAM_NAME_MAX, Team, find_team, parse_teams, team_title, teams_of};

/// Milliseconds since the Unix epoch, UTC: how every instant is stored.
pub type Millis = i64;
