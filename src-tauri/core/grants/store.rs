//! Pools, applications, decisions, payouts, reports and adjustments on the
//! database, with every rule of the grant pool checked inside the same
//! `BEGIN IMMEDIATE` transaction as the change it guards. Reading functions
//! (lists, the year overview, history) take a shared connection.
//!
//! Decisions (where the issue was silent):
//! - An application belongs to the pool of an explicit `year` (normally the
//!   year it was received); the pool must exist first.
//! - A decision is made from "under behandling"; it may be changed (to another
//!   amount, or between granted and rejected) until the grant is paid.
//!   Granting the full requested amount gives "bevilget", less gives
//!   "delvist bevilget"; more than requested is refused. A rejection or a
//!   partial grant needs a reason.
//! - Applications are never removed from the database: deleting marks them
//!   deleted (and releases any unpaid grant); paid grants cannot be deleted.
//! - An adjustment of a paid grant sets the new amount (money paid back or
//!   paid in addition) with a date and a reason; it may bring the amount to
//!   0,00 kr. (everything paid back) but never above the maximum per
//!   application nor the pool.
//! - Lowering the maximum per application below an amount already requested
//!   or granted in that year is refused, like lowering the pool.

use super::*;
use crate::labels;
use crate::money::{self, parse_ore};
use crate::partners::{self, PartnerOption};
use crate::settings;
use crate::store::{new_id, now};
use crate::validate::{self, Problem};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction, TransactionBehavior};
use std::collections::HashMap;

type Result<T> = std::result::Result<T, GrantError>;

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

/// An application as stored, with the partner's name and kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Application {
    pub id: String,
    pub year: i32,
    pub partner_id: String,
    pub partner_name: String,
    pub partner_kind: String,
    pub partner_goal_ids: Vec<String>,
    pub received_on: NaiveDate,
    pub purpose: String,
    pub description: String,
    pub planned_on: Option<NaiveDate>,
    pub expected_reach: Option<i64>,
    pub requested_ore: i64,
    pub status: Status,
    pub decided_on: Option<NaiveDate>,
    pub granted_ore: Option<i64>,
    pub decision_reason: String,
    pub paid_on: Option<NaiveDate>,
    pub actual_reach: Option<i64>,
    pub report_text: String,
    pub reported_on: Option<NaiveDate>,
    pub deleted: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// An application as typed in the form.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ApplicationInput {
    pub year: i32,
    pub partner_id: String,
    pub received_on: String,
    pub purpose: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub planned_on: String,
    #[serde(default)]
    pub expected_reach: Option<i64>,
    pub requested: String,
}

/// Grant or reject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Grant,
    Reject,
}

/// A decision as typed in the form. `amount` is ignored for a rejection.
#[derive(Debug, Clone, Deserialize)]
pub struct DecisionInput {
    pub outcome: Outcome,
    #[serde(default)]
    pub amount: String,
    pub decided_on: String,
    #[serde(default)]
    pub reason: String,
}

/// The partner's report after the activity.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ReportInput {
    pub actual_reach: Option<i64>,
    pub report_text: String,
    pub reported_on: String,
}

/// A correction of a paid grant: the new amount, when, and why.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AdjustInput {
    pub amount: String,
    pub adjusted_on: String,
    pub reason: String,
}

/// One line of an application's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryEntry {
    pub changed_on: NaiveDate,
    pub event: String,
    pub status_from: Option<Status>,
    pub status_to: Option<Status>,
    pub amount_from_ore: Option<i64>,
    pub amount_to_ore: Option<i64>,
    pub note: String,
    pub created_at: String,
}

/// A recorded correction of a paid grant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Adjustment {
    pub id: String,
    pub adjusted_on: NaiveDate,
    pub amount_before_ore: i64,
    pub amount_after_ore: i64,
    pub reason: String,
    pub created_at: String,
}

/// Filters of the application list; `None` means all.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ApplicationFilter {
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default)]
    pub partner_kind: Option<String>,
    #[serde(default)]
    pub goal_id: Option<String>,
    #[serde(default)]
    pub include_deleted: bool,
}

/// Money and counts for one goal or one partner kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupTotal {
    pub key: String,
    pub label: String,
    pub applications: i64,
    pub granted_ore: i64,
    pub paid_ore: i64,
}

/// How many applications have a status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusCount {
    pub status: Status,
    pub count: i64,
}

