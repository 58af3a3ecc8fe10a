//! Search keys: how names, phones, emails and ids are folded into the index terms that the store
//! keeps and that a lookup probes. Pure functions, shared by the indexing and the querying side so
//! that both always agree.

mod answers;
mod fold;
mod fuzzy;
mod phone;
mod terms;

pub use answers::{AnswerIndex, AnswerKeys, search_answers};
pub use fold::{compact, fold, is_han, words};
pub use fuzzy::{deletion_variants, max_typos, typo_distance};
pub use phone::{phone_digits, reversed, same_phone};
pub use terms::{TermKind, customer_phone_digits, customer_terms, fuzzy_tokens, pinyin_forms};
