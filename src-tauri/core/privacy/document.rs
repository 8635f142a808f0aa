//! The register extract as a readable document: its sections (headings,
//! label/value facts and tables) in Danish or English, drawn from the same
//! [`Extract`] as the JSON file. The PDF is rendered by the shared A4
//! flowing-document writer (`print`), each section becoming a level-1
//! heading with its facts and table.
//! [`document`] builds it; [`render_pdf`] prints it.

use super::{Extract, PrivacyError};
use crate::dates;
use crate::i18n::Lang;
use crate::labels;
use crate::money;
use crate::print;

/// One part of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    /// Label/value pairs in two columns.
    pub facts: Vec<(String, String)>,
    /// Column titles and rows; empty when the section has no table.
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Said when there is nothing to list.
    pub empty: Option<String>,
}

pub(crate) fn section(title: &str) -> Section {
    Section {
        title: title.to_string(),
        facts: Vec::new(),
        columns: Vec::new(),
        rows: Vec::new(),
        empty: None,
    }
}

pub(crate) fn yes_no(b: bool, lang: Lang) -> String {
    match (lang, b) {
        (Lang::Da, true) => "ja".into(),
        (Lang::Da, false) => "nej".into(),
        (Lang::En, true) => "yes".into(),
        (Lang::En, false) => "no".into(),
    }
}

pub(crate) fn day(iso: &str) -> String {
    dates::parse_iso(iso.get(..10).unwrap_or(iso))
        .map(dates::short)
        .unwrap_or_else(|| iso.to_string())
}

pub(crate) fn opt_day(d: Option<chrono::NaiveDate>) -> String {
    d.map(dates::short).unwrap_or_default()
}

/// The document's title.
pub fn title(e: &Extract, lang: Lang) -> String {
    match lang {
        Lang::Da => format!("Registerudtræk: {}", e.partner.name),
        Lang::En => format!("Register extract: {}", e.partner.name),
    }
}

