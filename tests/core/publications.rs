//! Integration tests of the publications: the inspiration catalogue's PDF
//! read back with poppler and qpdf (only consenting partners' examples, in
//! the programme's order of goals, æøå intact, fonts embedded and subset),
//! the catalogue's .docx read back (document.xml from the zip: every
//! section, consent, markup literal), the partner pages for the website
//! parsed with a real HTML tokenizer (no script, no remote resource, user
//! text escaped, the change list), and the welcome e-mail (user text
//! escaped, the diploma reminder, the pack recorded on the partner).
//!
//! Set `PRINT_PNG_DIR` to keep the catalogue there (to look at it with
//! `pdftoppm`).

#[path = "../common/fixtures.rs"]
mod fixtures;
#[path = "../common/tools.rs"]
mod tools;

use chrono::NaiveDate;
use std::path::PathBuf;
use sundby_core::files::Target;
use sundby_core::publications::catalogue::{self, CatalogueInput};
use sundby_core::publications::{set_text, web, welcome};
use sundby_core::settings::{self, ProgrammeInput};
use sundby_core::store::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
}

/// A partner with goals (by position), an initiative and consent as given.
fn partner(s: &Store, name: &str, goals: &[usize], initiative: &str, consent: bool) -> String {
    let id = fixtures::partner(&s.conn, name, "virksomhed", "aktiv");
    let all = settings::goals(&s.conn, false).unwrap();
    for g in goals {
        s.conn
            .execute(
                "INSERT INTO partner_goals (partner_id, goal_id) VALUES (?1, ?2)",
                [&id, &all[*g].id],
            )
            .unwrap();
    }
    s.conn
        .execute(
            "UPDATE partners SET initiative = ?2, consent_public = ?3, website = 'https://example.dk/<x>',
             target_group = 'Ældre', arena = 'Fritid' WHERE id = ?1",
            rusqlite::params![id, initiative, consent],
        )
        .unwrap();
    id
}

fn programme(s: &mut Store) {
    settings::save_programme(
        &s.conn,
        &ProgrammeInput {
            municipality: "Fredericia Kommune".into(),
            name: "Sund By Fredericia".into(),
            period_from: "2026-01-01".into(),
            period_to: "2027-12-31".into(),
        },
    )
    .unwrap();
    settings::set_logo(&mut s.conn, &fixtures::logo_png()).unwrap();
}

fn fixture() -> Store {
    let mut s = Store::open_in_memory().unwrap();
    programme(&mut s);
    partner(
        &s,
        "Ørestad Løbeklub",
        &[2],
        "Løbetræning for begyndere ved åen",
        true,
    );
    partner(
        &s,
        "Hemmelig Hønsegård",
        &[0, 1, 2],
        "SKJULT INITIATIV",
        false,
    );
    partner(
        &s,
        "Bageriet Æblekagen",
        &[0],
        "Fuldkornsbrød <b>til</b> skolerne",
        true,
    );
    partner(
        &s,
        "Cykelværkstedet",
        &[1, 0],
        "Gratis cykeltjek på torvet",
        true,
    );
    set_text(
        &s.conn,
        "intro",
        "Velkommen til partnerskabet – sammen gør vi byen sundere.",
    )
    .unwrap();
    let goal4 = settings::goals(&s.conn, false).unwrap()[3].id.clone();
    set_text(
        &s.conn,
        &format!("example:{goal4}"),
        "Idé: en gåklub i frokostpausen.",
    )
    .unwrap();
    sundby_core::grants::create_pool(
        &mut s.conn,
        &sundby_core::grants::PoolInput {
            year: 2026,
            total: "250.000".into(),
            max_per_application: "25.000".into(),
            criteria: "Aktiviteten skal være åben for alle.".into(),
        },
    )
    .unwrap();
    s
}

