//! Tests of the keymap engine and the shipped keymaps.

use super::*;
use crossterm::event::KeyEventKind;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;

/// The section chains the app looks keys up in, one per input context.
fn chains() -> Vec<&'static [Section]> {
    crate::tui::action::InputContext::ALL
        .iter()
        .map(|context| context.sections())
        .collect()
}

fn key(spelling: &str) -> KeyPress {
    KeyPress::parse(spelling).unwrap_or_else(|e| panic!("{spelling}: {e}"))
}

fn keys(spelling: &str) -> Vec<KeyPress> {
    parse_sequence(spelling).unwrap_or_else(|e| panic!("{spelling}: {e}"))
}

fn event(code: KeyCode, modifiers: KeyModifiers) -> KeyPress {
    let mut event = KeyEvent::new(code, modifiers);
    event.kind = KeyEventKind::Press;
    KeyPress::from_event(&event)
}

/// The default map with one overlay text laid over it, as a user file would be.
fn overlay(text: &str) -> Result<LoadedKeymap, KeymapError> {
    let mut keymap = Keymap::default_map();
    let mut notes = Vec::new();
    keymap.apply(Layer::parse("mine.toml", "mine.toml", text)?, &mut notes);
    Ok(LoadedKeymap { keymap, notes })
}

fn error_of(text: &str) -> String {
    match overlay(text) {
        Ok(_) => panic!("no error for:\n{text}"),
        Err(error) => error.to_string(),
    }
}

#[test]
fn every_key_form_parses_and_prints_canonically() {
    for (spelling, canonical) in [
        ("j", "j"),
        ("G", "G"),
        ("?", "?"),
        ("/", "/"),
        (":", ":"),
        ("1", "1"),
        ("-", "-"),
        ("@", "@"),
        ("enter", "enter"),
        ("Enter", "enter"),
        ("esc", "esc"),
        ("tab", "tab"),
        ("backtab", "backtab"),
        ("shift-tab", "backtab"),
        ("shift-backtab", "backtab"),
        ("up", "up"),
        ("down", "down"),
        ("left", "left"),
        ("right", "right"),
        ("pageup", "pageup"),
        ("PageDown", "pagedown"),
        ("home", "home"),
        ("end", "end"),
        ("space", "space"),
        ("backspace", "backspace"),
        ("delete", "delete"),
        ("f1", "f1"),
        ("F12", "f12"),
        ("ctrl-c", "ctrl-c"),
        ("C-c", "ctrl-c"),
        ("c-c", "ctrl-c"),
        ("CTRL-c", "ctrl-c"),
        ("alt-x", "alt-x"),
        ("M-x", "alt-x"),
        ("m-x", "alt-x"),
        ("alt-<", "alt-<"),
        ("ctrl--", "ctrl--"),
        ("C-M-x", "ctrl-alt-x"),
        ("alt-ctrl-x", "ctrl-alt-x"),
        ("ctrl-G", "ctrl-G"),
        ("shift-up", "shift-up"),
        ("ctrl-shift-tab", "ctrl-backtab"),
        ("alt-space", "alt-space"),
        ("shift-space", "space"),
    ] {
        let parsed = key(spelling);
        assert_eq!(parsed.to_string(), canonical, "{spelling}");
        assert_eq!(key(canonical), parsed, "{canonical} reads back");
    }
    assert_eq!(key("C-c"), key("ctrl-c"));
    assert_eq!(key("shift-tab"), key("backtab"));
    assert_ne!(key("g"), key("G"));
    assert_ne!(key("ctrl-g"), key("ctrl-G"));
}

