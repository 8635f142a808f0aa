//! The partner register (issue 3) in the real window: the empty start screen,
//! create with a contact and two goals, find by search, edit, delete and
//! restore; errors at their fields; HTML shown as text; keyboard use; and the
//! time from a keystroke in the search box to the rendered list.

use crate::harness::App;
use std::time::Duration;

/// Waits until the list's first row shows `name` (its text content).
async fn first_row_is(app: &App, name: &str) {
    app.wait_js(&format!(
        "(document.querySelector('#partner-rows tr:first-child .row-link') || {{}}).textContent === {}",
        serde_json::json!(name)
    ))
    .await;
}

/// Clicks the element matching `css` through the DOM (scrolled or covered).
async fn press(app: &App, css: &str) {
    app.wait(css).await;
    app.js(&format!(
        "(document.querySelector({}).click(), true)",
        serde_json::json!(css)
    ))
    .await;
}

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
    // In the middle of a long form: clicked by script, as a click may land on
    // the sticky button bar in a small window.
    press(&app, "#pf-goals li:nth-child(1) input").await;
    press(&app, "#pf-goals li:nth-child(2) input").await;
    app.fill(
        "#partner-form [name='initiative']",
        "Gåture fra havnen hver tirsdag",
    )
    .await;
    press(&app, "#pf-add-contact").await;
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
    first_row_is(&app, name).await;
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
    // The date of the change is offered as today.
    let today: String = serde_json::from_value(
        app.js("document.querySelector('#partner-form [name=status_changed_on]').value")
            .await,
    )
    .unwrap();
    assert_eq!(today.len(), 10, "{today}");
    app.click("#pf-save").await;
    app.wait_text("#partner-name", "Fredericia Løbeklub").await;
    let history = app.texts("#partner-history li").await;
    assert_eq!(history.len(), 2);
    assert_eq!(history[0], format!("{today} I dvale"));
    assert_eq!(history[1], format!("{today} Aktiv"));

    // Delete moves it to the bin; restore brings it back.
    app.click("#partner-delete").await;
    app.click(".dialog .btn.danger").await;
    app.wait_js("location.hash === '#/partnere'").await;
    app.wait("#partner-empty").await; // the register is empty again
    app.goto("#/partnere/papirkurv").await;
    first_row_is(&app, "Fredericia Løbeklub").await;
    app.click("#partner-rows tr:first-child td:nth-child(2)")
        .await;
    app.wait("#partner-in-bin").await;
    app.click("#partner-restore").await;
    app.wait_js(
        "!document.querySelector('#partner-in-bin') && !!document.querySelector('#partner-edit')",
    )
    .await;
    app.goto("#/partnere").await;
    // The list kept its search ("løbeklub") while we were away.
    app.wait_text("#partner-counts", "1 af 1 partnere, 0 aktive")
        .await;
    assert_eq!(
        app.js("document.querySelector('#partner-search').value")
            .await,
        "løbeklub"
    );
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

    let times = keystroke_times(&app).await;
    eprintln!("keystroke to rendered list, 60 partners: {times:?} ms");
    app.quit().await;
}

