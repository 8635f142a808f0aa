//! Data safety and privacy on real files (issue 15): backups that open and
//! pass the integrity check (also while another connection writes), restore
//! after an erasure leaving the person erased in every byte of the data
//! folder, the location warnings, consent history reaching the recipient
//! list, the register extract holding every area's data, and the store's
//! messages for a read-only or locked database.

#[path = "../common/fixtures.rs"]
mod fixtures;
#[path = "../common/tools.rs"]
mod tools;

use std::path::{Path, PathBuf};
use sundby_core::backups::{self, location};
use sundby_core::i18n::{Lang, Localize};
use sundby_core::partners::{self, ContactInput, PartnerInput};
use sundby_core::store::{self, CopyKind, Store};

fn goal_ids(conn: &rusqlite::Connection) -> Vec<String> {
    sundby_core::settings::goals(conn, false)
        .unwrap()
        .into_iter()
        .map(|g| g.id)
        .collect()
}

/// A private person with an e-mail contact, an address and a note: all
/// personal data.
fn citizen(conn: &rusqlite::Connection, name: &str, email: &str) -> PartnerInput {
    PartnerInput {
        name: name.into(),
        kind: "borger".into(),
        status: "aktiv".into(),
        goals: vec![goal_ids(conn)[0].clone()],
        address: "Kastanievej 17, 7000 Fredericia".into(),
        notes: format!("Noter om {name}: ringer om aftenen"),
        consent_email: true,
        consent_email_on: "2026-01-10".into(),
        contacts: vec![ContactInput {
            name: name.into(),
            email: email.into(),
            phone: "12 34 56 78".into(),
            is_primary: true,
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn contains(hay: &[u8], needle: &str) -> bool {
    let n = needle.as_bytes();
    hay.windows(n.len()).any(|w| w == n)
}

fn no_byte_of(dir: &Path, needles: &[&str]) {
    for f in files_under(dir) {
        let bytes = std::fs::read(&f).unwrap();
        for n in needles {
            assert!(!contains(&bytes, n), "{n:?} is still in {}", f.display());
        }
    }
}

#[test]
fn a_backup_opens_passes_integrity_check_and_counts_what_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = Store::open_dir(dir.path()).unwrap();
    partners::demo::load(&mut s.conn).unwrap();
    let taken = backups::take(&s, CopyKind::MANUAL).unwrap();
    assert!(store::passes_integrity_check(&taken.path));
    assert_eq!(backups::counts_of(&taken.path), Some((60, 0, 0)));
    let status = backups::status(&s).unwrap();
    assert_eq!(status.copies.len(), 1);
    assert_eq!(status.copies[0].backup.kind, "manual");
    assert_eq!(status.copies[0].partners, 60);
    assert!(status.last_good.is_some());
    assert!(!status.warn);
    // The daily copy is not taken twice on one day.
    assert!(backups::daily(&s).unwrap().is_none());
}

#[test]
fn a_backup_while_another_connection_writes_is_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let (s, _) = Store::open_dir(dir.path()).unwrap();
    let db = dir.path().join(store::DB_FILE);
    let writer = std::thread::spawn(move || {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .unwrap();
        for i in 0..300 {
            // Ten rows per transaction: a copy must hold whole transactions.
            let tx = conn.unchecked_transaction().unwrap();
            for j in 0..10 {
                fixtures::partner(&tx, &format!("Skriver {i}-{j}"), "forening", "aktiv");
            }
            tx.commit().unwrap();
        }
    });
    let mut paths = Vec::new();
    for _ in 0..5 {
        paths.push(
            store::backup_into(&s.conn, &dir.path().join("kopier"), CopyKind::MANUAL).unwrap(),
        );
    }
    writer.join().unwrap();
    for p in &paths {
        assert!(store::passes_integrity_check(p), "{}", p.display());
        let (partners, _, _) = backups::counts_of(p).unwrap();
        assert_eq!(
            partners % 10,
            0,
            "a copy holds half a transaction: {partners}"
        );
    }
}

#[test]
fn restoring_a_backup_made_before_an_erasure_leaves_the_person_erased() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let outside = root.path().join("usb");
    std::fs::create_dir_all(&outside).unwrap();
    let name = "Ingeborg Særligsen";
    let email = "ingeborg.saerligsen@example.dk";
    {
        let (mut s, _) = Store::open_dir(&data).unwrap();
        partners::demo::load(&mut s.conn).unwrap();
        let input = citizen(&s.conn, name, email);
        let p = partners::create(&mut s.conn, &input).unwrap();
        // One copy in backups/, one outside the data folder (a USB stick).
        let inside = backups::take(&s, CopyKind::MANUAL).unwrap();
        store::backup_to(&s.conn, &outside.join("kopi.sqlite3"), false).unwrap();
        let mut i = citizen(&s.conn, "Gunnar Efter", "gunnar@example.dk");
        i.notes.clear();
        i.address = "Anden Vej 2".into();
        partners::create(&mut s.conn, &i).unwrap();
        partners::erase(&mut s.conn, &p.id).unwrap();
        // The erasure reached the copy in backups/ too.
        let bytes = std::fs::read(&inside.path).unwrap();
        assert!(!contains(&bytes, name) && !contains(&bytes, email));
        // The copy outside still holds the person: restoring it must not
        // bring them back.
        let r = backups::restore(&mut s, &outside.join("kopi.sqlite3")).unwrap();
        assert_eq!(r.erased_again, 1);
        // The person had no diplomas or grants: erasure deleted the row.
        assert_eq!(r.partners, 60);
        let again = partners::get(&s.conn, &p.id);
        assert!(again.is_err() || again.unwrap().erased_at.is_some());
        assert!(partners::email_contacts(&s.conn)
            .unwrap()
            .iter()
            .all(|c| c.email != email));
        // The change after the backup is gone; the state before the restore
        // is a backup of its own.
        let listed = partners::list(&s.conn, &Default::default()).unwrap();
        assert!(listed.rows.iter().all(|r| r.name != "Gunnar Efter"));
        let before = data.join(store::BACKUP_DIR).join(&r.before);
        let conn = rusqlite::Connection::open(&before).unwrap();
        let gunnar: i64 = conn
            .query_row(
                "SELECT count(*) FROM partners WHERE name = 'Gunnar Efter'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(gunnar, 1);
    }
    // Closed: no byte of the person is left in any file of the data folder.
    no_byte_of(&data, &[name, email, "Kastanievej 17", "ringer om aftenen"]);
    // Opened again (the erasure log's file is read at start-up): still erased.
    let (mut s, _) = Store::open_dir(&data).unwrap();
    assert_eq!(backups::on_open(&mut s).unwrap(), 0);
    assert!(data.join(partners::erasure::LOG_FILE).is_file());
}

#[test]
fn a_database_put_back_by_hand_is_brought_up_to_the_erasure_log_at_start() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let old = root.path().join("old.sqlite3");
    let id;
    {
        let (mut s, _) = Store::open_dir(&data).unwrap();
        let input = citizen(&s.conn, "Hans Hånd", "hh@example.dk");
        id = partners::create(&mut s.conn, &input).unwrap().id;
        store::backup_to(&s.conn, &old, false).unwrap();
        partners::erase(&mut s.conn, &id).unwrap();
    }
    // The consultant copies the old file over the database.
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(data.join(format!("{}{ext}", store::DB_FILE)));
    }
    std::fs::copy(&old, data.join(store::DB_FILE)).unwrap();
    let (mut s, _) = Store::open_dir(&data).unwrap();
    assert_eq!(backups::on_open(&mut s).unwrap(), 1);
    assert!(partners::email_contacts(&s.conn).unwrap().is_empty());
}

