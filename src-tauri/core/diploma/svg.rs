//! The SVG renderer for the on-screen preview. It draws the same layout as
//! the PDF; glyphs are drawn as outlines from the bundled fonts (defined once
//! and reused), so the preview needs no web fonts and looks exactly like the
//! print. Only presentation attributes are used (no `style`), as the app's
//! content security policy forbids inline styles.

use super::fonts::{self, FontId, MM_PER_PT};
use super::layout::{Item, Layout};
use super::picture::Pictures;
use base64::Engine;
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// Escapes text for XML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

fn n(v: f32) -> String {
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// Draws `layout` as a standalone SVG document (width and height in mm).
pub fn write(layout: &Layout, pictures: &Pictures) -> String {
    let mut body = String::new();
    let mut glyphs: BTreeSet<(FontId, u16)> = BTreeSet::new();
    let mut all_text = Vec::new();
    for item in &layout.items {
        match item {
            Item::Text(t) => {
                all_text.push(t.text.clone());
                // Group units are thousandths of an em (as the glyph defs).
                let s = t.size_pt * MM_PER_PT / 1000.0;
                let per_mille = 1000.0 / t.font.units_per_em();
                let tracking = t.tracking_em * t.font.units_per_em();
                let _ = write!(
                    body,
                    r#"<g fill="{}" transform="translate({} {}) scale({s:.6} {:.6})">"#,
                    t.colour,
                    n(t.x),
                    n(t.y),
                    -s
                );
                let mut x = 0.0f32;
                for g in fonts::shape(t.font, &t.text) {
                    if fonts::glyph_path(t.font, g.gid).is_some() {
                        glyphs.insert((t.font, g.gid.0));
                        let _ = write!(
                            body,
                            r##"<use href="#{}-{}" x="{}"/>"##,
                            t.font.key(),
                            g.gid.0,
                            n(x * per_mille)
                        );
                    }
                    x += (g.advance + g.kern_after) as f32 + tracking;
                }
                body.push_str("</g>");
            }
            Item::Image { digest, rect, .. } => {
                if let Some(p) = pictures.by_digest(*digest) {
                    let data = base64::prelude::BASE64_STANDARD.encode(&p.preview_png);
                    let _ = write!(
                        body,
                        r#"<image x="{}" y="{}" width="{}" height="{}" preserveAspectRatio="none" href="data:image/png;base64,{data}"/>"#,
                        n(rect.x),
                        n(rect.y),
                        n(rect.w),
                        n(rect.h)
                    );
                }
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width_pt,
                colour,
            } => {
                let _ = write!(
                    body,
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{colour}" stroke-width="{}"/>"#,
                    n(*x1),
                    n(*y1),
                    n(*x2),
                    n(*y2),
                    n(width_pt * MM_PER_PT)
                );
            }
            Item::Rect {
                rect,
                width_pt,
                colour,
                fill,
            } => {
                let paint = if *fill {
                    format!(r#"fill="{colour}""#)
                } else {
                    format!(
                        r#"fill="none" stroke="{colour}" stroke-width="{}""#,
                        n(width_pt * MM_PER_PT)
                    )
                };
                let _ = write!(
                    body,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" {paint}/>"#,
                    n(rect.x),
                    n(rect.y),
                    n(rect.w),
                    n(rect.h)
                );
            }
            Item::Polygon { points, colour } => {
                let pts: Vec<String> = points
                    .iter()
                    .map(|(x, y)| format!("{},{}", n(*x), n(*y)))
                    .collect();
                let _ = write!(
                    body,
                    r#"<polygon points="{}" fill="{colour}"/>"#,
                    pts.join(" ")
                );
            }
        }
    }
    let mut out = String::with_capacity(body.len() + glyphs.len() * 400 + 512);
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}mm" height="{h}mm" role="img" aria-label="{label}">"#,
        w = n(layout.width),
        h = n(layout.height),
        label = escape(&all_text.join(" "))
    );
    let _ = write!(out, "<title>{}</title>", escape(&layout.partner));
    out.push_str("<defs>");
    for (font, gid) in glyphs {
        if let Some(d) = fonts::glyph_path(font, ttf_parser::GlyphId(gid)) {
            // Outlines in units / 1000 to match the scale of the runs.
            let upem = font.units_per_em();
            let _ = write!(
                out,
                r#"<path id="{}-{gid}" transform="scale({})" d="{d}"/>"#,
                font.key(),
                n(1000.0 / upem)
            );
        }
    }
    out.push_str("</defs>");
    let _ = write!(
        out,
        r##"<rect width="{}" height="{}" fill="#ffffff"/>"##,
        n(layout.width),
        n(layout.height)
    );
    out.push_str(&body);
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::super::layout::{compute, tests::sample};
    use super::*;

    #[test]
    fn svg_has_no_style_attributes_and_escapes_text() {
        let mut pics = Pictures::default();
        let (l, _) = compute(&sample("Røde <Kors> & \"Venner\""), &mut pics).expect("layout");
        let svg = write(&l, &pics);
        assert!(svg.starts_with("<svg"));
        assert!(!svg.contains("style="));
        assert!(!svg.contains("<style"));
        assert!(svg.contains("Røde &lt;Kors&gt; &amp; &quot;Venner&quot;"));
        assert!(svg.contains("<use href=\"#garamond-"));
        assert!(svg.ends_with("</svg>"));
    }
}
