//! The folder setting (with the one-time take-over of the older settings),
//! saving through a connection, and the messages of the failures a person
//! can act on.

use super::*;
use crate::store::Store;
use std::fs;

fn conn_with_folder(dir: &Path) -> Store {
    let s = Store::open_in_memory().unwrap();
    set_folder_setting(&s.conn, &dir.display().to_string(), FIELD).unwrap();
    s
}

#[test]
fn each_kind_has_its_own_danish_subfolder() {
    let dir = tempfile::tempdir().unwrap();
    let s = conn_with_folder(dir.path());
    assert_eq!(
        folder(&s.conn, DocKind::Diplomas).unwrap(),
        dir.path().join("Diplomer")
    );
    let view = folder_view(&s.conn).unwrap();
    assert_eq!(view.folder, dir.path().display().to_string());
    let names: Vec<&str> = view.kinds.iter().map(|k| k.name).collect();
    assert_eq!(
        names,
        [
            "Diplomer",
            "Bevillingsbreve",
            "Puljen",
            "Partnere",
            "Arrangementer",
            "Nyhedsbreve",
            "Rapporter",
            "Kopier",
            "Priser",
            "Publikationer"
        ]
    );
}

#[test]
fn saving_twice_in_the_folder_gives_two_files() {
    let dir = tempfile::tempdir().unwrap();
    let s = conn_with_folder(dir.path());
    let a = save(
        &s.conn,
        DocKind::Events,
        &Target::Folder,
        "Møde: plan?.ics",
        b"1",
    )
    .unwrap();
    let b = save(
        &s.conn,
        DocKind::Events,
        &Target::Folder,
        "Møde: plan?.ics",
        b"2",
    )
    .unwrap();
    assert_eq!(a, dir.path().join("Arrangementer").join("Møde plan.ics"));
    assert_eq!(
        b,
        dir.path().join("Arrangementer").join("Møde plan (2).ics")
    );
}

#[test]
fn the_setting_must_be_a_whole_path_and_empty_means_the_default() {
    let s = Store::open_in_memory().unwrap();
    let e = set_folder_setting(&s.conn, "Dokumenter", FIELD).unwrap_err();
    assert_eq!(e.code(), "files.not_absolute");
    assert_eq!(e.field(), Some(FIELD));
    assert!(
        e.message(Lang::Da).contains("ikke en hel sti"),
        "{}",
        e.message(Lang::Da)
    );
    assert_eq!(set_folder_setting(&s.conn, "  ", FIELD).unwrap(), "");
    assert_eq!(folder_setting(&s.conn).unwrap(), "");
}

#[test]
fn an_older_output_dir_or_diploma_folder_is_taken_over_once() {
    let s = Store::open_in_memory().unwrap();
    settings::set_pref(
        &s.conn,
        LEGACY_DIPLOMA_SETTINGS,
        r#"{"folder":"/srv/diplomer"}"#,
    )
    .unwrap();
    assert_eq!(folder_setting(&s.conn).unwrap(), "/srv/diplomer");
    assert_eq!(
        settings::pref(&s.conn, PREF_KEY).unwrap().as_deref(),
        Some("/srv/diplomer")
    );

    let s = Store::open_in_memory().unwrap();
    settings::set_pref(&s.conn, LEGACY_OUTPUT_DIR, "/srv/ud").unwrap();
    settings::set_pref(
        &s.conn,
        LEGACY_DIPLOMA_SETTINGS,
        r#"{"folder":"/srv/diplomer"}"#,
    )
    .unwrap();
    assert_eq!(folder_setting(&s.conn).unwrap(), "/srv/ud");
    // Once taken over, the setting is the only one: resetting it sticks.
    set_folder_setting(&s.conn, "", FIELD).unwrap();
    assert_eq!(folder_setting(&s.conn).unwrap(), "");
}

/// A folder nobody can write in: a read-only copy for ordinary users; for
/// root (who may write anywhere) `/sys`, which refuses new files.
#[cfg(unix)]
fn read_only_folder(tmp: &Path) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let ro = tmp.join("skrivebeskyttet");
    fs::create_dir(&ro).unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
    if fs::write(ro.join("probe"), b"x").is_err() {
        return Some(ro);
    }
    let sys = PathBuf::from("/sys");
    (sys.is_dir() && fs::write(sys.join("sundby-probe"), b"x").is_err()).then_some(sys)
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_gives_a_clear_danish_message() {
    let tmp = tempfile::tempdir().unwrap();
    let Some(ro) = read_only_folder(tmp.path()) else {
        eprintln!("no read-only folder on this machine; skipped");
        return;
    };
    let e = write::save_new(
        &ro,
        "Diplom",
        &[Part {
            ext: "pdf",
            bytes: b"x",
        }],
    )
    .unwrap_err();
    assert_eq!(e.code(), "files.not_writable", "{e:?}");
    assert_eq!(
        e.message(Lang::Da),
        format!(
            "Der kan ikke gemmes i mappen {}: den er skrivebeskyttet, eller du har ikke adgang til den. Vælg en anden mappe.",
            ro.display()
        )
    );
    // A file where the folder should be is as unusable.
    let file = tmp.path().join("fil");
    fs::write(&file, b"x").unwrap();
    let e = write::save_new(
        &file.join("under"),
        "x",
        &[Part {
            ext: "pdf",
            bytes: b"x",
        }],
    )
    .unwrap_err();
    assert!(
        matches!(e, FileError::NotWritable { .. } | FileError::Io { .. }),
        "{e:?}"
    );
}

#[test]
fn disk_full_and_no_access_are_told_in_danish_without_the_system_text() {
    let folder = Path::new("/media/usb");
    for (kind, code, words) in [
        (
            ErrorKind::StorageFull,
            "files.disk_full",
            "ikke plads på drevet",
        ),
        (
            ErrorKind::QuotaExceeded,
            "files.disk_full",
            "ikke plads på drevet",
        ),
        (
            ErrorKind::PermissionDenied,
            "files.not_writable",
            "ikke adgang",
        ),
        (
            ErrorKind::ReadOnlyFilesystem,
            "files.not_writable",
            "skrivebeskyttet",
        ),
        (ErrorKind::AlreadyExists, "files.exists", "findes allerede"),
    ] {
        let io = std::io::Error::new(kind, "raw library text");
        let e = FileError::from_io(&io, &folder.join("a.pdf"), folder);
        assert_eq!(e.code(), code);
        let da = e.message(Lang::Da);
        assert!(da.contains(words), "{da}");
        assert!(!da.contains("raw library text"), "{da}");
    }
}
