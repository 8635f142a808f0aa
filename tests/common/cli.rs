//! Runs the `sundby` binary as a script would: its own data directory, no
//! display.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// `sundby args` on the data directory `data_dir`, without a display.
pub fn sundby(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sundby"))
        .args(args)
        .env("SUNDBY_DATA_DIR", data_dir)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap_or_else(|e| panic!("sundby did not start: {e}"))
}

/// Standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
