//! The app shell and the Indstillinger view in the real window.

use crate::harness::App;

const NAV: [&str; 9] = [
    "Overblik",
    "Partnere",
    "Diplomer",
    "Arrangementer",
    "Pulje",
    "Publikationer",
    "Priser",
    "Rapporter",
    "Indstillinger",
];

#[tokio::test]
async fn navigation_shows_every_area_and_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    eprintln!("cold start to first rendered view: {:?}", app.cold_start);
    assert_eq!(app.texts("#nav a").await, NAV);
    // The database was created in this test's own data directory.
    assert!(app.data_dir.join("sundby.sqlite3").exists());

    app.click("#nav a[data-route='priser']").await;
    app.wait_text("#main h2", "Priser").await;
    assert_eq!(
        app.js("document.querySelector('#nav a[aria-current=\"page\"]').textContent")
            .await,
        "Priser"
    );
    app.quit().await;
}

/// Three areas opened in quick succession: the app ends on the third and
/// stays there. The first (Diplomer) is the slow one: its module is not
/// loaded yet and its render waits for five commands, so without the router's
/// token it would finish last and draw into the page of the third.
#[tokio::test]
async fn quick_navigation_ends_on_the_last_area() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    app.wait("#overview-welcome").await;
    // Each hash is set once the app has begun to show the one before.
    app.js("((() => {
            const go = (hash) => new Promise((done) => {
                window.addEventListener('hashchange', () => setTimeout(done, 0), { once: true });
                location.hash = hash;
            });
            (async () => {
                await go('#/diplomer');
                await go('#/arrangementer');
                location.hash = '#/priser';
            })();
        })(), true)")
        .await;
    let ends_on_priser = || async {
        app.wait_text("#main h2", "Priser").await;
        assert_eq!(app.texts("#main h2").await, ["Priser"]);
        assert_eq!(
            app.js("document.querySelector('#nav a[aria-current=\"page\"]').textContent")
                .await,
            "Priser"
        );
        assert_eq!(app.js("location.hash").await, "#/priser");
    };
    ends_on_priser().await;
    // The slower renders are done by now and must not have drawn anything.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    ends_on_priser().await;
    assert_eq!(
        app.js("document.querySelectorAll('#main .diploma-grid, #main #event-results').length")
            .await,
        0
    );
    app.quit().await;
}

#[tokio::test]
async fn renamed_and_added_goals_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    app.goto("#/indstillinger").await;
    let first = "#goal-list li:first-child input";
    app.wait(first).await;
    assert_eq!(
        app.js(&format!("document.querySelector('{first}').value"))
            .await,
        "At Fredericia bliver røgfri"
    );
    app.fill(first, "At Fredericia bliver helt røgfri").await;
    app.click("#goal-list li:first-child [data-action='rename']")
        .await;
    app.wait_js("document.querySelector('#notice').textContent === 'Målsætningen er omdøbt.'")
        .await;

    app.fill("#goal-add-input", "At Fredericia sover godt")
        .await;
    app.click(".goal-add button[type='submit']").await;
    app.wait_js("document.querySelectorAll('#goal-list li').length === 8")
        .await;

    // An empty goal is refused with a message at the field, nothing is added.
    app.click(".goal-add button[type='submit']").await;
    app.wait_text(
        ".goal-add .field-error",
        "Målsætningens tekst skal udfyldes",
    )
    .await;
    assert_eq!(
        app.js("document.querySelectorAll('#goal-list li').length")
            .await,
        8
    );
    let data_dir = app.data_dir.clone();
    app.quit().await;

    let app = App::start_in(&data_dir).await;
    app.goto("#/indstillinger").await;
    app.wait(first).await;
    let titles = app
        .js("Array.from(document.querySelectorAll('#goal-list li input')).map(i => i.value)")
        .await;
    let titles: Vec<String> = serde_json::from_value(titles).unwrap();
    assert_eq!(titles.len(), 8);
    assert_eq!(titles[0], "At Fredericia bliver helt røgfri");
    assert_eq!(titles[7], "At Fredericia sover godt");
    app.quit().await;
}

