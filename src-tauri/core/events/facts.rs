//! What the reports read of the events area: events held in a period by
//! kind with their participants, the fairs' booths and visitors, citizens
//! reached by public events, and the newsletters sent. Aggregated in SQL,
//! one query each; no names.

use super::EventKind;
use crate::dates;
use crate::store::StoreError;
use chrono::NaiveDate;
use rusqlite::{params, Connection};

/// The events of one kind that started in the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindFacts {
    pub kind: EventKind,
    pub events: i64,
    /// People who came (participants marked "deltog", their head count).
    pub attended: i64,
    /// Booths (fairs), visitors (fairs), citizens reached (public events):
    /// the sums of what was recorded; events without a number add nothing.
    pub booths: i64,
    pub visitors: i64,
    pub citizens_reached: i64,
}

/// Events that started between `from` and `to` (both included), by kind, in
/// the kinds' order; kinds without events are left out.
pub fn by_kind(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<KindFacts>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.kind, count(*), coalesce(sum(a.people), 0), coalesce(sum(e.booths), 0),
                coalesce(sum(e.visitors), 0), coalesce(sum(e.citizens_reached), 0)
         FROM events e
         LEFT JOIN (SELECT event_id, sum(people) AS people FROM event_participants
                    WHERE status = 'deltog' GROUP BY event_id) a ON a.event_id = e.id
         WHERE substr(e.starts_at, 1, 10) BETWEEN ?1 AND ?2
         GROUP BY e.kind",
    )?;
    let rows = stmt.query_map(params![dates::iso(from), dates::iso(to)], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, i64>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (kind, events, attended, booths, visitors, citizens_reached) = row?;
        if let Some(kind) = EventKind::parse(&kind) {
            out.push(KindFacts {
                kind,
                events,
                attended,
                booths,
                visitors,
                citizens_reached,
            });
        }
    }
    out.sort_by_key(|k| EventKind::ALL.iter().position(|x| *x == k.kind));
    Ok(out)
}

/// Newsletters made in the period: how many, and their recipients summed.
pub fn newsletters_sent(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<(i64, i64), StoreError> {
    Ok(conn.query_row(
        "SELECT count(*), coalesce(sum(recipient_count), 0) FROM newsletters
         WHERE issued_on BETWEEN ?1 AND ?2",
        params![dates::iso(from), dates::iso(to)],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}
