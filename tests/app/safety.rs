//! Data safety and privacy from the outside (issue 15): `sundby backup`,
//! `restore` and `extract`; the crash test that kills the CLI with SIGKILL
//! 50 times during writes (imports and restores) and checks the database's
//! integrity and all-or-nothing after each; the commands of the backup card
//! through the mock runtime.

use crate::common::cli::{stderr, sundby};
use crate::common::mock::{invoke, Harness};
use serde_json::json;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use sundby_core::store::{self, Store};

fn ok(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{}", stderr(out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn cli_backup_restore_and_extract() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    ok(&sundby(&data, &["demo"]));
    let text = ok(&sundby(&data, &["backup"]));
    assert!(text.contains("kontrolleret"), "{text}");
    let copy = root.path().join("kopi.sqlite3");
    let copy_s = copy.display().to_string();
    ok(&sundby(&data, &["backup", "--out", &copy_s]));
    assert!(store::passes_integrity_check(&copy));
    let again = sundby(&data, &["backup", "--out", &copy_s]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("findes allerede"),
        "{}",
        stderr(&again)
    );
    // A change, then the restore takes it away.
    let csv = root.path().join("ny.csv");
    std::fs::write(
        &csv,
        "Navn;Type;Status\nEfter Kopien;forening;interesseret\n",
    )
    .unwrap();
    ok(&sundby(&data, &["import", &csv.display().to_string()]));
    let text = ok(&sundby(&data, &["restore", &copy_s]));
    assert!(text.contains("60 partnere"), "{text}");
    let info = ok(&sundby(&data, &["info"]));
    assert!(info.contains("sundby.sqlite3"));
    // The register extract as JSON for a demo partner.
    let conn = rusqlite::Connection::open(data.join(store::DB_FILE)).unwrap();
    let (id, name): (String, String) = conn
        .query_row(
            "SELECT id, name FROM partners ORDER BY sort_key LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    drop(conn);
    let out = root.path().join("udtraek.json");
    ok(&sundby(
        &data,
        &[
            "extract",
            "--partner",
            &name,
            "--out",
            &out.display().to_string(),
        ],
    ));
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(json["partner"]["id"], id);
    let refused = sundby(
        &data,
        &[
            "extract",
            "--partner",
            "Findes Ikke",
            "--out",
            &out.display().to_string(),
        ],
    );
    assert!(!refused.status.success());
    let bad = sundby(&data, &["extract", "--partner", &id, "--out", "x.txt"]);
    assert!(
        stderr(&bad).contains(".json eller .pdf"),
        "{}",
        stderr(&bad)
    );
}

/// A tiny deterministic random sequence (no crate needed).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

const ROWS: usize = 1000;

fn partners_in(db: &Path) -> i64 {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    conn.query_row("SELECT count(*) FROM partners", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn kill_9_during_imports_and_restores_50_times_never_breaks_or_halves_the_database() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let csv = root.path().join("mange.csv");
    let mut text = String::from("Navn;Type;Status;E-mail\n");
    for i in 0..ROWS {
        text.push_str(&format!(
            "Forening nr. {i};forening;interesseret;f{i}@example.dk\n"
        ));
    }
    std::fs::write(&csv, text).unwrap();
    ok(&sundby(&data, &["info"]));
    let copy = root.path().join("tom.sqlite3");
    ok(&sundby(
        &data,
        &["backup", "--out", &copy.display().to_string()],
    ));
    let db = data.join(store::DB_FILE);
    let mut rng = Lcg(15);
    let (mut killed, mut finished) = (0, 0);
    let start = Instant::now();
    for round in 0..50 {
        let args: Vec<String> = if round % 3 == 2 {
            vec!["restore".into(), copy.display().to_string()]
        } else {
            vec![
                "import".into(),
                csv.display().to_string(),
                "--dubletter".into(),
                "import".into(),
            ]
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_sundby"))
            .args(&args)
            .env("SUNDBY_DATA_DIR", &data)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(20 + rng.next(400)));
        match child.try_wait().unwrap() {
            Some(_) => finished += 1,
            None => {
                child.kill().unwrap(); // SIGKILL
                killed += 1;
            }
        }
        child.wait().unwrap();
        let n = partners_in(&db);
        assert_eq!(
            n % ROWS as i64,
            0,
            "round {round}: {n} partners: half an import"
        );
    }
    eprintln!(
        "crash test: {killed} killed mid-write, {finished} finished, {:.1} s",
        start.elapsed().as_secs_f64()
    );
    assert!(
        killed >= 10,
        "too few kills landed during a write: {killed}"
    );
    // The database still works for the app.
    let (s, _) = Store::open_dir(&data).unwrap();
    assert!(sundby_core::partners::store::count(&s.conn).is_ok());
}

#[test]
fn the_backup_card_takes_lists_and_restores_through_commands() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open_dir(dir.path()).unwrap();
    let h = Harness::with_state(sundby::commands::AppState::new(
        Ok(store),
        Some(dir.path().to_path_buf()),
    ));
    let taken = invoke(&h, "backup_take", json!({})).unwrap();
    let file = taken["file_name"].as_str().unwrap().to_string();
    invoke(&h, "partners_demo", json!({})).unwrap();
    let status = invoke(&h, "backups_status", json!({})).unwrap();
    assert_eq!(status["copies"][0]["file_name"], file);
    assert_eq!(status["copies"][0]["partners"], 0);
    assert_eq!(status["warn"], false);
    let listed = invoke(&h, "partners_list", json!({ "query": {} })).unwrap();
    assert_eq!(listed["total"], 60);
    let r = invoke(&h, "backup_restore", json!({ "fileName": file })).unwrap();
    assert_eq!(r["partners"], 0);
    // The list's index follows the restored database.
    let listed = invoke(&h, "partners_list", json!({ "query": {} })).unwrap();
    assert_eq!(listed["total"], 0);
    let err = invoke(
        &h,
        "backup_restore",
        json!({ "fileName": "../sundby.sqlite3" }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "backups.not_found");
    let err = invoke(
        &h,
        "backup_settings_save",
        json!({ "settings": { "rotation": { "days": 500, "weeks": 8, "months": 12 }, "second_folder": "" } }),
    )
    .unwrap_err();
    assert_eq!(err["field"], "backup_days");
    assert_eq!(
        invoke(&h, "data_location", json!({})).unwrap(),
        serde_json::Value::Null
    );
}
