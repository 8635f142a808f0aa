//! Fitting the partner's name, the largest text on the page: as large as the
//! current size choice allows on one line, or in two balanced lines when one
//! line would make it much smaller, wrapped freely as the last resort.

use super::super::fonts::{FontId, MM_PER_PT};
use super::super::Rgb;
use super::items::Role;
use super::measure::{text_lines, wrap, Measure, Setting};
use super::stack::Block;
use super::style::Params;
use super::Sheet;

/// The sizes the name may take, in points.
#[derive(Debug, Clone, Copy)]
struct Sizes {
    max: f32,
    min: f32,
}

/// The name's block, centred in the content box.
pub(super) fn name(sheet: &Sheet, p: &Params, m: &mut Measure) -> Block {
    let st = sheet.st;
    let sizes = Sizes {
        max: p.name_cap,
        min: st.name_min.min(p.name_cap),
    };
    let band = sheet.band();
    let (lines, pt) = fit_name(m, st.name_font, &sheet.input.partner, band.width, sizes);
    let mut name = Block {
        gap: 6.0,
        weight: 1.0,
        ..Block::empty()
    };
    let set = Setting {
        font: st.name_font,
        pt,
        tracking: 0.0,
        role: Role::Name,
        colour: Rgb::INK,
        leading: 1.12,
    };
    name.height = text_lines(&mut name.items, m, &lines, &set, band.cx, 0.0);
    name
}

/// Fits the partner name into `width` mm: as large as allowed on one line;
/// if that would make it smaller than 75 % of the largest size, the name
/// wraps into the two most balanced lines instead, whichever gives the
/// larger type. Returns the lines and the size.
fn fit_name(
    m: &mut Measure,
    font: FontId,
    name: &str,
    width: f32,
    sizes: Sizes,
) -> (Vec<String>, f32) {
    let (max_pt, min_pt) = (sizes.max, sizes.min);
    let avail = width / MM_PER_PT;
    let w1 = m.width(font, name, 0.0).max(0.001);
    let one = (avail / w1).min(max_pt);
    if one >= max_pt * 0.75 {
        return (vec![name.to_string()], one);
    }
    if let Some((wmax, lines)) = balanced_split(m, font, name) {
        let two = (avail / wmax).min(max_pt);
        if two > one && two >= min_pt {
            return (lines, two);
        }
        if two > one {
            // Even two lines are too small: wrap freely at the minimum size.
            return (wrap(m, font, 0.0, name, avail / min_pt), min_pt);
        }
    }
    if one >= min_pt {
        return (vec![name.to_string()], one);
    }
    (wrap(m, font, 0.0, name, avail / min_pt), min_pt)
}

/// The split between words that makes the longer of the two lines shortest:
/// that width (points at 1 pt) and the two lines. `None` for a single word.
fn balanced_split(m: &mut Measure, font: FontId, name: &str) -> Option<(f32, Vec<String>)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut best: Option<(f32, Vec<String>)> = None;
    for i in 1..words.len() {
        let a = words[..i].join(" ");
        let b = words[i..].join(" ");
        let wa = m.width(font, &a, 0.0);
        let wb = m.width(font, &b, 0.0);
        let wmax = wa.max(wb);
        if best.as_ref().is_none_or(|(w, _)| wmax < *w) {
            best = Some((wmax, vec![a, b]));
        }
    }
    best
}
