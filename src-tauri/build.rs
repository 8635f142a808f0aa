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
    // ── partners (issue 3) ──

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

    // ── grants (issue 6) ──
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
