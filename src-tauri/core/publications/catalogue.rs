//! The inspiration catalogue (Inspirationskatalog) for new partners, an A4
//! PDF through [`crate::print`] and an editable Word document through
//! [`crate::docx`], both laid out from one [`Content`] (built once by
//! [`content`], so the two never differ in what they say): a cover with the programme's logo, name and
//! municipality; the edited introduction; what a partner commits to and
//! gets (the pool's amounts and criteria read from [`crate::grants::pool`]);
//! the goals in the programme's order, each with examples from active
//! partners who consented to be named (and the goal's own example text when
//! the register has fewer than [`MIN_EXAMPLES`]); how to join and whom to
//! contact. Printed in Danish: it is handed to the city's partners.
//!
//! User text is printed literally (neither the PDF nor the .docx has
//! markup; the docx writer escapes it for XML); a missing logo leaves a
//! cover with the programme's name only.

use super::{text, Result, EXAMPLE_PREFIX};
use crate::docx;
use crate::files::{self, DocKind, Target};
use crate::grants;
use crate::labels;
use crate::partners::lookup::{public_profiles, PublicProfile};
use crate::partners::Status;
use crate::print::{self, Block as PrintBlock, Document};
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

/// The catalogue's cover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cover {
    /// The programme's logo: bytes, JPEG or PNG, width and height in pixels.
    pub logo: Option<Logo>,
    pub kicker: String,
    pub title: String,
    pub subtitle: String,
    pub lines: Vec<String>,
}

/// The programme's logo as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub bytes: Vec<u8>,
    pub jpeg: bool,
    pub width: u32,
    pub height: u32,
}

/// One piece of the catalogue's text, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
    Quote(String),
    Bullets(Vec<String>),
    Facts(Vec<(String, String)>),
    /// A goal with its examples: kept on one page in the PDF when it fits.
    Group(Vec<Block>),
}

/// What the catalogue says, once: the PDF and the .docx are laid out from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    pub title: String,
    pub author: String,
    pub footer: String,
    pub cover: Cover,
    pub blocks: Vec<Block>,
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

fn logo(conn: &Connection, programme: &settings::Programme) -> Result<Option<Logo>> {
    let Some(r) = &programme.logo else {
        return Ok(None);
    };
    // An unreadable stored logo leaves the cover without one, never no catalogue.
    Ok(settings::image_bytes(conn, &r.id)?
        .filter(|(_, b)| crate::diploma::picture::readable(b))
        .map(|(mime, bytes)| Logo {
            bytes,
            jpeg: mime == "image/jpeg",
            width: r.width,
            height: r.height,
        }))
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
    vec![Block::Group(group)]
}

