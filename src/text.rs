//! Making untrusted text safe for a terminal, and measuring it in columns (CJK is two wide).

use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// Characters that must never reach a terminal raw: C0/C1 controls, DEL, and the bidirectional
/// overrides that can make text display differently from what it is.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}')
}

/// `text` with every unsafe character shown as an escape (`\x1b`, `\u{202e}`), so names and notes
/// holding escape sequences are displayed, not executed. Newlines and tabs become `\n`, `\t`.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe(c) && (c as u32) < 0x100 => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if is_unsafe(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Display width in terminal columns.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Sanitised `text`, cut to at most `columns` wide (with `…` when cut) and padded to exactly
/// `columns`.
pub fn fit(text: &str, columns: usize) -> String {
    let safe = sanitize(text);
    let mut out = String::new();
    let mut used = 0;
    let full = width(&safe);
    for c in safe.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        let reserve = usize::from(full > columns);
        if used + w + reserve > columns {
            if full > columns && used < columns {
                out.push('…');
                used += 1;
            }
            break;
        }
        out.push(c);
        used += w;
    }
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(used)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_never_pass_through() {
        assert_eq!(sanitize("plain 张三"), "plain 张三");
        assert_eq!(sanitize("\u{1b}[2Jgone"), "\\x1b[2Jgone");
        assert_eq!(sanitize("a\u{9b}31mb"), "a\\x9b31mb");
        assert_eq!(sanitize("evil\u{202e}txt"), "evil\\u{202e}txt");
        assert_eq!(sanitize("line1\nline2"), "line1\\nline2");
        assert!(!sanitize("\u{7f}\u{0}").chars().any(char::is_control));
    }

    #[test]
    fn fit_counts_wide_characters() {
        assert_eq!(fit("张三", 6), "张三  ");
        assert_eq!(width(&fit("张三丰李四", 6)), 6);
        assert_eq!(fit("abcdefgh", 5), "abcd…");
        assert_eq!(fit("abc", 3), "abc");
    }
}
