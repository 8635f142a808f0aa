//! The status report for the health committee: "Status for [programme],
//! [period]" as a print-ready A4 PDF through the shared [`crate::print`]
//! writer: the cover with the programme's logo, the contents, the key
//! figures, the highlights the consultant wrote, the charts (the same
//! [`super::chart`] scenes the window draws, as vector graphics) each with
//! its numbers as a table, and the pool's account. A period without data
//! says so instead of drawing empty charts.

use super::chart::{self, Anchor, Chart, Scene, Shape};
use super::figures::Figures;
use super::view::charts;
use super::{ReportError, Result};
use crate::diploma::store as diploma_store;
use crate::diploma::Rgb;
use crate::i18n::Lang;
use crate::print::{self, Block, Column, Document, Drawing, Image};
use crate::{dates, money, settings};
use chrono::NaiveDate;
use rusqlite::Connection;

/// The charts' width on the page (the text width).
const CHART_W: f32 = print::BODY_W;

fn grey(v: u8) -> Rgb {
    Rgb(v, v, v)
}

/// A chart scene as the print module's vector drawing. Dashed lines are
/// drawn as their dashes (1.5 mm on, 1 mm off, as the SVG's dasharray).
pub fn drawing(scene: &Scene) -> Drawing {
    let mut shapes = Vec::new();
    for s in &scene.shapes {
        match s {
            Shape::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => shapes.push(print::Shape::Rect {
                x: *x,
                y: *y,
                w: *w,
                h: *h,
                fill: Some(grey(*fill)),
                stroke: stroke.map(|g| (grey(g), 0.7)),
            }),
            Shape::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                grey: g,
                dashed,
            } => {
                let width_pt = width / crate::diploma::fonts::MM_PER_PT;
                let (dx, dy) = (x2 - x1, y2 - y1);
                let len = (dx * dx + dy * dy).sqrt();
                if !*dashed || len < 0.01 {
                    shapes.push(print::Shape::Line {
                        points: vec![(*x1, *y1), (*x2, *y2)],
                        colour: grey(*g),
                        width_pt,
                    });
                    continue;
                }
                let (ux, uy) = (dx / len, dy / len);
                let mut at = 0.0;
                while at < len {
                    let end = (at + 1.5).min(len);
                    shapes.push(print::Shape::Line {
                        points: vec![(x1 + ux * at, y1 + uy * at), (x1 + ux * end, y1 + uy * end)],
                        colour: grey(*g),
                        width_pt,
                    });
                    at += 2.5;
                }
            }
            Shape::Text {
                x,
                y,
                size_pt,
                text,
                anchor,
                bold,
            } => shapes.push(print::Shape::Text {
                x: *x,
                y: *y,
                size_pt: *size_pt,
                bold: *bold,
                colour: Rgb::INK,
                anchor: match anchor {
                    Anchor::Start => print::Anchor::Start,
                    Anchor::Middle => print::Anchor::Middle,
                    Anchor::End => print::Anchor::End,
                },
                text: text.clone(),
            }),
        }
    }
    Drawing {
        width_mm: scene.width_mm,
        height_mm: scene.height_mm,
        shapes,
    }
}

fn n(v: i64) -> String {
    money::format_number(v * 100)
        .trim_end_matches(",00")
        .to_string()
}

fn kr(ore: i64) -> String {
    money::format_ore(ore)
}

