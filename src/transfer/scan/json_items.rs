//! A JSON import file read one object at a time: the top-level array is walked with a serde
//! visitor that hands each object, as a row, to the caller before reading the next, keeping
//! every key (a `serde_json::Value` map keeps only the last of two equal keys, which would
//! silently drop a value the file gives).

use super::super::RowError;
use super::super::raw::too_many_columns;
use super::super::raw::{ColumnIndex, MAX_COLUMNS, RawRow, column_index, file_error};
use csv::StringRecord;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::collections::HashSet;
use std::fmt;
use std::io::Read;

/// Reads a JSON array of objects, calling `visit` with each as a row numbered from 1. Returns
/// every key seen (in first-seen order) and how many rows there were.
pub(super) fn scan_json<R: Read, E: From<RowError>>(
    input: R,
    mut visit: impl FnMut(RawRow) -> Result<(), E>,
) -> Result<(Vec<String>, u64), E> {
    let mut state = State {
        columns: Vec::new(),
        seen: HashSet::new(),
        index: column_index(&[]),
        rows: 0,
        visit: &mut visit,
        failure: None,
    };
    let mut de =
        serde_json::Deserializer::from_reader(std::io::BufReader::with_capacity(1 << 16, input));
    let outcome = TopSeed { state: &mut state }
        .deserialize(&mut de)
        .and_then(|top| de.end().map(|()| top));
    if let Some(failure) = state.failure.take() {
        return Err(failure);
    }
    match outcome {
        Ok(true) => Ok((state.columns, state.rows)),
        Ok(false) => Err(file_error(1, t!("file-not-json-array")).into()),
        Err(e) if e.is_io() => {
            let e = std::io::Error::from(e);
            Err(match super::super::encoding::DecodeError::of(&e) {
                Some(bad) => file_error(bad.line, bad.to_string()),
                None => file_error(0, t!("file-unreadable", reason = e.to_string())),
            }
            .into())
        }
        Err(e) => Err(file_error(e.line() as u64, format!("invalid JSON: {e}")).into()),
    }
}

struct State<'v, F, E> {
    columns: Vec<String>,
    seen: HashSet<String>,
    index: ColumnIndex,
    rows: u64,
    visit: &'v mut F,
    /// Why the scan stopped, when it was not the JSON itself (a row the caller refused, a
    /// record that is not an object): serde only carries its own error type.
    failure: Option<E>,
}

impl<F, E> State<'_, F, E>
where
    F: FnMut(RawRow) -> Result<(), E>,
    E: From<RowError>,
{
    /// Turns one item into a row and visits it; `Err` with the reason the scan stops.
    fn item(&mut self, item: Item) -> Result<(), E> {
        let number = self.rows + 1;
        let record_error = |field: &str, reason: String| RowError {
            line: number,
            field: field.to_string(),
            reason,
        };
        let entries = match item {
            Item::Object(entries) => entries,
            Item::Duplicate(key) => return Err(record_error(&key, t!("file-key-twice")).into()),
            Item::Other => {
                return Err(record_error("record", t!("file-not-json-object")).into());
            }
        };
        let mut grew = false;
        for (key, value) in &entries {
            if let Some(kind) = nested_object(value) {
                return Err(record_error(key, t!("file-not-text", kind = kind)).into());
            }
            if !self.seen.contains(key) {
                self.seen.insert(key.clone());
                self.columns.push(key.clone());
                grew = true;
            }
        }
        if self.columns.len() > MAX_COLUMNS {
            return Err(too_many_columns(number, self.columns.len()).into());
        }
        if grew {
            self.index = column_index(&self.columns);
        }
        let mut cells = vec![String::new(); self.columns.len()];
        let mut present = vec![false; self.columns.len()];
        for (key, value) in entries {
            if let Some(&at) = self.index.get(&key) {
                cells[at] = json_cell(value);
                present[at] = true;
            }
        }
        self.rows = number;
        (self.visit)(RawRow::new(
            number,
            self.index.clone(),
            StringRecord::from(cells),
            Some(present),
        ))
    }
}

