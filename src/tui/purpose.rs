//! What each form is for: the fields it opens with, and the service call its save makes (run
//! in the background). Field keys match the service's field names so a refused save puts its
//! message under the right field.

use super::action::Action;
use super::form::{Field, Form};
use super::jobs::JobOutput;
use crate::domain::{
    CarePlan, CarePurpose, Channel, Complaint, Customer, CustomerId, Direction, FollowUpKind,
    Recurrence, RootCause, Severity,
};
use crate::service::{
    ComplaintCommand, CustomerKey, NewCarePlan, NewComplaint, NewCustomer, NewFollowUp, Request,
    Response, Service,
};
use crate::workflow::parse_when;
use chrono::NaiveDate;

mod customer;
use customer::{customer_fields, customer_input};

mod admin;
mod answers;
mod complaint;
mod files;
mod influence;
mod points;
mod reload;

pub use files::ImportRequest;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    LogFollowUp {
        customer: CustomerId,
    },
    OpenComplaint {
        customer: CustomerId,
    },
    AddCarePlan {
        customer: CustomerId,
    },
    EditCustomer {
        customer: CustomerId,
        version: u64,
    },
    NewCustomer,
    PlanDone {
        plan: String,
    },
    PlanSkip {
        plan: String,
    },
    Complaint {
        id: String,
        version: u64,
        action: Action,
    },
    CustomerFilter,
    ComplaintFilter,
    AsOf,
    SetRole,
    Merge {
        keep: CustomerId,
    },
    Import,
    Export,
    NewAnswer,
    EditAnswer {
        id: String,
        version: u64,
    },
    RemoveAnswer {
        id: String,
        version: u64,
    },
    SetInfluence {
        customer: CustomerId,
    },
    /// Redeem or grant points; `balance`: what the form showed (a save refuses when it moved).
    Points {
        customer: CustomerId,
        kind: crate::domain::PointsKind,
        balance: i64,
    },
}

/// A background save.
pub type SaveJob = Box<dyn FnOnce(&Service) -> JobOutput + Send>;

fn labels<T: Copy>(all: &[T], label: impl Fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| label(*v)).collect()
}

