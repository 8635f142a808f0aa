//! Fitting the body: the lead text paragraphs of the wording and, where the
//! wording says `{goals}`, the partner's goals, one per line (wrapped when
//! long), in one column or flowed into two at the current size choice.

use super::super::fonts::MM_PER_PT;
use super::super::Rgb;
use super::items::{Item, Role};
use super::measure::{text_lines, wrap, Band, Measure, Setting};
use super::stack::Block;
use super::style::Params;
use super::Sheet;

/// Space between the two goal columns, in mm.
const GUTTER: f32 = 10.0;

/// One column of goals: the goals, where the column is, and the space
/// between two goals.
struct Column<'g> {
    goals: &'g [String],
    band: Band,
    gap: f32,
}

/// The lead text and the goal list, in the order of the wording's lines.
pub(super) fn body(sheet: &Sheet, p: &Params, m: &mut Measure) -> Block {
    let (input, st) = (sheet.input, sheet.st);
    let measure = sheet.content.w * st.measure;
    let lead = Setting {
        font: st.lead_font,
        pt: p.lead_pt,
        tracking: 0.0,
        role: Role::Body,
        colour: Rgb::MUTED,
        leading: 1.3,
    };
    let mut body = Block {
        gap: 4.0,
        weight: 0.7,
        ..Block::empty()
    };
    let mut y = 0.0;
    let mut first = true;
    for para in input.wording.body.lines() {
        let para = para.trim();
        if para == "{goals}" {
            if input.goals.is_empty() {
                continue;
            }
            if !first {
                y += 2.5 * p.goal_pt / st.goal_pt;
            }
            y = goal_list(&mut body.items, m, sheet, p, y);
            first = false;
            continue;
        }
        let text = input.fill(para);
        if text.is_empty() {
            y += p.lead_pt * MM_PER_PT;
            continue;
        }
        if !first {
            y += 1.5;
        }
        let lines = wrap(
            m,
            st.lead_font,
            0.0,
            &text,
            measure / p.lead_pt * (1.0 / MM_PER_PT),
        );
        y = text_lines(&mut body.items, m, &lines, &lead, sheet.cx(), y);
        first = false;
    }
    body.height = y;
    body
}

/// The goals from `top`, in one or two columns; returns the bottom.
fn goal_list(items: &mut Vec<Item>, m: &mut Measure, sheet: &Sheet, p: &Params, top: f32) -> f32 {
    let (st, content, goals) = (sheet.st, sheet.content, &sheet.input.goals);
    let measure = content.w * st.measure;
    let set = Setting {
        font: st.goal_font,
        pt: p.goal_pt,
        tracking: 0.0,
        role: Role::Goal,
        colour: Rgb::INK,
        leading: 1.2,
    };
    let gap = 1.2 * p.goal_pt / st.goal_pt;
    if p.columns <= 1 {
        let band = Band {
            cx: sheet.cx(),
            width: measure,
        };
        return goal_column(items, m, &set, Column { goals, band, gap }, top);
    }
    let col_w = (content.w.min(measure * 1.15) - GUTTER) / 2.0;
    let left_x = content.x + content.w / 2.0 - GUTTER / 2.0 - col_w / 2.0;
    let right_x = content.x + content.w / 2.0 + GUTTER / 2.0 + col_w / 2.0;
    let split = goals.len().div_ceil(2);
    let mut bottom = top;
    for (goals, cx) in [(&goals[..split], left_x), (&goals[split..], right_x)] {
        let band = Band { cx, width: col_w };
        bottom = bottom.max(goal_column(
            items,
            m,
            &set,
            Column { goals, band, gap },
            top,
        ));
    }
    bottom
}

/// One column of goals from `top`; returns its bottom.
fn goal_column(
    items: &mut Vec<Item>,
    m: &mut Measure,
    set: &Setting,
    col: Column,
    top: f32,
) -> f32 {
    let mut y = top;
    for (i, g) in col.goals.iter().enumerate() {
        if i > 0 {
            y += col.gap;
        }
        let lines = wrap(m, set.font, 0.0, g, col.band.width / MM_PER_PT / set.pt);
        y = text_lines(items, m, &lines, set, col.band.cx, y);
    }
    y
}
