//! The figures of a period as XLSX for management: one sheet per table,
//! numbers as numbers (kroner with a kroner format, dates as spreadsheet
//! dates), headings in bold. The same [`Figures`] as the window and the PDF.

use super::figures::Figures;
use super::{ReportError, Result};
use crate::grants::export::{DATE_FORMAT, KRONER_FORMAT};
use crate::i18n::Lang;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

fn x(e: XlsxError) -> ReportError {
    ReportError::Document(e.to_string())
}

fn kroner(ore: i64) -> f64 {
    ore as f64 / 100.0
}

fn excel_date(d: NaiveDate) -> std::result::Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(d.year()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}

/// A cell's value.
enum V {
    T(String),
    N(i64),
    Kr(i64),
    D(NaiveDate),
}

struct Sheets {
    wb: Workbook,
    bold: Format,
    kr: Format,
    date: Format,
}

impl Sheets {
    fn sheet(
        &mut self,
        name: &str,
        head: &[&str],
        rows: Vec<Vec<V>>,
    ) -> std::result::Result<(), XlsxError> {
        let ws: &mut Worksheet = self.wb.add_worksheet();
        ws.set_name(name)?;
        for (c, h) in head.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, *h, &self.bold)?;
            ws.set_column_width(c as u16, if c == 0 { 42 } else { 16 })?;
        }
        for (r, row) in rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, v) in row.iter().enumerate() {
                let c = c as u16;
                match v {
                    V::T(s) => ws.write_string(r, c, s)?,
                    V::N(n) => ws.write_number(r, c, *n as f64)?,
                    V::Kr(o) => ws.write_number_with_format(r, c, kroner(*o), &self.kr)?,
                    V::D(d) => ws.write_datetime_with_format(r, c, excel_date(*d)?, &self.date)?,
                };
            }
        }
        ws.set_freeze_panes(1, 0)?;
        Ok(())
    }
}

/// The workbook's bytes.
pub fn workbook_bytes(f: &Figures, lang: Lang) -> Result<Vec<u8>> {
    build(f, lang).map_err(x)
}

