//! Import of partners from CSV and XLSX files as consultants have them.
//!
//! The steps: [`read`] the file into text cells, [`mapping::guess`] which
//! column fills which field, [`preview`] every row (problems with row number,
//! column and reason; likely duplicates), then [`run`] the import: all rows
//! in one transaction, recorded as a batch in `import_batches`, or nothing at
//! all when any row is invalid. [`undo`] removes a whole batch again and
//! restores the partners it updated.
//!
//! Invariants: a failed import changes nothing; every partner an import
//! creates carries its batch id; an update keeps a snapshot of the rows it
//! changed (in `import_undo_snapshots`, one row per partner) until the
//! batch is undone; erasing a partner erases its snapshots too.

pub mod convert;
pub mod mapping;
pub mod read;

use crate::i18n::{Lang, Localize};
use crate::partners::{self, dedupe, PartnerError, PartnerInput};
use crate::settings::{self, SettingsError};
use crate::store::{new_id, now, StoreError};
use mapping::{ImportField, Mapping};
use read::{FileFormat, Table};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How many rows the mapping step shows.
pub const SAMPLE_ROWS: usize = 5;
/// At most this many problems and duplicates go to the preview (the counts
/// are always complete; the CLI and a refused import list every problem).
pub const PREVIEW_LIMIT: usize = 1000;

