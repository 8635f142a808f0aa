//! Taking a copy along and merging it back through the CLI: a real copy file
//! made by `sundby copy`, edited by a second process (`sundby import` on the
//! laptop's data directory), previewed with `--dry-run` and merged; and a
//! `kill -9` in the middle of a merge, which leaves the office database
//! either unchanged or fully merged.

use crate::common::cli::{stderr, sundby};
use rusqlite::Connection;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

fn ok(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{}", stderr(out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn csv(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

fn one<T: rusqlite::types::FromSql>(db: &Path, sql: &str) -> T {
    let c = Connection::open(db).unwrap();
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// A laptop's data directory holding the copy from `usb`.
fn laptop_from(usb: &Path, dir: &Path) -> std::path::PathBuf {
    let laptop = dir.join("laptop");
    std::fs::create_dir_all(&laptop).unwrap();
    std::fs::copy(usb, laptop.join("sundby.sqlite3")).unwrap();
    laptop
}

#[test]
fn cli_copy_edited_by_a_second_process_is_previewed_and_merged_once() {
    let dir = tempfile::tempdir().unwrap();
    let office = dir.path().join("office");
    ok(&sundby(
        &office,
        &[
            "import",
            &csv(
                dir.path(),
                "a.csv",
                "Navn;Type;E-mail;Initiativ\nLøbeklubben;Forening;lob@eks.dk;Løb\nMadklubben;Forening;mad@eks.dk;Mad\n",
            ),
        ],
    ));
    let usb = dir.path().join("usb.sqlite3");
    let text = ok(&sundby(&office, &["copy", "--out", usb.to_str().unwrap()]));
    assert!(text.contains("kopi-id:"), "{text}");
    // Refused without --force: a copy never overwrites.
    assert!(!sundby(&office, &["copy", "--out", usb.to_str().unwrap()])
        .status
        .success());

    // The laptop: a second process adds a partner and changes one.
    let laptop = laptop_from(&usb, dir.path());
    ok(&sundby(
        &laptop,
        &[
            "import",
            "--dubletter",
            "update",
            &csv(
                dir.path(),
                "b.csv",
                "Navn;Type;E-mail;Initiativ\nLøbeklubben;Forening;lob@eks.dk;Løb om tirsdagen\nVandreklubben;Forening;vandre@eks.dk;Vandring\n",
            ),
        ],
    ));
    // The office changes the other partner meanwhile, and the same field of one.
    ok(&sundby(
        &office,
        &[
            "import",
            "--dubletter",
            "update",
            &csv(
                dir.path(),
                "c.csv",
                "Navn;Type;E-mail;Initiativ\nLøbeklubben;Forening;lob@eks.dk;Løb om torsdagen\nMadklubben;Forening;mad@eks.dk;Mad og motion\n",
            ),
        ],
    ));
    let back = dir.path().join("back.sqlite3");
    std::fs::copy(laptop.join("sundby.sqlite3"), &back).unwrap();

    let db = office.join("sundby.sqlite3");
    let before: i64 = one(&db, "SELECT count(*) FROM partners");
    let preview = ok(&sundby(
        &office,
        &["merge", back.to_str().unwrap(), "--dry-run"],
    ));
    assert!(preview.contains("intet er ændret"), "{preview}");
    assert!(preview.contains("konflikt partners/"), "{preview}");
    assert!(
        preview.contains("«Løb om torsdagen», bærbar «Løb om tirsdagen»"),
        "{preview}"
    );
    assert_eq!(one::<i64>(&db, "SELECT count(*) FROM partners"), before);

    let merged = ok(&sundby(&office, &["merge", back.to_str().unwrap()]));
    assert!(merged.contains("konflikter:    1"), "{merged}");
    assert_eq!(one::<i64>(&db, "SELECT count(*) FROM partners"), before + 1);
    assert_eq!(
        one::<String>(
            &db,
            "SELECT initiative FROM partners WHERE name = 'Løbeklubben'"
        ),
        "Løb om torsdagen",
        "the office's value is kept"
    );
    assert_eq!(
        one::<String>(
            &db,
            "SELECT initiative FROM partners WHERE name = 'Madklubben'"
        ),
        "Mad og motion"
    );
    assert_eq!(
        one::<String>(
            &db,
            "SELECT copy_value FROM merge_history WHERE column_name = 'initiative'"
        ),
        "\"Løb om tirsdagen\"",
        "the laptop's value is in the history"
    );
    // Merging again changes nothing and says so.
    let again = sundby(&office, &["merge", back.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("allerede flettet ind"),
        "{}",
        stderr(&again)
    );
    // A file that is not a copy is refused.
    let junk = csv(dir.path(), "junk.sqlite3", "nope");
    let out = sundby(&office, &["merge", &junk, "--dry-run"]);
    assert!(stderr(&out).contains("ikke en kopi"), "{}", stderr(&out));
}

#[test]
fn a_kill_during_the_merge_leaves_the_office_unchanged_or_fully_merged() {
    let dir = tempfile::tempdir().unwrap();
    let office = dir.path().join("office");
    let mut rows = String::from("Navn;Type;E-mail;Initiativ\n");
    for i in 0..2000 {
        rows.push_str(&format!("Partner {i};Forening;p{i}@eks.dk;Start\n"));
    }
    ok(&sundby(
        &office,
        &["import", &csv(dir.path(), "a.csv", &rows)],
    ));
    let db = office.join("sundby.sqlite3");
    let start: i64 = one(&db, "SELECT count(*) FROM partners");
    let mut outcomes = (0, 0);
    for (round, delay_ms) in [5u64, 40, 120, 400].into_iter().enumerate() {
        let usb = dir.path().join(format!("usb{round}.sqlite3"));
        ok(&sundby(&office, &["copy", "--out", usb.to_str().unwrap()]));
        let laptop = dir.path().join(format!("laptop{round}"));
        std::fs::create_dir_all(&laptop).unwrap();
        std::fs::copy(&usb, laptop.join("sundby.sqlite3")).unwrap();
        let mut more = String::from("Navn;Type;E-mail;Initiativ\n");
        for i in 0..2000 {
            more.push_str(&format!("Partner {i};Forening;p{i}@eks.dk;Runde {round}\n"));
        }
        for i in 0..1500 {
            more.push_str(&format!("Ny {round}-{i};Forening;n{round}x{i}@eks.dk;Ny\n"));
        }
        ok(&sundby(
            &laptop,
            &[
                "import",
                "--dubletter",
                "update",
                &csv(dir.path(), "m.csv", &more),
            ],
        ));
        let back = dir.path().join(format!("back{round}.sqlite3"));
        std::fs::copy(laptop.join("sundby.sqlite3"), &back).unwrap();
        let before: i64 = one(&db, "SELECT count(*) FROM partners");
        let mut child = Command::new(env!("CARGO_BIN_EXE_sundby"))
            .args(["merge", back.to_str().unwrap()])
            .env("SUNDBY_DATA_DIR", &office)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        // SIGKILL: no chance to clean up.
        let _ = child.kill();
        let _ = child.wait();
        let c = Connection::open(&db).unwrap();
        let check: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        let n: i64 = c
            .query_row("SELECT count(*) FROM partners", [], |r| r.get(0))
            .unwrap();
        let merged: Option<String> = c
            .query_row(
                "SELECT merged_at FROM copies_out ORDER BY taken_at DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let changed: i64 = c
            .query_row(
                "SELECT count(*) FROM partners WHERE initiative = ?1",
                [format!("Runde {round}")],
                |r| r.get(0),
            )
            .unwrap();
        if merged.is_some() {
            assert_eq!((n, changed), (before + 1500, 2000), "fully merged");
            outcomes.1 += 1;
        } else {
            assert_eq!((n, changed), (before, 0), "nothing applied");
            outcomes.0 += 1;
            // It can be merged afterwards.
            drop(c);
            ok(&sundby(&office, &["merge", back.to_str().unwrap()]));
            assert_eq!(
                one::<i64>(&db, "SELECT count(*) FROM partners"),
                before + 1500
            );
        }
    }
    assert!(one::<i64>(&db, "SELECT count(*) FROM partners") > start);
    eprintln!(
        "killed before commit: {}, after: {}",
        outcomes.0, outcomes.1
    );
}

/// "Åbn en kopi" and "Luk kopien" through the commands, as the window calls
/// them: a file that is not a copy is refused and the office stays open; a
/// copy in the copies' folder replaces the open database (the banner's
/// `copy_info` says so, writes go into the copy's file) until `copy_close`.
#[test]
fn commands_open_a_copy_refuse_a_foreign_file_and_close_the_copy() {
    use crate::common::mock::{invoke, Harness};
    use serde_json::json;
    use sundby::commands::AppState;
    use sundby_core::store::Store;

    let dir = tempfile::tempdir().unwrap();
    let app_dir = dir.path().join("app");
    let (store, _) = Store::open_dir(&app_dir).unwrap();
    let h = Harness::with_state(AppState::new(Ok(store), Some(app_dir.clone())));
    let out = dir.path().join("Dokumenter");
    invoke(
        &h,
        "output_folder_save",
        json!({ "folder": out.display().to_string() }),
    )
    .unwrap();
    let taken = invoke(&h, "copy_take", json!({})).unwrap();
    let copy = taken["path"].as_str().unwrap().to_string();
    let junk = Path::new(&copy).with_file_name("noter.sqlite3");
    std::fs::write(&junk, b"ikke vores").unwrap();

    let err = invoke(
        &h,
        "copy_open",
        json!({ "path": junk.display().to_string() }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "sync.not_a_copy");
    assert!(err["message"].as_str().unwrap().contains("Intet er ændret"));
    assert_eq!(invoke(&h, "copy_info", json!({})).unwrap(), json!(null));
    // A path neither chosen in the dialog nor in the copies' folder.
    let elsewhere = dir.path().join("kopi.sqlite3");
    std::fs::copy(&copy, &elsewhere).unwrap();
    let err = invoke(
        &h,
        "copy_open",
        json!({ "path": elsewhere.display().to_string() }),
    );
    assert!(err.is_err());

    let info = invoke(&h, "copy_open", json!({ "path": copy })).unwrap();
    assert_eq!(invoke(&h, "copy_info", json!({})).unwrap(), info);
    invoke(
        &h,
        "partner_create",
        json!({ "input": { "name": "Messeklubben", "kind": "forening" } }),
    )
    .unwrap();
    let in_copy: i64 = one(Path::new(&copy), "SELECT count(*) FROM partners");
    assert_eq!(in_copy, 1, "written into the copy's file");
    let list = invoke(&h, "partners_list", json!({ "query": {} })).unwrap();
    assert_eq!(list["total"], 1, "{list}");
    // Taking a copy of a copy is refused.
    assert_eq!(
        invoke(&h, "copy_take", json!({})).unwrap_err()["code"],
        "sync.is_a_copy"
    );

    invoke(&h, "copy_close", json!({})).unwrap();
    assert_eq!(invoke(&h, "copy_info", json!({})).unwrap(), json!(null));
    let list = invoke(&h, "partners_list", json!({ "query": {} })).unwrap();
    assert_eq!(list["total"], 0, "{list}");
    let office: i64 = one(
        &app_dir.join("sundby.sqlite3"),
        "SELECT count(*) FROM partners",
    );
    assert_eq!(office, 0);
}

/// A copy opened with "Åbn en kopi" that is gone at the next start (the USB
/// stick is out): the office database opens, and the window is told why,
/// once.
#[test]
fn a_remembered_copy_that_is_gone_is_named_once_at_the_next_start() {
    use crate::common::mock::{invoke, Harness};
    use serde_json::json;
    use sundby::commands::AppState;
    use sundby_core::store::Store;

    let dir = tempfile::tempdir().unwrap();
    let app_dir = dir.path().join("app");
    let (store, _) = Store::open_dir(&app_dir).unwrap();
    let h = Harness::with_state(AppState::new(Ok(store), Some(app_dir.clone())));
    let out = dir.path().join("Dokumenter");
    invoke(
        &h,
        "output_folder_save",
        json!({ "folder": out.display().to_string() }),
    )
    .unwrap();
    let copy = invoke(&h, "copy_take", json!({})).unwrap()["path"]
        .as_str()
        .unwrap()
        .to_string();
    invoke(&h, "copy_open", json!({ "path": copy })).unwrap();
    assert_ne!(invoke(&h, "copy_info", json!({})).unwrap(), json!(null));
    drop(h);
    std::fs::remove_file(&copy).unwrap();

    // The next start: what the app does in `open_state`.
    let (store, forgotten) = sundby_core::sync::open::at_start(&app_dir);
    assert!(forgotten.is_some(), "the gone copy is named");
    let state = AppState::new(store, Some(app_dir.clone()));
    state.set_start_notice(forgotten);
    let h = Harness::with_state(state);
    assert_eq!(invoke(&h, "copy_info", json!({})).unwrap(), json!(null));
    let notice = invoke(&h, "copy_start_notice", json!({})).unwrap();
    assert!(
        notice["code"].as_str().unwrap().starts_with("sync."),
        "{notice}"
    );
    assert!(!notice["message"].as_str().unwrap().is_empty());
    assert_eq!(
        invoke(&h, "copy_start_notice", json!({})).unwrap(),
        json!(null),
        "said once"
    );
}
