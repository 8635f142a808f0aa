//! What other areas read of the grant pool: the money granted in a period
//! (the newsletter tells partners about the activities funded), a partner's
//! applications (the partner page's timeline), the applications waiting for
//! a decision and the paid grants whose report is missing (the Overblik).
//! Other areas never query the grants' tables themselves.
//!
//! A paid grant's report is expected [`REPORT_AFTER_DAYS`] days after the
//! activity (its planned date, or the payment date when none was planned).

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
pub fn with_history_of_partner(
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

/// Days after the activity (or the payment) a grant's report is expected.
pub const REPORT_AFTER_DAYS: u64 = 90;

/// An application as other areas list it; the partner's name is theirs to
/// look up (`partners::by_ids`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApplicationLine {
    pub id: String,
    pub year: i32,
    pub partner_id: String,
    pub purpose: String,
    pub status: Status,
    pub received_on: NaiveDate,
    pub requested_ore: i64,
    pub granted_ore: Option<i64>,
    pub decided_on: Option<NaiveDate>,
    pub paid_on: Option<NaiveDate>,
    pub reported_on: Option<NaiveDate>,
    /// When the report is expected (paid grants only).
    pub report_due_on: Option<NaiveDate>,
    /// Where it is handled: the application in its year's pool.
    pub link: String,
}

fn line_from_row(r: &rusqlite::Row) -> rusqlite::Result<Option<ApplicationLine>> {
    let date = |i: usize| -> rusqlite::Result<Option<NaiveDate>> {
        Ok(r.get::<_, Option<String>>(i)?
            .as_deref()
            .and_then(dates::parse_iso))
    };
    let status: String = r.get(4)?;
    let (Ok(status), Some(received_on)) = (status.parse::<Status>(), date(5)?) else {
        return Ok(None);
    };
    let id: String = r.get(0)?;
    let year: i32 = r.get(1)?;
    let paid_on = date(9)?;
    let planned_on = date(11)?;
    let report_due_on = status
        .is_paid()
        .then(|| planned_on.max(paid_on))
        .flatten()
        .map(|d| d + chrono::Days::new(REPORT_AFTER_DAYS));
    Ok(Some(ApplicationLine {
        link: format!("#/pulje/{year}/{id}"),
        id,
        year,
        partner_id: r.get(2)?,
        purpose: r.get(3)?,
        status,
        received_on,
        requested_ore: r.get(6)?,
        granted_ore: r.get(7)?,
        decided_on: date(8)?,
        paid_on,
        reported_on: date(10)?,
        report_due_on,
    }))
}

const LINE_COLS: &str = "id, year, partner_id, purpose, status, received_on, requested_ore,
    granted_ore, decided_on, paid_on, reported_on, planned_on";

fn lines(
    conn: &Connection,
    cond: &str,
    args: &[&dyn rusqlite::ToSql],
) -> Result<Vec<ApplicationLine>, StoreError> {
    let sql = format!(
        "SELECT {LINE_COLS} FROM grant_applications WHERE deleted_at IS NULL AND {cond}
         ORDER BY received_on, created_at"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(args, line_from_row)?;
    let mut out = Vec::new();
    for row in rows {
        out.extend(row?);
    }
    Ok(out)
}

/// The partner's live applications, oldest received first.
pub fn of_partner(conn: &Connection, partner_id: &str) -> Result<Vec<ApplicationLine>, StoreError> {
    lines(conn, "partner_id = ?1", &[&partner_id])
}

/// Applications of any year still waiting for a decision (received or
/// under review), oldest received first.
pub fn awaiting_decision(conn: &Connection) -> Result<Vec<ApplicationLine>, StoreError> {
    lines(conn, "status IN ('modtaget', 'under_behandling')", &[])
}

/// Paid grants without a report whose report was expected before `today`
/// ([`REPORT_AFTER_DAYS`]), the longest overdue first.
pub fn reports_missing(
    conn: &Connection,
    today: NaiveDate,
) -> Result<Vec<ApplicationLine>, StoreError> {
    let mut out: Vec<ApplicationLine> = lines(conn, "status = 'udbetalt'", &[])?
        .into_iter()
        .filter(|a| a.reported_on.is_none() && a.report_due_on.is_some_and(|d| d < today))
        .collect();
    out.sort_by_key(|a| a.report_due_on);
    Ok(out)
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

    #[test]
    fn waiting_for_a_decision_and_reports_missing_past_their_date() {
        let s = Store::open_in_memory().unwrap();
        let p = partner(&s.conn, "Løbeklubben", "forening", &[]);
        s.conn
            .execute_batch(&format!(
                "INSERT INTO grant_pools (year, total_ore, max_per_application_ore, criteria, created_at, updated_at)
                 VALUES (2026, 10000000, 500000, '', 'x', 'x');
                 INSERT INTO grant_applications (id, year, partner_id, received_on, purpose, requested_ore,
                     status, decided_on, granted_ore, decision_reason, planned_on, paid_on, reported_on,
                     deleted_at, created_at, updated_at)
                 VALUES
                 ('new', 2026, '{p}', '2026-02-01', 'Ny', 100, 'modtaget', NULL, NULL, '', NULL, NULL, NULL, NULL, 'x', 'x'),
                 ('rev', 2026, '{p}', '2026-01-01', 'Under', 100, 'under_behandling', NULL, NULL, '', NULL, NULL, NULL, NULL, 'x', 'x'),
                 ('old', 2026, '{p}', '2026-01-01', 'Gammel', 100, 'udbetalt', '2026-02-01', 100, '', '2026-03-01', '2026-02-10', NULL, NULL, 'x', 'x'),
                 ('fresh', 2026, '{p}', '2026-01-01', 'Frisk', 100, 'udbetalt', '2026-02-01', 100, '', '2026-09-01', '2026-02-10', NULL, NULL, 'x', 'x'),
                 ('done', 2026, '{p}', '2026-01-01', 'Afrapp', 100, 'afrapporteret', '2026-02-01', 100, '', '2026-03-01', '2026-02-10', '2026-04-01', NULL, 'x', 'x'),
                 ('gone', 2026, '{p}', '2026-01-01', 'Slettet', 100, 'modtaget', NULL, NULL, '', NULL, NULL, NULL, 'x', 'x', 'x');"
            ))
            .unwrap();
        let waiting: Vec<_> = awaiting_decision(&s.conn)
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect();
        assert_eq!(waiting, ["rev", "new"]);
        let today = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
        let missing = reports_missing(&s.conn, today).unwrap();
        assert_eq!(missing.len(), 1);
        assert_eq!(missing[0].id, "old");
        // 90 days after the activity on 1 March.
        assert_eq!(
            missing[0].report_due_on,
            NaiveDate::from_ymd_opt(2026, 5, 30)
        );
        assert_eq!(missing[0].link, "#/pulje/2026/old");
        assert_eq!(of_partner(&s.conn, &p).unwrap().len(), 5);
    }
}
