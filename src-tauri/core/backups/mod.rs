//! Automatic backups and restore (issue 15), built on the store's one way to
//! copy the database ([`store::backup_into`]: the online backup API, checked
//! with `PRAGMA integrity_check`).
//!
//! - [`daily`] at the first start of a day, [`closing`] when the app closes
//!   after changes, [`take`] on demand ("Tag sikkerhedskopi nu",
//!   `sundby backup`). Each copy goes into `backups/` beside the database and,
//!   when one is chosen, into a second folder (a USB stick, a network drive);
//!   then [`rotation`] thins both folders.
//! - [`restore`] first backs up the current database, then copies the backup
//!   into a checked temporary file, brings it to this version's schema,
//!   applies the erasure log (the database's and the file's), and replaces the
//!   live database with it in one step through the online backup API, on the
//!   open connection (no file is swapped under an open handle).
//! - [`status`] is what Indstillinger shows: the copies with their counts,
//!   the last good one, the warning after [`WARN_AFTER_DAYS`] days without.
//! - [`location`] warns about a data folder on a network drive or in a sync
//!   client's folder.

pub mod location;
pub mod rotation;

use crate::i18n::{Lang, Localize};
use crate::partners::{self, erasure, PartnerError};
use crate::settings::{self, SettingsError};
use crate::store::{self, Backup, CopyKind, Store, StoreError, BACKUP_DIR};
use crate::validate::{Problem, ValidationError};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub use rotation::Rotation;

/// The preference holding [`BackupSettings`] as JSON.
pub const PREF_KEY: &str = "backup.settings";
/// The header warns when the last good copy is older than this.
pub const WARN_AFTER_DAYS: i64 = 7;
/// Longest second-folder path.
pub const MAX_FOLDER: usize = 1000;

/// Errors of backing up and restoring.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// An in-memory database has no folder to back up into.
    #[error("the database has no data folder")]
    NoDataDir,
    #[error("no backup named {0}")]
    NotFound(String),
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Partners(#[from] PartnerError),
    #[error(transparent)]
    Settings(#[from] SettingsError),
}

impl From<rusqlite::Error> for BackupError {
    fn from(e: rusqlite::Error) -> Self {
        BackupError::Store(StoreError::Sqlite(e))
    }
}

impl Localize for BackupError {
    fn code(&self) -> &'static str {
        match self {
            BackupError::NoDataDir => "backups.no_data_dir",
            BackupError::NotFound(_) => "backups.not_found",
            BackupError::Invalid(e) => e.code(),
            BackupError::Store(e) => e.code(),
            BackupError::Partners(e) => e.code(),
            BackupError::Settings(e) => e.code(),
        }
    }

    fn field(&self) -> Option<&'static str> {
        match self {
            BackupError::Invalid(e) => e.field(),
            _ => None,
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::Da, BackupError::NoDataDir) => {
                "Databasen har ingen datamappe at tage sikkerhedskopier i.".into()
            }
            (Lang::En, BackupError::NoDataDir) => {
                "The database has no data folder to keep backups in.".into()
            }
            (Lang::Da, BackupError::NotFound(n)) => {
                format!("Sikkerhedskopien {n} findes ikke (længere). Opdatér listen.")
            }
            (Lang::En, BackupError::NotFound(n)) => {
                format!("The backup {n} does not exist (any more). Refresh the list.")
            }
            (_, BackupError::Invalid(e)) => e.message(lang),
            (_, BackupError::Store(e)) => e.message(lang),
            (_, BackupError::Partners(e)) => e.message(lang),
            (_, BackupError::Settings(e)) => e.message(lang),
        }
    }
}

pub type Result<T> = std::result::Result<T, BackupError>;

/// What Indstillinger sets: the rotation and the second folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct BackupSettings {
    #[serde(default)]
    pub rotation: Rotation,
    /// An absolute folder that receives a copy of every backup too ("" = none).
    #[serde(default)]
    pub second_folder: String,
}

/// The settings stored, or the defaults.
pub fn backup_settings(conn: &Connection) -> Result<BackupSettings> {
    Ok(settings::pref(conn, PREF_KEY)?
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default())
}

