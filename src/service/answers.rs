//! The QA library of canned answers: adding, changing and removing them (agents, audited,
//! stale saves refused), finding them as one types, using one with its placeholders filled
//! from the case at hand (each use counted), and bringing a library in from a file.

use super::{CustomerKey, Service, ServiceError};
use crate::domain::{Answer, NewAnswer, Role, fill_placeholders, parse_tags};
use crate::store::Writer;
use crate::transfer::{Lined, RowError};
use serde::{Deserialize, Serialize};

/// The longest title and text an answer may have, in characters: a title is a line of the
/// picker, a text a reply (a page of it at most).
pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_TEXT_CHARS: usize = 8000;

/// What to change in an answer; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerEdit {
    pub title: Option<String>,
    pub text: Option<String>,
    pub tags: Option<Vec<String>>,
    /// `Some("")` clears it.
    pub lang: Option<String>,
}

/// The case an answer is used for: what its placeholders are filled from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerCase {
    pub customer: Option<CustomerKey>,
    /// A complaint id: `{complaint}` (and the customer, when none is given).
    pub complaint: Option<String>,
    /// A care plan id: `{due}` when there is no complaint (and the customer).
    pub plan: Option<String>,
}

/// An answer used: the text to insert, placeholders filled, and the answer (its count moved on).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsedAnswer {
    pub answer: Answer,
    pub text: String,
}

/// What an import of answers did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswersImported {
    pub added: u64,
    pub changed: u64,
    pub unchanged: u64,
    /// Rows left out with `skip_bad`.
    pub skipped: Vec<RowError>,
}

/// Whether `id` may name an answer: 1 to 40 printable characters without spaces.
fn id_problem(id: &str) -> Option<String> {
    let ok = !id.is_empty()
        && id.chars().count() <= 40
        && id
            .chars()
            .all(|c| !c.is_whitespace() && !crate::text::is_unsafe(c) && !c.is_control());
    (!ok).then(|| t!("answer-bad-id", id = format!("{id:?}")))
}

/// The checked, trimmed fields of a new answer: (field, reason) when one is wrong.
fn checked(new: &NewAnswer) -> Result<NewAnswer, ServiceError> {
    let title = new.title.trim();
    let text = new.text.trim();
    if title.is_empty() {
        return Err(ServiceError::invalid("title", t!("answer-title-required")));
    }
    if title.chars().count() > MAX_TITLE_CHARS || title.contains(['\n', '\r']) {
        return Err(ServiceError::invalid(
            "title",
            t!("answer-title-too-long", max = MAX_TITLE_CHARS),
        ));
    }
    if text.is_empty() {
        return Err(ServiceError::invalid("text", t!("answer-text-required")));
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(ServiceError::invalid(
            "text",
            t!("answer-text-too-long", max = MAX_TEXT_CHARS),
        ));
    }
    let id = match new.id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(id) => match id_problem(id) {
            Some(problem) => return Err(ServiceError::invalid("id", problem)),
            None => Some(id.to_string()),
        },
        None => None,
    };
    let lang = new
        .lang
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string);
    if let Some(lang) = &lang
        && (lang.len() > 16 || !lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
    {
        return Err(ServiceError::invalid(
            "lang",
            t!("answer-bad-lang", lang = format!("{lang:?}")),
        ));
    }
    Ok(NewAnswer {
        id,
        title: title.to_string(),
        text: text.to_string(),
        tags: parse_tags(&new.tags.join(",")),
        lang,
    })
}

/// The refusal of a change made against an older version of `answer`.
fn stale(answer: &Answer) -> ServiceError {
    ServiceError::Stale {
        what: answer.id.clone(),
        version: answer.version,
        by: answer.changed_by.clone(),
        at: super::local_time(answer.changed_at),
    }
}

fn unknown(id: &str) -> ServiceError {
    ServiceError::not_found("answer", t!("answer-unknown", id = id))
}

/// The answer `id` as stored, refused as stale when it is no longer at `expected_version`.
fn at_version(
    w: &Writer<'_>,
    id: &str,
    expected_version: Option<u64>,
) -> Result<Answer, ServiceError> {
    let answer = w.answer(id)?.ok_or_else(|| unknown(id))?;
    if expected_version.is_some_and(|v| v != answer.version) {
        return Err(stale(&answer));
    }
    Ok(answer)
}