/// The year at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearOverview {
    pub year: i32,
    pub pool: Option<Pool>,
    pub total_ore: i64,
    pub granted_ore: i64,
    pub paid_ore: i64,
    pub remaining_ore: i64,
    /// Requested by applications still waiting for a decision.
    pub pending_ore: i64,
    pub counts: Vec<StatusCount>,
    /// A partner with several goals counts under each of them, so these do
    /// not add up to the year's total.
    pub by_goal: Vec<GroupTotal>,
    pub by_kind: Vec<GroupTotal>,
}

// ---------------------------------------------------------------- helpers

fn begin(conn: &mut Connection) -> Result<Transaction<'_>> {
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn parse_col_date(idx: usize, s: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn date_col(row: &Row, idx: usize) -> rusqlite::Result<NaiveDate> {
    let s: String = row.get(idx)?;
    parse_col_date(idx, &s)
}

fn opt_date_col(row: &Row, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let s: Option<String> = row.get(idx)?;
    s.map(|s| parse_col_date(idx, &s)).transpose()
}

fn status_col(row: &Row, idx: usize) -> rusqlite::Result<Status> {
    let s: String = row.get(idx)?;
    s.parse().map_err(|_| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("unknown grant status {s}").into(),
        )
    })
}

fn opt_status_col(row: &Row, idx: usize) -> rusqlite::Result<Option<Status>> {
    let s: Option<String> = row.get(idx)?;
    match s {
        None => Ok(None),
        Some(_) => status_col(row, idx).map(Some),
    }
}

fn required_date(field: &'static str, value: &str) -> Result<NaiveDate> {
    validate::optional_date(field, value)?
        .ok_or_else(|| ValidationError::new(field, Problem::Required).into())
}

fn check_year(year: i32) -> Result<()> {
    if YEARS.contains(&year) {
        Ok(())
    } else {
        Err(GrantError::YearOutOfRange(year))
    }
}

fn check_reach(field: &'static str, reach: Option<i64>) -> Result<Option<i64>> {
    match reach {
        Some(r) if !(0..=MAX_REACH).contains(&r) => Err(GrantError::ReachOutOfRange {
            field,
            max: MAX_REACH,
        }),
        other => Ok(other),
    }
}

/// Not before: `date` must be on or after `before` (the earlier event).
fn not_before(
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
fn positive_within_max(field: &'static str, typed: &str, max: i64) -> Result<i64> {
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
fn granted_sum(conn: &Connection, year: i32, except: Option<&str>) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(sum(granted_ore), 0) FROM grant_applications
         WHERE year = ?1 AND deleted_at IS NULL AND granted_ore IS NOT NULL
           AND (?2 IS NULL OR id <> ?2)",
        params![year, except],
        |r| r.get(0),
    )?)
}

fn load_pool(conn: &Connection, year: i32) -> Result<Pool> {
    pool(conn, year)?.ok_or(GrantError::NoPool(year))
}

#[allow(clippy::too_many_arguments)]
fn record(
    tx: &Transaction,
    application_id: &str,
    changed_on: NaiveDate,
    event: &str,
    status_from: Option<Status>,
    status_to: Option<Status>,
    amount_from: Option<i64>,
    amount_to: Option<i64>,
    note: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO grant_history (id, application_id, changed_on, event, status_from, status_to,
                                    amount_from_ore, amount_to_ore, note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            new_id(),
            application_id,
            iso(changed_on),
            event,
            status_from.map(Status::as_str),
            status_to.map(Status::as_str),
            amount_from,
            amount_to,
            note,
            now()
        ],
    )?;
    Ok(())
}

fn record_pool(tx: &Transaction, pool: &Pool) -> Result<()> {
    tx.execute(
        "INSERT INTO grant_pool_history (id, year, total_ore, max_per_application_ore, changed_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            new_id(),
            pool.year,
            pool.total_ore,
            pool.max_per_application_ore,
            iso(today()),
            now()
        ],
    )?;
    Ok(())
}

/// An application can be made for a partner that can be picked (not in the
/// bin, not erased).
fn check_partner(conn: &Connection, partner_id: &str) -> Result<()> {
    partners::pickable_one(conn, partner_id)?
        .map(|_| ())
        .ok_or_else(|| GrantError::PartnerNotFound(partner_id.to_string()))
}

// ------------------------------------------------------------------ pools

fn pool_from_row(r: &Row) -> rusqlite::Result<Pool> {
    Ok(Pool {
        year: r.get(0)?,
        total_ore: r.get(1)?,
        max_per_application_ore: r.get(2)?,
        criteria: r.get(3)?,
        updated_at: r.get(4)?,
    })
}

const POOL_COLS: &str = "year, total_ore, max_per_application_ore, criteria, updated_at";

