//! The diploma layout: computed once from a [`DiplomaInput`] with the fonts'
//! real metrics, then drawn by both the PDF and the SVG renderer.
//!
//! Coordinates are millimetres from the top-left corner of the page, y down;
//! a text run's `y` is its baseline. All text and images lie inside
//! [`Layout::content`]; all decoration inside [`Layout::frame`], which is at
//! least [`MIN_EDGE_MM`] from every paper edge.
//!
//! [`compute`] goes in named steps. The images are measured once; then, for
//! each size choice of `style::candidates` (preferred first), the page is
//! built as a stack of blocks — the header and footer (`header`), the
//! partner's name (`name`), the lead text and goals (`goals`) and the
//! signatures (`signatures`) — with text measured and set by `measure`.
//! The first choice whose blocks fit the content box's height is stacked
//! (`stack`) inside the design's frame (`frame`).

mod frame;
mod goals;
mod header;
mod items;
mod measure;
mod name;
mod page;
mod signatures;
mod stack;
mod style;
#[cfg(test)]
pub(crate) mod tests;

pub use items::{Item, Rect, Role, TextRun};
pub use page::Layout;

use super::fonts::FontId;
use super::picture::Pictures;
use super::{DiplomaError, DiplomaInput, ImageBytes, ImageRole, Rgb, Warning};
use crate::dates;
use frame::decoration;
use measure::{Band, Measure};
use stack::{need, stack, Block};
use style::{candidates, style, Params, Style};

/// Nothing is printed closer than this to the paper edge.
pub const MIN_EDGE_MM: f32 = 10.0;

/// An image ready to place: its digest (the key into [`Pictures`]) and its
/// width over its height.
#[derive(Debug, Clone, Copy)]
struct Img {
    digest: u64,
    ratio: f32,
}

impl Img {
    /// Width and height in mm: `max_h` high, or narrower to stay within
    /// `max_w` wide.
    fn size_within(self, max_w: f32, max_h: f32) -> (f32, f32) {
        let mut h = max_h;
        let mut w = h * self.ratio;
        if w > max_w {
            w = max_w;
            h = w / self.ratio;
        }
        (w, h)
    }
}

/// The diploma's images that could be read: the logo and one entry per
/// signatory (`None` without a readable signature).
struct Images {
    logo: Option<Img>,
    signatures: Vec<Option<Img>>,
}

impl Images {
    /// Decodes the images once (cached in `pictures`); an unreadable image is
    /// left out with a warning.
    fn read(input: &DiplomaInput, pictures: &mut Pictures, warnings: &mut Vec<Warning>) -> Images {
        let mut read = |bytes: Option<&ImageBytes>, image: ImageRole| {
            let b = bytes?;
            match pictures.get(b) {
                Some(p) => Some(Img {
                    digest: b.digest(),
                    ratio: p.width as f32 / p.height as f32,
                }),
                None => {
                    warnings.push(Warning::ImageUnreadable { image });
                    None
                }
            }
        };
        let logo = read(input.logo.as_ref(), ImageRole::Logo);
        let signatures = input
            .signers
            .iter()
            .enumerate()
            .map(|(i, s)| read(s.signature.as_ref(), signatures::signature_role(i)))
            .collect();
        Images { logo, signatures }
    }
}

/// One diploma being laid out: what every step needs, whatever sizes it tries.
struct Sheet<'a> {
    input: &'a DiplomaInput,
    st: &'a Style,
    /// The box text and images stay inside.
    content: Rect,
    /// The programme colour, darkened where needed to read as text.
    colour: Rgb,
    images: &'a Images,
}

impl Sheet<'_> {
    /// The horizontal centre of the content box.
    fn cx(&self) -> f32 {
        self.content.x + self.content.w / 2.0
    }

    /// The band centred texts are fitted to: the content width less 2 mm a side.
    fn band(&self) -> Band {
        Band {
            cx: self.cx(),
            width: self.content.w - 4.0,
        }
    }
}

/// Lays out `input` (validated first). Returns the page and the warnings.
pub fn compute(
    input: &DiplomaInput,
    pictures: &mut Pictures,
) -> Result<(Layout, Vec<Warning>), DiplomaError> {
    for f in FontId::ALL {
        if f.face().is_none() {
            return Err(DiplomaError::Font(f.key()));
        }
    }
    let input = input.validated()?;
    let st = style(input.design, input.orientation);
    let (pw, ph) = input.orientation.page_mm();
    let page = Rect {
        x: 0.0,
        y: 0.0,
        w: pw,
        h: ph,
    };
    let content = page.inset(st.content_inset);
    let frame = page.inset(MIN_EDGE_MM + 1.0);
    let mut warnings = Vec::new();
    let images = Images::read(&input, pictures, &mut warnings);
    if input.goals.is_empty() && input.wording.body.contains("{goals}") {
        warnings.push(Warning::NoGoals {
            partner: input.partner.clone(),
        });
    }
    let sheet = Sheet {
        input: &input,
        st: &st,
        content,
        colour: input.colour.for_text(),
        images: &images,
    };
    let mut m = Measure::new();
    let blocks = fit(&sheet, &mut m).ok_or(DiplomaError::DoesNotFit)?;
    let mut items = decoration(input.design, page, frame, input.colour);
    stack(blocks, content, &mut items);
    for ch in m.missing {
        warnings.push(Warning::MissingCharacter {
            partner: input.partner.clone(),
            ch,
        });
    }
    let layout = Layout {
        width: pw,
        height: ph,
        content,
        frame,
        items,
        partner: input.partner.clone(),
    };
    Ok((layout, warnings))
}

/// The blocks of the first size choice whose stack fits the content box's
/// height; `None` when even the most compact choice does not.
fn fit(sheet: &Sheet, m: &mut Measure) -> Option<Vec<Block>> {
    candidates(sheet.st, sheet.input.goals.len())
        .into_iter()
        .map(|p| build(sheet, &p, m))
        .find(|blocks| need(blocks) <= sheet.content.h)
}

/// The page's blocks at one size choice, from the top.
fn build(sheet: &Sheet, p: &Params, m: &mut Measure) -> Vec<Block> {
    let mut blocks = vec![
        header::head(sheet, p, m),
        name::name(sheet, p, m),
        goals::body(sheet, p, m),
        header::footer(sheet, p, m),
    ];
    blocks.extend(signatures::signatures(sheet, p, m));
    blocks
}

/// Removes the separators a blank placeholder leaves behind (", 22. november").
fn tidy(s: &str) -> String {
    s.trim()
        .trim_matches(|c: char| c == ',' || c.is_whitespace())
        .to_string()
}

/// The date line as it appears by default, for callers that need it alone.
pub fn date_line(place: &str, date: chrono::NaiveDate) -> String {
    tidy(&format!("{place}, {}", dates::long_da(date)))
}
