//! Keymaps: how keys are spelled (`ctrl-x`, `G`, `g g`), reading the built-in and user keymap
//! files, merging their layers, and which action a key sequence means in the focused pane.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue};

use super::action::{Action, Section};

static BUILTIN_NAMES: [&str; 3] = ["default", "vim", "emacs"];

/// The built-in keymaps (name, text). `vim` and `emacs` are overlays over `default`.
const BUILTIN_TEXTS: [(&str, &str); 3] = [
    ("default", include_str!("../../keymaps/default.toml")),
    ("vim", include_str!("../../keymaps/vim.toml")),
    ("emacs", include_str!("../../keymaps/emacs.toml")),
];

/// The value that unbinds a key in this layer and the ones below.
const UNBIND: &str = "none";

// ---------------------------------------------------------------------------------------------
// Keys

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
            return Err("empty key".to_owned());
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
                return Err(format!("no key after \"{rest}\""));
            }
            let flag = kind.flag(&mut modifiers);
            if *flag {
                return Err(format!("{} given twice", kind.name()));
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
            return Err(format!(
                "{c:?} is not a printable key; write it by name (space, tab, enter...)"
            ));
        }
        if with_shift {
            return Err(format!(
                "shift- goes only with named keys; write the shifted character itself (\"{}\")",
                shifted(c)
            ));
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
        return Err(format!(
            "\"{name}\" is not a key; the keys of a sequence are separated by spaces (\"{}\")",
            spaced.join(" ")
        ));
    }
    let names: Vec<&str> = NAMED_KEYS.iter().map(|(named, _)| *named).collect();
    Err(format!(
        "unknown key \"{name}\"; a key is one character or one of {}, f1..f{HIGHEST_FUNCTION_KEY}, \
         after ctrl-, alt- or shift-",
        names.join(", ")
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
fn parse_sequence(spelling: &str) -> Result<Vec<KeyPress>, String> {
    if spelling.is_empty() {
        return Err("empty key".to_owned());
    }
    spelling
        .split(' ')
        .map(|part| {
            if part.is_empty() {
                Err("the keys of a sequence are separated by single spaces".to_owned())
            } else {
                KeyPress::parse(part)
            }
        })
        .collect()
}

fn spell(keys: &[KeyPress]) -> String {
    let parts: Vec<String> = keys.iter().map(KeyPress::to_string).collect();
    parts.join(" ")
}

// ---------------------------------------------------------------------------------------------
// Errors

/// Why a keymap could not be loaded. Invalid files name the file and the 1-based line.
#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    #[error(
        "keymap \"{spec}\" is neither a built-in keymap ({}) nor a readable file: {reason}",
        BUILTIN_NAMES.join(", ")
    )]
    NoSuchKeymap {
        spec: String,
        reason: std::io::Error,
    },
    #[error("{file}: cannot read it: {reason}")]
    Unreadable {
        file: String,
        reason: std::io::Error,
    },
    #[error("{file}:{line}: {problem}")]
    Invalid {
        file: String,
        line: usize,
        problem: Box<Problem>,
    },
}

/// What is wrong in a keymap file (the line is in [`KeymapError::Invalid`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("TOML syntax: {0}")]
    Syntax(String),
    #[error("\"{key}\" is outside any section; put it under a section such as [global] or [list]")]
    OutsideSection { key: String },
    #[error("unknown section [{name}] (sections are {}){}", section_names(), did_you_mean(.suggestion))]
    UnknownSection {
        name: String,
        suggestion: Option<&'static str>,
    },
    #[error("[{section}] must be a table of \"key\" = \"action\" lines, found {found}")]
    SectionNotATable {
        section: &'static str,
        found: &'static str,
    },
    #[error("bad key \"{key}\" in [{section}]: {reason}")]
    BadKey {
        key: String,
        section: &'static str,
        reason: String,
    },
    #[error(
        "key \"{key}\" in [{section}] must be an action name in quotes (or \"none\"), found {found}{}",
        if *.found == "table" { " (quote keys with dots: \".\")" } else { "" }
    )]
    NotAString {
        key: String,
        section: &'static str,
        found: &'static str,
    },
    #[error("unknown action \"{action}\" for key \"{key}\" in [{section}]{}", did_you_mean(.suggestion))]
    UnknownAction {
        action: String,
        key: String,
        section: &'static str,
        suggestion: Option<&'static str>,
    },
    #[error(
        "\"{key}\" in [{section}] is the same key as \"{earlier_key}\" on line {earlier_line}, \
         which is {earlier_target}; here it is {target}"
    )]
    SameKeyTwice {
        key: String,
        section: &'static str,
        target: String,
        earlier_key: String,
        earlier_line: usize,
        earlier_target: String,
    },
    #[error(
        "\"{key}\" ({target}) and \"{earlier_key}\" ({earlier_target}) on line {earlier_line} \
         in [{section}]: \"{}\" starts \"{}\", and a key cannot both run an action and start a \
         sequence; keep one",
        shorter_first(.key, .earlier_key).0,
        shorter_first(.key, .earlier_key).1
    )]
    PrefixConflict {
        key: String,
        section: &'static str,
        target: String,
        earlier_key: String,
        earlier_line: usize,
        earlier_target: String,
    },
}

