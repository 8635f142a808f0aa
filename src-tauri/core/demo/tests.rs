//! The demo fills every table the areas use, and is refused on a database
//! that has data.

use super::*;
use crate::store::{table_counts, Store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
}

/// Tables nothing in the demo should fill: records of actions the demo does
/// not take — an import (its bookkeeping), a correction of a paid grant, an
/// erasure, a copy taken along and merged back, a fair run in fair mode, a
/// ceremony's print selection, edited publication and case texts (their
/// defaults are built in), the report's highlights and a web export.
const LEFT_EMPTY: &[&str] = &[
    "import_batches",
    "import_undo_snapshots",
    "grant_adjustments",
    "erasure_log",
    "copies_out",
    "merge_history",
    "fair_signups",
    "fair_booths",
    "ceremony_selection",
    "publication_texts",
    "report_case",
    "report_highlights",
    "web_exports",
    "web_export_pages",
];

#[test]
fn the_demo_fills_every_table_the_areas_use() {
    let mut s = Store::open_in_memory().unwrap();
    let r = load(&mut s.conn, today()).unwrap();
    assert_eq!(r.partners, 60);
    assert!(r.diplomas > 20, "{r:?}");
    assert_eq!(r.events, 7);
    assert_eq!(r.applications, 8);
    assert!(r.activities > 10 && r.follow_ups > 10, "{r:?}");
    let empty: Vec<String> = table_counts(&s.conn)
        .unwrap()
        .into_iter()
        .filter(|(name, n)| *n == 0 && !LEFT_EMPTY.contains(&name.as_str()))
        .map(|(name, _)| name)
        .collect();
    assert!(empty.is_empty(), "tables left empty: {empty:?}");
    // The programme, its logo and both signatures.
    let set = settings::get(&s.conn).unwrap();
    assert!(set.programme.logo.is_some());
    assert_eq!(set.signatories.len(), 2);
    assert!(set.signatories.iter().all(|g| g.signature.is_some()));
    // Events of every kind, the fair with booths and visitors.
    let all = events::store::list(
        &s.conn,
        &events::store::ListFilter {
            when: "all".into(),
            ..Default::default()
        },
        today().and_hms_opt(12, 0, 0).unwrap(),
    )
    .unwrap();
    for kind in events::EventKind::ALL {
        assert!(all.iter().any(|e| e.kind == kind), "no {kind:?}");
    }
    // Applications in every status.
    let mut statuses = std::collections::HashSet::new();
    for year in [2025, 2026] {
        for a in grants::applications(&s.conn, year, &Default::default()).unwrap() {
            statuses.insert(a.status);
        }
    }
    assert_eq!(statuses.len(), grants::Status::ALL.len(), "{statuses:?}");
    // A queue still waits, and the next ceremony is planned.
    assert_eq!(
        diploma::store::queue(&s.conn).unwrap().len(),
        areas::WAITING
    );
    // Some follow-ups are overdue.
    let due = activities::due(&s.conn, today()).unwrap();
    assert!(due
        .iter()
        .any(|f| f.follow_up.state == activities::FollowUpState::Overdue));
    assert!(due
        .iter()
        .any(|f| f.follow_up.state == activities::FollowUpState::Due));
}

#[test]
fn refused_on_a_database_with_partners_and_nothing_changes() {
    let mut s = Store::open_in_memory().unwrap();
    load(&mut s.conn, today()).unwrap();
    let before = table_counts(&s.conn).unwrap();
    let e = load(&mut s.conn, today()).unwrap_err();
    assert_eq!(e.code(), "partners.demo_refused");
    assert_eq!(table_counts(&s.conn).unwrap(), before);
}

/// Every row of every table, as text, sorted: what "the database as it
/// was" means.
fn contents(conn: &rusqlite::Connection) -> Vec<(String, Vec<String>)> {
    table_counts(conn)
        .unwrap()
        .into_iter()
        .map(|(table, _)| {
            let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
            let cols = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    let mut row = Vec::new();
                    for i in 0..cols {
                        row.push(format!("{:?}", r.get_ref(i)?));
                    }
                    Ok(row.join("|"))
                })
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            rows.sort();
            (table, rows)
        })
        .collect()
}

#[test]
fn a_demo_that_fails_midway_leaves_nothing_behind() {
    let mut s = Store::open_in_memory().unwrap();
    let before = contents(&s.conn);
    // The fifth step (the grant pool's applications) fails, as a full disk
    // would: the partners, settings, diplomas and events made before it must
    // go too.
    s.conn
        .execute_batch(
            "CREATE TEMP TRIGGER fail_midway BEFORE INSERT ON grant_applications
             BEGIN SELECT RAISE(ABORT, 'fails midway'); END;",
        )
        .unwrap();
    let e = load(&mut s.conn, today()).unwrap_err();
    assert!(format!("{e:?}").contains("fails midway"), "{e:?}");
    assert!(s.conn.is_autocommit(), "no transaction left open");
    assert_eq!(contents(&s.conn), before, "the database is as it was");
    assert_eq!(partners::store::count(&s.conn).unwrap(), 0);

    // Without the failure the same database takes the whole demo.
    s.conn.execute_batch("DROP TRIGGER fail_midway").unwrap();
    let r = load(&mut s.conn, today()).unwrap();
    assert_eq!(r.partners, 60);
    assert_eq!(r.applications, 8);
}
