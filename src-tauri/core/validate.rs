//! Field validation shared by every domain module: one error type that names
//! the field and the limit, rendered in the user's language.

use crate::dates;
use crate::i18n::{field_label, Lang, Localize};
use chrono::NaiveDate;

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong { max: usize },
    ControlCharacters,
    InvalidDate,
    EndBeforeStart,
    InvalidEmail,
    InvalidPhone,
    InvalidChoice,
    NotAnImage,
    ImageTooLarge { max_mb: usize },
    ImageDimensions { max_px: u32 },
    DuplicateInList,
    // ── events (issue 5) ──
    NotAWholeNumber,
    Negative,
    TooLarge { max: i64 },
    InvalidTime,
    TimeSkipped,
}

/// A field that failed validation. `field` is a stable key (`programme_name`)
/// that the UI uses to place the message and `i18n` uses to name it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {problem:?}")]
pub struct ValidationError {
    pub field: &'static str,
    pub problem: Problem,
}

impl ValidationError {
    pub fn new(field: &'static str, problem: Problem) -> Self {
        Self { field, problem }
    }
}

impl Localize for ValidationError {
    fn code(&self) -> &'static str {
        match self.problem {
            Problem::Required => "validation.required",
            Problem::TooLong { .. } => "validation.too_long",
            Problem::ControlCharacters => "validation.control_characters",
            Problem::InvalidDate => "validation.invalid_date",
            Problem::EndBeforeStart => "validation.end_before_start",
            Problem::InvalidEmail => "validation.invalid_email",
            Problem::InvalidPhone => "validation.invalid_phone",
            Problem::InvalidChoice => "validation.invalid_choice",
            Problem::NotAnImage => "validation.not_an_image",
            Problem::ImageTooLarge { .. } => "validation.image_too_large",
            Problem::ImageDimensions { .. } => "validation.image_dimensions",
            Problem::DuplicateInList => "validation.duplicate",
            Problem::NotAWholeNumber => "validation.not_a_whole_number",
            Problem::Negative => "validation.negative",
            Problem::TooLarge { .. } => "validation.too_large",
            Problem::InvalidTime => "validation.invalid_time",
            Problem::TimeSkipped => "validation.time_skipped",
        }
    }

    fn field(&self) -> Option<&'static str> {
        Some(self.field)
    }

    fn message(&self, lang: Lang) -> String {
        let label = field_label(self.field, lang);
        match lang {
            Lang::Da => match &self.problem {
                Problem::Required => format!("{label} skal udfyldes"),
                Problem::TooLong { max } => format!("{label} må højst være {max} tegn"),
                Problem::ControlCharacters => {
                    format!("{label} indeholder usynlige styretegn; fjern dem og prøv igen")
                }
                Problem::InvalidDate => format!("{label} er ikke en gyldig dato (dd.mm.åååå)"),
                Problem::EndBeforeStart => format!("{label} må ikke ligge før starten"),
                Problem::InvalidEmail => {
                    format!("{label} er ikke gyldig (forventet fx navn@eksempel.dk)")
                }
                Problem::InvalidPhone => {
                    format!("{label} er ikke et gyldigt dansk nummer (8 cifre, evt. med +45)")
                }
                Problem::InvalidChoice => format!("{label} har en ukendt værdi"),
                Problem::NotAnImage => format!("{label} skal være et PNG- eller JPEG-billede"),
                Problem::ImageTooLarge { max_mb } => {
                    format!("{label} må højst fylde {max_mb} MB")
                }
                Problem::ImageDimensions { max_px } => format!(
                    "{label} har urimelige mål; bredde og højde skal være mellem 1 og {max_px} punkter"
                ),
                Problem::DuplicateInList => format!("{label} findes allerede"),
                Problem::NotAWholeNumber => format!("{label} skal være et helt tal"),
                Problem::Negative => format!("{label} må ikke være negativt"),
                Problem::TooLarge { max } => format!("{label} må højst være {max}"),
                Problem::InvalidTime => {
                    format!("{label} er ikke et gyldigt klokkeslæt (tt:mm, fx 16:00)")
                }
                Problem::TimeSkipped => format!(
                    "{label} findes ikke den dag: uret springer fra 02:00 til 03:00, når sommertiden begynder"
                ),
            },
            Lang::En => match &self.problem {
                Problem::Required => format!("{label} is required"),
                Problem::TooLong { max } => {
                    format!("{label} must be at most {max} characters")
                }
                Problem::ControlCharacters => {
                    format!("{label} contains invisible control characters; remove them and try again")
                }
                Problem::InvalidDate => format!("{label} is not a valid date"),
                Problem::EndBeforeStart => format!("{label} must not be before the start"),
                Problem::InvalidEmail => {
                    format!("{label} is not valid (expected e.g. name@example.dk)")
                }
                Problem::InvalidPhone => format!(
                    "{label} is not a valid Danish number (8 digits, optionally with +45)"
                ),
                Problem::InvalidChoice => format!("{label} has an unknown value"),
                Problem::NotAnImage => format!("{label} must be a PNG or JPEG image"),
                Problem::ImageTooLarge { max_mb } => {
                    format!("{label} must be at most {max_mb} MB")
                }
                Problem::ImageDimensions { max_px } => format!(
                    "{label} has unreasonable dimensions; width and height must be between 1 and {max_px} pixels"
                ),
                Problem::DuplicateInList => format!("{label} already exists"),
                Problem::NotAWholeNumber => format!("{label} must be a whole number"),
                Problem::Negative => format!("{label} must not be negative"),
                Problem::TooLarge { max } => format!("{label} must be at most {max}"),
                Problem::InvalidTime => {
                    format!("{label} is not a valid time (hh:mm, e.g. 16:00)")
                }
                Problem::TimeSkipped => format!(
                    "{label} does not exist that day: clocks jump from 02:00 to 03:00 when summer time starts"
                ),
            },
        }
    }
}

