//! Rapporter end to end below the UI: the figures' XLSX read back with
//! calamine (numbers as numbers), the case's .docx unpacked and read (and
//! opened by LibreOffice when it is installed), the plain text field by
//! field, and very long texts carried whole.

#[path = "../common/fixtures.rs"]
mod fixtures;
#[path = "../common/tools.rs"]
mod tools;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use sundby_core::i18n::Lang;
use sundby_core::reports::{self, case, contact, evaluation, figures, xlsx, Period};
use sundby_core::store::Store;

fn today() -> NaiveDate {
    sundby_core::dates::today()
}

fn programme() -> Connection {
    let mut conn = Store::open_in_memory().unwrap().conn;
    sundby_core::partners::demo::load(&mut conn).unwrap();
    fixtures::year_with_applications(&mut conn);
    conn
}

fn all_time() -> Period {
    Period {
        from: NaiveDate::from_ymd_opt(2015, 1, 1).unwrap(),
        to: today(),
    }
}

#[test]
fn the_xlsx_has_one_sheet_per_table_and_numbers_as_numbers() {
    let conn = programme();
    let f = figures(&conn, all_time(), Lang::Da).unwrap();
    let bytes = xlsx::workbook_bytes(&f, Lang::Da).unwrap();
    let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let names = wb.sheet_names();
    for want in [
        "Nøgletal",
        "Status",
        "Aktørtyper",
        "Målsætninger",
        "Rekruttering",
        "Vækst",
        "Arrangementer",
        "Diplomer",
        "Puljen",
        "Puljen efter mål",
    ] {
        assert!(names.iter().any(|n| n == want), "sheet {want} in {names:?}");
    }
    let key = wb.worksheet_range("Nøgletal").unwrap();
    let value = |label: &str| {
        key.rows()
            .find(|r| r[0] == Data::String(label.into()))
            .map(|r| r[1].clone())
            .unwrap()
    };
    assert_eq!(
        value("Partnere i alt"),
        Data::Float(f.partners.registered as f64)
    );
    assert_eq!(
        value("Aktive partnere"),
        Data::Float(f.partners.active as f64)
    );
    assert_eq!(
        value("Bevilget"),
        Data::Float(f.pool.granted_ore as f64 / 100.0)
    );
    assert!(f.pool.granted_ore > 0);
    let kinds = wb.worksheet_range("Aktørtyper").unwrap();
    let sum: f64 = kinds
        .rows()
        .skip(1)
        .map(|r| match r[1] {
            Data::Float(v) => v,
            ref o => panic!("{o:?}"),
        })
        .sum();
    assert_eq!(
        sum, f.partners.active as f64,
        "by kind adds up to the active partners"
    );
    let growth = wb.worksheet_range("Vækst").unwrap();
    assert!(
        matches!(growth.get((1, 0)), Some(Data::DateTime(_))),
        "dates are dates"
    );
}

fn docx_xml(bytes: &[u8]) -> String {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    z.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    s
}

