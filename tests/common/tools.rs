//! The outside programs the tests read documents back with (poppler's
//! `pdftotext`/`pdffonts`/`pdfinfo`, `qpdf`, `unzip`): run them and fail the
//! test with their output when they fail.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

/// Runs `cmd args`; `(succeeded, stdout + stderr)`. Panics when the program
/// is not installed (scripts/setup.sh installs them).
pub fn run(cmd: &str, args: &[&str]) -> (bool, String) {
    match Command::new(cmd).args(args).output() {
        Ok(o) => (
            o.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            ),
        ),
        Err(e) => panic!("{cmd} is not installed: {e}"),
    }
}

/// Runs `cmd args`, asserts it succeeded and returns its standard output.
pub fn run_ok(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} is not installed: {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap_or_default()
}

/// The text of a PDF in reading layout, UTF-8.
pub fn pdftotext(path: &Path) -> String {
    run_ok("pdftotext", &["-layout", "-enc", "UTF-8", p(path), "-"])
}

/// Asserts that `qpdf --check` finds no error in the PDF.
pub fn qpdf_ok(path: &Path) {
    let (ok, out) = run("qpdf", &["--check", p(path)]);
    assert!(ok, "qpdf --check failed: {out}");
}

/// The font table of a PDF (`pdffonts`).
pub fn pdffonts(path: &Path) -> String {
    run_ok("pdffonts", &[p(path)])
}
