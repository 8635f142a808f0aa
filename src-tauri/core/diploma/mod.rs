//! Diplomas: print-ready PDF diplomas and their on-screen preview.
//!
//! A [`DiplomaInput`] (partner, goals, programme, place, date, wording, design,
//! colour, logo, signatories) is laid out ONCE by [`layout::compute`] with the
//! bundled fonts' real metrics into a [`layout::Layout`] of positioned text
//! runs, images and shapes. Two renderers draw that same layout: [`pdf`]
//! (printpdf, fonts embedded and subset, images embedded once per document)
//! and [`svg`] (the preview in the UI). What the consultant sees is what prints.
//!
//! This core knows nothing of Tauri or the database; `store` (ceremonies and
//! issued diplomas) and the commands build on it. [`award`] is the award
//! variant (a prize's winner: title, "tildeles", numbered and reprinted like
//! every diploma) that the awards area calls.

pub mod award;
pub mod counts;
pub mod files;
pub mod fonts;
pub mod layout;
pub mod pdf;
pub mod picture;
pub mod selection;
pub mod store;
pub mod svg;

use crate::i18n::{Lang, Localize};
use crate::validate::ValidationError;
use base64::Engine;
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::sync::Arc;

pub use layout::Layout;
pub use picture::Pictures;

/// Longest partner name a diploma accepts (the register's own limit).
pub const MAX_PARTNER: usize = 200;
/// Longest wording template.
pub const MAX_TEMPLATE: usize = 600;

