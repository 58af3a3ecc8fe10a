//! The file form of the QA library: CSV (a header row; tags joined by commas; a text may span
//! lines in quotes) or JSON (an array of answers), written whole and read back into new answers,
//! each with the line (CSV) or record number (JSON) it came from.

use super::headers::normal;
use super::{Format, Lined, RowError};
use crate::domain::{Answer, NewAnswer, rfc3339};
use std::io::{self, Read, Write};

/// The columns of an exported library, in order. `id`, `title`, `text`, `tags` and `lang` are
/// read back; the others say who wrote what and how often it is used, and are left alone.
pub const ANSWER_COLUMNS: [&str; 11] = [
    "id",
    "title",
    "text",
    "tags",
    "lang",
    "uses",
    "created_by",
    "created_at",
    "changed_by",
    "changed_at",
    "version",
];

/// The most answers one file may bring in: a library is a few hundred; this bounds the memory
/// a wrong file (an orders export) can take.
pub const MAX_ANSWER_ROWS: usize = 100_000;

/// The headers (compared as [`normal`] makes them) that name each read column.
const NAMES: &[(&str, &[&str])] = &[
    ("id", &["编号", "答案编号", "answerid", "no"]),
    (
        "title",
        &["标题", "问题", "名称", "question", "subject", "name"],
    ),
    (
        "text",
        &[
            "内容", "答案", "正文", "回答", "话术", "answer", "body", "reply",
        ],
    ),
    ("tags", &["标签", "分类", "tag", "category", "categories"]),
    ("lang", &["语言", "language", "locale"]),
];

/// The read column a header names, if any.
fn column_of(header: &str) -> Option<&'static str> {
    let header = normal(header);
    NAMES
        .iter()
        .find(|(column, names)| *column == header || names.contains(&header.as_str()))
        .map(|(column, _)| *column)
}

/// Writes `answers` as CSV (under [`ANSWER_COLUMNS`]) or as a JSON array.
pub fn write_answers(out: impl Write, format: Format, answers: &[Answer]) -> io::Result<()> {
    match format {
        Format::Json => {
            let mut out = io::BufWriter::new(out);
            super::write_json(&mut out, answers, true)?;
            writeln!(out)?;
            out.flush()
        }
        _ => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(ANSWER_COLUMNS)?;
            for a in answers {
                w.write_record([
                    a.id.as_str(),
                    &a.title,
                    &a.text,
                    &a.tags.join(", "),
                    a.lang.as_deref().unwrap_or(""),
                    &a.uses.to_string(),
                    &a.created_by,
                    &rfc3339(a.created_at),
                    &a.changed_by,
                    &rfc3339(a.changed_at),
                    &a.version.to_string(),
                ])?;
            }
            w.flush()
        }
    }
}

fn file_error(line: u64, reason: String) -> RowError {
    RowError {
        line,
        field: "file".into(),
        reason,
    }
}

fn too_many(line: u64) -> RowError {
    file_error(
        line,
        t!("answer-file-too-many", most = MAX_ANSWER_ROWS as u64),
    )
}

/// Reads answers from `input` (already decoded to UTF-8). A file that cannot be read as a
/// whole (no title or text column, broken CSV, not a JSON array) is the error; otherwise the
/// answers and, beside them, the rows that are wrong in themselves (a tag that is not text).
/// Fields are checked by the service, which knows the rules.
pub fn read_answers(
    input: impl Read,
    format: Format,
) -> Result<(Vec<Lined<NewAnswer>>, Vec<RowError>), RowError> {
    match format {
        Format::Json => read_json(input),
        _ => read_csv(input),
    }
}

fn unreadable(e: &io::Error) -> RowError {
    match super::encoding::DecodeError::of(e) {
        Some(bad) => RowError {
            line: bad.line,
            field: "row".into(),
            reason: bad.to_string(),
        },
        None => file_error(0, t!("file-unreadable", reason = e.to_string())),
    }
}

