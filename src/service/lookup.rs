//! Quick lookup, the phone-call path: phone digits or their last digits, names (exact, prefix,
//! typo-tolerant, pinyin and initials), email, external id and company, ranked best first.
//! Every probe is an index range scan; nothing scans all customers.

use super::customers::CustomerSummary;
use super::{Service, ServiceError};
use crate::domain::CustomerId;
use crate::search::{self, TermKind};
use crate::store::{Reader, StoreError};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The longest query a lookup takes, in characters (the longest email address fits), and the
/// most words it may have: past these a query is refused, so a paste cannot make one lookup
/// read and compare without end (every step below is linear in the query within them).
pub const MAX_QUERY_CHARS: usize = 256;
pub const MAX_QUERY_WORDS: usize = 12;

/// How many index entries one probe reads at most. Broad prefixes (`zs` among a million
/// customers) stop here; the caller is shown the best of those.
const PROBE_CAP: usize = 200;

/// The best score any term match gets (an exact whole name, id or email).
const EXACT_BEST: u32 = 900;

/// An exact id reference (`#42`, `C-000042`, or a merged-away id): above any term match.
const ID_REFERENCE: u32 = 1000;

/// A several-word match scores this much below its weakest word.
const WORDS_PENALTY: u32 = 20;

/// How many entries one word of a several-word query reads before it counts as too common to
/// pick the candidates.
const WORD_CAP: usize = 2000;

/// Why a customer matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    Phone,
    PhoneSuffix,
    Exact,
    Prefix,
    Words,
    Fuzzy,
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LookupHit {
    pub customer: CustomerSummary,
    /// Higher is better; comparable within one lookup only.
    pub score: u32,
    pub kind: MatchKind,
    /// The field that matched (`phone`, `name`, `pinyin`, `email`...).
    pub field: String,
    /// The indexed text that matched.
    pub matched: String,
}

impl MatchKind {
    /// The name JSON and CSV give it: `phone_suffix`.
    pub fn label(self) -> &'static str {
        match self {
            MatchKind::Phone => "phone",
            MatchKind::PhoneSuffix => "phone_suffix",
            MatchKind::Exact => "exact",
            MatchKind::Prefix => "prefix",
            MatchKind::Words => "words",
            MatchKind::Fuzzy => "fuzzy",
        }
    }
}

impl LookupHit {
    /// The matched field as a person reads it (`phone` is 电话 in Chinese); `field` itself
    /// stays the machine name for JSON.
    pub fn field_title(&self) -> &str {
        match self.field.as_str() {
            "id" => ts!("match-field-id"),
            "email" => ts!("match-field-email"),
            "name" => ts!("match-field-name"),
            "pinyin" => ts!("match-field-pinyin"),
            "initials" => ts!("match-field-initials"),
            "company" => ts!("match-field-company"),
            "phone" => ts!("match-field-phone"),
            "text" => ts!("match-field-text"),
            other => other,
        }
    }
}

#[derive(Debug, Clone)]
struct Candidate {
    score: u32,
    kind: MatchKind,
    field: &'static str,
    matched: String,
}

#[derive(Default)]
struct Candidates(HashMap<CustomerId, Candidate>);

impl Candidates {
    /// How many customers score above `score`.
    fn count_above(&self, score: u32) -> usize {
        self.0.values().filter(|c| c.score > score).count()
    }

    fn offer(&mut self, id: CustomerId, candidate: Candidate) {
        match self.0.get(&id) {
            Some(existing) if existing.score >= candidate.score => {}
            _ => {
                self.0.insert(id, candidate);
            }
        }
    }
}

fn term_score(kind: TermKind, exact: bool, extra_chars: usize) -> u32 {
    let base: u32 = if kind.contains(TermKind::FULL_NAME)
        || kind.contains(TermKind::EXTERNAL_ID)
        || kind.contains(TermKind::EMAIL)
    {
        100
    } else if kind.contains(TermKind::NAME) || kind.contains(TermKind::PINYIN) {
        90
    } else if kind.contains(TermKind::COMPANY) {
        80
    } else {
        70 // initials: short, many customers share them
    };
    if exact {
        800 + base
    } else {
        // Prefix: the closer the term is to the query, the better.
        500 + base - (extra_chars.min(40) as u32)
    }
}

