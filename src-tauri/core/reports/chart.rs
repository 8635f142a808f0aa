//! The one chart model of the reports. A [`Chart`] (growth over time,
//! distribution bars, the pool bar) is laid out once by [`layout`] into a
//! [`Scene`] of rectangles, lines and text in millimetres; [`svg`] draws the
//! scene in the window and the PDF draws the very same scene as vector
//! graphics, so what is seen is what prints.
//!
//! Readable in greyscale: series differ by line style (solid/dashed) and
//! fill (dark/mid/light with an outline), never by colour alone; every value
//! is also written as text. [`table`] gives each chart's numbers as a text
//! table, shown beside the chart (accessibility) and in the PDF.

use crate::diploma::fonts::{self, FontId};
use crate::i18n::Lang;
use crate::{dates, money};
use chrono::NaiveDate;
use std::fmt::Write as _;

/// What a bar's value counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Count,
    /// Øre, shown as kroner.
    Money,
}

impl Unit {
    fn text(self, v: i64) -> String {
        match self {
            Unit::Count => money::format_number(v * 100)
                .trim_end_matches(",00")
                .to_string(),
            Unit::Money => money::format_ore(v),
        }
    }
}

/// A chart, as the reports define it.
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// Step lines over time: active partners (solid) and all registered
    /// partners (dashed), one point per month.
    Growth {
        title: String,
        points: Vec<(NaiveDate, i64, i64)>,
        active_label: String,
        registered_label: String,
    },
    /// Horizontal bars with their values.
    Bars {
        title: String,
        unit: Unit,
        bars: Vec<(String, i64)>,
    },
    /// The pool: paid, granted but not paid, remaining, as one bar.
    Pool {
        title: String,
        total_ore: i64,
        granted_ore: i64,
        paid_ore: i64,
    },
}

impl Chart {
    pub fn title(&self) -> &str {
        match self {
            Chart::Growth { title, .. } | Chart::Bars { title, .. } | Chart::Pool { title, .. } => {
                title
            }
        }
    }

    /// Has nothing to draw (no points, no bars, no pool).
    pub fn is_empty(&self) -> bool {
        match self {
            Chart::Growth { points, .. } => points.is_empty(),
            Chart::Bars { bars, .. } => bars.is_empty(),
            Chart::Pool { total_ore, .. } => *total_ore <= 0,
        }
    }
}

/// Text alignment at the anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A shape of a laid-out chart. Coordinates in mm from the top left; `y` of
/// text is its baseline; greys are 0 (black) to 255 (white).
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: u8,
        stroke: Option<u8>,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        grey: u8,
        dashed: bool,
    },
    Text {
        x: f32,
        y: f32,
        size_pt: f32,
        text: String,
        anchor: Anchor,
        bold: bool,
    },
}

/// A chart laid out at a width.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width_mm: f32,
    pub height_mm: f32,
    pub shapes: Vec<Shape>,
}

const LABEL_PT: f32 = 8.0;
const MM_PER_PT: f32 = fonts::MM_PER_PT;

/// The width of `text` at `size_pt`, in mm (Lato, the PDF's face).
fn text_mm(text: &str, size_pt: f32) -> f32 {
    fonts::width_pt(FontId::LatoRegular, text, 0.0) * size_pt * MM_PER_PT
}

/// `text` shortened with "…" to fit `max_mm`.
fn fit(text: &str, size_pt: f32, max_mm: f32) -> String {
    if text_mm(text, size_pt) <= max_mm {
        return text.to_string();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let s: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if text_mm(&s, size_pt) <= max_mm {
            return s;
        }
    }
    "…".into()
}

fn text(x: f32, y: f32, s: impl Into<String>, anchor: Anchor) -> Shape {
    Shape::Text {
        x,
        y,
        size_pt: LABEL_PT,
        text: s.into(),
        anchor,
        bold: false,
    }
}

