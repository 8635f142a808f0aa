//! Taking a copy of the database along (to a fair) and merging it back.
//!
//! - [`copy::take`] writes a consistent copy with the store's online backup
//!   ([`crate::store::backup_into`]): the backup is the *base snapshot*, kept
//!   beside the office database, and the copy file is that snapshot marked as
//!   a copy (its own device id, the id of the `copies_out` row).
//! - [`merge::preview`] compares base, copy and office three ways, table by
//!   table from the one list [`TABLES`], and changes nothing.
//! - [`merge::apply`] does the same inside one `BEGIN IMMEDIATE` transaction,
//!   applies the copy's changes, keeps every losing value in `merge_history`
//!   ([`history`]) and marks the copy merged (a copy is merged only once).
//!
//! Why a table-driven differ and not SQLite's session extension: a laptop's
//! deletion must arrive as a bin move (never a hard delete), a partner erased
//! at the office must not get any personal data back, link rows whose parent
//! is gone must be skipped and recorded, and conflicts are chosen field by
//! field *before* anything is written. A changeset's conflict handler sees
//! whole rows at apply time, so every one of these would need a rewritten
//! changeset; the differ below reads the three attached databases directly
//! and is driven by [`TABLES`].
//!
//! Invariants: nothing changes on refusal (not a copy, another programme,
//! another schema version, still open on the laptop, already merged); the
//! apply is all or nothing; no value is lost (the loser of each conflict and
//! each removed row are in `merge_history`).

pub mod copy;
pub mod diff;
pub mod history;
pub mod merge;
mod meta;
pub mod open;

#[cfg(test)]
mod tests;

use crate::i18n::{Lang, Localize};
use crate::store::StoreError;
use std::path::PathBuf;

pub use copy::{copy_info, take, CopyInfo, CopyOut};
pub use history::{for_event, for_partner, HistoryEntry};
pub use merge::{apply, preview, MergeSummary, Preview};

/// How a table's rows are identified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A UUID text column `id`.
    Id,
    /// A link table: the row is its columns (e.g. partner ↔ goal).
    Link,
}

/// One table the merge knows. The merge reads only this list.
#[derive(Debug, Clone, Copy)]
pub struct TableSpec {
    pub name: &'static str,
    pub key: Key,
    /// Has `deleted_at`: a deletion on the laptop becomes a bin move here.
    pub bin: bool,
    /// The column naming the partner a row belongs to (for GDPR, the history).
    pub partner_col: Option<&'static str>,
    /// The column naming the event a row belongs to (for the history).
    pub event_col: Option<&'static str>,
    /// Columns that must exist at the office before a row is inserted:
    /// (column, table).
    pub parents: &'static [(&'static str, &'static str)],
    /// Columns computed from others: never compared, recomputed after.
    pub derived: &'static [&'static str],
    /// A UNIQUE constraint two machines could both satisfy apart: a new row
    /// that collides keeps the office's row and records the copy's.
    pub unique: &'static [&'static str],
    /// The column naming the record in the preview.
    pub label: Option<&'static str>,
}

const NONE: &[&str] = &[];

