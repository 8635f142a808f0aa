//! The merge history shown on a record's page: every value that lost a
//! conflict, every row a merge removed, every row it could not carry.

use super::Result;
use rusqlite::Connection;
use serde::Serialize;

/// One entry, values as JSON text (a field's value, or a whole row).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryEntry {
    pub id: String,
    pub copy_id: String,
    pub merged_at: String,
    pub table: String,
    pub row_id: String,
    pub column: String,
    /// `conflict`, `removed` or `not_carried`.
    pub kind: String,
    pub base_value: Option<String>,
    pub office_value: Option<String>,
    pub copy_value: Option<String>,
    /// Which side's value the record holds now: `office` or `copy`.
    pub kept: String,
}

fn entries(conn: &Connection, col: &str, id: &str) -> Result<Vec<HistoryEntry>> {
    // `col` is one of two constants below.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, copy_id, merged_at, table_name, row_id, column_name, kind, base_value,
                office_value, copy_value, kept
         FROM merge_history WHERE {col} = ?1 ORDER BY merged_at DESC, table_name, column_name, id"
    ))?;
    let rows = stmt.query_map([id], |r| {
        Ok(HistoryEntry {
            id: r.get(0)?,
            copy_id: r.get(1)?,
            merged_at: r.get(2)?,
            table: r.get(3)?,
            row_id: r.get(4)?,
            column: r.get(5)?,
            kind: r.get(6)?,
            base_value: r.get(7)?,
            office_value: r.get(8)?,
            copy_value: r.get(9)?,
            kept: r.get(10)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The merge history of a partner (its own fields, contacts, goals, events).
pub fn for_partner(conn: &Connection, partner_id: &str) -> Result<Vec<HistoryEntry>> {
    entries(conn, "partner_id", partner_id)
}

/// The merge history of an event (its fields, participants, sign-ups).
pub fn for_event(conn: &Connection, event_id: &str) -> Result<Vec<HistoryEntry>> {
    entries(conn, "event_id", event_id)
}
