//! What the reports read of the register: every live partner's kind,
//! recruitment channel, join date, goals and status history, for counting.
//! Three queries in all (partners, goals, history), however many partners.
//! No names: a report counts partners (erased ones too), it never names them.

use super::{Channel, Kind, Status};
use crate::dates;
use crate::store::StoreError;
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::HashMap;

/// One partner as the reports count it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnerFacts {
    pub id: String,
    pub kind: Kind,
    pub status: Status,
    pub channel: Option<Channel>,
    pub joined_on: Option<NaiveDate>,
    pub goal_ids: Vec<String>,
    /// Every status the partner had, oldest first, with the day it began.
    pub history: Vec<(NaiveDate, Status)>,
}

impl PartnerFacts {
    /// The status on `day` (the last change on or before it), or `None`
    /// when the partner was not registered yet.
    pub fn status_on(&self, day: NaiveDate) -> Option<Status> {
        self.history
            .iter()
            .take_while(|(d, _)| *d <= day)
            .last()
            .map(|(_, s)| *s)
    }

    /// Had the status `aktiv` at some day on or before `day`.
    pub fn was_active_by(&self, day: NaiveDate) -> bool {
        self.history
            .iter()
            .any(|(d, s)| *d <= day && *s == Status::Aktiv)
    }
}

/// Every partner not in the bin (erased ones included: they are counted).
pub fn facts(conn: &Connection) -> Result<Vec<PartnerFacts>, StoreError> {
    let mut goals: HashMap<String, Vec<String>> = HashMap::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT pg.partner_id, pg.goal_id FROM partner_goals pg
             JOIN partners p ON p.id = pg.partner_id WHERE p.deleted_at IS NULL",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (p, g) = row?;
            goals.entry(p).or_default().push(g);
        }
    }
    let mut history: HashMap<String, Vec<(NaiveDate, Status)>> = HashMap::new();
    {
        let mut stmt = conn.prepare_cached(
            "SELECT h.partner_id, h.changed_on, h.status FROM partner_status_history h
             JOIN partners p ON p.id = h.partner_id WHERE p.deleted_at IS NULL
             ORDER BY h.partner_id, h.changed_on, h.created_at",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (p, day, status) = row?;
            if let (Some(day), Ok(status)) = (dates::parse_iso(&day), status.parse::<Status>()) {
                history.entry(p).or_default().push((day, status));
            }
        }
    }
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, status, recruitment_channel, joined_on, substr(created_at, 1, 10)
         FROM partners WHERE deleted_at IS NULL",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Kind>(1)?,
            r.get::<_, Status>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, kind, status, channel, joined, created) = row?;
        let joined_on = joined.as_deref().and_then(dates::parse_iso);
        // A record without a history (written by hand or by an old version)
        // has had its status since it joined, or since it was registered.
        let history = match history.remove(&id) {
            Some(h) if !h.is_empty() => h,
            _ => joined_on
                .or_else(|| dates::parse_iso(&created))
                .map(|d| vec![(d, status)])
                .unwrap_or_default(),
        };
        out.push(PartnerFacts {
            goal_ids: goals.remove(&id).unwrap_or_default(),
            history,
            channel: channel.as_deref().and_then(|c| c.parse().ok()),
            joined_on,
            id,
            kind,
            status,
        });
    }
    Ok(out)
}
