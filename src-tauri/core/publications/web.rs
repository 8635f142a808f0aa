//! The partner pages for the city's website: a folder the web editor can use
//! without the app — one static HTML page per active partner who consented
//! to be named (name, kind, initiative, target group, arena, goals, website,
//! the programme's logo), `index.html`, one `style.css`, the logo, and the
//! same content as `partnere.csv` (semicolons, BOM) and `partnere.json` for a
//! CMS import. No script, no stylesheet or picture from elsewhere; every
//! user text is escaped. A partner's website is a plain link.
//!
//! Each export is recorded (`web_exports`, `web_export_pages`: partner id,
//! file name from the id, a digest of the content — no personal data). The
//! next export compares with the last one: new pages, changed pages, and
//! pages to remove (the partner ended, is in the bin or erased, or withdrew
//! consent). After the programme's period has ended no page is written and
//! every page of the last export is to be removed.

use super::Result;
use crate::files::{self, DocKind, Entry, Target};
use crate::labels;
use crate::partners::lookup::{pickable, public_profiles, PublicProfile};
use crate::partners::Status;
use crate::settings;
use crate::store::{new_id, now};
use crate::{dates, i18n::Lang};
use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// One page in the export, as the CMS import reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageRecord {
    pub id: String,
    pub file_name: String,
    pub name: String,
    pub kind: String,
    pub initiative: String,
    pub target_group: String,
    pub arena: String,
    pub goals: Vec<String>,
    pub website: String,
}

/// A page that is new or changed since the last export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageChange {
    pub partner_id: String,
    pub name: String,
    pub file_name: String,
}

/// Why a published page must come down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// The programme's period has ended.
    ProgrammeEnded,
    /// The partner is no longer active (ended, paused, …).
    NotActive,
    /// The partner is in the bin or was erased.
    Removed,
    /// The partner withdrew consent to be named.
    ConsentWithdrawn,
}

impl RemovalReason {
    /// The reason in words.
    pub fn label(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::Da, RemovalReason::ProgrammeEnded) => "programperioden er slut",
            (Lang::En, RemovalReason::ProgrammeEnded) => "the programme period has ended",
            (Lang::Da, RemovalReason::NotActive) => "partneren er ikke længere aktiv",
            (Lang::En, RemovalReason::NotActive) => "the partner is no longer active",
            (Lang::Da, RemovalReason::Removed) => "partneren er slettet",
            (Lang::En, RemovalReason::Removed) => "the partner was deleted",
            (Lang::Da, RemovalReason::ConsentWithdrawn) => "samtykket er trukket tilbage",
            (Lang::En, RemovalReason::ConsentWithdrawn) => "consent was withdrawn",
        }
    }
}

/// A page to take down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removal {
    pub partner_id: String,
    pub file_name: String,
    pub reason: RemovalReason,
}

/// What an export wrote and what the web editor must do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WebExport {
    pub folder: PathBuf,
    pub pages: usize,
    pub new: Vec<PageChange>,
    pub changed: Vec<PageChange>,
    pub unchanged: usize,
    pub remove: Vec<Removal>,
    /// The programme's period has ended: every page is to be removed.
    pub ended: bool,
}

/// The file name of a partner's page: from its id, never its name.
pub fn file_name(partner_id: &str) -> String {
    format!("partner-{partner_id}.html")
}

/// Escapes text for HTML (content and attribute values): the newsletter's one escape.
pub use crate::events::newsletter::esc as escape;

