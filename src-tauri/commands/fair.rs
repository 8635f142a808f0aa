//! Commands of fair mode (the full-window "messe" view): sign-ups and their
//! undo, the visitor counter, the booths' check-in, and which fair is open.

use super::{AppState, CmdResult};
use sundby_core::fair::{self, FairState, SignUpInput, SignUpOutcome};
use tauri::State;

#[tauri::command]
pub async fn fair_state(state: State<'_, AppState>, event_id: String) -> CmdResult<FairState> {
    state.with(|c| fair::state(c, &event_id))
}

#[tauri::command]
pub async fn fair_sign_up(
    state: State<'_, AppState>,
    event_id: String,
    input: SignUpInput,
) -> CmdResult<SignUpOutcome> {
    state.with(|c| fair::sign_up(c, &event_id, &input))
}

#[tauri::command]
pub async fn fair_undo(state: State<'_, AppState>, signup_id: String) -> CmdResult<()> {
    state.with(|c| fair::undo(c, &signup_id))
}

#[tauri::command]
pub async fn fair_count(
    state: State<'_, AppState>,
    event_id: String,
    delta: i64,
) -> CmdResult<i64> {
    state.with(|c| fair::count_visitors(c, &event_id, delta))
}

#[tauri::command]
pub async fn fair_check_in(
    state: State<'_, AppState>,
    event_id: String,
    partner_id: String,
    on: bool,
) -> CmdResult<FairState> {
    state.with(|c| fair::check_in(c, &event_id, &partner_id, on))
}

#[tauri::command]
pub async fn fair_set_active(
    state: State<'_, AppState>,
    event_id: Option<String>,
) -> CmdResult<()> {
    state.with(|c| fair::set_active(c, event_id.as_deref()))
}

#[tauri::command]
pub async fn fair_active(state: State<'_, AppState>) -> CmdResult<Option<String>> {
    state.with(|c| fair::active(c))
}
