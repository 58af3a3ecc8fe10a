//! What needs a staff member, checked against a recount from the agenda and the complaint
//! queue, for every staff name the fixtures know, at several moments.

mod common;

use chrono::{NaiveDate, TimeZone};
use common::fixture_db;
use loyal::domain::ComplaintStatus;
use loyal::service::{QueueFilter, SLA_SOON_MS, Service};
use loyal::store::StoreOptions;
use loyal::workflow::AgendaGroup;

fn as_staff(path: &std::path::Path, staff: &str) -> Service {
    let options = StoreOptions {
        staff: staff.into(),
        os_user: "ann".into(),
        ..StoreOptions::creating()
    };
    Service::open(path, &options).expect("open")
}

#[test]
fn reminders_equal_a_recount_from_the_agenda_and_the_queue() {
    // Times are local: pin the zone.
    // SAFETY: set before any thread of this test reads it; every test sets the same value.
    unsafe { std::env::set_var("TZ", "UTC") };
    let db = fixture_db();
    let path = db.path();
    drop(db.service);
    let staff = ["Alice Chen", "Bob Li", "Dan Zhou", "Eve Martin", "Nobody"];
    let mut seen_any = 0;
    for day in [18, 20, 21, 25] {
        let local = NaiveDate::from_ymd_opt(2026, 11, day)
            .expect("date")
            .and_hms_opt(10, 30, 0)
            .expect("time");
        let now = chrono::Utc.from_utc_datetime(&local).timestamp_millis();
        for name in staff {
            let service = as_staff(&path, name);
            let got = service.reminders_at(now).expect("reminders");
            let agenda = service.agenda_at(local, Some(name), 0).expect("agenda");
            let overdue = agenda
                .iter()
                .filter(|i| i.group == AgendaGroup::Overdue)
                .count() as u64;
            let today = agenda
                .iter()
                .filter(|i| i.group == AgendaGroup::Today)
                .count() as u64;
            let queue = service
                .complaint_queue_at(
                    &QueueFilter {
                        assignee: Some(name.into()),
                        ..Default::default()
                    },
                    now,
                )
                .expect("queue");
            let new = queue
                .iter()
                .filter(|v| v.complaint.status == ComplaintStatus::New)
                .count() as u64;
            let breached = queue.iter().filter(|v| v.sla.breached()).count() as u64;
            let soon = queue
                .iter()
                .filter(|v| !v.sla.breached())
                .filter(|v| {
                    v.sla
                        .next_deadline
                        .is_some_and(|d| d > now && d - now <= SLA_SOON_MS)
                })
                .count() as u64;
            assert_eq!(
                (
                    got.overdue_plans,
                    got.due_plans,
                    got.new_complaints,
                    got.sla_breached,
                    got.sla_soon
                ),
                (overdue, today, new, breached, soon),
                "{name} on 2026-11-{day}"
            );
            assert_eq!(got.items.len() as u64, got.total());
            seen_any += got.total();
        }
    }
    assert!(seen_any > 0, "the fixtures give someone something to do");
}
