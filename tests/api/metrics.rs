//! `GET /metrics`: requests by endpoint and status with their latency, the limits' refusals,
//! the database's writer and pools, and sync runs by outcome, in Prometheus's text format.

use std::collections::HashMap;

use crm_api::client::Client;
use crm_api::integrations::{BrivityCredentials, NewAccount, RunOutcome, Source};
use crm_server::limits::{LimitsConfig, Rate};
use crm_sim::{Sim, SimConfig};
use crm_tests::{Backend, TestServer, backend_tests, fresh_database};
use reqwest::Method;
use serde_json::json;

backend_tests!(requests_limits_database_and_syncs_are_counted);

/// The samples of the exposition: `name{labels}` to value.
async fn scrape(base: &str) -> HashMap<String, f64> {
    let resp = reqwest::get(format!("{base}/metrics")).await.expect("metrics");
    assert_eq!(resp.status(), 200);
    let kind = resp.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert!(kind.starts_with("text/plain; version=0.0.4"), "{kind}");
    let text = resp.text().await.expect("text");
    let mut samples = HashMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let (name, value) = line.rsplit_once(' ').unwrap_or_else(|| panic!("a sample line: {line}"));
        samples.insert(name.to_string(), value.parse::<f64>().unwrap_or_else(|_| panic!("a number: {line}")));
    }
    samples
}

fn get(samples: &HashMap<String, f64>, key: &str) -> f64 {
    samples.get(key).copied().unwrap_or_else(|| {
        let mut names: Vec<_> =
            samples.keys().filter(|k| k.starts_with(key.split('{').next().unwrap_or(key))).collect();
        names.sort();
        panic!("no sample {key}; of that name: {names:?}")
    })
}

async fn status(u: &Client, method: Method, path: &str, body: Option<serde_json::Value>) -> u16 {
    let mut req = u.request(method, path);
    if let Some(b) = body {
        req = req.json(&b);
    }
    req.send().await.expect("send").status().as_u16()
}

async fn requests_limits_database_and_syncs_are_counted(b: Backend) {
    let sim = Sim::start(SimConfig { people: 50, ..SimConfig::default() }).await.expect("sim");
    let (url, dir) = fresh_database(b).await.expect("database");
    let s = TestServer::start_with(b, &url, |c| {
        c.remotes.brivity_url = sim.brivity_url();
        c.limits = LimitsConfig { user: Some(Rate::per_minute(40)), ..LimitsConfig::unlimited() };
    })
    .await
    .keeping(dir);
    let u = s.user("counted").await;
    assert_eq!(status(&u, Method::POST, "/api/crm/contacts", Some(json!({"name": "Ada"}))).await, 201);
    assert_eq!(status(&u, Method::POST, "/api/crm/contacts", Some(json!({"rating": 9}))).await, 422);
    let (_, list) = (0, u.request(Method::GET, "/api/crm/contacts").send().await.expect("list"));
    let id = list.json::<serde_json::Value>().await.expect("json")["data"][0]["id"].as_i64().expect("id");
    assert_eq!(status(&u, Method::GET, &format!("/api/crm/contacts/{id}"), None).await, 200);
    assert_eq!(status(&u, Method::GET, "/api/crm/contacts/987654321", None).await, 404);
    let account = NewAccount::Brivity(BrivityCredentials {
        api_key: SimConfig::default().brivity_key,
        sync_interval_minutes: None,
    });
    u.connect_account(&account).await.expect("connect");
    let run = u.sync_source(Source::Brivity, true).await.expect("sync").runs.remove(0);
    assert_eq!(run.outcome, RunOutcome::Succeeded);
    // Over the user's rate: refused, and counted.
    let mut limited = 0;
    for _ in 0..60 {
        if status(&u, Method::GET, "/api/crm/contacts?limit=1", None).await == 429 {
            limited += 1;
        }
    }
    assert!(limited > 0, "the rate was reached");

    let m = scrape(&s.base).await;
    let by_id = "method=\"GET\",route=\"/api/crm/contacts/{id}\"";
    assert!(get(&m, r#"crm_http_requests_total{method="POST",route="/api/crm/contacts",status="201"}"#) >= 1.0);
    assert!(get(&m, r#"crm_http_requests_total{method="POST",route="/api/crm/contacts",status="422"}"#) >= 1.0);
    let ok = get(&m, &format!("crm_http_requests_total{{{by_id},status=\"200\"}}"));
    let missing = get(&m, &format!("crm_http_requests_total{{{by_id},status=\"404\"}}"));
    assert!(ok >= 1.0 && missing >= 1.0);
    // The histogram holds every answer of the endpoint, its buckets rising to the count.
    let count = get(&m, &format!("crm_http_request_duration_seconds_count{{{by_id}}}"));
    assert_eq!(count, ok + missing);
    assert_eq!(get(&m, &format!("crm_http_request_duration_seconds_bucket{{{by_id},le=\"+Inf\"}}")), count);
    assert!(get(&m, &format!("crm_http_request_duration_seconds_bucket{{{by_id},le=\"0.0005\"}}")) <= count);
    assert!(get(&m, &format!("crm_http_request_duration_seconds_sum{{{by_id}}}")) > 0.0);
    assert_eq!(get(&m, r#"crm_limits_refused_total{limit="user"}"#), f64::from(limited));
    assert_eq!(get(&m, r#"crm_sync_runs_total{source="brivity",outcome="succeeded"}"#), 1.0);
    assert_eq!(get(&m, "crm_sync_runs_running"), 0.0);
    assert_eq!(get(&m, "crm_db_up"), 1.0);
    match b {
        Backend::Sqlite => {
            assert!(get(&m, "crm_sqlite_writer_group_size_count") >= 1.0);
            assert!(get(&m, "crm_sqlite_writer_group_size_sum") >= get(&m, "crm_sqlite_writer_group_size_count"));
            assert!(get(&m, "crm_sqlite_writer_queue_depth") >= 0.0);
            // Every reading connection came back to the pool.
            assert!(get(&m, "crm_sqlite_read_connections_idle") >= 1.0);
            assert!(get(&m, "crm_sqlite_read_connections_in_use") <= 1.0);
        }
        Backend::Postgres => {
            assert!(get(&m, "crm_pg_pool_connections") >= 1.0);
            assert!(get(&m, "crm_pg_pool_connections_idle") <= get(&m, "crm_pg_pool_connections"));
        }
    }
}
