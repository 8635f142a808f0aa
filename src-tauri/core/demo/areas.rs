//! The demo's diplomas, events, grant pool and newsletter, each made with
//! its area's public functions from the demo partners (read through
//! `partners::pickable`, in Danish order, so the demo is the same every
//! time for the same day).

use super::Result;
use crate::dates::iso;
use crate::diploma::store::{self as diplomas_store, CeremonyInput};
use crate::events::newsletter::{self, NewsletterInput, StoryInput};
use crate::events::store::{self as events_store};
use crate::events::{EventInput, ParticipantStatus};
use crate::grants::applications::{create_application, ApplicationInput};
use crate::grants::decisions::{self, DecisionInput, Outcome, ReportInput};
use crate::partners::{self, PartnerOption, Status};
use crate::{grants, settings};
use chrono::{Datelike, Days, NaiveDate};
use rusqlite::Connection;

fn ago(today: NaiveDate, days: u64) -> NaiveDate {
    today - Days::new(days)
}

fn ahead(today: NaiveDate, days: u64) -> NaiveDate {
    today + Days::new(days)
}

fn active(conn: &Connection) -> Result<Vec<PartnerOption>> {
    Ok(partners::pickable(conn, Some(Status::Aktiv))?)
}

/// How many of the newest active partners are left waiting for a diploma.
pub const WAITING: usize = 6;

/// A ceremony held about three months ago where every active partner but
/// the [`WAITING`] newest got a diploma, and the next one planned in 24
/// days. Returns the diplomas issued.
pub fn diplomas(conn: &mut Connection, today: NaiveDate) -> Result<usize> {
    let held = ago(today, 92);
    let past = diplomas_store::save_ceremony(
        conn,
        &CeremonyInput {
            id: None,
            held_on: iso(held),
            place: "Rådhussalen, Fredericia".into(),
            signatory_slots: vec![1, 2],
            notes: "Demo: kaffe og kage, 40 gæster.".into(),
        },
    )?;
    // The queue is oldest first: the newest partners stay waiting.
    let queue = diplomas_store::queue(conn)?;
    let handed_out = queue.len().saturating_sub(WAITING);
    let joined_by_then: Vec<String> = queue
        .into_iter()
        .take(handed_out)
        .map(|q| q.partner_id)
        .collect();
    let issued = if joined_by_then.is_empty() {
        0
    } else {
        diplomas_store::mark_issued(conn, &past.id, &joined_by_then)?.len()
    };
    diplomas_store::save_ceremony(
        conn,
        &CeremonyInput {
            id: None,
            held_on: iso(ahead(today, 24)),
            place: "Fredericia Bibliotek".into(),
            signatory_slots: vec![1, 2],
            notes: "Demo: de nye partnere inviteres.".into(),
        },
    )?;
    Ok(issued)
}

struct Ev {
    title: &'static str,
    kind: &'static str,
    on: NaiveDate,
    start: &'static str,
    end: &'static str,
    place: &'static str,
    description: &'static str,
    by_municipality: bool,
    booths: &'static str,
    visitors: &'static str,
    reached: &'static str,
}

fn save_event(
    conn: &mut Connection,
    e: &Ev,
    organisers: Vec<String>,
    goals: Vec<String>,
) -> Result<String> {
    let d = events_store::save(
        conn,
        &EventInput {
            id: None,
            title: e.title.into(),
            kind: e.kind.into(),
            start_date: iso(e.on),
            start_time: e.start.into(),
            end_date: String::new(),
            end_time: e.end.into(),
            place: e.place.into(),
            description: e.description.into(),
            by_municipality: e.by_municipality,
            organiser_ids: organisers,
            goal_ids: goals,
            booths: e.booths.into(),
            visitors: e.visitors.into(),
            citizens_reached: e.reached.into(),
            notes: String::new(),
            follow_up: String::new(),
        },
    )?;
    Ok(d.event.id)
}

/// Adds `who` to the event's list, each with the status `status(i)`.
fn participants(
    conn: &mut Connection,
    event_id: &str,
    who: &[PartnerOption],
    status: impl Fn(usize) -> ParticipantStatus,
) -> Result<()> {
    for (i, p) in who.iter().enumerate() {
        events_store::add_participant(conn, event_id, &p.id, status(i))?;
    }
    Ok(())
}

