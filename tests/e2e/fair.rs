//! Fair mode and a copy taken along, in the real window: fair mode on a fair
//! event, three visitors signed up (one matching an existing partner), ten
//! visitors counted, fair mode left; a copy taken, a partner changed on both
//! sides, the copy merged with the preview, the laptop's value chosen for the
//! conflict, and both values seen on the partner's history.

use crate::harness::{output_dir, App};
use serde_json::json;
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

/// Checks an exhibitor in with the booths' picker: types part of the name,
/// clicks the match once.
async fn check_in(app: &App, typed: &str, partner: &str) {
    app.fill("#fair-booth-picker", typed).await;
    app.click(&format!(
        "#fair-booth-picker-list .picker-option[data-id='{partner}']"
    ))
    .await;
    app.wait(&format!(
        "[data-picker='booths'] .picker-chip[data-id='{partner}']"
    ))
    .await;
}

fn visitors_and_booths(data_dir: &std::path::Path, fair: &str) -> (Option<i64>, Option<i64>) {
    let c = rusqlite::Connection::open(data_dir.join(DB_FILE)).unwrap();
    c.busy_timeout(std::time::Duration::from_secs(5)).unwrap();
    c.query_row(
        "SELECT visitors, booths FROM events WHERE id = ?1",
        [fair],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

/// "Åbn en kopi" from the window, as on the laptop: a file that is not ours
/// refused with a message, the copy opened (the banner says what it is a
/// copy of), fair work done in it (a booth through the picker, a visitor),
/// the event changed on both sides, "Luk kopien" back to the office, the
/// copy merged and the event's losing value on the event's page.
#[tokio::test]
async fn a_copy_opened_from_the_window_and_closed_again() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let (alfa, fair) = seed(&data_dir);
    let app = App::start_in(&data_dir).await;

    app.goto("#/kopier").await;
    app.wait("#copy-open-card").await;
    app.click("#copy-take").await;
    app.wait("#copies-out tbody tr").await;
    let copies = output_dir(&data_dir).join("Kopier");
    let copy = std::fs::read_dir(&copies)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .next()
        .expect("a copy file");
    let junk = copies.join("indkøbsliste.sqlite3");
    std::fs::write(&junk, b"ikke en database").unwrap();

    app.goto("#/partnere").await;
    app.goto("#/kopier").await;
    app.click("#copy-open-files button[data-path$='indkøbsliste.sqlite3']")
        .await;
    app.wait_js("!document.querySelector('#copy-open-error').hidden")
        .await;
    let refused = app.text("#copy-open-error").await;
    assert!(refused.contains("ikke en kopi"), "{refused}");
    assert!(refused.contains("Intet er ændret"), "{refused}");
    assert_eq!(std::fs::read(&junk).unwrap(), b"ikke en database");
    assert_eq!(
        app.js("document.querySelector('#copy-banner').hidden")
            .await,
        true
    );

    let name = copy.file_name().unwrap().to_string_lossy().into_owned();
    app.click(&format!("#copy-open-files button[data-path$='{name}']"))
        .await;
    // The window starts afresh on the copy and says so plainly.
    app.wait_js("!document.querySelector('#copy-banner').hidden && location.hash === '#/overblik'")
        .await;
    let banner = app.text("#copy-banner").await;
    assert!(banner.contains("KOPI"), "{banner}");
    assert!(banner.contains("Luk kopien"), "{banner}");
    let launcher: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data_dir.join("launcher.json")).unwrap()).unwrap();
    assert_eq!(launcher["copy"], copy.display().to_string());

    // Fair work in the copy.
    app.goto(&format!("#/messe/{fair}")).await;
    app.wait("#fair-form").await;
    check_in(&app, "alfa", &alfa).await;
    app.wait_text("#fair-booths", "1 stand tjekket ind").await;
    app.click("#fair-plus").await;
    app.wait_text("#fair-visitors", "1").await;
    app.click("#fair-leave").await;
    app.click(".dialog .btn:not(.secondary)").await;
    app.wait_js(&format!("location.hash === '#/arrangementer/{fair}'"))
        .await;
    // The event's place changed in the copy and at the office.
    {
        let c = rusqlite::Connection::open(&copy).unwrap();
        c.busy_timeout(std::time::Duration::from_secs(5)).unwrap();
        c.execute(
            "UPDATE events SET place = 'Messecentret' WHERE id = ?1",
            [&fair],
        )
        .unwrap();
        let c = rusqlite::Connection::open(data_dir.join(DB_FILE)).unwrap();
        c.busy_timeout(std::time::Duration::from_secs(5)).unwrap();
        c.execute(
            "UPDATE events SET place = 'Idrætshallen' WHERE id = ?1",
            [&fair],
        )
        .unwrap();
    }
    assert_eq!(
        visitors_and_booths(&data_dir, &fair).0.unwrap_or(0),
        0,
        "the office is untouched"
    );

    // Back to the office ("Luk kopien" asks first).
    app.click("#copy-banner-close").await;
    app.click("#copy-close").await;
    app.click(".dialog .btn:not(.secondary)").await;
    app.wait_js("document.querySelector('#copy-banner').hidden && location.hash === '#/overblik'")
        .await;
    let launcher: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data_dir.join("launcher.json")).unwrap()).unwrap();
    assert!(launcher["copy"].is_null(), "{launcher}");
    // The copy's file is closed: one file again, ready to merge.
    let wal = std::path::PathBuf::from(format!("{}-wal", copy.display()));
    assert!(std::fs::metadata(&wal).map_or(true, |m| m.len() == 0));

    app.goto("#/kopier").await;
    app.click(&format!("#merge-files button[data-path$='{name}']"))
        .await;
    app.wait("#merge-conflicts fieldset").await;
    app.click("#merge-apply").await;
    app.click(".dialog .btn:not(.secondary)").await;
    app.wait("#merge-done").await;
    assert_eq!(visitors_and_booths(&data_dir, &fair), (Some(1), Some(1)));

    // The event's page shows the laptop's losing value beside the office's.
    app.goto(&format!("#/arrangementer/{fair}")).await;
    app.wait("#event-panels .merge-history").await;
    let office = app
        .texts("#event-panels .merge-history .merge-office")
        .await;
    let laptop = app.texts("#event-panels .merge-history .merge-copy").await;
    assert!(office.iter().any(|t| t == "Idrætshallen"), "{office:?}");
    assert!(laptop.iter().any(|t| t == "Messecentret"), "{laptop:?}");
    let fields = app
        .texts("#event-panels .merge-history td:nth-child(2)")
        .await;
    assert!(fields.iter().any(|t| t == "Sted"), "{fields:?}");
    app.quit().await;
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
    // A booth checked in through the shared picker: type, one click.
    check_in(&app, "Alfa", &alfa).await;
    app.wait_text("#fair-booths", "1 stand tjekket ind").await;
    // The check-in's answer redraws the counter with the count it read,
    // which is after every tap before it (one queue): still 10.
    assert_eq!(
        app.js("document.querySelector('#fair-visitors').textContent")
            .await,
        json!("10")
    );
    // Leaving asks first.
    app.click("#fair-leave").await;
    app.click(".dialog .btn:not(.secondary)").await;
    app.wait_js(&format!("location.hash === '#/arrangementer/{fair}'"))
        .await;
    app.wait_js("!document.body.classList.contains('fair-mode')")
        .await;

    // Take a copy (no dialog in the tests: it goes to the copies' folder).
    app.goto("#/kopier").await;
    app.wait("#copy-open-pick").await;
    // No copy files yet: the cards say nothing, not "null".
    let text = app.js("document.querySelector('main').textContent").await;
    assert!(!text.as_str().unwrap_or("").contains("null"), "{text}");
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
