//! Fair mode ("messe"): quick sign-ups at a crowded stand, their undo, the
//! visitor counter and the booths' check-in. Everything goes through the
//! partners' and events' public functions; this module owns only
//! `fair_signups` and `fair_booths`.
//!
//! Invariants: a sign-up that matches an existing partner (name key or
//! e-mail) is never saved as a duplicate unless asked to; consent given at
//! the stand is recorded with the date and the source "messe: [event]";
//! each count and check-in is committed at once (a crash loses nothing).

use crate::events::{store as ev, EventsError, ParticipantStatus};
use crate::partners::{self, dedupe, ContactInput, PartnerError, PartnerInput};
use crate::settings;
use crate::store::{new_id, now};
use crate::sync::{Result, SyncError};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// The preference that remembers the open fair (resumed after a power cut).
pub const ACTIVE_PREF: &str = "fair_mode_event";

/// A visitor's sign-up as typed at the stand.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct SignUpInput {
    /// Organisation or person.
    pub name: String,
    /// A partner kind (`forening`, `borger`, …).
    pub kind: String,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    pub goals: Vec<String>,
    pub note: String,
    pub consent_email: bool,
    pub consent_public: bool,
    /// Save as an update of this existing partner instead.
    pub update_of: Option<String>,
    /// Save as a new partner even though it matches existing ones.
    pub force_new: bool,
}

/// What saving a sign-up did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum SignUpOutcome {
    /// Saved: `created` is false when an existing partner was updated.
    Saved {
        signup_id: String,
        partner_id: String,
        name: String,
        created: bool,
    },
    /// Not saved: these existing partners look like the same one. Save
    /// again with `update_of` (or `force_new`).
    Matches { matches: Vec<dedupe::Duplicate> },
}

