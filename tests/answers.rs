//! The QA library of canned answers through the real binary: add, find by pinyin and initials,
//! change with stale saves refused, use with placeholders filled and counted, and bring a
//! library in and out again.

mod common;

use common::cli::{Cli, path};

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn ids(found: &serde_json::Value) -> Vec<String> {
    found
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect()
}

fn library() -> Cli {
    let cli = Cli::with_customers();
    cli.ok(&[
        "answers",
        "add",
        "--title",
        "退款流程",
        "--text",
        "{name}您好，退款已受理（{complaint}），{due} 前到账。{staff}",
        "--tags",
        "退款，售后",
    ]);
    cli.ok(&[
        "answers",
        "add",
        "--title",
        "Late delivery",
        "--text",
        "Dear {name}, your parcel is on its way. {unknown}",
        "--tags",
        "delivery",
        "--lang",
        "en",
    ]);
    cli
}

#[test]
fn chinese_answers_are_found_by_characters_pinyin_and_initials() {
    let cli = library();
    for query in ["退款", "tuikuan", "tk", "tuik", "退款流程"] {
        let found = json(&cli.ok(&["answers", "search", query, "--format", "json"]));
        assert_eq!(ids(&found), ["A-0001"], "query {query}");
    }
    // English by prefix and with a typo; nothing for what is in neither.
    for query in ["deliv", "delivry", "parcel"] {
        let found = json(&cli.ok(&["answers", "search", query, "--format", "json"]));
        assert_eq!(ids(&found), ["A-0002"], "query {query}");
    }
    let none = json(&cli.ok(&["answers", "search", "xyzzy", "--format", "json"]));
    assert_eq!(ids(&none), Vec::<String>::new());
    let tagged = json(&cli.ok(&["answers", "list", "--tag", "售后", "--format", "json"]));
    assert_eq!(ids(&tagged), ["A-0001"]);
    assert_eq!(tagged[0]["tags"], serde_json::json!(["退款", "售后"]));
}

#[test]
fn using_an_answer_fills_its_placeholders_and_counts_the_use() {
    let cli = library();
    cli.ok(&["complaint", "open", "C1", "--description", "退货"]);
    let text = cli.ok(&["answers", "use", "A-0001", "--complaint", "CM-000001"]);
    assert!(
        text.starts_with("张三您好，退款已受理（CM-000001），"),
        "{text}"
    );
    assert!(
        !text.contains("{due}") && !text.contains("{staff}"),
        "{text}"
    );
    // Without a customer the name stays as written; a placeholder loyal does not know stays.
    let used = json(&cli.ok(&["answers", "use", "A-0002", "--format", "json"]));
    assert_eq!(
        used["text"],
        "Dear {name}, your parcel is on its way. {unknown}"
    );
    let by_key = cli.ok(&["answers", "use", "A-0002", "--customer", "C2"]);
    assert!(by_key.starts_with("Dear John Smith,"), "{by_key}");
    let shown = json(&cli.ok(&["answers", "show", "A-0001", "--format", "json"]));
    assert_eq!(shown["uses"], 1);
    assert_eq!(shown["version"], 1, "a use is not a change");
    let err = cli.fails(&["answers", "use", "A-0001", "--complaint", "CM-000099"]);
    assert!(err.contains("CM-000099"), "{err}");
}

#[test]
fn an_edit_against_an_older_version_is_refused_and_changes_are_audited() {
    let cli = library();
    cli.ok(&[
        "answers",
        "edit",
        "A-0001",
        "--if-version",
        "1",
        "--tags",
        "退款",
    ]);
    let err = cli.fails(&[
        "answers",
        "edit",
        "A-0001",
        "--if-version",
        "1",
        "--text",
        "x",
    ]);
    assert!(err.contains("changed meanwhile"), "{err}");
    let shown = json(&cli.ok(&["answers", "show", "A-0001", "--format", "json"]));
    assert_eq!(shown["version"], 2);
    assert_eq!(shown["tags"], serde_json::json!(["退款"]));
    assert!(shown["text"].as_str().unwrap().contains("{name}"));
    let err = cli.fails(&["answers", "add", "--title", "", "--text", "x"]);
    assert!(err.contains("needs a title"), "{err}");
    let err = cli.fails(&["answers", "remove", "A-0001", "--if-version", "1"]);
    assert!(
        err.contains("changed meanwhile"),
        "a stale removal is refused: {err}"
    );
    cli.ok(&["answers", "remove", "A-0002", "--if-version", "1"]);
    let err = cli.fails(&["answers", "show", "A-0002"]);
    assert!(err.contains("no answer A-0002"), "{err}");
    let audit = cli.ok(&["audit", "--format", "json"]);
    for action in ["answer.add", "answer.edit", "answer.remove"] {
        assert!(audit.contains(action), "{action}: {audit}");
    }
}