/// Every table that can be made on two machines, parents first.
pub const TABLES: &[TableSpec] = &[
    TableSpec {
        name: "import_batches",
        key: Key::Id,
        bin: false,
        partner_col: None,
        event_col: None,
        parents: &[],
        derived: NONE,
        unique: NONE,
        label: Some("file_name"),
    },
    TableSpec {
        name: "partners",
        key: Key::Id,
        bin: true,
        partner_col: Some("id"),
        event_col: None,
        parents: &[],
        derived: &["name_key", "sort_key", "search_text"],
        unique: NONE,
        label: Some("name"),
    },
    TableSpec {
        name: "contacts",
        key: Key::Id,
        bin: false,
        partner_col: Some("partner_id"),
        event_col: None,
        parents: &[("partner_id", "partners")],
        derived: NONE,
        unique: NONE,
        label: Some("name"),
    },
    TableSpec {
        name: "partner_goals",
        key: Key::Link,
        bin: false,
        partner_col: Some("partner_id"),
        event_col: None,
        parents: &[("partner_id", "partners"), ("goal_id", "goals")],
        derived: NONE,
        unique: NONE,
        label: None,
    },
    TableSpec {
        name: "partner_status_history",
        key: Key::Id,
        bin: false,
        partner_col: Some("partner_id"),
        event_col: None,
        parents: &[("partner_id", "partners")],
        derived: NONE,
        unique: NONE,
        label: Some("status"),
    },
    TableSpec {
        name: "events",
        key: Key::Id,
        bin: false,
        partner_col: None,
        event_col: Some("id"),
        parents: &[],
        derived: NONE,
        unique: NONE,
        label: Some("title"),
    },
    TableSpec {
        name: "event_goals",
        key: Key::Link,
        bin: false,
        partner_col: None,
        event_col: Some("event_id"),
        parents: &[("event_id", "events"), ("goal_id", "goals")],
        derived: NONE,
        unique: NONE,
        label: None,
    },
    TableSpec {
        name: "event_organisers",
        key: Key::Id,
        bin: false,
        partner_col: Some("partner_id"),
        event_col: Some("event_id"),
        parents: &[("event_id", "events"), ("partner_id", "partners")],
        derived: NONE,
        unique: NONE,
        label: Some("partner_name"),
    },
    TableSpec {
        name: "event_participants",
        key: Key::Id,
        bin: false,
        partner_col: Some("partner_id"),
        event_col: Some("event_id"),
        parents: &[("event_id", "events"), ("partner_id", "partners")],
        derived: NONE,
        unique: &["event_id", "partner_id"],
        label: Some("partner_name"),
    },
    TableSpec {
        name: "fair_signups",
        key: Key::Id,
        bin: false,
        partner_col: Some("partner_id"),
        event_col: Some("event_id"),
        parents: &[("event_id", "events"), ("partner_id", "partners")],
        derived: NONE,
        unique: NONE,
        label: Some("consent_source"),
    },
    TableSpec {
        name: "fair_booths",
        key: Key::Id,
        bin: false,
        partner_col: Some("partner_id"),
        event_col: Some("event_id"),
        parents: &[("event_id", "events"), ("partner_id", "partners")],
        derived: NONE,
        unique: &["event_id", "partner_id"],
        label: None,
    },
];

/// The spec of a table by name.
pub fn spec(name: &str) -> Option<&'static TableSpec> {
    TABLES.iter().find(|t| t.name == name)
}

