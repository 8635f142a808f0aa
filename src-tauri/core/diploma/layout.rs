//! The diploma layout: computed once from a [`DiplomaInput`] with the fonts'
//! real metrics, then drawn by both the PDF and the SVG renderer.
//!
//! Coordinates are millimetres from the top-left corner of the page, y down;
//! a text run's `y` is its baseline. All text and images lie inside
//! [`Layout::content`]; all decoration inside [`Layout::frame`], which is at
//! least [`MIN_EDGE_MM`] from every paper edge.

use super::fonts::{self, FontId, MM_PER_PT};
use super::picture::Pictures;
use super::{
    danish_date, Design, DiplomaError, DiplomaInput, ImageRole, Orientation, Rgb, Warning,
};
use std::collections::HashMap;
use std::fmt::Write as _;

/// Nothing is printed closer than this to the paper edge.
pub const MIN_EDGE_MM: f32 = 10.0;

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
    fn key(self) -> &'static str {
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
    fn bounds(&self) -> Rect {
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
}

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
        let texts: Vec<&TextRun> = self
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text(t) => Some(t),
                _ => None,
            })
            .collect();
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
        // Lines of text must not overlap: compare the x-height band of runs.
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
        out
    }

    /// A compact, stable text form of the layout for snapshot tests.
    pub fn dump(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "page {:.1}x{:.1}", self.width, self.height);
        let r = |r: Rect| format!("{:.1} {:.1} {:.1} {:.1}", r.x, r.y, r.w, r.h);
        let _ = writeln!(s, "frame {}", r(self.frame));
        let _ = writeln!(s, "content {}", r(self.content));
        for item in &self.items {
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
                    let _ = writeln!(s, "image {role:?} {}", r(*rect));
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
                    let _ = writeln!(s, "rect {what} {} {width_pt:.2}pt {colour}", r(*rect));
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
        s
    }
}

/// Typography and geometry of a design in one orientation. Sizes in points,
/// distances in millimetres.
struct Style {
    content_inset: f32,
    title_font: FontId,
    title_pt: f32,
    title_tracking: f32,
    title_upper: bool,
    subtitle_font: FontId,
    subtitle_pt: f32,
    name_font: FontId,
    name_max: f32,
    name_min: f32,
    lead_font: FontId,
    lead_pt: f32,
    lead_min: f32,
    goal_font: FontId,
    goal_pt: f32,
    goal_min: f32,
    footer_font: FontId,
    footer_pt: f32,
    signer_font: FontId,
    signer_pt: f32,
    signer_title_font: FontId,
    signer_title_pt: f32,
    logo_max_h: f32,
    logo_max_w: f32,
    /// Widest line of the goal list and lead text, as a share of the content width.
    measure: f32,
}

