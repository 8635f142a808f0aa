//! Diplomas in the database: the diploma settings (wording, design,
//! orientation, colour, folder, who signs), ceremonies, the queue of partners
//! still waiting for a diploma, issuing with a snapshot of what was printed,
//! and identical reprints from that snapshot.
//!
//! Tables are in migration 003. Partners are read through the register
//! ([`crate::partners::lookup`]) and goals through [`crate::settings`]; the
//! events area reads the ceremonies through [`ceremonies`].

use super::{
    files, render_pdf, render_svg, Design, DiplomaError, DiplomaInput, ImageBytes, Orientation,
    Rgb, Signer, Warning, Wording,
};
use crate::dates;
use crate::files::{self as docs, DocKind, Target};
use crate::partners::{self, Status};
use crate::settings;
use crate::store::{new_id, now, StoreError};
use crate::validate::{self, Problem, ValidationError};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

type Result<T> = std::result::Result<T, DiplomaError>;

impl From<rusqlite::Error> for DiplomaError {
    fn from(e: rusqlite::Error) -> Self {
        DiplomaError::Store(crate::store::StoreError::Sqlite(e))
    }
}

/// The preference key under which the diploma settings are stored (JSON).
const PREF_KEY: &str = "diploma.settings";

/// The diploma settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DiplomaSettings {
    pub wording: Wording,
    pub design: Design,
    pub orientation: Orientation,
    /// `#rrggbb`.
    pub colour: String,
    /// The one documents folder of [`crate::files`] ("" = the default),
    /// shown and changed here too while the Diplomer view has the field.
    /// Not stored with the rest: left out of a save, it stays as it is.
    pub folder: Option<String>,
    /// Which signatories sign by default (1, 2 or both).
    pub signatory_slots: Vec<u8>,
    /// Open the PDF in the system's viewer right after it is made.
    pub open_after: bool,
}

impl Default for DiplomaSettings {
    fn default() -> Self {
        DiplomaSettings {
            wording: Wording::default(),
            design: Design::Classic,
            orientation: Orientation::Landscape,
            colour: Rgb::DEFAULT.hex(),
            folder: None,
            signatory_slots: vec![1, 2],
            open_after: true,
        }
    }
}

/// The settings, with the defaults for what was never set, and the
/// documents folder setting.
pub fn get_settings(conn: &Connection) -> Result<DiplomaSettings> {
    // First: an older diploma folder in the stored JSON is taken over once.
    let folder = docs::folder_setting(conn)?;
    let mut s: DiplomaSettings = settings::pref(conn, PREF_KEY)?
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default();
    s.folder = Some(folder);
    Ok(s)
}

/// Validates and stores the settings; a `folder` given changes the one
/// documents folder setting (its errors name `diploma_folder`).
pub fn save_settings(conn: &Connection, s: &DiplomaSettings) -> Result<DiplomaSettings> {
    let mut s = checked_settings(s)?;
    let folder = match s.folder.take() {
        Some(f) => {
            docs::folder_setting(conn)?;
            docs::set_folder_setting(conn, &f, "diploma_folder")?
        }
        None => docs::folder_setting(conn)?,
    };
    let json = serde_json::to_string(&s).map_err(|e| DiplomaError::Snapshot(e.to_string()))?;
    settings::set_pref(conn, PREF_KEY, &json)?;
    s.folder = Some(folder);
    Ok(s)
}

/// The settings validated and normalised (trimmed texts, `#rrggbb`, sorted slots).
pub fn checked_settings(s: &DiplomaSettings) -> Result<DiplomaSettings> {
    let mut s = s.clone();
    let colour = Rgb::parse(&s.colour)
        .ok_or_else(|| ValidationError::new("diploma_colour", Problem::InvalidChoice))?;
    s.colour = colour.hex();
    s.signatory_slots = clean_slots(&s.signatory_slots)?;
    // The wording is checked by the same rules the layout applies.
    let probe = DiplomaInput {
        partner: "x".into(),
        goals: Vec::new(),
        programme: String::new(),
        municipality: String::new(),
        place: String::new(),
        date: NaiveDate::default(),
        wording: s.wording.clone(),
        design: s.design,
        orientation: s.orientation,
        colour,
        logo: None,
        signers: Vec::new(),
    }
    .validated()?;
    s.wording = probe.wording;
    Ok(s)
}

fn clean_slots(slots: &[u8]) -> std::result::Result<Vec<u8>, ValidationError> {
    let mut out = Vec::new();
    for s in slots {
        if !matches!(s, 1 | 2) {
            return Err(ValidationError::new(
                "signatory_slots",
                Problem::InvalidChoice,
            ));
        }
        if !out.contains(s) {
            out.push(*s);
        }
    }
    out.sort_unstable();
    Ok(out)
}

