//! Events, read back from outside: the `.ics` parsed by a real iCalendar
//! parser (times in Europe/Copenhagen across the summer-time change), the
//! sign-in sheet checked by qpdf/pdftotext/pdffonts, the newsletter and
//! `.ics` (the CLI and the commands are tested in `tests/app/`).

#[path = "../common/fixtures.rs"]
mod fixtures;
#[path = "../common/tools.rs"]
mod tools;

use fixtures::{event, prop};

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};
use std::io::BufReader;
use sundby_core::events::store::{self, EventDetail};
use sundby_core::events::{ics, signin, ParticipantStatus};
use sundby_core::store::Store;

// ── helpers ──

fn partner(conn: &rusqlite::Connection, name: &str, status: &str) -> String {
    fixtures::partner(conn, name, "virksomhed", status)
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
    tools::run_ok("qpdf", &["--check", p]);
    let text = tools::run_ok("pdftotext", &["-layout", p, "-"]);
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
    let info = tools::run_ok("pdfinfo", &[p]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.trim_end().ends_with('3')),
        "{info}"
    );
    assert!(text.contains("Side 3 af 3"));
    let fonts = tools::run_ok("pdffonts", &[p]);
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
    tools::run_ok("qpdf", &["--check", path.to_str().unwrap()]);
    let text = tools::run_ok("pdftotext", &[path.to_str().unwrap(), "-"]);
    assert!(text.contains("Side 1 af 1"));
}
