//! The partner page's one timeline, newest first: the activity log beside
//! the status history, diplomas, events and grant applications. Each other
//! area is read through its own public functions (`partners::get`,
//! `diploma::store::for_partner`, `events::store::partner_events`,
//! `grants::granted::of_partner`, `publications::welcome::sent`); the UI words each entry from its
//! `source` and `code`.

use super::Result;
use crate::{dates, diploma, events, grants, partners};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

/// One thing that happened with the partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEntry {
    pub on: NaiveDate,
    /// `activity`, `status`, `diploma`, `event`, `grant` or `welcome` (a
    /// welcome pack sent).
    pub source: &'static str,
    /// The activity kind, the partner status, `original`/`copy`, the event
    /// kind or the grant status.
    pub code: String,
    /// The activity's text, the ceremony's place, the event's title or the
    /// grant's purpose.
    pub title: String,
    /// The activity's author, the diploma's number, the partner's part in
    /// the event (`organiser` or a participant status).
    pub detail: String,
    /// The grant's amount (granted, else requested).
    pub amount_ore: Option<i64>,
    /// Where the entry is handled (empty for the partner's own entries).
    pub link: String,
    /// The record's id in its area (the activity id for activities).
    pub id: String,
}

fn day(s: &str) -> Option<NaiveDate> {
    dates::parse_iso(s.get(..10).unwrap_or(s))
}

/// Everything that happened with the partner, newest first.
pub fn timeline(conn: &Connection, partner_id: &str) -> Result<Vec<TimelineEntry>> {
    let mut out = Vec::new();
    for a in super::list(conn, partner_id)? {
        out.push(TimelineEntry {
            on: a.happened_on,
            source: "activity",
            code: a.kind.as_str().to_string(),
            title: a.text,
            detail: a.author,
            amount_ore: None,
            link: String::new(),
            id: a.id,
        });
    }
    let partner = partners::get(conn, partner_id)?;
    for (i, s) in partner.status_history.iter().enumerate() {
        out.push(TimelineEntry {
            on: s.changed_on,
            source: "status",
            code: s.status.as_str().to_string(),
            title: String::new(),
            detail: String::new(),
            amount_ore: None,
            link: String::new(),
            id: format!("status-{i}"),
        });
    }
    for d in diploma::store::for_partner(conn, partner_id)? {
        let Some(on) = day(&d.issued_on) else {
            continue;
        };
        out.push(TimelineEntry {
            on,
            source: "diploma",
            code: if d.is_copy { "copy" } else { "original" }.to_string(),
            title: d.ceremony_place.unwrap_or_default(),
            detail: d.number.to_string(),
            amount_ore: None,
            link: "#/diplomer".into(),
            id: d.id,
        });
    }
    for e in events::store::partner_events(conn, partner_id)? {
        let Some(on) = day(&e.starts_at) else {
            continue;
        };
        out.push(TimelineEntry {
            on,
            source: "event",
            code: e.kind.code().to_string(),
            title: e.title,
            detail: e
                .status
                .map(|s| s.code().to_string())
                .unwrap_or_else(|| e.role.clone()),
            amount_ore: None,
            link: format!("#/arrangementer/{}", e.event_id),
            id: e.event_id,
        });
    }
    for g in grants::granted::of_partner(conn, partner_id)? {
        out.push(TimelineEntry {
            on: g
                .decided_on
                .unwrap_or(g.received_on)
                .max(g.reported_on.or(g.paid_on).unwrap_or(g.received_on)),
            source: "grant",
            code: g.status.as_str().to_string(),
            title: g.purpose,
            detail: String::new(),
            amount_ore: Some(g.granted_ore.unwrap_or(g.requested_ore)),
            link: g.link,
            id: g.id,
        });
    }
    for w in crate::publications::welcome::sent(conn, partner_id)? {
        out.push(TimelineEntry {
            on: w.sent_on,
            source: "welcome",
            code: "sent".into(),
            title: String::new(),
            detail: String::new(),
            amount_ore: None,
            link: String::new(),
            id: w.id,
        });
    }
    // Newest first; on one day the partner's own log comes first.
    out.sort_by_key(|e| std::cmp::Reverse(e.on));
    Ok(out)
}
