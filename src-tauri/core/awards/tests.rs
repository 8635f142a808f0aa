//! Unit tests of the awards area on an in-memory store.

use super::*;
use crate::i18n::Localize;
use crate::store::{new_id, now, Store};
use rusqlite::{params, Connection};

fn partner(conn: &Connection, name: &str, kind: &str) -> String {
    let id = new_id();
    conn.execute(
        "INSERT INTO partners (id, name, name_key, sort_key, kind, status, created_at, updated_at)
         VALUES (?1, ?2, lower(?2), lower(?2), ?3, 'aktiv', ?4, ?4)",
        params![id, name, kind, now()],
    )
    .unwrap();
    id
}

struct Fixture {
    store: Store,
    round: String,
    committee: String,
    vote: String,
    partners: Vec<String>,
}

fn fixture() -> Fixture {
    let mut store = Store::open_in_memory().unwrap();
    let c = &mut store.conn;
    let round = create_round(
        c,
        &RoundInput {
            name: "Frontløberprisen 2021".into(),
            nomination_deadline: "2021-10-01".into(),
            celebration_on: "2021-11-25".into(),
            celebration_place: "Frederiksberg Rådhus".into(),
            ..RoundInput::default()
        },
    )
    .unwrap()
    .id;
    let prize = |c: &Connection, name: &str, by| {
        save_prize(
            c,
            &PrizeInput {
                id: None,
                round_id: round.clone(),
                name: name.into(),
                decided_by: by,
                description: String::new(),
            },
        )
        .unwrap()
        .id
    };
    let committee = prize(c, "Årets Frontløber", DecidedBy::Committee);
    let vote = prize(c, "Byens Frontløber", DecidedBy::Vote);
    let partners = vec![
        partner(c, "Røde Kors Hovedstaden", "forening"),
        partner(c, "Børnehaven Evigglad", "institution"),
        partner(c, "Åens Løbeklub", "forening"),
    ];
    Fixture {
        store,
        round,
        committee,
        vote,
        partners,
    }
}

fn input(f: &Fixture, partner: usize, title: &str) -> NominationInput {
    NominationInput {
        round_id: f.round.clone(),
        partner_id: f.partners[partner].clone(),
        prize_ids: vec![f.committee.clone(), f.vote.clone()],
        title: title.into(),
        texts: vec!["Én".into(), "To".into(), "Tre".into()],
        consent_catalogue: true,
        consent_vote: true,
        received_on: "2021-09-30".into(),
        ..NominationInput::default()
    }
}

fn nominate_all(f: &mut Fixture) -> Vec<String> {
    let titles = ["Bevægelsesvenner", "Mindfulness til børn", "Løb for alle"];
    (0..3)
        .map(|i| {
            let inp = input(f, i, titles[i]);
            nominate(&mut f.store.conn, &inp).unwrap()
        })
        .collect()
}

fn members(f: &Fixture, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            add_member(
                &f.store.conn,
                &MemberInput {
                    round_id: f.round.clone(),
                    name: format!("Medlem {i}"),
                    role: String::new(),
                },
            )
            .unwrap()
            .id
        })
        .collect()
}

/// Scores every criterion of `nom` by `member` with `score`.
fn score_all(f: &mut Fixture, member: &str, nom: &str, scores: [i64; 3]) {
    let d = round(&f.store.conn, &f.round).unwrap();
    let sheet: Vec<ScoreInput> = d
        .criteria
        .iter()
        .zip(scores)
        .map(|(c, s)| ScoreInput {
            nomination_id: nom.into(),
            member_id: member.into(),
            criterion_id: c.id.clone(),
            score: s.to_string(),
            comment: String::new(),
        })
        .collect();
    set_scores(&mut f.store.conn, &f.round, &sheet).unwrap();
}

#[test]
fn a_new_round_has_the_three_default_criteria() {
    let f = fixture();
    let d = round(&f.store.conn, &f.round).unwrap();
    let texts: Vec<&str> = d.criteria.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, DEFAULT_CRITERIA);
    assert_eq!(d.prizes.len(), 2);
    assert_eq!(d.round.status, RoundStatus::Aaben);
    assert_eq!(
        find_round(&f.store.conn, "frontløberprisen 2021")
            .unwrap()
            .id,
        f.round
    );
}

