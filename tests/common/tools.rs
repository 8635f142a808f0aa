//! The outside programs the tests read documents back with (poppler's
//! `pdftotext`/`pdffonts`/`pdfinfo`, `qpdf`, `unzip`): run them and fail the
//! test with their output when they fail; `Mounted`, a small tmpfs to fill.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
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

/// Whether `cmd` can be started at all (for a reader a test uses when it is
/// there, such as LibreOffice).
pub fn installed(cmd: &str) -> bool {
    Command::new(cmd)
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok()
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

/// A small tmpfs mounted for a test (needs root or a mount namespace),
/// unmounted when dropped: a real file system to fill to the last byte.
pub struct Mounted(pub PathBuf);

impl Mounted {
    pub fn tmpfs(at: &Path, size: &str) -> Result<Mounted, String> {
        std::fs::create_dir_all(at).map_err(|e| e.to_string())?;
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .output()
            .map_err(|e| e.to_string())?;
        if out.status.success() {
            Ok(Mounted(at.to_path_buf()))
        } else {
            Err(String::from_utf8_lossy(&out.stderr).into_owned())
        }
    }

    /// Fills the file system with `name` to the last byte.
    pub fn fill(&self, name: &str) {
        use std::io::Write;
        let Ok(mut f) = std::fs::File::create(self.0.join(name)) else {
            return;
        };
        let block = vec![0u8; 64 * 1024];
        while f.write_all(&block).is_ok() {}
        while f.write_all(&[1u8]).is_ok() {}
        let _ = f.sync_all();
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}
