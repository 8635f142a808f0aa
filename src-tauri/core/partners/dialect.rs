//! CSV dialect and text encoding detection for partner import: which
//! encoding a file is in (UTF-8 with or without BOM, UTF-16 with BOM as Excel's
//! "Unicode text", else Windows-1252 as Danish Excel writes "CSV (semikolon
//! separeret)"), which delimiter it uses (semicolon, comma or tab), and
//! whether every quoted field is closed.
//!
//! Pure functions on bytes and text: no files, no database.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// The text encodings an import file can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16,
    Windows1252,
}

impl TextEncoding {
    /// A short name to show ("UTF-8 med BOM" is the same in both languages).
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Utf16 => "UTF-16",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }
}

/// Decodes the bytes of a text file. UTF-8 is tried first (a BOM is
/// removed); text that is not valid UTF-8 is Windows-1252, which maps every
/// byte, so decoding never fails.
pub fn decode(bytes: &[u8]) -> (String, TextEncoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let (text, _) = UTF_8.decode_without_bom_handling(rest);
        return (text.into_owned(), TextEncoding::Utf8Bom);
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        if enc == UTF_16LE || enc == UTF_16BE {
            let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
            return (text.into_owned(), TextEncoding::Utf16);
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), TextEncoding::Utf8),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            (text.into_owned(), TextEncoding::Windows1252)
        }
    }
}

/// The delimiters we recognise, most likely first for Danish files.
pub const DELIMITERS: [u8; 3] = [b';', b',', b'\t'];

/// A delimiter's name to show.
pub fn delimiter_label(d: u8) -> &'static str {
    match d {
        b';' => "semikolon ;",
        b',' => "komma ,",
        b'\t' => "tabulator",
        _ => "?",
    }
}

/// Splits the first `max_records` records of `text` with `delim`, honouring
/// quotes (a quote opens only at the start of a field, `""` inside quotes is
/// one quote). Returns the number of fields in each record; empty lines are
/// skipped as the csv reader skips them.
fn field_counts(text: &str, delim: char, max_records: usize) -> Vec<usize> {
    let mut counts = Vec::new();
    let mut fields = 1;
    let mut at_field_start = true;
    let mut in_quotes = false;
    let mut line_has_content = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    in_quotes = false;
                }
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                in_quotes = true;
                at_field_start = false;
                line_has_content = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                if line_has_content {
                    counts.push(fields);
                    if counts.len() >= max_records {
                        return counts;
                    }
                }
                fields = 1;
                at_field_start = true;
                line_has_content = false;
            }
            c if c == delim => {
                fields += 1;
                at_field_start = true;
                line_has_content = true;
            }
            _ => {
                at_field_start = false;
                line_has_content = true;
            }
        }
    }
    if line_has_content {
        counts.push(fields);
    }
    counts
}

/// Guesses the delimiter: the one that splits the header into the most
/// columns while most of the following records have the same count. A file
/// with a single column gets semicolon (what Danish Excel writes).
pub fn detect_delimiter(text: &str) -> u8 {
    let mut best = (b';', 0usize, 0usize); // (delimiter, consistent rows, columns)
    for d in DELIMITERS {
        let counts = field_counts(text, d as char, 50);
        let Some(&header) = counts.first() else {
            continue;
        };
        if header < 2 {
            continue;
        }
        let consistent = counts.iter().filter(|&&n| n == header).count();
        // Prefer more consistent rows, then more columns.
        if (consistent, header) > (best.1, best.2) {
            best = (d, consistent, header);
        }
    }
    best.0
}

/// Where a quoted field opened that never closes: 1-based record number and
/// column number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenQuote {
    pub row: usize,
    pub column: usize,
}

/// Finds a quoted field that is still open at the end of the text (the csv
/// reader would silently swallow the rest of the file into it).
pub fn unclosed_quote(text: &str, delim: u8) -> Option<OpenQuote> {
    let delim = delim as char;
    let mut row = 1;
    let mut column = 1;
    let mut at_field_start = true;
    let mut line_has_content = false;
    let mut open: Option<OpenQuote> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if open.is_some() {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    open = None;
                }
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                open = Some(OpenQuote { row, column });
                at_field_start = false;
                line_has_content = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                if line_has_content {
                    row += 1;
                }
                column = 1;
                at_field_start = true;
                line_has_content = false;
            }
            c if c == delim => {
                column += 1;
                at_field_start = true;
                line_has_content = true;
            }
            _ => {
                at_field_start = false;
                line_has_content = true;
            }
        }
    }
    open
}

/// True when the bytes look like a binary file rather than text: NUL bytes
/// (outside UTF-16) or many control characters.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.starts_with(b"\xFF\xFE") || sample.starts_with(b"\xFE\xFF") {
        return false;
    }
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    controls * 20 > sample.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("Navn;By\nÆblehaven;Århus".as_bytes()),
            ("Navn;By\nÆblehaven;Århus".to_string(), TextEncoding::Utf8)
        );
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice("Navn\nØ".as_bytes());
        assert_eq!(decode(&bom), ("Navn\nØ".to_string(), TextEncoding::Utf8Bom));
    }

    #[test]
    fn windows_1252_as_danish_excel_writes_it() {
        // "Æblehaven;Sø" in Windows-1252: Æ = C6, ø = F8.
        let bytes = b"\xC6blehaven;S\xF8;\x80 5";
        assert_eq!(
            decode(bytes),
            ("Æblehaven;Sø;€ 5".to_string(), TextEncoding::Windows1252)
        );
    }

    #[test]
    fn utf16_with_bom_as_excel_unicode_text() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Navn\tÅ".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&bytes), ("Navn\tÅ".to_string(), TextEncoding::Utf16));
        assert!(!looks_binary(&bytes));
    }

    #[test]
    fn delimiter_semicolon_even_with_commas_in_text() {
        let text = "Navn;Indsats;Telefon\r\nLøbeklubben;Løb, gåture og kaffe;12345678\r\nKaffe, kage og motion;Gåture;\r\n";
        assert_eq!(detect_delimiter(text), b';');
    }

    #[test]
    fn delimiter_comma_with_quoted_semicolons() {
        let text = "Name,Initiative,Phone\n\"Run; club\",\"Run; walk\",123\nB,C,D\n";
        assert_eq!(detect_delimiter(text), b',');
    }

    #[test]
    fn delimiter_tab_and_single_column() {
        assert_eq!(detect_delimiter("Navn\tType\nA\tforening\n"), b'\t');
        assert_eq!(detect_delimiter("Navn\nA\nB\n"), b';');
    }

    #[test]
    fn delimiter_ignores_quoted_line_breaks() {
        let text = "Navn,Noter\n\"A\",\"første linje\nanden linje, med komma\"\n\"B\",\"x\"\n";
        assert_eq!(detect_delimiter(text), b',');
    }

    #[test]
    fn unclosed_quote_names_row_and_column() {
        let text = "Navn;Noter\nA;\"fin\"\nB;ok\nC;\"aldrig lukket\nD;x\n";
        assert_eq!(
            unclosed_quote(text, b';'),
            Some(OpenQuote { row: 4, column: 2 })
        );
        assert_eq!(unclosed_quote("A;\"x\"\"y\"\n", b';'), None);
        // A quote inside an unquoted field is text, not an opening quote.
        assert_eq!(unclosed_quote("A;5\" skærm\n", b';'), None);
    }

    #[test]
    fn binary_files_are_recognised() {
        assert!(looks_binary(b"%PDF-1.7\n\x00\x01\x02"));
        assert!(!looks_binary("Navn;By\r\nÆ;Ø\r\n".as_bytes()));
    }
}