/// The pool of `year`, if one was made.
pub fn pool(conn: &Connection, year: i32) -> Result<Option<Pool>> {
    Ok(conn
        .query_row(
            &format!("SELECT {POOL_COLS} FROM grant_pools WHERE year = ?1"),
            [year],
            pool_from_row,
        )
        .optional()?)
}

/// Every pool, newest year first.
pub fn pools(conn: &Connection) -> Result<Vec<Pool>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {POOL_COLS} FROM grant_pools ORDER BY year DESC"
    ))?;
    let rows = stmt
        .query_map([], pool_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
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

/// Changes a pool's amounts or criteria. Lowering the total below what is
/// granted, or the maximum below an amount already applied for or granted,
/// is refused.
pub fn update_pool(conn: &mut Connection, input: &PoolInput) -> Result<Pool> {
    let v = validate_pool(input)?;
    let tx = begin(conn)?;
    let old = load_pool(&tx, input.year)?;
    let granted = granted_sum(&tx, input.year, None)?;
    if v.total < granted {
        return Err(GrantError::PoolBelowGranted {
            total: v.total,
            granted,
        });
    }
    let largest: i64 = tx.query_row(
        "SELECT coalesce(max(max(requested_ore, coalesce(granted_ore, 0))), 0)
         FROM grant_applications WHERE year = ?1 AND deleted_at IS NULL",
        [input.year],
        |r| r.get(0),
    )?;
    if v.max < largest {
        return Err(GrantError::MaxBelowExisting {
            max: v.max,
            largest,
        });
    }
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

// ----------------------------------------------------------- applications

/// The partner's name and kind (columns 3 and 4) are filled in afterwards
/// from the register ([`with_partners`]).
const APP_COLS: &str = "a.id, a.year, a.partner_id, '', '', a.received_on, a.purpose,
    a.description, a.planned_on, a.expected_reach, a.requested_ore, a.status, a.decided_on,
    a.granted_ore, a.decision_reason, a.paid_on, a.actual_reach, a.report_text, a.reported_on,
    a.deleted_at, a.created_at, a.updated_at";

fn app_from_row(r: &Row) -> rusqlite::Result<Application> {
    let deleted_at: Option<String> = r.get(19)?;
    Ok(Application {
        id: r.get(0)?,
        year: r.get(1)?,
        partner_id: r.get(2)?,
        partner_name: r.get(3)?,
        partner_kind: r.get(4)?,
        partner_goal_ids: Vec::new(),
        received_on: date_col(r, 5)?,
        purpose: r.get(6)?,
        description: r.get(7)?,
        planned_on: opt_date_col(r, 8)?,
        expected_reach: r.get(9)?,
        requested_ore: r.get(10)?,
        status: status_col(r, 11)?,
        decided_on: opt_date_col(r, 12)?,
        granted_ore: r.get(13)?,
        decision_reason: r.get(14)?,
        paid_on: opt_date_col(r, 15)?,
        actual_reach: r.get(16)?,
        report_text: r.get(17)?,
        reported_on: opt_date_col(r, 18)?,
        deleted: deleted_at.is_some(),
        created_at: r.get(20)?,
        updated_at: r.get(21)?,
    })
}

/// The partners of these applications, read from the register in one go.
struct AppPartners {
    partners: HashMap<String, PartnerOption>,
    goals: HashMap<String, Vec<String>>,
}

impl AppPartners {
    fn read(conn: &Connection, partner_ids: impl IntoIterator<Item = String>) -> Result<Self> {
        let mut ids: Vec<String> = partner_ids.into_iter().collect();
        ids.sort();
        ids.dedup();
        Ok(AppPartners {
            partners: partners::by_ids(conn, &ids)?,
            goals: partners::goal_ids_of(conn, &ids)?,
        })
    }

    fn kind(&self, partner_id: &str) -> Option<&'static str> {
        self.partners.get(partner_id).map(|p| p.kind.as_str())
    }

    fn goals(&self, partner_id: &str) -> &[String] {
        self.goals.get(partner_id).map_or(&[], Vec::as_slice)
    }

    /// Fills in the partner's name, kind and current goals.
    fn fill(&self, app: &mut Application) {
        if let Some(p) = self.partners.get(&app.partner_id) {
            app.partner_name = p.name.clone();
            app.partner_kind = p.kind.as_str().to_string();
        }
        app.partner_goal_ids = self.goals(&app.partner_id).to_vec();
    }
}

/// Fills in the partners of applications read with [`APP_COLS`].
fn with_partners(conn: &Connection, apps: &mut [Application]) -> Result<()> {
    let found = AppPartners::read(conn, apps.iter().map(|a| a.partner_id.clone()))?;
    for app in apps {
        found.fill(app);
    }
    Ok(())
}

/// One application (deleted ones too), or `NotFound`.
pub fn application(conn: &Connection, id: &str) -> Result<Application> {
    let app = conn
        .query_row(
            &format!("SELECT {APP_COLS} FROM grant_applications a WHERE a.id = ?1"),
            [id],
            app_from_row,
        )
        .optional()?
        .ok_or_else(|| GrantError::NotFound(id.to_string()))?;
    let mut apps = [app];
    with_partners(conn, &mut apps)?;
    let [app] = apps;
    Ok(app)
}

/// A live (not deleted) application, for changing it.
fn live(conn: &Connection, id: &str) -> Result<Application> {
    let app = application(conn, id)?;
    if app.deleted {
        return Err(GrantError::NotFound(id.to_string()));
    }
    Ok(app)
}

/// The applications of `year` matching `filter`, newest received first.
pub fn applications(
    conn: &Connection,
    year: i32,
    filter: &ApplicationFilter,
) -> Result<Vec<Application>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {APP_COLS} FROM grant_applications a
         WHERE a.year = ?1
           AND (?2 OR a.deleted_at IS NULL)
           AND (?3 IS NULL OR a.status = ?3)
         ORDER BY a.received_on DESC, a.created_at DESC, a.id"
    ))?;
    let mut apps = stmt
        .query_map(
            params![
                year,
                filter.include_deleted,
                filter.status.map(Status::as_str),
            ],
            app_from_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    with_partners(conn, &mut apps)?;
    // The partner's kind and goals are the register's: filtered here.
    let kind = filter.partner_kind.as_deref().filter(|k| !k.is_empty());
    let goal = filter.goal_id.as_deref().filter(|g| !g.is_empty());
    apps.retain(|a| {
        kind.is_none_or(|k| a.partner_kind == k)
            && goal.is_none_or(|g| a.partner_goal_ids.iter().any(|id| id == g))
    });
    Ok(apps)
}

