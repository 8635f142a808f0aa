//! Pools: defaults, amounts, and changes refused below what is granted or
//! requested; the database's own triggers as the last line.

use super::*;

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
