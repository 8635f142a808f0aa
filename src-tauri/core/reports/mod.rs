//! Rapporter: the programme's figures for a period, its charts, the status
//! report for the health committee (PDF) and management (XLSX), the
//! evaluations, and the case for Sund By Netværket's case bank (.docx and
//! plain text).
//!
//! - [`figures`] is the one query module: every number a report shows is
//!   computed there from the other areas' public read functions
//!   (`partners::facts`, `events::facts`, `diploma::counts`,
//!   `grants::period`, `grants::overview`), never typed in and never read
//!   from another area's tables here.
//! - [`chart`] is the one chart model: laid out once into shapes in
//!   millimetres, drawn as SVG in the window and as vector graphics in the
//!   PDF, so what is seen is what prints.
//! - [`evaluation`], [`case`] and [`contact`] own this area's tables
//!   (migration `010_reports`).

pub mod case;
pub mod chart;
pub mod contact;
pub mod document;
pub mod evaluation;
pub mod figures;
pub mod output;
pub mod view;
pub mod xlsx;

use crate::dates;
use crate::files::FileError;
use crate::i18n::{Lang, Localize};
use crate::settings::{self, SettingsError};
use crate::store::StoreError;
use crate::validate::{self, Problem, ValidationError};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

pub use figures::{figures, Figures};

/// Errors of the reports area.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error("no evaluation with id {0}")]
    EvaluationNotFound(String),
    #[error("the document could not be made: {0}")]
    Document(String),
    #[error(transparent)]
    File(#[from] FileError),
    #[error(transparent)]
    Settings(#[from] SettingsError),
    #[error(transparent)]
    Grants(#[from] crate::grants::GrantError),
    #[error(transparent)]
    Awards(#[from] crate::awards::AwardError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for ReportError {
    fn from(e: rusqlite::Error) -> Self {
        ReportError::Store(StoreError::Sqlite(e))
    }
}

impl Localize for ReportError {
    fn code(&self) -> &'static str {
        match self {
            ReportError::Invalid(e) => e.code(),
            ReportError::EvaluationNotFound(_) => "reports.evaluation_not_found",
            ReportError::Document(_) => "reports.document",
            ReportError::File(e) => e.code(),
            ReportError::Settings(e) => e.code(),
            ReportError::Grants(e) => e.code(),
            ReportError::Awards(e) => e.code(),
            ReportError::Store(e) => e.code(),
        }
    }
    fn field(&self) -> Option<&'static str> {
        match self {
            ReportError::Invalid(e) => e.field(),
            ReportError::File(e) => e.field(),
            ReportError::Settings(e) => e.field(),
            ReportError::Grants(e) => e.field(),
            ReportError::Awards(e) => e.field(),
            _ => None,
        }
    }
    fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (_, ReportError::Invalid(e)) => e.message(lang),
            (_, ReportError::File(e)) => e.message(lang),
            (_, ReportError::Settings(e)) => e.message(lang),
            (_, ReportError::Grants(e)) => e.message(lang),
            (_, ReportError::Awards(e)) => e.message(lang),
            (_, ReportError::Store(e)) => e.message(lang),
            (Lang::Da, ReportError::EvaluationNotFound(_)) => {
                "Evalueringen findes ikke længere. Genindlæs siden.".into()
            }
            (Lang::En, ReportError::EvaluationNotFound(_)) => {
                "The evaluation no longer exists. Reload the page.".into()
            }
            (Lang::Da, ReportError::Document(_)) => {
                "Dokumentet kunne ikke laves. Prøv igen; sker det igen, så kontakt support.".into()
            }
            (Lang::En, ReportError::Document(_)) => {
                "The document could not be made. Try again; if it happens again, contact support."
                    .into()
            }
        }
    }
}

pub type Result<T> = std::result::Result<T, ReportError>;

/// The period a report covers, both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// "1. januar 2026 – 31. december 2026".
    pub fn label(&self, lang: Lang) -> String {
        format!(
            "{} – {}",
            dates::long(self.from, lang),
            dates::long(self.to, lang)
        )
    }

    /// The years the period touches, oldest first.
    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        self.from.year()..=self.to.year()
    }
}

/// A period as typed: ISO or Danish dates; empty means the programme's
/// period (its start, or 1 January this year; its end, or today).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PeriodInput {
    pub from: String,
    pub to: String,
}

/// Reads a typed period; an end before the start is refused on the end.
pub fn period(
    conn: &rusqlite::Connection,
    input: &PeriodInput,
    today: NaiveDate,
) -> Result<Period> {
    let from = validate::optional_date("report_from", &input.from)?;
    let to = validate::optional_date("report_to", &input.to)?;
    let (from, to) = match (from, to) {
        (Some(f), Some(t)) => (f, t),
        _ => {
            let p = settings::programme(conn)?;
            let dflt_from = p
                .period_from
                .or_else(|| NaiveDate::from_ymd_opt(today.year(), 1, 1))
                .unwrap_or(today);
            // So far: up to today, unless the programme ended before.
            let dflt_to = match p.period_to {
                Some(end) if end < today => end,
                Some(end) if today < dflt_from => end,
                _ => today.max(dflt_from),
            };
            (from.unwrap_or(dflt_from), to.unwrap_or(dflt_to))
        }
    };
    if to < from {
        return Err(ValidationError::new("report_to", Problem::EndBeforeStart).into());
    }
    Ok(Period { from, to })
}
