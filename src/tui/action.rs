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
    Answers,
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
    /// The QA library's manager (the answer picker opened on its own).
    Answers,
    Palette,
    Help,
    Confirm,
}

impl InputContext {
    pub const ALL: [InputContext; 11] = [
        InputContext::Customers,
        InputContext::Card,
        InputContext::FollowUps,
        InputContext::Complaints,
        InputContext::Rfm,
        InputContext::Form,
        InputContext::Lookup,
        InputContext::Answers,
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
            // Its own keys (new, remove), then choosing and editing the query.
            InputContext::Answers => &[S::Answers, S::Lookup, S::Input],
            InputContext::Palette => &[S::Palette, S::Input],
            InputContext::Help => &[S::Help],
            InputContext::Confirm => &[S::Confirm],
        }
    }

    /// Whether printable keys without Ctrl or Alt are typed text here (before any binding).
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            InputContext::Form
                | InputContext::Lookup
                | InputContext::Answers
                | InputContext::Palette
        )
    }
}

impl Section {
    pub const ALL: [Section; 14] = [
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
        Section::Answers,
        Section::Palette,
        Section::Help,
        Section::Confirm,
    ];

    /// What the help overlay calls this section.
    pub fn title(self) -> &'static str {
        match self {
            Section::Global => ts!("section-global"),
            Section::List => ts!("section-list"),
            Section::Customers => ts!("section-customers"),
            Section::Card => ts!("section-card"),
            Section::FollowUps => ts!("section-followups"),
            Section::Complaints => ts!("section-complaints"),
            Section::Rfm => ts!("section-rfm"),
            Section::Form => ts!("section-form"),
            Section::Input => ts!("section-input"),
            Section::Lookup => ts!("section-lookup"),
            Section::Answers => ts!("section-answers"),
            Section::Palette => ts!("section-palette"),
            Section::Help => ts!("section-help"),
            Section::Confirm => ts!("section-confirm"),
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
            Section::Answers => "answers",
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
    ($($variant:ident = $name:literal;)*) => {
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

            /// One line for the help overlay and the palette, in the language in use (the
            /// catalogue's `action-NAME`).
            pub fn help(self) -> &'static str {
                match self {
                    $(Action::$variant => $crate::i18n::fixed(concat!("action-", $name)),)*
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
    Quit = "quit";
    ForceQuit = "force_quit";
    Help = "help";
    Palette = "palette";
    Lookup = "lookup";
    Back = "back";
    Refresh = "refresh";
    PaneCustomers = "pane_customers";
    PaneFollowUps = "pane_followups";
    PaneComplaints = "pane_complaints";
    PaneRfm = "pane_rfm";
    NextPane = "next_pane";
    PrevPane = "prev_pane";
    Down = "down";
    Up = "up";
    Top = "top";
    Bottom = "bottom";
    PageDown = "page_down";
    PageUp = "page_up";
    Open = "open";
    LogFollowUp = "log_followup";
    OpenComplaint = "open_complaint";
    AddCarePlan = "add_care_plan";
    EditCustomer = "edit_customer";
    NewCustomer = "new_customer";
    Sort = "sort";
    ReverseSort = "reverse_sort";
    Filter = "filter";
    ClearFilter = "clear_filter";
    PlanDone = "plan_done";
    PlanSkip = "plan_skip";
    NextView = "next_view";
    Acknowledge = "acknowledge";
    StartWork = "start_work";
    Reply = "reply";
    Note = "note";
    CustomerContact = "customer_contact";
    Resolve = "resolve";
    Close = "close";
    Reopen = "reopen";
    Assign = "assign";
    Route = "route";
    SetInfluence = "set_influence";
    RedeemPoints = "redeem_points";
    GrantPoints = "grant_points";
    AsOf = "as_of";
    LogCall = "log_call";
    PlanReorders = "plan_reorders";
    PlanWinBack = "plan_win_back";
    Audit = "audit";
    Roles = "roles";
    SetRole = "set_role";
    Merge = "merge";
    Import = "import";
    Export = "export";
    ManageAnswers = "manage_answers";
    NewAnswer = "new_answer";
    RemoveAnswer = "remove_answer";
    NextField = "next_field";
    PrevField = "prev_field";
    LineUp = "line_up";
    LineDown = "line_down";
    Submit = "submit";
    ReloadForm = "reload_form";
    PickAnswer = "pick_answer";
    CharLeft = "char_left";
    CharRight = "char_right";
    WordLeft = "word_left";
    WordRight = "word_right";
    LineStart = "line_start";
    LineEnd = "line_end";
    DeleteBack = "delete_back";
    DeleteForward = "delete_forward";
    DeleteWordBack = "delete_word_back";
    DeleteWordForward = "delete_word_forward";
    ClearToStart = "clear_to_start";
    ClearToEnd = "clear_to_end";
    Newline = "newline";
    Yes = "yes";
    No = "no";
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
        Action::PickAnswer,
        Action::NewAnswer,
        Action::RemoveAnswer,
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