#[test]
fn bad_key_spellings_say_why() {
    for (spelling, reason) in [
        ("", "empty key"),
        ("ctrl-", "no key after \"ctrl-\""),
        ("C-", "no key after \"C-\""),
        ("ctrl-ctrl-c", "ctrl given twice"),
        ("shift-g", "write the shifted character itself (\"G\")"),
        ("gg", "separated by spaces (\"g g\")"),
        ("f13", "unknown key \"f13\""),
        ("f0", "unknown key \"f0\""),
        ("enterr", "unknown key \"enterr\""),
        ("\t", "not a printable key"),
        ("hyper-x", "unknown key \"hyper-x\""),
    ] {
        match KeyPress::parse(spelling) {
            Ok(parsed) => panic!("{spelling:?} parsed as {parsed}"),
            Err(error) => assert!(error.contains(reason), "{spelling:?}: {error}"),
        }
    }
    for spelling in ["g  g", " g", "g ", "g g "] {
        let error = parse_sequence(spelling).expect_err(spelling);
        assert!(error.contains("single spaces"), "{spelling:?}: {error}");
    }
}

#[test]
fn events_normalise_like_spellings() {
    let none = KeyModifiers::NONE;
    let shift = KeyModifiers::SHIFT;
    assert_eq!(event(KeyCode::Char('G'), shift), key("G"));
    assert_eq!(event(KeyCode::Char('G'), none), key("G"));
    assert_eq!(event(KeyCode::Char('g'), shift), key("G"));
    assert_eq!(event(KeyCode::Char('g'), none), key("g"));
    assert_eq!(event(KeyCode::Char('?'), shift), key("?"));
    assert_eq!(event(KeyCode::Char('c'), KeyModifiers::CONTROL), key("C-c"));
    assert_eq!(event(KeyCode::BackTab, shift), key("backtab"));
    assert_eq!(event(KeyCode::BackTab, none), key("shift-tab"));
    assert_eq!(event(KeyCode::Tab, shift), key("backtab"));
    assert_eq!(event(KeyCode::Char(' '), none), key("space"));
    assert_eq!(event(KeyCode::Char('<'), KeyModifiers::ALT), key("M-<"));
    assert_eq!(event(KeyCode::F(5), none), key("f5"));
    assert_eq!(event(KeyCode::Up, shift), key("shift-up"));
    assert_eq!(event(KeyCode::Enter, none).to_string(), "enter");
    assert_ne!(event(KeyCode::Char('q'), KeyModifiers::SUPER), key("q"));
    assert_ne!(event(KeyCode::CapsLock, none), key("esc"));
}

#[test]
fn sequences_wait_and_list_what_may_follow() {
    let vim = Keymap::load(Some("vim"), None).expect("vim").keymap;
    let chain = [Section::Customers, Section::List, Section::Global];
    assert_eq!(
        vim.resolve(&chain, &keys("g")),
        Resolved::Pending(vec![
            ("T".to_owned(), Action::PrevPane),
            ("a".to_owned(), Action::ManageAnswers),
            ("g".to_owned(), Action::Top),
            ("t".to_owned(), Action::NextPane),
        ])
    );
    assert_eq!(
        vim.resolve(&chain, &keys("g g")),
        Resolved::Action(Action::Top)
    );
    assert_eq!(
        vim.resolve(&chain, &keys("g t")),
        Resolved::Action(Action::NextPane)
    );
    assert_eq!(vim.resolve(&chain, &keys("g x")), Resolved::Unbound);
    assert_eq!(vim.resolve(&chain, &[]), Resolved::Unbound);

    let emacs = Keymap::load(Some("emacs"), None).expect("emacs").keymap;
    assert_eq!(
        emacs.resolve(&chain, &keys("ctrl-x")),
        Resolved::Pending(vec![
            ("o".to_owned(), Action::NextPane),
            ("ctrl-c".to_owned(), Action::Quit),
        ])
    );
    assert_eq!(
        emacs.resolve(&chain, &keys("C-x C-c")),
        Resolved::Action(Action::Quit)
    );
}

