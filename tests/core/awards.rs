//! The nomination catalogue and the scoring sheet read back: `pdftotext`
//! gives every consenting nominee's texts in order with æøå intact, the
//! fonts are embedded and subset, `qpdf --check` passes, a long text flows
//! on to the next page, and a nominee without consent stays out.

#[path = "../common/tools.rs"]
mod tools;

use rusqlite::{params, Connection};
use sundby_core::awards::{self, catalogue, DecidedBy, NominationInput, PrizeInput, RoundInput};
use sundby_core::files::Target;
use sundby_core::store::{new_id, now, Store};

fn partner(conn: &Connection, name: &str) -> String {
    let id = new_id();
    conn.execute(
        "INSERT INTO partners (id, name, name_key, sort_key, kind, status, created_at, updated_at)
         VALUES (?1, ?2, lower(?2), lower(?2), 'forening', 'aktiv', ?3, ?3)",
        params![id, name, now()],
    )
    .unwrap();
    id
}

fn round(conn: &mut Connection) -> (String, Vec<String>) {
    let r = awards::create_round(
        conn,
        &RoundInput {
            name: "Frontløberprisen 2021".into(),
            intro: "Fejringen af byens frontløbere.\n\nLæs indstillingerne her.".into(),
            celebration_on: "25.11.2021".into(),
            celebration_place: "Frederiksberg Rådhus".into(),
            ..RoundInput::default()
        },
    )
    .unwrap();
    let prizes = [
        ("Årets Frontløber", DecidedBy::Committee),
        ("Byens Frontløber", DecidedBy::Vote),
    ]
    .iter()
    .map(|(name, by)| {
        awards::save_prize(
            conn,
            &PrizeInput {
                id: None,
                round_id: r.id.clone(),
                name: (*name).into(),
                decided_by: *by,
                description: String::new(),
            },
        )
        .unwrap()
        .id
    })
    .collect();
    (r.id, prizes)
}

fn nominate(
    conn: &mut Connection,
    round: &str,
    prizes: &[String],
    name: &str,
    texts: [&str; 3],
    consent: bool,
) {
    let pid = partner(conn, name);
    awards::nominate(
        conn,
        &NominationInput {
            round_id: round.into(),
            partner_id: pid,
            prize_ids: prizes.to_vec(),
            title: format!("Indsatsen fra {name}"),
            texts: texts.iter().map(|t| t.to_string()).collect(),
            consent_catalogue: consent,
            ..NominationInput::default()
        },
    )
    .unwrap();
}

#[test]
fn the_catalogue_gives_every_consenting_nominees_texts_back_in_order() {
    let mut store = Store::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (r, prizes) = round(&mut store.conn);
    let long = "Bevægelsesvenner går ture med ældre, der sidder alene derhjemme, og får dem ud i byens grønne områder. ".repeat(40);
    nominate(
        &mut store.conn,
        &r,
        &prizes,
        "Røde Kors Hovedstaden",
        [
            &long,
            "Avisen skrev om gåturene.",
            "Ensomhed blandt ældre overses.",
        ],
        true,
    );
    nominate(
        &mut store.conn,
        &r,
        &prizes,
        "Børnehaven Evigglad",
        [
            "Mindfulness for børn hver dag.",
            "Forældrene fortalte det videre.",
            "Børns trivsel og ro.",
        ],
        true,
    );
    nominate(
        &mut store.conn,
        &r,
        &prizes,
        "Åens Løbeklub",
        ["Løb for alle.", "Plakater i byen.", "Inaktivitet."],
        false,
    );
    let path = dir.path().join("katalog.pdf");
    catalogue::save_catalogue(
        &store.conn,
        &r,
        &Target::Exact {
            path: path.clone(),
            replace: false,
        },
    )
    .unwrap();
    tools::qpdf_ok(&path);
    let text = tools::pdftotext(&path);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let order = [
        "INDSTILLINGSKATALOG",
        "Frontløberprisen 2021",
        "Fejringen af byens frontløbere.",
        "Indsatsen har styrket sundhed og trivsel for en gruppe mennesker",
        "Børnehaven Evigglad",
        "Mindfulness for børn hver dag.",
        "Forældrene fortalte det videre.",
        "Børns trivsel og ro.",
        "Røde Kors Hovedstaden",
        "Bevægelsesvenner går ture",
        "Avisen skrev om gåturene.",
        "Ensomhed blandt ældre overses.",
    ];
    let mut at = 0;
    for want in order {
        let found = flat[at..]
            .find(want)
            .unwrap_or_else(|| panic!("{want:?} missing after byte {at}:\n{text}"));
        at += found + want.len();
    }
    assert!(
        !flat.contains("Løb for alle."),
        "a nominee without consent is left out"
    );
    // The long text is not cut off: its last sentence is there, on a later page.
    assert_eq!(flat.matches("grønne områder.").count(), 40);
    let pages = text.split('\u{c}').filter(|p| !p.trim().is_empty()).count();
    assert!(
        pages >= 5,
        "cover, contents/intro, two nominees, the long one flowing on: {pages} pages"
    );
    let fonts = tools::pdffonts(&path);
    for line in fonts.lines().skip(2) {
        assert!(
            line.contains(" yes yes "),
            "every font embedded and subset: {line}"
        );
        assert!(
            line.split_whitespace()
                .next()
                .unwrap_or_default()
                .contains('+'),
            "{line}"
        );
    }
}

#[test]
fn the_scoring_sheet_lists_every_nomination_with_its_texts() {
    let mut store = Store::open_in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (r, prizes) = round(&mut store.conn);
    nominate(
        &mut store.conn,
        &r,
        &prizes,
        "Røde Kors Hovedstaden",
        ["Gåture.", "Avisen.", "Ensomhed."],
        false,
    );
    nominate(
        &mut store.conn,
        &r,
        &prizes,
        "Børnehaven Evigglad",
        ["Ro.", "Forældre.", "Trivsel."],
        true,
    );
    let path = dir.path().join("pointark.pdf");
    catalogue::save_scoring_sheet(
        &store.conn,
        &r,
        &Target::Exact {
            path: path.clone(),
            replace: false,
        },
    )
    .unwrap();
    tools::qpdf_ok(&path);
    let flat = tools::pdftotext(&path)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for want in [
        "Pointark – Frontløberprisen 2021",
        "fra 1 til 5",
        "Børnehaven Evigglad",
        "Røde Kors Hovedstaden",
        "Gåture.",
        "K3",
    ] {
        assert!(flat.contains(want), "{want:?} missing: {flat}");
    }
}
