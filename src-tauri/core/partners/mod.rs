//! The partner register (issue 3): partners, their contacts, goals, initiative,
//! recruitment, consents and status history.
//!
//! This file holds the public types, per-field validation and the insertion of
//! a validated partner (shared with the import, which inserts many in one
//! transaction). The rest lives in submodules:
//! - [`store`]: get, update, list and search, bin and GDPR erasure;
//! - [`lookup`]: what other areas read of the register (who can be picked,
//!   display names, consents), so none of them queries its tables;
//! - [`index`]: the list's in-memory search index (search as you type);
//! - [`collation`]: the Danish sort key (æ, ø, å after z);
//! - [`dedupe`]: the name key and duplicate warnings;
//! - [`demo`]: the fictional demo programme.
//!
//! Invariants: a partner's `name_key`, `sort_key` and `search_text` columns are
//! always derived from its current data by this module (never typed by hand);
//! every status change is recorded in `partner_status_history` with its date;
//! an active partner has at least one goal.

pub mod collation;
pub mod consents;
pub mod dedupe;
pub mod demo;
pub mod erasure;
pub mod facts;
pub mod index;
pub mod lookup;
pub mod store;
// import/export (issue 3, partner_io)
pub mod dialect;
pub mod export;
pub mod import;

use crate::i18n::{field_label, Lang, Localize};
use crate::store::{new_id, now, StoreError};
use crate::validate::{self, Problem, ValidationError};
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

pub use index::ListIndex;
pub use lookup::{
    addressee, by_ids, contacts_named, email_contacts, first_pickable, goal_ids_of, incomplete,
    joined_publicly, named_publicly, pickable, pickable_among, pickable_one, unpickable_ids,
    without_email_consent, Addressee, Among, ContactRef, Counted, EmailContact, IdsOf,
    JoinedPartner, PartnerOption, Seniority,
};
pub use store::{
    bin, delete, empty_bin, erase, get, list, restore, update, ListQuery, ListResult, Sort,
};

/// Longest partner name.
pub const MAX_NAME: usize = 200;
/// Longest one-line text (target group, arena, recruited by, contact name).
pub const MAX_LINE: usize = 200;
/// Longest address or website.
pub const MAX_ADDRESS: usize = 300;
/// Longest initiative description and recruitment notes.
pub const MAX_TEXT: usize = 4000;
/// Longest free notes.
pub const MAX_NOTES: usize = 10_000;
/// Longest contact role.
pub const MAX_ROLE: usize = 100;
/// Longest email address (RFC 5321 path limit).
pub const MAX_EMAIL: usize = 254;
/// Most contact persons on one partner.
pub const MAX_CONTACTS: usize = 50;

// ── enums ────────────────────────────────────────────────────────────────

macro_rules! text_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in the order the UI offers them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as stored in the database and sent to the UI.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl FromStr for $name {
            type Err = ();
            fn from_str(s: &str) -> std::result::Result<Self, ()> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(()),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let s = v.as_str()?;
                s.parse().map_err(|_| rusqlite::types::FromSqlError::InvalidType)
            }
        }

        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }
    };
}

text_enum!(
    /// The kind of partner (aktørtype). `Borger` is a private person: all of
    /// their data is personal data.
    Kind {
        Kommunal = "kommunal",
        Virksomhed = "virksomhed",
        Forening = "forening",
        Borger = "borger",
        Institution = "institution",
    }
);

text_enum!(
    /// Where the partner is in the programme:
    /// interesseret → aktiv → i dvale → afsluttet.
    Status {
        Interesseret = "interesseret",
        Aktiv = "aktiv",
        IDvale = "i_dvale",
        Afsluttet = "afsluttet",
    }
);

text_enum!(
    /// How the partner was recruited.
    Channel {
        SoMe = "some",
        Arrangement = "arrangement",
        Direkte = "direkte",
        Gatekeeper = "gatekeeper",
        Lokalavis = "lokalavis",
        Andet = "andet",
    }
);

