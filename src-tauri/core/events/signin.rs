//! The sign-in sheet for a network meeting: an A4 PDF listing the partners on
//! the event's list (not those who cancelled) with a column for the name of
//! who came and a line to sign on, plus empty rows for walk-ins.
//!
//! Fonts: Lato Regular and Bold (SIL OFL 1.1, the licence is in
//! `ui/fonts/OFL-Lato.txt`) through the diplomas' font module, so the
//! sheet and the diplomas share files and metrics. They are embedded and
//! subset by printpdf; text is measured with the font's own advance widths and
//! kerning so long names are shortened with "…" instead of running into the
//! next column.

use super::store::{EventDetail, Participant};
use super::{when_text, EventsError, ParticipantStatus, Result};
use crate::diploma::fonts::{self, FontId, MM_PER_PT};
use crate::files::{self, safe_file_name, DocKind, Target};
use crate::i18n::Lang;
use chrono::NaiveDate;
use printpdf::{
    Color, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, TextItem,
};
use rusqlite::Connection;
use std::path::PathBuf;

/// A face of the sheet: the diplomas' bundled Lato, loaded and measured by
/// [`crate::diploma::fonts`] (one font loader for the whole app).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
}

impl Face {
    fn font(self) -> FontId {
        match self {
            Face::Regular => FontId::LatoRegular,
            Face::Bold => FontId::LatoBold,
        }
    }

    pub fn bytes(self) -> &'static [u8] {
        self.font().bytes()
    }

    /// Width of `text` in millimetres at `size` points, with the font's own
    /// advance widths and kerning.
    pub fn width_mm(self, text: &str, size: f32) -> f32 {
        fonts::width_pt(self.font(), text, 0.0) * size * MM_PER_PT
    }
}

const PAGE_W: f32 = 210.0;
const PAGE_H: f32 = 297.0;
const MARGIN: f32 = 18.0;
const ROW_H: f32 = 11.0;
/// Empty rows at the end, for people who come without being on the list.
pub const BLANK_ROWS: usize = 6;

/// Columns: number, partner, people, name (printed), signature.
const COLS: [(f32, f32); 5] = [
    (MARGIN, 9.0),
    (MARGIN + 9.0, 64.0),
    (MARGIN + 73.0, 14.0),
    (MARGIN + 87.0, 44.0),
    (MARGIN + 131.0, PAGE_W - MARGIN - (MARGIN + 131.0)),
];

/// Shortens `text` with "…" so that it fits in `max_mm`.
pub fn fit(face: Face, text: &str, size: f32, max_mm: f32) -> String {
    if face.width_mm(text, size) <= max_mm {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let candidate: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if face.width_mm(&candidate, size) <= max_mm {
            return candidate;
        }
    }
    String::new()
}

struct Painter {
    ops: Vec<Op>,
    regular: printpdf::FontId,
    bold: printpdf::FontId,
}

fn black() -> Color {
    Color::Rgb(printpdf::Rgb {
        r: 0.11,
        g: 0.15,
        b: 0.13,
        icc_profile: None,
    })
}

fn grey() -> Color {
    Color::Rgb(printpdf::Rgb {
        r: 0.36,
        g: 0.40,
        b: 0.38,
        icc_profile: None,
    })
}

fn pt(mm: f32) -> Pt {
    Pt(mm / MM_PER_PT)
}

impl Painter {
    /// Text with its baseline at `y` mm from the top.
    fn text(&mut self, face: Face, size: f32, x: f32, y: f32, text: &str, colour: Color) {
        if text.is_empty() {
            return;
        }
        let id = match face {
            Face::Regular => self.regular.clone(),
            Face::Bold => self.bold.clone(),
        };
        self.ops.push(Op::StartTextSection);
        self.ops.push(Op::SetFont {
            font: PdfFontHandle::External(id),
            size: Pt(size),
        });
        self.ops.push(Op::SetFillColor { col: colour });
        self.ops.push(Op::SetTextCursor {
            pos: Point {
                x: pt(x),
                y: pt(PAGE_H - y),
            },
        });
        self.ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.to_string())],
        });
        self.ops.push(Op::EndTextSection);
    }

    fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width_pt: f32) {
        self.ops.push(Op::SetOutlineColor { col: grey() });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(width_pt) });
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![
                    LinePoint {
                        p: Point {
                            x: pt(x1),
                            y: pt(PAGE_H - y1),
                        },
                        bezier: false,
                    },
                    LinePoint {
                        p: Point {
                            x: pt(x2),
                            y: pt(PAGE_H - y2),
                        },
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
    }
}

