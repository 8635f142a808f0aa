//! Events, read back from outside: the `.ics` parsed by a real iCalendar
//! parser (times in Europe/Copenhagen across the summer-time change), the
//! sign-in sheet checked by qpdf/pdftotext/pdffonts, the newsletter and
//! `.ics` through the CLI, and the commands through the mock runtime.

mod common;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};
use common::{invoke, Harness};
use serde_json::{json, Value};
use std::io::BufReader;
use std::process::Command;
use sundby::events::store::{self, EventDetail};
use sundby::events::{ics, signin, EventInput, ParticipantStatus};
use sundby::store::{new_id, Store};

// ── helpers ──

/// A partner straight into the register's table (not through the partners
/// area's code, so these tests stand on their own).
fn partner(conn: &rusqlite::Connection, name: &str, status: &str) -> String {
    let id = new_id();
    conn.execute(
        "INSERT INTO partners (id, name, name_key, sort_key, kind, status, created_at, updated_at)
         VALUES (?1, ?2, lower(?2), lower(?2), 'virksomhed', ?3, 'x', 'x')",
        rusqlite::params![id, name, status],
    )
    .unwrap();
    id
}

fn event(title: &str, start: (&str, &str), end: (&str, &str)) -> EventInput {
    EventInput {
        title: title.into(),
        kind: "netvaerksmoede".into(),
        start_date: start.0.into(),
        start_time: start.1.into(),
        end_date: end.0.into(),
        end_time: end.1.into(),
        place: "Rådhuset, Gothersgade 20; mødelokale 1".into(),
        description: "Kaffe, kage\nog netværk".into(),
        by_municipality: true,
        ..Default::default()
    }
}

fn prop<'a>(props: &'a [ical::property::Property], name: &str) -> &'a ical::property::Property {
    props
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
        .replace("\\,", ",")
        .replace("\\;", ";")
        .replace("\\\\", "\\")
}

/// Offset in seconds from `+0200`.
fn offset(s: &str) -> i64 {
    let sign = if s.starts_with('-') { -1 } else { 1 };
    let h: i64 = s[1..3].parse().unwrap();
    let m: i64 = s[3..5].parse().unwrap();
    sign * (h * 3600 + m * 60)
}

/// The last Sunday of a month, at the transition's wall-clock time.
fn last_sunday(year: i32, month: u32, time: &str) -> NaiveDateTime {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .unwrap();
    let mut d = next.pred_opt().unwrap();
    while d.weekday() != Weekday::Sun {
        d = d.pred_opt().unwrap();
    }
    NaiveDateTime::parse_from_str(&format!("{}T{time}", d.format("%Y%m%d")), "%Y%m%dT%H%M%S")
        .unwrap()
}

/// Resolves a local time to UTC using only what the file's VTIMEZONE says
/// (its yearly last-Sunday rules), as a calendar program would.
fn to_utc(tz: &ical::parser::ical::component::IcalTimeZone, local: NaiveDateTime) -> NaiveDateTime {
    // (transition instant in local wall time of the old offset, offset after)
    let mut best: Option<(NaiveDateTime, i64)> = None;
    for t in &tz.transitions {
        let from = offset(
            prop(&t.properties, "TZOFFSETFROM")
                .value
                .as_deref()
                .unwrap(),
        );
        let to = offset(prop(&t.properties, "TZOFFSETTO").value.as_deref().unwrap());
        let dtstart = prop(&t.properties, "DTSTART").value.clone().unwrap();
        let rrule = prop(&t.properties, "RRULE").value.clone().unwrap();
        assert!(
            rrule.contains("FREQ=YEARLY") && rrule.contains("BYDAY=-1SU"),
            "{rrule}"
        );
        let month: u32 = rrule
            .split(';')
            .find_map(|p| p.strip_prefix("BYMONTH="))
            .unwrap()
            .parse()
            .unwrap();
        for year in [local.year() - 1, local.year()] {
            let at = last_sunday(year, month, &dtstart[9..]);
            // Compare in UTC: the transition happens at `at` in the old offset.
            let at_utc = at - Duration::seconds(from);
            let local_utc_guess = local - Duration::seconds(to);
            if at_utc <= local_utc_guess && best.is_none_or(|(b, _)| at_utc > b) {
                best = Some((at_utc, to));
            }
        }
    }
    let (_, off) = best.expect("a transition before the time");
    local - Duration::seconds(off)
}

