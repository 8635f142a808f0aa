//! Partner import and export with real-world files (issue 3): the fixtures
//! in `tests/fixtures/import/` (Danish Excel CSV in Windows-1252, UTF-8 with
//! BOM and quoted line breaks, an XLSX made by LibreOffice), exports read
//! back (CSV bytes, XLSX through calamine), the CLI, and the commands
//! through the mock runtime.

#[path = "../common/fixtures.rs"]
mod fixtures;

use fixtures::fixture;

use calamine::{Data, Reader};
use rusqlite::Connection;
use sundby_core::files::{self, Target};
use sundby_core::i18n::Lang;
use sundby_core::partners::export::{self, ExportFormat};
use sundby_core::partners::import::{self, ImportError, OnDuplicate};
use sundby_core::partners::{self, ListQuery};
use sundby_core::store::Store;

fn import_fixture(store: &mut Store, name: &str) -> import::ImportReport {
    let bytes = std::fs::read(fixture(&format!("import/{name}"))).unwrap();
    import::run(
        &mut store.conn,
        &bytes,
        name,
        None,
        OnDuplicate::Skip,
        Lang::Da,
    )
    .unwrap_or_else(|e| match e {
        ImportError::InvalidRows(p) => panic!("{name}: {p:#?}"),
        e => panic!("{name}: {e:?}"),
    })
}

