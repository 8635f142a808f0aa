//! Unit tests of the grant pool's rules, and a model-based property test that
//! runs random sequences of applications, decisions, edits, payouts,
//! deletions, adjustments and pool changes.

use super::testutil::{goal, partner};
use super::*;
use crate::money::format_number;
use crate::store::Store;
use rusqlite::Connection;

const YEAR: i32 = 2026;

fn db() -> Connection {
    Store::open_in_memory().unwrap().conn
}

fn input(partner_id: &str, requested: &str) -> ApplicationInput {
    ApplicationInput {
        year: YEAR,
        partner_id: partner_id.to_string(),
        received_on: "10.01.2026".into(),
        purpose: "Gåtur for hele byen".into(),
        description: "Vi inviterer alle til en gåtur langs havnen.".into(),
        planned_on: "2026-06-01".into(),
        expected_reach: Some(150),
        requested: requested.into(),
    }
}

fn grant(amount: &str) -> DecisionInput {
    DecisionInput {
        outcome: Outcome::Grant,
        amount: amount.into(),
        decided_on: "01.02.2026".into(),
        reason: "Rækker ud til en større gruppe".into(),
    }
}

fn reject() -> DecisionInput {
    DecisionInput {
        outcome: Outcome::Reject,
        amount: String::new(),
        decided_on: "01.02.2026".into(),
        reason: "Det er en del af foreningens normale drift".into(),
    }
}

fn adjust_to(amount: &str) -> AdjustInput {
    AdjustInput {
        amount: amount.into(),
        adjusted_on: "01.05.2026".into(),
        reason: "Ubrugte midler betalt tilbage".into(),
    }
}

fn report_input() -> ReportInput {
    ReportInput {
        actual_reach: Some(210),
        report_text: "Godt fremmøde.".into(),
        reported_on: "2026-07-01".into(),
    }
}

fn pool_input(total: &str, max: &str) -> PoolInput {
    PoolInput {
        year: YEAR,
        total: total.into(),
        max_per_application: max.into(),
        criteria: "Ud over det normale arbejde".into(),
    }
}

/// A database with the default pool of 2026 and one partner.
fn setup() -> (Connection, String) {
    let mut conn = db();
    ensure_pool(&mut conn, YEAR).unwrap();
    let p = partner(&conn, "Idrætsforeningen Ærø", "forening", &[&goal(2)]);
    (conn, p)
}

/// An application under review for `requested`.
fn under_review(conn: &mut Connection, p: &str, requested: &str) -> String {
    let a = create_application(conn, &input(p, requested)).unwrap();
    start_review(conn, &a.id).unwrap();
    a.id
}

fn granted_sum_of(conn: &Connection) -> i64 {
    overview(conn, YEAR, Lang::Da).unwrap().granted_ore
}

#[test]
fn a_default_pool_has_the_programme_defaults() {
    let (mut conn, _) = setup();
    let p = pool(&conn, YEAR).unwrap().unwrap();
    assert_eq!(p.total_ore, 10_000_000);
    assert_eq!(p.max_per_application_ore, 500_000);
    assert!(matches!(
        create_pool(&mut conn, &pool_input("100.000", "5.000")),
        Err(GrantError::PoolExists(2026))
    ));
    assert!(matches!(
        ensure_pool(&mut conn, 1999),
        Err(GrantError::YearOutOfRange(1999))
    ));
    assert_eq!(ensure_pool(&mut conn, YEAR).unwrap(), p);
}

#[test]
fn a_pool_needs_positive_amounts_and_a_maximum_within_it() {
    let mut conn = db();
    let mut i = pool_input("0", "5.000");
    assert!(matches!(
        create_pool(&mut conn, &i),
        Err(GrantError::AmountNotPositive {
            field: "pool_total"
        })
    ));
    i = pool_input("4.000", "5.000");
    let e = create_pool(&mut conn, &i).unwrap_err();
    assert!(matches!(e, GrantError::MaxAboveTotal { .. }));
    assert_eq!(
        e.message(Lang::Da),
        "Maksimum pr. ansøgning (5.000,00 kr.) kan ikke være større end hele puljen (4.000,00 kr.)"
    );
    i = pool_input("-100", "5");
    assert!(matches!(
        create_pool(&mut conn, &i),
        Err(GrantError::Amount(_))
    ));
    assert!(pools(&conn).unwrap().is_empty());
}

