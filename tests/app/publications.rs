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
