//! Integration tests of the diploma PDFs, read back with poppler and qpdf:
//! the text comes back exactly (Danish and other European letters), every
//! font is embedded and subset with a Unicode map, the file is structurally
//! sound, pages are A4 and counted right, images are embedded once.
//!
//! Set `DIPLOMA_PNG_DIR` to also render every design to PNG there.

#[path = "../common/fixtures.rs"]
mod fixtures;
#[path = "../common/tools.rs"]
mod tools;

use fixtures::{logo_png, signature_png, NAMES};

use chrono::NaiveDate;
use image::{DynamicImage, ImageFormat};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use sundby_core::diploma::{
    self, Design, DiplomaInput, ImageBytes, Orientation, Rgb, Signer, Warning, Wording,
};
use sundby_core::files;

fn input(partner: &str, design: Design, orientation: Orientation) -> DiplomaInput {
    DiplomaInput {
        partner: partner.into(),
        goals: vec![
            "At Fredericia bliver røgfri".into(),
            "At Fredericia er i bevægelse".into(),
            "Fællesskabets Fredericia".into(),
            "Et bæredygtigt Fredericia".into(),
        ],
        programme: "Sund By mikro-partnerskaber".into(),
        municipality: "Fredericia Kommune".into(),
        place: "Fredericia".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default(),
        wording: Wording::default(),
        design,
        orientation,
        colour: Rgb::DEFAULT,
        logo: Some(ImageBytes::new(logo_png())),
        signers: vec![
            Signer {
                name: "Steen Wrist Ebbesen".into(),
                title: "Formand for Sundhedsudvalget".into(),
                signature: Some(ImageBytes::new(signature_png(1.0))),
            },
            Signer {
                name: "Jacob Bjerregaard".into(),
                title: "Borgmester".into(),
                signature: Some(ImageBytes::new(signature_png(2.5))),
            },
        ],
    }
}

fn write_pdf(dir: &Path, name: &str, inputs: &[DiplomaInput]) -> (PathBuf, Vec<Warning>) {
    let r = diploma::render_pdf(inputs, "Diplomer").expect("render");
    assert_eq!(r.pages, inputs.len());
    let (stem, _) = files::name::split_ext(name);
    let path = files::write::save_new(
        dir,
        stem,
        &[files::Part {
            ext: "pdf",
            bytes: &r.pdf,
        }],
    )
    .expect("save")
    .remove(0);
    (path, r.warnings)
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap_or_default()
}

#[test]
fn names_come_back_exactly_from_pdftotext_in_every_design() {
    let dir = tempfile::tempdir().expect("tmp");
    for design in Design::ALL {
        for orientation in [Orientation::Landscape, Orientation::Portrait] {
            let inputs: Vec<_> = NAMES
                .iter()
                .map(|n| input(n, design, orientation))
                .collect();
            let (path, warnings) = write_pdf(dir.path(), "names.pdf", &inputs);
            assert!(warnings.is_empty(), "{warnings:?}");
            for (i, name) in NAMES.iter().enumerate() {
                let page = (i + 1).to_string();
                let (ok, text) =
                    tools::run("pdftotext", &["-f", &page, "-l", &page, p(&path), "-"]);
                assert!(ok, "{text}");
                let lines: Vec<&str> = text.lines().map(str::trim).collect();
                assert!(
                    lines.contains(name),
                    "{design:?} {orientation:?}: {name:?} not a line of page {page}:\n{text}"
                );
                for expected in [
                    "DIPLOM",
                    "Sund By mikro-partnerskaber",
                    "At Fredericia bliver røgfri",
                    "Fællesskabets Fredericia",
                    "Fredericia, 22. november 2026",
                    "Steen Wrist Ebbesen",
                    "Formand for Sundhedsudvalget",
                    "Borgmester",
                ] {
                    assert!(
                        text.contains(expected),
                        "{design:?}: {expected:?} missing from:\n{text}"
                    );
                }
            }
        }
    }
}

#[test]
fn fonts_are_embedded_subset_and_unicode_mapped() {
    let dir = tempfile::tempdir().expect("tmp");
    let inputs: Vec<_> = Design::ALL
        .iter()
        .map(|d| input("Ærø Åben Skole & Fællesskab", *d, Orientation::Landscape))
        .collect();
    let (path, _) = write_pdf(dir.path(), "fonts.pdf", &inputs);
    let (ok, out) = tools::run("pdffonts", &[p(&path)]);
    assert!(ok, "{out}");
    let rows: Vec<&str> = out
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(rows.len() >= 4, "expected both designs' faces:\n{out}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type encoding emb sub uni object ID
        let n = cols.len();
        assert!(n >= 7, "{row}");
        assert_eq!(
            &cols[n - 5..n - 2],
            &["yes", "yes", "yes"],
            "emb/sub/uni: {row}"
        );
        assert!(cols[0].contains('+'), "subset tag in name: {row}");
    }
}

