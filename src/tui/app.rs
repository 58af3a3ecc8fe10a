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

    // ----- background loads -------------------------------------------------------------

    fn score_options(&self) -> ScoreOptions {
        ScoreOptions {
            as_of: Some(self.as_of.unwrap_or_else(|| self.today())),
            ..ScoreOptions::default()
        }
    }

    fn load_roster(&mut self) {
        let options = self.score_options();
        self.last_roster = Instant::now();
        self.roster_wanted = false;
        self.jobs.spawn(JobKind::Roster, move |s: &Service| {
            JobOutput::Roster(s.roster(&options).map(Arc::new))
        });
    }

    fn load_agenda(&mut self) {
        let today = self.today();
        self.jobs.spawn(JobKind::Agenda, move |s: &Service| {
            JobOutput::Agenda(s.agenda_top(today, None, AGENDA_DAYS, LIST_LIMIT))
        });
    }

    fn load_recent(&mut self) {
        self.jobs.spawn(JobKind::Recent, |s: &Service| {
            JobOutput::Recent(s.recent_followups(500))
        });
    }

    fn load_forgotten(&mut self) {
        let today = self.today();
        self.jobs.spawn(JobKind::Forgotten, move |s: &Service| {
            JobOutput::Forgotten(s.forgotten(today, None, FORGOTTEN_LIST_DAYS, 1000))
        });
    }

    fn load_queue(&mut self) {
        let filter = self.complaints.filter.clone();
        let now = self.clock.now();
        self.last_queue = Instant::now();
        self.jobs.spawn(JobKind::Queue, move |s: &Service| {
            let queue = s.complaint_queue_top(&filter, now, LIST_LIMIT);
            JobOutput::Queue(queue, filter)
        });
    }

    fn load_churn(&mut self) {
        let options = self.score_options();
        self.jobs.spawn(JobKind::Churn, move |s: &Service| {
            JobOutput::Churn(s.churn_report(&options, Period::Month))
        });
    }

    /// Applies a finished job.
    pub(super) fn apply(&mut self, output: JobOutput) {
        match output {
            // A result for an older request (another as-of date, filter) is dropped.
            JobOutput::Roster(Ok(roster))
                if roster.as_of != self.as_of.unwrap_or_else(|| self.today()) => {}
            JobOutput::Queue(_, filter) if filter != self.complaints.filter => {}
            JobOutput::Roster(Ok(roster)) => {
                self.customers.total = roster.rows.len() as u64;
                self.customers.rebuild(&roster);
                self.rfm.reports = Some(roster.reports.clone());
                self.rfm.cursor.clamp(self.rfm.len(), 20);
                self.roster = Some(roster);
            }
            JobOutput::Agenda(Ok((items, total))) => {
                let keep = self.followups.selected_plan().map(|i| i.plan.id.clone());
                self.followups.agenda = Some(items);
                self.followups.agenda_total = total;
                if self.followups.view == FollowUpView::Agenda
                    && let Some(id) = keep
                    && let Some(i) = self
                        .followups
                        .agenda
                        .as_ref()
                        .and_then(|a| a.iter().position(|item| item.plan.id == id))
                {
                    self.followups.cursor.selected = i;
                }
                self.clamp_followups();
            }
            JobOutput::Recent(Ok(items)) => {
                let keep = match self.followups.view {
                    FollowUpView::Recent => self
                        .followups
                        .recent
                        .as_ref()
                        .and_then(|r| r.get(self.followups.cursor.selected))
                        .map(|f| f.id.clone()),
                    _ => None,
                };
                self.followups.recent = Some(items);
                if let Some(id) = keep
                    && let Some(i) = self
                        .followups
                        .recent
                        .as_ref()
                        .and_then(|r| r.iter().position(|f| f.id == id))
                {
                    self.followups.cursor.selected = i;
                }
                self.clamp_followups();
            }
            JobOutput::Forgotten(Ok(forgotten)) => {
                self.followups.forgotten = Some(forgotten);
                self.clamp_followups();
            }
            JobOutput::Queue(Ok((queue, total)), _) => {
                self.complaints.total = total;
                let keep = self.complaints.current().map(|v| v.complaint.id.clone());
                self.complaints.queue = Some(queue);
                if let (Some(id), Some(queue)) = (keep, &self.complaints.queue)
                    && let Some(i) = queue.iter().position(|v| v.complaint.id == id)
                {
                    self.complaints.cursor.selected = i;
                }
                let page = self.complaints.page.get();
                self.complaints.cursor.clamp(self.complaints.len(), page);
            }
            JobOutput::Churn(Ok(churn)) => self.rfm.churn = Some(churn),
            JobOutput::Saved(result) => self.saved(result),
            JobOutput::Failed(JobKind::Save, message) => self.saved(Err(ServiceError::invalid(
                "",
                format!("the save failed: {message}"),
            ))),
            JobOutput::Failed(kind, message) => {
                self.error(format!("loading {kind:?} failed (a bug): {message}"))
            }
            JobOutput::Roster(Err(e))
            | JobOutput::Agenda(Err(e))
            | JobOutput::Recent(Err(e))
            | JobOutput::Forgotten(Err(e))
            | JobOutput::Queue(Err(e), _)
            | JobOutput::Churn(Err(e)) => self.error(e.to_string()),
        }
    }

    fn clamp_followups(&mut self) {
        let page = self.followups.page.get();
        self.followups.cursor.clamp(self.followups.len(), page);
    }

    /// Picks up finished jobs and others' commits; call often (every loop turn). Returns
    /// whether anything arrived (the screen should be redrawn).
    pub fn tick(&mut self) -> bool {
        let outputs = self.jobs.poll();
        let changed = !outputs.is_empty();
        for output in outputs {
            self.apply(output);
        }
        if self.last_poll.elapsed() >= POLL_EVERY {
            self.last_poll = Instant::now();
            self.notice_changes();
        }
        if self.roster_wanted && self.last_roster.elapsed() >= ROSTER_EVERY {
            self.load_roster();
        }
        if self.last_queue.elapsed() >= QUEUE_EVERY {
            self.load_queue();
        }
        changed
    }

    /// Runs every background job to its end and applies the results (tests, benchmarks).
    pub fn settle(&mut self) {
        while let Some(output) = self.jobs.wait_one() {
            self.apply(output);
        }
        for output in self.jobs.poll() {
            self.apply(output);
        }
    }

    /// Reloads what is shown when anyone (this process or another) has committed.
    pub fn notice_changes(&mut self) {
        let Ok(counter) = self.service.change_counter() else {
            return;
        };
        if counter != self.change_counter {
            self.change_counter = counter;
            self.refresh(false);
        }
    }

    /// Reloads the card and the lists; the roster (scores) only when `full` or throttled.
    pub fn refresh(&mut self, full: bool) {
        let now = self.clock.now();
        if let Some(card) = &mut self.card
            && let Err(e) = card.reload(&self.service, now)
        {
            self.status = Some(Status {
                text: e,
                error: true,
            });
        }
        if let Some(detail) = &self.complaints.detail {
            match self.service.complaint_view_at(&detail.complaint.id, now) {
                Ok(view) => self.complaints.detail = Some(view),
                Err(e) => self.error(e.to_string()),
            }
        }
        self.append_new_customers();
        self.load_agenda();
        self.load_queue();
        if self.followups.view == FollowUpView::Recent {
            self.load_recent();
        } else {
            // Reloaded when the view is shown again.
            self.followups.recent = None;
        }
        if self.followups.forgotten.is_some() && self.followups.view == FollowUpView::Forgotten {
            self.load_forgotten();
        }
        if full {
            self.sla_policy = self.service.sla_policy().ok();
            self.load_roster();
            if self.rfm.churn.is_some() {
                self.load_churn();
            }
        } else {
            self.roster_wanted = true;
        }
    }

    /// New customer files (from anyone) are listed at once, at the end, until the next
    /// roster build sorts them in.
    fn append_new_customers(&mut self) {
        let Ok(total) = self.service.customer_count() else {
            return;
        };
        if total == self.customers.total {
            return;
        }
        self.customers.total = total;
        if self.customers.more {
            return;
        }
        let last = self.customers.ids.iter().copied().max();
        if let Ok(new) = self.service.customer_ids_after(last, 10_000) {
            self.customers.ids.extend(new);
        }
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

    // ----- actions ---------------------------------------------------------------------

    /// Does `action` (from a key or the palette).
    pub fn run(&mut self, action: Action) {
        self.status = None;
        match action {
            Action::Quit => {
                if matches!(&self.overlay, Some(Overlay::Form(f)) if f.is_dirty()) {
                    self.error("a form holds unsaved input: save it or press Esc first");
                } else {
                    self.quit = true;
                }
            }
            Action::ForceQuit => self.quit = true,
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Palette => self.overlay = Some(Overlay::Palette(Box::default())),
            Action::Lookup => self.overlay = Some(Overlay::Lookup(LookupBox::new())),
            Action::Back => self.back(),
            Action::Refresh => {
                self.refresh(true);
                self.info("reloading…");
            }
            Action::PaneCustomers => self.switch(Pane::Customers),
            Action::PaneFollowUps => self.switch(Pane::FollowUps),
            Action::PaneComplaints => self.switch(Pane::Complaints),
            Action::PaneRfm => self.switch(Pane::Rfm),
            Action::NextPane | Action::PrevPane => {
                let i = Pane::ALL.iter().position(|p| *p == self.pane).unwrap_or(0);
                let step = if action == Action::NextPane { 1 } else { 3 };
                self.switch(Pane::ALL[(i + step) % 4]);
            }
            Action::Down
            | Action::Up
            | Action::Top
            | Action::Bottom
            | Action::PageDown
            | Action::PageUp => self.movement(action),
            Action::Open => self.open_selected(),
            Action::LogFollowUp
            | Action::OpenComplaint
            | Action::AddCarePlan
            | Action::EditCustomer => match self.target_customer() {
                Some(id) => self.open_customer_form(action, id),
                None => self.error("select a customer first"),
            },
            Action::NewCustomer => self.open_form(Purpose::new_customer_form()),
            Action::Sort => {
                self.customers.next_sort();
                self.resort();
            }
            Action::ReverseSort => {
                self.customers.descending = !self.customers.descending;
                self.resort();
            }
            Action::Filter => match self.pane {
                Pane::Complaints => self.open_form(Purpose::filter_form(
                    Purpose::ComplaintFilter,
                    &self.complaints.filter_text,
                    "status:new assignee:NAME breached",
                )),
                _ => self.open_form(Purpose::filter_form(
                    Purpose::CustomerFilter,
                    &self.customers.filter_text,
                    "stage: segment: value: owner: tag: status: or name words",
                )),
            },
            Action::ClearFilter => match self.pane {
                Pane::Complaints => self.apply_complaint_filter(String::new()),
                _ => self.apply_customer_filter(String::new()),
            },
            Action::PlanDone | Action::PlanSkip => match self.followups.selected_plan() {
                Some(item) if self.pane == Pane::FollowUps && self.card.is_none() => {
                    let form = if action == Action::PlanDone {
                        Purpose::plan_done_form(&item.plan, &item.customer.name)
                    } else {
                        Purpose::plan_skip_form(&item.plan, &item.customer.name)
                    };
                    self.open_form(form);
                }
                _ => self.error("select a care plan in the agenda (pane 2) first"),
            },
            Action::NextView => match self.pane {
                Pane::FollowUps => {
                    self.followups.view = self.followups.view.next();
                    self.followups.cursor = Default::default();
                    match self.followups.view {
                        FollowUpView::Recent if self.followups.recent.is_none() => {
                            self.load_recent()
                        }
                        FollowUpView::Forgotten if self.followups.forgotten.is_none() => {
                            self.load_forgotten()
                        }
                        _ => {}
                    }
                }
                Pane::Rfm => {
                    self.rfm.view = match self.rfm.view {
                        RfmView::Overview => RfmView::Churn,
                        RfmView::Churn => RfmView::Overview,
                    };
                    self.rfm.cursor = Default::default();
                    if self.rfm.view == RfmView::Churn && self.rfm.churn.is_none() {
                        self.load_churn();
                    }
                }
                _ => {}
            },
            Action::Acknowledge
            | Action::StartWork
            | Action::Reply
            | Action::Note
            | Action::CustomerContact
            | Action::Resolve
            | Action::Close
            | Action::Reopen
            | Action::Assign => self.complaint_action(action),
            Action::AsOf => {
                let current = self.as_of.unwrap_or_else(|| self.today());
                self.open_form(Purpose::as_of_form(current));
            }
        }
    }

    fn switch(&mut self, pane: Pane) {
        self.card = None;
        self.pane = pane;
    }

    fn back(&mut self) {
        if self.card.is_some() {
            self.card = None;
        } else if self.complaints.detail.is_some() && self.pane == Pane::Complaints {
            self.complaints.detail = None;
            self.complaints.detail_scroll = 0;
        }
    }

    fn movement(&mut self, action: Action) {
        if let Some(card) = &mut self.card {
            card.scroll_by(action);
            return;
        }
        match self.pane {
            Pane::Customers => {
                let page = self.customers.page.get();
                let want = match action {
                    Action::Bottom => usize::MAX,
                    _ => self.customers.cursor.selected + page.max(1) * 2,
                };
                if self.customers.more
                    && let Err(e) = self.customers.load_pages(&self.service, want)
                {
                    self.error(e);
                }
                let len = self.customers.ids.len();
                self.customers.cursor.apply(action, len, page);
            }
            Pane::FollowUps => {
                let len = self.followups.len();
                let page = self.followups.page.get();
                self.followups.cursor.apply(action, len, page);
            }
            Pane::Complaints => {
                if self.complaints.detail.is_some() {
                    let s = &mut self.complaints.detail_scroll;
                    *s = match action {
                        Action::Down => *s + 1,
                        Action::Up => s.saturating_sub(1),
                        Action::PageDown => *s + 10,
                        Action::PageUp => s.saturating_sub(10),
                        Action::Top => 0,
                        _ => *s,
                    };
                } else {
                    let len = self.complaints.len();
                    let page = self.complaints.page.get();
                    self.complaints.cursor.apply(action, len, page);
                }
            }
            Pane::Rfm => {
                let len = self.rfm.len();
                self.rfm.cursor.apply(action, len, 20);
            }
        }
    }

    fn open_selected(&mut self) {
        if self.card.is_some() {
            return;
        }
        match self.pane {
            Pane::Customers => match self.customers.selected() {
                Some(id) => self.open_card(id),
                None => self.error("no customer selected"),
            },
            Pane::FollowUps => match self.followups.selected_customer() {
                Some(id) => self.open_card(id),
                None => self.error("nothing selected"),
            },
            Pane::Complaints => {
                if let Some(id) = self
                    .complaints
                    .queue
                    .as_ref()
                    .and_then(|q| q.get(self.complaints.cursor.selected))
                    .map(|v| v.complaint.id.clone())
                {
                    match self.service.complaint_view_at(&id, self.clock.now()) {
                        Ok(view) => {
                            self.complaints.detail = Some(view);
                            self.complaints.detail_scroll = 0;
                        }
                        Err(e) => self.error(e.to_string()),
                    }
                }
            }
            Pane::Rfm if self.rfm.view == RfmView::Overview => {
                if let Some(segment) = self.rfm.selected_segment() {
                    self.switch(Pane::Customers);
                    self.apply_customer_filter(format!("segment:\"{}\"", segment.label()));
                }
            }
            Pane::Rfm => {
                self.error("v goes back to the segments; Enter lists a segment's customers")
            }
        }
    }

    /// Opens the card of `id` over the current pane.
    pub fn open_card(&mut self, id: CustomerId) {
        match CardPane::load(&self.service, id, self.clock.now()) {
            Ok(card) => self.card = Some(card),
            Err(e) => self.error(e),
        }
    }

    /// The customer the per-customer actions apply to.
    fn target_customer(&self) -> Option<CustomerId> {
        if let Some(card) = &self.card {
            return Some(card.id);
        }
        match self.pane {
            Pane::Customers => self.customers.selected(),
            Pane::FollowUps => self.followups.selected_customer(),
            Pane::Complaints => self.complaints.current().map(|v| v.customer.id),
            Pane::Rfm => None,
        }
    }

    fn resort(&mut self) {
        match self.roster.clone() {
            Some(roster) => {
                self.customers.rebuild(&roster);
                if let Some(sort) = self.customers.sort {
                    self.info(format!("sorted by {}", sort.label()));
                }
            }
            None => self.error("sorting waits for scoring to finish (a moment)"),
        }
    }

    fn apply_customer_filter(&mut self, text: String) {
        match CustomerFilter::parse(&text) {
            Ok(filter) => {
                self.customers.filter = filter;
                self.customers.filter_text = text;
                self.customers.cursor = Default::default();
                match self.roster.clone() {
                    Some(roster) => self.customers.rebuild(&roster),
                    None => self.error("filtering waits for scoring to finish (a moment)"),
                }
            }
            Err(e) => self.error(e),
        }
    }

    fn apply_complaint_filter(&mut self, text: String) {
        match parse_filter(&text) {
            Ok(filter) => {
                self.complaints.filter = filter;
                self.complaints.filter_text = text;
                self.complaints.cursor = Default::default();
                self.complaints.queue = None;
                self.load_queue();
            }
            Err(e) => self.error(e),
        }
    }

    fn complaint_action(&mut self, action: Action) {
        if self.pane != Pane::Complaints || self.card.is_some() {
            self.error("select a complaint in the complaints pane (3) first");
            return;
        }
        let Some(view) = self.complaints.current() else {
            self.error("no complaint selected");
            return;
        };
        let form = Purpose::complaint_form(action, &view.complaint, &view.customer.name);
        match form {
            Some(form) => self.open_form(form),
            // Start and close need no words: save at once.
            None if self.saving() => {
                self.error("a save is still running; wait for it to finish");
            }
            None => {
                let purpose = Purpose::Complaint {
                    id: view.complaint.id.clone(),
                    version: view.complaint.version,
                    action,
                };
                let form = Form::new("", purpose, Vec::new());
                self.submit(Box::new(form));
            }
        }
    }

    fn open_customer_form(&mut self, action: Action, id: CustomerId) {
        let customer = match self
            .service
            .customer_card(&crate::service::CustomerKey::Internal(id), 0)
        {
            Ok(card) => card.customer,
            Err(e) => return self.error(e.to_string()),
        };
        let form = match action {
            Action::LogFollowUp => Purpose::followup_form(&customer),
            Action::OpenComplaint => Purpose::complaint_open_form(&customer),
            Action::AddCarePlan => Purpose::care_plan_form(&customer),
            _ => Purpose::edit_customer_form(&customer),
        };
        self.open_form(form);
    }

    fn open_form(&mut self, form: Form<Purpose>) {
        if self.saving() {
            self.error("a save is still running; wait for it to finish (the status line says)");
            return;
        }
        self.overlay = Some(Overlay::Form(Box::new(form)));
    }

    /// Whether a save is running (one at a time: its result goes back to its own form).
    pub fn saving(&self) -> bool {
        self.jobs.is_running(JobKind::Save)
    }

    /// Validates and saves a form: filters apply at once; saves run in the background.
    fn submit(&mut self, mut form: Box<Form<Purpose>>) {
        for field in &mut form.fields {
            field.error = None;
        }
        form.message = None;
        if !form.check_required() {
            self.overlay = Some(Overlay::Form(form));
            return;
        }
        match &form.purpose {
            Purpose::CustomerFilter => {
                let text = form.value("filter").to_string();
                if let Err(e) = CustomerFilter::parse(&text) {
                    form.set_error("filter", e);
                    self.overlay = Some(Overlay::Form(form));
                } else {
                    self.apply_customer_filter(text);
                }
                return;
            }
            Purpose::ComplaintFilter => {
                let text = form.value("filter").to_string();
                if let Err(e) = parse_filter(&text) {
                    form.set_error("filter", e);
                    self.overlay = Some(Overlay::Form(form));
                } else {
                    self.apply_complaint_filter(text);
                }
                return;
            }
            Purpose::AsOf => {
                match crate::workflow::parse_when(form.value("date"), self.today()) {
                    Ok(date) => {
                        self.as_of = Some(date);
                        self.roster = None;
                        self.rfm.reports = None;
                        self.rfm.churn = None;
                        self.load_roster();
                        if self.rfm.view == RfmView::Churn {
                            self.load_churn();
                        }
                        self.info(format!("scoring as of {date}…"));
                    }
                    Err(e) => {
                        form.set_error("date", e);
                        self.overlay = Some(Overlay::Form(form));
                    }
                }
                return;
            }
            _ => {}
        }
        match form.purpose.save_job(&form, self.today()) {
            Ok(job) => {
                form.saving_since = Some(Instant::now());
                let is_form = !form.fields.is_empty();
                self.jobs.spawn(JobKind::Save, job);
                if is_form {
                    self.overlay = Some(Overlay::Form(form));
                }
            }
            Err((field, message)) => {
                form.set_error(field, message);
                self.overlay = Some(Overlay::Form(form));
            }
        }
    }

    /// A save finished: close its form and refresh, or show why it was refused.
    fn saved(&mut self, result: Result<String, ServiceError>) {
        let form = match self.overlay.take() {
            Some(Overlay::Form(form)) if form.saving_since.is_some() => Some(form),
            other => {
                self.overlay = other;
                self.hidden_save.take()
            }
        };
        match result {
            Ok(message) => {
                self.info(message);
                // Our own commit: refresh once now, not again when the poll sees it.
                self.change_counter = self.service.change_counter().unwrap_or(0);
                self.refresh(false);
            }
            Err(e) => {
                let Some(mut form) = form else {
                    self.error(e.to_string());
                    self.refresh(false);
                    return;
                };
                form.saving_since = None;
                if self.overlay.is_some() {
                    // The form was hidden and something else is open: say it in the status.
                    self.error(format!("{}: {e}", form.title));
                    return;
                }
                match &e {
                    ServiceError::Invalid { field, reason } => {
                        let key = form.purpose.field_for(field);
                        form.set_error(key, reason.clone());
                    }
                    ServiceError::Stale { .. } => {
                        form.message = Some(format!(
                            "{e}. Ctrl-R reloads the latest version and keeps what you typed."
                        ));
                    }
                    _ => form.message = Some(e.to_string()),
                }
                self.overlay = Some(Overlay::Form(form));
            }
        }
    }

    /// Ctrl-R in a form refused as stale: take the latest version, keep the typed text.
    fn reload_form(&mut self, form: &mut Form<Purpose>) {
        let purpose = form.purpose.clone();
        if let Err(e) = purpose.reload(form, &self.service) {
            form.message = Some(e);
        } else {
            form.message = Some("reloaded the latest version; your typed text is kept".into());
        }
    }

    /// While a save runs: `saving…`, then after [`WAIT_NOTICE`] that it waits for another
    /// writer (and for how long).
    pub fn save_notice(&self) -> Option<String> {
        let Some(Overlay::Form(form)) = &self.overlay else {
            return None;
        };
        let since = form.saving_since?;
        let waited = since.elapsed();
        if waited < WAIT_NOTICE {
            return Some("saving…".into());
        }
        Some(match self.service.writer_wait() {
            Some(wait) => format!(
                "waiting for another writer ({:.1} s)… the screen stays usable; Ctrl-C quits",
                wait.as_secs_f64()
            ),
            None => format!("saving… ({:.1} s)", waited.as_secs_f64()),
        })
    }
}

impl App {
    /// Whether background work is running (the loop redraws when it ends).
    pub fn jobs_busy(&self) -> bool {
        self.jobs.busy()
    }
}

impl App {
    /// Whether this screen uses colour (false under `NO_COLOR`).
    pub fn theme_has_color(&self) -> bool {
        self.theme.color
    }
}
