//! What every command needs: the resolved database path, the personal config, and opening the
//! service with the right cache size and staff name.

use crate::config::{self, PersonalConfig};
use crate::service::Service;
use crate::store::StoreOptions;
use anyhow::Context as _;
use std::path::PathBuf;

/// Where the database path came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbSource {
    Flag,
    /// The `LOYAL_DB` environment variable.
    Env,
    ConfigFile,
    Default,
}

impl std::fmt::Display for DbSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DbSource::Flag => "--db",
            DbSource::Env => "LOYAL_DB",
            DbSource::ConfigFile => ts!("db-source-config"),
            DbSource::Default => ts!("db-source-default"),
        })
    }
}

/// Whether `--db` is on the command line itself (clap folds `LOYAL_DB` into the same value).
fn db_flag_given() -> bool {
    std::env::args_os().any(|a| {
        let a = a.to_string_lossy();
        a == "--db" || a.starts_with("--db=")
    })
}

/// Resolved settings of this invocation.
#[derive(Debug, Clone)]
pub struct Context {
    pub db_path: PathBuf,
    pub db_source: DbSource,
    pub config_path: Option<PathBuf>,
    pub config: PersonalConfig,
}

impl Context {
    /// `db` is `--db` (or `LOYAL_DB`, which clap folds into the flag).
    pub fn new(db: Option<PathBuf>) -> anyhow::Result<Context> {
        let config_path = config::config_path();
        let config = config::load(config_path.as_deref())?;
        let (db_path, db_source) = match (db, &config.database) {
            (Some(path), _) if !db_flag_given() && std::env::var_os("LOYAL_DB").is_some() => {
                (path, DbSource::Env)
            }
            (Some(path), _) => (path, DbSource::Flag),
            (None, Some(path)) => (path.clone(), DbSource::ConfigFile),
            (None, None) => (config::default_database()?, DbSource::Default),
        };
        Ok(Context {
            db_path,
            db_source,
            config_path,
            config,
        })
    }

    pub fn staff_name(&self) -> String {
        self.config
            .staff_name
            .clone()
            .unwrap_or_else(config::os_account)
    }

    pub fn store_options(&self) -> StoreOptions {
        let mb = self.config.cache_mb.unwrap_or(config::DEFAULT_CACHE_MB);
        StoreOptions {
            cache_bytes: (mb as usize).saturating_mul(1024 * 1024),
            staff: self.staff_name(),
            os_user: config::os_account(),
            create: false,
        }
    }

    /// Opens the existing database (never creates one); an import that stopped half way is
    /// reported on stderr.
    pub fn open(&self) -> anyhow::Result<Service> {
        self.open_with(self.store_options())
    }

    /// Opens the database, creating it if it does not exist (`init`, `demo`).
    pub fn create(&self) -> anyhow::Result<Service> {
        self.open_with(StoreOptions {
            create: true,
            ..self.store_options()
        })
    }

    fn open_with(&self, options: StoreOptions) -> anyhow::Result<Service> {
        let service = Service::open(&self.db_path, &options).with_context(|| {
            t!(
                "db-opening",
                path = self.db_path.display().to_string(),
                source = self.db_source.to_string()
            )
        })?;
        for i in service.interrupted_imports().unwrap_or_default() {
            eprintln!("warning: {}", crate::service::interrupted_note(&i));
        }
        Ok(service)
    }
}
