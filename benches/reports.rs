//! Benchmark of Rapporter (issue 12): a database with 10,000 partners
//! (status histories, goals, channels), 500 events with participants and
//! 2,000 grant applications over three years; times the figures for a
//! period (target: under 100 ms), the charts, the XLSX and the status
//! report's PDF (target: under 1 s).
//!
//! Run: `cargo bench -p sundby-core --bench reports` (release).
//! Not a timed test: it prints figures and fails only when a step errs.

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use std::time::{Duration, Instant};
use sundby_core::i18n::Lang;
use sundby_core::reports::{self, chart, view, xlsx, Period};
use sundby_core::store::Store;

const PARTNERS: usize = 10_000;
const EVENTS: usize = 500;
const APPLICATIONS: usize = 2_000;

const KINDS: &[&str] = &[
    "kommunal",
    "virksomhed",
    "forening",
    "borger",
    "institution",
];
const CHANNELS: &[&str] = &[
    "some",
    "arrangement",
    "direkte",
    "gatekeeper",
    "lokalavis",
    "andet",
];
const EVENT_KINDS: &[&str] = &["netvaerksmoede", "messe", "offentligt", "fejring", "andet"];

fn day(n: usize) -> String {
    let d =
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days((n % 1090) as i64);
    d.format("%Y-%m-%d").to_string()
}

fn fill(conn: &mut Connection) {
    let goals: Vec<String> = sundby_core::settings::goals(conn, false)
        .unwrap()
        .into_iter()
        .map(|g| g.id)
        .collect();
    let tx = conn.transaction().unwrap();
    for i in 0..PARTNERS {
        let id = format!("p{i:05}");
        let joined = day(i * 7);
        let status = [
            "aktiv",
            "aktiv",
            "aktiv",
            "interesseret",
            "i_dvale",
            "afsluttet",
        ][i % 6];
        tx.execute(
            "INSERT INTO partners (id, name, name_key, sort_key, kind, status, joined_on,
                 recruitment_channel, created_at, updated_at)
             VALUES (?1, ?1, ?1, ?1, ?2, ?3, ?4, ?5, 'x', 'x')",
            params![id, KINDS[i % 5], status, joined, CHANNELS[i % 6]],
        )
        .unwrap();
        tx.execute(
            "INSERT INTO partner_status_history (id, partner_id, status, changed_on, created_at)
             VALUES (?1, ?2, 'interesseret', ?3, 'a')",
            params![format!("{id}-h0"), id, joined],
        )
        .unwrap();
        if status != "interesseret" {
            tx.execute(
                "INSERT INTO partner_status_history (id, partner_id, status, changed_on, created_at)
                 VALUES (?1, ?2, ?3, ?4, 'b')",
                params![format!("{id}-h1"), id, status, day(i * 7 + 30)],
            )
            .unwrap();
        }
        for g in goals.iter().skip(i % 5).take(2) {
            tx.execute(
                "INSERT INTO partner_goals (partner_id, goal_id) VALUES (?1, ?2)",
                params![id, g],
            )
            .unwrap();
        }
    }
    for e in 0..EVENTS {
        let id = format!("e{e:04}");
        let start = format!("{}T16:00", day(e * 2));
        tx.execute(
            "INSERT INTO events (id, title, kind, starts_at, ends_at, booths, visitors,
                 citizens_reached, created_at, updated_at)
             VALUES (?1, ?1, ?2, ?3, ?3, ?4, ?5, ?6, 'x', 'x')",
            params![
                id,
                EVENT_KINDS[e % 5],
                start,
                (e % 5 == 1).then_some(20),
                (e % 5 == 1).then_some(400),
                (e % 5 == 2).then_some(150)
            ],
        )
        .unwrap();
        for k in 0..10 {
            let p = format!("p{:05}", (e * 13 + k * 997) % PARTNERS);
            tx.execute(
                "INSERT OR IGNORE INTO event_participants (id, event_id, partner_id, partner_name,
                     status, people, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?3, ?4, 2, 'x', 'x')",
                params![
                    format!("{id}-{k}"),
                    id,
                    p,
                    if k % 4 == 0 { "afbud" } else { "deltog" }
                ],
            )
            .unwrap();
        }
    }
    for year in 2024..=2026 {
        tx.execute(
            "INSERT INTO grant_pools (year, total_ore, max_per_application_ore, created_at, updated_at)
             VALUES (?1, 1000000000, 500000, 'x', 'x')",
            [year],
        )
        .unwrap();
    }
    for a in 0..APPLICATIONS {
        let received = day(a * 3);
        let year: i32 = received[..4].parse().unwrap();
        let (status, granted, paid) = match a % 4 {
            0 => ("modtaget", None, None),
            1 => ("bevilget", Some(300000), None),
            2 => ("udbetalt", Some(450000), Some(day(a * 3 + 20))),
            _ => ("afslaaet", None, None),
        };
        tx.execute(
            "INSERT INTO grant_applications (id, year, partner_id, received_on, purpose, requested_ore,
                 status, decided_on, granted_ore, paid_on, expected_reach, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, 'Aktivitet', 500000, ?5, ?6, ?7, ?8, 100, 'x', 'x')",
            params![
                format!("a{a:04}"),
                year,
                format!("p{:05}", (a * 5) % PARTNERS),
                received,
                status,
                (status != "modtaget").then(|| day(a * 3 + 10)),
                granted,
                paid
            ],
        )
        .unwrap();
    }
    tx.commit().unwrap();
}

