//! The awards tables' plumbing: the `BEGIN IMMEDIATE` transaction every
//! change runs in, and `ToSql`/`FromSql` for the kinds stored as text (an
//! unknown text in the file is an error, never a guess).

use super::AwardError;
use rusqlite::{Connection, Transaction, TransactionBehavior};

/// The result of every awards function.
pub(super) type Result<T> = std::result::Result<T, AwardError>;

/// Starts the transaction a change and all its checks run in.
pub(super) fn begin(conn: &mut Connection) -> Result<Transaction<'_>> {
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
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
