//! XLSX export of a year's applications for the finance department: one row
//! per (not deleted) application with amounts as numbers in kroner with a
//! kroner number format and dates as real spreadsheet dates, plus a sheet
//! with the year's pool, granted, paid and remaining.
//!
//! Amounts are converted from øre to kroner only here, at the edge, because a
//! spreadsheet cell holds a floating-point number; every sum is made in øre in
//! the core first.

use super::*;
use crate::files::{self, DocKind, Target};
use crate::{dates, labels, money};
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};
use std::path::PathBuf;

/// The number format of kroner cells ("5.000,00 kr." in a Danish Excel).
pub const KRONER_FORMAT: &str = "#,##0.00\\ \"kr.\"";
/// The date format of date cells.
pub const DATE_FORMAT: &str = "dd-mm-yyyy";

/// The columns of the applications sheet, in order (Danish, English).
pub const COLUMNS: [(&str, &str); 17] = [
    ("Modtaget", "Received"),
    ("Partner", "Partner"),
    ("Aktørtype", "Partner type"),
    ("Formål", "Purpose"),
    ("Planlagt dato", "Planned date"),
    ("Forventet antal deltagere", "Expected reach"),
    ("Ansøgt beløb", "Amount requested"),
    ("Status", "Status"),
    ("Afgørelsesdato", "Decision date"),
    ("Bevilget beløb", "Amount granted"),
    ("Begrundelse", "Reason"),
    ("Udbetalingsdato", "Payment date"),
    ("Udbetalt beløb", "Amount paid"),
    ("Faktisk antal deltagere", "Actual reach"),
    ("Afrapporteret", "Reported"),
    ("Korrektioner", "Adjustments"),
    ("Ansøgnings-id", "Application id"),
];

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportResult {
    pub path: PathBuf,
    pub rows: usize,
}

fn kroner(ore: i64) -> f64 {
    // Exact for every amount the app accepts (well below 2^53 øre).
    ore as f64 / 100.0
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(d.year()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    // Month and day always fit in u8.
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}

struct Formats {
    header: Format,
    kroner: Format,
    date: Format,
    text: Format,
    bold_kroner: Format,
}

fn formats() -> Formats {
    Formats {
        header: Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top),
        kroner: Format::new().set_num_format(KRONER_FORMAT),
        date: Format::new().set_num_format(DATE_FORMAT),
        text: Format::new().set_align(FormatAlign::Top),
        bold_kroner: Format::new().set_bold().set_num_format(KRONER_FORMAT),
    }
}

fn opt_date(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    d: Option<NaiveDate>,
    f: &Format,
) -> Result<(), XlsxError> {
    if let Some(d) = d {
        ws.write_datetime_with_format(row, col, excel_date(d)?, f)?;
    }
    Ok(())
}

fn opt_number(ws: &mut Worksheet, row: u32, col: u16, n: Option<i64>) -> Result<(), XlsxError> {
    if let Some(n) = n {
        ws.write_number(row, col, n as f64)?;
    }
    Ok(())
}

