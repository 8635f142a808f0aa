//! Commands of the Arrangementer view (events, participants, `.ics`, sign-in
//! sheet, newsletter) and the events list on a partner's page.

use super::files::ChosenPaths;
use super::{AppState, CmdResult};
use serde::Serialize;
use sundby_core::events::newsletter::{self, Newsletter, NewsletterInput, NewsletterIssue, Period};
use sundby_core::events::store::{
    self, EventDetail, EventSummary, ListFilter, ParticipantInput, PartnerEvent,
};
use sundby_core::events::{ics, signin, EventInput, EventsError, ParticipantStatus};
use sundby_core::partners::PartnerOption;
use tauri::State;

/// Files written for the user, by full path.
#[derive(Debug, Serialize)]
pub struct SavedFiles {
    pub paths: Vec<String>,
}

impl SavedFiles {
    fn of(paths: &[std::path::PathBuf]) -> SavedFiles {
        SavedFiles {
            paths: paths.iter().map(|p| p.display().to_string()).collect(),
        }
    }
}

/// Result of inviting every active partner.
#[derive(Debug, Serialize)]
pub struct Invited {
    pub added: usize,
    pub detail: EventDetail,
}

/// What the newsletter page opens with.
#[derive(Debug, Serialize)]
pub struct NewsletterStart {
    pub period: Period,
    pub draft: Option<NewsletterInput>,
    pub issues: Vec<NewsletterIssue>,
}

#[tauri::command]
pub async fn events_list(
    state: State<'_, AppState>,
    filter: ListFilter,
) -> CmdResult<Vec<EventSummary>> {
    state.with(|c| store::list(c, &filter, sundby_core::dates::now_local()))
}

#[tauri::command]
pub async fn event_get(state: State<'_, AppState>, id: String) -> CmdResult<EventDetail> {
    state.with(|c| store::get(c, &id))
}

#[tauri::command]
pub async fn event_save(state: State<'_, AppState>, input: EventInput) -> CmdResult<EventDetail> {
    state.with(|c| store::save(c, &input))
}

#[tauri::command]
pub async fn event_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.with(|c| store::delete(c, &id))
}

#[tauri::command]
pub async fn event_partner_options(state: State<'_, AppState>) -> CmdResult<Vec<PartnerOption>> {
    state.with(|c| store::partner_options(c))
}

#[tauri::command]
pub async fn event_invite_all_active(
    state: State<'_, AppState>,
    event_id: String,
) -> CmdResult<Invited> {
    state.with(|c| {
        let added = store::invite_all_active(c, &event_id)?;
        Ok::<_, EventsError>(Invited {
            added,
            detail: store::get(c, &event_id)?,
        })
    })
}

#[tauri::command]
pub async fn event_participant_add(
    state: State<'_, AppState>,
    event_id: String,
    partner_id: String,
) -> CmdResult<EventDetail> {
    state.with(|c| store::add_participant(c, &event_id, &partner_id, ParticipantStatus::Inviteret))
}

#[tauri::command]
pub async fn event_participants_set_status(
    state: State<'_, AppState>,
    event_id: String,
    ids: Vec<String>,
    status: String,
) -> CmdResult<EventDetail> {
    state.with(|c| {
        store::set_status(c, &event_id, &ids, &status)?;
        store::get(c, &event_id)
    })
}

#[tauri::command]
pub async fn event_participant_update(
    state: State<'_, AppState>,
    id: String,
    input: ParticipantInput,
) -> CmdResult<EventDetail> {
    state.with(|c| store::update_participant(c, &id, &input))
}

#[tauri::command]
pub async fn event_participant_remove(
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<EventDetail> {
    state.with(|c| store::remove_participant(c, &id))
}

/// Saves the event as `.ics` in the events' folder, or at `path` when
/// chosen in the save dialog; returns the path.
#[tauri::command]
pub async fn event_ics_save(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    id: String,
    path: Option<String>,
) -> CmdResult<SavedFiles> {
    state.with(|c| {
        let path = ics::save(c, &id, &chosen.target(path.as_deref())?)?;
        Ok::<_, EventsError>(SavedFiles::of(&[path]))
    })
}

/// Saves the sign-in sheet PDF in the events' folder, or at `path` when
/// chosen in the save dialog; returns the path.
#[tauri::command]
pub async fn event_signin_save(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    id: String,
    path: Option<String>,
) -> CmdResult<SavedFiles> {
    state.with(|c| {
        let path = signin::save(c, &id, &chosen.target(path.as_deref())?)?;
        Ok::<_, EventsError>(SavedFiles::of(&[path]))
    })
}

/// Events a partner organised or is on the list of (for the partner's page).
#[tauri::command]
pub async fn partner_events(
    state: State<'_, AppState>,
    partner_id: String,
) -> CmdResult<Vec<PartnerEvent>> {
    state.with(|c| store::partner_events(c, &partner_id))
}

#[tauri::command]
pub async fn newsletter_start(state: State<'_, AppState>) -> CmdResult<NewsletterStart> {
    state.with(|c| {
        Ok::<_, EventsError>(NewsletterStart {
            period: newsletter::suggest_period(c, sundby_core::dates::today())?,
            draft: newsletter::draft(c)?,
            issues: newsletter::issues(c)?,
        })
    })
}

#[tauri::command]
pub async fn newsletter_build(
    state: State<'_, AppState>,
    input: NewsletterInput,
) -> CmdResult<Newsletter> {
    state.with(|c| {
        newsletter::save_draft(c, &input)?;
        newsletter::build(c, &input)
    })
}

#[tauri::command]
pub async fn newsletter_draft_save(
    state: State<'_, AppState>,
    input: NewsletterInput,
) -> CmdResult<()> {
    state.with(|c| newsletter::save_draft(c, &input))
}

/// Saves the HTML, the plain text and the recipients' CSV in the
/// newsletters' folder, or beside the HTML's `path` when chosen in the save
/// dialog; returns the three paths.
#[tauri::command]
pub async fn newsletter_save(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    input: NewsletterInput,
    path: Option<String>,
) -> CmdResult<SavedFiles> {
    state.with(|c| {
        let (_, paths) = newsletter::save(c, &input, &chosen.target(path.as_deref())?)?;
        Ok::<_, EventsError>(SavedFiles::of(&paths))
    })
}

/// Records the issue as sent today (date and recipient count).
#[tauri::command]
pub async fn newsletter_record(
    state: State<'_, AppState>,
    input: NewsletterInput,
) -> CmdResult<NewsletterIssue> {
    state.with(|c| newsletter::record(c, &input, sundby_core::dates::today()))
}
