//! The points forms: redeem points (against the balance shown) or grant them, each with a
//! reason; the save is checked again in the transaction that records it.

use super::*;
use crate::domain::PointsKind;

impl Purpose {
    /// The form for `customer`, who has `balance` points now.
    pub fn points_form(customer: &Customer, kind: PointsKind, balance: i64) -> Form<Purpose> {
        let title = match kind {
            PointsKind::Redeemed => t!(
                "form-redeem-points",
                name = &customer.name,
                balance = balance
            ),
            PointsKind::Granted => t!(
                "form-grant-points",
                name = &customer.name,
                balance = balance
            ),
        };
        Form::new(
            title,
            Purpose::Points {
                customer: customer.id,
                kind,
                balance,
            },
            vec![
                Field::text("points", ts!("field-points"), "").required(),
                Field::text("reason", ts!("field-reason"), "").required(),
            ],
        )
    }
}

/// The save: a whole number of points and the reason, with the balance the form showed.
pub(super) fn save_job(
    form: &Form<Purpose>,
    customer: CustomerId,
    kind: PointsKind,
    balance: i64,
) -> Result<SaveJob, Invalid> {
    let points: i64 = match form.value("points").trim().parse() {
        Ok(n) if n > 0 => n,
        _ => return Err(("points", t!("points-bad-number"))),
    };
    if kind == PointsKind::Redeemed && points > balance {
        return Err((
            "points",
            t!("points-not-enough", balance = balance, asked = points),
        ));
    }
    Ok(request(
        Request::RecordPoints {
            customer,
            kind,
            points,
            reason: form.value("reason").trim().to_string(),
            expected: Some(balance),
        },
        move |response| match response {
            Response::PointsEntry(entry) => t!(
                "points-saved",
                id = entry.id.as_str(),
                kind = entry.kind.title(),
                points = entry.points
            ),
            _ => t!("points-saved-plain"),
        },
    ))
}
