//! Applications: registering what was received, reading one or a year's
//! list, correcting the details, and deleting.
//!
//! An application belongs to the pool of an explicit `year` (normally the
//! year it was received); the pool must exist first. The partner, year and
//! requested amount are locked once the application is decided.
//! Applications are never removed from the database: deleting marks them
//! deleted (and releases any unpaid grant); paid grants cannot be deleted.

use super::history::{Change, HistoryEvent};
use super::partners::{check_partner, with_partners};
use super::pools::load_pool;
use super::rules::{check_reach, check_year, not_before, positive_within_max, required_date};
use super::sql::{begin, date_col, opt_date_col, Result};
use super::{GrantError, Status, MAX_LONG_TEXT, MAX_PURPOSE};
use crate::dates::iso;
use crate::money::parse_ore;
use crate::store::{new_id, now};
use crate::validate::{self, Problem, ValidationError};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

/// An application as stored, with the partner's name and kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Application {
    pub id: String,
    pub year: i32,
    pub partner_id: String,
    pub partner_name: String,
    pub partner_kind: String,
    pub partner_goal_ids: Vec<String>,
    pub received_on: NaiveDate,
    pub purpose: String,
    pub description: String,
    pub planned_on: Option<NaiveDate>,
    pub expected_reach: Option<i64>,
    pub requested_ore: i64,
    pub status: Status,
    pub decided_on: Option<NaiveDate>,
    pub granted_ore: Option<i64>,
    pub decision_reason: String,
    pub paid_on: Option<NaiveDate>,
    pub actual_reach: Option<i64>,
    pub report_text: String,
    pub reported_on: Option<NaiveDate>,
    pub deleted: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// An application as typed in the form.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ApplicationInput {
    pub year: i32,
    pub partner_id: String,
    pub received_on: String,
    pub purpose: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub planned_on: String,
    #[serde(default)]
    pub expected_reach: Option<i64>,
    pub requested: String,
}

/// Filters of the application list; `None` means all.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ApplicationFilter {
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default)]
    pub partner_kind: Option<String>,
    #[serde(default)]
    pub goal_id: Option<String>,
    #[serde(default)]
    pub include_deleted: bool,
    /// Only applications granted money (bevilget, delvist bevilget,
    /// udbetalt, afrapporteret, with an amount): what the reports count as
    /// granted.
    #[serde(default)]
    pub granted: bool,
    /// Decided on or after this day. With `decided_to`, the decisions of a
    /// period (where a report's pool figure leads); either one set lifts the
    /// restriction to the year, since a period may span pools.
    #[serde(default)]
    pub decided_from: Option<NaiveDate>,
    /// Decided on or before this day.
    #[serde(default)]
    pub decided_to: Option<NaiveDate>,
}

/// The start of every query that reads applications for [`app_from_row`]:
/// a literal, so each query is one fixed text. The partner's name and kind
/// (columns 3 and 4) are filled in afterwards from the register
/// ([`with_partners`]).
macro_rules! select_applications {
    () => {
        "SELECT a.id, a.year, a.partner_id, '', '', a.received_on, a.purpose,
            a.description, a.planned_on, a.expected_reach, a.requested_ore, a.status, a.decided_on,
            a.granted_ore, a.decision_reason, a.paid_on, a.actual_reach, a.report_text, a.reported_on,
            a.deleted_at, a.created_at, a.updated_at
         FROM grant_applications a"
    };
}

fn app_from_row(r: &Row) -> rusqlite::Result<Application> {
    let deleted_at: Option<String> = r.get(19)?;
    Ok(Application {
        id: r.get(0)?,
        year: r.get(1)?,
        partner_id: r.get(2)?,
        partner_name: r.get(3)?,
        partner_kind: r.get(4)?,
        partner_goal_ids: Vec::new(),
        received_on: date_col(r, 5)?,
        purpose: r.get(6)?,
        description: r.get(7)?,
        planned_on: opt_date_col(r, 8)?,
        expected_reach: r.get(9)?,
        requested_ore: r.get(10)?,
        status: r.get(11)?,
        decided_on: opt_date_col(r, 12)?,
        granted_ore: r.get(13)?,
        decision_reason: r.get(14)?,
        paid_on: opt_date_col(r, 15)?,
        actual_reach: r.get(16)?,
        report_text: r.get(17)?,
        reported_on: opt_date_col(r, 18)?,
        deleted: deleted_at.is_some(),
        created_at: r.get(20)?,
        updated_at: r.get(21)?,
    })
}