fn build(f: &Figures, lang: Lang) -> std::result::Result<Vec<u8>, XlsxError> {
    let da = lang == Lang::Da;
    let l = |d: &'static str, e: &'static str| if da { d } else { e };
    let mut s = Sheets {
        wb: Workbook::new(),
        bold: Format::new().set_bold(),
        kr: Format::new().set_num_format(KRONER_FORMAT),
        date: Format::new().set_num_format(DATE_FORMAT),
    };
    let p = &f.partners;
    let e = &f.events;
    let pool = &f.pool;
    let t = |s: &str| V::T(s.to_string());
    let key = vec![
        vec![t(l("Periodens start", "Period start")), V::D(f.period.from)],
        vec![t(l("Periodens slutning", "Period end")), V::D(f.period.to)],
        vec![
            t(l("Partnere i alt", "Partners in all")),
            V::N(p.registered),
        ],
        vec![t(l("Aktive partnere", "Active partners")), V::N(p.active)],
        vec![
            t(l("Nye partnere i perioden", "New partners in the period")),
            V::N(p.joined_in_period),
        ],
        vec![t(l("Arrangementer", "Events")), V::N(e.events)],
        vec![t(l("Deltagere", "Participants")), V::N(e.attended)],
        vec![t(l("Messer", "Fairs")), V::N(e.fairs)],
        vec![
            t(l("Stande på messer", "Booths at fairs")),
            V::N(e.fair_booths),
        ],
        vec![
            t(l("Besøgende på messer", "Visitors at fairs")),
            V::N(e.fair_visitors),
        ],
        vec![
            t(l(
                "Borgere nået ved offentlige arrangementer",
                "Citizens reached by public events",
            )),
            V::N(e.citizens_reached),
        ],
        vec![
            t(l("Diplomer overrakt", "Diplomas handed out")),
            V::N(f.diplomas.handed_out),
        ],
        vec![
            t(l("Ansøgninger modtaget", "Applications received")),
            V::N(pool.received),
        ],
        vec![t(l("Bevilget", "Granted")), V::Kr(pool.granted_ore)],
        vec![t(l("Udbetalt", "Paid")), V::Kr(pool.paid_ore)],
        vec![
            t(l("Forventet antal deltagere", "Expected reach")),
            V::N(pool.expected_reach),
        ],
        vec![
            t(l("Rapporteret antal deltagere", "Reported reach")),
            V::N(pool.reported_reach),
        ],
        vec![
            t(l("Nyhedsbreve sendt", "Newsletters sent")),
            V::N(f.newsletters.issues),
        ],
        vec![
            t(l("Modtagere af nyhedsbreve", "Newsletter recipients")),
            V::N(f.newsletters.recipients),
        ],
    ];
    s.sheet(
        l("Nøgletal", "Key figures"),
        &[l("Nøgletal", "Figure"), l("Værdi", "Value")],
        key,
    )?;
    let counts = |c: &[super::figures::Count]| -> Vec<Vec<V>> {
        c.iter()
            .map(|c| vec![V::T(c.label.clone()), V::N(c.value)])
            .collect()
    };
    let n = l("Antal", "Count");
    s.sheet(
        l("Status", "Status"),
        &[l("Status", "Status"), n],
        counts(&p.by_status),
    )?;
    s.sheet(
        l("Aktørtyper", "Kinds"),
        &[l("Aktive efter type", "Active by kind"), n],
        counts(&p.by_kind),
    )?;
    s.sheet(
        l("Målsætninger", "Goals"),
        &[
            l("Målsætning", "Goal"),
            l("Aktive partnere", "Active partners"),
        ],
        counts(&p.by_goal),
    )?;
    s.sheet(
        l("Rekruttering", "Recruitment"),
        &[
            l("Kanal", "Channel"),
            l("Rekrutteret", "Recruited"),
            l("Blev aktive", "Became active"),
        ],
        p.by_channel
            .iter()
            .map(|c| {
                vec![
                    V::T(c.label.clone()),
                    V::N(c.recruited),
                    V::N(c.became_active),
                ]
            })
            .collect(),
    )?;
    s.sheet(
        l("Vækst", "Growth"),
        &[
            l("Dato", "Date"),
            l("Aktive", "Active"),
            l("Alle partnere", "All partners"),
        ],
        p.growth
            .iter()
            .map(|g| vec![V::D(g.date), V::N(g.active), V::N(g.registered)])
            .collect(),
    )?;
    s.sheet(
        l("Arrangementer", "Events"),
        &[
            l("Type", "Kind"),
            l("Arrangementer", "Events"),
            l("Deltagere", "Participants"),
        ],
        e.by_kind
            .iter()
            .map(|k| vec![V::T(k.label.clone()), V::N(k.events), V::N(k.attended)])
            .collect(),
    )?;
    s.sheet(
        l("Diplomer", "Diplomas"),
        &[
            l("Overrækkelse", "Ceremony"),
            l("Sted", "Place"),
            l("Diplomer", "Diplomas"),
        ],
        f.diplomas
            .ceremonies
            .iter()
            .map(|c| vec![V::D(c.date), V::T(c.place.clone()), V::N(c.diplomas)])
            .collect(),
    )?;
    s.sheet(
        l("Puljen", "Pool"),
        &[
            l("År", "Year"),
            l("Puljen", "Pool"),
            l("Bevilget", "Granted"),
            l("Udbetalt", "Paid"),
            l("Tilbage", "Remaining"),
        ],
        pool.years
            .iter()
            .map(|y| {
                vec![
                    V::N(y.year.into()),
                    V::Kr(y.total_ore),
                    V::Kr(y.granted_ore),
                    V::Kr(y.paid_ore),
                    V::Kr(y.remaining_ore),
                ]
            })
            .collect(),
    )?;
    s.sheet(
        l("Puljen efter mål", "Pool by goal"),
        &[
            l("Målsætning", "Goal"),
            l("Bevilget i perioden", "Granted in the period"),
        ],
        pool.by_goal
            .iter()
            .map(|c| vec![V::T(c.label.clone()), V::Kr(c.value)])
            .collect(),
    )?;
    s.wb.save_to_buffer()
}