/// Types "søren" into the search one letter at a time, clears it and types it
/// again, measuring in the page from the input event to the next frame after
/// the list has re-rendered. The first five figures are the cold ones.
async fn keystroke_times(app: &App) -> Vec<f64> {
    app.goto("#/partnere").await;
    app.wait("#partner-rows tr").await;
    let mut out = Vec::new();
    let mut ipc_times = Vec::new();
    let mut dom_times = Vec::new();
    for word in [
        "s", "sø", "sør", "søre", "søren", "", "s", "sø", "sør", "søre", "søren",
    ] {
        // Returns [ms until the list's DOM is updated, ms until the next
        // frame after that (the list on screen)].
        let script = r#"
            const [word, done] = arguments;
            const s = document.querySelector('#partner-search');
            const area = document.querySelector('.list-area');
            const t0 = performance.now();
            const seen = new MutationObserver(() => {
              seen.disconnect();
              const dom = performance.now() - t0;
              requestAnimationFrame(() => done([dom, performance.now() - t0]));
            });
            seen.observe(area, { attributes: true, attributeFilter: ['data-rendered'] });
            s.value = word;
            s.dispatchEvent(new Event('input', { bubbles: true }));
        "#;
        let pair: Vec<f64> = serde_json::from_value(
            app.client
                .execute_async(script, vec![serde_json::json!(word)])
                .await
                .unwrap(),
        )
        .unwrap();
        dom_times.push((pair[0] * 10.0).round() / 10.0);
        out.push((pair[1] * 10.0).round() / 10.0);
        // The same query straight through `invoke`, without drawing: the
        // share of the time spent in IPC and the store.
        let ipc = app
            .client
            .execute_async(
                r#"
                const [word, done] = arguments;
                const t0 = performance.now();
                window.__TAURI__.core
                  .invoke('partners_list', { query: { search: word, limit: 50 } })
                  .then(() => done(performance.now() - t0), () => done(-1));
                "#,
                vec![serde_json::json!(word)],
            )
            .await
            .unwrap()
            .as_f64()
            .unwrap();
        ipc_times.push((ipc * 10.0).round() / 10.0);
        // Let the list settle between letters, as a person types.
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    eprintln!("  list updated in the DOM after: {dom_times:?} ms");
    eprintln!("  the query through invoke alone: {ipc_times:?} ms");
    out
}

#[tokio::test]
async fn keystroke_to_rendered_list_with_10000_partners() {
    use sundby_core::partners::{self, ContactInput, PartnerInput};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        let (mut store, _) = sundby_core::store::Store::open_dir(&data).unwrap();
        let goal = sundby_core::settings::goals(&store.conn, false).unwrap()[0]
            .id
            .clone();
        let names = [
            "Søren",
            "Anne",
            "Bjørn",
            "Åse",
            "Mette",
            "Jens",
            "Ærenlund",
            "Lise",
        ];
        let words = [
            "Løbeklub",
            "Bageri",
            "Skole",
            "Roklub",
            "Café",
            "Fitness",
            "Plejecenter",
        ];
        let mut valid = Vec::new();
        for i in 0..10_000usize {
            let input = PartnerInput {
                name: format!(
                    "{} {} {i}",
                    words[i % words.len()],
                    names[(i / 7) % names.len()]
                ),
                kind: "forening".into(),
                status: if i % 3 == 0 {
                    "interesseret".into()
                } else {
                    "aktiv".into()
                },
                goals: vec![goal.clone()],
                initiative: "Gåture og sund frokost for ældre i lokalområdet".into(),
                contacts: (0..2)
                    .map(|k| ContactInput {
                        name: format!("{} Hansen{k}", names[(i + k) % names.len()]),
                        email: format!("kontakt{i}.{k}@example.dk"),
                        ..ContactInput::default()
                    })
                    .collect(),
                ..PartnerInput::default()
            };
            valid.push(partners::validate(&store.conn, &input).unwrap());
        }
        let tx = store.conn.transaction().unwrap();
        for v in &valid {
            partners::insert_valid(&tx, v, None).unwrap();
        }
        tx.commit().unwrap();
    }
    let app = App::start_in(&data).await;
    app.goto("#/partnere").await;
    app.wait_text("#partner-counts", "10.000 partnere, 6.666 aktive")
        .await;
    assert_eq!(
        app.js("document.querySelectorAll('#partner-rows tr').length")
            .await,
        50
    );
    let times = keystroke_times(&app).await;
    eprintln!("keystroke to rendered list, 10,000 partners: {times:?} ms (target < 100 ms)");
    // Not a timed test: the figures are reported; only a hang fails it.
    assert!(times.iter().all(|t| *t < 5000.0));
    app.quit().await;
}
