//! Unit and property tests of copy and merge, on real files in temporary
//! folders (an office, a laptop and a "USB stick").

use super::*;
use crate::files::Target;
use crate::partners::{self, ContactInput, PartnerInput};
use crate::store::{Store, DB_FILE};
use proptest::prelude::*;
use std::path::Path;

const GOAL1: &str = "5b0f6c1e-0001-4c6e-9a51-000000000001";
const GOAL2: &str = "5b0f6c1e-0002-4c6e-9a51-000000000002";
const GOAL3: &str = "5b0f6c1e-0003-4c6e-9a51-000000000003";

pub(crate) struct Rig {
    pub dir: tempfile::TempDir,
    pub office: Store,
    /// The copy on the "USB stick".
    pub usb: std::path::PathBuf,
}

impl Rig {
    pub fn new() -> Rig {
        let dir = tempfile::tempdir().unwrap();
        let (office, _) = Store::open_dir(&dir.path().join("office")).unwrap();
        let usb = dir.path().join("usb").join("copy.sqlite3");
        Rig { dir, office, usb }
    }

    /// Takes a copy onto the stick and opens it as the laptop would.
    pub fn take(&self) -> Store {
        std::fs::create_dir_all(self.usb.parent().unwrap()).unwrap();
        let _ = std::fs::remove_file(&self.usb);
        take(
            &self.office,
            &Target::Exact {
                path: self.usb.clone(),
                replace: false,
            },
        )
        .unwrap();
        let laptop = self.dir.path().join("laptop");
        let _ = std::fs::remove_dir_all(&laptop);
        std::fs::create_dir_all(&laptop).unwrap();
        std::fs::copy(&self.usb, laptop.join(DB_FILE)).unwrap();
        Store::open_dir(&laptop).unwrap().0
    }

    /// Closes the laptop and puts its file back on the stick.
    pub fn bring_back(&self, laptop: Store) {
        drop(laptop);
        std::fs::copy(self.dir.path().join("laptop").join(DB_FILE), &self.usb).unwrap();
    }
}

