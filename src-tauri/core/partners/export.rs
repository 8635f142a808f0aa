//! Export of the partner list, as filtered and sorted on screen, to a file
//! the consultant opens in Excel: CSV with semicolons and a UTF-8 BOM (so
//! Danish Excel shows æ, ø and å), or XLSX with a bold frozen header row,
//! column widths, an auto-filter and dates as real dates.
//!
//! The headers are the ones the import recognises, so an exported file can
//! be imported again. Files are saved through [`crate::files`] in the
//! partners' folder (`Dokumenter/Sund By Partner/Partnere`) under a readable
//! name that never overwrites an existing file, or where the consultant chose.

use crate::dates;
use crate::files::{self, DocKind, Target};
use crate::i18n::{Lang, Localize};
use crate::labels;
use crate::partners::{self, Kind, ListQuery, PartnerError, Status};
use crate::settings::SettingsError;
use crate::store::StoreError;
use chrono::NaiveDate;
use rusqlite::Connection;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatBorder, Workbook, XlsxError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Errors of the export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("unknown export format {0}")]
    UnknownFormat(String),
    #[error(transparent)]
    Files(#[from] files::FileError),
    #[error("csv: {0}")]
    Csv(String),
    #[error("xlsx: {0}")]
    Xlsx(#[from] XlsxError),
    #[error(transparent)]
    Partner(#[from] PartnerError),
    #[error(transparent)]
    Settings(#[from] SettingsError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for ExportError {
    fn from(e: rusqlite::Error) -> Self {
        ExportError::Store(StoreError::Sqlite(e))
    }
}

impl Localize for ExportError {
    fn code(&self) -> &'static str {
        match self {
            ExportError::UnknownFormat(_) => "export.unknown_format",
            ExportError::Files(e) => e.code(),
            ExportError::Csv(_) => "export.csv",
            ExportError::Xlsx(_) => "export.xlsx",
            ExportError::Partner(e) => e.code(),
            ExportError::Settings(e) => e.code(),
            ExportError::Store(e) => e.code(),
        }
    }

    fn field(&self) -> Option<&'static str> {
        match self {
            ExportError::Files(e) => e.field(),
            _ => None,
        }
    }

    fn message(&self, lang: Lang) -> String {
        use ExportError as E;
        match (lang, self) {
            (_, E::Partner(e)) => e.message(lang),
            (_, E::Settings(e)) => e.message(lang),
            (_, E::Store(e)) => e.message(lang),
            (_, E::Files(e)) => e.message(lang),
            (Lang::Da, E::UnknownFormat(f)) => {
                format!("Formatet «{f}» kendes ikke; vælg CSV eller XLSX (filnavnet skal ende på .csv eller .xlsx).")
            }
            (Lang::En, E::UnknownFormat(f)) => {
                format!("The format \"{f}\" is unknown; choose CSV or XLSX (the file name must end in .csv or .xlsx).")
            }
            (Lang::Da, E::Csv(e)) => format!("CSV-filen kunne ikke laves: {e}"),
            (Lang::En, E::Csv(e)) => format!("The CSV file could not be made: {e}"),
            (Lang::Da, E::Xlsx(e)) => format!("Regnearket kunne ikke skrives: {e}"),
            (Lang::En, E::Xlsx(e)) => format!("The spreadsheet could not be written: {e}"),
        }
    }
}

pub type Result<T> = std::result::Result<T, ExportError>;

/// The two file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

impl std::str::FromStr for ExportFormat {
    type Err = ExportError;
    fn from_str(s: &str) -> Result<Self> {
        match s.trim().trim_start_matches('.').to_lowercase().as_str() {
            "csv" => Ok(ExportFormat::Csv),
            "xlsx" => Ok(ExportFormat::Xlsx),
            other => Err(ExportError::UnknownFormat(other.to_string())),
        }
    }
}

impl ExportFormat {
    /// The format a file name asks for by its extension.
    pub fn of_path(path: &Path) -> Result<Self> {
        path.extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .parse()
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }
}

/// One partner as exported: one line, the primary contact's details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRow {
    pub name: String,
    pub kind: Kind,
    pub status: Status,
    pub joined_on: Option<NaiveDate>,
    /// Goal texts in the programme's order.
    pub goals: Vec<String>,
    pub initiative: String,
    pub target_group: String,
    pub arena: String,
    pub contact_name: String,
    pub contact_role: String,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub website: String,
    pub recruitment_channel: Option<String>,
    pub recruited_by: String,
    pub recruitment_notes: String,
    pub consent_public: bool,
    pub consent_email: bool,
    pub some_commitment: bool,
    pub notes: String,
}

