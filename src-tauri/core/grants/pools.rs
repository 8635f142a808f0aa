//! One pool per year: its total, the maximum per application and the
//! criteria, with every change of the amounts recorded in
//! `grant_pool_history`.
//!
//! Lowering the total below what is granted, or the maximum per application
//! below an amount already requested or granted in that year, is refused
//! inside the transaction of the change.

use super::rules::{check_year, granted_sum};
use super::sql::{begin, Result};
use super::{GrantError, DEFAULT_MAX_PER_APPLICATION_ORE, DEFAULT_POOL_ORE, MAX_LONG_TEXT};
use crate::dates::iso;
use crate::money::{self, parse_ore};
use crate::store::{new_id, now};
use crate::validate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

/// One year's pool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pool {
    pub year: i32,
    pub total_ore: i64,
    pub max_per_application_ore: i64,
    pub criteria: String,
    pub updated_at: String,
}

/// A pool as typed in the form (amounts as text, the Danish way).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PoolInput {
    pub year: i32,
    pub total: String,
    pub max_per_application: String,
    #[serde(default)]
    pub criteria: String,
}

fn pool_from_row(r: &Row) -> rusqlite::Result<Pool> {
    Ok(Pool {
        year: r.get(0)?,
        total_ore: r.get(1)?,
        max_per_application_ore: r.get(2)?,
        criteria: r.get(3)?,
        updated_at: r.get(4)?,
    })
}

/// The pool of `year`, if one was made.
pub fn pool(conn: &Connection, year: i32) -> Result<Option<Pool>> {
    Ok(conn
        .query_row(
            "SELECT year, total_ore, max_per_application_ore, criteria, updated_at
             FROM grant_pools WHERE year = ?1",
            [year],
            pool_from_row,
        )
        .optional()?)
}

/// Every pool, newest year first.
pub fn pools(conn: &Connection) -> Result<Vec<Pool>> {
    let mut stmt = conn.prepare_cached(
        "SELECT year, total_ore, max_per_application_ore, criteria, updated_at
         FROM grant_pools ORDER BY year DESC",
    )?;
    let rows = stmt
        .query_map([], pool_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The pool of `year`, or `NoPool`.
pub(super) fn load_pool(conn: &Connection, year: i32) -> Result<Pool> {
    pool(conn, year)?.ok_or(GrantError::NoPool(year))
}

fn record_pool(tx: &Connection, pool: &Pool) -> Result<()> {
    tx.execute(
        "INSERT INTO grant_pool_history (id, year, total_ore, max_per_application_ore, changed_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            new_id(),
            pool.year,
            pool.total_ore,
            pool.max_per_application_ore,
            iso(crate::dates::today()),
            now()
        ],
    )?;
    Ok(())
}

struct ValidPool {
    total: i64,
    max: i64,
    criteria: String,
}

fn validate_pool(input: &PoolInput) -> Result<ValidPool> {
    check_year(input.year)?;
    let total = parse_ore("pool_total", &input.total)?;
    if total <= 0 {
        return Err(GrantError::AmountNotPositive {
            field: "pool_total",
        });
    }
    let max = parse_ore("pool_max", &input.max_per_application)?;
    if max <= 0 {
        return Err(GrantError::AmountNotPositive { field: "pool_max" });
    }
    if max > total {
        return Err(GrantError::MaxAboveTotal { max, total });
    }
    let criteria = validate::text("pool_criteria", &input.criteria, MAX_LONG_TEXT, false, true)?;
    Ok(ValidPool {
        total,
        max,
        criteria,
    })
}

/// Makes the pool of a year that has none.
pub fn create_pool(conn: &mut Connection, input: &PoolInput) -> Result<Pool> {
    let v = validate_pool(input)?;
    let tx = begin(conn)?;
    if pool(&tx, input.year)?.is_some() {
        return Err(GrantError::PoolExists(input.year));
    }
    let stamp = now();
    tx.execute(
        "INSERT INTO grant_pools (year, total_ore, max_per_application_ore, criteria, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![input.year, v.total, v.max, v.criteria, stamp],
    )?;
    let made = load_pool(&tx, input.year)?;
    record_pool(&tx, &made)?;
    tx.commit()?;
    Ok(made)
}

/// Makes the pool of `year` with the defaults (100.000,00 kr., at most
/// 5.000,00 kr. per application), or returns the one that exists.
pub fn ensure_pool(conn: &mut Connection, year: i32) -> Result<Pool> {
    if let Some(p) = pool(conn, year)? {
        return Ok(p);
    }
    create_pool(
        conn,
        &PoolInput {
            year,
            total: money::format_number(DEFAULT_POOL_ORE),
            max_per_application: money::format_number(DEFAULT_MAX_PER_APPLICATION_ORE),
            criteria: String::new(),
        },
    )
}

/// Refuses a total below what is granted in `year`, or a maximum below the
/// largest amount requested or granted there.
fn check_not_below_existing(conn: &Connection, year: i32, v: &ValidPool) -> Result<()> {
    let granted = granted_sum(conn, year, None)?;
    if v.total < granted {
        return Err(GrantError::PoolBelowGranted {
            total: v.total,
            granted,
        });
    }
    let largest: i64 = conn.query_row(
        "SELECT coalesce(max(max(requested_ore, coalesce(granted_ore, 0))), 0)
         FROM grant_applications WHERE year = ?1 AND deleted_at IS NULL",
        [year],
        |r| r.get(0),
    )?;
    if v.max < largest {
        return Err(GrantError::MaxBelowExisting {
            max: v.max,
            largest,
        });
    }
    Ok(())
}

/// Changes a pool's amounts or criteria. Lowering the total below what is
/// granted, or the maximum below an amount already applied for or granted,
/// is refused.
pub fn update_pool(conn: &mut Connection, input: &PoolInput) -> Result<Pool> {
    let v = validate_pool(input)?;
    let tx = begin(conn)?;
    let old = load_pool(&tx, input.year)?;
    check_not_below_existing(&tx, input.year, &v)?;
    tx.execute(
        "UPDATE grant_pools SET total_ore = ?2, max_per_application_ore = ?3, criteria = ?4, updated_at = ?5
         WHERE year = ?1",
        params![input.year, v.total, v.max, v.criteria, now()],
    )?;
    let new = load_pool(&tx, input.year)?;
    if new.total_ore != old.total_ore || new.max_per_application_ore != old.max_per_application_ore
    {
        record_pool(&tx, &new)?;
    }
    tx.commit()?;
    Ok(new)
}
