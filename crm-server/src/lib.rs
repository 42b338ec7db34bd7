//! The CRM server: a JWT-secured REST API over SQLite or PostgreSQL.

pub mod app;
pub mod auth;
pub mod config;
pub mod db;
pub mod error;
pub mod extract;
pub mod http;
pub mod lite;
pub mod openapi;
pub mod store;
pub mod writer;

pub use app::{AppState, build, router, serve};
pub use config::Config;
