//! The typed async HTTP client of the API.

use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde::de::DeserializeOwned;

use crate::audit::AuditEntry;
use crate::auth::{ApiToken, CreatedApiToken, LoginRequest, NewApiToken, RegisterRequest, Session, User};
use crate::deals::StageChange;
use crate::resource::{Activities, Resource};
use crate::timeline::TimelineItem;
use crate::{ListParams, Page, Problem};

/// What can go wrong with a call.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The server answered with an error body.
    #[error("{0}")]
    Api(Problem),
    /// The server could not be reached, or the connection failed.
    #[error("cannot reach the server: {0}")]
    Network(#[source] reqwest::Error),
    /// The server's answer was not what the API promises.
    #[error("unexpected answer from the server (HTTP {status}): {message}")]
    Protocol { status: u16, message: String },
}

impl ClientError {
    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Api(p) => Some(p.status),
            ClientError::Protocol { status, .. } => Some(*status),
            ClientError::Network(_) => None,
        }
    }

    pub fn problem(&self) -> Option<&Problem> {
        match self {
            ClientError::Api(p) => Some(p),
            _ => None,
        }
    }
}

pub type Result<T> = std::result::Result<T, ClientError>;

/// A record with its `ETag`.
#[derive(Debug, Clone)]
pub struct Tagged<T> {
    pub record: T,
    pub etag: Option<String>,
}

/// A client of one server, optionally authenticated.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    token: Option<String>,
}

impl Client {
    /// A client of the server at `base` (`http://127.0.0.1:3000`).
    pub fn new(base: impl Into<String>) -> Self {
        let http = reqwest::Client::builder()
            .user_agent(concat!("crm-api/", env!("CARGO_PKG_VERSION")))
            .build()
            .unwrap_or_default();
        Self { http, base: base.into().trim_end_matches('/').to_string(), token: None }
    }

