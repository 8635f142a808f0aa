//! The grant pool end to end below the UI: the XLSX export read back with
//! calamine, the decision letter PDF checked with `pdftotext` and
//! `qpdf --check`, and the `sundby grants --year` command line.

#[path = "../common/fixtures.rs"]
mod fixtures;
#[path = "../common/tools.rs"]
mod tools;

use fixtures::{app_input, decision, year_with_applications};

fn partner(conn: &Connection, name: &str, kind: &str, address: &str) -> String {
    fixtures::partner_at(conn, name, kind, "aktiv", address)
}

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use fixtures::logo_png;
use rusqlite::{params, Connection};
use std::io::Cursor;
use std::process::Command;
use sundby_core::files::{self, Target};
use sundby_core::grants::letter::{self, LetterFonts, Signer};
use sundby_core::grants::{self, Outcome};
use sundby_core::i18n::Lang;
use sundby_core::store::{new_id, now, Store};
use tools::{pdftotext, qpdf_ok};

#[test]
fn the_xlsx_export_has_numbers_in_kroner_and_real_dates() {
    let mut conn = Store::open_in_memory().unwrap().conn;
    year_with_applications(&mut conn);
    let dir = tempfile::tempdir().unwrap();
    files::set_folder_setting(&conn, &dir.path().display().to_string(), files::FIELD).unwrap();
    let result = grants::export::save_year(&conn, 2026, Lang::Da, &Target::Folder).unwrap();
    assert_eq!(result.rows, 4);
    let path = result.path;
    assert_eq!(path, dir.path().join("Puljen").join("puljen-2026.xlsx"));
    // A second export never replaces the first.
    let again = grants::export::save_year(&conn, 2026, Lang::Da, &Target::Folder).unwrap();
    assert_eq!(
        again.path,
        dir.path().join("Puljen").join("puljen-2026 (2).xlsx")
    );

    let bytes = std::fs::read(&path).unwrap();
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(wb.sheet_names(), vec!["Ansøgninger 2026", "Oversigt"]);
    let range = wb.worksheet_range("Ansøgninger 2026").unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header[0], "Modtaget");
    assert_eq!(header[6], "Ansøgt beløb");
    assert_eq!(header[9], "Bevilget beløb");
    assert_eq!(header[12], "Udbetalt beløb");
    let rows: Vec<&[Data]> = range.rows().skip(1).collect();
    assert_eq!(rows.len(), 5, "four applications and a total row");
    let by_purpose = |p: &str| {
        *rows
            .iter()
            .find(|r| r[3] == Data::String(p.into()))
            .unwrap()
    };

    let paid = by_purpose("Familieløb i Madsby Park");
    assert_eq!(paid[1], Data::String("Idrætsforeningen Ærø".into()));
    assert_eq!(paid[6], Data::Float(5000.0));
    assert_eq!(paid[9], Data::Float(5000.0));
    assert_eq!(paid[12], Data::Float(5000.0));
    assert_eq!(paid[7], Data::String("Udbetalt".into()));
    // Dates are real dates, not text.
    match &paid[0] {
        Data::DateTime(d) => {
            // Excel's serial day number (days since 30.12.1899).
            let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
            let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
            assert_eq!(d.as_f64(), (day - epoch).num_days() as f64);
        }
        other => panic!("received date is not a date: {other:?}"),
    }
    assert!(matches!(paid[11], Data::DateTime(_)));

    let part = by_purpose("Sund morgenmad i skolen");
    assert_eq!(part[6], Data::Float(4000.5));
    assert_eq!(part[9], Data::Float(2500.25));
    assert_eq!(part[12], Data::Empty);
    assert_eq!(part[10], Data::String("Kun materialer dækkes".into()));

    let no = by_purpose("Kage til personalet");
    assert_eq!(no[7], Data::String("Afslået".into()));
    assert_eq!(no[9], Data::Empty);

    let total = rows.last().unwrap();
    assert_eq!(total[0], Data::String("I alt".into()));
    assert_eq!(total[9], Data::Float(7500.25));
    assert_eq!(total[12], Data::Float(5000.0));

    let overview = wb.worksheet_range("Oversigt").unwrap();
    let cells: Vec<(String, Data)> = overview
        .rows()
        .skip(1)
        .map(|r| (r[0].to_string(), r[1].clone()))
        .collect();
    assert_eq!(cells[0], ("Pulje".into(), Data::Float(100_000.0)));
    assert_eq!(cells[1], ("Bevilget".into(), Data::Float(7500.25)));
    assert_eq!(cells[2], ("Udbetalt".into(), Data::Float(5000.0)));
    assert_eq!(cells[3], ("Tilbage".into(), Data::Float(92_499.75)));

    // The amounts carry the kroner number format.
    let styles = {
        let mut zip = zip_entry(&std::fs::read(&path).unwrap(), "xl/styles.xml");
        std::mem::take(&mut zip)
    };
    assert!(styles.contains("#,##0.00\\ &quot;kr.&quot;"), "{styles}");
}

