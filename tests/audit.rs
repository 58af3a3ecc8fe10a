//! Who did what: every kind of write leaves an audit entry with the OS account and the staff
//! name; stale saves are refused with who changed the record; two agents cannot both take the
//! same complaint.

mod common;

use common::*;
use loyal::domain::{CarePurpose, Channel, Direction, FollowUpKind, Severity};
use loyal::service::{
    AuditFilter, ComplaintCommand, CustomerKey, NewCarePlan, NewComplaint, NewCustomer,
    NewFollowUp, ServiceError,
};
use loyal::transfer::{CustomerInput, Kind};
use std::process::Command;

#[test]
fn every_kind_of_write_is_in_the_audit_trail() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    let input = CustomerInput {
        external_id: "N1".into(),
        name: "Nina".into(),
        ..Default::default()
    };
    db.service
        .add_customer(NewCustomer {
            input,
            allow_duplicate: false,
        })
        .unwrap();
    let edit = CustomerInput {
        name: "Nina Berg".into(),
        city: Some(Some("Oslo".into())),
        ..Default::default()
    };
    db.service
        .update_customer(&CustomerKey::parse("N1"), &edit, None)
        .unwrap();
    db.service
        .set_team_setting("scoring.churn_days", Some("120"))
        .unwrap();
    let followup = NewFollowUp {
        customer: CustomerKey::parse("C1"),
        at: None,
        channel: Channel::Phone,
        direction: Direction::Outbound,
        kind: FollowUpKind::Care,
        staff: None,
        summary: "hello".into(),
        outcome: String::new(),
        satisfaction: None,
        next_contact: None,
    };
    db.service.log_followup(&followup).unwrap();
    let plan = db
        .service
        .add_care_plan(&NewCarePlan {
            customer: CustomerKey::parse("C2"),
            due: loyal::service::today(),
            due_time: None,
            purpose: CarePurpose::Payment,
            assignee: None,
            note: String::new(),
            recurrence: None,
        })
        .unwrap();
    db.service
        .complete_care_plan(&plan.id, None, loyal::service::today())
        .unwrap();
    let c = db
        .service
        .open_complaint(NewComplaint {
            customer: CustomerKey::parse("C3"),
            channel: Channel::Email,
            category: "billing".into(),
            severity: Severity::Normal,
            description: "charged twice".into(),
            assignee: None,
            opened_at: None,
        })
        .unwrap();
    db.service
        .complaint_command(
            &c.id,
            ComplaintCommand::Acknowledge {
                text: String::new(),
            },
        )
        .unwrap();
    db.service
        .merge_customers(&CustomerKey::parse("C4"), &CustomerKey::parse("N1"))
        .unwrap();

    let all = db.service.audit(&AuditFilter::default()).unwrap();
    let mut actions: Vec<&str> = all.iter().map(|e| e.action.as_str()).collect();
    actions.reverse();
    assert_eq!(
        actions,
        vec![
            "role.set",
            "import.customers",
            "customer.add",
            "customer.update",
            "setting.set",
            "followup.log",
            "care.add",
            "care.done",
            "complaint.open",
            "complaint.ack",
            "customer.merge"
        ]
    );
    assert!(
        all.iter()
            .all(|e| e.staff == "loyal" && e.os_user == "unknown" && e.at > 0)
    );
    // Newest first, sequence numbers strictly increasing in time.
    assert!(all.windows(2).all(|w| w[0].seq > w[1].seq));

    let update = all.iter().find(|e| e.action == "customer.update").unwrap();
    assert_eq!(
        (update.subject.as_str(), update.detail.as_str()),
        ("N1", "name, city")
    );
    let c3 = db
        .service
        .audit(&AuditFilter {
            customer: Some(CustomerKey::parse("C3")),
            ..Default::default()
        })
        .unwrap();
    let c3: Vec<&str> = c3.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(c3, vec!["complaint.ack", "complaint.open"]);
    let card = db
        .service
        .customer_card(&CustomerKey::parse("C4"), 0)
        .unwrap();
    assert_eq!(
        card.last_change.map(|e| e.action),
        Some(String::from("customer.merge"))
    );
    assert!(
        db.service
            .audit(&AuditFilter {
                user: Some("nobody".into()),
                ..Default::default()
            })
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_save_against_an_old_version_is_refused_and_writes_nothing() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    let shown = db
        .service
        .customer_card(&CustomerKey::parse("C1"), 0)
        .unwrap()
        .customer;
    let first = CustomerInput {
        city: Some(Some("杭州".into())),
        ..Default::default()
    };
    db.service
        .update_customer(&CustomerKey::parse("C1"), &first, Some(shown.version))
        .unwrap();
    let second = CustomerInput {
        city: Some(Some("北京".into())),
        ..Default::default()
    };
    let err = db
        .service
        .update_customer(&CustomerKey::parse("C1"), &second, Some(shown.version))
        .unwrap_err();
    let ServiceError::Stale { by, version, .. } = &err else {
        panic!("expected a stale refusal, got {err}")
    };
    assert_eq!(
        (by.as_str(), *version),
        ("loyal (unknown)", shown.version + 1)
    );
    assert!(err.to_string().contains("reload it"), "{err}");
    let now = db
        .service
        .customer_card(&CustomerKey::parse("C1"), 0)
        .unwrap()
        .customer;
    assert_eq!(now.city.as_deref(), Some("杭州"));
    // Complaints too.
    let c = db
        .service
        .open_complaint(NewComplaint {
            customer: CustomerKey::parse("C1"),
            channel: Channel::Phone,
            category: "x".into(),
            severity: Severity::Low,
            description: "y".into(),
            assignee: None,
            opened_at: None,
        })
        .unwrap();
    db.service
        .complaint_command_if(
            &c.id,
            ComplaintCommand::Note { text: "a".into() },
            Some(c.version),
        )
        .unwrap();
    let stale = db.service.complaint_command_if(
        &c.id,
        ComplaintCommand::Note { text: "b".into() },
        Some(c.version),
    );
    assert!(matches!(stale, Err(ServiceError::Stale { .. })));
}

