//! The headless CLI as a script would use it: no display needed.

use crate::common::cli::sundby;
use std::process::Command;

#[test]
fn help_and_version_need_no_display() {
    let dir = tempfile::tempdir().unwrap();
    let help = sundby(dir.path(), &["--help"]);
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(text.contains("info"), "{text}");
    let version = sundby(dir.path(), &["--version"]);
    assert!(version.status.success());
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("sundby {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn info_reports_paths_schema_and_counts() {
    let dir = tempfile::tempdir().unwrap();
    let out = sundby(dir.path(), &["info"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&dir.path().join("sundby.sqlite3").display().to_string()));
    assert!(text.contains(&format!(
        "skemaversion:  {}",
        sundby_core::store::schema_version()
    )));
    let goals_line = text.lines().find(|l| l.starts_with("goals ")).unwrap();
    assert!(goals_line.trim_end().ends_with(" 7"), "{goals_line}");
}

#[test]
fn a_reader_that_closes_the_pipe_early_ends_the_command_quietly() {
    // `sundby info | head -0`: the reader is gone before the first line.
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sundby"))
        .arg("info")
        .env("SUNDBY_DATA_DIR", dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.status.success(), "{:?} {err}", out.status);
}

#[test]
fn info_on_a_file_that_is_not_a_database_fails_with_a_danish_message() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("sundby.sqlite3"), b"hello").unwrap();
    let out = sundby(dir.path(), &["info"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("er ikke en Sund By Partner-database"), "{err}");
}

#[test]
fn an_unknown_subcommand_fails() {
    let dir = tempfile::tempdir().unwrap();
    let out = sundby(dir.path(), &["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn sundby_today_prints_the_overblik_of_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let empty = sundby(dir.path(), &["today"]);
    assert!(
        empty.status.success(),
        "{}",
        crate::common::cli::stderr(&empty)
    );
    let text = String::from_utf8_lossy(&empty.stdout);
    assert!(text.contains("Ingen opfølgninger i dag"), "{text}");
    assert!(text.contains("Ingen overrækkelse planlagt"), "{text}");
    let demo = sundby(dir.path(), &["demo"]);
    assert!(
        demo.status.success(),
        "{}",
        crate::common::cli::stderr(&demo)
    );
    let out = sundby(dir.path(), &["today"]);
    assert!(out.status.success(), "{}", crate::common::cli::stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    for part in [
        "Overblik",
        "forfalden siden",
        "venter på et diplom",
        "Næste overrækkelse:",
        "venter på afgørelse",
        "rapport mangler",
        "Tilbage i puljen",
        "tilmeldt",
        "Næste nyhedsbrev",
        "interesserede",
        "uden samtykke til e-mail",
    ] {
        assert!(text.contains(part), "{part:?} missing in\n{text}");
    }
}
