//! The workbench's state and behaviour: which pane is up, what is open over it, what keys do
//! (through the keymap), what saving does, and how others' changes are noticed. Drawing is in
//! [`super::view`]; the terminal loop in [`super::run`].

use super::action::{Action, InputContext, Section};
use super::component::Component;
use super::form::{Form, FormEvent};
use super::jobs::{Asker, JobKind, JobOutput, Jobs};
use super::keymap::{KeyPress, Keymap, Resolved};
use super::overlays::answers::{AnswerPicker, PickerEvent};
use super::overlays::lookup::{LookupBox, LookupEvent};
use super::overlays::palette::{Palette, PaletteEvent};
pub use super::panes::Pane;
use super::panes::Panes;
use super::panes::card::CardPane;
use super::panes::complaints::parse_filter;
use super::panes::customers::CustomerFilter;
use super::purpose::Purpose;
use super::theme::Theme;
use crate::domain::{CustomerId, Millis};
use crate::service::{Roster, ScoreOptions, Service, ServiceError};
use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::sync::Arc;
use std::time::{Duration, Instant};

mod actions;
mod answers;
mod asking;
mod import;
mod loads;
mod mouse;
mod pops;
mod reminders;
mod saving;

pub use import::ImportProgress;

/// How often the change counter is polled for others' commits.
pub const POLL_EVERY: Duration = Duration::from_millis(400);
/// The roster (segments, last contact) is read again from every customer at most this often
/// (after a commit too big for the change log to list, such as an import chunk).
const ROSTER_EVERY: Duration = Duration::from_secs(15);
/// After a commit, the roster is brought up to date at most this often (only the customers
/// the commits touched are read again).
const ROSTER_SOON: Duration = Duration::from_millis(250);
/// The complaint queue is reloaded this often so SLA countdowns stay live.
const QUEUE_EVERY: Duration = Duration::from_secs(30);
/// How many agenda entries and queued complaints a list holds (the most urgent first; the
/// header says how many there are in all).
pub const LIST_LIMIT: usize = 2000;
/// After this long a save says it is waiting for another writer.
pub const WAIT_NOTICE: Duration = Duration::from_millis(200);

/// The date and time the workbench works with: the system clock, or fixed (tests, demos).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    fixed: Option<(NaiveDate, Millis)>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock { fixed: None }
    }

    pub fn fixed(today: NaiveDate, now: Millis) -> Clock {
        Clock {
            fixed: Some((today, now)),
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.fixed.map_or_else(crate::service::today, |(d, _)| d)
    }

    pub fn now(&self) -> Millis {
        self.fixed
            .map_or_else(|| chrono::Utc::now().timestamp_millis(), |(_, n)| n)
    }

    /// Today at the local time of `now` (what a plan's due date and time are compared with).
    pub fn local_now(&self) -> chrono::NaiveDateTime {
        use chrono::TimeZone;
        let time = chrono::Local
            .timestamp_millis_opt(self.now())
            .earliest()
            .map_or(chrono::NaiveTime::MIN, |t| t.time());
        self.today().and_time(time)
    }
}

