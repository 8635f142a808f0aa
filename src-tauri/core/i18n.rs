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
        "backup_days" => "Antal daglige sikkerhedskopier",
        "backup_weeks" => "Antal ugentlige sikkerhedskopier",
        "backup_months" => "Antal månedlige sikkerhedskopier",
        "backup_folder" => "Den anden mappe til sikkerhedskopier",
        "retention_months" => "Antal måneder persondata gemmes efter en partner er afsluttet",
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
        // ── diplomas (issue 4) ──
        "partner" => "Partnerens navn",
        "place" => "Stedet",
        "held_on" => "Datoen for overrækkelsen",
        "diploma_title" => "Diplomets titel",
        "diploma_subtitle" => "Diplomets undertitel",
        "diploma_body" => "Diplomets tekst",
        "diploma_footer" => "Diplomets sted og dato",
        "diploma_colour" => "Farven",
        "diploma_design" => "Designet",
        "diploma_orientation" => "Papirretningen",
        "diploma_folder" => "Mappen til diplomer",
        "output_folder" => "Mappen til dokumenter",
        "signatory_slots" => "Underskriverne",
        // ── events (issue 5) ──
        "event_title" => "Titlen",
        "event_kind" => "Typen af arrangement",
        "start_date" => "Startdatoen",
        "start_time" => "Starttidspunktet",
        "end_date" => "Slutdatoen",
        "end_time" => "Sluttidspunktet",
        "event_place" => "Stedet",
        "event_description" => "Beskrivelsen",
        "organisers" => "Arrangøren",
        "booths" => "Antal stande",
        "visitors" => "Antal besøgende",
        "citizens_reached" => "Antal borgere nået",
        "event_notes" => "Noterne",
        "follow_up" => "Opfølgningen",
        "people" => "Antal personer",
        "participant_status" => "Deltagerstatus",
        "participant_note" => "Noten om deltageren",
        "newsletter_from" => "Periodens start",
        "newsletter_to" => "Periodens slutning",
        "story_title" => "Historiens overskrift",
        "story_body" => "Historiens tekst",
        "stories" => "Historierne",
        // --- grants (issue 6) ---
        "grant_year" => "Året",
        "pool_total" => "Puljens beløb",
        "pool_max" => "Maksimum pr. ansøgning",
        "pool_criteria" => "Kriterierne",
        "grant_partner" => "Partneren",
        "grant_received_on" => "Modtagelsesdatoen",
        "grant_purpose" => "Formålet",
        "grant_description" => "Beskrivelsen",
        "grant_planned_on" => "Den planlagte dato",
        "grant_expected_reach" => "Det forventede antal deltagere",
        "amount_requested" => "Det ansøgte beløb",
        "amount_granted" => "Det bevilgede beløb",
        "grant_decided_on" => "Afgørelsesdatoen",
        "grant_decision_reason" => "Begrundelsen",
        "grant_paid_on" => "Udbetalingsdatoen",
        "grant_actual_reach" => "Det faktiske antal deltagere",
        "grant_report_text" => "Rapporten",
        "grant_reported_on" => "Rapportens dato",
        "adjustment_amount" => "Det korrigerede beløb",
        "adjusted_on" => "Korrektionens dato",
        "adjustment_reason" => "Begrundelsen for korrektionen",
        // --- end grants ---
        // ── activities and follow-ups (issue 17) ──
        "activity_kind" => "Typen af aktivitet",
        "activity_text" => "Teksten",
        "activity_on" => "Datoen",
        "activity_author" => "Skrevet af",
        "activity_partner" => "Partneren",
        "follow_up_on" => "Opfølgningens dato",
        "follow_up_text" => "Opfølgningens tekst",
        // --- reports ---
        "report_from" => "Periodens start",
        "report_to" => "Periodens slutning",
        "report_highlights" => "Højdepunkterne",
        "evaluation_written_on" => "Evalueringens dato",
        "evaluation_author" => "Hvem der har skrevet evalueringen",
        "evaluation_purpose_met" => "Er formålet opfyldt?",
        "evaluation_implemented" => "Er indsatsen implementeret som planlagt?",
        "evaluation_evaluated" => "Evalueret",
        "evaluation_effect" => "Virkning",
        "evaluation_attention" => "Opmærksomhedspunkter",
        "evaluation_barriers" => "Barrierer",
        "evaluation_promoting" => "Fremmende tiltag",
        "programme_contact_name" => "Konsulentens navn",
        "programme_contact_title" => "Konsulentens titel",
        "programme_contact_unit" => "Konsulentens enhed",
        "programme_contact_phone" => "Konsulentens telefon",
        "programme_contact_email" => "Konsulentens e-mail",
        "case_field" => "Feltet i casen",
        // --- end reports ---
        // --- awards (issue 11) ---
        "round_name" => "Prisrundens navn",
        "round_intro" => "Introduktionen",
        "nomination_deadline" => "Fristen for indstillinger",
        "celebration_on" => "Datoen for fejringen",
        "celebration_place" => "Stedet for fejringen",
        "scale_min" => "Skalaens laveste point",
        "scale_max" => "Skalaens højeste point",
        "criterion_wording" => "Kriteriets ordlyd",
        "prize_name" => "Prisens navn",
        "prize_description" => "Prisens beskrivelse",
        "member_name" => "Medlemmets navn",
        "member_role" => "Medlemmets rolle",
        "award_partner" => "Partneren",
        "nomination_title" => "Indsatsens titel",
        "nomination_goals" => "Indsatsens mål",
        "nominator_name" => "Navnet på den, der indstiller",
        "criterion_text" => "Teksten til kriteriet",
        "consent_on" => "Datoen for samtykke",
        "received_on" => "Modtagelsesdatoen",
        "late_reason" => "Begrundelsen for at godkende trods fristen",
        "nomination_photo" => "Billedet",
        "nomination_prizes" => "Priserne",
        "award_score" => "Pointene",
        "score_comment" => "Kommentaren",
        "award_votes" => "Antal stemmer",
        "vote_source" => "Afstemningens kilde",
        "vote_closed_on" => "Datoen afstemningen lukkede",
        "vote_file" => "Filen med stemmer",
        "winner_reason" => "Begrundelsen for valget",
        // --- end awards ---
        _ => "Feltet",
    }
}