/// Trims `value` and checks it: required or not, at most `max` characters
/// (counted as Unicode scalar values, as a person counts them), and free of
/// control characters. Line breaks are allowed only when `multiline`.
pub fn text(
    field: &'static str,
    value: &str,
    max: usize,
    required: bool,
    multiline: bool,
) -> Result<String, ValidationError> {
    let trimmed = value.trim();
    if required && trimmed.is_empty() {
        return Err(ValidationError::new(field, Problem::Required));
    }
    if trimmed.chars().count() > max {
        return Err(ValidationError::new(field, Problem::TooLong { max }));
    }
    let bad = trimmed
        .chars()
        .any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
    if bad {
        return Err(ValidationError::new(field, Problem::ControlCharacters));
    }
    Ok(trimmed.to_string())
}

/// Parses a date given as ISO (`2026-11-22`) or Danish (`22.11.2026`,
/// `22-11-2026`, `22/11/2026`). Empty gives `None`.
pub fn optional_date(
    field: &'static str,
    value: &str,
) -> Result<Option<NaiveDate>, ValidationError> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    dates::parse(v)
        .map(Some)
        .ok_or(ValidationError::new(field, Problem::InvalidDate))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_trims_and_accepts_danish_letters() {
        assert_eq!(
            text("name", "  Ærø Å  ", 10, true, false),
            Ok("Ærø Å".to_string())
        );
    }

    #[test]
    fn text_counts_characters_not_bytes() {
        let ok = "ø".repeat(200);
        assert!(text("name", &ok, 200, true, false).is_ok());
        let long = "ø".repeat(201);
        assert_eq!(
            text("name", &long, 200, true, false),
            Err(ValidationError::new("name", Problem::TooLong { max: 200 }))
        );
    }

    #[test]
    fn text_requires_when_asked() {
        assert_eq!(
            text("name", "   ", 10, true, false).unwrap_err().problem,
            Problem::Required
        );
        assert_eq!(text("name", "", 10, false, false), Ok(String::new()));
    }

    #[test]
    fn text_refuses_control_characters_but_allows_newlines_in_multiline() {
        assert_eq!(
            text("notes", "a\u{7}b", 10, false, true)
                .unwrap_err()
                .problem,
            Problem::ControlCharacters
        );
        assert!(text("notes", "a\nb", 10, false, true).is_ok());
        assert!(text("name", "a\nb", 10, false, false).is_err());
    }

    #[test]
    fn messages_name_field_and_limit_in_both_languages() {
        let e = ValidationError::new("name", Problem::TooLong { max: 200 });
        assert_eq!(e.message(Lang::Da), "Navnet må højst være 200 tegn");
        assert_eq!(
            e.message(Lang::En),
            "The name must be at most 200 characters"
        );
    }

    #[test]
    fn dates_parse_iso_and_danish() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22);
        assert_eq!(optional_date("period_from", "22.11.2026"), Ok(d));
        assert_eq!(
            optional_date("period_from", "31.02.2026"),
            Err(ValidationError::new("period_from", Problem::InvalidDate))
        );
        assert_eq!(optional_date("period_from", ""), Ok(None));
        assert!(optional_date("period_from", "i morgen").is_err());
    }
}
