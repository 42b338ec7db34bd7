//! End-to-end tests of the HTTP API through the typed client, each on SQLite and PostgreSQL.

mod auth;
mod contacts;
mod openapi;
mod plans;
