//! Commands of the Priser view and the partner page's awards panel: thin
//! wrappers around `sundby_core::awards` (rounds, prizes, the committee,
//! nominations with photos, scores, the vote, decisions, award diplomas).

use super::files::ChosenPaths;
use super::settings::{data_url, decode_upload};
use super::{AppState, CmdResult};
use sundby_core::awards::{
    self, AwardError, DecideInput, Member, MemberInput, NominationInput, PartnerAward, Prize,
    PrizeInput, Round, RoundDetail, RoundInput, RoundStatus, ScoreInput, VoteCount, VotesInput,
};
use sundby_core::diploma::store::{Generated, Preview};
use sundby_core::partners::PartnerOption;
use tauri::State;

#[tauri::command]
pub async fn awards_rounds(state: State<'_, AppState>) -> CmdResult<Vec<Round>> {
    state.with(|c| awards::rounds(c))
}

#[tauri::command]
pub async fn awards_round(state: State<'_, AppState>, id: String) -> CmdResult<RoundDetail> {
    state.with(|c| awards::round(c, &id))
}

#[tauri::command]
pub async fn awards_round_create(
    state: State<'_, AppState>,
    input: RoundInput,
) -> CmdResult<Round> {
    state.with(|c| awards::create_round(c, &input))
}

#[tauri::command]
pub async fn awards_round_update(
    state: State<'_, AppState>,
    id: String,
    input: RoundInput,
) -> CmdResult<Round> {
    state.with(|c| awards::update_round(c, &id, &input))
}

#[tauri::command]
pub async fn awards_round_status(
    state: State<'_, AppState>,
    id: String,
    status: RoundStatus,
) -> CmdResult<Round> {
    state.with(|c| awards::set_status(c, &id, status))
}

#[tauri::command]
pub async fn awards_prize_save(state: State<'_, AppState>, input: PrizeInput) -> CmdResult<Prize> {
    state.with(|c| awards::save_prize(c, &input))
}

#[tauri::command]
pub async fn awards_prize_remove(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.with(|c| awards::remove_prize(c, &id))
}

#[tauri::command]
pub async fn awards_member_add(
    state: State<'_, AppState>,
    input: MemberInput,
) -> CmdResult<Member> {
    state.with(|c| awards::add_member(c, &input))
}

#[tauri::command]
pub async fn awards_member_remove(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.with(|c| awards::remove_member(c, &id))
}

#[tauri::command]
pub async fn awards_partners(state: State<'_, AppState>) -> CmdResult<Vec<PartnerOption>> {
    state.with(|c| awards::partner_choices(c))
}

#[tauri::command]
pub async fn awards_nominate(
    state: State<'_, AppState>,
    input: NominationInput,
) -> CmdResult<String> {
    state.with(|c| awards::nominate(c, &input))
}

#[tauri::command]
pub async fn awards_nomination_update(
    state: State<'_, AppState>,
    id: String,
    input: NominationInput,
) -> CmdResult<()> {
    state.with(|c| awards::update_nomination(c, &id, &input))
}

#[tauri::command]
pub async fn awards_nomination_remove(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.with(|c| awards::remove_nomination(c, &id))
}

/// `data` is the file's bytes in base64.
#[tauri::command]
pub async fn awards_photo_set(
    state: State<'_, AppState>,
    id: String,
    data: String,
) -> CmdResult<()> {
    state.with(|c| {
        let bytes = decode_upload("nomination_photo", &data)?;
        awards::set_photo(c, &id, &bytes)
    })
}

#[tauri::command]
pub async fn awards_photo_remove(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    state.with(|c| awards::remove_photo(c, &id))
}

#[tauri::command]
pub async fn awards_photo_data_url(
    state: State<'_, AppState>,
    id: String,
) -> CmdResult<Option<String>> {
    state.with(|c| {
        Ok::<_, AwardError>(awards::photo(c, &id)?.map(|(mime, bytes)| data_url(&mime, &bytes)))
    })
}

#[tauri::command]
pub async fn awards_scores_set(
    state: State<'_, AppState>,
    round_id: String,
    scores: Vec<ScoreInput>,
) -> CmdResult<usize> {
    state.with(|c| awards::set_scores(c, &round_id, &scores))
}

#[tauri::command]
pub async fn awards_votes_set(
    state: State<'_, AppState>,
    input: VotesInput,
) -> CmdResult<Vec<VoteCount>> {
    state.with(|c| awards::set_votes(c, &input))
}

/// `csv` is the file's text, read in the web view.
#[tauri::command]
pub async fn awards_votes_import(
    state: State<'_, AppState>,
    prize_id: String,
    csv: String,
    source: String,
    closed_on: String,
) -> CmdResult<Vec<VoteCount>> {
    state.with(|c| awards::import_votes_csv(c, &prize_id, &csv, &source, &closed_on))
}

#[tauri::command]
pub async fn awards_vote_text(state: State<'_, AppState>, prize_id: String) -> CmdResult<String> {
    state.with(|c| awards::vote_post_text(c, &prize_id))
}

#[tauri::command]
pub async fn awards_ballot_cast(
    state: State<'_, AppState>,
    prize_id: String,
    nomination_id: String,
) -> CmdResult<i64> {
    state.with(|c| awards::cast_ballot(c, &prize_id, &nomination_id))
}

#[tauri::command]
pub async fn awards_decide(state: State<'_, AppState>, input: DecideInput) -> CmdResult<Prize> {
    state.with(|c| awards::decide(c, &input))
}

#[tauri::command]
pub async fn awards_diploma_preview(
    state: State<'_, AppState>,
    prize_id: String,
) -> CmdResult<Preview> {
    state.with(|c| awards::award_preview(c, &prize_id))
}

/// Issues the winner's award diploma into the diplomas' folder, or at
/// `path` when chosen in the save dialog.
#[tauri::command]
pub async fn awards_diploma_issue(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    prize_id: String,
    path: Option<String>,
) -> CmdResult<Generated> {
    state.with(|c| {
        let target = chosen.target(path.as_deref())?;
        awards::award_diploma(c, &prize_id, &target).map(|(_, g)| g)
    })
}

#[tauri::command]
pub async fn awards_for_partner(
    state: State<'_, AppState>,
    partner_id: String,
) -> CmdResult<Vec<PartnerAward>> {
    state.with(|c| awards::for_partner(c, &partner_id))
}

/// Saves the nomination catalogue in the awards' folder (or at `path` when
/// chosen in the save dialog). Returns the path.
#[tauri::command]
pub async fn awards_catalogue_save(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    round_id: String,
    path: Option<String>,
) -> CmdResult<String> {
    state.with(|c| {
        let target = chosen.target(path.as_deref())?;
        awards::catalogue::save_catalogue(c, &round_id, &target).map(|p| p.display().to_string())
    })
}

/// Saves the committee's scoring sheet. Returns the path.
#[tauri::command]
pub async fn awards_scoring_sheet_save(
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    round_id: String,
    path: Option<String>,
) -> CmdResult<String> {
    state.with(|c| {
        let target = chosen.target(path.as_deref())?;
        awards::catalogue::save_scoring_sheet(c, &round_id, &target)
            .map(|p| p.display().to_string())
    })
}
