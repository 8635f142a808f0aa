//! Commands of the Diplomer view: diploma settings, the queue, ceremonies,
//! live preview, the combined PDF, "Markér som overrakt", reprints, and
//! opening a saved PDF or its folder.

use super::files::ChosenPaths;
use super::{AppState, CmdResult, CommandError};
use serde::Serialize;
use std::path::{Path, PathBuf};
use sundby_core::diploma::store::{
    self, Ceremony, CeremonyInput, DiplomaSettings, Generated, Issued, Occasion, Preview,
    QueueEntry,
};
use sundby_core::diploma::DiplomaError;
use sundby_core::files::{self, DocKind};
use sundby_core::i18n::Lang;
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

/// Only PDFs in the diploma folder, or saved where the save dialog chose,
/// may be opened from the UI.
fn checked_pdf(
    state: &State<'_, AppState>,
    chosen: &ChosenPaths,
    path: &str,
) -> CmdResult<PathBuf> {
    let folder = state.with(|c| files::folder(c, DocKind::Diplomas))?;
    let refuse = || CommandError {
        code: "diploma.open_refused",
        message: match state
            .with(|c| sundby_core::settings::language(c))
            .unwrap_or_default()
        {
            Lang::Da => "Kun diplomer i diplommappen kan åbnes herfra.".into(),
            Lang::En => "Only diplomas in the diploma folder can be opened from here.".into(),
        },
        field: None,
    };
    let p = Path::new(path).canonicalize().map_err(|_| refuse())?;
    let is_pdf = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    let in_folder = folder
        .canonicalize()
        .is_ok_and(|dir| p.parent() == Some(dir.as_path()));
    if !is_pdf || !(in_folder || chosen.contains(&p)) {
        return Err(refuse());
    }
    Ok(p)
}

fn opener_error(state: &State<'_, AppState>, e: impl std::fmt::Display) -> CommandError {
    CommandError {
        code: "diploma.open_failed",
        message: match state
            .with(|c| sundby_core::settings::language(c))
            .unwrap_or_default()
        {
            Lang::Da => format!("PDF'en kunne ikke åbnes: {e}"),
            Lang::En => format!("The PDF could not be opened: {e}"),
        },
        field: None,
    }
}

/// Opens a saved diploma PDF in the system's PDF viewer.
#[tauri::command]
pub async fn diploma_open<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    path: String,
) -> CmdResult<()> {
    let p = checked_pdf(&state, &chosen, &path)?;
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
    let p = checked_pdf(&state, &chosen, &path)?;
    if !super::may_open_files() {
        return Ok(());
    }
    app.opener()
        .reveal_item_in_dir(p)
        .map_err(|e| opener_error(&state, e))
}
