//! The workbench on a `TestBackend`: every pane and the card at 80x24 and 120x40 (insta
//! snapshots), key sequences asserting on state and on the drawn screen, forms, stale saves,
//! escapes in data, NO_COLOR.

mod common;
mod workbench;

use chrono::NaiveDate;
use common::import_into;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use loyal::service::{CustomerKey, ImportOptions, Service};
use loyal::store::StoreOptions;
use loyal::transfer::{Format, Kind};
use loyal::tui::app::{Overlay, Pane};
use loyal::tui::keymap::Keymap;
use loyal::tui::theme::Theme;
use loyal::tui::{App, AppOptions};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;
use workbench::{Bench, bench, bench_keymap, bench_with, clock, fixture_service, key, screen_text};

fn id_of(app: &App, external: &str) -> u64 {
    app.service()
        .resolve(&CustomerKey::External(external.into()))
        .expect("customer")
}

#[test]
fn every_pane_and_the_card_at_two_sizes() {
    let mut b = bench();
    for (w, h) in [(80, 24), (120, 40)] {
        b.press("1");
        insta::assert_snapshot!(format!("customers_{w}x{h}"), b.screen(w, h));
        b.press("2");
        insta::assert_snapshot!(format!("followups_{w}x{h}"), b.screen(w, h));
        b.press("3");
        insta::assert_snapshot!(format!("complaints_{w}x{h}"), b.screen(w, h));
        b.code(KeyCode::Enter);
        insta::assert_snapshot!(format!("complaint_detail_{w}x{h}"), b.screen(w, h));
        b.code(KeyCode::Esc);
        b.press("4");
        insta::assert_snapshot!(format!("rfm_{w}x{h}"), b.screen(w, h));
        b.press("1");
        b.code(KeyCode::Enter);
        insta::assert_snapshot!(format!("card_{w}x{h}"), b.screen(w, h));
        b.code(KeyCode::Esc);
    }
}

#[test]
fn too_small_a_terminal_says_how_large_it_must_be() {
    let b = bench();
    let screen = b.screen(60, 20);
    assert!(screen.contains("at least 80x24"), "{screen}");
    assert!(screen.contains("60x20"), "{screen}");
}

#[test]
fn lookup_by_last_four_digits_opens_the_card() {
    let mut b = bench();
    b.press("/6542");
    let screen = b.screen(100, 30);
    assert!(screen.contains("黄佳"), "{screen}");
    assert!(screen.contains("phone 13500096542"), "{screen}");
    b.code(KeyCode::Enter);
    let card = b.app.card.as_ref().expect("card open");
    assert_eq!(card.card.customer.external_id, "C-000001");
    let screen = b.screen(100, 30);
    assert!(screen.contains("黄佳 · C-000001"), "{screen}");
    assert!(screen.contains("Soft notes"), "{screen}");
    b.code(KeyCode::Esc);
    assert!(b.app.card.is_none());
}

#[test]
fn lookup_by_pinyin_updates_on_every_key() {
    let mut b = bench();
    b.press("/huang");
    let Some(Overlay::Lookup(lookup)) = &b.app.overlay else {
        panic!("lookup open")
    };
    let broad = lookup.hits.len();
    assert!(broad > 1, "several 黄 customers");
    b.press("jia");
    let Some(Overlay::Lookup(lookup)) = &b.app.overlay else {
        panic!("lookup open")
    };
    assert!(lookup.hits.len() < broad);
    assert!(
        lookup
            .hits
            .iter()
            .all(|h| h.customer.name.starts_with('黄'))
    );
}

#[test]
fn logging_a_follow_up_with_keys_stores_it() {
    let mut b = bench();
    b.press("/6542");
    b.code(KeyCode::Enter);
    b.press("f");
    assert!(matches!(b.app.overlay, Some(Overlay::Form(_))));
    b.typed("回访 asked about 张's order");
    b.code(KeyCode::Enter);
    assert!(b.app.overlay.is_none(), "form closed after the save");
    let status = b.app.status.clone().expect("status");
    assert!(status.text.contains("logged"), "{status:?}");
    let card = b
        .app
        .service()
        .customer_card(&CustomerKey::External("C-000001".into()), 5)
        .expect("card");
    let stored = card.timeline.iter().any(|e| match e {
        loyal::service::TimelineEntry::FollowUp(f) => f.summary == "回访 asked about 张's order",
        _ => false,
    });
    assert!(stored, "the follow-up is in the database");
    assert!(b.screen(100, 30).contains("回访 asked about 张's order"));
}

#[test]
fn a_form_shows_validation_inline_and_keeps_the_input() {
    let mut b = bench();
    b.press("j").press("f");
    b.typed("called");
    // Satisfaction is the sixth field.
    for _ in 0..5 {
        b.code(KeyCode::Tab);
    }
    b.typed("9");
    b.code(KeyCode::Enter);
    let Some(Overlay::Form(form)) = &b.app.overlay else {
        panic!("form stays open")
    };
    assert_eq!(form.value("summary"), "called");
    let error = form
        .fields
        .iter()
        .find(|f| f.key == "satisfaction")
        .and_then(|f| f.error.clone());
    assert_eq!(error.as_deref(), Some("\"9\" is not 1 to 5"));
    assert!(b.screen(80, 24).contains("✗ \"9\" is not 1 to 5"));
    // Esc on a changed form asks before throwing the text away.
    b.code(KeyCode::Esc);
    assert!(b.screen(80, 24).contains("Discard what you typed?"));
    b.press("n");
    assert!(matches!(b.app.overlay, Some(Overlay::Form(_))));
}

#[test]
fn a_wrapped_validation_error_keeps_the_footer_and_the_discard_prompt_in_the_box() {
    let mut b = bench();
    b.press("j").press("f");
    b.typed("called");
    // Next contact is the seventh field; its error is wider than the box and wraps.
    for _ in 0..6 {
        b.code(KeyCode::Tab);
    }
    b.typed("someday");
    b.code(KeyCode::Enter);
    assert!(
        matches!(b.app.overlay, Some(Overlay::Form(_))),
        "form stays open"
    );
    for (w, h) in [(80, 24), (100, 30), (120, 40)] {
        let screen = b.screen(w, h);
        assert!(screen.contains("\"someday\" is not a date"), "{screen}");
        assert!(
            screen.contains("enter save · tab next field"),
            "{w}x{h}\n{screen}"
        );
    }
    b.code(KeyCode::Esc);
    for (w, h) in [(80, 24), (100, 30), (120, 40)] {
        let screen = b.screen(w, h);
        assert!(
            screen.contains("Discard what you typed?"),
            "{w}x{h}\n{screen}"
        );
    }
    b.press("y");
    assert!(b.app.overlay.is_none(), "y discards");
}

