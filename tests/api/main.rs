//! End-to-end tests of the HTTP API through the typed client, each on SQLite and PostgreSQL.

mod auth;
mod bad_input;
mod batch;
mod client;
mod concurrency;
mod contacts;
mod deploy;
mod entities;
mod figures;
mod headers;
mod integrations;
mod isolation;
mod layout;
mod limits;
mod migration;
mod openapi;
mod ops;
mod pipelines;
mod plans;
mod probe;
mod queue;
mod replicas;
mod schema;
mod service;
mod sums;
mod times;