/// Errors of the diploma module.
#[derive(Debug, thiserror::Error)]
pub enum DiplomaError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error("no partner selected")]
    NoPartners,
    #[error("the text does not fit on the page even at the smallest size")]
    DoesNotFit,
    #[error("bundled font {0} is damaged")]
    Font(&'static str),
    #[error("PDF could not be written: {0}")]
    Pdf(String),
    #[error(transparent)]
    Files(#[from] crate::files::FileError),
    #[error("stored diploma data cannot be read: {0}")]
    Snapshot(String),
    #[error("no partner {0}")]
    PartnerNotFound(String),
    #[error("several partners are called {0}")]
    PartnerAmbiguous(String),
    #[error("no such ceremony")]
    CeremonyNotFound,
    #[error("no such diploma")]
    DiplomaNotFound,
    #[error("{partner} already has diploma number {number}")]
    AlreadyIssued { partner: String, number: i64 },
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error(transparent)]
    Settings(#[from] crate::settings::SettingsError),
}

impl Localize for DiplomaError {
    fn code(&self) -> &'static str {
        match self {
            DiplomaError::Invalid(e) => e.code(),
            DiplomaError::NoPartners => "diploma.no_partners",
            DiplomaError::DoesNotFit => "diploma.does_not_fit",
            DiplomaError::Font(_) => "diploma.font",
            DiplomaError::Pdf(_) => "diploma.pdf",
            DiplomaError::Files(e) => e.code(),
            DiplomaError::Snapshot(_) => "diploma.snapshot",
            DiplomaError::PartnerNotFound(_) => "diploma.partner_not_found",
            DiplomaError::PartnerAmbiguous(_) => "diploma.partner_ambiguous",
            DiplomaError::CeremonyNotFound => "diploma.ceremony_not_found",
            DiplomaError::DiplomaNotFound => "diploma.not_found",
            DiplomaError::AlreadyIssued { .. } => "diploma.already_issued",
            DiplomaError::Store(e) => e.code(),
            DiplomaError::Settings(e) => e.code(),
        }
    }
    fn field(&self) -> Option<&'static str> {
        match self {
            DiplomaError::Invalid(e) => e.field(),
            DiplomaError::Files(e) => e.field(),
            DiplomaError::Settings(e) => e.field(),
            _ => None,
        }
    }
    fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (_, DiplomaError::Invalid(e)) => e.message(lang),
            (_, DiplomaError::Store(e)) => e.message(lang),
            (_, DiplomaError::Settings(e)) => e.message(lang),
            (_, DiplomaError::Files(e)) => e.message(lang),
            (Lang::Da, DiplomaError::Snapshot(e)) => {
                format!("De gemte diplomdata kan ikke læses: {e}")
            }
            (Lang::En, DiplomaError::Snapshot(e)) => {
                format!("The stored diploma data cannot be read: {e}")
            }
            (Lang::Da, DiplomaError::PartnerNotFound(p)) => {
                format!("Der findes ingen partner med navnet eller id'et «{p}».")
            }
            (Lang::En, DiplomaError::PartnerNotFound(p)) => {
                format!("There is no partner with the name or id «{p}».")
            }
            (Lang::Da, DiplomaError::PartnerAmbiguous(p)) => {
                format!("Flere partnere hedder «{p}»; brug partnerens id.")
            }
            (Lang::En, DiplomaError::PartnerAmbiguous(p)) => {
                format!("Several partners are called «{p}»; use the partner's id.")
            }
            (Lang::Da, DiplomaError::CeremonyNotFound) => {
                "Overrækkelsen findes ikke længere. Genindlæs siden.".into()
            }
            (Lang::En, DiplomaError::CeremonyNotFound) => {
                "The ceremony no longer exists. Reload the page.".into()
            }
            (Lang::Da, DiplomaError::DiplomaNotFound) => "Diplomet findes ikke.".into(),
            (Lang::En, DiplomaError::DiplomaNotFound) => "The diploma does not exist.".into(),
            (Lang::Da, DiplomaError::AlreadyIssued { partner, number }) => format!(
                "{partner} har allerede fået diplom nr. {number}. Fjern partneren fra listen, eller genudskriv diplomet fra partnerens side."
            ),
            (Lang::En, DiplomaError::AlreadyIssued { partner, number }) => format!(
                "{partner} already has diploma no. {number}. Remove the partner from the list, or reprint the diploma from the partner's page."
            ),
            (Lang::Da, DiplomaError::NoPartners) => {
                "Vælg mindst én partner, før der laves diplomer.".into()
            }
            (Lang::En, DiplomaError::NoPartners) => {
                "Pick at least one partner before making diplomas.".into()
            }
            (Lang::Da, DiplomaError::DoesNotFit) => {
                "Teksten kan ikke være på diplomet, heller ikke i den mindste skriftstørrelse. Forkort teksten eller målsætningerne.".into()
            }
            (Lang::En, DiplomaError::DoesNotFit) => {
                "The text does not fit on the diploma, even at the smallest size. Shorten the wording or the goals.".into()
            }
            (Lang::Da, DiplomaError::Font(name)) => {
                format!("Den indbyggede skrifttype {name} er beskadiget. Geninstallér programmet.")
            }
            (Lang::En, DiplomaError::Font(name)) => {
                format!("The bundled font {name} is damaged. Reinstall the program.")
            }
            (Lang::Da, DiplomaError::Pdf(e)) => format!("PDF-filen kunne ikke laves: {e}"),
            (Lang::En, DiplomaError::Pdf(e)) => format!("The PDF could not be made: {e}"),
        }
    }
}

/// Something the consultant should know before printing; the diploma can
/// still be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// No bundled font has this character: it is left out of the print.
    MissingCharacter { partner: String, ch: char },
    /// The partner has no goals, so the goal list is empty.
    NoGoals { partner: String },
    /// An image could not be read and is left out.
    ImageUnreadable { image: ImageRole },
}

/// Which image of the diploma.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageRole {
    Logo,
    Signature1,
    Signature2,
}

