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

    // ── events (issue 5) ──

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