pub(crate) fn partner(s: &mut Store, name: &str, email: &str) -> String {
    partners::create(
        &mut s.conn,
        &PartnerInput {
            name: name.into(),
            kind: "forening".into(),
            goals: vec![GOAL1.into()],
            contacts: vec![ContactInput {
                name: format!("Kontakt {name}"),
                email: email.into(),
                ..Default::default()
            }],
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

fn set(s: &Store, id: &str, col: &str, v: &str) {
    s.conn
        .execute(
            &format!("UPDATE partners SET {col} = ?2, updated_at = ?3 WHERE id = ?1"),
            rusqlite::params![id, v, crate::store::now()],
        )
        .unwrap();
}

fn get(s: &Store, id: &str, col: &str) -> Option<String> {
    s.conn
        .query_row(
            &format!("SELECT {col} FROM partners WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )
        .ok()
}

fn dump(s: &Store) -> Vec<String> {
    let mut out = Vec::new();
    for t in TABLES {
        let mut stmt = s
            .conn
            .prepare(&format!("SELECT * FROM {} ", t.name))
            .unwrap();
        let n = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                Ok((0..n)
                    .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        rows.sort();
        out.extend(rows.into_iter().map(|r| format!("{}:{r}", t.name)));
    }
    out
}

#[test]
fn the_partners_table_is_where_the_differ_expects_it() {
    assert_eq!(TABLES[diff::PARTNERS].name, "partners");
    // Every table in the list exists with the schema.
    let s = Store::open_in_memory().unwrap();
    for t in TABLES {
        let n: i64 = s
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [t.name],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "{}", t.name);
        // Every write to it is counted.
        let triggers: i64 = s
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1
                 AND name LIKE 'sync_%'",
                [t.name],
                |r| r.get(0),
            )
            .unwrap();
        assert!(triggers >= 2, "{} has no change-counter triggers", t.name);
    }
    let before = meta::counter(&s.conn, "main").unwrap();
    let mut s = s;
    partners::create(
        &mut s.conn,
        &PartnerInput {
            name: "Tæller".into(),
            kind: "forening".into(),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(meta::counter(&s.conn, "main").unwrap() > before);
}

#[test]
fn a_copy_knows_it_is_a_copy_and_the_office_records_it() {
    let mut rig = Rig::new();
    partner(&mut rig.office, "Fredericia Løbeklub", "a@example.dk");
    let laptop = rig.take();
    assert!(copy_info(&rig.office.conn).unwrap().is_none());
    let info = copy_info(&laptop.conn).unwrap().unwrap();
    let copies = copy::copies(&rig.office.conn).unwrap();
    assert_eq!(copies.len(), 1);
    assert_eq!(copies[0].id, info.copy_id);
    assert_eq!(copies[0].merged_at, None);
    // A copy does not hand out copies of itself.
    assert!(matches!(
        take(
            &laptop,
            &Target::Exact {
                path: rig.dir.path().join("x.sqlite3"),
                replace: false
            }
        ),
        Err(SyncError::IsACopy)
    ));
    // The base snapshot is beside the office database.
    let base = rig.dir.path().join("office").join(COPIES_DIR);
    assert_eq!(std::fs::read_dir(base).unwrap().count(), 1);
}

#[test]
fn new_and_changed_records_come_back_and_a_copy_merges_only_once() {
    let mut rig = Rig::new();
    let a = partner(&mut rig.office, "Fredericia Løbeklub", "a@example.dk");
    let mut laptop = rig.take();
    let b = partner(&mut laptop, "Madklubben Vest", "mad@example.dk");
    set(&laptop, &a, "notes", "mødt på messen");
    set(&rig.office, &a, "initiative", "løb hver tirsdag");
    rig.bring_back(laptop);

    let before = dump(&rig.office);
    let p = preview(&rig.office, &rig.usb).unwrap();
    assert_eq!(dump(&rig.office), before, "the preview changes nothing");
    let counts = |t: &str| p.counts.iter().find(|c| c.table == t).unwrap().clone();
    assert_eq!(counts("partners").new, 1);
    assert_eq!(counts("partners").changed, 1);
    assert_eq!(counts("contacts").new, 1);
    assert!(p.conflicts.is_empty());
    assert!(p
        .changes
        .iter()
        .any(|l| l.column == "notes" && l.new == "mødt på messen" && l.old.is_empty()));

    let s = apply(&mut rig.office, &rig.usb, &[]).unwrap();
    assert_eq!(s.conflicts, 0);
    assert_eq!(get(&rig.office, &a, "notes").unwrap(), "mødt på messen");
    assert_eq!(
        get(&rig.office, &a, "initiative").unwrap(),
        "løb hver tirsdag"
    );
    assert_eq!(get(&rig.office, &b, "name").unwrap(), "Madklubben Vest");
    // The search text was rebuilt from the merged fields.
    assert!(get(&rig.office, &a, "search_text")
        .unwrap()
        .contains(&partners::collation::fold("løb hver tirsdag")));
    let found = partners::dedupe::find(&rig.office.conn, "Madklubben Vest", &[], None).unwrap();
    assert_eq!(found.len(), 1);

    let after = dump(&rig.office);
    assert!(matches!(
        apply(&mut rig.office, &rig.usb, &[]),
        Err(SyncError::AlreadyMerged { .. })
    ));
    assert!(matches!(
        preview(&rig.office, &rig.usb),
        Err(SyncError::AlreadyMerged { .. })
    ));
    assert_eq!(dump(&rig.office), after, "merging again changes nothing");
    // The base snapshot is gone with the merge (it holds personal data).
    let base = rig.dir.path().join("office").join(COPIES_DIR);
    assert_eq!(std::fs::read_dir(base).unwrap().count(), 0);
}

#[test]
fn a_conflict_keeps_the_office_value_unless_chosen_and_the_loser_is_kept() {
    for choose_copy in [false, true] {
        let mut rig = Rig::new();
        let a = partner(&mut rig.office, "Fredericia Løbeklub", "a@example.dk");
        let laptop = rig.take();
        set(&laptop, &a, "notes", "laptop");
        set(&rig.office, &a, "notes", "kontor");
        rig.bring_back(laptop);
        let p = preview(&rig.office, &rig.usb).unwrap();
        assert_eq!(p.conflicts.len(), 1);
        let c = &p.conflicts[0];
        assert_eq!((c.office.as_str(), c.copy.as_str()), ("kontor", "laptop"));
        let wins = if choose_copy {
            vec![c.id.clone()]
        } else {
            vec![]
        };
        let s = apply(&mut rig.office, &rig.usb, &wins).unwrap();
        assert_eq!(s.conflicts, 1);
        let (kept, lost) = if choose_copy {
            ("laptop", "kontor")
        } else {
            ("kontor", "laptop")
        };
        assert_eq!(get(&rig.office, &a, "notes").unwrap(), kept);
        let h = for_partner(&rig.office.conn, &a).unwrap();
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].column, "notes");
        assert_eq!(h[0].kept, if choose_copy { "copy" } else { "office" });
        let both = format!("{:?} {:?}", h[0].office_value, h[0].copy_value);
        assert!(both.contains(kept) && both.contains(lost), "{both}");
    }
}

#[test]
fn deletions_on_the_laptop_arrive_as_bin_moves() {
    let mut rig = Rig::new();
    let a = partner(&mut rig.office, "Fredericia Løbeklub", "a@example.dk");
    let b = partner(&mut rig.office, "Madklubben Vest", "mad@example.dk");
    let mut laptop = rig.take();
    partners::delete(&laptop.conn, &a).unwrap();
    partners::delete(&laptop.conn, &b).unwrap();
    partners::empty_bin(&mut laptop.conn).unwrap(); // b and a gone entirely there
    rig.bring_back(laptop);
    let s = apply(&mut rig.office, &rig.usb, &[]).unwrap();
    assert_eq!(s.binned, 2);
    for id in [&a, &b] {
        assert!(get(&rig.office, id, "deleted_at").is_some(), "in the bin");
        assert_eq!(get(&rig.office, id, "erased_at"), None);
    }
    // The contacts are still there at the office (nothing hard-deleted).
    let n: i64 = rig
        .office
        .conn
        .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 2);
}

#[test]
fn an_erasure_at_the_office_wins_over_the_laptops_edits() {
    let mut rig = Rig::new();
    let a = partner(&mut rig.office, "Hanne Hansen", "hanne@example.dk");
    let mut laptop = rig.take();
    set(&laptop, &a, "notes", "Hanne vil gerne hjælpe");
    let mut p = partners::get(&laptop.conn, &a).unwrap();
    p.contacts.clear();
    let mut input = partners::import::input_of(&p);
    input.contacts.push(ContactInput {
        name: "Hanne H.".into(),
        email: "hanne.privat@example.dk".into(),
        ..Default::default()
    });
    partners::update(&mut laptop.conn, &a, &input).unwrap();
    crate::events::store::save(
        &mut laptop.conn,
        &crate::events::EventInput {
            title: "Sundhedsmessen".into(),
            kind: "messe".into(),
            start_date: "2026-12-03".into(),
            start_time: "10:00".into(),
            end_time: "16:00".into(),
            by_municipality: true,
            ..Default::default()
        },
    )
    .unwrap();
    rig.bring_back(laptop);
    partners::erase(&mut rig.office.conn, &a).unwrap();
    let p = preview(&rig.office, &rig.usb).unwrap();
    assert_eq!(p.erased_here, 1);
    let shown = format!("{p:?}");
    assert!(
        !shown.contains("Hanne"),
        "no personal data in the preview: {shown}"
    );
    apply(&mut rig.office, &rig.usb, &[]).unwrap();
    assert_eq!(get(&rig.office, &a, "name"), None, "not brought back");
    let everything = dump(&rig.office).join("\n");
    let history: Vec<String> = rig
        .office
        .conn
        .prepare("SELECT coalesce(copy_value, '') || coalesce(office_value, '') FROM merge_history")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    for text in [everything, history.join("\n")] {
        assert!(!text.contains("Hanne"), "{text}");
        assert!(!text.contains("hanne.privat"), "{text}");
    }
    // The rest of the copy still came back.
    let n: i64 = rig
        .office
        .conn
        .query_row("SELECT count(*) FROM events", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn refusals_change_nothing() {
    let mut rig = Rig::new();
    partner(&mut rig.office, "Fredericia Løbeklub", "a@example.dk");
    let before = dump(&rig.office);
    let junk = rig.dir.path().join("junk.sqlite3");
    std::fs::write(&junk, b"not a database at all").unwrap();
    assert!(matches!(
        preview(&rig.office, &junk),
        Err(SyncError::NotACopy(_))
    ));
    // An office database that is not a copy.
    let plain_dir = rig.dir.path().join("plain");
    drop(Store::open_dir(&plain_dir).unwrap());
    let plain = plain_dir.join(DB_FILE);
    let other = Rig::new();
    assert!(matches!(
        preview(&rig.office, &plain),
        Err(SyncError::NotACopy(_))
    ));
    // A copy of another programme's database.
    let laptop = other.take();
    drop(laptop);
    assert!(matches!(
        apply(&mut rig.office, &other.usb, &[]),
        Err(SyncError::OtherProgramme { .. })
    ));
    // A truncated copy.
    let laptop = rig.take();
    rig.bring_back(laptop);
    let bytes = std::fs::read(&rig.usb).unwrap();
    let cut = rig.dir.path().join("cut.sqlite3");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    assert!(matches!(
        apply(&mut rig.office, &cut, &[]),
        Err(SyncError::NotACopy(_))
    ));
    // Still open on the laptop: its write-ahead log is beside it.
    let wal = Path::new(&format!("{}-wal", rig.usb.display())).to_path_buf();
    std::fs::write(&wal, b"pending").unwrap();
    assert!(matches!(
        apply(&mut rig.office, &rig.usb, &[]),
        Err(SyncError::StillOpen(_))
    ));
    std::fs::remove_file(&wal).unwrap();
    // Another schema version.
    let odd = rig.dir.path().join("odd.sqlite3");
    std::fs::copy(&rig.usb, &odd).unwrap();
    {
        let c = rusqlite::Connection::open(&odd).unwrap();
        c.pragma_update(None, "user_version", crate::store::schema_version() - 1)
            .unwrap();
    }
    assert!(matches!(
        apply(&mut rig.office, &odd, &[]),
        Err(SyncError::OtherSchema { .. })
    ));
    // The copies recorded are the only change (taking them is a write).
    let after: Vec<String> = dump(&rig.office);
    assert_eq!(after, before);
    // The copy on the stick was never written.
    assert_eq!(std::fs::read(&rig.usb).unwrap(), bytes);
}

// ── property: random edits on both sides, nothing lost ──────────────────

#[derive(Debug, Clone)]
enum Edit {
    Insert(u8),
    Field(u8, u8, u8),
    Delete(u8),
    AddGoal(u8, u8),
    RemoveGoal(u8, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0u8..50).prop_map(Edit::Insert),
        (0u8..6, 0u8..3, 0u8..4).prop_map(|(p, f, v)| Edit::Field(p, f, v)),
        (0u8..6).prop_map(Edit::Delete),
        (0u8..6, 0u8..3).prop_map(|(p, g)| Edit::AddGoal(p, g)),
        (0u8..6, 0u8..3).prop_map(|(p, g)| Edit::RemoveGoal(p, g)),
    ]
}

const FIELDS: [&str; 3] = ["notes", "initiative", "arena"];
const GOALS: [&str; 3] = [GOAL1, GOAL2, GOAL3];

fn run(s: &mut Store, ids: &[String], side: &str, edits: &[Edit]) {
    for e in edits {
        match *e {
            Edit::Insert(n) => {
                partner(s, &format!("{side} ny {n}"), "");
            }
            Edit::Field(p, f, v) => set(
                s,
                &ids[p as usize],
                FIELDS[f as usize],
                &format!("{side}{v}"),
            ),
            Edit::Delete(p) => {
                let _ = partners::delete(&s.conn, &ids[p as usize]);
            }
            Edit::AddGoal(p, g) => {
                s.conn
                    .execute(
                        "INSERT OR IGNORE INTO partner_goals (partner_id, goal_id) VALUES (?1, ?2)",
                        [&ids[p as usize], GOALS[g as usize]],
                    )
                    .unwrap();
            }
            Edit::RemoveGoal(p, g) => {
                s.conn
                    .execute(
                        "DELETE FROM partner_goals WHERE partner_id = ?1 AND goal_id = ?2",
                        [&ids[p as usize], GOALS[g as usize]],
                    )
                    .unwrap();
            }
        }
    }
}

fn goals(s: &Store, id: &str) -> Vec<String> {
    partners::store::goal_ids(&s.conn, id).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]
    #[test]
    fn random_edits_on_both_sides_merge_with_nothing_lost(
        office_edits in prop::collection::vec(edit(), 0..12),
        laptop_edits in prop::collection::vec(edit(), 0..12),
    ) {
        let mut rig = Rig::new();
        let ids: Vec<String> = (0..6)
            .map(|i| partner(&mut rig.office, &format!("Partner {i}"), &format!("p{i}@example.dk")))
            .collect();
        let base = rig.take();
        let base_rows: Vec<(Vec<Option<String>>, Vec<String>)> = ids.iter().map(|id| {
            (FIELDS.iter().chain(["deleted_at"].iter()).map(|f| get(&base, id, f)).collect(), goals(&base, id))
        }).collect();
        drop(base);
        let mut laptop = Store::open_dir(&rig.dir.path().join("laptop")).unwrap().0;
        run(&mut laptop, &ids, "L", &laptop_edits);
        let copy_rows: Vec<(Vec<Option<String>>, Vec<String>)> = ids.iter().map(|id| {
            (FIELDS.iter().chain(["deleted_at"].iter()).map(|f| get(&laptop, id, f)).collect(), goals(&laptop, id))
        }).collect();
        rig.bring_back(laptop);
        let mut office = std::mem::replace(&mut rig.office, Store::open_in_memory().unwrap());
        run(&mut office, &ids, "O", &office_edits);
        let office_rows: Vec<(Vec<Option<String>>, Vec<String>)> = ids.iter().map(|id| {
            (FIELDS.iter().chain(["deleted_at"].iter()).map(|f| get(&office, id, f)).collect(), goals(&office, id))
        }).collect();
        rig.office = office;
        let count_before: i64 = rig.office.conn.query_row("SELECT count(*) FROM partners", [], |r| r.get(0)).unwrap();
        let laptop_inserts = laptop_edits.iter().filter(|e| matches!(e, Edit::Insert(_))).count() as i64;

        apply(&mut rig.office, &rig.usb, &[]).unwrap();

        let count_after: i64 = rig.office.conn.query_row("SELECT count(*) FROM partners", [], |r| r.get(0)).unwrap();
        prop_assert_eq!(count_after, count_before + laptop_inserts);
        let history = |id: &str, col: &str| -> Vec<(Option<String>, Option<String>)> {
            for_partner(&rig.office.conn, id).unwrap().into_iter()
                .filter(|h| h.column == col && h.table == "partners")
                .map(|h| (h.office_value, h.copy_value)).collect()
        };
        for (i, id) in ids.iter().enumerate() {
            for (f, col) in FIELDS.iter().chain(["deleted_at"].iter()).enumerate() {
                let (b, c, o) = (&base_rows[i].0[f], &copy_rows[i].0[f], &office_rows[i].0[f]);
                let now = get(&rig.office, id, col);
                if c == b {
                    prop_assert_eq!(&now, o);
                } else if o == b {
                    prop_assert_eq!(&now, c);
                } else if c == o {
                    prop_assert_eq!(&now, o);
                } else {
                    // A conflict: the office value stays, the laptop's is in the history.
                    prop_assert_eq!(&now, o);
                    let h = history(id, col);
                    prop_assert_eq!(h.len(), 1);
                    let copy_json = c.as_ref().map(|s| serde_json::Value::from(s.clone()).to_string())
                        .unwrap_or_else(|| "null".into());
                    prop_assert_eq!(h[0].1.clone(), Some(copy_json));
                }
            }
            let (b, c, o) = (&base_rows[i].1, &copy_rows[i].1, &office_rows[i].1);
            let mut expected: Vec<String> = GOALS.iter().map(|g| g.to_string()).filter(|g| {
                let (ib, ic, io) = (b.contains(g), c.contains(g), o.contains(g));
                if ic == ib { io } else { ic }
            }).collect();
            expected.sort();
            let mut now = goals(&rig.office, id);
            now.sort();
            prop_assert_eq!(now, expected);
        }
        let after = dump(&rig.office);
        let again = matches!(apply(&mut rig.office, &rig.usb, &[]), Err(SyncError::AlreadyMerged { .. }));
        prop_assert!(again);
        prop_assert_eq!(dump(&rig.office), after);
    }
}

// ── "Åbn en kopi" (open.rs) ──

#[test]
fn a_copy_opens_where_it_lies_is_remembered_and_merges_after_closing() {
    let mut rig = Rig::new();
    let a = partner(&mut rig.office, "Fredericia Løbeklub", "a@example.dk");
    let _ = rig.take();
    let laptop_dir = rig.dir.path().join("laptop-app");
    // The laptop's own office database (empty) is what "Luk kopien" returns to.
    let (mut copy, info) = open::open_copy(&rig.usb, &laptop_dir).unwrap();
    assert_eq!(copy.db_path.as_deref(), Some(rig.usb.as_path()));
    assert_eq!(copy_info(&copy.conn).unwrap(), Some(info.clone()));
    assert_eq!(open::remembered(&laptop_dir), Some(rig.usb.clone()));
    set(&copy, &a, "notes", "mødt på messen");
    let b = partner(&mut copy, "Madklubben Vest", "mad@example.dk");
    drop(copy);
    // After a power cut the app opens the copy again.
    let (again, problem) = open::at_start(&laptop_dir);
    let again = again.unwrap();
    assert!(problem.is_none());
    assert_eq!(
        copy_info(&again.conn).unwrap().unwrap().copy_id,
        info.copy_id
    );
    drop(again);
    let office = open::close_copy(&laptop_dir).unwrap();
    assert_eq!(copy_info(&office.conn).unwrap(), None);
    assert_eq!(office.data_dir.as_deref(), Some(laptop_dir.as_path()));
    assert_eq!(open::remembered(&laptop_dir), None);
    drop(office);
    let (office, _) = open::at_start(&laptop_dir);
    assert_eq!(copy_info(&office.unwrap().conn).unwrap(), None);

    // The file on the stick carries the laptop's work back.
    apply(&mut rig.office, &rig.usb, &[]).unwrap();
    assert_eq!(get(&rig.office, &a, "notes").unwrap(), "mødt på messen");
    assert_eq!(get(&rig.office, &b, "name").unwrap(), "Madklubben Vest");
}

#[test]
fn opening_refuses_what_is_not_a_copy_of_this_version_and_changes_nothing() {
    let rig = Rig::new();
    let app = rig.dir.path().join("laptop-app");
    let junk = rig.dir.path().join("junk.sqlite3");
    std::fs::write(&junk, b"SQLite format 3\0 but not really").unwrap();
    let office_file = rig.dir.path().join("office").join(DB_FILE);
    let other = rig.dir.path().join("other.sqlite3");
    {
        let c = rusqlite::Connection::open(&other).unwrap();
        c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    let _ = rig.take();
    let old = rig.dir.path().join("old.sqlite3");
    std::fs::copy(&rig.usb, &old).unwrap();
    {
        let c = rusqlite::Connection::open(&old).unwrap();
        c.pragma_update(None, "user_version", crate::store::schema_version() - 1)
            .unwrap();
    }
    for (file, code) in [
        (&junk, "sync.not_a_copy"),
        (&other, "sync.not_a_copy"),
        (&office_file, "sync.not_a_copy"),
        (&rig.dir.path().join("missing.sqlite3"), "sync.not_a_copy"),
        (&old, "sync.other_schema"),
    ] {
        let before = std::fs::read(file).ok();
        let e = open::open_copy(file, &app).err().unwrap();
        assert_eq!(e.code(), code, "{}", file.display());
        assert!(e.message(crate::i18n::Lang::Da).contains("Intet er ændret"));
        assert_eq!(
            std::fs::read(file).ok(),
            before,
            "{} untouched",
            file.display()
        );
    }
    assert_eq!(open::remembered(&app), None);
}

#[test]
fn a_remembered_copy_that_is_gone_opens_the_office_and_is_forgotten() {
    let rig = Rig::new();
    let _ = rig.take();
    let app = rig.dir.path().join("laptop-app");
    drop(open::open_copy(&rig.usb, &app).unwrap());
    std::fs::remove_file(&rig.usb).unwrap();
    let (store, problem) = open::at_start(&app);
    assert_eq!(problem.unwrap().code(), "sync.not_a_copy");
    assert_eq!(copy_info(&store.unwrap().conn).unwrap(), None);
    assert_eq!(open::remembered(&app), None);
}

#[test]
fn an_events_losing_values_are_in_the_events_history_not_the_partners() {
    let mut rig = Rig::new();
    let a = partner(&mut rig.office, "Fredericia Løbeklub", "a@example.dk");
    let fair = crate::events::store::save(
        &mut rig.office.conn,
        &crate::events::EventInput {
            title: "Sundhedsmessen".into(),
            kind: "messe".into(),
            start_date: "2026-12-03".into(),
            start_time: "10:00".into(),
            end_time: "16:00".into(),
            by_municipality: true,
            ..Default::default()
        },
    )
    .unwrap()
    .event
    .id;
    let laptop = rig.take();
    let place = |s: &Store, v: &str| {
        s.conn
            .execute(
                "UPDATE events SET place = ?2, updated_at = ?3 WHERE id = ?1",
                rusqlite::params![fair, v, crate::store::now()],
            )
            .unwrap();
    };
    place(&laptop, "Messecentret");
    place(&rig.office, "Idrætshallen");
    crate::fair::count_visitors(&laptop.conn, &fair, 7).unwrap();
    rig.bring_back(laptop);
    apply(&mut rig.office, &rig.usb, &[]).unwrap();

    let h = for_event(&rig.office.conn, &fair).unwrap();
    let e = h
        .iter()
        .find(|e| e.table == "events" && e.column == "place")
        .unwrap_or_else(|| panic!("{h:?}"));
    assert_eq!(e.kind, "conflict");
    assert_eq!(e.kept, "office");
    assert_eq!(e.office_value.as_deref(), Some("\"Idrætshallen\""));
    assert_eq!(e.copy_value.as_deref(), Some("\"Messecentret\""));
    assert!(for_partner(&rig.office.conn, &a).unwrap().is_empty());
    let visitors: i64 = rig
        .office
        .conn
        .query_row("SELECT visitors FROM events WHERE id = ?1", [&fair], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(visitors, 7);
}