/// Writes a new answer from checked fields.
fn add_in(w: &mut Writer<'_>, new: NewAnswer) -> Result<Answer, ServiceError> {
    let id = match new.id {
        Some(id) => {
            if w.answer(&id)?.is_some() {
                return Err(ServiceError::invalid(
                    "id",
                    t!("answer-id-taken", id = id.as_str()),
                ));
            }
            id
        }
        None => w.next_answer_id()?,
    };
    let now = w.now();
    let answer = Answer {
        id,
        title: new.title,
        text: new.text,
        tags: new.tags,
        lang: new.lang,
        created_by: w.staff().to_string(),
        created_at: now,
        changed_by: w.staff().to_string(),
        changed_at: now,
        uses: 0,
        version: 1,
    };
    w.put_answer(&answer)?;
    Ok(answer)
}

/// `answer` with `fields` in place of its own; `None` when nothing differs.
fn changed(answer: &Answer, fields: &NewAnswer) -> Option<Answer> {
    let same = answer.title == fields.title
        && answer.text == fields.text
        && answer.tags == fields.tags
        && answer.lang == fields.lang;
    (!same).then(|| Answer {
        title: fields.title.clone(),
        text: fields.text.clone(),
        tags: fields.tags.clone(),
        lang: fields.lang.clone(),
        ..answer.clone()
    })
}

fn put_changed(w: &mut Writer<'_>, mut answer: Answer) -> Result<Answer, ServiceError> {
    answer.version += 1;
    answer.changed_by = w.staff().to_string();
    answer.changed_at = w.now();
    w.put_answer(&answer)?;
    Ok(answer)
}

impl Service {
    /// Every answer of the library, by id.
    pub fn answers(&self) -> Result<Vec<Answer>, ServiceError> {
        Ok(self.store.read()?.answers()?)
    }

    /// The answer `id`.
    pub fn answer(&self, id: &str) -> Result<Answer, ServiceError> {
        self.store
            .read()?
            .answer(id.trim())?
            .ok_or_else(|| unknown(id.trim()))
    }

    /// Answers matching `query` (words of the title, tags and text, prefixes, typos; Chinese
    /// by characters, pinyin and initials), best first, at most `limit`.
    pub fn search_answers(&self, query: &str, limit: usize) -> Result<Vec<Answer>, ServiceError> {
        let all = self.answers()?;
        let query: String = query.chars().take(super::MAX_QUERY_CHARS).collect();
        Ok(crate::search::search_answers(&all, &query)
            .into_iter()
            .take(limit)
            .cloned()
            .collect())
    }

    /// Adds an answer to the library.
    pub fn add_answer(&self, new: &NewAnswer) -> Result<Answer, ServiceError> {
        let new = checked(new)?;
        self.write(Role::Agent, "manage canned answers", |w| {
            let answer = add_in(w, new)?;
            w.audit("answer.add", None, &answer.id, &answer.title)?;
            Ok(answer)
        })
    }

    /// Changes answer `id`; refused when it is no longer at `expected_version`.
    pub fn edit_answer(
        &self,
        id: &str,
        edit: &AnswerEdit,
        expected_version: Option<u64>,
    ) -> Result<Answer, ServiceError> {
        let id = id.trim();
        self.write(Role::Agent, "manage canned answers", |w| {
            let answer = at_version(w, id, expected_version)?;
            let fields = checked(&NewAnswer {
                id: None,
                title: edit.title.clone().unwrap_or_else(|| answer.title.clone()),
                text: edit.text.clone().unwrap_or_else(|| answer.text.clone()),
                tags: edit.tags.clone().unwrap_or_else(|| answer.tags.clone()),
                lang: match &edit.lang {
                    Some(lang) => Some(lang.clone()),
                    None => answer.lang.clone(),
                },
            })?;
            match changed(&answer, &fields) {
                None => Ok(answer),
                Some(new) => {
                    let new = put_changed(w, new)?;
                    w.audit("answer.edit", None, &new.id, &new.title)?;
                    Ok(new)
                }
            }
        })
    }

    /// Removes answer `id` from the library; returns what it was. Refused when it is no
    /// longer at `expected_version` (a colleague changed what was about to be removed).
    pub fn remove_answer(
        &self,
        id: &str,
        expected_version: Option<u64>,
    ) -> Result<Answer, ServiceError> {
        let id = id.trim();
        self.write(Role::Agent, "manage canned answers", |w| {
            let answer = at_version(w, id, expected_version)?;
            w.remove_answer(id)?;
            w.audit("answer.remove", None, id, &answer.title)?;
            Ok(answer)
        })
    }

