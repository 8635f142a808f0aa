//! Languages and the catalogue of messages the Rust core shows to people.
//!
//! The UI keeps its own strings in `ui/i18n/{da,en}.js`; this module holds the
//! ones the core produces (error messages and the labels of the fields they
//! name), one function per language, so that the UI and the CLI say the same.
//! Danish is the default.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "da" => Ok(Lang::Da),
            "en" => Ok(Lang::En),
            _ => Err(()),
        }
    }
}

/// Anything the core can say to a person: errors implement this so that the
/// command boundary and the CLI can render them in the user's language.
pub trait Localize {
    /// A stable, machine-readable code such as `validation.too_long`.
    fn code(&self) -> &'static str;
    /// The field the message concerns, when there is one (for the UI to place
    /// the message next to it).
    fn field(&self) -> Option<&'static str> {
        None
    }
    /// The message in `lang`.
    fn message(&self, lang: Lang) -> String;
}

/// The human label of a field key, used inside messages ("Navnet må højst ...").
pub fn field_label(field: &str, lang: Lang) -> &'static str {
    match lang {
        Lang::Da => field_label_da(field),
        Lang::En => field_label_en(field),
    }
}

fn field_label_da(field: &str) -> &'static str {
    match field {
        "municipality" => "Kommunens navn",
        "programme_name" => "Programmets navn",
        "period_from" => "Periodens start",
        "period_to" => "Periodens slutning",
        "goal_title" => "Målsætningens tekst",
        "goal_order" => "Rækkefølgen af målsætninger",
        "logo" => "Logoet",
        "signatory_name" => "Underskriverens navn",
        "signatory_title" => "Underskriverens titel",
        "signature" => "Underskriften",
        "language" => "Sproget",
        "name" => "Navnet",
        "kind" => "Aktørtypen",
        "status" => "Status",
        "joined_on" => "Tilmeldingsdatoen",
        "goals" => "Målsætningerne",
        "initiative" => "Indsatsen",
        "target_group" => "Målgruppen",
        "arena" => "Arenaen",
        "address" => "Adressen",
        "website" => "Hjemmesiden",
        "recruitment_channel" => "Rekrutteringskanalen",
        "recruited_by" => "Rekrutteret af",
        "recruitment_notes" => "Noter om rekruttering",
        "notes" => "Noterne",
        "contact_name" => "Kontaktpersonens navn",
        "contact_role" => "Kontaktpersonens rolle",
        "email" => "E-mailadressen",
        "phone" => "Telefonnummeret",
        // ── partners (issue 3) ──
        "status_changed_on" => "Datoen for status",
        "consent_public_on" => "Datoen for samtykke til offentlig omtale",
        "consent_email_on" => "Datoen for samtykke til e-mails",
        _ => "Feltet",
    }
}

fn field_label_en(field: &str) -> &'static str {
    match field {
        "municipality" => "The municipality's name",
        "programme_name" => "The programme's name",
        "period_from" => "The period's start",
        "period_to" => "The period's end",
        "goal_title" => "The goal's text",
        "goal_order" => "The order of the goals",
        "logo" => "The logo",
        "signatory_name" => "The signatory's name",
        "signatory_title" => "The signatory's title",
        "signature" => "The signature",
        "language" => "The language",
        "name" => "The name",
        "kind" => "The partner type",
        "status" => "The status",
        "joined_on" => "The date joined",
        "goals" => "The goals",
        "initiative" => "The initiative",
        "target_group" => "The target group",
        "arena" => "The arena",
        "address" => "The address",
        "website" => "The website",
        "recruitment_channel" => "The recruitment channel",
        "recruited_by" => "Recruited by",
        "recruitment_notes" => "The recruitment notes",
        "notes" => "The notes",
        "contact_name" => "The contact's name",
        "contact_role" => "The contact's role",
        "email" => "The email address",
        "phone" => "The phone number",
        // ── partners (issue 3) ──
        "status_changed_on" => "The date of the status",
        "consent_public_on" => "The date of consent to be named publicly",
        "consent_email_on" => "The date of consent to emails",
        _ => "The field",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_round_trips_through_its_code() {
        for lang in [Lang::Da, Lang::En] {
            assert_eq!(lang.code().parse::<Lang>(), Ok(lang));
        }
        assert!("de".parse::<Lang>().is_err());
    }

    #[test]
    fn known_fields_have_labels_in_both_languages() {
        assert_eq!(field_label("programme_name", Lang::Da), "Programmets navn");
        assert_eq!(
            field_label("programme_name", Lang::En),
            "The programme's name"
        );
        assert_eq!(field_label("no-such-field", Lang::Da), "Feltet");
    }
}