/// The columns: header in Danish and English, and a width in characters.
const COLUMNS: [(&str, &str, f64); 21] = [
    ("Navn", "Name", 32.0),
    ("Aktørtype", "Type", 13.0),
    ("Status", "Status", 13.0),
    ("Tilmeldt", "Joined", 12.0),
    ("Målsætninger", "Goals", 40.0),
    ("Indsats", "Initiative", 45.0),
    ("Målgruppe", "Target group", 22.0),
    ("Arena", "Arena", 18.0),
    ("Kontaktperson", "Contact person", 24.0),
    ("Rolle", "Role", 18.0),
    ("E-mail", "Email", 28.0),
    ("Telefon", "Phone", 16.0),
    ("Adresse", "Address", 30.0),
    ("Hjemmeside", "Website", 26.0),
    ("Rekrutteringskanal", "Recruitment channel", 20.0),
    ("Rekrutteret af", "Recruited by", 18.0),
    ("Noter om rekruttering", "Recruitment notes", 30.0),
    ("Må nævnes offentligt", "Consent public", 12.0),
    ("Må få e-mail", "Consent email", 12.0),
    ("SoMe-aftale", "Social media commitment", 12.0),
    ("Noter", "Notes", 40.0),
];

fn channel_label(c: &str, lang: Lang) -> &'static str {
    crate::labels::channel(c.parse().unwrap_or(super::Channel::Andet), lang)
}

fn yes_no(b: bool, lang: Lang) -> &'static str {
    match (lang, b) {
        (Lang::Da, true) => "ja",
        (Lang::Da, false) => "nej",
        (Lang::En, true) => "yes",
        (Lang::En, false) => "no",
    }
}

/// The text cells of a row, in column order (dates as ISO, which Excel in
/// every language reads as a date).
fn cells(r: &ExportRow, lang: Lang) -> [String; 21] {
    [
        r.name.clone(),
        // The programme's own Danish words in both languages (the import
        // reads them back).
        labels::kind(r.kind, Lang::Da).into(),
        labels::status(r.status, Lang::Da).into(),
        r.joined_on.map(dates::iso).unwrap_or_default(),
        r.goals.join("; "),
        r.initiative.clone(),
        r.target_group.clone(),
        r.arena.clone(),
        r.contact_name.clone(),
        r.contact_role.clone(),
        r.email.clone(),
        r.phone.clone(),
        r.address.clone(),
        r.website.clone(),
        r.recruitment_channel
            .as_deref()
            .map(|c| channel_label(c, lang).to_string())
            .unwrap_or_default(),
        r.recruited_by.clone(),
        r.recruitment_notes.clone(),
        yes_no(r.consent_public, lang).into(),
        yes_no(r.consent_email, lang).into(),
        yes_no(r.some_commitment, lang).into(),
        r.notes.clone(),
    ]
}

fn header(lang: Lang) -> Vec<&'static str> {
    COLUMNS
        .iter()
        .map(|(da, en, _)| if lang == Lang::Da { *da } else { *en })
        .collect()
}

/// Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first)
/// gets a leading apostrophe in CSV, so it shows as the text it is.
fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// CSV for Danish Excel: UTF-8 with BOM, semicolons, CRLF, every field that
/// needs it quoted (line breaks inside a cell stay inside it).
pub fn to_csv(rows: &[ExportRow], lang: Lang) -> Result<Vec<u8>> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let io = |e: csv::Error| ExportError::Csv(e.to_string());
        w.write_record(header(lang)).map_err(io)?;
        for r in rows {
            w.write_record(cells(r, lang).iter().map(|c| defuse(c)))
                .map_err(io)?;
        }
        w.flush().map_err(|e| ExportError::Csv(e.to_string()))?;
    }
    Ok(out)
}

