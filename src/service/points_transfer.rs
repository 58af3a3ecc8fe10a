//! Moving the points ledger's recorded movements to and from another system:
//! `loyal points export` and `loyal points import` (all or nothing, keyed by id).

use super::points::start_of_day;
use super::{Service, ServiceError};
use crate::domain::{Millis, PointsEntry, PointsKind, Role};
use serde::{Deserialize, Serialize};

/// One recorded movement as `loyal points export` writes it and `import` reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointsRow {
    pub id: String,
    pub customer_id: String,
    /// RFC 3339 (`2026-12-01T09:30:00Z`) or a date.
    pub at: String,
    pub kind: PointsKind,
    pub points: i64,
    pub reason: String,
    pub staff: String,
}

/// The columns of [`PointsRow`], in order.
pub const POINTS_COLUMNS: [&str; 7] = [
    "id",
    "customer_id",
    "at",
    "kind",
    "points",
    "reason",
    "staff",
];

/// `2026-12-01T09:30:00Z`, or `2026-12-01` (local midnight, as dates are everywhere else), as
/// a moment.
fn moment_of(text: &str) -> Option<Millis> {
    let text = text.trim();
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.timestamp_millis())
        .ok()
        .or_else(|| {
            chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .map(start_of_day)
        })
        .filter(|at| crate::domain::check_instant(*at).is_ok())
}

impl Service {
    /// Every recorded movement, by id, for another system (or this one) to read back.
    pub fn points_export(&self) -> Result<Vec<PointsRow>, ServiceError> {
        let r = self.store.read()?;
        let mut ids = super::scoring::ExternalIds::default();
        r.for_each_external_id(|id, external| ids.push(id, external))?;
        Ok(r.points_entries()?
            .into_iter()
            .map(|e| PointsRow {
                customer_id: ids.find(e.customer).unwrap_or_default().to_string(),
                at: chrono::DateTime::from_timestamp_millis(e.at)
                    .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
                    .unwrap_or_default(),
                id: e.id,
                kind: e.kind,
                points: e.points,
                reason: e.reason,
                staff: e.staff,
            })
            .collect())
    }

    /// Reads recorded movements (CSV with [`POINTS_COLUMNS`], or a JSON array of such
    /// objects): every row checked first, then all written in one transaction, or none.
    /// A row whose id is there already with the same content changes nothing; with other
    /// content it is refused (a ledger line is not edited). Admins only. Returns (created,
    /// unchanged).
    pub fn points_import(
        &self,
        text: &str,
        json: bool,
        source: &str,
    ) -> Result<(u64, u64), ServiceError> {
        self.require(Role::Admin, "import points")?;
        let rows: Vec<(u64, Result<PointsRow, String>)> = if json {
            match serde_json::from_str::<Vec<serde_json::Value>>(text) {
                Ok(values) => values
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| {
                        (
                            i as u64 + 1,
                            serde_json::from_value(v).map_err(|e| e.to_string()),
                        )
                    })
                    .collect(),
                Err(e) => {
                    return Err(ServiceError::Unreadable(crate::transfer::RowError {
                        line: e.line() as u64,
                        field: source.to_string(),
                        reason: e.to_string(),
                    }));
                }
            }
        } else {
            let mut reader = csv::ReaderBuilder::new()
                .trim(csv::Trim::All)
                .from_reader(text.as_bytes());
            let mut out = Vec::new();
            for (i, row) in reader.deserialize::<PointsRow>().enumerate() {
                out.push((i as u64 + 2, row.map_err(|e| e.to_string())));
            }
            out
        };
        let r = self.store.read()?;
        let mut errors = Vec::new();
        let mut entries = Vec::new();
        for (line, row) in rows {
            let bad = |field: &str, reason: String| crate::transfer::RowError {
                line,
                field: field.to_string(),
                reason,
            };
            let row = match row {
                Ok(row) => row,
                Err(reason) => {
                    errors.push(bad(source, reason));
                    continue;
                }
            };
            let Some(customer) = r.resolve_external(row.customer_id.trim())? else {
                errors.push(bad(
                    "customer_id",
                    t!(
                        "err-unknown-customer",
                        id = format!("{:?}", row.customer_id)
                    ),
                ));
                continue;
            };
            let Some(at) = moment_of(&row.at) else {
                errors.push(bad(
                    "at",
                    t!("points-bad-time", value = format!("{:?}", row.at)),
                ));
                continue;
            };
            if row.id.trim().is_empty() {
                errors.push(bad("id", t!("points-id-needed")));
                continue;
            }
            if row.points <= 0 || row.points > 1_000_000_000 {
                errors.push(bad("points", t!("points-bad-number")));
                continue;
            }
            entries.push((
                line,
                PointsEntry {
                    id: row.id.trim().to_string(),
                    customer,
                    at,
                    kind: row.kind,
                    points: row.points,
                    reason: row.reason.trim().to_string(),
                    staff: row.staff.trim().to_string(),
                },
                row.customer_id,
            ));
        }
        drop(r);
        if !errors.is_empty() {
            return Err(ServiceError::Rejected(errors));
        }
        self.write(Role::Admin, "import points", |w| {
            let (mut created, mut unchanged) = (0u64, 0u64);
            let mut conflicts = Vec::new();
            for (line, entry, external) in &mut entries {
                // Resolved again in this transaction: a merge since the check moved the file.
                match w.resolve_external(external.trim())? {
                    Some(id) => entry.customer = id,
                    None => {
                        conflicts.push(crate::transfer::RowError {
                            line: *line,
                            field: "customer_id".into(),
                            reason: t!("err-unknown-customer", id = format!("{external:?}")),
                        });
                        continue;
                    }
                }
                match w.points_entry(&entry.id)? {
                    Some(stored) if stored == *entry => unchanged += 1,
                    Some(_) => conflicts.push(crate::transfer::RowError {
                        line: *line,
                        field: "id".into(),
                        reason: t!("points-id-taken", id = entry.id.as_str()),
                    }),
                    None => {
                        w.upsert_points_entry(entry)?;
                        // On the customer's own trail too (the card shows it).
                        w.audit(
                            "points.import",
                            Some(entry.customer),
                            &entry.id,
                            format!(
                                "{} {}: {} ({source})",
                                entry.kind.label(),
                                entry.points,
                                entry.reason
                            ),
                        )?;
                        created += 1;
                    }
                }
            }
            if !conflicts.is_empty() {
                return Err(ServiceError::Rejected(conflicts));
            }
            Ok((created, unchanged))
        })
    }
}
