//! The "Om Sund By Partner" page, reached from the navigation's footer, and
//! the app as a package installs it: `scripts/install-test.sh` runs the
//! `install` tests below with `SUNDBY_E2E_BIN=/usr/bin/sundby` after
//! installing the .deb (the default test command runs them on this build).

use crate::harness::{binary, App};
use std::process::Command;

#[tokio::test]
async fn the_footer_opens_the_about_page_with_the_installation_and_the_licences() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::start(dir.path()).await;
    app.click("#sidebar-foot a[data-route='om']").await;
    app.wait_text("#about-title", "Om Sund By Partner").await;
    assert_eq!(
        app.js("document.querySelector('#sidebar-foot a[aria-current=\"page\"]').textContent")
            .await,
        "Om Sund By Partner"
    );
    assert_eq!(app.text("#about-version").await, env!("CARGO_PKG_VERSION"));
    assert_eq!(
        app.text("#about-data-dir").await,
        app.data_dir.display().to_string()
    );
    assert_eq!(
        app.text("#about-db-path").await,
        app.data_dir.join("sundby.sqlite3").display().to_string()
    );
    assert_eq!(
        app.text("#about-schema").await,
        sundby_core::store::schema_version().to_string()
    );
    // Every crate of the generated list, and the two bundled font families.
    let crates = app
        .js("document.querySelectorAll('#about-crates li').length")
        .await;
    assert!(crates.as_u64().unwrap() > 300, "{crates}");
    assert_eq!(
        app.texts("#about-fonts li summary strong").await,
        ["EB Garamond", "Lato"]
    );
    // A font's licence text is drawn when it is opened.
    app.click("#about-fonts li:first-child summary").await;
    app.wait_js("(document.querySelector('#about-fonts li:first-child pre') || {}).textContent?.includes('SIL OPEN FONT LICENSE Version 1.1')")
        .await;
    // The search narrows the list; the app's own licence is MIT.
    app.fill("#about-crate-search", "rusqlite").await;
    app.wait_js("document.querySelectorAll('#about-crates li').length === 1")
        .await;
    assert!(app.text("#about-crates li summary").await.contains("MIT"));
    app.click("#about-own-text summary").await;
    app.wait_js(
        "document.querySelector('#about-own-text pre')?.textContent.startsWith('MIT License')",
    )
    .await;
    app.screenshot(&dir.path().join("about.png")).await;
    app.quit().await;
}

/// The binary under test loads the demo programme through its CLI, then its
/// window lists the partners: for the installed package, this is the app a
/// user starts from the desktop menu.
#[tokio::test]
async fn install_the_binary_lists_the_partners_its_cli_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    eprintln!("app under test: {}", binary().display());
    let out = Command::new(binary())
        .arg("demo")
        .env("SUNDBY_DATA_DIR", &data_dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let app = App::start_in(&data_dir).await;
    app.goto("#/partnere").await;
    app.wait_text("#partner-counts", "60 partnere, 41 aktive")
        .await;
    assert_eq!(
        app.js("document.querySelectorAll('#partner-rows tr').length")
            .await,
        50
    );
    app.quit().await;
}