struct ValidApplication {
    partner_id: String,
    received_on: NaiveDate,
    purpose: String,
    description: String,
    planned_on: Option<NaiveDate>,
    expected_reach: Option<i64>,
    requested: i64,
}

/// Checks the form. `locked_requested` is the requested amount of a decided
/// application: it stays as it was, even if the pool's maximum changed since.
fn validate_application(
    tx: &Transaction,
    input: &ApplicationInput,
    locked_requested: Option<i64>,
) -> Result<ValidApplication> {
    check_year(input.year)?;
    let pool = load_pool(tx, input.year)?;
    let partner_id = input.partner_id.trim().to_string();
    if partner_id.is_empty() {
        return Err(ValidationError::new("grant_partner", Problem::Required).into());
    }
    check_partner(tx, &partner_id)?;
    let received_on = required_date("grant_received_on", &input.received_on)?;
    let purpose = validate::text("grant_purpose", &input.purpose, MAX_PURPOSE, true, false)?;
    let description = validate::text(
        "grant_description",
        &input.description,
        MAX_LONG_TEXT,
        false,
        true,
    )?;
    let planned_on = validate::optional_date("grant_planned_on", &input.planned_on)?;
    let expected_reach = check_reach("grant_expected_reach", input.expected_reach)?;
    let requested = match locked_requested {
        Some(amount) => amount,
        None => positive_within_max(
            "amount_requested",
            &input.requested,
            pool.max_per_application_ore,
        )?,
    };
    Ok(ValidApplication {
        partner_id,
        received_on,
        purpose,
        description,
        planned_on,
        expected_reach,
        requested,
    })
}

/// Registers a received application (status "modtaget").
pub fn create_application(conn: &mut Connection, input: &ApplicationInput) -> Result<Application> {
    let tx = begin(conn)?;
    let v = validate_application(&tx, input, None)?;
    let id = new_id();
    let stamp = now();
    tx.execute(
        "INSERT INTO grant_applications (id, year, partner_id, received_on, purpose, description,
             planned_on, expected_reach, requested_ore, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'modtaget', ?10, ?10)",
        params![
            id,
            input.year,
            v.partner_id,
            iso(v.received_on),
            v.purpose,
            v.description,
            v.planned_on.map(iso),
            v.expected_reach,
            v.requested,
            stamp
        ],
    )?;
    record(
        &tx,
        &id,
        v.received_on,
        "created",
        None,
        Some(Status::Modtaget),
        None,
        Some(v.requested),
        "",
    )?;
    tx.commit()?;
    application(conn, &id)
}

