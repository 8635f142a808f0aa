//! The steps of an application after it is received: review, decision,
//! payout, report, and the correction of a paid grant. Each step checks the
//! status it starts from, its dates and its amounts inside the transaction
//! that writes it, and records a line of history.
//!
//! Decisions (where the issue was silent):
//! - A decision is made from "under behandling"; it may be changed (to another
//!   amount, or between granted and rejected) until the grant is paid.
//!   Granting the full requested amount gives "bevilget", less gives
//!   "delvist bevilget"; more than requested is refused. A rejection or a
//!   partial grant needs a reason.
//! - An adjustment of a paid grant sets the new amount (money paid back or
//!   paid in addition) with a date and a reason; it may bring the amount to
//!   0,00 kr. (everything paid back) but never above the maximum per
//!   application nor the pool.

use super::applications::{application, live, Application};
use super::history::{record_adjustment, Change, HistoryEvent};
use super::pools::{load_pool, Pool};
use super::rules::{check_reach, not_before, positive_within_max, required_date, within_pool};
use super::sql::{begin, Result};
use super::{Action, GrantError, Status, MAX_ADJUSTMENT_REASON, MAX_LONG_TEXT};
use crate::dates::iso;
use crate::money::parse_ore;
use crate::store::now;
use crate::validate::{self, Problem, ValidationError};
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

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

/// A checked step and what it writes beside the new status.
enum Step<'a> {
    Review,
    Decision {
        status: Status,
        decided_on: NaiveDate,
        granted: Option<i64>,
        reason: &'a str,
    },
    Payout {
        paid_on: NaiveDate,
    },
    Report {
        reach: i64,
        text: &'a str,
        reported_on: NaiveDate,
    },
}

impl Step<'_> {
    fn status(&self) -> Status {
        match self {
            Step::Review => Status::UnderBehandling,
            Step::Decision { status, .. } => *status,
            Step::Payout { .. } => Status::Udbetalt,
            Step::Report { .. } => Status::Afrapporteret,
        }
    }

    /// Sets the status and the step's columns in one statement (the table's
    /// checks tie a status to its amount and dates).
    fn write(&self, tx: &Connection, id: &str) -> Result<()> {
        let (status, stamp) = (self.status(), now());
        match self {
            Step::Review => tx.execute(
                "UPDATE grant_applications SET status = ?2, updated_at = ?3 WHERE id = ?1",
                params![id, status, stamp],
            )?,
            Step::Decision {
                decided_on,
                granted,
                reason,
                ..
            } => tx.execute(
                "UPDATE grant_applications SET status = ?2, updated_at = ?3,
                     decided_on = ?4, granted_ore = ?5, decision_reason = ?6
                 WHERE id = ?1",
                params![id, status, stamp, iso(*decided_on), granted, reason],
            )?,
            Step::Payout { paid_on } => tx.execute(
                "UPDATE grant_applications SET status = ?2, updated_at = ?3, paid_on = ?4
                 WHERE id = ?1",
                params![id, status, stamp, iso(*paid_on)],
            )?,
            Step::Report {
                reach,
                text,
                reported_on,
            } => tx.execute(
                "UPDATE grant_applications SET status = ?2, updated_at = ?3,
                     actual_reach = ?4, report_text = ?5, reported_on = ?6
                 WHERE id = ?1",
                params![id, status, stamp, reach, text, iso(*reported_on)],
            )?,
        };
        Ok(())
    }
}

/// Refuses `action` on an application whose status is not `allowed`.
fn check_from(old: &Application, action: Action, allowed: bool) -> Result<()> {
    if allowed {
        Ok(())
    } else {
        Err(GrantError::IllegalTransition {
            from: old.status,
            action,
        })
    }
}

/// modtaget → under behandling.
pub fn start_review(conn: &mut Connection, id: &str) -> Result<Application> {
    let tx = begin(conn)?;
    let old = live(&tx, id)?;
    check_from(&old, Action::StartReview, old.status == Status::Modtaget)?;
    let step = Step::Review;
    step.write(&tx, id)?;
    Change::new(HistoryEvent::Status, crate::dates::today())
        .status(Some(old.status), Some(step.status()))
        .record(&tx, id)?;
    tx.commit()?;
    application(conn, id)
}

