//! Overblik (issue 17): what needs the consultant now, gathered from every
//! area through that area's public functions (never its SQL), each line
//! with a link to the place where it is done.
//!
//! - follow-ups due today and overdue (`activities::due_head`);
//! - partners waiting for a diploma and the next ceremony
//!   (`diploma::store::queue_head`, `diploma::store::ceremonies`);
//! - grant applications waiting for a decision and paid grants whose report
//!   is missing past its date (`grants::granted`), the pool's remaining
//!   amount this year (`grants::overview`);
//! - events in the next [`EVENT_DAYS`] days with their sign-up counts
//!   (`events::store`);
//! - the newsletter when two months have passed since the last issue
//!   (`events::newsletter::next_issue`);
//! - data to complete: active partners without goals or initiative, and
//!   with e-mail addresses but no e-mail consent (`partners::lookup`);
//! - the recruitment pipeline's leads (`activities::pipeline_head`).
//!
//! Every list is read bounded: its count and its first few lines (the
//! areas' `*_head` functions), so the page costs the same few statements
//! with 60 partners or 10,000 (`benches/overview.rs`: under 50 ms).
//!
//! [`text`] renders it for `sundby today`.

pub mod text;

use crate::activities::{self, DueFollowUp, Lead};
use crate::grants::granted::ApplicationLine;
use crate::i18n::{Lang, Localize};
use crate::{diploma, events, grants, partners};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashMap;

/// How many days ahead events are shown.
pub const EVENT_DAYS: u64 = 30;
/// How many names a list of partners shows (the count is always whole).
pub const SHOWN: usize = 8;
/// How many follow-ups the page lists (the count is always whole; the rest
/// are on the list of all due follow-ups).
pub const FOLLOW_UPS_SHOWN: usize = 20;

/// The follow-ups due today and overdue: how many, and the oldest
/// [`FOLLOW_UPS_SHOWN`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FollowUpsLine {
    pub count: usize,
    pub overdue: usize,
    pub first: Vec<DueFollowUp>,
    /// The list of all of them.
    pub link: String,
}

/// A partner named on the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartnerLine {
    pub id: String,
    pub name: String,
    /// The partner's page.
    pub link: String,
}

/// A counted list of partners, of which the first [`SHOWN`] are named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartnerList {
    pub count: usize,
    pub first: Vec<PartnerLine>,
}

impl PartnerList {
    fn of(head: partners::Counted) -> PartnerList {
        PartnerList {
            count: head.count,
            first: head
                .first
                .into_iter()
                .map(|p| PartnerLine {
                    link: format!("#/partnere/{}", p.id),
                    id: p.id,
                    name: p.name,
                })
                .collect(),
        }
    }
}

/// The next ceremony planned (today or later).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CeremonyLine {
    pub id: String,
    pub held_on: NaiveDate,
    pub place: String,
    pub link: String,
}

/// A grant application with the partner's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GrantLine {
    #[serde(flatten)]
    pub application: ApplicationLine,
    pub partner_name: String,
}

/// An event in the coming days with its sign-up counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventLine {
    pub id: String,
    pub title: String,
    pub kind: events::EventKind,
    pub starts_at: String,
    pub place: String,
    pub invited: i64,
    pub signed_up: i64,
    pub link: String,
}

/// The pool of this year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PoolLine {
    pub year: i32,
    pub total_ore: i64,
    pub granted_ore: i64,
    pub remaining_ore: i64,
    pub link: String,
}

/// The recruitment pipeline in short.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeadsLine {
    pub count: usize,
    /// Leads with no open follow-up: the ones that may be forgotten.
    pub without_follow_up: usize,
    /// The oldest leads first.
    pub first: Vec<Lead>,
    pub link: String,
}

/// The whole Overblik page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overview {
    pub today: NaiveDate,
    /// Partners in the register (not in the bin): none means a new user.
    pub partners: i64,
    pub follow_ups: FollowUpsLine,
    pub diploma_queue: PartnerList,
    pub next_ceremony: Option<CeremonyLine>,
    pub grants_awaiting: Vec<GrantLine>,
    pub reports_missing: Vec<GrantLine>,
    pub events: Vec<EventLine>,
    pub newsletter: events::newsletter::NextIssue,
    pub incomplete: PartnerList,
    pub no_email_consent: PartnerList,
    pub pool: Option<PoolLine>,
    pub leads: LeadsLine,
}

/// An area failed to answer; its error (already localisable) is kept.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct OverviewError(String, &'static str, String, String);

