//! The demo programme: 60 fictional partners across every kind, status and
//! goal, with Danish names (æ, ø, å), contacts, initiatives and join dates
//! over several years, for a new user to try the app. Loading is refused
//! when the register already has partners (also in the bin), so demo data
//! never mixes into real data. Deterministic: the same 60 every time.
//!
//! Every name, email and phone number is made up; emails are at subdomains
//! of `example.dk`.

use super::{Channel, Kind, PartnerError, Result, Status, ValidContact, ValidPartner};
use crate::store::{new_id, now};
use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection};

const KOMMUNAL: &[&str] = &[
    "Sundhedsplejen Fredericia",
    "Madservice Fredericia",
    "Ungdomsskolen Fredericia",
    "Fritidscenter Ærtebjerg",
    "Kulturhuset Bøgeskov",
    "Plejecenter Åparken",
    "Tandplejen Øst",
    "Biblioteket Nørregade",
];
const VIRKSOMHED: &[&str] = &[
    "Bøgh & Søn Bageri ApS",
    "Løvens Fitness A/S",
    "Æblegården Frugtplantage",
    "Café Ørkenrosen",
    "Fredericia Cykelservice",
    "Strand Økologi ApS",
    "Møllers Tømrerfirma",
    "Grøn Kantine ApS",
    "Havnens Fysioterapi",
    "Sønderport Apotek",
    "Kaffebrænderiet ved Åen",
    "Vinkælderens Køkken",
    "Tryghed Revision A/S",
    "Bylivets Boghandel",
    "Skovlys Blomster",
    "Lærkehøj Frisør",
];
const FORENING: &[&str] = &[
    "Fredericia Løbeklub",
    "Svømmeklubben Ægir",
    "Gymnastikforeningen Øster",
    "Fredericia Roklub",
    "Madklubben Fællesbord",
    "Pensionistforeningen Ådalen",
    "Spejderne i Sønderskov",
    "Kvindeløb Fredericia",
    "Seniordans Fredericia",
    "Idrætsforeningen Bøgeskov",
    "Strikkecaféen Hjertegarn",
    "Røgfri Fællesskab",
    "Boldklubben Frem Fredericia",
    "Naturvejlederne ved Lillebælt",
    "Fællesskabshaven Øst",
    "Motionsgolf Fredericia",
];
const BORGER: &[&str] = &[
    "Birgitte Søndergaard",
    "Jørgen Ærenlund",
    "Mette Østergaard",
    "Ali Hassan",
    "Søren Kjær",
    "Ida Ågaard",
    "Lone Bæk",
    "Thomas Grøn",
    "Aase Nørgaard",
    "Kristian Møller",
];
const INSTITUTION: &[&str] = &[
    "Børnehuset Solsikken",
    "Fredericia Gymnasium",
    "Højskolen ved Lillebælt",
    "Privatskolen Ådalen",
    "Lægehuset Vesterbro",
    "Friplejehjemmet Lærkely",
    "Efterskolen Ørnereden",
    "Den selvejende Dagpleje Bøgely",
    "Kirkens Korshær Fredericia",
    "Fredericia Sprogcenter",
];

const FIRST: &[&str] = &[
    "Anne", "Bo", "Camilla", "Dorthe", "Erik", "Frederik", "Gitte", "Hanne", "Jens", "Karen",
    "Lars", "Maja", "Niels", "Pia", "Rasmus", "Signe", "Torben", "Ulla", "Vibeke", "Åse", "Søren",
    "Bjørn", "Line", "Mads",
];
const LAST: &[&str] = &[
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Madsen",
    "Kristensen",
    "Østergaard",
    "Bækgaard",
    "Møller",
    "Lund",
    "Holm",
    "Dahl",
    "Skovgård",
    "Krogh",
];
const ROLES: &[&str] = &[
    "Daglig leder",
    "Formand",
    "Sundhedsansvarlig",
    "Frivillig koordinator",
    "Kasserer",
    "Indehaver",
    "Teamleder",
];

