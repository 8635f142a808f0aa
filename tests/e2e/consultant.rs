//! What a consultant hit in the landed areas (issue 18), each in the real
//! window: a signature chosen before the first save, a ceremony that keeps
//! its partners across a restart, detail boxes whose labels and values stay
//! together, every contact error at once, notices that cover no control,
//! the pool's year and wording, the shared partner picker, our own file
//! button, the empty events list and the header's link to Indstillinger,
//! and the UI's clock just after midnight in Copenhagen.

use crate::harness::{output_dir, App};
use serde_json::json;
use std::path::Path;
use sundby_core::store::{new_id, now, Store};

const GOAL2: &str = "5b0f6c1e-0002-4c6e-9a51-000000000002";

/// Active partners with a goal, straight into the register's tables.
fn partners(data_dir: &Path, names: &[&str]) -> Vec<String> {
    let (store, _) = Store::open_dir(data_dir).expect("create database");
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let id = new_id();
            store
                .conn
                .execute(
                    "INSERT INTO partners (id, name, name_key, sort_key, kind, status, joined_on, created_at, updated_at)
                     VALUES (?1, ?2, lower(?2), lower(?2), 'forening', 'aktiv', ?3, ?4, ?4)",
                    rusqlite::params![id, name, format!("2025-01-{:02}", i + 1), now()],
                )
                .expect("partner");
            store
                .conn
                .execute(
                    "INSERT INTO partner_goals (partner_id, goal_id) VALUES (?1, ?2)",
                    rusqlite::params![id, GOAL2],
                )
                .expect("goal");
            id
        })
        .collect()
}

/// A small PNG (a dark stroke on white) as a file to choose.
fn signature_file(dir: &Path) -> std::path::PathBuf {
    let mut img = image::RgbaImage::from_pixel(120, 40, image::Rgba([255, 255, 255, 255]));
    for x in 10..110 {
        let y = 20 + ((x as f32 / 9.0).sin() * 8.0) as u32;
        img.put_pixel(x, y, image::Rgba([20, 20, 60, 255]));
    }
    let path = dir.join("underskrift.png");
    img.save(&path).expect("write png");
    path
}

/// Waits until the notice shows exactly `text`.
async fn notice_is(app: &App, text: &str) {
    app.wait_js(&format!(
        "!document.querySelector('#notice').hidden && document.querySelector('#notice .notice-text').textContent === {}",
        json!(text)
    ))
    .await;
}

