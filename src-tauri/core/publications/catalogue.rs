//! The inspiration catalogue (Inspirationskatalog) for new partners, an A4
//! PDF through [`crate::print`]: a cover with the programme's logo, name and
//! municipality; the edited introduction; what a partner commits to and
//! gets (the pool's amounts and criteria read from [`crate::grants::pool`]);
//! the goals in the programme's order, each with examples from active
//! partners who consented to be named (and the goal's own example text when
//! the register has fewer than [`MIN_EXAMPLES`]); how to join and whom to
//! contact. Printed in Danish: it is handed to the city's partners.
//!
//! User text is printed literally (the PDF has no markup); a missing logo
//! leaves a cover with the programme's name only.

use super::{text, Result, EXAMPLE_PREFIX};
use crate::files::{self, DocKind, Target};
use crate::grants;
use crate::labels;
use crate::partners::lookup::{public_profiles, PublicProfile};
use crate::partners::Status;
use crate::print::{self, Block, Document};
use crate::settings;
use crate::{dates, i18n::Lang, money};
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::PathBuf;

/// Below this many register examples a goal also gets its own example text.
pub const MIN_EXAMPLES: usize = 2;
/// At most this many partners' examples per goal.
pub const MAX_EXAMPLES: usize = 8;

/// What the consultant chose.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CatalogueInput {
    /// The partners whose examples appear; `None` = every consenting active partner.
    #[serde(default)]
    pub partner_ids: Option<Vec<String>>,
}

/// One partner's example under a goal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Example {
    pub partner_id: String,
    pub name: String,
    pub kind: String,
    pub initiative: String,
}

/// A goal with its examples, in the programme's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GoalExamples {
    pub goal_id: String,
    pub title: String,
    pub examples: Vec<Example>,
    /// The goal's own example text (printed when the register has too few).
    pub own_text: String,
}

/// The partners who may give examples: active, consenting, with an initiative.
pub fn candidates(conn: &Connection) -> Result<Vec<PublicProfile>> {
    Ok(public_profiles(conn, Some(Status::Aktiv))?
        .into_iter()
        .filter(|p| !p.initiative.trim().is_empty())
        .collect())
}

/// Every goal with the examples the catalogue prints.
pub fn examples(conn: &Connection, input: &CatalogueInput) -> Result<Vec<GoalExamples>> {
    let chosen: Option<HashSet<&str>> = input
        .partner_ids
        .as_ref()
        .map(|ids| ids.iter().map(String::as_str).collect());
    let partners: Vec<PublicProfile> = candidates(conn)?
        .into_iter()
        .filter(|p| chosen.as_ref().is_none_or(|c| c.contains(p.id.as_str())))
        .collect();
    let mut out = Vec::new();
    for goal in settings::goals(conn, false)? {
        let examples = partners
            .iter()
            .filter(|p| p.goal_ids.contains(&goal.id))
            .take(MAX_EXAMPLES)
            .map(|p| Example {
                partner_id: p.id.clone(),
                name: p.name.clone(),
                kind: labels::kind(p.kind, Lang::Da).to_string(),
                initiative: p.initiative.trim().to_string(),
            })
            .collect();
        let own_text = text(conn, &format!("{EXAMPLE_PREFIX}{}", goal.id))?.body;
        out.push(GoalExamples {
            goal_id: goal.id,
            title: goal.title,
            examples,
            own_text,
        });
    }
    Ok(out)
}

fn logo(conn: &Connection, programme: &settings::Programme) -> Result<Option<print::Image>> {
    let Some(r) = &programme.logo else {
        return Ok(None);
    };
    // An unreadable stored logo leaves the cover without one, never no catalogue.
    Ok(settings::image_bytes(conn, &r.id)?.and_then(|(_, b)| print::Image::from_bytes(b).ok()))
}

fn pool_blocks(conn: &Connection, year: i32) -> Result<Vec<Block>> {
    let mut out = vec![Block::Heading {
        level: 2,
        text: format!("Puljen {year}"),
    }];
    match grants::pool(conn, year)? {
        Some(pool) => {
            out.push(Block::Paragraph(
                "Partnere kan søge puljen om et tilskud til deres aktivitet.".into(),
            ));
            out.push(Block::Facts(vec![
                ("Puljen i alt".into(), money::format_ore(pool.total_ore)),
                (
                    "Højst pr. ansøgning".into(),
                    money::format_ore(pool.max_per_application_ore),
                ),
            ]));
            if !pool.criteria.trim().is_empty() {
                out.push(Block::Heading {
                    level: 3,
                    text: "Kriterier".into(),
                });
                out.push(Block::Paragraph(pool.criteria.trim().to_string()));
            }
        }
        None => out.push(Block::Paragraph(
            "Puljens beløb og kriterier for året er ikke fastlagt endnu. Spørg \
             sundhedskonsulenten."
                .into(),
        )),
    }
    Ok(out)
}

