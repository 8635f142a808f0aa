//! Saving a document that is a folder of files (the partner pages for the
//! city's website): a new folder in the kind's subfolder (a taken name gets
//! " (2)", never merged into an old export), or exactly the folder the
//! person chose (refused when it holds anything, unless `replace`). Each
//! file is written to a temporary name and renamed into place; the folder is
//! flushed once at the end.

use super::name::{safe_file_name, safe_stem};
use super::write::MAX_NUMBER;
use super::{folder, DocKind, FileError, Result, Target};
use rusqlite::Connection;
use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

/// One file of a folder document: its name inside the folder and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// Saves `entries` as a folder named `name` at `target`; returns the folder.
pub fn save_folder(
    conn: &Connection,
    kind: DocKind,
    target: &Target,
    name: &str,
    entries: &[Entry<'_>],
) -> Result<PathBuf> {
    let dir = match target {
        Target::Folder => new_folder(&folder(conn, kind)?, name)?,
        Target::Exact { path, replace } => exact_folder(path, *replace)?,
    };
    for e in entries {
        write_entry(&dir, &safe_file_name(e.name), e.bytes)?;
    }
    // One flush of the folder at the end instead of one per file.
    sync_folder(&dir)?;
    Ok(dir)
}

fn new_folder(parent: &Path, name: &str) -> Result<PathBuf> {
    fs::create_dir_all(parent).map_err(|e| FileError::from_io(&e, parent, parent))?;
    let stem = safe_stem(name);
    for n in 1..=MAX_NUMBER {
        let candidate = if n == 1 {
            parent.join(&stem)
        } else {
            parent.join(format!("{stem} ({n})"))
        };
        match fs::create_dir(&candidate) {
            Ok(()) => return Ok(candidate),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(FileError::from_io(&e, &candidate, parent)),
        }
    }
    Err(FileError::NoFreeName {
        folder: parent.to_path_buf(),
        name: stem,
    })
}

fn exact_folder(path: &Path, replace: bool) -> Result<PathBuf> {
    let holds_something = match fs::read_dir(path) {
        Ok(mut it) => it.next().is_some(),
        Err(e) if e.kind() == ErrorKind::NotFound => false,
        // A file, not a folder, is "taken" too.
        Err(_) => path.exists(),
    };
    if holds_something && !replace {
        return Err(FileError::Exists {
            path: path.to_path_buf(),
        });
    }
    let parent = path.parent().unwrap_or(path);
    fs::create_dir_all(path).map_err(|e| FileError::from_io(&e, path, parent))?;
    Ok(path.to_path_buf())
}

fn sync_folder(dir: &Path) -> Result<()> {
    let f = fs::File::open(dir).map_err(|e| FileError::from_io(&e, dir, dir))?;
    // Only the folder's entries are flushed here, not each file's data: a
    // power cut right after an export may leave a page empty (the export is
    // then simply made again). The price of one flush per file was 52 s for
    // 10,000 pages.
    f.sync_all().map_err(|e| FileError::from_io(&e, dir, dir))
}

fn write_entry(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    let target = dir.join(name);
    let tmp = dir.join(format!(".{name}.{}.tmp", uuid::Uuid::new_v4().simple()));
    let res = (|| -> std::io::Result<()> {
        let mut f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(bytes)?;
        fs::rename(&tmp, &target)
    })();
    if let Err(e) = res {
        let _ = fs::remove_file(&tmp);
        return Err(FileError::from_io(&e, &target, dir));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    #[test]
    fn a_folder_is_never_merged_into_an_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open_in_memory().unwrap();
        crate::files::set_folder_setting(&s.conn, &dir.path().display().to_string(), "folder")
            .unwrap();
        let e = [Entry {
            name: "index.html",
            bytes: b"<p>x</p>",
        }];
        let a = save_folder(&s.conn, DocKind::Publications, &Target::Folder, "Web", &e).unwrap();
        let b = save_folder(&s.conn, DocKind::Publications, &Target::Folder, "Web", &e).unwrap();
        assert_ne!(a, b);
        assert!(b.ends_with("Web (2)"));
        assert_eq!(fs::read(b.join("index.html")).unwrap(), b"<p>x</p>");
        let exact = Target::Exact {
            path: a.clone(),
            replace: false,
        };
        assert!(matches!(
            save_folder(&s.conn, DocKind::Publications, &exact, "Web", &e),
            Err(FileError::Exists { .. })
        ));
        let replace = Target::Exact {
            path: a,
            replace: true,
        };
        save_folder(&s.conn, DocKind::Publications, &replace, "Web", &e).unwrap();
    }
}
