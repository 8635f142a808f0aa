//! Fair mode and a copy taken along, in the real window: fair mode on a fair
//! event, three visitors signed up (one matching an existing partner), ten
//! visitors counted, fair mode left; a copy taken, a partner changed on both
//! sides, the copy merged with the preview, the laptop's value chosen for the
//! conflict, and both values seen on the partner's history.

use crate::harness::{output_dir, App};
use sundby_core::events::{self, EventInput};
use sundby_core::partners::{self, ContactInput, PartnerInput};
use sundby_core::store::{Store, DB_FILE};

fn seed(data_dir: &std::path::Path) -> (String, String) {
    let (mut store, _) = Store::open_dir(data_dir).unwrap();
    let alfa = partners::create(
        &mut store.conn,
        &PartnerInput {
            name: "Alfa Løbeklub".into(),
            kind: "forening".into(),
            notes: "Oprindelig note".into(),
            contacts: vec![ContactInput {
                name: "Anne Alfa".into(),
                email: "anne@alfa.dk".into(),
                ..Default::default()
            }],
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    let fair = events::store::save(
        &mut store.conn,
        &EventInput {
            title: "Sundhedsmessen".into(),
            kind: "messe".into(),
            start_date: "2026-12-03".into(),
            start_time: "10:00".into(),
            end_time: "16:00".into(),
            by_municipality: true,
            ..Default::default()
        },
    )
    .unwrap()
    .event
    .id;
    (alfa, fair)
}

async fn sign_up(app: &App, name: &str, email: &str) {
    app.fill("#fair-form input[name='name']", name).await;
    if !email.is_empty() {
        app.fill("#fair-form input[name='email']", email).await;
    }
    app.click("#fair-save").await;
}

#[tokio::test]
async fn fair_mode_copy_and_merge_with_a_chosen_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let (alfa, fair) = seed(&data_dir);
    let app = App::start_in(&data_dir).await;

    app.goto(&format!("#/arrangementer/{fair}")).await;
    app.click("#event-fair").await;
    app.wait("#fair-form").await;
    app.wait_js("document.body.classList.contains('fair-mode')")
        .await;

    sign_up(&app, "Bent Borger", "bent@eks.dk").await;
    app.wait_js("document.querySelector('#fair-saved').textContent.includes('Gemt: Bent Borger')")
        .await;
    sign_up(&app, "Cecilie Cykel", "").await;
    app.wait_js(
        "document.querySelector('#fair-saved').textContent.includes('Gemt: Cecilie Cykel')",
    )
    .await;
    // The third matches Alfa by e-mail: offered as an update.
    sign_up(&app, "Alfa Løb", "anne@alfa.dk").await;
    app.click(&format!("#fair-matches button[data-partner='{alfa}']"))
        .await;
    app.wait_js("document.querySelector('#fair-saved').textContent.includes('Alfa Løbeklub')")
        .await;
    for _ in 0..10 {
        app.click("#fair-plus").await;
    }
    app.wait_text("#fair-visitors", "10").await;
    // Leaving asks first.
    app.click("#fair-leave").await;
    app.click(".dialog .btn:not(.secondary)").await;
    app.wait_js(&format!("location.hash === '#/arrangementer/{fair}'"))
        .await;
    app.wait_js("!document.body.classList.contains('fair-mode')")
        .await;

    // Take a copy (no dialog in the tests: it goes to the copies' folder).
    app.goto("#/kopier").await;
    app.click("#copy-take").await;
    app.wait("#copies-out tbody tr").await;
    let copies = output_dir(&data_dir).join("Kopier");
    let copy = std::fs::read_dir(&copies)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .next()
        .expect("a copy file");

    // The laptop changes Alfa's note; the office too, meanwhile.
    let laptop = dir.path().join("laptop");
    std::fs::create_dir_all(&laptop).unwrap();
    std::fs::copy(&copy, laptop.join(DB_FILE)).unwrap();
    {
        let (l, _) = Store::open_dir(&laptop).unwrap();
        assert!(sundby_core::sync::copy_info(&l.conn).unwrap().is_some());
        l.conn
            .execute(
                "UPDATE partners SET notes = 'Note fra messen' WHERE id = ?1",
                [&alfa],
            )
            .unwrap();
    }
    {
        let c = rusqlite::Connection::open(data_dir.join(DB_FILE)).unwrap();
        c.busy_timeout(std::time::Duration::from_secs(5)).unwrap();
        c.execute(
            "UPDATE partners SET notes = 'Note fra kontoret' WHERE id = ?1",
            [&alfa],
        )
        .unwrap();
    }
    let back = copies.join("retur.sqlite3");
    std::fs::copy(laptop.join(DB_FILE), &back).unwrap();

    app.goto("#/partnere").await;
    app.goto("#/kopier").await;
    app.click("#merge-files button[data-path$='retur.sqlite3']")
        .await;
    app.wait("#merge-preview").await;
    app.wait("#merge-conflicts fieldset").await;
    app.click("#conflict-0-c").await;
    app.click("#merge-apply").await;
    app.click(".dialog .btn:not(.secondary)").await;
    app.wait("#merge-done").await;

    app.goto(&format!("#/partnere/{alfa}")).await;
    app.wait(".merge-history").await;
    let office = app.texts(".merge-history .merge-office");
    let laptop_values = app.texts(".merge-history .merge-copy");
    let (office, laptop_values) = (office.await, laptop_values.await);
    assert!(
        office.iter().any(|t| t == "Note fra kontoret"),
        "{office:?}"
    );
    assert!(
        laptop_values.iter().any(|t| t == "Note fra messen"),
        "{laptop_values:?}"
    );
    let (s, _) = (Store::open_dir(&data_dir).unwrap(), ());
    let notes: String =
        s.0.conn
            .query_row("SELECT notes FROM partners WHERE id = ?1", [&alfa], |r| {
                r.get(0)
            })
            .unwrap();
    assert!(notes.starts_with("Note fra messen"), "{notes}");
    let visitors: i64 =
        s.0.conn
            .query_row("SELECT visitors FROM events WHERE id = ?1", [&fair], |r| {
                r.get(0)
            })
            .unwrap();
    assert_eq!(visitors, 10);
    drop(s);
    app.quit().await;
}
