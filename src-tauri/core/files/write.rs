//! Writing a document's bytes to disk, the one way: never a half-written
//! file (the bytes go to a temporary file in the target folder, are flushed
//! to disk, and only then get their name), and never an overwritten one
//! unless the person said so.
//!
//! The name is taken with a hard link, which the file system refuses when the
//! name exists, so two writers of the same name at the same moment get two
//! files. Where hard links are unsupported (FAT/exFAT USB sticks, some
//! network drives) the file is created with `create_new` (also refused when
//! the name exists) and the bytes copied in.

use super::name::{numbered, safe_stem};
use super::FileError;
use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

/// How many numbered names (" (2)" … ) are tried before giving up.
pub const MAX_NUMBER: u32 = 9999;

/// One file of a document: its extension (no dot) and bytes. A newsletter is
/// three (`html`, `txt`, `csv`) saved under one stem.
#[derive(Debug, Clone, Copy)]
pub struct Part<'a> {
    pub ext: &'a str,
    pub bytes: &'a [u8],
}

/// Saves `parts` in `dir` (created if missing) as `stem.ext` each, never
/// overwriting: when any of the names is taken, all get the first number
/// free for every part (`stem (2).ext`, `stem (3).ext`, …). Returns the paths
/// written, in the order of `parts`.
pub fn save_new(dir: &Path, stem: &str, parts: &[Part<'_>]) -> Result<Vec<PathBuf>, FileError> {
    fs::create_dir_all(dir).map_err(|e| FileError::from_io(&e, dir, dir))?;
    let stem = safe_stem(stem);
    let temps = Temps::write(dir, parts)?;
    for n in 1..=MAX_NUMBER {
        let targets: Vec<PathBuf> = parts
            .iter()
            .map(|p| dir.join(numbered(&stem, n, p.ext)))
            .collect();
        match temps.link_all(&targets, parts) {
            Ok(()) => return Ok(targets),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(FileError::from_io(&e, dir, dir)),
        }
    }
    Err(FileError::NoFreeName {
        folder: dir.to_path_buf(),
        name: numbered(&stem, 1, parts.first().map(|p| p.ext).unwrap_or_default()),
    })
}

/// Saves `parts` exactly at `path` (the first part) and beside it with the
/// other extensions (`path.with_extension(ext)`): a place the person chose.
/// An existing file is refused ([`FileError::Exists`], nothing written)
/// unless `replace`; replacing is atomic (a rename over the old file).
/// The folder must exist.
pub fn save_exact(
    path: &Path,
    parts: &[Part<'_>],
    replace: bool,
) -> Result<Vec<PathBuf>, FileError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !dir.is_dir() {
        return Err(FileError::FolderMissing { folder: dir });
    }
    let targets: Vec<PathBuf> = parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if i == 0 {
                path.to_path_buf()
            } else {
                path.with_extension(p.ext)
            }
        })
        .collect();
    if !replace {
        if let Some(t) = targets.iter().find(|t| t.exists()) {
            return Err(FileError::Exists { path: t.clone() });
        }
    }
    let temps = Temps::write(&dir, parts)?;
    if replace {
        temps
            .rename_all(&targets)
            .map_err(|(e, t)| FileError::from_io(&e, &t, &dir))?;
        return Ok(targets);
    }
    match temps.link_all(&targets, parts) {
        Ok(()) => Ok(targets),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            let taken = targets.iter().find(|t| t.exists()).unwrap_or(&targets[0]);
            Err(FileError::Exists {
                path: taken.clone(),
            })
        }
        Err(e) => Err(FileError::from_io(&e, path, &dir)),
    }
}

/// The temporary files of one save, removed when dropped.
struct Temps {
    paths: Vec<PathBuf>,
}