impl Status {
    /// Position in the programme's flow, used to sort by status.
    pub fn rank(self) -> u8 {
        match self {
            Status::Interesseret => 0,
            Status::Aktiv => 1,
            Status::IDvale => 2,
            Status::Afsluttet => 3,
        }
    }
}

// ── input ────────────────────────────────────────────────────────────────

/// A contact person as typed in the form (or read from an import row).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct ContactInput {
    /// The contact's id when editing an existing one; empty for a new one.
    pub id: String,
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    pub is_primary: bool,
}

/// A partner as typed in the form (or read from an import row). Every field
/// is text as typed; [`validate`] turns it into a [`ValidPartner`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default)]
pub struct PartnerInput {
    pub name: String,
    /// One of [`Kind`]'s values; required.
    pub kind: String,
    /// One of [`Status`]'s values; empty means `interesseret`.
    pub status: String,
    /// The date of the status (change). Empty means: for a new partner the
    /// date joined (else today); for a change of status, today.
    pub status_changed_on: String,
    /// ISO or Danish date; may be empty.
    pub joined_on: String,
    /// Goal ids.
    pub goals: Vec<String>,
    pub initiative: String,
    pub target_group: String,
    pub arena: String,
    pub address: String,
    pub website: String,
    /// One of [`Channel`]'s values, or empty.
    pub recruitment_channel: String,
    pub recruited_by: String,
    pub recruitment_notes: String,
    pub consent_public: bool,
    pub consent_public_on: String,
    pub consent_email: bool,
    pub consent_email_on: String,
    pub some_commitment: bool,
    pub notes: String,
    pub contacts: Vec<ContactInput>,
}

/// A contact that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidContact {
    pub id: Option<String>,
    pub name: String,
    pub role: String,
    /// Trimmed; compared case-insensitively.
    pub email: String,
    /// Normalised: `12 34 56 78` or `+45 12 34 56 78`.
    pub phone: String,
    pub is_primary: bool,
}

/// A partner that passed validation: typed values ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPartner {
    pub name: String,
    pub kind: Kind,
    pub status: Status,
    pub status_changed_on: NaiveDate,
    pub joined_on: Option<NaiveDate>,
    /// Goal ids, each known to the programme, without repeats.
    pub goals: Vec<String>,
    pub initiative: String,
    pub target_group: String,
    pub arena: String,
    pub address: String,
    pub website: String,
    pub recruitment_channel: Option<Channel>,
    pub recruited_by: String,
    pub recruitment_notes: String,
    pub consent_public: bool,
    pub consent_public_on: Option<NaiveDate>,
    pub consent_email: bool,
    pub consent_email_on: Option<NaiveDate>,
    pub some_commitment: bool,
    pub notes: String,
    /// Exactly one is primary when there are any.
    pub contacts: Vec<ValidContact>,
}

impl ValidPartner {
    /// The consents as given in this record.
    pub fn consents(&self) -> consents::Consents {
        consents::Consents {
            public: self.consent_public,
            public_on: self.consent_public_on,
            email: self.consent_email,
            email_on: self.consent_email_on,
        }
    }

    /// The duplicate-matching key of the name (see [`dedupe::name_key`]).
    pub fn name_key(&self) -> String {
        dedupe::name_key(&self.name)
    }

    /// The contacts' email addresses, lowercased, without empties.
    pub fn emails(&self) -> Vec<String> {
        self.contacts
            .iter()
            .filter(|c| !c.email.is_empty())
            .map(|c| c.email.to_lowercase())
            .collect()
    }
}

// ── output ───────────────────────────────────────────────────────────────

/// A goal as shown on a partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartnerGoal {
    pub id: String,
    pub position: i64,
    pub title: String,
    /// Retired goals stay on records that have them but are not offered.
    pub retired: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    pub id: String,
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
    pub is_primary: bool,
}

