//! The demo programme's activity log: calls, meetings, e-mails, visits and
//! notes on partners and leads, and follow-ups due today, overdue, coming
//! up and done, so the Overblik and the recruitment pipeline have
//! something to show. Made with this area's own functions; the partners
//! are read through `partners::pickable`.

use super::store::{add, add_follow_up, set_done, ActivityInput, FollowUpInput};
use super::Result;
use crate::dates::iso;
use crate::partners::{self, Status};
use chrono::{Days, NaiveDate};
use rusqlite::Connection;

/// (kind, days ago, text, follow-up in days from today and its text).
type Entry = (&'static str, u64, &'static str, Option<(i64, &'static str)>);

const LEAD_LOG: &[Entry] = &[
    (
        "moede",
        68,
        "Mødt på Sundhedsmessen; vil gerne høre mere om partnerskabet.",
        Some((-5, "Ring om tilmelding")),
    ),
    (
        "opkald",
        30,
        "Ringede; de drøfter det på næste bestyrelsesmøde.",
        Some((0, "Ring igen efter bestyrelsesmødet")),
    ),
    (
        "email",
        12,
        "Sendte materiale om målsætningerne og diplomet.",
        Some((9, "Følg op på materialet")),
    ),
    (
        "besoeg",
        68,
        "Besøgte standen på messen; interesseret i løbeskolen.",
        None,
    ),
];

const PARTNER_LOG: &[Entry] = &[
    (
        "opkald",
        3,
        "Aftalte afrapportering af puljeaktiviteten.",
        Some((-2, "Påmind om afrapportering")),
    ),
    (
        "moede",
        20,
        "Statusmøde om initiativet; går godt, vil gerne på messen igen.",
        None,
    ),
    (
        "email",
        8,
        "Spurgte til billeder fra aktiviteten til nyhedsbrevet.",
        Some((0, "Hent billeder til nyhedsbrevet")),
    ),
    (
        "note",
        40,
        "Ny daglig leder fra næste måned; kontaktperson skal opdateres.",
        Some((-14, "Opdatér kontaktperson")),
    ),
    (
        "besoeg",
        55,
        "Besøg i køkkenet; de vil gerne vise frem ved årsfejringen.",
        Some((21, "Invitér til årsfejringen")),
    ),
];

const AUTHORS: [&str; 2] = ["Louise (sundhedskonsulent)", "Martin (sundhedskonsulent)"];

fn log(
    conn: &mut Connection,
    partner_id: &str,
    e: &Entry,
    author: &str,
    today: NaiveDate,
) -> Result<usize> {
    let (kind, ago, text, follow) = *e;
    let follow_up_on = follow
        .map(|(days, _)| iso(today + chrono::Duration::days(days)))
        .unwrap_or_default();
    add(
        conn,
        partner_id,
        &ActivityInput {
            kind: kind.into(),
            text: text.into(),
            happened_on: iso(today - Days::new(ago)),
            author: author.into(),
            follow_up_on,
            follow_up_text: follow.map(|(_, t)| t.to_string()).unwrap_or_default(),
        },
        today,
    )?;
    Ok(usize::from(follow.is_some()))
}

/// Fills the log; returns (activities, follow-ups) made.
pub fn fill(conn: &mut Connection, today: NaiveDate) -> Result<(usize, usize)> {
    let (mut activities, mut follow_ups) = (0, 0);
    let leads = partners::pickable(conn, Some(Status::Interesseret))?;
    // Every lead but the last has a logged contact; one is left without
    // anything, as a forgotten lead would be.
    for (i, p) in leads.iter().enumerate().take(leads.len().saturating_sub(1)) {
        let e = &LEAD_LOG[i % LEAD_LOG.len()];
        follow_ups += log(conn, &p.id, e, AUTHORS[i % 2], today)?;
        activities += 1;
    }
    let active = partners::pickable(conn, Some(Status::Aktiv))?;
    for (i, p) in active.iter().enumerate().filter(|(i, _)| i % 4 == 1) {
        let k = (i / 4) % PARTNER_LOG.len();
        follow_ups += log(conn, &p.id, &PARTNER_LOG[k], AUTHORS[i % 2], today)?;
        activities += 1;
        // An earlier call on the same partner, with a follow-up done.
        let done = add_follow_up(
            conn,
            &p.id,
            &FollowUpInput {
                due_on: iso(today - Days::new(60 + i as u64)),
                text: "Send velkomstbrev og logo til hjemmesiden".into(),
            },
            today,
        )?;
        set_done(conn, &done.id, true, today)?;
        follow_ups += 1;
        add(
            conn,
            &p.id,
            &ActivityInput {
                kind: "opkald".into(),
                text: "Velkomstopkald efter underskrift af partnerskabet.".into(),
                happened_on: iso(today - Days::new(62 + i as u64)),
                author: AUTHORS[(i + 1) % 2].into(),
                ..ActivityInput::default()
            },
            today,
        )?;
        activities += 1;
    }
    // The demo's consultants are made up: the person who logs the next
    // activity is not one of them.
    crate::settings::set_pref(conn, super::store::AUTHOR_PREF, "")?;
    Ok((activities, follow_ups))
}
