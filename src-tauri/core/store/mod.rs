//! The SQLite store: opening the one database file, checking it is ours and
//! not from a newer version, backing it up, and applying the embedded
//! migrations in one transaction.
//!
//! Invariants:
//! - A file that is not a SQLite database, is corrupt, or was written by a
//!   newer version of the app is refused before anything writes to it: the
//!   checks run on a read-only connection.
//! - Before a migration runs on a database that already holds data, a copy is
//!   taken with SQLite's online backup API into `backups/`.
//! - Migrations are applied in one transaction; `PRAGMA user_version` is the
//!   schema version. A landed migration file is never edited.

pub mod copies;
pub mod errors;
mod text;
pub mod write;
pub(crate) use text::stored_as_text;

pub use copies::{
    backup_into, backup_to, backups, delete_backups, passes_integrity_check, Backup, CopyKind,
    BACKUP_DIR,
};
pub use errors::{Cause, StoreError};
pub use write::{all_or_nothing, begin, Write};

use chrono::Utc;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The embedded migrations, in order. The schema version is the count applied.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "001_programme",
        include_str!("migrations/001_programme.sql"),
    ),
    ("002_partners", include_str!("migrations/002_partners.sql")),
    // ── diplomas (issue 4) ──
    ("003_diplomas", include_str!("migrations/003_diplomas.sql")),
    // ── grants (issue 6) ──
    ("004_grants", include_str!("migrations/004_grants.sql")),
    // ── events (issue 5) ──
    ("005_events", include_str!("migrations/005_events.sql")),
    // ── import undo snapshots out of app_settings (issue 3, GDPR) ──
    (
        "006_import_undo",
        include_str!("migrations/006_import_undo.sql"),
    ),
    // ── a ceremony keeps the partners chosen for it (issue 18) ──
    (
        "007_ceremony_selection",
        include_str!("migrations/007_ceremony_selection.sql"),
    ),
    // ── awards (issue 11) ──
    ("008_awards", include_str!("migrations/008_awards.sql")),
    // ── activities and follow-ups (issue 17) ──
    (
        "009_activities",
        include_str!("migrations/009_activities.sql"),
    ),
    // ── reports: evaluations, the case, the consultant's contact (issue 12) ──
    ("010_reports", include_str!("migrations/010_reports.sql")),
    // ── data safety and privacy: erasure log, consent history (issue 15) ──
    ("011_safety", include_str!("migrations/011_safety.sql")),
    // ── fair mode, copies and merging (issue 13) ──
    ("012_merge", include_str!("migrations/012_merge.sql")),
    // ── publications (issue 14) ──
    (
        "013_publications",
        include_str!("migrations/013_publications.sql"),
    ),
    // ── the welcome packs sent to new partners (issue 14) ──
    (
        "014_welcome_packs",
        include_str!("migrations/014_welcome_packs.sql"),
    ),
    // ── the start page's reads from indexes (issue 17) ──
    (
        "015_start_page_indexes",
        include_str!("migrations/015_start_page_indexes.sql"),
    ),
];

/// The schema version this build writes.
pub fn schema_version() -> u32 {
    MIGRATIONS.len() as u32
}

/// The database file's name inside the data directory.
pub const DB_FILE: &str = "sundby.sqlite3";

/// Environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "SUNDBY_DATA_DIR";

/// The data directory: `SUNDBY_DATA_DIR` when set, else the OS app-data
/// directory for the app's identifier (the same one Tauri uses).
pub fn data_dir() -> Result<PathBuf, StoreError> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir()
        .map(|d| d.join("dk.sundby.partner"))
        .ok_or(StoreError::NoDataDir)
}

/// The open database and where it lives.
pub struct Store {
    pub conn: Connection,
    pub data_dir: Option<PathBuf>,
    pub db_path: Option<PathBuf>,
}

/// What opening did: useful for `sundby info` and for tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenReport {
    pub from_version: u32,
    pub to_version: u32,
    pub backup: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if missing) the database in `dir`, migrating it.
    pub fn open_dir(dir: &Path) -> Result<(Store, OpenReport), StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::DataDir {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = dir.join(DB_FILE);
        let from_version = if path.exists() { inspect(&path)? } else { 0 };
        let mut conn = Connection::open(&path)?;
        configure(&conn)?;
        let backup = if from_version > 0 && from_version < schema_version() {
            Some(backup_into(
                &conn,
                &dir.join(BACKUP_DIR),
                CopyKind::MIGRATION,
            )?)
        } else {
            None
        };
        migrate(&mut conn)?;
        let report = OpenReport {
            from_version,
            to_version: schema_version(),
            backup,
        };
        Ok((
            Store {
                conn,
                data_dir: Some(dir.to_path_buf()),
                db_path: Some(path),
            },
            report,
        ))
    }

    /// Opens an existing database file at `path` that is not the data
    /// directory's own (a copy taken along, opened with "Åbn en kopi"):
    /// checked read-only first like every file ([`inspect`]), never created.
    /// `data_dir` is where its backups go (a folder of this machine, not the
    /// USB stick the copy may be on).
    pub fn open_file(path: &Path, data_dir: &Path) -> Result<Store, StoreError> {
        if !path.is_file() {
            return Err(StoreError::NotADatabase(path.to_path_buf()));
        }
        inspect(path)?;
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::DataDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        let mut conn = Connection::open(path)?;
        configure(&conn)?;
        migrate(&mut conn)?;
        Ok(Store {
            conn,
            data_dir: Some(data_dir.to_path_buf()),
            db_path: Some(path.to_path_buf()),
        })
    }

    /// An in-memory database with the full schema, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate(&mut conn)?;
        Ok(Store {
            conn,
            data_dir: None,
            db_path: None,
        })
    }
}