/// Errors of the import.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    EmptyFile,
    #[error("the file is larger than {max_mb} MB")]
    TooLarge { max_mb: usize },
    #[error("the file is neither CSV nor XLSX")]
    NotTabular,
    #[error("the spreadsheet cannot be read")]
    UnreadableSpreadsheet,
    #[error("row {row}, column {column}: a quote is never closed")]
    UnclosedQuote { row: usize, column: usize },
    #[error("row {row}: the CSV cannot be read")]
    Csv { row: usize },
    #[error("the file has a header but no rows")]
    NoRows,
    #[error("no column is mapped to the name")]
    NameNotMapped,
    #[error("the mapping does not fit the file's columns")]
    MappingMismatch,
    #[error("{} rows have problems", .0.len())]
    InvalidRows(Vec<RowProblem>),
    #[error("unknown import batch {0}")]
    BatchNotFound(String),
    #[error("the import was already undone")]
    AlreadyUndone,
    #[error("partners of the import are in use elsewhere")]
    BatchInUse,
    #[error(transparent)]
    Partner(#[from] PartnerError),
    #[error(transparent)]
    Settings(#[from] SettingsError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for ImportError {
    fn from(e: rusqlite::Error) -> Self {
        ImportError::Store(StoreError::Sqlite(e))
    }
}

impl Localize for ImportError {
    fn code(&self) -> &'static str {
        match self {
            ImportError::EmptyFile => "import.empty_file",
            ImportError::TooLarge { .. } => "import.too_large",
            ImportError::NotTabular => "import.not_tabular",
            ImportError::UnreadableSpreadsheet => "import.unreadable_spreadsheet",
            ImportError::UnclosedQuote { .. } => "import.unclosed_quote",
            ImportError::Csv { .. } => "import.csv",
            ImportError::NoRows => "import.no_rows",
            ImportError::NameNotMapped => "import.name_not_mapped",
            ImportError::MappingMismatch => "import.mapping_mismatch",
            ImportError::InvalidRows(_) => "import.invalid_rows",
            ImportError::BatchNotFound(_) => "import.batch_not_found",
            ImportError::AlreadyUndone => "import.already_undone",
            ImportError::BatchInUse => "import.batch_in_use",
            ImportError::Partner(e) => e.code(),
            ImportError::Settings(e) => e.code(),
            ImportError::Store(e) => e.code(),
        }
    }

    fn field(&self) -> Option<&'static str> {
        match self {
            ImportError::NameNotMapped => Some("import_mapping"),
            ImportError::Partner(e) => e.field(),
            ImportError::Settings(_) | ImportError::Store(_) => None,
            _ => Some("import_file"),
        }
    }

    fn message(&self, lang: Lang) -> String {
        use ImportError as E;
        match (lang, self) {
            (_, E::Partner(e)) => e.message(lang),
            (_, E::Settings(e)) => e.message(lang),
            (_, E::Store(e)) => e.message(lang),
            (Lang::Da, E::EmptyFile) => "Filen er tom: der er hverken overskrifter eller rækker.".into(),
            (Lang::En, E::EmptyFile) => "The file is empty: it has neither headers nor rows.".into(),
            (Lang::Da, E::TooLarge { max_mb }) => format!("Filen er for stor; den må højst fylde {max_mb} MB."),
            (Lang::En, E::TooLarge { max_mb }) => format!("The file is too large; it may be at most {max_mb} MB."),
            (Lang::Da, E::NotTabular) => "Filen er hverken en CSV-fil eller et Excel-regneark (XLSX). Gem den som CSV eller XLSX og prøv igen.".into(),
            (Lang::En, E::NotTabular) => "The file is neither a CSV file nor an Excel spreadsheet (XLSX). Save it as CSV or XLSX and try again.".into(),
            (Lang::Da, E::UnreadableSpreadsheet) => "Regnearket kan ikke læses; det er måske beskadiget eller beskyttet med adgangskode. Gem det igen som XLSX eller CSV.".into(),
            (Lang::En, E::UnreadableSpreadsheet) => "The spreadsheet cannot be read; it may be damaged or password-protected. Save it again as XLSX or CSV.".into(),
            (Lang::Da, E::UnclosedQuote { row, column }) => format!("Række {row}, kolonne {column}: et anførselstegn (\") åbner feltet, men det lukkes aldrig. Ret filen og prøv igen."),
            (Lang::En, E::UnclosedQuote { row, column }) => format!("Row {row}, column {column}: a quote (\") opens the field but is never closed. Fix the file and try again."),
            (Lang::Da, E::Csv { row }) => format!("Række {row} kan ikke læses som CSV."),
            (Lang::En, E::Csv { row }) => format!("Row {row} cannot be read as CSV."),
            (Lang::Da, E::NoRows) => "Filen har en overskriftsrække, men ingen rækker med partnere.".into(),
            (Lang::En, E::NoRows) => "The file has a header row but no rows with partners.".into(),
            (Lang::Da, E::NameNotMapped) => "Vælg, hvilken kolonne der indeholder partnerens navn.".into(),
            (Lang::En, E::NameNotMapped) => "Choose which column holds the partner's name.".into(),
            (Lang::Da, E::MappingMismatch) => "Kolonnevalget passer ikke til filen. Vælg filen igen.".into(),
            (Lang::En, E::MappingMismatch) => "The column choice does not fit the file. Choose the file again.".into(),
            (Lang::Da, E::InvalidRows(p)) => format!("Intet er importeret: {} {} i filen skal rettes først.", p.len(), if p.len() == 1 { "problem" } else { "problemer" }),
            (Lang::En, E::InvalidRows(p)) => format!("Nothing was imported: {} {} in the file must be fixed first.", p.len(), if p.len() == 1 { "problem" } else { "problems" }),
            (Lang::Da, E::BatchNotFound(_)) => "Importen findes ikke.".into(),
            (Lang::En, E::BatchNotFound(_)) => "The import does not exist.".into(),
            (Lang::Da, E::AlreadyUndone) => "Importen er allerede fortrudt.".into(),
            (Lang::En, E::AlreadyUndone) => "The import has already been undone.".into(),
            (Lang::Da, E::BatchInUse) => "Importen kan ikke fortrydes, fordi nogle af dens partnere nu bruges andre steder (fx diplomer eller bevillinger).".into(),
            (Lang::En, E::BatchInUse) => "The import cannot be undone because some of its partners are now used elsewhere (e.g. diplomas or grants).".into(),
        }
    }
}

pub type Result<T> = std::result::Result<T, ImportError>;

/// One problem with one row of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    /// The row number as in Excel (the header is row 1 in a CSV).
    pub row: usize,
    /// The file's header of the column concerned, when there is one.
    pub column: Option<String>,
    /// The partner field concerned (`email`), when there is one.
    pub field: Option<String>,
    pub code: String,
    pub message: String,
}

