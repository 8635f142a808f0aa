//! Award diplomas: the diploma area's layout, preview, numbering, snapshot
//! and reprint for a prize's winner. The page is an ordinary diploma whose
//! wording is the award variant ([`award_wording`]): the prize's name as the
//! title, "tildeles" above the winner's name, the initiative and the round
//! below it, and the celebration's place and date. The programme's logo,
//! colour, design and signatories come from the diploma settings as usual.
//!
//! An award diploma is a row in `diplomas` with `award_key` set to the prize
//! it was given for (migration 008): one original per prize, numbered in the
//! same series as partnership diplomas, reprinted by [`super::store::reprint`].
//! The awards area calls these functions; it never touches the table.

use super::store::{
    base_input, issued, issued_where, snapshot_json, warnings_out, Generated, Issued, Occasion,
    Preview,
};
use super::{files, render_pdf, render_svg, DiplomaError, DiplomaInput, Wording};
use crate::files::{self as docs, DocKind, Target};
use crate::partners;
use crate::settings;
use crate::store::{new_id, now};
use rusqlite::{params, Connection, OptionalExtension};

type Result<T> = std::result::Result<T, DiplomaError>;

/// What an award diploma shows, as the awards area knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwardDiploma {
    /// The winner (must still be in the register: not in the bin, not erased).
    pub partner_id: String,
    /// The prize's name: the diploma's title ("Årets Frontløber").
    pub prize: String,
    /// The initiative the prize is for (may be empty).
    pub initiative: String,
    /// The round ("Frontløberprisen 2021").
    pub round: String,
    /// The celebration's place and ISO date.
    pub place: String,
    pub held_on: String,
    /// The prize's id: one original award diploma per prize.
    pub award_key: String,
}

/// The award variant of the wording.
pub fn award_wording(a: &AwardDiploma) -> Wording {
    // Braces in typed text must not be taken for placeholders.
    let plain = |s: &str| s.replace(['{', '}'], "");
    let mut body = Vec::new();
    if !a.initiative.trim().is_empty() {
        body.push(format!("for indsatsen »{}«", plain(a.initiative.trim())));
    }
    if !a.round.trim().is_empty() {
        body.push(plain(a.round.trim()));
    }
    Wording {
        title: plain(&a.prize),
        subtitle: "tildeles".into(),
        body: body.join("\n"),
        footer: "{place}, {date}".into(),
    }
}

/// The layout input of an award diploma, from the current settings.
pub fn award_input(conn: &Connection, a: &AwardDiploma) -> Result<DiplomaInput> {
    let partner = partners::pickable_one(conn, &a.partner_id)?
        .ok_or_else(|| DiplomaError::PartnerNotFound(a.partner_id.clone()))?;
    let occasion = Occasion {
        held_on: a.held_on.clone(),
        place: a.place.clone(),
        signatory_slots: None,
    };
    let mut input = base_input(conn, partner.name, Vec::new(), &occasion, None)?;
    input.wording = award_wording(a);
    Ok(input)
}

/// The preview of an award diploma, drawn by the same layout as the PDF.
pub fn award_preview(conn: &Connection, a: &AwardDiploma) -> Result<Preview> {
    let input = award_input(conn, a)?;
    let (svg, w) = render_svg(&input)?;
    Ok(Preview {
        svg,
        warnings: warnings_out(&w, settings::language(conn)?),
    })
}

/// The original award diploma of a prize, if one was issued.
pub fn award_issued(conn: &Connection, award_key: &str) -> Result<Option<Issued>> {
    Ok(
        issued_where(conn, "d.award_key = ?1 AND d.is_copy = 0", award_key)?
            .into_iter()
            .next(),
    )
}

