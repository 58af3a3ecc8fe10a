//! Follow-ups, care plans and complaints through the service: escalation at exactly the 5th
//! contact, recurrence at month ends and Feb 29, agenda and queue order, SLA in business hours.

mod common;

use chrono::{NaiveDate, TimeZone, Utc};
use common::*;
use loyal::domain::*;
use loyal::service::{
    ComplaintCommand, CustomerKey, NewCarePlan, NewComplaint, NewFollowUp, QueueFilter,
    ServiceError,
};
use loyal::transfer::Kind;
use loyal::workflow::AgendaGroup;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn key(id: &str) -> CustomerKey {
    CustomerKey::parse(id)
}

fn complaint(db: &TestDb, customer: &str, severity: Severity, opened_at: Option<i64>) -> Complaint {
    db.service
        .open_complaint(NewComplaint {
            customer: key(customer),
            channel: Channel::Phone,
            category: String::from("late delivery"),
            severity,
            description: String::from("arrived late"),
            assignee: Some(String::from("Ann")),
            opened_at,
        })
        .unwrap()
}

fn followup(customer: &str, next: Option<NaiveDate>) -> NewFollowUp {
    NewFollowUp {
        customer: key(customer),
        at: None,
        channel: Channel::Phone,
        direction: Direction::Outbound,
        kind: FollowUpKind::Care,
        staff: None,
        summary: String::from("checked in"),
        outcome: String::new(),
        satisfaction: Some(4),
        next_contact: next,
    }
}

fn db() -> TestDb {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    db
}

#[test]
fn escalation_happens_at_exactly_the_fifth_contact() {
    let db = db();
    let c = complaint(&db, "C1", Severity::Normal, None);
    assert_eq!(c.contacts, 1);
    for expected in 2..=4 {
        let (c, _) = db
            .service
            .complaint_command(
                &c.id,
                ComplaintCommand::Contact {
                    text: String::new(),
                },
            )
            .unwrap();
        assert_eq!(
            (c.contacts, c.escalated, c.severity),
            (expected, false, Severity::Normal)
        );
    }
    let (fifth, _) = db
        .service
        .complaint_command(
            &c.id,
            ComplaintCommand::Contact {
                text: String::new(),
            },
        )
        .unwrap();
    assert_eq!(
        (fifth.contacts, fifth.escalated, fifth.severity),
        (5, true, Severity::High)
    );
    assert_eq!(
        fifth
            .history
            .iter()
            .filter(|e| e.kind == ComplaintEventKind::Escalated)
            .count(),
        1
    );
    let (sixth, _) = db
        .service
        .complaint_command(
            &c.id,
            ComplaintCommand::Contact {
                text: String::new(),
            },
        )
        .unwrap();
    assert_eq!((sixth.contacts, sixth.severity), (6, Severity::High));
    assert_eq!(
        sixth
            .history
            .iter()
            .filter(|e| e.kind == ComplaintEventKind::Escalated)
            .count(),
        1
    );
    // The threshold is a team setting.
    db.service
        .set_team_setting("complaint.escalate_after_contacts", Some("2"))
        .unwrap();
    let other = complaint(&db, "C2", Severity::Low, None);
    let (other, _) = db
        .service
        .complaint_command(
            &other.id,
            ComplaintCommand::Contact {
                text: String::new(),
            },
        )
        .unwrap();
    assert!(other.escalated && other.severity == Severity::Normal);
}

