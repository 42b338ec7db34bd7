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
    register::<crm_api::Stage>(&mut s);
    register::<crm_api::ActivityType>(&mut s);
    register::<crm_api::Priority>(&mut s);
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
    responses.insert(doc.status.to_string(), ok);
    if doc.body.is_some() || !doc.query.is_empty() || path.contains("{id}") {
        responses.insert("400".into(), problem_response("Malformed request, query or id"));
    }
    if doc.auth {
        responses.insert("401".into(), problem_response("Missing, invalid, expired or revoked token"));
    }
    if path.contains("{id}") {
        responses.insert("404".into(), problem_response("No such record for this user"));
    }
    if doc.if_match {
        responses.insert("412".into(), problem_response("The record changed since the If-Match version"));
    }
    if doc.body.is_some() {
        responses.insert("413".into(), problem_response("Body too large"));
        responses.insert("415".into(), problem_response("Body is not JSON"));
        responses.insert("422".into(), problem_response("Invalid fields, each named in errors"));
    }
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
