//! The welcome pack for a new partner, made from the partner's page: a
//! welcome e-mail (Outlook-safe HTML through the newsletter's e-mail
//! helpers in [`crate::events::newsletter`], and plain text) with the
//! partner's initiative and goals, the next events and how to apply to the
//! pool; the inspiration catalogue saved beside it; and the diploma queue
//! reminder for the consultant (is the partner waiting for a diploma, when
//! is the next ceremony). Sending is recorded per partner in
//! `welcome_packs` (migration 014; a day only, no personal data), which the
//! partner page and its timeline show.
//!
//! Every text a person typed (the partner's name, initiative, goals, the
//! events' titles and places, the pool's criteria, the programme's texts)
//! is escaped in the HTML: nothing can add markup.

use super::catalogue::{self, CatalogueInput, Format};
use super::{text, Result};
use crate::dates::{self, iso};
use crate::events::newsletter::{
    self, date_da, event_when, h2, item, logo_data_uri, mail_close, mail_open, paragraphs,
    underline,
};
use crate::events::store::EventSummary;
use crate::files::{self, DocKind, Entry, Target};
use crate::money::format_ore;
use crate::store::{new_id, now, StoreError};
use crate::{diploma, grants, labels, partners, settings};
use chrono::{Datelike, Days, NaiveDate};
use rusqlite::{params, Connection};
use serde::Serialize;
use std::path::PathBuf;

/// At most this many upcoming events in the e-mail.
pub const MAX_EVENTS: usize = 5;

/// Where the partner stands in the diploma queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiplomaReminder {
    /// Active, no diploma yet: in the queue.
    pub waiting: bool,
    /// Place in the queue (1 = next), when waiting.
    pub position: Option<usize>,
    /// The next ceremony from today, if one is planned.
    pub next_ceremony: Option<NextCeremony>,
}

/// The next ceremony and whether the partner is chosen for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextCeremony {
    pub id: String,
    pub held_on: String,
    pub place: String,
    pub chosen: bool,
}

/// A welcome pack that was sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SentPack {
    pub id: String,
    pub sent_on: NaiveDate,
}

/// The welcome pack of one partner, ready to copy or save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Welcome {
    pub partner_id: String,
    pub partner_name: String,
    /// The primary contact's address (for Outlook's To field), if any.
    pub to: String,
    pub subject: String,
    pub html: String,
    pub text: String,
    pub diploma: DiplomaReminder,
    /// Earlier sendings, newest first.
    pub sent: Vec<SentPack>,
}

/// What saving the pack wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SavedPack {
    pub folder: PathBuf,
    pub files: Vec<String>,
}

struct Parts {
    programme: String,
    municipality: String,
    greeting: String,
    partner: String,
    kind: String,
    initiative: String,
    goals: Vec<String>,
    events: Vec<EventSummary>,
    pool: Option<grants::Pool>,
    year: i32,
    contact: String,
    diploma_line: Option<String>,
}

fn diploma_reminder(
    conn: &Connection,
    partner_id: &str,
    today: NaiveDate,
) -> Result<DiplomaReminder> {
    let queue = diploma::store::queue(conn)?;
    let position = queue
        .iter()
        .position(|q| q.partner_id == partner_id)
        .map(|i| i + 1);
    let today = iso(today);
    let next_ceremony = diploma::store::ceremonies(conn)?
        .into_iter()
        .filter(|c| c.held_on.as_str() >= today.as_str())
        .min_by(|a, b| a.held_on.cmp(&b.held_on))
        .map(|c| NextCeremony {
            chosen: c.selection.iter().any(|id| id == partner_id),
            id: c.id,
            held_on: c.held_on,
            place: c.place,
        });
    Ok(DiplomaReminder {
        waiting: position.is_some(),
        position,
        next_ceremony,
    })
}

/// The welcome packs sent to the partner, newest first (what the partner
/// page's timeline reads).
pub fn sent(conn: &Connection, partner_id: &str) -> std::result::Result<Vec<SentPack>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, sent_on FROM welcome_packs WHERE partner_id = ?1
         ORDER BY sent_on DESC, created_at DESC",
    )?;
    let rows = stmt
        .query_map([partner_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, on)| dates::parse_iso(&on).map(|sent_on| SentPack { id, sent_on }))
        .collect())
}

/// Records that the partner's welcome pack was sent `today`.
pub fn record_sent(conn: &Connection, partner_id: &str, today: NaiveDate) -> Result<SentPack> {
    // Refuses an unknown, binned or erased partner with the register's message.
    let p = partners::get(conn, partner_id)?;
    if p.deleted_at.is_some() || p.erased_at.is_some() {
        return Err(partners::PartnerError::NotFound(partner_id.to_string()).into());
    }
    let id = new_id();
    let at = now();
    conn.execute(
        "INSERT INTO welcome_packs (id, partner_id, sent_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4)",
        params![id, partner_id, iso(today), at],
    )?;
    Ok(SentPack { id, sent_on: today })
}

