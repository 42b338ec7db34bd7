//! The typed async HTTP client of the API: one method per operation of the server's endpoint
//! table, with the server's own request, parameter and answer types.
//!
//! The methods are declared through [`operations!`], which also lists the operation id each
//! one implements ([`Client::operation_ids`]); a test compares that list with the server's
//! endpoint table, so an operation without a method (or a method without an operation) fails
//! the build's tests instead of surprising the CLI, the TUI or a script.

use std::time::Duration;

use bytes::Bytes;
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde::de::DeserializeOwned;

use crate::activities::{ActivityQueue, Snooze};
use crate::analytics::{
    Dashboard, DashboardParams, Forecast, ForecastParams, PipelineBoard, PipelineParams, PipelineSummary, PipelineView,
};
use crate::audit::AuditEntry;
use crate::auth::{ApiToken, CreatedApiToken, LoginRequest, NewApiToken, RegisterRequest, Session, User};
use crate::batch::{BatchRequest, BatchResponse};
use crate::dashboard::{DashboardLayout, NewDashboardLayout};
use crate::deals::StageChange;
use crate::imports::{Import, NewImport, UndoReport};
use crate::integrations::{
    Account, CacheCleared, CachedParams, CachedRecord, ClearParams, MergedContact, MergedDeal, NewAccount,
    SearchParams, Source, SyncParams, SyncRun, SyncStarted, SyncStatus, WebhookAccepted, WebhookEvent,
};
use crate::params::{AuditParams, ExportParams, ImportListParams, QueueParams, SnoozeParams, TimelineParams};
use crate::pipelines::{
    MoveRequest, NewPipeline, NewStage, Pipeline, PipelinePatch, PipelineStage, StageDeleteParams, StagePatch,
};
use crate::resource::{Activities, Contacts, Deals, Opportunities, Resource};
use crate::timeline::TimelineItem;
use crate::{ListParams, Page, Problem};

/// What can go wrong with a call.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The server answered with an error body.
    #[error("{0}")]
    Api(Problem),
    /// The server could not be reached, the connection failed, or it did not answer in time.
    #[error("cannot reach the server: {0}")]
    Network(#[source] reqwest::Error),
    /// The server's answer was not what the API promises.
    #[error("unexpected answer from the server (HTTP {status}): {message}")]
    Protocol { status: u16, message: String },
    /// The client could not be built: a base URL that is not one, or an HTTP stack that cannot
    /// start (TLS).
    #[error("cannot set up the client: {0}")]
    Setup(String),
}

impl ClientError {
    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Api(p) => Some(p.status),
            ClientError::Protocol { status, .. } => Some(*status),
            ClientError::Network(_) | ClientError::Setup(_) => None,
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

/// How long the client waits for a connection to open.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the client waits for the next bytes of an answer: for its head, then between two
/// chunks of its body. There is no limit on a whole answer, so a long export streams for as
/// long as it keeps coming.
pub const DEFAULT_READ_TIMEOUT: Duration = Duration::from_secs(60);

/// Settings of a [`Client`] before it is built.
#[derive(Debug, Clone)]
pub struct ClientBuilder {
    base: String,
    token: Option<String>,
    connect_timeout: Duration,
    read_timeout: Option<Duration>,
}

impl ClientBuilder {
    /// How long to wait for a connection to open [default: 10 s].
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How long to wait for the next bytes of an answer, `None` for as long as it takes
    /// [default: 60 s].
    pub fn read_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.read_timeout = timeout;
        self
    }

    /// Send `token` as the bearer token.
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// The client, or why it cannot be made.
    // The error every call returns; a problem body is its large variant, a setup error is not.
    #[allow(clippy::result_large_err)]
    pub fn build(self) -> Result<Client> {
        let base = self.base.trim_end_matches('/').to_string();
        let url = reqwest::Url::parse(&base).map_err(|e| ClientError::Setup(format!("{base:?} is not a URL: {e}")))?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
            return Err(ClientError::Setup(format!("{base:?} is not an http:// or https:// URL")));
        }
        let mut http = reqwest::Client::builder()
            .user_agent(concat!("crm-api/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(self.connect_timeout);
        if let Some(t) = self.read_timeout {
            http = http.read_timeout(t);
        }
        let http = http.build().map_err(|e| ClientError::Setup(chain(&e)))?;
        Ok(Client { http, base, token: self.token })
    }
}

/// An error and its causes on one line.
fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// A client of one server, optionally authenticated.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    token: Option<String>,
}

