//! The typography of each design and orientation, and the sequence of size
//! choices the layout tries, from the preferred to the most compact.

use super::super::fonts::FontId;
use super::super::{Design, Orientation};

/// Typography and geometry of a design in one orientation. Sizes in points,
/// distances in millimetres.
pub(super) struct Style {
    pub(super) content_inset: f32,
    pub(super) title_font: FontId,
    pub(super) title_pt: f32,
    pub(super) title_tracking: f32,
    pub(super) title_upper: bool,
    pub(super) subtitle_font: FontId,
    pub(super) subtitle_pt: f32,
    pub(super) name_font: FontId,
    pub(super) name_max: f32,
    pub(super) name_min: f32,
    pub(super) lead_font: FontId,
    pub(super) lead_pt: f32,
    pub(super) lead_min: f32,
    pub(super) goal_font: FontId,
    pub(super) goal_pt: f32,
    pub(super) goal_min: f32,
    pub(super) footer_font: FontId,
    pub(super) footer_pt: f32,
    pub(super) signer_font: FontId,
    pub(super) signer_pt: f32,
    pub(super) signer_title_font: FontId,
    pub(super) signer_title_pt: f32,
    pub(super) logo_max_h: f32,
    pub(super) logo_max_w: f32,
    /// Widest line of the goal list and lead text, as a share of the content width.
    pub(super) measure: f32,
}

pub(super) fn style(design: Design, orientation: Orientation) -> Style {
    let portrait = orientation == Orientation::Portrait;
    match design {
        Design::Classic => Style {
            content_inset: if portrait { 23.0 } else { 24.0 },
            title_font: FontId::GaramondRegular,
            title_pt: if portrait { 40.0 } else { 44.0 },
            title_tracking: 0.18,
            title_upper: true,
            subtitle_font: FontId::GaramondItalic,
            subtitle_pt: 17.0,
            name_font: FontId::GaramondRegular,
            name_max: if portrait { 38.0 } else { 42.0 },
            name_min: 12.0,
            lead_font: FontId::GaramondItalic,
            lead_pt: 16.0,
            lead_min: 9.0,
            goal_font: FontId::GaramondRegular,
            goal_pt: 15.5,
            goal_min: 9.0,
            footer_font: FontId::GaramondItalic,
            footer_pt: 13.0,
            signer_font: FontId::GaramondRegular,
            signer_pt: 12.0,
            signer_title_font: FontId::GaramondItalic,
            signer_title_pt: 10.5,
            logo_max_h: if portrait { 24.0 } else { 19.0 },
            logo_max_w: 70.0,
            measure: if portrait { 0.95 } else { 0.8 },
        },
        Design::Modern => Style {
            content_inset: if portrait { 24.0 } else { 25.0 },
            title_font: FontId::LatoBold,
            title_pt: if portrait { 18.0 } else { 19.0 },
            title_tracking: 0.38,
            title_upper: true,
            subtitle_font: FontId::LatoRegular,
            subtitle_pt: 13.0,
            name_font: FontId::LatoRegular,
            name_max: if portrait { 36.0 } else { 40.0 },
            name_min: 11.0,
            lead_font: FontId::LatoLight,
            lead_pt: 14.0,
            lead_min: 8.0,
            goal_font: FontId::LatoRegular,
            goal_pt: 13.5,
            goal_min: 8.0,
            footer_font: FontId::LatoLight,
            footer_pt: 11.5,
            signer_font: FontId::LatoRegular,
            signer_pt: 10.5,
            signer_title_font: FontId::LatoLight,
            signer_title_pt: 9.5,
            logo_max_h: if portrait { 22.0 } else { 18.0 },
            logo_max_w: 70.0,
            measure: if portrait { 0.95 } else { 0.8 },
        },
    }
}

/// Sizes tried while fitting.
#[derive(Debug, Clone, Copy)]
pub(super) struct Params {
    pub(super) name_cap: f32,
    pub(super) lead_pt: f32,
    pub(super) goal_pt: f32,
    pub(super) columns: usize,
    pub(super) logo_scale: f32,
    /// Scale of the fixed texts (title, subtitle, footer, signers); 1 normally.
    pub(super) fixed_scale: f32,
}

/// The sequence of size choices, from the preferred to the most compact,
/// for a page with `goals` goals.
pub(super) fn candidates(st: &Style, goals: usize) -> Vec<Params> {
    let base = Params {
        name_cap: st.name_max,
        lead_pt: st.lead_pt,
        goal_pt: st.goal_pt,
        columns: 1,
        logo_scale: 1.0,
        fixed_scale: 1.0,
    };
    let mut out = Vec::new();
    let shrink_goals = |cols: usize, name_cap: f32, out: &mut Vec<Params>| {
        let mut g = st.goal_pt;
        while g >= st.goal_min - 0.01 {
            let lead = (st.lead_pt * g / st.goal_pt).max(st.lead_min);
            out.push(Params {
                goal_pt: g,
                lead_pt: lead,
                columns: cols,
                name_cap,
                ..base
            });
            g -= 0.5;
        }
    };
    // Goals shrink first, then flow into two columns, then the name gives way.
    shrink_goals(1, st.name_max, &mut out);
    let cols = if goals >= 4 { 2 } else { 1 };
    if cols == 2 {
        shrink_goals(2, st.name_max, &mut out);
    }
    let mut n = st.name_max - 2.0;
    while n >= st.name_min {
        out.push(Params {
            name_cap: n,
            goal_pt: st.goal_min,
            lead_pt: st.lead_min,
            columns: cols,
            ..base
        });
        n -= 2.0;
    }
    // Last resort: everything smaller, logo too.
    let mut f = 0.9;
    while f > 0.3 {
        out.push(Params {
            name_cap: st.name_min * f,
            goal_pt: st.goal_min * f,
            lead_pt: st.lead_min * f,
            columns: cols,
            logo_scale: f,
            fixed_scale: f,
        });
        f -= 0.1;
    }
    out
}
