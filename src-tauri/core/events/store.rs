//! Events in the database: create, change, list (with the diplomas area's
//! ceremonies, read-only), participants and bulk actions, and what a
//! partner's page shows.
//!
//! A partner removed after being linked leaves a readable record: the name
//! at the time of linking is kept beside the key (which the database sets to
//! NULL). When the partner row still exists, its current name is shown, so
//! that a GDPR erasure done in the partner register also shows here.
//!
//! Partners, goals and ceremonies belong to other modules and are read
//! through them ([`crate::partners::lookup`], [`crate::settings::goals`],
//! [`crate::diploma::store::ceremonies`]); this file queries only the
//! events' own tables.

use super::{
    validate_input, EventInput, EventKind, EventsError, ParticipantStatus, Result, TIME_FORMAT,
};
use crate::diploma::store as diplomas;
use crate::partners::{self, collation, Status};
use crate::settings;
use crate::store::{new_id, now};
use crate::validate::{Problem, ValidationError};
use crate::{dates, validate};
use chrono::NaiveDateTime;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A partner linked to an event as organiser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organiser {
    pub partner_id: Option<String>,
    pub name: String,
    /// The partner has since been removed from the register.
    pub removed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoalRef {
    pub id: String,
    pub title: String,
}

/// One event with everything the detail page shows except participants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub id: String,
    pub title: String,
    pub kind: EventKind,
    /// Local time `YYYY-MM-DDTHH:MM` in [`Event::time_zone`].
    pub starts_at: String,
    pub ends_at: String,
    pub time_zone: String,
    pub place: String,
    pub description: String,
    pub by_municipality: bool,
    pub organisers: Vec<Organiser>,
    pub goals: Vec<GoalRef>,
    pub booths: Option<i64>,
    pub visitors: Option<i64>,
    pub citizens_reached: Option<i64>,
    pub notes: String,
    pub follow_up: String,
    pub created_at: String,
    pub updated_at: String,
}

impl Event {
    pub fn start(&self) -> Option<NaiveDateTime> {
        NaiveDateTime::parse_from_str(&self.starts_at, TIME_FORMAT).ok()
    }
    pub fn end(&self) -> Option<NaiveDateTime> {
        NaiveDateTime::parse_from_str(&self.ends_at, TIME_FORMAT).ok()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participant {
    pub id: String,
    pub partner_id: Option<String>,
    pub name: String,
    pub removed: bool,
    pub status: ParticipantStatus,
    pub people: i64,
    pub note: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub invited: i64,
    pub signed_up: i64,
    pub attended: i64,
    pub cancelled: i64,
    /// People who came (sum over partners who attended).
    pub people_attended: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventDetail {
    pub event: Event,
    pub participants: Vec<Participant>,
    pub counts: Counts,
}

/// A line in the list of events: an event of ours or a ceremony from the
/// diplomas area (`source = "ceremony"`, read-only, opened at `link`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventSummary {
    pub id: String,
    pub source: String,
    pub link: String,
    pub title: String,
    pub kind: EventKind,
    pub starts_at: String,
    pub ends_at: String,
    /// Only a date is known (ceremonies): no time of day to show.
    pub all_day: bool,
    pub place: String,
    pub organisers: Vec<String>,
    pub by_municipality: bool,
    pub goal_ids: Vec<String>,
    pub participants: i64,
    pub attended: i64,
}

/// Which events to list.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ListFilter {
    /// `upcoming` (default), `past` or `all`.
    pub when: String,
    /// An [`EventKind`] code, or empty for every kind.
    pub kind: String,
    /// A goal id, or empty for every goal.
    pub goal_id: String,
}

/// A participant's changes as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ParticipantInput {
    pub status: String,
    pub people: String,
    pub note: String,
}

/// An event on a partner's page, with the partner's part in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartnerEvent {
    pub event_id: String,
    pub title: String,
    pub kind: EventKind,
    pub starts_at: String,
    pub ends_at: String,
    pub place: String,
    /// `organiser` or `participant`.
    pub role: String,
    /// The participant status, when the role is participant.
    pub status: Option<ParticipantStatus>,
    pub people: Option<i64>,
}

fn immediate(conn: &mut Connection) -> Result<crate::store::Write<'_>> {
    Ok(crate::store::begin(conn)?)
}

/// The name of a partner that can be linked now, or `None` (a partner in
/// the bin or erased cannot be newly linked).
fn partner_name(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(partners::pickable_one(conn, id)?.map(|p| p.name))
}

/// The programme's goals (retired ones too: an old event keeps them), by id.
fn goals_by_id(conn: &Connection) -> Result<HashMap<String, settings::Goal>> {
    Ok(settings::goals(conn, true)?
        .into_iter()
        .map(|g| (g.id.clone(), g))
        .collect())
}

fn check_goals(conn: &Connection, ids: &[String]) -> Result<()> {
    let known = goals_by_id(conn)?;
    if ids.iter().any(|id| !known.contains_key(id)) {
        return Err(ValidationError::new("event_goals", Problem::InvalidChoice).into());
    }
    Ok(())
}