#[test]
fn a_stale_edit_is_refused_then_reloaded_keeping_the_typed_text() {
    let mut b = bench();
    b.press("e");
    // A colleague changes the same file meanwhile.
    let first = b.app.panes.customers.selected().expect("selected");
    let input = loyal::transfer::CustomerInput {
        city: Some(Some("杭州".into())),
        ..Default::default()
    };
    b.app
        .service()
        .update_customer(&CustomerKey::Internal(first), &input, None)
        .expect("colleague saves");
    // We change the interests and save.
    for _ in 0..9 {
        b.code(KeyCode::Tab);
    }
    b.app.handle_event(Event::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    b.typed("tea ceremonies");
    b.code(KeyCode::Enter);
    let screen = b.screen(100, 30);
    assert!(screen.contains("Ctrl-R reloads"), "{screen}");
    b.app.handle_event(Event::Key(KeyEvent::new(
        KeyCode::Char('r'),
        KeyModifiers::CONTROL,
    )));
    let Some(Overlay::Form(form)) = &b.app.overlay else {
        panic!("form open")
    };
    assert_eq!(form.value("interests"), "tea ceremonies");
    assert_eq!(
        form.value("city"),
        "杭州",
        "untouched fields take the latest value"
    );
    b.code(KeyCode::Enter);
    assert!(b.app.overlay.is_none());
    let c = b
        .app
        .service()
        .customer_card(&CustomerKey::Internal(first), 0)
        .expect("card")
        .customer;
    assert_eq!(
        (c.city.as_deref(), c.interests.as_str()),
        (Some("杭州"), "tea ceremonies")
    );
}

#[test]
fn a_care_plan_without_a_time_shows_no_time_in_the_card_timeline() {
    // CP-000003: C-000011, due 2026-11-24, no time.
    let mut b = bench();
    let id = id_of(&b.app, "C-000011");
    b.app.open_card(id);
    let screen = b.screen(120, 40);
    let line = screen
        .lines()
        .find(|l| l.contains("care plan ") && l.contains("due 2026-11-24"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(line.starts_with("│2026-11-24       "), "{line}");
    assert!(!line.contains("00:00"), "{line}");
}

#[test]
fn escape_sequences_in_data_are_shown_not_sent() {
    let mut b = bench();
    let id = id_of(&b.app, "C-000008");
    b.app.open_card(id);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal.draw(|f| b.app.draw(f)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    let raw: String = buffer.content.iter().map(|c| c.symbol()).collect();
    assert!(
        !raw.chars().any(|c| c.is_control()),
        "no control character reaches the screen"
    );
    let screen = screen_text(&buffer);
    assert!(screen.contains(r"\x1b]0;pwned\x07\x1b[2J"), "{screen}");
    b.code(KeyCode::Esc);
}

/// Each row as a terminal that draws every character on its own lays it out: its width, and
/// whether a cell holds something terminals disagree on (an invisible format character, a joined
/// sequence, a letter under a pile of marks).
fn rows_as_drawn(buffer: &ratatui::buffer::Buffer) -> Vec<(usize, Option<String>)> {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    (0..buffer.area.height)
        .map(|y| {
            let (mut drawn, mut odd, mut skip) = (0, None, 0);
            for x in 0..buffer.area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                skip = UnicodeWidthStr::width(symbol).saturating_sub(1);
                drawn += symbol
                    .chars()
                    .map(|c| c.width().unwrap_or(0))
                    .sum::<usize>();
                if symbol.chars().count() > 3
                    || symbol.contains(['\u{200b}', '\u{200c}', '\u{200d}', '\u{feff}'])
                {
                    odd = Some(symbol.escape_unicode().to_string());
                }
            }
            (drawn, odd)
        })
        .collect()
}

#[test]
fn zero_width_joined_and_stacked_characters_never_widen_a_row() {
    let mut b = bench();
    let marks = "\u{301}".repeat(500);
    let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}\u{200d}\u{1f466}";
    let (zwsp, zwnj, zwj, bom) = ("\u{200b}", "\u{200c}", "\u{200d}", "\u{feff}");
    let csv = format!(
        "customer_id,name,phone,habits\n\
         W1,\"Qzv{zwsp}Zero{zwnj}Width{zwj}Join{bom}Bom\",13900000001,\"a{zwsp}b\"\n\
         W2,\"Qzv {family} family \u{1f469}{zwj}\u{1f4bb}\",13900000002,\"{family} notes\"\n\
         W3,\"Qzv e{marks} zalgo\",13900000003,\"x{marks}\"\n"
    );
    import_into(
        b.app.service(),
        Kind::Customers,
        &csv,
        Format::Csv,
        ImportOptions::default(),
    )
    .expect("import");
    let check = |b: &Bench, what: &str| {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal.draw(|f| b.app.draw(f)).expect("draw");
            let buffer = terminal.backend().buffer();
            for (y, (drawn, odd)) in rows_as_drawn(buffer).into_iter().enumerate() {
                let row = screen_text(buffer).lines().nth(y).unwrap_or("").to_string();
                assert_eq!(
                    drawn, w as usize,
                    "{what} {w}x{h} row {y} is {drawn} wide: {row}"
                );
                assert_eq!(odd, None, "{what} {w}x{h} row {y}: {row}");
            }
        }
    };
    b.press("/").typed("qzv");
    let hits = match &b.app.overlay {
        Some(Overlay::Lookup(lookup)) => lookup.hits.len(),
        _ => 0,
    };
    assert!(hits >= 3, "{hits} hits");
    check(&b, "lookup");
    b.code(KeyCode::Esc);
    for external in ["W1", "W2", "W3"] {
        let id = id_of(&b.app, external);
        b.app.open_card(id);
        b.app.settle();
        check(&b, external);
        b.code(KeyCode::Esc);
    }
}

#[test]
fn no_color_keeps_meaning_in_text() {
    let colour = bench_with(Theme { color: true });
    let plain = bench();
    for b in [&colour, &plain] {
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
        terminal.draw(|f| b.app.draw(f)).expect("draw");
        let buffer = terminal.backend().buffer();
        let coloured = buffer
            .content
            .iter()
            .any(|c| c.fg != ratatui::style::Color::Reset);
        assert_eq!(coloured, b.app.theme_has_color());
        let screen = screen_text(buffer);
        assert!(screen.contains("▶"), "the selection has a marker");
    }
    let mut plain = plain;
    plain.press("3");
    let queue = plain.screen(100, 30);
    assert!(queue.contains("! ") && queue.contains(" over"), "{queue}");
    plain.code(KeyCode::Enter);
    assert!(plain.screen(100, 30).contains("! BREACHED"));
}

#[test]
fn movement_keys_multi_key_sequences_and_which_key() {
    let mut b = bench();
    b.press("jjj");
    assert_eq!(b.app.panes.customers.cursor.selected, 3);
    b.press("G");
    assert_eq!(
        b.app.panes.customers.cursor.selected,
        b.app.panes.customers.ids.len() - 1
    );
    b.press("g");
    assert_eq!(b.app.panes.customers.cursor.selected, 0);
    // The vim map: `g` waits for a second key and says what may follow.
    let vim = Keymap::load(Some("vim"), None).expect("vim map").keymap;
    let dir = tempfile::tempdir().expect("dir");
    let mut app = App::new(
        Arc::new(fixture_service(dir.path())),
        AppOptions {
            keymap: vim,
            theme: Theme::plain(),
            clock: clock(),
            notes: Vec::new(),
            mouse: true,
            alerts: Default::default(),
        },
    );
    app.settle();
    let mut v = Bench { _dir: dir, app };
    v.press("G");
    v.press("g");
    let screen = v.screen(80, 24);
    assert!(screen.contains("g …"), "which-key hint: {screen}");
    assert!(screen.contains("go to the first row"), "{screen}");
    v.press("g");
    assert_eq!(v.app.panes.customers.cursor.selected, 0);
    assert!(!v.screen(80, 24).contains("g …"));
}

#[test]
fn help_lists_the_pane_keys_and_the_palette_runs_actions() {
    let mut b = bench();
    b.press("?");
    let screen = b.screen(100, 40);
    assert!(
        screen.contains("log a follow-up with this customer"),
        "{screen}"
    );
    assert!(screen.contains("Everywhere"), "{screen}");
    assert!(
        !screen.contains("[customers]") && !screen.contains("[global]"),
        "section titles, not keymap names: {screen}"
    );
    b.code(KeyCode::Esc);
    assert!(b.app.overlay.is_none());
    b.press(":");
    b.typed("pane rfm");
    b.code(KeyCode::Enter);
    assert_eq!(b.app.pane, Pane::Rfm);
}

#[test]
fn filters_sorting_and_segment_drill_down() {
    let mut b = bench();
    b.press("F");
    b.typed("stage:loyal");
    b.code(KeyCode::Enter);
    let roster = b.app.roster.clone().expect("roster");
    assert!(!b.app.panes.customers.ids.is_empty());
    assert!(
        b.app
            .panes
            .customers
            .ids
            .iter()
            .all(|id| { roster.row(*id).map(|r| r.stage) == Some(loyal::scoring::Stage::Loyal) })
    );
    b.press("x");
    assert_eq!(b.app.panes.customers.ids.len(), roster.rows.len());
    b.press("F");
    b.typed("stage:gold");
    b.code(KeyCode::Enter);
    assert!(
        b.screen(100, 30).contains("gold"),
        "the bad filter is named"
    );
    b.code(KeyCode::Esc).press("y");
    // Sort by name, then drill into a segment from the RFM pane.
    b.press("s");
    assert_eq!(b.app.panes.customers.sort.map(|s| s.label()), Some("name"));
    b.press("4").press("j");
    let segment = b.app.panes.rfm.selected_segment().expect("segment");
    b.code(KeyCode::Enter);
    assert_eq!(b.app.pane, Pane::Customers);
    assert!(
        b.app
            .panes
            .customers
            .ids
            .iter()
            .all(|id| { roster.row(*id).and_then(|r| r.rfm).map(|r| r.segment) == Some(segment) })
    );
}

#[test]
fn the_owner_filter_matches_a_word_of_the_staff_name() {
    let mut b = bench();
    for query in ["owner:bob", "owner:Li", "owner:\"bob li\""] {
        b.press("F").typed(query);
        b.code(KeyCode::Enter);
        let ids = b.app.panes.customers.ids.clone();
        assert!(!ids.is_empty(), "{query} matches the files Bob Li owns");
        for summary in b.app.service().summaries(&ids).expect("read") {
            assert_eq!(
                summary.expect("row").owner.as_deref(),
                Some("Bob Li"),
                "{query}"
            );
        }
        b.press("x");
    }
}

#[test]
fn care_plan_done_logs_the_contact_in_the_same_step() {
    let mut b = bench();
    b.press("2");
    let item = b
        .app
        .panes
        .followups
        .selected_plan()
        .cloned()
        .expect("agenda item");
    b.press("d");
    b.code(KeyCode::Enter);
    let status = b.app.status.clone().expect("status");
    assert!(status.text.contains("done and logged"), "{status:?}");
    let plans = b
        .app
        .service()
        .customer_card(&CustomerKey::Internal(item.customer.id), 1000)
        .expect("card");
    let done = plans.timeline.iter().any(|e| {
        matches!(e, loyal::service::TimelineEntry::CarePlan(p)
            if p.id == item.plan.id && p.status == loyal::domain::PlanStatus::Done)
    });
    assert!(done);
    assert_ne!(
        b.app
            .panes
            .followups
            .selected_plan()
            .map(|i| i.plan.id.clone()),
        Some(item.plan.id),
        "the agenda was refreshed"
    );
}

#[test]
fn complaint_workflow_from_the_queue() {
    let mut b = bench();
    b.press("3");
    let first = b
        .app
        .panes
        .complaints
        .current()
        .cloned()
        .expect("a complaint");
    b.press("n");
    b.typed("called the depot");
    b.code(KeyCode::Enter);
    let status = b.app.status.clone().expect("status");
    assert!(status.text.contains(": done, now"), "{status:?}");
    b.code(KeyCode::Enter);
    let screen = b.screen(120, 40);
    assert!(
        screen.contains("called the depot"),
        "history shows the note: {screen}"
    );
    // Resolving needs a root cause.
    b.press("R");
    b.typed("refunded");
    b.code(KeyCode::Enter);
    let Some(Overlay::Form(form)) = &b.app.overlay else {
        panic!("form stays open")
    };
    assert!(
        form.fields
            .iter()
            .any(|f| f.key == "cause" && f.error.is_some())
    );
    assert_eq!(
        form.fields[form.focus].key, "cause",
        "the cursor goes to the missing field"
    );
    b.typed("courier lost the parcel");
    b.code(KeyCode::Enter);
    let view = b
        .app
        .service()
        .complaint_view(&first.complaint.id)
        .expect("view");
    assert_eq!(
        view.complaint.status,
        loyal::domain::ComplaintStatus::Resolved
    );
}

#[test]
fn q_quits_and_ctrl_c_always_quits() {
    let mut b = bench();
    b.press("f");
    b.typed("q");
    assert!(!b.app.quit, "q inside a form is text");
    b.app.handle_event(Event::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
    assert!(b.app.quit);
    let mut b = bench();
    b.press("q");
    assert!(b.app.quit);
}

#[test]
fn review_fixes_status_filter_card_end_churn_enter_and_long_paste() {
    let mut b = bench();
    // status: filters on the file's status.
    b.press("F").typed("status:churned");
    b.code(KeyCode::Enter);
    let churned = b.app.panes.customers.ids.clone();
    assert!(!churned.is_empty());
    for id in &churned {
        let summary = b.app.service().summaries(&[*id]).expect("read")[0]
            .clone()
            .expect("row");
        assert_eq!(summary.status, loyal::domain::CustomerStatus::Churned);
    }
    b.press("x");
    // The end of a long card can be reached: G shows its oldest timeline entry.
    b.press("/6542");
    b.code(KeyCode::Enter);
    let oldest = b
        .app
        .card
        .as_ref()
        .and_then(|c| c.card.timeline.last().cloned())
        .expect("timeline");
    let stamp = loyal::tui::widgets::local_time(oldest.at());
    assert!(!b.screen(80, 24).contains(&stamp), "not in view at first");
    b.press("G");
    assert!(
        b.screen(80, 24).contains(&stamp),
        "the oldest entry is reachable"
    );
    b.code(KeyCode::Esc);
    // Enter in the churn view does not drill into a segment.
    b.press("4v").press("jj");
    b.code(KeyCode::Enter);
    assert_eq!(b.app.pane, Pane::Rfm);
    // A huge paste into the lookup is cut to a sane length.
    b.press("v/");
    b.app.handle_event(Event::Paste("8".repeat(10_000)));
    let Some(Overlay::Lookup(lookup)) = &b.app.overlay else {
        panic!("lookup open")
    };
    assert_eq!(lookup.input.value.chars().count(), 64);
}

#[test]
fn the_customers_table_says_where_you_are_and_gives_the_name_room() {
    let mut b = bench();
    let screen = b.screen(80, 24);
    assert!(screen.contains("row 1 of 300"), "{screen}");
    b.code(KeyCode::Down);
    b.code(KeyCode::Down);
    let screen = b.screen(80, 24);
    assert!(screen.contains("row 3 of 300"), "{screen}");
    // At 80 columns a name gets 14 cells or more and a phone is whole.
    assert!(
        screen.contains("Lukas Williams   (200) 028-9626"),
        "{screen}"
    );
    assert!(screen.contains("+86 138-0038-6168"), "{screen}");
    // At 120 the segment is whole too.
    assert!(b.screen(120, 40).contains("Potential Loyalist"));
}

#[test]
fn a_viewer_is_not_shown_a_form_that_would_be_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let admin = fixture_service(dir.path());
    admin
        .set_role("vic", loyal::domain::Role::Viewer)
        .expect("role");
    drop(admin);
    let viewer = Service::open(
        &dir.path().join("tui.redb"),
        &StoreOptions {
            staff: "Vic".into(),
            os_user: "vic".into(),
            ..StoreOptions::default()
        },
    )
    .expect("open");
    let mut b = Bench {
        _dir: dir,
        app: App::new(
            Arc::new(viewer),
            AppOptions {
                keymap: Keymap::default_map(),
                theme: Theme::plain(),
                clock: clock(),
                notes: Vec::new(),
                mouse: true,
                alerts: Default::default(),
            },
        ),
    };
    b.app.settle();
    b.press("f");
    assert!(b.app.overlay.is_none(), "no follow-up form for a viewer");
    let screen = b.screen(100, 30);
    assert!(screen.contains("vic is a viewer here"), "{screen}");
    // Looking things up still works: the filter form is not a change.
    b.press("F");
    assert!(matches!(b.app.overlay, Some(Overlay::Form(_))));
}

fn with(modifiers: KeyModifiers, code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

#[test]
fn keys_in_forms_help_and_questions_follow_the_keymap() {
    let emacs = Keymap::load(Some("emacs"), None).expect("emacs").keymap;
    let mut b = bench_keymap(Theme::plain(), emacs);
    let ctrl = |c| with(KeyModifiers::CONTROL, KeyCode::Char(c));
    // ctrl-g leaves an untouched form (it did nothing in a form before).
    b.press("f");
    assert!(b.screen(80, 24).contains("Log a follow-up"));
    b.app.handle_event(ctrl('g'));
    assert!(b.app.overlay.is_none(), "{}", b.screen(80, 24));
    // In a changed form it asks first; ctrl-g answers no and the text stays.
    b.press("f").typed("called back");
    b.app.handle_event(ctrl('g'));
    assert!(b.screen(80, 24).contains("Discard what you typed?"));
    b.app.handle_event(ctrl('g'));
    let shown = b.screen(80, 24);
    assert!(
        shown.contains("called back") && !shown.contains("Discard"),
        "{shown}"
    );
    // Emacs editing keys: ctrl-b twice, then ctrl-d deletes under the cursor.
    b.app.handle_event(ctrl('b'));
    b.app.handle_event(ctrl('b'));
    b.app.handle_event(ctrl('d'));
    assert!(
        b.screen(80, 24).contains("called bak"),
        "{}",
        b.screen(80, 24)
    );
    b.app.handle_event(ctrl('g'));
    b.press("y");
    assert!(b.app.overlay.is_none());
    // ctrl-n scrolls help instead of closing it; an unbound key closes it.
    b.press("?");
    let top = b.screen(80, 24);
    b.app.handle_event(ctrl('n'));
    let scrolled = b.screen(80, 24);
    assert!(b.app.overlay.is_some(), "help stays open");
    assert_ne!(top, scrolled, "and scrolls");
    b.press("z");
    assert!(b.app.overlay.is_none(), "any other key closes help");
}

#[test]
fn a_note_takes_several_lines_and_backspace_keeps_accents_whole() {
    let mut b = bench();
    let id = id_of(&b.app, "C-000001");
    b.app.open_card(id);
    b.app.settle();
    b.press("c");
    // Category, then the description (a multi-line field).
    b.typed("billing");
    b.code(KeyCode::Tab);
    b.typed("charged twice");
    b.app.handle_event(with(KeyModifiers::ALT, KeyCode::Enter));
    b.typed("cafe\u{301}x");
    b.code(KeyCode::Backspace);
    b.code(KeyCode::Backspace);
    let shown = b.screen(80, 24);
    assert!(shown.contains("charged twice"), "{shown}");
    let line_of = |s: &str, what: &str| s.lines().position(|l| l.contains(what));
    let first = line_of(&shown, "charged twice").expect("first line");
    let second = line_of(&shown, "caf").expect("second line");
    assert_eq!(
        second,
        first + 1,
        "the note's second line sits under the first\n{shown}"
    );
    assert!(
        !shown.contains("cafe"),
        "the accent went with its e\n{shown}"
    );
}

#[test]
fn ctrl_c_quits_even_when_a_keymap_unbinds_it() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("keymap.toml");
    std::fs::write(&path, "[global]\n\"ctrl-c\" = \"none\"\n").expect("write");
    let keymap = Keymap::load(None, Some(&path)).expect("keymap").keymap;
    let mut b = bench_keymap(Theme::plain(), keymap);
    b.app
        .handle_event(with(KeyModifiers::CONTROL, KeyCode::Char('c')));
    assert!(b.app.quit, "the safety net");
}

#[test]
fn the_call_screen_answers_who_and_what_on_one_80x24_screen() {
    use loyal::domain::{Channel, Severity};
    use loyal::service::NewComplaint;
    use loyal::transfer::CustomerInput;
    let mut b = bench();
    let key = CustomerKey::External("C-000002".into());
    let service = b.app.service();
    let before = service.customer_card(&key, 0).expect("card").customer;
    // A file full of soft notes, a long mixed name, a birthday in five days (today is
    // 2026-11-21), and more open complaints than the screen lists.
    let long = "prefers short calls, decides fast, asks for the manager when kept waiting; ";
    service
        .update_customer(
            &key,
            &CustomerInput {
                external_id: "C-000002".into(),
                name: "欧阳娜娜 Alexandra Konstantinopoulou-Featherstonehaugh".into(),
                personality: Some(long.repeat(8)),
                interests: Some("tea\ncalligraphy\nmarathons, ".repeat(20)),
                habits: Some("orders on Mondays; ".repeat(30)),
                birthday: Some(NaiveDate::from_ymd_opt(1988, 11, 26)),
                ..CustomerInput::default()
            },
            None,
        )
        .expect("update");
    for n in 0..4 {
        service
            .open_complaint(NewComplaint {
                customer: key.clone(),
                channel: Channel::Phone,
                category: "delivery".into(),
                severity: Severity::High,
                description: format!("parcel {n} late, {}", "very ".repeat(30)),
                assignee: None,
                // An hour before the screen's clock: the SLA left does not depend on today.
                opened_at: Some(clock().now() - 3_600_000),
            })
            .expect("complaint");
    }
    let phone = before.phones.first().expect("a phone").clone();
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    b.app.refresh(true);
    b.app.settle();
    b.press("/").typed(&digits[digits.len() - 4..]);
    b.code(KeyCode::Enter);
    let shown = b.screen(80, 24);
    for expected in [
        "欧阳娜娜 Alexandra",
        phone.as_str(),
        "Value",
        "Talk",
        "birthday in 5 days",
        "Open",
        "+2 more",
        "Last",
        "Next",
        "Person",
        "Likes",
        "Habits",
    ] {
        assert!(shown.contains(expected), "{expected:?} missing\n{shown}");
    }
    insta::assert_snapshot!("call_screen_80x24", shown);
    insta::assert_snapshot!("call_screen_120x40", b.screen(120, 40));

    // One key logs this call: phone, inbound, the customer filled in.
    b.press("l");
    let form = b.screen(80, 24);
    assert!(form.contains("Log this call with"), "{form}");
    assert!(
        form.contains("◀ phone ▶") && form.contains("◀ inbound ▶"),
        "{form}"
    );
    b.typed("asked where parcel 3 is");
    b.code(KeyCode::Enter);
    let card = b.app.service().customer_card(&key, 10).expect("card");
    let logged = card
        .timeline
        .iter()
        .find_map(|e| match e {
            loyal::service::TimelineEntry::FollowUp(f) => Some(f.clone()),
            _ => None,
        })
        .expect("the call is logged");
    assert_eq!(logged.summary, "asked where parcel 3 is");
    assert_eq!(logged.channel, Channel::Phone);
    assert_eq!(logged.direction, loyal::domain::Direction::Inbound);
    assert!(
        b.screen(80, 24).contains("asked where parcel 3 is"),
        "the call screen shows it as the last contact"
    );
}

fn mouse(kind: crossterm::event::MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(crossterm::event::MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

#[test]
fn a_click_picks_a_tab_or_a_row_a_double_click_opens_and_the_wheel_scrolls() {
    use crossterm::event::{MouseButton, MouseEventKind as M};
    let mut b = bench();
    let first = b.screen(80, 24);
    // " 1 Customers   2 Follow-ups   3 Complaints": column 33 is inside "3 Complaints".
    let at = first
        .lines()
        .next()
        .expect("tabs")
        .find("3 Complaints")
        .expect("tab");
    let column = first.lines().next().expect("tabs")[..at].chars().count() as u16 + 2;
    b.app
        .handle_event(mouse(M::Down(MouseButton::Left), column, 0));
    assert_eq!(b.app.pane, Pane::Complaints);
    b.app.handle_event(mouse(M::Down(MouseButton::Left), 1, 0));
    assert_eq!(b.app.pane, Pane::Customers);
    b.screen(80, 24);
    // Rows start under the summary line and the headers: screen row 1 + 2.
    b.app.handle_event(mouse(M::Down(MouseButton::Left), 10, 5));
    assert_eq!(b.app.panes.customers.cursor.selected, 2);
    assert!(b.app.card.is_none(), "one click selects");
    b.app.handle_event(mouse(M::Down(MouseButton::Left), 10, 5));
    b.app.settle();
    assert!(b.app.card.is_some(), "a second click on the row opens it");
    b.app.handle_event(key(KeyCode::Esc));
    b.app.handle_event(mouse(M::ScrollDown, 10, 10));
    assert_eq!(
        b.app.panes.customers.cursor.selected, 5,
        "a notch is three rows"
    );
    b.app.handle_event(mouse(M::ScrollUp, 10, 10));
    assert_eq!(b.app.panes.customers.cursor.selected, 2);
}

#[test]
fn with_the_mouse_off_clicks_do_nothing() {
    use crossterm::event::{MouseButton, MouseEventKind as M};
    let dir = tempfile::tempdir().expect("dir");
    let service = fixture_service(dir.path());
    let mut app = App::new(
        Arc::new(service),
        AppOptions {
            keymap: Keymap::default_map(),
            theme: Theme::plain(),
            clock: clock(),
            notes: Vec::new(),
            mouse: false,
            alerts: Default::default(),
        },
    );
    app.settle();
    app.handle_event(mouse(M::Down(MouseButton::Left), 33, 0));
    app.handle_event(mouse(M::ScrollDown, 10, 10));
    assert_eq!(app.pane, Pane::Customers);
    assert_eq!(app.panes.customers.cursor.selected, 0);
}

/// Moves the open form's focus to the field labelled `label` (Tab until it is focused).
fn focus_field(b: &mut Bench, label: &str) {
    for _ in 0..30 {
        let focused = b
            .screen(100, 40)
            .lines()
            .any(|l| l.contains(&format!("▶ {label}:")));
        if focused {
            return;
        }
        b.code(KeyCode::Tab);
    }
    panic!("no field {label}:\n{}", b.screen(100, 40));
}

#[test]
fn the_customer_form_sets_status_why_they_left_and_the_referrer() {
    let mut b = bench();
    b.app.open_card(id_of(&b.app, "C-000001"));
    b.app.settle();
    b.press("e");
    focus_field(&mut b, "Referred by (id)");
    b.typed("C-000002");
    focus_field(&mut b, "Why they left");
    b.typed("moved abroad");
    b.code(KeyCode::Enter);
    // Active and a reason to have left do not go together: said at the field.
    assert!(
        b.screen(100, 40)
            .contains("an active customer has not left"),
        "{}",
        b.screen(100, 40)
    );
    focus_field(&mut b, "Status");
    b.code(KeyCode::Right);
    assert!(b.screen(100, 40).contains("◀ churned ▶"));
    b.code(KeyCode::Enter);
    assert!(b.app.overlay.is_none(), "{}", b.screen(100, 40));
    let card = b
        .app
        .service()
        .customer_card(&CustomerKey::External("C-000001".into()), 0)
        .expect("card");
    assert_eq!(card.customer.status, loyal::domain::CustomerStatus::Churned);
    assert_eq!(card.customer.churn_reason.as_deref(), Some("moved abroad"));
    assert_eq!(
        card.referred_by.map(|r| r.external_id).as_deref(),
        Some("C-000002")
    );
}

#[test]
fn a_care_plan_takes_a_time_of_day_and_forms_show_words_not_internal_names() {
    let mut b = bench();
    b.app.open_card(id_of(&b.app, "C-000001"));
    b.app.settle();
    b.press("p");
    let form = b.screen(100, 40);
    assert!(form.contains("◀ stay in touch ▶"), "{form}");
    assert!(!form.contains("stay_in_touch"), "{form}");
    focus_field(&mut b, "At (HH:MM)");
    b.typed("25:00");
    b.code(KeyCode::Enter);
    assert!(b.screen(100, 40).contains("is not a time like 09:30"));
    b.app.handle_event(Event::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    b.typed("14:30");
    b.code(KeyCode::Enter);
    assert!(b.app.overlay.is_none(), "{}", b.screen(100, 40));
    let card = b
        .app
        .service()
        .customer_card(&CustomerKey::External("C-000001".into()), 50)
        .expect("card");
    let timed = card.timeline.iter().any(|e| match e {
        loyal::service::TimelineEntry::CarePlan(p) => {
            p.due_time == chrono::NaiveTime::from_hms_opt(14, 30, 0)
        }
        _ => false,
    });
    assert!(timed, "the plan keeps its time");
}

fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

#[test]
fn reorders_due_become_calls_with_one_key_and_root_causes_have_a_view() {
    let mut b = bench();
    b.press("4");
    b.press("v").press("v").press("v").press("v");
    let shown = b.screen(100, 30);
    assert!(shown.contains("due to reorder"), "{shown}");
    let due = b.app.panes.rfm.reorders.clone().expect("the list is read");
    assert!(!due.is_empty(), "the fixtures have customers due");
    assert!(shown.contains(&due[0].name), "{shown}");
    b.press("P");
    let status = b.app.status.clone().expect("status");
    assert!(status.text.contains("reorder calls planned"), "{status:?}");
    b.press("P");
    let status = b.app.status.clone().expect("status");
    assert_eq!(
        status.text,
        format!(
            "0 reorder calls planned; {} customers already had one",
            due.len()
        ),
        "a second time plans none"
    );
    b.code(KeyCode::Enter);
    assert_eq!(b.app.card.as_ref().map(|c| c.id), Some(due[0].customer));
    b.code(KeyCode::Esc);
    b.press("v");
    let shown = b.screen(100, 30);
    assert!(shown.contains("Root cause"), "{shown}");
}

#[test]
fn the_audit_trail_roles_and_a_merge_from_the_workbench() {
    let mut b = bench();
    // The card lists its file's changes once read.
    b.app.open_card(id_of(&b.app, "C-000001"));
    b.app.settle();
    b.press("l").typed("checking in");
    b.code(KeyCode::Enter);
    let card = b.screen(100, 200);
    assert!(card.contains("── Changes"), "{card}");
    assert!(card.contains("follow-up logged"), "{card}");
    // The whole trail has a view of its own.
    b.app.handle_event(ctrl('t'));
    b.app.settle();
    let shown = b.screen(100, 30);
    assert!(shown.contains("Audit trail"), "{shown}");
    assert!(shown.contains("follow-up logged"), "{shown}");
    b.press("z");
    // Roles: the admin gives Bo the viewer role, and the list says so.
    b.app.handle_event(ctrl('k'));
    b.typed("bo");
    b.code(KeyCode::Tab);
    b.code(KeyCode::Left);
    b.code(KeyCode::Enter);
    assert!(b.app.overlay.is_none(), "{}", b.screen(100, 30));
    b.app.handle_event(ctrl('w'));
    b.app.settle();
    let roles = b.screen(100, 30);
    assert!(
        roles
            .lines()
            .any(|l| l.contains("bo ") && l.contains("viewer")),
        "{roles}"
    );
    b.press("z");
    // Merge C-000003 into the open card.
    let kept = b.app.card.as_ref().map(|c| c.id).expect("card");
    b.press("M");
    b.typed("C-000003");
    b.code(KeyCode::Enter);
    let status = b.app.status.clone().expect("status");
    assert!(
        status.text.starts_with("merged into C-000001"),
        "{status:?}"
    );
    assert_eq!(
        b.app
            .service()
            .resolve(&CustomerKey::External("C-000003".into()))
            .expect("the old id resolves"),
        kept
    );
}

#[test]
fn a_file_is_imported_with_a_gauge_and_its_report_and_exported_from_the_workbench() {
    let mut b = bench();
    let dir = tempfile::tempdir().expect("dir");
    // One bad row: all or nothing refuses the file and lists the row.
    let bad = dir.path().join("new.csv");
    std::fs::write(
        &bad,
        "customer_id,name,phone\nC-900001,Nadia Okafor,13900001111\nC-900002,,13900002222\n",
    )
    .expect("write");
    b.press("I");
    b.typed(bad.to_str().expect("utf-8"));
    b.code(KeyCode::Enter);
    let shown = b.screen(100, 30);
    assert!(shown.contains("Import refused"), "{shown}");
    assert!(shown.contains("1 bad row; nothing was written"), "{shown}");
    assert!(shown.contains("new.csv:3: name"), "{shown}");
    assert!(
        b.app
            .service()
            .resolve(&CustomerKey::External("C-900001".into()))
            .is_err(),
        "nothing was written"
    );
    b.press("z");
    // Skipping bad rows: the good one goes in, the report says what was skipped. The form
    // opens as it was sent, the file named already.
    b.press("I");
    b.code(KeyCode::Tab);
    b.code(KeyCode::Tab);
    b.code(KeyCode::Right);
    b.code(KeyCode::Enter);
    let shown = b.screen(100, 30);
    assert!(shown.contains("imported 1 customers: 1 new"), "{shown}");
    assert!(shown.contains("skipped"), "{shown}");
    assert!(
        b.app
            .service()
            .resolve(&CustomerKey::External("C-900001".into()))
            .is_ok()
    );
    b.press("z");
    // Export: the admin writes the customers to a new file; an existing file is refused.
    let out = dir.path().join("out.csv");
    b.press("X");
    b.code(KeyCode::Tab);
    b.app.handle_event(ctrl('u'));
    b.typed(out.to_str().expect("utf-8"));
    b.code(KeyCode::Enter);
    let written = std::fs::read_to_string(&out).expect("exported");
    assert!(written.starts_with("customer_id,"), "{written}");
    assert_eq!(written.lines().count(), 302, "a header and 301 customers");
    b.press("X");
    b.code(KeyCode::Tab);
    b.app.handle_event(ctrl('u'));
    b.typed(out.to_str().expect("utf-8"));
    b.code(KeyCode::Enter);
    assert!(
        b.screen(100, 30).contains("exists; name a new file"),
        "{}",
        b.screen(100, 30)
    );
}

#[test]
fn a_dry_run_shows_how_the_columns_map_and_the_mapping_can_be_fixed_before_writing() {
    let mut b = bench();
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("wukong.csv");
    let (gbk, _, _) = encoding_rs::GBK
        .encode("会员卡,客户名称,手机号码\nW-1,孙悟空,13800000001\nW-2,猪八戒,13800000002\n");
    std::fs::write(&file, gbk).expect("write");
    b.press("I");
    insta::assert_snapshot!("import_form_80x24", b.screen(80, 24));
    b.typed(file.to_str().expect("utf-8"));
    // Only check, with the column nobody knows named.
    for _ in 0..3 {
        b.code(KeyCode::Tab);
    }
    b.code(KeyCode::Right);
    b.code(KeyCode::Tab);
    b.typed("会员卡=customer_id");
    b.code(KeyCode::Enter);
    let shown = b.screen(100, 30);
    assert!(shown.contains("would import 2 customers"), "{shown}");
    assert!(shown.contains("read as GBK"), "{shown}");
    assert!(
        shown.contains("会员卡   -> customer_id  W-1 | W-2"),
        "{shown}"
    );
    assert!(shown.contains("手机号码 -> phone"), "{shown}");
    b.press("z");
    b.press("I");
    let kept = b.screen(80, 24);
    assert!(
        kept.contains("会员卡=customer_id") && kept.contains("◀ yes ▶"),
        "{kept}"
    );
    b.code(KeyCode::Esc);
    // The form opens as it was sent: only the check is turned off, and the file goes in.
    b.press("I");
    for _ in 0..3 {
        b.code(KeyCode::Tab);
    }
    b.code(KeyCode::Right);
    b.code(KeyCode::Enter);
    assert!(b.screen(100, 30).contains("imported 2 customers: 2 new"));
    assert!(
        b.app
            .service()
            .resolve(&CustomerKey::External("W-2".into()))
            .is_ok()
    );
}

#[test]
fn the_import_gauge_shows_the_file_and_the_rows() {
    let mut b = bench();
    // First every row is checked (how many there are is not known yet)...
    b.app.importing = Some(loyal::tui::app::ImportProgress {
        name: "orders.csv".into(),
        done: 8_192,
        total: 0,
    });
    let shown = b.screen(80, 24);
    let status = shown.lines().last().expect("status line");
    assert!(
        status.contains("checking orders.csv: 8,192 rows"),
        "{status}"
    );
    // ...then they are written.
    b.app.importing = Some(loyal::tui::app::ImportProgress {
        name: "orders.csv".into(),
        done: 4_100,
        total: 10_000,
    });
    let shown = b.screen(80, 24);
    let status = shown.lines().last().expect("status line");
    assert!(
        status.contains("importing orders.csv: 4,100 of 10,000 rows"),
        "{status}"
    );
}

/// A way to open something over the pane.
type Opener<'a> = &'a dyn Fn(&mut Bench);

#[test]
fn every_overlay_and_a_form_at_two_sizes() {
    let shots: [(&str, Opener); 5] = [
        ("help", &|b| {
            b.press("?");
        }),
        ("palette", &|b| {
            b.press(":").typed("comp");
        }),
        ("lookup", &|b| {
            b.press("/").typed("zhang");
        }),
        ("form", &|b| {
            b.press("c").typed("billing");
            b.code(KeyCode::Tab);
            b.typed("charged twice");
            b.app.handle_event(with(KeyModifiers::ALT, KeyCode::Enter));
            b.typed("for order 7");
        }),
        ("roles", &|b| {
            b.app.handle_event(ctrl('w'));
            b.app.settle();
        }),
    ];
    for (name, open) in shots {
        let mut b = bench();
        open(&mut b);
        assert!(b.app.overlay.is_some(), "{name} opens");
        for (w, h) in [(80, 24), (120, 40)] {
            insta::assert_snapshot!(format!("overlay_{name}_{w}x{h}"), b.screen(w, h));
        }
    }
}

#[test]
fn the_rfm_hints_are_spelled_from_the_keymap_in_use() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("keymap.toml");
    std::fs::write(&path, "[rfm]\n\"v\" = \"none\"\n\"V\" = \"next_view\"\n").expect("write");
    let keymap = Keymap::load(None, Some(&path)).expect("keymap").keymap;
    let mut b = bench_keymap(Theme::plain(), keymap);
    b.press("4");
    let shown = b.screen(120, 40);
    assert!(shown.contains("V churn by month"), "{shown}");
    assert!(!shown.contains(" v churn"), "{shown}");
}

/// The RFM pane's lifetime view: the fit, the tracking chart and the "valuable and slipping
/// away" list; `W` there plans a win-back call for each listed customer, once.
#[test]
fn the_lifetime_view_lists_who_is_slipping_and_plans_their_calls() {
    let mut b = bench();
    b.press("4").press("vvvvvv");
    assert_eq!(
        b.app.panes.rfm.view,
        loyal::tui::panes::rfm::RfmView::Lifetime
    );
    insta::assert_snapshot!("rfm_lifetime_80x24", b.screen(80, 24));
    insta::assert_snapshot!("rfm_lifetime_120x40", b.screen(120, 40));
    let roster = b.app.roster.clone().expect("roster");
    assert!(
        !roster.slipping.is_empty(),
        "the demo has customers slipping away"
    );
    let listed = roster.slipping.clone();
    b.press("W");
    let status = b.app.status.clone().expect("status");
    assert!(
        status
            .text
            .contains(&format!("{} win-back calls planned", listed.len())),
        "{status:?}"
    );
    for id in &listed {
        let card = b
            .app
            .service()
            .customer_card(&CustomerKey::Internal(*id), 1000)
            .expect("card");
        let plans = card
            .timeline
            .iter()
            .filter(|e| {
                matches!(e, loyal::service::TimelineEntry::CarePlan(p)
                    if p.purpose == loyal::domain::CarePurpose::WinBack
                        && p.status == loyal::domain::PlanStatus::Open)
            })
            .count();
        assert_eq!(plans, 1, "one open win-back call for {id}");
    }
    // Again: everyone has one already.
    b.press("W");
    let status = b.app.status.clone().expect("status");
    assert!(
        status.text.contains(&format!(
            "0 win-back calls planned ({} already",
            listed.len()
        )),
        "{status:?}"
    );
    // Enter opens the selected customer's card.
    b.code(KeyCode::Enter);
    assert_eq!(
        b.app.card.as_ref().map(|c| c.card.customer.id),
        Some(listed[0])
    );
}

/// `slipping:yes` lists exactly the slipping customers; the CLV sort puts the most valuable
/// first.
#[test]
fn the_customers_table_filters_the_slipping_and_sorts_by_lifetime_value() {
    let mut b = bench();
    b.press("F").typed("slipping:yes").code(KeyCode::Enter);
    let roster = b.app.roster.clone().expect("roster");
    let mut want = roster.slipping.clone();
    want.sort_unstable();
    let mut got = b.app.panes.customers.ids.clone();
    got.sort_unstable();
    assert_eq!(got, want);
    b.press("x");
    // Name, contact, order, spend, segment, stage, then CLV.
    b.press("sssssss");
    assert_eq!(
        b.app.panes.customers.sort,
        Some(loyal::tui::panes::customers::SortKey::Clv)
    );
    let clv = |id: &u64| {
        roster
            .row(*id)
            .and_then(|r| r.lifetime)
            .and_then(|l| l.clv)
            .unwrap_or(f32::MIN)
    };
    let ids = &b.app.panes.customers.ids;
    assert!(ids.windows(2).all(|w| clv(&w[0]) >= clv(&w[1])));
    assert!(clv(&ids[0]) > 0.0);
    // Reversed: least value first, and the customers without a value still last.
    b.press("S");
    let ids = &b.app.panes.customers.ids;
    let valued = |id: &u64| clv(id) > f32::MIN;
    let first_unvalued = ids
        .iter()
        .position(|id| !valued(id))
        .expect("prospects have none");
    assert!(first_unvalued > 0);
    assert!(ids[first_unvalued..].iter().all(|id| !valued(id)));
    assert!(
        ids[..first_unvalued]
            .windows(2)
            .all(|w| clv(&w[0]) <= clv(&w[1]))
    );
}

/// On the card: `r` redeems against the balance the form shows, `a` grants; the card's points
/// line follows; a save after a colleague's redemption moved the balance is refused.
#[test]
fn points_are_redeemed_and_granted_from_the_card() {
    let mut b = bench();
    b.press("/6542");
    b.code(KeyCode::Enter);
    let id = b.app.card.as_ref().map(|c| c.id).expect("card");
    let balance = |b: &workbench::Bench| {
        let now = chrono::Utc::now().timestamp_millis();
        b.app
            .service()
            .points_summary(id, now, 0)
            .expect("points")
            .balance
    };
    let before = balance(&b);
    assert!(before > 60, "{before}");
    assert!(b.screen(120, 40).contains(&format!("{before} points")));
    b.press("r");
    assert!(matches!(b.app.overlay, Some(Overlay::Form(_))));
    b.typed("50")
        .code(KeyCode::Tab)
        .typed("gift box")
        .code(KeyCode::Enter);
    assert!(b.app.overlay.is_none(), "form closed after the save");
    let status = b.app.status.clone().expect("status");
    assert!(status.text.contains("50 points redeemed"), "{status:?}");
    let after = balance(&b);
    assert_eq!(after, before - 50);
    assert!(b.screen(120, 40).contains(&format!("{after} points")));
    // More than the balance: refused in the form, nothing written.
    b.press("r");
    b.typed(&(after + 1).to_string())
        .code(KeyCode::Tab)
        .typed("too much")
        .code(KeyCode::Enter);
    assert!(
        matches!(b.app.overlay, Some(Overlay::Form(_))),
        "the form stays"
    );
    assert!(b.screen(120, 40).contains(&format!("only {after} points")));
    b.code(KeyCode::Esc).press("y");
    // A colleague redeems while the form is open: the save is refused.
    b.press("a");
    b.app
        .service()
        .redeem_points(id, 5, "colleague", None)
        .expect("colleague");
    b.typed("20")
        .code(KeyCode::Tab)
        .typed("late parcel")
        .code(KeyCode::Enter);
    assert!(b.screen(120, 40).contains("changed since you looked"));
    assert_eq!(balance(&b), after - 5);
}