fn goal_blocks(g: &GoalExamples) -> Vec<Block> {
    let mut group = vec![Block::Heading {
        level: 2,
        text: g.title.clone(),
    }];
    for e in &g.examples {
        group.push(Block::Heading {
            level: 3,
            text: format!("{} · {}", e.name, e.kind),
        });
        group.push(Block::Paragraph(e.initiative.clone()));
    }
    if g.examples.len() < MIN_EXAMPLES {
        if !g.own_text.trim().is_empty() {
            group.push(Block::Quote(g.own_text.trim().to_string()));
        } else if g.examples.is_empty() {
            group.push(Block::Paragraph(
                "Her er plads til jeres aktivitet: bliv den første partner med dette mål.".into(),
            ));
        }
    }
    group.push(Block::Space(4.0));
    vec![Block::KeepTogether(group)]
}

/// The catalogue as a printable document, dated `today`.
pub fn document(conn: &Connection, input: &CatalogueInput, today: NaiveDate) -> Result<Document> {
    let programme = settings::programme(conn)?;
    let name = if programme.name.trim().is_empty() {
        "Sund By".to_string()
    } else {
        programme.name.trim().to_string()
    };
    let mut doc = Document::new(format!("Inspirationskatalog – {name}"));
    doc.author = programme.municipality.clone();
    doc.footer = format!("{name} · Inspirationskatalog");
    let mut lines = Vec::new();
    if !programme.municipality.trim().is_empty() {
        lines.push(programme.municipality.trim().to_string());
    }
    lines.push(dates::long_da(today));
    let mut b = vec![
        Block::Cover {
            logo: logo(conn, &programme)?,
            kicker: name.clone(),
            title: "Inspirationskatalog".into(),
            subtitle: "Bliv partner – og se, hvad andre gør".into(),
            lines,
        },
        Block::Contents,
        Block::PageBreak,
        Block::Heading {
            level: 1,
            text: format!("Hvad er {name}?"),
        },
        Block::Paragraph(text(conn, "intro")?.body),
        Block::Heading {
            level: 1,
            text: "Det forpligter I jer til".into(),
        },
        Block::Paragraph(text(conn, "commitment")?.body),
        Block::Heading {
            level: 1,
            text: "Det får I som partner".into(),
        },
        Block::Bullets(vec![
            "Et diplom, der viser, at I er partner.".into(),
            "Invitationer til programmets arrangementer og netværksmøder.".into(),
            "Et netværk af andre partnere i byen at dele idéer og erfaringer med.".into(),
            "Jeres navn og aktivitet på kommunens hjemmeside og i nyhedsbrevet, når I siger ja til det."
                .into(),
            "Mulighed for at søge puljen om tilskud til jeres aktivitet.".into(),
        ]),
    ];
    b.extend(pool_blocks(conn, today.year())?);
    b.push(Block::Heading {
        level: 1,
        text: "Målene – og hvad andre partnere gør".into(),
    });
    for g in examples(conn, input)? {
        b.extend(goal_blocks(&g));
    }
    b.push(Block::Heading {
        level: 1,
        text: "Sådan bliver I partner".into(),
    });
    b.push(Block::Paragraph(text(conn, "join")?.body));
    b.push(Block::Heading {
        level: 2,
        text: "Kontakt".into(),
    });
    b.push(Block::Paragraph(text(conn, "contact")?.body));
    doc.blocks = b;
    Ok(doc)
}

/// The catalogue's PDF.
pub fn render(conn: &Connection, input: &CatalogueInput, today: NaiveDate) -> Result<Vec<u8>> {
    Ok(print::render(&document(conn, input, today)?)?)
}

/// Saves the catalogue's PDF at `target`; returns the path written.
pub fn save(
    conn: &Connection,
    input: &CatalogueInput,
    target: &Target,
    today: NaiveDate,
) -> Result<PathBuf> {
    let bytes = render(conn, input, today)?;
    let name = format!("Inspirationskatalog {}.pdf", dates::iso(today));
    Ok(files::save(
        conn,
        DocKind::Publications,
        target,
        &name,
        &bytes,
    )?)
}
