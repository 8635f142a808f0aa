//! The case for Sund By Netværket's case bank, filled from the app: every
//! field of the case bank's form, in its order, prefilled from the settings,
//! the consultant's contact, the figures of the programme period and the
//! newest evaluation. The consultant edits any field; an edited field is
//! kept as written (table `report_case`), a field never edited follows the
//! data. Outputs: an editable Word document (headings as the case bank's
//! sections, through the shared [`crate::docx`] writer) and plain text,
//! field by field, ready to paste into the case bank's web form.
//!
//! The case bank is Danish, so the case is always written in Danish.

use super::contact::{self, Contact};
use super::evaluation::{self, degree_label, evaluated_label};
use super::figures::{figures, Figures};
use super::{period, PeriodInput, ReportError, Result};
use crate::docx::{self, Block};
use crate::i18n::Lang;
use crate::store::now;
use crate::{dates, money, settings, validate};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::collections::BTreeMap;

/// Longest text of one field.
pub const MAX_FIELD: usize = 50_000;

/// The case bank's fields, in its order: key, heading, multi-line.
pub const FIELDS: &[(&str, &str, bool)] = &[
    ("title", "Titel", false),
    ("subtitle", "Undertitel", false),
    ("contact", "Kontakt", true),
    ("initiative_type", "Type indsats", false),
    ("economy_interval", "Økonomi pr. år", false),
    ("purpose", "Formål", true),
    ("target_arena", "Målgruppe & Arena", true),
    ("project_period", "Projektperiode", false),
    ("description", "Beskrivelse af indsats", true),
    ("organisation", "Organisering og samarbejdspartnere", true),
    ("recruitment", "Rekruttering", true),
    ("economy", "Økonomi", true),
    ("effect", "Virkning", true),
    ("evaluated", "Evalueret", false),
    ("purpose_met", "Er formålet opfyldt?", false),
    (
        "implemented",
        "Er indsatsen blevet implementeret som planlagt?",
        false,
    ),
    (
        "attention",
        "Opmærksomhedspunkter for implementering af indsatsen",
        true,
    ),
    (
        "barriers",
        "Barrierer for gennemførelsen af indsatsen",
        true,
    ),
    (
        "promoting",
        "Fremmende tiltag for gennemførelsen af indsatsen",
        true,
    ),
    ("comments", "Yderligere kommentarer", true),
];

/// One field of the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseField {
    pub key: &'static str,
    pub label: &'static str,
    pub multiline: bool,
    /// What the case says: the edited text, or the prefill.
    pub value: String,
    /// What the data says (shown to go back to it).
    pub prefill: String,
    pub edited: bool,
}

/// The case as it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Case {
    pub fields: Vec<CaseField>,
    /// When the consultant last saved an edit, if ever.
    pub updated_at: Option<String>,
}

impl Case {
    pub fn value(&self, key: &str) -> &str {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map_or("", |f| f.value.as_str())
    }
}

fn stored(conn: &Connection) -> Result<(BTreeMap<String, String>, Option<String>)> {
    let row: Option<(String, String)> = conn
        .query_row(
            "SELECT fields, updated_at FROM report_case WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(match row {
        Some((json, at)) => (serde_json::from_str(&json).unwrap_or_default(), Some(at)),
        None => (BTreeMap::new(), None),
    })
}

/// The case: the stored edits over the prefill from the data.
pub fn case(conn: &Connection, today: NaiveDate) -> Result<Case> {
    let period = period(conn, &PeriodInput::default(), today)?;
    let f = figures(conn, period, Lang::Da)?;
    let prefill = prefill(conn, &f)?;
    let (edits, updated_at) = stored(conn)?;
    let fields = FIELDS
        .iter()
        .map(|(key, label, multiline)| {
            let pre = prefill.get(key).cloned().unwrap_or_default();
            let edit = edits.get(*key);
            CaseField {
                key,
                label,
                multiline: *multiline,
                value: edit.cloned().unwrap_or_else(|| pre.clone()),
                edited: edit.is_some(),
                prefill: pre,
            }
        })
        .collect();
    Ok(Case { fields, updated_at })
}

