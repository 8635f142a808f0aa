//! The `.ics` export (RFC 5545): one event as a calendar file that Outlook,
//! Apple Calendar, Google Calendar and Thunderbird can add.
//!
//! Times are written as local times with `TZID=Europe/Copenhagen` and the
//! file carries its own VTIMEZONE (the EU rule: summer time from the last
//! Sunday of March 02:00 to the last Sunday of October 03:00), so a meeting
//! at 16:00 shows at 16:00 in Denmark in summer and winter alike, on any
//! calendar, without a network. Text is escaped and lines folded at 75 octets.

use super::store::Event;
use super::{EventsError, Result, ZONE};
use crate::files::{self, safe_file_name, DocKind, Target};
use crate::i18n::Lang;
use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::Connection;
use std::path::PathBuf;

/// The VTIMEZONE for Europe/Copenhagen (current EU rule since 1996).
pub const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/Copenhagen\r\n\
X-LIC-LOCATION:Europe/Copenhagen\r\n\
BEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\n\
TZNAME:CEST\r\n\
DTSTART:19700329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
BEGIN:STANDARD\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\n\
TZNAME:CET\r\n\
DTSTART:19701025T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (never inside a UTF-8 character) and
/// ends it with CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
    out
}

fn local(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

/// The calendar file for one event. `stamp` is the moment of export (DTSTAMP,
/// UTC); `programme` names the organiser when the municipality runs it.
pub fn event_ics(event: &Event, programme: &str, stamp: DateTime<Utc>) -> Result<String> {
    let start = event
        .start()
        .ok_or_else(|| EventsError::NotFound(event.id.clone()))?;
    let end = event
        .end()
        .ok_or_else(|| EventsError::NotFound(event.id.clone()))?;
    let mut description = event.description.clone();
    let mut organisers: Vec<String> = Vec::new();
    if event.by_municipality && !programme.trim().is_empty() {
        organisers.push(programme.trim().to_string());
    }
    organisers.extend(event.organisers.iter().map(|o| o.name.clone()));
    if !organisers.is_empty() {
        if !description.is_empty() {
            description.push_str("\n\n");
        }
        description.push_str("Arrangør: ");
        description.push_str(&organisers.join(", "));
    }
    let mut s = String::new();
    s.push_str("BEGIN:VCALENDAR\r\n");
    s.push_str("VERSION:2.0\r\n");
    s.push_str("PRODID:-//Sund By Partner//Arrangementer//DA\r\n");
    s.push_str("CALSCALE:GREGORIAN\r\n");
    s.push_str("METHOD:PUBLISH\r\n");
    s.push_str(VTIMEZONE);
    s.push_str("BEGIN:VEVENT\r\n");
    s.push_str(&fold(&format!("UID:{}@sundby-partner", event.id)));
    s.push_str(&format!("DTSTAMP:{}\r\n", stamp.format("%Y%m%dT%H%M%SZ")));
    s.push_str(&format!("DTSTART;TZID={ZONE}:{}\r\n", local(start)));
    s.push_str(&format!("DTEND;TZID={ZONE}:{}\r\n", local(end)));
    s.push_str(&fold(&format!("SUMMARY:{}", escape_text(&event.title))));
    if !event.place.is_empty() {
        s.push_str(&fold(&format!("LOCATION:{}", escape_text(&event.place))));
    }
    if !description.is_empty() {
        s.push_str(&fold(&format!("DESCRIPTION:{}", escape_text(&description))));
    }
    s.push_str(&fold(&format!(
        "CATEGORIES:{}",
        escape_text(event.kind.label(Lang::Da))
    )));
    s.push_str("TRANSP:OPAQUE\r\n");
    s.push_str("END:VEVENT\r\n");
    s.push_str("END:VCALENDAR\r\n");
    Ok(s)
}

/// A file name such as `Netværksmøde 2026-11-22.ics`.
pub fn file_name(event: &Event) -> String {
    let date = event.starts_at.get(..10).unwrap_or("");
    let title = if event.title.trim().is_empty() {
        "Arrangement"
    } else {
        &event.title
    };
    safe_file_name(&format!("{title} {date}.ics"))
}

/// Saves event `id` as a calendar file at `target` (the events' folder, or
/// where the consultant chose); the window and the CLI both save through
/// this. Returns the path written.
pub fn save(conn: &Connection, id: &str, target: &Target) -> Result<PathBuf> {
    let detail = super::store::get(conn, id)?;
    let programme = crate::settings::programme(conn)?;
    let text = event_ics(&detail.event, &programme.name, crate::dates::now_utc())?;
    let name = file_name(&detail.event);
    Ok(files::save(
        conn,
        DocKind::Events,
        target,
        &name,
        text.as_bytes(),
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_lines_are_folded_on_character_boundaries() {
        assert_eq!(escape_text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
        let long = "SUMMARY:".to_string() + &"æ".repeat(60);
        let folded = fold(&long);
        for line in folded.split("\r\n") {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), long);
    }
}