#[test]
fn the_first_section_that_knows_the_keys_decides() {
    let map = overlay(
        "[global]\n\"z\" = \"quit\"\n\"y\" = \"help\"\n\
         [list]\n\"z\" = \"top\"\n\"y y\" = \"bottom\"\n\
         [customers]\n\"z\" = \"sort\"\n",
    )
    .expect("valid")
    .keymap;
    let z = keys("z");
    let customers = [Section::Customers, Section::List, Section::Global];
    let followups = [Section::FollowUps, Section::List, Section::Global];
    assert_eq!(map.resolve(&customers, &z), Resolved::Action(Action::Sort));
    assert_eq!(map.resolve(&followups, &z), Resolved::Action(Action::Top));
    assert_eq!(
        map.resolve(&[Section::Global], &z),
        Resolved::Action(Action::Quit)
    );
    // [list] has `y y`, so a lone `y` waits there and global `y` is out of reach.
    assert_eq!(
        map.resolve(&followups, &keys("y")),
        Resolved::Pending(vec![("y".to_owned(), Action::Bottom)])
    );
    assert_eq!(
        map.resolve(&[Section::Global], &keys("y")),
        Resolved::Action(Action::Help)
    );
    assert_eq!(map.key_for(Action::Help, &followups), Some("?".to_owned()));
    assert_eq!(map.key_for(Action::Quit, &followups), Some("q".to_owned()));
    assert_eq!(map.key_for(Action::Sort, &followups), None);
    assert_eq!(map.key_for(Action::Sort, &customers), Some("s".to_owned()));
}

#[test]
fn higher_layers_replace_unbind_and_hide_prefixes_with_notes() {
    let loaded = overlay(
        "[list]\n\"g g\" = \"bottom\"\n\"enter\" = \"none\"\n\"j\" = \"up\"\n\
         [customers]\n\"x\" = \"none\"\n",
    )
    .expect("valid");
    let map = &loaded.keymap;
    let list = [Section::List];
    assert_eq!(
        map.resolve(&list, &keys("g g")),
        Resolved::Action(Action::Bottom)
    );
    assert_eq!(
        map.resolve(&list, &keys("home")),
        Resolved::Action(Action::Top)
    );
    assert_eq!(map.resolve(&list, &keys("enter")), Resolved::Unbound);
    assert_eq!(map.resolve(&list, &keys("j")), Resolved::Action(Action::Up));
    assert_eq!(
        map.resolve(&[Section::Customers], &keys("x")),
        Resolved::Unbound
    );
    assert_eq!(
        loaded.notes,
        ["mine.toml: `g g` in [list] hides default `g` (top)"]
    );

    // The other way round: a short key hides the longer ones it starts.
    let loaded = Keymap::load(Some("vim"), None).expect("vim");
    let mut keymap = loaded.keymap;
    let mut notes = loaded.notes;
    assert!(notes.is_empty(), "{notes:?}");
    let layer = Layer::parse("keymap.toml", "keymap.toml", "[list]\n\"g\" = \"top\"\n");
    keymap.apply(layer.expect("valid"), &mut notes);
    assert_eq!(notes, ["keymap.toml: `g` in [list] hides vim `g g` (top)"]);
    assert_eq!(
        keymap.resolve(&list, &keys("g")),
        Resolved::Action(Action::Top)
    );

    // `none` removes a whole prefix, silently: it was asked for.
    let loaded = Keymap::load(Some("emacs"), None).expect("emacs");
    let mut keymap = loaded.keymap;
    let mut notes = Vec::new();
    let layer = Layer::parse("k.toml", "k.toml", "[global]\n\"ctrl-x\" = \"none\"\n");
    keymap.apply(layer.expect("valid"), &mut notes);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(
        keymap.resolve(&[Section::Global], &keys("ctrl-x")),
        Resolved::Unbound
    );
}

