//! Events and network: network meetings, the fair, free public events run by
//! partners, ceremonies, celebrations; who was invited, signed up, attended or
//! cancelled; the `.ics` export, the sign-in sheet PDF, and the newsletter
//! sent every second month.
//!
//! Times are kept as the local wall-clock time in Danish time (naive
//! `YYYY-MM-DDTHH:MM`) beside the zone `Europe/Copenhagen`: a meeting at 16:00
//! is at 16:00 whether it is summer or winter time. Validation refuses a time
//! that does not exist (the hour skipped when summer time starts).
//!
//! Ceremonies made in the diplomas area are shown among the events, read-only,
//! as kind `overraekkelse` (see [`store::list`]); they are not copied.
//!
//! Submodules: [`store`] (the database), [`ics`] (iCalendar),
//! [`newsletter`] (gathering and HTML/text output), [`signin`] (the PDF).

pub mod facts;
pub mod ics;
pub mod newsletter;
pub mod signin;
pub mod store;

use crate::dates;
use crate::i18n::{Lang, Localize};
use crate::store::StoreError;
use crate::validate::{self, Problem, ValidationError};
use chrono::{NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Europe::Copenhagen;
use serde::{Deserialize, Serialize};

/// The zone every event time is in.
pub const ZONE: &str = "Europe/Copenhagen";
/// Longest title or place.
pub const MAX_TITLE: usize = 200;
/// Longest description, notes or follow-up.
pub const MAX_TEXT: usize = 10_000;
/// Largest count of booths, visitors, citizens or people.
pub const MAX_COUNT: i64 = 10_000_000;
/// How local times are stored.
pub const TIME_FORMAT: &str = "%Y-%m-%dT%H:%M";

/// The kinds of event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Netvaerksmoede,
    Messe,
    Offentligt,
    Overraekkelse,
    Fejring,
    Andet,
}

impl EventKind {
    pub const ALL: [EventKind; 6] = [
        EventKind::Netvaerksmoede,
        EventKind::Messe,
        EventKind::Offentligt,
        EventKind::Overraekkelse,
        EventKind::Fejring,
        EventKind::Andet,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EventKind::Netvaerksmoede => "netvaerksmoede",
            EventKind::Messe => "messe",
            EventKind::Offentligt => "offentligt",
            EventKind::Overraekkelse => "overraekkelse",
            EventKind::Fejring => "fejring",
            EventKind::Andet => "andet",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.code() == s.trim())
    }

    /// The name people use, for files and the calendar's category.
    pub fn label(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Da, EventKind::Netvaerksmoede) => "Netværksmøde",
            (Lang::Da, EventKind::Messe) => "Messe",
            (Lang::Da, EventKind::Offentligt) => "Offentligt arrangement",
            (Lang::Da, EventKind::Overraekkelse) => "Overrækkelse",
            (Lang::Da, EventKind::Fejring) => "Fejring",
            (Lang::Da, EventKind::Andet) => "Andet",
            (Lang::En, EventKind::Netvaerksmoede) => "Network meeting",
            (Lang::En, EventKind::Messe) => "Fair",
            (Lang::En, EventKind::Offentligt) => "Public event",
            (Lang::En, EventKind::Overraekkelse) => "Ceremony",
            (Lang::En, EventKind::Fejring) => "Celebration",
            (Lang::En, EventKind::Andet) => "Other",
        }
    }
}

/// Where a partner stands on an event's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantStatus {
    Inviteret,
    Tilmeldt,
    Deltog,
    Afbud,
}

impl ParticipantStatus {
    pub const ALL: [ParticipantStatus; 4] = [
        ParticipantStatus::Inviteret,
        ParticipantStatus::Tilmeldt,
        ParticipantStatus::Deltog,
        ParticipantStatus::Afbud,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ParticipantStatus::Inviteret => "inviteret",
            ParticipantStatus::Tilmeldt => "tilmeldt",
            ParticipantStatus::Deltog => "deltog",
            ParticipantStatus::Afbud => "afbud",
        }
    }

    pub fn parse(s: &str) -> Option<ParticipantStatus> {
        ParticipantStatus::ALL
            .into_iter()
            .find(|k| k.code() == s.trim())
    }
}

