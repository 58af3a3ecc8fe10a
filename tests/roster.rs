//! The workbench's customers table kept current from the change log: after any sequence of
//! writes (new files, changed owners, tags and referrers, orders placed, moved and changed,
//! follow-ups, complaints, merges, rolled-back imports), bringing the previous roster up to
//! date gives exactly the roster a full rebuild gives.

mod common;

use common::*;
use loyal::service::{CustomerKey, ImportOptions, Roster, RosterRow, ScoreOptions};
use loyal::store::Changed;
use loyal::transfer::Kind;
use proptest::prelude::*;

/// One write of the sequence.
#[derive(Debug, Clone)]
enum Write {
    /// A file for customer `id` (created or changed): owner, tag and referrer picked by number.
    Customer {
        id: u8,
        owner: u8,
        tag: u8,
        referrer: Option<u8>,
    },
    /// Order `order` (new or replaced) of customer `id`, `day` days into the year.
    Order {
        order: u8,
        id: u8,
        day: u16,
        cents: i32,
    },
    FollowUp {
        id: u8,
        day: u16,
    },
    Complaint {
        id: u8,
        day: u16,
    },
    Merge {
        keep: u8,
        other: u8,
    },
    /// The newest import undone.
    RollBack,
}

fn write() -> impl Strategy<Value = Write> {
    let id = 0u8..12;
    prop_oneof![
        3 => (id.clone(), 0u8..3, 0u8..3, proptest::option::of(0u8..12)).prop_map(
            |(id, owner, tag, referrer)| Write::Customer { id, owner, tag, referrer }
        ),
        5 => (0u8..30, id.clone(), 0u16..400, -2000i32..90_000)
            .prop_map(|(order, id, day, cents)| Write::Order { order, id, day, cents }),
        2 => (id.clone(), 0u16..400).prop_map(|(id, day)| Write::FollowUp { id, day }),
        1 => (id.clone(), 0u16..400).prop_map(|(id, day)| Write::Complaint { id, day }),
        1 => (id.clone(), id).prop_map(|(keep, other)| Write::Merge { keep, other }),
        1 => Just(Write::RollBack),
    ]
}

fn day(n: u16) -> String {
    let start = chrono::NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    (start + chrono::Duration::days(i64::from(n)))
        .format("%Y-%m-%d")
        .to_string()
}

/// Carries out one write; refusals (an order for a customer merged away, say) are fine.
fn apply(db: &TestDb, write: &Write, seq: usize) {
    let quiet = ImportOptions::default();
    let done = |_| ();
    match write {
        Write::Customer {
            id,
            owner,
            tag,
            referrer,
        } => {
            let referrer = referrer.map(|r| format!("K{r}")).unwrap_or_default();
            let csv = format!(
                "customer_id,name,tags,referred_by,owner\nK{id},客户{id},t{tag},{referrer},Owner {owner}\n"
            );
            db.import(Kind::Customers, &csv, quiet).map(done)
        }
        Write::Order {
            order,
            id,
            day: d,
            cents,
        } => {
            let amount = format!("{}.{:02}", cents / 100, (cents % 100).abs());
            let amount = if *cents < 0 && cents / 100 == 0 {
                format!("-{amount}")
            } else {
                amount
            };
            let csv = format!(
                "order_id,customer_id,ordered_at,amount\nO{order},K{id},{},{amount}\n",
                day(*d)
            );
            db.import(Kind::Orders, &csv, quiet).map(done)
        }
        Write::FollowUp { id, day: d } => {
            let csv = format!(
                "followup_id,customer_id,at,channel,summary\nF{seq},K{id},{}T10:00:00Z,phone,called\n",
                day(*d)
            );
            db.import(Kind::FollowUps, &csv, quiet).map(done)
        }
        Write::Complaint { id, day: d } => {
            let csv = format!(
                "complaint_id,customer_id,opened_at,description\nM{seq},K{id},{}T10:00:00Z,late\n",
                day(*d)
            );
            db.import(Kind::Complaints, &csv, quiet).map(done)
        }
        Write::Merge { keep, other } => {
            let key = |n: &u8| CustomerKey::External(format!("K{n}"));
            db.service
                .merge_customers(&key(keep), &key(other))
                .map(|_| ())
        }
        Write::RollBack => {
            let newest = db.service.imports().ok().and_then(|i| i.last().map(|r| r.id));
            match newest {
                Some(id) => db
                    .service
                    .rollback_import(id, &mut |_, _| {})
                    .map(|_| ()),
                None => Ok(()),
            }
        }
    }
    .unwrap_or(());
}