fn out_dir() -> PathBuf {
    let dir = match std::env::var_os("PRINT_PNG_DIR") {
        Some(d) => PathBuf::from(d),
        None => std::env::temp_dir().join(format!("sundby-pub-{}", std::process::id())),
    };
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_catalogue_has_only_consenting_examples_in_goal_order() {
    let s = fixture();
    let path = out_dir().join("inspirationskatalog.pdf");
    let _ = std::fs::remove_file(&path);
    let target = Target::Exact {
        path: path.clone(),
        replace: true,
    };
    catalogue::save(&s.conn, &CatalogueInput::default(), &target, today()).unwrap();
    tools::qpdf_ok(&path);
    let text = tools::pdftotext(&path);
    assert!(
        !text.contains("Hemmelig") && !text.contains("SKJULT"),
        "{text}"
    );
    let goals: Vec<String> = settings::goals(&s.conn, false)
        .unwrap()
        .into_iter()
        .map(|g| g.title)
        .collect();
    let order = [
        "SUND BY FREDERICIA",
        "Inspirationskatalog",
        "Fredericia Kommune",
        "Velkommen til partnerskabet – sammen gør vi byen sundere.",
        "Det forpligter I jer til",
        "diplom",
        "Puljen 2026",
        "250.000,00 kr.",
        "25.000,00 kr.",
        "Aktiviteten skal være åben for alle.",
        goals[0].as_str(),
        "Bageriet Æblekagen",
        "Fuldkornsbrød <b>til</b> skolerne",
        "Cykelværkstedet",
        goals[1].as_str(),
        "Cykelværkstedet",
        goals[2].as_str(),
        "Ørestad Løbeklub",
        "Løbetræning for begyndere ved åen",
        goals[3].as_str(),
        "Idé: en gåklub i frokostpausen.",
        "Sådan bliver I partner",
        "Kontakt",
    ];
    let flat = text.replace('\n', " ");
    let mut at = 0;
    for want in order {
        let found = flat[at..].find(want);
        assert!(found.is_some(), "«{want}» missing after byte {at}:\n{flat}");
        at += found.unwrap();
    }
}

#[test]
fn the_catalogue_fonts_are_embedded_and_subset_and_a_missing_logo_still_prints() {
    let mut s = fixture();
    settings::remove_logo(&mut s.conn).unwrap();
    let path = out_dir().join("uden-logo.pdf");
    std::fs::write(
        &path,
        catalogue::render(&s.conn, &CatalogueInput::default(), today()).unwrap(),
    )
    .unwrap();
    tools::qpdf_ok(&path);
    let fonts = tools::pdffonts(&path);
    for row in fonts.lines().skip(2) {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!(&cols[n - 5..n - 2], &["yes", "yes", "yes"], "{row}");
        assert!(cols[0].contains('+'), "not subset: {row}");
    }
    assert!(tools::pdftotext(&path).contains("Inspirationskatalog"));
}

#[test]
fn the_web_pages_have_no_script_no_remote_resource_and_escape_user_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = fixture();
    let folder = dir.path().join("web");
    let target = Target::Exact {
        path: folder.clone(),
        replace: false,
    };
    let first = web::export(&mut s.conn, &target, today()).unwrap();
    assert_eq!(first.pages, 3);
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.contains(&"index.html".to_string()) && names.contains(&"style.css".to_string()));
    assert!(
        names.contains(&"partnere.csv".to_string()) && names.contains(&"partnere.json".to_string())
    );
    assert_eq!(names.iter().filter(|n| n.ends_with(".css")).count(), 1);
    let mut bageriet = None;
    for n in names.iter().filter(|n| n.ends_with(".html")) {
        let html = std::fs::read_to_string(folder.join(n)).unwrap();
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "{n}");
        assert!(!lower.contains(" on") || !lower.contains("onload="), "{n}");
        assert!(
            !html.contains("Hemmelig") && !html.contains("SKJULT"),
            "{n}"
        );
        for attr in ["src=\"", "href=\""] {
            for (i, _) in lower.match_indices(attr) {
                let url = &lower[i + attr.len()..];
                let remote = url.starts_with("http") || url.starts_with("//");
                // Only a partner's website is linked, never loaded.
                let allowed = attr == "href=\"" && lower[..i].ends_with("<a ");
                assert!(
                    !remote || allowed,
                    "{n}: remote {attr}{}",
                    &url[..20.min(url.len())]
                );
            }
        }
        if html.contains("Bageriet") && n != "index.html" {
            bageriet = Some(html);
        }
    }
    let page = bageriet.unwrap();
    assert!(
        page.contains("Fuldkornsbrød &lt;b&gt;til&lt;/b&gt; skolerne"),
        "{page}"
    );
    assert!(page.contains("https://example.dk/&lt;x&gt;"), "{page}");
    assert!(page.contains("Ældre") && page.contains("Fritid"));
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("partnere.json")).unwrap()).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 3);
    let csv = std::fs::read(folder.join("partnere.csv")).unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
    assert!(String::from_utf8(csv).unwrap().contains("Ørestad Løbeklub"));
    // The same folder again is refused: nothing is overwritten.
    assert!(web::export(&mut s.conn, &target, today()).is_err());
}

