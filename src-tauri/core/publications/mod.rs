//! Publications for the public: the inspiration catalogue for new partners
//! (`catalogue`, an A4 PDF through [`crate::print`] and a .docx through
//! [`crate::docx`]), the welcome pack for a new partner (`welcome`: the
//! welcome e-mail, the catalogue beside it, the diploma queue reminder, the
//! packs sent) and the partner pages
//! for the city's website (`web`, a folder of static HTML with CSV and JSON,
//! each export recorded so the next one lists what to take down).
//!
//! This area owns `publication_texts` (the consultant's edited texts),
//! `web_exports`/`web_export_pages` and `welcome_packs`. It reads partners only through
//! [`crate::partners::lookup::public_profiles`] — so no partner without
//! consent to be named ever appears — the pool through
//! [`crate::grants::pool`] and the programme through [`crate::settings`].

pub mod catalogue;
pub mod web;
pub mod welcome;

use crate::files::FileError;
use crate::grants::GrantError;
use crate::i18n::{Lang, Localize};
use crate::print::PrintError;
use crate::settings::SettingsError;
use crate::store::{now, StoreError};
use crate::validate::{self, ValidationError};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

/// The longest edited text, in characters.
pub const MAX_TEXT: usize = 20_000;

/// Errors of the publications.
#[derive(Debug, thiserror::Error)]
pub enum PublicationError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error("unknown text {0}")]
    UnknownText(String),
    #[error(transparent)]
    Print(#[from] PrintError),
    #[error(transparent)]
    Docx(#[from] crate::docx::DocxError),
    #[error(transparent)]
    Files(#[from] FileError),
    #[error(transparent)]
    Settings(#[from] SettingsError),
    #[error(transparent)]
    Grants(#[from] GrantError),
    #[error(transparent)]
    Partners(#[from] crate::partners::PartnerError),
    #[error(transparent)]
    Diplomas(#[from] crate::diploma::DiplomaError),
    #[error(transparent)]
    Events(#[from] crate::events::EventsError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for PublicationError {
    fn from(e: rusqlite::Error) -> Self {
        PublicationError::Store(StoreError::from(e))
    }
}

impl Localize for PublicationError {
    fn code(&self) -> &'static str {
        match self {
            PublicationError::Invalid(e) => e.code(),
            PublicationError::UnknownText(_) => "publications.unknown_text",
            PublicationError::Print(e) => e.code(),
            PublicationError::Docx(_) => "publications.docx",
            PublicationError::Files(e) => e.code(),
            PublicationError::Settings(e) => e.code(),
            PublicationError::Grants(e) => e.code(),
            PublicationError::Partners(e) => e.code(),
            PublicationError::Diplomas(e) => e.code(),
            PublicationError::Events(e) => e.code(),
            PublicationError::Store(e) => e.code(),
        }
    }
    fn field(&self) -> Option<&'static str> {
        match self {
            PublicationError::Invalid(e) => e.field(),
            PublicationError::Files(e) => e.field(),
            PublicationError::Partners(e) => e.field(),
            PublicationError::Diplomas(e) => e.field(),
            PublicationError::Events(e) => e.field(),
            _ => None,
        }
    }
    fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (_, PublicationError::Invalid(e)) => e.message(lang),
            (_, PublicationError::Print(e)) => e.message(lang),
            (_, PublicationError::Files(e)) => e.message(lang),
            (_, PublicationError::Settings(e)) => e.message(lang),
            (_, PublicationError::Grants(e)) => e.message(lang),
            (_, PublicationError::Store(e)) => e.message(lang),
            (_, PublicationError::Partners(e)) => e.message(lang),
            (_, PublicationError::Diplomas(e)) => e.message(lang),
            (_, PublicationError::Events(e)) => e.message(lang),
            (Lang::Da, PublicationError::Docx(_)) => {
                "Word-dokumentet kunne ikke skrives. Prøv igen, eller gem kataloget som PDF.".into()
            }
            (Lang::En, PublicationError::Docx(_)) => {
                "The Word document could not be written. Try again, or save the catalogue as PDF."
                    .into()
            }
            (Lang::Da, PublicationError::UnknownText(_)) => {
                "Teksten findes ikke i kataloget. Genindlæs siden.".into()
            }
            (Lang::En, PublicationError::UnknownText(_)) => {
                "The catalogue has no such text. Reload the page.".into()
            }
        }
    }
}

pub type Result<T> = std::result::Result<T, PublicationError>;

/// The catalogue's editable texts: key, its default (Danish).
pub const TEXTS: [(&str, &str); 4] = [
    (
        "intro",
        "Sund By er et partnerskab mellem kommunen og byens virksomheder, foreninger, \
         institutioner og borgere. Sammen gør vi det lettere at leve sundt, der hvor vi bor, \
         arbejder og mødes. Kataloget viser, hvad et partnerskab er, hvad det giver, og hvad \
         andre partnere allerede gør.",
    ),
    (
        "commitment",
        "Som partner sætter I en sundhedsfremmende aktivitet i gang inden for et eller flere af \
         programmets mål, fortæller kort om den, og deltager, når I kan, i netværket.",
    ),
    (
        "join",
        "Kontakt sundhedskonsulenten, så finder vi sammen jeres aktivitet og de mål, den \
         hører til. I får en kort aftale og bliver registreret som partner.",
    ),
    ("contact", "Sundhedskonsulenten i kommunen."),
];

/// The prefix of a goal's own example text (`example:<goal id>`), printed
/// when the register has too few examples for that goal.
pub const EXAMPLE_PREFIX: &str = "example:";

/// One edited (or default) text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    pub key: String,
    pub body: String,
    /// Still the default (never edited).
    pub default: bool,
}

fn default_of(key: &str) -> Option<&'static str> {
    if key.starts_with(EXAMPLE_PREFIX) {
        return Some("");
    }
    TEXTS.iter().find(|(k, _)| *k == key).map(|(_, d)| *d)
}

/// The text `key`, edited or its default.
pub fn text(conn: &Connection, key: &str) -> Result<Text> {
    let default = default_of(key).ok_or_else(|| PublicationError::UnknownText(key.into()))?;
    let stored: Option<String> = conn
        .prepare_cached("SELECT body FROM publication_texts WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?;
    Ok(match stored {
        Some(body) => Text {
            key: key.into(),
            body,
            default: false,
        },
        None => Text {
            key: key.into(),
            body: default.into(),
            default: true,
        },
    })
}

/// Stores the edited text `key` (trimmed; an empty text goes back to the default).
pub fn set_text(conn: &Connection, key: &str, body: &str) -> Result<Text> {
    default_of(key).ok_or_else(|| PublicationError::UnknownText(key.into()))?;
    let body = validate::text("body", body, MAX_TEXT, false, true)?;
    if body.is_empty() {
        conn.execute("DELETE FROM publication_texts WHERE key = ?1", [key])?;
    } else {
        let at = now();
        conn.execute(
            "INSERT INTO publication_texts (key, body, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)
             ON CONFLICT(key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            params![key, body, at],
        )?;
    }
    text(conn, key)
}

/// What the Publikationer view opens with: the editable texts (each goal's
/// example text among them), each goal's examples, and the partners who may
/// give one (to choose from).
#[derive(Debug, Clone, Serialize)]
pub struct Start {
    pub texts: Vec<Text>,
    pub goals: Vec<catalogue::GoalExamples>,
    pub candidates: Vec<Candidate>,
}

/// A partner who may give an example.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    pub id: String,
    pub name: String,
}

/// The view's start: texts, the examples `input` chooses, the candidates.
pub fn start(conn: &Connection, input: &catalogue::CatalogueInput) -> Result<Start> {
    let mut texts = Vec::new();
    for (key, _) in TEXTS {
        texts.push(text(conn, key)?);
    }
    let goals = catalogue::examples(conn, input)?;
    for g in &goals {
        texts.push(text(conn, &format!("{EXAMPLE_PREFIX}{}", g.goal_id))?);
    }
    let candidates = catalogue::candidates(conn)?
        .into_iter()
        .map(|p| Candidate {
            id: p.id,
            name: p.name,
        })
        .collect();
    Ok(Start {
        texts,
        goals,
        candidates,
    })
}

#[cfg(test)]
mod tests;
