//! The year at a glance: pool, granted, paid, remaining and awaiting a
//! decision, counts by status, totals by goal and by partner kind, and the
//! text `sundby grants --year YYYY` prints.
//!
//! The database sums per status; which statuses hold money or are paid is
//! decided here by [`Status::is_granted`] and [`Status::is_paid`], the same
//! rules the changes use.

use super::partners::AppPartners;
use super::pools::{pool, Pool};
use super::sql::Result;
use super::Status;
use crate::i18n::Lang;
use crate::{labels, money, settings};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::BTreeMap;

/// Money and counts for one goal or one partner kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupTotal {
    pub key: String,
    pub label: String,
    pub applications: i64,
    pub granted_ore: i64,
    pub paid_ore: i64,
}

/// How many applications have a status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusCount {
    pub status: Status,
    pub count: i64,
}

/// The year at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearOverview {
    pub year: i32,
    pub pool: Option<Pool>,
    pub total_ore: i64,
    pub granted_ore: i64,
    pub paid_ore: i64,
    pub remaining_ore: i64,
    /// Requested by applications still waiting for a decision.
    pub pending_ore: i64,
    pub counts: Vec<StatusCount>,
    /// A partner with several goals counts under each of them, so these do
    /// not add up to the year's total.
    pub by_goal: Vec<GroupTotal>,
    pub by_kind: Vec<GroupTotal>,
}

/// The live applications of a year with one status.
struct StatusSum {
    status: Status,
    count: i64,
    granted_ore: i64,
    requested_ore: i64,
}

