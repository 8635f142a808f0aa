//! Programme settings: the municipality and programme, its period, its list of
//! goals (added, renamed, reordered, retired), the logo, up to two signatories
//! with signature images, and per-installation preferences such as the UI
//! language. Images live in the database, never as paths that can break.

use crate::i18n::{Lang, Localize};
use crate::images;
use crate::store::{new_id, now, StoreError};
use crate::validate::{self, Problem, ValidationError};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// Longest name of a municipality, programme or signatory.
pub const MAX_NAME: usize = 200;
/// Longest goal text.
pub const MAX_GOAL: usize = 200;

/// Errors of the settings module.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error(transparent)]
    Invalid(#[from] ValidationError),
    #[error("no goal with id {0}")]
    GoalNotFound(String),
    #[error("no signatory in slot {0}")]
    SignatoryNotFound(u8),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for SettingsError {
    fn from(e: rusqlite::Error) -> Self {
        SettingsError::Store(StoreError::Sqlite(e))
    }
}

impl Localize for SettingsError {
    fn code(&self) -> &'static str {
        match self {
            SettingsError::Invalid(e) => e.code(),
            SettingsError::GoalNotFound(_) => "settings.goal_not_found",
            SettingsError::SignatoryNotFound(_) => "settings.signatory_not_found",
            SettingsError::Store(e) => e.code(),
        }
    }
    fn field(&self) -> Option<&'static str> {
        match self {
            SettingsError::Invalid(e) => e.field(),
            _ => None,
        }
    }
    fn message(&self, lang: Lang) -> String {
        match (lang, self) {
            (_, SettingsError::Invalid(e)) => e.message(lang),
            (_, SettingsError::Store(e)) => e.message(lang),
            (Lang::Da, SettingsError::GoalNotFound(_)) => {
                "Målsætningen findes ikke længere. Genindlæs siden.".into()
            }
            (Lang::En, SettingsError::GoalNotFound(_)) => {
                "The goal no longer exists. Reload the page.".into()
            }
            (Lang::Da, SettingsError::SignatoryNotFound(_)) => {
                "Udfyld underskriverens navn og titel, før der tilføjes en underskrift.".into()
            }
            (Lang::En, SettingsError::SignatoryNotFound(_)) => {
                "Fill in the signatory's name and title before adding a signature.".into()
            }
        }
    }
}

type Result<T> = std::result::Result<T, SettingsError>;

/// A stored image, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImageRef {
    pub id: String,
    pub mime: String,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Programme {
    pub municipality: String,
    pub name: String,
    pub period_from: Option<NaiveDate>,
    pub period_to: Option<NaiveDate>,
    pub logo: Option<ImageRef>,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Goal {
    pub id: String,
    pub position: i64,
    pub title: String,
    pub retired: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signatory {
    pub slot: u8,
    pub name: String,
    pub title: String,
    pub signature: Option<ImageRef>,
}

/// Everything the Indstillinger view shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settings {
    pub programme: Programme,
    pub goals: Vec<Goal>,
    pub signatories: Vec<Signatory>,
    pub language: Lang,
}

/// The programme fields as typed in the form (dates as text, ISO or Danish).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProgrammeInput {
    pub municipality: String,
    pub name: String,
    #[serde(default)]
    pub period_from: String,
    #[serde(default)]
    pub period_to: String,
}

/// A signatory as typed in the form.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SignatoryInput {
    pub slot: u8,
    pub name: String,
    pub title: String,
}

pub fn get(conn: &Connection) -> Result<Settings> {
    Ok(Settings {
        programme: programme(conn)?,
        goals: goals(conn, true)?,
        signatories: signatories(conn)?,
        language: language(conn)?,
    })
}

