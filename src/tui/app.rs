//! The workbench's state and behaviour: which pane is up, what is open over it, what keys do
//! (through the keymap), what saving does, and how others' changes are noticed. Drawing is in
//! [`super::view`]; the terminal loop in [`super::run`].

use super::action::{Action, Section};
use super::form::{Form, FormEvent};
use super::jobs::{JobKind, JobOutput, Jobs};
use super::keymap::{KeyPress, Keymap, Resolved};
use super::overlays::lookup::{LookupBox, LookupEvent};
use super::overlays::palette::{Palette, PaletteEvent};
use super::panes::card::CardPane;
use super::panes::complaints::{ComplaintsPane, parse_filter};
use super::panes::customers::{CustomerFilter, CustomersPane};
use super::panes::followups::{AGENDA_DAYS, FORGOTTEN_LIST_DAYS, FollowUpView, FollowUpsPane};
use super::panes::rfm::{RfmPane, RfmView};
use super::purpose::Purpose;
use super::theme::Theme;
use crate::domain::{CustomerId, Millis};
use crate::scoring::Period;
use crate::service::{Roster, ScoreOptions, Service, ServiceError};
use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::sync::Arc;
use std::time::{Duration, Instant};

mod actions;
mod loads;
mod saving;

/// How often the change counter is polled for others' commits.
pub const POLL_EVERY: Duration = Duration::from_millis(400);
/// The roster (segments, last contact) is rebuilt at most this often after changes.
const ROSTER_EVERY: Duration = Duration::from_secs(15);
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Customers,
    FollowUps,
    Complaints,
    Rfm,
}

impl Pane {
    pub const ALL: [Pane; 4] = [
        Pane::Customers,
        Pane::FollowUps,
        Pane::Complaints,
        Pane::Rfm,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Customers => "Customers",
            Pane::FollowUps => "Follow-ups",
            Pane::Complaints => "Complaints",
            Pane::Rfm => "RFM",
        }
    }
}

/// What is drawn over the pane and takes the keys.
#[derive(Debug)]
pub enum Overlay {
    Lookup(LookupBox),
    Help {
        scroll: usize,
    },
    Palette(Box<Palette>),
    Form(Box<Form<Purpose>>),
    /// Messages to read (keymap notes at start); any key closes.
    Notes(Vec<String>),
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
}

pub struct App {
    pub(super) service: Arc<Service>,
    pub(super) jobs: Jobs,
    pub(super) keymap: Keymap,
    pub(super) theme: Theme,
    pub(super) clock: Clock,
    pub pane: Pane,
    pub customers: CustomersPane,
    pub followups: FollowUpsPane,
    pub complaints: ComplaintsPane,
    pub rfm: RfmPane,
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
    change_counter: u64,
    last_poll: Instant,
    roster_wanted: bool,
    last_roster: Instant,
    last_queue: Instant,
    pub quit: bool,
}

