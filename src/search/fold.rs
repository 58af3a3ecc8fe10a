//! Text folding: lowercase, accents removed, Han characters kept, separators dropped.

/// Whether `c` is a CJK unified ideograph (the characters of Chinese names).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0xF900..=0xFAFF)
}

/// Folds text for comparison: lowercase, Latin accents removed (`José` -> `jose`), Han characters
/// kept as they are, every run of other characters turned into one space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if ('\u{0300}'..='\u{036F}').contains(&c) {
            // A combining accent (decomposed "u" + "\u{308}"): part of the letter before it.
            continue;
        }
        if is_han(c) || c.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            let ascii = deunicode::deunicode_char(c).unwrap_or("");
            let mut pushed = false;
            for a in ascii.chars().filter(char::is_ascii_alphanumeric) {
                if !pushed && pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                pushed = true;
                out.push(a.to_ascii_lowercase());
            }
            if !pushed {
                pending_space = true;
            }
        } else {
            pending_space = true;
        }
    }
    out
}

/// The folded words of `text`.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The folded text with every separator removed: `"John  O'Neil"` -> `"johnoneil"`.
pub fn compact(text: &str) -> String {
    fold(text).replace(' ', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_separators() {
        assert_eq!(fold("  José  García-López "), "jose garcia lopez");
        assert_eq!(fold("张三"), "张三");
        assert_eq!(fold("Zoë O'Neil"), "zoe o neil");
        assert_eq!(compact("Zoë O'Neil"), "zoeoneil");
        assert_eq!(words("Müller, Hans"), vec!["muller", "hans"]);
        assert_eq!(fold("\u{1b}[31mRed"), "31mred");
        assert_eq!(fold("Mu\u{308}ller"), "muller");
    }
}
