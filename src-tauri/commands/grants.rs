//! Commands of the Pulje view: thin wrappers around `sundby_core::grants`.

use super::files::ChosenPaths;
use super::{AppState, CmdResult};
use serde::Serialize;
use sundby_core::grants::letter::{self, LetterFonts, Signer};
use sundby_core::grants::{
    self, export, AdjustInput, Adjustment, Application, ApplicationFilter, ApplicationInput,
    DecisionInput, GrantError, HistoryEntry, Pool, PoolInput, ReportInput, YearOverview,
};
use sundby_core::i18n::Lang;
use sundby_core::partners::PartnerOption;
use tauri::State;

/// The language the user has chosen.
fn lang(state: &State<'_, AppState>) -> Lang {
    state.lang()
}

/// Every pool, newest year first (for the year picker).
#[tauri::command]
pub async fn grants_pools(state: State<'_, AppState>) -> CmdResult<Vec<Pool>> {
    state.with(|c| grants::pools(c))
}

/// Pool, granted, paid and remaining, counts and totals of a year.
#[tauri::command]
pub async fn grants_overview(state: State<'_, AppState>, year: i32) -> CmdResult<YearOverview> {
    let lang = lang(&state);
    state.with(|c| grants::overview(c, year, lang))
}

/// Makes a year's pool with the defaults.
#[tauri::command]
pub async fn grants_pool_create(state: State<'_, AppState>, year: i32) -> CmdResult<Pool> {
    state.with(|c| grants::ensure_pool(c, year))
}

#[tauri::command]
pub async fn grants_pool_save(state: State<'_, AppState>, input: PoolInput) -> CmdResult<Pool> {
    state.with(|c| grants::update_pool(c, &input))
}

#[tauri::command]
pub async fn grants_list(
    state: State<'_, AppState>,
    year: i32,
    filter: ApplicationFilter,
) -> CmdResult<Vec<Application>> {
    state.with(|c| grants::applications(c, year, &filter))
}

#[tauri::command]
pub async fn grants_partners(state: State<'_, AppState>) -> CmdResult<Vec<PartnerOption>> {
    state.with(|c| grants::partner_choices(c))
}

/// One application with its history and adjustments.
#[derive(Debug, Serialize)]
pub struct ApplicationDetail {
    pub application: Application,
    pub history: Vec<HistoryEntry>,
    pub adjustments: Vec<Adjustment>,
}

#[tauri::command]
pub async fn grants_get(state: State<'_, AppState>, id: String) -> CmdResult<ApplicationDetail> {
    state.with(|c| {
        Ok::<_, GrantError>(ApplicationDetail {
            application: grants::application(c, &id)?,
            history: grants::history(c, &id)?,
            adjustments: grants::adjustments(c, &id)?,
        })
    })
}

#[tauri::command]
pub async fn grants_create(
    state: State<'_, AppState>,
    input: ApplicationInput,
) -> CmdResult<Application> {
    state.with(|c| grants::create_application(c, &input))
}

#[tauri::command]
pub async fn grants_update(
    state: State<'_, AppState>,
    id: String,
    input: ApplicationInput,
) -> CmdResult<Application> {
    state.with(|c| grants::update_application(c, &id, &input))
}

#[tauri::command]
pub async fn grants_start_review(state: State<'_, AppState>, id: String) -> CmdResult<Application> {
    state.with(|c| grants::start_review(c, &id))
}

#[tauri::command]
pub async fn grants_decide(
    state: State<'_, AppState>,
    id: String,
    input: DecisionInput,
) -> CmdResult<Application> {
    state.with(|c| grants::decide(c, &id, &input))
}

#[tauri::command]
pub async fn grants_pay(
    state: State<'_, AppState>,
    id: String,
    paid_on: String,
) -> CmdResult<Application> {
    state.with(|c| grants::pay(c, &id, &paid_on))
}

#[tauri::command]
pub async fn grants_report(
    state: State<'_, AppState>,
    id: String,
    input: ReportInput,
) -> CmdResult<Application> {
    state.with(|c| grants::report(c, &id, &input))
}

#[tauri::command]
pub async fn grants_adjust(
    state: State<'_, AppState>,
    id: String,
    input: AdjustInput,
) -> CmdResult<Application> {
    state.with(|c| grants::adjust(c, &id, &input))
}

#[tauri::command]
pub async fn grants_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.with(|c| grants::delete(c, &id))
}

#[tauri::command]
pub async fn grants_signer_get(state: State<'_, AppState>) -> CmdResult<Signer> {
    state.with(|c| letter::signer(c))
}

/// Saves the XLSX of a year in the pool's folder (never replacing an
/// earlier export), or at `path` when chosen in the save dialog. Returns the
/// path; the UI opens it through `files_open`.
#[tauri::command]
pub async fn grants_export(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    year: i32,
    path: Option<String>,
) -> CmdResult<String> {
    let lang = lang(&state);
    let path = state.with(|c| {
        let target = chosen.target(path.as_deref())?;
        export::save_year(c, year, lang, &target)
    })?;
    Ok(path.path.display().to_string())
}

/// Saves the signer, writes the decision letter in the letters' folder (or
/// at `path` when chosen in the save dialog). Returns the path; the UI
/// opens it through `files_open`.
#[tauri::command]
pub async fn grants_letter(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    id: String,
    signer: Signer,
    path: Option<String>,
) -> CmdResult<String> {
    let path = state.with(|c| {
        let target = chosen.target(path.as_deref())?;
        letter::set_signer(c, &signer)?;
        let fonts = LetterFonts::bundled();
        letter::write_letter(c, &id, &fonts, &target)
    })?;
    Ok(path.display().to_string())
}