fn pool_lines(p: &Parts) -> (String, Vec<String>) {
    let heading = format!("Søg puljen {}", p.year);
    let mut lines = Vec::new();
    match &p.pool {
        Some(pool) => {
            lines.push(format!(
                "Som partner kan I søge puljen om tilskud til jeres aktivitet. Puljen er på {} i alt, højst {} pr. ansøgning.",
                format_ore(pool.total_ore),
                format_ore(pool.max_per_application_ore)
            ));
            if !pool.criteria.trim().is_empty() {
                lines.push(format!("Kriterier: {}", pool.criteria.trim()));
            }
        }
        None => lines.push(
            "Som partner kan I søge puljen om tilskud til jeres aktivitet. Årets beløb og kriterier er ikke fastlagt endnu."
                .into(),
        ),
    }
    lines.push(
        "Sådan søger I: skriv kort, hvad I vil lave, hvornår, for hvem og hvad det koster, og send det til sundhedskonsulenten. I får svar med et brev om beslutningen."
            .into(),
    );
    (heading, lines)
}

fn render_html(p: &Parts, logo: Option<(String, u32)>, subject: &str) -> String {
    let mut b = mail_open(
        subject,
        logo,
        &p.municipality,
        &p.programme,
        "Velkommen som partner",
    );
    b.push_str(&format!(
        "<tr><td style=\"padding:24px 32px 0 32px;\">{}</td></tr>\n",
        paragraphs(&format!(
            "{},\n\nvelkommen som partner i {}. Vi glæder os til samarbejdet. Her er det vigtigste at vide nu, og vedhæftet finder I vores inspirationskatalog med idéer og eksempler fra andre partnere.",
            p.greeting, p.programme
        ))
    ));
    b.push_str(&h2("Jeres initiativ"));
    let mut lines = Vec::new();
    if !p.initiative.is_empty() {
        lines.push(p.initiative.clone());
    }
    if !p.goals.is_empty() {
        lines.push(format!("Mål: {}", p.goals.join(", ")));
    }
    if lines.is_empty() {
        lines.push(
            "Vi aftaler sammen, hvad jeres aktivitet bliver, og hvilke mål den hører til.".into(),
        );
    }
    b.push_str(&item(&format!("{} · {}", p.partner, p.kind), &lines));
    b.push_str(&h2("Kommende arrangementer"));
    if p.events.is_empty() {
        b.push_str(&item(
            "Ingen planlagte lige nu",
            &["Vi sender en invitation, når datoen for det næste er fastlagt.".into()],
        ));
    }
    for e in &p.events {
        let mut lines = vec![event_when(e)];
        if !e.place.is_empty() {
            lines.push(e.place.clone());
        }
        b.push_str(&item(&e.title, &lines));
    }
    let (heading, lines) = pool_lines(p);
    b.push_str(&h2(&heading));
    b.push_str(&format!(
        "<tr><td style=\"padding:8px 32px 0 32px;\">{}</td></tr>\n",
        paragraphs(&lines.join("\n\n"))
    ));
    if let Some(line) = &p.diploma_line {
        b.push_str(&h2("Jeres diplom"));
        b.push_str(&format!(
            "<tr><td style=\"padding:8px 32px 0 32px;\">{}</td></tr>\n",
            paragraphs(line)
        ));
    }
    b.push_str(&h2("Kontakt"));
    b.push_str(&format!(
        "<tr><td style=\"padding:8px 32px 16px 32px;\">{}</td></tr>\n",
        paragraphs(&p.contact)
    ));
    mail_close(
        b,
        &format!(
            "Du modtager denne e-mail, fordi {} er blevet partner i {}.",
            p.partner, p.programme
        ),
    )
}

fn render_text(p: &Parts) -> String {
    let mut t = String::new();
    if !p.municipality.is_empty() {
        t.push_str(&format!("{}\n", p.municipality));
    }
    t.push_str(&underline(&p.programme, '='));
    t.push_str("Velkommen som partner\n\n");
    t.push_str(&format!(
        "{},\n\nvelkommen som partner i {}. Vi glæder os til samarbejdet. Her er det vigtigste at vide nu, og vedhæftet finder I vores inspirationskatalog med idéer og eksempler fra andre partnere.\n",
        p.greeting, p.programme
    ));
    t.push('\n');
    t.push_str(&underline("Jeres initiativ", '-'));
    t.push_str(&format!("{} ({})\n", p.partner, p.kind));
    if !p.initiative.is_empty() {
        t.push_str(&format!("{}\n", p.initiative));
    }
    if !p.goals.is_empty() {
        t.push_str(&format!("Mål: {}\n", p.goals.join(", ")));
    }
    t.push('\n');
    t.push_str(&underline("Kommende arrangementer", '-'));
    if p.events.is_empty() {
        t.push_str("Ingen planlagte lige nu. Vi sender en invitation, når datoen for det næste er fastlagt.\n");
    }
    for e in &p.events {
        t.push_str(&format!("* {}: {}\n", event_when(e), e.title));
        if !e.place.is_empty() {
            t.push_str(&format!("  {}\n", e.place));
        }
    }
    let (heading, lines) = pool_lines(p);
    t.push('\n');
    t.push_str(&underline(&heading, '-'));
    for l in lines {
        t.push_str(&format!("{l}\n"));
    }
    if let Some(line) = &p.diploma_line {
        t.push('\n');
        t.push_str(&underline("Jeres diplom", '-'));
        t.push_str(&format!("{line}\n"));
    }
    t.push('\n');
    t.push_str(&underline("Kontakt", '-'));
    t.push_str(&format!("{}\n", p.contact.trim()));
    t
}