fn did_you_mean(suggestion: &Option<&'static str>) -> String {
    suggestion.map_or_else(String::new, |name| format!("; did you mean \"{name}\"?"))
}

/// Two sequence spellings, fewer keys first (keys are separated by single spaces).
fn shorter_first<'a>(one: &'a str, other: &'a str) -> (&'a str, &'a str) {
    if one.matches(' ').count() <= other.matches(' ').count() {
        (one, other)
    } else {
        (other, one)
    }
}

fn section_names() -> String {
    let names: Vec<&str> = Section::ALL.iter().map(|s| s.name()).collect();
    names.join(", ")
}

/// The closest known name, if it is close enough to be a typo.
fn closest<'a>(wrong: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    known
        .map(|name| (strsim::damerau_levenshtein(wrong, name), name))
        .filter(|(distance, name)| *distance <= 2.max(name.len() / 4))
        .min()
        .map(|(_, name)| name)
}

fn target_name(target: Option<Action>) -> String {
    match target {
        Some(action) => action.name().to_owned(),
        None => format!("\"{UNBIND}\""),
    }
}

fn line_at(text: &str, offset: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(offset)
        .filter(|&&byte| byte == b'\n')
        .count()
        + 1
}

// ---------------------------------------------------------------------------------------------
// Layers: one keymap file, checked

/// One line of a keymap file: a sequence in a section, bound to an action or unbound (`None`).
#[derive(Debug, Clone)]
struct LayerEntry {
    section: Section,
    keys: Vec<KeyPress>,
    spelling: String,
    target: Option<Action>,
    line: usize,
}

/// One keymap file, read and checked.
#[derive(Debug, Clone)]
struct Layer {
    /// How notes name this layer: `default`, `vim`, or the file path.
    origin: String,
    entries: Vec<LayerEntry>,
}

/// In file order.
fn entries_by_position<'t, 'i>(
    table: &'t DeTable<'i>,
) -> Vec<(&'t Spanned<DeString<'i>>, &'t Spanned<DeValue<'i>>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span().start);
    entries
}

impl Layer {
    /// Reads a keymap file's text. `file` names it in errors, `origin` in notes.
    fn parse(file: &str, origin: &str, text: &str) -> Result<Layer, KeymapError> {
        let invalid = |offset: usize, problem: Problem| KeymapError::Invalid {
            file: file.to_owned(),
            line: line_at(text, offset),
            problem: Box::new(problem),
        };
        let document = DeTable::parse(text).map_err(|error| {
            let offset = error.span().map_or(text.len(), |span| span.start);
            invalid(offset, Problem::Syntax(error.message().to_owned()))
        })?;
        let mut entries: Vec<LayerEntry> = Vec::new();
        for (name, value) in entries_by_position(document.get_ref()) {
            let name_offset = name.span().start;
            let name = name.get_ref().as_ref();
            let Some(section) = Section::from_name(name) else {
                let problem = if value.get_ref().is_table() {
                    Problem::UnknownSection {
                        name: name.to_owned(),
                        suggestion: closest(name, Section::ALL.iter().map(|s| s.name())),
                    }
                } else {
                    Problem::OutsideSection {
                        key: name.to_owned(),
                    }
                };
                return Err(invalid(name_offset, problem));
            };
            let DeValue::Table(table) = value.get_ref() else {
                return Err(invalid(
                    name_offset,
                    Problem::SectionNotATable {
                        section: section.name(),
                        found: value.get_ref().type_str(),
                    },
                ));
            };
            let first_of_section = entries.len();
            for (key, value) in entries_by_position(table) {
                let offset = key.span().start;
                let entry = Layer::entry(section, key.get_ref(), value.get_ref(), offset, text)
                    .map_err(|problem| invalid(offset, problem))?;
                let same_section = &entries[first_of_section..];
                match Layer::conflict(&entry, same_section) {
                    Conflict::None => entries.push(entry),
                    Conflict::Repeated => {}
                    Conflict::Problem(problem) => return Err(invalid(offset, problem)),
                }
            }
        }
        Ok(Layer {
            origin: origin.to_owned(),
            entries,
        })
    }

