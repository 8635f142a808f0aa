//! Saving documents: the one way every area (diplomas, grant letters, the
//! pool's spreadsheet, partner exports, calendar files, sign-in sheets,
//! newsletters) and the CLI write a file.
//!
//! - One folder setting (preference [`PREF_KEY`]): the documents folder,
//!   by default `Dokumenter/Sund By Partner` (the home folder when there is no
//!   Documents folder), with one subfolder per kind of document ([`DocKind`]).
//!   [`OUTPUT_DIR_ENV`] replaces the default (tests, scripts); a folder chosen
//!   in Indstillinger still wins over it.
//! - One name cleaning ([`name::safe_file_name`]).
//! - One write ([`write`]): a temporary file in the target folder, flushed,
//!   then an atomic no-replace link; a taken name gets " (2)", " (3)", …
//!   ([`Target::Folder`]). A place the person chose ([`Target::Exact`]: the
//!   CLI's `--out`, the save dialog) is refused when a file is there, unless
//!   they asked to replace it.
//!
//! Before this setting existed, the diplomas had their own folder (in the
//! `diploma.settings` preference) and the grant letter and events read an
//! `output_dir` preference. The first read of the setting takes the older
//! of those once (`output_dir` first, else the diploma folder) and stores it
//! under [`PREF_KEY`]; from then on only [`PREF_KEY`] counts.

pub mod folder;
pub mod name;
pub mod write;

use crate::i18n::{Lang, Localize};
use crate::settings::{self, SettingsError};
use crate::validate::{self, ValidationError};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

pub use folder::{save_folder, Entry};
pub use name::safe_file_name;
pub use write::Part;

/// The preference holding the documents folder ("" = the default).
pub const PREF_KEY: &str = "output_folder";
/// Environment variable that replaces the default documents folder.
pub const OUTPUT_DIR_ENV: &str = "SUNDBY_OUTPUT_DIR";
/// The default folder's name inside Documents.
pub const FOLDER_NAME: &str = "Sund By Partner";
/// Longest folder path accepted.
pub const MAX_FOLDER: usize = 1000;
/// The field the folder setting's errors concern.
pub const FIELD: &str = "output_folder";

/// The preference the grant letter and events read before [`PREF_KEY`].
const LEGACY_OUTPUT_DIR: &str = "output_dir";
/// The diploma settings' preference, whose `folder` was the diplomas' own.
const LEGACY_DIPLOMA_SETTINGS: &str = "diploma.settings";

/// Errors of saving a file.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path} exists")]
    Exists { path: PathBuf },
    #[error("folder {folder} is not writable: {source}")]
    NotWritable {
        folder: PathBuf,
        source: std::io::Error,
    },
    #[error("disk full in {folder}")]
    DiskFull { folder: PathBuf },
    #[error("folder {folder} does not exist")]
    FolderMissing { folder: PathBuf },
    #[error("folder path {folder} is not absolute")]
    NotAbsolute { folder: String },
    #[error("no documents or home folder")]
    NoFolder,
    #[error("{path} was not chosen in the save dialog")]
    NotChosen { path: PathBuf },
    #[error("no free name for {name} in {folder}")]
    NoFreeName { folder: PathBuf, name: String },
    #[error("{path} could not be written: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error(transparent)]
    Settings(#[from] SettingsError),
}

impl FileError {
    /// The error for `e`, met while writing `path` in `folder`: the causes a
    /// person can act on (read-only, no access, disk full, a name taken) get
    /// their own variant and message.
    pub fn from_io(e: &std::io::Error, path: &Path, folder: &Path) -> FileError {
        let copy = || std::io::Error::new(e.kind(), e.to_string());
        match e.kind() {
            ErrorKind::AlreadyExists => FileError::Exists {
                path: path.to_path_buf(),
            },
            ErrorKind::PermissionDenied
            | ErrorKind::ReadOnlyFilesystem
            | ErrorKind::NotADirectory => FileError::NotWritable {
                folder: folder.to_path_buf(),
                source: copy(),
            },
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge => {
                FileError::DiskFull {
                    folder: folder.to_path_buf(),
                }
            }
            _ => FileError::Io {
                path: path.to_path_buf(),
                source: copy(),
            },
        }
    }
}

