//! Things drawn over the panes: quick lookup, help and which-key, the command palette, the
//! canned-answer picker.

pub mod answers;
pub mod help;
pub mod lookup;
pub mod palette;
