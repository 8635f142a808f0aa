//! Publications through the CLI: the inspiration catalogue's PDF and the
//! partner pages for the website with the list of what to publish and what
//! to remove.

use crate::common::cli::{stderr, sundby};
use crate::common::fixtures;
use sundby_core::store::Store;

#[test]
fn cli_writes_the_catalogue_and_the_web_pages_and_lists_removals() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (a, b) = {
        let (s, _) = Store::open_dir(&data).unwrap();
        let a = fixtures::partner(&s.conn, "Ærø Åben Skole", "institution", "aktiv");
        let b = fixtures::partner(&s.conn, "Hemmelig <i>Høj</i>", "virksomhed", "aktiv");
        s.conn
            .execute(
                "UPDATE partners SET consent_public = 1, initiative = 'Frugt <script>x</script>'",
                [],
            )
            .unwrap();
        (a, b)
    };
    let pdf = dir.path().join("katalog.pdf");
    let out = sundby(&data, &["catalogue", "--out", pdf.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    // An existing file is refused without --force.
    let again = sundby(&data, &["catalogue", "--out", pdf.to_str().unwrap()]);
    assert!(!again.status.success());
    let forced = sundby(
        &data,
        &["catalogue", "--out", pdf.to_str().unwrap(), "--force"],
    );
    assert!(forced.status.success(), "{}", stderr(&forced));

    let web1 = dir.path().join("web1");
    let out = sundby(&data, &["webpages", "--out", web1.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("sider:          2"), "{stdout}");
    let page = std::fs::read_to_string(web1.join(format!("partner-{b}.html"))).unwrap();
    assert!(page.contains("Hemmelig &lt;i&gt;Høj&lt;/i&gt;"), "{page}");
    assert!(!page.contains("<script"), "{page}");

    {
        let (s, _) = Store::open_dir(&data).unwrap();
        s.conn
            .execute("UPDATE partners SET consent_public = 0 WHERE id = ?1", [&b])
            .unwrap();
        s.conn
            .execute(
                "UPDATE partners SET status = 'afsluttet' WHERE id = ?1",
                [&a],
            )
            .unwrap();
    }
    let web2 = dir.path().join("web2");
    let out = sundby(&data, &["webpages", "--out", web2.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "fjern:          partner-{b}.html (samtykket er trukket tilbage)"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "fjern:          partner-{a}.html (partneren er ikke længere aktiv)"
        )),
        "{stdout}"
    );
}

#[test]
fn commands_edit_a_text_choose_examples_save_the_catalogue_and_export_pages() {
    use crate::common::{invoke, Harness};
    use serde_json::json;
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open_in_memory().unwrap();
    sundby_core::files::set_folder_setting(&s.conn, &dir.path().display().to_string(), "folder")
        .unwrap();
    let a = fixtures::partner(&s.conn, "Åben Have", "forening", "aktiv");
    fixtures::partner(&s.conn, "Uden Samtykke", "forening", "aktiv");
    s.conn
        .execute(
            "UPDATE partners SET consent_public = 1, initiative = 'Fælles køkkenhave' WHERE id = ?1",
            [&a],
        )
        .unwrap();
    let goal = sundby_core::settings::goals(&s.conn, false).unwrap()[0]
        .id
        .clone();
    s.conn
        .execute(
            "INSERT INTO partner_goals (partner_id, goal_id) VALUES (?1, ?2)",
            [&a, &goal],
        )
        .unwrap();
    let h = Harness::new(s);
    let start = invoke(
        &h,
        "publications_start",
        json!({ "input": { "partner_ids": null } }),
    )
    .unwrap();
    let names: Vec<&str> = start["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Åben Have"]);
    let t = invoke(
        &h,
        "publication_text_save",
        json!({ "key": "intro", "body": "Hej <b>by</b>" }),
    )
    .unwrap();
    assert_eq!(t["body"], "Hej <b>by</b>");
    let err = invoke(
        &h,
        "publication_text_save",
        json!({ "key": "nope", "body": "x" }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "publications.unknown_text");
    let saved = invoke(
        &h,
        "catalogue_save",
        json!({ "input": { "partner_ids": [a] }, "path": null }),
    )
    .unwrap();
    let path = saved["path"].as_str().unwrap();
    assert!(
        path.contains("Publikationer") && path.ends_with(".pdf"),
        "{path}"
    );
    let text = crate::common::tools::pdftotext(std::path::Path::new(path));
    assert!(
        text.contains("Hej <b>by</b>") && text.contains("Åben Have"),
        "{text}"
    );
    assert!(!text.contains("Uden Samtykke"));
    let r = invoke(&h, "webpages_export", json!({})).unwrap();
    assert_eq!(r["pages"], 1);
    assert_eq!(r["new"][0]["name"], "Åben Have");
    // A path not chosen in the save dialog is refused.
    let err = invoke(
        &h,
        "catalogue_save",
        json!({ "input": { "partner_ids": null }, "path": "/tmp/x.pdf" }),
    )
    .unwrap_err();
    assert!(err["code"].as_str().unwrap().starts_with("files."), "{err}");
}
