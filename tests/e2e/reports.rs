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
