//! Rapporter through the CLI (`sundby report`, `sundby case`) and through
//! the commands as the UI calls them: JSON in, `{code, message, field}` out;
//! every document saved twice gives two files in the "Rapporter" folder.

use crate::common::cli::{stderr, sundby};
use crate::common::fixtures::year_with_applications;
use crate::common::{invoke, Harness};
use serde_json::json;
use std::path::Path;
use sundby_core::files;
use sundby_core::store::Store;

fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|r| {
            r.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn the_cli_writes_the_xlsx_and_the_case_and_refuses_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    {
        let (mut s, _) = Store::open_dir(&data).unwrap();
        sundby_core::partners::demo::load(&mut s.conn).unwrap();
        year_with_applications(&mut s.conn);
    }
    let xlsx = dir.path().join("status.xlsx");
    let x = xlsx.display().to_string();
    let out = sundby(
        &data,
        &[
            "report",
            "--from",
            "01.01.2020",
            "--to",
            "31.12.2026",
            "--out",
            &x,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    // An existing file is refused without --force.
    let again = sundby(&data, &["report", "--out", &x]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("findes allerede"),
        "{}",
        stderr(&again)
    );
    let forced = sundby(&data, &["report", "--out", &x, "--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    // A period that ends before it starts: the Danish message, no file.
    let back = dir.path().join("baglæns.xlsx");
    let b = back.display().to_string();
    let o = sundby(
        &data,
        &[
            "report",
            "--from",
            "2026-06-01",
            "--to",
            "2026-05-01",
            "--out",
            &b,
        ],
    );
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("Periodens slutning må ikke ligge før starten"),
        "{}",
        stderr(&o)
    );
    assert!(!back.exists());
    let pdf = dir.path().join("status.pdf");
    let o = sundby(
        &data,
        &[
            "report",
            "--from",
            "01.01.2020",
            "--out",
            &pdf.display().to_string(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let o = sundby(&data, &["report", "--out", "status.doc"]);
    assert!(stderr(&o).contains("skal ende på"), "{}", stderr(&o));

    let docx = dir.path().join("case.docx");
    let d = docx.display().to_string();
    let o = sundby(&data, &["case", "--out", &d]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK"));
    let txt = dir.path().join("case.txt");
    let o = sundby(&data, &["case", "--out", &txt.display().to_string()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&txt).unwrap();
    assert!(text.starts_with("Titel\n"), "{text}");
    assert!(text.contains("\nEr formålet opfyldt?\n"));
}

#[test]
fn the_report_commands_as_the_ui_calls_them() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("Sund By Partner");
    let mut store = Store::open_in_memory().unwrap();
    files::set_folder_setting(&store.conn, &out.display().to_string(), files::FIELD).unwrap();
    year_with_applications(&mut store.conn);
    let h = Harness::new(store);

    let view = invoke(
        &h,
        "reports_view",
        json!({ "period": { "from": "01.01.2020", "to": "" } }),
    )
    .unwrap();
    assert_eq!(view["figures"]["partners"]["active"], 2);
    assert_eq!(view["figures"]["empty"], false);
    assert!(view["charts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == "pool"));
    let svg = view["charts"][0]["svg"].as_str().unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("role=\"img\""));
    let link = &view["figures"]["partners"]["by_kind"][0]["link"];
    assert_eq!(link["list"], "partners");
    assert_eq!(link["filter"]["status"], "aktiv");

    let err = invoke(
        &h,
        "reports_view",
        json!({ "period": { "from": "01.06.2026", "to": "01.05.2026" } }),
    )
    .unwrap_err();
    assert_eq!(err["field"], "report_to");
    assert_eq!(err["code"], "validation.end_before_start");

    let empty = invoke(
        &h,
        "reports_view",
        json!({ "period": { "from": "01.01.2001", "to": "31.12.2001" } }),
    )
    .unwrap();
    assert_eq!(empty["figures"]["empty"], true);

    let hl = invoke(
        &h,
        "reports_highlights_save",
        json!({ "items": ["Første messe", "", "  Ny pulje  "] }),
    )
    .unwrap();
    assert_eq!(hl, json!(["Første messe", "Ny pulje"]));

    for _ in 0..2 {
        invoke(
            &h,
            "reports_export_xlsx",
            json!({ "period": { "from": "2026-01-01", "to": "2026-12-31" } }),
        )
        .unwrap();
    }
    assert_eq!(
        listing(&out.join("Rapporter")),
        [
            "Status 2026-01-01 til 2026-12-31 (2).xlsx",
            "Status 2026-01-01 til 2026-12-31.xlsx"
        ]
    );

    let pdf = invoke(
        &h,
        "reports_export_pdf",
        json!({ "period": { "from": "2026-01-01", "to": "2026-12-31" } }),
    )
    .unwrap();
    assert!(pdf
        .as_str()
        .unwrap()
        .ends_with("Status 2026-01-01 til 2026-12-31.pdf"));
    assert!(std::fs::read(pdf.as_str().unwrap())
        .unwrap()
        .starts_with(b"%PDF"));

    let bad = invoke(
        &h,
        "evaluation_save",
        json!({ "input": { "author": "", "purpose_met": 2, "implemented": 2 } }),
    )
    .unwrap_err();
    assert_eq!(bad["field"], "evaluation_author");
    let e = invoke(&h, "evaluation_save", json!({ "input": { "author": "Rie Toft", "purpose_met": 3, "implemented": 2, "evaluated": "eksternt", "effect": "Godt" } })).unwrap();
    assert_eq!(e["evaluated"], "eksternt");
    assert_eq!(
        invoke(&h, "evaluations_list", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let c = invoke(
        &h,
        "contact_save",
        json!({ "input": { "name": "Rie Toft", "email": "rito01@frederiksberg.dk" } }),
    )
    .unwrap();
    assert_eq!(c["name"], "Rie Toft");
    let bad = invoke(
        &h,
        "contact_save",
        json!({ "input": { "email": "rito01" } }),
    )
    .unwrap_err();
    assert_eq!(bad["field"], "programme_contact_email");

    let case = invoke(
        &h,
        "case_save",
        json!({ "edits": { "title": "Frederiksberg Frontløber", "effect": null } }),
    )
    .unwrap();
    let field = |k: &str| {
        case["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["key"] == k)
            .unwrap()
            .clone()
    };
    assert_eq!(field("title")["value"], "Frederiksberg Frontløber");
    assert_eq!(field("title")["edited"], true);
    assert_eq!(field("purpose_met")["value"], "I høj grad");
    assert!(field("contact")["value"]
        .as_str()
        .unwrap()
        .contains("Rie Toft"));
    let text = invoke(&h, "case_text", json!({})).unwrap();
    assert!(text
        .as_str()
        .unwrap()
        .contains("Titel\nFrederiksberg Frontløber\n"));
    for format in ["docx", "txt"] {
        for _ in 0..2 {
            invoke(&h, "case_export", json!({ "format": format })).unwrap();
        }
    }
    assert_eq!(
        listing(&out.join("Rapporter"))
            .into_iter()
            .filter(|n| n.starts_with("Case"))
            .collect::<Vec<_>>(),
        [
            "Case Frederiksberg Frontløber (2).docx",
            "Case Frederiksberg Frontløber (2).txt",
            "Case Frederiksberg Frontløber.docx",
            "Case Frederiksberg Frontløber.txt"
        ]
    );
}
