//! The decision letter: a one-page A4 PDF to the partner, either a
//! bevillingsbrev (grant, in full or in part) or an afslag (rejection), with
//! the programme's logo, the amount, the conditions of the pool, and the
//! consultant's name and title under "Med venlig hilsen".
//!
//! Fonts: the diplomas' bundled Lato ([`LetterFonts::bundled`]), measured by the
//! one text measure ([`crate::diploma::fonts`]), embedded and
//! subset, so the letter needs no system fonts.

use super::*;
use crate::dates::long_da;
use crate::diploma::fonts::{self, FontId};
use crate::files::{self, safe_file_name, DocKind, Target};
use crate::money;
use crate::partners;
use crate::settings;
use crate::validate;
use chrono::NaiveDate;
use printpdf::{
    Color, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt,
    RawImage, RawImageData, RawImageFormat, TextItem, XObjectTransform,
};
use rusqlite::Connection;
use std::path::PathBuf;

/// Preference keys of the letter's signer.
pub const SIGNER_NAME_KEY: &str = "grants.letter_signer_name";
pub const SIGNER_TITLE_KEY: &str = "grants.letter_signer_title";

/// The faces of the letter: the diplomas' bundled fonts, measured by the
/// one text measure ([`crate::diploma::fonts`]).
#[derive(Debug, Clone, Copy)]
pub struct LetterFonts {
    pub regular: FontId,
    pub bold: FontId,
}

impl LetterFonts {
    /// The bundled Lato Regular and Bold (the diplomas' fonts, OFL), so the
    /// letter looks the same on every machine and needs no system fonts.
    pub fn bundled() -> Self {
        LetterFonts {
            regular: FontId::LatoRegular,
            bold: FontId::LatoBold,
        }
    }
}

/// Who signs the letter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    pub name: String,
    pub title: String,
}

/// The saved signer, or the first signatory from the settings.
pub fn signer(conn: &Connection) -> Result<Signer, GrantError> {
    let name = settings::pref(conn, SIGNER_NAME_KEY)?.unwrap_or_default();
    let title = settings::pref(conn, SIGNER_TITLE_KEY)?.unwrap_or_default();
    if !name.is_empty() {
        return Ok(Signer { name, title });
    }
    Ok(settings::signatories(conn)?
        .into_iter()
        .next()
        .map(|s| Signer {
            name: s.name,
            title: s.title,
        })
        .unwrap_or_default())
}

/// Saves the signer for the next letters.
pub fn set_signer(conn: &Connection, signer: &Signer) -> Result<Signer, GrantError> {
    let name = validate::text("signatory_name", &signer.name, 200, true, false)?;
    let title = validate::text("signatory_title", &signer.title, 200, false, false)?;
    settings::set_pref(conn, SIGNER_NAME_KEY, &name)?;
    settings::set_pref(conn, SIGNER_TITLE_KEY, &title)?;
    Ok(Signer { name, title })
}

/// Everything printed on one letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterData {
    pub granted: bool,
    pub municipality: String,
    pub programme: String,
    pub year: i32,
    pub partner_name: String,
    pub partner_address: String,
    pub contact_name: String,
    pub purpose: String,
    pub received_on: NaiveDate,
    pub decided_on: NaiveDate,
    pub requested_ore: i64,
    pub granted_ore: Option<i64>,
    pub reason: String,
    pub signer: Signer,
    pub logo: Option<(String, Vec<u8>)>,
}

/// Gathers what the letter of a decided application says.
pub fn letter_data(conn: &Connection, id: &str) -> Result<LetterData, GrantError> {
    let app = application(conn, id)?;
    let granted = app.status.is_granted();
    let decided = match app.decided_on {
        Some(d) if granted || app.status == Status::Afslaaet => d,
        _ => {
            return Err(GrantError::IllegalTransition {
                from: app.status,
                action: Action::Letter,
            })
        }
    };
    let programme = settings::programme(conn)?;
    let logo = match &programme.logo {
        Some(l) => settings::image_bytes(conn, &l.id)?,
        None => None,
    };
    let to = partners::addressee(conn, &app.partner_id)?
        .ok_or_else(|| GrantError::PartnerNotFound(app.partner_id.clone()))?;
    Ok(LetterData {
        granted,
        municipality: programme.municipality,
        programme: programme.name,
        year: app.year,
        partner_name: app.partner_name,
        partner_address: to.address,
        contact_name: to.contact.unwrap_or_default(),
        purpose: app.purpose,
        received_on: app.received_on,
        decided_on: decided,
        requested_ore: app.requested_ore,
        granted_ore: app.granted_ore,
        reason: app.decision_reason,
        signer: signer(conn)?,
        logo,
    })
}

