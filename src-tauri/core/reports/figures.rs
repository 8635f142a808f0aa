//! The one query module of the reports: every figure of a period, computed
//! from the other areas' public read functions. The window, the PDF, the
//! XLSX, the case and the CLI all show these numbers, never their own.
//!
//! The register is counted as it stood at the period's end (each partner's
//! status on that day, from its status history): a partner who changed
//! status twice inside the period counts once, with the status it ended
//! with. Erased partners are counted like any other and never named; the
//! bin is not counted. Each count carries the [`Link`] to the list it
//! counts (the UI turns it into a route of the list with those filters).

use super::{Period, Result};
use crate::diploma::counts::{self as diploma_counts};
use crate::events::{facts as event_facts, EventKind};
use crate::grants::{self, period as grant_period};
use crate::i18n::Lang;
use crate::partners::{facts::PartnerFacts, Channel, Kind, Status};
use crate::{labels, settings};
use chrono::{Datelike, Months, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::BTreeMap;

/// Which list a figure opens, with the filters that list takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// `partners`, `events`, `grants` or `diplomas` (a ceremony's page).
    pub list: &'static str,
    pub filter: BTreeMap<&'static str, String>,
}

impl Link {
    fn new(list: &'static str, filter: &[(&'static str, &str)]) -> Link {
        Link {
            list,
            filter: filter.iter().map(|(k, v)| (*k, v.to_string())).collect(),
        }
    }
}

/// One counted thing: its key (a code or id), label and value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    pub key: String,
    pub label: String,
    pub value: i64,
    pub link: Option<Link>,
}

/// How many partners one recruitment channel brought, and how many of them
/// became active (had the status "aktiv" on or before the period's end).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChannelCount {
    pub key: String,
    pub label: String,
    pub recruited: i64,
    pub became_active: i64,
    /// The partner list filtered by the channel.
    pub link: Link,
    /// The same, active partners only (today's register: a partner who was
    /// active and has since gone dormant counts here, not in that list).
    pub active_link: Link,
}