#[test]
fn qpdf_finds_no_errors_and_pdfinfo_gives_pages_and_a4() {
    let dir = tempfile::tempdir().expect("tmp");
    for orientation in [Orientation::Landscape, Orientation::Portrait] {
        let inputs: Vec<_> = (0..5)
            .map(|i| input(NAMES[i % NAMES.len()], Design::ALL[i % 2], orientation))
            .collect();
        let (path, _) = write_pdf(dir.path(), "five.pdf", &inputs);
        let (ok, out) = tools::run("qpdf", &["--check", p(&path)]);
        assert!(ok, "qpdf --check failed:\n{out}");
        assert!(out.contains("No syntax or stream encoding errors"), "{out}");
        let (ok, info) = tools::run("pdfinfo", &[p(&path)]);
        assert!(ok, "{info}");
        assert!(
            info.lines()
                .any(|l| l.starts_with("Pages:") && l.trim_end().ends_with(" 5")),
            "{info}"
        );
        let size = info
            .lines()
            .find(|l| l.starts_with("Page size:"))
            .unwrap_or_default();
        let nums: Vec<f32> = size
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        let (w, h) = match orientation {
            Orientation::Landscape => (841.89, 595.28),
            Orientation::Portrait => (595.28, 841.89),
        };
        assert!(
            nums.len() == 2 && (nums[0] - w).abs() < 0.1 && (nums[1] - h).abs() < 0.1,
            "{size}"
        );
        assert!(size.contains("(A4)"), "{size}");
    }
}

#[test]
fn images_are_embedded_once_for_the_whole_ceremony() {
    let dir = tempfile::tempdir().expect("tmp");
    let inputs: Vec<_> = (0..12)
        .map(|i| {
            input(
                &format!("Partner nummer {i}"),
                Design::Classic,
                Orientation::Landscape,
            )
        })
        .collect();
    let (path, _) = write_pdf(dir.path(), "twelve.pdf", &inputs);
    let (ok, out) = tools::run("pdfimages", &["-list", p(&path)]);
    assert!(ok, "{out}");
    // Every page shows 3 images (logo, 2 signatures) and each row names its
    // object: only 3 distinct image objects (plus their soft masks).
    let rows: Vec<Vec<&str>> = out
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|c| c.get(2) == Some(&"image"))
        .collect();
    let objects: std::collections::BTreeSet<&str> =
        rows.iter().filter_map(|c| c.get(10).copied()).collect();
    let shown = rows.len();
    assert_eq!(shown, 36, "{out}");
    assert_eq!(objects.len(), 3, "{out}");
}

#[test]
fn a_ten_megabyte_photo_signature_is_scaled_down() {
    // A noisy 3000x2200 photo: the PNG alone is several MB.
    let mut seed = 12345u32;
    let photo = image::RgbImage::from_fn(3000, 2200, |_, _| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        image::Rgb([(seed >> 16) as u8, (seed >> 8) as u8, seed as u8])
    });
    let mut jpeg = Vec::new();
    let _ = DynamicImage::ImageRgb8(photo).write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg);
    assert!(jpeg.len() > 3_000_000, "photo is {} bytes", jpeg.len());
    let mut i = input(
        "Børnehaven Evigglad",
        Design::Modern,
        Orientation::Landscape,
    );
    i.signers[0].signature = Some(ImageBytes::new(jpeg.clone()));
    let r = diploma::render_pdf(&[i], "Diplom").expect("render");
    assert!(
        r.pdf.len() < jpeg.len() / 3,
        "PDF {} bytes for a {} byte photo",
        r.pdf.len(),
        jpeg.len()
    );
}

#[test]
fn bad_input_gives_clear_messages() {
    use sundby_core::i18n::{Lang, Localize};
    let e = diploma::render_pdf(&[], "x").expect_err("no partners");
    assert!(e.message(Lang::Da).contains("Vælg mindst én partner"));
    let mut i = input("", Design::Classic, Orientation::Landscape);
    let e = diploma::render_pdf(std::slice::from_ref(&i), "x").expect_err("no name");
    assert_eq!(e.field(), Some("partner"));
    i.partner = "Sol og Smil 😀".into();
    i.goals.clear();
    i.signers[1].signature = Some(ImageBytes::new(b"\x89PNG\r\n\x1a\n broken".to_vec()));
    let r = diploma::render_pdf(&[i], "x").expect("renders with warnings");
    let msgs: Vec<String> = r.warnings.iter().map(|w| w.message(Lang::Da)).collect();
    assert!(
        msgs.iter()
            .any(|m| m.contains("😀") && m.contains("U+1F600")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter().any(|m| m.contains("ingen målsætninger")),
        "{msgs:?}"
    );
    assert!(msgs.iter().any(|m| m.contains("Underskrift 2")), "{msgs:?}");
}

/// Renders one page per design and orientation to PNG for looking at
/// (`DIPLOMA_PNG_DIR=docs cargo test --test diplomas -- render_pngs`).
#[test]
fn render_pngs() {
    let Some(out) = std::env::var_os("DIPLOMA_PNG_DIR") else {
        return;
    };
    let out = PathBuf::from(out);
    let dir = tempfile::tempdir().expect("tmp");
    for design in Design::ALL {
        for orientation in [Orientation::Landscape, Orientation::Portrait] {
            let name = if orientation == Orientation::Landscape {
                "Ærø Åben Skole & Fællesskab"
            } else {
                "Foreningen for Bevægelse og Trivsel blandt Ældre i Fredericia Midtby"
            };
            let page = input(name, design, orientation);
            let (path, _) = write_pdf(dir.path(), "page.pdf", std::slice::from_ref(&page));
            let stem = out.join(format!("diploma-{}-{}", design.key(), orientation.key()));
            // The preview of the same page, to compare with the print.
            let (svg, _) = diploma::render_svg(&page).expect("svg");
            std::fs::write(stem.with_extension("svg"), svg).expect("write svg");
            let (ok, msg) = tools::run(
                "pdftoppm",
                &["-png", "-r", "72", "-singlefile", p(&path), p(&stem)],
            );
            assert!(ok, "{msg}");
        }
    }
}
