//! Teams and routing: a routed complaint keeps its SLA clock, its history says who sent it
//! where and why, team queues and reminders count it, through the service, the binary and the
//! workbench (TestBackend).

mod common;
mod workbench;

use common::cli::Cli;
use common::fixture_db;
use loyal::domain::{ComplaintEventKind, ComplaintStatus};
use loyal::service::{AuditFilter, ComplaintCommand, QueueFilter, Service};
use loyal::store::StoreOptions;

const TEAMS: &str = "service: Alice Chen, Bob Li; finance: Dan Zhou, carol; sales";

fn as_staff(path: &std::path::Path, staff: &str, os_user: &str) -> Service {
    let options = StoreOptions {
        staff: staff.into(),
        os_user: os_user.into(),
        ..StoreOptions::creating()
    };
    Service::open(path, &options).expect("open")
}

/// An open complaint of the fixtures assigned to Alice Chen, not yet routed.
fn alices_open_complaint(service: &Service) -> String {
    service
        .complaint_queue(&QueueFilter {
            assignee: Some("Alice Chen".into()),
            ..Default::default()
        })
        .expect("queue")
        .into_iter()
        .find(|v| v.complaint.team.is_none())
        .expect("Alice has an open complaint")
        .complaint
        .id
}

#[test]
fn a_routed_complaint_keeps_its_clock_and_says_who_sent_it_where_and_why() {
    let db = fixture_db();
    db.service
        .set_team_setting("teams", Some(TEAMS))
        .expect("teams");
    let path = db.path();
    drop(db.service);
    let ann = as_staff(&path, "Ann", "ann");
    let id = alices_open_complaint(&ann);
    let before = ann.complaint_view(&id).expect("view");
    let (routed, plan) = ann
        .complaint_command(
            &id,
            ComplaintCommand::Route {
                team: "财务".into(),
                note: "refund owed since May".into(),
                to: None,
            },
        )
        .expect("route");
    assert!(plan.is_none());
    assert_eq!(routed.team.as_deref(), Some("finance"));
    // Alice is not in finance: the complaint waits in finance's queue.
    assert_eq!(routed.assignee, None);
    assert_eq!(routed.status, before.complaint.status);
    assert_eq!(routed.version, before.complaint.version + 1);
    let after = ann.complaint_view(&id).expect("view");
    assert_eq!(after.sla.response_due, before.sla.response_due);
    assert_eq!(after.sla.resolution_due, before.sla.resolution_due);
    assert_eq!(after.complaint.opened_at, before.complaint.opened_at);
    let last = routed.history.last().expect("history");
    assert_eq!(last.kind, ComplaintEventKind::Routed);
    assert_eq!(last.staff, "Ann");
    assert_eq!(last.text, "to finance: refund owed since May");
    assert_eq!(
        last.shown_text_in(loyal::i18n::Lang::Zh),
        "转派给财务：refund owed since May"
    );
    assert_eq!(
        last.shown_text_in(loyal::i18n::Lang::En),
        "routed to finance: refund owed since May"
    );
    let unassigned = &routed.history[routed.history.len() - 2];
    assert_eq!(unassigned.kind, ComplaintEventKind::Note);
    let audit = ann
        .audit(&AuditFilter {
            limit: 1,
            ..Default::default()
        })
        .expect("audit");
    assert_eq!(audit[0].action, "complaint.route");
    assert_eq!(audit[0].staff, "Ann");

    // The team's queue, by name or title, has it; another team's does not.
    for name in ["finance", "FINANCE", "财务"] {
        let queue = ann
            .complaint_queue(&QueueFilter {
                team: Some(name.into()),
                ..Default::default()
            })
            .expect("queue");
        assert!(queue.iter().any(|v| v.complaint.id == id), "{name}");
        assert!(
            queue
                .iter()
                .all(|v| v.complaint.team.as_deref() == Some("finance"))
        );
    }
    let sales = ann
        .complaint_queue(&QueueFilter {
            team: Some("sales".into()),
            ..Default::default()
        })
        .expect("queue");
    assert!(sales.iter().all(|v| v.complaint.id != id));
    // An unknown team is an error naming the teams, never an empty queue.
    let err = ann
        .complaint_queue(&QueueFilter {
            team: Some("logistics".into()),
            ..Default::default()
        })
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("logistics") && err.contains("finance"),
        "{err}"
    );
    let err = ann
        .complaint_command(
            &id,
            ComplaintCommand::Route {
                team: "logistics".into(),
                note: String::new(),
                to: None,
            },
        )
        .unwrap_err()
        .to_string();
    assert!(err.contains("sales"), "{err}");

    // Reminders: finance's members count it (by staff name or OS account), others do not.
    let now = chrono::Utc::now().timestamp_millis();
    let counted = |staff: &str, os: &str| {
        let service = as_staff(&path, staff, os);
        let r = service.reminders_at(now).expect("reminders");
        let waiting = r.items.contains(&format!("complaint {id} team"));
        (r.team_queue, waiting)
    };
    let team_queue_now = ann
        .complaint_queue(&QueueFilter {
            team: Some("finance".into()),
            ..Default::default()
        })
        .expect("queue")
        .iter()
        .filter(|v| v.complaint.assignee.is_none())
        .count() as u64;
    assert_eq!(counted("Dan Zhou", "dan"), (team_queue_now, true));
    assert_eq!(counted("Carol Wu", "carol"), (team_queue_now, true));
    assert!(!counted("Bob Li", "bob").1);
    drop(ann);

    // Taken by someone in the team: it leaves the team's waiting count and is theirs.
    let dan = as_staff(&path, "Dan Zhou", "dan");
    dan.complaint_command(
        &id,
        ComplaintCommand::Assign {
            to: "Dan Zhou".into(),
        },
    )
    .expect("take");
    let r = dan.reminders_at(now).expect("reminders");
    assert!(!r.items.contains(&format!("complaint {id} team")));
    assert_eq!(r.team_queue, team_queue_now - 1);
}

