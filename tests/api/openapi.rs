//! The OpenAPI document is generated from the endpoint table; it is snapshot-tested so that any
//! change of the API shows up in review, and checked against the live router.

use crm_tests::{Backend, TestServer};
use reqwest::Method;
use serde_json::Value;

const SNAPSHOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots/openapi.json");

fn refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("$ref") {
                out.push(r.clone());
            }
            m.values().for_each(|x| refs(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
        _ => {}
    }
}

#[tokio::test]
async fn openapi_document_matches_the_snapshot() {
    let s = TestServer::start(Backend::Sqlite).await;
    let (status, doc) = s.anon().raw(s.anon().request(Method::GET, "/api/openapi.json")).await.expect("fetch");
    assert_eq!(status.as_u16(), 200);
    let pretty = serde_json::to_string_pretty(&doc).expect("json") + "\n";
    if std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1") {
        std::fs::write(SNAPSHOT, &pretty).expect("write snapshot");
    }
    let stored = std::fs::read_to_string(SNAPSHOT).unwrap_or_default();
    assert!(
        stored == pretty,
        "the OpenAPI document changed; review it and run `UPDATE_SNAPSHOTS=1 cargo test -p crm-tests --test api openapi` to accept"
    );
}

#[tokio::test]
async fn every_documented_operation_is_routed_and_every_ref_resolves() {
    let s = TestServer::start(Backend::Sqlite).await;
    let (_, doc) = s.anon().raw(s.anon().request(Method::GET, "/api/openapi.json")).await.expect("fetch");
    let mut all = Vec::new();
    refs(&doc, &mut all);
    for r in &all {
        let name = r.trim_start_matches("#/components/schemas/");
        assert!(doc["components"]["schemas"].get(name).is_some(), "dangling $ref {r}");
    }
    let paths = doc["paths"].as_object().expect("paths");
    let mut operations = 0;
    for (path, item) in paths {
        for (method, op) in item.as_object().expect("item") {
            operations += 1;
            let concrete = path.replace("{id}", "1");
            let m = Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
            let resp = s.anon().request(m, &concrete).send().await.expect("send");
            let code = resp.status().as_u16();
            let public = op["security"].as_array().is_some_and(|a| a.is_empty());
            if public {
                assert!(code != 404 && code != 405, "{method} {path}: {code}");
            } else {
                assert_eq!(code, 401, "{method} {path} must need a token");
            }
        }
    }
    assert!(operations >= 40, "only {operations} operations documented");
}
