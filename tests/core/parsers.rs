//! Property tests of what people type and the files they bring (issue 15):
//! at least 100,000 generated inputs each for the import's reader, the money
//! parser and the date parser, with 0 panics; a parsed amount formats and
//! parses back to itself; a parsed date is a real date; and full imports of
//! generated files into a store are all or nothing.

use proptest::prelude::*;
use sundby_core::i18n::Lang;
use sundby_core::partners::import::{self, OnDuplicate};
use sundby_core::store::Store;
use sundby_core::{dates, money};

const MANY: u32 = 100_000;

/// Pieces a spreadsheet's CSV is made of: headers, separators, quotes,
/// line ends, Danish letters, a BOM, Windows-1252 bytes as text.
const CSV_PIECES: &[&str] = &[
    "Navn",
    "Type",
    "Status",
    "E-mail",
    "Samtykke e-mail",
    "Målsætninger",
    ";",
    ",",
    "\t",
    "\"",
    "\"\"",
    "\n",
    "\r\n",
    "\r",
    " ",
    "æ",
    "ø",
    "å",
    "Æ",
    "\u{feff}",
    "ja",
    "nej",
    "forening",
    "aktiv",
    "12.03.2026",
    "2026-03-12",
    "@",
    "x",
    "0",
    "1.234,50",
    "=",
    "PK",
];

/// Text made of the characters a Danish spreadsheet or form holds, with
/// the separators that matter to the parsers.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9.,\\- kr]{0,14}",
        "[0-9]{1,2}[./\\-][0-9]{1,2}[./\\-][0-9]{2,4}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        proptest::collection::vec(any::<char>(), 0..12).prop_map(|v| v.into_iter().collect()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: MANY, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn money_parsing_never_panics_and_round_trips(s in typed()) {
        if let Ok(ore) = money::parse_ore("amount", &s) {
            let back = money::parse_ore("amount", &money::format_ore(ore));
            prop_assert_eq!(back.ok(), Some(ore), "{:?} → {} → back", s, ore);
        }
    }

    #[test]
    fn date_parsing_never_panics_and_gives_real_dates(s in typed()) {
        if let Some(d) = dates::parse(&s) {
            prop_assert_eq!(dates::parse(&dates::iso(d)), Some(d));
            prop_assert_eq!(dates::parse(&dates::short(d)), Some(d));
        }
        let _ = dates::parse_iso(&s);
    }

    #[test]
    fn the_import_reader_never_panics(bytes in prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..160),
        proptest::collection::vec(proptest::sample::select(CSV_PIECES), 0..40)
            .prop_map(|v| v.concat().into_bytes()),
    ]) {
        let _ = import::read::read(&bytes);
    }
}

thread_local! {
    // One store for every case (migrating a fresh one per case would be the
    // whole test's time); each case checks the count before and after.
    static STORE: std::cell::RefCell<Store> =
        std::cell::RefCell::new(Store::open_in_memory().unwrap());
}

proptest! {
    // Whole imports hit the database: fewer cases, each a full run.
    #![proptest_config(ProptestConfig { cases: 1_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_generated_import_is_all_or_nothing(rows in proptest::collection::vec(
        ("[A-Za-zæøå ]{0,12}", "(forening|virksomhed|borger|kommunal|x|)", "(aktiv|interesseret|i dvale|afsluttet|y|)", "[a-z@.]{0,12}", "(ja|nej|x|)"),
        1..6,
    )) {
        let mut csv = String::from("Navn;Type;Status;E-mail;Samtykke e-mail\n");
        for (name, kind, status, email, consent) in &rows {
            csv.push_str(&format!("{name};{kind};{status};{email};{consent}\n"));
        }
        let (created, before, after) = STORE.with(|s| {
            let s = &mut *s.borrow_mut();
            let before = sundby_core::partners::store::count(&s.conn).unwrap();
            let _ = import::preview(&s.conn, csv.as_bytes(), None, Lang::Da);
            let created = import::run(&mut s.conn, csv.as_bytes(), "x.csv", None, OnDuplicate::Import, Lang::Da)
                .map(|r| r.created as i64)
                .ok();
            (created, before, sundby_core::partners::store::count(&s.conn).unwrap())
        });
        // A line of empty cells (";;;;", as spreadsheets write) is a blank
        // row: the reader skips it, it is neither imported nor an error.
        let filled = rows
            .iter()
            .filter(|(a, b, c, d, e)| [a, b, c, d, e].iter().any(|f| !f.is_empty()))
            .count() as i64;
        match created {
            Some(n) => {
                prop_assert_eq!(n, filled);
                prop_assert_eq!(after, before + n);
            }
            None => prop_assert_eq!(after, before),
        }
    }
}