impl Localize for FileError {
    fn code(&self) -> &'static str {
        match self {
            FileError::Exists { .. } => "files.exists",
            FileError::NotWritable { .. } => "files.not_writable",
            FileError::DiskFull { .. } => "files.disk_full",
            FileError::FolderMissing { .. } => "files.folder_missing",
            FileError::NotAbsolute { .. } => "files.not_absolute",
            FileError::NoFolder => "files.no_folder",
            FileError::NotChosen { .. } => "files.not_chosen",
            FileError::NoFreeName { .. } => "files.no_free_name",
            FileError::Io { .. } => "files.io",
            FileError::Invalid(e) => e.code(),
            FileError::Settings(e) => e.code(),
        }
    }

    fn field(&self) -> Option<&'static str> {
        match self {
            FileError::Invalid(e) => e.field(),
            FileError::Settings(e) => e.field(),
            FileError::NotWritable { .. }
            | FileError::DiskFull { .. }
            | FileError::FolderMissing { .. }
            | FileError::NotAbsolute { .. }
            | FileError::NoFolder => Some(FIELD),
            _ => None,
        }
    }

    fn message(&self, lang: Lang) -> String {
        use FileError as E;
        match (lang, self) {
            (_, E::Invalid(e)) => e.message(lang),
            (_, E::Settings(e)) => e.message(lang),
            (Lang::Da, E::Exists { path }) => format!(
                "Filen {} findes allerede og bliver ikke overskrevet. Vælg et andet navn (eller --force for at overskrive).",
                path.display()
            ),
            (Lang::En, E::Exists { path }) => format!(
                "The file {} already exists and is not overwritten. Choose another name (or --force to overwrite).",
                path.display()
            ),
            (Lang::Da, E::NotWritable { folder, .. }) => format!(
                "Der kan ikke gemmes i mappen {}: den er skrivebeskyttet, eller du har ikke adgang til den. Vælg en anden mappe.",
                folder.display()
            ),
            (Lang::En, E::NotWritable { folder, .. }) => format!(
                "Cannot save in the folder {}: it is read-only or you have no access to it. Choose another folder.",
                folder.display()
            ),
            (Lang::Da, E::DiskFull { folder }) => format!(
                "Der er ikke plads på drevet til at gemme i {}. Gør plads, eller vælg en anden mappe.",
                folder.display()
            ),
            (Lang::En, E::DiskFull { folder }) => format!(
                "There is no room on the drive to save in {}. Free some space or choose another folder.",
                folder.display()
            ),
            (Lang::Da, E::FolderMissing { folder }) => {
                format!("Mappen {} findes ikke.", folder.display())
            }
            (Lang::En, E::FolderMissing { folder }) => {
                format!("The folder {} does not exist.", folder.display())
            }
            (Lang::Da, E::NotAbsolute { folder }) => format!(
                "«{folder}» er ikke en hel sti til en mappe. Skriv hele stien, fx C:\\Users\\navn\\Documents\\Sund By Partner."
            ),
            (Lang::En, E::NotAbsolute { folder }) => format!(
                "\"{folder}\" is not a full path to a folder. Write the whole path, e.g. C:\\Users\\name\\Documents\\Sund By Partner."
            ),
            (Lang::Da, E::NoFolder) => "Der blev ikke fundet en mappe at gemme i (hverken Dokumenter eller din hjemmemappe). Vælg en mappe under Indstillinger.".into(),
            (Lang::En, E::NoFolder) => "No folder to save in was found (neither Documents nor your home folder). Choose a folder in Settings.".into(),
            (Lang::Da, E::NotChosen { path }) => format!(
                "{} er ikke valgt i dialogen «Gem som». Vælg stedet igen.",
                path.display()
            ),
            (Lang::En, E::NotChosen { path }) => format!(
                "{} was not chosen in the \"Save as\" dialog. Choose the place again.",
                path.display()
            ),
            (Lang::Da, E::NoFreeName { folder, name }) => format!(
                "Der er allerede for mange filer med navnet {name} i {}. Ryd op i mappen, eller vælg en anden.",
                folder.display()
            ),
            (Lang::En, E::NoFreeName { folder, name }) => format!(
                "There are already too many files named {name} in {}. Tidy the folder or choose another.",
                folder.display()
            ),
            (Lang::Da, E::Io { path, .. }) => format!(
                "Filen {} kunne ikke gemmes. Prøv igen, eller vælg en anden mappe.",
                path.display()
            ),
            (Lang::En, E::Io { path, .. }) => format!(
                "The file {} could not be saved. Try again or choose another folder.",
                path.display()
            ),
        }
    }
}

