//! This database's identity in `sync_meta`: its device id, its change
//! counter, and, in a copy, which copy it is.

use rusqlite::{params, Connection, OptionalExtension};

pub const DEVICE_ID: &str = "device_id";
pub const CHANGE_COUNTER: &str = "change_counter";
pub const COPY_ID: &str = "copy_id";
pub const COPY_OF_DEVICE: &str = "copy_of_device";
pub const COPY_TAKEN_AT: &str = "copy_taken_at";

/// One value of `sync_meta` in `schema` (`main`, or an attached database).
pub fn get(conn: &Connection, schema: &str, key: &str) -> rusqlite::Result<Option<String>> {
    // `schema` is one of our own constants, never user input.
    conn.query_row(
        &format!("SELECT value FROM {schema}.sync_meta WHERE key = ?1"),
        [key],
        |r| r.get(0),
    )
    .optional()
}

/// Sets one value of `sync_meta` in the main database.
pub fn set(conn: &Connection, key: &str, value: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO sync_meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

/// The change counter: how many writes the merged tables have had.
pub fn counter(conn: &Connection, schema: &str) -> rusqlite::Result<i64> {
    Ok(get(conn, schema, CHANGE_COUNTER)?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}