fn csv_problem(e: csv::Error) -> RowError {
    let line = e.position().map_or(0, |p| p.line());
    match e.into_kind() {
        csv::ErrorKind::Io(e) => unreadable(&e),
        csv::ErrorKind::Utf8 { .. } => RowError {
            line,
            field: "row".into(),
            reason: t!("file-not-utf8"),
        },
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => RowError {
            line,
            field: "row".into(),
            reason: t!("file-field-count", len = len, expected = expected_len),
        },
        other => RowError {
            line,
            field: "row".into(),
            reason: format!("{other:?}"),
        },
    }
}

fn read_csv(input: impl Read) -> Result<(Vec<Lined<NewAnswer>>, Vec<RowError>), RowError> {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(input);
    let headers = reader.headers().map_err(csv_problem)?.clone();
    let mut at: [Option<usize>; 5] = [None; 5];
    for (i, header) in headers.iter().enumerate() {
        if let Some(column) = column_of(header) {
            let slot = NAMES.iter().position(|(c, _)| *c == column).unwrap_or(0);
            if at[slot].is_some() {
                return Err(RowError {
                    line: 1,
                    field: header.to_string(),
                    reason: t!("file-column-twice"),
                });
            }
            at[slot] = Some(i);
        }
    }
    for (slot, field) in [(1, "title"), (2, "text")] {
        if at[slot].is_none() {
            return Err(RowError {
                line: 1,
                field: field.into(),
                reason: t!(
                    "file-column-missing",
                    columns = headers.iter().collect::<Vec<_>>().join(", "),
                    field = field
                ),
            });
        }
    }
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(csv_problem)? {
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if rows.len() == MAX_ANSWER_ROWS {
            return Err(too_many(line));
        }
        let cell = |slot: usize| at[slot].and_then(|i| record.get(i)).unwrap_or("");
        let lang = cell(4).trim();
        rows.push(Lined {
            line,
            value: NewAnswer {
                id: Some(cell(0).trim().to_string()).filter(|s| !s.is_empty()),
                title: cell(1).to_string(),
                text: cell(2).to_string(),
                tags: crate::domain::parse_tags(cell(3)),
                lang: (!lang.is_empty()).then(|| lang.to_string()),
            },
        });
    }
    Ok((rows, Vec::new()))
}

