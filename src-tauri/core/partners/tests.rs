//! Unit tests of validation, create/update, the list and the bin, on
//! in-memory databases.

use super::*;
use crate::i18n::Lang;
use crate::store::Store;

pub(crate) const GOAL1: &str = "5b0f6c1e-0001-4c6e-9a51-000000000001";
pub(crate) const GOAL2: &str = "5b0f6c1e-0002-4c6e-9a51-000000000002";
pub(crate) const GOAL3: &str = "5b0f6c1e-0003-4c6e-9a51-000000000003";

fn input(name: &str) -> PartnerInput {
    PartnerInput {
        name: name.into(),
        kind: "forening".into(),
        ..PartnerInput::default()
    }
}

fn contact(name: &str, email: &str) -> ContactInput {
    ContactInput {
        name: name.into(),
        email: email.into(),
        ..ContactInput::default()
    }
}

fn db() -> Store {
    Store::open_in_memory().unwrap()
}

fn first_problem(s: &Store, i: &PartnerInput) -> PartnerError {
    validate(&s.conn, i).unwrap_err()
}

#[test]
fn create_and_get_round_trip() {
    let mut s = db();
    let mut i = input("Fredericia Løbeklub");
    i.status = "aktiv".into();
    i.goals = vec![GOAL1.into(), GOAL2.into(), GOAL1.into()];
    i.joined_on = "01.03.2024".into();
    i.recruitment_channel = "some".into();
    i.consent_public = true;
    i.consent_public_on = "2024-03-01".into();
    i.contacts = vec![
        ContactInput {
            name: "Søren Ærøe".into(),
            email: "soren@example.dk".into(),
            phone: "+45 12345678".into(),
            ..ContactInput::default()
        },
        ContactInput {
            name: "Åse Øst".into(),
            phone: "87 65 43 21".into(),
            is_primary: true,
            ..ContactInput::default()
        },
    ];
    let p = create(&mut s.conn, &i).unwrap();
    assert_eq!(p.name, "Fredericia Løbeklub");
    assert_eq!(p.kind, Kind::Forening);
    assert_eq!(p.status, Status::Aktiv);
    assert_eq!(p.joined_on, NaiveDate::from_ymd_opt(2024, 3, 1));
    assert_eq!(
        p.goals.iter().map(|g| g.id.as_str()).collect::<Vec<_>>(),
        vec![GOAL1, GOAL2]
    );
    assert_eq!(p.recruitment_channel, Some(Channel::SoMe));
    assert_eq!(p.consent_public_on, NaiveDate::from_ymd_opt(2024, 3, 1));
    // The marked contact is primary (and listed first); phones normalised.
    assert_eq!(p.contacts[0].name, "Åse Øst");
    assert!(p.contacts[0].is_primary && !p.contacts[1].is_primary);
    assert_eq!(p.contacts[1].phone, "+45 12 34 56 78");
    assert_eq!(p.contacts[0].phone, "87 65 43 21");
    assert_eq!(p.status_history.len(), 1);
    assert_eq!(p.status_history[0].status, Status::Aktiv);
}

#[test]
fn name_is_required_and_limited() {
    let s = db();
    let e = first_problem(&s, &input("   "));
    assert_eq!(e.field(), Some("name"));
    assert_eq!(e.message(Lang::Da), "Navnet skal udfyldes");
    let e = first_problem(&s, &input(&"ø".repeat(201)));
    assert_eq!(e.message(Lang::Da), "Navnet må højst være 200 tegn");
    assert_eq!(
        e.message(Lang::En),
        "The name must be at most 200 characters"
    );
    assert!(validate(&s.conn, &input(&"ø".repeat(200))).is_ok());
}