/// FNV-1a, 64 bits: a digest that stays the same across builds.
fn digest(s: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The pages the export would hold now (none after the programme ended).
pub fn records(conn: &Connection) -> Result<Vec<PageRecord>> {
    let goals: HashMap<String, String> = settings::goals(conn, true)?
        .into_iter()
        .map(|g| (g.id, g.title))
        .collect();
    Ok(public_profiles(conn, Some(Status::Aktiv))?
        .into_iter()
        .map(|p: PublicProfile| PageRecord {
            file_name: file_name(&p.id),
            kind: labels::kind(p.kind, Lang::Da).to_string(),
            goals: p
                .goal_ids
                .iter()
                .filter_map(|g| goals.get(g).cloned())
                .collect(),
            id: p.id,
            name: p.name,
            initiative: p.initiative.trim().to_string(),
            target_group: p.target_group.trim().to_string(),
            arena: p.arena.trim().to_string(),
            website: p.website.trim().to_string(),
        })
        .collect())
}

const STYLE: &str = "body{font-family:Lato,Arial,sans-serif;color:#1d1d1b;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}\n\
header img{max-height:4rem}\nh1{color:#1f5f4a}\ndt{font-weight:bold;margin-top:.6rem}\ndd{margin:0}\n\
a{color:#174a39}\nul.partners{padding-left:1.2rem}\n.ended{border:2px solid #8a1c1c;padding:1rem}\n";

fn head(title: &str, logo: Option<&str>, programme: &str) -> String {
    let logo = match logo {
        Some(file) => format!(
            "<img src=\"{}\" alt=\"{}\">",
            escape(file),
            escape(&format!("{programme} logo"))
        ),
        None => String::new(),
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n\
         <header>{logo}<p>{}</p></header>\n<main>\n",
        escape(title),
        escape(programme)
    )
}

const FOOT: &str = "</main>\n</body>\n</html>\n";

fn website_link(url: &str) -> String {
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        format!(
            "<a href=\"{0}\" rel=\"external nofollow\">{0}</a>",
            escape(url)
        )
    } else {
        escape(url)
    }
}

/// One partner's page.
pub fn page(r: &PageRecord, programme: &str, logo: Option<&str>) -> String {
    let mut s = head(&format!("{} – {programme}", r.name), logo, programme);
    s.push_str(&format!("<h1>{}</h1>\n<dl>\n", escape(&r.name)));
    let mut fact = |label: &str, value: String| {
        if !value.is_empty() {
            s.push_str(&format!("<dt>{label}</dt><dd>{value}</dd>\n"));
        }
    };
    fact("Type", escape(&r.kind));
    fact("Initiativ", escape(&r.initiative).replace('\n', "<br>"));
    fact("Målgruppe", escape(&r.target_group));
    fact("Arena", escape(&r.arena));
    let goals: Vec<String> = r
        .goals
        .iter()
        .map(|g| format!("<li>{}</li>", escape(g)))
        .collect();
    if !goals.is_empty() {
        fact("Mål", format!("<ul>{}</ul>", goals.join("")));
    }
    fact("Hjemmeside", website_link(&r.website));
    s.push_str("</dl>\n<p><a href=\"index.html\">Alle partnere</a></p>\n");
    s.push_str(FOOT);
    s
}

fn index(records: &[PageRecord], programme: &str, logo: Option<&str>, ended: bool) -> String {
    let mut s = head(&format!("Partnere – {programme}"), logo, programme);
    s.push_str(&format!("<h1>Partnere i {}</h1>\n", escape(programme)));
    if ended {
        s.push_str(
            "<p class=\"ended\">Programperioden er slut. Alle partnersider skal fjernes fra hjemmesiden.</p>\n",
        );
    }
    s.push_str("<ul class=\"partners\">\n");
    for r in records {
        s.push_str(&format!(
            "<li><a href=\"{}\">{}</a> – {}</li>\n",
            escape(&r.file_name),
            escape(&r.name),
            escape(&r.kind)
        ));
    }
    s.push_str("</ul>\n");
    s.push_str(FOOT);
    s
}

fn csv(records: &[PageRecord]) -> Result<Vec<u8>> {
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let err = |e: ::csv::Error| crate::files::FileError::Io {
        path: PathBuf::from("partnere.csv"),
        source: std::io::Error::other(e.to_string()),
    };
    w.write_record([
        "id",
        "navn",
        "type",
        "initiativ",
        "målgruppe",
        "arena",
        "mål",
        "hjemmeside",
        "side",
    ])
    .map_err(err)?;
    for r in records {
        w.write_record([
            &r.id,
            &r.name,
            &r.kind,
            &r.initiative,
            &r.target_group,
            &r.arena,
            &r.goals.join(", "),
            &r.website,
            &r.file_name,
        ])
        .map_err(err)?;
    }
    Ok(w.into_inner().map_err(|e| err(e.into_error().into()))?)
}

