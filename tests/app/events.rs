//! Events through the CLI (newsletter and `.ics`) and through the commands
//! as the UI calls them.

use crate::common::cli::sundby;
use crate::common::fixtures::{self, event, prop};
use crate::common::{invoke, Harness};
use serde_json::{json, Value};
use std::io::BufReader;
use sundby_core::events::store;
use sundby_core::store::Store;

fn partner(conn: &rusqlite::Connection, name: &str, status: &str) -> String {
    fixtures::partner(conn, name, "virksomhed", status)
}

#[test]
fn cli_writes_newsletter_and_ics() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let event_id = {
        let (mut s, _) = Store::open_dir(&data).unwrap();
        let a = partner(&s.conn, "Café <Sund> & Glad", "aktiv");
        s.conn
            .execute(
                "UPDATE partners SET joined_on = '2026-09-15', consent_public = 1, consent_email = 1 WHERE id = ?1",
                [&a],
            )
            .unwrap();
        s.conn
            .execute(
                "INSERT INTO contacts (id, partner_id, name, email, is_primary, created_at, updated_at)
                 VALUES ('c1', ?1, 'Kim', 'kim@cafe.dk', 1, 'x', 'x')",
                [&a],
            )
            .unwrap();
        store::save(
            &mut s.conn,
            &event("Julemøde", ("03.12.2026", "15:00"), ("", "17:00")),
        )
        .unwrap()
        .event
        .id
    };
    let out_html = dir.path().join("nyhedsbrev.html");
    let out = sundby(
        &data,
        &[
            "newsletter",
            "--from",
            "01.09.2026",
            "--to",
            "2026-10-31",
            "--out",
            out_html.to_str().unwrap(),
            "--record",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&out_html).unwrap();
    assert!(html.contains("Café &lt;Sund&gt; &amp; Glad"));
    assert!(html.contains("Julemøde"));
    let csv = std::fs::read_to_string(dir.path().join("nyhedsbrev.csv")).unwrap();
    assert!(csv.contains("kim@cafe.dk"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("modtagere:      1"), "{stdout}");
    {
        let (s, _) = Store::open_dir(&data).unwrap();
        let issues = sundby_core::events::newsletter::issues(&s.conn).unwrap();
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].recipient_count, 1);
        assert_eq!(issues[0].period_to, "2026-10-31");
    }

    let out_ics = dir.path().join("julemøde.ics");
    let out = sundby(
        &data,
        &[
            "event-ics",
            "--event",
            &event_id,
            "--out",
            out_ics.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&out_ics).unwrap();
    let cal = ical::IcalParser::new(BufReader::new(text.as_bytes()))
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(
        prop(&cal.events[0].properties, "DTSTART").value.as_deref(),
        Some("20261203T150000")
    );

    // A bad period and an unknown event fail with a Danish message.
    let out = sundby(
        &data,
        &[
            "newsletter",
            "--from",
            "01.11.2026",
            "--to",
            "31.10.2026",
            "--out",
            out_html.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("Periodens slutning må ikke ligge før starten"));
    let out = sundby(
        &data,
        &[
            "event-ics",
            "--event",
            "nope",
            "--out",
            out_ics.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Arrangementet findes ikke"));
}

// ── commands through the mock runtime ──

fn harness(store: Store) -> Harness {
    Harness::new(store)
}

#[test]
fn commands_create_invite_mark_and_show_on_the_partner() {
    let store = Store::open_in_memory().unwrap();
    let a = partner(&store.conn, "Aktiv Alfa", "aktiv");
    let b = partner(&store.conn, "Aktiv Beta", "aktiv");
    let _c = partner(&store.conn, "Interesseret Gamma", "interesseret");
    let h = harness(store);

    // Bad input comes back with the field it concerns.
    let err = invoke(&h, "event_save", json!({ "input": { "title": "Møde", "kind": "netvaerksmoede", "start_date": "", "start_time": "16:00", "end_time": "18:00", "by_municipality": true } })).unwrap_err();
    assert_eq!(err["field"], "start_date");
    assert_eq!(err["message"], "Startdatoen skal udfyldes");
    let err = invoke(&h, "event_save", json!({ "input": { "title": "Møde", "kind": "messe", "start_date": "22.11.2026", "start_time": "16:00", "end_time": "18:00", "by_municipality": true, "visitors": "-600" } })).unwrap_err();
    assert_eq!(err["field"], "visitors");
    assert_eq!(err["message"], "Antal besøgende må ikke være negativt");

    let d = invoke(&h, "event_save", json!({ "input": { "title": "Netværksmøde", "kind": "netvaerksmoede", "start_date": "22.11.2026", "start_time": "16:00", "end_time": "18:00", "by_municipality": true } })).unwrap();
    let id = d["event"]["id"].as_str().unwrap().to_string();
    let inv = invoke(&h, "event_invite_all_active", json!({ "eventId": id })).unwrap();
    assert_eq!(inv["added"], 2);
    let ids: Vec<Value> = inv["detail"]["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].clone())
        .collect();
    let d = invoke(
        &h,
        "event_participants_set_status",
        json!({ "eventId": id, "ids": ids, "status": "deltog" }),
    )
    .unwrap();
    assert_eq!(d["counts"]["attended"], 2);

    for p in [&a, &b] {
        let list = invoke(&h, "partner_events", json!({ "partnerId": p })).unwrap();
        assert_eq!(list.as_array().unwrap().len(), 1);
        assert_eq!(list[0]["title"], "Netværksmøde");
        assert_eq!(list[0]["status"], "deltog");
        assert_eq!(list[0]["role"], "participant");
    }
    let all = invoke(&h, "events_list", json!({ "filter": { "when": "all" } })).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 1);
    let n = invoke(&h, "newsletter_build", json!({ "input": { "from": "01.09.2026", "to": "31.10.2026", "stories": [{ "title": "<i>Hej</i>", "body": "Tekst" }] } })).unwrap();
    assert!(n["html"]
        .as_str()
        .unwrap()
        .contains("&lt;i&gt;Hej&lt;/i&gt;"));
    // The draft is kept for next time.
    let start = invoke(&h, "newsletter_start", json!({})).unwrap();
    assert_eq!(start["draft"]["stories"][0]["title"], "<i>Hej</i>");
}
