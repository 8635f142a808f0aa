//! What the grant pool reads of the partner register, always through the
//! register's own functions ([`crate::partners::lookup`]): whether a partner
//! may apply, the partners offered in the application form, and the names,
//! kinds and goals shown beside applications (read in one batch).

use super::sql::Result;
use super::{Application, GrantError};
use crate::partners::{self, PartnerOption};
use rusqlite::Connection;
use std::collections::HashMap;

/// Refuses a partner that cannot be picked (unknown, in the bin, erased).
pub(super) fn check_partner(conn: &Connection, partner_id: &str) -> Result<()> {
    partners::pickable_one(conn, partner_id)?
        .map(|_| ())
        .ok_or_else(|| GrantError::PartnerNotFound(partner_id.to_string()))
}

/// The partners an application can be made for: every partner that can be
/// picked ([`partners::pickable`]: not in the bin, not erased), whatever its
/// status, in Danish order.
pub fn partner_choices(conn: &Connection) -> Result<Vec<PartnerOption>> {
    Ok(partners::pickable(conn, None)?)
}

/// The partners of some applications, read from the register in one go.
pub(super) struct AppPartners {
    partners: HashMap<String, PartnerOption>,
    goals: HashMap<String, Vec<String>>,
}

impl AppPartners {
    pub(super) fn read(
        conn: &Connection,
        partner_ids: impl IntoIterator<Item = String>,
    ) -> Result<Self> {
        let mut ids: Vec<String> = partner_ids.into_iter().collect();
        ids.sort();
        ids.dedup();
        Ok(AppPartners {
            partners: partners::by_ids(conn, &ids)?,
            goals: partners::goal_ids_of(conn, &ids)?,
        })
    }

    /// The partner's kind code.
    pub(super) fn kind(&self, partner_id: &str) -> Option<&'static str> {
        self.partners.get(partner_id).map(|p| p.kind.as_str())
    }

    /// The partner's goal ids in the programme's order.
    pub(super) fn goals(&self, partner_id: &str) -> &[String] {
        self.goals.get(partner_id).map_or(&[], Vec::as_slice)
    }

    /// Fills in the application's partner name, kind and current goals.
    fn fill(&self, app: &mut Application) {
        if let Some(p) = self.partners.get(&app.partner_id) {
            app.partner_name = p.name.clone();
            app.partner_kind = p.kind.as_str().to_string();
        }
        app.partner_goal_ids = self.goals(&app.partner_id).to_vec();
    }
}

/// Fills in the partners of applications read from the pool's own table.
pub(super) fn with_partners(conn: &Connection, apps: &mut [Application]) -> Result<()> {
    let found = AppPartners::read(conn, apps.iter().map(|a| a.partner_id.clone()))?;
    for app in apps {
        found.fill(app);
    }
    Ok(())
}