#[test]
fn withdrawn_consent_names_the_page_for_removal() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = fixture();
    let at = |n: &str| Target::Exact {
        path: dir.path().join(n),
        replace: false,
    };
    web::export(&mut s.conn, &at("1"), today()).unwrap();
    let id: String = s
        .conn
        .query_row(
            "SELECT id FROM partners WHERE name = 'Cykelværkstedet'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    s.conn
        .execute(
            "UPDATE partners SET consent_public = 0 WHERE id = ?1",
            [&id],
        )
        .unwrap();
    let second = web::export(&mut s.conn, &at("2"), today()).unwrap();
    assert_eq!(second.pages, 2);
    assert_eq!(second.remove.len(), 1);
    assert_eq!(second.remove[0].file_name, web::file_name(&id));
    assert_eq!(
        second.remove[0].reason,
        web::RemovalReason::ConsentWithdrawn
    );
    assert!(!dir.path().join("2").join(web::file_name(&id)).exists());
    assert_eq!(second.unchanged, 2);
}

// ── reading the outputs back ──

/// The HTML as a real parser's tokenizer sees it: each start tag with its
/// attributes, and the text (character references decoded).
struct Parsed {
    tags: Vec<(String, Vec<(String, String)>)>,
    text: String,
}

fn parse_html(html: &str) -> Parsed {
    use html5ever::tendril::StrTendril;
    use html5ever::tokenizer::{
        BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
    };
    use std::cell::RefCell;
    struct Sink(RefCell<Parsed>);
    impl TokenSink for Sink {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            let mut p = self.0.borrow_mut();
            match token {
                Token::TagToken(t) if t.kind == TagKind::StartTag => {
                    let attrs = t
                        .attrs
                        .iter()
                        .map(|a| (a.name.local.to_string(), a.value.to_string()))
                        .collect();
                    p.tags.push((t.name.to_string(), attrs));
                }
                Token::CharacterTokens(s) => p.text.push_str(&s),
                _ => {}
            }
            TokenSinkResult::Continue
        }
    }
    let tok = Tokenizer::new(
        Sink(RefCell::new(Parsed {
            tags: Vec::new(),
            text: String::new(),
        })),
        TokenizerOpts::default(),
    );
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let _ = tok.feed(&input);
    tok.end();
    tok.sink.0.into_inner()
}

/// No script element, no event-handler attribute, nothing loaded from
/// elsewhere (a remote URL only as a link the reader follows).
fn assert_safe(name: &str, p: &Parsed, links_allowed: bool) {
    for (tag, attrs) in &p.tags {
        assert_ne!(tag, "script", "{name}: a script element");
        assert_ne!(tag, "iframe", "{name}: an iframe");
        for (attr, value) in attrs {
            assert!(!attr.starts_with("on"), "{name}: <{tag} {attr}>");
            let v = value.trim().to_ascii_lowercase();
            assert!(
                !v.starts_with("javascript:"),
                "{name}: <{tag} {attr}={value}>"
            );
            let remote = v.starts_with("http:") || v.starts_with("https:") || v.starts_with("//");
            if attr == "src" || (attr == "href" && tag != "a") {
                assert!(
                    !remote,
                    "{name}: <{tag} {attr}={value}> loads from elsewhere"
                );
            }
            if attr == "href" && tag == "a" && remote {
                assert!(links_allowed, "{name}: a remote link");
            }
        }
    }
}