#[test]
fn a_second_folder_gets_every_copy_and_a_missing_one_does_not_stop_the_backup() {
    let root = tempfile::tempdir().unwrap();
    let (s, _) = Store::open_dir(&root.path().join("data")).unwrap();
    let usb = root.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let cfg = backups::BackupSettings {
        second_folder: usb.display().to_string(),
        ..Default::default()
    };
    backups::save_settings(&s.conn, &cfg).unwrap();
    let t = backups::take(&s, CopyKind::MANUAL).unwrap();
    assert_eq!(t.second_folder_ok, Some(true));
    assert!(store::passes_integrity_check(&usb.join(&t.file_name)));
    // Unplugged: the copy in backups/ is still taken.
    let gone = backups::BackupSettings {
        second_folder: "/proc/ingen-usb/nøgle".into(),
        ..Default::default()
    };
    backups::save_settings(&s.conn, &gone).unwrap();
    let t = backups::take(&s, CopyKind::MANUAL).unwrap();
    assert_eq!(t.second_folder_ok, Some(false));
    assert!(t.path.is_file());
    // A relative folder is refused with the field named.
    let rel = backups::BackupSettings {
        second_folder: "usb".into(),
        ..Default::default()
    };
    let err = backups::save_settings(&s.conn, &rel).unwrap_err();
    assert_eq!(err.field(), Some("backup_folder"));
}

