//! Forms and saving: opening a form for a customer, validating and saving in the background, showing the result or the refusal.

use super::*;

impl App {
    pub(super) fn open_customer_form(&mut self, action: Action, id: CustomerId) {
        let request = crate::service::Request::CustomerCard {
            key: crate::service::CustomerKey::Internal(id),
            timeline_limit: 0,
        };
        let (customer, referrer, influence) = match self.service.handle(request) {
            Ok(crate::service::Response::CustomerCard(card)) => (
                card.customer,
                card.referred_by.map(|r| r.external_id),
                card.influence,
            ),
            Ok(_) => return self.error(super::asking::unexpected(&t!("card-reading-bug"))),
            Err(e) => return self.error(e.to_string()),
        };
        let form = match action {
            Action::LogFollowUp => Purpose::followup_form(&customer),
            Action::LogCall => Purpose::call_form(&customer),
            Action::OpenComplaint => Purpose::complaint_open_form(&customer),
            Action::AddCarePlan => Purpose::care_plan_form(&customer),
            Action::SetInfluence => Purpose::influence_form(&customer, influence.as_ref()),
            Action::RedeemPoints | Action::GrantPoints => {
                let request = crate::service::Request::PointsSummary {
                    customer: id,
                    last: 0,
                };
                let balance = match self.service.handle(request) {
                    Ok(crate::service::Response::Points(p)) => p.balance,
                    Ok(_) => return self.error(super::asking::unexpected(&t!("card-reading-bug"))),
                    Err(e) => return self.error(e.to_string()),
                };
                let kind = if action == Action::RedeemPoints {
                    crate::domain::PointsKind::Redeemed
                } else {
                    crate::domain::PointsKind::Granted
                };
                Purpose::points_form(&customer, kind, balance)
            }
            _ => Purpose::edit_customer_form(&customer, referrer.as_deref()),
        };
        self.open_form(form);
    }

    pub(super) fn open_form(&mut self, form: Form<Purpose>) {
        let (user, role) = self.identity.clone();
        let user = &*user;
        let needs = form.purpose.needs();
        if !role.allows(needs) {
            let user = crate::text::sanitize(user);
            let message = if needs == crate::domain::Role::Admin {
                t!("tui-admin-only", user = &*user, role = role.title())
            } else {
                t!("tui-viewer-only", user = &*user)
            };
            self.error(message);
            return;
        }
        if self.saving() {
            self.error(t!("save-running"));
            return;
        }
        self.overlay = Some(Overlay::Form(Box::new(form)));
    }

    /// Whether a save is running (one at a time: its result goes back to its own form).
    pub fn saving(&self) -> bool {
        self.jobs.is_running(JobKind::Save)
    }

