//! The erasure log: which partners were erased (GDPR) and when. Ids and
//! dates only, no personal data. It lives in two places: the `erasure_log`
//! table, and [`LOG_FILE`] beside the database file, so that a backup taken
//! before an erasure, once restored or opened, can be brought to the same
//! state: [`apply`] erases every logged partner in it again.
//!
//! [`super::store::erase`] and [`super::store::empty_bin`] add to the log in
//! the same transaction as the erasure and then rewrite the file.

use super::Result;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The log's file beside the database.
pub const LOG_FILE: &str = "erasure-log.json";

/// One erased partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub partner_id: String,
    /// UTC, RFC 3339.
    pub erased_at: String,
}

/// Records an erasure inside the erasing transaction.
pub(crate) fn record(tx: &Connection, partner_id: &str, at: &str) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO erasure_log (partner_id, erased_at) VALUES (?1, ?2)
         ON CONFLICT(partner_id) DO NOTHING",
    )?
    .execute(params![partner_id, at])?;
    Ok(())
}

/// Every entry of the database's log, oldest first.
pub fn entries(conn: &Connection) -> Result<Vec<Entry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT partner_id, erased_at FROM erasure_log ORDER BY erased_at, partner_id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Entry {
                partner_id: r.get(0)?,
                erased_at: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The log file beside the database file `conn` has open (`None` for an
/// in-memory database).
pub fn file_of(conn: &Connection) -> Option<PathBuf> {
    let db = conn.path().filter(|p| !p.is_empty())?;
    Some(Path::new(db).parent()?.join(LOG_FILE))
}

/// The entries of a log file; a missing or unreadable file is empty (the
/// table is the first copy; the file is the one that survives a restore).
pub fn read_file(path: &Path) -> Vec<Entry> {
    std::fs::read(path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

/// Entries from both lists, one per partner (the earliest date), sorted.
pub fn union(a: &[Entry], b: &[Entry]) -> Vec<Entry> {
    let mut by_id: BTreeMap<&str, &str> = BTreeMap::new();
    for e in a.iter().chain(b) {
        let at = by_id.entry(&e.partner_id).or_insert(&e.erased_at);
        if e.erased_at.as_str() < *at {
            *at = &e.erased_at;
        }
    }
    let mut out: Vec<Entry> = by_id
        .into_iter()
        .map(|(id, at)| Entry {
            partner_id: id.to_string(),
            erased_at: at.to_string(),
        })
        .collect();
    out.sort_by(|x, y| {
        x.erased_at
            .cmp(&y.erased_at)
            .then(x.partner_id.cmp(&y.partner_id))
    });
    out
}

/// Writes the union of the database's log and the file's into the file
/// beside the database (atomically: a temporary file renamed over it). Does
/// nothing for an in-memory database. Errors are the caller's to ignore or
/// report: the table already holds the entry.
pub fn sync_file(conn: &Connection) -> std::io::Result<()> {
    let Some(path) = file_of(conn) else {
        return Ok(());
    };
    let from_db = entries(conn).map_err(|e| std::io::Error::other(e.to_string()))?;
    let all = union(&from_db, &read_file(&path));
    let json = serde_json::to_vec_pretty(&all).map_err(std::io::Error::other)?;
    write_replacing(&path, &json)
}

/// Writes `bytes` to `path` through a temporary file renamed over it, so a
/// crash leaves the old file or the new one, never half of one.
pub(crate) fn write_replacing(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let tmp = path.with_extension(format!("{}.tmp", uuid::Uuid::new_v4().simple()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Brings a database (a restored or opened backup) up to the log: every
/// partner in `log` that still has data is erased again, and the log is
/// added to the database's own. Returns how many partners were erased now.
pub fn apply(conn: &mut Connection, log: &[Entry]) -> Result<u32> {
    let ids: Vec<String> = log.iter().map(|e| e.partner_id.clone()).collect();
    let n = super::store::erase_again(conn, &ids)?;
    let tx = conn.transaction()?;
    for e in log {
        record(&tx, &e.partner_id, &e.erased_at)?;
    }
    tx.commit()?;
    Ok(n)
}

/// Applies `log` to every copy of this schema version in `folder` (the
/// backups beside the database, a second backup folder), so erased personal
/// data does not wait in a copy for the rotation. A copy of an older schema
/// (taken before an update) is left as it is: its tables differ; it is
/// listed in Indstillinger to be deleted. Returns how many copies changed.
pub fn scrub_folder(folder: &Path, log: &[Entry]) -> u32 {
    if log.is_empty() {
        return 0;
    }
    let Ok(copies) = crate::store::copies::list_folder(folder) else {
        return 0;
    };
    let mut changed = 0;
    for c in copies {
        if c.version != crate::store::schema_version() {
            continue;
        }
        let path = folder.join(&c.file_name);
        let Ok(mut conn) = Connection::open(&path) else {
            continue;
        };
        let _ = conn.pragma_update(None, "foreign_keys", "ON");
        let ids: Vec<String> = log.iter().map(|e| e.partner_id.clone()).collect();
        if let Ok(n) = super::store::erase_again(&mut conn, &ids) {
            if n > 0 {
                changed += 1;
                if let Ok(tx) = conn.transaction() {
                    for e in log {
                        let _ = record(&tx, &e.partner_id, &e.erased_at);
                    }
                    let _ = tx.commit();
                }
                // Nothing of the erased text stays in free pages.
                let _ = conn.execute_batch("VACUUM;");
            }
        }
    }
    changed
}

/// The backups folder beside the database `conn` has open.
pub fn backups_of(conn: &Connection) -> Option<PathBuf> {
    let db = conn.path().filter(|p| !p.is_empty())?;
    Some(Path::new(db).parent()?.join(crate::store::BACKUP_DIR))
}