/// One application (deleted ones too), or `NotFound`.
pub fn application(conn: &Connection, id: &str) -> Result<Application> {
    let app = conn
        .query_row(
            concat!(select_applications!(), " WHERE a.id = ?1"),
            [id],
            app_from_row,
        )
        .optional()?
        .ok_or_else(|| GrantError::NotFound(id.to_string()))?;
    let mut apps = [app];
    with_partners(conn, &mut apps)?;
    let [app] = apps;
    Ok(app)
}

/// A live (not deleted) application, for changing it.
pub(super) fn live(conn: &Connection, id: &str) -> Result<Application> {
    let app = application(conn, id)?;
    if app.deleted {
        return Err(GrantError::NotFound(id.to_string()));
    }
    Ok(app)
}

/// The applications of `year` matching `filter`, newest received first
/// (of any year when `filter` names a decision period).
pub fn applications(
    conn: &Connection,
    year: i32,
    filter: &ApplicationFilter,
) -> Result<Vec<Application>> {
    let mut stmt = conn.prepare_cached(concat!(
        select_applications!(),
        " WHERE (a.year = ?1 OR ?4 IS NOT NULL OR ?5 IS NOT NULL)
           AND (?2 OR a.deleted_at IS NULL)
           AND (?3 IS NULL OR a.status = ?3)
           AND (?4 IS NULL OR a.decided_on >= ?4)
           AND (?5 IS NULL OR a.decided_on <= ?5)
         ORDER BY a.received_on DESC, a.created_at DESC, a.id"
    ))?;
    let mut apps = stmt
        .query_map(
            params![
                year,
                filter.include_deleted,
                filter.status,
                filter.decided_from.map(iso),
                filter.decided_to.map(iso),
            ],
            app_from_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    with_partners(conn, &mut apps)?;
    // The partner's kind and goals are the register's: filtered here.
    let kind = filter.partner_kind.as_deref().filter(|k| !k.is_empty());
    let goal = filter.goal_id.as_deref().filter(|g| !g.is_empty());
    apps.retain(|a| {
        (!filter.granted || (a.status.is_granted() && a.granted_ore.unwrap_or(0) > 0))
            && kind.is_none_or(|k| a.partner_kind == k)
            && goal.is_none_or(|g| a.partner_goal_ids.iter().any(|id| id == g))
    });
    Ok(apps)
}

struct ValidApplication {
    partner_id: String,
    received_on: NaiveDate,
    purpose: String,
    description: String,
    planned_on: Option<NaiveDate>,
    expected_reach: Option<i64>,
    requested: i64,
}

/// Checks the form. `locked_requested` is the requested amount of a decided
/// application: it stays as it was, even if the pool's maximum changed since.
fn validate_application(
    tx: &Connection,
    input: &ApplicationInput,
    locked_requested: Option<i64>,
) -> Result<ValidApplication> {
    check_year(input.year)?;
    let pool = load_pool(tx, input.year)?;
    let partner_id = input.partner_id.trim().to_string();
    if partner_id.is_empty() {
        return Err(ValidationError::new("grant_partner", Problem::Required).into());
    }
    check_partner(tx, &partner_id)?;
    let received_on = required_date("grant_received_on", &input.received_on)?;
    let purpose = validate::text("grant_purpose", &input.purpose, MAX_PURPOSE, true, false)?;
    let description = validate::text(
        "grant_description",
        &input.description,
        MAX_LONG_TEXT,
        false,
        true,
    )?;
    let planned_on = validate::optional_date("grant_planned_on", &input.planned_on)?;
    let expected_reach = check_reach("grant_expected_reach", input.expected_reach)?;
    let requested = match locked_requested {
        Some(amount) => amount,
        None => positive_within_max(
            "amount_requested",
            &input.requested,
            pool.max_per_application_ore,
        )?,
    };
    Ok(ValidApplication {
        partner_id,
        received_on,
        purpose,
        description,
        planned_on,
        expected_reach,
        requested,
    })
}

/// Registers a received application (status "modtaget").
pub fn create_application(conn: &mut Connection, input: &ApplicationInput) -> Result<Application> {
    let tx = begin(conn)?;
    let v = validate_application(&tx, input, None)?;
    let id = new_id();
    let stamp = now();
    tx.execute(
        "INSERT INTO grant_applications (id, year, partner_id, received_on, purpose, description,
             planned_on, expected_reach, requested_ore, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
        params![
            id,
            input.year,
            v.partner_id,
            iso(v.received_on),
            v.purpose,
            v.description,
            v.planned_on.map(iso),
            v.expected_reach,
            v.requested,
            Status::Modtaget,
            stamp
        ],
    )?;
    Change::new(HistoryEvent::Created, v.received_on)
        .status(None, Some(Status::Modtaget))
        .amount(None, Some(v.requested))
        .record(&tx, &id)?;
    tx.commit()?;
    application(conn, &id)
}

/// Refuses a change of the partner, year or requested amount of a decided
/// application.
fn check_locked(old: &Application, input: &ApplicationInput) -> Result<()> {
    if old.status.is_open() {
        return Ok(());
    }
    if input.partner_id.trim() != old.partner_id {
        return Err(GrantError::LockedAfterDecision {
            field: "grant_partner",
        });
    }
    if input.year != old.year {
        return Err(GrantError::LockedAfterDecision {
            field: "grant_year",
        });
    }
    // The requested amount is compared as a number: "5000" = "5.000,00".
    let typed = parse_ore("amount_requested", &input.requested)?;
    if typed != old.requested_ore {
        return Err(GrantError::LockedAfterDecision {
            field: "amount_requested",
        });
    }
    Ok(())
}

/// Corrects an application's details. The partner, year and requested amount
/// are locked once the application is decided.
pub fn update_application(
    conn: &mut Connection,
    id: &str,
    input: &ApplicationInput,
) -> Result<Application> {
    let tx = begin(conn)?;
    let old = live(&tx, id)?;
    check_locked(&old, input)?;
    let locked = (!old.status.is_open()).then_some(old.requested_ore);
    let v = validate_application(&tx, input, locked)?;
    for (field, date) in [
        ("grant_decided_on", old.decided_on),
        ("grant_paid_on", old.paid_on),
        ("grant_reported_on", old.reported_on),
    ] {
        if let Some(d) = date {
            not_before(field, d, "grant_received_on", Some(v.received_on))?;
        }
    }
    tx.execute(
        "UPDATE grant_applications SET year = ?2, partner_id = ?3, received_on = ?4, purpose = ?5,
             description = ?6, planned_on = ?7, expected_reach = ?8, requested_ore = ?9, updated_at = ?10
         WHERE id = ?1",
        params![
            id,
            input.year,
            v.partner_id,
            iso(v.received_on),
            v.purpose,
            v.description,
            v.planned_on.map(iso),
            v.expected_reach,
            v.requested,
            now()
        ],
    )?;
    if v.requested != old.requested_ore {
        Change::new(HistoryEvent::Requested, crate::dates::today())
            .amount(Some(old.requested_ore), Some(v.requested))
            .record(&tx, id)?;
    }
    tx.commit()?;
    application(conn, id)
}

/// Deletes an application that has not been paid. It stays in the database,
/// marked deleted, with its history; an unpaid grant goes back to the pool.
pub fn delete(conn: &mut Connection, id: &str) -> Result<()> {
    let tx = begin(conn)?;
    let old = live(&tx, id)?;
    if old.status.is_paid() {
        return Err(GrantError::PaidCannotBeDeleted {
            amount: old.granted_ore.unwrap_or(0),
        });
    }
    tx.execute(
        "UPDATE grant_applications SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
        params![id, now()],
    )?;
    Change::new(HistoryEvent::Deleted, crate::dates::today())
        .status(Some(old.status), None)
        .amount(old.granted_ore, None)
        .record(&tx, id)?;
    tx.commit()?;
    Ok(())
}
