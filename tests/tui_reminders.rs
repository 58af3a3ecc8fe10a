//! Reminders in the workbench (TestBackend): the top line shows what needs the person at it
//! and follows commits without a key press; what has just become due rings the bell once,
//! never at the first reading.

mod common;
mod workbench;

use chrono::NaiveDate;
use loyal::domain::CarePurpose;
use loyal::service::{ComplaintCommand, CustomerKey, NewCarePlan};
use workbench::bench;

fn top_line(b: &workbench::Bench) -> String {
    b.screen(80, 24)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_top_line_follows_what_becomes_mine_and_the_bell_rings_once_for_each_new_thing() {
    let mut b = bench();
    let first = b.app.reminders.clone().expect("read at start");
    assert_eq!(first.total(), 0, "nothing is Ann's in the fixtures");
    assert_eq!(b.app.take_alert(), None);
    assert!(top_line(&b).ends_with("ann (admin)"));
    // A plan for Ann, due yesterday (the bench's clock says 2026-11-21), saved elsewhere.
    b.app
        .service()
        .add_care_plan(&NewCarePlan {
            customer: CustomerKey::External("C-000001".into()),
            due: NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
            due_time: None,
            purpose: CarePurpose::Payment,
            assignee: Some("Ann".into()),
            note: String::new(),
            recurrence: None,
        })
        .expect("plan");
    b.app.notice_changes();
    b.app.settle();
    let now = b.app.reminders.clone().expect("reminders");
    assert_eq!((now.overdue_plans, now.total()), (1, 1));
    let top = top_line(&b);
    assert!(
        top.ends_with("! 1 late  ann (admin)"),
        "at 80 columns the short words, beside the name: {top}"
    );
    assert_eq!(b.app.take_alert().as_deref(), Some("\u{7}"), "one bell");
    assert_eq!(b.app.take_alert(), None);
    // Read again with nothing new: no bell.
    b.app.refresh(false);
    b.app.settle();
    assert_eq!(b.app.take_alert(), None);
    // A complaint given to Ann: new, so the bell again, and the line gets shorter words.
    let queue = b
        .app
        .service()
        .complaint_queue(&Default::default())
        .expect("queue");
    let id = queue
        .iter()
        .find(|v| v.complaint.status == loyal::domain::ComplaintStatus::New)
        .map(|v| v.complaint.id.clone())
        .expect("a new complaint");
    b.app
        .service()
        .complaint_command(&id, ComplaintCommand::Assign { to: "Ann".into() })
        .expect("assign");
    b.app.notice_changes();
    b.app.settle();
    let now = b.app.reminders.clone().expect("reminders");
    assert_eq!(now.new_complaints, 1);
    assert!(b.app.take_alert().is_some());
    let top = top_line(&b);
    assert!(top.contains("! 1 late 1 new"), "{top}");
    // Wider, the long words and the name both fit.
    let wide = b.screen(160, 30);
    let wide_top = wide.lines().next().unwrap_or_default();
    assert!(
        wide_top.contains("1 overdue care plan · 1 new complaint")
            && wide_top.ends_with("ann (admin)"),
        "{wide_top}"
    );
}