/// Saves the consultant's edits: a key with text keeps that text; a key
/// with `None` goes back to the prefill. Unknown keys are refused.
pub fn save(
    conn: &Connection,
    edits: &BTreeMap<String, Option<String>>,
    today: NaiveDate,
) -> Result<Case> {
    let (mut stored, _) = stored(conn)?;
    for (key, value) in edits {
        let Some((k, _, multiline)) = FIELDS.iter().find(|f| f.0 == key) else {
            return Err(validate::ValidationError::new(
                "case_field",
                validate::Problem::InvalidChoice,
            )
            .into());
        };
        match value {
            Some(v) => {
                let v = validate::text("case_field", v, MAX_FIELD, false, *multiline)?;
                stored.insert((*k).to_string(), v);
            }
            None => {
                stored.remove(*k);
            }
        }
    }
    let json = serde_json::to_string(&stored).map_err(|e| ReportError::Document(e.to_string()))?;
    conn.execute(
        "INSERT INTO report_case (id, fields, updated_at) VALUES (1, ?1, ?2)
         ON CONFLICT(id) DO UPDATE SET fields = ?1, updated_at = ?2",
        params![json, now()],
    )?;
    case(conn, today)
}

fn kr(ore: i64) -> String {
    money::format_ore(ore)
}

/// The case bank's interval for the money spent per year (the pool).
pub fn economy_interval(per_year_ore: Option<i64>) -> &'static str {
    match per_year_ore.map(|o| o / 100) {
        None | Some(0) => "Ikke oplyst",
        Some(k) if k < 50_000 => "Under 50.000",
        Some(k) if k <= 100_000 => "50.000 - 100.000",
        Some(k) if k <= 500_000 => "100.000 - 500.000",
        Some(k) if k <= 1_000_000 => "500.000 - 1.000.000",
        Some(_) => "Over 1.000.000",
    }
}

fn contact_text(c: &Contact) -> String {
    let mut lines: Vec<String> = [&c.name, &c.title, &c.unit]
        .into_iter()
        .filter(|s| !s.is_empty())
        .cloned()
        .collect();
    if !c.phone.is_empty() {
        lines.push(format!("Tlf: {}", c.phone));
    }
    if !c.email.is_empty() {
        lines.push(c.email.clone());
    }
    lines.join("\n")
}

fn prefill(conn: &Connection, f: &Figures) -> Result<BTreeMap<&'static str, String>> {
    let s = settings::get(conn)?;
    let p = &s.programme;
    let contact = contact::get(conn)?;
    let eval = evaluation::latest(conn)?;
    let goals: Vec<String> = s
        .goals
        .iter()
        .filter(|g| !g.retired)
        .map(|g| g.title.clone())
        .collect();
    let mut m = BTreeMap::new();
    let place = if p.municipality.is_empty() {
        "kommunen".to_string()
    } else {
        format!("{} Kommune", p.municipality.trim_end_matches(" Kommune"))
    };
    m.insert("title", p.name.clone());
    m.insert(
        "subtitle",
        format!("Et partnerskab for sundhed og trivsel i {place}"),
    );
    m.insert("contact", contact_text(&contact));
    m.insert("initiative_type", "Indsatsen er et projekt".into());
    let per_year = f.pool.years.iter().map(|y| y.total_ore).max();
    m.insert("economy_interval", economy_interval(per_year).into());
    m.insert(
        "purpose",
        format!(
            "At samarbejde på tværs med så mange aktører som muligt for at fremme sundhed og trivsel i {place}."
        ),
    );
    m.insert("target_arena", f.partners.kind_sentence.clone());
    let period = match (p.period_from, p.period_to) {
        (Some(a), Some(b)) => format!("{} - {}", dates::short(a), dates::short(b)),
        (Some(a), None) => format!("Fra {}", dates::short(a)),
        _ => format!(
            "{} - {}",
            dates::short(f.period.from),
            dates::short(f.period.to)
        ),
    };
    m.insert("project_period", period);
    let mut desc =
        String::from("Partnerne byder ind på en eller flere af programmets målsætninger:\n");
    for g in &goals {
        desc.push_str(&format!("• {g}\n"));
    }
    desc.push_str(&format!(
        "\nPartnerne får et diplom som bevis på partnerskabet; {} diplomer er overrakt ved {} overrækkelser.\n",
        f.diplomas.handed_out,
        f.diplomas.ceremonies.len()
    ));
    desc.push_str(&format!(
        "Der er holdt {} arrangementer med {} deltagere.",
        f.events.events, f.events.attended
    ));
    if let Some(y) = f.pool.years.last() {
        desc.push_str(&format!(
            "\nPartnerne kan søge puljen på {} ({}); der er bevilget {} til {} aktiviteter.",
            kr(y.total_ore),
            y.year,
            kr(f.pool.granted_ore),
            f.pool.granted_count
        ));
    }
    m.insert("description", desc);
    m.insert(
        "organisation",
        format!(
            "Netværket tæller {} partnere ved periodens slutning. {}.",
            f.partners.registered, f.partners.kind_sentence
        ),
    );
    let mut rec = String::from("Partnerne er rekrutteret via:\n");
    for c in &f.partners.by_channel {
        rec.push_str(&format!(
            "• {}: {} partnere, heraf {} aktive\n",
            c.label, c.recruited, c.became_active
        ));
    }
    if f.partners.by_channel.is_empty() {
        rec = "Rekrutteringskanalerne er ikke registreret.".into();
    }
    m.insert("recruitment", rec.trim_end().to_string());
    let mut eco = String::new();
    for y in &f.pool.years {
        eco.push_str(&format!(
            "Puljen {}: {}, bevilget {}, udbetalt {}, tilbage {}.\n",
            y.year,
            kr(y.total_ore),
            kr(y.granted_ore),
            kr(y.paid_ore),
            kr(y.remaining_ore)
        ));
    }
    m.insert("economy", eco.trim_end().to_string());
    let mut effect = format!(
        "{} partnere er aktive ({}). {} arrangementer har haft {} deltagere; offentlige arrangementer har nået {} borgere. Puljens aktiviteter forventede at nå {} og har rapporteret {} deltagere.",
        f.partners.active,
        f.partners.kind_sentence,
        f.events.events,
        f.events.attended,
        f.events.citizens_reached,
        f.pool.expected_reach,
        f.pool.reported_reach
    );
    if let Some(e) = &eval {
        if !e.effect.is_empty() {
            effect = format!("{}\n\n{effect}", e.effect);
        }
    }
    m.insert("effect", effect);
    if let Some(e) = &eval {
        m.insert("evaluated", evaluated_label(&e.evaluated, Lang::Da).into());
        m.insert("purpose_met", degree_label(e.purpose_met, Lang::Da).into());
        m.insert("implemented", degree_label(e.implemented, Lang::Da).into());
        m.insert("attention", e.attention.clone());
        m.insert("barriers", e.barriers.clone());
        m.insert("promoting", e.promoting.clone());
    } else {
        m.insert("evaluated", evaluated_label("nej", Lang::Da).into());
    }
    Ok(m)
}

