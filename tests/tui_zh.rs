//! The workbench in Chinese on a `TestBackend`: every pane, the complaint detail, the card
//! with its call screen, a form and help at 80x24 and 120x40 (insta snapshots), with the
//! words checked whole where English fits whole at the same size. The whole test binary
//! speaks Chinese (the language is a process-wide choice, made once as at start).

mod common;
mod workbench;

use crossterm::event::KeyCode;
use loyal::i18n::{self, Lang};
use workbench::{Bench, bench};

fn zh_bench() -> Bench {
    i18n::set(Lang::Zh);
    bench()
}

#[test]
fn the_import_form_in_chinese_fits_80x24() {
    let mut b = zh_bench();
    b.press("I");
    insta::assert_snapshot!("zh_import_form_80x24", b.screen(80, 24));
}

#[test]
fn every_pane_the_card_and_a_form_in_chinese_at_two_sizes() {
    let mut b = zh_bench();
    for (w, h) in [(80, 24), (120, 40)] {
        b.press("1");
        insta::assert_snapshot!(format!("zh_customers_{w}x{h}"), b.screen(w, h));
        b.press("2");
        insta::assert_snapshot!(format!("zh_followups_{w}x{h}"), b.screen(w, h));
        b.press("3");
        insta::assert_snapshot!(format!("zh_complaints_{w}x{h}"), b.screen(w, h));
        b.code(KeyCode::Enter);
        insta::assert_snapshot!(format!("zh_complaint_detail_{w}x{h}"), b.screen(w, h));
        b.code(KeyCode::Esc);
        b.press("4");
        insta::assert_snapshot!(format!("zh_rfm_{w}x{h}"), b.screen(w, h));
        b.press("1");
        b.code(KeyCode::Enter);
        insta::assert_snapshot!(format!("zh_card_{w}x{h}"), b.screen(w, h));
        b.press("f");
        insta::assert_snapshot!(format!("zh_form_{w}x{h}"), b.screen(w, h));
        b.code(KeyCode::Esc);
        b.code(KeyCode::Esc);
        b.press("?");
        insta::assert_snapshot!(format!("zh_help_{w}x{h}"), b.screen(w, h));
        b.code(KeyCode::Esc);
    }
}

#[test]
fn the_chinese_screen_keeps_its_words_whole_at_80x24() {
    let mut b = zh_bench();
    let screen = b.screen(80, 24);
    for word in [
        "1 客户", "2 跟进", "3 投诉", "4 RFM", "姓名", "电话", "阶段", "细分",
    ] {
        assert!(screen.contains(word), "{word} missing or cut:\n{screen}");
    }
    assert!(
        !screen.contains("Customers"),
        "English left on screen:\n{screen}"
    );
    b.press("2");
    let screen = b.screen(80, 24);
    for word in ["日程", "最近记录", "被遗忘", "已逾期"] {
        assert!(screen.contains(word), "{word} missing or cut:\n{screen}");
    }
    b.press("3");
    let screen = b.screen(80, 24);
    assert!(screen.contains("最紧急的在前"), "{screen}");
    b.press("1");
    b.code(KeyCode::Enter);
    let screen = b.screen(80, 24);
    for word in ["客户", "价值", "未结", "最近", "下次"] {
        assert!(screen.contains(word), "call screen label {word}:\n{screen}");
    }
}

#[test]
fn a_status_message_and_a_form_error_are_in_chinese() {
    let mut b = zh_bench();
    // Marking a plan done in the recent log (no plan there) says where plans are.
    b.press("2v");
    b.press("d");
    let status = b.app.status.clone().expect("a status");
    assert!(status.text.contains("请先在日程"), "{status:?}");
    b.press("1");
    b.code(KeyCode::Enter);
    b.press("f");
    // Saving with the summary empty names the field in Chinese.
    b.code(KeyCode::Enter);
    let screen = b.screen(100, 30);
    assert!(screen.contains("必须填写摘要"), "{screen}");
}
