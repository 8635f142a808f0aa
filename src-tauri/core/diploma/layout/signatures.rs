//! Placing the signatures at the bottom of the page: for each of at most two
//! signatories, space to sign (or the stored signature image), a line, the
//! name and the title, side by side when there are two.

use super::super::fonts::MM_PER_PT;
use super::super::{ImageRole, Rgb, Signer};
use super::items::{Item, Rect, Role};
use super::measure::{above, below, set_fitting, Band, Measure, Setting};
use super::stack::Block;
use super::style::Params;
use super::Sheet;

/// Where one signatory goes: which one it is, the band the name and title
/// are centred in, the signing line's width, the height of the space to
/// sign above the line, and the scale of the fixed texts.
struct Slot {
    index: usize,
    band: Band,
    line_w: f32,
    sign_h: f32,
    scale: f32,
}

/// The image role of the signature of signatory `index` (0 or 1).
pub(super) fn signature_role(index: usize) -> ImageRole {
    if index == 0 {
        ImageRole::Signature1
    } else {
        ImageRole::Signature2
    }
}

/// The signatures' block, or `None` when nobody signs.
pub(super) fn signatures(sheet: &Sheet, p: &Params, m: &mut Measure) -> Option<Block> {
    let (signers, content) = (&sheet.input.signers, sheet.content);
    if signers.is_empty() {
        return None;
    }
    let fs = p.fixed_scale;
    let n = signers.len().min(2);
    let slot_w = if n == 1 {
        content.w * 0.5
    } else {
        content.w / 2.0 - 8.0
    }
    .min(95.0);
    let line_w = if n == 1 {
        slot_w.min(72.0)
    } else {
        (content.w / 2.0 - 16.0).min(72.0)
    };
    let sign_h = 17.0 * fs.max(0.6);
    let mut sig = Block {
        gap: 4.0,
        weight: 0.6,
        ..Block::empty()
    };
    let mut bottom: f32 = 0.0;
    for (index, signer) in signers.iter().take(2).enumerate() {
        let cx = if n == 1 {
            sheet.cx()
        } else if index == 0 {
            content.x + content.w / 4.0
        } else {
            content.x + content.w * 3.0 / 4.0
        };
        let slot = Slot {
            index,
            band: Band { cx, width: slot_w },
            line_w,
            sign_h,
            scale: fs,
        };
        bottom = bottom.max(place(&mut sig.items, m, sheet, &slot, signer));
    }
    sig.height = bottom;
    Some(sig)
}

/// One signatory in its slot; returns the bottom.
fn place(items: &mut Vec<Item>, m: &mut Measure, sheet: &Sheet, slot: &Slot, s: &Signer) -> f32 {
    let st = sheet.st;
    let (cx, sign_h) = (slot.band.cx, slot.sign_h);
    if let Some(Some(img)) = sheet.images.signatures.get(slot.index) {
        let (w, h) = img.size_within(slot.line_w, sign_h - 1.0);
        items.push(Item::Image {
            role: signature_role(slot.index),
            digest: img.digest,
            rect: Rect {
                x: cx - w / 2.0,
                y: sign_h - 1.0 - h,
                w,
                h,
            },
        });
    }
    items.push(Item::Line {
        x1: cx - slot.line_w / 2.0,
        y1: sign_h,
        x2: cx + slot.line_w / 2.0,
        y2: sign_h,
        width_pt: 0.5,
        colour: Rgb::MUTED,
    });
    let mut y = sign_h + 1.6;
    if !s.name.is_empty() {
        let set = Setting {
            font: st.signer_font,
            pt: st.signer_pt * slot.scale,
            tracking: 0.0,
            role: Role::SignerName,
            colour: Rgb::INK,
            leading: 1.2,
        };
        let top = y;
        let f = set_fitting(items, m, &set, &s.name, slot.band, top);
        // Titles line up side by side whatever letters the names have.
        y = top
            + above(st.signer_font, f.pt)
            + (f.lines.max(1) - 1) as f32 * 1.2 * f.pt * MM_PER_PT
            + below(st.signer_font, f.pt);
    }
    if !s.title.is_empty() {
        y += 0.6;
        let set = Setting {
            font: st.signer_title_font,
            pt: st.signer_title_pt * slot.scale,
            tracking: 0.0,
            role: Role::SignerTitle,
            colour: Rgb::MUTED,
            leading: 1.2,
        };
        y = set_fitting(items, m, &set, &s.title, slot.band, y).bottom;
    }
    y
}
