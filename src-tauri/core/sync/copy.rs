//! "Tag en kopi med": the consistent copy, its record at the office and its
//! base snapshot; and what a copy knows about itself (the window's banner).

use super::{meta, Result, SyncError, COPIES_DIR};
use crate::files::{self, DocKind, Target};
use crate::store::{self, Store};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// A copy that went out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CopyOut {
    pub id: String,
    pub path: PathBuf,
    pub taken_at: String,
    pub schema_version: u32,
}

/// What an open copy knows about itself, for the window's banner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CopyInfo {
    pub copy_id: String,
    pub taken_at: String,
    /// The programme's name (municipality and name) the copy is of.
    pub programme: String,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SyncError + '_ {
    move |source| SyncError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The programme's name as shown in messages: "Fredericia: Sund By".
pub(crate) fn programme_name(conn: &Connection, schema: &str) -> rusqlite::Result<String> {
    let (m, n): (String, String) = conn.query_row(
        &format!("SELECT municipality, name FROM {schema}.programme WHERE id = 1"),
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(match (m.trim(), n.trim()) {
        ("", "") => "—".to_string(),
        (m, "") => m.to_string(),
        ("", n) => n.to_string(),
        (m, n) => format!("{m}: {n}"),
    })
}

/// The copy's file name: `Sund By Partner kopi 2026-12-02 0930.sqlite3`.
pub fn file_name(at: chrono::NaiveDateTime) -> String {
    format!(
        "Sund By Partner kopi {}.sqlite3",
        at.format("%Y-%m-%d %H%M")
    )
}

/// Writes a copy of the database to `target` (a folder or USB stick), one
/// file, consistent while the app runs; records it in `copies_out` with its
/// schema version and keeps the base snapshot in `copies/` beside the
/// database.
pub fn take(store: &Store, target: &Target) -> Result<CopyOut> {
    let conn = &store.conn;
    if meta::get(conn, "main", meta::COPY_ID)?.is_some() {
        return Err(SyncError::IsACopy);
    }
    let data_dir = store.data_dir.as_deref().ok_or(SyncError::NoDataDir)?;
    let dir = data_dir.join(COPIES_DIR);
    let version = store::schema_version();
    // The online backup is the base snapshot; the copy is made from it, so
    // both hold exactly the same data.
    let base = store::backup_into(conn, &dir, store::CopyKind("copy-base"))?;
    let id = store::new_id();
    let taken_at = store::now();
    let office_device = meta::get(conn, "main", meta::DEVICE_ID)?.unwrap_or_default();
    let counter = meta::counter(conn, "main")?;
    let scratch = dir.join(format!("out-{id}.sqlite3"));
    let made = (|| -> Result<PathBuf> {
        std::fs::copy(&base, &scratch).map_err(io(&scratch))?;
        {
            let c = Connection::open(&scratch)?;
            c.pragma_update(None, "journal_mode", "DELETE")?;
            meta::set(&c, meta::DEVICE_ID, &store::new_id())?;
            meta::set(&c, meta::COPY_ID, &id)?;
            meta::set(&c, meta::COPY_OF_DEVICE, &office_device)?;
            meta::set(&c, meta::COPY_TAKEN_AT, &taken_at)?;
        }
        let bytes = std::fs::read(&scratch).map_err(io(&scratch))?;
        let name = file_name(crate::dates::now_local());
        Ok(files::save(conn, DocKind::Copies, target, &name, &bytes)?)
    })();
    let _ = std::fs::remove_file(&scratch);
    let path = match made {
        Ok(p) => p,
        Err(e) => {
            let _ = std::fs::remove_file(&base);
            return Err(e);
        }
    };
    let base_name = base
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    conn.execute(
        "INSERT INTO copies_out (id, taken_at, schema_version, change_counter, file_name, base_file)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            id,
            taken_at,
            version,
            counter,
            path.display().to_string(),
            base_name
        ],
    )?;
    Ok(CopyOut {
        id,
        path,
        taken_at,
        schema_version: version,
    })
}

/// When the open database is a copy: which, and of what.
pub fn copy_info(conn: &Connection) -> Result<Option<CopyInfo>> {
    let Some(copy_id) = meta::get(conn, "main", meta::COPY_ID)? else {
        return Ok(None);
    };
    Ok(Some(CopyInfo {
        copy_id,
        taken_at: meta::get(conn, "main", meta::COPY_TAKEN_AT)?.unwrap_or_default(),
        programme: programme_name(conn, "main")?,
    }))
}

/// A copy that went out from this database, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CopyRecord {
    pub id: String,
    pub taken_at: String,
    pub file_name: String,
    pub merged_at: Option<String>,
}

/// The copies that went out, newest first.
pub fn copies(conn: &Connection) -> Result<Vec<CopyRecord>> {
    let mut stmt = conn.prepare(
        "SELECT id, taken_at, file_name, merged_at FROM copies_out ORDER BY taken_at DESC",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(CopyRecord {
            id: r.get(0)?,
            taken_at: r.get(1)?,
            file_name: r.get(2)?,
            merged_at: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The office's record of copy `id`: (base file name, merged at).
pub(crate) fn record(conn: &Connection, id: &str) -> Result<Option<(String, Option<String>)>> {
    Ok(conn
        .query_row(
            "SELECT base_file, merged_at FROM copies_out WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The copy files (`.sqlite3`) in the copies' folder, newest first, by
/// full path: the ones the merge can be offered without a dialog.
pub fn files_in_folder(conn: &Connection) -> Result<Vec<String>> {
    let dir = files::folder(conn, DocKind::Copies)?;
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(Vec::new());
    };
    let mut out: Vec<(std::time::SystemTime, String)> = entries
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "sqlite3"))
        .filter_map(|e| {
            let m = e.metadata().ok()?.modified().ok()?;
            Some((m, e.path().display().to_string()))
        })
        .collect();
    out.sort_by(|a, b| b.cmp(a));
    Ok(out.into_iter().map(|(_, p)| p).collect())
}
