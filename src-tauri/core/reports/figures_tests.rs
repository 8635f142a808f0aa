//! Every figure against a hand-made data set, with the edge cases: a
//! partner who changed status twice inside the period, a grant decided in
//! one year and paid in the next, an erased partner, the bin, a period
//! with no data.

use super::*;
use crate::store::Store;

const G1: &str = "5b0f6c1e-0001-4c6e-9a51-000000000001";
const G2: &str = "5b0f6c1e-0002-4c6e-9a51-000000000002";

fn d(s: &str) -> NaiveDate {
    crate::dates::parse_iso(s).unwrap()
}

fn period(from: &str, to: &str) -> Period {
    Period {
        from: d(from),
        to: d(to),
    }
}

#[allow(clippy::too_many_arguments)]
fn partner(
    c: &Connection,
    id: &str,
    kind: &str,
    status: &str,
    joined: &str,
    channel: Option<&str>,
    goals: &[&str],
    history: &[(&str, &str)],
    extra: &str,
) {
    c.execute(
        &format!(
            "INSERT INTO partners (id, name, name_key, sort_key, kind, status, joined_on,
                 recruitment_channel, created_at, updated_at{})
             VALUES (?1, ?1, ?1, ?1, ?2, ?3, ?4, ?5, 'x', 'x'{})",
            if extra.is_empty() {
                ""
            } else {
                ", deleted_at, erased_at"
            },
            if extra.is_empty() { "" } else { extra }
        ),
        rusqlite::params![id, kind, status, joined, channel],
    )
    .unwrap();
    for g in goals {
        c.execute(
            "INSERT INTO partner_goals (partner_id, goal_id) VALUES (?1, ?2)",
            [id, g],
        )
        .unwrap();
    }
    for (i, (on, s)) in history.iter().enumerate() {
        c.execute(
            "INSERT INTO partner_status_history (id, partner_id, status, changed_on, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![format!("{id}-h{i}"), id, s, on, format!("t{i}")],
        )
        .unwrap();
    }
}

fn data() -> Store {
    let s = Store::open_in_memory().unwrap();
    let c = &s.conn;
    // A: joined in the period, active, then dormant: two changes inside it.
    partner(
        c,
        "A",
        "forening",
        "i_dvale",
        "2026-01-10",
        Some("arrangement"),
        &[G1],
        &[
            ("2026-01-10", "interesseret"),
            ("2026-03-01", "aktiv"),
            ("2026-05-01", "i_dvale"),
        ],
        "",
    );
    partner(
        c,
        "B",
        "virksomhed",
        "aktiv",
        "2025-06-01",
        Some("some"),
        &[G1, G2],
        &[("2025-06-01", "aktiv")],
        "",
    );
    partner(
        c,
        "C",
        "forening",
        "aktiv",
        "2026-02-01",
        Some("some"),
        &[G1],
        &[("2026-02-01", "aktiv")],
        "",
    );
    // D: erased (GDPR), counted, never named.
    partner(
        c,
        "D",
        "institution",
        "aktiv",
        "2026-01-05",
        None,
        &[],
        &[("2026-01-05", "aktiv")],
        ", NULL, '2026-06-01'",
    );
    // E: in the bin, not counted.
    partner(
        c,
        "E",
        "forening",
        "aktiv",
        "2026-01-05",
        Some("some"),
        &[G1],
        &[("2026-01-05", "aktiv")],
        ", '2026-06-01', NULL",
    );
    // F: joins after the period.
    partner(
        c,
        "F",
        "forening",
        "aktiv",
        "2026-08-01",
        Some("some"),
        &[G1],
        &[("2026-08-01", "aktiv")],
        "",
    );
    c.execute_batch(
        "INSERT INTO events (id, title, kind, starts_at, ends_at, booths, visitors, citizens_reached, created_at, updated_at) VALUES
           ('e1', 'Sundhedsmessen', 'messe', '2026-04-10T10:00', '2026-04-10T16:00', 12, 300, NULL, 'x', 'x'),
           ('e2', 'Yoga i parken', 'offentligt', '2026-05-01T09:00', '2026-05-01T10:00', NULL, NULL, 150, 'x', 'x'),
           ('e3', 'Netværksmøde', 'netvaerksmoede', '2026-07-01T16:00', '2026-07-01T18:00', NULL, NULL, NULL, 'x', 'x');
         INSERT INTO event_participants (id, event_id, partner_id, partner_name, status, people, created_at, updated_at) VALUES
           ('p1', 'e1', 'B', 'B', 'deltog', 3, 'x', 'x'),
           ('p2', 'e1', 'C', 'C', 'deltog', 2, 'x', 'x'),
           ('p3', 'e1', 'A', 'A', 'afbud', 5, 'x', 'x');
         INSERT INTO ceremonies (id, held_on, place, created_at, updated_at) VALUES
           ('c1', '2026-03-15', 'Rådhuset', 'x', 'x');
         INSERT INTO diplomas (id, partner_id, ceremony_id, number, issued_on, snapshot, is_copy, copy_of, created_at, updated_at) VALUES
           ('d1', 'B', 'c1', 1, '2026-03-15', '{}', 0, NULL, 'x', 'x'),
           ('d2', 'C', 'c1', 2, '2026-03-15', '{}', 0, NULL, 'x', 'x'),
           ('d3', 'C', 'c1', 2, '2026-03-20', '{}', 1, 'd2', 'x', 'x');
         INSERT INTO newsletters (id, period_from, period_to, issued_on, recipient_count, created_at, updated_at) VALUES
           ('n1', '2026-03-01', '2026-04-30', '2026-05-02', 40, 'x', 'x');
         INSERT INTO grant_pools (year, total_ore, max_per_application_ore, created_at, updated_at)
           VALUES (2026, 10000000, 500000, 'x', 'x');
         -- decided in December 2026, paid in January 2027
         INSERT INTO grant_applications (id, year, partner_id, received_on, purpose, requested_ore, status,
             decided_on, granted_ore, paid_on, expected_reach, created_at, updated_at)
           VALUES ('g1', 2026, 'B', '2026-11-20', 'Skole-OL', 500000, 'udbetalt',
             '2026-12-15', 450000, '2027-01-10', 200, 'x', 'x'),
                  ('g2', 2026, 'C', '2026-04-02', 'Gåtur', 300000, 'afrapporteret',
             '2026-04-20', 300000, '2026-05-01', 80, 'x', 'x');
         UPDATE grant_applications SET actual_reach = 95, reported_on = '2026-06-01' WHERE id = 'g2';",
    )
    .unwrap();
    s
}

