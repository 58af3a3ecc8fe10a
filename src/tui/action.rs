//! Every action the workbench can do by key or from the command palette: its name in keymap
//! files, the text shown in help, and where it applies (the keymap sections, and which
//! sections each input context looks keys up in).

/// Where a binding applies: a pane, or an input context such as a form or the lookup box.
/// [`InputContext::sections`] says the order in which sections are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Global,
    List,
    Customers,
    Card,
    FollowUps,
    Complaints,
    Rfm,
    Form,
    Input,
    Lookup,
    Palette,
    Help,
    Confirm,
}

/// What has the keys: a pane (or the card), or something open over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputContext {
    Customers,
    Card,
    FollowUps,
    Complaints,
    Rfm,
    Form,
    Lookup,
    Palette,
    Help,
    Confirm,
}

impl InputContext {
    pub const ALL: [InputContext; 10] = [
        InputContext::Customers,
        InputContext::Card,
        InputContext::FollowUps,
        InputContext::Complaints,
        InputContext::Rfm,
        InputContext::Form,
        InputContext::Lookup,
        InputContext::Palette,
        InputContext::Help,
        InputContext::Confirm,
    ];

    /// The sections a key is looked up in, most specific first; the first that knows the keys
    /// decides. Panes fall back to `[list]` and `[global]`; overlays do not (typing `q` in a
    /// form is text, not quit).
    pub fn sections(self) -> &'static [Section] {
        use Section as S;
        match self {
            InputContext::Customers => &[S::Customers, S::List, S::Global],
            InputContext::Card => &[S::Card, S::List, S::Global],
            InputContext::FollowUps => &[S::FollowUps, S::List, S::Global],
            InputContext::Complaints => &[S::Complaints, S::List, S::Global],
            InputContext::Rfm => &[S::Rfm, S::List, S::Global],
            // The focused field's editing keys first, then the form's.
            InputContext::Form => &[S::Input, S::Form],
            // Choosing a result first, then editing the query.
            InputContext::Lookup => &[S::Lookup, S::Input],
            InputContext::Palette => &[S::Palette, S::Input],
            InputContext::Help => &[S::Help],
            InputContext::Confirm => &[S::Confirm],
        }
    }

    /// Whether printable keys without Ctrl or Alt are typed text here (before any binding).
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            InputContext::Form | InputContext::Lookup | InputContext::Palette
        )
    }
}

impl Section {
    pub const ALL: [Section; 13] = [
        Section::Global,
        Section::List,
        Section::Customers,
        Section::Card,
        Section::FollowUps,
        Section::Complaints,
        Section::Rfm,
        Section::Form,
        Section::Input,
        Section::Lookup,
        Section::Palette,
        Section::Help,
        Section::Confirm,
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
            Section::Form => "In a form",
            Section::Input => "Editing text",
            Section::Lookup => "Quick lookup",
            Section::Palette => "Command palette",
            Section::Help => "This help",
            Section::Confirm => "Questions (yes or no)",
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
            Section::Form => "form",
            Section::Input => "input",
            Section::Lookup => "lookup",
            Section::Palette => "palette",
            Section::Help => "help",
            Section::Confirm => "confirm",
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

            /// Whether the command palette offers it: editing and form keys mean nothing there.
            pub fn in_palette(self) -> bool {
                !Action::CONTEXTUAL.contains(&self)
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
    LogCall = "log_call", "log this call (phone, inbound) with the customer filled in";
    PlanReorders = "plan_reorders", "plan a reorder call for each customer due to reorder";
    Audit = "audit", "the audit trail: who changed what, and when";
    Roles = "roles", "who has which role";
    SetRole = "set_role", "give someone a role (admins)";
    Merge = "merge", "merge another customer's file into this one (admins)";
    Import = "import", "import a file of customers, orders, contacts, plans or complaints";
    Export = "export", "export customers, orders... to a file (admins)";
    NextField = "next_field", "next field";
    PrevField = "prev_field", "previous field";
    LineUp = "line_up", "the line above (on the first line: the previous field)";
    LineDown = "line_down", "the line below (on the last line: the next field)";
    Submit = "submit", "save the form";
    ReloadForm = "reload_form", "load what a colleague saved meanwhile (keeps what you typed)";
    CharLeft = "char_left", "cursor left (a choice: the previous value)";
    CharRight = "char_right", "cursor right (a choice: the next value)";
    WordLeft = "word_left", "cursor to the previous word";
    WordRight = "word_right", "cursor past the next word";
    LineStart = "line_start", "cursor to the start of the line";
    LineEnd = "line_end", "cursor to the end of the line";
    DeleteBack = "delete_back", "delete the character before the cursor";
    DeleteForward = "delete_forward", "delete the character under the cursor";
    DeleteWordBack = "delete_word_back", "delete the word before the cursor";
    DeleteWordForward = "delete_word_forward", "delete the word after the cursor";
    ClearToStart = "clear_to_start", "delete to the start of the line";
    ClearToEnd = "clear_to_end", "delete to the end of the line";
    Newline = "newline", "a new line (in notes and descriptions)";
    Yes = "yes", "answer yes";
    No = "no", "answer no";
}

impl Action {
    /// Actions that only mean something inside a form, a text box or a question.
    const CONTEXTUAL: &'static [Action] = &[
        Action::NextField,
        Action::PrevField,
        Action::LineUp,
        Action::LineDown,
        Action::Submit,
        Action::ReloadForm,
        Action::CharLeft,
        Action::CharRight,
        Action::WordLeft,
        Action::WordRight,
        Action::LineStart,
        Action::LineEnd,
        Action::DeleteBack,
        Action::DeleteForward,
        Action::DeleteWordBack,
        Action::DeleteWordForward,
        Action::ClearToStart,
        Action::ClearToEnd,
        Action::Newline,
        Action::Yes,
        Action::No,
    ];

    /// The editing step an `[input]` action is, if it is one.
    pub fn edit(self) -> Option<crate::tui::edit::Edit> {
        use crate::tui::edit::Edit;
        Some(match self {
            Action::CharLeft => Edit::Left,
            Action::CharRight => Edit::Right,
            Action::WordLeft => Edit::WordLeft,
            Action::WordRight => Edit::WordRight,
            Action::LineStart => Edit::Home,
            Action::LineEnd => Edit::End,
            Action::DeleteBack => Edit::Backspace,
            Action::DeleteForward => Edit::Delete,
            Action::DeleteWordBack => Edit::DeleteWordBack,
            Action::DeleteWordForward => Edit::DeleteWordForward,
            Action::ClearToStart => Edit::ClearToStart,
            Action::ClearToEnd => Edit::ClearToEnd,
            Action::Newline => Edit::Newline,
            _ => return None,
        })
    }
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
