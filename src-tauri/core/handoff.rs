//! Handing a saved file to another program (the viewer, the file manager):
//! which files the UI may ask for ([`saved_file`]), and the one translation of
//! a failed hand-over ([`hand_over`]): "the file is saved in [folder]", with the
//! folder and the file for the UI's "Vis i mappe" and "Åbn" actions, never the
//! launcher's own text. The opening itself belongs to the app, which asks the
//! system through Tauri and passes it in as a function.

use crate::files::{self, DocKind, FileError};
use crate::i18n::{Lang, Localize};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// Errors of handing a file over.
#[derive(Debug, thiserror::Error)]
pub enum HandoffError {
    /// The path is not a file the app saved (directly in one of the
    /// documents' folders, or where the save dialog chose).
    #[error("only files saved by the app can be opened from here")]
    NotSaved,
    /// The file is saved, but no program opened it (no default viewer, no
    /// file manager). The launcher's text goes to the log only.
    #[error("the file is saved in {folder} but could not be opened")]
    NotOpened { folder: String, file: String },
    #[error(transparent)]
    Files(#[from] FileError),
}

impl Localize for HandoffError {
    fn code(&self) -> &'static str {
        match self {
            HandoffError::NotSaved => "handoff.refused",
            HandoffError::NotOpened { .. } => "handoff.not_opened",
            HandoffError::Files(e) => e.code(),
        }
    }
    fn field(&self) -> Option<&'static str> {
        match self {
            HandoffError::Files(e) => e.field(),
            _ => None,
        }
    }
    fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (_, HandoffError::Files(e)) => e.message(lang),
            (Lang::Da, HandoffError::NotSaved) => {
                "Kun filer, som programmet har gemt, kan åbnes herfra.".into()
            }
            (Lang::En, HandoffError::NotSaved) => {
                "Only files saved by the app can be opened from here.".into()
            }
            (Lang::Da, HandoffError::NotOpened { folder, .. }) => {
                format!("Filen er gemt i {folder}. Intet program åbnede den.")
            }
            (Lang::En, HandoffError::NotOpened { folder, .. }) => {
                format!("The file is saved in {folder}. No program opened it.")
            }
        }
    }
}

/// Hands `path` to `open` (the system's viewer or file manager). When that
/// fails, the launcher's text is logged and the person reads where the file
/// is ([`HandoffError::NotOpened`]).
pub fn hand_over(
    path: &Path,
    open: impl FnOnce(&Path) -> Result<(), String>,
) -> Result<(), HandoffError> {
    open(path).map_err(|raw| {
        eprintln!("opening {} failed: {raw}", path.display());
        HandoffError::NotOpened {
            folder: path
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            file: path.display().to_string(),
        }
    })
}

/// The saved file at `path`, resolved: only a file directly in one of the
/// documents' folders (diplomas, letters, the pool, partners, events,
/// newsletters), or one the person saved where the save dialog chose
/// (`chosen`), may be opened or shown from the UI.
pub fn saved_file(
    conn: &Connection,
    path: &str,
    chosen: impl Fn(&Path) -> bool,
) -> Result<PathBuf, HandoffError> {
    for kind in DocKind::ALL {
        let folder = files::folder(conn, kind)?;
        if let Some(p) = file_in(&folder, Path::new(path)) {
            return Ok(p);
        }
    }
    let p = Path::new(path)
        .canonicalize()
        .map_err(|_| HandoffError::NotSaved)?;
    if p.is_file() && chosen(&p) {
        Ok(p)
    } else {
        Err(HandoffError::NotSaved)
    }
}

/// `path` resolved, when it is a file directly in `folder` (both resolved,
/// so `..` and links cannot lead out of it).
fn file_in(folder: &Path, path: &Path) -> Option<PathBuf> {
    let p = path.canonicalize().ok()?;
    let dir = folder.canonicalize().ok()?;
    (p.is_file() && p.parent() == Some(dir.as_path())).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_file_directly_in_the_folder_is_handed_over() {
        let root = tempfile::tempdir().expect("temp dir");
        let folder = root.path().join("Diplomer");
        std::fs::create_dir_all(folder.join("sub")).expect("folders");
        for name in ["a.pdf", "b.xlsx", "sub/d.pdf"] {
            std::fs::write(folder.join(name), b"x").expect("file");
        }
        std::fs::write(root.path().join("e.pdf"), b"x").expect("file");
        assert!(file_in(&folder, &folder.join("a.pdf")).is_some());
        assert!(file_in(&folder, &folder.join("b.xlsx")).is_some());
        assert!(file_in(&folder, &folder.join("sub")).is_none());
        assert!(file_in(&folder, &folder.join("sub/d.pdf")).is_none());
        assert!(file_in(&folder, &folder.join("../e.pdf")).is_none());
        assert!(file_in(&folder, &folder.join("missing.pdf")).is_none());
    }

    #[test]
    fn a_failing_opener_says_where_the_file_is_never_the_launchers_text() {
        let path = Path::new("/tmp/Sund By Partner/Diplomer/Diplom.pdf");
        let launcher =
            r#"Launcher "gio" "open" "/tmp/x.pdf" failed with ExitStatus(unix_wait_status(512))"#;
        let e = hand_over(path, |_| Err(launcher.to_string())).expect_err("opener failed");
        assert_eq!(e.code(), "handoff.not_opened");
        let da = e.message(Lang::Da);
        assert_eq!(
            da,
            "Filen er gemt i /tmp/Sund By Partner/Diplomer. Intet program åbnede den."
        );
        let en = e.message(Lang::En);
        for text in [&da, &en] {
            assert!(
                !text.contains("Launcher") && !text.contains("gio") && !text.contains("ExitStatus")
            );
        }
        match e {
            HandoffError::NotOpened { file, .. } => assert_eq!(file, path.display().to_string()),
            other => panic!("unexpected {other:?}"),
        }
        assert!(hand_over(path, |_| Ok(())).is_ok());
        assert_eq!(HandoffError::NotSaved.code(), "handoff.refused");
    }
}
