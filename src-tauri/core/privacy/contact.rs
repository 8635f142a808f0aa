//! The register extract of one contact person (GDPR article 15 is per
//! person): the person's own data only, not the rest of the partner's.
//!
//! What it holds, read through the areas' public functions:
//! - the contact record (name, role, e-mail, phone, primary or not) and the
//!   partner it belongs to (name and kind only);
//! - the consents and their history: the app records consents per partner;
//!   for a private person that is the person, and for an organisation the
//!   e-mail consent is what lets the programme write to its primary contact;
//! - events attended as that person: a private person's own participation
//!   (an organisation's list of participants does not record which of its
//!   people came, so there is none to list);
//! - the newsletter issues sent to them: the primary contact is the one
//!   recipient of a partner, so the issues made while the e-mail consent was
//!   given (the app records each issue, not each recipient);
//! - the nominations they wrote (`awards::written_by`: the recorded
//!   nominator's name is theirs), and a private person's own nominations.

use super::document::{consents_section, day, printed, section, yes_no, Section};
use super::{Controller, PrivacyError, Result};
use crate::i18n::Lang;
use crate::partners::{self, consents::ConsentChange, Contact, Kind, PartnerError};
use crate::{events, labels, settings};
use rusqlite::Connection;
use serde::Serialize;

/// Format name and version of a contact person's JSON file.
pub const FORMAT: &str = "sundby-partner/contact-extract/1";

/// The partner the person is a contact of.
#[derive(Debug, Clone, Serialize)]
pub struct OfPartner {
    pub id: String,
    pub name: String,
    pub kind: Kind,
}

/// The consents as they are now.
#[derive(Debug, Clone, Serialize)]
pub struct Consents {
    pub email: bool,
    pub email_on: Option<chrono::NaiveDate>,
    pub public: bool,
    pub public_on: Option<chrono::NaiveDate>,
}

/// Everything the app holds about one contact person.
#[derive(Debug, Clone, Serialize)]
pub struct ContactExtract {
    pub format: &'static str,
    /// When it was made (UTC, RFC 3339).
    pub made_at: String,
    pub controller: Controller,
    pub contact: Contact,
    pub partner: OfPartner,
    pub consents: Consents,
    pub consent_history: Vec<ConsentChange>,
    /// Events attended as that person (a private person's participation).
    pub events: Vec<events::store::PartnerEvent>,
    /// Newsletter issues sent to them (as the primary contact, with consent).
    pub newsletters: Vec<events::newsletter::NewsletterIssue>,
    /// Nominations they wrote for others.
    pub nominations_written: Vec<crate::awards::WrittenNomination>,
    /// A private person's own nominations and prizes.
    pub nominations: Vec<crate::awards::PartnerAward>,
}

/// The contact person `name_or_id` names: a contact's id, else the exact
/// name (case-insensitive) of one contact of a partner not erased.
pub fn find(conn: &Connection, name_or_id: &str) -> Result<String> {
    let key = name_or_id.trim();
    let found = partners::contacts_named(conn, key).map_err(PartnerError::from)?;
    match found.as_slice() {
        [] => Err(PrivacyError::ContactNotFound(key.to_string())),
        [one] => Ok(one.contact_id.clone()),
        _ => Err(PrivacyError::ContactAmbiguous(key.to_string())),
    }
}

/// The register extract of the contact person with `contact_id`.
pub fn extract(conn: &Connection, contact_id: &str) -> Result<ContactExtract> {
    let owner = partners::contacts_named(conn, contact_id)
        .map_err(PartnerError::from)?
        .into_iter()
        .find(|c| c.contact_id == contact_id)
        .ok_or_else(|| PrivacyError::ContactNotFound(contact_id.to_string()))?;
    let p = partners::get(conn, &owner.partner_id)?;
    let contact = p
        .contacts
        .iter()
        .find(|c| c.id == contact_id)
        .cloned()
        .ok_or_else(|| PrivacyError::ContactNotFound(contact_id.to_string()))?;
    let person = p.kind == Kind::Borger;
    let consent_history = partners::consents::history(conn, &p.id)?;
    let events = if person {
        events::store::partner_events(conn, &p.id)
            .map_err(|e| PrivacyError::area("events", e))?
            .into_iter()
            .filter(|e| e.role == "participant")
            .collect()
    } else {
        Vec::new()
    };
    let newsletters = if contact.is_primary && !contact.email.trim().is_empty() {
        events::newsletter::issues(conn)
            .map_err(|e| PrivacyError::area("newsletters", e))?
            .into_iter()
            .filter(|n| super::had_email_consent_on(&p, &consent_history, &n.issued_on))
            .collect()
    } else {
        Vec::new()
    };
    let nominations_written = crate::awards::written_by(conn, &contact.name)
        .map_err(|e| PrivacyError::area("awards", e))?;
    let nominations = if person {
        crate::awards::for_partner(conn, &p.id).map_err(|e| PrivacyError::area("awards", e))?
    } else {
        Vec::new()
    };
    let programme = settings::programme(conn).map_err(|e| PrivacyError::area("settings", e))?;
    Ok(ContactExtract {
        format: FORMAT,
        made_at: crate::store::now(),
        controller: Controller {
            municipality: programme.municipality,
            programme: programme.name,
        },
        consents: Consents {
            email: p.consent_email,
            email_on: p.consent_email_on,
            public: p.consent_public,
            public_on: p.consent_public_on,
        },
        partner: OfPartner {
            id: p.id.clone(),
            name: p.name.clone(),
            kind: p.kind,
        },
        contact,
        consent_history,
        events,
        newsletters,
        nominations_written,
        nominations,
    })
}

