//! Integration tests of the publications: the inspiration catalogue's PDF
//! read back with poppler and qpdf (only consenting partners' examples, in
//! the programme's order of goals, æøå intact, fonts embedded and subset),
//! and the partner pages for the website read back from the folder (no
//! script, no remote resource, user text escaped, the change list).
//!
//! Set `PRINT_PNG_DIR` to keep the catalogue there (to look at it with
//! `pdftoppm`).

#[path = "../common/fixtures.rs"]
mod fixtures;
#[path = "../common/tools.rs"]
mod tools;

use chrono::NaiveDate;
use std::path::PathBuf;
use sundby_core::files::Target;
use sundby_core::publications::catalogue::{self, CatalogueInput};
use sundby_core::publications::{set_text, web};
use sundby_core::settings::{self, ProgrammeInput};
use sundby_core::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
}

/// A partner with goals (by position), an initiative and consent as given.
fn partner(s: &Store, name: &str, goals: &[usize], initiative: &str, consent: bool) -> String {
    let id = fixtures::partner(&s.conn, name, "virksomhed", "aktiv");
    let all = settings::goals(&s.conn, false).unwrap();
    for g in goals {
        s.conn
            .execute(
                "INSERT INTO partner_goals (partner_id, goal_id) VALUES (?1, ?2)",
                [&id, &all[*g].id],
            )
            .unwrap();
    }
    s.conn
        .execute(
            "UPDATE partners SET initiative = ?2, consent_public = ?3, website = 'https://example.dk/<x>',
             target_group = 'Ældre', arena = 'Fritid' WHERE id = ?1",
            rusqlite::params![id, initiative, consent],
        )
        .unwrap();
    id
}

fn programme(s: &mut Store) {
    settings::save_programme(
        &s.conn,
        &ProgrammeInput {
            municipality: "Fredericia Kommune".into(),
            name: "Sund By Fredericia".into(),
            period_from: "2026-01-01".into(),
            period_to: "2027-12-31".into(),
        },
    )
    .unwrap();
    settings::set_logo(&mut s.conn, &fixtures::logo_png()).unwrap();
}

fn fixture() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    programme(&mut s);
    partner(
        &s,
        "Ørestad Løbeklub",
        &[2],
        "Løbetræning for begyndere ved åen",
        true,
    );
    partner(
        &s,
        "Hemmelig Hønsegård",
        &[0, 1, 2],
        "SKJULT INITIATIV",
        false,
    );
    partner(
        &s,
        "Bageriet Æblekagen",
        &[0],
        "Fuldkornsbrød <b>til</b> skolerne",
        true,
    );
    partner(
        &s,
        "Cykelværkstedet",
        &[1, 0],
        "Gratis cykeltjek på torvet",
        true,
    );
    set_text(
        &s.conn,
        "intro",
        "Velkommen til partnerskabet – sammen gør vi byen sundere.",
    )
    .unwrap();
    let goal4 = settings::goals(&s.conn, false).unwrap()[3].id.clone();
    set_text(
        &s.conn,
        &format!("example:{goal4}"),
        "Idé: en gåklub i frokostpausen.",
    )
    .unwrap();
    sundby_core::grants::create_pool(
        &mut s.conn,
        &sundby_core::grants::PoolInput {
            year: 2026,
            total: "250.000".into(),
            max_per_application: "25.000".into(),
            criteria: "Aktiviteten skal være åben for alle.".into(),
        },
    )
    .unwrap();
    s
}

