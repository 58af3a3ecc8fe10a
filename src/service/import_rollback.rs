//! Rolling back an import run by its id: its undo log is replayed newest change first, in
//! chunks like the import itself, and the run is marked as rolling back with every chunk so
//! that a rollback that stops half way is seen as such and can be run again to finish.

use super::import::Progress;
use super::import_journal::{ROLLBACK_CHUNK, is_interrupted};
use super::{Service, ServiceError};
use crate::domain::{ImportRecord, ImportState, Role, UndoEntry};

impl Service {
    /// Undoes import `id` in chunks, newest change first: orders it created go, orders it
    /// changed get their earlier version back, customer files it created go if nothing refers
    /// to them any more. Returns how many changes were undone. Needs the admin role.
    pub fn rollback_import(&self, id: u64, progress: Progress<'_>) -> Result<u64, ServiceError> {
        self.require(Role::Admin, "roll back imports")?;
        let record = self
            .imports()?
            .into_iter()
            .find(|i| i.id == id)
            .ok_or_else(|| {
                ServiceError::not_found("import", t!("import-none", id = id.to_string()))
            })?;
        let now = chrono::Utc::now().timestamp_millis();
        match record.state {
            ImportState::RolledBack => {
                return Err(ServiceError::invalid(
                    "import",
                    t!("import-rolled-back-already", id = id.to_string()),
                ));
            }
            ImportState::Running if !is_interrupted(&record, now) => {
                return Err(ServiceError::invalid(
                    "import",
                    t!(
                        "import-still-running",
                        id = id.to_string(),
                        staff = &record.staff
                    ),
                ));
            }
            ImportState::RollingBack if !is_interrupted(&record, now) => {
                return Err(ServiceError::invalid(
                    "import",
                    t!("import-rolling-back-already", id = id.to_string()),
                ));
            }
            _ => {}
        }
        // Marked as rolling back by this process with every chunk, so that a rollback that
        // stops half way is seen as such (and can be run again to finish).
        let mut record = ImportRecord {
            state: ImportState::RollingBack,
            pid: std::process::id(),
            host: crate::store::host_name(),
            ..record
        };
        let total = self.store.read()?.undo_len(id)?;
        let mut undone = 0u64;
        let mut probe = self.store.wait_probe();
        loop {
            let n = self.store.write(|w| -> Result<u64, ServiceError> {
                let entries = w.take_undo(id, ROLLBACK_CHUNK)?;
                for entry in &entries {
                    match entry {
                        UndoEntry::Order {
                            before: Some(order),
                            ..
                        } => {
                            w.upsert_order(order)?;
                        }
                        UndoEntry::Order {
                            order_id,
                            before: None,
                        } => {
                            w.delete_order(order_id)?;
                        }
                        UndoEntry::OrdersCreated { order_ids } => {
                            for order_id in order_ids {
                                w.delete_order(order_id)?;
                            }
                        }
                        UndoEntry::CustomerUpdated { before } => {
                            w.update_customer((**before).clone())?;
                        }
                        UndoEntry::AliasAdded { external_id, id } => {
                            w.remove_external_alias(external_id, *id)?;
                        }
                        UndoEntry::CustomerCreated { id } => {
                            w.delete_created_customer(*id)?;
                        }
                        UndoEntry::FollowUp {
                            before: Some(r), ..
                        } => {
                            w.upsert_followup(r)?;
                        }
                        UndoEntry::FollowUp { id, before: None } => {
                            w.delete_followup(id)?;
                        }
                        UndoEntry::CarePlan {
                            before: Some(r), ..
                        } => {
                            w.upsert_care_plan(r)?;
                        }
                        UndoEntry::CarePlan { id, before: None } => {
                            w.delete_care_plan(id)?;
                        }
                        UndoEntry::Complaint {
                            before: Some(r), ..
                        } => {
                            w.upsert_complaint(r)?;
                        }
                        UndoEntry::Complaint { id, before: None } => {
                            w.delete_complaint(id)?;
                        }
                    }
                }
                if entries.is_empty() {
                    record.state = ImportState::RolledBack;
                    w.audit(
                        "import.rollback",
                        None,
                        &id.to_string(),
                        format!("import #{id} of {} rolled back", record.file),
                    )?;
                }
                w.put_import(&record)?;
                Ok(entries.iter().map(UndoEntry::weight).sum::<u64>())
            })?;
            if n == 0 {
                break;
            }
            undone += n;
            progress(undone.min(total), total);
            // No pause while nobody else wants to write; a colleague's save goes first.
            if probe.someone_waiting() {
                probe.step_aside();
            }
        }
        Ok(undone)
    }
}
