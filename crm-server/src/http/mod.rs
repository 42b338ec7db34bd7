//! The HTTP API: every route in one table, from which both the router and the OpenAPI
//! document are built, so that they cannot disagree.

pub mod activities;
pub mod auth;
pub mod batch;
pub mod entities;
pub mod export;
pub mod history;
pub mod imports;

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::routing::{MethodRouter, delete, get, patch, post, put};
use crm_api::ListParams;
use crm_api::resource::{Activities, Contacts, Deals, Opportunities};
use utoipa::openapi::path::{Parameter, ParameterIn};
use utoipa::{IntoParams, ToSchema};

use crate::app::AppState;
use crate::error::{ApiError, ApiResult};
use crate::service::Entity;

/// What a successful answer carries.
#[derive(Debug, Clone)]
pub enum Answer {
    /// No body (204).
    Empty,
    /// Plain text.
    Text,
    /// Records as CSV or NDJSON, streamed.
    Export,
    /// Any JSON document.
    AnyJson,
    /// One value of the named schema.
    One(String),
    /// An array of the named schema.
    Many(String),
    /// A page of the named schema.
    Page(String),
}

/// How an endpoint is documented.
#[derive(Clone)]
pub struct Doc {
    pub operation_id: String,
    pub summary: String,
    pub tag: &'static str,
    /// Needs a bearer token.
    pub auth: bool,
    /// Query parameters.
    pub query: Vec<Parameter>,
    /// Schema of the JSON body.
    pub body: Option<String>,
    pub status: u16,
    pub answer: Answer,
    /// Answers carry an `ETag`.
    pub etag: bool,
    /// Honours `If-Match`.
    pub if_match: bool,
    /// Answers 412 when the record changed under it (with or without `If-Match`).
    pub stale: bool,
    /// Answers 404 when a record the body links to does not exist for the caller, and why.
    pub missing_link: Option<&'static str>,
    /// Answers 409, and why.
    pub conflict: Option<&'static str>,
    /// Reads or writes the database (and so may answer 503 when it is saturated).
    pub database: bool,
    /// Public, but answers 401 for wrong credentials.
    pub checks_credentials: bool,
}

impl Doc {
    fn new(operation_id: impl Into<String>, summary: impl Into<String>, tag: &'static str, answer: Answer) -> Self {
        Doc {
            operation_id: operation_id.into(),
            summary: summary.into(),
            tag,
            auth: true,
            query: Vec::new(),
            body: None,
            status: 200,
            answer,
            etag: false,
            if_match: false,
            stale: false,
            missing_link: None,
            conflict: None,
            database: true,
            checks_credentials: false,
        }
    }
    fn checks_credentials(mut self) -> Self {
        self.checks_credentials = true;
        self
    }
    fn no_database(mut self) -> Self {
        self.database = false;
        self
    }
    fn missing_link(mut self, why: &'static str) -> Self {
        self.missing_link = Some(why);
        self
    }
    fn conflict(mut self, why: &'static str) -> Self {
        self.conflict = Some(why);
        self
    }
    fn stale(mut self) -> Self {
        self.stale = true;
        self
    }
    /// The schema of query parameter `name`, replaced.
    fn param_schema(mut self, name: &str, schema: utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>) -> Self {
        if let Some(p) = self.query.iter_mut().find(|p| p.name == name) {
            p.schema = Some(schema);
        }
        self
    }
    fn public(mut self) -> Self {
        self.auth = false;
        self
    }
    fn body(mut self, schema: impl Into<String>) -> Self {
        self.body = Some(schema.into());
        self
    }
    fn status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }
    fn query<P: IntoParams>(mut self) -> Self {
        self.query = P::into_params(|| Some(ParameterIn::Query));
        self
    }
    fn etag(mut self) -> Self {
        self.etag = true;
        self
    }
    fn if_match(mut self) -> Self {
        self.if_match = true;
        self.stale = true;
        self
    }
}

/// One method on one path.
pub struct Endpoint {
    pub method: &'static str,
    pub path: String,
    pub handler: MethodRouter<AppState>,
    pub doc: Doc,
}