fn status_sums(conn: &Connection, year: i32) -> Result<Vec<StatusSum>> {
    let mut stmt = conn.prepare_cached(
        "SELECT status, count(*), coalesce(sum(granted_ore), 0), coalesce(sum(requested_ore), 0)
         FROM grant_applications WHERE year = ?1 AND deleted_at IS NULL
         GROUP BY status",
    )?;
    let rows = stmt
        .query_map([year], |r| {
            Ok(StatusSum {
                status: r.get(0)?,
                count: r.get(1)?,
                granted_ore: r.get(2)?,
                requested_ore: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Money and counts of `year`'s live applications by the partners' goals
/// (in the programme's order; a partner with several goals counts under
/// each) and by partner kind (in the order of the kinds' codes). The
/// partners' kinds and goals come from the register in one batch.
fn group_totals(
    conn: &Connection,
    year: i32,
    lang: Lang,
) -> Result<(Vec<GroupTotal>, Vec<GroupTotal>)> {
    let mut stmt = conn.prepare_cached(
        "SELECT partner_id, status, granted_ore FROM grant_applications
         WHERE year = ?1 AND deleted_at IS NULL",
    )?;
    let apps: Vec<(String, Status, Option<i64>)> = stmt
        .query_map([year], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let found = AppPartners::read(conn, apps.iter().map(|a| a.0.clone()))?;
    let add = |t: &mut GroupTotal, status: Status, granted: Option<i64>| {
        t.applications += 1;
        if status.is_granted() {
            t.granted_ore += granted.unwrap_or(0);
        }
        if status.is_paid() {
            t.paid_ore += granted.unwrap_or(0);
        }
    };
    let total = |key: &str, label: String| GroupTotal {
        key: key.to_string(),
        label,
        applications: 0,
        granted_ore: 0,
        paid_ore: 0,
    };
    let mut by_goal: Vec<GroupTotal> = settings::goals(conn, true)?
        .into_iter()
        .map(|g| total(&g.id, g.title))
        .collect();
    let mut by_kind: BTreeMap<&str, GroupTotal> = BTreeMap::new();
    for (partner_id, status, granted) in &apps {
        for goal in found.goals(partner_id) {
            if let Some(t) = by_goal.iter_mut().find(|t| &t.key == goal) {
                add(t, *status, *granted);
            }
        }
        if let Some(kind) = found.kind(partner_id) {
            let t = by_kind
                .entry(kind)
                .or_insert_with(|| total(kind, labels::kind_code(kind, lang)));
            add(t, *status, *granted);
        }
    }
    by_goal.retain(|t| t.applications > 0);
    Ok((by_goal, by_kind.into_values().collect()))
}

/// Pool, granted, paid and remaining for `year`, counts by status, and
/// totals by goal and by partner kind.
pub fn overview(conn: &Connection, year: i32, lang: Lang) -> Result<YearOverview> {
    let pool = pool(conn, year)?;
    let total_ore = pool.as_ref().map_or(0, |p| p.total_ore);
    let sums = status_sums(conn, year)?;
    let sum_of = |keep: fn(Status) -> bool, amount: fn(&StatusSum) -> i64| -> i64 {
        sums.iter().filter(|s| keep(s.status)).map(amount).sum()
    };
    let granted_ore = sum_of(Status::is_granted, |s| s.granted_ore);
    let paid_ore = sum_of(Status::is_paid, |s| s.granted_ore);
    let pending_ore = sum_of(Status::is_open, |s| s.requested_ore);
    let counts = Status::ALL
        .into_iter()
        .map(|status| StatusCount {
            status,
            count: sums
                .iter()
                .find(|s| s.status == status)
                .map_or(0, |s| s.count),
        })
        .collect();
    let (by_goal, by_kind) = group_totals(conn, year, lang)?;
    Ok(YearOverview {
        year,
        pool,
        total_ore,
        granted_ore,
        paid_ore,
        remaining_ore: total_ore - granted_ore,
        pending_ore,
        counts,
        by_goal,
        by_kind,
    })
}

/// A year's pool and the money in it, without the counts and group totals
/// (what the reports read for their account; `None` when the year has no
/// pool). The same rules as [`overview`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Account {
    pub year: i32,
    pub total_ore: i64,
    pub granted_ore: i64,
    pub paid_ore: i64,
    pub remaining_ore: i64,
}

pub fn account(conn: &Connection, year: i32) -> Result<Option<Account>> {
    let Some(pool) = pool(conn, year)? else {
        return Ok(None);
    };
    let sums = status_sums(conn, year)?;
    let sum_of = |keep: fn(Status) -> bool| -> i64 {
        sums.iter()
            .filter(|s| keep(s.status))
            .map(|s| s.granted_ore)
            .sum()
    };
    let (granted_ore, paid_ore) = (sum_of(Status::is_granted), sum_of(Status::is_paid));
    Ok(Some(Account {
        year,
        total_ore: pool.total_ore,
        granted_ore,
        paid_ore,
        remaining_ore: pool.total_ore - granted_ore,
    }))
}

/// The text `sundby grants --year YYYY` prints.
pub fn summary_text(conn: &Connection, year: i32, lang: Lang) -> Result<String> {
    let o = overview(conn, year, lang)?;
    let f = money::format_ore;
    let Some(p) = &o.pool else {
        return Ok(match lang {
            Lang::Da => format!("Der er ingen pulje for {year}.\n"),
            Lang::En => format!("There is no pool for {year}.\n"),
        });
    };
    let rows: [(&str, &str, i64); 5] = [
        ("Pulje", "Pool", p.total_ore),
        ("Bevilget", "Granted", o.granted_ore),
        ("Udbetalt", "Paid", o.paid_ore),
        ("Tilbage", "Remaining", o.remaining_ore),
        ("Afventer afgørelse", "Awaiting decision", o.pending_ore),
    ];
    let width = rows
        .iter()
        .map(|(da, en, _)| if lang == Lang::Da { da } else { en }.chars().count())
        .max()
        .unwrap_or(0);
    let amount_width = rows
        .iter()
        .map(|r| f(r.2).chars().count())
        .max()
        .unwrap_or(0);
    let mut out = match lang {
        Lang::Da => format!("Puljen {year}\n"),
        Lang::En => format!("Grant pool {year}\n"),
    };
    for (da, en, amount) in rows {
        let label = if lang == Lang::Da { da } else { en };
        out.push_str(&format!("{label:<width$}  {:>amount_width$}\n", f(amount)));
    }
    let applications: i64 = o.counts.iter().map(|c| c.count).sum();
    out.push_str(&match lang {
        Lang::Da => format!(
            "Ansøgninger: {applications} (maks. {} pr. ansøgning)\n",
            f(p.max_per_application_ore)
        ),
        Lang::En => format!(
            "Applications: {applications} (at most {} each)\n",
            f(p.max_per_application_ore)
        ),
    });
    Ok(out)
}
