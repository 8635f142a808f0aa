//! "Flet en kopi ind": checking the copy, the preview (changes nothing) and
//! the apply (one transaction, every losing value kept in `merge_history`).

use super::copy::{programme_name, record};
use super::diff::{self, display, Op, Plan, Row, Table};
use super::{meta, Key, Result, SyncError, COPIES_DIR};
use crate::store::{self, Store};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// The most change lines a preview lists (the counts cover all).
pub const PREVIEW_LINES: usize = 1000;

/// Counts of one table in a preview or summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TableCounts {
    pub table: &'static str,
    pub new: usize,
    pub changed: usize,
    pub removed: usize,
    pub binned: usize,
    pub not_carried: usize,
    pub conflicts: usize,
}

/// One line of the preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeLine {
    /// `new`, `changed`, `removed`, `binned`, `not_carried`.
    pub kind: &'static str,
    pub table: &'static str,
    pub label: String,
    pub column: String,
    pub old: String,
    pub new: String,
}

/// A conflict as the preview shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConflictView {
    pub id: String,
    pub table: &'static str,
    pub label: String,
    pub column: String,
    pub base: String,
    pub office: String,
    pub copy: String,
}

/// What merging the copy would do. Nothing has changed yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Preview {
    pub copy_id: String,
    pub programme: String,
    pub counts: Vec<TableCounts>,
    pub changes: Vec<ChangeLine>,
    /// Change lines not listed (beyond [`PREVIEW_LINES`]).
    pub more_changes: usize,
    pub conflicts: Vec<ConflictView>,
    /// Partners erased here after the copy was taken whose changes on the
    /// laptop are not brought back.
    pub erased_here: usize,
}

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MergeSummary {
    pub copy_id: String,
    pub inserted: usize,
    pub updated: usize,
    pub binned: usize,
    pub removed: usize,
    pub not_carried: usize,
    pub conflicts: usize,
    /// Conflicts where the laptop's value was chosen.
    pub copy_won: usize,
    pub history_entries: usize,
}

/// A checked copy, attached to the office connection as `copy` and `base`.
struct Attached<'a> {
    conn: &'a Connection,
    copy_id: String,
    programme: String,
    scratch: PathBuf,
    base: PathBuf,
}

impl Drop for Attached<'_> {
    fn drop(&mut self) {
        let _ = self
            .conn
            .execute_batch("DETACH DATABASE copy; DETACH DATABASE base;");
        let _ = std::fs::remove_file(&self.scratch);
    }
}

fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// Checks `copy_path` and attaches it (a scratch copy of it: the file on the
/// stick is never written) and its base snapshot.
fn attach<'a>(store: &'a Store, copy_path: &Path) -> Result<Attached<'a>> {
    let conn = &store.conn;
    if meta::get(conn, "main", meta::COPY_ID)?.is_some() {
        return Err(SyncError::IsACopy);
    }
    let data_dir = store.data_dir.as_deref().ok_or(SyncError::NoDataDir)?;
    let not_copy = || SyncError::NotACopy(copy_path.to_path_buf());
    if !copy_path.is_file() {
        return Err(not_copy());
    }
    for suffix in ["-wal", "-journal"] {
        let side = side_file(copy_path, suffix);
        if std::fs::metadata(&side).is_ok_and(|m| m.len() > 0) {
            return Err(SyncError::StillOpen(copy_path.to_path_buf()));
        }
    }
    let dir = data_dir.join(COPIES_DIR);
    std::fs::create_dir_all(&dir).map_err(|source| SyncError::Io {
        path: dir.clone(),
        source,
    })?;
    let scratch = dir.join(format!("in-{}.sqlite3", store::new_id()));
    std::fs::copy(copy_path, &scratch).map_err(|source| SyncError::Io {
        path: copy_path.to_path_buf(),
        source,
    })?;
    let checked = (|| -> Result<(String, u32, String)> {
        let c = Connection::open(&scratch).map_err(|_| not_copy())?;
        let check: String = c
            .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
            .map_err(|_| not_copy())?;
        if check != "ok" {
            return Err(not_copy());
        }
        c.pragma_update(None, "journal_mode", "DELETE")
            .map_err(|_| not_copy())?;
        let version: u32 = c
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|_| not_copy())?;
        if version != store::schema_version() {
            return Err(SyncError::OtherSchema {
                found: version,
                known: store::schema_version(),
            });
        }
        let id = meta::get(&c, "main", meta::COPY_ID)
            .map_err(|_| not_copy())?
            .ok_or_else(not_copy)?;
        let programme = programme_name(&c, "main").map_err(|_| not_copy())?;
        Ok((id, version, programme))
    })();
    let (copy_id, _, programme) = match checked {
        Ok(v) => v,
        Err(e) => {
            let _ = std::fs::remove_file(&scratch);
            return Err(e);
        }
    };
    let fail = |e: SyncError| {
        let _ = std::fs::remove_file(&scratch);
        Err(e)
    };
    let (base_name, merged_at) = match record(conn, &copy_id)? {
        Some(r) => r,
        None => return fail(SyncError::OtherProgramme { programme }),
    };
    if let Some(merged_at) = merged_at {
        return fail(SyncError::AlreadyMerged { merged_at });
    }
    let base = dir.join(&base_name);
    if base_name.is_empty() || !base.is_file() {
        return fail(SyncError::BaseMissing(base));
    }
    if let Err(e) = conn.execute(
        "ATTACH DATABASE ?1 AS copy",
        [scratch.display().to_string()],
    ) {
        return fail(e.into());
    }
    let attached = Attached {
        conn,
        copy_id,
        programme,
        scratch,
        base: base.clone(),
    };
    conn.execute("ATTACH DATABASE ?1 AS base", [base.display().to_string()])?;
    Ok(attached)
}

