//! Commands of the partner register (issue 3): list and search, detail,
//! create and edit (with all field problems for the form), duplicate
//! warnings, bin, GDPR erasure and demo data. Each calls one core function.

use super::{AppState, CmdResult};
use serde::Serialize;
use sundby_core::i18n::Localize;
use sundby_core::partners::{
    self, dedupe, store::Erased, ListQuery, ListResult, Partner, PartnerInput,
};
use tauri::State;

/// One problem with the form, placed at its field (and contact row).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldProblem {
    pub code: &'static str,
    pub field: Option<&'static str>,
    /// The contact row (0-based) for contact fields.
    pub index: Option<usize>,
    pub message: String,
}

#[tauri::command]
pub async fn partners_list(state: State<'_, AppState>, query: ListQuery) -> CmdResult<ListResult> {
    state.with_partner_index(|c, index| index.list(c, &query))
}

#[tauri::command]
pub async fn partner_get(state: State<'_, AppState>, id: String) -> CmdResult<Partner> {
    state.with(|c| partners::get(c, &id))
}

#[tauri::command]
pub async fn partner_create(state: State<'_, AppState>, input: PartnerInput) -> CmdResult<Partner> {
    state.with(|c| partners::create(c, &input))
}

#[tauri::command]
pub async fn partner_update(
    state: State<'_, AppState>,
    id: String,
    input: PartnerInput,
) -> CmdResult<Partner> {
    state.with(|c| partners::update(c, &id, &input))
}

/// Every problem with the form at once (empty when it can be saved).
#[tauri::command]
pub async fn partner_check(
    state: State<'_, AppState>,
    id: Option<String>,
    input: PartnerInput,
) -> CmdResult<Vec<FieldProblem>> {
    state.with(|c| {
        let lang = sundby_core::settings::language(c).unwrap_or_default();
        let problems = partners::store::problems_for(c, id.as_deref(), &input)?;
        Ok::<_, partners::PartnerError>(
            problems
                .iter()
                .map(|p| FieldProblem {
                    code: p.code(),
                    field: p.field(),
                    index: match p {
                        partners::PartnerError::InvalidContact { index, .. } => Some(*index),
                        _ => None,
                    },
                    message: p.message(lang),
                })
                .collect(),
        )
    })
}

#[tauri::command]
pub async fn partner_duplicates(
    state: State<'_, AppState>,
    name: String,
    emails: Vec<String>,
    except: Option<String>,
) -> CmdResult<Vec<dedupe::Duplicate>> {
    state.with(|c| dedupe::find(c, &name, &emails, except.as_deref()))
}

#[tauri::command]
pub async fn partner_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.with(|c| partners::delete(c, &id))
}

#[tauri::command]
pub async fn partner_restore(state: State<'_, AppState>, id: String) -> CmdResult<Partner> {
    state.with(|c| partners::restore(c, &id))
}

#[tauri::command]
pub async fn partner_erase(state: State<'_, AppState>, id: String) -> CmdResult<Erased> {
    state.with(|c| partners::erase(c, &id))
}

#[tauri::command]
pub async fn partners_empty_bin(state: State<'_, AppState>) -> CmdResult<u32> {
    state.with(partners::empty_bin)
}

#[tauri::command]
pub async fn partners_demo(state: State<'_, AppState>) -> CmdResult<u32> {
    // The demo programme fills every area (`sundby_core::demo`); the
    // partner list reports how many partners it made.
    state.with(|c| sundby_core::demo::load(c, sundby_core::dates::today()).map(|r| r.partners))
}
