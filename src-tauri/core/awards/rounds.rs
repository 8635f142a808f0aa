//! Award rounds, their prizes and criteria, and the committee: creating and
//! editing them, finding a round by name or id, and reading a whole round
//! ([`round`]) with its nominations, scores, votes and standings.

use super::scoring::standing;
use super::sql::{begin, Result};
use super::types::*;
use super::{AwardError, DEFAULT_CRITERIA, MAX_CRITERION, MAX_NAME, MAX_TEXT};
use crate::dates;
use crate::diploma::award::award_issued;
use crate::partners;
use crate::store::{new_id, now};
use crate::validate::{self, Problem, ValidationError};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Deserialize;
use std::collections::HashMap;

/// A criterion as typed: an existing one keeps its id.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CriterionInput {
    #[serde(default)]
    pub id: Option<String>,
    pub text: String,
}

/// A round as typed in the form.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RoundInput {
    pub name: String,
    pub intro: String,
    pub nomination_deadline: String,
    pub celebration_on: String,
    pub celebration_place: String,
    /// Typed; empty gives 1 and 5.
    pub scale_min: String,
    pub scale_max: String,
    /// `None` on a new round: the default three.
    pub criteria: Option<Vec<CriterionInput>>,
}

/// A prize as typed (a new one has no id).
#[derive(Debug, Clone, Deserialize)]
pub struct PrizeInput {
    #[serde(default)]
    pub id: Option<String>,
    pub round_id: String,
    pub name: String,
    pub decided_by: DecidedBy,
    #[serde(default)]
    pub description: String,
}

/// A committee member as typed.
#[derive(Debug, Clone, Deserialize)]
pub struct MemberInput {
    pub round_id: String,
    pub name: String,
    #[serde(default)]
    pub role: String,
}

struct ValidRound {
    name: String,
    intro: String,
    deadline: Option<String>,
    celebration_on: Option<String>,
    place: String,
    min: i64,
    max: i64,
    criteria: Option<Vec<CriterionInput>>,
}

fn scale(field: &'static str, typed: &str, default: i64) -> Result<i64> {
    let t = typed.trim();
    if t.is_empty() {
        return Ok(default);
    }
    let v: i64 = t
        .parse()
        .map_err(|_| ValidationError::new(field, Problem::NotAWholeNumber))?;
    if v < 0 {
        return Err(ValidationError::new(field, Problem::Negative).into());
    }
    if v > 100 {
        return Err(ValidationError::new(field, Problem::TooLarge { max: 100 }).into());
    }
    Ok(v)
}

fn valid(input: &RoundInput) -> Result<ValidRound> {
    let iso = |field, v: &str| -> Result<Option<String>> {
        Ok(validate::optional_date(field, v)?.map(dates::iso))
    };
    let min = scale("scale_min", &input.scale_min, 1)?;
    let max = scale("scale_max", &input.scale_max, 5)?;
    if max <= min {
        return Err(ValidationError::new("scale_max", Problem::EndBeforeStart).into());
    }
    let criteria = match &input.criteria {
        None => None,
        Some(list) => {
            let mut out = Vec::new();
            for c in list {
                let text =
                    validate::text("criterion_wording", &c.text, MAX_CRITERION, false, false)?;
                if !text.is_empty() {
                    out.push(CriterionInput {
                        id: c.id.clone(),
                        text,
                    });
                }
            }
            if out.is_empty() {
                return Err(AwardError::NoCriteria);
            }
            Some(out)
        }
    };
    Ok(ValidRound {
        name: validate::text("round_name", &input.name, MAX_NAME, true, false)?,
        intro: validate::text("round_intro", &input.intro, MAX_TEXT, false, true)?,
        deadline: iso("nomination_deadline", &input.nomination_deadline)?,
        celebration_on: iso("celebration_on", &input.celebration_on)?,
        place: validate::text(
            "celebration_place",
            &input.celebration_place,
            MAX_NAME,
            false,
            false,
        )?,
        min,
        max,
        criteria,
    })
}

