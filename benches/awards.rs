//! Benchmark of the nomination catalogue (a plain program, not a timed
//! test): a round of 50 nominees, each with a 1600×1200 JPEG photo and three
//! criterion texts, rendered to one PDF; the time to read the round and
//! render it is printed beside the target (under 1 s, release build).
//!
//! Run: `cargo bench -p sundby-core --bench awards` (release build).

use image::{DynamicImage, ImageFormat, Rgb, RgbImage};
use rusqlite::params;
use std::io::Cursor;
use std::time::Instant;
use sundby_core::awards::{self, DecidedBy, NominationInput, PrizeInput, RoundInput};
use sundby_core::store::{new_id, now, Store};

fn photo(seed: u32) -> Vec<u8> {
    let img = RgbImage::from_fn(1600, 1200, |x, y| {
        Rgb([
            ((x + seed * 7) % 256) as u8,
            ((y + seed * 13) % 256) as u8,
            120,
        ])
    });
    let mut out = Vec::new();
    let _ = DynamicImage::ImageRgb8(img).write_to(&mut Cursor::new(&mut out), ImageFormat::Jpeg);
    out
}

fn main() {
    let Ok(mut store) = Store::open_in_memory() else {
        eprintln!("no database");
        return;
    };
    let c = &mut store.conn;
    let Ok(round) = awards::create_round(
        c,
        &RoundInput {
            name: "Frontløberprisen (benchmark)".into(),
            ..RoundInput::default()
        },
    ) else {
        return;
    };
    let mut prizes = Vec::new();
    for (name, by) in [
        ("Årets Frontløber", DecidedBy::Committee),
        ("Byens Frontløber", DecidedBy::Vote),
    ] {
        if let Ok(p) = awards::save_prize(
            c,
            &PrizeInput {
                id: None,
                round_id: round.id.clone(),
                name: name.into(),
                decided_by: by,
                description: String::new(),
            },
        ) {
            prizes.push(p.id);
        }
    }
    let text = "Indsatsen har samlet børn, forældre og ældre om bevægelse, mad og fællesskab i kvarteret. ".repeat(8);
    for i in 0..50 {
        let pid = new_id();
        let _ = c.execute(
            "INSERT INTO partners (id, name, name_key, sort_key, kind, status, created_at, updated_at)
             VALUES (?1, ?2, lower(?2), lower(?2), 'forening', 'aktiv', ?3, ?3)",
            params![pid, format!("Forening nr. {i:02} for Ærø og Åbyhøj"), now()],
        );
        let Ok(nid) = awards::nominate(
            c,
            &NominationInput {
                round_id: round.id.clone(),
                partner_id: pid,
                prize_ids: prizes.clone(),
                title: format!("Indsats {i}"),
                goals: "At nå 200 borgere i år.".into(),
                texts: vec![text.clone(), text.clone(), text.clone()],
                consent_catalogue: true,
                consent_vote: true,
                ..NominationInput::default()
            },
        ) else {
            continue;
        };
        let _ = awards::set_photo(c, &nid, &photo(i));
    }
    let start = Instant::now();
    match awards::catalogue::catalogue_pdf(c, &round.id) {
        Ok(pdf) => {
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            println!(
                "awards catalogue: 50 nominees with photos in {ms:.0} ms ({} KB); target < 1000 ms",
                pdf.len() / 1024
            );
            // SUNDBY_BENCH_PDF=path keeps the catalogue to look at.
            if let Some(out) = std::env::var_os("SUNDBY_BENCH_PDF") {
                let _ = std::fs::write(out, &pdf);
            }
        }
        Err(e) => eprintln!("catalogue failed: {e}"),
    }
}
