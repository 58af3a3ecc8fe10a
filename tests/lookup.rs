//! The phone-call path: lookups by phone suffix, formatted phone, pinyin, initials, typos,
//! email, id and company, ranked best first.

mod common;

use common::*;
use loyal::service::{CustomerKey, LookupHit, MatchKind};
use loyal::transfer::Kind;

fn db() -> TestDb {
    let db = TestDb::new();
    db.import_ok(Kind::Customers, CUSTOMERS);
    db.import_ok(
        Kind::Customers,
        "customer_id,name,phone\nC5,张三丰,13700000001\nC6,Johnny Smithers,5550000006\nC7,赵思,8000\n",
    );
    db
}

fn ids(hits: &[LookupHit]) -> Vec<String> {
    hits.iter()
        .map(|h| h.customer.external_id.clone())
        .collect()
}

#[test]
fn last_four_digits_of_a_phone() {
    let db = db();
    let hits = db.service.lookup("8000", 10).unwrap();
    // C7's whole number is 8000: an exact phone beats C1's suffix match.
    assert_eq!(ids(&hits), vec!["C7", "C1"]);
    assert_eq!(hits[0].kind, MatchKind::Phone);
    assert_eq!(hits[1].kind, MatchKind::PhoneSuffix);
    assert_eq!(ids(&db.service.lookup("0138000", 10).unwrap()), vec!["C1"]);
}

#[test]
fn formatting_of_the_phone_does_not_matter() {
    let db = db();
    for query in [
        "13800138000",
        "138-0013-8000",
        "+86 138 0013 8000",
        "(86) 13800138000",
        "+8613800138000",
    ] {
        let hits = db.service.lookup(query, 5).unwrap();
        assert_eq!(
            ids(&hits).first().map(String::as_str),
            Some("C1"),
            "query {query}"
        );
        assert_eq!(hits[0].kind, MatchKind::Phone, "query {query}");
    }
    assert_eq!(
        ids(&db.service.lookup("555 010 2030", 5).unwrap()),
        vec!["C2"]
    );
}

#[test]
fn chinese_names_by_pinyin_and_initials() {
    let db = db();
    assert_eq!(
        ids(&db.service.lookup("zhangsan", 5).unwrap()),
        vec!["C1", "C5"]
    );
    assert_eq!(ids(&db.service.lookup("zs", 5).unwrap())[0], "C1");
    assert_eq!(ids(&db.service.lookup("ZS", 5).unwrap())[0], "C1");
    assert!(ids(&db.service.lookup("zsf", 5).unwrap()).contains(&"C5".to_string()));
    assert_eq!(
        ids(&db.service.lookup("张三", 5).unwrap()),
        vec!["C1", "C5"]
    );
    assert_eq!(ids(&db.service.lookup("lisi", 5).unwrap()), vec!["C4"]);
    assert_eq!(ids(&db.service.lookup("zhang san", 5).unwrap())[0], "C1");
}

#[test]
fn names_exact_prefix_and_with_typos() {
    let db = db();
    // Exact word beats a longer word that merely starts the same.
    assert_eq!(
        ids(&db.service.lookup("smith", 5).unwrap()),
        vec!["C2", "C6"]
    );
    assert_eq!(
        ids(&db.service.lookup("John", 5).unwrap()),
        vec!["C2", "C6"]
    );
    // Typos: substitution, transposition, missing letter.
    for typo in ["smyth", "simth", "smth", "jhon smith"] {
        assert_eq!(
            ids(&db.service.lookup(typo, 5).unwrap())
                .first()
                .map(String::as_str),
            Some("C2"),
            "query {typo}"
        );
    }
    // Family name first, whole.
    assert_eq!(ids(&db.service.lookup("Smith John", 5).unwrap())[0], "C2");
    assert_eq!(
        db.service.lookup("smithjohn", 5).unwrap()[0].kind,
        MatchKind::Exact
    );
    let hit = &db.service.lookup("smyth", 5).unwrap()[0];
    assert_eq!(hit.kind, MatchKind::Fuzzy);
    // Accents fold: "garcia" finds María García.
    assert_eq!(
        ids(&db.service.lookup("maria garcia", 5).unwrap()),
        vec!["C3"]
    );
    assert!(db.service.lookup("qqqq", 5).unwrap().is_empty());
}

#[test]
fn email_external_id_and_company() {
    let db = db();
    assert_eq!(
        ids(&db.service.lookup("john@example.com", 5).unwrap()),
        vec!["C2"]
    );
    assert_eq!(ids(&db.service.lookup("zhang@", 5).unwrap()), vec!["C1"]);
    // An email is never read as a name with a typo (`jon` is one typo from John).
    assert!(db.service.lookup("jon@", 5).unwrap().is_empty());
    assert_eq!(ids(&db.service.lookup("c3", 5).unwrap())[0], "C3");
    assert_eq!(ids(&db.service.lookup("acme", 5).unwrap()), vec!["C2"]);
    assert_eq!(ids(&db.service.lookup("蓝天", 5).unwrap()), vec!["C1"]);
}