/// Creates a round (status "åben for indstillinger") with the given
/// criteria, or Frederiksberg's three. Prizes are added with [`save_prize`].
pub fn create_round(conn: &mut Connection, input: &RoundInput) -> Result<Round> {
    let v = valid(input)?;
    let tx = begin(conn)?;
    let id = new_id();
    let ts = now();
    tx.execute(
        "INSERT INTO award_rounds (id, name, intro, nomination_deadline, celebration_on,
            celebration_place, status, scale_min, scale_max, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'aaben', ?7, ?8, ?9, ?9)",
        params![
            id,
            v.name,
            v.intro,
            v.deadline,
            v.celebration_on,
            v.place,
            v.min,
            v.max,
            ts
        ],
    )?;
    let criteria = v.criteria.unwrap_or_else(|| {
        DEFAULT_CRITERIA
            .iter()
            .map(|t| CriterionInput {
                id: None,
                text: (*t).to_string(),
            })
            .collect()
    });
    write_criteria(&tx, &id, &criteria, &ts)?;
    tx.commit()?;
    round_row(conn, &id)
}

fn write_criteria(
    conn: &Connection,
    round_id: &str,
    list: &[CriterionInput],
    ts: &str,
) -> Result<()> {
    let mut keep = Vec::new();
    for (i, c) in list.iter().enumerate() {
        let existing = match &c.id {
            Some(id) => conn
                .query_row(
                    "SELECT id FROM award_criteria WHERE id = ?1 AND round_id = ?2",
                    params![id, round_id],
                    |r| r.get::<_, String>(0),
                )
                .optional()?,
            None => None,
        };
        let id = match existing {
            Some(id) => {
                conn.execute(
                    "UPDATE award_criteria SET text = ?2, position = ?3, deleted_at = NULL, updated_at = ?4 WHERE id = ?1",
                    params![id, c.text, i as i64, ts],
                )?;
                id
            }
            None => {
                let id = new_id();
                conn.execute(
                    "INSERT INTO award_criteria (id, round_id, position, text, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                    params![id, round_id, i as i64, c.text, ts],
                )?;
                id
            }
        };
        keep.push(id);
    }
    // Criteria left out are put aside; their texts and scores stay stored.
    conn.execute(
        "UPDATE award_criteria SET deleted_at = ?3, updated_at = ?3
         WHERE round_id = ?1 AND deleted_at IS NULL
           AND id NOT IN (SELECT value FROM json_each(?2))",
        params![round_id, serde_json::Value::from(keep).to_string(), ts],
    )?;
    Ok(())
}

/// Edits a round; `criteria` (when given) replaces the list in that order.
/// A narrower scale is refused while scores outside it exist.
pub fn update_round(conn: &mut Connection, id: &str, input: &RoundInput) -> Result<Round> {
    let v = valid(input)?;
    let tx = begin(conn)?;
    exists(&tx, id)?;
    let outside: i64 = tx.query_row(
        "SELECT count(*) FROM award_scores s JOIN award_nominations n ON n.id = s.nomination_id
         WHERE n.round_id = ?1 AND (s.score < ?2 OR s.score > ?3)",
        params![id, v.min, v.max],
        |r| r.get(0),
    )?;
    if outside > 0 {
        return Err(AwardError::ScaleBelowScores {
            min: v.min,
            max: v.max,
        });
    }
    let ts = now();
    tx.execute(
        "UPDATE award_rounds SET name = ?2, intro = ?3, nomination_deadline = ?4, celebration_on = ?5,
            celebration_place = ?6, scale_min = ?7, scale_max = ?8, updated_at = ?9
         WHERE id = ?1",
        params![id, v.name, v.intro, v.deadline, v.celebration_on, v.place, v.min, v.max, ts],
    )?;
    if let Some(c) = &v.criteria {
        write_criteria(&tx, id, c, &ts)?;
    }
    tx.commit()?;
    round_row(conn, id)
}

/// Moves a round to another status (any direction: a round can be reopened).
pub fn set_status(conn: &Connection, id: &str, status: RoundStatus) -> Result<Round> {
    exists(conn, id)?;
    conn.execute(
        "UPDATE award_rounds SET status = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, status, now()],
    )?;
    round_row(conn, id)
}

pub(super) fn exists(conn: &Connection, id: &str) -> Result<()> {
    conn.prepare_cached("SELECT 1 FROM award_rounds WHERE id = ?1 AND deleted_at IS NULL")?
        .exists([id])?
        .then_some(())
        .ok_or_else(|| AwardError::RoundNotFound(id.to_string()))
}