#[test]
fn kind_and_status_must_be_known() {
    let s = db();
    let mut i = input("X");
    i.kind = String::new();
    assert_eq!(first_problem(&s, &i).field(), Some("kind"));
    i.kind = "firma".into();
    assert_eq!(first_problem(&s, &i).code(), "validation.invalid_choice");
    i.kind = "borger".into();
    i.status = "paused".into();
    assert_eq!(first_problem(&s, &i).field(), Some("status"));
    i.status = String::new();
    assert_eq!(validate(&s.conn, &i).unwrap().status, Status::Interesseret);
}

#[test]
fn active_needs_a_goal_and_goals_must_be_offered() {
    let mut s = db();
    let mut i = input("Aktiv forening");
    i.status = "aktiv".into();
    let e = first_problem(&s, &i);
    assert!(matches!(e, PartnerError::GoalsRequired));
    assert_eq!(e.field(), Some("goals"));
    assert_eq!(
        e.message(Lang::Da),
        "En aktiv partner skal have mindst én målsætning"
    );
    i.goals = vec!["no-such-goal".into()];
    assert!(matches!(
        first_problem(&s, &i),
        PartnerError::UnknownGoal(_)
    ));
    // Retired goals are not offered for new records ...
    crate::settings::set_goal_retired(&s.conn, GOAL3, true).unwrap();
    i.goals = vec![GOAL3.into()];
    assert!(matches!(
        first_problem(&s, &i),
        PartnerError::UnknownGoal(_)
    ));
    // ... but stay on records that have them.
    crate::settings::set_goal_retired(&s.conn, GOAL3, false).unwrap();
    let p = create(&mut s.conn, &i).unwrap();
    crate::settings::set_goal_retired(&s.conn, GOAL3, true).unwrap();
    let mut edit = i.clone();
    edit.name = "Aktiv forening (omdøbt)".into();
    let p2 = update(&mut s.conn, &p.id, &edit).unwrap();
    assert_eq!(p2.goals.len(), 1);
    assert!(p2.goals[0].retired);
}

#[test]
fn emails_are_checked() {
    for ok in [
        "a@b.dk",
        "søren.ærø@kommune.dk",
        "first+tag@sub.example.com",
        "",
    ] {
        assert!(email("email", ok).is_ok(), "{ok}");
    }
    for bad in [
        "a@b",
        "@b.dk",
        "a@@b.dk",
        "a b@c.dk",
        "a@b..dk",
        "a.@b.dk",
        "a@-b.dk",
        "a@b.d1",
        "<script>@x.dk",
    ] {
        let e = email("email", bad).unwrap_err();
        assert_eq!(e.problem, Problem::InvalidEmail, "{bad}");
    }
}

#[test]
fn danish_phone_numbers_with_or_without_45() {
    assert_eq!(phone("phone", "12345678").unwrap(), "12 34 56 78");
    assert_eq!(phone("phone", "12 34 56 78").unwrap(), "12 34 56 78");
    assert_eq!(phone("phone", "+4512345678").unwrap(), "+45 12 34 56 78");
    assert_eq!(phone("phone", "+45 1234 5678").unwrap(), "+45 12 34 56 78");
    assert_eq!(
        phone("phone", "0045 12-34-56-78").unwrap(),
        "+45 12 34 56 78"
    );
    assert_eq!(phone("phone", "").unwrap(), "");
    for bad in ["1234567", "123456789", "+46 12345678", "12 34 56 7a", "+45"] {
        assert_eq!(
            phone("phone", bad).unwrap_err().problem,
            Problem::InvalidPhone,
            "{bad}"
        );
    }
    let e = ValidationError::new("phone", Problem::InvalidPhone);
    assert_eq!(
        e.message(Lang::Da),
        "Telefonnummeret er ikke et gyldigt dansk nummer (8 cifre, evt. med +45)"
    );
}

