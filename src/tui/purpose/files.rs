//! The file forms: importing a file (kind, path, all-or-nothing or skipping bad rows, a dry
//! run) and exporting one kind to a file. The import runs with a gauge (see the app's
//! `start_import`); the export is an ordinary background save.

use super::{Invalid, Purpose, SaveJob, saved};
use crate::service::{ImportOptions, Service};
use crate::transfer::{ColumnMap, Format, Kind, SheetChoice, TextEncoding};
use crate::tui::form::{Field, Form};
use std::path::PathBuf;

fn all_or_nothing() -> &'static str {
    ts!("import-all-or-nothing")
}
fn skip_bad() -> &'static str {
    ts!("import-skip-bad")
}
fn no() -> &'static str {
    ts!("choice-no")
}
fn yes() -> &'static str {
    ts!("choice-yes")
}

fn kinds() -> Vec<&'static str> {
    Kind::ALL.iter().map(|k| k.title()).collect()
}

pub(super) fn import_form() -> Form<Purpose> {
    Form::new(
        t!("import-title"),
        Purpose::Import,
        vec![
            Field::text("file", ts!("field-file"), "").required(),
            Field::choice(
                "kind",
                ts!("field-kind-holds"),
                &kinds(),
                Kind::Customers.title(),
            ),
            Field::choice(
                "mode",
                ts!("field-mode"),
                &[all_or_nothing(), skip_bad()],
                all_or_nothing(),
            ),
            Field::choice("dry_run", ts!("field-dry-run"), &[no(), yes()], no()),
            Field::text("map", ts!("field-map"), ""),
            Field::text("profile", ts!("field-profile"), ""),
            Field::text("sheet", ts!("field-sheet"), ""),
            Field::text("encoding", ts!("field-encoding"), ""),
        ],
    )
}

pub(super) fn export_form() -> Form<Purpose> {
    Form::new(
        t!("export-title"),
        Purpose::Export,
        vec![
            Field::choice(
                "kind",
                ts!("field-kind-what"),
                &kinds(),
                Kind::Customers.title(),
            ),
            Field::text("file", ts!("field-file"), "customers.csv").required(),
        ],
    )
}

/// What an import form asks for, checked: the file opens, the kind is known.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    pub path: PathBuf,
    /// How messages name the file.
    pub name: String,
    pub kind: Kind,
    pub format: Format,
    pub options: ImportOptions,
    /// The user's column names (`手机号码=phone`), added to the profile's.
    pub map: ColumnMap,
    /// A saved mapping to start from.
    pub profile: Option<String>,
    pub sheet: SheetChoice,
    /// `None`: detected.
    pub encoding: Option<TextEncoding>,
}

fn kind_of(form: &Form<Purpose>) -> Result<Kind, Invalid> {
    Kind::from_words(form.value("kind")).ok_or(("kind", t!("choose-kind")))
}

fn format_of(path: &std::path::Path) -> Format {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("json") => Format::Json,
        _ if crate::transfer::is_workbook_name(path) => Format::Xlsx,
        _ if crate::transfer::is_vcard_name(path) => Format::Vcard,
        _ => Format::Csv,
    }
}

/// A leading `~/` is the home directory, as in a shell.
fn expand(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(text),
    }
}

pub(super) fn import_request(form: &Form<Purpose>) -> Result<ImportRequest, Invalid> {
    let text = form.value("file").trim();
    let path = expand(text);
    if let Err(e) = std::fs::File::open(&path) {
        return Err((
            "file",
            t!("file-cannot-open", file = text, error = e.to_string()),
        ));
    }
    if path.is_dir() {
        return Err(("file", t!("file-is-folder", file = text)));
    }
    let map = ColumnMap::parse(form.value("map")).map_err(|reason| ("map", reason))?;
    let encoding = match form.value("encoding").trim() {
        "" => None,
        label => Some(
            TextEncoding::named(label)
                .ok_or(("encoding", t!("cli-unknown-encoding", name = label)))?,
        ),
    };
    let optional = |key: &str| Some(form.value(key).trim().to_string()).filter(|v| !v.is_empty());
    Ok(ImportRequest {
        map,
        profile: optional("profile"),
        sheet: optional("sheet").map_or(SheetChoice::First, |s| SheetChoice::parse(&s)),
        encoding,
        name: text.to_owned(),
        format: format_of(&path),
        path,
        kind: kind_of(form)?,
        options: ImportOptions {
            dry_run: form.value("dry_run") == yes(),
            skip_bad: form.value("mode") == skip_bad(),
            create_missing: false,
        },
    })
}

pub(super) fn export_job(form: &Form<Purpose>) -> Result<SaveJob, Invalid> {
    let kind = kind_of(form)?;
    let text = form.value("file").trim().to_owned();
    let path = expand(&text);
    if path.exists() {
        return Err(("file", t!("file-exists", file = &text)));
    }
    let format = format_of(&path);
    Ok(Box::new(move |s: &Service| {
        let written = match std::fs::File::create_new(&path) {
            Err(e) => Err(crate::service::ServiceError::invalid(
                "file",
                t!("file-cannot-write", file = &text, error = e.to_string()),
            )),
            Ok(file) => {
                let written = s.export(kind, format, std::io::BufWriter::new(file));
                if written.is_err() {
                    // A refused or failed export leaves no half-written file behind.
                    let _ = std::fs::remove_file(&path);
                }
                written
            }
        };
        saved(written, |count| t!("exported", rows = *count, file = &text))
    }))
}
