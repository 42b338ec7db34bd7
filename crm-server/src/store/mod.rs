//! SQL, written once for SQLite and PostgreSQL over [`crate::db::Conn`].

pub mod accounts;
pub mod audit;
pub mod bulk;
pub mod history;
pub mod imports;
pub mod list;
pub mod records;
pub mod spec;
pub mod stats;
pub mod words;