    fn entry(
        section: Section,
        spelling: &str,
        value: &DeValue<'_>,
        offset: usize,
        text: &str,
    ) -> Result<LayerEntry, Problem> {
        // The value first: a table here usually means an unquoted key with a dot.
        let DeValue::String(action_name) = value else {
            return Err(Problem::NotAString {
                key: spelling.to_owned(),
                section: section.name(),
                found: value.type_str(),
            });
        };
        let keys = parse_sequence(spelling).map_err(|reason| Problem::BadKey {
            key: spelling.to_owned(),
            section: section.name(),
            reason,
        })?;
        let target = if action_name.as_ref() == UNBIND {
            None
        } else {
            let action =
                Action::from_name(action_name.as_ref()).ok_or_else(|| Problem::UnknownAction {
                    action: action_name.to_string(),
                    key: spelling.to_owned(),
                    section: section.name(),
                    suggestion: closest(
                        action_name,
                        Action::ALL
                            .iter()
                            .map(|action| action.name())
                            .chain([UNBIND]),
                    ),
                })?;
            Some(action)
        };
        Ok(LayerEntry {
            section,
            keys,
            spelling: spelling.to_owned(),
            target,
            line: line_at(text, offset),
        })
    }

    /// Whether a new entry clashes with the earlier entries of its section in the same file.
    /// `none` only removes from the layers below, so it may be the start of a binding (`g` =
    /// "none" beside `g g` = "top"); two bindings where one starts the other may not.
    fn conflict(entry: &LayerEntry, earlier_in_section: &[LayerEntry]) -> Conflict {
        for earlier in earlier_in_section {
            let details = || {
                (
                    entry.spelling.clone(),
                    entry.section.name(),
                    target_name(entry.target),
                    earlier.spelling.clone(),
                    earlier.line,
                    target_name(earlier.target),
                )
            };
            if earlier.keys == entry.keys {
                if earlier.target == entry.target {
                    return Conflict::Repeated;
                }
                let (key, section, target, earlier_key, earlier_line, earlier_target) = details();
                return Conflict::Problem(Problem::SameKeyTwice {
                    key,
                    section,
                    target,
                    earlier_key,
                    earlier_line,
                    earlier_target,
                });
            }
            let one_starts_the_other =
                earlier.keys.starts_with(&entry.keys) || entry.keys.starts_with(&earlier.keys);
            if one_starts_the_other && earlier.target.is_some() && entry.target.is_some() {
                let (key, section, target, earlier_key, earlier_line, earlier_target) = details();
                return Conflict::Problem(Problem::PrefixConflict {
                    key,
                    section,
                    target,
                    earlier_key,
                    earlier_line,
                    earlier_target,
                });
            }
        }
        Conflict::None
    }

    fn builtin(name: &str) -> Option<Result<Layer, KeymapError>> {
        let (name, text) = BUILTIN_TEXTS.iter().find(|(known, _)| *known == name)?;
        Some(Layer::parse(&format!("keymaps/{name}.toml"), name, text))
    }

    /// A keymap file on disk. `Ok(None)` when it does not exist.
    fn from_file(path: &Path) -> Result<Option<Layer>, KeymapError> {
        let file = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => Layer::parse(&file, &file, &text).map(Some),
            Err(reason) if reason.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(reason) => Err(KeymapError::Unreadable { file, reason }),
        }
    }
}

enum Conflict {
    None,
    /// The same binding again under another spelling: harmless, kept once.
    Repeated,
    Problem(Problem),
}

// ---------------------------------------------------------------------------------------------
// The merged keymap