#[test]
fn partners_are_counted_as_the_register_stood_at_the_period_end() {
    let s = data();
    let f = figures(&s.conn, period("2026-01-01", "2026-06-30"), Lang::Da).unwrap();
    let p = &f.partners;
    assert_eq!(
        p.registered, 4,
        "A, B, C and the erased D; not the bin, not F"
    );
    assert_eq!(p.active, 3);
    assert_eq!(p.joined_in_period, 3, "A, C and D joined inside the period");
    let status: Vec<(&str, i64)> = p
        .by_status
        .iter()
        .map(|c| (c.key.as_str(), c.value))
        .collect();
    assert_eq!(
        status,
        vec![("aktiv", 3), ("i_dvale", 1)],
        "A counts once, as it ended"
    );
    assert_eq!(
        p.kind_sentence,
        "3 aktive aktører: 1 forening, 1 institution og 1 virksomhed"
    );
    let forening = &p.by_kind[0];
    assert_eq!(forening.label, "1 forening");
    let link = forening.link.as_ref().unwrap();
    assert_eq!(link.list, "partners");
    assert_eq!(
        link.filter.get("kind").map(String::as_str),
        Some("forening")
    );
    assert_eq!(link.filter.get("status").map(String::as_str), Some("aktiv"));
    let goals: Vec<(&str, i64)> = p
        .by_goal
        .iter()
        .map(|c| (c.key.as_str(), c.value))
        .collect();
    assert_eq!(goals, vec![(G1, 2), (G2, 1)], "active partners only");
    let ch: Vec<(&str, i64, i64)> = p
        .by_channel
        .iter()
        .map(|c| (c.key.as_str(), c.recruited, c.became_active))
        .collect();
    assert_eq!(ch, vec![("some", 2, 2), ("arrangement", 1, 1)]);
    // Growth: June 2025 .. June 2026, month ends.
    assert_eq!(p.growth.len(), 13);
    assert_eq!(p.growth[0].date, d("2025-06-30"));
    assert_eq!((p.growth[0].active, p.growth[0].registered), (1, 1));
    let march = p.growth.iter().find(|g| g.date == d("2026-03-31")).unwrap();
    assert_eq!((march.active, march.registered), (4, 4));
    let last = p.growth.last().unwrap();
    assert_eq!(
        (last.date, last.active, last.registered),
        (d("2026-06-30"), 3, 4)
    );
}

