//! A minimal, correct WordprocessingML (.docx) writer, shared by every
//! editable Word document the app makes (the case for Sund By Netværket's
//! case bank, the inspiration catalogue).
//!
//! A [`Document`] is a list of [`Block`]s: headings with the built-in
//! styles `Heading1`–`Heading3` (so Word's navigation pane and contents
//! see them), paragraphs (a line break inside the text becomes a line
//! break), bullet lists (a real numbering definition, not typed bullets)
//! simple tables with a header row, the built-in `Title`, `Subtitle` and
//! `Quote` paragraph styles, and PNG/JPEG pictures placed inline (a cover's
//! logo). [`write`] returns the file's bytes: a deflated zip with the
//! content types, the relationships, the document, its styles and
//! numbering, the pictures under `word/media/`, and the core properties
//! (title, author). Text is escaped for XML and characters XML cannot hold are
//! dropped, so no input makes a file Word refuses.
//!
//! ```
//! use sundby_core::docx::{write, Block, Document};
//! let doc = Document {
//!     title: "Status".into(),
//!     author: "Sund By".into(),
//!     blocks: vec![
//!         Block::Heading { level: 1, text: "Formål".into() },
//!         Block::Paragraph("At fremme sundheden.".into()),
//!         Block::Bullets(vec!["Røgfri".into(), "I bevægelse".into()]),
//!     ],
//! };
//! let bytes = write(&doc).unwrap();
//! assert_eq!(&bytes[..2], b"PK");
//! ```

use std::fmt::Write as _;
use std::io::{Cursor, Write};

/// A document to write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    pub author: String,
    pub blocks: Vec<Block>,
}

/// One block of the document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading, level 1..=3 (outside that range it is clamped).
    Heading {
        level: u8,
        text: String,
    },
    /// A paragraph; `\n` inside becomes a line break.
    Paragraph(String),
    /// A bulleted list, one item per entry.
    Bullets(Vec<String>),
    /// A table: the first row is the header (bold, repeated on each page).
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    PageBreak,
    /// The document's title (Word's built-in `Title` style).
    Title(String),
    /// A line under the title (the built-in `Subtitle` style).
    Subtitle(String),
    /// A quoted paragraph (the built-in `Quote` style: indented, italic).
    Quote(String),
    /// A PNG or JPEG picture on a line of its own, scaled (keeping its
    /// proportions) to fit `max_width_mm` × `max_height_mm`.
    Image(Picture),
}

/// A picture's bytes and size in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    pub bytes: Vec<u8>,
    /// `true` for JPEG, else PNG.
    pub jpeg: bool,
    pub width_px: u32,
    pub height_px: u32,
    pub max_width_mm: u32,
    pub max_height_mm: u32,
}

impl Picture {
    fn ext(&self) -> &'static str {
        if self.jpeg {
            "jpeg"
        } else {
            "png"
        }
    }

    /// The size in EMU (914,400 per inch, 36,000 per millimetre), keeping
    /// the proportions inside the maximum box.
    fn extent_emu(&self) -> (u64, u64) {
        let (w, h) = (
            u64::from(self.width_px.max(1)),
            u64::from(self.height_px.max(1)),
        );
        let (mw, mh) = (
            u64::from(self.max_width_mm.max(1)) * 36_000,
            u64::from(self.max_height_mm.max(1)) * 36_000,
        );
        // Scale to the height, then narrow if too wide.
        let (mut cx, mut cy) = (mh * w / h, mh);
        if cx > mw {
            cx = mw;
            cy = mw * h / w;
        }
        (cx.max(1), cy.max(1))
    }
}

/// The document could not be packed (only the zip writer can fail).
#[derive(Debug, thiserror::Error)]
#[error("the .docx could not be written: {0}")]
pub struct DocxError(String);

/// Escapes text for XML and drops what XML 1.0 cannot hold.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Runs of one paragraph: text with `<w:br/>` at each line break.
fn runs(text: &str, bold: bool) -> String {
    let mut out = String::new();
    let rpr = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    for (i, line) in text.replace("\r\n", "\n").split('\n').enumerate() {
        if i > 0 {
            let _ = write!(out, "<w:r>{rpr}<w:br/></w:r>");
        }
        if !line.is_empty() {
            let _ = write!(
                out,
                r#"<w:r>{rpr}<w:t xml:space="preserve">{}</w:t></w:r>"#,
                escape(&line.replace('\t', " "))
            );
        }
    }
    out
}