/// An export being received: its chunks, as the server sends them, so that memory stays flat
/// however large the export.
#[derive(Debug)]
pub struct Export {
    resp: Response,
}

impl Export {
    /// The next chunk of the body, `None` at its end. A body cut short (the server stopped, the
    /// connection broke, no bytes within the read timeout) is an error, never a short file.
    pub async fn chunk(&mut self) -> Result<Option<Bytes>> {
        self.resp.chunk().await.map_err(ClientError::Network)
    }

    /// The file name the server suggests (`contacts.csv`).
    pub fn file_name(&self) -> Option<String> {
        let v = self.resp.headers().get(reqwest::header::CONTENT_DISPOSITION)?.to_str().ok()?;
        let name = v.split("filename=").nth(1)?.trim_matches('"');
        Some(name.to_string())
    }
}

/// One operation id per method: `$op => fn ...` declares the method and records the id. A
/// method with `<R>` is one per entity: its id names the entity as `{path}` (`list_contacts`)
/// or `{name}` (`create_contact`).
macro_rules! operations {
    ($(
        $(#[$meta:meta])*
        $op:literal => fn $name:ident $(<$r:ident>)? (&$self:ident $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty $body:block
    )*) => {
        impl Client {
            $(
                $(#[$meta])*
                pub async fn $name $(<$r: Resource>)? (&$self $(, $arg: $ty)*) -> $ret $body
            )*
        }

        /// The operation ids the methods of [`Client`] implement, entity operations as
        /// templates (`list_{path}`).
        const OPERATIONS: &[&str] = &[$($op),*];
    };
}

impl Client {
    /// A client of the server at `base` (`http://127.0.0.1:3000`), with the default timeouts.
    #[allow(clippy::result_large_err)]
    pub fn new(base: impl Into<String>) -> Result<Self> {
        Self::builder(base).build()
    }

    /// A client of the server at `base`, with settings to choose.
    pub fn builder(base: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            base: base.into(),
            token: None,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            read_timeout: Some(DEFAULT_READ_TIMEOUT),
        }
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

    /// Every operation id the client has a method for, entity operations spelled out for each
    /// of the four entities (`list_contacts`, ..., `restore_activity`).
    pub fn operation_ids() -> Vec<String> {
        fn spelled<R: Resource>(template: &str) -> String {
            template.replace("{path}", R::PATH).replace("{name}", R::NAME)
        }
        let mut ids = Vec::new();
        for op in OPERATIONS {
            if op.contains('{') {
                ids.push(spelled::<Contacts>(op));
                ids.push(spelled::<Opportunities>(op));
                ids.push(spelled::<Deals>(op));
                ids.push(spelled::<Activities>(op));
            } else {
                ids.push((*op).to_string());
            }
        }
        ids
    }

    /// A request to `path` (starting with `/`), with the bearer token when there is one: for
    /// probing the API with requests the typed methods would not send.
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

    async fn send_text(rb: RequestBuilder) -> Result<String> {
        let resp = rb.send().await.map_err(ClientError::Network)?;
        if !resp.status().is_success() {
            return Err(Self::error(resp).await);
        }
        resp.text().await.map_err(ClientError::Network)
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

    fn with_if_match(rb: RequestBuilder, if_match: Option<&str>) -> RequestBuilder {
        match if_match {
            Some(tag) => rb.header(reqwest::header::IF_MATCH, tag),
            None => rb,
        }
    }

    fn path<R: Resource>(suffix: &str) -> String {
        format!("/api/crm/{}{}", R::PATH, suffix)
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

operations! {
    // --- health --------------------------------------------------------------------------------

    /// `GET /healthz`: the process is up (`ok`).
    "healthz" => fn healthz(&self) -> Result<String> {
        Self::send_text(self.request(Method::GET, "/healthz")).await
    }

    /// `GET /readyz`: the database answers (`ready`); a 503 otherwise.
    "readyz" => fn readyz(&self) -> Result<String> {
        Self::send_text(self.request(Method::GET, "/readyz")).await
    }

    /// `GET /metrics`: Prometheus's text format (404 when served on `CRM_METRICS_BIND`).
    "metrics" => fn metrics(&self) -> Result<String> {
        Self::send_text(self.request(Method::GET, "/metrics")).await
    }

    /// `GET /api/openapi.json`: the OpenAPI document of the server.
    "openapi" => fn openapi(&self) -> Result<serde_json::Value> {
        Self::send(self.request(Method::GET, "/api/openapi.json")).await
    }

    // --- accounts ------------------------------------------------------------------------------

    "register" => fn register(&self, req: &RegisterRequest) -> Result<Session> {
        Self::send(self.request(Method::POST, "/api/auth/register").json(req)).await
    }

    "login" => fn login(&self, req: &LoginRequest) -> Result<Session> {
        Self::send(self.request(Method::POST, "/api/auth/login").json(req)).await
    }

    "me" => fn me(&self) -> Result<User> {
        Self::send(self.request(Method::GET, "/api/auth/me")).await
    }

    "create_token" => fn create_token(&self, req: &NewApiToken) -> Result<CreatedApiToken> {
        Self::send(self.request(Method::POST, "/api/auth/tokens").json(req)).await
    }

    "list_tokens" => fn list_tokens(&self) -> Result<Vec<ApiToken>> {
        Self::send(self.request(Method::GET, "/api/auth/tokens")).await
    }

    "revoke_token" => fn revoke_token(&self, id: i64) -> Result<()> {
        Self::send_empty(self.request(Method::DELETE, &format!("/api/auth/tokens/{id}"))).await
    }

    // --- the four entities ---------------------------------------------------------------------

    /// A page of records.
    "list_{path}" => fn list<R>(&self, params: &ListParams) -> Result<Page<R::Record>> {
        Self::send(self.request(Method::GET, &Self::path::<R>("")).query(params)).await
    }

    "get_{name}" => fn get<R>(&self, id: i64) -> Result<Tagged<R::Record>> {
        Self::send_tagged(self.request(Method::GET, &Self::path::<R>(&format!("/{id}")))).await
    }

    "create_{name}" => fn create<R>(&self, new: &R::New) -> Result<Tagged<R::Record>> {
        Self::send_tagged(self.request(Method::POST, &Self::path::<R>("")).json(new)).await
    }

    /// `PATCH`; with `if_match`, fails with 412 when the record changed since that `ETag`.
    "patch_{name}" => fn update<R>(&self, id: i64, patch: &R::Patch, if_match: Option<&str>) -> Result<Tagged<R::Record>> {
        let rb = self.request(Method::PATCH, &Self::path::<R>(&format!("/{id}"))).json(patch);
        Self::send_tagged(Self::with_if_match(rb, if_match)).await
    }

    /// `PUT`, the seed's update: partial like `PATCH`.
    "put_{name}" => fn put<R>(&self, id: i64, patch: &R::Patch, if_match: Option<&str>) -> Result<Tagged<R::Record>> {
        let rb = self.request(Method::PUT, &Self::path::<R>(&format!("/{id}"))).json(patch);
        Self::send_tagged(Self::with_if_match(rb, if_match)).await
    }

    /// Moves the record to the trash.
    "delete_{name}" => fn delete<R>(&self, id: i64, if_match: Option<&str>) -> Result<()> {
        let rb = self.request(Method::DELETE, &Self::path::<R>(&format!("/{id}")));
        Self::send_empty(Self::with_if_match(rb, if_match)).await
    }

    /// Takes the record out of the trash.
    "restore_{name}" => fn restore<R>(&self, id: i64) -> Result<Tagged<R::Record>> {
        Self::send_tagged(self.request(Method::POST, &Self::path::<R>(&format!("/{id}/restore")))).await
    }

    /// Creates or upserts up to 1000 records in one transaction.
    "batch_{path}" => fn batch<R>(&self, req: &BatchRequest) -> Result<BatchResponse> {
        Self::send(self.request(Method::POST, &Self::path::<R>("/batch")).json(req)).await
    }

    /// Every matching record as CSV or NDJSON: the answer's head is checked here (bad
    /// parameters are an error at once), its body read chunk by chunk with [`Export::chunk`].
    "export_{path}" => fn export<R>(&self, params: &ExportParams) -> Result<Export> {
        let resp = self
            .request(Method::GET, &Self::path::<R>("/export"))
            .query(params)
            .send()
            .await
            .map_err(ClientError::Network)?;
        if !resp.status().is_success() {
            return Err(Self::error(resp).await);
        }
        Ok(Export { resp })
    }

    // --- entity-specific -----------------------------------------------------------------------

    "complete_activity" => fn complete_activity(&self, id: i64) -> Result<Tagged<<Activities as Resource>::Record>> {
        Self::send_tagged(self.request(Method::POST, &format!("/api/crm/activities/{id}/complete"))).await
    }

    /// The 5 most recently created activities.
    "recent_activities" => fn recent_activities(&self) -> Result<Vec<<Activities as Resource>::Record>> {
        Self::send(self.request(Method::GET, "/api/crm/activities/recent")).await
    }

    /// Open activities due before today, today and in the 7 days after, today being the
    /// current date in `params.tz` (UTC by default), each section by priority, then due date.
    "activity_queue" => fn activity_queue(&self, params: &QueueParams) -> Result<ActivityQueue> {
        Self::send(self.request(Method::GET, "/api/crm/activities/queue").query(params)).await
    }

    /// Moves an open activity's due date to `snooze.until` (not before today in `params.tz`);
    /// with `if_match`, fails with 412 when the activity changed since that `ETag`. A completed
    /// activity is a 409.
    "snooze_activity" => fn snooze_activity(
        &self,
        id: i64,
        snooze: &Snooze,
        params: &SnoozeParams,
        if_match: Option<&str>,
    ) -> Result<Tagged<<Activities as Resource>::Record>> {
        let rb = self.request(Method::POST, &format!("/api/crm/activities/{id}/snooze")).query(params).json(snooze);
        Self::send_tagged(Self::with_if_match(rb, if_match)).await
    }

    "deal_history" => fn deal_history(&self, id: i64) -> Result<Vec<StageChange>> {
        Self::send(self.request(Method::GET, &format!("/api/crm/deals/{id}/history"))).await
    }

    "contact_timeline" => fn contact_timeline(&self, id: i64, params: &TimelineParams) -> Result<Vec<TimelineItem>> {
        Self::send(self.request(Method::GET, &format!("/api/crm/contacts/{id}/timeline")).query(params)).await
    }

    /// The caller's audit trail, newest first.
    "audit" => fn audit(&self, params: &AuditParams) -> Result<Page<AuditEntry>> {
        Self::send(self.request(Method::GET, "/api/crm/audit").query(params)).await
    }

    // --- pipelines and stages --------------------------------------------------------------------

    /// The caller's pipelines with their stages, in order.
    "list_pipelines" => fn list_pipelines(&self) -> Result<Vec<Pipeline>> {
        Self::send(self.request(Method::GET, "/api/crm/pipelines")).await
    }

    "get_pipeline" => fn get_pipeline(&self, id: i64) -> Result<Pipeline> {
        Self::send(self.request(Method::GET, &format!("/api/crm/pipelines/{id}"))).await
    }

    "create_pipeline" => fn create_pipeline(&self, new: &NewPipeline) -> Result<Pipeline> {
        Self::send(self.request(Method::POST, "/api/crm/pipelines").json(new)).await
    }

    "patch_pipeline" => fn update_pipeline(&self, id: i64, patch: &PipelinePatch, if_match: Option<&str>) -> Result<Pipeline> {
        let rb = self.request(Method::PATCH, &format!("/api/crm/pipelines/{id}")).json(patch);
        Self::send(Self::with_if_match(rb, if_match)).await
    }

    "delete_pipeline" => fn delete_pipeline(&self, id: i64, if_match: Option<&str>) -> Result<()> {
        let rb = self.request(Method::DELETE, &format!("/api/crm/pipelines/{id}"));
        Self::send_empty(Self::with_if_match(rb, if_match)).await
    }

    "list_stages" => fn list_stages(&self, pipeline: i64) -> Result<Vec<PipelineStage>> {
        Self::send(self.request(Method::GET, &format!("/api/crm/pipelines/{pipeline}/stages"))).await
    }

    "create_stage" => fn create_stage(&self, pipeline: i64, new: &NewStage) -> Result<PipelineStage> {
        Self::send(self.request(Method::POST, &format!("/api/crm/pipelines/{pipeline}/stages")).json(new)).await
    }

    "patch_stage" => fn update_stage(&self, pipeline: i64, stage: i64, patch: &StagePatch) -> Result<PipelineStage> {
        Self::send(self.request(Method::PATCH, &format!("/api/crm/pipelines/{pipeline}/stages/{stage}")).json(patch)).await
    }

    /// Deletes a stage; the records in it move to `move_to` (a stage of the same pipeline).
    "delete_stage" => fn delete_stage(&self, pipeline: i64, stage: i64, params: &StageDeleteParams) -> Result<()> {
        Self::send_empty(self.request(Method::DELETE, &format!("/api/crm/pipelines/{pipeline}/stages/{stage}")).query(params)).await
    }

    /// Moves a deal to another stage (dated now, or `at`).
    "move_deal" => fn move_deal(&self, id: i64, req: &MoveRequest, if_match: Option<&str>) -> Result<Tagged<<Deals as Resource>::Record>> {
        let rb = self.request(Method::POST, &format!("/api/crm/deals/{id}/move")).json(req);
        Self::send_tagged(Self::with_if_match(rb, if_match)).await
    }

    /// Moves an opportunity to another stage (dated now, or `at`).
    "move_opportunity" => fn move_opportunity(&self, id: i64, req: &MoveRequest, if_match: Option<&str>) -> Result<Tagged<<Opportunities as Resource>::Record>> {
        let rb = self.request(Method::POST, &format!("/api/crm/opportunities/{id}/move")).json(req);
        Self::send_tagged(Self::with_if_match(rb, if_match)).await
    }

    // --- figures -------------------------------------------------------------------------------

    /// The pipeline board: each stage's deals, in stage order (`view` is set to the board).
    "pipeline" => fn pipeline_board(&self, params: &PipelineParams) -> Result<PipelineBoard> {
        let params = PipelineParams { view: None, ..params.clone() };
        Self::send(self.request(Method::GET, "/api/crm/pipeline").query(&params)).await
    }

    /// Each stage's figures (`view=summary`).
    "pipeline" => fn pipeline_summary(&self, pipeline_id: Option<i64>) -> Result<PipelineSummary> {
        let params = PipelineParams { pipeline_id, view: Some(PipelineView::Summary), ..Default::default() };
        Self::send(self.request(Method::GET, "/api/crm/pipeline").query(&params)).await
    }

    /// The forecast from the current UTC month.
    "forecast" => fn forecast(&self, params: &ForecastParams) -> Result<Forecast> {
        Self::send(self.request(Method::GET, "/api/crm/forecast").query(params)).await
    }

    /// Every figure of the dashboard over a period.
    "dashboard" => fn dashboard(&self, params: &DashboardParams) -> Result<Dashboard> {
        Self::send(self.request(Method::GET, "/api/crm/dashboard").query(params)).await
    }

    // --- dashboard -----------------------------------------------------------------------------

    /// The caller's dashboard layout, or the default one (version 0) until one is saved; its
    /// `ETag` is the version.
    "get_dashboard_layout" => fn dashboard_layout(&self) -> Result<Tagged<DashboardLayout>> {
        Self::send_tagged(self.request(Method::GET, "/api/crm/dashboard/layout")).await
    }

    /// Saves the caller's dashboard layout; with `if_match`, fails with 412 when it changed
    /// since that `ETag` (`"0"`: none saved yet).
    "put_dashboard_layout" => fn put_dashboard_layout(&self, layout: &NewDashboardLayout, if_match: Option<&str>) -> Result<Tagged<DashboardLayout>> {
        let rb = self.request(Method::PUT, "/api/crm/dashboard/layout").json(layout);
        Self::send_tagged(Self::with_if_match(rb, if_match)).await
    }

    // --- imports -------------------------------------------------------------------------------

    /// Starts an import; its batches carry its id and their position (`seq`).
    "create_import" => fn create_import(&self, req: &NewImport) -> Result<Import> {
        Self::send(self.request(Method::POST, "/api/crm/imports").json(req)).await
    }

    /// The caller's imports, newest first.
    "list_imports" => fn list_imports(&self, params: &ImportListParams) -> Result<Vec<Import>> {
        Self::send(self.request(Method::GET, "/api/crm/imports").query(params)).await
    }

    "get_import" => fn get_import(&self, id: i64) -> Result<Import> {
        Self::send(self.request(Method::GET, &format!("/api/crm/imports/{id}"))).await
    }

    /// Reverts an import: the records it created go to the trash, the fields it updated are
    /// set back.
    "undo_import" => fn undo_import(&self, id: i64) -> Result<UndoReport> {
        Self::send(self.request(Method::POST, &format!("/api/crm/imports/{id}/undo"))).await
    }

    // --- integrations --------------------------------------------------------------------------

    "list_integration_accounts" => fn integration_accounts(&self) -> Result<Vec<Account>> {
        Self::send(self.request(Method::GET, "/api/crm/integrations/accounts")).await
    }

    /// Connects a source, or replaces its credentials.
    "connect_integration_account" => fn connect_account(&self, new: &NewAccount) -> Result<Account> {
        Self::send(self.request(Method::POST, "/api/crm/integrations/accounts").json(new)).await
    }

    "disconnect_integration_account" => fn disconnect_account(&self, id: i64) -> Result<()> {
        Self::send_empty(self.request(Method::DELETE, &format!("/api/crm/integrations/accounts/{id}"))).await
    }

    "sync_status" => fn sync_status(&self) -> Result<SyncStatus> {
        Self::send(self.request(Method::GET, "/api/crm/integrations/sync-status")).await
    }

    "get_sync_run" => fn sync_run(&self, id: i64) -> Result<SyncRun> {
        Self::send(self.request(Method::GET, &format!("/api/crm/integrations/runs/{id}"))).await
    }

    /// Syncs every connected source; `wait` answers when the runs have ended.
    "sync_all" => fn sync_all(&self, wait: bool) -> Result<SyncStarted> {
        let params = SyncParams { wait: Some(wait) };
        Self::send(self.request(Method::POST, "/api/crm/integrations/sync-all").query(&params)).await
    }

    "sync_brivity" => fn sync_brivity(&self, wait: bool) -> Result<SyncStarted> {
        self.sync_source(Source::Brivity, wait).await
    }

    "sync_topproducer" => fn sync_topproducer(&self, wait: bool) -> Result<SyncStarted> {
        self.sync_source(Source::TopProducer, wait).await
    }

    /// What the sources last sent.
    "cached_data" => fn cached_data(&self, params: &CachedParams) -> Result<Page<CachedRecord>> {
        Self::send(self.request(Method::GET, "/api/crm/integrations/cached-data").query(params)).await
    }

    /// Cached records whose data holds the text.
    "search_integrations" => fn search_integrations(&self, params: &SearchParams) -> Result<Page<CachedRecord>> {
        Self::send(self.request(Method::GET, "/api/crm/integrations/search").query(params)).await
    }

    "clear_integration_cache" => fn clear_integration_cache(&self, params: &ClearParams) -> Result<CacheCleared> {
        Self::send(self.request(Method::POST, "/api/crm/integrations/cache/clear").query(params)).await
    }

    /// Every contact with the sources it comes from.
    "integration_contacts" => fn integration_contacts(&self, params: &ListParams) -> Result<Page<MergedContact>> {
        Self::send(self.request(Method::GET, "/api/crm/integrations/contacts").query(params)).await
    }

    /// Delivers a Brivity event to a webhook path (what Brivity does; for tests and replays).
    "brivity_webhook" => fn brivity_webhook(&self, path: &str, event: &WebhookEvent) -> Result<WebhookAccepted> {
        Self::send(self.request(Method::POST, path).json(event)).await
    }

    /// Every deal with the sources it comes from.
    "integration_deals" => fn integration_deals(&self, params: &ListParams) -> Result<Page<MergedDeal>> {
        Self::send(self.request(Method::GET, "/api/crm/integrations/deals").query(params)).await
    }
}

impl Client {
    /// Syncs one source; `wait` answers when the run has ended.
    pub async fn sync_source(&self, source: Source, wait: bool) -> Result<SyncStarted> {
        let params = SyncParams { wait: Some(wait) };
        let path = format!("/api/crm/integrations/sync/{source}");
        Self::send(self.request(Method::POST, &path).query(&params)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_operations_are_spelled_for_each_entity() {
        let ids = Client::operation_ids();
        for id in ["list_contacts", "create_opportunity", "export_deals", "put_activity", "audit", "healthz"] {
            assert!(ids.iter().any(|i| i == id), "{id} in {ids:?}");
        }
        assert!(ids.iter().all(|i| !i.contains('{')), "{ids:?}");
    }

    #[test]
    fn a_base_that_is_not_an_http_url_is_an_error() {
        for bad in ["", "127.0.0.1:3000", "ftp://example.com", "http://"] {
            assert!(matches!(Client::new(bad), Err(ClientError::Setup(_))), "{bad:?}");
        }
        let c = Client::builder("http://127.0.0.1:3000/").read_timeout(None).token("t").build().expect("client");
        assert_eq!((c.base(), c.token()), ("http://127.0.0.1:3000", Some("t")));
    }
}