#[test]
fn ranking_with_ties_spread_and_missing_scores() {
    let mut f = fixture();
    let n = nominate_all(&mut f);
    let m = members(&f, 2);
    score_all(&mut f, &m[0], &n[0], [5, 5, 4]);
    score_all(&mut f, &m[1], &n[0], [3, 3, 4]);
    score_all(&mut f, &m[0], &n[1], [4, 4, 4]);
    score_all(&mut f, &m[1], &n[1], [4, 4, 4]);
    // The third is scored by one member only, highly: its mean counts what was given.
    score_all(&mut f, &m[0], &n[2], [2, 2, 2]);
    let d = round(&f.store.conn, &f.round).unwrap();
    let s = &d.standings[0];
    assert_eq!(s.rows[0].rank, 1);
    assert_eq!(s.rows[1].rank, 1, "24/6 = 24/6: a tie");
    assert!(s.rows[0].tied && s.rows[1].tied);
    assert_eq!(s.leaders.len(), 2);
    let first = s.rows.iter().find(|r| r.nomination_id == n[0]).unwrap();
    assert_eq!(first.total, 24);
    assert_eq!(first.member_totals, vec![Some(14), Some(10)]);
    assert_eq!(first.spread, Some(4));
    let third = s.rows.iter().find(|r| r.nomination_id == n[2]).unwrap();
    assert_eq!(third.rank, 3);
    assert_eq!(third.scores_given, 3);
    assert_eq!(third.member_totals, vec![Some(6), None]);
    assert_eq!(s.missing.len(), 1);
    assert_eq!(s.missing[0].member_id, m[1]);
    assert_eq!(s.missing[0].missing, 3);
    // A tie needs a recorded decision.
    let e = decide(
        &f.store.conn,
        &DecideInput {
            prize_id: f.committee.clone(),
            nomination_id: Some(n[0].clone()),
            reason: String::new(),
        },
    )
    .unwrap_err();
    assert!(matches!(e, AwardError::ReasonRequired { tie: true }));
    let p = decide(
        &f.store.conn,
        &DecideInput {
            prize_id: f.committee.clone(),
            nomination_id: Some(n[0].clone()),
            reason: "Formanden afgjorde stemmeligheden".into(),
        },
    )
    .unwrap();
    assert_eq!(p.winner_basis, Some(Basis::Tie));
    // An override of the ranking needs a reason too.
    let e = decide(
        &f.store.conn,
        &DecideInput {
            prize_id: f.committee.clone(),
            nomination_id: Some(n[2].clone()),
            reason: " ".into(),
        },
    )
    .unwrap_err();
    assert!(matches!(e, AwardError::ReasonRequired { tie: false }));
}

#[test]
fn scores_outside_the_scale_or_not_numbers_are_refused_and_nothing_is_saved() {
    let mut f = fixture();
    let n = nominate_all(&mut f);
    let m = members(&f, 1);
    let d = round(&f.store.conn, &f.round).unwrap();
    let mk = |c: usize, s: &str| ScoreInput {
        nomination_id: n[0].clone(),
        member_id: m[0].clone(),
        criterion_id: d.criteria[c].id.clone(),
        score: s.into(),
        comment: String::new(),
    };
    for bad in ["6", "0", "tre", "2.5"] {
        let e = set_scores(&mut f.store.conn, &f.round, &[mk(0, "3"), mk(1, bad)]).unwrap_err();
        assert!(matches!(e, AwardError::ScoreOutOfRange { .. }), "{bad}");
        assert_eq!(e.field(), Some("award_score"));
        assert!(e.message(crate::i18n::Lang::Da).contains("1 til 5"));
    }
    assert!(round(&f.store.conn, &f.round).unwrap().scores.is_empty());
}

#[test]
fn nominations_refuse_missing_texts_duplicates_and_late_unless_accepted() {
    let mut f = fixture();
    let mut inp = input(&f, 0, "Bevægelsesvenner");
    inp.texts[1] = "  ".into();
    let e = nominate(&mut f.store.conn, &inp).unwrap_err();
    assert!(matches!(e, AwardError::MissingText { position: 2, .. }));
    assert!(e.message(crate::i18n::Lang::Da).contains("kriterium 2"));
    inp.texts[1] = "To".into();
    nominate(&mut f.store.conn, &inp).unwrap();
    let e = nominate(&mut f.store.conn, &inp).unwrap_err();
    assert!(matches!(e, AwardError::DuplicateNomination { .. }));
    assert!(e
        .message(crate::i18n::Lang::Da)
        .contains("Røde Kors Hovedstaden"));
    let mut late = input(&f, 1, "Mindfulness");
    late.received_on = "2021-10-05".into();
    let e = nominate(&mut f.store.conn, &late).unwrap_err();
    assert!(matches!(e, AwardError::AfterDeadline { .. }));
    late.accept_late = true;
    late.late_reason = "Aftalt i telefonen".into();
    let id = nominate(&mut f.store.conn, &late).unwrap();
    let d = round(&f.store.conn, &f.round).unwrap();
    let n = d.nomination(&id).unwrap();
    assert!(n.late_accepted);
    assert_eq!(n.late_reason, "Aftalt i telefonen");
}

