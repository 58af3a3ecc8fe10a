//! Keymaps: how keys are spelled (`ctrl-x`, `G`, `g g`), reading the built-in and user keymap
//! files, merging their layers, and which action a key sequence means in the focused pane.

use std::collections::BTreeMap;
use std::path::Path;

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

mod key;

pub use key::KeyPress;
use key::{parse_sequence, spell};

/// Why a keymap could not be loaded. Invalid files name the file and the 1-based line.
#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    #[error("{}", t!("keymap-no-such", spec = spec, builtin = BUILTIN_NAMES.join(", "), reason = reason.to_string()))]
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
    #[error("{}", t!("keymap-syntax", error = .0))]
    Syntax(String),
    #[error("{}", t!("keymap-outside-section", key = key))]
    OutsideSection { key: String },
    #[error("{}", t!("keymap-unknown-section", name = name, sections = section_names(), hint = did_you_mean(suggestion)))]
    UnknownSection {
        name: String,
        suggestion: Option<&'static str>,
    },
    #[error("{}", t!("keymap-not-a-table", section = *section, found = *found))]
    SectionNotATable {
        section: &'static str,
        found: &'static str,
    },
    #[error("{}", t!("keymap-bad-key", key = key, section = *section, reason = reason))]
    BadKey {
        key: String,
        section: &'static str,
        reason: String,
    },
    #[error("{}", t!(
        "keymap-not-a-string",
        key = key,
        section = *section,
        found = *found,
        hint = if *found == "table" { format!(" {}", t!("keymap-quote-dots")) } else { String::new() }
    ))]
    NotAString {
        key: String,
        section: &'static str,
        found: &'static str,
    },
    #[error("{}", t!("keymap-unknown-action", action = action, key = key, section = *section, hint = did_you_mean(suggestion)))]
    UnknownAction {
        action: String,
        key: String,
        section: &'static str,
        suggestion: Option<&'static str>,
    },
    #[error("{}", t!(
        "keymap-same-key",
        key = key,
        section = *section,
        earlier = earlier_key,
        line = *earlier_line,
        earlier_target = earlier_target,
        target = target
    ))]
    SameKeyTwice {
        key: String,
        section: &'static str,
        target: String,
        earlier_key: String,
        earlier_line: usize,
        earlier_target: String,
    },
    #[error("{}", t!(
        "keymap-prefix",
        key = key,
        target = target,
        earlier = earlier_key,
        earlier_target = earlier_target,
        line = *earlier_line,
        section = *section,
        shorter = shorter_first(key, earlier_key).0,
        longer = shorter_first(key, earlier_key).1
    ))]
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
    suggestion.map_or_else(String::new, |name| t!("keymap-did-you-mean", name = name))
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
                    notes.push(t!(
                        "keymap-hides",
                        origin = &layer.origin,
                        keys = spell(&entry.keys),
                        section = entry.section.name(),
                        lower = &lower.origin,
                        lower_keys = spell(&keys),
                        action = lower.action.name()
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
mod tests;
