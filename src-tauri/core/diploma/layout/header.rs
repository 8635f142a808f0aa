//! The fixed texts of a diploma: the header (logo, title, subtitle and the
//! design's ornament) and the footer (place and date). They keep their sizes
//! unless the page needs everything smaller ([`Params::fixed_scale`]).

use super::super::{ImageRole, Rgb};
use super::frame::ornament;
use super::items::{Item, Rect, Role};
use super::measure::{set_fitting, Measure, Setting};
use super::stack::Block;
use super::style::Params;
use super::{tidy, Sheet};

/// Logo, title, subtitle and ornament, from the top of the content box.
pub(super) fn head(sheet: &Sheet, p: &Params, m: &mut Measure) -> Block {
    let (input, st) = (sheet.input, sheet.st);
    let cx = sheet.cx();
    let fs = p.fixed_scale;
    let mut head = Block::empty();
    let mut y = 0.0;
    if let Some(logo) = sheet.images.logo {
        let (w, h) = logo.size_within(st.logo_max_w, st.logo_max_h * p.logo_scale);
        head.items.push(Item::Image {
            role: ImageRole::Logo,
            digest: logo.digest,
            rect: Rect {
                x: cx - w / 2.0,
                y: 0.0,
                w,
                h,
            },
        });
        y += h + 5.0 * fs;
    }
    let title = input.fill(&input.wording.title);
    let title = if st.title_upper {
        title.to_uppercase()
    } else {
        title
    };
    if !title.is_empty() {
        let set = Setting {
            font: st.title_font,
            pt: st.title_pt * fs,
            tracking: st.title_tracking,
            role: Role::Title,
            colour: sheet.colour,
            leading: 1.1,
        };
        y = set_fitting(&mut head.items, m, &set, &title, sheet.band(), y).bottom;
    }
    let subtitle = input.fill(&input.wording.subtitle);
    if !subtitle.is_empty() {
        y += 3.0 * fs;
        let set = Setting {
            font: st.subtitle_font,
            pt: st.subtitle_pt * fs,
            tracking: 0.0,
            role: Role::Subtitle,
            colour: Rgb::MUTED,
            leading: 1.25,
        };
        y = set_fitting(&mut head.items, m, &set, &subtitle, sheet.band(), y).bottom;
    }
    y += 5.0 * fs;
    let (ornament, height) = ornament(input.design, cx, y, input.colour);
    y += height;
    head.items.extend(ornament);
    head.height = y;
    head
}

/// Place and date (the footer wording), under the body.
pub(super) fn footer(sheet: &Sheet, p: &Params, m: &mut Measure) -> Block {
    let (input, st) = (sheet.input, sheet.st);
    let footer = tidy(&input.fill(&input.wording.footer));
    let mut foot = Block {
        gap: 6.0,
        weight: 1.0,
        ..Block::empty()
    };
    if !footer.is_empty() {
        let set = Setting {
            font: st.footer_font,
            pt: st.footer_pt * p.fixed_scale,
            tracking: 0.0,
            role: Role::Footer,
            colour: Rgb::INK,
            leading: 1.25,
        };
        foot.height = set_fitting(&mut foot.items, m, &set, &footer, sheet.band(), 0.0).bottom;
    }
    foot
}
