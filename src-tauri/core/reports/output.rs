//! Saving the reports' documents through [`crate::files`] (the "Rapporter"
//! folder, never overwriting): the status report as PDF, the figures as XLSX, the case as .docx and
//! as plain text, and the highlights the consultant writes for the status
//! report (kept until changed).

use super::{case, document, figures, xlsx, Period, ReportError, Result};
use crate::dates;
use crate::files::{self, DocKind, Target};
use crate::i18n::Lang;
use crate::store::now;
use crate::validate;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use std::path::PathBuf;

/// Most highlights in a report, and the longest one.
pub const MAX_HIGHLIGHTS: usize = 20;
pub const MAX_HIGHLIGHT: usize = 2_000;

/// The file stem of a period's report: `Status 2026-01-01 til 2026-12-31`.
pub fn stem(period: Period, lang: Lang) -> String {
    let (word, to) = match lang {
        Lang::Da => ("Status", "til"),
        Lang::En => ("Status", "to"),
    };
    format!(
        "{word} {} {to} {}",
        dates::iso(period.from),
        dates::iso(period.to)
    )
}

/// Saves the figures of `period` as XLSX.
pub fn save_xlsx(
    conn: &Connection,
    period: Period,
    lang: Lang,
    target: &Target,
) -> Result<PathBuf> {
    let f = figures::figures(conn, period, lang)?;
    let bytes = xlsx::workbook_bytes(&f, lang)?;
    let name = format!("{}.xlsx", stem(period, lang));
    Ok(files::save(conn, DocKind::Reports, target, &name, &bytes)?)
}

/// Saves the status report of `period` as PDF (with the highlights).
pub fn save_pdf(
    conn: &Connection,
    period: Period,
    lang: Lang,
    today: NaiveDate,
    target: &Target,
) -> Result<PathBuf> {
    let f = figures::figures(conn, period, lang)?;
    let bytes = document::pdf_bytes(conn, &f, &highlights(conn)?, lang, today)?;
    let name = format!("{}.pdf", stem(period, lang));
    Ok(files::save(conn, DocKind::Reports, target, &name, &bytes)?)
}

/// The case's file name (without extension).
pub fn case_stem(c: &case::Case) -> String {
    let title = c.value("title");
    if title.trim().is_empty() {
        "Case".into()
    } else {
        format!("Case {title}")
    }
}

/// Saves the case as .docx.
pub fn save_case_docx(conn: &Connection, today: NaiveDate, target: &Target) -> Result<PathBuf> {
    let c = case::case(conn, today)?;
    let bytes = case::docx_bytes(&c)?;
    let name = format!("{}.docx", case_stem(&c));
    Ok(files::save(conn, DocKind::Reports, target, &name, &bytes)?)
}

/// Saves the case as plain text (UTF-8) for the case bank's web form.
pub fn save_case_text(conn: &Connection, today: NaiveDate, target: &Target) -> Result<PathBuf> {
    let c = case::case(conn, today)?;
    let name = format!("{}.txt", case_stem(&c));
    Ok(files::save(
        conn,
        DocKind::Reports,
        target,
        &name,
        case::plain_text(&c).as_bytes(),
    )?)
}

/// The highlights for the status report.
pub fn highlights(conn: &Connection) -> Result<Vec<String>> {
    let json: Option<String> = conn
        .query_row(
            "SELECT items FROM report_highlights WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(json
        .and_then(|j| serde_json::from_str(&j).ok())
        .unwrap_or_default())
}

/// Saves the highlights (empty lines dropped).
pub fn save_highlights(conn: &Connection, items: &[String]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for item in items {
        let v = validate::text("report_highlights", item, MAX_HIGHLIGHT, false, true)?;
        if !v.is_empty() {
            out.push(v);
        }
    }
    if out.len() > MAX_HIGHLIGHTS {
        return Err(validate::ValidationError::new(
            "report_highlights",
            validate::Problem::TooLarge {
                max: MAX_HIGHLIGHTS as i64,
            },
        )
        .into());
    }
    let json = serde_json::to_string(&out).map_err(|e| ReportError::Document(e.to_string()))?;
    conn.execute(
        "INSERT INTO report_highlights (id, items, updated_at) VALUES (1, ?1, ?2)
         ON CONFLICT(id) DO UPDATE SET items = ?1, updated_at = ?2",
        params![json, now()],
    )?;
    Ok(out)
}
