//! Retention (issue 15): the personal data the programme no longer needs.
//! When the programme's period has ended, every partner still holding
//! personal data is listed; while it runs, the partners that ended
//! ("afsluttet") longer ago than the period set in Indstillinger. One action
//! erases them all (the register's own erasure: the report figures —
//! kinds, goals, statuses, dates, diplomas and grants — stay, anonymous).

use crate::partners::{self, lookup::HeldPartner, PartnerError};
use crate::settings;
use crate::validate::{Problem, ValidationError};
use chrono::{Months, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

/// The preference holding [`RetentionSettings`] as JSON.
pub const PREF_KEY: &str = "retention.settings";
/// The longest period accepted (months).
pub const MAX_MONTHS: u32 = 240;

/// How long a partner's personal data is kept after it ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionSettings {
    pub months_after_end: u32,
}

impl Default for RetentionSettings {
    fn default() -> Self {
        RetentionSettings {
            months_after_end: 24,
        }
    }
}

/// Why a partner is on the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The programme's period is over.
    ProgrammeEnded,
    /// The partner ended longer ago than the period set.
    PartnerEnded,
}

/// A partner whose personal data is no longer needed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Due {
    #[serde(flatten)]
    pub partner: HeldPartner,
    pub reason: Reason,
}

/// The list and what it is based on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetentionList {
    pub settings: RetentionSettings,
    /// The programme's last day, when set.
    pub programme_ends: Option<NaiveDate>,
    pub due: Vec<Due>,
}

type Result<T> = std::result::Result<T, PartnerError>;

/// The settings stored, or the defaults.
pub fn retention_settings(conn: &Connection) -> Result<RetentionSettings> {
    Ok(settings::pref(conn, PREF_KEY)
        .map_err(|e| PartnerError::Store(settings_store(e)))?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default())
}

fn settings_store(e: settings::SettingsError) -> crate::store::StoreError {
    match e {
        settings::SettingsError::Store(s) => s,
        other => crate::store::StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(
            Box::new(std::io::Error::other(other.to_string())),
        )),
    }
}

/// Validates and stores the settings.
pub fn save_settings(conn: &Connection, input: RetentionSettings) -> Result<RetentionSettings> {
    if input.months_after_end > MAX_MONTHS {
        return Err(ValidationError::new(
            "retention_months",
            Problem::TooLarge {
                max: i64::from(MAX_MONTHS),
            },
        )
        .into());
    }
    let json = format!("{{\"months_after_end\":{}}}", input.months_after_end);
    settings::set_pref(conn, PREF_KEY, &json)
        .map_err(|e| PartnerError::Store(settings_store(e)))?;
    Ok(input)
}

/// The partners whose personal data is due for erasure on `today`.
pub fn due(conn: &Connection, today: NaiveDate) -> Result<RetentionList> {
    let cfg = retention_settings(conn)?;
    let programme =
        settings::programme(conn).map_err(|e| PartnerError::Store(settings_store(e)))?;
    let over = programme.period_to.is_some_and(|end| end < today);
    let cutoff = today
        .checked_sub_months(Months::new(cfg.months_after_end))
        .unwrap_or(NaiveDate::MIN);
    let due = partners::lookup::held(conn)?
        .into_iter()
        .filter_map(|p| {
            let reason = if over {
                Reason::ProgrammeEnded
            } else if p.ended_on.is_some_and(|d| d < cutoff) {
                Reason::PartnerEnded
            } else {
                return None;
            };
            Some(Due { partner: p, reason })
        })
        .collect();
    Ok(RetentionList {
        settings: cfg,
        programme_ends: programme.period_to,
        due,
    })
}

/// Erases every partner on the list for `today` (computed again, so only
/// what was shown and is still due goes). Returns how many.
pub fn erase_due(conn: &mut Connection, today: NaiveDate) -> Result<u32> {
    let ids: Vec<String> = due(conn, today)?
        .due
        .into_iter()
        .map(|d| d.partner.id)
        .collect();
    partners::store::erase_many(conn, &ids)
}

/// [`due`] today in Denmark.
pub fn due_today(conn: &Connection) -> Result<RetentionList> {
    due(conn, crate::dates::today())
}

/// [`erase_due`] today in Denmark.
pub fn erase_due_today(conn: &mut Connection) -> Result<u32> {
    erase_due(conn, crate::dates::today())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn partner(conn: &Connection, name: &str, status: &str, ended: Option<&str>) -> String {
        let id = crate::store::new_id();
        conn.execute(
            "INSERT INTO partners (id, name, name_key, sort_key, kind, status, created_at, updated_at)
             VALUES (?1, ?2, lower(?2), lower(?2), 'forening', ?3, 'x', 'x')",
            rusqlite::params![id, name, status],
        )
        .unwrap();
        if let Some(day) = ended {
            conn.execute(
                "INSERT INTO partner_status_history (id, partner_id, status, changed_on, created_at)
                 VALUES (?1, ?2, 'afsluttet', ?3, 'x')",
                rusqlite::params![crate::store::new_id(), id, day],
            )
            .unwrap();
        }
        id
    }

    #[test]
    fn partners_ended_longer_ago_than_the_period_are_due_and_erased_at_once() {
        let mut s = Store::open_in_memory().unwrap();
        let old = partner(&s.conn, "Gammel", "afsluttet", Some("2023-05-01"));
        partner(&s.conn, "Nylig", "afsluttet", Some("2026-06-01"));
        partner(&s.conn, "Aktiv", "aktiv", None);
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let list = due(&s.conn, today).unwrap();
        let ids: Vec<&str> = list.due.iter().map(|d| d.partner.id.as_str()).collect();
        assert_eq!(ids, [old.as_str()]);
        assert_eq!(list.due[0].reason, Reason::PartnerEnded);
        // A shorter period takes the recent one too.
        save_settings(
            &s.conn,
            RetentionSettings {
                months_after_end: 3,
            },
        )
        .unwrap();
        assert_eq!(due(&s.conn, today).unwrap().due.len(), 2);
        assert_eq!(erase_due(&mut s.conn, today).unwrap(), 2);
        assert!(due(&s.conn, today).unwrap().due.is_empty());
        let left: Vec<String> = partners::lookup::held(&s.conn)
            .unwrap()
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(left, ["Aktiv"]);
        assert!(save_settings(
            &s.conn,
            RetentionSettings {
                months_after_end: 999
            }
        )
        .is_err());
    }

    #[test]
    fn after_the_programme_every_partner_is_due() {
        let s = Store::open_in_memory().unwrap();
        partner(&s.conn, "Aktiv", "aktiv", None);
        s.conn
            .execute("UPDATE programme SET period_to = '2026-06-30'", [])
            .unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let list = due(&s.conn, today).unwrap();
        assert_eq!(list.due.len(), 1);
        assert_eq!(list.due[0].reason, Reason::ProgrammeEnded);
    }
}
