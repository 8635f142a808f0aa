//! Nominations (indstillinger): a partner (active or former) nominated for
//! one or more prizes of a round, with the initiative's title, a text per
//! criterion, who wrote it, an optional photo (validated and scaled by the
//! shared [`crate::images`], like the logo) and consent to the catalogue and
//! the public vote. Refusals: a missing text, a partner nominated twice for
//! the same prize, a nomination after the deadline (unless accepted
//! explicitly, which is recorded). [`forget_partner`] is the GDPR erasure's
//! part in this area.

use super::rounds::{criteria, round_row};
use super::sql::{begin, Result};
use super::types::NominatedBy;
use super::{AwardError, MAX_NAME, MAX_REASON, MAX_TEXT};
use crate::dates;
use crate::images;
use crate::partners;
use crate::store::{new_id, now};
use crate::validate::{self, Problem, ValidationError};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Deserialize;

/// A nomination as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct NominationInput {
    pub round_id: String,
    pub partner_id: String,
    pub prize_ids: Vec<String>,
    pub title: String,
    pub goals: String,
    pub nominated_by: NominatedBy,
    pub nominator_name: String,
    /// One text per criterion, in the round's order.
    pub texts: Vec<String>,
    pub consent_catalogue: bool,
    pub consent_vote: bool,
    pub consent_on: String,
    /// Empty: today.
    pub received_on: String,
    /// Take the nomination although it came after the deadline.
    pub accept_late: bool,
    pub late_reason: String,
}

struct Valid {
    title: String,
    goals: String,
    nominator: String,
    texts: Vec<(String, String)>,
    consent_on: Option<String>,
    received_on: String,
    late: bool,
    late_reason: String,
}

