//! Commands of partner import and export (issue 3).
//!
//! The import file is chosen in the web view with `<input type=file>` and
//! sent as base64 (like `logo_set`): the web view has no file-system access.
//! Every step sends the file again, so the backend keeps no state between
//! the mapping, preview and import steps.
//!
//! Export saves through `sundby_core::files` in the partners' folder
//! (`Dokumenter/Sund By Partner/Partnere`) under a new readable name
//! (`Partnere 2026-11-24 14.05.xlsx`, never overwriting a file), or at the
//! path chosen in the save dialog, and returns the path to show.

use super::files::ChosenPaths;
use super::{AppState, CmdResult};
use base64::Engine;
use sundby_core::partners::export::{self, ExportFormat};
use sundby_core::partners::import::{
    self, mapping::Mapping, Batch, ImportError, ImportReport, OnDuplicate, Preview, UndoReport,
};
use sundby_core::partners::ListQuery;
use sundby_core::settings;
use tauri::State;

fn decode(data: &str) -> Result<Vec<u8>, ImportError> {
    // Base64 is 4/3 of the file: refuse before decoding a huge upload.
    if data.len() / 4 * 3 > import::read::MAX_FILE_BYTES + 3 {
        return Err(ImportError::TooLarge {
            max_mb: import::read::MAX_FILE_MB,
        });
    }
    base64::engine::general_purpose::STANDARD
        .decode(data.trim())
        .map_err(|_| ImportError::NotTabular)
}

/// Reads the file and shows the columns, the (guessed or given) mapping,
/// the first rows, every row problem and the likely duplicates.
#[tauri::command]
pub async fn partner_import_preview(
    state: State<'_, AppState>,
    data: String,
    mapping: Option<Mapping>,
) -> CmdResult<Preview> {
    state.with(|c| {
        let bytes = decode(&data)?;
        let lang = settings::language(c)?;
        import::preview(c, &bytes, mapping.as_ref(), lang)
    })
}

/// Imports the whole file as one batch, or nothing when any row is invalid.
#[tauri::command]
pub async fn partner_import_run(
    state: State<'_, AppState>,
    data: String,
    file_name: String,
    mapping: Option<Mapping>,
    on_duplicate: OnDuplicate,
) -> CmdResult<ImportReport> {
    state.with(|c| {
        let bytes = decode(&data)?;
        let lang = settings::language(c)?;
        import::run(c, &bytes, &file_name, mapping.as_ref(), on_duplicate, lang)
    })
}

/// Undoes a whole import.
#[tauri::command]
pub async fn partner_import_undo(
    state: State<'_, AppState>,
    batch_id: String,
) -> CmdResult<UndoReport> {
    state.with(|c| import::undo(c, &batch_id))
}

/// The imports made, newest first.
#[tauri::command]
pub async fn partner_import_batches(state: State<'_, AppState>) -> CmdResult<Vec<Batch>> {
    state.with(|c| import::batches(c))
}

/// Exports the list as filtered and sorted (`query`) to CSV or XLSX in the
/// partners' folder, or at `path` when chosen in the save dialog; returns
/// the file's path.
#[tauri::command]
pub async fn partner_export(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    query: ListQuery,
    format: ExportFormat,
    path: Option<String>,
) -> CmdResult<String> {
    state.with(|c| {
        let lang = settings::language(c).map_err(export::ExportError::from)?;
        let target = chosen.target(path.as_deref())?;
        export::save(c, &query, format, &target, lang).map(|s| s.path.display().to_string())
    })
}
