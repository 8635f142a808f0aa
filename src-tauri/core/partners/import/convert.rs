//! Turning one row of an import file into a [`PartnerInput`]: the cells of
//! the mapped columns, with the lenient reading of kinds, statuses, channels,
//! yes/no and goals (by number or by text) that real spreadsheets need.
//! Values that cannot be read become row problems that quote the value.

use super::mapping::{normalise, ImportField, Mapping};
use crate::i18n::{field_label, Lang};
use crate::partners::{ContactInput, PartnerInput};
use crate::settings::Goal;

/// A value in a cell that could not be understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadValue {
    pub field: ImportField,
    pub value: String,
    /// What would have been understood, for the message.
    pub expected: &'static str,
}

impl BadValue {
    pub fn message(&self, lang: Lang) -> String {
        let label = field_label(self.field.key(), lang);
        match lang {
            Lang::Da => format!(
                "{label} har en ukendt værdi «{}» (forventet: {})",
                self.value,
                expected_da(self.expected)
            ),
            Lang::En => format!(
                "{label} has an unknown value \"{}\" (expected: {})",
                self.value,
                expected_en(self.expected)
            ),
        }
    }
}

fn expected_da(key: &str) -> &'static str {
    match key {
        "kind" => "kommunal, virksomhed, forening, borger eller institution",
        "status" => "interesseret, aktiv, i dvale eller afsluttet",
        "channel" => "SoMe, arrangement, direkte henvendelse, gatekeeper, lokalavis eller andet",
        "bool" => "ja eller nej",
        _ => "en målsætnings nummer eller tekst fra programmets liste",
    }
}

fn expected_en(key: &str) -> &'static str {
    match key {
        "kind" => "kommunal, virksomhed, forening, borger or institution",
        "status" => "interesseret, aktiv, i dvale or afsluttet",
        "channel" => "SoMe, arrangement, direct contact, gatekeeper, local paper or other",
        "bool" => "yes or no",
        _ => "a goal's number or text from the programme's list",
    }
}

fn kind(v: &str) -> Option<&'static str> {
    Some(match normalise(v).as_str() {
        "kommunal"
        | "kommune"
        | "kommunalenhed"
        | "kommunalinstitution"
        | "municipal"
        | "municipality"
        | "municipalunit"
        | "kommunalenhedafdeling" => "kommunal",
        "virksomhed" | "firma" | "erhverv" | "company" | "business" | "virksomheder" => {
            "virksomhed"
        }
        "forening" | "foreninger" | "frivilligforening" | "klub" | "association" | "club"
        | "ngo" => "forening",
        "borger" | "privatperson" | "borgerprivatperson" | "privat" | "frivillig" | "citizen"
        | "person" | "privateperson" | "volunteer" => "borger",
        "institution"
        | "selvejendeinstitution"
        | "privatinstitution"
        | "institutionprivat"
        | "institutionselvejende"
        | "institutionprivatselvejende" => "institution",
        _ => return None,
    })
}

fn status(v: &str) -> Option<&'static str> {
    Some(match normalise(v).as_str() {
        "interesseret" | "interested" | "lead" | "potentiel" | "ny" | "new" => "interesseret",
        "aktiv" | "active" | "igang" => "aktiv",
        "idvale" | "dvale" | "ivalve" | "dormant" | "inaktiv" | "inactive" | "pause"
        | "sovende" => "i_dvale",
        "afsluttet" | "ophørt" | "stoppet" | "udmeldt" | "ended" | "closed" | "finished"
        | "stopped" => "afsluttet",
        _ => return None,
    })
}

fn channel(v: &str) -> Option<&'static str> {
    Some(match normalise(v).as_str() {
        "some" | "socialemedier" | "sociale" | "facebook" | "instagram" | "linkedin"
        | "socialmedia" => "some",
        "arrangement" | "event" | "messe" | "netværksmøde" | "fair" => "arrangement",
        "direkte" | "direktehenvendelse" | "henvendelse" | "direct" | "directcontact" => "direkte",
        "gatekeeper" | "nøgleperson" => "gatekeeper",
        "lokalavis" | "avis" | "lokalavisen" | "presse" | "localpaper" | "localnewspaper"
        | "newspaper" => "lokalavis",
        "andet" | "andre" | "other" => "andet",
        _ => return None,
    })
}

fn yes_no(v: &str) -> Option<bool> {
    match normalise(v).as_str() {
        "" | "nej" | "n" | "no" | "false" | "falsk" | "0" | "ikke" => Some(false),
        "ja" | "j" | "yes" | "y" | "true" | "sand" | "1" | "x" | "ok" => Some(true),
        _ => None,
    }
}