/// What is drawn over the pane and takes the keys.
#[derive(Debug)]
pub enum Overlay {
    Lookup(LookupBox),
    /// The canned-answer picker, holding the form it was opened from.
    Answers(Box<AnswerPicker>),
    Help {
        scroll: usize,
    },
    Palette(Box<Palette>),
    Form(Box<Form<Purpose>>),
    /// Messages to read (keymap notes at start); any key closes.
    Notes(Vec<String>),
    /// A read-only list (the audit trail, the roles) that scrolls with the `[help]` keys.
    Report {
        title: String,
        lines: Vec<String>,
        scroll: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Everything the workbench needs to start.
pub struct AppOptions {
    pub keymap: Keymap,
    pub theme: Theme,
    pub clock: Clock,
    /// Shown once at start (what a user keymap shadowed).
    pub notes: Vec<String>,
    /// Whether clicks and the wheel are taken (`mouse = false` leaves them to the terminal).
    pub mouse: bool,
    /// The bell and the desktop notification when something new needs this person.
    pub alerts: super::alert::Alerts,
}

pub struct App {
    pub(super) service: Arc<Service>,
    pub(super) jobs: Jobs,
    pub(super) keymap: Keymap,
    pub(super) theme: Theme,
    pub(super) clock: Clock,
    pub pane: Pane,
    pub panes: Panes,
    pub card: Option<CardPane>,
    pub overlay: Option<Overlay>,
    pub(super) pending: Vec<KeyPress>,
    pub(super) pending_hint: Vec<(String, Action)>,
    pub status: Option<Status>,
    pub roster: Option<Arc<Roster>>,
    pub(super) as_of: Option<NaiveDate>,
    /// The SLA rules, for countdowns computed at each draw.
    pub(super) sla_policy: Option<crate::service::SlaPolicy>,
    /// A form whose save is waiting, hidden with Esc; its result comes back to it.
    hidden_save: Option<Box<Form<Purpose>>>,
    /// The form a canned answer being filled in is for: it goes in only if that form is still
    /// the one on screen.
    pub(super) answer_for: Option<Purpose>,
    /// What needs this person, as last read (the top line shows it).
    pub reminders: Option<crate::service::Reminders>,
    pub(super) last_remind: Instant,
    pub(super) alerts: super::alert::Alerts,
    /// What just became due and has not been rung for yet (the event loop sends it).
    pub(super) pending_alert: Option<String>,
    /// Who this workbench is for screen pops, and the pops it has shown.
    pub(super) pops: crate::pop::Listener,
    pub(super) last_pop_check: Instant,
    change_counter: u64,
    last_poll: Instant,
    roster_wanted: bool,
    last_roster: Instant,
    /// When the roster was last read from every customer.
    last_rebuild: Instant,
    last_queue: Instant,
    /// Where the pane was last drawn (for clicks on its rows).
    pub(super) body_area: std::cell::Cell<ratatui::layout::Rect>,
    /// The last click on a list row, for double clicks.
    last_click: Option<(Instant, usize)>,
    mouse: bool,
    /// The import under way, for the gauge on the status line.
    pub importing: Option<import::ImportProgress>,
    /// The last import form sent, opened again by the next import (so that a mapping seen
    /// in a dry run can be fixed before the import that writes).
    pub(super) last_import_form: Option<crate::tui::form::Form<Purpose>>,
    /// Who is at this desk and their role, read once (the tab line shows it at every frame).
    pub(super) identity: (String, crate::domain::Role),
    /// The team's currency symbol before amounts, read at start and on a full refresh.
    pub(super) currency: String,
    pub quit: bool,
}

impl App {
    /// Opens the workbench on `service`: the first page of customers is read at once; scoring,
    /// the agenda and the complaint queue load in the background.
    pub fn new(service: Arc<Service>, options: AppOptions) -> App {
        let change_counter = match service.handle(crate::service::Request::ChangeCounter) {
            Ok(crate::service::Response::ChangeCounter(n)) => n,
            _ => 0,
        };
        let mut app = App {
            jobs: Jobs::new(Arc::clone(&service)),
            service,
            keymap: options.keymap,
            theme: options.theme,
            clock: options.clock,
            pane: Pane::ALL[0],
            panes: Panes::default(),
            card: None,
            overlay: (!options.notes.is_empty()).then_some(Overlay::Notes(options.notes)),
            pending: Vec::new(),
            pending_hint: Vec::new(),
            status: None,
            roster: None,
            as_of: None,
            hidden_save: None,
            answer_for: None,
            reminders: None,
            last_remind: Instant::now(),
            alerts: options.alerts,
            pending_alert: None,
            pops: crate::pop::Listener::default(),
            last_pop_check: Instant::now(),
            sla_policy: None,
            change_counter,
            last_poll: Instant::now(),
            roster_wanted: false,
            last_roster: Instant::now(),
            last_rebuild: Instant::now(),
            last_queue: Instant::now(),
            body_area: std::cell::Cell::new(ratatui::layout::Rect::default()),
            last_click: None,
            mouse: options.mouse,
            identity: (String::new(), crate::domain::Role::Viewer),
            currency: String::new(),
            importing: None,
            last_import_form: None,
            quit: false,
        };
        let interrupted: Vec<String> = app
            .service
            .interrupted_imports()
            .unwrap_or_default()
            .iter()
            .map(crate::service::interrupted_note)
            .collect();
        if !interrupted.is_empty() {
            app.overlay = Some(Overlay::Notes(interrupted));
        }
        app.sla_policy = app.service.sla_policy().ok();
        app.currency = app.service.team_setting("currency").unwrap_or_default();
        app.identity = app.whoami_now();
        app.pops = crate::pop::Listener::new(app.service.staff(), &app.identity.0);
        app.panes.customers.total = app.customer_count_now().unwrap_or(0);
        if let Err(e) = app.panes.customers.load_pages(&app.service, 100) {
            app.error(e);
        }
        app.fill_views();
        app.load_roster();
        app.load(Asker::Agenda);
        app.load(Asker::Queue);
        app.load_reminders();
        app
    }

    pub fn service(&self) -> &Service {
        &self.service
    }

    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }

    // ----- keys ------------------------------------------------------------------------

    /// What has the keys now: the focused pane, or what is open over it.
    pub fn context(&self) -> Option<InputContext> {
        Some(match &self.overlay {
            Some(Overlay::Notes(_)) => return None,
            Some(Overlay::Help { .. } | Overlay::Report { .. }) => InputContext::Help,
            Some(Overlay::Answers(picker)) if picker.managing() => InputContext::Answers,
            // The picker chooses and edits its query as the lookup box does.
            Some(Overlay::Lookup(_) | Overlay::Answers(_)) => InputContext::Lookup,
            Some(Overlay::Palette(_)) => InputContext::Palette,
            Some(Overlay::Form(form)) if form.asks() => InputContext::Confirm,
            Some(Overlay::Form(_)) => InputContext::Form,
            None if self.card.is_some() => InputContext::Card,
            None => self.pane.context(),
        })
    }

    /// The keymap sections that apply now, most specific first.
    pub fn sections(&self) -> Vec<Section> {
        self.context()
            .map_or_else(Vec::new, |context| context.sections().to_vec())
    }

    /// The card when one is open, else the pane of the tab.
    pub fn focused(&self) -> &dyn Component {
        match &self.card {
            Some(card) => card,
            None => self.panes.get(self.pane),
        }
    }

    pub(super) fn focused_mut(&mut self) -> &mut dyn Component {
        match &mut self.card {
            Some(card) => card,
            None => self.panes.get_mut(self.pane),
        }
    }

    /// The sections of the pane under any overlay (what help lists and the palette runs in).
    pub fn pane_sections(&self) -> Vec<Section> {
        let context = if self.card.is_some() {
            InputContext::Card
        } else {
            self.pane.context()
        };
        context.sections().to_vec()
    }

    pub fn handle_event(&mut self, event: Event) {
        match event {
            // Only presses: terminals that report releases and repeats must not double keys.
            Event::Key(key)
                if key.kind == KeyEventKind::Press && !matches!(key.code, KeyCode::Modifier(_)) =>
            {
                self.handle_key(key)
            }
            Event::Paste(text) => self.paste(&text),
            Event::Mouse(event) if self.mouse => self.mouse(event),
            _ => {}
        }
        // What the next frame shows is read now, not while drawing.
        self.fill_views();
    }

    fn paste(&mut self, text: &str) {
        match &mut self.overlay {
            Some(Overlay::Lookup(lookup)) => lookup.paste(&self.service, text),
            Some(Overlay::Answers(picker)) => picker.type_text(text),
            Some(Overlay::Palette(palette)) => palette.paste(text),
            Some(Overlay::Form(form)) => form.paste(text),
            _ => {}
        }
    }

    /// A key press: typed text where text is taken, else the keymap of the context decides
    /// (a sequence waits for its next key). Ctrl-C that nothing binds quits at once, so a
    /// keymap can never lock anyone in.
    pub fn handle_key(&mut self, key: KeyEvent) {
        let Some(context) = self.context() else {
            // Notes: any key closes them.
            self.overlay = None;
            return;
        };
        if context.takes_text()
            && self.pending.is_empty()
            && let Some(text) = typed_text(&key)
        {
            self.type_text(&text);
            return;
        }
        self.pending.push(KeyPress::from_event(&key));
        match self.keymap.resolve(context.sections(), &self.pending) {
            Resolved::Action(action) => {
                self.pending.clear();
                self.pending_hint.clear();
                self.act(context, action);
            }
            Resolved::Pending(next) => self.pending_hint = next,
            Resolved::Unbound => {
                let sequence = self.pending.len() > 1;
                let keys: Vec<String> = self.pending.iter().map(|k| k.to_string()).collect();
                self.pending.clear();
                self.pending_hint.clear();
                if is_ctrl_c(&key) {
                    self.quit = true;
                } else if sequence {
                    self.error(t!("key-not-bound", keys = keys.join(" ")));
                } else {
                    self.unbound(context);
                }
            }
        }
    }

    /// A key nothing binds: help closes, a question is answered no; elsewhere nothing happens.
    fn unbound(&mut self, context: InputContext) {
        match context {
            InputContext::Help => self.overlay = None,
            InputContext::Confirm => self.act(context, Action::No),
            _ => {}
        }
    }

    fn type_text(&mut self, text: &str) {
        match &mut self.overlay {
            Some(Overlay::Lookup(lookup)) => lookup.type_text(&self.service, text),
            Some(Overlay::Answers(picker)) => picker.type_text(text),
            Some(Overlay::Palette(palette)) => palette.type_text(text),
            Some(Overlay::Form(form)) => form.type_text(text),
            _ => {}
        }
    }

    /// Runs `action` where `context` has the keys.
    fn act(&mut self, context: InputContext, action: Action) {
        let Some(overlay) = self.overlay.take() else {
            self.run(action);
            return;
        };
        match overlay {
            Overlay::Notes(_) => {}
            Overlay::Help { scroll } => {
                if let Some(scroll) = scrolled(scroll, action, usize::MAX / 2) {
                    self.overlay = Some(Overlay::Help { scroll });
                }
            }
            Overlay::Report {
                title,
                lines,
                scroll,
            } => {
                if let Some(scroll) = scrolled(scroll, action, lines.len().saturating_sub(1)) {
                    self.overlay = Some(Overlay::Report {
                        title,
                        lines,
                        scroll,
                    });
                }
            }
            Overlay::Lookup(mut lookup) => match lookup.act(&self.service, action) {
                LookupEvent::None => self.overlay = Some(Overlay::Lookup(lookup)),
                LookupEvent::Close => {}
                LookupEvent::Open(id) => self.open_card(id),
            },
            Overlay::Answers(mut picker) => {
                let event = picker.act(action);
                self.picked(picker, event);
            }
            Overlay::Palette(mut palette) => match palette.act(action) {
                PaletteEvent::None => self.overlay = Some(Overlay::Palette(palette)),
                PaletteEvent::Close => {}
                PaletteEvent::Run(action) => self.run(action),
            },
            Overlay::Form(mut form) => {
                if form.saving_since.is_some() && action == Action::Back {
                    self.info(t!("save-in-background"));
                    self.hidden_save = Some(form);
                    return;
                }
                let _ = context;
                if action == Action::PickAnswer && form.saving_since.is_none() && !form.asks() {
                    return self.pick_answer(form);
                }
                match form.act(action) {
                    FormEvent::None => self.overlay = Some(Overlay::Form(form)),
                    FormEvent::Reload => {
                        if form.saving_since.is_none() {
                            self.reload_form(&mut form);
                        }
                        self.overlay = Some(Overlay::Form(form));
                    }
                    FormEvent::Cancel => self.info(t!("form-cancelled")),
                    FormEvent::Submit => self.submit(form),
                }
            }
        }
    }
}

/// Where a scrolling overlay goes on `action` (at most `last`); `None` closes it.
fn scrolled(scroll: usize, action: Action, last: usize) -> Option<usize> {
    let to = match action {
        Action::Down => scroll + 1,
        Action::Up => scroll.saturating_sub(1),
        Action::PageDown => scroll + 10,
        Action::PageUp => scroll.saturating_sub(10),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    };
    Some(to.min(last))
}

/// The text a key types, if it is a printable key without Ctrl or Alt.
fn typed_text(key: &KeyEvent) -> Option<String> {
    let modified = key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER);
    match key.code {
        KeyCode::Char(c) if !modified && !c.is_control() => Some(c.to_string()),
        _ => None,
    }
}

fn is_ctrl_c(key: &KeyEvent) -> bool {
    key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL)
}

impl App {
    /// Whether background work is running (the loop redraws when it ends).
    pub fn jobs_busy(&self) -> bool {
        self.jobs.busy()
    }

    /// On the way out: starts nothing new and waits up to `within` for running jobs (a save
    /// finishes; scoring lets go of the service), so the database can be closed cleanly.
    /// True when none runs any more.
    pub fn settle_jobs(&mut self, within: std::time::Duration) -> bool {
        self.jobs.settle(within)
    }
}

impl App {
    /// Whether this screen uses colour (false under `NO_COLOR`).
    pub fn theme_has_color(&self) -> bool {
        self.theme.color
    }
}
