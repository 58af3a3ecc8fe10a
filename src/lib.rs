//! `loyal`: a terminal customer-loyalty workbench.
//!
//! Layers, each in its own module: [`domain`] (plain types), [`search`] (index keys),
//! [`store`] (the only code that touches redb), [`scoring`] (pure analytics), [`service`] (the
//! request/response API every front end calls), [`transfer`] (CSV/JSON import and export
//! formats), [`tui`] (the terminal workbench) and [`cli`]; [`pop`] carries screen pops from a telephony
//! hook to the workbenches.

#[macro_use]
pub mod i18n;
pub mod cli;
pub mod config;
pub mod domain;
pub mod generate;
pub mod pop;
pub mod scoring;
pub mod search;
pub mod service;
pub mod store;
pub mod text;
pub mod transfer;
pub mod tui;
pub mod workflow;