/// The best match of each customer for one query word (or the whole compacted query), reading
/// at most `cap` entries per probe. The flag says whether the probes saw every match.
fn match_word(
    r: &Reader,
    word: &str,
    fuzzy: bool,
    cap: usize,
) -> Result<(Candidates, bool), StoreError> {
    let mut found = Candidates::default();
    let mut complete = match_prefix(r, word, cap, &mut found)?;
    if fuzzy {
        complete &= match_typos(r, word, cap, usize::MAX, &mut found)?;
    }
    Ok((found, complete))
}

/// Index terms equal to or starting with `word`, at most `cap`. True when that was all of them.
fn match_prefix(
    r: &Reader,
    word: &str,
    cap: usize,
    found: &mut Candidates,
) -> Result<bool, StoreError> {
    let query_len = word.chars().count();
    let hits = r.terms_starting_with(word, cap)?;
    let complete = hits.len() < cap;
    for hit in hits {
        let exact = hit.term == word;
        let extra = hit.term.chars().count().saturating_sub(query_len);
        found.offer(
            hit.customer,
            Candidate {
                score: term_score(hit.kind, exact, extra),
                kind: if exact {
                    MatchKind::Exact
                } else {
                    MatchKind::Prefix
                },
                field: hit.kind.describe(),
                matched: hit.term,
            },
        );
    }
    Ok(complete)
}

/// Names and pinyin within the typos `word` may hold (none for Chinese characters), at most
/// `cap` entries per matching token, nearest tokens first; stops once `limit` customers match
/// at least as well as the next token could. True when no probe was cut short.
fn match_typos(
    r: &Reader,
    word: &str,
    cap: usize,
    limit: usize,
    found: &mut Candidates,
) -> Result<bool, StoreError> {
    let typos = search::max_typos(word.chars().count());
    if typos == 0 || word.chars().any(search::is_han) {
        return Ok(true);
    }
    let mut tokens: Vec<(usize, String)> = r
        .fuzzy_candidates(&search::deletion_variants(word))?
        .into_iter()
        .map(|token| (search::typo_distance(word, &token), token))
        .filter(|(distance, _)| (1..=typos).contains(distance))
        .collect();
    tokens.sort();
    let mut complete = true;
    for (distance, token) in tokens {
        let score = fuzzy_score(distance);
        if found.count_above(score - 1) >= limit {
            return Ok(false);
        }
        let hits = r.terms_equal_to(&token, cap)?;
        complete &= hits.len() < cap;
        for hit in hits {
            if hit.kind.contains(TermKind::NAME) || hit.kind.contains(TermKind::PINYIN) {
                found.offer(
                    hit.customer,
                    Candidate {
                        score,
                        kind: MatchKind::Fuzzy,
                        field: hit.kind.describe(),
                        matched: token.clone(),
                    },
                );
            }
        }
    }
    Ok(complete)
}

fn fuzzy_score(distance: usize) -> u32 {
    400 - 50 * distance.min(4) as u32
}

/// How well `word` matches one of a customer's own index terms (exact, prefix, or with typos
/// against name and pinyin terms), as the per-word probes would have scored it.
fn score_against_terms(word: &str, terms: &[(String, TermKind)]) -> Option<u32> {
    let query_len = word.chars().count();
    let typos = search::max_typos(query_len);
    terms
        .iter()
        .filter_map(|(term, kind)| {
            if term.starts_with(word) {
                let extra = term.chars().count().saturating_sub(query_len);
                Some(term_score(*kind, term == word, extra))
            } else if typos > 0
                && (kind.contains(TermKind::NAME) || kind.contains(TermKind::PINYIN))
            {
                let distance = search::typo_distance(word, term);
                (distance <= typos).then(|| fuzzy_score(distance))
            } else {
                None
            }
        })
        .max()
}

