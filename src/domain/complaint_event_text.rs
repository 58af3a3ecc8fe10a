//! How a complaint event's text reads on screen: the texts loyal writes in a fixed form
//! (`new -> acknowledged`, `5 contacts without a fix: severity high -> urgent`) are shown in the
//! language in use with the statuses' and severities' titles; anything else as it was written.

use super::{ComplaintEvent, ComplaintEventKind, ComplaintStatus, Severity};
use crate::i18n::{Arg, Lang};

impl ComplaintEvent {
    /// The text to show (not yet sanitised): a status change or an escalation in loyal's own
    /// form is retold in the language in use; a text in any other form (imported, or typed)
    /// is returned unchanged.
    pub fn shown_text(&self) -> String {
        self.shown_text_in(crate::i18n::lang())
    }

    /// [`ComplaintEvent::shown_text`] in `lang`.
    pub fn shown_text_in(&self, lang: Lang) -> String {
        match self.kind {
            ComplaintEventKind::StatusChange => status_change(lang, &self.text),
            ComplaintEventKind::Escalated => escalation(lang, &self.text),
            ComplaintEventKind::Routed => routed(lang, &self.text),
            _ => None,
        }
        .unwrap_or_else(|| self.text.clone())
    }
}

/// `to finance: why` as `routed to Finance: why` (the team's title).
fn routed(lang: Lang, text: &str) -> Option<String> {
    let rest = text.strip_prefix("to ")?;
    let (team, note) = rest.split_once(": ").unwrap_or((rest, ""));
    let team = super::team::team_title_in(lang, team);
    Some(if note.is_empty() {
        crate::i18n::message_in(lang, "event-routed", &[("team", Arg::from(team))])
    } else {
        crate::i18n::message_in(
            lang,
            "event-routed-why",
            &[("team", Arg::from(team)), ("note", Arg::from(note))],
        )
    })
}

/// `new -> in_progress` as `new → in progress` (titles).
fn status_change(lang: Lang, text: &str) -> Option<String> {
    let (from, to) = text.split_once(" -> ")?;
    let from = ComplaintStatus::from_label(from)?;
    let to = ComplaintStatus::from_label(to)?;
    Some(crate::i18n::message_in(
        lang,
        "event-status-change",
        &[
            ("from", Arg::from(from.title_in(lang))),
            ("to", Arg::from(to.title_in(lang))),
        ],
    ))
}

/// `5 contacts without a fix: severity high -> urgent` (see `workflow::escalation`).
fn escalation(lang: Lang, text: &str) -> Option<String> {
    let (count, rest) = text.split_once(" contacts without a fix: severity ")?;
    let n = count.parse::<u32>().ok()?;
    let (from, to) = rest.split_once(" -> ")?;
    let from = Severity::from_label(from)?;
    let to = Severity::from_label(to)?;
    Some(crate::i18n::message_in(
        lang,
        "event-escalated",
        &[
            ("n", Arg::from(n)),
            ("from", Arg::from(from.title_in(lang))),
            ("to", Arg::from(to.title_in(lang))),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(kind: ComplaintEventKind, text: &str) -> ComplaintEvent {
        ComplaintEvent {
            at: 0,
            staff: String::from("li"),
            kind,
            text: text.to_string(),
        }
    }

    #[test]
    fn loyal_s_own_forms_are_retold_and_others_kept() {
        let change = event(ComplaintEventKind::StatusChange, "new -> in_progress");
        assert_eq!(change.shown_text_in(Lang::En), "new → in progress");
        let raised = event(
            ComplaintEventKind::Escalated,
            &crate::workflow::escalation(5, Severity::High).1,
        );
        assert_eq!(
            raised.shown_text_in(Lang::En),
            "5 contacts without a fix: severity high → urgent"
        );
        // Imported or typed texts are shown as they are, even when they look close.
        for (kind, text) in [
            (ComplaintEventKind::StatusChange, "moved on -> later"),
            (ComplaintEventKind::StatusChange, "new → closed"),
            (ComplaintEventKind::Escalated, "escalated by phone"),
            (ComplaintEventKind::Note, "new -> closed"),
        ] {
            assert_eq!(event(kind, text).shown_text_in(Lang::En), text);
        }
    }

    #[test]
    fn in_chinese_the_titles_are_chinese() {
        let change = event(ComplaintEventKind::StatusChange, "new -> resolved");
        assert_eq!(change.shown_text_in(Lang::Zh), "新建 → 已解决");
        let raised = event(
            ComplaintEventKind::Escalated,
            "5 contacts without a fix: severity normal -> high",
        );
        assert_eq!(
            raised.shown_text_in(Lang::Zh),
            "联系 5 次仍未解决：严重程度 普通 → 高"
        );
    }
}
