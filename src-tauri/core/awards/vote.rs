//! The public vote. It happens outside the app (a Facebook poll, a ballot
//! box, the municipality's web form); the app prepares it ([`ballot`], the
//! nominees who consented, and [`vote_post_text`], the text for the post)
//! and records the result: votes per nominee typed in ([`set_votes`]) or
//! imported from a CSV ([`import_votes_csv`]: every unknown name listed,
//! nothing imported), with the source and the date the vote closed. The
//! kiosk ballot adds one vote per tap ([`cast_ballot`]).

use super::rounds::round;
use super::sql::{begin, Result};
use super::types::*;
use super::{AwardError, MAX_NAME, MAX_VOTES};
use crate::dates;
use crate::store::now;
use crate::validate::{self, Problem, ValidationError};
use rusqlite::{params, Connection};
use serde::Deserialize;

/// A vote result as typed: the count per nomination (typed text).
#[derive(Debug, Clone, Deserialize)]
pub struct VotesInput {
    pub prize_id: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub closed_on: String,
    pub counts: Vec<(String, String)>,
}

fn prize_round(conn: &Connection, prize_id: &str) -> Result<(RoundDetail, Prize)> {
    let round_id: String = conn
        .query_row(
            "SELECT round_id FROM award_prizes WHERE id = ?1 AND deleted_at IS NULL",
            [prize_id],
            |r| r.get(0),
        )
        .map_err(|_| AwardError::PrizeNotFound(prize_id.to_string()))?;
    let detail = round(conn, &round_id)?;
    let prize = detail
        .prize(prize_id)
        .cloned()
        .ok_or_else(|| AwardError::PrizeNotFound(prize_id.to_string()))?;
    Ok((detail, prize))
}

/// The nominees of a prize who consented to the public vote, in Danish order.
pub fn ballot(detail: &RoundDetail, prize_id: &str) -> Vec<Nomination> {
    detail
        .nominations
        .iter()
        .filter(|n| n.consent_vote && !n.erased && n.prize_ids.iter().any(|p| p == prize_id))
        .cloned()
        .collect()
}

/// A whole, non-negative vote count.
fn count(row: usize, typed: &str) -> Result<i64> {
    let t = typed.trim().replace(['.', ' '], "");
    let bad = || AwardError::BadVoteCount {
        row,
        value: typed.trim().to_string(),
    };
    let v: i64 = t.parse().map_err(|_| bad())?;
    if !(0..=MAX_VOTES).contains(&v) {
        return Err(bad());
    }
    Ok(v)
}

fn store(
    conn: &mut Connection,
    prize: &Prize,
    source: &str,
    closed_on: &str,
    counts: &[(String, i64)],
) -> Result<()> {
    let source = validate::text("vote_source", source, MAX_NAME, false, false)?;
    let closed = validate::optional_date("vote_closed_on", closed_on)?.map(dates::iso);
    let tx = begin(conn)?;
    let ts = now();
    for (nid, votes) in counts {
        tx.execute(
            "INSERT INTO award_votes (prize_id, nomination_id, votes, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4)
             ON CONFLICT (prize_id, nomination_id) DO UPDATE SET votes = excluded.votes, updated_at = excluded.updated_at",
            params![prize.id, nid, votes, ts],
        )?;
    }
    tx.execute(
        "UPDATE award_prizes SET vote_source = ?2, vote_closed_on = ?3, updated_at = ?4 WHERE id = ?1",
        params![prize.id, source, closed, ts],
    )?;
    tx.commit()?;
    Ok(())
}

/// Records the typed result of a prize's vote, all or nothing.
pub fn set_votes(conn: &mut Connection, input: &VotesInput) -> Result<Vec<VoteCount>> {
    let (detail, prize) = prize_round(conn, &input.prize_id)?;
    let allowed = ballot(&detail, &prize.id);
    let mut counts = Vec::new();
    for (i, (nid, typed)) in input.counts.iter().enumerate() {
        let Some(n) = detail.nomination(nid) else {
            return Err(AwardError::NominationNotFound(nid.clone()));
        };
        if !n.prize_ids.contains(&prize.id) {
            return Err(AwardError::NotNominatedForPrize {
                nominee: n.partner_name.clone(),
                prize: prize.name.clone(),
            });
        }
        if !allowed.iter().any(|a| a.id == n.id) {
            return Err(AwardError::NoVoteConsent {
                nominee: n.partner_name.clone(),
            });
        }
        if typed.trim().is_empty() {
            continue;
        }
        counts.push((nid.clone(), count(i + 1, typed)?));
    }
    store(conn, &prize, &input.source, &input.closed_on, &counts)?;
    votes_of(conn, &prize.id)
}

