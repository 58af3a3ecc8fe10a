//! The terminal workbench: app state, the event loop, one file per pane, keymaps as data.

pub mod action;
pub mod keymap;
