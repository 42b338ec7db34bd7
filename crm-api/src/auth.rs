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
    pub email: String,
    /// At least 8 characters.
    pub password: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Body of `POST /api/auth/login`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
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
    pub name: String,
    /// Days until it expires; never when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
        e.opt_text("name", self.name.as_deref(), 255);
        e.into_result()
    }
}

impl Validate for LoginRequest {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        if self.email.trim().is_empty() {
            e.add("email", "must not be blank");
        }
        if self.password.is_empty() || self.password.len() > PASSWORD_MAX * 4 {
            e.add("password", "must be given");
        }
        e.into_result()
    }
}

impl Validate for NewApiToken {
    fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut e = Errors::default();
        e.required_text("name", &self.name, 100);
        e.range("expires_in_days", self.expires_in_days, 1, 3650);
        e.into_result()
    }
}
