//! vCard (RFC 2426, version 3.0, and RFC 6350, version 4.0; 2.1's quoted-printable too), the
//! format contacts leave phones, khard and abook in: each card is read as a row of a customer
//! file, and customers are written as cards. Folded lines are unfolded, escapes undone,
//! quoted-printable decoded in the card's charset. A card's line is the line of its
//! `BEGIN:VCARD`. Properties a card does not have leave the stored file alone (as a JSON key
//! that is absent does). A card without a `UID` gets a customer id derived from its name,
//! phones and e-mail, so that the same card imported twice is one customer.
//!
//! Read: UID (customer_id), FN (or N), TEL (every one), EMAIL (the first), ORG (company), ADR
//! (address; its locality is the city), BDAY, GENDER, CATEGORIES (tags), NOTE (interests), and
//! loyal's own X-LOYAL-PERSONALITY and X-LOYAL-HABITS. Written: the same, as version 3.0.

use super::RowError;
use super::raw::{RawRow, column_index, file_error};
use super::scan::Columns;
use csv::StringRecord;
use serde::Serialize;
use std::io::{BufRead, Write};

/// The columns a card fills, in this order.
const COLUMNS: [&str; 13] = [
    "customer_id",
    "name",
    "phone",
    "email",
    "company",
    "city",
    "address",
    "birthday",
    "gender",
    "tags",
    "interests",
    "personality",
    "habits",
];

/// The longest logical line (after unfolding) read; a longer one is refused, not held.
const MAX_LINE: usize = 1 << 20;

fn column(name: &str) -> usize {
    COLUMNS.iter().position(|c| *c == name).unwrap_or(0)
}

/// Whether `path` names a vCard file by its extension.
pub fn is_vcard_name(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "vcf" | "vcard"))
}

/// One property: `group.NAME;PARAM=V:value`, name and parameter names in capitals.
#[derive(Debug, Default)]
struct Property {
    name: String,
    params: Vec<(String, String)>,
    value: String,
}

impl Property {
    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Quoted-printable, as 2.1 writes `ENCODING=QUOTED-PRINTABLE` or a bare
    /// `QUOTED-PRINTABLE`.
    fn quoted_printable(&self) -> bool {
        self.params.iter().any(|(n, v)| {
            (n == "ENCODING" && v.eq_ignore_ascii_case("quoted-printable"))
                || n == "QUOTED-PRINTABLE"
        })
    }
}

/// Splits a logical line into a property (the colon after the name and parameters, outside
/// quotes, starts the value).
fn property(line: &str) -> Option<Property> {
    let mut quoted = false;
    let colon = line.char_indices().find_map(|(at, c)| match c {
        '"' => {
            quoted = !quoted;
            None
        }
        ':' if !quoted => Some(at),
        _ => None,
    })?;
    let (head, value) = (&line[..colon], &line[colon + 1..]);
    let mut parts = head.split(';');
    let name = parts.next()?;
    // A group prefix (`item1.TEL`) does not change what the property is.
    let name = name
        .rsplit('.')
        .next()
        .unwrap_or(name)
        .trim()
        .to_ascii_uppercase();
    let params = parts
        .map(|p| match p.split_once('=') {
            Some((n, v)) => (
                n.trim().to_ascii_uppercase(),
                v.trim().trim_matches('"').to_string(),
            ),
            None => (p.trim().to_ascii_uppercase(), String::new()),
        })
        .collect();
    Some(Property {
        name,
        params,
        value: value.to_string(),
    })
}

/// Decodes quoted-printable `=XX` escapes into bytes.
fn decode_quoted_printable(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'='
            && let Some(hex) = text.get(at + 1..at + 3)
            && let Ok(byte) = u8::from_str_radix(hex, 16)
        {
            out.push(byte);
            at += 3;
            continue;
        }
        out.push(bytes[at]);
        at += 1;
    }
    out
}