fn read_json(mut input: impl Read) -> Result<(Vec<Lined<NewAnswer>>, Vec<RowError>), RowError> {
    use serde_json::Value;
    let mut text = String::new();
    input
        .read_to_string(&mut text)
        .map_err(|e| unreadable(&e))?;
    let value: Value = serde_json::from_str(&text).map_err(|e| RowError {
        line: e.line() as u64,
        field: "file".into(),
        reason: t!("file-unreadable", reason = e.to_string()),
    })?;
    let Value::Array(items) = value else {
        return Err(file_error(1, t!("file-not-json-array")));
    };
    if items.len() > MAX_ANSWER_ROWS {
        return Err(too_many(MAX_ANSWER_ROWS as u64 + 1));
    }
    let mut rows = Vec::with_capacity(items.len());
    let mut errors = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        let line = i as u64 + 1;
        let Value::Object(object) = item else {
            errors.push(file_error(line, t!("file-not-json-object")));
            continue;
        };
        let mut fields: [Option<Value>; 5] = Default::default();
        for (key, value) in object {
            if let Some(column) = column_of(&key) {
                let slot = NAMES.iter().position(|(c, _)| *c == column).unwrap_or(0);
                fields[slot] = Some(value);
            }
        }
        let mut bad = None;
        let mut text_of = |slot: usize, field: &str| match fields[slot].take() {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s,
            Some(Value::Number(n)) => n.to_string(),
            Some(_) => {
                bad.get_or_insert_with(|| RowError {
                    line,
                    field: field.into(),
                    reason: t!("answer-file-not-text"),
                });
                String::new()
            }
        };
        let id = text_of(0, "id");
        let title = text_of(1, "title");
        let text = text_of(2, "text");
        let lang = text_of(4, "lang");
        let tags = match fields[3].take() {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) => crate::domain::parse_tags(&s),
            Some(Value::Array(items)) => {
                let mut tags = Vec::new();
                for item in items {
                    match item {
                        Value::String(s) => tags.push(s),
                        _ => {
                            bad.get_or_insert_with(|| RowError {
                                line,
                                field: "tags".into(),
                                reason: t!("answer-file-not-text"),
                            });
                        }
                    }
                }
                tags
            }
            Some(_) => {
                bad.get_or_insert_with(|| RowError {
                    line,
                    field: "tags".into(),
                    reason: t!("answer-file-not-text"),
                });
                Vec::new()
            }
        };
        if let Some(bad) = bad {
            errors.push(bad);
            continue;
        }
        rows.push(Lined {
            line,
            value: NewAnswer {
                id: Some(id.trim().to_string()).filter(|s| !s.is_empty()),
                title,
                text,
                tags,
                lang: Some(lang.trim().to_string()).filter(|s| !s.is_empty()),
            },
        });
    }
    Ok((rows, errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(id: &str, title: &str, text: &str, tags: &[&str]) -> Answer {
        Answer {
            id: id.into(),
            title: title.into(),
            text: text.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            lang: Some("zh".into()),
            created_by: "李娜".into(),
            created_at: 1_700_000_000_000,
            changed_by: "李娜".into(),
            changed_at: 1_700_000_000_000,
            uses: 3,
            version: 2,
        }
    }

    fn round_trip(format: Format) {
        let answers = vec![
            answer(
                "A-0001",
                "退款流程",
                "您好 {name}，\n退款将在 3 个工作日内到账。",
                &["退款", "售后"],
            ),
            answer("A-0002", "Delivery, \"late\"", "Sorry, {name}.", &[]),
        ];
        let mut out = Vec::new();
        write_answers(&mut out, format, &answers).unwrap();
        let (rows, errors) = read_answers(out.as_slice(), format).unwrap();
        assert!(errors.is_empty(), "{errors:?}");
        let back: Vec<NewAnswer> = rows.into_iter().map(|r| r.value).collect();
        let want: Vec<NewAnswer> = answers
            .iter()
            .map(|a| NewAnswer {
                id: Some(a.id.clone()),
                title: a.title.clone(),
                text: a.text.clone(),
                tags: a.tags.clone(),
                lang: a.lang.clone(),
            })
            .collect();
        assert_eq!(back, want);
    }

    #[test]
    fn an_export_reads_back_as_the_same_answers_in_csv_and_json() {
        round_trip(Format::Csv);
        round_trip(Format::Json);
    }

    #[test]
    fn chinese_headers_are_understood_and_lines_count_multiline_texts() {
        let csv = "标题,内容,标签\n退款,\"第一行\n第二行\",\"退款，售后\"\n物流,查询单号,物流\n";
        let (rows, _) = read_answers(csv.as_bytes(), Format::Csv).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].value.tags, ["退款", "售后"]);
        assert_eq!(
            rows[1].line, 4,
            "the second row starts after the two-line text"
        );
        assert_eq!(rows[1].value.title, "物流");
    }

    #[test]
    fn a_file_without_a_text_column_is_refused_naming_it() {
        let err = read_answers("title,tags\nx,y\n".as_bytes(), Format::Csv).unwrap_err();
        assert_eq!((err.line, err.field.as_str()), (1, "text"));
    }

    #[test]
    fn a_short_csv_row_names_its_line() {
        let err = read_answers("title,text\na,b\nc\n".as_bytes(), Format::Csv).unwrap_err();
        assert_eq!(err.line, 3);
    }

    #[test]
    fn a_json_record_with_a_number_for_tags_is_a_row_error_with_its_number() {
        let json = r#"[{"title":"a","text":"b"},{"title":"c","text":"d","tags":[1]}]"#;
        let (rows, errors) = read_answers(json.as_bytes(), Format::Json).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!((errors[0].line, errors[0].field.as_str()), (2, "tags"));
        let err = read_answers("{}".as_bytes(), Format::Json).unwrap_err();
        assert_eq!(err.field, "file");
    }
}