/// Validates and stores the settings.
pub fn save_settings(conn: &Connection, input: &BackupSettings) -> Result<BackupSettings> {
    for (field, n) in [
        ("backup_days", input.rotation.days),
        ("backup_weeks", input.rotation.weeks),
        ("backup_months", input.rotation.months),
    ] {
        if n > rotation::MAX_KEEP {
            return Err(ValidationError::new(
                field,
                Problem::TooLarge {
                    max: i64::from(rotation::MAX_KEEP),
                },
            )
            .into());
        }
    }
    let folder = input.second_folder.trim().to_string();
    if folder.chars().count() > MAX_FOLDER {
        return Err(
            ValidationError::new("backup_folder", Problem::TooLong { max: MAX_FOLDER }).into(),
        );
    }
    if !folder.is_empty() && !Path::new(&folder).is_absolute() {
        return Err(ValidationError::new("backup_folder", Problem::InvalidChoice).into());
    }
    let clean = BackupSettings {
        rotation: input.rotation,
        second_folder: folder,
    };
    let json = serde_json::to_string(&clean).map_err(|e| {
        BackupError::Store(StoreError::Sqlite(rusqlite::Error::ToSqlConversionFailure(
            Box::new(e),
        )))
    })?;
    settings::set_pref(conn, PREF_KEY, &json)?;
    Ok(clean)
}

/// A copy just taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Taken {
    pub path: PathBuf,
    pub file_name: String,
    pub bytes: u64,
    /// `Some(true)`: the second folder got its copy; `Some(false)`: it could
    /// not be written (unplugged, full, no access); `None`: none is set.
    pub second_folder_ok: Option<bool>,
    /// Copies the rotation deleted (in both folders).
    pub rotated_out: u32,
}

fn data_dir(store: &Store) -> Result<&Path> {
    store.data_dir.as_deref().ok_or(BackupError::NoDataDir)
}

/// Every folder holding backups of the database `conn` has open: `backups/`
/// beside it and the second folder when one is set (what an erasure scrubs).
/// None for an in-memory database.
pub fn copy_folders(conn: &Connection) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = erasure::backups_of(conn).into_iter().collect();
    if out.is_empty() {
        return out;
    }
    if let Ok(cfg) = backup_settings(conn) {
        if !cfg.second_folder.is_empty() {
            out.push(PathBuf::from(cfg.second_folder));
        }
    }
    out
}

/// Takes a copy now into `backups/` (and the second folder), then rotates.
pub fn take(store: &Store, kind: CopyKind) -> Result<Taken> {
    take_at(store, kind, Utc::now())
}

