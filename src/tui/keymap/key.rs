//! Key spelling: parsing `ctrl-x`, `G`, `pagedown`, `g g` into key presses, normalising two
//! spellings of one key, and printing the canonical spelling.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

/// A key without its modifiers. `space` is `Char(' ')`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Key {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Backspace,
    Delete,
    Insert,
    F(u8),
    /// A key no keymap can name (media keys, caps lock...): it never matches a binding.
    Unnamed,
}

/// Named keys as spelled in keymap files (lowercase; matched case-insensitively).
const NAMED_KEYS: [(&str, Key); 16] = [
    ("enter", Key::Enter),
    ("esc", Key::Esc),
    ("tab", Key::Tab),
    ("backtab", Key::BackTab),
    ("up", Key::Up),
    ("down", Key::Down),
    ("left", Key::Left),
    ("right", Key::Right),
    ("pageup", Key::PageUp),
    ("pagedown", Key::PageDown),
    ("home", Key::Home),
    ("end", Key::End),
    ("space", Key::Char(' ')),
    ("backspace", Key::Backspace),
    ("delete", Key::Delete),
    ("insert", Key::Insert),
];

const HIGHEST_FUNCTION_KEY: u8 = 12;

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((name, _)) = NAMED_KEYS.iter().find(|(_, named)| named == self) {
            return f.write_str(name);
        }
        match self {
            Key::Char(c) => write!(f, "{c}"),
            Key::F(number) => write!(f, "f{number}"),
            _ => f.write_str("unnamed-key"),
        }
    }
}

/// Modifier keys held with a key. Field order makes unmodified keys sort first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
struct Modifiers {
    ctrl: bool,
    alt: bool,
    shift: bool,
    /// Super, hyper or meta (only reported by terminals with keyboard enhancement). No keymap
    /// can spell them, so a key held with one of them matches nothing.
    other: bool,
}

/// One key press with its modifiers, normalised so that two spellings of one key compare
/// equal: `C-c` == `ctrl-c`, `shift-tab` == `backtab`, and a character carries no shift flag
/// (shift is in the character itself: `G`, `?`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyPress {
    modifiers: Modifiers,
    key: Key,
}

/// Modifier prefixes as written in keymap files (matched case-insensitively).
const MODIFIER_PREFIXES: [(&str, ModifierKind); 5] = [
    ("ctrl-", ModifierKind::Ctrl),
    ("alt-", ModifierKind::Alt),
    ("shift-", ModifierKind::Shift),
    ("c-", ModifierKind::Ctrl),
    ("m-", ModifierKind::Alt),
];

#[derive(Debug, Clone, Copy)]
enum ModifierKind {
    Ctrl,
    Alt,
    Shift,
}

impl ModifierKind {
    fn name(self) -> &'static str {
        match self {
            ModifierKind::Ctrl => "ctrl",
            ModifierKind::Alt => "alt",
            ModifierKind::Shift => "shift",
        }
    }

    fn flag(self, modifiers: &mut Modifiers) -> &mut bool {
        match self {
            ModifierKind::Ctrl => &mut modifiers.ctrl,
            ModifierKind::Alt => &mut modifiers.alt,
            ModifierKind::Shift => &mut modifiers.shift,
        }
    }
}

impl KeyPress {
    fn normalised(mut key: Key, mut modifiers: Modifiers) -> KeyPress {
        match key {
            Key::Char(c) => {
                if modifiers.shift {
                    key = Key::Char(shifted(c));
                }
                modifiers.shift = false;
            }
            Key::Tab if modifiers.shift => {
                key = Key::BackTab;
                modifiers.shift = false;
            }
            Key::BackTab => modifiers.shift = false,
            _ => {}
        }
        KeyPress { modifiers, key }
    }

    /// The key press a terminal event stands for. (The caller decides which event kinds count:
    /// presses and repeats, not releases. Keys no keymap can name, such as a bare
    /// modifier key, come out as a key press that matches no binding.)
    pub fn from_event(event: &KeyEvent) -> KeyPress {
        let key = match event.code {
            KeyCode::Char(c) => Key::Char(c),
            KeyCode::Enter => Key::Enter,
            KeyCode::Esc => Key::Esc,
            KeyCode::Tab => Key::Tab,
            KeyCode::BackTab => Key::BackTab,
            KeyCode::Up => Key::Up,
            KeyCode::Down => Key::Down,
            KeyCode::Left => Key::Left,
            KeyCode::Right => Key::Right,
            KeyCode::PageUp => Key::PageUp,
            KeyCode::PageDown => Key::PageDown,
            KeyCode::Home => Key::Home,
            KeyCode::End => Key::End,
            KeyCode::Backspace => Key::Backspace,
            KeyCode::Delete => Key::Delete,
            KeyCode::Insert => Key::Insert,
            KeyCode::F(number) => Key::F(number),
            _ => Key::Unnamed,
        };
        let held = event.modifiers;
        let modifiers = Modifiers {
            ctrl: held.contains(KeyModifiers::CONTROL),
            alt: held.contains(KeyModifiers::ALT),
            shift: held.contains(KeyModifiers::SHIFT),
            other: held.intersects(KeyModifiers::SUPER | KeyModifiers::HYPER | KeyModifiers::META),
        };
        KeyPress::normalised(key, modifiers)
    }