/// Issues the award diploma: the next number, a snapshot of the page, and
/// the PDF saved at `target`. Refused when the prize already has one (reprint
/// it instead). Nothing is recorded when the file cannot be saved.
pub fn issue_award(
    conn: &mut Connection,
    a: &AwardDiploma,
    target: &Target,
) -> Result<(Issued, Generated)> {
    let tx = crate::store::begin(conn)?;
    let already: Option<i64> = tx
        .query_row(
            "SELECT number FROM diplomas WHERE award_key = ?1 AND is_copy = 0",
            [&a.award_key],
            |r| r.get(0),
        )
        .optional()?;
    let input = award_input(&tx, a)?;
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
        "INSERT INTO diplomas (id, partner_id, ceremony_id, number, issued_on, snapshot, is_copy, award_key, created_at, updated_at)
         VALUES (?1, ?2, NULL, ?3, ?4, ?5, 0, ?6, ?7, ?7)",
        params![id, a.partner_id, number, a.held_on, json, a.award_key, ts],
    )?;
    let name = files::award_file_name(&a.prize, &input.partner);
    let r = render_pdf(std::slice::from_ref(&input), name.trim_end_matches(".pdf"))?;
    let path = docs::save(&tx, DocKind::Diplomas, target, &name, &r.pdf)?;
    tx.commit()?;
    let lang = settings::language(conn)?;
    let generated = Generated::new(&path, r.pages, warnings_out(&r.warnings, lang));
    Ok((issued(conn, &id)?, generated))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn partner(conn: &Connection, name: &str) -> String {
        let id = new_id();
        conn.execute(
            "INSERT INTO partners (id, name, name_key, sort_key, kind, status, created_at, updated_at)
             VALUES (?1, ?2, lower(?2), lower(?2), 'forening', 'aktiv', ?3, ?3)",
            params![id, name, now()],
        )
        .expect("insert partner");
        id
    }

    fn award(pid: &str, key: &str) -> AwardDiploma {
        AwardDiploma {
            partner_id: pid.into(),
            prize: "Årets Frontløber".into(),
            initiative: "Bevægelsesvenner".into(),
            round: "Frontløberprisen 2021".into(),
            place: "Frederiksberg Rådhus".into(),
            held_on: "2021-11-25".into(),
            award_key: key.into(),
        }
    }

    #[test]
    fn an_award_diploma_is_numbered_beside_the_partnership_diploma_and_reprints() {
        let mut store = Store::open_in_memory().expect("db");
        let dir = tempfile::tempdir().expect("dir");
        let pid = partner(&store.conn, "Røde Kors Hovedstaden");
        crate::files::set_folder_setting(&store.conn, &dir.path().display().to_string(), "f")
            .expect("folder");
        let t = Target::Folder;
        let (first, g) = issue_award(&mut store.conn, &award(&pid, "prize-1"), &t).expect("issue");
        assert_eq!(first.number, 1);
        assert_eq!(first.award_title.as_deref(), Some("Årets Frontløber"));
        assert!(std::path::Path::new(&g.path).exists());
        let (second, _) =
            issue_award(&mut store.conn, &award(&pid, "prize-2"), &t).expect("second prize");
        assert_eq!(second.number, 2);
        assert!(matches!(
            issue_award(&mut store.conn, &award(&pid, "prize-1"), &t),
            Err(DiplomaError::AlreadyIssued { number: 1, .. })
        ));
        // The partner still waits for its partnership diploma.
        let q = super::super::store::queue(&store.conn).expect("queue");
        assert!(q.iter().any(|e| e.partner_id == pid));
        super::super::store::reprint(&mut store.conn, &first.id, &t).expect("reprint");
        let copies = super::super::store::for_partner(&store.conn, &pid).expect("list");
        assert_eq!(copies.len(), 3);
        assert!(copies
            .iter()
            .any(|d| d.is_copy && d.award_key.as_deref() == Some("prize-1")));
        let input = super::super::store::issued_input(&store.conn, &first.id).expect("input");
        assert_eq!(input.wording.title, "Årets Frontløber");
        assert_eq!(input.wording.subtitle, "tildeles");
        assert!(input.goals.is_empty());
    }
}