#[test]
fn a_photo_must_be_an_image() {
    let mut f = fixture();
    let n = nominate_all(&mut f);
    let e = set_photo(&f.store.conn, &n[0], b"not an image").unwrap_err();
    assert_eq!(e.field(), Some("nomination_photo"));
    set_photo(&f.store.conn, &n[0], &crate::images::tests::png(30, 20)).unwrap();
    assert!(
        round(&f.store.conn, &f.round)
            .unwrap()
            .nomination(&n[0])
            .unwrap()
            .has_photo
    );
}

#[test]
fn votes_typed_and_imported_with_unknown_names_listed() {
    let mut f = fixture();
    let n = nominate_all(&mut f);
    let e = set_votes(
        &mut f.store.conn,
        &VotesInput {
            prize_id: f.vote.clone(),
            source: "Facebook".into(),
            closed_on: "20.11.2021".into(),
            counts: vec![(n[0].clone(), "12".into()), (n[1].clone(), "-3".into())],
        },
    )
    .unwrap_err();
    assert!(matches!(e, AwardError::BadVoteCount { row: 2, .. }));
    assert!(round(&f.store.conn, &f.round).unwrap().votes.is_empty());
    let csv = "Navn;Stemmer\nRøde Kors Hovedstaden;40\nUkendt Forening;3\nMindfulness til børn;55\nNogen Andre;1\n";
    let e =
        import_votes_csv(&mut f.store.conn, &f.vote, csv, "Facebook", "2021-11-20").unwrap_err();
    match &e {
        AwardError::UnknownNames(v) => assert_eq!(v, &["Ukendt Forening", "Nogen Andre"]),
        other => panic!("{other:?}"),
    }
    assert!(round(&f.store.conn, &f.round).unwrap().votes.is_empty());
    let csv = "\u{feff}Navn;Stemmer\n røde kors hovedstaden ;40\nMindfulness til børn;55\nÅens Løbeklub;7\n";
    let v = import_votes_csv(&mut f.store.conn, &f.vote, csv, "Facebook", "2021-11-20").unwrap();
    assert_eq!(v.len(), 3);
    let d = round(&f.store.conn, &f.round).unwrap();
    let s = &d.standings[1];
    assert_eq!(s.rows[0].nomination_id, n[1]);
    assert_eq!(s.rows[0].votes, Some(55));
    assert_eq!(s.leaders, vec![n[1].clone()]);
    let p = decide(
        &f.store.conn,
        &DecideInput {
            prize_id: f.vote.clone(),
            nomination_id: Some(n[1].clone()),
            reason: String::new(),
        },
    )
    .unwrap();
    assert_eq!(p.winner_basis, Some(Basis::Vote));
    assert_eq!(d.prize(&f.vote).unwrap().vote_source, "Facebook");
    assert_eq!(cast_ballot(&mut f.store.conn, &f.vote, &n[2]).unwrap(), 8);
    let bad = "Røde Kors Hovedstaden;4,5\n";
    assert!(matches!(
        import_votes_csv(&mut f.store.conn, &f.vote, bad, "", "").unwrap_err(),
        AwardError::BadVoteCount { row: 1, .. }
    ));
}