    /// The same client, sending `token` as its bearer token.
    pub fn with_token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    /// A request to `path` (starting with `/`), with the bearer token when there is one.
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        let rb = self.http.request(method, format!("{}{}", self.base, path));
        match &self.token {
            Some(t) => rb.bearer_auth(t),
            None => rb,
        }
    }

    async fn send<T: DeserializeOwned>(rb: RequestBuilder) -> Result<T> {
        let resp = rb.send().await.map_err(ClientError::Network)?;
        Self::decode(resp).await
    }

    async fn send_tagged<T: DeserializeOwned>(rb: RequestBuilder) -> Result<Tagged<T>> {
        let resp = rb.send().await.map_err(ClientError::Network)?;
        let etag = resp.headers().get(reqwest::header::ETAG).and_then(|v| v.to_str().ok()).map(str::to_string);
        let record = Self::decode(resp).await?;
        Ok(Tagged { record, etag })
    }

    async fn send_empty(rb: RequestBuilder) -> Result<()> {
        let resp = rb.send().await.map_err(ClientError::Network)?;
        if resp.status().is_success() { Ok(()) } else { Err(Self::error(resp).await) }
    }

    /// Decodes a success body, or turns an error answer into [`ClientError::Api`].
    pub async fn decode<T: DeserializeOwned>(resp: Response) -> Result<T> {
        let status = resp.status();
        if !status.is_success() {
            return Err(Self::error(resp).await);
        }
        let bytes = resp.bytes().await.map_err(ClientError::Network)?;
        serde_json::from_slice(&bytes)
            .map_err(|e| ClientError::Protocol { status: status.as_u16(), message: e.to_string() })
    }

    async fn error(resp: Response) -> ClientError {
        let status = resp.status();
        let bytes = match resp.bytes().await {
            Ok(b) => b,
            Err(e) => return ClientError::Network(e),
        };
        match serde_json::from_slice::<Problem>(&bytes) {
            Ok(p) => ClientError::Api(p),
            Err(_) => ClientError::Protocol {
                status: status.as_u16(),
                message: String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).into_owned(),
            },
        }
    }

    // --- accounts --------------------------------------------------------------------------

    pub async fn register(&self, req: &RegisterRequest) -> Result<Session> {
        Self::send(self.request(Method::POST, "/api/auth/register").json(req)).await
    }

    pub async fn login(&self, req: &LoginRequest) -> Result<Session> {
        Self::send(self.request(Method::POST, "/api/auth/login").json(req)).await
    }

    pub async fn me(&self) -> Result<User> {
        Self::send(self.request(Method::GET, "/api/auth/me")).await
    }

    pub async fn create_token(&self, req: &NewApiToken) -> Result<CreatedApiToken> {
        Self::send(self.request(Method::POST, "/api/auth/tokens").json(req)).await
    }

    pub async fn list_tokens(&self) -> Result<Vec<ApiToken>> {
        Self::send(self.request(Method::GET, "/api/auth/tokens")).await
    }

    pub async fn revoke_token(&self, id: i64) -> Result<()> {
        Self::send_empty(self.request(Method::DELETE, &format!("/api/auth/tokens/{id}"))).await
    }

    // --- the four entities -------------------------------------------------------------------

    fn path<R: Resource>(suffix: &str) -> String {
        format!("/api/crm/{}{}", R::PATH, suffix)
    }

    pub async fn list<R: Resource>(&self, params: &ListParams) -> Result<Page<R::Record>> {
        Self::send(self.request(Method::GET, &Self::path::<R>("")).query(params)).await
    }

    pub async fn get<R: Resource>(&self, id: i64) -> Result<Tagged<R::Record>> {
        Self::send_tagged(self.request(Method::GET, &Self::path::<R>(&format!("/{id}")))).await
    }

    pub async fn create<R: Resource>(&self, new: &R::New) -> Result<Tagged<R::Record>> {
        Self::send_tagged(self.request(Method::POST, &Self::path::<R>("")).json(new)).await
    }

    /// `PATCH`; with `if_match`, fails with 412 when the record changed since that `ETag`.
    pub async fn update<R: Resource>(
        &self,
        id: i64,
        patch: &R::Patch,
        if_match: Option<&str>,
    ) -> Result<Tagged<R::Record>> {
        let mut rb = self.request(Method::PATCH, &Self::path::<R>(&format!("/{id}"))).json(patch);
        if let Some(tag) = if_match {
            rb = rb.header(reqwest::header::IF_MATCH, tag);
        }
        Self::send_tagged(rb).await
    }

    /// Moves the record to the trash.
    pub async fn delete<R: Resource>(&self, id: i64, if_match: Option<&str>) -> Result<()> {
        let mut rb = self.request(Method::DELETE, &Self::path::<R>(&format!("/{id}")));
        if let Some(tag) = if_match {
            rb = rb.header(reqwest::header::IF_MATCH, tag);
        }
        Self::send_empty(rb).await
    }

    /// Takes the record out of the trash.
    pub async fn restore<R: Resource>(&self, id: i64) -> Result<Tagged<R::Record>> {
        Self::send_tagged(self.request(Method::POST, &Self::path::<R>(&format!("/{id}/restore")))).await
    }

    /// Creates or upserts up to 1000 records in one transaction.
    pub async fn batch<R: Resource>(&self, req: &crate::batch::BatchRequest) -> Result<crate::batch::BatchResponse> {
        Self::send(self.request(Method::POST, &Self::path::<R>("/batch")).json(req)).await
    }

    // --- entity-specific -----------------------------------------------------------------------

    pub async fn complete_activity(&self, id: i64) -> Result<Tagged<<Activities as Resource>::Record>> {
        Self::send_tagged(self.request(Method::POST, &format!("/api/crm/activities/{id}/complete"))).await
    }

    pub async fn recent_activities(&self) -> Result<Vec<<Activities as Resource>::Record>> {
        Self::send(self.request(Method::GET, "/api/crm/activities/recent")).await
    }

    pub async fn deal_history(&self, id: i64) -> Result<Vec<StageChange>> {
        Self::send(self.request(Method::GET, &format!("/api/crm/deals/{id}/history"))).await
    }

    pub async fn contact_timeline(&self, id: i64) -> Result<Vec<TimelineItem>> {
        Self::send(self.request(Method::GET, &format!("/api/crm/contacts/{id}/timeline"))).await
    }

    pub async fn audit(&self, params: &ListParams) -> Result<Page<AuditEntry>> {
        Self::send(self.request(Method::GET, "/api/crm/audit").query(params)).await
    }

    /// Sends a request and returns the raw status and body, for probing the API.
    pub async fn raw(&self, rb: RequestBuilder) -> Result<(StatusCode, serde_json::Value)> {
        let resp = rb.send().await.map_err(ClientError::Network)?;
        let status = resp.status();
        let bytes = resp.bytes().await.map_err(ClientError::Network)?;
        let body = if bytes.is_empty() {
            serde_json::Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|_| serde_json::Value::String(String::from_utf8_lossy(&bytes).into_owned()))
        };
        Ok((status, body))
    }
}