/// A round top for an axis: 1, 2 or 5 times a power of ten, at least `max`.
fn nice_max(max: i64) -> i64 {
    let max = max.max(1);
    let mut step = 1i64;
    loop {
        for m in [1, 2, 5] {
            if step.saturating_mul(m) >= max {
                return step.saturating_mul(m);
            }
        }
        step = step.saturating_mul(10);
    }
}

/// Lays `chart` out at `width_mm`.
pub fn layout(chart: &Chart, width_mm: f32, lang: Lang) -> Scene {
    let width_mm = width_mm.max(60.0);
    match chart {
        Chart::Growth {
            points,
            active_label,
            registered_label,
            ..
        } => growth(points, active_label, registered_label, width_mm, lang),
        Chart::Bars { unit, bars, .. } => bars_scene(bars, *unit, width_mm),
        Chart::Pool {
            total_ore,
            granted_ore,
            paid_ore,
            ..
        } => pool(*total_ore, *granted_ore, *paid_ore, width_mm, lang),
    }
}

fn growth(
    points: &[(NaiveDate, i64, i64)],
    active_label: &str,
    registered_label: &str,
    w: f32,
    lang: Lang,
) -> Scene {
    let h = 62.0;
    let (left, right, top, bottom) = (12.0, 4.0, 10.0, 52.0);
    let mut shapes = Vec::new();
    // Legend: solid = active, dashed = registered.
    let mut lx = left;
    for (label, dashed, grey) in [(active_label, false, 0u8), (registered_label, true, 110u8)] {
        shapes.push(Shape::Line {
            x1: lx,
            y1: 4.0,
            x2: lx + 8.0,
            y2: 4.0,
            width: if dashed { 0.5 } else { 0.8 },
            grey,
            dashed,
        });
        shapes.push(text(lx + 10.0, 5.0, label, Anchor::Start));
        // Room for a wider fallback face in the window than Lato.
        lx += 18.0 + text_mm(label, LABEL_PT) * 1.2;
    }
    let max = points.iter().map(|p| p.2.max(p.1)).max().unwrap_or(0);
    let top_value = nice_max(max);
    let plot_w = w - left - right;
    let y_of = |v: i64| bottom - (bottom - top) * (v as f32 / top_value as f32);
    for i in 0..=4 {
        let v = top_value * i / 4;
        let y = y_of(v);
        shapes.push(Shape::Line {
            x1: left,
            y1: y,
            x2: w - right,
            y2: y,
            width: if i == 0 { 0.4 } else { 0.15 },
            grey: if i == 0 { 0 } else { 190 },
            dashed: false,
        });
        shapes.push(text(left - 1.5, y + 1.0, Unit::Count.text(v), Anchor::End));
    }
    let n = points.len();
    if n == 0 {
        return Scene {
            width_mm: w,
            height_mm: h,
            shapes,
        };
    }
    let step = plot_w / n as f32;
    let x_of = |i: usize| left + step * i as f32;
    for (series, dashed, grey, width) in [(2usize, true, 110u8, 0.5f32), (1, false, 0, 0.8)] {
        let value = |p: &(NaiveDate, i64, i64)| if series == 1 { p.1 } else { p.2 };
        for (i, p) in points.iter().enumerate() {
            let y = y_of(value(p));
            shapes.push(Shape::Line {
                x1: x_of(i),
                y1: y,
                x2: x_of(i + 1),
                y2: y,
                width,
                grey,
                dashed,
            });
            if let Some(next) = points.get(i + 1) {
                shapes.push(Shape::Line {
                    x1: x_of(i + 1),
                    y1: y,
                    x2: x_of(i + 1),
                    y2: y_of(value(next)),
                    width,
                    grey,
                    dashed,
                });
            }
        }
    }
    // At most six date labels, evenly spaced, always the last.
    let every = n.div_ceil(6).max(1);
    for (i, p) in points.iter().enumerate() {
        if i % every == 0 || i + 1 == n {
            if i + 1 != n && n - 1 - i < every / 2 + 1 && i % every == 0 && i != 0 {
                continue;
            }
            let month: String = dates::month_name(p.0, lang).chars().take(3).collect();
            let label = format!("{month} {}", p.0.format("%Y"));
            shapes.push(Shape::Line {
                x1: x_of(i) + step / 2.0,
                y1: bottom,
                x2: x_of(i) + step / 2.0,
                y2: bottom + 1.2,
                width: 0.3,
                grey: 0,
                dashed: false,
            });
            // The last label ends at the axis' end instead of running past it.
            let (x, anchor) = if i + 1 == n {
                (w - right, Anchor::End)
            } else {
                (x_of(i) + step / 2.0, Anchor::Middle)
            };
            shapes.push(text(x, bottom + 5.0, label, anchor));
        }
    }
    if let Some(last) = points.last() {
        shapes.push(Shape::Text {
            x: w - right,
            y: y_of(last.1) - 1.5,
            size_pt: LABEL_PT,
            text: Unit::Count.text(last.1),
            anchor: Anchor::End,
            bold: true,
        });
    }
    Scene {
        width_mm: w,
        height_mm: h,
        shapes,
    }
}