#[test]
fn user_file_is_optional_but_must_be_readable_and_valid() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("keymap.toml");
    let loaded = Keymap::load(None, Some(&missing)).expect("missing user file is fine");
    assert_eq!(loaded.keymap, Keymap::default_map());

    std::fs::write(&missing, "[global]\n\"x\" = \"quit\"\n").expect("write");
    let loaded = Keymap::load(Some("vim"), Some(&missing)).expect("valid user file");
    let global = [Section::Global];
    assert_eq!(
        loaded.keymap.resolve(&global, &keys("x")),
        Resolved::Action(Action::Quit)
    );
    assert_eq!(
        loaded.keymap.resolve(&global, &keys("Z Z")),
        Resolved::Action(Action::Quit)
    );

    let unreadable = Keymap::load(None, Some(dir.path())).expect_err("a directory");
    assert!(
        matches!(unreadable, KeymapError::Unreadable { .. }),
        "{unreadable}"
    );

    let no_such = Keymap::load(Some("vi"), None).expect_err("no such keymap");
    assert!(
        no_such.to_string().starts_with("keymap \"vi\" is neither"),
        "{no_such}"
    );

    let spec_file = dir.path().join("mine.toml");
    std::fs::write(&spec_file, "[rfm]\n\"ctrl-a\" = \"as_of\"\n").expect("write");
    let spec = spec_file.to_str().expect("utf-8 temp path");
    let loaded = Keymap::load(Some(spec), None).expect("spec file");
    let rfm = [Section::Rfm, Section::List, Section::Global];
    assert_eq!(
        loaded.keymap.resolve(&rfm, &keys("C-a")),
        Resolved::Action(Action::AsOf)
    );
    assert_eq!(
        loaded.keymap.resolve(&rfm, &keys("@")),
        Resolved::Action(Action::AsOf)
    );
}

#[test]
fn each_error_names_file_line_and_reason() {
    for (text, expected) in [
        (
            "[global]\n\"q\" = \"quit\"\n\"r\" = \n",
            "mine.toml:3: TOML syntax: ",
        ),
        (
            "# mine\n[global]\n\"q\" = \"quit\"\n[lists]\n\"j\" = \"down\"\n",
            "mine.toml:4: unknown section [lists] (sections are global, list, customers, card, followups, complaints, rfm, form, input, lookup, answers, palette, help, confirm); did you mean \"list\"?",
        ),
        (
            "\n\"q\" = \"quit\"\n",
            "mine.toml:2: \"q\" is outside any section",
        ),
        (
            "[global]\n\n\nlist = 3\n",
            "mine.toml:4: key \"list\" in [global] must be an action name in quotes (or \"none\"), found integer",
        ),
        ("list = 3\n", "mine.toml:1: [list] must be a table"),
        (
            "[customers]\n\"c\" = \"open_complaint\"\n\n\n\n\n\n\n\n\n\n\"f\" = \"log_folowup\"\n",
            "mine.toml:12: unknown action \"log_folowup\" for key \"f\" in [customers]; did you mean \"log_followup\"?",
        ),
        (
            "[list]\n\"j\" = \"down\"\n\"ctrl-\" = \"up\"\n",
            "mine.toml:3: bad key \"ctrl-\" in [list]: no key after \"ctrl-\"",
        ),
        (
            "[list]\n\"j\" = true\n",
            "mine.toml:2: key \"j\" in [list] must be an action name in quotes (or \"none\"), found boolean",
        ),
        (
            "[list]\ng.g = \"top\"\n",
            "mine.toml:2: key \"g\" in [list] must be an action name in quotes (or \"none\"), found table (quote keys with dots",
        ),
        (
            "[global]\n\"ctrl-c\" = \"force_quit\"\n\"x\" = \"help\"\n\"C-c\" = \"quit\"\n",
            "mine.toml:4: \"C-c\" in [global] is the same key as \"ctrl-c\" on line 2, which is force_quit; here it is quit",
        ),
        (
            "[list]\n\"g\" = \"top\"\n\"j\" = \"down\"\n\"g g\" = \"top\"\n",
            "mine.toml:4: \"g g\" (top) and \"g\" (top) on line 2 in [list]: \"g\" starts \"g g\", and a key cannot both run an action and start a sequence; keep one",
        ),
        (
            "[list]\n\"g g\" = \"top\"\n\"g\" = \"bottom\"\n",
            "mine.toml:3: \"g\" (bottom) and \"g g\" (top) on line 2 in [list]: \"g\" starts \"g g\"",
        ),
        (
            "[list]\n\"g\" = \"top\"\n\"g\" = \"none\"\n",
            "mine.toml:3: TOML syntax: duplicate key",
        ),
        (
            "[list]\n\"g\" = \"top\"\n\"  \" = \"none\"\n",
            "mine.toml:3: bad key \"  \" in [list]: the keys of a sequence are separated by single spaces",
        ),
        (
            "[list]\n\"g\" = \"top\"\n\"G\" = \"bottom\"\n\"shift-g\" = \"none\"\n",
            "mine.toml:4: bad key \"shift-g\" in [list]: shift- goes only with named keys",
        ),
    ] {
        let error = error_of(text);
        assert!(
            error.starts_with(expected),
            "for:\n{text}\nexpected: {expected}\n     got: {error}"
        );
    }
}