/// What the catalogue says, dated `today`.
pub fn content(conn: &Connection, input: &CatalogueInput, today: NaiveDate) -> Result<Content> {
    let programme = settings::programme(conn)?;
    let name = if programme.name.trim().is_empty() {
        "Sund By".to_string()
    } else {
        programme.name.trim().to_string()
    };
    let mut lines = Vec::new();
    if !programme.municipality.trim().is_empty() {
        lines.push(programme.municipality.trim().to_string());
    }
    lines.push(dates::long_da(today));
    let cover = Cover {
        logo: logo(conn, &programme)?,
        kicker: name.clone(),
        title: "Inspirationskatalog".into(),
        subtitle: "Bliv partner – og se, hvad andre gør".into(),
        lines,
    };
    let mut b = vec![
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
    Ok(Content {
        title: format!("Inspirationskatalog – {name}"),
        author: programme.municipality.clone(),
        footer: format!("{name} · Inspirationskatalog"),
        cover,
        blocks: b,
    })
}

fn print_block(b: &Block) -> PrintBlock {
    match b {
        Block::Heading { level, text } => PrintBlock::Heading {
            level: *level,
            text: text.clone(),
        },
        Block::Paragraph(t) => PrintBlock::Paragraph(t.clone()),
        Block::Quote(t) => PrintBlock::Quote(t.clone()),
        Block::Bullets(items) => PrintBlock::Bullets(items.clone()),
        Block::Facts(pairs) => PrintBlock::Facts(pairs.clone()),
        Block::Group(blocks) => {
            let mut group: Vec<PrintBlock> = blocks.iter().map(print_block).collect();
            group.push(PrintBlock::Space(4.0));
            PrintBlock::KeepTogether(group)
        }
    }
}

/// The catalogue as a printable document: the cover, the contents, the text.
pub fn print_document(c: &Content) -> Document {
    let mut doc = Document::new(c.title.clone());
    doc.author = c.author.clone();
    doc.footer = c.footer.clone();
    let logo = c
        .cover
        .logo
        .as_ref()
        .and_then(|l| print::Image::from_bytes(l.bytes.clone()).ok());
    doc.blocks = vec![
        PrintBlock::Cover {
            logo,
            kicker: c.cover.kicker.clone(),
            title: c.cover.title.clone(),
            subtitle: c.cover.subtitle.clone(),
            lines: c.cover.lines.clone(),
        },
        PrintBlock::Contents,
        PrintBlock::PageBreak,
    ];
    doc.blocks.extend(c.blocks.iter().map(print_block));
    doc
}

/// The catalogue as a printable document, dated `today`.
pub fn document(conn: &Connection, input: &CatalogueInput, today: NaiveDate) -> Result<Document> {
    Ok(print_document(&content(conn, input, today)?))
}

fn word_blocks(b: &Block, out: &mut Vec<docx::Block>) {
    match b {
        Block::Heading { level, text } => out.push(docx::Block::Heading {
            level: *level,
            text: text.clone(),
        }),
        Block::Paragraph(t) => out.push(docx::Block::Paragraph(t.clone())),
        Block::Quote(t) => out.push(docx::Block::Quote(t.clone())),
        Block::Bullets(items) => out.push(docx::Block::Bullets(items.clone())),
        Block::Facts(pairs) => out.push(docx::Block::Table {
            header: Vec::new(),
            rows: pairs
                .iter()
                .map(|(l, v)| vec![l.clone(), v.clone()])
                .collect(),
        }),
        Block::Group(blocks) => blocks.iter().for_each(|b| word_blocks(b, out)),
    }
}

/// The catalogue as an editable Word document: the cover (logo, title,
/// subtitle, lines), a page break, the text with real headings (Word's
/// navigation pane and its own contents see them).
pub fn word_document(c: &Content) -> docx::Document {
    let mut blocks = Vec::new();
    if let Some(l) = &c.cover.logo {
        blocks.push(docx::Block::Image(docx::Picture {
            bytes: l.bytes.clone(),
            jpeg: l.jpeg,
            width_px: l.width,
            height_px: l.height,
            max_width_mm: 80,
            max_height_mm: 40,
        }));
    }
    blocks.push(docx::Block::Paragraph(c.cover.kicker.clone()));
    blocks.push(docx::Block::Title(c.cover.title.clone()));
    blocks.push(docx::Block::Subtitle(c.cover.subtitle.clone()));
    blocks.push(docx::Block::Paragraph(c.cover.lines.join("\n")));
    blocks.push(docx::Block::PageBreak);
    for b in &c.blocks {
        word_blocks(b, &mut blocks);
    }
    docx::Document {
        title: c.title.clone(),
        author: c.author.clone(),
        blocks,
    }
}

/// The catalogue's .docx.
pub fn render_docx(conn: &Connection, input: &CatalogueInput, today: NaiveDate) -> Result<Vec<u8>> {
    Ok(docx::write(&word_document(&content(conn, input, today)?))?)
}

/// The catalogue's PDF.
pub fn render(conn: &Connection, input: &CatalogueInput, today: NaiveDate) -> Result<Vec<u8>> {
    Ok(print::render(&document(conn, input, today)?)?)
}

/// The catalogue's two formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    #[default]
    Pdf,
    Docx,
}

impl Format {
    /// The file extension.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }
}

/// The name the catalogue is saved under.
pub fn file_name(today: NaiveDate, format: Format) -> String {
    format!("Inspirationskatalog {}.{}", dates::iso(today), format.ext())
}

/// Saves the catalogue's PDF at `target`; returns the path written.
pub fn save(
    conn: &Connection,
    input: &CatalogueInput,
    target: &Target,
    today: NaiveDate,
) -> Result<PathBuf> {
    save_as(conn, input, target, today, Format::Pdf)
}

/// Saves the catalogue as PDF or .docx at `target`; returns the path written.
pub fn save_as(
    conn: &Connection,
    input: &CatalogueInput,
    target: &Target,
    today: NaiveDate,
    format: Format,
) -> Result<PathBuf> {
    let bytes = match format {
        Format::Pdf => render(conn, input, today)?,
        Format::Docx => render_docx(conn, input, today)?,
    };
    let name = file_name(today, format);
    Ok(files::save(
        conn,
        DocKind::Publications,
        target,
        &name,
        &bytes,
    )?)
}
