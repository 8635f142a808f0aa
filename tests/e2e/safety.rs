//! Data safety and privacy in the real window (issue 15): take a backup,
//! change a partner, restore: the change is gone and a backup of the changed
//! state exists; a partner's register extract is saved from their page.

use crate::harness::{output_dir, App};
#[path = "../common/tools.rs"]
mod tools;
use tools::Mounted;

#[tokio::test]
async fn backup_change_restore_and_the_register_extract() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let csv = dir.path().join("en.csv");
    std::fs::write(
        &csv,
        "Navn;Type;Status\nKopiforeningen;forening;interesseret\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sundby"))
        .args(["import", &csv.display().to_string()])
        .env("SUNDBY_DATA_DIR", &data)
        .output()
        .unwrap();
    assert!(out.status.success());
    let app = App::start_in(&data).await;

    // Take a backup now.
    app.goto("#/indstillinger").await;
    app.wait("#settings-backup-take").await;
    app.click("#settings-backup-take").await;
    app.wait_js("document.querySelectorAll('#settings-backups tbody tr').length >= 2")
        .await;

    // Change the partner.
    app.goto("#/partnere").await;
    app.wait("#partner-rows tr").await;
    app.click("#partner-rows tr .row-link").await;
    app.wait_text("#partner-name", "Kopiforeningen").await;
    app.click("#partner-edit").await;
    app.wait("#partner-form").await;
    app.fill("#partner-form [name='name']", "Ændret Forening")
        .await;
    app.click("#pf-save").await;
    app.wait_text("#partner-name", "Ændret Forening").await;

    // The register extract from the partner's page (JSON).
    app.wait("#partner-extract-json").await;
    app.click("#partner-extract-json").await;
    app.wait_js("[...document.querySelectorAll('#notice')].some(n => n.textContent.includes('Registerudtrækket er gemt'))")
        .await;
    let folder = output_dir(&data).join("Partnere");
    let saved: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&saved[0]).unwrap()).unwrap();
    assert_eq!(json["partner"]["name"], "Ændret Forening");
    // And as a PDF.
    app.click("#partner-extract-pdf").await;
    app.wait_js(
        "[...document.querySelectorAll('#notice')].some(n => n.textContent.includes('.pdf'))",
    )
    .await;
    assert!(std::fs::read_dir(&folder).unwrap().any(|e| e
        .unwrap()
        .path()
        .extension()
        .is_some_and(|x| x == "pdf")));
    // The consent history panel is on the page.
    app.wait("#partner-consents-h").await;

    // Restore the manual copy: the change is gone.
    app.goto("#/indstillinger").await;
    app.wait("#settings-backups tbody tr").await;
    app.js("(document.querySelector('#settings-backups tr[data-file*=\"-manual\"] button').click(), true)")
        .await;
    app.wait(".dialog .btn.danger").await;
    app.click(".dialog .btn.danger").await;
    app.wait_js("[...document.querySelectorAll('#notice')].some(n => n.textContent.includes('er gendannet'))")
        .await;
    app.goto("#/partnere").await;
    app.wait("#partner-rows tr").await;
    app.wait_js(
        "[...document.querySelectorAll('#partner-rows tr .row-link')].map(a => a.textContent).join('|') === 'Kopiforeningen'",
    )
    .await;
    // A backup of the changed state exists.
    let before: Vec<_> = std::fs::read_dir(data.join(sundby_core::store::BACKUP_DIR))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with("-before-restore.sqlite3"))
        .collect();
    assert_eq!(before.len(), 1);
    let conn =
        rusqlite::Connection::open(data.join(sundby_core::store::BACKUP_DIR).join(&before[0]))
            .unwrap();
    let changed: i64 = conn
        .query_row(
            "SELECT count(*) FROM partners WHERE name = 'Ændret Forening'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(changed, 1);
    app.quit().await;
}

/// The header's warning (no backup for 7 days) goes away after "Tag
/// sikkerhedskopi nu" without a restart. The start-up's backup cannot be
/// taken because `backups/` is on a full file system (a small tmpfs), so
/// the header warns; once there is room, a backup from Indstillinger
/// clears the warning.
#[tokio::test]
async fn the_header_warning_refreshes_after_a_backup_now() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let mounted = match Mounted::tmpfs(&dir.path().join("fuld"), "1m") {
        Ok(m) => m,
        Err(e) if std::env::var("SUNDBY_SKIP_MOUNT_TESTS").as_deref() == Ok("1") => {
            eprintln!("NOT RUN: cannot mount a tmpfs here ({e})");
            return;
        }
        Err(e) => panic!("cannot mount a tmpfs ({e}); set SUNDBY_SKIP_MOUNT_TESTS=1 to skip"),
    };
    mounted.fill("fyld.bin");
    std::os::unix::fs::symlink(&mounted.0, data.join(sundby_core::store::BACKUP_DIR)).unwrap();
    let app = App::start_in(&data).await;
    app.wait("#header-safety a[href='#/indstillinger']").await;
    std::fs::remove_file(mounted.0.join("fyld.bin")).unwrap();
    app.goto("#/indstillinger").await;
    app.wait("#settings-backup-take").await;
    app.click("#settings-backup-take").await;
    app.wait("#settings-backups tbody tr").await;
    // Redrawn at once, no restart: the warning is gone.
    app.wait_js("!document.querySelector('#header-safety a[href=\"#/indstillinger\"]')")
        .await;
    app.quit().await;
    drop(mounted);
}