#[test]
fn control_characters_are_refused_html_and_sql_are_kept_verbatim() {
    let mut s = db();
    let e = first_problem(&s, &input("Klub\u{0}ben"));
    assert_eq!(e.code(), "validation.control_characters");
    let mut i = input("Klub");
    i.notes = "linje 1\nlinje 2\u{1b}[31m".into();
    assert_eq!(first_problem(&s, &i).field(), Some("notes"));

    let html = "<script>alert('x')</script> & <b>fed</b>";
    let sql = "Robert'); DROP TABLE partners;--";
    let mut i = input(html);
    i.initiative = sql.into();
    i.notes = "linje 1\nlinje 2".into();
    let p = create(&mut s.conn, &i).unwrap();
    assert_eq!(p.name, html);
    assert_eq!(p.initiative, sql);
    assert_eq!(p.notes, "linje 1\nlinje 2");
    // And the table is still there.
    assert_eq!(store::count(&s.conn).unwrap(), 1);
}

#[test]
fn every_problem_is_reported_with_its_field_and_contact_row() {
    let s = db();
    let mut i = input("");
    i.kind = String::new();
    i.status = "aktiv".into();
    i.joined_on = "31.02.2024".into();
    i.contacts = vec![
        contact("Ok Person", "ok@example.dk"),
        ContactInput::default(), // empty rows are ignored
        contact("", "ikke-en-mail"),
    ];
    let problems = problems(&s.conn, &i, &[]).unwrap();
    let fields: Vec<_> = problems.iter().map(|p| p.field()).collect();
    assert_eq!(
        fields,
        vec![
            Some("name"),
            Some("kind"),
            Some("joined_on"),
            Some("goals"),
            Some("contact_name"),
            Some("email")
        ]
    );
    match &problems[4] {
        PartnerError::InvalidContact { index, .. } => assert_eq!(*index, 2),
        other => panic!("{other:?}"),
    }
    assert!(problems[4]
        .message(Lang::Da)
        .starts_with("Kontaktperson 3: "));
}

#[test]
fn every_field_of_a_contact_is_checked_at_once() {
    let s = db();
    let mut i = input("Børnehuset Solsikken");
    let mut c = contact("Hanne Holm", "hanne@solsikken");
    c.phone = "1234".into();
    i.contacts = vec![c];
    let problems = problems(&s.conn, &i, &[]).unwrap();
    let fields: Vec<_> = problems.iter().map(|p| p.field()).collect();
    assert_eq!(fields, vec![Some("email"), Some("phone")]);
    for p in &problems {
        assert!(matches!(p, PartnerError::InvalidContact { index: 0, .. }));
    }
}

#[test]
fn update_keeps_status_history_with_dates_and_contact_ids() {
    let mut s = db();
    let mut i = input("Seniordans");
    i.status_changed_on = "2023-01-10".into();
    i.contacts = vec![contact("Anne", "anne@example.dk")];
    let p = create(&mut s.conn, &i).unwrap();
    let anne = p.contacts[0].id.clone();

    let mut e = i.clone();
    e.status = "aktiv".into();
    e.status_changed_on = "15.02.2023".into();
    e.goals = vec![GOAL2.into()];
    e.contacts = vec![
        ContactInput {
            id: anne.clone(),
            name: "Anne Holm".into(),
            ..ContactInput::default()
        },
        contact("Bo", "bo@example.dk"),
    ];
    let p = update(&mut s.conn, &p.id, &e).unwrap();
    assert_eq!(p.contacts.len(), 2);
    assert_eq!(p.contacts[0].id, anne, "the edited contact keeps its id");
    assert_eq!(p.contacts[0].name, "Anne Holm");
    let hist: Vec<_> = p
        .status_history
        .iter()
        .map(|h| (h.status, h.changed_on.to_string()))
        .collect();
    assert_eq!(
        hist,
        vec![
            (Status::Interesseret, "2023-01-10".to_string()),
            (Status::Aktiv, "2023-02-15".to_string())
        ]
    );
    // Saving again without a status change adds nothing.
    let p = update(&mut s.conn, &p.id, &e).unwrap();
    assert_eq!(p.status_history.len(), 2);
    // Search text follows the contacts.
    let r = list(
        &s.conn,
        &ListQuery {
            search: "bo@example".into(),
            ..ListQuery::default()
        },
    )
    .unwrap();
    assert_eq!(r.total, 1);
    assert!(matches!(
        update(&mut s.conn, "nope", &e),
        Err(PartnerError::NotFound(_))
    ));
}

