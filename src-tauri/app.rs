//! The desktop app: builds the Tauri application around the core. It opens the
//! database once, puts it in Tauri state, registers the plugins and every
//! command. [`register`] is shared with the tests, which use the mock runtime.

use crate::commands::{self, AppState};
use sundby_core::store;
use tauri::{Manager, Runtime};

/// Registers state and every command on a builder (real or mock runtime).
pub fn register<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder
        .manage(state)
        .manage(commands::files::ChosenPaths::default())
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
            commands::settings::backups_list,
            commands::settings::backups_delete,
            // the "Om Sund By Partner" page
            commands::about::about_info,
            // saving documents
            commands::files::output_folder_get,
            commands::files::output_folder_save,
            commands::files::save_dialog,
            commands::files::files_open,
            commands::files::files_reveal,
            // ── partners (issue 3) ──
            commands::partners::partners_list,
            commands::partners::partner_get,
            commands::partners::partner_create,
            commands::partners::partner_update,
            commands::partners::partner_check,
            commands::partners::partner_duplicates,
            commands::partners::partner_delete,
            commands::partners::partner_restore,
            commands::partners::partner_erase,
            commands::partners::partners_empty_bin,
            commands::partners::partners_demo,
            // partner import/export
            commands::partner_io::partner_import_preview,
            commands::partner_io::partner_import_run,
            commands::partner_io::partner_import_undo,
            commands::partner_io::partner_import_batches,
            commands::partner_io::partner_export,
            // ── diplomas (issue 4) ──
            commands::diplomas::diploma_settings_get,
            commands::diplomas::diploma_settings_save,
            commands::diplomas::diploma_queue,
            commands::diplomas::ceremony_list,
            commands::diplomas::ceremony_save,
            commands::diplomas::ceremony_selection_save,
            commands::diplomas::diploma_preview,
            commands::diplomas::diploma_generate,
            commands::diplomas::diploma_mark_issued,
            commands::diplomas::diplomas_for_partner,
            commands::diplomas::ceremony_diplomas,
            commands::diplomas::diploma_reprint,
            // ── events (issue 5) ──
            commands::events::events_list,
            commands::events::event_get,
            commands::events::event_save,
            commands::events::event_delete,
            commands::events::event_partner_options,
            commands::events::event_invite_all_active,
            commands::events::event_participant_add,
            commands::events::event_participants_set_status,
            commands::events::event_participant_update,
            commands::events::event_participant_remove,
            commands::events::event_ics_save,
            commands::events::event_signin_save,
            commands::events::partner_events,
            commands::events::newsletter_start,
            commands::events::newsletter_build,
            commands::events::newsletter_draft_save,
            commands::events::newsletter_save,
            commands::events::newsletter_record,
            // ── grants (issue 6) ──
            commands::grants::grants_pools,
            commands::grants::grants_overview,
            commands::grants::grants_pool_create,
            commands::grants::grants_pool_save,
            commands::grants::grants_list,
            commands::grants::grants_partners,
            commands::grants::grants_get,
            commands::grants::grants_create,
            commands::grants::grants_update,
            commands::grants::grants_start_review,
            commands::grants::grants_decide,
            commands::grants::grants_pay,
            commands::grants::grants_report,
            commands::grants::grants_adjust,
            commands::grants::grants_delete,
            commands::grants::grants_signer_get,
            commands::grants::grants_export,
            commands::grants::grants_letter,
            // ── data safety and privacy (issue 15) ──
            commands::safety::backups_status,
            commands::safety::backup_take,
            commands::safety::backup_restore,
            commands::safety::backup_open_dialog,
            commands::safety::backup_restore_file,
            commands::safety::backup_settings_save,
            commands::safety::data_location,
            commands::safety::partner_consents,
            commands::safety::partner_extract_save,
            commands::safety::contact_extract_save,
            commands::safety::retention_list,
            commands::safety::retention_settings_save,
            commands::safety::retention_erase,
            // ── activities, follow-ups and the Overblik (issue 17) ──
            commands::activities::activity_add,
            commands::activities::activity_delete,
            commands::activities::follow_up_add,
            commands::activities::follow_up_set_done,
            commands::activities::follow_ups_for_partner,
            commands::activities::follow_ups_due,
            commands::activities::partner_timeline,
            commands::activities::recruitment_pipeline,
            commands::overview::overview_get,
            // ── reports (issue 12) ──
            commands::reports::reports_view,
            commands::reports::reports_highlights_save,
            commands::reports::reports_export_xlsx,
            commands::reports::reports_export_pdf,
            commands::reports::evaluations_list,
            commands::reports::evaluation_save,
            commands::reports::evaluation_delete,
            commands::reports::case_get,
            commands::reports::case_save,
            commands::reports::case_text,
            commands::reports::case_export,
            commands::reports::contact_get,
            commands::reports::contact_save,
            // ── fair mode, copies and merging (issue 13) ──
            commands::fair::fair_state,
            commands::fair::fair_sign_up,
            commands::fair::fair_undo,
            commands::fair::fair_count,
            commands::fair::fair_check_in,
            commands::fair::fair_set_active,
            commands::fair::fair_active,
            commands::sync::copy_take,
            commands::sync::copy_info,
            commands::sync::copy_start_notice,
            commands::sync::copies_list,
            commands::sync::copy_files,
            commands::sync::copy_open_dialog,
            commands::sync::merge_preview,
            commands::sync::merge_apply,
            commands::sync::merge_history_partner,
            commands::sync::merge_history_event,
            commands::sync::copy_open,
            commands::sync::copy_close,
            // ── awards (issue 11) ──
            commands::awards::awards_rounds,
            commands::awards::awards_round,
            commands::awards::awards_round_create,
            commands::awards::awards_round_update,
            commands::awards::awards_round_status,
            commands::awards::awards_prize_save,
            commands::awards::awards_prize_remove,
            commands::awards::awards_member_add,
            commands::awards::awards_member_remove,
            commands::awards::awards_partners,
            commands::awards::awards_nominate,
            commands::awards::awards_nomination_update,
            commands::awards::awards_nomination_remove,
            commands::awards::awards_photo_set,
            commands::awards::awards_photo_remove,
            commands::awards::awards_photo_data_url,
            commands::awards::awards_scores_set,
            commands::awards::awards_votes_set,
            commands::awards::awards_votes_import,
            commands::awards::awards_vote_text,
            commands::awards::awards_ballot_cast,
            commands::awards::awards_decide,
            commands::awards::awards_diploma_preview,
            commands::awards::awards_diploma_issue,
            commands::awards::awards_for_partner,
            commands::awards::awards_catalogue_save,
            commands::awards::awards_scoring_sheet_save,
            // ── publications (issue 14) ──
            commands::publications::publications_start,
            commands::publications::publication_text_save,
            commands::publications::catalogue_save,
            commands::publications::webpages_export,
            commands::publications::welcome_build,
            commands::publications::welcome_save,
            commands::publications::welcome_record_sent,
        ])
}

/// Opens the store in the data directory. A refused database is not an
/// exit: the window opens and shows why, leaving the file untouched.
pub fn open_state() -> AppState {
    match store::data_dir() {
        Ok(dir) => {
            // The copy opened with "Åbn en kopi" when the app last ran
            // (e.g. before a power cut), else the office database.
            let (store, forgotten) = sundby_core::sync::open::at_start(&dir);
            let state = AppState::new(store, Some(dir));
            state.set_start_notice(forgotten);
            state.start_up();
            state
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
        .plugin(tauri_plugin_opener::init())
        // "Gem som", opened by the save_dialog command only.
        .plugin(tauri_plugin_dialog::init());
    let app = register(builder, open_state()).build(tauri::generate_context!())?;
    app.run(|handle, event| {
        // Closing after changes: a backup (issue 15).
        if let tauri::RunEvent::Exit = event {
            handle.state::<AppState>().closing();
        }
    });
    Ok(())
}
