//! The app crate from the outside: every area's Tauri commands through the
//! mock runtime, as the UI calls them, and the `sundby` CLI as a script runs
//! it. One test binary, so Tauri is linked once.

#[path = "../common/mod.rs"]
mod common;

mod about;
mod awards;
mod cli;
mod command_list;
mod commands;
mod diplomas;
mod events;
mod files;
mod grants;
mod overview;
mod partner_io;
mod partners;
mod publications;
mod reports;
mod safety;
mod sync;
