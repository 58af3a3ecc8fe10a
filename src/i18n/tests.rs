//! The catalogues agree: every id in both languages, every id used in code present, every id
//! present used; placeables and plurals resolve.

use super::*;
use std::collections::BTreeSet;
use std::path::Path;

/// Ids built at run time (the titles of labelled values: `channel-phone`).
fn dynamic_ids() -> BTreeSet<String> {
    use crate::domain::*;
    use crate::scoring::{Period, Segment, Stage, ValueClass};
    fn of<T: Copy>(all: &[T], id: impl Fn(T) -> String) -> Vec<String> {
        all.iter().map(|v| id(*v)).collect()
    }
    [
        of(Segment::ALL, Segment::title_id),
        of(ValueClass::ALL, ValueClass::title_id),
        of(Stage::ALL, Stage::title_id),
        of(Period::ALL, Period::title_id),
        of(Role::ALL, Role::title_id),
        of(CarePurpose::ALL, CarePurpose::title_id),
        of(PlanStatus::ALL, PlanStatus::title_id),
        of(RecurrenceUnit::ALL, RecurrenceUnit::title_id),
        of(CustomerStatus::ALL, CustomerStatus::title_id),
        of(Gender::ALL, Gender::title_id),
        of(Severity::ALL, Severity::title_id),
        of(ComplaintStatus::ALL, ComplaintStatus::title_id),
        of(ComplaintEventKind::ALL, ComplaintEventKind::title_id),
        of(ImportState::ALL, ImportState::title_id),
        of(Direction::ALL, Direction::title_id),
        of(FollowUpKind::ALL, FollowUpKind::title_id),
        of(Channel::ALL, Channel::title_id),
        of(InfluenceKind::ALL, InfluenceKind::title_id),
    ]
    .concat()
    .into_iter()
    .chain(
        crate::tui::action::Action::ALL
            .iter()
            .map(|a| format!("action-{}", a.name())),
    )
    .chain(crate::cli::help_ids().into_iter().map(|(id, _)| id))
    .chain(crate::cli::report_column_ids())
    .chain(crate::service::TEAM_SETTINGS.iter().map(|s| s.help_id()))
    .chain(needs_ids())
    .chain(
        crate::domain::AUDIT_ACTIONS
            .iter()
            .map(|a| crate::domain::audit_action_id(a)),
    )
    .collect()
}

/// The `needs-…` ids of every refused write's words, found in the service's sources
/// (`self.write(Role::Agent, "change care plans", …)`, `require(Role::Admin, "…")`).
fn needs_ids() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/service");
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let code: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for marker in [
            "write(Role::Agent, \"",
            "write(Role::Admin, \"",
            "require(Role::Agent, \"",
            "require(Role::Admin, \"",
        ] {
            for (at, _) in code.match_indices(marker) {
                let rest = &code[at + marker.len()..];
                if let Some(end) = rest.find('"') {
                    ids.push(format!("needs-{}", slug(&rest[..end])));
                }
            }
        }
    }
    ids
}

/// Literal ids in `t!("…")`, `ts!("…")` and `message_in(lang, "…", …)` in the sources.
fn used_ids() -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                // Comments may show the macros (`t!("id")`) without using an id.
                let code: String = text
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("//"))
                    .collect::<Vec<_>>()
                    .join("\n");
                for marker in ["t!(", "ts!(", "message_in("] {
                    for (at, _) in code.match_indices(marker) {
                        // `format!(` ends in `t!(`: only the macro itself counts.
                        let before = code[..at].chars().next_back();
                        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                            continue;
                        }
                        let mut rest = &code[at + marker.len()..];
                        // `message_in(lang, "id", …)`: the id is the second argument.
                        if marker == "message_in(" {
                            rest = rest.split_once(',').map_or("", |(_, r)| r);
                        }
                        let rest = rest.trim_start();
                        if let Some(rest) = rest.strip_prefix('"')
                            && let Some(end) = rest.find('"')
                            && is_id(&rest[..end])
                        {
                            found.insert(rest[..end].to_owned());
                        }
                    }
                }
            }
        }
    }
    found
}

/// A Fluent message id: a letter, then letters, digits, `-` and `_`.
fn is_id(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphabetic())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[test]
fn both_languages_have_the_same_messages() {
    let en: BTreeSet<String> = ids(Lang::En).into_iter().collect();
    let zh: BTreeSet<String> = ids(Lang::Zh).into_iter().collect();
    let only_en: Vec<_> = en.difference(&zh).collect();
    let only_zh: Vec<_> = zh.difference(&en).collect();
    assert!(only_en.is_empty(), "missing in zh-CN.ftl: {only_en:?}");
    assert!(only_zh.is_empty(), "missing in en.ftl: {only_zh:?}");
    assert_eq!(
        ids(Lang::En).len(),
        en.len(),
        "an id appears twice in en.ftl"
    );
    assert_eq!(
        ids(Lang::Zh).len(),
        zh.len(),
        "an id appears twice in zh-CN.ftl"
    );
}

#[test]
fn every_id_used_is_in_the_catalogue_and_every_id_there_is_used() {
    let catalogue: BTreeSet<String> = ids(Lang::En).into_iter().collect();
    let mut used = used_ids();
    used.extend(dynamic_ids());
    let missing: Vec<_> = used.difference(&catalogue).collect();
    let unused: Vec<_> = catalogue.difference(&used).collect();
    assert!(
        missing.is_empty(),
        "used in code, not in the catalogue: {missing:?}"
    );
    assert!(
        unused.is_empty(),
        "in the catalogue, used nowhere: {unused:?}"
    );
}

