//! Reading a round for people: the plain-text report of `sundby awards`
//! (nominations, scores, ranking, votes, decisions) and what the partner
//! page shows ([`for_partner`]: the partner's nominations and prizes).

use super::rounds::round;
use super::sql::Result;
use super::types::*;
use crate::dates;
use crate::i18n::Lang;
use rusqlite::Connection;
use serde::Serialize;
use std::fmt::Write;

fn date(iso: Option<&str>) -> String {
    iso.and_then(dates::parse_iso)
        .map(dates::long_da)
        .unwrap_or_else(|| "—".into())
}

/// One decimal with a comma, as Danes write it.
pub fn decimal(v: f64) -> String {
    format!("{v:.1}").replace('.', ",")
}

/// The round as text: what `sundby awards --round …` prints.
pub fn report_text(conn: &Connection, round_id: &str) -> Result<String> {
    let d = round(conn, round_id)?;
    let mut o = String::new();
    let r = &d.round;
    let _ = writeln!(o, "{}  ({})", r.name, r.status.label(Lang::Da));
    let _ = writeln!(
        o,
        "Frist for indstillinger: {}   Fejring: {} {}",
        date(r.nomination_deadline.as_deref()),
        date(r.celebration_on.as_deref()),
        r.celebration_place
    );
    let _ = writeln!(o, "Skala: {}–{}", r.scale_min, r.scale_max);
    let _ = writeln!(o, "\nKriterier:");
    for (i, c) in d.criteria.iter().enumerate() {
        let _ = writeln!(o, "  {}. {}", i + 1, c.text);
    }
    let _ = writeln!(
        o,
        "\nUdvalg: {}",
        if d.members.is_empty() {
            "—".to_string()
        } else {
            d.members
                .iter()
                .map(|m| m.name.clone())
                .collect::<Vec<_>>()
                .join(", ")
        }
    );
    let _ = writeln!(o, "\nIndstillinger ({}):", d.nominations.len());
    for n in &d.nominations {
        let prizes: Vec<&str> = n
            .prize_ids
            .iter()
            .filter_map(|p| d.prize(p).map(|p| p.name.as_str()))
            .collect();
        let mut flags = Vec::new();
        if n.late_accepted {
            flags.push("godkendt trods fristen".to_string());
        }
        if n.erased {
            flags.push("persondata slettet".to_string());
        }
        if !n.consent_catalogue {
            flags.push("ikke i kataloget".to_string());
        }
        let _ = writeln!(
            o,
            "  {} – {}  [{}]{}",
            n.partner_name,
            if n.title.is_empty() { "—" } else { &n.title },
            prizes.join(", "),
            if flags.is_empty() {
                String::new()
            } else {
                format!("  ({})", flags.join("; "))
            }
        );
    }
    for (p, s) in d.prizes.iter().zip(&d.standings) {
        let _ = writeln!(o, "\n{} ({})", p.name, p.decided_by.label(Lang::Da));
        for row in &s.rows {
            match p.decided_by {
                DecidedBy::Committee => {
                    let _ = writeln!(
                        o,
                        "  {:>2}. {:<40} gennemsnit {}  i alt {}  ({} af {} point givet){}{}",
                        row.rank,
                        row.nominee,
                        decimal(row.mean),
                        row.total,
                        row.scores_given,
                        row.scores_expected,
                        row.spread
                            .map(|s| format!("  spredning {s}"))
                            .unwrap_or_default(),
                        if row.tied { "  STEMMELIGHED" } else { "" }
                    );
                }
                DecidedBy::Vote => {
                    let _ = writeln!(
                        o,
                        "  {:>2}. {:<40} {} stemmer{}",
                        row.rank,
                        row.nominee,
                        row.votes.map_or("—".to_string(), |v| v.to_string()),
                        if row.tied { "  STEMMELIGHED" } else { "" }
                    );
                }
            }
        }
        if p.decided_by == DecidedBy::Vote && !p.vote_source.is_empty() {
            let _ = writeln!(
                o,
                "  Kilde: {}, lukket {}",
                p.vote_source,
                date(p.vote_closed_on.as_deref())
            );
        }
        for m in &s.missing {
            let _ = writeln!(
                o,
                "  mangler: {} har ikke bedømt {} ({} point)",
                m.member, m.nominee, m.missing
            );
        }
        match (&p.winner_id, p.winner_basis) {
            (Some(w), Some(b)) => {
                let _ = writeln!(
                    o,
                    "  Vinder: {} ({}{}){}",
                    d.nominee(w),
                    b.label(Lang::Da),
                    if p.winner_reason.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", p.winner_reason)
                    },
                    p.diploma
                        .as_ref()
                        .map(|d| format!("  diplom nr. {}", d.number))
                        .unwrap_or_default()
                );
            }
            _ => {
                let _ = writeln!(o, "  Vinder: ikke afgjort");
            }
        }
    }
    Ok(o)
}