fn partner_by_name(conn: &Connection, name: &str) -> partners::Partner {
    let id: String = conn
        .query_row("SELECT id FROM partners WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .unwrap_or_else(|e| panic!("no partner {name:?}: {e}"));
    partners::get(conn, &id).unwrap()
}

fn goal_positions(p: &partners::Partner) -> Vec<i64> {
    let mut v: Vec<i64> = p.goals.iter().map(|g| g.position).collect();
    v.sort();
    v
}

#[test]
fn danish_excel_csv_in_windows_1252_with_semicolons() {
    let mut s = Store::open_in_memory().unwrap();
    let bytes = std::fs::read(fixture("import/danish-excel-1252.csv")).unwrap();
    // The fixture really is what Danish Excel writes.
    assert!(std::str::from_utf8(&bytes).is_err());
    assert!(bytes.windows(2).any(|w| w == b"\r\n"));
    let preview = import::preview(&s.conn, &bytes, None, Lang::Da).unwrap();
    assert_eq!(preview.format.description, "CSV, Windows-1252, semikolon ;");
    assert_eq!(preview.columns[1].header, "Aktørtype");
    assert!(preview.columns.iter().all(|c| c.field.is_some()));

    let r = import_fixture(&mut s, "danish-excel-1252.csv");
    assert_eq!(r.created, 5);
    let p = partner_by_name(&s.conn, "Ærøvej Løbeklub");
    assert_eq!(p.kind.as_str(), "forening");
    assert_eq!(p.status.as_str(), "aktiv");
    assert_eq!(p.joined_on.unwrap().to_string(), "2018-06-01");
    assert_eq!(goal_positions(&p), [1, 2]);
    assert_eq!(
        p.initiative,
        "Fælles løbeture for nybegyndere – hver tirsdag"
    );
    assert_eq!(p.contacts[0].name, "Søren Ågård");
    assert_eq!(p.contacts[0].phone, "12 34 56 78");
    assert_eq!(p.address, "Ærøvej 4, 7000 Fredericia");
    // A quoted "4;5" stays one cell: two goals.
    let g = partner_by_name(&s.conn, "Grethe Bækgaard");
    assert_eq!(g.kind.as_str(), "borger");
    assert_eq!(g.status.as_str(), "i_dvale");
    assert_eq!(goal_positions(&g), [4, 5]);
    assert_eq!(g.initiative, "Strikkecafé med gåtur – “Strik og gå”");
    // No contact person in the file: the private person is the contact.
    assert_eq!(g.contacts[0].name, "Grethe Bækgaard");
    assert_eq!(
        partner_by_name(&s.conn, "Dagplejen Nord").status.as_str(),
        "interesseret"
    );
}

#[test]
fn utf8_with_bom_and_quoted_line_breaks() {
    let mut s = Store::open_in_memory().unwrap();
    let bytes = std::fs::read(fixture("import/utf8-bom-linebreaks.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let preview = import::preview(&s.conn, &bytes, None, Lang::Da).unwrap();
    assert_eq!(preview.format.description, "CSV, UTF-8 (BOM), komma ,");
    // The first header is "Name", not "\u{feff}Name".
    assert_eq!(preview.columns[0].header, "Name");
    // Row numbers count records, as Excel shows them, not lines.
    assert_eq!(
        preview.sample.iter().map(|r| r.row).collect::<Vec<_>>(),
        [2, 3, 4]
    );

    let r = import_fixture(&mut s, "utf8-bom-linebreaks.csv");
    assert_eq!(r.created, 3);
    let k = partner_by_name(&s.conn, "Kræftens Bekæmpelse Fredericia");
    assert_eq!(k.initiative, "Rygestopkurser\ni samarbejde med kommunen");
    assert_eq!(
        k.notes,
        "Første linje\nAnden linje, med komma\nTredje \"citeret\" linje"
    );
    assert_eq!(goal_positions(&k), [1, 4]);
    assert_eq!(k.kind.as_str(), "forening");
    let c = partner_by_name(&s.conn, "Café Åbent Hus");
    assert_eq!(goal_positions(&c), [3]);
    assert_eq!(c.kind.as_str(), "virksomhed");
    let m = partner_by_name(&s.conn, "Madklubben Æblet");
    assert_eq!(m.contacts[0].phone, "+45 61 62 63 64");
    assert_eq!(m.notes, "Mødes i \"Kulturhuset\"");
}

#[test]
fn xlsx_made_by_libreoffice() {
    let mut s = Store::open_in_memory().unwrap();
    let bytes = std::fs::read(fixture("import/libreoffice.xlsx")).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let preview = import::preview(&s.conn, &bytes, None, Lang::Da).unwrap();
    assert_eq!(preview.format.kind, "xlsx");
    assert_eq!(preview.row_count, 4);
    assert_eq!(preview.sample[0].row, 2);
    // A date cell is read as a date, a number cell without ".0".
    assert_eq!(preview.sample[0].cells[3], "2018-06-01");
    assert_eq!(preview.sample[0].cells[8], "51525354");

    let r = import_fixture(&mut s, "libreoffice.xlsx");
    assert_eq!(r.created, 4);
    let f = partner_by_name(&s.conn, "Fredericia Svømmeklub");
    assert_eq!(f.joined_on.unwrap().to_string(), "2018-06-01");
    assert_eq!(goal_positions(&f), [2]);
    assert_eq!(f.contacts[0].phone, "51 52 53 54");
    assert_eq!(f.notes, "Første linje\nAnden linje");
    let j = partner_by_name(&s.conn, "Jytte Æbeltoft");
    assert_eq!(j.joined_on.unwrap().to_string(), "2024-02-29");
    assert_eq!(goal_positions(&j), [4]);
    // SQL-looking and HTML text is kept verbatim.
    assert_eq!(j.notes, "Robert'); DROP TABLE partners;--");
    let o = partner_by_name(&s.conn, "Ølstykke Cykelhandel ApS");
    assert_eq!(o.notes, "<script>alert(1)</script>");
    assert!(o.contacts.is_empty());
}

#[test]
fn bad_files_are_refused_with_a_clear_message_and_nothing_changes() {
    use sundby_core::i18n::Localize;
    let mut s = Store::open_in_memory().unwrap();
    import_fixture(&mut s, "utf8-bom-linebreaks.csv");
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (Vec::new(), "Filen er tom: der er hverken overskrifter eller rækker."),
        (
            b"%PDF-1.7\n\x00\x00\x00binary".to_vec(),
            "Filen er hverken en CSV-fil eller et Excel-regneark (XLSX). Gem den som CSV eller XLSX og prøv igen.",
        ),
        (
            b"Navn;Noter\nA;ok\nB;\"aldrig lukket\nC;x\n".to_vec(),
            "Række 3, kolonne 2: et anførselstegn (\") åbner feltet, men det lukkes aldrig. Ret filen og prøv igen.",
        ),
        (
            vec![b'a'; 50 * 1024 * 1024 + 1],
            "Filen er for stor; den må højst fylde 50 MB.",
        ),
        (
            b"Navn;Type\nA;forening\nB;forening;x\nC\n".to_vec(),
            "Intet er importeret: 3 problemer i filen skal rettes først.",
        ),
    ];
    for (bytes, message) in cases {
        let err = import::run(
            &mut s.conn,
            &bytes,
            "bad",
            None,
            OnDuplicate::Skip,
            Lang::Da,
        )
        .unwrap_err();
        assert_eq!(err.message(Lang::Da), message);
        if let ImportError::InvalidRows(p) = &err {
            let lines: Vec<String> = p.iter().map(|p| p.line(Lang::Da)).collect();
            assert_eq!(
                lines,
                [
                    "Række 3: Rækken har 3 kolonner, men overskriftsrækken har 2",
                    "Række 4: Rækken har 1 kolonne, men overskriftsrækken har 2",
                    "Række 4, kolonne «Type»: Aktørtypen skal udfyldes",
                ]
            );
        }
    }
    assert_eq!(import::batches(&s.conn).unwrap().len(), 1);
    let n: i64 = s
        .conn
        .query_row("SELECT count(*) FROM partners", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 3);
}

fn store_with_fixtures() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    for f in [
        "danish-excel-1252.csv",
        "utf8-bom-linebreaks.csv",
        "libreoffice.xlsx",
    ] {
        import_fixture(&mut s, f);
    }
    s
}

/// The export written exactly at `path` (as the CLI's `--out`).
fn export_at(s: &Store, path: &std::path::Path, format: ExportFormat) -> export::Saved {
    let target = Target::Exact {
        path: path.to_path_buf(),
        replace: false,
    };
    export::save(&s.conn, &ListQuery::default(), format, &target, Lang::Da).unwrap()
}

#[test]
fn csv_export_has_bom_semicolons_and_danish_letters_and_imports_again() {
    let s = store_with_fixtures();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("partnere.csv");
    let n = export_at(&s, &path, ExportFormat::Csv).rows;
    assert_eq!(n, 12);
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBFNavn;Akt\xC3\xB8rtype;Status;Tilmeldt;"));
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.contains("\r\nÆrøvej Løbeklub;Forening;Aktiv;2018-06-01;"));
    assert!(text.contains("Søren Ågård"));
    // Danish order: Æ, Ø and Å after Z.
    let names: Vec<&str> = text
        .split("\r\n")
        .skip(1)
        .filter_map(|l| l.split(';').next())
        .filter(|n| !n.is_empty() && !n.starts_with(' '))
        .collect();
    let ae = names.iter().position(|n| n.starts_with("Ærøvej")).unwrap();
    let ol = names
        .iter()
        .position(|n| n.starts_with("Ølstykke"))
        .unwrap();
    let c = names.iter().position(|n| n.starts_with("Café")).unwrap();
    assert!(c < ae && ae < ol, "{names:?}");

    // The export imports again into an empty register, unchanged.
    let mut fresh = Store::open_in_memory().unwrap();
    let r = import::run(
        &mut fresh.conn,
        &bytes,
        "partnere.csv",
        None,
        OnDuplicate::Skip,
        Lang::Da,
    )
    .unwrap();
    assert_eq!(r.created, 12);
    let again = partner_by_name(&fresh.conn, "Kræftens Bekæmpelse Fredericia");
    let orig = partner_by_name(&s.conn, "Kræftens Bekæmpelse Fredericia");
    assert_eq!(again.initiative, orig.initiative);
    assert_eq!(again.notes, orig.notes);
    assert_eq!(goal_positions(&again), goal_positions(&orig));
    assert_eq!(again.contacts[0].phone, orig.contacts[0].phone);
}