/// The visible text runs of a .docx (`w:t`), XML entities decoded, and the
/// raw document.xml.
fn docx_text(bytes: &[u8]) -> (String, String) {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    z.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut text = String::new();
    for part in xml.split("<w:t xml:space=\"preserve\">").skip(1) {
        let run = part.split("</w:t>").next().unwrap();
        text.push_str(
            &run.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&"),
        );
        text.push(' ');
    }
    (text, xml)
}

#[test]
fn the_catalogue_docx_has_every_section_consent_and_literal_markup() {
    let s = fixture();
    let bytes = catalogue::render_docx(&s.conn, &CatalogueInput::default(), today()).unwrap();
    assert_eq!(&bytes[..2], b"PK");
    let (text, xml) = docx_text(&bytes);
    assert!(
        !text.contains("Hemmelig") && !text.contains("SKJULT"),
        "{text}"
    );
    // The same content as the PDF: the section headings come from one model.
    let content = catalogue::content(&s.conn, &CatalogueInput::default(), today()).unwrap();
    let goals: Vec<String> = settings::goals(&s.conn, false)
        .unwrap()
        .into_iter()
        .map(|g| g.title)
        .collect();
    let order = [
        "Sund By Fredericia",
        "Inspirationskatalog",
        "Fredericia Kommune",
        "Hvad er Sund By Fredericia?",
        "Velkommen til partnerskabet – sammen gør vi byen sundere.",
        "Det forpligter I jer til",
        "Det får I som partner",
        "diplom",
        "Puljen 2026",
        "250.000,00 kr.",
        "25.000,00 kr.",
        "Aktiviteten skal være åben for alle.",
        "Målene – og hvad andre partnere gør",
        goals[0].as_str(),
        "Bageriet Æblekagen",
        "Fuldkornsbrød <b>til</b> skolerne",
        "Cykelværkstedet",
        goals[1].as_str(),
        "Cykelværkstedet",
        goals[2].as_str(),
        "Ørestad Løbeklub",
        "Løbetræning for begyndere ved åen",
        goals[3].as_str(),
        "Idé: en gåklub i frokostpausen.",
        "Sådan bliver I partner",
        "Kontakt",
    ];
    let mut at = 0;
    for want in order {
        let found = text[at..].find(want);
        assert!(found.is_some(), "«{want}» missing after byte {at}:\n{text}");
        at += found.unwrap();
    }
    // Every heading of the content model is a real Word heading.
    fn headings(b: &[catalogue::Block], out: &mut Vec<(u8, String)>) {
        for b in b {
            match b {
                catalogue::Block::Heading { level, text } => out.push((*level, text.clone())),
                catalogue::Block::Group(g) => headings(g, out),
                _ => {}
            }
        }
    }
    let mut hs = Vec::new();
    headings(&content.blocks, &mut hs);
    assert!(hs.len() >= 10);
    for (level, h) in &hs {
        let esc = h
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        let want = format!(
            r#"<w:pStyle w:val="Heading{level}"/></w:pPr><w:r><w:t xml:space="preserve">{esc}</w:t>"#
        );
        assert!(xml.contains(&want), "heading «{h}» not a Heading{level}");
    }
    // Markup is text, never an element; the logo is a picture in the file.
    assert!(xml.contains("Fuldkornsbrød &lt;b&gt;til&lt;/b&gt; skolerne"));
    assert!(!xml.contains("<b>"));
    assert!(xml.contains("<wp:inline") && xml.contains(r#"<w:pStyle w:val="Title"/>"#));
    // Saved through the CLI's path: a .docx beside the PDF, never replacing.
    let dir = tempfile::tempdir().unwrap();
    let target = Target::Exact {
        path: dir.path().join("katalog.docx"),
        replace: false,
    };
    let p = catalogue::save_as(
        &s.conn,
        &CatalogueInput::default(),
        &target,
        today(),
        catalogue::Format::Docx,
    )
    .unwrap();
    assert_eq!(std::fs::read(&p).unwrap(), bytes);
    assert!(catalogue::save_as(
        &s.conn,
        &CatalogueInput::default(),
        &target,
        today(),
        catalogue::Format::Docx
    )
    .is_err());
    // Read by a real word processor when one is installed.
    if let Ok(out) = std::process::Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&p)
        .output()
    {
        assert!(out.status.success(), "{out:?}");
        let pdf = dir.path().join("katalog.pdf");
        let text = tools::pdftotext(&pdf);
        assert!(text.contains("Fuldkornsbrød <b>til</b> skolerne"), "{text}");
        assert!(!text.contains("Hemmelig"));
    }
}

#[test]
fn the_catalogue_docx_without_a_logo_and_with_a_chosen_partner_only() {
    let mut s = fixture();
    settings::remove_logo(&mut s.conn).unwrap();
    let id: String = s
        .conn
        .query_row(
            "SELECT id FROM partners WHERE name = 'Cykelværkstedet'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let input = CatalogueInput {
        partner_ids: Some(vec![id]),
    };
    let (text, xml) = docx_text(&catalogue::render_docx(&s.conn, &input, today()).unwrap());
    assert!(!xml.contains("<wp:inline"));
    assert!(text.contains("Cykelværkstedet") && text.contains("Inspirationskatalog"));
    assert!(
        !text.contains("Bageriet") && !text.contains("Ørestad"),
        "{text}"
    );
}

#[test]
fn the_web_pages_parse_as_html_without_script_or_remote_resource() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = fixture();
    let folder = dir.path().join("web");
    let target = Target::Exact {
        path: folder.clone(),
        replace: false,
    };
    let r = web::export(&mut s.conn, &target, today()).unwrap();
    assert_eq!(r.pages, 3);
    let mut seen = 0;
    for e in std::fs::read_dir(&folder).unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_none_or(|x| x != "html") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let html = std::fs::read_to_string(&path).unwrap();
        let p = parse_html(&html);
        assert_safe(&name, &p, name != "index.html");
        // The only stylesheet and picture are the folder's own files.
        for (tag, attrs) in &p.tags {
            for (attr, value) in attrs {
                if tag == "link" && attr == "href" {
                    assert_eq!(value, "style.css");
                }
                if tag == "img" && attr == "src" {
                    assert!(folder.join(value).is_file(), "{name}: {value} missing");
                }
                if tag == "a" && attr == "href" && !value.starts_with("http") {
                    assert!(
                        folder.join(value).is_file(),
                        "{name}: link to {value} missing"
                    );
                }
            }
        }
        assert!(!p.text.contains("Hemmelig") && !p.text.contains("SKJULT"));
        if p.text.contains("Bageriet Æblekagen") && name != "index.html" {
            // The typed markup is text the reader sees, not an element.
            assert!(
                p.text.contains("Fuldkornsbrød <b>til</b> skolerne"),
                "{}",
                p.text
            );
            assert!(
                !p.tags.iter().any(|(t, _)| t == "b"),
                "{name}: markup became a tag"
            );
            let href = p
                .tags
                .iter()
                .find(|(t, a)| {
                    t == "a" && a.iter().any(|(n, v)| n == "href" && v.starts_with("https"))
                })
                .map(|(_, a)| a.iter().find(|(n, _)| n == "href").unwrap().1.clone());
            assert_eq!(href.as_deref(), Some("https://example.dk/<x>"));
        }
        seen += 1;
    }
    assert_eq!(seen, 4, "three pages and the index");
}

