//! The Overblik on an empty programme (every part says what is good) and
//! on the demo (every part has something, each line with its link).

use super::*;
use crate::store::Store;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 12, 2)
        .unwrap()
        .and_hms_opt(8, 0, 0)
        .unwrap()
}

#[test]
fn an_empty_programme_says_what_is_good() {
    let s = Store::open_in_memory().unwrap();
    let o = overview(&s.conn, now(), Lang::Da).unwrap();
    assert_eq!(o.follow_ups.count, 0);
    assert!(o.follow_ups.first.is_empty());
    assert_eq!(o.diploma_queue.count, 0);
    assert!(o.next_ceremony.is_none());
    assert!(o.pool.is_none());
    // No issue was ever made: the first is due.
    assert!(o.newsletter.due);
    let t = text::text(&o, Lang::Da);
    assert!(t.contains("Ingen opfølgninger i dag"), "{t}");
    assert!(t.contains("Ingen overrækkelse planlagt"), "{t}");
    assert!(text::text(&o, Lang::En).contains("No follow-ups today"));
}

#[test]
fn the_demo_fills_every_part_and_each_line_links_to_its_place() {
    let mut s = Store::open_in_memory().unwrap();
    crate::demo::load(&mut s.conn, now().date()).unwrap();
    let o = overview(&s.conn, now(), Lang::Da).unwrap();
    assert!(!o.follow_ups.first.is_empty());
    assert!(o
        .follow_ups
        .first
        .iter()
        .all(|f| f.link.starts_with("#/partnere/") && f.follow_up.state.needs_attention()));
    assert_eq!(o.diploma_queue.count, crate::demo::areas::WAITING);
    let c = o.next_ceremony.as_ref().unwrap();
    assert_eq!(c.held_on, now().date() + Days::new(24));
    assert_eq!(o.grants_awaiting.len(), 2);
    assert!(o.grants_awaiting.iter().all(|g| !g.partner_name.is_empty()));
    assert_eq!(o.reports_missing.len(), 1);
    assert!(o.reports_missing[0]
        .application
        .link
        .starts_with("#/pulje/"));
    // Within 30 days: the network meeting, the yoga and the ceremony invitation.
    assert_eq!(o.events.len(), 3, "{:?}", o.events);
    assert!(o.events.iter().any(|e| e.signed_up > 0));
    assert!(o
        .events
        .iter()
        .all(|e| e.link.starts_with("#/arrangementer/")));
    // The last issue went out seven weeks ago: not due yet.
    assert!(!o.newsletter.due);
    assert!(o.pool.as_ref().unwrap().remaining_ore > 0);
    assert!(o.leads.count > 0 && o.leads.without_follow_up > 0);
    assert!(o.no_email_consent.count > 0);
    let t = text::text(&o, Lang::Da);
    for part in [
        "Opfølgninger",
        "Diplomer",
        "Puljen",
        "Arrangementer",
        "Nyhedsbrev",
        "Rekruttering",
    ] {
        assert!(t.contains(part), "{part} missing in\n{t}");
    }
    assert!(t.contains("forfalden siden"), "{t}");
}

/// The page's bounded reads (count and first lines) say the same as the
/// areas' whole lists, so the start page never shows other numbers than the
/// lists it links to.
#[test]
fn the_bounded_parts_agree_with_the_whole_lists() {
    let mut s = Store::open_in_memory().unwrap();
    let today = now().date();
    crate::demo::load(&mut s.conn, today).unwrap();
    // A lead and a waiting partner in the bin, with an open follow-up: left
    // out of every count as of the lists.
    let queue = diploma::store::queue(&s.conn).unwrap();
    let leads = activities::pipeline(&s.conn, today).unwrap();
    let due = activities::due(&s.conn, today).unwrap();
    let binned_lead = leads
        .iter()
        .find(|l| l.next_follow_up_on.is_some())
        .unwrap()
        .partner_id
        .clone();
    let binned_due = due[0].follow_up.partner_id.clone();
    for id in [&binned_lead, &binned_due, &queue[0].partner_id] {
        partners::delete(&s.conn, id).unwrap();
    }
    let o = overview(&s.conn, now(), Lang::Da).unwrap();

    let queue = diploma::store::queue(&s.conn).unwrap();
    assert_eq!(o.diploma_queue.count, queue.len());
    let named: Vec<&str> = o
        .diploma_queue
        .first
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    let whole: Vec<&str> = queue
        .iter()
        .take(SHOWN)
        .map(|q| q.partner_id.as_str())
        .collect();
    assert_eq!(named, whole);

    let due = activities::due(&s.conn, today).unwrap();
    assert_eq!(o.follow_ups.count, due.len());
    assert_eq!(
        o.follow_ups.overdue,
        due.iter()
            .filter(|f| f.follow_up.state == activities::FollowUpState::Overdue)
            .count()
    );
    assert!(o.follow_ups.overdue > 0 && o.follow_ups.overdue < o.follow_ups.count);
    let head = activities::due_head(&s.conn, today, 3).unwrap();
    assert_eq!(head.first, due.iter().take(3).cloned().collect::<Vec<_>>());
    assert!(due.iter().all(|f| f.follow_up.partner_id != binned_due));

    let leads = activities::pipeline(&s.conn, today).unwrap();
    assert_eq!(o.leads.count, leads.len());
    assert_eq!(
        o.leads.without_follow_up,
        leads
            .iter()
            .filter(|l| l.next_follow_up_on.is_none())
            .count()
    );
    assert_eq!(
        o.leads.first,
        leads.iter().take(SHOWN).cloned().collect::<Vec<_>>()
    );
    assert!(leads.iter().all(|l| l.partner_id != binned_lead));
}
