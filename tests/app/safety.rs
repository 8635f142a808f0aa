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

#[test]
fn cli_extract_for_one_contact_person() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    ok(&sundby(&data, &["demo"]));
    let conn = rusqlite::Connection::open(data.join(store::DB_FILE)).unwrap();
    // A contact whose name no other contact has.
    let (id, name, email): (String, String, String) = conn
        .query_row(
            "SELECT id, name, email FROM contacts c WHERE email <> '' AND
               (SELECT count(*) FROM contacts d WHERE lower(d.name) = lower(c.name)) = 1
             ORDER BY name LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    drop(conn);
    let json_out = root.path().join("person.json");
    let text = ok(&sundby(
        &data,
        &[
            "extract",
            "--contact",
            &name,
            "--out",
            &json_out.display().to_string(),
        ],
    ));
    assert!(text.contains("registerudtræk"), "{text}");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json_out).unwrap()).unwrap();
    assert_eq!(v["format"], sundby_core::privacy::contact::FORMAT);
    assert_eq!(v["contact"]["id"], id);
    assert_eq!(v["contact"]["email"], email);
    // By id, as a PDF through the shared print writer.
    let pdf = root.path().join("person.pdf");
    ok(&sundby(
        &data,
        &[
            "extract",
            "--contact",
            &id,
            "--out",
            &pdf.display().to_string(),
        ],
    ));
    let text = crate::common::tools::pdftotext(&pdf);
    assert!(text.contains(&format!("Registerudtræk: {name}")), "{text}");
    // Either a partner or a contact, not both; an unknown name is refused.
    let both = sundby(
        &data,
        &[
            "extract",
            "--partner",
            "x",
            "--contact",
            &id,
            "--out",
            "y.json",
        ],
    );
    assert!(!both.status.success());
    let none = sundby(
        &data,
        &[
            "extract",
            "--contact",
            "Ingen Sådan Person",
            "--out",
            "z.json",
        ],
    );
    assert!(!none.status.success());
    assert!(
        stderr(&none).contains("Ingen Sådan Person"),
        "{}",
        stderr(&none)
    );
}

#[test]
fn a_file_from_outside_backups_is_restored_only_when_chosen_in_the_dialog() {
    use tauri::Manager;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (store, _) = Store::open_dir(&data).unwrap();
    let usb = dir.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let copy = usb.join("kopi fra kommunen.sqlite3");
    store::backup_to(&store.conn, &copy, false).unwrap();
    let h = Harness::with_state(sundby::commands::AppState::new(
        Ok(store),
        Some(data.clone()),
    ));
    invoke(&h, "partners_demo", json!({})).unwrap();
    let path = copy.display().to_string();
    // Not chosen in this session: refused, nothing changed.
    let err = invoke(&h, "backup_restore_file", json!({ "path": path })).unwrap_err();
    assert_eq!(err["code"], "files.not_chosen");
    let listed = invoke(&h, "partners_list", json!({ "query": {} })).unwrap();
    assert_eq!(listed["total"], 60);
    // No dialog may open in tests: the dialog command answers nothing.
    assert_eq!(
        invoke(&h, "backup_open_dialog", json!({})).unwrap(),
        serde_json::Value::Null
    );
    // As if the dialog had returned it.
    h.window
        .state::<sundby::commands::files::ChosenPaths>()
        .remember(copy.clone());
    let r = invoke(&h, "backup_restore_file", json!({ "path": path })).unwrap();
    assert_eq!(r["partners"], 0);
    assert_eq!(r["restored"], "kopi fra kommunen.sqlite3");
    let listed = invoke(&h, "partners_list", json!({ "query": {} })).unwrap();
    assert_eq!(listed["total"], 0);
    // The state before is a backup of its own.
    let before = data
        .join(store::BACKUP_DIR)
        .join(r["before"].as_str().unwrap());
    assert!(store::passes_integrity_check(&before));
    // A chosen file that is not a database: refused, the database unchanged.
    let junk = usb.join("ikke en database.sqlite3");
    std::fs::write(&junk, b"dette er ikke en database").unwrap();
    h.window
        .state::<sundby::commands::files::ChosenPaths>()
        .remember(junk.clone());
    invoke(&h, "partners_demo", json!({})).unwrap();
    let err = invoke(
        &h,
        "backup_restore_file",
        json!({ "path": junk.display().to_string() }),
    )
    .unwrap_err();
    assert!(err["code"].as_str().unwrap().starts_with("store."), "{err}");
    let listed = invoke(&h, "partners_list", json!({ "query": {} })).unwrap();
    assert_eq!(listed["total"], 60);
    // The copy itself was only read.
    assert!(store::passes_integrity_check(&copy));
}

#[test]
fn a_contacts_extract_is_saved_through_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open_dir(dir.path()).unwrap();
    let h = Harness::with_state(sundby::commands::AppState::new(
        Ok(store),
        Some(dir.path().to_path_buf()),
    ));
    invoke(&h, "partners_demo", json!({})).unwrap();
    let conn = rusqlite::Connection::open(dir.path().join(store::DB_FILE)).unwrap();
    let (id, name): (String, String) = conn
        .query_row(
            "SELECT id, name FROM contacts ORDER BY name LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    drop(conn);
    // Saved where the dialog chose (as if it had returned this path).
    use tauri::Manager;
    let chosen = dir.path().join("udtræk.json");
    h.window
        .state::<sundby::commands::files::ChosenPaths>()
        .remember(chosen.clone());
    let path = invoke(
        &h,
        "contact_extract_save",
        json!({ "contactId": id, "format": "json", "path": chosen.display().to_string() }),
    )
    .unwrap();
    assert_eq!(path.as_str().unwrap(), chosen.display().to_string());
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&chosen).unwrap()).unwrap();
    assert_eq!(v["contact"]["id"], id);
    assert_eq!(v["contact"]["name"], name);
    let err = invoke(
        &h,
        "contact_extract_save",
        json!({ "contactId": "findes-ikke", "format": "pdf", "path": null }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "privacy.contact_not_found");
}