fn seed(s: &mut Store) {
    let rows = [
        ("Ølstykke Roklub", "forening", "aktiv", "2021-05-01", GOAL1),
        (
            "aarhus cykelhandel ApS",
            "virksomhed",
            "aktiv",
            "2020-01-01",
            GOAL2,
        ),
        ("Zumba Zonen", "virksomhed", "interesseret", "", GOAL2),
        ("Æblehaven", "institution", "i_dvale", "2019-03-03", GOAL3),
        ("Bente Bæk", "borger", "afsluttet", "2022-08-08", GOAL1),
        ("anker fitness", "virksomhed", "aktiv", "2023-02-02", GOAL3),
    ];
    for (name, kind, status, joined, goal) in rows {
        let i = PartnerInput {
            name: name.into(),
            kind: kind.into(),
            status: status.into(),
            joined_on: joined.into(),
            goals: vec![goal.into()],
            initiative: format!("Indsats for {name}: gåture og frugt"),
            contacts: vec![contact(
                &format!("Kontakt {name}"),
                &format!("{}@example.dk", name.len()),
            )],
            ..PartnerInput::default()
        };
        create(&mut s.conn, &i).unwrap();
    }
}

fn names(r: &ListResult) -> Vec<&str> {
    r.rows.iter().map(|p| p.name.as_str()).collect()
}

#[test]
fn list_sorts_in_danish_order_by_default() {
    let mut s = db();
    seed(&mut s);
    let r = list(&s.conn, &ListQuery::default()).unwrap();
    assert_eq!(
        names(&r),
        vec![
            "anker fitness",
            "Bente Bæk",
            "Zumba Zonen",
            "Æblehaven",
            "Ølstykke Roklub",
            "aarhus cykelhandel ApS"
        ]
    );
    assert_eq!((r.total, r.active, r.overall), (6, 3, 6));
    let r = list(
        &s.conn,
        &ListQuery {
            desc: true,
            ..ListQuery::default()
        },
    )
    .unwrap();
    assert_eq!(r.rows[0].name, "aarhus cykelhandel ApS");
}

#[test]
fn list_sorts_by_joined_and_status() {
    let mut s = db();
    seed(&mut s);
    let by_joined = list(
        &s.conn,
        &ListQuery {
            sort: Sort::Joined,
            ..ListQuery::default()
        },
    )
    .unwrap();
    assert_eq!(by_joined.rows[0].name, "anker fitness"); // newest first
    assert_eq!(by_joined.rows[5].name, "Zumba Zonen"); // no date: last
    let by_status = list(
        &s.conn,
        &ListQuery {
            sort: Sort::Status,
            ..ListQuery::default()
        },
    )
    .unwrap();
    let statuses: Vec<Status> = by_status.rows.iter().map(|p| p.status).collect();
    assert_eq!(
        statuses,
        vec![
            Status::Interesseret,
            Status::Aktiv,
            Status::Aktiv,
            Status::Aktiv,
            Status::IDvale,
            Status::Afsluttet
        ]
    );
}