/// Resolves a goals cell to goal ids: separated by `;`, line breaks, `|` or
/// commas, each a number in the programme's list ("1", "Mål 3", "3.") or a
/// goal's text (case, spacing and punctuation ignored). Unknown parts are
/// returned as the second value.
pub fn goals(cell: &str, all: &[Goal]) -> (Vec<String>, Vec<String>) {
    let mut ids = Vec::new();
    let mut unknown = Vec::new();
    let by_text = |t: &str| {
        let key = normalise(t);
        all.iter().find(|g| normalise(&g.title) == key)
    };
    let by_number = |t: &str| {
        let digits: String = normalise(t)
            .trim_start_matches("målsætning")
            .trim_start_matches("mål")
            .trim_start_matches("goal")
            .to_string();
        digits
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| all.get(i))
    };
    // A goal's text may contain a comma: split on commas only inside parts
    // that are not a goal by themselves.
    for part in cell.split([';', '\n', '\r', '|']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        if let Some(g) = by_text(part).or_else(|| by_number(part)) {
            ids.push(g.id.clone());
            continue;
        }
        for piece in part.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match by_text(piece).or_else(|| by_number(piece)).or_else(|| {
                // "1. At Fredericia bliver røgfri": the number decides.
                piece.split_once(['.', ' ']).and_then(|(n, _)| by_number(n))
            }) {
                Some(g) => ids.push(g.id.clone()),
                None => unknown.push(piece.to_string()),
            }
        }
    }
    ids.dedup();
    (ids, unknown)
}

/// The cell of `field` in `cells`, trimmed, or "" when not mapped.
fn cell<'a>(cells: &'a [String], mapping: &Mapping, field: ImportField) -> &'a str {
    mapping
        .iter()
        .position(|m| *m == Some(field))
        .and_then(|i| cells.get(i))
        .map(|s| s.trim())
        .unwrap_or("")
}

