//! Helpers shared by the app crate's integration tests. The core's tests
//! include the Tauri-free ones (`tools`, `fixtures`) by path.

pub mod cli;
pub mod fixtures;
pub mod mock;
pub mod tools;

pub use mock::{invoke, Harness};