impl Warning {
    /// Stable code for the UI.
    pub fn code(&self) -> &'static str {
        match self {
            Warning::MissingCharacter { .. } => "diploma.missing_character",
            Warning::NoGoals { .. } => "diploma.no_goals",
            Warning::ImageUnreadable { .. } => "diploma.image_unreadable",
        }
    }

    /// The warning in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::Da, Warning::MissingCharacter { partner, ch }) => format!(
                "Tegnet «{ch}» ({}) på diplomet til {partner} findes ikke i diplomets skrifttyper og bliver udeladt.",
                codepoint(*ch)
            ),
            (Lang::En, Warning::MissingCharacter { partner, ch }) => format!(
                "The character «{ch}» ({}) on the diploma for {partner} is not in the diploma fonts and is left out.",
                codepoint(*ch)
            ),
            (Lang::Da, Warning::NoGoals { partner }) => format!(
                "{partner} har ingen målsætninger; diplomet viser ingen målsætninger."
            ),
            (Lang::En, Warning::NoGoals { partner }) => {
                format!("{partner} has no goals; the diploma lists none.")
            }
            (Lang::Da, Warning::ImageUnreadable { image }) => format!(
                "{} kan ikke læses og udelades. Indlæs billedet igen under Indstillinger.",
                match image {
                    ImageRole::Logo => "Logoet",
                    ImageRole::Signature1 => "Underskrift 1",
                    ImageRole::Signature2 => "Underskrift 2",
                }
            ),
            (Lang::En, Warning::ImageUnreadable { image }) => format!(
                "{} cannot be read and is left out. Upload the image again in Settings.",
                match image {
                    ImageRole::Logo => "The logo",
                    ImageRole::Signature1 => "Signature 1",
                    ImageRole::Signature2 => "Signature 2",
                }
            ),
        }
    }
}

fn codepoint(ch: char) -> String {
    format!("U+{:04X}", ch as u32)
}

/// The built-in designs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Design {
    /// EB Garamond, a double rule frame with corner ornaments.
    #[default]
    Classic,
    /// Lato, wide colour corners and a quiet grid.
    Modern,
}

impl Design {
    pub const ALL: [Design; 2] = [Design::Classic, Design::Modern];

    pub fn key(self) -> &'static str {
        match self {
            Design::Classic => "classic",
            Design::Modern => "modern",
        }
    }

    pub fn parse(s: &str) -> Option<Design> {
        Design::ALL.into_iter().find(|d| d.key() == s)
    }
}

/// Paper orientation (always A4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Orientation {
    #[default]
    Landscape,
    Portrait,
}

impl Orientation {
    pub fn key(self) -> &'static str {
        match self {
            Orientation::Landscape => "landscape",
            Orientation::Portrait => "portrait",
        }
    }

    pub fn parse(s: &str) -> Option<Orientation> {
        match s {
            "landscape" => Some(Orientation::Landscape),
            "portrait" => Some(Orientation::Portrait),
            _ => None,
        }
    }

    /// Page size in millimetres (A4).
    pub fn page_mm(self) -> (f32, f32) {
        match self {
            Orientation::Landscape => (297.0, 210.0),
            Orientation::Portrait => (210.0, 297.0),
        }
    }
}

/// A colour as `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// The default programme colour, a deep green.
    pub const DEFAULT: Rgb = Rgb(0x1f, 0x5f, 0x4a);
    pub const INK: Rgb = Rgb(0x1c, 0x1c, 0x1c);
    pub const MUTED: Rgb = Rgb(0x55, 0x55, 0x55);

    /// Parses `#rrggbb` (or `rrggbb`).
    pub fn parse(s: &str) -> Option<Rgb> {
        let h = s.trim().trim_start_matches('#');
        if h.len() != 6 || !h.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let v = u32::from_str_radix(h, 16).ok()?;
        Some(Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8))
    }

    /// Relative luminance (WCAG).
    pub fn luminance(self) -> f32 {
        fn lin(c: u8) -> f32 {
            let c = c as f32 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        }
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// This colour darkened until text in it reads well on white paper
    /// (contrast at least 4.5:1); unchanged when it already does.
    pub fn for_text(self) -> Rgb {
        let mut c = self;
        for _ in 0..40 {
            if (1.05) / (c.luminance() + 0.05) >= 4.5 {
                return c;
            }
            c = Rgb(
                (c.0 as f32 * 0.9) as u8,
                (c.1 as f32 * 0.9) as u8,
                (c.2 as f32 * 0.9) as u8,
            );
        }
        c
    }

    /// Mixes with white: `t` = 0 gives self, 1 gives white.
    pub fn tint(self, t: f32) -> Rgb {
        let m = |c: u8| (c as f32 + (255.0 - c as f32) * t).round() as u8;
        Rgb(m(self.0), m(self.1), m(self.2))
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.hex())
    }
}