impl OverviewError {
    fn from_area(e: &dyn Localize) -> OverviewError {
        OverviewError(
            e.message(Lang::En),
            e.code(),
            e.message(Lang::Da),
            e.message(Lang::En),
        )
    }
}

impl Localize for OverviewError {
    fn code(&self) -> &'static str {
        self.1
    }
    fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Da => self.2.clone(),
            Lang::En => self.3.clone(),
        }
    }
}

macro_rules! area {
    ($e:expr) => {
        $e.map_err(|e| OverviewError::from_area(&e))?
    };
}

fn grant_lines(conn: &Connection, apps: Vec<ApplicationLine>) -> Result<Vec<GrantLine>> {
    let ids: Vec<String> = apps.iter().map(|a| a.partner_id.clone()).collect();
    let names: HashMap<String, partners::PartnerOption> = area!(partners::by_ids(conn, &ids));
    Ok(apps
        .into_iter()
        .map(|a| GrantLine {
            partner_name: names
                .get(&a.partner_id)
                .map(|p| p.name.clone())
                .unwrap_or_default(),
            application: a,
        })
        .collect())
}

pub type Result<T> = std::result::Result<T, OverviewError>;

/// The Overblik on `now` (local Danish time).
pub fn overview(conn: &Connection, now: NaiveDateTime, lang: Lang) -> Result<Overview> {
    let today = now.date();
    let due = area!(activities::due_head(conn, today, FOLLOW_UPS_SHOWN));
    let follow_ups = FollowUpsLine {
        count: due.count,
        overdue: due.overdue,
        first: due.first,
        link: "#/overblik/opfoelgninger".into(),
    };

    let queue = area!(diploma::store::queue_head(conn, SHOWN));
    let diploma_queue = PartnerList {
        count: queue.count,
        first: queue
            .first
            .into_iter()
            .map(|q| PartnerLine {
                link: format!("#/partnere/{}", q.partner_id),
                id: q.partner_id,
                name: q.name,
            })
            .collect(),
    };
    let next_ceremony = area!(diploma::store::ceremonies(conn))
        .into_iter()
        .filter_map(|c| {
            let held_on = crate::dates::parse_iso(&c.held_on)?;
            (held_on >= today).then_some(CeremonyLine {
                id: c.id,
                held_on,
                place: c.place,
                link: "#/diplomer".into(),
            })
        })
        .min_by_key(|c| c.held_on);

    let grants_awaiting = grant_lines(conn, area!(grants::granted::awaiting_decision(conn)))?;
    let reports_missing = grant_lines(conn, area!(grants::granted::reports_missing(conn, today)))?;

    let until = (now + Days::new(EVENT_DAYS))
        .format(events::TIME_FORMAT)
        .to_string();
    let upcoming = area!(events::store::list(
        conn,
        &events::store::ListFilter::default(),
        now
    ));
    let mut event_lines = Vec::new();
    for e in upcoming
        .into_iter()
        .filter(|e| e.source == "event" && e.starts_at <= until)
    {
        let counts = area!(events::store::get(conn, &e.id)).counts;
        event_lines.push(EventLine {
            invited: counts.invited,
            signed_up: counts.signed_up,
            link: e.link,
            id: e.id,
            title: e.title,
            kind: e.kind,
            starts_at: e.starts_at,
            place: e.place,
        });
    }

    let newsletter = area!(events::newsletter::next_issue(conn, today));
    let incomplete = PartnerList::of(area!(partners::incomplete(conn, SHOWN)));
    let no_email_consent = PartnerList::of(area!(partners::without_email_consent(conn, SHOWN)));

    let year = today.year();
    let o = area!(grants::overview(conn, year, lang));
    let pool = o.pool.is_some().then(|| PoolLine {
        year,
        total_ore: o.total_ore,
        granted_ore: o.granted_ore,
        remaining_ore: o.remaining_ore,
        link: format!("#/pulje/{year}"),
    });

    let head = area!(activities::pipeline_head(conn, today, SHOWN));
    let leads = LeadsLine {
        count: head.count,
        without_follow_up: head.without_follow_up,
        first: head.first,
        link: "#/overblik/rekruttering".into(),
    };

    Ok(Overview {
        today,
        partners: area!(partners::store::count(conn)),
        follow_ups,
        diploma_queue,
        next_ceremony,
        grants_awaiting,
        reports_missing,
        events: event_lines,
        newsletter,
        incomplete,
        no_email_consent,
        pool,
        leads,
    })
}

#[cfg(test)]
mod tests;
