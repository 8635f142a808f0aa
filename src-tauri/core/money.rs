//! Money: amounts are integer øre (`i64`), never floats. This module parses
//! what a person types in the Danish way and formats amounts the Danish way
//! ("5.000,00 kr.").
//!
//! Parsing rules (Danish: "." groups thousands, "," is the decimal mark):
//! - accepted: `5000`, `5.000`, `5.000,00`, `5000,5` (= 5.000,50), `0,50`,
//!   `5 000` (space, no-break space or narrow no-break space as the thousands
//!   separator), each optionally followed by `kr.`, `kr` or `DKK`;
//! - thousands grouping must be exact: the first group has 1–3 digits and no
//!   leading zero, every later group exactly three digits, one kind of
//!   separator throughout;
//! - refused as *ambiguous*, because an English reader would mean something
//!   else: `5.00` and `5.0` (a "." not followed by exactly three digits),
//!   `5,000` (three digits after the comma: English thousands), `5,000.00` and
//!   anything with both a "." after a "," or more than one ",";
//! - refused: a minus sign (`-`, `−`) or a plus sign, more than two (other
//!   than three) decimals, an empty decimal part (`5000,`), no digit before the
//!   comma (`,50`), any other character, and amounts above [`MAX_ORE`].

use crate::i18n::{field_label, Lang, Localize};
use serde::Serialize;

/// Øre in one krone.
pub const ORE_PER_KRONE: i64 = 100;

/// The largest amount the app accepts anywhere: 1.000.000.000,00 kr. Sums of
/// any realistic number of such amounts stay far inside `i64`.
pub const MAX_ORE: i64 = 1_000_000_000 * ORE_PER_KRONE;

/// What is wrong with a typed amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AmountProblem {
    /// Nothing was typed.
    Required,
    /// A minus sign: amounts are never negative.
    Negative,
    /// Could be read two ways (English vs Danish separators).
    Ambiguous { typed: String },
    /// Three or more decimals that are not an English thousands group.
    TooManyDecimals,
    /// Above [`MAX_ORE`].
    TooLarge,
    /// Not an amount at all.
    Invalid,
}

/// An amount that could not be read. `field` names the form field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem:?}")]
pub struct AmountError {
    pub field: &'static str,
    pub problem: AmountProblem,
}

impl AmountError {
    fn new(field: &'static str, problem: AmountProblem) -> Self {
        Self { field, problem }
    }
}

impl Localize for AmountError {
    fn code(&self) -> &'static str {
        match self.problem {
            AmountProblem::Required => "amount.required",
            AmountProblem::Negative => "amount.negative",
            AmountProblem::Ambiguous { .. } => "amount.ambiguous",
            AmountProblem::TooManyDecimals => "amount.too_many_decimals",
            AmountProblem::TooLarge => "amount.too_large",
            AmountProblem::Invalid => "amount.invalid",
        }
    }

    fn field(&self) -> Option<&'static str> {
        Some(self.field)
    }

    fn message(&self, lang: Lang) -> String {
        let label = field_label(self.field, lang);
        let max = format_ore(MAX_ORE);
        match (lang, &self.problem) {
            (Lang::Da, AmountProblem::Required) => format!("{label} skal udfyldes"),
            (Lang::En, AmountProblem::Required) => format!("{label} is required"),
            (Lang::Da, AmountProblem::Negative) => {
                format!("{label} kan ikke være negativt")
            }
            (Lang::En, AmountProblem::Negative) => format!("{label} cannot be negative"),
            (Lang::Da, AmountProblem::Ambiguous { typed }) => format!(
                "{label}: »{typed}« kan læses på to måder. Skriv beløbet på dansk: punktum mellem tusinder og komma før ører, fx 5.000,00 eller 5000"
            ),
            (Lang::En, AmountProblem::Ambiguous { typed }) => format!(
                "{label}: \"{typed}\" can be read two ways. Write the amount the Danish way: a point between thousands and a comma before øre, e.g. 5.000,00 or 5000"
            ),
            (Lang::Da, AmountProblem::TooManyDecimals) => {
                format!("{label} må højst have to decimaler (øre)")
            }
            (Lang::En, AmountProblem::TooManyDecimals) => {
                format!("{label} may have at most two decimals (øre)")
            }
            (Lang::Da, AmountProblem::TooLarge) => format!("{label} må højst være {max}"),
            (Lang::En, AmountProblem::TooLarge) => format!("{label} must be at most {max}"),
            (Lang::Da, AmountProblem::Invalid) => {
                format!("{label} er ikke et beløb (skriv fx 5.000,00 eller 5000)")
            }
            (Lang::En, AmountProblem::Invalid) => {
                format!("{label} is not an amount (write e.g. 5.000,00 or 5000)")
            }
        }
    }
}

