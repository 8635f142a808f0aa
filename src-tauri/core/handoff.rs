//! Handing a saved file to another program (the PDF viewer, the file
//! manager): which files the UI may ask for, and what the user reads when it
//! fails. The opening itself belongs to the app, which asks the system
//! through Tauri; this module knows nothing of that and gets its failure as
//! text.

use crate::diploma::DiplomaError;
use crate::files::{self, DocKind, FileError};
use crate::i18n::{Lang, Localize};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// Errors of handing a file over.
#[derive(Debug, thiserror::Error)]
pub enum HandoffError {
    /// The path is not a PDF directly in the diploma folder.
    #[error("only diplomas in the diploma folder can be opened from here")]
    NotADiploma,
    /// The system could not open a saved diploma.
    #[error("the PDF could not be opened: {0}")]
    DiplomaNotOpened(String),
    /// A grant export or letter was saved, but the system could not open it.
    #[error("the file was saved but could not be opened: {0}")]
    GrantFileNotOpened(String),
    #[error(transparent)]
    Diploma(#[from] DiplomaError),
    #[error(transparent)]
    Files(#[from] FileError),
}

impl Localize for HandoffError {
    fn code(&self) -> &'static str {
        match self {
            HandoffError::NotADiploma => "diploma.open_refused",
            HandoffError::DiplomaNotOpened(_) => "diploma.open_failed",
            HandoffError::GrantFileNotOpened(_) => "grants.open_failed",
            HandoffError::Diploma(e) => e.code(),
            HandoffError::Files(e) => e.code(),
        }
    }
    fn field(&self) -> Option<&'static str> {
        match self {
            HandoffError::Diploma(e) => e.field(),
            HandoffError::Files(e) => e.field(),
            _ => None,
        }
    }
    fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (_, HandoffError::Diploma(e)) => e.message(lang),
            (_, HandoffError::Files(e)) => e.message(lang),
            (Lang::Da, HandoffError::NotADiploma) => {
                "Kun diplomer i diplommappen kan åbnes herfra.".into()
            }
            (Lang::En, HandoffError::NotADiploma) => {
                "Only diplomas in the diploma folder can be opened from here.".into()
            }
            (Lang::Da, HandoffError::DiplomaNotOpened(e)) => {
                format!("PDF'en kunne ikke åbnes: {e}")
            }
            (Lang::En, HandoffError::DiplomaNotOpened(e)) => {
                format!("The PDF could not be opened: {e}")
            }
            (Lang::Da, HandoffError::GrantFileNotOpened(e)) => {
                format!("Filen er gemt, men kunne ikke åbnes: {e}")
            }
            (Lang::En, HandoffError::GrantFileNotOpened(e)) => {
                format!("The file was saved but could not be opened: {e}")
            }
        }
    }
}

/// The saved diploma at `path`, resolved: only a `.pdf` directly in the
/// diploma folder, or one the person saved where the save dialog chose
/// (`chosen`), may be opened or shown from the UI.
pub fn diploma_pdf(
    conn: &Connection,
    path: &str,
    chosen: impl Fn(&Path) -> bool,
) -> Result<PathBuf, HandoffError> {
    let folder = files::folder(conn, DocKind::Diplomas)?;
    if let Some(p) = pdf_in(&folder, Path::new(path)) {
        return Ok(p);
    }
    let p = Path::new(path)
        .canonicalize()
        .map_err(|_| HandoffError::NotADiploma)?;
    let is_pdf = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if is_pdf && chosen(&p) {
        Ok(p)
    } else {
        Err(HandoffError::NotADiploma)
    }
}

/// `path` resolved, when it is a PDF directly in `folder` (both resolved, so
/// `..` and links cannot lead out of it).
fn pdf_in(folder: &Path, path: &Path) -> Option<PathBuf> {
    let p = path.canonicalize().ok()?;
    let dir = folder.canonicalize().ok()?;
    let is_pdf = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    (is_pdf && p.parent() == Some(dir.as_path())).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_pdf_directly_in_the_folder_is_handed_over() {
        let root = tempfile::tempdir().expect("temp dir");
        let folder = root.path().join("Diplomer");
        std::fs::create_dir_all(folder.join("sub")).expect("folders");
        for name in ["a.pdf", "b.PDF", "c.txt", "sub/d.pdf"] {
            std::fs::write(folder.join(name), b"x").expect("file");
        }
        std::fs::write(root.path().join("e.pdf"), b"x").expect("file");
        assert!(pdf_in(&folder, &folder.join("a.pdf")).is_some());
        assert!(pdf_in(&folder, &folder.join("b.PDF")).is_some());
        assert!(pdf_in(&folder, &folder.join("c.txt")).is_none());
        assert!(pdf_in(&folder, &folder.join("sub/d.pdf")).is_none());
        assert!(pdf_in(&folder, &folder.join("../e.pdf")).is_none());
        assert!(pdf_in(&folder, &folder.join("missing.pdf")).is_none());
    }

    #[test]
    fn messages_keep_their_codes_and_name_the_reason() {
        let e = HandoffError::GrantFileNotOpened("no viewer".into());
        assert_eq!(e.code(), "grants.open_failed");
        assert_eq!(
            e.message(Lang::Da),
            "Filen er gemt, men kunne ikke åbnes: no viewer"
        );
        assert_eq!(HandoffError::NotADiploma.code(), "diploma.open_refused");
        let e = HandoffError::DiplomaNotOpened("no viewer".into());
        assert_eq!(e.code(), "diploma.open_failed");
        assert_eq!(
            e.message(Lang::En),
            "The PDF could not be opened: no viewer"
        );
    }
}