/// Plain text for the case bank's web form: each field's heading, then its
/// text, separated by a blank line.
pub fn plain_text(case: &Case) -> String {
    let mut s = String::new();
    for f in &case.fields {
        s.push_str(f.label);
        s.push('\n');
        s.push_str(&f.value);
        s.push_str("\n\n");
    }
    s.trim_end().to_string() + "\n"
}

/// The case as a Word document: the title as heading 1, the subtitle as a
/// paragraph, each field a heading 2 with its text; lines starting "• " or
/// "- " become a bullet list.
pub fn document(case: &Case) -> docx::Document {
    let title = match case.value("title").trim() {
        "" => "Case",
        t => t,
    };
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: title.to_string(),
    }];
    if !case.value("subtitle").is_empty() {
        blocks.push(Block::Paragraph(case.value("subtitle").to_string()));
    }
    for f in case
        .fields
        .iter()
        .filter(|f| f.key != "title" && f.key != "subtitle")
    {
        blocks.push(Block::Heading {
            level: 2,
            text: f.label.to_string(),
        });
        blocks.extend(text_blocks(&f.value, f.multiline));
    }
    docx::Document {
        title: title.to_string(),
        author: "Sund By Partner".into(),
        blocks,
    }
}

/// Paragraphs split on blank lines; runs of bullet lines become lists.
fn text_blocks(text: &str, multiline: bool) -> Vec<Block> {
    if !multiline {
        return vec![Block::Paragraph(text.to_string())];
    }
    let mut out = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut bullets: Vec<String> = Vec::new();
    let flush_para = |para: &mut Vec<&str>, out: &mut Vec<Block>| {
        if !para.is_empty() {
            out.push(Block::Paragraph(para.join("\n")));
            para.clear();
        }
    };
    for line in text.lines() {
        let t = line.trim();
        if let Some(item) = t.strip_prefix("• ").or_else(|| t.strip_prefix("- ")) {
            flush_para(&mut para, &mut out);
            bullets.push(item.to_string());
            continue;
        }
        if !bullets.is_empty() {
            out.push(Block::Bullets(std::mem::take(&mut bullets)));
        }
        if t.is_empty() {
            flush_para(&mut para, &mut out);
        } else {
            para.push(line);
        }
    }
    flush_para(&mut para, &mut out);
    if !bullets.is_empty() {
        out.push(Block::Bullets(bullets));
    }
    out
}

/// The .docx bytes of the case.
pub fn docx_bytes(case: &Case) -> Result<Vec<u8>> {
    docx::write(&document(case)).map_err(|e| ReportError::Document(e.to_string()))
}
