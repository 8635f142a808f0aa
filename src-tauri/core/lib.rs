//! Sund By Partner's core: the domain, the store and the documents of a
//! desktop app for Danish municipal health consultants who run healthy-city
//! partnership programmes.
//!
//! This crate has no Tauri in its dependency tree (CI checks `cargo tree`):
//! the window's commands and the headless CLI in the `sundby` crate both call
//! the functions here. See ARCHITECTURE.md for the code map.

// User input must never panic the app: no unwrap/expect outside tests.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod about;
pub mod dates;
pub mod i18n;
pub mod images;
pub mod labels;
pub mod money;
pub mod settings;
pub mod store;
pub mod validate;

pub mod files;

// data safety and privacy (issue 15): backups, restore, register extract
pub mod backups;
pub mod privacy;

pub mod activities;
pub mod awards;
pub mod demo;
pub mod diploma;
pub mod docx;
pub mod events;
pub mod fair;
pub mod grants;
pub mod handoff;
pub mod overview;
pub mod partners;
pub mod print;
pub mod publications;
pub mod reports;
pub mod sync;
