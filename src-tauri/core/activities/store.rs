//! Adding and reading activities and follow-ups, marking a follow-up done,
//! and the list of follow-ups that need the consultant now.
//!
//! An activity or follow-up can only be added to a partner that can be
//! picked (`partners::pickable_one`: neither in the bin nor erased). The
//! author given last is remembered as a preference and used when the next
//! activity leaves it empty ("two fields and Enter").

use super::{ActivityError, ActivityKind, FollowUpState, Result, MAX_AUTHOR, MAX_TEXT};
use crate::dates;
use crate::partners;
use crate::settings;
use crate::store::{new_id, now};
use crate::validate::{self, Problem, ValidationError};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

/// The preference holding the author typed last.
pub(super) const AUTHOR_PREF: &str = "activity_author";

/// An activity as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Activity {
    pub id: String,
    pub partner_id: String,
    pub kind: ActivityKind,
    pub happened_on: NaiveDate,
    pub text: String,
    pub author: String,
    pub created_at: String,
}

/// An activity as typed. `happened_on` empty means today; `author` empty
/// means the author given last. A follow-up is made with it when
/// `follow_up_on` is given (its text defaults to the activity's).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ActivityInput {
    pub kind: String,
    pub text: String,
    pub happened_on: String,
    pub author: String,
    pub follow_up_on: String,
    pub follow_up_text: String,
}

/// A follow-up as stored, with its state on the day it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowUp {
    pub id: String,
    pub partner_id: String,
    pub activity_id: Option<String>,
    pub due_on: NaiveDate,
    pub text: String,
    pub done_on: Option<NaiveDate>,
    pub state: FollowUpState,
}

/// A follow-up as typed: both fields required; a past date is allowed (the
/// follow-up is then overdue at once).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct FollowUpInput {
    pub due_on: String,
    pub text: String,
}

/// A follow-up that needs the consultant now, with the partner's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueFollowUp {
    pub follow_up: FollowUp,
    pub partner_name: String,
    /// Where it is done: the partner's page.
    pub link: String,
}

fn date_col(r: &Row, i: usize) -> rusqlite::Result<NaiveDate> {
    let s: String = r.get(i)?;
    dates::parse_iso(&s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("date {s}").into(),
        )
    })
}

fn opt_date_col(r: &Row, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let s: Option<String> = r.get(i)?;
    Ok(s.as_deref().and_then(dates::parse_iso))
}

fn activity_from_row(r: &Row) -> rusqlite::Result<Activity> {
    Ok(Activity {
        id: r.get(0)?,
        partner_id: r.get(1)?,
        kind: r.get(2)?,
        happened_on: date_col(r, 3)?,
        text: r.get(4)?,
        author: r.get(5)?,
        created_at: r.get(6)?,
    })
}

const ACTIVITY_COLS: &str = "id, partner_id, kind, happened_on, text, author, created_at";
const FOLLOW_UP_COLS: &str = "id, partner_id, activity_id, due_on, text, done_on";

fn follow_up_from_row(r: &Row, today: NaiveDate) -> rusqlite::Result<FollowUp> {
    let due_on = date_col(r, 3)?;
    let done_on = opt_date_col(r, 5)?;
    Ok(FollowUp {
        id: r.get(0)?,
        partner_id: r.get(1)?,
        activity_id: r.get(2)?,
        due_on,
        text: r.get(4)?,
        done_on,
        state: FollowUpState::of(due_on, done_on, today),
    })
}

fn check_partner(conn: &Connection, partner_id: &str) -> Result<()> {
    match partners::pickable_one(conn, partner_id)? {
        Some(_) => Ok(()),
        None => Err(ActivityError::PartnerGone(partner_id.to_string())),
    }
}

fn required_date(field: &'static str, value: &str) -> Result<NaiveDate> {
    Ok(validate::optional_date(field, value)?
        .ok_or_else(|| ValidationError::new(field, Problem::Required))?)
}

struct ValidFollowUp {
    due_on: NaiveDate,
    text: String,
}

fn validate_follow_up(input: &FollowUpInput) -> Result<ValidFollowUp> {
    let text = validate::text("follow_up_text", &input.text, MAX_TEXT, true, true)?;
    let due_on = required_date("follow_up_on", &input.due_on)?;
    Ok(ValidFollowUp { due_on, text })
}

