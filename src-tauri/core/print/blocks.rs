//! Blocks turned into rows: the unit of pagination. A row is a strip of the
//! page as wide as the body, with its items placed from y = 0; the paginator
//! only moves rows down and starts new pages between them.

use super::text::{self, set_line, wrap, Align, Style, GREY, INK, RULE};
use super::{Anchor, Block, Column, Document, Drawing, Image, PrintError, Shape};
use super::{BODY_BOTTOM, BODY_TOP, BODY_W, MARGIN_X, PAGE_H, PAGE_W};
use crate::diploma::fonts::FontId;
use crate::diploma::layout::{Item, Rect, Role};
use crate::diploma::picture::Pictures;
use crate::diploma::{ImageRole, Rgb};
use crate::i18n::Lang;

/// A strip of the page.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub h: f32,
    /// Space above the row, dropped at the top of a page.
    pub gap: f32,
    pub items: Vec<Item>,
    /// Never the last row on a page (headings, a paragraph's first line).
    pub keep_with_next: bool,
    /// A level-1 heading: its text, for the contents and the bookmarks.
    pub mark: Option<String>,
}

/// What the paginator places.
#[derive(Debug, Clone)]
pub enum Piece {
    Row(Row),
    /// Rows kept on one page when they fit on one.
    Group(Vec<Row>),
    /// A table's rows; `header` is repeated at the top of each new page.
    Table {
        header: Vec<Row>,
        rows: Vec<Row>,
    },
    /// A page of its own, without footer.
    Cover(Vec<Item>),
    PageBreak,
}

/// What turning blocks into rows needs besides the blocks.
pub struct Ctx<'a> {
    pub accent: Rgb,
    pub lang: Lang,
    pub pictures: &'a mut Pictures,
    /// The level-1 headings with their page numbers, once known (the
    /// contents' first pass has none).
    pub contents: Option<&'a [(String, usize)]>,
}

fn body() -> Style {
    Style::new(FontId::LatoRegular, 10.5, INK)
}

fn bold(size: f32) -> Style {
    Style::new(FontId::LatoBold, size, INK)
}

/// Rows of wrapped text, each line a row; `indent` from the left margin.
fn text_rows(st: &Style, text: &str, indent: f32, width: f32, align: Align) -> Vec<Row> {
    wrap(st, text, width)
        .into_iter()
        .map(|line| Row {
            h: st.line_mm(),
            items: set_line(
                st,
                &line,
                MARGIN_X + indent,
                width,
                st.baseline_mm(),
                align,
                Role::Body,
            ),
            ..Row::default()
        })
        .collect()
}

/// A paragraph's rows, with its first and last two lines kept together (no
/// single line left alone at the foot or head of a page).
fn paragraph_rows(mut rows: Vec<Row>, gap: f32) -> Vec<Row> {
    let n = rows.len();
    if let Some(first) = rows.first_mut() {
        first.gap = gap;
    }
    if n >= 3 {
        rows[0].keep_with_next = true;
        rows[n - 2].keep_with_next = true;
    } else if n == 2 {
        rows[0].keep_with_next = true;
    }
    rows
}

fn push_rows(out: &mut Vec<Piece>, rows: Vec<Row>) {
    out.extend(rows.into_iter().map(Piece::Row));
}

/// Every block of `doc` as pieces.
pub fn pieces(doc: &Document, ctx: &mut Ctx<'_>) -> Result<Vec<Piece>, PrintError> {
    let mut out = Vec::new();
    for b in &doc.blocks {
        block(b, ctx, &mut out)?;
    }
    Ok(out)
}