#[tokio::test]
async fn a_signature_chosen_before_the_first_save_is_saved_with_the_signatory() {
    let dir = tempfile::tempdir().unwrap();
    let png = signature_file(dir.path());
    let app = App::start(dir.path()).await;
    app.goto("#/indstillinger").await;
    let card = "form[data-slot='2']";
    app.fill(&format!("{card} [name='signatory_name']"), "Steen Wrist")
        .await;
    app.fill(&format!("{card} [name='signatory_title']"), "Borgmester")
        .await;
    // Our own button in Danish, not WebKit's "Choose File".
    assert_eq!(
        app.text(&format!("{card} .filepick-button")).await,
        "Vælg fil …"
    );
    assert_eq!(
        app.text(&format!("{card} .filepick-name")).await,
        "Ingen fil valgt"
    );
    app.wait("#signature-file-2")
        .await
        .send_keys(&png.display().to_string())
        .await
        .expect("choose the file");
    // Chosen, not uploaded yet: no refusal, and the field says it waits.
    app.wait_text(&format!("{card} .filepick-name"), "underskrift.png")
        .await;
    app.wait_js(&format!(
        "!document.querySelector(\"{card} .filepick-pending\").hidden"
    ))
    .await;
    assert_eq!(
        app.js(&format!(
            "document.querySelector(\"{card} [data-error-for='signature']\").textContent"
        ))
        .await,
        ""
    );
    app.click(&format!("{card} button[type='submit']")).await;
    notice_is(&app, "Underskriveren og underskriften er gemt.").await;
    // The saved image is shown (a data: URL from the database).
    app.wait_js(&format!(
        "(document.querySelector(\"{card} .image-box img\") || {{}}).src?.startsWith('data:image/')"
    ))
    .await;
    app.quit().await;
    let (store, _) = Store::open_dir(&dir.path().join("data")).unwrap();
    let sig: Option<String> = store
        .conn
        .query_row(
            "SELECT signature_id FROM signatories WHERE slot = 2 AND name = 'Steen Wrist'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(sig.is_some(), "the signature is stored with the signatory");
}

#[tokio::test]
async fn a_ceremony_keeps_its_partners_across_a_restart_and_is_marked_later() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let ids = partners(&data, &["Alfa Løbeklub", "Beta Madskole", "Gamma Kor"]);
    let app = App::start_in(&data).await;
    app.goto("#/diplomer").await;
    app.wait("#diploma-queue").await;
    // Disabled buttons say why.
    app.wait_text(
        "#diploma-mark-why",
        "Gem overrækkelsen, før der laves diplomer.",
    )
    .await;
    app.fill("#ceremony-date", "22.11.2026").await;
    app.fill("#ceremony-place", "Rådhuset").await;
    app.click("#ceremony-save").await;
    notice_is(&app, "Overrækkelsen er gemt.").await;
    app.wait_text(
        "#diploma-mark-why",
        "Markér i listen ovenfor, hvem der har fået deres diplom.",
    )
    .await;
    // Two partners, the second first.
    app.click(&format!("input[data-partner-id='{}']", ids[1]))
        .await;
    app.click(&format!("input[data-partner-id='{}']", ids[0]))
        .await;
    app.click("#diploma-generate").await;
    app.wait("#diploma-result").await;
    let pdf = output_dir(&data)
        .join("Diplomer")
        .join("Diplomer 2026-11-22 Rådhuset.pdf");
    assert!(pdf.exists(), "{} missing", pdf.display());
    app.quit().await;

    // A week later: the app opens on the ceremony with its partners, in order.
    let app = App::start_in(&data).await;
    app.goto("#/diplomer").await;
    app.wait_text("#dip-picked-h", "Valgt til udskrift (2)")
        .await;
    assert_eq!(
        app.texts("#diploma-picked li span:first-child").await,
        ["Beta Madskole", "Alfa Løbeklub"]
    );
    assert_eq!(
        app.js("document.querySelector('#diploma-mark').disabled")
            .await,
        false
    );
    app.wait("#diploma-printed").await;
    app.click("#diploma-mark").await;
    app.click(".dialog .btn:not(.secondary)").await;
    app.wait_js("document.querySelectorAll('#diploma-queue .queue-name').length === 1")
        .await;
    // Nothing was printed again: no "… (2).pdf".
    let again = pdf.with_file_name("Diplomer 2026-11-22 Rådhuset (2).pdf");
    assert!(!again.exists());
    app.quit().await;
    let (store, _) = Store::open_dir(&data).unwrap();
    let issued: i64 = store
        .conn
        .query_row("SELECT count(*) FROM diplomas WHERE is_copy = 0", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(issued, 2);
}

/// Every label (dt) in `css` on the same line as its value (dd): their
/// boxes overlap vertically (baseline-aligned, so with a smaller label font
/// their tops differ by a few pixels) and the value starts right of the label.
async fn labels_beside_values(app: &App, css: &str) {
    let drift = app
        .js(&format!(
            "[...document.querySelectorAll('{css} dt')].map((dt) => {{ \
               const dd = dt.nextElementSibling; \
               const a = dt.getBoundingClientRect(), b = dd.getBoundingClientRect(); \
               return b.top > a.bottom - 1 || a.top > b.bottom - 1 || b.left < a.right - 1 ? dt.textContent + ' / ' + dd.textContent : null; \
             }}).filter(Boolean)"
        ))
        .await;
    assert_eq!(drift, json!([]), "labels and values apart in {css}");
}

#[tokio::test]
async fn event_details_keep_each_label_beside_its_value() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let ids = partners(&data, &["Alfa Løbeklub"]);
    let (fair, meeting) = {
        let (mut store, _) = Store::open_dir(&data).unwrap();
        let mut input = sundby_core::events::EventInput {
            title: "Sundhedsmessen".into(),
            kind: "messe".into(),
            start_date: "14.01.2027".into(),
            start_time: "10:00".into(),
            end_date: "14.01.2027".into(),
            end_time: "15:00".into(),
            place: "Hallen".into(),
            by_municipality: true,
            organiser_ids: vec![ids[0].clone()],
            goal_ids: vec![GOAL2.into()],
            booths: "25".into(),
            visitors: "1200".into(),
            ..Default::default()
        };
        let fair = sundby_core::events::store::save(&mut store.conn, &input).unwrap();
        input.title = "Netværksmøde".into();
        input.kind = "netvaerksmoede".into();
        input.goal_ids.clear();
        input.organiser_ids.clear();
        input.booths.clear();
        input.visitors.clear();
        let meeting = sundby_core::events::store::save(&mut store.conn, &input).unwrap();
        (fair.event.id, meeting.event.id)
    };
    let app = App::start_in(&data).await;
    for id in [&fair, &meeting] {
        app.goto(&format!("#/arrangementer/{id}")).await;
        app.wait("#event-facts").await;
        labels_beside_values(&app, "#event-facts").await;
    }
    // The meeting's goals: "Ingen valgt" beside "Målsætninger".
    let pairs = app
        .js("[...document.querySelectorAll('#event-facts .fact')].map((f) => f.querySelector('dt').textContent + '=' + f.querySelector('dd').textContent)")
        .await;
    assert!(
        pairs
            .as_array()
            .unwrap()
            .contains(&json!("Målsætninger=Ingen valgt")),
        "{pairs}"
    );
    app.goto(&format!("#/arrangementer/{fair}")).await;
    app.wait("#event-facts").await;
    let pairs = app
        .js("[...document.querySelectorAll('#event-facts .fact')].map((f) => f.querySelector('dt').textContent + '=' + f.querySelector('dd').textContent)")
        .await;
    assert!(
        pairs
            .as_array()
            .unwrap()
            .contains(&json!("Antal stande=25")),
        "{pairs}"
    );
    // The partner page's details use the same list: each label with its
    // value in one group.
    app.goto(&format!("#/partnere/{}", ids[0])).await;
    app.wait("#main .facts").await;
    assert_eq!(
        app.js("[...document.querySelectorAll('#main dt')].every((dt) => dt.parentElement.classList.contains('fact') && dt.nextElementSibling && dt.nextElementSibling.tagName === 'DD')")
            .await,
        true
    );
    app.quit().await;
}

