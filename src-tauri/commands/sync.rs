//! Commands of taking a copy along and merging it back (Indstillinger →
//! "Tag en kopi med" / "Flet en kopi ind"), the copy banner and a record's
//! merge history.
//!
//! A copy to merge is read only from a path the person chose in the open
//! dialog this session ([`ChosenPaths`]) or from the copies' folder.

use super::files::ChosenPaths;
use super::{AppState, CmdResult, CommandError};
use std::path::PathBuf;
use sundby_core::files::DocKind;
use sundby_core::sync::{
    self, copy::CopyRecord, CopyInfo, CopyOut, HistoryEntry, MergeSummary, Preview,
};
use tauri::State;

#[tauri::command]
pub async fn copy_take(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    path: Option<String>,
) -> CmdResult<CopyOut> {
    state.with_store(|s| {
        let target = chosen.target(path.as_deref())?;
        sync::take(s, &target)
    })
}

#[tauri::command]
pub async fn copy_info(state: State<'_, AppState>) -> CmdResult<Option<CopyInfo>> {
    state.with(|c| sync::copy_info(c))
}

/// Why the copy remembered from the last run did not open at start (the
/// office database opened instead), once; `None` when there is nothing to say.
#[tauri::command]
pub async fn copy_start_notice(state: State<'_, AppState>) -> CmdResult<Option<CommandError>> {
    Ok(state.take_start_notice())
}

#[tauri::command]
pub async fn copies_list(state: State<'_, AppState>) -> CmdResult<Vec<CopyRecord>> {
    state.with(|c| sync::copy::copies(c))
}

#[tauri::command]
pub async fn copy_files(state: State<'_, AppState>) -> CmdResult<Vec<String>> {
    state.with(|c| sync::copy::files_in_folder(c))
}

fn allowed(state: &AppState, chosen: &ChosenPaths, path: &str) -> CmdResult<PathBuf> {
    let p = PathBuf::from(path);
    let in_folder = state.with(|c| {
        sundby_core::files::folder(c, DocKind::Copies).map(|f| p.parent() == Some(f.as_path()))
    })?;
    if in_folder || chosen.contains(&p) {
        Ok(p)
    } else {
        Err(state.error(&sundby_core::files::FileError::NotChosen { path: p }))
    }
}

#[tauri::command]
pub async fn merge_preview(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    path: String,
) -> CmdResult<Preview> {
    let p = allowed(&state, &chosen, &path)?;
    state.with_store(|s| sync::preview(s, &p))
}

#[tauri::command]
pub async fn merge_apply(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    path: String,
    copy_wins: Vec<String>,
) -> CmdResult<MergeSummary> {
    let p = allowed(&state, &chosen, &path)?;
    state.with_store(|s| sync::apply(s, &p, &copy_wins))
}

#[tauri::command]
pub async fn merge_history_partner(
    state: State<'_, AppState>,
    partner_id: String,
) -> CmdResult<Vec<HistoryEntry>> {
    state.with(|c| sync::for_partner(c, &partner_id))
}

#[tauri::command]
pub async fn merge_history_event(
    state: State<'_, AppState>,
    event_id: String,
) -> CmdResult<Vec<HistoryEntry>> {
    state.with(|c| sync::for_event(c, &event_id))
}

fn app_dir(state: &AppState) -> CmdResult<PathBuf> {
    state
        .data_dir
        .clone()
        .ok_or_else(|| state.error(&sync::SyncError::NoDataDir))
}

/// "Åbn en kopi": the app goes on with the copy at `path` (a path the open
/// dialog returned, or one in the copies' folder) instead of the office
/// database, and opens it again at the next start.
#[tauri::command]
pub async fn copy_open(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    path: String,
) -> CmdResult<CopyInfo> {
    let p = allowed(&state, &chosen, &path)?;
    let dir = app_dir(&state)?;
    let mut info = None;
    state.replace(|_| {
        sync::open::open_copy(&p, &dir).map(|(store, i)| {
            info = Some(i);
            store
        })
    })?;
    info.ok_or_else(|| state.error(&sync::SyncError::NotACopy(p)))
}

/// "Luk kopien": back to the office database.
#[tauri::command]
pub async fn copy_close(state: State<'_, AppState>) -> CmdResult<()> {
    let dir = app_dir(&state)?;
    state.replace(|_| sync::open::close_copy(&dir))
}

/// Opens the system's "Åbn" dialog for a copy file (in the copies' folder).
/// Answers the chosen path, or `None` when cancelled or no dialog may open.
#[tauri::command]
pub async fn copy_open_dialog<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
) -> CmdResult<Option<String>> {
    let folder = state.with(|c| sundby_core::files::folder(c, DocKind::Copies))?;
    let picked = super::files::pick_file(&app, &chosen, &folder, "SQLite", &["sqlite3"]).await;
    Ok(picked.map(|p| p.display().to_string()))
}
