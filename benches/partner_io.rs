//! Benchmark of partner import and export (issue 3), run with
//! `cargo bench --bench partner_io`. Targets: importing a 10,000-row CSV
//! under 2 s; exporting 10,000 partners to XLSX under 2 s. It prints the
//! figures; it does not fail on them (a benchmark, not a timed test).

use std::time::Instant;
use sundby_core::i18n::Lang;
use sundby_core::partners::export::{self, ExportFormat};
use sundby_core::partners::import::{self, OnDuplicate};
use sundby_core::partners::ListQuery;
use sundby_core::store::Store;

const ROWS: usize = 10_000;

/// A CSV as Danish Excel writes it: Windows-1252, semicolons, CRLF.
fn csv() -> Vec<u8> {
    let kinds = [
        "Forening",
        "Virksomhed",
        "Kommunal",
        "Borger",
        "Institution",
    ];
    let statuses = ["Aktiv", "Interesseret", "I dvale", "Afsluttet"];
    let mut s = String::from(
        "Navn;Aktørtype;Status;Tilmeldt;Målsætninger;Indsats;Målgruppe;Arena;Kontaktperson;E-mail;Telefon;Adresse\r\n",
    );
    for i in 0..ROWS {
        s.push_str(&format!(
            "Ærø Løbeklub {i};{};{};{:02}-{:02}-20{:02};{}, {};Fælles gåture og løb for nybegyndere nr. {i};Voksne;Parken;Søren Ågård {i};kontakt{i}@eksempel.dk;{};Østergade {i}, 7000 Fredericia\r\n",
            kinds[i % 5],
            statuses[i % 4],
            i % 28 + 1,
            i % 12 + 1,
            18 + i % 7,
            i % 7 + 1,
            (i + 3) % 7 + 1,
            20_000_000 + i,
        ));
    }
    encoding_rs::WINDOWS_1252.encode(&s).0.into_owned()
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, _) = Store::open_dir(dir.path()).expect("store");
    let bytes = csv();
    println!(
        "partner_io bench: {ROWS} rows, CSV {:.1} MB (Windows-1252, semicolons)",
        bytes.len() as f64 / 1e6
    );

    let t = Instant::now();
    let preview = import::preview(&store.conn, &bytes, None, Lang::Da).expect("preview");
    let preview_time = t.elapsed();
    assert!(preview.problems.is_empty(), "{:?}", &preview.problems[..1]);

    let t = Instant::now();
    let r = import::run(
        &mut store.conn,
        &bytes,
        "bench.csv",
        None,
        OnDuplicate::Skip,
        Lang::Da,
    )
    .expect("import");
    let import_time = t.elapsed();
    assert_eq!(r.created, ROWS);

    let q = ListQuery::default();
    let t = Instant::now();
    let rows = export::rows(&store.conn, &q).expect("rows");
    let query_time = t.elapsed();
    let t = Instant::now();
    let xlsx = export::render(&rows, ExportFormat::Xlsx, Lang::Da).expect("xlsx");
    let xlsx_time = t.elapsed();
    let t = Instant::now();
    let csv_out = export::render(&rows, ExportFormat::Csv, Lang::Da).expect("csv");
    let csv_time = t.elapsed();

    let t = Instant::now();
    let u = import::undo(&mut store.conn, &r.batch_id).expect("undo");
    let undo_time = t.elapsed();
    assert_eq!(u.removed, ROWS);

    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    println!(
        "preview (read, map, validate, duplicates) {:>8.1} ms",
        ms(preview_time)
    );
    println!(
        "import 10,000-row CSV (one transaction)   {:>8.1} ms   target < 2000 ms",
        ms(import_time)
    );
    println!(
        "export: read 10,000 partners in order     {:>8.1} ms",
        ms(query_time)
    );
    println!(
        "export: write XLSX ({:.1} MB)               {:>8.1} ms",
        xlsx.len() as f64 / 1e6,
        ms(xlsx_time)
    );
    println!(
        "export 10,000 partners to XLSX, total     {:>8.1} ms   target < 2000 ms",
        ms(query_time + xlsx_time)
    );
    println!(
        "export: write CSV ({:.1} MB)                {:>8.1} ms",
        csv_out.len() as f64 / 1e6,
        ms(csv_time)
    );
    println!(
        "undo the 10,000-partner batch             {:>8.1} ms",
        ms(undo_time)
    );
}