impl From<rusqlite::Error> for FileError {
    fn from(e: rusqlite::Error) -> Self {
        FileError::Settings(SettingsError::from(e))
    }
}

pub type Result<T> = std::result::Result<T, FileError>;

/// A kind of document: each has its own subfolder in the documents folder,
/// named as the consultant knows the documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// Diploma PDFs.
    Diplomas,
    /// Grant decision letters (and refusals).
    GrantLetters,
    /// The grant pool's spreadsheet for the finance department.
    GrantPool,
    /// Exports of the partner list (CSV, XLSX).
    Partners,
    /// Calendar files (.ics) and sign-in sheets.
    Events,
    /// Newsletters (HTML, text, recipients' CSV).
    Newsletters,
    /// Status reports (PDF, XLSX) and the case for the case bank (.docx, text).
    Reports,
    /// Copies of the database taken along to a fair ("Tag en kopi med").
    Copies,
    /// The awards' nomination catalogues and scoring sheets.
    Awards,
    /// The inspiration catalogue and the partner pages for the website.
    Publications,
}

impl DocKind {
    pub const ALL: [DocKind; 10] = [
        DocKind::Diplomas,
        DocKind::GrantLetters,
        DocKind::GrantPool,
        DocKind::Partners,
        DocKind::Events,
        DocKind::Newsletters,
        DocKind::Reports,
        DocKind::Copies,
        DocKind::Awards,
        DocKind::Publications,
    ];

    /// The subfolder's name (Danish, as the consultant sees it in the file manager).
    pub fn folder_name(self) -> &'static str {
        match self {
            DocKind::Diplomas => "Diplomer",
            DocKind::GrantLetters => "Bevillingsbreve",
            DocKind::GrantPool => "Puljen",
            DocKind::Partners => "Partnere",
            DocKind::Events => "Arrangementer",
            DocKind::Newsletters => "Nyhedsbreve",
            DocKind::Reports => "Rapporter",
            DocKind::Copies => "Kopier",
            DocKind::Awards => "Priser",
            DocKind::Publications => "Publikationer",
        }
    }
}

/// Where a document goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The kind's subfolder of the documents folder, under the document's
    /// own name; a taken name gets " (2)", " (3)", … (never overwrites).
    Folder,
    /// Exactly this path, chosen by the person (CLI `--out`, the save
    /// dialog). An existing file is refused unless `replace`.
    Exact { path: PathBuf, replace: bool },
}

/// Saves a document of one file, `name` (e.g. `Møde 2026-12-03.ics`, made
/// safe here), at `target`. Returns the path written.
pub fn save(
    conn: &Connection,
    kind: DocKind,
    target: &Target,
    name: &str,
    bytes: &[u8],
) -> Result<PathBuf> {
    let (stem, ext) = name::split_ext(name);
    let parts = [Part {
        ext: ext.unwrap_or_default(),
        bytes,
    }];
    let mut paths = save_parts(conn, kind, target, stem, &parts)?;
    Ok(paths.remove(0))
}