fn bars_scene(bars: &[(String, i64)], unit: Unit, w: f32) -> Scene {
    let row = 7.0;
    let label_w = (w * 0.38).min(70.0);
    let value_w = bars
        .iter()
        .map(|b| text_mm(&unit.text(b.1), LABEL_PT))
        .fold(8.0f32, f32::max)
        + 2.0;
    let bar_x = label_w + 2.0;
    let bar_max = (w - bar_x - value_w).max(10.0);
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let mut shapes = Vec::new();
    for (i, (label, v)) in bars.iter().enumerate() {
        let y = 1.0 + row * i as f32;
        shapes.push(text(
            label_w,
            y + 4.6,
            fit(label, LABEL_PT, label_w),
            Anchor::End,
        ));
        let len = bar_max * (*v).max(0) as f32 / max as f32;
        shapes.push(Shape::Rect {
            x: bar_x,
            y: y + 1.0,
            w: len.max(0.3),
            h: row - 2.4,
            fill: 70,
            stroke: None,
        });
        shapes.push(text(
            bar_x + len + 1.5,
            y + 4.6,
            unit.text(*v),
            Anchor::Start,
        ));
    }
    shapes.push(Shape::Line {
        x1: bar_x,
        y1: 0.5,
        x2: bar_x,
        y2: 1.5 + row * bars.len() as f32,
        width: 0.3,
        grey: 0,
        dashed: false,
    });
    Scene {
        width_mm: w,
        height_mm: 2.0 + row * bars.len() as f32,
        shapes,
    }
}

/// The three parts of the pool bar with their fills (dark, mid, light).
pub fn pool_parts(total: i64, granted: i64, paid: i64, lang: Lang) -> [(String, i64, u8); 3] {
    let (p, g, r) = match lang {
        Lang::Da => ("Udbetalt", "Bevilget, ikke udbetalt", "Tilbage i puljen"),
        Lang::En => ("Paid", "Granted, not paid", "Left in the pool"),
    };
    [
        (p.to_string(), paid, 50),
        (g.to_string(), (granted - paid).max(0), 150),
        (r.to_string(), (total - granted).max(0), 245),
    ]
}

fn pool(total: i64, granted: i64, paid: i64, w: f32, lang: Lang) -> Scene {
    let mut shapes = Vec::new();
    let parts = pool_parts(total, granted, paid, lang);
    let sum: i64 = parts.iter().map(|p| p.1).sum::<i64>().max(1);
    let mut x = 0.0;
    for (_, v, fill) in &parts {
        let len = w * *v as f32 / sum as f32;
        if len > 0.0 {
            shapes.push(Shape::Rect {
                x,
                y: 1.0,
                w: len,
                h: 10.0,
                fill: *fill,
                stroke: Some(0),
            });
        }
        x += len;
    }
    for (i, (label, v, fill)) in parts.iter().enumerate() {
        let y = 17.0 + 6.0 * i as f32;
        shapes.push(Shape::Rect {
            x: 0.0,
            y: y - 3.2,
            w: 4.0,
            h: 4.0,
            fill: *fill,
            stroke: Some(0),
        });
        shapes.push(text(6.0, y, label.clone(), Anchor::Start));
        shapes.push(text(w, y, Unit::Money.text(*v), Anchor::End));
    }
    Scene {
        width_mm: w,
        height_mm: 17.0 + 6.0 * 3.0 - 2.0,
        shapes,
    }
}

