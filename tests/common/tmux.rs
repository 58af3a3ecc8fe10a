//! The real `loyal` binary in a real terminal: a private tmux server driven with `send-keys`
//! and read with `capture-pane`; tests skip without tmux unless `LOYAL_REQUIRE_TMUX` is set.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Generous: a slow CI machine must not fail a test that is about behaviour, not speed.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub fn have_tmux() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("LOYAL_REQUIRE_TMUX").is_none(),
            "tmux is required (LOYAL_REQUIRE_TMUX is set) but not installed"
        );
        eprintln!("tmux not installed: terminal tests skipped");
    }
    found
}

/// A private tmux server (its own socket) that is killed when dropped.
pub struct Tmux {
    pub socket: PathBuf,
}

impl Tmux {
    pub fn new(dir: &Path) -> Tmux {
        Tmux {
            socket: dir.join("tmux.sock"),
        }
    }

    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(["-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn start(&self, name: &str, command: &str) {
        self.start_sized(name, command, 100, 30);
    }

    pub fn start_sized(&self, name: &str, command: &str, width: u16, height: u16) {
        let (width, height) = (width.to_string(), height.to_string());
        self.run(&[
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            &width,
            "-y",
            &height,
            command,
        ]);
    }

    pub fn keys(&self, name: &str, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", name];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    pub fn text(&self, name: &str, text: &str) {
        self.run(&["send-keys", "-t", name, "-l", text]);
    }

    pub fn screen(&self, name: &str) -> String {
        self.run(&["capture-pane", "-p", "-t", name])
    }

    /// Waits until the pane shows `wanted`; panics with the screen after [`PATIENCE`].
    pub fn wait_for(&self, name: &str, wanted: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen(name);
            if screen.contains(wanted) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "{name}: waited for {wanted:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}