fn ep(method: &'static str, path: impl Into<String>, handler: MethodRouter<AppState>, doc: Doc) -> Endpoint {
    Endpoint { method, path: path.into(), handler, doc }
}

fn name<T: ToSchema>() -> String {
    T::name().into_owned()
}

const LINK_404: &str = "A record the body links to (contact_id, opportunity_id) does not exist for this user";

/// The `sort` parameter of an entity's list, exactly as the server reads it: one to four of
/// its sortable fields, each once, comma-separated, `-` (or `+`) before a field to sort down
/// (or up), white space around each; empty for the default.
fn sort_schema(spec: &crate::store::spec::Spec) -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    let ws = format!("[{}]*", crm_api::validate::schema::WHITESPACE);
    let names: Vec<&str> = spec.fields.iter().filter(|f| f.filter).map(|f| f.name).collect();
    let field = format!("(?:{})", names.join("|"));
    let key = format!("{ws}[-+]?{field}{ws}");
    let twice = format!(r"(?![\s\S]*\b({})\b[\s\S]*\b\1\b)", names.join("|"));
    let pattern = format!("^(?:{ws}|{twice}{key}(?:,{key}){{0,3}})$");
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .pattern(Some(pattern))
        .description(Some(format!("Sortable fields: {}", names.join(", "))))
        .into()
}

/// The `tz` parameter: one of the IANA zone names the server knows (the `TimeZone` schema).
fn time_zone() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
    utoipa::openapi::Ref::from_schema_name(TIME_ZONE_SCHEMA).into()
}

/// Name of the schema of the IANA time zones a `tz` parameter takes.
pub const TIME_ZONE_SCHEMA: &str = "TimeZone";

/// The endpoints every entity has.
fn entity_endpoints<E>() -> Vec<Endpoint>
where
    E: Entity,
    E::Record: ToSchema,
    E::New: ToSchema,
    E::Patch: ToSchema,
{
    let base = format!("/api/crm/{}", E::PATH);
    let one = format!("{base}/{{id}}");
    let (record, new, patch_body) = (name::<E::Record>(), name::<E::New>(), name::<E::Patch>());
    let tag = E::PATH;
    vec![
        ep(
            "get",
            &base,
            get(entities::list::<E>),
            Doc::new(format!("list_{}", E::PATH), format!("List {}", E::PATH), tag, Answer::Page(record.clone()))
                .query::<ListParams>()
                .param_schema("sort", sort_schema(E::spec())),
        ),
        ep(
            "post",
            &base,
            post(entities::create::<E>),
            Doc::new(format!("create_{}", E::NAME), format!("Create a {}", E::NAME), tag, Answer::One(record.clone()))
                .body(new)
                .status(201)
                .etag()
                .missing_link(LINK_404),
        ),
        ep(
            "post",
            format!("{base}/batch"),
            post(batch::batch::<E>).layer(axum::extract::DefaultBodyLimit::max(crate::app::BATCH_BODY_LIMIT)),
            Doc::new(
                format!("batch_{}", E::PATH),
                format!("Create or upsert up to 1000 {} in one transaction", E::PATH),
                tag,
                Answer::One(name::<crm_api::batch::BatchResponse>()),
            )
            // Records with an e-mail can also be matched on it.
            .body(if E::spec().hooks.match_email {
                "BatchRequestByEmail".to_string()
            } else {
                name::<crm_api::batch::BatchRequest>()
            })
            .missing_link("No import of these records with import_id for this user")
            .conflict(
                "The import is of another entity or was undone, this batch of it was applied with other \
                 records, or the batch before it has not been applied yet (type batch-out-of-order: send it again)",
            ),
        ),
        ep(
            "get",
            format!("{base}/export"),
            get(export::export::<E>),
            Doc::new(
                format!("export_{}", E::PATH),
                format!("Every matching {} as CSV or NDJSON, streamed", E::NAME),
                tag,
                Answer::Export,
            )
            .query::<export::ExportParams>()
            .param_schema("sort", sort_schema(E::spec())),
        ),
        ep(
            "get",
            &one,
            get(entities::get::<E>),
            Doc::new(format!("get_{}", E::NAME), format!("Read a {}", E::NAME), tag, Answer::One(record.clone()))
                .etag(),
        ),
        ep(
            "put",
            &one,
            put(entities::update::<E>),
            Doc::new(
                format!("put_{}", E::NAME),
                format!("Update a {} (partial, as PATCH)", E::NAME),
                tag,
                Answer::One(record.clone()),
            )
            .body(patch_body.clone())
            .etag()
            .if_match()
            .missing_link(LINK_404),
        ),
        ep(
            "patch",
            &one,
            patch(entities::update::<E>),
            Doc::new(
                format!("patch_{}", E::NAME),
                format!("Update fields of a {}", E::NAME),
                tag,
                Answer::One(record.clone()),
            )
            .body(patch_body)
            .etag()
            .if_match()
            .missing_link(LINK_404),
        ),
        ep(
            "delete",
            &one,
            delete(entities::delete::<E>),
            Doc::new(format!("delete_{}", E::NAME), format!("Move a {} to the trash", E::NAME), tag, Answer::Empty)
                .status(204)
                .if_match(),
        ),
        ep(
            "post",
            format!("{one}/restore"),
            post(entities::restore::<E>),
            Doc::new(
                format!("restore_{}", E::NAME),
                format!("Restore a {} from the trash", E::NAME),
                tag,
                Answer::One(record),
            )
            .etag(),
        ),
    ]
}