fn loyal(
    db: &std::path::Path,
    staff_config: &std::path::Path,
    args: &[&str],
) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_loyal"))
        .env("LOYAL_LANG", "en")
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LOYAL_CONFIG", staff_config)
        .output()
        .unwrap()
}

#[test]
fn two_agents_in_two_processes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.redb");
    let ann = dir.path().join("ann.toml");
    let bob = dir.path().join("bob.toml");
    std::fs::write(&ann, "staff_name = \"Ann\"\n").unwrap();
    std::fs::write(&bob, "staff_name = \"Bob\"\n").unwrap();
    let csv = dir.path().join("c.csv");
    std::fs::write(&csv, CUSTOMERS).unwrap();
    assert!(loyal(&db, &ann, &["init"]).status.success());
    assert!(
        loyal(&db, &ann, &["import", "customers", csv.to_str().unwrap()])
            .status
            .success()
    );
    assert!(
        loyal(
            &db,
            &ann,
            &["complaint", "open", "C1", "--description", "late"]
        )
        .status
        .success()
    );
    // Ann takes it; Bob tries a moment later and is told who took it.
    assert!(
        loyal(&db, &ann, &["complaint", "ack", "CM-000001"])
            .status
            .success()
    );
    let out = loyal(&db, &bob, &["complaint", "ack", "CM-000001"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success()
            && stderr.contains("acknowledged already")
            && stderr.contains("by Ann"),
        "{stderr}"
    );
    // Both edit C1 from version 1: Bob's save is refused and names Ann.
    assert!(
        loyal(
            &db,
            &ann,
            &[
                "customer",
                "edit",
                "C1",
                "--if-version",
                "1",
                "--city",
                "Hangzhou"
            ]
        )
        .status
        .success()
    );
    let out = loyal(
        &db,
        &bob,
        &[
            "customer",
            "edit",
            "C1",
            "--if-version",
            "1",
            "--city",
            "Beijing",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && stderr.contains("changed meanwhile") && stderr.contains("Ann"),
        "{stderr}"
    );
    let audit = String::from_utf8(loyal(&db, &bob, &["audit", "--customer", "C1"]).stdout).unwrap();
    let lines: Vec<&str> = audit.lines().collect();
    assert_eq!(lines.len(), 3, "{audit}");
    assert!(
        lines[0].contains("customer changed") && lines[0].contains("Ann"),
        "{audit}"
    );
    let os_user = loyal::config::os_account();
    assert!(
        lines.iter().all(|l| l.contains(&format!("({os_user})"))),
        "{audit}"
    );
}

fn open_as(path: &std::path::Path, user: &str) -> loyal::service::Service {
    let options = loyal::store::StoreOptions {
        os_user: user.to_string(),
        staff: user.to_string(),
        ..loyal::store::StoreOptions::creating()
    };
    loyal::service::Service::open(path, &options).unwrap()
}

#[test]
fn roles_decide_who_may_do_what() {
    use loyal::domain::Role;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roles.redb");
    {
        let ann = open_as(&path, "ann");
        assert_eq!(
            ann.whoami(),
            ("ann", Role::Admin),
            "the first person on a new file is admin"
        );
        common::import_into(
            &ann,
            Kind::Customers,
            CUSTOMERS,
            loyal::transfer::Format::Csv,
            Default::default(),
        )
        .unwrap();
        ann.set_role("bob", Role::Viewer).unwrap();
        assert_eq!(
            ann.roles().unwrap(),
            vec![
                ("ann".to_string(), Role::Admin),
                ("bob".to_string(), Role::Viewer)
            ]
        );
    }
    {
        let bob = open_as(&path, "bob");
        assert_eq!(bob.whoami().1, Role::Viewer);
        assert_eq!(bob.lookup("zs", 5).unwrap().len(), 1, "viewers may look up");
        let input = CustomerInput {
            external_id: "X".into(),
            name: "X".into(),
            ..Default::default()
        };
        let err = bob
            .add_customer(NewCustomer {
                input,
                allow_duplicate: true,
            })
            .unwrap_err();
        assert!(matches!(err, ServiceError::Forbidden { .. }), "{err}");
        assert!(
            err.to_string()
                .contains("bob is viewer: viewer staff may not change customer files"),
            "{err}"
        );
        assert!(
            common::import_into(
                &bob,
                Kind::Customers,
                CUSTOMERS,
                loyal::transfer::Format::Csv,
                Default::default()
            )
            .is_err()
        );
        assert!(
            bob.set_role("bob", Role::Admin).is_err(),
            "nobody promotes themselves"
        );
    }
    {
        let dave = open_as(&path, "dave");
        assert_eq!(
            dave.whoami().1,
            Role::Agent,
            "people without a role get roles.default"
        );
        let followup = NewFollowUp {
            customer: CustomerKey::parse("C1"),
            at: None,
            channel: Channel::Phone,
            direction: Direction::Outbound,
            kind: FollowUpKind::Care,
            staff: None,
            summary: "hi".into(),
            outcome: String::new(),
            satisfaction: None,
            next_contact: None,
        };
        dave.log_followup(&followup).unwrap();
        let mut out = Vec::new();
        assert!(matches!(
            dave.export(Kind::Customers, loyal::transfer::Format::Csv, &mut out),
            Err(ServiceError::Forbidden { .. })
        ));
        assert!(
            dave.set_team_setting("scoring.churn_days", Some("90"))
                .is_err()
        );
        assert!(
            dave.merge_customers(&CustomerKey::parse("C1"), &CustomerKey::parse("C2"))
                .is_err()
        );
    }
    {
        let ann = open_as(&path, "ann");
        assert!(
            ann.set_team_setting("roles.default", Some("admin"))
                .is_err()
        );
        ann.set_team_setting("roles.default", Some("viewer"))
            .unwrap();
        let mut out = Vec::new();
        ann.export(Kind::Customers, loyal::transfer::Format::Csv, &mut out)
            .unwrap();
        let changes: Vec<String> = ann
            .audit(&AuditFilter {
                user: Some("ann".into()),
                ..Default::default()
            })
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        assert!(changes.contains(&"role.set".to_string()), "{changes:?}");
    }
    assert_eq!(open_as(&path, "erin").whoami().1, Role::Viewer);
}

#[test]
fn opening_a_database_to_read_writes_nothing_and_makes_nobody_admin() {
    use loyal::domain::Role;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("noroles.redb");
    // A file with no roles yet (as from before roles existed): made by the store alone.
    drop(loyal::store::Store::open(&path, &loyal::store::StoreOptions::creating()).unwrap());
    let reader = |user: &str| {
        let options = loyal::store::StoreOptions {
            os_user: user.to_string(),
            staff: user.to_string(),
            ..loyal::store::StoreOptions::default()
        };
        loyal::service::Service::open(&path, &options).unwrap()
    };
    let before = reader("ann").change_counter().unwrap();
    // Asking questions (is it a demo? who am I?) changes nothing and gives no one admin.
    let ann = reader("ann");
    assert!(!ann.is_demo().unwrap());
    assert_eq!(ann.whoami().1, Role::Agent, "the team's default role");
    drop(ann);
    assert_eq!(
        reader("bo").change_counter().unwrap(),
        before,
        "nothing was written"
    );
    assert!(reader("bo").roles().unwrap().is_empty());
    // Creating (init) is what makes the first admin.
    let init = open_as(&path, "cy");
    assert_eq!(init.whoami().1, Role::Admin);
    assert_eq!(reader("ann").whoami().1, Role::Agent);
}