/// XLSX: a bold, frozen header row with an auto-filter, column widths, dates
/// as real dates shown `dd-mm-åååå`, every other cell as text (never a
/// formula, whatever it starts with).
pub fn to_xlsx(rows: &[ExportRow], lang: Lang) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(if lang == Lang::Da {
        "Partnere"
    } else {
        "Partners"
    })?;
    let head = Format::new()
        .set_bold()
        .set_background_color("#DDEBE3")
        .set_border_bottom(FormatBorder::Thin);
    let date = Format::new().set_num_format("dd-mm-yyyy");
    let wrap = Format::new().set_text_wrap();
    for (col, (title, (_, _, width))) in header(lang).iter().zip(COLUMNS.iter()).enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, *title, &head)?;
        sheet.set_column_width(col, *width)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        let texts = cells(r, lang);
        for (col, text) in texts.iter().enumerate() {
            let col = col as u16;
            if col == 3 {
                if let Some(d) = r.joined_on {
                    let dt = ExcelDateTime::parse_from_str(&dates::iso(d))?;
                    sheet.write_datetime_with_format(row, col, &dt, &date)?;
                }
                continue;
            }
            if text.is_empty() {
                continue;
            }
            if text.contains('\n') {
                sheet.write_string_with_format(row, col, text, &wrap)?;
            } else {
                sheet.write_string(row, col, text)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows.len() as u32, COLUMNS.len() as u16 - 1)?;
    Ok(book.save_to_buffer()?)
}

/// Every partner matching `q` (search, filters, sort; paging ignored), in
/// the list's order, with their primary contact and goal texts.
pub fn rows(conn: &Connection, q: &ListQuery) -> Result<Vec<ExportRow>> {
    // The list decides what and in which order.
    let ids = partners::store::ids(conn, q)?;
    let mut goals: HashMap<String, Vec<String>> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT pg.partner_id, g.title FROM partner_goals pg JOIN goals g ON g.id = pg.goal_id
             ORDER BY g.position",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            goals.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
    }
    let mut by_id: HashMap<String, ExportRow> = HashMap::with_capacity(ids.len());
    {
        let mut stmt = conn.prepare(
            "SELECT p.id, p.name, p.kind, p.status, p.joined_on, p.initiative, p.target_group,
                    p.arena, c.name, c.role, c.email, c.phone, p.address, p.website,
                    p.recruitment_channel, p.recruited_by, p.recruitment_notes,
                    p.consent_public, p.consent_email, p.some_commitment, p.notes
             FROM partners p
             LEFT JOIN contacts c ON c.partner_id = p.id AND c.is_primary = 1",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            let joined: Option<String> = r.get(4)?;
            let row = ExportRow {
                name: r.get(1)?,
                kind: r.get(2)?,
                status: r.get(3)?,
                joined_on: joined.as_deref().and_then(dates::parse_iso),
                goals: goals.remove(&id).unwrap_or_default(),
                initiative: r.get(5)?,
                target_group: r.get(6)?,
                arena: r.get(7)?,
                contact_name: r.get::<_, Option<String>>(8)?.unwrap_or_default(),
                contact_role: r.get::<_, Option<String>>(9)?.unwrap_or_default(),
                email: r.get::<_, Option<String>>(10)?.unwrap_or_default(),
                phone: r.get::<_, Option<String>>(11)?.unwrap_or_default(),
                address: r.get(12)?,
                website: r.get(13)?,
                recruitment_channel: r.get(14)?,
                recruited_by: r.get(15)?,
                recruitment_notes: r.get(16)?,
                consent_public: r.get(17)?,
                consent_email: r.get(18)?,
                some_commitment: r.get(19)?,
                notes: r.get(20)?,
            };
            by_id.entry(id).or_insert(row);
        }
    }
    Ok(ids.into_iter().filter_map(|id| by_id.remove(&id)).collect())
}

