//! Storage guarantees: schema-version refusal, aggregates that always equal a recount of the
//! orders, merges that move everything, and one transaction per action.

mod common;

use common::*;
use loyal::domain::{Money, Order, OrderAggregate};
use loyal::service::{CustomerKey, Service, ServiceError};
use loyal::store::{Store, StoreError, StoreOptions};
use loyal::transfer::Kind;
use proptest::prelude::*;
use std::collections::HashMap;

#[test]
fn a_database_from_a_newer_loyal_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.redb");
    {
        let store = Store::open(&path, &StoreOptions::creating()).unwrap();
        assert_eq!(
            store.schema_version().unwrap(),
            Some(loyal::store::schema::SCHEMA_VERSION)
        );
        store
            .force_schema_version(loyal::store::schema::SCHEMA_VERSION + 1)
            .unwrap();
    }
    let err = Store::open(&path, &StoreOptions::creating()).unwrap_err();
    let current = loyal::store::schema::SCHEMA_VERSION;
    assert!(
        matches!(err, StoreError::NewerSchema { found, supported, .. } if found == current + 1 && supported == current),
        "{err}"
    );
    assert!(err.to_string().contains("newer loyal"), "{err}");
}

#[test]
fn an_older_database_is_migrated_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.redb");
    {
        let store = Store::open(&path, &StoreOptions::creating()).unwrap();
        store.force_schema_version(0).unwrap();
    }
    let store = Store::open(&path, &StoreOptions::creating()).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        Some(loyal::store::schema::SCHEMA_VERSION)
    );
}

#[test]
fn a_file_that_is_not_a_database_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "just some text, not a database at all ".repeat(200)).unwrap();
    let err = Store::open(&path, &StoreOptions::creating()).unwrap_err();
    assert!(err.to_string().contains("notes.txt"), "{err}");
}

#[cfg(unix)]
#[test]
fn new_databases_are_private_to_their_owner() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dir/x.redb");
    Store::open(&path, &StoreOptions::creating()).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(
        std::fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o700
    );
}

#[test]
fn a_failed_action_leaves_nothing_behind() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    let counter = db.service.change_counter().unwrap();
    let result: Result<(), ServiceError> = db.service.test_store().write(|w| {
        let id = w.resolve_external("C1")?.expect("C1");
        let order = Order {
            order_id: "X".into(),
            customer: id,
            ordered_at: 0,
            amount: Money(5),
            items: None,
            category: None,
            channel: None,
        };
        w.upsert_order(&order)?;
        Err(ServiceError::invalid("test", "abort"))
    });
    assert!(result.is_err());
    assert_eq!(db.service.stats().unwrap().orders, 0);
    assert_eq!(db.service.change_counter().unwrap(), counter);
}

#[test]
fn merge_moves_everything_and_old_ids_resolve_to_the_kept_file() {
    let db = fixture_db();
    let reader = db.service.test_store().read().unwrap();
    // Pick two customers that both have orders, and find what they own.
    let with_orders: Vec<u64> = reader
        .aggregates()
        .unwrap()
        .map(|a| a.unwrap().0)
        .take(2)
        .collect();
    let (keep, other) = (with_orders[0], with_orders[1]);
    let before_keep = reader.aggregate(keep).unwrap();
    let before_other = reader.aggregate(other).unwrap();
    let other_followups = reader.followups_of(other).unwrap().len();
    let keep_followups = reader.followups_of(keep).unwrap().len();
    let other_ext = reader.customer(other).unwrap().unwrap().external_id;
    let other_referrals = reader.referrals_of(other).unwrap();
    let customers_before = reader.customer_count().unwrap();
    drop(reader);

    let (kept, moved) = db
        .service
        .merge_customers(
            &CustomerKey::Internal(keep),
            &CustomerKey::External(other_ext.clone()),
        )
        .unwrap();
    assert_eq!(moved.orders, before_other.order_count);
    assert_eq!(moved.followups as usize, other_followups);

    let reader = db.service.test_store().read().unwrap();
    let mut expected = before_keep;
    expected.merge(&before_other).unwrap();
    assert_eq!(reader.aggregate(keep).unwrap(), expected);
    assert_eq!(reader.aggregate(other).unwrap(), OrderAggregate::default());
    assert_eq!(
        reader.followups_of(keep).unwrap().len(),
        keep_followups + other_followups
    );
    assert_eq!(reader.customer_count().unwrap(), customers_before - 1);
    assert_eq!(reader.resolve_external(&other_ext).unwrap(), Some(keep));
    assert_eq!(reader.customer(other).unwrap().map(|c| c.id), Some(keep));
    for referred in other_referrals {
        if referred != keep {
            assert_eq!(
                reader.customer(referred).unwrap().unwrap().referred_by,
                Some(keep)
            );
        }
    }
    let card = db
        .service
        .customer_card(&CustomerKey::External(other_ext.clone()), 0)
        .unwrap();
    assert_eq!(card.customer.id, keep);
    assert_eq!(card.merged_ids, vec![other_ext]);
    assert_eq!(kept.id, keep);
    assert!(matches!(
        db.service
            .merge_customers(&CustomerKey::Internal(keep), &CustomerKey::Internal(other)),
        Err(ServiceError::Invalid { .. })
    ));
}