    /// Validates and saves a form: filters apply at once; saves run in the background.
    pub(super) fn submit(&mut self, mut form: Box<Form<Purpose>>) {
        for field in &mut form.fields {
            field.error = None;
        }
        form.message = None;
        if !form.check_required() {
            self.overlay = Some(Overlay::Form(form));
            return;
        }
        match &form.purpose {
            Purpose::CustomerFilter => {
                let text = form.value("filter").to_string();
                if let Err(e) = CustomerFilter::parse(&text) {
                    form.set_error("filter", e);
                    self.overlay = Some(Overlay::Form(form));
                } else {
                    let effects = self.panes.customers.set_filter(text, self.roster.as_ref());
                    self.carry_out(effects);
                }
                return;
            }
            Purpose::ComplaintFilter => {
                let text = form.value("filter").to_string();
                if let Err(e) = parse_filter(&text) {
                    form.set_error("filter", e);
                    self.overlay = Some(Overlay::Form(form));
                } else {
                    let effects = self.panes.complaints.set_filter(text);
                    self.carry_out(effects);
                }
                return;
            }
            Purpose::AsOf => {
                match crate::workflow::parse_when(form.value("date"), self.today()) {
                    Ok(date) => {
                        self.as_of = Some(date);
                        self.roster = None;
                        self.load_roster();
                        let mut effects = Vec::new();
                        for pane in self.panes.all_mut() {
                            effects.extend(pane.changed(crate::tui::component::Change::AsOf));
                        }
                        self.carry_out(effects);
                        self.info(t!("tui-scoring-as-of", date = date.to_string()));
                    }
                    Err(e) => {
                        form.set_error("date", e);
                        self.overlay = Some(Overlay::Form(form));
                    }
                }
                return;
            }
            Purpose::Import => {
                match Purpose::import_request(&form) {
                    Ok(request) => {
                        let mut kept = form.clone().focus_on("file");
                        for field in &mut kept.fields {
                            field.error = None;
                        }
                        self.last_import_form = Some(kept);
                        self.start_import(request)
                    }
                    Err((field, message)) => {
                        form.set_error(field, message);
                        self.overlay = Some(Overlay::Form(form));
                    }
                }
                return;
            }
            _ => {}
        }
        match form.purpose.save_job(&form, self.today()) {
            Ok(job) => {
                form.saving_since = Some(Instant::now());
                let is_form = !form.fields.is_empty();
                self.jobs.spawn(JobKind::Save, job);
                if is_form {
                    self.overlay = Some(Overlay::Form(form));
                }
            }
            Err((field, message)) => {
                form.set_error(field, message);
                self.overlay = Some(Overlay::Form(form));
            }
        }
    }

    /// A save finished: close its form and refresh, or show why it was refused.
    pub(super) fn saved(&mut self, result: Result<String, ServiceError>) {
        let form = match self.overlay.take() {
            Some(Overlay::Form(form)) if form.saving_since.is_some() => Some(form),
            other => {
                self.overlay = other;
                self.hidden_save.take()
            }
        };
        match result {
            Ok(message) => {
                self.info(message);
                // Our own commit: refresh once now, not again when the poll sees it.
                self.change_counter = self.change_counter_now().unwrap_or(0);
                self.refresh(false);
            }
            Err(e) => {
                let Some(mut form) = form else {
                    self.error(e.to_string());
                    self.refresh(false);
                    return;
                };
                form.saving_since = None;
                if self.overlay.is_some() {
                    // The form was hidden and something else is open: say it in the status.
                    self.error(format!("{}: {e}", form.title));
                    return;
                }
                match &e {
                    ServiceError::Invalid { field, reason } => {
                        let key = form.purpose.field_for(field);
                        form.set_error(key, reason.clone());
                    }
                    ServiceError::Stale { .. } => {
                        form.message = Some(t!("stale-hint", error = e.to_string()));
                    }
                    _ => form.message = Some(e.to_string()),
                }
                self.overlay = Some(Overlay::Form(form));
            }
        }
    }

    /// Ctrl-R in a form refused as stale: take the latest version, keep the typed text.
    pub(super) fn reload_form(&mut self, form: &mut Form<Purpose>) {
        let purpose = form.purpose.clone();
        if let Err(e) = purpose.reload(form, &self.service) {
            form.message = Some(e);
        } else {
            form.message = Some(t!("form-reloaded"));
        }
    }

    /// While a save runs: `saving…`, then after [`WAIT_NOTICE`] that it waits for another
    /// writer (and for how long).
    pub fn save_notice(&self) -> Option<String> {
        let Some(Overlay::Form(form)) = &self.overlay else {
            return None;
        };
        let since = form.saving_since?;
        let waited = since.elapsed();
        if waited < WAIT_NOTICE {
            return Some(t!("saving"));
        }
        Some(match self.service.writer_wait() {
            Some(wait) => t!(
                "saving-waiting",
                seconds = format!("{:.1}", wait.as_secs_f64())
            ),
            None => t!(
                "saving-seconds",
                seconds = format!("{:.1}", waited.as_secs_f64())
            ),
        })
    }
}