/// Checks an existing file on a read-only connection: it must be a healthy
/// SQLite database with a schema version this build knows. Returns the version.
pub fn inspect(path: &Path) -> Result<u32, StoreError> {
    let not_db = || StoreError::NotADatabase(path.to_path_buf());
    let ro = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|_| not_db())?;
    let version: u32 = ro
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|_| not_db())?;
    let check: String = ro
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|_| not_db())?;
    if check != "ok" {
        return Err(not_db());
    }
    if version > schema_version() {
        return Err(StoreError::NewerSchema {
            found: version,
            known: schema_version(),
        });
    }
    if version > 0 {
        // Ours? A database we wrote has the programme table.
        let ours: i64 = ro
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'programme'",
                [],
                |r| r.get(0),
            )
            .map_err(|_| not_db())?;
        if ours == 0 {
            return Err(not_db());
        }
    } else {
        // Version 0 but with tables: some other program's database.
        let tables: i64 = ro
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                [],
                |r| r.get(0),
            )
            .map_err(|_| not_db())?;
        if tables > 0 {
            return Err(not_db());
        }
    }
    Ok(version)
}

/// The durability every opened store gets: `synchronous = FULL` (2). In WAL
/// mode the log is synced at every commit, so a commit that has returned (a
/// fair's visitor count, a sign-up) survives a power cut, not only a crash
/// of the app; with `NORMAL` the last commits could be rolled back by a
/// power cut. One fsync per commit costs little in an app that writes on a
/// click.
pub const SYNCHRONOUS_FULL: i64 = 2;

/// The page cache every opened store gets, in KiB (SQLite's `cache_size`
/// takes a negative number as KiB): 32 MiB, room for the whole file of a
/// programme with 10,000 partners (about 30 MB), so that a page such as
/// Overblik, whose reads together touch more than SQLite's default 2 MiB,
/// does not read the same pages from the file again on every visit. It is
/// filled only as pages are read.
pub const CACHE_KIB: i64 = 32 * 1024;

/// How many prepared statements a store keeps (rusqlite's default is 16).
/// The cache drops the least recently used, so a page that cycles through
/// more different statements than it keeps (one Overblik runs 22 across the
/// areas) prepares each of them again on every visit.
pub const STATEMENT_CACHE: usize = 128;

pub(crate) fn configure(conn: &Connection) -> Result<(), StoreError> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", SYNCHRONOUS_FULL)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    Ok(())
}

