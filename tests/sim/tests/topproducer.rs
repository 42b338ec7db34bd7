//! The Top Producer API: its tokens, its cursors, and an incremental sync after a mutation.

use std::collections::HashSet;

use base64::Engine;
use crm_sim::{Mutation, Source};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::*;

#[tokio::test]
async fn a_token_needs_the_right_client_and_grant() {
    let sim = sim(10).await;
    let c = client();
    let wrong = [("grant_type", "client_credentials"), ("client_id", "tp-client"), ("client_secret", "nope")];
    let (status, body) = send(token_request(&c, &sim, &wrong)).await;
    assert_eq!((status, body), (StatusCode::UNAUTHORIZED, json!({"error": "invalid_client"})));

    let no_grant = [("client_id", "tp-client"), ("client_secret", "tp-secret")];
    let (status, body) = send(token_request(&c, &sim, &no_grant)).await;
    assert_eq!((status, &body["error"]), (StatusCode::BAD_REQUEST, &json!("invalid_request")));

    let right = [("grant_type", "client_credentials"), ("client_id", "tp-client"), ("client_secret", "tp-secret")];
    let (status, body) = send(token_request(&c, &sim, &right)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((&body["token_type"], &body["expires_in"]), (&json!("Bearer"), &json!(3600)));
    assert!(body["access_token"].as_str().is_some_and(|t| t.len() > 16));

    // The client may also come as HTTP Basic.
    let basic = base64::engine::general_purpose::STANDARD.encode("tp-client:tp-secret");
    let request = token_request(&c, &sim, &[("grant_type", "client_credentials")])
        .header("Authorization", format!("Basic {basic}"));
    assert_eq!(send(request).await.0, StatusCode::OK);
    assert_eq!(sim.stats().topproducer.token_grants, 2);
}

#[tokio::test]
async fn data_needs_a_granted_token() {
    let sim = sim(10).await;
    let c = client();
    let url = format!("{}/v1/contacts", sim.topproducer_url());
    let response = c.get(&url).send().await.expect("a request");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(response.headers().contains_key("www-authenticate"));
    assert_eq!(response.json::<Value>().await.ok(), Some(json!({"error": "invalid_token"})));
    let (status, body) = send(c.get(&url).bearer_auth("tp_forged")).await;
    assert_eq!((status, body), (StatusCode::UNAUTHORIZED, json!({"error": "invalid_token"})));
    let token = tp_token(&c, &sim).await;
    assert_eq!(send(tp_get(&c, &sim, &token, "/v1/contacts", &[])).await.0, StatusCode::OK);
    let (status, _) = send(tp_get(&c, &sim, &token, "/v1/nothing", &[])).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// `updatedAt` and the number of a record, its place in the feed.
fn position(record: &Value) -> (String, u64) {
    let id = record["id"].as_str().expect("a string id");
    let number = id.split_once('-').and_then(|(_, n)| n.parse().ok()).expect("an id like c-12");
    (record["updatedAt"].as_str().expect("updatedAt").to_string(), number)
}

#[tokio::test]
async fn contacts_page_by_cursor_oldest_change_first() {
    let sim = sim(1234).await;
    let c = client();
    let token = tp_token(&c, &sim).await;
    let (contacts, pages) = tp_all(&c, &sim, &token, "/v1/contacts", None, 100).await;
    assert_eq!(pages, 13);
    assert_eq!(contacts.len(), 1234);
    let positions: Vec<(String, u64)> = contacts.iter().map(position).collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "ordered by (updatedAt, id)");
    let mut sorted = ids(&contacts);
    sorted.sort_by_key(|id| id[2..].parse::<u64>().unwrap_or_default());
    assert_eq!(sorted, ids(&sim.tp_contacts(true)));
    assert!(
        contacts.iter().all(|c| c["deletedAt"].is_null() && c["updatedAt"].as_str().is_some_and(|t| t.ends_with('Z')))
    );

    let (_, first) = send(tp_get(&c, &sim, &token, "/v1/contacts", &[])).await;
    assert_eq!(first["data"].as_array().map(Vec::len), Some(100), "100 by default");
    let (_, clamped) = send(tp_get(&c, &sim, &token, "/v1/contacts", &[("limit", "9999")])).await;
    assert_eq!(clamped["data"].as_array().map(Vec::len), Some(500));
}

#[tokio::test]
async fn transactions_page_the_same_way_and_name_existing_contacts() {
    let sim = sim(1234).await;
    let c = client();
    let token = tp_token(&c, &sim).await;
    let (deals, _) = tp_all(&c, &sim, &token, "/v1/transactions", None, 64).await;
    assert_eq!(deals.len(), 370);
    let contacts: HashSet<String> = ids(&sim.tp_contacts(true)).into_iter().collect();
    for deal in &deals {
        assert!(deal["id"].as_str().is_some_and(|id| id.starts_with("t-")));
        assert!(contacts.contains(deal["contactId"].as_str().expect("contactId")), "{deal}");
        assert!(["USD", "CAD"].contains(&deal["currency"].as_str().expect("currency")));
    }
    assert!(deals.iter().any(|d| d["currency"] == "CAD"));
    assert!(deals.iter().any(|d| d["stage"] == "Under Contract"));
}

#[tokio::test]
async fn an_incremental_sync_after_a_mutation_sees_edits_deletions_and_additions() {
    let sim = sim(500).await;
    let c = client();
    let token = tp_token(&c, &sim).await;
    let (all, _) = tp_all(&c, &sim, &token, "/v1/contacts", None, 200).await;
    let watermark = all.iter().filter_map(|r| r["updatedAt"].as_str()).max().expect("records").to_string();
    let (nothing_new, _) = tp_all(&c, &sim, &token, "/v1/contacts", Some(&watermark), 200).await;
    assert!(nothing_new.is_empty());

    let report = sim.mutate(&Mutation { source: Source::TopProducer, edit: 7, delete: 3, add: 4, seed: 5 });
    assert_eq!(report.added, ["c-501", "c-502", "c-503", "c-504"]);
    let (changes, _) = tp_all(&c, &sim, &token, "/v1/contacts", Some(&watermark), 5).await;
    let changed: HashSet<String> = ids(&changes).into_iter().collect();
    let expected: HashSet<String> = report.edited.iter().chain(&report.deleted).chain(&report.added).cloned().collect();
    assert_eq!(changed, expected);
    for record in &changes {
        assert!(record["updatedAt"].as_str().is_some_and(|t| t > watermark.as_str()));
        let id = record["id"].as_str().unwrap_or_default().to_string();
        assert_eq!(record["deletedAt"].is_null(), !report.deleted.contains(&id), "{record}");
        let now = sim.tp_contacts(true).into_iter().find(|c| c["id"] == id.as_str());
        assert_eq!(Some(record), now.as_ref());
    }
    for id in &report.edited {
        let old = all.iter().find(|c| c["id"] == id.as_str()).expect("edited before");
        let new = changes.iter().find(|c| c["id"] == id.as_str()).expect("edited after");
        assert_ne!(old["phone"], new["phone"]);
    }
    assert_eq!(sim.tp_contacts(false).len(), 500 - 3 + 4);
    assert_eq!(sim.tp_contacts(true).len(), 504);

    // A second mutation comes strictly after the first.
    let watermark = changes.iter().filter_map(|r| r["updatedAt"].as_str()).max().unwrap_or_default().to_string();
    let again = sim.mutate(&Mutation { source: Source::TopProducer, edit: 1, ..Mutation::default() });
    let (changes, _) = tp_all(&c, &sim, &token, "/v1/contacts", Some(&watermark), 5).await;
    assert_eq!(ids(&changes), again.edited);
}

#[tokio::test]
async fn a_bad_updated_since_or_cursor_answers_400() {
    let sim = sim(10).await;
    let c = client();
    let token = tp_token(&c, &sim).await;
    for query in [[("updatedSince", "yesterday")], [("cursor", "not-a-cursor")], [("limit", "many")]] {
        let (status, body) = send(tp_get(&c, &sim, &token, "/v1/contacts", &query)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query:?}");
        assert_eq!(body["error"], "invalid_request");
    }
    // A contacts cursor is not a transactions cursor.
    let (_, page) = send(tp_get(&c, &sim, &token, "/v1/contacts", &[("limit", "2")])).await;
    let cursor = page["meta"]["nextCursor"].as_str().expect("a next cursor").to_string();
    let (status, _) = send(tp_get(&c, &sim, &token, "/v1/transactions", &[("cursor", &cursor)])).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(sim.stats().topproducer.bad_requests, 4);
}
