//! The terminal workbench: app state, the event loop, one file per pane, keymaps as data.
//!
//! [`app`] holds the state and what keys do, [`view`] draws it, [`panes`] and [`overlays`]
//! are the parts of the screen, [`jobs`] keeps long work off the event loop, [`keymap`] turns
//! key presses into [`action::Action`]s.

pub mod action;
pub mod alert;
pub mod app;
pub mod component;
pub mod edit;
pub mod form;
pub mod hangup;
pub mod jobs;
pub mod keymap;
pub mod list;
pub mod overlays;
pub mod panes;
pub mod purpose;
pub mod terminal;
pub mod theme;
pub mod view;
pub mod widgets;

pub use app::{App, AppOptions, Clock};

use crate::service::Service;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long the loop waits for a key before looking at jobs and others' changes.
const IDLE_POLL: Duration = Duration::from_millis(50);
/// How long leaving waits for running background jobs (below the hang-up watchdog's grace).
const SETTLE_JOBS: Duration = Duration::from_millis(500);
/// Redraw at least this often (SLA countdowns, "waiting for another writer").
const REDRAW_EVERY: Duration = Duration::from_millis(1000);

/// Runs the workbench in this terminal until the user quits (or SIGTERM/SIGHUP, or the
/// terminal goes away).
pub fn run(service: Service, options: AppOptions) -> anyhow::Result<()> {
    // Dropped last: tells the hang-up watchdog the service is closed, however we leave.
    let _finished = hangup::FinishOnDrop;
    let mut session = terminal::TerminalSession::start(options.mouse)?;
    let mut app = App::new(Arc::new(service), options);
    let result = event_loop(&mut session, &mut app);
    // However the loop ended (quit, a signal, or a terminal error such as a hung-up tty):
    // running jobs get a moment to let go of the service, then the database is closed,
    // before anything touches a terminal that may be gone.
    app.settle_jobs(SETTLE_JOBS);
    drop(app);
    drop(session);
    result
}

/// Draws and handles events until the user quits or the workbench is asked to leave.
fn event_loop(session: &mut terminal::TerminalSession, app: &mut App) -> anyhow::Result<()> {
    let mut last_draw = Instant::now() - REDRAW_EVERY;
    let mut dirty = true;
    while !app.quit && !terminal::terminate_requested() {
        let every = if app.save_notice().is_some() {
            IDLE_POLL
        } else {
            REDRAW_EVERY
        };
        if dirty || last_draw.elapsed() >= every {
            session.terminal.draw(|f| app.draw(f))?;
            last_draw = Instant::now();
            dirty = false;
        }
        if let Some(alert) = app.take_alert() {
            use std::io::Write as _;
            let out = session.terminal.backend_mut();
            out.write_all(alert.as_bytes())?;
            out.flush()?;
        }
        if crossterm::event::poll(IDLE_POLL)? {
            // Take every queued event before drawing again: typing fast never lags behind.
            loop {
                app.handle_event(crossterm::event::read()?);
                if app.quit || !crossterm::event::poll(Duration::ZERO)? {
                    break;
                }
            }
            dirty = true;
        }
        if app.tick() {
            dirty = true;
        }
    }
    Ok(())
}