fn take_at(store: &Store, kind: CopyKind, now: DateTime<Utc>) -> Result<Taken> {
    let dir = data_dir(store)?;
    let cfg = backup_settings(&store.conn)?;
    let path = store::backup_into(&store.conn, &dir.join(BACKUP_DIR), kind)?;
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let today = day_in_denmark(now);
    let mut rotated_out = rotate(&dir.join(BACKUP_DIR), cfg.rotation, today)?;
    let second_folder_ok = if cfg.second_folder.is_empty() {
        None
    } else {
        // The same name in both folders: one copy, two places.
        let second = PathBuf::from(&cfg.second_folder);
        let ok = std::fs::create_dir_all(&second).is_ok()
            && store::backup_to(&store.conn, &second.join(file_name(&path)), false).is_ok();
        if ok {
            rotated_out += rotate(&second, cfg.rotation, today).unwrap_or(0);
        }
        Some(ok)
    };
    Ok(Taken {
        file_name: file_name(&path),
        path,
        bytes,
        second_folder_ok,
        rotated_out,
    })
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Deletes the copies in `dir` the rotation does not keep. Returns how many.
pub fn rotate(dir: &Path, rotation: Rotation, today: NaiveDate) -> Result<u32> {
    let copies = store::copies::list_folder(dir)?;
    let dated: Vec<rotation::Dated> = copies
        .iter()
        .filter_map(|b| {
            let t = DateTime::parse_from_rfc3339(&b.taken_at).ok()?;
            Some(rotation::Dated {
                name: b.file_name.clone(),
                taken_at: t.with_timezone(&Utc),
                pinned: b.kind == CopyKind::MIGRATION.0,
            })
        })
        .collect();
    let keep = rotation::keep(&dated, rotation, today);
    let mut n = 0;
    for b in &copies {
        if !keep.contains(&b.file_name) {
            store::copies::delete_copy(dir, &b.file_name)?;
            n += 1;
        }
    }
    Ok(n)
}

/// A copy that counts as a backup (not one taken before a migration).
fn is_backup(b: &Backup) -> bool {
    b.kind != CopyKind::MIGRATION.0
}

/// The first start of a day: a copy unless one was taken today already.
pub fn daily(store: &Store) -> Result<Option<Taken>> {
    let dir = data_dir(store)?;
    let now = Utc::now();
    let today = day_in_denmark(now);
    let had_one = store::backups(dir)?
        .iter()
        .filter(|b| is_backup(b))
        .any(|b| {
            DateTime::parse_from_rfc3339(&b.taken_at)
                .map(|t| day_in_denmark(t.with_timezone(&Utc)) == today)
                .unwrap_or(false)
        });
    if had_one {
        return Ok(None);
    }
    take_at(store, CopyKind::DAILY, now).map(Some)
}

/// When the app closes: a copy when anything was written since `baseline`
/// (the connection's `total_changes()` after the start-up's own work).
pub fn closing(store: &Store, baseline: u64) -> Result<Option<Taken>> {
    if store.conn.total_changes() <= baseline {
        return Ok(None);
    }
    take(store, CopyKind::CLOSING).map(Some)
}

/// A copy as Indstillinger lists it: the file and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listed {
    #[serde(flatten)]
    pub backup: Backup,
    /// False when the copy does not open as a healthy database.
    pub ok: bool,
    pub partners: i64,
    pub diplomas: i64,
    pub grants: i64,
}

/// What Indstillinger shows about backups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Status {
    pub settings: BackupSettings,
    pub folder: String,
    pub copies: Vec<Listed>,
    /// When the newest good backup was taken (UTC, RFC 3339).
    pub last_good: Option<String>,
    /// True when there has been none for [`WARN_AFTER_DAYS`] days.
    pub warn: bool,
}

/// The counts a copy holds (partners not in the bin, diplomas issued, grant
/// applications), read on a read-only connection.
pub fn counts_of(path: &Path) -> Option<(i64, i64, i64)> {
    store::inspect(path).ok()?;
    let ro = Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    let counts = store::table_counts(&ro).ok()?;
    let of = |t: &str| {
        counts
            .iter()
            .find(|(n, _)| n == t)
            .map(|(_, c)| *c)
            .unwrap_or(0)
    };
    let partners = partners::store::count(&ro).unwrap_or_else(|_| of("partners"));
    Some((partners, of("diplomas"), of("grant_applications")))
}