fn last_export(conn: &Connection) -> Result<HashMap<String, (String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT partner_id, file_name, digest FROM web_export_pages
         WHERE export_id = (SELECT id FROM web_exports ORDER BY rowid DESC LIMIT 1)",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Writes the export at `target`, records it, and says what changed since
/// the last one. `today` decides whether the programme's period has ended.
pub fn export(conn: &mut Connection, target: &Target, today: NaiveDate) -> Result<WebExport> {
    let programme = settings::programme(conn)?;
    let name = if programme.name.trim().is_empty() {
        "Sund By".to_string()
    } else {
        programme.name.trim().to_string()
    };
    let ended = programme.period_to.is_some_and(|to| to < today);
    let records = if ended { Vec::new() } else { records(conn)? };
    let logo = match &programme.logo {
        Some(l) => settings::image_bytes(conn, &l.id)?.map(|(mime, b)| {
            let file = if mime == "image/jpeg" {
                "logo.jpg"
            } else {
                "logo.png"
            };
            (file, b)
        }),
        None => None,
    };
    let logo_file = logo.as_ref().map(|(f, _)| *f);

    let pages: Vec<(String, String)> = records
        .iter()
        .map(|r| (r.file_name.clone(), page(r, &name, logo_file)))
        .collect();
    let index = index(&records, &name, logo_file, ended);
    let json = serde_json::to_vec_pretty(&records).map_err(|e| crate::files::FileError::Io {
        path: PathBuf::from("partnere.json"),
        source: std::io::Error::other(e.to_string()),
    })?;
    let csv = csv(&records)?;
    let mut entries = vec![
        Entry {
            name: "index.html",
            bytes: index.as_bytes(),
        },
        Entry {
            name: "style.css",
            bytes: STYLE.as_bytes(),
        },
        Entry {
            name: "partnere.csv",
            bytes: &csv,
        },
        Entry {
            name: "partnere.json",
            bytes: &json,
        },
    ];
    if let Some((file, b)) = &logo {
        entries.push(Entry {
            name: file,
            bytes: b,
        });
    }
    for (file, html) in &pages {
        entries.push(Entry {
            name: file,
            bytes: html.as_bytes(),
        });
    }
    let folder_name = format!("Partnersider {}", dates::iso(today));
    let folder = files::save_folder(conn, DocKind::Publications, target, &folder_name, &entries)?;

    // Compare with the last export.
    let before = last_export(conn)?;
    let digests: Vec<String> = pages.iter().map(|(_, html)| digest(html)).collect();
    let mut new = Vec::new();
    let mut changed = Vec::new();
    let mut unchanged = 0;
    for (r, d) in records.iter().zip(&digests) {
        let c = PageChange {
            partner_id: r.id.clone(),
            name: r.name.clone(),
            file_name: r.file_name.clone(),
        };
        match before.get(&r.id) {
            None => new.push(c),
            Some((_, old)) if old != d => changed.push(c),
            Some(_) => unchanged += 1,
        }
    }
    let now_ids: HashSet<&str> = records.iter().map(|r| r.id.as_str()).collect();
    let live: HashMap<String, Status> = pickable(conn, None)?
        .into_iter()
        .map(|p| (p.id, p.status))
        .collect();
    let mut remove: Vec<Removal> = before
        .iter()
        .filter(|(id, _)| !now_ids.contains(id.as_str()))
        .map(|(id, (file, _))| Removal {
            partner_id: id.clone(),
            file_name: file.clone(),
            reason: if ended {
                RemovalReason::ProgrammeEnded
            } else {
                match live.get(id) {
                    None => RemovalReason::Removed,
                    Some(Status::Aktiv) => RemovalReason::ConsentWithdrawn,
                    Some(_) => RemovalReason::NotActive,
                }
            },
        })
        .collect();
    remove.sort_by(|a, b| a.file_name.cmp(&b.file_name));

    // Record it.
    let tx = conn.transaction()?;
    let id = new_id();
    let at = now();
    tx.execute(
        "INSERT INTO web_exports (id, exported_at, folder, page_count, ended, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?2, ?2)",
        params![id, at, folder.display().to_string(), records.len() as i64, ended],
    )?;
    {
        let mut ins = tx.prepare_cached(
            "INSERT INTO web_export_pages (export_id, partner_id, file_name, digest) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (r, d) in records.iter().zip(&digests) {
            ins.execute(params![id, r.id, r.file_name, d])?;
        }
    }
    tx.commit()?;
    Ok(WebExport {
        folder,
        pages: records.len(),
        new,
        changed,
        unchanged,
        remove,
        ended,
    })
}
