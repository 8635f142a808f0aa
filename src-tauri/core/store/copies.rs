//! Copies of the database: the one way to copy it ([`backup_into`], SQLite's
//! online backup API, checked with `PRAGMA integrity_check` before it gets
//! its name), their names, and the list in `backups/` beside the database.
//!
//! A copy is named `sundby-v{version}-{UTC time}-{kind}.sqlite3`; copies from
//! before kinds existed have no `-{kind}` and are migration copies. Files
//! not named so are never listed or deleted.

use super::StoreError;
use chrono::Utc;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// The folder inside the data directory that holds the copies.
pub const BACKUP_DIR: &str = "backups";

/// Why a copy was taken: an open text code (the file name's last part).
/// The fair's "take along" copies of issue 13 name their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopyKind(pub &'static str);

impl CopyKind {
    /// Before a new version migrated the database.
    pub const MIGRATION: CopyKind = CopyKind("migration");
    /// The first start of a day.
    pub const DAILY: CopyKind = CopyKind("daily");
    /// The app closed after changes.
    pub const CLOSING: CopyKind = CopyKind("closing");
    /// "Tag sikkerhedskopi nu" or `sundby backup`.
    pub const MANUAL: CopyKind = CopyKind("manual");
    /// The database as it was just before a restore replaced it.
    pub const BEFORE_RESTORE: CopyKind = CopyKind("before-restore");
}

/// One copy of the database in `backups/`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Backup {
    pub file_name: String,
    /// The schema version the copy has.
    pub version: u32,
    /// When it was taken (UTC, RFC 3339), read from the file name.
    pub taken_at: String,
    pub bytes: u64,
    /// Why it was taken ([`CopyKind`]'s code).
    pub kind: String,
}

const BACKUP_PREFIX: &str = "sundby-v";
const BACKUP_STAMP: &str = "%Y%m%dT%H%M%S%.3fZ";
const BACKUP_EXT: &str = ".sqlite3";

/// The version, time (RFC 3339) and kind in a copy's file name; `None` for
/// any file not named as [`backup_into`] names its copies.
pub fn parse_backup_name(name: &str) -> Option<(u32, String, String)> {
    let rest = name.strip_prefix(BACKUP_PREFIX)?.strip_suffix(BACKUP_EXT)?;
    let (version, rest) = rest.split_once('-')?;
    let version: u32 = version.parse().ok()?;
    let (stamp, kind) = match rest.split_once('-') {
        Some((stamp, kind)) if !kind.is_empty() => (stamp, kind),
        Some(_) => return None,
        None => (rest, CopyKind::MIGRATION.0),
    };
    if !kind
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return None;
    }
    let at = chrono::NaiveDateTime::parse_from_str(stamp, BACKUP_STAMP).ok()?;
    Some((
        version,
        at.and_utc()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        kind.to_string(),
    ))
}

/// The copies in `data_dir`'s `backups/`, newest first.
pub fn backups(data_dir: &Path) -> Result<Vec<Backup>, StoreError> {
    list_folder(&data_dir.join(BACKUP_DIR))
}

/// The copies in `dir` itself (a second backup folder), newest first.
pub fn list_folder(dir: &Path) -> Result<Vec<Backup>, StoreError> {
    let io = |source| StoreError::Backups {
        path: dir.to_path_buf(),
        source,
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(e)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(io)?;
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some((version, taken_at, kind)) = parse_backup_name(&file_name) else {
            continue;
        };
        let meta = entry.metadata().map_err(io)?;
        if !meta.is_file() {
            continue;
        }
        out.push(Backup {
            file_name,
            version,
            taken_at,
            bytes: meta.len(),
            kind,
        });
    }
    out.sort_by(|a, b| {
        b.taken_at
            .cmp(&a.taken_at)
            .then(b.file_name.cmp(&a.file_name))
    });
    Ok(out)
}

/// Deletes every copy [`backups`] lists (they may hold personal data that
/// has since been erased). Returns how many were deleted.
pub fn delete_backups(data_dir: &Path) -> Result<u32, StoreError> {
    let dir = data_dir.join(BACKUP_DIR);
    let mut n = 0;
    for b in backups(data_dir)? {
        delete_copy(&dir, &b.file_name)?;
        n += 1;
    }
    Ok(n)
}

