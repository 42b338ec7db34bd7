//! The one error type of the database layer, whichever database answered.

/// What went wrong with a statement or a connection.
#[derive(Debug, Clone, thiserror::Error)]
pub enum DbError {
    /// A unique key already holds the value (the message names the constraint).
    #[error("unique constraint violated: {0}")]
    Unique(String),
    /// A foreign-key, not-null or check constraint refused the row.
    #[error("constraint violated: {0}")]
    Constraint(String),
    /// The database is saturated: no connection came free in time, or the writer's queue
    /// stayed full (which, is said).
    #[error("the database is busy: {0}")]
    Busy(&'static str),
    /// The database cannot be reached (refused, lost, shutting down or starting up).
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    /// The disk holding the database is full (or the database reached its size limit).
    #[error("the database is out of space: {0}")]
    Full(String),
    /// A value the database cannot hold: PostgreSQL's text takes no NUL character (U+0000), nor
    /// one outside the database's encoding.
    #[error("a value the database cannot hold: {0}")]
    Unstorable(String),
    /// A column of a result did not hold what the reader expected.
    #[error("column {column}: {message}")]
    Decode { column: String, message: String },
    /// Anything else the database or the driver reported.
    #[error("{0}")]
    Other(String),
}

impl DbError {
    /// The database could not be reached: what a caller may retry once it is back.
    pub fn is_unavailable(&self) -> bool {
        matches!(self, DbError::Unavailable(_))
    }

    pub fn decode(column: impl Into<String>, message: impl Into<String>) -> Self {
        DbError::Decode { column: column.into(), message: message.into() }
    }
}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> Self {
        // A DbError carried through rusqlite's type (see `sqlite::conn::carry`) comes back as it was.
        let e = match e {
            rusqlite::Error::FromSqlConversionFailure(i, t, inner) => match inner.downcast::<DbError>() {
                Ok(ours) => return *ours,
                Err(other) => rusqlite::Error::FromSqlConversionFailure(i, t, other),
            },
            other => other,
        };
        if let rusqlite::Error::SqliteFailure(f, _) = &e {
            match f.extended_code {
                rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE | rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY => {
                    return DbError::Unique(e.to_string());
                }
                rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY
                | rusqlite::ffi::SQLITE_CONSTRAINT_NOTNULL
                | rusqlite::ffi::SQLITE_CONSTRAINT_CHECK => return DbError::Constraint(e.to_string()),
                _ => {}
            }
            match f.code {
                rusqlite::ErrorCode::DiskFull => return DbError::Full(e.to_string()),
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => {
                    return DbError::Busy("the database stayed locked");
                }
                _ => {}
            }
        }
        DbError::Other(format!("SQLite: {e}"))
    }
}

impl From<sqlx::Error> for DbError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::PoolTimedOut => DbError::Busy("no connection came free in time"),
            sqlx::Error::Database(db) if db.is_unique_violation() => DbError::Unique(db.message().to_string()),
            sqlx::Error::Database(db) if db.is_foreign_key_violation() || db.is_check_violation() => {
                DbError::Constraint(db.message().to_string())
            }
            sqlx::Error::ColumnDecode { index, source } => DbError::decode(index.clone(), source.to_string()),
            sqlx::Error::Database(db) => match db.code().as_deref() {
                // disk_full
                Some("53100") => DbError::Full(db.message().to_string()),
                // character_not_in_repertoire (a NUL in text), untranslatable_character
                Some("22021" | "22P05") => DbError::Unstorable(db.message().to_string()),
                // Connection exceptions (08...), shutting down or starting up (57P01-57P03).
                Some(code) if code.starts_with("08") || matches!(code, "57P01" | "57P02" | "57P03") => {
                    DbError::Unavailable(db.message().to_string())
                }
                _ => DbError::Other(format!("PostgreSQL: {e}")),
            },
            sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::Protocol(_)
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed => DbError::Unavailable(e.to_string()),
            _ => DbError::Other(format!("PostgreSQL: {e}")),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for DbError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        DbError::Other(format!("migrations: {e}"))
    }
}
