//! Sund By Partner's shells around the core ([`sundby_core`]): the Tauri app
//! ([`app`], [`commands`]) and the headless CLI ([`cli`]). Both only
//! translate between the outside world and core functions. See
//! ARCHITECTURE.md for the code map.

// User input must never panic the app: no unwrap/expect outside tests.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod cli;
pub mod commands;