/// Characters accepted as a thousands separator besides ".".
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// Strips an optional currency suffix (`kr.`, `kr`, `DKK`, any case).
fn strip_currency(s: &str) -> &str {
    for suffix in ["kr.", "kr", "dkk"] {
        let Some(cut) = s.len().checked_sub(suffix.len()) else {
            continue;
        };
        if s.is_char_boundary(cut) && s[cut..].eq_ignore_ascii_case(suffix) {
            return s[..cut].trim_end();
        }
    }
    s
}

/// Parses the integer part with optional exact thousands grouping.
/// Returns `None` when the grouping is wrong.
fn parse_integer_part(s: &str) -> Option<Result<i64, AmountProblem>> {
    if s.is_empty() {
        return None;
    }
    let sep = s.chars().find(|&c| c == '.' || is_space(c));
    let groups: Vec<&str> = match sep {
        None => vec![s],
        Some(sep) => {
            // One kind of separator throughout.
            if s.chars().any(|c| (c == '.' || is_space(c)) && c != sep) {
                return None;
            }
            s.split(sep).collect()
        }
    };
    if groups
        .iter()
        .any(|g| !g.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    if groups.len() > 1 {
        let first = groups[0];
        if first.is_empty() || first.len() > 3 || first.starts_with('0') {
            return None;
        }
        if groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
    }
    let mut value: i64 = 0;
    for c in groups.concat().chars() {
        let d = i64::from(c.to_digit(10)?);
        value = match value.checked_mul(10).and_then(|v| v.checked_add(d)) {
            Some(v) => v,
            None => return Some(Err(AmountProblem::TooLarge)),
        };
    }
    Some(Ok(value))
}

/// Parses an amount typed the Danish way into øre. See the module doc for the
/// exact rules. Zero parses (the callers decide whether zero is allowed).
pub fn parse_ore(field: &'static str, typed: &str) -> Result<i64, AmountError> {
    let err = |p| AmountError::new(field, p);
    let t = typed.trim().trim_matches(is_space);
    if t.is_empty() {
        return Err(err(AmountProblem::Required));
    }
    if t.starts_with('-') || t.starts_with('−') || t.starts_with('\u{2013}') {
        return Err(err(AmountProblem::Negative));
    }
    let t = strip_currency(t).trim();
    if t.is_empty() {
        return Err(err(AmountProblem::Invalid));
    }
    if t.contains('-') || t.contains('−') {
        return Err(err(AmountProblem::Negative));
    }
    if !t
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',' || is_space(c))
    {
        return Err(err(AmountProblem::Invalid));
    }
    let ambiguous = || {
        err(AmountProblem::Ambiguous {
            typed: typed.trim().to_string(),
        })
    };
    let commas = t.matches(',').count();
    if commas > 1 {
        return Err(ambiguous());
    }
    let (int_part, dec_part) = match t.split_once(',') {
        Some((i, d)) => (i, Some(d)),
        None => (t, None),
    };
    if let Some(d) = dec_part {
        if d.contains('.') || d.chars().any(is_space) {
            // "5,000.00": English thousands and decimals.
            return Err(ambiguous());
        }
        if d.is_empty() || int_part.is_empty() {
            return Err(err(AmountProblem::Invalid));
        }
        if d.len() == 3 {
            // "5,000": an English reader means five thousand.
            return Err(ambiguous());
        }
        if d.len() > 2 {
            return Err(err(AmountProblem::TooManyDecimals));
        }
    }
    let kroner = match parse_integer_part(int_part) {
        Some(Ok(v)) => v,
        Some(Err(p)) => return Err(err(p)),
        None => {
            // A "." that does not group thousands exactly ("5.00") reads as
            // an English decimal point.
            if int_part.contains('.') {
                return Err(ambiguous());
            }
            return Err(err(AmountProblem::Invalid));
        }
    };
    let ore_part = match dec_part {
        None => 0,
        Some(d) => {
            let n: i64 = d.parse().map_err(|_| err(AmountProblem::Invalid))?;
            if d.len() == 1 {
                n * 10
            } else {
                n
            }
        }
    };
    let total = kroner
        .checked_mul(ORE_PER_KRONE)
        .and_then(|v| v.checked_add(ore_part))
        .ok_or(err(AmountProblem::TooLarge))?;
    if total > MAX_ORE {
        return Err(err(AmountProblem::TooLarge));
    }
    Ok(total)
}

/// Formats øre as a Danish number without the currency: `5.000,00`,
/// `-1.250,50`.
pub fn format_number(ore: i64) -> String {
    let negative = ore < 0;
    let abs = ore.unsigned_abs();
    let kroner = abs / ORE_PER_KRONE as u64;
    let rest = abs % ORE_PER_KRONE as u64;
    let digits = kroner.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    format!("{}{grouped},{rest:02}", if negative { "-" } else { "" })
}

