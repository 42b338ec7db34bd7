//! What the tests share: a started simulator, an HTTP client, and the calls of both APIs.

use std::time::Duration;

use crm_sim::{Sim, SimConfig};
use reqwest::{Client, RequestBuilder, StatusCode};
use serde_json::Value;

pub const KEY: &str = "brivity-test-key";

/// A simulator of `people` people with the default credentials.
pub async fn sim(people: usize) -> Sim {
    Sim::start(SimConfig { people, ..SimConfig::default() }).await.expect("starting the simulator")
}

/// A client that goes straight to loopback, giving up after `timeout`.
pub fn client_with_timeout(timeout: Duration) -> Client {
    Client::builder().no_proxy().timeout(timeout).build().expect("building a client")
}

pub fn client() -> Client {
    client_with_timeout(Duration::from_secs(30))
}

/// A Brivity `GET` of `path` (after the base URL) with the right key.
pub fn brivity_get(client: &Client, sim: &Sim, path: &str) -> RequestBuilder {
    client
        .get(format!("{}{path}", sim.brivity_url()))
        .header("Authorization", format!("Token token={KEY}"))
        .header("Accept", "application/json")
}

/// The status and JSON body of a request.
pub async fn send(request: RequestBuilder) -> (StatusCode, Value) {
    let response = request.send().await.expect("sending a request");
    let status = response.status();
    let body = response.json::<Value>().await.expect("a JSON body");
    (status, body)
}

/// Every record of a Brivity list (`/api/people`, `/api/transactions`), page after page of `limit`.
pub async fn brivity_all(client: &Client, sim: &Sim, path: &str, limit: usize) -> Vec<Value> {
    let mut all = Vec::new();
    let mut page = 0;
    loop {
        page += 1;
        let (status, body) = send(brivity_get(client, sim, &format!("{path}?limit={limit}&page={page}"))).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let records = body.as_array().expect("a JSON array").clone();
        let last = records.len() < limit;
        all.extend(records);
        if last {
            return all;
        }
    }
}

/// A token-endpoint request with `form` as its body.
pub fn token_request(client: &Client, sim: &Sim, form: &[(&str, &str)]) -> RequestBuilder {
    let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(form).finish();
    client
        .post(format!("{}/oauth/token", sim.topproducer_url()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
}

/// A Top Producer token for the default client.
pub async fn tp_token(client: &Client, sim: &Sim) -> String {
    let form = [("grant_type", "client_credentials"), ("client_id", "tp-client"), ("client_secret", "tp-secret")];
    let (status, body) = send(token_request(client, sim, &form)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["access_token"].as_str().expect("an access_token").to_string()
}

/// A Top Producer `GET` of `path` with `token` and `query`.
pub fn tp_get(client: &Client, sim: &Sim, token: &str, path: &str, query: &[(&str, &str)]) -> RequestBuilder {
    client.get(format!("{}{path}", sim.topproducer_url())).bearer_auth(token).query(query)
}

/// Every record of a Top Producer feed changed after `since` (all when `None`), cursor after
/// cursor, with the number of pages it took.
pub async fn tp_all(
    client: &Client,
    sim: &Sim,
    token: &str,
    path: &str,
    since: Option<&str>,
    limit: usize,
) -> (Vec<Value>, usize) {
    let limit = limit.to_string();
    let mut cursor: Option<String> = None;
    let mut all = Vec::new();
    let mut pages = 0;
    loop {
        let mut query = vec![("limit", limit.as_str())];
        if let Some(since) = since {
            query.push(("updatedSince", since));
        }
        if let Some(c) = &cursor {
            query.push(("cursor", c.as_str()));
        }
        let (status, body) = send(tp_get(client, sim, token, path, &query)).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        pages += 1;
        all.extend(body["data"].as_array().expect("data").iter().cloned());
        match body["meta"]["nextCursor"].as_str() {
            Some(next) => cursor = Some(next.to_string()),
            None => return (all, pages),
        }
    }
}

/// The `id` of each record.
pub fn ids(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| match &r["id"] {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect()
}