/// Creates the event or, when `input.id` is set, changes it. Organisers and
/// goals are replaced by those given; participants are kept.
pub fn save(conn: &mut Connection, input: &EventInput) -> Result<EventDetail> {
    let v = validate_input(input)?;
    let tx = immediate(conn)?;
    check_goals(&tx, &v.goal_ids)?;
    let ts = now();
    let id = match input.id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(id) => {
            let n = tx.execute(
                "UPDATE events SET title = ?2, kind = ?3, starts_at = ?4, ends_at = ?5, place = ?6,
                    description = ?7, by_municipality = ?8, booths = ?9, visitors = ?10,
                    citizens_reached = ?11, notes = ?12, follow_up = ?13, updated_at = ?14
                 WHERE id = ?1",
                params![
                    id,
                    v.title,
                    v.kind.code(),
                    v.starts_at.format(TIME_FORMAT).to_string(),
                    v.ends_at.format(TIME_FORMAT).to_string(),
                    v.place,
                    v.description,
                    v.by_municipality,
                    v.booths,
                    v.visitors,
                    v.citizens_reached,
                    v.notes,
                    v.follow_up,
                    ts
                ],
            )?;
            if n == 0 {
                return Err(EventsError::NotFound(id.to_string()));
            }
            id.to_string()
        }
        None => {
            let id = new_id();
            tx.execute(
                "INSERT INTO events (id, title, kind, starts_at, ends_at, time_zone, place, description,
                    by_municipality, booths, visitors, citizens_reached, notes, follow_up,
                    created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)",
                params![
                    id,
                    v.title,
                    v.kind.code(),
                    v.starts_at.format(TIME_FORMAT).to_string(),
                    v.ends_at.format(TIME_FORMAT).to_string(),
                    super::ZONE,
                    v.place,
                    v.description,
                    v.by_municipality,
                    v.booths,
                    v.visitors,
                    v.citizens_reached,
                    v.notes,
                    v.follow_up,
                    ts
                ],
            )?;
            id
        }
    };
    // Organisers: keep the rows (and their remembered names) of partners
    // still chosen, including removed partners the form cannot show.
    let existing: Vec<(String, Option<String>)> = {
        let mut stmt =
            tx.prepare("SELECT id, partner_id FROM event_organisers WHERE event_id = ?1")?;
        let rows = stmt
            .query_map([&id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<std::result::Result<_, _>>()?;
        rows
    };
    for (row_id, partner_id) in &existing {
        if let Some(pid) = partner_id {
            if !v.organiser_ids.contains(pid) {
                tx.execute("DELETE FROM event_organisers WHERE id = ?1", [row_id])?;
            }
        }
    }
    for pid in &v.organiser_ids {
        if existing
            .iter()
            .any(|(_, p)| p.as_deref() == Some(pid.as_str()))
        {
            continue;
        }
        let name = partner_name(&tx, pid)?
            .ok_or_else(|| ValidationError::new("organisers", Problem::InvalidChoice))?;
        tx.execute(
            "INSERT INTO event_organisers (id, event_id, partner_id, partner_name, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![new_id(), id, pid, name, ts],
        )?;
    }
    tx.execute("DELETE FROM event_goals WHERE event_id = ?1", [&id])?;
    for gid in &v.goal_ids {
        tx.execute(
            "INSERT INTO event_goals (event_id, goal_id) VALUES (?1, ?2)",
            params![id, gid],
        )?;
    }
    tx.commit()?;
    get(conn, &id)
}

/// Deletes an event with its participants.
pub fn delete(conn: &mut Connection, id: &str) -> Result<()> {
    let n = conn.execute("DELETE FROM events WHERE id = ?1", [id])?;
    if n == 0 {
        return Err(EventsError::NotFound(id.to_string()));
    }
    Ok(())
}

/// The current names of the linked partners whose rows still exist.
fn current_names(conn: &Connection, ids: &[Option<String>]) -> Result<HashMap<String, String>> {
    let mut ids: Vec<String> = ids.iter().flatten().cloned().collect();
    ids.sort();
    ids.dedup();
    Ok(partners::by_ids(conn, &ids)?
        .into_iter()
        .map(|(id, p)| (id, p.name))
        .collect())
}

/// The current name, else the one remembered at linking; whether the
/// partner's row is gone.
fn shown_name(
    names: &HashMap<String, String>,
    partner_id: Option<&str>,
    remembered: String,
) -> (String, bool) {
    match partner_id.and_then(|id| names.get(id)) {
        Some(name) => (name.clone(), false),
        None => (remembered, true),
    }
}

/// The organisers of one event (`Some(id)`) or of every event (`None`), by
/// event id, in the order they were added.
fn organisers_by_event(
    conn: &Connection,
    event_id: Option<&str>,
) -> Result<HashMap<String, Vec<Organiser>>> {
    let mut stmt = conn.prepare_cached(
        "SELECT event_id, partner_id, partner_name FROM event_organisers
         WHERE ?1 IS NULL OR event_id = ?1 ORDER BY created_at, partner_name",
    )?;
    let rows: Vec<(String, Option<String>, String)> = stmt
        .query_map([event_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<std::result::Result<_, _>>()?;
    let ids: Vec<Option<String>> = rows.iter().map(|r| r.1.clone()).collect();
    let names = current_names(conn, &ids)?;
    let mut out: HashMap<String, Vec<Organiser>> = HashMap::new();
    for (event, partner_id, remembered) in rows {
        let (name, removed) = shown_name(&names, partner_id.as_deref(), remembered);
        out.entry(event).or_default().push(Organiser {
            partner_id,
            name,
            removed,
        });
    }
    Ok(out)
}

fn organisers(conn: &Connection, event_id: &str) -> Result<Vec<Organiser>> {
    Ok(organisers_by_event(conn, Some(event_id))?
        .remove(event_id)
        .unwrap_or_default())
}

fn goals(conn: &Connection, event_id: &str) -> Result<Vec<GoalRef>> {
    let ids: Vec<String> = conn
        .prepare_cached("SELECT goal_id FROM event_goals WHERE event_id = ?1")?
        .query_map([event_id], |r| r.get(0))?
        .collect::<std::result::Result<_, _>>()?;
    let known = goals_by_id(conn)?;
    let mut goals: Vec<&settings::Goal> = ids.iter().filter_map(|id| known.get(id)).collect();
    goals.sort_by_key(|g| g.position);
    Ok(goals
        .into_iter()
        .map(|g| GoalRef {
            id: g.id.clone(),
            title: g.title.clone(),
        })
        .collect())
}

fn kind_of(s: &str) -> EventKind {
    EventKind::parse(s).unwrap_or(EventKind::Andet)
}

fn status_of(s: &str) -> ParticipantStatus {
    ParticipantStatus::parse(s).unwrap_or(ParticipantStatus::Inviteret)
}

/// One event without its participants.
pub fn event(conn: &Connection, id: &str) -> Result<Event> {
    let row = conn
        .query_row(
            "SELECT id, title, kind, starts_at, ends_at, time_zone, place, description,
                    by_municipality, booths, visitors, citizens_reached, notes, follow_up,
                    created_at, updated_at
             FROM events WHERE id = ?1",
            [id],
            |r| {
                let kind: String = r.get(2)?;
                Ok(Event {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    kind: kind_of(&kind),
                    starts_at: r.get(3)?,
                    ends_at: r.get(4)?,
                    time_zone: r.get(5)?,
                    place: r.get(6)?,
                    description: r.get(7)?,
                    by_municipality: r.get(8)?,
                    organisers: Vec::new(),
                    goals: Vec::new(),
                    booths: r.get(9)?,
                    visitors: r.get(10)?,
                    citizens_reached: r.get(11)?,
                    notes: r.get(12)?,
                    follow_up: r.get(13)?,
                    created_at: r.get(14)?,
                    updated_at: r.get(15)?,
                })
            },
        )
        .optional()?;
    let mut e = row.ok_or_else(|| EventsError::NotFound(id.to_string()))?;
    e.organisers = organisers(conn, id)?;
    e.goals = goals(conn, id)?;
    Ok(e)
}

/// The participants of an event, in the register's Danish order of their
/// names (also for a remembered name whose partner is gone).
pub fn participants(conn: &Connection, event_id: &str) -> Result<Vec<Participant>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, partner_id, partner_name, status, people, note
         FROM event_participants WHERE event_id = ?1",
    )?;
    let rows: Vec<(String, Option<String>, String, String, i64, String)> = stmt
        .query_map([event_id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?
        .collect::<std::result::Result<_, _>>()?;
    let ids: Vec<Option<String>> = rows.iter().map(|r| r.1.clone()).collect();
    let names = current_names(conn, &ids)?;
    let mut out: Vec<(String, Participant)> = rows
        .into_iter()
        .map(|(id, partner_id, remembered, status, people, note)| {
            let (name, removed) = shown_name(&names, partner_id.as_deref(), remembered);
            let p = Participant {
                id,
                partner_id,
                name,
                removed,
                status: status_of(&status),
                people,
                note,
            };
            (collation::sort_key(&p.name), p)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.name.cmp(&b.1.name)));
    Ok(out.into_iter().map(|(_, p)| p).collect())
}

fn counts(ps: &[Participant]) -> Counts {
    let mut c = Counts::default();
    for p in ps {
        match p.status {
            ParticipantStatus::Inviteret => c.invited += 1,
            ParticipantStatus::Tilmeldt => c.signed_up += 1,
            ParticipantStatus::Deltog => {
                c.attended += 1;
                c.people_attended += p.people;
            }
            ParticipantStatus::Afbud => c.cancelled += 1,
        }
    }
    c
}

/// The event with its participants and their counts.
pub fn get(conn: &Connection, id: &str) -> Result<EventDetail> {
    let event = event(conn, id)?;
    let participants = participants(conn, id)?;
    let counts = counts(&participants);
    Ok(EventDetail {
        event,
        participants,
        counts,
    })
}

/// Adds a partner to the list (as invited, unless `status` says otherwise).
pub fn add_participant(
    conn: &mut Connection,
    event_id: &str,
    partner_id: &str,
    status: ParticipantStatus,
) -> Result<EventDetail> {
    let tx = immediate(conn)?;
    event_exists(&tx, event_id)?;
    let name = partner_name(&tx, partner_id)?
        .ok_or_else(|| EventsError::PartnerNotFound(partner_id.to_string()))?;
    let ts = now();
    tx.execute(
        "INSERT INTO event_participants (id, event_id, partner_id, partner_name, status, people, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?6)
         ON CONFLICT (event_id, partner_id) DO NOTHING",
        params![new_id(), event_id, partner_id, name, status.code(), ts],
    )?;
    tx.commit()?;
    get(conn, event_id)
}

fn event_exists(conn: &Connection, id: &str) -> Result<()> {
    let n: i64 = conn.query_row("SELECT count(*) FROM events WHERE id = ?1", [id], |r| {
        r.get(0)
    })?;
    if n == 0 {
        return Err(EventsError::NotFound(id.to_string()));
    }
    Ok(())
}

/// Invites every active partner not yet on the list. Returns how many were
/// added; those already on it keep their status.
pub fn invite_all_active(conn: &mut Connection, event_id: &str) -> Result<usize> {
    let tx = immediate(conn)?;
    event_exists(&tx, event_id)?;
    let ts = now();
    let on_list: std::collections::HashSet<String> = tx
        .prepare_cached(
            "SELECT partner_id FROM event_participants
             WHERE event_id = ?1 AND partner_id IS NOT NULL",
        )?
        .query_map([event_id], |r| r.get(0))?
        .collect::<std::result::Result<_, _>>()?;
    let invited: Vec<partners::PartnerOption> = partners::pickable(&tx, Some(Status::Aktiv))?
        .into_iter()
        .filter(|p| !on_list.contains(&p.id))
        .collect();
    for p in &invited {
        tx.execute(
            "INSERT INTO event_participants (id, event_id, partner_id, partner_name, status, people, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, 'inviteret', 1, ?5, ?5)",
            params![new_id(), event_id, p.id, p.name, ts],
        )?;
    }
    tx.commit()?;
    Ok(invited.len())
}

/// Sets the status of several participants of one event at once (e.g. mark
/// the ones who came as attended). All or nothing: an unknown id changes none.
pub fn set_status(
    conn: &mut Connection,
    event_id: &str,
    participant_ids: &[String],
    status: &str,
) -> Result<usize> {
    let status = ParticipantStatus::parse(status)
        .ok_or_else(|| ValidationError::new("participant_status", Problem::InvalidChoice))?;
    let tx = immediate(conn)?;
    event_exists(&tx, event_id)?;
    let ts = now();
    let mut changed = 0;
    for id in participant_ids {
        let n = tx.execute(
            "UPDATE event_participants SET status = ?1, updated_at = ?2 WHERE id = ?3 AND event_id = ?4",
            params![status.code(), ts, id, event_id],
        )?;
        if n == 0 {
            return Err(EventsError::ParticipantNotFound(id.clone()));
        }
        changed += n;
    }
    tx.commit()?;
    Ok(changed)
}

fn participant_event(conn: &Connection, id: &str) -> Result<String> {
    conn.query_row(
        "SELECT event_id FROM event_participants WHERE id = ?1",
        [id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| EventsError::ParticipantNotFound(id.to_string()))
}

/// Changes one participant's status, number of people and note.
pub fn update_participant(
    conn: &mut Connection,
    id: &str,
    input: &ParticipantInput,
) -> Result<EventDetail> {
    let status = ParticipantStatus::parse(&input.status)
        .ok_or_else(|| ValidationError::new("participant_status", Problem::InvalidChoice))?;
    let people = super::optional_count("people", &input.people)?
        .ok_or_else(|| ValidationError::new("people", Problem::Required))?;
    let note = validate::text(
        "participant_note",
        &input.note,
        super::MAX_TITLE,
        false,
        false,
    )?;
    let event_id = participant_event(conn, id)?;
    conn.execute(
        "UPDATE event_participants SET status = ?1, people = ?2, note = ?3, updated_at = ?4 WHERE id = ?5",
        params![status.code(), people, note, now(), id],
    )?;
    get(conn, &event_id)
}

/// Takes a participant off the list.
pub fn remove_participant(conn: &mut Connection, id: &str) -> Result<EventDetail> {
    let event_id = participant_event(conn, id)?;
    conn.execute("DELETE FROM event_participants WHERE id = ?1", [id])?;
    get(conn, &event_id)
}

/// Partners that can be chosen as organiser or participant: every partner
/// that can be picked ([`partners::pickable`]: not in the bin, not erased),
/// whatever its status, in Danish order.
pub fn partner_options(conn: &Connection) -> Result<Vec<partners::PartnerOption>> {
    Ok(partners::pickable(conn, None)?)
}

/// Events the partner organised or is on the list of, newest first.
pub fn partner_events(conn: &Connection, partner_id: &str) -> Result<Vec<PartnerEvent>> {
    let mut stmt = conn.prepare(
        "SELECT e.id, e.title, e.kind, e.starts_at, e.ends_at, e.place, 'organiser', NULL, NULL
         FROM event_organisers o JOIN events e ON e.id = o.event_id
         WHERE o.partner_id = ?1
         UNION ALL
         SELECT e.id, e.title, e.kind, e.starts_at, e.ends_at, e.place, 'participant', ep.status, ep.people
         FROM event_participants ep JOIN events e ON e.id = ep.event_id
         WHERE ep.partner_id = ?1
         ORDER BY 4 DESC, 7",
    )?;
    let rows = stmt
        .query_map([partner_id], |r| {
            let kind: String = r.get(2)?;
            let status: Option<String> = r.get(7)?;
            Ok(PartnerEvent {
                event_id: r.get(0)?,
                title: r.get(1)?,
                kind: kind_of(&kind),
                starts_at: r.get(3)?,
                ends_at: r.get(4)?,
                place: r.get(5)?,
                role: r.get(6)?,
                status: status.as_deref().map(status_of),
                people: r.get(8)?,
            })
        })?
        .collect::<std::result::Result<_, _>>()?;
    Ok(rows)
}

/// Lists events and ceremonies: upcoming ones (not yet ended) first-soonest,
/// past ones newest first, filtered by kind and goal.
pub fn list(
    conn: &Connection,
    filter: &ListFilter,
    now: NaiveDateTime,
) -> Result<Vec<EventSummary>> {
    let kind = match filter.kind.trim() {
        "" => None,
        k => Some(
            EventKind::parse(k)
                .ok_or_else(|| ValidationError::new("event_kind", Problem::InvalidChoice))?,
        ),
    };
    let goal = Some(filter.goal_id.trim()).filter(|g| !g.is_empty());
    let now_s = now.format(TIME_FORMAT).to_string();
    let mut stmt = conn.prepare(
        "SELECT e.id, e.title, e.kind, e.starts_at, e.ends_at, e.place, e.by_municipality,
                (SELECT group_concat(g.goal_id, ' ') FROM event_goals g WHERE g.event_id = e.id),
                (SELECT count(*) FROM event_participants p WHERE p.event_id = e.id),
                (SELECT count(*) FROM event_participants p WHERE p.event_id = e.id AND p.status = 'deltog')
         FROM events e
         WHERE (?1 IS NULL OR e.kind = ?1)
           AND (?2 IS NULL OR EXISTS (SELECT 1 FROM event_goals g WHERE g.event_id = e.id AND g.goal_id = ?2))",
    )?;
    let mut out: Vec<EventSummary> = stmt
        .query_map(params![kind.map(|k| k.code()), goal], |r| {
            let kind: String = r.get(2)?;
            let goals: Option<String> = r.get(7)?;
            Ok(EventSummary {
                id: r.get(0)?,
                source: "event".into(),
                link: String::new(),
                title: r.get(1)?,
                kind: kind_of(&kind),
                starts_at: r.get(3)?,
                ends_at: r.get(4)?,
                all_day: false,
                place: r.get(5)?,
                organisers: Vec::new(),
                by_municipality: r.get(6)?,
                goal_ids: goals
                    .unwrap_or_default()
                    .split_whitespace()
                    .map(String::from)
                    .collect(),
                participants: r.get(8)?,
                attended: r.get(9)?,
            })
        })?
        .collect::<std::result::Result<_, _>>()?;
    let mut organisers = organisers_by_event(conn, None)?;
    for e in &mut out {
        e.link = format!("#/arrangementer/{}", e.id);
        e.organisers = organisers
            .remove(&e.id)
            .unwrap_or_default()
            .into_iter()
            .map(|o| o.name)
            .collect();
    }
    if goal.is_none() && matches!(kind, None | Some(EventKind::Overraekkelse)) {
        out.extend(ceremonies(conn)?);
    }
    let when = filter.when.trim();
    out.retain(|e| match when {
        "all" => true,
        "past" => e.ends_at < now_s,
        _ => e.ends_at >= now_s,
    });
    if when == "past" {
        out.sort_by(|a, b| b.starts_at.cmp(&a.starts_at).then(a.title.cmp(&b.title)));
    } else {
        out.sort_by(|a, b| a.starts_at.cmp(&b.starts_at).then(a.title.cmp(&b.title)));
    }
    Ok(out)
}

/// The diplomas area's ceremonies ([`diplomas::ceremonies`], not in the
/// bin) as read-only, all-day events of kind overrækkelse; `participants`
/// is the number of original diplomas handed out at each.
pub fn ceremonies(conn: &Connection) -> Result<Vec<EventSummary>> {
    let mut out = Vec::new();
    for c in diplomas::ceremonies(conn)? {
        // The diplomas area validates the date; a row that is not one is
        // left out rather than shown on a wrong day.
        let Some(day) = dates::parse_iso(&c.held_on) else {
            continue;
        };
        let day = dates::iso(day);
        out.push(EventSummary {
            id: c.id,
            source: "ceremony".into(),
            link: "#/diplomer".into(),
            title: "Diplomoverrækkelse".into(),
            kind: EventKind::Overraekkelse,
            starts_at: format!("{day}T00:00"),
            ends_at: format!("{day}T23:59"),
            all_day: true,
            place: c.place,
            organisers: Vec::new(),
            by_municipality: true,
            goal_ids: Vec::new(),
            participants: c.issued,
            attended: 0,
        });
    }
    Ok(out)
}

/// Adds `delta` to the event's count of visitors (never below 0) in one
/// committed statement, so a crash loses nothing counted. Returns the count.
pub fn add_visitors(conn: &Connection, id: &str, delta: i64) -> Result<i64> {
    let n: Option<i64> = conn
        .prepare_cached(
            "UPDATE events SET visitors = max(0, coalesce(visitors, 0) + ?2), updated_at = ?3
             WHERE id = ?1 RETURNING visitors",
        )?
        .query_row(params![id, delta, now()], |r| r.get(0))
        .optional()?;
    n.ok_or_else(|| EventsError::NotFound(id.to_string()))
}

/// Sets the event's count of booths (the fair's check-ins).
pub fn set_booths(conn: &Connection, id: &str, booths: i64) -> Result<()> {
    let n = conn
        .prepare_cached("UPDATE events SET booths = ?2, updated_at = ?3 WHERE id = ?1")?
        .execute(params![id, booths.max(0), now()])?;
    if n == 0 {
        return Err(EventsError::NotFound(id.to_string()));
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::store::Store;

    /// Inserts a partner straight into the register's table (the partners
    /// area's code is not needed for these tests).
    pub(crate) fn partner(conn: &Connection, name: &str, status: &str) -> String {
        let id = new_id();
        conn.execute(
            "INSERT INTO partners (id, name, name_key, sort_key, kind, status, created_at, updated_at)
             VALUES (?1, ?2, lower(?2), lower(?2), 'forening', ?3, 'x', 'x')",
            params![id, name, status],
        )
        .unwrap();
        id
    }

    pub(crate) fn meeting(title: &str, date: &str) -> EventInput {
        EventInput {
            title: title.into(),
            kind: "netvaerksmoede".into(),
            start_date: date.into(),
            start_time: "16:00".into(),
            end_time: "18:00".into(),
            by_municipality: true,
            ..Default::default()
        }
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, TIME_FORMAT).unwrap()
    }

    #[test]
    fn create_change_and_read_back() {
        let mut s = Store::open_in_memory().unwrap();
        let p = partner(&s.conn, "Yogaforeningen", "aktiv");
        let mut i = meeting("Yoga i parken", "2026-06-10");
        i.kind = "offentligt".into();
        i.by_municipality = false;
        i.organiser_ids = vec![p.clone()];
        i.goal_ids = vec!["5b0f6c1e-0002-4c6e-9a51-000000000002".into()];
        i.citizens_reached = "45".into();
        let d = save(&mut s.conn, &i).unwrap();
        assert_eq!(d.event.organisers[0].name, "Yogaforeningen");
        assert_eq!(d.event.goals[0].title, "At Fredericia er i bevægelse");
        assert_eq!(d.event.citizens_reached, Some(45));
        assert_eq!(d.event.time_zone, "Europe/Copenhagen");

        let mut j = i.clone();
        j.id = Some(d.event.id.clone());
        j.title = "Yoga i Byparken".into();
        j.citizens_reached = String::new();
        let d2 = save(&mut s.conn, &j).unwrap();
        assert_eq!(d2.event.id, d.event.id);
        assert_eq!(d2.event.title, "Yoga i Byparken");
        assert_eq!(d2.event.citizens_reached, None);
        assert_eq!(d2.event.organisers.len(), 1);
    }

    #[test]
    fn bad_input_saves_nothing() {
        let mut s = Store::open_in_memory().unwrap();
        let mut i = meeting("Møde", "2026-06-10");
        i.end_time = "15:00".into();
        assert!(save(&mut s.conn, &i).is_err());
        let n: i64 = s
            .conn
            .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0);
    }

    #[test]
    fn invite_all_active_then_mark_two_attended() {
        let mut s = Store::open_in_memory().unwrap();
        let a = partner(&s.conn, "Aktiv A", "aktiv");
        let _b = partner(&s.conn, "Aktiv B", "aktiv");
        let _c = partner(&s.conn, "Sovende C", "i_dvale");
        let d = save(&mut s.conn, &meeting("Netværksmøde", "2026-06-10")).unwrap();
        let id = d.event.id;
        assert_eq!(invite_all_active(&mut s.conn, &id).unwrap(), 2);
        // Again: nobody twice.
        assert_eq!(invite_all_active(&mut s.conn, &id).unwrap(), 0);
        let d = get(&s.conn, &id).unwrap();
        assert_eq!(d.counts.invited, 2);
        let ids: Vec<String> = d.participants.iter().map(|p| p.id.clone()).collect();
        assert_eq!(set_status(&mut s.conn, &id, &ids, "deltog").unwrap(), 2);
        let d = get(&s.conn, &id).unwrap();
        assert_eq!(d.counts.attended, 2);
        assert_eq!(d.counts.people_attended, 2);
        // An unknown id changes nothing at all.
        let bad = vec![ids[0].clone(), "nope".to_string()];
        assert!(set_status(&mut s.conn, &id, &bad, "afbud").is_err());
        assert_eq!(get(&s.conn, &id).unwrap().counts.attended, 2);

        let pe = partner_events(&s.conn, &a).unwrap();
        assert_eq!(pe.len(), 1);
        assert_eq!(pe[0].status, Some(ParticipantStatus::Deltog));
    }

    #[test]
    fn negative_people_are_refused_and_the_old_count_kept() {
        let mut s = Store::open_in_memory().unwrap();
        let a = partner(&s.conn, "A", "aktiv");
        let d = save(&mut s.conn, &meeting("M", "2026-06-10")).unwrap();
        let d = add_participant(&mut s.conn, &d.event.id, &a, ParticipantStatus::Tilmeldt).unwrap();
        let pid = d.participants[0].id.clone();
        let bad = ParticipantInput {
            status: "deltog".into(),
            people: "-1".into(),
            note: String::new(),
        };
        let e = update_participant(&mut s.conn, &pid, &bad).unwrap_err();
        assert!(matches!(
            e,
            EventsError::Invalid(ValidationError {
                field: "people",
                problem: Problem::Negative
            })
        ));
        let ok = ParticipantInput {
            status: "deltog".into(),
            people: "3".into(),
            note: "kom med to kolleger".into(),
        };
        let d = update_participant(&mut s.conn, &pid, &ok).unwrap();
        assert_eq!(d.counts.people_attended, 3);
    }

    #[test]
    fn a_removed_partner_leaves_a_readable_record() {
        let mut s = Store::open_in_memory().unwrap();
        let a = partner(&s.conn, "Løbeklubben Ørnen", "aktiv");
        let mut i = meeting("Løb", "2026-06-10");
        i.organiser_ids = vec![a.clone()];
        let d = save(&mut s.conn, &i).unwrap();
        add_participant(&mut s.conn, &d.event.id, &a, ParticipantStatus::Deltog).unwrap();
        s.conn
            .execute("DELETE FROM partners WHERE id = ?1", [&a])
            .unwrap();
        let d = get(&s.conn, &d.event.id).unwrap();
        assert_eq!(d.participants[0].name, "Løbeklubben Ørnen");
        assert!(d.participants[0].removed);
        assert_eq!(d.participants[0].partner_id, None);
        assert_eq!(d.event.organisers[0].name, "Løbeklubben Ørnen");
        assert!(d.event.organisers[0].removed);
        // Saving the event again keeps the removed organiser's record.
        let mut j = i.clone();
        j.id = Some(d.event.id.clone());
        j.organiser_ids = vec![];
        let d = save(&mut s.conn, &j).unwrap();
        assert_eq!(d.event.organisers.len(), 1);
    }

    #[test]
    fn erasing_a_private_person_erases_the_names_kept_here() {
        let mut s = Store::open_in_memory().unwrap();
        let person = partner(&s.conn, "Jens Hansen", "aktiv");
        s.conn
            .execute(
                "UPDATE partners SET kind = 'borger' WHERE id = ?1",
                [&person],
            )
            .unwrap();
        let firm = partner(&s.conn, "Bageriet A/S", "aktiv");
        let d = save(&mut s.conn, &meeting("Møde", "2026-06-10")).unwrap();
        invite_all_active(&mut s.conn, &d.event.id).unwrap();
        // Deleted for good: the person's name goes, the firm's stays.
        s.conn
            .execute(
                "DELETE FROM partners WHERE id IN (?1, ?2)",
                [&person, &firm],
            )
            .unwrap();
        let mut names: Vec<String> = get(&s.conn, &d.event.id)
            .unwrap()
            .participants
            .into_iter()
            .map(|p| p.name)
            .collect();
        names.sort();
        assert_eq!(names, ["Bageriet A/S", "—"]);
        let kept: i64 = s
            .conn
            .query_row(
                "SELECT count(*) FROM event_participants WHERE partner_name LIKE '%Jens%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(kept, 0);

        // Anonymised in place (the row kept for other records).
        let other = partner(&s.conn, "Karen Jensen", "aktiv");
        add_participant(&mut s.conn, &d.event.id, &other, ParticipantStatus::Deltog).unwrap();
        s.conn
            .execute(
                "UPDATE partners SET name = '—', erased_at = 'x' WHERE id = ?1",
                [&other],
            )
            .unwrap();
        let stored: String = s
            .conn
            .query_row(
                "SELECT partner_name FROM event_participants WHERE partner_id = ?1",
                [&other],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(stored, "—");
    }

    #[test]
    fn list_splits_upcoming_and_past_and_filters() {
        let mut s = Store::open_in_memory().unwrap();
        let mut fair = meeting("Sundhedsmessen", "2026-09-05");
        fair.kind = "messe".into();
        fair.goal_ids = vec!["5b0f6c1e-0003-4c6e-9a51-000000000003".into()];
        save(&mut s.conn, &fair).unwrap();
        save(&mut s.conn, &meeting("Forårsmøde", "2026-03-10")).unwrap();
        save(&mut s.conn, &meeting("Efterårsmøde", "2026-10-10")).unwrap();
        let now = at("2026-06-01T12:00");
        let up = list(&s.conn, &ListFilter::default(), now).unwrap();
        assert_eq!(
            up.iter().map(|e| e.title.as_str()).collect::<Vec<_>>(),
            ["Sundhedsmessen", "Efterårsmøde"]
        );
        let past = list(
            &s.conn,
            &ListFilter {
                when: "past".into(),
                ..Default::default()
            },
            now,
        )
        .unwrap();
        assert_eq!(past.len(), 1);
        let fairs = list(
            &s.conn,
            &ListFilter {
                when: "all".into(),
                kind: "messe".into(),
                ..Default::default()
            },
            now,
        )
        .unwrap();
        assert_eq!(fairs.len(), 1);
        let by_goal = list(
            &s.conn,
            &ListFilter {
                when: "all".into(),
                goal_id: "5b0f6c1e-0003-4c6e-9a51-000000000003".into(),
                ..Default::default()
            },
            now,
        )
        .unwrap();
        assert_eq!(by_goal[0].title, "Sundhedsmessen");
        // An event that has started but not ended is still upcoming.
        let during = list(&s.conn, &ListFilter::default(), at("2026-09-05T17:00")).unwrap();
        assert_eq!(during[0].title, "Sundhedsmessen");
    }

    #[test]
    fn ceremonies_from_the_diplomas_area_show_once_read_only() {
        let mut s = Store::open_in_memory().unwrap();
        assert!(ceremonies(&s.conn).unwrap().is_empty());
        // The diplomas area's table (migration 003): a ceremony and one in the bin.
        s.conn
            .execute_batch(
                "INSERT INTO ceremonies (id, held_on, place, created_at, updated_at)
                 VALUES ('c1', '2026-11-22', 'Rådhuset', 'x', 'x');
                 INSERT INTO ceremonies (id, held_on, place, deleted_at, created_at, updated_at)
                 VALUES ('c2', '2026-11-23', 'Slettet', 'x', 'x', 'x');",
            )
            .unwrap();
        save(&mut s.conn, &meeting("Netværksmøde", "2026-11-01")).unwrap();
        let all = list(
            &s.conn,
            &ListFilter {
                when: "all".into(),
                ..Default::default()
            },
            at("2026-01-01T00:00"),
        )
        .unwrap();
        assert_eq!(all.len(), 2);
        let c = &all[1];
        assert_eq!(
            (c.source.as_str(), c.kind),
            ("ceremony", EventKind::Overraekkelse)
        );
        assert_eq!(c.link, "#/diplomer");
        assert_eq!(
            (c.title.as_str(), c.place.as_str()),
            ("Diplomoverrækkelse", "Rådhuset")
        );
        assert!(c.all_day);
        let only = list(
            &s.conn,
            &ListFilter {
                when: "all".into(),
                kind: "overraekkelse".into(),
                ..Default::default()
            },
            at("2026-01-01T00:00"),
        )
        .unwrap();
        assert_eq!(only.len(), 1);
    }

    #[test]
    fn a_ceremony_counts_its_original_diplomas_not_the_reprints() {
        let s = Store::open_in_memory().unwrap();
        let p = partner(&s.conn, "Røde Kors", "aktiv");
        let q = partner(&s.conn, "Spejderne", "aktiv");
        s.conn
            .execute_batch(&format!(
                "INSERT INTO ceremonies (id, held_on, place, created_at, updated_at)
                 VALUES ('c1', '2026-11-22', 'Rådhuset', 'x', 'x');
                 INSERT INTO diplomas (id, partner_id, ceremony_id, number, issued_on, snapshot, is_copy, created_at, updated_at)
                 VALUES ('d1', '{p}', 'c1', 1, '2026-11-22', '{{}}', 0, 'x', 'x'),
                        ('d2', '{q}', 'c1', 2, '2026-11-22', '{{}}', 0, 'x', 'x'),
                        ('d3', '{p}', 'c1', 1, '2026-12-01', '{{}}', 1, 'x', 'x');"
            ))
            .unwrap();
        let c = ceremonies(&s.conn).unwrap();
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].participants, 2);
        assert_eq!(
            (c[0].starts_at.as_str(), c[0].ends_at.as_str()),
            ("2026-11-22T00:00", "2026-11-22T23:59")
        );
    }

    #[test]
    fn participants_are_in_danish_order_with_removed_partners_among_them() {
        let mut s = Store::open_in_memory().unwrap();
        let d = save(&mut s.conn, &meeting("Møde", "2026-06-10")).unwrap();
        let id = d.event.id;
        for name in ["Aabenraa Roklub", "Zebra", "Ærtebjerg", "Østerled", "Alfa"] {
            let p = partner(&s.conn, name, "aktiv");
            add_participant(&mut s.conn, &id, &p, ParticipantStatus::Inviteret).unwrap();
        }
        // Removed for good: the remembered name keeps its place.
        s.conn
            .execute("DELETE FROM partners WHERE name = 'Østerled'", [])
            .unwrap();
        let names: Vec<String> = participants(&s.conn, &id)
            .unwrap()
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(
            names,
            ["Alfa", "Zebra", "Ærtebjerg", "Østerled", "Aabenraa Roklub"]
        );
    }

    #[test]
    fn only_pickable_partners_can_be_linked_or_invited() {
        let mut s = Store::open_in_memory().unwrap();
        let binned = partner(&s.conn, "I skraldespanden", "aktiv");
        let erased = partner(&s.conn, "Slettet", "aktiv");
        let kept = partner(&s.conn, "Aktiv", "aktiv");
        s.conn
            .execute(
                "UPDATE partners SET deleted_at = 'x' WHERE id = ?1",
                [&binned],
            )
            .unwrap();
        s.conn
            .execute(
                "UPDATE partners SET erased_at = 'x' WHERE id = ?1",
                [&erased],
            )
            .unwrap();
        let options: Vec<String> = partner_options(&s.conn)
            .unwrap()
            .into_iter()
            .map(|p| p.id)
            .collect();
        assert_eq!(options, [kept]);
        let d = save(&mut s.conn, &meeting("Møde", "2026-06-10")).unwrap();
        for id in [&binned, &erased] {
            assert!(matches!(
                add_participant(&mut s.conn, &d.event.id, id, ParticipantStatus::Inviteret),
                Err(EventsError::PartnerNotFound(_))
            ));
        }
        assert_eq!(invite_all_active(&mut s.conn, &d.event.id).unwrap(), 1);
    }
}