#[tokio::test]
async fn every_error_of_a_contact_is_shown_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    app.goto("#/partnere/ny").await;
    app.wait("#partner-form").await;
    app.fill("#partner-form [name='name']", "Børnehuset Solsikken")
        .await;
    app.js("(document.querySelector('#partner-form [name=kind]').value = 'institution', true)")
        .await;
    app.js("(document.querySelector('#pf-add-contact').click(), true)")
        .await;
    app.fill(".contact-row [data-contact='name']", "Hanne Holm")
        .await;
    app.fill(".contact-row [data-contact='email']", "hanne@solsikken")
        .await;
    app.fill(".contact-row [data-contact='phone']", "1234")
        .await;
    app.js("(document.querySelector('#pf-save').click(), true)")
        .await;
    app.wait_js(
        "document.querySelector(\".contact-row [data-error-for='email']\").textContent !== ''",
    )
    .await;
    assert_ne!(
        app.js("document.querySelector(\".contact-row [data-error-for='phone']\").textContent")
            .await,
        "",
        "the phone's error on the first save"
    );
    assert!(app
        .text("#partner-form-summary")
        .await
        .starts_with("Formularen har 2 fejl"));
    app.quit().await;
}

#[tokio::test]
async fn a_notice_covers_no_control_and_can_be_dismissed() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    app.goto("#/indstillinger").await;
    for slot in ["1", "2"] {
        let card = format!("form[data-slot='{slot}']");
        app.fill(&format!("{card} [name='signatory_name']"), "Anne Madsen")
            .await;
        app.fill(&format!("{card} [name='signatory_title']"), "Formand")
            .await;
        // A real click at the button (fails when the notice lies over it).
        app.click(&format!("{card} button[type='submit']")).await;
        notice_is(&app, "Underskriveren er gemt.").await;
    }
    // No control of the view lies under the notice.
    let covered = app
        .js("(() => { const n = document.querySelector('#notice').getBoundingClientRect(); \
             return [...document.querySelectorAll('#main button, #main input, #main select, #main textarea, #main a, #nav a')] \
               .filter((el) => { const r = el.getBoundingClientRect(); \
                 return r.width > 0 && r.left < n.right && r.right > n.left && r.top < n.bottom && r.bottom > n.top; }) \
               .map((el) => el.textContent || el.name || el.id); })()")
        .await;
    assert_eq!(covered, json!([]));
    // Dismissed with its close button.
    app.click("#notice .notice-close").await;
    app.wait_js("document.querySelector('#notice').hidden")
        .await;
    app.quit().await;
}

#[tokio::test]
async fn the_pool_opens_on_the_year_that_exists_and_reads_well() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let ids = partners(&data, &["Idrætsforeningen Ærø"]);
    let next = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::Copenhagen)
        .format("%Y")
        .to_string()
        .parse::<i32>()
        .unwrap()
        + 1;
    {
        let (mut store, _) = Store::open_dir(&data).unwrap();
        sundby_core::grants::create_pool(
            &mut store.conn,
            &sundby_core::grants::PoolInput {
                year: next,
                total: "100.000".into(),
                max_per_application: "20.000".into(),
                criteria: String::new(),
            },
        )
        .unwrap();
        let long_goal = "At flere borgere i alle aldre bevæger sig mindst 30 minutter hver eneste dag året rundt";
        store
            .conn
            .execute(
                "UPDATE goals SET title = ?1 WHERE id = ?2",
                rusqlite::params![long_goal, GOAL2],
            )
            .unwrap();
        let input = sundby_core::grants::ApplicationInput {
            year: next,
            partner_id: ids[0].clone(),
            received_on: format!("{next}-01-10"),
            purpose: "Familieløb".into(),
            requested: "12.500".into(),
            ..Default::default()
        };
        sundby_core::grants::create_application(&mut store.conn, &input).unwrap();
    }
    let app = App::start_in(&data).await;
    app.goto("#/pulje").await;
    app.wait("#grant-year").await;
    assert_eq!(
        app.js("document.querySelector('#grant-year').value").await,
        json!(next.to_string())
    );
    let pending = app.text("#grant-pool .hint").await;
    assert!(pending.ends_with("12.500,00 kr."), "{pending}");
    assert!(!pending.contains("kr.."), "{pending}");
    // The totals' tables stay inside their cards.
    let overflow = app
        .js("[...document.querySelectorAll('#grant-totals table')].map((t) => t.getBoundingClientRect().right - t.closest('.card').getBoundingClientRect().right)")
        .await;
    for o in overflow.as_array().unwrap() {
        assert!(
            o.as_f64().unwrap() <= 1.0,
            "a table overflows its card by {o}px"
        );
    }
    app.quit().await;
}

