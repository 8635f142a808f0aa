//! The grant pool end to end below the UI: the XLSX export read back with
//! calamine, the decision letter PDF checked with `pdftotext` and
//! `qpdf --check`, and the `sundby grants --year` command line.

mod common;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use rusqlite::{params, Connection};
use std::io::Cursor;
use std::path::Path;
use std::process::Command;
use sundby::grants::letter::{self, LetterFonts, Signer};
use sundby::grants::{self, ApplicationInput, DecisionInput, Outcome};
use sundby::i18n::Lang;
use sundby::store::{new_id, now, Store};

fn partner(conn: &Connection, name: &str, kind: &str, address: &str) -> String {
    let id = new_id();
    conn.execute(
        "INSERT INTO partners (id, name, name_key, sort_key, kind, status, address, created_at, updated_at)
         VALUES (?1, ?2, lower(?2), lower(?2), ?3, 'aktiv', ?4, ?5, ?5)",
        params![id, name, kind, address, now()],
    )
    .unwrap();
    id
}

fn app_input(partner_id: &str, requested: &str, purpose: &str) -> ApplicationInput {
    ApplicationInput {
        year: 2026,
        partner_id: partner_id.into(),
        received_on: "15.01.2026".into(),
        purpose: purpose.into(),
        description: String::new(),
        planned_on: "20.06.2026".into(),
        expected_reach: Some(300),
        requested: requested.into(),
    }
}

fn decision(outcome: Outcome, amount: &str, reason: &str) -> DecisionInput {
    DecisionInput {
        outcome,
        amount: amount.into(),
        decided_on: "03.02.2026".into(),
        reason: reason.into(),
    }
}

/// A year with a paid grant, a part grant, a rejection and one waiting.
fn year_with_applications(conn: &mut Connection) -> (String, String, String) {
    grants::ensure_pool(conn, 2026).unwrap();
    let a = partner(
        conn,
        "Idrætsforeningen Ærø",
        "forening",
        "Havnevej 1\n7000 Fredericia",
    );
    let b = partner(conn, "Bageriet Østergade", "virksomhed", "");
    let paid =
        grants::create_application(conn, &app_input(&a, "5.000", "Familieløb i Madsby Park"))
            .unwrap();
    grants::start_review(conn, &paid.id).unwrap();
    grants::decide(conn, &paid.id, &decision(Outcome::Grant, "5000", "")).unwrap();
    grants::pay(conn, &paid.id, "01.03.2026").unwrap();
    let part =
        grants::create_application(conn, &app_input(&b, "4.000,50", "Sund morgenmad i skolen"))
            .unwrap();
    grants::start_review(conn, &part.id).unwrap();
    grants::decide(
        conn,
        &part.id,
        &decision(Outcome::Grant, "2.500,25", "Kun materialer dækkes"),
    )
    .unwrap();
    let no =
        grants::create_application(conn, &app_input(&b, "1000", "Kage til personalet")).unwrap();
    grants::start_review(conn, &no.id).unwrap();
    grants::decide(
        conn,
        &no.id,
        &decision(Outcome::Reject, "", "Det er en del af den normale drift"),
    )
    .unwrap();
    grants::create_application(conn, &app_input(&a, "750", "Gåtur")).unwrap();
    (paid.id, part.id, no.id)
}

