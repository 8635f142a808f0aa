//! Danish collation for sorting partner names, and the case/accent folding
//! used by search.
//!
//! [`sort_key`] maps a name to a string whose plain byte order (SQLite's
//! `BINARY`, an index on `partners.sort_key`) is the Danish alphabetical
//! order: case-insensitive, a–z, then æ, ø, å. Decisions, as in Danish
//! dictionaries, Windows' and ICU's Danish collation (what the consultants see
//! in Excel):
//! - `aa` sorts as `å` ("Aarhus" after "Øster"); this is a Danish rule for
//!   names and applies anywhere in a word, as in Excel;
//! - `ä` sorts as `æ`, `ö` as `ø`, `ü` as `y`; other accented Latin letters
//!   sort as their base letter (`é` as `e`);
//! - punctuation and symbols are ignored ("“Sund” By" sorts under S); runs of
//!   spaces count as one space, which sorts before every letter, so "Bo Ek"
//!   comes before "Boas";
//! - digits sort before letters.

/// Maps one lowercase character to the characters it sorts as. Digits and
/// a–z map to themselves; æ, ø, å to `{`, `|`, `}` (the three bytes after
/// `z`); accented letters to their base; other letters (Greek, Cyrillic, ...)
/// stay as they are and sort after å. Returns `None` for punctuation.
fn sort_char(c: char) -> Option<char> {
    Some(match c {
        'a'..='z' | '0'..='9' => c,
        'æ' | 'ä' => '{',
        'ø' | 'ö' | 'œ' => '|',
        'å' => '}',
        'ü' | 'ű' => 'y',
        'à' | 'á' | 'â' | 'ã' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ő' => 'o',
        'ù' | 'ú' | 'û' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        'ß' => 's',
        c if c.is_alphanumeric() => c,
        _ => return None,
    })
}

/// The Danish sort key of `name` (see the module documentation).
pub fn sort_key(name: &str) -> String {
    let lower = name.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    let mut chars = lower.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        let mapped = if c == 'a' && chars.peek() == Some(&'a') {
            chars.next();
            Some('}')
        } else {
            sort_char(c)
        };
        if let Some(m) = mapped {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(m);
        }
    }
    out
}

/// Folds text for searching: lowercase, with accents other than æ, ø and å
/// removed ("Café" is found by "cafe"); punctuation kept, so emails stay
/// searchable as typed.
pub fn fold(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| match c {
            'æ' | 'ø' | 'å' => c,
            'ä' => 'æ',
            'ö' => 'ø',
            c if c.is_ascii() => c,
            c => match sort_char(c) {
                Some(m) if m.is_ascii_alphanumeric() => m,
                _ => c,
            },
        })
        .collect()
}

/// Compares two names in Danish order (for sorting outside the database).
pub fn compare(a: &str, b: &str) -> std::cmp::Ordering {
    sort_key(a)
        .cmp(&sort_key(b))
        .then_with(|| a.to_lowercase().cmp(&b.to_lowercase()))
        .then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        v.sort_by(|a, b| compare(a, b));
        v
    }

    #[test]
    fn ae_oe_aa_come_after_z_in_that_order() {
        assert_eq!(
            sorted(&[
                "Åbyhøj IF",
                "Ølstykke",
                "Zumba-klubben",
                "Ærø Sejlklub",
                "Anker"
            ]),
            vec![
                "Anker",
                "Zumba-klubben",
                "Ærø Sejlklub",
                "Ølstykke",
                "Åbyhøj IF"
            ]
        );
    }

    #[test]
    fn case_does_not_matter() {
        assert_eq!(sort_key("SUND BY"), sort_key("sund by"));
        assert_eq!(
            sorted(&["banan", "Æble", "æg", "Bold"]),
            vec!["banan", "Bold", "Æble", "æg"]
        );
        assert_eq!(sort_key("ÆØÅ"), sort_key("æøå"));
    }

    #[test]
    fn double_a_sorts_as_aa_letter() {
        // Aarhus and Aalborg after Ørsted, as in a Danish phone book.
        assert_eq!(
            sorted(&["Aarhus Roklub", "Ørsted Skole", "Abildgaard", "Åkirkeby"]),
            vec!["Abildgaard", "Ørsted Skole", "Åkirkeby", "Aarhus Roklub"]
        );
        assert_eq!(sort_key("Aalborg"), sort_key("Ålborg"));
    }

    #[test]
    fn foreign_letters_and_punctuation() {
        assert_eq!(sort_key("Café Ünik"), "cafe ynik");
        assert_eq!(sort_key("“Sund”  By!"), "sund by");
        // ä and ö are the German spellings of æ and ø.
        assert_eq!(sort_key("Bäk"), sort_key("Bæk"));
        assert_eq!(sort_key("Höj"), sort_key("Høj"));
        // A space sorts before letters; digits before letters.
        assert_eq!(
            sorted(&["Boas", "Bo Ek", "3F Fredericia"]),
            vec!["3F Fredericia", "Bo Ek", "Boas"]
        );
    }

    #[test]
    fn sort_key_byte_order_is_danish_order() {
        // The database compares sort keys bytewise: check that agrees.
        let names = ["Zebra", "Æ", "Ø", "Å", "aa", "Ab", "z"];
        let mut by_key: Vec<&str> = names.to_vec();
        by_key.sort_by_key(|n| sort_key(n).into_bytes());
        assert_eq!(by_key, vec!["Ab", "z", "Zebra", "Æ", "Ø", "Å", "aa"]);
    }

    #[test]
    fn fold_lowercases_and_strips_accents_but_keeps_danish_letters() {
        assert_eq!(fold("Café ÆBLE Ø@X.dk"), "cafe æble ø@x.dk");
        assert_eq!(fold("Jörgen"), "jørgen");
    }
}