fn style(design: Design, orientation: Orientation) -> Style {
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
struct Params {
    name_cap: f32,
    lead_pt: f32,
    goal_pt: f32,
    columns: usize,
    logo_scale: f32,
    /// Scale of the fixed texts (title, subtitle, footer, signers); 1 normally.
    fixed_scale: f32,
}

/// Measures text at 1 pt with fallback faces; caches widths and collects
/// characters no bundled font has.
struct Measure {
    cache: HashMap<(FontId, String, u32), f32>,
    missing: Vec<char>,
}

impl Measure {
    fn new() -> Self {
        Measure {
            cache: HashMap::new(),
            missing: Vec::new(),
        }
    }

    /// Width in points at 1 pt.
    fn width(&mut self, font: FontId, text: &str, tracking: f32) -> f32 {
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

/// One piece of the vertical stack: items positioned relative to its top.
struct Block {
    height: f32,
    items: Vec<Item>,
    /// Minimum space above this block.
    gap: f32,
    /// Share of the spare height given to the space above this block.
    weight: f32,
}

impl Block {
    fn empty() -> Block {
        Block {
            height: 0.0,
            items: Vec::new(),
            gap: 0.0,
            weight: 0.0,
        }
    }
}

/// Ascent used for spacing: capitals plus room for accents (Å, É).
fn above(font: FontId, pt: f32) -> f32 {
    (font.cap_height() * 1.28) * pt * MM_PER_PT
}

/// Descent used for spacing.
fn below(font: FontId, pt: f32) -> f32 {
    font.descender() * 0.85 * pt * MM_PER_PT
}

/// Lays out `input` (validated first). Returns the page and the warnings.
pub fn compute(
    input: &DiplomaInput,
    pictures: &mut Pictures,
) -> Result<(Layout, Vec<Warning>), DiplomaError> {
    for f in FontId::ALL {
        if f.face().is_none() {
            return Err(DiplomaError::Font(f.key()));
        }
    }
    let input = input.validated()?;
    let st = style(input.design, input.orientation);
    let (pw, ph) = input.orientation.page_mm();
    let page = Rect {
        x: 0.0,
        y: 0.0,
        w: pw,
        h: ph,
    };
    let content = page.inset(st.content_inset);
    let frame = page.inset(MIN_EDGE_MM + 1.0);
    let mut warnings = Vec::new();

    // Images: decoded once (cached), unreadable ones are warned about.
    let logo = input.logo.as_ref().and_then(|b| match pictures.get(b) {
        Some(p) => Some((b.digest(), p.width as f32 / p.height as f32)),
        None => {
            warnings.push(Warning::ImageUnreadable {
                image: ImageRole::Logo,
            });
            None
        }
    });
    let mut signatures = Vec::new();
    for (i, s) in input.signers.iter().enumerate() {
        let role = if i == 0 {
            ImageRole::Signature1
        } else {
            ImageRole::Signature2
        };
        let sig = s.signature.as_ref().and_then(|b| match pictures.get(b) {
            Some(p) => Some((b.digest(), p.width as f32 / p.height as f32)),
            None => {
                warnings.push(Warning::ImageUnreadable { image: role });
                None
            }
        });
        signatures.push(sig);
    }
    if input.goals.is_empty() && input.wording.body.contains("{goals}") {
        warnings.push(Warning::NoGoals {
            partner: input.partner.clone(),
        });
    }

    let colour = input.colour.for_text();
    let mut m = Measure::new();
    let base = Params {
        name_cap: st.name_max,
        lead_pt: st.lead_pt,
        goal_pt: st.goal_pt,
        columns: 1,
        logo_scale: 1.0,
        fixed_scale: 1.0,
    };
    let mut chosen = None;
    for p in candidates(&st, &base, input.goals.len()) {
        let blocks = build(&input, &st, &p, content, colour, logo, &signatures, &mut m);
        let need: f32 = blocks.iter().map(|b| b.height + b.gap).sum();
        if need <= content.h {
            chosen = Some(blocks);
            break;
        }
    }
    let Some(blocks) = chosen else {
        return Err(DiplomaError::DoesNotFit);
    };

    // Stack the blocks from the top; spare height goes into the gaps.
    let need: f32 = blocks.iter().map(|b| b.height + b.gap).sum();
    let spare = (content.h - need).max(0.0);
    let weights: f32 = blocks.iter().map(|b| b.weight).sum();
    let mut items = decoration(input.design, page, frame, input.colour);
    let mut y = content.y;
    for b in blocks {
        let extra = if weights > 0.0 {
            spare * b.weight / weights
        } else {
            0.0
        };
        y += b.gap + extra;
        for item in b.items {
            items.push(shift(item, y));
        }
        y += b.height;
    }
    for ch in m.missing {
        warnings.push(Warning::MissingCharacter {
            partner: input.partner.clone(),
            ch,
        });
    }
    Ok((
        Layout {
            width: pw,
            height: ph,
            content,
            frame,
            items,
            partner: input.partner.clone(),
        },
        warnings,
    ))
}

/// The sequence of size choices, from the preferred to the most compact.
fn candidates(st: &Style, base: &Params, goals: usize) -> Vec<Params> {
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
                ..*base
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
            ..*base
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

#[allow(clippy::too_many_arguments)]
fn build(
    input: &DiplomaInput,
    st: &Style,
    p: &Params,
    content: Rect,
    colour: Rgb,
    logo: Option<(u64, f32)>,
    signatures: &[Option<(u64, f32)>],
    m: &mut Measure,
) -> Vec<Block> {
    let cx = content.x + content.w / 2.0;
    let fs = p.fixed_scale;
    let mut blocks = Vec::new();

    // Header: logo, title, subtitle, ornament.
    let mut head = Block::empty();
    let mut y = 0.0;
    if let Some((digest, ratio)) = logo {
        let mut h = st.logo_max_h * p.logo_scale;
        let mut w = h * ratio;
        if w > st.logo_max_w {
            w = st.logo_max_w;
            h = w / ratio;
        }
        head.items.push(Item::Image {
            role: ImageRole::Logo,
            digest,
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
        let lines = lines_fitting(
            m,
            st.title_font,
            st.title_pt * fs,
            st.title_tracking,
            &title,
            content.w - 4.0,
        );
        y = text_lines(
            &mut head.items,
            m,
            &lines.0,
            lines.1,
            st.title_font,
            st.title_tracking,
            Role::Title,
            colour,
            cx,
            y,
            1.1,
        );
    }
    let subtitle = input.fill(&input.wording.subtitle);
    if !subtitle.is_empty() {
        y += 3.0 * fs;
        let lines = lines_fitting(
            m,
            st.subtitle_font,
            st.subtitle_pt * fs,
            0.0,
            &subtitle,
            content.w - 4.0,
        );
        y = text_lines(
            &mut head.items,
            m,
            &lines.0,
            lines.1,
            st.subtitle_font,
            0.0,
            Role::Subtitle,
            Rgb::MUTED,
            cx,
            y,
            1.25,
        );
    }
    y += 5.0 * fs;
    let orn = ornament(input.design, cx, y, input.colour);
    y += orn.1;
    head.items.extend(orn.0);
    head.height = y;
    blocks.push(head);

    // The partner's name: the largest text, one line or two balanced lines.
    let (name_lines, name_pt) = fit_name(
        m,
        st.name_font,
        &input.partner,
        content.w - 4.0,
        p.name_cap,
        st.name_min.min(p.name_cap),
    );
    let mut name = Block {
        gap: 6.0,
        weight: 1.0,
        ..Block::empty()
    };
    name.height = text_lines(
        &mut name.items,
        m,
        &name_lines,
        name_pt,
        st.name_font,
        0.0,
        Role::Name,
        Rgb::INK,
        cx,
        0.0,
        1.12,
    );
    blocks.push(name);

    // The body: lead text and the goal list.
    let measure = content.w * st.measure;
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
            y = goal_list(&mut body.items, m, st, p, &input.goals, content, measure, y);
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
        y = text_lines(
            &mut body.items,
            m,
            &lines,
            p.lead_pt,
            st.lead_font,
            0.0,
            Role::Body,
            Rgb::MUTED,
            cx,
            y,
            1.3,
        );
        first = false;
    }
    body.height = y;
    blocks.push(body);

    // Footer: place and date.
    let footer = tidy(&input.fill(&input.wording.footer));
    let mut foot = Block {
        gap: 6.0,
        weight: 1.0,
        ..Block::empty()
    };
    if !footer.is_empty() {
        let lines = lines_fitting(
            m,
            st.footer_font,
            st.footer_pt * fs,
            0.0,
            &footer,
            content.w - 4.0,
        );
        foot.height = text_lines(
            &mut foot.items,
            m,
            &lines.0,
            lines.1,
            st.footer_font,
            0.0,
            Role::Footer,
            Rgb::INK,
            cx,
            0.0,
            1.25,
        );
    }
    blocks.push(foot);

    // Signatures, at the bottom: space to sign (or the stored signature),
    // a line, the name and the title.
    if !input.signers.is_empty() {
        let n = input.signers.len().min(2);
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
        for (i, s) in input.signers.iter().take(2).enumerate() {
            let scx = if n == 1 {
                cx
            } else if i == 0 {
                content.x + content.w / 4.0
            } else {
                content.x + content.w * 3.0 / 4.0
            };
            if let Some(Some((digest, ratio))) = signatures.get(i) {
                let mut h = sign_h - 1.0;
                let mut w = h * ratio;
                if w > line_w {
                    w = line_w;
                    h = w / ratio;
                }
                sig.items.push(Item::Image {
                    role: if i == 0 {
                        ImageRole::Signature1
                    } else {
                        ImageRole::Signature2
                    },
                    digest: *digest,
                    rect: Rect {
                        x: scx - w / 2.0,
                        y: sign_h - 1.0 - h,
                        w,
                        h,
                    },
                });
            }
            sig.items.push(Item::Line {
                x1: scx - line_w / 2.0,
                y1: sign_h,
                x2: scx + line_w / 2.0,
                y2: sign_h,
                width_pt: 0.5,
                colour: Rgb::MUTED,
            });
            let mut yy = sign_h + 1.6;
            if !s.name.is_empty() {
                let (l, pt) =
                    lines_fitting(m, st.signer_font, st.signer_pt * fs, 0.0, &s.name, slot_w);
                let top = yy;
                text_lines(
                    &mut sig.items,
                    m,
                    &l,
                    pt,
                    st.signer_font,
                    0.0,
                    Role::SignerName,
                    Rgb::INK,
                    scx,
                    top,
                    1.2,
                );
                // Titles line up side by side whatever letters the names have.
                yy = top
                    + above(st.signer_font, pt)
                    + (l.len().max(1) - 1) as f32 * 1.2 * pt * MM_PER_PT
                    + below(st.signer_font, pt);
            }
            if !s.title.is_empty() {
                yy += 0.6;
                let (l, pt) = lines_fitting(
                    m,
                    st.signer_title_font,
                    st.signer_title_pt * fs,
                    0.0,
                    &s.title,
                    slot_w,
                );
                yy = text_lines(
                    &mut sig.items,
                    m,
                    &l,
                    pt,
                    st.signer_title_font,
                    0.0,
                    Role::SignerTitle,
                    Rgb::MUTED,
                    scx,
                    yy,
                    1.2,
                );
            }
            bottom = bottom.max(yy);
        }
        sig.height = bottom;
        blocks.push(sig);
    }
    blocks
}

/// Removes the separators a blank placeholder leaves behind (", 22. november").
fn tidy(s: &str) -> String {
    s.trim()
        .trim_matches(|c: char| c == ',' || c.is_whitespace())
        .to_string()
}

/// Centred lines of text starting with their top at `top`; returns the bottom.
#[allow(clippy::too_many_arguments)]
fn text_lines(
    items: &mut Vec<Item>,
    m: &mut Measure,
    lines: &[String],
    pt: f32,
    font: FontId,
    tracking: f32,
    role: Role,
    colour: Rgb,
    cx: f32,
    top: f32,
    leading: f32,
) -> f32 {
    let mut y = top;
    for (i, line) in lines.iter().enumerate() {
        let baseline = if i == 0 {
            y + above(font, pt)
        } else {
            y + leading * pt * MM_PER_PT
        };
        let w = m.width(font, line, tracking) * pt * MM_PER_PT;
        let first = items.len();
        push_line(
            items,
            font,
            pt,
            tracking,
            role,
            colour,
            cx - w / 2.0,
            baseline,
            line,
        );
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
#[allow(clippy::too_many_arguments)]
fn push_line(
    items: &mut Vec<Item>,
    font: FontId,
    pt: f32,
    tracking: f32,
    role: Role,
    colour: Rgb,
    x: f32,
    baseline: f32,
    text: &str,
) {
    let (pieces, _) = fonts::split_by_font(font, text);
    let mut x = x;
    for (i, piece) in pieces.into_iter().enumerate() {
        if i > 0 {
            x += tracking * pt * MM_PER_PT;
        }
        let w = fonts::width_pt(piece.font, &piece.text, tracking) * pt * MM_PER_PT;
        items.push(Item::Text(TextRun {
            role,
            font: piece.font,
            size_pt: pt,
            x,
            y: baseline,
            width: w,
            text: piece.text,
            colour,
            tracking_em: tracking,
        }));
        x += w;
    }
}

/// Greedy word wrap at `max_w` points-at-1pt; words longer than a line are
/// broken between characters.
fn wrap(m: &mut Measure, font: FontId, tracking: f32, text: &str, max_w: f32) -> Vec<String> {
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
/// wrapped at that size.
fn lines_fitting(
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

/// Fits the partner name: as large as allowed on one line; if that would
/// make it smaller than 75 % of the largest size, the name wraps into the two
/// most balanced lines instead, whichever gives the larger type.
fn fit_name(
    m: &mut Measure,
    font: FontId,
    name: &str,
    width: f32,
    max_pt: f32,
    min_pt: f32,
) -> (Vec<String>, f32) {
    let avail = width / MM_PER_PT;
    let w1 = m.width(font, name, 0.0).max(0.001);
    let one = (avail / w1).min(max_pt);
    if one >= max_pt * 0.75 {
        return (vec![name.to_string()], one);
    }
    // The split that makes the longer of the two lines shortest.
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
    if let Some((wmax, lines)) = best {
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

/// The goals, one per line (wrapped when long), in one or two columns.
#[allow(clippy::too_many_arguments)]
fn goal_list(
    items: &mut Vec<Item>,
    m: &mut Measure,
    st: &Style,
    p: &Params,
    goals: &[String],
    content: Rect,
    measure: f32,
    top: f32,
) -> f32 {
    let pt = p.goal_pt;
    let gap = 1.2 * pt / st.goal_pt;
    if p.columns <= 1 {
        let cx = content.x + content.w / 2.0;
        let mut y = top;
        for (i, g) in goals.iter().enumerate() {
            if i > 0 {
                y += gap;
            }
            let lines = wrap(m, st.goal_font, 0.0, g, measure / MM_PER_PT / pt);
            y = text_lines(
                items,
                m,
                &lines,
                pt,
                st.goal_font,
                0.0,
                Role::Goal,
                Rgb::INK,
                cx,
                y,
                1.2,
            );
        }
        return y;
    }
    let gutter = 10.0;
    let col_w = (content.w.min(measure * 1.15) - gutter) / 2.0;
    let left_x = content.x + content.w / 2.0 - gutter / 2.0 - col_w / 2.0;
    let right_x = content.x + content.w / 2.0 + gutter / 2.0 + col_w / 2.0;
    let split = goals.len().div_ceil(2);
    let mut bottom = top;
    for (col, (list, cx)) in [(&goals[..split], left_x), (&goals[split..], right_x)]
        .into_iter()
        .enumerate()
    {
        let _ = col;
        let mut y = top;
        for (i, g) in list.iter().enumerate() {
            if i > 0 {
                y += gap;
            }
            let lines = wrap(m, st.goal_font, 0.0, g, col_w / MM_PER_PT / pt);
            y = text_lines(
                items,
                m,
                &lines,
                pt,
                st.goal_font,
                0.0,
                Role::Goal,
                Rgb::INK,
                cx,
                y,
                1.2,
            );
        }
        bottom = bottom.max(y);
    }
    bottom
}

/// The small ornament under the subtitle; returns the items and its height.
fn ornament(design: Design, cx: f32, top: f32, colour: Rgb) -> (Vec<Item>, f32) {
    match design {
        Design::Classic => {
            let cy = top + 1.6;
            let d = 1.6;
            (
                vec![
                    Item::Line {
                        x1: cx - 32.0,
                        y1: cy,
                        x2: cx - 4.0,
                        y2: cy,
                        width_pt: 0.6,
                        colour,
                    },
                    Item::Line {
                        x1: cx + 4.0,
                        y1: cy,
                        x2: cx + 32.0,
                        y2: cy,
                        width_pt: 0.6,
                        colour,
                    },
                    Item::Polygon {
                        points: vec![(cx, cy - d), (cx + d, cy), (cx, cy + d), (cx - d, cy)],
                        colour,
                    },
                ],
                3.2,
            )
        }
        Design::Modern => (
            vec![Item::Rect {
                rect: Rect {
                    x: cx - 9.0,
                    y: top,
                    w: 18.0,
                    h: 1.1,
                },
                width_pt: 0.0,
                colour,
                fill: true,
            }],
            1.1,
        ),
    }
}

/// The frame of a design.
fn decoration(design: Design, page: Rect, frame: Rect, colour: Rgb) -> Vec<Item> {
    match design {
        Design::Classic => {
            let outer = frame.inset(1.0);
            let inner = frame.inset(3.6);
            let mut v = vec![
                Item::Rect {
                    rect: outer,
                    width_pt: 2.2,
                    colour,
                    fill: false,
                },
                Item::Rect {
                    rect: inner,
                    width_pt: 0.6,
                    colour,
                    fill: false,
                },
            ];
            // A small diamond in each corner of the inner rule, and a short
            // rule at the middle of each long side.
            let d = 2.4;
            for (x, y) in [
                (inner.x, inner.y),
                (inner.right(), inner.y),
                (inner.x, inner.bottom()),
                (inner.right(), inner.bottom()),
            ] {
                let (dx, dy) = (
                    if x < page.w / 2.0 { 5.0 } else { -5.0 },
                    if y < page.h / 2.0 { 5.0 } else { -5.0 },
                );
                v.push(Item::Polygon {
                    points: vec![
                        (x + dx, y + dy - d),
                        (x + dx + d, y + dy),
                        (x + dx, y + dy + d),
                        (x + dx - d, y + dy),
                    ],
                    colour,
                });
            }
            v
        }
        Design::Modern => {
            let inner = frame.inset(1.0);
            let mut v = vec![Item::Rect {
                rect: inner,
                width_pt: 0.5,
                colour: colour.tint(0.45),
                fill: false,
            }];
            // Solid corner brackets in the programme colour.
            let len = 22.0;
            let t = 2.2;
            let o = frame;
            for (x, y, sx, sy) in [
                (o.x, o.y, 1.0, 1.0),
                (o.right(), o.y, -1.0, 1.0),
                (o.x, o.bottom(), 1.0, -1.0),
                (o.right(), o.bottom(), -1.0, -1.0),
            ] {
                let hx = if sx > 0.0 { x } else { x - len };
                let hy = if sy > 0.0 { y } else { y - t };
                v.push(Item::Rect {
                    rect: Rect {
                        x: hx,
                        y: hy,
                        w: len,
                        h: t,
                    },
                    width_pt: 0.0,
                    colour,
                    fill: true,
                });
                let vx = if sx > 0.0 { x } else { x - t };
                let vy = if sy > 0.0 { y } else { y - len };
                v.push(Item::Rect {
                    rect: Rect {
                        x: vx,
                        y: vy,
                        w: t,
                        h: len,
                    },
                    width_pt: 0.0,
                    colour,
                    fill: true,
                });
            }
            v
        }
    }
}

fn shift(item: Item, dy: f32) -> Item {
    match item {
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

/// The date line as it appears by default, for callers that need it alone.
pub fn date_line(place: &str, date: chrono::NaiveDate) -> String {
    tidy(&format!("{place}, {}", danish_date(date)))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::{Signer, Wording};
    use super::*;
    use chrono::NaiveDate;

    pub(crate) fn sample(partner: &str) -> DiplomaInput {
        DiplomaInput {
            partner: partner.into(),
            goals: vec![
                "At Fredericia bliver røgfri".into(),
                "At Fredericia er i bevægelse".into(),
                "Fællesskabets Fredericia".into(),
            ],
            programme: "Sund By mikro-partnerskaber".into(),
            municipality: "Fredericia Kommune".into(),
            place: "Fredericia".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default(),
            wording: Wording::default(),
            design: Design::Classic,
            orientation: Orientation::Landscape,
            colour: Rgb::DEFAULT,
            logo: None,
            signers: vec![
                Signer {
                    name: "Steen Wrist Ebbesen".into(),
                    title: "Formand for Sundhedsudvalget".into(),
                    signature: None,
                },
                Signer {
                    name: "Jacob Bjerregaard".into(),
                    title: "Borgmester".into(),
                    signature: None,
                },
            ],
        }
    }

    fn lay(input: &DiplomaInput) -> (Layout, Vec<Warning>) {
        compute(input, &mut Pictures::default()).expect("layout")
    }

    fn all_variants(input: &DiplomaInput) -> Vec<DiplomaInput> {
        let mut v = Vec::new();
        for d in Design::ALL {
            for o in [Orientation::Landscape, Orientation::Portrait] {
                let mut i = input.clone();
                i.design = d;
                i.orientation = o;
                v.push(i);
            }
        }
        v
    }

    #[test]
    fn a_normal_diploma_is_sound_in_every_design_and_orientation() {
        for input in all_variants(&sample("Røde Kors Hovedstaden")) {
            let (l, w) = lay(&input);
            assert_eq!(l.problems(), Vec::<String>::new(), "{:?}", input.design);
            assert!(w.is_empty());
            let name: Vec<_> = l.runs(Role::Name).collect();
            assert_eq!(name.len(), 1);
            // The name is the largest text and centred by measurement.
            let max_other = l
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Text(t) if t.role != Role::Name => Some(t.size_pt),
                    _ => None,
                })
                .fold(0.0f32, f32::max);
            assert!(name[0].size_pt > max_other || input.design == Design::Classic);
            let centre = name[0].x + name[0].width / 2.0;
            assert!((centre - l.width / 2.0).abs() < 0.01);
            assert_eq!(
                l.runs(Role::Footer).next().map(|t| t.text.as_str()),
                Some("Fredericia, 22. november 2026")
            );
        }
    }

    #[test]
    fn a_long_name_wraps_into_two_balanced_lines() {
        let input = sample("Foreningen for Bevægelse og Trivsel blandt Ældre i Fredericia Midtby");
        let (l, _) = lay(&input);
        let lines: Vec<_> = l.runs(Role::Name).collect();
        assert_eq!(lines.len(), 2);
        let (a, b) = (lines[0].width, lines[1].width);
        assert!(a.max(b) / a.min(b) < 1.5, "balanced: {a} vs {b}");
        assert!(l.problems().is_empty(), "{:?}", l.problems());
    }

    #[test]
    fn a_200_character_name_stays_inside_the_frame() {
        let long = "Sammenslutningen af Idrætsforeninger, Grundejerforeninger og Beboerforeninger i Den Sydlige Del af Fredericia Kommune med Tilknyttede Frivillige Organisationer og Sundhedsfremmende Fællesskab";
        let long: String = long.chars().take(200).collect();
        for input in all_variants(&sample(&long)) {
            let (l, _) = lay(&input);
            assert_eq!(
                l.problems(),
                Vec::<String>::new(),
                "{:?} {:?}",
                input.design,
                input.orientation
            );
            let text: String = l
                .runs(Role::Name)
                .map(|t| t.text.clone())
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(text, long, "every character of the name is printed");
        }
        // One word of 200 letters too.
        let word = "Ø".repeat(200);
        let (l, _) = lay(&sample(&word));
        assert!(l.problems().is_empty(), "{:?}", l.problems());
    }

    #[test]
    fn many_goals_shrink_or_flow_to_two_columns() {
        let mut input = sample("Børnehaven Evigglad");
        input.goals = (1..=30)
            .map(|i| format!("Målsætning nummer {i} om sundhed og trivsel i byen"))
            .collect();
        for input in all_variants(&input) {
            let (l, _) = lay(&input);
            assert!(l.problems().is_empty(), "{:?}", l.problems());
            let goals: Vec<_> = l.runs(Role::Goal).collect();
            assert!(goals.len() >= 30);
            let xs: Vec<f32> = goals
                .iter()
                .map(|g| (g.x + g.width / 2.0).round())
                .collect();
            let two_columns = xs.iter().any(|x| (x - xs[0]).abs() > 20.0);
            let shrunk = goals[0].size_pt < style(input.design, input.orientation).goal_pt;
            assert!(
                two_columns || shrunk,
                "{:?} {:?} {} {:?}",
                input.design,
                input.orientation,
                goals[0].size_pt,
                xs
            );
        }
    }

    #[test]
    fn hundreds_of_goals_are_refused_rather_than_overflowing() {
        let mut input = sample("Børnehaven Evigglad");
        input.goals = (1..=400)
            .map(|i| {
                format!(
                    "Målsætning {i} med en lang tekst om sundhed, trivsel og bevægelse for alle"
                )
            })
            .collect();
        match compute(&input, &mut Pictures::default()) {
            Err(DiplomaError::DoesNotFit) => {}
            Ok((l, _)) => assert!(l.problems().is_empty()),
            Err(e) => panic!("unexpected {e}"),
        }
    }

    #[test]
    fn emoji_and_missing_characters_are_warned_about_by_name() {
        let (l, w) = lay(&sample("Sol og Smil 😀"));
        assert!(w.contains(&Warning::MissingCharacter {
            partner: "Sol og Smil 😀".into(),
            ch: '😀'
        }));
        let printed: String = l.runs(Role::Name).map(|t| t.text.clone()).collect();
        assert_eq!(printed.trim(), "Sol og Smil");
    }

    #[test]
    fn empty_goals_and_blank_place_are_handled() {
        let mut input = sample("Børnehaven Evigglad");
        input.goals.clear();
        input.place.clear();
        let (l, w) = lay(&input);
        assert!(w.iter().any(|w| matches!(w, Warning::NoGoals { .. })));
        assert_eq!(
            l.runs(Role::Footer).next().map(|t| t.text.as_str()),
            Some("22. november 2026")
        );
        assert!(l.problems().is_empty());
    }

    #[test]
    fn corrupt_logo_is_a_warning_not_an_error() {
        let mut input = sample("Børnehaven Evigglad");
        input.logo = Some(super::super::ImageBytes::new(b"\x89PNG broken".to_vec()));
        let (l, w) = lay(&input);
        assert!(w.contains(&Warning::ImageUnreadable {
            image: ImageRole::Logo
        }));
        assert!(!l.items.iter().any(|i| matches!(i, Item::Image { .. })));
    }

    #[test]
    fn fallback_face_draws_what_the_main_face_lacks() {
        // Garamond Italic lacks old Cyrillic letters; they fall back to a face that has them.
        let mut input = sample("Børnehaven Evigglad");
        input.wording.body = "Ѫ Ѭ\n{goals}".into();
        let (l, w) = lay(&input);
        assert!(w.is_empty(), "{w:?}");
        let body: Vec<_> = l.runs(Role::Body).collect();
        assert!(body.iter().any(|r| r.text.contains('Ѫ')));
        for r in body
            .iter()
            .filter(|r| r.text.contains('Ѫ') || r.text.contains('Ѭ'))
        {
            assert_ne!(r.font, FontId::GaramondItalic);
        }
    }

    #[test]
    fn layout_snapshots_match() {
        let mut long = sample(
            "Sammenslutningen af Idrætsforeninger, Grundejerforeninger og Beboerforeninger i Den Sydlige Del af Fredericia Kommune med Tilknyttede Frivillige Organisationer",
        );
        long.design = Design::Modern;
        let cases = [
            ("classic-landscape", sample("Røde Kors Hovedstaden")),
            ("modern-portrait", {
                let mut i = sample("Ærø Åben Skole & Fællesskab");
                i.design = Design::Modern;
                i.orientation = Orientation::Portrait;
                i.signers.truncate(1);
                i
            }),
            ("modern-long-name", long),
        ];
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/snapshots");
        let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
        for (name, input) in cases {
            let (l, _) = lay(&input);
            assert!(l.problems().is_empty(), "{name}: {:?}", l.problems());
            let got = l.dump();
            let path = dir.join(format!("diploma-{name}.txt"));
            if update {
                let _ = std::fs::create_dir_all(&dir);
                let _ = std::fs::write(&path, &got);
            }
            let want = std::fs::read_to_string(&path).unwrap_or_default();
            assert_eq!(
                got, want,
                "snapshot {name} differs; run with UPDATE_SNAPSHOTS=1 and review the diff"
            );
        }
    }
}
