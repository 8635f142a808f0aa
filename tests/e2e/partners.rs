//! The partner register (issue 3) in the real window: the empty start screen,
//! create with a contact and two goals, find by search, edit, delete and
//! restore; errors at their fields; HTML shown as text; keyboard use; and the
//! time from a keystroke in the search box to the rendered list.

use crate::harness::App;
use std::time::{Duration, Instant};

#[tokio::test]
async fn create_find_edit_delete_and_restore_a_partner() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    app.goto("#/partnere").await;
    // An empty register offers to create a partner or load demo data.
    app.wait_text("#partner-empty h2", "Ingen partnere endnu")
        .await;
    app.wait("#partner-demo").await;

    app.click("#partner-empty a[href='#/partnere/ny']").await;
    app.wait("#partner-form").await;
    // Saving an empty, active partner shows each problem at its field.
    app.js("(document.querySelector('#partner-form [name=status]').value = 'aktiv', true)")
        .await;
    app.click("#pf-save").await;
    app.wait_text(
        "#partner-form [data-error-for='name']",
        "Navnet skal udfyldes",
    )
    .await;
    app.wait_text(
        "#partner-form [data-error-for='kind']",
        "Aktørtypen skal udfyldes",
    )
    .await;
    app.wait_text(
        "#partner-form [data-error-for='goals']",
        "En aktiv partner skal have mindst én målsætning",
    )
    .await;

    let name = "<b>Fredericia</b> Løbeklub";
    app.fill("#partner-form [name='name']", name).await;
    app.js("(document.querySelector('#partner-form [name=kind]').value = 'forening', true)")
        .await;
    app.click("#pf-goals li:nth-child(1) input").await;
    app.click("#pf-goals li:nth-child(2) input").await;
    app.fill(
        "#partner-form [name='initiative']",
        "Gåture fra havnen hver tirsdag",
    )
    .await;
    app.click("#pf-add-contact").await;
    app.fill(".contact-row [data-contact='name']", "Søren Ærøe")
        .await;
    app.fill(".contact-row [data-contact='email']", "soren@example.dk")
        .await;
    app.fill(".contact-row [data-contact='phone']", "12 34 56 78")
        .await;
    app.click("#pf-save").await;

    // The detail page shows the name literally, two goal chips and the contact.
    app.wait("#partner-name").await;
    app.wait_text("#partner-name", name).await;
    assert_eq!(
        app.js("document.querySelectorAll('#partner-name b').length")
            .await,
        0
    );
    let chips = app.texts("#partner-goals li").await;
    assert_eq!(
        chips,
        vec![
            "1 At Fredericia bliver røgfri",
            "2 At Fredericia er i bevægelse"
        ]
    );
    let contact = app.text("#partner-contacts").await;
    assert!(
        contact.contains("Søren Ærøe") && contact.contains("12 34 56 78"),
        "{contact}"
    );
    assert_eq!(app.texts("#partner-history li").await.len(), 1);

    // Find it by searching for the contact's name, open it with the keyboard.
    app.goto("#/partnere").await;
    app.wait("#partner-search").await;
    app.fill("#partner-search", "ærøe").await;
    app.wait_text("#partner-counts", "1 af 1 partnere, 1 aktive")
        .await;
    app.wait_text("#partner-rows tr:first-child .row-link", name)
        .await;
    app.fill("#partner-search", "ingen sådan partner").await;
    app.wait("#partner-none").await;
    app.fill("#partner-search", "løbeklub").await;
    app.wait("#partner-rows tr").await;
    app.wait("#partner-search")
        .await
        .send_keys("\u{E007}") // Enter opens the selected row
        .await
        .unwrap();
    app.wait_text("#partner-name", name).await;

    // Edit: rename and go dormant; the status history gets a dated entry.
    app.click("#partner-edit").await;
    app.wait("#partner-form").await;
    app.fill("#partner-form [name='name']", "Fredericia Løbeklub")
        .await;
    app.js("(document.querySelector('#partner-form [name=status]').value = 'i_dvale', document.querySelector('#partner-form [name=status]').dispatchEvent(new Event('change', {bubbles: true})), true)")
        .await;
    app.fill("#partner-form [name='status_changed_on']", "02.01.2025")
        .await;
    app.click("#pf-save").await;
    app.wait_text("#partner-name", "Fredericia Løbeklub").await;
    let history = app.texts("#partner-history li").await;
    assert_eq!(history.len(), 2);
    assert_eq!(history[0], "02.01.2025 I dvale");

    // Delete moves it to the bin; restore brings it back.
    app.click("#partner-delete").await;
    app.click(".dialog .btn.danger").await;
    app.wait_js("location.hash === '#/partnere'").await;
    app.wait("#partner-empty").await; // the register is empty again
    app.goto("#/partnere/papirkurv").await;
    app.wait_text(
        "#partner-rows tr:first-child .row-link",
        "Fredericia Løbeklub",
    )
    .await;
    app.click("#partner-rows tr:first-child td:nth-child(2)")
        .await;
    app.wait("#partner-in-bin").await;
    app.click("#partner-restore").await;
    app.wait_js(
        "!document.querySelector('#partner-in-bin') && !!document.querySelector('#partner-edit')",
    )
    .await;
    app.goto("#/partnere").await;
    app.wait_text("#partner-counts", "1 partner, 0 aktiv").await;
    app.quit().await;
}

