//! One file per pane, plus the customer card.

pub mod card;
pub mod complaints;
pub mod customers;
pub mod followups;
pub mod rfm;