impl RowProblem {
    /// "Række 4, kolonne «E-mail»: ..." for the terminal.
    pub fn line(&self, lang: Lang) -> String {
        match (lang, &self.column) {
            (Lang::Da, Some(c)) => format!("Række {}, kolonne «{c}»: {}", self.row, self.message),
            (Lang::En, Some(c)) => format!("Row {}, column \"{c}\": {}", self.row, self.message),
            (Lang::Da, None) => format!("Række {}: {}", self.row, self.message),
            (Lang::En, None) => format!("Row {}: {}", self.row, self.message),
        }
    }
}

/// What to do with a row that looks like a partner already in the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OnDuplicate {
    /// Leave the existing partner alone and skip the row (the default).
    #[default]
    Skip,
    /// Fill the existing partner with the row's values.
    Update,
    /// Import the row as a new partner anyway.
    Import,
}

impl std::str::FromStr for OnDuplicate {
    type Err = ();
    fn from_str(s: &str) -> std::result::Result<Self, ()> {
        match s {
            "skip" | "spring-over" => Ok(OnDuplicate::Skip),
            "update" | "opdater" => Ok(OnDuplicate::Update),
            "import" | "importer" => Ok(OnDuplicate::Import),
            _ => Err(()),
        }
    }
}

/// A column of the file in the mapping step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    pub index: usize,
    pub header: String,
    /// The field the column fills, or `None` when left out.
    pub field: Option<ImportField>,
    /// The first few non-empty values, to recognise the column by.
    pub samples: Vec<String>,
}

/// A row of the file that looks like an existing partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DuplicateRow {
    pub row: usize,
    pub name: String,
    pub existing_id: String,
    pub existing_name: String,
    /// `name` or `email`; `file` when an earlier row of the file has the name.
    pub reason: String,
}

/// A sample row, as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SampleRow {
    pub row: usize,
    pub cells: Vec<String>,
}

/// What the mapping and preview steps show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Preview {
    pub format: FileFormat,
    pub columns: Vec<Column>,
    /// Every field a column can be mapped to, in order (the UI names them).
    pub fields: Vec<&'static str>,
    pub row_count: usize,
    pub sample: Vec<SampleRow>,
    /// The problems in the file, in row order (the first [`PREVIEW_LIMIT`]).
    pub problems: Vec<RowProblem>,
    /// How many problems there are in all.
    pub problem_count: usize,
    /// How many rows have at least one problem.
    pub rows_with_problems: usize,
    /// The likely duplicates (the first [`PREVIEW_LIMIT`]).
    pub duplicates: Vec<DuplicateRow>,
    pub duplicate_count: usize,
    /// Set when the name is not mapped (nothing can be imported).
    pub name_missing: bool,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub batch_id: String,
    pub file_name: String,
    pub created: usize,
    pub updated: usize,
    pub skipped: usize,
}

/// What undoing an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UndoReport {
    pub removed: usize,
    pub restored: usize,
}

/// An import in the history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Batch {
    pub id: String,
    pub file_name: String,
    pub row_count: i64,
    pub created_at: String,
    pub undone_at: Option<String>,
    /// Partners of the batch still in the register.
    pub partners: i64,
}

/// Reads `bytes` and checks `mapping` against its columns (`None`: guess).
fn table_and_mapping(bytes: &[u8], mapping: Option<&Mapping>) -> Result<(Table, Mapping)> {
    let table = read::read(bytes)?;
    let mapping = match mapping {
        None => mapping::guess(&table.headers),
        Some(m) if m.len() == table.headers.len() => {
            // A field chosen for two columns counts only at the first.
            let mut seen = Vec::new();
            m.iter()
                .map(|f| match f {
                    Some(f) if seen.contains(f) => None,
                    Some(f) => {
                        seen.push(*f);
                        Some(*f)
                    }
                    None => None,
                })
                .collect()
        }
        Some(_) => return Err(ImportError::MappingMismatch),
    };
    Ok((table, mapping))
}

/// A row read and checked: the input and every problem found.
struct Checked {
    row: usize,
    input: PartnerInput,
    problems: Vec<RowProblem>,
}

/// The column header of the column mapped to `field` (`email`), if any.
fn column_of(table: &Table, mapping: &Mapping, field: &str) -> Option<String> {
    // Fields the row derives from another column.
    let field = match field {
        "status_changed_on" => "joined_on",
        "consent_public_on" => "consent_public",
        "consent_email_on" => "consent_email",
        f => f,
    };
    let f = ImportField::from_key(field)?;
    let i = mapping.iter().position(|m| *m == Some(f))?;
    table.headers.get(i).cloned()
}

