//! Phone numbers compare by their digits only, and are indexed reversed so that a lookup by the
//! last digits a caller reads out is a prefix scan.

/// The digits of a phone number, everything else dropped: `+86 138-0013-8000` -> `8613800138000`.
/// Full-width digits (`１３８`) count as digits.
pub fn phone_digits(text: &str) -> String {
    text.chars()
        .filter_map(|c| c.to_digit(10).map(|d| char::from(b'0' + d as u8)))
        .collect()
}

/// The string reversed (digits only ever, so byte reversal is safe as char reversal).
pub fn reversed(digits: &str) -> String {
    digits.chars().rev().collect()
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
}
