//! The awards tables' plumbing: the `BEGIN IMMEDIATE` transaction every
//! change runs in. (The kinds stored as text use the store's one
//! `stored_as_text!`.)

use super::AwardError;
use rusqlite::Connection;

/// The result of every awards function.
pub(super) type Result<T> = std::result::Result<T, AwardError>;

/// Starts the transaction a change and all its checks run in (a savepoint
/// inside a caller's transaction, see `store::begin`).
pub(super) fn begin(conn: &mut Connection) -> Result<crate::store::Write<'_>> {
    Ok(crate::store::begin(conn)?)
}
