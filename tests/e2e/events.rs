//! Arrangementer in the real window: a network meeting is created (bad input
//! first), all active partners are invited, two are marked as attended, the
//! partner's page shows it, and a newsletter is built and recorded.

use crate::harness::{output_dir, App};
use sundby_core::store::{new_id, Store};

/// Partners straight into the register's tables before the app starts, so
/// this test does not depend on the partner form.
fn seed(data_dir: &std::path::Path) -> (String, String) {
    let (store, _) = Store::open_dir(data_dir).unwrap();
    let add = |name: &str, status: &str| {
        let id = new_id();
        store
            .conn
            .execute(
                "INSERT INTO partners (id, name, name_key, sort_key, kind, status, created_at, updated_at)
                 VALUES (?1, ?2, lower(?2), lower(?2), 'forening', ?3, '2026-11-10T10:00:00.000Z', '2026-11-10T10:00:00.000Z')",
                rusqlite::params![id, name, status],
            )
            .unwrap();
        id
    };
    let alfa = add("Alfa Løbeklub", "aktiv");
    let beta = add("Beta Madskole", "aktiv");
    add("Gamma Interesseret", "interesseret");
    store
        .conn
        .execute(
            "UPDATE partners SET joined_on = '2026-11-10', consent_public = 1, consent_email = 1 WHERE id = ?1",
            [&alfa],
        )
        .unwrap();
    store
        .conn
        .execute(
            "INSERT INTO contacts (id, partner_id, name, email, is_primary, created_at, updated_at)
             VALUES ('k1', ?1, 'Anne Alfa', 'anne@alfa.dk', 1, '2026-11-10T10:00:00.000Z', '2026-11-10T10:00:00.000Z')",
            [&alfa],
        )
        .unwrap();
    (alfa, beta)
}