/// Deletes one copy named as ours in `dir`.
pub fn delete_copy(dir: &Path, file_name: &str) -> Result<(), StoreError> {
    if parse_backup_name(file_name).is_none() || file_name.contains(['/', '\\']) {
        return Ok(());
    }
    std::fs::remove_file(dir.join(file_name)).map_err(|source| StoreError::Backups {
        path: dir.to_path_buf(),
        source,
    })?;
    // What SQLite may have left beside it.
    for suffix in ["-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(dir.join(format!("{file_name}{suffix}")));
    }
    Ok(())
}

/// The name [`backup_into`] gives a copy of schema `version` taken now.
fn copy_name(version: u32, kind: CopyKind) -> String {
    let stamp = Utc::now().format(BACKUP_STAMP);
    format!("{BACKUP_PREFIX}{version}-{stamp}-{}{BACKUP_EXT}", kind.0)
}

/// **The one way to copy the database.** Copies the live database `conn`
/// into the folder `dir` (created if missing) with the online backup API —
/// consistent even while another connection writes — named for its schema
/// version, the time and `kind`. The copy is written under a temporary name,
/// checked with `PRAGMA integrity_check`, and only then renamed; a copy that
/// fails the check is removed ([`StoreError::CopyDamaged`]). Returns the path.
pub fn backup_into(conn: &Connection, dir: &Path, kind: CopyKind) -> Result<PathBuf, StoreError> {
    std::fs::create_dir_all(dir).map_err(|source| StoreError::DataDir {
        path: dir.to_path_buf(),
        source,
    })?;
    let version: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let mut target = dir.join(copy_name(version, kind));
    // Two copies in the same millisecond: the second waits its turn.
    while target.exists() {
        std::thread::sleep(std::time::Duration::from_millis(2));
        target = dir.join(copy_name(version, kind));
    }
    backup_to(conn, &target, false)?;
    Ok(target)
}

/// Copies the live database to exactly `target` (a path the person chose:
/// `sundby backup --out`), the same way as [`backup_into`]. An existing file
/// is refused ([`StoreError::CopyExists`]) unless `replace`.
pub fn backup_to(conn: &Connection, target: &Path, replace: bool) -> Result<(), StoreError> {
    if !replace && target.exists() {
        return Err(StoreError::CopyExists(target.to_path_buf()));
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let tmp = dir.join(format!(
        ".sundby-copy-{}.part",
        uuid::Uuid::new_v4().simple()
    ));
    let result = (|| {
        conn.backup(rusqlite::MAIN_DB, &tmp, None)
            .map_err(StoreError::Backup)?;
        // A copy is one self-contained file: out of WAL mode, so reading it
        // (the list's counts, the check) leaves no -wal or -shm beside it.
        {
            let copy = Connection::open(&tmp).map_err(StoreError::Backup)?;
            copy.pragma_update(None, "journal_mode", "DELETE")
                .map_err(StoreError::Backup)?;
        }
        if !passes_integrity_check(&tmp) {
            return Err(StoreError::CopyDamaged(target.to_path_buf()));
        }
        let io = |source| StoreError::Backups {
            path: dir.clone(),
            source,
        };
        if replace {
            std::fs::rename(&tmp, target).map_err(io)
        } else {
            // No-replace: a hard link fails when the name is taken.
            match std::fs::hard_link(&tmp, target) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    Err(StoreError::CopyExists(target.to_path_buf()))
                }
                Err(_) if !target.exists() => std::fs::rename(&tmp, target).map_err(io),
                Err(e) => Err(io(e)),
            }
        }
    })();
    let _ = std::fs::remove_file(&tmp);
    result
}

/// Whether the file at `path` opens read-only and passes `PRAGMA integrity_check`.
pub fn passes_integrity_check(path: &Path) -> bool {
    let Ok(ro) = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    ) else {
        return false;
    };
    ro.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
        .map(|s| s == "ok")
        .unwrap_or(false)
}
