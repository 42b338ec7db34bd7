//! The Brivity API: its key, its pages, its unknown paths, its data, and a full refresh after
//! a mutation.

use std::collections::HashSet;

use crm_sim::{Mutation, Source};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::*;

#[tokio::test]
async fn a_missing_or_wrong_key_answers_401_bad_credentials() {
    let sim = sim(10).await;
    let c = client();
    let url = format!("{}/api/people", sim.brivity_url());
    for auth in [None, Some("Token token=wrong"), Some("Bearer brivity-test-key"), Some("Token brivity-test-key")] {
        let mut request = c.get(&url);
        if let Some(auth) = auth {
            request = request.header("Authorization", auth);
        }
        let (status, body) = send(request).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{auth:?}");
        assert_eq!(body, json!({"error": "Bad Credentials"}));
    }
    // The key is checked before the path.
    let (status, _) = send(c.get(format!("{}/api/nothing", sim.brivity_url()))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(sim.stats().brivity.unauthorized, 5);
}

#[tokio::test]
async fn an_unknown_path_or_method_answers_406() {
    let sim = sim(10).await;
    let c = client();
    for path in ["/api/contacts", "/api", "", "/api/people/1000"] {
        let (status, _) = send(brivity_get(&c, &sim, path)).await;
        assert_eq!(status, StatusCode::NOT_ACCEPTABLE, "{path}");
    }
    let delete =
        c.delete(format!("{}/api/people", sim.brivity_url())).header("Authorization", format!("Token token={KEY}"));
    assert_eq!(send(delete).await.0, StatusCode::NOT_ACCEPTABLE);
    let html = c
        .get(format!("{}/api/people", sim.brivity_url()))
        .header("Authorization", format!("Token token={KEY}"))
        .header("Accept", "text/html");
    assert_eq!(send(html).await.0, StatusCode::NOT_ACCEPTABLE);
}

#[tokio::test]
async fn people_page_to_the_end_in_the_order_of_their_ids() {
    let sim = sim(1234).await;
    let c = client();
    let people = brivity_all(&c, &sim, "/api/people", 500).await;
    assert_eq!(people.len(), 1234);
    let ids: Vec<u64> = people.iter().map(|p| p["id"].as_u64().expect("an integer id")).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(ids[0], 1000);
    assert_eq!(people, sim.brivity_people());

    let (_, past_the_end) = send(brivity_get(&c, &sim, "/api/people?limit=500&page=4")).await;
    assert_eq!(past_the_end, json!([]));
    let (_, default_page) = send(brivity_get(&c, &sim, "/api/people")).await;
    assert_eq!(default_page.as_array().map(Vec::len), Some(25));
    let (_, clamped) = send(brivity_get(&c, &sim, "/api/people?limit=5000")).await;
    assert_eq!(clamped.as_array().map(Vec::len), Some(500));
    let (_, second) = send(brivity_get(&c, &sim, "/api/people?limit=10&page=2")).await;
    assert_eq!(second[0]["id"], 1010);

    let stats = sim.stats().brivity;
    assert_eq!((stats.pages, stats.records), (7, 1234 + 25 + 500 + 10));
}

#[tokio::test]
async fn paging_parameters_that_are_not_integers_answer_400() {
    let sim = sim(10).await;
    let (status, body) = send(brivity_get(&client(), &sim, "/api/people?limit=ten")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"].as_str().is_some_and(|e| e.contains("limit")), "{body}");
}

#[tokio::test]
async fn transactions_page_like_people_and_name_existing_people() {
    let sim = sim(1234).await;
    let c = client();
    let deals = brivity_all(&c, &sim, "/api/transactions", 100).await;
    assert_eq!(deals.len(), 370);
    assert_eq!(deals, sim.brivity_transactions());
    let people: HashSet<u64> = sim.brivity_people().iter().filter_map(|p| p["id"].as_u64()).collect();
    for deal in &deals {
        assert!(people.contains(&deal["person_id"].as_u64().expect("person_id")), "{deal}");
        if let Some(price) = deal["price"].as_str() {
            let (whole, cents) = price.split_once('.').expect("a decimal price");
            assert!(whole.bytes().all(|b| b.is_ascii_digit()) && cents.len() == 2, "{price}");
        }
        let status = deal["status"].as_str().expect("a status");
        assert!(["active", "pending", "closed", "cancelled"].contains(&status), "{status}");
    }
}

#[tokio::test]
async fn the_data_looks_like_a_real_crm() {
    let sim = sim(3000).await;
    let people = sim.brivity_people();
    let count = |f: &dyn Fn(&Value) -> bool| people.iter().filter(|p| f(p)).count();
    let no_email = count(&|p| p["email_address"].is_null());
    assert!((150..=330).contains(&no_email), "{no_email} without an email");
    assert!(count(&|p| p["email_address"].as_str().is_some_and(|e| e.bytes().any(|b| b.is_ascii_uppercase()))) > 30);
    assert!(count(&|p| p["first_name"].as_str().is_some_and(|n| !n.is_ascii())) > 100);
    assert!(count(&|p| p["status"] == "zombie") > 5);
    assert!(count(&|p| p["company"].is_null()) > 2400);
    assert!(count(&|p| p["tags"].as_array().is_some_and(|t| t.len() >= 2)) > 300);
    let usual = ["Zillow", "Realtor.com", "Website", "Open House", "Referral"];
    let odd = count(&|p| p["source"].as_str().is_some_and(|s| !usual.contains(&s)));
    assert!((5..=100).contains(&odd), "{odd} odd sources");
    let emails: HashSet<String> =
        people.iter().filter_map(|p| p["email_address"].as_str()).map(str::to_lowercase).collect();
    assert_eq!(emails.len(), 3000 - no_email, "every email is its own person's");

    let contacts = sim.tp_contacts(true);
    let shared =
        contacts.iter().filter(|c| c["email"].as_str().is_some_and(|e| emails.contains(&e.to_lowercase()))).count();
    assert_eq!(shared, 1000, "a third of the contacts are Brivity people too");
    assert!(contacts.iter().any(|c| c["status"].as_str().is_some_and(|s| s.starts_with("Unknown-"))));
}

#[tokio::test]
async fn a_full_refresh_after_a_mutation_sees_edits_deletions_and_additions() {
    let sim = sim(300).await;
    let c = client();
    let before = brivity_all(&c, &sim, "/api/people", 100).await;
    let report = sim.mutate(&Mutation { source: Source::Brivity, edit: 6, delete: 4, add: 5, seed: 11 });
    assert_eq!((report.edited.len(), report.deleted.len(), report.added.len()), (6, 4, 5));
    let after = brivity_all(&c, &sim, "/api/people", 100).await;
    assert_eq!(after.len(), 300 - 4 + 5);
    let after_ids: HashSet<String> = ids(&after).into_iter().collect();
    assert!(report.deleted.iter().all(|id| !after_ids.contains(id)));
    assert!(report.added.iter().all(|id| after_ids.contains(id) && id.parse::<u64>().is_ok_and(|n| n >= 1300)));
    for id in &report.edited {
        let find = |list: &[Value]| {
            list.iter().find(|p| p["id"].as_u64().map(|n| n.to_string()).as_ref() == Some(id)).cloned()
        };
        let (old, new) = (find(&before).expect("edited before"), find(&after).expect("edited after"));
        assert_ne!(old["phone_number"], new["phone_number"], "{id}");
        assert_eq!(old["email_address"], new["email_address"]);
    }
    let unchanged = before.iter().filter(|p| after.contains(p)).count();
    assert_eq!(unchanged, 300 - 4 - 6);
}