/// The workbook of `year` as bytes.
pub fn workbook_bytes(
    conn: &Connection,
    year: i32,
    lang: Lang,
) -> Result<(Vec<u8>, usize), GrantError> {
    let apps = applications(conn, year, &ApplicationFilter::default())?;
    let overview = overview(conn, year, lang)?;
    let mut wb = Workbook::new();
    let fm = formats();
    let pick = |(da, en): (&'static str, &'static str)| if lang == Lang::Da { da } else { en };

    let ws = wb.add_worksheet();
    ws.set_name(match lang {
        Lang::Da => format!("Ansøgninger {year}"),
        Lang::En => format!("Applications {year}"),
    })?;
    for (col, name) in COLUMNS.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, pick(*name), &fm.header)?;
    }
    for (i, a) in apps.iter().enumerate() {
        let row = i as u32 + 1;
        let adjustments = adjustments(conn, &a.id)?;
        ws.write_datetime_with_format(row, 0, excel_date(a.received_on)?, &fm.date)?;
        ws.write_string_with_format(row, 1, &a.partner_name, &fm.text)?;
        ws.write_string(row, 2, labels::kind_code(&a.partner_kind, lang))?;
        ws.write_string_with_format(row, 3, &a.purpose, &fm.text)?;
        opt_date(ws, row, 4, a.planned_on, &fm.date)?;
        opt_number(ws, row, 5, a.expected_reach)?;
        ws.write_number_with_format(row, 6, kroner(a.requested_ore), &fm.kroner)?;
        ws.write_string(row, 7, a.status.label(lang))?;
        opt_date(ws, row, 8, a.decided_on, &fm.date)?;
        if let Some(g) = a.granted_ore {
            ws.write_number_with_format(row, 9, kroner(g), &fm.kroner)?;
        }
        ws.write_string_with_format(row, 10, &a.decision_reason, &fm.text)?;
        opt_date(ws, row, 11, a.paid_on, &fm.date)?;
        if a.status.is_paid() {
            ws.write_number_with_format(row, 12, kroner(a.granted_ore.unwrap_or(0)), &fm.kroner)?;
        }
        opt_number(ws, row, 13, a.actual_reach)?;
        opt_date(ws, row, 14, a.reported_on, &fm.date)?;
        if !adjustments.is_empty() {
            let text = adjustments
                .iter()
                .map(|adj| {
                    format!(
                        "{}: {} → {} ({})",
                        dates::short(adj.adjusted_on),
                        money::format_ore(adj.amount_before_ore),
                        money::format_ore(adj.amount_after_ore),
                        adj.reason
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            ws.write_string(row, 15, text)?;
        }
        ws.write_string(row, 16, &a.id)?;
    }
    // Totals in øre, summed exactly in the core.
    let total_row = apps.len() as u32 + 1;
    ws.write_string_with_format(total_row, 0, pick(("I alt", "Total")), &fm.header)?;
    let requested: i64 = apps.iter().map(|a| a.requested_ore).sum();
    ws.write_number_with_format(total_row, 6, kroner(requested), &fm.bold_kroner)?;
    ws.write_number_with_format(total_row, 9, kroner(overview.granted_ore), &fm.bold_kroner)?;
    ws.write_number_with_format(total_row, 12, kroner(overview.paid_ore), &fm.bold_kroner)?;
    for (col, width) in [
        (0, 11.0),
        (1, 28.0),
        (2, 13.0),
        (3, 36.0),
        (4, 11.0),
        (5, 12.0),
        (6, 14.0),
        (7, 16.0),
        (8, 11.0),
        (9, 14.0),
        (10, 30.0),
        (11, 11.0),
        (12, 14.0),
        (13, 12.0),
        (14, 11.0),
        (15, 40.0),
        (16, 38.0),
    ] {
        ws.set_column_width(col, width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    if !apps.is_empty() {
        ws.autofilter(0, 0, apps.len() as u32, COLUMNS.len() as u16 - 1)?;
    }
    ws.set_landscape();

    let sum = wb.add_worksheet();
    sum.set_name(match lang {
        Lang::Da => "Oversigt",
        Lang::En => "Overview",
    })?;
    sum.set_column_width(0, 28.0)?;
    sum.set_column_width(1, 16.0)?;
    sum.write_string_with_format(
        0,
        0,
        match lang {
            Lang::Da => format!("Puljen {year}"),
            Lang::En => format!("Grant pool {year}"),
        },
        &fm.header,
    )?;
    let lines: [((&str, &str), i64); 5] = [
        (("Pulje", "Pool"), overview.total_ore),
        (("Bevilget", "Granted"), overview.granted_ore),
        (("Udbetalt", "Paid"), overview.paid_ore),
        (("Tilbage", "Remaining"), overview.remaining_ore),
        (
            ("Afventer afgørelse", "Awaiting decision"),
            overview.pending_ore,
        ),
    ];
    for (i, (label, ore)) in lines.into_iter().enumerate() {
        let row = i as u32 + 1;
        sum.write_string(row, 0, pick(label))?;
        sum.write_number_with_format(row, 1, kroner(ore), &fm.kroner)?;
    }
    let rows = apps.len();
    Ok((wb.save_to_buffer()?, rows))
}

/// Saves the workbook of `year` at `target` (the pool's folder under
/// [`file_name`], never replacing an earlier export, or where the
/// consultant chose).
pub fn save_year(
    conn: &Connection,
    year: i32,
    lang: Lang,
    target: &Target,
) -> Result<ExportResult, GrantError> {
    let (bytes, rows) = workbook_bytes(conn, year, lang)?;
    let path = files::save(
        conn,
        DocKind::GrantPool,
        target,
        &file_name(year, lang),
        &bytes,
    )?;
    Ok(ExportResult { path, rows })
}

/// The file name of a year's export: `puljen-2026.xlsx`.
pub fn file_name(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("puljen-{year}.xlsx"),
        Lang::En => format!("grant-pool-{year}.xlsx"),
    }
}