fn recount(orders: &HashMap<String, (u64, i64, i64)>, customer: u64) -> OrderAggregate {
    let mut agg = OrderAggregate::default();
    for (c, at, amount) in orders.values() {
        if *c == customer {
            agg.add(*at, Money(*amount)).unwrap();
        }
    }
    agg
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever sequence of order writes (new, changed, moved between customers), every stored
    /// aggregate equals a recount straight from the final orders.
    #[test]
    fn aggregates_always_equal_a_recount(writes in prop::collection::vec((0u8..12, 0u64..4, -1000i64..1000, -500i64..50_000), 1..60)) {
        let dir = tempfile::tempdir().unwrap();
        let service = Service::open(&dir.path().join("p.redb"), &StoreOptions::creating()).unwrap();
        let customers: Vec<u64> = service.test_store().write(|w| {
            (0..4).map(|i| w.insert_customer(loyal::domain::Customer::new(format!("C{i}"), "x", 0))).collect::<Result<Vec<_>, _>>()
        }).map_err(|e: StoreError| e).unwrap();
        let mut truth: HashMap<String, (u64, i64, i64)> = HashMap::new();
        for (order, customer, day, amount) in writes {
            let order_id = format!("O{order}");
            let entry = (customers[customer as usize], day * 86_400_000, amount);
            service.test_store().write(|w| {
                w.upsert_order(&Order { order_id: order_id.clone(), customer: entry.0, ordered_at: entry.1, amount: Money(entry.2), items: None, category: None, channel: None })
            }).map_err(|e: StoreError| e).unwrap();
            truth.insert(order_id, entry);
        }
        let reader = service.test_store().read().unwrap();
        for &c in &customers {
            prop_assert_eq!(reader.aggregate(c).unwrap(), recount(&truth, c));
            prop_assert_eq!(reader.order_points_of(c).unwrap().len() as u64, recount(&truth, c).order_count);
        }
    }
}

#[test]
fn merging_a_file_that_absorbed_others_keeps_every_old_id_working() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    db.import_ok(Kind::Orders, ORDERS);
    let key = CustomerKey::parse;
    db.service.merge_customers(&key("C1"), &key("C2")).unwrap();
    db.service.merge_customers(&key("C3"), &key("C1")).unwrap();
    let reader = db.service.test_store().read().unwrap();
    let c3 = reader.resolve_external("C3").unwrap().unwrap();
    for old in ["C1", "C2"] {
        assert_eq!(reader.resolve_external(old).unwrap(), Some(c3), "{old}");
    }
    // All orders of C1 (2) and C2 (1) ended up on C3, and the aggregate agrees.
    let aggregate = reader.aggregate(c3).unwrap();
    assert_eq!(
        (aggregate.order_count, aggregate.total),
        (3, Money(12050 + 8000 + 1999))
    );
    assert_eq!(reader.orders_of(c3).unwrap().len(), 3);
}

#[test]
fn an_order_written_unseen_that_appeared_meanwhile_is_replaced_properly() {
    // An import's reader thread saw no such order; a colleague added it before the write.
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    let order = |customer: u64, amount: i64| Order {
        order_id: "RACE".into(),
        customer,
        ordered_at: 1_700_000_000_000,
        amount: Money(amount),
        items: None,
        category: None,
        channel: None,
    };
    let (c1, c2) = db
        .service
        .test_store()
        .write(|w| -> Result<_, StoreError> {
            let c1 = w.resolve_external("C1")?.expect("C1");
            let c2 = w.resolve_external("C2")?.expect("C2");
            w.upsert_order(&order(c1, 500))?;
            Ok((c1, c2))
        })
        .unwrap();
    // The same order: nothing changes. Another one, for another customer: both totals follow.
    let (same, _) = db
        .service
        .test_store()
        .write(|w| w.insert_unseen_order(&order(c1, 500)))
        .unwrap();
    assert_eq!(same, loyal::store::Change::Unchanged);
    let (changed, before) = db
        .service
        .test_store()
        .write(|w| w.insert_unseen_order(&order(c2, 700)))
        .unwrap();
    assert_eq!(changed, loyal::store::Change::Updated);
    assert_eq!(before, Some(order(c1, 500)));
    let reader = db.service.test_store().read().unwrap();
    assert_eq!(reader.aggregate(c1).unwrap().order_count, 0);
    assert_eq!(reader.aggregate(c2).unwrap().total, Money(700));
    assert_eq!(reader.order("RACE").unwrap(), Some(order(c2, 700)));
    // A new one is simply created.
    drop(reader);
    let (created, before) = db
        .service
        .test_store()
        .write(|w| {
            let mut fresh = order(c1, 100);
            fresh.order_id = "NEW".into();
            w.insert_unseen_order(&fresh)
        })
        .unwrap();
    assert_eq!((created, before), (loyal::store::Change::Created, None));
}

#[test]
fn the_change_log_starts_at_the_upgrade_from_version_9() {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    db.import_ok(Kind::Orders, ORDERS);
    let path = db.path();
    let before = db.service.change_counter().unwrap();
    drop(db.service);
    {
        let store = Store::open(&path, &StoreOptions::default()).unwrap();
        // What a file written by a build at version 9 would know of its commits.
        let r = store.read().unwrap();
        assert!(matches!(
            r.changed_since(before - 1).unwrap(),
            loyal::store::Changed::Customers(ids) if ids.len() == 3
        ));
        drop(r);
        store.force_schema_version(9).unwrap();
    }
    let store = Store::open(&path, &StoreOptions::default()).unwrap();
    let r = store.read().unwrap();
    let now = r.change_counter().unwrap();
    assert_eq!(
        r.changed_since(before - 1).unwrap(),
        loyal::store::Changed::Everyone,
        "commits before the upgrade are not in the log"
    );
    assert_eq!(
        r.changed_since(now).unwrap(),
        loyal::store::Changed::Customers(vec![])
    );
}
