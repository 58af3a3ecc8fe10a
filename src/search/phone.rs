//! Phone numbers compare by their digits only, and are indexed reversed so that a lookup by the
//! last digits a caller reads out is a prefix scan.

/// The digits of a phone number, everything else dropped: `+86 138-0013-8000` -> `8613800138000`.
/// Full-width digits (`１３８`) count as digits.
pub fn phone_digits(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            // Full-width digits, as typed with a CJK input method.
            '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFF10 + u32::from(b'0')),
            _ => None,
        })
        .collect()
}

/// The string reversed (digits only ever, so byte reversal is safe as char reversal).
pub fn reversed(digits: &str) -> String {
    digits.chars().rev().collect()
}

/// Whether two digit strings are the same phone number: equal, or one is the other with a
/// country or trunk prefix of at most four digits (`8613800138000` = `13800138000`), as long as
/// the shorter has at least eight digits.
pub fn same_phone(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || (short.len() >= 8 && long.len() - short.len() <= 4 && long.ends_with(short))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_ignore_formatting() {
        assert_eq!(phone_digits("+86 138-0013-8000"), "8613800138000");
        assert_eq!(phone_digits("(555) 010.2030 ext"), "5550102030");
        assert_eq!(phone_digits("１３８"), "138");
        assert_eq!(reversed("12345"), "54321");
    }

    #[test]
    fn same_phone_allows_country_prefixes_only() {
        assert!(same_phone("8613800138000", "13800138000"));
        assert!(same_phone("15550102030", "5550102030"));
        assert!(!same_phone("0102030", "5550102030"));
        assert!(!same_phone("13800138000", "13800138001"));
        assert!(same_phone("123", "123"));
    }
}
