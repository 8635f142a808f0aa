//! The names diploma PDFs are saved under ("Diplomer 2026-11-22
//! Rådhuset.pdf", "Diplom Børnehaven Evigglad.pdf"). Saving itself is
//! [`crate::files`], the one way every document is written.

use crate::files::safe_file_name;
use chrono::NaiveDate;

/// The file name for a ceremony's PDF: "Diplomer 2026-11-22 Rådhuset.pdf".
pub fn ceremony_file_name(date: NaiveDate, place: &str) -> String {
    safe_file_name(&format!("Diplomer {} {place}.pdf", date.format("%Y-%m-%d")))
}

/// The file name for one partner's diploma: "Diplom Børnehaven Evigglad.pdf".
pub fn partner_file_name(partner: &str) -> String {
    safe_file_name(&format!("Diplom {partner}.pdf"))
}

/// The file name for an award diploma: "Diplom Årets Frontløber Røde Kors.pdf".
pub fn award_file_name(prize: &str, partner: &str) -> String {
    safe_file_name(&format!("Diplom {prize} {partner}.pdf"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_readable_and_safe() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
        assert_eq!(
            ceremony_file_name(d, "Rådhuset"),
            "Diplomer 2026-11-22 Rådhuset.pdf"
        );
        assert_eq!(ceremony_file_name(d, " "), "Diplomer 2026-11-22.pdf");
        assert_eq!(
            partner_file_name("A/S Ærø: \"Sund\""),
            "Diplom A S Ærø Sund.pdf"
        );
        assert_eq!(partner_file_name(""), "Diplom.pdf");
    }
}