fn votes_of(conn: &Connection, prize_id: &str) -> Result<Vec<VoteCount>> {
    let (detail, _) = prize_round(conn, prize_id)?;
    Ok(detail
        .votes
        .into_iter()
        .filter(|v| v.prize_id == prize_id)
        .collect())
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Imports a vote result from CSV text: one row per nominee, the name (the
/// partner's or the initiative's) and the votes, separated by `;` or `,`
/// (a header row is recognised). Unknown names are all listed and nothing
/// is imported; a count that is not a whole number ≥ 0 names its row.
pub fn import_votes_csv(
    conn: &mut Connection,
    prize_id: &str,
    csv_text: &str,
    source: &str,
    closed_on: &str,
) -> Result<Vec<VoteCount>> {
    let (detail, prize) = prize_round(conn, prize_id)?;
    let allowed = ballot(&detail, &prize.id);
    let text = csv_text.trim_start_matches('\u{feff}');
    let first = text.lines().next().unwrap_or_default();
    let delim = if first.matches(';').count() >= first.matches(',').count() && first.contains(';') {
        b';'
    } else if first.contains('\t') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delim)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut unknown = Vec::new();
    let mut counts: Vec<(String, i64)> = Vec::new();
    let mut rows = 0;
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|_| AwardError::BadVoteCount {
            row: i + 1,
            value: String::new(),
        })?;
        let name = rec.get(0).unwrap_or_default().trim();
        let typed = rec.get(1).unwrap_or_default().trim();
        if name.is_empty() && typed.is_empty() {
            continue;
        }
        let key = fold(name);
        let found = allowed.iter().find(|n| {
            fold(&n.partner_name) == key || (!n.title.is_empty() && fold(&n.title) == key)
        });
        // A header: the first row whose count is not a number and whose name is no nominee.
        if i == 0 && found.is_none() && typed.parse::<i64>().is_err() {
            continue;
        }
        rows += 1;
        match found {
            None => unknown.push(name.to_string()),
            Some(n) => counts.push((n.id.clone(), count(i + 1, typed)?)),
        }
    }
    if !unknown.is_empty() {
        return Err(AwardError::UnknownNames(unknown));
    }
    if rows == 0 {
        return Err(AwardError::EmptyVoteFile);
    }
    store(conn, &prize, source, closed_on, &counts)?;
    votes_of(conn, &prize.id)
}

/// One tap on the kiosk ballot: one more vote for the nominee. The kiosk
/// shows a fresh screen after each vote; it cannot tell a person who votes
/// twice (there is no identity to check), so it suits a supervised stand.
pub fn cast_ballot(conn: &mut Connection, prize_id: &str, nomination_id: &str) -> Result<i64> {
    let (detail, prize) = prize_round(conn, prize_id)?;
    if !ballot(&detail, &prize.id)
        .iter()
        .any(|n| n.id == nomination_id)
    {
        return Err(AwardError::NoVoteConsent {
            nominee: detail.nominee(nomination_id),
        });
    }
    let ts = now();
    conn.execute(
        "INSERT INTO award_votes (prize_id, nomination_id, votes, created_at, updated_at)
         VALUES (?1, ?2, 1, ?3, ?3)
         ON CONFLICT (prize_id, nomination_id) DO UPDATE SET votes = votes + 1, updated_at = excluded.updated_at",
        params![prize_id, nomination_id, ts],
    )?;
    if prize.vote_source.is_empty() {
        conn.execute(
            "UPDATE award_prizes SET vote_source = 'Stemmeskærm', updated_at = ?2 WHERE id = ?1",
            params![prize_id, ts],
        )?;
    }
    Ok(conn.query_row(
        "SELECT votes FROM award_votes WHERE prize_id = ?1 AND nomination_id = ?2",
        params![prize_id, nomination_id],
        |r| r.get(0),
    )?)
}

/// The text for the vote's post (Facebook, the web): the prize, then one
/// numbered paragraph per consenting nominee with the initiative and the
/// first lines of the first criterion's text.
pub fn vote_post_text(conn: &Connection, prize_id: &str) -> Result<String> {
    let (detail, prize) = prize_round(conn, prize_id)?;
    let noms = ballot(&detail, &prize.id);
    if noms.is_empty() {
        return Err(ValidationError::new("award_votes", Problem::Required).into());
    }
    let mut out = format!("Stem på {} – {}\n\n", prize.name, detail.round.name);
    if !prize.description.is_empty() {
        out.push_str(&prize.description);
        out.push_str("\n\n");
    }
    for (i, n) in noms.iter().enumerate() {
        let short = n
            .texts
            .first()
            .map(|t| shorten(&t.text, 220))
            .unwrap_or_default();
        out.push_str(&format!(
            "{}. {} – {}\n{}\n\n",
            i + 1,
            n.partner_name,
            n.title,
            short
        ));
    }
    out.push_str("Skriv nummeret eller navnet på din favorit i en kommentar.");
    Ok(out)
}

/// The first `max` characters of `s` at a word boundary, with "…".
pub fn shorten(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let cut: String = s.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', '.', ';', ':']))
}