/// Logs an activity on the partner (and, when asked, a follow-up made from
/// it) in one transaction.
pub fn add(
    conn: &mut Connection,
    partner_id: &str,
    input: &ActivityInput,
    today: NaiveDate,
) -> Result<Activity> {
    let kind = ActivityKind::parse(&input.kind)
        .ok_or_else(|| ValidationError::new("activity_kind", Problem::InvalidChoice))?;
    let text = validate::text("activity_text", &input.text, MAX_TEXT, true, true)?;
    let happened_on = validate::optional_date("activity_on", &input.happened_on)?.unwrap_or(today);
    let typed_author = validate::text("activity_author", &input.author, MAX_AUTHOR, false, false)?;
    let follow_up = if input.follow_up_on.trim().is_empty() {
        None
    } else {
        let text = if input.follow_up_text.trim().is_empty() {
            &text
        } else {
            &input.follow_up_text
        };
        Some(validate_follow_up(&FollowUpInput {
            due_on: input.follow_up_on.clone(),
            text: text.clone(),
        })?)
    };
    check_partner(conn, partner_id)?;
    let author = if typed_author.is_empty() {
        settings::pref(conn, AUTHOR_PREF)?.unwrap_or_default()
    } else {
        typed_author
    };
    let tx = crate::store::begin(conn)?;
    let id = new_id();
    let ts = now();
    tx.execute(
        "INSERT INTO activities (id, partner_id, kind, happened_on, text, author, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![id, partner_id, kind, dates::iso(happened_on), text, author, ts],
    )?;
    if let Some(f) = follow_up {
        insert_follow_up(&tx, partner_id, Some(&id), &f, &ts)?;
    }
    if !author.is_empty() {
        settings::set_pref(&tx, AUTHOR_PREF, &author)?;
    }
    tx.commit()?;
    activity(conn, &id)
}

fn activity(conn: &Connection, id: &str) -> Result<Activity> {
    conn.prepare_cached(&format!(
        "SELECT {ACTIVITY_COLS} FROM activities WHERE id = ?1 AND deleted_at IS NULL"
    ))?
    .query_row([id], activity_from_row)
    .optional()?
    .ok_or_else(|| ActivityError::NotFound(id.to_string()))
}

/// The partner's activities, newest first.
pub fn list(conn: &Connection, partner_id: &str) -> Result<Vec<Activity>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ACTIVITY_COLS} FROM activities WHERE partner_id = ?1 AND deleted_at IS NULL
         ORDER BY happened_on DESC, created_at DESC"
    ))?;
    let rows = stmt
        .query_map([partner_id], activity_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Removes an activity (kept in the database as deleted).
pub fn delete(conn: &Connection, id: &str) -> Result<()> {
    let n = conn.execute(
        "UPDATE activities SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, now()],
    )?;
    if n == 0 {
        return Err(ActivityError::NotFound(id.to_string()));
    }
    Ok(())
}

fn insert_follow_up(
    conn: &Connection,
    partner_id: &str,
    activity_id: Option<&str>,
    f: &ValidFollowUp,
    ts: &str,
) -> Result<String> {
    let id = new_id();
    conn.execute(
        "INSERT INTO follow_ups (id, partner_id, activity_id, due_on, text, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![
            id,
            partner_id,
            activity_id,
            dates::iso(f.due_on),
            f.text,
            ts
        ],
    )?;
    Ok(id)
}

/// Adds a follow-up to the partner.
pub fn add_follow_up(
    conn: &Connection,
    partner_id: &str,
    input: &FollowUpInput,
    today: NaiveDate,
) -> Result<FollowUp> {
    let f = validate_follow_up(input)?;
    check_partner(conn, partner_id)?;
    let id = insert_follow_up(conn, partner_id, None, &f, &now())?;
    follow_up(conn, &id, today)
}

fn follow_up(conn: &Connection, id: &str, today: NaiveDate) -> Result<FollowUp> {
    conn.prepare_cached(&format!(
        "SELECT {FOLLOW_UP_COLS} FROM follow_ups WHERE id = ?1 AND deleted_at IS NULL"
    ))?
    .query_row([id], |r| follow_up_from_row(r, today))
    .optional()?
    .ok_or_else(|| ActivityError::NotFound(id.to_string()))
}

