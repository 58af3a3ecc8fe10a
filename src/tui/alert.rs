//! Telling the person at the terminal that something new needs them: the terminal bell, and
//! optionally a desktop notification through the terminal itself (OSC 9, or OSC 777 as rxvt,
//! foot and others read it), which reaches the user's own machine over SSH in terminals that
//! support it. Inside tmux the notification is passed through to the outer terminal.

/// Which desktop notification to send, if any (`notify` in the config file).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Notify {
    #[default]
    Off,
    Osc9,
    Osc777,
}

impl Notify {
    pub fn parse(text: &str) -> Option<Notify> {
        match text.trim().to_ascii_lowercase().as_str() {
            "off" | "false" | "none" => Some(Notify::Off),
            "osc9" | "9" => Some(Notify::Osc9),
            "osc777" | "777" => Some(Notify::Osc777),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Notify::Off => "off",
            Notify::Osc9 => "osc9",
            Notify::Osc777 => "osc777",
        }
    }
}

/// How the workbench alerts: the bell (on unless `bell = false`) and the notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alerts {
    pub bell: bool,
    pub notify: Notify,
}

impl Default for Alerts {
    fn default() -> Self {
        Alerts {
            bell: true,
            notify: Notify::Off,
        }
    }
}

/// `text` safe inside an OSC string: printable characters only (no ESC, BEL or other
/// controls that would end or break the sequence), `;` (a field separator of OSC 777)
/// replaced, at most 200 characters.
fn osc_safe(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() && !crate::text::is_unsafe(*c))
        .map(|c| if c == ';' { ',' } else { c })
        .take(200)
        .collect()
}

/// The bytes that alert about `text`: BEL, and the notification when asked for; wrapped for
/// tmux (`in_tmux`) so that it reaches the terminal tmux runs in (tmux needs
/// `allow-passthrough on` for that; the bell reaches it without).
pub fn alert_bytes(alerts: Alerts, title: &str, text: &str, in_tmux: bool) -> String {
    let mut out = String::new();
    let osc = match alerts.notify {
        Notify::Off => None,
        Notify::Osc9 => Some(format!(
            "\x1b]9;{}: {}\x07",
            osc_safe(title),
            osc_safe(text)
        )),
        Notify::Osc777 => Some(format!(
            "\x1b]777;notify;{};{}\x07",
            osc_safe(title),
            osc_safe(text)
        )),
    };
    if let Some(osc) = osc {
        if in_tmux {
            // DCS passthrough: every ESC inside doubled.
            out.push_str("\x1bPtmux;");
            out.push_str(&osc.replace('\x1b', "\x1b\x1b"));
            out.push_str("\x1b\\");
        } else {
            out.push_str(&osc);
        }
    }
    if alerts.bell {
        out.push('\x07');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bell_alone_by_default_and_nothing_when_both_are_off() {
        assert_eq!(alert_bytes(Alerts::default(), "loyal", "x", false), "\x07");
        let off = Alerts {
            bell: false,
            notify: Notify::Off,
        };
        assert_eq!(alert_bytes(off, "loyal", "x", true), "");
    }

    #[test]
    fn notifications_carry_only_printable_text_and_pass_through_tmux() {
        let osc9 = Alerts {
            bell: false,
            notify: Notify::Osc9,
        };
        assert_eq!(
            alert_bytes(osc9, "loyal", "2 late\x1b]0;pwn\x07", false),
            "\x1b]9;loyal: 2 late]0,pwn\x07"
        );
        let osc777 = Alerts {
            bell: true,
            notify: Notify::Osc777,
        };
        assert_eq!(
            alert_bytes(osc777, "loyal", "a;b", false),
            "\x1b]777;notify;loyal;a,b\x07\x07"
        );
        assert_eq!(
            alert_bytes(osc9, "loyal", "x", true),
            "\x1bPtmux;\x1b\x1b]9;loyal: x\x07\x1b\\"
        );
        assert_eq!(Notify::parse("OSC777"), Some(Notify::Osc777));
        assert_eq!(Notify::parse("loud"), None);
    }
}
