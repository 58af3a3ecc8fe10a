//! The index terms of a customer file: every string a lookup may find it by, with what it is.

use super::fold::{compact, is_han, words};
use super::phone::phone_digits;
use crate::domain::Customer;
use pinyin::ToPinyin;

/// What an index term was made from, as bits (one term can come from several fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermKind(pub u8);

impl TermKind {
    pub const NAME: TermKind = TermKind(1);
    pub const PINYIN: TermKind = TermKind(2);
    pub const INITIALS: TermKind = TermKind(4);
    pub const EMAIL: TermKind = TermKind(8);
    pub const COMPANY: TermKind = TermKind(16);
    pub const EXTERNAL_ID: TermKind = TermKind(32);
    /// The whole name, compacted: an exact hit on it is the best name match.
    pub const FULL_NAME: TermKind = TermKind(64);

    pub fn contains(self, other: TermKind) -> bool {
        self.0 & other.0 == other.0
    }

    /// The most telling field in the set, for showing why a row matched.
    pub fn describe(self) -> &'static str {
        [
            (TermKind::EXTERNAL_ID, "id"),
            (TermKind::EMAIL, "email"),
            (TermKind::FULL_NAME, "name"),
            (TermKind::NAME, "name"),
            (TermKind::PINYIN, "pinyin"),
            (TermKind::INITIALS, "initials"),
            (TermKind::COMPANY, "company"),
        ]
        .iter()
        .find(|(kind, _)| self.contains(*kind))
        .map_or("text", |(_, label)| label)
    }
}

/// Full pinyin and initials of the Han characters in `name`, with a form for the given name
/// alone (a Chinese name's first character is usually the surname): `张三` ->
/// `("zhangsan", "zs", Some("san"))`. `None` when the name has no Han character.
pub fn pinyin_forms(name: &str) -> Option<(String, String, Option<String>)> {
    if !name.chars().any(is_han) {
        return None;
    }
    let mut full = String::new();
    let mut initials = String::new();
    let mut given = String::new();
    let mut han_seen = 0usize;
    for c in name.chars() {
        if let Some(p) = c.to_pinyin() {
            full.push_str(p.plain());
            initials.push_str(p.first_letter());
            if han_seen > 0 {
                given.push_str(p.plain());
            }
            han_seen += 1;
        } else if c.is_ascii_alphanumeric() {
            full.push(c.to_ascii_lowercase());
        }
    }
    let given = (han_seen >= 2 && !given.is_empty()).then_some(given);
    Some((full, initials, given))
}

/// Every index term of a customer with its kinds, deduplicated. Phones are indexed separately.
pub fn customer_terms(customer: &Customer) -> Vec<(String, TermKind)> {
    let mut terms: Vec<(String, TermKind)> = Vec::new();
    let mut add = |term: String, kind: TermKind| {
        if term.is_empty() || term.len() > 200 {
            return;
        }
        match terms.iter_mut().find(|(t, _)| *t == term) {
            Some((_, k)) => k.0 |= kind.0,
            None => terms.push((term, kind)),
        }
    };
    add(compact(&customer.name), TermKind::FULL_NAME);
    let name_words = words(&customer.name);
    if let [first @ .., last] = name_words.as_slice()
        && !first.is_empty()
        && !last.chars().any(is_han)
    {
        // "Smith Anna": the family name said first, as callers and lists often do.
        add(format!("{last}{}", first.concat()), TermKind::FULL_NAME);
    }
    for word in name_words {
        add(word, TermKind::NAME);
    }
    if let Some((full, initials, given)) = pinyin_forms(&customer.name) {
        add(full, TermKind::PINYIN);
        add(initials, TermKind::INITIALS);
        if let Some(given) = given {
            add(given, TermKind::PINYIN);
        }
    }
    if let Some(email) = &customer.email {
        add(email.trim().to_lowercase(), TermKind::EMAIL);
    }
    if let Some(company) = &customer.company {
        add(compact(company), TermKind::COMPANY);
        for word in words(company) {
            add(word, TermKind::COMPANY);
        }
    }
    add(
        customer.external_id.trim().to_lowercase(),
        TermKind::EXTERNAL_ID,
    );
    terms
}

/// The words of a customer's name that typo-tolerant lookup works on: folded name words and the
/// full pinyin of a Chinese name, each at least three characters long.
pub fn fuzzy_tokens(customer: &Customer) -> Vec<String> {
    let mut tokens: Vec<String> = words(&customer.name)
        .into_iter()
        .filter(|w| !w.chars().any(is_han))
        .collect();
    if let Some((full, _, _)) = pinyin_forms(&customer.name) {
        tokens.push(full);
    }
    tokens.retain(|t| t.chars().count() >= 3 && t.len() <= 64);
    tokens.sort();
    tokens.dedup();
    tokens
}

/// The phone numbers of a customer as digit strings (at least 3 digits), deduplicated.
pub fn customer_phone_digits(customer: &Customer) -> Vec<String> {
    let mut digits: Vec<String> = customer
        .phones
        .iter()
        .map(|p| phone_digits(p))
        .filter(|d| d.len() >= 3)
        .collect();
    digits.sort();
    digits.dedup();
    digits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customer(name: &str) -> Customer {
        Customer::new("C-1", name, 0)
    }

    #[test]
    fn chinese_names_get_pinyin_and_initials() {
        assert_eq!(
            pinyin_forms("张三"),
            Some(("zhangsan".into(), "zs".into(), Some("san".into())))
        );
        assert_eq!(pinyin_forms("Alice"), None);
        let terms = customer_terms(&customer("张三"));
        let find = |t: &str| terms.iter().find(|(x, _)| x == t).map(|(_, k)| *k);
        assert!(find("张三").is_some_and(|k| k.contains(TermKind::FULL_NAME)));
        assert!(find("zhangsan").is_some_and(|k| k.contains(TermKind::PINYIN)));
        assert!(find("zs").is_some_and(|k| k.contains(TermKind::INITIALS)));
        assert!(find("c-1").is_some_and(|k| k.contains(TermKind::EXTERNAL_ID)));
    }

    #[test]
    fn latin_names_index_whole_and_words() {
        let mut c = customer("Anna-Lena Müller");
        c.email = Some("Anna@Example.com".into());
        c.company = Some("Acme Tools GmbH".into());
        let terms: Vec<String> = customer_terms(&c).into_iter().map(|(t, _)| t).collect();
        for want in [
            "mullerannalena",
            "annalenamuller",
            "anna",
            "lena",
            "muller",
            "anna@example.com",
            "acme",
            "acmetoolsgmbh",
        ] {
            assert!(
                terms.contains(&want.to_string()),
                "missing {want} in {terms:?}"
            );
        }
        assert_eq!(fuzzy_tokens(&c), vec!["anna", "lena", "muller"]);
    }

    #[test]
    fn phones_deduplicate_by_digits() {
        let mut c = customer("x");
        c.phones = vec![
            "+86 138-0013-8000".into(),
            "8613800138000".into(),
            "12".into(),
        ];
        assert_eq!(customer_phone_digits(&c), vec!["8613800138000"]);
    }
}