impl App {
    /// Opens the workbench on `service`: the first page of customers is read at once; scoring,
    /// the agenda and the complaint queue load in the background.
    pub fn new(service: Arc<Service>, options: AppOptions) -> App {
        let change_counter = service.change_counter().unwrap_or(0);
        let mut app = App {
            jobs: Jobs::new(Arc::clone(&service)),
            service,
            keymap: options.keymap,
            theme: options.theme,
            clock: options.clock,
            pane: Pane::Customers,
            customers: CustomersPane {
                more: true,
                ..CustomersPane::default()
            },
            followups: FollowUpsPane::default(),
            complaints: ComplaintsPane::default(),
            rfm: RfmPane::default(),
            card: None,
            overlay: (!options.notes.is_empty()).then_some(Overlay::Notes(options.notes)),
            pending: Vec::new(),
            pending_hint: Vec::new(),
            status: None,
            roster: None,
            as_of: None,
            hidden_save: None,
            sla_policy: None,
            change_counter,
            last_poll: Instant::now(),
            roster_wanted: false,
            last_roster: Instant::now(),
            last_queue: Instant::now(),
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
        app.customers.total = app.service.customer_count().unwrap_or(0);
        if let Err(e) = app.customers.load_pages(&app.service, 100) {
            app.error(e);
        }
        app.load_roster();
        app.load_agenda();
        app.load_queue();
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

    /// The keymap sections that apply now, most specific first.
    pub fn sections(&self) -> Vec<Section> {
        let focused = if self.card.is_some() {
            Section::Card
        } else {
            match self.pane {
                Pane::Customers => Section::Customers,
                Pane::FollowUps => Section::FollowUps,
                Pane::Complaints => Section::Complaints,
                Pane::Rfm => Section::Rfm,
            }
        };
        vec![focused, Section::List, Section::Global]
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
            _ => {}
        }
    }

    fn paste(&mut self, text: &str) {
        match &mut self.overlay {
            Some(Overlay::Lookup(lookup)) => lookup.paste(&self.service, text),
            Some(Overlay::Palette(palette)) => palette.paste(text),
            Some(Overlay::Form(form)) => form.paste(text),
            _ => {}
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.quit = true;
            return;
        }
        if self.overlay.is_some() {
            self.overlay_key(key);
            return;
        }
        self.pending.push(KeyPress::from_event(&key));
        match self.keymap.resolve(&self.sections(), &self.pending) {
            Resolved::Action(action) => {
                self.pending.clear();
                self.pending_hint.clear();
                self.run(action);
            }
            Resolved::Pending(next) => self.pending_hint = next,
            Resolved::Unbound => {
                if self.pending.len() > 1 {
                    let keys: Vec<String> = self.pending.iter().map(|k| k.to_string()).collect();
                    self.error(format!(
                        "{} is not bound here (? lists the keys)",
                        keys.join(" ")
                    ));
                }
                self.pending.clear();
                self.pending_hint.clear();
            }
        }
    }

    fn overlay_key(&mut self, key: KeyEvent) {
        let Some(overlay) = self.overlay.take() else {
            return;
        };
        match overlay {
            Overlay::Notes(_) => {}
            Overlay::Help { scroll } => {
                let scroll = match key.code {
                    KeyCode::Char('j') | KeyCode::Down => Some(scroll + 1),
                    KeyCode::Char('k') | KeyCode::Up => Some(scroll.saturating_sub(1)),
                    KeyCode::PageDown => Some(scroll + 10),
                    KeyCode::PageUp => Some(scroll.saturating_sub(10)),
                    _ => None,
                };
                if let Some(scroll) = scroll {
                    self.overlay = Some(Overlay::Help { scroll });
                }
            }
            Overlay::Lookup(mut lookup) => match lookup.handle_key(&self.service, &key) {
                LookupEvent::None => self.overlay = Some(Overlay::Lookup(lookup)),
                LookupEvent::Close => {}
                LookupEvent::Open(id) => self.open_card(id),
            },
            Overlay::Palette(mut palette) => match palette.handle_key(&key) {
                PaletteEvent::None => self.overlay = Some(Overlay::Palette(palette)),
                PaletteEvent::Close => {}
                PaletteEvent::Run(action) => self.run(action),
            },
            Overlay::Form(mut form) => {
                let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
                if ctrl && key.code == KeyCode::Char('r') && form.saving_since.is_none() {
                    self.reload_form(&mut form);
                    self.overlay = Some(Overlay::Form(form));
                    return;
                }
                if form.saving_since.is_some() && key.code == KeyCode::Esc {
                    self.info("the save goes on in the background; its result will show here");
                    self.hidden_save = Some(form);
                    return;
                }
                match form.handle_key(&key) {
                    FormEvent::None => self.overlay = Some(Overlay::Form(form)),
                    FormEvent::Cancel => self.info("cancelled; nothing saved"),
                    FormEvent::Submit => self.submit(form),
                }
            }
        }
    }
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
