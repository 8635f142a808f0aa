//! The model-based property test: random sequences of operations against a
//! model of what the rules allow, with the invariants checked after each.

use super::*;
use proptest::prelude::*;
use std::collections::HashMap;

#[derive(Debug, Clone)]
enum Op {
    Create { partner: usize, requested: i64 },
    StartReview { idx: usize },
    Grant { idx: usize, amount: GrantAmount },
    Reject { idx: usize },
    Edit { idx: usize, requested: i64 },
    Pay { idx: usize },
    Report { idx: usize },
    Delete { idx: usize },
    Adjust { idx: usize, amount: i64 },
    SetPool { total: i64, max: i64 },
}

/// How much to grant: absolute, the full request, or what is left in
/// the pool give or take a few øre (to probe the boundary).
#[derive(Debug, Clone, Copy)]
enum GrantAmount {
    Exact(i64),
    Full,
    RemainingPlus(i64),
}

fn amount() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(0i64),
        Just(500_000i64),
        Just(500_001i64),
        (1i64..=12).prop_map(|n| n * 50_000),
        1i64..=600_000,
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let idx = 0usize..12;
    prop_oneof![
        3 => (0usize..3, amount()).prop_map(|(partner, requested)| Op::Create { partner, requested }),
        3 => idx.clone().prop_map(|idx| Op::StartReview { idx }),
        4 => (
            idx.clone(),
            prop_oneof![
                amount().prop_map(GrantAmount::Exact),
                Just(GrantAmount::Full),
                (-2i64..=2).prop_map(GrantAmount::RemainingPlus),
            ]
        )
            .prop_map(|(idx, amount)| Op::Grant { idx, amount }),
        1 => idx.clone().prop_map(|idx| Op::Reject { idx }),
        1 => (idx.clone(), amount()).prop_map(|(idx, requested)| Op::Edit { idx, requested }),
        2 => idx.clone().prop_map(|idx| Op::Pay { idx }),
        1 => idx.clone().prop_map(|idx| Op::Report { idx }),
        1 => idx.clone().prop_map(|idx| Op::Delete { idx }),
        2 => (idx.clone(), amount()).prop_map(|(idx, amount)| Op::Adjust { idx, amount }),
        1 => ((1i64..=40).prop_map(|n| n * 50_000), (1i64..=12).prop_map(|n| n * 50_000))
            .prop_map(|(total, max)| Op::SetPool { total, max }),
    ]
}

/// What the test believes about an application.
#[derive(Debug, Clone)]
struct Model {
    id: String,
    status: Status,
    requested: i64,
    granted: Option<i64>,
    deleted: bool,
}

struct World {
    total: i64,
    max: i64,
    apps: Vec<Model>,
}

impl World {
    fn granted_except(&self, i: Option<usize>) -> i64 {
        self.apps
            .iter()
            .enumerate()
            .filter(|(j, a)| Some(*j) != i && !a.deleted)
            .filter_map(|(_, a)| a.granted)
            .sum()
    }
}

/// The outcome the rules predict: `Ok` or the error code.
type Expect = std::result::Result<(), &'static str>;

fn expect_decide(w: &World, i: usize, amount: Option<i64>) -> Expect {
    let a = &w.apps[i];
    expect_step(a, decidable(a.status))?;
    let Some(amount) = amount else { return Ok(()) };
    if amount < 0 {
        return Err("amount.negative");
    }
    if amount == 0 {
        return Err("grants.amount_not_positive");
    }
    if amount > w.max {
        return Err("grants.above_max_per_application");
    }
    if amount > a.requested {
        return Err("grants.granted_above_requested");
    }
    if amount > w.total - w.granted_except(Some(i)) {
        return Err("grants.exceeds_pool");
    }
    Ok(())
}