/// The paragraphs of the letter: (bold heading?, text). Pure, so the wording
/// can be tested without a PDF.
pub fn paragraphs(d: &LetterData) -> Vec<(bool, String)> {
    let f = money::format_ore;
    let pool = if d.programme.is_empty() {
        format!("puljen for {}", d.year)
    } else {
        format!("puljen for {} under {}", d.year, d.programme)
    };
    let mut out = Vec::new();
    let greeting = if d.contact_name.is_empty() {
        format!("Kære {}", d.partner_name)
    } else {
        format!("Kære {}", d.contact_name)
    };
    out.push((false, greeting));
    out.push((
        false,
        format!(
            "Tak for jeres ansøgning af {} om tilskud fra {pool} til »{}«. Ansøgningen er behandlet den {}.",
            long_da(d.received_on),
            d.purpose,
            long_da(d.decided_on)
        ),
    ));
    if d.granted {
        let amount = d.granted_ore.unwrap_or(0);
        if amount < d.requested_ore {
            out.push((
                false,
                format!(
                    "Vi kan bevilge {} af de {}, I har søgt om.",
                    f(amount),
                    f(d.requested_ore)
                ),
            ));
        } else {
            out.push((false, format!("Vi har glæden at bevilge jer {}", f(amount))));
        }
        if !d.reason.is_empty() {
            out.push((false, format!("Begrundelse: {}", d.reason)));
        }
        out.push((true, "Betingelser for tilskuddet".to_string()));
        for c in [
            "Aktiviteten ligger ud over jeres normale arbejde og er ikke en kommunal opgave.",
            "Aktiviteten når ud til en større gruppe borgere.",
            "I deler den gode historie om aktiviteten på sociale medier eller med pressen.",
            "Efter aktiviteten sender I en kort rapport med det faktiske antal deltagere.",
            "Tilskud, der ikke bruges som beskrevet, betales tilbage.",
        ] {
            out.push((false, format!("•  {c}")));
        }
    } else {
        out.push((
            false,
            format!(
                "Vi har desværre måttet give afslag på jeres ansøgning om {}",
                f(d.requested_ore)
            ),
        ));
        if !d.reason.is_empty() {
            out.push((false, format!("Begrundelse: {}", d.reason)));
        }
        out.push((
            false,
            "I er velkomne til at søge igen med en anden aktivitet.".to_string(),
        ));
    }
    out
}

/// The title of the letter.
pub fn title(d: &LetterData) -> &'static str {
    if d.granted {
        "Bevillingsbrev"
    } else {
        "Afslag på ansøgning om tilskud"
    }
}

// ------------------------------------------------------------------ layout

const PAGE_W: f32 = 210.0;
const PAGE_H: f32 = 297.0;
const MARGIN: f32 = 25.0;

/// A face of the letter: its handle in the PDF and the bundled font it is.
struct Face {
    id: printpdf::FontId,
    font: FontId,
}

impl Face {
    /// The width of `text` at `size_pt`, in millimetres (kerning included).
    fn width_mm(&self, text: &str, size_pt: f32) -> f32 {
        fonts::width_pt(self.font, text, 0.0) * size_pt * 25.4 / 72.0
    }
}

fn mm(v: f32) -> Pt {
    Mm(v).into_pt()
}

fn text_op(ops: &mut Vec<Op>, face: &Face, size: f32, x: f32, y_top: f32, text: &str) {
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFont {
        font: PdfFontHandle::External(face.id.clone()),
        size: Pt(size),
    });
    ops.push(Op::SetTextCursor {
        pos: Point {
            x: mm(x),
            y: mm(PAGE_H - y_top),
        },
    });
    ops.push(Op::ShowText {
        items: vec![TextItem::Text(text.to_string())],
    });
    ops.push(Op::EndTextSection);
}

