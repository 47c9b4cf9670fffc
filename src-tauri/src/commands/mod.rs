//! Thin commands, one module per domain: decode the request, call one core function off the UI
//! thread ([`crate::state::AppState::run`]), map the error.

pub mod app;
pub mod backups;
pub mod chips;
pub mod helps;
pub mod journal;
pub mod lock;
pub mod outcomes;
pub mod plans;
pub mod settings;
pub mod summary;
pub mod support;
pub mod techniques;
pub mod things;
pub mod transfer;
pub mod urges;
