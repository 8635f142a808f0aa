//! Build script: embeds `ui/` and the config through tauri-build, and declares
//! every app command so that the capability in `src-tauri/capabilities/`
//! allows exactly those and nothing else.

const COMMANDS: &[&str] = &[
    // ── shell and settings ──
    "app_info",
    "settings_get",
    "programme_save",
    "goal_add",
    "goal_rename",
    "goal_set_retired",
    "goals_reorder",
    "logo_set",
    "logo_remove",
    "signatory_save",
    "signatory_remove",
    "signature_set",
    "image_data_url",
    "language_set",
    "backups_list",
    "backups_delete",
    // saving documents
    "output_folder_get",
    "output_folder_save",
    "save_dialog",
    // ── partners (issue 3) ──
    "partners_list",
    "partner_get",
    "partner_create",
    "partner_update",
    "partner_check",
    "partner_duplicates",
    "partner_delete",
    "partner_restore",
    "partner_erase",
    "partners_empty_bin",
    "partners_demo",
    // partner import/export
    "partner_import_preview",
    "partner_import_run",
    "partner_import_undo",
    "partner_import_batches",
    "partner_export",
    // ── diplomas (issue 4) ──
    "diploma_settings_get",
    "diploma_settings_save",
    "diploma_queue",
    "ceremony_list",
    "ceremony_save",
    "diploma_preview",
    "diploma_generate",
    "diploma_mark_issued",
    "diplomas_for_partner",
    "ceremony_diplomas",
    "diploma_reprint",
    "diploma_open",
    "diploma_reveal",
    // ── events (issue 5) ──
    "events_list",
    "event_get",
    "event_save",
    "event_delete",
    "event_partner_options",
    "event_invite_all_active",
    "event_participant_add",
    "event_participants_set_status",
    "event_participant_update",
    "event_participant_remove",
    "event_ics_save",
    "event_signin_save",
    "partner_events",
    "newsletter_start",
    "newsletter_build",
    "newsletter_draft_save",
    "newsletter_save",
    "newsletter_record",
    // ── grants (issue 6) ──
    "grants_pools",
    "grants_overview",
    "grants_pool_create",
    "grants_pool_save",
    "grants_list",
    "grants_partners",
    "grants_get",
    "grants_create",
    "grants_update",
    "grants_start_review",
    "grants_decide",
    "grants_pay",
    "grants_report",
    "grants_adjust",
    "grants_delete",
    "grants_signer_get",
    "grants_export",
    "grants_letter",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("src-tauri/capabilities/*.json")
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        eprintln!("tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}
