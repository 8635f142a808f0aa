//! Overblik in the real window (issue 17): the app opens on it; a new user
//! loads the demo there and every area shows data; a due follow-up is
//! followed to its partner, a call is logged with Enter, the follow-up is
//! ticked done, and the Overblik has one fewer.

use crate::harness::App;

#[tokio::test]
async fn opens_on_overblik_and_the_demo_fills_every_area() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    app.wait("#overview-welcome").await;
    assert_eq!(app.js("location.hash").await, "#/overblik");
    assert_eq!(
        app.js("document.querySelector('#nav a[aria-current=\"page\"]').textContent")
            .await,
        "Overblik"
    );
    // Empty states say what is good.
    app.wait_text(
        "#overview-follow-ups .overview-good",
        "Ingen opfølgninger i dag – alt er fulgt op.",
    )
    .await;
    app.click("#overview-demo").await;
    app.wait("#overview-follow-ups li[data-follow-up]").await;
    app.wait_js("!document.querySelector('#overview-welcome')")
        .await;
    for part in [
        "#overview-diplomas",
        "#overview-grants",
        "#overview-events",
        "#overview-leads",
        "#overview-data",
    ] {
        app.wait(&format!("{part} li a")).await;
    }
    // Every area shows the demo's data.
    app.goto("#/partnere").await;
    app.wait_text("#partner-counts", "60 partnere, 41 aktive")
        .await;
    app.goto("#/diplomer").await;
    app.wait("#diploma-queue li").await;
    app.goto("#/arrangementer").await;
    app.wait("#event-results tbody tr, #event-results li").await;
    app.goto("#/pulje").await;
    app.wait("#grant-table tbody tr").await;
    app.goto("#/indstillinger").await;
    app.wait_js("document.querySelectorAll('#main img[src^=\"data:\"]').length >= 3")
        .await;
    app.goto("#/overblik/rekruttering").await;
    app.wait("#pipeline tbody tr").await;
    app.quit().await;
}

#[tokio::test]
async fn follow_a_due_follow_up_log_a_call_and_mark_it_done() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    app.click("#overview-demo").await;
    app.wait("#overview-follow-ups li[data-follow-up]").await;
    let before = app
        .texts("#overview-follow-ups li[data-follow-up]")
        .await
        .len();
    let follow_up = app
        .js("document.querySelector('#overview-follow-ups li[data-follow-up]').dataset.followUp")
        .await;
    let follow_up = follow_up.as_str().unwrap().to_string();
    app.click("#overview-follow-ups li[data-follow-up] a").await;
    app.wait("#partner-activities").await;
    app.wait(&format!(
        "#partner-follow-ups li[data-follow-up='{follow_up}']"
    ))
    .await;
    // Two fields and Enter: the kind is a call already.
    app.fill(
        "#activity-form [name='activity_text']",
        "Ringede om tilmeldingen",
    )
    .await;
    app.wait("#activity-form [name='activity_text']")
        .await
        .send_keys("\u{E007}")
        .await
        .unwrap();
    app.wait_text(
        "#partner-timeline li[data-source='activity'] .tl-text",
        "Ringede om tilmeldingen",
    )
    .await;
    // A follow-up without a date is refused at its field; nothing is lost.
    app.fill("#follow-up-form [name='follow_up_text']", "Ring igen")
        .await;
    app.click("#follow-up-add").await;
    app.wait_text(
        "#follow-up-form [data-error-for='follow_up_on']",
        "Opfølgningens dato skal udfyldes",
    )
    .await;
    assert_eq!(
        app.js("document.querySelector('#follow-up-form [name=follow_up_text]').value")
            .await,
        "Ring igen"
    );
    app.click(&format!("#fu-{follow_up}")).await;
    app.wait(&format!(
        "#partner-follow-ups li[data-follow-up='{follow_up}'][data-state='done']"
    ))
    .await;
    app.click("#nav a[data-route='overblik']").await;
    app.wait("#overview-follow-ups").await;
    app.wait_js(&format!(
        "document.querySelectorAll('#overview-follow-ups li[data-follow-up]').length === {}",
        before - 1
    ))
    .await;
    app.quit().await;
}

#[tokio::test]
async fn an_activity_is_deleted_from_the_timeline_after_the_confirm_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    app.click("#overview-demo").await;
    app.wait("#overview-follow-ups li[data-follow-up]").await;
    app.click("#overview-follow-ups li[data-follow-up] a").await;
    app.wait("#partner-activities").await;
    app.fill(
        "#activity-form [name='activity_text']",
        "Ringede forkert nummer",
    )
    .await;
    app.click("#activity-add").await;
    let find = "[...document.querySelectorAll(\"#partner-timeline li[data-source='activity']\")]\
                .find((li) => li.querySelector('.tl-text').textContent === 'Ringede forkert nummer')";
    app.wait_js(find).await;
    let id = app.js(&format!("{find}.dataset.id")).await;
    let id = id.as_str().unwrap().to_string();
    let row = format!("#partner-timeline li[data-id='{id}']");
    let button = format!("#partner-timeline button[data-delete-activity='{id}']");
    // The button says which activity it deletes to a screen reader.
    assert_eq!(
        app.js(&format!(
            "document.querySelector(\"{button}\").getAttribute('aria-label')"
        ))
        .await,
        "Slet aktiviteten «Ringede forkert nummer»"
    );
    let activities =
        || "document.querySelectorAll('#partner-timeline li[data-source=\"activity\"]').length";
    let before = app.js(activities()).await.as_u64().unwrap();

    // Escape cancels: the dialog closes, focus is back on the button, the
    // activity stays.
    app.click(&button).await;
    app.wait(".dialog[role='alertdialog']").await;
    app.wait_js("document.activeElement.textContent === 'Annullér'")
        .await;
    app.wait("body").await.send_keys("\u{E00C}").await.unwrap();
    app.wait_js("!document.querySelector('.dialog')").await;
    assert_eq!(
        app.js("document.activeElement.dataset.deleteActivity")
            .await,
        id.as_str()
    );
    assert_eq!(app.js(activities()).await.as_u64().unwrap(), before);

    // Confirmed: gone from the timeline, and still gone after a reload.
    app.click(&button).await;
    app.wait_text(
        ".dialog p",
        &format!(
            "Slette aktiviteten «Ringede forkert nummer» fra {}? Den kan ikke hentes tilbage her.",
            app.js(&format!(
                "document.querySelector(\"{row} .when\").textContent"
            ))
            .await
            .as_str()
            .unwrap()
        ),
    )
    .await;
    app.click(".dialog .btn.danger").await;
    app.wait_js(
        "!document.querySelector('#notice').hidden \
         && document.querySelector('#notice .notice-text').textContent === 'Aktiviteten er slettet.'",
    )
    .await;
    app.wait_js(&format!("{} === {}", activities(), before - 1))
        .await;
    let partner = app.js("location.hash").await;
    app.goto("#/overblik").await;
    app.goto(partner.as_str().unwrap()).await;
    app.wait("#partner-timeline li").await;
    app.wait_js(&format!(
        "!document.querySelector(\"#partner-timeline li[data-id='{id}']\")"
    ))
    .await;
    assert_eq!(app.js(activities()).await.as_u64().unwrap(), before - 1);
    app.quit().await;
}