/// A partner waiting for a diploma.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QueueEntry {
    pub partner_id: String,
    pub name: String,
    pub kind: String,
    pub joined_on: Option<String>,
}

/// Active partners (that can be picked) with no issued diploma yet, oldest
/// first: by the date they joined (those without one last), then by when
/// they were registered, then in Danish order.
pub fn queue(conn: &Connection) -> Result<Vec<QueueEntry>> {
    Ok(waiting(conn, None)?.first)
}

/// The diploma queue in short: how many wait and the first `n` of them (in
/// [`queue`]'s order), without reading every waiting partner. What the
/// Overblik shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct QueueHead {
    pub count: usize,
    pub first: Vec<QueueEntry>,
}

/// The first `n` partners of the [`queue`] and how many wait in all.
pub fn queue_head(conn: &Connection, n: usize) -> Result<QueueHead> {
    waiting(conn, Some(n))
}

/// The partners holding an original (non-award) diploma, read from the
/// index that keeps them to one each (`diplomas_partner_original`, whose
/// condition this repeats); named, since the planner would otherwise take
/// the diploma numbers' index and read every diploma's row.
pub(crate) const HOLDERS: partners::IdsOf = partners::IdsOf::new(
    "SELECT partner_id FROM diplomas INDEXED BY diplomas_partner_original
     WHERE is_copy = 0 AND award_key IS NULL",
);

/// The queue's one rule: active pickable partners but those holding an
/// original (non-award) diploma, in seniority order.
fn waiting(conn: &Connection, limit: Option<usize>) -> Result<QueueHead> {
    let found = partners::first_pickable(
        conn,
        Status::Aktiv,
        partners::Among::Except(HOLDERS),
        partners::Seniority::Joined,
        limit,
    )?;
    Ok(QueueHead {
        count: found.count,
        first: found
            .first
            .into_iter()
            .map(|p| QueueEntry {
                partner_id: p.id,
                name: p.name,
                kind: p.kind.as_str().to_string(),
                joined_on: p.joined_on.map(dates::iso),
            })
            .collect(),
    })
}

/// A ceremony (overrækkelse).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ceremony {
    pub id: String,
    pub held_on: String,
    pub place: String,
    pub signatory_slots: Vec<u8>,
    pub notes: String,
    /// Original diplomas issued at it.
    pub issued: i64,
    /// The partners chosen for it, in printing order, still waiting for
    /// their diploma ([`super::selection`]).
    pub selection: Vec<String>,
    /// When a PDF of the selection was last made (RFC 3339, UTC).
    pub printed_at: Option<String>,
}

/// A ceremony as typed in the form.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CeremonyInput {
    #[serde(default)]
    pub id: Option<String>,
    pub held_on: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub signatory_slots: Vec<u8>,
    #[serde(default)]
    pub notes: String,
}

fn slots_text(slots: &[u8]) -> String {
    slots
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

fn parse_slots(s: &str) -> Vec<u8> {
    s.split(',').filter_map(|p| p.trim().parse().ok()).collect()
}

/// Creates or updates a ceremony.
pub fn save_ceremony(conn: &Connection, input: &CeremonyInput) -> Result<Ceremony> {
    let held_on = validate::optional_date("held_on", &input.held_on)?
        .ok_or_else(|| ValidationError::new("held_on", Problem::Required))?;
    let place = validate::text("place", &input.place, 200, false, false)?;
    let notes = validate::text("notes", &input.notes, 2000, false, true)?;
    let slots = clean_slots(&input.signatory_slots)?;
    let ts = now();
    let id = match input.id.as_deref().filter(|s| !s.is_empty()) {
        Some(id) => {
            let n = conn.execute(
                "UPDATE ceremonies SET held_on = ?1, place = ?2, signatory_slots = ?3, notes = ?4, updated_at = ?5
                 WHERE id = ?6 AND deleted_at IS NULL",
                params![held_on.to_string(), place, slots_text(&slots), notes, ts, id],
            )?;
            if n == 0 {
                return Err(DiplomaError::CeremonyNotFound);
            }
            id.to_string()
        }
        None => {
            let id = new_id();
            conn.execute(
                "INSERT INTO ceremonies (id, held_on, place, signatory_slots, notes, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                params![id, held_on.to_string(), place, slots_text(&slots), notes, ts],
            )?;
            id
        }
    };
    ceremony(conn, &id)
}

/// One ceremony.
pub fn ceremony(conn: &Connection, id: &str) -> Result<Ceremony> {
    ceremonies_where(conn, "c.id = ?1", &[&id])?
        .into_iter()
        .next()
        .ok_or(DiplomaError::CeremonyNotFound)
}

/// All ceremonies not in the bin, newest first, each with the number of
/// original diplomas handed out at it. The events area lists them too.
pub fn ceremonies(conn: &Connection) -> std::result::Result<Vec<Ceremony>, StoreError> {
    ceremonies_where(conn, "1 = 1", &[])
}

fn ceremonies_where(
    conn: &Connection,
    cond: &str,
    args: &[&dyn rusqlite::ToSql],
) -> std::result::Result<Vec<Ceremony>, StoreError> {
    let sql = format!(
        "SELECT c.id, c.held_on, c.place, c.signatory_slots, c.notes,
                (SELECT count(*) FROM diplomas d WHERE d.ceremony_id = c.id AND d.is_copy = 0),
                c.printed_at
         FROM ceremonies c WHERE c.deleted_at IS NULL AND {cond}
         ORDER BY c.held_on DESC, c.created_at DESC"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map(args, |r| {
            Ok(Ceremony {
                id: r.get(0)?,
                held_on: r.get(1)?,
                place: r.get(2)?,
                signatory_slots: parse_slots(&r.get::<_, String>(3)?),
                notes: r.get(4)?,
                issued: r.get(5)?,
                selection: Vec::new(),
                printed_at: r.get(6)?,
            })
        })?
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let mut rows = rows;
    for c in &mut rows {
        c.selection = super::selection::selection(conn, &c.id)?;
    }
    Ok(rows)
}

