//! The three-way comparison: base snapshot, copy and office, attached to one
//! connection as `base`, `copy` and `main`, table by table from
//! [`super::TABLES`]. It reads only; [`super::merge`] writes the plan.

use super::{Key, TableSpec, TABLES};
use rusqlite::types::Value;
use rusqlite::Connection;
use std::collections::{HashMap, HashSet};

pub type Row = Vec<Value>;

/// The partners' place in [`TABLES`].
pub const PARTNERS: usize = 1;

/// One table's columns and rows on the three sides.
pub struct Table {
    pub spec: &'static TableSpec,
    pub cols: Vec<String>,
    /// Columns compared field by field (all but the key, derived columns
    /// and `updated_at`).
    pub compared: Vec<usize>,
    pub updated_at: Option<usize>,
    pub base: HashMap<String, Row>,
    pub copy: HashMap<String, Row>,
    pub office: HashMap<String, Row>,
}

impl Table {
    pub fn col(&self, name: &str) -> Option<usize> {
        self.cols.iter().position(|c| c == name)
    }

    fn text_of(&self, row: &Row, col: Option<&str>) -> Option<String> {
        let i = self.col(col?)?;
        match &row[i] {
            Value::Text(s) => Some(s.clone()),
            _ => None,
        }
    }

    pub fn partner_of(&self, row: &Row) -> Option<String> {
        self.text_of(row, self.spec.partner_col)
    }

    pub fn event_of(&self, row: &Row) -> Option<String> {
        self.text_of(row, self.spec.event_col)
    }

    pub fn label_of(&self, row: &Row) -> String {
        self.text_of(row, self.spec.label).unwrap_or_default()
    }
}

/// What one conflict is: both sides changed the same field since the copy.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// `table/key/column`: what a choice names.
    pub id: String,
    pub table: &'static str,
    pub key: String,
    pub column: String,
    pub label: String,
    pub base: Value,
    pub office: Value,
    pub copy: Value,
    pub partner_id: Option<String>,
    pub event_id: Option<String>,
}

/// What the merge would do to one row.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// New on the laptop.
    Insert { t: usize, key: String },
    /// Fields changed on the laptop only (column index, new value).
    Update {
        t: usize,
        key: String,
        sets: Vec<(usize, Value)>,
    },
    /// Deleted (or erased) on the laptop: into the bin here.
    BinMove { t: usize, key: String },
    /// Removed on the laptop (a contact, a goal link, …), unchanged here: the
    /// row is removed and kept in the history.
    Remove { t: usize, key: String },
    /// The laptop's row cannot be carried (its record was deleted here, or
    /// it collides with a row made here): kept in the history only.
    NotCarried { t: usize, key: String },
}

/// The whole comparison.
pub struct Plan {
    pub tables: Vec<Table>,
    pub ops: Vec<Op>,
    pub conflicts: Vec<Conflict>,
    /// Partners erased (or emptied from the bin) here after the copy was
    /// taken: nothing of theirs comes back from the laptop.
    pub erased_here: HashSet<String>,
}

fn columns(conn: &Connection, table: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA main.table_info({table})"))?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(1))?;
    rows.collect()
}

fn key_of(spec: &TableSpec, cols: &[String], row: &Row) -> String {
    match spec.key {
        Key::Id => match cols.iter().position(|c| c == "id").map(|i| &row[i]) {
            Some(Value::Text(s)) => s.clone(),
            _ => String::new(),
        },
        Key::Link => row.iter().map(display).collect::<Vec<_>>().join("\u{1f}"),
    }
}

fn load(
    conn: &Connection,
    schema: &str,
    spec: &TableSpec,
    cols: &[String],
) -> rusqlite::Result<HashMap<String, Row>> {
    // Table and column names come from TABLES and the schema, never input.
    let list = cols
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn.prepare(&format!("SELECT {list} FROM {schema}.{}", spec.name))?;
    let n = cols.len();
    let mut rows = stmt.query([])?;
    let mut out = HashMap::new();
    while let Some(r) = rows.next()? {
        let row: Row = (0..n).map(|i| r.get(i)).collect::<rusqlite::Result<_>>()?;
        out.insert(key_of(spec, cols, &row), row);
    }
    Ok(out)
}

