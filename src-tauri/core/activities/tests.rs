//! Unit tests of the activity log: what counts as due and overdue, adding
//! with bad input, the pipeline, the timeline and the GDPR erasure.

use super::*;
use crate::partners::{self as register, ContactInput, PartnerInput};
use crate::store::Store;
use crate::validate::Problem;
use rusqlite::Connection;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const TODAY: (i32, u32, u32) = (2026, 11, 20);

fn today() -> NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

fn partner(conn: &mut Connection, name: &str, kind: &str, status: &str) -> String {
    let goals: Vec<String> = crate::settings::goals(conn, false)
        .unwrap()
        .into_iter()
        .take(1)
        .map(|g| g.id)
        .collect();
    register::create(
        conn,
        &PartnerInput {
            name: name.into(),
            kind: kind.into(),
            status: status.into(),
            goals,
            initiative: "Gåture".into(),
            contacts: vec![ContactInput {
                name: "Hanne Holm".into(),
                email: "hanne@example.dk".into(),
                ..Default::default()
            }],
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

fn call(text: &str) -> ActivityInput {
    ActivityInput {
        kind: "opkald".into(),
        text: text.into(),
        ..Default::default()
    }
}

#[test]
fn what_counts_as_due_and_overdue() {
    let t = today();
    assert_eq!(
        FollowUpState::of(d(2026, 11, 19), None, t),
        FollowUpState::Overdue
    );
    assert_eq!(FollowUpState::of(t, None, t), FollowUpState::Due);
    assert_eq!(
        FollowUpState::of(d(2026, 11, 21), None, t),
        FollowUpState::Upcoming
    );
    // Done wins, also when it was overdue.
    assert_eq!(
        FollowUpState::of(d(2026, 1, 1), Some(d(2026, 2, 1)), t),
        FollowUpState::Done
    );
    assert!(FollowUpState::Overdue.needs_attention());
    assert!(FollowUpState::Due.needs_attention());
    assert!(!FollowUpState::Upcoming.needs_attention());
    assert!(!FollowUpState::Done.needs_attention());
}

#[test]
fn an_activity_is_two_fields_and_remembers_the_author() {
    let mut s = Store::open_in_memory().unwrap();
    let p = partner(&mut s.conn, "Løbeklubben Ø", "forening", "aktiv");
    let first = add(
        &mut s.conn,
        &p,
        &ActivityInput {
            author: "Louise".into(),
            ..call("Ringede om messen")
        },
        today(),
    )
    .unwrap();
    assert_eq!(
        (first.happened_on, first.author.as_str()),
        (today(), "Louise")
    );
    let second = add(&mut s.conn, &p, &call("Ringede igen"), today()).unwrap();
    assert_eq!(second.author, "Louise");
    let listed = list(&s.conn, &p).unwrap();
    assert_eq!(listed.len(), 2);
    // Newest first (same day: the one made last).
    assert_eq!(listed[0].text, "Ringede igen");
}

#[test]
fn bad_input_is_refused_at_its_field_and_nothing_is_stored() {
    let mut s = Store::open_in_memory().unwrap();
    let p = partner(&mut s.conn, "Café Ørkenrosen", "virksomhed", "aktiv");
    let field = |e: ActivityError| match e {
        ActivityError::Invalid(v) => (v.field, v.problem),
        other => panic!("{other:?}"),
    };
    let e = add(&mut s.conn, &p, &call("  "), today()).unwrap_err();
    assert_eq!(field(e), ("activity_text", Problem::Required));
    let e = add(
        &mut s.conn,
        &p,
        &ActivityInput {
            kind: "fax".into(),
            ..call("x")
        },
        today(),
    )
    .unwrap_err();
    assert_eq!(field(e), ("activity_kind", Problem::InvalidChoice));
    let long = "å".repeat(MAX_TEXT + 1);
    let e = add(&mut s.conn, &p, &call(&long), today()).unwrap_err();
    assert_eq!(
        field(e),
        ("activity_text", Problem::TooLong { max: MAX_TEXT })
    );
    // A follow-up made with a bad date leaves the activity unsaved too.
    let e = add(
        &mut s.conn,
        &p,
        &ActivityInput {
            follow_up_on: "31.02.2026".into(),
            ..call("Ring igen")
        },
        today(),
    )
    .unwrap_err();
    assert_eq!(field(e), ("follow_up_on", Problem::InvalidDate));
    assert!(list(&s.conn, &p).unwrap().is_empty());
    let e = add_follow_up(
        &s.conn,
        &p,
        &FollowUpInput {
            due_on: String::new(),
            text: "Ring".into(),
        },
        today(),
    )
    .unwrap_err();
    assert_eq!(field(e), ("follow_up_on", Problem::Required));
    let e = add_follow_up(
        &s.conn,
        &p,
        &FollowUpInput {
            due_on: "2026-12-01".into(),
            text: String::new(),
        },
        today(),
    )
    .unwrap_err();
    assert_eq!(field(e), ("follow_up_text", Problem::Required));
    assert!(follow_ups(&s.conn, &p, today()).unwrap().is_empty());
    // Messages name the field in Danish.
    let e = add(&mut s.conn, &p, &call(""), today()).unwrap_err();
    assert!(
        e.message(Lang::Da).contains("Teksten"),
        "{}",
        e.message(Lang::Da)
    );
}

#[test]
fn a_past_date_is_allowed_and_overdue_at_once_and_done_takes_it_off() {
    let mut s = Store::open_in_memory().unwrap();
    let p = partner(&mut s.conn, "Roklubben", "forening", "aktiv");
    let f = add_follow_up(
        &s.conn,
        &p,
        &FollowUpInput {
            due_on: "01.11.2026".into(),
            text: "Påmind om afrapportering".into(),
        },
        today(),
    )
    .unwrap();
    assert_eq!(f.state, FollowUpState::Overdue);
    // Made from an activity ("ring igen om 14 dage"), text from the activity.
    let a = add(
        &mut s.conn,
        &p,
        &ActivityInput {
            follow_up_on: "2026-11-20".into(),
            ..call("Ring om tilmelding")
        },
        today(),
    )
    .unwrap();
    add_follow_up(
        &s.conn,
        &p,
        &FollowUpInput {
            due_on: "2026-12-04".into(),
            text: "Senere".into(),
        },
        today(),
    )
    .unwrap();
    let due_now = due(&s.conn, today()).unwrap();
    let texts: Vec<_> = due_now.iter().map(|f| f.follow_up.text.as_str()).collect();
    assert_eq!(texts, ["Påmind om afrapportering", "Ring om tilmelding"]);
    assert_eq!(
        due_now[1].follow_up.activity_id.as_deref(),
        Some(a.id.as_str())
    );
    assert_eq!(due_now[1].follow_up.state, FollowUpState::Due);
    assert_eq!(due_now[0].link, format!("#/partnere/{p}"));
    set_done(&s.conn, &f.id, true, today()).unwrap();
    assert_eq!(due(&s.conn, today()).unwrap().len(), 1);
    let again = set_done(&s.conn, &f.id, false, today()).unwrap();
    assert_eq!(again.state, FollowUpState::Overdue);
    // A partner in the bin has nothing due and cannot be given more.
    register::delete(&s.conn, &p).unwrap();
    assert!(due(&s.conn, today()).unwrap().is_empty());
    assert!(matches!(
        add(&mut s.conn, &p, &call("x"), today()),
        Err(ActivityError::PartnerGone(_))
    ));
}

#[test]
fn the_pipeline_shows_each_lead_with_last_activity_and_next_follow_up() {
    let mut s = Store::open_in_memory().unwrap();
    let first = partner(&mut s.conn, "Æblegården", "virksomhed", "interesseret");
    // `created_at` has millisecond resolution: two partners made in the same
    // millisecond are equally old (and then listed by name, which would put
    // Bageriet first), so the second is made a moment later.
    std::thread::sleep(std::time::Duration::from_millis(3));
    let second = partner(&mut s.conn, "Bageriet", "virksomhed", "interesseret");
    partner(&mut s.conn, "Aktiv ApS", "virksomhed", "aktiv");
    add(
        &mut s.conn,
        &first,
        &ActivityInput {
            happened_on: "2026-10-01".into(),
            ..call("Mødt på messen")
        },
        today(),
    )
    .unwrap();
    add(
        &mut s.conn,
        &first,
        &ActivityInput {
            happened_on: "2026-11-02".into(),
            follow_up_on: "2026-11-10".into(),
            ..call("Ringede")
        },
        today(),
    )
    .unwrap();
    let leads = pipeline(&s.conn, today()).unwrap();
    assert_eq!(leads.len(), 2);
    assert_eq!(leads[0].partner_id, first, "oldest first");
    assert_eq!(leads[0].last_activity_on, Some(d(2026, 11, 2)));
    assert_eq!(leads[0].last_activity_text.as_deref(), Some("Ringede"));
    assert_eq!(leads[0].next_follow_up_on, Some(d(2026, 11, 10)));
    assert_eq!(leads[0].next_follow_up_state, Some(FollowUpState::Overdue));
    assert_eq!(leads[1].partner_id, second);
    assert_eq!(leads[1].last_activity_on, None);
    assert_eq!(leads[1].next_follow_up_on, None);
}

#[test]
fn the_timeline_has_the_log_and_the_status_history_newest_first() {
    let mut s = Store::open_in_memory().unwrap();
    let p = partner(&mut s.conn, "Svømmeklubben", "forening", "aktiv");
    add(
        &mut s.conn,
        &p,
        &ActivityInput {
            happened_on: "2099-01-01".into(),
            ..call("Fremtidigt møde")
        },
        today(),
    )
    .unwrap();
    let t = timeline(&s.conn, &p).unwrap();
    assert_eq!(t[0].source, "activity");
    assert_eq!(t[0].title, "Fremtidigt møde");
    assert!(t.iter().any(|e| e.source == "status" && e.code == "aktiv"));
}

#[test]
fn erasure_removes_the_activity_texts_and_the_follow_ups() {
    let mut s = Store::open_in_memory().unwrap();
    let p = partner(&mut s.conn, "Søren Kjær", "borger", "aktiv");
    add(
        &mut s.conn,
        &p,
        &ActivityInput {
            author: "Louise".into(),
            follow_up_on: "2026-12-01".into(),
            ..call("Søren har knæproblemer og kan ikke løbe")
        },
        today(),
    )
    .unwrap();
    // Keep the row (anonymised) by giving the partner a grant-like history:
    // here simply erase and check what is left in both cases.
    register::erase(&mut s.conn, &p).unwrap();
    let texts: i64 = s
        .conn
        .query_row(
            "SELECT count(*) FROM activities WHERE text LIKE '%knæ%' OR author <> ''",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let follow: i64 = s
        .conn
        .query_row("SELECT count(*) FROM follow_ups", [], |r| r.get(0))
        .unwrap();
    assert_eq!((texts, follow), (0, 0));
    // An anonymised partner (it has a grant) keeps its activities' kind and
    // date, without text, and refuses new ones.
    let q = partner(&mut s.conn, "Idrætsforeningen", "forening", "aktiv");
    add(
        &mut s.conn,
        &q,
        &call("Fortroligt: formanden er syg"),
        today(),
    )
    .unwrap();
    s.conn
        .execute_batch(&format!(
            "INSERT INTO grant_pools (year, total_ore, max_per_application_ore, criteria, created_at, updated_at)
             VALUES (2026, 10000000, 500000, '', 'x', 'x');
             INSERT INTO grant_applications (id, year, partner_id, received_on, purpose, requested_ore,
                 status, created_at, updated_at)
             VALUES ('g', 2026, '{q}', '2026-02-01', 'Løb', 100, 'modtaget', 'x', 'x');"
        ))
        .unwrap();
    assert_eq!(
        register::erase(&mut s.conn, &q).unwrap(),
        register::store::Erased::Anonymised
    );
    let left = list(&s.conn, &q).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(
        (left[0].kind, left[0].text.as_str()),
        (ActivityKind::Opkald, "")
    );
    assert!(matches!(
        add(&mut s.conn, &q, &call("x"), today()),
        Err(ActivityError::PartnerGone(_))
    ));
    let e = add(&mut s.conn, &q, &call("x"), today()).unwrap_err();
    assert!(e.message(Lang::Da).contains("slettet"));
}
