//! What the Rapporter view shows for a period: the figures, the charts
//! (laid out by [`super::chart`] and drawn as SVG, with each chart's text
//! table) and the highlights. The PDF draws the same charts from
//! [`charts`], so window and print agree.

use super::chart::{self, Chart, Unit};
use super::figures::{figures, Figures};
use super::{output, period, PeriodInput, Result};
use crate::i18n::Lang;
use crate::labels;
use crate::partners::Kind;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

/// The width the window lays charts out at (mm; the SVG scales to its box).
pub const SCREEN_WIDTH_MM: f32 = 160.0;

/// A chart as the window shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartView {
    pub id: &'static str,
    pub title: String,
    pub svg: String,
    pub table_head: Vec<String>,
    pub table_rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportView {
    pub figures: Figures,
    pub charts: Vec<ChartView>,
    pub highlights: Vec<String>,
}

/// The report's charts, in order, with their ids; charts with nothing to
/// draw are left out (the text says there is no data instead).
pub fn charts(f: &Figures, lang: Lang) -> Vec<(&'static str, Chart)> {
    let l = |da: &str, en: &str| {
        if lang == Lang::Da {
            da.to_string()
        } else {
            en.to_string()
        }
    };
    let p = &f.partners;
    let mut out = vec![
        (
            "growth",
            Chart::Growth {
                title: l("Partnere over tid", "Partners over time"),
                points: p
                    .growth
                    .iter()
                    .map(|g| (g.date, g.active, g.registered))
                    .collect(),
                active_label: l("Aktive partnere", "Active partners"),
                registered_label: l("Alle partnere", "All partners"),
            },
        ),
        (
            "kinds",
            Chart::Bars {
                title: l("Aktive partnere efter type", "Active partners by kind"),
                unit: Unit::Count,
                bars: p
                    .by_kind
                    .iter()
                    .map(|c| {
                        let label = c
                            .key
                            .parse::<Kind>()
                            .map_or(c.label.clone(), |k| labels::kind(k, lang).to_string());
                        (label, c.value)
                    })
                    .collect(),
            },
        ),
        (
            "goals",
            Chart::Bars {
                title: l(
                    "Aktive partnere efter målsætning",
                    "Active partners by goal",
                ),
                unit: Unit::Count,
                bars: p
                    .by_goal
                    .iter()
                    .map(|c| (c.label.clone(), c.value))
                    .collect(),
            },
        ),
        (
            "events",
            Chart::Bars {
                title: l(
                    "Deltagere efter type arrangement",
                    "Participants by kind of event",
                ),
                unit: Unit::Count,
                bars: f
                    .events
                    .by_kind
                    .iter()
                    .map(|k| (k.label.clone(), k.attended))
                    .collect(),
            },
        ),
    ];
    let total: i64 = f.pool.years.iter().map(|y| y.total_ore).sum();
    let granted: i64 = f.pool.years.iter().map(|y| y.granted_ore).sum();
    let paid: i64 = f.pool.years.iter().map(|y| y.paid_ore).sum();
    let years: Vec<String> = f.pool.years.iter().map(|y| y.year.to_string()).collect();
    out.push((
        "pool",
        Chart::Pool {
            title: format!("{} {}", l("Puljen", "The pool"), years.join("–")),
            total_ore: total,
            granted_ore: granted,
            paid_ore: paid,
        },
    ));
    out.retain(|(_, c)| !c.is_empty());
    out
}

/// The view of a typed period.
pub fn view(
    conn: &Connection,
    input: &PeriodInput,
    lang: Lang,
    today: NaiveDate,
) -> Result<ReportView> {
    let p = period(conn, input, today)?;
    let f = figures(conn, p, lang)?;
    let charts = charts(&f, lang)
        .into_iter()
        .map(|(id, c)| {
            let scene = chart::layout(&c, SCREEN_WIDTH_MM, lang);
            let (table_head, table_rows) = chart::table(&c, lang);
            ChartView {
                id,
                title: c.title().to_string(),
                svg: chart::svg(&scene, c.title()),
                table_head,
                table_rows,
            }
        })
        .collect();
    Ok(ReportView {
        figures: f,
        charts,
        highlights: output::highlights(conn)?,
    })
}
