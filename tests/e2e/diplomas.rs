//! The Diplomer view in the real window: create a ceremony, pick two partners
//! from the queue, generate the combined PDF, mark the diplomas as handed out;
//! the queue then no longer lists them and the database holds the diplomas.

use crate::harness::{output_dir, App};
use std::process::Command;
use sundby_core::store::{new_id, now, Store};

fn seed(data_dir: &std::path::Path) -> Vec<String> {
    let (store, _) = Store::open_dir(data_dir).expect("create database");
    let mut ids = Vec::new();
    for (name, joined) in [
        ("Røde Kors Hovedstaden", "2025-01-10"),
        ("Børnehaven Evigglad", "2025-06-01"),
        ("Ærø Åben Skole & Fællesskab", "2026-02-01"),
    ] {
        let id = new_id();
        store
            .conn
            .execute(
                "INSERT INTO partners (id, name, name_key, sort_key, kind, status, joined_on, created_at, updated_at)
                 VALUES (?1, ?2, lower(?2), lower(?2), 'forening', 'aktiv', ?3, ?4, ?4)",
                rusqlite::params![id, name, joined, now()],
            )
            .expect("partner");
        store
            .conn
            .execute(
                "INSERT INTO partner_goals (partner_id, goal_id) VALUES (?1, '5b0f6c1e-0002-4c6e-9a51-000000000002')",
                [&id],
            )
            .expect("goal");
        ids.push(id);
    }
    ids
}

#[tokio::test]
async fn a_ceremony_from_queue_to_handed_out() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    std::fs::create_dir_all(&data_dir).unwrap();
    let ids = seed(&data_dir);
    let out = output_dir(&data_dir).join("Diplomer");

    let app = App::start_in(&data_dir).await;
    app.goto("#/diplomer").await;
    app.wait("#diploma-queue").await;
    // Oldest first.
    assert_eq!(
        app.texts("#diploma-queue .queue-name").await,
        [
            "Røde Kors Hovedstaden",
            "Børnehaven Evigglad",
            "Ærø Åben Skole & Fællesskab"
        ]
    );
    // The preview is drawn from the same layout as the PDF.
    app.wait_js("document.querySelector('#diploma-preview').src.startsWith('blob:')")
        .await;

    // The view shows where the PDFs go (the folder is chosen in
    // Indstillinger); do not open a viewer in the test.
    app.wait_text("#diploma-folder-path", out.to_str().unwrap())
        .await;
    assert_eq!(
        app.js("document.getElementById('diploma-folder-link').getAttribute('href')")
            .await,
        "#/indstillinger"
    );
    app.click("#diploma-open-after").await;
    app.click("#diploma-settings-save").await;
    app.wait_js(
        "document.querySelector('#notice').textContent === 'Diplomets tekst og udseende er gemt.'",
    )
    .await;

    // A ceremony.
    app.fill("#ceremony-date", "22.11.2026").await;
    app.fill("#ceremony-place", "Rådhuset").await;
    app.click("#ceremony-save").await;
    app.wait_js("document.querySelector('#notice').textContent === 'Overrækkelsen er gemt.'")
        .await;

    // Pick two partners, in this order: the newer one first.
    app.click(&format!("input[data-partner-id='{}']", ids[1]))
        .await;
    app.click(&format!("input[data-partner-id='{}']", ids[0]))
        .await;
    assert_eq!(
        app.texts("#diploma-picked li span:first-child").await,
        ["Børnehaven Evigglad", "Røde Kors Hovedstaden"]
    );
    // Preview one page.
    app.click(".queue-row:nth-child(2) button").await;
    app.wait_js(
        "document.querySelector('#diploma-preview').dataset.partner === 'Børnehaven Evigglad'",
    )
    .await;

    app.click("#diploma-generate").await;
    app.wait("#diploma-result").await;
    if let Some(shots) = std::env::var_os("SUNDBY_SCREENSHOT_DIR") {
        app.screenshot(&std::path::Path::new(&shots).join("diplomas-view.png"))
            .await;
    }
    // No dialog opens in the tests: the PDF goes in the diplomas' folder.
    let pdf = out.join("Diplomer 2026-11-22 Rådhuset.pdf");
    assert!(pdf.exists(), "{} missing", pdf.display());
    let text = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    let first = text.find("Børnehaven Evigglad").expect("first page");
    let second = text.find("Røde Kors Hovedstaden").expect("second page");
    assert!(first < second, "pages in the chosen order");
    assert!(!text.contains("Ærø Åben Skole"));

    app.click("#diploma-mark").await;
    app.wait(".dialog .btn:not(.secondary)").await;
    app.click(".dialog .btn:not(.secondary)").await;
    app.wait_js("document.querySelectorAll('#diploma-queue .queue-name').length === 1")
        .await;
    assert_eq!(
        app.texts("#diploma-queue .queue-name").await,
        ["Ærø Åben Skole & Fællesskab"]
    );
    // A reprint from the diplomas handed out: a copy in the same folder,
    // named after the partner.
    app.click("#diploma-done button").await;
    app.wait_js(
        "document.querySelector('#notice').textContent.startsWith('Kopien er gemt som Diplom ')",
    )
    .await;
    let notice = app.text("#notice").await;
    let copy = notice
        .trim_start_matches("Kopien er gemt som ")
        .trim_end_matches('.');
    assert!(
        [
            "Diplom Børnehaven Evigglad.pdf",
            "Diplom Røde Kors Hovedstaden.pdf"
        ]
        .contains(&copy),
        "{notice}"
    );
    assert!(out.join(copy).is_file(), "{notice}");
    app.quit().await;

    // Both are recorded with numbers and the ceremony; the snapshot names
    // them. The reprint is recorded as the one copy.
    let (store, _) = Store::open_dir(&data_dir).unwrap();
    let for_partner =
        |id: &String| sundby_core::diploma::store::for_partner(&store.conn, id).unwrap();
    let originals =
        |id: &String| -> Vec<_> { for_partner(id).into_iter().filter(|d| !d.is_copy).collect() };
    let issued = originals(&ids[1]);
    assert_eq!(issued.len(), 1);
    assert_eq!(issued[0].issued_on, "2026-11-22");
    assert_eq!(issued[0].ceremony_place.as_deref(), Some("Rådhuset"));
    let numbers: Vec<i64> = [&ids[0], &ids[1]]
        .iter()
        .map(|id| originals(id)[0].number)
        .collect();
    assert_eq!(numbers.len(), 2);
    assert_ne!(numbers[0], numbers[1]);
    let copies = [&ids[0], &ids[1]]
        .iter()
        .flat_map(|id| for_partner(id))
        .filter(|d| d.is_copy)
        .count();
    assert_eq!(copies, 1);
}
