//! The list's search index: what search as you type filters and sorts on,
//! held in memory so that a keystroke over 10,000 partners costs well under
//! a millisecond of filtering instead of a scan of the table.
//!
//! [`ListIndex::list`] answers exactly what [`store::list`] answers (the SQL
//! version stays as the reference, and its filter is the export's; a
//! property test holds the two equal). Only the filter, the counts and the order come
//! from memory; the page's 50 rows are read from the database by id, so what
//! is shown is never stale.
//!
//! Invariant: one index belongs to one connection. It reloads itself when the
//! connection has changed anything (`total_changes`) or another connection
//! has committed (`PRAGMA data_version`), so no write path needs to know it
//! exists.

use super::collation;
use super::store::{self, ListQuery, ListResult, Sort};
use super::{Channel, Kind, PartnerRow, Result, Status};
use rusqlite::{params_from_iter, Connection};
use std::cmp::Ordering;
use std::collections::HashMap;

/// One partner as the list filters and sorts it.
#[derive(Debug)]
struct Entry {
    id: String,
    status: Status,
    kind: Kind,
    channel: Option<Channel>,
    /// Has had the status aktiv at some time (the status history).
    ever_active: bool,
    joined_on: Option<String>,
    search_text: String,
    /// Indexes into [`Loaded::goal_ids`].
    goals: Vec<u16>,
    deleted: bool,
    erased: bool,
}

#[derive(Debug)]
struct Loaded {
    /// In the name order (`sort_key`, then `id`, as SQLite compares them:
    /// bytewise), which every order uses to break ties.
    entries: Vec<Entry>,
    goal_ids: HashMap<String, u16>,
    /// `(total_changes, data_version)` when loaded.
    stamp: (u64, i64),
}

/// The in-memory search index of one connection (see the module docs).
#[derive(Debug, Default)]
pub struct ListIndex {
    loaded: Option<Loaded>,
    loads: u64,
}

fn stamp(conn: &Connection) -> Result<(u64, i64)> {
    let version: i64 = conn
        .prepare_cached("PRAGMA data_version")?
        .query_row([], |r| r.get(0))?;
    Ok((conn.total_changes(), version))
}

fn status_rank(s: Status) -> u8 {
    match s {
        Status::Interesseret => 0,
        Status::Aktiv => 1,
        Status::IDvale => 2,
        Status::Afsluttet => 3,
    }
}

impl ListIndex {
    pub fn new() -> ListIndex {
        ListIndex::default()
    }

    /// How many times the index has been read from the database (for tests
    /// and the benchmark).
    pub fn loads(&self) -> u64 {
        self.loads
    }

    fn fresh(&mut self, conn: &Connection) -> Result<&Loaded> {
        let now = stamp(conn)?;
        let current = match self.loaded.take() {
            Some(l) if l.stamp == now => l,
            _ => {
                self.loads += 1;
                load(conn, now)?
            }
        };
        Ok(self.loaded.insert(current))
    }

    /// One page of partners matching `q`, with counts: the same answer as
    /// [`store::list`].
    pub fn list(&mut self, conn: &Connection, q: &ListQuery) -> Result<ListResult> {
        let loaded = self.fresh(conn)?;
        let overall = loaded
            .entries
            .iter()
            .filter(|e| in_view(e, q.in_bin))
            .count() as u32;
        let matches = matching(loaded, q);
        let total = matches.len() as u32;
        let active = matches
            .iter()
            .filter(|&&i| loaded.entries[i].status == Status::Aktiv)
            .count() as u32;
        let limit = q.page_size() as usize;
        let page: Vec<&str> = matches
            .iter()
            .skip(q.offset as usize)
            .take(limit)
            .map(|&i| loaded.entries[i].id.as_str())
            .collect();
        let rows = rows_by_id(conn, &page)?;
        Ok(ListResult {
            rows,
            total,
            active,
            overall,
            offset: q.offset,
        })
    }
}

fn in_view(e: &Entry, in_bin: bool) -> bool {
    if in_bin {
        e.deleted && !e.erased
    } else {
        !e.deleted
    }
}