#[test]
fn routing_to_someone_keeps_them_and_a_closed_complaint_is_not_routed() {
    let db = fixture_db();
    let id = alices_open_complaint(&db.service);
    // The default teams have no members: the assignee stays.
    let (c, _) = db
        .service
        .complaint_command(
            &id,
            ComplaintCommand::Route {
                team: "sales".into(),
                note: String::new(),
                to: None,
            },
        )
        .expect("route");
    assert_eq!(c.team.as_deref(), Some("sales"));
    assert_eq!(c.assignee.as_deref(), Some("Alice Chen"));
    assert_eq!(c.history.last().map(|e| e.text.as_str()), Some("to sales"));
    let (c, _) = db
        .service
        .complaint_command(
            &id,
            ComplaintCommand::Route {
                team: "finance".into(),
                note: "invoice".into(),
                to: Some("carol".into()),
            },
        )
        .expect("route");
    assert_eq!(c.team.as_deref(), Some("finance"));
    assert_eq!(c.assignee.as_deref(), Some("carol"));
    let resolved = db
        .service
        .complaint_queue(&QueueFilter {
            status: Some(ComplaintStatus::Resolved),
            ..Default::default()
        })
        .expect("queue");
    let done = &resolved.first().expect("a resolved complaint").complaint;
    let err = db
        .service
        .complaint_command(
            &done.id,
            ComplaintCommand::Route {
                team: "finance".into(),
                note: String::new(),
                to: None,
            },
        )
        .unwrap_err()
        .to_string();
    assert!(err.contains("reopen"), "{err}");
    // A teams setting that cannot be told apart is refused when set.
    assert!(
        db.service
            .set_team_setting("teams", Some("sales; Sales"))
            .is_err()
    );
}

