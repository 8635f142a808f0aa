//! The checks shared by pools, applications and decisions: years, dates in
//! order, reach, amounts within the maximum, and the sum already granted
//! (read inside the caller's transaction).

use super::sql::Result;
use super::{GrantError, MAX_REACH, YEARS};
use crate::money::parse_ore;
use crate::validate::{self, Problem, ValidationError};
use chrono::NaiveDate;
use rusqlite::{params, Connection};

/// A date that must be typed.
pub(super) fn required_date(field: &'static str, value: &str) -> Result<NaiveDate> {
    validate::optional_date(field, value)?
        .ok_or_else(|| ValidationError::new(field, Problem::Required).into())
}

/// A year a pool may be made for.
pub(super) fn check_year(year: i32) -> Result<()> {
    if YEARS.contains(&year) {
        Ok(())
    } else {
        Err(GrantError::YearOutOfRange(year))
    }
}

/// A number of people from 0 to [`MAX_REACH`], if given.
pub(super) fn check_reach(field: &'static str, reach: Option<i64>) -> Result<Option<i64>> {
    match reach {
        Some(r) if !(0..=MAX_REACH).contains(&r) => Err(GrantError::ReachOutOfRange {
            field,
            max: MAX_REACH,
        }),
        other => Ok(other),
    }
}

/// Not before: `date` must be on or after `before` (the earlier event).
pub(super) fn not_before(
    field: &'static str,
    date: NaiveDate,
    before_field: &'static str,
    before: Option<NaiveDate>,
) -> Result<()> {
    match before {
        Some(b) if date < b => Err(GrantError::DateOrder {
            field,
            before_field,
            before: b,
        }),
        _ => Ok(()),
    }
}

/// A positive amount within the maximum per application.
pub(super) fn positive_within_max(field: &'static str, typed: &str, max: i64) -> Result<i64> {
    let amount = parse_ore(field, typed)?;
    if amount <= 0 {
        return Err(GrantError::AmountNotPositive { field });
    }
    if amount > max {
        return Err(GrantError::AboveMaxPerApplication { field, amount, max });
    }
    Ok(amount)
}

/// The sum granted (paid or not) in `year` by live applications, leaving out
/// `except` (the application being changed).
pub(super) fn granted_sum(conn: &Connection, year: i32, except: Option<&str>) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(sum(granted_ore), 0) FROM grant_applications
         WHERE year = ?1 AND deleted_at IS NULL AND granted_ore IS NOT NULL
           AND (?2 IS NULL OR id <> ?2)",
        params![year, except],
        |r| r.get(0),
    )?)
}

/// Refuses granting `amount` to the application `id` when, with what the
/// others of `year` hold, it would exceed the pool's `total`.
pub(super) fn within_pool(
    conn: &Connection,
    year: i32,
    total: i64,
    id: &str,
    amount: i64,
) -> Result<()> {
    let remaining = total - granted_sum(conn, year, Some(id))?;
    if amount > remaining {
        return Err(GrantError::ExceedsPool { amount, remaining });
    }
    Ok(())
}
