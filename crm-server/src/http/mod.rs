//! The HTTP API: every route in one table, from which both the router and the OpenAPI
//! document are built, so that they cannot disagree.

pub mod activities;
pub mod analytics;
pub mod auth;
pub mod batch;
pub mod dashboard;
pub mod entities;
pub mod export;
pub mod history;
pub mod imports;
pub mod integrations;
pub mod pipelines;

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
    /// One value of one of the named schemas (chosen by a query parameter).
    OneOf(Vec<String>),
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
    /// Another success status with the same answer (e.g. 200 when asked to wait, else 202).
    pub also_status: Option<u16>,
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
            also_status: None,
            answer,
            etag: false,
            if_match: false,
            stale: false,
            missing_link: None,
            conflict: None,
            checks_credentials: false,
        }
    }
    fn checks_credentials(mut self) -> Self {
        self.checks_credentials = true;
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
    fn also_status(mut self, status: u16) -> Self {
        self.also_status = Some(status);
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

const CREATE_409: &str = "created_at is after the server's clock (named in errors)";
const CREATE_409_STAGED: &str = "created_at is after the server's clock, or the stage clashes with the pipeline: \
     stage_id of another pipeline than pipeline_id, stage and stage_id naming different stages (named in errors)";
const UPDATE_409_STAGED: &str = "The stage clashes with the pipeline: stage_id of another pipeline than pipeline_id, \
     stage and stage_id naming different stages, or a new pipeline_id without a stage of it (named in errors)";

const LINK_404: &str = "A record the body links to (contact_id, opportunity_id, deal_id, pipeline_id, stage_id) does not exist for this user";

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
    let staged = E::spec().hooks.stages.is_some();
    let create_conflict = if staged { CREATE_409_STAGED } else { CREATE_409 };
    let with_update_conflict = |d: Doc| if staged { d.conflict(UPDATE_409_STAGED) } else { d };
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
                .missing_link(LINK_404)
                .conflict(create_conflict),
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
            with_update_conflict(
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
        ),
        ep(
            "patch",
            &one,
            patch(entities::update::<E>),
            with_update_conflict(
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
    use crm_api::dashboard::{DashboardLayout, NewDashboardLayout};
    use crm_api::imports::{Import, NewImport, UndoReport};
    use crm_api::params::{QueueParams, SnoozeParams};
    use crm_api::{audit::AuditEntry, deals::StageChange, timeline::TimelineItem};
    let mut all = vec![
        ep("get", "/healthz", get(healthz), Doc::new("healthz", "The process is up", "health", Answer::Text).public()),
        ep("get", "/readyz", get(readyz), Doc::new("readyz", "The database answers", "health", Answer::Text).public()),
        ep(
            "get",
            "/metrics",
            get(metrics),
            Doc::new("metrics", "Prometheus metrics: requests, limits, database, sync runs", "health", Answer::Text)
                .public()
                .missing_link("The metrics are served on their own address (CRM_METRICS_BIND)"),
        ),
        ep(
            "get",
            "/api/openapi.json",
            get(openapi),
            Doc::new("openapi", "This OpenAPI document", "health", Answer::AnyJson).public(),
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
            "/api/crm/dashboard/layout",
            get(dashboard::get_layout),
            Doc::new(
                "get_dashboard_layout",
                "The caller's dashboard layout: the widgets shown, in order, and the period; the default \
                 one (every widget, this month, version 0) until one is saved",
                "dashboard",
                Answer::One(name::<DashboardLayout>()),
            )
            .etag(),
        ),
        ep(
            "put",
            "/api/crm/dashboard/layout",
            put(dashboard::put_layout),
            Doc::new(
                "put_dashboard_layout",
                "Save the caller's dashboard layout: 1 to 11 distinct widgets in order, and the period \
                 (names in any case); answers the saved layout",
                "dashboard",
                Answer::One(name::<DashboardLayout>()),
            )
            .body(name::<NewDashboardLayout>())
            .etag()
            .if_match(),
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
    all.extend(pipeline_endpoints());
    all.extend(integration_endpoints());
    all.extend(entity_endpoints::<Contacts>());
    all.extend(entity_endpoints::<Opportunities>());
    all.extend(entity_endpoints::<Deals>());
    all.extend(entity_endpoints::<Activities>());
    all
}

/// Connected accounts and their syncs.
fn integration_endpoints() -> Vec<Endpoint> {
    use crm_api::integrations::{
        Account, CacheCleared, CachedParams, CachedRecord, ClearParams, MergedContact, MergedDeal, NewAccount,
        SearchParams, SyncParams, SyncRun, SyncStarted, SyncStatus, WebhookAccepted, WebhookEvent,
    };
    let tag = "integrations";
    let started = || Answer::One(name::<SyncStarted>());
    let sync = |path: &str, id: &str, summary: &str, handler: MethodRouter<AppState>| {
        ep(
            "post",
            format!("/api/crm/integrations/{path}"),
            handler,
            Doc::new(id, summary, tag, started())
                .query::<SyncParams>()
                .status(202)
                .also_status(200)
                .missing_link("No account of the source is connected (source)")
                .conflict(
                    "A sync of the source is already running (its run named), or its stored credentials cannot be read",
                ),
        )
    };
    vec![
        ep(
            "get",
            "/api/crm/integrations/accounts",
            get(integrations::list_accounts),
            Doc::new(
                "list_integration_accounts",
                "The caller's connected sources (never their secrets)",
                tag,
                Answer::Many(name::<Account>()),
            ),
        ),
        ep(
            "post",
            "/api/crm/integrations/accounts",
            post(integrations::connect),
            Doc::new(
                "connect_integration_account",
                "Connect a source (or replace its credentials): the secret is stored encrypted and never returned",
                tag,
                Answer::One(name::<Account>()),
            )
            .body(name::<NewAccount>())
            .status(201),
        ),
        ep(
            "delete",
            "/api/crm/integrations/accounts/{id}",
            delete(integrations::disconnect),
            Doc::new(
                "disconnect_integration_account",
                "Disconnect a source (its synced contacts and deals stay)",
                tag,
                Answer::Empty,
            )
            .status(204),
        ),
        ep(
            "get",
            "/api/crm/integrations/sync-status",
            get(integrations::sync_status),
            Doc::new(
                "sync_status",
                "Every source: connected or not, its run in progress, its last run",
                tag,
                Answer::One(name::<SyncStatus>()),
            ),
        ),
        ep(
            "get",
            "/api/crm/integrations/runs/{id}",
            get(integrations::run),
            Doc::new(
                "get_sync_run",
                "One sync run: how it ended, and what it did",
                tag,
                Answer::One(name::<SyncRun>()),
            ),
        ),
        ep(
            "get",
            "/api/crm/integrations/cached-data",
            get(integrations::cached_data),
            Doc::new(
                "cached_data",
                "What each source last sent (the cache), a page at a time, of one source or all",
                tag,
                Answer::Page(name::<CachedRecord>()),
            )
            .query::<CachedParams>(),
        ),
        ep(
            "get",
            "/api/crm/integrations/search",
            get(integrations::search),
            Doc::new(
                "search_integrations",
                "The cached records of every source whose data holds q (any field, any case)",
                tag,
                Answer::Page(name::<CachedRecord>()),
            )
            .query::<SearchParams>(),
        ),
        ep(
            "post",
            "/api/crm/integrations/cache/clear",
            post(integrations::clear_cache),
            Doc::new(
                "clear_integration_cache",
                "Drop the cached copies (of one source or all): the next sync compares every record afresh; no contact or deal is lost",
                tag,
                Answer::One(name::<CacheCleared>()),
            )
            .query::<ClearParams>(),
        ),
        ep(
            "get",
            "/api/crm/integrations/contacts",
            get(integrations::merged::<Contacts>),
            Doc::new(
                "integration_contacts",
                "Every contact, made here or synced, one per person, with the sources it comes from (the list's parameters)",
                tag,
                Answer::Page(name::<MergedContact>()),
            )
            .query::<ListParams>()
            .param_schema("sort", sort_schema(Contacts::spec())),
        ),
        ep(
            "get",
            "/api/crm/integrations/deals",
            get(integrations::merged::<Deals>),
            Doc::new(
                "integration_deals",
                "Every deal, made here or synced, with the sources it comes from (the list's parameters)",
                tag,
                Answer::Page(name::<MergedDeal>()),
            )
            .query::<ListParams>()
            .param_schema("sort", sort_schema(Deals::spec())),
        ),
        ep(
            "post",
            "/api/crm/integrations/webhooks/brivity/{token}",
            post(integrations::brivity_webhook),
            Doc::new(
                "brivity_webhook",
                "Receive a Brivity event (new_lead): verified by the account's secret path, recorded once by its id, and a new lead starts a sync of the account",
                tag,
                Answer::One(name::<WebhookAccepted>()),
            )
            .public()
            .body(name::<WebhookEvent>())
            .status(202)
            .missing_link("No account has this webhook path"),
        ),
        sync(
            "sync-all",
            "sync_all",
            "Sync every connected source: answers the runs started (202), or ended with wait=true (200)",
            post(integrations::sync_all),
        ),
        sync(
            "sync/brivity",
            "sync_brivity",
            "Sync the Brivity account: answers the run started (202), or ended with wait=true (200)",
            post(integrations::sync_brivity),
        ),
        sync(
            "sync/topproducer",
            "sync_topproducer",
            "Sync the Top Producer account: answers the run started (202), or ended with wait=true (200)",
            post(integrations::sync_topproducer),
        ),
    ]
}

/// Pipelines, their stages, and moves between stages.
fn pipeline_endpoints() -> Vec<Endpoint> {
    use crm_api::analytics::{
        Dashboard, DashboardParams, Forecast, ForecastParams, PipelineBoard, PipelineParams, PipelineSummary,
    };
    use crm_api::pipelines::{
        MoveRequest, NewPipeline, NewStage, Pipeline, PipelinePatch, PipelineStage, StageDeleteParams, StagePatch,
    };
    let tag = "pipelines";
    let (pipeline, stage) = (name::<Pipeline>(), name::<PipelineStage>());
    let moves = |path: &'static str, entity: &'static str, record: String, handler: MethodRouter<AppState>| {
        ep(
            "post",
            format!("/api/crm/{path}/{{id}}/move"),
            handler,
            Doc::new(
                format!("move_{entity}"),
                format!(
                    "Move a {entity} to another stage, dated now or `at` (recorded in its stage history; \
                     its probability follows the stage unless set explicitly)"
                ),
                path,
                Answer::One(record),
            )
            .body(name::<MoveRequest>())
            .etag()
            .if_match()
            .missing_link("The record's pipeline has no stage of that name, or stage_id names no stage of this user")
            .conflict("stage and stage_id name different stages, or at is in the future or before the previous stage change (named in errors)"),
        )
    };
    vec![
        ep(
            "get",
            "/api/crm/pipelines",
            get(pipelines::list),
            Doc::new("list_pipelines", "The caller's pipelines with their stages, in order", tag, Answer::Many(pipeline.clone())),
        ),
        ep(
            "post",
            "/api/crm/pipelines",
            post(pipelines::create),
            Doc::new("create_pipeline", "Create a pipeline (with the six default stages unless given)", tag, Answer::One(pipeline.clone()))
                .body(name::<NewPipeline>())
                .status(201)
                .conflict("The caller has the most pipelines there may be (50), or the name is taken, or two stages share a name (named in errors)"),
        ),
        ep(
            "get",
            "/api/crm/pipelines/{id}",
            get(pipelines::get),
            Doc::new("get_pipeline", "A pipeline with its stages", tag, Answer::One(pipeline.clone())),
        ),
        ep(
            "patch",
            "/api/crm/pipelines/{id}",
            patch(pipelines::update),
            Doc::new("patch_pipeline", "Rename a pipeline, make it the default, or move it", tag, Answer::One(pipeline))
                .body(name::<PipelinePatch>())
                .if_match()
                .conflict("Another pipeline of the user has that name (named in errors)"),
        ),
        ep(
            "delete",
            "/api/crm/pipelines/{id}",
            delete(pipelines::delete),
            Doc::new("delete_pipeline", "Delete a pipeline that no deal or opportunity uses", tag, Answer::Empty)
                .status(204)
                .if_match()
                .conflict("It is the default pipeline, or deals or opportunities (in the trash too) are in it"),
        ),
        ep(
            "get",
            "/api/crm/pipelines/{id}/stages",
            get(pipelines::stages),
            Doc::new("list_stages", "A pipeline's stages, in order", tag, Answer::Many(stage.clone())),
        ),
        ep(
            "post",
            "/api/crm/pipelines/{id}/stages",
            post(pipelines::add_stage),
            Doc::new("create_stage", "Add a stage to a pipeline (last, or at `position`)", tag, Answer::One(stage.clone()))
                .body(name::<NewStage>())
                .status(201)
                .if_match()
                .conflict("The pipeline has the most stages there may be (50), or one of them has that name"),
        ),
        ep(
            "patch",
            "/api/crm/pipelines/{id}/stages/{stage_id}",
            patch(pipelines::update_stage),
            Doc::new(
                "patch_stage",
                "Rename, reorder or change a stage (records in it follow its name and, unless set explicitly, its probability)",
                tag,
                Answer::One(stage),
            )
            .body(name::<StagePatch>())
            .if_match()
            .conflict("Another stage of the pipeline has that name (named in errors)"),
        ),
        ep(
            "delete",
            "/api/crm/pipelines/{id}/stages/{stage_id}",
            delete(pipelines::delete_stage),
            Doc::new(
                "delete_stage",
                "Delete a stage; the records in it move to `move_to`, required when there are any",
                tag,
                Answer::Empty,
            )
            .status(204)
            .query::<StageDeleteParams>()
            .if_match()
            .missing_link("move_to names no stage of the pipeline")
            .conflict("It is the pipeline's last stage, or records are in it and move_to is missing or is the stage itself (named in errors)"),
        ),
        ep(
            "get",
            "/api/crm/pipeline",
            get(analytics::pipeline),
            Doc::new(
                "pipeline",
                "The pipeline board: each stage's deals ({ \"<stage>\": [deals] }, columns of per_stage deals in id \
                 order, the next ones with stage and after), or with view=summary each stage's count, amount, \
                 weighted amount and rotting deals per currency",
                "analytics",
                Answer::OneOf(vec![name::<PipelineBoard>(), name::<PipelineSummary>()]),
            )
            .query::<PipelineParams>()
            .missing_link("pipeline_id names no pipeline of this user, or the pipeline has no stage of that name"),
        ),
        ep(
            "get",
            "/api/crm/forecast",
            get(analytics::forecast),
            Doc::new(
                "forecast",
                "Per close month from the current UTC month and per currency: won, weighted and best-case amounts and the count",
                "analytics",
                Answer::One(name::<Forecast>()),
            )
            .query::<ForecastParams>(),
        ),
        ep(
            "get",
            "/api/crm/dashboard",
            get(analytics::dashboard),
            Doc::new(
                "dashboard",
                "Every figure of the dashboard over a period of UTC days (default: the current UTC month)",
                "analytics",
                Answer::One(name::<Dashboard>()),
            )
            .query::<DashboardParams>()
            .missing_link("pipeline_id names no pipeline of this user"),
        ),
        moves("deals", "deal", name::<crm_api::deals::Deal>(), post(pipelines::move_stage::<Deals>)),
        moves(
            "opportunities",
            "opportunity",
            name::<crm_api::opportunities::Opportunity>(),
            post(pipelines::move_stage::<Opportunities>),
        ),
    ]
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
    s.db.ping().await.map_err(|e| {
        tracing::warn!(error = %e, "not ready: the database does not answer");
        ApiError::Unavailable("not ready: the database does not answer".into())
    })?;
    Ok("ready")
}

/// The metrics in Prometheus's text format (on `CRM_METRICS_BIND`, alone).
pub async fn metrics_text(State(s): State<AppState>) -> axum::response::Response {
    use axum::response::IntoResponse;
    let text = s.metrics.render(&s.db, &s.limits.refusals(), &s.sync.figures());
    ([(axum::http::header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], text).into_response()
}

/// The metrics with the API; 404 when they are served on an address of their own.
async fn metrics(state: State<AppState>) -> ApiResult<axum::response::Response> {
    if state.metrics.elsewhere {
        return Err(ApiError::NotFound("the metrics are served on their own address (CRM_METRICS_BIND)".into()));
    }
    Ok(metrics_text(state).await)
}

async fn openapi() -> Json<serde_json::Value> {
    Json(crate::openapi::document())
}
