//! Benchmark of the Overblik (issue 17): the whole start page's data
//! (`overview::overview`) on a database file with 10,000 partners and
//! 20,000 contacts, with the demo's other areas made on top of them
//! (a ceremony with thousands of diplomas, events with participants, the
//! grant pool, a newsletter issue, thousands of activities and follow-ups).
//! Target: under 50 ms for the whole page.
//!
//! Run: `cargo bench -p sundby-core --bench overview` (release).
//! Not a timed test: it prints figures and fails only when a query errs.

use chrono::Datelike;
use std::time::{Duration, Instant};
use sundby_core::i18n::Lang;
use sundby_core::partners::{self, ContactInput, Kind, PartnerInput, Status};
use sundby_core::store::Store;
use sundby_core::{activities, demo, diploma, events, overview};

const PARTNERS: usize = 10_000;
const ITERATIONS: usize = 200;

const WORDS: &[&str] = &[
    "Løbeklub",
    "Bageri",
    "Fitness",
    "Skole",
    "Roklub",
    "Madklub",
    "Plejecenter",
    "Børnehus",
    "Cykelservice",
    "Apotek",
    "Frisør",
    "Gymnastik",
    "Spejdere",
    "Svømmeklub",
    "Café",
    "Kantine",
];
const PLACES: &[&str] = &[
    "Fredericia",
    "Ærtebjerg",
    "Østerby",
    "Ådalen",
    "Bøgeskov",
    "Sønderport",
    "Nørrebro",
    "Taulov",
];

fn fill_partners(store: &mut Store) -> Result<(), Box<dyn std::error::Error>> {
    let goals: Vec<String> = sundby_core::settings::goals(&store.conn, false)?
        .into_iter()
        .map(|g| g.id)
        .collect();
    store.conn.pragma_update(None, "synchronous", "OFF")?;
    for i in 0..PARTNERS {
        let status = match i % 6 {
            0 => Status::Interesseret,
            1 => Status::IDvale,
            _ => Status::Aktiv,
        };
        let kind = Kind::ALL[i % Kind::ALL.len()];
        let name = format!(
            "{} {} {i}",
            WORDS[i % WORDS.len()],
            PLACES[(i / 16) % PLACES.len()]
        );
        partners::create(
            &mut store.conn,
            &PartnerInput {
                name,
                kind: kind.to_string(),
                status: status.to_string(),
                goals: vec![goals[i % goals.len()].clone()],
                // One in 40 lacks an initiative: data to complete.
                initiative: if i % 40 == 3 {
                    String::new()
                } else {
                    "Gåture og fællesspisning".into()
                },
                consent_email: i % 9 != 2,
                contacts: (0..2)
                    .map(|k| ContactInput {
                        name: format!("Kontakt {i}-{k}"),
                        email: format!("k{i}-{k}@example.dk"),
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            },
        )?;
    }
    store.conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let (mut store, _) = Store::open_dir(dir.path())?;
    let start = Instant::now();
    fill_partners(&mut store)?;
    let today = sundby_core::dates::today();
    demo::programme::fill(&mut store.conn, today)?;
    let diplomas = demo::areas::diplomas(&mut store.conn, today)?;
    let events_made = demo::areas::events(&mut store.conn, today)?;
    let apps = demo::areas::grants(&mut store.conn, today)?;
    demo::areas::newsletter(&store.conn, today)?;
    let (acts, follow) = activities::demo::fill(&mut store.conn, today)?;
    println!(
        "filled in {:.1} s: {PARTNERS} partners, {} waiting for a diploma, {diplomas} diplomas, \
         {events_made} events, {apps} applications, {acts} activities, {follow} follow-ups",
        start.elapsed().as_secs_f64(),
        diploma::store::queue(&store.conn)?.len(),
    );
    let now = sundby_core::dates::now_local();
    let mut times: Vec<Duration> = Vec::with_capacity(ITERATIONS);
    let mut last = None;
    for _ in 0..ITERATIONS {
        let t = Instant::now();
        let o = overview::overview(&store.conn, now, Lang::Da)?;
        times.push(t.elapsed());
        last = Some(o);
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    if let Some(o) = last {
        println!(
            "overview: {} follow-ups due, {} leads, {} incomplete, {} without e-mail consent",
            o.follow_ups.count, o.leads.count, o.incomplete.count, o.no_email_consent.count
        );
    }
    // The parts, to see where the time goes (the whole lists first, as
    // other pages read them).
    let today = now.date();
    let part = |label: &str, f: &dyn Fn() -> Result<usize, Box<dyn std::error::Error>>| {
        let mut t: Vec<Duration> = (0..10)
            .map(|_| {
                let s = Instant::now();
                let _ = f();
                s.elapsed()
            })
            .collect();
        t.sort();
        println!(
            "  {label:<40} {:>7.2} ms median",
            t[5].as_secs_f64() * 1000.0
        );
    };
    let c = &store.conn;
    part("activities::due", &|| Ok(activities::due(c, today)?.len()));
    part("activities::pipeline", &|| {
        Ok(activities::pipeline(c, today)?.len())
    });
    part("diploma::store::queue", &|| {
        Ok(diploma::store::queue(c)?.len())
    });
    // What the page reads instead of the three whole lists above.
    part("activities::due_head", &|| {
        Ok(activities::due_head(c, today, overview::FOLLOW_UPS_SHOWN)?.count)
    });
    part("activities::pipeline_head", &|| {
        Ok(activities::pipeline_head(c, today, overview::SHOWN)?.count)
    });
    part("diploma::store::queue_head", &|| {
        Ok(diploma::store::queue_head(c, overview::SHOWN)?.count)
    });
    part("diploma::store::ceremonies", &|| {
        Ok(diploma::store::ceremonies(c)?.len())
    });
    part("events::store::list", &|| {
        Ok(events::store::list(c, &Default::default(), now)?.len())
    });
    part("events in 30 days with their counts", &|| {
        let mut n = 0;
        for e in events::store::list(c, &Default::default(), now)? {
            if e.source == "event" {
                n += events::store::get(c, &e.id)?.counts.signed_up;
            }
        }
        Ok(n as usize)
    });
    part("events::newsletter::next_issue", &|| {
        Ok(events::newsletter::next_issue(c, today).map(|_| 1)?)
    });
    part("grants::granted::awaiting_decision", &|| {
        Ok(sundby_core::grants::granted::awaiting_decision(c)?.len())
    });
    part("grants::granted::reports_missing", &|| {
        Ok(sundby_core::grants::granted::reports_missing(c, today)?.len())
    });
    part("grants::overview", &|| {
        Ok(sundby_core::grants::overview(c, today.year(), Lang::Da).map(|_| 1)?)
    });
    part("partners::incomplete", &|| {
        Ok(partners::incomplete(c, overview::SHOWN)?.count)
    });
    part("partners::without_email_consent", &|| {
        Ok(partners::without_email_consent(c, overview::SHOWN)?.count)
    });
    part("partners::store::count", &|| {
        Ok(partners::store::count(c)? as usize)
    });
    println!(
        "whole Overblik page data: {:>7.2} ms min {:>7.2} ms median {:>7.2} ms p95 {:>7.2} ms max (target < 50 ms)",
        ms(times[0]),
        ms(times[ITERATIONS / 2]),
        ms(times[ITERATIONS * 95 / 100]),
        ms(times[ITERATIONS - 1])
    );
    Ok(())
}