#[test]
fn a_folder_under_onedrive_is_a_sync_folder() {
    let root = tempfile::tempdir().unwrap();
    let dir = root
        .path()
        .join("OneDrive - Fredericia Kommune")
        .join("Sund By");
    std::fs::create_dir_all(&dir).unwrap();
    let risk = location::check(&dir).unwrap();
    assert_eq!(risk.code(), "location.synced");
    assert!(
        risk.message(Lang::Da).contains("OneDrive"),
        "{}",
        risk.message(Lang::Da)
    );
    assert_eq!(location::check(root.path()), None);
}

#[test]
fn a_tmpfs_standing_in_for_a_network_drive_is_found_by_its_mount() {
    // /dev/shm is a tmpfs on Linux; the test names tmpfs a network type.
    let shm = Path::new("/dev/shm");
    let info = std::fs::read_to_string("/proc/self/mountinfo").unwrap_or_default();
    if location::fs_type_of(shm, &info).as_deref() != Some("tmpfs") {
        eprintln!("no tmpfs at /dev/shm: skipped");
        return;
    }
    let dir = tempfile::tempdir_in(shm).unwrap();
    assert_eq!(
        location::check(dir.path()),
        None,
        "tmpfs is local by default"
    );
    std::env::set_var(location::NETWORK_FS_ENV, "tmpfs");
    let risk = location::check(&dir.path().join("not-yet-made"));
    std::env::remove_var(location::NETWORK_FS_ENV);
    assert_eq!(risk, Some(location::Risk::Network { fs: "tmpfs".into() }));
}

#[test]
fn consent_changes_are_kept_and_a_withdrawn_email_consent_leaves_every_list() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = Store::open_dir(dir.path()).unwrap();
    let input = citizen(&s.conn, "Karen Samtykke", "karen@example.dk");
    let p = partners::create(&mut s.conn, &input).unwrap();
    assert_eq!(partners::email_contacts(&s.conn).unwrap().len(), 1);
    let mut off = input.clone();
    off.consent_email = false;
    off.consent_public = true;
    off.consent_public_on = "2026-02-01".into();
    partners::update(&mut s.conn, &p.id, &off).unwrap();
    assert!(partners::email_contacts(&s.conn).unwrap().is_empty());
    let newsletter = sundby_core::events::newsletter::build(
        &s.conn,
        &sundby_core::events::newsletter::NewsletterInput {
            from: "2026-01-01".into(),
            to: "2026-12-31".into(),
            stories: Vec::new(),
        },
    )
    .unwrap();
    assert!(newsletter.recipients.is_empty());
    let h = partners::consents::history(&s.conn, &p.id).unwrap();
    let got: Vec<(&str, bool, &str)> = h
        .iter()
        .map(|c| (c.consent.as_str(), c.given, c.source.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("email", true, "form"),
            ("public", true, "form"),
            ("email", false, "form")
        ]
    );
    assert_eq!(h[0].changed_on, "2026-01-10");
    // Saving again without a change adds nothing.
    partners::update(&mut s.conn, &p.id, &off).unwrap();
    assert_eq!(
        partners::consents::history(&s.conn, &p.id).unwrap().len(),
        3
    );
}

