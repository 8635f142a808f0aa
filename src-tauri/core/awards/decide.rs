//! Deciding and handing out: the winner of each prize is set from the
//! standing (the committee's ranking or the vote); choosing anyone but the
//! sole leader is an override, and choosing one of several tied leaders is a
//! tie decision, both only with a recorded reason. The winner's award
//! diploma comes from the diploma area ([`crate::diploma::award`]): the same
//! layout, preview, numbering, snapshot and reprint.

use super::rounds::round;
use super::sql::Result;
use super::types::*;
use super::{AwardError, MAX_REASON};
use crate::diploma::award::{self, AwardDiploma};
use crate::diploma::store::{Generated, Issued, Preview};
use crate::files::Target;
use crate::store::now;
use crate::validate;
use rusqlite::{params, Connection};
use serde::Deserialize;

/// The decision as typed.
#[derive(Debug, Clone, Deserialize)]
pub struct DecideInput {
    pub prize_id: String,
    /// `None` clears the decision.
    pub nomination_id: Option<String>,
    #[serde(default)]
    pub reason: String,
}

fn detail_of(conn: &Connection, prize_id: &str) -> Result<RoundDetail> {
    let round_id: String = conn
        .query_row(
            "SELECT round_id FROM award_prizes WHERE id = ?1 AND deleted_at IS NULL",
            [prize_id],
            |r| r.get(0),
        )
        .map_err(|_| AwardError::PrizeNotFound(prize_id.to_string()))?;
    round(conn, &round_id)
}

/// Sets (or clears) the winner of a prize with its basis and reason. When
/// every prize of the round has a winner, the round becomes "afgjort".
pub fn decide(conn: &Connection, input: &DecideInput) -> Result<Prize> {
    let detail = detail_of(conn, &input.prize_id)?;
    let prize = detail
        .prize(&input.prize_id)
        .cloned()
        .ok_or_else(|| AwardError::PrizeNotFound(input.prize_id.clone()))?;
    if let Some(d) = &prize.diploma {
        return Err(AwardError::WinnerHasDiploma { number: d.number });
    }
    let reason = validate::text("winner_reason", &input.reason, MAX_REASON, false, true)?;
    let ts = now();
    let Some(nid) = &input.nomination_id else {
        conn.execute(
            "UPDATE award_prizes SET winner_id = NULL, winner_basis = NULL, winner_reason = '',
                decided_on = NULL, updated_at = ?2 WHERE id = ?1",
            params![prize.id, ts],
        )?;
        return fetch(conn, &prize.id);
    };
    let n = detail
        .nomination(nid)
        .ok_or_else(|| AwardError::NominationNotFound(nid.clone()))?;
    if !n.prize_ids.contains(&prize.id) {
        return Err(AwardError::NotNominatedForPrize {
            nominee: n.partner_name.clone(),
            prize: prize.name.clone(),
        });
    }
    let standing = detail
        .standings
        .iter()
        .find(|s| s.prize_id == prize.id)
        .cloned()
        .unwrap_or_else(|| super::scoring::standing(&detail, &prize.id));
    let leads = standing.leaders.contains(nid);
    let basis = match (leads, standing.leaders.len()) {
        (true, 1) => match prize.decided_by {
            DecidedBy::Committee => Basis::Ranking,
            DecidedBy::Vote => Basis::Vote,
        },
        (true, _) => Basis::Tie,
        (false, _) => Basis::Override,
    };
    if basis == Basis::Tie && reason.is_empty() {
        return Err(AwardError::ReasonRequired { tie: true });
    }
    if basis == Basis::Override && reason.is_empty() {
        return Err(AwardError::ReasonRequired { tie: false });
    }
    conn.execute(
        "UPDATE award_prizes SET winner_id = ?2, winner_basis = ?3, winner_reason = ?4,
            decided_on = ?5, updated_at = ?6 WHERE id = ?1",
        params![
            prize.id,
            nid,
            basis,
            reason,
            crate::dates::iso(crate::dates::today()),
            ts
        ],
    )?;
    let open: i64 = conn.query_row(
        "SELECT count(*) FROM award_prizes WHERE round_id = ?1 AND deleted_at IS NULL AND winner_id IS NULL",
        [&prize.round_id],
        |r| r.get(0),
    )?;
    if open == 0 {
        conn.execute(
            "UPDATE award_rounds SET status = 'afgjort', updated_at = ?2 WHERE id = ?1",
            params![prize.round_id, ts],
        )?;
    }
    fetch(conn, &prize.id)
}

fn fetch(conn: &Connection, prize_id: &str) -> Result<Prize> {
    detail_of(conn, prize_id)?
        .prize(prize_id)
        .cloned()
        .ok_or_else(|| AwardError::PrizeNotFound(prize_id.to_string()))
}

/// What the diploma area needs for the prize's winner.
fn award_of(conn: &Connection, prize_id: &str) -> Result<AwardDiploma> {
    let detail = detail_of(conn, prize_id)?;
    let prize = detail
        .prize(prize_id)
        .ok_or_else(|| AwardError::PrizeNotFound(prize_id.to_string()))?;
    let winner = prize
        .winner_id
        .as_deref()
        .and_then(|w| detail.nomination(w))
        .ok_or_else(|| AwardError::NoWinner(prize.name.clone()))?;
    let partner_id = winner.partner_id.clone().ok_or(AwardError::Erased)?;
    let held_on = detail
        .round
        .celebration_on
        .clone()
        .or_else(|| prize.decided_on.clone())
        .unwrap_or_else(|| crate::dates::iso(crate::dates::today()));
    Ok(AwardDiploma {
        partner_id,
        prize: prize.name.clone(),
        initiative: winner.title.clone(),
        round: detail.round.name.clone(),
        place: detail.round.celebration_place.clone(),
        held_on,
        award_key: prize.id.clone(),
    })
}

/// The preview of the winner's award diploma.
pub fn award_preview(conn: &Connection, prize_id: &str) -> Result<Preview> {
    Ok(award::award_preview(conn, &award_of(conn, prize_id)?)?)
}

/// Issues the winner's award diploma (numbered, recorded with a snapshot,
/// saved at `target`). A second one is refused: reprint it instead.
pub fn award_diploma(
    conn: &mut Connection,
    prize_id: &str,
    target: &Target,
) -> Result<(Issued, Generated)> {
    let a = award_of(conn, prize_id)?;
    Ok(award::issue_award(conn, &a, target)?)
}
