//! Accounts, sessions and API tokens.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::FieldError;
use crate::validate::{Errors, Validate};

/// Body of `POST /api/auth/register`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterRequest {
    #[schema(schema_with = register_email)]
    pub email: String,
    /// At least 8 characters.
    #[schema(schema_with = password)]
    pub password: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = user_name)]
    pub name: Option<String>,
}

/// Body of `POST /api/auth/login`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[schema(schema_with = login_email)]
    pub email: String,
    #[schema(schema_with = login_password)]
    pub password: String,
}

/// An account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub name: Option<String>,
    #[serde(with = "crate::time")]
    pub created_at: DateTime<Utc>,
}

/// Answer of a successful login or registration.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Session {
    /// Send as `Authorization: Bearer <token>`.
    pub token: String,
    pub token_type: String,
    /// Seconds until the token expires.
    pub expires_in: i64,
    pub user: User,
}

/// Body of `POST /api/auth/tokens`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewApiToken {
    /// What the token is for (`cron on host A`).
    #[schema(schema_with = token_name)]
    pub name: String,
    /// Days until it expires; never when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(schema_with = token_days)]
    pub expires_in_days: Option<i64>,
}

/// A long-lived API token, as listed (the secret is never shown again).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    /// First characters of the secret, to recognise it.
    pub prefix: String,
    #[serde(with = "crate::time")]
    pub created_at: DateTime<Utc>,
    #[serde(default, with = "crate::time::option")]
    pub expires_at: Option<DateTime<Utc>>,
    #[serde(default, with = "crate::time::option")]
    pub last_used_at: Option<DateTime<Utc>>,
    #[serde(default, with = "crate::time::option")]
    pub revoked_at: Option<DateTime<Utc>>,
}

/// Answer of `POST /api/auth/tokens`: the only time the secret is shown.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CreatedApiToken {
    pub token: String,
    #[serde(flatten)]
    pub info: ApiToken,
}

pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 1024;
/// Longest password a login reads (longer than any that can be set, so that a login never
/// tells which passwords could exist).
pub const LOGIN_PASSWORD_MAX: usize = PASSWORD_MAX * 4;
const USER_NAME_MAX: usize = 255;
const TOKEN_NAME_MAX: usize = 100;
const TOKEN_DAYS_MAX: i64 = 3650;

impl Validate for RegisterRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        if let Err(msg) = crate::validate::check_email(&self.email) {
            e.add("email", msg);
        }
        let n = self.password.chars().count();
        if n < PASSWORD_MIN {
            e.add("password", format!("must be at least {PASSWORD_MIN} characters"));
        } else if n > PASSWORD_MAX {
            e.add("password", format!("must be at most {PASSWORD_MAX} characters"));
        }
        e.opt_text("name", self.name.as_deref(), USER_NAME_MAX);
        e.into_result()
    }
}

impl Validate for LoginRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        if self.email.trim().is_empty() {
            e.add("email", "must not be blank");
        }
        if self.password.is_empty() || self.password.chars().count() > LOGIN_PASSWORD_MAX {
            e.add("password", "must be given");
        }
        e.into_result()
    }
}

impl Validate for NewApiToken {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        e.required_text("name", &self.name, TOKEN_NAME_MAX);
        e.range("expires_in_days", self.expires_in_days, 1, TOKEN_DAYS_MAX);
        e.into_result()
    }
}

// The schemas of the fields above, for `schema_with`.
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};

use crate::validate::schema;

fn register_email() -> RefOr<Schema> {
    schema::email(false)
}
fn password() -> RefOr<Schema> {
    let b =
        ObjectBuilder::new().schema_type(Type::String).min_length(Some(PASSWORD_MIN)).max_length(Some(PASSWORD_MAX));
    RefOr::T(Schema::Object(b.build()))
}
fn user_name() -> RefOr<Schema> {
    schema::text(USER_NAME_MAX, true)
}
fn login_email() -> RefOr<Schema> {
    // Any text that is not blank: an address that is not well-formed is simply not found.
    let b = ObjectBuilder::new().schema_type(Type::String).pattern(Some(format!("[^{}]", schema::WHITESPACE)));
    RefOr::T(Schema::Object(b.build()))
}
fn login_password() -> RefOr<Schema> {
    let b = ObjectBuilder::new().schema_type(Type::String).min_length(Some(1)).max_length(Some(LOGIN_PASSWORD_MAX));
    RefOr::T(Schema::Object(b.build()))
}
fn token_name() -> RefOr<Schema> {
    schema::required_text(TOKEN_NAME_MAX)
}
fn token_days() -> RefOr<Schema> {
    schema::range(1, TOKEN_DAYS_MAX, true)
}
