//! The OpenAPI document, generated from the endpoint table ([`crate::http::endpoints`]) and
//! the wire types' schemas.

use std::sync::OnceLock;

use serde_json::{Map, Value as Json, json};
use utoipa::ToSchema;

use crate::http::{Answer, Doc, endpoints};

fn register<T: ToSchema>(schemas: &mut Map<String, Json>) {
    let mut all = vec![(T::name().into_owned(), T::schema())];
    T::schemas(&mut all);
    for (name, schema) in all {
        schemas.insert(name, serde_json::to_value(schema).unwrap_or(Json::Null));
    }
}

fn component_schemas() -> Map<String, Json> {
    use crm_api::{activities::*, audit::*, auth::*, contacts::*, deals::*, opportunities::*, timeline::*};
    let mut s = Map::new();
    register::<crm_api::Problem>(&mut s);
    register::<crm_api::FieldError>(&mut s);
    register::<crm_api::Money>(&mut s);
    register::<crm_api::ContactStatus>(&mut s);
    register::<crm_api::StageKind>(&mut s);
    register::<crm_api::pipelines::Pipeline>(&mut s);
    register::<crm_api::pipelines::PipelineStage>(&mut s);
    register::<crm_api::pipelines::NewPipeline>(&mut s);
    register::<crm_api::pipelines::PipelinePatch>(&mut s);
    register::<crm_api::pipelines::NewStage>(&mut s);
    register::<crm_api::pipelines::StagePatch>(&mut s);
    register::<crm_api::pipelines::MoveRequest>(&mut s);
    register::<crm_api::analytics::PipelineView>(&mut s);
    register::<crm_api::analytics::PipelineBoard>(&mut s);
    register::<crm_api::analytics::PipelineSummary>(&mut s);
    register::<crm_api::analytics::Forecast>(&mut s);
    register::<crm_api::analytics::Dashboard>(&mut s);
    register::<crm_api::ActivityType>(&mut s);
    register::<crm_api::Priority>(&mut s);
    register::<crm_api::dashboard::Widget>(&mut s);
    register::<crm_api::dashboard::Period>(&mut s);
    register::<crm_api::dashboard::DashboardLayout>(&mut s);
    register::<crm_api::dashboard::NewDashboardLayout>(&mut s);
    register::<crm_api::integrations::Account>(&mut s);
    register::<crm_api::integrations::NewAccount>(&mut s);
    register::<crm_api::integrations::SyncRun>(&mut s);
    register::<crm_api::integrations::SyncStarted>(&mut s);
    register::<crm_api::integrations::SyncStatus>(&mut s);
    register::<crm_api::integrations::CachedRecord>(&mut s);
    register::<crm_api::integrations::CacheCleared>(&mut s);
    register::<crm_api::integrations::MergedContact>(&mut s);
    register::<crm_api::integrations::MergedDeal>(&mut s);
    register::<crm_api::integrations::WebhookEvent>(&mut s);
    register::<crm_api::integrations::WebhookAccepted>(&mut s);
    register::<RegisterRequest>(&mut s);
    register::<LoginRequest>(&mut s);
    register::<Session>(&mut s);
    register::<User>(&mut s);
    register::<NewApiToken>(&mut s);
    register::<ApiToken>(&mut s);
    register::<CreatedApiToken>(&mut s);
    register::<Contact>(&mut s);
    register::<NewContact>(&mut s);
    register::<ContactPatch>(&mut s);
    register::<Opportunity>(&mut s);
    register::<NewOpportunity>(&mut s);
    register::<OpportunityPatch>(&mut s);
    register::<Deal>(&mut s);
    register::<NewDeal>(&mut s);
    register::<DealPatch>(&mut s);
    register::<StageChange>(&mut s);
    register::<Activity>(&mut s);
    register::<NewActivity>(&mut s);
    register::<ActivityPatch>(&mut s);
    register::<ActivityQueue>(&mut s);
    register::<Snooze>(&mut s);
    register::<AuditEntry>(&mut s);
    register::<TimelineItem>(&mut s);
    register::<crm_api::batch::BatchRequest>(&mut s);
    register::<crm_api::batch::BatchResponse>(&mut s);
    register::<crm_api::batch::BatchItem>(&mut s);
    register::<crm_api::batch::MatchOn>(&mut s);
    register::<crm_api::batch::Outcome>(&mut s);
    register::<crm_api::imports::NewImport>(&mut s);
    register::<crm_api::imports::Import>(&mut s);
    register::<crm_api::imports::UndoReport>(&mut s);
    register::<crm_api::imports::UndoSkip>(&mut s);
    let zones: Vec<&str> = crate::service::queue::time_zones().collect();
    s.insert(
        crate::http::TIME_ZONE_SCHEMA.into(),
        json!({
            "type": "string",
            "description": "An IANA time zone, as the tz database spells it",
            "enum": zones,
        }),
    );
    if let Some(mut batch) = s.remove("BatchRequest") {
        // `import_id` and `seq` go together: both given, or neither (absent or null).
        batch["anyOf"] = json!([
            { "required": ["import_id", "seq"], "properties": { "import_id": { "type": "integer" }, "seq": { "type": "integer" } } },
            { "properties": { "import_id": { "type": "null" }, "seq": { "type": "null" } } }
        ]);
        // Matching on e-mail is for records that have one (the entities whose batch takes
        // BatchRequestByEmail); the others match on id or not at all.
        let mut by_email = batch.clone();
        by_email["description"] =
            json!("Body of a batch request of records with an e-mail, which can be matched on it.");
        s.insert("BatchRequestByEmail".into(), by_email);
        batch["properties"]["match"] = json!({
            "oneOf": [{ "type": "null" }, { "type": "string", "enum": ["id", "none"] }],
            "description": "Defaults to `none`: `id` updates the record with the record's `id`, `none` always creates"
        });
        s.insert("BatchRequest".into(), batch);
    }
    s
}

