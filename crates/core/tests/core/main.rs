//! Integration tests of `ebb-core` through its public API, on real SQLite files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod capture;
mod durability;
mod filters;
mod goals;
mod helps;
mod insights;
mod journal;
mod library;
mod migrations;
mod plans;
mod sessions;
mod support;
mod support_people;
mod urges;
