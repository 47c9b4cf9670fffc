//! Integration tests of `ebb-core` through its public API, on real SQLite files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod backups;
mod calibration;
mod capture;
mod durability;
mod encryption;
mod filters;
mod goals;
mod helps;
mod insights;
mod journal;
mod library;
mod migrations;
mod plans;
mod refusals;
mod sessions;
mod summary;
mod support;
mod support_people;
mod transfer;
mod urges;
mod vault;

/// The one data key the integration tests encrypt their files with (any 32 bytes will do;
/// what matters is that reopening uses the same one).
pub(crate) fn test_key() -> ebb_core::DataKey {
    ebb_core::DataKey::from_hex(&"2b".repeat(32)).expect("64 hex digits")
}