/// Formats øre the Danish way with the currency: `5.000,00 kr.`.
pub fn format_ore(ore: i64) -> String {
    format!("{} kr.", format_number(ore))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<i64, AmountProblem> {
        parse_ore("amount_requested", s).map_err(|e| e.problem)
    }

    #[test]
    fn accepts_the_forms_the_issue_names() {
        assert_eq!(p("5000"), Ok(500_000));
        assert_eq!(p("5.000"), Ok(500_000));
        assert_eq!(p("5.000,00"), Ok(500_000));
        assert_eq!(p("5000,5"), Ok(500_050));
        assert_eq!(p("5000,50"), Ok(500_050));
        assert_eq!(p("0,5"), Ok(50));
        assert_eq!(p("0"), Ok(0));
        assert_eq!(p("100.000,00"), Ok(10_000_000));
        assert_eq!(p("1.234.567,89"), Ok(123_456_789));
    }

    #[test]
    fn accepts_spaces_and_a_currency_suffix() {
        assert_eq!(p("  5000  "), Ok(500_000));
        assert_eq!(p("5 000"), Ok(500_000));
        assert_eq!(p("5\u{a0}000,25"), Ok(500_025));
        assert_eq!(p("5.000,00 kr."), Ok(500_000));
        assert_eq!(p("5000 kr"), Ok(500_000));
        assert_eq!(p("5000kr."), Ok(500_000));
        assert_eq!(p("5.000 DKK"), Ok(500_000));
        assert_eq!(p("5.000 Kr."), Ok(500_000));
    }

    #[test]
    fn refuses_ambiguous_separators() {
        for s in [
            "5.00",
            "5.0",
            "5,000",
            "5,000.00",
            "1,000,000",
            "5.000.0",
            "0.500",
            "50.00",
            "5.0000",
            "5,00.0",
            "5.000 000",
            "12.34,5",
        ] {
            assert!(
                matches!(p(s), Err(AmountProblem::Ambiguous { .. })),
                "{s} gave {:?}",
                p(s)
            );
        }
    }

    #[test]
    fn refuses_negative_amounts() {
        assert_eq!(p("-5"), Err(AmountProblem::Negative));
        assert_eq!(p("−5,00"), Err(AmountProblem::Negative));
        assert_eq!(p(" -0"), Err(AmountProblem::Negative));
        assert_eq!(p("5-"), Err(AmountProblem::Negative));
    }

    #[test]
    fn refuses_more_than_two_decimals() {
        assert_eq!(p("5,0001"), Err(AmountProblem::TooManyDecimals));
        assert_eq!(p("5000,1234"), Err(AmountProblem::TooManyDecimals));
    }

    #[test]
    fn refuses_rubbish() {
        assert_eq!(p(""), Err(AmountProblem::Required));
        assert_eq!(p("   "), Err(AmountProblem::Required));
        for s in [
            "abc", "5e3", "5000,", ",50", "+5", "kr.", "5 kr 5", "١٢", "5_000", "0x10", "5000,5a",
        ] {
            assert_eq!(p(s), Err(AmountProblem::Invalid), "{s}");
        }
    }

    #[test]
    fn refuses_overflow_and_amounts_above_the_maximum() {
        assert_eq!(p("1.000.000.000,00"), Ok(MAX_ORE));
        assert_eq!(p("1.000.000.000,01"), Err(AmountProblem::TooLarge));
        assert_eq!(
            p("99999999999999999999999999"),
            Err(AmountProblem::TooLarge)
        );
        assert_eq!(p("92233720368547758"), Err(AmountProblem::TooLarge));
    }

    #[test]
    fn formats_the_danish_way() {
        assert_eq!(format_ore(500_000), "5.000,00 kr.");
        assert_eq!(format_ore(10_000_000), "100.000,00 kr.");
        assert_eq!(format_ore(0), "0,00 kr.");
        assert_eq!(format_ore(5), "0,05 kr.");
        assert_eq!(format_ore(123_456_789), "1.234.567,89 kr.");
        assert_eq!(format_ore(-100_050), "-1.000,50 kr.");
        assert_eq!(format_number(99_900), "999,00");
        assert_eq!(format_number(100_000), "1.000,00");
        assert_eq!(format_number(i64::MIN), "-92.233.720.368.547.758,08");
    }

    #[test]
    fn formatting_round_trips_through_parsing() {
        for ore in [0, 1, 99, 100, 99_999, 500_000, 123_456_789, MAX_ORE] {
            assert_eq!(p(&format_ore(ore)), Ok(ore), "{ore}");
            assert_eq!(p(&format_number(ore)), Ok(ore), "{ore}");
        }
    }

    #[test]
    fn messages_name_the_field_and_the_form() {
        let e = parse_ore("amount_requested", "5,000.00").unwrap_err();
        assert_eq!(e.field(), Some("amount_requested"));
        let da = e.message(Lang::Da);
        assert!(da.contains("»5,000.00«"), "{da}");
        assert!(da.contains("5.000,00"), "{da}");
        let e = parse_ore("amount_requested", "-5").unwrap_err();
        assert_eq!(e.code(), "amount.negative");
        assert!(e.message(Lang::En).contains("cannot be negative"));
    }
}
