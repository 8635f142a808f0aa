//! The Tauri command boundary: shared state, and the conversion of every core
//! error into `{code, message, field}` in the user's language. Commands are
//! thin: they take the store, call one core function and translate the result.
//! One file per area; this file holds what they share, and [`list`] names
//! every command.

pub mod list;
pub mod settings;
// the "Om Sund By Partner" page (issue 16)
pub mod about;
// saving documents: the documents folder and the save dialog
pub mod files;
// ── partners (issue 3) ──
pub mod partner_io;
pub mod partners;

// ── diplomas (issue 4) ──
pub mod diplomas;

// ── events (issue 5) ──
pub mod events;

// ── grants (issue 6) ──
pub mod grants;
// ── reports (issue 12) ──
pub mod reports;

// ── data safety and privacy (issue 15) ──
pub mod safety;
// ── activities, follow-ups and the Overblik (issue 17) ──
pub mod activities;
pub mod overview;

pub mod fair;
pub mod sync;

// ── awards (issue 11) ──
pub mod awards;

// ── publications (issue 14) ──
pub mod publications;

use rusqlite::Connection;
use serde::Serialize;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use sundby_core::i18n::{Lang, Localize};
use sundby_core::store::{Store, StoreError};

/// What every command receives through Tauri state: the one open database
/// (or why it could not be opened) and the data directory.
pub struct AppState {
    /// Behind one lock so that "Åbn en kopi" / "Luk kopien" can replace the
    /// open database while no command holds it ([`AppState::replace`]).
    store: Mutex<Result<Store, StoreError>>,
    /// The partner list's search index, kept beside the one connection it
    /// belongs to (locked only while the store is locked).
    partner_index: Mutex<sundby_core::partners::ListIndex>,
    pub data_dir: Option<PathBuf>,
    /// The connection's `total_changes()` after the start-up's own work: a
    /// higher count at closing means a backup is due.
    changes_at_start: AtomicU64,
    /// Why the copy remembered from the last run ("Åbn en kopi") could not
    /// be opened at start, so the office database opened instead: said once
    /// in the window, then forgotten.
    start_notice: Mutex<Option<sundby_core::sync::SyncError>>,
}

/// The error a command returns to the UI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommandError {
    pub code: &'static str,
    pub message: String,
    pub field: Option<&'static str>,
}

impl CommandError {
    pub fn from_error<E: Localize>(e: &E, lang: Lang) -> Self {
        CommandError {
            code: e.code(),
            message: e.message(lang),
            field: e.field(),
        }
    }
}

/// Environment variable that stops the app from handing files to other
/// programs (the PDF viewer, the file manager): set by the end-to-end tests
/// and useful on a kiosk or a build server. The file is still written.
pub const NO_OPEN_ENV: &str = "SUNDBY_NO_OPEN";

/// Whether saved files may be opened in the system's programs.
pub fn may_open_files() -> bool {
    std::env::var_os(NO_OPEN_ENV).is_none_or(|v| v.is_empty())
}

/// The result type of every command.
pub type CmdResult<T> = Result<T, CommandError>;

impl AppState {
    pub fn new(store: Result<Store, StoreError>, data_dir: Option<PathBuf>) -> Self {
        AppState {
            store: Mutex::new(store),
            partner_index: Mutex::new(sundby_core::partners::ListIndex::new()),
            data_dir,
            changes_at_start: AtomicU64::new(0),
            start_notice: Mutex::new(None),
        }
    }

    /// Keeps why the remembered copy did not open at start (see
    /// `sync::open::at_start`), for [`AppState::take_start_notice`].
    pub fn set_start_notice(&self, why: Option<sundby_core::sync::SyncError>) {
        *self
            .start_notice
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = why;
    }

    /// The start notice, once: the window shows it and it is gone.
    pub fn take_start_notice(&self) -> Option<CommandError> {
        let why = self
            .start_notice
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()?;
        Some(CommandError::from_error(&why, self.lang()))
    }

    /// The start-up's safety work (issue 15), on an opened store: the
    /// erasure log's file applied, the first backup of the day taken. A
    /// failure here never keeps the window from opening; the backup card
    /// shows the state.
    pub fn start_up(&self) {
        let mut guard = self.lock();
        if let Ok(store) = &mut *guard {
            let _ = sundby_core::backups::on_open(store);
            let _ = sundby_core::backups::daily(store);
            self.changes_at_start
                .store(store.conn.total_changes(), Ordering::SeqCst);
        }
    }

