//! The admins' forms: giving someone a role, and merging another customer's file into this
//! one. The service refuses both to anyone else; the forms say so before anything is typed.

use super::{Invalid, Purpose, SaveJob, labels, request};
use crate::domain::{Customer, CustomerId, Role};
use crate::service::{CustomerKey, Request, Response};
use crate::tui::form::{Field, Form};

pub(super) fn set_role_form() -> Form<Purpose> {
    Form::new(
        t!("set-role-title"),
        Purpose::SetRole,
        vec![
            Field::text("user", ts!("field-user"), "").required(),
            Field::choice(
                "role",
                ts!("field-role"),
                &labels(Role::ALL, Role::title),
                Role::Agent.title(),
            ),
        ],
    )
}

pub(super) fn merge_form(keep: &Customer) -> Form<Purpose> {
    Form::new(
        t!("merge-title", name = &keep.name, id = &keep.external_id),
        Purpose::Merge { keep: keep.id },
        vec![Field::text("other", ts!("field-other"), "").required()],
    )
}

pub(super) fn set_role_job(form: &Form<Purpose>) -> Result<SaveJob, Invalid> {
    let user = form.value("user").trim().to_string();
    let role: Role = form
        .value("role")
        .parse()
        .map_err(|e: crate::domain::LabelError| ("role", e.to_string()))?;
    let said = t!("role-now", user = &user, role = role.title());
    Ok(request(Request::SetRole { user, role }, move |_| said))
}

pub(super) fn merge_job(form: &Form<Purpose>, keep: CustomerId) -> Result<SaveJob, Invalid> {
    let other = CustomerKey::parse(form.value("other").trim());
    Ok(request(
        Request::MergeCustomers {
            keep: CustomerKey::Internal(keep),
            other,
        },
        |r| match r {
            Response::Merged { customer, moved } => t!(
                "merged-line",
                id = &customer.external_id,
                orders = moved.orders,
                contacts = moved.followups,
                complaints = moved.complaints,
                plans = moved.care_plans
            ),
            _ => t!("merged"),
        },
    ))
}