impl Serialize for Rgb {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.hex())
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Rgb::parse(&s).ok_or_else(|| serde::de::Error::custom("colour must be #rrggbb"))
    }
}

/// Image file bytes shared cheaply between the pages of a ceremony, with a
/// digest so that the PDF embeds each distinct image once.
#[derive(Clone)]
pub struct ImageBytes {
    bytes: Arc<[u8]>,
    digest: u64,
}

impl ImageBytes {
    pub fn new(bytes: Vec<u8>) -> Self {
        let digest = fnv1a(&bytes);
        Self {
            bytes: bytes.into(),
            digest,
        }
    }
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
    /// A 64-bit content digest (FNV-1a) identifying the image.
    pub fn digest(&self) -> u64 {
        self.digest
    }
}

impl fmt::Debug for ImageBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ImageBytes({} bytes, {:016x})",
            self.bytes.len(),
            self.digest
        )
    }
}

impl PartialEq for ImageBytes {
    fn eq(&self, other: &Self) -> bool {
        self.digest == other.digest && self.bytes == other.bytes
    }
}

impl Serialize for ImageBytes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&base64::prelude::BASE64_STANDARD.encode(&self.bytes))
    }
}

impl<'de> Deserialize<'de> for ImageBytes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let bytes = base64::prelude::BASE64_STANDARD
            .decode(s.as_bytes())
            .map_err(serde::de::Error::custom)?;
        Ok(ImageBytes::new(bytes))
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The editable texts of a diploma. Each may use the placeholders
/// `{partner}`, `{programme}`, `{municipality}`, `{goals}`, `{date}` and
/// `{place}`. In `body`, a line holding only `{goals}` becomes the list of
/// goals (one per line, in two columns when there are many); elsewhere
/// `{goals}` is replaced by the goals joined with commas and "og".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Wording {
    pub title: String,
    pub subtitle: String,
    pub body: String,
    pub footer: String,
}

impl Default for Wording {
    fn default() -> Self {
        Wording {
            title: "Diplom".into(),
            subtitle: "{programme}".into(),
            body: "er partner og arbejder for\n{goals}".into(),
            footer: "{place}, {date}".into(),
        }
    }
}

/// One person who signs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signer {
    pub name: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<ImageBytes>,
}

/// Everything one diploma shows: the pure input of the layout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiplomaInput {
    pub partner: String,
    pub goals: Vec<String>,
    pub programme: String,
    pub municipality: String,
    pub place: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub wording: Wording,
    #[serde(default)]
    pub design: Design,
    #[serde(default)]
    pub orientation: Orientation,
    #[serde(default = "default_colour")]
    pub colour: Rgb,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<ImageBytes>,
    /// At most two; more are ignored.
    #[serde(default)]
    pub signers: Vec<Signer>,
}

fn default_colour() -> Rgb {
    Rgb::DEFAULT
}