/// One entry of the status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    pub status: Status,
    pub changed_on: NaiveDate,
}

/// The full record, for the detail page and the edit form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Partner {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub status: Status,
    pub joined_on: Option<NaiveDate>,
    pub goals: Vec<PartnerGoal>,
    pub initiative: String,
    pub target_group: String,
    pub arena: String,
    pub address: String,
    pub website: String,
    pub recruitment_channel: Option<Channel>,
    pub recruited_by: String,
    pub recruitment_notes: String,
    pub consent_public: bool,
    pub consent_public_on: Option<NaiveDate>,
    pub consent_email: bool,
    pub consent_email_on: Option<NaiveDate>,
    pub some_commitment: bool,
    pub notes: String,
    pub contacts: Vec<Contact>,
    /// Oldest first.
    pub status_history: Vec<StatusChange>,
    pub import_batch_id: Option<String>,
    /// Set while the partner is in the bin.
    pub deleted_at: Option<String>,
    /// Set when personal data has been erased (GDPR).
    pub erased_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// One line of the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartnerRow {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub status: Status,
    pub joined_on: Option<NaiveDate>,
    /// Positions of the partner's goals (1-based, in the programme's order).
    pub goal_positions: Vec<i64>,
    /// The primary contact's name, or empty.
    pub contact_name: String,
    /// The primary contact's email, or empty.
    pub contact_email: String,
    pub deleted_at: Option<String>,
}

// ── errors ───────────────────────────────────────────────────────────────

/// Errors of the partner register.
#[derive(Debug, thiserror::Error)]
pub enum PartnerError {
    /// A field of the partner is invalid.
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    /// A field of contact number `index` (0-based) is invalid.
    #[error("contact {index}: {error}")]
    InvalidContact {
        index: usize,
        error: ValidationError,
    },
    /// An active partner must commit to at least one goal.
    #[error("an active partner needs at least one goal")]
    GoalsRequired,
    /// A goal that is not (or no longer) offered was chosen.
    #[error("goal {0} is unknown or retired")]
    UnknownGoal(String),
    #[error("no partner with id {0}")]
    NotFound(String),
    /// The demo data would mix into a register that already has partners.
    #[error("the database already has {0} partners; demo data is refused")]
    DemoRefused(i64),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for PartnerError {
    fn from(e: rusqlite::Error) -> Self {
        PartnerError::Store(StoreError::Sqlite(e))
    }
}

impl Localize for PartnerError {
    fn code(&self) -> &'static str {
        match self {
            PartnerError::Invalid(e) => e.code(),
            PartnerError::InvalidContact { error, .. } => error.code(),
            PartnerError::GoalsRequired => "partners.goals_required",
            PartnerError::UnknownGoal(_) => "partners.unknown_goal",
            PartnerError::NotFound(_) => "partners.not_found",
            PartnerError::DemoRefused(_) => "partners.demo_refused",
            PartnerError::Store(e) => e.code(),
        }
    }

