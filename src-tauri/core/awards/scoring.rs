//! The committee's scoring: each member scores each nomination on each
//! criterion on the round's scale, with an optional comment; the consultant
//! can type in the sheets the members filled in. [`standing`] ranks a
//! prize's nominations: by the mean of the scores given (so a missing score
//! does not count as zero), then shows the total, each member's sum, the
//! spread between members, who has not scored, and ties.

use super::rounds::round_row;
use super::sql::{begin, Result};
use super::types::*;
use super::{AwardError, MAX_REASON};
use crate::store::now;
use crate::validate;
use rusqlite::{params, Connection};
use serde::Deserialize;
use std::cmp::Ordering;
use std::collections::HashMap;

/// One score as typed (an empty score removes the score).
#[derive(Debug, Clone, Deserialize)]
pub struct ScoreInput {
    pub nomination_id: String,
    pub member_id: String,
    pub criterion_id: String,
    pub score: String,
    #[serde(default)]
    pub comment: String,
}

/// Saves a batch of scores (a member's sheet) all or nothing. Every score
/// is a whole number on the round's scale; the first bad one is refused
/// with the scale named and nothing is saved.
pub fn set_scores(conn: &mut Connection, round_id: &str, scores: &[ScoreInput]) -> Result<usize> {
    let round = round_row(conn, round_id)?;
    let tx = begin(conn)?;
    let ts = now();
    for s in scores {
        let belongs = |sql: &str, id: &str| -> Result<bool> {
            Ok(tx.prepare_cached(sql)?.exists(params![id, round_id])?)
        };
        if !belongs(
            "SELECT 1 FROM award_nominations WHERE id = ?1 AND round_id = ?2 AND deleted_at IS NULL",
            &s.nomination_id,
        )? {
            return Err(AwardError::NominationNotFound(s.nomination_id.clone()));
        }
        if !belongs(
            "SELECT 1 FROM award_members WHERE id = ?1 AND round_id = ?2 AND deleted_at IS NULL",
            &s.member_id,
        )? {
            return Err(AwardError::MemberNotFound(s.member_id.clone()));
        }
        if !belongs(
            "SELECT 1 FROM award_criteria WHERE id = ?1 AND round_id = ?2 AND deleted_at IS NULL",
            &s.criterion_id,
        )? {
            return Err(AwardError::CriterionNotFound(s.criterion_id.clone()));
        }
        let typed = s.score.trim();
        if typed.is_empty() {
            tx.execute(
                "DELETE FROM award_scores WHERE nomination_id = ?1 AND member_id = ?2 AND criterion_id = ?3",
                params![s.nomination_id, s.member_id, s.criterion_id],
            )?;
            continue;
        }
        let out_of_range = || AwardError::ScoreOutOfRange {
            value: typed.to_string(),
            min: round.scale_min,
            max: round.scale_max,
        };
        let score: i64 = typed.parse().map_err(|_| out_of_range())?;
        if score < round.scale_min || score > round.scale_max {
            return Err(out_of_range());
        }
        let comment = validate::text("score_comment", &s.comment, MAX_REASON, false, true)?;
        tx.execute(
            "INSERT INTO award_scores (nomination_id, member_id, criterion_id, score, comment, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
             ON CONFLICT (nomination_id, member_id, criterion_id)
             DO UPDATE SET score = excluded.score, comment = excluded.comment, updated_at = excluded.updated_at",
            params![s.nomination_id, s.member_id, s.criterion_id, score, comment, ts],
        )?;
    }
    tx.commit()?;
    Ok(scores.len())
}

/// Compares two means given as (total, count) exactly, without floats.
fn cmp_mean(a: (i64, i64), b: (i64, i64)) -> Ordering {
    match (a.1, b.1) {
        (0, 0) => Ordering::Equal,
        (0, _) => Ordering::Less,
        (_, 0) => Ordering::Greater,
        _ => (i128::from(a.0) * i128::from(b.1)).cmp(&(i128::from(b.0) * i128::from(a.1))),
    }
}