    /// Uses answer `id` for `case`: its text with the placeholders filled (`{name}` the
    /// customer's name, `{complaint}` the complaint's id, `{staff}` this session's staff
    /// name, `{due}` the complaint's next deadline or the care plan's due date), and one more
    /// use counted, in one transaction.
    pub fn use_answer(&self, id: &str, case: &AnswerCase) -> Result<UsedAnswer, ServiceError> {
        let id = id.trim();
        let policy = self.sla_policy()?;
        self.write(Role::Agent, "use canned answers", |w| {
            let mut answer = w.answer(id)?.ok_or_else(|| unknown(id))?;
            let complaint = match &case.complaint {
                Some(cid) => Some(w.complaint(cid.trim())?.ok_or_else(|| {
                    ServiceError::not_found("complaint", t!("answer-unknown-complaint", id = cid))
                })?),
                None => None,
            };
            let plan = match &case.plan {
                Some(pid) => Some(w.care_plan(pid.trim())?.ok_or_else(|| {
                    ServiceError::not_found("plan", t!("answer-unknown-plan", id = pid))
                })?),
                None => None,
            };
            let customer = match &case.customer {
                Some(key) => Some(super::customers::resolve_key_write(w, key)?),
                None => complaint
                    .as_ref()
                    .map(|c| c.customer)
                    .or(plan.as_ref().map(|p| p.customer)),
            };
            let name = match customer {
                Some(id) => w.customer(id)?.map(|c| c.name),
                None => None,
            };
            let due = match (&complaint, &plan) {
                (Some(c), _) => policy
                    .state(c, w.now())
                    .next_deadline
                    .map(super::local_time),
                (None, Some(p)) => Some(p.due.to_string()),
                (None, None) => None,
            };
            let staff = w.staff().to_string();
            let mut values: Vec<(&str, &str)> = vec![("staff", staff.as_str())];
            if let Some(name) = &name {
                values.push(("name", name));
            }
            if let Some(c) = &complaint {
                values.push(("complaint", c.id.as_str()));
            }
            if let Some(due) = &due {
                values.push(("due", due));
            }
            let text = fill_placeholders(&answer.text, &values);
            answer.uses += 1;
            w.put_answer(&answer)?;
            Ok(UsedAnswer { answer, text })
        })
    }

    /// Brings answers in: a row with an id (or, without one, the title of an answer already
    /// there) changes that answer, others are added; a row equal to what is there changes
    /// nothing, so importing an export again does nothing. All or nothing: any bad row and
    /// nothing is written, unless `skip_bad`, when the good rows go in and the bad ones are
    /// reported.
    pub fn import_answers(
        &self,
        rows: &[Lined<NewAnswer>],
        mut errors: Vec<RowError>,
        skip_bad: bool,
    ) -> Result<AnswersImported, ServiceError> {
        let mut good = Vec::with_capacity(rows.len());
        for row in rows {
            match checked(&row.value) {
                Ok(fields) => good.push((row.line, fields)),
                Err(ServiceError::Invalid { field, reason }) => errors.push(RowError {
                    line: row.line,
                    field,
                    reason,
                }),
                Err(other) => return Err(other),
            }
        }
        // The same id (or, without ids, title) twice in one file: the second is a mistake.
        let key = |f: &NewAnswer| f.id.clone().unwrap_or_else(|| format!("\0{}", f.title));
        let mut seen = std::collections::HashMap::new();
        good.retain(|(line, fields)| match seen.insert(key(fields), *line) {
            None => true,
            Some(first) => {
                errors.push(RowError {
                    line: *line,
                    field: if fields.id.is_some() { "id" } else { "title" }.into(),
                    reason: t!("answer-repeated-row", line = first),
                });
                false
            }
        });
        errors.sort_by_key(|e| e.line);
        if !errors.is_empty() && !skip_bad {
            return Err(ServiceError::Rejected(errors));
        }
        self.write(Role::Agent, "manage canned answers", |w| {
            let mut report = AnswersImported {
                skipped: errors,
                ..Default::default()
            };
            let existing = w.answers()?;
            // Rows that name their id first: a counted id (A-0001...) given to a row without
            // one then skips them instead of taking one a later row names.
            let mut good = good;
            good.sort_by_key(|(_, fields)| fields.id.is_none());
            for (_, fields) in good {
                let there = match &fields.id {
                    Some(id) => w.answer(id)?,
                    None => existing.iter().find(|a| a.title == fields.title).cloned(),
                };
                match there {
                    None => {
                        add_in(w, fields)?;
                        report.added += 1;
                    }
                    Some(answer) => match changed(&answer, &fields) {
                        None => report.unchanged += 1,
                        Some(new) => {
                            put_changed(w, new)?;
                            report.changed += 1;
                        }
                    },
                }
            }
            if report.added + report.changed > 0 {
                w.audit(
                    "answer.import",
                    None,
                    "",
                    t!(
                        "answer-import-detail",
                        added = report.added,
                        changed = report.changed
                    ),
                )?;
            }
            Ok(report)
        })
    }
}