fn paragraph(style: Option<&str>, extra_ppr: &str, body: &str) -> String {
    let style = style
        .map(|s| format!(r#"<w:pStyle w:val="{s}"/>"#))
        .unwrap_or_default();
    let ppr = if style.is_empty() && extra_ppr.is_empty() {
        String::new()
    } else {
        format!("<w:pPr>{style}{extra_ppr}</w:pPr>")
    };
    format!("<w:p>{ppr}{body}</w:p>")
}

fn table(header: &[String], rows: &[Vec<String>]) -> String {
    let cols = header
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0))
        .max(1);
    // 9000 twentieths of a point ≈ the text width of an A4 page.
    let w = 9000 / cols;
    let mut s = String::from(
        r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders></w:tblPr><w:tblGrid>"#,
    );
    for _ in 0..cols {
        let _ = write!(s, r#"<w:gridCol w:w="{w}"/>"#);
    }
    s.push_str("</w:tblGrid>");
    let mut row = |cells: &[String], head: bool| {
        s.push_str("<w:tr>");
        if head {
            s.push_str("<w:trPr><w:tblHeader/></w:trPr>");
        }
        for i in 0..cols {
            let text = cells.get(i).map(String::as_str).unwrap_or("");
            let _ = write!(
                s,
                r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{}</w:tc>"#,
                paragraph(None, "", &runs(text, head))
            );
        }
        s.push_str("</w:tr>");
    };
    if !header.is_empty() {
        row(header, true);
    }
    for r in rows {
        row(r, false);
    }
    s.push_str("</w:tbl>");
    // Word needs a paragraph between two tables and at the end of a cell.
    s.push_str("<w:p/>");
    s
}

/// An inline picture referring to relationship `rid`; `n` numbers it.
fn drawing(p: &Picture, rid: &str, n: usize) -> String {
    let (cx, cy) = p.extent_emu();
    format!(
        r#"<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{n}" name="Billede {n}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{n}" name="image{n}.{ext}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#,
        ext = p.ext()
    )
}

/// The pictures in reading order (their relationship ids follow the fixed ones).
fn pictures(doc: &Document) -> Vec<&Picture> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Image(p) => Some(p),
            _ => None,
        })
        .collect()
}

/// The relationship id of the `i`th picture (rId1, rId2 are styles and numbering).
fn picture_rid(i: usize) -> String {
    format!("rId{}", i + 3)
}

fn body(doc: &Document) -> String {
    let mut s = String::new();
    let mut picture = 0;
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                let style = format!("Heading{}", (*level).clamp(1, 3));
                s.push_str(&paragraph(Some(&style), "", &runs(text, false)));
            }
            Block::Paragraph(text) => s.push_str(&paragraph(None, "", &runs(text, false))),
            Block::Bullets(items) => {
                for item in items {
                    s.push_str(&paragraph(
                        Some("ListBullet"),
                        r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>"#,
                        &runs(item, false),
                    ));
                }
            }
            Block::Table { header, rows } => s.push_str(&table(header, rows)),
            Block::PageBreak => s.push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#),
            Block::Title(text) => s.push_str(&paragraph(Some("Title"), "", &runs(text, false))),
            Block::Subtitle(text) => {
                s.push_str(&paragraph(Some("Subtitle"), "", &runs(text, false)))
            }
            Block::Quote(text) => s.push_str(&paragraph(Some("Quote"), "", &runs(text, false))),
            Block::Image(p) => {
                picture += 1;
                s.push_str(&drawing(p, &picture_rid(picture - 1), picture));
            }
        }
    }
    s
}

const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn document_xml(doc: &Document) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{NS_W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>{}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
        body(doc)
    )
}

fn heading_style(level: u8, size_half_pt: u8) -> String {
    format!(
        r#"<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="{}" w:after="120"/><w:outlineLvl w:val="{}"/></w:pPr><w:rPr><w:b/><w:sz w:val="{size_half_pt}"/><w:szCs w:val="{size_half_pt}"/></w:rPr></w:style>"#,
        if level == 1 { 360 } else { 240 },
        level - 1
    )
}

fn styles_xml() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{NS_W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="da-DK"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>{}{}{}<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:spacing w:before="240" w:after="120"/></w:pPr><w:rPr><w:b/><w:color w:val="1F5F4A"/><w:sz w:val="56"/><w:szCs w:val="56"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="11"/><w:qFormat/><w:rPr><w:color w:val="4D5A53"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="29"/><w:qFormat/><w:pPr><w:ind w:left="567" w:right="567"/></w:pPr><w:rPr><w:i/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/></w:pPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#,
        heading_style(1, 32),
        heading_style(2, 26),
        heading_style(3, 22)
    )
}

fn numbering_xml() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{NS_W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

fn document_rels(doc: &Document) -> String {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#,
    );
    for (i, p) in pictures(doc).iter().enumerate() {
        let _ = write!(
            s,
            r#"<Relationship Id="{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image{}.{}"/>"#,
            picture_rid(i),
            i + 1,
            p.ext()
        );
    }
    s.push_str("</Relationships>");
    s
}

const APP_XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Sund By Partner</Application></Properties>"#;

fn core_xml(doc: &Document) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>da-DK</dc:language></cp:coreProperties>"#,
        escape(&doc.title),
        escape(&doc.author)
    )
}