/// Customers matching every word of a several-word query ("smith anna", "zhang san"). The most
/// selective word whose probe was complete gives the candidates, and each candidate's own terms
/// are checked for the other words, so common words cannot push the right customer out. Only
/// when every word is too common to probe completely are the capped probes intersected.
fn match_words(r: &Reader, words: &[String], found: &mut Candidates) -> Result<(), StoreError> {
    // Longest words first: they are the most likely to be selective, and the first complete
    // probe is enough (the other words are checked against its candidates' own terms).
    let mut order: Vec<usize> = (0..words.len()).collect();
    order.sort_by_key(|i| std::cmp::Reverse(words[*i].chars().count()));
    let mut probed: Vec<(usize, Candidates)> = Vec::with_capacity(words.len());
    let mut pivot = None;
    for i in order {
        let (candidates, complete) = match_word(r, &words[i], true, WORD_CAP)?;
        if complete {
            pivot = Some((i, candidates));
            break;
        }
        probed.push((i, candidates));
    }
    let matched = words.join(" ");
    match pivot {
        Some((pivot, candidates)) => {
            for (id, candidate) in &candidates.0 {
                let Some(customer) = r.customer(*id)? else {
                    continue;
                };
                let terms = search::customer_terms(&customer);
                let mut worst = candidate.score;
                let all = words
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != pivot)
                    .all(|(_, w)| {
                        score_against_terms(w, &terms)
                            .map(|s| worst = worst.min(s))
                            .is_some()
                    });
                if all {
                    let field = candidate.field;
                    let c = Candidate {
                        score: worst.saturating_sub(WORDS_PENALTY),
                        kind: MatchKind::Words,
                        field,
                        matched: matched.clone(),
                    };
                    found.offer(*id, c);
                }
            }
        }
        None => {
            // Every word is common: intersect what the capped probes saw.
            let Some(((_, first), rest)) = probed.split_first() else {
                return Ok(());
            };
            for (id, candidate) in &first.0 {
                let scores: Option<Vec<u32>> = rest
                    .iter()
                    .map(|(_, other)| other.0.get(id).map(|c| c.score))
                    .collect();
                if let Some(scores) = scores {
                    let worst = scores.into_iter().fold(candidate.score, u32::min);
                    let c = Candidate {
                        score: worst.saturating_sub(WORDS_PENALTY),
                        kind: MatchKind::Words,
                        field: candidate.field,
                        matched: matched.clone(),
                    };
                    found.offer(*id, c);
                }
            }
        }
    }
    Ok(())
}

/// How many index entries a single-word probe reads for `limit` results: enough to rank
/// (exact entries come first in the index, shorter terms score higher), not every customer
/// whose name starts with `a`.
fn probe_cap(limit: usize) -> usize {
    limit.saturating_mul(4).clamp(40, PROBE_CAP)
}

/// Digits shorter than this are a suffix a caller reads out, never a whole number.
const WHOLE_NUMBER_DIGITS: usize = 7;

fn match_phone(
    r: &Reader,
    digits: &str,
    limit: usize,
    found: &mut Candidates,
) -> Result<(), StoreError> {
    // A short suffix ranks every match alike (an exact number comes first in the index), so
    // reading `limit` entries is enough; a whole number has few matches and reads them all.
    let cap = if digits.len() < WHOLE_NUMBER_DIGITS {
        limit
    } else {
        PROBE_CAP
    };
    // The number as typed, then (for a long number with a country or trunk prefix) its national
    // part, so `+86 138 0013 8000` finds a file that stored `13800138000` and the reverse.
    let mut probes = vec![digits.to_string()];
    for national in [11, 10] {
        if digits.len() > national {
            probes.push(digits[digits.len() - national..].to_string());
        }
    }
    for (i, probe) in probes.iter().enumerate() {
        for hit in r.phones_ending_with(probe, cap)? {
            let (score, kind) = if hit.digits == digits {
                (1000, MatchKind::Phone)
            } else if search::same_phone(&hit.digits, digits) || (i > 0 && hit.digits == *probe) {
                (950, MatchKind::Phone)
            } else {
                (700 + probe.len().min(20) as u32 * 5, MatchKind::PhoneSuffix)
            };
            found.offer(
                hit.customer,
                Candidate {
                    score,
                    kind,
                    field: "phone",
                    matched: hit.digits,
                },
            );
        }
    }
    Ok(())
}

