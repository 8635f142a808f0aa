//! Safe file names: the one cleaning every saved document's name goes
//! through, so a partner called `A/S Ærø: "Sund"` or `CON` gives a name that
//! Windows, macOS and Linux (and a FAT USB stick) all accept.

/// Longest stem (the name before the extension) in bytes: well below the
/// 255 bytes every file system allows, with room for " (123)" and the
/// extension.
pub const MAX_STEM_BYTES: usize = 150;

/// The stem used when nothing printable is left of a name.
pub const FALLBACK_STEM: &str = "Dokument";

/// Names Windows reserves for devices, with or without an extension.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// A piece of text made safe to stand inside a file name: the characters
/// Windows forbids (`<>:"/\|?*`) and control characters become spaces, runs
/// of white space become one space, and leading or trailing dots and spaces
/// go. May be empty.
pub fn name_part(s: &str) -> String {
    let spaced: String = s
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let joined = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    trim_ends(&truncate_bytes(&joined, MAX_STEM_BYTES)).to_string()
}

/// A whole file name made safe: the stem through [`name_part`], a Windows
/// device name (`CON`, `lpt1.txt`) prefixed with `_`, an empty stem replaced
/// by [`FALLBACK_STEM`]; the extension (letters and digits after the last
/// dot) is kept.
pub fn safe_file_name(name: &str) -> String {
    let (stem, ext) = split_ext(name);
    let stem = safe_stem(stem);
    match ext {
        Some(ext) => format!("{stem}.{ext}"),
        None => stem,
    }
}

/// The stem of a file name made safe (see [`safe_file_name`]).
pub fn safe_stem(stem: &str) -> String {
    let mut s = name_part(stem);
    if s.is_empty() {
        s = FALLBACK_STEM.to_string();
    }
    if is_reserved(&s) {
        s.insert(0, '_');
    }
    s
}

/// `("Møde", Some("ics"))` for `"Møde.ics"`; `None` when the name has no
/// extension of 1–8 letters or digits.
pub fn split_ext(name: &str) -> (&str, Option<&str>) {
    match name.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty()
                && (1..=8).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            (stem, Some(ext))
        }
        _ => (name, None),
    }
}

/// `stem (n).ext` (n ≥ 2), or `stem.ext` for n = 1.
pub fn numbered(stem: &str, n: u32, ext: &str) -> String {
    match (n, ext.is_empty()) {
        (1, true) => stem.to_string(),
        (1, false) => format!("{stem}.{ext}"),
        (n, true) => format!("{stem} ({n})"),
        (n, false) => format!("{stem} ({n}).{ext}"),
    }
}

fn is_reserved(stem: &str) -> bool {
    // Windows looks at the part before the first dot, without trailing spaces.
    let head = stem.split('.').next().unwrap_or_default().trim_end();
    RESERVED.iter().any(|r| r.eq_ignore_ascii_case(head))
}

fn trim_ends(s: &str) -> &str {
    s.trim_matches(|c: char| c == '.' || c.is_whitespace())
}

fn truncate_bytes(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_become_single_spaces() {
        assert_eq!(
            safe_file_name("Diplom A/S Ærø: \"Sund\".pdf"),
            "Diplom A S Ærø Sund.pdf"
        );
        assert_eq!(name_part("a\\b|c?d*e<f>g\u{7}h\ti"), "a b c d e f g h i");
        assert_eq!(name_part("  ..Møde.. "), "Møde");
    }

    #[test]
    fn trailing_dots_and_spaces_go_and_empty_names_get_a_stem() {
        assert_eq!(safe_file_name("Rapport. .pdf"), "Rapport.pdf");
        assert_eq!(safe_file_name("???.ics"), "Dokument.ics");
        assert_eq!(safe_file_name(""), "Dokument");
        assert_eq!(safe_file_name("Nyhedsbrev v1.2"), "Nyhedsbrev v1.2");
    }

    #[test]
    fn windows_device_names_are_prefixed() {
        assert_eq!(safe_file_name("CON.pdf"), "_CON.pdf");
        assert_eq!(safe_file_name("lpt1.txt"), "_lpt1.txt");
        assert_eq!(safe_file_name("nul .tar.csv"), "_nul .tar.csv");
        assert_eq!(safe_file_name("Console.pdf"), "Console.pdf");
        assert_eq!(safe_file_name("COM10.pdf"), "COM10.pdf");
    }

    #[test]
    fn long_names_are_cut_on_a_character_boundary() {
        let long = "Æ".repeat(200);
        let name = safe_file_name(&format!("{long}.pdf"));
        let (stem, ext) = split_ext(&name);
        assert_eq!(ext, Some("pdf"));
        assert!(stem.len() <= MAX_STEM_BYTES);
        assert_eq!(stem.chars().count(), MAX_STEM_BYTES / 2);
    }

    #[test]
    fn numbers_go_before_the_extension() {
        assert_eq!(numbered("Møde", 1, "ics"), "Møde.ics");
        assert_eq!(numbered("Møde", 2, "ics"), "Møde (2).ics");
        assert_eq!(numbered("Møde", 3, ""), "Møde (3)");
    }
}
