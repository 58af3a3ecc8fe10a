//! The real `loyal` binary in a temporary folder of its own: its database, configuration and
//! data directory, in English unless a test asks for the Chinese locale.

use std::path::Path;
use std::process::{Command, Output};

pub struct Cli {
    pub dir: tempfile::TempDir,
}

impl Cli {
    /// A fresh, empty database (`loyal init`: nothing else creates one).
    pub fn new() -> Cli {
        let cli = Cli::bare();
        cli.ok(&["init"]);
        cli
    }

    /// A folder with no database in it yet.
    pub fn bare() -> Cli {
        Cli {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A fresh database holding the shared customer fixture.
    pub fn with_customers() -> Cli {
        let cli = Cli::new();
        cli.ok(&[
            "import",
            "customers",
            path(&cli.file("c.csv", super::CUSTOMERS)),
        ]);
        cli
    }

    pub fn db(&self) -> std::path::PathBuf {
        self.dir.path().join("cli.redb")
    }

    pub fn file(&self, name: &str, text: &str) -> std::path::PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_loyal"))
            .env("LOYAL_LANG", "en")
            .args(args)
            .env("LOYAL_DB", self.db())
            .env("LOYAL_CONFIG", self.dir.path().join("config.toml"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env_remove("NO_COLOR")
            .output()
            .expect("run loyal")
    }

    /// Runs with a Chinese locale and nothing else choosing the language.
    pub fn run_zh(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_loyal"))
            .args(args)
            .env_remove("LOYAL_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "zh_CN.UTF-8")
            .env("LOYAL_DB", self.db())
            .env("LOYAL_CONFIG", self.dir.path().join("config.toml"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .output()
            .expect("run loyal")
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "loyal {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "loyal {args:?} should fail");
        String::from_utf8(out.stderr).unwrap()
    }
}

pub fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}
