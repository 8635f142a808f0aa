//! The newsletter (every second month): for a period the consultant picks,
//! gathers the partners who joined in it and consented to be named, the
//! upcoming events, the activities granted money in it and the stories the
//! consultant writes; renders an HTML body
//! that survives being pasted into Outlook (table layout, inline styles, the
//! programme logo as a data URI) and a plain-text version; and lists the
//! recipients (primary contacts of partners who consented to email) for the
//! Bcc field and as CSV. Each issue sent is recorded; the next one starts
//! the day after the last one ended.
//!
//! Everything a person typed is HTML-escaped: nothing can add markup.
//!
//! Partners and grants are read through their areas
//! ([`crate::partners::lookup`], [`crate::grants::granted`]); this file
//! queries only the `newsletters` table.

use super::store::{self, EventSummary, ListFilter};
use super::{EventsError, Result};
use crate::dates::{self, iso, long_da};
use crate::files::{self, DocKind, Part, Target};
use crate::grants::granted::granted_between;
use crate::i18n::Lang;
use crate::labels;
use crate::money::format_ore;
use crate::partners;
use crate::settings;
use crate::store::{new_id, now};
use crate::validate::{self, Problem, ValidationError};
use base64::Engine;
use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::PathBuf;

/// Longest story heading and text.
pub const MAX_STORY_TITLE: usize = 200;
pub const MAX_STORY_BODY: usize = 20_000;
/// How far after the period upcoming events are gathered.
pub const UPCOMING_MONTHS: u32 = 3;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StoryInput {
    pub title: String,
    pub body: String,
}