#[test]
fn the_case_docx_holds_every_section_as_a_heading_and_edits_are_kept() {
    let conn = programme();
    contact::save(
        &conn,
        &contact::Contact {
            name: "Michela Jørgensen".into(),
            title: "Strategisk sundhedskonsulent".into(),
            unit: "Sekretariat for beskæftigelse og velfærd".into(),
            phone: "20604613".into(),
            email: "michela.jorgensen@fredericia.dk".into(),
        },
    )
    .unwrap();
    let long = "Det kan være svært at få samarbejder op at stå. ".repeat(300);
    evaluation::save(
        &conn,
        &evaluation::EvaluationInput {
            author: "Michela Jørgensen".into(),
            purpose_met: Some(2),
            implemented: Some(1),
            evaluated: "nej".into(),
            barriers: long.clone(),
            ..Default::default()
        },
        today(),
    )
    .unwrap();
    let mut edits = BTreeMap::new();
    edits.insert(
        "title".to_string(),
        Some("Fredericia Sund By mikro-partnerskaber".to_string()),
    );
    edits.insert(
        "comments".to_string(),
        Some("Tak til alle partnere & <frivillige>.".to_string()),
    );
    let c = case::save(&conn, &edits, today()).unwrap();
    assert!(c.fields.iter().find(|f| f.key == "title").unwrap().edited);
    assert_eq!(c.value("purpose_met"), "I nogen grad");
    assert_eq!(c.value("implemented"), "I mindre grad");
    assert!(c.value("contact").contains("Tlf: 20604613"));
    assert!(
        c.value("effect").contains("partnere er aktive"),
        "prefilled with the measured figures"
    );
    assert!(
        c.value("recruitment").contains("heraf"),
        "{}",
        c.value("recruitment")
    );
    // Unknown fields are refused; nothing is lost.
    let mut bad = BTreeMap::new();
    bad.insert("nonsense".to_string(), Some("x".to_string()));
    assert!(case::save(&conn, &bad, today()).is_err());
    assert_eq!(
        case::case(&conn, today()).unwrap().value("comments"),
        "Tak til alle partnere & <frivillige>."
    );

    let bytes = case::docx_bytes(&c).unwrap();
    let xml = docx_xml(&bytes);
    assert!(xml.contains(r#"<w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t xml:space="preserve">Fredericia Sund By mikro-partnerskaber"#));
    for (key, label, _) in case::FIELDS
        .iter()
        .filter(|f| f.0 != "title" && f.0 != "subtitle")
    {
        let heading = format!(
            r#"<w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t>"#,
            label.replace('&', "&amp;")
        );
        assert!(xml.contains(&heading), "section {key} as a heading 2");
    }
    assert!(xml.contains("&amp; &lt;frivillige&gt;"));
    assert!(
        xml.contains(&long.trim_end().replace('&', "&amp;")),
        "a very long text is carried whole"
    );
    assert!(
        xml.contains(r#"<w:numId w:val="1"/>"#),
        "the goals are a real bullet list"
    );

    let text = case::plain_text(&c);
    for (_, label, _) in case::FIELDS {
        assert!(
            text.contains(&format!("{label}\n")),
            "{label} in the plain text"
        );
    }

    // A real reader: LibreOffice, when installed, converts it to PDF.
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("case.docx");
    std::fs::write(&docx, &bytes).unwrap();
    let soffice = ["soffice", "libreoffice"]
        .into_iter()
        .find(|c| tools::installed(c));
    if let Some(soffice) = soffice {
        let out = dir.path().to_str().unwrap();
        let profile = format!("-env:UserInstallation=file://{out}/lo-profile");
        tools::run_ok(
            soffice,
            &[
                &profile,
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                out,
                docx.to_str().unwrap(),
            ],
        );
        let pdf = tools::pdftotext(&dir.path().join("case.pdf"));
        for (_, label, _) in case::FIELDS
            .iter()
            .filter(|f| f.0 != "title" && f.0 != "subtitle")
        {
            let first = label.split_whitespace().next().unwrap();
            assert!(pdf.contains(first), "{label} in LibreOffice's rendering");
        }
        assert!(pdf.contains("Fredericia Sund By mikro-partnerskaber"));
    } else {
        eprintln!("LibreOffice is not installed: the .docx was checked by reading its XML only");
    }
}

#[test]
fn the_default_period_is_the_programme_period_and_backwards_is_refused() {
    let conn = programme();
    let p = reports::period(&conn, &reports::PeriodInput::default(), today()).unwrap();
    assert!(p.from <= p.to);
    let e = reports::period(
        &conn,
        &reports::PeriodInput {
            from: "2026-06-01".into(),
            to: "2026-05-01".into(),
        },
        today(),
    )
    .unwrap_err();
    use sundby_core::i18n::Localize;
    assert_eq!(e.field(), Some("report_to"));
    assert_eq!(
        e.message(Lang::Da),
        "Periodens slutning må ikke ligge før starten"
    );
}

#[test]
fn the_status_report_pdf_holds_the_figures_with_fonts_embedded() {
    let conn = programme();
    reports::output::save_highlights(
        &conn,
        &[
            "Første messe med 40 stande".into(),
            "Ny pulje på 100.000 kr.".into(),
        ],
    )
    .unwrap();
    let f = figures(&conn, all_time(), Lang::Da).unwrap();
    let t = std::time::Instant::now();
    let bytes = reports::document::pdf_bytes(
        &conn,
        &f,
        &reports::output::highlights(&conn).unwrap(),
        Lang::Da,
        today(),
    )
    .unwrap();
    eprintln!(
        "status report PDF: {} KB in {:.0} ms (debug build)",
        bytes.len() / 1024,
        t.elapsed().as_secs_f64() * 1000.0
    );
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("status.pdf");
    std::fs::write(&pdf, &bytes).unwrap();
    if let Ok(out) = std::env::var("SUNDBY_REPORT_PDF") {
        std::fs::write(out, &bytes).unwrap();
    }
    tools::qpdf_ok(&pdf);
    let fonts = tools::pdffonts(&pdf);
    assert!(
        fonts.lines().skip(2).all(|l| l.contains(" yes ")),
        "{fonts}"
    );
    assert!(fonts.contains('+'), "subset: {fonts}");
    let text = tools::pdftotext(&pdf);
    assert!(
        text.to_lowercase()
            .contains("statusrapport til sundhedsudvalget"),
        "{text}"
    );
    for want in [
        "Nøgletal",
        "Højdepunkter",
        "Første messe med 40 stande",
        "Puljens regnskab",
        &f.partners.kind_sentence,
    ] {
        assert!(text.contains(want), "{want} in the PDF");
    }
    assert!(text.contains(&money_text(f.pool.granted_ore)));
    // A period without data says so.
    let empty = figures(
        &conn,
        Period {
            from: NaiveDate::from_ymd_opt(2001, 1, 1).unwrap(),
            to: NaiveDate::from_ymd_opt(2001, 12, 31).unwrap(),
        },
        Lang::Da,
    )
    .unwrap();
    let bytes = reports::document::pdf_bytes(&conn, &empty, &[], Lang::Da, today()).unwrap();
    std::fs::write(&pdf, &bytes).unwrap();
    assert!(tools::pdftotext(&pdf).contains("Der er ingen data i perioden"));
}

fn money_text(ore: i64) -> String {
    sundby_core::money::format_ore(ore)
}