#[test]
fn an_import_records_its_consents_with_the_source_import_and_undo_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = Store::open_dir(dir.path()).unwrap();
    let csv = "Navn;Type;Status;Samtykke e-mail\nForeningen Import;forening;interesseret;ja\n";
    let r = partners::import::run(
        &mut s.conn,
        csv.as_bytes(),
        "a.csv",
        None,
        partners::import::OnDuplicate::Skip,
        Lang::Da,
    )
    .unwrap();
    assert_eq!(r.created, 1);
    let id = sundby_core::privacy::find(&s.conn, "Foreningen Import").unwrap();
    let h = partners::consents::history(&s.conn, &id).unwrap();
    assert_eq!(h.len(), 1, "{h:?}");
    assert_eq!(
        (h[0].consent.as_str(), h[0].given, h[0].source.as_str()),
        ("email", true, "import")
    );
    partners::import::undo(&mut s.conn, &r.batch_id).unwrap();
    assert!(sundby_core::privacy::find(&s.conn, "Foreningen Import").is_err());
}

#[test]
fn the_extract_holds_every_areas_data_for_the_person() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = Store::open_dir(dir.path()).unwrap();
    let input = citizen(&s.conn, "Ole Indsigt", "ole@example.dk");
    let p = partners::create(&mut s.conn, &input).unwrap();
    // events
    let ev = sundby_core::events::store::save(
        &mut s.conn,
        &fixtures::event(
            "Netværksmøde om trivsel",
            ("2026-03-03", "16:00"),
            ("2026-03-03", "18:00"),
        ),
    )
    .unwrap();
    sundby_core::events::store::add_participant(
        &mut s.conn,
        &ev.event.id,
        &p.id,
        sundby_core::events::ParticipantStatus::Deltog,
    )
    .unwrap();
    // diplomas
    let c = sundby_core::diploma::store::save_ceremony(
        &s.conn,
        &sundby_core::diploma::store::CeremonyInput {
            id: None,
            held_on: "2026-04-01".into(),
            place: "Rådhuset".into(),
            signatory_slots: Vec::new(),
            notes: String::new(),
        },
    )
    .unwrap();
    sundby_core::diploma::store::mark_issued(&mut s.conn, &c.id, std::slice::from_ref(&p.id))
        .unwrap();
    // grants
    sundby_core::grants::ensure_pool(&mut s.conn, 2026).unwrap();
    sundby_core::grants::create_application(
        &mut s.conn,
        &fixtures::app_input(&p.id, "1.500", "Gåtur for naboer"),
    )
    .unwrap();
    // newsletters: one issue while the e-mail consent was given
    sundby_core::events::newsletter::record(
        &s.conn,
        &sundby_core::events::newsletter::NewsletterInput {
            from: "2026-01-01".into(),
            to: "2026-02-28".into(),
            stories: Vec::new(),
        },
        chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
    )
    .unwrap();
    let e = sundby_core::privacy::extract(&s.conn, &p.id).unwrap();
    assert_eq!(e.partner.contacts[0].email, "ole@example.dk");
    assert_eq!(e.consent_history.len(), 1);
    assert_eq!(e.events.len(), 1);
    assert_eq!(e.diplomas.len(), 1);
    assert_eq!(e.grants.len(), 1);
    assert_eq!(e.newsletters.len(), 1);
    let json: serde_json::Value =
        serde_json::from_slice(&sundby_core::privacy::to_json(&e)).unwrap();
    assert_eq!(json["format"], sundby_core::privacy::FORMAT);
    assert_eq!(
        json["grants"][0]["application"]["purpose"],
        "Gåtur for naboer"
    );
    assert_eq!(json["events"][0]["title"], "Netværksmøde om trivsel");
    assert!(json["nominations"].as_array().unwrap().is_empty());
    // The readable sections name every area too.
    let sections = sundby_core::privacy::document::sections(&e, Lang::Da);
    let text = format!("{sections:?}");
    for needle in [
        "Kastanievej 17",
        "ole@example.dk",
        "Netværksmøde om trivsel",
        "Rådhuset",
        "Gåtur for naboer",
        "formularen",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
}

