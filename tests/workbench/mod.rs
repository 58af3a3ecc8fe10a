//! The workbench on a `TestBackend` over the fixtures, shared by the English and the Chinese
//! screen tests (each uses a part of it).
#![allow(dead_code)]

use super::common::import_into;
use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use loyal::service::{ImportOptions, Service};
use loyal::store::StoreOptions;
use loyal::transfer::{Format, Kind};
use loyal::tui::keymap::Keymap;
use loyal::tui::theme::Theme;
use loyal::tui::{App, AppOptions, Clock};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;

/// The fixtures end on 2026-11-20; the screen is looked at the next day at noon UTC.
pub fn clock() -> Clock {
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("date");
    let now = today
        .and_hms_opt(12, 0, 0)
        .expect("time")
        .and_utc()
        .timestamp_millis();
    Clock::fixed(today, now)
}

pub struct Bench {
    pub _dir: tempfile::TempDir,
    pub app: App,
}

pub fn fixture_service(dir: &std::path::Path) -> Service {
    // Times on screen are local: pin the zone so snapshots do not depend on the machine.
    // SAFETY: every test sets the same value before any thread of its own reads it.
    unsafe { std::env::set_var("TZ", "UTC") };
    let options = StoreOptions {
        cache_bytes: 8 << 20,
        staff: "Ann".into(),
        os_user: "ann".into(),
        create: true,
    };
    let service = Service::open(&dir.join("tui.redb"), &options).expect("open");
    for kind in Kind::ALL {
        let path = format!(
            "{}/fixtures/{}.csv",
            env!("CARGO_MANIFEST_DIR"),
            kind.label()
        );
        let text = std::fs::read_to_string(&path).expect("fixture");
        import_into(&service, kind, &text, Format::Csv, ImportOptions::default()).expect("import");
    }
    service
}

pub fn bench_with(theme: Theme) -> Bench {
    bench_keymap(theme, Keymap::default_map())
}

pub fn bench_keymap(theme: Theme, keymap: Keymap) -> Bench {
    let dir = tempfile::tempdir().expect("dir");
    let service = fixture_service(dir.path());
    let mut app = App::new(
        Arc::new(service),
        AppOptions {
            keymap,
            theme,
            clock: clock(),
            notes: Vec::new(),
            mouse: true,
            alerts: Default::default(),
        },
    );
    app.settle();
    Bench { _dir: dir, app }
}

pub fn bench() -> Bench {
    bench_with(Theme::plain())
}

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

impl Bench {
    pub fn press(&mut self, keys: &str) -> &mut Self {
        for c in keys.chars() {
            self.app.handle_event(key(KeyCode::Char(c)));
        }
        self.app.settle();
        self
    }

    pub fn code(&mut self, code: KeyCode) -> &mut Self {
        self.app.handle_event(key(code));
        self.app.settle();
        self
    }

    pub fn typed(&mut self, text: &str) -> &mut Self {
        self.press(text)
    }

    /// Draws at `w`x`h` and returns the screen as text, one line per row.
    pub fn screen(&self, w: u16, h: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        terminal.draw(|f| self.app.draw(f)).expect("draw");
        screen_text(terminal.backend().buffer())
    }
}

/// The buffer as text; the cell after a wide character is skipped (it is covered).
pub fn screen_text(buffer: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut skip = 0;
        let mut line = String::new();
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
