//! The id of the request being served: set by the request-id middleware ([`crate::app`]),
//! read by logs, error bodies and audit rows, and carried into the SQLite writer's thread.

tokio::task_local! {
    pub static REQUEST_ID: String;
}

/// The current request's id, when serving one.
pub fn current() -> Option<String> {
    REQUEST_ID.try_with(|id| id.clone()).ok()
}
