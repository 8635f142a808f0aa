//! Commands of the activity log and follow-ups (issue 17): the partner
//! page's log, follow-ups and timeline, and the recruitment pipeline. Each
//! calls one core function with today's date in Denmark.

use super::{AppState, CmdResult};
use sundby_core::activities::{
    self, Activity, ActivityInput, DueFollowUp, FollowUp, FollowUpInput, Lead, TimelineEntry,
};
use sundby_core::dates;
use tauri::State;

#[tauri::command]
pub async fn activity_add(
    state: State<'_, AppState>,
    partner_id: String,
    input: ActivityInput,
) -> CmdResult<Activity> {
    state.with(|c| activities::add(c, &partner_id, &input, dates::today()))
}

#[tauri::command]
pub async fn activity_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.with(|c| activities::delete(c, &id))
}

#[tauri::command]
pub async fn follow_up_add(
    state: State<'_, AppState>,
    partner_id: String,
    input: FollowUpInput,
) -> CmdResult<FollowUp> {
    state.with(|c| activities::add_follow_up(c, &partner_id, &input, dates::today()))
}

#[tauri::command]
pub async fn follow_up_set_done(
    state: State<'_, AppState>,
    id: String,
    done: bool,
) -> CmdResult<FollowUp> {
    state.with(|c| activities::set_done(c, &id, done, dates::today()))
}

#[tauri::command]
pub async fn follow_ups_for_partner(
    state: State<'_, AppState>,
    partner_id: String,
) -> CmdResult<Vec<FollowUp>> {
    state.with(|c| activities::follow_ups(c, &partner_id, dates::today()))
}

/// Every follow-up due today or overdue (the Overblik lists the first few).
#[tauri::command]
pub async fn follow_ups_due(state: State<'_, AppState>) -> CmdResult<Vec<DueFollowUp>> {
    state.with(|c| activities::due(c, dates::today()))
}

#[tauri::command]
pub async fn partner_timeline(
    state: State<'_, AppState>,
    partner_id: String,
) -> CmdResult<Vec<TimelineEntry>> {
    state.with(|c| activities::timeline(c, &partner_id))
}

#[tauri::command]
pub async fn recruitment_pipeline(state: State<'_, AppState>) -> CmdResult<Vec<Lead>> {
    state.with(|c| activities::pipeline(c, dates::today()))
}
