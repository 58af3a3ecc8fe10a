//! clap's own words in the language in use: the placeholders of its help (`[OPTIONS]`,
//! `[env: …]`, `[possible values: …]`), its `help` subcommand and `--version` flag, and its
//! usage errors, which clap writes in English only. English goes through clap untouched.

use crate::i18n::{self, Lang};
use clap::Command;
use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

/// After the command tree is built: the `help` subcommands (which clap adds while building)
/// described in the language in use.
pub fn translate_built(cmd: &mut Command) {
    for sub in cmd.get_subcommands_mut() {
        if sub.get_name() == "help" {
            *sub = std::mem::take(sub).about(ts!("cli-help-subcommand"));
        } else {
            translate_built(sub);
        }
    }
}

/// The placeholders clap writes itself into help and usage, in the language in use.
pub fn localize(text: &str) -> String {
    if i18n::lang() == Lang::En {
        return text.to_string();
    }
    [
        ("Usage: ", ts!("cli-usage")),
        ("[OPTIONS]", ts!("cli-placeholder-options")),
        ("[COMMAND]", ts!("cli-placeholder-command")),
        ("<COMMAND>", ts!("cli-placeholder-command-required")),
        ("[env: ", ts!("cli-placeholder-env")),
        ("[possible values: ", ts!("cli-placeholder-values")),
        ("[default: ", ts!("cli-placeholder-default")),
        ("[aliases: ", ts!("cli-placeholder-aliases")),
    ]
    .iter()
    .fold(text.to_string(), |text, (from, to)| text.replace(from, to))
}

/// Prints `e` the way clap would (help and version on standard output, errors on standard
/// error), in the language in use, and exits with clap's status.
pub fn exit(e: Error) -> ! {
    if i18n::lang() == Lang::En {
        e.exit();
    }
    let text = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => localize(&e.render().to_string()),
        _ => match error_text(&e) {
            Some(text) => text,
            None => localize(&e.render().to_string()),
        },
    };
    let text = text.trim_end();
    if e.use_stderr() {
        eprintln!("{text}");
    } else {
        println!("{text}");
    }
    std::process::exit(e.exit_code());
}

/// A usage error in the language in use: what is wrong, clap's suggestions, the usage line
/// and where to read more. `None` for an error this does not know (clap's English then).
pub fn error_text(e: &Error) -> Option<String> {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let list = |kind| match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::String(s)) => s.clone(),
        _ => String::new(),
    };
    let arg = || text(ContextKind::InvalidArg).unwrap_or_default();
    let value = || text(ContextKind::InvalidValue).unwrap_or_default();
    let out = match e.kind() {
        ErrorKind::UnknownArgument => t!("clap-unknown-argument", arg = arg()),
        ErrorKind::InvalidSubcommand => t!(
            "clap-unknown-subcommand",
            command = text(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue if value().is_empty() => t!("clap-value-missing", arg = arg()),
        ErrorKind::InvalidValue => {
            let mut said = t!("clap-invalid-value", value = value(), arg = arg());
            let valid = list(ContextKind::ValidValue);
            if !valid.is_empty() {
                said.push_str(&format!(
                    "\n  {}",
                    t!("clap-possible-values", values = valid)
                ));
            }
            said
        }
        ErrorKind::ValueValidation => {
            let mut said = t!("clap-invalid-value", value = value(), arg = arg());
            if let Some(source) = std::error::Error::source(e) {
                said.push_str(&format!(": {source}"));
            }
            said
        }
        ErrorKind::MissingRequiredArgument => t!(
            "clap-missing-required",
            args = match e.get(ContextKind::InvalidArg) {
                Some(ContextValue::Strings(v)) =>
                    v.iter().map(|a| format!("\n  {a}")).collect::<String>(),
                _ => String::new(),
            }
        ),
        ErrorKind::MissingSubcommand => t!(
            "clap-missing-subcommand",
            command = text(ContextKind::InvalidSubcommand).unwrap_or_default(),
            commands = list(ContextKind::ValidSubcommand)
        ),
        ErrorKind::ArgumentConflict => {
            let prior = list(ContextKind::PriorArg);
            if prior == arg() {
                t!("clap-argument-twice", arg = arg())
            } else {
                t!("clap-argument-conflict", arg = arg(), other = prior)
            }
        }
        ErrorKind::TooManyValues => t!("clap-too-many-values", value = value(), arg = arg()),
        ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            t!("clap-wrong-number", arg = arg())
        }
        ErrorKind::NoEquals => t!("clap-no-equals", arg = arg()),
        _ => return None,
    };
    let mut said = format!("{}{out}", label(ts!("clap-error")));
    type Say = fn(String) -> String;
    let suggested: [(ContextKind, Say); 3] = [
        (ContextKind::SuggestedArg, |n| {
            t!("clap-similar-argument", names = n)
        }),
        (ContextKind::SuggestedSubcommand, |n| {
            t!("clap-similar-subcommand", names = n)
        }),
        (ContextKind::SuggestedValue, |n| {
            t!("clap-similar-value", names = n)
        }),
    ];
    for (kind, say) in suggested {
        // Each name in its own quotes: `'complaints', 'complaint'`.
        let names = list(kind).replace(", ", "', '");
        if !names.is_empty() {
            said.push_str(&format!("\n\n  {}{}", label(ts!("clap-tip")), say(names)));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        said.push_str(&format!("\n\n{}", localize(&usage.to_string())));
    }
    said.push_str(&format!("\n\n{}", ts!("clap-more")));
    Some(said)
}

/// `error: `, `错误：`: a label and the space after it (a full-width colon carries its own).
fn label(word: &str) -> String {
    if word.ends_with(':') {
        format!("{word} ")
    } else {
        word.to_string()
    }
}
