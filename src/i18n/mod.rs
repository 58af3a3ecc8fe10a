//! The words a person reads, in Chinese or English: Fluent catalogues compiled into the binary
//! (`i18n/en.ftl`, `i18n/zh-CN.ftl`), the language chosen once at start ([`choose`]), and the
//! formats that go with it ([`format`]: amounts, relative days, durations, counts).
//!
//! `t!("id")` or `t!("id", name = value)` gives a message in the language in use; a message
//! missing from Chinese falls back to English, and one missing from both shows its id (a test
//! makes sure neither happens). Machine names (CSV, JSON, labels typed on the command line)
//! never go through here.

pub mod choose;
pub mod format;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Mutex, OnceLock};

/// The catalogues, compiled in: the binary stays one file.
const EN: &str = include_str!("../../i18n/en.ftl");
const ZH: &str = include_str!("../../i18n/zh-CN.ftl");

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The code `--lang` takes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// `en`, `zh`, and the usual spellings (`zh-CN`, `zh_CN.UTF-8`, `Chinese`, `中文`).
    pub fn parse(text: &str) -> Option<Lang> {
        let t = text.trim().to_ascii_lowercase();
        let base = t.split(['-', '_', '.', '@']).next().unwrap_or("");
        match base {
            "en" | "english" | "c" | "posix" => Some(Lang::En),
            "zh" | "chinese" | "cn" => Some(Lang::Zh),
            _ if text.trim() == "中文" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// Where the language's catalogue and caches are kept.
    pub fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Zh => 1,
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Sets the language of everything said from now on (once, at start).
pub fn set(lang: Lang) {
    CURRENT.store(lang.index() as u8, Ordering::Relaxed);
}

/// The language in use.
pub fn lang() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Zh,
        _ => Lang::En,
    }
}

fn bundles() -> &'static [FluentBundle<FluentResource>; 2] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| [bundle("en", EN), bundle("zh-CN", ZH)])
}

fn bundle(locale: &str, source: &str) -> FluentBundle<FluentResource> {
    let id = locale.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No bidi isolation marks: they would reach the terminal as characters.
    bundle.set_use_isolating(false);
    // A syntax error keeps every message around it (a test keeps the files clean).
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(res, _)| res);
    let _ = bundle.add_resource(resource);
    bundle
}

/// A value given to a message.
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(v: &str) -> Arg {
        Arg::Text(v.to_owned())
    }
}
impl From<String> for Arg {
    fn from(v: String) -> Arg {
        Arg::Text(v)
    }
}
impl From<std::borrow::Cow<'_, str>> for Arg {
    fn from(v: std::borrow::Cow<'_, str>) -> Arg {
        Arg::Text(v.into_owned())
    }
}
impl From<&String> for Arg {
    fn from(v: &String) -> Arg {
        Arg::Text(v.clone())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Arg {
                Arg::Number(v as f64)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64, f64);

/// The message `id` in `lang` with `args`; English when Chinese lacks it, the id when both do.
pub fn message_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let bundles = bundles();
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    for bundle in [&bundles[lang.index()], &bundles[0]] {
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let args = (!args.is_empty()).then_some(&fluent_args);
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
    }
    id.to_owned()
}

/// Whether `lang`'s own catalogue has `id` (no fallback).
pub fn has(lang: Lang, id: &str) -> bool {
    bundles()[lang.index()].has_message(id)
}

/// The message `id` in the language in use.
pub fn message(id: &str, args: &[(&str, Arg)]) -> String {
    message_in(lang(), id, args)
}

/// The message `id` without arguments, in the language in use, for the places that keep a
/// `&'static str` (titles, column headings, key hints). Each id is formatted once per
/// language and kept for the life of the process (a few hundred short strings).
pub fn fixed(id: &'static str) -> &'static str {
    static KEPT: OnceLock<Mutex<HashMap<(Lang, &'static str), &'static str>>> = OnceLock::new();
    let lang = lang();
    let kept = KEPT.get_or_init(Default::default);
    let mut kept = match kept.lock() {
        Ok(kept) => kept,
        Err(poisoned) => poisoned.into_inner(),
    };
    let text: &'static str = kept
        .entry((lang, id))
        .or_insert_with(|| Box::leak(message_in(lang, id, &[]).into_boxed_str()));
    text
}

/// `t!("id")`: the message as a `String`; `t!("id", name = value, ...)` with arguments.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::message($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}

/// `ts!("id")`: the message as a `&'static str` (see [`fixed`]).
#[macro_export]
macro_rules! ts {
    ($id:literal) => {
        $crate::i18n::fixed($id)
    };
}

/// `text` as part of a message id: lower case, anything but letters and digits a `-`
/// (`Can't Lose Them` -> `can-t-lose-them`; `_` kept).
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

/// What a role may not do, in words (`needs_to` of a refused write: `change care plans`), from
/// the catalogue's `needs-…` ids; the English words as given when the catalogue lacks them.
pub fn needs(what: &str) -> String {
    let id = format!("needs-{}", slug(what));
    if has(Lang::En, &id) {
        message(&id, &[])
    } else {
        what.to_owned()
    }
}

/// Every message id of a catalogue, in file order.
pub fn ids(lang: Lang) -> Vec<String> {
    let source = match lang {
        Lang::En => EN,
        Lang::Zh => ZH,
    };
    source
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim().to_owned()))
        .collect()
}

#[cfg(test)]
mod tests;
