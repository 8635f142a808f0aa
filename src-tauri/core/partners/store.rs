//! Reading and changing stored partners: get, update (with status history),
//! the searchable, filtered, sorted and paged list with its counts, the bin
//! (soft delete and restore) and GDPR erasure.
//!
//! Erasure is for real: contacts are deleted, personal text is overwritten,
//! SQLite's `secure_delete` is on while it runs (freed pages are zeroed) and
//! the WAL is checkpointed afterwards, so the old text does not linger in the
//! file. A partner that has issued diplomas or grants keeps a row with only
//! kind, goals, status history and dates (and the name when it is an
//! organisation, not a private person) so the statistics stay right; any
//! other erased partner is deleted outright.

use super::consents::{self, Source};
use super::{
    collation, date_text, search_text, validate_with_goals, Channel, Contact, Kind, Partner,
    PartnerError, PartnerGoal, PartnerInput, PartnerRow, Result, Status, StatusChange,
    ValidContact,
};
use crate::dates;
use crate::store::{new_id, now};
use chrono::NaiveDate;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

/// Largest page the list hands out.
pub const MAX_PAGE: u32 = 200;

// ── helpers shared with insert_valid ─────────────────────────────────────

pub(crate) fn write_goals(tx: &Connection, id: &str, goals: &[String]) -> Result<()> {
    tx.prepare_cached("DELETE FROM partner_goals WHERE partner_id = ?1")?
        .execute([id])?;
    let mut ins = tx.prepare_cached(
        "INSERT OR IGNORE INTO partner_goals (partner_id, goal_id) VALUES (?1, ?2)",
    )?;
    for g in goals {
        ins.execute(params![id, g])?;
    }
    Ok(())
}