/// What a ceremony (or a draft of one) contributes to a diploma.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Occasion {
    pub held_on: String,
    #[serde(default)]
    pub place: String,
    /// `None`: the settings' default signatories.
    #[serde(default)]
    pub signatory_slots: Option<Vec<u8>>,
}

impl From<&Ceremony> for Occasion {
    fn from(c: &Ceremony) -> Self {
        Occasion {
            held_on: c.held_on.clone(),
            place: c.place.clone(),
            signatory_slots: Some(c.signatory_slots.clone()),
        }
    }
}

/// Finds a partner that can be picked (not in the bin, not erased) by id,
/// or by name (case-insensitive, exact). Returns its id and name.
pub fn find_partner(conn: &Connection, name_or_id: &str) -> Result<(String, String)> {
    let key = name_or_id.trim();
    if let Some(p) = partners::pickable_one(conn, key)? {
        return Ok((p.id, p.name));
    }
    // Compared in Rust: SQLite's lower() only knows ASCII (not Æ, Ø, Å).
    let wanted = key.to_lowercase();
    let mut found = partners::pickable(conn, None)?
        .into_iter()
        .filter(|p| p.name.trim().to_lowercase() == wanted);
    match (found.next(), found.next()) {
        (None, _) => Err(DiplomaError::PartnerNotFound(key.to_string())),
        (Some(p), None) => Ok((p.id, p.name)),
        (Some(_), Some(_)) => Err(DiplomaError::PartnerAmbiguous(key.to_string())),
    }
}

fn image(conn: &Connection, id: Option<&str>) -> Result<Option<ImageBytes>> {
    let Some(id) = id else { return Ok(None) };
    Ok(settings::image_bytes(conn, id)?.map(|(_, bytes)| ImageBytes::new(bytes)))
}

/// The layout input for a partner at an occasion, from the current partner
/// record and settings.
pub fn input_for(conn: &Connection, partner_id: &str, occasion: &Occasion) -> Result<DiplomaInput> {
    input_with(conn, partner_id, occasion, None)
}

fn input_with(
    conn: &Connection,
    partner_id: &str,
    occasion: &Occasion,
    draft: Option<&DiplomaSettings>,
) -> Result<DiplomaInput> {
    let partner = partners::pickable_one(conn, partner_id)?
        .ok_or_else(|| DiplomaError::PartnerNotFound(partner_id.to_string()))?;
    let ids = partners::goal_ids_of(conn, std::slice::from_ref(&partner.id))?
        .remove(&partner.id)
        .unwrap_or_default();
    // Retired goals too: the partner committed to them.
    let titles: HashMap<String, String> = settings::goals(conn, true)?
        .into_iter()
        .map(|g| (g.id, g.title))
        .collect();
    let goals = ids
        .iter()
        .filter_map(|id| titles.get(id).cloned())
        .collect();
    base_input(conn, partner.name, goals, occasion, draft)
}