fn image_ref(conn: &Connection, id: Option<String>) -> Result<Option<ImageRef>> {
    let Some(id) = id else { return Ok(None) };
    Ok(conn
        .query_row(
            "SELECT id, mime, width, height FROM images WHERE id = ?1",
            [&id],
            |r| {
                Ok(ImageRef {
                    id: r.get(0)?,
                    mime: r.get(1)?,
                    width: r.get(2)?,
                    height: r.get(3)?,
                })
            },
        )
        .optional()?)
}

pub fn programme(conn: &Connection) -> Result<Programme> {
    let (municipality, name, from, to, logo_id, updated_at): (
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        String,
    ) = conn.query_row(
        "SELECT municipality, name, period_from, period_to, logo_id, updated_at FROM programme WHERE id = 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
    )?;
    Ok(Programme {
        municipality,
        name,
        period_from: from.and_then(|d| crate::dates::parse(&d)),
        period_to: to.and_then(|d| crate::dates::parse(&d)),
        logo: image_ref(conn, logo_id)?,
        updated_at,
    })
}

pub fn save_programme(conn: &Connection, input: &ProgrammeInput) -> Result<Programme> {
    let municipality = validate::text("municipality", &input.municipality, MAX_NAME, true, false)?;
    let name = validate::text("programme_name", &input.name, MAX_NAME, true, false)?;
    let from = validate::optional_date("period_from", &input.period_from)?;
    let to = validate::optional_date("period_to", &input.period_to)?;
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            return Err(ValidationError::new("period_to", Problem::EndBeforeStart).into());
        }
    }
    conn.execute(
        "UPDATE programme SET municipality = ?1, name = ?2, period_from = ?3, period_to = ?4, updated_at = ?5 WHERE id = 1",
        params![
            municipality,
            name,
            from.map(|d| d.to_string()),
            to.map(|d| d.to_string()),
            now()
        ],
    )?;
    programme(conn)
}