#[tokio::test]
async fn network_meeting_invite_attend_partner_page_and_newsletter() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let (alfa, _beta) = seed(&data_dir);
    let app = App::start_in(&data_dir).await;

    app.goto("#/arrangementer").await;
    app.wait_text("#main h2", "Arrangementer").await;
    app.click("#event-new").await;
    app.wait("input[name='event_title']").await;
    app.fill("input[name='event_title']", "Netværksmøde om bevægelse")
        .await;
    app.fill("input[name='start_date']", "14.01.2027").await;
    app.fill("input[name='start_time']", "16:00").await;
    app.fill("input[name='end_time']", "15:00").await;
    app.fill("input[name='event_place']", "Rådhuset").await;
    app.click("#event-save").await;
    // End before start: the message is at the field and nothing is lost.
    app.wait_text(
        "[data-error-for='end_time']",
        "Sluttidspunktet må ikke ligge før starten",
    )
    .await;
    assert_eq!(
        app.js("document.querySelector(\"input[name='event_title']\").value")
            .await,
        "Netværksmøde om bevægelse"
    );
    app.fill("input[name='end_time']", "18:00").await;
    app.click("#event-save").await;
    app.wait_text("#event-title", "Netværksmøde om bevægelse")
        .await;
    app.wait_text("#event-when", "tor. 14.01.2027 kl. 16.00–18.00 · Rådhuset")
        .await;
    let event_id = app
        .js("decodeURIComponent(location.hash.split('/')[2])")
        .await
        .as_str()
        .unwrap()
        .to_string();

    // Invite all active partners: the two active ones, not the interested one.
    app.click("#invite-all").await;
    app.wait_js("document.querySelectorAll('#participants tbody tr').length === 2")
        .await;
    app.wait_text(
        "#participant-counts",
        "2 inviteret · 0 tilmeldt · 0 deltog (0 personer) · 0 afbud",
    )
    .await;
    let names = app.texts("#participants tbody td:nth-child(2)").await;
    assert_eq!(names, ["Alfa Løbeklub", "Beta Madskole"]);

    // Mark both as attended in one go.
    app.js("(document.querySelectorAll('#participants tbody input[type=checkbox]').forEach(c => { c.checked = true; }), true)")
        .await;
    app.click("#mark-attended").await;
    app.wait_text(
        "#participant-counts",
        "0 inviteret · 0 tilmeldt · 2 deltog (2 personer) · 0 afbud",
    )
    .await;
    // The calendar file and the sign-in sheet: no dialog opens in the tests,
    // so both go in the events' folder under the core's names.
    let events_dir = output_dir(&data_dir).join("Arrangementer");
    for (button, name) in [
        ("#event-ics", "Netværksmøde om bevægelse 2027-01-14.ics"),
        (
            "#event-signin",
            "Deltagerliste Netværksmøde om bevægelse 2027-01-14.pdf",
        ),
    ] {
        let file = events_dir.join(name);
        app.click(button).await;
        app.wait_text("#notice", &format!("Gemt: {}", file.display()))
            .await;
        assert!(file.is_file(), "{} missing", file.display());
    }
    // A negative count is refused at the field; the stored count stays.
    app.fill(
        "#participants tbody tr:first-child input[name='people']",
        "-2",
    )
    .await;
    app.js("(document.querySelector(\"#participants tbody tr:first-child input[name='people']\").dispatchEvent(new Event('change')), true)")
        .await;
    app.wait_text(
        "#participants tbody tr:first-child [data-error-for='people']",
        "Antal personer må ikke være negativt",
    )
    .await;
    app.screenshot(&dir.path().join("event.png")).await;
    if let Ok(keep) = std::env::var("SUNDBY_SCREENSHOTS") {
        let _ = std::fs::copy(
            dir.path().join("event.png"),
            format!("{keep}/event-detail.png"),
        );
    }

    // The list shows it under its month, with the attendance.
    app.goto("#/arrangementer").await;
    app.wait_js("document.querySelectorAll('.event-item').length === 1")
        .await;
    assert_eq!(app.text(".event-month h3").await, "Januar 2027");
    assert_eq!(app.text(".event-item .badge").await, "2 af 2 deltog");
    if let Ok(keep) = std::env::var("SUNDBY_SCREENSHOTS") {
        app.screenshot(&std::path::Path::new(&keep).join("events-list.png"))
            .await;
    }

    // The partner's page lists the meeting with the partner's part in it.
    app.goto(&format!("#/partnere/{alfa}")).await;
    app.wait_text(
        "#partner-links tr[data-event-id] td:first-child",
        "Netværksmøde om bevægelse",
    )
    .await;
    assert_eq!(
        app.text("#partner-links tr[data-event-id] .partner-event-role")
            .await,
        "Deltog"
    );
    assert_eq!(
        app.js("document.querySelector('#partner-links tr[data-event-id] a').getAttribute('href')")
            .await,
        format!("#/arrangementer/{event_id}")
    );
    if let Ok(keep) = std::env::var("SUNDBY_SCREENSHOTS") {
        app.js("(document.querySelector('#partner-links').scrollIntoView(), true)")
            .await;
        app.screenshot(&std::path::Path::new(&keep).join("partner-page.png"))
            .await;
    }

    // Newsletter for November–December 2026.
    app.goto("#/arrangementer/nyhedsbrev").await;
    app.fill("input[name='newsletter_from']", "01.11.2026")
        .await;
    app.fill("input[name='newsletter_to']", "31.12.2026").await;
    app.click("#story-add").await;
    app.fill("input[name='story_title']", "<b>Nyt</b> fra løbeklubben")
        .await;
    app.fill(
        "textarea[name='story_body']",
        "Vi løb 5 km.\n\nAlle kom i mål.",
    )
    .await;
    app.click("#newsletter-build").await;
    app.wait_text("#nl-recipients .stat-value", "1").await;
    assert_eq!(app.text("#nl-new-partners .stat-value").await, "1");
    assert_eq!(app.text("#nl-upcoming .stat-value").await, "1");
    let text = app.text("#newsletter-text").await;
    assert!(text.contains("<b>Nyt</b> fra løbeklubben"), "{text}");
    assert!(text.contains("Alfa Løbeklub"));
    assert!(text.contains("Netværksmøde om bevægelse"));
    let html = app
        .js("document.querySelector('#newsletter-result details textarea').value")
        .await;
    let html = html.as_str().unwrap();
    assert!(html.contains("&lt;b&gt;Nyt&lt;/b&gt; fra løbeklubben"));
    assert!(!html.contains("<b>Nyt"));
    assert_eq!(
        app.js("document.querySelector('#newsletter-result textarea').value")
            .await,
        "anne@alfa.dk"
    );
    app.screenshot(&dir.path().join("newsletter.png")).await;
    if let Ok(keep) = std::env::var("SUNDBY_SCREENSHOTS") {
        let _ = std::fs::copy(
            dir.path().join("newsletter.png"),
            format!("{keep}/newsletter.png"),
        );
    }

    app.click("#newsletter-record").await;
    app.click(".dialog .btn:not(.secondary)").await;
    app.wait_js("document.querySelectorAll('#newsletter-issues tbody tr').length === 1")
        .await;
    assert_eq!(
        app.texts("#newsletter-issues tbody td").await[..2],
        ["01.11.2026 – 31.12.2026".to_string(), {
            let today = chrono::Utc::now()
                .with_timezone(&chrono_tz::Europe::Copenhagen)
                .date_naive();
            today.format("%d.%m.%Y").to_string()
        }]
    );
    // The next issue starts where this one ended.
    assert_eq!(
        app.js("document.querySelector(\"input[name='newsletter_from']\").value")
            .await,
        "01.01.2027"
    );
    eprintln!("events e2e: every step checked");
    // For looking at (not asserting): the e-mail HTML as a mail program
    // would show it, when screenshots are asked for.
    if let Ok(keep) = std::env::var("SUNDBY_SCREENSHOTS") {
        let file = dir.path().join("newsletter.html");
        std::fs::write(&file, html).unwrap();
        if app
            .client
            .goto(&format!("file://{}", file.display()))
            .await
            .is_ok()
        {
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            app.screenshot(&std::path::Path::new(&keep).join("newsletter-email.png"))
                .await;
        }
    }
    app.quit().await;
}
