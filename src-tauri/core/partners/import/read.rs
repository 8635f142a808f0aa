//! Reading an import file into a table of text cells: CSV in any of the
//! dialects [`super::super::dialect`] recognises, or a spreadsheet (XLSX, and
//! what else calamine reads) whose first non-empty sheet is used. The first
//! non-empty row is the header. Row numbers are the ones the consultant sees
//! in Excel (the header is row 1 in a CSV; the sheet's own row in XLSX).

use super::ImportError;
use crate::partners::dialect::{self, TextEncoding};
use calamine::{Data, Reader};
use serde::Serialize;
use std::io::Cursor;

/// The largest file we read.
pub const MAX_FILE_MB: usize = 50;
/// The same in bytes.
pub const MAX_FILE_BYTES: usize = MAX_FILE_MB * 1024 * 1024;

/// The kind of file that was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileFormat {
    /// `csv` or `xlsx` (also for other spreadsheets calamine reads).
    pub kind: &'static str,
    /// CSV only: the encoding found.
    pub encoding: Option<TextEncoding>,
    /// CSV only: the delimiter found, as text (`;`, `,`, `\t`).
    pub delimiter: Option<String>,
    /// A short description to show ("CSV, Windows-1252, semikolon ;").
    pub description: String,
}

/// One data row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The row number as the consultant sees it in Excel.
    pub number: usize,
    pub cells: Vec<String>,
    /// Set when the row has more (non-empty) or fewer cells than the header.
    pub width: Option<usize>,
}

/// A file read into text cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub format: FileFormat,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

/// Reads `bytes` as CSV or spreadsheet: the content decides, not the file
/// name (Danish Excel users rename files freely).
pub fn read(bytes: &[u8]) -> Result<Table, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            max_mb: MAX_FILE_MB,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) || bytes == b"\xEF\xBB\xBF" {
        return Err(ImportError::EmptyFile);
    }
    if is_spreadsheet(bytes) {
        return read_spreadsheet(bytes);
    }
    if dialect::looks_binary(bytes) {
        return Err(ImportError::NotTabular);
    }
    read_csv(bytes)
}

/// ZIP (XLSX, ODS) or OLE2 (old XLS) signatures.
fn is_spreadsheet(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

fn read_csv(bytes: &[u8]) -> Result<Table, ImportError> {
    let (text, encoding) = dialect::decode(bytes);
    if text.trim().is_empty() {
        return Err(ImportError::EmptyFile);
    }
    let delim = dialect::detect_delimiter(&text);
    if let Some(open) = dialect::unclosed_quote(&text, delim) {
        return Err(ImportError::UnclosedQuote {
            row: open.row,
            column: open.column,
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut number = 0;
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Csv {
            row: e.position().map(|p| p.record() as usize + 1).unwrap_or(0),
        })?;
        number += 1;
        let cells: Vec<String> = record.iter().map(undefuse).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        match &headers {
            None => headers = Some(cells),
            Some(h) => rows.push(shape(number, cells, h.len())),
        }
    }
    let headers = headers.ok_or(ImportError::EmptyFile)?;
    let delimiter = match delim {
        b'\t' => "\t".to_string(),
        d => (d as char).to_string(),
    };
    Ok(Table {
        format: FileFormat {
            kind: "csv",
            encoding: Some(encoding),
            description: format!(
                "CSV, {}, {}",
                encoding.label(),
                dialect::delimiter_label(delim)
            ),
            delimiter: Some(delimiter),
        },
        headers: headers.into_iter().map(|h| h.trim().to_string()).collect(),
        rows,
    })
}

/// Removes the apostrophe our export (and many others) put before text a
/// spreadsheet would take for a formula: `'+45 12 34 56 78`.
fn undefuse(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_string(),
        _ => cell.to_string(),
    }
}

/// Fits a row to the header's width: empty cells past the header are
/// dropped (Excel leaves them behind), missing cells are filled with empty
/// text, and in both cases the real width is kept so the row can be reported.
fn shape(number: usize, mut cells: Vec<String>, width: usize) -> Row {
    let real = cells.len();
    while cells.len() > width && cells.last().is_some_and(|c| c.trim().is_empty()) {
        cells.pop();
    }
    let odd = cells.len() != width;
    cells.resize(width.max(cells.len()), String::new());
    Row {
        number,
        cells,
        width: odd.then_some(real),
    }
}

fn read_spreadsheet(bytes: &[u8]) -> Result<Table, ImportError> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|_| ImportError::UnreadableSpreadsheet)?;
    let count = book.sheet_names().len();
    for i in 0..count {
        let Some(range) = book.worksheet_range_at(i) else {
            continue;
        };
        let range = range.map_err(|_| ImportError::UnreadableSpreadsheet)?;
        let Some((start_row, _)) = range.start() else {
            continue;
        };
        let mut headers: Option<Vec<String>> = None;
        let mut rows = Vec::new();
        for (i, r) in range.rows().enumerate() {
            let number = start_row as usize + i + 1;
            let cells: Vec<String> = r.iter().map(cell_text).collect();
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            match &headers {
                None => headers = Some(cells),
                Some(h) => rows.push(shape(number, cells, h.len())),
            }
        }
        if let Some(mut headers) = headers {
            // A range is as wide as its widest row: drop empty header cells
            // at the right end unless a row uses that column.
            while headers.last().is_some_and(|h| h.trim().is_empty())
                && rows
                    .iter()
                    .all(|r| r.cells.get(headers.len() - 1).is_none_or(|c| c.is_empty()))
            {
                headers.pop();
            }
            let width = headers.len();
            for row in &mut rows {
                // Text right of the last header would be lost: report it.
                let used = row
                    .cells
                    .iter()
                    .rposition(|c| !c.trim().is_empty())
                    .map_or(0, |i| i + 1);
                row.width = (used > width).then_some(used);
                row.cells.truncate(width);
            }
            return Ok(Table {
                format: FileFormat {
                    kind: "xlsx",
                    encoding: None,
                    delimiter: None,
                    description: "XLSX".into(),
                },
                headers: headers.into_iter().map(|h| h.trim().to_string()).collect(),
                rows,
            });
        }
    }
    Err(ImportError::EmptyFile)
}

