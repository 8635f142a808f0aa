//! What a laid-out page is made of: rectangles in millimetres, the roles of
//! text runs, the runs themselves with their ink bounds, and the items
//! (text, images, lines, rectangles, polygons) both renderers draw.

use super::super::fonts::{self, FontId, MM_PER_PT};
use super::super::{ImageRole, Rgb};

/// A rectangle in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn inset(self, d: f32) -> Rect {
        Rect {
            x: self.x + d,
            y: self.y + d,
            w: self.w - 2.0 * d,
            h: self.h - 2.0 * d,
        }
    }
    pub fn right(self) -> f32 {
        self.x + self.w
    }
    pub fn bottom(self) -> f32 {
        self.y + self.h
    }
    /// Whether `other` lies inside this rectangle (with 0.01 mm tolerance).
    pub fn contains(self, other: Rect) -> bool {
        const E: f32 = 0.01;
        other.x >= self.x - E
            && other.y >= self.y - E
            && other.right() <= self.right() + E
            && other.bottom() <= self.bottom() + E
    }
}

/// What a text run is, for tests and the preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Subtitle,
    Name,
    Body,
    Goal,
    Footer,
    SignerName,
    SignerTitle,
}

impl Role {
    pub(super) fn key(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Subtitle => "subtitle",
            Role::Name => "name",
            Role::Body => "body",
            Role::Goal => "goal",
            Role::Footer => "footer",
            Role::SignerName => "signer",
            Role::SignerTitle => "signer-title",
        }
    }
}

/// Text in one face at one size, starting at `x` on baseline `y`.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub role: Role,
    pub font: FontId,
    pub size_pt: f32,
    pub x: f32,
    pub y: f32,
    /// Advance width in mm (measured with kerning and tracking).
    pub width: f32,
    pub text: String,
    pub colour: Rgb,
    /// Extra space between letters, as a fraction of the size.
    pub tracking_em: f32,
}

impl TextRun {
    /// The box the glyphs' ink occupies: horizontally the advance width (or
    /// the ink where a glyph overhangs it), vertically from the highest to
    /// the lowest point of the actual glyph outlines.
    pub fn bounds(&self) -> Rect {
        let s = self.size_pt * MM_PER_PT;
        let upem = self.font.units_per_em();
        let (mut top, mut bottom) = (0.0f32, 0.0f32);
        let (mut left, mut right) = (0.0f32, self.width);
        let mut x = 0.0f32;
        if let Some(face) = self.font.face() {
            for g in fonts::shape(self.font, &self.text) {
                if let Some(b) = face.glyph_bounding_box(g.gid) {
                    top = top.max(b.y_max as f32 / upem * s);
                    bottom = bottom.max(-(b.y_min as f32) / upem * s);
                    left = left.min(x + b.x_min as f32 / upem * s);
                    right = right.max(x + b.x_max as f32 / upem * s);
                }
                x += ((g.advance + g.kern_after) as f32 / upem + self.tracking_em) * s;
            }
        }
        Rect {
            x: self.x + left,
            y: self.y - top,
            w: right - left,
            h: top + bottom,
        }
    }
}

/// One thing drawn on the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextRun),
    Image {
        role: ImageRole,
        digest: u64,
        rect: Rect,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width_pt: f32,
        colour: Rgb,
    },
    /// A stroked (or, with `fill`, filled) rectangle.
    Rect {
        rect: Rect,
        width_pt: f32,
        colour: Rgb,
        fill: bool,
    },
    /// A filled polygon.
    Polygon {
        points: Vec<(f32, f32)>,
        colour: Rgb,
    },
}

impl Item {
    pub fn bounds(&self) -> Rect {
        match self {
            Item::Text(t) => t.bounds(),
            Item::Image { rect, .. } => *rect,
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width_pt,
                ..
            } => {
                let hw = width_pt * MM_PER_PT / 2.0;
                Rect {
                    x: x1.min(*x2) - hw,
                    y: y1.min(*y2) - hw,
                    w: (x1 - x2).abs() + 2.0 * hw,
                    h: (y1 - y2).abs() + 2.0 * hw,
                }
            }
            Item::Rect {
                rect,
                width_pt,
                fill,
                ..
            } => {
                if *fill {
                    *rect
                } else {
                    rect.inset(-width_pt * MM_PER_PT / 2.0)
                }
            }
            Item::Polygon { points, .. } => {
                let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
                for (x, y) in points {
                    x0 = x0.min(*x);
                    y0 = y0.min(*y);
                    x1 = x1.max(*x);
                    y1 = y1.max(*y);
                }
                Rect {
                    x: x0,
                    y: y0,
                    w: x1 - x0,
                    h: y1 - y0,
                }
            }
        }
    }

    /// The same item moved down by `dy` mm.
    pub fn shifted(self, dy: f32) -> Item {
        match self {
            Item::Text(mut t) => {
                t.y += dy;
                Item::Text(t)
            }
            Item::Image {
                role,
                digest,
                mut rect,
            } => {
                rect.y += dy;
                Item::Image { role, digest, rect }
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width_pt,
                colour,
            } => Item::Line {
                x1,
                y1: y1 + dy,
                x2,
                y2: y2 + dy,
                width_pt,
                colour,
            },
            Item::Rect {
                mut rect,
                width_pt,
                colour,
                fill,
            } => {
                rect.y += dy;
                Item::Rect {
                    rect,
                    width_pt,
                    colour,
                    fill,
                }
            }
            Item::Polygon { points, colour } => Item::Polygon {
                points: points.into_iter().map(|(x, y)| (x, y + dy)).collect(),
                colour,
            },
        }
    }
}
