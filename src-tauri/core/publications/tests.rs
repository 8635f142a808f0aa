//! Unit tests of the publications: edited texts, the catalogue's examples
//! (consent, goal order), the web export's change list.

use super::catalogue::{self, CatalogueInput};
use super::web::{self, RemovalReason};
use super::*;
use crate::files::Target;
use crate::partners::{self as register, PartnerInput};
use crate::store::Store;
use chrono::NaiveDate;

fn goal_ids(conn: &Connection) -> Vec<String> {
    crate::settings::goals(conn, false)
        .unwrap()
        .into_iter()
        .map(|g| g.id)
        .collect()
}

fn add(s: &mut Store, name: &str, consent: bool, goals: &[usize]) -> String {
    let all = goal_ids(&s.conn);
    let i = PartnerInput {
        name: name.into(),
        kind: "forening".into(),
        status: "aktiv".into(),
        goals: goals.iter().map(|g| all[*g].clone()).collect(),
        joined_on: "2026-03-01".into(),
        initiative: format!("{name} går ture <b>hver</b> uge"),
        consent_public: consent,
        consent_public_on: if consent {
            "2026-03-01".into()
        } else {
            String::new()
        },
        ..Default::default()
    };
    register::create(&mut s.conn, &i).unwrap().id
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
}

#[test]
fn texts_have_defaults_are_edited_and_go_back_when_emptied() {
    let s = Store::open_in_memory().unwrap();
    let t = text(&s.conn, "intro").unwrap();
    assert!(t.default && t.body.contains("partnerskab"));
    let t = set_text(&s.conn, "intro", "  Velkommen til Æblebyen  ").unwrap();
    assert_eq!(
        (t.body.as_str(), t.default),
        ("Velkommen til Æblebyen", false)
    );
    assert!(set_text(&s.conn, "intro", "").unwrap().default);
    assert!(matches!(
        set_text(&s.conn, "nope", "x"),
        Err(PublicationError::UnknownText(_))
    ));
    let long = "x".repeat(MAX_TEXT + 1);
    assert_eq!(
        set_text(&s.conn, "intro", &long).unwrap_err().code(),
        "validation.too_long"
    );
}

#[test]
fn examples_are_only_from_consenting_partners_in_goal_order() {
    let mut s = Store::open_in_memory().unwrap();
    let a = add(&mut s, "Åløb", true, &[1]);
    add(&mut s, "Hemmelig", false, &[0, 1]);
    let b = add(&mut s, "Bækken", true, &[0]);
    let ex = catalogue::examples(&s.conn, &CatalogueInput::default()).unwrap();
    let ids = goal_ids(&s.conn);
    assert_eq!(ex[0].goal_id, ids[0]);
    let names = |i: usize| {
        ex[i]
            .examples
            .iter()
            .map(|e| e.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(0), ["Bækken"]);
    assert_eq!(names(1), ["Åløb"]);
    // Only the chosen partners.
    let only = CatalogueInput {
        partner_ids: Some(vec![a.clone()]),
    };
    let ex = catalogue::examples(&s.conn, &only).unwrap();
    assert!(ex[0].examples.is_empty());
    assert_eq!(ex[1].examples[0].partner_id, a);
    let _ = b;
}

#[test]
fn the_next_export_lists_new_changed_and_pages_to_remove() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open_in_memory().unwrap();
    crate::files::set_folder_setting(&s.conn, &dir.path().display().to_string(), "folder").unwrap();
    let a = add(&mut s, "Alfa", true, &[0]);
    let b = add(&mut s, "Beta", true, &[0]);
    add(&mut s, "Gamma", false, &[0]);
    let first = web::export(&mut s.conn, &Target::Folder, today()).unwrap();
    assert_eq!(
        (first.pages, first.new.len(), first.remove.len()),
        (2, 2, 0)
    );
    let html = std::fs::read_to_string(first.folder.join(web::file_name(&a))).unwrap();
    assert!(
        html.contains("&lt;b&gt;hver&lt;/b&gt;") && !html.contains("<b>"),
        "{html}"
    );

    // Beta withdraws consent, Alfa's initiative changes, Delta joins.
    s.conn
        .execute("UPDATE partners SET consent_public = 0 WHERE id = ?1", [&b])
        .unwrap();
    s.conn
        .execute("UPDATE partners SET initiative = 'Nyt' WHERE id = ?1", [&a])
        .unwrap();
    let d = add(&mut s, "Delta", true, &[1]);
    let second = web::export(&mut s.conn, &Target::Folder, today()).unwrap();
    assert_ne!(second.folder, first.folder);
    assert_eq!(second.new[0].partner_id, d);
    assert_eq!(second.changed[0].partner_id, a);
    assert_eq!(second.remove.len(), 1);
    assert_eq!(second.remove[0].file_name, web::file_name(&b));
    assert_eq!(second.remove[0].reason, RemovalReason::ConsentWithdrawn);

    // Erased, then the programme ends.
    register::delete(&s.conn, &a).unwrap();
    let third = web::export(&mut s.conn, &Target::Folder, today()).unwrap();
    assert_eq!(third.remove[0].partner_id, a);
    assert_eq!(third.remove[0].reason, RemovalReason::Removed);
    s.conn
        .execute("UPDATE programme SET period_to = '2026-06-30'", [])
        .unwrap();
    let last = web::export(&mut s.conn, &Target::Folder, today()).unwrap();
    assert!(last.ended);
    assert_eq!(last.pages, 0);
    assert_eq!(last.remove.len(), 1);
    assert_eq!(last.remove[0].reason, RemovalReason::ProgrammeEnded);
}
