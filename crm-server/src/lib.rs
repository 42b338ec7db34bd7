//! The CRM server: a JWT-secured REST API over SQLite or PostgreSQL.

pub mod app;
pub mod auth;
pub mod config;
pub mod connectors;
pub mod db;
pub mod error;
pub mod extract;
pub mod http;
pub mod keys;
pub mod limits;
pub mod metrics;
pub mod openapi;
pub mod ops;
pub mod request_id;
pub mod secrets;
pub mod service;
pub mod store;
pub mod tls;

pub use app::{AppState, build, router, serve};
pub use config::Config;
