//! Times for people: instants shown in the local time zone, durations in hours and minutes,
//! and typed dates (`+3d`, `tomorrow`) read against today.

use chrono::NaiveDate;

pub use crate::service::local_time;

/// `2d 3h`, `3h 20m`, `12m`; `overdue 2h 5m` for negative spans.
pub fn span(ms: i64) -> String {
    let text = crate::i18n::format::duration(ms);
    if ms < 0 {
        t!("cli-overdue-span", span = text)
    } else {
        text
    }
}

/// A date typed as `2026-12-01`, `today`, `tomorrow`, `+3d`, `-7d`, `7d ago`, `+2w`, `+1m`.
pub fn date_arg(text: &str) -> anyhow::Result<NaiveDate> {
    date_value(text).map_err(super::exit::usage)
}

/// [`date_arg`] as clap's value parser, so that a bad date is a usage error (status 2).
pub fn date_value(text: &str) -> Result<NaiveDate, String> {
    crate::workflow::parse_when(text, crate::service::today())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_naturally() {
        assert_eq!(span(3 * 3_600_000 + 20 * 60_000), "3h 20m");
        assert_eq!(span(-(2 * 3_600_000 + 5 * 60_000)), "overdue 2h 05m");
        assert_eq!(span(50 * 3_600_000), "2d 2h");
        assert_eq!(span(12 * 60_000), "12m");
    }
}