fn counts_of(plan: &Plan) -> Vec<TableCounts> {
    let mut counts: Vec<TableCounts> = plan
        .tables
        .iter()
        .map(|t| TableCounts {
            table: t.spec.name,
            ..Default::default()
        })
        .collect();
    for op in &plan.ops {
        match op {
            Op::Insert { t, .. } => counts[*t].new += 1,
            Op::Update { t, .. } => counts[*t].changed += 1,
            Op::BinMove { t, .. } => counts[*t].binned += 1,
            Op::Remove { t, .. } => counts[*t].removed += 1,
            Op::NotCarried { t, .. } => counts[*t].not_carried += 1,
        }
    }
    for c in &plan.conflicts {
        if let Some(t) = plan.tables.iter().position(|t| t.spec.name == c.table) {
            counts[t].conflicts += 1;
        }
    }
    counts
}

fn row_label(table: &Table, key: &str) -> String {
    table
        .copy
        .get(key)
        .or_else(|| table.office.get(key))
        .map(|r| table.label_of(r))
        .unwrap_or_default()
}

fn lines_of(plan: &Plan) -> (Vec<ChangeLine>, usize) {
    let mut lines = Vec::new();
    let mut more = 0;
    let mut push = |line: ChangeLine| {
        if lines.len() < PREVIEW_LINES {
            lines.push(line);
        } else {
            more += 1;
        }
    };
    for op in &plan.ops {
        let (t, key, kind) = match op {
            Op::Insert { t, key } => (*t, key, "new"),
            Op::Update { t, key, .. } => (*t, key, "changed"),
            Op::BinMove { t, key } => (*t, key, "binned"),
            Op::Remove { t, key } => (*t, key, "removed"),
            Op::NotCarried { t, key } => (*t, key, "not_carried"),
        };
        let table = &plan.tables[t];
        let label = row_label(table, key);
        if let Op::Update { sets, .. } = op {
            for (i, v) in sets {
                let old = table
                    .office
                    .get(key)
                    .map(|r| display(&r[*i]))
                    .unwrap_or_default();
                push(ChangeLine {
                    kind,
                    table: table.spec.name,
                    label: label.clone(),
                    column: table.cols[*i].clone(),
                    old,
                    new: display(v),
                });
            }
        } else {
            push(ChangeLine {
                kind,
                table: table.spec.name,
                label,
                column: String::new(),
                old: String::new(),
                new: String::new(),
            });
        }
    }
    (lines, more)
}

/// Compares the copy, its base and this database three ways. Changes
/// nothing.
pub fn preview(store: &Store, copy_path: &Path) -> Result<Preview> {
    let attached = attach(store, copy_path)?;
    let plan = diff::plan(&store.conn)?;
    let (changes, more_changes) = lines_of(&plan);
    Ok(Preview {
        copy_id: attached.copy_id.clone(),
        programme: attached.programme.clone(),
        counts: counts_of(&plan),
        changes,
        more_changes,
        conflicts: plan
            .conflicts
            .iter()
            .map(|c| ConflictView {
                id: c.id.clone(),
                table: c.table,
                label: c.label.clone(),
                column: c.column.clone(),
                base: display(&c.base),
                office: display(&c.office),
                copy: display(&c.copy),
            })
            .collect(),
        erased_here: plan.erased_here.len(),
    })
}

