//! The year at a glance: pool, granted, paid, remaining and awaiting a
//! decision, counts by status, totals by goal and by partner kind, and the
//! text `sundby grants --year YYYY` prints.
//!
//! The database sums per status; which statuses hold money or are paid is
//! decided here by [`Status::is_granted`] and [`Status::is_paid`], the same
//! rules the changes use.

use super::money;
use super::pools::{pool, Pool};
use super::sql::Result;
use super::Status;
use crate::i18n::Lang;
use rusqlite::Connection;
use serde::Serialize;

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

/// The label of a partner kind.
pub fn kind_label(kind: &str, lang: Lang) -> String {
    let label = match (lang, kind) {
        (Lang::Da, "kommunal") => "Kommunal",
        (Lang::Da, "virksomhed") => "Virksomhed",
        (Lang::Da, "forening") => "Forening",
        (Lang::Da, "borger") => "Borger",
        (Lang::Da, "institution") => "Institution",
        (Lang::En, "kommunal") => "Municipal",
        (Lang::En, "virksomhed") => "Company",
        (Lang::En, "forening") => "Association",
        (Lang::En, "borger") => "Citizen",
        (Lang::En, "institution") => "Institution",
        _ => return kind.to_string(),
    };
    label.to_string()
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

/// What the year's totals are grouped by.
#[derive(Debug, Clone, Copy)]
enum Grouping {
    Goal,
    Kind,
}

impl Grouping {
    /// Key, label, status, count and granted per group and status, the rows
    /// of one group next to each other, groups in their order.
    fn sql(self) -> &'static str {
        match self {
            Grouping::Goal => {
                "SELECT g.id, g.title, a.status, count(a.id), coalesce(sum(a.granted_ore), 0)
                 FROM grant_applications a JOIN partners p ON p.id = a.partner_id
                      JOIN partner_goals pg ON pg.partner_id = a.partner_id
                      JOIN goals g ON g.id = pg.goal_id
                 WHERE a.year = ?1 AND a.deleted_at IS NULL
                 GROUP BY g.id, a.status ORDER BY min(g.position), g.id"
            }
            Grouping::Kind => {
                "SELECT p.kind, p.kind, a.status, count(a.id), coalesce(sum(a.granted_ore), 0)
                 FROM grant_applications a JOIN partners p ON p.id = a.partner_id
                 WHERE a.year = ?1 AND a.deleted_at IS NULL
                 GROUP BY p.kind, a.status ORDER BY p.kind"
            }
        }
    }
}

/// The totals of `year` by goal or by kind (labels as stored).
fn group_totals(conn: &Connection, year: i32, grouping: Grouping) -> Result<Vec<GroupTotal>> {
    let mut stmt = conn.prepare_cached(grouping.sql())?;
    let mut rows = stmt.query([year])?;
    let mut totals: Vec<GroupTotal> = Vec::new();
    while let Some(r) = rows.next()? {
        let key: String = r.get(0)?;
        let status: Status = r.get(2)?;
        let (count, granted): (i64, i64) = (r.get(3)?, r.get(4)?);
        if totals.last().is_none_or(|t| t.key != key) {
            totals.push(GroupTotal {
                key,
                label: r.get(1)?,
                applications: 0,
                granted_ore: 0,
                paid_ore: 0,
            });
        }
        let Some(total) = totals.last_mut() else {
            continue;
        };
        total.applications += count;
        if status.is_granted() {
            total.granted_ore += granted;
        }
        if status.is_paid() {
            total.paid_ore += granted;
        }
    }
    Ok(totals)
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
    let by_goal = group_totals(conn, year, Grouping::Goal)?;
    let by_kind = group_totals(conn, year, Grouping::Kind)?
        .into_iter()
        .map(|mut t| {
            t.label = kind_label(&t.key, lang);
            t
        })
        .collect();
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