/// A chart kept together with its title, and its numbers as a table below
/// (the growth curve's table shows the last month of each year).
fn chart_blocks(c: &Chart, lang: Lang) -> Vec<Block> {
    let scene = chart::layout(c, CHART_W, lang);
    let (head, mut rows) = chart::table(c, lang);
    if let Chart::Growth { .. } = c {
        let mut yearly: Vec<Vec<String>> = Vec::new();
        for (i, r) in rows.iter().enumerate() {
            let last = i + 1 == rows.len();
            let next_year = rows.get(i + 1).map(|x| x[0][6..].to_string());
            if last || next_year.as_deref() != Some(&r[0][6..]) {
                yearly.push(r.clone());
            }
        }
        rows = yearly;
    }
    let columns = head
        .iter()
        .enumerate()
        .map(|(i, h)| {
            if i == 0 {
                Column::left(h.clone(), 3.0)
            } else {
                Column::right(h.clone(), 1.5)
            }
        })
        .collect();
    vec![
        Block::KeepTogether(vec![
            Block::Heading {
                level: 2,
                text: c.title().to_string(),
            },
            Block::Drawing(drawing(&scene)),
            Block::Space(2.0),
        ]),
        Block::Table { columns, rows },
    ]
}

fn count_table(first: &str, second: &str, rows: Vec<(String, String)>) -> Block {
    Block::Table {
        columns: vec![Column::left(first, 3.0), Column::right(second, 1.2)],
        rows: rows.into_iter().map(|(a, b)| vec![a, b]).collect(),
    }
}