/// Refuses a query longer than [`MAX_QUERY_CHARS`] or with more than [`MAX_QUERY_WORDS`] words.
fn check_query(query: &str) -> Result<(), ServiceError> {
    let chars = query.trim().chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err(ServiceError::invalid(
            "query",
            t!("lookup-too-long", n = chars, most = MAX_QUERY_CHARS),
        ));
    }
    let words = search::words(query).len();
    if words > MAX_QUERY_WORDS {
        return Err(ServiceError::invalid(
            "query",
            t!("lookup-too-many-words", n = words, most = MAX_QUERY_WORDS),
        ));
    }
    Ok(())
}

/// Ranks customers for `query`; at most `limit` results, best first.
fn lookup(
    r: &Reader,
    query: &str,
    limit: usize,
) -> Result<Vec<(CustomerId, Candidate)>, StoreError> {
    let query = query.trim();
    let mut found = Candidates::default();
    if query.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    // An exact id reference first, as every other command takes it: `#42`, an external id, or
    // the id of a file merged away (which the term index no longer holds).
    let id = match super::CustomerKey::parse(query) {
        super::CustomerKey::Internal(id) => r.resolve_id(id)?,
        super::CustomerKey::External(ext) => r.resolve_external(&ext)?,
    };
    if let Some(id) = id {
        found.offer(
            id,
            Candidate {
                score: ID_REFERENCE,
                kind: MatchKind::Exact,
                field: "id",
                matched: query.to_string(),
            },
        );
    }
    let digits = search::phone_digits(query);
    let phone_like = query
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c) || c.is_numeric());
    if phone_like && digits.len() >= 4 {
        match_phone(r, &digits, limit, &mut found)?;
    }

    // Emails and external ids are indexed as typed (lowercase); names folded and compacted.
    let raw = query.to_lowercase();
    let compact = search::compact(query);
    // With an `@` the caller means an email: the folded form would drop it and match names.
    let email_like = query.contains('@');
    let cap = probe_cap(limit);
    let mut probes = vec![&raw];
    if compact != raw && !email_like {
        probes.push(&compact);
    }
    for probe in probes {
        if !probe.is_empty() {
            match_prefix(r, probe, cap, &mut found)?;
        }
    }
    // Typos (never in a number or an email) only when fewer than `limit` customers matched
    // better than the best typo match can.
    let typos_can_rank = found.count_above(fuzzy_score(1)) < limit;
    if !phone_like && !email_like && !compact.is_empty() && typos_can_rank {
        match_typos(r, &compact, cap, limit, &mut found)?;
    }

    // Several words ("zhang san", "smith anna"): a customer must match every word.
    // Skipped when enough customers already match better than any word match can.
    let words = search::words(query);
    let best_words_score = EXACT_BEST - WORDS_PENALTY;
    if words.len() >= 2 && found.count_above(best_words_score - 1) < limit {
        match_words(r, &words, &mut found)?;
    }

    let mut ranked: Vec<(CustomerId, Candidate)> = found.0.into_iter().collect();
    ranked.sort_by(|a, b| b.1.score.cmp(&a.1.score).then(a.0.cmp(&b.0)));
    ranked.truncate(limit);
    Ok(ranked)
}

impl Service {
    /// Finds customers by phone (or its last 4+ digits), name, pinyin, initials, email,
    /// external id or company. At most `limit` results, best first.
    pub fn lookup(&self, query: &str, limit: usize) -> Result<Vec<LookupHit>, ServiceError> {
        check_query(query)?;
        let r = self.store.read()?;
        let mut hits = Vec::new();
        for (id, candidate) in lookup(&r, query, limit)? {
            let Some(customer) = r.customer(id)? else {
                continue;
            };
            hits.push(LookupHit {
                customer: CustomerSummary::read(&r, &customer)?,
                score: candidate.score,
                kind: candidate.kind,
                field: candidate.field.to_string(),
                matched: candidate.matched,
            });
        }
        Ok(hits)
    }
}
