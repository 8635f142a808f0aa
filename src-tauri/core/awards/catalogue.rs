//! The nomination catalogue (Indstillingskatalog) and the committee's
//! scoring sheet as print-ready A4 PDFs, written by the shared
//! [`crate::print`] module (same fonts as the diplomas, embedded and
//! subset; text that does not fit flows on to the next page).
//!
//! The catalogue: a cover with the programme's logo and the round's name,
//! the contents, the introduction, the prizes and the criteria, then one
//! section per nominee who consented to the catalogue (name, initiative,
//! photo, goals, a text per criterion). Erased nominees are left out. The
//! scoring sheet: per committee-prize nomination its criteria texts and an
//! empty box per criterion, for a member to fill in at the meeting.

use super::rounds::round;
use super::sql::Result;
use super::types::*;
use super::AwardError;
use crate::dates;
use crate::files::{self, DocKind, Target};
use crate::i18n::Lang;
use crate::print::{self, Block, Document};
use crate::settings;
use rusqlite::Connection;
use std::path::PathBuf;

fn pdf_error(e: print::PrintError) -> AwardError {
    AwardError::Print(e)
}

fn paragraphs(text: &str) -> Vec<Block> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| Block::Paragraph(p.replace('\n', " ")))
        .collect()
}

fn when_where(r: &Round) -> Option<String> {
    let date = r
        .celebration_on
        .as_deref()
        .and_then(dates::parse_iso)
        .map(dates::long_da);
    match (date, r.celebration_place.trim()) {
        (None, "") => None,
        (Some(d), "") => Some(format!("Fejring {d}")),
        (None, p) => Some(format!("Fejring: {p}")),
        (Some(d), p) => Some(format!("Fejring {d}, {p}")),
    }
}

/// The programme's colour (the diplomas' colour setting).
fn accent(conn: &Connection) -> crate::diploma::Rgb {
    crate::diploma::store::get_settings(conn)
        .ok()
        .and_then(|s| crate::diploma::Rgb::parse(&s.colour))
        .unwrap_or(crate::diploma::Rgb::DEFAULT)
}

/// A nomination's photo, ready to print.
pub(super) fn photo_of(conn: &Connection, n: &Nomination) -> Result<Option<print::Image>> {
    if !n.has_photo {
        return Ok(None);
    }
    match super::nominations::photo(conn, &n.id)? {
        Some((_, bytes)) => Ok(print::Image::from_bytes(bytes).ok()),
        None => Ok(None),
    }
}

/// The catalogue's document.
pub fn catalogue_document(conn: &Connection, round_id: &str) -> Result<Document> {
    let d = round(conn, round_id)?;
    let programme = settings::programme(conn)?;
    let logo = match programme.logo.as_ref() {
        Some(l) => settings::image_bytes(conn, &l.id)?
            .and_then(|(_, bytes)| print::Image::from_bytes(bytes).ok()),
        None => None,
    };
    let prize_names: Vec<String> = d.prizes.iter().map(|p| p.name.clone()).collect();
    let mut lines = Vec::new();
    if let Some(w) = when_where(&d.round) {
        lines.push(w);
    }
    if !programme.municipality.is_empty() {
        lines.push(programme.municipality.clone());
    }
    let mut blocks = vec![
        Block::Cover {
            logo,
            kicker: "Indstillingskatalog".into(),
            title: d.round.name.clone(),
            subtitle: crate::diploma::join_danish(&prize_names),
            lines,
        },
        Block::Contents,
        Block::Heading {
            level: 1,
            text: "Introduktion".into(),
        },
    ];
    if d.round.intro.trim().is_empty() {
        blocks.push(Block::Paragraph(format!(
            "Her er indstillingerne til {} i {}. Læs om de indstilledes indsatser for sundhed og trivsel.",
            crate::diploma::join_danish(&prize_names),
            d.round.name
        )));
    } else {
        blocks.extend(paragraphs(&d.round.intro));
    }
    blocks.push(Block::Heading {
        level: 1,
        text: "Priserne og kriterierne".into(),
    });
    for p in &d.prizes {
        blocks.push(Block::Heading {
            level: 2,
            text: p.name.clone(),
        });
        blocks.push(Block::Paragraph(format!(
            "Afgøres af: {}.",
            p.decided_by.label(Lang::Da).to_lowercase()
        )));
        blocks.extend(paragraphs(&p.description));
    }
    blocks.push(Block::Heading {
        level: 2,
        text: "Kriterierne".into(),
    });
    blocks.push(Block::Bullets(
        d.criteria
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{}. {}", i + 1, c.text))
            .collect(),
    ));
    for n in d
        .nominations
        .iter()
        .filter(|n| n.consent_catalogue && !n.erased)
    {
        blocks.push(Block::PageBreak);
        blocks.push(Block::Heading {
            level: 1,
            text: n.partner_name.clone(),
        });
        let prizes: Vec<String> = n
            .prize_ids
            .iter()
            .filter_map(|p| d.prize(p).map(|p| p.name.clone()))
            .collect();
        let mut facts = vec![
            ("Indsats".to_string(), n.title.clone()),
            (
                "Indstillet til".to_string(),
                crate::diploma::join_danish(&prizes),
            ),
        ];
        if n.nominated_by == NominatedBy::Other && !n.nominator_name.is_empty() {
            facts.push(("Indstillet af".to_string(), n.nominator_name.clone()));
        }
        blocks.push(Block::Facts(facts));
        if let Some(img) = photo_of(conn, n)? {
            blocks.push(Block::Image {
                image: img,
                max_height_mm: 70.0,
            });
        }
        if !n.goals.trim().is_empty() {
            blocks.push(Block::Heading {
                level: 2,
                text: "Mål".into(),
            });
            blocks.extend(paragraphs(&n.goals));
        }
        for (i, (c, t)) in d.criteria.iter().zip(&n.texts).enumerate() {
            blocks.push(Block::Heading {
                level: 3,
                text: format!("{}. {}", i + 1, c.text),
            });
            blocks.extend(paragraphs(&t.text));
        }
    }
    Ok(Document {
        title: format!("Indstillingskatalog – {}", d.round.name),
        author: programme.name.clone(),
        footer: if programme.name.is_empty() {
            d.round.name.clone()
        } else {
            programme.name
        },
        lang: Lang::Da,
        accent: accent(conn),
        blocks,
    })
}