fn json(v: &Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Integer(i) => (*i).into(),
        Value::Real(f) => serde_json::Number::from_f64(*f)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        Value::Text(s) => s.clone().into(),
        Value::Blob(b) => format!("<{} bytes>", b.len()).into(),
    }
}

fn row_json(table: &Table, row: &Row) -> String {
    let map: serde_json::Map<String, serde_json::Value> = table
        .cols
        .iter()
        .zip(row)
        .map(|(c, v)| (c.clone(), json(v)))
        .collect();
    serde_json::Value::Object(map).to_string()
}

struct HistoryRow<'a> {
    table: &'a Table,
    key: &'a str,
    row: &'a Row,
    column: &'a str,
    kind: &'static str,
    base: Option<String>,
    office: Option<String>,
    copy: Option<String>,
    kept: &'static str,
}

fn write_history(conn: &Connection, copy_id: &str, at: &str, h: HistoryRow) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO main.merge_history (id, copy_id, merged_at, table_name, row_id, partner_id,
            event_id, column_name, kind, base_value, office_value, copy_value, kept)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(rusqlite::params![
        store::new_id(),
        copy_id,
        at,
        h.table.spec.name,
        h.key,
        h.table.partner_of(h.row),
        h.table.event_of(h.row),
        h.column,
        h.kind,
        h.base,
        h.office,
        h.copy,
        h.kept,
    ])?;
    Ok(())
}

fn where_key(table: &Table, key: &str) -> (String, Vec<Value>) {
    match table.spec.key {
        Key::Id => ("id = ?".into(), vec![Value::Text(key.to_string())]),
        Key::Link => {
            let row = table
                .office
                .get(key)
                .or_else(|| table.copy.get(key))
                .cloned()
                .unwrap_or_default();
            let clause = table
                .cols
                .iter()
                .map(|c| format!("\"{c}\" IS ?"))
                .collect::<Vec<_>>()
                .join(" AND ");
            (clause, row)
        }
    }
}

/// Sets `sets` on a row and its `updated_at` to the later of both sides'.
fn update_row(conn: &Connection, table: &Table, key: &str, sets: &[(usize, Value)]) -> Result<()> {
    let mut clause: Vec<String> = sets
        .iter()
        .map(|(i, _)| format!("\"{}\" = ?", table.cols[*i]))
        .collect();
    let mut values: Vec<Value> = sets.iter().map(|(_, v)| v.clone()).collect();
    if let Some(u) = table.updated_at {
        let office = table.office.get(key).map(|r| r[u].clone());
        let copy = table.copy.get(key).map(|r| r[u].clone());
        let later = match (office, copy) {
            (Some(Value::Text(a)), Some(Value::Text(b))) => Value::Text(a.max(b)),
            (Some(v), _) | (None, Some(v)) => v,
            _ => Value::Text(store::now()),
        };
        clause.push("updated_at = ?".into());
        values.push(later);
    }
    let (w, wv) = where_key(table, key);
    values.extend(wv);
    let sql = format!(
        "UPDATE main.{} SET {} WHERE {w}",
        table.spec.name,
        clause.join(", ")
    );
    conn.prepare_cached(&sql)?
        .execute(params_from_iter(values))?;
    Ok(())
}

/// Applies the copy: `copy_wins` names the conflicts (their `id`) where the
/// laptop's value is kept; every other conflict keeps the office's value.
/// One transaction: all or nothing. The copy is then marked merged.
pub fn apply(store: &mut Store, copy_path: &Path, copy_wins: &[String]) -> Result<MergeSummary> {
    let (summary, base) = {
        let attached = attach(store, copy_path)?;
        let conn = &store.conn;
        conn.execute_batch("BEGIN IMMEDIATE")?;
        let done = apply_in(conn, &attached.copy_id, copy_wins);
        match done {
            Ok(s) => {
                if let Err(e) = conn.execute_batch("COMMIT") {
                    let _ = conn.execute_batch("ROLLBACK");
                    return Err(e.into());
                }
                (s, attached.base.clone())
            }
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                return Err(e);
            }
        }
    };
    // The base snapshot holds personal data and is needed no more.
    let _ = std::fs::remove_file(base);
    Ok(summary)
}

