//! Text for printed documents: the styles, word wrap measured with the one
//! text measure, and lines set as text runs (characters a face lacks are
//! drawn by the first bundled face that has them).

use crate::diploma::fonts::{self, FontId, MM_PER_PT};
use crate::diploma::layout::{Item, Role, TextRun};
use crate::diploma::Rgb;

/// Body text colour: near-black, for print.
pub const INK: Rgb = Rgb::INK;
/// Secondary text (footers, labels): a dark grey that still prints clearly.
pub const GREY: Rgb = Rgb(0x55, 0x55, 0x55);
/// Hairlines between table rows.
pub const RULE: Rgb = Rgb(0xc8, 0xc8, 0xc8);

/// How a run of text looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub font: FontId,
    pub size_pt: f32,
    pub colour: Rgb,
    /// Line height as a multiple of the size.
    pub leading: f32,
}

impl Style {
    pub fn new(font: FontId, size_pt: f32, colour: Rgb) -> Self {
        Style {
            font,
            size_pt,
            colour,
            leading: 1.42,
        }
    }
    /// The height of one line, in mm.
    pub fn line_mm(&self) -> f32 {
        self.size_pt * MM_PER_PT * self.leading
    }
    /// Where the baseline lies below the top of a line, in mm: the capitals
    /// centred in the line.
    pub fn baseline_mm(&self) -> f32 {
        let size = self.size_pt * MM_PER_PT;
        (self.line_mm() + self.font.cap_height() * size) / 2.0
    }
    /// The width of `text` in mm, with the fallback faces for characters
    /// this face lacks.
    pub fn width_mm(&self, text: &str) -> f32 {
        let (pieces, _) = fonts::split_by_font(self.font, text);
        pieces
            .iter()
            .map(|p| fonts::width_pt(p.font, &p.text, 0.0))
            .sum::<f32>()
            * self.size_pt
            * MM_PER_PT
    }
}

/// Horizontal alignment of a line in its box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
    Right,
}

/// `text` broken into lines no wider than `width` mm. A `\n` breaks the line;
/// an empty line is kept as an empty string; a word wider than the line is
/// broken between characters, so nothing is ever cut off.
pub fn wrap(style: &Style, text: &str, width: f32) -> Vec<String> {
    let space = style.width_mm(" ");
    let mut lines = Vec::new();
    for para in text.replace("\r\n", "\n").split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0f32;
        for word in para.split_whitespace() {
            let mut w = style.width_mm(word);
            if !line.is_empty() && line_w + space + w <= width {
                line.push(' ');
                line.push_str(word);
                line_w += space + w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if w <= width {
                line = word.to_string();
                line_w = w;
                continue;
            }
            // A word longer than the line: break it between characters.
            let mut rest = String::new();
            for ch in word.chars() {
                rest.push(ch);
                if style.width_mm(&rest) > width && rest.chars().count() > 1 {
                    rest.pop();
                    lines.push(std::mem::take(&mut rest));
                    rest.push(ch);
                }
            }
            w = style.width_mm(&rest);
            line = rest;
            line_w = w;
        }
        lines.push(line);
    }
    lines
}

/// One line of text as runs, placed in the box from `x` that is `width`
/// wide, on baseline `y`.
pub fn set_line(
    style: &Style,
    text: &str,
    x: f32,
    width: f32,
    y: f32,
    align: Align,
    role: Role,
) -> Vec<Item> {
    let (pieces, _missing) = fonts::split_by_font(style.font, text);
    let scale = style.size_pt * MM_PER_PT;
    let widths: Vec<f32> = pieces
        .iter()
        .map(|p| fonts::width_pt(p.font, &p.text, 0.0) * scale)
        .collect();
    let total: f32 = widths.iter().sum();
    let mut cx = match align {
        Align::Left => x,
        Align::Centre => x + (width - total) / 2.0,
        Align::Right => x + width - total,
    };
    let mut out = Vec::with_capacity(pieces.len());
    for (p, w) in pieces.into_iter().zip(widths) {
        out.push(Item::Text(TextRun {
            role,
            font: p.font,
            size_pt: style.size_pt,
            x: cx,
            y,
            width: w,
            text: p.text,
            colour: style.colour,
            tracking_em: 0.0,
        }));
        cx += w;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_every_word_and_respects_the_width() {
        let st = Style::new(FontId::LatoRegular, 10.0, INK);
        let text = "Foreningen Solsikken tilbyder gåture for ældre hver tirsdag i Ørstedsparken";
        let lines = wrap(&st, text, 40.0);
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(st.width_mm(l) <= 40.0 + 0.01, "{l}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken_not_cut() {
        let st = Style::new(FontId::LatoRegular, 10.0, INK);
        let word = "Sundhedsfremmeinitiativudviklingsprojektet".repeat(2);
        let lines = wrap(&st, &word, 30.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), word);
    }

    #[test]
    fn hard_breaks_and_empty_lines_are_kept() {
        let st = Style::new(FontId::LatoRegular, 10.0, INK);
        assert_eq!(wrap(&st, "a\n\nb", 100.0), vec!["a", "", "b"]);
    }

    #[test]
    fn right_aligned_runs_end_at_the_box_edge() {
        let st = Style::new(FontId::LatoRegular, 10.0, INK);
        let items = set_line(&st, "12.500", 10.0, 50.0, 20.0, Align::Right, Role::Body);
        let Some(Item::Text(t)) = items.last() else {
            panic!("no run")
        };
        assert!((t.x + t.width - 60.0).abs() < 0.01);
    }
}