#[tokio::test]
async fn organisers_are_picked_by_typing_with_chips_for_the_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let names: Vec<String> = (1..=60).map(|i| format!("Forening nr. {i:02}")).collect();
    let mut all: Vec<&str> = names.iter().map(String::as_str).collect();
    all.push("Solsikken Børnehus");
    partners(&data, &all);
    let app = App::start_in(&data).await;
    app.goto("#/arrangementer/ny").await;
    app.wait("#event-organisers").await;
    app.fill("input[name='event_title']", "Temadag").await;
    app.fill("input[name='start_date']", "14.01.2027").await;
    app.fill("input[name='start_time']", "10:00").await;
    app.fill("input[name='end_time']", "12:00").await;
    // Typing filters the 61 partners to one; Enter picks it as a chip.
    app.fill("#event-organisers", "solsik").await;
    app.wait_js("document.querySelectorAll('#event-organisers-list .picker-option').length === 1")
        .await;
    app.wait("#event-organisers")
        .await
        .send_keys("\u{E007}")
        .await
        .unwrap();
    app.wait_text(
        "[data-picker='organisers'] .picker-chip span",
        "Solsikken Børnehus",
    )
    .await;
    // The picker is labelled, and its chips have labelled remove buttons.
    assert_eq!(
        app.js("document.querySelector(\"label[for='event-organisers']\").textContent.length > 0")
            .await,
        true
    );
    assert_eq!(
        app.js("document.querySelector('.picker-chip .chip-remove').getAttribute('aria-label')")
            .await,
        "Fjern Solsikken Børnehus"
    );
    app.click("#event-save").await;
    app.wait("#event-facts").await;
    assert!(app
        .text("#event-facts")
        .await
        .contains("Solsikken Børnehus"));
    app.quit().await;
}

#[tokio::test]
async fn empty_database_wording_and_english_hints() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    // The header leads to Indstillinger on an empty database.
    assert_eq!(
        app.js("document.querySelector('#header-setup').getAttribute('href')")
            .await,
        "#/indstillinger"
    );
    // No events at all: say so and offer the first one.
    app.goto("#/arrangementer").await;
    app.wait_text("#events-empty h3", "Der er ingen arrangementer endnu")
        .await;
    app.wait("#event-new-first").await;
    // English: the signatory title hint is English too.
    app.goto("#/indstillinger").await;
    app.js("(() => { const s = document.querySelector('select[name=language]'); s.value = 'en'; s.dispatchEvent(new Event('change', { bubbles: true })); return true; })()")
        .await;
    app.wait_js("document.documentElement.lang === 'en'").await;
    app.wait("form[data-slot='1']").await;
    let hint = app
        .js("document.querySelector(\"form[data-slot='1'] [name='signatory_title']\").parentElement.querySelector('.hint').textContent")
        .await;
    assert!(hint.as_str().unwrap().starts_with("e.g. Chair"), "{hint}");
    assert_eq!(
        app.text("form[data-slot='1'] .filepick-button").await,
        "Choose file …"
    );
    app.quit().await;
}

#[tokio::test]
async fn the_ui_clock_is_danish_just_after_midnight() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    // 23:40 UTC on 1 December is 00:40 on 2 December in Copenhagen.
    let got = app
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             import('./clock.js').then((c) => { \
               c.setClock(() => Date.UTC(2026, 11, 1, 23, 40)); \
               const today = c.todayIso(); \
               return import('./format.js').then((f) => { const r = [today, f.todayDanish(), f.fileStamp()]; c.setClock(null); done(r); }); \
             });",
            vec![],
        )
        .await
        .expect("script");
    assert_eq!(got, json!(["2026-12-02", "02.12.2026", "2026-12-02 00.40"]));
    app.quit().await;
}