/// Builds the input for one row. Values that cannot be read are left out of
/// the input and reported.
///
/// Decisions: the status date of an imported partner is its join date (else
/// today); a row with an email, phone or role but no contact person gets one
/// contact named after the partner (for a private person that is exactly
/// right; for an organisation it is its general address).
pub fn row_input(
    cells: &[String],
    mapping: &Mapping,
    all_goals: &[Goal],
) -> (PartnerInput, Vec<BadValue>) {
    use ImportField as F;
    let get = |f| cell(cells, mapping, f);
    let mut bad = Vec::new();
    let mut pick =
        |f: ImportField, expected: &'static str, read: fn(&str) -> Option<&'static str>| {
            let v = get(f);
            if v.is_empty() {
                return String::new();
            }
            match read(v) {
                Some(code) => code.to_string(),
                None => {
                    bad.push(BadValue {
                        field: f,
                        value: v.to_string(),
                        expected,
                    });
                    String::new()
                }
            }
        };
    let kind = pick(F::Kind, "kind", kind);
    let status = pick(F::Status, "status", status);
    let recruitment_channel = pick(F::RecruitmentChannel, "channel", channel);
    let mut flag = |f: ImportField| match yes_no(get(f)) {
        Some(b) => b,
        None => {
            bad.push(BadValue {
                field: f,
                value: get(f).to_string(),
                expected: "bool",
            });
            false
        }
    };
    let consent_public = flag(F::ConsentPublic);
    let consent_email = flag(F::ConsentEmail);
    let some_commitment = flag(F::SomeCommitment);
    let (goal_ids, unknown) = goals(get(F::Goals), all_goals);
    for u in unknown {
        bad.push(BadValue {
            field: F::Goals,
            value: u,
            expected: "goal",
        });
    }
    let name = get(F::Name).to_string();
    let mut contacts = Vec::new();
    let (c_name, c_role, c_email, c_phone) = (
        get(F::ContactName),
        get(F::ContactRole),
        get(F::Email),
        get(F::Phone),
    );
    if !(c_name.is_empty() && c_role.is_empty() && c_email.is_empty() && c_phone.is_empty()) {
        contacts.push(ContactInput {
            id: String::new(),
            name: if c_name.is_empty() {
                name.clone()
            } else {
                c_name.to_string()
            },
            role: c_role.to_string(),
            email: c_email.to_string(),
            phone: c_phone.to_string(),
            is_primary: true,
        });
    }
    let joined_on = get(F::JoinedOn).to_string();
    let input = PartnerInput {
        name,
        kind,
        status,
        status_changed_on: joined_on.clone(),
        joined_on,
        goals: goal_ids,
        initiative: get(F::Initiative).to_string(),
        target_group: get(F::TargetGroup).to_string(),
        arena: get(F::Arena).to_string(),
        address: get(F::Address).to_string(),
        website: get(F::Website).to_string(),
        recruitment_channel,
        recruited_by: get(F::RecruitedBy).to_string(),
        recruitment_notes: get(F::RecruitmentNotes).to_string(),
        consent_public,
        consent_public_on: String::new(),
        consent_email,
        consent_email_on: String::new(),
        some_commitment,
        notes: get(F::Notes).to_string(),
        contacts,
    };
    (input, bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goal_list() -> Vec<Goal> {
        [
            "At Fredericia bliver røgfri",
            "At Fredericia er i bevægelse",
            "Fredericia – en by i sund udvikling",
            "Sundhed, trivsel og fællesskab",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Goal {
            id: format!("g{}", i + 1),
            position: i as i64 + 1,
            title: t.to_string(),
            retired: false,
        })
        .collect()
    }

    #[test]
    fn goals_by_number_and_by_text() {
        let all = goal_list();
        assert_eq!(goals("1, 3", &all).0, ["g1", "g3"]);
        assert_eq!(goals("1;2", &all).0, ["g1", "g2"]);
        assert_eq!(goals("Mål 2", &all).0, ["g2"]);
        assert_eq!(
            goals(
                "at fredericia bliver RØGFRI; Fredericia - en by i sund udvikling",
                &all
            )
            .0,
            ["g1", "g3"]
        );
        // A goal whose text has a comma survives comma splitting.
        assert_eq!(goals("Sundhed, trivsel og fællesskab", &all).0, ["g4"]);
        assert_eq!(
            goals("1. At Fredericia bliver røgfri, 2", &all).0,
            ["g1", "g2"]
        );
        let (ids, unknown) = goals("2, 9, flere grøntsager", &all);
        assert_eq!(ids, ["g2"]);
        assert_eq!(unknown, ["9", "flere grøntsager"]);
    }

    #[test]
    fn kinds_statuses_and_flags_in_danish_and_english() {
        assert_eq!(kind("Forening"), Some("forening"));
        assert_eq!(kind("Borger (privatperson)"), Some("borger"));
        assert_eq!(kind("Company"), Some("virksomhed"));
        assert_eq!(kind("Institution (privat/selvejende)"), Some("institution"));
        assert_eq!(kind("Kommunal enhed"), Some("kommunal"));
        assert_eq!(kind("rumvæsen"), None);
        assert_eq!(status("I dvale"), Some("i_dvale"));
        assert_eq!(status("Active"), Some("aktiv"));
        assert_eq!(channel("Direkte henvendelse"), Some("direkte"));
        assert_eq!(yes_no("Ja"), Some(true));
        assert_eq!(yes_no(""), Some(false));
        assert_eq!(yes_no("måske"), None);
    }

    #[test]
    fn every_label_the_core_prints_is_read_back() {
        use crate::labels;
        use crate::partners::{Kind, Status};
        for lang in [Lang::Da, Lang::En] {
            for k in Kind::ALL {
                assert_eq!(kind(labels::kind(*k, lang)), Some(k.as_str()), "{k}");
            }
            for s in Status::ALL {
                assert_eq!(status(labels::status(*s, lang)), Some(s.as_str()), "{s}");
            }
        }
    }

    #[test]
    fn a_row_becomes_an_input_with_its_contact() {
        let mapping: Mapping = vec![
            Some(ImportField::Name),
            Some(ImportField::Kind),
            Some(ImportField::Email),
            Some(ImportField::Goals),
            None,
        ];
        let cells: Vec<String> = ["  Løbeklubben Ø ", "Forening", "a@b.dk", "1, 7", "x"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let (input, bad) = row_input(&cells, &mapping, &goal_list());
        assert_eq!(input.name, "Løbeklubben Ø");
        assert_eq!(input.kind, "forening");
        assert_eq!(input.goals, ["g1"]);
        assert_eq!(input.contacts.len(), 1);
        assert_eq!(input.contacts[0].name, "Løbeklubben Ø");
        assert_eq!(input.contacts[0].email, "a@b.dk");
        assert_eq!(bad.len(), 1);
        assert_eq!(
            bad[0].message(Lang::Da),
            "Målsætningerne har en ukendt værdi «7» (forventet: en målsætnings nummer eller tekst fra programmets liste)"
        );
    }
}
