//! What the other areas (grants, diplomas, events, the newsletter) read of
//! the partner register. They never query `partners`, `contacts` or
//! `partner_goals` themselves: the rules of who may be picked, what name a
//! partner shows and who consented to what live here, once.
//!
//! - A partner can be *picked* (as applicant, organiser, participant, for a
//!   diploma) when it is neither in the bin nor erased; a use may narrow that
//!   to one status (the diploma queue and "invite all" take active partners).
//! - A partner's *display name* ([`by_ids`]) is its current name, also in
//!   the bin; an erased private person shows [`super::store::ERASED_NAME`].
//!
//! Lists of ids are read in one query each (`json_each`), so a list of
//! thousands of rows costs a few statements, not one per row. The bounded
//! reads of the start page ([`first_pickable`], [`incomplete`],
//! [`without_email_consent`]) count and list in one statement, filtered by
//! another area's ids as that area's own subquery ([`IdsOf`]), and are
//! answered from the `partners_pickable` index (migration 015) without
//! reading a partner's row. Reading can only fail in the database, so the
//! error is the store's.

use super::{Kind, Status};
use crate::dates;
use crate::store::StoreError;
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use std::collections::HashMap;

/// Reading can only fail in the database.
type Result<T> = std::result::Result<T, StoreError>;

/// A partner as other areas see it: enough to show, choose and sort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartnerOption {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub status: Status,
    pub joined_on: Option<NaiveDate>,
    /// When the partner was registered (RFC 3339).
    pub created_at: String,
}

const OPTION_COLS: &str = "id, name, kind, status, joined_on, created_at";

fn option_from_row(r: &Row) -> rusqlite::Result<PartnerOption> {
    Ok(PartnerOption {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        status: r.get(3)?,
        joined_on: r
            .get::<_, Option<String>>(4)?
            .as_deref()
            .and_then(dates::parse_iso),
        created_at: r.get(5)?,
    })
}

/// A list of ids as one SQL parameter, read with `json_each(?)`.
fn id_list(ids: &[String]) -> String {
    serde_json::Value::from(ids.to_vec()).to_string()
}

/// The partners that can be picked, in Danish order: neither in the bin nor
/// erased, and with `status` when one is given.
pub fn pickable(conn: &Connection, status: Option<Status>) -> Result<Vec<PartnerOption>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {OPTION_COLS} FROM partners
         WHERE deleted_at IS NULL AND erased_at IS NULL AND (?1 IS NULL OR status = ?1)
         ORDER BY sort_key, name"
    ))?;
    let rows = stmt
        .query_map([status], option_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The partner `id` if it can be picked (see [`pickable`]), else `None`.
pub fn pickable_one(conn: &Connection, id: &str) -> Result<Option<PartnerOption>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {OPTION_COLS} FROM partners
             WHERE id = ?1 AND deleted_at IS NULL AND erased_at IS NULL"
        ))?
        .query_row([id], option_from_row)
        .optional()?)
}

/// The partners with these ids that still have a row, whatever their state
/// (in the bin, erased), by id; their `name` is the display name. Ids
/// without a row are left out.
pub fn by_ids(conn: &Connection, ids: &[String]) -> Result<HashMap<String, PartnerOption>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {OPTION_COLS} FROM partners WHERE id IN (SELECT value FROM json_each(?1))"
    ))?;
    let rows = stmt
        .query_map([id_list(ids)], option_from_row)?
        .map(|r| r.map(|p| (p.id.clone(), p)))
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Of these ids, the partners that can be picked now (see [`pickable`]),
/// by id. The activity log reads who its follow-ups are for with this.
pub fn pickable_among(conn: &Connection, ids: &[String]) -> Result<HashMap<String, PartnerOption>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {OPTION_COLS} FROM partners WHERE id IN (SELECT value FROM json_each(?1))
           AND deleted_at IS NULL AND erased_at IS NULL"
    ))?;
    let rows = stmt
        .query_map([id_list(ids)], option_from_row)?
        .map(|r| r.map(|p| (p.id.clone(), p)))
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Partner ids that another area keeps in its own tables, as a subquery over
/// them (`SELECT partner_id FROM … WHERE …`): the diploma holders, the leads
/// with an open follow-up. The owning area writes it, in its code (a
/// `&'static str`, never input), and the bounded reads here filter by it
/// inside their one statement, so no area reads the other's tables and no
/// list of thousands of ids is passed back and forth.
#[derive(Debug, Clone, Copy)]
pub struct IdsOf(&'static str);

impl IdsOf {
    /// `sql` selects one column of partner ids from the caller's own tables.
    pub const fn new(sql: &'static str) -> Self {
        IdsOf(sql)
    }
}

/// Which partners a bounded read ([`first_pickable`]) considers, beside
/// being pickable with the status asked for.
#[derive(Debug, Clone, Copy)]
pub enum Among {
    /// Every such partner.
    All,
    /// Every such partner but these.
    Except(IdsOf),
    /// Only these.
    Only(IdsOf),
}

/// The order of a bounded read ([`first_pickable`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seniority {
    /// By the day they joined (those without one last), then by when they
    /// were registered, then in Danish order: the diploma queue's order.
    Joined,
    /// By when they were registered, then in Danish order: the recruitment
    /// pipeline's order.
    Registered,
}

