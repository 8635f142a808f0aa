//! The store's error type, and the one translation of SQLite's and the
//! operating system's failures into what a person can act on: a database
//! locked by another program, a read-only file, a folder that cannot be
//! written, a full disk. Every area's errors wrap [`StoreError`], so every
//! area shows these messages instead of SQLite's English text.

use crate::i18n::{Lang, Localize};
use rusqlite::ErrorCode;
use std::io::ErrorKind;
use std::path::PathBuf;

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("the file {0} is not a Sund By Partner database, or it is damaged")]
    NotADatabase(PathBuf),
    #[error("the database has schema version {found}; this version of the app knows {known}")]
    NewerSchema { found: u32, known: u32 },
    #[error("no data directory could be found; set SUNDBY_DATA_DIR")]
    NoDataDir,
    #[error("the data directory {path} cannot be used: {source}")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("backup before migration failed: {0}")]
    Backup(rusqlite::Error),
    #[error("the backups in {path} cannot be read or deleted: {source}")]
    Backups {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A copy was written but did not pass `PRAGMA integrity_check`; it has
    /// been removed.
    #[error("the copy {0} did not pass the integrity check")]
    CopyDamaged(PathBuf),
    /// A copy exists at a path the person chose.
    #[error("{0} exists")]
    CopyExists(PathBuf),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// What went wrong underneath, in terms a person can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// Another program (or a second window) holds the database.
    Locked,
    /// The database file or its folder is read-only.
    ReadOnly,
    /// The folder cannot be written or opened (no access).
    NoAccess,
    /// The disk (or the quota) is full.
    DiskFull,
    /// The file is damaged.
    Damaged,
    /// A file with that name is there.
    Exists,
    /// Anything else.
    Other,
}

/// The cause of a SQLite failure.
pub fn sqlite_cause(e: &rusqlite::Error) -> Cause {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Cause::Locked,
        Some(ErrorCode::ReadOnly) => Cause::ReadOnly,
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => Cause::NoAccess,
        Some(ErrorCode::DiskFull) => Cause::DiskFull,
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => Cause::Damaged,
        _ => Cause::Other,
    }
}

/// The cause of an operating-system failure.
pub fn io_cause(e: &std::io::Error) -> Cause {
    match e.kind() {
        ErrorKind::AlreadyExists => Cause::Exists,
        ErrorKind::ReadOnlyFilesystem => Cause::ReadOnly,
        ErrorKind::PermissionDenied | ErrorKind::NotADirectory => Cause::NoAccess,
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge => {
            Cause::DiskFull
        }
        _ => Cause::Other,
    }
}

impl Cause {
    /// The stable code's last part.
    fn code(self) -> &'static str {
        match self {
            Cause::Locked => "store.locked",
            Cause::ReadOnly => "store.read_only",
            Cause::NoAccess => "store.no_access",
            Cause::DiskFull => "store.disk_full",
            Cause::Damaged => "store.damaged",
            Cause::Exists => "store.exists",
            Cause::Other => "store.sqlite",
        }
    }

    /// What happened and what to do; `None` for [`Cause::Other`].
    pub fn message(self, lang: Lang) -> Option<&'static str> {
        Some(match (lang, self) {
            (Lang::Da, Cause::Locked) => "Databasen er optaget af et andet program (måske Sund By Partner i et andet vindue, en synkroniseringstjeneste eller et backupprogram). Luk det andet program, og prøv igen. Intet af det gemte er gået tabt.",
            (Lang::En, Cause::Locked) => "The database is in use by another program (perhaps Sund By Partner in another window, a sync service or a backup program). Close the other program and try again. Nothing saved has been lost.",
            (Lang::Da, Cause::ReadOnly) => "Databasen er skrivebeskyttet: filen eller mappen må kun læses (fx et drev uden skriveadgang). Ændringen er ikke gemt. Flyt datamappen til en mappe du kan skrive i, eller fjern skrivebeskyttelsen. Intet af det gemte er gået tabt.",
            (Lang::En, Cause::ReadOnly) => "The database is read-only: the file or folder may only be read (e.g. a drive without write access). The change has not been saved. Move the data folder to a folder you can write in, or remove the protection. Nothing saved before has been lost.",
            (Lang::Da, Cause::NoAccess) => "Der er ikke adgang til at skrive i datamappen. Ændringen er ikke gemt. Giv din bruger skriveadgang til mappen, eller brug en anden mappe. Intet af det gemte er gået tabt.",
            (Lang::En, Cause::NoAccess) => "There is no access to write in the data folder. The change has not been saved. Give your user write access to the folder or use another folder. Nothing saved before has been lost.",
            (Lang::Da, Cause::DiskFull) => "Der er ikke mere plads på drevet. Ændringen er ikke gemt, og databasen er uændret. Gør plads (tøm papirkurven, slet store filer), og prøv igen.",
            (Lang::En, Cause::DiskFull) => "The drive is full. The change has not been saved and the database is unchanged. Free some space (empty the bin, delete large files) and try again.",
            (Lang::Da, Cause::Damaged) => "Databasefilen er beskadiget. Luk programmet, og gendan den seneste sikkerhedskopi under Indstillinger → Data og sikkerhedskopier.",
            (Lang::En, Cause::Damaged) => "The database file is damaged. Close the app and restore the latest backup in Settings → Data and backups.",
            (Lang::Da, Cause::Exists) => "Der findes allerede en fil med det navn. Den bliver ikke overskrevet. Vælg et andet navn.",
            (Lang::En, Cause::Exists) => "A file with that name exists already. It is not overwritten. Choose another name.",
            (_, Cause::Other) => return None,
        })
    }
}