#[test]
fn requested_amounts_are_above_zero_and_within_the_maximum() {
    let (mut conn, p) = setup();
    let e = create_application(&mut conn, &input(&p, "0")).unwrap_err();
    assert!(matches!(
        e,
        GrantError::AmountNotPositive {
            field: "amount_requested"
        }
    ));
    assert_eq!(e.field(), Some("amount_requested"));
    let e = create_application(&mut conn, &input(&p, "5.000,01")).unwrap_err();
    assert!(matches!(
        e,
        GrantError::AboveMaxPerApplication {
            amount: 500_001,
            max: 500_000,
            ..
        }
    ));
    assert_eq!(
        e.message(Lang::Da),
        "Det ansøgte beløb på 5.000,01 kr. er over puljens maksimum på 5.000,00 kr. pr. ansøgning"
    );
    let e = create_application(&mut conn, &input(&p, "5,000.00")).unwrap_err();
    assert_eq!(e.code(), "amount.ambiguous");
    let e = create_application(&mut conn, &input(&p, "-50")).unwrap_err();
    assert_eq!(e.code(), "amount.negative");
    let a = create_application(&mut conn, &input(&p, "5.000,00")).unwrap();
    assert_eq!(a.requested_ore, 500_000);
    assert_eq!(a.status, Status::Modtaget);
    assert_eq!(
        applications(&conn, YEAR, &ApplicationFilter::default())
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn an_application_needs_a_pool_a_live_partner_and_valid_fields() {
    let (mut conn, p) = setup();
    let mut i = input(&p, "1000");
    i.year = 2027;
    assert!(matches!(
        create_application(&mut conn, &i),
        Err(GrantError::NoPool(2027))
    ));
    let i = input("no-such-partner", "1000");
    assert!(matches!(
        create_application(&mut conn, &i),
        Err(GrantError::PartnerNotFound(_))
    ));
    conn.execute("UPDATE partners SET deleted_at = 'x' WHERE id = ?1", [&p])
        .unwrap();
    assert!(matches!(
        create_application(&mut conn, &input(&p, "1000")),
        Err(GrantError::PartnerNotFound(_))
    ));
    conn.execute("UPDATE partners SET deleted_at = NULL WHERE id = ?1", [&p])
        .unwrap();
    let mut i = input(&p, "1000");
    i.purpose = "  ".into();
    assert_eq!(
        create_application(&mut conn, &i).unwrap_err().field(),
        Some("grant_purpose")
    );
    let mut i = input(&p, "1000");
    i.received_on = "31.02.2026".into();
    assert_eq!(
        create_application(&mut conn, &i).unwrap_err().field(),
        Some("grant_received_on")
    );
    let mut i = input(&p, "1000");
    i.expected_reach = Some(-1);
    let e = create_application(&mut conn, &i).unwrap_err();
    assert_eq!(e.field(), Some("grant_expected_reach"));
    assert_eq!(
        e.message(Lang::Da),
        "Det forventede antal deltagere skal være et helt tal fra 0 til 10.000.000"
    );
}

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
fn lowering_a_pool_below_what_is_granted_is_refused() {
    let (mut conn, p) = setup();
    for amount in ["5000", "5000", "4000"] {
        let id = under_review(&mut conn, &p, amount);
        decide(&mut conn, &id, &grant(amount)).unwrap();
    }
    let e = update_pool(&mut conn, &pool_input("13.999,99", "5.000")).unwrap_err();
    assert!(matches!(
        e,
        GrantError::PoolBelowGranted {
            total: 1_399_999,
            granted: 1_400_000
        }
    ));
    assert_eq!(
        e.message(Lang::Da),
        "Puljen kan ikke sættes til 13.999,99 kr., for der er allerede bevilget 14.000,00 kr."
    );
    assert_eq!(pool(&conn, YEAR).unwrap().unwrap().total_ore, 10_000_000);
    let p2 = update_pool(&mut conn, &pool_input("14.000", "5.000")).unwrap();
    assert_eq!(p2.total_ore, 1_400_000);
    // The maximum cannot go below an amount already in the year.
    let e = update_pool(&mut conn, &pool_input("14.000", "4.999")).unwrap_err();
    assert!(matches!(
        e,
        GrantError::MaxBelowExisting {
            max: 499_900,
            largest: 500_000
        }
    ));
    // The pool's history has the default and the change.
    let n: i64 = conn
        .query_row(
            "SELECT count(*) FROM grant_pool_history WHERE year = ?1",
            [YEAR],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 2);
}

#[test]
fn paid_grants_cannot_be_deleted_but_unpaid_ones_release_their_money() {
    let (mut conn, p) = setup();
    let paid = under_review(&mut conn, &p, "3000");
    decide(&mut conn, &paid, &grant("3000")).unwrap();
    pay(&mut conn, &paid, "01.03.2026").unwrap();
    let e = delete(&mut conn, &paid).unwrap_err();
    assert!(matches!(
        e,
        GrantError::PaidCannotBeDeleted { amount: 300_000 }
    ));
    assert!(e
        .message(Lang::Da)
        .starts_with("Bevillingen på 3.000,00 kr. er udbetalt og kan ikke slettes"));
    assert!(!application(&conn, &paid).unwrap().deleted);

    let unpaid = under_review(&mut conn, &p, "2000");
    decide(&mut conn, &unpaid, &grant("2000")).unwrap();
    assert_eq!(granted_sum_of(&conn), 500_000);
    delete(&mut conn, &unpaid).unwrap();
    assert_eq!(granted_sum_of(&conn), 300_000);
    // Kept for the record, out of the list, and no longer changeable.
    let gone = application(&conn, &unpaid).unwrap();
    assert!(gone.deleted);
    let list = applications(&conn, YEAR, &ApplicationFilter::default()).unwrap();
    assert_eq!(list.len(), 1);
    let all = applications(
        &conn,
        YEAR,
        &ApplicationFilter {
            include_deleted: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(all.len(), 2);
    assert!(matches!(
        delete(&mut conn, &unpaid),
        Err(GrantError::NotFound(_))
    ));
    // Not even by hand.
    assert!(conn
        .execute("DELETE FROM grant_applications WHERE id = ?1", [&paid])
        .is_err());
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

#[test]
fn the_request_is_locked_once_decided_but_the_text_can_be_corrected() {
    let (mut conn, p) = setup();
    let other = partner(&conn, "Skolen", "institution", &[]);
    let a = create_application(&mut conn, &input(&p, "1000")).unwrap();
    let edited = update_application(&mut conn, &a.id, &input(&p, "1200")).unwrap();
    assert_eq!(edited.requested_ore, 120_000);
    start_review(&mut conn, &a.id).unwrap();
    decide(&mut conn, &a.id, &grant("1200")).unwrap();
    assert!(matches!(
        update_application(&mut conn, &a.id, &input(&p, "1500")),
        Err(GrantError::LockedAfterDecision {
            field: "amount_requested"
        })
    ));
    assert!(matches!(
        update_application(&mut conn, &a.id, &input(&other, "1200")),
        Err(GrantError::LockedAfterDecision {
            field: "grant_partner"
        })
    ));
    let mut text = input(&p, "1.200,00");
    text.purpose = "Gåtur og madpakker".into();
    let a2 = update_application(&mut conn, &a.id, &text).unwrap();
    assert_eq!(a2.purpose, "Gåtur og madpakker");
    assert_eq!(a2.requested_ore, 120_000);
    assert_eq!(a2.granted_ore, Some(120_000));
}

#[test]
fn every_change_of_status_or_amount_is_in_the_history_with_its_date() {
    let (mut conn, p) = setup();
    let a = create_application(&mut conn, &input(&p, "1000")).unwrap();
    update_application(&mut conn, &a.id, &input(&p, "1500")).unwrap();
    start_review(&mut conn, &a.id).unwrap();
    decide(&mut conn, &a.id, &grant("1200")).unwrap();
    pay(&mut conn, &a.id, "01.03.2026").unwrap();
    adjust(&mut conn, &a.id, &adjust_to("1000")).unwrap();
    report(&mut conn, &a.id, &report_input()).unwrap();
    let h = history(&conn, &a.id).unwrap();
    let events: Vec<(&str, Option<Status>, Option<i64>)> = h
        .iter()
        .map(|e| (e.event.as_str(), e.status_to, e.amount_to_ore))
        .collect();
    assert_eq!(
        events,
        vec![
            ("created", Some(Status::Modtaget), Some(100_000)),
            ("requested", None, Some(150_000)),
            ("status", Some(Status::UnderBehandling), None),
            ("decision", Some(Status::DelvistBevilget), Some(120_000)),
            ("status", Some(Status::Udbetalt), Some(120_000)),
            ("adjusted", None, Some(100_000)),
            ("status", Some(Status::Afrapporteret), None),
        ]
    );
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    assert_eq!(h[0].changed_on, d("2026-01-10"));
    assert_eq!(h[3].changed_on, d("2026-02-01"));
    assert_eq!(h[4].changed_on, d("2026-03-01"));
    assert_eq!(h[5].changed_on, d("2026-05-01"));
    assert_eq!(h[5].amount_from_ore, Some(120_000));
    assert_eq!(h[6].changed_on, d("2026-07-01"));
}

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
fn the_database_itself_refuses_an_over_committed_pool() {
    let mut conn = db();
    create_pool(&mut conn, &pool_input("6.000", "5.000")).unwrap();
    let p = partner(&conn, "Løberne", "forening", &[]);
    let a = under_review(&mut conn, &p, "5000");
    let b = under_review(&mut conn, &p, "5000");
    decide(&mut conn, &a, &grant("5000")).unwrap();
    // A bug that skipped the rules would still be stopped by the triggers.
    let err = conn.execute(
        "UPDATE grant_applications SET status = 'bevilget', granted_ore = 500000,
             decided_on = '2026-02-01' WHERE id = ?1",
        [&b],
    );
    assert!(err.is_err());
    assert!(conn
        .execute(
            "UPDATE grant_pools SET total_ore = 100 WHERE year = 2026",
            []
        )
        .is_err());
    assert_eq!(granted_sum_of(&conn), 500_000);
}

#[test]
fn statuses_round_trip_and_have_labels() {
    for s in Status::ALL {
        assert_eq!(s.as_str().parse::<Status>(), Ok(s));
        assert!(!s.label(Lang::Da).is_empty());
    }
    assert_eq!(Status::Afslaaet.label(Lang::Da), "Afslået");
    assert!("afslået".parse::<Status>().is_err());
}

// ---------------------------------------------------------------- property

mod property {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    #[derive(Debug, Clone)]
    enum Op {
        Create { partner: usize, requested: i64 },
        StartReview { idx: usize },
        Grant { idx: usize, amount: GrantAmount },
        Reject { idx: usize },
        Edit { idx: usize, requested: i64 },
        Pay { idx: usize },
        Report { idx: usize },
        Delete { idx: usize },
        Adjust { idx: usize, amount: i64 },
        SetPool { total: i64, max: i64 },
    }

    /// How much to grant: absolute, the full request, or what is left in
    /// the pool give or take a few øre (to probe the boundary).
    #[derive(Debug, Clone, Copy)]
    enum GrantAmount {
        Exact(i64),
        Full,
        RemainingPlus(i64),
    }

    fn amount() -> impl Strategy<Value = i64> {
        prop_oneof![
            Just(0i64),
            Just(500_000i64),
            Just(500_001i64),
            (1i64..=12).prop_map(|n| n * 50_000),
            1i64..=600_000,
        ]
    }

    fn op() -> impl Strategy<Value = Op> {
        let idx = 0usize..12;
        prop_oneof![
            3 => (0usize..3, amount()).prop_map(|(partner, requested)| Op::Create { partner, requested }),
            3 => idx.clone().prop_map(|idx| Op::StartReview { idx }),
            4 => (
                idx.clone(),
                prop_oneof![
                    amount().prop_map(GrantAmount::Exact),
                    Just(GrantAmount::Full),
                    (-2i64..=2).prop_map(GrantAmount::RemainingPlus),
                ]
            )
                .prop_map(|(idx, amount)| Op::Grant { idx, amount }),
            1 => idx.clone().prop_map(|idx| Op::Reject { idx }),
            1 => (idx.clone(), amount()).prop_map(|(idx, requested)| Op::Edit { idx, requested }),
            2 => idx.clone().prop_map(|idx| Op::Pay { idx }),
            1 => idx.clone().prop_map(|idx| Op::Report { idx }),
            1 => idx.clone().prop_map(|idx| Op::Delete { idx }),
            2 => (idx.clone(), amount()).prop_map(|(idx, amount)| Op::Adjust { idx, amount }),
            1 => ((1i64..=40).prop_map(|n| n * 50_000), (1i64..=12).prop_map(|n| n * 50_000))
                .prop_map(|(total, max)| Op::SetPool { total, max }),
        ]
    }

    /// What the test believes about an application.
    #[derive(Debug, Clone)]
    struct Model {
        id: String,
        status: Status,
        requested: i64,
        granted: Option<i64>,
        deleted: bool,
    }

    struct World {
        total: i64,
        max: i64,
        apps: Vec<Model>,
    }

    impl World {
        fn granted_except(&self, i: Option<usize>) -> i64 {
            self.apps
                .iter()
                .enumerate()
                .filter(|(j, a)| Some(*j) != i && !a.deleted)
                .filter_map(|(_, a)| a.granted)
                .sum()
        }
    }

    /// The outcome the rules predict: `Ok` or the error code.
    type Expect = std::result::Result<(), &'static str>;

    fn expect_decide(w: &World, i: usize, amount: Option<i64>) -> Expect {
        let a = &w.apps[i];
        if a.deleted {
            return Err("grants.not_found");
        }
        if !matches!(
            a.status,
            Status::UnderBehandling | Status::Bevilget | Status::DelvistBevilget | Status::Afslaaet
        ) {
            return Err("grants.illegal_transition");
        }
        let Some(amount) = amount else { return Ok(()) };
        if amount < 0 {
            return Err("amount.negative");
        }
        if amount == 0 {
            return Err("grants.amount_not_positive");
        }
        if amount > w.max {
            return Err("grants.above_max_per_application");
        }
        if amount > a.requested {
            return Err("grants.granted_above_requested");
        }
        if amount > w.total - w.granted_except(Some(i)) {
            return Err("grants.exceeds_pool");
        }
        Ok(())
    }

    fn check_invariants(conn: &Connection, w: &World) {
        let pool = pool(conn, YEAR).unwrap().unwrap();
        assert_eq!(
            (pool.total_ore, pool.max_per_application_ore),
            (w.total, w.max)
        );
        // Straight from the table, not through the module's own sums.
        let (granted, live): (i64, i64) = conn
            .query_row(
                "SELECT coalesce(sum(granted_ore), 0), count(*) FROM grant_applications
                 WHERE year = ?1 AND deleted_at IS NULL",
                [YEAR],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert!(
            granted <= pool.total_ore,
            "granted {granted} > pool {}",
            pool.total_ore
        );
        assert_eq!(granted, w.granted_except(None));
        assert_eq!(live as usize, w.apps.iter().filter(|a| !a.deleted).count());
        let mut stmt = conn
            .prepare("SELECT id, status, requested_ore, granted_ore, deleted_at IS NOT NULL FROM grant_applications")
            .unwrap();
        let rows: HashMap<String, (String, i64, Option<i64>, bool)> = stmt
            .query_map([], |r| {
                Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        // No application disappears.
        assert_eq!(rows.len(), w.apps.len());
        for m in &w.apps {
            let (status, requested, granted, deleted) =
                rows.get(&m.id).expect("application vanished");
            let status: Status = status.parse().unwrap();
            assert_eq!(
                (status, *requested, *granted, *deleted),
                (m.status, m.requested, m.granted, m.deleted)
            );
            assert!(!(status.is_paid() && *deleted), "a paid grant was deleted");
            if !deleted {
                assert!(*requested > 0 && *requested <= pool.max_per_application_ore);
                match (status.is_granted(), status.is_paid(), *granted) {
                    (false, _, g) => assert_eq!(g, None),
                    (true, false, Some(g)) => assert!(g > 0 && g <= *requested),
                    (true, true, Some(g)) => {
                        assert!((0..=pool.max_per_application_ore).contains(&g))
                    }
                    (true, _, None) => panic!("granted without an amount"),
                }
            }
        }
    }

    fn run(ops: Vec<Op>, total: i64) {
        let mut conn = db();
        create_pool(
            &mut conn,
            &PoolInput {
                year: YEAR,
                total: format_number(total),
                max_per_application: format_number(total.min(500_000)),
                criteria: String::new(),
            },
        )
        .unwrap();
        let partners: Vec<String> = ["forening", "virksomhed", "borger"]
            .iter()
            .enumerate()
            .map(|(i, k)| partner(&conn, &format!("Partner {i}"), k, &[&goal(1)]))
            .collect();
        let mut w = World {
            total,
            max: total.min(500_000),
            apps: Vec::new(),
        };
        for op in ops {
            // Mostly an application the operation suits, sometimes any live
            // one, now and then any at all (deleted ones too).
            let pick_for = |idx: usize, w: &World, suits: &dyn Fn(&Model) -> bool| {
                let fitting: Vec<usize> =
                    (0..w.apps.len()).filter(|&i| suits(&w.apps[i])).collect();
                let live: Vec<usize> = (0..w.apps.len()).filter(|&i| !w.apps[i].deleted).collect();
                if idx < 7 && !fitting.is_empty() {
                    Some(fitting[idx % fitting.len()])
                } else if idx < 10 && !live.is_empty() {
                    Some(live[idx % live.len()])
                } else {
                    (!w.apps.is_empty()).then(|| idx % w.apps.len())
                }
            };
            let pick = |idx: usize, w: &World| pick_for(idx, w, &|_| false);
            let deciding = |m: &Model| {
                !m.deleted
                    && matches!(
                        m.status,
                        Status::UnderBehandling
                            | Status::Bevilget
                            | Status::DelvistBevilget
                            | Status::Afslaaet
                    )
            };
            match op {
                Op::Create {
                    partner: p,
                    requested,
                } => {
                    let expect: Expect = if requested <= 0 {
                        Err("grants.amount_not_positive")
                    } else if requested > w.max {
                        Err("grants.above_max_per_application")
                    } else {
                        Ok(())
                    };
                    let got = create_application(
                        &mut conn,
                        &input(&partners[p], &format_number(requested)),
                    );
                    assert_eq!(
                        got.as_ref().map(|_| ()).map_err(|e| e.code()),
                        expect,
                        "{op:?}"
                    );
                    if let Ok(a) = got {
                        w.apps.push(Model {
                            id: a.id,
                            status: Status::Modtaget,
                            requested,
                            granted: None,
                            deleted: false,
                        });
                    }
                }
                Op::StartReview { idx } => {
                    let Some(i) =
                        pick_for(idx, &w, &|m| !m.deleted && m.status == Status::Modtaget)
                    else {
                        continue;
                    };
                    let a = &w.apps[i];
                    let expect: Expect = if a.deleted {
                        Err("grants.not_found")
                    } else if a.status != Status::Modtaget {
                        Err("grants.illegal_transition")
                    } else {
                        Ok(())
                    };
                    let got = start_review(&mut conn, &a.id.clone())
                        .map(|_| ())
                        .map_err(|e| e.code());
                    assert_eq!(got, expect, "{op:?}");
                    if got.is_ok() {
                        w.apps[i].status = Status::UnderBehandling;
                    }
                }
                Op::Grant { idx, amount } => {
                    let Some(i) = pick_for(idx, &w, &deciding) else {
                        continue;
                    };
                    let amount = match amount {
                        GrantAmount::Exact(a) => a,
                        GrantAmount::Full => w.apps[i].requested,
                        GrantAmount::RemainingPlus(d) => w.total - w.granted_except(Some(i)) + d,
                    };
                    let expect = expect_decide(&w, i, Some(amount));
                    let id = w.apps[i].id.clone();
                    let got = decide(&mut conn, &id, &grant(&format_number(amount)))
                        .map(|_| ())
                        .map_err(|e| e.code());
                    assert_eq!(got, expect, "{op:?}");
                    if got.is_ok() {
                        let a = &mut w.apps[i];
                        a.granted = Some(amount);
                        a.status = if amount == a.requested {
                            Status::Bevilget
                        } else {
                            Status::DelvistBevilget
                        };
                    }
                }
                Op::Reject { idx } => {
                    let Some(i) = pick_for(idx, &w, &deciding) else {
                        continue;
                    };
                    let expect = expect_decide(&w, i, None);
                    let id = w.apps[i].id.clone();
                    let got = decide(&mut conn, &id, &reject())
                        .map(|_| ())
                        .map_err(|e| e.code());
                    assert_eq!(got, expect, "{op:?}");
                    if got.is_ok() {
                        w.apps[i].status = Status::Afslaaet;
                        w.apps[i].granted = None;
                    }
                }
                Op::Edit { idx, requested } => {
                    let Some(i) = pick(idx, &w) else { continue };
                    let a = &w.apps[i];
                    let expect: Expect = if a.deleted {
                        Err("grants.not_found")
                    } else if !a.status.is_open() {
                        if requested == a.requested {
                            Ok(())
                        } else {
                            Err("grants.locked_after_decision")
                        }
                    } else if requested <= 0 {
                        Err("grants.amount_not_positive")
                    } else if requested > w.max {
                        Err("grants.above_max_per_application")
                    } else {
                        Ok(())
                    };
                    // The partner stays the same: find it from the database.
                    let partner_id = application(&conn, &a.id).unwrap().partner_id;
                    let id = a.id.clone();
                    let got = update_application(
                        &mut conn,
                        &id,
                        &input(&partner_id, &format_number(requested)),
                    )
                    .map(|_| ())
                    .map_err(|e| e.code());
                    assert_eq!(got, expect, "{op:?}");
                    if got.is_ok() {
                        w.apps[i].requested = requested;
                    }
                }
                Op::Pay { idx } => {
                    let Some(i) = pick_for(idx, &w, &|m| {
                        !m.deleted && matches!(m.status, Status::Bevilget | Status::DelvistBevilget)
                    }) else {
                        continue;
                    };
                    let a = &w.apps[i];
                    let expect: Expect = if a.deleted {
                        Err("grants.not_found")
                    } else if !matches!(a.status, Status::Bevilget | Status::DelvistBevilget) {
                        Err("grants.illegal_transition")
                    } else {
                        Ok(())
                    };
                    let id = a.id.clone();
                    let got = pay(&mut conn, &id, "01.03.2026")
                        .map(|_| ())
                        .map_err(|e| e.code());
                    assert_eq!(got, expect, "{op:?}");
                    if got.is_ok() {
                        w.apps[i].status = Status::Udbetalt;
                    }
                }
                Op::Report { idx } => {
                    let Some(i) = pick_for(idx, &w, &|m| !m.deleted && m.status.is_paid()) else {
                        continue;
                    };
                    let a = &w.apps[i];
                    let expect: Expect = if a.deleted {
                        Err("grants.not_found")
                    } else if !a.status.is_paid() {
                        Err("grants.illegal_transition")
                    } else {
                        Ok(())
                    };
                    let id = a.id.clone();
                    let got = report(&mut conn, &id, &report_input())
                        .map(|_| ())
                        .map_err(|e| e.code());
                    assert_eq!(got, expect, "{op:?}");
                    if got.is_ok() {
                        w.apps[i].status = Status::Afrapporteret;
                    }
                }
                Op::Delete { idx } => {
                    let Some(i) = pick(idx, &w) else { continue };
                    let a = &w.apps[i];
                    let expect: Expect = if a.deleted {
                        Err("grants.not_found")
                    } else if a.status.is_paid() {
                        Err("grants.paid_cannot_be_deleted")
                    } else {
                        Ok(())
                    };
                    let id = a.id.clone();
                    let got = delete(&mut conn, &id).map_err(|e| e.code());
                    assert_eq!(got, expect, "{op:?}");
                    if got.is_ok() {
                        w.apps[i].deleted = true;
                    }
                }
                Op::Adjust { idx, amount } => {
                    let Some(i) = pick_for(idx, &w, &|m| !m.deleted && m.status.is_paid()) else {
                        continue;
                    };
                    let a = &w.apps[i];
                    let expect: Expect = if a.deleted {
                        Err("grants.not_found")
                    } else if !a.status.is_paid() {
                        Err("grants.illegal_transition")
                    } else if amount > w.max {
                        Err("grants.above_max_per_application")
                    } else if Some(amount) == a.granted {
                        Err("grants.adjustment_unchanged")
                    } else if amount > w.total - w.granted_except(Some(i)) {
                        Err("grants.exceeds_pool")
                    } else {
                        Ok(())
                    };
                    let id = a.id.clone();
                    let got = adjust(&mut conn, &id, &adjust_to(&format_number(amount)))
                        .map(|_| ())
                        .map_err(|e| e.code());
                    assert_eq!(got, expect, "{op:?}");
                    if got.is_ok() {
                        w.apps[i].granted = Some(amount);
                    }
                }
                Op::SetPool { total, max } => {
                    let largest = w
                        .apps
                        .iter()
                        .filter(|a| !a.deleted)
                        .map(|a| a.requested.max(a.granted.unwrap_or(0)))
                        .max()
                        .unwrap_or(0);
                    let expect: Expect = if max > total {
                        Err("grants.max_above_total")
                    } else if total < w.granted_except(None) {
                        Err("grants.pool_below_granted")
                    } else if max < largest {
                        Err("grants.max_below_existing")
                    } else {
                        Ok(())
                    };
                    let got = update_pool(
                        &mut conn,
                        &PoolInput {
                            year: YEAR,
                            total: format_number(total),
                            max_per_application: format_number(max),
                            criteria: String::new(),
                        },
                    )
                    .map(|_| ())
                    .map_err(|e| e.code());
                    assert_eq!(got, expect, "{op:?}");
                    if got.is_ok() {
                        w.total = total;
                        w.max = max;
                    }
                }
            }
            check_invariants(&conn, &w);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn random_sequences_never_over_commit_the_pool(
            total in prop_oneof![Just(300_000i64), Just(600_000i64), Just(1_000_000i64), Just(1_234_567i64), Just(10_000_000i64)],
            ops in proptest::collection::vec(op(), 1..80),
        ) {
            run(ops, total);
        }
    }
}
