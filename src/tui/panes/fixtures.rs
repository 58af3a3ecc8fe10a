//! Records for the panes' tests, built by hand: a component is tested by feeding it actions
//! and answers, with no database.

use crate::domain::{
    CarePlan, CarePurpose, Channel, Complaint, ComplaintStatus, CustomerId, CustomerStatus,
    Direction, FollowUp, FollowUpKind, Money, PlanStatus,
};
use crate::service::{AgendaItem, ComplaintView, CustomerSummary, ScoreOptions, SlaState};
use crate::tui::component::ActContext;
use crate::workflow::AgendaGroup;
use chrono::NaiveDate;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
}

/// 2026-12-01 at noon, no scores.
pub fn cx() -> ActContext {
    ActContext {
        today: today(),
        now: 1_796_126_400_000,
        local_now: today().and_hms_opt(12, 0, 0).unwrap_or_default(),
        scoring: ScoreOptions::default(),
        roster: None,
    }
}

pub fn summary(id: CustomerId, name: &str) -> CustomerSummary {
    CustomerSummary {
        id,
        external_id: format!("C-{id:06}"),
        name: name.into(),
        phones: vec!["13800138000".into()],
        email: None,
        company: None,
        city: None,
        owner: Some("Ann".into()),
        status: CustomerStatus::Active,
        order_count: 0,
        total: Money::ZERO,
        last_order_at: None,
    }
}

pub fn complaint(id: &str, customer: CustomerId, status: ComplaintStatus) -> ComplaintView {
    let complaint = Complaint {
        category: "billing".into(),
        description: "charged twice".into(),
        status,
        version: 3,
        ..Complaint::opened(id.into(), customer, cx().now - 3_600_000, Channel::Phone)
    };
    ComplaintView {
        complaint,
        customer: summary(customer, "Wang Fang"),
        sla: SlaState {
            response_due: None,
            resolution_due: None,
            response_breached: false,
            resolution_breached: false,
            next_deadline: None,
            next_clock: None,
            time_left_ms: None,
            due_soon: false,
        },
    }
}

pub fn plan(id: &str, customer: CustomerId) -> AgendaItem {
    AgendaItem {
        group: AgendaGroup::Today,
        plan: CarePlan {
            id: id.into(),
            customer,
            due: today(),
            due_time: None,
            purpose: CarePurpose::Reorder,
            assignee: None,
            note: String::new(),
            status: PlanStatus::Open,
            recurrence: None,
            series_start: None,
            created_at: 0,
            completed_at: None,
        },
        customer: summary(customer, "Li Lei"),
    }
}

pub fn follow_up(id: &str, customer: CustomerId) -> FollowUp {
    FollowUp {
        id: id.into(),
        customer,
        at: cx().now,
        channel: Channel::Phone,
        direction: Direction::Inbound,
        kind: FollowUpKind::Care,
        staff: "Ann".into(),
        summary: "asked about delivery".into(),
        outcome: String::new(),
        satisfaction: None,
        next_contact: None,
    }
}
