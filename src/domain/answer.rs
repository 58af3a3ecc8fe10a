//! A canned answer of the QA library (QA库): the standard reply staff insert into a complaint
//! reply, a note or a follow-up, with placeholders filled from the case at hand.

use super::Millis;
use serde::{Deserialize, Serialize};

/// One standard answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// `A-0001`, or the id it was imported with.
    pub id: String,
    pub title: String,
    /// The text, with placeholders such as `{name}` (see [`PLACEHOLDERS`]).
    pub text: String,
    pub tags: Vec<String>,
    /// The language it is written in (`zh`, `en`), if said.
    pub lang: Option<String>,
    /// The staff name of who wrote it, and when.
    pub created_by: String,
    #[serde(with = "crate::domain::instant")]
    pub created_at: Millis,
    /// The staff name of who changed it last, and when.
    pub changed_by: String,
    #[serde(with = "crate::domain::instant")]
    pub changed_at: Millis,
    /// How many times it was used.
    pub uses: u64,
    /// 1 when added, one more with each change (a use is not a change): a save made against
    /// an older version is refused.
    pub version: u64,
}

/// A new answer, or the fields of one brought in by an import.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAnswer {
    /// Imports may keep the ids of another system; new answers get `A-0001`, ...
    #[serde(default)]
    pub id: Option<String>,
    pub title: String,
    pub text: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub lang: Option<String>,
}

/// Tags as a person writes them: split at commas (also `，`, `、`, `;`), trimmed, without
/// empty ones or repeats, in the order given.
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split([',', '，', '、', ';', '；']) {
        let tag = tag.trim();
        if !tag.is_empty() && !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_string());
        }
    }
    tags
}

/// The placeholders an answer's text may hold, each filled from the case it is used for.
pub const PLACEHOLDERS: &[&str] = &["name", "complaint", "staff", "due"];

/// `text` with each `{placeholder}` of [`PLACEHOLDERS`] replaced by its value in `values`;
/// one without a value (or not known) is left as written, so a reader sees what to fill.
pub fn fill_placeholders(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let known = after.find('}').and_then(|close| {
            let name = &after[..close];
            PLACEHOLDERS
                .contains(&name)
                .then(|| values.iter().find(|(n, _)| *n == name))
                .flatten()
                .map(|(_, value)| (close, *value))
        });
        match known {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_and_the_rest_left_alone() {
        let values = [("name", "张三"), ("staff", "小李")];
        assert_eq!(
            fill_placeholders("{name}您好，我是{staff}。{due} {other} {", &values),
            "张三您好，我是小李。{due} {other} {"
        );
        assert_eq!(fill_placeholders("{{name}}", &values), "{张三}");
        assert_eq!(fill_placeholders("", &values), "");
    }
}
