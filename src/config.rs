//! Personal settings: a TOML file in the user's config directory (display name, keymap,
//! colours, cache size, default database), and where every effective value came from.

use anyhow::Context;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The contents of `config.toml`. Unknown keys are an error, so typos do not go unnoticed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonalConfig {
    /// Name shown on records this person writes (default: the OS account name).
    pub staff_name: Option<String>,
    /// Keymap name (`default`, `vim`, `emacs`) or a path to a keymap file.
    pub keymap: Option<String>,
    /// Colour theme name.
    pub theme: Option<String>,
    /// Page cache of this process in MiB (default 64).
    pub cache_mb: Option<u64>,
    /// Database used when `--db` and `LOYAL_DB` are not given.
    pub database: Option<PathBuf>,
    /// Clicks and the wheel in the workbench (default true; false leaves the mouse to the
    /// terminal, e.g. to select text).
    pub mouse: Option<bool>,
    /// The terminal bell when something new needs you (default true).
    pub bell: Option<bool>,
    /// A desktop notification through the terminal: `off` (default), `osc9` or `osc777`.
    pub notify: Option<String>,
    /// Language of the interface, `zh` or `en` (default: from the locale).
    pub language: Option<String>,
}

/// The personal keys, their defaults and meanings (for `loyal config` and README).
pub const PERSONAL_KEYS: &[(&str, &str, &str)] = &[
    (
        "staff_name",
        "(OS account name)",
        "name recorded on what you write",
    ),
    (
        "keymap",
        "default",
        "keymap name (default, vim, emacs) or file path",
    ),
    ("theme", "default", "colour theme"),
    ("cache_mb", "64", "page cache of this process, MiB"),
    (
        "database",
        "(data dir)/loyal.redb",
        "database when --db and LOYAL_DB are not given",
    ),
    (
        "mouse",
        "true",
        "clicks and the wheel in the workbench (false: the terminal keeps them)",
    ),
    (
        "bell",
        "true",
        "the terminal bell when something new needs you in the workbench",
    ),
    (
        "notify",
        "off",
        "a desktop notification through the terminal: off, osc9 or osc777",
    ),
    (
        "language",
        "(from the locale)",
        "zh or en; --lang and LOYAL_LANG come first, the locale (LANG) after",
    ),
];

pub const DEFAULT_CACHE_MB: u64 = 64;

/// Where the config file lives: `$LOYAL_CONFIG`, else `config.toml` in the user's config
/// directory (`~/.config/loyal/` on Linux).
pub fn config_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("LOYAL_CONFIG") {
        return Some(PathBuf::from(path));
    }
    directories::ProjectDirs::from("", "", "loyal").map(|d| d.config_dir().join("config.toml"))
}

/// The default database: `loyal.redb` in the user's data directory.
pub fn default_database() -> anyhow::Result<PathBuf> {
    directories::ProjectDirs::from("", "", "loyal")
        .map(|d| d.data_dir().join("loyal.redb"))
        .with_context(|| t!("config-no-home"))
}

/// Reads the config file; a missing file is an empty config, a malformed one an error that
/// names the file and the line.
pub fn load(path: Option<&Path>) -> anyhow::Result<PersonalConfig> {
    let Some(path) = path else {
        return Ok(PersonalConfig::default());
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(PersonalConfig::default()),
        Err(e) => {
            return Err(e).with_context(|| t!("cannot-read", path = path.display().to_string()));
        }
    };
    toml::from_str(&text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        match line {
            Some(line) => anyhow::anyhow!("{}:{line}: {}", path.display(), e.message()),
            None => anyhow::anyhow!("{}: {}", path.display(), e.message()),
        }
    })
}

/// Writes one key of the config file, keeping the others.
pub fn set(path: &Path, key: &str, value: Option<&str>) -> anyhow::Result<()> {
    let mut config = load(Some(path))?;
    let text = value.map(str::to_string);
    match key {
        "staff_name" => config.staff_name = text,
        "keymap" => config.keymap = text,
        "theme" => config.theme = text,
        "cache_mb" => {
            config.cache_mb = match value {
                Some(v) => Some(
                    v.parse::<u64>()
                        .ok()
                        .filter(|mb| (8..=65536).contains(mb))
                        .with_context(|| t!("config-bad-cache", value = format!("{v:?}")))?,
                ),
                None => None,
            }
        }
        "database" => config.database = text.map(PathBuf::from),
        "mouse" => {
            config.mouse = match value {
                Some(v) => Some(
                    v.parse::<bool>()
                        .ok()
                        .with_context(|| t!("config-bad-mouse", value = format!("{v:?}")))?,
                ),
                None => None,
            }
        }
        "bell" => {
            config.bell = match value {
                Some(v) => Some(
                    v.parse::<bool>()
                        .ok()
                        .with_context(|| t!("config-bad-bell", value = format!("{v:?}")))?,
                ),
                None => None,
            }
        }
        "notify" => {
            config.notify = match value {
                Some(v) => Some(
                    crate::tui::alert::Notify::parse(v)
                        .with_context(|| t!("config-bad-notify", value = format!("{v:?}")))?
                        .label()
                        .to_owned(),
                ),
                None => None,
            }
        }
        "language" => {
            config.language = match value {
                Some(v) => Some(
                    crate::i18n::Lang::parse(v)
                        .with_context(|| t!("config-bad-language", value = format!("{v:?}")))?
                        .code()
                        .to_owned(),
                ),
                None => None,
            }
        }
        other => anyhow::bail!("{}", t!("config-unknown", key = format!("{other:?}"))),
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .with_context(|| t!("cannot-create", path = dir.display().to_string()))?;
    }
    std::fs::write(path, toml::to_string(&config)?)
        .with_context(|| t!("cannot-write", path = path.display().to_string()))
}

/// The name of the OS account running this process, from the real user id (not `$USER`, which
/// anyone can set), looked up in `/etc/passwd`; `uid N` when it has no entry there.
pub fn os_account() -> String {
    #[cfg(unix)]
    {
        // SAFETY: getuid has no preconditions and cannot fail.
        let uid = unsafe { libc::getuid() }.to_string();
        std::fs::read_to_string("/etc/passwd")
            .ok()
            .and_then(|passwd| {
                passwd.lines().find_map(|line| {
                    let mut fields = line.split(':');
                    let name = fields.next()?;
                    let id = fields.nth(1)?;
                    (id == uid).then(|| name.to_string())
                })
            })
            .unwrap_or_else(|| format!("uid {uid}"))
    }
    #[cfg(not(unix))]
    {
        std::env::var("USERNAME").unwrap_or_else(|_| String::from("staff"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_config_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "staff_name = \"Ann\"\ncache_mb = \"lots\"\n").unwrap();
        let err = load(Some(&path)).unwrap_err().to_string();
        assert!(err.contains("config.toml:2:"), "{err}");
        std::fs::write(&path, "stafname = \"Ann\"\n").unwrap();
        assert!(
            load(Some(&path))
                .unwrap_err()
                .to_string()
                .contains("stafname")
        );
    }

    #[test]
    fn set_keeps_other_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/config.toml");
        set(&path, "staff_name", Some("Ann")).unwrap();
        set(&path, "cache_mb", Some("128")).unwrap();
        let config = load(Some(&path)).unwrap();
        assert_eq!(config.staff_name.as_deref(), Some("Ann"));
        assert_eq!(config.cache_mb, Some(128));
        assert!(set(&path, "cache_mb", Some("1")).is_err());
        assert!(!os_account().is_empty());
    }
}
