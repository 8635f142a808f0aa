//! Reading and writing the grant tables' columns: the `BEGIN IMMEDIATE`
//! transaction every change runs in, ISO dates, and the stored text of
//! [`Status`] and the history's kinds (the store's one `stored_as_text!`: `ToSql`/`FromSql`
//! through their `as_str` and `FromStr`, so an unknown text in the file is an
//! error, never a guess).

use super::{GrantError, Status};
use chrono::NaiveDate;
use rusqlite::{Connection, Row};

/// The result of every grant function.
pub(super) type Result<T> = std::result::Result<T, GrantError>;

/// Starts the transaction a change and all its checks run in (a savepoint
/// inside a caller's transaction, see `store::begin`).
pub(super) fn begin(conn: &mut Connection) -> Result<crate::store::Write<'_>> {
    Ok(crate::store::begin(conn)?)
}

fn parse_col_date(idx: usize, s: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// A required ISO date column.
pub(super) fn date_col(row: &Row, idx: usize) -> rusqlite::Result<NaiveDate> {
    let s: String = row.get(idx)?;
    parse_col_date(idx, &s)
}

/// An optional ISO date column.
pub(super) fn opt_date_col(row: &Row, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let s: Option<String> = row.get(idx)?;
    s.map(|s| parse_col_date(idx, &s)).transpose()
}

crate::store::stored_as_text!(Status);
