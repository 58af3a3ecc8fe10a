//! Tests of the follow-ups pane: its actions, requests and answers fed in by hand (no
//! database).

use super::*;
use crate::tui::panes::fixtures::{cx, follow_up, plan};

fn with_agenda() -> FollowUpsPane {
    let mut pane = FollowUpsPane::default();
    let answer = Response::AgendaTop {
        items: vec![plan("P-1", 1), plan("P-2", 2)],
        total: 40,
    };
    assert!(pane.answer(Asker::Agenda, answer).is_ok());
    pane
}

#[test]
fn the_agenda_keeps_the_selected_plan_selected_and_knows_its_total() {
    let mut pane = with_agenda();
    pane.cursor.selected = 1;
    let answer = Response::AgendaTop {
        items: vec![plan("P-0", 7), plan("P-1", 1), plan("P-2", 2)],
        total: 41,
    };
    assert!(pane.answer(Asker::Agenda, answer).is_ok());
    assert_eq!(pane.cursor.selected, 2);
    assert_eq!(pane.customer(), Some(2));
    assert_eq!(pane.agenda_total, 41);
}

#[test]
fn done_and_skip_open_their_forms_only_on_a_plan() {
    let mut pane = with_agenda();
    for action in [Action::PlanDone, Action::PlanSkip] {
        let effects = pane.act(action, &cx()).unwrap_or_default();
        assert!(matches!(effects[..], [Effect::OpenForm(_)]), "{effects:?}");
    }
    let mut empty = FollowUpsPane::default();
    let effects = empty.act(Action::PlanDone, &cx()).unwrap_or_default();
    assert!(matches!(&effects[..], [Effect::Error(e)] if e.contains("care plan")));
}

#[test]
fn the_next_view_loads_what_it_shows_once_and_the_names_follow_the_contacts() {
    let mut pane = with_agenda();
    let effects = pane.act(Action::NextView, &cx()).unwrap_or_default();
    assert!(matches!(effects[..], [Effect::Load(Asker::Recent)]));
    assert_eq!(pane.view, FollowUpView::Recent);
    let request = pane.request(Asker::Recent, &cx());
    assert!(matches!(request, Some(Request::RecentFollowUps { .. })));
    let contacts = vec![
        follow_up("F-1", 5),
        follow_up("F-2", 3),
        follow_up("F-3", 5),
    ];
    let effects = pane
        .answer(Asker::Recent, Response::FollowUps(contacts))
        .unwrap_or_default();
    let [Effect::Ask(Asker::RecentNames, request)] = &effects[..] else {
        panic!("{effects:?}")
    };
    assert!(
        matches!(&**request, Request::Summaries(ids) if ids == &[3, 5]),
        "each customer once: {request:?}"
    );
    let names = Response::Summaries(vec![
        Some(crate::tui::panes::fixtures::summary(3, "Zhang Wei")),
        None,
    ]);
    assert!(pane.answer(Asker::RecentNames, names).is_ok());
    assert_eq!(
        pane.recent_names.get(&3).map(String::as_str),
        Some("Zhang Wei")
    );
    // Forgotten next, then the agenda again: nothing to load for it.
    let effects = pane.act(Action::NextView, &cx()).unwrap_or_default();
    assert!(matches!(effects[..], [Effect::Load(Asker::Forgotten)]));
    let effects = pane.act(Action::NextView, &cx()).unwrap_or_default();
    assert!(effects.is_empty());
    assert_eq!(pane.view, FollowUpView::Agenda);
}

#[test]
fn a_change_reloads_the_agenda_and_the_log_in_view_and_forgets_the_log_out_of_view() {
    let mut pane = with_agenda();
    pane.recent = Some(vec![follow_up("F-1", 5)]);
    let loads = pane.changed(Change::Committed);
    assert!(matches!(loads[..], [Effect::Load(Asker::Agenda)]));
    assert!(
        pane.recent.is_none(),
        "the log out of view is read again when shown"
    );
    pane.view = FollowUpView::Recent;
    let loads = pane.changed(Change::Committed);
    assert!(matches!(
        loads[..],
        [Effect::Load(Asker::Agenda), Effect::Load(Asker::Recent)]
    ));
    assert!(pane.changed(Change::AsOf).is_empty());
}