fn out_dir() -> PathBuf {
    let dir = match std::env::var_os("PRINT_PNG_DIR") {
        Some(d) => PathBuf::from(d),
        None => std::env::temp_dir().join(format!("sundby-pub-{}", std::process::id())),
    };
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_catalogue_has_only_consenting_examples_in_goal_order() {
    let s = fixture();
    let path = out_dir().join("inspirationskatalog.pdf");
    let _ = std::fs::remove_file(&path);
    let target = Target::Exact {
        path: path.clone(),
        replace: true,
    };
    catalogue::save(&s.conn, &CatalogueInput::default(), &target, today()).unwrap();
    tools::qpdf_ok(&path);
    let text = tools::pdftotext(&path);
    assert!(
        !text.contains("Hemmelig") && !text.contains("SKJULT"),
        "{text}"
    );
    let goals: Vec<String> = settings::goals(&s.conn, false)
        .unwrap()
        .into_iter()
        .map(|g| g.title)
        .collect();
    let order = [
        "SUND BY FREDERICIA",
        "Inspirationskatalog",
        "Fredericia Kommune",
        "Velkommen til partnerskabet – sammen gør vi byen sundere.",
        "Det forpligter I jer til",
        "diplom",
        "Puljen 2026",
        "250.000,00 kr.",
        "25.000,00 kr.",
        "Aktiviteten skal være åben for alle.",
        goals[0].as_str(),
        "Bageriet Æblekagen",
        "Fuldkornsbrød <b>til</b> skolerne",
        "Cykelværkstedet",
        goals[1].as_str(),
        "Cykelværkstedet",
        goals[2].as_str(),
        "Ørestad Løbeklub",
        "Løbetræning for begyndere ved åen",
        goals[3].as_str(),
        "Idé: en gåklub i frokostpausen.",
        "Sådan bliver I partner",
        "Kontakt",
    ];
    let flat = text.replace('\n', " ");
    let mut at = 0;
    for want in order {
        let found = flat[at..].find(want);
        assert!(found.is_some(), "«{want}» missing after byte {at}:\n{flat}");
        at += found.unwrap();
    }
}

#[test]
fn the_catalogue_fonts_are_embedded_and_subset_and_a_missing_logo_still_prints() {
    let mut s = fixture();
    settings::remove_logo(&mut s.conn).unwrap();
    let path = out_dir().join("uden-logo.pdf");
    std::fs::write(
        &path,
        catalogue::render(&s.conn, &CatalogueInput::default(), today()).unwrap(),
    )
    .unwrap();
    tools::qpdf_ok(&path);
    let fonts = tools::pdffonts(&path);
    for row in fonts.lines().skip(2) {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], &["yes", "yes", "yes"], "{row}");
        assert!(cols[0].contains('+'), "not subset: {row}");
    }
    assert!(tools::pdftotext(&path).contains("Inspirationskatalog"));
}

#[test]
fn the_web_pages_have_no_script_no_remote_resource_and_escape_user_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = fixture();
    let folder = dir.path().join("web");
    let target = Target::Exact {
        path: folder.clone(),
        replace: false,
    };
    let first = web::export(&mut s.conn, &target, today()).unwrap();
    assert_eq!(first.pages, 3);
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.contains(&"index.html".to_string()) && names.contains(&"style.css".to_string()));
    assert!(
        names.contains(&"partnere.csv".to_string()) && names.contains(&"partnere.json".to_string())
    );
    assert_eq!(names.iter().filter(|n| n.ends_with(".css")).count(), 1);
    let mut bageriet = None;
    for n in names.iter().filter(|n| n.ends_with(".html")) {
        let html = std::fs::read_to_string(folder.join(n)).unwrap();
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "{n}");
        assert!(!lower.contains(" on") || !lower.contains("onload="), "{n}");
        assert!(
            !html.contains("Hemmelig") && !html.contains("SKJULT"),
            "{n}"
        );
        for attr in ["src=\"", "href=\""] {
            for (i, _) in lower.match_indices(attr) {
                let url = &lower[i + attr.len()..];
                let remote = url.starts_with("http") || url.starts_with("//");
                // Only a partner's website is linked, never loaded.
                let allowed = attr == "href=\"" && lower[..i].ends_with("<a ");
                assert!(
                    !remote || allowed,
                    "{n}: remote {attr}{}",
                    &url[..20.min(url.len())]
                );
            }
        }
        if html.contains("Bageriet") && n != "index.html" {
            bageriet = Some(html);
        }
    }
    let page = bageriet.unwrap();
    assert!(
        page.contains("Fuldkornsbrød &lt;b&gt;til&lt;/b&gt; skolerne"),
        "{page}"
    );
    assert!(page.contains("https://example.dk/&lt;x&gt;"), "{page}");
    assert!(page.contains("Ældre") && page.contains("Fritid"));
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("partnere.json")).unwrap()).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 3);
    let csv = std::fs::read(folder.join("partnere.csv")).unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
    assert!(String::from_utf8(csv).unwrap().contains("Ørestad Løbeklub"));
    // The same folder again is refused: nothing is overwritten.
    assert!(web::export(&mut s.conn, &target, today()).is_err());
}

#[test]
fn withdrawn_consent_names_the_page_for_removal() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = fixture();
    let at = |n: &str| Target::Exact {
        path: dir.path().join(n),
        replace: false,
    };
    web::export(&mut s.conn, &at("1"), today()).unwrap();
    let id: String = s
        .conn
        .query_row(
            "SELECT id FROM partners WHERE name = 'Cykelværkstedet'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    s.conn
        .execute(
            "UPDATE partners SET consent_public = 0 WHERE id = ?1",
            [&id],
        )
        .unwrap();
    let second = web::export(&mut s.conn, &at("2"), today()).unwrap();
    assert_eq!(second.pages, 2);
    assert_eq!(second.remove.len(), 1);
    assert_eq!(second.remove[0].file_name, web::file_name(&id));
    assert_eq!(
        second.remove[0].reason,
        web::RemovalReason::ConsentWithdrawn
    );
    assert!(!dir.path().join("2").join(web::file_name(&id)).exists());
    assert_eq!(second.unchanged, 2);
}
