//! Commands of saving documents: the documents folder setting (Indstillinger)
//! and the system's "Gem som" dialog.
//!
//! The dialog is opened from Rust ([`save_dialog`]); the web view has no
//! dialog or file-system permission. A save command accepts a `path` from the
//! web view only when the dialog returned it in this session
//! ([`ChosenPaths`]); such a path is written exactly there, replacing a file
//! only because the system dialog has already asked "Erstat?". Without a path
//! a document goes to its kind's folder under a new name (never overwriting).
//! With [`NO_DIALOG_ENV`] set (the end-to-end tests) no dialog opens: the
//! command answers at once that the default folder is to be used.

use super::{AppState, CmdResult};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use sundby_core::files::{self, name::split_ext, DocKind, FileError, FolderView, Target};
use sundby_core::handoff;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_opener::OpenerExt;

/// Environment variable that keeps the save dialog shut: the document goes
/// to its folder as if no place had been chosen (set by the e2e tests).
pub const NO_DIALOG_ENV: &str = "SUNDBY_NO_DIALOG";

/// Whether the save dialog may open.
pub fn dialogs_enabled() -> bool {
    std::env::var_os(NO_DIALOG_ENV).is_none_or(|v| v.is_empty())
}

/// The paths chosen in the save dialog during this session.
#[derive(Debug, Default)]
pub struct ChosenPaths(Mutex<Vec<PathBuf>>);

impl ChosenPaths {
    /// Remembers a path the person chose.
    pub fn remember(&self, path: PathBuf) {
        let mut v = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if !v.contains(&path) {
            v.push(path);
        }
    }

    /// Whether `path` (as given, or resolved) was chosen in the dialog.
    pub fn contains(&self, path: &Path) -> bool {
        let v = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let resolved = path.canonicalize().ok();
        v.iter()
            .any(|c| c == path || (resolved.is_some() && c.canonicalize().ok() == resolved))
    }

    /// Where a save command writes: the kind's folder when no path is given,
    /// else the chosen path (refused when the dialog did not return it).
    pub fn target(&self, path: Option<&str>) -> Result<Target, FileError> {
        match path.map(str::trim).filter(|p| !p.is_empty()) {
            None => Ok(Target::Folder),
            Some(p) if self.contains(Path::new(p)) => Ok(Target::Exact {
                path: PathBuf::from(p),
                replace: true,
            }),
            Some(p) => Err(FileError::NotChosen {
                path: PathBuf::from(p),
            }),
        }
    }
}

/// Opens a file the app saved in the system's program for it. When no
/// program opens it, the person reads where it is saved
/// (`handoff.not_opened`), never the launcher's text.
#[tauri::command]
pub async fn files_open<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    path: String,
) -> CmdResult<()> {
    hand_saved(&state, &chosen, &path, |p| {
        app.opener()
            .open_path(p.display().to_string(), None::<&str>)
            .map_err(|e| e.to_string())
    })
}

/// Shows a file the app saved in the file manager ("Vis i mappe").
#[tauri::command]
pub async fn files_reveal<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    path: String,
) -> CmdResult<()> {
    hand_saved(&state, &chosen, &path, |p| {
        app.opener()
            .reveal_item_in_dir(p)
            .map_err(|e| e.to_string())
    })
}

/// A file the app saved (or one the dialog chose), handed to `launch` when
/// the app may open files; a failure says where the file is saved.
fn hand_saved(
    state: &AppState,
    chosen: &ChosenPaths,
    path: &str,
    launch: impl FnOnce(&std::path::Path) -> Result<(), String>,
) -> CmdResult<()> {
    let p = state.with(|c| handoff::saved_file(c, path, |p| chosen.contains(p)))?;
    if !super::may_open_files() {
        return Ok(());
    }
    handoff::hand_over(&p, launch).map_err(|e| state.error(&e))
}

/// The documents folder setting, the folder in use and each kind's subfolder.
#[tauri::command]
pub async fn output_folder_get(state: State<'_, AppState>) -> CmdResult<FolderView> {
    state.with(|c| files::folder_view(c))
}

/// Changes the documents folder ("" = the default); answers as
/// [`output_folder_get`].
#[tauri::command]
pub async fn output_folder_save(
    state: State<'_, AppState>,
    folder: String,
) -> CmdResult<FolderView> {
    state.with(|c| {
        files::set_folder_setting(c, &folder, files::FIELD)?;
        files::folder_view(c)
    })
}

/// What the save dialog gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SaveChoice {
    /// The chosen path; `None` when no dialog opened or it was cancelled.
    pub path: Option<String>,
    /// The person closed the dialog without choosing: save nothing.
    pub cancelled: bool,
}

/// The one "Åbn" dialog: opens the system's file chooser in `folder` for
/// files ending in one of `exts`, remembers the chosen file in
/// [`ChosenPaths`] (the commands read a file only from there) and answers
/// it; `None` when cancelled or when no dialog may open ([`NO_DIALOG_ENV`]).
pub async fn pick_file<R: Runtime>(
    app: &AppHandle<R>,
    chosen: &ChosenPaths,
    folder: &Path,
    filter: &str,
    exts: &[&str],
) -> Option<PathBuf> {
    if !dialogs_enabled() {
        return None;
    }
    let dialog = app.try_state::<tauri_plugin_dialog::Dialog<R>>()?;
    let _ = std::fs::create_dir_all(folder);
    let (tx, rx) = tokio::sync::oneshot::channel();
    dialog
        .file()
        .set_directory(folder)
        .add_filter(filter, exts)
        .pick_file(move |picked| {
            let _ = tx.send(picked);
        });
    let picked = rx.await.ok().flatten().and_then(|p| p.into_path().ok())?;
    chosen.remember(picked.clone());
    Some(picked)
}

/// Opens "Gem som" in the folder of `kind` with `name` (made safe)
/// suggested. Answers `{path, cancelled:false}` when a place was chosen,
/// `{path:null, cancelled:true}` when the dialog was closed, and
/// `{path:null, cancelled:false}` when no dialog may open
/// ([`NO_DIALOG_ENV`]): then save without a path, in the default folder.
#[tauri::command]
pub async fn save_dialog<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    chosen: State<'_, ChosenPaths>,
    kind: DocKind,
    name: String,
) -> CmdResult<SaveChoice> {
    let no_dialog = SaveChoice {
        path: None,
        cancelled: false,
    };
    if !dialogs_enabled() {
        return Ok(no_dialog);
    }
    let Some(dialog) = app.try_state::<tauri_plugin_dialog::Dialog<R>>() else {
        return Ok(no_dialog);
    };
    let folder = state.with(|c| files::folder(c, kind))?;
    // The dialog opens in the folder, so make it (a failure shows in the save).
    let _ = std::fs::create_dir_all(&folder);
    let name = files::safe_file_name(&name);
    let mut builder = dialog.file().set_directory(&folder).set_file_name(&name);
    if let (_, Some(ext)) = split_ext(&name) {
        builder = builder.add_filter(ext.to_uppercase(), &[ext]);
    }
    // The callback runs when the dialog closes; the command waits without
    // blocking a thread (the plugin opens it on the main thread).
    let (tx, rx) = tokio::sync::oneshot::channel();
    builder.save_file(move |picked| {
        let _ = tx.send(picked);
    });
    let picked = rx.await.ok().flatten().and_then(|p| p.into_path().ok());
    Ok(match picked {
        Some(path) => {
            chosen.remember(path.clone());
            SaveChoice {
                path: Some(path.display().to_string()),
                cancelled: false,
            }
        }
        None => SaveChoice {
            path: None,
            cancelled: true,
        },
    })
}