#[test]
fn the_xlsx_export_has_numbers_in_kroner_and_real_dates() {
    let mut conn = Store::open_in_memory().unwrap().conn;
    year_with_applications(&mut conn);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(grants::export::file_name(2026, Lang::Da));
    let result = grants::export::export_year(&conn, 2026, Lang::Da, &path).unwrap();
    assert_eq!(result.rows, 4);
    assert_eq!(path.file_name().unwrap(), "puljen-2026.xlsx");

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

fn pdftotext(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn qpdf_ok(path: &Path) {
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "qpdf --check failed: {}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn the_grant_letter_names_the_amount_the_conditions_and_the_signer() {
    let mut conn = Store::open_in_memory().unwrap().conn;
    let (_, part, no) = year_with_applications(&mut conn);
    sundby::settings::save_programme(
        &conn,
        &sundby::settings::ProgrammeInput {
            municipality: "Fredericia Kommune".into(),
            name: "Sund By mikro-partnerskaber".into(),
            period_from: String::new(),
            period_to: String::new(),
        },
    )
    .unwrap();
    sundby::settings::set_logo(&mut conn, &logo_png()).unwrap();
    letter::set_signer(
        &conn,
        &Signer {
            name: "Mette Sørensen".into(),
            title: "Sundhedskonsulent".into(),
        },
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = letter::write_letter(&conn, &part, &fonts(), dir.path()).unwrap();
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
    assert!(listing.contains("image     240    80  rgb"), "{listing}");
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
    let again = letter::write_letter(&conn, &part, &fonts(), dir.path()).unwrap();
    assert_ne!(again, path);
    assert!(path.exists() && again.exists());

    let refusal = letter::write_letter(&conn, &no, &fonts(), dir.path()).unwrap();
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
    let e = letter::write_letter(&conn, &a.id, &fonts(), dir.path()).unwrap_err();
    assert_eq!(
        sundby::i18n::Localize::code(&e),
        "grants.illegal_transition"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// A small two-colour PNG logo with a transparent corner.
fn logo_png() -> Vec<u8> {
    let img = image::RgbaImage::from_fn(240, 80, |x, y| {
        if x < 20 && y < 20 {
            image::Rgba([0, 0, 0, 0])
        } else if x < 80 {
            image::Rgba([31, 122, 92, 255])
        } else {
            image::Rgba([244, 201, 93, 255])
        }
    });
    let mut png = Cursor::new(Vec::new());
    img.write_to(&mut png, image::ImageFormat::Png).unwrap();
    png.into_inner()
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
    sundby::settings::save_programme(
        &conn,
        &sundby::settings::ProgrammeInput {
            municipality: "Fredericia Kommune".into(),
            name: "Sund By mikro-partnerskaber".into(),
            period_from: String::new(),
            period_to: String::new(),
        },
    )
    .unwrap();
    sundby::settings::set_logo(&mut conn, &logo_png()).unwrap();
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
    let grant = letter::write_letter(&conn, &paid, &fonts(), &out).unwrap();
    let refusal = letter::write_letter(&conn, &no, &fonts(), &out).unwrap();
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
fn the_cli_prints_the_year_of_the_pool() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (mut store, _) = Store::open_dir(dir.path()).unwrap();
        year_with_applications(&mut store.conn);
    }
    let out = Command::new(env!("CARGO_BIN_EXE_sundby"))
        .args(["grants", "--year", "2026"])
        .env("SUNDBY_DATA_DIR", dir.path())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "Puljen 2026\n\
         Pulje               100.000,00 kr.\n\
         Bevilget              7.500,25 kr.\n\
         Udbetalt              5.000,00 kr.\n\
         Tilbage              92.499,75 kr.\n\
         Afventer afgørelse      750,00 kr.\n\
         Ansøgninger: 4 (maks. 5.000,00 kr. pr. ansøgning)\n"
    );
    let none = Command::new(env!("CARGO_BIN_EXE_sundby"))
        .args(["grants", "--year", "2031"])
        .env("SUNDBY_DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert!(none.status.success());
    assert_eq!(
        String::from_utf8_lossy(&none.stdout),
        "Der er ingen pulje for 2031.\n"
    );
    let bad = Command::new(env!("CARGO_BIN_EXE_sundby"))
        .args(["grants", "--year", "tyve"])
        .env("SUNDBY_DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

mod commands {
    //! The Pulje commands through the Tauri mock runtime, as the UI calls
    //! them: JSON in, `{code, message, field}` out.
    use super::*;
    use crate::common::{invoke, Harness};
    use serde_json::json;

    fn harness(store: Store) -> Harness {
        Harness::new(store)
    }

    #[test]
    fn a_whole_application_through_the_commands_and_a_refusal_at_its_field() {
        let store = Store::open_in_memory().unwrap();
        let out = tempfile::tempdir().unwrap();
        sundby::settings::set_pref(&store.conn, "output_dir", &out.path().display().to_string())
            .unwrap();
        let p = partner(&store.conn, "Løberne", "forening", "");
        let h = harness(store);

        let pool = invoke(&h, "grants_pool_create", json!({ "year": 2026 })).unwrap();
        assert_eq!(pool["total_ore"], 10_000_000);
        invoke(
            &h,
            "grants_pool_save",
            json!({ "input": { "year": 2026, "total": "6.000", "max_per_application": "5.000", "criteria": "" } }),
        )
        .unwrap();
        let partners = invoke(&h, "grants_partners", json!({})).unwrap();
        assert_eq!(partners[0]["name"], "Løberne");

        let input = |purpose: &str, amount: &str| {
            json!({ "input": {
                "year": 2026, "partner_id": p, "received_on": "10.01.2026", "purpose": purpose,
                "description": "", "planned_on": "", "expected_reach": 100, "requested": amount
            } })
        };
        let err = invoke(&h, "grants_create", input("Løb", "5,000.00")).unwrap_err();
        assert_eq!(err["code"], "amount.ambiguous");
        assert_eq!(err["field"], "amount_requested");

        let a = invoke(&h, "grants_create", input("Løb", "5.000")).unwrap();
        let id = a["id"].as_str().unwrap().to_string();
        invoke(&h, "grants_start_review", json!({ "id": id })).unwrap();
        let decision = |amount: &str| json!({ "id": id, "input": { "outcome": "grant", "amount": amount, "decided_on": "01.02.2026", "reason": "" } });
        let a = invoke(&h, "grants_decide", decision("5000")).unwrap();
        assert_eq!(a["status"], "bevilget");
        let a = invoke(
            &h,
            "grants_pay",
            json!({ "id": id, "paidOn": "01.03.2026" }),
        )
        .unwrap();
        assert_eq!(a["status"], "udbetalt");

        let b = invoke(&h, "grants_create", input("Fest", "2000")).unwrap();
        let bid = b["id"].as_str().unwrap().to_string();
        invoke(&h, "grants_start_review", json!({ "id": bid })).unwrap();
        let err = invoke(
            &h,
            "grants_decide",
            json!({ "id": bid, "input": { "outcome": "grant", "amount": "2000", "decided_on": "01.02.2026", "reason": "" } }),
        )
        .unwrap_err();
        assert_eq!(err["code"], "grants.exceeds_pool");
        assert_eq!(err["field"], "amount_granted");
        assert_eq!(
            err["message"],
            "Bevillingen på 2.000,00 kr. vil overskride puljen: der er 1.000,00 kr. tilbage"
        );
        let err = invoke(&h, "grants_delete", json!({ "id": id })).unwrap_err();
        assert_eq!(err["code"], "grants.paid_cannot_be_deleted");

        let o = invoke(&h, "grants_overview", json!({ "year": 2026 })).unwrap();
        assert_eq!(o["granted_ore"], 500_000);
        assert_eq!(o["remaining_ore"], 100_000);
        let list = invoke(
            &h,
            "grants_list",
            json!({ "year": 2026, "filter": { "status": "under_behandling" } }),
        )
        .unwrap();
        assert_eq!(list.as_array().unwrap().len(), 1);
        let detail = invoke(&h, "grants_get", json!({ "id": id })).unwrap();
        assert_eq!(detail["history"].as_array().unwrap().len(), 4);

        let path = invoke(&h, "grants_export", json!({ "year": 2026, "open": false })).unwrap();
        assert!(Path::new(path.as_str().unwrap()).starts_with(out.path()));
        assert!(Path::new(path.as_str().unwrap()).exists());
        // English messages when English is chosen.
        invoke(&h, "language_set", json!({ "language": "en" })).unwrap();
        let err = invoke(&h, "grants_delete", json!({ "id": id })).unwrap_err();
        assert_eq!(
            err["message"],
            "The grant of 5.000,00 kr. has been paid and cannot be deleted. Correct the amount with an adjustment instead."
        );
    }
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
    let path = letter::write_letter(&conn, &a.id, &fonts(), dir.path()).unwrap();
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