/// Errors of the events area.
#[derive(Debug, thiserror::Error)]
pub enum EventsError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error("no event with id {0}")]
    NotFound(String),
    #[error("no partner with id {0}")]
    PartnerNotFound(String),
    #[error("no participant with id {0}")]
    ParticipantNotFound(String),
    #[error("the PDF could not be made: {0}")]
    Pdf(String),
    #[error(transparent)]
    Files(#[from] crate::files::FileError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for EventsError {
    fn from(e: rusqlite::Error) -> Self {
        EventsError::Store(StoreError::Sqlite(e))
    }
}

impl From<crate::settings::SettingsError> for EventsError {
    fn from(e: crate::settings::SettingsError) -> Self {
        use crate::settings::SettingsError as S;
        match e {
            S::Invalid(v) => EventsError::Invalid(v),
            S::Store(s) => EventsError::Store(s),
            other => EventsError::Pdf(other.to_string()),
        }
    }
}

impl Localize for EventsError {
    fn code(&self) -> &'static str {
        match self {
            EventsError::Invalid(e) => e.code(),
            EventsError::NotFound(_) => "events.not_found",
            EventsError::PartnerNotFound(_) => "events.partner_not_found",
            EventsError::ParticipantNotFound(_) => "events.participant_not_found",
            EventsError::Pdf(_) => "events.pdf",
            EventsError::Files(e) => e.code(),
            EventsError::Store(e) => e.code(),
        }
    }

    fn field(&self) -> Option<&'static str> {
        match self {
            EventsError::Invalid(e) => e.field(),
            EventsError::Files(e) => e.field(),
            _ => None,
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (_, EventsError::Invalid(e)) => e.message(lang),
            (_, EventsError::Store(e)) => e.message(lang),
            (_, EventsError::Files(e)) => e.message(lang),
            (Lang::Da, EventsError::NotFound(_)) => {
                "Arrangementet findes ikke længere. Genindlæs siden.".into()
            }
            (Lang::En, EventsError::NotFound(_)) => {
                "The event no longer exists. Reload the page.".into()
            }
            (Lang::Da, EventsError::PartnerNotFound(_)) => {
                "Partneren findes ikke længere. Genindlæs siden.".into()
            }
            (Lang::En, EventsError::PartnerNotFound(_)) => {
                "The partner no longer exists. Reload the page.".into()
            }
            (Lang::Da, EventsError::ParticipantNotFound(_)) => {
                "Deltageren findes ikke længere på listen. Genindlæs siden.".into()
            }
            (Lang::En, EventsError::ParticipantNotFound(_)) => {
                "The participant is no longer on the list. Reload the page.".into()
            }
            (Lang::Da, EventsError::Pdf(e)) => format!("PDF-filen kunne ikke laves: {e}"),
            (Lang::En, EventsError::Pdf(e)) => format!("The PDF could not be made: {e}"),
        }
    }
}

pub type Result<T> = std::result::Result<T, EventsError>;

/// An event as typed in the form. Dates are ISO or Danish (`22.11.2026`),
/// times `HH:MM` (or `HH.MM`); counts are text so that "-3" or "mange" get a
/// message at their field instead of being lost on the way.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct EventInput {
    pub id: Option<String>,
    pub title: String,
    pub kind: String,
    pub start_date: String,
    pub start_time: String,
    /// Empty: the same day as the start.
    pub end_date: String,
    pub end_time: String,
    pub place: String,
    pub description: String,
    pub by_municipality: bool,
    pub organiser_ids: Vec<String>,
    pub goal_ids: Vec<String>,
    pub booths: String,
    pub visitors: String,
    pub citizens_reached: String,
    pub notes: String,
    pub follow_up: String,
}

/// An event's fields after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidEvent {
    pub title: String,
    pub kind: EventKind,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub place: String,
    pub description: String,
    pub by_municipality: bool,
    pub organiser_ids: Vec<String>,
    pub goal_ids: Vec<String>,
    pub booths: Option<i64>,
    pub visitors: Option<i64>,
    pub citizens_reached: Option<i64>,
    pub notes: String,
    pub follow_up: String,
}

/// Parses a time of day typed as `16:00`, `16.00`, `1600` or `16`.
pub fn parse_time(v: &str) -> Option<NaiveTime> {
    let v = v.trim();
    NaiveTime::parse_from_str(v, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(v, "%H.%M"))
        .ok()
        .or_else(|| {
            if v.len() == 4 && v.chars().all(|c| c.is_ascii_digit()) {
                NaiveTime::parse_from_str(v, "%H%M").ok()
            } else if (1..=2).contains(&v.len()) && v.chars().all(|c| c.is_ascii_digit()) {
                v.parse::<u32>()
                    .ok()
                    .and_then(|h| NaiveTime::from_hms_opt(h, 0, 0))
            } else {
                None
            }
        })
}

