//! The programme's evaluation as the case bank asks it: "Er formålet
//! opfyldt?" and "Er indsatsen blevet implementeret som planlagt?" on the
//! scale Slet ikke / I mindre grad / I nogen grad / I høj grad, whether it
//! was evaluated (nej / ja, internt / ja, eksternt), and free texts for the
//! effect, points of attention, barriers and what helped. Each evaluation is
//! kept with its date and author, so a midway and a final one stand side by
//! side; the newest is the one the case shows.

use super::{ReportError, Result};
use crate::dates;
use crate::i18n::Lang;
use crate::store::{new_id, now};
use crate::validate::{self, Problem, ValidationError};
use chrono::NaiveDate;
use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};

/// Longest free text of an evaluation (a few pages).
pub const MAX_TEXT: usize = 20_000;

/// The case bank's four-step scale, 0..=3.
pub fn degree_label(v: u8, lang: Lang) -> &'static str {
    match (lang, v) {
        (Lang::Da, 0) => "Slet ikke",
        (Lang::Da, 1) => "I mindre grad",
        (Lang::Da, 2) => "I nogen grad",
        (Lang::Da, _) => "I høj grad",
        (Lang::En, 0) => "Not at all",
        (Lang::En, 1) => "To a small degree",
        (Lang::En, 2) => "To some degree",
        (Lang::En, _) => "To a high degree",
    }
}

/// "Evalueret": nej / ja, internt / ja, eksternt.
pub fn evaluated_label(code: &str, lang: Lang) -> &'static str {
    match (lang, code) {
        (Lang::Da, "internt") => "Ja, internt",
        (Lang::Da, "eksternt") => "Ja, eksternt",
        (Lang::Da, _) => "Nej, ikke evalueret",
        (Lang::En, "internt") => "Yes, internally",
        (Lang::En, "eksternt") => "Yes, externally",
        (Lang::En, _) => "No, not evaluated",
    }
}

/// A stored evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub id: String,
    pub written_on: NaiveDate,
    pub author: String,
    pub purpose_met: u8,
    pub implemented: u8,
    pub evaluated: String,
    pub effect: String,
    pub attention: String,
    pub barriers: String,
    pub promoting: String,
    pub updated_at: String,
}

/// An evaluation as typed; `id` empty makes a new one.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EvaluationInput {
    pub id: String,
    pub written_on: String,
    pub author: String,
    pub purpose_met: Option<u8>,
    pub implemented: Option<u8>,
    pub evaluated: String,
    pub effect: String,
    pub attention: String,
    pub barriers: String,
    pub promoting: String,
}

const COLS: &str = "id, written_on, author, purpose_met, implemented, evaluated, effect, \
                    attention, barriers, promoting, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Evaluation> {
    let written: String = r.get(1)?;
    Ok(Evaluation {
        id: r.get(0)?,
        written_on: dates::parse_iso(&written).unwrap_or_default(),
        author: r.get(2)?,
        purpose_met: r.get(3)?,
        implemented: r.get(4)?,
        evaluated: r.get(5)?,
        effect: r.get(6)?,
        attention: r.get(7)?,
        barriers: r.get(8)?,
        promoting: r.get(9)?,
        updated_at: r.get(10)?,
    })
}

/// Every evaluation, newest first.
pub fn list(conn: &Connection) -> Result<Vec<Evaluation>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLS} FROM evaluations WHERE deleted_at IS NULL
         ORDER BY written_on DESC, created_at DESC"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The newest evaluation, if any.
pub fn latest(conn: &Connection) -> Result<Option<Evaluation>> {
    Ok(list(conn)?.into_iter().next())
}

fn degree(field: &'static str, v: Option<u8>) -> std::result::Result<u8, ValidationError> {
    match v {
        Some(v) if v <= 3 => Ok(v),
        Some(_) => Err(ValidationError::new(field, Problem::InvalidChoice)),
        None => Err(ValidationError::new(field, Problem::Required)),
    }
}

