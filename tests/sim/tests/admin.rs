//! The `/_sim` endpoints, which drive a simulator over HTTP as the binary's users do.

use crm_sim::{Faults, MutationReport, Stats};
use reqwest::StatusCode;
use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn faults_mutations_and_stats_go_over_http() {
    let sim = sim(100).await;
    let c = client();
    let admin = |path: &str| format!("http://{}/_sim{path}", sim.addr());

    let (status, faults) = send(c.post(admin("/faults")).json(&json!({"error_every": 1, "error_status": 503}))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(faults["error_every"], 1);
    assert_eq!(sim.faults(), Faults { error_every: Some(1), error_status: 503, ..Faults::default() });
    assert_eq!(send(brivity_get(&c, &sim, "/api/people")).await.0, StatusCode::SERVICE_UNAVAILABLE);
    let (_, current) = send(c.get(admin("/faults"))).await;
    assert_eq!(current["error_status"], 503);

    let (status, body) = send(c.post(admin("/faults")).json(&json!({"eror_every": 1}))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "an unknown field is refused: {body}");
    assert_eq!(send(c.post(admin("/faults")).json(&json!({}))).await.0, StatusCode::OK);
    assert_eq!(send(brivity_get(&c, &sim, "/api/people")).await.0, StatusCode::OK);

    let mutation = json!({"source": "topproducer", "edit": 2, "delete": 1, "add": 1, "seed": 3});
    let (status, report) = send(c.post(admin("/mutate")).json(&mutation)).await;
    assert_eq!(status, StatusCode::OK);
    let report: MutationReport = serde_json::from_value(report).expect("a report");
    assert_eq!((report.edited.len(), report.deleted.len(), report.added), (2, 1, vec!["c-101".to_string()]));
    assert_eq!(sim.tp_contacts(false).len(), 100);

    let (status, stats) = send(c.get(admin("/stats"))).await;
    assert_eq!(status, StatusCode::OK);
    let stats: Stats = serde_json::from_value(stats).expect("stats");
    assert_eq!((stats.brivity.requests, stats.brivity.server_errors, stats.brivity.pages), (2, 1, 1));
    assert_eq!(stats, sim.stats());
}
