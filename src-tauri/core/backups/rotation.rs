//! Which copies the rotation keeps: every copy of today, the newest copy of
//! each of the last `days` days, of each of the last `weeks` ISO weeks and of each of the
//! last `months` months (days in Denmark's time). Nothing older than the
//! longest of those horizons is kept, not even a migration copy, so a copy
//! holding since-erased personal data never outlives the retention set.
//! A pure function of the list and today, so it is tested on dates alone.

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use chrono_tz::Europe::Copenhagen;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// How many copies the rotation keeps (shown and set in Indstillinger).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rotation {
    pub days: u32,
    pub weeks: u32,
    pub months: u32,
}

impl Default for Rotation {
    fn default() -> Self {
        Rotation {
            days: 7,
            weeks: 8,
            months: 12,
        }
    }
}

/// The largest number accepted for each of [`Rotation`]'s fields.
pub const MAX_KEEP: u32 = 120;

/// One copy as the rotation sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    pub name: String,
    pub taken_at: DateTime<Utc>,
    /// A copy taken before a migration: kept until the horizon whatever the
    /// buckets say (it is the only copy of the older version).
    pub pinned: bool,
}

fn local_day(t: DateTime<Utc>) -> NaiveDate {
    t.with_timezone(&Copenhagen).date_naive()
}

/// The oldest day the rotation keeps anything from.
pub fn horizon(rotation: Rotation, today: NaiveDate) -> NaiveDate {
    let by_days = today - chrono::Days::new(u64::from(rotation.days.saturating_sub(1)));
    let by_weeks = today - chrono::Days::new(7 * u64::from(rotation.weeks));
    let by_months = today
        .checked_sub_months(Months::new(rotation.months))
        .unwrap_or(NaiveDate::MIN);
    by_days.min(by_weeks).min(by_months)
}