fn block(b: &Block, ctx: &mut Ctx<'_>, out: &mut Vec<Piece>) -> Result<(), PrintError> {
    let accent = ctx.accent.for_text();
    match b {
        Block::Cover {
            logo,
            kicker,
            title,
            subtitle,
            lines,
        } => out.push(Piece::Cover(cover(
            ctx,
            logo.as_ref(),
            kicker,
            title,
            subtitle,
            lines,
        ))),
        Block::Heading { level, text } => {
            let (st, gap) = match level {
                0 | 1 => (Style::new(FontId::GaramondRegular, 22.0, accent), 9.0),
                2 => (Style::new(FontId::GaramondRegular, 15.0, INK), 6.0),
                _ => (Style::new(FontId::LatoBold, 11.0, accent), 4.5),
            };
            let mut rows = text_rows(&st, text, 0.0, BODY_W, Align::Left);
            for r in &mut rows {
                r.keep_with_next = true;
            }
            if let Some(first) = rows.first_mut() {
                first.gap = gap;
                if *level <= 1 {
                    first.mark = Some(text.clone());
                }
            }
            if *level <= 1 {
                // A short rule under the heading, in the programme colour.
                rows.push(Row {
                    h: 3.5,
                    items: vec![Item::Line {
                        x1: MARGIN_X,
                        y1: 1.2,
                        x2: MARGIN_X + 24.0,
                        y2: 1.2,
                        width_pt: 1.2,
                        colour: ctx.accent,
                    }],
                    keep_with_next: true,
                    ..Row::default()
                });
            } else if let Some(last) = rows.last_mut() {
                last.h += 1.0;
            }
            push_rows(out, rows);
        }
        Block::Paragraph(t) => {
            let st = body();
            for (i, para) in t.replace("\r\n", "\n").split("\n\n").enumerate() {
                let rows = text_rows(&st, para.trim_matches('\n'), 0.0, BODY_W, Align::Left);
                push_rows(out, paragraph_rows(rows, if i == 0 { 2.0 } else { 2.8 }));
            }
        }
        Block::Quote(t) => {
            let st = Style::new(FontId::GaramondItalic, 12.5, INK);
            let mut rows = text_rows(&st, t, 7.0, BODY_W - 7.0, Align::Left);
            for r in &mut rows {
                // The bar beside the quote is drawn in every row, so it
                // follows the quote across a page break.
                r.items.push(Item::Line {
                    x1: MARGIN_X + 1.5,
                    y1: 0.0,
                    x2: MARGIN_X + 1.5,
                    y2: r.h,
                    width_pt: 2.0,
                    colour: ctx.accent,
                });
            }
            push_rows(out, paragraph_rows(rows, 3.0));
            out.push(Piece::Row(Row {
                h: 1.5,
                ..Row::default()
            }));
        }
        Block::Bullets(items) => {
            let st = body();
            let n = items.len();
            for (i, it) in items.iter().enumerate() {
                let mut rows = text_rows(&st, it, 5.0, BODY_W - 5.0, Align::Left);
                if let Some(first) = rows.first_mut() {
                    first.items.extend(set_line(
                        &st,
                        "•",
                        MARGIN_X + 1.0,
                        4.0,
                        st.baseline_mm(),
                        Align::Left,
                        Role::Body,
                    ));
                }
                let mut rows = paragraph_rows(rows, if i == 0 { 2.0 } else { 0.8 });
                // Neither the first nor the last item of a list stands alone
                // on a page: the first stays with the second, the one before
                // the last with the last.
                if n >= 2 && (i == 0 || i + 2 == n) {
                    if let Some(last) = rows.last_mut() {
                        last.keep_with_next = true;
                    }
                }
                push_rows(out, rows);
            }
        }
        Block::Facts(facts) => {
            let label = Style::new(FontId::LatoBold, 9.5, GREY);
            let value = body();
            let lw = BODY_W * 0.34;
            let rows: Vec<Vec<String>> = facts
                .iter()
                .map(|(l, v)| vec![l.clone(), v.clone()])
                .collect();
            for (i, r) in rows.iter().enumerate() {
                let row = cells_row(
                    &[(label, lw, false), (value, BODY_W - lw, false)],
                    r,
                    1.0,
                    None,
                );
                for mut part in row {
                    if i == 0 {
                        part.gap = 2.0;
                    }
                    out.push(Piece::Row(part));
                }
            }
        }
        Block::Table { columns, rows } => out.push(table(columns, rows, ctx.accent)),
        Block::Boxes { labels, boxes } => out.push(boxes_grid(labels, *boxes)),
        Block::Image {
            image,
            max_height_mm,
        } => {
            if let Some(row) = image_row(ctx, image, BODY_W, *max_height_mm) {
                out.push(Piece::Row(row));
            }
        }
        Block::Drawing(d) => out.push(Piece::Row(drawing_row(d))),
        Block::Contents => contents(ctx, out),
        Block::KeepTogether(inner) => {
            let mut sub = Vec::new();
            for b in inner {
                block(b, ctx, &mut sub)?;
            }
            let mut rows = Vec::new();
            for p in sub {
                match p {
                    Piece::Row(r) => rows.push(r),
                    Piece::Group(g) => rows.extend(g),
                    Piece::Table { header, rows: r } => {
                        rows.extend(header);
                        rows.extend(r);
                    }
                    // A cover or page break cannot be kept together with
                    // anything: placed as they are.
                    other => {
                        if !rows.is_empty() {
                            out.push(Piece::Group(std::mem::take(&mut rows)));
                        }
                        out.push(other);
                    }
                }
            }
            if !rows.is_empty() {
                out.push(Piece::Group(rows));
            }
        }
        Block::PageBreak => out.push(Piece::PageBreak),
        Block::Space(mm) => out.push(Piece::Row(Row {
            h: 0.0,
            gap: mm.max(0.0),
            ..Row::default()
        })),
    }
    Ok(())
}