/// The layout input for a made-up partner (a preview before any partner
/// exists, or of the wording alone).
pub fn sample_input(
    conn: &Connection,
    occasion: &Occasion,
    draft: Option<&DiplomaSettings>,
) -> Result<DiplomaInput> {
    let goals: Vec<String> = settings::goals(conn, false)?
        .into_iter()
        .take(3)
        .map(|g| g.title)
        .collect();
    base_input(conn, "Børnehaven Evigglad".into(), goals, occasion, draft)
}

pub(super) fn base_input(
    conn: &Connection,
    partner: String,
    goals: Vec<String>,
    occasion: &Occasion,
    draft: Option<&DiplomaSettings>,
) -> Result<DiplomaInput> {
    let s = match draft {
        Some(d) => d.clone(),
        None => get_settings(conn)?,
    };
    let programme = settings::programme(conn)?;
    let date = validate::optional_date("held_on", &occasion.held_on)?
        .ok_or_else(|| ValidationError::new("held_on", Problem::Required))?;
    let slots = occasion
        .signatory_slots
        .clone()
        .unwrap_or_else(|| s.signatory_slots.clone());
    let mut signers = Vec::new();
    for sig in settings::signatories(conn)? {
        if slots.contains(&sig.slot) {
            signers.push(Signer {
                name: sig.name,
                title: sig.title,
                signature: image(conn, sig.signature.as_ref().map(|i| i.id.as_str()))?,
            });
        }
    }
    Ok(DiplomaInput {
        partner,
        goals,
        programme: programme.name,
        municipality: programme.municipality,
        place: occasion.place.clone(),
        date,
        wording: s.wording,
        design: s.design,
        orientation: s.orientation,
        colour: Rgb::parse(&s.colour).unwrap_or(Rgb::DEFAULT),
        logo: image(conn, programme.logo.as_ref().map(|i| i.id.as_str()))?,
        signers,
    })
}

/// A preview page.
#[derive(Debug, Clone, Serialize)]
pub struct Preview {
    pub svg: String,
    pub warnings: Vec<WarningOut>,
}

/// A warning for the UI.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct WarningOut {
    pub code: &'static str,
    pub message: String,
}

pub fn warnings_out(w: &[Warning], lang: crate::i18n::Lang) -> Vec<WarningOut> {
    w.iter()
        .map(|w| WarningOut {
            code: w.code(),
            message: w.message(lang),
        })
        .collect()
}

/// The preview of one partner's page (or of a sample partner when `None`),
/// with unsaved settings `draft` when given (a change is previewed live).
pub fn preview(
    conn: &Connection,
    partner_id: Option<&str>,
    occasion: &Occasion,
    draft: Option<&DiplomaSettings>,
) -> Result<Preview> {
    let draft = match draft {
        Some(d) => Some(checked_settings(d)?),
        None => None,
    };
    let input = match partner_id {
        Some(id) => input_with(conn, id, occasion, draft.as_ref())?,
        None => sample_input(conn, occasion, draft.as_ref())?,
    };
    let (svg, w) = render_svg(&input)?;
    let lang = settings::language(conn)?;
    Ok(Preview {
        svg,
        warnings: warnings_out(&w, lang),
    })
}

/// A PDF that was saved.
#[derive(Debug, Clone, Serialize)]
pub struct Generated {
    pub path: String,
    pub file_name: String,
    pub folder: String,
    pub pages: usize,
    pub warnings: Vec<WarningOut>,
}

/// The combined PDF of a ceremony: one page per partner in the given order,
/// saved at `target` (in the diplomas' folder under a readable,
/// never-overwriting name, or where the consultant chose).
pub fn generate(
    conn: &mut Connection,
    ceremony_id: &str,
    partner_ids: &[String],
    target: &Target,
) -> Result<Generated> {
    if partner_ids.is_empty() {
        return Err(DiplomaError::NoPartners);
    }
    let c = ceremony(conn, ceremony_id)?;
    let occasion = Occasion::from(&c);
    let inputs = partner_ids
        .iter()
        .map(|id| input_for(conn, id, &occasion))
        .collect::<Result<Vec<_>>>()?;
    let date = dates::parse_iso(&c.held_on).unwrap_or_default();
    let name = files::ceremony_file_name(date, &c.place);
    let r = render_pdf(&inputs, name.trim_end_matches(".pdf"))?;
    let path = docs::save(conn, DocKind::Diplomas, target, &name, &r.pdf)?;
    // The printed selection stays with the ceremony for "Markér som overrakt"
    // days later.
    super::selection::save_selection(conn, ceremony_id, partner_ids)?;
    super::selection::mark_printed(conn, ceremony_id)?;
    let lang = settings::language(conn)?;
    Ok(Generated::new(
        &path,
        r.pages,
        warnings_out(&r.warnings, lang),
    ))
}

