//! Applications: requested amounts, the required fields, what is locked
//! after the decision, and deletion.

use super::*;

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
