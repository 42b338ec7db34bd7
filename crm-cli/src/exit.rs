//! Errors and the documented exit codes.

use std::fmt;
use std::process::ExitCode;

use crm_api::client::ClientError;

/// Exit codes, as `crm --help` and the README list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// Something else failed: a file could not be read or written, rows of an import failed.
    Failure = 1,
    /// Bad usage or invalid input: unknown flag, missing argument, a value the server refused
    /// (400, 422).
    Usage = 2,
    /// The record (or route) does not exist, or belongs to another account (404).
    NotFound = 3,
    /// Conflict or stale version: the record changed since the `--if-match` version (409, 412).
    Conflict = 4,
    /// Not logged in, or the token was refused (401, 403).
    Auth = 5,
    /// The server asks to slow down (429).
    RateLimited = 6,
    /// The server failed or is unavailable (5xx).
    Server = 7,
    /// The server could not be reached.
    Network = 8,
}

/// The text of `crm --help`'s exit code section.
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  success
  1  other failure (a file could not be read or written, some import rows failed)
  2  usage or invalid input (also when the server answers 400 or 422)
  3  not found (404)
  4  conflict or stale version (409, 412)
  5  authentication: not logged in or token refused (401, 403)
  6  rate limited (429)
  7  server error (5xx)
  8  network: the server could not be reached";

/// An error to report on one line of stderr, with its exit code.
#[derive(Debug)]
pub struct CliError {
    pub code: Code,
    pub message: String,
    /// Standard output was closed by its reader: end quietly with success.
    pub pipe_closed: bool,
}

impl CliError {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        CliError { code, message: message.into(), pipe_closed: false }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Code::Usage, message)
    }

    pub fn failure(message: impl Into<String>) -> Self {
        Self::new(Code::Failure, message)
    }

    pub fn exit_code(&self) -> ExitCode {
        ExitCode::from(self.code as u8)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The code for an HTTP status the server answered with.
pub fn code_for_status(status: u16) -> Code {
    match status {
        400 | 405 | 413 | 415 | 422 => Code::Usage,
        401 | 403 => Code::Auth,
        404 | 410 => Code::NotFound,
        409 | 412 => Code::Conflict,
        429 => Code::RateLimited,
        500..=599 => Code::Server,
        _ => Code::Failure,
    }
}

impl From<ClientError> for CliError {
    fn from(e: ClientError) -> Self {
        match e {
            ClientError::Api(p) => {
                let mut message = p.detail.clone().unwrap_or_else(|| p.title.clone());
                for fe in &p.errors {
                    message.push_str(&format!("; {}: {}", fe.field, fe.message));
                }
                if p.status == 401 {
                    message.push_str(" (log in with `crm login`, or pass --token / CRM_TOKEN)");
                }
                CliError::new(code_for_status(p.status), message)
            }
            ClientError::Network(e) => CliError::new(Code::Network, format!("cannot reach the server: {}", chain(&e))),
            ClientError::Protocol { status, message } => {
                CliError::new(code_for_status(status), format!("unexpected answer (HTTP {status}): {message}"))
            }
            // In practice a --server that is not a URL: the client checks it when it is made.
            ClientError::Setup(message) => CliError::usage(message),
        }
    }
}

impl From<crm_api::profiles::ConfigError> for CliError {
    fn from(e: crm_api::profiles::ConfigError) -> Self {
        CliError::failure(e.0)
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError { pipe_closed: e.kind() == std::io::ErrorKind::BrokenPipe, ..CliError::failure(e.to_string()) }
    }
}

/// An error and its causes on one line.
pub fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let s_text = s.to_string();
        if !text.contains(&s_text) {
            text.push_str(": ");
            text.push_str(&s_text);
        }
        source = s.source();
    }
    text
}

pub type Result<T> = std::result::Result<T, CliError>;
