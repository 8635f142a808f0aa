//! Review, decisions, payouts, reports and adjustments: the pool is never
//! over-committed, transitions and dates follow the flow.

use super::*;

#[test]
fn a_grant_that_would_exceed_the_pool_is_refused_and_changes_nothing() {
    let mut conn = db();
    create_pool(&mut conn, &pool_input("10.000", "5.000")).unwrap();
    let p = partner(&conn, "Løberne", "forening", &[]);
    let first = under_review(&mut conn, &p, "5000");
    let second = under_review(&mut conn, &p, "3000");
    let third = under_review(&mut conn, &p, "3000");
    decide(&mut conn, &first, &grant("5000")).unwrap();
    decide(&mut conn, &second, &grant("3000")).unwrap();
    let before = application(&conn, &third).unwrap();
    let history_before = history(&conn, &third).unwrap();
    let e = decide(&mut conn, &third, &grant("3.000")).unwrap_err();
    assert!(matches!(
        e,
        GrantError::ExceedsPool {
            amount: 300_000,
            remaining: 200_000
        }
    ));
    assert_eq!(
        e.message(Lang::Da),
        "Bevillingen på 3.000,00 kr. vil overskride puljen: der er 2.000,00 kr. tilbage"
    );
    assert_eq!(
        e.message(Lang::En),
        "The grant of 3.000,00 kr. would exceed the pool: 2.000,00 kr. is left"
    );
    assert_eq!(e.field(), Some("amount_granted"));
    assert_eq!(application(&conn, &third).unwrap(), before);
    assert_eq!(history(&conn, &third).unwrap(), history_before);
    assert_eq!(granted_sum_of(&conn), 800_000);
    // Exactly what is left is fine; then the pool is full.
    let a = decide(&mut conn, &third, &grant("2.000,00")).unwrap();
    assert_eq!(a.status, Status::DelvistBevilget);
    assert_eq!(granted_sum_of(&conn), 1_000_000);
    assert_eq!(overview(&conn, YEAR, Lang::Da).unwrap().remaining_ore, 0);
}

#[test]
fn granting_more_than_requested_is_refused_and_part_grants_need_a_reason() {
    let (mut conn, p) = setup();
    let id = under_review(&mut conn, &p, "2000");
    let e = decide(&mut conn, &id, &grant("2000,01")).unwrap_err();
    assert!(matches!(
        e,
        GrantError::GrantedAboveRequested {
            amount: 200_001,
            requested: 200_000
        }
    ));
    let mut partial = grant("1500");
    partial.reason = String::new();
    let e = decide(&mut conn, &id, &partial).unwrap_err();
    assert_eq!(e.field(), Some("grant_decision_reason"));
    let a = decide(&mut conn, &id, &grant("1500")).unwrap();
    assert_eq!(a.status, Status::DelvistBevilget);
    assert_eq!(a.granted_ore, Some(150_000));
    let mut full = grant("2000");
    full.reason = String::new();
    let a = decide(&mut conn, &id, &full).unwrap();
    assert_eq!(a.status, Status::Bevilget);
    assert_eq!(a.granted_ore, Some(200_000));
    let e = decide(&mut conn, &id, &grant("0")).unwrap_err();
    assert!(matches!(
        e,
        GrantError::AmountNotPositive {
            field: "amount_granted"
        }
    ));
}

#[test]
fn a_rejection_needs_a_reason_and_releases_the_amount() {
    let (mut conn, p) = setup();
    let id = under_review(&mut conn, &p, "2000");
    decide(&mut conn, &id, &grant("2000")).unwrap();
    assert_eq!(granted_sum_of(&conn), 200_000);
    let mut r = reject();
    r.reason = " ".into();
    assert_eq!(
        decide(&mut conn, &id, &r).unwrap_err().field(),
        Some("grant_decision_reason")
    );
    let a = decide(&mut conn, &id, &reject()).unwrap();
    assert_eq!(a.status, Status::Afslaaet);
    assert_eq!(a.granted_ore, None);
    assert_eq!(granted_sum_of(&conn), 0);
}

#[test]
fn illegal_status_transitions_are_refused() {
    let (mut conn, p) = setup();
    let a = create_application(&mut conn, &input(&p, "1000")).unwrap();
    let illegal = |e: GrantError, from: Status, action: Action| match e {
        GrantError::IllegalTransition { from: f, action: a } => {
            assert_eq!((f, a), (from, action));
        }
        other => panic!("expected an illegal transition, got {other:?}"),
    };
    illegal(
        decide(&mut conn, &a.id, &grant("1000")).unwrap_err(),
        Status::Modtaget,
        Action::Decide,
    );
    illegal(
        pay(&mut conn, &a.id, "01.03.2026").unwrap_err(),
        Status::Modtaget,
        Action::Pay,
    );
    illegal(
        report(&mut conn, &a.id, &report_input()).unwrap_err(),
        Status::Modtaget,
        Action::Report,
    );
    illegal(
        adjust(&mut conn, &a.id, &adjust_to("500")).unwrap_err(),
        Status::Modtaget,
        Action::Adjust,
    );
    start_review(&mut conn, &a.id).unwrap();
    illegal(
        start_review(&mut conn, &a.id).unwrap_err(),
        Status::UnderBehandling,
        Action::StartReview,
    );
    decide(&mut conn, &a.id, &reject()).unwrap();
    let e = pay(&mut conn, &a.id, "01.03.2026").unwrap_err();
    assert_eq!(
        e.message(Lang::Da),
        "En ansøgning med status »Afslået« kan ikke udbetales"
    );
    decide(&mut conn, &a.id, &grant("1000")).unwrap();
    pay(&mut conn, &a.id, "01.03.2026").unwrap();
    illegal(
        decide(&mut conn, &a.id, &reject()).unwrap_err(),
        Status::Udbetalt,
        Action::Decide,
    );
    illegal(
        pay(&mut conn, &a.id, "02.03.2026").unwrap_err(),
        Status::Udbetalt,
        Action::Pay,
    );
    let r = report(&mut conn, &a.id, &report_input()).unwrap();
    assert_eq!(r.status, Status::Afrapporteret);
    assert_eq!(r.actual_reach, Some(210));
    illegal(
        start_review(&mut conn, &a.id).unwrap_err(),
        Status::Afrapporteret,
        Action::StartReview,
    );
}

