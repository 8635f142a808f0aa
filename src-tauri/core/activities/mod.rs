//! The consultant's activity log and follow-ups (issue 17).
//!
//! - An *activity* is a dated entry on a partner: a call, a meeting, an
//!   e-mail, a visit or a note, with a short text and who wrote it.
//! - A *follow-up* (opfølgning) is a due date and a text on a partner ("Ring
//!   om tilmelding"), optionally made from an activity; it is done or not.
//!   A follow-up not done is *overdue* after its date and *due* on it
//!   ([`FollowUpState`], the one rule; the Overblik and the partner page
//!   both use it). A new follow-up may be dated in the past: it is then
//!   overdue at once.
//!
//! Submodules: [`store`] (adding, listing, done/not done, the due list),
//! [`pipeline`] (the recruitment pipeline of leads), [`timeline`] (the
//! partner page's one timeline of everything that happened), [`demo`] (the
//! demo programme's activities and follow-ups).
//!
//! This area owns the tables `activities` and `follow_ups`. It reads the
//! register only through `partners::lookup`; the partners' GDPR erasure
//! calls [`erase_partner`], so the activity texts go with the personal data.

pub mod demo;
pub mod pipeline;
pub mod store;
pub mod timeline;

use crate::i18n::{field_label, Lang, Localize};
use crate::store::StoreError;
use crate::validate::ValidationError;
use chrono::NaiveDate;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

pub use pipeline::{pipeline, pipeline_head, Lead, PipelineHead};
pub use store::{
    add, add_follow_up, delete, due, due_head, follow_ups, list, set_done, Activity, ActivityInput,
    DueFollowUp, DueHead, FollowUp, FollowUpInput,
};
pub use timeline::{timeline, TimelineEntry};

/// Longest activity or follow-up text.
pub const MAX_TEXT: usize = 2000;
/// Longest author name.
pub const MAX_AUTHOR: usize = 100;

/// What kind of contact an activity was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActivityKind {
    Opkald,
    Moede,
    Email,
    Besoeg,
    Note,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 5] = [
        ActivityKind::Opkald,
        ActivityKind::Moede,
        ActivityKind::Email,
        ActivityKind::Besoeg,
        ActivityKind::Note,
    ];

    /// The value stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            ActivityKind::Opkald => "opkald",
            ActivityKind::Moede => "moede",
            ActivityKind::Email => "email",
            ActivityKind::Besoeg => "besoeg",
            ActivityKind::Note => "note",
        }
    }

    pub fn parse(s: &str) -> Option<ActivityKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }

    /// The name a person reads.
    pub fn label(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Da, ActivityKind::Opkald) => "Opkald",
            (Lang::Da, ActivityKind::Moede) => "Møde",
            (Lang::Da, ActivityKind::Email) => "E-mail",
            (Lang::Da, ActivityKind::Besoeg) => "Besøg",
            (Lang::Da, ActivityKind::Note) => "Note",
            (Lang::En, ActivityKind::Opkald) => "Call",
            (Lang::En, ActivityKind::Moede) => "Meeting",
            (Lang::En, ActivityKind::Email) => "E-mail",
            (Lang::En, ActivityKind::Besoeg) => "Visit",
            (Lang::En, ActivityKind::Note) => "Note",
        }
    }
}

impl ToSql for ActivityKind {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for ActivityKind {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let s = value.as_str()?;
        ActivityKind::parse(s).ok_or_else(|| FromSqlError::Other(format!("kind {s}").into()))
    }
}

/// Where a follow-up stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpState {
    /// Marked done.
    Done,
    /// Not done and its date has passed.
    Overdue,
    /// Not done and due today.
    Due,
    /// Not done, due later.
    Upcoming,
}

impl FollowUpState {
    /// The one rule: done wins; otherwise before, on or after the due date.
    pub fn of(due_on: NaiveDate, done_on: Option<NaiveDate>, today: NaiveDate) -> FollowUpState {
        if done_on.is_some() {
            FollowUpState::Done
        } else if due_on < today {
            FollowUpState::Overdue
        } else if due_on == today {
            FollowUpState::Due
        } else {
            FollowUpState::Upcoming
        }
    }