#[test]
fn search_covers_name_contacts_emails_and_initiative_and_filters_combine() {
    let mut s = db();
    seed(&mut s);
    let q = |search: &str| {
        list(
            &s.conn,
            &ListQuery {
                search: search.into(),
                ..ListQuery::default()
            },
        )
        .unwrap()
    };
    assert_eq!(names(&q("roklub")), vec!["Ølstykke Roklub"]);
    assert_eq!(names(&q("ØLSTYKKE")), vec!["Ølstykke Roklub"]);
    assert_eq!(names(&q("kontakt bente")), vec!["Bente Bæk"]);
    assert_eq!(q("@example.dk").total, 6);
    assert_eq!(q("gåture").total, 6);
    assert_eq!(q("zzz").total, 0);
    assert_eq!(q("%").total, 0, "LIKE wildcards are plain text");
    let r = list(
        &s.conn,
        &ListQuery {
            kind: Some(Kind::Virksomhed),
            status: Some(Status::Aktiv),
            ..ListQuery::default()
        },
    )
    .unwrap();
    assert_eq!(names(&r), vec!["anker fitness", "aarhus cykelhandel ApS"]);
    assert_eq!((r.total, r.active, r.overall), (2, 2, 6));
    let r = list(
        &s.conn,
        &ListQuery {
            goal: Some(GOAL1.into()),
            ..ListQuery::default()
        },
    )
    .unwrap();
    assert_eq!(names(&r), vec!["Bente Bæk", "Ølstykke Roklub"]);
    assert_eq!(r.rows[0].goal_positions, vec![1]);
    assert_eq!(r.rows[0].contact_name, "Kontakt Bente Bæk");
}

#[test]
fn the_list_filters_by_recruitment_channel_and_combines_it_with_status() {
    let mut s = db();
    seed(&mut s);
    // Three partners came through an event, one through the local paper.
    for (name, channel) in [
        ("Ølstykke Roklub", "arrangement"),
        ("Zumba Zonen", "arrangement"),
        ("anker fitness", "arrangement"),
        ("Æblehaven", "lokalavis"),
    ] {
        s.conn
            .execute(
                "UPDATE partners SET recruitment_channel = ?1 WHERE name = ?2",
                [channel, name],
            )
            .unwrap();
    }
    let by = |channel: Channel, status: Option<Status>| {
        let q = ListQuery {
            channel: Some(channel),
            status,
            ..ListQuery::default()
        };
        let r = list(&s.conn, &q).unwrap();
        // The in-memory index answers the same.
        assert_eq!(ListIndex::new().list(&s.conn, &q).unwrap(), r);
        r
    };
    let r = by(Channel::Arrangement, None);
    assert_eq!(
        names(&r),
        vec!["anker fitness", "Zumba Zonen", "Ølstykke Roklub"]
    );
    assert_eq!((r.total, r.active, r.overall), (3, 2, 6));
    let r = by(Channel::Arrangement, Some(Status::Aktiv));
    assert_eq!(names(&r), vec!["anker fitness", "Ølstykke Roklub"]);
    assert_eq!(names(&by(Channel::Lokalavis, None)), vec!["Æblehaven"]);
    assert_eq!(by(Channel::SoMe, None).total, 0);
}

#[test]
fn list_pages_and_never_returns_more_than_the_limit() {
    let mut s = db();
    seed(&mut s);
    let r = list(
        &s.conn,
        &ListQuery {
            limit: 4,
            offset: 4,
            ..ListQuery::default()
        },
    )
    .unwrap();
    assert_eq!(names(&r), vec!["Ølstykke Roklub", "aarhus cykelhandel ApS"]);
    assert_eq!(r.total, 6);
    let r = list(
        &s.conn,
        &ListQuery {
            limit: 100_000,
            ..ListQuery::default()
        },
    )
    .unwrap();
    assert!(r.rows.len() <= store::MAX_PAGE as usize);
}

#[test]
fn delete_moves_to_the_bin_and_restore_brings_back() {
    let mut s = db();
    seed(&mut s);
    let id = list(&s.conn, &ListQuery::default()).unwrap().rows[0]
        .id
        .clone();
    delete(&s.conn, &id).unwrap();
    let r = list(&s.conn, &ListQuery::default()).unwrap();
    assert_eq!(r.total, 5);
    assert!(r.rows.iter().all(|p| p.id != id));
    let b = bin(&s.conn).unwrap();
    assert_eq!(b.rows.len(), 1);
    assert_eq!(b.rows[0].id, id);
    assert!(get(&s.conn, &id).unwrap().deleted_at.is_some());
    let p = restore(&s.conn, &id).unwrap();
    assert!(p.deleted_at.is_none());
    assert_eq!(list(&s.conn, &ListQuery::default()).unwrap().total, 6);
    assert_eq!(bin(&s.conn).unwrap().total, 0);
}