#[test]
fn a_read_only_or_locked_database_says_so_in_danish() {
    let dir = tempfile::tempdir().unwrap();
    let (s, _) = Store::open_dir(dir.path()).unwrap();
    drop(s);
    let db = dir.path().join(store::DB_FILE);
    let ro = rusqlite::Connection::open_with_flags(&db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap();
    let err = sundby_core::settings::set_pref(&ro, "x", "y").unwrap_err();
    assert_eq!(err.code(), "store.read_only");
    let da = err.message(Lang::Da);
    assert!(
        da.contains("skrivebeskyttet") && !da.contains("readonly"),
        "{da}"
    );
    // Locked: another connection holds the write lock.
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let other = rusqlite::Connection::open(&db).unwrap();
    other
        .busy_timeout(std::time::Duration::from_millis(50))
        .unwrap();
    let err = sundby_core::settings::set_pref(&other, "x", "y").unwrap_err();
    assert_eq!(err.code(), "store.locked");
    assert!(err
        .message(Lang::Da)
        .contains("optaget af et andet program"));
    assert!(err.message(Lang::En).contains("in use by another program"));
    holder.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn an_erasure_scrubs_the_copies_in_the_second_backup_folder_too() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let usb = root.path().join("usb");
    let (mut s, _) = Store::open_dir(&data).unwrap();
    partners::demo::load(&mut s.conn).unwrap();
    let name = "Vibeke Andenmappe";
    let email = "vibeke.andenmappe@example.dk";
    let input = citizen(&s.conn, name, email);
    let p = partners::create(&mut s.conn, &input).unwrap();
    let cfg = backups::BackupSettings {
        second_folder: usb.display().to_string(),
        ..Default::default()
    };
    backups::save_settings(&s.conn, &cfg).unwrap();
    let t = backups::take(&s, CopyKind::MANUAL).unwrap();
    assert_eq!(t.second_folder_ok, Some(true));
    let second = usb.join(&t.file_name);
    assert!(
        contains(&std::fs::read(&second).unwrap(), email),
        "the copy holds the person before"
    );
    assert_eq!(
        backups::copy_folders(&s.conn),
        vec![data.join(store::BACKUP_DIR), usb.clone()]
    );
    partners::erase(&mut s.conn, &p.id).unwrap();
    // Same rule as backups/: the copy stays, healthy, without the person.
    assert!(store::passes_integrity_check(&second));
    assert_eq!(backups::counts_of(&second).unwrap().0, 60);
    no_byte_of(&usb, &[name, email, "Kastanievej 17", "ringer om aftenen"]);
    no_byte_of(
        &data.join(store::BACKUP_DIR),
        &[name, email, "Kastanievej 17", "ringer om aftenen"],
    );
}

/// The n-th partner of the full-disk test.
fn nth_name(i: usize) -> String {
    format!("Fuld Disk Forening nr. {i}")
}

#[test]
fn a_full_disk_gives_the_danish_message_and_nothing_saved_is_lost() {
    // A real full file system: a 3 MB tmpfs as the data folder. Mounting
    // needs root (or a mount namespace); where it is impossible the test
    // fails, unless SUNDBY_SKIP_MOUNT_TESTS=1 says it may not run here.
    let root = tempfile::tempdir().unwrap();
    let at = root.path().join("fuld");
    let mounted = match tools::Mounted::tmpfs(&at, "3m") {
        Ok(m) => m,
        Err(e) if std::env::var("SUNDBY_SKIP_MOUNT_TESTS").as_deref() == Ok("1") => {
            eprintln!("NOT RUN: cannot mount a tmpfs here ({e})");
            return;
        }
        Err(e) => panic!("cannot mount a tmpfs ({e}); set SUNDBY_SKIP_MOUNT_TESTS=1 to skip"),
    };
    let data = mounted.0.join("data");
    let (mut s, _) = Store::open_dir(&data).unwrap();
    let goal = goal_ids(&s.conn)[0].clone();
    let org = |i: usize| PartnerInput {
        name: nth_name(i),
        kind: "forening".into(),
        status: "aktiv".into(),
        goals: vec![goal.clone()],
        notes: "x".repeat(1500),
        ..Default::default()
    };
    let mut saved = Vec::new();
    for i in 0..20 {
        saved.push(partners::create(&mut s.conn, &org(i)).unwrap().id);
    }
    // Fill what is left with a file, to the last byte.
    mounted.fill("fyld.bin");
    // Writes through the register's own function until one fails (the WAL
    // may still hold a few pages of room): that one is the full disk.
    let mut failed = None;
    for i in 20..2000 {
        match partners::create(&mut s.conn, &org(i)) {
            Ok(p) => saved.push(p.id),
            Err(e) => {
                failed = Some(e);
                break;
            }
        }
    }
    let err = failed.expect("a write on a full disk must fail");
    assert_eq!(err.code(), "store.disk_full", "{err:?}");
    let da = err.message(Lang::Da);
    assert!(da.contains("ikke mere plads på drevet"), "{da}");
    assert!(!da.contains("database or disk is full"), "{da}");
    assert!(err.message(Lang::En).contains("The drive is full"));
    // Still open on the full disk: everything saved reads back.
    for id in &saved {
        assert!(partners::get(&s.conn, id).is_ok(), "{id} lost");
    }
    drop(s);
    // Space again: the database opens healthy, with every saved partner.
    std::fs::remove_file(mounted.0.join("fyld.bin")).unwrap();
    let (s, _) = Store::open_dir(&data).unwrap();
    assert!(store::passes_integrity_check(&data.join(store::DB_FILE)));
    assert_eq!(partners::store::count(&s.conn).unwrap(), saved.len() as i64);
    for id in &saved {
        assert!(partners::get(&s.conn, id).is_ok(), "{id} lost");
    }
    eprintln!("full disk after {} partners", saved.len());
}

#[test]
fn a_contact_persons_extract_holds_only_that_persons_data() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _) = Store::open_dir(dir.path()).unwrap();
    partners::demo::load(&mut s.conn).unwrap();
    // The demo round records "Lise Opdigtet" as the nominator of some
    // nominations.
    sundby_core::awards::demo::fill(&mut s.conn, sundby_core::dates::today()).unwrap();
    let goal = goal_ids(&s.conn)[0].clone();
    let org = partners::create(
        &mut s.conn,
        &PartnerInput {
            name: "Kontaktforeningen".into(),
            kind: "forening".into(),
            status: "aktiv".into(),
            goals: vec![goal],
            notes: "Foreningens egne noter".into(),
            consent_email: true,
            consent_email_on: "2026-01-10".into(),
            contacts: vec![
                ContactInput {
                    name: "Lise Opdigtet".into(),
                    email: "lise.opdigtet@example.dk".into(),
                    role: "Formand".into(),
                    is_primary: true,
                    ..Default::default()
                },
                ContactInput {
                    name: "Åse Ærøskøbing".into(),
                    email: "aase@example.dk".into(),
                    phone: "87 65 43 21".into(),
                    ..Default::default()
                },
            ],
            ..Default::default()
        },
    )
    .unwrap();
    let ole_input = citizen(&s.conn, "Ole Kontakt", "ole.k@example.dk");
    let person = partners::create(&mut s.conn, &ole_input).unwrap();
    let ev = sundby_core::events::store::save(
        &mut s.conn,
        &fixtures::event(
            "Gåtur i Kongens Have",
            ("2026-03-03", "16:00"),
            ("2026-03-03", "18:00"),
        ),
    )
    .unwrap();
    for id in [&org.id, &person.id] {
        sundby_core::events::store::add_participant(
            &mut s.conn,
            &ev.event.id,
            id,
            sundby_core::events::ParticipantStatus::Deltog,
        )
        .unwrap();
    }
    sundby_core::events::newsletter::record(
        &s.conn,
        &sundby_core::events::newsletter::NewsletterInput {
            from: "2026-01-01".into(),
            to: "2026-02-28".into(),
            stories: Vec::new(),
        },
        chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
    )
    .unwrap();
    use sundby_core::privacy::contact;

    // Found by name (case-insensitive, Danish letters too) or by id.
    let lise = contact::find(&s.conn, "lise opdigtet").unwrap();
    let aase = contact::find(&s.conn, "ÅSE ÆRØSKØBING").unwrap();
    assert_eq!(contact::find(&s.conn, &aase).unwrap(), aase);
    let missing = contact::find(&s.conn, "Ingen Sådan").unwrap_err();
    assert_eq!(missing.code(), "privacy.contact_not_found");
    assert!(missing.message(Lang::Da).contains("Ingen Sådan"));

    // The primary contact: the record, the consents with their history,
    // the issue sent to them, the nominations they wrote; no event (the
    // organisation's participation does not say who came).
    let e = contact::extract(&s.conn, &lise).unwrap();
    assert_eq!(e.contact.email, "lise.opdigtet@example.dk");
    assert_eq!(e.partner.name, "Kontaktforeningen");
    assert!(e.consents.email);
    assert_eq!(e.consent_history.len(), 1);
    assert_eq!(e.newsletters.len(), 1);
    assert!(e.events.is_empty());
    assert!(!e.nominations_written.is_empty());
    assert!(e
        .nominations_written
        .iter()
        .all(|n| n.nominator_name == "Lise Opdigtet"));
    let json = contact::to_json(&e);
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(v["format"], contact::FORMAT);
    assert_eq!(v["contact"]["role"], "Formand");
    // Nobody else's data: not the other contact, not the partner's notes.
    for other in [
        "Åse",
        "aase@example.dk",
        "87 65 43 21",
        "Foreningens egne noter",
    ] {
        assert!(!contains(&json, other), "{other} in the contact extract");
    }

    // The other contact: not the primary one, so no newsletter.
    let e2 = contact::extract(&s.conn, &aase).unwrap();
    assert!(e2.newsletters.is_empty() && e2.nominations_written.is_empty());
    assert!(!contains(
        &contact::to_json(&e2),
        "lise.opdigtet@example.dk"
    ));

    // A private person: their own participation counts.
    let ole = contact::find(&s.conn, "Ole Kontakt").unwrap();
    let e3 = contact::extract(&s.conn, &ole).unwrap();
    assert_eq!(e3.events.len(), 1);
    assert_eq!(e3.events[0].title, "Gåtur i Kongens Have");
    assert_eq!(e3.newsletters.len(), 1);

    // The PDF through the shared print writer, read back.
    let out = dir.path().join("ud");
    std::fs::create_dir_all(&out).unwrap();
    let path = contact::save(
        &s.conn,
        &lise,
        sundby_core::privacy::Format::Pdf,
        &sundby_core::files::Target::Exact {
            path: out.join("lise.pdf"),
            replace: false,
        },
        Lang::Da,
    )
    .unwrap();
    tools::qpdf_ok(&path);
    let text = tools::pdftotext(&path);
    for needle in [
        "Registerudtræk: Lise Opdigtet",
        "lise.opdigtet@example.dk",
        "Kontaktforeningen",
        "Nyhedsbreve sendt til personen",
        "Indstillinger, personen har skrevet",
    ] {
        assert!(text.contains(needle), "{needle} not in the PDF");
    }
    assert!(!text.contains("aase@example.dk"));
}