/// Every endpoint of the API.
pub fn endpoints() -> Vec<Endpoint> {
    use crm_api::activities::{Activity, ActivityQueue, Snooze};
    use crm_api::auth::{ApiToken, CreatedApiToken, LoginRequest, NewApiToken, RegisterRequest, Session, User};
    use crm_api::imports::{Import, NewImport, UndoReport};
    use crm_api::params::{QueueParams, SnoozeParams};
    use crm_api::{audit::AuditEntry, deals::StageChange, timeline::TimelineItem};
    let mut all = vec![
        ep(
            "get",
            "/healthz",
            get(healthz),
            Doc::new("healthz", "The process is up", "health", Answer::Text).public().no_database(),
        ),
        ep("get", "/readyz", get(readyz), Doc::new("readyz", "The database answers", "health", Answer::Text).public()),
        ep(
            "get",
            "/api/openapi.json",
            get(openapi),
            Doc::new("openapi", "This OpenAPI document", "health", Answer::AnyJson).public().no_database(),
        ),
        ep(
            "post",
            "/api/auth/register",
            post(auth::register),
            Doc::new("register", "Create an account and a session", "auth", Answer::One(name::<Session>()))
                .public()
                .body(name::<RegisterRequest>())
                .status(201)
                .conflict("An account with this e-mail already exists"),
        ),
        ep(
            "post",
            "/api/auth/login",
            post(auth::login),
            Doc::new("login", "Open a session", "auth", Answer::One(name::<Session>()))
                .public()
                .body(name::<LoginRequest>())
                .checks_credentials(),
        ),
        ep(
            "get",
            "/api/auth/me",
            get(auth::me),
            Doc::new("me", "The caller's account", "auth", Answer::One(name::<User>())),
        ),
        ep(
            "get",
            "/api/auth/tokens",
            get(auth::list_tokens),
            Doc::new("list_tokens", "The caller's API tokens", "auth", Answer::Many(name::<ApiToken>())),
        ),
        ep(
            "post",
            "/api/auth/tokens",
            post(auth::create_token),
            Doc::new(
                "create_token",
                "Create an API token (its secret is shown once)",
                "auth",
                Answer::One(name::<CreatedApiToken>()),
            )
            .body(name::<NewApiToken>())
            .status(201),
        ),
        ep(
            "delete",
            "/api/auth/tokens/{id}",
            delete(auth::revoke_token),
            Doc::new("revoke_token", "Revoke an API token", "auth", Answer::Empty).status(204),
        ),
        ep(
            "get",
            "/api/crm/audit",
            get(history::audit_log),
            Doc::new("audit", "The caller's audit trail, newest first", "audit", Answer::Page(name::<AuditEntry>()))
                .query::<history::AuditParams>(),
        ),
        ep(
            "post",
            "/api/crm/imports",
            post(imports::create),
            Doc::new(
                "create_import",
                "Start an import: its batches carry its id",
                "imports",
                Answer::One(name::<Import>()),
            )
            .body(name::<NewImport>())
            .status(201),
        ),
        ep(
            "get",
            "/api/crm/imports",
            get(imports::list),
            Doc::new("list_imports", "The caller's imports, newest first", "imports", Answer::Many(name::<Import>()))
                .query::<imports::ImportListParams>(),
        ),
        ep(
            "get",
            "/api/crm/imports/{id}",
            get(imports::get),
            Doc::new("get_import", "An import and what its batches did", "imports", Answer::One(name::<Import>())),
        ),
        ep(
            "post",
            "/api/crm/imports/{id}/undo",
            post(imports::undo),
            Doc::new(
                "undo_import",
                "Revert an import: created records to the trash, updated fields set back",
                "imports",
                Answer::One(name::<UndoReport>()),
            )
            .conflict("The import has already been undone"),
        ),
        ep(
            "get",
            "/api/crm/activities/recent",
            get(activities::recent_activities),
            Doc::new(
                "recent_activities",
                "The 5 most recent activities",
                "activities",
                Answer::Many(name::<Activity>()),
            ),
        ),
        ep(
            "post",
            "/api/crm/activities/{id}/complete",
            post(activities::complete_activity),
            Doc::new("complete_activity", "Mark an activity completed", "activities", Answer::One(name::<Activity>()))
                .etag()
                .stale(),
        ),
        ep(
            "get",
            "/api/crm/activities/queue",
            get(activities::activity_queue),
            Doc::new(
                "activity_queue",
                "Open activities overdue, due today and due in the 7 days after today (today in tz), \
                 each section by priority (Urgent, High, Normal, Low), then due date, then id, and \
                 at most limit long; completed, deleted and undated activities are left out",
                "activities",
                Answer::One(name::<ActivityQueue>()),
            )
            .query::<QueueParams>()
            .param_schema("tz", time_zone()),
        ),
        ep(
            "post",
            "/api/crm/activities/{id}/snooze",
            post(activities::snooze_activity),
            Doc::new(
                "snooze_activity",
                "Move an open activity's due date to until, today (in tz) or later: 422 naming until \
                 for an earlier date; written as an update (new version, audit row)",
                "activities",
                Answer::One(name::<Activity>()),
            )
            .query::<SnoozeParams>()
            .param_schema("tz", time_zone())
            .body(name::<Snooze>())
            .etag()
            .if_match()
            .conflict("The activity is completed: only an open activity can be snoozed"),
        ),
        ep(
            "get",
            "/api/crm/deals/{id}/history",
            get(history::deal_history),
            Doc::new(
                "deal_history",
                "A deal's stage changes, oldest first",
                "deals",
                Answer::Many(name::<StageChange>()),
            ),
        ),
        ep(
            "get",
            "/api/crm/contacts/{id}/timeline",
            get(history::contact_timeline),
            Doc::new(
                "contact_timeline",
                "Everything around a contact, newest first",
                "contacts",
                Answer::Many(name::<TimelineItem>()),
            )
            .query::<history::TimelineParams>(),
        ),
    ];
    all.extend(entity_endpoints::<Contacts>());
    all.extend(entity_endpoints::<Opportunities>());
    all.extend(entity_endpoints::<Deals>());
    all.extend(entity_endpoints::<Activities>());
    all
}

pub fn routes() -> Router<AppState> {
    endpoints()
        .into_iter()
        .fold(Router::new(), |router, e| router.route(&e.path, e.handler))
        .fallback(|| async { ApiError::NotFound("no such endpoint".into()) })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
}

/// The process is up.
async fn healthz() -> &'static str {
    "ok"
}

/// The database answers.
async fn readyz(State(s): State<AppState>) -> ApiResult<&'static str> {
    s.db.ping().await.map_err(|e| ApiError::Internal(anyhow::anyhow!("database not ready: {e}")))?;
    Ok("ready")
}

async fn openapi() -> Json<serde_json::Value> {
    Json(crate::openapi::document())
}