/// Indexes of the matching entries, in the order `q` asks for.
fn matching(loaded: &Loaded, q: &ListQuery) -> Vec<usize> {
    let folded = collation::fold(&q.search);
    let words: Vec<&str> = folded.split_whitespace().take(8).collect();
    let goal: Option<Option<u16>> = q
        .goal
        .as_deref()
        .filter(|g| !g.is_empty())
        .map(|g| loaded.goal_ids.get(g).copied());
    let mut out: Vec<usize> = loaded
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            in_view(e, q.in_bin)
                && q.kind.is_none_or(|k| e.kind == k)
                && q.status.is_none_or(|s| e.status == s)
                && q.channel.is_none_or(|c| e.channel == Some(c))
                && (!q.ever_active || e.ever_active)
                && goal.is_none_or(|g| g.is_some_and(|g| e.goals.contains(&g)))
                && words.iter().all(|w| e.search_text.contains(w))
        })
        .map(|(i, _)| i)
        .collect();
    let e = &loaded.entries;
    // The entries are in name order, so the name order's ties (sort_key,
    // then id, ascending) are the position itself.
    match q.sort {
        Sort::Name => {
            if q.desc {
                out.reverse();
            }
        }
        Sort::Joined => out.sort_by(|&a, &b| {
            let (x, y) = (&e[a].joined_on, &e[b].joined_on);
            let by_date = match (x, y) {
                (None, None) => Ordering::Equal,
                (None, Some(_)) => Ordering::Greater,
                (Some(_), None) => Ordering::Less,
                // Newest first unless reversed.
                (Some(x), Some(y)) if q.desc => x.cmp(y),
                (Some(x), Some(y)) => y.cmp(x),
            };
            by_date.then(a.cmp(&b))
        }),
        Sort::Status => out.sort_by(|&a, &b| {
            let (x, y) = (status_rank(e[a].status), status_rank(e[b].status));
            let by_status = if q.desc { y.cmp(&x) } else { x.cmp(&y) };
            by_status.then(a.cmp(&b))
        }),
    }
    out
}

fn load(conn: &Connection, stamp: (u64, i64)) -> Result<Loaded> {
    let mut goal_ids: HashMap<String, u16> = HashMap::new();
    let mut goals_of: HashMap<String, Vec<u16>> = HashMap::new();
    {
        let mut stmt = conn.prepare("SELECT partner_id, goal_id FROM partner_goals")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let partner: String = r.get(0)?;
            let goal: String = r.get(1)?;
            let next = goal_ids.len() as u16;
            let g = *goal_ids.entry(goal).or_insert(next);
            goals_of.entry(partner).or_default().push(g);
        }
    }
    let mut stmt = conn.prepare(
        "SELECT id, status, kind, joined_on, search_text,
                deleted_at IS NOT NULL, erased_at IS NOT NULL, recruitment_channel,
                id IN (SELECT h.partner_id FROM partner_status_history h WHERE h.status = 'aktiv')
         FROM partners ORDER BY sort_key, id",
    )?;
    let entries = stmt
        .query_map([], |r| {
            let id: String = r.get(0)?;
            Ok(Entry {
                status: r.get(1)?,
                kind: r.get(2)?,
                joined_on: r.get(3)?,
                search_text: r.get(4)?,
                deleted: r.get(5)?,
                erased: r.get(6)?,
                channel: r.get(7)?,
                ever_active: r.get(8)?,
                goals: Vec::new(),
                id,
            })
        })?
        .collect::<rusqlite::Result<Vec<Entry>>>()?;
    let entries = entries
        .into_iter()
        .map(|mut e| {
            if let Some(g) = goals_of.remove(&e.id) {
                e.goals = g;
            }
            e
        })
        .collect();
    Ok(Loaded {
        entries,
        goal_ids,
        stamp,
    })
}

/// The list rows for `ids`, in that order.
fn rows_by_id(conn: &Connection, ids: &[&str]) -> Result<Vec<PartnerRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = (1..=ids.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(",");
    let sql = format!(
        "SELECT {} FROM partners p WHERE p.id IN ({marks})",
        store::ROW_COLUMNS
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut found: HashMap<String, PartnerRow> = stmt
        .query_map(params_from_iter(ids.iter()), store::row)?
        .map(|r| r.map(|row| (row.id.clone(), row)))
        .collect::<rusqlite::Result<_>>()?;
    // A row deleted between the index check and now is simply left out.
    Ok(ids.iter().filter_map(|id| found.remove(*id)).collect())
}

#[cfg(test)]
mod tests;
