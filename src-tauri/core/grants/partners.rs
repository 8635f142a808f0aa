//! What the grant pool reads of the partner register: whether a partner may
//! apply, its goals, and the partners offered in the application form. Each
//! read is one small function so it can move behind the register's own API.

use super::sql::Result;
use super::GrantError;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

/// Refuses a partner that does not exist or is in the bin.
pub(super) fn check_partner(conn: &Connection, partner_id: &str) -> Result<()> {
    let found: Option<i64> = conn
        .query_row(
            "SELECT 1 FROM partners WHERE id = ?1 AND deleted_at IS NULL",
            [partner_id],
            |r| r.get(0),
        )
        .optional()?;
    found
        .map(|_| ())
        .ok_or_else(|| GrantError::PartnerNotFound(partner_id.to_string()))
}

/// The partner's goal ids in the goals' order.
pub(super) fn goal_ids(conn: &Connection, partner_id: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT pg.goal_id FROM partner_goals pg JOIN goals g ON g.id = pg.goal_id
         WHERE pg.partner_id = ?1 ORDER BY g.position",
    )?;
    let ids = stmt
        .query_map([partner_id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(ids)
}

/// A partner offered in the application form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartnerChoice {
    pub id: String,
    pub name: String,
    pub kind: String,
}

/// The partners an application can be made for (not in the bin), in Danish
/// order.
pub fn partner_choices(conn: &Connection) -> Result<Vec<PartnerChoice>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, kind FROM partners WHERE deleted_at IS NULL ORDER BY sort_key, name",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(PartnerChoice {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