/// What the consultant chose: the period (ISO or Danish dates) and stories.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewsletterInput {
    pub from: String,
    pub to: String,
    pub stories: Vec<StoryInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewPartner {
    pub name: String,
    pub kind: String,
    pub joined_on: String,
    pub initiative: String,
    pub goals: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GrantedActivity {
    pub purpose: String,
    /// Only when the partner consented to be named.
    pub partner: Option<String>,
    pub granted_ore: i64,
    pub decided_on: String,
    pub planned_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Recipient {
    pub partner: String,
    pub name: String,
    pub email: String,
}

/// A newsletter ready to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Newsletter {
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub subject: String,
    pub new_partners: Vec<NewPartner>,
    pub upcoming: Vec<EventSummary>,
    pub grants: Vec<GrantedActivity>,
    /// Always true: the grants area is part of every database (migration
    /// 004). Kept while the UI still reads it.
    pub grants_available: bool,
    pub stories: Vec<StoryInput>,
    pub recipients: Vec<Recipient>,
    pub html: String,
    pub text: String,
    /// The recipients' addresses for Outlook's Bcc field.
    pub bcc: String,
    /// Partner, contact and address, separated by semicolons (Danish Excel).
    pub csv: String,
}

/// A newsletter issue that was sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewsletterIssue {
    pub id: String,
    pub period_from: String,
    pub period_to: String,
    pub issued_on: String,
    pub recipient_count: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Checks the period and the stories; stories left completely empty are
/// dropped.
pub fn validate_input(
    input: &NewsletterInput,
) -> std::result::Result<(NaiveDate, NaiveDate, Vec<StoryInput>), ValidationError> {
    let from = validate::optional_date("newsletter_from", &input.from)?
        .ok_or(ValidationError::new("newsletter_from", Problem::Required))?;
    let to = validate::optional_date("newsletter_to", &input.to)?
        .ok_or(ValidationError::new("newsletter_to", Problem::Required))?;
    if to < from {
        return Err(ValidationError::new(
            "newsletter_to",
            Problem::EndBeforeStart,
        ));
    }
    let mut stories = Vec::new();
    for s in &input.stories {
        let title = validate::text("story_title", &s.title, MAX_STORY_TITLE, false, false)?;
        let body = validate::text("story_body", &s.body, MAX_STORY_BODY, false, true)?;
        if title.is_empty() && body.is_empty() {
            continue;
        }
        stories.push(StoryInput { title, body });
    }
    Ok((from, to, stories))
}

/// Partners who joined in the period and consented to be named publicly,
/// with their goals' titles.
pub fn new_partners(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<NewPartner>> {
    let joined = partners::joined_publicly(conn, from, to)?;
    let ids: Vec<String> = joined.iter().map(|p| p.id.clone()).collect();
    let mut goal_ids = partners::goal_ids_of(conn, &ids)?;
    let titles: HashMap<String, String> = settings::goals(conn, true)?
        .into_iter()
        .map(|g| (g.id, g.title))
        .collect();
    Ok(joined
        .into_iter()
        .map(|p| NewPartner {
            goals: goal_ids
                .remove(&p.id)
                .unwrap_or_default()
                .iter()
                .filter_map(|g| titles.get(g).cloned())
                .collect(),
            kind: labels::kind(p.kind, Lang::Da).to_string(),
            joined_on: iso(p.joined_on),
            name: p.name,
            initiative: p.initiative,
        })
        .collect())
}

/// Events (and ceremonies) starting in the months after the period.
pub fn upcoming(conn: &Connection, to: NaiveDate) -> Result<Vec<EventSummary>> {
    let first = to + Days::new(1);
    let last = to + Months::new(UPCOMING_MONTHS);
    let all = store::list(
        conn,
        &ListFilter {
            when: "all".into(),
            ..Default::default()
        },
        NaiveDateTime::default(),
    )?;
    let (first, last) = (iso(first), iso(last));
    Ok(all
        .into_iter()
        .filter(|e| {
            let day = e.starts_at.get(..10).unwrap_or("");
            day >= first.as_str() && day <= last.as_str()
        })
        .collect())
}

/// Applications granted money in the period (decision date inside it); the
/// partner is named only when it consented to be named publicly.
pub fn granted(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<GrantedActivity>> {
    let apps = granted_between(conn, from, to)?;
    let ids: Vec<String> = apps.iter().map(|a| a.partner_id.clone()).collect();
    let named = partners::named_publicly(conn, &ids)?;
    Ok(apps
        .into_iter()
        .map(|a| GrantedActivity {
            partner: named.get(&a.partner_id).cloned(),
            purpose: a.purpose,
            granted_ore: a.granted_ore,
            decided_on: iso(a.decided_on),
            planned_on: a.planned_on.map(iso),
        })
        .collect())
}

/// Primary contacts with an address, of partners who consented to email and
/// are neither in the bin nor erased; each address once.
pub fn recipients(conn: &Connection) -> Result<Vec<Recipient>> {
    let mut seen = std::collections::HashSet::new();
    Ok(partners::email_contacts(conn)?
        .into_iter()
        .filter(|c| seen.insert(c.email.to_lowercase()))
        .map(|c| Recipient {
            partner: c.partner,
            name: c.name,
            email: c.email,
        })
        .collect())
}

/// Escapes text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// An ISO date in long Danish (the text itself when it is no date).
pub fn date_da(s: &str) -> String {
    dates::parse(s)
        .map(long_da)
        .unwrap_or_else(|| s.to_string())
}

/// When an event is, in Danish.
pub fn event_when(e: &EventSummary) -> String {
    let start = NaiveDateTime::parse_from_str(&e.starts_at, super::TIME_FORMAT).ok();
    let end = NaiveDateTime::parse_from_str(&e.ends_at, super::TIME_FORMAT).ok();
    match (start, end) {
        (Some(s), _) if e.all_day => long_da(s.date()),
        (Some(s), Some(t)) => super::when_text(s, t, Lang::Da),
        _ => e.starts_at.clone(),
    }
}

/// CSV field for Danish Excel: quoted when needed; a leading `=`, `+`, `-` or
/// `@` is neutralised so a name can never run as a formula.
fn csv_field(s: &str) -> String {
    let mut v = s.to_string();
    if v.starts_with(['=', '+', '-', '@']) {
        v.insert(0, '\'');
    }
    if v.contains([';', '"', '\n', '\r', ',']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

const FONT: &str = "font-family:Arial,Helvetica,sans-serif;";
const GREEN: &str = "#1f6f4a";
const TEXT: &str = "#1d2521";
const MUTED: &str = "#4d5a53";

/// A section heading row of an e-mail.
pub fn h2(title: &str) -> String {
    format!(
        "<tr><td style=\"padding:24px 32px 8px 32px;{FONT}\"><h2 style=\"margin:0;{FONT}font-size:19px;line-height:26px;color:{GREEN};font-weight:bold;\">{}</h2></td></tr>\n",
        esc(title)
    )
}

/// Escaped paragraphs (split on blank lines, `<br>` at line breaks).
pub fn paragraphs(body: &str) -> String {
    body.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lines: Vec<String> = p.lines().map(esc).collect();
            format!(
                "<p style=\"margin:0 0 12px 0;{FONT}font-size:15px;line-height:22px;color:{TEXT};\">{}</p>",
                lines.join("<br>")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One row of a two-column list: a bold heading with lines beneath.
pub fn item(heading: &str, lines: &[String]) -> String {
    let mut s = format!(
        "<tr><td style=\"padding:8px 32px;{FONT}font-size:15px;line-height:22px;color:{TEXT};border-bottom:1px solid #e3e8e5;\"><strong style=\"{FONT}color:{TEXT};\">{}</strong>",
        esc(heading)
    );
    for l in lines.iter().filter(|l| !l.is_empty()) {
        s.push_str(&format!(
            "<br><span style=\"{FONT}font-size:14px;color:{MUTED};\">{}</span>",
            esc(l)
        ));
    }
    s.push_str("</td></tr>\n");
    s
}

/// The programme's logo as a data URI and its width in pixels (56 px high).
pub fn logo_data_uri(conn: &Connection) -> Result<Option<(String, u32)>> {
    let p = settings::programme(conn)?;
    let Some(logo) = p.logo else { return Ok(None) };
    let Some((mime, bytes)) = settings::image_bytes(conn, &logo.id)? else {
        return Ok(None);
    };
    // 56 px high, at most 240 px wide.
    let width = ((logo.width as u64 * 56) / (logo.height.max(1) as u64)).clamp(1, 240) as u32;
    Ok(Some((
        format!(
            "data:{mime};base64,{}",
            base64::engine::general_purpose::STANDARD.encode(bytes)
        ),
        width,
    )))
}

struct Parts<'a> {
    programme: String,
    municipality: String,
    from: NaiveDate,
    to: NaiveDate,
    stories: &'a [StoryInput],
    new_partners: &'a [NewPartner],
    upcoming: &'a [EventSummary],
    grants: &'a [GrantedActivity],
}

fn period_text(from: NaiveDate, to: NaiveDate) -> String {
    format!("{} – {}", long_da(from), long_da(to))
}

/// The start of an Outlook-safe e-mail (the newsletter, the welcome
/// e-mail): the document head, the 600 px table and its header with the
/// logo, municipality, programme and `kicker` line. Close with [`mail_close`].
pub fn mail_open(
    title: &str,
    logo: Option<(String, u32)>,
    municipality: &str,
    programme: &str,
    kicker: &str,
) -> String {
    let mut b = String::new();
    b.push_str("<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n");
    b.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    b.push_str(&format!("<title>{}</title>\n</head>\n", esc(title)));
    b.push_str("<body style=\"margin:0;padding:0;background-color:#f3f5f4;\">\n");
    b.push_str("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background-color:#f3f5f4;\">\n<tr><td align=\"center\" style=\"padding:24px 12px;\">\n");
    b.push_str("<table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width:600px;max-width:600px;background-color:#ffffff;border:1px solid #d9e0dc;\">\n");
    // Header: logo and programme.
    b.push_str(&format!(
        "<tr><td style=\"padding:24px 32px 16px 32px;border-bottom:4px solid {GREEN};{FONT}\">"
    ));
    if let Some((uri, width)) = logo {
        b.push_str(&format!(
            "<img src=\"{}\" width=\"{width}\" alt=\"{}\" style=\"display:block;border:0;margin:0 0 12px 0;\">",
            esc(&uri),
            esc(programme)
        ));
    }
    if !municipality.is_empty() {
        b.push_str(&format!(
            "<p style=\"margin:0;{FONT}font-size:13px;line-height:18px;color:{MUTED};\">{}</p>",
            esc(municipality)
        ));
    }
    b.push_str(&format!(
        "<h1 style=\"margin:0;{FONT}font-size:24px;line-height:30px;color:{TEXT};font-weight:bold;\">{}</h1>",
        esc(programme)
    ));
    b.push_str(&format!(
        "<p style=\"margin:4px 0 0 0;{FONT}font-size:14px;line-height:20px;color:{MUTED};\">{}</p>",
        esc(kicker)
    ));
    b.push_str("</td></tr>\n");
    b
}

/// The end of an e-mail begun with [`mail_open`]: a small print line
/// (`footer`, escaped here) and the closing tags.
pub fn mail_close(mut b: String, footer: &str) -> String {
    b.push_str(&format!(
        "<tr><td style=\"padding:24px 32px;{FONT}font-size:12px;line-height:18px;color:{MUTED};border-top:1px solid #d9e0dc;\">{}</td></tr>\n",
        esc(footer)
    ));
    b.push_str("</table>\n</td></tr>\n</table>\n</body>\n</html>\n");
    b
}

fn render_html(p: &Parts<'_>, logo: Option<(String, u32)>, subject: &str) -> String {
    let kicker = format!("Nyhedsbrev · {}", period_text(p.from, p.to));
    let mut b = mail_open(subject, logo, &p.municipality, &p.programme, &kicker);

    for s in p.stories {
        if !s.title.is_empty() {
            b.push_str(&h2(&s.title));
        }
        b.push_str(&format!(
            "<tr><td style=\"padding:8px 32px 0 32px;{FONT}\">{}</td></tr>\n",
            paragraphs(&s.body)
        ));
    }
    if !p.new_partners.is_empty() {
        b.push_str(&h2("Velkommen til nye partnere"));
        for np in p.new_partners {
            let mut lines = vec![format!("{} · tilmeldt {}", np.kind, date_da(&np.joined_on))];
            if !np.initiative.is_empty() {
                lines.push(np.initiative.clone());
            }
            if !np.goals.is_empty() {
                lines.push(format!("Målsætninger: {}", np.goals.join(", ")));
            }
            b.push_str(&item(&np.name, &lines));
        }
    }
    if !p.upcoming.is_empty() {
        b.push_str(&h2("Kommende arrangementer"));
        for e in p.upcoming {
            let mut lines = vec![event_when(e)];
            if !e.place.is_empty() {
                lines.push(e.place.clone());
            }
            b.push_str(&item(&e.title, &lines));
        }
    }
    if !p.grants.is_empty() {
        b.push_str(&h2("Bevilgede aktiviteter fra puljen"));
        for g in p.grants {
            let mut lines = Vec::new();
            if let Some(name) = &g.partner {
                lines.push(name.clone());
            }
            lines.push(format!(
                "{} · bevilget {}",
                format_ore(g.granted_ore),
                date_da(&g.decided_on)
            ));
            b.push_str(&item(&g.purpose, &lines));
        }
    }
    mail_close(
        b,
        &format!(
            "Du modtager dette nyhedsbrev, fordi din organisation er partner i {} og har sagt ja til at få e-mails. Skriv til os, hvis du ikke længere vil have nyhedsbrevet.",
            p.programme
        ),
    )
}

/// A plain-text heading underlined with `c`.
pub fn underline(title: &str, c: char) -> String {
    format!("{title}\n{}\n", c.to_string().repeat(title.chars().count()))
}

fn render_text(p: &Parts<'_>) -> String {
    let mut t = String::new();
    if !p.municipality.is_empty() {
        t.push_str(&format!("{}\n", p.municipality));
    }
    t.push_str(&underline(&p.programme, '='));
    t.push_str(&format!("Nyhedsbrev · {}\n", period_text(p.from, p.to)));
    for s in p.stories {
        t.push('\n');
        if !s.title.is_empty() {
            t.push_str(&underline(&s.title, '-'));
        }
        t.push_str(s.body.trim());
        t.push('\n');
    }
    if !p.new_partners.is_empty() {
        t.push('\n');
        t.push_str(&underline("Velkommen til nye partnere", '-'));
        for np in p.new_partners {
            t.push_str(&format!(
                "* {} ({}, tilmeldt {})\n",
                np.name,
                np.kind,
                date_da(&np.joined_on)
            ));
            if !np.initiative.is_empty() {
                t.push_str(&format!("  {}\n", np.initiative));
            }
        }
    }
    if !p.upcoming.is_empty() {
        t.push('\n');
        t.push_str(&underline("Kommende arrangementer", '-'));
        for e in p.upcoming {
            t.push_str(&format!("* {}: {}\n", event_when(e), e.title));
            if !e.place.is_empty() {
                t.push_str(&format!("  {}\n", e.place));
            }
        }
    }
    if !p.grants.is_empty() {
        t.push('\n');
        t.push_str(&underline("Bevilgede aktiviteter fra puljen", '-'));
        for g in p.grants {
            match &g.partner {
                Some(name) => t.push_str(&format!(
                    "* {} ({name}): {}\n",
                    g.purpose,
                    format_ore(g.granted_ore)
                )),
                None => t.push_str(&format!("* {}: {}\n", g.purpose, format_ore(g.granted_ore))),
            }
        }
    }
    t.push_str(&format!(
        "\n--\nDu modtager dette nyhedsbrev, fordi din organisation er partner i {} og har sagt ja til at få e-mails.\n",
        p.programme
    ));
    t
}

/// Gathers and renders the newsletter for the input's period.
pub fn build(conn: &Connection, input: &NewsletterInput) -> Result<Newsletter> {
    let (from, to, stories) = validate_input(input)?;
    let programme = settings::programme(conn)?;
    let name = if programme.name.trim().is_empty() {
        "Sund By Partner".to_string()
    } else {
        programme.name.clone()
    };
    let new_partners = new_partners(conn, from, to)?;
    let upcoming = upcoming(conn, to)?;
    let grants = granted(conn, from, to)?;
    let recipients = recipients(conn)?;
    let subject = format!("Nyhedsbrev fra {name} · {}", period_text(from, to));
    let parts = Parts {
        programme: name,
        municipality: programme.municipality.clone(),
        from,
        to,
        stories: &stories,
        new_partners: &new_partners,
        upcoming: &upcoming,
        grants: &grants,
    };
    let html = render_html(&parts, logo_data_uri(conn)?, &subject);
    let text = render_text(&parts);
    let bcc = recipients
        .iter()
        .map(|r| r.email.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    let mut csv = String::from("Partner;Kontaktperson;E-mail\r\n");
    for r in &recipients {
        csv.push_str(&format!(
            "{};{};{}\r\n",
            csv_field(&r.partner),
            csv_field(&r.name),
            csv_field(&r.email)
        ));
    }
    Ok(Newsletter {
        period_from: from,
        period_to: to,
        subject,
        new_partners,
        upcoming,
        grants_available: true,
        grants,
        stories,
        recipients,
        html,
        text,
        bcc,
        csv,
    })
}

/// The recipients' CSV as saved: with a UTF-8 byte order mark, so Danish
/// Excel shows æ, ø and å (the window and the CLI save these same bytes).
pub fn csv_bytes(n: &Newsletter) -> Vec<u8> {
    let mut csv = Vec::with_capacity(n.csv.len() + 3);
    csv.extend_from_slice(b"\xEF\xBB\xBF");
    csv.extend_from_slice(n.csv.as_bytes());
    csv
}

/// The stem newsletter files are saved under: "Nyhedsbrev 2026-11-01 til 2026-12-31".
pub fn file_stem(n: &Newsletter) -> String {
    format!(
        "Nyhedsbrev {} til {}",
        n.period_from.format("%Y-%m-%d"),
        n.period_to.format("%Y-%m-%d")
    )
}

/// Builds the newsletter and saves its HTML, plain text and recipients'
/// CSV under one name at `target` (with [`Target::Exact`] the path is the
/// HTML's; the text and CSV go beside it). Returns the newsletter and the
/// three paths.
pub fn save(
    conn: &Connection,
    input: &NewsletterInput,
    target: &Target,
) -> Result<(Newsletter, Vec<PathBuf>)> {
    let n = build(conn, input)?;
    let csv = csv_bytes(&n);
    let parts = [
        Part {
            ext: "html",
            bytes: n.html.as_bytes(),
        },
        Part {
            ext: "txt",
            bytes: n.text.as_bytes(),
        },
        Part {
            ext: "csv",
            bytes: &csv,
        },
    ];
    let paths = files::save_parts(conn, DocKind::Newsletters, target, &file_stem(&n), &parts)?;
    Ok((n, paths))
}

/// Records that the newsletter for this period was sent today, with its
/// recipient count.
pub fn record(
    conn: &Connection,
    input: &NewsletterInput,
    today: NaiveDate,
) -> Result<NewsletterIssue> {
    let n = build(conn, input)?;
    let id = new_id();
    let stories = serde_json::to_string(&n.stories).map_err(|e| EventsError::Pdf(e.to_string()))?;
    let ts = now();
    conn.execute(
        "INSERT INTO newsletters (id, period_from, period_to, issued_on, recipient_count, stories, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            id,
            iso(n.period_from),
            iso(n.period_to),
            iso(today),
            n.recipients.len() as i64,
            stories,
            ts
        ],
    )?;
    // The draft has gone out: the next issue starts empty.
    settings::set_pref(conn, DRAFT_KEY, "")?;
    Ok(NewsletterIssue {
        id,
        period_from: iso(n.period_from),
        period_to: iso(n.period_to),
        issued_on: iso(today),
        recipient_count: n.recipients.len() as i64,
    })
}

/// Every issue sent, newest first.
pub fn issues(conn: &Connection) -> Result<Vec<NewsletterIssue>> {
    let mut stmt = conn.prepare(
        "SELECT id, period_from, period_to, issued_on, recipient_count FROM newsletters
         ORDER BY period_to DESC, created_at DESC",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(NewsletterIssue {
                id: r.get(0)?,
                period_from: r.get(1)?,
                period_to: r.get(2)?,
                issued_on: r.get(3)?,
                recipient_count: r.get(4)?,
            })
        })?
        .collect::<std::result::Result<_, _>>()?;
    Ok(rows)
}

/// The period to offer: the day after the last issue's period, two months
/// long; before any issue, last month and this month.
pub fn suggest_period(conn: &Connection, today: NaiveDate) -> Result<Period> {
    let last: Option<String> =
        conn.query_row("SELECT max(period_to) FROM newsletters", [], |r| r.get(0))?;
    let from = match last.as_deref().and_then(dates::parse) {
        Some(d) => d + Days::new(1),
        None => {
            let first = today.with_day(1).unwrap_or(today);
            first - Months::new(1)
        }
    };
    let to = from + Months::new(2) - Days::new(1);
    Ok(Period { from, to })
}

/// Whether the next issue is due: the newsletter goes out every second
/// month, so it is due two months after the last issue was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct NextIssue {
    /// The day the last issue was made, if any.
    pub last_issued_on: Option<NaiveDate>,
    /// Two months after it (none before the first issue).
    pub due_on: Option<NaiveDate>,
    /// Due now: no issue was ever made, or two months have passed.
    pub due: bool,
}

/// The rule of [`next_issue`], on the last issue's date.
pub fn next_issue_after(last_issued_on: Option<NaiveDate>, today: NaiveDate) -> NextIssue {
    let due_on = last_issued_on.map(|d| d + Months::new(2));
    NextIssue {
        last_issued_on,
        due_on,
        due: due_on.is_none_or(|d| d <= today),
    }
}

/// Whether the next newsletter is due on `today`.
pub fn next_issue(conn: &Connection, today: NaiveDate) -> Result<NextIssue> {
    let last: Option<String> =
        conn.query_row("SELECT max(issued_on) FROM newsletters", [], |r| r.get(0))?;
    Ok(next_issue_after(
        last.as_deref().and_then(dates::parse_iso),
        today,
    ))
}

const DRAFT_KEY: &str = "newsletter_draft";

/// Keeps what the consultant has typed so far (nothing typed is lost).
pub fn save_draft(conn: &Connection, input: &NewsletterInput) -> Result<()> {
    let json = serde_json::to_string(input).map_err(|e| EventsError::Pdf(e.to_string()))?;
    settings::set_pref(conn, DRAFT_KEY, &json)?;
    Ok(())
}

/// The draft saved last, if any.
pub fn draft(conn: &Connection) -> Result<Option<NewsletterInput>> {
    Ok(settings::pref(conn, DRAFT_KEY)?
        .filter(|s| !s.is_empty())
        .and_then(|s| serde_json::from_str(&s).ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_issue_is_due_two_months_after_the_last() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert!(next_issue_after(None, d(2026, 1, 1)).due);
        let n = next_issue_after(Some(d(2026, 9, 30)), d(2026, 11, 29));
        assert_eq!((n.due, n.due_on), (false, Some(d(2026, 11, 30))));
        assert!(next_issue_after(Some(d(2026, 9, 30)), d(2026, 11, 30)).due);
        // The end of a short month: 31 December + 2 months is 28 February.
        assert_eq!(
            next_issue_after(Some(d(2026, 12, 31)), d(2027, 1, 1)).due_on,
            Some(d(2027, 2, 28))
        );
    }
    use crate::events::store::tests::{meeting, partner};
    use crate::store::Store;

    fn d(s: &str) -> NaiveDate {
        dates::parse(s).unwrap()
    }

    fn join(conn: &Connection, id: &str, on: &str, public: bool, email: Option<&str>) {
        conn.execute(
            "UPDATE partners SET joined_on = ?2, consent_public = ?3, consent_email = ?4 WHERE id = ?1",
            params![id, on, public, email.is_some()],
        )
        .unwrap();
        if let Some(e) = email {
            conn.execute(
                "INSERT INTO contacts (id, partner_id, name, email, is_primary, created_at, updated_at)
                 VALUES (?1, ?2, 'Kontakt', ?3, 1, 'x', 'x')",
                params![new_id(), id, e],
            )
            .unwrap();
        }
    }

    fn input(from: &str, to: &str) -> NewsletterInput {
        NewsletterInput {
            from: from.into(),
            to: to.into(),
            stories: vec![],
        }
    }

    #[test]
    fn gathering_respects_consent_and_period() {
        let mut s = Store::open_in_memory().unwrap();
        let a = partner(&s.conn, "Navngivet i perioden", "aktiv");
        let b = partner(&s.conn, "Hemmelig i perioden", "aktiv");
        let c = partner(&s.conn, "Navngivet før perioden", "aktiv");
        join(&s.conn, &a, "2026-09-15", true, Some("a@x.dk"));
        join(&s.conn, &b, "2026-09-20", false, None);
        join(&s.conn, &c, "2026-08-31", true, Some("c@x.dk"));
        save_event(&mut s, "Efterårsmøde", "2026-11-10");
        save_event(&mut s, "Sommermøde", "2026-07-01");
        let n = build(&s.conn, &input("01.09.2026", "31.10.2026")).unwrap();
        let names: Vec<_> = n.new_partners.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Navngivet i perioden"]);
        assert!(!n.html.contains("Hemmelig"));
        assert!(!n.text.contains("Hemmelig"));
        assert_eq!(n.upcoming.len(), 1);
        assert!(n.html.contains("Efterårsmøde"));
        assert!(!n.html.contains("Sommermøde"));
        assert_eq!(n.bcc, "c@x.dk; a@x.dk");
        // Nothing granted in the period.
        assert!(n.grants_available && n.grants.is_empty());
    }

    fn save_event(s: &mut Store, title: &str, date: &str) {
        store::save(&mut s.conn, &meeting(title, date)).unwrap();
    }

    #[test]
    fn user_text_cannot_inject_markup() {
        let s = Store::open_in_memory().unwrap();
        let a = partner(&s.conn, "<script>alert(1)</script> & Co", "aktiv");
        join(&s.conn, &a, "2026-09-15", true, None);
        let mut i = input("2026-09-01", "2026-10-31");
        i.stories.push(StoryInput {
            title: "<b>Fed</b> \"overskrift\"".into(),
            body: "Linje 1\n<img src=x onerror=alert(1)>\n\nAfsnit 2".into(),
        });
        let n = build(&s.conn, &i).unwrap();
        assert!(!n.html.contains("<script>"));
        assert!(!n.html.contains("<img src=x"));
        assert!(!n.html.contains("<b>Fed"));
        assert!(n
            .html
            .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
        assert!(n
            .html
            .contains("&lt;b&gt;Fed&lt;/b&gt; &quot;overskrift&quot;"));
        assert!(n
            .html
            .contains("Linje 1<br>&lt;img src=x onerror=alert(1)&gt;"));
        // The plain-text version is plain: user text as typed.
        assert!(n.text.contains("<b>Fed</b>"));
    }

    #[test]
    fn granted_activities_come_from_the_grants_area() {
        let s = Store::open_in_memory().unwrap();
        let a = partner(&s.conn, "Idrætsforeningen", "aktiv");
        let b = partner(&s.conn, "Anonym forening", "aktiv");
        join(&s.conn, &a, "2020-01-01", true, None);
        // A pool and applications (the grants area's tables, migration 004).
        s.conn
            .execute(
                "INSERT INTO grant_pools (year, total_ore, max_per_application_ore, created_at, updated_at)
                 VALUES (2026, 10000000, 500000, 'x', 'x')",
                [],
            )
            .unwrap();
        let ins = |pid: &str, purpose: &str, status: &str, on: &str, ore: Option<i64>| {
            let paid = (status == "udbetalt").then_some(on);
            s.conn
                .execute(
                    "INSERT INTO grant_applications (id, year, partner_id, received_on, purpose,
                        requested_ore, status, decided_on, granted_ore, paid_on, created_at, updated_at)
                     VALUES (?1, 2026, ?2, '2026-01-05', ?3, 500000, ?4, ?5, ?6, ?7, 'x', 'x')",
                    params![new_id(), pid, purpose, status, on, ore, paid],
                )
                .unwrap();
        };
        ins(&a, "Motionsdag", "bevilget", "2026-09-10", Some(500_000));
        ins(&b, "Madkursus", "udbetalt", "2026-10-01", Some(250_000));
        ins(&a, "Afslået idé", "afslaaet", "2026-09-10", None);
        ins(
            &a,
            "Gammel bevilling",
            "bevilget",
            "2026-05-10",
            Some(100_000),
        );
        let n = build(&s.conn, &input("2026-09-01", "2026-10-31")).unwrap();
        assert!(n.grants_available);
        let g: Vec<_> = n
            .grants
            .iter()
            .map(|g| (g.purpose.as_str(), g.partner.as_deref()))
            .collect();
        assert_eq!(
            g,
            [
                ("Motionsdag", Some("Idrætsforeningen")),
                ("Madkursus", None)
            ]
        );
        assert!(n.html.contains("5.000,00 kr."));
        assert!(!n.html.contains("Anonym forening"));
    }

    #[test]
    fn recipients_are_primary_contacts_who_consented_each_once() {
        let s = Store::open_in_memory().unwrap();
        let a = partner(&s.conn, "Alfa", "aktiv");
        let b = partner(&s.conn, "Beta", "aktiv");
        let c = partner(&s.conn, "=Gamma", "aktiv");
        join(&s.conn, &a, "2020-01-01", false, Some("fælles@x.dk"));
        join(&s.conn, &b, "2020-01-01", false, Some("FÆLLES@x.dk"));
        join(&s.conn, &c, "2020-01-01", false, Some("g@x.dk"));
        // A non-primary contact and a partner without consent get nothing.
        s.conn
            .execute(
                "INSERT INTO contacts (id, partner_id, name, email, is_primary, created_at, updated_at)
                 VALUES ('k2', ?1, 'Anden', 'anden@x.dk', 0, 'x', 'x')",
                [&a],
            )
            .unwrap();
        let r = recipients(&s.conn).unwrap();
        let emails: Vec<_> = r.iter().map(|r| r.email.as_str()).collect();
        // "=gamma" sorts before "alfa" by its sort key.
        assert_eq!(emails, ["g@x.dk", "fælles@x.dk"]);
        let n = build(&s.conn, &input("2026-01-01", "2026-02-28")).unwrap();
        assert!(n.csv.starts_with("Partner;Kontaktperson;E-mail\r\n"));
        assert!(n.csv.contains("'=Gamma;Kontakt;g@x.dk"));
    }

    #[test]
    fn the_next_issue_starts_where_the_last_ended() {
        let s = Store::open_in_memory().unwrap();
        let p = suggest_period(&s.conn, d("2026-11-24")).unwrap();
        assert_eq!((p.from, p.to), (d("2026-10-01"), d("2026-11-30")));
        let issue = record(&s.conn, &input("2026-09-01", "2026-10-31"), d("2026-11-02")).unwrap();
        assert_eq!(issue.recipient_count, 0);
        let p = suggest_period(&s.conn, d("2026-11-24")).unwrap();
        assert_eq!((p.from, p.to), (d("2026-11-01"), d("2026-12-31")));
        assert_eq!(issues(&s.conn).unwrap().len(), 1);
    }

    #[test]
    fn a_draft_survives_and_is_cleared_when_sent() {
        let s = Store::open_in_memory().unwrap();
        let mut i = input("2026-09-01", "2026-10-31");
        i.stories.push(StoryInput {
            title: "Ny løbeklub".into(),
            body: "Tekst".into(),
        });
        save_draft(&s.conn, &i).unwrap();
        assert_eq!(draft(&s.conn).unwrap(), Some(i.clone()));
        record(&s.conn, &i, d("2026-11-01")).unwrap();
        assert_eq!(draft(&s.conn).unwrap(), None);
    }

    #[test]
    fn period_is_validated() {
        let e = validate_input(&input("", "2026-10-31")).unwrap_err();
        assert_eq!((e.field, e.problem), ("newsletter_from", Problem::Required));
        let e = validate_input(&input("2026-11-01", "2026-10-31")).unwrap_err();
        assert_eq!(
            (e.field, e.problem),
            ("newsletter_to", Problem::EndBeforeStart)
        );
    }
}
