//! Commands of the Publikationer view: the inspiration catalogue's texts,
//! examples, PDF and .docx, the export of the partner pages for the website,
//! and a new partner's welcome pack.

use super::files::ChosenPaths;
use super::{AppState, CmdResult};
use serde::Serialize;
use sundby_core::publications::catalogue::{self, CatalogueInput};
use sundby_core::publications::web::{self, WebExport};
use sundby_core::publications::welcome::{self, SavedPack, SentPack, Welcome};
use sundby_core::publications::{self, PublicationError, Start, Text};
use tauri::State;

/// The file written.
#[derive(Debug, Serialize)]
pub struct SavedPath {
    pub path: String,
}

/// The catalogue's texts and the examples `input` chooses.
#[tauri::command]
pub async fn publications_start(
    state: State<'_, AppState>,
    input: CatalogueInput,
) -> CmdResult<Start> {
    state.with(|c| publications::start(c, &input))
}

/// Stores an edited text ("" = back to the default).
#[tauri::command]
pub async fn publication_text_save(
    state: State<'_, AppState>,
    key: String,
    body: String,
) -> CmdResult<Text> {
    state.with(|c| publications::set_text(c, &key, &body))
}

/// Saves the catalogue as PDF (the default) or .docx in the publications'
/// folder, or at `path` when chosen in the save dialog.
#[tauri::command]
pub async fn catalogue_save(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    input: CatalogueInput,
    path: Option<String>,
    format: Option<catalogue::Format>,
) -> CmdResult<SavedPath> {
    state.with(|c| {
        let target = chosen.target(path.as_deref())?;
        let p = catalogue::save_as(
            c,
            &input,
            &target,
            sundby_core::dates::today(),
            format.unwrap_or_default(),
        )?;
        Ok::<_, PublicationError>(SavedPath {
            path: p.display().to_string(),
        })
    })
}

/// Writes the partner pages in a new folder in the publications' folder,
/// records the export and answers what to publish and what to remove.
#[tauri::command]
pub async fn webpages_export(state: State<'_, AppState>) -> CmdResult<WebExport> {
    state.with(|c| {
        web::export(
            c,
            &sundby_core::files::Target::Folder,
            sundby_core::dates::today(),
        )
    })
}

/// The partner's welcome pack: the e-mail (HTML, text), the diploma queue
/// reminder and the packs sent before.
#[tauri::command]
pub async fn welcome_build(state: State<'_, AppState>, partner_id: String) -> CmdResult<Welcome> {
    state.with(|c| welcome::build(c, &partner_id, sundby_core::dates::today()))
}

/// Saves the welcome pack (the e-mail as HTML and text, the inspiration
/// catalogue beside it) in a new folder in the publications' folder.
#[tauri::command]
pub async fn welcome_save(state: State<'_, AppState>, partner_id: String) -> CmdResult<SavedPack> {
    state.with(|c| {
        welcome::save(
            c,
            &partner_id,
            &sundby_core::files::Target::Folder,
            sundby_core::dates::today(),
        )
    })
}

/// Records that the partner's welcome pack was sent today.
#[tauri::command]
pub async fn welcome_record_sent(
    state: State<'_, AppState>,
    partner_id: String,
) -> CmdResult<SentPack> {
    state.with(|c| welcome::record_sent(c, &partner_id, sundby_core::dates::today()))
}