/// A count of partners with the first few of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counted {
    /// All that matched.
    pub count: usize,
    /// The first `limit` of them, in the order asked for.
    pub first: Vec<PartnerOption>,
}

/// The partners that can be picked (see [`pickable`]) with `status`, narrowed
/// by `among`, longest in the programme first: the count of all of them and
/// the first `limit` (all when `None`). One statement, whatever the size of
/// the register, so a start page can show "12 waiting" without reading
/// every partner.
pub fn first_pickable(
    conn: &Connection,
    status: Status,
    among: Among,
    order: Seniority,
    limit: Option<usize>,
) -> Result<Counted> {
    let (from_where, order_by) = first_pickable_sql(among, order);
    counted(conn, &from_where, order_by, &[&status], limit)
}

/// The `FROM … WHERE …` of [`first_pickable`] (the status its `?1`) and
/// its order.
fn first_pickable_sql(among: Among, order: Seniority) -> (String, &'static str) {
    let filter = match among {
        Among::All => String::new(),
        Among::Except(IdsOf(ids)) => format!("AND id NOT IN ({ids})"),
        Among::Only(IdsOf(ids)) => format!("AND id IN ({ids})"),
    };
    let from_where = format!(
        "FROM partners
         WHERE deleted_at IS NULL AND erased_at IS NULL AND status = ?1 {filter}"
    );
    let order_by = match order {
        Seniority::Joined => "joined_on IS NULL, joined_on, created_at, sort_key, name",
        Seniority::Registered => "created_at, sort_key, name",
    };
    (from_where, order_by)
}