#[test]
fn an_export_imports_again_unchanged_in_csv_and_json() {
    let cli = library();
    for format in ["csv", "json"] {
        let file = cli.dir.path().join(format!("answers.{format}"));
        cli.ok(&[
            "answers",
            "export",
            "--format",
            format,
            "--out",
            path(&file),
        ]);
        let out = cli.ok(&["answers", "import", path(&file)]);
        assert!(out.contains("0 added, 0 changed, 2 unchanged"), "{out}");
    }
    // Another library: one answer known by id and changed, one by title, one new.
    let file = cli.file(
        "more.csv",
        "编号,标题,内容,标签\nA-0002,Late delivery,\"Dear {name},\nsorry.\",delivery\n,退款流程,{name}您好，退款已受理（{complaint}），{due} 前到账。{staff},\"退款, 售后\"\n,物流查询,正在配送,物流\n",
    );
    let out = cli.ok(&["answers", "import", path(&file)]);
    assert!(out.contains("1 added, 1 changed, 1 unchanged"), "{out}");
    let late = json(&cli.ok(&["answers", "show", "A-0002", "--format", "json"]));
    assert_eq!(late["text"], "Dear {name},\nsorry.");
    assert_eq!(
        late["lang"],
        serde_json::Value::Null,
        "the file has no lang column"
    );
}

#[test]
fn a_bad_row_names_its_file_line_and_field_and_nothing_is_written() {
    let cli = library();
    let file = cli.file(
        "bad.csv",
        "title,text\nGood one,fine\n,no title here\nTwice,a\nTwice,b\n",
    );
    let out = cli.run(&["answers", "import", path(&file)]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains("bad.csv:3: title:"), "{stderr}");
    assert!(stderr.contains("bad.csv:5: title:"), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    let all = json(&cli.ok(&["answers", "list", "--format", "json"]));
    assert_eq!(ids(&all).len(), 2, "all or nothing");
    let out = cli.ok(&["answers", "import", path(&file), "--skip-bad"]);
    assert!(
        out.contains("2 added") && out.contains("2 bad rows"),
        "{out}"
    );
    let missing = cli.file("nocol.csv", "title,tags\nx,y\n");
    let err = cli.fails(&["answers", "import", path(&missing)]);
    assert!(err.contains("nocol.csv:1: text:"), "{err}");
}

#[test]
fn a_gbk_library_imports_and_the_chinese_interface_speaks_chinese() {
    let cli = Cli::new();
    let (bytes, _, bad) = encoding_rs::GBK.encode("标题,内容\n发票,您好，发票已开具。\n");
    assert!(!bad);
    let file = cli.dir.path().join("话术.csv");
    std::fs::write(&file, &bytes).unwrap();
    let out = cli.run_zh(&["answers", "import", path(&file)]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("新增 1 条"), "{stdout}");
    let found = json(&cli.ok(&["answers", "search", "fp", "--format", "json"]));
    assert_eq!(found[0]["title"], "发票");
}

#[test]
fn the_demo_ships_a_starter_library_in_both_languages() {
    let cli = Cli::bare();
    cli.ok(&["demo", "--no-tui"]);
    let all = json(&cli.ok(&["answers", "list", "--format", "json"]));
    let langs: std::collections::BTreeSet<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["lang"].as_str())
        .collect();
    assert_eq!(langs.into_iter().collect::<Vec<_>>(), ["en", "zh"]);
    let refund = json(&cli.ok(&["answers", "search", "tuikuan", "--format", "json"]));
    assert_eq!(refund[0]["title"], "退款流程");
}

#[test]
fn control_characters_in_an_answer_never_reach_the_terminal_raw() {
    let cli = Cli::new();
    let title = "evil\u{1b}[31mred\u{202e}";
    let text = "line\u{1b}]0;pwn\u{7}end";
    let mut printed = cli.ok(&["answers", "add", "--title", title, "--text", text]);
    for args in [
        &["answers", "list"][..],
        &["answers", "show", "A-0001"],
        &["answers", "use", "A-0001"],
        &["answers", "search", "evil"],
        &["answers", "remove", "A-0001"],
    ] {
        printed.push_str(&cli.ok(args));
    }
    assert!(
        !printed.contains('\u{1b}') && !printed.contains('\u{202e}') && !printed.contains('\u{7}'),
        "{printed:?}"
    );
}

