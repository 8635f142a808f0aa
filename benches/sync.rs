//! Benchmark of merging a laptop's copy (issue 13), run with
//! `cargo bench -p sundby-core --bench sync`. Target: a copy with 1,000
//! changed records (700 partners changed, 300 new, each new with a contact)
//! merged into a database of 10,000 partners: preview under 1 s, apply under
//! 2 s (release build). It prints the figures; it does not fail on them.

use std::time::Instant;
use sundby_core::files::Target;
use sundby_core::i18n::Lang;
use sundby_core::partners::import::{self, OnDuplicate};
use sundby_core::store::{Store, DB_FILE};
use sundby_core::sync;

fn csv(rows: impl Iterator<Item = String>) -> Vec<u8> {
    let mut s = String::from("Navn;Type;E-mail;Initiativ\n");
    for r in rows {
        s.push_str(&r);
        s.push('\n');
    }
    s.into_bytes()
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let office_dir = dir.path().join("office");
    let (mut office, _) = Store::open_dir(&office_dir).expect("office");
    let start = Instant::now();
    import::run(
        &mut office.conn,
        &csv((0..10_000).map(|i| format!("Forening {i};Forening;f{i}@eksempel.dk;Start"))),
        "a.csv",
        None,
        OnDuplicate::Skip,
        Lang::Da,
    )
    .expect("import");
    println!("setup: 10,000 partners in {:?}", start.elapsed());
    let usb = dir.path().join("copy.sqlite3");
    let t = Instant::now();
    sync::take(
        &office,
        &Target::Exact {
            path: usb.clone(),
            replace: false,
        },
    )
    .expect("copy");
    println!("copy taken in {:?}", t.elapsed());
    let laptop_dir = dir.path().join("laptop");
    std::fs::create_dir_all(&laptop_dir).expect("laptop");
    std::fs::copy(&usb, laptop_dir.join(DB_FILE)).expect("copy file");
    {
        let (mut laptop, _) = Store::open_dir(&laptop_dir).expect("laptop");
        let changed = (0..700).map(|i| {
            format!(
                "Forening {};Forening;f{}@eksempel.dk;Ændret på messen",
                i * 13,
                i * 13
            )
        });
        let new = (0..300).map(|i| format!("Ny på messen {i};Forening;ny{i}@eksempel.dk;Ny"));
        import::run(
            &mut laptop.conn,
            &csv(changed.chain(new)),
            "b.csv",
            None,
            OnDuplicate::Update,
            Lang::Da,
        )
        .expect("laptop edits");
    }
    std::fs::copy(laptop_dir.join(DB_FILE), &usb).expect("back");

    let t = Instant::now();
    let p = sync::preview(&office, &usb).expect("preview");
    let preview = t.elapsed();
    let partners = p.counts.iter().find(|c| c.table == "partners").cloned();
    println!("preview: {preview:?} (target < 1 s); partners {partners:?}");
    let t = Instant::now();
    let s = sync::apply(&mut office, &usb, &[]).expect("apply");
    let apply = t.elapsed();
    println!(
        "apply:   {apply:?} (target < 2 s); {} inserted, {} updated, {} conflicts",
        s.inserted, s.updated, s.conflicts
    );
}
