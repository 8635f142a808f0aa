//! Benchmark of the partner list's search (issue 3): fills a database file
//! with 10,000 partners and 20,000 contacts, then times the queries the list
//! makes as the user types and filters. Target: under 10 ms per query.
//!
//! Two ways are timed: the in-memory index the app uses
//! (`partners::ListIndex`, filtering in memory and reading the page's rows
//! by id) and the plain SQL query it is checked against (`partners::list`).
//! The index's reload after a change is timed too.
//!
//! Run: `cargo bench --bench partners_search` (release), or faster to build:
//! `cargo bench --profile dev --bench partners_search`.
//! Not a timed test: it prints figures and fails only when a query errs.

use std::time::{Duration, Instant};
use sundby_core::partners::{
    self, ContactInput, Kind, ListIndex, ListQuery, ListResult, PartnerInput, Sort, Status,
};
use sundby_core::store::Store;

const PARTNERS: usize = 10_000;
const ITERATIONS: usize = 200;

const FIRST: &[&str] = &[
    "Anne",
    "Bo",
    "Camilla",
    "Dorthe",
    "Erik",
    "Frederik",
    "Gitte",
    "Hanne",
    "Jens",
    "Karen",
    "Lars",
    "Maja",
    "Niels",
    "Pia",
    "Rasmus",
    "Signe",
    "Søren",
    "Ulla",
    "Vibeke",
    "Åse",
    "Bjørn",
    "Ærenlund",
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
    "Østergaard",
    "Bækgaard",
    "Møller",
    "Holm",
    "Dahl",
];
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
    "Vest",
    "Taulov",
    "Erritsø",
    "Snoghøj",
    "Egeskov",
];

/// A small deterministic generator, so every run measures the same data.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.next() % v.len()]
    }
}

fn fill(store: &mut Store) -> Result<Duration, Box<dyn std::error::Error>> {
    let goals: Vec<String> = sundby_core::settings::goals(&store.conn, false)?
        .into_iter()
        .map(|g| g.id)
        .collect();
    let mut rng = Lcg(42);
    let kinds = Kind::ALL;
    let statuses = Status::ALL;
    let mut valid = Vec::with_capacity(PARTNERS);
    for i in 0..PARTNERS {
        let status = statuses[rng.next() % statuses.len()];
        let n_goals = 1 + rng.next() % 3;
        let contacts = (0..2)
            .map(|_| {
                let first = rng.pick(FIRST);
                let last = rng.pick(LAST);
                ContactInput {
                    name: format!("{first} {last}"),
                    email: format!(
                        "{}.{}{}@example.dk",
                        first.to_lowercase(),
                        last.to_lowercase(),
                        i
                    ),
                    phone: format!("{}", 20_000_000 + rng.next() % 70_000_000),
                    ..ContactInput::default()
                }
            })
            .collect();
        let input = PartnerInput {
            name: format!("{} {} {}", rng.pick(PLACES), rng.pick(WORDS), i),
            kind: kinds[rng.next() % kinds.len()].to_string(),
            status: status.to_string(),
            joined_on: format!(
                "20{:02}-{:02}-{:02}",
                18 + rng.next() % 8,
                1 + rng.next() % 12,
                1 + rng.next() % 28
            ),
            goals: (0..n_goals)
                .map(|k| goals[(i + k * 3) % goals.len()].clone())
                .collect(),
            initiative: format!(
                "Vi tilbyder {} for {} i {} hver uge.",
                [
                    "gåture",
                    "sund frokost",
                    "rygestop",
                    "fællesspisning",
                    "cykelværksted"
                ][rng.next() % 5],
                ["ældre", "børnefamilier", "unge", "ansatte", "nye borgere"][rng.next() % 5],
                rng.pick(PLACES)
            ),
            contacts,
            ..PartnerInput::default()
        };
        valid.push(partners::validate(&store.conn, &input)?);
    }
    let start = Instant::now();
    let tx = store.conn.transaction()?;
    for v in &valid {
        partners::insert_valid(&tx, v, None)?;
    }
    tx.commit()?;
    Ok(start.elapsed())
}

