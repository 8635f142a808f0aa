//! The Overblik as plain text, for `sundby today` (a morning script or a
//! check): one heading per part, one line per thing to do, and what is good
//! when a part is empty.

use super::{GrantLine, Overview, PartnerList};
use crate::dates;
use crate::i18n::Lang;
use crate::money::format_ore;
use std::fmt::Write;

fn da_en(lang: Lang, da: &str, en: &str) -> String {
    match lang {
        Lang::Da => da.to_string(),
        Lang::En => en.to_string(),
    }
}

fn names(list: &PartnerList) -> String {
    let shown: Vec<&str> = list.first.iter().map(|p| p.name.as_str()).collect();
    let mut s = shown.join(", ");
    if list.count > shown.len() {
        let _ = write!(s, " …");
    }
    s
}

fn grant(out: &mut String, g: &GrantLine, tail: &str) {
    let _ = writeln!(
        out,
        "  - {} — {} ({}){tail}",
        g.partner_name,
        g.application.purpose,
        format_ore(
            g.application
                .granted_ore
                .unwrap_or(g.application.requested_ore)
        )
    );
}

/// The whole page as text in `lang`.
pub fn text(o: &Overview, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {}\n",
        da_en(lang, "Overblik", "Overview"),
        dates::long(o.today, lang)
    );

    let _ = writeln!(out, "{}", da_en(lang, "Opfølgninger", "Follow-ups"));
    if o.follow_ups.count == 0 {
        let _ = writeln!(
            out,
            "  {}",
            da_en(lang, "Ingen opfølgninger i dag", "No follow-ups today")
        );
    } else {
        let _ = writeln!(
            out,
            "  {} {}, {} {}",
            o.follow_ups.count,
            da_en(lang, "i alt", "in all"),
            o.follow_ups.overdue,
            da_en(lang, "forfaldne", "overdue")
        );
    }
    for f in &o.follow_ups.first {
        let when = if f.follow_up.due_on < o.today {
            match lang {
                Lang::Da => format!("forfalden siden {}", dates::short(f.follow_up.due_on)),
                Lang::En => format!("overdue since {}", dates::short(f.follow_up.due_on)),
            }
        } else {
            da_en(lang, "i dag", "today")
        };
        let _ = writeln!(out, "  - {}: {} ({when})", f.partner_name, f.follow_up.text);
    }
    let more = o.follow_ups.count.saturating_sub(o.follow_ups.first.len());
    if more > 0 {
        let _ = writeln!(out, "  … {more} {}", da_en(lang, "flere", "more"));
    }

    let _ = writeln!(out, "\n{}", da_en(lang, "Diplomer", "Diplomas"));
    if o.diploma_queue.count == 0 {
        let _ = writeln!(
            out,
            "  {}",
            da_en(
                lang,
                "Ingen partnere venter på et diplom",
                "No partner is waiting for a diploma"
            )
        );
    } else {
        let _ = writeln!(
            out,
            "  {} {}: {}",
            o.diploma_queue.count,
            da_en(lang, "venter på et diplom", "waiting for a diploma"),
            names(&o.diploma_queue)
        );
    }
    match &o.next_ceremony {
        Some(c) => {
            let _ = writeln!(
                out,
                "  {} {}, {}",
                da_en(lang, "Næste overrækkelse:", "Next ceremony:"),
                dates::long(c.held_on, lang),
                c.place
            );
        }
        None => {
            let _ = writeln!(
                out,
                "  {}",
                da_en(lang, "Ingen overrækkelse planlagt", "No ceremony planned")
            );
        }
    }

    let _ = writeln!(out, "\n{}", da_en(lang, "Puljen", "Grant pool"));
    if o.grants_awaiting.is_empty() && o.reports_missing.is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            da_en(
                lang,
                "Ingen ansøgninger venter, ingen rapporter mangler",
                "No applications waiting, no reports missing"
            )
        );
    }
    for g in &o.grants_awaiting {
        grant(
            &mut out,
            g,
            &da_en(lang, ": venter på afgørelse", ": waiting for a decision"),
        );
    }
    for g in &o.reports_missing {
        let due = g
            .application
            .report_due_on
            .map(dates::short)
            .unwrap_or_default();
        let tail = match lang {
            Lang::Da => format!(": rapport mangler (forventet {due})"),
            Lang::En => format!(": report missing (expected {due})"),
        };
        grant(&mut out, g, &tail);
    }
    match &o.pool {
        Some(p) => {
            let _ = writeln!(
                out,
                "  {} {}: {}",
                da_en(lang, "Tilbage i puljen", "Remaining in the pool"),
                p.year,
                format_ore(p.remaining_ore)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "  {}",
                da_en(lang, "Ingen pulje i år", "No pool this year")
            );
        }
    }

    let _ = writeln!(
        out,
        "\n{}",
        da_en(
            lang,
            "Arrangementer de næste 30 dage",
            "Events in the next 30 days"
        )
    );
    if o.events.is_empty() {
        let _ = writeln!(out, "  {}", da_en(lang, "Ingen arrangementer", "No events"));
    }
    for e in &o.events {
        let day = dates::parse_iso(e.starts_at.get(..10).unwrap_or(""))
            .map(dates::short)
            .unwrap_or_default();
        let time = e.starts_at.get(11..16).unwrap_or("");
        let _ = writeln!(
            out,
            "  - {day} {time} {}: {} {}, {} {}",
            e.title,
            e.signed_up,
            da_en(lang, "tilmeldt", "signed up"),
            e.invited,
            da_en(lang, "inviteret", "invited")
        );
    }

    let _ = writeln!(out, "\n{}", da_en(lang, "Nyhedsbrev", "Newsletter"));
    let n = &o.newsletter;
    let line = match (n.due, n.last_issued_on, lang) {
        (true, None, Lang::Da) => "Nyhedsbrevet er ikke sendt endnu: tid til det første".into(),
        (true, None, Lang::En) => "No newsletter sent yet: time for the first".into(),
        (true, Some(d), Lang::Da) => format!("Tid til nyhedsbrevet (sidst {})", dates::short(d)),
        (true, Some(d), Lang::En) => format!("Newsletter due (last {})", dates::short(d)),
        (false, _, Lang::Da) => format!(
            "Næste nyhedsbrev {}",
            n.due_on.map(dates::short).unwrap_or_default()
        ),
        (false, _, Lang::En) => format!(
            "Next newsletter {}",
            n.due_on.map(dates::short).unwrap_or_default()
        ),
    };
    let _ = writeln!(out, "  {line}");

    let _ = writeln!(out, "\n{}", da_en(lang, "Rekruttering", "Recruitment"));
    let _ = match lang {
        Lang::Da => writeln!(
            out,
            "  {} interesserede, {} uden næste opfølgning",
            o.leads.count, o.leads.without_follow_up
        ),
        Lang::En => writeln!(
            out,
            "  {} interested, {} without a next follow-up",
            o.leads.count, o.leads.without_follow_up
        ),
    };

    let _ = writeln!(
        out,
        "\n{}",
        da_en(lang, "Data at udfylde", "Data to complete")
    );
    if o.incomplete.count == 0 && o.no_email_consent.count == 0 {
        let _ = writeln!(
            out,
            "  {}",
            da_en(
                lang,
                "Alle aktive partnere er udfyldt",
                "Every active partner is complete"
            )
        );
    }
    if o.incomplete.count > 0 {
        let _ = writeln!(
            out,
            "  {} {}: {}",
            o.incomplete.count,
            da_en(
                lang,
                "aktive uden målsætning eller initiativ",
                "active without goal or initiative"
            ),
            names(&o.incomplete)
        );
    }
    if o.no_email_consent.count > 0 {
        let _ = writeln!(
            out,
            "  {} {}: {}",
            o.no_email_consent.count,
            da_en(
                lang,
                "med e-mailadresse men uden samtykke til e-mail",
                "with an e-mail address but no e-mail consent"
            ),
            names(&o.no_email_consent)
        );
    }
    out
}