/// A partner's nomination as its page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct PartnerAward {
    pub round_id: String,
    pub round_name: String,
    pub round_status: RoundStatus,
    pub celebration_on: Option<String>,
    pub nomination_id: String,
    pub title: String,
    pub prizes: Vec<PartnerPrize>,
}

/// A prize the partner was nominated for, and whether it won.
#[derive(Debug, Clone, Serialize)]
pub struct PartnerPrize {
    pub prize_id: String,
    pub name: String,
    pub won: bool,
    pub diploma_number: Option<i64>,
}

/// The partner's nominations and prizes, newest round first.
pub fn for_partner(conn: &Connection, partner_id: &str) -> Result<Vec<PartnerAward>> {
    let ids: Vec<String> = {
        let mut stmt = conn.prepare_cached(
            "SELECT DISTINCT round_id FROM award_nominations WHERE partner_id = ?1 AND deleted_at IS NULL",
        )?;
        let rows = stmt.query_map([partner_id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut out = Vec::new();
    for id in ids {
        let d = round(conn, &id)?;
        for n in d
            .nominations
            .iter()
            .filter(|n| n.partner_id.as_deref() == Some(partner_id))
        {
            out.push(PartnerAward {
                round_id: d.round.id.clone(),
                round_name: d.round.name.clone(),
                round_status: d.round.status,
                celebration_on: d.round.celebration_on.clone(),
                nomination_id: n.id.clone(),
                title: n.title.clone(),
                prizes: n
                    .prize_ids
                    .iter()
                    .filter_map(|p| d.prize(p))
                    .map(|p| PartnerPrize {
                        prize_id: p.id.clone(),
                        name: p.name.clone(),
                        won: p.winner_id.as_deref() == Some(n.id.as_str()),
                        diploma_number: p
                            .diploma
                            .as_ref()
                            .filter(|_| p.winner_id.as_deref() == Some(n.id.as_str()))
                            .map(|d| d.number),
                    })
                    .collect(),
            });
        }
    }
    out.sort_by(|a, b| b.celebration_on.cmp(&a.celebration_on));
    Ok(out)
}

/// A nomination someone wrote for another (the nominator's name is
/// recorded): what a contact person's register extract lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WrittenNomination {
    pub nomination_id: String,
    pub round_name: String,
    /// Whom it nominates (the partner's name as recorded).
    pub nominee: String,
    pub title: String,
    /// ISO date.
    pub received_on: String,
    pub nominator_name: String,
}

/// The nominations whose recorded nominator is `name` (trimmed,
/// case-insensitive, Danish letters too), not deleted or erased, oldest first.
pub fn written_by(conn: &Connection, name: &str) -> Result<Vec<WrittenNomination>> {
    let wanted = name.trim().to_lowercase();
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT n.id, r.name, n.partner_name, n.title, n.received_on, n.nominator_name
         FROM award_nominations n JOIN award_rounds r ON r.id = n.round_id
         WHERE n.deleted_at IS NULL AND n.erased_at IS NULL AND trim(n.nominator_name) <> ''
         ORDER BY n.received_on, n.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(WrittenNomination {
            nomination_id: r.get(0)?,
            round_name: r.get(1)?,
            nominee: r.get(2)?,
            title: r.get(3)?,
            received_on: r.get(4)?,
            nominator_name: r.get(5)?,
        })
    })?;
    let mut out = Vec::new();
    for row in rows {
        let n = row?;
        if n.nominator_name.trim().to_lowercase() == wanted {
            out.push(n);
        }
    }
    Ok(out)
}
