//! Test data shared by the integration tests: the committed fixture files,
//! partners written straight into the register's table, and small images.
#![allow(dead_code)]

use image::{DynamicImage, ImageFormat, Rgba, RgbaImage};
use rusqlite::Connection;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use sundby_core::grants::{self, ApplicationInput, DecisionInput, Outcome};
use sundby_core::store::{new_id, now};

/// A file under `tests/fixtures/`, whichever crate of the workspace runs
/// the test (the core's manifest is two folders below the root).
pub fn fixture(name: &str) -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .map(|dir| dir.join("tests/fixtures"))
        .find(|dir| dir.is_dir())
        .unwrap_or_else(|| here.join("tests/fixtures"))
        .join(name)
}

/// A partner of `kind` and `status` written straight into the register's
/// table, so a test of another area stands on its own. Returns its id.
pub fn partner(conn: &rusqlite::Connection, name: &str, kind: &str, status: &str) -> String {
    partner_at(conn, name, kind, status, "")
}

/// As [`partner`], with a postal address.
pub fn partner_at(
    conn: &rusqlite::Connection,
    name: &str,
    kind: &str,
    status: &str,
    address: &str,
) -> String {
    let id = new_id();
    conn.execute(
        "INSERT INTO partners (id, name, name_key, sort_key, kind, status, address, joined_on, created_at, updated_at)
         VALUES (?1, ?2, lower(?2), lower(?2), ?3, ?4, ?5, '2026-01-05', ?6, ?6)",
        rusqlite::params![id, name, kind, status, address, now()],
    )
    .unwrap_or_else(|e| panic!("partner {name}: {e}"));
    id
}

/// Partner names with Danish and other European letters, as a diploma must
/// print them.
pub const NAMES: [&str; 4] = [
    "Røde Kors Hovedstaden",
    "Børnehaven Evigglad",
    "Ærø Åben Skole & Fællesskab",
    "Café Zoë Müller-Łukasiewicz & Søn",
];

/// An image encoded as PNG.
pub fn png(img: DynamicImage) -> Vec<u8> {
    let mut out = Vec::new();
    let _ = img.write_to(&mut Cursor::new(&mut out), ImageFormat::Png);
    out
}

/// A simple logo: a green leaf-like disc with a white stripe, transparent
/// around it.
pub fn logo_png() -> Vec<u8> {
    let img = RgbaImage::from_fn(600, 240, |x, y| {
        let (cx, cy) = (120.0, 120.0);
        let d = ((x as f32 - cx).powi(2) + (y as f32 - cy).powi(2)).sqrt();
        if d < 100.0 {
            if (y as f32 - (x as f32) * 0.6 - 30.0).abs() < 7.0 {
                Rgba([255, 255, 255, 255])
            } else {
                Rgba([31, 95, 74, 255])
            }
        } else if x > 250
            && x < 580
            && (y == 100 || y == 140 || (100..140).contains(&y) && x % 60 < 8)
        {
            Rgba([31, 95, 74, 255])
        } else {
            Rgba([0, 0, 0, 0])
        }
    });
    png(DynamicImage::ImageRgba8(img))
}

/// A scribble that looks a little like a handwritten signature.
pub fn signature_png(phase: f32) -> Vec<u8> {
    let mut img = RgbaImage::from_pixel(900, 280, Rgba([0, 0, 0, 0]));
    for i in 0..4000 {
        let t = i as f32 / 4000.0;
        let x = 40.0 + t * 820.0;
        let y = 150.0 + (t * 23.0 + phase).sin() * 70.0 * (1.0 - t * 0.6) + (t * 5.0).cos() * 20.0;
        for dx in -2..=2 {
            for dy in -2..=2 {
                let (px, py) = ((x as i32 + dx) as u32, (y as i32 + dy) as u32);
                if px < 900 && py < 280 {
                    img.put_pixel(px, py, Rgba([20, 30, 80, 255]));
                }
            }
        }
    }
    png(DynamicImage::ImageRgba8(img))
}

// ── events ──

/// A network meeting from `start` to `end` (Danish date, time).
pub fn event(
    title: &str,
    start: (&str, &str),
    end: (&str, &str),
) -> sundby_core::events::EventInput {
    sundby_core::events::EventInput {
        title: title.into(),
        kind: "netvaerksmoede".into(),
        start_date: start.0.into(),
        start_time: start.1.into(),
        end_date: end.0.into(),
        end_time: end.1.into(),
        place: "Rådhuset, Gothersgade 20; mødelokale 1".into(),
        description: "Kaffe, kage\nog netværk".into(),
        by_municipality: true,
        ..Default::default()
    }
}

/// The property `name` of an iCalendar component.
pub fn prop<'a>(props: &'a [ical::property::Property], name: &str) -> &'a ical::property::Property {
    props
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

// ── grants ──

/// A grant application of 2026 by `partner_id`.
pub fn app_input(partner_id: &str, requested: &str, purpose: &str) -> ApplicationInput {
    ApplicationInput {
        year: 2026,
        partner_id: partner_id.into(),
        received_on: "15.01.2026".into(),
        purpose: purpose.into(),
        description: String::new(),
        planned_on: "20.06.2026".into(),
        expected_reach: Some(300),
        requested: requested.into(),
    }
}

pub fn decision(outcome: Outcome, amount: &str, reason: &str) -> DecisionInput {
    DecisionInput {
        outcome,
        amount: amount.into(),
        decided_on: "03.02.2026".into(),
        reason: reason.into(),
    }
}

/// A year with a paid grant, a part grant, a rejection and one waiting.
pub fn year_with_applications(conn: &mut Connection) -> (String, String, String) {
    grants::ensure_pool(conn, 2026).unwrap();
    let a = partner_at(
        conn,
        "Idrætsforeningen Ærø",
        "forening",
        "aktiv",
        "Havnevej 1\n7000 Fredericia",
    );
    let b = partner(conn, "Bageriet Østergade", "virksomhed", "aktiv");
    let paid =
        grants::create_application(conn, &app_input(&a, "5.000", "Familieløb i Madsby Park"))
            .unwrap();
    grants::start_review(conn, &paid.id).unwrap();
    grants::decide(conn, &paid.id, &decision(Outcome::Grant, "5000", "")).unwrap();
    grants::pay(conn, &paid.id, "01.03.2026").unwrap();
    let part =
        grants::create_application(conn, &app_input(&b, "4.000,50", "Sund morgenmad i skolen"))
            .unwrap();
    grants::start_review(conn, &part.id).unwrap();
    grants::decide(
        conn,
        &part.id,
        &decision(Outcome::Grant, "2.500,25", "Kun materialer dækkes"),
    )
    .unwrap();
    let no =
        grants::create_application(conn, &app_input(&b, "1000", "Kage til personalet")).unwrap();
    grants::start_review(conn, &no.id).unwrap();
    grants::decide(
        conn,
        &no.id,
        &decision(Outcome::Reject, "", "Det er en del af den normale drift"),
    )
    .unwrap();
    grants::create_application(conn, &app_input(&a, "750", "Gåtur")).unwrap();
    (paid.id, part.id, no.id)
}
