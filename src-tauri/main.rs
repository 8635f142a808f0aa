//! The `sundby` binary: the desktop window when started without arguments,
//! the headless CLI ([`sundby::cli`]) when given a subcommand.

// Release builds on Windows open no console window for the desktop app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os()
        // macOS may pass a process serial number when started from Finder.
        .filter(|a| !a.to_string_lossy().starts_with("-psn_"))
        .collect();
    if args.len() > 1 {
        return sundby::cli::main(args);
    }
    match sundby::app::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Sund By Partner kunne ikke starte: {e}");
            ExitCode::FAILURE
        }
    }
}