#[test]
fn the_binary_routes_lists_team_queues_and_exports_the_team() {
    let cli = Cli::with_customers();
    let customer = "C1";
    cli.ok(&[
        "complaint",
        "open",
        customer,
        "--category",
        "billing error",
        "--description",
        "charged twice",
    ]);
    let out = cli.ok(&[
        "complaint",
        "route",
        "CM-000001",
        "--team",
        "finance",
        "--note",
        "refund owed",
    ]);
    assert!(out.contains("CM-000001"), "{out}");
    let show = cli.ok(&["complaint", "show", "CM-000001"]);
    assert!(show.contains("finance"), "{show}");
    assert!(show.contains("routed to finance: refund owed"), "{show}");
    let zh = cli.run_zh(&["complaint", "show", "CM-000001"]);
    let zh = String::from_utf8_lossy(&zh.stdout);
    assert!(zh.contains("转派给财务：refund owed"), "{zh}");
    let json = cli.ok(&["complaints", "--team", "finance", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&json).expect("json");
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["complaint"]["team"], "finance");
    let csv = cli.ok(&["complaints", "--team", "财务", "--format", "csv"]);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let at = header
        .iter()
        .position(|h| *h == "team")
        .expect("team column");
    let row: Vec<&str> = lines.next().expect("row").split(',').collect();
    assert_eq!(row[at], "finance");
    assert!(
        cli.ok(&["complaints", "--team", "sales", "--format", "json"])
            .trim()
            .starts_with("[]")
    );
    let err = cli.fails(&["complaints", "--team", "logistics"]);
    assert!(err.contains("logistics") && err.contains("sales"), "{err}");
    let err = cli.fails(&["complaint", "route", "CM-000001", "--team", "logistics"]);
    assert!(err.contains("finance"), "{err}");
    // The export carries the team.
    let exported = cli.ok(&["export", "complaints"]);
    assert!(exported.lines().next().expect("header").contains(",team,"));
    assert!(exported.contains(",finance,"));
    // ...imports again into another file with the team...
    let other = Cli::with_customers();
    let file = other.file("complaints.csv", &exported);
    other.ok(&["import", "complaints", common::cli::path(&file)]);
    let json = other.ok(&["complaints", "--team", "finance", "--format", "json"]);
    assert!(json.contains("\"CM-000001\""), "{json}");
    // ...and a team that no setting could hold is refused, naming the line and the field.
    let bad = other.file(
        "bad.csv",
        &exported.replacen(",finance,", ",finance: dan,", 1),
    );
    let err = other.fails(&["import", "complaints", common::cli::path(&bad)]);
    assert!(err.contains(":2") && err.contains("team"), "{err}");
}

#[test]
fn complaints_of_a_schema_11_file_read_the_same_after_the_upgrade() {
    use loyal::transfer::{Format, Kind};
    let db = fixture_db();
    let path = db.path();
    let before = db.export(Kind::Complaints, Format::Csv);
    db.service
        .test_store()
        .downgrade_to_v11()
        .expect("downgrade");
    drop(db.service);
    let service = Service::open(&path, &StoreOptions::creating()).expect("upgrade");
    assert_eq!(
        service.test_store().schema_version().expect("version"),
        Some(loyal::store::schema::SCHEMA_VERSION)
    );
    let mut after = Vec::new();
    service
        .export(Kind::Complaints, Format::Csv, &mut after)
        .expect("export");
    assert_eq!(String::from_utf8(after).expect("utf-8"), before);
    assert!(before.lines().count() > 10);
}

#[test]
fn the_workbench_routes_from_the_queue_and_filters_by_team() {
    use crossterm::event::KeyCode;
    let mut b = workbench::bench();
    b.press("3");
    let first = b
        .app
        .panes
        .complaints
        .current()
        .cloned()
        .expect("a complaint");
    // T asks for the teams, then offers them: service first, Space picks finance.
    b.press("T");
    let Some(loyal::tui::app::Overlay::Form(form)) = &b.app.overlay else {
        panic!("the route form opens");
    };
    assert_eq!(form.value("team"), "service");
    b.press(" ");
    b.code(KeyCode::Tab).typed("invoice to check");
    b.code(KeyCode::Enter);
    assert!(b.app.overlay.is_none(), "the form closed");
    let view = b
        .app
        .service()
        .complaint_view(&first.complaint.id)
        .expect("view");
    assert_eq!(view.complaint.team.as_deref(), Some("finance"));
    let last = view.complaint.history.last().expect("history");
    assert_eq!(
        (last.staff.as_str(), last.text.as_str()),
        ("Ann", "to finance: invoice to check")
    );
    // The queue says which team has it; the filter team: shows only that team's.
    b.press("F").typed("team:finance");
    b.code(KeyCode::Enter);
    let queue = b.app.panes.complaints.queue.clone().expect("queue");
    assert!(queue.iter().any(|v| v.complaint.id == first.complaint.id));
    assert!(
        queue
            .iter()
            .all(|v| v.complaint.team.as_deref() == Some("finance"))
    );
    let screen = b.screen(120, 30);
    assert!(screen.contains("finance"), "{screen}");
    // The detail shows the team and the history says where it went and why.
    b.code(KeyCode::Enter);
    let screen = b.screen(120, 40);
    assert!(
        screen.contains("routed to finance: invoice to check"),
        "{screen}"
    );
}
