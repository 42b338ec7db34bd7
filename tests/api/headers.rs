//! Headers of every answer: no sniffing, no framing, no referrer, no caching; and CORS closed
//! unless `CRM_CORS_ORIGINS` names the origins allowed.

use crm_server::limits::{LimitsConfig, Rate};
use crm_tests::{Backend, TestServer, fresh_database};

async fn server(tweak: impl FnOnce(&mut crm_server::Config)) -> TestServer {
    let (url, dir) = fresh_database(Backend::Sqlite).await.expect("a database");
    TestServer::start_with(Backend::Sqlite, &url, tweak).await.keeping(dir)
}

#[track_caller]
fn assert_secured(resp: &reqwest::Response) {
    let h = resp.headers();
    let get = |n: &str| h.get(n).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert_eq!(get("x-content-type-options"), "nosniff", "{} {h:?}", resp.status());
    assert_eq!(get("x-frame-options"), "DENY");
    assert_eq!(get("referrer-policy"), "no-referrer");
    assert_eq!(get("content-security-policy"), "default-src 'none'; frame-ancestors 'none'");
    assert_eq!(get("cache-control"), "no-store");
}

#[tokio::test]
async fn every_answer_forbids_sniffing_framing_referrers_and_caching() {
    let s = server(|c| c.limits = LimitsConfig { user: Some(Rate::per_minute(2)), ..LimitsConfig::unlimited() }).await;
    let token = s.user("headers").await.token().expect("a token").to_string();
    let http = reqwest::Client::new();
    let ok = http.get(format!("{}/healthz", s.base)).send().await.expect("healthz");
    assert_eq!(ok.status(), 200);
    assert_secured(&ok);
    let anon = http.get(format!("{}/api/crm/contacts", s.base)).send().await.expect("list");
    assert_eq!(anon.status(), 401);
    assert_secured(&anon);
    let mut last = None;
    for _ in 0..3 {
        last =
            Some(http.get(format!("{}/api/crm/contacts/999", s.base)).bearer_auth(&token).send().await.expect("get"));
    }
    let limited = last.expect("an answer");
    assert_eq!(limited.status(), 429);
    assert_secured(&limited);
}

async fn preflight(s: &TestServer, origin: &str) -> reqwest::Response {
    reqwest::Client::new()
        .request(reqwest::Method::OPTIONS, format!("{}/api/crm/contacts/1", s.base))
        .header("origin", origin)
        .header("access-control-request-method", "PATCH")
        .header("access-control-request-headers", "authorization, if-match, content-type")
        .send()
        .await
        .expect("a preflight")
}

fn allowed_origin(resp: &reqwest::Response) -> Option<String> {
    resp.headers().get("access-control-allow-origin").and_then(|v| v.to_str().ok()).map(str::to_string)
}

#[tokio::test]
async fn cross_origin_calls_are_refused_unless_their_origin_is_configured() {
    let closed = server(|_| {}).await;
    assert_eq!(allowed_origin(&preflight(&closed, "https://crm.example.com").await), None);

    let open = server(|c| c.cors_origins = vec![axum::http::HeaderValue::from_static("https://crm.example.com")]).await;
    let ok = preflight(&open, "https://crm.example.com").await;
    assert_eq!(allowed_origin(&ok).as_deref(), Some("https://crm.example.com"));
    let methods = ok.headers().get("access-control-allow-methods").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(methods.contains("PATCH"), "{methods}");
    let headers = ok.headers().get("access-control-allow-headers").and_then(|v| v.to_str().ok()).unwrap_or_default();
    assert!(headers.contains("authorization") && headers.contains("if-match"), "{headers}");
    assert_eq!(allowed_origin(&preflight(&open, "https://evil.example.com").await), None);
}