/// Replaces the partner's contacts with `contacts`, keeping the ids (and
/// creation times) of those that were already there.
pub(crate) fn write_contacts(
    tx: &Connection,
    id: &str,
    contacts: &[ValidContact],
    ts: &str,
) -> Result<()> {
    let existing: Vec<String> = {
        let mut stmt = tx.prepare_cached("SELECT id FROM contacts WHERE partner_id = ?1")?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let kept: Vec<&str> = contacts
        .iter()
        .filter_map(|c| c.id.as_deref())
        .filter(|cid| existing.iter().any(|e| e == cid))
        .collect();
    {
        let mut del = tx.prepare_cached("DELETE FROM contacts WHERE id = ?1")?;
        for e in &existing {
            if !kept.contains(&e.as_str()) {
                del.execute([e])?;
            }
        }
    }
    let mut upd = tx.prepare_cached(
        "UPDATE contacts SET position = ?2, name = ?3, role = ?4, email = ?5, phone = ?6,
                is_primary = ?7, updated_at = ?8
         WHERE id = ?1 AND (position IS NOT ?2 OR name IS NOT ?3 OR role IS NOT ?4
                OR email IS NOT ?5 OR phone IS NOT ?6 OR is_primary IS NOT ?7)",
    )?;
    let mut ins = tx.prepare_cached(
        "INSERT INTO contacts (id, partner_id, position, name, role, email, phone, is_primary,
                               created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
    )?;
    for (pos, c) in contacts.iter().enumerate() {
        match c.id.as_deref().filter(|cid| kept.contains(cid)) {
            Some(cid) => {
                upd.execute(params![
                    cid,
                    pos as i64,
                    c.name,
                    c.role,
                    c.email,
                    c.phone,
                    c.is_primary,
                    ts
                ])?;
            }
            None => {
                ins.execute(params![
                    new_id(),
                    id,
                    pos as i64,
                    c.name,
                    c.role,
                    c.email,
                    c.phone,
                    c.is_primary,
                    ts
                ])?;
            }
        }
    }
    Ok(())
}

fn parse_date(s: Option<String>) -> Option<NaiveDate> {
    s.as_deref().and_then(dates::parse_iso)
}

// ── get ──────────────────────────────────────────────────────────────────

/// The full record of one partner (also when it is in the bin).
pub fn get(conn: &Connection, id: &str) -> Result<Partner> {
    let mut p = conn
        .prepare_cached(
            "SELECT id, name, kind, status, joined_on, initiative, target_group, arena,
                    address, website, recruitment_channel, recruited_by, recruitment_notes,
                    consent_public, consent_public_on, consent_email, consent_email_on,
                    some_commitment, notes, import_batch_id, deleted_at, erased_at,
                    created_at, updated_at
             FROM partners WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok(Partner {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                status: r.get(3)?,
                joined_on: parse_date(r.get(4)?),
                goals: Vec::new(),
                initiative: r.get(5)?,
                target_group: r.get(6)?,
                arena: r.get(7)?,
                address: r.get(8)?,
                website: r.get(9)?,
                recruitment_channel: r.get(10)?,
                recruited_by: r.get(11)?,
                recruitment_notes: r.get(12)?,
                consent_public: r.get(13)?,
                consent_public_on: parse_date(r.get(14)?),
                consent_email: r.get(15)?,
                consent_email_on: parse_date(r.get(16)?),
                some_commitment: r.get(17)?,
                notes: r.get(18)?,
                contacts: Vec::new(),
                status_history: Vec::new(),
                import_batch_id: r.get(19)?,
                deleted_at: r.get(20)?,
                erased_at: r.get(21)?,
                created_at: r.get(22)?,
                updated_at: r.get(23)?,
            })
        })
        .optional()?
        .ok_or_else(|| PartnerError::NotFound(id.to_string()))?;

    let mut stmt = conn.prepare_cached(
        "SELECT g.id, g.position, g.title, g.retired_at IS NOT NULL
         FROM partner_goals pg JOIN goals g ON g.id = pg.goal_id
         WHERE pg.partner_id = ?1 ORDER BY g.position, g.title",
    )?;
    p.goals = stmt
        .query_map([id], |r| {
            Ok(PartnerGoal {
                id: r.get(0)?,
                position: r.get(1)?,
                title: r.get(2)?,
                retired: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let mut stmt = conn.prepare_cached(
        "SELECT id, name, role, email, phone, is_primary FROM contacts
         WHERE partner_id = ?1 ORDER BY is_primary DESC, position, name",
    )?;
    p.contacts = stmt
        .query_map([id], |r| {
            Ok(Contact {
                id: r.get(0)?,
                name: r.get(1)?,
                role: r.get(2)?,
                email: r.get(3)?,
                phone: r.get(4)?,
                is_primary: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;

    let mut stmt = conn.prepare_cached(
        "SELECT status, changed_on FROM partner_status_history
         WHERE partner_id = ?1 ORDER BY changed_on, created_at",
    )?;
    p.status_history = stmt
        .query_map([id], |r| {
            Ok((r.get::<_, Status>(0)?, r.get::<_, String>(1)?))
        })?
        .filter_map(|r| match r {
            Ok((status, d)) => {
                parse_date(Some(d)).map(|changed_on| Ok(StatusChange { status, changed_on }))
            }
            Err(e) => Some(Err(e)),
        })
        .collect::<rusqlite::Result<_>>()?;
    Ok(p)
}

/// The goal ids a partner has now.
pub fn goal_ids(conn: &Connection, id: &str) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT goal_id FROM partner_goals WHERE partner_id = ?1")?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn exists_live(conn: &Connection, id: &str) -> Result<(Status, bool)> {
    conn.prepare_cached("SELECT status, erased_at IS NOT NULL FROM partners WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .ok_or_else(|| PartnerError::NotFound(id.to_string()))
}

// ── update ───────────────────────────────────────────────────────────────

/// Every problem with `input` as an edit of partner `id` (or as a new
/// partner when `id` is `None`), for the form to show at each field.
pub fn problems_for(
    conn: &Connection,
    id: Option<&str>,
    input: &PartnerInput,
) -> Result<Vec<PartnerError>> {
    let current = match id {
        Some(id) => goal_ids(conn, id)?,
        None => Vec::new(),
    };
    super::problems(conn, input, &current)
}

/// Validates and saves an edit. A change of status adds an entry to the
/// status history dated `status_changed_on` (today when empty). Retired goals
/// the partner already had may stay; no other retired goal may be added.
pub fn update(conn: &mut Connection, id: &str, input: &PartnerInput) -> Result<Partner> {
    let (old_status, erased) = exists_live(conn, id)?;
    if erased {
        return Err(PartnerError::NotFound(id.to_string()));
    }
    let current = goal_ids(conn, id)?;
    let p = validate_with_goals(conn, input, &current)?;
    // A change without a date is dated today (not the join date).
    let changed_on = if input.status_changed_on.trim().is_empty() {
        crate::dates::today()
    } else {
        p.status_changed_on
    };
    let tx = crate::store::begin(conn)?;
    write_update(&tx, id, &p, old_status, changed_on)?;
    tx.commit()?;
    get(conn, id)
}

/// Writes a validated edit inside `tx`: the partner row, its goals and
/// contacts, and a status-history entry dated `changed_on` when the status
/// differs from `old_status`. Shared by [`update`] and the import's "update".
pub(crate) fn write_update(
    tx: &Connection,
    id: &str,
    p: &super::ValidPartner,
    old_status: Status,
    changed_on: NaiveDate,
) -> Result<()> {
    write_update_from(tx, id, p, old_status, changed_on, Source::FORM)
}

/// [`write_update`] for a change that came from `source` (the import, a
/// fair, a merge): a changed consent is recorded with it.
pub fn write_update_from(
    tx: &Connection,
    id: &str,
    p: &super::ValidPartner,
    old_status: Status,
    changed_on: NaiveDate,
    source: Source,
) -> Result<()> {
    let ts = now();
    let old_consents = consents::current(tx, id)?;
    consents::record_changes(
        tx,
        id,
        old_consents,
        p.consents(),
        source,
        crate::dates::today(),
    )?;
    tx.prepare_cached(
        "UPDATE partners SET name = ?2, name_key = ?3, sort_key = ?4, kind = ?5, status = ?6,
            joined_on = ?7, initiative = ?8, target_group = ?9, arena = ?10, address = ?11,
            website = ?12, recruitment_channel = ?13, recruited_by = ?14,
            recruitment_notes = ?15, consent_public = ?16, consent_public_on = ?17,
            consent_email = ?18, consent_email_on = ?19, some_commitment = ?20, notes = ?21,
            search_text = ?22, updated_at = ?23
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        p.name,
        p.name_key(),
        collation::sort_key(&p.name),
        p.kind,
        p.status,
        date_text(p.joined_on),
        p.initiative,
        p.target_group,
        p.arena,
        p.address,
        p.website,
        p.recruitment_channel,
        p.recruited_by,
        p.recruitment_notes,
        p.consent_public,
        date_text(p.consent_public_on),
        p.consent_email,
        date_text(p.consent_email_on),
        p.some_commitment,
        p.notes,
        search_text(p),
        ts,
    ])?;
    write_goals(tx, id, &p.goals)?;
    write_contacts(tx, id, &p.contacts, &ts)?;
    if p.status != old_status {
        tx.prepare_cached(
            "INSERT INTO partner_status_history (id, partner_id, status, changed_on, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            new_id(),
            id,
            p.status,
            date_text(Some(changed_on)),
            ts
        ])?;
    }
    Ok(())
}

// ── list and search ──────────────────────────────────────────────────────

/// The list's sort order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Danish alphabetical order.
    #[default]
    Name,
    /// Date joined, newest first (unknown dates last).
    Joined,
    /// In the programme's flow: interesseret, aktiv, i dvale, afsluttet.
    Status,
}

/// What the list shows: search text, filters, sort and page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ListQuery {
    /// Search as you type: every word must occur in the name, a contact's
    /// name or email, or the initiative (case and accents ignored).
    pub search: String,
    pub kind: Option<Kind>,
    pub status: Option<Status>,
    /// A goal id.
    pub goal: Option<String>,
    /// The recruitment channel (where a report's channel count leads).
    pub channel: Option<Channel>,
    /// Only partners that have been active at some time (the status
    /// history): where a report's "became active" count leads.
    pub ever_active: bool,
    pub sort: Sort,
    /// Reverse the order.
    pub desc: bool,
    /// The bin instead of the register.
    pub in_bin: bool,
    pub offset: u32,
    /// At most [`MAX_PAGE`]; 0 means 50.
    pub limit: u32,
}

impl ListQuery {
    /// How many rows one page holds: `limit`, 50 when unset, never more
    /// than [`MAX_PAGE`].
    pub fn page_size(&self) -> u32 {
        match self.limit {
            0 => 50,
            n => n.min(MAX_PAGE),
        }
    }
}

/// One page of the list with its counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListResult {
    pub rows: Vec<PartnerRow>,
    /// Partners matching the search and filters.
    pub total: u32,
    /// Of those, how many are active.
    pub active: u32,
    /// All partners in the register (or the bin), unfiltered.
    pub overall: u32,
    pub offset: u32,
}

/// Builds the WHERE clause and its parameters.
fn where_clause(q: &ListQuery) -> (String, Vec<String>) {
    let mut sql = String::from(if q.in_bin {
        "p.deleted_at IS NOT NULL AND p.erased_at IS NULL"
    } else {
        "p.deleted_at IS NULL"
    });
    let mut args: Vec<String> = Vec::new();
    for word in collation::fold(&q.search).split_whitespace().take(8) {
        args.push(word.to_string());
        sql.push_str(&format!(" AND instr(p.search_text, ?{}) > 0", args.len()));
    }
    if let Some(k) = q.kind {
        args.push(k.as_str().to_string());
        sql.push_str(&format!(" AND p.kind = ?{}", args.len()));
    }
    if let Some(s) = q.status {
        args.push(s.as_str().to_string());
        sql.push_str(&format!(" AND p.status = ?{}", args.len()));
    }
    if let Some(c) = q.channel {
        args.push(c.as_str().to_string());
        sql.push_str(&format!(" AND p.recruitment_channel = ?{}", args.len()));
    }
    if q.ever_active {
        sql.push_str(
            " AND p.id IN (SELECT h.partner_id FROM partner_status_history h WHERE h.status = 'aktiv')",
        );
    }
    if let Some(g) = q.goal.as_deref().filter(|g| !g.is_empty()) {
        args.push(g.to_string());
        sql.push_str(&format!(
            " AND p.id IN (SELECT pg.partner_id FROM partner_goals pg WHERE pg.goal_id = ?{})",
            args.len()
        ));
    }
    (sql, args)
}

const STATUS_RANK: &str =
    "CASE p.status WHEN 'interesseret' THEN 0 WHEN 'aktiv' THEN 1 WHEN 'i_dvale' THEN 2 ELSE 3 END";

/// The columns of a list row (`p` is the partner), read by [`row`].
pub(super) const ROW_COLUMNS: &str = "p.id, p.name, p.kind, p.status, p.joined_on,
    (SELECT group_concat(g.position, ',') FROM
        (SELECT g.position FROM partner_goals pg JOIN goals g ON g.id = pg.goal_id
         WHERE pg.partner_id = p.id ORDER BY g.position) g),
    (SELECT c.name FROM contacts c WHERE c.partner_id = p.id AND c.is_primary = 1 LIMIT 1),
    (SELECT c.email FROM contacts c WHERE c.partner_id = p.id AND c.is_primary = 1 LIMIT 1),
    p.deleted_at";

pub(super) fn row(r: &Row) -> rusqlite::Result<PartnerRow> {
    let goals: Option<String> = r.get(5)?;
    Ok(PartnerRow {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        status: r.get(3)?,
        joined_on: parse_date(r.get(4)?),
        goal_positions: goals
            .unwrap_or_default()
            .split(',')
            .filter_map(|s| s.parse().ok())
            .collect(),
        contact_name: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
        contact_email: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
        deleted_at: r.get(8)?,
    })
}

/// One page of partners matching `q`, with counts. Never more than
/// [`MAX_PAGE`] rows.
pub fn list(conn: &Connection, q: &ListQuery) -> Result<ListResult> {
    let (filter, args) = where_clause(q);
    let overall: u32 = conn
        .prepare_cached(if q.in_bin {
            "SELECT count(*) FROM partners WHERE deleted_at IS NOT NULL AND erased_at IS NULL"
        } else {
            "SELECT count(*) FROM partners WHERE deleted_at IS NULL"
        })?
        .query_row([], |r| r.get(0))?;

    let dir = if q.desc { "DESC" } else { "ASC" };
    let order = match q.sort {
        Sort::Name => format!("p.sort_key {dir}, p.id {dir}"),
        // Newest first by default; unknown dates always last.
        Sort::Joined => format!(
            "p.joined_on IS NULL, p.joined_on {}, p.sort_key, p.id",
            if q.desc { "ASC" } else { "DESC" }
        ),
        Sort::Status => format!("{STATUS_RANK} {dir}, p.sort_key, p.id"),
    };
    let limit = q.page_size();
    let sql = format!(
        "SELECT {ROW_COLUMNS}
         FROM partners p
         WHERE {filter}
         ORDER BY {order}
         LIMIT {limit} OFFSET {}",
        q.offset
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows: Vec<PartnerRow> = stmt
        .query_map(params_from_iter(args.iter()), row)?
        .collect::<rusqlite::Result<_>>()?;
    // A first page that is not full holds every match: count it instead of
    // scanning again (the narrow searches, which scan the whole index).
    let (total, active): (u32, u32) = if q.offset == 0 && (rows.len() as u32) < limit {
        (
            rows.len() as u32,
            rows.iter().filter(|r| r.status == Status::Aktiv).count() as u32,
        )
    } else {
        conn.prepare_cached(&format!(
            "SELECT count(*), coalesce(sum(p.status = 'aktiv'), 0) FROM partners p WHERE {filter}"
        ))?
        .query_row(params_from_iter(args.iter()), |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
    };
    Ok(ListResult {
        rows,
        total,
        active,
        overall,
        offset: q.offset,
    })
}

/// Every partner id matching `q`'s search and filters, in the list's order,
/// without paging: what the export writes. (Added for partner import/export;
/// same filter and order as [`list`].)
pub fn ids(conn: &Connection, q: &ListQuery) -> Result<Vec<String>> {
    let (filter, args) = where_clause(q);
    let dir = if q.desc { "DESC" } else { "ASC" };
    let order = match q.sort {
        Sort::Name => format!("p.sort_key {dir}, p.id {dir}"),
        Sort::Joined => format!(
            "p.joined_on IS NULL, p.joined_on {}, p.sort_key, p.id",
            if q.desc { "ASC" } else { "DESC" }
        ),
        Sort::Status => format!("{STATUS_RANK} {dir}, p.sort_key, p.id"),
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT p.id FROM partners p WHERE {filter} ORDER BY {order}"
    ))?;
    let ids = stmt
        .query_map(params_from_iter(args.iter()), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// How many partners there are in the register (not counting the bin).
pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM partners WHERE erased_at IS NULL",
        [],
        |r| r.get(0),
    )?)
}

// ── bin ──────────────────────────────────────────────────────────────────

/// Moves a partner to the bin. Idempotent.
pub fn delete(conn: &Connection, id: &str) -> Result<()> {
    let (_, erased) = exists_live(conn, id)?;
    if erased {
        return Err(PartnerError::NotFound(id.to_string()));
    }
    let ts = now();
    conn.execute(
        "UPDATE partners SET deleted_at = coalesce(deleted_at, ?2), updated_at = ?2 WHERE id = ?1",
        params![id, ts],
    )?;
    Ok(())
}

/// Takes a partner out of the bin.
pub fn restore(conn: &Connection, id: &str) -> Result<Partner> {
    let (_, erased) = exists_live(conn, id)?;
    if erased {
        return Err(PartnerError::NotFound(id.to_string()));
    }
    conn.execute(
        "UPDATE partners SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NOT NULL",
        params![id, now()],
    )?;
    get(conn, id)
}

/// The partners in the bin (first page, by name).
pub fn bin(conn: &Connection) -> Result<ListResult> {
    list(
        conn,
        &ListQuery {
            in_bin: true,
            limit: MAX_PAGE,
            ..ListQuery::default()
        },
    )
}

// ── GDPR erasure ─────────────────────────────────────────────────────────

/// What erasing did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Erased {
    /// The partner is gone entirely.
    Deleted,
    /// The partner has diplomas or grants: a row with only kind, goals and
    /// dates (and an organisation's name) is kept for statistics.
    Anonymised,
}

/// Whether diplomas or grant applications refer to the partner (both
/// tables come with the migrations).
pub fn has_history(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 WHERE EXISTS (SELECT 1 FROM diplomas WHERE partner_id = ?1)
                OR EXISTS (SELECT 1 FROM grant_applications WHERE partner_id = ?1)",
        )?
        .exists([id])?)
}

