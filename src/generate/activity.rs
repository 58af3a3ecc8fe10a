//! Generated follow-ups, care plans and complaints, consistent with each customer's orders.

use super::names::{STAFF, pick};
use super::{DAY_MS, Profile, writer};
use crate::domain::*;
use crate::transfer::{CarePlanRow, ComplaintRow, FollowUpRow, Kind};
use chrono::{DateTime, NaiveDate};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use std::path::Path;

/// Contacts that escalate a complaint (the default of `complaint.escalate_after_contacts`).
const ESCALATE_AT: u32 = 5;

const SUMMARIES: &[&str] = &[
    "checked the espresso machine works well",
    "asked about the new autumn blend",
    "reminded about reorder",
    "thanked for the referral",
    "delivery arrived late, apologised",
    "wants invoice with company name",
    "interested in the tasting event",
    "birthday greetings sent",
    "no answer, left a message",
];
const OUTCOMES: &[&str] = &[
    "satisfied",
    "will reorder",
    "needs a call back",
    "no answer",
    "complaint opened",
    "upsold filters",
];
const CATEGORIES: &[&str] = &[
    "late delivery",
    "product defect",
    "billing error",
    "rude staff",
    "wrong item",
];
const CAUSES: &[&str] = &[
    "courier delay",
    "quality check missed",
    "manual invoicing",
    "training gap",
    "picking error",
];

fn date_of(t: Millis) -> NaiveDate {
    DateTime::from_timestamp_millis(t).map_or(NaiveDate::MIN, |d| d.date_naive())
}

