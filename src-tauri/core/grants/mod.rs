//! The grant pool (puljen): one pool per year, applications from partners,
//! decisions, payouts, reports, and corrections of paid grants.
//!
//! Money is where a mistake hurts most, so every rule is enforced here, in the
//! core, inside the same `BEGIN IMMEDIATE` transaction as the change:
//! - requested and granted amounts are above zero and at most the pool's
//!   maximum per application;
//! - the sum granted in a year never exceeds the year's pool;
//! - a pool cannot be lowered below what is already granted;
//! - a paid grant cannot be deleted, only corrected by a recorded adjustment;
//! - status moves only along modtaget → under behandling → bevilget /
//!   delvist bevilget / afslået → udbetalt → afrapporteret (a decision may be
//!   changed until the grant is paid).
//!
//! Every refusal is its own [`GrantError`] variant whose message names the
//! amounts. Migration 004 adds triggers as a last line of defence.
//!
//! Submodules: [`pools`] (a year's pool), [`applications`] (register, list,
//! correct, delete), [`decisions`] (review, decision, payout, report,
//! adjustment), [`history`] (the typed history of an application and its
//! adjustments), [`overview`] (the year at a glance), [`partners`] (what the
//! pool reads of the partner register, through its functions), [`granted`]
//! (what other areas may read: the money granted in a period), [`export`]
//! (XLSX for the finance department), [`letter`] (the decision letter PDF).
//! `rules` and `sql` hold the checks and column conversions they share.
//! Amounts are parsed and formatted by the shared [`crate::money`].

pub mod applications;
pub mod decisions;
pub mod export;
pub mod granted;
pub mod history;
pub mod letter;
pub mod overview;
pub mod partners;
pub mod period;
pub mod pools;
mod rules;
mod sql;

pub use applications::{
    application, applications, create_application, delete, update_application, Application,
    ApplicationFilter, ApplicationInput,
};
pub use decisions::{
    adjust, decide, pay, report, start_review, AdjustInput, DecisionInput, Outcome, ReportInput,
};
pub use history::{adjustments, history, Adjustment, HistoryEntry, HistoryEvent};
pub use overview::{overview, summary_text, GroupTotal, StatusCount, YearOverview};
pub use partners::partner_choices;
pub use pools::{create_pool, ensure_pool, pool, pools, update_pool, Pool, PoolInput};

use crate::dates;
use crate::i18n::{field_label, Lang, Localize};
use crate::money::{self, format_ore, AmountError};
use crate::store::StoreError;
use crate::validate::ValidationError;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The default pool of a new year: 100.000,00 kr.
pub const DEFAULT_POOL_ORE: i64 = 10_000_000;
/// The default maximum per application: 5.000,00 kr.
pub const DEFAULT_MAX_PER_APPLICATION_ORE: i64 = 500_000;
/// The years a pool may be made for.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2999;
/// The largest reach (number of people) accepted.
pub const MAX_REACH: i64 = 10_000_000;
/// Longest purpose (one line).
pub const MAX_PURPOSE: usize = 200;
/// Longest description, criteria, decision reason or report text.
pub const MAX_LONG_TEXT: usize = 4_000;
/// Longest reason for an adjustment.
pub const MAX_ADJUSTMENT_REASON: usize = 500;