impl DiplomaInput {
    /// Checks the texts: a partner name is required, nothing is too long,
    /// no control characters. Returns the trimmed input.
    pub fn validated(&self) -> Result<DiplomaInput, ValidationError> {
        use crate::validate::text;
        let mut out = self.clone();
        out.partner = text("partner", &self.partner, MAX_PARTNER, true, false)?;
        out.programme = text("programme_name", &self.programme, 200, false, false)?;
        out.municipality = text("municipality", &self.municipality, 200, false, false)?;
        out.place = text("place", &self.place, 200, false, false)?;
        out.goals = self
            .goals
            .iter()
            .map(|g| text("goal_title", g, 200, false, false))
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .filter(|g| !g.is_empty())
            .collect();
        out.wording.title = text(
            "diploma_title",
            &self.wording.title,
            MAX_TEMPLATE,
            false,
            false,
        )?;
        out.wording.subtitle = text(
            "diploma_subtitle",
            &self.wording.subtitle,
            MAX_TEMPLATE,
            false,
            false,
        )?;
        out.wording.body = text(
            "diploma_body",
            &self.wording.body,
            MAX_TEMPLATE,
            false,
            true,
        )?;
        out.wording.footer = text(
            "diploma_footer",
            &self.wording.footer,
            MAX_TEMPLATE,
            false,
            false,
        )?;
        out.signers = self
            .signers
            .iter()
            .filter(|s| !s.name.trim().is_empty() || !s.title.trim().is_empty())
            .take(2)
            .map(|s| -> Result<Signer, ValidationError> {
                Ok(Signer {
                    name: text("signatory_name", &s.name, 200, false, false)?,
                    title: text("signatory_title", &s.title, 200, false, false)?,
                    signature: s.signature.clone(),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(out)
    }

    /// Replaces the placeholders in `template` (see [`Wording`]).
    pub fn fill(&self, template: &str) -> String {
        template
            .replace("{partner}", &self.partner)
            .replace("{programme}", &self.programme)
            .replace("{municipality}", &self.municipality)
            .replace("{goals}", &join_danish(&self.goals))
            .replace("{date}", &crate::dates::long_da(self.date))
            .replace("{place}", &self.place)
    }
}

/// "a, b og c".
pub fn join_danish(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} og {last}", rest.join(", ")),
    }
}

/// The result of rendering: the PDF bytes and what the consultant should know.
#[derive(Debug)]
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub pages: usize,
    pub warnings: Vec<Warning>,
}

/// Lays out every input (one page each, in order) and writes one PDF.
pub fn render_pdf(inputs: &[DiplomaInput], title: &str) -> Result<Rendered, DiplomaError> {
    if inputs.is_empty() {
        return Err(DiplomaError::NoPartners);
    }
    let mut pictures = Pictures::default();
    let mut layouts = Vec::with_capacity(inputs.len());
    let mut warnings = Vec::new();
    for input in inputs {
        let (l, w) = layout::compute(input, &mut pictures)?;
        layouts.push(l);
        for w in w {
            if !warnings.contains(&w) {
                warnings.push(w);
            }
        }
    }
    let pdf = pdf::write(&layouts, &pictures, title)?;
    Ok(Rendered {
        pdf,
        pages: layouts.len(),
        warnings,
    })
}

/// Lays out one input and draws it as SVG for the preview.
pub fn render_svg(input: &DiplomaInput) -> Result<(String, Vec<Warning>), DiplomaError> {
    let mut pictures = Pictures::default();
    let (l, w) = layout::compute(input, &mut pictures)?;
    Ok((svg::write(&l, &pictures), w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_join_with_og() {
        let g = |v: &[&str]| join_danish(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(g(&[]), "");
        assert_eq!(g(&["a"]), "a");
        assert_eq!(g(&["a", "b", "c"]), "a, b og c");
    }

    #[test]
    fn colours_parse_and_dark_enough_for_text() {
        assert_eq!(Rgb::parse("#1F5F4A"), Some(Rgb(0x1f, 0x5f, 0x4a)));
        assert_eq!(Rgb::parse("zzz"), None);
        let yellow = Rgb(0xff, 0xe0, 0x00).for_text();
        assert!(1.05 / (yellow.luminance() + 0.05) >= 4.5);
        assert_eq!(Rgb::DEFAULT.for_text(), Rgb::DEFAULT);
    }

    #[test]
    fn image_bytes_round_trip_through_json() {
        let img = ImageBytes::new(vec![1, 2, 3, 250]);
        let json = serde_json::to_string(&img).unwrap_or_default();
        let back: ImageBytes = serde_json::from_str(&json).expect("round trip");
        assert_eq!(back, img);
        assert_eq!(back.digest(), img.digest());
    }

    #[test]
    fn validation_requires_a_partner_and_limits_length() {
        let mut input = layout::tests::sample("");
        assert!(matches!(input.validated(), Err(e) if e.field == "partner"));
        input.partner = "x".repeat(201);
        assert!(input.validated().is_err());
        input.partner = "x".repeat(200);
        assert!(input.validated().is_ok());
    }

    #[test]
    fn warnings_name_the_character() {
        let w = Warning::MissingCharacter {
            partner: "Sol".into(),
            ch: '😀',
        };
        assert!(w.message(Lang::Da).contains("😀"));
        assert!(w.message(Lang::Da).contains("U+1F600"));
    }
}
