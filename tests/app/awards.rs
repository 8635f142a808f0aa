//! Awards through the CLI (`sundby awards`) and through the commands as the
//! UI calls them: JSON in, `{code, message, field}` out.

use crate::common::cli::sundby;
use crate::common::fixtures::partner;
use crate::common::{invoke, Harness};
use serde_json::json;
use sundby_core::store::Store;

#[test]
fn the_cli_prints_a_round_with_its_ranking_and_votes() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (mut store, _) = Store::open_dir(dir.path()).unwrap();
        for name in ["Gåklubben Ærø", "Børnehaven Solsikken", "Løbeklubben Å"] {
            partner(&store.conn, name, "forening", "aktiv");
        }
        sundby_core::awards::demo::fill(&mut store.conn, sundby_core::dates::today()).unwrap();
    }
    let out = sundby(
        dir.path(),
        &["awards", "--round", "Frontløberprisen (demo)"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Frontløberprisen (demo)  (Bedømmes)"),
        "{text}"
    );
    assert!(text.contains("Årets Frontløber (Udvalget)"), "{text}");
    assert!(text.contains("Byens Frontløber (Afstemning)"), "{text}");
    assert!(text.contains("Gåklubben Ærø"), "{text}");
    assert!(text.contains("stemmer"), "{text}");
    assert!(text.contains("mangler: Aisha Prøve"), "{text}");
    let none = sundby(dir.path(), &["awards", "--round", "Ingen sådan runde"]);
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("Ingen sådan runde"));
}