fn schema_ref(name: &str) -> Json {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn problem_response(description: &str) -> Json {
    json!({ "description": description, "content": { crm_api::error::PROBLEM_JSON: { "schema": schema_ref("Problem") } } })
}

fn operation(path: &str, doc: &Doc, schemas: &mut Map<String, Json>) -> Json {
    let mut params: Vec<Json> = Vec::new();
    if path.contains("{id}") {
        params.push(json!({ "name": "id", "in": "path", "required": true, "schema": { "type": "integer", "format": "int64", "minimum": 1 } }));
    }
    if path.contains("{token}") {
        params.push(json!({ "name": "token", "in": "path", "required": true, "schema": { "type": "string" } }));
    }
    if path.contains("{stage_id}") {
        params.push(json!({ "name": "stage_id", "in": "path", "required": true, "schema": { "type": "integer", "format": "int64", "minimum": 1 } }));
    }
    if doc.if_match {
        params.push(json!({
            "name": "If-Match", "in": "header", "required": false,
            "description": "The ETag of the version being changed; a stale one gets 412",
            "schema": { "type": "string" }
        }));
    }
    params.extend(doc.query.iter().map(|p| serde_json::to_value(p).unwrap_or(Json::Null)));

    let content = match &doc.answer {
        Answer::Empty => None,
        Answer::Text => Some(json!({ "text/plain": { "schema": { "type": "string" } } })),
        Answer::Export => Some(json!({
            "text/csv": { "schema": { "type": "string", "description": "A header row of field names, then a row per record" } },
            "application/x-ndjson": { "schema": { "type": "string", "description": "One JSON record per line" } }
        })),
        Answer::AnyJson => Some(json!({ "application/json": { "schema": { "type": "object" } } })),
        Answer::One(n) => Some(json!({ "application/json": { "schema": schema_ref(n) } })),
        Answer::OneOf(names) => {
            let items: Vec<Json> = names.iter().map(|n| schema_ref(n)).collect();
            Some(json!({ "application/json": { "schema": { "oneOf": items } } }))
        }
        Answer::Many(n) => {
            Some(json!({ "application/json": { "schema": { "type": "array", "items": schema_ref(n) } } }))
        }
        Answer::Page(n) => {
            let page = format!("Page_{n}");
            schemas.entry(page.clone()).or_insert_with(|| {
                json!({
                    "type": "object",
                    "required": ["data"],
                    "properties": {
                        "data": { "type": "array", "items": schema_ref(n) },
                        "next_cursor": { "type": ["string", "null"], "description": "Pass as cursor for the next page; null on the last" },
                        "total": { "type": ["integer", "null"], "description": "Count of matches, with total=true" }
                    }
                })
            });
            Some(json!({ "application/json": { "schema": schema_ref(&page) } }))
        }
    };
    let mut ok = json!({ "description": "Success" });
    if let Some(c) = content {
        ok["content"] = c;
    }
    if doc.etag {
        ok["headers"] =
            json!({ "ETag": { "description": "Version of the record, for If-Match", "schema": { "type": "string" } } });
    }
    let mut responses = Map::new();
    if let Some(also) = doc.also_status {
        responses.insert(also.to_string(), ok.clone());
    }
    responses.insert(doc.status.to_string(), ok);
    if doc.body.is_some() || !doc.query.is_empty() || path.contains("{id}") || doc.if_match {
        responses.insert("400".into(), problem_response("Malformed request, query, header or id"));
    }
    if doc.auth {
        responses.insert("401".into(), problem_response("Missing, invalid, expired or revoked token"));
    } else if doc.checks_credentials {
        responses.insert("401".into(), problem_response("Wrong e-mail or password"));
    }
    match (path.contains("{id}"), doc.missing_link) {
        (true, Some(why)) => {
            responses.insert("404".into(), problem_response(&format!("No such record for this user, or: {why}")));
        }
        (true, None) => {
            responses.insert("404".into(), problem_response("No such record for this user"));
        }
        (false, Some(why)) => {
            responses.insert("404".into(), problem_response(why));
        }
        (false, None) => {}
    }
    if let Some(why) = doc.conflict {
        responses.insert("409".into(), problem_response(why));
    }
    if doc.stale {
        responses.insert(
            "412".into(),
            problem_response("The record changed since the If-Match version, or while this request changed it"),
        );
    }
    if doc.body.is_some() {
        responses.insert("413".into(), problem_response("Body too large"));
        responses.insert("415".into(), problem_response("Body is not JSON"));
        responses.insert("422".into(), problem_response("Invalid fields, each named in errors"));
    }
    let retry_after = json!({ "Retry-After": { "description": "Seconds to wait", "schema": { "type": "integer" } } });
    if !crate::limits::exempt(path) {
        let mut limited = problem_response(
            "Too many requests from this user or client address (or logins to this account); retry after the given seconds",
        );
        limited["headers"] = retry_after.clone();
        responses.insert("429".into(), limited);
    }
    // Every request: as many in flight as the server takes, a request over its time, the database busy.
    let mut busy = problem_response(
        "The server is saturated, the request took too long, or the database cannot be reached; \
             retry after the given seconds",
    );
    busy["headers"] = retry_after;
    responses.insert("503".into(), busy);
    // A write's rows, or a read's sort spilling to disk (PostgreSQL), on a full disk.
    responses.insert(
        "507".into(),
        problem_response("The disk holding the database is full; nothing of the request was written"),
    );
    let mut op = json!({
        "operationId": doc.operation_id,
        "summary": doc.summary,
        "tags": [doc.tag],
        "responses": responses,
    });
    if !params.is_empty() {
        op["parameters"] = Json::Array(params);
    }
    if let Some(body) = &doc.body {
        op["requestBody"] =
            json!({ "required": true, "content": { "application/json": { "schema": schema_ref(body) } } });
    }
    op["security"] = if doc.auth { json!([{ "bearer": [] }]) } else { json!([]) };
    op
}

fn build() -> Json {
    let mut schemas = component_schemas();
    let mut paths = Map::new();
    for e in endpoints() {
        let op = operation(&e.path, &e.doc, &mut schemas);
        let item = paths.entry(e.path.clone()).or_insert_with(|| json!({}));
        item[e.method] = op;
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "crm",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "REST API of the CRM. Errors are application/problem+json (RFC 9457). \
                Lists take filter, q, sort, limit, offset or cursor, deleted and total.",
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "bearer": { "type": "http", "scheme": "bearer", "description": "A session JWT from /api/auth/login, or an API token (crm_...)" }
            }
        }
    })
}

/// The document (built once).
pub fn document() -> Json {
    static DOC: OnceLock<Json> = OnceLock::new();
    DOC.get_or_init(build).clone()
}
