//! Commands of the Diplomer view: diploma settings, the queue, ceremonies,
//! live preview, the combined PDF, "Markér som overrakt" and reprints
//! (opening a saved PDF or its folder is `files_open` / `files_reveal`).

use super::files::ChosenPaths;
use super::{AppState, CmdResult};
use serde::Serialize;
use sundby_core::diploma::store::{
    self, Ceremony, CeremonyInput, DiplomaSettings, Generated, Issued, Occasion, Preview,
    QueueEntry,
};
use sundby_core::diploma::{selection, DiplomaError};
use sundby_core::files::{self, DocKind};
use tauri::State;

/// The settings with the folder actually used: `settings.folder` is the
/// one documents folder setting ("" = `default_folder`), `folder` the
/// diplomas' subfolder of the folder in use.
#[derive(Debug, Serialize)]
pub struct SettingsView {
    pub settings: DiplomaSettings,
    pub folder: String,
    pub default_folder: String,
}

#[tauri::command]
pub async fn diploma_settings_get(state: State<'_, AppState>) -> CmdResult<SettingsView> {
    state.with(|c| {
        Ok::<_, DiplomaError>(SettingsView {
            settings: store::get_settings(c)?,
            folder: files::folder(c, DocKind::Diplomas)?.display().to_string(),
            default_folder: files::default_folder()?.display().to_string(),
        })
    })
}

#[tauri::command]
pub async fn diploma_settings_save(
    state: State<'_, AppState>,
    input: DiplomaSettings,
) -> CmdResult<DiplomaSettings> {
    state.with(|c| store::save_settings(c, &input))
}

#[tauri::command]
pub async fn diploma_queue(state: State<'_, AppState>) -> CmdResult<Vec<QueueEntry>> {
    state.with(|c| store::queue(c))
}

#[tauri::command]
pub async fn ceremony_list(state: State<'_, AppState>) -> CmdResult<Vec<Ceremony>> {
    state.with(|c| store::ceremonies(c))
}

#[tauri::command]
pub async fn ceremony_save(
    state: State<'_, AppState>,
    input: CeremonyInput,
) -> CmdResult<Ceremony> {
    state.with(|c| store::save_ceremony(c, &input))
}

#[tauri::command]
pub async fn diploma_preview(
    state: State<'_, AppState>,
    partner_id: Option<String>,
    occasion: Occasion,
    settings: Option<DiplomaSettings>,
) -> CmdResult<Preview> {
    state.with(|c| store::preview(c, partner_id.as_deref(), &occasion, settings.as_ref()))
}

/// The ceremony's PDF in the diplomas' folder, or at `path` when chosen in
/// the save dialog.
#[tauri::command]
pub async fn diploma_generate(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    ceremony_id: String,
    partner_ids: Vec<String>,
    path: Option<String>,
) -> CmdResult<Generated> {
    state.with(|c| {
        let target = chosen.target(path.as_deref())?;
        store::generate(c, &ceremony_id, &partner_ids, &target)
    })
}

/// Keeps the partners chosen for a ceremony, in order (they survive a
/// restart; "Markér som overrakt" can follow days later).
#[tauri::command]
pub async fn ceremony_selection_save(
    state: State<'_, AppState>,
    ceremony_id: String,
    partner_ids: Vec<String>,
) -> CmdResult<Vec<String>> {
    state.with(|c| selection::save_selection(c, &ceremony_id, &partner_ids))
}

#[tauri::command]
pub async fn diploma_mark_issued(
    state: State<'_, AppState>,
    ceremony_id: String,
    partner_ids: Vec<String>,
) -> CmdResult<Vec<Issued>> {
    state.with(|c| store::mark_issued(c, &ceremony_id, &partner_ids))
}

#[tauri::command]
pub async fn diplomas_for_partner(
    state: State<'_, AppState>,
    partner_id: String,
) -> CmdResult<Vec<Issued>> {
    state.with(|c| store::for_partner(c, &partner_id))
}

#[tauri::command]
pub async fn ceremony_diplomas(
    state: State<'_, AppState>,
    ceremony_id: String,
) -> CmdResult<Vec<Issued>> {
    state.with(|c| store::for_ceremony(c, &ceremony_id))
}

/// A copy in the diplomas' folder, or at `path` when chosen in the save dialog.
#[tauri::command]
pub async fn diploma_reprint(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    diploma_id: String,
    path: Option<String>,
) -> CmdResult<Generated> {
    state.with(|c| {
        let target = chosen.target(path.as_deref())?;
        store::reprint(c, &diploma_id, &target)
    })
}