#[derive(Debug, Clone, PartialEq, Eq)]
struct Binding {
    action: Action,
    /// The layer it came from, for notes.
    origin: String,
}

/// Key bindings per section, merged from the layers. Within a section no sequence is the start
/// of another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    sections: BTreeMap<Section, BTreeMap<Vec<KeyPress>, Binding>>,
}

/// A loaded keymap and what merging its layers dropped, for the app to show.
#[derive(Debug, Clone)]
pub struct LoadedKeymap {
    pub keymap: Keymap,
    pub notes: Vec<String>,
}

/// What the keys pressed so far mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    Action(Action),
    /// They start one or more sequences: what may follow (in canonical spelling) and its
    /// action, sorted by key, for a which-key popup.
    Pending(Vec<(String, Action)>),
    Unbound,
}

/// How the first section that knows the keys decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decision {
    Exact(Section, Action),
    Prefix,
}

impl Keymap {
    /// Names accepted as `--keymap NAME` besides file paths.
    pub fn builtin_names() -> &'static [&'static str] {
        &BUILTIN_NAMES
    }

    /// `default`, then the keymap `spec` names (a built-in name, or a file laid over
    /// `default`), then `user_file` if it exists. Notes say which lower bindings a higher layer
    /// hid.
    pub fn load(spec: Option<&str>, user_file: Option<&Path>) -> Result<LoadedKeymap, KeymapError> {
        let mut keymap = Keymap {
            sections: BTreeMap::new(),
        };
        let mut notes = Vec::new();
        keymap.apply(
            Layer::builtin("default").expect("default is built in")?,
            &mut notes,
        );
        match spec {
            None | Some("default") => {}
            Some(spec) => {
                let layer = match Layer::builtin(spec) {
                    Some(layer) => layer?,
                    None => {
                        let path = Path::new(spec);
                        let text = std::fs::read_to_string(path).map_err(|reason| {
                            KeymapError::NoSuchKeymap {
                                spec: spec.to_owned(),
                                reason,
                            }
                        })?;
                        let file = path.display().to_string();
                        Layer::parse(&file, &file, &text)?
                    }
                };
                keymap.apply(layer, &mut notes);
            }
        }
        if let Some(path) = user_file
            && let Some(layer) = Layer::from_file(path)?
        {
            keymap.apply(layer, &mut notes);
        }
        Ok(LoadedKeymap { keymap, notes })
    }

    /// The built-in default keymap.
    pub fn default_map() -> Keymap {
        Keymap::load(None, None)
            .expect("the built-in default keymap is valid (tested)")
            .keymap
    }

    /// Lays a layer over this keymap: its `none` entries remove the sequence and every longer
    /// one starting with it; then each binding replaces the same sequence and hides the
    /// bindings it starts or that start it (noted).
    fn apply(&mut self, layer: Layer, notes: &mut Vec<String>) {
        let (unbinds, binds): (Vec<_>, Vec<_>) = layer
            .entries
            .into_iter()
            .partition(|entry| entry.target.is_none());
        for entry in unbinds {
            if let Some(bindings) = self.sections.get_mut(&entry.section) {
                bindings.retain(|keys, _| !keys.starts_with(&entry.keys));
            }
        }
        for entry in binds {
            let Some(action) = entry.target else { continue };
            let bindings = self.sections.entry(entry.section).or_default();
            let hidden: Vec<Vec<KeyPress>> = bindings
                .keys()
                .filter(|keys| {
                    **keys != entry.keys
                        && (keys.starts_with(&entry.keys) || entry.keys.starts_with(keys))
                })
                .cloned()
                .collect();
            for keys in hidden {
                if let Some(lower) = bindings.remove(&keys) {
                    notes.push(format!(
                        "{}: `{}` in [{}] hides {} `{}` ({})",
                        layer.origin,
                        spell(&entry.keys),
                        entry.section.name(),
                        lower.origin,
                        spell(&keys),
                        lower.action.name()
                    ));
                }
            }
            bindings.insert(
                entry.keys,
                Binding {
                    action,
                    origin: layer.origin.clone(),
                },
            );
        }
    }

    fn section_bindings(&self, section: Section) -> impl Iterator<Item = (&[KeyPress], Action)> {
        self.sections
            .get(&section)
            .into_iter()
            .flatten()
            .map(|(keys, binding)| (keys.as_slice(), binding.action))
    }

    /// The first section (in the caller's order) with a binding equal to `keys` or starting
    /// with them decides.
    fn decide(&self, sections: &[Section], keys: &[KeyPress]) -> Option<Decision> {
        sections.iter().find_map(|&section| {
            let mut starts_longer = false;
            for (bound, action) in self.section_bindings(section) {
                if bound == keys {
                    return Some(Decision::Exact(section, action));
                }
                starts_longer |= bound.starts_with(keys);
            }
            starts_longer.then_some(Decision::Prefix)
        })
    }

    /// What `keys` (pressed so far, in order) mean with `sections` focused, most specific first
    /// (e.g. `[Customers, List, Global]`).
    pub fn resolve(&self, sections: &[Section], keys: &[KeyPress]) -> Resolved {
        if keys.is_empty() {
            return Resolved::Unbound;
        }
        match self.decide(sections, keys) {
            None => Resolved::Unbound,
            Some(Decision::Exact(_, action)) => Resolved::Action(action),
            Some(Decision::Prefix) => {
                let mut continuations: Vec<(Vec<KeyPress>, Action)> = Vec::new();
                for &section in sections {
                    for (bound, action) in self.section_bindings(section) {
                        let reachable = bound.len() > keys.len()
                            && bound.starts_with(keys)
                            && self.decide(sections, bound)
                                == Some(Decision::Exact(section, action));
                        if reachable {
                            continuations.push((bound[keys.len()..].to_vec(), action));
                        }
                    }
                }
                continuations.sort();
                continuations.dedup();
                Resolved::Pending(
                    continuations
                        .into_iter()
                        .map(|(rest, action)| (spell(&rest), action))
                        .collect(),
                )
            }
        }
    }

    /// Sorted by action order, then shorter and unmodified keys first.
    fn sorted_bindings(&self, section: Section) -> Vec<(&[KeyPress], Action)> {
        let mut bindings: Vec<_> = self.section_bindings(section).collect();
        bindings.sort_by(|(a_keys, a_action), (b_keys, b_action)| {
            (a_action, a_keys.len(), a_keys).cmp(&(b_action, b_keys.len(), b_keys))
        });
        bindings
    }

    /// The bindings of one section in canonical spelling, by action order then key, for help.
    pub fn bindings(&self, section: Section) -> Vec<(String, Action)> {
        self.sorted_bindings(section)
            .into_iter()
            .map(|(keys, action)| (spell(keys), action))
            .collect()
    }

    /// The first key that runs `action` with `sections` focused (not hidden by an earlier
    /// section), for hints like "press ? for help".
    pub fn key_for(&self, action: Action, sections: &[Section]) -> Option<String> {
        sections.iter().find_map(|&section| {
            self.sorted_bindings(section)
                .into_iter()
                .find(|&(keys, bound)| {
                    bound == action
                        && self.decide(sections, keys) == Some(Decision::Exact(section, action))
                })
                .map(|(keys, _)| spell(keys))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;
    use proptest::prelude::*;

    /// The section chains the app looks keys up in, one per focused pane.
    const CHAINS: [[Section; 3]; 5] = [
        [Section::Customers, Section::List, Section::Global],
        [Section::Card, Section::List, Section::Global],
        [Section::FollowUps, Section::List, Section::Global],
        [Section::Complaints, Section::List, Section::Global],
        [Section::Rfm, Section::List, Section::Global],
    ];

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
                "mine.toml:4: unknown section [lists] (sections are global, list, customers, card, followups, complaints, rfm); did you mean \"list\"?",
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
        overlay("[global]\n\"ctrl-c\" = \"force_quit\"\n\"C-c\" = \"force_quit\"\n")
            .expect("valid");
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
            for chain in CHAINS {
                for section in chain {
                    for (spelling, action) in loaded.keymap.bindings(section) {
                        assert_eq!(
                            loaded.keymap.resolve(&chain, &keys(&spelling)),
                            Resolved::Action(action),
                            "{name}: `{spelling}` in [{}] with {chain:?}",
                            section.name()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_default_table_the_issue_asks_for() {
        let default = Keymap::default_map();
        let expect = |section: Section, spelling: &str, action: Action| {
            let chain = CHAINS
                .iter()
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
}