fn optional(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

fn list(text: &str) -> Vec<String> {
    text.split([',', ';', '，'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

type Invalid = (&'static str, String);

fn parse_label<T: std::str::FromStr>(form: &Form<Purpose>, key: &'static str) -> Result<T, Invalid>
where
    T::Err: std::fmt::Display,
{
    form.value(key)
        .parse::<T>()
        .map_err(|e| (key, e.to_string()))
}

fn optional_date(
    form: &Form<Purpose>,
    key: &'static str,
    today: NaiveDate,
) -> Result<Option<NaiveDate>, Invalid> {
    let text = form.value(key).trim();
    if text.is_empty() {
        return Ok(None);
    }
    parse_when(text, today).map(Some).map_err(|e| (key, e))
}

fn satisfaction(form: &Form<Purpose>) -> Result<Option<u8>, Invalid> {
    let text = form.value("satisfaction").trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u8>() {
        Ok(n) if (1..=5).contains(&n) => Ok(Some(n)),
        _ => Err((
            "satisfaction",
            t!("satisfaction-range", text = format!("{text:?}")),
        )),
    }
}

/// A save as a request to the service: its answer, described for the status line.
fn request(
    request: Request,
    describe: impl FnOnce(Response) -> String + Send + 'static,
) -> SaveJob {
    Box::new(move |s: &Service| JobOutput::Saved(s.handle(request).map(describe)))
}

fn saved<T>(
    result: Result<T, crate::service::ServiceError>,
    message: impl FnOnce(&T) -> String,
) -> JobOutput {
    JobOutput::Saved(result.map(|v| message(&v)))
}

impl Purpose {
    /// Whether saving this form changes the database (a filter or the as-of date does not):
    /// a viewer is not shown such a form, since its save would be refused.
    pub fn changes_data(&self) -> bool {
        !matches!(
            self,
            Purpose::CustomerFilter | Purpose::ComplaintFilter | Purpose::AsOf
        )
    }

    /// The field a canned answer goes into, and the case its placeholders are filled from;
    /// `None` for forms that take none.
    pub fn answer_target(&self) -> Option<(&'static str, crate::service::AnswerCase)> {
        answers::answer_target(self)
    }

    /// The role its save needs (a form the save of which would be refused is not shown).
    pub fn needs(&self) -> crate::domain::Role {
        use crate::domain::Role;
        match self {
            Purpose::SetRole | Purpose::Merge { .. } | Purpose::Export => Role::Admin,
            _ if self.changes_data() => Role::Agent,
            _ => Role::Viewer,
        }
    }

    /// The follow-up form for the call on the line: phone, inbound, the customer filled in.
    pub fn call_form(c: &Customer) -> Form<Purpose> {
        let mut form = Purpose::followup_form(c);
        form.title = t!("form-log-call", name = &c.name);
        for (key, value) in [
            ("channel", Channel::Phone.title()),
            ("direction", Direction::Inbound.title()),
        ] {
            if let Some(field) = form.field_mut(key) {
                field.set_value(value);
                field.original = value.to_owned();
            }
        }
        form
    }

    pub fn import_form() -> Form<Purpose> {
        files::import_form()
    }

    pub fn export_form() -> Form<Purpose> {
        files::export_form()
    }

    /// The import the form asks for, checked (the file opens).
    pub fn import_request(form: &Form<Purpose>) -> Result<ImportRequest, Invalid> {
        files::import_request(form)
    }

    pub fn new_answer_form() -> Form<Purpose> {
        answers::new_answer_form()
    }

    pub fn edit_answer_form(answer: &crate::domain::Answer) -> Form<Purpose> {
        answers::edit_answer_form(answer)
    }

    pub fn remove_answer_form(answer: &crate::domain::Answer) -> Form<Purpose> {
        answers::remove_answer_form(answer)
    }

    pub fn set_role_form() -> Form<Purpose> {
        admin::set_role_form()
    }

    pub fn merge_form(keep: &Customer) -> Form<Purpose> {
        admin::merge_form(keep)
    }

    pub fn followup_form(c: &Customer) -> Form<Purpose> {
        let channel = c.preferred_channel.unwrap_or(Channel::Phone);
        Form::new(
            t!("form-log-followup", name = &c.name),
            Purpose::LogFollowUp { customer: c.id },
            vec![
                Field::text("summary", ts!("field-summary"), "").required(),
                Field::choice(
                    "channel",
                    ts!("field-channel"),
                    &labels(Channel::ALL, Channel::title),
                    channel.title(),
                ),
                Field::choice(
                    "direction",
                    ts!("field-direction"),
                    &labels(Direction::ALL, Direction::title),
                    Direction::Outbound.title(),
                ),
                Field::choice(
                    "kind",
                    ts!("field-kind"),
                    &labels(FollowUpKind::ALL, FollowUpKind::title),
                    FollowUpKind::Care.title(),
                ),
                Field::text("outcome", ts!("field-outcome"), ""),
                Field::text("satisfaction", ts!("field-satisfaction"), ""),
                Field::date("next_contact", ts!("field-next-contact"), ""),
            ],
        )
    }

    pub fn complaint_open_form(c: &Customer) -> Form<Purpose> {
        Form::new(
            t!("form-open-complaint", name = &c.name),
            Purpose::OpenComplaint { customer: c.id },
            vec![
                Field::text("category", ts!("field-category"), "").required(),
                Field::lines("description", ts!("field-description"), "").required(),
                Field::choice(
                    "severity",
                    ts!("field-severity"),
                    &labels(Severity::ALL, Severity::title),
                    "normal",
                ),
                Field::choice(
                    "channel",
                    ts!("field-channel"),
                    &labels(Channel::ALL, Channel::title),
                    "phone",
                ),
                Field::text(
                    "assignee",
                    ts!("field-assignee"),
                    c.owner.clone().unwrap_or_default(),
                ),
            ],
        )
    }

    pub fn care_plan_form(c: &Customer) -> Form<Purpose> {
        Form::new(
            t!("form-schedule-care", name = &c.name),
            Purpose::AddCarePlan { customer: c.id },
            vec![
                Field::date("due", ts!("field-due"), "+7d").required(),
                Field::text("at", ts!("field-at"), ""),
                Field::choice(
                    "purpose",
                    ts!("field-purpose"),
                    &labels(CarePurpose::ALL, CarePurpose::title),
                    CarePurpose::StayInTouch.title(),
                ),
                Field::lines("note", ts!("field-note"), ""),
                Field::text(
                    "assignee",
                    ts!("field-assignee"),
                    c.owner.clone().unwrap_or_default(),
                ),
                Field::text("recurrence", ts!("field-recurrence"), ""),
            ],
        )
        .focus_on("note")
    }

    /// `referred_by` is the referrer's customer id, if there is one.
    pub fn edit_customer_form(c: &Customer, referred_by: Option<&str>) -> Form<Purpose> {
        Form::new(
            t!("form-edit-customer", name = &c.name, id = &c.external_id),
            Purpose::EditCustomer {
                customer: c.id,
                version: c.version,
            },
            customer_fields(c, referred_by),
        )
    }

    pub fn new_customer_form() -> Form<Purpose> {
        let mut fields = vec![Field::text("customer_id", ts!("field-customer-id"), "").required()];
        fields.extend(customer_fields(&Customer::new("", "", 0), None));
        if let Some(name) = fields.iter_mut().find(|f| f.key == "name") {
            name.required = true;
        }
        Form::new(t!("form-new-customer"), Purpose::NewCustomer, fields)
    }

    pub fn plan_done_form(plan: &CarePlan, name: &str) -> Form<Purpose> {
        Form::new(
            t!(
                "form-plan-done",
                purpose = plan.purpose.title(),
                name = name
            ),
            Purpose::PlanDone {
                plan: plan.id.clone(),
            },
            vec![
                Field::text(
                    "summary",
                    ts!("field-summary"),
                    t!("form-plan-done-summary", purpose = plan.purpose.title()),
                )
                .required(),
                Field::text("outcome", ts!("field-outcome"), ""),
                Field::choice(
                    "channel",
                    ts!("field-channel"),
                    &labels(Channel::ALL, Channel::title),
                    "phone",
                ),
                Field::text("satisfaction", ts!("field-satisfaction"), ""),
            ],
        )
    }

    pub fn plan_skip_form(plan: &CarePlan, name: &str) -> Form<Purpose> {
        Form::new(
            t!(
                "form-plan-skip",
                purpose = plan.purpose.title(),
                name = name
            ),
            Purpose::PlanSkip {
                plan: plan.id.clone(),
            },
            vec![Field::text("reason", ts!("field-reason"), "").required()],
        )
    }

    pub fn filter_form(purpose: Purpose, current: &str, hint: &'static str) -> Form<Purpose> {
        let field = Field::text("filter", ts!("field-filter"), current);
        let mut form = Form::new(t!("form-filter", hint = hint), purpose, vec![field]);
        form.message = None;
        form
    }

    pub fn as_of_form(current: NaiveDate) -> Form<Purpose> {
        Form::new(
            t!("form-as-of"),
            Purpose::AsOf,
            vec![
                Field::date(
                    "date",
                    ts!("field-date"),
                    current.format("%Y-%m-%d").to_string(),
                )
                .required(),
            ],
        )
    }

    /// The form key for a service field name (`customer_id` → `customer_id`, unknown → "").
    pub fn field_for<'a>(&self, service_field: &'a str) -> &'a str {
        match service_field {
            "next" | "next_contact" => "next_contact",
            "phone" | "phones" => "phones",
            other => other,
        }
    }

    /// Validates the form and builds its save; the error names the field.
    pub fn save_job(&self, form: &Form<Purpose>, today: NaiveDate) -> Result<SaveJob, Invalid> {
        Ok(match self.clone() {
            Purpose::LogFollowUp { customer } => {
                let new = NewFollowUp {
                    customer: CustomerKey::Internal(customer),
                    at: None,
                    channel: parse_label(form, "channel")?,
                    direction: parse_label(form, "direction")?,
                    kind: parse_label(form, "kind")?,
                    staff: None,
                    summary: form.value("summary").trim().to_string(),
                    outcome: form.value("outcome").trim().to_string(),
                    satisfaction: satisfaction(form)?,
                    next_contact: optional_date(form, "next_contact", today)?,
                };
                request(Request::LogFollowUp(new), |r| match r {
                    Response::FollowUp {
                        followup,
                        next_contact: Some(p),
                    } => t!(
                        "saved-followup-next",
                        id = &followup.id,
                        due = p.due.to_string()
                    ),
                    Response::FollowUp { followup, .. } => {
                        t!("saved-followup", id = &followup.id)
                    }
                    _ => t!("saved-logged"),
                })
            }
            Purpose::OpenComplaint { customer } => {
                let new = NewComplaint {
                    customer: CustomerKey::Internal(customer),
                    channel: parse_label(form, "channel")?,
                    category: form.value("category").trim().to_string(),
                    severity: parse_label(form, "severity")?,
                    description: form.value("description").trim().to_string(),
                    assignee: optional(form.value("assignee")),
                    opened_at: None,
                };
                request(Request::OpenComplaint(new), |r| match r {
                    Response::Complaint { complaint, .. } => {
                        t!("saved-complaint", id = &complaint.id)
                    }
                    _ => t!("saved-complaint-plain"),
                })
            }
            Purpose::AddCarePlan { customer } => {
                let due = parse_when(form.value("due"), today).map_err(|e| ("due", e))?;
                let recurrence = match optional(form.value("recurrence")) {
                    None => None,
                    Some(text) => Some(
                        text.parse::<Recurrence>()
                            .map_err(|e| ("recurrence", e.to_string()))?,
                    ),
                };
                let due_time = match optional(form.value("at")) {
                    None => None,
                    Some(text) => Some(
                        chrono::NaiveTime::parse_from_str(&text, "%H:%M")
                            .map_err(|_| ("at", t!("time-invalid", text = format!("{text:?}"))))?,
                    ),
                };
                let new = NewCarePlan {
                    customer: CustomerKey::Internal(customer),
                    due,
                    due_time,
                    purpose: parse_label(form, "purpose")?,
                    assignee: optional(form.value("assignee")),
                    note: form.value("note").trim().to_string(),
                    recurrence,
                };
                request(Request::AddCarePlan(new), |r| match r {
                    Response::CarePlan(p) => t!("saved-plan", id = &p.id, due = p.due.to_string()),
                    _ => t!("saved-plan-plain"),
                })
            }
            Purpose::EditCustomer { customer, version } => {
                let input = customer_input(form, String::new(), today)?;
                request(
                    Request::UpdateCustomer {
                        key: CustomerKey::Internal(customer),
                        input,
                        expected_version: Some(version),
                    },
                    |r| match r {
                        Response::Customer(c) => t!("saved-customer", name = &c.name),
                        _ => t!("saved-plain"),
                    },
                )
            }
            Purpose::NewCustomer => {
                let input =
                    customer_input(form, form.value("customer_id").trim().to_string(), today)?;
                request(
                    Request::AddCustomer(NewCustomer {
                        input,
                        allow_duplicate: false,
                    }),
                    |r| match r {
                        Response::Customer(c) => t!("saved-new-customer", id = &c.external_id),
                        _ => t!("saved-new-customer-plain"),
                    },
                )
            }
            Purpose::PlanDone { plan } => {
                let log = NewFollowUp {
                    customer: CustomerKey::Internal(0),
                    at: None,
                    channel: parse_label(form, "channel")?,
                    direction: Direction::Outbound,
                    kind: FollowUpKind::Care,
                    staff: None,
                    summary: form.value("summary").trim().to_string(),
                    outcome: form.value("outcome").trim().to_string(),
                    satisfaction: satisfaction(form)?,
                    next_contact: None,
                };
                request(
                    Request::CompleteCarePlan {
                        id: plan,
                        log: Some(log),
                        today,
                    },
                    |r| match r {
                        Response::PlanOutcome(o) => match &o.next {
                            Some(next) => t!(
                                "saved-done-next",
                                id = &o.plan.id,
                                due = next.due.to_string(),
                                note = o.passed_over_note()
                            ),
                            None => t!("saved-done", id = &o.plan.id),
                        },
                        _ => t!("saved-done-plain"),
                    },
                )
            }
            Purpose::PlanSkip { plan } => {
                let reason = form.value("reason").trim().to_string();
                request(
                    Request::SkipCarePlan {
                        id: plan,
                        reason,
                        today,
                    },
                    |r| match r {
                        Response::PlanOutcome(o) => match &o.next {
                            Some(next) => t!(
                                "saved-skipped-next",
                                id = &o.plan.id,
                                due = next.due.to_string(),
                                note = o.passed_over_note()
                            ),
                            None => t!("saved-skipped", id = &o.plan.id),
                        },
                        _ => t!("saved-skipped-plain"),
                    },
                )
            }
            Purpose::Complaint {
                id,
                version,
                action,
            } => {
                let text = form.value("text").trim().to_string();
                let command = match action {
                    Action::Acknowledge => ComplaintCommand::Acknowledge { text },
                    Action::StartWork => ComplaintCommand::Start,
                    Action::Reply => ComplaintCommand::Reply { text },
                    Action::Note => ComplaintCommand::Note { text },
                    Action::CustomerContact => ComplaintCommand::Contact { text },
                    Action::Resolve => ComplaintCommand::Resolve {
                        text,
                        root_cause: Some(RootCause {
                            cause: form.value("cause").trim().to_string(),
                            why_customer_feels: form.value("why_customer_feels").trim().to_string(),
                            what_we_did: form.value("what_we_did").trim().to_string(),
                            reasonable: form.value("reasonable").trim().to_string(),
                            others_said_same: form.value("others_said_same").trim().to_string(),
                            prevention: form.value("prevention").trim().to_string(),
                        }),
                    },
                    Action::Close => ComplaintCommand::Close,
                    Action::Reopen => ComplaintCommand::Reopen {
                        reason: form.value("reason").trim().to_string(),
                    },
                    Action::Route => ComplaintCommand::Route {
                        team: form.value("team").trim().to_string(),
                        note: form.value("note").trim().to_string(),
                        to: Some(form.value("to").trim().to_string()).filter(|t| !t.is_empty()),
                    },
                    _ => ComplaintCommand::Assign {
                        to: form.value("to").trim().to_string(),
                    },
                };
                request(
                    Request::Complaint {
                        id,
                        command,
                        expected_version: Some(version),
                    },
                    move |r| match r {
                        Response::Complaint { complaint: c, .. } => {
                            t!("saved-step", id = &c.id, status = c.status.title())
                        }
                        _ => t!("saved-step-plain"),
                    },
                )
            }
            Purpose::SetRole => admin::set_role_job(form)?,
            Purpose::SetInfluence { customer } => influence::save_job(form, customer)?,
            Purpose::Points {
                customer,
                kind,
                balance,
            } => points::save_job(form, customer, kind, balance)?,
            Purpose::Merge { keep } => admin::merge_job(form, keep)?,
            Purpose::Export => files::export_job(form)?,
            Purpose::NewAnswer | Purpose::EditAnswer { .. } | Purpose::RemoveAnswer { .. } => {
                answers::save_job(self, form)?
            }
            // Runs with a gauge, not as a save (App::start_import).
            Purpose::Import => return Err(("", t!("import-not-save"))),
            Purpose::CustomerFilter | Purpose::ComplaintFilter | Purpose::AsOf => {
                return Err(("", t!("nothing-to-save")));
            }
        })
    }
}