#[test]
fn a_key_and_its_unbinding_in_one_section_conflict_but_none_may_start_a_binding() {
    let error = error_of("[list]\n\"C-d\" = \"none\"\n\"ctrl-d\" = \"page_down\"\n");
    assert!(
        error.starts_with(
            "mine.toml:3: \"ctrl-d\" in [list] is the same key as \"C-d\" on line 2, \
             which is \"none\"; here it is page_down"
        ),
        "{error}"
    );
    let loaded = overlay("[list]\n\"g\" = \"none\"\n\"g z\" = \"bottom\"\n").expect("valid");
    assert!(loaded.notes.is_empty(), "{:?}", loaded.notes);
    // The same binding twice under two spellings is harmless.
    overlay("[global]\n\"ctrl-c\" = \"force_quit\"\n\"C-c\" = \"force_quit\"\n").expect("valid");
}

#[test]
fn default_map_binds_every_action_and_each_binding_is_reachable() {
    let default = Keymap::default_map();
    for action in Action::ALL {
        let bound = Section::ALL
            .iter()
            .any(|&section| default.bindings(section).iter().any(|(_, a)| a == action));
        assert!(bound, "{} has no key in the default map", action.name());
    }
    for name in Keymap::builtin_names() {
        let loaded = Keymap::load(Some(name), None).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(loaded.notes.is_empty(), "{name}: {:?}", loaded.notes);
        // A more specific section may shadow a key of a shared one in one context (`up`
        // chooses a lookup result before it could move a line), but every binding works in
        // some context, and in every pane context the shared [list] and [global] ones do.
        for section in Section::ALL {
            let chains: Vec<_> = chains()
                .into_iter()
                .filter(|chain| chain.contains(&section))
                .collect();
            for (spelling, action) in loaded.keymap.bindings(section) {
                let works = |chain: &[Section]| {
                    loaded.keymap.resolve(chain, &keys(&spelling)) == Resolved::Action(action)
                };
                let where_first = chains.iter().filter(|c| c.first() == Some(&section));
                assert!(
                    where_first.copied().all(works) && chains.iter().copied().any(works),
                    "{name}: `{spelling}` in [{}]",
                    section.name()
                );
            }
        }
    }
}

