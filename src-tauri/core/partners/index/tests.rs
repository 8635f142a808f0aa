//! Tests of the in-memory list index: it answers exactly what the SQL list
//! answers, for any data and any query, and it notices every change.

use super::*;
use crate::partners::tests::{GOAL1, GOAL2, GOAL3};
use crate::partners::{self, ContactInput, PartnerInput};
use crate::store::Store;
use proptest::prelude::*;

const NAMES: &[&str] = &[
    "Æblegården",
    "Aase Nørgaard",
    "Ørestad Løbeklub",
    "Bageriet",
    "bageriet",
    "Zumba Fredericia",
    "Åens Café",
    "Søren Sørensen",
];
const DATES: &[&str] = &["", "2021-03-01", "2024-11-30", "2024-11-30", "2019-01-15"];
const GOALS: &[&str] = &[GOAL1, GOAL2, GOAL3];

#[derive(Debug, Clone)]
struct Spec {
    name: usize,
    kind: usize,
    status: usize,
    date: usize,
    goals: Vec<usize>,
    contact: usize,
    /// An index into `Channel::ALL`; one past it: no channel.
    channel: usize,
    /// 0 = in the register, 1 = in the bin, 2 = erased.
    fate: u8,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        0..NAMES.len(),
        0..Kind::ALL.len(),
        0..Status::ALL.len(),
        0..DATES.len(),
        proptest::collection::vec(0..GOALS.len(), 1..3),
        0..NAMES.len(),
        prop_oneof![6 => Just(0u8), 2 => Just(1u8), 1 => Just(2u8)],
        0..Channel::ALL.len() + 1,
    )
        .prop_map(
            |(name, kind, status, date, goals, contact, fate, channel)| Spec {
                name,
                channel,
                kind,
                status,
                date,
                goals,
                contact,
                fate,
            },
        )
}

fn query() -> impl Strategy<Value = ListQuery> {
    (
        prop_oneof![
            Just(""),
            Just("b"),
            Just("søren"),
            Just("ØRE løb"),
            Just("aa"),
            Just("café"),
            Just("@"),
            Just("xyz")
        ],
        proptest::option::of(0..Kind::ALL.len()),
        proptest::option::of(0..Status::ALL.len()),
        proptest::option::of(0..GOALS.len() + 1),
        prop_oneof![Just(Sort::Name), Just(Sort::Joined), Just(Sort::Status)],
        any::<bool>(),
        any::<bool>(),
        0u32..12,
        prop_oneof![Just(0u32), Just(3u32), Just(5u32)],
        proptest::option::of(0..Channel::ALL.len()),
        any::<bool>(),
    )
        .prop_map(
            |(
                search,
                kind,
                status,
                goal,
                sort,
                desc,
                in_bin,
                offset,
                limit,
                channel,
                ever_active,
            )| ListQuery {
                search: search.into(),
                kind: kind.map(|k| Kind::ALL[k]),
                status: status.map(|s| Status::ALL[s]),
                // One past the goals: an id no partner has.
                goal: goal.map(|g| GOALS.get(g).copied().unwrap_or("ukendt").to_string()),
                channel: channel.map(|c| Channel::ALL[c]),
                ever_active,
                sort,
                desc,
                in_bin,
                offset,
                limit,
            },
        )
}

fn fill(s: &mut Store, specs: &[Spec]) {
    for (i, sp) in specs.iter().enumerate() {
        let input = PartnerInput {
            name: NAMES[sp.name].into(),
            kind: Kind::ALL[sp.kind].as_str().into(),
            status: Status::ALL[sp.status].as_str().into(),
            joined_on: DATES[sp.date].into(),
            goals: sp.goals.iter().map(|&g| GOALS[g].to_string()).collect(),
            recruitment_channel: Channel::ALL
                .get(sp.channel)
                .map(|c| c.as_str().to_string())
                .unwrap_or_default(),
            contacts: vec![ContactInput {
                name: NAMES[sp.contact].into(),
                email: format!("k{i}@eksempel.dk"),
                ..ContactInput::default()
            }],
            ..PartnerInput::default()
        };
        let p = partners::create(&mut s.conn, &input).unwrap();
        match sp.fate {
            1 => partners::delete(&s.conn, &p.id).unwrap(),
            2 => {
                partners::erase(&mut s.conn, &p.id).unwrap();
            }
            _ => {}
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_index_answers_exactly_what_the_sql_list_answers(
        specs in proptest::collection::vec(spec(), 0..30),
        queries in proptest::collection::vec(query(), 1..12),
    ) {
        let mut s = Store::open_in_memory().unwrap();
        fill(&mut s, &specs);
        let mut index = ListIndex::new();
        for q in &queries {
            let from_sql = store::list(&s.conn, q).unwrap();
            let from_index = index.list(&s.conn, q).unwrap();
            prop_assert_eq!(&from_index, &from_sql, "query {:?}", q);
        }
        // No writes between the queries: read from the database once.
        prop_assert_eq!(index.loads(), 1);
    }
}

fn names(r: &ListResult) -> Vec<String> {
    r.rows.iter().map(|r| r.name.clone()).collect()
}

#[test]
fn every_change_through_the_store_is_seen() {
    let mut s = Store::open_in_memory().unwrap();
    let mut index = ListIndex::new();
    let q = ListQuery {
        search: "klub".into(),
        ..ListQuery::default()
    };
    assert_eq!(index.list(&s.conn, &q).unwrap().total, 0);
    let input = PartnerInput {
        name: "Roklubben".into(),
        kind: "forening".into(),
        ..PartnerInput::default()
    };
    let p = partners::create(&mut s.conn, &input).unwrap();
    assert_eq!(names(&index.list(&s.conn, &q).unwrap()), ["Roklubben"]);
    let renamed = PartnerInput {
        name: "Kajakhuset".into(),
        ..input
    };
    partners::update(&mut s.conn, &p.id, &renamed).unwrap();
    assert_eq!(index.list(&s.conn, &q).unwrap().total, 0);
    let q = ListQuery::default();
    assert_eq!(names(&index.list(&s.conn, &q).unwrap()), ["Kajakhuset"]);
    partners::delete(&s.conn, &p.id).unwrap();
    let r = index.list(&s.conn, &q).unwrap();
    assert_eq!((r.total, r.overall), (0, 0));
    let bin = ListQuery {
        in_bin: true,
        ..ListQuery::default()
    };
    assert_eq!(names(&index.list(&s.conn, &bin).unwrap()), ["Kajakhuset"]);
    // Reading again without a change does not reload.
    let loads = index.loads();
    index.list(&s.conn, &bin).unwrap();
    index.list(&s.conn, &q).unwrap();
    assert_eq!(index.loads(), loads);
}

#[test]
fn a_commit_by_another_connection_is_seen() {
    let dir = tempfile::tempdir().unwrap();
    let (mut writer, _) = Store::open_dir(dir.path()).unwrap();
    let (reader, _) = Store::open_dir(dir.path()).unwrap();
    let mut index = ListIndex::new();
    assert_eq!(
        index
            .list(&reader.conn, &ListQuery::default())
            .unwrap()
            .total,
        0
    );
    partners::create(
        &mut writer.conn,
        &PartnerInput {
            name: "Cykelværkstedet".into(),
            kind: "virksomhed".into(),
            ..PartnerInput::default()
        },
    )
    .unwrap();
    let r = index.list(&reader.conn, &ListQuery::default()).unwrap();
    assert_eq!(names(&r), ["Cykelværkstedet"]);
}