/// Who is printed on the sheet: everyone on the list except cancellations.
pub fn rows(detail: &EventDetail) -> Vec<&Participant> {
    detail
        .participants
        .iter()
        .filter(|p| p.status != ParticipantStatus::Afbud)
        .collect()
}

/// The sheet as PDF bytes. `programme` and `printed_on` go in the header
/// and footer.
pub fn sheet(detail: &EventDetail, programme: &str, printed_on: NaiveDate) -> Result<Vec<u8>> {
    let e = &detail.event;
    let mut doc = PdfDocument::new(&format!("Deltagerliste – {}", e.title));
    doc.metadata.info.creator = "Sund By Partner".into();
    doc.metadata.info.producer = "Sund By Partner".into();
    let mut warnings = Vec::new();
    let regular = ParsedFont::from_bytes(Face::Regular.bytes(), 0, &mut warnings)
        .ok_or_else(|| EventsError::Pdf("Lato Regular".into()))?;
    let bold = ParsedFont::from_bytes(Face::Bold.bytes(), 0, &mut warnings)
        .ok_or_else(|| EventsError::Pdf("Lato Bold".into()))?;
    let regular = doc.add_font(&regular);
    let bold = doc.add_font(&bold);

    let people = rows(detail);
    let when = match (e.start(), e.end()) {
        (Some(s), Some(t)) => when_text(s, t, Lang::Da),
        _ => e.starts_at.clone(),
    };
    let header_h = 52.0;
    let footer_h = 14.0;
    let first_row_y = MARGIN + header_h;
    let per_page = ((PAGE_H - first_row_y - footer_h - MARGIN) / ROW_H).floor() as usize;
    let per_page = per_page.max(1);
    let total_rows = people.len() + BLANK_ROWS;
    let pages_n = total_rows.div_ceil(per_page).max(1);
    // Fill the last page with blank rows as well.
    let total_rows = pages_n * per_page;

    let mut pages = Vec::with_capacity(pages_n);
    for page in 0..pages_n {
        let mut p = Painter {
            ops: Vec::new(),
            regular: regular.clone(),
            bold: bold.clone(),
        };
        // Header.
        let mut y = MARGIN + 4.0;
        p.text(Face::Bold, 9.0, MARGIN, y, "DELTAGERLISTE", grey());
        if !programme.trim().is_empty() {
            let prog = fit(Face::Regular, programme.trim(), 9.0, 90.0);
            let w = Face::Regular.width_mm(&prog, 9.0);
            p.text(Face::Regular, 9.0, PAGE_W - MARGIN - w, y, &prog, grey());
        }
        y += 10.0;
        let title = fit(Face::Bold, &e.title, 18.0, PAGE_W - 2.0 * MARGIN);
        p.text(Face::Bold, 18.0, MARGIN, y, &title, black());
        y += 8.0;
        p.text(
            Face::Regular,
            11.0,
            MARGIN,
            y,
            &fit(Face::Regular, &when, 11.0, PAGE_W - 2.0 * MARGIN),
            black(),
        );
        if !e.place.is_empty() {
            y += 6.0;
            let place = fit(Face::Regular, &e.place, 11.0, PAGE_W - 2.0 * MARGIN);
            p.text(Face::Regular, 11.0, MARGIN, y, &place, black());
        }
        // Column heads.
        let head_y = first_row_y - 4.0;
        let heads = ["Nr.", "Partner", "Antal", "Navn", "Underskrift"];
        for ((x, _), h) in COLS.iter().zip(heads) {
            p.text(Face::Bold, 9.0, *x + 1.0, head_y, h, black());
        }
        p.line(
            MARGIN,
            first_row_y - 1.5,
            PAGE_W - MARGIN,
            first_row_y - 1.5,
            1.0,
        );
        // Rows.
        for i in 0..per_page {
            let index = page * per_page + i;
            if index >= total_rows {
                break;
            }
            let top = first_row_y + i as f32 * ROW_H;
            let base = top + ROW_H - 3.0;
            p.text(
                Face::Regular,
                10.0,
                COLS[0].0 + 1.0,
                base,
                &format!("{}", index + 1),
                grey(),
            );
            if let Some(person) = people.get(index) {
                let mut name = person.name.clone();
                if person.removed {
                    name.push_str(" (fjernet)");
                }
                let name = fit(Face::Regular, &name, 10.0, COLS[1].1 - 3.0);
                p.text(Face::Regular, 10.0, COLS[1].0 + 1.0, base, &name, black());
                p.text(
                    Face::Regular,
                    10.0,
                    COLS[2].0 + 1.0,
                    base,
                    &person.people.to_string(),
                    black(),
                );
            }
            // Lines to write on: name and signature, and on a blank row
            // (someone not on the list) also partner and count.
            let from = if index < people.len() { 3 } else { 1 };
            for (x, w) in &COLS[from..] {
                p.line(
                    *x + 1.0,
                    top + ROW_H - 2.0,
                    *x + *w - 1.0,
                    top + ROW_H - 2.0,
                    0.5,
                );
            }
        }
        // Footer.
        let foot_y = PAGE_H - MARGIN;
        let left = format!("Udskrevet {}", crate::dates::short(printed_on));
        p.text(Face::Regular, 8.0, MARGIN, foot_y, &left, grey());
        let right = format!("Side {} af {pages_n}", page + 1);
        let w = Face::Regular.width_mm(&right, 8.0);
        p.text(
            Face::Regular,
            8.0,
            PAGE_W - MARGIN - w,
            foot_y,
            &right,
            grey(),
        );
        pages.push(PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), p.ops));
    }
    doc.with_pages(pages);
    let opts = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let mut save_warnings = Vec::new();
    let bytes = doc.save(&opts, &mut save_warnings);
    if bytes.is_empty() {
        return Err(EventsError::Pdf("printpdf returned no bytes".into()));
    }
    Ok(bytes)
}

