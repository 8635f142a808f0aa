//! Dates the Danish way, in one place: the month names, the long form on
//! documents (`22. november 2026`, in English `22 November 2026`), the short
//! form on screen and in exports (`22.11.2026`, the same in both languages,
//! as the UI shows it), the ISO text the database keeps (`2026-11-22`), and
//! the reading of a date a person typed (ISO or Danish day first), and the
//! one clock: "now" and "today" are always Danish local time
//! (`Europe/Copenhagen`), whatever the machine's time zone, and a test can fix
//! the clock ([`fix_clock`]; the app and the CLI read `SUNDBY_NOW`, an RFC 3339
//! instant, the same way).

use crate::i18n::Lang;
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Europe::Copenhagen;
use std::cell::Cell;

thread_local! {
    /// A fixed instant for this thread (tests), instead of the system clock.
    static FIXED: Cell<Option<DateTime<Utc>>> = const { Cell::new(None) };
}

/// Fixes this thread's clock at `at` (`None`: the real clock again). Tests
/// use it to stand just after midnight in Copenhagen.
pub fn fix_clock(at: Option<DateTime<Utc>>) {
    FIXED.with(|f| f.set(at));
}

/// The current instant: the fixed one of this thread, else `SUNDBY_NOW`
/// (end-to-end tests and the CLI), else the system clock.
pub fn now_utc() -> DateTime<Utc> {
    if let Some(at) = FIXED.with(Cell::get) {
        return at;
    }
    std::env::var("SUNDBY_NOW")
        .ok()
        .and_then(|v| DateTime::parse_from_rfc3339(v.trim()).ok())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(Utc::now)
}

/// `at` on the Danish wall clock.
pub fn local_at(at: DateTime<Utc>) -> NaiveDateTime {
    at.with_timezone(&Copenhagen).naive_local()
}

/// The current time on the Danish wall clock.
pub fn now_local() -> NaiveDateTime {
    local_at(now_utc())
}

/// Today in Denmark: the one "today" of the app (forms' defaults, printed
/// dates, history entries, the pool's year).
pub fn today() -> NaiveDate {
    now_local().date()
}

/// The months in Danish, lowercase as Danes write them in a date.
pub const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

/// The months in English.
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The name of `d`'s month in `lang`.
pub fn month_name(d: NaiveDate, lang: Lang) -> &'static str {
    let months = match lang {
        Lang::Da => &MONTHS_DA,
        Lang::En => &MONTHS_EN,
    };
    // month0() is 0..=11 for every NaiveDate.
    months.get(d.month0() as usize).copied().unwrap_or_default()
}

/// The long form: `22. november 2026` (Danish), `22 November 2026` (English).
pub fn long(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("{}. {} {}", d.day(), month_name(d, lang), d.year()),
        Lang::En => format!("{} {} {}", d.day(), month_name(d, lang), d.year()),
    }
}

/// The long Danish form, for documents that are Danish in every language
/// (diplomas, decision letters, the newsletter).
pub fn long_da(d: NaiveDate) -> String {
    long(d, Lang::Da)
}

/// The short form: `22.11.2026` (two-digit day and month, both languages).
pub fn short(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// The text the database keeps: `2026-11-22`.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Reads a date typed as ISO (`2026-11-22`) or Danish day first
/// (`22.11.2026`, `22-11-2026`, `22/11/2026`); surrounding spaces are
/// ignored. `None` when it is neither, or no such day.
pub fn parse(typed: &str) -> Option<NaiveDate> {
    let v = typed.trim();
    ["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(v, f).ok())
}

/// Reads the ISO text the database keeps; `None` for anything else.
pub fn parse_iso(stored: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(stored, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn long_dates_in_danish_and_english() {
        assert_eq!(long(d(2026, 11, 22), Lang::Da), "22. november 2026");
        assert_eq!(long(d(2027, 3, 1), Lang::Da), "1. marts 2027");
        assert_eq!(long(d(2026, 1, 5), Lang::En), "5 January 2026");
        assert_eq!(long_da(d(2026, 12, 31)), "31. december 2026");
    }

    #[test]
    fn every_month_has_its_name() {
        for m in 1..=12 {
            let day = d(2026, m, 1);
            assert_eq!(month_name(day, Lang::Da), MONTHS_DA[m as usize - 1]);
            assert_eq!(month_name(day, Lang::En), MONTHS_EN[m as usize - 1]);
        }
    }

    #[test]
    fn short_and_iso_forms() {
        assert_eq!(short(d(2026, 11, 22)), "22.11.2026");
        assert_eq!(short(d(2026, 3, 1)), "01.03.2026");
        assert_eq!(iso(d(2026, 3, 1)), "2026-03-01");
    }

    #[test]
    fn typed_dates_are_read_as_iso_or_danish_day_first() {
        let want = Some(d(2026, 11, 22));
        assert_eq!(parse("2026-11-22"), want);
        assert_eq!(parse(" 22.11.2026 "), want);
        assert_eq!(parse("22-11-2026"), want);
        assert_eq!(parse("22/11/2026"), want);
        // Day first, never month first: 03.04 is the 3rd of April.
        assert_eq!(parse("03.04.2026"), Some(d(2026, 4, 3)));
        assert_eq!(parse("31.02.2026"), None);
        assert_eq!(parse("11/22/2026"), None);
        assert_eq!(parse("i morgen"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn today_is_the_danish_date_just_after_midnight() {
        use chrono::TimeZone;
        // 00:40 in Copenhagen on 2 December (winter time, UTC+1) is still
        // 1 December in UTC: today must be the 2nd.
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 23, 40, 0).unwrap();
        fix_clock(Some(at));
        assert_eq!(today(), d(2026, 12, 2));
        assert_eq!(now_local().format("%H:%M").to_string(), "00:40");
        // Summer time (UTC+2): 00:10 on 1 July is 22:10 on 30 June in UTC.
        fix_clock(Some(Utc.with_ymd_and_hms(2026, 6, 30, 22, 10, 0).unwrap()));
        assert_eq!(today(), d(2026, 7, 1));
        // Just before midnight stays the same day.
        fix_clock(Some(Utc.with_ymd_and_hms(2026, 12, 1, 22, 59, 0).unwrap()));
        assert_eq!(today(), d(2026, 12, 1));
        fix_clock(None);
    }

    #[test]
    fn stored_dates_are_iso_only() {
        assert_eq!(parse_iso("2026-11-22"), Some(d(2026, 11, 22)));
        assert_eq!(parse_iso("22.11.2026"), None);
    }
}