/// Corrects an application's details. The partner, year and requested amount
/// are locked once the application is decided.
pub fn update_application(
    conn: &mut Connection,
    id: &str,
    input: &ApplicationInput,
) -> Result<Application> {
    let tx = begin(conn)?;
    let old = live(&tx, id)?;
    if !old.status.is_open() {
        if input.partner_id.trim() != old.partner_id {
            return Err(GrantError::LockedAfterDecision {
                field: "grant_partner",
            });
        }
        if input.year != old.year {
            return Err(GrantError::LockedAfterDecision {
                field: "grant_year",
            });
        }
        // The requested amount is compared as a number: "5000" = "5.000,00".
        let typed = parse_ore("amount_requested", &input.requested)?;
        if typed != old.requested_ore {
            return Err(GrantError::LockedAfterDecision {
                field: "amount_requested",
            });
        }
    }
    let locked = (!old.status.is_open()).then_some(old.requested_ore);
    let v = validate_application(&tx, input, locked)?;
    for (field, date) in [
        ("grant_decided_on", old.decided_on),
        ("grant_paid_on", old.paid_on),
        ("grant_reported_on", old.reported_on),
    ] {
        if let Some(d) = date {
            not_before(field, d, "grant_received_on", Some(v.received_on))?;
        }
    }
    tx.execute(
        "UPDATE grant_applications SET year = ?2, partner_id = ?3, received_on = ?4, purpose = ?5,
             description = ?6, planned_on = ?7, expected_reach = ?8, requested_ore = ?9, updated_at = ?10
         WHERE id = ?1",
        params![
            id,
            input.year,
            v.partner_id,
            iso(v.received_on),
            v.purpose,
            v.description,
            v.planned_on.map(iso),
            v.expected_reach,
            v.requested,
            now()
        ],
    )?;
    if v.requested != old.requested_ore {
        record(
            &tx,
            id,
            today(),
            "requested",
            None,
            None,
            Some(old.requested_ore),
            Some(v.requested),
            "",
        )?;
    }
    tx.commit()?;
    application(conn, id)
}

fn set_status(
    tx: &Transaction,
    id: &str,
    status: Status,
    extra_sql: &str,
    extra: &[&dyn rusqlite::ToSql],
) -> Result<()> {
    let sql = format!(
        "UPDATE grant_applications SET status = ?1, updated_at = ?2{extra_sql} WHERE id = ?3"
    );
    let stamp = now();
    let status_str = status.as_str();
    let mut all: Vec<&dyn rusqlite::ToSql> = vec![&status_str, &stamp, &id];
    all.extend_from_slice(extra);
    tx.execute(&sql, all.as_slice())?;
    Ok(())
}

/// modtaget → under behandling.
pub fn start_review(conn: &mut Connection, id: &str) -> Result<Application> {
    let tx = begin(conn)?;
    let old = live(&tx, id)?;
    if old.status != Status::Modtaget {
        return Err(GrantError::IllegalTransition {
            from: old.status,
            action: Action::StartReview,
        });
    }
    set_status(&tx, id, Status::UnderBehandling, "", &[])?;
    record(
        &tx,
        id,
        today(),
        "status",
        Some(old.status),
        Some(Status::UnderBehandling),
        None,
        None,
        "",
    )?;
    tx.commit()?;
    application(conn, id)
}

/// Decides an application under review, or changes a decision that has not
/// been paid: grant (in full or in part) or reject.
pub fn decide(conn: &mut Connection, id: &str, input: &DecisionInput) -> Result<Application> {
    let tx = begin(conn)?;
    let old = live(&tx, id)?;
    let allowed = matches!(
        old.status,
        Status::UnderBehandling | Status::Bevilget | Status::DelvistBevilget | Status::Afslaaet
    );
    if !allowed {
        return Err(GrantError::IllegalTransition {
            from: old.status,
            action: Action::Decide,
        });
    }
    let decided_on = required_date("grant_decided_on", &input.decided_on)?;
    not_before(
        "grant_decided_on",
        decided_on,
        "grant_received_on",
        Some(old.received_on),
    )?;
    let reason = validate::text(
        "grant_decision_reason",
        &input.reason,
        MAX_LONG_TEXT,
        false,
        true,
    )?;
    let pool = load_pool(&tx, old.year)?;
    let (status, granted) = match input.outcome {
        Outcome::Reject => {
            if reason.is_empty() {
                return Err(
                    ValidationError::new("grant_decision_reason", Problem::Required).into(),
                );
            }
            (Status::Afslaaet, None)
        }
        Outcome::Grant => {
            let amount = positive_within_max(
                "amount_granted",
                &input.amount,
                pool.max_per_application_ore,
            )?;
            if amount > old.requested_ore {
                return Err(GrantError::GrantedAboveRequested {
                    amount,
                    requested: old.requested_ore,
                });
            }
            let others = granted_sum(&tx, old.year, Some(id))?;
            let remaining = pool.total_ore - others;
            if amount > remaining {
                return Err(GrantError::ExceedsPool { amount, remaining });
            }
            if amount < old.requested_ore && reason.is_empty() {
                return Err(
                    ValidationError::new("grant_decision_reason", Problem::Required).into(),
                );
            }
            let status = if amount == old.requested_ore {
                Status::Bevilget
            } else {
                Status::DelvistBevilget
            };
            (status, Some(amount))
        }
    };
    let decided = iso(decided_on);
    set_status(
        &tx,
        id,
        status,
        ", decided_on = ?4, granted_ore = ?5, decision_reason = ?6",
        &[&decided, &granted, &reason],
    )?;
    record(
        &tx,
        id,
        decided_on,
        "decision",
        Some(old.status),
        Some(status),
        old.granted_ore,
        granted,
        &reason,
    )?;
    tx.commit()?;
    application(conn, id)
}