const ROUND_COLS: &str = "r.id, r.name, r.intro, r.nomination_deadline, r.celebration_on,
    r.celebration_place, r.status, r.scale_min, r.scale_max, r.created_at,
    (SELECT count(*) FROM award_prizes p WHERE p.round_id = r.id AND p.deleted_at IS NULL),
    (SELECT count(*) FROM award_nominations n WHERE n.round_id = r.id AND n.deleted_at IS NULL)";

fn round_from(r: &Row) -> rusqlite::Result<Round> {
    Ok(Round {
        id: r.get(0)?,
        name: r.get(1)?,
        intro: r.get(2)?,
        nomination_deadline: r.get(3)?,
        celebration_on: r.get(4)?,
        celebration_place: r.get(5)?,
        status: r.get(6)?,
        scale_min: r.get(7)?,
        scale_max: r.get(8)?,
        created_at: r.get(9)?,
        prize_count: r.get(10)?,
        nomination_count: r.get(11)?,
    })
}

pub(super) fn round_row(conn: &Connection, id: &str) -> Result<Round> {
    conn.prepare_cached(&format!(
        "SELECT {ROUND_COLS} FROM award_rounds r WHERE r.id = ?1 AND r.deleted_at IS NULL"
    ))?
    .query_row([id], round_from)
    .optional()?
    .ok_or_else(|| AwardError::RoundNotFound(id.to_string()))
}

/// Every round, newest celebration first.
pub fn rounds(conn: &Connection) -> Result<Vec<Round>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ROUND_COLS} FROM award_rounds r WHERE r.deleted_at IS NULL
         ORDER BY coalesce(r.celebration_on, r.nomination_deadline, substr(r.created_at, 1, 10)) DESC, r.name"
    ))?;
    let rows = stmt.query_map([], round_from)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A round by id or by name (exact, case-insensitive), for the CLI.
pub fn find_round(conn: &Connection, name_or_id: &str) -> Result<Round> {
    let key = name_or_id.trim();
    if let Ok(r) = round_row(conn, key) {
        return Ok(r);
    }
    let wanted = key.to_lowercase();
    let mut found = rounds(conn)?
        .into_iter()
        .filter(|r| r.name.trim().to_lowercase() == wanted);
    match (found.next(), found.next()) {
        (None, _) => Err(AwardError::RoundNotFound(key.to_string())),
        (Some(r), None) => Ok(r),
        (Some(_), Some(_)) => Err(AwardError::RoundAmbiguous(key.to_string())),
    }
}

/// Adds or edits a prize of a round.
pub fn save_prize(conn: &Connection, input: &PrizeInput) -> Result<Prize> {
    exists(conn, &input.round_id)?;
    let name = validate::text("prize_name", &input.name, MAX_NAME, true, false)?;
    let description = validate::text(
        "prize_description",
        &input.description,
        MAX_TEXT,
        false,
        true,
    )?;
    let ts = now();
    let id = match &input.id {
        Some(id) => {
            let n = conn.execute(
                "UPDATE award_prizes SET name = ?3, decided_by = ?4, description = ?5, updated_at = ?6
                 WHERE id = ?1 AND round_id = ?2 AND deleted_at IS NULL",
                params![id, input.round_id, name, input.decided_by, description, ts],
            )?;
            if n == 0 {
                return Err(AwardError::PrizeNotFound(id.clone()));
            }
            id.clone()
        }
        None => {
            let id = new_id();
            conn.execute(
                "INSERT INTO award_prizes (id, round_id, position, name, decided_by, description, created_at, updated_at)
                 VALUES (?1, ?2, (SELECT count(*) FROM award_prizes WHERE round_id = ?2), ?3, ?4, ?5, ?6, ?6)",
                params![id, input.round_id, name, input.decided_by, description, ts],
            )?;
            id
        }
    };
    prizes(conn, &input.round_id)?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or(AwardError::PrizeNotFound(id))
}