/// The goals in order; retired ones only when `include_retired`.
pub fn goals(conn: &Connection, include_retired: bool) -> Result<Vec<Goal>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, position, title, retired_at IS NOT NULL FROM goals
         WHERE ?1 OR retired_at IS NULL ORDER BY position, title",
    )?;
    let rows = stmt.query_map([include_retired], |r| {
        Ok(Goal {
            id: r.get(0)?,
            position: r.get(1)?,
            title: r.get(2)?,
            retired: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

fn goal_title_taken(conn: &Connection, title: &str, except: Option<&str>) -> Result<bool> {
    let n: i64 = conn.query_row(
        "SELECT count(*) FROM goals WHERE lower(title) = lower(?1) AND id IS NOT ?2",
        params![title, except],
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

pub fn add_goal(conn: &Connection, title: &str) -> Result<Goal> {
    let title = validate::text("goal_title", title, MAX_GOAL, true, false)?;
    if goal_title_taken(conn, &title, None)? {
        return Err(ValidationError::new("goal_title", Problem::DuplicateInList).into());
    }
    let position: i64 = conn.query_row(
        "SELECT coalesce(max(position), 0) + 1 FROM goals",
        [],
        |r| r.get(0),
    )?;
    let id = new_id();
    let ts = now();
    conn.execute(
        "INSERT INTO goals (id, position, title, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
        params![id, position, title, ts],
    )?;
    Ok(Goal {
        id,
        position,
        title,
        retired: false,
    })
}

pub fn rename_goal(conn: &Connection, id: &str, title: &str) -> Result<()> {
    let title = validate::text("goal_title", title, MAX_GOAL, true, false)?;
    if goal_title_taken(conn, &title, Some(id))? {
        return Err(ValidationError::new("goal_title", Problem::DuplicateInList).into());
    }
    let n = conn.execute(
        "UPDATE goals SET title = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, title, now()],
    )?;
    if n == 0 {
        return Err(SettingsError::GoalNotFound(id.to_string()));
    }
    Ok(())
}

/// Retires a goal (kept on records that use it, not offered for new ones),
/// or brings it back.
pub fn set_goal_retired(conn: &Connection, id: &str, retired: bool) -> Result<()> {
    let ts = now();
    let n = conn.execute(
        "UPDATE goals SET retired_at = CASE WHEN ?2 THEN coalesce(retired_at, ?3) ELSE NULL END,
                          updated_at = ?3 WHERE id = ?1",
        params![id, retired, ts],
    )?;
    if n == 0 {
        return Err(SettingsError::GoalNotFound(id.to_string()));
    }
    Ok(())
}

/// Sets the order of the goals. `ids` must name every goal exactly once.
pub fn reorder_goals(conn: &mut Connection, ids: &[String]) -> Result<()> {
    let all = goals(conn, true)?;
    let mut given: Vec<&str> = ids.iter().map(String::as_str).collect();
    given.sort_unstable();
    given.dedup();
    let mut known: Vec<&str> = all.iter().map(|g| g.id.as_str()).collect();
    known.sort_unstable();
    if given.len() != ids.len() || given != known {
        return Err(ValidationError::new("goal_order", Problem::InvalidChoice).into());
    }
    let tx = crate::store::begin(conn)?;
    let ts = now();
    for (i, id) in ids.iter().enumerate() {
        tx.execute(
            "UPDATE goals SET position = ?2, updated_at = ?3 WHERE id = ?1 AND position <> ?2",
            params![id, i as i64 + 1, ts],
        )?;
    }
    tx.commit()?;
    Ok(())
}

fn store_image(conn: &Connection, img: &images::ValidImage) -> Result<String> {
    let id = new_id();
    conn.execute(
        "INSERT INTO images (id, mime, width, height, bytes, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, img.mime, img.width, img.height, img.bytes, now()],
    )?;
    Ok(id)
}

/// Validates and stores a new logo, replacing the old one.
pub fn set_logo(conn: &mut Connection, bytes: &[u8]) -> Result<ImageRef> {
    let img = images::validate("logo", bytes)?;
    let tx = crate::store::begin(conn)?;
    let old: Option<String> =
        tx.query_row("SELECT logo_id FROM programme WHERE id = 1", [], |r| {
            r.get(0)
        })?;
    let id = store_image(&tx, &img)?;
    tx.execute(
        "UPDATE programme SET logo_id = ?1, updated_at = ?2 WHERE id = 1",
        params![id, now()],
    )?;
    delete_image_if_unused(&tx, old)?;
    tx.commit()?;
    image_ref(conn, Some(id))?
        .ok_or_else(|| StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows).into())
}

pub fn remove_logo(conn: &mut Connection) -> Result<()> {
    let tx = crate::store::begin(conn)?;
    let old: Option<String> =
        tx.query_row("SELECT logo_id FROM programme WHERE id = 1", [], |r| {
            r.get(0)
        })?;
    tx.execute(
        "UPDATE programme SET logo_id = NULL, updated_at = ?1 WHERE id = 1",
        [now()],
    )?;
    delete_image_if_unused(&tx, old)?;
    tx.commit()?;
    Ok(())
}

/// Deletes an image no table refers to any more. Later modules that refer to
/// images (diploma snapshots) keep theirs by copying, so this stays simple.
fn delete_image_if_unused(conn: &Connection, id: Option<String>) -> Result<()> {
    if let Some(id) = id {
        conn.execute(
            "DELETE FROM images WHERE id = ?1
               AND NOT EXISTS (SELECT 1 FROM programme WHERE logo_id = ?1)
               AND NOT EXISTS (SELECT 1 FROM signatories WHERE signature_id = ?1)",
            [id],
        )?;
    }
    Ok(())
}

/// The bytes and MIME type of a stored image.
pub fn image_bytes(conn: &Connection, id: &str) -> Result<Option<(String, Vec<u8>)>> {
    Ok(conn
        .query_row("SELECT mime, bytes FROM images WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?)
}

pub fn signatories(conn: &Connection) -> Result<Vec<Signatory>> {
    let mut stmt = conn
        .prepare_cached("SELECT slot, name, title, signature_id FROM signatories ORDER BY slot")?;
    let rows: Vec<(u8, String, String, Option<String>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<std::result::Result<_, _>>()?;
    rows.into_iter()
        .map(|(slot, name, title, sig)| {
            Ok(Signatory {
                slot,
                name,
                title,
                signature: image_ref(conn, sig)?,
            })
        })
        .collect()
}

fn check_slot(slot: u8) -> Result<()> {
    if slot == 1 || slot == 2 {
        Ok(())
    } else {
        Err(ValidationError::new("signatory_name", Problem::InvalidChoice).into())
    }
}

/// Creates or updates the signatory in `slot` (1 or 2).
pub fn save_signatory(conn: &Connection, input: &SignatoryInput) -> Result<Signatory> {
    check_slot(input.slot)?;
    let name = validate::text("signatory_name", &input.name, MAX_NAME, true, false)?;
    let title = validate::text("signatory_title", &input.title, MAX_NAME, true, false)?;
    conn.execute(
        "INSERT INTO signatories (slot, name, title, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(slot) DO UPDATE SET name = excluded.name, title = excluded.title, updated_at = excluded.updated_at",
        params![input.slot, name, title, now()],
    )?;
    signatories(conn)?
        .into_iter()
        .find(|s| s.slot == input.slot)
        .ok_or(SettingsError::SignatoryNotFound(input.slot))
}

pub fn remove_signatory(conn: &mut Connection, slot: u8) -> Result<()> {
    check_slot(slot)?;
    let tx = crate::store::begin(conn)?;
    let old: Option<String> = tx
        .query_row(
            "SELECT signature_id FROM signatories WHERE slot = ?1",
            [slot],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    tx.execute("DELETE FROM signatories WHERE slot = ?1", [slot])?;
    delete_image_if_unused(&tx, old)?;
    tx.commit()?;
    Ok(())
}

pub fn set_signature(conn: &mut Connection, slot: u8, bytes: &[u8]) -> Result<ImageRef> {
    check_slot(slot)?;
    let img = images::validate("signature", bytes)?;
    let tx = crate::store::begin(conn)?;
    let id = put_signature(&tx, slot, &img)?;
    tx.commit()?;
    image_ref(conn, Some(id))?
        .ok_or_else(|| StoreError::Sqlite(rusqlite::Error::QueryReturnedNoRows).into())
}

/// Stores `img` as the signature of the signatory in `slot` (who must exist)
/// and removes the image it replaces when nothing else uses it.
fn put_signature(tx: &Connection, slot: u8, img: &images::ValidImage) -> Result<String> {
    let old: Option<String> = tx
        .query_row(
            "SELECT signature_id FROM signatories WHERE slot = ?1",
            [slot],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(SettingsError::SignatoryNotFound(slot))?;
    let id = store_image(tx, img)?;
    tx.execute(
        "UPDATE signatories SET signature_id = ?1, updated_at = ?2 WHERE slot = ?3",
        params![id, now(), slot],
    )?;
    delete_image_if_unused(tx, old)?;
    Ok(id)
}

/// Saves the signatory in `slot` together with the signature image chosen
/// in the same form (`signature`, when one was chosen): both or nothing, so
/// an image chosen before the first save is never lost, and a refused image
/// leaves the signatory unsaved with the reason at the image field.
pub fn save_signatory_with(
    conn: &mut Connection,
    input: &SignatoryInput,
    signature: Option<&[u8]>,
) -> Result<Signatory> {
    check_slot(input.slot)?;
    let img = signature
        .map(|b| images::validate("signature", b))
        .transpose()?;
    let tx = crate::store::begin(conn)?;
    save_signatory(&tx, input)?;
    if let Some(img) = &img {
        put_signature(&tx, input.slot, img)?;
    }
    tx.commit()?;
    signatories(conn)?
        .into_iter()
        .find(|s| s.slot == input.slot)
        .ok_or(SettingsError::SignatoryNotFound(input.slot))
}

/// A per-installation preference, or `None` when unset.
pub fn pref(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM app_settings WHERE key = ?1",
            [key],
            |r| r.get(0),
        )
        .optional()?)
}

pub fn set_pref(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO app_settings (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// The UI language (Danish until the user picks another).
pub fn language(conn: &Connection) -> Result<Lang> {
    Ok(pref(conn, "language")?
        .and_then(|v| v.parse().ok())
        .unwrap_or_default())
}

pub fn set_language(conn: &Connection, lang: &str) -> Result<Lang> {
    let lang: Lang = lang
        .parse()
        .map_err(|_| ValidationError::new("language", Problem::InvalidChoice))?;
    set_pref(conn, "language", lang.code())?;
    Ok(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::tests::png;
    use crate::store::Store;

    fn db() -> Connection {
        Store::open_in_memory().unwrap().conn
    }

    #[test]
    fn first_start_has_fredericias_seven_goals_in_order() {
        let conn = db();
        let titles: Vec<String> = goals(&conn, false)
            .unwrap()
            .into_iter()
            .map(|g| g.title)
            .collect();
        assert_eq!(
            titles,
            [
                "At Fredericia bliver røgfri",
                "At Fredericia er i bevægelse",
                "At Fredericia spiser sundt",
                "At Fredericia trives",
                "Fællesskabets Fredericia",
                "Et bæredygtigt Fredericia",
                "Fredericia – en by i sund udvikling",
            ]
        );
    }

    #[test]
    fn programme_is_saved_and_validated() {
        let conn = db();
        let input = ProgrammeInput {
            municipality: "Fredericia".into(),
            name: "Sund By mikro-partnerskaber".into(),
            period_from: "01.06.2018".into(),
            period_to: "2022-12-31".into(),
        };
        let p = save_programme(&conn, &input).unwrap();
        assert_eq!(p.name, "Sund By mikro-partnerskaber");
        assert_eq!(p.period_from, NaiveDate::from_ymd_opt(2018, 6, 1));

        let bad = ProgrammeInput {
            name: "x".repeat(201),
            ..input.clone()
        };
        let err = save_programme(&conn, &bad).unwrap_err();
        assert_eq!(err.field(), Some("programme_name"));
        assert_eq!(
            err.message(Lang::Da),
            "Programmets navn må højst være 200 tegn"
        );
        // Nothing already saved is lost.
        assert_eq!(
            programme(&conn).unwrap().name,
            "Sund By mikro-partnerskaber"
        );
    }

    #[test]
    fn period_end_before_start_is_refused() {
        let conn = db();
        let input = ProgrammeInput {
            municipality: "Fredericia".into(),
            name: "P".into(),
            period_from: "2022-01-01".into(),
            period_to: "2021-01-01".into(),
        };
        let err = save_programme(&conn, &input).unwrap_err();
        assert_eq!(err.field(), Some("period_to"));
    }

    #[test]
    fn empty_names_are_refused() {
        let conn = db();
        let input = ProgrammeInput {
            municipality: "  ".into(),
            name: "P".into(),
            ..Default::default()
        };
        assert_eq!(
            save_programme(&conn, &input).unwrap_err().message(Lang::Da),
            "Kommunens navn skal udfyldes"
        );
    }

    #[test]
    fn goals_are_added_renamed_reordered_and_retired() {
        let mut conn = db();
        let g = add_goal(&conn, "At Fredericia sover godt").unwrap();
        assert_eq!(g.position, 8);
        rename_goal(&conn, &g.id, "At Fredericia sover trygt").unwrap();
        let mut ids: Vec<String> = goals(&conn, true)
            .unwrap()
            .into_iter()
            .map(|g| g.id)
            .collect();
        ids.rotate_right(1);
        reorder_goals(&mut conn, &ids).unwrap();
        let first = &goals(&conn, true).unwrap()[0];
        assert_eq!(first.title, "At Fredericia sover trygt");

        set_goal_retired(&conn, &g.id, true).unwrap();
        assert_eq!(goals(&conn, false).unwrap().len(), 7);
        assert!(goals(&conn, true)
            .unwrap()
            .iter()
            .any(|x| x.id == g.id && x.retired));
        set_goal_retired(&conn, &g.id, false).unwrap();
        assert_eq!(goals(&conn, false).unwrap().len(), 8);
    }

    #[test]
    fn duplicate_and_unknown_goals_are_refused() {
        let mut conn = db();
        assert!(add_goal(&conn, "at fredericia trives").is_err());
        assert!(matches!(
            rename_goal(&conn, "nope", "x"),
            Err(SettingsError::GoalNotFound(_))
        ));
        assert!(reorder_goals(&mut conn, &["nope".to_string()]).is_err());
    }

    #[test]
    fn logo_is_validated_and_stored_in_the_database() {
        let mut conn = db();
        assert!(set_logo(&mut conn, b"GIF89a....").is_err());
        let r = set_logo(&mut conn, &png(30, 10)).unwrap();
        assert_eq!((r.width, r.height), (30, 10));
        let second = set_logo(&mut conn, &png(8, 8)).unwrap();
        let count: i64 = conn
            .query_row("SELECT count(*) FROM images", [], |r| r.get(0))
            .unwrap();
        assert_eq!(count, 1, "the replaced logo is removed");
        assert_eq!(programme(&conn).unwrap().logo, Some(second));
    }

    #[test]
    fn signatories_have_two_slots() {
        let mut conn = db();
        let s = save_signatory(
            &conn,
            &SignatoryInput {
                slot: 1,
                name: "Anne Madsen".into(),
                title: "Formand for Sundhedsudvalget".into(),
            },
        )
        .unwrap();
        assert_eq!(s.slot, 1);
        assert!(save_signatory(
            &conn,
            &SignatoryInput {
                slot: 3,
                name: "X".into(),
                title: "Y".into()
            }
        )
        .is_err());
        assert!(matches!(
            set_signature(&mut conn, 2, &png(10, 10)),
            Err(SettingsError::SignatoryNotFound(2))
        ));
        set_signature(&mut conn, 1, &png(10, 10)).unwrap();
        assert!(signatories(&conn).unwrap()[0].signature.is_some());
        remove_signatory(&mut conn, 1).unwrap();
        assert!(signatories(&conn).unwrap().is_empty());
    }

    #[test]
    fn a_new_signatory_is_saved_with_the_image_chosen_before_the_first_save() {
        let mut conn = db();
        let input = SignatoryInput {
            slot: 2,
            name: "Steen Wrist".into(),
            title: "Borgmester".into(),
        };
        let s = save_signatory_with(&mut conn, &input, Some(&png(40, 20))).unwrap();
        assert_eq!(s.name, "Steen Wrist");
        assert!(s.signature.is_some(), "the chosen image is kept");
        // A refused image saves nothing at all and names the image field.
        let other = SignatoryInput {
            slot: 1,
            name: "Anne".into(),
            title: "Formand".into(),
        };
        let err = save_signatory_with(&mut conn, &other, Some(b"not an image")).unwrap_err();
        assert_eq!(err.field(), Some("signature"));
        assert_eq!(signatories(&conn).unwrap().len(), 1);
    }

    #[test]
    fn language_defaults_to_danish_and_is_remembered() {
        let conn = db();
        assert_eq!(language(&conn).unwrap(), Lang::Da);
        set_language(&conn, "en").unwrap();
        assert_eq!(language(&conn).unwrap(), Lang::En);
        assert!(set_language(&conn, "xx").is_err());
    }
}
