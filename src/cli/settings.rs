//! `loyal config`: every effective setting with its source; `set`/`unset` for team settings
//! (in the database) and personal ones (in the config file).

use super::Context;
use super::context::DbSource;
use crate::config::{self, PERSONAL_KEYS};
use crate::service::{SettingSource, TEAM_SETTINGS};
use anyhow::Context as _;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Show every setting (the default)
    Show,
    /// Set a team setting (stored in the database) or a personal one (in your config file)
    Set { key: String, value: String },
    /// Return a setting to its default
    Unset { key: String },
}

fn is_team(key: &str) -> bool {
    TEAM_SETTINGS.iter().any(|s| s.key == key)
}

pub fn run(context: &Context, action: Option<ConfigAction>) -> anyhow::Result<()> {
    match action.unwrap_or(ConfigAction::Show) {
        ConfigAction::Show => show(context),
        ConfigAction::Set { key, value } => change(context, &key, Some(&value)),
        ConfigAction::Unset { key } => change(context, &key, None),
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

fn show(context: &Context) -> anyhow::Result<()> {
    let file = context
        .config_path
        .as_ref()
        .map_or_else(|| t!("config-no-file"), |p| p.display().to_string());
    println!("{}", t!("cli-personal-head", file = &file));
    let c = &context.config;
    let from_file = |set: bool, default: &str| {
        if set {
            format!("file {file}")
        } else {
            default.to_string()
        }
    };
    let staff = context.staff_name();
    let rows: Vec<(&str, String, String)> = vec![
        (
            "staff_name",
            staff,
            from_file(c.staff_name.is_some(), "default (OS account)"),
        ),
        (
            "keymap",
            c.keymap.clone().unwrap_or_else(|| "default".into()),
            from_file(c.keymap.is_some(), "default"),
        ),
        (
            "theme",
            c.theme.clone().unwrap_or_else(|| "default".into()),
            from_file(c.theme.is_some(), "default"),
        ),
        (
            "cache_mb",
            c.cache_mb.unwrap_or(config::DEFAULT_CACHE_MB).to_string(),
            from_file(c.cache_mb.is_some(), "default"),
        ),
        (
            "database",
            context.db_path.display().to_string(),
            match context.db_source {
                DbSource::Flag => String::from("--db"),
                DbSource::Env => String::from("LOYAL_DB"),
                DbSource::ConfigFile => format!("file {file}"),
                DbSource::Default => String::from("default"),
            },
        ),
        (
            "mouse",
            c.mouse.unwrap_or(true).to_string(),
            from_file(c.mouse.is_some(), "default"),
        ),
        {
            use crate::i18n::choose::Source;
            let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
            let (lang, source) = crate::i18n::choose::choose(
                &args,
                |name| std::env::var(name).ok(),
                c.language.as_deref(),
            );
            let source = match source {
                Source::Flag => String::from("--lang"),
                Source::Env => String::from("LOYAL_LANG"),
                Source::Config => format!("file {file}"),
                Source::Locale => String::from("locale (LC_ALL, LC_MESSAGES, LANG)"),
                Source::Default => String::from("default"),
            };
            ("language", lang.code().to_owned(), source)
        },
    ];
    debug_assert_eq!(rows.len(), PERSONAL_KEYS.len());
    for (key, value, source) in rows {
        println!("{key:<40} {:<28} {source}", crate::text::sanitize(&value));
    }
    println!();
    println!(
        "{}",
        t!(
            "cli-team-head",
            file = context.db_path.display().to_string()
        )
    );
    for s in context.open()?.team_settings()? {
        let source = match s.source {
            SettingSource::Default => "default",
            SettingSource::Database => "database",
        };
        let value = if s.value.is_empty() {
            String::from("\"\"")
        } else {
            s.value
        };
        println!(
            "{:<40} {:<28} {source:<9} # {}",
            s.key,
            crate::text::sanitize(&value),
            crate::service::TEAM_SETTINGS
                .iter()
                .find(|spec| spec.key == s.key)
                .map_or_else(|| s.help.to_string(), |spec| spec.help_text())
        );
    }
    Ok(())
}