#[test]
fn filtered_export_has_only_the_filtered_rows() {
    let s = store_with_fixtures();
    let q = ListQuery {
        kind: Some(partners::Kind::Forening),
        ..Default::default()
    };
    let rows = export::rows(&s.conn, &q).unwrap();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.kind == partners::Kind::Forening));
    let all = export::rows(&s.conn, &ListQuery::default()).unwrap();
    assert!(rows.len() < all.len());
}

#[test]
fn xlsx_export_reads_back_with_real_dates() {
    let s = store_with_fixtures();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("partnere.xlsx");
    export_at(&s, &path, ExportFormat::Xlsx);
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    assert_eq!(book.sheet_names(), ["Partnere"]);
    let range = book.worksheet_range("Partnere").unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        &header[..5],
        ["Navn", "Aktørtype", "Status", "Tilmeldt", "Målsætninger"]
    );
    assert_eq!(range.height(), 13);
    let row = range
        .rows()
        .find(|r| r[0] == Data::String("Jytte Æbeltoft".into()))
        .unwrap();
    match &row[3] {
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            assert_eq!((y, m, day), (2024, 2, 29));
        }
        other => panic!("joined date is not a date: {other:?}"),
    }
    assert_eq!(row[4], Data::String("At Fredericia trives".into()));
    // And the exported spreadsheet imports again.
    let bytes = std::fs::read(&path).unwrap();
    let mut fresh = Store::open_in_memory().unwrap();
    let r = import::run(
        &mut fresh.conn,
        &bytes,
        "x.xlsx",
        None,
        OnDuplicate::Skip,
        Lang::Da,
    )
    .unwrap();
    assert_eq!(r.created, 12);
    assert_eq!(
        partner_by_name(&fresh.conn, "Jytte Æbeltoft")
            .joined_on
            .unwrap()
            .to_string(),
        "2024-02-29"
    );
}

#[test]
fn export_into_the_folder_never_overwrites() {
    let s = store_with_fixtures();
    let dir = tempfile::tempdir().unwrap();
    files::set_folder_setting(&s.conn, &dir.path().display().to_string(), files::FIELD).unwrap();
    // One time for both saves: the name holds the minute, and a clock that
    // passes a minute between them would give two free names.
    let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 24)
        .and_then(|d| d.and_hms_opt(14, 5, 0))
        .unwrap();
    let save = || {
        export::save_at(
            &s.conn,
            &ListQuery::default(),
            ExportFormat::Csv,
            &Target::Folder,
            Lang::Da,
            at,
        )
        .unwrap()
        .path
    };
    let (a, b) = (save(), save());
    assert_eq!(a.parent(), Some(dir.path().join("Partnere").as_path()));
    assert_ne!(a, b);
    assert_eq!(
        a.file_name().unwrap().to_string_lossy(),
        "Partnere 2026-11-24 14.05.csv"
    );
    assert_eq!(
        b.file_name().unwrap().to_string_lossy(),
        "Partnere 2026-11-24 14.05 (2).csv"
    );
}