/// The file's bytes for `rows` in `format`.
pub fn render(rows: &[ExportRow], format: ExportFormat, lang: Lang) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Csv => to_csv(rows, lang),
        ExportFormat::Xlsx => to_xlsx(rows, lang),
    }
}

/// What an export saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub path: PathBuf,
    pub rows: usize,
}

/// The name an export is saved under: `Partnere 2026-11-24 14.05.xlsx`.
pub fn file_name(format: ExportFormat, lang: Lang, at: chrono::NaiveDateTime) -> String {
    let word = match lang {
        Lang::Da => "Partnere",
        Lang::En => "Partners",
    };
    format!(
        "{word} {}.{}",
        at.format("%Y-%m-%d %H.%M"),
        format.extension()
    )
}

/// Saves the partners matching `q` (in its order) as `format` at `target`:
/// the window's export button (the partners' folder, never overwriting) and
/// the CLI (`--out`) both save through this.
pub fn save(
    conn: &Connection,
    q: &ListQuery,
    format: ExportFormat,
    target: &Target,
    lang: Lang,
) -> Result<Saved> {
    let now = crate::dates::now_local();
    save_at(conn, q, format, target, lang, now)
}

/// As [`save`], naming the file after `at` instead of the clock.
pub fn save_at(
    conn: &Connection,
    q: &ListQuery,
    format: ExportFormat,
    target: &Target,
    lang: Lang,
    at: chrono::NaiveDateTime,
) -> Result<Saved> {
    let rows = rows(conn, q)?;
    let bytes = render(&rows, format, lang)?;
    let name = file_name(format, lang, at);
    let path = files::save(conn, DocKind::Partners, target, &name, &bytes)?;
    Ok(Saved {
        path,
        rows: rows.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str) -> ExportRow {
        ExportRow {
            name: name.into(),
            kind: Kind::Forening,
            status: Status::Aktiv,
            joined_on: NaiveDate::from_ymd_opt(2021, 3, 1),
            goals: vec!["At Fredericia bliver røgfri".into()],
            initiative: "Gåture\nhver tirsdag".into(),
            target_group: String::new(),
            arena: String::new(),
            contact_name: "Søren Ærø".into(),
            contact_role: String::new(),
            email: "s@eks.dk".into(),
            phone: "12 34 56 78".into(),
            address: String::new(),
            website: String::new(),
            recruitment_channel: Some("direkte".into()),
            recruited_by: String::new(),
            recruitment_notes: String::new(),
            consent_public: true,
            consent_email: false,
            some_commitment: false,
            notes: "=1+1".into(),
        }
    }

    #[test]
    fn csv_has_bom_semicolons_crlf_and_quoted_line_breaks() {
        let bytes = to_csv(&[row("Åens Løbeklub")], Lang::Da).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBFNavn;Akt\xC3\xB8rtype;"));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert!(text.contains("\r\nÅens Løbeklub;Forening;Aktiv;2021-03-01;"));
        assert!(text.contains("\"Gåture\nhver tirsdag\""));
        assert!(text.contains(";Direkte henvendelse;"));
        // A formula-looking note is defused.
        assert!(text.contains(";'=1+1\r\n"));
    }

    #[test]
    fn xlsx_is_a_zip_with_a_sheet() {
        let bytes = to_xlsx(&[row("A")], Lang::En).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
    }

    #[test]
    fn names_carry_the_time_and_the_extension() {
        let at = NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(14, 5, 0)
            .unwrap();
        assert_eq!(
            file_name(ExportFormat::Xlsx, Lang::Da, at),
            "Partnere 2026-11-24 14.05.xlsx"
        );
        assert_eq!(
            file_name(ExportFormat::Csv, Lang::En, at),
            "Partners 2026-11-24 14.05.csv"
        );
    }

    #[test]
    fn formats_by_name_and_extension() {
        assert_eq!("xlsx".parse::<ExportFormat>().unwrap(), ExportFormat::Xlsx);
        assert_eq!(
            ExportFormat::of_path(Path::new("/tmp/a.CSV")).unwrap(),
            ExportFormat::Csv
        );
        assert!(ExportFormat::of_path(Path::new("/tmp/a.pdf")).is_err());
    }
}
