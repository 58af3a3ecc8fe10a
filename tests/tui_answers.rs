//! The canned-answer picker in the workbench (TestBackend): opened from the reply,
//! acknowledgement, note and follow-up forms, searched by pinyin initials as one types, the
//! answer filled for the case and inserted, its use counted; Esc goes back to the form.

mod common;
mod workbench;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use loyal::domain::NewAnswer;
use loyal::tui::app::Overlay;
use workbench::{Bench, bench};

fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// The workbench on the fixtures, with a small library.
fn with_library() -> Bench {
    let b = bench();
    for (title, text, tags) in [
        (
            "退款流程",
            "{name}您好，退款已受理（{complaint}），{staff} 负责跟进。",
            vec!["退款".to_string()],
        ),
        (
            "Delivery delay",
            "Dear {name}, your parcel is on its way.",
            vec!["delivery".to_string()],
        ),
    ] {
        b.app
            .service()
            .add_answer(&NewAnswer {
                title: title.into(),
                text: text.into(),
                tags,
                ..Default::default()
            })
            .expect("add answer");
    }
    b
}

fn form_value(b: &Bench, key: &str) -> String {
    match &b.app.overlay {
        Some(Overlay::Form(form)) => form.value(key).to_string(),
        other => panic!("no form on screen: {other:?}"),
    }
}

fn press_ctrl(b: &mut Bench, c: char) {
    b.app.handle_event(ctrl(c));
    b.app.settle();
}

#[test]
fn a_reply_gets_a_canned_answer_found_by_initials_with_its_placeholders_filled() {
    let mut b = with_library();
    b.press("3");
    let first = b
        .app
        .panes
        .complaints
        .current()
        .cloned()
        .expect("a complaint");
    b.press("r");
    assert!(
        b.screen(80, 24).contains("ctrl-t answer"),
        "the form says how"
    );
    press_ctrl(&mut b, 't');
    assert!(matches!(b.app.overlay, Some(Overlay::Answers(_))));
    let screen = b.screen(80, 24);
    assert!(
        screen.contains("Canned answers") && screen.contains("退款流程"),
        "{screen}"
    );
    b.typed("tk");
    let Some(Overlay::Answers(picker)) = &b.app.overlay else {
        panic!("picker closed")
    };
    let titles: Vec<&str> = picker.hits.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["退款流程"]);
    insta::assert_snapshot!("answer_picker_80x24", b.screen(80, 24));
    b.code(KeyCode::Enter);
    let text = form_value(&b, "text");
    assert_eq!(
        text,
        format!(
            "{}您好，退款已受理（{}），Ann 负责跟进。",
            first.customer.name, first.complaint.id
        )
    );
    let status = b.app.status.clone().expect("status");
    assert!(status.text.contains("inserted 退款流程"), "{status:?}");
    let answers = b.app.service().answers().expect("answers");
    assert_eq!(answers.iter().map(|a| a.uses).sum::<u64>(), 1, "one use");
    // Saved as any reply.
    b.code(KeyCode::Enter);
    let view = b
        .app
        .service()
        .complaint_view(&first.complaint.id)
        .expect("view");
    assert!(
        view.complaint.history.iter().any(|e| e.text == text),
        "{:?}",
        view.complaint.history
    );
}

#[test]
fn esc_goes_back_to_the_form_as_it_was_and_the_acknowledgement_text_is_replaced() {
    let mut b = with_library();
    b.press("3");
    b.press("a");
    let default = form_value(&b, "text");
    assert!(!default.is_empty());
    press_ctrl(&mut b, 't');
    b.typed("deliv");
    b.code(KeyCode::Esc);
    assert_eq!(form_value(&b, "text"), default, "nothing inserted");
    press_ctrl(&mut b, 't');
    b.typed("deliv");
    b.code(KeyCode::Enter);
    let text = form_value(&b, "text");
    assert!(
        text.starts_with("Dear ") && text.ends_with("your parcel is on its way."),
        "the untouched default gives way: {text}"
    );
}

