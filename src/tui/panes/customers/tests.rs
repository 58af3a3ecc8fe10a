//! Tests of the customers pane: drawing from what was read, filters, and its actions and answers without a database.

use super::filter::owner_matches;
use super::*;
use crate::scoring::{Segment, Stage};
use crate::search;
use crate::tui::panes::fixtures::summary;

fn drawn(pane: &CustomersPane) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut terminal = Terminal::new(TestBackend::new(80, 8)).expect("terminal");
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    let live = |_: &crate::domain::Complaint, sla: &crate::service::SlaState| *sla;
    let cx = RenderContext {
        theme: Theme::plain(),
        today,
        now: today.and_hms_opt(12, 0, 0).expect("time"),
        roster: None,
        live: &live,
        keys: "",
        currency: "",
    };
    terminal
        .draw(|f| pane.render(f, f.area(), &cx))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..8)
        .map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

#[test]
fn the_table_draws_from_what_was_read_before_and_never_from_the_database() {
    let mut pane = CustomersPane {
        ids: vec![1, 2, 3],
        total: 3,
        ..CustomersPane::default()
    };
    pane.summaries.insert(1, Some(summary(1, "Wang Fang")));
    pane.summaries.insert(2, None);
    let shown = drawn(&pane);
    assert!(
        shown.contains("Wang Fang") && shown.contains("13800138000"),
        "{shown}"
    );
    assert!(shown.contains("(customer 2 was removed)"), "{shown}");
    // Row 3 is not read yet: a placeholder, never a read while drawing.
    assert!(
        shown.lines().nth(4).is_some_and(|l| l.trim() == "…"),
        "{shown}"
    );
    pane.summary_error = Some("the file is locked".into());
    assert!(drawn(&pane).contains("cannot read customers: the file is locked"));
}

#[test]
fn filters_parse_with_quotes_and_say_what_is_wrong() {
    let f = CustomerFilter::parse(r#"stage:loyal segment:"at risk" owner:Ann tag:vip Wang"#)
        .unwrap_or_default();
    assert_eq!(f.stage, Some(Stage::Loyal));
    assert_eq!(f.segment, Some(Segment::AtRisk));
    assert_eq!(f.owner.as_deref(), Some("Ann"));
    assert_eq!(f.tag.as_deref(), Some("vip"));
    assert_eq!(f.words, vec!["wang".to_string()]);
    let err = CustomerFilter::parse("colour:red")
        .err()
        .unwrap_or_default();
    assert!(err.contains("unknown filter \"colour\""), "{err}");
    let err = CustomerFilter::parse("stage:gold")
        .err()
        .unwrap_or_default();
    assert!(err.contains("gold"), "{err}");
}

#[test]
fn owner_matches_a_word_or_prefix_of_the_staff_name() {
    let wanted = |text: &str| search::words(text);
    for query in ["bob", "Bob", "li", "BO", "bob li", "Li Bob"] {
        assert!(owner_matches(&wanted(query), "Bob Li"), "{query}");
    }
    for query in ["ob", "bobby", "bob chen", ""] {
        assert!(!owner_matches(&wanted(query), "Bob Li"), "{query}");
    }
    assert!(owner_matches(&wanted("jose"), "José Núñez"));
    assert!(owner_matches(&wanted("张"), "张伟"));
}

#[test]
fn the_name_has_room_at_80_and_every_column_is_whole_at_120() {
    let at80 = share_widths(80, &COLUMNS);
    assert!(
        at80[1] >= 14,
        "a name gets at least 14 cells at 80: {at80:?}"
    );
    assert_eq!(at80[2], 17, "the phone is whole at 80: {at80:?}");
    assert_eq!(
        at80[6..8],
        [0, 0],
        "lifetime columns only where there is room: {at80:?}"
    );
    let at120 = share_widths(120, &COLUMNS);
    let whole: Vec<usize> = COLUMNS.iter().map(|c| c.want).collect();
    for i in 2..COLUMNS.len() {
        assert_eq!(at120[i], whole[i], "column {i} whole at 120: {at120:?}");
    }
    let at200 = share_widths(200, &COLUMNS);
    assert!(at200[1] > 90, "the rest goes to the name: {at200:?}");
    for total in [30u16, 80, 120, 200] {
        let w = share_widths(total, &COLUMNS);
        let shown = w.iter().filter(|w| **w > 0).count();
        assert_eq!(
            w.iter().sum::<usize>() + shown - 1,
            total as usize,
            "{total}"
        );
    }
}

#[test]
fn before_the_scores_the_cursor_moves_over_the_whole_count_and_the_ids_follow_it() {
    let mut pane = CustomersPane {
        ids: vec![1, 2, 3],
        more: true,
        total: 5000,
        ..CustomersPane::default()
    };
    let list = pane.list().expect("a list");
    assert_eq!(
        list.len, 5000,
        "End must reach the last file, not the last id read"
    );
    let cx = crate::tui::panes::fixtures::cx();
    // Sorting and filtering wait for the scores, and say so.
    let effects = pane.act(Action::Sort, &cx).unwrap_or_default();
    assert!(matches!(&effects[..], [Effect::Error(e)] if e.contains("scoring")));
    let effects = pane.act(Action::ClearFilter, &cx).unwrap_or_default();
    assert!(matches!(&effects[..], [Effect::Error(e)] if e.contains("scoring")));
    assert!(matches!(
        pane.act(Action::Filter, &cx).unwrap_or_default()[..],
        [Effect::OpenForm(_)]
    ));
    assert!(pane.act(Action::NextView, &cx).is_none());
}

#[test]
fn new_files_from_anyone_are_listed_at_the_end_once() {
    let mut pane = CustomersPane {
        ids: vec![3, 1, 2],
        total: 3,
        ..CustomersPane::default()
    };
    let loads = pane.changed(Change::Committed);
    assert!(matches!(loads[..], [Effect::Load(Asker::CustomerCount)]));
    let effects = pane
        .answer(Asker::CustomerCount, Response::Count(5))
        .unwrap_or_default();
    assert!(matches!(effects[..], [Effect::Load(Asker::NewCustomers)]));
    let cx = crate::tui::panes::fixtures::cx();
    assert!(matches!(
        pane.request(Asker::NewCustomers, &cx),
        Some(Request::CustomerIdsAfter { after: Some(3), .. })
    ));
    // An answer that overlaps what is listed adds only what is new.
    let _ = pane.answer(Asker::NewCustomers, Response::CustomerIds(vec![3, 4, 5]));
    assert_eq!(pane.ids, vec![3, 1, 2, 4, 5]);
    // The same count again: nothing to read.
    let effects = pane
        .answer(Asker::CustomerCount, Response::Count(5))
        .unwrap_or_default();
    assert!(effects.is_empty());
    let open = pane.act(Action::Open, &cx).unwrap_or_default();
    assert!(matches!(open[..], [Effect::OpenCard(3)]));
}

proptest::proptest! {
    #[test]
    fn sorting_by_name_prefixes_sorts_like_the_names(
        names in proptest::collection::vec("[ab张三李]{0,5}", 0..60)
    ) {
        let mut by_prefix: Vec<&str> = names.iter().map(String::as_str).collect();
        super::sort_by_name(&mut by_prefix, |n| n);
        let mut plain: Vec<&str> = names.iter().map(String::as_str).collect();
        plain.sort();
        proptest::prop_assert_eq!(by_prefix, plain);
    }
}
