//! The language of the command line: chosen before anything is parsed (`--lang`, then
//! `LOYAL_LANG`, the config's `language`, the locale), and `--help` in it. The doc comments
//! of the commands are the English; the catalogue's `cli-about-PATH` and `cli-arg-PATH-ARG`
//! give the same in Chinese (a test keeps the English catalogue equal to the doc comments, so
//! the two cannot drift apart).

use super::Cli;
use crate::i18n::{self, Lang, choose::Source};
use clap::{Command, CommandFactory, FromArgMatches};

/// Chooses the language from the command line, the environment, the config and the locale,
/// and sets it for everything said from now on.
pub fn choose_language() -> (Lang, Source) {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let config = crate::config::load(crate::config::config_path().as_deref())
        .ok()
        .and_then(|c| c.language);
    let chosen = i18n::choose::choose(&args, |name| std::env::var(name).ok(), config.as_deref());
    i18n::set(chosen.0);
    chosen
}

impl Cli {
    /// Parses the command line with `--help` and clap's own words in the language in use.
    pub fn parse_translated() -> Cli {
        let matches = command()
            .try_get_matches()
            .unwrap_or_else(|e| super::clap_words::exit(e));
        Cli::from_arg_matches(&matches).unwrap_or_else(|e| super::clap_words::exit(e))
    }
}

/// The command tree, its texts in the language in use.
pub fn command() -> Command {
    let lang = i18n::lang();
    let cmd = Cli::command();
    if lang == Lang::En {
        return cmd;
    }
    let mut cmd = translate(cmd, "loyal", lang)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(ts!("cli-version-flag"))
                .help_heading(ts!("cli-heading-options")),
        );
    // clap adds the `help` subcommands while building: build now, then say them too.
    cmd.build();
    super::clap_words::translate_built(&mut cmd);
    cmd
}

/// The heading of the options every command takes (`--db`, `--lang`), as the code names it.
const GLOBAL: &str = "Global options";

/// The id of a command's about text: `cli-about-loyal-customer-add`.
fn about_id(path: &str) -> String {
    format!("cli-about-{path}")
}

/// The id of an argument's help: `cli-arg-loyal-customer-add-name`.
fn arg_id(path: &str, arg: &str) -> String {
    format!("cli-arg-{path}-{}", i18n::slug(arg))
}

/// The id of a command's closing text (its examples): `cli-after-loyal-lookup`.
fn after_id(path: &str) -> String {
    format!("cli-after-{path}")
}

fn translate(mut cmd: Command, path: &str, lang: Lang) -> Command {
    let id = about_id(path);
    if i18n::has(lang, &id) {
        cmd = cmd.about(i18n::message_in(lang, &id, &[]));
    }
    let id = after_id(path);
    if i18n::has(lang, &id) {
        cmd = cmd.after_help(i18n::message_in(lang, &id, &[]));
    }
    // Headings are `&'static str` to clap; the language is set once for the process.
    // `Usage: loyal`, `用法：loyal` (a full-width colon carries its own space).
    let usage = ts!("cli-usage");
    let gap = if usage.ends_with(':') { " " } else { "" };
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{gap}{{usage}}\n\n{{all-args}}{{after-help}}"
    );
    cmd = cmd
        .subcommand_help_heading(ts!("cli-heading-commands"))
        .help_template(template)
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(ts!("cli-help-flag")),
        );
    let args: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for name in args {
        let id = arg_id(path, &name);
        let text = i18n::has(lang, &id).then(|| i18n::message_in(lang, &id, &[]));
        let options = ts!("cli-heading-options");
        let arguments = ts!("cli-heading-arguments");
        let global = ts!("cli-heading-global");
        cmd = cmd.mut_arg(&name, |arg| {
            let positional = arg.is_positional();
            let heading = if positional {
                arguments
            } else if arg.is_global_set() || arg.get_help_heading() == Some(GLOBAL) {
                global
            } else {
                options
            };
            let arg = match &text {
                Some(text) => arg.help(text.clone()),
                None => arg,
            };
            arg.help_heading(heading)
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in subs {
        let sub_path = format!("{path}-{}", i18n::slug(&name));
        cmd = cmd.mut_subcommand(&name, |sub| translate(sub, &sub_path, lang));
    }
    cmd
}

/// Every command's and argument's help id with its English text (from the doc comments),
/// for the tests and for keeping the catalogue complete.
pub fn help_ids() -> Vec<(String, String)> {
    fn walk(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
        if let Some(about) = cmd.get_about() {
            out.push((about_id(path), about.to_string()));
        }
        if let Some(after) = cmd.get_after_help() {
            out.push((after_id(path), after.to_string()));
        }
        for arg in cmd.get_arguments() {
            if let Some(help) = arg.get_help() {
                out.push((arg_id(path, arg.get_id().as_str()), help.to_string()));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &format!("{path}-{}", i18n::slug(sub.get_name())), out);
        }
    }
    let mut out = Vec::new();
    walk(&Cli::command(), "loyal", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_and_option_has_its_help_in_the_catalogue_as_the_doc_comment_says() {
        let mut missing = Vec::new();
        let mut drifted = Vec::new();
        for (id, english) in help_ids() {
            if !i18n::has(Lang::En, &id) {
                missing.push(format!("{id} | {english}"));
            } else if i18n::message_in(Lang::En, &id, &[]) != english {
                drifted.push(format!("{id} | {english}"));
            }
        }
        assert!(missing.is_empty(), "not in en.ftl:\n{}", missing.join("\n"));
        let chinese: Vec<String> = help_ids()
            .into_iter()
            .filter(|(id, _)| !i18n::has(Lang::Zh, id))
            .map(|(id, english)| format!("{id} | {english}"))
            .collect();
        assert!(
            chinese.is_empty(),
            "not in zh-CN.ftl:\n{}",
            chinese.join("\n")
        );
        assert!(
            drifted.is_empty(),
            "en.ftl differs from the doc comment:\n{}",
            drifted.join("\n")
        );
    }

    /// Every command a person can run has examples, and every option and argument says what
    /// it is for, in English and (through the catalogue) in Chinese.
    #[test]
    fn every_command_has_examples_and_every_option_help() {
        fn walk(cmd: &Command, path: &str, problems: &mut Vec<String>) {
            let runnable = !cmd.has_subcommands() || !cmd.is_subcommand_required_set();
            let after = cmd
                .get_after_help()
                .map(|a| a.to_string())
                .unwrap_or_default();
            if runnable && !cmd.is_hide_set() && !after.contains("Examples:\n  loyal") {
                problems.push(format!("{path}: no `Examples:` section"));
            }
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if matches!(id, "help" | "version") {
                    continue;
                }
                if arg
                    .get_help()
                    .is_none_or(|h| h.to_string().trim().is_empty())
                {
                    problems.push(format!("{path}: {id} has no help"));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), problems);
            }
        }
        let mut problems = Vec::new();
        walk(&Cli::command(), "loyal", &mut problems);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn workbench_options_are_only_where_the_workbench_opens() {
        let cmd = Cli::command();
        let has_keymap = |c: &Command| c.get_arguments().any(|a| a.get_id() == "keymap");
        assert!(has_keymap(&cmd));
        for sub in cmd.get_subcommands() {
            assert_eq!(
                has_keymap(sub),
                sub.get_name() == "demo",
                "{}",
                sub.get_name()
            );
        }
        // Global options are grouped under their own heading.
        for arg in cmd.get_arguments().filter(|a| a.is_global_set()) {
            assert_eq!(arg.get_help_heading(), Some(GLOBAL), "{}", arg.get_id());
        }
    }
}
