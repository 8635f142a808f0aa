//! Where the data folder lives: SQLite's locking and its write-ahead log are
//! not safe on a network file system (SMB/CIFS, NFS, …) or in a folder a sync
//! client manages (OneDrive, Dropbox, Google Drive, iCloud), which may copy
//! the file halfway through a write or hand an old copy back. [`check`] says
//! which, so the start-up can warn and tell what to do instead.
//!
//! Detection: a sync folder by the names of the path's folders; a network
//! drive by a UNC path (`\\server\share`) and by what the system says of
//! the place holding the folder:
//! - Linux: the file-system type of the mount (`/proc/self/mountinfo`);
//! - macOS: the file-system type `statfs` gives (`f_fstypename`: `smbfs`,
//!   `nfs`, `afpfs`, `webdav`, …);
//! - Windows: a mapped drive letter (`N:`) whose `GetDriveTypeW` is
//!   `DRIVE_REMOTE`.
//!
//! The decisions are pure functions tested on every platform
//! ([`is_network_fs`], [`fs_type_of`], [`fs_type_name`], [`drive_root`],
//! [`drive_is_remote`]); the system calls (`os`) only fetch the answer.
//! [`NETWORK_FS_ENV`] adds file-system types to treat as network ones (the
//! tests use it to stand a tmpfs in for a network drive).

use crate::i18n::{Lang, Localize};
use serde::Serialize;
use std::path::{Component, Path};

/// Extra file-system types (comma-separated) to treat as network drives.
pub const NETWORK_FS_ENV: &str = "SUNDBY_NETWORK_FS_TYPES";

/// Why the data folder's place is not safe for the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Risk {
    /// Inside a folder a sync client manages.
    Synced { service: String },
    /// On a network file system (`fs` is its type, or `unc`).
    Network { fs: String },
}

