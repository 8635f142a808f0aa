//! The Priser view in the real window: create a round with two prizes and a
//! committee of two, nominate three partners (a missing criterion text is
//! refused at its field), enter both members' scores, type in the votes,
//! decide both prizes, make the winner's award diploma and the nomination
//! catalogue (both read back from the saved PDFs) and see the prize on the
//! partner's page. With `SUNDBY_SCREENSHOT_DIR` set, each step is
//! photographed.

use crate::harness::{output_dir, App};
use rusqlite::params;
use std::path::{Path, PathBuf};
use std::process::Command;
use sundby_core::store::{new_id, now, Store};

const NAMES: [&str; 3] = [
    "Røde Kors Hovedstaden",
    "Børnehaven Evigglad",
    "Åens Løbeklub",
];

fn prepare(dir: &Path) -> (PathBuf, Vec<String>) {
    let data = dir.join("data");
    let (store, _) = Store::open_dir(&data).unwrap();
    let ids = NAMES
        .iter()
        .map(|name| {
            let id = new_id();
            store
                .conn
                .execute(
                    "INSERT INTO partners (id, name, name_key, sort_key, kind, status, created_at, updated_at)
                     VALUES (?1, ?2, lower(?2), lower(?2), 'forening', 'aktiv', ?3, ?3)",
                    params![id, name, now()],
                )
                .unwrap();
            id
        })
        .collect();
    (data, ids)
}

async fn shot(app: &App, name: &str) {
    if let Some(dir) = std::env::var_os("SUNDBY_SCREENSHOT_DIR") {
        app.screenshot(&Path::new(&dir).join(name)).await;
    }
}

/// Sets the value of the `n`th element matching `css` and tells the page.
async fn set(app: &App, css: &str, n: usize, value: &str) {
    let v = serde_json::to_string(value).unwrap();
    let c = serde_json::to_string(css).unwrap();
    app.js(&format!(
        "(() => {{ const el = document.querySelectorAll({c})[{n}]; el.value = {v}; \
         el.dispatchEvent(new Event('input', {{bubbles: true}})); el.dispatchEvent(new Event('change', {{bubbles: true}})); return true; }})()"
    ))
    .await;
}

/// Picks the partner in the shared picker as a person does: types the
/// name and presses Enter on the match.
async fn pick_partner(app: &App, name: &str) {
    app.fill("#award-partner", name).await;
    app.wait("#award-partner-list .picker-option").await;
    app.wait("#award-partner")
        .await
        .send_keys("\u{E007}")
        .await
        .unwrap();
    app.wait_text("#award-nomination-form .picker-chip span", name)
        .await;
}

/// The text of a PDF (poppler's `pdftotext`), UTF-8.
fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is installed");
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn count(app: &App, css: &str) -> usize {
    let c = serde_json::to_string(css).unwrap();
    app.js(&format!("document.querySelectorAll({c}).length"))
        .await
        .as_u64()
        .unwrap_or(0) as usize
}

