//! Tests of form.rs.

use super::*;

fn typed(form: &mut Form<()>, text: &str) {
    for c in text.chars() {
        form.type_text(c.encode_utf8(&mut [0; 4]));
    }
}

#[test]
fn unicode_typing_and_editing() {
    let mut form = Form::new("t", (), vec![Field::text("name", "Name", "")]);
    typed(&mut form, "张三x");
    form.act(Action::DeleteBack);
    form.act(Action::CharLeft);
    typed(&mut form, "李");
    assert_eq!(form.value("name"), "张李三");
    form.paste("\u{1b}[31m丰\n");
    assert_eq!(form.value("name"), "张李[31m丰 三");
    assert!(form.is_dirty());
    form.act(Action::LineEnd);
    form.act(Action::DeleteWordBack);
    assert_eq!(form.value("name"), "张李[31m丰 ");
}

#[test]
fn notes_take_lines_and_up_down_leave_the_field_at_its_edges() {
    let mut form = Form::new(
        "t",
        (),
        vec![
            Field::text("a", "A", ""),
            Field::lines("notes", "Notes", ""),
            Field::text("b", "B", ""),
        ],
    );
    form.act(Action::LineDown);
    assert_eq!(form.focus, 1);
    typed(&mut form, "first");
    form.act(Action::Newline);
    typed(&mut form, "second");
    form.paste("\r\nthird");
    assert_eq!(form.value("notes"), "first\nsecond\nthird");
    form.act(Action::LineUp);
    form.act(Action::LineUp);
    assert_eq!(form.focus, 1, "still in the note, on its first line");
    form.act(Action::LineUp);
    assert_eq!(form.focus, 0, "past the first line: the field above");
    form.act(Action::Newline);
    assert_eq!(form.value("a"), "", "a one-line field takes no newline");
    form.act(Action::NextField);
    form.act(Action::NextField);
    assert_eq!(form.focus, 2, "Tab goes to the next field at once");
}

#[test]
fn choices_cycle_and_back_asks_when_dirty() {
    let mut form = Form::new(
        "t",
        (),
        vec![Field::choice("c", "Channel", &["phone", "email"], "phone")],
    );
    form.act(Action::CharRight);
    assert_eq!(form.value("c"), "email");
    typed(&mut form, "z");
    assert_eq!(form.value("c"), "email");
    typed(&mut form, " ");
    assert_eq!(form.value("c"), "phone");
    form.act(Action::CharLeft);
    assert_eq!(form.act(Action::Back), FormEvent::None);
    assert!(form.asks());
    assert_eq!(form.act(Action::No), FormEvent::None);
    assert!(!form.asks(), "no: keep editing");
    form.act(Action::Back);
    assert_eq!(form.act(Action::Yes), FormEvent::Cancel);
}

#[test]
fn required_fields_are_flagged() {
    let mut form = Form::new(
        "t",
        (),
        vec![
            Field::text("a", "A", "x"),
            Field::text("b", "B", "").required(),
        ],
    );
    assert!(!form.check_required());
    assert_eq!(form.focus, 1);
    assert_eq!(form.fields[1].error.as_deref(), Some("B is required"));
}

fn screen(form: &Form<()>, w: u16, h: u16) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    terminal
        .draw(|f| form.render(f, f.area(), Theme::plain(), None, "Enter save"))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buffer[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

#[test]
fn the_footer_stays_in_the_box_however_small() {
    let mut form = Form::new(
        "t",
        (),
        (0..6)
            .map(|_| Field::text("a", "A", ""))
            .chain([Field::date("d", "Next contact", "")])
            .collect(),
    );
    form.fields[6].error = Some(format!("{} is not a date", "x".repeat(120)));
    form.focus = 6;
    typed(&mut form, "z");
    form.act(Action::Back);
    assert!(form.confirm_discard);
    for (w, h) in [(80, 22), (40, 8), (76, 5), (30, 4)] {
        let screen = screen(&form, w, h);
        assert!(screen.contains("Discard"), "{w}x{h}\n{screen}");
    }
}

#[test]
fn a_long_note_shows_the_lines_around_the_cursor() {
    let text: Vec<String> = (1..=7).map(|n| format!("line {n}")).collect();
    let mut form = Form::new("t", (), vec![Field::lines("n", "Notes", text.join("\n"))]);
    let shown = screen(&form, 60, 14);
    assert!(
        shown.contains("line 7") && shown.contains("line 4"),
        "{shown}"
    );
    assert!(
        !shown.contains("line 3") && shown.contains("3 more lines"),
        "{shown}"
    );
    for _ in 0..6 {
        form.act(Action::LineUp);
    }
    let shown = screen(&form, 60, 14);
    assert!(
        shown.contains("line 1") && !shown.contains("line 5"),
        "{shown}"
    );
}

#[test]
fn long_values_keep_the_cursor_visible() {
    let (shown, col) = visible_tail("abcdefghij", 10, 5);
    assert_eq!(shown, "ghij ");
    assert_eq!(col, 4);
    let (shown, col) = visible_tail("张三李四", 3, 6);
    assert_eq!(shown, "张三… ");
    assert_eq!(col, 2);
}