fn check_invariants(conn: &Connection, w: &World) {
    let pool = pool(conn, YEAR).unwrap().unwrap();
    assert_eq!(
        (pool.total_ore, pool.max_per_application_ore),
        (w.total, w.max)
    );
    // Straight from the table, not through the module's own sums.
    let (granted, live): (i64, i64) = conn
        .query_row(
            "SELECT coalesce(sum(granted_ore), 0), count(*) FROM grant_applications
             WHERE year = ?1 AND deleted_at IS NULL",
            [YEAR],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(
        granted <= pool.total_ore,
        "granted {granted} > pool {}",
        pool.total_ore
    );
    assert_eq!(granted, w.granted_except(None));
    assert_eq!(live as usize, w.apps.iter().filter(|a| !a.deleted).count());
    let mut stmt = conn
        .prepare("SELECT id, status, requested_ore, granted_ore, deleted_at IS NOT NULL FROM grant_applications")
        .unwrap();
    let rows: HashMap<String, (String, i64, Option<i64>, bool)> = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    // No application disappears.
    assert_eq!(rows.len(), w.apps.len());
    for m in &w.apps {
        let (status, requested, granted, deleted) = rows.get(&m.id).expect("application vanished");
        let status: Status = status.parse().unwrap();
        assert_eq!(
            (status, *requested, *granted, *deleted),
            (m.status, m.requested, m.granted, m.deleted)
        );
        assert!(!(status.is_paid() && *deleted), "a paid grant was deleted");
        if !deleted {
            assert!(*requested > 0 && *requested <= pool.max_per_application_ore);
            match (status.is_granted(), status.is_paid(), *granted) {
                (false, _, g) => assert_eq!(g, None),
                (true, false, Some(g)) => assert!(g > 0 && g <= *requested),
                (true, true, Some(g)) => {
                    assert!((0..=pool.max_per_application_ore).contains(&g))
                }
                (true, _, None) => panic!("granted without an amount"),
            }
        }
    }
}

/// The database, its partners, and what the test believes.
struct Sim {
    conn: Connection,
    partners: Vec<String>,
    w: World,
}

/// What a call gave: `Ok` or the error code.
fn code<T>(got: std::result::Result<T, GrantError>) -> Expect {
    got.map(|_| ()).map_err(|e| e.code())
}

/// The statuses a decision may be made (or changed) from.
fn decidable(status: Status) -> bool {
    matches!(
        status,
        Status::UnderBehandling | Status::Bevilget | Status::DelvistBevilget | Status::Afslaaet
    )
}

/// The refusal every change of an existing application starts with: a
/// deleted one is gone, one in the wrong status cannot take the step.
fn expect_step(a: &Model, allowed: bool) -> Expect {
    if a.deleted {
        Err("grants.not_found")
    } else if !allowed {
        Err("grants.illegal_transition")
    } else {
        Ok(())
    }
}

impl Sim {
    fn new(total: i64) -> Sim {
        let mut conn = db();
        let max = total.min(500_000);
        create_pool(
            &mut conn,
            &PoolInput {
                year: YEAR,
                total: format_number(total),
                max_per_application: format_number(max),
                criteria: String::new(),
            },
        )
        .unwrap();
        let partners: Vec<String> = ["forening", "virksomhed", "borger"]
            .iter()
            .enumerate()
            .map(|(i, k)| partner(&conn, &format!("Partner {i}"), k, &[&goal(1)]))
            .collect();
        let w = World {
            total,
            max,
            apps: Vec::new(),
        };
        Sim { conn, partners, w }
    }

    /// Mostly an application the operation suits, sometimes any live one,
    /// now and then any at all (deleted ones too).
    fn pick(&self, idx: usize, suits: &dyn Fn(&Model) -> bool) -> Option<usize> {
        let apps = &self.w.apps;
        let fitting: Vec<usize> = (0..apps.len()).filter(|&i| suits(&apps[i])).collect();
        let live: Vec<usize> = (0..apps.len()).filter(|&i| !apps[i].deleted).collect();
        if idx < 7 && !fitting.is_empty() {
            Some(fitting[idx % fitting.len()])
        } else if idx < 10 && !live.is_empty() {
            Some(live[idx % live.len()])
        } else {
            (!apps.is_empty()).then(|| idx % apps.len())
        }
    }

    fn apply(&mut self, op: &Op) {
        match *op {
            Op::Create { partner, requested } => self.create(op, partner, requested),
            Op::StartReview { idx } => self.start_review(op, idx),
            Op::Grant { idx, amount } => self.grant(op, idx, amount),
            Op::Reject { idx } => self.reject(op, idx),
            Op::Edit { idx, requested } => self.edit(op, idx, requested),
            Op::Pay { idx } => self.pay(op, idx),
            Op::Report { idx } => self.report(op, idx),
            Op::Delete { idx } => self.delete(op, idx),
            Op::Adjust { idx, amount } => self.adjust(op, idx, amount),
            Op::SetPool { total, max } => self.set_pool(op, total, max),
        }
        check_invariants(&self.conn, &self.w);
    }

    fn create(&mut self, op: &Op, p: usize, requested: i64) {
        let expect: Expect = if requested <= 0 {
            Err("grants.amount_not_positive")
        } else if requested > self.w.max {
            Err("grants.above_max_per_application")
        } else {
            Ok(())
        };
        let typed = input(&self.partners[p], &format_number(requested));
        let got = create_application(&mut self.conn, &typed);
        assert_eq!(
            got.as_ref().map(|_| ()).map_err(|e| e.code()),
            expect,
            "{op:?}"
        );
        if let Ok(a) = got {
            self.w.apps.push(Model {
                id: a.id,
                status: Status::Modtaget,
                requested,
                granted: None,
                deleted: false,
            });
        }
    }

    fn start_review(&mut self, op: &Op, idx: usize) {
        let Some(i) = self.pick(idx, &|m| !m.deleted && m.status == Status::Modtaget) else {
            return;
        };
        let a = &self.w.apps[i];
        let expect = expect_step(a, a.status == Status::Modtaget);
        let id = a.id.clone();
        let got = code(start_review(&mut self.conn, &id));
        assert_eq!(got, expect, "{op:?}");
        if got.is_ok() {
            self.w.apps[i].status = Status::UnderBehandling;
        }
    }

    fn grant(&mut self, op: &Op, idx: usize, amount: GrantAmount) {
        let Some(i) = self.pick(idx, &|m| !m.deleted && decidable(m.status)) else {
            return;
        };
        let amount = match amount {
            GrantAmount::Exact(a) => a,
            GrantAmount::Full => self.w.apps[i].requested,
            GrantAmount::RemainingPlus(d) => self.w.total - self.w.granted_except(Some(i)) + d,
        };
        let expect = expect_decide(&self.w, i, Some(amount));
        let id = self.w.apps[i].id.clone();
        let got = code(decide(&mut self.conn, &id, &grant(&format_number(amount))));
        assert_eq!(got, expect, "{op:?}");
        if got.is_ok() {
            let a = &mut self.w.apps[i];
            a.granted = Some(amount);
            a.status = if amount == a.requested {
                Status::Bevilget
            } else {
                Status::DelvistBevilget
            };
        }
    }

    fn reject(&mut self, op: &Op, idx: usize) {
        let Some(i) = self.pick(idx, &|m| !m.deleted && decidable(m.status)) else {
            return;
        };
        let expect = expect_decide(&self.w, i, None);
        let id = self.w.apps[i].id.clone();
        let got = code(decide(&mut self.conn, &id, &reject()));
        assert_eq!(got, expect, "{op:?}");
        if got.is_ok() {
            self.w.apps[i].status = Status::Afslaaet;
            self.w.apps[i].granted = None;
        }
    }

    fn edit(&mut self, op: &Op, idx: usize, requested: i64) {
        let Some(i) = self.pick(idx, &|_| false) else {
            return;
        };
        let a = &self.w.apps[i];
        let expect: Expect = if a.deleted {
            Err("grants.not_found")
        } else if !a.status.is_open() {
            if requested == a.requested {
                Ok(())
            } else {
                Err("grants.locked_after_decision")
            }
        } else if requested <= 0 {
            Err("grants.amount_not_positive")
        } else if requested > self.w.max {
            Err("grants.above_max_per_application")
        } else {
            Ok(())
        };
        // The partner stays the same: find it from the database.
        let partner_id = application(&self.conn, &a.id).unwrap().partner_id;
        let id = a.id.clone();
        let typed = input(&partner_id, &format_number(requested));
        let got = code(update_application(&mut self.conn, &id, &typed));
        assert_eq!(got, expect, "{op:?}");
        if got.is_ok() {
            self.w.apps[i].requested = requested;
        }
    }

    fn pay(&mut self, op: &Op, idx: usize) {
        let payable = |s: Status| matches!(s, Status::Bevilget | Status::DelvistBevilget);
        let Some(i) = self.pick(idx, &|m| !m.deleted && payable(m.status)) else {
            return;
        };
        let a = &self.w.apps[i];
        let expect = expect_step(a, payable(a.status));
        let id = a.id.clone();
        let got = code(pay(&mut self.conn, &id, "01.03.2026"));
        assert_eq!(got, expect, "{op:?}");
        if got.is_ok() {
            self.w.apps[i].status = Status::Udbetalt;
        }
    }

    fn report(&mut self, op: &Op, idx: usize) {
        let Some(i) = self.pick(idx, &|m| !m.deleted && m.status.is_paid()) else {
            return;
        };
        let a = &self.w.apps[i];
        let expect = expect_step(a, a.status.is_paid());
        let id = a.id.clone();
        let got = code(report(&mut self.conn, &id, &report_input()));
        assert_eq!(got, expect, "{op:?}");
        if got.is_ok() {
            self.w.apps[i].status = Status::Afrapporteret;
        }
    }

    fn delete(&mut self, op: &Op, idx: usize) {
        let Some(i) = self.pick(idx, &|_| false) else {
            return;
        };
        let a = &self.w.apps[i];
        let expect: Expect = if a.deleted {
            Err("grants.not_found")
        } else if a.status.is_paid() {
            Err("grants.paid_cannot_be_deleted")
        } else {
            Ok(())
        };
        let id = a.id.clone();
        let got = code(delete(&mut self.conn, &id));
        assert_eq!(got, expect, "{op:?}");
        if got.is_ok() {
            self.w.apps[i].deleted = true;
        }
    }

    fn adjust(&mut self, op: &Op, idx: usize, amount: i64) {
        let Some(i) = self.pick(idx, &|m| !m.deleted && m.status.is_paid()) else {
            return;
        };
        let a = &self.w.apps[i];
        let expect: Expect = expect_step(a, a.status.is_paid()).and_then(|()| {
            if amount > self.w.max {
                Err("grants.above_max_per_application")
            } else if Some(amount) == a.granted {
                Err("grants.adjustment_unchanged")
            } else if amount > self.w.total - self.w.granted_except(Some(i)) {
                Err("grants.exceeds_pool")
            } else {
                Ok(())
            }
        });
        let id = a.id.clone();
        let got = code(adjust(
            &mut self.conn,
            &id,
            &adjust_to(&format_number(amount)),
        ));
        assert_eq!(got, expect, "{op:?}");
        if got.is_ok() {
            self.w.apps[i].granted = Some(amount);
        }
    }

    fn set_pool(&mut self, op: &Op, total: i64, max: i64) {
        let largest = self
            .w
            .apps
            .iter()
            .filter(|a| !a.deleted)
            .map(|a| a.requested.max(a.granted.unwrap_or(0)))
            .max()
            .unwrap_or(0);
        let expect: Expect = if max > total {
            Err("grants.max_above_total")
        } else if total < self.w.granted_except(None) {
            Err("grants.pool_below_granted")
        } else if max < largest {
            Err("grants.max_below_existing")
        } else {
            Ok(())
        };
        let typed = PoolInput {
            year: YEAR,
            total: format_number(total),
            max_per_application: format_number(max),
            criteria: String::new(),
        };
        let got = code(update_pool(&mut self.conn, &typed));
        assert_eq!(got, expect, "{op:?}");
        if got.is_ok() {
            self.w.total = total;
            self.w.max = max;
        }
    }
}

fn run(ops: Vec<Op>, total: i64) {
    let mut sim = Sim::new(total);
    for op in &ops {
        sim.apply(op);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_sequences_never_over_commit_the_pool(
        total in prop_oneof![Just(300_000i64), Just(600_000i64), Just(1_000_000i64), Just(1_234_567i64), Just(10_000_000i64)],
        ops in proptest::collection::vec(op(), 1..80),
    ) {
        run(ops, total);
    }
}