/// The copies in `backups/` with their counts, the last good one and the
/// warning.
pub fn status(store: &Store) -> Result<Status> {
    let dir = data_dir(store)?;
    let folder = dir.join(BACKUP_DIR);
    let mut copies = Vec::new();
    for b in store::backups(dir)? {
        let counts = counts_of(&folder.join(&b.file_name));
        let (partners, diplomas, grants) = counts.unwrap_or_default();
        copies.push(Listed {
            ok: counts.is_some(),
            backup: b,
            partners,
            diplomas,
            grants,
        });
    }
    let last_good = copies
        .iter()
        .find(|c| c.ok && is_backup(&c.backup))
        .map(|c| c.backup.taken_at.clone());
    let warn = last_good
        .as_deref()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .is_none_or(|t| (Utc::now() - t.with_timezone(&Utc)).num_days() >= WARN_AFTER_DAYS);
    Ok(Status {
        settings: backup_settings(&store.conn)?,
        folder: folder.display().to_string(),
        copies,
        last_good,
        warn,
    })
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Restored {
    /// The copy restored (its file name).
    pub restored: String,
    /// When that copy was taken, when its name says.
    pub taken_at: Option<String>,
    /// The copy of the database as it was just before.
    pub before: String,
    pub partners: i64,
    pub diplomas: i64,
    pub grants: i64,
    /// Partners erased after the copy was taken, erased again now.
    pub erased_again: u32,
}

/// Restores the copy named `file_name` in `backups/`.
pub fn restore_named(store: &mut Store, file_name: &str) -> Result<Restored> {
    let dir = data_dir(store)?.join(BACKUP_DIR);
    if file_name.contains(['/', '\\']) || store::copies::parse_backup_name(file_name).is_none() {
        return Err(BackupError::NotFound(file_name.to_string()));
    }
    let path = dir.join(file_name);
    if !path.is_file() {
        return Err(BackupError::NotFound(file_name.to_string()));
    }
    restore(store, &path)
}

/// Restores the database from the copy at `path` (see the module docs).
/// The file at `path` is only read.
pub fn restore(store: &mut Store, path: &Path) -> Result<Restored> {
    let dir = data_dir(store)?.to_path_buf();
    // Refused before anything changes: not ours, damaged, or newer.
    store::inspect(path)?;
    let tmp = dir.join(format!(
        ".sundby-restore-{}.sqlite3",
        uuid::Uuid::new_v4().simple()
    ));
    let result = (|| {
        {
            let src =
                Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            store::backup_to(&src, &tmp, false)?;
        }
        // Read first: the backup of the current state rotates the folder
        // the copy may be in.
        let before = take(store, CopyKind::BEFORE_RESTORE)?;
        let log = erasure::union(
            &erasure::entries(&store.conn)?,
            &erasure::read_file(&dir.join(erasure::LOG_FILE)),
        );
        let erased_again = {
            let mut copy = Connection::open(&tmp)?;
            copy.pragma_update(None, "journal_mode", "DELETE")?;
            copy.pragma_update(None, "foreign_keys", "ON")?;
            store::migrate(&mut copy)?;
            erasure::apply(&mut copy, &log)?
        };
        if !store::passes_integrity_check(&tmp) {
            return Err(StoreError::CopyDamaged(tmp.clone()).into());
        }
        // One step, on the open connection: the live database becomes the
        // prepared copy or stays as it was.
        store.conn.restore(
            rusqlite::MAIN_DB,
            &tmp,
            None::<fn(rusqlite::backup::Progress)>,
        )?;
        let _ = store
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        let _ = erasure::sync_file(&store.conn);
        let (partners, diplomas, grants) = counts_of(&dir.join(store::DB_FILE)).unwrap_or_default();
        Ok(Restored {
            restored: file_name(path),
            taken_at: store::copies::parse_backup_name(&file_name(path)).map(|(_, t, _)| t),
            before: before.file_name.clone(),
            partners,
            diplomas,
            grants,
            erased_again,
        })
    })();
    let _ = std::fs::remove_file(&tmp);
    let _ = std::fs::remove_file(tmp.with_extension("sqlite3-journal"));
    result
}

/// At start-up: the erasure log's file is applied to the database (a copy
/// put in place by hand stays erased too) and the file brought up to date.
/// Returns how many partners were erased again.
pub fn on_open(store: &mut Store) -> Result<u32> {
    let Some(dir) = store.data_dir.clone() else {
        return Ok(0);
    };
    let from_file = erasure::read_file(&dir.join(erasure::LOG_FILE));
    let n = if from_file.is_empty() {
        0
    } else {
        erasure::apply(&mut store.conn, &from_file)?
    };
    let _ = erasure::sync_file(&store.conn);
    remove_stale_temporaries(&dir);
    remove_stale_temporaries(&dir.join(BACKUP_DIR));
    Ok(n)
}

/// Temporary files of a copy or restore that was cut off (a crash, a power
/// cut) are removed once they are an hour old (a younger one may belong to a
/// CLI run at this very moment).
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let hour = std::time::Duration::from_secs(3600);
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let ours = name.starts_with(".sundby-restore-") || name.starts_with(".sundby-copy-");
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > hour);
        if ours && old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// The day in Denmark at the instant `t`.
fn day_in_denmark(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&chrono_tz::Europe::Copenhagen).date_naive()
}