/// One event of every kind: network meetings (one held, with who came;
/// one coming up, with sign-ups), the fair with booths and visitors, a free
/// public event run by a partner, the invitation to the next ceremony, the
/// yearly celebration and a course. Returns how many.
pub fn events(conn: &mut Connection, today: NaiveDate) -> Result<usize> {
    let act = active(conn)?;
    let goals: Vec<String> = settings::goals(conn, false)?
        .into_iter()
        .map(|g| g.id)
        .collect();
    let goal = |i: usize| {
        goals
            .get(i % goals.len().max(1))
            .cloned()
            .into_iter()
            .collect::<Vec<_>>()
    };
    let some = |from: usize, n: usize| -> Vec<PartnerOption> {
        act.iter()
            .cycle()
            .skip(from)
            .take(n.min(act.len()))
            .cloned()
            .collect()
    };
    let base = Ev {
        title: "",
        kind: "",
        on: today,
        start: "16:00",
        end: "18:00",
        place: "",
        description: "",
        by_municipality: true,
        booths: "",
        visitors: "",
        reached: "",
    };
    let mut n = 0;

    let held = save_event(
        conn,
        &Ev {
            title: "Netværksmøde: bevægelse i hverdagen",
            kind: "netvaerksmoede",
            on: ago(today, 41),
            place: "Kulturhuset Bøgeskov, mødesal 2",
            description: "Partnerne fortæller om deres bevægelsestilbud. Demo.",
            ..base
        },
        Vec::new(),
        goal(1),
    )?;
    participants(conn, &held, &some(0, 14), |i| match i % 5 {
        4 => ParticipantStatus::Afbud,
        _ => ParticipantStatus::Deltog,
    })?;
    n += 1;

    let coming = save_event(
        conn,
        &Ev {
            title: "Netværksmøde: sund mad på arbejdspladsen",
            kind: "netvaerksmoede",
            on: ahead(today, 9),
            place: "Madservice Fredericia, kantinen",
            description: "Smagsprøver og erfaringer fra tre kantiner. Demo.",
            ..base
        },
        Vec::new(),
        goal(2),
    )?;
    participants(conn, &coming, &some(5, 18), |i| match i % 3 {
        0 => ParticipantStatus::Tilmeldt,
        1 => ParticipantStatus::Inviteret,
        _ => {
            if i % 2 == 0 {
                ParticipantStatus::Tilmeldt
            } else {
                ParticipantStatus::Afbud
            }
        }
    })?;
    n += 1;

    let fair = save_event(
        conn,
        &Ev {
            title: "Sundhedsmessen på Axeltorv",
            kind: "messe",
            on: ago(today, 68),
            start: "10:00",
            end: "15:00",
            place: "Axeltorv, Fredericia",
            description: "Partnerne viser deres tilbud frem for byens borgere. Demo.",
            booths: "25",
            visitors: "600",
            reached: "450",
            ..base
        },
        some(2, 2).into_iter().map(|p| p.id).collect(),
        goal(0),
    )?;
    participants(conn, &fair, &some(10, 12), |_| ParticipantStatus::Deltog)?;
    n += 1;

    let yoga_by = some(20, 1).into_iter().map(|p| p.id).collect();
    let yoga = save_event(
        conn,
        &Ev {
            title: "Gratis yoga i Byparken",
            kind: "offentligt",
            on: ahead(today, 4),
            start: "09:30",
            end: "10:30",
            place: "Byparken, ved scenen",
            description: "Åben for alle; tag et tæppe med. Demo.",
            by_municipality: false,
            ..base
        },
        yoga_by,
        goal(1),
    )?;
    participants(conn, &yoga, &some(21, 3), |_| ParticipantStatus::Tilmeldt)?;
    n += 1;

    let queue = diplomas_store::queue(conn)?;
    let invited: Vec<PartnerOption> = act
        .iter()
        .filter(|p| queue.iter().any(|q| q.partner_id == p.id))
        .cloned()
        .collect();
    let ceremony = save_event(
        conn,
        &Ev {
            title: "Invitation: diplomoverrækkelse for nye partnere",
            kind: "overraekkelse",
            on: ahead(today, 24),
            start: "15:00",
            end: "16:30",
            place: "Fredericia Bibliotek",
            description: "De nye partnere får deres diplom. Demo.",
            ..base
        },
        Vec::new(),
        Vec::new(),
    )?;
    participants(conn, &ceremony, &invited, |i| {
        if i % 2 == 0 {
            ParticipantStatus::Tilmeldt
        } else {
            ParticipantStatus::Inviteret
        }
    })?;
    n += 1;

    save_event(
        conn,
        &Ev {
            title: "Årsfejring for alle partnere",
            kind: "fejring",
            on: ahead(today, 47),
            start: "17:00",
            end: "20:00",
            place: "Fredericia Idrætscenter, cafeen",
            description: "Vi fejrer årets partnere og initiativer. Demo.",
            ..base
        },
        Vec::new(),
        Vec::new(),
    )?;
    n += 1;

    let course = save_event(
        conn,
        &Ev {
            title: "Kursus: sund mad for foreningsfrivillige",
            kind: "andet",
            on: ago(today, 16),
            start: "18:00",
            end: "21:00",
            place: "Ungdomsskolen Fredericia, skolekøkkenet",
            description: "Praktisk kursus med en kostvejleder. Demo.",
            reached: "22",
            ..base
        },
        Vec::new(),
        goal(2),
    )?;
    participants(conn, &course, &some(30, 6), |_| ParticipantStatus::Deltog)?;
    n += 1;
    Ok(n)
}

