//! The PDF renderer: draws laid-out pages with printpdf. Fonts are embedded
//! and subset (only the glyphs used), text carries a ToUnicode map so it can
//! be copied and searched, and each distinct image is embedded once and
//! reused on every page.

use super::fonts::{self, FontId, MM_PER_PT};
use super::layout::{Item, Layout, TextRun};
use super::picture::{Encoded, Pictures};
use super::{DiplomaError, Rgb};
use printpdf::{
    Color, DictItem, ExternalStream, ExternalXObject, Line, LinePoint, Op, PaintMode, ParsedFont,
    PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Px,
    RawImage, RawImageData, RawImageFormat, TextItem, WindingOrder, XObjectId, XObjectTransform,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

fn pt(mm: f32) -> Pt {
    Pt(mm / MM_PER_PT)
}

fn colour(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c.0 as f32 / 255.0,
        g: c.1 as f32 / 255.0,
        b: c.2 as f32 / 255.0,
        icc_profile: None,
    })
}

/// Writes `layouts` as one PDF, one page each, in order.
pub fn write(
    layouts: &[Layout],
    pictures: &Pictures,
    title: &str,
) -> Result<Vec<u8>, DiplomaError> {
    write_outlined(layouts, pictures, title, "", &[])
}

/// Writes `layouts` as one PDF with `author` in its metadata and the
/// bookmarks in `outline` (a title and a 0-based page index each). Every
/// printed document goes through here (see `crate::print`).
pub fn write_outlined(
    layouts: &[Layout],
    pictures: &Pictures,
    title: &str,
    author: &str,
    outline: &[(String, usize)],
) -> Result<Vec<u8>, DiplomaError> {
    let mut doc = PdfDocument::new(title);
    doc.metadata.info.creator = "Sund By Partner".into();
    doc.metadata.info.producer = "Sund By Partner".into();
    if !author.is_empty() {
        doc.metadata.info.author = author.into();
    }

    // Fonts: only the faces used, each added once.
    let used: BTreeSet<FontId> = layouts
        .iter()
        .flat_map(|l| l.items.iter())
        .filter_map(|i| match i {
            Item::Text(t) => Some(t.font),
            _ => None,
        })
        .collect();
    let mut font_ids = HashMap::new();
    for f in used {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(f.bytes(), 0, &mut warnings)
            .ok_or(DiplomaError::Font(f.key()))?;
        font_ids.insert(f, doc.add_font(&parsed));
    }

    // Images: each distinct one once.
    let mut images: HashMap<u64, XObjectId> = HashMap::new();
    for l in layouts {
        for item in &l.items {
            if let Item::Image { digest, .. } = item {
                if images.contains_key(digest) {
                    continue;
                }
                let Some(p) = pictures.by_digest(*digest) else {
                    continue;
                };
                let id = match &p.encoded {
                    Encoded::Jpeg(bytes) => {
                        doc.add_xobject(&jpeg_xobject(bytes, p.width, p.height))
                    }
                    Encoded::Rgb(px) => doc.add_image(&RawImage {
                        pixels: RawImageData::U8(px.clone()),
                        width: p.width as usize,
                        height: p.height as usize,
                        data_format: RawImageFormat::RGB8,
                        tag: Vec::new(),
                    }),
                    Encoded::Rgba(px) => doc.add_image(&RawImage {
                        pixels: RawImageData::U8(px.clone()),
                        width: p.width as usize,
                        height: p.height as usize,
                        data_format: RawImageFormat::RGBA8,
                        tag: Vec::new(),
                    }),
                };
                images.insert(*digest, id);
            }
        }
    }

    let mut pages = Vec::with_capacity(layouts.len());
    for l in layouts {
        let mut ops = Vec::with_capacity(l.items.len() * 8);
        for item in &l.items {
            draw(&mut ops, item, l.height, &font_ids, &images);
        }
        pages.push(PdfPage::new(
            printpdf::Mm(l.width),
            printpdf::Mm(l.height),
            ops,
        ));
    }
    doc.with_pages(pages);
    for (name, page) in outline {
        if *page < layouts.len() {
            // printpdf numbers pages from 1.
            doc.add_bookmark(name, page + 1);
        }
    }
    let opts = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    let mut warnings = Vec::new();
    let bytes = doc.save(&opts, &mut warnings);
    if bytes.is_empty() {
        return Err(DiplomaError::Pdf("printpdf returned no bytes".into()));
    }
    Ok(bytes)
}

