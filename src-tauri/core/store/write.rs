//! The one way a change starts its transaction, so that changes of several
//! areas can be gathered into one all-or-nothing whole (the demo programme).
//!
//! - [`begin`] is what an area's change calls instead of
//!   `Connection::transaction`: on a connection outside any transaction it
//!   opens a `BEGIN IMMEDIATE` transaction (the write lock taken at once, so
//!   a change never fails half-way on a busy database); inside a transaction
//!   someone else opened it takes a savepoint. Either way the change is all or
//!   nothing on its own, and [`Write::commit`] keeps it (a dropped `Write`
//!   rolls it back).
//! - [`all_or_nothing`] is the gathering side: it runs a function that calls
//!   many areas' changes in one transaction and commits only when the whole
//!   function succeeded; otherwise nothing of it stays.

use super::StoreError;
use rusqlite::{Connection, Savepoint, Transaction, TransactionBehavior};
use std::ops::Deref;

/// A change in progress: a transaction of its own, or a savepoint in the
/// transaction of a caller gathering several changes.
pub enum Write<'c> {
    Transaction(Transaction<'c>),
    Savepoint(Savepoint<'c>),
}

impl Deref for Write<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        match self {
            Write::Transaction(t) => t,
            Write::Savepoint(s) => s,
        }
    }
}

impl Write<'_> {
    /// Keeps the change (commits the transaction or releases the savepoint
    /// into the caller's transaction).
    pub fn commit(self) -> rusqlite::Result<()> {
        match self {
            Write::Transaction(t) => t.commit(),
            Write::Savepoint(s) => s.commit(),
        }
    }
}

/// Starts a change (see the module documentation).
pub fn begin(conn: &mut Connection) -> rusqlite::Result<Write<'_>> {
    if conn.is_autocommit() {
        Ok(Write::Transaction(conn.transaction_with_behavior(
            TransactionBehavior::Immediate,
        )?))
    } else {
        Ok(Write::Savepoint(conn.savepoint()?))
    }
}

/// Runs `f` in one transaction (`BEGIN IMMEDIATE`; a savepoint when the
/// connection is already in one) and keeps what it did only when it returns
/// `Ok`: an error anywhere in it leaves the database as it was.
pub fn all_or_nothing<T, E: From<StoreError>>(
    conn: &mut Connection,
    f: impl FnOnce(&mut Connection) -> Result<T, E>,
) -> Result<T, E> {
    let outer = conn.is_autocommit();
    let (open, keep, undo) = if outer {
        ("BEGIN IMMEDIATE", "COMMIT", "ROLLBACK")
    } else {
        (
            "SAVEPOINT all_or_nothing",
            "RELEASE all_or_nothing",
            "ROLLBACK TO all_or_nothing; RELEASE all_or_nothing",
        )
    };
    conn.execute_batch(open).map_err(StoreError::from)?;
    match f(conn) {
        Ok(v) => match conn.execute_batch(keep) {
            Ok(()) => Ok(v),
            Err(e) => {
                let _ = conn.execute_batch(undo);
                Err(StoreError::from(e).into())
            }
        },
        Err(e) => {
            // Nothing of `f` may stay, even when it left a transaction or
            // savepoint of its own open.
            if outer {
                if !conn.is_autocommit() {
                    let _ = conn.execute_batch(undo);
                }
            } else {
                let _ = conn.execute_batch(undo);
            }
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(conn: &Connection) -> i64 {
        conn.query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .unwrap()
    }

    fn change(conn: &mut Connection, v: i64, fail: bool) -> Result<(), StoreError> {
        let tx = begin(conn)?;
        tx.execute("INSERT INTO t VALUES (?1)", [v])?;
        if fail {
            return Err(StoreError::Sqlite(rusqlite::Error::InvalidQuery));
        }
        tx.commit()?;
        Ok(())
    }

    fn table() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (v INTEGER)").unwrap();
        conn
    }

    #[test]
    fn a_change_on_its_own_is_a_transaction() {
        let mut conn = table();
        change(&mut conn, 1, false).unwrap();
        assert!(change(&mut conn, 2, true).is_err());
        assert_eq!(count(&conn), 1);
        assert!(conn.is_autocommit());
    }

    #[test]
    fn gathered_changes_stay_only_all_together() {
        let mut conn = table();
        let done: Result<(), StoreError> = all_or_nothing(&mut conn, |c| {
            change(c, 1, false)?;
            change(c, 2, false)?;
            change(c, 3, true)
        });
        assert!(done.is_err());
        assert_eq!(count(&conn), 0, "nothing of a failed whole stays");
        assert!(conn.is_autocommit());

        all_or_nothing(&mut conn, |c| {
            change(c, 1, false)?;
            change(c, 2, false)
        })
        .unwrap();
        assert_eq!(count(&conn), 2);
        assert!(conn.is_autocommit());
    }

    #[test]
    fn a_whole_inside_a_whole_undoes_only_its_own_part() {
        let mut conn = table();
        all_or_nothing(&mut conn, |c| -> Result<(), StoreError> {
            change(c, 1, false)?;
            let inner: Result<(), StoreError> = all_or_nothing(c, |c| change(c, 2, true));
            assert!(inner.is_err());
            Ok(())
        })
        .unwrap();
        assert_eq!(count(&conn), 1);
    }
}
