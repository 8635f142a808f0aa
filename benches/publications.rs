//! Benchmark of the publications (a plain program, not a timed test): the
//! inspiration catalogue with 200 partners' examples (PDF, and the .docx
//! from the same content), and the web export of 10,000 consenting active
//! partners (pages, index, CSV, JSON, recorded and compared with the last
//! export). Each time is printed beside its target (catalogue under 1 s,
//! web export under 2 s, release build).
//!
//! Run: `cargo bench -p sundby-core --bench publications` (release build).

use rusqlite::params;
use std::time::Instant;
use sundby_core::files::Target;
use sundby_core::publications::{catalogue, web};
use sundby_core::settings;
use sundby_core::store::{new_id, Store};

const PARTNERS: usize = 10_000;
/// The partners chosen for the catalogue (each goal shows at most 8).
const EXAMPLES: usize = 400;

fn main() {
    let Ok(mut store) = Store::open_in_memory() else {
        eprintln!("no database");
        return;
    };
    // 25 goals with the catalogue's most examples each (8) = 200 examples.
    for n in settings::goals(&store.conn, false).map_or(0, |g| g.len())..25 {
        let _ = settings::add_goal(&store.conn, &format!("Mål {n} for benchmark"));
    }
    let goals: Vec<String> = match settings::goals(&store.conn, false) {
        Ok(g) => g.into_iter().map(|g| g.id).collect(),
        Err(e) => {
            eprintln!("no goals: {e}");
            return;
        }
    };
    let mut ids = Vec::with_capacity(PARTNERS);
    {
        let Ok(tx) = store.conn.transaction() else {
            return;
        };
        for i in 0..PARTNERS {
            let id = new_id();
            let name = format!("Partner {i:05} Æblegården");
            let ok = tx.execute(
                "INSERT INTO partners (id, name, name_key, sort_key, kind, status, initiative,
                     target_group, arena, website, consent_public, created_at, updated_at)
                 VALUES (?1, ?2, ?2, ?2, 'virksomhed', 'aktiv', ?3, 'Ældre', 'Fritid',
                     'https://example.dk/', 1, 'x', 'x')",
                params![
                    id,
                    name,
                    format!(
                        "Gåture for medarbejdere hver tirsdag, frugt i kantinen og en <b>løbeklub</b> ({i})."
                    )
                ],
            );
            if ok.is_err() {
                eprintln!("insert failed");
                return;
            }
            for g in [&goals[i % goals.len()], &goals[(i + 1) % goals.len()]] {
                let _ = tx.execute(
                    "INSERT INTO partner_goals (partner_id, goal_id) VALUES (?1, ?2)",
                    params![id, g],
                );
            }
            ids.push(id);
        }
        if tx.commit().is_err() {
            return;
        }
    }
    let input = catalogue::CatalogueInput {
        partner_ids: Some(ids[..EXAMPLES].to_vec()),
    };
    let today = sundby_core::dates::today();
    let shown: usize = catalogue::examples(&store.conn, &input)
        .map(|g| g.iter().map(|g| g.examples.len()).sum())
        .unwrap_or(0);
    println!(
        "catalogue: {} goals, {shown} partners' examples",
        goals.len()
    );

    let start = Instant::now();
    match catalogue::render(&store.conn, &input, today) {
        Ok(pdf) => println!(
            "catalogue PDF, {shown} partners' examples: {:.0} ms ({} KB; target < 1000 ms)",
            start.elapsed().as_secs_f64() * 1000.0,
            pdf.len() / 1024
        ),
        Err(e) => eprintln!("catalogue failed: {e}"),
    }
    let start = Instant::now();
    match catalogue::render_docx(&store.conn, &input, today) {
        Ok(docx) => println!(
            "catalogue .docx, {shown} partners' examples: {:.0} ms ({} KB)",
            start.elapsed().as_secs_f64() * 1000.0,
            docx.len() / 1024
        ),
        Err(e) => eprintln!("catalogue .docx failed: {e}"),
    }

    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    for run in 1..=2 {
        let target = Target::Exact {
            path: dir.path().join(format!("web-{run}")),
            replace: false,
        };
        let start = Instant::now();
        match web::export(&mut store.conn, &target, today) {
            Ok(r) => println!(
                "web export of {} partners (run {run}: {} new, {} unchanged): {:.0} ms (target < 2000 ms)",
                r.pages,
                r.new.len(),
                r.unchanged,
                start.elapsed().as_secs_f64() * 1000.0
            ),
            Err(e) => eprintln!("web export failed: {e}"),
        }
    }
}
