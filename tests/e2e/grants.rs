//! The Pulje view in the real window: apply, grant, pay and watch the pool's
//! numbers and bar change; a decision that would exceed the pool is refused
//! with a message at the amount and changes nothing.

use crate::harness::{output_dir, App};
use rusqlite::params;
use std::path::{Path, PathBuf};
use sundby_core::grants::{self, PoolInput};
use sundby_core::store::{new_id, now, Store};

/// A data directory with the 2026 pool (8.000 kr., at most 5.000 kr. each)
/// and one partner, made through the core before the app starts.
fn prepare(dir: &Path) -> PathBuf {
    let data = dir.join("data");
    let (mut store, _) = Store::open_dir(&data).unwrap();
    grants::create_pool(
        &mut store.conn,
        &PoolInput {
            year: 2026,
            total: "8.000".into(),
            max_per_application: "5.000".into(),
            criteria: "Aktiviteten skal ligge ud over det normale arbejde.".into(),
        },
    )
    .unwrap();
    store
        .conn
        .execute(
            "INSERT INTO partners (id, name, name_key, sort_key, kind, status, created_at, updated_at)
             VALUES (?1, 'Idrætsforeningen Ærø', 'idrætsforeningen ærø', 'idrætsforeningen ærø',
                     'forening', 'aktiv', ?2, ?2)",
            params![new_id(), now()],
        )
        .unwrap();
    data
}

/// Picks the partner in the shared picker as a person does: types part of
/// the name and presses Enter on the first match.
async fn pick_partner(app: &App, typed: &str) {
    app.fill("#grant-partner", typed).await;
    app.wait("#grant-partner-list .picker-option").await;
    app.wait("#grant-partner")
        .await
        .send_keys("\u{E007}")
        .await
        .unwrap();
    app.wait("#grant-form .picker-chip").await;
}

async fn apply(app: &App, purpose: &str, amount: &str) {
    app.click("#grant-new").await;
    app.wait("#grant-form").await;
    pick_partner(app, "Idræt").await;
    app.fill("input[name='grant_purpose']", purpose).await;
    app.fill("input[name='grant_expected_reach']", "250").await;
    app.fill("input[name='amount_requested']", amount).await;
    app.click("#grant-form button[type='submit']").await;
    app.wait_text("#grant-detail-h .status", "Modtaget").await;
    app.click("#grant-start-review").await;
    app.wait_text("#grant-detail-h .status", "Under behandling")
        .await;
}

async fn figure(app: &App, key: &str) -> String {
    app.text(&format!("[data-figure='{key}']")).await
}

#[tokio::test]
async fn apply_grant_pay_and_a_refused_decision_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = prepare(dir.path());
    let app = App::start_in(&data).await;
    app.goto("#/pulje/2026").await;
    app.wait("#grant-pool-bar").await;
    assert_eq!(figure(&app, "total").await, "8.000,00 kr.");
    assert_eq!(figure(&app, "granted").await, "0,00 kr.");
    let bar = |attr: &'static str| {
        let app = &app;
        async move {
            app.js(&format!(
                "document.querySelector('#grant-pool-bar').dataset.{attr}"
            ))
            .await
        }
    };
    assert_eq!(bar("grantedPct").await, "0.00");

    // Apply and grant in full.
    apply(&app, "Familieløb i Madsby Park", "5.000").await;
    app.wait_js("document.querySelector('input[name=amount_granted]').value === '5.000,00'")
        .await;
    app.click("#grant-decide-form button[type='submit']").await;
    app.wait_text("#grant-detail-h .status", "Bevilget").await;
    app.wait_text("[data-figure='granted']", "5.000,00 kr.")
        .await;
    assert_eq!(figure(&app, "remaining").await, "3.000,00 kr.");
    assert_eq!(bar("grantedPct").await, "62.50");
    assert_eq!(bar("paidPct").await, "0.00");

    // Pay: a payout cannot be undone, so it asks first; cancelling changes
    // nothing. Then the paid part of the bar grows.
    app.click("#grant-pay-form button[type='submit']").await;
    let question = app.text(".dialog p").await;
    assert!(
        question.contains("5.000,00 kr.") && question.contains("Idrætsforeningen Ærø"),
        "{question}"
    );
    app.click(".dialog .btn.secondary").await;
    app.wait_js("!document.querySelector('.dialog')").await;
    assert_eq!(app.text("#grant-detail-h .status").await, "Bevilget");
    app.click("#grant-pay-form button[type='submit']").await;
    app.click(".dialog .btn:not(.secondary)").await;
    app.wait_text("#grant-detail-h .status", "Udbetalt").await;
    app.wait_text("[data-figure='paid']", "5.000,00 kr.").await;
    assert_eq!(bar("paidPct").await, "62.50");
    let paid_px = app
        .js("document.querySelector('.pool-bar-paid').getBoundingClientRect().width / document.querySelector('#grant-pool-bar').getBoundingClientRect().width")
        .await
        .as_f64()
        .unwrap();
    assert!((paid_px - 0.625).abs() < 0.02, "paid part is {paid_px}");
    let detail = app.text("#grant-detail").await;
    assert!(
        !detail.contains("null") && !detail.contains("undefined"),
        "{detail}"
    );
    app.js("(document.querySelector('#grant-pool').scrollIntoView(), true)")
        .await;
    app.screenshot(&std::env::temp_dir().join("sundby-grants-paid.png"))
        .await;

    // A second application for more than is left: refused, nothing changes.
    apply(&app, "Sommerfest for hele byen", "4000").await;
    app.click("#grant-decide-form button[type='submit']").await;
    app.wait_text(
        "#grant-decide-form [data-error-for='amount_granted']",
        "Bevillingen på 4.000,00 kr. vil overskride puljen: der er 3.000,00 kr. tilbage",
    )
    .await;
    assert_eq!(
        app.js("document.activeElement.name").await,
        "amount_granted"
    );
    app.screenshot(&std::env::temp_dir().join("sundby-grants-refused.png"))
        .await;
    assert_eq!(
        app.text("#grant-detail-h .status").await,
        "Under behandling"
    );
    assert_eq!(figure(&app, "granted").await, "5.000,00 kr.");
    assert_eq!(figure(&app, "remaining").await, "3.000,00 kr.");
    assert_eq!(bar("grantedPct").await, "62.50");
    let statuses = app.texts("#grant-table [data-col='status']").await;
    assert_eq!(statuses.len(), 2);
    assert!(
        statuses.contains(&"Under behandling".to_string()),
        "{statuses:?}"
    );
    assert!(statuses.contains(&"Udbetalt".to_string()), "{statuses:?}");
    app.quit().await;

    // And the database agrees.
    let (store, _) = Store::open_dir(&data).unwrap();
    let o = grants::overview(&store.conn, 2026, sundby_core::i18n::Lang::Da).unwrap();
    assert_eq!(
        (o.granted_ore, o.paid_ore, o.pending_ore),
        (500_000, 500_000, 400_000)
    );
}

