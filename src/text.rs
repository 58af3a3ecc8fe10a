//! Making untrusted text safe for a terminal, and measuring it in columns (CJK is two wide).
//!
//! What [`sanitize`] leaves is text every terminal lays out alike, one character at a time: no
//! controls, no invisible format characters, no joined emoji sequences, at most
//! [`MARKS_PER_CHAR`] combining marks on a letter. [`width`] measures that text as the sum of its
//! characters' widths, which is also how ratatui measures it cell by cell, so a row cut with
//! [`fit`] is as wide on the screen as it is in the layout.

use std::borrow::Cow;
use unicode_width::UnicodeWidthChar;

/// At most this many combining marks stay on one character; the rest are dropped (a letter
/// carrying hundreds of them is drawn differently by every terminal).
pub const MARKS_PER_CHAR: usize = 2;

/// Characters that must never reach a terminal raw: C0/C1 controls, DEL, the bidirectional
/// controls that can make text display differently from what it is, line and paragraph
/// separators, and the invisible format characters (zero-width space, word joiner, byte-order
/// mark, soft hyphen, ...) that terminals draw as zero columns or one.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{AD}'
                | '\u{600}'..='\u{605}'
                | '\u{61C}'
                | '\u{6DD}'
                | '\u{70F}'
                | '\u{890}'..='\u{891}'
                | '\u{8E2}'
                | '\u{180E}'
                | '\u{200B}'
                | '\u{200E}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{110BD}'
                | '\u{110CD}'
                | '\u{13430}'..='\u{1343F}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
        )
}

/// Invisible characters that only join or restyle their neighbours: the zero-width joiner and
/// non-joiner (emoji ZWJ sequences), variation selectors (emoji or text presentation), emoji
/// skin-tone modifiers, tag characters (subdivision flags) and the combining grapheme joiner.
/// Terminals disagree on how wide the sequences they build are, so they are left out of what is
/// shown: each emoji is then drawn, and measured, on its own.
fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '\u{200C}'
            | '\u{200D}'
            | '\u{34F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{1F3FB}'..='\u{1F3FF}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// A character drawn on the one before it (a combining accent, a Hangul vowel or final).
fn is_mark(c: char) -> bool {
    c.width() == Some(0)
}

/// Whether `sanitize` would change `text`.
fn needs_sanitizing(text: &str) -> bool {
    let mut marks = None;
    for c in text.chars() {
        if is_unsafe(c) || is_joiner(c) {
            return true;
        }
        if is_mark(c) {
            match marks {
                Some(n) if n < MARKS_PER_CHAR => marks = Some(n + 1),
                _ => return true,
            }
        } else {
            marks = Some(0);
        }
    }
    false
}

/// `text` with every unsafe character shown as an escape (`\x1b`, `\u{202e}`, `\u{200b}`), so
/// names and notes holding escape sequences are displayed, not executed. Newlines and tabs
/// become `\n`, `\t`. Joiners and selectors are left out, and combining marks past
/// [`MARKS_PER_CHAR`] on one character (or with no character to sit on) are dropped.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !needs_sanitizing(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    // Marks kept on the last character shown; `None` before the first one.
    let mut marks: Option<usize> = None;
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe(c) && (c as u32) < 0x100 => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c if is_joiner(c) => continue,
            c if is_mark(c) => {
                if let Some(n) = marks
                    && n < MARKS_PER_CHAR
                {
                    out.push(c);
                    marks = Some(n + 1);
                }
                continue;
            }
            c => out.push(c),
        }
        marks = Some(0);
    }
    Cow::Owned(out)
}

/// A whole number with thousands separators: `1,204`, `300,000`.
/// [`thousands`] of a number that may be below zero: `-1,205`.
pub fn thousands_signed(n: i64) -> String {
    if n < 0 {
        format!("-{}", thousands(n.unsigned_abs()))
    } else {
        thousands(n.unsigned_abs())
    }
}

pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count with its noun, singular or plural: `1 contact`, `5 contacts` (never `contact(s)`).
pub fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Display width in terminal columns of sanitised text: the sum of its characters' widths.
pub fn width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Sanitised `text`, cut to at most `columns` wide (with `…` when cut) and padded to exactly
/// `columns`.
pub fn fit(text: &str, columns: usize) -> String {
    let safe = sanitize(text);
    let mut out = String::new();
    let mut used = 0;
    let full = width(&safe);
    for c in safe.chars() {
        let w = c.width().unwrap_or(0);
        let reserve = usize::from(full > columns);
        if used + w + reserve > columns {
            if full > columns && used < columns {
                out.push('…');
                used += 1;
            }
            break;
        }
        out.push(c);
        used += w;
    }
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(used)));
    out
}

/// [`fit`], but aligned to the right (numbers and their headings), by display width so that
/// a Chinese heading lines up over its digits.
pub fn fit_right(text: &str, columns: usize) -> String {
    let fitted = fit(text, columns);
    let kept = fitted.trim_end();
    let pad = columns.saturating_sub(width(kept));
    format!("{}{kept}", " ".repeat(pad))
}

/// A writer that passes text on line by line through [`sanitize`]: for data (CSV, an export)
/// shown on a terminal, where a cell holding an escape sequence would otherwise run. Line ends
/// are kept (a trailing `\r` is dropped). What waits for a line end is at most [`LINE_LIMIT`]
/// plus one write; a longer line is passed on in pieces, each sanitised alone.
pub struct TerminalWriter<W: std::io::Write> {
    inner: W,
    line: Vec<u8>,
}

/// The most bytes held back waiting for a line end before they are written anyway.
pub const LINE_LIMIT: usize = 64 * 1024;