impl StoreError {
    /// The underlying cause, when SQLite or the OS said what it was.
    pub fn cause(&self) -> Cause {
        match self {
            StoreError::Sqlite(e) | StoreError::Backup(e) => sqlite_cause(e),
            StoreError::DataDir { source, .. } | StoreError::Backups { source, .. } => {
                io_cause(source)
            }
            StoreError::CopyExists(_) => Cause::Exists,
            _ => Cause::Other,
        }
    }
}

impl Localize for StoreError {
    fn code(&self) -> &'static str {
        match self {
            StoreError::NotADatabase(_) => "store.not_a_database",
            StoreError::NewerSchema { .. } => "store.newer_schema",
            StoreError::CopyDamaged(_) => "store.copy_damaged",
            StoreError::CopyExists(_) => "store.exists",
            StoreError::NoDataDir => "store.data_dir",
            _ => match self.cause() {
                Cause::Other => match self {
                    StoreError::DataDir { .. } => "store.data_dir",
                    StoreError::Backup(_) => "store.backup",
                    StoreError::Backups { .. } => "store.backups",
                    _ => "store.sqlite",
                },
                cause => cause.code(),
            },
        }
    }

    fn message(&self, lang: Lang) -> String {
        let cause = self.cause().message(lang);
        match (lang, self) {
            (Lang::Da, StoreError::NotADatabase(p)) => format!(
                "Filen {} er ikke en Sund By Partner-database, eller den er beskadiget. Den er ikke ændret.",
                p.display()
            ),
            (Lang::En, StoreError::NotADatabase(p)) => format!(
                "The file {} is not a Sund By Partner database, or it is damaged. It has not been changed.",
                p.display()
            ),
            (Lang::Da, StoreError::NewerSchema { found, known }) => format!(
                "Databasen er skrevet af en nyere version af Sund By Partner (skemaversion {found}; denne version kender {known}). Opdatér programmet. Databasen er ikke ændret."
            ),
            (Lang::En, StoreError::NewerSchema { found, known }) => format!(
                "The database was written by a newer version of Sund By Partner (schema version {found}; this version knows {known}). Update the app. The database has not been changed."
            ),
            (Lang::Da, StoreError::NoDataDir) => {
                "Der blev ikke fundet en datamappe. Angiv SUNDBY_DATA_DIR.".to_string()
            }
            (Lang::En, StoreError::NoDataDir) => {
                "No data directory was found. Set SUNDBY_DATA_DIR.".to_string()
            }
            (Lang::Da, StoreError::CopyDamaged(p)) => format!(
                "Sikkerhedskopien {} bestod ikke kontrollen og er fjernet. Databasen er uændret. Prøv igen; sker det igen, så tjek drevet.",
                p.display()
            ),
            (Lang::En, StoreError::CopyDamaged(p)) => format!(
                "The backup {} did not pass the check and has been removed. The database is unchanged. Try again; if it happens again, check the drive.",
                p.display()
            ),
            (Lang::Da, StoreError::CopyExists(p)) => format!(
                "Filen {} findes allerede og bliver ikke overskrevet. Vælg et andet navn (eller --force for at overskrive).",
                p.display()
            ),
            (Lang::En, StoreError::CopyExists(p)) => format!(
                "The file {} already exists and is not overwritten. Choose another name (or --force to overwrite).",
                p.display()
            ),
            (Lang::Da, StoreError::DataDir { path, .. }) => format!(
                "Datamappen {} kan ikke bruges. {}",
                path.display(),
                cause.unwrap_or("Tjek at mappen findes, og at du kan skrive i den.")
            ),
            (Lang::En, StoreError::DataDir { path, .. }) => format!(
                "The data folder {} cannot be used. {}",
                path.display(),
                cause.unwrap_or("Check that the folder exists and that you can write in it.")
            ),
            (Lang::Da, StoreError::Backup(_)) => format!(
                "Sikkerhedskopien kunne ikke tages. {}",
                cause.unwrap_or("Databasen er uændret. Prøv igen.")
            ),
            (Lang::En, StoreError::Backup(_)) => format!(
                "The backup could not be made. {}",
                cause.unwrap_or("The database is unchanged. Try again.")
            ),
            (Lang::Da, StoreError::Backups { path, .. }) => format!(
                "Sikkerhedskopierne i {} kan ikke læses eller slettes. {}",
                path.display(),
                cause.unwrap_or("Tjek at mappen findes, og at du har adgang til den.")
            ),
            (Lang::En, StoreError::Backups { path, .. }) => format!(
                "The backups in {} cannot be read or deleted. {}",
                path.display(),
                cause.unwrap_or("Check that the folder exists and that you have access to it.")
            ),
            (Lang::Da, StoreError::Sqlite(e)) => match cause {
                Some(m) => m.to_string(),
                None => format!("Databasefejl: {e}"),
            },
            (Lang::En, StoreError::Sqlite(e)) => match cause {
                Some(m) => m.to_string(),
                None => format!("Database error: {e}"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite(code: i32) -> StoreError {
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(code),
            None,
        ))
    }

    #[test]
    fn each_cause_has_its_code_and_no_english_library_text() {
        let cases = [
            (sqlite(rusqlite::ffi::SQLITE_BUSY), "store.locked"),
            (sqlite(rusqlite::ffi::SQLITE_LOCKED), "store.locked"),
            (sqlite(rusqlite::ffi::SQLITE_READONLY), "store.read_only"),
            (sqlite(rusqlite::ffi::SQLITE_FULL), "store.disk_full"),
            (sqlite(rusqlite::ffi::SQLITE_CANTOPEN), "store.no_access"),
            (sqlite(rusqlite::ffi::SQLITE_CORRUPT), "store.damaged"),
        ];
        for (e, code) in cases {
            assert_eq!(e.code(), code);
            for lang in [Lang::Da, Lang::En] {
                let m = e.message(lang);
                for raw in [
                    "database is locked",
                    "readonly",
                    "disk is full",
                    "unable to open",
                ] {
                    assert!(!m.contains(raw), "{m}");
                }
            }
        }
        assert!(sqlite(rusqlite::ffi::SQLITE_FULL)
            .message(Lang::Da)
            .contains("ikke mere plads"));
    }

    #[test]
    fn a_data_folder_that_is_a_file_does_not_show_the_os_text() {
        let e = StoreError::DataDir {
            path: PathBuf::from("/tmp/x"),
            source: std::io::Error::from_raw_os_error(17),
        };
        assert_eq!(e.code(), "store.exists");
        let m = e.message(Lang::Da);
        assert!(!m.contains("os error") && !m.contains("File exists"), "{m}");
        let full = StoreError::DataDir {
            path: PathBuf::from("/tmp/x"),
            source: std::io::Error::from(ErrorKind::StorageFull),
        };
        assert_eq!(full.code(), "store.disk_full");
    }
}