/// Removes a prize (kept in the file, out of the round). Refused once its
/// award diploma is issued.
pub fn remove_prize(conn: &Connection, prize_id: &str) -> Result<()> {
    if let Some(d) = award_issued(conn, prize_id)? {
        return Err(AwardError::WinnerHasDiploma { number: d.number });
    }
    let n = conn.execute(
        "UPDATE award_prizes SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
        params![prize_id, now()],
    )?;
    if n == 0 {
        return Err(AwardError::PrizeNotFound(prize_id.to_string()));
    }
    Ok(())
}

/// Adds a member to a round's committee.
pub fn add_member(conn: &Connection, input: &MemberInput) -> Result<Member> {
    exists(conn, &input.round_id)?;
    let name = validate::text("member_name", &input.name, MAX_NAME, true, false)?;
    let role = validate::text("member_role", &input.role, MAX_NAME, false, false)?;
    let id = new_id();
    conn.execute(
        "INSERT INTO award_members (id, round_id, position, name, role, created_at, updated_at)
         VALUES (?1, ?2, (SELECT count(*) FROM award_members WHERE round_id = ?2), ?3, ?4, ?5, ?5)",
        params![id, input.round_id, name, role, now()],
    )?;
    Ok(Member { id, name, role })
}

/// Takes a member off the committee (their scores stay stored, uncounted).
pub fn remove_member(conn: &Connection, member_id: &str) -> Result<()> {
    let n = conn.execute(
        "UPDATE award_members SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
        params![member_id, now()],
    )?;
    if n == 0 {
        return Err(AwardError::MemberNotFound(member_id.to_string()));
    }
    Ok(())
}

pub(super) fn prizes(conn: &Connection, round_id: &str) -> Result<Vec<Prize>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, round_id, position, name, decided_by, description, vote_source, vote_closed_on,
                winner_id, winner_basis, winner_reason, decided_on
         FROM award_prizes WHERE round_id = ?1 AND deleted_at IS NULL ORDER BY position, created_at",
    )?;
    let rows = stmt.query_map([round_id], |r| {
        Ok(Prize {
            id: r.get(0)?,
            round_id: r.get(1)?,
            position: r.get(2)?,
            name: r.get(3)?,
            decided_by: r.get(4)?,
            description: r.get(5)?,
            vote_source: r.get(6)?,
            vote_closed_on: r.get(7)?,
            winner_id: r.get(8)?,
            winner_basis: r.get(9)?,
            winner_reason: r.get(10)?,
            decided_on: r.get(11)?,
            diploma: None,
        })
    })?;
    let mut out: Vec<Prize> = rows.collect::<rusqlite::Result<_>>()?;
    for p in &mut out {
        p.diploma = award_issued(conn, &p.id)?;
    }
    Ok(out)
}

