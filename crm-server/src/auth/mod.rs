//! Authentication: session JWTs, API tokens and password hashes.

pub mod jwt;
pub mod password;
pub mod tokens;
pub mod user;

pub use user::AuthUser;
