//! Saving diploma PDFs: readable file names ("Diplomer 2026-11-22
//! Rådhuset.pdf"), never overwriting an existing file (a number is added
//! instead), and never leaving a half-written PDF behind (the bytes go to a
//! temporary file in the same folder that is then renamed).

use super::DiplomaError;
use chrono::NaiveDate;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The file name for a ceremony's PDF: "Diplomer 2026-11-22 Rådhuset.pdf".
pub fn ceremony_file_name(date: NaiveDate, place: &str) -> String {
    let place = clean(place);
    if place.is_empty() {
        format!("Diplomer {}.pdf", date.format("%Y-%m-%d"))
    } else {
        format!("Diplomer {} {place}.pdf", date.format("%Y-%m-%d"))
    }
}

/// The file name for one partner's diploma: "Diplom Børnehaven Evigglad.pdf".
pub fn partner_file_name(partner: &str) -> String {
    let p = clean(partner);
    if p.is_empty() {
        "Diplom.pdf".into()
    } else {
        format!("Diplom {p}.pdf")
    }
}

/// Removes characters that no file system accepts and trims the length, so
/// the name is safe on Windows, macOS and Linux.
pub fn clean(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if out.chars().count() > 80 {
        out = out
            .chars()
            .take(80)
            .collect::<String>()
            .trim_end()
            .to_string();
    }
    out.trim_matches(|c: char| c == '.' || c.is_whitespace())
        .to_string()
}

/// `dir/name`, or `dir/stem (2).ext`, `(3)`, … for the first name not taken.
pub fn unique_path(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) => (s.to_string(), format!(".{e}")),
        None => (name.to_string(), String::new()),
    };
    let mut i = 2;
    loop {
        let p = dir.join(format!("{stem} ({i}){ext}"));
        if !p.exists() {
            return p;
        }
        i += 1;
    }
}

/// Saves `bytes` as `name` in `dir` (created if missing) without overwriting
/// anything: returns the path actually written.
pub fn save_new(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, DiplomaError> {
    fs::create_dir_all(dir).map_err(|source| DiplomaError::FolderNotWritable {
        path: dir.to_path_buf(),
        source,
    })?;
    for _ in 0..1000 {
        let target = unique_path(dir, name);
        match write_new(&target, bytes) {
            Ok(()) => return Ok(target),
            // Someone took the name between the check and the link: try the next.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(source) => {
                return Err(if e_is_permission(&source) {
                    DiplomaError::FolderNotWritable {
                        path: dir.to_path_buf(),
                        source,
                    }
                } else {
                    DiplomaError::Io {
                        path: target,
                        source,
                    }
                })
            }
        }
    }
    Err(DiplomaError::Io {
        path: dir.join(name),
        source: std::io::Error::other("no free file name"),
    })
}

/// Saves `bytes` exactly at `path` (the CLI's `--out`), refusing to replace an
/// existing file unless `overwrite`.
pub fn save_at(path: &Path, bytes: &[u8], overwrite: bool) -> Result<PathBuf, DiplomaError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if overwrite {
        let tmp = temp_path(&dir);
        let res = write_tmp(&tmp, bytes).and_then(|()| fs::rename(&tmp, path));
        if let Err(source) = res {
            let _ = fs::remove_file(&tmp);
            return Err(DiplomaError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
        return Ok(path.to_path_buf());
    }
    write_new(path, bytes).map_err(|source| {
        if source.kind() == std::io::ErrorKind::AlreadyExists {
            DiplomaError::FileExists(path.to_path_buf())
        } else {
            DiplomaError::Io {
                path: path.to_path_buf(),
                source,
            }
        }
    })?;
    Ok(path.to_path_buf())
}

fn e_is_permission(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    )
}

fn temp_path(dir: &Path) -> PathBuf {
    dir.join(format!(".diplomer-{}.tmp", uuid::Uuid::new_v4().simple()))
}

fn write_tmp(tmp: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut f = OpenOptions::new().write(true).create_new(true).open(tmp)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Writes to a temporary file and links it to `target` only if `target`
/// does not exist (hard link, atomic); the temporary file is always removed.
fn write_new(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let tmp = temp_path(dir);
    let res = write_tmp(&tmp, bytes).and_then(|()| match fs::hard_link(&tmp, target) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
        // File systems without hard links (some network drives, FAT):
        // check, then rename. A tiny race, but never a half-written file.
        Err(_) => {
            if target.exists() {
                Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists))
            } else {
                fs::rename(&tmp, target)
            }
        }
    });
    let _ = fs::remove_file(&tmp);
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_readable_and_safe() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
        assert_eq!(
            ceremony_file_name(d, "Rådhuset"),
            "Diplomer 2026-11-22 Rådhuset.pdf"
        );
        assert_eq!(ceremony_file_name(d, " "), "Diplomer 2026-11-22.pdf");
        assert_eq!(
            partner_file_name("A/S Ærø: \"Sund\""),
            "Diplom A S Ærø Sund.pdf"
        );
    }

    #[test]
    fn never_overwrites_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let name = "Diplomer 2026-11-22 Rådhuset.pdf";
        let a = save_new(dir.path(), name, b"one").expect("first");
        let b = save_new(dir.path(), name, b"two").expect("second");
        let c = save_new(dir.path(), name, b"three").expect("third");
        assert_eq!(a.file_name().and_then(|n| n.to_str()), Some(name));
        assert_eq!(
            b.file_name().and_then(|n| n.to_str()),
            Some("Diplomer 2026-11-22 Rådhuset (2).pdf")
        );
        assert_eq!(
            c.file_name().and_then(|n| n.to_str()),
            Some("Diplomer 2026-11-22 Rådhuset (3).pdf")
        );
        assert_eq!(fs::read(&a).unwrap_or_default(), b"one");
        let names: Vec<_> = fs::read_dir(dir.path())
            .map(|r| r.filter_map(|e| e.ok()).map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(names.len(), 3, "{names:?}");
        assert!(matches!(
            save_at(&a, b"x", false),
            Err(DiplomaError::FileExists(_))
        ));
        assert_eq!(fs::read(&a).unwrap_or_default(), b"one");
    }

    #[cfg(unix)]
    #[test]
    fn an_unwritable_folder_is_a_clear_error() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let ro = dir.path().join("ro");
        fs::create_dir(&ro).expect("mkdir");
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).expect("chmod");
        // Root can write anywhere; only check when the folder really is read-only.
        if OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(ro.join("probe"))
            .is_err()
        {
            let e = save_new(&ro, "x.pdf", b"x").expect_err("must fail");
            assert!(matches!(e, DiplomaError::FolderNotWritable { .. }), "{e:?}");
        }
        let file = dir.path().join("file");
        fs::write(&file, b"x").expect("write");
        let e = save_new(&file.join("sub"), "x.pdf", b"x").expect_err("must fail");
        assert!(matches!(e, DiplomaError::FolderNotWritable { .. }));
    }
}
