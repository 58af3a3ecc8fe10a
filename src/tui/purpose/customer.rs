//! The customer form's fields, and turning them back into a `CustomerInput` to save.

use super::{Invalid, Purpose, list, optional};
use crate::domain::Customer;
use crate::transfer::CustomerInput;
use crate::tui::form::{Field, Form};
use chrono::NaiveDate;

pub(super) fn customer_fields(c: &Customer) -> Vec<Field> {
    vec![
        Field::text("name", "Name", c.name.clone()),
        Field::text("phones", "Phones", c.phones.join(", ")),
        Field::text("email", "Email", c.email.clone().unwrap_or_default()),
        Field::text("company", "Company", c.company.clone().unwrap_or_default()),
        Field::text("city", "City", c.city.clone().unwrap_or_default()),
        Field::date(
            "birthday",
            "Birthday",
            c.birthday
                .map(|b| b.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
        ),
        Field::text("owner", "Owner", c.owner.clone().unwrap_or_default()),
        Field::text("tags", "Tags", c.tags.join(", ")),
        Field::text("personality", "Personality", c.personality.clone()),
        Field::text("interests", "Interests", c.interests.clone()),
        Field::text("habits", "Habits", c.habits.clone()),
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
                .map_err(|_| format!("{text:?} is not a date like 1990-05-17"))
                .and_then(crate::domain::check_date)
                .map_err(|reason| ("birthday", reason))?,
        ),
    };
    if birthday.is_some_and(|b| b > today) {
        return Err(("birthday", "is in the future".into()));
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
        referred_by: None,
        owner: Some(optional(form.value("owner"))),
        personality: Some(form.value("personality").trim().to_string()),
        interests: Some(form.value("interests").trim().to_string()),
        habits: Some(form.value("habits").trim().to_string()),
        preferred_channel: None,
        status: None,
        churn_reason: None,
        created_at: None,
    })
}