fn check_rows(
    conn: &Connection,
    table: &Table,
    mapping: &Mapping,
    lang: Lang,
) -> Result<Vec<Checked>> {
    let goals = settings::goals(conn, true)?;
    let mut out = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        let mut problems = Vec::new();
        if let Some(width) = row.width {
            problems.push(RowProblem {
                row: row.number,
                column: None,
                field: None,
                code: "import.row_width".into(),
                message: match lang {
                    Lang::Da => format!(
                        "Rækken har {width} {}, men overskriftsrækken har {}",
                        if width == 1 { "kolonne" } else { "kolonner" },
                        table.headers.len()
                    ),
                    Lang::En => format!(
                        "The row has {width} {} but the header row has {}",
                        if width == 1 { "column" } else { "columns" },
                        table.headers.len()
                    ),
                },
            });
        }
        let (input, bad) = convert::row_input(&row.cells, mapping, &goals);
        // A value that could not be read is reported once, with the value;
        // the validator's view of the same field (now empty) adds nothing.
        let bad_fields: Vec<&'static str> = bad.iter().map(|b| b.field.key()).collect();
        for b in bad {
            problems.push(RowProblem {
                row: row.number,
                column: column_of(table, mapping, b.field.key()),
                field: Some(b.field.key().into()),
                code: "import.unknown_value".into(),
                message: b.message(lang),
            });
        }
        for e in partners::problems(conn, &input, &[])? {
            let field = e.field();
            if field.is_some_and(|f| bad_fields.contains(&f)) {
                continue;
            }
            problems.push(RowProblem {
                row: row.number,
                column: field.and_then(|f| column_of(table, mapping, f)),
                field: field.map(str::to_string),
                code: e.code().into(),
                message: e.message(lang),
            });
        }
        out.push(Checked {
            row: row.number,
            input,
            problems,
        });
    }
    Ok(out)
}

/// Reads the file and shows what an import would do: the columns with the
/// guessed (or given) mapping, the first rows, every row problem and the
/// likely duplicates. Changes nothing.
pub fn preview(
    conn: &Connection,
    bytes: &[u8],
    mapping: Option<&Mapping>,
    lang: Lang,
) -> Result<Preview> {
    let (table, mapping) = table_and_mapping(bytes, mapping)?;
    let name_missing = !mapping.contains(&Some(ImportField::Name));
    let columns = table
        .headers
        .iter()
        .enumerate()
        .map(|(index, header)| Column {
            index,
            header: header.clone(),
            field: mapping.get(index).copied().flatten(),
            samples: table
                .rows
                .iter()
                .filter_map(|r| r.cells.get(index))
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .take(3)
                .map(str::to_string)
                .collect(),
        })
        .collect();
    let sample = table
        .rows
        .iter()
        .take(SAMPLE_ROWS)
        .map(|r| SampleRow {
            row: r.number,
            cells: r.cells.clone(),
        })
        .collect();
    let (mut problems, rows_with_problems, mut duplicates) = if name_missing {
        (Vec::new(), 0, Vec::new())
    } else {
        let checked = check_rows(conn, &table, &mapping, lang)?;
        let rows_with_problems = checked.iter().filter(|c| !c.problems.is_empty()).count();
        let duplicates = find_duplicates(conn, &checked)?;
        let problems = checked.into_iter().flat_map(|c| c.problems).collect();
        (problems, rows_with_problems, duplicates)
    };
    let problem_count = problems.len();
    let duplicate_count = duplicates.len();
    problems.truncate(PREVIEW_LIMIT);
    duplicates.truncate(PREVIEW_LIMIT);
    Ok(Preview {
        format: table.format.clone(),
        columns,
        fields: ImportField::ALL.iter().map(|f| f.key()).collect(),
        row_count: table.rows.len(),
        sample,
        problems,
        problem_count,
        rows_with_problems,
        duplicates,
        duplicate_count,
        name_missing,
    })
}