/// The names of the copies to keep, given every copy and today. The newest
/// copy is always kept.
pub fn keep(copies: &[Dated], rotation: Rotation, today: NaiveDate) -> BTreeSet<String> {
    let mut sorted: Vec<&Dated> = copies.iter().collect();
    sorted.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(b.name.cmp(&a.name)));
    let mut kept = BTreeSet::new();
    if let Some(newest) = sorted.first() {
        kept.insert(newest.name.clone());
    }
    let oldest = horizon(rotation, today);
    let days_from = today - chrono::Days::new(u64::from(rotation.days.saturating_sub(1)));
    let week_of = |d: NaiveDate| {
        let w = d.iso_week();
        (w.year(), w.week())
    };
    let weeks: BTreeSet<(i32, u32)> = (0..rotation.weeks)
        .map(|i| week_of(today - chrono::Days::new(7 * u64::from(i))))
        .collect();
    let months: BTreeSet<(i32, u32)> = (0..rotation.months)
        .filter_map(|i| today.checked_sub_months(Months::new(i)))
        .map(|d| (d.year(), d.month()))
        .collect();
    let mut seen_days = BTreeSet::new();
    let mut seen_weeks = BTreeSet::new();
    let mut seen_months = BTreeSet::new();
    // Newest first: the first copy met in a bucket is its newest.
    for c in sorted {
        let day = local_day(c.taken_at);
        if day < oldest || day > today {
            // A copy dated in the future (a clock that was wrong) is kept:
            // deleting it would be a guess.
            if day > today {
                kept.insert(c.name.clone());
            }
            continue;
        }
        // Today's copies all stay (two "take a copy now" in a day, the copy
        // just before a restore and the one restored).
        let mut keep_it = c.pinned || day == today;
        if rotation.days > 0 && day >= days_from && seen_days.insert(day) {
            keep_it = true;
        }
        let week = week_of(day);
        if weeks.contains(&week) && seen_weeks.insert(week) {
            keep_it = true;
        }
        let month = (day.year(), day.month());
        if months.contains(&month) && seen_months.insert(month) {
            keep_it = true;
        }
        if keep_it {
            kept.insert(c.name.clone());
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
    }

    fn copy(name: &str, t: DateTime<Utc>) -> Dated {
        Dated {
            name: name.into(),
            taken_at: t,
            pinned: false,
        }
    }

    fn names(set: BTreeSet<String>) -> Vec<String> {
        set.into_iter().collect()
    }

    #[test]
    fn two_copies_a_day_keep_both_of_today_and_the_newest_of_an_earlier_day() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let mut copies = Vec::new();
        for d in 1..=2u32 {
            copies.push(copy(&format!("d{d}-morning"), at(2026, 12, d, 7)));
            copies.push(copy(&format!("d{d}-evening"), at(2026, 12, d, 16)));
        }
        let kept = names(keep(&copies, Rotation::default(), today));
        // Today (the 2nd) keeps both; the 1st its newest.
        assert_eq!(kept, ["d1-evening", "d2-evening", "d2-morning"]);
    }

    #[test]
    fn a_year_of_daily_copies_shrinks_to_days_weeks_and_months() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let copies: Vec<Dated> = (0..400)
            .map(|i| {
                let day = today - chrono::Days::new(i);
                let t = Utc.from_utc_datetime(&day.and_hms_opt(10, 0, 0).unwrap());
                copy(&dates_name(day), t)
            })
            .collect();
        let kept = keep(&copies, Rotation::default(), today);
        // The last 7 days, one per ISO week for 8 weeks (the newest of each:
        // the Sunday, or today for this week), one per month for 12 months.
        for i in 0..7 {
            assert!(kept.contains(&dates_name(today - chrono::Days::new(i))));
        }
        assert!(kept.contains("2026-11-29"), "Sunday of week 48");
        assert!(
            kept.contains("2026-10-18"),
            "Sunday of week 42, the eighth week"
        );
        assert!(
            !kept.contains("2026-10-11"),
            "Sunday of week 41, the ninth week"
        );
        assert!(kept.contains("2026-10-31"), "last day of October");
        assert!(kept.contains("2026-01-31"), "last day of January");
        assert!(
            !kept.contains("2025-12-31"),
            "December 2025 is past 12 months"
        );
        assert!(!kept.contains("2026-11-24"), "a Tuesday of last week");
        assert!(kept.len() <= 7 + 8 + 12);
        assert!(kept.len() >= 12 + 4);
    }

    fn dates_name(d: NaiveDate) -> String {
        d.format("%Y-%m-%d").to_string()
    }

    #[test]
    fn nothing_is_kept_past_the_horizon_not_even_a_migration_copy() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let mut old = copy("migration-2024", at(2024, 6, 1, 10));
        old.pinned = true;
        let mut recent = copy("migration-2026", at(2026, 11, 30, 10));
        recent.pinned = true;
        let copies = vec![old, recent, copy("today", at(2026, 12, 2, 9))];
        let kept = names(keep(&copies, Rotation::default(), today));
        assert_eq!(kept, ["migration-2026", "today"]);
    }

    #[test]
    fn the_newest_copy_is_kept_even_with_a_rotation_of_nothing() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let none = Rotation {
            days: 0,
            weeks: 0,
            months: 0,
        };
        let copies = vec![copy("a", at(2026, 12, 1, 9)), copy("b", at(2026, 12, 2, 9))];
        assert_eq!(names(keep(&copies, none, today)), ["b"]);
    }

    #[test]
    fn the_day_is_denmarks_not_utcs() {
        // 23:30 UTC on 30 November is 00:30 on 1 December in Copenhagen:
        // the same day as the morning copy, which is newer.
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let late = Utc.with_ymd_and_hms(2026, 11, 30, 23, 30, 0).unwrap();
        let copies = vec![copy("late", late), copy("morning", at(2026, 12, 1, 8))];
        let three_days = Rotation {
            days: 3,
            weeks: 0,
            months: 0,
        };
        assert_eq!(names(keep(&copies, three_days, today)), ["morning"]);
    }
}
