//! Rapporter in the real window on the demo programme: the figures of the
//! programme period, another period (one with no data says so; one that
//! ends before it starts is refused at its field), a figure followed to its
//! filtered partner list, an evaluation written, the case edited and kept,
//! and the figures and the case saved as files.

use crate::harness::{output_dir, App};
use std::path::{Path, PathBuf};
use sundby_core::store::Store;

fn prepare(dir: &Path) -> PathBuf {
    let data = dir.join("data");
    let (mut store, _) = Store::open_dir(&data).unwrap();
    sundby_core::partners::demo::load(&mut store.conn).unwrap();
    data
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|r| {
            r.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[tokio::test]
async fn rapporter_figures_periods_links_evaluation_and_case() {
    let dir = tempfile::tempdir().unwrap();
    let data = prepare(dir.path());
    let app = App::start_in(&data).await;
    app.goto("#/rapporter").await;
    app.wait("#report-kind-sentence a[data-kind]").await;
    let sentence = app.text("#report-kind-sentence").await;
    assert!(sentence.contains("aktive aktører: "), "{sentence}");
    assert!(
        app.js("document.querySelectorAll('.report-chart img').length")
            .await
            .as_u64()
            .unwrap()
            >= 2
    );

    // A period with no data says so.
    app.fill("input[name='report_from']", "01.01.2001").await;
    app.fill("input[name='report_to']", "31.12.2001").await;
    app.click("#report-show").await;
    app.wait("#report-empty").await;

    // A period that ends before it starts: refused at its end.
    app.fill("input[name='report_from']", "01.06.2026").await;
    app.fill("input[name='report_to']", "01.05.2026").await;
    app.click("#report-show").await;
    app.wait_text(
        "[data-error-for='report_to']",
        "Periodens slutning må ikke ligge før starten",
    )
    .await;

    // Back to the programme period; follow "N foreninger" to its list.
    app.click("#report-preset-programme").await;
    app.wait_js("!document.querySelector('#report-empty') && document.querySelector('#report-kind-sentence a[data-kind]')").await;
    let kind = app
        .js("document.querySelector('#report-kind-sentence a[data-kind]').dataset.kind")
        .await;
    let kind = kind.as_str().unwrap().to_string();
    let label = app.text("#report-kind-sentence a[data-kind]").await;
    let n: u64 = label.split_whitespace().next().unwrap().parse().unwrap();
    app.click("#report-kind-sentence a[data-kind]").await;
    app.wait_js("location.hash.startsWith('#/partnere/vis/')")
        .await;
    app.wait_js(&format!(
        "document.querySelector('#partner-filter-kind') && document.querySelector('#partner-filter-kind').value === '{kind}'"
    ))
    .await;
    assert_eq!(
        app.js("document.querySelector('#partner-filter-status').value")
            .await,
        "aktiv"
    );
    app.wait_js(&format!(
        "document.querySelectorAll('#partner-rows tr').length === {}",
        n.min(50)
    ))
    .await;

    // An evaluation.
    app.goto("#/rapporter/evaluering").await;
    app.click("#evaluation-new").await;
    app.fill("input[name='evaluation_author']", "Michela Jørgensen")
        .await;
    app.click("input[name='purpose_met'][value='2']").await;
    app.click("input[name='implemented'][value='3']").await;
    app.fill(
        "textarea[name='evaluation_barriers']",
        "Det kan være svært at få samarbejder op at stå.",
    )
    .await;
    app.click("#evaluation-save").await;
    app.wait("#evaluations tbody tr").await;
    assert_eq!(
        app.texts("#evaluations tbody tr td:nth-child(3)").await,
        ["I nogen grad"]
    );

    // The case: prefilled from the evaluation, edited, kept.
    app.goto("#/rapporter/case").await;
    app.wait("textarea[name='case_barriers']").await;
    assert_eq!(
        app.js("document.querySelector('input[name=case_purpose_met]').value")
            .await,
        "I nogen grad"
    );
    app.fill(
        "textarea[name='case_comments']",
        "Tak til alle mikro-partnere.",
    )
    .await;
    app.click("#case-save").await;
    app.wait_js("document.querySelector('#notice').textContent === 'Casen er gemt'")
        .await;
    app.goto("#/partnere").await;
    app.goto("#/rapporter/case").await;
    app.wait_js("document.querySelector('textarea[name=case_comments]') && document.querySelector('textarea[name=case_comments]').value === 'Tak til alle mikro-partnere.'").await;
    app.click("#case-docx").await;
    app.wait_js("document.querySelector('#notice').textContent.startsWith('Gemt: ')")
        .await;

    // The figures as XLSX.
    app.goto("#/rapporter").await;
    app.js("(document.querySelector('#notice').textContent = '', true)")
        .await;
    app.click("#report-xlsx").await;
    app.wait_js("document.querySelector('#notice').textContent.startsWith('Gemt: ')")
        .await;
    // The status report as PDF.
    app.js("(document.querySelector('#notice').textContent = '', true)")
        .await;
    app.click("#report-pdf").await;
    app.wait_js("document.querySelector('#notice').textContent.startsWith('Gemt: ')")
        .await;
    let saved = files_in(&output_dir(&data).join("Rapporter"));
    assert!(
        saved
            .iter()
            .any(|n| n.starts_with("Status") && n.ends_with(".pdf")),
        "{saved:?}"
    );
    assert!(saved.iter().any(|n| n.ends_with(".xlsx")), "{saved:?}");
    assert!(
        saved
            .iter()
            .any(|n| n.starts_with("Case") && n.ends_with(".docx")),
        "{saved:?}"
    );
    app.quit().await;
}

/// The whole demo programme (grants, diplomas, events), dated around today.
fn prepare_full(dir: &Path) -> PathBuf {
    let data = dir.join("data");
    let (mut store, _) = Store::open_dir(&data).unwrap();
    sundby_core::demo::load(&mut store.conn, sundby_core::dates::today()).unwrap();
    data
}

/// The filters of the route a link in the report leads to.
fn route_param(app_href: &str, key: &str) -> String {
    format!(
        "new URLSearchParams(decodeURIComponent({app_href}.split('/vis/')[1] || '')).get('{key}')"
    )
}

#[tokio::test]
async fn rapporter_channel_pool_goal_and_ceremony_rows_lead_to_their_filtered_lists() {
    let dir = tempfile::tempdir().unwrap();
    let data = prepare_full(dir.path());
    let app = App::start_in(&data).await;

    // A channel's "recruited" count → the partner list filtered by it.
    app.goto("#/rapporter").await;
    app.wait("#report-by-channel td a[data-key]").await;
    let first = "document.querySelector('#report-by-channel tbody tr td:nth-child(2) a')";
    let channel = app.js(&format!("{first}.dataset.key")).await;
    let channel = channel.as_str().unwrap().to_string();
    let n: usize = app
        .js(&format!("{first}.textContent"))
        .await
        .as_str()
        .unwrap()
        .replace('.', "")
        .parse()
        .unwrap();
    assert!(n > 0);
    app.js(&format!("({first}.click(), true)")).await;
    app.wait_js("location.hash.startsWith('#/partnere/vis/')")
        .await;
    app.wait_js(&format!(
        "document.querySelector('#partner-filter-channel') && document.querySelector('#partner-filter-channel').value === '{channel}'"
    ))
    .await;
    assert_eq!(
        app.js("document.querySelector('#partner-filter-status').value")
            .await,
        ""
    );
    app.wait_js(&format!(
        "document.querySelectorAll('#partner-rows tr').length === {}",
        n.min(50)
    ))
    .await;
    // The same channel's "became active" → the partners that have been
    // active, exactly as many as the figure.
    app.goto("#/rapporter").await;
    app.wait("#report-by-channel td a[data-key]").await;
    let became = format!(
        "document.querySelector('#report-by-channel td:nth-child(3) a[data-key=\"{channel}\"]')"
    );
    let became_n: usize = app
        .js(&format!("{became}.textContent"))
        .await
        .as_str()
        .unwrap()
        .replace('.', "")
        .parse()
        .unwrap();
    app.js(&format!("({became}.click(), true)")).await;
    app.wait_js(&format!(
        "location.hash.startsWith('#/partnere/vis/') && document.querySelector('#partner-filter-channel') && document.querySelector('#partner-filter-channel').value === '{channel}' && document.querySelector('#partner-filter-status').value === 'ever_active'"
    ))
    .await;
    app.wait_js(&format!(
        "document.querySelectorAll('#partner-rows tr').length === {}",
        became_n.min(50)
    ))
    .await;
    let shown = app.texts("#partner-rows tr td:nth-child(3)").await;
    assert!(
        shown.iter().all(|s| s != "Interesseret"),
        "a lead has never been active: {shown:?}"
    );

    // A goal's granted sum in the pool → the grants decided in the period
    // for partners with that goal, adding up to the figure.
    app.goto("#/rapporter").await;
    app.wait("#report-pool-by-goal tbody a").await;
    let link = "document.querySelector('#report-pool-by-goal tbody a').getAttribute('href')";
    let goal = app.js(&route_param(link, "goal")).await;
    let goal = goal.as_str().unwrap().to_string();
    let amount = app
        .text("#report-pool-by-goal tbody tr td.num")
        .await
        .trim()
        .to_string();
    app.click("#report-pool-by-goal tbody a").await;
    app.wait_js("location.hash.startsWith('#/pulje/vis/')")
        .await;
    app.wait("#grant-filter-period").await;
    assert_eq!(
        app.js("document.querySelector('select[name=filter_goal]').value")
            .await,
        goal.as_str()
    );
    let note = app.text("#grant-filter-period p").await;
    assert!(note.contains(&amount), "{note} holds {amount}");
    let statuses = app
        .js("Array.from(document.querySelectorAll('#grant-table tbody [data-col=status] span')).map((s) => s.className)")
        .await;
    let statuses: Vec<String> = statuses
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect();
    assert!(!statuses.is_empty());
    for s in &statuses {
        assert!(
            ["bevilget", "delvist_bevilget", "udbetalt", "afrapporteret"]
                .iter()
                .any(|g| s.ends_with(&format!("status-{g}"))),
            "{s}"
        );
    }
    // Cleared: the whole year's list, with more applications than granted.
    app.click("#grant-filter-period-clear").await;
    app.wait_js("!document.querySelector('#grant-filter-period')")
        .await;

    // A ceremony's row → that ceremony in Diplomer, with its diplomas.
    app.goto("#/rapporter").await;
    app.wait("#report-ceremonies tbody a").await;
    let link = "document.querySelector('#report-ceremonies tbody a').getAttribute('href')";
    let ceremony = app.js(&route_param(link, "ceremony")).await;
    let ceremony = ceremony.as_str().unwrap().to_string();
    let diplomas: usize = app
        .text("#report-ceremonies tbody tr td.num")
        .await
        .replace('.', "")
        .parse()
        .unwrap();
    app.click("#report-ceremonies tbody a").await;
    app.wait_js(&format!(
        "location.hash.startsWith('#/diplomer/vis/') && document.querySelector('#ceremony-pick') && document.querySelector('#ceremony-pick').value === '{ceremony}'"
    ))
    .await;
    app.wait_js(&format!(
        "document.querySelectorAll('#diploma-done li').length === {diplomas}"
    ))
    .await;
    app.quit().await;
}

#[tokio::test]
async fn the_consultants_contact_is_edited_in_indstillinger_and_shown_in_the_case() {
    let dir = tempfile::tempdir().unwrap();
    let data = prepare(dir.path());
    let app = App::start_in(&data).await;
    app.goto("#/indstillinger").await;
    app.fill("input[name='programme_contact_name']", "Michela Jørgensen")
        .await;
    app.fill("input[name='programme_contact_email']", "michela@")
        .await;
    app.click("#contact-save").await;
    // Refused at its field; nothing saved.
    app.wait_js(
        "document.querySelector(\"#contact-form [data-error-for='programme_contact_email']\").textContent !== ''",
    )
    .await;
    app.fill(
        "input[name='programme_contact_email']",
        "michela.joergensen@fredericia.dk",
    )
    .await;
    app.fill(
        "input[name='programme_contact_unit']",
        "Sundhed og Forebyggelse",
    )
    .await;
    app.click("#contact-save").await;
    app.wait_js("document.querySelector('#notice').textContent === 'Kontaktpersonen er gemt'")
        .await;
    assert_eq!(
        app.js("document.querySelector(\"#contact-form [data-error-for='programme_contact_email']\").textContent")
            .await,
        ""
    );
    // The same setting in Rapporter → Case.
    app.goto("#/rapporter/case").await;
    app.wait_js("document.querySelector('#contact-form input[name=programme_contact_name]') && document.querySelector('#contact-form input[name=programme_contact_name]').value === 'Michela Jørgensen'").await;
    assert_eq!(
        app.js("document.querySelector('#contact-form input[name=programme_contact_unit]').value")
            .await,
        "Sundhed og Forebyggelse"
    );
    app.quit().await;
    let (store, _) = Store::open_dir(&data).unwrap();
    let saved = sundby_core::reports::contact::get(&store.conn).unwrap();
    assert_eq!(saved.email, "michela.joergensen@fredericia.dk");
}