fn emails(input: &PartnerInput) -> Vec<String> {
    input
        .contacts
        .iter()
        .map(|c| c.email.trim().to_lowercase())
        .filter(|e| !e.is_empty())
        .collect()
}

/// Rows that look like a partner in the register, or like an earlier row of
/// the same file.
fn find_duplicates(conn: &Connection, checked: &[Checked]) -> Result<Vec<DuplicateRow>> {
    let mut out = Vec::new();
    let mut earlier: HashMap<String, (usize, String)> = HashMap::new();
    for c in checked {
        let found = dedupe::find(conn, &c.input.name, &emails(&c.input), None)?;
        if let Some(d) = found.into_iter().next() {
            out.push(DuplicateRow {
                row: c.row,
                name: c.input.name.trim().to_string(),
                existing_id: d.id,
                existing_name: d.name,
                reason: serde_json::to_value(d.reason)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
            });
        } else {
            let key = dedupe::name_key(&c.input.name);
            if key.is_empty() {
                continue;
            }
            if let Some((row, name)) = earlier.get(&key) {
                out.push(DuplicateRow {
                    row: c.row,
                    name: c.input.name.trim().to_string(),
                    existing_id: String::new(),
                    existing_name: format!("{name} ({row})"),
                    reason: "file".into(),
                });
            } else {
                earlier.insert(key, (c.row, c.input.name.trim().to_string()));
            }
        }
    }
    Ok(out)
}

/// Imports every row of the file in one transaction, as one batch. When any
/// row has a problem nothing is imported and every problem is returned in
/// [`ImportError::InvalidRows`]. Rows that look like an existing partner
/// (or an earlier row of the file) are handled as `on_duplicate` says.
pub fn run(
    conn: &mut Connection,
    bytes: &[u8],
    file_name: &str,
    mapping: Option<&Mapping>,
    on_duplicate: OnDuplicate,
    lang: Lang,
) -> Result<ImportReport> {
    let (table, mapping) = table_and_mapping(bytes, mapping)?;
    if !mapping.contains(&Some(ImportField::Name)) {
        return Err(ImportError::NameNotMapped);
    }
    if table.rows.is_empty() {
        return Err(ImportError::NoRows);
    }
    let checked = check_rows(conn, &table, &mapping, lang)?;
    let problems: Vec<RowProblem> = checked.iter().flat_map(|c| c.problems.clone()).collect();
    if !problems.is_empty() {
        return Err(ImportError::InvalidRows(problems));
    }
    let file_name: String = file_name
        .chars()
        .filter(|c| !c.is_control())
        .take(255)
        .collect();
    let batch_id = new_id();
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO import_batches (id, file_name, row_count, created_at) VALUES (?1, ?2, 0, ?3)",
        params![batch_id, file_name, now()],
    )?;
    let mut report = ImportReport {
        batch_id: batch_id.clone(),
        file_name,
        created: 0,
        updated: 0,
        skipped: 0,
    };
    let mut snapshots: Vec<Snapshot> = Vec::new();
    for c in &checked {
        let existing = if on_duplicate == OnDuplicate::Import {
            None
        } else {
            dedupe::find(&tx, &c.input.name, &emails(&c.input), None)?
                .into_iter()
                .next()
        };
        match (existing, on_duplicate) {
            (Some(_), OnDuplicate::Skip) => report.skipped += 1,
            (Some(d), OnDuplicate::Update) => {
                if !snapshots.iter().any(|s| s.partner_id == d.id) {
                    snapshots.push(Snapshot::take(&tx, &d.id)?);
                }
                update_existing(&tx, &d.id, &c.input, &table, &mapping, c.row, lang)?;
                report.updated += 1;
            }
            _ => {
                let valid = partners::validate(&tx, &c.input)?;
                partners::insert_valid(&tx, &valid, Some(&batch_id))?;
                report.created += 1;
            }
        }
    }
    tx.execute(
        "UPDATE import_batches SET row_count = ?2 WHERE id = ?1",
        params![batch_id, report.created + report.updated],
    )?;
    for s in &snapshots {
        let json = serde_json::to_string(s)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        tx.execute(
            "INSERT INTO import_undo_snapshots (batch_id, partner_id, snapshot) VALUES (?1, ?2, ?3)",
            params![batch_id, s.partner_id, json],
        )?;
    }
    tx.commit()?;
    Ok(report)
}