fn check(tx: &Connection, input: &NominationInput, own_id: Option<&str>) -> Result<Valid> {
    let round = round_row(tx, &input.round_id)?;
    let partner = partners::pickable_one(tx, &input.partner_id)?
        .ok_or_else(|| AwardError::PartnerNotFound(input.partner_id.clone()))?;
    if input.prize_ids.is_empty() {
        return Err(AwardError::NoPrizes);
    }
    for prize_id in &input.prize_ids {
        let name: String = tx
            .query_row(
                "SELECT name FROM award_prizes WHERE id = ?1 AND round_id = ?2 AND deleted_at IS NULL",
                params![prize_id, input.round_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| AwardError::PrizeNotFound(prize_id.clone()))?;
        let taken = tx
            .prepare_cached(
                "SELECT 1 FROM award_nominations n JOIN award_nomination_prizes np ON np.nomination_id = n.id
                 WHERE n.partner_id = ?1 AND np.prize_id = ?2 AND n.deleted_at IS NULL AND n.id IS NOT ?3",
            )?
            .exists(params![partner.id, prize_id, own_id])?;
        if taken {
            return Err(AwardError::DuplicateNomination {
                partner: partner.name,
                prize: name,
            });
        }
    }
    let title = validate::text("nomination_title", &input.title, MAX_NAME, true, false)?;
    let goals = validate::text("nomination_goals", &input.goals, MAX_TEXT, false, true)?;
    let nominator = validate::text(
        "nominator_name",
        &input.nominator_name,
        MAX_NAME,
        false,
        false,
    )?;
    if input.nominated_by == NominatedBy::Other && nominator.is_empty() {
        return Err(ValidationError::new("nominator_name", Problem::Required).into());
    }
    let crit = criteria(tx, &input.round_id)?;
    let mut texts = Vec::new();
    for (i, c) in crit.iter().enumerate() {
        let typed = input.texts.get(i).map_or("", String::as_str);
        let text = validate::text("criterion_text", typed, MAX_TEXT, false, true)?;
        if text.is_empty() {
            return Err(AwardError::MissingText {
                position: i + 1,
                criterion: c.text.clone(),
            });
        }
        texts.push((c.id.clone(), text));
    }
    let consent_on = validate::optional_date("consent_on", &input.consent_on)?.map(dates::iso);
    let received = validate::optional_date("received_on", &input.received_on)?
        .unwrap_or_else(crate::dates::today);
    let deadline = round
        .nomination_deadline
        .as_deref()
        .and_then(dates::parse_iso);
    let late = deadline.is_some_and(|d| received > d);
    if let (true, Some(d), false) = (late, deadline, input.accept_late) {
        return Err(AwardError::AfterDeadline { deadline: d });
    }
    Ok(Valid {
        title,
        goals,
        nominator: if input.nominated_by == NominatedBy::Other {
            nominator
        } else {
            String::new()
        },
        texts,
        consent_on,
        received_on: dates::iso(received),
        late,
        late_reason: if late {
            validate::text("late_reason", &input.late_reason, MAX_REASON, false, true)?
        } else {
            String::new()
        },
    })
}

fn write(tx: &Connection, id: &str, input: &NominationInput, v: &Valid, ts: &str) -> Result<()> {
    tx.execute(
        "DELETE FROM award_nomination_prizes WHERE nomination_id = ?1",
        [id],
    )?;
    for p in &input.prize_ids {
        tx.execute(
            "INSERT OR IGNORE INTO award_nomination_prizes (nomination_id, prize_id) VALUES (?1, ?2)",
            params![id, p],
        )?;
    }
    for (cid, text) in &v.texts {
        tx.execute(
            "INSERT INTO award_texts (nomination_id, criterion_id, text, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (nomination_id, criterion_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
            params![id, cid, text, ts],
        )?;
    }
    Ok(())
}

/// Records a nomination. Returns its id.
pub fn nominate(conn: &mut Connection, input: &NominationInput) -> Result<String> {
    let tx = begin(conn)?;
    let v = check(&tx, input, None)?;
    let name = partners::pickable_one(&tx, &input.partner_id)?
        .map(|p| p.name)
        .unwrap_or_default();
    let id = new_id();
    let ts = now();
    tx.execute(
        "INSERT INTO award_nominations (id, round_id, partner_id, partner_name, title, goals, nominated_by,
            nominator_name, consent_catalogue, consent_vote, consent_on, received_on, late_accepted,
            late_reason, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
        params![
            id, input.round_id, input.partner_id, name, v.title, v.goals, input.nominated_by,
            v.nominator, input.consent_catalogue, input.consent_vote, v.consent_on, v.received_on,
            v.late, v.late_reason, ts
        ],
    )?;
    write(&tx, &id, input, &v, &ts)?;
    tx.commit()?;
    Ok(id)
}

fn live(conn: &Connection, id: &str) -> Result<()> {
    let erased: bool = conn
        .query_row(
            "SELECT erased_at IS NOT NULL FROM award_nominations WHERE id = ?1 AND deleted_at IS NULL",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| AwardError::NominationNotFound(id.to_string()))?;
    if erased {
        return Err(AwardError::Erased);
    }
    Ok(())
}

/// Edits a nomination (same checks as [`nominate`]).
pub fn update_nomination(conn: &mut Connection, id: &str, input: &NominationInput) -> Result<()> {
    let tx = begin(conn)?;
    live(&tx, id)?;
    let v = check(&tx, input, Some(id))?;
    let ts = now();
    tx.execute(
        "UPDATE award_nominations SET partner_id = ?2, title = ?3, goals = ?4, nominated_by = ?5,
            nominator_name = ?6, consent_catalogue = ?7, consent_vote = ?8, consent_on = ?9,
            received_on = ?10, late_accepted = ?11, late_reason = ?12, updated_at = ?13
         WHERE id = ?1",
        params![
            id,
            input.partner_id,
            v.title,
            v.goals,
            input.nominated_by,
            v.nominator,
            input.consent_catalogue,
            input.consent_vote,
            v.consent_on,
            v.received_on,
            v.late,
            v.late_reason,
            ts
        ],
    )?;
    write(&tx, id, input, &v, &ts)?;
    tx.commit()?;
    Ok(())
}

/// Withdraws a nomination (kept in the file, out of the round). Refused
/// while it is a prize's decided winner.
pub fn remove_nomination(conn: &Connection, id: &str) -> Result<()> {
    let winner: Option<String> = conn
        .query_row(
            "SELECT name FROM award_prizes WHERE winner_id = ?1 AND deleted_at IS NULL",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(prize) = winner {
        return Err(AwardError::IsWinner(prize));
    }
    let n = conn.execute(
        "UPDATE award_nominations SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, now()],
    )?;
    if n == 0 {
        return Err(AwardError::NominationNotFound(id.to_string()));
    }
    Ok(())
}

/// Sets the nomination's photo: only a real PNG or JPEG (the same rules as
/// the logo), stored at print size — longest side
/// [`images::PHOTO_MAX_SIDE`] — so printing the catalogue embeds the JPEG
/// as it is, without decoding or resizing it.
pub fn set_photo(conn: &Connection, id: &str, bytes: &[u8]) -> Result<()> {
    live(conn, id)?;
    let img = images::validate_within("nomination_photo", bytes, images::PHOTO_MAX_SIDE)?;
    conn.execute(
        "UPDATE award_nominations SET photo = ?2, photo_mime = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, img.bytes, img.mime, now()],
    )?;
    Ok(())
}

/// Removes the nomination's photo.
pub fn remove_photo(conn: &Connection, id: &str) -> Result<()> {
    live(conn, id)?;
    conn.execute(
        "UPDATE award_nominations SET photo = NULL, photo_mime = NULL, updated_at = ?2 WHERE id = ?1",
        params![id, now()],
    )?;
    Ok(())
}

/// The nomination's photo (MIME type and bytes), if any.
pub fn photo(conn: &Connection, id: &str) -> Result<Option<(String, Vec<u8>)>> {
    Ok(conn
        .query_row(
            "SELECT photo_mime, photo FROM award_nominations WHERE id = ?1 AND photo IS NOT NULL",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The erasure of a partner's personal data, in this area: called by the
/// partner register's erasure inside its transaction. Every nomination of
/// the partner keeps its prizes, scores, votes and decisions (the round's
/// record stays readable) but loses the link to the partner, the photo, the
/// nominator's name and every text; the name kept is the organisation's, or
/// `private_name` ("—") for a private person.
pub fn forget_partner(
    conn: &Connection,
    partner_id: &str,
    private_name: Option<&str>,
) -> std::result::Result<(), rusqlite::Error> {
    let ts = now();
    conn.execute(
        "UPDATE award_texts SET text = '', updated_at = ?2
         WHERE nomination_id IN (SELECT id FROM award_nominations WHERE partner_id = ?1)",
        params![partner_id, ts],
    )?;
    conn.execute(
        "UPDATE award_scores SET comment = ''
         WHERE nomination_id IN (SELECT id FROM award_nominations WHERE partner_id = ?1)",
        [partner_id],
    )?;
    conn.execute(
        "UPDATE award_nominations SET partner_id = NULL,
            partner_name = coalesce(?2, (SELECT name FROM partners WHERE id = ?1), partner_name),
            title = '', goals = '', nominator_name = '', photo = NULL, photo_mime = NULL,
            erased_at = ?3, updated_at = ?3
         WHERE partner_id = ?1",
        params![partner_id, private_name, ts],
    )?;
    Ok(())
}

/// The partners that can be nominated: every partner that can be picked
/// (active or former; not in the bin, not erased), in Danish order.
pub fn partner_choices(conn: &Connection) -> Result<Vec<partners::PartnerOption>> {
    Ok(partners::pickable(conn, None)?)
}