/// The values of a UNIQUE constraint's columns as one comparable key.
fn unique_key<'a>(values: impl Iterator<Item = &'a Value>) -> String {
    values
        .map(|v| format!("{v:?}"))
        .collect::<Vec<_>>()
        .join("\u{1f}")
}

/// A value as the preview shows it.
pub fn display(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => f.to_string(),
        Value::Text(s) => s.clone(),
        Value::Blob(b) => format!("<{} bytes>", b.len()),
    }
}

/// Compares `base`, `copy` and `main` (the office) on `conn`.
pub fn plan(conn: &Connection) -> rusqlite::Result<Plan> {
    let mut tables = Vec::with_capacity(TABLES.len());
    for spec in TABLES {
        let cols = columns(conn, spec.name)?;
        let updated_at = cols.iter().position(|c| c == "updated_at");
        let compared = (0..cols.len())
            .filter(|&i| {
                let c = cols[i].as_str();
                !(spec.key == Key::Id && c == "id")
                    && c != "updated_at"
                    && !spec.derived.contains(&c)
            })
            .collect();
        tables.push(Table {
            spec,
            base: load(conn, "base", spec, &cols)?,
            copy: load(conn, "copy", spec, &cols)?,
            office: load(conn, "main", spec, &cols)?,
            cols,
            compared,
            updated_at,
        });
    }
    let goals: HashSet<String> = {
        let mut stmt = conn.prepare("SELECT id FROM main.goals")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };

    // Partners: erased or gone here (erasure wins), erased or gone there
    // (a bin move here, nothing else).
    let mut erased_here = HashSet::new();
    let mut erased_there = HashSet::new();
    {
        let p = &tables[PARTNERS];
        let erased = p.col("erased_at");
        let is_erased = |row: &Row| erased.is_some_and(|i| row[i] != Value::Null);
        for (key, b) in &p.base {
            match p.office.get(key) {
                None => {
                    erased_here.insert(key.clone());
                }
                Some(o) if is_erased(o) && !is_erased(b) => {
                    erased_here.insert(key.clone());
                }
                _ => {}
            }
            match p.copy.get(key) {
                None => {
                    erased_there.insert(key.clone());
                }
                Some(c) if is_erased(c) && !is_erased(b) => {
                    erased_there.insert(key.clone());
                }
                _ => {}
            }
        }
    }

    let mut ops = Vec::new();
    let mut conflicts = Vec::new();
    // Keys present at the office after the merge, by table (for parents).
    let mut present: HashMap<&str, HashSet<String>> = HashMap::new();
    for (t, table) in tables.iter().enumerate() {
        let spec = table.spec;
        let mut here: HashSet<String> = table.office.keys().cloned().collect();
        let skip = |row: &Row| {
            table
                .partner_of(row)
                .is_some_and(|p| erased_here.contains(&p))
        };
        let laptop_erased = |row: &Row| {
            table
                .partner_of(row)
                .is_some_and(|p| erased_there.contains(&p))
        };
        let uniques: HashMap<String, String> = if spec.unique.is_empty() {
            HashMap::new()
        } else {
            let idx: Vec<usize> = spec.unique.iter().filter_map(|c| table.col(c)).collect();
            table
                .office
                .iter()
                .map(|(k, r)| (unique_key(idx.iter().map(|&i| &r[i])), k.clone()))
                .collect()
        };
        let parents_ok = |row: &Row, present: &HashMap<&str, HashSet<String>>| {
            spec.parents.iter().all(|(col, parent)| {
                let Some(i) = table.col(col) else {
                    return true;
                };
                match &row[i] {
                    Value::Null => true,
                    Value::Text(id) if *parent == "goals" => goals.contains(id),
                    Value::Text(id) => present.get(parent).is_some_and(|s| s.contains(id)),
                    _ => false,
                }
            })
        };

        // Sorted keys: the same plan every time (and a stable preview).
        let mut keys: Vec<&String> = table
            .base
            .keys()
            .chain(table.copy.keys().filter(|k| !table.base.contains_key(*k)))
            .collect();
        keys.sort();
        for key in keys {
            let b = table.base.get(key);
            let c = table.copy.get(key);
            let o = table.office.get(key);
            let any = c.or(b).or(o);
            if any.is_some_and(skip) || (t == PARTNERS && erased_here.contains(key)) {
                continue;
            }
            if t == PARTNERS && erased_there.contains(key) {
                let deleted = table.col("deleted_at");
                if let (Some(o), Some(d)) = (o, deleted) {
                    if o[d] == Value::Null {
                        ops.push(Op::BinMove {
                            t,
                            key: key.clone(),
                        });
                    }
                }
                continue;
            }
            if any.is_some_and(laptop_erased) {
                continue;
            }
            match (b, c, o) {
                (None, Some(c), None) => {
                    let collides = if spec.unique.is_empty() {
                        false
                    } else {
                        let v: Vec<&Value> = spec
                            .unique
                            .iter()
                            .filter_map(|u| table.col(u))
                            .map(|i| &c[i])
                            .collect();
                        v.iter().all(|x| **x != Value::Null)
                            && uniques.contains_key(&unique_key(v.into_iter()))
                    };
                    if collides || !parents_ok(c, &present) {
                        ops.push(Op::NotCarried {
                            t,
                            key: key.clone(),
                        });
                    } else {
                        here.insert(key.clone());
                        ops.push(Op::Insert {
                            t,
                            key: key.clone(),
                        });
                    }
                }
                (Some(_), None, Some(_)) if spec.key == Key::Link => ops.push(Op::Remove {
                    t,
                    key: key.clone(),
                }),
                (Some(b), None, Some(o)) => {
                    let unchanged = table.compared.iter().all(|&i| b[i] == o[i]);
                    if spec.bin {
                        ops.push(Op::BinMove {
                            t,
                            key: key.clone(),
                        });
                    } else if unchanged {
                        here.remove(key);
                        ops.push(Op::Remove {
                            t,
                            key: key.clone(),
                        });
                    }
                    // Changed here since: the office's row stays (its edit
                    // wins over the laptop's deletion); nothing to record,
                    // nothing of the laptop's is lost.
                }
                (Some(b), Some(c), None) if table.compared.iter().any(|&i| b[i] != c[i]) => {
                    ops.push(Op::NotCarried {
                        t,
                        key: key.clone(),
                    });
                }
                (b, Some(c), Some(o)) => {
                    let mut sets = Vec::new();
                    for &i in &table.compared {
                        let base = b.map(|b| &b[i]);
                        if Some(&c[i]) == base || c[i] == o[i] {
                            continue;
                        }
                        if base.is_none_or(|base| o[i] != *base) {
                            conflicts.push(Conflict {
                                id: format!("{}/{key}/{}", spec.name, table.cols[i]),
                                table: spec.name,
                                key: key.clone(),
                                column: table.cols[i].clone(),
                                label: table.label_of(o),
                                base: base.cloned().unwrap_or(Value::Null),
                                office: o[i].clone(),
                                copy: c[i].clone(),
                                partner_id: table.partner_of(o),
                                event_id: table.event_of(o),
                            });
                        } else {
                            sets.push((i, c[i].clone()));
                        }
                    }
                    if !sets.is_empty() {
                        ops.push(Op::Update {
                            t,
                            key: key.clone(),
                            sets,
                        });
                    }
                }
                _ => {}
            }
        }
        present.insert(spec.name, here);
    }
    Ok(Plan {
        tables,
        ops,
        conflicts,
        erased_here,
    })
}
