//! What GDPR gives the person besides erasure (issue 15): the register
//! extract (indsigt, article 15) of everything the app holds about a partner
//! or its contact persons, as a machine-readable JSON file (article 20) and
//! as a readable document.
//!
//! The extract gathers every area's data through that area's public
//! functions, never its tables: the register ([`partners::get`], the consent
//! history), events ([`events::store::partner_events`]), diplomas
//! ([`diploma::store::for_partner`]), grants ([`grants::granted::with_history_of_partner`])
//! and newsletters ([`events::newsletter::issues`]), and the awards' nominations
//! and prizes (`awards::for_partner`).

pub mod contact;
pub mod document;
pub mod retention;

use crate::i18n::{Lang, Localize};
use crate::partners::{self, consents::ConsentChange, Partner, PartnerError};
use crate::{diploma, events, grants, settings};
use rusqlite::Connection;
use serde::Serialize;

/// Errors of making an extract.
#[derive(Debug, thiserror::Error)]
pub enum PrivacyError {
    #[error("no partner named or with id {0}")]
    NotFound(String),
    #[error("more than one partner is named {0}")]
    Ambiguous(String),
    #[error("no contact person named or with id {0}")]
    ContactNotFound(String),
    #[error("more than one contact person is named {0}")]
    ContactAmbiguous(String),
    #[error("{area}: {message}")]
    Area {
        area: &'static str,
        code: &'static str,
        message_da: String,
        message: String,
    },
    #[error(transparent)]
    Partners(#[from] PartnerError),
    #[error(transparent)]
    Files(#[from] crate::files::FileError),
}

impl PrivacyError {
    pub(crate) fn area<E: Localize>(area: &'static str, e: E) -> PrivacyError {
        PrivacyError::Area {
            area,
            code: e.code(),
            message_da: e.message(Lang::Da),
            message: e.message(Lang::En),
        }
    }
}

impl Localize for PrivacyError {
    fn code(&self) -> &'static str {
        match self {
            PrivacyError::NotFound(_) => "privacy.not_found",
            PrivacyError::Ambiguous(_) => "privacy.ambiguous",
            PrivacyError::ContactNotFound(_) => "privacy.contact_not_found",
            PrivacyError::ContactAmbiguous(_) => "privacy.contact_ambiguous",
            PrivacyError::Area { code, .. } => code,
            PrivacyError::Partners(e) => e.code(),
            PrivacyError::Files(e) => e.code(),
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::Da, PrivacyError::NotFound(k)) => format!(
                "Der er ingen partner med navnet eller id'et «{k}». Skriv navnet præcis som i partnerlisten."
            ),
            (Lang::En, PrivacyError::NotFound(k)) => format!(
                "There is no partner with the name or id \"{k}\". Write the name exactly as in the partner list."
            ),
            (Lang::Da, PrivacyError::Ambiguous(k)) => format!(
                "Flere partnere hedder «{k}». Brug partnerens id (se partnerens side)."
            ),
            (Lang::En, PrivacyError::Ambiguous(k)) => format!(
                "More than one partner is named \"{k}\". Use the partner's id (see the partner's page)."
            ),
            (Lang::Da, PrivacyError::ContactNotFound(k)) => format!(
                "Der er ingen kontaktperson med navnet eller id'et «{k}». Skriv navnet præcis som på partnerens side."
            ),
            (Lang::En, PrivacyError::ContactNotFound(k)) => format!(
                "There is no contact person with the name or id \"{k}\". Write the name exactly as on the partner's page."
            ),
            (Lang::Da, PrivacyError::ContactAmbiguous(k)) => format!(
                "Flere kontaktpersoner hedder «{k}». Brug kontaktpersonens id, eller tag udtrækket fra partnerens side."
            ),
            (Lang::En, PrivacyError::ContactAmbiguous(k)) => format!(
                "More than one contact person is named \"{k}\". Use the contact person's id, or make the extract from the partner's page."
            ),
            (Lang::Da, PrivacyError::Area { message_da, .. }) => message_da.clone(),
            (Lang::En, PrivacyError::Area { message, .. }) => message.clone(),
            (_, PrivacyError::Partners(e)) => e.message(lang),
            (_, PrivacyError::Files(e)) => e.message(lang),
        }
    }
}

pub type Result<T> = std::result::Result<T, PrivacyError>;

/// A grant application with its history.
#[derive(Debug, Clone, Serialize)]
pub struct GrantRecord {
    pub application: grants::Application,
    pub history: Vec<grants::HistoryEntry>,
}

/// Everything the app holds about one partner and its contact persons.
#[derive(Debug, Clone, Serialize)]
pub struct Extract {
    /// The extract's format, for a machine reading it.
    pub format: &'static str,
    /// When it was made (UTC, RFC 3339).
    pub made_at: String,
    /// Who holds the data: the programme and municipality.
    pub controller: Controller,
    /// The partner record: contacts, goals, initiative, recruitment,
    /// consents as they are now, status history, notes, dates.
    pub partner: Partner,
    /// Every change of a consent, with its day and source.
    pub consent_history: Vec<ConsentChange>,
    /// Events organised or attended.
    pub events: Vec<events::store::PartnerEvent>,
    /// Diplomas issued.
    pub diplomas: Vec<diploma::store::Issued>,
    /// Grant applications with their decisions, payouts and reports.
    pub grants: Vec<GrantRecord>,
    /// Newsletter issues made while the partner's e-mail consent was given
    /// (the app records each issue, not each recipient, so these are the
    /// issues the primary contact was on the recipient list of).
    pub newsletters: Vec<events::newsletter::NewsletterIssue>,
    /// Nominations for awards and the prizes won (`awards::for_partner`).
    pub nominations: Vec<crate::awards::PartnerAward>,
}