#[test]
fn an_erased_nominee_keeps_a_readable_record_without_personal_data() {
    let mut f = fixture();
    let borger = partner(&f.store.conn, "Karen Jensen", "borger");
    let mut inp = input(&f, 0, "Gåture");
    inp.partner_id = borger.clone();
    inp.nominated_by = NominatedBy::Other;
    inp.nominator_name = "Hans Hansen".into();
    let id = nominate(&mut f.store.conn, &inp).unwrap();
    set_photo(&f.store.conn, &id, &crate::images::tests::png(10, 10)).unwrap();
    let m = members(&f, 1);
    score_all(&mut f, &m[0], &id, [4, 4, 4]);
    crate::partners::store::erase(&mut f.store.conn, &borger).unwrap();
    let d = round(&f.store.conn, &f.round).unwrap();
    let n = d.nomination(&id).unwrap();
    assert!(n.erased);
    assert_eq!(n.partner_id, None);
    assert_eq!(n.partner_name, crate::partners::store::ERASED_NAME);
    assert!(n.title.is_empty() && n.nominator_name.is_empty() && !n.has_photo);
    assert!(n.texts.iter().all(|t| t.text.is_empty()));
    assert_eq!(d.standings[0].rows[0].total, 12, "the scores stay");
    let dump: String = f
        .store
        .conn
        .query_row(
            "SELECT group_concat(partner_name || title || nominator_name, '|') FROM award_nominations",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!dump.contains("Karen") && !dump.contains("Hans Hansen"));
    assert!(report_text(&f.store.conn, &f.round)
        .unwrap()
        .contains("persondata slettet"));
}

#[test]
fn the_winner_gets_an_award_diploma_and_the_partner_page_shows_it() {
    let mut f = fixture();
    let n = nominate_all(&mut f);
    let m = members(&f, 1);
    score_all(&mut f, &m[0], &n[0], [5, 5, 5]);
    score_all(&mut f, &m[0], &n[1], [1, 1, 1]);
    score_all(&mut f, &m[0], &n[2], [2, 2, 2]);
    decide(
        &f.store.conn,
        &DecideInput {
            prize_id: f.committee.clone(),
            nomination_id: Some(n[0].clone()),
            reason: String::new(),
        },
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    crate::files::set_folder_setting(&f.store.conn, &dir.path().display().to_string(), "f")
        .unwrap();
    let preview = award_preview(&f.store.conn, &f.committee).unwrap();
    assert!(preview.svg.contains("tildeles"));
    let (issued, g) = award_diploma(
        &mut f.store.conn,
        &f.committee,
        &crate::files::Target::Folder,
    )
    .unwrap();
    assert_eq!(issued.number, 1);
    assert!(std::path::Path::new(&g.path).exists());
    let e = decide(
        &f.store.conn,
        &DecideInput {
            prize_id: f.committee.clone(),
            nomination_id: Some(n[1].clone()),
            reason: "Fortrudt".into(),
        },
    )
    .unwrap_err();
    assert!(matches!(e, AwardError::WinnerHasDiploma { number: 1 }));
    let page = for_partner(&f.store.conn, &f.partners[0]).unwrap();
    assert_eq!(page.len(), 1);
    let won: Vec<_> = page[0].prizes.iter().filter(|p| p.won).collect();
    assert_eq!(won.len(), 1);
    assert_eq!(won[0].diploma_number, Some(1));
    let text = report_text(&f.store.conn, &f.round).unwrap();
    assert!(text.contains("Vinder: Røde Kors Hovedstaden"), "{text}");
}

#[test]
fn the_demo_round_fills_from_the_register() {
    let mut store = Store::open_in_memory().unwrap();
    for name in ["Demo A", "Demo B", "Demo C", "Demo D"] {
        partner(&store.conn, name, "forening");
    }
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let id = demo::fill(&mut store.conn, today).unwrap();
    let d = round(&store.conn, &id).unwrap();
    assert_eq!(d.nominations.len(), 4);
    // Dated around today: the deadline has passed, the committee is
    // scoring, the celebration is ahead.
    assert_eq!(d.round.status, RoundStatus::Bedoemmes);
    assert_eq!(d.round.nomination_deadline.as_deref(), Some("2026-11-25"));
    assert_eq!(d.round.celebration_on.as_deref(), Some("2026-12-23"));
    assert_eq!(d.prizes.len(), 2);
    assert!(d.standings.iter().all(|s| !s.leaders.is_empty()));
}

#[test]
fn the_catalogue_and_the_scoring_sheet_render() {
    let mut f = fixture();
    let n = nominate_all(&mut f);
    set_photo(&f.store.conn, &n[0], &crate::images::tests::png(60, 40)).unwrap();
    let doc = catalogue::catalogue_document(&f.store.conn, &f.round).unwrap();
    assert!(doc.title.contains("Frontløberprisen 2021"));
    let pdf = catalogue::catalogue_pdf(&f.store.conn, &f.round).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let sheet = catalogue::scoring_sheet_pdf(&f.store.conn, &f.round).unwrap();
    assert!(sheet.starts_with(b"%PDF"));
}
