//! Integration tests of `ebb-core` through its public API, on real SQLite files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod capture;
mod durability;
mod filters;
mod helps;
mod insights;
mod library;
mod migrations;
mod sessions;
mod support;
mod support_people;
mod urges;