/// The programme that holds the data.
#[derive(Debug, Clone, Serialize)]
pub struct Controller {
    pub municipality: String,
    pub programme: String,
}

/// Format name and version of the JSON file.
pub const FORMAT: &str = "sundby-partner/register-extract/1";

/// The partner `name_or_id` names: an id of any partner (in the bin or
/// erased too), else the exact name (case-insensitive) of a live one.
pub fn find(conn: &Connection, name_or_id: &str) -> Result<String> {
    let key = name_or_id.trim();
    match partners::get(conn, key) {
        Ok(p) => return Ok(p.id),
        Err(PartnerError::NotFound(_)) => {}
        Err(e) => return Err(e.into()),
    }
    let wanted = key.to_lowercase();
    let mut found = partners::pickable(conn, None)
        .map_err(PartnerError::from)?
        .into_iter()
        .filter(|p| p.name.trim().to_lowercase() == wanted);
    match (found.next(), found.next()) {
        (None, _) => Err(PrivacyError::NotFound(key.to_string())),
        (Some(p), None) => Ok(p.id),
        (Some(_), Some(_)) => Err(PrivacyError::Ambiguous(key.to_string())),
    }
}

/// The register extract of the partner with `partner_id`.
pub fn extract(conn: &Connection, partner_id: &str) -> Result<Extract> {
    let partner = partners::get(conn, partner_id)?;
    let consent_history = partners::consents::history(conn, partner_id)?;
    let events = events::store::partner_events(conn, partner_id)
        .map_err(|e| PrivacyError::area("events", e))?;
    let diplomas = diploma::store::for_partner(conn, partner_id)
        .map_err(|e| PrivacyError::area("diplomas", e))?;
    let grants = grants::granted::with_history_of_partner(conn, partner_id)
        .map_err(|e| PrivacyError::area("grants", e))?
        .into_iter()
        .map(|(application, history)| GrantRecord {
            application,
            history,
        })
        .collect();
    let issues =
        events::newsletter::issues(conn).map_err(|e| PrivacyError::area("newsletters", e))?;
    let newsletters = issues
        .into_iter()
        .filter(|n| had_email_consent_on(&partner, &consent_history, &n.issued_on))
        .collect();
    let programme = settings::programme(conn).map_err(|e| PrivacyError::area("settings", e))?;
    Ok(Extract {
        format: FORMAT,
        made_at: crate::store::now(),
        controller: Controller {
            municipality: programme.municipality,
            programme: programme.name,
        },
        partner,
        consent_history,
        events,
        diplomas,
        grants,
        nominations: crate::awards::for_partner(conn, partner_id)
            .map_err(|e| PrivacyError::area("awards", e))?,
        newsletters,
    })
}

/// Whether the e-mail consent was given on `day` (ISO): the last change on
/// or before that day says so; with no history, the consent as it is now
/// and its date.
pub(crate) fn had_email_consent_on(p: &Partner, history: &[ConsentChange], day: &str) -> bool {
    let mut state = None;
    for c in history.iter().filter(|c| c.consent == "email") {
        if c.changed_on.as_str() <= day {
            state = Some(c.given);
        }
    }
    state.unwrap_or_else(|| {
        p.consent_email
            && p.consent_email_on
                .map(crate::dates::iso)
                .is_none_or(|on| on.as_str() <= day)
            && history.iter().all(|c| c.consent != "email")
    })
}

/// The extract as pretty-printed UTF-8 JSON (article 20: machine-readable).
pub fn to_json(extract: &Extract) -> Vec<u8> {
    serde_json::to_vec_pretty(extract).unwrap_or_else(|_| b"{}".to_vec())
}

/// The extract's file name (without extension): `Registerudtræk {name} {date}`.
pub fn file_stem(extract: &Extract) -> String {
    let day = extract.made_at.get(..10).unwrap_or_default();
    format!("Registerudtræk {} {day}", extract.partner.name)
}

/// The extract's two files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Machine-readable (article 20).
    Json,
    /// Readable.
    Pdf,
}

/// Makes the extract of `partner_id` and saves it (in the partners' folder,
/// or where the person chose). Returns the path written.
pub fn save(
    conn: &Connection,
    partner_id: &str,
    format: Format,
    target: &crate::files::Target,
    lang: Lang,
) -> Result<std::path::PathBuf> {
    let e = extract(conn, partner_id)?;
    let (bytes, ext) = match format {
        Format::Json => (to_json(&e), "json"),
        Format::Pdf => (document::render_pdf(&e, lang)?, "pdf"),
    };
    let name = format!("{}.{ext}", file_stem(&e));
    Ok(crate::files::save(
        conn,
        crate::files::DocKind::Partners,
        target,
        &name,
        &bytes,
    )?)
}
