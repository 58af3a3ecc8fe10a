//! The influence form: note a customer as an opinion leader (the kind, and who listens to
//! them), or clear it by choosing "none".

use super::*;
use crate::domain::{Influence, InfluenceKind};

impl Purpose {
    /// The form for `customer`, starting at the influence noted now (or none).
    pub fn influence_form(customer: &Customer, now: Option<&Influence>) -> Form<Purpose> {
        let none = t!("influence-none");
        let mut options: Vec<&str> = vec![none.as_str()];
        options.extend(InfluenceKind::ALL.iter().map(|k| k.title()));
        let current = now.map_or(none.as_str(), |i| i.kind.title());
        Form::new(
            t!("form-influence", name = &customer.name),
            Purpose::SetInfluence {
                customer: customer.id,
            },
            vec![
                Field::choice("kind", ts!("field-influence"), &options, current),
                Field::text(
                    "note",
                    ts!("field-influence-note"),
                    now.map(|i| i.note.clone()).unwrap_or_default(),
                ),
            ],
        )
    }
}

/// The save of the influence form: the kind chosen (by its title) and the note, or a clear.
pub(super) fn save_job(form: &Form<Purpose>, customer: CustomerId) -> Result<SaveJob, Invalid> {
    let chosen = form.value("kind");
    let kind = InfluenceKind::ALL
        .iter()
        .copied()
        .find(|k| k.title() == chosen);
    let influence = kind.map(|k| (k, form.value("note").trim().to_string()));
    let cleared = influence.is_none();
    Ok(request(
        Request::SetInfluence {
            customer: CustomerKey::Internal(customer),
            influence,
        },
        move |_| {
            if cleared {
                t!("influence-cleared")
            } else {
                t!("influence-saved")
            }
        },
    ))
}