#[test]
fn events_diplomas_newsletters_and_the_pool_of_a_period() {
    let s = data();
    let f = figures(&s.conn, period("2026-01-01", "2026-06-30"), Lang::Da).unwrap();
    assert!(!f.empty);
    let e = &f.events;
    assert_eq!(
        (e.events, e.attended),
        (2, 5),
        "the cancellation is not counted"
    );
    assert_eq!((e.fairs, e.fair_booths, e.fair_visitors), (1, 12, 300));
    assert_eq!((e.public_events, e.citizens_reached), (1, 150));
    assert_eq!(e.by_kind[0].key, "messe");
    assert_eq!(
        e.by_kind[0].link.filter.get("kind").map(String::as_str),
        Some("messe")
    );
    assert_eq!(f.diplomas.handed_out, 2, "the copy is not counted again");
    assert_eq!(f.diplomas.ceremonies.len(), 1);
    assert_eq!(f.diplomas.ceremonies[0].place, "Rådhuset");
    assert_eq!((f.newsletters.issues, f.newsletters.recipients), (1, 40));
    let pool = &f.pool;
    assert_eq!(pool.received, 1);
    assert_eq!((pool.granted_count, pool.granted_ore), (1, 300000));
    assert_eq!((pool.paid_count, pool.paid_ore), (1, 300000));
    assert_eq!((pool.expected_reach, pool.reported_reach), (80, 95));
    assert_eq!(pool.by_goal.len(), 1, "C has goal 1 only");
    assert_eq!(pool.years.len(), 1);
    assert_eq!(pool.years[0].total_ore, 10000000);
    assert_eq!(pool.years[0].remaining_ore, 10000000 - 750000);
    assert!(f.awards.is_none(), "awards are the integrator's hook");
}

#[test]
fn a_grant_decided_in_one_year_and_paid_in_the_next() {
    let s = data();
    let y26 = figures(&s.conn, period("2026-07-01", "2026-12-31"), Lang::Da).unwrap();
    assert_eq!((y26.pool.granted_ore, y26.pool.paid_ore), (450000, 0));
    assert_eq!(y26.pool.expected_reach, 200);
    let y27 = figures(&s.conn, period("2027-01-01", "2027-12-31"), Lang::Da).unwrap();
    assert_eq!((y27.pool.granted_ore, y27.pool.paid_ore), (0, 450000));
    assert!(y27.pool.years.is_empty(), "no pool made for 2027");
}

#[test]
fn a_period_without_data_says_so_without_dividing_by_zero() {
    let s = data();
    let f = figures(&s.conn, period("2020-01-01", "2020-12-31"), Lang::Da).unwrap();
    assert!(f.empty);
    assert!(f.partners.growth.is_empty());
    assert_eq!(f.partners.kind_sentence, "0 aktive aktører");
    let empty = Store::open_in_memory().unwrap();
    let f = figures(&empty.conn, period("2026-01-01", "2026-12-31"), Lang::En).unwrap();
    assert!(f.empty);
}

#[test]
fn a_period_that_ends_before_it_starts_is_refused_on_its_end() {
    use crate::i18n::Localize;
    let s = Store::open_in_memory().unwrap();
    let today = d("2026-12-01");
    let e = crate::reports::period(
        &s.conn,
        &crate::reports::PeriodInput {
            from: "01.06.2026".into(),
            to: "31.05.2026".into(),
        },
        today,
    )
    .unwrap_err();
    assert_eq!(e.field(), Some("report_to"));
    assert!(
        e.message(Lang::Da).contains("Periodens slutning"),
        "{}",
        e.message(Lang::Da)
    );
    let bad = crate::reports::period(
        &s.conn,
        &crate::reports::PeriodInput {
            from: "32.13.2026".into(),
            to: String::new(),
        },
        today,
    )
    .unwrap_err();
    assert_eq!(bad.field(), Some("report_from"));
    // Empty: the programme's period, up to today.
    let p =
        crate::reports::period(&s.conn, &crate::reports::PeriodInput::default(), today).unwrap();
    assert_eq!((p.from, p.to), (d("2026-01-01"), today));
}