/// Records the payout of a granted application (bevilget / delvist bevilget
/// → udbetalt).
pub fn pay(conn: &mut Connection, id: &str, paid_on: &str) -> Result<Application> {
    let tx = begin(conn)?;
    let old = live(&tx, id)?;
    if !matches!(old.status, Status::Bevilget | Status::DelvistBevilget) {
        return Err(GrantError::IllegalTransition {
            from: old.status,
            action: Action::Pay,
        });
    }
    let paid = required_date("grant_paid_on", paid_on)?;
    not_before("grant_paid_on", paid, "grant_decided_on", old.decided_on)?;
    let paid_iso = iso(paid);
    set_status(&tx, id, Status::Udbetalt, ", paid_on = ?4", &[&paid_iso])?;
    record(
        &tx,
        id,
        paid,
        "status",
        Some(old.status),
        Some(Status::Udbetalt),
        old.granted_ore,
        old.granted_ore,
        "",
    )?;
    tx.commit()?;
    application(conn, id)
}

/// Records (or corrects) the partner's report after a paid activity
/// (udbetalt → afrapporteret).
pub fn report(conn: &mut Connection, id: &str, input: &ReportInput) -> Result<Application> {
    let tx = begin(conn)?;
    let old = live(&tx, id)?;
    if !old.status.is_paid() {
        return Err(GrantError::IllegalTransition {
            from: old.status,
            action: Action::Report,
        });
    }
    let reach = check_reach("grant_actual_reach", input.actual_reach)?
        .ok_or_else(|| ValidationError::new("grant_actual_reach", Problem::Required))?;
    let text = validate::text(
        "grant_report_text",
        &input.report_text,
        MAX_LONG_TEXT,
        true,
        true,
    )?;
    let reported_on = required_date("grant_reported_on", &input.reported_on)?;
    not_before(
        "grant_reported_on",
        reported_on,
        "grant_paid_on",
        old.paid_on,
    )?;
    let reported_iso = iso(reported_on);
    set_status(
        &tx,
        id,
        Status::Afrapporteret,
        ", actual_reach = ?4, report_text = ?5, reported_on = ?6",
        &[&reach, &text, &reported_iso],
    )?;
    record(
        &tx,
        id,
        reported_on,
        if old.status == Status::Afrapporteret {
            "report_corrected"
        } else {
            "status"
        },
        Some(old.status),
        Some(Status::Afrapporteret),
        None,
        None,
        "",
    )?;
    tx.commit()?;
    application(conn, id)
}

