//! JSON as `loyal` writes it: every character `text::sanitize` would escape that serde_json
//! writes raw (DEL, the C1 controls such as U+009B, the bidirectional controls such as U+202E) is
//! written as a `\uXXXX` escape instead, so JSON shown on a terminal or passed down a pipe holds
//! no raw control. Any JSON reader decodes the escapes: the value is the same.

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};
use std::io;

/// A formatter that escapes unsafe characters and otherwise writes as `F` does.
struct Escaping<F>(F);

impl<F: Formatter> Formatter for Escaping<F> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if crate::text::is_unsafe(c) {
                self.0.write_string_fragment(writer, &fragment[start..at])?;
                for unit in c.encode_utf16(&mut [0; 2]) {
                    write!(writer, "\\u{unit:04x}")?;
                }
                start = at + c.len_utf8();
            }
        }
        self.0.write_string_fragment(writer, &fragment[start..])
    }

    // The layout of `F` (what `PrettyFormatter` overrides; the rest are the trait's defaults).
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

/// Writes `value` as JSON (indented when `pretty`) with unsafe characters escaped. Every JSON
/// `loyal` prints or exports goes through here.
pub fn write_json<W: io::Write, T: ?Sized + Serialize>(
    writer: W,
    value: &T,
    pretty: bool,
) -> serde_json::Result<()> {
    if pretty {
        let mut ser =
            serde_json::Serializer::with_formatter(writer, Escaping(PrettyFormatter::new()));
        value.serialize(&mut ser)
    } else {
        let mut ser = serde_json::Serializer::with_formatter(writer, Escaping(CompactFormatter));
        value.serialize(&mut ser)
    }
}

/// `value` as indented JSON with unsafe characters escaped.
pub fn to_json_pretty<T: ?Sized + Serialize>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::new();
    write_json(&mut out, value, true)?;
    // Only valid UTF-8 is written: serde_json's own output plus ASCII escapes.
    Ok(String::from_utf8(out).expect("JSON is UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_escaped_and_the_value_is_the_same() {
        let text = "a\u{9b}31m\u{7f}\u{1b}[2J\u{202e}txt\u{2066}張三 é \"q\"";
        let json = to_json_pretty(&serde_json::json!({ "name": text, "list": [text] })).unwrap();
        assert!(
            !json.chars().any(|c| c != '\n' && crate::text::is_unsafe(c)),
            "{json}"
        );
        assert!(
            json.contains(r#"a\u009b31m\u007f\u001b[2J\u202etxt\u2066張三 é \"q\""#),
            "{json}"
        );
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["name"], text);
        assert_eq!(back["list"][0], text);
        assert_eq!(
            to_json_pretty(&serde_json::json!({"a": [1, 2]})).unwrap(),
            serde_json::to_string_pretty(&serde_json::json!({"a": [1, 2]})).unwrap()
        );
        let mut compact = Vec::new();
        write_json(&mut compact, &serde_json::json!({"k\u{85}": "v"}), false).unwrap();
        assert_eq!(String::from_utf8(compact).unwrap(), r#"{"k\u0085":"v"}"#);
    }
}