/// Reads one file out of the XLSX zip.
fn zip_entry(bytes: &[u8], name: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("book.xlsx");
    std::fs::write(&file, bytes).unwrap();
    let out = Command::new("unzip")
        .arg("-p")
        .arg(&file)
        .arg(name)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn fonts() -> LetterFonts {
    LetterFonts::bundled()
}

/// The letter saved with `dir` as the documents folder: it lands in
/// `dir/Bevillingsbreve` under its own name, never replacing a file.
fn write_letter_in(
    conn: &Connection,
    id: &str,
    dir: &std::path::Path,
) -> Result<std::path::PathBuf, grants::GrantError> {
    files::set_folder_setting(conn, &dir.display().to_string(), files::FIELD).unwrap();
    letter::write_letter(conn, id, &fonts(), &Target::Folder)
}

#[test]
fn the_grant_letter_names_the_amount_the_conditions_and_the_signer() {
    let mut conn = Store::open_in_memory().unwrap().conn;
    let (_, part, no) = year_with_applications(&mut conn);
    sundby_core::settings::save_programme(
        &conn,
        &sundby_core::settings::ProgrammeInput {
            municipality: "Fredericia Kommune".into(),
            name: "Sund By mikro-partnerskaber".into(),
            period_from: String::new(),
            period_to: String::new(),
        },
    )
    .unwrap();
    sundby_core::settings::set_logo(&mut conn, &logo_png()).unwrap();
    letter::set_signer(
        &conn,
        &Signer {
            name: "Mette Sørensen".into(),
            title: "Sundhedskonsulent".into(),
        },
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = write_letter_in(&conn, &part, dir.path()).unwrap();
    assert_eq!(
        path.file_name().unwrap(),
        "Bevillingsbrev 2026 Bageriet Østergade.pdf"
    );
    qpdf_ok(&path);
    // The logo is in the PDF as an image.
    let images = Command::new("pdfimages")
        .arg("-list")
        .arg(&path)
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&images.stdout);
    assert!(listing.contains("image     600   240  rgb"), "{listing}");
    let text = pdftotext(&path);
    for expected in [
        "Bevillingsbrev",
        "Bageriet Østergade",
        "Fredericia Kommune",
        "3. februar 2026",
        "Sund morgenmad i skolen",
        "2.500,25 kr.",
        "4.000,50 kr.",
        "Kun materialer dækkes",
        "Betingelser for tilskuddet",
        "ud over jeres normale arbejde",
        "større gruppe",
        "sociale medier eller med pressen",
        "Med venlig hilsen",
        "Mette Sørensen",
        "Sundhedskonsulent",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // A second letter does not overwrite the first.
    let again = write_letter_in(&conn, &part, dir.path()).unwrap();
    assert_ne!(again, path);
    assert!(path.exists() && again.exists());

    let refusal = write_letter_in(&conn, &no, dir.path()).unwrap();
    qpdf_ok(&refusal);
    let text = pdftotext(&refusal);
    assert!(text.contains("Afslag på ansøgning om tilskud"), "{text}");
    assert!(
        text.contains("afslag på jeres ansøgning om 1.000,00 kr."),
        "{text}"
    );
    assert!(
        text.contains("Det er en del af den normale drift"),
        "{text}"
    );
    assert!(!text.contains("Betingelser"), "{text}");
}

#[test]
fn an_undecided_application_has_no_letter() {
    let mut conn = Store::open_in_memory().unwrap().conn;
    grants::ensure_pool(&mut conn, 2026).unwrap();
    let p = partner(&conn, "Løberne", "forening", "");
    let a = grants::create_application(&mut conn, &app_input(&p, "1000", "Løb")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let e = write_letter_in(&conn, &a.id, dir.path()).unwrap_err();
    assert_eq!(
        sundby_core::i18n::Localize::code(&e),
        "grants.illegal_transition"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// A letter with a logo, a contact person and an address: checked, and
/// also written to `$GRANTS_LETTER_DIR` when set, for looking at.
#[test]
fn a_letter_with_logo_contact_and_address() {
    let mut conn = Store::open_in_memory().unwrap().conn;
    let (paid, _, no) = year_with_applications(&mut conn);
    conn.execute(
        "INSERT INTO contacts (id, partner_id, name, is_primary, created_at, updated_at)
         SELECT ?1, partner_id, 'Jens Hansen', 1, ?2, ?2 FROM grant_applications WHERE id = ?3",
        params![new_id(), now(), paid],
    )
    .unwrap();
    sundby_core::settings::save_programme(
        &conn,
        &sundby_core::settings::ProgrammeInput {
            municipality: "Fredericia Kommune".into(),
            name: "Sund By mikro-partnerskaber".into(),
            period_from: String::new(),
            period_to: String::new(),
        },
    )
    .unwrap();
    sundby_core::settings::set_logo(&mut conn, &logo_png()).unwrap();
    letter::set_signer(
        &conn,
        &Signer {
            name: "Mette Sørensen".into(),
            title: "Sundhedskonsulent".into(),
        },
    )
    .unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let out = std::env::var_os("GRANTS_LETTER_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    let grant = write_letter_in(&conn, &paid, &out).unwrap();
    let refusal = write_letter_in(&conn, &no, &out).unwrap();
    for path in [&grant, &refusal] {
        qpdf_ok(path);
    }
    let text = pdftotext(&grant);
    for expected in [
        "Att.: Jens Hansen",
        "Havnevej 1",
        "7000 Fredericia",
        "Kære Jens Hansen",
        "5.000,00 kr.",
        "Fredericia Kommune",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // The refusal goes to the other partner, who has no contact person.
    assert!(pdftotext(&refusal).contains("Kære Bageriet Østergade"));
}

#[test]
fn a_long_reason_continues_on_a_second_page_and_nothing_is_cut() {
    let mut conn = Store::open_in_memory().unwrap().conn;
    grants::ensure_pool(&mut conn, 2026).unwrap();
    let p = partner(&conn, "Løberne", "forening", "");
    let a = grants::create_application(&mut conn, &app_input(&p, "3000", "Løb")).unwrap();
    grants::start_review(&mut conn, &a.id).unwrap();
    let mut reason = String::new();
    let mut n = 0;
    while reason.chars().count() < 3_900 {
        n += 1;
        reason.push_str(&format!("ord{n} "));
    }
    let last = format!("ord{n}");
    grants::decide(
        &mut conn,
        &a.id,
        &decision(Outcome::Reject, "", reason.trim()),
    )
    .unwrap();
    letter::set_signer(
        &conn,
        &Signer {
            name: "Mette Sørensen".into(),
            title: String::new(),
        },
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = write_letter_in(&conn, &a.id, dir.path()).unwrap();
    qpdf_ok(&path);
    let info = Command::new("pdfinfo").arg(&path).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    let pages: Vec<String> = info
        .lines()
        .filter(|l| l.starts_with("Pages:"))
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(pages, vec!["Pages: 2"], "{info}");
    let text = pdftotext(&path);
    for word in [
        "ord1 ",
        &format!("{last}\n"),
        "Mette Sørensen",
        "side 2 af 2",
    ] {
        assert!(text.contains(word), "missing {word:?}");
    }
    // Every word of the reason is there, in order.
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.starts_with("ord"))
        .collect();
    assert_eq!(words.len(), n);
}