/// One row of cells (each wrapped in its column), split into several rows
/// when it is taller than a page so that no text is cut off. `rule` draws a
/// hairline under the row.
fn cells_row(
    cols: &[(Style, f32, bool)],
    cells: &[String],
    pad: f32,
    rule: Option<(Rgb, f32)>,
) -> Vec<Row> {
    const GUTTER: f32 = 2.5;
    let wrapped: Vec<Vec<String>> = cols
        .iter()
        .enumerate()
        .map(|(i, (st, w, _))| {
            let text = cells.get(i).map(String::as_str).unwrap_or("");
            wrap(st, text, (w - GUTTER).max(4.0))
        })
        .collect();
    let line_h = cols
        .iter()
        .map(|(st, _, _)| st.line_mm())
        .fold(0.0f32, f32::max);
    // One baseline for every column, so a label and its value line up.
    let base = cols
        .iter()
        .map(|(st, _, _)| st.baseline_mm() + (line_h - st.line_mm()) / 2.0)
        .fold(0.0f32, f32::max);
    let n = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
    // At most this many lines per row, so a row always fits on a page.
    let per_row = (((BODY_BOTTOM - BODY_TOP) * 0.8 / line_h) as usize).max(1);
    let mut out = Vec::new();
    let mut start = 0;
    while start < n {
        let end = (start + per_row).min(n);
        let mut items = Vec::new();
        let mut x = MARGIN_X;
        for (ci, (st, w, right)) in cols.iter().enumerate() {
            for (li, line) in wrapped[ci].iter().enumerate().take(end).skip(start) {
                let y = pad + (li - start) as f32 * line_h + base;
                let align = if *right { Align::Right } else { Align::Left };
                items.extend(set_line(st, line, x, w - GUTTER, y, align, Role::Body));
            }
            x += w;
        }
        let h = pad * 2.0 + (end - start) as f32 * line_h;
        if end == n {
            if let Some((colour, width_pt)) = rule {
                items.push(Item::Line {
                    x1: MARGIN_X,
                    y1: h,
                    x2: MARGIN_X + BODY_W,
                    y2: h,
                    width_pt,
                    colour,
                });
            }
        }
        out.push(Row {
            h,
            items,
            keep_with_next: end < n,
            ..Row::default()
        });
        start = end;
    }
    out
}

fn column_widths(columns: &[Column]) -> Vec<f32> {
    let total: f32 = columns.iter().map(|c| c.width.max(0.01)).sum();
    columns
        .iter()
        .map(|c| c.width.max(0.01) / total * BODY_W)
        .collect()
}

fn table(columns: &[Column], rows: &[Vec<String>], accent: Rgb) -> Piece {
    let widths = column_widths(columns);
    let head: Vec<(Style, f32, bool)> = columns
        .iter()
        .zip(&widths)
        .map(|(c, w)| (bold(9.0), *w, c.right_aligned))
        .collect();
    let cells: Vec<(Style, f32, bool)> = columns
        .iter()
        .zip(&widths)
        .map(|(c, w)| {
            (
                Style::new(FontId::LatoRegular, 9.5, INK),
                *w,
                c.right_aligned,
            )
        })
        .collect();
    let titles: Vec<String> = columns.iter().map(|c| c.title.clone()).collect();
    let mut header = cells_row(&head, &titles, 1.4, Some((accent, 0.9)));
    for h in &mut header {
        h.keep_with_next = true;
    }
    if let Some(first) = header.first_mut() {
        first.gap = 3.0;
    }
    let body = rows
        .iter()
        .flat_map(|r| cells_row(&cells, r, 1.4, Some((RULE, 0.4))))
        .collect();
    Piece::Table { header, rows: body }
}

