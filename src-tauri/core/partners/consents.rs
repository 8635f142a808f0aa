//! The history of a partner's consents (to be shown publicly, to receive
//! e-mail): every change, given or withdrawn, with its day and its source.
//!
//! The current values stay on the partner row (`consent_public`,
//! `consent_email`); [`record_changes`] is called wherever they are written
//! (the form, the import, the demo; the fair and the merge of other areas
//! pass their own [`Source`]) and adds one entry per consent that changed.
//! Withdrawing the e-mail consent takes the partner off every recipient list
//! at once: the lists come from [`super::lookup::email_contacts`], which
//! reads the current value.

use super::Result;
use crate::store::{new_id, now};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

/// Where a consent change came from: an open text code, so that areas added
/// later (the fair's sign-up, the merge of a fair laptop) use their own
/// without a schema change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source(pub &'static str);

impl Source {
    /// The partner form in the window (or the CLI).
    pub const FORM: Source = Source("form");
    /// A CSV/XLSX import.
    pub const IMPORT: Source = Source("import");
    /// A sign-up at a fair (issue 13).
    pub const FAIR: Source = Source("fair");
    /// Merging another laptop's database (issue 13).
    pub const MERGE: Source = Source("merge");
    /// The fictional demo programme.
    pub const DEMO: Source = Source("demo");
}

/// The two consents a partner gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Consents {
    pub public: bool,
    pub public_on: Option<NaiveDate>,
    pub email: bool,
    pub email_on: Option<NaiveDate>,
}

/// One change of a consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsentChange {
    /// `public` or `email`.
    pub consent: String,
    pub given: bool,
    /// ISO date.
    pub changed_on: String,
    /// The source code (`form`, `import`, `fair`, `merge`, `demo`, `migration`, …).
    pub source: String,
}

/// The consents stored on the partner row now (`None` for no such partner).
pub(crate) fn current(tx: &Connection, partner_id: &str) -> Result<Option<Consents>> {
    Ok(tx
        .prepare_cached(
            "SELECT consent_public, consent_public_on, consent_email, consent_email_on
             FROM partners WHERE id = ?1",
        )?
        .query_row([partner_id], |r| {
            Ok(Consents {
                public: r.get(0)?,
                public_on: r
                    .get::<_, Option<String>>(1)?
                    .and_then(|d| crate::dates::parse_iso(&d)),
                email: r.get(2)?,
                email_on: r
                    .get::<_, Option<String>>(3)?
                    .and_then(|d| crate::dates::parse_iso(&d)),
            })
        })
        .optional()?)
}

/// Adds an entry for each consent that differs between `old` (`None`: a new
/// partner, nothing given yet) and `new`. A consent given is dated its own
/// date when one is recorded, else `today`; a withdrawal is dated `today`.
pub fn record_changes(
    tx: &Connection,
    partner_id: &str,
    old: Option<Consents>,
    new: Consents,
    source: Source,
    today: NaiveDate,
) -> Result<()> {
    let old = old.unwrap_or_default();
    let changes = [
        ("public", old.public, new.public, new.public_on),
        ("email", old.email, new.email, new.email_on),
    ];
    let ts = now();
    for (consent, was, is, on) in changes {
        if was == is {
            continue;
        }
        let day = if is { on.unwrap_or(today) } else { today };
        tx.prepare_cached(
            "INSERT INTO consent_history
                (id, partner_id, consent, given, changed_on, source, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        )?
        .execute(params![
            new_id(),
            partner_id,
            consent,
            is,
            crate::dates::iso(day),
            source.0,
            ts
        ])?;
    }
    Ok(())
}

/// A partner's consent history, oldest first.
pub fn history(conn: &Connection, partner_id: &str) -> Result<Vec<ConsentChange>> {
    let mut stmt = conn.prepare_cached(
        "SELECT consent, given, changed_on, source FROM consent_history
         WHERE partner_id = ?1 ORDER BY changed_on, created_at, consent",
    )?;
    let rows = stmt
        .query_map([partner_id], |r| {
            Ok(ConsentChange {
                consent: r.get(0)?,
                given: r.get(1)?,
                changed_on: r.get(2)?,
                source: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