/// One point of the growth curve: the register at the end of a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GrowthPoint {
    pub date: NaiveDate,
    pub active: i64,
    pub registered: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartnerFigures {
    /// Registered by the period's end, any status.
    pub registered: i64,
    pub active: i64,
    /// Joined (joined_on) inside the period.
    pub joined_in_period: i64,
    pub by_status: Vec<Count>,
    /// Active partners by kind, most first.
    pub by_kind: Vec<Count>,
    /// "14 aktører: 7 foreninger, 5 virksomheder, 2 institutioner".
    pub kind_sentence: String,
    /// Active partners per goal (a partner with several goals counts under each).
    pub by_goal: Vec<Count>,
    pub by_channel: Vec<ChannelCount>,
    /// Month by month since the first partnership, up to the period's end.
    pub growth: Vec<GrowthPoint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventKindFigures {
    pub key: String,
    pub label: String,
    pub events: i64,
    pub attended: i64,
    pub link: Link,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventFigures {
    pub events: i64,
    pub attended: i64,
    pub by_kind: Vec<EventKindFigures>,
    pub fairs: i64,
    pub fair_booths: i64,
    pub fair_visitors: i64,
    pub public_events: i64,
    pub citizens_reached: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CeremonyFigures {
    /// `None` for diplomas handed out without a ceremony.
    pub ceremony_id: Option<String>,
    pub date: NaiveDate,
    pub place: String,
    pub diplomas: i64,
    /// The ceremony's page in Diplomer.
    pub link: Option<Link>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiplomaFigures {
    pub handed_out: i64,
    pub ceremonies: Vec<CeremonyFigures>,
}

/// A year's pool as it stands now (the account).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PoolYear {
    pub year: i32,
    pub total_ore: i64,
    pub granted_ore: i64,
    pub paid_ore: i64,
    pub remaining_ore: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PoolFigures {
    pub received: i64,
    pub granted_count: i64,
    pub granted_ore: i64,
    pub paid_count: i64,
    pub paid_ore: i64,
    pub expected_reach: i64,
    pub reported_count: i64,
    pub reported_reach: i64,
    /// Money granted in the period by the partners' goals (øre; a partner
    /// with several goals counts under each, so these do not add up).
    pub by_goal: Vec<Count>,
    /// The pools of the years the period touches.
    pub years: Vec<PoolYear>,
    /// The applications granted money by a decision in the period.
    pub granted_link: Link,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewsletterFigures {
    pub issues: i64,
    pub recipients: i64,
}

/// The award rounds held in the period (by their celebration's date, else
/// the day the round was made) and their nominations, read through the
/// awards area's `awards::rounds`. `None` only where no awards are recorded
/// at all, and every output then says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AwardFigures {
    pub rounds: i64,
    pub nominations: i64,
}

/// Every figure of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub period: Period,
    pub period_label: String,
    /// Nothing at all happened or was registered by the period's end.
    pub empty: bool,
    pub partners: PartnerFigures,
    pub events: EventFigures,
    pub diplomas: DiplomaFigures,
    pub pool: PoolFigures,
    pub newsletters: NewsletterFigures,
    pub awards: Option<AwardFigures>,
}

/// The award rounds held in `period` and their nominations; `None` when no
/// round was ever made.
fn award_figures(conn: &Connection, period: Period) -> Result<Option<AwardFigures>> {
    let rounds = crate::awards::rounds(conn)?;
    if rounds.is_empty() {
        return Ok(None);
    }
    let held = |r: &crate::awards::Round| {
        let day = r
            .celebration_on
            .as_deref()
            .and_then(crate::dates::parse_iso)
            .or_else(|| r.created_at.get(..10).and_then(crate::dates::parse_iso));
        day.is_some_and(|d| d >= period.from && d <= period.to)
    };
    let in_period: Vec<_> = rounds.iter().filter(|r| held(r)).collect();
    Ok(Some(AwardFigures {
        rounds: in_period.len() as i64,
        nominations: in_period.iter().map(|r| r.nomination_count).sum(),
    }))
}

/// The figures of `period`.
pub fn figures(conn: &Connection, period: Period, lang: Lang) -> Result<Figures> {
    let facts = crate::partners::facts::facts(conn)?;
    let goals = settings::goals(conn, true)?;
    let goal_titles: Vec<(String, String)> = goals.into_iter().map(|g| (g.id, g.title)).collect();
    let partners = partner_figures(&facts, &goal_titles, period, lang);
    let events = event_figures(conn, period, lang)?;
    let diplomas = diploma_figures(conn, period)?;
    let pool = pool_figures(conn, &facts, &goal_titles, period)?;
    let (issues, recipients) = event_facts::newsletters_sent(conn, period.from, period.to)?;
    let newsletters = NewsletterFigures { issues, recipients };
    let awards = award_figures(conn, period)?;
    let empty = partners.registered == 0
        && events.events == 0
        && diplomas.handed_out == 0
        && pool.received == 0
        && pool.granted_count == 0
        && pool.paid_count == 0
        && issues == 0;
    Ok(Figures {
        period,
        period_label: period.label(lang),
        empty,
        partners,
        events,
        diplomas,
        pool,
        newsletters,
        awards,
    })
}

fn partner_figures(
    facts: &[PartnerFacts],
    goals: &[(String, String)],
    period: Period,
    lang: Lang,
) -> PartnerFigures {
    let end = period.to;
    let mut by_status: BTreeMap<u8, (Status, i64)> = BTreeMap::new();
    let mut by_kind: BTreeMap<&'static str, (Kind, i64)> = BTreeMap::new();
    let mut by_goal: BTreeMap<&str, i64> = BTreeMap::new();
    let mut by_channel: BTreeMap<usize, (Channel, i64, i64)> = BTreeMap::new();
    let (mut registered, mut active, mut joined) = (0, 0, 0);
    for p in facts {
        if p.joined_on.is_some_and(|d| period.from <= d && d <= end) {
            joined += 1;
        }
        let Some(status) = p.status_on(end) else {
            continue;
        };
        registered += 1;
        by_status.entry(status.rank()).or_insert((status, 0)).1 += 1;
        if let Some(c) = p.channel {
            let pos = Channel::ALL.iter().position(|x| *x == c).unwrap_or(0);
            let e = by_channel.entry(pos).or_insert((c, 0, 0));
            e.1 += 1;
            if p.was_active_by(end) {
                e.2 += 1;
            }
        }
        if status == Status::Aktiv {
            active += 1;
            by_kind.entry(p.kind.as_str()).or_insert((p.kind, 0)).1 += 1;
            for g in &p.goal_ids {
                *by_goal.entry(g.as_str()).or_default() += 1;
            }
        }
    }
    let by_status: Vec<Count> = by_status
        .into_values()
        .map(|(s, n)| Count {
            key: s.as_str().into(),
            label: labels::status(s, lang).into(),
            value: n,
            link: Some(Link::new("partners", &[("status", s.as_str())])),
        })
        .collect();
    let mut kinds: Vec<(Kind, i64)> = by_kind.into_values().collect();
    kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
    let kind_sentence = kind_sentence(&kinds, active, lang);
    let by_kind = kinds
        .iter()
        .map(|(k, n)| Count {
            key: k.as_str().into(),
            label: labels::kind_count(*k, *n, lang),
            value: *n,
            link: Some(Link::new(
                "partners",
                &[("kind", k.as_str()), ("status", Status::Aktiv.as_str())],
            )),
        })
        .collect();
    let by_goal = goals
        .iter()
        .filter_map(|(id, title)| {
            let n = *by_goal.get(id.as_str())?;
            Some(Count {
                key: id.clone(),
                label: title.clone(),
                value: n,
                link: Some(Link::new(
                    "partners",
                    &[("goal", id.as_str()), ("status", Status::Aktiv.as_str())],
                )),
            })
        })
        .collect();
    let by_channel = by_channel
        .into_values()
        .map(|(c, n, a)| ChannelCount {
            key: c.as_str().into(),
            label: labels::channel(c, lang).into(),
            recruited: n,
            became_active: a,
            link: Link::new("partners", &[("channel", c.as_str())]),
            active_link: Link::new("partners", &[("channel", c.as_str()), ("ever_active", "1")]),
        })
        .collect();
    PartnerFigures {
        registered,
        active,
        joined_in_period: joined,
        by_status,
        by_kind,
        kind_sentence,
        by_goal,
        by_channel,
        growth: growth(facts, end),
    }
}

/// "14 aktører: 7 foreninger, 5 virksomheder og 2 institutioner".
fn kind_sentence(kinds: &[(Kind, i64)], total: i64, lang: Lang) -> String {
    let parts: Vec<String> = kinds
        .iter()
        .map(|(k, n)| labels::kind_count(*k, *n, lang))
        .collect();
    let head = match lang {
        Lang::Da if total == 1 => "1 aktiv aktør".to_string(),
        Lang::Da => format!("{total} aktive aktører"),
        Lang::En if total == 1 => "1 active partner".to_string(),
        Lang::En => format!("{total} active partners"),
    };
    if parts.is_empty() {
        return head;
    }
    let and = match lang {
        Lang::Da => " og ",
        Lang::En => " and ",
    };
    let list = match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{}{and}{last}", rest.join(", ")),
        _ => parts.join(""),
    };
    format!("{head}: {list}")
}

/// The register at the end of each month from the month of the first
/// status (the first partnership) to `end`, and at `end` itself. At most
/// 240 points (20 years); a longer span keeps the last 240 months.
fn growth(facts: &[PartnerFacts], end: NaiveDate) -> Vec<GrowthPoint> {
    let Some(first) = facts
        .iter()
        .filter_map(|p| p.history.first().map(|h| h.0))
        .filter(|d| *d <= end)
        .min()
    else {
        return Vec::new();
    };
    let mut days = Vec::new();
    let mut month = NaiveDate::from_ymd_opt(first.year(), first.month(), 1).unwrap_or(first);
    while month <= end {
        let last = month
            .checked_add_months(Months::new(1))
            .and_then(|m| m.pred_opt())
            .unwrap_or(end)
            .min(end);
        days.push(last);
        match month.checked_add_months(Months::new(1)) {
            Some(m) => month = m,
            None => break,
        }
    }
    if days.len() > 240 {
        days.drain(..days.len() - 240);
    }
    // One pass per partner over its sorted history and the sorted days.
    let mut active = vec![0i64; days.len()];
    let mut registered = vec![0i64; days.len()];
    for p in facts {
        let mut h = 0;
        let mut current: Option<Status> = None;
        for (i, day) in days.iter().enumerate() {
            while h < p.history.len() && p.history[h].0 <= *day {
                current = Some(p.history[h].1);
                h += 1;
            }
            if let Some(s) = current {
                registered[i] += 1;
                if s == Status::Aktiv {
                    active[i] += 1;
                }
            }
        }
    }
    days.into_iter()
        .enumerate()
        .map(|(i, date)| GrowthPoint {
            date,
            active: active[i],
            registered: registered[i],
        })
        .collect()
}

fn event_figures(conn: &Connection, period: Period, lang: Lang) -> Result<EventFigures> {
    let kinds = event_facts::by_kind(conn, period.from, period.to)?;
    let mut out = EventFigures {
        events: 0,
        attended: 0,
        by_kind: Vec::new(),
        fairs: 0,
        fair_booths: 0,
        fair_visitors: 0,
        public_events: 0,
        citizens_reached: 0,
    };
    for k in kinds {
        out.events += k.events;
        out.attended += k.attended;
        match k.kind {
            EventKind::Messe => {
                out.fairs += k.events;
                out.fair_booths += k.booths;
                out.fair_visitors += k.visitors;
            }
            EventKind::Offentligt => {
                out.public_events += k.events;
                out.citizens_reached += k.citizens_reached;
            }
            _ => {}
        }
        out.by_kind.push(EventKindFigures {
            key: k.kind.code().into(),
            label: k.kind.label(lang).into(),
            events: k.events,
            attended: k.attended,
            link: Link::new("events", &[("kind", k.kind.code()), ("when", "all")]),
        });
    }
    Ok(out)
}

fn diploma_figures(conn: &Connection, period: Period) -> Result<DiplomaFigures> {
    let rows = diploma_counts::handed_out(conn, period.from, period.to)?;
    Ok(DiplomaFigures {
        handed_out: rows.iter().map(|r| r.diplomas).sum(),
        ceremonies: rows
            .into_iter()
            .map(|r| CeremonyFigures {
                link: r
                    .ceremony_id
                    .as_deref()
                    .map(|id| Link::new("diplomas", &[("ceremony", id)])),
                ceremony_id: r.ceremony_id,
                date: r.held_on,
                place: r.place,
                diplomas: r.diplomas,
            })
            .collect(),
    })
}

/// The pool's list of applications granted money by a decision between
/// `from` and `to` (ISO dates), of partners with `goal` when given.
fn granted_link(from: &str, to: &str, goal: Option<&str>) -> Link {
    let mut filter = vec![("granted", "1"), ("decided_from", from), ("decided_to", to)];
    if let Some(g) = goal {
        filter.push(("goal", g));
    }
    Link::new("grants", &filter)
}

fn pool_figures(
    conn: &Connection,
    facts: &[PartnerFacts],
    goals: &[(String, String)],
    period: Period,
) -> Result<PoolFigures> {
    let t = grant_period::period_totals(conn, period.from, period.to)?;
    let mut goal_sums: BTreeMap<&str, i64> = BTreeMap::new();
    for p in facts {
        if let Some(ore) = t.granted_by_partner.get(&p.id) {
            for g in &p.goal_ids {
                *goal_sums.entry(g.as_str()).or_default() += ore;
            }
        }
    }
    let (from, to) = (crate::dates::iso(period.from), crate::dates::iso(period.to));
    let by_goal = goals
        .iter()
        .filter_map(|(id, title)| {
            Some(Count {
                key: id.clone(),
                label: title.clone(),
                value: *goal_sums.get(id.as_str())?,
                // The applications granted money by a decision in the
                // period whose partner has the goal: what the sum adds up.
                link: Some(granted_link(&from, &to, Some(id.as_str()))),
            })
        })
        .collect();
    let mut years = Vec::new();
    for year in period.years() {
        if let Some(a) = grants::overview::account(conn, year)? {
            years.push(PoolYear {
                year,
                total_ore: a.total_ore,
                granted_ore: a.granted_ore,
                paid_ore: a.paid_ore,
                remaining_ore: a.remaining_ore,
            });
        }
    }
    Ok(PoolFigures {
        received: t.received,
        granted_count: t.granted_count,
        granted_ore: t.granted_ore,
        paid_count: t.paid_count,
        paid_ore: t.paid_ore,
        expected_reach: t.expected_reach,
        reported_count: t.reported_count,
        reported_reach: t.reported_reach,
        by_goal,
        years,
        granted_link: granted_link(&from, &to, None),
    })
}

#[cfg(test)]
#[path = "figures_tests.rs"]
mod tests;