#[test]
fn the_default_table_the_issue_asks_for() {
    let default = Keymap::default_map();
    let expect = |section: Section, spelling: &str, action: Action| {
        let chain = chains()
            .into_iter()
            .find(|chain| chain.contains(&section))
            .expect("a chain");
        assert_eq!(
            default.resolve(chain, &keys(spelling)),
            Resolved::Action(action),
            "`{spelling}` in [{}]",
            section.name()
        );
    };
    use Action::*;
    use Section as S;
    for (spelling, action) in [
        ("/", Lookup),
        ("?", Help),
        (":", Palette),
        ("q", Quit),
        ("ctrl-c", ForceQuit),
        ("1", PaneCustomers),
        ("2", PaneFollowUps),
        ("3", PaneComplaints),
        ("4", PaneRfm),
        ("tab", NextPane),
        ("backtab", PrevPane),
        ("esc", Back),
        ("ctrl-r", Refresh),
    ] {
        expect(S::Global, spelling, action);
    }
    for (spelling, action) in [
        ("j", Down),
        ("down", Down),
        ("k", Up),
        ("up", Up),
        ("g", Top),
        ("home", Top),
        ("G", Bottom),
        ("end", Bottom),
        ("pagedown", PageDown),
        ("pageup", PageUp),
        ("enter", Open),
    ] {
        expect(S::List, spelling, action);
    }
    for section in [S::Customers, S::Card] {
        for (spelling, action) in [
            ("f", LogFollowUp),
            ("c", OpenComplaint),
            ("p", AddCarePlan),
            ("e", EditCustomer),
            ("n", NewCustomer),
        ] {
            expect(section, spelling, action);
        }
    }
    for (spelling, action) in [
        ("s", Sort),
        ("S", ReverseSort),
        ("F", Filter),
        ("x", ClearFilter),
    ] {
        expect(S::Customers, spelling, action);
    }
    for (spelling, action) in [
        ("d", PlanDone),
        ("x", PlanSkip),
        ("v", NextView),
        ("f", LogFollowUp),
    ] {
        expect(S::FollowUps, spelling, action);
    }
    for (spelling, action) in [
        ("a", Acknowledge),
        ("w", StartWork),
        ("r", Reply),
        ("n", Note),
        ("o", CustomerContact),
        ("R", Resolve),
        ("C", Close),
        ("O", Reopen),
        ("A", Assign),
        ("F", Filter),
        ("x", ClearFilter),
    ] {
        expect(S::Complaints, spelling, action);
    }
    expect(S::Rfm, "@", AsOf);
}

#[test]
fn vim_and_emacs_add_what_their_users_expect() {
    let vim = Keymap::load(Some("vim"), None).expect("vim").keymap;
    let list = [Section::Customers, Section::List, Section::Global];
    for (spelling, action) in [
        ("g g", Action::Top),
        ("G", Action::Bottom),
        ("ctrl-d", Action::PageDown),
        ("ctrl-u", Action::PageUp),
        ("ctrl-f", Action::PageDown),
        ("ctrl-b", Action::PageUp),
        ("j", Action::Down),
        ("Z Z", Action::Quit),
        ("g t", Action::NextPane),
    ] {
        assert_eq!(
            vim.resolve(&list, &keys(spelling)),
            Resolved::Action(action),
            "vim {spelling}"
        );
    }
    let emacs = Keymap::load(Some("emacs"), None).expect("emacs").keymap;
    for (spelling, action) in [
        ("ctrl-n", Action::Down),
        ("ctrl-p", Action::Up),
        ("alt-<", Action::Top),
        ("alt->", Action::Bottom),
        ("ctrl-v", Action::PageDown),
        ("alt-v", Action::PageUp),
        ("ctrl-s", Action::Lookup),
        ("ctrl-g", Action::Back),
        ("ctrl-x ctrl-c", Action::Quit),
        ("alt-x", Action::Palette),
        ("g", Action::Refresh),
    ] {
        assert_eq!(
            emacs.resolve(&list, &keys(spelling)),
            Resolved::Action(action),
            "emacs {spelling}"
        );
    }
    assert_eq!(emacs.key_for(Action::Top, &list), Some("home".to_owned()));
}

#[test]
fn keymap_files_on_disk_load_like_the_built_in_ones() {
    for name in Keymap::builtin_names() {
        let path = format!("{}/keymaps/{name}.toml", env!("CARGO_MANIFEST_DIR"));
        let from_disk = Keymap::load(Some(&path), None)
            .unwrap_or_else(|e| panic!("{path}: {e}"))
            .keymap;
        let built_in = Keymap::load(Some(name), None).expect("built in").keymap;
        for section in Section::ALL {
            assert_eq!(
                from_disk.bindings(section),
                built_in.bindings(section),
                "{path}"
            );
        }
    }
}

