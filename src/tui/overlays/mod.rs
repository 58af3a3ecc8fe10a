//! Things drawn over the panes: quick lookup, help and which-key, the command palette.

pub mod help;
pub mod lookup;
pub mod palette;