    fn field(&self) -> Option<&'static str> {
        match self {
            PartnerError::Invalid(e) => e.field(),
            PartnerError::InvalidContact { error, .. } => error.field(),
            PartnerError::GoalsRequired | PartnerError::UnknownGoal(_) => Some("goals"),
            _ => None,
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (_, PartnerError::Invalid(e)) => e.message(lang),
            (_, PartnerError::Store(e)) => e.message(lang),
            (Lang::Da, PartnerError::InvalidContact { index, error }) => {
                format!("Kontaktperson {}: {}", index + 1, error.message(lang))
            }
            (Lang::En, PartnerError::InvalidContact { index, error }) => {
                format!("Contact {}: {}", index + 1, error.message(lang))
            }
            (Lang::Da, PartnerError::GoalsRequired) => {
                "En aktiv partner skal have mindst én målsætning".into()
            }
            (Lang::En, PartnerError::GoalsRequired) => {
                "An active partner must have at least one goal".into()
            }
            (Lang::Da, PartnerError::UnknownGoal(_)) => format!(
                "{} indeholder en målsætning, der ikke findes eller er udgået",
                field_label("goals", lang)
            ),
            (Lang::En, PartnerError::UnknownGoal(_)) => format!(
                "{} include a goal that does not exist or has been retired",
                field_label("goals", lang)
            ),
            (Lang::Da, PartnerError::NotFound(_)) => {
                "Partneren findes ikke længere. Gå tilbage til listen.".into()
            }
            (Lang::En, PartnerError::NotFound(_)) => {
                "The partner no longer exists. Go back to the list.".into()
            }
            (Lang::Da, PartnerError::DemoRefused(n)) => format!(
                "Demodata kan kun indlæses i en tom database; denne har allerede {n} partnere."
            ),
            (Lang::En, PartnerError::DemoRefused(n)) => format!(
                "Demo data can only be loaded into an empty database; this one already has {n} partners."
            ),
        }
    }
}

pub type Result<T> = std::result::Result<T, PartnerError>;

// ── validation ───────────────────────────────────────────────────────────

/// Checks an email address: one `@`, a non-empty local part, a domain with a
/// dot and no empty labels, no spaces. Returns it trimmed.
pub fn email(field: &'static str, value: &str) -> std::result::Result<String, ValidationError> {
    let v = validate::text(field, value, MAX_EMAIL, false, false)?;
    if v.is_empty() {
        return Ok(v);
    }
    let bad = || ValidationError::new(field, Problem::InvalidEmail);
    let (local, domain) = v.split_once('@').ok_or_else(bad)?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    if local_ok && domain_ok {
        Ok(v)
    } else {
        Err(bad())
    }
}

/// Checks a Danish phone number: 8 digits, optionally after `+45` or `0045`,
/// spaces (and hyphens) anywhere. Returns it normalised as `12 34 56 78` or
/// `+45 12 34 56 78` (the prefix kept when it was typed).
pub fn phone(field: &'static str, value: &str) -> std::result::Result<String, ValidationError> {
    let v = validate::text(field, value, 30, false, false)?;
    if v.is_empty() {
        return Ok(v);
    }
    let compact: String = v.chars().filter(|c| *c != ' ' && *c != '-').collect();
    let (prefix, digits) = if let Some(rest) = compact.strip_prefix("+45") {
        (true, rest)
    } else if let Some(rest) = compact.strip_prefix("0045") {
        (true, rest)
    } else {
        (false, compact.as_str())
    };
    if digits.len() != 8 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(ValidationError::new(field, Problem::InvalidPhone));
    }
    let grouped = digits
        .as_bytes()
        .chunks(2)
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(if prefix {
        format!("+45 {grouped}")
    } else {
        grouped
    })
}

fn parse_choice<T: FromStr>(
    field: &'static str,
    value: &str,
) -> std::result::Result<T, ValidationError> {
    value
        .trim()
        .parse()
        .map_err(|_| ValidationError::new(field, Problem::InvalidChoice))
}

/// One contact row: every field's problem at once (in the form's order), so
/// a wrong e-mail and a wrong phone number are both shown on the first save.
fn validate_contact(c: &ContactInput) -> std::result::Result<ValidContact, Vec<ValidationError>> {
    let mut errors = Vec::new();
    let mut keep = |r: std::result::Result<String, ValidationError>| match r {
        Ok(v) => v,
        Err(e) => {
            errors.push(e);
            String::new()
        }
    };
    let name = keep(validate::text(
        "contact_name",
        &c.name,
        MAX_LINE,
        true,
        false,
    ));
    let role = keep(validate::text(
        "contact_role",
        &c.role,
        MAX_ROLE,
        false,
        false,
    ));
    let email = keep(email("email", &c.email));
    let phone = keep(phone("phone", &c.phone));
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidContact {
        id: Some(c.id.trim().to_string()).filter(|s| !s.is_empty()),
        name,
        role,
        email,
        phone,
        is_primary: c.is_primary,
    })
}

