//! Brivity webhooks: subscriptions, `new_lead` events to a small local receiver, replays, and
//! targets that fail.

use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode as AxumStatus;
use axum::routing::post;
use crm_sim::{Mutation, Sim, Source};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::sync::mpsc;

use crate::common::*;

/// A receiver on a loopback port: `/ok` answers 200, `/fail` 500; every body received comes
/// out of the channel.
async fn receiver() -> (String, mpsc::UnboundedReceiver<Value>) {
    let (tx, rx) = mpsc::unbounded_channel();
    async fn take(State(tx): State<mpsc::UnboundedSender<Value>>, body: Bytes) -> AxumStatus {
        let _ = tx.send(serde_json::from_slice(&body).unwrap_or(Value::Null));
        AxumStatus::OK
    }
    async fn fail(State(tx): State<mpsc::UnboundedSender<Value>>, body: Bytes) -> AxumStatus {
        let _ = tx.send(serde_json::from_slice(&body).unwrap_or(Value::Null));
        AxumStatus::INTERNAL_SERVER_ERROR
    }
    let app = Router::new().route("/ok", post(take)).route("/fail", post(fail)).with_state(tx);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("binding the receiver");
    let base = format!("http://{}", listener.local_addr().expect("an address"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    (base, rx)
}

async fn next(rx: &mut mpsc::UnboundedReceiver<Value>) -> Value {
    tokio::time::timeout(Duration::from_secs(10), rx.recv()).await.expect("an event in time").expect("an event")
}

async fn subscribe(sim: &Sim, body: Value) -> (StatusCode, Value) {
    let request = client()
        .post(format!("{}/api/event_subscriptions", sim.brivity_url()))
        .header("Authorization", format!("Token token={KEY}"))
        .json(&body);
    send(request).await
}

/// Waits until `done` holds of the simulator's stats.
async fn until(sim: &Sim, done: impl Fn(&crm_sim::Stats) -> bool) -> crm_sim::Stats {
    for _ in 0..200 {
        let stats = sim.stats();
        if done(&stats) {
            return stats;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the stats never got there: {:?}", sim.stats());
}

#[tokio::test]
async fn added_people_are_posted_to_the_subscribers_then_replayed() {
    let sim = sim(20).await;
    let (base, mut rx) = receiver().await;
    let target = format!("{base}/ok");
    let (status, subscription) = subscribe(&sim, json!({"event": "new_lead", "target_url": target})).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!((&subscription["event"], &subscription["target_url"]), (&json!("new_lead"), &json!(target)));
    assert!(subscription["id"].is_u64());

    let replay_url = format!("http://{}/_sim/webhooks/replay", sim.addr());
    assert_eq!(client().post(&replay_url).send().await.expect("a replay").status(), StatusCode::NOT_FOUND);

    let report = sim.mutate(&Mutation { source: Source::Brivity, add: 3, ..Mutation::default() });
    let mut events = Vec::new();
    for _ in 0..3 {
        events.push(next(&mut rx).await);
    }
    let event_ids: Vec<&str> = events.iter().filter_map(|e| e["id"].as_str()).collect();
    assert_eq!(event_ids, ["evt-1", "evt-2", "evt-3"]);
    assert!(events.iter().all(|e| e["event"] == "new_lead"));
    let people: Vec<String> = events.iter().map(|e| e["person"]["id"].to_string()).collect();
    assert_eq!(people, report.added);
    let snapshot = sim.brivity_people();
    assert_eq!(Some(&events[2]["person"]), snapshot.last(), "the person as the API serves it");
    let stats = until(&sim, |s| s.webhooks.sent == 3).await;
    assert_eq!(stats.webhooks.statuses.get(&200), Some(&3));
    assert_eq!(stats.webhooks.subscriptions, 1);

    let (status, delivery) = send(client().post(&replay_url)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (&delivery["event_id"], &delivery["status"], &delivery["replay"]),
        (&json!("evt-3"), &json!(200), &json!(true))
    );
    assert_eq!(next(&mut rx).await, events[2], "the same event, id and all");
}

#[tokio::test]
async fn a_failing_target_does_not_fail_the_mutation() {
    let sim = sim(20).await;
    let (base, mut rx) = receiver().await;
    subscribe(&sim, json!({"event": "new_lead", "target_url": format!("{base}/fail")})).await;
    // A port nothing listens on: bound, then closed.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a port").local_addr().expect("an address");
    subscribe(&sim, json!({"event": "new_lead", "target_url": format!("http://{closed}/hook")})).await;

    let report = sim.mutate(&Mutation { source: Source::Brivity, add: 1, ..Mutation::default() });
    assert_eq!(report.added.len(), 1);
    assert_eq!(next(&mut rx).await["person"]["id"].to_string(), report.added[0]);
    let stats = until(&sim, |s| s.webhooks.sent == 2).await;
    assert_eq!(stats.webhooks.statuses.get(&500), Some(&1));
    assert_eq!(stats.webhooks.failed, 1);
    assert_eq!(stats.webhooks.recent.len(), 2);
}

#[tokio::test]
async fn a_subscription_needs_new_lead_and_an_http_target() {
    let sim = sim(5).await;
    for body in [
        json!({"event": "deal_closed", "target_url": "http://127.0.0.1:9/x"}),
        json!({"event": "new_lead", "target_url": "ftp://example.com/x"}),
        json!({"event": "new_lead"}),
        json!("new_lead"),
    ] {
        let (status, answer) = subscribe(&sim, body.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(answer["error"].is_string());
    }
}
