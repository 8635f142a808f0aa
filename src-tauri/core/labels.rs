//! The words the core prints for a partner's kind and status, one wording
//! per language, used by every document and export (newsletter, grant
//! overview and export, partner export).
//!
//! The kinds follow the programme's documents (aktørtype): a municipal unit,
//! a company, an association, a citizen (private person) and an institution
//! (private or self-governing). "Kommunal" alone is an adjective; the label
//! is the noun "Kommunal enhed" (English "Municipal unit"), which the import
//! also reads back.

use crate::i18n::Lang;
use crate::partners::{Channel, Kind, Status};

/// The label of a partner kind.
pub fn kind(k: Kind, lang: Lang) -> &'static str {
    match (lang, k) {
        (Lang::Da, Kind::Kommunal) => "Kommunal enhed",
        (Lang::Da, Kind::Virksomhed) => "Virksomhed",
        (Lang::Da, Kind::Forening) => "Forening",
        (Lang::Da, Kind::Borger) => "Borger",
        (Lang::Da, Kind::Institution) => "Institution",
        (Lang::En, Kind::Kommunal) => "Municipal unit",
        (Lang::En, Kind::Virksomhed) => "Company",
        (Lang::En, Kind::Forening) => "Association",
        (Lang::En, Kind::Borger) => "Citizen",
        (Lang::En, Kind::Institution) => "Institution",
    }
}

/// The label of a kind stored as text (`kommunal`, ...); text that is no
/// kind is returned as it is.
pub fn kind_code(code: &str, lang: Lang) -> String {
    match code.parse::<Kind>() {
        Ok(k) => kind(k, lang).to_string(),
        Err(()) => code.to_string(),
    }
}

/// The label of a partner status.
pub fn status(s: Status, lang: Lang) -> &'static str {
    match (lang, s) {
        (Lang::Da, Status::Interesseret) => "Interesseret",
        (Lang::Da, Status::Aktiv) => "Aktiv",
        (Lang::Da, Status::IDvale) => "I dvale",
        (Lang::Da, Status::Afsluttet) => "Afsluttet",
        (Lang::En, Status::Interesseret) => "Interested",
        (Lang::En, Status::Aktiv) => "Active",
        (Lang::En, Status::IDvale) => "Dormant",
        (Lang::En, Status::Afsluttet) => "Ended",
    }
}

/// A count of partners of a kind, in lower case as a sentence reads it:
/// "7 foreninger", "1 virksomhed" ("7 associations").
pub fn kind_count(k: Kind, n: i64, lang: Lang) -> String {
    let one = n == 1;
    let word = match (lang, k, one) {
        (Lang::Da, Kind::Kommunal, true) => "kommunal enhed",
        (Lang::Da, Kind::Kommunal, false) => "kommunale enheder",
        (Lang::Da, Kind::Virksomhed, true) => "virksomhed",
        (Lang::Da, Kind::Virksomhed, false) => "virksomheder",
        (Lang::Da, Kind::Forening, true) => "forening",
        (Lang::Da, Kind::Forening, false) => "foreninger",
        (Lang::Da, Kind::Borger, true) => "borger",
        (Lang::Da, Kind::Borger, false) => "borgere",
        (Lang::Da, Kind::Institution, true) => "institution",
        (Lang::Da, Kind::Institution, false) => "institutioner",
        (Lang::En, Kind::Kommunal, true) => "municipal unit",
        (Lang::En, Kind::Kommunal, false) => "municipal units",
        (Lang::En, Kind::Virksomhed, true) => "company",
        (Lang::En, Kind::Virksomhed, false) => "companies",
        (Lang::En, Kind::Forening, true) => "association",
        (Lang::En, Kind::Forening, false) => "associations",
        (Lang::En, Kind::Borger, true) => "citizen",
        (Lang::En, Kind::Borger, false) => "citizens",
        (Lang::En, Kind::Institution, true) => "institution",
        (Lang::En, Kind::Institution, false) => "institutions",
    };
    format!("{n} {word}")
}

/// The label of a recruitment channel.
pub fn channel(c: Channel, lang: Lang) -> &'static str {
    match (lang, c) {
        (_, Channel::SoMe) => "SoMe",
        (_, Channel::Arrangement) => "Arrangement",
        (Lang::Da, Channel::Direkte) => "Direkte henvendelse",
        (Lang::En, Channel::Direkte) => "Direct contact",
        (_, Channel::Gatekeeper) => "Gatekeeper",
        (Lang::Da, Channel::Lokalavis) => "Lokalavis",
        (Lang::En, Channel::Lokalavis) => "Local paper",
        (Lang::Da, Channel::Andet) => "Andet",
        (Lang::En, Channel::Andet) => "Other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_and_status_has_a_distinct_label_in_each_language() {
        for lang in [Lang::Da, Lang::En] {
            let kinds: std::collections::HashSet<_> =
                Kind::ALL.iter().map(|k| kind(*k, lang)).collect();
            assert_eq!(kinds.len(), Kind::ALL.len());
            let statuses: std::collections::HashSet<_> =
                Status::ALL.iter().map(|s| status(*s, lang)).collect();
            assert_eq!(statuses.len(), Status::ALL.len());
        }
        assert_eq!(kind(Kind::Kommunal, Lang::Da), "Kommunal enhed");
        assert_eq!(status(Status::IDvale, Lang::Da), "I dvale");
        assert_eq!(status(Status::IDvale, Lang::En), "Dormant");
    }

    #[test]
    fn stored_kind_text_is_labelled_and_unknown_text_kept() {
        assert_eq!(kind_code("kommunal", Lang::En), "Municipal unit");
        assert_eq!(kind_code("borger", Lang::Da), "Borger");
        assert_eq!(kind_code("rumvæsen", Lang::Da), "rumvæsen");
    }
}
