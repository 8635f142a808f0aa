//! The demo's programme settings: a Fredericia-like municipality and
//! programme, its period, the logo and two signatories with signature
//! images drawn for the demo (clearly fictional names).

use super::{images, Result};
use crate::dates;
use crate::settings::{self, ProgrammeInput, SignatoryInput};
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

/// The demo's two signatories: (name, title). Made up.
pub const SIGNATORIES: [(&str, &str); 2] = [
    ("Anne-Mette Eksempelsen", "Borgmester (demo)"),
    ("Jakob Prøvesen", "Formand for Sundhedsudvalget (demo)"),
];

/// Saves the programme, the logo and the signatories with their signatures.
pub fn fill(conn: &mut Connection, today: NaiveDate) -> Result<()> {
    let start = NaiveDate::from_ymd_opt(today.year() - 2, 1, 1).unwrap_or(today);
    let end = NaiveDate::from_ymd_opt(today.year() + 1, 12, 31).unwrap_or(today);
    settings::save_programme(
        conn,
        &ProgrammeInput {
            municipality: "Fredericia Kommune (demo)".into(),
            name: "Sund By Partnerskab Fredericia".into(),
            period_from: dates::iso(start),
            period_to: dates::iso(end),
        },
    )?;
    settings::set_logo(conn, &images::logo())?;
    for (i, (name, title)) in SIGNATORIES.iter().enumerate() {
        let slot = i as u8 + 1;
        settings::save_signatory(
            conn,
            &SignatoryInput {
                slot,
                name: (*name).into(),
                title: (*title).into(),
            },
        )?;
        settings::set_signature(conn, slot, &images::signature(u32::from(slot)))?;
    }
    Ok(())
}