pub(super) fn criteria(conn: &Connection, round_id: &str) -> Result<Vec<Criterion>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, position, text FROM award_criteria
         WHERE round_id = ?1 AND deleted_at IS NULL ORDER BY position, created_at",
    )?;
    let rows = stmt.query_map([round_id], |r| {
        Ok(Criterion {
            id: r.get(0)?,
            position: r.get(1)?,
            text: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn members(conn: &Connection, round_id: &str) -> Result<Vec<Member>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, role FROM award_members
         WHERE round_id = ?1 AND deleted_at IS NULL ORDER BY position, created_at",
    )?;
    let rows = stmt.query_map([round_id], |r| {
        Ok(Member {
            id: r.get(0)?,
            name: r.get(1)?,
            role: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The live nominations of a round, with their prizes and texts, in Danish
/// order of the nominee's name. Names come from the register when the
/// partner still has a row, else from the name kept with the nomination.
pub(super) fn nominations(
    conn: &Connection,
    round_id: &str,
    criteria: &[Criterion],
) -> Result<Vec<Nomination>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, round_id, partner_id, partner_name, title, goals, nominated_by, nominator_name,
                photo IS NOT NULL, consent_catalogue, consent_vote, consent_on, received_on,
                late_accepted, late_reason, erased_at IS NOT NULL
         FROM award_nominations WHERE round_id = ?1 AND deleted_at IS NULL",
    )?;
    let mut list: Vec<Nomination> = stmt
        .query_map([round_id], |r| {
            Ok(Nomination {
                id: r.get(0)?,
                round_id: r.get(1)?,
                partner_id: r.get(2)?,
                partner_name: r.get(3)?,
                title: r.get(4)?,
                goals: r.get(5)?,
                nominated_by: r.get(6)?,
                nominator_name: r.get(7)?,
                has_photo: r.get(8)?,
                consent_catalogue: r.get(9)?,
                consent_vote: r.get(10)?,
                consent_on: r.get(11)?,
                received_on: r.get(12)?,
                late_accepted: r.get(13)?,
                late_reason: r.get(14)?,
                erased: r.get(15)?,
                prize_ids: Vec::new(),
                texts: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let ids: Vec<String> = list.iter().filter_map(|n| n.partner_id.clone()).collect();
    let names = partners::by_ids(conn, &ids)?;
    let mut prizes: HashMap<String, Vec<String>> = HashMap::new();
    let mut texts: HashMap<(String, String), String> = HashMap::new();
    {
        let mut s = conn.prepare_cached(
            "SELECT np.nomination_id, np.prize_id FROM award_nomination_prizes np
             JOIN award_prizes p ON p.id = np.prize_id AND p.deleted_at IS NULL
             JOIN award_nominations n ON n.id = np.nomination_id
             WHERE n.round_id = ?1 ORDER BY p.position, p.created_at",
        )?;
        let rows = s.query_map([round_id], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?;
        for row in rows {
            let (n, p) = row?;
            prizes.entry(n).or_default().push(p);
        }
        let mut s = conn.prepare_cached(
            "SELECT t.nomination_id, t.criterion_id, t.text FROM award_texts t
             JOIN award_nominations n ON n.id = t.nomination_id WHERE n.round_id = ?1",
        )?;
        let rows = s.query_map([round_id], |r| {
            Ok(((r.get::<_, String>(0)?, r.get::<_, String>(1)?), r.get(2)?))
        })?;
        for row in rows {
            let (k, v) = row?;
            texts.insert(k, v);
        }
    }
    for n in &mut list {
        if let Some(p) = n.partner_id.as_ref().and_then(|id| names.get(id)) {
            n.partner_name = p.name.clone();
        }
        n.prize_ids = prizes.remove(&n.id).unwrap_or_default();
        n.texts = criteria
            .iter()
            .map(|c| CriterionText {
                criterion_id: c.id.clone(),
                text: texts
                    .remove(&(n.id.clone(), c.id.clone()))
                    .unwrap_or_default(),
            })
            .collect();
    }
    list.sort_by_cached_key(|n| {
        (
            partners::collation::sort_key(&n.partner_name),
            n.title.clone(),
        )
    });
    Ok(list)
}

fn scores(conn: &Connection, round_id: &str) -> Result<Vec<Score>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.nomination_id, s.member_id, s.criterion_id, s.score, s.comment
         FROM award_scores s JOIN award_nominations n ON n.id = s.nomination_id
         WHERE n.round_id = ?1",
    )?;
    let rows = stmt.query_map([round_id], |r| {
        Ok(Score {
            nomination_id: r.get(0)?,
            member_id: r.get(1)?,
            criterion_id: r.get(2)?,
            score: r.get(3)?,
            comment: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn votes(conn: &Connection, round_id: &str) -> Result<Vec<VoteCount>> {
    let mut stmt = conn.prepare_cached(
        "SELECT v.prize_id, v.nomination_id, v.votes FROM award_votes v
         JOIN award_prizes p ON p.id = v.prize_id WHERE p.round_id = ?1",
    )?;
    let rows = stmt.query_map([round_id], |r| {
        Ok(VoteCount {
            prize_id: r.get(0)?,
            nomination_id: r.get(1)?,
            votes: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A whole round: prizes, criteria, committee, nominations, scores, votes
/// and each prize's standing.
pub fn round(conn: &Connection, id: &str) -> Result<RoundDetail> {
    let round = round_row(conn, id)?;
    let criteria = criteria(conn, id)?;
    let mut detail = RoundDetail {
        prizes: prizes(conn, id)?,
        members: members(conn, id)?,
        nominations: nominations(conn, id, &criteria)?,
        scores: scores(conn, id)?,
        votes: votes(conn, id)?,
        criteria,
        round,
        standings: Vec::new(),
    };
    detail.standings = detail
        .prizes
        .iter()
        .map(|p| standing(&detail, &p.id))
        .collect();
    Ok(detail)
}
