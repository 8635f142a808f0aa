//! Reading and writing the grant tables' columns: the `BEGIN IMMEDIATE`
//! transaction every change runs in, ISO dates, and the stored text of
//! [`Status`] and the history's kinds ([`stored_as_text`]: `ToSql`/`FromSql`
//! through their `as_str` and `FromStr`, so an unknown text in the file is an
//! error, never a guess).

use super::{GrantError, Status};
use chrono::NaiveDate;
use rusqlite::{Connection, Row, Transaction, TransactionBehavior};

/// The result of every grant function.
pub(super) type Result<T> = std::result::Result<T, GrantError>;

/// Starts the transaction a change and all its checks run in.
pub(super) fn begin(conn: &mut Connection) -> Result<Transaction<'_>> {
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
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

/// `ToSql`/`FromSql` for an enum stored as its `as_str()` text.
macro_rules! stored_as_text {
    ($($name:ty),+) => {$(
        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(
                v: rusqlite::types::ValueRef<'_>,
            ) -> rusqlite::types::FromSqlResult<Self> {
                let s = v.as_str()?;
                s.parse().map_err(|_| {
                    rusqlite::types::FromSqlError::Other(
                        format!("unknown {} {s:?}", stringify!($name)).into(),
                    )
                })
            }
        }
    )+};
}

pub(super) use stored_as_text;

stored_as_text!(Status);