/// Every section of the document, in order.
pub fn sections(e: &Extract, lang: Lang) -> Vec<Section> {
    let da = lang == Lang::Da;
    let t = |d: &str, en: &str| if da { d.to_string() } else { en.to_string() };
    let p = &e.partner;
    let mut out = Vec::new();

    let mut about = section(&t("Om udtrækket", "About this extract"));
    about.facts = vec![
        (t("Dataansvarlig", "Controller"), format!("{}, {}", e.controller.municipality, e.controller.programme)),
        (t("Lavet", "Made"), day(&e.made_at)),
        (t("Grundlag", "Basis"), t("Databeskyttelsesforordningen art. 15 (indsigt) og art. 20 (dataportabilitet: samme indhold som JSON-filen)", "GDPR article 15 (access) and article 20 (portability: the same content as the JSON file)")),
    ];
    out.push(about);

    let mut record = section(&t("Partneren", "The partner"));
    record.facts = vec![
        (t("Navn", "Name"), p.name.clone()),
        (
            t("Aktørtype", "Kind"),
            labels::kind(p.kind, lang).to_string(),
        ),
        (
            t("Status", "Status"),
            labels::status(p.status, lang).to_string(),
        ),
        (t("Tilmeldt", "Joined"), opt_day(p.joined_on)),
        (t("Indsats", "Initiative"), p.initiative.clone()),
        (t("Målgruppe", "Target group"), p.target_group.clone()),
        (t("Arena", "Arena"), p.arena.clone()),
        (t("Adresse", "Address"), p.address.clone()),
        (t("Hjemmeside", "Website"), p.website.clone()),
        (t("Rekrutteret af", "Recruited by"), p.recruited_by.clone()),
        (
            t("Noter om rekruttering", "Recruitment notes"),
            p.recruitment_notes.clone(),
        ),
        (t("Noter", "Notes"), p.notes.clone()),
        (t("Oprettet", "Created"), day(&p.created_at)),
        (t("Sidst ændret", "Last changed"), day(&p.updated_at)),
    ];
    record.facts.retain(|(_, v)| !v.is_empty());
    out.push(record);

    let mut goals = section(&t("Målsætninger", "Goals"));
    goals.columns = vec![t("Målsætning", "Goal")];
    goals.rows = p.goals.iter().map(|g| vec![g.title.clone()]).collect();
    goals.empty = Some(t("Ingen.", "None."));
    out.push(goals);

    let mut contacts = section(&t("Kontaktpersoner", "Contact persons"));
    contacts.columns = vec![
        t("Navn", "Name"),
        t("Rolle", "Role"),
        t("E-mail", "E-mail"),
        t("Telefon", "Phone"),
        t("Primær", "Primary"),
    ];
    contacts.rows = p
        .contacts
        .iter()
        .map(|c| {
            vec![
                c.name.clone(),
                c.role.clone(),
                c.email.clone(),
                c.phone.clone(),
                yes_no(c.is_primary, lang),
            ]
        })
        .collect();
    contacts.empty = Some(t("Ingen.", "None."));
    out.push(contacts);

    out.push(consents_section(
        (p.consent_public, p.consent_public_on),
        (p.consent_email, p.consent_email_on),
        &e.consent_history,
        lang,
    ));

    let mut status = section(&t("Statushistorik", "Status history"));
    status.columns = vec![t("Dato", "Date"), t("Status", "Status")];
    status.rows = p
        .status_history
        .iter()
        .map(|s| {
            vec![
                dates::short(s.changed_on),
                labels::status(s.status, lang).to_string(),
            ]
        })
        .collect();
    out.push(status);

    let mut events = section(&t("Arrangementer", "Events"));
    events.columns = vec![
        t("Dato", "Date"),
        t("Arrangement", "Event"),
        t("Sted", "Place"),
        t("Rolle", "Role"),
    ];
    events.rows = e
        .events
        .iter()
        .map(|ev| {
            vec![
                day(&ev.starts_at),
                format!("{} ({})", ev.title, ev.kind.label(lang)),
                ev.place.clone(),
                if ev.role == "organiser" {
                    t("arrangør", "organiser")
                } else {
                    t("deltager", "participant")
                },
            ]
        })
        .collect();
    events.empty = Some(t("Ingen.", "None."));
    out.push(events);

    let mut diplomas = section(&t("Diplomer", "Diplomas"));
    diplomas.columns = vec![t("Dato", "Date"), t("Nummer", "Number"), t("Sted", "Place")];
    diplomas.rows = e
        .diplomas
        .iter()
        .map(|d| {
            vec![
                day(&d.issued_on),
                d.number.to_string(),
                d.ceremony_place.clone().unwrap_or_default(),
            ]
        })
        .collect();
    diplomas.empty = Some(t("Ingen.", "None."));
    out.push(diplomas);

    let mut grants = section(&t("Ansøgninger om midler", "Grant applications"));
    grants.columns = vec![
        t("Modtaget", "Received"),
        t("Formål", "Purpose"),
        t("Søgt", "Requested"),
        t("Status", "Status"),
        t("Bevilget", "Granted"),
        t("Begrundelse", "Reason"),
    ];
    grants.rows = e
        .grants
        .iter()
        .map(|g| {
            let a = &g.application;
            vec![
                dates::short(a.received_on),
                a.purpose.clone(),
                money::format_ore(a.requested_ore),
                a.status.label(lang).to_string(),
                a.granted_ore.map(money::format_ore).unwrap_or_default(),
                a.decision_reason.clone(),
            ]
        })
        .collect();
    grants.empty = Some(t("Ingen.", "None."));
    out.push(grants);

    let mut letters = section(&t("Nyhedsbreve", "Newsletters"));
    letters.columns = vec![t("Udsendt", "Sent"), t("Periode", "Period")];
    letters.rows = e
        .newsletters
        .iter()
        .map(|n| {
            vec![
                day(&n.issued_on),
                format!("{} – {}", day(&n.period_from), day(&n.period_to)),
            ]
        })
        .collect();
    letters.empty = Some(t(
        "Ingen (der var ikke givet samtykke til e-mail, da et nummer blev sendt).",
        "None (no e-mail consent was given when an issue was sent).",
    ));
    out.push(letters);

    let mut nominations = section(&t("Indstillinger til priser", "Award nominations"));
    nominations.rows = e
        .nominations
        .iter()
        .map(|n| {
            let prizes: Vec<String> = n
                .prizes
                .iter()
                .map(|p| {
                    if p.won {
                        format!("{} ({})", p.name, t("vundet", "won"))
                    } else {
                        p.name.clone()
                    }
                })
                .collect();
            vec![n.round_name.clone(), n.title.clone(), prizes.join(", ")]
        })
        .collect();
    nominations.columns = if nominations.rows.is_empty() {
        Vec::new()
    } else {
        vec![
            t("Prisrunde", "Award round"),
            t("Initiativ", "Initiative"),
            t("Priser", "Prizes"),
        ]
    };
    nominations.empty = Some(t("Ingen.", "None."));
    out.push(nominations);
    out
}

