//! The Tauri commands through the mock runtime, as the UI calls them: request
//! URL `tauri://localhost`, JSON arguments, `{code, message, field}` errors.

use crate::common::{invoke, Harness};
use serde_json::json;
use sundby::commands::AppState;
use sundby_core::store::Store;

fn harness() -> Harness {
    Harness::new(Store::open_in_memory().unwrap())
}

#[test]
fn settings_round_trip_through_commands() {
    let h = harness();
    let saved = invoke(
        &h,
        "programme_save",
        json!({ "input": { "municipality": "Fredericia", "name": "Sund By", "period_from": "01.06.2018", "period_to": "" } }),
    )
    .unwrap();
    assert_eq!(saved["period_from"], "2018-06-01");
    let info = invoke(&h, "app_info", json!({})).unwrap();
    assert_eq!(info["programme_name"], "Sund By");
    assert_eq!(info["language"], "da");
    assert!(info["open_error"].is_null());
    let s = invoke(&h, "settings_get", json!({})).unwrap();
    assert_eq!(s["goals"].as_array().unwrap().len(), 7);
}

#[test]
fn errors_come_back_as_code_message_and_field_in_the_chosen_language() {
    let h = harness();
    let err = invoke(&h, "goal_add", json!({ "title": "x".repeat(201) })).unwrap_err();
    assert_eq!(err["code"], "validation.too_long");
    assert_eq!(err["field"], "goal_title");
    assert_eq!(err["message"], "Målsætningens tekst må højst være 200 tegn");

    invoke(&h, "language_set", json!({ "language": "en" })).unwrap();
    let err = invoke(&h, "goal_add", json!({ "title": "" })).unwrap_err();
    assert_eq!(err["message"], "The goal's text is required");
}

#[test]
fn a_logo_that_is_not_an_image_is_refused_and_the_old_one_kept() {
    use base64::Engine;
    let h = harness();
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbaImage::from_pixel(20, 10, image::Rgba([0, 100, 0, 255]))
        .write_to(&mut png, image::ImageFormat::Png)
        .unwrap();
    let b64 = base64::engine::general_purpose::STANDARD.encode(png.into_inner());
    let logo = invoke(&h, "logo_set", json!({ "data": b64 })).unwrap();
    assert_eq!(logo["width"], 20);

    let junk = base64::engine::general_purpose::STANDARD.encode(b"%PDF-1.7 not an image");
    let err = invoke(&h, "logo_set", json!({ "data": junk })).unwrap_err();
    assert_eq!(err["field"], "logo");
    assert_eq!(
        err["message"],
        "Logoet skal være et PNG- eller JPEG-billede"
    );
    let s = invoke(&h, "settings_get", json!({})).unwrap();
    assert_eq!(s["programme"]["logo"]["id"], logo["id"]);

    let url = invoke(&h, "image_data_url", json!({ "id": logo["id"] })).unwrap();
    assert!(url.as_str().unwrap().starts_with("data:image/png;base64,"));
}

#[test]
fn a_refused_database_is_reported_by_every_command() {
    let state = AppState::new(
        Err(sundby_core::store::StoreError::NotADatabase(
            "/x/sundby.sqlite3".into(),
        )),
        None,
    );
    let h = Harness::with_state(state);
    let info = invoke(&h, "app_info", json!({})).unwrap();
    assert_eq!(info["open_error"]["code"], "store.not_a_database");
    let err = invoke(&h, "settings_get", json!({})).unwrap_err();
    assert_eq!(err["code"], "store.not_a_database");
}

#[test]
fn backups_taken_before_an_update_are_listed_and_deleted_through_commands() {
    let dir = tempfile::tempdir().unwrap();
    // A database of the first schema version, as an old install left it.
    {
        let conn =
            rusqlite::Connection::open(dir.path().join(sundby_core::store::DB_FILE)).unwrap();
        conn.execute_batch(sundby_core::store::MIGRATIONS[0].1)
            .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
    }
    let (store, report) = Store::open_dir(dir.path()).unwrap();
    assert!(report.backup.is_some(), "opening the old file took a copy");
    let h = Harness::with_state(AppState::new(Ok(store), Some(dir.path().to_path_buf())));

    let list = invoke(&h, "backups_list", json!({})).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["version"], 1);
    assert!(list[0]["bytes"].as_u64().unwrap() > 0);

    assert_eq!(invoke(&h, "backups_delete", json!({})).unwrap(), 1);
    assert_eq!(invoke(&h, "backups_list", json!({})).unwrap(), json!([]));
    // The database itself is untouched and still answers.
    let s = invoke(&h, "settings_get", json!({})).unwrap();
    assert_eq!(s["goals"].as_array().unwrap().len(), 7);
    assert!(dir.path().join(sundby_core::store::DB_FILE).exists());
}
