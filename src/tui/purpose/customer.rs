//! The customer form's fields, and turning them back into a `CustomerInput` to save.

use super::{Invalid, Purpose, list, optional};
use crate::domain::{Customer, CustomerStatus};
use crate::transfer::CustomerInput;
use crate::tui::form::{Field, Form};
use chrono::NaiveDate;

/// The fields of a customer's file; `referred_by` is the referrer's customer id.
pub(super) fn customer_fields(c: &Customer, referred_by: Option<&str>) -> Vec<Field> {
    let statuses: Vec<&str> = CustomerStatus::ALL.iter().map(|s| s.title()).collect();
    vec![
        Field::text("name", ts!("field-name"), c.name.clone()),
        Field::text("phones", ts!("field-phones"), c.phones.join(", ")),
        Field::text(
            "email",
            ts!("field-email"),
            c.email.clone().unwrap_or_default(),
        ),
        Field::text(
            "company",
            ts!("field-company"),
            c.company.clone().unwrap_or_default(),
        ),
        Field::text(
            "city",
            ts!("field-city"),
            c.city.clone().unwrap_or_default(),
        ),
        Field::date(
            "birthday",
            ts!("field-birthday"),
            c.birthday
                .map(|b| b.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
        ),
        Field::text(
            "owner",
            ts!("field-owner"),
            c.owner.clone().unwrap_or_default(),
        ),
        Field::text("tags", ts!("field-tags"), c.tags.join(", ")),
        Field::lines(
            "personality",
            ts!("field-personality"),
            c.personality.clone(),
        ),
        Field::lines("interests", ts!("field-interests"), c.interests.clone()),
        Field::lines("habits", ts!("field-habits"), c.habits.clone()),
        Field::text(
            "referred_by",
            ts!("field-referred-by"),
            referred_by.unwrap_or_default(),
        ),
        Field::choice("status", ts!("field-status"), &statuses, c.status.title()),
        Field::text(
            "churn_reason",
            ts!("field-churn-reason"),
            c.churn_reason.clone().unwrap_or_default(),
        ),
    ]
}

pub(super) fn customer_input(
    form: &Form<Purpose>,
    external_id: String,
    today: NaiveDate,
) -> Result<CustomerInput, Invalid> {
    let birthday = match optional(form.value("birthday")) {
        None => None,
        Some(text) => Some(
            NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                .map_err(|_| t!("birthday-invalid", text = format!("{text:?}")))
                .and_then(crate::domain::check_date)
                .map_err(|reason| ("birthday", reason))?,
        ),
    };
    if birthday.is_some_and(|b| b > today) {
        return Err(("birthday", t!("birthday-future")));
    }
    let status: CustomerStatus = form
        .value("status")
        .parse()
        .map_err(|e: crate::domain::LabelError| ("status", e.to_string()))?;
    let churn_reason = optional(form.value("churn_reason"));
    if churn_reason.is_some() && status == CustomerStatus::Active {
        return Err(("churn_reason", t!("churn-reason-active")));
    }
    Ok(CustomerInput {
        external_id,
        name: form.value("name").trim().to_string(),
        phones: Some(list(form.value("phones"))),
        email: Some(optional(form.value("email"))),
        company: Some(optional(form.value("company"))),
        city: Some(optional(form.value("city"))),
        address: None,
        birthday: Some(birthday),
        gender: None,
        tags: Some(list(form.value("tags"))),
        referred_by: Some(optional(form.value("referred_by"))),
        owner: Some(optional(form.value("owner"))),
        personality: Some(form.value("personality").trim().to_string()),
        interests: Some(form.value("interests").trim().to_string()),
        habits: Some(form.value("habits").trim().to_string()),
        preferred_channel: None,
        status: Some(status),
        churn_reason: Some(churn_reason),
        created_at: None,
    })
}
