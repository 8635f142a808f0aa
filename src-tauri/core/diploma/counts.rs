//! What the reports read of the diplomas area: original diplomas handed out
//! in a period, per ceremony (copies are not counted again). One query.

use crate::dates;
use crate::store::StoreError;
use chrono::NaiveDate;
use rusqlite::{params, Connection};

/// Diplomas handed out at one ceremony, or without one (`ceremony_id` None).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CeremonyCount {
    pub ceremony_id: Option<String>,
    /// The ceremony's date, or the first issue date when there is none.
    pub held_on: NaiveDate,
    pub place: String,
    pub diplomas: i64,
}

/// Original diplomas issued between `from` and `to` (both included), per
/// ceremony, oldest first.
pub fn handed_out(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<CeremonyCount>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.ceremony_id, coalesce(c.held_on, min(d.issued_on)), coalesce(c.place, ''), count(*)
         FROM diplomas d LEFT JOIN ceremonies c ON c.id = d.ceremony_id
         WHERE d.is_copy = 0 AND d.issued_on BETWEEN ?1 AND ?2
         GROUP BY d.ceremony_id
         ORDER BY 2",
    )?;
    let rows = stmt.query_map(params![dates::iso(from), dates::iso(to)], |r| {
        Ok((
            r.get::<_, Option<String>>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (ceremony_id, held, place, diplomas) = row?;
        if let Some(held_on) = dates::parse_iso(&held) {
            out.push(CeremonyCount {
                ceremony_id,
                held_on,
                place,
                diplomas,
            });
        }
    }
    Ok(out)
}