/// Marks a follow-up done (today) or not done again.
pub fn set_done(conn: &Connection, id: &str, done: bool, today: NaiveDate) -> Result<FollowUp> {
    let done_on = done.then(|| dates::iso(today));
    let n = conn.execute(
        "UPDATE follow_ups SET done_on = ?2, updated_at = ?3 WHERE id = ?1 AND deleted_at IS NULL",
        params![id, done_on, now()],
    )?;
    if n == 0 {
        return Err(ActivityError::NotFound(id.to_string()));
    }
    follow_up(conn, id, today)
}

/// The partner's follow-ups: open ones first by due date, then done ones,
/// latest done first.
pub fn follow_ups(conn: &Connection, partner_id: &str, today: NaiveDate) -> Result<Vec<FollowUp>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {FOLLOW_UP_COLS} FROM follow_ups WHERE partner_id = ?1 AND deleted_at IS NULL
         ORDER BY done_on IS NOT NULL, CASE WHEN done_on IS NULL THEN due_on END,
                  done_on DESC, created_at"
    ))?;
    let rows = stmt
        .query_map([partner_id], |r| follow_up_from_row(r, today))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The open follow-ups of partners that can be picked, due on or before
/// `until`, oldest first. `until = today` gives the due and overdue ones.
pub fn open_until(
    conn: &Connection,
    until: NaiveDate,
    today: NaiveDate,
) -> Result<Vec<DueFollowUp>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {FOLLOW_UP_COLS} FROM follow_ups
         WHERE done_on IS NULL AND deleted_at IS NULL AND due_on <= ?1
         ORDER BY due_on, created_at"
    ))?;
    let rows: Vec<FollowUp> = stmt
        .query_map([dates::iso(until)], |r| follow_up_from_row(r, today))?
        .collect::<rusqlite::Result<_>>()?;
    named(conn, rows)
}

/// The follow-ups due today or overdue (see [`FollowUpState`]).
pub fn due(conn: &Connection, today: NaiveDate) -> Result<Vec<DueFollowUp>> {
    open_until(conn, today, today)
}

/// The follow-ups that need the consultant now, in short: how many (and how
/// many of them overdue) and the first `n` of [`due`]'s list, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueHead {
    pub count: usize,
    pub overdue: usize,
    pub first: Vec<DueFollowUp>,
}

/// The first `n` follow-ups of [`due`] with the counts of all of them, in a
/// few bounded statements (the follow-ups of partners that cannot be
/// picked are left out, as in [`due`]).
pub fn due_head(conn: &Connection, today: NaiveDate, n: usize) -> Result<DueHead> {
    let gone = serde_json::Value::from(partners::unpickable_ids(conn)?).to_string();
    let open = "FROM follow_ups
         WHERE done_on IS NULL AND deleted_at IS NULL AND due_on <= ?1
           AND partner_id NOT IN (SELECT value FROM json_each(?2))";
    let (count, overdue): (i64, i64) = conn
        .prepare_cached(&format!(
            "SELECT count(*), coalesce(sum(due_on < ?1), 0) {open}"
        ))?
        .query_row(params![dates::iso(today), gone], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let limit = i64::try_from(n).unwrap_or(i64::MAX);
    let rows: Vec<FollowUp> = conn
        .prepare_cached(&format!(
            "SELECT {FOLLOW_UP_COLS} {open} ORDER BY due_on, created_at LIMIT ?3"
        ))?
        .query_map(params![dates::iso(today), gone, limit], |r| {
            follow_up_from_row(r, today)
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(DueHead {
        count: usize::try_from(count).unwrap_or(0),
        overdue: usize::try_from(overdue).unwrap_or(0),
        first: named(conn, rows)?,
    })
}

/// The follow-ups with their partners' names and links; those of partners
/// that cannot be picked are left out.
fn named(conn: &Connection, rows: Vec<FollowUp>) -> Result<Vec<DueFollowUp>> {
    let ids: Vec<String> = rows.iter().map(|f| f.partner_id.clone()).collect();
    let found = partners::pickable_among(conn, &ids)?;
    Ok(rows
        .into_iter()
        .filter_map(|f| {
            let p = found.get(&f.partner_id)?;
            Some(DueFollowUp {
                link: format!("#/partnere/{}", f.partner_id),
                partner_name: p.name.clone(),
                follow_up: f,
            })
        })
        .collect())
}