/// Fills an existing partner with the row: every mapped, non-empty cell
/// replaces the partner's value; goals are added to the partner's goals; the
/// row's contact is added unless a contact with the same email or name is
/// there already.
fn update_existing(
    tx: &Connection,
    id: &str,
    row: &PartnerInput,
    table: &Table,
    mapping: &Mapping,
    row_number: usize,
    lang: Lang,
) -> Result<()> {
    let current = partners::get(tx, id)?;
    let mut input = input_of(&current);
    let set = |target: &mut String, value: &str| {
        if !value.trim().is_empty() {
            *target = value.to_string();
        }
    };
    set(&mut input.name, &row.name);
    set(&mut input.kind, &row.kind);
    if !row.status.is_empty() && row.status != input.status {
        input.status = row.status.clone();
        input.status_changed_on = row.status_changed_on.clone();
    }
    set(&mut input.joined_on, &row.joined_on);
    for g in &row.goals {
        if !input.goals.contains(g) {
            input.goals.push(g.clone());
        }
    }
    set(&mut input.initiative, &row.initiative);
    set(&mut input.target_group, &row.target_group);
    set(&mut input.arena, &row.arena);
    set(&mut input.address, &row.address);
    set(&mut input.website, &row.website);
    set(&mut input.recruitment_channel, &row.recruitment_channel);
    set(&mut input.recruited_by, &row.recruited_by);
    set(&mut input.recruitment_notes, &row.recruitment_notes);
    set(&mut input.notes, &row.notes);
    input.consent_public |= row.consent_public;
    input.consent_email |= row.consent_email;
    input.some_commitment |= row.some_commitment;
    for c in &row.contacts {
        let same = input.contacts.iter().any(|x| {
            (!c.email.is_empty() && x.email.eq_ignore_ascii_case(c.email.trim()))
                || x.name.trim().to_lowercase() == c.name.trim().to_lowercase()
        });
        if !same {
            input.contacts.push(partners::ContactInput {
                is_primary: input.contacts.is_empty(),
                ..c.clone()
            });
        }
    }
    let current_goals: Vec<String> = current.goals.iter().map(|g| g.id.clone()).collect();
    match partners::validate_with_goals(tx, &input, &current_goals) {
        Ok(valid) => Ok(partners::store::write_update_from(
            tx,
            id,
            &valid,
            current.status,
            valid.status_changed_on,
            partners::consents::Source::IMPORT,
        )?),
        // The merged record can fail where the row alone did not (e.g. the
        // existing partner is active and the row leaves it without goals).
        Err(e) => {
            let field = e.field();
            Err(ImportError::InvalidRows(vec![RowProblem {
                row: row_number,
                column: field.and_then(|f| column_of(table, mapping, f)),
                field: field.map(str::to_string),
                code: e.code().into(),
                message: e.message(lang),
            }]))
        }
    }
}

/// A stored partner as form input, to merge a row into.
pub(crate) fn input_of(p: &partners::Partner) -> PartnerInput {
    let date = |d: Option<chrono::NaiveDate>| d.map(crate::dates::iso).unwrap_or_default();
    PartnerInput {
        name: p.name.clone(),
        kind: p.kind.as_str().to_string(),
        status: p.status.as_str().to_string(),
        status_changed_on: String::new(),
        joined_on: date(p.joined_on),
        goals: p.goals.iter().map(|g| g.id.clone()).collect(),
        initiative: p.initiative.clone(),
        target_group: p.target_group.clone(),
        arena: p.arena.clone(),
        address: p.address.clone(),
        website: p.website.clone(),
        recruitment_channel: p
            .recruitment_channel
            .map(|c| c.as_str().to_string())
            .unwrap_or_default(),
        recruited_by: p.recruited_by.clone(),
        recruitment_notes: p.recruitment_notes.clone(),
        consent_public: p.consent_public,
        consent_public_on: date(p.consent_public_on),
        consent_email: p.consent_email,
        consent_email_on: date(p.consent_email_on),
        some_commitment: p.some_commitment,
        notes: p.notes.clone(),
        contacts: p
            .contacts
            .iter()
            .map(|c| partners::ContactInput {
                id: c.id.clone(),
                name: c.name.clone(),
                role: c.role.clone(),
                email: c.email.clone(),
                phone: c.phone.clone(),
                is_primary: c.is_primary,
            })
            .collect(),
    }
}

