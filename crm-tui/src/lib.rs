//! `crm-tui`: the keyboard-driven terminal client of the CRM. A component per screen
//! ([`screens`]); keys become [`keys::Action`]s; state changes in [`app::App`]'s update
//! functions; every network call runs in a task on the typed client ([`net`]) and posts its
//! answer back ([`request`]); the draw loop ([`run`]) never waits on the network.

pub mod app;
pub mod bench;
pub mod keys;
pub mod net;
pub mod request;
pub mod run;
pub mod screens;
pub mod theme;
pub mod widgets;
