//! What the reports read of the pool for a period: applications received,
//! money granted by decisions in the period, money paid in the period (a
//! grant decided in one year and paid in the next counts as granted in the
//! first and paid in the second), and the reach expected and reported.
//! Aggregated in SQL in one query; which statuses hold money is decided by
//! [`Status::is_granted`], the same rule the changes use.

use super::Status;
use crate::dates;
use crate::store::StoreError;
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use std::collections::BTreeMap;

/// The pool's figures for a period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeriodTotals {
    /// Live applications received in the period.
    pub received: i64,
    /// Applications granted money by a decision in the period.
    pub granted_count: i64,
    pub granted_ore: i64,
    /// Paid out in the period (the amount granted now, after adjustments).
    pub paid_count: i64,
    pub paid_ore: i64,
    /// Expected reach of the applications granted in the period.
    pub expected_reach: i64,
    /// Reported reach of the reports made in the period, and of how many.
    pub reported_count: i64,
    pub reported_reach: i64,
    /// Money granted in the period per partner (for the goals' split).
    pub granted_by_partner: BTreeMap<String, i64>,
}

/// The pool's figures between `from` and `to` (both included).
pub fn period_totals(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<PeriodTotals, StoreError> {
    let (f, t) = (dates::iso(from), dates::iso(to));
    let mut stmt = conn.prepare_cached(
        "SELECT partner_id, status, coalesce(granted_ore, 0), coalesce(expected_reach, 0),
                coalesce(actual_reach, 0),
                received_on BETWEEN ?1 AND ?2,
                coalesce(decided_on BETWEEN ?1 AND ?2, 0),
                coalesce(paid_on BETWEEN ?1 AND ?2, 0),
                coalesce(reported_on BETWEEN ?1 AND ?2, 0)
         FROM grant_applications
         WHERE deleted_at IS NULL
           AND (received_on BETWEEN ?1 AND ?2 OR decided_on BETWEEN ?1 AND ?2
                OR paid_on BETWEEN ?1 AND ?2 OR reported_on BETWEEN ?1 AND ?2)",
    )?;
    let rows = stmt.query_map(params![f, t], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, bool>(5)?,
            r.get::<_, bool>(6)?,
            r.get::<_, bool>(7)?,
            r.get::<_, bool>(8)?,
        ))
    })?;
    let mut out = PeriodTotals::default();
    for row in rows {
        let (partner, status, granted, expected, actual, received, decided, paid, reported) = row?;
        let Ok(status) = status.parse::<Status>() else {
            continue;
        };
        if received {
            out.received += 1;
        }
        if decided && status.is_granted() && granted > 0 {
            out.granted_count += 1;
            out.granted_ore += granted;
            out.expected_reach += expected;
            *out.granted_by_partner.entry(partner).or_default() += granted;
        }
        if paid && status.is_paid() {
            out.paid_count += 1;
            out.paid_ore += granted;
        }
        if reported && status == Status::Afrapporteret {
            out.reported_count += 1;
            out.reported_reach += actual;
        }
    }
    Ok(out)
}
