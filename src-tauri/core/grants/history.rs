//! The history of an application: every change of status or amount with the
//! date it took effect (`grant_history`), and the recorded corrections of
//! paid grants (`grant_adjustments`).
//!
//! The kind of a history line is a [`HistoryEvent`]; the database keeps its
//! `as_str()` text in `grant_history.event` and the UI gets the same text
//! (`grants.event.<kind>` names it on screen). A change is written as a
//! [`Change`] inside the transaction of the change itself.

use super::sql::{date_col, Result};
use super::Status;
use crate::dates::iso;
use crate::store::stored_as_text;
use crate::store::{new_id, now};
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What happened to an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HistoryEvent {
    /// Received: status → modtaget, amount → the requested one.
    Created,
    /// The requested amount was corrected before the decision.
    Requested,
    /// A step along the flow: under behandling, udbetalt, afrapporteret.
    Status,
    /// A decision was made or changed: status, amount granted, reason.
    Decision,
    /// A paid grant's amount was corrected: amounts and reason.
    Adjusted,
    /// The report of an activity already reported on was corrected.
    ReportCorrected,
    /// Deleted: the status it had and any unpaid amount released.
    Deleted,
}

stored_as_text!(HistoryEvent);

impl HistoryEvent {
    pub const ALL: [HistoryEvent; 7] = [
        HistoryEvent::Created,
        HistoryEvent::Requested,
        HistoryEvent::Status,
        HistoryEvent::Decision,
        HistoryEvent::Adjusted,
        HistoryEvent::ReportCorrected,
        HistoryEvent::Deleted,
    ];

    /// The value stored in the database (and sent to the UI).
    pub fn as_str(self) -> &'static str {
        match self {
            HistoryEvent::Created => "created",
            HistoryEvent::Requested => "requested",
            HistoryEvent::Status => "status",
            HistoryEvent::Decision => "decision",
            HistoryEvent::Adjusted => "adjusted",
            HistoryEvent::ReportCorrected => "report_corrected",
            HistoryEvent::Deleted => "deleted",
        }
    }
}

impl fmt::Display for HistoryEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for HistoryEvent {
    type Err = ();
    fn from_str(s: &str) -> std::result::Result<Self, ()> {
        HistoryEvent::ALL
            .into_iter()
            .find(|e| e.as_str() == s)
            .ok_or(())
    }
}

/// One line of an application's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryEntry {
    pub changed_on: NaiveDate,
    pub event: HistoryEvent,
    pub status_from: Option<Status>,
    pub status_to: Option<Status>,
    pub amount_from_ore: Option<i64>,
    pub amount_to_ore: Option<i64>,
    pub note: String,
    pub created_at: String,
}

/// A line about to be written to an application's history: the event and
/// the day it took effect, with what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Change<'a> {
    event: HistoryEvent,
    changed_on: NaiveDate,
    status_from: Option<Status>,
    status_to: Option<Status>,
    amount_from_ore: Option<i64>,
    amount_to_ore: Option<i64>,
    note: &'a str,
}

impl<'a> Change<'a> {
    /// `event` on `changed_on`, with no status, amount or note yet.
    pub(super) fn new(event: HistoryEvent, changed_on: NaiveDate) -> Self {
        Change {
            event,
            changed_on,
            status_from: None,
            status_to: None,
            amount_from_ore: None,
            amount_to_ore: None,
            note: "",
        }
    }

    /// The status before and after.
    pub(super) fn status(self, from: Option<Status>, to: Option<Status>) -> Self {
        Change {
            status_from: from,
            status_to: to,
            ..self
        }
    }

    /// The amount (øre) before and after.
    pub(super) fn amount(self, from: Option<i64>, to: Option<i64>) -> Self {
        Change {
            amount_from_ore: from,
            amount_to_ore: to,
            ..self
        }
    }

    /// Why (a decision's or an adjustment's reason).
    pub(super) fn note(self, note: &'a str) -> Self {
        Change { note, ..self }
    }

    /// Writes the line for `application_id` inside the change's transaction.
    pub(super) fn record(&self, tx: &Connection, application_id: &str) -> Result<()> {
        tx.execute(
            "INSERT INTO grant_history (id, application_id, changed_on, event, status_from, status_to,
                                        amount_from_ore, amount_to_ore, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                new_id(),
                application_id,
                iso(self.changed_on),
                self.event,
                self.status_from,
                self.status_to,
                self.amount_from_ore,
                self.amount_to_ore,
                self.note,
                now()
            ],
        )?;
        Ok(())
    }
}

/// Every change of status or amount of an application, oldest first.
pub fn history(conn: &Connection, id: &str) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT changed_on, event, status_from, status_to, amount_from_ore, amount_to_ore, note, created_at
         FROM grant_history WHERE application_id = ?1 ORDER BY created_at, rowid",
    )?;
    let rows = stmt
        .query_map([id], |r| {
            Ok(HistoryEntry {
                changed_on: date_col(r, 0)?,
                event: r.get(1)?,
                status_from: r.get(2)?,
                status_to: r.get(3)?,
                amount_from_ore: r.get(4)?,
                amount_to_ore: r.get(5)?,
                note: r.get(6)?,
                created_at: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A recorded correction of a paid grant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Adjustment {
    pub id: String,
    pub adjusted_on: NaiveDate,
    pub amount_before_ore: i64,
    pub amount_after_ore: i64,
    pub reason: String,
    pub created_at: String,
}

/// Writes a correction of the paid grant `application_id` from `before` to
/// `after` øre, inside the change's transaction.
pub(super) fn record_adjustment(
    tx: &Connection,
    application_id: &str,
    adjusted_on: NaiveDate,
    (before, after): (i64, i64),
    reason: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO grant_adjustments (id, application_id, adjusted_on, amount_before_ore,
             amount_after_ore, reason, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            new_id(),
            application_id,
            iso(adjusted_on),
            before,
            after,
            reason,
            now()
        ],
    )?;
    Ok(())
}

/// The recorded adjustments of a paid grant, oldest first.
pub fn adjustments(conn: &Connection, id: &str) -> Result<Vec<Adjustment>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, adjusted_on, amount_before_ore, amount_after_ore, reason, created_at
         FROM grant_adjustments WHERE application_id = ?1 ORDER BY created_at, rowid",
    )?;
    let rows = stmt
        .query_map([id], |r| {
            Ok(Adjustment {
                id: r.get(0)?,
                adjusted_on: date_col(r, 1)?,
                amount_before_ore: r.get(2)?,
                amount_after_ore: r.get(3)?,
                reason: r.get(4)?,
                created_at: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