#[test]
fn erase_without_history_deletes_everything() {
    let mut s = db();
    seed(&mut s);
    let id = list(
        &s.conn,
        &ListQuery {
            search: "bente".into(),
            ..ListQuery::default()
        },
    )
    .unwrap()
    .rows[0]
        .id
        .clone();
    assert_eq!(erase(&mut s.conn, &id).unwrap(), store::Erased::Deleted);
    assert!(matches!(get(&s.conn, &id), Err(PartnerError::NotFound(_))));
    let left: i64 = s
        .conn
        .query_row(
            "SELECT (SELECT count(*) FROM contacts WHERE partner_id = ?1)
                  + (SELECT count(*) FROM partner_status_history WHERE partner_id = ?1)
                  + (SELECT count(*) FROM partner_goals WHERE partner_id = ?1)",
            [&id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn erase_with_diplomas_keeps_only_kind_goals_and_dates() {
    let mut s = db();
    seed(&mut s);
    let find = |s: &Store, q: &str| {
        list(
            &s.conn,
            &ListQuery {
                search: q.into(),
                ..ListQuery::default()
            },
        )
        .unwrap()
        .rows[0]
            .id
            .clone()
    };
    let bente = find(&s, "bente");
    let anker = find(&s, "anker");
    // Each has an issued diploma (the diplomas area's table, migration 003).
    for (n, id) in [&bente, &anker].into_iter().enumerate() {
        s.conn
            .execute(
                "INSERT INTO diplomas (id, partner_id, number, issued_on, snapshot, created_at, updated_at)
                 VALUES (?1, ?1, ?2, '2024-05-01', ?3, '2024-05-01', '2024-05-01')",
                rusqlite::params![
                    id,
                    n as i64 + 1,
                    r#"{"partner_name":"Bente Bæk","partner_kind":"borger","text":"anker fitness"}"#
                ],
            )
            .unwrap();
        delete(&s.conn, id).unwrap();
    }
    assert_eq!(empty_bin(&mut s.conn).unwrap(), 2);
    let b = get(&s.conn, &bente).unwrap();
    assert_eq!(
        b.name,
        store::ERASED_NAME,
        "a citizen's name is personal data"
    );
    assert_eq!(b.kind, Kind::Borger);
    assert_eq!(b.goals.len(), 1);
    assert!(b.joined_on.is_some() && !b.status_history.is_empty());
    assert!(b.contacts.is_empty() && b.initiative.is_empty() && b.notes.is_empty());
    assert!(b.erased_at.is_some());
    let a = get(&s.conn, &anker).unwrap();
    assert_eq!(a.name, "anker fitness", "an organisation's name is kept");
    // The citizen's name is gone from her diploma's snapshot too (still
    // valid JSON); the organisation's snapshot is untouched.
    let snap = |id: &str| -> String {
        s.conn
            .query_row(
                "SELECT snapshot FROM diplomas WHERE partner_id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap()
    };
    let b_snap = snap(&bente);
    assert!(!b_snap.contains("Bente"), "{b_snap}");
    let v: serde_json::Value = serde_json::from_str(&b_snap).unwrap();
    assert_eq!(v["partner_name"], store::ERASED_NAME);
    assert!(snap(&anker).contains("Bente Bæk"));
    assert!(a.contacts.is_empty() && a.initiative.is_empty());
    // Erased records are in neither the list nor the bin, and the old
    // text is not searchable.
    assert_eq!(list(&s.conn, &ListQuery::default()).unwrap().total, 4);
    assert_eq!(bin(&s.conn).unwrap().total, 0);
    let n: i64 = s
        .conn
        .query_row(
            "SELECT count(*) FROM partners WHERE search_text LIKE '%bente%' OR search_text LIKE '%gåture%' AND erased_at IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 0);
    // An erased partner can be neither edited nor restored.
    assert!(matches!(
        restore(&s.conn, &bente),
        Err(PartnerError::NotFound(_))
    ));
}

#[test]
fn duplicates_by_name_key_and_shared_email() {
    let mut s = db();
    let mut i = input("Fredericia Bager ApS");
    i.contacts = vec![contact("Bo", "Bo@Bager.dk")];
    let p = create(&mut s.conn, &i).unwrap();
    let d = dedupe::find(&s.conn, "fredericia-bager a/s", &[], None).unwrap();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].id, p.id);
    assert_eq!(d[0].reason, dedupe::MatchReason::Name);
    let d = dedupe::find(&s.conn, "Noget andet", &["bo@bager.dk".into()], None).unwrap();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].reason, dedupe::MatchReason::Email);
    assert_eq!(d[0].email.as_deref(), Some("Bo@Bager.dk"));
    // Not itself when editing; flagged when in the bin.
    assert!(dedupe::find(&s.conn, "Fredericia Bager", &[], Some(&p.id))
        .unwrap()
        .is_empty());
    delete(&s.conn, &p.id).unwrap();
    assert!(dedupe::find(&s.conn, "Fredericia Bager", &[], None).unwrap()[0].in_bin);
    assert!(dedupe::find(&s.conn, "Fredericia Bageri", &[], None)
        .unwrap()
        .is_empty());
}

/// The start page's two bounded reads: the count is of every matching
/// active partner, the names are the first `limit` in Danish order, and a
/// partner in the bin or not active is in neither.
#[test]
fn incomplete_and_without_email_consent_count_all_and_name_the_first() {
    let mut s = db();
    let active = |name: &str, initiative: &str, email: &str, consent: bool| {
        let mut i = input(name);
        i.status = "aktiv".into();
        i.goals = vec![GOAL1.into()];
        i.initiative = initiative.into();
        i.consent_email = consent;
        if consent {
            i.consent_email_on = "2026-11-01".into();
        }
        if !email.is_empty() {
            i.contacts = vec![contact("Kontakt", email)];
        }
        i
    };
    let mut ids = Vec::new();
    for i in [
        active("Æblehaven", "", "a@example.dk", false),
        active("Boldklubben", "", "", true),
        active("Cykelværkstedet", "Cykler til alle", "c@example.dk", false),
        active("Aalborg Gym", "", "g@example.dk", true),
        active("Dansehuset", "Dans", "d@example.dk", true),
    ] {
        ids.push(create(&mut s.conn, &i).unwrap().id);
    }
    // Not active: left out although its initiative is empty.
    create(&mut s.conn, &input("Kontaktet forening")).unwrap();

    let all = incomplete(&s.conn, 10).unwrap();
    assert_eq!(all.count, 3);
    let names = |c: &Counted| c.first.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&all), vec!["Boldklubben", "Æblehaven", "Aalborg Gym"]);
    let two = incomplete(&s.conn, 2).unwrap();
    assert_eq!(
        (two.count, names(&two)),
        (3, vec!["Boldklubben".to_string(), "Æblehaven".into()])
    );
    assert_eq!(incomplete(&s.conn, 0).unwrap().count, 3);
    assert!(incomplete(&s.conn, 0).unwrap().first.is_empty());

    let no_consent = without_email_consent(&s.conn, 1).unwrap();
    assert_eq!(no_consent.count, 2);
    assert_eq!(names(&no_consent), vec!["Cykelværkstedet"]);

    delete(&s.conn, &ids[0]).unwrap();
    assert_eq!(incomplete(&s.conn, 10).unwrap().count, 2);
    assert_eq!(without_email_consent(&s.conn, 10).unwrap().count, 1);
}