#[test]
fn the_catalogues_parse_and_every_message_formats_in_both_languages() {
    for (name, source) in [("en.ftl", EN), ("zh-CN.ftl", ZH)] {
        if let Err((_, errors)) = FluentResource::try_new(source.to_owned()) {
            panic!("{name}: {errors:?}");
        }
    }
    for lang in Lang::ALL {
        for id in ids(lang) {
            assert!(has(lang, &id), "{id}");
            let text = message_in(lang, &id, &[]);
            assert!(!text.is_empty(), "{lang:?} {id} is empty");
            assert!(!text.contains('\u{2068}'), "isolation marks in {id}");
        }
    }
}

#[test]
fn counts_take_the_right_plural_in_english_and_none_in_chinese() {
    let n = |v: u64| [("n", Arg::from(v))];
    assert_eq!(message_in(Lang::En, "count-contacts", &n(1)), "1 contact");
    assert_eq!(message_in(Lang::En, "count-contacts", &n(5)), "5 contacts");
    assert_eq!(message_in(Lang::Zh, "count-contacts", &n(5)), "5次联系");
}

#[test]
fn language_names_parse() {
    for (text, want) in [
        ("zh", Some(Lang::Zh)),
        ("zh-CN", Some(Lang::Zh)),
        ("zh_TW.UTF-8", Some(Lang::Zh)),
        ("中文", Some(Lang::Zh)),
        ("en", Some(Lang::En)),
        ("en_US.UTF-8", Some(Lang::En)),
        ("klingon", None),
    ] {
        assert_eq!(Lang::parse(text), want, "{text}");
    }
}

#[test]
fn titles_are_unique_within_each_kind_in_both_languages() {
    use crate::domain::*;
    use crate::scoring::{Period, Segment, Stage, ValueClass};
    fn check<T: Copy + std::fmt::Debug>(all: &[T], title: impl Fn(T, Lang) -> String) {
        for lang in Lang::ALL {
            let titles: BTreeSet<String> = all.iter().map(|v| title(*v, lang)).collect();
            assert_eq!(titles.len(), all.len(), "{lang:?} {all:?}");
        }
    }
    check(Segment::ALL, |v, l| v.title_in(l));
    check(ValueClass::ALL, |v, l| v.title_in(l));
    check(Stage::ALL, |v, l| v.title_in(l));
    check(Period::ALL, |v, l| v.title_in(l));
    check(Role::ALL, |v, l| v.title_in(l));
    check(CarePurpose::ALL, |v, l| v.title_in(l));
    check(PlanStatus::ALL, |v, l| v.title_in(l));
    check(RecurrenceUnit::ALL, |v, l| v.title_in(l));
    check(CustomerStatus::ALL, |v, l| v.title_in(l));
    check(Gender::ALL, |v, l| v.title_in(l));
    check(Severity::ALL, |v, l| v.title_in(l));
    check(ComplaintStatus::ALL, |v, l| v.title_in(l));
    check(ComplaintEventKind::ALL, |v, l| v.title_in(l));
    check(ImportState::ALL, |v, l| v.title_in(l));
    check(Direction::ALL, |v, l| v.title_in(l));
    check(FollowUpKind::ALL, |v, l| v.title_in(l));
    check(Channel::ALL, |v, l| v.title_in(l));
}

#[test]
fn a_title_typed_back_in_either_language_is_understood() {
    use crate::domain::{CarePurpose, ComplaintStatus};
    assert_eq!(
        "保持联系".parse::<CarePurpose>().ok(),
        Some(CarePurpose::StayInTouch)
    );
    assert_eq!(
        "stay in touch".parse::<CarePurpose>().ok(),
        Some(CarePurpose::StayInTouch)
    );
    assert_eq!(
        "处理中".parse::<ComplaintStatus>().ok(),
        Some(ComplaintStatus::InProgress)
    );
    assert!("处理".parse::<ComplaintStatus>().is_err());
}

#[test]
fn the_english_catalogue_says_what_each_team_setting_says() {
    for spec in crate::service::TEAM_SETTINGS {
        assert_eq!(
            message_in(Lang::En, &spec.help_id(), &[]),
            spec.help,
            "{}",
            spec.key
        );
    }
}

#[test]
fn every_refused_write_says_what_was_refused_in_both_languages() {
    let ids = needs_ids();
    assert!(ids.len() >= 10, "{ids:?}");
    for id in ids {
        assert!(has(Lang::En, &id) && has(Lang::Zh, &id), "{id}");
    }
}

#[test]
fn a_select_on_a_word_picks_the_variant_in_both_languages() {
    let args = |dry: &str| {
        [
            ("name", Arg::from("c.csv")),
            ("dry", Arg::from(dry)),
            ("rows", Arg::from(3u64)),
            ("kind", Arg::from("customers")),
            ("created", Arg::from(1u64)),
            ("updated", Arg::from(1u64)),
            ("unchanged", Arg::from(1u64)),
        ]
    };
    let en = message_in(Lang::En, "import-summary", &args("yes"));
    assert_eq!(
        en,
        "c.csv: would import 3 customers: 1 new, 1 updated, 1 unchanged"
    );
    let en = message_in(Lang::En, "import-summary", &args("no"));
    assert!(en.starts_with("c.csv: imported 3"), "{en}");
    let zh = message_in(Lang::Zh, "import-summary", &args("yes"));
    assert!(zh.starts_with("c.csv：将导入 3 条"), "{zh}");
}
