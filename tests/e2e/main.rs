//! End-to-end tests of the real Ebb app at 390×844, each on a fresh data folder.
//! Run under a display: `make test` wraps them in `xvfb-run -a`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod accessibility;
mod breathe;
mod capture;
mod data;
mod foundation;
mod helps;
mod journal;
mod library;
mod lock;
mod navigation;
mod plans;
mod screenshots;
mod summary;
mod support;
