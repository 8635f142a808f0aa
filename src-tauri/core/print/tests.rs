//! The paginator's invariants, on laid-out pages.

use super::*;
use crate::diploma::layout::{Item, Role};

fn runs(page: &Layout) -> Vec<&crate::diploma::layout::TextRun> {
    page.items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) if t.role != Role::Footer => Some(t),
            _ => None,
        })
        .collect()
}

/// The body text of every page, in order, words joined by spaces.
fn words(pages: &[Layout]) -> Vec<String> {
    pages
        .iter()
        .flat_map(|p| runs(p).into_iter().map(|t| t.text.clone()))
        .flat_map(|t| t.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

fn long_text(n: usize) -> String {
    (0..n)
        .map(|i| format!("Ord{i} æøå"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_long_paragraph_flows_across_pages_with_every_word_in_order() {
    let mut doc = Document::new("Test");
    doc.footer = "Sund By Fredericia".into();
    let text = long_text(3000);
    doc.blocks.push(Block::Heading {
        level: 1,
        text: "Indledning".into(),
    });
    doc.blocks.push(Block::Paragraph(text.clone()));
    let pages = pages(&doc).unwrap();
    assert!(pages.len() >= 3, "{} pages", pages.len());
    let got = words(&pages);
    let want: Vec<String> = std::iter::once("Indledning".to_string())
        .chain(text.split_whitespace().map(str::to_string))
        .collect();
    assert_eq!(got, want);
    for (n, p) in pages.iter().enumerate() {
        for t in runs(p) {
            assert!(t.y <= BODY_BOTTOM + 0.01, "page {n}: text below the body");
            assert!(t.y >= BODY_TOP, "page {n}: text above the body");
            assert!(t.x >= MARGIN_X - 0.01 && t.x + t.width <= PAGE_W - MARGIN_X + 0.5);
        }
        let footer: String = p
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text(t) if t.role == Role::Footer => Some(t.text.clone()),
                _ => None,
            })
            .collect();
        assert!(
            footer.contains(&format!("Side {} af {}", n + 1, pages.len())),
            "{footer}"
        );
    }
}

#[test]
fn a_heading_is_never_the_last_thing_on_a_page() {
    for filler in 40..70 {
        let mut doc = Document::new("Test");
        doc.blocks.push(Block::Paragraph(long_text(filler * 7)));
        doc.blocks.push(Block::Heading {
            level: 2,
            text: "Overskrift".into(),
        });
        doc.blocks.push(Block::Paragraph(long_text(40)));
        let pages = pages(&doc).unwrap();
        for p in &pages {
            let last = runs(p).last().map(|t| t.text.clone()).unwrap_or_default();
            assert_ne!(last, "Overskrift", "filler {filler}");
        }
    }
}

#[test]
fn a_table_repeats_its_header_after_a_page_break() {
    let mut doc = Document::new("Test");
    let rows: Vec<Vec<String>> = (0..120)
        .map(|i| vec![format!("Partner {i}"), format!("{i}")])
        .collect();
    doc.blocks.push(Block::Table {
        columns: vec![Column::left("Navn", 3.0), Column::right("Antal", 1.0)],
        rows,
    });
    let pages = pages(&doc).unwrap();
    assert!(pages.len() >= 2);
    for p in &pages {
        let first = runs(p).first().map(|t| t.text.clone());
        assert_eq!(first.as_deref(), Some("Navn"));
    }
    let all = words(&pages).join(" ");
    for i in 0..120 {
        assert!(all.contains(&format!("Partner {i} {i}")), "row {i}");
    }
}

#[test]
fn a_right_aligned_column_ends_at_its_edge() {
    let mut doc = Document::new("Test");
    doc.blocks.push(Block::Table {
        columns: vec![Column::left("Navn", 1.0), Column::right("Beløb", 1.0)],
        rows: vec![vec!["A".into(), "12.500,00 kr.".into()]],
    });
    let pages = pages(&doc).unwrap();
    let amount = runs(&pages[0])
        .into_iter()
        .find(|t| t.text.contains("12.500"))
        .unwrap();
    let edge = MARGIN_X + BODY_W - 2.5;
    assert!(
        (amount.x + amount.width - edge).abs() < 0.6,
        "{}",
        amount.x + amount.width
    );
}

#[test]
fn the_contents_give_each_chapter_its_page() {
    let mut doc = Document::new("Test");
    doc.blocks.push(Block::Cover {
        logo: None,
        kicker: "Sund By".into(),
        title: "Indstillingskatalog".into(),
        subtitle: "Frontløberprisen 2026".into(),
        lines: vec!["Fredericia Kommune".into()],
    });
    doc.blocks.push(Block::Contents);
    for i in 0..6 {
        doc.blocks.push(Block::PageBreak);
        doc.blocks.push(Block::Heading {
            level: 1,
            text: format!("Kapitel {i}"),
        });
        doc.blocks.push(Block::Paragraph(long_text(200 * (i + 1))));
    }
    let laid = paginate::lay_out(&doc, &mut crate::diploma::picture::Pictures::default()).unwrap();
    assert_eq!(laid.outline.len(), 6);
    let contents_page = &laid.pages[1];
    let texts: Vec<String> = runs(contents_page).iter().map(|t| t.text.clone()).collect();
    for (title, page) in &laid.outline {
        // The chapter's heading is on the page the contents name.
        let on_page = runs(&laid.pages[*page]).iter().any(|t| &t.text == title);
        assert!(on_page, "{title} not on page {}", page + 1);
        let i = texts.iter().position(|t| t == title).expect("in contents");
        assert_eq!(texts[i + 1], (page + 1).to_string(), "{title}");
    }
    // The cover has no footer.
    assert!(laid.pages[0]
        .items
        .iter()
        .all(|i| !matches!(i, Item::Text(t) if t.role == Role::Footer)));
}

#[test]
fn a_group_moves_to_the_next_page_as_a_whole() {
    let mut doc = Document::new("Test");
    doc.blocks.push(Block::Paragraph(long_text(520)));
    doc.blocks.push(Block::KeepTogether(vec![
        Block::Heading {
            level: 2,
            text: "Samlet".into(),
        },
        Block::Facts(vec![
            ("Navn".into(), "Solsikken".into()),
            ("Art".into(), "Forening".into()),
            ("Mål".into(), "Bevægelse".into()),
        ]),
    ]));
    let pages = pages(&doc).unwrap();
    let page_of = |needle: &str| {
        pages
            .iter()
            .position(|p| runs(p).iter().any(|t| t.text == needle))
            .unwrap()
    };
    assert_eq!(page_of("Samlet"), page_of("Bevægelse"));
}

#[test]
fn a_picture_that_is_not_an_image_is_refused() {
    assert!(matches!(
        Image::from_bytes(b"not a picture".to_vec()),
        Err(PrintError::Image)
    ));
}

#[test]
fn a_drawing_wider_than_the_body_is_scaled_to_fit() {
    let mut doc = Document::new("Test");
    doc.blocks.push(Block::Drawing(Drawing {
        width_mm: 400.0,
        height_mm: 100.0,
        shapes: vec![Shape::Rect {
            x: 0.0,
            y: 0.0,
            w: 400.0,
            h: 100.0,
            fill: Some(Rgb::DEFAULT),
            stroke: None,
        }],
    }));
    let pages = pages(&doc).unwrap();
    let rect = pages[0]
        .items
        .iter()
        .find_map(|i| match i {
            Item::Rect {
                rect, fill: true, ..
            } => Some(*rect),
            _ => None,
        })
        .unwrap();
    assert!((rect.w - BODY_W).abs() < 0.01 && rect.x >= MARGIN_X - 0.01);
}

#[test]
fn an_empty_document_is_one_page() {
    let doc = Document::new("Tom");
    assert_eq!(pages(&doc).unwrap().len(), 1);
    let pdf = render(&doc).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
}

#[test]
fn the_last_item_of_a_list_never_stands_alone_on_a_page() {
    for filler in 40..75 {
        let mut doc = Document::new("Test");
        doc.blocks.push(Block::Paragraph(long_text(filler * 7)));
        doc.blocks.push(Block::Bullets(vec![
            "Første punkt".into(),
            "Andet punkt".into(),
            "Sidste punkt".into(),
        ]));
        let pages = pages(&doc).unwrap();
        let page_of = |needle: &str| {
            pages
                .iter()
                .position(|p| runs(p).iter().any(|t| t.text.contains(needle)))
                .unwrap()
        };
        assert_eq!(page_of("Andet"), page_of("Sidste"), "filler {filler}");
        assert_eq!(page_of("Første"), page_of("Andet"), "filler {filler}");
    }
}
