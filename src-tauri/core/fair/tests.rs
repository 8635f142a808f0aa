//! Fair mode: sign-ups (new, matching, forced, undo), the counter, booths.

use super::*;
use crate::events::EventInput;
use crate::store::Store;

fn fair(s: &mut Store) -> String {
    crate::events::store::save(
        &mut s.conn,
        &EventInput {
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
    .id
}

fn visitor(name: &str, email: &str) -> SignUpInput {
    SignUpInput {
        name: name.into(),
        kind: "forening".into(),
        contact_name: "Mette".into(),
        email: email.into(),
        consent_email: true,
        goals: vec!["5b0f6c1e-0002-4c6e-9a51-000000000002".into()],
        ..Default::default()
    }
}

fn saved(o: SignUpOutcome) -> (String, String, bool) {
    match o {
        SignUpOutcome::Saved {
            signup_id,
            partner_id,
            created,
            ..
        } => (signup_id, partner_id, created),
        other => panic!("not saved: {other:?}"),
    }
}

#[test]
fn a_sign_up_becomes_an_interested_partner_with_consent_from_the_fair() {
    let mut s = Store::open_in_memory().unwrap();
    let ev = fair(&mut s);
    let (_, id, created) =
        saved(sign_up(&mut s.conn, &ev, &visitor("Vandreklubben", "m@example.dk")).unwrap());
    assert!(created);
    let p = partners::get(&s.conn, &id).unwrap();
    assert_eq!(p.status.as_str(), "interesseret");
    assert_eq!(
        p.recruitment_channel.map(|c| c.as_str()),
        Some("arrangement")
    );
    assert!(p.consent_email && p.consent_email_on == Some(crate::dates::today()));
    assert_eq!(p.contacts[0].email, "m@example.dk");
    let src: String = s
        .conn
        .query_row("SELECT consent_source FROM fair_signups", [], |r| r.get(0))
        .unwrap();
    assert_eq!(src, "messe: Sundhedsmessen");
    let detail = ev::get(&s.conn, &ev).unwrap();
    assert_eq!(detail.participants.len(), 1);
}

#[test]
fn a_matching_sign_up_is_offered_as_an_update_and_two_for_one_email_make_one_partner() {
    let mut s = Store::open_in_memory().unwrap();
    let ev = fair(&mut s);
    let (_, first, _) =
        saved(sign_up(&mut s.conn, &ev, &visitor("Vandreklubben", "m@example.dk")).unwrap());
    // The same e-mail again, under another name: offered, not saved.
    let again = visitor("Vandre-klubben Fredericia", "M@Example.dk");
    let SignUpOutcome::Matches { matches } = sign_up(&mut s.conn, &ev, &again).unwrap() else {
        panic!("expected matches");
    };
    assert_eq!(matches[0].id, first);
    assert_eq!(partners::store::count(&s.conn).unwrap(), 1);
    // Saved as an update: a goal and a note added, nothing taken away.
    let mut upd = again.clone();
    upd.update_of = Some(first.clone());
    upd.note = "vil have nyhedsbrev".into();
    upd.goals = vec!["5b0f6c1e-0003-4c6e-9a51-000000000003".into()];
    let (sid, pid, created) = saved(sign_up(&mut s.conn, &ev, &upd).unwrap());
    assert_eq!((pid.as_str(), created), (first.as_str(), false));
    let p = partners::get(&s.conn, &first).unwrap();
    assert_eq!(p.name, "Vandreklubben");
    assert_eq!(p.goals.len(), 2);
    assert_eq!(p.contacts.len(), 1, "same e-mail: no second contact");
    assert!(p.notes.contains("vil have nyhedsbrev"));
    // Undo restores the partner as it was.
    undo(&mut s.conn, &sid).unwrap();
    let p = partners::get(&s.conn, &first).unwrap();
    assert_eq!(p.goals.len(), 1);
    assert!(p.notes.is_empty());
    assert!(undo(&mut s.conn, &sid).is_err(), "undone once only");
}

#[test]
fn undo_of_a_new_sign_up_moves_it_to_the_bin() {
    let mut s = Store::open_in_memory().unwrap();
    let ev = fair(&mut s);
    let (sid, id, _) = saved(sign_up(&mut s.conn, &ev, &visitor("Vandreklubben", "")).unwrap());
    undo(&mut s.conn, &sid).unwrap();
    assert!(partners::get(&s.conn, &id).unwrap().deleted_at.is_some());
    assert!(ev::get(&s.conn, &ev).unwrap().participants.is_empty());
    let st = state(&s.conn, &ev).unwrap();
    assert!(st.signups[0].undone);
    // Signing the same visitor up again is not blocked by the binned one.
    let (_, again, created) =
        saved(sign_up(&mut s.conn, &ev, &visitor("Vandreklubben", "")).unwrap());
    assert!(created && again != id);
}

#[test]
fn the_counter_and_booths_are_stored_on_the_event() {
    let mut s = Store::open_in_memory().unwrap();
    let ev = fair(&mut s);
    for _ in 0..10 {
        count_visitors(&s.conn, &ev, 1).unwrap();
    }
    assert_eq!(count_visitors(&s.conn, &ev, -1).unwrap(), 9);
    assert_eq!(count_visitors(&s.conn, &ev, -100).unwrap(), 0);
    assert_eq!(count_visitors(&s.conn, &ev, 3).unwrap(), 3);
    let (_, id, _) = saved(sign_up(&mut s.conn, &ev, &visitor("Løbeklubben", "")).unwrap());
    let st = check_in(&mut s.conn, &ev, &id, true).unwrap();
    assert_eq!(st.booths, 1);
    let st = check_in(&mut s.conn, &ev, &id, true).unwrap();
    assert_eq!(st.booths, 1, "twice is once");
    assert!(st
        .exhibitors
        .iter()
        .any(|e| e.partner_id == id && e.checked_in));
    assert_eq!(check_in(&mut s.conn, &ev, &id, false).unwrap().booths, 0);
    assert_eq!(state(&s.conn, &ev).unwrap().visitors, 3);
    assert!(count_visitors(&s.conn, "nope", 1).is_err());
}

#[test]
fn the_open_fair_is_remembered() {
    let mut s = Store::open_in_memory().unwrap();
    let ev = fair(&mut s);
    assert_eq!(active(&s.conn).unwrap(), None);
    set_active(&s.conn, Some(&ev)).unwrap();
    assert_eq!(active(&s.conn).unwrap(), Some(ev));
    set_active(&s.conn, None).unwrap();
    assert_eq!(active(&s.conn).unwrap(), None);
}
