//! The desktop app: builds the Tauri application around the core. It opens the
//! database once, puts it in Tauri state, registers the plugins and every
//! command. [`register`] is shared with the tests, which use the mock runtime.

use crate::commands::{self, AppState};
use crate::store::{self, Store};
use tauri::{Manager, Runtime};

/// Registers state and every command on a builder (real or mock runtime).
pub fn register<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            // ── shell and settings ──
            commands::settings::app_info,
            commands::settings::settings_get,
            commands::settings::programme_save,
            commands::settings::goal_add,
            commands::settings::goal_rename,
            commands::settings::goal_set_retired,
            commands::settings::goals_reorder,
            commands::settings::logo_set,
            commands::settings::logo_remove,
            commands::settings::signatory_save,
            commands::settings::signatory_remove,
            commands::settings::signature_set,
            commands::settings::image_data_url,
            commands::settings::language_set,
            // ── partners (issue 3) ──

            // ── diplomas (issue 4) ──
            commands::diplomas::diploma_settings_get,
            commands::diplomas::diploma_settings_save,
            commands::diplomas::diploma_queue,
            commands::diplomas::ceremony_list,
            commands::diplomas::ceremony_save,
            commands::diplomas::diploma_preview,
            commands::diplomas::diploma_generate,
            commands::diplomas::diploma_mark_issued,
            commands::diplomas::diplomas_for_partner,
            commands::diplomas::ceremony_diplomas,
            commands::diplomas::diploma_reprint,
            commands::diplomas::diploma_open,
            commands::diplomas::diploma_reveal,
            // ── events (issue 5) ──

            // ── grants (issue 6) ──
        ])
}

/// Opens the store in the data directory. A refused database is not an
/// exit: the window opens and shows why, leaving the file untouched.
pub fn open_state() -> AppState {
    match store::data_dir() {
        Ok(dir) => {
            let store = Store::open_dir(&dir).map(|(s, _)| s);
            AppState::new(store, Some(dir))
        }
        Err(e) => AppState::new(Err(e), None),
    }
}

/// Runs the desktop app until its window closes.
pub fn run() -> Result<(), tauri::Error> {
    let builder = tauri::Builder::default()
        // First: a second launch focuses the running window instead of
        // opening a second writer on the same database.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_opener::init());
    register(builder, open_state()).run(tauri::generate_context!())
}
