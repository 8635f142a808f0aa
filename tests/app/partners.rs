//! The partner register (issue 3) from the outside: its Tauri commands through
//! the mock runtime as the UI calls them, and `sundby demo` as a user runs it.

use crate::common::{invoke, Harness};
use serde_json::{json, Value};
use std::process::Command;
use sundby_core::store::Store;

const GOAL1: &str = "5b0f6c1e-0001-4c6e-9a51-000000000001";
const GOAL2: &str = "5b0f6c1e-0002-4c6e-9a51-000000000002";

fn harness() -> Harness {
    Harness::new(Store::open_in_memory().unwrap())
}

fn list(h: &Harness, query: Value) -> Value {
    invoke(h, "partners_list", json!({ "query": query })).unwrap()
}

#[test]
fn create_find_edit_delete_restore_through_commands() {
    let h = harness();
    let input = json!({
        "name": "Fredericia Løbeklub",
        "kind": "forening",
        "status": "aktiv",
        "joined_on": "01.03.2024",
        "goals": [GOAL1, GOAL2],
        "initiative": "Gåture fra havnen hver tirsdag",
        "contacts": [{ "name": "Søren Ærøe", "email": "soren@loeb.dk", "phone": "+45 12 34 56 78" }]
    });
    let p = invoke(&h, "partner_create", json!({ "input": input })).unwrap();
    let id = p["id"].as_str().unwrap().to_string();
    assert_eq!(p["kind"], "forening");
    assert_eq!(p["status"], "aktiv");
    assert_eq!(p["joined_on"], "2024-03-01");
    assert_eq!(p["goals"].as_array().unwrap().len(), 2);
    assert_eq!(p["contacts"][0]["is_primary"], true);

    let r = list(&h, json!({ "search": "søren" }));
    assert_eq!(r["total"], 1);
    assert_eq!(r["active"], 1);
    assert_eq!(r["rows"][0]["id"], id.as_str());
    assert_eq!(r["rows"][0]["goal_positions"], json!([1, 2]));
    let r = list(&h, json!({ "kind": "virksomhed" }));
    assert_eq!(r["total"], 0);
    assert_eq!(r["overall"], 1);

    let mut edit = input.clone();
    edit["status"] = json!("i_dvale");
    edit["status_changed_on"] = json!("2025-01-02");
    edit["contacts"][0]["id"] = p["contacts"][0]["id"].clone();
    let p2 = invoke(&h, "partner_update", json!({ "id": id, "input": edit })).unwrap();
    assert_eq!(p2["status"], "i_dvale");
    assert_eq!(p2["contacts"][0]["id"], p["contacts"][0]["id"]);
    let hist = p2["status_history"].as_array().unwrap();
    assert_eq!(hist.len(), 2);
    assert_eq!(
        hist[1],
        json!({ "status": "i_dvale", "changed_on": "2025-01-02" })
    );

    invoke(&h, "partner_delete", json!({ "id": id })).unwrap();
    assert_eq!(list(&h, json!({}))["total"], 0);
    assert_eq!(list(&h, json!({ "in_bin": true }))["total"], 1);
    let back = invoke(&h, "partner_restore", json!({ "id": id })).unwrap();
    assert!(back["deleted_at"].is_null());
    assert_eq!(list(&h, json!({}))["total"], 1);
}

#[test]
fn the_form_gets_every_problem_at_its_field_in_the_users_language() {
    let h = harness();
    let bad = json!({
        "name": "",
        "kind": "forening",
        "status": "aktiv",
        "contacts": [{ "name": "Bo", "email": "bo@", "phone": "1234" }]
    });
    let problems = invoke(&h, "partner_check", json!({ "id": null, "input": bad })).unwrap();
    let got: Vec<(Value, Value, Value)> = problems
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["field"].clone(), p["index"].clone(), p["message"].clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            (json!("name"), Value::Null, json!("Navnet skal udfyldes")),
            (
                json!("goals"),
                Value::Null,
                json!("En aktiv partner skal have mindst én målsætning")
            ),
            (
                json!("email"),
                json!(0),
                json!("Kontaktperson 1: E-mailadressen er ikke gyldig (forventet fx navn@eksempel.dk)")
            ),
            (
                json!("phone"),
                json!(0),
                json!("Kontaktperson 1: Telefonnummeret er ikke et gyldigt dansk nummer (8 cifre, evt. med +45)")
            ),
        ]
    );
    // Saving anyway is refused with the first problem, nothing stored.
    let err = invoke(&h, "partner_create", json!({ "input": bad })).unwrap_err();
    assert_eq!(err["code"], "validation.required");
    assert_eq!(err["field"], "name");
    assert_eq!(list(&h, json!({}))["overall"], 0);

    invoke(&h, "language_set", json!({ "language": "en" })).unwrap();
    let problems = invoke(&h, "partner_check", json!({ "id": null, "input": bad })).unwrap();
    assert_eq!(problems[0]["message"], "The name is required");
    let ok = json!({ "name": "Ok", "kind": "borger" });
    assert_eq!(
        invoke(&h, "partner_check", json!({ "id": null, "input": ok })).unwrap(),
        json!([])
    );
}