// ── the welcome pack ──

fn new_partner(s: &mut Store) -> String {
    let id = partner(
        s,
        "Klub \"<Ø>\" & Co",
        &[0, 1],
        "<script>alert('x')</script> gåture & <i>kaffe</i>",
        true,
    );
    s.conn
        .execute(
            "INSERT INTO contacts (id, partner_id, name, email, is_primary, created_at, updated_at)
             VALUES ('c1', ?1, 'Åse <Bo>', 'aase@example.dk', 1, '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z')",
            [&id],
        )
        .unwrap();
    sundby_core::events::store::save(
        &mut s.conn,
        &fixtures::event(
            "Netværk <img src=x onerror=alert(1)>",
            ("10.12.2026", "15:00"),
            ("10.12.2026", "17:00"),
        ),
    )
    .unwrap();
    id
}

#[test]
fn the_welcome_email_escapes_user_text_and_says_what_a_new_partner_needs() {
    let mut s = fixture();
    let id = new_partner(&mut s);
    let w = welcome::build(&s.conn, &id, today()).unwrap();
    assert_eq!(w.to, "aase@example.dk");
    assert_eq!(w.subject, "Velkommen som partner i Sund By Fredericia");
    let p = parse_html(&w.html);
    assert_safe("welcome", &p, false);
    for (tag, _) in &p.tags {
        assert!(
            !["i", "ø", "bo"].contains(&tag.as_str()),
            "user markup became <{tag}>"
        );
    }
    assert_eq!(
        p.tags.iter().filter(|(t, _)| t == "img").count(),
        1,
        "only the logo"
    );
    // The only picture is the logo, inline (Outlook shows it without a download).
    for (tag, attrs) in p.tags.iter().filter(|(t, _)| t == "img") {
        let src = &attrs.iter().find(|(n, _)| n == "src").unwrap().1;
        assert!(
            src.starts_with("data:image/png;base64,"),
            "<{tag} src={src}>"
        );
    }
    for want in [
        "Kære Åse <Bo>",
        "Klub \"<Ø>\" & Co",
        "<script>alert('x')</script> gåture & <i>kaffe</i>",
        "Kommende arrangementer",
        "Netværk <img src=x onerror=alert(1)>",
        "Søg puljen 2026",
        "250.000,00 kr.",
        "Aktiviteten skal være åben for alle.",
        "inspirationskatalog",
        "Jeres diplom",
    ] {
        assert!(p.text.contains(want), "«{want}» missing:\n{}", p.text);
        assert!(
            w.text.contains(want),
            "«{want}» missing from text:\n{}",
            w.text
        );
    }
    let goals = settings::goals(&s.conn, false).unwrap();
    assert!(p.text.contains(&goals[0].title) && p.text.contains(&goals[1].title));
    assert!(!w.html.contains("<script>") && !w.html.contains("<i>"));
    // The partner has no diploma yet: in the queue, no ceremony planned.
    assert!(w.diploma.waiting && w.diploma.position.is_some());
    assert!(w.diploma.next_ceremony.is_none());
    assert!(w.sent.is_empty());
}

