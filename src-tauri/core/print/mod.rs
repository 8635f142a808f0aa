//! Printed A4 documents that flow across pages: catalogues, reports, scoring
//! sheets, register extracts. A document is a list of [`Block`]s (a cover,
//! headings, paragraphs, tables, pictures, drawings …); [`render`] sets them
//! with the diplomas' bundled fonts and the one text measure
//! ([`crate::diploma::fonts`]), breaks them into pages, numbers the pages,
//! fills the table of contents and writes the PDF through the diplomas' PDF
//! writer ([`crate::diploma::pdf`]): fonts embedded and subset, text
//! searchable, each distinct image embedded once, level-1 headings as
//! bookmarks.
//!
//! Invariants (tested in `tests.rs`): nothing is drawn outside the page's
//! margins; text is never cut off — a paragraph, a table cell or a quote that
//! does not fit goes on on the next page, line by line; a heading is never the
//! last thing on a page; a table's header is repeated after a page break.

mod blocks;
mod paginate;
#[cfg(test)]
mod tests;
mod text;

pub use crate::diploma::layout::Layout;
pub use crate::diploma::Rgb;

use crate::diploma::picture::Pictures;
use crate::diploma::ImageBytes;
use crate::i18n::{Lang, Localize};

/// A4 portrait, in millimetres.
pub const PAGE_W: f32 = 210.0;
pub const PAGE_H: f32 = 297.0;
/// The left and right margin.
pub const MARGIN_X: f32 = 22.0;
/// Where the body starts and must end on every page (the footer lies below).
pub const BODY_TOP: f32 = 24.0;
pub const BODY_BOTTOM: f32 = 271.0;
/// The width text and tables may use.
pub const BODY_W: f32 = PAGE_W - 2.0 * MARGIN_X;

/// A document to print.
#[derive(Debug, Clone)]
pub struct Document {
    /// The PDF's title (its metadata, shown by viewers).
    pub title: String,
    /// The PDF's author, e.g. the municipality.
    pub author: String,
    /// The text at the foot of every page but the cover, beside "Side n af m".
    pub footer: String,
    /// The language of the page numbers and the contents' heading.
    pub lang: Lang,
    /// The programme's colour, used for headings and rules (darkened as
    /// needed to read as text).
    pub accent: Rgb,
    pub blocks: Vec<Block>,
}

impl Document {
    /// An empty Danish document in the default programme colour.
    pub fn new(title: impl Into<String>) -> Self {
        Document {
            title: title.into(),
            author: String::new(),
            footer: String::new(),
            lang: Lang::Da,
            accent: Rgb::DEFAULT,
            blocks: Vec::new(),
        }
    }
}

/// One piece of a document, in reading order.
#[derive(Debug, Clone)]
pub enum Block {
    /// A page of its own: the logo, a small kicker line above the title, the
    /// title, a subtitle and a few lines at the foot (municipality, date).
    Cover {
        logo: Option<Image>,
        kicker: String,
        title: String,
        subtitle: String,
        lines: Vec<String>,
    },
    /// A heading, level 1 to 3. Level 1 headings go into the contents and
    /// the PDF's bookmarks.
    Heading { level: u8, text: String },
    /// Running text. A line break (`\n`) starts a new line, an empty line a
    /// new paragraph.
    Paragraph(String),
    /// A quoted, indented paragraph in italics (a partner's own words).
    Quote(String),
    /// A bulleted list.
    Bullets(Vec<String>),
    /// Label and value pairs in two aligned columns.
    Facts(Vec<(String, String)>),
    /// A table; cells wrap, the header is repeated after a page break.
    Table {
        columns: Vec<Column>,
        rows: Vec<Vec<String>>,
    },
    /// A grid of empty boxes to write in by hand: one column per label,
    /// `boxes` rows.
    Boxes { labels: Vec<String>, boxes: usize },
    /// A picture, as wide as the text at most and `max_height_mm` high.
    Image { image: Image, max_height_mm: f32 },
    /// Vector graphics (a chart), centred.
    Drawing(Drawing),
    /// The table of contents: every level-1 heading with its page.
    Contents,
    /// Blocks that move to the next page as a whole when they do not fit
    /// (and flow normally when they are longer than a page).
    KeepTogether(Vec<Block>),
    /// The next block starts on a new page.
    PageBreak,
    /// Vertical space in millimetres (dropped at the top of a page).
    Space(f32),
}

