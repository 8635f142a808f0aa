//! Saving documents from the outside: every kind of document saved twice
//! through the commands gives two files in its folder; a place chosen in the
//! save dialog is written exactly; the documents folder setting; and every
//! CLI subcommand that writes a file refuses an existing `--out` unless
//! `--force`.

use crate::common::cli::{stderr, sundby};
use crate::common::fixtures::{event, partner, year_with_applications};
use crate::common::{invoke, Harness};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use sundby::commands::files::ChosenPaths;
use sundby_core::diploma::store::{save_ceremony, CeremonyInput};
use sundby_core::files;
use sundby_core::store::Store;
use tauri::Manager;

/// The files in `dir`, sorted by name.
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

fn with_ext(dir: &Path, ext: &str) -> Vec<String> {
    listing(dir)
        .into_iter()
        .filter(|n| n.ends_with(&format!(".{ext}")))
        .collect()
}

/// A store with partners, decided grant applications, an event and a
/// ceremony; the documents folder is `out`.
fn seeded(out: &Path) -> (Store, String, String, String) {
    let mut store = Store::open_in_memory().unwrap();
    files::set_folder_setting(&store.conn, &out.display().to_string(), files::FIELD).unwrap();
    let (_, part, _) = year_with_applications(&mut store.conn);
    partner(&store.conn, "Børnehaven Evigglad", "institution", "aktiv");
    let ev = sundby_core::events::store::save(
        &mut store.conn,
        &event("Netværksmøde", ("22.11.2026", "16:00"), ("", "18:00")),
    )
    .unwrap()
    .event
    .id;
    let cer = save_ceremony(
        &store.conn,
        &CeremonyInput {
            held_on: "22.11.2026".into(),
            place: "Rådhuset".into(),
            signatory_slots: vec![1],
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    (store, part, ev, cer)
}

fn twice(h: &Harness, cmd: &str, args: Value) -> [Value; 2] {
    let a = invoke(h, cmd, args.clone()).unwrap_or_else(|e| panic!("{cmd}: {e}"));
    let b = invoke(h, cmd, args).unwrap_or_else(|e| panic!("{cmd}: {e}"));
    [a, b]
}

#[test]
fn every_kind_of_document_saved_twice_gives_two_files() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("Sund By Partner");
    let (store, part, ev, cer) = seeded(&out);
    let queue = sundby_core::diploma::store::queue(&store.conn).unwrap();
    let pid = queue[0].partner_id.clone();
    let h = Harness::new(store);

    // Diplomas: the ceremony's PDF twice, then a reprint twice.
    let g = twice(
        &h,
        "diploma_generate",
        json!({ "ceremonyId": cer, "partnerIds": [pid] }),
    );
    assert_eq!(g[0]["file_name"], "Diplomer 2026-11-22 Rådhuset.pdf");
    assert_eq!(g[1]["file_name"], "Diplomer 2026-11-22 Rådhuset (2).pdf");
    assert_eq!(g[0]["folder"], out.join("Diplomer").display().to_string());
    let issued = invoke(
        &h,
        "diploma_mark_issued",
        json!({ "ceremonyId": cer, "partnerIds": [pid] }),
    )
    .unwrap();
    twice(
        &h,
        "diploma_reprint",
        json!({ "diplomaId": issued[0]["id"] }),
    );
    assert_eq!(with_ext(&out.join("Diplomer"), "pdf").len(), 4);

    // The grant letter and the pool's spreadsheet.
    twice(
        &h,
        "grants_letter",
        json!({ "id": part, "signer": { "name": "Mette", "title": "Konsulent" } }),
    );
    assert_eq!(
        listing(&out.join("Bevillingsbreve")),
        [
            "Bevillingsbrev 2026 Bageriet Østergade (2).pdf",
            "Bevillingsbrev 2026 Bageriet Østergade.pdf"
        ]
    );
    twice(&h, "grants_export", json!({ "year": 2026 }));
    assert_eq!(
        listing(&out.join("Puljen")),
        ["puljen-2026 (2).xlsx", "puljen-2026.xlsx"]
    );

    // The partner list as CSV and as XLSX.
    for format in ["csv", "xlsx"] {
        twice(
            &h,
            "partner_export",
            json!({ "query": {}, "format": format }),
        );
        assert_eq!(with_ext(&out.join("Partnere"), format).len(), 2, "{format}");
    }

    // The event's calendar file and sign-in sheet.
    twice(&h, "event_ics_save", json!({ "id": ev }));
    twice(&h, "event_signin_save", json!({ "id": ev }));
    let events = out.join("Arrangementer");
    assert_eq!(
        with_ext(&events, "ics"),
        [
            "Netværksmøde 2026-11-22 (2).ics",
            "Netværksmøde 2026-11-22.ics"
        ]
    );
    assert_eq!(with_ext(&events, "pdf").len(), 2);

    // The newsletter: HTML, text and CSV under one name, twice.
    let input = json!({ "from": "01.11.2026", "to": "31.12.2026", "stories": [] });
    let n = twice(&h, "newsletter_save", json!({ "input": input }));
    let letters = out.join("Nyhedsbreve");
    for ext in ["html", "txt", "csv"] {
        assert_eq!(with_ext(&letters, ext).len(), 2, "{ext}");
    }
    assert!(n[1]["paths"][0]
        .as_str()
        .unwrap()
        .ends_with("Nyhedsbrev 2026-11-01 til 2026-12-31 (2).html"));
    let csv = std::fs::read(n[0]["paths"][2].as_str().unwrap()).unwrap();
    assert!(
        csv.starts_with(b"\xEF\xBB\xBFPartner;"),
        "the CSV has a BOM"
    );
    // No temporary file is left anywhere.
    for kind in files::DocKind::ALL {
        let dir = out.join(kind.folder_name());
        assert!(
            listing(&dir).iter().all(|n| !n.ends_with(".tmp")),
            "{dir:?}"
        );
    }
}

#[test]
fn a_place_chosen_in_the_dialog_is_written_exactly_and_no_other_is_accepted() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, _, ev, _) = seeded(&tmp.path().join("docs"));
    let h = Harness::new(store);
    let chosen = tmp.path().join("valgt.ics");
    std::fs::write(&chosen, b"old").unwrap();
    // As if the dialog had returned it (the system dialog asked "Erstat?").
    h.window.state::<ChosenPaths>().remember(chosen.clone());
    let saved = invoke(
        &h,
        "event_ics_save",
        json!({ "id": ev, "path": chosen.display().to_string() }),
    )
    .unwrap();
    assert_eq!(saved["paths"][0], chosen.display().to_string());
    assert!(std::fs::read_to_string(&chosen)
        .unwrap()
        .starts_with("BEGIN:VCALENDAR"));

    let other = tmp.path().join("andet.ics");
    let err = invoke(
        &h,
        "event_ics_save",
        json!({ "id": ev, "path": other.display().to_string() }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "files.not_chosen");
    assert!(!other.exists());

    // With the dialog turned off (as in the e2e tests) the command answers
    // at once: save in the default folder.
    std::env::set_var(sundby::commands::files::NO_DIALOG_ENV, "1");
    let choice = invoke(
        &h,
        "save_dialog",
        json!({ "kind": "events", "name": "Netværksmøde.ics" }),
    )
    .unwrap();
    assert_eq!(choice, json!({ "path": null, "cancelled": false }));
}