#[test]
fn html_and_sql_are_stored_verbatim_and_control_characters_refused() {
    let h = harness();
    let html = "<img src=x onerror=alert(1)><script>alert('x')</script>";
    let p = invoke(
        &h,
        "partner_create",
        json!({ "input": { "name": html, "kind": "virksomhed", "notes": "'; DROP TABLE partners; --" } }),
    )
    .unwrap();
    let got = invoke(&h, "partner_get", json!({ "id": p["id"] })).unwrap();
    assert_eq!(got["name"], html);
    assert_eq!(got["notes"], "'; DROP TABLE partners; --");
    assert_eq!(list(&h, json!({ "search": "<script>" }))["total"], 1);
    let err = invoke(
        &h,
        "partner_create",
        json!({ "input": { "name": "Bell\u{7}", "kind": "virksomhed" } }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "validation.control_characters");
    assert_eq!(err["field"], "name");
}

#[test]
fn duplicates_are_warned_about_with_links() {
    let h = harness();
    let p = invoke(
        &h,
        "partner_create",
        json!({ "input": { "name": "Bøgh & Søn Bageri ApS", "kind": "virksomhed",
                            "contacts": [{ "name": "Bo", "email": "bo@boegh.dk" }] } }),
    )
    .unwrap();
    let d = invoke(
        &h,
        "partner_duplicates",
        json!({ "name": "bøgh og søn bageri", "emails": [], "except": null }),
    )
    .unwrap();
    assert_eq!(d, json!([]), "'og' is not '&': a different name");
    let d = invoke(
        &h,
        "partner_duplicates",
        json!({ "name": "BØGH & SØN  BAGERI A/S", "emails": ["BO@boegh.dk"], "except": null }),
    )
    .unwrap();
    assert_eq!(d.as_array().unwrap().len(), 1);
    assert_eq!(d[0]["id"], p["id"]);
    assert_eq!(d[0]["reason"], "name");
}

#[test]
fn demo_loads_once_and_erase_empties_the_bin() {
    let h = harness();
    assert_eq!(invoke(&h, "partners_demo", json!({})).unwrap(), 60);
    let err = invoke(&h, "partners_demo", json!({})).unwrap_err();
    assert_eq!(err["code"], "partners.demo_refused");
    let r = list(&h, json!({ "limit": 10 }));
    assert_eq!(r["total"], 60);
    assert_eq!(r["rows"].as_array().unwrap().len(), 10);
    let first = r["rows"][0]["id"].clone();
    let second = r["rows"][1]["id"].clone();
    invoke(&h, "partner_delete", json!({ "id": first })).unwrap();
    invoke(&h, "partner_delete", json!({ "id": second })).unwrap();
    assert_eq!(invoke(&h, "partners_empty_bin", json!({})).unwrap(), 2);
    assert_eq!(list(&h, json!({ "in_bin": true }))["total"], 0);
    assert_eq!(list(&h, json!({}))["total"], 58);
    // The demo hands out diplomas, so an erased demo partner with one keeps
    // an anonymised row for the statistics; one without is gone.
    match invoke(&h, "partner_get", json!({ "id": first })) {
        Ok(p) => assert!(p["erased_at"].is_string(), "{p}"),
        Err(err) => assert_eq!(err["code"], "partners.not_found"),
    }
    let third = list(&h, json!({}))["rows"][0]["id"].clone();
    let erased = invoke(&h, "partner_erase", json!({ "id": third })).unwrap();
    assert!(erased == "deleted" || erased == "anonymised", "{erased}");
    assert_eq!(list(&h, json!({}))["total"], 57);
}

#[test]
fn sundby_demo_on_the_command_line_refuses_to_mix_into_real_data() {
    let dir = tempfile::tempdir().unwrap();
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_sundby"))
            .arg("demo")
            .env("SUNDBY_DATA_DIR", dir.path())
            .output()
            .unwrap()
    };
    let out = run();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("60 demopartnere indlæst, med "),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = run();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("allerede 60 partnere"));
    let (store, _) = Store::open_dir(dir.path()).unwrap();
    let n: i64 = store
        .conn
        .query_row("SELECT count(*) FROM partners", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 60);
}