/// The partner list's query for a figure's link.
fn partner_query(link: &Link) -> crate::partners::ListQuery {
    assert_eq!(link.list, "partners");
    let get = |k: &str| link.filter.get(k).map(String::as_str);
    crate::partners::ListQuery {
        channel: get("channel").map(|c| c.parse().unwrap()),
        status: get("status").map(|s| s.parse().unwrap()),
        kind: get("kind").map(|k| k.parse().unwrap()),
        goal: get("goal").map(str::to_string),
        ever_active: get("ever_active") == Some("1"),
        ..Default::default()
    }
}

#[test]
fn the_channel_pool_goal_and_ceremony_figures_link_to_the_lists_they_count() {
    let s = data();
    // A period up to long after today: the register at its end is today's,
    // which is what the lists show.
    let f = figures(&s.conn, period("2026-01-01", "2030-12-31"), Lang::Da).unwrap();
    for c in &f.partners.by_channel {
        assert_eq!(c.link.filter.get("channel"), Some(&c.key));
        let listed = crate::partners::list(&s.conn, &partner_query(&c.link)).unwrap();
        assert_eq!(i64::from(listed.total), c.recruited, "channel {}", c.key);
        assert_eq!(
            c.active_link.filter.get("ever_active").map(String::as_str),
            Some("1")
        );
        let became = crate::partners::list(&s.conn, &partner_query(&c.active_link)).unwrap();
        assert_eq!(
            i64::from(became.total),
            c.became_active,
            "channel {}",
            c.key
        );
    }
    let some = f
        .partners
        .by_channel
        .iter()
        .find(|c| c.key == "some")
        .unwrap();
    let active = crate::partners::list(&s.conn, &partner_query(&some.active_link)).unwrap();
    assert_eq!((some.recruited, some.became_active), (3, 3), "B, C and F");
    assert_eq!(i64::from(active.total), some.became_active);
    // A became active and has gone dormant since: counted as having become
    // active, and listed by the link (it has been active), though not active
    // today.
    let event = f
        .partners
        .by_channel
        .iter()
        .find(|c| c.key == "arrangement")
        .unwrap();
    assert_eq!(event.became_active, 1);
    let active = crate::partners::list(&s.conn, &partner_query(&event.active_link)).unwrap();
    assert_eq!(active.total, 1);
    assert_ne!(active.active, 1, "not active today");

    // The pool by goal: the granted applications of the goal's partners,
    // decided in the period, add up to the figure.
    let f = figures(&s.conn, period("2026-01-01", "2026-06-30"), Lang::Da).unwrap();
    let g = &f.pool.by_goal[0];
    assert_eq!((g.key.as_str(), g.value), (G1, 300000));
    let link = g.link.as_ref().unwrap();
    assert_eq!(link.list, "grants");
    let get = |k: &str| link.filter.get(k).map(String::as_str);
    assert_eq!(
        (
            get("granted"),
            get("decided_from"),
            get("decided_to"),
            get("goal")
        ),
        (Some("1"), Some("2026-01-01"), Some("2026-06-30"), Some(G1))
    );
    let filter = grants::ApplicationFilter {
        granted: true,
        goal_id: get("goal").map(str::to_string),
        decided_from: get("decided_from").and_then(crate::dates::parse_iso),
        decided_to: get("decided_to").and_then(crate::dates::parse_iso),
        ..Default::default()
    };
    let apps = grants::applications(&s.conn, 2026, &filter).unwrap();
    let ids: Vec<&str> = apps.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, vec!["g2"], "g1 was decided in December");
    assert_eq!(
        apps.iter().filter_map(|a| a.granted_ore).sum::<i64>(),
        g.value
    );
    // The whole granted sum links to the same list without the goal.
    assert_eq!(f.pool.granted_link.filter.get("goal"), None);
    assert_eq!(
        f.pool
            .granted_link
            .filter
            .get("decided_to")
            .map(String::as_str),
        Some("2026-06-30")
    );

    // A ceremony's row: its page in Diplomer.
    let c = &f.diplomas.ceremonies[0];
    assert_eq!(c.ceremony_id.as_deref(), Some("c1"));
    let link = c.link.as_ref().unwrap();
    assert_eq!(link.list, "diplomas");
    assert_eq!(link.filter.get("ceremony").map(String::as_str), Some("c1"));
}
