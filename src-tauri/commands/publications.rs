//! Commands of the Publikationer view: the inspiration catalogue's texts,
//! examples and PDF, and the export of the partner pages for the website.

use super::files::ChosenPaths;
use super::{AppState, CmdResult};
use serde::Serialize;
use sundby_core::publications::catalogue::{self, CatalogueInput};
use sundby_core::publications::web::{self, WebExport};
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

/// Saves the catalogue's PDF in the publications' folder, or at `path`
/// when chosen in the save dialog.
#[tauri::command]
pub async fn catalogue_save(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    input: CatalogueInput,
    path: Option<String>,
) -> CmdResult<SavedPath> {
    state.with(|c| {
        let target = chosen.target(path.as_deref())?;
        let p = catalogue::save(c, &input, &target, sundby_core::dates::today())?;
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