/// The status and amount a decision gives, checked against the request, the
/// maximum and what is left in the pool.
fn outcome(
    tx: &Connection,
    old: &Application,
    pool: &Pool,
    input: &DecisionInput,
    reason: &str,
) -> Result<(Status, Option<i64>)> {
    let reason_required = || ValidationError::new("grant_decision_reason", Problem::Required);
    if input.outcome == Outcome::Reject {
        if reason.is_empty() {
            return Err(reason_required().into());
        }
        return Ok((Status::Afslaaet, None));
    }
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
    within_pool(tx, old.year, pool.total_ore, &old.id, amount)?;
    if amount < old.requested_ore && reason.is_empty() {
        return Err(reason_required().into());
    }
    let status = if amount == old.requested_ore {
        Status::Bevilget
    } else {
        Status::DelvistBevilget
    };
    Ok((status, Some(amount)))
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
    check_from(&old, Action::Decide, allowed)?;
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
    let (status, granted) = outcome(&tx, &old, &pool, input, &reason)?;
    Step::Decision {
        status,
        decided_on,
        granted,
        reason: &reason,
    }
    .write(&tx, id)?;
    Change::new(HistoryEvent::Decision, decided_on)
        .status(Some(old.status), Some(status))
        .amount(old.granted_ore, granted)
        .note(&reason)
        .record(&tx, id)?;
    tx.commit()?;
    application(conn, id)
}

/// Records the payout of a granted application (bevilget / delvist bevilget
/// → udbetalt).
pub fn pay(conn: &mut Connection, id: &str, paid_on: &str) -> Result<Application> {
    let tx = begin(conn)?;
    let old = live(&tx, id)?;
    let allowed = matches!(old.status, Status::Bevilget | Status::DelvistBevilget);
    check_from(&old, Action::Pay, allowed)?;
    let paid_on = required_date("grant_paid_on", paid_on)?;
    not_before("grant_paid_on", paid_on, "grant_decided_on", old.decided_on)?;
    let step = Step::Payout { paid_on };
    step.write(&tx, id)?;
    Change::new(HistoryEvent::Status, paid_on)
        .status(Some(old.status), Some(step.status()))
        .amount(old.granted_ore, old.granted_ore)
        .record(&tx, id)?;
    tx.commit()?;
    application(conn, id)
}

/// Records (or corrects) the partner's report after a paid activity
/// (udbetalt → afrapporteret).
pub fn report(conn: &mut Connection, id: &str, input: &ReportInput) -> Result<Application> {
    let tx = begin(conn)?;
    let old = live(&tx, id)?;
    check_from(&old, Action::Report, old.status.is_paid())?;
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
    let step = Step::Report {
        reach,
        text: &text,
        reported_on,
    };
    step.write(&tx, id)?;
    let event = if old.status == Status::Afrapporteret {
        HistoryEvent::ReportCorrected
    } else {
        HistoryEvent::Status
    };
    Change::new(event, reported_on)
        .status(Some(old.status), Some(step.status()))
        .record(&tx, id)?;
    tx.commit()?;
    application(conn, id)
}

/// Corrects the amount of a paid grant with a recorded adjustment.
pub fn adjust(conn: &mut Connection, id: &str, input: &AdjustInput) -> Result<Application> {
    let tx = begin(conn)?;
    let old = live(&tx, id)?;
    check_from(&old, Action::Adjust, old.status.is_paid())?;
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
    within_pool(&tx, old.year, pool.total_ore, id, amount)?;
    let adjusted_on = required_date("adjusted_on", &input.adjusted_on)?;
    not_before("adjusted_on", adjusted_on, "grant_paid_on", old.paid_on)?;
    let reason = validate::text(
        "adjustment_reason",
        &input.reason,
        MAX_ADJUSTMENT_REASON,
        true,
        true,
    )?;
    record_adjustment(&tx, id, adjusted_on, (current, amount), &reason)?;
    tx.execute(
        "UPDATE grant_applications SET granted_ore = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, amount, now()],
    )?;
    Change::new(HistoryEvent::Adjusted, adjusted_on)
        .amount(Some(current), Some(amount))
        .note(&reason)
        .record(&tx, id)?;
    tx.commit()?;
    application(conn, id)
}