    /// Reads one key as spelled in keymap files: `j`, `G`, `?`, `enter`, `f5`, `ctrl-c`, `C-c`,
    /// `M-x`, `alt-<`, `shift-tab`. The error says what is wrong with the spelling.
    pub fn parse(spelling: &str) -> Result<KeyPress, String> {
        if spelling.is_empty() {
            return Err(t!("key-empty"));
        }
        let mut rest = spelling;
        let mut modifiers = Modifiers::default();
        // A single character is a key even when it is `-` after a modifier (`ctrl--`).
        while rest.chars().nth(1).is_some() {
            let Some((kind, after)) = MODIFIER_PREFIXES.iter().find_map(|&(prefix, kind)| {
                strip_prefix_ignoring_case(rest, prefix).map(|after| (kind, after))
            }) else {
                break;
            };
            if after.is_empty() {
                return Err(t!("key-nothing-after", rest = rest));
            }
            let flag = kind.flag(&mut modifiers);
            if *flag {
                return Err(t!("key-twice", modifier = kind.name()));
            }
            *flag = true;
            rest = after;
        }
        let key = parse_key_name(rest, modifiers.shift)?;
        Ok(KeyPress::normalised(key, modifiers))
    }
}

/// The key under the modifiers: one printable character or a key name.
fn parse_key_name(name: &str, with_shift: bool) -> Result<Key, String> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_control() || c.is_whitespace() {
            return Err(t!("key-not-printable", char = format!("{c:?}")));
        }
        if with_shift {
            return Err(t!("key-shift-named", shifted = shifted(c).to_string()));
        }
        return Ok(Key::Char(c));
    }
    let lowercase = name.to_ascii_lowercase();
    if let Some((_, key)) = NAMED_KEYS.iter().find(|(named, _)| *named == lowercase) {
        return Ok(*key);
    }
    if let Some(number) = (1..=HIGHEST_FUNCTION_KEY).find(|n| lowercase == format!("f{n}")) {
        return Ok(Key::F(number));
    }
    // `gg` or `ZZ` written for `g g` or `Z Z`; not `f13` or `esq`, which are misspelt names.
    let count = name.chars().count();
    let function_like =
        lowercase.starts_with('f') && lowercase[1..].bytes().all(|b| b.is_ascii_digit());
    let all_one_char = name.chars().all(|c| name.starts_with(c));
    let printable = name.chars().all(|c| !c.is_control() && !c.is_whitespace());
    let looks_like_a_sequence =
        printable && !function_like && (count == 2 || (all_one_char && count <= 4));
    if looks_like_a_sequence {
        let spaced: Vec<String> = name.chars().map(String::from).collect();
        return Err(t!(
            "key-sequence-spaces",
            name = name,
            spaced = spaced.join(" ")
        ));
    }
    let names: Vec<&str> = NAMED_KEYS.iter().map(|(named, _)| *named).collect();
    Err(t!(
        "key-unknown",
        name = name,
        names = names.join(", "),
        highest = HIGHEST_FUNCTION_KEY
    ))
}

/// The character a shifted letter types (`g` -> `G`); other characters are themselves.
fn shifted(c: char) -> char {
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(single), None) => single,
        _ => c,
    }
}

fn strip_prefix_ignoring_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

impl fmt::Display for KeyPress {
    /// The canonical spelling: `ctrl-c`, `alt-shift-up`, `G`, `enter`, `backtab`, `space`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Modifiers {
            ctrl,
            alt,
            shift,
            other,
        } = self.modifiers;
        for (held, prefix) in [
            (other, "super-"),
            (ctrl, "ctrl-"),
            (alt, "alt-"),
            (shift, "shift-"),
        ] {
            if held {
                f.write_str(prefix)?;
            }
        }
        self.key.fmt(f)
    }
}

/// Reads a sequence: keys separated by single spaces (`g g`, `ctrl-x ctrl-c`).
pub(super) fn parse_sequence(spelling: &str) -> Result<Vec<KeyPress>, String> {
    if spelling.is_empty() {
        return Err(t!("key-empty"));
    }
    spelling
        .split(' ')
        .map(|part| {
            if part.is_empty() {
                Err(t!("key-single-spaces"))
            } else {
                KeyPress::parse(part)
            }
        })
        .collect()
}

pub(super) fn spell(keys: &[KeyPress]) -> String {
    let parts: Vec<String> = keys.iter().map(KeyPress::to_string).collect();
    parts.join(" ")
}

// ---------------------------------------------------------------------------------------------
// Errors
