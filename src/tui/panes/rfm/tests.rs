//! Tests of the RFM pane: its views, requests and answers fed in by hand (no database).

use super::*;
use crate::tui::panes::fixtures::cx;

#[test]
fn each_view_loads_what_it_shows_with_the_scoring_date_in_use() {
    let mut pane = RfmPane::default();
    let mut cx = cx();
    cx.scoring.as_of = chrono::NaiveDate::from_ymd_opt(2026, 6, 30);
    let effects = pane.act(Action::NextView, &cx).unwrap_or_default();
    assert!(matches!(effects[..], [Effect::Load(Asker::Churn)]));
    assert!(
        matches!(pane.request(Asker::Churn, &cx), Some(Request::Churn { options, .. }) if options.as_of == cx.scoring.as_of)
    );
    let effects = pane.act(Action::NextView, &cx).unwrap_or_default();
    assert!(matches!(effects[..], [Effect::Load(Asker::OwnerChurn)]));
    assert!(
        matches!(pane.request(Asker::OwnerChurn, &cx), Some(Request::ChurnByOwner { options, period: Period::Month }) if options.as_of == cx.scoring.as_of)
    );
    let effects = pane.act(Action::NextView, &cx).unwrap_or_default();
    assert!(matches!(effects[..], [Effect::Load(Asker::Satisfaction)]));
    assert!(
        matches!(pane.request(Asker::Satisfaction, &cx), Some(Request::Satisfaction { as_of, by: None, .. }) if as_of == cx.scoring.as_of)
    );
    let effects = pane.act(Action::NextView, &cx).unwrap_or_default();
    assert!(matches!(effects[..], [Effect::Load(Asker::Reorders)]));
    assert!(matches!(
        pane.request(Asker::Reorders, &cx),
        Some(Request::Due {
            within_days: REORDER_WITHIN_DAYS,
            overdue_days: REORDER_OVERDUE_DAYS,
            ..
        })
    ));
    let effects = pane.act(Action::NextView, &cx).unwrap_or_default();
    assert!(matches!(effects[..], [Effect::Load(Asker::Causes)]));
    let effects = pane.act(Action::NextView, &cx).unwrap_or_default();
    assert!(matches!(effects[..], [Effect::Load(Asker::ClvTracking)]));
    assert!(matches!(
        pane.request(Asker::ClvTracking, &cx),
        Some(Request::ClvTracking { as_of, weeks: TRACKING_WEEKS }) if Some(as_of) == cx.scoring.as_of
    ));
    let effects = pane.act(Action::NextView, &cx).unwrap_or_default();
    assert!(effects.is_empty());
    assert_eq!(pane.view, RfmView::Overview);
}

#[test]
fn planning_reorders_says_how_many_and_reloads_the_agenda() {
    let mut pane = RfmPane::default();
    let effects = pane.act(Action::PlanReorders, &cx()).unwrap_or_default();
    assert!(matches!(
        &effects[..],
        [Effect::Ask(Asker::PlanReorders, _), Effect::Info(_)]
    ));
    let effects = pane
        .answer(
            Asker::PlanReorders,
            Response::Planned {
                created: 1,
                existing: 4,
            },
        )
        .unwrap_or_default();
    let [Effect::Info(text), Effect::Load(Asker::Agenda)] = &effects[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(text, "1 reorder call planned; 4 customers already had one");
}

#[test]
fn another_scoring_date_drops_the_scores_shown_and_reloads_churn_in_view() {
    let mut pane = RfmPane {
        view: RfmView::Churn,
        ..RfmPane::default()
    };
    let loads = pane.changed(Change::AsOf);
    assert!(matches!(loads[..], [Effect::Load(Asker::Churn)]));
    assert!(pane.reports.is_none() && pane.churn.is_none());
    // A commit alone leaves the scores to the next roster build.
    assert!(pane.changed(Change::Committed).is_empty());
    let enter = pane.act(Action::Open, &cx()).unwrap_or_default();
    assert!(matches!(&enter[..], [Effect::Error(_)]), "{enter:?}");
}

#[test]
fn the_header_names_the_next_view() {
    let pane = RfmPane::default();
    let hints = pane.hints();
    assert_eq!(hints[0], (Action::NextView, "churn by month"));
    assert!(hints.contains(&(Action::Open, "lists a segment")));
}
