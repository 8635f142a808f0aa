//! The awards tables' plumbing: the `BEGIN IMMEDIATE` transaction every
//! change runs in. (The kinds stored as text use the store's one
//! `stored_as_text!`.)

use super::AwardError;
use rusqlite::{Connection, Transaction, TransactionBehavior};

/// The result of every awards function.
pub(super) type Result<T> = std::result::Result<T, AwardError>;

/// Starts the transaction a change and all its checks run in.
pub(super) fn begin(conn: &mut Connection) -> Result<Transaction<'_>> {
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
}
