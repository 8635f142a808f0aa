//! The grant pool through the CLI (`sundby grants`) and through the
//! commands as the UI calls them: JSON in, `{code, message, field}` out.

use crate::common::cli::sundby;
use crate::common::fixtures::year_with_applications;
use sundby_core::store::Store;

#[test]
fn the_cli_prints_the_year_of_the_pool() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (mut store, _) = Store::open_dir(dir.path()).unwrap();
        year_with_applications(&mut store.conn);
    }
    let out = sundby(dir.path(), &["grants", "--year", "2026"]);
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
    let none = sundby(dir.path(), &["grants", "--year", "2031"]);
    assert!(none.status.success());
    assert_eq!(
        String::from_utf8_lossy(&none.stdout),
        "Der er ingen pulje for 2031.\n"
    );
    let bad = sundby(dir.path(), &["grants", "--year", "tyve"]);
    assert_eq!(bad.status.code(), Some(2));
}

mod commands {
    //! The Pulje commands through the Tauri mock runtime, as the UI calls
    //! them: JSON in, `{code, message, field}` out.
    use crate::common::fixtures::partner_at;
    use std::path::Path;
    use sundby_core::store::Store;

    fn partner(conn: &rusqlite::Connection, name: &str, kind: &str, address: &str) -> String {
        partner_at(conn, name, kind, "aktiv", address)
    }
    use crate::common::{invoke, Harness};
    use serde_json::json;

    fn harness(store: Store) -> Harness {
        Harness::new(store)
    }

    #[test]
    fn a_whole_application_through_the_commands_and_a_refusal_at_its_field() {
        let store = Store::open_in_memory().unwrap();
        let out = tempfile::tempdir().unwrap();
        sundby_core::settings::set_pref(
            &store.conn,
            "output_dir",
            &out.path().display().to_string(),
        )
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

        let path = invoke(&h, "grants_export", json!({ "year": 2026 })).unwrap();
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