/// A count typed in a field: empty is `None`; it must be a whole number ≥ 0.
pub fn optional_count(
    field: &'static str,
    v: &str,
) -> std::result::Result<Option<i64>, ValidationError> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let cleaned: String = v.chars().filter(|c| *c != '.' && *c != ' ').collect();
    let n: i64 = cleaned
        .parse()
        .map_err(|_| ValidationError::new(field, Problem::NotAWholeNumber))?;
    if n < 0 {
        return Err(ValidationError::new(field, Problem::Negative));
    }
    if n > MAX_COUNT {
        return Err(ValidationError::new(
            field,
            Problem::TooLarge { max: MAX_COUNT },
        ));
    }
    Ok(Some(n))
}

/// Whether a local time exists in Danish time (it does not in the hour that
/// is skipped when summer time starts).
pub fn local_time_exists(t: NaiveDateTime) -> bool {
    !matches!(
        Copenhagen.from_local_datetime(&t),
        chrono::LocalResult::None
    )
}

fn date_time(
    date_field: &'static str,
    time_field: &'static str,
    date: &str,
    time: &str,
) -> std::result::Result<NaiveDateTime, ValidationError> {
    let d = validate::optional_date(date_field, date)?
        .ok_or(ValidationError::new(date_field, Problem::Required))?;
    if time.trim().is_empty() {
        return Err(ValidationError::new(time_field, Problem::Required));
    }
    let t = parse_time(time).ok_or(ValidationError::new(time_field, Problem::InvalidTime))?;
    let dt = d.and_time(t);
    if !local_time_exists(dt) {
        return Err(ValidationError::new(time_field, Problem::TimeSkipped));
    }
    Ok(dt)
}

/// Checks every field of the form, in the order they appear, and returns the
/// first problem with the field it concerns.
pub fn validate_input(input: &EventInput) -> std::result::Result<ValidEvent, ValidationError> {
    let title = validate::text("event_title", &input.title, MAX_TITLE, true, false)?;
    let kind = if input.kind.trim().is_empty() {
        return Err(ValidationError::new("event_kind", Problem::Required));
    } else {
        EventKind::parse(&input.kind)
            .ok_or(ValidationError::new("event_kind", Problem::InvalidChoice))?
    };
    let starts_at = date_time(
        "start_date",
        "start_time",
        &input.start_date,
        &input.start_time,
    )?;
    let end_date = if input.end_date.trim().is_empty() {
        dates::iso(starts_at.date())
    } else {
        input.end_date.clone()
    };
    let ends_at = date_time("end_date", "end_time", &end_date, &input.end_time)?;
    if ends_at < starts_at {
        let field = if ends_at.date() < starts_at.date() {
            "end_date"
        } else {
            "end_time"
        };
        return Err(ValidationError::new(field, Problem::EndBeforeStart));
    }
    let place = validate::text("event_place", &input.place, MAX_TITLE, false, false)?;
    let description = validate::text(
        "event_description",
        &input.description,
        MAX_TEXT,
        false,
        true,
    )?;
    let mut organiser_ids: Vec<String> = Vec::new();
    for id in &input.organiser_ids {
        let id = id.trim().to_string();
        if !id.is_empty() && !organiser_ids.contains(&id) {
            organiser_ids.push(id);
        }
    }
    if !input.by_municipality && organiser_ids.is_empty() {
        return Err(ValidationError::new("organisers", Problem::Required));
    }
    let mut goal_ids: Vec<String> = Vec::new();
    for id in &input.goal_ids {
        let id = id.trim().to_string();
        if !id.is_empty() && !goal_ids.contains(&id) {
            goal_ids.push(id);
        }
    }
    let booths = optional_count("booths", &input.booths)?;
    let visitors = optional_count("visitors", &input.visitors)?;
    let citizens_reached = optional_count("citizens_reached", &input.citizens_reached)?;
    let notes = validate::text("event_notes", &input.notes, MAX_TEXT, false, true)?;
    let follow_up = validate::text("follow_up", &input.follow_up, MAX_TEXT, false, true)?;
    Ok(ValidEvent {
        title,
        kind,
        starts_at,
        ends_at,
        place,
        description,
        by_municipality: input.by_municipality,
        organiser_ids,
        goal_ids,
        booths,
        visitors,
        citizens_reached,
        notes,
        follow_up,
    })
}