/// Saves a document of several files under one stem (the newsletter's HTML,
/// text and CSV). With [`Target::Exact`] the path is the first part's; the
/// others go beside it with their extensions. Returns the paths written.
pub fn save_parts(
    conn: &Connection,
    kind: DocKind,
    target: &Target,
    stem: &str,
    parts: &[Part<'_>],
) -> Result<Vec<PathBuf>> {
    match target {
        Target::Folder => write::save_new(&folder(conn, kind)?, stem, parts),
        Target::Exact { path, replace } => write::save_exact(path, parts, *replace),
    }
}

/// The default documents folder: [`OUTPUT_DIR_ENV`] when set, else
/// `Sund By Partner` in Documents (or in the home folder).
pub fn default_folder() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os(OUTPUT_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::document_dir()
        .or_else(dirs::home_dir)
        .map(|d| d.join(FOLDER_NAME))
        .ok_or(FileError::NoFolder)
}

/// The folder setting as stored: "" for the default. The first read takes
/// an older setting over (see the module documentation).
pub fn folder_setting(conn: &Connection) -> Result<String> {
    if let Some(v) = settings::pref(conn, PREF_KEY)? {
        return Ok(v);
    }
    let legacy = match settings::pref(conn, LEGACY_OUTPUT_DIR)?.filter(|d| !d.trim().is_empty()) {
        Some(d) => Some(d),
        None => settings::pref(conn, LEGACY_DIPLOMA_SETTINGS)?
            .and_then(|json| serde_json::from_str::<serde_json::Value>(&json).ok())
            .and_then(|v| v.get("folder")?.as_str().map(str::to_string))
            .filter(|d| !d.trim().is_empty()),
    };
    match legacy {
        Some(d) => {
            let d = d.trim().to_string();
            settings::set_pref(conn, PREF_KEY, &d)?;
            Ok(d)
        }
        None => Ok(String::new()),
    }
}

/// Validates and stores the folder setting ("" = the default); returns it
/// as stored. `field` names the form field the errors belong to.
pub fn set_folder_setting(conn: &Connection, folder: &str, field: &'static str) -> Result<String> {
    let folder = validate::text(field, folder, MAX_FOLDER, false, false)?;
    if !folder.is_empty() && !Path::new(&folder).is_absolute() {
        return Err(FileError::NotAbsolute { folder });
    }
    settings::set_pref(conn, PREF_KEY, &folder)?;
    Ok(folder)
}

/// The documents folder in use: the setting, or [`default_folder`].
pub fn base_folder(conn: &Connection) -> Result<PathBuf> {
    let s = folder_setting(conn)?;
    if s.is_empty() {
        default_folder()
    } else {
        Ok(PathBuf::from(s))
    }
}

/// The folder documents of `kind` are saved in.
pub fn folder(conn: &Connection, kind: DocKind) -> Result<PathBuf> {
    Ok(base_folder(conn)?.join(kind.folder_name()))
}

/// One kind's folder, for the settings page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindFolder {
    pub kind: DocKind,
    pub name: &'static str,
    pub path: String,
}

/// The folder setting as Indstillinger shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FolderView {
    /// As stored: "" when the default is used.
    pub folder: String,
    /// The folder in use.
    pub path: String,
    /// The default folder (shown as the hint).
    pub default_path: String,
    /// Each kind's subfolder.
    pub kinds: Vec<KindFolder>,
}

/// The folder setting, the folder in use and each kind's subfolder.
pub fn folder_view(conn: &Connection) -> Result<FolderView> {
    let folder = folder_setting(conn)?;
    let default = default_folder()?;
    let base = if folder.is_empty() {
        default.clone()
    } else {
        PathBuf::from(&folder)
    };
    Ok(FolderView {
        kinds: DocKind::ALL
            .iter()
            .map(|&kind| KindFolder {
                kind,
                name: kind.folder_name(),
                path: base.join(kind.folder_name()).display().to_string(),
            })
            .collect(),
        path: base.display().to_string(),
        default_path: default.display().to_string(),
        folder,
    })
}

#[cfg(test)]
mod tests;
