//! The daily workflows as pure rules: the SLA clock over business hours and holidays, the
//! complaint status flow, care-plan recurrence, the order of the agenda and of the complaint
//! queue, and the date phrases staff type (`+3d`, `tomorrow`). No I/O.

mod agenda;
mod complaint_flow;
mod recurrence;
mod sla;
mod when;

pub use agenda::{AgendaGroup, agenda_group};
pub use complaint_flow::{Action, FlowError, escalated_severity, escalation, next_status};
pub use recurrence::{next_due, occurrence, passed_over};
pub use sla::{Calendar, Schedule, ScheduleError, Zone};
pub use when::parse_when;