impl Temps {
    /// Writes and flushes every part to a new hidden file in `dir`.
    fn write(dir: &Path, parts: &[Part<'_>]) -> Result<Temps, FileError> {
        let mut temps = Temps { paths: Vec::new() };
        for p in parts {
            let tmp = dir.join(format!(".sundby-{}.tmp", uuid::Uuid::new_v4().simple()));
            // Pushed first: a failed write still removes the file.
            temps.paths.push(tmp.clone());
            write_file(&tmp, p.bytes).map_err(|e| FileError::from_io(&e, &tmp, dir))?;
        }
        Ok(temps)
    }

    /// Gives every temporary file its target name, refusing a taken one
    /// (`AlreadyExists`); on any failure the names taken so far are freed
    /// again (they are this save's own files).
    fn link_all(&self, targets: &[PathBuf], parts: &[Part<'_>]) -> std::io::Result<()> {
        let mut done: Vec<&PathBuf> = Vec::new();
        for ((tmp, target), part) in self.paths.iter().zip(targets).zip(parts) {
            if let Err(e) = link_new(tmp, target, part.bytes) {
                for d in done {
                    let _ = fs::remove_file(d);
                }
                return Err(e);
            }
            done.push(target);
        }
        Ok(())
    }

    /// Renames every temporary file over its target (replacing it).
    fn rename_all(&self, targets: &[PathBuf]) -> Result<(), (std::io::Error, PathBuf)> {
        for (tmp, target) in self.paths.iter().zip(targets) {
            fs::rename(tmp, target).map_err(|e| (e, target.clone()))?;
        }
        Ok(())
    }
}

impl Drop for Temps {
    fn drop(&mut self) {
        for p in &self.paths {
            let _ = fs::remove_file(p);
        }
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = OpenOptions::new().write(true).create_new(true).open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// `target` becomes the (already flushed) `tmp`, only if `target` is free.
fn link_new(tmp: &Path, target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    match fs::hard_link(tmp, target) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Err(e),
        // No hard links here: create_new refuses a taken name just as well.
        Err(_) => copy_new(target, bytes),
    }
}

fn copy_new(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f: File = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(target)?;
    let res = f.write_all(bytes).and_then(|()| f.sync_all());
    if res.is_err() {
        // Our own half-written file: never leave it behind.
        drop(f);
        let _ = fs::remove_file(target);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(bytes: &[u8]) -> [Part<'_>; 1] {
        [Part { ext: "pdf", bytes }]
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_taken_name_gets_a_number_and_nothing_is_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let stem = "Diplomer 2026-11-22 Rådhuset";
        let a = save_new(dir.path(), stem, &one(b"one")).unwrap();
        let b = save_new(dir.path(), stem, &one(b"two")).unwrap();
        let c = save_new(dir.path(), stem, &one(b"three")).unwrap();
        assert!(a[0].ends_with("Diplomer 2026-11-22 Rådhuset.pdf"));
        assert!(b[0].ends_with("Diplomer 2026-11-22 Rådhuset (2).pdf"));
        assert!(c[0].ends_with("Diplomer 2026-11-22 Rådhuset (3).pdf"));
        assert_eq!(fs::read(&a[0]).unwrap(), b"one");
        assert_eq!(fs::read(&b[0]).unwrap(), b"two");
        // No temporary file is left behind.
        assert_eq!(names(dir.path()).len(), 3);
    }

    #[test]
    fn a_group_takes_one_number_free_for_every_part() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("Nyhedsbrev.txt"), b"someone else's").unwrap();
        let parts = [
            Part {
                ext: "html",
                bytes: b"<p>",
            },
            Part {
                ext: "txt",
                bytes: b"t",
            },
        ];
        let paths = save_new(dir.path(), "Nyhedsbrev", &parts).unwrap();
        assert!(paths[0].ends_with("Nyhedsbrev (2).html"));
        assert!(paths[1].ends_with("Nyhedsbrev (2).txt"));
        assert_eq!(
            names(dir.path()),
            [
                "Nyhedsbrev (2).html",
                "Nyhedsbrev (2).txt",
                "Nyhedsbrev.txt"
            ]
        );
        assert_eq!(
            fs::read(dir.path().join("Nyhedsbrev.txt")).unwrap(),
            b"someone else's"
        );
    }

    #[test]
    fn an_exact_path_is_refused_when_taken_unless_replace() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ud.pdf");
        save_exact(&path, &one(b"one"), false).unwrap();
        let e = save_exact(&path, &one(b"two"), false).unwrap_err();
        assert!(
            matches!(&e, FileError::Exists { path: p } if p == &path),
            "{e:?}"
        );
        assert_eq!(fs::read(&path).unwrap(), b"one");
        save_exact(&path, &one(b"two"), true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(names(dir.path()), ["ud.pdf"]);
        let missing = dir.path().join("mangler").join("ud.pdf");
        assert!(matches!(
            save_exact(&missing, &one(b"x"), false),
            Err(FileError::FolderMissing { .. })
        ));
    }

    #[test]
    fn an_exact_group_is_refused_when_any_part_is_taken() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("brev.html");
        fs::write(dir.path().join("brev.csv"), b"old").unwrap();
        let parts = [
            Part {
                ext: "html",
                bytes: b"h",
            },
            Part {
                ext: "csv",
                bytes: b"c",
            },
        ];
        let e = save_exact(&path, &parts, false).unwrap_err();
        assert!(matches!(&e, FileError::Exists { path: p } if p.ends_with("brev.csv")));
        assert!(!path.exists(), "nothing written when one part is taken");
        save_exact(&path, &parts, true).unwrap();
        assert_eq!(fs::read(dir.path().join("brev.csv")).unwrap(), b"c");
    }

    #[test]
    fn two_writers_of_one_name_at_once_get_two_files() {
        let dir = tempfile::tempdir().unwrap();
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(8));
        let handles: Vec<_> = (0..8u8)
            .map(|i| {
                let dir = dir.path().to_path_buf();
                let barrier = barrier.clone();
                std::thread::spawn(move || {
                    barrier.wait();
                    save_new(
                        &dir,
                        "Møde",
                        &[Part {
                            ext: "ics",
                            bytes: &[i],
                        }],
                    )
                    .unwrap()
                })
            })
            .collect();
        let mut paths: Vec<PathBuf> = handles
            .into_iter()
            .map(|h| h.join().unwrap()[0].clone())
            .collect();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), 8, "every writer got its own file");
        let mut contents: Vec<u8> = paths.iter().map(|p| fs::read(p).unwrap()[0]).collect();
        contents.sort_unstable();
        assert_eq!(
            contents,
            (0..8).collect::<Vec<u8>>(),
            "no file was overwritten"
        );
        assert_eq!(names(dir.path()).len(), 8);
    }

    #[test]
    fn without_hard_links_create_new_still_refuses_a_taken_name() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.pdf");
        copy_new(&target, b"one").unwrap();
        let e = copy_new(&target, b"two").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&target).unwrap(), b"one");
    }
}
