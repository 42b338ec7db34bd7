//! The typed client covers the whole endpoint table, and its methods that the other suites do not
//! use (health, the OpenAPI document, `PUT`, export, imports, the timeline limit, the audit
//! filter) work against a real server; its timeouts end a call to a server that never answers.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use crm_api::client::{Client, ClientError};
use crm_api::contacts::{ContactPatch, NewContact};
use crm_api::imports::NewImport;
use crm_api::params::{AuditParams, ExportFormat, ExportParams, ImportListParams, TimelineParams};
use crm_api::resource::{Activities, Contacts, Deals, Resource};
use crm_tests::{Backend, TestServer, backend_tests};
use serde_json::{Value, json};

backend_tests!(
    health_and_the_openapi_document_through_the_client,
    put_updates_like_patch_and_honours_if_match,
    export_streams_csv_and_ndjson_in_chunks,
    a_bad_export_is_an_error_before_any_byte,
    imports_are_created_listed_shown_and_undone_through_the_client,
    timeline_limit_and_audit_filter_are_sent_as_the_server_reads_them,
);

#[test]
fn every_endpoint_operation_has_a_client_method() {
    let table: BTreeSet<String> = crm_server::http::endpoints().into_iter().map(|e| e.doc.operation_id).collect();
    let client: BTreeSet<String> = Client::operation_ids().into_iter().collect();
    assert!(table.len() > 40, "the endpoint table: {table:?}");
    let missing: Vec<&String> = table.difference(&client).collect();
    assert!(missing.is_empty(), "operations of the endpoint table without a client method: {missing:?}");
    let unknown: Vec<&String> = client.difference(&table).collect();
    assert!(unknown.is_empty(), "client methods for operations the server does not have: {unknown:?}");
}

async fn health_and_the_openapi_document_through_the_client(b: Backend) {
    let s = TestServer::start(b).await;
    let anon = s.anon();
    assert_eq!(anon.healthz().await.expect("healthz"), "ok");
    assert_eq!(anon.readyz().await.expect("readyz"), "ready");
    let doc = anon.openapi().await.expect("openapi");
    let ids: BTreeSet<&str> = doc["paths"]
        .as_object()
        .into_iter()
        .flat_map(|paths| paths.values())
        .filter_map(Value::as_object)
        .flat_map(|ops| ops.values())
        .filter_map(|op| op["operationId"].as_str())
        .collect();
    let client: BTreeSet<String> = Client::operation_ids().into_iter().collect();
    assert_eq!(ids, client.iter().map(String::as_str).collect(), "the served document lists the client's operations");
}

async fn put_updates_like_patch_and_honours_if_match(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("put").await;
    let c = u.create::<Contacts>(&NewContact { name: "Ada".into(), ..Default::default() }).await.expect("create");
    let patch = ContactPatch { company: Some(Some("Engines".into())), ..Default::default() };
    let put = u.put::<Contacts>(c.record.id, &patch, c.etag.as_deref()).await.expect("put");
    assert_eq!((put.record.company.as_deref(), put.record.name.as_str()), (Some("Engines"), "Ada"), "partial");
    assert_eq!(put.etag.as_deref(), Some("\"2\""));
    let stale = u.put::<Contacts>(c.record.id, &patch, c.etag.as_deref()).await.expect_err("stale");
    assert_eq!(stale.status(), Some(412));
}

/// Reads an export to its end, counting its chunks.
async fn read_all(mut export: crm_api::client::Export) -> (String, usize) {
    let (mut body, mut chunks) = (Vec::new(), 0);
    while let Some(chunk) = export.chunk().await.expect("a chunk") {
        body.extend_from_slice(&chunk);
        chunks += 1;
    }
    (String::from_utf8(body).expect("UTF-8"), chunks)
}