/// The name an erased private person's record keeps.
pub const ERASED_NAME: &str = "—";

fn erase_in(tx: &Connection, id: &str, ts: &str) -> Result<Erased> {
    let kind: Kind = tx
        .prepare_cached("SELECT kind FROM partners WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| PartnerError::NotFound(id.to_string()))?;
    super::erasure::record(tx, id, ts)?;
    tx.execute("DELETE FROM contacts WHERE partner_id = ?1", [id])?;
    tx.execute("DELETE FROM consent_history WHERE partner_id = ?1", [id])?;
    // The activity log's texts and follow-ups are the consultant's notes
    // about the partner: the activities area erases its own copy.
    crate::activities::erase_partner(tx, id)?;
    // An import's undo snapshot is a copy of the partner's personal data.
    tx.execute(
        "DELETE FROM import_undo_snapshots WHERE partner_id = ?1",
        [id],
    )?;
    // So is a merge's record of values that lost a conflict.
    tx.execute("DELETE FROM merge_history WHERE partner_id = ?1", [id])?;
    // The awards area keeps its nominations readable without personal data.
    crate::awards::forget_partner(tx, id, (kind == Kind::Borger).then_some(ERASED_NAME))?;
    if !has_history(tx, id)? {
        tx.execute("DELETE FROM partners WHERE id = ?1", [id])?;
        return Ok(Erased::Deleted);
    }
    // Keep kind, status, goals, dates and status history. A private
    // person's name is personal data; an organisation's is not.
    let (name, key) = if kind == Kind::Borger {
        // The diplomas area keeps a JSON snapshot of each printed diploma;
        // a private person's name in it is personal data too. Replacing the
        // JSON string by another keeps the snapshot valid JSON.
        let old: String = tx.query_row("SELECT name FROM partners WHERE id = ?1", [id], |r| {
            r.get(0)
        })?;
        tx.execute(
            "UPDATE diplomas SET snapshot = replace(snapshot, json_quote(?2), json_quote(?3))
             WHERE partner_id = ?1",
            params![id, old, ERASED_NAME],
        )?;
        (ERASED_NAME.to_string(), String::new())
    } else {
        let name: String = tx.query_row("SELECT name FROM partners WHERE id = ?1", [id], |r| {
            r.get(0)
        })?;
        (name.clone(), collation::fold(&name))
    };
    tx.execute(
        "UPDATE partners SET name = ?2, name_key = '', sort_key = ?3, initiative = '',
            target_group = '', arena = '', address = '', website = '', recruited_by = '',
            recruitment_notes = '', recruitment_channel = NULL, consent_public = 0,
            consent_public_on = NULL, consent_email = 0, consent_email_on = NULL,
            some_commitment = 0, notes = '', import_batch_id = NULL, search_text = ?4,
            deleted_at = coalesce(deleted_at, ?5), erased_at = ?5, updated_at = ?5
         WHERE id = ?1",
        params![id, name, collation::sort_key(&name), key, ts],
    )?;
    Ok(Erased::Anonymised)
}

/// Runs `f` with `secure_delete` on, then checkpoints the WAL so erased text
/// leaves the files.
fn securely<T>(conn: &mut Connection, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
    conn.pragma_update(None, "secure_delete", "ON")?;
    let result = (|| {
        let tx = conn.transaction()?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    })();
    // In-memory databases have no WAL; the checkpoint is then a no-op.
    let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    conn.pragma_update(None, "secure_delete", "OFF")?;
    result
}

/// "Slet persondata": erases the partner's personal data for real, whether
/// or not it is in the bin (see the module documentation).
pub fn erase(conn: &mut Connection, id: &str) -> Result<Erased> {
    let ts = now();
    let erased = securely(conn, |tx| erase_in(tx, id, &ts))?;
    log_to_file(conn);
    Ok(erased)
}

/// Copies the erasure log into its file beside the database. The erasure has
/// been committed (and logged in the table) already; a file that cannot be
/// written is brought up to date by the next erasure or start.
fn log_to_file(conn: &Connection) {
    let _ = super::erasure::sync_file(conn);
    // The copies in backups/ and in the second backup folder (a USB stick,
    // a network drive) are brought to the same state.
    if let Ok(log) = super::erasure::entries(conn) {
        for folder in crate::backups::copy_folders(conn) {
            super::erasure::scrub_folder(&folder, &log);
        }
    }
}

/// Erases again those of `ids` that still hold data here (a restored or an
/// opened backup taken before they were erased). Partners missing here, or
/// erased already, are skipped. Returns how many were erased now.
pub(crate) fn erase_again(conn: &mut Connection, ids: &[String]) -> Result<u32> {
    let ts = now();
    securely(conn, |tx| {
        let mut n = 0;
        let mut live = tx.prepare(
            "SELECT EXISTS (SELECT 1 FROM partners WHERE id = ?1 AND erased_at IS NULL)
                 OR EXISTS (SELECT 1 FROM contacts WHERE partner_id = ?1)",
        )?;
        for id in ids {
            if live.query_row([id], |r| r.get::<_, bool>(0))? {
                erase_in(tx, id, &ts)?;
                n += 1;
            }
        }
        Ok(n)
    })
}

/// Erases every partner of `ids` in one go (the retention list's "erase
/// all"): one transaction, one update of the log file and the backups.
/// Returns how many were erased.
pub fn erase_many(conn: &mut Connection, ids: &[String]) -> Result<u32> {
    let ts = now();
    let n = securely(conn, |tx| {
        for id in ids {
            erase_in(tx, id, &ts)?;
        }
        Ok(ids.len() as u32)
    })?;
    log_to_file(conn);
    Ok(n)
}

/// Empties the bin: erases every partner in it. Returns how many.
pub fn empty_bin(conn: &mut Connection) -> Result<u32> {
    let ts = now();
    securely(conn, |tx| {
        let ids: Vec<String> = {
            let mut stmt = tx.prepare(
                "SELECT id FROM partners WHERE deleted_at IS NOT NULL AND erased_at IS NULL",
            )?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for id in &ids {
            erase_in(tx, id, &ts)?;
        }
        Ok(ids.len() as u32)
    })
    .inspect(|_| log_to_file(conn))
}

// ── derived keys (for the merge of a copy) ───────────────────────────────

/// Recomputes the name key, sort key and search text of partner `id` from
/// its stored name, contacts and initiative, exactly as a save writes them.
/// The merge of a laptop's copy calls it for every partner it changed (it
/// carries fields one by one). An erased partner is left as it is.
pub fn refresh_keys(conn: &Connection, id: &str) -> Result<()> {
    let row: Option<(String, String, Option<String>)> = conn
        .prepare_cached("SELECT name, initiative, erased_at FROM partners WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((name, initiative, None)) = row else {
        return Ok(());
    };
    let mut s = name.clone();
    let mut stmt = conn.prepare_cached(
        "SELECT name, email FROM contacts WHERE partner_id = ?1 ORDER BY position, id",
    )?;
    let contacts = stmt.query_map([id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    for c in contacts {
        let (n, e) = c?;
        s.push('\n');
        s.push_str(&n);
        s.push('\n');
        s.push_str(&e);
    }
    s.push('\n');
    s.push_str(&initiative);
    conn.prepare_cached(
        "UPDATE partners SET name_key = ?2, sort_key = ?3, search_text = ?4 WHERE id = ?1",
    )?
    .execute(params![
        id,
        super::dedupe::name_key(&name),
        collation::sort_key(&name),
        collation::fold(&s)
    ])?;
    Ok(())
}