/// The consents now, each with the day it was given, and their history:
/// the one section the partner's and a contact person's extracts share.
pub(crate) fn consents_section(
    public: (bool, Option<chrono::NaiveDate>),
    email: (bool, Option<chrono::NaiveDate>),
    history: &[crate::partners::consents::ConsentChange],
    lang: Lang,
) -> Section {
    let t = |d: &str, en: &str| {
        if lang == Lang::Da {
            d.to_string()
        } else {
            en.to_string()
        }
    };
    let dated = |(b, on): (bool, Option<chrono::NaiveDate>)| {
        format!("{} {}", yes_no(b, lang), opt_day(on))
            .trim()
            .to_string()
    };
    let mut consents = section(&t("Samtykker", "Consents"));
    consents.facts = vec![
        (
            t("Må vises offentligt", "May be shown publicly"),
            dated(public),
        ),
        (t("Må få e-mail", "May receive e-mail"), dated(email)),
    ];
    consents.columns = vec![
        t("Dato", "Date"),
        t("Samtykke", "Consent"),
        t("Ændring", "Change"),
        t("Kilde", "Source"),
    ];
    consents.rows = history
        .iter()
        .map(|c| {
            vec![
                day(&c.changed_on),
                if c.consent == "email" {
                    t("E-mail", "E-mail")
                } else {
                    t("Vises offentligt", "Shown publicly")
                },
                if c.given {
                    t("givet", "given")
                } else {
                    t("trukket tilbage", "withdrawn")
                },
                source_label(&c.source, lang),
            ]
        })
        .collect();
    consents.empty = Some(t("Ingen ændringer registreret.", "No changes recorded."));
    consents
}

/// The consent source as a person reads it.
pub fn source_label(code: &str, lang: Lang) -> String {
    let da = lang == Lang::Da;
    match code {
        "form" => if da { "formularen" } else { "the form" }.into(),
        "import" => "import".into(),
        "fair" => if da { "messe" } else { "fair" }.into(),
        "merge" => if da { "sammenlægning" } else { "merge" }.into(),
        "demo" => "demo".into(),
        "migration" => if da {
            "registreret før historikken"
        } else {
            "recorded before the history"
        }
        .into(),
        other => other.to_string(),
    }
}

/// The extract as a printable document: a cover, the contents, and each
/// section as a level-1 heading with its facts and its table.
pub fn document(e: &Extract, lang: Lang) -> print::Document {
    printed(
        &title(e, lang),
        &e.partner.name,
        &e.controller,
        &e.made_at,
        sections(e, lang),
        lang,
    )
}

/// A register extract (a partner's or a contact person's) as a printable
/// document: a cover naming `who`, the contents, and each section as a
/// level-1 heading with its facts and its table.
pub(crate) fn printed(
    title: &str,
    who: &str,
    controller: &super::Controller,
    made_at: &str,
    sections: Vec<Section>,
    lang: Lang,
) -> print::Document {
    let mut doc = print::Document::new(title.to_string());
    doc.lang = lang;
    doc.author = controller.municipality.clone();
    doc.footer = title.to_string();
    let (kicker, subtitle) = match lang {
        Lang::Da => (
            "Registerudtræk (indsigt)",
            "Alt hvad programmet har registreret",
        ),
        Lang::En => (
            "Register extract (access)",
            "Everything the programme has recorded",
        ),
    };
    doc.blocks.push(print::Block::Cover {
        logo: None,
        kicker: kicker.to_string(),
        title: who.to_string(),
        subtitle: subtitle.to_string(),
        lines: vec![
            format!("{}, {}", controller.municipality, controller.programme),
            day(made_at),
        ],
    });
    doc.blocks.push(print::Block::Contents);
    for s in sections {
        doc.blocks.push(print::Block::Heading {
            level: 1,
            text: s.title.clone(),
        });
        if !s.facts.is_empty() {
            doc.blocks.push(print::Block::Facts(s.facts.clone()));
        }
        if !s.rows.is_empty() {
            let columns = s
                .columns
                .iter()
                .map(|c| print::Column::left(c.clone(), 1.0))
                .collect();
            doc.blocks.push(print::Block::Table {
                columns,
                rows: s.rows.clone(),
            });
        } else if let Some(empty) = &s.empty {
            if s.facts.is_empty() || !s.columns.is_empty() {
                doc.blocks.push(print::Block::Paragraph(empty.clone()));
            }
        }
    }
    doc
}

/// The extract as a PDF, through the shared document writer.
pub fn render_pdf(e: &Extract, lang: Lang) -> Result<Vec<u8>, PrivacyError> {
    print::render(&document(e, lang)).map_err(|err| PrivacyError::area("print", err))
}
