//! The fonts bundled for diplomas (EB Garamond and Lato, both SIL OFL 1.1),
//! their metrics, kerning and glyph outlines. EB Garamond and its licence are
//! in `src-tauri/core/fonts/`; Lato lives once in `ui/fonts/` (with its
//! licence), where the window's stylesheet loads it through `@font-face`
//! and this module embeds the same files for the PDFs. Text is measured here with each font's own advance widths and
//! kerning so that layout, PDF and SVG agree to the hundredth of a millimetre.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use ttf_parser::{Face, GlyphId, OutlineBuilder};

/// Millimetres per PostScript point.
pub const MM_PER_PT: f32 = 25.4 / 72.0;

/// A bundled font face.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FontId {
    GaramondRegular,
    GaramondItalic,
    LatoLight,
    LatoRegular,
    LatoBold,
}

impl FontId {
    /// Every bundled face; also the fallback order for a character that the
    /// wanted face lacks.
    pub const ALL: [FontId; 5] = [
        FontId::GaramondRegular,
        FontId::GaramondItalic,
        FontId::LatoRegular,
        FontId::LatoLight,
        FontId::LatoBold,
    ];

    /// Short stable name used in layout dumps and SVG ids.
    pub fn key(self) -> &'static str {
        match self {
            FontId::GaramondRegular => "garamond",
            FontId::GaramondItalic => "garamond-italic",
            FontId::LatoLight => "lato-light",
            FontId::LatoRegular => "lato",
            FontId::LatoBold => "lato-bold",
        }
    }

    /// The font file (TrueType outlines, so the PDF gets a small subset).
    pub fn bytes(self) -> &'static [u8] {
        match self {
            FontId::GaramondRegular => include_bytes!("../fonts/EBGaramond12-Regular.ttf"),
            FontId::GaramondItalic => include_bytes!("../fonts/EBGaramond12-Italic.ttf"),
            FontId::LatoLight => include_bytes!("../../../ui/fonts/Lato-Light.ttf"),
            FontId::LatoRegular => include_bytes!("../../../ui/fonts/Lato-Regular.ttf"),
            FontId::LatoBold => include_bytes!("../../../ui/fonts/Lato-Bold.ttf"),
        }
    }

    fn index(self) -> usize {
        match self {
            FontId::GaramondRegular => 0,
            FontId::GaramondItalic => 1,
            FontId::LatoLight => 2,
            FontId::LatoRegular => 3,
            FontId::LatoBold => 4,
        }
    }

    /// The parsed face, or `None` if the bundled file were damaged (a test
    /// makes sure it is not).
    pub fn face(self) -> Option<&'static Face<'static>> {
        static FACES: [OnceLock<Option<Face<'static>>>; 5] = [
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
        ];
        FACES[self.index()]
            .get_or_init(|| Face::parse(self.bytes(), 0).ok())
            .as_ref()
    }

    /// Font units per em.
    pub fn units_per_em(self) -> f32 {
        self.face()
            .map(|f| f.units_per_em() as f32)
            .unwrap_or(1000.0)
    }

    /// Ascender as a fraction of the em.
    pub fn ascender(self) -> f32 {
        self.face()
            .map(|f| f.ascender() as f32 / f.units_per_em() as f32)
            .unwrap_or(0.8)
    }

    /// Descender as a (positive) fraction of the em.
    pub fn descender(self) -> f32 {
        self.face()
            .map(|f| -(f.descender() as f32) / f.units_per_em() as f32)
            .unwrap_or(0.2)
    }

    /// Height of capital letters as a fraction of the em.
    pub fn cap_height(self) -> f32 {
        self.face()
            .and_then(|f| {
                f.capital_height()
                    .map(|c| c as f32 / f.units_per_em() as f32)
            })
            .unwrap_or(0.68)
    }

    /// The glyph for `ch`, if this face has one.
    pub fn glyph(self, ch: char) -> Option<GlyphId> {
        let face = self.face()?;
        face.glyph_index(ch).filter(|g| g.0 != 0)
    }

    /// Whether this face can draw `ch` (spaces count as drawable).
    pub fn has(self, ch: char) -> bool {
        self.glyph(ch).is_some()
    }

    fn advance(self, gid: GlyphId) -> i32 {
        self.face()
            .and_then(|f| f.glyph_hor_advance(gid))
            .map(i32::from)
            .unwrap_or(0)
    }

    /// Pair kerning between two glyphs in font units (negative tightens):
    /// the GPOS `kern` feature's pair adjustments, else the legacy `kern` table.
    pub fn kerning(self, left: GlyphId, right: GlyphId) -> i32 {
        type Cache = Mutex<HashMap<(FontId, u16, u16), i32>>;
        static CACHE: OnceLock<Cache> = OnceLock::new();
        let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
        let key = (self, left.0, right.0);
        if let Ok(c) = cache.lock() {
            if let Some(k) = c.get(&key) {
                return *k;
            }
        }
        let k = self.kerning_uncached(left, right);
        if let Ok(mut c) = cache.lock() {
            c.insert(key, k);
        }
        k
    }

    fn kerning_uncached(self, left: GlyphId, right: GlyphId) -> i32 {
        let Some(face) = self.face() else { return 0 };
        if let Some(k) = gpos_kern(face, left, right) {
            return k;
        }
        if let Some(kern) = face.tables().kern {
            for sub in kern.subtables {
                if sub.horizontal && !sub.has_cross_stream {
                    if let Some(v) = sub.glyphs_kerning(left, right) {
                        return i32::from(v);
                    }
                }
            }
        }
        0
    }
}