/// Corrects the amount of a paid grant with a recorded adjustment.
pub fn adjust(conn: &mut Connection, id: &str, input: &AdjustInput) -> Result<Application> {
    let tx = begin(conn)?;
    let old = live(&tx, id)?;
    if !old.status.is_paid() {
        return Err(GrantError::IllegalTransition {
            from: old.status,
            action: Action::Adjust,
        });
    }
    let current = old.granted_ore.unwrap_or(0);
    let pool = load_pool(&tx, old.year)?;
    let amount = parse_ore("adjustment_amount", &input.amount)?;
    if amount > pool.max_per_application_ore {
        return Err(GrantError::AboveMaxPerApplication {
            field: "adjustment_amount",
            amount,
            max: pool.max_per_application_ore,
        });
    }
    if amount == current {
        return Err(GrantError::AdjustmentUnchanged { amount });
    }
    let others = granted_sum(&tx, old.year, Some(id))?;
    let remaining = pool.total_ore - others;
    if amount > remaining {
        return Err(GrantError::ExceedsPool { amount, remaining });
    }
    let adjusted_on = required_date("adjusted_on", &input.adjusted_on)?;
    not_before("adjusted_on", adjusted_on, "grant_paid_on", old.paid_on)?;
    let reason = validate::text(
        "adjustment_reason",
        &input.reason,
        MAX_ADJUSTMENT_REASON,
        true,
        true,
    )?;
    tx.execute(
        "INSERT INTO grant_adjustments (id, application_id, adjusted_on, amount_before_ore,
             amount_after_ore, reason, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            new_id(),
            id,
            iso(adjusted_on),
            current,
            amount,
            reason,
            now()
        ],
    )?;
    tx.execute(
        "UPDATE grant_applications SET granted_ore = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, amount, now()],
    )?;
    record(
        &tx,
        id,
        adjusted_on,
        "adjusted",
        None,
        None,
        Some(current),
        Some(amount),
        &reason,
    )?;
    tx.commit()?;
    application(conn, id)
}

/// Deletes an application that has not been paid. It stays in the database,
/// marked deleted, with its history; an unpaid grant goes back to the pool.
pub fn delete(conn: &mut Connection, id: &str) -> Result<()> {
    let tx = begin(conn)?;
    let old = live(&tx, id)?;
    if old.status.is_paid() {
        return Err(GrantError::PaidCannotBeDeleted {
            amount: old.granted_ore.unwrap_or(0),
        });
    }
    tx.execute(
        "UPDATE grant_applications SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
        params![id, now()],
    )?;
    record(
        &tx,
        id,
        today(),
        "deleted",
        Some(old.status),
        None,
        old.granted_ore,
        None,
        "",
    )?;
    tx.commit()?;
    Ok(())
}