fn boxes_grid(labels: &[String], boxes: usize) -> Piece {
    let n = labels.len().max(1) as f32;
    let w = BODY_W / n;
    let label = Style::new(FontId::LatoBold, 8.5, GREY);
    let cols: Vec<(Style, f32, bool)> = labels.iter().map(|_| (label, w, false)).collect();
    let mut header = cells_row(&cols, labels, 1.0, None);
    for h in &mut header {
        h.keep_with_next = true;
    }
    if let Some(first) = header.first_mut() {
        first.gap = 2.5;
    }
    let box_h = 11.0;
    let rows = (0..boxes.max(1))
        .map(|_| {
            let items = (0..labels.len())
                .map(|i| Item::Rect {
                    rect: Rect {
                        x: MARGIN_X + i as f32 * w + 0.6,
                        y: 0.8,
                        w: w - 3.7,
                        h: box_h - 1.6,
                    },
                    width_pt: 0.7,
                    colour: GREY,
                    fill: false,
                })
                .collect();
            Row {
                h: box_h,
                items,
                ..Row::default()
            }
        })
        .collect();
    Piece::Table { header, rows }
}

fn image_row(ctx: &mut Ctx<'_>, image: &Image, max_w: f32, max_h: f32) -> Option<Row> {
    let pic = ctx.pictures.get(&image.bytes)?;
    let ratio = pic.width as f32 / pic.height.max(1) as f32;
    let max_h = max_h.clamp(5.0, (BODY_BOTTOM - BODY_TOP) * 0.9);
    let mut h = max_h;
    let mut w = h * ratio;
    if w > max_w {
        w = max_w;
        h = w / ratio;
    }
    Some(Row {
        h: h + 2.0,
        gap: 2.0,
        items: vec![Item::Image {
            role: ImageRole::Logo,
            digest: image.bytes.digest(),
            rect: Rect {
                x: MARGIN_X,
                y: 1.0,
                w,
                h,
            },
        }],
        ..Row::default()
    })
}

/// The drawing's shapes as page items, centred in the body (scaled down
/// when wider than the body).
pub fn drawing_items(d: &Drawing, left: f32, top: f32, scale: f32) -> Vec<Item> {
    let p = |(x, y): (f32, f32)| (left + x * scale, top + y * scale);
    let mut items = Vec::new();
    for s in &d.shapes {
        match s {
            Shape::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => {
                let (px, py) = p((*x, *y));
                let rect = Rect {
                    x: px,
                    y: py,
                    w: w * scale,
                    h: h * scale,
                };
                if let Some(c) = fill {
                    items.push(Item::Rect {
                        rect,
                        width_pt: 0.0,
                        colour: *c,
                        fill: true,
                    });
                }
                if let Some((c, width_pt)) = stroke {
                    items.push(Item::Rect {
                        rect,
                        width_pt: *width_pt,
                        colour: *c,
                        fill: false,
                    });
                }
            }
            Shape::Line {
                points,
                colour,
                width_pt,
            } => {
                for pair in points.windows(2) {
                    let (x1, y1) = p(pair[0]);
                    let (x2, y2) = p(pair[1]);
                    items.push(Item::Line {
                        x1,
                        y1,
                        x2,
                        y2,
                        width_pt: *width_pt,
                        colour: *colour,
                    });
                }
            }
            Shape::Polygon { points, colour } => items.push(Item::Polygon {
                points: points.iter().map(|q| p(*q)).collect(),
                colour: *colour,
            }),
            Shape::Text {
                x,
                y,
                size_pt,
                bold,
                colour,
                anchor,
                text,
            } => {
                let font = if *bold {
                    FontId::LatoBold
                } else {
                    FontId::LatoRegular
                };
                let st = Style::new(font, size_pt * scale, *colour);
                let (px, py) = p((*x, *y));
                let w = st.width_mm(text);
                let (bx, align) = match anchor {
                    Anchor::Start => (px, Align::Left),
                    Anchor::Middle => (px - w / 2.0, Align::Left),
                    Anchor::End => (px - w, Align::Left),
                };
                items.extend(set_line(&st, text, bx, w, py, align, Role::Body));
            }
        }
    }
    items
}

fn drawing_row(d: &Drawing) -> Row {
    let max_h = (BODY_BOTTOM - BODY_TOP) * 0.9;
    let scale = (BODY_W / d.width_mm.max(1.0))
        .min(max_h / d.height_mm.max(1.0))
        .min(1.0);
    let w = d.width_mm * scale;
    let h = d.height_mm * scale;
    Row {
        h: h + 2.0,
        gap: 3.0,
        items: drawing_items(d, MARGIN_X + (BODY_W - w) / 2.0, 1.0, scale),
        ..Row::default()
    }
}