/// One stored row: column name → value.
type SnapshotRow = Vec<(String, serde_json::Value)>;

/// The rows of one partner before an import updated it, to restore on undo.
#[derive(Debug, Serialize, Deserialize)]
struct Snapshot {
    partner_id: String,
    /// Table name → rows, each row as column → value.
    tables: Vec<(String, Vec<SnapshotRow>)>,
}

/// The tables that hold a partner, with the column that names it.
const PARTNER_TABLES: [(&str, &str); 5] = [
    ("partners", "id"),
    ("contacts", "partner_id"),
    ("partner_goals", "partner_id"),
    ("partner_status_history", "partner_id"),
    ("consent_history", "partner_id"),
];

fn to_json(v: rusqlite::types::Value) -> serde_json::Value {
    use rusqlite::types::Value as V;
    match v {
        V::Null => serde_json::Value::Null,
        V::Integer(i) => i.into(),
        V::Real(f) => f.into(),
        V::Text(s) => s.into(),
        V::Blob(b) => serde_json::Value::Array(b.into_iter().map(Into::into).collect()),
    }
}

fn from_json(v: &serde_json::Value) -> rusqlite::types::Value {
    use rusqlite::types::Value as V;
    match v {
        serde_json::Value::Null => V::Null,
        serde_json::Value::Bool(b) => V::Integer(i64::from(*b)),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => V::Integer(i),
            None => V::Real(n.as_f64().unwrap_or_default()),
        },
        serde_json::Value::String(s) => V::Text(s.clone()),
        serde_json::Value::Array(a) => V::Blob(
            a.iter()
                .filter_map(|x| x.as_u64())
                .map(|x| x as u8)
                .collect(),
        ),
        serde_json::Value::Object(_) => V::Null,
    }
}

