//! Measuring and setting text for the layout: widths through
//! [`crate::diploma::fonts`] (the app's one text measure) with a cache and a
//! record of characters no bundled face has, word wrap, shrinking a line to
//! fit, and centred lines pushed as text runs with fallback faces.

use super::super::fonts::{self, FontId, MM_PER_PT};
use super::super::Rgb;
use super::items::{Item, Role, TextRun};
use std::collections::HashMap;

/// Measures text at 1 pt with fallback faces; caches widths and collects
/// characters no bundled font has.
pub(super) struct Measure {
    cache: HashMap<(FontId, String, u32), f32>,
    pub(super) missing: Vec<char>,
}

impl Measure {
    pub(super) fn new() -> Self {
        Measure {
            cache: HashMap::new(),
            missing: Vec::new(),
        }
    }

    /// Width in points at 1 pt.
    pub(super) fn width(&mut self, font: FontId, text: &str, tracking: f32) -> f32 {
        let key = (font, text.to_string(), tracking.to_bits());
        if let Some(w) = self.cache.get(&key) {
            return *w;
        }
        let (pieces, missing) = fonts::split_by_font(font, text);
        for m in missing {
            if !self.missing.contains(&m) {
                self.missing.push(m);
            }
        }
        let mut w = 0.0;
        for (i, p) in pieces.iter().enumerate() {
            if i > 0 {
                w += tracking;
            }
            w += fonts::width_pt(p.font, &p.text, tracking);
        }
        self.cache.insert(key, w);
        w
    }
}

/// How lines of text are set: the face, size and tracking, what the text is,
/// its colour and the distance between baselines.
#[derive(Debug, Clone, Copy)]
pub(super) struct Setting {
    pub(super) font: FontId,
    pub(super) pt: f32,
    /// Extra space between letters, as a fraction of the size.
    pub(super) tracking: f32,
    pub(super) role: Role,
    pub(super) colour: Rgb,
    /// Baseline to baseline, as a multiple of the size.
    pub(super) leading: f32,
}

/// A horizontal band text is centred in: its centre and width in mm.
#[derive(Debug, Clone, Copy)]
pub(super) struct Band {
    pub(super) cx: f32,
    pub(super) width: f32,
}

/// What [`set_fitting`] set: where it ends, in how many lines, at what size.
#[derive(Debug, Clone, Copy)]
pub(super) struct Fitted {
    pub(super) bottom: f32,
    pub(super) lines: usize,
    pub(super) pt: f32,
}

/// Ascent used for spacing: capitals plus room for accents (Å, É).
pub(super) fn above(font: FontId, pt: f32) -> f32 {
    (font.cap_height() * 1.28) * pt * MM_PER_PT
}

/// Descent used for spacing.
pub(super) fn below(font: FontId, pt: f32) -> f32 {
    font.descender() * 0.85 * pt * MM_PER_PT
}

/// Centred lines of text around `cx`, starting with their top at `top`;
/// returns the bottom.
pub(super) fn text_lines(
    items: &mut Vec<Item>,
    m: &mut Measure,
    lines: &[String],
    set: &Setting,
    cx: f32,
    top: f32,
) -> f32 {
    let (font, pt) = (set.font, set.pt);
    let mut y = top;
    for (i, line) in lines.iter().enumerate() {
        let baseline = if i == 0 {
            y + above(font, pt)
        } else {
            y + set.leading * pt * MM_PER_PT
        };
        let w = m.width(font, line, set.tracking) * pt * MM_PER_PT;
        let first = items.len();
        push_line(items, set, cx - w / 2.0, baseline, line);
        y = baseline;
        if i + 1 == lines.len() {
            // The block ends below the deepest ink of its last line (an
            // italic f reaches far down).
            let mut bottom = y + below(font, pt);
            for item in &items[first..] {
                if let Item::Text(t) = item {
                    bottom = bottom.max(t.bounds().bottom());
                }
            }
            return bottom;
        }
    }
    top
}

/// Pushes one line as runs, one per face it needs (fallback faces for
/// characters the main face lacks).
fn push_line(items: &mut Vec<Item>, set: &Setting, x: f32, baseline: f32, text: &str) {
    let (pt, tracking) = (set.pt, set.tracking);
    let (pieces, _) = fonts::split_by_font(set.font, text);
    let mut x = x;
    for (i, piece) in pieces.into_iter().enumerate() {
        if i > 0 {
            x += tracking * pt * MM_PER_PT;
        }
        let w = fonts::width_pt(piece.font, &piece.text, tracking) * pt * MM_PER_PT;
        items.push(Item::Text(TextRun {
            role: set.role,
            font: piece.font,
            size_pt: pt,
            x,
            y: baseline,
            width: w,
            text: piece.text,
            colour: set.colour,
            tracking_em: tracking,
        }));
        x += w;
    }
}

/// Greedy word wrap at `max_w` points-at-1pt; words longer than a line are
/// broken between characters.
pub(super) fn wrap(
    m: &mut Measure,
    font: FontId,
    tracking: f32,
    text: &str,
    max_w: f32,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let candidate = if cur.is_empty() {
            word.to_string()
        } else {
            format!("{cur} {word}")
        };
        if m.width(font, &candidate, tracking) <= max_w {
            cur = candidate;
            continue;
        }
        if !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
        }
        if m.width(font, word, tracking) <= max_w {
            cur = word.to_string();
        } else {
            // Break a very long word.
            for ch in word.chars() {
                let mut next = cur.clone();
                next.push(ch);
                if !cur.is_empty() && m.width(font, &next, tracking) > max_w {
                    lines.push(std::mem::take(&mut cur));
                    cur.push(ch);
                } else {
                    cur = next;
                }
            }
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// A single line shrunk to fit `width` mm (down to 60 % of `pt`), then
/// wrapped at that size. Returns the lines and the size.
pub(super) fn lines_fitting(
    m: &mut Measure,
    font: FontId,
    pt: f32,
    tracking: f32,
    text: &str,
    width: f32,
) -> (Vec<String>, f32) {
    let w1 = m.width(font, text, tracking);
    let avail = width / MM_PER_PT;
    if w1 * pt <= avail {
        return (vec![text.to_string()], pt);
    }
    let small = (avail / w1).max(pt * 0.6);
    if w1 * small <= avail {
        return (vec![text.to_string()], small);
    }
    (wrap(m, font, tracking, text, avail / small), small)
}

/// `text` at `set.pt`, shrunk or wrapped to fit `band` (see
/// [`lines_fitting`]), set centred in it from `top`.
pub(super) fn set_fitting(
    items: &mut Vec<Item>,
    m: &mut Measure,
    set: &Setting,
    text: &str,
    band: Band,
    top: f32,
) -> Fitted {
    let (lines, pt) = lines_fitting(m, set.font, set.pt, set.tracking, text, band.width);
    let bottom = text_lines(items, m, &lines, &Setting { pt, ..*set }, band.cx, top);
    Fitted {
        bottom,
        lines: lines.len(),
        pt,
    }
}