pub(super) fn write(
    dir: &Path,
    rng: &mut ChaCha8Rng,
    profiles: &[Profile],
    end: Millis,
) -> anyhow::Result<()> {
    let mut followups = writer(dir, Kind::FollowUps)?;
    let mut plans = writer(dir, Kind::CarePlans)?;
    let mut complaints = writer(dir, Kind::Complaints)?;
    let (mut f_seq, mut p_seq, mut c_seq) = (0u64, 0u64, 0u64);
    let channels = [
        Channel::Phone,
        Channel::Chat,
        Channel::Email,
        Channel::Visit,
        Channel::Sms,
    ];
    for (index, profile) in profiles.iter().enumerate() {
        let ext = profile.external_id.clone();
        // Follow-ups: most buyers were contacted a few times; some never (forgotten customers).
        let contacts = if rng.random_bool(0.65) {
            rng.random_range(1..5)
        } else {
            0
        };
        for _ in 0..contacts {
            f_seq += 1;
            let at = (profile.created_at
                + (rng.random::<f64>() * (end - profile.created_at) as f64) as i64)
                / 60_000
                * 60_000;
            let record = FollowUp {
                id: format!("FU-{f_seq:06}"),
                customer: 0,
                at,
                channel: channels[rng.random_range(0..channels.len())],
                direction: if rng.random_bool(0.7) {
                    Direction::Outbound
                } else {
                    Direction::Inbound
                },
                kind: [
                    FollowUpKind::Care,
                    FollowUpKind::Sales,
                    FollowUpKind::Service,
                    FollowUpKind::Survey,
                    FollowUpKind::WinBack,
                ][rng.random_range(0..5)],
                staff: pick(rng, STAFF).to_string(),
                summary: pick(rng, SUMMARIES).to_string(),
                outcome: pick(rng, OUTCOMES).to_string(),
                satisfaction: rng.random_bool(0.6).then(|| rng.random_range(2..=5)),
                next_contact: rng
                    .random_bool(0.2)
                    .then(|| date_of(at + rng.random_range(7..60) * DAY_MS)),
            };
            followups.serialize(FollowUpRow::new(&record, ext.clone()))?;
        }
        // Care plans: overdue, due today, upcoming, done and skipped.
        if rng.random_bool(0.3) {
            p_seq += 1;
            let offset = rng.random_range(-20..30);
            let status = match rng.random_range(0..10) {
                0..=5 => PlanStatus::Open,
                6..=8 => PlanStatus::Done,
                _ => PlanStatus::Skipped,
            };
            let purpose = [
                CarePurpose::PostPurchase,
                CarePurpose::Reorder,
                CarePurpose::Birthday,
                CarePurpose::Delivery,
                CarePurpose::Payment,
                CarePurpose::StayInTouch,
            ][rng.random_range(0..6)];
            let mut due = date_of(end + offset * DAY_MS);
            // A birthday plan falls on the customer's next birthday, counted from the birth
            // date; a customer without a birthday gets a stay-in-touch plan instead.
            let birthday = profile
                .birthday
                .filter(|_| purpose == CarePurpose::Birthday);
            let purpose = if purpose == CarePurpose::Birthday && birthday.is_none() {
                CarePurpose::StayInTouch
            } else {
                purpose
            };
            if let Some(born) = birthday {
                let yearly = Recurrence {
                    every: 1,
                    unit: RecurrenceUnit::Years,
                };
                due = crate::workflow::next_due(born, yearly, date_of(end - 20 * DAY_MS))
                    .unwrap_or(due);
            }
            let record = CarePlan {
                id: format!("CP-{p_seq:06}"),
                customer: 0,
                due,
                due_time: rng
                    .random_bool(0.3)
                    .then(|| chrono::NaiveTime::from_hms_opt(rng.random_range(9..18), 0, 0))
                    .flatten(),
                purpose,
                assignee: Some(pick(rng, STAFF).to_string()),
                note: format!("{} for {ext}", purpose.title()),
                status,
                recurrence: (purpose == CarePurpose::Birthday).then_some(Recurrence {
                    every: 1,
                    unit: RecurrenceUnit::Years,
                }),
                series_start: birthday,
                created_at: end - rng.random_range(1..40) * DAY_MS,
                completed_at: (status != PlanStatus::Open).then(|| end + offset.min(0) * DAY_MS),
            };
            plans.serialize(CarePlanRow::new(&record, ext.clone()))?;
        }
        // Complaints: about one buyer in ten, cycling through every status.
        if !profile.orders.is_empty() && rng.random_bool(0.1) {
            c_seq += 1;
            let status =
                ComplaintStatus::ALL[(c_seq as usize + index) % ComplaintStatus::ALL.len()];
            let opened_at =
                end - rng.random_range(0..45) * DAY_MS - rng.random_range(0..24) * 3_600_000;
            let staff = pick(rng, STAFF).to_string();
            // Every seventh is escalated: the fifth contact is the team default's trigger.
            let contacts: u32 = if c_seq % 7 == 0 {
                ESCALATE_AT
            } else {
                rng.random_range(1..4)
            };
            let mut history = vec![ComplaintEvent {
                at: opened_at,
                staff: staff.clone(),
                kind: ComplaintEventKind::Opened,
                text: String::from("complaint received"),
            }];
            let mut at = opened_at;
            let mut first_response_at = None;
            let mut resolved_at = None;
            let mut closed_at = None;
            let steps: &[ComplaintStatus] = match status {
                ComplaintStatus::New => &[],
                ComplaintStatus::Acknowledged => &[ComplaintStatus::Acknowledged],
                ComplaintStatus::InProgress => {
                    &[ComplaintStatus::Acknowledged, ComplaintStatus::InProgress]
                }
                ComplaintStatus::Resolved => &[
                    ComplaintStatus::Acknowledged,
                    ComplaintStatus::InProgress,
                    ComplaintStatus::Resolved,
                ],
                ComplaintStatus::Closed => &[
                    ComplaintStatus::Acknowledged,
                    ComplaintStatus::InProgress,
                    ComplaintStatus::Resolved,
                    ComplaintStatus::Closed,
                ],
            };
            for step in steps {
                at += rng.random_range(1..30) * 3_600_000;
                match step {
                    ComplaintStatus::Acknowledged => first_response_at = Some(at),
                    ComplaintStatus::Resolved => resolved_at = Some(at),
                    ComplaintStatus::Closed => closed_at = Some(at),
                    _ => {}
                }
                history.push(ComplaintEvent {
                    at,
                    staff: staff.clone(),
                    kind: ComplaintEventKind::StatusChange,
                    text: format!("status: {step}"),
                });
            }
            for extra in 1..contacts {
                history.push(ComplaintEvent {
                    at: opened_at + i64::from(extra) * 7_200_000,
                    staff: staff.clone(),
                    kind: ComplaintEventKind::CustomerContact,
                    text: String::from("customer called again"),
                });
            }
            let opened_severity = Severity::ALL[rng.random_range(0..Severity::ALL.len())];
            let mut severity = opened_severity;
            if contacts >= ESCALATE_AT {
                // As the service does at that contact: the event, and one severity up.
                let (raised, text) = crate::workflow::escalation(contacts, severity);
                history.push(ComplaintEvent {
                    at: opened_at + i64::from(contacts - 1) * 7_200_000,
                    staff: staff.clone(),
                    kind: ComplaintEventKind::Escalated,
                    text,
                });
                severity = raised;
            }
            let resolved = matches!(status, ComplaintStatus::Resolved | ComplaintStatus::Closed);
            // Drawn in the order the generator always drew them, so a seed gives the same data.
            let channel = channels[rng.random_range(0..channels.len())];
            let category = pick(rng, CATEGORIES).to_string();
            let description = format!("{} on order {}", pick(rng, CATEGORIES), index + 1);
            // Open billing errors wait with finance, as the desk routes them.
            let team = (category == "billing error" && !resolved).then(|| String::from("finance"));
            if team.is_some() {
                history.push(ComplaintEvent {
                    at: opened_at + 3_600_000,
                    staff: staff.clone(),
                    kind: ComplaintEventKind::Routed,
                    text: String::from("to finance: refund or invoice to check"),
                });
            }
            history.sort_by_key(|e| e.at);
            let record = Complaint {
                id: format!("CM-{c_seq:06}"),
                customer: 0,
                opened_at,
                channel,
                category,
                severity,
                opened_severity,
                description,
                assignee: Some(staff),
                team,
                status,
                contacts,
                escalated: contacts >= ESCALATE_AT,
                first_response_at,
                resolved_at,
                closed_at,
                response_breached: first_response_at.is_none_or(|t| t - opened_at > 24 * 3_600_000)
                    && end - opened_at > 24 * 3_600_000,
                resolution_breached: false,
                root_cause: resolved.then(|| RootCause {
                    cause: pick(rng, CAUSES).to_string(),
                    why_customer_feels: String::from("expected better"),
                    what_we_did: String::from("did not keep the promise we made"),
                    reasonable: String::from("yes"),
                    others_said_same: if rng.random_bool(0.5) {
                        String::from("yes, twice this month")
                    } else {
                        String::from("no")
                    },
                    prevention: String::from("added a check to the process"),
                }),
                history,
                version: 1,
            };
            complaints.serialize(ComplaintRow::new(&record, ext.clone()))?;
        }
    }
    followups.flush()?;
    plans.flush()?;
    complaints.flush()?;
    Ok(())
}
