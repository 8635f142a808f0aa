//! A demo award round for the demo programme: "Frontløberprisen (demo)"
//! with the committee prize and the public-vote prize, Frederiksberg's three
//! criteria, a committee of three, up to eight nominations of partners
//! already in the register (made-up initiative texts, clearly fictional),
//! two members' scores and a vote result. Nothing is decided, so the demo
//! shows the whole flow. Deterministic for the same register.

use super::nominations::{nominate, NominationInput};
use super::rounds::{
    add_member, create_round, round, save_prize, set_status, update_round, MemberInput, PrizeInput,
    RoundInput,
};
use super::scoring::{set_scores, ScoreInput};
use super::sql::Result;
use super::types::{DecidedBy, NominatedBy, RoundStatus};
use super::vote::{set_votes, VotesInput};
use crate::partners;
use chrono::NaiveDate;
use rusqlite::Connection;

const INITIATIVES: [(&str, &str); 8] = [
    (
        "Gåvenner for seniorer",
        "Ugentlige gåture i parken for ældre, der bor alene",
    ),
    (
        "Frugt i frikvarteret",
        "Gratis frugt og vand til alle elever hver formiddag",
    ),
    (
        "Mindfulness for de mindste",
        "Fem minutters ro hver dag for børnehavens børn",
    ),
    (
        "Cykelværkstedet",
        "Fælles reparation af cykler, så flere cykler til arbejde",
    ),
    (
        "Røgfri frokost",
        "Hjælp til kollegaer, der vil stoppe med at ryge",
    ),
    (
        "Fællesspisning på trappen",
        "Månedlig middag for opgangens beboere",
    ),
    (
        "Dans dig glad",
        "Gratis danseaftener for unge mellem 13 og 18 år",
    ),
    (
        "Sund madpakke",
        "Kurser for forældre i nem og billig madpakke",
    ),
];

/// Creates the demo round from the partners in the register (at most
/// eight are nominated; none when the register is empty), dated around
/// `today`: the nominations came in before a deadline a week ago, the
/// committee is scoring (status "bedømmes"), the celebration is in three
/// weeks. Returns the round's id.
pub fn fill(conn: &mut Connection, today: NaiveDate) -> Result<String> {
    let day = |d: i64| crate::dates::iso(today + chrono::Duration::days(d));
    let mut input = RoundInput {
        name: "Frontløberprisen (demo)".into(),
        intro: "Dette er en opdigtet prisrunde til afprøvning af programmet. \
                Alle indstillinger, point og stemmer er fiktive."
            .into(),
        // Open while the demo's nominations are made; closed below.
        nomination_deadline: day(1),
        celebration_on: day(21),
        celebration_place: "Rådhushallen".into(),
        ..RoundInput::default()
    };
    let round_id = create_round(conn, &input)?.id;
    let committee = save_prize(
        conn,
        &PrizeInput {
            id: None,
            round_id: round_id.clone(),
            name: "Årets Frontløber".into(),
            decided_by: DecidedBy::Committee,
            description: "Vælges af kommunens sundhedspolitiske gruppe.".into(),
        },
    )?;
    let public = save_prize(
        conn,
        &PrizeInput {
            id: None,
            round_id: round_id.clone(),
            name: "Byens Frontløber".into(),
            decided_by: DecidedBy::Vote,
            description: "Vælges af byens borgere ved en afstemning.".into(),
        },
    )?;
    let mut members = Vec::new();
    for (name, role) in [
        ("Mette Demo", "Formand for udvalget"),
        ("Jonas Eksempel", "Sundhedskonsulent"),
        ("Aisha Prøve", "Borgerrepræsentant"),
    ] {
        members.push(
            add_member(
                conn,
                &MemberInput {
                    round_id: round_id.clone(),
                    name: name.into(),
                    role: role.into(),
                },
            )?
            .id,
        );
    }
    let picked: Vec<_> = partners::pickable(conn, None)?
        .into_iter()
        .take(8)
        .collect();
    let mut ids = Vec::new();
    for (i, p) in picked.iter().enumerate() {
        let (title, what) = INITIATIVES[i % INITIATIVES.len()];
        ids.push(nominate(
            conn,
            &NominationInput {
                round_id: round_id.clone(),
                partner_id: p.id.clone(),
                prize_ids: vec![committee.id.clone(), public.id.clone()],
                title: title.into(),
                goals: format!("{what}. Målet er at nå mindst {} deltagere i år.", 20 + 10 * i),
                nominated_by: if i % 3 == 2 { NominatedBy::Other } else { NominatedBy::Itself },
                nominator_name: if i % 3 == 2 { "Lise Opdigtet".into() } else { String::new() },
                texts: vec![
                    format!("{what}. Deltagerne fortæller, at de har fået mere energi og nye venner (fiktivt eksempel)."),
                    format!("Indsatsen {title} har været omtalt i lokalavisen og på sociale medier (fiktivt eksempel)."),
                    "Indsatsen sætter fokus på ensomhed og mistrivsel, som ofte overses (fiktivt eksempel).".into(),
                ],
                consent_catalogue: true,
                consent_vote: i != 5,
                consent_on: "2026-09-15".into(),
                received_on: "2026-09-20".into(),
                ..NominationInput::default()
            },
        )?);
    }
    let detail = round(conn, &round_id)?;
    for (m, member) in members.iter().take(2).enumerate() {
        let mut sheet = Vec::new();
        for (i, nid) in ids.iter().enumerate() {
            for (c, crit) in detail.criteria.iter().enumerate() {
                let score = 1 + (i * 3 + c * 2 + m * 5) % 5;
                sheet.push(ScoreInput {
                    nomination_id: nid.clone(),
                    member_id: member.clone(),
                    criterion_id: crit.id.clone(),
                    score: score.to_string(),
                    comment: String::new(),
                });
            }
        }
        set_scores(conn, &round_id, &sheet)?;
    }
    let counts = ids
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 5)
        .map(|(i, id)| (id.clone(), (40 + (i * 37) % 90).to_string()))
        .collect();
    if !ids.is_empty() {
        set_votes(
            conn,
            &VotesInput {
                prize_id: public.id.clone(),
                source: "Facebook-afstemning (fiktiv)".into(),
                closed_on: "2026-11-20".into(),
                counts,
            },
        )?;
    }
    input.nomination_deadline = day(-7);
    update_round(conn, &round_id, &input)?;
    set_status(conn, &round_id, RoundStatus::Bedoemmes)?;
    Ok(round_id)
}