/// Whether `value` holds a JSON object (itself or inside a list): a cell is text, a number, a
/// boolean or a list of those, never an object (which would otherwise be stored as its JSON
/// text, say as a customer's name).
fn nested_object(value: &serde_json::Value) -> Option<&'static str> {
    match value {
        serde_json::Value::Object(_) => Some("a JSON object"),
        serde_json::Value::Array(items) => items
            .iter()
            .any(|v| nested_object(v).is_some())
            .then_some("a list holding a JSON object"),
        _ => None,
    }
}

/// A JSON value as cell text: strings as they are, `null` empty, a list (of phones, tags) joined
/// with `; ` like the CSV form. (Objects are refused before this, by [`nested_object`].)
fn json_cell(value: serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s,
        serde_json::Value::Bool(b) => b.to_string(),
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::Array(items) => items
            .into_iter()
            .map(json_cell)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// One item of the array: an object's entries (keys lowercased) in file order, the first key
/// an object gives twice, or something that is not an object.
enum Item {
    Object(Vec<(String, serde_json::Value)>),
    Duplicate(String),
    Other,
}

/// Visitor methods for the JSON values that are neither the wanted kind nor containers.
macro_rules! scalars_are {
    ($other:expr) => {
        fn visit_bool<Er: de::Error>(self, _: bool) -> Result<Self::Value, Er> {
            Ok($other)
        }
        fn visit_i64<Er: de::Error>(self, _: i64) -> Result<Self::Value, Er> {
            Ok($other)
        }
        fn visit_u64<Er: de::Error>(self, _: u64) -> Result<Self::Value, Er> {
            Ok($other)
        }
        fn visit_f64<Er: de::Error>(self, _: f64) -> Result<Self::Value, Er> {
            Ok($other)
        }
        fn visit_str<Er: de::Error>(self, _: &str) -> Result<Self::Value, Er> {
            Ok($other)
        }
        fn visit_unit<Er: de::Error>(self) -> Result<Self::Value, Er> {
            Ok($other)
        }
    };
}

/// The whole file: `true` once an array has been walked, `false` for anything else.
struct TopSeed<'s, 'v, F, E> {
    state: &'s mut State<'v, F, E>,
}

impl<'de, F, E> DeserializeSeed<'de> for TopSeed<'_, '_, F, E>
where
    F: FnMut(RawRow) -> Result<(), E>,
    E: From<RowError>,
{
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, F, E> Visitor<'de> for TopSeed<'_, '_, F, E>
where
    F: FnMut(RawRow) -> Result<(), E>,
    E: From<RowError>,
{
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON array of objects")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while let Some(item) = seq.next_element::<Item>()? {
            if let Err(failure) = self.state.item(item) {
                self.state.failure = Some(failure);
                return Err(de::Error::custom("stopped"));
            }
        }
        Ok(true)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }

    scalars_are!(false);
}

struct ItemVisitor;

impl<'de> Visitor<'de> for ItemVisitor {
    type Value = Item;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Item, A::Error> {
        let mut entries: Vec<(String, serde_json::Value)> = Vec::new();
        let mut seen = HashSet::new();
        let mut duplicate = None;
        while let Some(key) = map.next_key::<String>()? {
            let value: serde_json::Value = map.next_value()?;
            let key = key.to_lowercase();
            if !seen.insert(key.clone()) {
                duplicate.get_or_insert(key);
            } else {
                entries.push((key, value));
            }
        }
        Ok(match duplicate {
            Some(key) => Item::Duplicate(key),
            None => Item::Object(entries),
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Item, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Item::Other)
    }

    scalars_are!(Item::Other);
}

impl<'de> de::Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Item, D::Error> {
        d.deserialize_any(ItemVisitor)
    }
}