#[test]
fn a_welcome_pack_is_saved_with_the_catalogue_and_recorded_on_the_partner() {
    let mut s = fixture();
    let id = new_partner(&mut s);
    let dir = tempfile::tempdir().unwrap();
    let target = Target::Exact {
        path: dir.path().join("pakke"),
        replace: false,
    };
    let saved = welcome::save(&s.conn, &id, &target, today()).unwrap();
    let pdf = saved
        .folder
        .join(catalogue::file_name(today(), catalogue::Format::Pdf));
    tools::qpdf_ok(&pdf);
    assert!(tools::pdftotext(&pdf).contains("Inspirationskatalog"));
    let html = std::fs::read_to_string(saved.folder.join("Velkomstmail.html")).unwrap();
    assert!(html.contains("gåture &amp; &lt;i&gt;kaffe&lt;/i&gt;"));
    assert!(saved.folder.join("Velkomstmail.txt").is_file());
    // Saving is not sending; marking it sent records the day.
    assert!(welcome::sent(&s.conn, &id).unwrap().is_empty());
    welcome::record_sent(&s.conn, &id, today()).unwrap();
    let w = welcome::build(&s.conn, &id, today()).unwrap();
    assert_eq!(w.sent.len(), 1);
    assert_eq!(w.sent[0].sent_on, today());
    let tl = sundby_core::activities::timeline(&s.conn, &id).unwrap();
    assert!(tl.iter().any(|e| e.source == "welcome" && e.on == today()));
    // An unknown partner is refused with the register's message.
    assert!(welcome::record_sent(&s.conn, "nobody", today()).is_err());
    assert!(welcome::build(&s.conn, "nobody", today()).is_err());
}
