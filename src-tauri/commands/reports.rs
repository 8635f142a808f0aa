//! Commands of the Rapporter view: thin wrappers around
//! `sundby_core::reports` (figures and charts of a period, the highlights,
//! the XLSX, the evaluations, the case and the consultant's contact).

use super::files::ChosenPaths;
use super::{AppState, CmdResult};
use std::collections::BTreeMap;
use std::path::PathBuf;
use sundby_core::reports::case::{self, Case};
use sundby_core::reports::contact::{self, Contact};
use sundby_core::reports::evaluation::{self, Evaluation, EvaluationInput};
use sundby_core::reports::view::{self, ReportView};
use sundby_core::reports::{self, output, PeriodInput, ReportError};
use tauri::State;

/// The figures, charts and highlights of a period (empty = the programme's).
#[tauri::command]
pub async fn reports_view(
    state: State<'_, AppState>,
    period: PeriodInput,
) -> CmdResult<ReportView> {
    let lang = state.lang();
    state.with(|c| view::view(c, &period, lang, sundby_core::dates::today()))
}

/// Saves the highlights the consultant writes for the status report.
#[tauri::command]
pub async fn reports_highlights_save(
    state: State<'_, AppState>,
    items: Vec<String>,
) -> CmdResult<Vec<String>> {
    state.with(|c| output::save_highlights(c, &items))
}

/// Saves the figures of a period as XLSX in the reports' folder (or at
/// `path` from the save dialog) Returns the path; the UI opens it through `files_open`.
#[tauri::command]
pub async fn reports_export_xlsx(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    period: PeriodInput,
    path: Option<String>,
) -> CmdResult<String> {
    let lang = state.lang();
    let saved = state.with(|c| -> Result<PathBuf, ReportError> {
        let target = chosen.target(path.as_deref())?;
        let p = reports::period(c, &period, sundby_core::dates::today())?;
        output::save_xlsx(c, p, lang, &target)
    })?;
    Ok(saved.display().to_string())
}

/// Saves the status report of a period as PDF in the reports' folder (or
/// at `path` from the save dialog) Returns the path; the UI opens it through `files_open`.
#[tauri::command]
pub async fn reports_export_pdf(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    period: PeriodInput,
    path: Option<String>,
) -> CmdResult<String> {
    let lang = state.lang();
    let saved = state.with(|c| -> Result<PathBuf, ReportError> {
        let target = chosen.target(path.as_deref())?;
        let p = reports::period(c, &period, sundby_core::dates::today())?;
        output::save_pdf(c, p, lang, sundby_core::dates::today(), &target)
    })?;
    Ok(saved.display().to_string())
}

#[tauri::command]
pub async fn evaluations_list(state: State<'_, AppState>) -> CmdResult<Vec<Evaluation>> {
    state.with(|c| evaluation::list(c))
}

#[tauri::command]
pub async fn evaluation_save(
    state: State<'_, AppState>,
    input: EvaluationInput,
) -> CmdResult<Evaluation> {
    state.with(|c| evaluation::save(c, &input, sundby_core::dates::today()))
}

#[tauri::command]
pub async fn evaluation_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.with(|c| evaluation::delete(c, &id))
}

/// The case for the case bank: the stored edits over the data's prefill.
#[tauri::command]
pub async fn case_get(state: State<'_, AppState>) -> CmdResult<Case> {
    state.with(|c| case::case(c, sundby_core::dates::today()))
}

/// Saves edits of the case (`null` puts a field back to the data's text).
#[tauri::command]
pub async fn case_save(
    state: State<'_, AppState>,
    edits: BTreeMap<String, Option<String>>,
) -> CmdResult<Case> {
    state.with(|c| case::save(c, &edits, sundby_core::dates::today()))
}

/// The case as plain text, field by field, for the case bank's web form.
#[tauri::command]
pub async fn case_text(state: State<'_, AppState>) -> CmdResult<String> {
    state.with(|c| case::case(c, sundby_core::dates::today()).map(|k| case::plain_text(&k)))
}

/// Saves the case as .docx (`format` "docx") or plain text ("txt").
#[tauri::command]
pub async fn case_export(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    format: String,
    path: Option<String>,
) -> CmdResult<String> {
    let saved = state.with(|c| -> Result<PathBuf, ReportError> {
        let target = chosen.target(path.as_deref())?;
        if format == "txt" {
            output::save_case_text(c, sundby_core::dates::today(), &target)
        } else {
            output::save_case_docx(c, sundby_core::dates::today(), &target)
        }
    })?;
    Ok(saved.display().to_string())
}

#[tauri::command]
pub async fn contact_get(state: State<'_, AppState>) -> CmdResult<Contact> {
    state.with(|c| contact::get(c))
}

#[tauri::command]
pub async fn contact_save(state: State<'_, AppState>, input: Contact) -> CmdResult<Contact> {
    state.with(|c| contact::save(c, &input))
}