/// (initiative, target group, arena) per goal-ish theme.
const INITIATIVES: &[(&str, &str, &str)] = &[
    (
        "Røgfri udendørsarealer og tilbud om rygestopforløb til ansatte og medlemmer.",
        "Voksne rygere",
        "Arbejdspladsen",
    ),
    (
        "Gratis løbe- og gåture hver tirsdag fra havnen, for alle niveauer.",
        "Borgere, der vil i gang med at bevæge sig",
        "Byrummet",
    ),
    (
        "Sund frokost med grønt fra lokale avlere og madlavning med børn og forældre.",
        "Børnefamilier",
        "Køkkenet og haven",
    ),
    (
        "Snakkecafé og walk-and-talk for ensomme ældre, to gange om ugen.",
        "Ældre, der bor alene",
        "Foreningslokalet",
    ),
    (
        "Fællesspisning og aktiviteter på tværs af generationer i lokalområdet.",
        "Hele lokalsamfundet",
        "Medborgerhuset",
    ),
    (
        "Cykelværksted og byttemarked, der gør det let at vælge cyklen og genbruge.",
        "Unge og studerende",
        "Værkstedet",
    ),
    (
        "Stillezone og pauseøvelser, der forebygger stress i hverdagen.",
        "Ansatte og frivillige",
        "Arbejdspladsen",
    ),
    (
        "Svømmehold for nytilflyttede kvinder med kvindelig instruktør.",
        "Nytilflyttede kvinder",
        "Svømmehallen",
    ),
];