#[tokio::test]
async fn a_pool_is_created_from_the_view_and_form_errors_sit_at_their_fields() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        let (store, _) = Store::open_dir(&data).unwrap();
        store
            .conn
            .execute(
                "INSERT INTO partners (id, name, name_key, sort_key, kind, status, created_at, updated_at)
                 VALUES (?1, 'Bageriet', 'bageriet', 'bageriet', 'virksomhed', 'aktiv', ?2, ?2)",
                params![new_id(), now()],
            )
            .unwrap();
    }
    let app = App::start_in(&data).await;
    app.goto("#/pulje/2027").await;
    app.wait_text("#grant-pool h3", "Puljen 2027").await;
    app.click("#grant-pool-create").await;
    app.wait_text("[data-figure='total']", "100.000,00 kr.")
        .await;
    // The year's spreadsheet: no dialog opens in the tests, so it goes in
    // the pool's folder under the core's name.
    let sheet = output_dir(&data).join("Puljen").join("puljen-2027.xlsx");
    app.click("#grant-export").await;
    app.wait_text(
        "#notice",
        &format!("Regnearket er gemt: {}", sheet.display()),
    )
    .await;
    assert!(sheet.is_file(), "{} missing", sheet.display());

    app.click("#grant-new").await;
    app.wait("#grant-form").await;
    // Nothing chosen: the partner field says so.
    app.click("#grant-form button[type='submit']").await;
    app.wait_text(
        "#grant-form [data-error-for='grant_partner']",
        "Partneren skal udfyldes",
    )
    .await;
    pick_partner(&app, "Bager").await;
    app.fill("input[name='grant_purpose']", "Sund morgenmad")
        .await;
    // An English amount is ambiguous in Danish: refused at the amount.
    app.fill("input[name='amount_requested']", "5,000.00").await;
    app.click("#grant-form button[type='submit']").await;
    app.wait_js(
        "document.querySelector(\"#grant-form [data-error-for='amount_requested']\").textContent.includes('kan læses på to måder')",
    )
    .await;
    assert_eq!(
        app.js("document.querySelector('#grant-form [data-error-for=grant_partner]').textContent")
            .await,
        ""
    );
    // Above the maximum per application.
    app.fill("input[name='amount_requested']", "6000").await;
    app.click("#grant-form button[type='submit']").await;
    app.wait_text(
        "#grant-form [data-error-for='amount_requested']",
        "Det ansøgte beløb på 6.000,00 kr. er over puljens maksimum på 5.000,00 kr. pr. ansøgning",
    )
    .await;
    app.screenshot(&std::env::temp_dir().join("sundby-grants-form.png"))
        .await;
    app.fill("input[name='amount_requested']", "4.500").await;
    app.click("#grant-form button[type='submit']").await;
    app.wait_text("#grant-detail-h .status", "Modtaget").await;
    assert_eq!(app.texts("#grant-table tbody tr").await.len(), 1);
    app.quit().await;
}
