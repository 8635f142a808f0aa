//! Duplicate matching: the name key that makes "Sund By ApS", "sund-by aps"
//! and "SUNDBY" the same partner, and the lookup of existing partners whose
//! name key or a contact's email matches a new or edited one. The register
//! warns and links; it never refuses (two partners may share a name).
//!
//! The name key: lowercase; accents folded as in search (æ, ø, å kept);
//! punctuation and spaces removed; trailing legal-form and association
//! suffixes removed: ApS, A/S, I/S, P/S, K/S, IVS, AMBA, SMBA, F.M.B.A.,
//! forening, foreningen. A name that is only a suffix keeps it.

use super::{collation, Kind, Result};
use rusqlite::{params, Connection};
use serde::Serialize;

/// Words dropped from the end of a name (after punctuation is removed, so
/// "A/S" is "as" and "I/S" is "is").
const SUFFIXES: &[&str] = &[
    "aps",
    "as",
    "is",
    "ps",
    "ks",
    "ivs",
    "amba",
    "smba",
    "fmba",
    "forening",
    "foreningen",
];

/// The key two names must share to be "the same name".
pub fn name_key(name: &str) -> String {
    let folded = collation::fold(name);
    // Words: split on spaces and most punctuation; '/' and '.' join letters
    // ("a/s" → "as", "f.m.b.a." → "fmba").
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in folded.chars() {
        if c.is_alphanumeric() {
            cur.push(c);
        } else if c == '/' || c == '.' || c == '\'' || c == '’' {
            // joins
        } else if !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    while words.len() > 1 && words.last().is_some_and(|w| SUFFIXES.contains(&w.as_str())) {
        words.pop();
    }
    words.concat()
}

/// Why an existing partner looks like the same one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchReason {
    Name,
    Email,
}

/// An existing partner that may be the same as the one being entered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Duplicate {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub reason: MatchReason,
    /// The shared email when `reason` is `Email`.
    pub email: Option<String>,
    /// The existing partner is in the bin.
    pub in_bin: bool,
}

/// Existing partners (in the list or in the bin, not erased) whose name key
/// equals `name`'s or that have a contact with one of `emails`
/// (case-insensitive). `except` is the partner being edited. At most 10,
/// name matches first.
pub fn find(
    conn: &Connection,
    name: &str,
    emails: &[String],
    except: Option<&str>,
) -> Result<Vec<Duplicate>> {
    let mut out: Vec<Duplicate> = Vec::new();
    let key = name_key(name);
    if !key.is_empty() {
        let mut stmt = conn.prepare_cached(
            "SELECT id, name, kind, deleted_at IS NOT NULL FROM partners
             WHERE name_key = ?1 AND erased_at IS NULL AND id IS NOT ?2
             ORDER BY sort_key LIMIT 10",
        )?;
        let rows = stmt.query_map(params![key, except], |r| {
            Ok(Duplicate {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                reason: MatchReason::Name,
                email: None,
                in_bin: r.get(3)?,
            })
        })?;
        for row in rows {
            out.push(row?);
        }
    }
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.name, p.kind, p.deleted_at IS NOT NULL, c.email
         FROM contacts c JOIN partners p ON p.id = c.partner_id
         WHERE lower(c.email) = ?1 AND p.erased_at IS NULL AND p.id IS NOT ?2
         LIMIT 10",
    )?;
    for email in emails {
        let email = email.trim().to_lowercase();
        if email.is_empty() {
            continue;
        }
        let rows = stmt.query_map(params![email, except], |r| {
            Ok(Duplicate {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                reason: MatchReason::Email,
                email: Some(r.get(4)?),
                in_bin: r.get(3)?,
            })
        })?;
        for row in rows {
            let d = row?;
            if !out.iter().any(|o| o.id == d.id) {
                out.push(d);
            }
        }
    }
    out.truncate(10);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_spacing_and_punctuation_are_ignored() {
        assert_eq!(name_key("Sund By"), "sundby");
        assert_eq!(name_key("  SUND-BY  "), "sundby");
        assert_eq!(name_key("Sund, By!"), "sundby");
        assert_eq!(name_key("SundBy"), "sundby");
    }

    #[test]
    fn legal_form_suffixes_are_ignored() {
        for n in [
            "Fredericia Bager ApS",
            "Fredericia Bager A/S",
            "Fredericia Bager I/S",
            "Fredericia Bager IVS",
            "Fredericia Bager a.m.b.a.",
            "fredericia bager",
        ] {
            assert_eq!(name_key(n), "fredericiabager", "{n}");
        }
        assert_eq!(name_key("Løberne forening"), name_key("Løberne"));
        assert_eq!(name_key("Løberne, Foreningen"), name_key("LØBERNE"));
    }

    #[test]
    fn a_name_that_is_only_a_suffix_is_kept_and_danish_letters_matter() {
        assert_eq!(name_key("Forening"), "forening");
        assert_ne!(name_key("Ås"), name_key("As"));
        // The suffix must be a word of its own.
        assert_ne!(name_key("Idrætsforening"), name_key("Idræts"));
    }
}