/// The rows with owner and tag names spelled out (their numbers depend on the order they were
/// first seen in).
fn named(roster: &Roster) -> Vec<(RosterRow, Option<String>, Vec<String>)> {
    roster
        .rows
        .iter()
        .map(|row| {
            let owner = roster.owner_name(row).map(String::from);
            let tags = row
                .tags
                .iter()
                .map(|t| roster.tags[*t as usize].clone())
                .collect();
            let mut plain = row.clone();
            plain.owner = None;
            // The update values with the fit of the roster it started from; compared apart.
            plain.lifetime = None;
            plain.tags = Vec::new().into();
            (plain, owner, tags)
        })
        .collect()
}

fn options() -> ScoreOptions {
    ScoreOptions {
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 3, 1),
        ..ScoreOptions::default()
    }
}

/// Everyone starts with a file, so that most writes land.
fn seeded() -> TestDb {
    let db = TestDb::new();
    let mut csv = String::from("customer_id,name,owner\n");
    for id in 0..12 {
        csv.push_str(&format!("K{id},客户{id},Owner 0\n"));
    }
    db.import_ok(Kind::Customers, &csv);
    db
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn an_updated_roster_equals_a_rebuilt_one(writes in proptest::collection::vec(write(), 1..14)) {
        let db = seeded();
        let mut roster: Roster = db.service.roster(&options()).unwrap();
        for (seq, w) in writes.iter().enumerate() {
            apply(&db, w, seq);
            let updated = db.service.roster_since(&roster, &options()).unwrap();
            let rebuilt = db.service.roster(&options()).unwrap();
            prop_assert_eq!(named(&updated), named(&rebuilt), "after {:?}", w);
            // With the same models (no order moved them), the values are the same too.
            if updated.lifetime.as_ref().map(|f| f.models) == rebuilt.lifetime.as_ref().map(|f| f.models) {
                let values = |r: &Roster| r.rows.iter().map(|row| row.lifetime).collect::<Vec<_>>();
                prop_assert_eq!(values(&updated), values(&rebuilt), "after {:?}", w);
                prop_assert_eq!(&updated.slipping, &rebuilt.slipping);
            }
            prop_assert_eq!(&updated.reports, &rebuilt.reports, "after {:?}", w);
            prop_assert_eq!(updated.change_counter, rebuilt.change_counter);
            roster = updated;
        }
    }
}

#[test]
fn the_change_log_names_the_customers_a_commit_touched() {
    let db = seeded();
    let before = db.service.change_counter().unwrap();
    db.import_ok(
        Kind::Orders,
        "order_id,customer_id,ordered_at,amount\nO1,K3,2025-07-01,10.00\nO2,K5,2025-07-02,5.00\n",
    );
    let Changed::Customers(ids) = db.service.changed_since(before).unwrap() else {
        panic!("a two-order import should list its customers");
    };
    let id = |ext: &str| {
        db.service
            .resolve(&CustomerKey::External(ext.to_string()))
            .unwrap()
    };
    assert_eq!(ids, [id("K3"), id("K5")]);
    // Nothing happened since the last commit.
    let now = db.service.change_counter().unwrap();
    assert_eq!(
        db.service.changed_since(now).unwrap(),
        Changed::Customers(vec![])
    );
    // A counter the file never reached (another file took its place): read everything.
    assert_eq!(
        db.service.changed_since(now + 5).unwrap(),
        Changed::Everyone
    );
}

#[test]
fn a_big_commit_says_everyone_and_the_update_rebuilds() {
    let db = seeded();
    let roster = db.service.roster(&options()).unwrap();
    let mut csv = String::from("customer_id,name\n");
    for id in 0..5000 {
        csv.push_str(&format!("N{id},New {id}\n"));
    }
    let before = db.service.change_counter().unwrap();
    db.import_ok(Kind::Customers, &csv);
    assert_eq!(db.service.changed_since(before).unwrap(), Changed::Everyone);
    let updated = db.service.roster_since(&roster, &options()).unwrap();
    assert_eq!(updated.rows.len(), 5012);
    assert_eq!(
        named(&updated),
        named(&db.service.roster(&options()).unwrap())
    );
}

#[test]
fn another_date_rebuilds() {
    let db = seeded();
    db.import_ok(
        Kind::Orders,
        "order_id,customer_id,ordered_at,amount\nO1,K3,2025-07-01,10.00\nO2,K3,2026-07-02,5.00\n",
    );
    let roster = db.service.roster(&options()).unwrap();
    let later = ScoreOptions {
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 12, 1),
        ..ScoreOptions::default()
    };
    let updated = db.service.roster_since(&roster, &later).unwrap();
    assert_eq!(named(&updated), named(&db.service.roster(&later).unwrap()));
    let k3 = updated.rows.iter().find(|r| &*r.name == "客户3").unwrap();
    assert_eq!(k3.orders.map(|o| o.count), Some(2));
}