/// A spreadsheet cell as text: whole numbers without `.0` (phone numbers),
/// dates as ISO `2024-03-01`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        Data::Bool(true) => "ja".into(),
        Data::Bool(false) => "nej".into(),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{d:02}")
        }
        Data::DateTimeIso(s) => s.split('T').next().unwrap_or_default().to_string(),
        Data::DurationIso(s) => s.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_semicolon_windows_1252_with_crlf() {
        let bytes = b"Navn;Type\r\n\xC6blehaven;Forening\r\nS\xF8ens Bageri;Virksomhed\r\n";
        let t = read(bytes).unwrap();
        assert_eq!(t.headers, ["Navn", "Type"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].cells, ["Æblehaven", "Forening"]);
        assert_eq!(t.rows[1].number, 3);
        assert_eq!(t.format.encoding, Some(TextEncoding::Windows1252));
        assert_eq!(t.format.delimiter.as_deref(), Some(";"));
    }

    #[test]
    fn quoted_line_breaks_stay_in_their_cell_and_rows_count_records() {
        let t = read("\u{feff}Name,Notes\n\"A\",\"line 1\nline 2\"\nB,x\n".as_bytes()).unwrap();
        assert_eq!(t.rows[0].cells[1], "line 1\nline 2");
        assert_eq!(t.rows[1].number, 3);
        assert_eq!(t.format.encoding, Some(TextEncoding::Utf8Bom));
    }

    #[test]
    fn rows_of_the_wrong_width_are_marked() {
        let t = read(b"A;B;C\n1;2;3\n1;2\n1;2;3;4\n1;2;3;;\n").unwrap();
        assert_eq!(t.rows[0].width, None);
        assert_eq!(t.rows[1].width, Some(2));
        assert_eq!(t.rows[1].cells, ["1", "2", ""]);
        assert_eq!(t.rows[2].width, Some(4));
        // Trailing empty cells are what Excel leaves; not a problem.
        assert_eq!(t.rows[3].width, None);
    }

    #[test]
    fn empty_binary_and_oversized_files_are_refused() {
        assert!(matches!(read(b""), Err(ImportError::EmptyFile)));
        assert!(matches!(read(b" \r\n"), Err(ImportError::EmptyFile)));
        assert!(matches!(read(b"\xEF\xBB\xBF"), Err(ImportError::EmptyFile)));
        assert!(matches!(
            read(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
            Err(ImportError::NotTabular)
        ));
        assert!(matches!(
            read(b"PK\x03\x04not really a zip"),
            Err(ImportError::UnreadableSpreadsheet)
        ));
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert!(matches!(
            read(&big),
            Err(ImportError::TooLarge { max_mb: 50 })
        ));
    }

    #[test]
    fn unclosed_quote_is_refused_with_row_and_column() {
        assert!(matches!(
            read(b"Navn;Noter\nA;\"aldrig lukket\nB;x\n"),
            Err(ImportError::UnclosedQuote { row: 2, column: 2 })
        ));
    }

    #[test]
    fn spreadsheet_cells_become_text() {
        assert_eq!(cell_text(&Data::Float(12345678.0)), "12345678");
        assert_eq!(cell_text(&Data::Float(2.5)), "2.5");
        assert_eq!(cell_text(&Data::Int(3)), "3");
        let d = calamine::ExcelDateTime::new(45351.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(d)), "2024-02-29");
    }
}
