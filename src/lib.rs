//! kyc-precheck: find the likely reasons an identity-verification upload will be rejected,
//! offline, before the user uploads it.
//!
//! Data flows one way: `cli` → `app::check` (load → `checks`/`images` → `Report`) → `render`.
//! The library never prints and never exits; `main.rs` does.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod app;
pub mod batch;
pub mod checks;
pub mod cli;
pub mod codes;
pub mod countries;
pub mod diagnose;
pub mod document;
pub mod faces;
pub mod finding;
pub mod idnumber;
pub mod images;
pub mod limits;
pub mod messages;
pub mod mrz;
pub mod namematch;
pub mod policy;
pub mod profile;
pub mod reader;
pub mod render;
pub mod report;
pub mod suggest;
