//! Which language a command speaks: `--lang zh|en`, else `LOYAL_LANG`, else `language` in the
//! personal config, else the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`: `zh_CN.UTF-8`,
//! `zh_TW`, `zh_HK` give Chinese), else English. Chosen before the command line is parsed, so
//! that `--help` is in the language too.

use super::Lang;
use std::ffi::OsString;

/// Where the language came from (for `loyal config show`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag,
    Env,
    Config,
    Locale,
    Default,
}

/// The language for `args` (the command line, program name first), reading the environment
/// through `env` and the config's `language` key.
pub fn choose(
    args: &[OsString],
    env: impl Fn(&str) -> Option<String>,
    config: Option<&str>,
) -> (Lang, Source) {
    if let Some(lang) = flag(args).as_deref().and_then(Lang::parse) {
        return (lang, Source::Flag);
    }
    if let Some(lang) = env("LOYAL_LANG").as_deref().and_then(Lang::parse) {
        return (lang, Source::Env);
    }
    if let Some(lang) = config.and_then(Lang::parse) {
        return (lang, Source::Config);
    }
    // The first of these that is set decides, as for any program that reads the locale.
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| env(name))
        .find(|value| !value.is_empty());
    if let Some(locale) = locale {
        return (Lang::parse(&locale).unwrap_or(Lang::En), Source::Locale);
    }
    (Lang::En, Source::Default)
}

/// The value of `--lang X` or `--lang=X`, wherever it stands (it is a global option), up to a
/// `--` that ends the options.
fn flag(args: &[OsString]) -> Option<String> {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            return None;
        }
        if arg == "--lang" {
            return args.next().map(|v| v.into_owned());
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Some(value.to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn the_flag_then_the_variable_then_the_config_then_the_locale() {
        let zh_locale = env(&[("LANG", "zh_CN.UTF-8")]);
        assert_eq!(
            choose(&args(&["loyal"]), &zh_locale, None),
            (Lang::Zh, Source::Locale)
        );
        assert_eq!(
            choose(
                &args(&["loyal", "--lang", "en", "complaints"]),
                &zh_locale,
                None
            ),
            (Lang::En, Source::Flag)
        );
        assert_eq!(
            choose(&args(&["loyal", "complaints", "--lang=zh"]), env(&[]), None),
            (Lang::Zh, Source::Flag)
        );
        assert_eq!(
            choose(
                &args(&["loyal"]),
                env(&[("LOYAL_LANG", "en"), ("LANG", "zh_CN.UTF-8")]),
                Some("zh")
            ),
            (Lang::En, Source::Env)
        );
        assert_eq!(
            choose(
                &args(&["loyal"]),
                env(&[("LANG", "zh_CN.UTF-8")]),
                Some("en")
            ),
            (Lang::En, Source::Config)
        );
        assert_eq!(
            choose(&args(&["loyal"]), env(&[]), None),
            (Lang::En, Source::Default)
        );
    }

    #[test]
    fn locales_in_the_usual_order_and_spellings() {
        for (vars, want) in [
            (
                &[("LC_ALL", "zh_TW.UTF-8"), ("LANG", "en_US.UTF-8")][..],
                Lang::Zh,
            ),
            (
                &[("LC_ALL", ""), ("LC_MESSAGES", "zh_HK"), ("LANG", "en_US")][..],
                Lang::Zh,
            ),
            (&[("LANG", "C")][..], Lang::En),
            (&[("LANG", "fr_FR.UTF-8")][..], Lang::En),
            (
                &[("LC_ALL", "en_GB.UTF-8"), ("LANG", "zh_CN.UTF-8")][..],
                Lang::En,
            ),
        ] {
            let vars: Vec<(String, String)> = vars
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            let env = |name: &str| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
            assert_eq!(choose(&args(&["loyal"]), env, None).0, want, "{vars:?}");
        }
    }

    #[test]
    fn a_lang_after_the_end_of_options_is_an_argument() {
        assert_eq!(
            choose(
                &args(&["loyal", "lookup", "--", "--lang", "zh"]),
                env(&[]),
                None
            )
            .0,
            Lang::En
        );
    }
}