impl<W: std::io::Write> TerminalWriter<W> {
    pub fn new(inner: W) -> TerminalWriter<W> {
        TerminalWriter {
            inner,
            line: Vec::new(),
        }
    }

    /// Writes out the held bytes that form whole characters (all of them if `all`).
    fn emit(&mut self, all: bool) -> std::io::Result<()> {
        let upto = match std::str::from_utf8(&self.line) {
            Ok(_) => self.line.len(),
            Err(e) if all || e.error_len().is_some() => self.line.len(),
            Err(e) => e.valid_up_to(),
        };
        let text = String::from_utf8_lossy(&self.line[..upto]).into_owned();
        self.line.drain(..upto);
        self.inner.write_all(sanitize(&text).as_bytes())
    }
}

impl<W: std::io::Write> std::io::Write for TerminalWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for piece in buf.split_inclusive(|b| *b == b'\n') {
            match piece.strip_suffix(b"\n") {
                Some(body) => {
                    self.line
                        .extend_from_slice(body.strip_suffix(b"\r").unwrap_or(body));
                    self.emit(true)?;
                    self.inner.write_all(b"\n")?;
                }
                None => {
                    self.line.extend_from_slice(piece);
                    if self.line.len() >= LINE_LIMIT {
                        self.emit(false)?;
                    }
                }
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.emit(true)?;
        self.inner.flush()
    }
}

impl<W: std::io::Write> Drop for TerminalWriter<W> {
    fn drop(&mut self) {
        let _ = std::io::Write::flush(self);
    }
}

/// Whether `text` names the record `id` as a whole (`CM-000001`, not `CM-0000012`).
pub fn mentions(text: &str, id: &str) -> bool {
    text.match_indices(id).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + id.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
            && !after.is_some_and(|c| c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminal_writer_sanitises_each_line_and_keeps_the_line_ends() {
        use std::io::Write;
        let mut out = Vec::new();
        {
            let mut w = TerminalWriter::new(&mut out);
            w.write_all("id,name\r\nC1,\u{1b}[2Jevil\u{202e}\r\nC2,张".as_bytes())
                .unwrap();
            // A character split across two writes is put back together.
            w.write_all(&"三\n".as_bytes()[..1]).unwrap();
            w.write_all(&"三\n".as_bytes()[1..]).unwrap();
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "id,name\nC1,\\x1b[2Jevil\\u{202e}\nC2,张三\n"
        );
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_204), "1,204");
        assert_eq!(thousands(300_000), "300,000");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }

    #[test]
    fn counts_have_the_right_plural() {
        assert_eq!(count(1u64, "contact", "contacts"), "1 contact");
        assert_eq!(count(5u32, "contact", "contacts"), "5 contacts");
        assert_eq!(count(0u64, "complaint", "complaints"), "0 complaints");
    }

    #[test]
    fn escapes_never_pass_through() {
        assert_eq!(sanitize("plain 张三"), "plain 张三");
        assert_eq!(sanitize("\u{1b}[2Jgone"), "\\x1b[2Jgone");
        assert_eq!(sanitize("a\u{9b}31mb"), "a\\x9b31mb");
        assert_eq!(sanitize("evil\u{202e}txt"), "evil\\u{202e}txt");
        assert_eq!(sanitize("line1\nline2"), "line1\\nline2");
        assert!(!sanitize("\u{7f}\u{0}").chars().any(char::is_control));
    }

    #[test]
    fn invisible_joined_and_stacked_characters_are_made_plain() {
        // Zero-width and format characters are shown as escapes.
        assert_eq!(sanitize("a\u{200b}b\u{feff}c"), "a\\u{200b}b\\u{feff}c");
        assert_eq!(
            sanitize("soft\u{ad}hyphen\u{2060}"),
            "soft\\xadhyphen\\u{2060}"
        );
        // Joined emoji fall apart into single ones, each measured alone.
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        assert_eq!(sanitize(family), "\u{1f468}\u{1f469}\u{1f467}");
        assert_eq!(width(&sanitize(family)), 6);
        assert_eq!(
            sanitize("\u{2764}\u{fe0f} \u{1f44d}\u{1f3fd}"),
            "\u{2764} \u{1f44d}"
        );
        assert_eq!(sanitize("Par\u{200c}vin"), "Parvin");
        // At most two combining marks on a letter; one accent is untouched.
        let zalgo = format!("e{}x", "\u{301}".repeat(500));
        assert_eq!(sanitize(&zalgo), "e\u{301}\u{301}x");
        assert_eq!(width(&sanitize(&zalgo)), 2);
        assert!(matches!(sanitize("Jose\u{301} 한국"), Cow::Borrowed(_)));
        assert_eq!(sanitize("\u{301}lone"), "lone");
        // Cut and padded to exactly the width asked, however the text is built.
        for text in [
            family,
            zalgo.as_str(),
            "a\u{200b}\u{200b}\u{200b}b",
            "\u{1f1e8}\u{1f1f3}",
        ] {
            for columns in [1, 2, 3, 5, 8, 20] {
                let cut = fit(text, columns);
                assert_eq!(width(&cut), columns, "{text:?} in {columns}");
                assert_eq!(
                    unicode_width::UnicodeWidthStr::width(cut.as_str()),
                    columns,
                    "{text:?} in {columns}: the layout measures it the same"
                );
            }
        }
    }

    #[test]
    fn fit_counts_wide_characters() {
        assert_eq!(fit("张三", 6), "张三  ");
        assert_eq!(width(&fit("张三丰李四", 6)), 6);
        assert_eq!(fit("abcdefgh", 5), "abcd…");
        assert_eq!(fit("abc", 3), "abc");
    }
}
