//! `crm sync` and `crm integrations` against a real server whose connectors reach `crm-sim`:
//! what a cron job runs.

mod common;

use std::time::Duration;

use common::Env;
use crm_sim::{Sim, SimConfig};
use crm_tests::{Backend, TestServer, fresh_database};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sync_all_prints_a_line_per_source_and_fails_when_one_does() {
    let sim = Sim::start(SimConfig { people: 120, ..SimConfig::default() }).await.expect("sim");
    let (url, dir) = fresh_database(Backend::Sqlite).await.expect("database");
    let s = TestServer::start_with(Backend::Sqlite, &url, |c| {
        c.remotes.brivity_url = sim.brivity_url();
        c.remotes.topproducer_url = sim.topproducer_url();
        c.remotes.retry.backoff = Duration::from_millis(10);
    })
    .await
    .keeping(dir);
    let env = Env::new(&s.base);
    env.register("cron@example.com").await;

    // Nothing connected: told so, exit 3.
    let none = env.run(&["sync", "all"]).await;
    assert_eq!(none.code, 3, "{none:?}");
    assert_eq!(none.stderr.lines().count(), 1, "{none:?}");

    // The key from standard input, never echoed back.
    let key = SimConfig::default().brivity_key;
    let connected = env
        .run_with(&["integrations", "accounts", "connect", "brivity", "-o", "json"], &format!("{key}\n"), &[])
        .await
        .ok();
    assert!(!connected.stdout.contains(&key), "{connected:?}");
    assert_eq!(connected.json()["source"], "brivity");

    let ok = env.run(&["sync", "all"]).await.ok();
    let lines: Vec<&str> = ok.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{ok:?}");
    assert!(lines[0].starts_with("brivity: succeeded") && lines[0].contains("created"), "{ok:?}");

    // The merged views, the search and the cache.
    let merged = env.run(&["integrations", "contacts", "-n", "5", "-o", "json"]).await.ok().json();
    let rows = merged.as_array().expect("rows");
    assert_eq!(rows.len(), 5, "{merged}");
    assert!(rows.iter().all(|r| r["sources"].as_str().is_some_and(|s| s.starts_with("brivity:"))), "{merged}");
    let city = sim.brivity_people().iter().find_map(|p| p["city"].as_str().map(str::to_string)).expect("a city");
    let found = env.run(&["integrations", "search", &city, "--type", "contacts", "-o", "json"]).await.ok().json();
    assert!(!found.as_array().expect("rows").is_empty(), "{found}");
    let cleared = env.run(&["integrations", "cache", "clear", "--source", "brivity"]).await.ok();
    assert!(cleared.stdout.starts_with("cleared the cached copies of "), "{cleared:?}");

    let status = env.run(&["sync", "status", "-o", "json"]).await.ok().json();
    assert_eq!(status["sources"][0]["connected"], true);
    assert_eq!(status["sources"][0]["last_run"]["outcome"], "succeeded");

    // A second source with a wrong secret: both lines, exit 1 naming it.
    env.run_with(
        &["integrations", "accounts", "connect", "topproducer", "--client-id", "tp-client"],
        "not-the-secret\n",
        &[],
    )
    .await
    .ok();
    let failed = env.run(&["sync", "all"]).await;
    assert_eq!(failed.code, 1, "{failed:?}");
    assert_eq!(failed.stdout.lines().count(), 2, "{failed:?}");
    assert!(failed.stdout.contains("topproducer: failed"), "{failed:?}");
    assert_eq!(failed.stderr.trim(), "crm: sync failed: topproducer", "{failed:?}");

    let accounts = env.run(&["integrations", "accounts", "-q"]).await.ok();
    assert_eq!(accounts.stdout.lines().count(), 2);
    let id = accounts.stdout.lines().last().unwrap_or_default().to_string();
    env.run(&["integrations", "accounts", "disconnect", &id]).await.ok();
    let only = env.run(&["sync", "all"]).await.ok();
    assert_eq!(only.stdout.lines().count(), 1, "{only:?}");
}