#[test]
fn dates_must_follow_each_other() {
    let (mut conn, p) = setup();
    let id = under_review(&mut conn, &p, "1000");
    let mut early = grant("1000");
    early.decided_on = "09.01.2026".into();
    let e = decide(&mut conn, &id, &early).unwrap_err();
    assert_eq!(e.field(), Some("grant_decided_on"));
    decide(&mut conn, &id, &grant("1000")).unwrap();
    let e = pay(&mut conn, &id, "31.01.2026").unwrap_err();
    assert!(matches!(
        e,
        GrantError::DateOrder {
            field: "grant_paid_on",
            ..
        }
    ));
    assert_eq!(
        e.message(Lang::Da),
        "Udbetalingsdatoen må ikke ligge før afgørelsesdatoen (01.02.2026)"
    );
    assert!(matches!(
        pay(&mut conn, &id, ""),
        Err(GrantError::Invalid(_))
    ));
    let a = pay(&mut conn, &id, "2026-02-01").unwrap();
    assert_eq!(a.paid_on, chrono::NaiveDate::from_ymd_opt(2026, 2, 1));
}

#[test]
fn paid_grants_are_corrected_by_recorded_adjustments() {
    let mut conn = db();
    create_pool(&mut conn, &pool_input("8.000", "5.000")).unwrap();
    let p = partner(&conn, "Café Sund", "virksomhed", &[]);
    let a = under_review(&mut conn, &p, "4000");
    decide(&mut conn, &a, &grant("4000")).unwrap();
    let e = adjust(&mut conn, &a, &adjust_to("3000")).unwrap_err();
    assert!(matches!(e, GrantError::IllegalTransition { .. }));
    pay(&mut conn, &a, "01.03.2026").unwrap();
    let b = under_review(&mut conn, &p, "3000");
    decide(&mut conn, &b, &grant("3000")).unwrap();

    assert!(matches!(
        adjust(&mut conn, &a, &adjust_to("4000")),
        Err(GrantError::AdjustmentUnchanged { amount: 400_000 })
    ));
    assert!(matches!(
        adjust(&mut conn, &a, &adjust_to("5000,01")),
        Err(GrantError::AboveMaxPerApplication { .. })
    ));
    let mut no_reason = adjust_to("3500");
    no_reason.reason = String::new();
    assert_eq!(
        adjust(&mut conn, &a, &no_reason).unwrap_err().field(),
        Some("adjustment_reason")
    );
    let after = adjust(&mut conn, &a, &adjust_to("3.500")).unwrap();
    assert_eq!(after.granted_ore, Some(350_000));
    assert_eq!(after.status, Status::Udbetalt);
    let full_refund = adjust(&mut conn, &a, &adjust_to("0")).unwrap();
    assert_eq!(full_refund.granted_ore, Some(0));
    let adj = adjustments(&conn, &a).unwrap();
    assert_eq!(adj.len(), 2);
    assert_eq!(
        (adj[0].amount_before_ore, adj[0].amount_after_ore),
        (400_000, 350_000)
    );
    assert_eq!(
        (adj[1].amount_before_ore, adj[1].amount_after_ore),
        (350_000, 0)
    );
    let o = overview(&conn, YEAR, Lang::Da).unwrap();
    assert_eq!(o.granted_ore, 300_000);
    assert_eq!(o.paid_ore, 0);
}

#[test]
fn an_adjustment_that_would_exceed_the_pool_is_refused() {
    let mut conn = db();
    create_pool(&mut conn, &pool_input("8.000", "5.000")).unwrap();
    let p = partner(&conn, "Café Sund", "virksomhed", &[]);
    let a = under_review(&mut conn, &p, "4000");
    decide(&mut conn, &a, &grant("4000")).unwrap();
    pay(&mut conn, &a, "01.03.2026").unwrap();
    let b = under_review(&mut conn, &p, "3500");
    decide(&mut conn, &b, &grant("3500")).unwrap();
    let e = adjust(&mut conn, &a, &adjust_to("5000")).unwrap_err();
    assert!(matches!(
        e,
        GrantError::ExceedsPool {
            amount: 500_000,
            remaining: 450_000
        }
    ));
    assert_eq!(application(&conn, &a).unwrap().granted_ore, Some(400_000));
    assert!(adjustments(&conn, &a).unwrap().is_empty());
}
