//! The panes behind the tabs (a file or folder each), the customer card, and the one list
//! that registers them: adding a pane is a folder here, an entry in this file, and its
//! keymap section.

pub mod card;
pub mod complaints;
pub mod customers;
pub mod followups;
pub mod rfm;

#[cfg(test)]
mod fixtures;

use super::action::{Action, InputContext};
use super::component::Component;
use complaints::ComplaintsPane;
use customers::CustomersPane;
use followups::FollowUpsPane;
use rfm::RfmPane;

/// The tabs, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Customers,
    FollowUps,
    Complaints,
    Rfm,
}

impl Pane {
    pub const ALL: [Pane; 4] = [
        Pane::Customers,
        Pane::FollowUps,
        Pane::Complaints,
        Pane::Rfm,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Customers => ts!("pane-customers"),
            Pane::FollowUps => ts!("pane-followups"),
            Pane::Complaints => ts!("pane-complaints"),
            Pane::Rfm => ts!("pane-rfm"),
        }
    }

    /// Where the pane's keys are looked up.
    pub fn context(self) -> InputContext {
        match self {
            Pane::Customers => InputContext::Customers,
            Pane::FollowUps => InputContext::FollowUps,
            Pane::Complaints => InputContext::Complaints,
            Pane::Rfm => InputContext::Rfm,
        }
    }

    /// The action that shows the pane (its number key by default).
    pub fn action(self) -> Action {
        match self {
            Pane::Customers => Action::PaneCustomers,
            Pane::FollowUps => Action::PaneFollowUps,
            Pane::Complaints => Action::PaneComplaints,
            Pane::Rfm => Action::PaneRfm,
        }
    }

    /// The pane `action` shows, if it shows one.
    pub fn shown_by(action: Action) -> Option<Pane> {
        Pane::ALL.into_iter().find(|pane| pane.action() == action)
    }

    /// The pane `step` tabs after this one (before it when negative), wrapping around.
    pub fn step(self, step: isize) -> Pane {
        let len = Pane::ALL.len() as isize;
        let i = Pane::ALL.iter().position(|p| *p == self).unwrap_or(0) as isize;
        Pane::ALL[(i + step).rem_euclid(len) as usize]
    }
}

/// The state of every pane.
#[derive(Debug)]
pub struct Panes {
    pub customers: CustomersPane,
    pub followups: FollowUpsPane,
    pub complaints: ComplaintsPane,
    pub rfm: RfmPane,
}

impl Default for Panes {
    fn default() -> Panes {
        Panes {
            // Before the scores are ready the ids are read page by page.
            customers: CustomersPane {
                more: true,
                ..CustomersPane::default()
            },
            followups: FollowUpsPane::default(),
            complaints: ComplaintsPane::default(),
            rfm: RfmPane::default(),
        }
    }
}

impl Panes {
    pub fn get(&self, pane: Pane) -> &dyn Component {
        match pane {
            Pane::Customers => &self.customers,
            Pane::FollowUps => &self.followups,
            Pane::Complaints => &self.complaints,
            Pane::Rfm => &self.rfm,
        }
    }

    pub fn get_mut(&mut self, pane: Pane) -> &mut dyn Component {
        match pane {
            Pane::Customers => &mut self.customers,
            Pane::FollowUps => &mut self.followups,
            Pane::Complaints => &mut self.complaints,
            Pane::Rfm => &mut self.rfm,
        }
    }

    /// Every pane, in tab order.
    pub fn all_mut(&mut self) -> [&mut dyn Component; 4] {
        [
            &mut self.customers,
            &mut self.followups,
            &mut self.complaints,
            &mut self.rfm,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::jobs::Asker;

    #[test]
    fn every_load_is_built_by_exactly_one_pane() {
        let panes = Panes::default();
        let cx = fixtures::cx();
        for asker in [
            Asker::Agenda,
            Asker::Recent,
            Asker::Forgotten,
            Asker::Queue,
            Asker::Churn,
            Asker::Reorders,
            Asker::Causes,
            Asker::CustomerCount,
            Asker::NewCustomers,
        ] {
            let builders = Pane::ALL
                .iter()
                .filter(|pane| panes.get(**pane).request(asker, &cx).is_some())
                .count();
            assert_eq!(builders, 1, "{asker:?}");
        }
    }

    #[test]
    fn tabs_step_around_and_each_has_its_action() {
        assert_eq!(Pane::Customers.step(-1), Pane::Rfm);
        assert_eq!(Pane::Rfm.step(1), Pane::Customers);
        assert_eq!(Pane::FollowUps.step(1), Pane::Complaints);
        for pane in Pane::ALL {
            assert_eq!(Pane::shown_by(pane.action()), Some(pane));
        }
        assert_eq!(Pane::shown_by(Action::Open), None);
    }
}
