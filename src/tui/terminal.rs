//! The real terminal: raw mode and the alternate screen on the way in, and the terminal put back
//! on every way out (normal exit, panic, SIGTERM, SIGHUP when an SSH session drops, a terminal
//! that hangs up; see [`super::hangup`]).

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{Stdout, stdout};
use std::mem::ManuallyDrop;
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
        DisableMouseCapture,
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
            // thread ends the session. A panic inside redb is caught by the store's guard
            // (or at the edge, where the session's drop restores the terminal): the
            // workbench may go on, so the screen stays as it is.
            if std::thread::current().name() == Some("main")
                && !crate::store::damage::panic_is_in_redb(info)
            {
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
    /// Dropped by hand: ratatui's own drop shows the cursor and, if that fails, `eprintln!`s,
    /// which panics when standard error is a terminal that has hung up.
    pub terminal: ManuallyDrop<Terminal<CrosstermBackend<Stdout>>>,
}

impl TerminalSession {
    /// Raw mode, the alternate screen, bracketed paste, and mouse reports when `mouse`.
    pub fn start(mouse: bool) -> std::io::Result<TerminalSession> {
        install_hooks();
        enable_raw_mode()?;
        let entered =
            execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste).and_then(|_| {
                if mouse {
                    execute!(stdout(), EnableMouseCapture)?;
                }
                Terminal::new(CrosstermBackend::new(stdout()))
            });
        match entered {
            Ok(terminal) => Ok(TerminalSession {
                terminal: ManuallyDrop::new(terminal),
            }),
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
        // A live terminal gets ratatui's own clean-up; a gone one is left alone (there is
        // nothing to put back, and its drop would panic printing that it could not).
        if !super::hangup::terminal_gone(libc::STDOUT_FILENO) {
            // SAFETY: dropped once, here; the field is never used after this.
            unsafe { ManuallyDrop::drop(&mut self.terminal) };
        }
    }
}
