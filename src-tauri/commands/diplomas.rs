//! Commands of the Diplomer view: diploma settings, the queue, ceremonies,
//! live preview, the combined PDF, "Markér som overrakt", reprints, and
//! opening a saved PDF or its folder.

use super::files::ChosenPaths;
use super::{AppState, CmdResult, CommandError};
use serde::Serialize;
use sundby_core::diploma::store::{
    self, Ceremony, CeremonyInput, DiplomaSettings, Generated, Issued, Occasion, Preview,
    QueueEntry,
};
use sundby_core::diploma::DiplomaError;
use sundby_core::files::{self, DocKind};
use sundby_core::handoff::{self, HandoffError};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

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

/// The system could not open the PDF (or its folder).
fn opener_error(state: &State<'_, AppState>, e: impl std::fmt::Display) -> CommandError {
    state.error(&HandoffError::DiplomaNotOpened(e.to_string()))
}

/// Opens a saved diploma PDF in the system's PDF viewer.
#[tauri::command]
pub async fn diploma_open<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    path: String,
) -> CmdResult<()> {
    let p = state.with(|c| handoff::diploma_pdf(c, &path, |p| chosen.contains(p)))?;
    if !super::may_open_files() {
        return Ok(());
    }
    app.opener()
        .open_path(p.display().to_string(), None::<&str>)
        .map_err(|e| opener_error(&state, e))
}

/// Shows a saved diploma PDF in the file manager ("Vis i mappe").
#[tauri::command]
pub async fn diploma_reveal<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    path: String,
) -> CmdResult<()> {
    let p = state.with(|c| handoff::diploma_pdf(c, &path, |p| chosen.contains(p)))?;
    if !super::may_open_files() {
        return Ok(());
    }
    app.opener()
        .reveal_item_in_dir(p)
        .map_err(|e| opener_error(&state, e))
}