/// The fair's state for the full-window mode.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FairState {
    pub event_id: String,
    pub title: String,
    pub visitors: i64,
    pub booths: i64,
    /// The latest sign-ups, newest first (at most 20).
    pub signups: Vec<SignUpRow>,
    /// Partners that can be checked in, with whether they are.
    pub exhibitors: Vec<Exhibitor>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignUpRow {
    pub id: String,
    pub partner_id: Option<String>,
    pub name: String,
    pub created: bool,
    pub undone: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exhibitor {
    pub partner_id: String,
    pub name: String,
    pub checked_in: bool,
}

/// The consent source written for the fair: `messe: [event]`.
pub fn consent_source(event_title: &str) -> String {
    format!("messe: {event_title}")
}

fn input_for(event: &ev::Event, s: &SignUpInput) -> PartnerInput {
    let today = crate::dates::iso(crate::dates::today());
    let contact = ContactInput {
        name: if s.contact_name.trim().is_empty() {
            s.name.clone()
        } else {
            s.contact_name.clone()
        },
        email: s.email.clone(),
        phone: s.phone.clone(),
        is_primary: true,
        ..Default::default()
    };
    let has_contact = !(s.contact_name.trim().is_empty()
        && s.email.trim().is_empty()
        && s.phone.trim().is_empty());
    PartnerInput {
        name: s.name.clone(),
        kind: s.kind.clone(),
        status: "interesseret".into(),
        goals: s.goals.clone(),
        recruitment_channel: "arrangement".into(),
        recruitment_notes: consent_source(&event.title),
        consent_email: s.consent_email,
        consent_email_on: if s.consent_email {
            today.clone()
        } else {
            String::new()
        },
        consent_public: s.consent_public,
        consent_public_on: if s.consent_public {
            today
        } else {
            String::new()
        },
        notes: s.note.clone(),
        contacts: if has_contact {
            vec![contact]
        } else {
            Vec::new()
        },
        ..Default::default()
    }
}

/// The existing partner's input with the sign-up's contact, goals, consent
/// and note added (nothing of the partner's is taken away).
fn merged_input(before: &PartnerInput, s: &SignUpInput, event: &ev::Event) -> PartnerInput {
    let new = input_for(event, s);
    let mut out = before.clone();
    for g in new.goals {
        if !out.goals.contains(&g) {
            out.goals.push(g);
        }
    }
    let email = s.email.trim().to_lowercase();
    let known = out.contacts.iter().any(|c| {
        (!email.is_empty() && c.email.trim().to_lowercase() == email)
            || (email.is_empty() && c.name.trim().eq_ignore_ascii_case(s.contact_name.trim()))
    });
    if !known {
        for mut c in new.contacts {
            c.is_primary = out.contacts.is_empty();
            out.contacts.push(c);
        }
    }
    if s.consent_email && !out.consent_email {
        out.consent_email = true;
        out.consent_email_on = new.consent_email_on;
    }
    if s.consent_public && !out.consent_public {
        out.consent_public = true;
        out.consent_public_on = new.consent_public_on;
    }
    if !s.note.trim().is_empty() {
        if !out.notes.is_empty() {
            out.notes.push('\n');
        }
        out.notes.push_str(&format!(
            "{}: {}",
            consent_source(&event.title),
            s.note.trim()
        ));
    }
    if out.recruitment_channel.is_empty() {
        out.recruitment_channel = "arrangement".into();
    }
    out
}

/// Saves a visitor's sign-up at the fair `event_id`.
pub fn sign_up(conn: &mut Connection, event_id: &str, s: &SignUpInput) -> Result<SignUpOutcome> {
    let event = ev::event(conn, event_id)?;
    let (partner, created, before) = match &s.update_of {
        Some(id) => {
            let old = partners::get(conn, id)?;
            let before = partners::import::input_of(&old);
            let input = merged_input(&before, s, &event);
            let p = partners::update(conn, id, &input)?;
            (p, false, Some(before))
        }
        None => {
            if !s.force_new {
                let emails: Vec<String> = [s.email.clone()]
                    .into_iter()
                    .filter(|e| !e.trim().is_empty())
                    .collect();
                let matches: Vec<_> = dedupe::find(conn, &s.name, &emails, None)?
                    .into_iter()
                    .filter(|d| !d.in_bin)
                    .collect();
                if !matches.is_empty() {
                    return Ok(SignUpOutcome::Matches { matches });
                }
            }
            (partners::create(conn, &input_for(&event, s))?, true, None)
        }
    };
    ev::add_participant(conn, event_id, &partner.id, ParticipantStatus::Deltog)?;
    let id = new_id();
    let ts = now();
    let today = crate::dates::iso(crate::dates::today());
    let before = before.map(|b| serde_json::to_string(&b).unwrap_or_default());
    conn.execute(
        "INSERT INTO fair_signups (id, event_id, partner_id, created_partner, consent_email,
            consent_public, consent_source, consent_on, before, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            id,
            event_id,
            partner.id,
            created,
            s.consent_email,
            s.consent_public,
            consent_source(&event.title),
            (s.consent_email || s.consent_public).then_some(today),
            before,
            ts
        ],
    )?;
    Ok(SignUpOutcome::Saved {
        signup_id: id,
        partner_id: partner.id,
        name: partner.name,
        created,
    })
}

/// A stored sign-up: event, partner, created, the partner before, undone at.
type SignUpRecord = (String, Option<String>, bool, Option<String>, Option<String>);