fn contents(ctx: &mut Ctx<'_>, out: &mut Vec<Piece>) {
    let title = match ctx.lang {
        Lang::Da => "Indhold",
        Lang::En => "Contents",
    };
    let st = Style::new(FontId::GaramondRegular, 22.0, ctx.accent.for_text());
    let mut rows = text_rows(&st, title, 0.0, BODY_W, Align::Left);
    for r in &mut rows {
        r.keep_with_next = true;
        r.gap = 9.0;
    }
    push_rows(out, rows);
    let entry = Style::new(FontId::LatoRegular, 11.0, INK);
    let entries: Vec<(String, String)> = match ctx.contents {
        Some(list) => list
            .iter()
            .map(|(t, p)| (t.clone(), p.to_string()))
            .collect(),
        // First pass: as many entries as there will be, numbers unknown.
        None => Vec::new(),
    };
    let cols = [(entry, BODY_W - 16.0, false), (entry, 16.0, true)];
    for (t, p) in entries {
        for mut r in cells_row(&cols, &[t, p], 1.6, Some((RULE, 0.4))) {
            r.gap = 0.0;
            out.push(Piece::Row(r));
        }
    }
}

/// The cover page's items.
fn cover(
    ctx: &mut Ctx<'_>,
    logo: Option<&Image>,
    kicker: &str,
    title: &str,
    subtitle: &str,
    lines: &[String],
) -> Vec<Item> {
    let accent = ctx.accent.for_text();
    let mut items = Vec::new();
    // A band in the programme colour along the top edge.
    items.push(Item::Rect {
        rect: Rect {
            x: 0.0,
            y: 0.0,
            w: PAGE_W,
            h: 12.0,
        },
        width_pt: 0.0,
        colour: ctx.accent,
        fill: true,
    });
    let mut y = 52.0;
    if let Some(img) = logo {
        if let Some(pic) = ctx.pictures.get(&img.bytes) {
            let ratio = pic.width as f32 / pic.height.max(1) as f32;
            let mut h = 34.0;
            let mut w = h * ratio;
            if w > 90.0 {
                w = 90.0;
                h = w / ratio;
            }
            items.push(Item::Image {
                role: ImageRole::Logo,
                digest: img.bytes.digest(),
                rect: Rect {
                    x: (PAGE_W - w) / 2.0,
                    y: 34.0 + (34.0 - h) / 2.0,
                    w,
                    h,
                },
            });
        }
        y = 92.0;
    }
    let kick = Style::new(FontId::LatoBold, 10.5, accent);
    if !kicker.is_empty() {
        for line in wrap(&kick, &kicker.to_uppercase(), BODY_W) {
            items.extend(set_line(
                &kick,
                &line,
                MARGIN_X,
                BODY_W,
                y + kick.baseline_mm(),
                Align::Centre,
                Role::Subtitle,
            ));
            y += kick.line_mm();
        }
        y += 4.0;
    }
    let mut tst = Style::new(FontId::GaramondRegular, 34.0, INK);
    tst.leading = 1.18;
    for line in wrap(&tst, title, BODY_W) {
        items.extend(set_line(
            &tst,
            &line,
            MARGIN_X,
            BODY_W,
            y + tst.baseline_mm(),
            Align::Centre,
            Role::Title,
        ));
        y += tst.line_mm();
    }
    y += 3.0;
    items.push(Item::Line {
        x1: PAGE_W / 2.0 - 18.0,
        y1: y,
        x2: PAGE_W / 2.0 + 18.0,
        y2: y,
        width_pt: 1.2,
        colour: ctx.accent,
    });
    y += 7.0;
    let sst = Style::new(FontId::GaramondItalic, 16.0, INK);
    for line in wrap(&sst, subtitle, BODY_W) {
        items.extend(set_line(
            &sst,
            &line,
            MARGIN_X,
            BODY_W,
            y + sst.baseline_mm(),
            Align::Centre,
            Role::Subtitle,
        ));
        y += sst.line_mm();
    }
    // The lines at the foot of the cover, bottom-up from the body's end.
    let lst = Style::new(FontId::LatoRegular, 11.0, text::GREY);
    let wrapped: Vec<String> = lines.iter().flat_map(|l| wrap(&lst, l, BODY_W)).collect();
    let mut ly = (PAGE_H - 30.0) - wrapped.len() as f32 * lst.line_mm();
    ly = ly.max(y + 10.0);
    for line in wrapped {
        items.extend(set_line(
            &lst,
            &line,
            MARGIN_X,
            BODY_W,
            ly + lst.baseline_mm(),
            Align::Centre,
            Role::Subtitle,
        ));
        ly += lst.line_mm();
    }
    items
}