/// The sync services and the folder names they use.
const SYNC_FOLDERS: &[(&str, &str)] = &[
    ("onedrive", "OneDrive"),
    ("dropbox", "Dropbox"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("icloud drive", "iCloud"),
    ("icloud", "iCloud"),
    ("mobile documents", "iCloud"),
    ("com~apple~clouddocs", "iCloud"),
    ("box", "Box"),
    ("box sync", "Box"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
    ("pcloud", "pCloud"),
    ("sync.com", "Sync.com"),
];

/// File-system types that are network ones.
const NETWORK_FS: &[&str] = &[
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "nfs",
    "nfs4",
    "afs",
    "9p",
    "afpfs",
    "fuse.sshfs",
    "sshfs",
    "webdav",
    "davfs",
    "fuse.davfs2",
    "ncpfs",
    "fuse.rclone",
    "glusterfs",
    "ceph",
];

/// The risk of keeping the database in `dir`, or `None` for a local folder.
pub fn check(dir: &Path) -> Option<Risk> {
    synced(dir).or_else(|| network(dir))
}

/// A sync client's folder among `dir`'s folders ("OneDrive", "OneDrive -
/// Fredericia Kommune", "Dropbox (Personal)", …).
pub fn synced(dir: &Path) -> Option<Risk> {
    for c in dir.components() {
        let Component::Normal(name) = c else { continue };
        let name = name.to_string_lossy().to_lowercase();
        for (folder, service) in SYNC_FOLDERS {
            let matches = name == *folder
                || name.starts_with(&format!("{folder} -"))
                || name.starts_with(&format!("{folder} ("));
            if matches {
                return Some(Risk::Synced {
                    service: (*service).to_string(),
                });
            }
        }
    }
    None
}

fn network(dir: &Path) -> Option<Risk> {
    let text = dir.to_string_lossy();
    let unc = (text.starts_with("\\\\") || text.starts_with("//"))
        && !text.starts_with("\\\\?\\")
        && !text.starts_with("\\\\.\\");
    if unc || text.starts_with("\\\\?\\UNC\\") {
        return Some(Risk::Network { fs: "unc".into() });
    }
    let fs = os::fs_type(dir)?;
    is_network_fs(&fs).then_some(Risk::Network { fs })
}

/// The type name [`os::fs_type`] gives a Windows drive that
/// `GetDriveTypeW` calls `DRIVE_REMOTE` (a mapped network drive).
pub const REMOTE_DRIVE: &str = "remote-drive";

/// `GetDriveTypeW`'s answer for a remote (network) drive (`DRIVE_REMOTE`,
/// documented as 4).
pub const DRIVE_REMOTE: u32 = 4;

/// Whether a `GetDriveTypeW` answer is a network drive.
pub fn drive_is_remote(drive_type: u32) -> bool {
    drive_type == DRIVE_REMOTE
}

/// The root (`N:\`) of the drive letter a Windows path starts with
/// (`N:\Sund By`, `n:/x`, `\\?\N:\x`), or `None` (a UNC path, a relative
/// path, a Unix path).
pub fn drive_root(path: &str) -> Option<String> {
    let rest = path.strip_prefix("\\\\?\\").unwrap_or(path);
    let mut chars = rest.chars();
    let (letter, colon) = (chars.next()?, chars.next()?);
    let after = chars.next();
    let ok =
        letter.is_ascii_alphabetic() && colon == ':' && after.is_none_or(|c| c == '\\' || c == '/');
    ok.then(|| format!("{}:\\", letter.to_ascii_uppercase()))
}

/// The text of a fixed-size, NUL-terminated C name (macOS `f_fstypename`).
pub fn fs_type_name(raw: &[u8]) -> String {
    let end = raw.iter().position(|b| *b == 0).unwrap_or(raw.len());
    String::from_utf8_lossy(&raw[..end]).into_owned()
}

/// The thin system calls: the file-system type (or [`REMOTE_DRIVE`]) of the
/// place that holds a folder. Only the host's is compiled.
mod os {
    use std::path::Path;

    #[cfg(target_os = "linux")]
    pub fn fs_type(dir: &Path) -> Option<String> {
        let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
        let dir = super::existing_ancestor(dir)?;
        super::fs_type_of(&dir, &mountinfo)
    }

    #[cfg(target_os = "macos")]
    pub fn fs_type(dir: &Path) -> Option<String> {
        use std::os::unix::ffi::OsStrExt;
        let dir = super::existing_ancestor(dir)?;
        let c = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
        // SAFETY: `c` is a NUL-terminated path; `buf` is a zeroed statfs the
        // call fills in; nothing is kept past the call.
        let mut buf: libc::statfs = unsafe { std::mem::zeroed() };
        if unsafe { libc::statfs(c.as_ptr(), &mut buf) } != 0 {
            return None;
        }
        let raw: Vec<u8> = buf.f_fstypename.iter().map(|b| *b as u8).collect();
        Some(super::fs_type_name(&raw))
    }

    #[cfg(windows)]
    pub fn fs_type(dir: &Path) -> Option<String> {
        let root = super::drive_root(&dir.to_string_lossy())?;
        let wide: Vec<u16> = root.encode_utf16().chain(std::iter::once(0)).collect();
        // SAFETY: `wide` is a NUL-terminated UTF-16 root path ("N:\\").
        let t = unsafe { windows_sys::Win32::Storage::FileSystem::GetDriveTypeW(wide.as_ptr()) };
        super::drive_is_remote(t).then(|| super::REMOTE_DRIVE.to_string())
    }

    #[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
    pub fn fs_type(_dir: &Path) -> Option<String> {
        None
    }
}

/// The folder itself when it exists, else its nearest existing parent (the
/// data folder is created on first start), canonical. Linux and macOS ask
/// the file system of a folder that exists; Windows reads the drive letter.
#[cfg(any(target_os = "linux", target_os = "macos"))]
fn existing_ancestor(dir: &Path) -> Option<std::path::PathBuf> {
    dir.ancestors().find_map(|a| a.canonicalize().ok())
}

/// Whether `fs` is a network file system (or one named in [`NETWORK_FS_ENV`]).
pub fn is_network_fs(fs: &str) -> bool {
    let extra = std::env::var(NETWORK_FS_ENV).unwrap_or_default();
    NETWORK_FS.contains(&fs)
        || fs == REMOTE_DRIVE
        || extra
            .split(',')
            .map(str::trim)
            .any(|t| !t.is_empty() && t == fs)
}

/// The file-system type of the mount that holds `path`, from the text of
/// `/proc/self/mountinfo`: the longest mount point that is a prefix of it.
pub fn fs_type_of(path: &Path, mountinfo: &str) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for line in mountinfo.lines() {
        // id parent major:minor root mount-point options [optional…] - type source super
        let Some((left, right)) = line.split_once(" - ") else {
            continue;
        };
        let (Some(mount), Some(fs)) = (left.split(' ').nth(4), right.split(' ').next()) else {
            continue;
        };
        let (mount, fs) = (unescape(mount), fs.to_string());
        if path.starts_with(&mount) {
            let len = mount.len();
            if best.as_ref().is_none_or(|(l, _)| len >= *l) {
                best = Some((len, fs));
            }
        }
    }
    best.map(|(_, fs)| fs)
}

/// mountinfo writes a space, tab, newline and backslash as octal escapes.
fn unescape(s: &str) -> String {
    s.replace("\\040", " ")
        .replace("\\011", "\t")
        .replace("\\012", "\n")
        .replace("\\134", "\\")
}

impl Localize for Risk {
    fn code(&self) -> &'static str {
        match self {
            Risk::Synced { .. } => "location.synced",
            Risk::Network { .. } => "location.network",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::Da, Risk::Synced { service }) => format!(
                "Datamappen ligger i en mappe, som {service} synkroniserer. Databasen kan blive beskadiget, når {service} kopierer filen midt i en gemning, eller når to computere bruger den. Flyt datamappen til en lokal mappe uden for {service} (fx med SUNDBY_DATA_DIR), og vælg i stedet {service}-mappen som anden mappe til sikkerhedskopier under Indstillinger."
            ),
            (Lang::En, Risk::Synced { service }) => format!(
                "The data folder is inside a folder that {service} synchronises. The database can be damaged when {service} copies the file in the middle of a save, or when two computers use it. Move the data folder to a local folder outside {service} (e.g. with SUNDBY_DATA_DIR) and choose the {service} folder as the second backup folder in Settings instead."
            ),
            (Lang::Da, Risk::Network { .. }) => "Datamappen ligger på et netværksdrev. Databasens låsning er ikke sikker over netværket, så data kan gå tabt eller blive beskadiget. Flyt datamappen til en lokal mappe på computeren (fx med SUNDBY_DATA_DIR), og vælg netværksdrevet som anden mappe til sikkerhedskopier under Indstillinger.".into(),
            (Lang::En, Risk::Network { .. }) => "The data folder is on a network drive. The database's locking is not safe over the network, so data can be lost or damaged. Move the data folder to a local folder on the computer (e.g. with SUNDBY_DATA_DIR) and choose the network drive as the second backup folder in Settings.".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_folders_are_found_by_name() {
        let cases = [
            ("/home/ane/OneDrive/Sund By", Some("OneDrive")),
            (
                "C:/Users/ane/OneDrive - Fredericia Kommune/data",
                Some("OneDrive"),
            ),
            ("/Users/ane/Dropbox (Personal)/x", Some("Dropbox")),
            (
                "/Users/ane/Library/Mobile Documents/com~apple~CloudDocs/x",
                Some("iCloud"),
            ),
            ("/home/ane/Google Drive/x", Some("Google Drive")),
            ("/home/ane/.local/share/dk.sundby.partner", None),
            ("/home/ane/OneDriveNotes/x", None),
        ];
        for (path, want) in cases {
            let got = synced(Path::new(path)).map(|r| match r {
                Risk::Synced { service } => service,
                Risk::Network { fs } => fs,
            });
            assert_eq!(got.as_deref(), want, "{path}");
        }
    }

    #[test]
    fn the_mount_holding_a_path_gives_its_type() {
        let info = "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n\
                    40 22 0:40 / /mnt/kommune rw,relatime shared:2 - cifs //srv/share rw\n\
                    41 22 0:41 / /mnt/kommune\\040nfs rw - nfs4 srv:/x rw\n\
                    42 22 0:42 / /mnt/kommunefil rw - ext4 /dev/sdb1 rw\n";
        let t = |p: &str| fs_type_of(Path::new(p), info);
        assert_eq!(t("/home/ane").as_deref(), Some("ext4"));
        assert_eq!(t("/mnt/kommune/sundby").as_deref(), Some("cifs"));
        assert_eq!(t("/mnt/kommune nfs/sundby").as_deref(), Some("nfs4"));
        assert_eq!(t("/mnt/kommunefil/x").as_deref(), Some("ext4"));
        assert!(is_network_fs("cifs") && is_network_fs("nfs4") && !is_network_fs("ext4"));
    }

    #[test]
    fn macos_file_system_names_are_judged() {
        let name = |s: &str| {
            let mut raw = [0u8; 16];
            raw[..s.len()].copy_from_slice(s.as_bytes());
            fs_type_name(&raw)
        };
        for remote in ["smbfs", "nfs", "afpfs", "webdav"] {
            assert_eq!(name(remote), remote);
            assert!(is_network_fs(&name(remote)), "{remote}");
        }
        for local in ["apfs", "hfs", "msdos", "exfat"] {
            assert!(!is_network_fs(&name(local)), "{local}");
        }
        assert_eq!(fs_type_name(b"apfs"), "apfs", "no NUL: the whole array");
    }

    #[test]
    fn windows_drive_letters_and_their_type_are_judged() {
        assert_eq!(drive_root("N:\\Sund By\\data").as_deref(), Some("N:\\"));
        assert_eq!(drive_root("n:/x").as_deref(), Some("N:\\"));
        assert_eq!(drive_root("\\\\?\\H:\\x").as_deref(), Some("H:\\"));
        assert_eq!(drive_root("C:").as_deref(), Some("C:\\"));
        assert_eq!(drive_root("\\\\srv\\share"), None);
        assert_eq!(drive_root("/home/ane"), None);
        assert_eq!(drive_root("CC:\\x"), None);
        assert_eq!(drive_root("1:\\x"), None);
        // GetDriveTypeW: 2 removable, 3 fixed, 4 remote, 5 CD-ROM, 6 RAM disk.
        assert!(drive_is_remote(4));
        for t in [0, 1, 2, 3, 5, 6] {
            assert!(!drive_is_remote(t), "{t}");
        }
        assert!(is_network_fs(REMOTE_DRIVE));
    }

    #[test]
    fn unc_paths_are_network_drives() {
        assert_eq!(
            check(Path::new("\\\\kommune-fil\\sundhed\\sundby")),
            Some(Risk::Network { fs: "unc".into() })
        );
    }
}
