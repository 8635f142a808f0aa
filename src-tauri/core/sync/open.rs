//! "Åbn en kopi": the laptop opens a copy taken along, from the window.
//!
//! The app still has one database, opened once and shared: opening a copy
//! replaces the open store by the copy file (opened where it lies, e.g. on
//! the USB stick, so the laptop's work travels back in the same file), and
//! "Luk kopien" replaces it by the office database again. Which one the app
//! opens is a small launcher setting outside the database, `launcher.json`
//! in the app's data folder: a copy that was open when the power went is
//! opened again at the next start.
//!
//! Invariants: a file that is not a copy taken with this app (not ours,
//! damaged, an office database, a backup) or a copy of another schema
//! version is refused before anything writes to it, and stays byte for byte
//! the same. A remembered copy that can no longer be opened (the stick is
//! out) is forgotten and the office database opens instead.

use super::{CopyInfo, Result, SyncError};
use crate::store::{self, Store, StoreError};
use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The launcher setting's file in the app's data folder.
pub const LAUNCHER_FILE: &str = "launcher.json";

/// The folder (in the app's data folder) that holds the open copy's backups.
pub const COPY_WORK_DIR: &str = "open-copy";

#[derive(Debug, Default, Serialize, Deserialize)]
struct Launcher {
    /// The copy file to open instead of the office database.
    copy: Option<PathBuf>,
}

fn launcher_path(app_dir: &Path) -> PathBuf {
    app_dir.join(LAUNCHER_FILE)
}

/// The copy the launcher setting names, if any.
pub fn remembered(app_dir: &Path) -> Option<PathBuf> {
    let bytes = std::fs::read(launcher_path(app_dir)).ok()?;
    serde_json::from_slice::<Launcher>(&bytes).ok()?.copy
}

fn write_launcher(app_dir: &Path, launcher: &Launcher) -> Result<()> {
    let path = launcher_path(app_dir);
    let io = |source| SyncError::Io {
        path: path.clone(),
        source,
    };
    std::fs::create_dir_all(app_dir).map_err(io)?;
    let json = serde_json::to_vec_pretty(launcher).map_err(|e| io(std::io::Error::other(e)))?;
    crate::partners::erasure::write_replacing(&path, &json).map_err(io)
}

/// Checks, read-only, that `path` is a copy taken with this app, of this
/// schema version: what it is a copy of.
pub fn check(path: &Path) -> Result<CopyInfo> {
    let not_copy = || SyncError::NotACopy(path.to_path_buf());
    if !path.is_file() {
        return Err(not_copy());
    }
    let version = match store::inspect(path) {
        Ok(v) => v,
        Err(StoreError::NewerSchema { found, known }) => {
            return Err(SyncError::OtherSchema { found, known })
        }
        Err(_) => return Err(not_copy()),
    };
    if version != store::schema_version() {
        return Err(SyncError::OtherSchema {
            found: version,
            known: store::schema_version(),
        });
    }
    let ro = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|_| not_copy())?;
    let info = super::copy_info(&ro).map_err(|_| not_copy())?;
    info.ok_or_else(not_copy)
}

/// Opens the copy at `path` (checked first) as the store, its backups in
/// `app_dir/open-copy`, and remembers it in the launcher setting.
pub fn open_copy(path: &Path, app_dir: &Path) -> Result<(Store, CopyInfo)> {
    let info = check(path)?;
    let store = Store::open_file(path, &app_dir.join(COPY_WORK_DIR))?;
    write_launcher(
        app_dir,
        &Launcher {
            copy: Some(path.to_path_buf()),
        },
    )?;
    Ok((store, info))
}

/// "Luk kopien": forgets the copy and opens the office database.
pub fn close_copy(app_dir: &Path) -> Result<Store> {
    write_launcher(app_dir, &Launcher::default())?;
    Ok(Store::open_dir(app_dir)?.0)
}

/// What the app opens at start: the remembered copy when it still opens,
/// else the office database in `app_dir` (a copy that no longer opens is
/// forgotten, with the reason).
pub fn at_start(app_dir: &Path) -> (std::result::Result<Store, StoreError>, Option<SyncError>) {
    let Some(copy) = remembered(app_dir) else {
        return (Store::open_dir(app_dir).map(|(s, _)| s), None);
    };
    match open_copy(&copy, app_dir) {
        Ok((store, _)) => (Ok(store), None),
        Err(e) => {
            let _ = write_launcher(app_dir, &Launcher::default());
            (Store::open_dir(app_dir).map(|(s, _)| s), Some(e))
        }
    }
}
