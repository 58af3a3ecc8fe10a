//! The real terminal: raw mode and the alternate screen on the way in, and the terminal put back
//! on every way out (normal exit, panic, SIGTERM, SIGHUP when an SSH session drops, a terminal
//! that hangs up; see [`super::hangup`]).

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{Stdout, stdout};
use std::sync::Once;

pub use super::hangup::terminate_requested;

static HOOKS: Once = Once::new();

extern "C" fn on_terminate(_signal: libc::c_int) {
    // Only an atomic store: async-signal-safe. The event loop (or, when it is stuck, the
    // watchdog) sees it within one tick.
    super::hangup::request_terminate();
}

/// Puts the terminal back as it was (safe to call twice).
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

fn install_hooks() {
    HOOKS.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // Background jobs catch their panics and report them; only the screen's own
            // thread ends the session.
            if std::thread::current().name() == Some("main") {
                restore();
            }
            previous(info);
        }));
        let handler = on_terminate as extern "C" fn(libc::c_int) as libc::sighandler_t;
        // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
        unsafe {
            libc::signal(libc::SIGTERM, handler);
            libc::signal(libc::SIGHUP, handler);
        }
        super::hangup::spawn(restore);
    });
}

/// Restores the terminal when dropped, however the workbench ends.
pub struct TerminalSession {
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl TerminalSession {
    pub fn start() -> std::io::Result<TerminalSession> {
        install_hooks();
        enable_raw_mode()?;
        let entered = execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste)
            .and_then(|_| Terminal::new(CrosstermBackend::new(stdout())));
        match entered {
            Ok(terminal) => Ok(TerminalSession { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for TerminalSession {
    fn drop(&mut self) {
        restore();
        super::hangup::mark_finished();
    }
}
