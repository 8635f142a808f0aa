//! The demo programme (`sundby demo`, "Indlæs demodata"): a fictional,
//! Fredericia-like programme that fills every area so a new user sees the
//! whole app at work. Each step calls its area's public functions, never
//! another area's SQL:
//!
//! 1. the partner register ([`crate::partners::demo`]: 60 partners);
//! 2. the programme settings, a logo and two signatories with signatures
//!    drawn for the demo ([`programme`], [`images`]);
//! 3. diplomas: a ceremony held with diplomas handed out, the next one
//!    planned, and a queue still waiting ([`areas::diplomas`]);
//! 4. events of every kind, the fair with booths and visitors and a network
//!    meeting with participants ([`areas::events`]);
//! 5. the grant pool with applications in every status ([`areas::grants`]);
//! 6. a newsletter issue ([`areas::newsletter`]);
//! 7. activities and follow-ups, some overdue ([`crate::activities::demo`]);
//! 8. awards: a round with both prizes, nominations, scores and votes.
//!
//! Refused, with nothing changed, when the register already has partners;
//! all or nothing: a step that fails leaves nothing of the others.
//! Dates are relative to `today`, so the demo always has something due.
//! Every name is made up; addresses are at `example.dk`.

pub mod areas;
pub mod images;
pub mod programme;

use crate::i18n::{Lang, Localize};
use crate::{activities, diploma, events, grants, partners, settings};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

/// What the demo made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DemoReport {
    pub partners: u32,
    pub diplomas: usize,
    pub events: usize,
    pub applications: usize,
    pub activities: usize,
    pub follow_ups: usize,
}

/// A step of the demo failed; the area's own error says why.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(transparent)]
    Partners(#[from] partners::PartnerError),
    #[error(transparent)]
    Settings(#[from] settings::SettingsError),
    #[error(transparent)]
    Diploma(#[from] diploma::DiplomaError),
    #[error(transparent)]
    Events(#[from] events::EventsError),
    #[error(transparent)]
    Grants(#[from] grants::GrantError),
    #[error(transparent)]
    Activities(#[from] activities::ActivityError),
    #[error(transparent)]
    Awards(#[from] crate::awards::AwardError),
    #[error(transparent)]
    Reports(#[from] crate::reports::ReportError),
    #[error(transparent)]
    Publications(#[from] crate::publications::PublicationError),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

impl DemoError {
    fn inner(&self) -> &dyn Localize {
        match self {
            DemoError::Partners(e) => e,
            DemoError::Settings(e) => e,
            DemoError::Diploma(e) => e,
            DemoError::Events(e) => e,
            DemoError::Grants(e) => e,
            DemoError::Activities(e) => e,
            DemoError::Awards(e) => e,
            DemoError::Reports(e) => e,
            DemoError::Publications(e) => e,
            DemoError::Store(e) => e,
        }
    }
}

impl Localize for DemoError {
    fn code(&self) -> &'static str {
        self.inner().code()
    }
    fn field(&self) -> Option<&'static str> {
        self.inner().field()
    }
    fn message(&self, lang: Lang) -> String {
        self.inner().message(lang)
    }
}

pub type Result<T> = std::result::Result<T, DemoError>;

/// Loads the demo programme into an empty register (see the module
/// documentation for what it fills), all or nothing: every step runs in one
/// transaction (each area's own change becomes a savepoint in it,
/// `store::begin`), so a step that fails leaves the database as it was.
pub fn load(conn: &mut Connection, today: NaiveDate) -> Result<DemoReport> {
    crate::store::all_or_nothing(conn, |conn| fill(conn, today))
}

/// Every step of [`load`], in the caller's transaction.
fn fill(conn: &mut Connection, today: NaiveDate) -> Result<DemoReport> {
    let mut report = DemoReport {
        partners: partners::demo::load(conn)?,
        ..DemoReport::default()
    };
    programme::fill(conn, today)?;
    report.diplomas = areas::diplomas(conn, today)?;
    report.events = areas::events(conn, today)?;
    report.applications = areas::grants(conn, today)?;
    areas::newsletter(conn, today)?;
    let (a, f) = activities::demo::fill(conn, today)?;
    report.activities = a;
    report.follow_ups = f;
    crate::awards::demo::fill(conn, today)?;
    reports(conn, today)?;
    welcome_packs(conn, today)?;
    Ok(report)
}

/// A welcome pack sent to each of the first three partners who already
/// have their diploma (the partners still in the queue are the new ones).
fn welcome_packs(conn: &Connection, today: NaiveDate) -> Result<()> {
    let waiting: std::collections::HashSet<String> = diploma::store::queue(conn)?
        .into_iter()
        .map(|q| q.partner_id)
        .collect();
    let welcomed: Vec<String> = partners::pickable(conn, Some(partners::Status::Aktiv))?
        .into_iter()
        .map(|p| p.id)
        .filter(|id| !waiting.contains(id))
        .take(3)
        .collect();
    for id in welcomed {
        crate::publications::welcome::record_sent(conn, &id, today)?;
    }
    Ok(())
}

/// Rapporter: the consultant's contact for the case and a midway
/// evaluation (fictional, example.dk).
fn reports(conn: &Connection, today: NaiveDate) -> Result<()> {
    use crate::reports::{contact, evaluation};
    contact::save(
        conn,
        &contact::Contact {
            name: "Mette Demo".into(),
            title: "Sundhedskonsulent".into(),
            unit: "Sundhed og Forebyggelse (demo)".into(),
            phone: "72 10 00 00".into(),
            email: "sundhed@example.dk".into(),
        },
    )?;
    evaluation::save(
        conn,
        &evaluation::EvaluationInput {
            id: String::new(),
            written_on: String::new(),
            author: "Mette Demo".into(),
            purpose_met: Some(3),
            implemented: Some(3),
            evaluated: "internt".into(),
            effect: "Flere foreninger og virksomheder arbejder med bevægelse og røgfrihed \
                     (fiktivt eksempel)."
                .into(),
            attention: "Private partnere spørger først, hvad de får ud af det.".into(),
            barriers: "Travlhed hos de frivillige foreninger.".into(),
            promoting: "Diplomoverrækkelsen og messen gav synlighed.".into(),
        },
        today,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests;