/// "22. november 2026 kl. 16.00–18.00" (or with both dates when they differ).
pub fn when_text(start: NaiveDateTime, end: NaiveDateTime, lang: Lang) -> String {
    let kl = match lang {
        Lang::Da => "kl.",
        Lang::En => "at",
    };
    let st = start.format("%H.%M");
    let et = end.format("%H.%M");
    if start.date() == end.date() {
        format!("{} {kl} {st}–{et}", dates::long(start.date(), lang))
    } else {
        format!(
            "{} {kl} {st} – {} {kl} {et}",
            dates::long(start.date(), lang),
            dates::long(end.date(), lang)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> EventInput {
        EventInput {
            title: "Netværksmøde om bevægelse".into(),
            kind: "netvaerksmoede".into(),
            start_date: "22.11.2026".into(),
            start_time: "16:00".into(),
            end_time: "18.00".into(),
            by_municipality: true,
            ..Default::default()
        }
    }

    fn problem(i: &EventInput) -> (&'static str, Problem) {
        let e = validate_input(i).unwrap_err();
        (e.field, e.problem)
    }

    #[test]
    fn a_good_event_validates_with_end_on_the_same_day() {
        let v = validate_input(&input()).unwrap();
        assert_eq!(
            v.starts_at.format(TIME_FORMAT).to_string(),
            "2026-11-22T16:00"
        );
        assert_eq!(
            v.ends_at.format(TIME_FORMAT).to_string(),
            "2026-11-22T18:00"
        );
    }

    #[test]
    fn bad_input_names_the_field() {
        let mut i = input();
        i.title = "  ".into();
        assert_eq!(problem(&i), ("event_title", Problem::Required));

        let mut i = input();
        i.start_date = String::new();
        assert_eq!(problem(&i), ("start_date", Problem::Required));

        let mut i = input();
        i.end_time = "15:00".into();
        assert_eq!(problem(&i), ("end_time", Problem::EndBeforeStart));

        let mut i = input();
        i.end_date = "21.11.2026".into();
        assert_eq!(problem(&i), ("end_date", Problem::EndBeforeStart));

        let mut i = input();
        i.visitors = "-3".into();
        assert_eq!(problem(&i), ("visitors", Problem::Negative));

        let mut i = input();
        i.booths = "mange".into();
        assert_eq!(problem(&i), ("booths", Problem::NotAWholeNumber));

        let mut i = input();
        i.kind = "koncert".into();
        assert_eq!(problem(&i), ("event_kind", Problem::InvalidChoice));

        let mut i = input();
        i.start_time = "25:00".into();
        assert_eq!(problem(&i), ("start_time", Problem::InvalidTime));

        let mut i = input();
        i.by_municipality = false;
        assert_eq!(problem(&i), ("organisers", Problem::Required));
    }

    #[test]
    fn the_hour_skipped_by_summer_time_is_refused() {
        let mut i = input();
        i.start_date = "29.03.2026".into();
        i.start_time = "02:30".into();
        i.end_time = "04:00".into();
        assert_eq!(problem(&i), ("start_time", Problem::TimeSkipped));
        // The repeated hour in October exists (twice) and is accepted.
        i.start_date = "25.10.2026".into();
        assert!(validate_input(&i).is_ok());
    }

    #[test]
    fn times_and_counts_parse_as_people_type_them() {
        assert_eq!(parse_time("9"), NaiveTime::from_hms_opt(9, 0, 0));
        assert_eq!(parse_time("0930"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(parse_time("9.30"), NaiveTime::from_hms_opt(9, 30, 0));
        assert_eq!(parse_time("kl 9"), None);
        assert_eq!(optional_count("visitors", "1.200"), Ok(Some(1200)));
        assert_eq!(optional_count("visitors", ""), Ok(None));
        assert_eq!(optional_count("visitors", "0"), Ok(Some(0)));
    }

    #[test]
    fn messages_are_in_danish_and_english() {
        let e = ValidationError::new("visitors", Problem::Negative);
        assert_eq!(e.message(Lang::Da), "Antal besøgende må ikke være negativt");
        assert_eq!(
            e.message(Lang::En),
            "The number of visitors must not be negative"
        );
        let e = ValidationError::new("end_time", Problem::EndBeforeStart);
        assert_eq!(
            e.message(Lang::Da),
            "Sluttidspunktet må ikke ligge før starten"
        );
    }
}