#[test]
fn bindings_are_sorted_for_help() {
    let default = Keymap::default_map();
    let list: Vec<(String, Action)> = default.bindings(Section::List);
    let spelled: Vec<&str> = list.iter().map(|(keys, _)| keys.as_str()).collect();
    assert_eq!(
        spelled,
        [
            "j", "down", "k", "up", "g", "home", "G", "end", "pagedown", "pageup", "enter"
        ]
    );
    let global = default.bindings(Section::Global);
    assert_eq!(global.first(), Some(&("q".to_owned(), Action::Quit)));
    assert_eq!(
        default.key_for(Action::Help, &[Section::Global]),
        Some("?".to_owned())
    );
}

proptest! {
    #[test]
    fn any_file_text_is_an_error_or_a_keymap_never_a_panic(text in any::<String>()) {
        let _ = overlay(&text);
    }

    #[test]
    fn keymap_shaped_text_never_panics(
        section in "(global|list|customers|rfm|[a-z]{1,6})",
        key_spelling in "([a-zA-Z0-9 ?@<>-]|ctrl-|C-|M-|shift-|alt-|enter|tab|f1[0-9]?){0,6}",
        action in "(quit|top|none|down|[a-z_]{1,8})",
    ) {
        let text = format!("[{section}]\n{key_spelling:?} = {action:?}\n");
        if let Ok(loaded) = overlay(&text) {
            let chain = [Section::Customers, Section::List, Section::Global];
            if let Ok(sequence) = parse_sequence(&key_spelling) {
                let _ = loaded.keymap.resolve(&chain, &sequence);
            }
        }
    }

    #[test]
    fn parsed_keys_print_and_read_back(spelling in "\\PC{0,12}") {
        if let Ok(parsed) = KeyPress::parse(&spelling) {
            prop_assert_eq!(KeyPress::parse(&parsed.to_string()), Ok(parsed));
        }
    }
}

#[test]
fn every_input_context_has_its_keys_and_emacs_and_vim_reach_into_them() {
    use crate::tui::action::InputContext as C;
    let default = Keymap::default_map();
    let emacs = Keymap::load(Some("emacs"), None).expect("emacs").keymap;
    let vim = Keymap::load(Some("vim"), None).expect("vim").keymap;
    for (map, context, spelling, action) in [
        (&default, C::Form, "enter", Action::Submit),
        (&default, C::Form, "tab", Action::NextField),
        (&default, C::Form, "esc", Action::Back),
        (&default, C::Form, "ctrl-w", Action::DeleteWordBack),
        (&default, C::Form, "alt-enter", Action::Newline),
        (&default, C::Form, "down", Action::LineDown),
        (&default, C::Lookup, "down", Action::Down),
        (&default, C::Lookup, "ctrl-w", Action::DeleteWordBack),
        (&default, C::Palette, "enter", Action::Open),
        (&default, C::Help, "j", Action::Down),
        (&default, C::Confirm, "y", Action::Yes),
        (&emacs, C::Form, "ctrl-g", Action::Back),
        (&emacs, C::Form, "ctrl-x ctrl-s", Action::Submit),
        (&emacs, C::Form, "ctrl-b", Action::CharLeft),
        (&emacs, C::Lookup, "ctrl-g", Action::Back),
        (&emacs, C::Help, "ctrl-n", Action::Down),
        (&emacs, C::Help, "ctrl-g", Action::Back),
        (&emacs, C::Confirm, "ctrl-g", Action::No),
        (&vim, C::Help, "g g", Action::Top),
        (&vim, C::Help, "ctrl-d", Action::PageDown),
    ] {
        assert_eq!(
            map.resolve(context.sections(), &keys(spelling)),
            Resolved::Action(action),
            "{context:?} {spelling}"
        );
    }
    // Overlays do not fall back to the panes' keys: `q` in a form is text, ctrl-c is left to
    // the app's safety net.
    assert_eq!(
        default.resolve(C::Form.sections(), &keys("ctrl-c")),
        Resolved::Unbound
    );
    assert!(C::Form.takes_text() && !C::Help.takes_text());
}