    /// When the app closes: a backup when anything was written.
    pub fn closing(&self) {
        let guard = self.lock();
        if let Ok(store) = &*guard {
            let baseline = self.changes_at_start.load(Ordering::SeqCst);
            if sundby_core::backups::closing(store, baseline).is_ok() {
                self.changes_at_start
                    .store(store.conn.total_changes(), Ordering::SeqCst);
            }
        }
    }

    // A panic in another command must not lock the user out of their data.
    fn lock(&self) -> std::sync::MutexGuard<'_, Result<Store, StoreError>> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Replaces the open database ("Åbn en kopi", "Luk kopien"): the one
    /// being left gets its closing backup and is closed (its connection
    /// dropped, so a copy's log is written back into its one file), the new
    /// one gets the start-up's work. `open` runs while the store is held, so
    /// no command sees a half-switched state; when it fails, nothing changes.
    pub fn replace<E: Localize>(
        &self,
        open: impl FnOnce(&mut Store) -> Result<Store, E>,
    ) -> CmdResult<()> {
        {
            let mut guard = self.lock();
            let next = match &mut *guard {
                Ok(current) => open(current).map_err(|e| {
                    let lang = sundby_core::settings::language(&current.conn).unwrap_or_default();
                    CommandError::from_error(&e, lang)
                })?,
                Err(e) => return Err(CommandError::from_error(e, Lang::Da)),
            };
            if let Ok(current) = &*guard {
                let baseline = self.changes_at_start.load(Ordering::SeqCst);
                let _ = sundby_core::backups::closing(current, baseline);
            }
            // The old store is dropped here, closing its connection; the
            // list's index belonged to it.
            *guard = Ok(next);
            self.reset_partner_index();
        }
        self.start_up();
        Ok(())
    }

    /// Forgets the partner list's index (the database was replaced by a restore).
    pub fn reset_partner_index(&self) {
        let mut index = self.partner_index.lock().unwrap_or_else(|p| p.into_inner());
        *index = sundby_core::partners::ListIndex::new();
    }

    /// Runs `f` with the database and the partner list's index.
    pub fn with_partner_index<T, E: Localize>(
        &self,
        f: impl FnOnce(&mut Connection, &mut sundby_core::partners::ListIndex) -> Result<T, E>,
    ) -> CmdResult<T> {
        self.with(|conn| {
            let mut index = self.partner_index.lock().unwrap_or_else(|p| p.into_inner());
            f(conn, &mut index)
        })
    }

    /// The language the user has chosen (Danish while no database is open).
    pub fn lang(&self) -> Lang {
        match &*self.lock() {
            Ok(store) => sundby_core::settings::language(&store.conn).unwrap_or_default(),
            Err(_) => Lang::Da,
        }
    }

    /// A core error that arose outside [`AppState::with`] (after the store
    /// was let go), in the user's language.
    pub fn error<E: Localize>(&self, e: &E) -> CommandError {
        CommandError::from_error(e, self.lang())
    }

    /// The error that kept the database from opening, if any.
    pub fn open_error(&self) -> Option<CommandError> {
        self.lock()
            .as_ref()
            .err()
            .map(|e| CommandError::from_error(e, Lang::Da))
    }

    /// Runs `f` with the database, turning its error into a `CommandError`
    /// in the language the user has chosen.
    pub fn with<T, E: Localize>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, E>,
    ) -> CmdResult<T> {
        self.with_store(|store| f(&mut store.conn))
    }

    /// Runs `f` with the whole store (connection and data directory), turning
    /// its error into a `CommandError` in the language the user has chosen.
    pub fn with_store<T, E: Localize>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, E>,
    ) -> CmdResult<T> {
        let mut guard = self.lock();
        let store = guard
            .as_mut()
            .map_err(|e| CommandError::from_error(e, Lang::Da))?;
        f(store).map_err(|e| {
            let lang = sundby_core::settings::language(&store.conn).unwrap_or_default();
            CommandError::from_error(&e, lang)
        })
    }
}