/// Checks and saves an evaluation (new when `id` is empty); `today` is the
/// date when none is typed.
pub fn save(conn: &Connection, input: &EvaluationInput, today: NaiveDate) -> Result<Evaluation> {
    let written_on =
        validate::optional_date("evaluation_written_on", &input.written_on)?.unwrap_or(today);
    let author = validate::text("evaluation_author", &input.author, 200, true, false)?;
    let purpose_met = degree("evaluation_purpose_met", input.purpose_met)?;
    let implemented = degree("evaluation_implemented", input.implemented)?;
    let evaluated = match input.evaluated.trim() {
        "" | "nej" => "nej",
        "internt" => "internt",
        "eksternt" => "eksternt",
        _ => {
            return Err(ValidationError::new("evaluation_evaluated", Problem::InvalidChoice).into())
        }
    };
    let text = |f: &'static str, v: &str| validate::text(f, v, MAX_TEXT, false, true);
    let effect = text("evaluation_effect", &input.effect)?;
    let attention = text("evaluation_attention", &input.attention)?;
    let barriers = text("evaluation_barriers", &input.barriers)?;
    let promoting = text("evaluation_promoting", &input.promoting)?;
    let ts = now();
    let id = if input.id.trim().is_empty() {
        let id = new_id();
        conn.execute(
            "INSERT INTO evaluations (id, written_on, author, purpose_met, implemented, evaluated,
                 effect, attention, barriers, promoting, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            params![
                id,
                dates::iso(written_on),
                author,
                purpose_met,
                implemented,
                evaluated,
                effect,
                attention,
                barriers,
                promoting,
                ts
            ],
        )?;
        id
    } else {
        let n = conn.execute(
            "UPDATE evaluations SET written_on = ?2, author = ?3, purpose_met = ?4,
                 implemented = ?5, evaluated = ?6, effect = ?7, attention = ?8, barriers = ?9,
                 promoting = ?10, updated_at = ?11
             WHERE id = ?1 AND deleted_at IS NULL",
            params![
                input.id.trim(),
                dates::iso(written_on),
                author,
                purpose_met,
                implemented,
                evaluated,
                effect,
                attention,
                barriers,
                promoting,
                ts
            ],
        )?;
        if n == 0 {
            return Err(ReportError::EvaluationNotFound(input.id.clone()));
        }
        input.id.trim().to_string()
    };
    get(conn, &id)
}

pub fn get(conn: &Connection, id: &str) -> Result<Evaluation> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLS} FROM evaluations WHERE id = ?1 AND deleted_at IS NULL"
    ))?;
    let mut rows = stmt.query_map([id], from_row)?;
    match rows.next() {
        Some(e) => Ok(e?),
        None => Err(ReportError::EvaluationNotFound(id.to_string())),
    }
}

/// Deletes an evaluation (kept for merging, never shown again).
pub fn delete(conn: &Connection, id: &str) -> Result<()> {
    let ts = now();
    let n = conn.execute(
        "UPDATE evaluations SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, ts],
    )?;
    if n == 0 {
        return Err(ReportError::EvaluationNotFound(id.to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Localize;
    use crate::store::Store;

    fn input(author: &str, on: &str) -> EvaluationInput {
        EvaluationInput {
            written_on: on.into(),
            author: author.into(),
            purpose_met: Some(2),
            implemented: Some(3),
            evaluated: "internt".into(),
            effect: "Over 60 partnere.\nNye samarbejder.".into(),
            ..Default::default()
        }
    }

    #[test]
    fn evaluations_are_kept_over_time_newest_first() {
        let s = Store::open_in_memory().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let mid = save(&s.conn, &input("Rie Toft", "01.06.2026"), today).unwrap();
        let end = save(&s.conn, &input("Rie Toft", ""), today).unwrap();
        assert_eq!(end.written_on, today);
        let all = list(&s.conn).unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].id, end.id);
        assert_eq!(latest(&s.conn).unwrap().unwrap().id, end.id);
        assert_eq!(mid.effect, "Over 60 partnere.\nNye samarbejder.");
        let edited = save(
            &s.conn,
            &EvaluationInput {
                id: mid.id.clone(),
                purpose_met: Some(0),
                ..input("Rie Toft", "01.06.2026")
            },
            today,
        )
        .unwrap();
        assert_eq!(edited.purpose_met, 0);
        delete(&s.conn, &mid.id).unwrap();
        assert_eq!(list(&s.conn).unwrap().len(), 1);
    }

    #[test]
    fn bad_evaluations_are_refused_on_their_field() {
        let s = Store::open_in_memory().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let cases = [
            (
                EvaluationInput {
                    author: " ".into(),
                    ..input("x", "")
                },
                "evaluation_author",
            ),
            (
                EvaluationInput {
                    purpose_met: None,
                    ..input("x", "")
                },
                "evaluation_purpose_met",
            ),
            (
                EvaluationInput {
                    implemented: Some(4),
                    ..input("x", "")
                },
                "evaluation_implemented",
            ),
            (
                EvaluationInput {
                    evaluated: "måske".into(),
                    ..input("x", "")
                },
                "evaluation_evaluated",
            ),
            (input("x", "31.02.2026"), "evaluation_written_on"),
        ];
        for (i, field) in cases {
            let e = save(&s.conn, &i, today).unwrap_err();
            assert_eq!(e.field(), Some(field));
            assert!(!e.message(Lang::Da).is_empty());
        }
        let long = EvaluationInput {
            barriers: "ord ".repeat(4000),
            ..input("x", "")
        };
        assert_eq!(
            save(&s.conn, &long, today).unwrap().barriers.len(),
            4 * 4000 - 1
        );
        assert!(list(&s.conn).unwrap().len() == 1);
    }
}
