//! Each fault switch, as a client sees it.

use std::time::{Duration, Instant};

use crm_sim::Faults;
use reqwest::StatusCode;
use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn rate_limit_every_answers_429_with_retry_after() {
    let sim = sim(50).await;
    let c = client();
    sim.set_faults(Faults { rate_limit_every: Some(2), retry_after_secs: 7, ..Faults::default() });
    assert_eq!(send(brivity_get(&c, &sim, "/api/people")).await.0, StatusCode::OK);
    let response = brivity_get(&c, &sim, "/api/people").send().await.expect("a request");
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.headers().get("retry-after").and_then(|v| v.to_str().ok()), Some("7"));
    assert!(response.json::<serde_json::Value>().await.is_ok_and(|b| b["error"].is_string()));
    assert_eq!(send(brivity_get(&c, &sim, "/api/people")).await.0, StatusCode::OK);
    assert_eq!(sim.stats().brivity.rate_limited, 1);
}

#[tokio::test]
async fn error_every_answers_the_error_status_counted_across_both_apis() {
    let sim = sim(50).await;
    let c = client();
    let token = tp_token(&c, &sim).await;
    sim.set_faults(Faults { error_every: Some(2), error_status: 503, ..Faults::default() });
    // One counter for both APIs: the Brivity page is the 1st data request, the contacts the 2nd.
    assert_eq!(send(brivity_get(&c, &sim, "/api/people")).await.0, StatusCode::OK);
    let (status, body) = send(tp_get(&c, &sim, &token, "/v1/contacts", &[])).await;
    assert_eq!((status, body), (StatusCode::SERVICE_UNAVAILABLE, json!({"error": "Service Unavailable"})));

    sim.set_faults(Faults { error_every: Some(1), ..Faults::default() });
    assert_eq!(send(brivity_get(&c, &sim, "/api/transactions")).await.0, StatusCode::INTERNAL_SERVER_ERROR);
    let stats = sim.stats();
    assert_eq!((stats.brivity.server_errors, stats.topproducer.server_errors), (1, 1));
    // Token grants are never failed.
    tp_token(&c, &sim).await;
}

#[tokio::test]
async fn hang_every_outlasts_a_shorter_client_timeout() {
    let sim = sim(50).await;
    sim.set_faults(Faults { hang_every: Some(1), hang_ms: 3_000, ..Faults::default() });
    let impatient = client_with_timeout(Duration::from_millis(300));
    let started = Instant::now();
    let error = brivity_get(&impatient, &sim, "/api/people").send().await.expect_err("a timeout");
    assert!(error.is_timeout(), "{error}");
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(sim.stats().brivity.hangs, 1);

    // A patient client gets the page after the hang.
    sim.set_faults(Faults { hang_every: Some(1), hang_ms: 200, ..Faults::default() });
    let started = Instant::now();
    assert_eq!(send(brivity_get(&client(), &sim, "/api/people")).await.0, StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(200));
}

#[tokio::test]
async fn truncate_every_cuts_the_json_body_in_half() {
    let sim = sim(200).await;
    let c = client();
    let token = tp_token(&c, &sim).await;
    let whole = brivity_get(&c, &sim, "/api/people?limit=100").send().await.expect("a page");
    let whole_len = whole.bytes().await.expect("a body").len();
    sim.set_faults(Faults { truncate_every: Some(1), ..Faults::default() });
    for request in [brivity_get(&c, &sim, "/api/people?limit=100"), tp_get(&c, &sim, &token, "/v1/contacts", &[])] {
        let response = request.send().await.expect("a page");
        assert_eq!(response.status(), StatusCode::OK);
        let length: Option<usize> =
            response.headers().get("content-length").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok());
        let body = response.bytes().await.expect("the whole of the cut body");
        assert_eq!(length, Some(body.len()));
        assert!(serde_json::from_slice::<serde_json::Value>(&body).is_err());
    }
    let cut = brivity_get(&c, &sim, "/api/people?limit=100").send().await.expect("a page");
    assert_eq!(cut.bytes().await.expect("a body").len(), whole_len / 2);
    let stats = sim.stats();
    assert_eq!((stats.brivity.truncations, stats.topproducer.truncations), (2, 1));
    assert_eq!(stats.brivity.pages, 1, "cut pages are not counted as pages");
}

#[tokio::test]
async fn latency_delays_every_request_of_both_apis() {
    let sim = sim(10).await;
    let c = client();
    sim.set_faults(Faults { latency_ms: 150, ..Faults::default() });
    let started = Instant::now();
    let token = tp_token(&c, &sim).await;
    assert!(started.elapsed() >= Duration::from_millis(150));
    let started = Instant::now();
    send(brivity_get(&c, &sim, "/api/people")).await;
    send(tp_get(&c, &sim, &token, "/v1/contacts", &[])).await;
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn a_token_stops_working_after_its_requests() {
    let sim = sim(10).await;
    let c = client();
    sim.set_faults(Faults { token_ttl_requests: Some(2), ..Faults::default() });
    let token = tp_token(&c, &sim).await;
    for _ in 0..2 {
        assert_eq!(send(tp_get(&c, &sim, &token, "/v1/contacts", &[])).await.0, StatusCode::OK);
    }
    let (status, body) = send(tp_get(&c, &sim, &token, "/v1/transactions", &[])).await;
    assert_eq!((status, body), (StatusCode::UNAUTHORIZED, json!({"error": "invalid_token"})));
    let fresh = tp_token(&c, &sim).await;
    assert_eq!(send(tp_get(&c, &sim, &fresh, "/v1/transactions", &[])).await.0, StatusCode::OK);
    let stats = sim.stats().topproducer;
    assert_eq!((stats.token_grants, stats.unauthorized, stats.pages), (2, 1, 3));
}

#[tokio::test]
async fn brivity_no_deals_answers_406_on_transactions_only() {
    let sim = sim(10).await;
    let c = client();
    sim.set_faults(Faults { brivity_no_deals: true, ..Faults::default() });
    assert_eq!(send(brivity_get(&c, &sim, "/api/transactions")).await.0, StatusCode::NOT_ACCEPTABLE);
    assert_eq!(send(brivity_get(&c, &sim, "/api/people")).await.0, StatusCode::OK);
    sim.set_faults(Faults::default());
    assert_eq!(send(brivity_get(&c, &sim, "/api/transactions")).await.0, StatusCode::OK);
}