/// (purpose, requested kr., how far the application got, days ago received).
const APPLICATIONS: &[(&str, &str, &str, u64)] = &[
    ("Løbeskole for begyndere", "4.500", "modtaget", 6),
    (
        "Fællesspisning hver anden fredag",
        "3.200",
        "under_behandling",
        20,
    ),
    ("Cykelværksted for unge", "5.000", "bevilget", 75),
    (
        "Svømmehold for nytilflyttede kvinder",
        "4.800",
        "delvist_bevilget",
        80,
    ),
    ("Ny grill til klubhuset", "5.000", "afslaaet", 85),
    ("Walk-and-talk for ensomme ældre", "2.500", "udbetalt", 110),
    ("Røgfri sommerlejr", "4.000", "udbetalt_gammel", 300),
    ("Sund frokost i børnehaven", "3.800", "afrapporteret", 250),
];

/// This year's pool (and last year's, so the year picker has two) with
/// applications in every status, one paid grant whose report is overdue.
/// Returns how many applications.
pub fn grants(conn: &mut Connection, today: NaiveDate) -> Result<usize> {
    let year = today.year();
    grants::ensure_pool(conn, year - 1)?;
    grants::ensure_pool(conn, year)?;
    let applicants: Vec<PartnerOption> = active(conn)?
        .into_iter()
        .filter(|p| p.kind != partners::Kind::Borger)
        .collect();
    let mut n = 0;
    for (i, (purpose, amount, status, days)) in APPLICATIONS.iter().enumerate() {
        let Some(p) = applicants.get((i * 5 + 3) % applicants.len().max(1)) else {
            break;
        };
        let received = ago(today, *days);
        let planned = if *status == "udbetalt_gammel" {
            received + Days::new(60)
        } else {
            received + Days::new(45)
        };
        let app = create_application(
            conn,
            &ApplicationInput {
                // An application belongs to the year it was received.
                year: received.year().max(year - 1),
                partner_id: p.id.clone(),
                received_on: iso(received),
                purpose: (*purpose).into(),
                description: format!("{purpose}. Demo-ansøgning; alt er opdigtet."),
                planned_on: iso(planned),
                expected_reach: Some(20 + i as i64 * 7),
                requested: (*amount).into(),
            },
        )?;
        n += 1;
        if *status == "modtaget" {
            continue;
        }
        decisions::start_review(conn, &app.id)?;
        if *status == "under_behandling" {
            continue;
        }
        let decided = received + Days::new(14);
        let outcome = if *status == "afslaaet" {
            Outcome::Reject
        } else {
            Outcome::Grant
        };
        let granted = if *status == "delvist_bevilget" {
            "3.000".to_string()
        } else {
            (*amount).to_string()
        };
        decisions::decide(
            conn,
            &app.id,
            &DecisionInput {
                outcome,
                amount: granted,
                decided_on: iso(decided),
                reason: if outcome == Outcome::Reject {
                    "Udstyr til klubhuset ligger uden for puljens kriterier.".into()
                } else {
                    "Opfylder puljens kriterier.".into()
                },
            },
        )?;
        if matches!(*status, "bevilget" | "delvist_bevilget" | "afslaaet") {
            continue;
        }
        decisions::pay(conn, &app.id, &iso(decided + Days::new(7)))?;
        if *status == "afrapporteret" {
            decisions::report(
                conn,
                &app.id,
                &ReportInput {
                    actual_reach: Some(31),
                    report_text: "Børnene lavede mad hver torsdag; forældrene var med to gange."
                        .into(),
                    reported_on: iso(planned + Days::new(30)),
                },
            )?;
        }
    }
    Ok(n)
}

/// One newsletter issue, sent seven weeks ago for the two months before.
pub fn newsletter(conn: &Connection, today: NaiveDate) -> Result<()> {
    let sent = ago(today, 49);
    newsletter::record(
        conn,
        &NewsletterInput {
            from: iso(sent - Days::new(61)),
            to: iso(sent - Days::new(1)),
            stories: vec![StoryInput {
                title: "Sundhedsmessen samlede 600 borgere".into(),
                body: "25 partnere stod på Axeltorv. Tak for en god dag! (Demo.)".into(),
            }],
        },
        sent,
    )?;
    Ok(())
}
