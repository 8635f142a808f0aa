//! Commands of the Arrangementer view (events, participants, `.ics`, sign-in
//! sheet, newsletter) and the events list on a partner's page.

use super::{AppState, CmdResult};
use serde::Serialize;
use sundby_core::events::newsletter::{self, Newsletter, NewsletterInput, NewsletterIssue, Period};
use sundby_core::events::store::{
    self, EventDetail, EventSummary, ListFilter, ParticipantInput, PartnerEvent,
};
use sundby_core::events::{self, ics, signin, EventInput, EventsError, ParticipantStatus};
use sundby_core::partners::PartnerOption;
use tauri::State;

/// Files written for the user, by full path.
#[derive(Debug, Serialize)]
pub struct SavedFiles {
    pub paths: Vec<String>,
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
    state.with(|c| store::list(c, &filter, events::now_local()))
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

/// Saves the event as `.ics` in the output folder; returns the path.
#[tauri::command]
pub async fn event_ics_save(state: State<'_, AppState>, id: String) -> CmdResult<SavedFiles> {
    let data_dir = state.data_dir.clone();
    state.with(|c| {
        let detail = store::get(c, &id)?;
        let programme = sundby_core::settings::programme(c)?;
        let text = ics::event_ics(&detail.event, &programme.name, chrono::Utc::now())?;
        let dir = events::output_dir(c, data_dir.as_deref())?;
        let path = events::save_new(&dir, &ics::file_name(&detail.event), text.as_bytes())?;
        Ok::<_, EventsError>(SavedFiles {
            paths: vec![path.display().to_string()],
        })
    })
}

/// Saves the sign-in sheet PDF in the output folder; returns the path.
#[tauri::command]
pub async fn event_signin_save(state: State<'_, AppState>, id: String) -> CmdResult<SavedFiles> {
    let data_dir = state.data_dir.clone();
    state.with(|c| {
        let detail = store::get(c, &id)?;
        let programme = sundby_core::settings::programme(c)?;
        let pdf = signin::sheet(&detail, &programme.name, events::today())?;
        let dir = events::output_dir(c, data_dir.as_deref())?;
        let path = events::save_new(&dir, &signin::file_name(&detail), &pdf)?;
        Ok::<_, EventsError>(SavedFiles {
            paths: vec![path.display().to_string()],
        })
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
            period: newsletter::suggest_period(c, events::today())?,
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

/// Saves the HTML, the plain text and the recipients' CSV in the output
/// folder; returns the three paths.
#[tauri::command]
pub async fn newsletter_save(
    state: State<'_, AppState>,
    input: NewsletterInput,
) -> CmdResult<SavedFiles> {
    let data_dir = state.data_dir.clone();
    state.with(|c| {
        let n = newsletter::build(c, &input)?;
        let dir = events::output_dir(c, data_dir.as_deref())?;
        let stem = format!(
            "Nyhedsbrev {} til {}",
            n.period_from.format("%Y-%m-%d"),
            n.period_to.format("%Y-%m-%d")
        );
        let save = |ext: &str, bytes: &[u8]| {
            events::save_new(&dir, &format!("{stem}.{ext}"), bytes).map(|p| p.display().to_string())
        };
        let mut csv = vec![0xEF, 0xBB, 0xBF]; // BOM: Excel reads æøå right
        csv.extend_from_slice(n.csv.as_bytes());
        let paths = vec![
            save("html", n.html.as_bytes())?,
            save("txt", n.text.as_bytes())?,
            save("csv", &csv)?,
        ];
        Ok::<_, EventsError>(SavedFiles { paths })
    })
}

/// Records the issue as sent today (date and recipient count).
#[tauri::command]
pub async fn newsletter_record(
    state: State<'_, AppState>,
    input: NewsletterInput,
) -> CmdResult<NewsletterIssue> {
    state.with(|c| newsletter::record(c, &input, events::today()))
}