/// The scoring sheet's document.
pub fn scoring_sheet_document(conn: &Connection, round_id: &str) -> Result<Document> {
    let d = round(conn, round_id)?;
    let programme = settings::programme(conn)?;
    let committee: Vec<&Prize> = d
        .prizes
        .iter()
        .filter(|p| p.decided_by == DecidedBy::Committee)
        .collect();
    let mut blocks = vec![
        Block::Heading {
            level: 1,
            text: format!("Pointark – {}", d.round.name),
        },
        Block::Paragraph(format!(
            "Giv hver indstilling point fra {} til {} for hvert kriterium. Skriv dit navn øverst, og aflever arket til sekretariatet efter mødet.",
            d.round.scale_min, d.round.scale_max
        )),
        Block::Facts(vec![
            ("Udvalgsmedlem".into(), "______________________________".into()),
            (
                "Priser".into(),
                crate::diploma::join_danish(
                    &committee.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
                ),
            ),
        ]),
        Block::Bullets(
            d.criteria
                .iter()
                .enumerate()
                .map(|(i, c)| format!("K{}: {}", i + 1, c.text))
                .collect(),
        ),
    ];
    let labels: Vec<String> = (1..=d.criteria.len()).map(|i| format!("K{i}")).collect();
    for n in d.nominations.iter().filter(|n| {
        n.prize_ids
            .iter()
            .any(|p| committee.iter().any(|c| &c.id == p))
    }) {
        blocks.push(Block::Heading {
            level: 2,
            text: if n.title.is_empty() {
                n.partner_name.clone()
            } else {
                format!("{} – {}", n.partner_name, n.title)
            },
        });
        for (i, (c, t)) in d.criteria.iter().zip(&n.texts).enumerate() {
            blocks.push(Block::Paragraph(format!("K{}: {}", i + 1, c.text)));
            if !t.text.is_empty() {
                blocks.push(Block::Quote(t.text.clone()));
            }
        }
        blocks.push(Block::KeepTogether(vec![
            Block::Boxes {
                labels: labels.clone(),
                boxes: 1,
            },
            Block::Paragraph("Kommentar: ____________________________________________".into()),
            Block::Space(4.0),
        ]));
    }
    Ok(Document {
        title: format!("Pointark – {}", d.round.name),
        author: programme.name.clone(),
        footer: d.round.name.clone(),
        lang: Lang::Da,
        accent: accent(conn),
        blocks,
    })
}

/// The catalogue's PDF bytes.
pub fn catalogue_pdf(conn: &Connection, round_id: &str) -> Result<Vec<u8>> {
    print::render(&catalogue_document(conn, round_id)?).map_err(pdf_error)
}

/// The scoring sheet's PDF bytes.
pub fn scoring_sheet_pdf(conn: &Connection, round_id: &str) -> Result<Vec<u8>> {
    print::render(&scoring_sheet_document(conn, round_id)?).map_err(pdf_error)
}

/// Saves the catalogue at `target` ("Indstillingskatalog <round>.pdf" in
/// the awards' folder, never overwriting). Returns the path.
pub fn save_catalogue(conn: &Connection, round_id: &str, target: &Target) -> Result<PathBuf> {
    let name = files::safe_file_name(&format!(
        "Indstillingskatalog {}.pdf",
        super::rounds::round_row(conn, round_id)?.name
    ));
    Ok(files::save(
        conn,
        DocKind::Awards,
        target,
        &name,
        &catalogue_pdf(conn, round_id)?,
    )?)
}

/// Saves the scoring sheet at `target`. Returns the path.
pub fn save_scoring_sheet(conn: &Connection, round_id: &str, target: &Target) -> Result<PathBuf> {
    let name = files::safe_file_name(&format!(
        "Pointark {}.pdf",
        super::rounds::round_row(conn, round_id)?.name
    ));
    Ok(files::save(
        conn,
        DocKind::Awards,
        target,
        &name,
        &scoring_sheet_pdf(conn, round_id)?,
    )?)
}