/// Every problem with `input`, in the order of the form's fields: the form
/// shows each at its field. Empty when the input is valid. Fails only when
/// the database cannot be read.
///
/// `current_goals` are the goals the record already has (when editing):
/// retired goals among them stay allowed; no other retired goal is.
pub fn problems(
    conn: &Connection,
    input: &PartnerInput,
    current_goals: &[String],
) -> Result<Vec<PartnerError>> {
    let mut out = Vec::new();
    match validate_inner(conn, input, current_goals, &mut out) {
        Ok(_) => Ok(out),
        Err(e) => Err(e),
    }
}

/// Validates `input` for a new partner: the first problem, in form order.
pub fn validate(conn: &Connection, input: &PartnerInput) -> Result<ValidPartner> {
    validate_with_goals(conn, input, &[])
}

/// Like [`validate`], allowing the retired goals in `current_goals` (the
/// goals the record has before an edit).
pub fn validate_with_goals(
    conn: &Connection,
    input: &PartnerInput,
    current_goals: &[String],
) -> Result<ValidPartner> {
    let mut out = Vec::new();
    let valid = validate_inner(conn, input, current_goals, &mut out)?;
    match (out.into_iter().next(), valid) {
        (Some(e), _) => Err(e),
        (None, Some(v)) => Ok(v),
        // validate_inner returns a partner exactly when it found no problem.
        (None, None) => Err(PartnerError::Invalid(ValidationError::new(
            "name",
            Problem::Required,
        ))),
    }
}