#[tokio::test]
async fn a_round_from_nominations_to_the_winners_diploma() {
    let dir = tempfile::tempdir().unwrap();
    let (data, partners) = prepare(dir.path());
    let out = output_dir(&data);
    let app = App::start_in(&data).await;
    app.goto("#/priser").await;
    app.wait("#award-round-new").await;
    app.fill(
        "#award-round-new input[name='round_name']",
        "Frontløberprisen 2026",
    )
    .await;
    app.fill(
        "#award-round-new input[name='celebration_on']",
        "26.11.2026",
    )
    .await;
    app.fill(
        "#award-round-new input[name='celebration_place']",
        "Rådhushallen",
    )
    .await;
    app.click("#award-round-new button[type='submit']").await;
    app.wait_text("#award-round-title", "Frontløberprisen 2026")
        .await;

    // Two prizes and a committee of two.
    for (name, by) in [
        ("Årets Frontløber", "committee"),
        ("Byens Frontløber", "vote"),
    ] {
        let before = count(&app, "#award-prizes li").await;
        app.fill("#award-prize-form input[name='prize_name']", name)
            .await;
        set(&app, "#award-prize-form select[name='decided_by']", 0, by).await;
        app.click("#award-prize-form button[type='submit']").await;
        app.wait_js(&format!(
            "document.querySelectorAll('#award-prizes li').length === {}",
            before + 1
        ))
        .await;
    }
    for name in ["Merete Hansen", "Ali Jensen"] {
        let before = count(&app, "#award-members li").await;
        app.fill("#award-member-form input[name='member_name']", name)
            .await;
        app.click("#award-member-form button[type='submit']").await;
        app.wait_js(&format!(
            "document.querySelectorAll('#award-members li').length === {}",
            before + 1
        ))
        .await;
    }
    shot(&app, "awards-overview.png").await;

    // Three nominations; the first try lacks a text and is refused at it.
    app.click("#award-tab-indstillinger").await;
    for (i, title) in ["Bevægelsesvenner", "Mindfulness til børn", "Løb for alle"]
        .iter()
        .enumerate()
    {
        app.click("#award-nominate").await;
        app.wait("#award-nomination-form").await;
        pick_partner(&app, NAMES[i]).await;
        app.fill(
            "#award-nomination-form input[name='nomination_title']",
            title,
        )
        .await;
        set(
            &app,
            "#award-nomination-form textarea[name='criterion_text']",
            0,
            "Vi har samlet ældre til gåture hver uge.",
        )
        .await;
        set(
            &app,
            "#award-nomination-form textarea[name='criterion_text']",
            1,
            "Lokalavisen skrev om os to gange.",
        )
        .await;
        if i == 0 {
            app.click("#award-nomination-form button[type='submit']")
                .await;
            app.wait_js("[...document.querySelectorAll(\"[data-error-for='criterion_text']\")].some(e => e.textContent.includes('kriterium 3'))").await;
            shot(&app, "awards-missing-text.png").await;
        }
        set(
            &app,
            "#award-nomination-form textarea[name='criterion_text']",
            2,
            "Ensomhed blandt ældre overses ofte.",
        )
        .await;
        app.click("#award-nomination-form input[name='consent_catalogue']")
            .await;
        app.click("#award-nomination-form input[name='consent_vote']")
            .await;
        app.click("#award-nomination-form button[type='submit']")
            .await;
        app.wait_js(&format!(
            "document.querySelectorAll('#award-nominations tbody tr').length === {}",
            i + 1
        ))
        .await;
    }
    shot(&app, "awards-nominations.png").await;

    // Two members' score sheets.
    app.click("#award-tab-bedoemmelse").await;
    app.wait("#award-score-grid").await;
    for (m, scores) in [[3, 3, 3, 5, 5, 4, 2, 2, 2], [3, 4, 3, 4, 5, 5, 1, 2, 2]]
        .iter()
        .enumerate()
    {
        let member = app
            .js(&format!(
                "document.querySelector(\"#award-score-form select[name='score_member']\").options[{m}].value"
            ))
            .await;
        set(
            &app,
            "#award-score-form select[name='score_member']",
            0,
            member.as_str().unwrap(),
        )
        .await;
        app.wait_js(&format!("document.querySelectorAll('#award-score-grid .score-input').length === 9 && document.querySelector(\"#award-score-form select[name='score_member']\").selectedIndex === {m}")).await;
        // Rows are in Danish order: Børnehaven, Røde Kors, Åens.
        for (k, s) in scores.iter().enumerate() {
            set(&app, "#award-score-grid .score-input", k, &s.to_string()).await;
        }
        app.click("#award-score-form button[type='submit']").await;
        app.wait_js(&format!("document.querySelectorAll('.award-standing tbody tr td:nth-child(5)')[0] && [...document.querySelectorAll('.award-standing tbody tr')].every(r => r.children[{}].textContent !== '—')", 4 + m)).await;
    }
    assert_eq!(count(&app, ".award-missing li").await, 0);
    shot(&app, "awards-scoring.png").await;

    // The vote's result, typed in.
    app.click("#award-tab-afstemning").await;
    app.wait(".award-votes-form").await;
    app.fill(
        ".award-votes-form input[name='vote_source']",
        "Facebook-afstemning",
    )
    .await;
    for (k, v) in ["120", "87", "40"].iter().enumerate() {
        set(&app, ".award-votes-form input[name='award_votes']", k, v).await;
    }
    app.click(".award-votes-form button[type='submit']").await;
    app.wait(".award-vote-standing").await;
    shot(&app, "awards-vote.png").await;

    // The kiosk ballot: one tap is one vote; the code stops it.
    app.click(".award-vote button[id^='award-kiosk']").await;
    let code = app.text("#kiosk-code-show").await;
    shot(&app, "awards-kiosk-start.png").await;
    app.click("#award-kiosk .btn").await;
    app.wait(".kiosk-choice").await;
    shot(&app, "awards-kiosk.png").await;
    app.click(".kiosk-choice").await;
    app.wait_text("#kiosk-h", "Tak for din stemme!").await;
    app.wait(".kiosk-stop").await;
    app.click(".kiosk-stop").await;
    app.fill("#kiosk-code", "0000").await;
    app.click(".kiosk-code button[type='submit']").await;
    app.wait_text(".kiosk-code .field-error", "Forkert kode")
        .await;
    app.fill("#kiosk-code", &code).await;
    app.click(".kiosk-code button[type='submit']").await;
    app.wait_js("!document.querySelector('#award-kiosk')").await;
    app.wait_js("[...document.querySelectorAll('.award-vote-standing td')].some(td => td.textContent === '121')").await;

    // Decide both prizes from the ranking and the vote; the diploma.
    app.click("#award-tab-vindere").await;
    for k in 0..2 {
        app.wait(".award-decide-form").await;
        app.js(&format!(
            "document.querySelectorAll('.award-winner')[{k}].querySelector('.award-decide-form button[type=submit]').click() || true"
        ))
        .await;
        app.wait_js(&format!(
            "document.querySelectorAll('.award-decided').length === {}",
            k + 1
        ))
        .await;
    }
    let winner = app.text(".award-winner .award-decided strong").await;
    assert_eq!(winner, "Vinder: Røde Kors Hovedstaden");
    app.wait(".award-diploma-preview[src]").await;
    app.js("document.querySelector('.award-winner .award-diploma .btn').click() || true")
        .await;
    app.wait_js("[...document.querySelectorAll('.award-diploma p')].some(p => p.textContent.includes('Diplom nr. 1'))").await;
    shot(&app, "awards-winners.png").await;
    let pdf = out
        .join("Diplomer")
        .join("Diplom Årets Frontløber Røde Kors Hovedstaden.pdf");
    assert!(pdf.exists(), "{} missing", pdf.display());
    let diploma = pdf_text(&pdf);
    for want in ["tildeles", "Røde Kors Hovedstaden"] {
        assert!(
            diploma.contains(want),
            "{want} not on the diploma: {diploma}"
        );
    }
    // The prize is the title, in letter-spaced capitals.
    let squeezed = diploma
        .split_whitespace()
        .collect::<String>()
        .to_uppercase();
    assert!(squeezed.contains("ÅRETSFRONTLØBER"), "no title: {diploma}");

    // The nomination catalogue, from the round's overview: no dialog opens
    // in the tests, so it goes in the awards' folder.
    app.click("#award-tab-overblik").await;
    app.click("#award-catalogue").await;
    let catalogue = out
        .join("Priser")
        .join("Indstillingskatalog Frontløberprisen 2026.pdf");
    app.wait_js(
        "document.body.textContent.includes('Indstillingskatalog Frontløberprisen 2026.pdf')",
    )
    .await;
    assert!(catalogue.exists(), "{} missing", catalogue.display());
    let text = pdf_text(&catalogue);
    assert!(text.contains("Frontløberprisen 2026"), "{text}");
    // Every consenting nominee with the initiative and the criteria texts,
    // in the catalogue's (Danish alphabetical) order.
    let at = |want: &str| {
        text.find(want)
            .unwrap_or_else(|| panic!("{want} not in the catalogue: {text}"))
    };
    let order: Vec<usize> = ["Mindfulness til børn", "Bevægelsesvenner", "Løb for alle"]
        .iter()
        .map(|t| {
            text.rfind(t)
                .unwrap_or_else(|| panic!("{t} not in the catalogue: {text}"))
        })
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "order {order:?}: {text}"
    );
    at("Ensomhed blandt ældre overses ofte.");
    at("Lokalavisen skrev om os to gange.");

    // The partner's page shows the prize.
    app.goto(&format!("#/partnere/{}", partners[0])).await;
    app.wait("#partner-award-list").await;
    app.wait_js("document.querySelector('#partner-award-list').textContent.includes('Vandt Årets Frontløber (diplom nr. 1)')").await;
    app.wait_js("document.body.textContent.includes('Prisdiplom nr. 1, Årets Frontløber')")
        .await;
    app.js("document.querySelector('.partner-awards').scrollIntoView() || true")
        .await;
    shot(&app, "awards-partner-page.png").await;
    app.quit().await;
}