/// Every change of status or amount of an application, oldest first.
pub fn history(conn: &Connection, id: &str) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT changed_on, event, status_from, status_to, amount_from_ore, amount_to_ore, note, created_at
         FROM grant_history WHERE application_id = ?1 ORDER BY created_at, rowid",
    )?;
    let rows = stmt
        .query_map([id], |r| {
            Ok(HistoryEntry {
                changed_on: date_col(r, 0)?,
                event: r.get(1)?,
                status_from: opt_status_col(r, 2)?,
                status_to: opt_status_col(r, 3)?,
                amount_from_ore: r.get(4)?,
                amount_to_ore: r.get(5)?,
                note: r.get(6)?,
                created_at: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The recorded adjustments of a paid grant, oldest first.
pub fn adjustments(conn: &Connection, id: &str) -> Result<Vec<Adjustment>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, adjusted_on, amount_before_ore, amount_after_ore, reason, created_at
         FROM grant_adjustments WHERE application_id = ?1 ORDER BY created_at, rowid",
    )?;
    let rows = stmt
        .query_map([id], |r| {
            Ok(Adjustment {
                id: r.get(0)?,
                adjusted_on: date_col(r, 1)?,
                amount_before_ore: r.get(2)?,
                amount_after_ore: r.get(3)?,
                reason: r.get(4)?,
                created_at: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

// --------------------------------------------------------------- overview

const GRANTED: &str = "('bevilget', 'delvist_bevilget', 'udbetalt', 'afrapporteret')";
const PAID: &str = "('udbetalt', 'afrapporteret')";

/// Pool, granted, paid and remaining for `year`, counts by status, and
/// totals by goal and by partner kind.
pub fn overview(conn: &Connection, year: i32, lang: Lang) -> Result<YearOverview> {
    let pool = pool(conn, year)?;
    let total_ore = pool.as_ref().map_or(0, |p| p.total_ore);
    let (granted_ore, paid_ore, pending_ore): (i64, i64, i64) = conn.query_row(
        &format!(
            "SELECT coalesce(sum(CASE WHEN status IN {GRANTED} THEN granted_ore END), 0),
                    coalesce(sum(CASE WHEN status IN {PAID} THEN granted_ore END), 0),
                    coalesce(sum(CASE WHEN status IN ('modtaget', 'under_behandling') THEN requested_ore END), 0)
             FROM grant_applications WHERE year = ?1 AND deleted_at IS NULL"
        ),
        [year],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let mut counts = Vec::new();
    for status in Status::ALL {
        let count: i64 = conn.query_row(
            "SELECT count(*) FROM grant_applications WHERE year = ?1 AND deleted_at IS NULL AND status = ?2",
            params![year, status.as_str()],
            |r| r.get(0),
        )?;
        counts.push(StatusCount { status, count });
    }
    let (by_goal, by_kind) = group_totals(conn, year, lang)?;
    Ok(YearOverview {
        year,
        pool,
        total_ore,
        granted_ore,
        paid_ore,
        remaining_ore: total_ore - granted_ore,
        pending_ore,
        counts,
        by_goal,
        by_kind,
    })
}

/// Money and counts of `year`'s live applications by the partners' goals
/// (in the programme's order; a partner with several goals counts under
/// each) and by partner kind (in the order of the kinds' codes).
fn group_totals(
    conn: &Connection,
    year: i32,
    lang: Lang,
) -> Result<(Vec<GroupTotal>, Vec<GroupTotal>)> {
    let mut stmt = conn.prepare_cached(
        "SELECT partner_id, status, granted_ore FROM grant_applications
         WHERE year = ?1 AND deleted_at IS NULL",
    )?;
    let apps: Vec<(String, Status, Option<i64>)> = stmt
        .query_map([year], |r| Ok((r.get(0)?, status_col(r, 1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let found = AppPartners::read(conn, apps.iter().map(|a| a.0.clone()))?;
    let add = |t: &mut GroupTotal, status: Status, granted: Option<i64>| {
        t.applications += 1;
        if status.is_granted() {
            t.granted_ore += granted.unwrap_or(0);
        }
        if status.is_paid() {
            t.paid_ore += granted.unwrap_or(0);
        }
    };
    let total = |key: &str, label: String| GroupTotal {
        key: key.to_string(),
        label,
        applications: 0,
        granted_ore: 0,
        paid_ore: 0,
    };
    let mut by_goal: Vec<GroupTotal> = settings::goals(conn, true)?
        .into_iter()
        .map(|g| total(&g.id, g.title))
        .collect();
    let mut by_kind: std::collections::BTreeMap<&str, GroupTotal> = Default::default();
    for (partner_id, status, granted) in &apps {
        for goal in found.goals(partner_id) {
            if let Some(t) = by_goal.iter_mut().find(|t| &t.key == goal) {
                add(t, *status, *granted);
            }
        }
        if let Some(kind) = found.kind(partner_id) {
            let t = by_kind
                .entry(kind)
                .or_insert_with(|| total(kind, labels::kind_code(kind, lang)));
            add(t, *status, *granted);
        }
    }
    by_goal.retain(|t| t.applications > 0);
    Ok((by_goal, by_kind.into_values().collect()))
}

/// The text `sundby grants --year YYYY` prints.
pub fn summary_text(conn: &Connection, year: i32, lang: Lang) -> Result<String> {
    let o = overview(conn, year, lang)?;
    let f = money::format_ore;
    let Some(p) = &o.pool else {
        return Ok(match lang {
            Lang::Da => format!("Der er ingen pulje for {year}.\n"),
            Lang::En => format!("There is no pool for {year}.\n"),
        });
    };
    let rows: [(&str, &str, i64); 5] = [
        ("Pulje", "Pool", p.total_ore),
        ("Bevilget", "Granted", o.granted_ore),
        ("Udbetalt", "Paid", o.paid_ore),
        ("Tilbage", "Remaining", o.remaining_ore),
        ("Afventer afgørelse", "Awaiting decision", o.pending_ore),
    ];
    let width = rows
        .iter()
        .map(|(da, en, _)| if lang == Lang::Da { da } else { en }.chars().count())
        .max()
        .unwrap_or(0);
    let amount_width = rows
        .iter()
        .map(|r| f(r.2).chars().count())
        .max()
        .unwrap_or(0);
    let mut out = match lang {
        Lang::Da => format!("Puljen {year}\n"),
        Lang::En => format!("Grant pool {year}\n"),
    };
    for (da, en, amount) in rows {
        let label = if lang == Lang::Da { da } else { en };
        out.push_str(&format!("{label:<width$}  {:>amount_width$}\n", f(amount)));
    }
    let applications: i64 = o.counts.iter().map(|c| c.count).sum();
    out.push_str(&match lang {
        Lang::Da => format!(
            "Ansøgninger: {applications} (maks. {} pr. ansøgning)\n",
            f(p.max_per_application_ore)
        ),
        Lang::En => format!(
            "Applications: {applications} (at most {} each)\n",
            f(p.max_per_application_ore)
        ),
    });
    Ok(out)
}

/// The partners an application can be made for: every partner that can be
/// picked ([`partners::pickable`]: not in the bin, not erased), whatever its
/// status, in Danish order.
pub fn partner_choices(conn: &Connection) -> Result<Vec<PartnerOption>> {
    Ok(partners::pickable(conn, None)?)
}