/// Collects the problems into `out`; returns the valid partner when there
/// were none. `Err` only for database failures.
fn validate_inner(
    conn: &Connection,
    input: &PartnerInput,
    current_goals: &[String],
    out: &mut Vec<PartnerError>,
) -> Result<Option<ValidPartner>> {
    fn take<T>(
        out: &mut Vec<PartnerError>,
        r: std::result::Result<T, ValidationError>,
    ) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                out.push(PartnerError::Invalid(e));
                None
            }
        }
    }

    let name = take(
        out,
        validate::text("name", &input.name, MAX_NAME, true, false),
    );
    let kind = take(
        out,
        if input.kind.trim().is_empty() {
            Err(ValidationError::new("kind", Problem::Required))
        } else {
            parse_choice::<Kind>("kind", &input.kind)
        },
    );
    let status = take(
        out,
        if input.status.trim().is_empty() {
            Ok(Status::Interesseret)
        } else {
            parse_choice::<Status>("status", &input.status)
        },
    );
    let status_changed_on = take(
        out,
        validate::optional_date("status_changed_on", &input.status_changed_on),
    );
    let joined_on = take(out, validate::optional_date("joined_on", &input.joined_on));

    // Goals: known, offered (or already on the record), no repeats.
    let mut goals: Vec<String> = Vec::new();
    let mut goal_problem = false;
    {
        let mut stmt =
            conn.prepare_cached("SELECT retired_at IS NOT NULL FROM goals WHERE id = ?1")?;
        for g in &input.goals {
            let g = g.trim();
            if g.is_empty() || goals.iter().any(|x| x == g) {
                continue;
            }
            let retired: Option<bool> =
                stmt.query_row([g], |r| r.get(0))
                    .map(Some)
                    .or_else(|e| match e {
                        rusqlite::Error::QueryReturnedNoRows => Ok(None),
                        e => Err(e),
                    })?;
            match retired {
                Some(false) => goals.push(g.to_string()),
                Some(true) if current_goals.iter().any(|c| c == g) => goals.push(g.to_string()),
                _ => {
                    if !goal_problem {
                        out.push(PartnerError::UnknownGoal(g.to_string()));
                        goal_problem = true;
                    }
                }
            }
        }
    }
    if status == Some(Status::Aktiv) && goals.is_empty() && !goal_problem {
        out.push(PartnerError::GoalsRequired);
    }

    let initiative = take(
        out,
        validate::text("initiative", &input.initiative, MAX_TEXT, false, true),
    );
    let target_group = take(
        out,
        validate::text("target_group", &input.target_group, MAX_LINE, false, false),
    );
    let arena = take(
        out,
        validate::text("arena", &input.arena, MAX_LINE, false, false),
    );
    let address = take(
        out,
        validate::text("address", &input.address, MAX_ADDRESS, false, true),
    );
    let website = take(
        out,
        validate::text("website", &input.website, MAX_ADDRESS, false, false),
    );
    let recruitment_channel = take(
        out,
        if input.recruitment_channel.trim().is_empty() {
            Ok(None)
        } else {
            parse_choice::<Channel>("recruitment_channel", &input.recruitment_channel).map(Some)
        },
    );
    let recruited_by = take(
        out,
        validate::text("recruited_by", &input.recruited_by, MAX_LINE, false, false),
    );
    let recruitment_notes = take(
        out,
        validate::text(
            "recruitment_notes",
            &input.recruitment_notes,
            MAX_TEXT,
            false,
            true,
        ),
    );
    let consent_public_on = take(
        out,
        validate::optional_date("consent_public_on", &input.consent_public_on),
    );
    let consent_email_on = take(
        out,
        validate::optional_date("consent_email_on", &input.consent_email_on),
    );
    let notes = take(
        out,
        validate::text("notes", &input.notes, MAX_NOTES, false, true),
    );

    let mut contacts = Vec::new();
    if input.contacts.len() > MAX_CONTACTS {
        out.push(PartnerError::InvalidContact {
            index: MAX_CONTACTS,
            error: ValidationError::new("contact_name", Problem::TooLong { max: MAX_CONTACTS }),
        });
    }
    for (index, c) in input.contacts.iter().enumerate().take(MAX_CONTACTS) {
        // A completely empty contact row in the form is ignored.
        if c.name.trim().is_empty()
            && c.role.trim().is_empty()
            && c.email.trim().is_empty()
            && c.phone.trim().is_empty()
        {
            continue;
        }
        match validate_contact(c) {
            Ok(v) => contacts.push(v),
            Err(errors) => out.extend(
                errors
                    .into_iter()
                    .map(|error| PartnerError::InvalidContact { index, error }),
            ),
        }
    }
    // Exactly one primary contact: the first marked, else the first.
    if let Some(first) = contacts
        .iter()
        .position(|c| c.is_primary)
        .or(if contacts.is_empty() { None } else { Some(0) })
    {
        for (i, c) in contacts.iter_mut().enumerate() {
            c.is_primary = i == first;
        }
    }

    if !out.is_empty() {
        return Ok(None);
    }
    // All `take`s succeeded when `out` is empty.
    let (
        Some(name),
        Some(kind),
        Some(status),
        Some(status_changed_on),
        Some(joined_on),
        Some(initiative),
        Some(target_group),
        Some(arena),
        Some(address),
        Some(website),
        Some(recruitment_channel),
        Some(recruited_by),
        Some(recruitment_notes),
        Some(consent_public_on),
        Some(consent_email_on),
        Some(notes),
    ) = (
        name,
        kind,
        status,
        status_changed_on,
        joined_on,
        initiative,
        target_group,
        arena,
        address,
        website,
        recruitment_channel,
        recruited_by,
        recruitment_notes,
        consent_public_on,
        consent_email_on,
        notes,
    )
    else {
        return Ok(None);
    };
    let today = crate::dates::today();
    Ok(Some(ValidPartner {
        name,
        kind,
        status,
        // A new partner's first status dates from when it joined, if known.
        status_changed_on: status_changed_on.or(joined_on).unwrap_or(today),
        joined_on,
        goals,
        initiative,
        target_group,
        arena,
        address,
        website,
        recruitment_channel,
        recruited_by,
        recruitment_notes,
        consent_public: input.consent_public,
        consent_public_on: if input.consent_public {
            consent_public_on
        } else {
            None
        },
        consent_email: input.consent_email,
        consent_email_on: if input.consent_email {
            consent_email_on
        } else {
            None
        },
        some_commitment: input.some_commitment,
        notes,
        contacts,
    }))
}