    /// Needs the consultant now (due today or overdue).
    pub fn needs_attention(self) -> bool {
        matches!(self, FollowUpState::Overdue | FollowUpState::Due)
    }
}

/// Errors of the activity log.
#[derive(Debug, thiserror::Error)]
pub enum ActivityError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// The partner is unknown, in the bin or erased: nothing can be logged on it.
    #[error("partner {0} cannot be given activities")]
    PartnerGone(String),
    #[error("no activity or follow-up with id {0}")]
    NotFound(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Reading another area for the timeline failed.
    #[error(transparent)]
    Partner(#[from] crate::partners::PartnerError),
    #[error(transparent)]
    Diploma(#[from] crate::diploma::DiplomaError),
    #[error(transparent)]
    Events(#[from] crate::events::EventsError),
    /// Reading or writing the remembered author failed.
    #[error(transparent)]
    Settings(#[from] crate::settings::SettingsError),
}

impl From<rusqlite::Error> for ActivityError {
    fn from(e: rusqlite::Error) -> Self {
        ActivityError::Store(StoreError::Sqlite(e))
    }
}

impl Localize for ActivityError {
    fn code(&self) -> &'static str {
        match self {
            ActivityError::Invalid(e) => e.code(),
            ActivityError::PartnerGone(_) => "activities.partner_gone",
            ActivityError::NotFound(_) => "activities.not_found",
            ActivityError::Store(e) => e.code(),
            ActivityError::Partner(e) => e.code(),
            ActivityError::Diploma(e) => e.code(),
            ActivityError::Events(e) => e.code(),
            ActivityError::Settings(e) => e.code(),
        }
    }

    fn field(&self) -> Option<&'static str> {
        match self {
            ActivityError::Invalid(e) => e.field(),
            _ => None,
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (_, ActivityError::Invalid(e)) => e.message(lang),
            (_, ActivityError::Store(e)) => e.message(lang),
            (_, ActivityError::Partner(e)) => e.message(lang),
            (_, ActivityError::Diploma(e)) => e.message(lang),
            (_, ActivityError::Events(e)) => e.message(lang),
            (_, ActivityError::Settings(e)) => e.message(lang),
            (Lang::Da, ActivityError::PartnerGone(_)) => format!(
                "{} er slettet eller ligger i papirkurven; der kan ikke noteres aktiviteter eller opfølgninger på den.",
                field_label("activity_partner", lang)
            ),
            (Lang::En, ActivityError::PartnerGone(_)) => format!(
                "{} has been erased or is in the bin; activities and follow-ups cannot be added to it.",
                field_label("activity_partner", lang)
            ),
            (Lang::Da, ActivityError::NotFound(_)) => {
                "Aktiviteten eller opfølgningen findes ikke længere. Genindlæs siden.".into()
            }
            (Lang::En, ActivityError::NotFound(_)) => {
                "The activity or follow-up no longer exists. Reload the page.".into()
            }
        }
    }
}

pub type Result<T> = std::result::Result<T, ActivityError>;

/// Erases what the activity log keeps about a partner whose personal data
/// is being erased (GDPR), inside the erasure's transaction: every
/// activity's text and author are emptied (its kind and date stay for the
/// statistics) and the partner's follow-ups are deleted.
pub fn erase_partner(tx: &Connection, partner_id: &str) -> std::result::Result<(), StoreError> {
    tx.execute(
        "UPDATE activities SET text = '', author = '', updated_at = ?2 WHERE partner_id = ?1",
        rusqlite::params![partner_id, crate::store::now()],
    )?;
    tx.execute("DELETE FROM follow_ups WHERE partner_id = ?1", [partner_id])?;
    Ok(())
}

#[cfg(test)]
mod tests;
