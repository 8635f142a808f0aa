//! Where documents are saved, in the real window: Indstillinger shows the
//! documents folder and its subfolder per kind, refuses a folder that is not
//! a whole path at the field, and takes a new folder at once; a partner
//! export then lands in the new folder's `Partnere`, and Diplomer shows the
//! new diplomas' folder.

use crate::harness::{output_dir, App};
use std::path::{Path, PathBuf};

/// The text of `#settings-files-kinds`'s row for `kind` (its folder).
async fn kind_folder(app: &App, kind: &str) -> String {
    app.text(&format!("#settings-files-kinds tr[data-kind='{kind}'] td"))
        .await
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

#[tokio::test]
async fn the_documents_folder_is_chosen_in_settings_and_used() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    let default = output_dir(&app.data_dir);

    // At first the default folder, with one subfolder per kind.
    app.goto("#/indstillinger").await;
    app.wait_text("#settings-files-path", &shown(&default))
        .await;
    assert_eq!(
        app.text("#settings-files-where").await,
        format!("Standard: {}", shown(&default))
    );
    assert_eq!(app.texts("#settings-files-kinds tbody tr").await.len(), 10);
    assert_eq!(
        kind_folder(&app, "partners").await,
        shown(&default.join("Partnere"))
    );
    assert_eq!(
        app.js("document.getElementById('settings-files-default').disabled")
            .await,
        true,
        "already the default"
    );
    // The field has its label.
    assert_eq!(
        app.js("document.querySelector('label[for=\"settings-output-folder\"]').textContent")
            .await,
        "Mappe til dokumenter"
    );

    // A relative path is refused at the field, in Danish; nothing changes.
    app.fill("#settings-output-folder", "Dokumenter/Sund By Partner")
        .await;
    app.click("#settings-files-save").await;
    app.wait_text(
        "#settings-files [data-error-for='output_folder']",
        "«Dokumenter/Sund By Partner» er ikke en hel sti til en mappe. Skriv hele stien, fx C:\\Users\\navn\\Documents\\Sund By Partner.",
    )
    .await;
    assert_eq!(
        app.js("document.getElementById('settings-output-folder').getAttribute('aria-invalid')")
            .await,
        "true"
    );
    assert_eq!(app.text("#settings-files-path").await, shown(&default));

    // A whole path inside the test's folder: shown at once.
    let chosen = dir.path().join("Mine dokumenter");
    app.fill("#settings-output-folder", &shown(&chosen)).await;
    app.click("#settings-files-save").await;
    app.wait_text("#settings-files-path", &shown(&chosen)).await;
    app.wait_text(
        "#notice",
        &format!("Dokumenterne gemmes nu i {}.", shown(&chosen)),
    )
    .await;
    assert_eq!(app.text("#settings-files-where").await, shown(&chosen));
    assert_eq!(
        app.js("document.querySelector('#settings-files [data-error-for=\"output_folder\"]').textContent")
            .await,
        ""
    );
    assert_eq!(
        kind_folder(&app, "partners").await,
        shown(&chosen.join("Partnere"))
    );
    assert_eq!(
        kind_folder(&app, "diplomas").await,
        shown(&chosen.join("Diplomer"))
    );
    if let Some(shots) = std::env::var_os("SUNDBY_SCREENSHOT_DIR") {
        app.js("(document.getElementById('settings-files').scrollIntoView(), true)")
            .await;
        app.screenshot(&Path::new(&shots).join("settings-files.png"))
            .await;
    }

    // A partner export goes in the new folder's Partnere.
    app.goto("#/partnere").await;
    app.click("#partner-demo").await;
    app.wait("#partner-rows tr").await;
    app.click("[data-export='csv']").await;
    app.wait_js("document.querySelector('#notice').textContent.startsWith('Listen er gemt i ')")
        .await;
    let notice = app.text("#notice").await;
    let file = PathBuf::from(notice.trim_start_matches("Listen er gemt i "));
    assert_eq!(
        file.parent(),
        Some(chosen.join("Partnere").as_path()),
        "{notice}"
    );
    assert!(file.is_file(), "{notice}");
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("Partnere ") && name.ends_with(".csv"),
        "{name}"
    );
    assert!(!default.join("Partnere").exists());

    // Diplomer shows the new folder and links to Indstillinger.
    app.goto("#/diplomer").await;
    app.wait_text("#diploma-folder-path", &shown(&chosen.join("Diplomer")))
        .await;
    app.click("#diploma-folder-link").await;
    app.wait("#settings-files-path").await;

    // Back to the default folder.
    app.wait_text("#settings-files-path", &shown(&chosen)).await;
    app.click("#settings-files-default").await;
    app.wait_text(
        "#settings-files-where",
        &format!("Standard: {}", shown(&default)),
    )
    .await;
    assert_eq!(
        app.js("document.getElementById('settings-output-folder').value")
            .await,
        ""
    );
    app.quit().await;
}
