//! The partners chosen for a ceremony, in their printing order, kept with the
//! ceremony (table `ceremony_selection`, migration 007): the diplomas are
//! printed a week before and marked as handed out after the ceremony, with
//! the app closed in between. Saving the selection replaces it as a whole;
//! making the PDF saves it and notes when it was printed; handing out takes
//! the issued partners off it.

use super::DiplomaError;
use crate::store::{now, StoreError};
use rusqlite::{params, Connection};

type Result<T> = std::result::Result<T, DiplomaError>;

/// The partners chosen for `ceremony_id`, in order: only those still waiting
/// for their original diploma and still in the register (read through
/// [`crate::partners::pickable_one`]).
pub fn selection(
    conn: &Connection,
    ceremony_id: &str,
) -> std::result::Result<Vec<String>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.partner_id FROM ceremony_selection s
         WHERE s.ceremony_id = ?1
           AND NOT EXISTS (SELECT 1 FROM diplomas d WHERE d.partner_id = s.partner_id AND d.is_copy = 0)
         ORDER BY s.position",
    )?;
    let ids = stmt
        .query_map([ceremony_id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if crate::partners::pickable_one(conn, &id)?.is_some() {
            out.push(id);
        }
    }
    Ok(out)
}

/// Replaces the selection of `ceremony_id` with `partner_ids` in that order
/// (a repeated id keeps its first place). The ceremony must exist.
pub fn save_selection(
    conn: &mut Connection,
    ceremony_id: &str,
    partner_ids: &[String],
) -> Result<Vec<String>> {
    super::store::ceremony(conn, ceremony_id)?;
    let tx = crate::store::begin(conn)?;
    tx.execute(
        "DELETE FROM ceremony_selection WHERE ceremony_id = ?1",
        [ceremony_id],
    )?;
    let ts = now();
    let mut seen = std::collections::HashSet::new();
    let unique = partner_ids.iter().filter(|p| seen.insert(p.as_str()));
    for (position, pid) in unique.enumerate() {
        if crate::partners::pickable_one(&tx, pid)?.is_none() {
            return Err(DiplomaError::PartnerNotFound(pid.clone()));
        }
        tx.execute(
            "INSERT INTO ceremony_selection (ceremony_id, partner_id, position, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?4)",
            params![ceremony_id, pid, position as i64, ts],
        )?;
    }
    tx.commit()?;
    Ok(selection(conn, ceremony_id)?)
}

/// Notes that the ceremony's selection was printed now.
pub(super) fn mark_printed(conn: &Connection, ceremony_id: &str) -> Result<()> {
    conn.execute(
        "UPDATE ceremonies SET printed_at = ?1, updated_at = ?1 WHERE id = ?2",
        params![now(), ceremony_id],
    )?;
    Ok(())
}
