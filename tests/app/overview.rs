//! The Overblik and the activity log through the commands, as the UI calls
//! them: the demo fills the page, a due follow-up is followed to its
//! partner, a call is logged, the follow-up is marked done, and the page
//! updates; bad input comes back at its field.

use crate::common::{invoke, Harness};
use serde_json::{json, Value};
use sundby_core::store::Store;

#[test]
fn follow_a_due_follow_up_log_a_call_mark_it_done_and_the_overblik_updates() {
    let h = Harness::new(Store::open_in_memory().unwrap());
    let empty = invoke(&h, "overview_get", json!({})).unwrap();
    assert_eq!(empty["partners"], 0);
    assert_eq!(invoke(&h, "partners_demo", json!({})).unwrap(), 60);
    let o = invoke(&h, "overview_get", json!({})).unwrap();
    assert!(
        !o["follow_ups"]["first"].as_array().unwrap().is_empty(),
        "{o}"
    );
    for part in ["grants_awaiting", "events"] {
        assert!(!o[part].as_array().unwrap().is_empty(), "{part}: {o}");
    }
    assert!(o["diploma_queue"]["count"].as_u64().unwrap() > 0);
    assert!(o["next_ceremony"]["link"].as_str().unwrap() == "#/diplomer");
    let due = o["follow_ups"]["count"].as_u64().unwrap();
    // The whole list the page links to has as many as the page counts.
    let all = invoke(&h, "follow_ups_due", json!({})).unwrap();
    assert_eq!(all.as_array().unwrap().len() as u64, due);
    assert_eq!(o["follow_ups"]["link"], "#/overblik/opfoelgninger");
    let first = &o["follow_ups"]["first"][0];
    assert_eq!(&all[0], first);
    let link = first["link"].as_str().unwrap();
    let partner_id = link.trim_start_matches("#/partnere/").to_string();
    let follow_up_id = first["follow_up"]["id"].as_str().unwrap().to_string();

    let logged = invoke(
        &h,
        "activity_add",
        json!({ "partnerId": partner_id, "input": { "kind": "opkald", "text": "Ringede om afrapporteringen" } }),
    )
    .unwrap();
    assert_eq!(logged["kind"], "opkald");
    let done = invoke(
        &h,
        "follow_up_set_done",
        json!({ "id": follow_up_id, "done": true }),
    )
    .unwrap();
    assert_eq!(done["state"], "done");
    let after = invoke(&h, "overview_get", json!({})).unwrap();
    assert_eq!(after["follow_ups"]["count"].as_u64().unwrap(), due - 1);

    let timeline = invoke(&h, "partner_timeline", json!({ "partnerId": partner_id })).unwrap();
    let timeline = timeline.as_array().unwrap();
    // Newest first (an event coming up is above today's call).
    let first_activity = timeline.iter().find(|e| e["source"] == "activity").unwrap();
    assert_eq!(first_activity["title"], "Ringede om afrapporteringen");
    assert!(timeline.iter().any(|e| e["source"] == "status"));
    let leads = invoke(&h, "recruitment_pipeline", json!({})).unwrap();
    assert!(!leads.as_array().unwrap().is_empty());

    // Bad input: at its field, in Danish, nothing stored.
    let err: Value = invoke(
        &h,
        "follow_up_add",
        json!({ "partnerId": partner_id, "input": { "due_on": "", "text": "Ring" } }),
    )
    .unwrap_err();
    assert_eq!(err["field"], "follow_up_on");
    assert_eq!(err["code"], "validation.required");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("Opfølgningens dato"),
        "{err}"
    );
    let err = invoke(
        &h,
        "activity_add",
        json!({ "partnerId": partner_id, "input": { "kind": "opkald", "text": "x".repeat(2001) } }),
    )
    .unwrap_err();
    assert_eq!(
        (err["field"].as_str(), err["code"].as_str()),
        (Some("activity_text"), Some("validation.too_long"))
    );
    let follow = invoke(
        &h,
        "follow_ups_for_partner",
        json!({ "partnerId": partner_id }),
    )
    .unwrap();
    assert!(follow
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["text"] != "Ring"));
}

#[test]
fn an_activity_deleted_leaves_the_timeline_and_a_second_delete_is_refused() {
    let h = Harness::new(Store::open_in_memory().unwrap());
    assert_eq!(invoke(&h, "partners_demo", json!({})).unwrap(), 60);
    let o = invoke(&h, "overview_get", json!({})).unwrap();
    let link = o["follow_ups"]["first"][0]["link"].as_str().unwrap();
    let partner_id = link.trim_start_matches("#/partnere/").to_string();
    let logged = invoke(
        &h,
        "activity_add",
        json!({ "partnerId": partner_id, "input": { "kind": "note", "text": "Skrevet på den forkerte partner" } }),
    )
    .unwrap();
    let id = logged["id"].as_str().unwrap().to_string();
    let ids = |h: &Harness| -> Vec<String> {
        invoke(h, "partner_timeline", json!({ "partnerId": partner_id }))
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["source"] == "activity")
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect()
    };
    let before = ids(&h);
    assert!(before.contains(&id));
    assert_eq!(
        invoke(&h, "activity_delete", json!({ "id": id })).unwrap(),
        Value::Null
    );
    let after = ids(&h);
    assert!(!after.contains(&id));
    assert_eq!(after.len(), before.len() - 1);
    let err = invoke(&h, "activity_delete", json!({ "id": id })).unwrap_err();
    assert_eq!(err["code"], "activities.not_found");
}
