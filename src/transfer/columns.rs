//! The columns of each import/export kind: one list, used for export headers, for import
//! validation and for the README.

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Kind {
    Customers,
    Orders,
    FollowUps,
    CarePlans,
    Complaints,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Customers,
        Kind::Orders,
        Kind::FollowUps,
        Kind::CarePlans,
        Kind::Complaints,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::Customers => "customers",
            Kind::Orders => "orders",
            Kind::FollowUps => "followups",
            Kind::CarePlans => "care-plans",
            Kind::Complaints => "complaints",
        }
    }

    /// The words a person reads.
    pub fn title(self) -> &'static str {
        match self {
            Kind::Customers => ts!("kind-customers"),
            Kind::Orders => ts!("kind-orders"),
            Kind::FollowUps => ts!("kind-followups"),
            Kind::CarePlans => ts!("kind-care-plans"),
            Kind::Complaints => ts!("kind-complaints"),
        }
    }

    /// The title of a stored kind label (`followups` -> `follow-ups`), or the label itself
    /// when it names no kind (a record from a newer loyal).
    pub fn title_of_label(label: &str) -> String {
        Kind::ALL
            .into_iter()
            .find(|k| k.label() == label)
            .map_or_else(|| label.to_string(), |k| k.title().to_string())
    }

    /// The kind whose [`Kind::title`] or [`Kind::label`] is `text`.
    pub fn from_words(text: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.title() == text || k.label() == text)
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

const CUSTOMER_COLUMNS: &[&str] = &[
    "customer_id",
    "name",
    "phone",
    "email",
    "company",
    "city",
    "address",
    "birthday",
    "gender",
    "tags",
    "referred_by",
    "owner",
    "personality",
    "interests",
    "habits",
    "preferred_channel",
    "status",
    "churn_reason",
    "created_at",
];

const ORDER_COLUMNS: &[&str] = &[
    "order_id",
    "customer_id",
    "ordered_at",
    "amount",
    "items",
    "category",
    "channel",
];

const FOLLOWUP_COLUMNS: &[&str] = &[
    "followup_id",
    "customer_id",
    "at",
    "channel",
    "direction",
    "kind",
    "staff",
    "summary",
    "outcome",
    "satisfaction",
    "next_contact",
];

const CARE_PLAN_COLUMNS: &[&str] = &[
    "care_plan_id",
    "customer_id",
    "due",
    "due_time",
    "purpose",
    "assignee",
    "note",
    "status",
    "recurrence",
    "series_start",
    "created_at",
    "completed_at",
];

const COMPLAINT_COLUMNS: &[&str] = &[
    "complaint_id",
    "customer_id",
    "opened_at",
    "channel",
    "category",
    "severity",
    "opened_severity",
    "description",
    "assignee",
    "team",
    "status",
    "contacts",
    "escalated",
    "first_response_at",
    "resolved_at",
    "closed_at",
    "response_breached",
    "resolution_breached",
    "root_cause",
    "why_customer_feels",
    "what_we_did",
    "reasonable",
    "others_said_same",
    "prevention",
    "history",
];

/// Every column of a kind, in export order.
pub fn columns_of(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Customers => CUSTOMER_COLUMNS,
        Kind::Orders => ORDER_COLUMNS,
        Kind::FollowUps => FOLLOWUP_COLUMNS,
        Kind::CarePlans => CARE_PLAN_COLUMNS,
        Kind::Complaints => COMPLAINT_COLUMNS,
    }
}

/// The columns an import file of this kind must have.
pub fn required_columns_of(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Customers => &["customer_id", "name"],
        Kind::Orders => &["order_id", "customer_id", "ordered_at", "amount"],
        Kind::FollowUps => &["customer_id", "at"],
        Kind::CarePlans => &["customer_id", "due"],
        Kind::Complaints => &["customer_id", "opened_at"],
    }
}