fn gpos_kern(face: &Face<'_>, left: GlyphId, right: GlyphId) -> Option<i32> {
    use ttf_parser::gpos::{PairAdjustment, PositioningSubtable};
    let gpos = face.tables().gpos?;
    let mut found = false;
    let mut total = 0i32;
    for feature in gpos.features {
        if &feature.tag.to_bytes() != b"kern" {
            continue;
        }
        for li in feature.lookup_indices {
            let Some(lookup) = gpos.lookups.get(li) else {
                continue;
            };
            for i in 0..lookup.subtables.len() {
                let Some(PositioningSubtable::Pair(pair)) =
                    lookup.subtables.get::<PositioningSubtable>(i)
                else {
                    continue;
                };
                let value = match pair {
                    PairAdjustment::Format1 { coverage, sets } => coverage
                        .get(left)
                        .and_then(|idx| sets.get(idx))
                        .and_then(|set| set.get(right))
                        .map(|(a, _)| a.x_advance),
                    PairAdjustment::Format2 {
                        coverage,
                        classes,
                        matrix,
                    } => {
                        if coverage.get(left).is_some() {
                            let c1 = classes.0.get(left);
                            let c2 = classes.1.get(right);
                            matrix.get((c1, c2)).map(|(a, _)| a.x_advance)
                        } else {
                            None
                        }
                    }
                };
                if let Some(v) = value {
                    found = true;
                    total += i32::from(v);
                    // The first subtable of a lookup that covers the pair wins.
                    break;
                }
            }
        }
        // Several `kern` feature records (one per script) share lookups: use one.
        if found {
            break;
        }
    }
    found.then_some(total)
}

/// One glyph of a shaped run: the character, its glyph, its advance and the
/// kerning to the next glyph, both in font units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub ch: char,
    pub gid: GlyphId,
    pub advance: i32,
    pub kern_after: i32,
}

/// Shapes `text` in `font`: characters the face lacks must have been routed to
/// another face before (see [`split_by_font`]); any left are skipped.
pub fn shape(font: FontId, text: &str) -> Vec<Glyph> {
    let mut out: Vec<Glyph> = Vec::with_capacity(text.len());
    for ch in text.chars() {
        let Some(gid) = font.glyph(ch) else { continue };
        if let Some(prev) = out.last_mut() {
            prev.kern_after = font.kerning(prev.gid, gid);
        }
        out.push(Glyph {
            ch,
            gid,
            advance: font.advance(gid),
            kern_after: 0,
        });
    }
    out
}

/// Width of `text` at 1 pt, in points, with `tracking` extra points between
/// letters per point of size (letter-spacing as a fraction of the em).
pub fn width_pt(font: FontId, text: &str, tracking_em: f32) -> f32 {
    let glyphs = shape(font, text);
    glyphs_width_pt(font, &glyphs, tracking_em)
}

/// Width of shaped glyphs at 1 pt (see [`width_pt`]). Trailing letter-spacing
/// after the last glyph is not counted, so centred text is truly centred.
pub fn glyphs_width_pt(font: FontId, glyphs: &[Glyph], tracking_em: f32) -> f32 {
    let upem = font.units_per_em();
    let units: i32 = glyphs.iter().map(|g| g.advance + g.kern_after).sum();
    let gaps = glyphs.len().saturating_sub(1) as f32;
    units as f32 / upem + tracking_em * gaps
}

