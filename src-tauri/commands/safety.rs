//! Commands of data safety and privacy (issue 15): the backups card in
//! Indstillinger (status, take now, restore, settings), the data folder's
//! location warning, a partner's consent history and register extract.

use super::files::ChosenPaths;
use super::{AppState, CmdResult, CommandError};
use sundby_core::backups::{self, BackupSettings, Restored, Status, Taken};
use sundby_core::partners::consents::{self, ConsentChange};
use sundby_core::privacy::{
    self,
    retention::{self, RetentionList, RetentionSettings},
};
use sundby_core::store::CopyKind;
use tauri::State;

/// The copies with their counts, the last good one, the warning, the settings.
#[tauri::command]
pub async fn backups_status(state: State<'_, AppState>) -> CmdResult<Status> {
    state.with_store(|s| backups::status(s))
}

/// "Tag sikkerhedskopi nu".
#[tauri::command]
pub async fn backup_take(state: State<'_, AppState>) -> CmdResult<Taken> {
    state.with_store(|s| backups::take(s, CopyKind::MANUAL))
}

/// "Gendan": restores the copy named `file_name` in `backups/`.
#[tauri::command]
pub async fn backup_restore(state: State<'_, AppState>, file_name: String) -> CmdResult<Restored> {
    let restored = state.with_store(|s| backups::restore_named(s, &file_name))?;
    state.reset_partner_index();
    Ok(restored)
}

/// "Gendan fra en fil…": opens the system's "Åbn" dialog for a backup file
/// anywhere (a USB stick, the network drive); answers the chosen path, or
/// `None` when cancelled or no dialog may open.
#[tauri::command]
pub async fn backup_open_dialog<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
) -> CmdResult<Option<String>> {
    let folder = state
        .data_dir
        .as_deref()
        .map(|d| d.join(sundby_core::store::BACKUP_DIR))
        .unwrap_or_default();
    let picked =
        super::files::pick_file(&app, &chosen, &folder, "SQLite", &["sqlite3", "db"]).await;
    Ok(picked.map(|p| p.display().to_string()))
}

/// Restores the database from a file chosen in the "Åbn" dialog this
/// session: checked and brought to this version's schema like `sundby
/// restore FILE` (the same core function).
#[tauri::command]
pub async fn backup_restore_file(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    path: String,
) -> CmdResult<Restored> {
    let p = std::path::PathBuf::from(&path);
    if !chosen.contains(&p) {
        return Err(state.error(&sundby_core::files::FileError::NotChosen { path: p }));
    }
    let restored = state.with_store(|s| backups::restore(s, &p))?;
    state.reset_partner_index();
    Ok(restored)
}

/// Saves the rotation and the second folder.
#[tauri::command]
pub async fn backup_settings_save(
    state: State<'_, AppState>,
    settings: BackupSettings,
) -> CmdResult<BackupSettings> {
    state.with(|c| backups::save_settings(c, &settings))
}

/// Why the data folder's place is unsafe for the database, if it is.
#[tauri::command]
pub async fn data_location(state: State<'_, AppState>) -> CmdResult<Option<CommandError>> {
    let risk = state.data_dir.as_deref().and_then(backups::location::check);
    Ok(risk.map(|r| state.error(&r)))
}

/// A partner's consent history, oldest first.
#[tauri::command]
pub async fn partner_consents(
    state: State<'_, AppState>,
    partner_id: String,
) -> CmdResult<Vec<ConsentChange>> {
    state.with(|c| consents::history(c, &partner_id))
}

/// Saves a partner's register extract as JSON or PDF (in the partners'
/// folder, or at `path` when chosen in the save dialog); returns the path.
#[tauri::command]
pub async fn partner_extract_save(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    partner_id: String,
    format: privacy::Format,
    path: Option<String>,
) -> CmdResult<String> {
    state.with(|c| {
        let lang = sundby_core::settings::language(c).unwrap_or_default();
        let target = chosen.target(path.as_deref())?;
        privacy::save(c, &partner_id, format, &target, lang).map(|p| p.display().to_string())
    })
}

/// Saves one contact person's register extract (their own data only) as
/// JSON or PDF; returns the path.
#[tauri::command]
pub async fn contact_extract_save(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    contact_id: String,
    format: privacy::Format,
    path: Option<String>,
) -> CmdResult<String> {
    state.with(|c| {
        let lang = sundby_core::settings::language(c).unwrap_or_default();
        let target = chosen.target(path.as_deref())?;
        privacy::contact::save(c, &contact_id, format, &target, lang)
            .map(|p| p.display().to_string())
    })
}

/// The partners whose personal data is no longer needed (retention).
#[tauri::command]
pub async fn retention_list(state: State<'_, AppState>) -> CmdResult<RetentionList> {
    state.with(|c| retention::due_today(c))
}

/// Saves how long personal data is kept after a partner ended.
#[tauri::command]
pub async fn retention_settings_save(
    state: State<'_, AppState>,
    settings: RetentionSettings,
) -> CmdResult<RetentionSettings> {
    state.with(|c| retention::save_settings(c, settings))
}

/// Erases every partner on the retention list; returns how many.
#[tauri::command]
pub async fn retention_erase(state: State<'_, AppState>) -> CmdResult<u32> {
    state.with(retention::erase_due_today)
}
