//! Export: every record of a kind as CSV or JSON rows that import back unchanged.

use super::{Service, ServiceError};
use crate::domain::CustomerId;
use crate::transfer::{
    CarePlanRow, ComplaintRow, CustomerRow, FollowUpRow, Format, Kind, OrderRow, write_rows,
};
use std::collections::HashMap;
use std::io::Write;

impl Service {
    /// Writes every record of `kind` to `out`; returns how many.
    pub fn export(&self, kind: Kind, format: Format, out: impl Write) -> Result<u64, ServiceError> {
        self.require(crate::domain::Role::Admin, "bulk-export personal data")?;
        let r = self.store.read()?;
        let mut external: HashMap<CustomerId, String> = HashMap::new();
        for customer in r.customers()? {
            let customer = customer?;
            external.insert(customer.id, customer.external_id);
        }
        let ext = |id: CustomerId| -> String {
            let resolved = r.resolve_id(id).ok().flatten().unwrap_or(id);
            external.get(&resolved).cloned().unwrap_or_default()
        };
        let count = match kind {
            Kind::Customers => write_rows(
                out,
                format,
                kind,
                r.customers()?.map(|c| {
                    let c = c?;
                    Ok(CustomerRow::new(&c, c.referred_by.map(ext)))
                }),
            ),
            Kind::Orders => write_rows(
                out,
                format,
                kind,
                r.orders()?.map(|o| {
                    let o = o?;
                    Ok(OrderRow::new(&o, ext(o.customer)))
                }),
            ),
            Kind::FollowUps => write_rows(
                out,
                format,
                kind,
                r.followups()?.map(|f| {
                    let f = f?;
                    Ok(FollowUpRow::new(&f, ext(f.customer)))
                }),
            ),
            Kind::CarePlans => write_rows(
                out,
                format,
                kind,
                r.care_plans()?.map(|p| {
                    let p = p?;
                    Ok(CarePlanRow::new(&p, ext(p.customer)))
                }),
            ),
            Kind::Complaints => write_rows(
                out,
                format,
                kind,
                r.complaints()?.map(|c| {
                    let c = c?;
                    Ok(ComplaintRow::new(&c, ext(c.customer)))
                }),
            ),
        };
        // A store error (a damaged record) stays one, so the front end can tell damage apart
        // from a failed write to the output.
        count.map_err(|e| match e.downcast::<crate::store::StoreError>() {
            Ok(store) => ServiceError::Store(store),
            Err(other) => ServiceError::invalid("export", other.to_string()),
        })
    }
}
