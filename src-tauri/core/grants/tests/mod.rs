//! Unit tests of the grant pool's rules, one file per submodule, and a
//! model-based property test ([`property`]) that runs random sequences of
//! applications, decisions, edits, payouts, deletions, adjustments and pool
//! changes. This file holds the helpers they share.

use super::testutil::{goal, partner};
use super::*;
use crate::money::format_number;
use crate::store::Store;
use rusqlite::Connection;

mod applications;
mod decisions;
mod history;
mod overview;
mod pools;
mod property;

const YEAR: i32 = 2026;

fn db() -> Connection {
    Store::open_in_memory().unwrap().conn
}

fn input(partner_id: &str, requested: &str) -> ApplicationInput {
    ApplicationInput {
        year: YEAR,
        partner_id: partner_id.to_string(),
        received_on: "10.01.2026".into(),
        purpose: "Gåtur for hele byen".into(),
        description: "Vi inviterer alle til en gåtur langs havnen.".into(),
        planned_on: "2026-06-01".into(),
        expected_reach: Some(150),
        requested: requested.into(),
    }
}

fn grant(amount: &str) -> DecisionInput {
    DecisionInput {
        outcome: Outcome::Grant,
        amount: amount.into(),
        decided_on: "01.02.2026".into(),
        reason: "Rækker ud til en større gruppe".into(),
    }
}

fn reject() -> DecisionInput {
    DecisionInput {
        outcome: Outcome::Reject,
        amount: String::new(),
        decided_on: "01.02.2026".into(),
        reason: "Det er en del af foreningens normale drift".into(),
    }
}

fn adjust_to(amount: &str) -> AdjustInput {
    AdjustInput {
        amount: amount.into(),
        adjusted_on: "01.05.2026".into(),
        reason: "Ubrugte midler betalt tilbage".into(),
    }
}

fn report_input() -> ReportInput {
    ReportInput {
        actual_reach: Some(210),
        report_text: "Godt fremmøde.".into(),
        reported_on: "2026-07-01".into(),
    }
}

fn pool_input(total: &str, max: &str) -> PoolInput {
    PoolInput {
        year: YEAR,
        total: total.into(),
        max_per_application: max.into(),
        criteria: "Ud over det normale arbejde".into(),
    }
}

/// A database with the default pool of 2026 and one partner.
fn setup() -> (Connection, String) {
    let mut conn = db();
    ensure_pool(&mut conn, YEAR).unwrap();
    let p = partner(&conn, "Idrætsforeningen Ærø", "forening", &[&goal(2)]);
    (conn, p)
}

/// An application under review for `requested`.
fn under_review(conn: &mut Connection, p: &str, requested: &str) -> String {
    let a = create_application(conn, &input(p, requested)).unwrap();
    start_review(conn, &a.id).unwrap();
    a.id
}

fn granted_sum_of(conn: &Connection) -> i64 {
    overview(conn, YEAR, Lang::Da).unwrap().granted_ore
}