/// The ids of the partners that cannot be picked (in the bin or erased):
/// usually few, so an area can leave them out of its own counts. Both marks
/// are timestamps, never empty, so `> ''` is "is set" in a form that lets
/// the planner take the two indexes (`partners_list`, `partners_erased`)
/// instead of reading every partner.
pub fn unpickable_ids(conn: &Connection) -> Result<Vec<String>> {
    let rows = conn
        .prepare_cached("SELECT id FROM partners WHERE deleted_at > '' OR erased_at > ''")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// What [`incomplete`] looks for. The partners without an initiative come
/// from a subquery: it reads the small `partners_without_initiative` index,
/// where `trim(initiative)` on each active partner would read every row.
const INCOMPLETE: &str = "id IN (SELECT id FROM partners WHERE trim(initiative) = '')
     OR NOT EXISTS (SELECT 1 FROM partner_goals g WHERE g.partner_id = p.id)";

/// What [`without_email_consent`] looks for.
const WITHOUT_EMAIL_CONSENT: &str = "consent_email = 0
     AND EXISTS (SELECT 1 FROM contacts c WHERE c.partner_id = p.id AND trim(c.email) <> '')";

/// Active partners (that can be picked) whose record lacks something the
/// programme needs: no goal, or no initiative described. The count of all
/// of them and the first `limit`, in Danish order.
pub fn incomplete(conn: &Connection, limit: usize) -> Result<Counted> {
    counted_active(conn, INCOMPLETE, limit)
}

/// Active partners (that can be picked) with a contact who has an e-mail
/// address while the partner has not consented to e-mail: the newsletter
/// cannot reach them until the consent is recorded. The count of all of
/// them and the first `limit`, in Danish order.
pub fn without_email_consent(conn: &Connection, limit: usize) -> Result<Counted> {
    counted_active(conn, WITHOUT_EMAIL_CONSENT, limit)
}

/// The active partners that can be picked and match `condition` (SQL over
/// `partners p`, written here, never from input): a count and the first
/// `limit` in Danish order (through [`counted`]), so a start page does not
/// read the whole list for a number and a few names.
fn counted_active(conn: &Connection, condition: &str, limit: usize) -> Result<Counted> {
    counted(conn, &active_sql(condition), ORDER_DANISH, &[], Some(limit))
}

/// The Danish order of the names.
const ORDER_DANISH: &str = "sort_key, name";

/// The `FROM … WHERE …` of [`counted_active`].
fn active_sql(condition: &str) -> String {
    format!(
        "FROM partners p
         WHERE deleted_at IS NULL AND erased_at IS NULL AND status = 'aktiv'
           AND ({condition})"
    )
}

/// The one body of the counted reads: `from_where` (a `FROM partners …
/// WHERE …` written in this module, its parameters `?1…` in `args`) counted
/// whole, and its first `limit` rows (all when `None`) in `order_by`. One
/// statement: the window's count is taken over every matching row before
/// LIMIT cuts the list; LIMIT 0 has no row to carry it, so it is a plain
/// count.
fn counted(
    conn: &Connection,
    from_where: &str,
    order_by: &str,
    args: &[&dyn rusqlite::ToSql],
    limit: Option<usize>,
) -> Result<Counted> {
    let (count_sql, list_sql) = counted_sql(from_where, order_by, args.len() + 1);
    if limit == Some(0) {
        let count: i64 = conn
            .prepare_cached(&count_sql)?
            .query_row(args, |r| r.get(0))?;
        return Ok(Counted {
            count: usize::try_from(count).unwrap_or(0),
            first: Vec::new(),
        });
    }
    let limit = limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
    let mut all_args = args.to_vec();
    all_args.push(&limit);
    let mut count = 0i64;
    let first = conn
        .prepare_cached(&list_sql)?
        .query_map(all_args.as_slice(), |r| {
            Ok((option_from_row(r)?, r.get::<_, i64>(6)?))
        })?
        .map(|row| {
            row.map(|(option, all)| {
                count = all;
                option
            })
        })
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Counted {
        count: usize::try_from(count).unwrap_or(0),
        first,
    })
}

/// The two statements of [`counted`]: the plain count, and the first rows
/// with the window's count of all, their LIMIT the parameter `?{limit_param}`.
fn counted_sql(from_where: &str, order_by: &str, limit_param: usize) -> (String, String) {
    (
        format!("SELECT count(*) {from_where}"),
        format!(
            "SELECT {OPTION_COLS}, count(*) OVER () {from_where} ORDER BY {order_by} LIMIT ?{limit_param}"
        ),
    )
}

/// The goal ids of each of these partners, in the programme's order of
/// goals. Partners without goals are left out.
pub fn goal_ids_of(conn: &Connection, ids: &[String]) -> Result<HashMap<String, Vec<String>>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT pg.partner_id, pg.goal_id FROM partner_goals pg JOIN goals g ON g.id = pg.goal_id
         WHERE pg.partner_id IN (SELECT value FROM json_each(?1))
         ORDER BY g.position, g.title",
    )?;
    let rows = stmt.query_map([id_list(ids)], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (partner, goal) = row?;
        out.entry(partner).or_default().push(goal);
    }
    Ok(out)
}

/// Of these partners, the ones that may be named publicly now (they
/// consented, and are neither in the bin nor erased): their names by id.
pub fn named_publicly(conn: &Connection, ids: &[String]) -> Result<HashMap<String, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT id, name FROM partners
         WHERE id IN (SELECT value FROM json_each(?1))
           AND consent_public = 1 AND deleted_at IS NULL AND erased_at IS NULL",
    )?;
    let rows = stmt
        .query_map([id_list(ids)], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// A partner as it may be shown to the public (catalogue examples, the
/// city's web pages): only partners who consented to be named and are
/// neither in the bin nor erased.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicProfile {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub status: Status,
    pub initiative: String,
    pub target_group: String,
    pub arena: String,
    pub website: String,
    /// In the programme's order of goals.
    pub goal_ids: Vec<String>,
    pub updated_at: String,
}