mod service {
    use super::common::TestDb;
    use loyal::domain::NewAnswer;
    use loyal::service::{AnswerCase, CustomerKey, NewCarePlan, Request, Response};
    use loyal::transfer::{Format, Kind, Lined};

    fn new(title: &str, text: &str) -> NewAnswer {
        NewAnswer {
            title: title.into(),
            text: text.into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_care_plan_fills_due_and_the_request_api_searches_and_uses() {
        let db = TestDb::new();
        db.import_ok(Kind::Customers, super::common::CUSTOMERS);
        let plan = db
            .service
            .add_care_plan(&NewCarePlan {
                customer: CustomerKey::parse("C4"),
                due: chrono::NaiveDate::from_ymd_opt(2030, 1, 2).unwrap(),
                due_time: None,
                purpose: loyal::domain::CarePurpose::Reorder,
                assignee: None,
                note: String::new(),
                recurrence: None,
            })
            .unwrap();
        let Response::Answer(added) = db
            .service
            .handle(Request::AddAnswer(new(
                "续订提醒",
                "{name}，记得 {due} 续订",
            )))
            .unwrap()
        else {
            panic!("not an answer")
        };
        let Response::Answers(found) = db
            .service
            .handle(Request::SearchAnswers {
                query: "xd".into(),
                limit: 5,
            })
            .unwrap()
        else {
            panic!("not answers")
        };
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id, added.id);
        let Response::UsedAnswer(used) = db
            .service
            .handle(Request::UseAnswer {
                id: added.id.clone(),
                case: AnswerCase {
                    plan: Some(plan.id.clone()),
                    ..Default::default()
                },
            })
            .unwrap()
        else {
            panic!("not a used answer")
        };
        assert_eq!(used.text, "李四，记得 2030-01-02 续订");
        assert_eq!(used.answer.uses, 1);
    }

    #[test]
    fn a_row_without_an_id_never_takes_the_id_a_later_row_names() {
        let db = TestDb::new();
        let rows = vec![
            Lined {
                line: 2,
                value: new("Greeting", "Hello"),
            },
            Lined {
                line: 3,
                value: NewAnswer {
                    id: Some("A-0001".into()),
                    ..new("Refund", "Money back")
                },
            },
        ];
        let done = db.service.import_answers(&rows, Vec::new(), false).unwrap();
        assert_eq!(done.added, 2);
        assert_eq!(db.service.answer("A-0001").unwrap().title, "Refund");
        assert_eq!(db.service.answer("A-0002").unwrap().title, "Greeting");
    }

    #[test]
    fn an_import_matches_by_id_then_by_title_and_refuses_an_id_twice() {
        let db = TestDb::new();
        let a = db.service.add_answer(&new("Refund", "old")).unwrap();
        let rows = vec![
            Lined {
                line: 2,
                value: new("Refund", "new text"),
            },
            Lined {
                line: 3,
                value: NewAnswer {
                    id: Some("Q-7".into()),
                    ..new("Other", "x")
                },
            },
            Lined {
                line: 4,
                value: NewAnswer {
                    id: Some("Q-7".into()),
                    ..new("Other again", "y")
                },
            },
        ];
        let err = db
            .service
            .import_answers(&rows, Vec::new(), false)
            .unwrap_err();
        assert!(err.to_string().contains("1 "), "{err}");
        assert_eq!(
            db.service.answer(&a.id).unwrap().text,
            "old",
            "nothing written"
        );
        let done = db.service.import_answers(&rows, Vec::new(), true).unwrap();
        assert_eq!((done.added, done.changed, done.skipped.len()), (1, 1, 1));
        assert_eq!(done.skipped[0].line, 4);
        let refund = db.service.answer(&a.id).unwrap();
        assert_eq!((refund.text.as_str(), refund.version), ("new text", 2));
        assert_eq!(db.service.answer("Q-7").unwrap().title, "Other");
        // Written out and read again: nothing changes.
        let mut out = Vec::new();
        loyal::transfer::write_answers(&mut out, Format::Json, &db.service.answers().unwrap())
            .unwrap();
        let (rows, errors) = loyal::transfer::read_answers(out.as_slice(), Format::Json).unwrap();
        let again = db.service.import_answers(&rows, errors, false).unwrap();
        assert_eq!((again.added, again.changed, again.unchanged), (0, 0, 2));
    }
}