#[test]
fn a_follow_up_summary_takes_an_answer_and_a_form_without_one_says_so() {
    let mut b = with_library();
    // The first customer's card, then its follow-up form.
    b.code(KeyCode::Enter);
    b.press("f");
    b.typed("called: ");
    press_ctrl(&mut b, 't');
    b.typed("delivery");
    b.code(KeyCode::Enter);
    let summary = form_value(&b, "summary");
    assert!(
        summary.starts_with("called: Dear ") && !summary.contains("{name}"),
        "inserted at the cursor, name filled: {summary}"
    );
    b.code(KeyCode::Esc);
    b.press("y");
    // The edit form of a customer file takes no answers.
    b.press("e");
    assert!(matches!(b.app.overlay, Some(Overlay::Form(_))));
    press_ctrl(&mut b, 't');
    assert!(matches!(b.app.overlay, Some(Overlay::Form(_))));
    let status = b.app.status.clone().expect("status");
    assert!(status.text.contains("no canned answer"), "{status:?}");
}

#[test]
fn an_empty_library_says_where_answers_come_from() {
    let mut b = bench();
    b.press("3");
    b.press("n");
    press_ctrl(&mut b, 't');
    let screen = b.screen(80, 24);
    assert!(screen.contains("the library is empty"), "{screen}");
    b.code(KeyCode::Enter);
    assert!(
        matches!(b.app.overlay, Some(Overlay::Answers(_))),
        "enter with nothing to insert keeps the picker"
    );
}

fn tab(b: &mut Bench) {
    b.code(KeyCode::Tab);
}

#[test]
fn the_library_is_managed_from_the_workbench_add_edit_stale_and_remove() {
    let mut b = with_library();
    press_ctrl(&mut b, 'y');
    let screen = b.screen(80, 24);
    assert!(
        screen.contains("QA library") && screen.contains("ctrl-n new"),
        "{screen}"
    );
    // A new answer.
    press_ctrl(&mut b, 'n');
    b.typed("发票说明");
    tab(&mut b);
    b.typed("{name}您好，发票已开具。");
    tab(&mut b);
    b.typed("发票，财务");
    b.code(KeyCode::Enter);
    let status = b.app.status.clone().expect("status");
    assert!(status.text.contains("发票说明"), "{status:?}");
    let added = b
        .app
        .service()
        .search_answers("fp", 5)
        .expect("search")
        .into_iter()
        .next()
        .expect("found by initials");
    assert_eq!(added.tags, ["发票", "财务"]);
    // Found in the manager and edited; a colleague saves first, so the save is refused and
    // Ctrl-R takes their version, keeping what was typed.
    press_ctrl(&mut b, 'y');
    b.typed("fapiao");
    b.code(KeyCode::Enter);
    assert_eq!(form_value(&b, "title"), "发票说明");
    tab(&mut b);
    b.app.handle_event(Event::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    b.typed("已开具，请查收。");
    b.app
        .service()
        .edit_answer(
            &added.id,
            &loyal::service::AnswerEdit {
                tags: Some(vec!["发票".into()]),
                ..Default::default()
            },
            None,
        )
        .expect("colleague's edit");
    b.code(KeyCode::Enter);
    let Some(Overlay::Form(form)) = &b.app.overlay else {
        panic!("the refused form stays")
    };
    assert!(
        form.message
            .as_deref()
            .unwrap_or("")
            .contains("changed meanwhile"),
        "{:?}",
        form.message
    );
    press_ctrl(&mut b, 'r');
    assert_eq!(form_value(&b, "tags"), "发票", "their tags");
    assert!(
        form_value(&b, "text").ends_with("已开具，请查收。"),
        "my text"
    );
    b.code(KeyCode::Enter);
    let now = b.app.service().answer(&added.id).expect("answer");
    assert_eq!((now.version, now.text.as_str()), (3, "已开具，请查收。"));
    // Removed, after being asked.
    press_ctrl(&mut b, 'y');
    b.typed("fapiao");
    press_ctrl(&mut b, 'd');
    let screen = b.screen(80, 24);
    assert!(screen.contains("Enter removes it"), "{screen}");
    b.code(KeyCode::Enter);
    assert!(b.app.service().answer(&added.id).is_err(), "removed");
    assert_eq!(b.app.service().answers().expect("answers").len(), 2);
}