/// Every partner that may be named publicly now (see [`named_publicly`]),
/// with `status` when one is given, in Danish order; their goals read in one
/// more query.
pub fn public_profiles(conn: &Connection, status: Option<Status>) -> Result<Vec<PublicProfile>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, kind, status, initiative, target_group, arena, website, updated_at
         FROM partners
         WHERE consent_public = 1 AND deleted_at IS NULL AND erased_at IS NULL
           AND (?1 IS NULL OR status = ?1)
         ORDER BY sort_key, name",
    )?;
    let mut rows: Vec<PublicProfile> = stmt
        .query_map([status], |r| {
            Ok(PublicProfile {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                status: r.get(3)?,
                initiative: r.get(4)?,
                target_group: r.get(5)?,
                arena: r.get(6)?,
                website: r.get(7)?,
                goal_ids: Vec::new(),
                updated_at: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let ids: Vec<String> = rows.iter().map(|p| p.id.clone()).collect();
    let mut goals = goal_ids_of(conn, &ids)?;
    for p in &mut rows {
        p.goal_ids = goals.remove(&p.id).unwrap_or_default();
    }
    Ok(rows)
}

/// Where a letter to a partner goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Addressee {
    pub address: String,
    /// The primary contact's name (else the first contact's), if any.
    pub contact: Option<String>,
}

/// The address of partner `id` and whom to greet, or `None` when there is
/// no such row.
pub fn addressee(conn: &Connection, id: &str) -> Result<Option<Addressee>> {
    let Some(address) = conn
        .prepare_cached("SELECT address FROM partners WHERE id = ?1")?
        .query_row([id], |r| r.get::<_, String>(0))
        .optional()?
    else {
        return Ok(None);
    };
    let contact = conn
        .prepare_cached(
            "SELECT name FROM contacts WHERE partner_id = ?1
             ORDER BY is_primary DESC, position, name LIMIT 1",
        )?
        .query_row([id], |r| r.get(0))
        .optional()?;
    Ok(Some(Addressee { address, contact }))
}

/// A partner who joined in a period and may be named publicly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JoinedPartner {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub joined_on: NaiveDate,
    pub initiative: String,
}

/// Partners who joined between `from` and `to` (both included) and may be
/// named publicly (see [`named_publicly`]), by date joined, then in Danish
/// order.
pub fn joined_publicly(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<JoinedPartner>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, kind, joined_on, initiative FROM partners
         WHERE consent_public = 1 AND deleted_at IS NULL AND erased_at IS NULL
           AND joined_on BETWEEN ?1 AND ?2
         ORDER BY joined_on, sort_key, name",
    )?;
    let rows = stmt.query_map(params![dates::iso(from), dates::iso(to)], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Kind>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, name, kind, joined, initiative) = row?;
        // BETWEEN on ISO text: only well-formed dates can match.
        if let Some(joined_on) = dates::parse_iso(&joined) {
            out.push(JoinedPartner {
                id,
                name,
                kind,
                joined_on,
                initiative,
            });
        }
    }
    Ok(out)
}

/// A contact person who may be sent email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmailContact {
    /// The partner's name.
    pub partner: String,
    /// The contact's name.
    pub name: String,
    /// Trimmed, never empty.
    pub email: String,
}

/// The primary contacts with an address, of partners who consented to email
/// and are neither in the bin nor erased; partners in Danish order. An
/// address may appear more than once (two partners, one person).
pub fn email_contacts(conn: &Connection) -> Result<Vec<EmailContact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.name, c.name, trim(c.email), p.sort_key
         FROM contacts c JOIN partners p ON p.id = c.partner_id
         WHERE c.is_primary = 1 AND p.consent_email = 1
           AND p.deleted_at IS NULL AND p.erased_at IS NULL AND trim(c.email) <> ''
         ORDER BY p.sort_key, p.name, c.position, c.name",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(EmailContact {
                partner: r.get(0)?,
                name: r.get(1)?,
                email: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// A partner that still holds personal data, with the day its status last
/// became "afsluttet" (`None` while it has not ended). For the retention
/// list (issue 15): every partner not erased, in the bin or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeldPartner {
    pub id: String,
    pub name: String,
    pub kind: Kind,
    pub status: Status,
    pub ended_on: Option<NaiveDate>,
    pub contacts: i64,
}

