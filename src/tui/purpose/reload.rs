//! After a stale refusal: the form takes the stored record's latest version, and its values
//! for the fields the user did not touch.

use super::*;

impl Purpose {
    /// After a stale refusal: take the stored record's latest version and its values for the
    /// fields the user did not touch; typed values stay.
    pub fn reload(&self, form: &mut Form<Purpose>, service: &Service) -> Result<(), String> {
        match self {
            Purpose::EditCustomer { customer, .. } => {
                let request = Request::CustomerCard {
                    key: CustomerKey::Internal(*customer),
                    timeline_limit: 0,
                };
                let card = match service.handle(request).map_err(|e| e.to_string())? {
                    Response::CustomerCard(card) => *card,
                    _ => return Err(t!("card-bug")),
                };
                let referrer = card.referred_by.map(|r| r.external_id);
                let fresh = card.customer;
                for latest in customer_fields(&fresh, referrer.as_deref()) {
                    if let Some(field) = form.field_mut(latest.key) {
                        if field.value() == field.original {
                            field.set_value(latest.value());
                        }
                        field.original = latest.value().to_owned();
                    }
                }
                form.purpose = Purpose::EditCustomer {
                    customer: *customer,
                    version: fresh.version,
                };
                Ok(())
            }
            Purpose::Complaint { id, action, .. } => {
                let request = Request::ComplaintView { id: id.clone() };
                let view = match service.handle(request).map_err(|e| e.to_string())? {
                    Response::ComplaintView(view) => view,
                    _ => return Err(t!("complaint-bug")),
                };
                form.purpose = Purpose::Complaint {
                    id: id.clone(),
                    version: view.complaint.version,
                    action: *action,
                };
                Ok(())
            }
            Purpose::EditAnswer { id, .. } => super::answers::reload(form, id, service),
            _ => Err(t!("nothing-to-reload")),
        }
    }
}