/// Writes `doc` as the bytes of a .docx file.
pub fn write(doc: &Document) -> Result<Vec<u8>, DocxError> {
    let parts: [(&str, String); 8] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_string()),
        ("_rels/.rels", ROOT_RELS.to_string()),
        ("word/document.xml", document_xml(doc)),
        ("word/styles.xml", styles_xml()),
        ("word/numbering.xml", numbering_xml()),
        ("word/_rels/document.xml.rels", document_rels(doc)),
        ("docProps/core.xml", core_xml(doc)),
        ("docProps/app.xml", APP_XML.to_string()),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let err = |e: &dyn std::fmt::Display| DocxError(e.to_string());
    for (name, text) in parts {
        zip.start_file(name, options).map_err(|e| err(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| err(&e))?;
    }
    for (i, p) in pictures(doc).iter().enumerate() {
        zip.start_file(format!("word/media/image{}.{}", i + 1, p.ext()), options)
            .map_err(|e| err(&e))?;
        zip.write_all(&p.bytes).map_err(|e| err(&e))?;
    }
    Ok(zip.finish().map_err(|e| err(&e))?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn part(bytes: &[u8], name: &str) -> String {
        let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut s = String::new();
        z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    }

    #[test]
    fn headings_use_real_styles_and_text_is_escaped() {
        let doc = Document {
            title: "Case & <titel>".into(),
            author: "Æ Ø Å".into(),
            blocks: vec![
                Block::Heading {
                    level: 1,
                    text: "Formål".into(),
                },
                Block::Heading {
                    level: 9,
                    text: "Dybt".into(),
                },
                Block::Paragraph("Linje 1\nLinje <2> & \u{7}".into()),
                Block::Bullets(vec!["Et".into(), "To".into()]),
                Block::Table {
                    header: vec!["Kanal".into(), "Antal".into()],
                    rows: vec![vec!["SoMe".into(), "7".into()], vec!["Kun én".into()]],
                },
                Block::PageBreak,
            ],
        };
        let bytes = write(&doc).unwrap();
        let xml = part(&bytes, "word/document.xml");
        assert!(xml.contains(r#"<w:pStyle w:val="Heading1"/>"#));
        assert!(
            xml.contains(r#"<w:pStyle w:val="Heading3"/>"#),
            "level clamped"
        );
        assert!(xml.contains("Linje &lt;2&gt; &amp; </w:t>"));
        assert!(xml.contains("<w:br/>"));
        assert!(!xml.contains('\u{7}'));
        assert_eq!(xml.matches(r#"<w:numId w:val="1"/>"#).count(), 2);
        assert!(xml.contains("<w:tblHeader/>"));
        assert!(part(&bytes, "word/styles.xml").contains(r#"w:styleId="Heading2""#));
        assert!(part(&bytes, "docProps/core.xml").contains("Case &amp; &lt;titel&gt;"));
        let mut z = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
        assert!(
            z.by_name("word/media/image1.png").is_err(),
            "no picture, no media"
        );
        assert_eq!(
            z.by_name("word/document.xml").unwrap().compression(),
            zip::CompressionMethod::Deflated
        );
    }

    #[test]
    fn title_quote_and_picture() {
        let png = vec![0x89, b'P', b'N', b'G', 1, 2, 3];
        let doc = Document {
            title: "Katalog".into(),
            author: String::new(),
            blocks: vec![
                Block::Image(Picture {
                    bytes: png.clone(),
                    jpeg: false,
                    width_px: 400,
                    height_px: 100,
                    max_width_mm: 50,
                    max_height_mm: 30,
                }),
                Block::Title("Inspirationskatalog".into()),
                Block::Subtitle("Bliv partner".into()),
                Block::Quote("<b>ikke fed</b>".into()),
            ],
        };
        let bytes = write(&doc).unwrap();
        let xml = part(&bytes, "word/document.xml");
        assert!(xml.contains(r#"<w:pStyle w:val="Title"/>"#));
        assert!(xml.contains(r#"<w:pStyle w:val="Subtitle"/>"#));
        assert!(xml.contains(r#"<w:pStyle w:val="Quote"/>"#));
        assert!(xml.contains("&lt;b&gt;ikke fed&lt;/b&gt;"));
        // 400×100 px in 50×30 mm: as wide as allowed, a quarter as high.
        assert!(
            xml.contains(r#"<wp:extent cx="1800000" cy="450000"/>"#),
            "{xml}"
        );
        assert!(xml.contains(r#"r:embed="rId3""#));
        let rels = part(&bytes, "word/_rels/document.xml.rels");
        assert!(rels.contains(r#"Id="rId3""#) && rels.contains("media/image1.png"));
        let mut z = zip::ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
        let mut media = Vec::new();
        z.by_name("word/media/image1.png")
            .unwrap()
            .read_to_end(&mut media)
            .unwrap();
        assert_eq!(media, png);
        assert!(part(&bytes, "word/styles.xml").contains(r#"w:styleId="Quote""#));
    }
}