fn measure(
    label: &str,
    mut run: impl FnMut() -> Result<ListResult, Box<dyn std::error::Error>>,
) -> Result<Duration, Box<dyn std::error::Error>> {
    let mut times = Vec::with_capacity(ITERATIONS);
    let mut total = 0;
    for _ in 0..ITERATIONS {
        let start = Instant::now();
        let r = run()?;
        times.push(start.elapsed());
        total = r.total;
    }
    times.sort();
    let median = times[ITERATIONS / 2];
    let p95 = times[ITERATIONS * 95 / 100];
    println!(
        "  {label:<58} {:>7.2} ms median {:>7.2} ms p95  ({total} matches)",
        median.as_secs_f64() * 1000.0,
        p95.as_secs_f64() * 1000.0
    );
    Ok(p95)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("sundby-bench-{}", std::process::id()));
    let (mut store, _) = Store::open_dir(&dir)?;
    if let Ok(kib) = std::env::var("BENCH_CACHE_KIB") {
        // Experiment: a larger page cache than SQLite's default 2 MB.
        store
            .conn
            .pragma_update(None, "cache_size", format!("-{kib}"))?;
        println!("cache_size = {kib} KiB");
    }
    let fill_time = fill(&mut store)?;
    let contacts: i64 = store
        .conn
        .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))?;
    println!(
        "filled {PARTNERS} partners and {contacts} contacts in {:.0} ms (one transaction)",
        fill_time.as_secs_f64() * 1000.0
    );
    println!("each query {ITERATIONS} times; first page of 50 rows plus counts:");
    let goal = sundby_core::settings::goals(&store.conn, false)?
        .into_iter()
        .nth(1)
        .map(|g| g.id);
    let cases: Vec<(&str, ListQuery)> = vec![
        ("no search, sort by name", ListQuery::default()),
        (
            "search 's' (first keystroke)",
            ListQuery {
                search: "s".into(),
                ..ListQuery::default()
            },
        ),
        (
            "search 'søren' (contact name)",
            ListQuery {
                search: "søren".into(),
                ..ListQuery::default()
            },
        ),
        (
            "search 'søren jen' (two words)",
            ListQuery {
                search: "søren jen".into(),
                ..ListQuery::default()
            },
        ),
        (
            "search 'gåture' + kind virksomhed + status aktiv",
            ListQuery {
                search: "gåture".into(),
                kind: Some(Kind::Virksomhed),
                status: Some(Status::Aktiv),
                ..ListQuery::default()
            },
        ),
        (
            "search email 'hansen12' + goal 2, sort joined",
            ListQuery {
                search: "hansen12".into(),
                goal: goal.clone(),
                sort: Sort::Joined,
                ..ListQuery::default()
            },
        ),
        (
            "goal 2 + status aktiv, sort status, page 20",
            ListQuery {
                goal,
                status: Some(Status::Aktiv),
                sort: Sort::Status,
                offset: 1000,
                ..ListQuery::default()
            },
        ),
        (
            "search with no match 'xyzzy'",
            ListQuery {
                search: "xyzzy".into(),
                ..ListQuery::default()
            },
        ),
    ];
    println!("in-memory index (what the app uses):");
    let mut index = ListIndex::new();
    let start = Instant::now();
    index.list(&store.conn, &ListQuery::default())?;
    println!(
        "  first load of the index (and after every change)          {:>7.2} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    let mut worst = Duration::ZERO;
    for (label, q) in &cases {
        worst = worst.max(measure(label, || Ok(index.list(&store.conn, q)?))?);
    }
    println!(
        "  index reloads during the runs: {} (expected 1)",
        index.loads()
    );
    println!("plain SQL (the reference the index is tested against):");
    let mut worst_sql = Duration::ZERO;
    for (label, q) in &cases {
        worst_sql = worst_sql.max(measure(label, || Ok(partners::list(&store.conn, q)?))?);
    }
    let verdict = |d: Duration| {
        if d < Duration::from_millis(10) {
            "OK"
        } else {
            "OVER TARGET"
        }
    };
    println!(
        "worst p95, index: {:.2} ms (target < 10 ms): {}",
        worst.as_secs_f64() * 1000.0,
        verdict(worst)
    );
    println!(
        "worst p95, plain SQL: {:.2} ms: {}",
        worst_sql.as_secs_f64() * 1000.0,
        verdict(worst_sql)
    );
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