/// The value's components, split at unescaped `separator`, each unescaped.
fn components(value: &str, separator: char) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n' | 'N') => out.last_mut().map_or((), |s| s.push('\n')),
                Some(other) => out.last_mut().map_or((), |s| s.push(other)),
                None => {}
            },
            c if c == separator => out.push(String::new()),
            c => out.last_mut().map_or((), |s| s.push(c)),
        }
    }
    out.into_iter().map(|s| s.trim().to_string()).collect()
}

fn text(value: &str) -> String {
    components(value, '\u{0}').concat()
}

/// A name from `N` (family; given; additional; prefixes; suffixes): family name first without
/// a space for Chinese, Japanese and Korean names (`张三`), given name first otherwise.
fn name_from_parts(parts: &[String]) -> String {
    let family = parts.first().map_or("", String::as_str);
    let given = parts.get(1).map_or("", String::as_str);
    let cjk = |s: &str| {
        s.chars()
            .any(|c| matches!(c as u32, 0x3400..=0x9FFF | 0xAC00..=0xD7AF | 0x3040..=0x30FF))
    };
    if cjk(family) || cjk(given) {
        format!("{family}{given}")
    } else {
        [given, family]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// `BDAY` as a date: `1990-05-01`, `19900501`, with or without a time after it. A birthday
/// without a year (`--0501`) cannot be stored and is left out.
fn birthday(value: &str) -> Option<String> {
    let day = value.split('T').next().unwrap_or(value).trim();
    if day.starts_with("--") {
        return None;
    }
    let digits: String = day.chars().filter(char::is_ascii_digit).collect();
    if digits.len() == 8 && day.len() <= 10 {
        return Some(format!(
            "{}-{}-{}",
            &digits[..4],
            &digits[4..6],
            &digits[6..]
        ));
    }
    Some(day.to_string())
}

/// FNV-1a (64 bits): a hash that never changes between versions of loyal or Rust.
fn stable_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// One card being read.
struct Card {
    line: u64,
    cells: Vec<String>,
    present: Vec<bool>,
    phones: Vec<String>,
    name_parts: Option<Vec<String>>,
}

impl Card {
    fn new(line: u64) -> Card {
        Card {
            line,
            cells: vec![String::new(); COLUMNS.len()],
            present: vec![false; COLUMNS.len()],
            phones: Vec::new(),
            name_parts: None,
        }
    }

    fn set(&mut self, name: &str, value: String) {
        let at = column(name);
        if !self.present[at] {
            self.cells[at] = value;
            self.present[at] = true;
        }
    }

    fn add(&mut self, property: &Property) {
        let value = if property.quoted_printable() {
            let bytes = decode_quoted_printable(&property.value);
            let charset = property.param("CHARSET").unwrap_or("utf-8");
            let encoding =
                encoding_rs::Encoding::for_label(charset.as_bytes()).unwrap_or(encoding_rs::UTF_8);
            encoding.decode_without_bom_handling(&bytes).0.into_owned()
        } else {
            property.value.clone()
        };
        match property.name.as_str() {
            "UID" => self.set("customer_id", text(&value)),
            "FN" => self.set("name", text(&value)),
            "N" => self.name_parts = Some(components(&value, ';')),
            "TEL" => {
                let phone = text(&value);
                let phone = phone.strip_prefix("tel:").unwrap_or(&phone).to_string();
                if !phone.is_empty() {
                    self.phones.push(phone);
                }
            }
            "EMAIL" => self.set("email", text(&value)),
            "ORG" => {
                let org = components(&value, ';');
                self.set("company", org.into_iter().next().unwrap_or_default());
            }
            "ADR" => {
                let parts = components(&value, ';');
                let part = |i: usize| parts.get(i).map_or("", String::as_str);
                let address: Vec<&str> = [part(2), part(1), part(0), part(4), part(5), part(6)]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect();
                if !address.is_empty() {
                    self.set("address", address.join(", "));
                }
                if !part(3).is_empty() {
                    self.set("city", part(3).to_string());
                }
            }
            "BDAY" => {
                if let Some(day) = birthday(&text(&value)) {
                    self.set("birthday", day);
                }
            }
            "GENDER" | "X-GENDER" => {
                let sex = components(&value, ';')
                    .into_iter()
                    .next()
                    .unwrap_or_default();
                let gender = match sex.to_ascii_uppercase().as_str() {
                    "M" => "male",
                    "F" => "female",
                    "O" => "other",
                    _ => "",
                };
                if !gender.is_empty() {
                    self.set("gender", gender.to_string());
                }
            }
            "CATEGORIES" => self.set("tags", components(&value, ',').join("; ")),
            "NOTE" => self.set("interests", text(&value)),
            "X-LOYAL-PERSONALITY" => self.set("personality", text(&value)),
            "X-LOYAL-HABITS" => self.set("habits", text(&value)),
            _ => {}
        }
    }

    fn finish(mut self) -> (u64, Vec<String>, Vec<bool>) {
        if !self.phones.is_empty() {
            let phones = std::mem::take(&mut self.phones).join("; ");
            self.set("phone", phones);
        }
        if !self.present[column("name")]
            && let Some(parts) = self.name_parts.take()
        {
            self.set("name", name_from_parts(&parts));
        }
        if self.cells[column("customer_id")].is_empty() {
            // The same card, imported again, is the same customer.
            let identity = [column("name"), column("phone"), column("email")]
                .map(|at| self.cells[at].to_lowercase())
                .join("\u{1f}");
            let id = format!("vcard-{:016x}", stable_hash(&identity));
            let at = column("customer_id");
            self.cells[at] = id;
            self.present[at] = true;
        }
        (self.line, self.cells, self.present)
    }
}

/// Reads the cards of `input` (text, already UTF-8), calling `visit` with each as a customer
/// row.
pub fn scan_vcards<E: From<RowError>>(
    input: impl BufRead,
    mut visit: impl FnMut(RawRow) -> Result<(), E>,
) -> Result<Columns, E> {
    let columns: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    let index = column_index(&columns);
    let mut card: Option<Card> = None;
    // The logical line being gathered (folded lines appended) and where it started.
    let mut pending: Option<(u64, String)> = None;
    let mut number = 0u64;
    let mut lines = input.lines();
    let mut handle = |line_no: u64, logical: String, card: &mut Option<Card>| -> Result<(), E> {
        let Some(property) = property(&logical) else {
            if logical.trim().is_empty() {
                return Ok(());
            }
            return Err(file_error(line_no, t!("vcard-bad-line")).into());
        };
        match (property.name.as_str(), card.as_mut()) {
            ("BEGIN", _) if property.value.trim().eq_ignore_ascii_case("vcard") => {
                if card.is_some() {
                    return Err(file_error(line_no, t!("vcard-no-end")).into());
                }
                *card = Some(Card::new(line_no));
            }
            ("END", Some(_)) if property.value.trim().eq_ignore_ascii_case("vcard") => {
                if let Some(done) = card.take() {
                    let (line, cells, present) = done.finish();
                    visit(RawRow::new(
                        line,
                        index.clone(),
                        StringRecord::from(cells),
                        Some(present),
                    ))?;
                }
            }
            (_, Some(open)) => open.add(&property),
            (_, None) => return Err(file_error(line_no, t!("vcard-outside-card")).into()),
        }
        Ok(())
    };
    loop {
        let next = lines.next().transpose().map_err(|e| {
            let reason = match super::encoding::DecodeError::of(&e) {
                Some(bad) => return file_error(bad.line, bad.to_string()),
                None => t!("file-unreadable", reason = e.to_string()),
            };
            file_error(number + 1, reason)
        })?;
        if next.is_some() {
            number += 1;
        }
        let raw = next.as_deref().map(|l| l.trim_end_matches('\r'));
        if let (Some(raw), Some((_, logical))) = (raw, pending.as_mut()) {
            let soft_break =
                logical.ends_with('=') && property(logical).is_some_and(|p| p.quoted_printable());
            if let Some(rest) = raw.strip_prefix([' ', '\t']) {
                logical.push_str(rest);
            } else if soft_break {
                logical.pop();
                logical.push_str(raw);
            } else {
                let (at, done) = pending.take().unwrap_or_default();
                handle(at, done, &mut card)?;
                pending = Some((number, raw.to_string()));
            }
            if pending.as_ref().is_some_and(|(_, l)| l.len() > MAX_LINE) {
                return Err(file_error(number, t!("vcard-line-too-long")).into());
            }
            continue;
        }
        match raw {
            Some(raw) => pending = Some((number, raw.trim_start_matches('\u{feff}').to_string())),
            None => {
                if let Some((at, done)) = pending.take() {
                    handle(at, done, &mut card)?;
                }
                break;
            }
        }
    }
    if let Some(open) = card {
        return Err(file_error(open.line, t!("vcard-no-end")).into());
    }
    Ok(Columns {
        sources: columns.clone(),
        columns,
        unknown: Vec::new(),
        samples: Vec::new(),
    })
}

/// Escapes a text value (`\`, `,`, `;`, line breaks).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes `line` folded at 75 bytes (never inside a character), ending in CRLF.
fn folded(out: &mut impl Write, line: &str) -> std::io::Result<()> {
    let mut start = 0;
    let mut limit = 75;
    while line.len() - start > limit {
        let mut end = start + limit;
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        out.write_all(&line.as_bytes()[start..end])?;
        out.write_all(b"\r\n ")?;
        start = end;
        // A continuation line starts with the space: one byte less of text.
        limit = 74;
    }
    out.write_all(&line.as_bytes()[start..])?;
    out.write_all(b"\r\n")
}

/// Writes customer rows (as `loyal export customers` makes them) as vCard 3.0 cards.
pub fn write_vcards<R: Serialize>(
    out: impl Write,
    rows: impl Iterator<Item = anyhow::Result<R>>,
) -> anyhow::Result<u64> {
    let mut out = std::io::BufWriter::new(out);
    let mut count = 0;
    for row in rows {
        let row = serde_json::to_value(row?)?;
        let get = |name: &str| row.get(name).and_then(|v| v.as_str()).unwrap_or("").trim();
        let mut line = |text: String| folded(&mut out, &text);
        line("BEGIN:VCARD".into())?;
        line("VERSION:3.0".into())?;
        line(format!("UID:{}", escape(get("customer_id"))))?;
        line(format!("FN:{}", escape(get("name"))))?;
        line(format!("N:{};;;;", escape(get("name"))))?;
        for phone in get("phone")
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            line(format!("TEL;TYPE=CELL:{}", escape(phone)))?;
        }
        if !get("email").is_empty() {
            line(format!("EMAIL;TYPE=INTERNET:{}", escape(get("email"))))?;
        }
        if !get("company").is_empty() {
            line(format!("ORG:{}", escape(get("company"))))?;
        }
        if !get("address").is_empty() || !get("city").is_empty() {
            line(format!(
                "ADR:;;{};{};;;",
                escape(get("address")),
                escape(get("city"))
            ))?;
        }
        if !get("birthday").is_empty() {
            line(format!("BDAY:{}", get("birthday")))?;
        }
        let gender = match get("gender") {
            "male" => "M",
            "female" => "F",
            "other" => "O",
            _ => "",
        };
        if !gender.is_empty() {
            line(format!("X-GENDER:{gender}"))?;
        }
        let tags: Vec<String> = get("tags")
            .split(';')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(escape)
            .collect();
        if !tags.is_empty() {
            line(format!("CATEGORIES:{}", tags.join(",")))?;
        }
        for (property, field) in [
            ("NOTE", "interests"),
            ("X-LOYAL-PERSONALITY", "personality"),
            ("X-LOYAL-HABITS", "habits"),
        ] {
            if !get(field).is_empty() {
                line(format!("{property}:{}", escape(get(field))))?;
            }
        }
        line("END:VCARD".into())?;
        count += 1;
    }
    out.flush()?;
    Ok(count)
}

#[cfg(test)]
mod tests;
