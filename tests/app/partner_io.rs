//! Partner import and export through the CLI (all or nothing) and through
//! the commands as the UI calls them.

use crate::common::cli::sundby;
use crate::common::fixtures::fixture;
use calamine::Reader;
use rusqlite::Connection;
use serde_json::{json, Value};
use std::path::PathBuf;
// ── CLI ──

#[test]
fn cli_imports_all_or_nothing_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let fx = fixture("import/danish-excel-1252.csv");
    let out = sundby(&data, &["import", fx.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("importeret: 5 partnere fra danish-excel-1252.csv"),
        "{text}"
    );

    // A file with invalid rows: every problem printed, exit non-zero, nothing changed.
    let bad = dir.path().join("dårlig.csv");
    std::fs::write(
        &bad,
        "Navn;Type;E-mail\nNy;Forening;ny@eks.dk\n;Forening;\nX;Rumvæsen;ikke-mail\n",
    )
    .unwrap();
    let out = sundby(&data, &["import", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Række 3, kolonne «Navn»: Navnet skal udfyldes"),
        "{err}"
    );
    assert!(
        err.contains("Række 4, kolonne «Type»: Aktørtypen har en ukendt værdi «Rumvæsen»"),
        "{err}"
    );
    assert!(err.contains("Række 4, kolonne «E-mail»:"), "{err}");
    assert!(err.contains("Intet er importeret: 3 problemer"), "{err}");
    let conn = Connection::open(data.join("sundby.sqlite3")).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM partners", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 5);
    drop(conn);

    // Importing the same file again skips every row as a duplicate.
    let out = sundby(&data, &["import", fx.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("importeret: 0 partnere"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("5 sprunget over"));

    let xlsx = dir.path().join("ud.xlsx");
    let out = sundby(&data, &["export", xlsx.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("eksporteret: 5 partnere"));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let out = sundby(
        &data,
        &["export", dir.path().join("ud.pdf").to_str().unwrap()],
    );
    assert!(!out.status.success());
}

// ── commands through the mock runtime ──

mod commands {
    use super::*;
    use crate::common::{invoke, Harness};
    use base64::Engine;
    use sundby_core::store::Store;

    #[test]
    fn preview_import_undo_and_export_as_the_ui_calls_them() {
        let export_dir = tempfile::tempdir().unwrap();
        let store = Store::open_in_memory().unwrap();
        sundby_core::files::set_folder_setting(
            &store.conn,
            &export_dir.path().display().to_string(),
            sundby_core::files::FIELD,
        )
        .unwrap();
        let w = Harness::new(store);
        let data = base64::engine::general_purpose::STANDARD
            .encode(std::fs::read(fixture("import/danish-excel-1252.csv")).unwrap());

        let p = invoke(
            &w,
            "partner_import_preview",
            json!({ "data": data, "mapping": null }),
        )
        .unwrap();
        assert_eq!(p["row_count"], 5);
        assert_eq!(p["columns"][0]["field"], "name");
        assert_eq!(p["columns"][0]["header"], "Navn");
        assert_eq!(p["problems"].as_array().unwrap().len(), 0);

        // The consultant skips the goals column: mapping sent back as keys.
        let mut mapping: Vec<Value> = p["columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["field"].clone())
            .collect();
        mapping[4] = Value::Null;
        let p2 = invoke(
            &w,
            "partner_import_preview",
            json!({ "data": data, "mapping": mapping }),
        )
        .unwrap();
        // Active partners without goals are now problems.
        assert!(p2["problems"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["code"] == "partners.goals_required"));

        let r = invoke(
            &w,
            "partner_import_run",
            json!({ "data": data, "fileName": "liste.csv", "mapping": p["columns"].as_array().unwrap().iter().map(|c| c["field"].clone()).collect::<Vec<_>>(), "onDuplicate": "skip" }),
        )
        .unwrap();
        assert_eq!(r["created"], 5);
        let batches = invoke(&w, "partner_import_batches", json!({})).unwrap();
        assert_eq!(batches[0]["file_name"], "liste.csv");

        let path = invoke(
            &w,
            "partner_export",
            json!({ "query": { "search": "ærøvej" }, "format": "xlsx" }),
        )
        .unwrap();
        let path = PathBuf::from(path.as_str().unwrap());
        assert!(path.starts_with(export_dir.path().join("Partnere")));
        let mut book = calamine::open_workbook_auto(&path).unwrap();
        let range = book.worksheet_range_at(0).unwrap().unwrap();
        assert_eq!(range.height(), 2, "header and the one partner found");

        let u = invoke(
            &w,
            "partner_import_undo",
            json!({ "batchId": r["batch_id"] }),
        )
        .unwrap();
        assert_eq!(u["removed"], 5);
        let err = invoke(
            &w,
            "partner_import_undo",
            json!({ "batchId": r["batch_id"] }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "import.already_undone");
        assert_eq!(err["message"], "Importen er allerede fortrudt.");

        let err = invoke(
            &w,
            "partner_import_preview",
            json!({ "data": "", "mapping": null }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "import.empty_file");
        assert_eq!(err["field"], "import_file");
    }
}