/// The chart's numbers as a text table: column headings and rows.
pub fn table(chart: &Chart, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let (date_h, value_h) = match lang {
        Lang::Da => ("Dato", "Antal"),
        Lang::En => ("Date", "Count"),
    };
    match chart {
        Chart::Growth {
            points,
            active_label,
            registered_label,
            ..
        } => (
            vec![
                date_h.into(),
                active_label.clone(),
                registered_label.clone(),
            ],
            points
                .iter()
                .map(|p| {
                    vec![
                        dates::short(p.0),
                        Unit::Count.text(p.1),
                        Unit::Count.text(p.2),
                    ]
                })
                .collect(),
        ),
        Chart::Bars { bars, unit, .. } => (
            vec![String::new(), value_h.into()],
            bars.iter()
                .map(|(l, v)| vec![l.clone(), unit.text(*v)])
                .collect(),
        ),
        Chart::Pool {
            total_ore,
            granted_ore,
            paid_ore,
            ..
        } => {
            let mut rows: Vec<Vec<String>> = pool_parts(*total_ore, *granted_ore, *paid_ore, lang)
                .into_iter()
                .map(|(l, v, _)| vec![l, Unit::Money.text(v)])
                .collect();
            let total = match lang {
                Lang::Da => "Puljen i alt",
                Lang::En => "The pool in all",
            };
            rows.push(vec![total.into(), Unit::Money.text(*total_ore)]);
            (vec![String::new(), value_h.into()], rows)
        }
    }
}

fn num(v: f32) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

fn grey(v: u8) -> String {
    format!("#{v:02x}{v:02x}{v:02x}")
}

/// Draws a scene as an SVG element (mm as user units, scales to its box).
/// Presentation attributes only (the window's CSP forbids inline styles);
/// `title` becomes the SVG's accessible name.
pub fn svg(scene: &Scene, title: &str) -> String {
    use crate::diploma::svg::escape;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}mm" height="{h}mm" role="img" aria-label="{t}" font-family="Lato, 'Helvetica Neue', Arial, sans-serif"><title>{t}</title>"#,
        w = num(scene.width_mm),
        h = num(scene.height_mm),
        t = escape(title)
    );
    for shape in &scene.shapes {
        match shape {
            Shape::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => {
                let _ = write!(
                    s,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}""#,
                    num(*x),
                    num(*y),
                    num(*w),
                    num(*h),
                    grey(*fill)
                );
                if let Some(st) = stroke {
                    let _ = write!(s, r#" stroke="{}" stroke-width="0.25""#, grey(*st));
                }
                s.push_str("/>");
            }
            Shape::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                grey: g,
                dashed,
            } => {
                let _ = write!(
                    s,
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}""#,
                    num(*x1),
                    num(*y1),
                    num(*x2),
                    num(*y2),
                    grey(*g),
                    num(*width)
                );
                if *dashed {
                    s.push_str(r#" stroke-dasharray="1.5 1""#);
                }
                s.push_str("/>");
            }
            Shape::Text {
                x,
                y,
                size_pt,
                text,
                anchor,
                bold,
            } => {
                let a = match anchor {
                    Anchor::Start => "start",
                    Anchor::Middle => "middle",
                    Anchor::End => "end",
                };
                let _ = write!(
                    s,
                    r##"<text x="{}" y="{}" font-size="{}" text-anchor="{a}" fill="#000000"{}>{}</text>"##,
                    num(*x),
                    num(*y),
                    num(size_pt * MM_PER_PT),
                    if *bold { r#" font-weight="bold""# } else { "" },
                    escape(text)
                );
            }
        }
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
#[path = "chart_tests.rs"]
mod tests;
