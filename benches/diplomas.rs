//! Benchmark of the diploma renderer (a plain program, not a timed test):
//! a 100-page ceremony PDF with a logo and two signature images, timed,
//! with the file size and the peak memory (VmHWM) printed.
//!
//! Run: `cargo bench --bench diplomas` (release build).

use chrono::NaiveDate;
use image::{DynamicImage, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};
use std::io::Cursor;
use std::time::Instant;
use sundby_core::diploma::{
    self, Design, DiplomaInput, ImageBytes, Orientation, Rgb as Colour, Signer, Wording,
};

fn png(img: DynamicImage) -> Vec<u8> {
    let mut out = Vec::new();
    let _ = img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png);
    out
}

fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

fn main() {
    // A 1200x500 logo and two 900x300 transparent signatures.
    let logo = png(DynamicImage::ImageRgb8(RgbImage::from_fn(
        1200,
        500,
        |x, y| {
            if (x / 40 + y / 40) % 2 == 0 {
                Rgb([31, 95, 74])
            } else {
                Rgb([255, 255, 255])
            }
        },
    )));
    let sig = |seed: u32| {
        png(DynamicImage::ImageRgba8(RgbaImage::from_fn(
            900,
            300,
            move |x, y| {
                let on =
                    ((x as f32 / 30.0 + seed as f32).sin() * 80.0 + 150.0 - y as f32).abs() < 4.0;
                Rgba([10, 20, 60, if on { 255 } else { 0 }])
            },
        )))
    };
    let logo = ImageBytes::new(logo);
    let s1 = ImageBytes::new(sig(1));
    let s2 = ImageBytes::new(sig(2));
    let kinds = [
        "Børnehaven",
        "Idrætsforeningen",
        "Café",
        "Røde Kors",
        "Ældresagen",
        "Skolen ved Åen",
        "Virksomheden",
    ];
    let places = [
        "Evigglad",
        "Fredericia Midtby",
        "Erritsø",
        "Taulov",
        "Ærø Åben Skole & Fællesskab",
        "Hovedstaden",
        "Łódź-venner",
    ];
    let goals: Vec<String> = [
        "At Fredericia bliver røgfri",
        "At Fredericia er i bevægelse",
        "At Fredericia spiser sundt",
        "Fællesskabets Fredericia",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let inputs: Vec<DiplomaInput> = (0..100)
        .map(|i| DiplomaInput {
            partner: format!(
                "{} {} {}",
                kinds[i % kinds.len()],
                places[(i / 7) % places.len()],
                i + 1
            ),
            goals: goals[..1 + i % 4].to_vec(),
            programme: "Sund By mikro-partnerskaber".into(),
            municipality: "Fredericia Kommune".into(),
            place: "Fredericia".into(),
            date: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default(),
            wording: Wording::default(),
            design: if i % 2 == 0 {
                Design::Classic
            } else {
                Design::Modern
            },
            orientation: Orientation::Landscape,
            colour: Colour::DEFAULT,
            logo: Some(logo.clone()),
            signers: vec![
                Signer {
                    name: "Steen Wrist Ebbesen".into(),
                    title: "Formand for Sundhedsudvalget".into(),
                    signature: Some(s1.clone()),
                },
                Signer {
                    name: "Jacob Bjerregaard".into(),
                    title: "Borgmester".into(),
                    signature: Some(s2.clone()),
                },
            ],
        })
        .collect();
    let start = Instant::now();
    let rendered = match diploma::render_pdf(&inputs, "Diplomer") {
        Ok(r) => r,
        Err(e) => {
            eprintln!("render failed: {e}");
            std::process::exit(1);
        }
    };
    let elapsed = start.elapsed();
    let out = std::env::temp_dir().join("sundby-bench-diplomas.pdf");
    let _ = std::fs::write(&out, &rendered.pdf);
    println!(
        "diplomas: {} pages in {:.3} s",
        rendered.pages,
        elapsed.as_secs_f64()
    );
    println!(
        "diplomas: file {:.2} MB ({} bytes) at {}",
        rendered.pdf.len() as f64 / 1_048_576.0,
        rendered.pdf.len(),
        out.display()
    );
    println!(
        "diplomas: peak memory (VmHWM) {:.1} MB",
        peak_kb() as f64 / 1024.0
    );
    println!("diplomas: {} warnings", rendered.warnings.len());
}