#[tokio::test]
async fn unsaved_changes_are_not_lost_silently() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    app.goto("#/partnere/ny").await;
    app.fill("#partner-form [name='name']", "Halvfærdig partner")
        .await;
    app.click("#nav a[data-route='indstillinger']").await;
    // The guard asks; staying keeps the text.
    app.wait(".dialog").await;
    app.click(".dialog .btn.secondary").await;
    app.wait_js("location.hash === '#/partnere/ny'").await;
    assert_eq!(
        app.js("document.querySelector('#partner-form [name=name]').value")
            .await,
        "Halvfærdig partner"
    );
    app.quit().await;
}

#[tokio::test]
async fn demo_data_list_keyboard_and_keystroke_to_list_time() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    app.goto("#/partnere").await;
    app.click("#partner-demo").await;
    app.wait_text("#partner-counts", "60 partnere, 41 aktive")
        .await;
    // Danish order: æ, ø, å after z.
    app.click("#partner-rows tr:first-child td:nth-child(2)")
        .await;
    app.wait("#partner-name").await;
    app.goto("#/partnere").await;
    app.wait("#partner-rows tr").await;
    app.js("(document.querySelector('#partner-sort').value = 'name', true)")
        .await;
    let page: Vec<String> = serde_json::from_value(
        app.js("Array.from(document.querySelectorAll('#partner-rows .row-link')).map(a => a.textContent)")
            .await,
    )
    .unwrap();
    assert_eq!(page.len(), 50, "paged at 50 rows");
    app.click("nav.pager button:last-child").await;
    app.wait_js("document.querySelector('.pager-text').textContent === 'Viser 51–60 af 60'")
        .await;
    let last: Vec<String> = serde_json::from_value(
        app.js("Array.from(document.querySelectorAll('#partner-rows .row-link')).map(a => a.textContent)")
            .await,
    )
    .unwrap();
    // Æ after V; "Aase" sorts as "Åse", last.
    assert_eq!(
        &last[last.len() - 3..],
        &[
            "Vinkælderens Køkken",
            "Æblegården Frugtplantage",
            "Aase Nørgaard"
        ],
        "{last:?}"
    );

    // `/` focuses the search; arrows move; Enter opens the selected row.
    app.js("(document.activeElement.blur(), document.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true })), true)")
        .await;
    app.wait_js("document.activeElement.id === 'partner-search'")
        .await;
    app.wait("#partner-search")
        .await
        .send_keys("fredericia")
        .await
        .unwrap();
    app.wait_js("document.querySelectorAll('#partner-rows tr').length > 2")
        .await;
    let second: String = serde_json::from_value(
        app.js("document.querySelector('#partner-rows tr:nth-child(2) .row-link').textContent")
            .await,
    )
    .unwrap();
    let search = app.wait("#partner-search").await;
    search.send_keys("\u{E015}").await.unwrap(); // ArrowDown: first row
    app.wait_js("document.activeElement.matches('#partner-rows tr:first-child')")
        .await;
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys("\u{E015}\u{E007}") // ArrowDown, Enter
        .await
        .unwrap();
    app.wait_text("#partner-name", &second).await;

    // Keystroke to rendered list, measured in the window (60 partners here;
    // see benches/partners_search.rs for the store with 10,000).
    app.goto("#/partnere").await;
    app.wait("#partner-rows tr").await;
    let mut times = Vec::new();
    for word in ["s", "so", "sø", "sør", "søre", "søren"] {
        let before = app
            .js("Number(document.querySelector('.list-area').dataset.rendered || 0)")
            .await;
        let start = Instant::now();
        app.fill("#partner-search", word).await;
        app.wait_js(&format!(
            "Number(document.querySelector('.list-area').dataset.rendered || 0) > {before}"
        ))
        .await;
        times.push(start.elapsed());
    }
    times.sort();
    eprintln!(
        "keystroke to rendered list (WebDriver round trip included): median {:?}, max {:?}",
        times[times.len() / 2],
        times[times.len() - 1]
    );
    assert!(times[times.len() - 1] < Duration::from_secs(5));
    app.quit().await;
}
