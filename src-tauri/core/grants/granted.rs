//! What other areas read of the grant pool: the money granted in a period
//! (the newsletter tells partners about the activities funded). Other areas
//! never query the grants' tables themselves.

use super::Status;
use crate::dates;
use crate::store::StoreError;
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;

/// An application that holds money from the pool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GrantedApplication {
    pub partner_id: String,
    pub purpose: String,
    pub granted_ore: i64,
    pub decided_on: NaiveDate,
    pub planned_on: Option<NaiveDate>,
}

/// The live applications granted money (granted, paid or reported, more than
/// 0,00 kr.) by a decision between `from` and `to` (both included), by
/// decision date, then purpose.
pub fn granted_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<GrantedApplication>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT partner_id, purpose, granted_ore, decided_on, planned_on, status
         FROM grant_applications
         WHERE deleted_at IS NULL AND granted_ore > 0 AND decided_on BETWEEN ?1 AND ?2
         ORDER BY decided_on, purpose",
    )?;
    let rows = stmt.query_map(params![dates::iso(from), dates::iso(to)], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (partner_id, purpose, granted_ore, decided, planned, status) = row?;
        let granted = status.parse::<Status>().is_ok_and(Status::is_granted);
        // decided_on is ISO text (BETWEEN matched it), so it parses.
        if let (true, Some(decided_on)) = (granted, dates::parse_iso(&decided)) {
            out.push(GrantedApplication {
                partner_id,
                purpose,
                granted_ore,
                decided_on,
                planned_on: planned.as_deref().and_then(dates::parse_iso),
            });
        }
    }
    Ok(out)
}

/// Every application of a partner (deleted ones too: the register extract
/// shows everything the app holds), oldest received first, each with its
/// history. Added for the register extract (issue 15).
pub fn of_partner(
    conn: &Connection,
    partner_id: &str,
) -> Result<Vec<(super::Application, Vec<super::HistoryEntry>)>, super::GrantError> {
    let ids: Vec<String> = conn
        .prepare_cached(
            "SELECT id FROM grant_applications WHERE partner_id = ?1
             ORDER BY received_on, created_at, id",
        )?
        .query_map([partner_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.iter()
        .map(|id| Ok((super::application(conn, id)?, super::history(conn, id)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grants::testutil::partner;
    use crate::store::Store;

    #[test]
    fn only_live_granted_money_decided_in_the_period() {
        let s = Store::open_in_memory().unwrap();
        let p = partner(&s.conn, "Idrætsforeningen", "forening", &[]);
        s.conn
            .execute_batch(&format!(
                "INSERT INTO grant_pools (year, total_ore, max_per_application_ore, criteria, created_at, updated_at)
                 VALUES (2026, 10000000, 500000, '', 'x', 'x');
                 INSERT INTO grant_applications (id, year, partner_id, received_on, purpose, requested_ore,
                     status, decided_on, granted_ore, decision_reason, planned_on, deleted_at, created_at, updated_at)
                 VALUES
                 ('a', 2026, '{p}', '2026-02-01', 'Løbeskole', 300000, 'bevilget', '2026-03-01', 300000, '', '2026-05-01', NULL, 'x', 'x'),
                 ('b', 2026, '{p}', '2026-02-01', 'Afslået', 300000, 'afslaaet', '2026-03-02', NULL, 'nej', NULL, NULL, 'x', 'x'),
                 ('c', 2026, '{p}', '2026-02-01', 'Udenfor', 100000, 'bevilget', '2026-05-01', 100000, '', NULL, NULL, 'x', 'x'),
                 ('d', 2026, '{p}', '2026-02-01', 'Slettet', 100000, 'bevilget', '2026-03-03', 100000, '', NULL, 'x', 'x', 'x'),
                 ('e', 2026, '{p}', '2026-02-01', 'Delvist', 200000, 'delvist_bevilget', '2026-03-04', 150000, 'mindre', NULL, NULL, 'x', 'x');"
            ))
            .unwrap();
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let got = granted_between(&s.conn, d(3, 1), d(3, 31)).unwrap();
        let purposes: Vec<_> = got.iter().map(|g| g.purpose.as_str()).collect();
        assert_eq!(purposes, ["Løbeskole", "Delvist"]);
        assert_eq!(got[0].partner_id, p);
        assert_eq!(got[0].granted_ore, 300_000);
        assert_eq!(got[0].planned_on, Some(d(5, 1)));
        assert_eq!(got[1].granted_ore, 150_000);
    }
}
