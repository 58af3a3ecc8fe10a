//! `loyal config`: every effective setting with its source; `set`/`unset` for team settings
//! (in the database) and personal ones (in the config file).

use super::Context;
use super::context::DbSource;
use super::format::OutputFormat;
use crate::config::{self, PERSONAL_KEYS};
use crate::service::{SettingSource, TEAM_SETTINGS};
use anyhow::Context as _;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Show every setting (the default)
    #[command(after_help = "Examples:\n  loyal config show\n  loyal config show --format json")]
    Show {
        #[command(flatten)]
        output: super::format::FormatArg,
    },
    /// Set a team setting (stored in the database) or a personal one (in your config file)
    #[command(
        after_help = "Examples:\n  loyal config set sla.first_response_hours 12\n  loyal config set staff_name \"Li Na\""
    )]
    Set {
        /// The setting, as `loyal config` lists it
        key: String,
        /// Its new value
        value: String,
    },
    /// Return a setting to its default
    #[command(after_help = "Examples:\n  loyal config unset currency")]
    Unset {
        /// The setting, as `loyal config` lists it
        key: String,
    },
}

fn is_team(key: &str) -> bool {
    TEAM_SETTINGS.iter().any(|s| s.key == key)
}

pub fn run(
    context: &Context,
    action: Option<ConfigAction>,
    format: OutputFormat,
) -> anyhow::Result<()> {
    match action {
        None => show(context, format),
        Some(ConfigAction::Show { output }) => show(context, output.get()),
        Some(ConfigAction::Set { key, value }) => change(context, &key, Some(&value)),
        Some(ConfigAction::Unset { key }) => change(context, &key, None),
    }
}

fn change(context: &Context, key: &str, value: Option<&str>) -> anyhow::Result<()> {
    if is_team(key) {
        context.open()?.set_team_setting(key, value)?;
        println!(
            "{}",
            t!(
                "cli-saved-team",
                key = key,
                file = context.db_path.display().to_string()
            )
        );
        return Ok(());
    }
    let path = context
        .config_path
        .as_deref()
        .context(t!("config-no-dir"))?;
    config::set(path, key, value)?;
    println!(
        "{}",
        t!(
            "cli-saved-personal",
            key = key,
            file = path.display().to_string()
        )
    );
    Ok(())
}

/// One effective setting: where it lives (`personal` or `team`), its value, and where the
/// value came from (`default`, `file`, `flag`, `env`, `locale`, `database`).
#[derive(serde::Serialize)]
struct SettingRow {
    scope: &'static str,
    key: String,
    value: String,
    source: &'static str,
    /// The file, flag or variable the value came from, when there is one.
    from: Option<String>,
    /// What the setting means (team settings), in the language in use.
    help: Option<String>,
}

