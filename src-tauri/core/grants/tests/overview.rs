//! The year overview and the CLI summary.

use super::*;

#[test]
fn the_overview_totals_by_goal_and_by_kind() {
    let (mut conn, forening) = setup(); // goal 2
    let firma = partner(&conn, "Bageriet", "virksomhed", &[&goal(2), &goal(3)]);
    let a = under_review(&mut conn, &forening, "5000");
    decide(&mut conn, &a, &grant("5000")).unwrap();
    pay(&mut conn, &a, "01.03.2026").unwrap();
    let b = under_review(&mut conn, &firma, "3000");
    decide(&mut conn, &b, &grant("2500")).unwrap();
    let _pending = create_application(&mut conn, &input(&firma, "1000")).unwrap();
    let c = under_review(&mut conn, &firma, "800");
    decide(&mut conn, &c, &reject()).unwrap();

    let o = overview(&conn, YEAR, Lang::Da).unwrap();
    assert_eq!(o.total_ore, 10_000_000);
    assert_eq!(o.granted_ore, 750_000);
    assert_eq!(o.paid_ore, 500_000);
    assert_eq!(o.remaining_ore, 9_250_000);
    assert_eq!(o.pending_ore, 100_000);
    let count = |s| o.counts.iter().find(|c| c.status == s).unwrap().count;
    assert_eq!(count(Status::Udbetalt), 1);
    assert_eq!(count(Status::DelvistBevilget), 1);
    assert_eq!(count(Status::Modtaget), 1);
    assert_eq!(count(Status::Afslaaet), 1);

    let by_goal: Vec<(&str, i64, i64)> = o
        .by_goal
        .iter()
        .map(|g| (g.label.as_str(), g.applications, g.granted_ore))
        .collect();
    assert_eq!(
        by_goal,
        vec![
            ("At Fredericia er i bevægelse", 4, 750_000),
            ("At Fredericia spiser sundt", 3, 250_000),
        ]
    );
    let by_kind: Vec<(&str, i64, i64, i64)> = o
        .by_kind
        .iter()
        .map(|g| (g.label.as_str(), g.applications, g.granted_ore, g.paid_ore))
        .collect();
    assert_eq!(
        by_kind,
        vec![
            ("Forening", 1, 500_000, 500_000),
            ("Virksomhed", 3, 250_000, 0)
        ]
    );

    // Filters of the list.
    let f = |filter: ApplicationFilter| applications(&conn, YEAR, &filter).unwrap().len();
    assert_eq!(
        f(ApplicationFilter {
            status: Some(Status::Afslaaet),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        f(ApplicationFilter {
            partner_kind: Some("virksomhed".into()),
            ..Default::default()
        }),
        3
    );
    assert_eq!(
        f(ApplicationFilter {
            goal_id: Some(goal(2)),
            ..Default::default()
        }),
        4
    );
    assert_eq!(
        f(ApplicationFilter {
            goal_id: Some(goal(3)),
            partner_kind: Some("forening".into()),
            ..Default::default()
        }),
        0
    );
}

#[test]
fn the_summary_text_lists_pool_granted_paid_and_remaining() {
    let (mut conn, p) = setup();
    let a = under_review(&mut conn, &p, "5000");
    decide(&mut conn, &a, &grant("5000")).unwrap();
    pay(&mut conn, &a, "01.03.2026").unwrap();
    let text = summary_text(&conn, YEAR, Lang::Da).unwrap();
    assert_eq!(
        text,
        "Puljen 2026\n\
         Pulje               100.000,00 kr.\n\
         Bevilget              5.000,00 kr.\n\
         Udbetalt              5.000,00 kr.\n\
         Tilbage              95.000,00 kr.\n\
         Afventer afgørelse        0,00 kr.\n\
         Ansøgninger: 1 (maks. 5.000,00 kr. pr. ansøgning)\n"
    );
    let none = summary_text(&conn, 2030, Lang::En).unwrap();
    assert_eq!(none, "There is no pool for 2030.\n");
}

#[test]
fn the_list_filters_the_grants_decided_in_a_period_across_years() {
    let (mut conn, forening) = setup(); // goal 2
    ensure_pool(&mut conn, YEAR + 1).unwrap();
    let firma = partner(&conn, "Bageriet", "virksomhed", &[&goal(3)]);
    let a = under_review(&mut conn, &forening, "5000");
    decide(&mut conn, &a, &grant("5000")).unwrap(); // 1 February 2026
    let b = under_review(&mut conn, &firma, "3000");
    decide(&mut conn, &b, &grant("2500")).unwrap();
    let c = under_review(&mut conn, &forening, "800");
    decide(&mut conn, &c, &reject()).unwrap();
    let _pending = create_application(&mut conn, &input(&forening, "1000")).unwrap();
    // One of 2027's pool, decided in January 2027.
    let mut next = input(&forening, "2000");
    next.year = YEAR + 1;
    next.received_on = "05.01.2027".into();
    let d = create_application(&mut conn, &next).unwrap().id;
    start_review(&mut conn, &d).unwrap();
    let mut in_2027 = grant("2000");
    in_2027.decided_on = "20.01.2027".into();
    decide(&mut conn, &d, &in_2027).unwrap();

    let ids = |filter: ApplicationFilter| -> Vec<String> {
        let mut v: Vec<String> = applications(&conn, YEAR, &filter)
            .unwrap()
            .into_iter()
            .map(|a| a.id)
            .collect();
        v.sort();
        v
    };
    let sorted = |mut v: Vec<&String>| {
        v.sort();
        v.into_iter().cloned().collect::<Vec<String>>()
    };
    let day = |s: &str| crate::dates::parse_iso(s);
    // Granted, whatever the date: the rejected and the pending are left out.
    assert_eq!(
        ids(ApplicationFilter {
            granted: true,
            ..Default::default()
        }),
        sorted(vec![&a, &b])
    );
    // A period across the new year reaches 2027's pool too.
    let across = ApplicationFilter {
        granted: true,
        decided_from: day("2026-01-01"),
        decided_to: day("2027-06-30"),
        ..Default::default()
    };
    assert_eq!(ids(across.clone()), sorted(vec![&a, &b, &d]));
    // With the goal: the partners with goal 2 only.
    assert_eq!(
        ids(ApplicationFilter {
            goal_id: Some(goal(2)),
            ..across.clone()
        }),
        sorted(vec![&a, &d])
    );
    // Only 2027's decisions.
    assert_eq!(
        ids(ApplicationFilter {
            decided_from: day("2027-01-01"),
            ..across
        }),
        vec![d.clone()]
    );
    // A period before any decision: none.
    assert!(ids(ApplicationFilter {
        decided_to: day("2026-01-31"),
        ..Default::default()
    })
    .is_empty());
}
