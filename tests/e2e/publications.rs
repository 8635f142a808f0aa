//! Publikationer in the real window on the demo programme: the catalogue's
//! introduction edited (the preview follows the typing, the text is kept),
//! the catalogue generated as PDF and as Word; the partner pages exported
//! with what to publish; and a welcome pack sent from a partner's page
//! (saved with the catalogue beside the e-mail, marked as sent, shown on
//! the page and in its timeline).

use crate::harness::{output_dir, App};
use std::path::{Path, PathBuf};
use sundby_core::store::Store;

fn prepare(dir: &Path) -> PathBuf {
    let data = dir.join("data");
    let (mut store, _) = Store::open_dir(&data).unwrap();
    sundby_core::demo::load(&mut store.conn, sundby_core::dates::today()).unwrap();
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
async fn publikationer_catalogue_edited_previewed_and_generated_and_web_pages_exported() {
    let dir = tempfile::tempdir().unwrap();
    let data = prepare(dir.path());
    let app = App::start_in(&data).await;
    app.goto("#/publikationer").await;
    app.wait("textarea[data-key='intro']").await;

    // The preview follows the typing.
    let intro = "Sammen gør vi Fredericia sundere – <b>for alle</b>.";
    app.type_over("textarea[data-key='intro']", intro).await;
    app.wait_text("[data-preview='intro']", intro).await;
    // Leaving the field keeps the text (stored, shown again after a reload).
    app.click("textarea[data-key='join']").await;
    app.wait_js("document.querySelector('#notice') !== null")
        .await;
    app.goto("#/overblik").await;
    app.goto("#/publikationer").await;
    app.wait_js(&format!(
        "document.querySelector(\"textarea[data-key='intro']\") && document.querySelector(\"textarea[data-key='intro']\").value === {}",
        serde_json::to_string(intro).unwrap()
    ))
    .await;
    app.wait_text("[data-preview='intro']", intro).await;

    // Generate: the PDF, then the Word document.
    app.click("#catalogue-save").await;
    app.wait_js("document.querySelector('#notice').textContent.startsWith('Kataloget er gemt')")
        .await;
    app.js("(document.querySelector('#notice').textContent = '', true)")
        .await;
    app.click("#catalogue-save-docx").await;
    app.wait_js("document.querySelector('#notice').textContent.startsWith('Kataloget er gemt')")
        .await;
    let folder = output_dir(&data).join("Publikationer");
    let files = files_in(&folder);
    assert!(
        files
            .iter()
            .any(|f| f.starts_with("Inspirationskatalog") && f.ends_with(".pdf")),
        "{files:?}"
    );
    let docx = files
        .iter()
        .find(|f| f.starts_with("Inspirationskatalog") && f.ends_with(".docx"))
        .unwrap_or_else(|| panic!("no .docx in {files:?}"));
    let bytes = std::fs::read(folder.join(docx)).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut z.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains("Sammen gør vi Fredericia sundere – &lt;b&gt;for alle&lt;/b&gt;."));

    // Export the partner pages: the list says what to publish.
    app.click("#webpages-export").await;
    app.wait("#pub-result:not([hidden]) h4").await;
    let result = app.text("#pub-result").await;
    assert!(result.contains("Nye sider"), "{result}");
    let web = files_in(&folder)
        .into_iter()
        .find(|f| f.starts_with("Partnersider"))
        .expect("the export's folder");
    assert!(folder.join(&web).join("index.html").is_file());
    app.quit().await;
}

#[tokio::test]
async fn a_welcome_pack_is_sent_from_the_partners_page() {
    let dir = tempfile::tempdir().unwrap();
    let data = prepare(dir.path());
    let id: String = {
        let (store, _) = Store::open_dir(&data).unwrap();
        let queue = sundby_core::diploma::store::queue(&store.conn).unwrap();
        queue[0].partner_id.clone()
    };
    let app = App::start_in(&data).await;
    app.goto(&format!("#/partnere/{id}")).await;
    app.wait("#partner-welcome [data-welcome='queue']").await;
    app.wait_text("#welcome-sent", "Velkomstpakken er ikke sendt endnu.")
        .await;

    app.click("#welcome-save").await;
    app.wait_js(
        "document.querySelector('#notice').textContent.startsWith('Velkomstpakken er gemt')",
    )
    .await;
    let folder = output_dir(&data).join("Publikationer");
    let pack = files_in(&folder)
        .into_iter()
        .find(|f| f.starts_with("Velkomstpakke"))
        .expect("the pack's folder");
    let inside = files_in(&folder.join(&pack));
    assert!(
        inside.contains(&"Velkomstmail.html".to_string()),
        "{inside:?}"
    );
    assert!(
        inside.contains(&"Velkomstmail.txt".to_string()),
        "{inside:?}"
    );
    assert!(
        inside
            .iter()
            .any(|f| f.starts_with("Inspirationskatalog") && f.ends_with(".pdf")),
        "{inside:?}"
    );

    app.click("#welcome-record").await;
    app.wait("#welcome-sent[data-count='1']").await;
    assert!(app.text("#welcome-sent").await.starts_with("Sendt: "));
    // The timeline shows it when the page is opened again.
    app.goto("#/overblik").await;
    app.goto(&format!("#/partnere/{id}")).await;
    app.wait("#partner-timeline li[data-source='welcome']")
        .await;
    app.wait("#welcome-sent[data-count='1']").await;
    app.quit().await;
}