/// A table column: its heading, its width relative to the others, and
/// whether its cells are right-aligned (numbers).
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    pub width: f32,
    pub right_aligned: bool,
}

impl Column {
    /// A left-aligned column of relative width `width`.
    pub fn left(title: impl Into<String>, width: f32) -> Self {
        Column {
            title: title.into(),
            width,
            right_aligned: false,
        }
    }
    /// A right-aligned column (for numbers) of relative width `width`.
    pub fn right(title: impl Into<String>, width: f32) -> Self {
        Column {
            title: title.into(),
            width,
            right_aligned: true,
        }
    }
}

/// A PNG or JPEG picture.
#[derive(Debug, Clone)]
pub struct Image {
    bytes: ImageBytes,
}

impl Image {
    /// The picture in `bytes`, refused when it is not a readable PNG or JPEG.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Image, PrintError> {
        // The header is enough here; the pixels are decoded once, when the
        // document is laid out (a damaged picture is then left out).
        if !crate::diploma::picture::readable(&bytes) {
            return Err(PrintError::Image);
        }
        Ok(Image {
            bytes: ImageBytes::new(bytes),
        })
    }
}

/// Vector graphics: `width_mm` × `height_mm`, shapes in millimetres from the
/// drawing's top-left corner, y down.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drawing {
    pub width_mm: f32,
    pub height_mm: f32,
    pub shapes: Vec<Shape>,
}

/// Where a text shape's `x` is: its start, middle or end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Anchor {
    #[default]
    Start,
    Middle,
    End,
}

/// One shape of a [`Drawing`].
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A rectangle, filled and/or stroked.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
    /// A polyline of `width_pt` points.
    Line {
        points: Vec<(f32, f32)>,
        colour: Rgb,
        width_pt: f32,
    },
    /// A filled polygon.
    Polygon {
        points: Vec<(f32, f32)>,
        colour: Rgb,
    },
    /// One line of text on baseline `y`, in Lato (bold or regular).
    Text {
        x: f32,
        y: f32,
        size_pt: f32,
        bold: bool,
        colour: Rgb,
        anchor: Anchor,
        text: String,
    },
}

/// Errors of printing.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("the picture is not a readable PNG or JPEG")]
    Image,
    #[error("bundled font {0} is damaged")]
    Font(&'static str),
    #[error("PDF could not be written: {0}")]
    Pdf(String),
}

impl Localize for PrintError {
    fn code(&self) -> &'static str {
        match self {
            PrintError::Image => "print.image",
            PrintError::Font(_) => "print.font",
            PrintError::Pdf(_) => "print.pdf",
        }
    }
    fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::Da, PrintError::Image) => {
                "Billedet kan ikke læses. Vælg en PNG- eller JPEG-fil.".into()
            }
            (Lang::En, PrintError::Image) => {
                "The picture cannot be read. Choose a PNG or JPEG file.".into()
            }
            (Lang::Da, PrintError::Font(f)) => {
                format!("Den medfølgende skrifttype {f} er beskadiget. Installér programmet igen.")
            }
            (Lang::En, PrintError::Font(f)) => {
                format!("The bundled font {f} is damaged. Reinstall the app.")
            }
            (Lang::Da, PrintError::Pdf(_)) => {
                "PDF'en kunne ikke dannes. Prøv igen; sker det igen, så kontakt support.".into()
            }
            (Lang::En, PrintError::Pdf(_)) => {
                "The PDF could not be made. Try again; if it happens again, contact support.".into()
            }
        }
    }
}

/// The document's pages, laid out (for tests and previews).
pub fn pages(doc: &Document) -> Result<Vec<Layout>, PrintError> {
    Ok(paginate::lay_out(doc, &mut Pictures::print_only())?.pages)
}

/// The document as PDF bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>, PrintError> {
    let mut pictures = Pictures::print_only();
    let laid = paginate::lay_out(doc, &mut pictures)?;
    crate::diploma::pdf::write_outlined(
        &laid.pages,
        &pictures,
        &doc.title,
        &doc.author,
        &laid.outline,
    )
    .map_err(|e| PrintError::Pdf(e.to_string()))
}