fn time<T>(label: &str, target_ms: f64, runs: usize, mut f: impl FnMut() -> T) -> T {
    let mut times: Vec<Duration> = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        last = Some(f());
        times.push(t.elapsed());
    }
    times.sort();
    let median = times[times.len() / 2].as_secs_f64() * 1000.0;
    let worst = times[times.len() - 1].as_secs_f64() * 1000.0;
    let verdict = if median < target_ms { "ok" } else { "SLOW" };
    println!("{label:<44} median {median:>7.1} ms  worst {worst:>7.1} ms  (target < {target_ms} ms: {verdict})");
    last.unwrap()
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open_dir(dir.path()).unwrap();
    let t = Instant::now();
    fill(&mut store.conn);
    println!(
        "filled {PARTNERS} partners, {EVENTS} events, {APPLICATIONS} applications in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let conn = &store.conn;
    let period = Period {
        from: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        to: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    };
    let f = time("figures for the programme period", 100.0, 20, || {
        reports::figures(conn, period, Lang::Da).unwrap()
    });
    println!(
        "  {} registered, {} active, {} events, {} granted, {} growth points",
        f.partners.registered,
        f.partners.active,
        f.events.events,
        f.pool.granted_count,
        f.partners.growth.len()
    );
    time("figures for one quarter", 100.0, 20, || {
        let q = Period {
            from: NaiveDate::from_ymd_opt(2025, 4, 1).unwrap(),
            to: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
        };
        reports::figures(conn, q, Lang::Da).unwrap()
    });
    time("charts laid out and drawn as SVG", 100.0, 20, || {
        view::charts(&f, Lang::Da)
            .iter()
            .map(|(_, c)| chart::svg(&chart::layout(c, 160.0, Lang::Da), c.title()).len())
            .sum::<usize>()
    });
    let bytes = time("XLSX of the figures", 1000.0, 5, || {
        xlsx::workbook_bytes(&f, Lang::Da).unwrap()
    });
    println!("  XLSX {} KB", bytes.len() / 1024);
    let today = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    let highlights = vec!["Første messe med 40 stande".to_string()];
    let pdf = time("status report PDF (figures + PDF)", 1000.0, 5, || {
        let f = reports::figures(conn, period, Lang::Da).unwrap();
        reports::document::pdf_bytes(conn, &f, &highlights, Lang::Da, today).unwrap()
    });
    println!("  PDF {} KB", pdf.len() / 1024);
}