/// The status report of `f` as a print document.
pub fn document(
    conn: &Connection,
    f: &Figures,
    highlights: &[String],
    lang: Lang,
    today: NaiveDate,
) -> Result<Document> {
    let s = settings::get(conn)?;
    let p = &s.programme;
    let da = lang == Lang::Da;
    let l = |d: &'static str, e: &'static str| if da { d } else { e };
    let name = if p.name.trim().is_empty() {
        l("programmet", "the programme").to_string()
    } else {
        p.name.clone()
    };
    let logo = match &p.logo {
        Some(img) => settings::image_bytes(conn, &img.id)?
            .and_then(|(_, bytes)| Image::from_bytes(bytes).ok()),
        None => None,
    };
    let accent = diploma_store::get_settings(conn)
        .ok()
        .and_then(|d| Rgb::parse(&d.colour))
        .unwrap_or(Rgb::DEFAULT);
    let title = format!("{} {name}", l("Status for", "Status of"));
    let mut lines = Vec::new();
    if !p.municipality.is_empty() {
        lines.push(p.municipality.clone());
    }
    lines.push(format!(
        "{} {}",
        l("Udarbejdet", "Made"),
        dates::long(today, lang)
    ));
    let c = super::contact::get(conn)?;
    if !c.name.is_empty() {
        lines.push(
            [c.name.as_str(), c.title.as_str()]
                .iter()
                .filter(|x| !x.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    let mut b = vec![
        Block::Cover {
            logo,
            kicker: l(
                "Statusrapport til sundhedsudvalget",
                "Status report for the health committee",
            )
            .into(),
            title: title.clone(),
            subtitle: f.period_label.clone(),
            lines,
        },
        Block::Contents,
        Block::Heading {
            level: 1,
            text: l("Nøgletal", "Key figures").into(),
        },
    ];
    if f.empty {
        b.push(Block::Paragraph(
            l(
                "Der er ingen data i perioden: ingen partnere, arrangementer, diplomer, bevillinger eller nyhedsbreve. Derfor er der hverken tal eller diagrammer i denne rapport.",
                "There is no data in the period: no partners, events, diplomas, grants or newsletters, so this report has neither figures nor charts.",
            )
            .into(),
        ));
    }
    let pt = &f.partners;
    let e = &f.events;
    let pool = &f.pool;
    b.push(Block::Facts(vec![
        (
            l("Partnere i alt", "Partners in all").into(),
            n(pt.registered),
        ),
        (l("Aktive partnere", "Active partners").into(), n(pt.active)),
        (
            l("Nye partnere i perioden", "New partners in the period").into(),
            n(pt.joined_in_period),
        ),
        (
            l("Arrangementer", "Events").into(),
            format!(
                "{} ({} {})",
                n(e.events),
                n(e.attended),
                l("deltagere", "participants")
            ),
        ),
        (
            l(
                "Borgere nået ved offentlige arrangementer",
                "Citizens reached by public events",
            )
            .into(),
            n(e.citizens_reached),
        ),
        (
            l("Diplomer overrakt", "Diplomas handed out").into(),
            n(f.diplomas.handed_out),
        ),
        (
            l("Bevilget af puljen", "Granted from the pool").into(),
            kr(pool.granted_ore),
        ),
        (l("Udbetalt", "Paid").into(), kr(pool.paid_ore)),
        (
            l("Nyhedsbreve sendt", "Newsletters sent").into(),
            format!(
                "{} ({} {})",
                n(f.newsletters.issues),
                n(f.newsletters.recipients),
                l("modtagere", "recipients")
            ),
        ),
    ]));
    b.push(Block::Heading {
        level: 1,
        text: l("Højdepunkter", "Highlights").into(),
    });
    if highlights.is_empty() {
        b.push(Block::Paragraph(
            l(
                "Ingen højdepunkter er skrevet for perioden.",
                "No highlights were written for the period.",
            )
            .into(),
        ));
    } else {
        b.push(Block::Bullets(highlights.to_vec()));
    }
    let charts = charts(f, lang);
    let chart = |id: &str| charts.iter().find(|(i, _)| *i == id).map(|(_, c)| c);

    b.push(Block::Heading {
        level: 1,
        text: l("Partnere", "Partners").into(),
    });
    b.push(Block::Paragraph(format!("{}.", pt.kind_sentence)));
    for id in ["growth", "kinds", "goals"] {
        if let Some(c) = chart(id) {
            b.extend(chart_blocks(c, lang));
        }
    }
    if !pt.by_status.is_empty() {
        b.push(Block::Heading {
            level: 2,
            text: l(
                "Efter status ved periodens slutning",
                "By status at the period's end",
            )
            .into(),
        });
        b.push(count_table(
            l("Status", "Status"),
            l("Antal", "Count"),
            pt.by_status
                .iter()
                .map(|c| (c.label.clone(), n(c.value)))
                .collect(),
        ));
    }
    if !pt.by_channel.is_empty() {
        b.push(Block::Heading {
            level: 2,
            text: l("Rekruttering", "Recruitment").into(),
        });
        b.push(Block::Table {
            columns: vec![
                Column::left(l("Kanal", "Channel"), 3.0),
                Column::right(l("Rekrutteret", "Recruited"), 1.3),
                Column::right(l("Blev aktive", "Became active"), 1.3),
            ],
            rows: pt
                .by_channel
                .iter()
                .map(|c| vec![c.label.clone(), n(c.recruited), n(c.became_active)])
                .collect(),
        });
    }

    b.push(Block::Heading {
        level: 1,
        text: l("Arrangementer", "Events").into(),
    });
    b.push(Block::Facts(vec![
        (l("Arrangementer", "Events").into(), n(e.events)),
        (l("Deltagere", "Participants").into(), n(e.attended)),
        (
            l("Messer: stande og besøgende", "Fairs: booths and visitors").into(),
            format!("{} / {}", n(e.fair_booths), n(e.fair_visitors)),
        ),
        (
            l(
                "Borgere nået ved offentlige arrangementer",
                "Citizens reached by public events",
            )
            .into(),
            n(e.citizens_reached),
        ),
    ]));
    if let Some(c) = chart("events") {
        b.extend(chart_blocks(c, lang));
    }
    if !f.diplomas.ceremonies.is_empty() {
        b.push(Block::Heading {
            level: 2,
            text: l("Diplomer pr. overrækkelse", "Diplomas per ceremony").into(),
        });
        b.push(count_table(
            l("Overrækkelse", "Ceremony"),
            l("Diplomer", "Diplomas"),
            f.diplomas
                .ceremonies
                .iter()
                .map(|c| {
                    (
                        if c.place.is_empty() {
                            dates::short(c.date)
                        } else {
                            format!("{} · {}", dates::short(c.date), c.place)
                        },
                        n(c.diplomas),
                    )
                })
                .collect(),
        ));
    }

    b.push(Block::Heading {
        level: 1,
        text: l("Puljen", "The pool").into(),
    });
    b.push(Block::Facts(vec![
        (
            l("Ansøgninger modtaget", "Applications received").into(),
            n(pool.received),
        ),
        (
            l("Bevilget i perioden", "Granted in the period").into(),
            format!(
                "{} ({} {})",
                kr(pool.granted_ore),
                n(pool.granted_count),
                l("bevillinger", "grants")
            ),
        ),
        (
            l("Udbetalt i perioden", "Paid in the period").into(),
            kr(pool.paid_ore),
        ),
        (
            l("Forventet antal deltagere", "Expected reach").into(),
            n(pool.expected_reach),
        ),
        (
            l("Rapporteret antal deltagere", "Reported reach").into(),
            format!(
                "{} ({} {})",
                n(pool.reported_reach),
                n(pool.reported_count),
                l("rapporter", "reports")
            ),
        ),
    ]));
    if let Some(c) = chart("pool") {
        b.extend(chart_blocks(c, lang));
    }
    if !pool.years.is_empty() {
        b.push(Block::Heading {
            level: 2,
            text: l("Puljens regnskab", "The pool's account").into(),
        });
        b.push(Block::Table {
            columns: vec![
                Column::left(l("År", "Year"), 0.8),
                Column::right(l("Puljen", "Pool"), 1.5),
                Column::right(l("Bevilget", "Granted"), 1.5),
                Column::right(l("Udbetalt", "Paid"), 1.5),
                Column::right(l("Tilbage", "Remaining"), 1.5),
            ],
            rows: pool
                .years
                .iter()
                .map(|y| {
                    vec![
                        y.year.to_string(),
                        kr(y.total_ore),
                        kr(y.granted_ore),
                        kr(y.paid_ore),
                        kr(y.remaining_ore),
                    ]
                })
                .collect(),
        });
    } else {
        b.push(Block::Paragraph(
            l(
                "Der er ingen pulje for periodens år.",
                "There is no pool for the period's years.",
            )
            .into(),
        ));
    }
    if !pool.by_goal.is_empty() {
        b.push(Block::Heading {
            level: 2,
            text: l("Bevilget efter målsætning", "Granted by goal").into(),
        });
        b.push(count_table(
            l("Målsætning", "Goal"),
            l("Bevilget", "Granted"),
            pool.by_goal
                .iter()
                .map(|c| (c.label.clone(), kr(c.value)))
                .collect(),
        ));
    }

    b.push(Block::Heading {
        level: 1,
        text: l("Nyhedsbreve og priser", "Newsletters and awards").into(),
    });
    let awards = match &f.awards {
        Some(a) => format!(
            "{} {} / {} {}",
            n(a.rounds),
            l("prisrunder", "award rounds"),
            n(a.nominations),
            l("indstillinger", "nominations")
        ),
        None => l(
            "registreres ikke i programmet endnu",
            "not recorded in the app yet",
        )
        .into(),
    };
    b.push(Block::Facts(vec![
        (
            l("Nyhedsbreve sendt", "Newsletters sent").into(),
            n(f.newsletters.issues),
        ),
        (
            l("Modtagere i alt", "Recipients in all").into(),
            n(f.newsletters.recipients),
        ),
        (l("Priser", "Awards").into(), awards),
    ]));
    Ok(Document {
        title: format!("{title}, {}", f.period_label),
        author: if p.municipality.is_empty() {
            "Sund By Partner".into()
        } else {
            p.municipality.clone()
        },
        footer: format!("{title} · {}", f.period_label),
        lang,
        accent,
        blocks: b,
    })
}

/// The report's PDF bytes.
pub fn pdf_bytes(
    conn: &Connection,
    f: &Figures,
    highlights: &[String],
    lang: Lang,
    today: NaiveDate,
) -> Result<Vec<u8>> {
    let doc = document(conn, f, highlights, lang, today)?;
    print::render(&doc).map_err(|e| ReportError::Document(e.to_string()))
}
