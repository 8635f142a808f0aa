//! Commands of the app shell and the Indstillinger view.

use super::{AppState, CmdResult, CommandError};
use base64::Engine;
use serde::Serialize;
use sundby_core::i18n::Lang;
use sundby_core::settings::{
    self, ImageRef, Programme, ProgrammeInput, Settings, Signatory, SignatoryInput,
};
use sundby_core::validate::{Problem, ValidationError};
use tauri::State;

/// What the UI needs at start-up.
#[derive(Debug, Serialize)]
pub struct AppInfo {
    pub version: &'static str,
    pub schema_version: u32,
    pub data_dir: Option<String>,
    pub language: Lang,
    pub programme_name: String,
    pub municipality: String,
    /// Set when the database could not be opened; the UI shows only this.
    pub open_error: Option<CommandError>,
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> CmdResult<AppInfo> {
    let data_dir = state.data_dir.as_ref().map(|d| d.display().to_string());
    if let Some(err) = state.open_error() {
        return Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION"),
            schema_version: sundby_core::store::schema_version(),
            data_dir,
            language: Lang::Da,
            programme_name: String::new(),
            municipality: String::new(),
            open_error: Some(err),
        });
    }
    state.with(|conn| {
        let p = settings::programme(conn)?;
        Ok::<_, settings::SettingsError>(AppInfo {
            version: env!("CARGO_PKG_VERSION"),
            schema_version: sundby_core::store::schema_version(),
            data_dir,
            language: settings::language(conn)?,
            programme_name: p.name,
            municipality: p.municipality,
            open_error: None,
        })
    })
}

#[tauri::command]
pub async fn settings_get(state: State<'_, AppState>) -> CmdResult<Settings> {
    state.with(|c| settings::get(c))
}

#[tauri::command]
pub async fn programme_save(
    state: State<'_, AppState>,
    input: ProgrammeInput,
) -> CmdResult<Programme> {
    state.with(|c| settings::save_programme(c, &input))
}

#[tauri::command]
pub async fn goal_add(state: State<'_, AppState>, title: String) -> CmdResult<settings::Goal> {
    state.with(|c| settings::add_goal(c, &title))
}

#[tauri::command]
pub async fn goal_rename(state: State<'_, AppState>, id: String, title: String) -> CmdResult<()> {
    state.with(|c| settings::rename_goal(c, &id, &title))
}

#[tauri::command]
pub async fn goal_set_retired(
    state: State<'_, AppState>,
    id: String,
    retired: bool,
) -> CmdResult<()> {
    state.with(|c| settings::set_goal_retired(c, &id, retired))
}

#[tauri::command]
pub async fn goals_reorder(state: State<'_, AppState>, ids: Vec<String>) -> CmdResult<()> {
    state.with(|c| settings::reorder_goals(c, &ids))
}

/// Decodes an uploaded file sent as base64 by the UI.
pub(crate) fn decode_upload(field: &'static str, data: &str) -> Result<Vec<u8>, ValidationError> {
    base64::engine::general_purpose::STANDARD
        .decode(data.trim())
        .map_err(|_| ValidationError::new(field, Problem::NotAnImage))
}

#[tauri::command]
pub async fn logo_set(state: State<'_, AppState>, data: String) -> CmdResult<ImageRef> {
    state.with(|c| {
        let bytes = decode_upload("logo", &data)?;
        settings::set_logo(c, &bytes)
    })
}

#[tauri::command]
pub async fn logo_remove(state: State<'_, AppState>) -> CmdResult<()> {
    state.with(settings::remove_logo)
}

/// Saves a signatory with the signature image chosen in the same form
/// (`signature`: base64, when one was chosen), both or nothing.
#[tauri::command]
pub async fn signatory_save(
    state: State<'_, AppState>,
    input: SignatoryInput,
    signature: Option<String>,
) -> CmdResult<Signatory> {
    state.with(|c| {
        let bytes = signature
            .as_deref()
            .map(|d| decode_upload("signature", d))
            .transpose()?;
        settings::save_signatory_with(c, &input, bytes.as_deref())
    })
}

#[tauri::command]
pub async fn signatory_remove(state: State<'_, AppState>, slot: u8) -> CmdResult<()> {
    state.with(|c| settings::remove_signatory(c, slot))
}

#[tauri::command]
pub async fn signature_set(
    state: State<'_, AppState>,
    slot: u8,
    data: String,
) -> CmdResult<ImageRef> {
    state.with(|c| {
        let bytes = decode_upload("signature", &data)?;
        settings::set_signature(c, slot, &bytes)
    })
}

/// A stored image as a `data:` URL for an `<img>` (allowed by the CSP, offline).
#[tauri::command]
pub async fn image_data_url(state: State<'_, AppState>, id: String) -> CmdResult<Option<String>> {
    state.with(|c| {
        Ok::<_, settings::SettingsError>(
            settings::image_bytes(c, &id)?.map(|(mime, bytes)| data_url(&mime, &bytes)),
        )
    })
}

/// An image as a `data:` URL the web view can show under the strict CSP.
pub(crate) fn data_url(mime: &str, bytes: &[u8]) -> String {
    format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

#[tauri::command]
pub async fn language_set(state: State<'_, AppState>, language: String) -> CmdResult<Lang> {
    state.with(|c| settings::set_language(c, &language))
}

/// The copies of the database taken before migrations, newest first.
#[tauri::command]
pub async fn backups_list(
    state: State<'_, AppState>,
) -> CmdResult<Vec<sundby_core::store::Backup>> {
    state.with_store(|store| match &store.data_dir {
        Some(dir) => sundby_core::store::backups(dir),
        None => Ok(Vec::new()),
    })
}

/// Deletes those copies; returns how many.
#[tauri::command]
pub async fn backups_delete(state: State<'_, AppState>) -> CmdResult<u32> {
    state.with_store(|store| match &store.data_dir {
        Some(dir) => sundby_core::store::delete_backups(dir),
        None => Ok(0),
    })
}
