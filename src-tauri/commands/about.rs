//! The "Om Sund By Partner" page: the version, data folder, database and
//! schema version, from the core function `sundby info` prints
//! ([`sundby_core::about::about`]). The licences are a file of the UI.

use super::{AppState, CmdResult};
use sundby_core::about::{self, About};
use tauri::State;

#[tauri::command]
pub async fn about_info(state: State<'_, AppState>) -> CmdResult<About> {
    state.with_store(|s| about::about(s))
}