/// Where an application is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Modtaget,
    UnderBehandling,
    Bevilget,
    DelvistBevilget,
    Afslaaet,
    Udbetalt,
    Afrapporteret,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Modtaget,
        Status::UnderBehandling,
        Status::Bevilget,
        Status::DelvistBevilget,
        Status::Afslaaet,
        Status::Udbetalt,
        Status::Afrapporteret,
    ];

    /// The value stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Modtaget => "modtaget",
            Status::UnderBehandling => "under_behandling",
            Status::Bevilget => "bevilget",
            Status::DelvistBevilget => "delvist_bevilget",
            Status::Afslaaet => "afslaaet",
            Status::Udbetalt => "udbetalt",
            Status::Afrapporteret => "afrapporteret",
        }
    }

    /// The name a person reads.
    pub fn label(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Da, Status::Modtaget) => "Modtaget",
            (Lang::Da, Status::UnderBehandling) => "Under behandling",
            (Lang::Da, Status::Bevilget) => "Bevilget",
            (Lang::Da, Status::DelvistBevilget) => "Delvist bevilget",
            (Lang::Da, Status::Afslaaet) => "Afslået",
            (Lang::Da, Status::Udbetalt) => "Udbetalt",
            (Lang::Da, Status::Afrapporteret) => "Afrapporteret",
            (Lang::En, Status::Modtaget) => "Received",
            (Lang::En, Status::UnderBehandling) => "Under review",
            (Lang::En, Status::Bevilget) => "Granted",
            (Lang::En, Status::DelvistBevilget) => "Partly granted",
            (Lang::En, Status::Afslaaet) => "Rejected",
            (Lang::En, Status::Udbetalt) => "Paid",
            (Lang::En, Status::Afrapporteret) => "Reported",
        }
    }

    /// Holds money from the pool (granted, whether paid or not).
    pub fn is_granted(self) -> bool {
        matches!(
            self,
            Status::Bevilget | Status::DelvistBevilget | Status::Udbetalt | Status::Afrapporteret
        )
    }

    /// The money has left the municipality.
    pub fn is_paid(self) -> bool {
        matches!(self, Status::Udbetalt | Status::Afrapporteret)
    }

    /// Still waiting for a decision: the request may be edited.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Modtaget | Status::UnderBehandling)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or(())
    }
}

/// What a person tried to do to an application (named in refusals).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    StartReview,
    Decide,
    Pay,
    Report,
    Adjust,
    Edit,
    Delete,
    Letter,
}

impl Action {
    fn label(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Da, Action::StartReview) => "sættes under behandling",
            (Lang::Da, Action::Decide) => "afgøres",
            (Lang::Da, Action::Pay) => "udbetales",
            (Lang::Da, Action::Report) => "afrapporteres",
            (Lang::Da, Action::Adjust) => "korrigeres",
            (Lang::Da, Action::Edit) => "rettes",
            (Lang::Da, Action::Delete) => "slettes",
            (Lang::Da, Action::Letter) => "få et afgørelsesbrev endnu",
            (Lang::En, Action::StartReview) => "be put under review",
            (Lang::En, Action::Decide) => "be decided",
            (Lang::En, Action::Pay) => "be paid",
            (Lang::En, Action::Report) => "be reported on",
            (Lang::En, Action::Adjust) => "be adjusted",
            (Lang::En, Action::Edit) => "be edited",
            (Lang::En, Action::Delete) => "be deleted",
            (Lang::En, Action::Letter) => "get a decision letter yet",
        }
    }
}