/// Every partner not erased, with when it ended and its contact count, in
/// Danish order.
pub fn held(conn: &Connection) -> Result<Vec<HeldPartner>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.name, p.kind, p.status,
                CASE WHEN p.status = 'afsluttet' THEN
                    (SELECT max(h.changed_on) FROM partner_status_history h
                     WHERE h.partner_id = p.id AND h.status = 'afsluttet')
                END,
                (SELECT count(*) FROM contacts c WHERE c.partner_id = p.id)
         FROM partners p WHERE p.erased_at IS NULL
         ORDER BY p.sort_key, p.name",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(HeldPartner {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                status: r.get(3)?,
                ended_on: r
                    .get::<_, Option<String>>(4)?
                    .and_then(|d| crate::dates::parse_iso(&d)),
                contacts: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::partners::{self as register, ContactInput, PartnerInput};
    use crate::store::Store;

    fn goal_ids(conn: &Connection) -> Vec<String> {
        crate::settings::goals(conn, false)
            .unwrap()
            .into_iter()
            .map(|g| g.id)
            .collect()
    }

    fn input(conn: &Connection, name: &str, kind: &str, status: &str) -> PartnerInput {
        let goals = goal_ids(conn);
        PartnerInput {
            name: name.into(),
            kind: kind.into(),
            status: status.into(),
            goals: vec![goals[2].clone(), goals[0].clone()],
            joined_on: "2026-03-01".into(),
            ..Default::default()
        }
    }

    fn add(s: &mut Store, name: &str, kind: &str, status: &str) -> String {
        let i = input(&s.conn, name, kind, status);
        register::create(&mut s.conn, &i).unwrap().id
    }

    /// Alfa (active), Beta (interested), Ørsted (active), Gamma (in the
    /// bin), Delta (a private person, erased with a grant kept).
    fn fixture() -> (Store, [String; 5]) {
        let mut s = Store::open_in_memory().unwrap();
        let alfa = add(&mut s, "Alfa", "forening", "aktiv");
        let beta = add(&mut s, "Beta", "virksomhed", "interesseret");
        let oersted = add(&mut s, "Ørsted", "kommunal", "aktiv");
        let gamma = add(&mut s, "Gamma", "forening", "aktiv");
        register::delete(&s.conn, &gamma).unwrap();
        let delta = add(&mut s, "Delta Hansen", "borger", "aktiv");
        // A diploma keeps the erased row (anonymised, not deleted).
        s.conn
            .execute(
                "INSERT INTO diplomas (id, partner_id, number, issued_on, snapshot, is_copy, created_at, updated_at)
                 VALUES ('d1', ?1, 1, '2026-05-01', '{}', 0, 'x', 'x')",
                [&delta],
            )
            .unwrap();
        register::erase(&mut s.conn, &delta).unwrap();
        (s, [alfa, beta, oersted, gamma, delta])
    }

    fn names(v: &[PartnerOption]) -> Vec<&str> {
        v.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn pickable_leaves_out_the_bin_and_the_erased_in_danish_order() {
        let (s, [alfa, ..]) = fixture();
        let all = pickable(&s.conn, None).unwrap();
        assert_eq!(names(&all), ["Alfa", "Beta", "Ørsted"]);
        let active = pickable(&s.conn, Some(Status::Aktiv)).unwrap();
        assert_eq!(names(&active), ["Alfa", "Ørsted"]);
        assert_eq!(active[0].id, alfa);
        assert_eq!(active[0].kind, Kind::Forening);
        assert_eq!(active[0].joined_on, NaiveDate::from_ymd_opt(2026, 3, 1));
    }

    #[test]
    fn pickable_one_refuses_partners_in_the_bin_or_erased() {
        let (s, [alfa, _, _, gamma, delta]) = fixture();
        assert_eq!(pickable_one(&s.conn, &alfa).unwrap().unwrap().name, "Alfa");
        assert_eq!(pickable_one(&s.conn, &gamma).unwrap(), None);
        assert_eq!(pickable_one(&s.conn, &delta).unwrap(), None);
        assert_eq!(pickable_one(&s.conn, "no-such-id").unwrap(), None);
    }

    #[test]
    fn by_ids_reads_many_rows_at_once_with_bin_and_erased_and_skips_unknown_ids() {
        let (s, [alfa, beta, _, gamma, delta]) = fixture();
        let ids = vec![
            alfa.clone(),
            gamma.clone(),
            "gone".to_string(),
            beta.clone(),
            delta.clone(),
        ];
        let found = by_ids(&s.conn, &ids).unwrap();
        assert_eq!(found.len(), 4);
        assert_eq!(found[&alfa].name, "Alfa");
        // In the bin: still its name.
        assert_eq!(found[&gamma].name, "Gamma");
        // An erased private person: anonymised.
        assert_eq!(found[&delta].name, register::store::ERASED_NAME);
        assert_eq!(found[&beta].kind, Kind::Virksomhed);
        assert!(by_ids(&s.conn, &[]).unwrap().is_empty());
    }

    #[test]
    fn goal_ids_come_in_the_programmes_order() {
        let (s, [alfa, beta, ..]) = fixture();
        let goals = goal_ids(&s.conn);
        let of = goal_ids_of(&s.conn, &[alfa.clone(), beta.clone()]).unwrap();
        assert_eq!(of[&alfa], [goals[0].clone(), goals[2].clone()]);
        assert_eq!(of[&beta], [goals[0].clone(), goals[2].clone()]);
    }

    #[test]
    fn only_consenting_live_partners_are_named_publicly_or_listed_as_joined() {
        let (s, [alfa, beta, _, gamma, delta]) = fixture();
        for id in [&alfa, &gamma] {
            s.conn
                .execute("UPDATE partners SET consent_public = 1 WHERE id = ?1", [id])
                .unwrap();
        }
        let ids = vec![alfa.clone(), beta.clone(), gamma.clone(), delta.clone()];
        let named = named_publicly(&s.conn, &ids).unwrap();
        assert_eq!(named, HashMap::from([(alfa.clone(), "Alfa".to_string())]));
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let joined = joined_publicly(&s.conn, d(3, 1), d(3, 31)).unwrap();
        assert_eq!(joined.len(), 1);
        assert_eq!(joined[0].id, alfa);
        assert!(joined_publicly(&s.conn, d(4, 1), d(4, 30))
            .unwrap()
            .is_empty());
    }

    #[test]
    fn the_addressee_is_the_address_and_the_primary_contact() {
        let mut s = Store::open_in_memory().unwrap();
        let mut i = input(&s.conn, "Bageriet", "virksomhed", "aktiv");
        i.address = "Torvet 1, 7000 Fredericia".into();
        i.contacts = vec![
            ContactInput {
                name: "Anders".into(),
                ..Default::default()
            },
            ContactInput {
                name: "Birte".into(),
                is_primary: true,
                ..Default::default()
            },
        ];
        let id = register::create(&mut s.conn, &i).unwrap().id;
        let a = addressee(&s.conn, &id).unwrap().unwrap();
        assert_eq!(a.address, "Torvet 1, 7000 Fredericia");
        assert_eq!(a.contact.as_deref(), Some("Birte"));
        let (s, [alfa, ..]) = fixture();
        assert_eq!(addressee(&s.conn, &alfa).unwrap().unwrap().contact, None);
        assert_eq!(addressee(&s.conn, "gone").unwrap(), None);
    }

    #[test]
    fn email_contacts_are_primary_contacts_of_consenting_live_partners() {
        let mut s = Store::open_in_memory().unwrap();
        let with_contact = |s: &Store, name: &str, email: &str, consent: bool| {
            let mut i = input(&s.conn, name, "forening", "aktiv");
            i.consent_email = consent;
            i.contacts = vec![
                ContactInput {
                    name: format!("Kontakt {name}"),
                    email: email.into(),
                    is_primary: true,
                    ..Default::default()
                },
                ContactInput {
                    name: "Sekundær".into(),
                    email: "other@example.dk".into(),
                    ..Default::default()
                },
            ];
            i
        };
        let a = with_contact(&s, "Åbo", "aabo@example.dk", true);
        register::create(&mut s.conn, &a).unwrap();
        let b = with_contact(&s, "Bager", " bager@example.dk ", true);
        register::create(&mut s.conn, &b).unwrap();
        let c = with_contact(&s, "Cykel", "cykel@example.dk", false);
        register::create(&mut s.conn, &c).unwrap();
        let d = with_contact(&s, "Dans", "dans@example.dk", true);
        let dans = register::create(&mut s.conn, &d).unwrap();
        register::delete(&s.conn, &dans.id).unwrap();
        let got = email_contacts(&s.conn).unwrap();
        let pairs: Vec<_> = got
            .iter()
            .map(|c| (c.partner.as_str(), c.email.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [("Bager", "bager@example.dk"), ("Åbo", "aabo@example.dk")]
        );
    }

    /// The query plan of `sql`, one detail per line.
    fn plan(conn: &Connection, sql: &str, args: &[&dyn rusqlite::ToSql]) -> Vec<String> {
        conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map(args, |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    /// The start page's counted reads search the `partners_pickable` index
    /// and never read the partners' table whole (a plan line `SCAN
    /// partners` without an index): what keeps Overblik fast with 10,000
    /// partners. The planner's choice is fixed by the schema, since the
    /// app never runs ANALYZE, so an empty database plans as a full one.
    #[test]
    fn the_start_pages_counted_reads_are_answered_from_the_pickable_index() {
        let s = Store::open_in_memory().unwrap();
        let status = Status::Aktiv;
        let reads: Vec<(&str, String, &str, Vec<&dyn rusqlite::ToSql>)> = vec![
            {
                let (w, o) = first_pickable_sql(
                    Among::Except(crate::diploma::store::HOLDERS),
                    Seniority::Joined,
                );
                ("the diploma queue", w, o, vec![&status])
            },
            {
                let (w, o) = first_pickable_sql(Among::All, Seniority::Registered);
                ("the pipeline", w, o, vec![&status])
            },
            ("incomplete", active_sql(INCOMPLETE), ORDER_DANISH, vec![]),
            (
                "without e-mail consent",
                active_sql(WITHOUT_EMAIL_CONSENT),
                ORDER_DANISH,
                vec![],
            ),
        ];
        let limit = 8i64;
        for (what, from_where, order_by, args) in reads {
            let (count_sql, list_sql) = counted_sql(&from_where, order_by, args.len() + 1);
            let mut list_args = args.clone();
            list_args.push(&limit);
            for (sql, args) in [(&count_sql, &args), (&list_sql, &list_args)] {
                let lines = plan(&s.conn, sql, args);
                assert!(
                    lines
                        .iter()
                        .any(|l| l.contains("USING COVERING INDEX partners_pickable ")),
                    "{what}: {lines:?}"
                );
                assert!(
                    !lines.iter().any(|l| l == "SCAN partners" || l == "SCAN p"),
                    "{what} reads every partner: {lines:?}"
                );
            }
        }
        // The e-mail consent is searched in the index, not checked row by row.
        let (count_sql, _) = counted_sql(&active_sql(WITHOUT_EMAIL_CONSENT), ORDER_DANISH, 1);
        assert!(
            plan(&s.conn, &count_sql, &[])
                .iter()
                .any(|l| l.contains("consent_email=?")),
            "without e-mail consent does not seek on the consent"
        );
        // The ones in the bin or erased are found from two indexes.
        let lines = plan(
            &s.conn,
            "SELECT id FROM partners WHERE deleted_at > '' OR erased_at > ''",
            &[],
        );
        assert!(
            lines.iter().any(|l| l.contains("MULTI-INDEX OR")),
            "{lines:?}"
        );
    }
}

/// A contact person found by id or by name: the contact's id and its
/// partner's id (for the contact person's register extract).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactRef {
    pub contact_id: String,
    pub partner_id: String,
}

/// The contact persons `key` names: the contact with that id, else every
/// contact whose name is `key` (trimmed, case-insensitive, Danish letters
/// too) of a partner not erased.
pub fn contacts_named(conn: &Connection, key: &str) -> Result<Vec<ContactRef>> {
    let key = key.trim();
    let by_id = conn
        .prepare_cached("SELECT id, partner_id FROM contacts WHERE id = ?1")?
        .query_row([key], |r| {
            Ok(ContactRef {
                contact_id: r.get(0)?,
                partner_id: r.get(1)?,
            })
        })
        .optional()?;
    if let Some(c) = by_id {
        return Ok(vec![c]);
    }
    let wanted = key.to_lowercase();
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.partner_id, c.name FROM contacts c JOIN partners p ON p.id = c.partner_id
         WHERE p.erased_at IS NULL ORDER BY p.sort_key, c.position, c.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            ContactRef {
                contact_id: r.get(0)?,
                partner_id: r.get(1)?,
            },
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (c, name) = row?;
        if !wanted.is_empty() && name.trim().to_lowercase() == wanted {
            out.push(c);
        }
    }
    Ok(out)
}
