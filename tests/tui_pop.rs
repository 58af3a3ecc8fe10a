//! Screen pops in the workbench (TestBackend): one customer with the number opens the call
//! screen, several show the lookup list, none opens the new-customer form with the number,
//! and a form with typed text is kept (the status line names the caller instead).

mod common;
mod workbench;

use crossterm::event::KeyCode;
use loyal::pop::Pop;
use loyal::service::ImportOptions;
use loyal::transfer::{Format, Kind};
use loyal::tui::app::Overlay;
use workbench::bench;

fn pop(phone: &str) -> Pop {
    Pop {
        phone: phone.into(),
        to: "Ann".into(),
        at: 0,
    }
}

#[test]
fn one_several_or_no_customer_with_the_number() {
    let mut b = bench();
    common::import_into(
        b.app.service(),
        Kind::Customers,
        "customer_id,name,phone\nT-1,Twin One,+1 555 777 0001\nT-2,Twin Two,+1 555 777 0001\n",
        Format::Csv,
        ImportOptions::default(),
    )
    .expect("twins");
    // One: the call screen.
    b.app.pop_up(pop("13500096542"));
    let card = b.app.card.as_ref().expect("a card");
    assert_eq!(card.card.customer.external_id, "C-000001");
    assert!(b.screen(80, 24).contains("黄佳 · C-000001"));
    // Several: the lookup list, both there.
    b.app.pop_up(pop("+1 (555) 777-0001"));
    let Some(Overlay::Lookup(lookup)) = &b.app.overlay else {
        panic!("the lookup list")
    };
    assert!(lookup.hits.len() >= 2, "{:?}", lookup.hits.len());
    let status = b.app.status.clone().expect("status");
    assert!(
        status.text.contains("2 customers have this number"),
        "{status:?}"
    );
    // None: a new file with the number in it.
    b.code(KeyCode::Esc);
    b.app.pop_up(pop("+44 20 7946 0000"));
    let Some(Overlay::Form(form)) = &b.app.overlay else {
        panic!("the new-customer form")
    };
    assert_eq!(form.value("phones"), "+44 20 7946 0000");
    // Typing in it, then another call: the form and its text stay.
    b.typed("Ms Caller");
    b.app.pop_up(pop("13500096542"));
    let Some(Overlay::Form(form)) = &b.app.overlay else {
        panic!("the form is kept")
    };
    assert_eq!(form.value("name"), "Ms Caller");
    let status = b.app.status.clone().expect("status");
    assert!(status.text.contains("call from 13500096542"), "{status:?}");
}

#[test]
fn a_reply_being_typed_under_the_answer_picker_is_kept_when_a_call_comes() {
    let mut b = bench();
    b.press("3");
    b.press("r");
    b.typed("half a reply");
    b.app.handle_event(crossterm::event::Event::Key(
        crossterm::event::KeyEvent::new(
            KeyCode::Char('t'),
            crossterm::event::KeyModifiers::CONTROL,
        ),
    ));
    assert!(matches!(b.app.overlay, Some(Overlay::Answers(_))));
    b.app.pop_up(pop("13500096542"));
    let Some(Overlay::Answers(picker)) = &b.app.overlay else {
        panic!("the picker and its form stay")
    };
    assert_eq!(
        picker.form.as_ref().expect("form").value("text"),
        "half a reply"
    );
    assert!(b.app.card.is_none(), "no card opened over the reply");
}
