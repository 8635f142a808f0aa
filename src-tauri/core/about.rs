//! About this installation: the version, where the data lives and the open
//! database's schema version. The one source of what `sundby info` prints and
//! what the "Om Sund By Partner" page shows (the licences beside it are
//! generated into `ui/views/about/licences.js` by `scripts/licences.py`).

use crate::store::{self, Store, StoreError};
use serde::Serialize;

/// The version of the app (the workspace's version in `Cargo.toml`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What the installation is and where it keeps its data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct About {
    pub version: &'static str,
    /// The data folder (`None` for an in-memory database).
    pub data_dir: Option<String>,
    /// The database file that is open: inside the data folder, or a copy
    /// opened where it lies ("Åbn en kopi").
    pub db_path: Option<String>,
    /// The open database's schema version (`PRAGMA user_version`).
    pub schema_version: u32,
    /// The schema version this build writes (equal once the database is open).
    pub schema_known: u32,
}

/// About the open database `store`: its data folder and the file that is
/// really open (the data folder's `sundby.sqlite3`, or a copy opened where it
/// lies).
pub fn about(store: &Store) -> Result<About, StoreError> {
    let schema_version: u32 = store
        .conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok(About {
        version: VERSION,
        data_dir: store.data_dir.as_ref().map(|d| d.display().to_string()),
        db_path: store.db_path.as_ref().map(|d| d.display().to_string()),
        schema_version,
        schema_known: store::schema_version(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_open_database_has_the_schema_this_build_writes() {
        let store = Store::open_in_memory().unwrap();
        let a = about(&store).unwrap();
        assert_eq!(a.schema_version, store::schema_version());
        assert_eq!(a.schema_known, store::schema_version());
        assert_eq!(a.version, VERSION);
        assert_eq!(a.data_dir, None);
        assert_eq!(a.db_path, None);
    }

    #[test]
    fn the_database_path_is_the_file_in_the_data_folder() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open_dir(dir.path()).unwrap();
        let a = about(&store).unwrap();
        assert_eq!(a.data_dir, Some(dir.path().display().to_string()));
        let db = store.db_path.as_ref().unwrap().display().to_string();
        assert_eq!(a.db_path, Some(db));
        assert!(a.db_path.unwrap().ends_with(store::DB_FILE));
    }

    #[test]
    fn a_file_opened_where_it_lies_is_the_path_shown() {
        let dir = tempfile::tempdir().unwrap();
        let (office, _) = Store::open_dir(&dir.path().join("office")).unwrap();
        let file = dir.path().join("stick").join("kopi.sqlite3");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        store::backup_to(&office.conn, &file, false).unwrap();
        let copy = Store::open_file(&file, &dir.path().join("laptop")).unwrap();
        let a = about(&copy).unwrap();
        assert_eq!(a.db_path, Some(file.display().to_string()));
        assert_eq!(
            a.data_dir,
            Some(dir.path().join("laptop").display().to_string())
        );
    }
}