// ── writing ──────────────────────────────────────────────────────────────

/// The lowercased text that search-as-you-type looks in: name, contact
/// names and emails, initiative.
pub(crate) fn search_text(p: &ValidPartner) -> String {
    let mut s = String::with_capacity(p.name.len() + p.initiative.len() + 64);
    s.push_str(&p.name);
    for c in &p.contacts {
        s.push('\n');
        s.push_str(&c.name);
        s.push('\n');
        s.push_str(&c.email);
    }
    s.push('\n');
    s.push_str(&p.initiative);
    collation::fold(&s)
}

fn date_text(d: Option<NaiveDate>) -> Option<String> {
    d.map(crate::dates::iso)
}

/// Inserts a validated partner with its goals, contacts and first status
/// history entry, inside the caller's transaction (the import inserts many in
/// one). Returns the new id.
pub fn insert_valid(
    tx: &Connection,
    p: &ValidPartner,
    import_batch_id: Option<&str>,
) -> Result<String> {
    let source = if import_batch_id.is_some() {
        consents::Source::IMPORT
    } else {
        consents::Source::FORM
    };
    insert_valid_from(tx, p, import_batch_id, source)
}

/// [`insert_valid`] for a partner that came from `source` (a fair, a merge,
/// the demo): its consents are recorded with that source.
pub fn insert_valid_from(
    tx: &Connection,
    p: &ValidPartner,
    import_batch_id: Option<&str>,
    source: consents::Source,
) -> Result<String> {
    let id = new_id();
    let ts = now();
    tx.prepare_cached(
        "INSERT INTO partners (id, name, name_key, sort_key, kind, status, joined_on,
            initiative, target_group, arena, address, website, recruitment_channel,
            recruited_by, recruitment_notes, consent_public, consent_public_on,
            consent_email, consent_email_on, some_commitment, notes, import_batch_id,
            search_text, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                 ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?24)",
    )?
    .execute(params![
        id,
        p.name,
        p.name_key(),
        collation::sort_key(&p.name),
        p.kind,
        p.status,
        date_text(p.joined_on),
        p.initiative,
        p.target_group,
        p.arena,
        p.address,
        p.website,
        p.recruitment_channel,
        p.recruited_by,
        p.recruitment_notes,
        p.consent_public,
        date_text(p.consent_public_on),
        p.consent_email,
        date_text(p.consent_email_on),
        p.some_commitment,
        p.notes,
        import_batch_id,
        search_text(p),
        ts,
    ])?;
    store::write_goals(tx, &id, &p.goals)?;
    store::write_contacts(tx, &id, &p.contacts, &ts)?;
    consents::record_changes(tx, &id, None, p.consents(), source, crate::dates::today())?;
    tx.prepare_cached(
        "INSERT INTO partner_status_history (id, partner_id, status, changed_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        new_id(),
        id,
        p.status,
        date_text(Some(p.status_changed_on)),
        ts
    ])?;
    Ok(id)
}

/// Validates and creates one partner; returns the stored record.
pub fn create(conn: &mut Connection, input: &PartnerInput) -> Result<Partner> {
    let valid = validate(conn, input)?;
    let tx = crate::store::begin(conn)?;
    let id = insert_valid(&tx, &valid, None)?;
    tx.commit()?;
    get(conn, &id)
}

#[cfg(test)]
mod tests;
