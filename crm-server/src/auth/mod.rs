//! Authentication: session JWTs, API tokens and password hashes.

pub mod extract;
pub mod jwt;
pub mod password;
pub mod tokens;

pub use extract::AuthUser;