#[test]
fn limit_and_empty_queries() {
    let db = db();
    assert_eq!(db.service.lookup("zhang", 1).unwrap().len(), 1);
    assert!(db.service.lookup("   ", 5).unwrap().is_empty());
    assert!(db.service.lookup("\u{1b}[2J", 5).unwrap().is_empty());
}

#[test]
fn edits_move_the_index_entries() {
    let db = db();
    let input = loyal::transfer::CustomerInput {
        name: String::from("Jane Doe"),
        phones: Some(vec![String::from("+1 555 777 1234")]),
        ..Default::default()
    };
    db.service
        .update_customer(&CustomerKey::parse("C2"), &input, None)
        .unwrap();
    assert!(
        db.service
            .lookup("smith", 5)
            .unwrap()
            .iter()
            .all(|h| h.customer.external_id != "C2")
    );
    assert!(db.service.lookup("0102030", 5).unwrap().is_empty());
    assert_eq!(ids(&db.service.lookup("1234", 5).unwrap()), vec!["C2"]);
    assert_eq!(ids(&db.service.lookup("doe", 5).unwrap()), vec!["C2"]);
}

#[test]
fn fixtures_answer_real_lookups() {
    let db = fixture_db();
    // Every fixture customer is found by the last four digits of its first phone, and by its id.
    let export = db.export(Kind::Customers, loyal::transfer::Format::Csv);
    let mut reader = csv::Reader::from_reader(export.as_bytes());
    for record in reader.records() {
        let record = record.unwrap();
        let (id, phone) = (&record[0], &record[2]);
        let digits = loyal::search::phone_digits(phone.split(';').next().unwrap());
        let suffix = &digits[digits.len() - 4..];
        let hits = db.service.lookup(suffix, 50).unwrap();
        assert!(
            ids(&hits).contains(&id.to_string()),
            "{id} not found by {suffix}"
        );
        assert_eq!(
            ids(&db.service.lookup(id, 1).unwrap()),
            vec![id.to_string()]
        );
    }
}

#[test]
fn several_common_words_still_find_the_one_customer() {
    let db = TestDb::new();
    let mut text = String::from("customer_id,name\n");
    for i in 0..300 {
        text.push_str(&format!("A{i},Anna Berg{i}\nS{i},Tom{i} Smith\n"));
    }
    text.push_str("TARGET,Anna Smith\n");
    db.import_ok(Kind::Customers, &text);
    for query in ["smith anna", "anna smith", "smith ann", "smyth anna"] {
        let hits = db.service.lookup(query, 5).unwrap();
        assert_eq!(
            ids(&hits).first().map(String::as_str),
            Some("TARGET"),
            "query {query}"
        );
    }
}

#[test]
fn a_query_past_the_bounds_is_refused_and_one_within_them_is_quick() {
    use loyal::service::{MAX_QUERY_CHARS, MAX_QUERY_WORDS};
    let db = db();
    let started = std::time::Instant::now();
    let long = "x".repeat(MAX_QUERY_CHARS + 1);
    let error = db.service.lookup(&long, 5).unwrap_err().to_string();
    assert!(error.contains("at most 256"), "{error}");
    let wordy = vec!["ab"; MAX_QUERY_WORDS + 1].join(" ");
    let error = db.service.lookup(&wordy, 5).unwrap_err().to_string();
    assert!(error.contains("words"), "{error}");
    // The pastes that took minutes are refused at once.
    assert!(db.service.lookup(&vec!["ab"; 10_000].join(" "), 5).is_err());
    assert!(db.service.lookup(&"ab".repeat(50_000), 5).is_err());
    // At the bounds a lookup still runs, typo matching included.
    let word: String = (0..MAX_QUERY_CHARS)
        .map(|i| char::from(b'a' + (i * 7 % 26) as u8))
        .collect();
    assert!(db.service.lookup(&word, 5).unwrap().is_empty());
    let words = ["smith"; MAX_QUERY_WORDS].join(" ");
    assert_eq!(ids(&db.service.lookup(&words, 5).unwrap())[0], "C2");
    let elapsed = started.elapsed();
    assert!(elapsed < std::time::Duration::from_secs(2), "{elapsed:?}");
}

#[test]
fn an_id_reference_and_a_merged_away_id_are_found_first() {
    let db = db();
    let c4 = db.service.resolve(&CustomerKey::parse("C4")).unwrap();
    let hits = db.service.lookup(&format!("#{c4}"), 5).unwrap();
    assert_eq!(ids(&hits).first().map(String::as_str), Some("C4"));
    assert_eq!(
        (hits[0].kind, hits[0].field.as_str()),
        (MatchKind::Exact, "id")
    );
    db.service
        .merge_customers(&CustomerKey::parse("C2"), &CustomerKey::parse("C3"))
        .unwrap();
    // C3 is gone from the index but still names the file it was merged into.
    let hits = db.service.lookup("C3", 5).unwrap();
    assert_eq!(ids(&hits).first().map(String::as_str), Some("C2"));
    assert_eq!(hits[0].matched, "C3");
    assert!(db.service.lookup("#999999", 5).unwrap().is_empty());
}
