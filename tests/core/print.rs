//! Integration tests of the shared document printer, read back with poppler
//! and qpdf: the text of every block comes back in order with æøå intact,
//! the fonts are embedded and subset, the file is sound and A4, and the
//! level-1 headings are bookmarks.
//!
//! Set `PRINT_PNG_DIR` to also keep the sample document there (for looking
//! at it with `pdftoppm`).

#[path = "../common/fixtures.rs"]
mod fixtures;
#[path = "../common/tools.rs"]
mod tools;

use std::path::PathBuf;
use sundby_core::print::{self, Block, Column, Document, Drawing, Image, Rgb, Shape};

fn sample() -> Document {
    let mut doc = Document::new("Indstillingskatalog – Frontløberprisen 2026");
    doc.author = "Fredericia Kommune".into();
    doc.footer = "Sund By Fredericia · Frontløberprisen 2026".into();
    doc.blocks = vec![
        Block::Cover {
            logo: Some(Image::from_bytes(fixtures::logo_png()).unwrap()),
            kicker: "Sund By Fredericia".into(),
            title: "Indstillingskatalog".into(),
            subtitle: "Frontløberprisen 2026".into(),
            lines: vec!["Fredericia Kommune".into(), "2. december 2026".into()],
        },
        Block::Contents,
        Block::PageBreak,
        Block::Heading {
            level: 1,
            text: "Om prisen".into(),
        },
        Block::Paragraph(
            "Årets Frontløber og Byens Frontløber gives til partnere, der går foran for \
             sundheden i Fredericia. Ærlig talt: øen Æbelø hører ikke til byen."
                .repeat(12),
        ),
        Block::Quote("Vi gør det, fordi det er sjovt at være sammen.".into()),
        Block::Bullets(vec!["Bevægelse".into(), "Røgfrihed".into()]),
        Block::Facts(vec![
            ("Indstillingsfrist".into(), "15. marts 2026".into()),
            ("Fejring".into(), "Fredericia Rådhus".into()),
        ]),
        Block::Heading {
            level: 1,
            text: "Tal".into(),
        },
        Block::Table {
            columns: vec![
                Column::left("Målsætning", 3.0),
                Column::right("Partnere", 1.0),
            ],
            rows: vec![
                vec!["At Fredericia er i bevægelse".into(), "7".into()],
                vec!["At Fredericia bliver røgfri".into(), "5".into()],
            ],
        },
        Block::Boxes {
            labels: vec!["Nyskabelse".into(), "Forankring".into(), "I alt".into()],
            boxes: 2,
        },
        Block::Drawing(Drawing {
            width_mm: 120.0,
            height_mm: 40.0,
            shapes: vec![
                Shape::Rect {
                    x: 0.0,
                    y: 0.0,
                    w: 80.0,
                    h: 12.0,
                    fill: Some(Rgb::DEFAULT),
                    stroke: None,
                },
                Shape::Text {
                    x: 82.0,
                    y: 9.0,
                    size_pt: 9.0,
                    bold: true,
                    colour: Rgb::INK,
                    anchor: print::Anchor::Start,
                    text: "Bevilget 62.500 kr.".into(),
                },
            ],
        }),
    ];
    doc
}

fn write(doc: &Document, name: &str) -> PathBuf {
    let dir = match std::env::var_os("PRINT_PNG_DIR") {
        Some(d) => PathBuf::from(d),
        None => std::env::temp_dir().join(format!("sundby-print-{}", std::process::id())),
    };
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, print::render(doc).unwrap()).unwrap();
    path
}

#[test]
fn every_block_reads_back_in_order_with_danish_letters() {
    let path = write(&sample(), "sample.pdf");
    tools::qpdf_ok(&path);
    let text = tools::pdftotext(&path);
    let order = [
        "SUND BY FREDERICIA",
        "Indstillingskatalog",
        "Frontløberprisen 2026",
        "Indhold",
        "Om prisen",
        "Årets Frontløber og Byens Frontløber",
        "øen Æbelø",
        "Vi gør det, fordi det er sjovt",
        "Røgfrihed",
        "Indstillingsfrist",
        "15. marts 2026",
        "Målsætning",
        "At Fredericia bliver røgfri",
        "Nyskabelse",
        "Bevilget 62.500 kr.",
    ];
    let mut at = 0;
    for want in order {
        let found = text[at..].find(want);
        assert!(found.is_some(), "«{want}» missing after byte {at}:\n{text}");
        at += found.unwrap();
    }
    assert!(text.contains("Side 2 af"), "{text}");
}

#[test]
fn fonts_are_embedded_and_subset() {
    let path = write(&sample(), "fonts.pdf");
    let fonts = tools::pdffonts(&path);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 3, "{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name … emb sub uni
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], &["yes", "yes", "yes"], "{row}");
        assert!(cols[0].contains('+'), "not subset: {row}");
    }
}

#[test]
fn pages_are_a4_and_chapters_are_bookmarks() {
    let path = write(&sample(), "outline.pdf");
    let info = tools::run_ok("pdfinfo", &[path.to_str().unwrap()]);
    assert!(
        info.contains("595.276 x 841.89") || info.contains("595.28 x 841.89"),
        "{info}"
    );
    let json = tools::run_ok(
        "qpdf",
        &["--json", "--json-key=outlines", path.to_str().unwrap()],
    );
    assert!(json.contains("Om prisen") && json.contains("Tal"), "{json}");
}