#[test]
fn a_round_through_the_commands_from_nomination_to_diploma() {
    let store = Store::open_in_memory().unwrap();
    let out = tempfile::tempdir().unwrap();
    sundby_core::settings::set_pref(&store.conn, "output_dir", &out.path().display().to_string())
        .unwrap();
    let a = partner(&store.conn, "Røde Kors Hovedstaden", "forening", "aktiv");
    let b = partner(
        &store.conn,
        "Børnehaven Evigglad",
        "institution",
        "afsluttet",
    );
    let h = Harness::new(store);
    let round = invoke(
        &h,
        "awards_round_create",
        json!({ "input": { "name": "Frontløberprisen 2021", "nomination_deadline": "01.10.2021",
                           "celebration_on": "25.11.2021", "celebration_place": "Rådhuset" } }),
    )
    .unwrap();
    let rid = round["id"].as_str().unwrap().to_string();
    let prize = invoke(
        &h,
        "awards_prize_save",
        json!({ "input": { "round_id": rid, "name": "Årets Frontløber", "decided_by": "committee" } }),
    )
    .unwrap();
    let pid = prize["id"].as_str().unwrap().to_string();
    let member = invoke(
        &h,
        "awards_member_add",
        json!({ "input": { "round_id": rid, "name": "Merete" } }),
    )
    .unwrap();
    let nominate = |partner: &str, texts: serde_json::Value| {
        invoke(
            &h,
            "awards_nominate",
            json!({ "input": { "round_id": rid, "partner_id": partner, "prize_ids": [pid],
                               "title": "Indsats", "texts": texts, "received_on": "30.09.2021",
                               "consent_catalogue": true, "consent_vote": true } }),
        )
    };
    let err = nominate(&a, json!(["Én", "", "Tre"])).unwrap_err();
    assert_eq!(err["code"], "awards.missing_text");
    assert_eq!(err["field"], "criterion_text");
    let na = nominate(&a, json!(["Én", "To", "Tre"])).unwrap();
    let nb = nominate(&b, json!(["Én", "To", "Tre"])).unwrap();
    let detail = invoke(&h, "awards_round", json!({ "id": rid })).unwrap();
    let crit: Vec<String> = detail["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    let sheet = |nom: &serde_json::Value, score: &str| {
        crit.iter()
            .map(|c| json!({ "nomination_id": nom, "member_id": member["id"], "criterion_id": c, "score": score }))
            .collect::<Vec<_>>()
    };
    let err = invoke(
        &h,
        "awards_scores_set",
        json!({ "roundId": rid, "scores": sheet(&na, "9") }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "awards.score_out_of_range");
    assert_eq!(err["field"], "award_score");
    let mut both = sheet(&na, "5");
    both.extend(sheet(&nb, "3"));
    invoke(
        &h,
        "awards_scores_set",
        json!({ "roundId": rid, "scores": both }),
    )
    .unwrap();
    let err = invoke(
        &h,
        "awards_decide",
        json!({ "input": { "prize_id": pid, "nomination_id": nb } }),
    )
    .unwrap_err();
    assert_eq!(err["field"], "winner_reason");
    let decided = invoke(
        &h,
        "awards_decide",
        json!({ "input": { "prize_id": pid, "nomination_id": na } }),
    )
    .unwrap();
    assert_eq!(decided["winner_basis"], "ranking");
    let preview = invoke(&h, "awards_diploma_preview", json!({ "prizeId": pid })).unwrap();
    assert!(preview["svg"].as_str().unwrap().contains("<svg"));
    let g = invoke(
        &h,
        "awards_diploma_issue",
        json!({ "prizeId": pid, "path": null }),
    )
    .unwrap();
    assert!(std::path::Path::new(g["path"].as_str().unwrap()).exists());
    let page = invoke(&h, "awards_for_partner", json!({ "partnerId": a })).unwrap();
    assert_eq!(page[0]["prizes"][0]["won"], true);
    assert_eq!(page[0]["prizes"][0]["diploma_number"], 1);
    let photo = invoke(
        &h,
        "awards_photo_set",
        json!({ "id": na, "data": "bm90IGFuIGltYWdl" }),
    )
    .unwrap_err();
    assert_eq!(photo["field"], "nomination_photo");
}

#[test]
fn the_cli_writes_the_catalogue_and_the_scoring_sheet() {
    use crate::common::tools;
    let dir = tempfile::tempdir().unwrap();
    let names = ["Gåklubben Ærø", "Børnehaven Solsikken", "Løbeklubben Å"];
    {
        let (mut store, _) = Store::open_dir(dir.path()).unwrap();
        for name in names {
            partner(&store.conn, name, "forening", "aktiv");
        }
        sundby_core::awards::demo::fill(&mut store.conn, sundby_core::dates::today()).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("katalog.pdf");
    let args = [
        "award-catalogue",
        "--round",
        "Frontløberprisen (demo)",
        "--out",
        pdf.to_str().unwrap(),
    ];
    let run = sundby(dir.path(), &args);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&run.stdout).trim(),
        pdf.display().to_string()
    );
    tools::qpdf_ok(&pdf);
    let text = tools::pdftotext(&pdf);
    assert!(text.contains("Frontløberprisen (demo)"), "{text}");
    assert!(text.contains("Årets Frontløber"), "{text}");
    assert!(text.contains("Byens Frontløber"), "{text}");
    for name in names {
        // Every nominee (all three consented) by name, æøå intact.
        assert!(text.contains(name), "{name} missing: {text}");
    }
    for title in [
        "Gåvenner for seniorer",
        "Frugt i frikvarteret",
        "Mindfulness for de mindste",
    ] {
        assert!(text.contains(title), "{title} missing: {text}");
    }
    let fonts = tools::pdffonts(&pdf);
    for line in fonts.lines().skip(2) {
        // name … emb sub uni object ID: every font embedded and subset.
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert!(cols[0].contains('+'), "not subset: {line}");
        assert!(
            line.contains(" yes yes "),
            "not embedded and subset: {line}"
        );
    }
    assert!(fonts.lines().count() > 2, "no fonts: {fonts}");

    // An existing file is not overwritten without --force.
    let before = std::fs::read(&pdf).unwrap();
    std::fs::write(&pdf, b"mine").unwrap();
    let again = sundby(dir.path(), &args);
    assert!(!again.status.success());
    assert_eq!(std::fs::read(&pdf).unwrap(), b"mine");
    let mut forced = args.to_vec();
    forced.push("--force");
    assert!(sundby(dir.path(), &forced).status.success());
    assert_eq!(&std::fs::read(&pdf).unwrap()[..5], &before[..5]);

    // The committee's scoring sheet.
    let sheet = out.path().join("pointark.pdf");
    let run = sundby(
        dir.path(),
        &[
            "award-catalogue",
            "--round",
            "Frontløberprisen (demo)",
            "--pointark",
            "--out",
            sheet.to_str().unwrap(),
        ],
    );
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    tools::qpdf_ok(&sheet);
    let text = tools::pdftotext(&sheet);
    assert!(text.contains("Gåklubben Ærø"), "{text}");
    assert!(text.contains("Kommentar"), "{text}");

    // An unknown round: a message naming it, no file.
    let none_pdf = out.path().join("ingen.pdf");
    let none = sundby(
        dir.path(),
        &[
            "award-catalogue",
            "--round",
            "Ingen sådan runde",
            "--out",
            none_pdf.to_str().unwrap(),
        ],
    );
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("Ingen sådan runde"));
    assert!(!none_pdf.exists());
}
