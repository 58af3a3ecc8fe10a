//! Tests of the complaints pane: its filter line, and its actions and answers fed in by hand
//! (no database).

use super::*;
use crate::tui::panes::fixtures::{complaint, cx};

#[test]
fn queue_filters_parse() {
    let f = parse_filter("status:new assignee:Ann breached").unwrap_or_default();
    assert_eq!(f.status, Some(ComplaintStatus::New));
    assert_eq!(f.assignee.as_deref(), Some("Ann"));
    assert!(f.breached_only);
    assert!(parse_filter("status:sleeping").is_err());
    assert!(parse_filter("colour:red").is_err());
}

fn queue_answer(pane: &ComplaintsPane, views: Vec<ComplaintView>) -> Response {
    Response::QueueTop {
        total: views.len(),
        views,
        filter: pane.filter.clone(),
    }
}

fn loaded() -> ComplaintsPane {
    let mut pane = ComplaintsPane::default();
    let views = vec![
        complaint("K-1", 1, ComplaintStatus::New),
        complaint("K-2", 2, ComplaintStatus::InProgress),
    ];
    let answer = queue_answer(&pane, views);
    assert!(pane.answer(Asker::Queue, answer).is_ok());
    pane
}

#[test]
fn the_queue_keeps_the_selected_complaint_selected_when_it_comes_again() {
    let mut pane = loaded();
    pane.cursor.selected = 1;
    // K-2 moved to the top of the queue: the cursor follows it.
    let views = vec![
        complaint("K-2", 2, ComplaintStatus::InProgress),
        complaint("K-1", 1, ComplaintStatus::New),
    ];
    let answer = queue_answer(&pane, views);
    assert!(pane.answer(Asker::Queue, answer).is_ok());
    assert_eq!(pane.cursor.selected, 0);
    assert_eq!(pane.customer(), Some(2));
}

#[test]
fn a_queue_for_an_older_filter_is_dropped() {
    let mut pane = loaded();
    let effects = pane.set_filter("status:new".into());
    assert!(matches!(effects[..], [Effect::Load(Asker::Queue)]));
    assert!(pane.queue.is_none());
    // The answer to the load asked before the filter changed arrives late.
    let stale = Response::QueueTop {
        views: vec![complaint("K-9", 9, ComplaintStatus::Acknowledged)],
        total: 1,
        filter: QueueFilter::default(),
    };
    assert!(pane.answer(Asker::Queue, stale).is_ok());
    assert!(pane.queue.is_none(), "a stale queue was shown");
    let request = pane.request(Asker::Queue, &cx());
    assert!(
        matches!(&request, Some(Request::QueueTop { filter, .. }) if filter.status == Some(ComplaintStatus::New)),
        "{request:?}"
    );
}

#[test]
fn enter_asks_for_the_complaint_and_its_answer_opens_the_detail_esc_closes_it() {
    let mut pane = loaded();
    let effects = pane.act(Action::Open, &cx()).unwrap_or_default();
    let [Effect::Ask(Asker::ComplaintDetail, request)] = &effects[..] else {
        panic!("{effects:?}")
    };
    assert!(matches!(&**request, Request::ComplaintViewAt { id, .. } if id == "K-1"));
    let view = complaint("K-1", 1, ComplaintStatus::New);
    assert!(
        pane.answer(
            Asker::ComplaintDetail,
            Response::ComplaintView(Box::new(view))
        )
        .is_ok()
    );
    assert!(pane.detail.is_some());
    // The detail scrolls instead of the queue's cursor moving.
    let _ = pane.act(Action::Down, &cx());
    assert_eq!((pane.detail_scroll, pane.cursor.selected), (1, 0));
    assert!(pane.list().is_none());
    // A change elsewhere reads the open complaint again, keeping the place.
    let loads = pane.changed(Change::Committed);
    assert!(matches!(
        loads[..],
        [
            Effect::Load(Asker::Queue),
            Effect::Load(Asker::ComplaintDetail)
        ]
    ));
    let again = complaint("K-1", 1, ComplaintStatus::Acknowledged);
    let _ = pane.answer(
        Asker::ComplaintDetail,
        Response::ComplaintView(Box::new(again)),
    );
    assert_eq!(pane.detail_scroll, 1);
    assert!(pane.act(Action::Back, &cx()).is_some());
    assert!(pane.detail.is_none());
    // With nothing to close, Esc is not the pane's.
    assert!(pane.act(Action::Back, &cx()).is_none());
}

#[test]
fn a_step_with_words_opens_a_form_and_one_without_saves_at_once_with_the_version() {
    let mut pane = loaded();
    let effects = pane.act(Action::Reply, &cx()).unwrap_or_default();
    assert!(matches!(effects[..], [Effect::OpenForm(_)]), "{effects:?}");
    let effects = pane.act(Action::StartWork, &cx()).unwrap_or_default();
    let [Effect::Save(purpose)] = &effects[..] else {
        panic!("{effects:?}")
    };
    assert!(
        matches!(&**purpose, Purpose::Complaint { id, version: 3, action: Action::StartWork } if id == "K-1"),
        "{purpose:?}"
    );
    let mut empty = ComplaintsPane::default();
    let effects = empty.act(Action::Acknowledge, &cx()).unwrap_or_default();
    assert!(matches!(&effects[..], [Effect::Error(e)] if e.contains("no complaint")));
}

#[test]
fn answers_for_others_are_handed_back() {
    let mut pane = loaded();
    assert!(pane.answer(Asker::Agenda, Response::Done).is_err());
    assert!(pane.request(Asker::Agenda, &cx()).is_none());
    // Another scoring date changes nothing here.
    assert!(pane.changed(Change::AsOf).is_empty());
}
