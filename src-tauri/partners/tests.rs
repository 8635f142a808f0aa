//! Unit tests of validation, create and the store, on in-memory databases.

use super::*;
use crate::store::Store;

pub(crate) const GOAL1: &str = "5b0f6c1e-0001-4c6e-9a51-000000000001";
pub(crate) const GOAL2: &str = "5b0f6c1e-0002-4c6e-9a51-000000000002";

fn input(name: &str) -> PartnerInput {
    PartnerInput {
        name: name.into(),
        kind: "forening".into(),
        ..PartnerInput::default()
    }
}

#[test]
fn create_and_get_round_trip() {
    let mut s = Store::open_in_memory().unwrap();
    let mut i = input("Fredericia Løbeklub");
    i.status = "aktiv".into();
    i.goals = vec![GOAL1.into(), GOAL2.into()];
    i.contacts = vec![ContactInput {
        name: "Søren Ærøe".into(),
        email: "soren@example.dk".into(),
        phone: "+45 12345678".into(),
        ..ContactInput::default()
    }];
    let p = create(&mut s.conn, &i).unwrap();
    assert_eq!(p.name, "Fredericia Løbeklub");
    assert_eq!(p.goals.len(), 2);
    assert_eq!(p.contacts[0].phone, "+45 12 34 56 78");
    assert!(p.contacts[0].is_primary);
    assert_eq!(p.status_history.len(), 1);
}