/// Greedy word wrap to `width` mm.
fn wrap(face: &Face, size: f32, text: &str, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if face.width_mm(&candidate, size) <= width || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_string();
            }
        }
        lines.push(line);
    }
    lines
}

fn logo_image(mime: &str, bytes: &[u8]) -> Option<RawImage> {
    let format = if mime == "image/jpeg" {
        image::ImageFormat::Jpeg
    } else {
        image::ImageFormat::Png
    };
    let img = image::load_from_memory_with_format(bytes, format).ok()?;
    // Composite on white: the letter is printed on white paper.
    let rgba = img.to_rgba8();
    let (w, h) = rgba.dimensions();
    let mut rgb = Vec::with_capacity((w * h * 3) as usize);
    for p in rgba.pixels() {
        let a = u16::from(p[3]);
        for c in 0..3 {
            let v = (u16::from(p[c]) * a + 255 * (255 - a)) / 255;
            rgb.push(v as u8);
        }
    }
    Some(RawImage {
        pixels: RawImageData::U8(rgb),
        width: w as usize,
        height: h as usize,
        data_format: RawImageFormat::RGB8,
        tag: Vec::new(),
    })
}

/// Renders the letter as PDF bytes.
pub fn render(d: &LetterData, fonts: &LetterFonts) -> Result<Vec<u8>, GrantError> {
    let mut doc = PdfDocument::new(&format!("{} – {}", title(d), d.partner_name));
    doc.metadata.info.creator = "Sund By Partner".into();
    doc.metadata.info.producer = "Sund By Partner".into();
    let mut warnings = Vec::new();
    let mut add = |bytes: &[u8]| -> Result<printpdf::FontId, GrantError> {
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .ok_or_else(|| GrantError::Pdf("the font could not be read".into()))?;
        Ok(doc.add_font(&parsed))
    };
    let regular = Face {
        id: add(fonts.regular.bytes())?,
        font: fonts.regular,
    };
    let bold = Face {
        id: add(fonts.bold.bytes())?,
        font: fonts.bold,
    };
    let mut ops = Vec::new();
    let text_w = PAGE_W - 2.0 * MARGIN;

    // Logo, top left, at most 45 × 22 mm.
    if let Some(img) = d.logo.as_ref().and_then(|(m, b)| logo_image(m, b)) {
        let (w, h) = (img.width as f32, img.height as f32);
        let scale = (45.0 / w).min(22.0 / h);
        let (lw, lh) = (w * scale, h * scale);
        let id = doc.add_image(&img);
        ops.push(Op::UseXobject {
            id,
            transform: XObjectTransform {
                translate_x: Some(mm(MARGIN)),
                translate_y: Some(mm(PAGE_H - 18.0 - lh)),
                scale_x: Some(mm(lw).0),
                scale_y: Some(mm(lh).0),
                no_auto_scale: true,
                ..XObjectTransform::default()
            },
        });
    }

    // Sender and date, top right.
    let mut y = 22.0;
    let right = PAGE_W - MARGIN;
    let place_date = long_da(d.decided_on);
    for (face, line) in [
        (&bold, d.municipality.as_str()),
        (&regular, d.programme.as_str()),
        (&regular, place_date.as_str()),
    ] {
        if line.is_empty() {
            continue;
        }
        let w = face.width_mm(line, 9.5);
        text_op(&mut ops, face, 9.5, right - w, y, line);
        y += 5.0;
    }

    // Recipient.
    y = 58.0;
    let mut recipient = vec![d.partner_name.clone()];
    if !d.contact_name.is_empty() {
        recipient.push(format!("Att.: {}", d.contact_name));
    }
    recipient.extend(
        d.partner_address
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from),
    );
    for line in recipient {
        for l in wrap(&regular, 11.0, &line, 90.0) {
            text_op(&mut ops, &regular, 11.0, MARGIN, y, &l);
            y += 5.2;
        }
    }

    // Title.
    y = y.max(90.0) + 6.0;
    text_op(&mut ops, &bold, 17.0, MARGIN, y, title(d));
    y += 12.0;

    // Body; a long reason continues on a new page rather than being cut.
    let mut pages: Vec<Vec<Op>> = Vec::new();
    let bottom = PAGE_H - 32.0;
    let mut next_page = |ops: &mut Vec<Op>, y: &mut f32| {
        pages.push(std::mem::take(ops));
        *y = 25.0;
    };
    for (heading, para) in paragraphs(d) {
        let (face, size) = if heading {
            y += 2.0;
            (&bold, 11.5)
        } else {
            (&regular, 11.0)
        };
        // Bullets hang: the bullet in the margin, the text indented.
        let (indent, body) = match para.strip_prefix("•  ") {
            Some(rest) => (5.0, rest),
            None => (0.0, para.as_str()),
        };
        for (i, l) in wrap(face, size, body, text_w - indent).iter().enumerate() {
            if y > bottom {
                next_page(&mut ops, &mut y);
            }
            if i == 0 && indent > 0.0 {
                text_op(&mut ops, face, size, MARGIN, y, "•");
            }
            text_op(&mut ops, face, size, MARGIN + indent, y, l);
            y += size * 0.48;
        }
        y += 3.0;
    }

    // Signature, kept together.
    y += 6.0;
    if y + 25.0 > bottom {
        next_page(&mut ops, &mut y);
    }
    text_op(&mut ops, &regular, 11.0, MARGIN, y, "Med venlig hilsen");
    y += 14.0;
    if !d.signer.name.is_empty() {
        text_op(&mut ops, &bold, 11.0, MARGIN, y, &d.signer.name);
        y += 5.2;
    }
    if !d.signer.title.is_empty() {
        text_op(&mut ops, &regular, 11.0, MARGIN, y, &d.signer.title);
    }
    pages.push(ops);

    // A thin rule and the footer on every page.
    let footer = if d.programme.is_empty() {
        format!("Puljen {}", d.year)
    } else {
        format!("{} · puljen {}", d.programme, d.year)
    };
    let count = pages.len();
    let pdf_pages = pages
        .into_iter()
        .enumerate()
        .map(|(i, mut ops)| {
            ops.push(Op::SetOutlineColor {
                col: Color::Rgb(printpdf::Rgb {
                    r: 0.6,
                    g: 0.6,
                    b: 0.6,
                    icc_profile: None,
                }),
            });
            ops.push(Op::SetOutlineThickness { pt: Pt(0.5) });
            let point = |x: f32| printpdf::LinePoint {
                p: Point {
                    x: mm(x),
                    y: mm(18.0),
                },
                bezier: false,
            };
            ops.push(Op::DrawLine {
                line: printpdf::Line {
                    points: vec![point(MARGIN), point(PAGE_W - MARGIN)],
                    is_closed: false,
                },
            });
            let text = if count > 1 {
                format!("{footer} · side {} af {count}", i + 1)
            } else {
                footer.clone()
            };
            text_op(&mut ops, &regular, 8.5, MARGIN, PAGE_H - 13.0, &text);
            PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), ops)
        })
        .collect();
    let bytes = doc
        .with_pages(pdf_pages)
        .save(&PdfSaveOptions::default(), &mut Vec::new());
    Ok(bytes)
}

/// A file name for the letter: "Bevillingsbrev 2026 Løberne.pdf".
pub fn file_name(d: &LetterData) -> String {
    let kind = if d.granted {
        "Bevillingsbrev"
    } else {
        "Afslag"
    };
    safe_file_name(&format!("{kind} {} {}.pdf", d.year, d.partner_name))
}

/// Makes the letter of application `id` and saves it at `target` (the
/// letters' folder without overwriting, or where the consultant chose).
/// Returns the path.
pub fn write_letter(
    conn: &Connection,
    id: &str,
    fonts: &LetterFonts,
    target: &Target,
) -> Result<PathBuf, GrantError> {
    let data = letter_data(conn, id)?;
    let bytes = render(&data, fonts)?;
    Ok(files::save(
        conn,
        DocKind::GrantLetters,
        target,
        &file_name(&data),
        &bytes,
    )?)
}
