//! The forms of the QA library (a new answer, a change to one, with stale saves refused and
//! reloaded as for customer files, and removing one: a form with no fields, Enter removes),
//! and which other forms take a canned answer, in which field.

use super::{Invalid, Purpose, SaveJob, request};
use crate::domain::{Answer, NewAnswer, parse_tags};
use crate::service::{AnswerCase, AnswerEdit, CustomerKey, Request, Response, Service};
use crate::tui::action::Action;
use crate::tui::form::{Field, Form};

fn fields(answer: Option<&Answer>) -> Vec<Field> {
    let get = |f: fn(&Answer) -> String| answer.map(f).unwrap_or_default();
    vec![
        Field::text("title", ts!("field-answer-title"), get(|a| a.title.clone())).required(),
        Field::lines("text", ts!("field-answer-text"), get(|a| a.text.clone())).required(),
        Field::text("tags", ts!("field-tags"), get(|a| a.tags.join(", "))),
        Field::text(
            "lang",
            ts!("field-answer-lang"),
            get(|a| a.lang.clone().unwrap_or_default()),
        ),
    ]
}

pub(super) fn new_answer_form() -> Form<Purpose> {
    Form::new(t!("answer-form-new"), Purpose::NewAnswer, fields(None))
}

pub(super) fn edit_answer_form(answer: &Answer) -> Form<Purpose> {
    Form::new(
        t!("answer-form-edit", id = answer.id.as_str()),
        Purpose::EditAnswer {
            id: answer.id.clone(),
            version: answer.version,
        },
        fields(Some(answer)),
    )
}

pub(super) fn remove_answer_form(answer: &Answer) -> Form<Purpose> {
    Form::new(
        t!(
            "answer-form-remove",
            id = answer.id.as_str(),
            title = answer.title.as_str()
        ),
        Purpose::RemoveAnswer {
            id: answer.id.clone(),
            version: answer.version,
        },
        Vec::new(),
    )
}

fn saved(r: Response) -> String {
    match r {
        Response::Answer(a) => t!("saved-answer", id = a.id.as_str(), title = a.title.as_str()),
        _ => t!("saved-answer-plain"),
    }
}

pub(super) fn save_job(purpose: &Purpose, form: &Form<Purpose>) -> Result<SaveJob, Invalid> {
    let title = form.value("title").trim().to_string();
    let text = form.value("text").trim().to_string();
    let tags = parse_tags(form.value("tags"));
    let lang = form.value("lang").trim().to_string();
    Ok(match purpose {
        Purpose::EditAnswer { id, version } => request(
            Request::EditAnswer {
                id: id.clone(),
                edit: AnswerEdit {
                    title: Some(title),
                    text: Some(text),
                    tags: Some(tags),
                    lang: Some(lang),
                },
                expected_version: Some(*version),
            },
            saved,
        ),
        Purpose::RemoveAnswer { id, version } => request(
            Request::RemoveAnswer {
                id: id.clone(),
                expected_version: Some(*version),
            },
            |r| match r {
                Response::Answer(a) => {
                    t!(
                        "removed-answer",
                        id = a.id.as_str(),
                        title = a.title.as_str()
                    )
                }
                _ => t!("saved-answer-plain"),
            },
        ),
        _ => request(
            Request::AddAnswer(NewAnswer {
                id: None,
                title,
                text,
                tags,
                lang: (!lang.is_empty()).then_some(lang),
            }),
            saved,
        ),
    })
}

/// After a stale refusal: the answer's latest version, its values for untouched fields.
pub(super) fn reload(form: &mut Form<Purpose>, id: &str, service: &Service) -> Result<(), String> {
    let fresh = service.answer(id).map_err(|e| e.to_string())?;
    for latest in fields(Some(&fresh)) {
        if let Some(field) = form.field_mut(latest.key) {
            if field.value() == field.original {
                field.set_value(latest.value());
            }
            field.original = latest.value().to_owned();
        }
    }
    form.purpose = Purpose::EditAnswer {
        id: fresh.id,
        version: fresh.version,
    };
    Ok(())
}

/// The field a canned answer goes into, and the case its placeholders are filled from;
/// `None` for forms that take none.
pub(super) fn answer_target(purpose: &Purpose) -> Option<(&'static str, AnswerCase)> {
    match purpose {
        Purpose::Complaint {
            id,
            action:
                Action::Acknowledge
                | Action::Reply
                | Action::Note
                | Action::CustomerContact
                | Action::Resolve,
            ..
        } => Some((
            "text",
            AnswerCase {
                complaint: Some(id.clone()),
                ..AnswerCase::default()
            },
        )),
        Purpose::LogFollowUp { customer } => Some((
            "summary",
            AnswerCase {
                customer: Some(CustomerKey::Internal(*customer)),
                ..AnswerCase::default()
            },
        )),
        Purpose::PlanDone { plan } => Some((
            "summary",
            AnswerCase {
                plan: Some(plan.clone()),
                ..AnswerCase::default()
            },
        )),
        _ => None,
    }
}
