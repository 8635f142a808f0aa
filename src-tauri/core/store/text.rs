//! Enums stored as text: the one `ToSql`/`FromSql` for a kind kept in a
//! column as its `as_str()` text (an unknown text in the file is an error,
//! never a guess). Used by the grants and the awards.

/// `ToSql`/`FromSql` for an enum stored as its `as_str()` text; the enum
/// needs `as_str()` and `FromStr`.
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

pub(crate) use stored_as_text;