impl Generated {
    pub(super) fn new(path: &Path, pages: usize, warnings: Vec<WarningOut>) -> Generated {
        Generated {
            file_name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            folder: path
                .parent()
                .map(|f| f.display().to_string())
                .unwrap_or_default(),
            path: path.display().to_string(),
            pages,
            warnings,
        }
    }
}

/// An issued diploma.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issued {
    pub id: String,
    pub partner_id: String,
    pub partner_name: String,
    pub ceremony_id: Option<String>,
    pub ceremony_place: Option<String>,
    pub number: i64,
    pub issued_on: String,
    pub is_copy: bool,
    /// The prize an award diploma was given for (`None`: the partnership diploma).
    pub award_key: Option<String>,
    /// An award diploma's title (the prize's name), from its snapshot.
    pub award_title: Option<String>,
}

/// What is stored as the snapshot: the input without image bytes, and the
/// digests of the images (their bytes are in `diploma_images`).
#[derive(Debug, Serialize, Deserialize)]
struct Snapshot {
    input: DiplomaInput,
    logo: Option<String>,
    signatures: Vec<Option<String>>,
}

fn store_image(conn: &Connection, img: &Option<ImageBytes>) -> Result<Option<String>> {
    let Some(img) = img else { return Ok(None) };
    let digest = format!("{:016x}", img.digest());
    conn.execute(
        "INSERT OR IGNORE INTO diploma_images (digest, bytes, created_at) VALUES (?1, ?2, ?3)",
        params![digest, img.bytes(), now()],
    )?;
    Ok(Some(digest))
}

fn load_image(conn: &Connection, digest: &Option<String>) -> Result<Option<ImageBytes>> {
    let Some(d) = digest else { return Ok(None) };
    let bytes: Option<Vec<u8>> = conn
        .query_row(
            "SELECT bytes FROM diploma_images WHERE digest = ?1",
            [d],
            |r| r.get(0),
        )
        .optional()?;
    Ok(bytes.map(ImageBytes::new))
}

pub(super) fn snapshot_json(conn: &Connection, input: &DiplomaInput) -> Result<String> {
    let mut bare = input.clone();
    let logo = store_image(conn, &bare.logo.take())?;
    let mut signatures = Vec::new();
    for s in &mut bare.signers {
        signatures.push(store_image(conn, &s.signature.take())?);
    }
    serde_json::to_string(&Snapshot {
        input: bare,
        logo,
        signatures,
    })
    .map_err(|e| DiplomaError::Snapshot(e.to_string()))
}

fn snapshot_input(conn: &Connection, json: &str) -> Result<DiplomaInput> {
    let snap: Snapshot =
        serde_json::from_str(json).map_err(|e| DiplomaError::Snapshot(e.to_string()))?;
    let mut input = snap.input;
    input.logo = load_image(conn, &snap.logo)?;
    for (s, d) in input.signers.iter_mut().zip(snap.signatures.iter()) {
        s.signature = load_image(conn, d)?;
    }
    Ok(input)
}

/// Records the diplomas as handed out at the ceremony ("Markér som
/// overrakt"): each gets the next number and a snapshot of its page.
pub fn mark_issued(
    conn: &mut Connection,
    ceremony_id: &str,
    partner_ids: &[String],
) -> Result<Vec<Issued>> {
    if partner_ids.is_empty() {
        return Err(DiplomaError::NoPartners);
    }
    let c = ceremony(conn, ceremony_id)?;
    let occasion = Occasion::from(&c);
    let tx = crate::store::begin(conn)?;
    let mut ids = Vec::new();
    for pid in partner_ids {
        let already: Option<i64> = tx
            .query_row(
                "SELECT number FROM diplomas WHERE partner_id = ?1 AND is_copy = 0 AND award_key IS NULL",
                [pid],
                |r| r.get(0),
            )
            .optional()?;
        let input = input_for(&tx, pid, &occasion)?;
        if let Some(number) = already {
            return Err(DiplomaError::AlreadyIssued {
                partner: input.partner,
                number,
            });
        }
        let json = snapshot_json(&tx, &input)?;
        let number: i64 = tx.query_row(
            "SELECT COALESCE(MAX(number), 0) + 1 FROM diplomas",
            [],
            |r| r.get(0),
        )?;
        let id = new_id();
        let ts = now();
        tx.execute(
            "INSERT INTO diplomas (id, partner_id, ceremony_id, number, issued_on, snapshot, is_copy, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, ?7)",
            params![id, pid, c.id, number, c.held_on, json, ts],
        )?;
        ids.push(id);
    }
    tx.commit()?;
    ids.iter().map(|id| issued(conn, id)).collect()
}