#[test]
fn the_documents_folder_is_shown_and_changed_through_the_commands() {
    let tmp = tempfile::tempdir().unwrap();
    let h = Harness::new(Store::open_in_memory().unwrap());
    let err = invoke(&h, "output_folder_save", json!({ "folder": "relativ" })).unwrap_err();
    assert_eq!(err["code"], "files.not_absolute");
    assert_eq!(err["field"], "output_folder");
    let dir = tmp.path().display().to_string();
    let view = invoke(&h, "output_folder_save", json!({ "folder": dir })).unwrap();
    assert_eq!(view["folder"], dir);
    assert_eq!(view["path"], dir);
    assert_eq!(view["kinds"][0]["kind"], "diplomas");
    assert_eq!(
        view["kinds"][0]["path"],
        tmp.path().join("Diplomer").display().to_string()
    );
    assert_eq!(invoke(&h, "output_folder_get", json!({})).unwrap(), view);
    // The Diplomer view's folder field is the same setting.
    let d = invoke(&h, "diploma_settings_get", json!({})).unwrap();
    assert_eq!(d["settings"]["folder"], dir);
    assert_eq!(
        d["folder"],
        tmp.path().join("Diplomer").display().to_string()
    );
    let view = invoke(&h, "output_folder_save", json!({ "folder": "" })).unwrap();
    assert_eq!(view["folder"], "");
    assert_eq!(view["path"], view["default_path"]);
}