/// A file name such as `Deltagerliste Netværksmøde 2026-11-22.pdf`.
pub fn file_name(detail: &EventDetail) -> String {
    let e = &detail.event;
    let date = e.starts_at.get(..10).unwrap_or("");
    safe_file_name(&format!("Deltagerliste {} {date}.pdf", e.title))
}

/// Saves the sign-in sheet of event `id` at `target` (the events' folder,
/// or where the consultant chose); the window and the CLI both save
/// through this. Returns the path written.
pub fn save(conn: &Connection, id: &str, target: &Target) -> Result<PathBuf> {
    let detail = super::store::get(conn, id)?;
    let programme = crate::settings::programme(conn)?;
    let pdf = sheet(&detail, &programme.name, crate::dates::today())?;
    Ok(files::save(
        conn,
        DocKind::Events,
        target,
        &file_name(&detail),
        &pdf,
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_faces_have_danish_letters() {
        for f in [Face::Regular, Face::Bold] {
            for c in "æøåÆØÅé–…".chars() {
                assert!(f.font().has(c), "{f:?} lacks {c}");
            }
        }
    }

    #[test]
    fn long_names_are_shortened_to_fit() {
        let long = "Foreningen for Sund Levevis og Bevægelse i Fredericia Kommune og Omegn";
        let fitted = fit(Face::Regular, long, 10.0, 60.0);
        assert!(fitted.ends_with('…'));
        assert!(Face::Regular.width_mm(&fitted, 10.0) <= 60.0);
        assert_eq!(fit(Face::Regular, "Kort", 10.0, 60.0), "Kort");
    }
}