#[tokio::test]
async fn programme_name_shows_in_the_header_and_bad_input_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    app.goto("#/indstillinger").await;
    app.fill("input[name='municipality']", "Fredericia").await;
    app.fill(
        "input[name='programme_name']",
        "Sund By mikro-partnerskaber",
    )
    .await;
    app.fill("input[name='period_from']", "01.06.2018").await;
    app.fill("input[name='period_to']", "31.12.2022").await;
    app.click("form[aria-labelledby='settings-programme-h'] button[type='submit']")
        .await;
    app.wait_text("#header-programme", "Sund By mikro-partnerskaber")
        .await;

    // A period that ends before it starts: message at the field, nothing lost.
    app.fill("input[name='period_to']", "01.01.2017").await;
    app.click("form[aria-labelledby='settings-programme-h'] button[type='submit']")
        .await;
    app.wait_text(
        "[data-error-for='period_to']",
        "Periodens slutning må ikke ligge før starten",
    )
    .await;
    app.wait_text("#header-programme", "Sund By mikro-partnerskaber")
        .await;
    app.quit().await;
}

#[tokio::test]
async fn english_can_be_chosen_is_remembered_and_danish_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    app.goto("#/indstillinger").await;
    app.js("(() => { const s = document.querySelector('select[name=language]'); s.value = 'en'; s.dispatchEvent(new Event('change')); return true; })()")
        .await;
    app.wait_text("#nav a[data-route='indstillinger']", "Settings")
        .await;
    app.wait_text("#main h2", "Settings").await;
    assert_eq!(app.js("document.documentElement.lang").await, "en");
    let data_dir = app.data_dir.clone();
    app.quit().await;

    let app = App::start_in(&data_dir).await;
    app.wait_text("#nav a[data-route='partnere']", "Partners")
        .await;
    app.goto("#/indstillinger").await;
    app.js("(() => { const s = document.querySelector('select[name=language]'); s.value = 'da'; s.dispatchEvent(new Event('change')); return true; })()")
        .await;
    app.wait_text("#nav a[data-route='indstillinger']", "Indstillinger")
        .await;
    app.quit().await;
}

#[tokio::test]
async fn backups_from_an_update_are_shown_and_can_be_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    // A database of the first schema version: opening it takes a copy.
    {
        let conn = rusqlite::Connection::open(data.join(sundby_core::store::DB_FILE)).unwrap();
        conn.execute_batch(sundby_core::store::MIGRATIONS[0].1)
            .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
    }
    let app = App::start_in(&data).await;
    app.goto("#/indstillinger").await;
    app.wait("#settings-backups tbody tr").await;
    let item: String = serde_json::from_value(
        app.js(
            "document.querySelector('#settings-backups tr[data-file*=\"-migration\"]').textContent",
        )
        .await,
    )
    .unwrap();
    assert!(item.contains("skemaversion 1"), "{item}");
    assert_eq!(
        app.js("document.getElementById('settings-data-dir').textContent")
            .await,
        data.display().to_string()
    );
    app.click("#settings-backups-delete").await;
    app.wait(".dialog .btn.danger").await;
    // Two copies: the one before the update and the day's first.
    let question = app
        .js("document.querySelector('.dialog').textContent")
        .await;
    assert!(
        question
            .as_str()
            .is_some_and(|q| q.contains("Slet 2 sikkerhedskopier for altid?")),
        "{question}"
    );
    app.click(".dialog .btn.danger").await;
    app.wait_text("#settings-backups-none", "Der er ingen sikkerhedskopier.")
        .await;
    let card = app
        .js("document.getElementById('settings-data').textContent")
        .await;
    assert!(
        !card.as_str().unwrap_or_default().contains("null"),
        "{card}"
    );
    let left = std::fs::read_dir(data.join(sundby_core::store::BACKUP_DIR))
        .unwrap()
        .count();
    assert_eq!(left, 0);
    app.quit().await;
}