fn slug(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .filter_map(|c| match c {
            'æ' => Some("ae".to_string()),
            'ø' => Some("oe".to_string()),
            'å' => Some("aa".to_string()),
            c if c.is_ascii_alphanumeric() => Some(c.to_string()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .concat()
}

fn phone(i: usize) -> String {
    let n = 20_000_000 + (i * 7_919_311) % 79_999_999;
    let d = n.to_string();
    format!("{} {} {} {}", &d[0..2], &d[2..4], &d[4..6], &d[6..8])
}

/// The 60 demo partners and, for each, its extra status history (earlier
/// statuses with their dates).
fn partners(goal_ids: &[String]) -> Vec<(ValidPartner, Vec<(Status, NaiveDate)>)> {
    let kinds: [(Kind, &[&str]); 5] = [
        (Kind::Kommunal, KOMMUNAL),
        (Kind::Virksomhed, VIRKSOMHED),
        (Kind::Forening, FORENING),
        (Kind::Borger, BORGER),
        (Kind::Institution, INSTITUTION),
    ];
    let base = NaiveDate::from_ymd_opt(2019, 3, 1).unwrap_or_default();
    let today = crate::dates::today();
    let mut out = Vec::new();
    let mut i = 0usize;
    for (kind, names) in kinds {
        for name in names {
            i += 1;
            // Joined over about five and a half years, spread evenly.
            let joined = base + Duration::days(((i * 97) % 2000) as i64);
            let joined = joined.min(today);
            // 2 of 3 active; then interested, dormant, ended.
            let status = match i % 9 {
                0 => Status::Interesseret,
                4 => Status::IDvale,
                7 => Status::Afsluttet,
                _ => Status::Aktiv,
            };
            let mut history = Vec::new();
            let status_on = match status {
                Status::Interesseret => joined,
                Status::Aktiv => {
                    history.push((Status::Interesseret, joined - Duration::days(21)));
                    joined
                }
                Status::IDvale | Status::Afsluttet => {
                    history.push((Status::Interesseret, joined - Duration::days(30)));
                    history.push((Status::Aktiv, joined));
                    (joined + Duration::days(400)).min(today)
                }
            };
            let n_goals = 1 + i % 3;
            let goals: Vec<String> =
                if goal_ids.is_empty() || status == Status::Interesseret && i.is_multiple_of(2) {
                    Vec::new()
                } else {
                    (0..n_goals)
                        .map(|k| goal_ids[(i + k * 3) % goal_ids.len()].clone())
                        .collect::<std::collections::BTreeSet<_>>()
                        .into_iter()
                        .collect()
                };
            let (initiative, target_group, arena) = INITIATIVES[i % INITIATIVES.len()];
            // Whole words of the name, up to about 20 letters.
            let mut short = String::new();
            for w in name
                .split(' ')
                .filter(|w| !matches!(*w, "ApS" | "A/S" | "&"))
            {
                if !short.is_empty() && short.len() + w.len() > 20 {
                    break;
                }
                short.push_str(&slug(w));
            }
            let domain = format!("{short}.example.dk");
            let contacts: Vec<ValidContact> = if kind == Kind::Borger {
                let first = name.split(' ').next().unwrap_or(name);
                vec![ValidContact {
                    id: None,
                    name: name.to_string(),
                    role: String::new(),
                    email: format!("{}@example.dk", slug(first) + &i.to_string()),
                    phone: phone(i),
                    is_primary: true,
                }]
            } else {
                let n = 1 + i % 2 + usize::from(i.is_multiple_of(5));
                (0..n)
                    .map(|k| {
                        let first = FIRST[(i * 5 + k * 7) % FIRST.len()];
                        let last = LAST[(i * 3 + k * 11) % LAST.len()];
                        ValidContact {
                            id: None,
                            name: format!("{first} {last}"),
                            role: ROLES[(i + k) % ROLES.len()].to_string(),
                            email: format!("{}@{domain}", slug(first)),
                            phone: if k == 0 || i.is_multiple_of(3) {
                                phone(i * 10 + k)
                            } else {
                                String::new()
                            },
                            is_primary: k == 0,
                        }
                    })
                    .collect()
            };
            let channel = Channel::ALL[i % Channel::ALL.len()];
            let consent = status != Status::Interesseret && i % 4 != 1;
            out.push((
                ValidPartner {
                    name: name.to_string(),
                    kind,
                    status,
                    status_changed_on: status_on,
                    joined_on: if status == Status::Interesseret {
                        None
                    } else {
                        Some(joined)
                    },
                    goals,
                    initiative: initiative.to_string(),
                    target_group: target_group.to_string(),
                    arena: arena.to_string(),
                    address: if kind == Kind::Borger {
                        String::new()
                    } else {
                        format!(
                            "{} {}, 7000 Fredericia",
                            [
                                "Vestre Ringvej",
                                "Jyllandsgade",
                                "Nørrebrogade",
                                "Østerstrandvej",
                                "Prangervej"
                            ][i % 5],
                            1 + (i * 7) % 120
                        )
                    },
                    website: if kind == Kind::Borger {
                        String::new()
                    } else {
                        format!("https://{domain}")
                    },
                    recruitment_channel: Some(channel),
                    recruited_by: [
                        "Louise (sundhedskonsulent)",
                        "Martin (sundhedskonsulent)",
                        "Netværksmødet",
                    ][i % 3]
                        .to_string(),
                    recruitment_notes: String::new(),
                    consent_public: consent,
                    consent_public_on: consent.then_some(joined),
                    // A few active partners have not given e-mail consent
                    // yet: the Overblik lists them as data to complete.
                    consent_email: status != Status::Afsluttet && i % 13 != 6,
                    consent_email_on: (status != Status::Afsluttet && i % 13 != 6)
                        .then_some(joined),
                    some_commitment: !i.is_multiple_of(3),
                    notes: if i.is_multiple_of(6) {
                        "Vil gerne stille op til messen med en stand.".to_string()
                    } else {
                        String::new()
                    },
                    contacts,
                },
                history,
            ));
        }
    }
    out
}

/// Loads the demo programme in one transaction; returns how many partners
/// were created. Refused when there are partners already.
pub fn load(conn: &mut Connection) -> Result<u32> {
    let n: i64 = conn.query_row("SELECT count(*) FROM partners", [], |r| r.get(0))?;
    if n > 0 {
        return Err(PartnerError::DemoRefused(n));
    }
    let goal_ids: Vec<String> = {
        let mut stmt =
            conn.prepare("SELECT id FROM goals WHERE retired_at IS NULL ORDER BY position")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let all = partners(&goal_ids);
    let tx = crate::store::begin(conn)?;
    let ts = now();
    for (p, history) in &all {
        let id = super::insert_valid_from(&tx, p, None, super::consents::Source::DEMO)?;
        for (status, on) in history {
            tx.execute(
                "INSERT INTO partner_status_history (id, partner_id, status, changed_on, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![new_id(), id, status, crate::dates::iso(*on), ts],
            )?;
        }
    }
    tx.commit()?;
    Ok(all.len() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::partners::{list, ListQuery};
    use crate::store::Store;

    #[test]
    fn sixty_partners_over_every_kind_status_and_goal() {
        let mut s = Store::open_in_memory().unwrap();
        assert_eq!(load(&mut s.conn).unwrap(), 60);
        let c = &s.conn;
        let kinds: i64 = c
            .query_row("SELECT count(DISTINCT kind) FROM partners", [], |r| {
                r.get(0)
            })
            .unwrap();
        let statuses: i64 = c
            .query_row("SELECT count(DISTINCT status) FROM partners", [], |r| {
                r.get(0)
            })
            .unwrap();
        let goals: i64 = c
            .query_row(
                "SELECT count(DISTINCT goal_id) FROM partner_goals",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let years: i64 = c
            .query_row(
                "SELECT count(DISTINCT substr(joined_on, 1, 4)) FROM partners",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let contacts: i64 = c
            .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))
            .unwrap();
        assert_eq!((kinds, statuses, goals), (5, 4, 7));
        assert!(years >= 4, "joined over {years} years");
        assert!(contacts >= 80);
        // Active partners all have goals.
        let bad: i64 = c
            .query_row(
                "SELECT count(*) FROM partners p WHERE status = 'aktiv'
                 AND NOT EXISTS (SELECT 1 FROM partner_goals WHERE partner_id = p.id)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(bad, 0);
        let r = list(c, &ListQuery::default()).unwrap();
        assert_eq!(r.total, 60);
        assert!(r
            .rows
            .iter()
            .any(|p| p.name.contains('Æ') || p.name.contains('æ')));
    }

    #[test]
    fn every_demo_partner_passes_validation() {
        let s = Store::open_in_memory().unwrap();
        let goals: Vec<String> = crate::settings::goals(&s.conn, false)
            .unwrap()
            .into_iter()
            .map(|g| g.id)
            .collect();
        for (p, _) in partners(&goals) {
            let input = crate::partners::PartnerInput {
                name: p.name.clone(),
                kind: p.kind.to_string(),
                status: p.status.to_string(),
                goals: p.goals.clone(),
                initiative: p.initiative.clone(),
                website: p.website.clone(),
                address: p.address.clone(),
                contacts: p
                    .contacts
                    .iter()
                    .map(|c| crate::partners::ContactInput {
                        name: c.name.clone(),
                        role: c.role.clone(),
                        email: c.email.clone(),
                        phone: c.phone.clone(),
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            };
            let v = crate::partners::validate(&s.conn, &input);
            assert!(v.is_ok(), "{}: {:?}", p.name, v.err());
        }
    }

    #[test]
    fn refused_when_partners_exist_and_nothing_changes() {
        let mut s = Store::open_in_memory().unwrap();
        load(&mut s.conn).unwrap();
        let err = load(&mut s.conn).unwrap_err();
        assert!(matches!(err, PartnerError::DemoRefused(60)));
        let n: i64 = s
            .conn
            .query_row("SELECT count(*) FROM partners", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 60);
    }
}