fn rows(context: &Context) -> anyhow::Result<Vec<SettingRow>> {
    let file = context
        .config_path
        .as_ref()
        .map(|p| p.display().to_string());
    let c = &context.config;
    let personal = |key: &str, value: String, set: bool| SettingRow {
        scope: "personal",
        key: key.to_string(),
        value,
        source: if set { "file" } else { "default" },
        from: if set { file.clone() } else { None },
        help: None,
    };
    let mut rows = vec![
        personal("staff_name", context.staff_name(), c.staff_name.is_some()),
        personal(
            "keymap",
            c.keymap.clone().unwrap_or_else(|| "default".into()),
            c.keymap.is_some(),
        ),
        personal(
            "theme",
            c.theme.clone().unwrap_or_else(|| "default".into()),
            c.theme.is_some(),
        ),
        personal(
            "cache_mb",
            c.cache_mb.unwrap_or(config::DEFAULT_CACHE_MB).to_string(),
            c.cache_mb.is_some(),
        ),
    ];
    let (source, from) = match context.db_source {
        DbSource::Flag => ("flag", Some(String::from("--db"))),
        DbSource::Env => ("env", Some(String::from("LOYAL_DB"))),
        DbSource::ConfigFile => ("file", file.clone()),
        DbSource::Default => ("default", None),
    };
    rows.push(SettingRow {
        source,
        from,
        ..personal("database", context.db_path.display().to_string(), false)
    });
    rows.push(personal(
        "mouse",
        c.mouse.unwrap_or(true).to_string(),
        c.mouse.is_some(),
    ));
    rows.push(personal(
        "bell",
        c.bell.unwrap_or(true).to_string(),
        c.bell.is_some(),
    ));
    rows.push(personal(
        "notify",
        c.notify.clone().unwrap_or_else(|| "off".into()),
        c.notify.is_some(),
    ));
    {
        use crate::i18n::choose::Source;
        let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
        let (lang, chosen) = crate::i18n::choose::choose(
            &args,
            |name| std::env::var(name).ok(),
            c.language.as_deref(),
        );
        let (source, from) = match chosen {
            Source::Flag => ("flag", Some(String::from("--lang"))),
            Source::Env => ("env", Some(String::from("LOYAL_LANG"))),
            Source::Config => ("file", file.clone()),
            Source::Locale => ("locale", Some(String::from("LC_ALL, LC_MESSAGES, LANG"))),
            Source::Default => ("default", None),
        };
        rows.push(SettingRow {
            source,
            from,
            ..personal("language", lang.code().to_owned(), false)
        });
    }
    debug_assert_eq!(rows.len(), PERSONAL_KEYS.len());
    for s in context.open()?.team_settings()? {
        rows.push(SettingRow {
            scope: "team",
            help: Some(
                crate::service::TEAM_SETTINGS
                    .iter()
                    .find(|spec| spec.key == s.key)
                    .map_or_else(|| s.help.to_string(), |spec| spec.help_text()),
            ),
            source: match s.source {
                SettingSource::Default => "default",
                SettingSource::Database => "database",
            },
            from: None,
            key: s.key,
            value: s.value,
        });
    }
    Ok(rows)
}

/// Where a value came from, in words: `file ~/.config/loyal/config.toml`, 默认.
fn source_words(row: &SettingRow) -> String {
    let word = match row.source {
        "file" => ts!("config-source-file"),
        "flag" => ts!("config-source-flag"),
        "env" => ts!("config-source-env"),
        "locale" => ts!("config-source-locale"),
        "database" => ts!("config-source-database"),
        _ => ts!("config-source-default"),
    };
    match &row.from {
        Some(from) => format!("{word} {from}"),
        None => word.to_string(),
    }
}

fn show(context: &Context, format: OutputFormat) -> anyhow::Result<()> {
    let rows = rows(context)?;
    match format {
        OutputFormat::Json => {
            let service = context.open()?;
            return super::print_json(&service, &rows);
        }
        OutputFormat::Csv => {
            return super::format::print_csv(
                &["scope", "key", "value", "source", "from"],
                rows.iter().map(|r| {
                    [
                        r.scope.to_string(),
                        r.key.clone(),
                        r.value.clone(),
                        r.source.to_string(),
                        r.from.clone().unwrap_or_default(),
                    ]
                }),
            );
        }
        OutputFormat::Table => {}
    }
    let file = context
        .config_path
        .as_ref()
        .map_or_else(|| t!("config-no-file"), |p| p.display().to_string());
    println!("{}", t!("cli-personal-head", file = &file));
    for row in rows.iter().filter(|r| r.scope == "personal") {
        println!(
            "{:<40} {:<28} {}",
            row.key,
            crate::text::sanitize(&row.value),
            crate::text::sanitize(&source_words(row))
        );
    }
    println!();
    println!(
        "{}",
        t!(
            "cli-team-head",
            file = context.db_path.display().to_string()
        )
    );
    for row in rows.iter().filter(|r| r.scope == "team") {
        let value = if row.value.is_empty() {
            String::from("\"\"")
        } else {
            row.value.clone()
        };
        println!(
            "{:<40} {} {} # {}",
            row.key,
            crate::text::fit(&crate::text::sanitize(&value), 28),
            crate::text::fit(&source_words(row), 9),
            row.help.as_deref().unwrap_or("")
        );
    }
    Ok(())
}