/// A piece of text to be drawn in one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    pub font: FontId,
    pub text: String,
}

/// Splits `text` into pieces drawable by `want` or, for characters it lacks,
/// by the first bundled face that has them. Characters no bundled face has are
/// left out and returned in the second list (each once, in order of
/// appearance) so the caller can warn about them.
pub fn split_by_font(want: FontId, text: &str) -> (Vec<Piece>, Vec<char>) {
    let mut pieces: Vec<Piece> = Vec::new();
    let mut missing: Vec<char> = Vec::new();
    for ch in text.chars() {
        if is_invisible(ch) {
            continue;
        }
        let font = if want.has(ch) {
            Some(want)
        } else if ch.is_whitespace() {
            // Any space is drawn as the face's own space.
            pieces_push(&mut pieces, want, ' ');
            continue;
        } else {
            FontId::ALL.into_iter().find(|f| f.has(ch))
        };
        match font {
            Some(f) => pieces_push(&mut pieces, f, ch),
            None => {
                if !missing.contains(&ch) {
                    missing.push(ch);
                }
            }
        }
    }
    (pieces, missing)
}

fn pieces_push(pieces: &mut Vec<Piece>, font: FontId, ch: char) {
    match pieces.last_mut() {
        Some(p) if p.font == font => p.text.push(ch),
        _ => pieces.push(Piece {
            font,
            text: ch.to_string(),
        }),
    }
}

/// Zero-width joiners, variation selectors and the like: they draw nothing,
/// so they are neither drawn nor reported.
fn is_invisible(ch: char) -> bool {
    matches!(ch, '\u{200B}'..='\u{200F}' | '\u{FE00}'..='\u{FE0F}' | '\u{2060}' | '\u{FEFF}')
}

/// The outline of a glyph as an SVG path in font units (y up), or `None` for
/// glyphs without ink (the space).
pub fn glyph_path(font: FontId, gid: GlyphId) -> Option<String> {
    struct Svg(String);
    impl OutlineBuilder for Svg {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push_str(&format!("M{x} {y}"));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.push_str(&format!("L{x} {y}"));
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.push_str(&format!("Q{x1} {y1} {x} {y}"));
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0.push_str(&format!("C{x1} {y1} {x2} {y2} {x} {y}"));
        }
        fn close(&mut self) {
            self.0.push('Z');
        }
    }
    let face = font.face()?;
    let mut b = Svg(String::new());
    face.outline_glyph(gid, &mut b)?;
    Some(b.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_font_parses_and_has_danish_and_european_letters() {
        for f in FontId::ALL {
            assert!(f.face().is_some(), "{f:?} does not parse");
            for ch in "æøåÆØÅéüöłŁ&–".chars() {
                assert!(f.has(ch), "{f:?} lacks {ch}");
            }
        }
    }

    #[test]
    fn width_grows_with_text_and_kerning_tightens_av() {
        let a = width_pt(FontId::GaramondRegular, "Diplom", 0.0);
        let b = width_pt(FontId::GaramondRegular, "Diplomer", 0.0);
        assert!(a > 1.0 && b > a);
        let av = shape(FontId::LatoRegular, "AV");
        assert!(av[0].kern_after < 0, "Lato should kern A-V");
    }

    #[test]
    fn tracking_adds_space_between_letters_only() {
        let plain = width_pt(FontId::LatoBold, "DIPLOM", 0.0);
        let tracked = width_pt(FontId::LatoBold, "DIPLOM", 0.1);
        assert!((tracked - plain - 0.5).abs() < 1e-4);
    }

    #[test]
    fn characters_no_font_has_are_reported_not_drawn() {
        let (pieces, missing) = split_by_font(FontId::GaramondRegular, "Sol 😀 og 😀 ☃");
        assert_eq!(missing, vec!['😀', '☃']);
        let drawn: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert!(!drawn.contains('😀'));
        assert!(drawn.starts_with("Sol "));
    }

    #[test]
    fn glyph_outlines_exist_for_letters() {
        let g = FontId::LatoRegular
            .glyph('Ø')
            .map(|g| glyph_path(FontId::LatoRegular, g));
        assert!(matches!(g, Some(Some(p)) if p.starts_with('M')));
    }
}
