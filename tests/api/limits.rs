//! The limits (`crm_server::limits`): rates per user, per client address and per account
//! logged in to; requests in flight; the time a request may take. Each answer over a limit is
//! a 429 or 503 with `Retry-After` and the problem body; nothing of a refused request is written.

use std::time::Duration;

use crm_server::limits::{LimitsConfig, Net, Rate};
use crm_tests::{Backend, TestServer, fresh_database};
use serde_json::{Value, json};

async fn server(limits: LimitsConfig) -> TestServer {
    let (url, dir) = fresh_database(Backend::Sqlite).await.expect("a database");
    TestServer::start_with(Backend::Sqlite, &url, move |c| c.limits = limits).await.keeping(dir)
}

fn http() -> reqwest::Client {
    reqwest::Client::new()
}

/// Status, `Retry-After` and body of a response.
async fn answer(resp: reqwest::Response) -> (u16, Option<u64>, Value) {
    let status = resp.status().as_u16();
    let retry = resp.headers().get("retry-after").and_then(|v| v.to_str().ok()).and_then(|v| v.parse().ok());
    let body = resp.json::<Value>().await.unwrap_or(Value::Null);
    (status, retry, body)
}

#[track_caller]
fn assert_limited(a: &(u16, Option<u64>, Value), status: u16) {
    assert_eq!(a.0, status, "{a:?}");
    assert!(a.1.is_some_and(|s| s >= 1), "Retry-After: {a:?}");
    assert_eq!(a.2["status"], status, "{a:?}");
}

async fn register(s: &TestServer, email: &str) -> (u16, Option<u64>, Value) {
    let body = json!({ "email": email, "password": "correct horse battery" });
    answer(http().post(format!("{}/api/auth/register", s.base)).json(&body).send().await.expect("register")).await
}

async fn login(s: &TestServer, email: &str, password: &str) -> (u16, Option<u64>, Value) {
    let body = json!({ "email": email, "password": password });
    answer(http().post(format!("{}/api/auth/login", s.base)).json(&body).send().await.expect("login")).await
}

#[tokio::test]
async fn a_user_over_their_rate_gets_429_and_another_user_does_not() {
    let s = server(LimitsConfig { user: Some(Rate::per_minute(5)), ..LimitsConfig::unlimited() }).await;
    let (a, b) = (s.user("a").await, s.user("b").await);
    let me = |token: &str| http().get(format!("{}/api/auth/me", s.base)).bearer_auth(token.to_string()).send();
    let ta = a.token().expect("a token").to_string();
    for _ in 0..5 {
        assert_eq!(me(&ta).await.expect("me").status(), 200);
    }
    let over = answer(me(&ta).await.expect("me")).await;
    assert_limited(&over, 429);
    assert_eq!(over.2["type"].as_str().map(|t| t.ends_with("rate-limited")), Some(true), "{over:?}");
    let tb = b.token().expect("a token").to_string();
    assert_eq!(me(&tb).await.expect("me").status(), 200);
}

#[tokio::test]
async fn logins_to_one_account_are_limited_alike_whether_it_exists_or_not() {
    let s = server(LimitsConfig { login: Some(Rate::per_minute(3)), ..LimitsConfig::unlimited() }).await;
    assert_eq!(register(&s, "known@example.com").await.0, 201);
    let mut wrong = Vec::new();
    for email in ["known@example.com", "nobody@example.com"] {
        for _ in 0..3 {
            let a = login(&s, email, "not the password").await;
            assert_eq!(a.0, 401, "{a:?}");
            wrong.push(a.2["detail"].clone());
        }
        assert_limited(&login(&s, email, "not the password").await, 429);
        // Even the right password waits: the account's logins are spent.
        assert_limited(&login(&s, email, "correct horse battery").await, 429);
    }
    // The refusals say the same of an account that exists and of one that does not.
    assert!(wrong.windows(2).all(|w| w[0] == w[1]), "{wrong:?}");
}

#[tokio::test]
async fn registrations_from_one_address_are_limited() {
    let s = server(LimitsConfig { auth: Some(Rate::per_minute(2)), ..LimitsConfig::unlimited() }).await;
    assert_eq!(register(&s, "one@example.com").await.0, 201);
    assert_eq!(register(&s, "two@example.com").await.0, 201);
    assert_limited(&register(&s, "three@example.com").await, 429);
    assert_limited(&login(&s, "one@example.com", "correct horse battery").await, 429);
}

#[tokio::test]
async fn an_address_over_its_rate_gets_429_but_health_probes_do_not() {
    let s = server(LimitsConfig { address: Some(Rate::per_minute(3)), ..LimitsConfig::unlimited() }).await;
    let get = |path: &str| http().get(format!("{}{path}", s.base)).send();
    for _ in 0..3 {
        assert_eq!(get("/api/openapi.json").await.expect("get").status(), 200);
    }
    assert_limited(&answer(get("/api/openapi.json").await.expect("get")).await, 429);
    for _ in 0..10 {
        assert_eq!(get("/healthz").await.expect("healthz").status(), 200);
    }
}