async fn export_streams_csv_and_ndjson_in_chunks(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("export").await;
    // More than one page of the server's stream (1000 records a step).
    let records: Vec<Value> = (0..1500).map(|i| json!({ "name": format!("Person {i:04}") })).collect();
    for part in records.chunks(1000) {
        let req = crm_api::batch::BatchRequest { records: part.to_vec(), ..Default::default() };
        u.batch::<Contacts>(&req).await.expect("batch");
    }
    let deleted = u.list::<Contacts>(&Default::default()).await.expect("list").data[0].id;
    u.delete::<Contacts>(deleted, None).await.expect("delete");

    let export = u.export::<Contacts>(&ExportParams::default()).await.expect("csv export");
    assert_eq!(export.file_name().as_deref(), Some("contacts.csv"));
    let (csv, chunks) = read_all(export).await;
    let mut lines = csv.lines();
    assert!(lines.next().is_some_and(|h| h.starts_with("id,name,")), "header: {csv:.200}");
    assert_eq!(lines.count(), 1499, "every live record once");
    assert!(chunks >= 2, "streamed in chunks, got {chunks}");

    let params = ExportParams {
        format: Some(ExportFormat::Ndjson),
        filter: Some(r#"name[like]:"Person 00%""#.into()),
        sort: Some("-name".into()),
        ..Default::default()
    };
    let export = u.export::<Contacts>(&params).await.expect("ndjson export");
    assert_eq!(export.file_name().as_deref(), Some("contacts.ndjson"));
    let (nd, _) = read_all(export).await;
    let names: Vec<String> = nd
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("a JSON line")["name"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(names.len(), 100, "Person 0000 to Person 0099");
    assert_eq!(names.first().map(String::as_str), Some("Person 0099"), "sorted as asked");

    let trash = ExportParams { format: Some(ExportFormat::Ndjson), deleted: Some(true), ..Default::default() };
    let (nd, _) = read_all(u.export::<Contacts>(&trash).await.expect("trash export")).await;
    let ids: Vec<i64> = nd.lines().filter_map(|l| serde_json::from_str::<Value>(l).ok()?["id"].as_i64()).collect();
    assert_eq!(ids, [deleted]);
}

async fn a_bad_export_is_an_error_before_any_byte(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("bad-export").await;
    let params = ExportParams { filter: Some("colour[eq]:1".into()), ..Default::default() };
    let err = u.export::<Deals>(&params).await.expect_err("unknown field");
    assert_eq!(err.status(), Some(400));
    assert!(err.problem().is_some_and(|p| p.errors.iter().any(|e| e.field == "filter")), "{err:?}");
    let err = s.anon().export::<Deals>(&ExportParams::default()).await.expect_err("no token");
    assert_eq!(err.status(), Some(401));
}

async fn imports_are_created_listed_shown_and_undone_through_the_client(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("imports").await;
    let mut ids = Vec::new();
    for name in ["first.csv", "second.csv", "third.csv"] {
        ids.push(
            u.create_import(&NewImport { entity: "contacts".into(), name: name.into() }).await.expect("import").id,
        );
    }
    let batch = crm_tests::import_batch(ids[2], 0, crm_api::batch::MatchOn::Email, vec![json!({"name": "Imported"})]);
    assert_eq!(u.batch::<Contacts>(&batch).await.expect("batch").created, 1);

    let two = u.list_imports(&ImportListParams { limit: Some(2) }).await.expect("list");
    assert_eq!(two.iter().map(|i| i.id).collect::<Vec<_>>(), [ids[2], ids[1]], "newest first, as many as asked");
    let all = u.list_imports(&ImportListParams::default()).await.expect("list all");
    assert_eq!(all.len(), 3);
    let err = u.list_imports(&ImportListParams { limit: Some(0) }).await.expect_err("limit 0");
    assert_eq!(err.status(), Some(400));

    let shown = u.get_import(ids[2]).await.expect("get");
    assert_eq!((shown.name.as_str(), shown.batches, shown.created), ("third.csv", 1, 1));
    let report = u.undo_import(ids[2]).await.expect("undo");
    assert_eq!((report.import_id, report.deleted), (ids[2], 1));
    assert!(u.get_import(ids[2]).await.expect("get").undone_at.is_some());
    assert!(u.list::<Contacts>(&Default::default()).await.expect("list").data.is_empty(), "the import is undone");

    let other = s.user("someone-else").await;
    assert_eq!(other.get_import(ids[0]).await.expect_err("not theirs").status(), Some(404));
    assert!(other.list_imports(&ImportListParams::default()).await.expect("theirs").is_empty());
}

async fn timeline_limit_and_audit_filter_are_sent_as_the_server_reads_them(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("params").await;
    let c = u.create::<Contacts>(&NewContact { name: "Grace".into(), ..Default::default() }).await.expect("create");
    let other = u.create::<Contacts>(&NewContact { name: "Alan".into(), ..Default::default() }).await.expect("create");
    for i in 0..4 {
        let new: <Activities as Resource>::New = serde_json::from_value(
            json!({"type": "Call", "description": format!("Call {i}"), "contact_id": c.record.id}),
        )
        .expect("an activity");
        u.create::<Activities>(&new).await.expect("activity");
    }
    let all = u.contact_timeline(c.record.id, &TimelineParams::default()).await.expect("timeline");
    assert!(all.len() >= 4, "{all:?}");
    let two = u.contact_timeline(c.record.id, &TimelineParams { limit: Some(2) }).await.expect("timeline");
    assert_eq!(two, all[..2], "the newest two");
    let err = u.contact_timeline(c.record.id, &TimelineParams { limit: Some(1001) }).await.expect_err("too many");
    assert_eq!(err.status(), Some(400));

    let one_contact =
        AuditParams { entity: Some("contact".into()), entity_id: Some(other.record.id), ..Default::default() };
    let page = u.audit(&one_contact).await.expect("audit");
    assert_eq!(page.data.len(), 1, "{:?}", page.data);
    assert_eq!((page.data[0].entity_id, page.data[0].action.as_str()), (other.record.id, "create"));
    let first = u.audit(&AuditParams { limit: Some(2), ..Default::default() }).await.expect("page");
    assert_eq!(first.data.len(), 2);
    let cursor = first.next_cursor.clone().expect("more pages");
    let next =
        u.audit(&AuditParams { limit: Some(2), cursor: Some(cursor), ..Default::default() }).await.expect("next");
    assert!(next.data.iter().all(|e| first.data.iter().all(|f| f.id > e.id)), "older entries");
    // Each filter stands on its own: every contact entry, every entry about records with an id.
    let contacts = AuditParams { entity: Some("contact".into()), limit: Some(1000), ..Default::default() };
    let contacts = u.audit(&contacts).await.expect("entity alone").data;
    assert!(contacts.len() >= 2 && contacts.iter().all(|e| e.entity == "contact"), "{contacts:?}");
    let by_id = AuditParams { entity_id: Some(other.record.id), limit: Some(1000), ..Default::default() };
    let by_id = u.audit(&by_id).await.expect("entity_id alone").data;
    assert!(!by_id.is_empty() && by_id.iter().all(|e| e.entity_id == other.record.id), "{by_id:?}");
}

/// A listener that accepts connections and never answers.
async fn silent_server() -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let task = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((conn, _)) = listener.accept().await {
            held.push(conn);
        }
    });
    (format!("http://{addr}"), task)
}

#[tokio::test]
async fn a_server_that_never_answers_ends_the_call_at_the_read_timeout() {
    let (base, task) = silent_server().await;
    let c = Client::builder(&base).read_timeout(Some(Duration::from_millis(300))).build().expect("client");
    let start = Instant::now();
    let err = c.healthz().await.expect_err("no answer");
    assert!(matches!(err, ClientError::Network(_)), "{err:?}");
    assert!(start.elapsed() < Duration::from_secs(5), "gave up after {:?}", start.elapsed());
    task.abort();
}

#[test]
fn a_base_url_that_is_not_one_is_an_error_not_a_default_client() {
    let err = Client::new("localhost:3000").expect_err("no scheme");
    assert!(matches!(err, ClientError::Setup(_)), "{err:?}");
    assert!(err.to_string().contains("localhost:3000"), "{err}");
}