// ── the CLI ──

/// Runs `args` twice on an existing `out`: refused without `--force` (the
/// file unchanged, the same Danish message), replaced with it.
fn refuses_then_forces(data: &Path, out: &Path, args: &[&str]) {
    std::fs::write(out, b"old").unwrap();
    let o = sundby(data, args);
    assert!(!o.status.success(), "{args:?} overwrote");
    let message = format!(
        "Filen {} findes allerede og bliver ikke overskrevet. Vælg et andet navn (eller --force for at overskrive).",
        out.display()
    );
    assert!(stderr(&o).contains(&message), "{args:?}: {}", stderr(&o));
    assert_eq!(std::fs::read(out).unwrap(), b"old", "{args:?}");
    let mut forced = args.to_vec();
    forced.push("--force");
    let o = sundby(data, &forced);
    assert!(o.status.success(), "{forced:?}: {}", stderr(&o));
    assert_ne!(std::fs::read(out).unwrap(), b"old", "{forced:?}");
}

#[test]
fn every_cli_subcommand_that_writes_refuses_an_existing_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let ev = {
        let (mut s, _) = Store::open_dir(&data).unwrap();
        partner(&s.conn, "Løberne", "forening", "aktiv");
        sundby_core::events::store::save(
            &mut s.conn,
            &event("Julemøde", ("03.12.2026", "15:00"), ("", "17:00")),
        )
        .unwrap()
        .event
        .id
    };
    let o = |name: &str| -> PathBuf { dir.path().join(name) };
    let s = |p: &PathBuf| p.display().to_string();
    let (pdf, all, csv, ics, sheet, html) = (
        o("diplom.pdf"),
        o("alle.pdf"),
        o("partnere.csv"),
        o("møde.ics"),
        o("liste.pdf"),
        o("brev.html"),
    );
    refuses_then_forces(
        &data,
        &pdf,
        &["diploma", "--partner", "Løberne", "--out", &s(&pdf)],
    );
    refuses_then_forces(&data, &all, &["diplomas", "--pending", "--out", &s(&all)]);
    refuses_then_forces(&data, &csv, &["export", &s(&csv)]);
    assert!(std::fs::read(&csv).unwrap().starts_with(b"\xEF\xBB\xBF"));
    refuses_then_forces(
        &data,
        &ics,
        &["event-ics", "--event", &ev, "--out", &s(&ics)],
    );
    refuses_then_forces(
        &data,
        &sheet,
        &["event-signin", "--event", &ev, "--out", &s(&sheet)],
    );
    let newsletter = [
        "newsletter",
        "--from",
        "01.11.2026",
        "--to",
        "31.12.2026",
        "--out",
    ];
    let mut args = newsletter.to_vec();
    let html_s = s(&html);
    args.push(&html_s);
    refuses_then_forces(&data, &html, &args);
    // The recipients' CSV beside it has the BOM, as from the window.
    let csv = std::fs::read(html.with_extension("csv")).unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBFPartner;"));
    // A taken .txt beside a free .html also stops the newsletter.
    std::fs::remove_file(&html).unwrap();
    let o = sundby(&data, &args);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("brev.txt findes allerede"),
        "{}",
        stderr(&o)
    );
    assert!(!html.exists());
}