#[tokio::test]
async fn a_forwarded_address_counts_only_behind_a_trusted_proxy() {
    let rate = Some(Rate::per_minute(2));
    let get = |s: &TestServer, from: &str| {
        http().get(format!("{}/api/openapi.json", s.base)).header("x-forwarded-for", from.to_string()).send()
    };
    // Behind a trusted proxy (loopback here): each forwarded client has its own rate.
    let trusted = LimitsConfig {
        address: rate,
        trusted_proxies: vec![Net::parse("127.0.0.1").expect("a net")],
        ..LimitsConfig::unlimited()
    };
    let s = server(trusted).await;
    for _ in 0..2 {
        assert_eq!(get(&s, "198.51.100.1").await.expect("get").status(), 200);
    }
    assert_limited(&answer(get(&s, "198.51.100.1").await.expect("get")).await, 429);
    assert_eq!(get(&s, "198.51.100.2").await.expect("get").status(), 200);
    // Not behind one: the header is the client's own say, and changes nothing.
    let s = server(LimitsConfig { address: rate, ..LimitsConfig::unlimited() }).await;
    assert_eq!(get(&s, "198.51.100.1").await.expect("get").status(), 200);
    assert_eq!(get(&s, "198.51.100.2").await.expect("get").status(), 200);
    assert_limited(&answer(get(&s, "198.51.100.3").await.expect("get")).await, 429);
}

/// A batch of `n` new contacts named after `tag`.
fn batch(tag: usize, n: usize) -> Value {
    let records: Vec<Value> =
        (0..n).map(|i| json!({ "name": format!("C {tag}-{i}"), "email": format!("c{tag}-{i}@example.com") })).collect();
    json!({ "records": records })
}

async fn contacts(s: &TestServer, token: &str) -> i64 {
    let url = format!("{}/api/crm/contacts?total=true&limit=1", s.base);
    let page: Value = http().get(url).bearer_auth(token).send().await.expect("list").json().await.expect("json");
    page["total"].as_i64().expect("a total")
}

#[tokio::test]
async fn a_saturated_server_answers_503_at_once_and_writes_nothing_of_what_it_refused() {
    let s = server(LimitsConfig { max_in_flight: 1, ..LimitsConfig::unlimited() }).await;
    let token = s.user("busy").await.token().expect("a token").to_string();
    let mut sends = tokio::task::JoinSet::new();
    for i in 0..20 {
        let (url, token) = (format!("{}/api/crm/contacts/batch", s.base), token.clone());
        sends.spawn(async move {
            answer(http().post(url).bearer_auth(token).json(&batch(i, 50)).send().await.expect("batch")).await
        });
    }
    let answers = sends.join_all().await;
    let ok = answers.iter().filter(|a| a.0 == 200).count();
    let busy: Vec<_> = answers.iter().filter(|a| a.0 == 503).collect();
    assert_eq!(ok + busy.len(), answers.len(), "only 200 or 503: {answers:?}");
    assert!(!busy.is_empty() && ok > 0, "{} accepted, {} refused", ok, busy.len());
    for b in busy {
        assert_limited(b, 503);
    }
    assert_eq!(contacts(&s, &token).await, 50 * ok as i64);
}

#[tokio::test]
async fn a_request_over_its_time_is_stopped_with_503_and_never_half_written() {
    let limits = LimitsConfig { request_timeout: Duration::from_millis(1), ..LimitsConfig::unlimited() };
    let s = server(limits).await;
    // Registering takes a password hash: far over a millisecond.
    let a = register(&s, "slow@example.com").await;
    assert_limited(&a, 503);
    let (url, dir) = fresh_database(Backend::Sqlite).await.expect("a database");
    let patient = TestServer::start_with(Backend::Sqlite, &url, |c| c.limits = LimitsConfig::unlimited()).await;
    let token = patient.user("slow").await.token().expect("a token").to_string();
    drop(patient);
    let s = TestServer::start_with(Backend::Sqlite, &url, |c| {
        c.limits = LimitsConfig { request_timeout: Duration::from_millis(1), ..LimitsConfig::unlimited() }
    })
    .await
    .keeping(dir);
    let big = answer(
        http()
            .post(format!("{}/api/crm/contacts/batch", s.base))
            .bearer_auth(&token)
            .json(&batch(0, 1000))
            .send()
            .await
            .expect("batch"),
    )
    .await;
    assert_limited(&big, 503);
    // All of the batch or none of it (a write already handed to the writer may still commit).
    tokio::time::sleep(Duration::from_millis(500)).await;
    let patient = TestServer::start_with(Backend::Sqlite, &url, |c| c.limits = LimitsConfig::unlimited()).await;
    let n = contacts(&patient, &token).await;
    assert!(n == 0 || n == 1000, "{n} of 1000 written");
}