#[test]
fn the_flow_refuses_invalid_steps_and_writes_nothing() {
    let db = db();
    let c = complaint(&db, "C1", Severity::Normal, None);
    let counter = db.service.change_counter().unwrap();
    for command in [
        ComplaintCommand::Close,
        ComplaintCommand::Reopen {
            reason: String::new(),
        },
    ] {
        let err = db.service.complaint_command(&c.id, command).unwrap_err();
        assert!(matches!(err, ServiceError::Invalid { .. }), "{err}");
    }
    assert_eq!(db.service.change_counter().unwrap(), counter);
    let (c, _) = db
        .service
        .complaint_command(
            &c.id,
            ComplaintCommand::Acknowledge {
                text: String::new(),
            },
        )
        .unwrap();
    assert!(c.first_response_at.is_some());
    let err = db
        .service
        .complaint_command(
            &c.id,
            ComplaintCommand::Acknowledge {
                text: String::new(),
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("acknowledged already"), "{err}");
    let (c, plan) = db
        .service
        .complaint_command(
            &c.id,
            ComplaintCommand::Resolve {
                text: String::new(),
                root_cause: None,
            },
        )
        .unwrap();
    assert_eq!(c.status, ComplaintStatus::Resolved);
    let plan = plan.expect("satisfaction plan");
    assert_eq!(
        (plan.purpose, plan.due),
        (
            CarePurpose::Satisfaction,
            loyal::service::today() + chrono::Duration::days(3)
        )
    );
    let err = db
        .service
        .complaint_command(
            &c.id,
            ComplaintCommand::Contact {
                text: String::new(),
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("reopen it"), "{err}");
    let (c, _) = db
        .service
        .complaint_command(
            &c.id,
            ComplaintCommand::Reopen {
                reason: String::from("back"),
            },
        )
        .unwrap();
    assert_eq!(
        (c.status, c.resolved_at),
        (ComplaintStatus::InProgress, None)
    );
    assert!(
        db.service
            .complaint_command("CM-999999", ComplaintCommand::Start)
            .is_err()
    );
}

#[test]
fn a_breached_deadline_stays_breached_after_it_is_met() {
    let db = db();
    // Opened 30 hours ago: the 24-hour first response is already missed.
    let opened = Utc::now().timestamp_millis() - 30 * 3_600_000;
    let c = complaint(&db, "C1", Severity::Normal, Some(opened));
    assert!(
        db.service
            .complaint_view(&c.id)
            .unwrap()
            .sla
            .response_breached
    );
    let (c, _) = db
        .service
        .complaint_command(
            &c.id,
            ComplaintCommand::Reply {
                text: String::from("sorry"),
            },
        )
        .unwrap();
    assert!(c.response_breached, "the stored flag records the miss");
    let view = db.service.complaint_view(&c.id).unwrap();
    assert!(view.sla.response_breached && !view.sla.resolution_breached);
    assert_eq!(view.complaint.status, ComplaintStatus::Acknowledged);
}

#[test]
fn the_queue_puts_breached_first_then_least_time_left_then_severity() {
    let db = db();
    let now = Utc::now().timestamp_millis();
    let hour = 3_600_000;
    let fresh_low = complaint(&db, "C1", Severity::Low, Some(now - hour));
    let breached = complaint(&db, "C2", Severity::Low, Some(now - 30 * hour));
    let nearly_due = complaint(&db, "C3", Severity::Normal, Some(now - 20 * hour));
    let fresh_urgent = complaint(&db, "C4", Severity::Urgent, Some(now - hour));
    let queue = db.service.complaint_queue(&QueueFilter::default()).unwrap();
    let order: Vec<&str> = queue.iter().map(|v| v.complaint.id.as_str()).collect();
    // The fresh ones have the same time left to the first response (23h): urgent first.
    assert_eq!(
        order,
        vec![
            breached.id.as_str(),
            nearly_due.id.as_str(),
            fresh_urgent.id.as_str(),
            fresh_low.id.as_str()
        ]
    );
    assert!(queue[1].sla.due_soon);
    let only = db
        .service
        .complaint_queue(&QueueFilter {
            breached_only: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(only.len(), 1);
    let none = db
        .service
        .complaint_queue(&QueueFilter {
            assignee: Some(String::from("Bob")),
            ..Default::default()
        })
        .unwrap();
    assert!(none.is_empty());
}

#[test]
fn deadlines_follow_the_team_business_hours() {
    let db = db();
    db.service
        .set_team_setting("business_hours", Some("mon-fri 09:00-18:00"))
        .unwrap();
    db.service
        .set_team_setting("timezone", Some("Asia/Shanghai"))
        .unwrap();
    db.service
        .set_team_setting("holidays", Some("2026-11-23"))
        .unwrap();
    // Friday 2026-11-20 17:00 in Shanghai (09:00Z): 1h Friday, Monday is a holiday, then 9h
    // Tuesday, 9h Wednesday, 5h Thursday -> Thursday 14:00 Shanghai = 06:00Z.
    let opened = Utc
        .with_ymd_and_hms(2026, 11, 20, 9, 0, 0)
        .unwrap()
        .timestamp_millis();
    let c = complaint(&db, "C1", Severity::Normal, Some(opened));
    let view = db.service.complaint_view(&c.id).unwrap();
    assert_eq!(
        view.sla.response_due,
        Some(
            Utc.with_ymd_and_hms(2026, 11, 26, 6, 0, 0)
                .unwrap()
                .timestamp_millis()
        )
    );
    assert!(
        db.service
            .set_team_setting("business_hours", Some("weekdays 9 to 5"))
            .is_err()
    );
    db.service
        .set_team_setting("sla.first_response_hours.urgent", Some("2"))
        .unwrap();
    let urgent = complaint(&db, "C2", Severity::Urgent, Some(opened));
    let due = db
        .service
        .complaint_view(&urgent.id)
        .unwrap()
        .sla
        .response_due;
    // 1h Friday, then Tuesday 09:00 + 1h.
    assert_eq!(
        due,
        Some(
            Utc.with_ymd_and_hms(2026, 11, 24, 2, 0, 0)
                .unwrap()
                .timestamp_millis()
        )
    );
}

#[test]
fn a_next_contact_date_creates_then_moves_the_stay_in_touch_plan() {
    let db = db();
    let (_, plan) = db
        .service
        .log_followup(&followup("C1", Some(d("2026-12-01"))))
        .unwrap();
    let plan = plan.unwrap();
    assert_eq!(
        (plan.purpose, plan.due),
        (CarePurpose::StayInTouch, d("2026-12-01"))
    );
    let (_, moved) = db
        .service
        .log_followup(&followup("C1", Some(d("2026-12-15"))))
        .unwrap();
    let moved = moved.unwrap();
    assert_eq!(
        (moved.id.as_str(), moved.due),
        (plan.id.as_str(), d("2026-12-15"))
    );
    assert_eq!(db.service.stats().unwrap().care_plans, 1);
    let mut bad = followup("C1", None);
    bad.satisfaction = Some(9);
    assert!(db.service.log_followup(&bad).is_err());
    let before = db.service.stats().unwrap().followups;
    assert!(matches!(
        db.service.log_followup(&followup("NOPE", None)),
        Err(ServiceError::UnknownCustomer(_))
    ));
    assert_eq!(db.service.stats().unwrap().followups, before);
}

#[test]
fn monthly_plans_keep_their_day_across_month_ends() {
    let db = db();
    let every_month = Recurrence {
        every: 1,
        unit: RecurrenceUnit::Months,
    };
    let plan = db
        .service
        .add_care_plan(&NewCarePlan {
            customer: key("C1"),
            due: d("2027-01-31"),
            due_time: None,
            purpose: CarePurpose::Payment,
            assignee: None,
            note: String::from("invoice"),
            recurrence: Some(every_month),
        })
        .unwrap();
    assert_eq!(
        plan.assignee.as_deref(),
        Some("Alice"),
        "defaults to the customer's owner"
    );
    let mut id = plan.id;
    let mut dues = Vec::new();
    for _ in 0..3 {
        let outcome = db
            .service
            .complete_care_plan(&id, None, d("2027-01-01"))
            .unwrap();
        let next = outcome.next.unwrap();
        dues.push(next.due);
        id = next.id;
    }
    assert_eq!(
        dues,
        vec![d("2027-02-28"), d("2027-03-31"), d("2027-04-30")]
    );
    // Skipping keeps the series going; finishing twice is refused.
    let skipped = db
        .service
        .skip_care_plan(&id, "on holiday", d("2027-01-01"))
        .unwrap();
    assert_eq!(skipped.next.unwrap().due, d("2027-05-31"));
    assert_eq!(skipped.passed_over, 0);
    assert!(
        db.service
            .complete_care_plan(&id, None, d("2027-01-01"))
            .is_err()
    );
}

#[test]
fn finishing_a_monthly_plan_late_says_how_many_occurrences_it_passed_over() {
    let db = db();
    let plan = db
        .service
        .add_care_plan(&NewCarePlan {
            customer: key("C1"),
            due: d("2026-01-31"),
            due_time: None,
            purpose: CarePurpose::Payment,
            assignee: None,
            note: String::from("invoice"),
            recurrence: Some(Recurrence {
                every: 1,
                unit: RecurrenceUnit::Months,
            }),
        })
        .unwrap();
    let outcome = db
        .service
        .complete_care_plan(&plan.id, None, d("2026-12-01"))
        .unwrap();
    // Feb 28, Mar 31, ..., Nov 30 went by; the next one is the first after today.
    assert_eq!(outcome.next.as_ref().unwrap().due, d("2026-12-31"));
    assert_eq!(outcome.passed_over, 10);
    assert_eq!(outcome.passed_over_note(), " (10 occurrences passed over)");
}

#[test]
fn feb_29_birthdays_and_done_with_the_followup_in_one_step() {
    let db = db();
    // C3 (María García) was born on 2000-02-29.
    let (created, existing) = db.service.plan_birthdays(d("2027-02-20"), 30).unwrap();
    assert_eq!((created, existing), (1, 0));
    assert_eq!(
        db.service.plan_birthdays(d("2027-02-20"), 30).unwrap(),
        (0, 1)
    );
    let agenda = db.service.agenda(d("2027-02-20"), None, 14).unwrap();
    let birthday = &agenda
        .iter()
        .find(|i| i.plan.purpose == CarePurpose::Birthday)
        .unwrap()
        .plan;
    assert_eq!(birthday.due, d("2027-02-28"));
    let log = followup("C3", None);
    let outcome = db
        .service
        .complete_care_plan(&birthday.id, Some(log), d("2027-02-28"))
        .unwrap();
    assert_eq!(outcome.next.unwrap().due, d("2028-02-29"));
    let f = outcome.followup.unwrap();
    assert_eq!(
        db.service
            .customer_card(&key("C3"), 10)
            .unwrap()
            .customer
            .id,
        f.customer
    );
}

#[test]
fn the_agenda_lists_overdue_then_today_then_the_coming_days() {
    let db = db();
    let add = |customer: &str, due: &str, assignee: Option<&str>| {
        db.service
            .add_care_plan(&NewCarePlan {
                customer: key(customer),
                due: d(due),
                due_time: None,
                purpose: CarePurpose::PostPurchase,
                assignee: assignee.map(String::from),
                note: String::new(),
                recurrence: None,
            })
            .unwrap()
            .id
    };
    let later = add("C1", "2026-11-30", None);
    let today = add("C2", "2026-11-24", Some("Bob"));
    let overdue = add("C3", "2026-11-01", None);
    let _far = add("C4", "2027-01-01", None);
    let done = add("C4", "2026-11-20", None);
    db.service
        .complete_care_plan(&done, None, d("2026-11-24"))
        .unwrap();
    let agenda = db.service.agenda(d("2026-11-24"), None, 7).unwrap();
    let ids: Vec<(&str, AgendaGroup)> = agenda
        .iter()
        .map(|i| (i.plan.id.as_str(), i.group))
        .collect();
    assert_eq!(
        ids,
        vec![
            (overdue.as_str(), AgendaGroup::Overdue),
            (today.as_str(), AgendaGroup::Today),
            (later.as_str(), AgendaGroup::ThisWeek)
        ]
    );
    // C1's owner is Alice (plan unassigned -> owner); Bob has the plan assigned to him.
    let bobs: Vec<String> = db
        .service
        .agenda(d("2026-11-24"), Some("bob"), 7)
        .unwrap()
        .into_iter()
        .map(|i| i.plan.id)
        .collect();
    assert_eq!(bobs, vec![today]);
}

#[test]
fn a_plan_due_today_at_a_time_is_overdue_once_the_time_has_passed() {
    let db = db();
    let plan = db
        .service
        .add_care_plan(&NewCarePlan {
            customer: key("C1"),
            due: d("2026-11-24"),
            due_time: chrono::NaiveTime::from_hms_opt(18, 18, 0),
            purpose: CarePurpose::PostPurchase,
            assignee: None,
            note: String::new(),
            recurrence: None,
        })
        .unwrap();
    let group_at = |h: u32, m: u32| {
        let now = d("2026-11-24").and_hms_opt(h, m, 0).unwrap();
        let agenda = db.service.agenda_at(now, None, 7).unwrap();
        agenda
            .iter()
            .find(|i| i.plan.id == plan.id)
            .map(|i| i.group)
    };
    assert_eq!(group_at(18, 18), Some(AgendaGroup::Today));
    assert_eq!(group_at(18, 19), Some(AgendaGroup::Overdue));
}

#[test]
fn forgotten_customers_by_silence() {
    let db = db();
    db.import_ok(
        Kind::FollowUps,
        "customer_id,at\nC1,2026-11-20\nC2,2026-10-01\nC2,2026-09-01\n",
    );
    let report = db.service.forgotten(d("2026-11-24"), None, 30, 10).unwrap();
    // C1: 4 days; C2: 54 days; C3 and C4: never.
    assert_eq!(report.never_contacted, 2);
    assert_eq!(
        report.counts,
        vec![(7, 3), (15, 3), (30, 3), (90, 2), (180, 2)]
    );
    let listed: Vec<(&str, Option<i64>)> = report
        .list
        .iter()
        .map(|(c, s)| (c.external_id.as_str(), *s))
        .collect();
    assert_eq!(listed, vec![("C3", None), ("C4", None), ("C2", Some(54))]);
    let alice = db
        .service
        .forgotten(d("2026-11-24"), Some("Alice"), 0, 10)
        .unwrap();
    let ids: Vec<&str> = alice
        .list
        .iter()
        .map(|(c, _)| c.external_id.as_str())
        .collect();
    assert_eq!(ids, vec!["C4", "C1"]);
}

#[test]
fn root_causes_group_recurring_problems() {
    let db = db();
    let cause = |text: &str, others: &str| RootCause {
        cause: text.into(),
        others_said_same: others.into(),
        ..Default::default()
    };
    for (customer, text, others) in [
        ("C1", "courier delay", "yes"),
        ("C2", "courier delay", "no"),
        ("C3", "picking error", ""),
    ] {
        let c = complaint(&db, customer, Severity::Normal, None);
        db.service
            .complaint_command(
                &c.id,
                ComplaintCommand::Resolve {
                    text: String::new(),
                    root_cause: Some(cause(text, others)),
                },
            )
            .unwrap();
    }
    complaint(&db, "C4", Severity::Normal, None);
    let rows = db.service.root_cause_report().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (
            rows[0].cause.as_str(),
            rows[0].complaints,
            rows[0].others_said_same
        ),
        ("courier delay", 2, 1)
    );
}

#[test]
fn requests_survive_a_trip_through_json() {
    use loyal::service::{Request, Response};
    let db = db();
    let open = Request::OpenComplaint(NewComplaint {
        customer: key("C1"),
        channel: Channel::Email,
        category: String::from("billing error"),
        severity: Severity::High,
        description: String::from("charged twice"),
        assignee: None,
        opened_at: None,
    });
    let wire = serde_json::to_string(&open).unwrap();
    let Response::Complaint { complaint, .. } = db
        .service
        .handle(serde_json::from_str(&wire).unwrap())
        .unwrap()
    else {
        panic!("wrong response")
    };
    let queue = db
        .service
        .handle(Request::ComplaintQueue(QueueFilter::default()))
        .unwrap();
    let wire = serde_json::to_string(&queue).unwrap();
    let Response::ComplaintQueue(views) = serde_json::from_str::<Response>(&wire).unwrap() else {
        panic!("wrong response")
    };
    assert_eq!(views[0].complaint.id, complaint.id);

    // A command on the complaint carries the version it was shown at: after a colleague's
    // change, the same request is refused, not applied over theirs.
    let shown = complaint.version;
    let ack = |expected_version| Request::Complaint {
        id: complaint.id.clone(),
        command: ComplaintCommand::Note {
            text: "seen".into(),
        },
        expected_version,
    };
    db.service.handle(ack(Some(shown))).unwrap();
    let stale = db.service.handle(ack(Some(shown)));
    assert!(
        matches!(stale, Err(ServiceError::Stale { .. })),
        "{stale:?}"
    );
    // An older client's request without the field still parses (and is not checked).
    let wire = format!(
        r#"{{"Complaint":{{"id":"{}","command":{{"Note":{{"text":"x"}}}}}}}}"#,
        complaint.id
    );
    db.service
        .handle(serde_json::from_str(&wire).unwrap())
        .unwrap();
}

#[test]
fn review_fixes_hold() {
    let db = db();
    // Done with a next-contact date: the finished plan stays done and a new plan is made.
    let (_, plan) = db
        .service
        .log_followup(&followup("C1", Some(d("2026-12-01"))))
        .unwrap();
    let plan = plan.unwrap();
    let outcome = db
        .service
        .complete_care_plan(
            &plan.id,
            Some(followup("C1", Some(d("2027-01-10")))),
            d("2026-12-01"),
        )
        .unwrap();
    assert_eq!(outcome.plan.status, PlanStatus::Done);
    let agenda = db.service.agenda(d("2027-01-10"), None, 0).unwrap();
    assert_eq!(
        agenda
            .iter()
            .filter(|i| i.plan.purpose == CarePurpose::StayInTouch)
            .count(),
        1
    );
    // Resolving again after a reopen does not plan a second satisfaction check.
    let c = complaint(&db, "C2", Severity::Normal, None);
    let resolve = || ComplaintCommand::Resolve {
        text: String::new(),
        root_cause: None,
    };
    let (_, first) = db.service.complaint_command(&c.id, resolve()).unwrap();
    db.service
        .complaint_command(
            &c.id,
            ComplaintCommand::Reopen {
                reason: String::new(),
            },
        )
        .unwrap();
    let (_, second) = db.service.complaint_command(&c.id, resolve()).unwrap();
    assert_eq!(first.unwrap().id, second.unwrap().id);
    // A zero interval is refused; a skip reason stays on the skipped plan only.
    let mut new = NewCarePlan {
        customer: key("C3"),
        due: d("2027-01-05"),
        due_time: None,
        purpose: CarePurpose::Payment,
        assignee: None,
        note: String::from("monthly invoice"),
        recurrence: Some(Recurrence {
            every: 0,
            unit: RecurrenceUnit::Months,
        }),
    };
    assert!(db.service.add_care_plan(&new).is_err());
    new.recurrence = Some(Recurrence {
        every: 1,
        unit: RecurrenceUnit::Months,
    });
    let plan = db.service.add_care_plan(&new).unwrap();
    let skipped = db
        .service
        .skip_care_plan(&plan.id, "away", d("2027-01-01"))
        .unwrap();
    assert_eq!(skipped.plan.note, "monthly invoice [skipped: away]");
    assert_eq!(skipped.next.unwrap().note, "monthly invoice");
    assert!(
        db.service
            .set_team_setting("complaint.escalate_after_contacts", Some("1"))
            .is_err()
    );
}

#[test]
fn escalated_complaints_in_the_demo_and_generated_data_record_the_escalation() {
    use loyal::workflow::escalated_severity;
    // The demo's fixtures: CM-000014 (normal -> high) and CM-000007 (urgent stays urgent).
    let db = fixture_db();
    for id in ["CM-000014", "CM-000007"] {
        let c = db.service.complaint_view(id).unwrap().complaint;
        assert!(c.escalated, "{id}");
        let events: Vec<&ComplaintEvent> = c
            .history
            .iter()
            .filter(|e| e.kind == ComplaintEventKind::Escalated)
            .collect();
        assert_eq!(events.len(), 1, "{id}: {:?}", c.history);
        assert_eq!(c.severity, escalated_severity(c.opened_severity), "{id}");
    }
    // What `loyal gen` writes (the fixtures come from it).
    let dir = tempfile::tempdir().unwrap();
    loyal::generate::run(&loyal::generate::GenArgs {
        customers: 300,
        orders: 3000,
        seed: 1,
        end: d("2026-11-20"),
        out: dir.path().to_path_buf(),
        buyers: 0.88,
        skew: 1.2,
    })
    .unwrap();
    let mut reader = csv::Reader::from_path(dir.path().join("complaints.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let mut escalated = 0;
    for row in reader.records() {
        let row = row.unwrap();
        if &row[col("escalated")] != "true" {
            continue;
        }
        escalated += 1;
        let history: Vec<serde_json::Value> = serde_json::from_str(&row[col("history")]).unwrap();
        assert!(
            history.iter().any(|e| e["kind"] == "escalated"),
            "{}: {history:?}",
            &row[col("complaint_id")]
        );
        let opened: Severity = row[col("opened_severity")].parse().unwrap();
        let now: Severity = row[col("severity")].parse().unwrap();
        assert_eq!(now, escalated_severity(opened));
    }
    assert!(escalated > 0);
}

#[test]
fn a_contact_count_is_bounded_and_never_wraps() {
    let db = db();
    let too_many = "complaint_id,customer_id,opened_at,contacts\nK1,C1,2025-01-01,4294967295\n";
    let err = db
        .import(Kind::Complaints, too_many, Default::default())
        .unwrap_err();
    let ServiceError::Rejected(errors) = err else {
        panic!("expected a rejection, got {err}")
    };
    assert!(
        errors[0].to_string().starts_with("2: contacts: "),
        "{errors:?}"
    );
    let at_bound = format!(
        "complaint_id,customer_id,opened_at,contacts\nK1,C1,2025-01-01,{}\n",
        Complaint::MAX_CONTACTS
    );
    db.import_ok(Kind::Complaints, &at_bound);
    let contact = ComplaintCommand::Contact {
        text: String::new(),
    };
    assert!(matches!(
        db.service.complaint_command("K1", contact),
        Err(ServiceError::Invalid { .. })
    ));
    let view = db.service.complaint_view("K1").unwrap();
    assert_eq!(view.complaint.contacts, Complaint::MAX_CONTACTS);
}

#[test]
fn inconsistent_or_unschedulable_imports_are_refused_by_line() {
    let db = db();
    let rejected = |kind: Kind, rows: &str| -> Vec<String> {
        match db.import(kind, rows, Default::default()) {
            Err(ServiceError::Rejected(errors)) => errors.iter().map(ToString::to_string).collect(),
            other => panic!("expected a rejection, got {other:?}"),
        }
    };
    let complaints =
        "complaint_id,customer_id,opened_at,status,resolved_at\nK1,C1,2025-01-01,resolved,\n";
    assert_eq!(
        rejected(Kind::Complaints, complaints),
        vec!["2: resolved_at: is required when the status is resolved"]
    );
    let plans = "customer_id,due,recurrence\nC1,2026-01-01,99999999 years\n";
    let errors = rejected(Kind::CarePlans, plans);
    assert!(errors[0].starts_with("2: recurrence: "), "{errors:?}");
    let far = db.service.add_care_plan(&NewCarePlan {
        customer: key("C1"),
        due: d("2027-01-31"),
        due_time: None,
        purpose: CarePurpose::Payment,
        assignee: None,
        note: String::new(),
        recurrence: Some(Recurrence {
            every: 99_999_999,
            unit: RecurrenceUnit::Years,
        }),
    });
    assert!(matches!(far, Err(ServiceError::Invalid { .. })), "{far:?}");
    assert_eq!(db.service.stats().unwrap().care_plans, 0);
}

#[test]
fn a_json_file_with_a_repeated_key_or_an_object_cell_is_refused() {
    let read = |text: &str| {
        loyal::transfer::read_table(
            text.as_bytes(),
            loyal::transfer::Format::Json,
            Kind::Customers,
        )
        .map(drop)
        .map_err(|e| e.to_string())
    };
    assert_eq!(
        read(r#"[{"customer_id":"C9","name":"Ann","name":"Bob"}]"#),
        Err(String::from(
            "1: name: is given twice in this record (keys ignore letter case)"
        ))
    );
    assert_eq!(
        read(r#"[{"customer_id":"C9","name":{"first":"Ann"}}]"#),
        Err(String::from("1: name: is a JSON object, not text"))
    );
    assert_eq!(
        read(r#"[{"customer_id":"C9","name":"Ann","tags":["a","b"]}]"#),
        Ok(())
    );
}

#[test]
fn what_the_workbench_asks_crosses_a_process_boundary_as_json() {
    use loyal::service::{AuditFilter, QueueFilter, Request, Response};
    let db = fixture_db();
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 21)
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .expect("time");
    let requests = vec![
        Request::Whoami,
        Request::CustomerCount,
        Request::CustomerIdsAfter {
            after: Some(10),
            limit: 5,
        },
        Request::Summaries(vec![1, 2, 999_999]),
        Request::AgendaTop {
            now,
            owner: None,
            days_ahead: 7,
            limit: 20,
        },
        Request::QueueTop {
            filter: QueueFilter::default(),
            now: now.and_utc().timestamp_millis(),
            limit: 10,
        },
        Request::RecentFollowUps { limit: 5 },
        Request::InterruptedImports,
        Request::Audit(AuditFilter {
            limit: 5,
            ..AuditFilter::default()
        }),
        Request::Roles,
    ];
    for request in requests {
        // The request itself goes over the wire...
        let sent: Request =
            serde_json::from_str(&serde_json::to_string(&request).expect("json")).expect("back");
        assert_eq!(sent, request);
        // ...and so does the answer, unchanged.
        let response = db.service.handle(sent).expect("answered");
        let received: Response =
            serde_json::from_str(&serde_json::to_string(&response).expect("json")).expect("back");
        assert_eq!(received, response, "{request:?}");
        match (&request, &response) {
            (Request::CustomerCount, Response::Count(n)) => assert_eq!(*n, 300),
            (Request::CustomerIdsAfter { .. }, Response::CustomerIds(ids)) => {
                assert_eq!(ids, &[11, 12, 13, 14, 15])
            }
            (Request::Summaries(_), Response::Summaries(found)) => {
                assert_eq!(found.len(), 3);
                assert!(found[0].is_some() && found[2].is_none());
            }
            (Request::Whoami, Response::Whoami { .. })
            | (Request::AgendaTop { .. }, Response::AgendaTop { .. })
            | (Request::QueueTop { .. }, Response::QueueTop { .. })
            | (Request::RecentFollowUps { .. }, Response::FollowUps(_))
            | (Request::InterruptedImports, Response::Imports(_))
            | (Request::Audit(_), Response::Audit(_))
            | (Request::Roles, Response::Roles(_)) => {}
            other => panic!("unexpected answer {other:?}"),
        }
    }
}