fn apply_in(conn: &Connection, copy_id: &str, copy_wins: &[String]) -> Result<MergeSummary> {
    // Inside the transaction: another merge of the same copy may have won.
    if let Some((_, Some(merged_at))) = record(conn, copy_id)? {
        return Err(SyncError::AlreadyMerged { merged_at });
    }
    let plan = diff::plan(conn)?;
    let at = store::now();
    let wins: HashSet<&str> = copy_wins.iter().map(String::as_str).collect();
    let mut s = MergeSummary {
        copy_id: copy_id.to_string(),
        ..Default::default()
    };
    let mut touched: HashSet<String> = HashSet::new();
    for op in &plan.ops {
        match op {
            Op::Insert { t, key } => {
                let table = &plan.tables[*t];
                let Some(row) = table.copy.get(key) else {
                    continue;
                };
                let cols = table
                    .cols
                    .iter()
                    .map(|c| format!("\"{c}\""))
                    .collect::<Vec<_>>()
                    .join(", ");
                let marks = vec!["?"; table.cols.len()].join(", ");
                let sql = format!(
                    "INSERT INTO main.{} ({cols}) VALUES ({marks})",
                    table.spec.name
                );
                conn.prepare_cached(&sql)?
                    .execute(params_from_iter(row.iter()))?;
                touched.extend(table.partner_of(row));
                s.inserted += 1;
            }
            Op::Update { t, key, sets } => {
                let table = &plan.tables[*t];
                update_row(conn, table, key, sets)?;
                if let Some(row) = table.copy.get(key) {
                    touched.extend(table.partner_of(row));
                }
                s.updated += 1;
            }
            Op::BinMove { t, key } => {
                let table = &plan.tables[*t];
                conn.prepare_cached(&format!(
                    "UPDATE main.{} SET deleted_at = coalesce(deleted_at, ?2), updated_at = ?2
                     WHERE id = ?1",
                    table.spec.name
                ))?
                .execute([key.as_str(), at.as_str()])?;
                s.binned += 1;
            }
            Op::Remove { t, key } => {
                let table = &plan.tables[*t];
                let Some(row) = table.office.get(key) else {
                    continue;
                };
                write_history(
                    conn,
                    copy_id,
                    &at,
                    HistoryRow {
                        table,
                        key,
                        row,
                        column: "",
                        kind: "removed",
                        base: None,
                        office: Some(row_json(table, row)),
                        copy: None,
                        kept: "copy",
                    },
                )?;
                let (w, wv) = where_key(table, key);
                conn.prepare_cached(&format!("DELETE FROM main.{} WHERE {w}", table.spec.name))?
                    .execute(params_from_iter(wv))?;
                touched.extend(table.partner_of(row));
                s.removed += 1;
                s.history_entries += 1;
            }
            Op::NotCarried { t, key } => {
                let table = &plan.tables[*t];
                let Some(row) = table.copy.get(key) else {
                    continue;
                };
                write_history(
                    conn,
                    copy_id,
                    &at,
                    HistoryRow {
                        table,
                        key,
                        row,
                        column: "",
                        kind: "not_carried",
                        base: table.base.get(key).map(|b| row_json(table, b)),
                        office: table.office.get(key).map(|o| row_json(table, o)),
                        copy: Some(row_json(table, row)),
                        kept: "office",
                    },
                )?;
                s.not_carried += 1;
                s.history_entries += 1;
            }
        }
    }
    // Conflicts, grouped by row so each row gets one update.
    let mut by_row: BTreeMap<(&str, &str), Vec<&diff::Conflict>> = BTreeMap::new();
    for c in &plan.conflicts {
        by_row.entry((c.table, c.key.as_str())).or_default().push(c);
    }
    for ((tname, key), list) in by_row {
        let Some(table) = plan.tables.iter().find(|t| t.spec.name == tname) else {
            continue;
        };
        let Some(row) = table.office.get(key) else {
            continue;
        };
        let mut sets = Vec::new();
        for c in list {
            let copy_won = wins.contains(c.id.as_str());
            write_history(
                conn,
                copy_id,
                &at,
                HistoryRow {
                    table,
                    key,
                    row,
                    column: &c.column,
                    kind: "conflict",
                    base: Some(json(&c.base).to_string()),
                    office: Some(json(&c.office).to_string()),
                    copy: Some(json(&c.copy).to_string()),
                    kept: if copy_won { "copy" } else { "office" },
                },
            )?;
            s.conflicts += 1;
            s.history_entries += 1;
            if copy_won {
                s.copy_won += 1;
                if let Some(i) = table.col(&c.column) {
                    sets.push((i, c.copy.clone()));
                }
            }
        }
        if !sets.is_empty() {
            update_row(conn, table, key, &sets)?;
            touched.extend(table.partner_of(row));
        }
    }
    for id in &touched {
        crate::partners::store::refresh_keys(conn, id)?;
    }
    let summary = serde_json::to_string(&s).unwrap_or_default();
    conn.execute(
        "UPDATE main.copies_out SET merged_at = ?2, merge_summary = ?3 WHERE id = ?1",
        [copy_id, at.as_str(), summary.as_str()],
    )?;
    Ok(s)
}