fn utc(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

// ── .ics ──

#[test]
fn ics_parses_and_times_are_right_across_the_summer_time_change() {
    let mut s = Store::open_in_memory().unwrap();
    let cases = [
        // (start, end, expected start UTC, expected end UTC)
        (
            ("28.03.2026", "10:00"),
            ("28.03.2026", "12:00"),
            "2026-03-28 09:00",
            "2026-03-28 11:00",
        ),
        (
            ("30.03.2026", "10:00"),
            ("30.03.2026", "12:00"),
            "2026-03-30 08:00",
            "2026-03-30 10:00",
        ),
        // Over the night clocks go forward: 13 hours on the wall, 12 in fact.
        (
            ("28.03.2026", "20:00"),
            ("29.03.2026", "09:00"),
            "2026-03-28 19:00",
            "2026-03-29 07:00",
        ),
        (
            ("24.10.2026", "16:00"),
            ("24.10.2026", "18:00"),
            "2026-10-24 14:00",
            "2026-10-24 16:00",
        ),
        (
            ("26.10.2026", "16:00"),
            ("26.10.2026", "18:00"),
            "2026-10-26 15:00",
            "2026-10-26 17:00",
        ),
        (
            ("22.11.2026", "16:00"),
            ("", "18:00"),
            "2026-11-22 15:00",
            "2026-11-22 17:00",
        ),
    ];
    for (start, end, want_start, want_end) in cases {
        let d = store::save(
            &mut s.conn,
            &event("Netværksmøde, forår; \"sommer\"", start, end),
        )
        .unwrap();
        let stamp = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
        let text = ics::event_ics(&d.event, "Sund By mikro-partnerskaber", stamp).unwrap();
        assert!(text.lines().all(|l| l.len() <= 76), "lines are folded");
        assert!(text.contains("\r\n"), "CRLF line ends");

        let cals: Vec<_> = ical::IcalParser::new(BufReader::new(text.as_bytes()))
            .collect::<Result<_, _>>()
            .expect("the .ics parses");
        assert_eq!(cals.len(), 1);
        let cal = &cals[0];
        assert_eq!(cal.events.len(), 1);
        assert_eq!(cal.timezones.len(), 1);
        let tz = &cal.timezones[0];
        assert_eq!(
            prop(&tz.properties, "TZID").value.as_deref(),
            Some("Europe/Copenhagen")
        );

        let ev = &cal.events[0];
        let dtstart = prop(&ev.properties, "DTSTART");
        let params = dtstart.params.clone().unwrap();
        assert!(params.contains(&("TZID".to_string(), vec!["Europe/Copenhagen".to_string()])));
        let local_start =
            NaiveDateTime::parse_from_str(dtstart.value.as_deref().unwrap(), "%Y%m%dT%H%M%S")
                .unwrap();
        let dtend = prop(&ev.properties, "DTEND");
        let local_end =
            NaiveDateTime::parse_from_str(dtend.value.as_deref().unwrap(), "%Y%m%dT%H%M%S")
                .unwrap();
        assert_eq!(
            to_utc(tz, local_start),
            utc(want_start),
            "start of {start:?}"
        );
        assert_eq!(to_utc(tz, local_end), utc(want_end), "end of {end:?}");
        // The same as the tz database says.
        let cph = chrono_tz::Europe::Copenhagen;
        assert_eq!(
            cph.from_local_datetime(&local_start)
                .earliest()
                .unwrap()
                .naive_utc(),
            utc(want_start)
        );

        assert_eq!(
            unescape(prop(&ev.properties, "SUMMARY").value.as_deref().unwrap()),
            "Netværksmøde, forår; \"sommer\""
        );
        assert_eq!(
            unescape(prop(&ev.properties, "LOCATION").value.as_deref().unwrap()),
            "Rådhuset, Gothersgade 20; mødelokale 1"
        );
        let desc = unescape(
            prop(&ev.properties, "DESCRIPTION")
                .value
                .as_deref()
                .unwrap(),
        );
        assert!(desc.starts_with("Kaffe, kage\nog netværk"), "{desc}");
        assert!(desc.contains("Arrangør: Sund By mikro-partnerskaber"));
        assert_eq!(
            prop(&ev.properties, "UID").value.as_deref().unwrap(),
            format!("{}@sundby-partner", d.event.id)
        );
        assert_eq!(
            prop(&ev.properties, "DTSTAMP").value.as_deref(),
            Some("20260102T030405Z")
        );
    }
}

// ── sign-in sheet ──

fn detail_with(n: usize) -> (Store, EventDetail) {
    let mut s = Store::open_in_memory().unwrap();
    let d = store::save(
        &mut s.conn,
        &event(
            "Netværksmøde om røgfri arbejdspladser",
            ("22.11.2026", "16:00"),
            ("", "18:00"),
        ),
    )
    .unwrap();
    for i in 0..n {
        let id = partner(
            &s.conn,
            &format!("Partner nr. {i:02} Ærø Øl & Å-huset"),
            "aktiv",
        );
        store::add_participant(&mut s.conn, &d.event.id, &id, ParticipantStatus::Tilmeldt).unwrap();
    }
    let cancelled = partner(&s.conn, "Afbud ApS", "aktiv");
    store::add_participant(
        &mut s.conn,
        &d.event.id,
        &cancelled,
        ParticipantStatus::Afbud,
    )
    .unwrap();
    let detail = store::get(&s.conn, &d.event.id).unwrap();
    (s, detail)
}

fn tool(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd}: {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn sign_in_sheet_passes_qpdf_and_lists_everyone_but_cancellations() {
    let (_s, detail) = detail_with(30);
    let pdf = signin::sheet(
        &detail,
        "Sund By mikro-partnerskaber",
        NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sheet.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let p = path.to_str().unwrap();
    tool("qpdf", &["--check", p]);
    let text = tool("pdftotext", &["-layout", p, "-"]);
    assert!(text.contains("Netværksmøde om røgfri arbejdspladser"));
    assert!(text.contains("22. november 2026 kl. 16.00–18.00"), "{text}");
    for i in 0..30 {
        assert!(
            text.contains(&format!("Partner nr. {i:02} Ærø Øl & Å-huset")),
            "row {i}"
        );
    }
    assert!(!text.contains("Afbud ApS"));
    assert!(text.contains("Underskrift"));
    // 30 people + 6 blank rows at 17 rows a page: three pages.
    let info = tool("pdfinfo", &[p]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.trim_end().ends_with('3')),
        "{info}"
    );
    assert!(text.contains("Side 3 af 3"));
    let fonts = tool("pdffonts", &[p]);
    assert!(
        fonts.contains("Lato-Regular") && fonts.contains("Lato-Bold"),
        "{fonts}"
    );
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes ")),
        "fonts embedded: {fonts}"
    );
}

#[test]
fn an_empty_list_still_gives_a_sheet_of_blank_rows() {
    let (_s, detail) = detail_with(0);
    let pdf = signin::sheet(&detail, "", NaiveDate::from_ymd_opt(2026, 11, 20).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.pdf");
    std::fs::write(&path, &pdf).unwrap();
    tool("qpdf", &["--check", path.to_str().unwrap()]);
    let text = tool("pdftotext", &[path.to_str().unwrap(), "-"]);
    assert!(text.contains("Side 1 af 1"));
}

// ── CLI ──

fn sundby(data_dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sundby"))
        .args(args)
        .env("SUNDBY_DATA_DIR", data_dir)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap()
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
        let issues = sundby::events::newsletter::issues(&s.conn).unwrap();
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
