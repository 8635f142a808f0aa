//! The laid-out page: its size, content box and frame, the items on it, the
//! geometry checks the tests rely on and a stable text dump for snapshots.

use super::super::fonts::MM_PER_PT;
use super::items::{Item, Rect, Role, TextRun};
use super::MIN_EDGE_MM;
use std::fmt::Write as _;

/// A laid-out page.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f32,
    pub height: f32,
    /// The area text and images stay inside.
    pub content: Rect,
    /// The area all printing (including the frame) stays inside.
    pub frame: Rect,
    pub items: Vec<Item>,
    /// The partner, for the PDF outline.
    pub partner: String,
}

impl Layout {
    /// Text runs of one role.
    pub fn runs(&self, role: Role) -> impl Iterator<Item = &TextRun> {
        self.items.iter().filter_map(move |i| match i {
            Item::Text(t) if t.role == role => Some(t),
            _ => None,
        })
    }

    /// Problems with the geometry: text or images outside the content box,
    /// anything outside the frame or closer than 10 mm to the edge, text
    /// lines that overlap. Empty when the page is sound.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let page = Rect {
            x: 0.0,
            y: 0.0,
            w: self.width,
            h: self.height,
        };
        if !page.inset(MIN_EDGE_MM).contains(self.frame) {
            out.push("frame closer than 10 mm to the edge".into());
        }
        for item in &self.items {
            let b = item.bounds();
            if !self.frame.contains(b) {
                out.push(format!("outside the frame: {b:?}"));
            }
            let inside = match item {
                Item::Text(t) => Some(t.bounds()),
                Item::Image { rect, .. } => Some(*rect),
                _ => None,
            };
            if let Some(r) = inside {
                if !self.content.contains(r) {
                    out.push(format!("outside the content box: {r:?} {item:?}"));
                }
            }
        }
        overlaps(&self.items, &mut out);
        out
    }

    /// A compact, stable text form of the layout for snapshot tests.
    pub fn dump(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "page {:.1}x{:.1}", self.width, self.height);
        let _ = writeln!(s, "frame {}", dim(self.frame));
        let _ = writeln!(s, "content {}", dim(self.content));
        for item in &self.items {
            dump_item(&mut s, item);
        }
        s
    }
}

/// Lines of text must not overlap: runs on one baseline must lie apart, and
/// the x-height bands of runs on different baselines must not meet.
fn overlaps(items: &[Item], out: &mut Vec<String>) {
    let texts: Vec<&TextRun> = items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) => Some(t),
            _ => None,
        })
        .collect();
    for (i, a) in texts.iter().enumerate() {
        for b in texts.iter().skip(i + 1) {
            if a.y == b.y {
                let apart = a.x + a.width <= b.x + 0.01 || b.x + b.width <= a.x + 0.01;
                if !apart {
                    out.push(format!("runs overlap: {:?} / {:?}", a.text, b.text));
                }
                continue;
            }
            let band = |t: &TextRun| {
                let s = t.size_pt * MM_PER_PT;
                (
                    t.y - t.font.cap_height() * s,
                    t.y + 0.1 * s,
                    t.x,
                    t.x + t.width,
                )
            };
            let (at, ab, al, ar) = band(a);
            let (bt, bb, bl, br) = band(b);
            if at < bb && bt < ab && al < br && bl < ar {
                out.push(format!("lines overlap: {:?} / {:?}", a.text, b.text));
            }
        }
    }
}

/// One item's line of [`Layout::dump`].
fn dump_item(s: &mut String, item: &Item) {
    match item {
        Item::Text(t) => {
            let _ = writeln!(
                s,
                "text {} {} {:.1}pt x={:.1} y={:.1} w={:.1} {} {:?}",
                t.role.key(),
                t.font.key(),
                t.size_pt,
                t.x,
                t.y,
                t.width,
                t.colour,
                t.text
            );
        }
        Item::Image { role, rect, .. } => {
            let _ = writeln!(s, "image {role:?} {}", dim(*rect));
        }
        Item::Line {
            x1,
            y1,
            x2,
            y2,
            width_pt,
            colour,
        } => {
            let _ = writeln!(
                s,
                "line {x1:.1} {y1:.1} {x2:.1} {y2:.1} {width_pt:.2}pt {colour}"
            );
        }
        Item::Rect {
            rect,
            width_pt,
            colour,
            fill,
        } => {
            let what = if *fill { "fill" } else { "stroke" };
            let _ = writeln!(s, "rect {what} {} {width_pt:.2}pt {colour}", dim(*rect));
        }
        Item::Polygon { points, colour } => {
            let pts: Vec<String> = points
                .iter()
                .map(|(x, y)| format!("{x:.1},{y:.1}"))
                .collect();
            let _ = writeln!(s, "polygon {} {colour}", pts.join(" "));
        }
    }
}

/// A rectangle in the dump: x, y, width and height to a tenth of a mm.
fn dim(r: Rect) -> String {
    format!("{:.1} {:.1} {:.1} {:.1}", r.x, r.y, r.w, r.h)
}
