//! Partner import in the real window (issue 3): choose a file, go through
//! the mapping step and the preview, import, and undo the whole batch; a
//! file with bad rows shows each problem and cannot be imported.

use crate::harness::App;
use fantoccini::Locator;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn partner_count(data_dir: &Path) -> i64 {
    let conn = rusqlite::Connection::open_with_flags(
        data_dir.join("sundby.sqlite3"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    conn.query_row("SELECT count(*) FROM partners", [], |r| r.get(0))
        .unwrap()
}

/// Chooses `path` in the file input, as a person does in the file dialog.
async fn choose_file(app: &App, path: &Path) {
    let input = app.wait("#import-file-input").await;
    input
        .send_keys(&path.display().to_string())
        .await
        .unwrap_or_else(|e| panic!("choose {}: {e}", path.display()));
}

#[tokio::test]
async fn import_a_file_through_the_mapping_step_and_undo_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    // The harness points the default documents folder into the test's folder.
    let export_dir = crate::harness::output_dir(&app.data_dir).join("Partnere");
    // The empty list offers the import.
    app.goto("#/partnere").await;
    app.wait("#main a[href='#/partnere/import']").await;
    app.goto("#/partnere/import").await;
    app.wait_text("#main h2", "Importér partnere").await;

    choose_file(&app, &fixture("danish-excel-1252.csv")).await;
    app.wait("#import-mapping-table").await;
    assert_eq!(
        app.text("#import-format").await,
        "CSV, Windows-1252, semikolon ; · 5 rækker · 13 kolonner"
    );
    // The mapping was guessed from the Danish headers.
    let fields = app
        .js("Array.from(document.querySelectorAll('#import-mapping-table select')).map(s => s.value)")
        .await;
    let fields: Vec<String> = serde_json::from_value(fields).unwrap();
    assert_eq!(
        &fields[..5],
        ["name", "kind", "status", "joined_on", "goals"]
    );
    assert_eq!(fields[12], "website");
    app.wait_text("#import-ok", "Alle 5 rækker er i orden.")
        .await;

    // The consultant leaves out the website column.
    let select = app
        .wait("#import-mapping-table select[data-column='12']")
        .await;
    select.select_by_value("").await.unwrap();
    app.wait_js("!document.querySelector('#import-sample thead th:last-child .mapped')")
        .await;

    // The goals column left out makes the active partners invalid: shown
    // per row, and the import cannot start.
    let goals = app
        .wait("#import-mapping-table select[data-column='4']")
        .await;
    goals.select_by_value("").await.unwrap();
    app.wait("#import-problems").await;
    let first = app.texts("#import-problems tbody tr:first-child td").await;
    assert_eq!(
        first,
        ["2", "", "En aktiv partner skal have mindst én målsætning"]
    );
    assert_eq!(
        app.js("document.querySelector('#import-go').disabled")
            .await,
        true
    );
    let goals = app
        .wait("#import-mapping-table select[data-column='4']")
        .await;
    goals.select_by_value("goals").await.unwrap();
    app.wait("#import-ok").await;
    let text = app.js("document.querySelector('#main').textContent").await;
    assert!(!text.as_str().unwrap().contains("null"), "{text}");

    app.click("#import-go").await;
    app.wait_text(
        "#import-done",
        "5 partnere er importeret fra danish-excel-1252.csv (0 opdateret, 0 sprunget over).",
    )
    .await;
    assert_eq!(partner_count(&app.data_dir), 5);
    let history = app.texts("#import-history li").await;
    assert_eq!(history.len(), 1);
    assert!(
        history[0].starts_with("danish-excel-1252.csv"),
        "{history:?}"
    );

    // Undo the whole batch from the result.
    app.click("#import-undo").await;
    app.click(".dialog .btn.danger").await;
    app.wait_text(
        "#import-undone",
        "Importen er fortrudt: 5 partnere er fjernet og 0 sat tilbage.",
    )
    .await;
    assert_eq!(partner_count(&app.data_dir), 0);
    app.wait_text("#import-history .badge", "fortrudt").await;

    // Import again (nothing is a duplicate now), then export the filtered
    // list from the partner list: only what is shown.
    choose_file(&app, &fixture("danish-excel-1252.csv")).await;
    app.wait("#import-ok").await;
    app.click("#import-go").await;
    app.wait("#import-done").await;
    assert_eq!(partner_count(&app.data_dir), 5);
    app.goto("#/partnere").await;
    app.wait_js("document.querySelectorAll('#partner-rows tr').length === 5")
        .await;
    app.fill("#partner-search", "ærøvej").await;
    app.wait_js("document.querySelectorAll('#partner-rows tr').length === 1")
        .await;
    app.click("[data-export='xlsx']").await;
    app.wait_js("document.querySelector('#notice').textContent.startsWith('Listen er gemt i ')")
        .await;
    let notice = app.text("#notice").await;
    let path = PathBuf::from(notice.trim_start_matches("Listen er gemt i "));
    assert!(path.starts_with(&export_dir), "{notice}");
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    use calamine::Reader;
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(range.height(), 2, "header and the one partner shown");
    assert_eq!(range.get((1, 0)).unwrap().to_string(), "Ærøvej Løbeklub");

    // Undo the second batch from the import page's history.
    app.goto("#/partnere/import").await;
    app.click("#import-history button[data-batch]").await;
    app.click(".dialog .btn.danger").await;
    app.wait_js("document.querySelector('#notice').textContent === 'Importen er fortrudt: 5 partnere er fjernet og 0 sat tilbage.'")
        .await;
    app.wait_js("document.querySelectorAll('#import-history .badge').length === 2")
        .await;
    assert_eq!(partner_count(&app.data_dir), 0);
    app.quit().await;
}

#[tokio::test]
async fn a_file_with_bad_rows_shows_each_problem_and_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("dårlig.csv");
    std::fs::write(
        &bad,
        "Navn;Type;E-mail\r\n<b>Fed</b> forening;Forening;ok@eks.dk\r\n;Forening;\r\nX;Rumvæsen;x\r\n",
    )
    .unwrap();
    let app = App::start(dir.path()).await;
    app.goto("#/partnere/import").await;
    choose_file(&app, &bad).await;
    app.wait("#import-problems").await;
    let rows = app
        .js("Array.from(document.querySelectorAll('#import-problems tbody tr')).map(r => Array.from(r.cells).map(c => c.textContent))")
        .await;
    let rows: Vec<Vec<String>> = serde_json::from_value(rows).unwrap();
    assert_eq!(rows[0], ["3", "Navn", "Navnet skal udfyldes"]);
    assert_eq!(rows[1][..2], ["4".to_string(), "Type".to_string()]);
    assert!(rows[1][2].starts_with("Aktørtypen har en ukendt værdi «Rumvæsen»"));
    assert_eq!(rows[2][1], "E-mail");
    let text = app.js("document.querySelector('#main').textContent").await;
    assert!(!text.as_str().unwrap().contains("null"), "{text}");
    assert_eq!(
        app.text("#import-problem-summary").await,
        "2 rækker har i alt 3 problemer. Ret filen og vælg den igen; intet importeres, før alle rækker er i orden."
    );
    // HTML in a cell shows as text.
    assert_eq!(
        app.js("document.querySelector('#import-sample tbody td:nth-child(2)').textContent")
            .await,
        "<b>Fed</b> forening"
    );
    assert!(app
        .client
        .find(Locator::Css("#import-sample b"))
        .await
        .is_err());
    assert_eq!(
        app.js("document.querySelector('#import-go').disabled")
            .await,
        true
    );
    assert_eq!(partner_count(&app.data_dir), 0);
    app.quit().await;
}