/// Errors of taking and merging copies.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("{0} is not a copy taken with this app, or it is damaged")]
    NotACopy(PathBuf),
    #[error("the copy has schema version {found}; this database has {known}")]
    OtherSchema { found: u32, known: u32 },
    #[error("the copy was not taken from this database (programme {programme})")]
    OtherProgramme { programme: String },
    #[error("the copy is still open on the laptop")]
    StillOpen(PathBuf),
    #[error("the copy was merged already at {merged_at}")]
    AlreadyMerged { merged_at: String },
    #[error("the base snapshot {0} is missing")]
    BaseMissing(PathBuf),
    #[error("this database is a copy; copies are merged at the office")]
    IsACopy,
    #[error("no data directory")]
    NoDataDir,
    #[error("file error at {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Files(#[from] crate::files::FileError),
    #[error(transparent)]
    Partners(#[from] crate::partners::PartnerError),
    #[error(transparent)]
    Events(#[from] crate::events::EventsError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for SyncError {
    fn from(e: rusqlite::Error) -> Self {
        SyncError::Store(StoreError::Sqlite(e))
    }
}

pub type Result<T> = std::result::Result<T, SyncError>;

impl Localize for SyncError {
    fn code(&self) -> &'static str {
        match self {
            SyncError::NotACopy(_) => "sync.not_a_copy",
            SyncError::OtherSchema { .. } => "sync.other_schema",
            SyncError::OtherProgramme { .. } => "sync.other_programme",
            SyncError::StillOpen(_) => "sync.still_open",
            SyncError::AlreadyMerged { .. } => "sync.already_merged",
            SyncError::BaseMissing(_) => "sync.base_missing",
            SyncError::IsACopy => "sync.is_a_copy",
            SyncError::NoDataDir => "sync.no_data_dir",
            SyncError::Io { .. } => "sync.io",
            SyncError::Files(e) => e.code(),
            SyncError::Partners(e) => e.code(),
            SyncError::Events(e) => e.code(),
            SyncError::Store(e) => e.code(),
        }
    }

    fn field(&self) -> Option<&'static str> {
        match self {
            SyncError::Files(e) => e.field(),
            SyncError::Partners(e) => e.field(),
            SyncError::Events(e) => e.field(),
            SyncError::Store(_) => None,
            _ => Some("copy"),
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (_, SyncError::Files(e)) => e.message(lang),
            (_, SyncError::Partners(e)) => e.message(lang),
            (_, SyncError::Events(e)) => e.message(lang),
            (_, SyncError::Store(e)) => e.message(lang),
            (Lang::Da, SyncError::NotACopy(p)) => format!(
                "Filen {} er ikke en kopi taget med «Tag en kopi med», eller den er beskadiget eller afkortet. Intet er ændret.",
                p.display()
            ),
            (Lang::En, SyncError::NotACopy(p)) => format!(
                "The file {} is not a copy taken with “Take a copy along”, or it is damaged or cut short. Nothing has changed.",
                p.display()
            ),
            (Lang::Da, SyncError::OtherSchema { found, known }) => format!(
                "Kopien har skemaversion {found}, denne database har {known}. Opdatér programmet på begge maskiner til samme version. Intet er ændret."
            ),
            (Lang::En, SyncError::OtherSchema { found, known }) => format!(
                "The copy has schema version {found}; this database has {known}. Update the app on both machines to the same version. Nothing has changed."
            ),
            (Lang::Da, SyncError::OtherProgramme { programme }) => format!(
                "Kopien er ikke taget fra denne database (den er fra programmet «{programme}»). Intet er ændret."
            ),
            (Lang::En, SyncError::OtherProgramme { programme }) => format!(
                "The copy was not taken from this database (it is from the programme “{programme}”). Nothing has changed."
            ),
            (Lang::Da, SyncError::StillOpen(p)) => format!(
                "Kopien {} er stadig åben på den bærbare (eller blev ikke lukket rigtigt). Luk programmet dér, og prøv igen. Intet er ændret.",
                p.display()
            ),
            (Lang::En, SyncError::StillOpen(p)) => format!(
                "The copy {} is still open on the laptop (or was not closed properly). Close the app there and try again. Nothing has changed.",
                p.display()
            ),
            (Lang::Da, SyncError::AlreadyMerged { merged_at }) => format!(
                "Kopien er allerede flettet ind ({merged_at}). En kopi flettes kun ind én gang; intet er ændret."
            ),
            (Lang::En, SyncError::AlreadyMerged { merged_at }) => format!(
                "The copy was merged already ({merged_at}). A copy is merged only once; nothing has changed."
            ),
            (Lang::Da, SyncError::BaseMissing(p)) => format!(
                "Udgangspunktet for kopien ({}) mangler ved databasen, så kopien kan ikke flettes sikkert ind. Intet er ændret.",
                p.display()
            ),
            (Lang::En, SyncError::BaseMissing(p)) => format!(
                "The copy’s starting point ({}) is missing beside the database, so the copy cannot be merged safely. Nothing has changed.",
                p.display()
            ),
            (Lang::Da, SyncError::IsACopy) => {
                "Denne database er selv en kopi. Kopier tages og flettes ind på kontorets database.".into()
            }
            (Lang::En, SyncError::IsACopy) => {
                "This database is itself a copy. Copies are taken from and merged into the office database.".into()
            }
            (Lang::Da, SyncError::NoDataDir) => {
                "Databasen har ingen datamappe at gemme udgangspunktet i.".into()
            }
            (Lang::En, SyncError::NoDataDir) => {
                "The database has no data directory to keep the starting point in.".into()
            }
            (Lang::Da, SyncError::Io { path, .. }) => format!(
                "Filen {} kunne ikke læses eller skrives. Intet er ændret.",
                path.display()
            ),
            (Lang::En, SyncError::Io { path, .. }) => format!(
                "The file {} could not be read or written. Nothing has changed.",
                path.display()
            ),
        }
    }
}

/// The folder beside the database that holds base snapshots and the
/// temporary copies read during a merge.
pub const COPIES_DIR: &str = "copies";