/// A JPEG embedded as-is (DCTDecode), so photos stay small.
fn jpeg_xobject(bytes: &[u8], width: u32, height: u32) -> ExternalXObject {
    let mut dict = BTreeMap::new();
    dict.insert("Type".into(), DictItem::Name(b"XObject".to_vec()));
    dict.insert("Subtype".into(), DictItem::Name(b"Image".to_vec()));
    dict.insert("Width".into(), DictItem::Int(i64::from(width)));
    dict.insert("Height".into(), DictItem::Int(i64::from(height)));
    dict.insert("ColorSpace".into(), DictItem::Name(b"DeviceRGB".to_vec()));
    dict.insert("BitsPerComponent".into(), DictItem::Int(8));
    dict.insert("Filter".into(), DictItem::Name(b"DCTDecode".to_vec()));
    ExternalXObject {
        stream: ExternalStream {
            dict,
            content: bytes.to_vec(),
            compress: false,
        },
        width: Some(Px(width as usize)),
        height: Some(Px(height as usize)),
        dpi: None,
    }
}

fn draw(
    ops: &mut Vec<Op>,
    item: &Item,
    page_h: f32,
    font_ids: &HashMap<FontId, printpdf::FontId>,
    images: &HashMap<u64, XObjectId>,
) {
    let p = |x: f32, y: f32| Point {
        x: pt(x),
        y: pt(page_h - y),
    };
    match item {
        Item::Text(t) => {
            if let Some(id) = font_ids.get(&t.font) {
                text(ops, t, id, page_h);
            }
        }
        Item::Image { digest, rect, .. } => {
            if let Some(id) = images.get(digest) {
                ops.push(Op::UseXobject {
                    id: id.clone(),
                    transform: XObjectTransform {
                        translate_x: Some(pt(rect.x)),
                        translate_y: Some(pt(page_h - rect.y - rect.h)),
                        scale_x: Some(pt(rect.w).0),
                        scale_y: Some(pt(rect.h).0),
                        no_auto_scale: true,
                        ..XObjectTransform::default()
                    },
                });
            }
        }
        Item::Line {
            x1,
            y1,
            x2,
            y2,
            width_pt,
            colour: c,
        } => {
            ops.push(Op::SetOutlineColor { col: colour(*c) });
            ops.push(Op::SetOutlineThickness { pt: Pt(*width_pt) });
            ops.push(Op::DrawLine {
                line: Line {
                    points: vec![
                        LinePoint {
                            p: p(*x1, *y1),
                            bezier: false,
                        },
                        LinePoint {
                            p: p(*x2, *y2),
                            bezier: false,
                        },
                    ],
                    is_closed: false,
                },
            });
        }
        Item::Rect {
            rect,
            width_pt,
            colour: c,
            fill,
        } => {
            let corners = [
                (rect.x, rect.y),
                (rect.right(), rect.y),
                (rect.right(), rect.bottom()),
                (rect.x, rect.bottom()),
            ];
            if *fill {
                ops.push(Op::SetFillColor { col: colour(*c) });
            } else {
                ops.push(Op::SetOutlineColor { col: colour(*c) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width_pt) });
            }
            ops.push(Op::DrawPolygon {
                polygon: polygon(corners.iter().map(|(x, y)| p(*x, *y)), *fill),
            });
        }
        Item::Polygon { points, colour: c } => {
            ops.push(Op::SetFillColor { col: colour(*c) });
            ops.push(Op::DrawPolygon {
                polygon: polygon(points.iter().map(|(x, y)| p(*x, *y)), true),
            });
        }
    }
}

fn polygon(points: impl Iterator<Item = Point>, fill: bool) -> Polygon {
    Polygon {
        rings: vec![PolygonRing {
            points: points.map(|p| LinePoint { p, bezier: false }).collect(),
        }],
        mode: if fill {
            PaintMode::Fill
        } else {
            PaintMode::Stroke
        },
        winding_order: WindingOrder::NonZero,
    }
}

/// One run: glyphs with the font's kerning as TJ offsets, so the PDF
/// advances exactly as the layout measured.
fn text(ops: &mut Vec<Op>, t: &TextRun, id: &printpdf::FontId, page_h: f32) {
    let glyphs = fonts::shape(t.font, &t.text);
    let upem = t.font.units_per_em();
    let mut items = Vec::new();
    let mut seg = String::new();
    for g in &glyphs {
        seg.push(g.ch);
        if g.kern_after != 0 {
            items.push(TextItem::Text(std::mem::take(&mut seg)));
            items.push(TextItem::Offset(-(g.kern_after as f32) * 1000.0 / upem));
        }
    }
    if !seg.is_empty() {
        items.push(TextItem::Text(seg));
    }
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFont {
        font: PdfFontHandle::External(id.clone()),
        size: Pt(t.size_pt),
    });
    ops.push(Op::SetFillColor {
        col: colour(t.colour),
    });
    ops.push(Op::SetCharacterSpacing {
        multiplier: t.tracking_em * t.size_pt,
    });
    ops.push(Op::SetTextCursor {
        pos: Point {
            x: pt(t.x),
            y: pt(page_h - t.y),
        },
    });
    ops.push(Op::ShowText { items });
    ops.push(Op::EndTextSection);
}
