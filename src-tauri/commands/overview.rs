//! The Overblik command (issue 17): the whole start page's data in one
//! call, from `sundby_core::overview`.

use super::{AppState, CmdResult};
use sundby_core::dates;
use sundby_core::overview::{self, Overview};
use tauri::State;

#[tauri::command]
pub async fn overview_get(state: State<'_, AppState>) -> CmdResult<Overview> {
    state.with(|c| {
        let lang = sundby_core::settings::language(c).unwrap_or_default();
        overview::overview(c, dates::now_local(), lang)
    })
}
