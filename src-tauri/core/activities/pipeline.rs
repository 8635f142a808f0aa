//! The recruitment pipeline: every lead (a partner with status
//! *interesseret* that can be picked) with its last activity and its next
//! open follow-up, the lead registered longest ago first, so that no lead
//! from a fair is forgotten.

use super::{ActivityKind, FollowUpState, Result};
use crate::dates;
use crate::partners::{self, Status};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;

/// One lead of the pipeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lead {
    pub partner_id: String,
    pub name: String,
    pub kind: partners::Kind,
    /// When the partner was registered (RFC 3339).
    pub created_at: String,
    pub last_activity_on: Option<NaiveDate>,
    pub last_activity_kind: Option<ActivityKind>,
    pub last_activity_text: Option<String>,
    pub next_follow_up_on: Option<NaiveDate>,
    pub next_follow_up_text: Option<String>,
    pub next_follow_up_state: Option<FollowUpState>,
    /// The partner's page.
    pub link: String,
}

struct Last {
    on: NaiveDate,
    kind: ActivityKind,
    text: String,
}

/// The pipeline on `today`, oldest lead first.
pub fn pipeline(conn: &Connection, today: NaiveDate) -> Result<Vec<Lead>> {
    let leads = partners::first_pickable(
        conn,
        Status::Interesseret,
        partners::Among::All,
        partners::Seniority::Registered,
        None,
    )?;
    leads_of(conn, leads.first, today)
}

/// The pipeline in short: how many leads, how many of them without an open
/// follow-up (the ones that may be forgotten) and the `n` oldest, without
/// reading every lead. What the Overblik shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PipelineHead {
    pub count: usize,
    pub without_follow_up: usize,
    pub first: Vec<Lead>,
}

/// The partners with an open follow-up, from the `follow_ups_open_partner`
/// index (migration 015).
const FOLLOWED: partners::IdsOf = partners::IdsOf::new(
    "SELECT partner_id FROM follow_ups WHERE done_on IS NULL AND deleted_at IS NULL",
);

/// The first `n` leads of [`pipeline`] with the counts of all of them.
pub fn pipeline_head(conn: &Connection, today: NaiveDate, n: usize) -> Result<PipelineHead> {
    let head = partners::first_pickable(
        conn,
        Status::Interesseret,
        partners::Among::All,
        partners::Seniority::Registered,
        Some(n),
    )?;
    let with_follow_up = partners::first_pickable(
        conn,
        Status::Interesseret,
        partners::Among::Only(FOLLOWED),
        partners::Seniority::Registered,
        Some(0),
    )?
    .count;
    Ok(PipelineHead {
        count: head.count,
        without_follow_up: head.count.saturating_sub(with_follow_up),
        first: leads_of(conn, head.first, today)?,
    })
}

/// These leads (in their order) with their last activity and next open
/// follow-up.
fn leads_of(
    conn: &Connection,
    leads: Vec<partners::PartnerOption>,
    today: NaiveDate,
) -> Result<Vec<Lead>> {
    if leads.is_empty() {
        return Ok(Vec::new());
    }
    let ids =
        serde_json::Value::from(leads.iter().map(|p| p.id.clone()).collect::<Vec<_>>()).to_string();
    // The newest activity of each lead (SQLite takes the other columns of
    // the row holding the max).
    let mut last: HashMap<String, Last> = HashMap::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT partner_id, max(happened_on || created_at), kind, happened_on, text
             FROM activities
             WHERE deleted_at IS NULL AND partner_id IN (SELECT value FROM json_each(?1))
             GROUP BY partner_id",
        )?;
        let rows = stmt.query_map([&ids], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, ActivityKind>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        for row in rows {
            let (id, kind, on, text) = row?;
            if let Some(on) = dates::parse_iso(&on) {
                last.insert(id, Last { on, kind, text });
            }
        }
    }
    let mut next: HashMap<String, (NaiveDate, String)> = HashMap::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT partner_id, min(due_on || created_at), due_on, text
             FROM follow_ups
             WHERE done_on IS NULL AND deleted_at IS NULL
               AND partner_id IN (SELECT value FROM json_each(?1))
             GROUP BY partner_id",
        )?;
        let rows = stmt.query_map([&ids], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        for row in rows {
            let (id, on, text) = row?;
            if let Some(on) = dates::parse_iso(&on) {
                next.insert(id, (on, text));
            }
        }
    }
    Ok(leads
        .into_iter()
        .map(|p| {
            let l = last.remove(&p.id);
            let n = next.remove(&p.id);
            Lead {
                link: format!("#/partnere/{}", p.id),
                last_activity_on: l.as_ref().map(|l| l.on),
                last_activity_kind: l.as_ref().map(|l| l.kind),
                last_activity_text: l.map(|l| l.text),
                next_follow_up_state: n
                    .as_ref()
                    .map(|(on, _)| FollowUpState::of(*on, None, today)),
                next_follow_up_on: n.as_ref().map(|(on, _)| *on),
                next_follow_up_text: n.map(|(_, t)| t),
                partner_id: p.id,
                name: p.name,
                kind: p.kind,
                created_at: p.created_at,
            }
        })
        .collect())
}
