//! Diplomas through the CLI (one diploma, the whole queue, never
//! overwriting) and through the commands as the UI calls them.

use crate::common::fixtures::{partner, NAMES};
use crate::common::{cli, tools};
use std::path::Path;

fn p(path: &Path) -> &str {
    path.to_str().unwrap_or_default()
}

#[test]
fn cli_writes_one_diploma_or_the_whole_queue_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).expect("mkdir");
    {
        let (store, _) = sundby_core::store::Store::open_dir(&data).expect("db");
        for name in NAMES {
            partner(&store.conn, name, "forening", "aktiv");
        }
    }
    let run = |args: &[&str]| cli::sundby(&data, args);
    let one = dir.path().join("one.pdf");
    let o = run(&[
        "diploma",
        "--partner",
        "ærø åben skole & fællesskab",
        "--out",
        p(&one),
        "--date",
        "22.11.2026",
        "--place",
        "Rådhuset",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (_, text) = tools::run("pdftotext", &[p(&one), "-"]);
    assert!(
        text.contains("Ærø Åben Skole & Fællesskab")
            && text.contains("Rådhuset, 22. november 2026"),
        "{text}"
    );
    let o = run(&[
        "diploma",
        "--partner",
        "Ærø Åben Skole & Fællesskab",
        "--out",
        p(&one),
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("findes allerede"));
    let all = dir.path().join("all.pdf");
    let o = run(&["diplomas", "--pending", "--out", p(&all)]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (_, info) = tools::run("pdfinfo", &[p(&all)]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.trim_end().ends_with(&NAMES.len().to_string())),
        "{info}"
    );
    let o = run(&[
        "diploma",
        "--partner",
        "Ingen",
        "--out",
        p(&dir.path().join("x.pdf")),
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("ingen partner"));
}
mod commands {
    //! The diploma commands through the Tauri mock runtime, as the UI calls them.
    use crate::common::{invoke, Harness};
    use serde_json::json;
    use sundby_core::store::{new_id, now, Store};

    #[test]
    fn ceremony_queue_preview_generate_and_mark_through_commands() {
        let store = Store::open_in_memory().expect("store");
        let pid = new_id();
        store
            .conn
            .execute(
                "INSERT INTO partners (id, name, name_key, sort_key, kind, status, joined_on, created_at, updated_at)
                 VALUES (?1, 'Børnehaven Evigglad', 'b', 'b', 'institution', 'aktiv', '2026-01-05', ?2, ?2)",
                rusqlite::params![pid, now()],
            )
            .expect("partner");
        let w = Harness::new(store);
        let out = tempfile::tempdir().expect("tmp");

        let view = invoke(&w, "diploma_settings_get", json!({})).expect("settings");
        assert_eq!(view["settings"]["design"], "classic");
        let mut s = view["settings"].clone();
        s["folder"] = json!(out.path().display().to_string());
        s["colour"] = json!("not a colour");
        let err = invoke(&w, "diploma_settings_save", json!({ "input": s.clone() }))
            .expect_err("bad colour");
        assert_eq!(err["field"], "diploma_colour");
        assert_eq!(err["message"], "Farven har en ukendt værdi");
        s["colour"] = json!("#7a1f3d");
        invoke(&w, "diploma_settings_save", json!({ "input": s })).expect("save");

        let err = invoke(
            &w,
            "ceremony_save",
            json!({ "input": { "held_on": "31.02.2026" } }),
        )
        .expect_err("bad date");
        assert_eq!(err["field"], "held_on");
        let cer = invoke(
            &w,
            "ceremony_save",
            json!({ "input": { "held_on": "22.11.2026", "place": "Rådhuset", "signatory_slots": [1, 2] } }),
        )
        .expect("ceremony");
        let queue = invoke(&w, "diploma_queue", json!({})).expect("queue");
        assert_eq!(queue[0]["name"], "Børnehaven Evigglad");

        // A live preview of unsaved wording.
        let mut draft =
            invoke(&w, "diploma_settings_get", json!({})).expect("s")["settings"].clone();
        draft["wording"]["title"] = json!("Æresbevis");
        let p = invoke(
            &w,
            "diploma_preview",
            json!({ "partnerId": pid, "occasion": { "held_on": "2026-11-22", "place": "Rådhuset" }, "settings": draft }),
        )
        .expect("preview");
        let svg = p["svg"].as_str().unwrap_or_default();
        assert!(svg.contains("ÆRESBEVIS") && svg.contains("Børnehaven Evigglad"));

        let err = invoke(
            &w,
            "diploma_generate",
            json!({ "ceremonyId": cer["id"], "partnerIds": [] }),
        )
        .expect_err("none");
        assert_eq!(err["code"], "diploma.no_partners");
        let g = invoke(
            &w,
            "diploma_generate",
            json!({ "ceremonyId": cer["id"], "partnerIds": [pid] }),
        )
        .expect("pdf");
        assert_eq!(g["file_name"], "Diplomer 2026-11-22 Rådhuset.pdf");
        // The diplomas' subfolder of the folder set above.
        assert!(out
            .path()
            .join("Diplomer")
            .join("Diplomer 2026-11-22 Rådhuset.pdf")
            .exists());

        let issued = invoke(
            &w,
            "diploma_mark_issued",
            json!({ "ceremonyId": cer["id"], "partnerIds": [pid] }),
        )
        .expect("mark");
        assert_eq!(issued[0]["number"], 1);
        assert_eq!(
            invoke(&w, "diploma_queue", json!({})).expect("q"),
            json!([])
        );
        let list = invoke(&w, "diplomas_for_partner", json!({ "partnerId": pid })).expect("list");
        assert_eq!(list.as_array().map(Vec::len), Some(1));

        // Opening is limited to files the app saved.
        let err = invoke(&w, "files_open", json!({ "path": "/etc/passwd" })).expect_err("refused");
        assert_eq!(err["code"], "handoff.refused");
    }
}
