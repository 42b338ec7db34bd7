//! 100,000 people generated and paged through, timed (printed, never asserted: benchmarks are
//! `crm-bench`'s; run with `--nocapture` to see the times). The timed loops only fetch the
//! bodies; they are parsed and counted afterwards.

use std::time::Instant;

use crm_sim::{Sim, SimConfig};
use serde_json::Value;

use crate::common::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_thousand_people_start_and_page_through() {
    let started = Instant::now();
    let sim = Sim::start(SimConfig { people: 100_000, ..SimConfig::default() }).await.expect("starting");
    let start = started.elapsed();
    let c = client();

    let started = Instant::now();
    let mut bodies = Vec::new();
    for page in 1..=201 {
        let response =
            brivity_get(&c, &sim, &format!("/api/people?limit=500&page={page}")).send().await.expect("a page");
        bodies.push(response.bytes().await.expect("a body"));
    }
    let brivity = started.elapsed();
    let people: usize =
        bodies.iter().map(|b| serde_json::from_slice::<Vec<Value>>(b).expect("a page of people").len()).sum();
    assert_eq!(people, 100_000);
    assert_eq!(bodies.last().map(|b| &b[..]), Some(&b"[]"[..]));

    let token = tp_token(&c, &sim).await;
    let started = Instant::now();
    let mut bodies = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut query = vec![("limit", "500".to_string())];
        query.extend(cursor.take().map(|c| ("cursor", c)));
        let response = tp_get(&c, &sim, &token, "/v1/contacts", &[]).query(&query).send().await.expect("a page");
        let body = response.bytes().await.expect("a body");
        // Only the cursor is read in the loop: it ends the page.
        let key = b"\"nextCursor\":\"";
        let meta = body
            .windows(key.len())
            .rposition(|w| w == key)
            .map(|at| String::from_utf8_lossy(&body[at + key.len()..]).trim_end_matches("\"}}").to_string());
        bodies.push(body);
        match meta {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    let tp = started.elapsed();
    let contacts: usize = bodies
        .iter()
        .map(|b| serde_json::from_slice::<Value>(b).expect("a page")["data"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!((contacts, bodies.len()), (100_000, 200));

    println!(
        "crm-sim, 100,000 people: started in {start:.2?}; Brivity people, 200 pages of 500: {brivity:.2?} \
         ({:.2?} a page); Top Producer contacts, 200 pages of 500: {tp:.2?} ({:.2?} a page)",
        brivity / 201,
        tp / 200
    );
}