/// One issued diploma.
pub fn issued(conn: &Connection, id: &str) -> Result<Issued> {
    issued_where(conn, "d.id = ?1", id)?
        .into_iter()
        .next()
        .ok_or(DiplomaError::DiplomaNotFound)
}

/// The original diplomas handed out at a ceremony, by number.
pub fn for_ceremony(conn: &Connection, ceremony_id: &str) -> Result<Vec<Issued>> {
    let mut v = issued_where(conn, "d.ceremony_id = ?1 AND d.is_copy = 0", ceremony_id)?;
    v.sort_by_key(|d| d.number);
    Ok(v)
}

/// A partner's diplomas (original and copies), newest first.
pub fn for_partner(conn: &Connection, partner_id: &str) -> Result<Vec<Issued>> {
    issued_where(conn, "d.partner_id = ?1", partner_id)
}

pub(super) fn issued_where(conn: &Connection, cond: &str, arg: &str) -> Result<Vec<Issued>> {
    let sql = format!(
        "SELECT d.id, d.partner_id, d.ceremony_id, c.place, d.number, d.issued_on, d.is_copy,
                d.award_key, CASE WHEN d.award_key IS NULL THEN NULL
                                  ELSE json_extract(d.snapshot, '$.input.wording.title') END
         FROM diplomas d LEFT JOIN ceremonies c ON c.id = d.ceremony_id
         WHERE {cond} ORDER BY d.created_at DESC"
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt
        .query_map([arg], |r| {
            Ok(Issued {
                id: r.get(0)?,
                partner_id: r.get(1)?,
                partner_name: String::new(),
                ceremony_id: r.get(2)?,
                ceremony_place: r.get(3)?,
                number: r.get(4)?,
                issued_on: r.get(5)?,
                is_copy: r.get::<_, i64>(6)? != 0,
                award_key: r.get(7)?,
                award_title: r.get(8)?,
            })
        })?
        .collect::<std::result::Result<Vec<_>, _>>()?;
    // The partner's current name (a diploma's partner row always exists:
    // it is deleted with its diplomas).
    let mut ids: Vec<String> = rows.iter().map(|d| d.partner_id.clone()).collect();
    ids.sort();
    ids.dedup();
    let names = partners::by_ids(conn, &ids)?;
    for d in &mut rows {
        if let Some(p) = names.get(&d.partner_id) {
            d.partner_name = p.name.clone();
        }
    }
    Ok(rows)
}

/// Prints an issued diploma again exactly as it was printed (from its
/// snapshot), records the copy, and saves the PDF at `target`.
pub fn reprint(conn: &mut Connection, diploma_id: &str, target: &Target) -> Result<Generated> {
    type Row = (
        String,
        i64,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let (partner_id, number, snapshot, ceremony_id, original, award_key): Row = conn
        .query_row(
            "SELECT partner_id, number, snapshot, ceremony_id, COALESCE(copy_of, id), award_key FROM diplomas WHERE id = ?1",
            [diploma_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )
        .optional()?
        .ok_or(DiplomaError::DiplomaNotFound)?;
    let input = snapshot_input(conn, &snapshot)?;
    let name = files::partner_file_name(&input.partner);
    let r = render_pdf(std::slice::from_ref(&input), name.trim_end_matches(".pdf"))?;
    let path = docs::save(conn, DocKind::Diplomas, target, &name, &r.pdf)?;
    let ts = now();
    conn.execute(
        "INSERT INTO diplomas (id, partner_id, ceremony_id, number, issued_on, snapshot, is_copy, copy_of, award_key, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?9, ?8, ?8)",
        params![new_id(), partner_id, ceremony_id, number, ts.get(..10).unwrap_or_default(), snapshot, original, ts, award_key],
    )?;
    let lang = settings::language(conn)?;
    Ok(Generated::new(
        &path,
        r.pages,
        warnings_out(&r.warnings, lang),
    ))
}

/// The exact input of an issued diploma (for tests and the CLI).
pub fn issued_input(conn: &Connection, diploma_id: &str) -> Result<DiplomaInput> {
    let json: String = conn
        .query_row(
            "SELECT snapshot FROM diplomas WHERE id = ?1",
            [diploma_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(DiplomaError::DiplomaNotFound)?;
    snapshot_input(conn, &json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn partner(conn: &Connection, name: &str, status: &str, joined: Option<&str>) -> String {
        let id = new_id();
        conn.execute(
            "INSERT INTO partners (id, name, name_key, sort_key, kind, status, joined_on, created_at, updated_at)
             VALUES (?1, ?2, lower(?2), lower(?2), 'forening', ?3, ?4, ?5, ?5)",
            params![id, name, status, joined, now()],
        )
        .expect("insert partner");
        conn.execute(
            "INSERT INTO partner_goals (partner_id, goal_id) VALUES (?1, '5b0f6c1e-0001-4c6e-9a51-000000000001'), (?1, '5b0f6c1e-0005-4c6e-9a51-000000000005')",
            [&id],
        )
        .expect("goals");
        id
    }

    fn setup() -> (Store, String, String, String) {
        let store = Store::open_in_memory().expect("store");
        let c = &store.conn;
        settings::save_programme(
            c,
            &settings::ProgrammeInput {
                municipality: "Fredericia Kommune".into(),
                name: "Sund By mikro-partnerskaber".into(),
                ..Default::default()
            },
        )
        .expect("programme");
        let old = partner(c, "Røde Kors Hovedstaden", "aktiv", Some("2025-01-10"));
        let new = partner(c, "Børnehaven Evigglad", "aktiv", Some("2026-03-01"));
        partner(c, "Ikke Aktiv", "interesseret", Some("2024-01-01"));
        let cer = save_ceremony(
            c,
            &CeremonyInput {
                held_on: "22.11.2026".into(),
                place: "Rådhuset".into(),
                signatory_slots: vec![1, 2],
                ..Default::default()
            },
        )
        .expect("ceremony");
        (store, old, new, cer.id)
    }

    #[test]
    fn queue_lists_active_partners_without_diploma_oldest_first() {
        let (mut store, old, new, cer) = setup();
        let q = queue(&store.conn).expect("queue");
        assert_eq!(
            q.iter().map(|e| e.partner_id.clone()).collect::<Vec<_>>(),
            vec![old.clone(), new.clone()]
        );
        let issued = mark_issued(&mut store.conn, &cer, std::slice::from_ref(&new)).expect("issue");
        assert_eq!(issued[0].number, 1);
        assert_eq!(issued[0].issued_on, "2026-11-22");
        let q = queue(&store.conn).expect("queue");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].partner_id, old);
        let again = mark_issued(&mut store.conn, &cer, &[old.clone(), new.clone()]);
        assert!(matches!(
            again,
            Err(DiplomaError::AlreadyIssued { number: 1, .. })
        ));
        // The failed batch left nothing behind.
        assert_eq!(queue(&store.conn).expect("queue").len(), 1);
        let second = mark_issued(&mut store.conn, &cer, &[old]).expect("issue");
        assert_eq!(second[0].number, 2);
        assert_eq!(ceremony(&store.conn, &cer).expect("c").issued, 2);
        let at = for_ceremony(&store.conn, &cer).expect("list");
        assert_eq!(at.iter().map(|d| d.number).collect::<Vec<_>>(), vec![1, 2]);
    }

    #[test]
    fn a_reprint_is_identical_even_after_the_partner_is_renamed() {
        let (mut store, old, _, cer) = setup();
        let issued = mark_issued(&mut store.conn, &cer, std::slice::from_ref(&old)).expect("issue");
        let before = issued_input(&store.conn, &issued[0].id).expect("snapshot");
        store
            .conn
            .execute(
                "UPDATE partners SET name = 'Nyt Navn' WHERE id = ?1",
                [&old],
            )
            .expect("rename");
        let mut s = get_settings(&store.conn).expect("settings");
        s.wording.title = "Bevis".into();
        save_settings(&store.conn, &s).expect("save");
        let after = issued_input(&store.conn, &issued[0].id).expect("snapshot");
        assert_eq!(before, after);
        assert_eq!(after.partner, "Røde Kors Hovedstaden");
        let dir = tempfile::tempdir().expect("tmp");
        let target = Target::Exact {
            path: dir.path().join("kopi.pdf"),
            replace: false,
        };
        let g = reprint(&mut store.conn, &issued[0].id, &target).expect("reprint");
        assert_eq!(g.file_name, "kopi.pdf");
        assert_eq!(g.pages, 1);
        let all = for_partner(&store.conn, &old).expect("list");
        assert_eq!(all.len(), 2);
        assert!(all
            .iter()
            .any(|d| d.is_copy && d.number == issued[0].number));
        // A copy does not free the partner from the queue nor take a new number.
        assert!(queue(&store.conn)
            .expect("q")
            .iter()
            .all(|e| e.partner_id != old));
    }

    #[test]
    fn settings_validate_and_round_trip() {
        let store = Store::open_in_memory().expect("store");
        let mut s = get_settings(&store.conn).expect("get");
        assert_eq!(
            s,
            DiplomaSettings {
                folder: Some(String::new()),
                ..DiplomaSettings::default()
            }
        );
        s.colour = "nonsense".into();
        assert!(
            matches!(save_settings(&store.conn, &s), Err(DiplomaError::Invalid(e)) if e.field == "diploma_colour")
        );
        s.colour = "#AA3300".into();
        s.design = Design::Modern;
        s.signatory_slots = vec![2, 2];
        let saved = save_settings(&store.conn, &s).expect("save");
        assert_eq!(saved.colour, "#aa3300");
        assert_eq!(saved.signatory_slots, vec![2]);
        assert_eq!(get_settings(&store.conn).expect("get"), saved);
        s.signatory_slots = vec![3];
        assert!(save_settings(&store.conn, &s).is_err());
        // The folder is the one documents folder; left out, it stays.
        s.signatory_slots = vec![1];
        s.folder = Some("relativ/sti".into());
        let e = save_settings(&store.conn, &s).expect_err("not a whole path");
        assert_eq!(crate::i18n::Localize::code(&e), "files.not_absolute");
        s.folder = Some("/srv/sund".into());
        save_settings(&store.conn, &s).expect("save");
        s.folder = None;
        let saved = save_settings(&store.conn, &s).expect("save");
        assert_eq!(saved.folder.as_deref(), Some("/srv/sund"));
        assert_eq!(
            docs::folder_setting(&store.conn).expect("folder"),
            "/srv/sund"
        );
    }

    #[test]
    fn ceremonies_need_a_date_and_generate_a_named_pdf() {
        let (mut store, old, new, cer) = setup();
        let e = save_ceremony(&store.conn, &CeremonyInput::default());
        assert!(matches!(e, Err(DiplomaError::Invalid(v)) if v.field == "held_on"));
        let dir = tempfile::tempdir().expect("tmp");
        docs::set_folder_setting(&store.conn, &dir.path().display().to_string(), "f")
            .expect("folder");
        let g = generate(
            &mut store.conn,
            &cer,
            &[new.clone(), old.clone()],
            &Target::Folder,
        )
        .expect("pdf");
        // The printed selection stays with the ceremony, in order.
        let c = ceremony(&store.conn, &cer).expect("c");
        assert_eq!(c.selection, vec![new.clone(), old.clone()]);
        assert!(c.printed_at.is_some());
        assert_eq!(g.file_name, "Diplomer 2026-11-22 Rådhuset.pdf");
        assert_eq!(g.folder, dir.path().join("Diplomer").display().to_string());
        assert_eq!(g.pages, 2);
        let g2 = generate(&mut store.conn, &cer, &[new], &Target::Folder).expect("pdf");
        assert_eq!(g2.file_name, "Diplomer 2026-11-22 Rådhuset (2).pdf");
        assert!(matches!(
            generate(&mut store.conn, &cer, &[], &Target::Folder),
            Err(DiplomaError::NoPartners)
        ));
        let p = preview(
            &store.conn,
            Some(&old),
            &Occasion::from(&ceremony(&store.conn, &cer).expect("c")),
            None,
        )
        .expect("preview");
        assert!(p.svg.starts_with("<svg"));
    }

    #[test]
    fn a_ceremony_keeps_its_selection_until_the_diplomas_are_handed_out() {
        let (mut store, old, new, cer) = setup();
        let kept = super::super::selection::save_selection(
            &mut store.conn,
            &cer,
            &[new.clone(), old.clone(), new.clone()],
        )
        .expect("save");
        assert_eq!(kept, vec![new.clone(), old.clone()]);
        assert!(
            super::super::selection::save_selection(&mut store.conn, &cer, &["nobody".into()])
                .is_err()
        );
        assert_eq!(
            ceremony(&store.conn, &cer).expect("c").selection,
            vec![new.clone(), old.clone()]
        );
        mark_issued(&mut store.conn, &cer, std::slice::from_ref(&new)).expect("issued");
        assert_eq!(ceremony(&store.conn, &cer).expect("c").selection, vec![old]);
    }

    #[test]
    fn partners_are_found_by_id_or_name() {
        let (store, old, _, _) = setup();
        assert_eq!(
            find_partner(&store.conn, "RØDE KORS HOVEDSTADEN")
                .expect("by name")
                .0,
            old
        );
        assert_eq!(
            find_partner(&store.conn, &old).expect("by id").1,
            "Røde Kors Hovedstaden"
        );
        assert!(matches!(
            find_partner(&store.conn, "Ingen"),
            Err(DiplomaError::PartnerNotFound(_))
        ));
    }
}