/// Every way a change to the grant pool can be refused or fail.
#[derive(Debug, thiserror::Error)]
pub enum GrantError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error(transparent)]
    Amount(#[from] AmountError),
    #[error("{field}: amount must be above zero")]
    AmountNotPositive { field: &'static str },
    #[error("{field}: {amount} øre is above the maximum {max} øre per application")]
    AboveMaxPerApplication {
        field: &'static str,
        amount: i64,
        max: i64,
    },
    #[error("granted {amount} øre is more than the {requested} øre requested")]
    GrantedAboveRequested { amount: i64, requested: i64 },
    #[error("granting {amount} øre would exceed the pool: {remaining} øre left")]
    ExceedsPool { amount: i64, remaining: i64 },
    #[error("pool {total} øre would be below the {granted} øre already granted")]
    PoolBelowGranted { total: i64, granted: i64 },
    #[error("maximum {max} øre is below an existing amount of {largest} øre")]
    MaxBelowExisting { max: i64, largest: i64 },
    #[error("maximum per application {max} øre is above the pool {total} øre")]
    MaxAboveTotal { max: i64, total: i64 },
    #[error("a pool for {0} exists already")]
    PoolExists(i32),
    #[error("no pool for {0}")]
    NoPool(i32),
    #[error("year {0} is out of range")]
    YearOutOfRange(i32),
    #[error("a paid grant of {amount} øre cannot be deleted")]
    PaidCannotBeDeleted { amount: i64 },
    #[error("an application with status {from} cannot {action:?}")]
    IllegalTransition { from: Status, action: Action },
    #[error("{field} cannot change after the decision")]
    LockedAfterDecision { field: &'static str },
    #[error("the adjustment does not change the amount {amount} øre")]
    AdjustmentUnchanged { amount: i64 },
    #[error("{field}: a number from 0 to {max} is expected")]
    ReachOutOfRange { field: &'static str, max: i64 },
    #[error("{field} is before {before_field}")]
    DateOrder {
        field: &'static str,
        before_field: &'static str,
        before: chrono::NaiveDate,
    },
    #[error("no application with id {0}")]
    NotFound(String),
    #[error("no partner with id {0}")]
    PartnerNotFound(String),
    #[error(transparent)]
    Files(#[from] crate::files::FileError),
    #[error("spreadsheet error: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("PDF error: {0}")]
    Pdf(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for GrantError {
    fn from(e: rusqlite::Error) -> Self {
        GrantError::Store(StoreError::Sqlite(e))
    }
}

impl From<crate::settings::SettingsError> for GrantError {
    fn from(e: crate::settings::SettingsError) -> Self {
        match e {
            crate::settings::SettingsError::Invalid(v) => GrantError::Invalid(v),
            crate::settings::SettingsError::Store(s) => GrantError::Store(s),
            other => GrantError::Pdf(other.message(Lang::En)),
        }
    }
}

impl Localize for GrantError {
    fn code(&self) -> &'static str {
        match self {
            GrantError::Invalid(e) => e.code(),
            GrantError::Amount(e) => e.code(),
            GrantError::AmountNotPositive { .. } => "grants.amount_not_positive",
            GrantError::AboveMaxPerApplication { .. } => "grants.above_max_per_application",
            GrantError::GrantedAboveRequested { .. } => "grants.granted_above_requested",
            GrantError::ExceedsPool { .. } => "grants.exceeds_pool",
            GrantError::PoolBelowGranted { .. } => "grants.pool_below_granted",
            GrantError::MaxBelowExisting { .. } => "grants.max_below_existing",
            GrantError::MaxAboveTotal { .. } => "grants.max_above_total",
            GrantError::PoolExists(_) => "grants.pool_exists",
            GrantError::NoPool(_) => "grants.no_pool",
            GrantError::YearOutOfRange(_) => "grants.year_out_of_range",
            GrantError::PaidCannotBeDeleted { .. } => "grants.paid_cannot_be_deleted",
            GrantError::IllegalTransition { .. } => "grants.illegal_transition",
            GrantError::LockedAfterDecision { .. } => "grants.locked_after_decision",
            GrantError::AdjustmentUnchanged { .. } => "grants.adjustment_unchanged",
            GrantError::ReachOutOfRange { .. } => "grants.reach_out_of_range",
            GrantError::DateOrder { .. } => "grants.date_order",
            GrantError::NotFound(_) => "grants.not_found",
            GrantError::PartnerNotFound(_) => "grants.partner_not_found",
            GrantError::Files(e) => e.code(),
            GrantError::Xlsx(_) => "grants.xlsx",
            GrantError::Pdf(_) => "grants.pdf",
            GrantError::Store(e) => e.code(),
        }
    }

    fn field(&self) -> Option<&'static str> {
        match self {
            GrantError::Invalid(e) => e.field(),
            GrantError::Amount(e) => e.field(),
            GrantError::AmountNotPositive { field }
            | GrantError::AboveMaxPerApplication { field, .. }
            | GrantError::LockedAfterDecision { field }
            | GrantError::ReachOutOfRange { field, .. }
            | GrantError::DateOrder { field, .. } => Some(field),
            GrantError::GrantedAboveRequested { .. } | GrantError::ExceedsPool { .. } => {
                Some("amount_granted")
            }
            GrantError::PoolBelowGranted { .. } => Some("pool_total"),
            GrantError::MaxBelowExisting { .. } | GrantError::MaxAboveTotal { .. } => {
                Some("pool_max")
            }
            GrantError::AdjustmentUnchanged { .. } => Some("adjustment_amount"),
            GrantError::PartnerNotFound(_) => Some("grant_partner"),
            GrantError::YearOutOfRange(_) | GrantError::PoolExists(_) => Some("grant_year"),
            GrantError::Files(e) => e.field(),
            _ => None,
        }
    }

    fn message(&self, lang: Lang) -> String {
        use GrantError as E;
        let f = format_ore;
        match (lang, self) {
            (_, E::Invalid(e)) => e.message(lang),
            (_, E::Amount(e)) => e.message(lang),
            (_, E::Store(e)) => e.message(lang),
            (_, E::Files(e)) => e.message(lang),
            (Lang::Da, E::AmountNotPositive { field }) => {
                format!("{} skal være større end 0,00 kr.", field_label(field, lang))
            }
            (Lang::En, E::AmountNotPositive { field }) => {
                format!("{} must be more than 0,00 kr.", field_label(field, lang))
            }
            (Lang::Da, E::AboveMaxPerApplication { field, amount, max }) => format!(
                "{} på {} er over puljens maksimum på {} pr. ansøgning",
                field_label(field, lang),
                f(*amount),
                f(*max)
            ),
            (Lang::En, E::AboveMaxPerApplication { field, amount, max }) => format!(
                "{} of {} is above the pool's maximum of {} per application",
                field_label(field, lang),
                f(*amount),
                f(*max)
            ),
            (Lang::Da, E::GrantedAboveRequested { amount, requested }) => format!(
                "Der kan ikke bevilges {}, for der er kun søgt om {}",
                f(*amount),
                f(*requested)
            ),
            (Lang::En, E::GrantedAboveRequested { amount, requested }) => format!(
                "{} cannot be granted: only {} was requested",
                f(*amount),
                f(*requested)
            ),
            (Lang::Da, E::ExceedsPool { amount, remaining }) => format!(
                "Bevillingen på {} vil overskride puljen: der er {} tilbage",
                f(*amount),
                f(*remaining)
            ),
            (Lang::En, E::ExceedsPool { amount, remaining }) => format!(
                "The grant of {} would exceed the pool: {} is left",
                f(*amount),
                f(*remaining)
            ),
            (Lang::Da, E::PoolBelowGranted { total, granted }) => format!(
                "Puljen kan ikke sættes til {}, for der er allerede bevilget {}",
                f(*total),
                f(*granted)
            ),
            (Lang::En, E::PoolBelowGranted { total, granted }) => format!(
                "The pool cannot be set to {}: {} has already been granted",
                f(*total),
                f(*granted)
            ),
            (Lang::Da, E::MaxBelowExisting { max, largest }) => format!(
                "Maksimum pr. ansøgning kan ikke sættes til {}, for en ansøgning i året er allerede på {}",
                f(*max),
                f(*largest)
            ),
            (Lang::En, E::MaxBelowExisting { max, largest }) => format!(
                "The maximum per application cannot be set to {}: an application this year is already for {}",
                f(*max),
                f(*largest)
            ),
            (Lang::Da, E::MaxAboveTotal { max, total }) => format!(
                "Maksimum pr. ansøgning ({}) kan ikke være større end hele puljen ({})",
                f(*max),
                f(*total)
            ),
            (Lang::En, E::MaxAboveTotal { max, total }) => format!(
                "The maximum per application ({}) cannot be more than the whole pool ({})",
                f(*max),
                f(*total)
            ),
            (Lang::Da, E::PoolExists(y)) => format!("Der findes allerede en pulje for {y}"),
            (Lang::En, E::PoolExists(y)) => format!("A pool for {y} already exists"),
            (Lang::Da, E::NoPool(y)) => {
                format!("Der er ingen pulje for {y}. Opret puljen først.")
            }
            (Lang::En, E::NoPool(y)) => format!("There is no pool for {y}. Create it first."),
            (Lang::Da, E::YearOutOfRange(y)) => {
                format!("Året {y} skal ligge mellem 2000 og 2999")
            }
            (Lang::En, E::YearOutOfRange(y)) => {
                format!("The year {y} must be between 2000 and 2999")
            }
            (Lang::Da, E::PaidCannotBeDeleted { amount }) => format!(
                "Bevillingen på {} er udbetalt og kan ikke slettes. Ret beløbet med en korrektion i stedet.",
                f(*amount)
            ),
            (Lang::En, E::PaidCannotBeDeleted { amount }) => format!(
                "The grant of {} has been paid and cannot be deleted. Correct the amount with an adjustment instead.",
                f(*amount)
            ),
            (_, E::IllegalTransition { from, action }) => match lang {
                Lang::Da => format!(
                    "En ansøgning med status »{}« kan ikke {}",
                    from.label(lang),
                    action.label(lang)
                ),
                Lang::En => format!(
                    "An application with status \"{}\" cannot {}",
                    from.label(lang),
                    action.label(lang)
                ),
            },
            (Lang::Da, E::LockedAfterDecision { field }) => format!(
                "{} kan ikke ændres, når ansøgningen er afgjort",
                field_label(field, lang)
            ),
            (Lang::En, E::LockedAfterDecision { field }) => format!(
                "{} cannot change once the application is decided",
                field_label(field, lang)
            ),
            (Lang::Da, E::AdjustmentUnchanged { amount }) => format!(
                "Korrektionen ændrer ikke beløbet; det er allerede {}",
                f(*amount)
            ),
            (Lang::En, E::AdjustmentUnchanged { amount }) => format!(
                "The adjustment does not change the amount; it is already {}",
                f(*amount)
            ),
            (Lang::Da, E::ReachOutOfRange { field, max }) => format!(
                "{} skal være et helt tal fra 0 til {}",
                field_label(field, lang),
                money::format_number(*max * 100).trim_end_matches(",00")
            ),
            (Lang::En, E::ReachOutOfRange { field, max }) => format!(
                "{} must be a whole number from 0 to {max}",
                field_label(field, lang)
            ),
            (Lang::Da, E::DateOrder {
                field,
                before_field,
                before,
            }) => format!(
                "{} må ikke ligge før {} ({})",
                field_label(field, lang),
                field_label(before_field, lang).to_lowercase(),
                dates::short(*before)
            ),
            (Lang::En, E::DateOrder {
                field,
                before_field,
                before,
            }) => format!(
                "{} must not be before {} ({})",
                field_label(field, lang),
                field_label(before_field, lang).to_lowercase(),
                dates::short(*before)
            ),
            (Lang::Da, E::NotFound(_)) => {
                "Ansøgningen findes ikke længere. Genindlæs siden.".into()
            }
            (Lang::En, E::NotFound(_)) => {
                "The application no longer exists. Reload the page.".into()
            }
            (Lang::Da, E::PartnerNotFound(_)) => {
                "Partneren findes ikke (eller ligger i papirkurven)".into()
            }
            (Lang::En, E::PartnerNotFound(_)) => {
                "The partner does not exist (or is in the bin)".into()
            }
            (Lang::Da, E::Xlsx(e)) => format!("Regnearket kunne ikke laves: {e}"),
            (Lang::En, E::Xlsx(e)) => format!("The spreadsheet could not be made: {e}"),
            (Lang::Da, E::Pdf(e)) => format!("Brevet kunne ikke laves: {e}"),
            (Lang::En, E::Pdf(e)) => format!("The letter could not be made: {e}"),
        }
    }
}

#[cfg(test)]
mod tests;

/// Helpers for tests: partners straight into the `partners` table of
/// migration 002.
#[cfg(test)]
pub(crate) mod testutil {
    use crate::store::{new_id, now};
    use rusqlite::{params, Connection};

    /// Inserts an active partner of `kind` with the given goal ids.
    pub fn partner(conn: &Connection, name: &str, kind: &str, goals: &[&str]) -> String {
        let id = new_id();
        conn.execute(
            "INSERT INTO partners (id, name, name_key, sort_key, kind, status, created_at, updated_at)
             VALUES (?1, ?2, lower(?2), lower(?2), ?3, 'aktiv', ?4, ?4)",
            params![id, name, kind, now()],
        )
        .unwrap();
        for g in goals {
            conn.execute(
                "INSERT INTO partner_goals (partner_id, goal_id) VALUES (?1, ?2)",
                params![id, g],
            )
            .unwrap();
        }
        id
    }

    /// The id of default goal `n` (1–7) from migration 001.
    pub fn goal(n: u8) -> String {
        format!("5b0f6c1e-000{n}-4c6e-9a51-00000000000{n}")
    }
}