impl Snapshot {
    /// Copies every row of the partner, whatever columns the tables have.
    fn take(conn: &Connection, partner_id: &str) -> Result<Snapshot> {
        let mut tables = Vec::new();
        for (table, key) in PARTNER_TABLES {
            let mut stmt = conn.prepare(&format!("SELECT * FROM {table} WHERE {key} = ?1"))?;
            let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
            let rows = stmt
                .query_map([partner_id], |r| {
                    let mut row = Vec::with_capacity(names.len());
                    for (i, n) in names.iter().enumerate() {
                        row.push((n.clone(), to_json(r.get::<_, rusqlite::types::Value>(i)?)));
                    }
                    Ok(row)
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            tables.push((table.to_string(), rows));
        }
        Ok(Snapshot {
            partner_id: partner_id.to_string(),
            tables,
        })
    }

    /// Puts the partner's rows back as they were. A partner erased since
    /// (GDPR) is not brought back.
    fn restore(&self, tx: &Connection) -> Result<bool> {
        let erased: Option<Option<String>> = tx
            .query_row(
                "SELECT erased_at FROM partners WHERE id = ?1",
                [&self.partner_id],
                |r| r.get(0),
            )
            .optional()?;
        match erased {
            Some(None) => {}
            _ => return Ok(false),
        }
        for (table, key) in PARTNER_TABLES.iter().rev() {
            if *table != "partners" {
                tx.execute(
                    &format!("DELETE FROM {table} WHERE {key} = ?1"),
                    [&self.partner_id],
                )?;
            }
        }
        for (table, rows) in &self.tables {
            if !PARTNER_TABLES.iter().any(|(t, _)| t == table) {
                continue;
            }
            for row in rows {
                let cols: Vec<&str> = row.iter().map(|(c, _)| c.as_str()).collect();
                let values: Vec<rusqlite::types::Value> =
                    row.iter().map(|(_, v)| from_json(v)).collect();
                let sql = if table == "partners" {
                    let sets: Vec<String> = cols
                        .iter()
                        .enumerate()
                        .map(|(i, c)| format!("\"{c}\" = ?{}", i + 1))
                        .collect();
                    format!(
                        "UPDATE partners SET {} WHERE id = ?{}",
                        sets.join(", "),
                        cols.len() + 1
                    )
                } else {
                    let marks: Vec<String> = (1..=cols.len()).map(|i| format!("?{i}")).collect();
                    let names: Vec<String> = cols.iter().map(|c| format!("\"{c}\"")).collect();
                    format!(
                        "INSERT INTO {table} ({}) VALUES ({})",
                        names.join(", "),
                        marks.join(", ")
                    )
                };
                let mut params: Vec<rusqlite::types::Value> = values;
                if table == "partners" {
                    params.push(rusqlite::types::Value::Text(self.partner_id.clone()));
                }
                tx.execute(&sql, rusqlite::params_from_iter(params))?;
            }
        }
        Ok(true)
    }
}

/// True when another area's record (a diploma, a grant application, an
/// event participant, ...) points at a partner of the batch. Found through
/// the schema's foreign keys, so areas added later are covered too: undo
/// must never cascade into them or leave them dangling.
fn batch_in_use(conn: &Connection, batch_id: &str) -> Result<bool> {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for table in tables {
        if PARTNER_TABLES.iter().any(|(t, _)| *t == table) {
            continue;
        }
        let columns: Vec<String> = conn
            .prepare(
                "SELECT \"from\" FROM pragma_foreign_key_list(?1) WHERE \"table\" = 'partners'",
            )?
            .query_map([&table], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for column in columns {
            let used: bool = conn.query_row(
                &format!(
                    "SELECT EXISTS (SELECT 1 FROM \"{table}\" WHERE \"{column}\" IN
                        (SELECT id FROM partners WHERE import_batch_id = ?1))"
                ),
                [batch_id],
                |r| r.get(0),
            )?;
            if used {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// Undoes a whole import: removes every partner it created (with their
/// contacts, goals and history, also those moved to the bin since) and puts
/// back the partners it updated as they were before.
pub fn undo(conn: &mut Connection, batch_id: &str) -> Result<UndoReport> {
    let tx = conn.transaction()?;
    let undone: Option<Option<String>> = tx
        .query_row(
            "SELECT undone_at FROM import_batches WHERE id = ?1",
            [batch_id],
            |r| r.get(0),
        )
        .optional()?;
    match undone {
        None => return Err(ImportError::BatchNotFound(batch_id.to_string())),
        Some(Some(_)) => return Err(ImportError::AlreadyUndone),
        Some(None) => {}
    }
    if batch_in_use(&tx, batch_id)? {
        return Err(ImportError::BatchInUse);
    }
    let removed = tx
        .execute(
            "DELETE FROM partners WHERE import_batch_id = ?1",
            [batch_id],
        )
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                ImportError::BatchInUse
            }
            e => e.into(),
        })?;
    let saved: Vec<String> = {
        let mut stmt =
            tx.prepare("SELECT snapshot FROM import_undo_snapshots WHERE batch_id = ?1")?;
        let rows = stmt.query_map([batch_id], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut restored = 0;
    for json in &saved {
        let snapshot: Snapshot = serde_json::from_str(json).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })?;
        if snapshot.restore(&tx)? {
            restored += 1;
        }
    }
    tx.execute(
        "DELETE FROM import_undo_snapshots WHERE batch_id = ?1",
        [batch_id],
    )?;
    tx.execute(
        "UPDATE import_batches SET undone_at = ?2 WHERE id = ?1",
        params![batch_id, now()],
    )?;
    tx.commit()?;
    Ok(UndoReport { removed, restored })
}

/// The imports made, newest first.
pub fn batches(conn: &Connection) -> Result<Vec<Batch>> {
    let mut stmt = conn.prepare(
        "SELECT b.id, b.file_name, b.row_count, b.created_at, b.undone_at,
                (SELECT count(*) FROM partners p WHERE p.import_batch_id = b.id)
         FROM import_batches b ORDER BY b.created_at DESC, b.rowid DESC",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Batch {
                id: r.get(0)?,
                file_name: r.get(1)?,
                row_count: r.get(2)?,
                created_at: r.get(3)?,
                undone_at: r.get(4)?,
                partners: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

#[cfg(test)]
mod tests;