/// Undoes a sign-up: a partner it created goes to the bin (and off the
/// event's list); an existing partner it updated gets its earlier values.
pub fn undo(conn: &mut Connection, signup_id: &str) -> Result<()> {
    let row: Option<SignUpRecord> = conn
        .query_row(
            "SELECT event_id, partner_id, created_partner, before, undone_at
             FROM fair_signups WHERE id = ?1",
            [signup_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((event_id, Some(partner_id), created, before, None)) = row else {
        return Err(SyncError::Partners(PartnerError::NotFound(
            signup_id.to_string(),
        )));
    };
    if created {
        if let Some(p) = ev::participants(conn, &event_id)?
            .into_iter()
            .find(|p| p.partner_id.as_deref() == Some(partner_id.as_str()))
        {
            ev::remove_participant(conn, &p.id)?;
        }
        partners::store::delete(conn, &partner_id)?;
    } else if let Some(before) = before.and_then(|b| serde_json::from_str::<PartnerInput>(&b).ok())
    {
        partners::update(conn, &partner_id, &before)?;
    }
    conn.execute(
        "UPDATE fair_signups SET undone_at = ?2, updated_at = ?2 WHERE id = ?1",
        params![signup_id, now()],
    )?;
    Ok(())
}

/// Counts `delta` visitors (+1 at the button); returns the new count.
pub fn count_visitors(conn: &Connection, event_id: &str, delta: i64) -> Result<i64> {
    Ok(ev::add_visitors(conn, event_id, delta)?)
}

/// Checks an exhibiting partner in at its booth (or out again); the event's
/// booths count follows, and the partner is on the list as attended.
pub fn check_in(
    conn: &mut Connection,
    event_id: &str,
    partner_id: &str,
    on: bool,
) -> Result<FairState> {
    ev::event(conn, event_id)?;
    let ts = now();
    if on {
        let exists: bool = conn
            .prepare_cached("SELECT 1 FROM fair_booths WHERE event_id = ?1 AND partner_id = ?2")?
            .exists([event_id, partner_id])?;
        if !exists {
            if partners::pickable_one(conn, partner_id)?.is_none() {
                return Err(EventsError::PartnerNotFound(partner_id.to_string()).into());
            }
            conn.execute(
                "INSERT INTO fair_booths (id, event_id, partner_id, checked_in_at, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4, ?4)",
                params![new_id(), event_id, partner_id, ts],
            )?;
            ev::add_participant(conn, event_id, partner_id, ParticipantStatus::Deltog)?;
        }
    } else {
        conn.execute(
            "DELETE FROM fair_booths WHERE event_id = ?1 AND partner_id = ?2",
            [event_id, partner_id],
        )?;
    }
    let n: i64 = conn.query_row(
        "SELECT count(DISTINCT partner_id) FROM fair_booths WHERE event_id = ?1",
        [event_id],
        |r| r.get(0),
    )?;
    ev::set_booths(conn, event_id, n)?;
    state(conn, event_id)
}

/// The fair's counts, latest sign-ups and exhibitors.
pub fn state(conn: &Connection, event_id: &str) -> Result<FairState> {
    let event = ev::event(conn, event_id)?;
    let signups = {
        let mut stmt = conn.prepare_cached(
            "SELECT s.id, s.partner_id, coalesce(p.name, ''), s.created_partner, s.undone_at IS NOT NULL
             FROM fair_signups s LEFT JOIN partners p ON p.id = s.partner_id
             WHERE s.event_id = ?1 ORDER BY s.created_at DESC, s.id LIMIT 20",
        )?;
        let rows = stmt.query_map([event_id], |r| {
            Ok(SignUpRow {
                id: r.get(0)?,
                partner_id: r.get(1)?,
                name: r.get(2)?,
                created: r.get(3)?,
                undone: r.get(4)?,
            })
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    let checked: std::collections::HashSet<String> = {
        let mut stmt =
            conn.prepare_cached("SELECT partner_id FROM fair_booths WHERE event_id = ?1")?;
        let rows = stmt.query_map([event_id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let exhibitors = partners::pickable(conn, None)?
        .into_iter()
        .map(|p| Exhibitor {
            checked_in: checked.contains(&p.id),
            partner_id: p.id,
            name: p.name,
        })
        .collect();
    Ok(FairState {
        event_id: event.id,
        title: event.title,
        visitors: event.visitors.unwrap_or(0),
        booths: event.booths.unwrap_or(0),
        signups,
        exhibitors,
    })
}

/// Remembers (or forgets) the open fair, so the window resumes it.
pub fn set_active(conn: &Connection, event_id: Option<&str>) -> Result<()> {
    settings::set_pref(conn, ACTIVE_PREF, event_id.unwrap_or(""))
        .map_err(|e| SyncError::Events(e.into()))?;
    Ok(())
}

/// The fair open when the window closed (or the power went), if any.
pub fn active(conn: &Connection) -> Result<Option<String>> {
    let v = settings::pref(conn, ACTIVE_PREF).map_err(|e| SyncError::Events(e.into()))?;
    Ok(v.filter(|v| !v.is_empty()))
}

#[cfg(test)]
mod tests;