fn field_label_en(field: &str) -> &'static str {
    match field {
        "backup_days" => "The number of daily backups",
        "backup_weeks" => "The number of weekly backups",
        "backup_months" => "The number of monthly backups",
        "backup_folder" => "The second backup folder",
        "retention_months" => "The number of months personal data is kept after a partner ended",
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
        // ── diplomas (issue 4) ──
        "partner" => "The partner's name",
        "place" => "The place",
        "held_on" => "The ceremony date",
        "diploma_title" => "The diploma title",
        "diploma_subtitle" => "The diploma subtitle",
        "diploma_body" => "The diploma text",
        "diploma_footer" => "The diploma place and date line",
        "diploma_colour" => "The colour",
        "diploma_design" => "The design",
        "diploma_orientation" => "The orientation",
        "diploma_folder" => "The diploma folder",
        "output_folder" => "The documents folder",
        "signatory_slots" => "The signatories",
        // ── events (issue 5) ──
        "event_title" => "The title",
        "event_kind" => "The kind of event",
        "start_date" => "The start date",
        "start_time" => "The start time",
        "end_date" => "The end date",
        "end_time" => "The end time",
        "event_place" => "The place",
        "event_description" => "The description",
        "organisers" => "The organiser",
        "booths" => "The number of booths",
        "visitors" => "The number of visitors",
        "citizens_reached" => "The number of citizens reached",
        "event_notes" => "The notes",
        "follow_up" => "The follow-up",
        "people" => "The number of people",
        "participant_status" => "The participant status",
        "participant_note" => "The note on the participant",
        "newsletter_from" => "The period's start",
        "newsletter_to" => "The period's end",
        "story_title" => "The story's heading",
        "story_body" => "The story's text",
        "stories" => "The stories",
        // --- grants (issue 6) ---
        "grant_year" => "The year",
        "pool_total" => "The pool amount",
        "pool_max" => "The maximum per application",
        "pool_criteria" => "The criteria",
        "grant_partner" => "The partner",
        "grant_received_on" => "The date received",
        "grant_purpose" => "The purpose",
        "grant_description" => "The description",
        "grant_planned_on" => "The planned date",
        "grant_expected_reach" => "The expected reach",
        "amount_requested" => "The amount requested",
        "amount_granted" => "The amount granted",
        "grant_decided_on" => "The decision date",
        "grant_decision_reason" => "The reason",
        "grant_paid_on" => "The payment date",
        "grant_actual_reach" => "The actual reach",
        "grant_report_text" => "The report",
        "grant_reported_on" => "The report date",
        "adjustment_amount" => "The corrected amount",
        "adjusted_on" => "The adjustment date",
        "adjustment_reason" => "The reason for the adjustment",
        // --- end grants ---
        // ── activities and follow-ups (issue 17) ──
        "activity_kind" => "The kind of activity",
        "activity_text" => "The text",
        "activity_on" => "The date",
        "activity_author" => "Written by",
        "activity_partner" => "The partner",
        "follow_up_on" => "The follow-up's date",
        "follow_up_text" => "The follow-up's text",
        // --- reports ---
        "report_from" => "The period's start",
        "report_to" => "The period's end",
        "report_highlights" => "The highlights",
        "evaluation_written_on" => "The evaluation's date",
        "evaluation_author" => "Who wrote the evaluation",
        "evaluation_purpose_met" => "Has the purpose been met?",
        "evaluation_implemented" => "Was it implemented as planned?",
        "evaluation_evaluated" => "Evaluated",
        "evaluation_effect" => "Effect",
        "evaluation_attention" => "Points of attention",
        "evaluation_barriers" => "Barriers",
        "evaluation_promoting" => "What helped",
        "programme_contact_name" => "The consultant's name",
        "programme_contact_title" => "The consultant's title",
        "programme_contact_unit" => "The consultant's unit",
        "programme_contact_phone" => "The consultant's phone",
        "programme_contact_email" => "The consultant's e-mail",
        "case_field" => "The case's field",
        // --- end reports ---
        // --- awards (issue 11) ---
        "round_name" => "The round's name",
        "round_intro" => "The introduction",
        "nomination_deadline" => "The nomination deadline",
        "celebration_on" => "The celebration date",
        "celebration_place" => "The celebration place",
        "scale_min" => "The scale's lowest score",
        "scale_max" => "The scale's highest score",
        "criterion_wording" => "The criterion's wording",
        "prize_name" => "The prize's name",
        "prize_description" => "The prize's description",
        "member_name" => "The member's name",
        "member_role" => "The member's role",
        "award_partner" => "The partner",
        "nomination_title" => "The initiative's title",
        "nomination_goals" => "The initiative's goals",
        "nominator_name" => "The nominator's name",
        "criterion_text" => "The criterion text",
        "consent_on" => "The consent date",
        "received_on" => "The date received",
        "late_reason" => "The reason for accepting after the deadline",
        "nomination_photo" => "The photo",
        "nomination_prizes" => "The prizes",
        "award_score" => "The score",
        "score_comment" => "The comment",
        "award_votes" => "The number of votes",
        "vote_source" => "The vote's source",
        "vote_closed_on" => "The date the vote closed",
        "vote_file" => "The vote file",
        "winner_reason" => "The reason for the choice",
        // --- end awards ---
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
