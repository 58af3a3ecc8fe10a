//! Every action the workbench can do by key or from the command palette: its name in keymap
//! files, the text shown in help, and where it applies.

/// Where a binding applies. A key is looked up in the focused section first, then in
/// [`Section::List`] (for panes that show a list), then in [`Section::Global`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Global,
    List,
    Customers,
    Card,
    FollowUps,
    Complaints,
    Rfm,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Global,
        Section::List,
        Section::Customers,
        Section::Card,
        Section::FollowUps,
        Section::Complaints,
        Section::Rfm,
    ];

    /// What the help overlay calls this section.
    pub fn title(self) -> &'static str {
        match self {
            Section::Global => "Everywhere",
            Section::List => "In every list",
            Section::Customers => "Customers",
            Section::Card => "Customer card",
            Section::FollowUps => "Follow-ups",
            Section::Complaints => "Complaints",
            Section::Rfm => "RFM",
        }
    }

    /// The table name in keymap files (`[customers]`).
    pub fn name(self) -> &'static str {
        match self {
            Section::Global => "global",
            Section::List => "list",
            Section::Customers => "customers",
            Section::Card => "card",
            Section::FollowUps => "followups",
            Section::Complaints => "complaints",
            Section::Rfm => "rfm",
        }
    }

    pub fn from_name(name: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.name() == name)
    }
}

macro_rules! actions {
    ($($variant:ident = $name:literal, $help:literal;)*) => {
        /// A thing the user can ask for.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            $($variant,)*
        }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant,)*];

            /// The name used in keymap files and the command palette.
            pub fn name(self) -> &'static str {
                match self {
                    $(Action::$variant => $name,)*
                }
            }

            /// One line for the help overlay and the palette.
            pub fn help(self) -> &'static str {
                match self {
                    $(Action::$variant => $help,)*
                }
            }

            pub fn from_name(name: &str) -> Option<Action> {
                match name {
                    $($name => Some(Action::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

actions! {
    Quit = "quit", "quit (asks first when a form holds unsaved input)";
    ForceQuit = "force_quit", "quit at once";
    Help = "help", "show the keys of this pane";
    Palette = "palette", "run any action by name";
    Lookup = "lookup", "quick lookup: phone digits, name, pinyin, email, id";
    Back = "back", "close the card, overlay or filter; go back";
    Refresh = "refresh", "reload what the screen shows";
    PaneCustomers = "pane_customers", "customers pane";
    PaneFollowUps = "pane_followups", "follow-ups pane";
    PaneComplaints = "pane_complaints", "complaints pane";
    PaneRfm = "pane_rfm", "RFM pane";
    NextPane = "next_pane", "next pane";
    PrevPane = "prev_pane", "previous pane";
    Down = "down", "move down";
    Up = "up", "move up";
    Top = "top", "go to the first row";
    Bottom = "bottom", "go to the last row";
    PageDown = "page_down", "one page down";
    PageUp = "page_up", "one page up";
    Open = "open", "open the selected row";
    LogFollowUp = "log_followup", "log a follow-up with this customer";
    OpenComplaint = "open_complaint", "open a complaint for this customer";
    AddCarePlan = "add_care_plan", "schedule a care plan for this customer";
    EditCustomer = "edit_customer", "edit this customer's file";
    NewCustomer = "new_customer", "add a new customer";
    Sort = "sort", "sort by the next column";
    ReverseSort = "reverse_sort", "reverse the sort order";
    Filter = "filter", "filter the list (stage:, segment:, owner:, tag:, status:...)";
    ClearFilter = "clear_filter", "show everything again";
    PlanDone = "plan_done", "mark the care plan done and log the contact";
    PlanSkip = "plan_skip", "skip the care plan (a series goes on)";
    NextView = "next_view", "switch view (agenda, recent log, forgotten)";
    Acknowledge = "acknowledge", "acknowledge the complaint (first response)";
    StartWork = "start_work", "start working on the complaint";
    Reply = "reply", "reply to the customer";
    Note = "note", "add an internal note";
    CustomerContact = "customer_contact", "the customer contacted us again";
    Resolve = "resolve", "resolve with the root cause";
    Close = "close", "close the resolved complaint";
    Reopen = "reopen", "reopen the complaint";
    Assign = "assign", "assign the complaint to someone";
    AsOf = "as_of", "score as of another date";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for action in Action::ALL {
            assert!(seen.insert(action.name()), "{} twice", action.name());
            assert_eq!(Action::from_name(action.name()), Some(*action));
            assert!(!action.help().is_empty());
        }
        for section in Section::ALL {
            assert_eq!(Section::from_name(section.name()), Some(section));
        }
    }
}