/// The partner's welcome pack as of `today`.
pub fn build(conn: &Connection, partner_id: &str, today: NaiveDate) -> Result<Welcome> {
    let partner = partners::get(conn, partner_id)?;
    if partner.deleted_at.is_some() || partner.erased_at.is_some() {
        return Err(partners::PartnerError::NotFound(partner_id.to_string()).into());
    }
    let programme = settings::programme(conn)?;
    let name = if programme.name.trim().is_empty() {
        "Sund By".to_string()
    } else {
        programme.name.trim().to_string()
    };
    let primary = partner
        .contacts
        .iter()
        .find(|c| c.is_primary)
        .or(partner.contacts.first());
    let greeting = match primary.map(|c| c.name.trim()).filter(|n| !n.is_empty()) {
        Some(n) => format!("Kære {n}"),
        None => format!("Kære {}", partner.name.trim()),
    };
    let events: Vec<EventSummary> = newsletter::upcoming(conn, today - Days::new(1))?
        .into_iter()
        .take(MAX_EVENTS)
        .collect();
    let reminder = diploma_reminder(conn, partner_id, today)?;
    let diploma_line = match (&reminder.waiting, &reminder.next_ceremony) {
        (true, Some(c)) => Some(format!(
            "I får jeres partnerdiplom ved den næste diplomoverrækkelse {}{}. Invitationen følger.",
            date_da(&c.held_on),
            if c.place.trim().is_empty() {
                String::new()
            } else {
                format!(" ({})", c.place.trim())
            }
        )),
        (true, None) => Some(
            "I får jeres partnerdiplom ved den næste diplomoverrækkelse. Vi sender en invitation, når datoen er fastlagt."
                .into(),
        ),
        (false, _) => None,
    };
    let parts = Parts {
        programme: name.clone(),
        municipality: programme.municipality.trim().to_string(),
        greeting,
        partner: partner.name.trim().to_string(),
        kind: labels::kind(partner.kind, crate::i18n::Lang::Da).to_string(),
        initiative: partner.initiative.trim().to_string(),
        goals: partner.goals.iter().map(|g| g.title.clone()).collect(),
        events,
        pool: grants::pool(conn, today.year())?,
        year: today.year(),
        contact: text(conn, "contact")?.body,
        diploma_line,
    };
    let subject = format!("Velkommen som partner i {name}");
    let html = render_html(&parts, logo_data_uri(conn)?, &subject);
    let text = render_text(&parts);
    Ok(Welcome {
        partner_id: partner.id.clone(),
        partner_name: parts.partner.clone(),
        to: primary
            .map(|c| c.email.trim().to_string())
            .unwrap_or_default(),
        subject,
        html,
        text,
        diploma: reminder,
        sent: sent(conn, partner_id)?,
    })
}

/// Saves the pack as a folder at `target`: the e-mail as HTML and text and
/// the inspiration catalogue's PDF beside them (every consenting active
/// partner's examples). Returns the folder and its files.
pub fn save(
    conn: &Connection,
    partner_id: &str,
    target: &Target,
    today: NaiveDate,
) -> Result<SavedPack> {
    let w = build(conn, partner_id, today)?;
    let pdf = catalogue::render(conn, &CatalogueInput::default(), today)?;
    let catalogue_name = catalogue::file_name(today, Format::Pdf);
    let entries = [
        Entry {
            name: "Velkomstmail.html",
            bytes: w.html.as_bytes(),
        },
        Entry {
            name: "Velkomstmail.txt",
            bytes: w.text.as_bytes(),
        },
        Entry {
            name: &catalogue_name,
            bytes: &pdf,
        },
    ];
    let folder_name = format!("Velkomstpakke {} {}", w.partner_name, iso(today));
    let folder = files::save_folder(conn, DocKind::Publications, target, &folder_name, &entries)?;
    Ok(SavedPack {
        folder,
        files: entries.iter().map(|e| e.name.to_string()).collect(),
    })
}
