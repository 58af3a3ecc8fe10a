//! Opening the terminal workbench from the command line: the keymap, the theme, and asking
//! before a database is created where there was none.

use super::Context;

/// The workbench was started on a path with no database: ask before creating one there (a
/// mistyped path must not quietly become an empty database).
pub(super) fn offer_to_create(context: &Context) -> anyhow::Result<crate::service::Service> {
    use std::io::{BufRead, IsTerminal, Write};
    let path = context.db_path.display();
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        // Not interactive: the ordinary "no database" error, with where the path came from.
        return context.open();
    }
    print!(
        "{} ",
        t!(
            "cli-offer-create",
            path = path.to_string(),
            source = context.db_source.to_string()
        )
    );
    std::io::stdout().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    // `y` or `yes` in any case; in Chinese also 是 or 好.
    let answer = answer.trim().to_lowercase();
    if matches!(answer.as_str(), "y" | "yes" | "是" | "好") {
        return context.create();
    }
    let demo = crate::config::default_database()
        .ok()
        .map(|p| p.with_file_name("demo.redb"))
        .filter(|p| p.exists());
    let said = match demo {
        Some(demo) => t!("cli-no-db-demo", demo = demo.display().to_string()),
        None => t!("cli-no-db"),
    };
    Err(super::exit::NoDatabase(said).into())
}

/// Opens the terminal workbench on `service` (the keymap from `--keymap`, else the personal
/// config, plus the user's `keymap.toml` beside `config.toml`).
pub fn workbench(
    context: &Context,
    service: crate::service::Service,
    keymap: Option<&str>,
) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    // A terminal that cannot move the cursor or draw boxes would get a screen of escape codes.
    match std::env::var("TERM").as_deref() {
        Ok("dumb") | Ok("") | Err(_) if std::io::stdout().is_terminal() => anyhow::bail!(t!(
            "cli-dumb-terminal",
            term = std::env::var("TERM").unwrap_or_default()
        )),
        _ => {}
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(t!("cli-needs-terminal"));
    }
    let spec = keymap
        .map(str::to_string)
        .or_else(|| context.config.keymap.clone());
    let user_file = context
        .config_path
        .as_ref()
        .and_then(|p| p.parent())
        .map(|dir| dir.join("keymap.toml"));
    let loaded = crate::tui::keymap::Keymap::load(spec.as_deref(), user_file.as_deref())?;
    let options = crate::tui::AppOptions {
        keymap: loaded.keymap,
        theme: crate::tui::theme::Theme::from_env(),
        clock: crate::tui::Clock::system(),
        notes: loaded.notes,
        mouse: context.config.mouse.unwrap_or(true),
        alerts: crate::tui::alert::Alerts {
            bell: context.config.bell.unwrap_or(true),
            notify: match context.config.notify.as_deref() {
                None => crate::tui::alert::Notify::Off,
                Some(text) => crate::tui::alert::Notify::parse(text).ok_or_else(|| {
                    anyhow::anyhow!(t!("config-bad-notify", value = format!("{text:?}")))
                })?,
            },
        },
    };
    crate::tui::run(service, options)
}
