//! Sund By Partner: the core of a desktop app for Danish municipal health
//! consultants who run healthy-city partnership programmes.
//!
//! The core (store, domain modules, documents) knows nothing of Tauri; only
//! [`app`] and [`commands`] do. See ARCHITECTURE.md for the code map.

// User input must never panic the app: no unwrap/expect outside tests.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod i18n;
pub mod images;
pub mod settings;
pub mod store;
pub mod validate;
// ── partners (issue 3) ──
pub mod partners;

// ── diplomas (issue 4) ──
pub mod diploma;

// ── events (issue 5) ──
pub mod events;

// ── grants (issue 6) ──
pub mod grants;

// ── shells: the only modules that know the outside world ──
pub mod app;
pub mod cli;
pub mod commands;