/// The document's title.
pub fn title(e: &ContactExtract, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Registerudtræk: {}", e.contact.name),
        Lang::En => format!("Register extract: {}", e.contact.name),
    }
}

/// Every section of the readable document, in order.
pub fn sections(e: &ContactExtract, lang: Lang) -> Vec<Section> {
    let t = |d: &str, en: &str| {
        if lang == Lang::Da {
            d.to_string()
        } else {
            en.to_string()
        }
    };
    let none = || Some(t("Ingen.", "None."));
    let c = &e.contact;
    let mut out = Vec::new();

    let mut about = section(&t("Om udtrækket", "About this extract"));
    about.facts = vec![
        (t("Dataansvarlig", "Controller"), format!("{}, {}", e.controller.municipality, e.controller.programme)),
        (t("Lavet", "Made"), day(&e.made_at)),
        (t("Grundlag", "Basis"), t("Databeskyttelsesforordningen art. 15 (indsigt) og art. 20 (dataportabilitet: samme indhold som JSON-filen). Udtrækket gælder kun denne person.", "GDPR article 15 (access) and article 20 (portability: the same content as the JSON file). The extract covers this person only.")),
    ];
    out.push(about);

    let mut person = section(&t("Personen", "The person"));
    person.facts = vec![
        (t("Navn", "Name"), c.name.clone()),
        (t("Rolle", "Role"), c.role.clone()),
        (t("E-mail", "E-mail"), c.email.clone()),
        (t("Telefon", "Phone"), c.phone.clone()),
        (
            t("Primær kontaktperson", "Primary contact"),
            yes_no(c.is_primary, lang),
        ),
        (
            t("Kontaktperson for", "Contact person of"),
            format!(
                "{} ({})",
                e.partner.name,
                labels::kind(e.partner.kind, lang)
            ),
        ),
    ];
    person.facts.retain(|(_, v)| !v.is_empty());
    out.push(person);

    out.push(consents_section(
        (e.consents.public, e.consents.public_on),
        (e.consents.email, e.consents.email_on),
        &e.consent_history,
        lang,
    ));

    let mut events = section(&t(
        "Arrangementer, personen deltog i",
        "Events the person attended",
    ));
    events.columns = vec![
        t("Dato", "Date"),
        t("Arrangement", "Event"),
        t("Sted", "Place"),
    ];
    events.rows = e
        .events
        .iter()
        .map(|ev| {
            vec![
                day(&ev.starts_at),
                format!("{} ({})", ev.title, ev.kind.label(lang)),
                ev.place.clone(),
            ]
        })
        .collect();
    events.empty = none();
    out.push(events);

    let mut letters = section(&t(
        "Nyhedsbreve sendt til personen",
        "Newsletters sent to the person",
    ));
    letters.columns = vec![t("Udsendt", "Sent"), t("Periode", "Period")];
    letters.rows = e
        .newsletters
        .iter()
        .map(|n| {
            vec![
                day(&n.issued_on),
                format!("{} – {}", day(&n.period_from), day(&n.period_to)),
            ]
        })
        .collect();
    letters.empty = none();
    out.push(letters);

    let mut written = section(&t(
        "Indstillinger, personen har skrevet",
        "Nominations the person wrote",
    ));
    written.columns = vec![
        t("Modtaget", "Received"),
        t("Prisrunde", "Round"),
        t("Indstillet", "Nominee"),
        t("Titel", "Title"),
    ];
    written.rows = e
        .nominations_written
        .iter()
        .map(|n| {
            vec![
                day(&n.received_on),
                n.round_name.clone(),
                n.nominee.clone(),
                n.title.clone(),
            ]
        })
        .collect();
    written.empty = none();
    out.push(written);

    if e.partner.kind == Kind::Borger {
        let mut own = section(&t(
            "Indstillinger af personen til priser",
            "The person's award nominations",
        ));
        own.columns = vec![t("Prisrunde", "Round"), t("Titel", "Title")];
        own.rows = e
            .nominations
            .iter()
            .map(|n| vec![n.round_name.clone(), n.title.clone()])
            .collect();
        own.empty = none();
        out.push(own);
    }
    out
}

/// The contact person's extract as a printable document (shared `print`).
pub fn document(e: &ContactExtract, lang: Lang) -> crate::print::Document {
    printed(
        &title(e, lang),
        &e.contact.name,
        &e.controller,
        &e.made_at,
        sections(e, lang),
        lang,
    )
}

/// As pretty-printed UTF-8 JSON (article 20: machine-readable).
pub fn to_json(e: &ContactExtract) -> Vec<u8> {
    serde_json::to_vec_pretty(e).unwrap_or_else(|_| b"{}".to_vec())
}

/// The file name (without extension): `Registerudtræk {name} {date}`.
pub fn file_stem(e: &ContactExtract) -> String {
    let day = e.made_at.get(..10).unwrap_or_default();
    format!("Registerudtræk {} {day}", e.contact.name)
}

/// Makes the contact person's extract and saves it (in the partners'
/// folder, or where the person chose). Returns the path written.
pub fn save(
    conn: &Connection,
    contact_id: &str,
    format: super::Format,
    target: &crate::files::Target,
    lang: Lang,
) -> Result<std::path::PathBuf> {
    let e = extract(conn, contact_id)?;
    let (bytes, ext) = match format {
        super::Format::Json => (to_json(&e), "json"),
        super::Format::Pdf => (
            crate::print::render(&document(&e, lang))
                .map_err(|err| PrivacyError::area("print", err))?,
            "pdf",
        ),
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