/// Applies every migration newer than the database's `user_version`, all in
/// one transaction.
pub fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let current: u32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let known = schema_version();
    if current > known {
        return Err(StoreError::NewerSchema {
            found: current,
            known,
        });
    }
    if current == known {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for (_, sql) in &MIGRATIONS[current as usize..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", known)?;
    tx.commit()?;
    Ok(())
}

/// Row counts of every table, for `sundby info`.
pub fn table_counts(conn: &Connection) -> Result<Vec<(String, i64)>, StoreError> {
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    names
        .into_iter()
        .map(|name| {
            // Table names come from sqlite_master, not from user input.
            let sql = format!("SELECT count(*) FROM \"{}\"", name.replace('"', "\"\""));
            let count: i64 = conn.query_row(&sql, [], |r| r.get(0))?;
            Ok((name, count))
        })
        .collect()
}

/// The current time as stored in `created_at`/`updated_at` columns.
pub fn now() -> String {
    Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

/// A fresh UUID key for a record that may be created on two machines.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_from_empty_reach_the_current_version() {
        let store = Store::open_in_memory().unwrap();
        let v: u32 = store
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, schema_version());
        let goals: i64 = store
            .conn
            .query_row("SELECT count(*) FROM goals", [], |r| r.get(0))
            .unwrap();
        assert_eq!(goals, 7);
    }

    #[test]
    fn migrating_twice_changes_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        migrate(&mut store.conn).unwrap();
        let goals: i64 = store
            .conn
            .query_row("SELECT count(*) FROM goals", [], |r| r.get(0))
            .unwrap();
        assert_eq!(goals, 7);
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", schema_version() + 1)
            .unwrap();
        assert!(matches!(
            migrate(&mut conn),
            Err(StoreError::NewerSchema { .. })
        ));
    }

    #[test]
    fn migration_006_moves_legacy_import_snapshots_out_of_app_settings() {
        let mut conn = Connection::open_in_memory().unwrap();
        configure(&conn).unwrap();
        let tx = conn.transaction().unwrap();
        for (name, sql) in MIGRATIONS {
            if *name == "006_import_undo" {
                break;
            }
            tx.execute_batch(sql).unwrap();
        }
        tx.pragma_update(None, "user_version", 5).unwrap();
        tx.commit().unwrap();
        conn.execute_batch(
            "INSERT INTO import_batches (id, file_name, created_at) VALUES ('b1', 'a.csv', 'x');
             INSERT INTO partners (id, name, name_key, sort_key, kind, status, created_at, updated_at)
                 VALUES ('p1', 'A', 'a', 'a', 'forening', 'aktiv', 'x', 'x');
             INSERT INTO app_settings (key, value) VALUES
                 ('import_undo:b1', '[{\"partner_id\":\"p1\",\"tables\":[]},{\"partner_id\":\"gone\",\"tables\":[]}]'),
                 ('import_undo:gone', '[{\"partner_id\":\"p1\",\"tables\":[]}]');",
        )
        .unwrap();
        migrate(&mut conn).unwrap();
        let moved: Vec<(String, String, String)> = conn
            .prepare("SELECT batch_id, partner_id, snapshot FROM import_undo_snapshots")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(
            moved,
            [(
                "b1".to_string(),
                "p1".to_string(),
                r#"{"partner_id":"p1","tables":[]}"#.to_string()
            )]
        );
        let left: i64 = conn
            .query_row(
                "SELECT count(*) FROM app_settings WHERE key LIKE 'import%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0);
    }

    #[test]
    fn backups_are_listed_newest_first_and_only_ours_are_deleted() {
        let dir = tempfile::tempdir().unwrap();
        assert!(backups(dir.path()).unwrap().is_empty(), "no folder yet");
        let b = dir.path().join(BACKUP_DIR);
        std::fs::create_dir_all(&b).unwrap();
        std::fs::write(b.join("sundby-v2-20260101T100000.000Z.sqlite3"), b"old").unwrap();
        std::fs::write(b.join("sundby-v5-20261130T223015.123Z.sqlite3"), b"newer").unwrap();
        std::fs::write(b.join("notes.txt"), b"mine").unwrap();
        std::fs::write(b.join("sundby-vX-nope.sqlite3"), b"?").unwrap();
        let list = backups(dir.path()).unwrap();
        assert_eq!(
            list,
            [
                Backup {
                    file_name: "sundby-v5-20261130T223015.123Z.sqlite3".into(),
                    version: 5,
                    taken_at: "2026-11-30T22:30:15Z".into(),
                    bytes: 5,
                    kind: "migration".into(),
                },
                Backup {
                    file_name: "sundby-v2-20260101T100000.000Z.sqlite3".into(),
                    version: 2,
                    taken_at: "2026-01-01T10:00:00Z".into(),
                    bytes: 3,
                    kind: "migration".into(),
                },
            ]
        );
        assert_eq!(delete_backups(dir.path()).unwrap(), 2);
        assert!(backups(dir.path()).unwrap().is_empty());
        let mut left: Vec<String> = std::fs::read_dir(&b)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["notes.txt", "sundby-vX-nope.sqlite3"]);
    }

    #[test]
    fn a_backup_taken_before_migrating_is_listed() {
        let dir = tempfile::tempdir().unwrap();
        {
            let conn = Connection::open(dir.path().join(DB_FILE)).unwrap();
            conn.execute_batch(MIGRATIONS[0].1).unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
        }
        let (_store, report) = Store::open_dir(dir.path()).unwrap();
        let taken = report.backup.unwrap();
        let list = backups(dir.path()).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].version, 1);
        assert_eq!(
            Some(list[0].file_name.as_str()),
            taken.file_name().and_then(|n| n.to_str())
        );
    }

    #[test]
    fn an_opened_store_syncs_every_commit() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open_dir(dir.path()).unwrap();
        let sync: i64 = store
            .conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap();
        assert_eq!(sync, SYNCHRONOUS_FULL);
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    #[test]
    fn open_file_refuses_what_is_not_ours_and_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.sqlite3");
        assert!(matches!(
            Store::open_file(&missing, dir.path()),
            Err(StoreError::NotADatabase(_))
        ));
        assert!(!missing.exists());
        let junk = dir.path().join("junk.sqlite3");
        std::fs::write(&junk, b"not a database at all").unwrap();
        assert!(matches!(
            Store::open_file(&junk, dir.path()),
            Err(StoreError::NotADatabase(_))
        ));
        assert_eq!(std::fs::read(&junk).unwrap(), b"not a database at all");
    }

    #[test]
    fn foreign_keys_are_enforced() {
        let store = Store::open_in_memory().unwrap();
        let err = store.conn.execute(
            "INSERT INTO partner_goals (partner_id, goal_id) VALUES ('nope', 'nope')",
            [],
        );
        assert!(err.is_err());
    }
}
