//! The typed history of an application and the stored text of its enums.

use super::*;

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
    let events: Vec<(HistoryEvent, Option<Status>, Option<i64>)> = h
        .iter()
        .map(|e| (e.event, e.status_to, e.amount_to_ore))
        .collect();
    use HistoryEvent as E;
    assert_eq!(
        events,
        vec![
            (E::Created, Some(Status::Modtaget), Some(100_000)),
            (E::Requested, None, Some(150_000)),
            (E::Status, Some(Status::UnderBehandling), None),
            (E::Decision, Some(Status::DelvistBevilget), Some(120_000)),
            (E::Status, Some(Status::Udbetalt), Some(120_000)),
            (E::Adjusted, None, Some(100_000)),
            (E::Status, Some(Status::Afrapporteret), None),
        ]
    );
    // The file keeps the same text as before the kinds were typed.
    assert_eq!(
        stored_events(&conn, &a.id),
        [
            "created",
            "requested",
            "status",
            "decision",
            "status",
            "adjusted",
            "status"
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
fn statuses_round_trip_and_have_labels() {
    for s in Status::ALL {
        assert_eq!(s.as_str().parse::<Status>(), Ok(s));
        assert!(!s.label(Lang::Da).is_empty());
    }
    assert_eq!(Status::Afslaaet.label(Lang::Da), "Afslået");
    assert!("afslået".parse::<Status>().is_err());
}

/// The `event` texts of an application's history as the file holds them.
fn stored_events(conn: &Connection, id: &str) -> Vec<String> {
    let mut stmt = conn
        .prepare(
            "SELECT event FROM grant_history WHERE application_id = ?1 ORDER BY created_at, rowid",
        )
        .unwrap();
    stmt.query_map([id], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn a_corrected_report_and_a_deletion_have_their_own_events() {
    let (mut conn, p) = setup();
    let paid = under_review(&mut conn, &p, "1000");
    decide(&mut conn, &paid, &grant("1000")).unwrap();
    pay(&mut conn, &paid, "01.03.2026").unwrap();
    report(&mut conn, &paid, &report_input()).unwrap();
    report(&mut conn, &paid, &report_input()).unwrap();
    let last = history(&conn, &paid).unwrap().pop().unwrap();
    assert_eq!(last.event, HistoryEvent::ReportCorrected);
    assert_eq!(
        (last.status_from, last.status_to),
        (Some(Status::Afrapporteret), Some(Status::Afrapporteret))
    );

    let gone = under_review(&mut conn, &p, "2000");
    decide(&mut conn, &gone, &grant("1500")).unwrap();
    delete(&mut conn, &gone).unwrap();
    let last = history(&conn, &gone).unwrap().pop().unwrap();
    assert_eq!(last.event, HistoryEvent::Deleted);
    assert_eq!(
        (last.status_from, last.status_to),
        (Some(Status::DelvistBevilget), None)
    );
    assert_eq!(
        (last.amount_from_ore, last.amount_to_ore),
        (Some(150_000), None)
    );
    assert_eq!(last.note, "");
    assert_eq!(
        stored_events(&conn, &gone),
        ["created", "status", "decision", "deleted"]
    );
}

#[test]
fn history_events_round_trip_through_the_stored_text_and_json() {
    for e in HistoryEvent::ALL {
        assert_eq!(e.as_str().parse::<HistoryEvent>(), Ok(e));
        assert_eq!(e.to_string(), e.as_str());
        // The UI reads the same text: `grants.event.<text>`.
        assert_eq!(serde_json::to_value(e).unwrap(), e.as_str());
        let back: HistoryEvent = serde_json::from_value(e.as_str().into()).unwrap();
        assert_eq!(back, e);
    }
    assert_eq!(HistoryEvent::ReportCorrected.as_str(), "report_corrected");
    assert!("granted".parse::<HistoryEvent>().is_err());
}

#[test]
fn a_history_line_is_sent_to_the_ui_in_the_same_shape() {
    let (mut conn, p) = setup();
    let a = under_review(&mut conn, &p, "1000");
    decide(&mut conn, &a, &grant("800")).unwrap();
    let h = history(&conn, &a).unwrap();
    let json = serde_json::to_value(&h[2]).unwrap();
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "amount_from_ore",
            "amount_to_ore",
            "changed_on",
            "created_at",
            "event",
            "note",
            "status_from",
            "status_to"
        ]
    );
    assert_eq!(json["event"], "decision");
    assert_eq!(json["changed_on"], "2026-02-01");
    assert_eq!(json["status_from"], "under_behandling");
    assert_eq!(json["status_to"], "delvist_bevilget");
    assert_eq!(json["amount_from_ore"], serde_json::Value::Null);
    assert_eq!(json["amount_to_ore"], 80_000);
    assert_eq!(json["note"], "Rækker ud til en større gruppe");
}

#[test]
fn an_unknown_kind_in_the_file_is_an_error_not_a_guess() {
    let (mut conn, p) = setup();
    let a = create_application(&mut conn, &input(&p, "1000")).unwrap();
    conn.execute(
        "UPDATE grant_history SET event = 'granted' WHERE application_id = ?1",
        [&a.id],
    )
    .unwrap();
    assert!(matches!(history(&conn, &a.id), Err(GrantError::Store(_))));
    conn.execute(
        "UPDATE grant_history SET event = 'created', status_to = 'paid' WHERE application_id = ?1",
        [&a.id],
    )
    .unwrap();
    assert!(matches!(history(&conn, &a.id), Err(GrantError::Store(_))));
}