/// The standing of one prize of `detail` (see the module documentation).
pub fn standing(detail: &RoundDetail, prize_id: &str) -> Standing {
    let decided_by = detail
        .prize(prize_id)
        .map_or(DecidedBy::Committee, |p| p.decided_by);
    let noms: Vec<&Nomination> = detail
        .nominations
        .iter()
        .filter(|n| n.prize_ids.iter().any(|p| p == prize_id))
        .collect();
    let n_criteria = detail.criteria.len() as i64;
    // (nomination, member) → (sum, count) over live criteria.
    let live: std::collections::HashSet<&str> =
        detail.criteria.iter().map(|c| c.id.as_str()).collect();
    let mut sums: HashMap<(&str, &str), (i64, i64)> = HashMap::new();
    for s in &detail.scores {
        if live.contains(s.criterion_id.as_str()) {
            let e = sums
                .entry((s.nomination_id.as_str(), s.member_id.as_str()))
                .or_default();
            e.0 += s.score;
            e.1 += 1;
        }
    }
    let votes: HashMap<&str, i64> = detail
        .votes
        .iter()
        .filter(|v| v.prize_id == prize_id)
        .map(|v| (v.nomination_id.as_str(), v.votes))
        .collect();
    let mut missing = Vec::new();
    let mut rows: Vec<(StandingRow, (i64, i64))> = noms
        .iter()
        .map(|n| {
            let mut total = 0;
            let mut given = 0;
            let mut member_totals = Vec::new();
            for m in &detail.members {
                let (sum, count) = sums
                    .get(&(n.id.as_str(), m.id.as_str()))
                    .copied()
                    .unwrap_or_default();
                total += sum;
                given += count;
                member_totals.push((count == n_criteria && n_criteria > 0).then_some(sum));
                if count < n_criteria && decided_by == DecidedBy::Committee {
                    missing.push(MissingScore {
                        member_id: m.id.clone(),
                        member: m.name.clone(),
                        nomination_id: n.id.clone(),
                        nominee: n.partner_name.clone(),
                        missing: n_criteria - count,
                    });
                }
            }
            let complete: Vec<i64> = member_totals.iter().flatten().copied().collect();
            let spread = match (complete.iter().max(), complete.iter().min()) {
                (Some(hi), Some(lo)) if complete.len() >= 2 => Some(hi - lo),
                _ => None,
            };
            let key = match decided_by {
                DecidedBy::Committee => (total, given),
                DecidedBy::Vote => (votes.get(n.id.as_str()).copied().unwrap_or(0), 1),
            };
            let row = StandingRow {
                nomination_id: n.id.clone(),
                nominee: n.partner_name.clone(),
                title: n.title.clone(),
                rank: 0,
                tied: false,
                total,
                scores_given: given,
                scores_expected: n_criteria * detail.members.len() as i64,
                mean: if given > 0 {
                    total as f64 / given as f64
                } else {
                    0.0
                },
                member_totals,
                spread,
                votes: votes.get(n.id.as_str()).copied(),
            };
            (row, key)
        })
        .collect();
    rows.sort_by(|a, b| {
        cmp_mean(b.1, a.1).then_with(|| {
            crate::partners::collation::sort_key(&a.0.nominee)
                .cmp(&crate::partners::collation::sort_key(&b.0.nominee))
        })
    });
    // Competition ranking: equal keys share a rank (1, 1, 3).
    for i in 0..rows.len() {
        let rank = if i > 0 && cmp_mean(rows[i].1, rows[i - 1].1) == Ordering::Equal {
            rows[i - 1].0.rank
        } else {
            i + 1
        };
        rows[i].0.rank = rank;
    }
    for i in 0..rows.len() {
        let same = |j: usize| cmp_mean(rows[i].1, rows[j].1) == Ordering::Equal;
        rows[i].0.tied = (i > 0 && same(i - 1)) || (i + 1 < rows.len() && same(i + 1));
    }
    let any = match decided_by {
        DecidedBy::Committee => rows.iter().any(|r| r.0.scores_given > 0),
        DecidedBy::Vote => rows.iter().any(|r| r.0.votes.is_some()),
    };
    let leaders = if any {
        rows.iter()
            .filter(|r| r.0.rank == 1)
            .map(|r| r.0.nomination_id.clone())
            .collect()
    } else {
        Vec::new()
    };
    Standing {
        prize_id: prize_id.to_string(),
        decided_by,
        rows: rows.into_iter().map(|r| r.0).collect(),
        missing,
        leaders,
    }
}
