//! Sync from Brivity and Top Producer, end to end: the real server against `crm-sim` over
//! loopback, on SQLite and PostgreSQL.

use std::time::Duration;

use crm_api::ListParams;
use crm_api::client::Client;
use crm_api::contacts::{Contact, ContactPatch};
use crm_api::integrations::{
    BrivityCredentials, CachedParams, ClearParams, Credentials, NewAccount, RecordType, RunOutcome, SearchParams,
    Source, SyncRun, TopProducerCredentials,
};
use crm_api::params::AuditParams;
use crm_api::resource::{Contacts, Deals};
use crm_sim::{Faults, Mutation, Sim, SimConfig};
use crm_tests::{Backend, TestServer, backend_tests, db_command, fresh_database};
use reqwest::Method;

use crate::probe;

backend_tests!(
    a_first_sync_creates_and_a_second_writes_nothing,
    edits_and_removals_at_the_source_are_followed_and_local_fields_stay,
    faults_are_retried_and_a_failed_run_removes_nothing,
    bad_credentials_and_a_wrong_key_are_clear_statuses,
    one_sync_of_a_source_runs_at_a_time,
    top_producer_syncs_incrementally,
    another_user_sees_nothing_of_integrations,
    the_cache_merged_views_and_search_show_both_sources,
    a_new_lead_webhook_syncs_once_and_a_forged_one_is_refused,
    the_scheduler_syncs_accounts_whose_interval_has_passed,
    a_server_killed_mid_sync_leaves_exactly_the_people_after_the_next_sync,
    a_server_stopped_mid_sync_ends_the_run_at_a_page_and_the_next_sync_goes_on_at_once,
    rotating_the_key_file_seals_every_secret_again,
    people_of_one_email_on_two_pages_are_one_contact,
    an_import_while_a_first_sync_writes_makes_no_second_contact_of_an_email,
);

/// A server whose connectors point at `sim`, retrying quickly.
pub(crate) async fn server(b: Backend, sim: &Sim) -> TestServer {
    let (url, dir) = fresh_database(b).await.expect("database");
    TestServer::start_with(b, &url, |c| configure(c, sim)).await.keeping(dir)
}

fn configure(c: &mut crm_server::Config, sim: &Sim) {
    c.remotes.brivity_url = sim.brivity_url();
    c.remotes.topproducer_url = sim.topproducer_url();
    c.remotes.retry.attempts = 6;
    c.remotes.retry.backoff = Duration::from_millis(10);
    c.remotes.retry.max_wait = Duration::from_secs(2);
    c.remotes.retry.timeout = Duration::from_millis(1000);
}

async fn connect_brivity(u: &Client, key: &str) {
    let new = NewAccount::Brivity(BrivityCredentials { api_key: key.into(), sync_interval_minutes: None });
    u.connect_account(&new).await.expect("connect brivity");
}

async fn connect_topproducer(u: &Client, id: &str, secret: &str) {
    let new = NewAccount::TopProducer(TopProducerCredentials {
        client_id: id.into(),
        client_secret: secret.into(),
        sync_interval_minutes: Some(60),
    });
    u.connect_account(&new).await.expect("connect topproducer");
}

async fn sync(u: &Client, source: Source) -> SyncRun {
    let mut runs = u.sync_source(source, true).await.expect("sync").runs;
    assert_eq!(runs.len(), 1);
    runs.remove(0)
}

async fn total<R: crm_api::resource::Resource>(u: &Client) -> i64 {
    let p = ListParams { limit: Some(1), total: Some(true), ..Default::default() };
    u.list::<R>(&p).await.expect("list").total.unwrap_or_default()
}

async fn latest_audit(u: &Client) -> Option<i64> {
    let p = AuditParams { limit: Some(1), ..Default::default() };
    u.audit(&p).await.expect("audit").data.first().map(|e| e.id)
}

async fn contact_by_email(u: &Client, email: &str) -> Contact {
    let p = ListParams { filter: Some(format!("email[eq]:{}", serde_json::Value::from(email))), ..Default::default() };
    u.list::<Contacts>(&p).await.expect("list").data.into_iter().next().expect("the contact is there")
}

/// Distinct e-mails (lower-cased) among people, and how many have none.
fn people_counts(people: &[serde_json::Value]) -> usize {
    let mut emails = std::collections::HashSet::new();
    let mut without = 0;
    for p in people {
        match p["email_address"].as_str().map(|e| e.trim().to_lowercase()).filter(|e| !e.is_empty()) {
            Some(e) => {
                emails.insert(e);
            }
            None => without += 1,
        }
    }
    emails.len() + without
}

async fn a_first_sync_creates_and_a_second_writes_nothing(b: Backend) {
    let sim = Sim::start(SimConfig { people: 1200, ..SimConfig::default() }).await.expect("sim");
    let s = server(b, &sim).await;
    let u = s.user("agent").await;
    connect_brivity(&u, &SimConfig::default().brivity_key).await;

    let first = sync(&u, Source::Brivity).await;
    assert_eq!(first.outcome, RunOutcome::Succeeded, "{first:?}");
    let people = sim.brivity_people();
    let deals = sim.brivity_transactions();
    assert_eq!(first.fetched as usize, people.len() + deals.len());
    assert_eq!(first.failed, 0, "{:?}", first.errors);
    // One contact per person, people of one e-mail being one contact.
    let expected = people_counts(&people);
    assert_eq!(total::<Contacts>(&u).await as usize, expected);
    assert_eq!(total::<Deals>(&u).await as usize, deals.len());
    assert!(first.unmapped.iter().any(|m| m.field == "status"), "odd statuses are reported: {:?}", first.unmapped);

    // Nothing changed at the source: nothing written, not even an audit row.
    let audit = latest_audit(&u).await;
    let again = sync(&u, Source::Brivity).await;
    assert_eq!(again.outcome, RunOutcome::Succeeded);
    assert_eq!((again.created, again.updated, again.removed), (0, 0, 0), "{again:?}");
    assert_eq!(again.unchanged, again.fetched);
    assert_eq!(latest_audit(&u).await, audit);

    let status = u.sync_status().await.expect("status");
    let brivity = status.sources.iter().find(|x| x.source == Source::Brivity).expect("brivity");
    assert!(brivity.connected && brivity.running.is_none());
    assert_eq!(brivity.last_run.as_ref().map(|r| r.id), Some(again.id));
    assert!(brivity.last_success_at.is_some());
    assert_eq!(brivity.deals as usize, deals.len());
}

async fn edits_and_removals_at_the_source_are_followed_and_local_fields_stay(b: Backend) {
    let sim = Sim::start(SimConfig { people: 300, ..SimConfig::default() }).await.expect("sim");
    let s = server(b, &sim).await;
    let u = s.user("agent").await;
    connect_brivity(&u, &SimConfig::default().brivity_key).await;
    assert_eq!(sync(&u, Source::Brivity).await.outcome, RunOutcome::Succeeded);

    // The source edits, deletes and adds people.
    let before = sim.brivity_people();
    let report = sim.mutate(&Mutation { source: crm_sim::Source::Brivity, edit: 100, delete: 3, add: 4, seed: 7 });
    assert_eq!((report.edited.len(), report.deleted.len(), report.added.len()), (100, 3, 4));
    // Meanwhile the user fills a field the source leaves empty, on a person the source edited.
    let person = before
        .into_iter()
        .find(|p| {
            p["email_address"].is_string()
                && p["company"].is_null()
                && report.edited.iter().any(|id| id.parse::<i64>().ok() == p["id"].as_i64())
        })
        .expect("an edited person with an e-mail and no company");
    let email = person["email_address"].as_str().unwrap_or_default().to_string();
    let mine = contact_by_email(&u, &email).await;
    let patch = ContactPatch { company: Some(Some("Filled Here Ltd".into())), ..Default::default() };
    u.update::<Contacts>(mine.id, &patch, None).await.expect("fill company");

    let run = sync(&u, Source::Brivity).await;
    assert_eq!(run.outcome, RunOutcome::Succeeded, "{run:?}");
    assert_eq!(run.removed, 3, "{run:?}");
    assert_eq!((run.created, run.updated), (4, 100), "{run:?}");

    let after = contact_by_email(&u, &email).await;
    assert_eq!(after.company.as_deref(), Some("Filled Here Ltd"), "a field the user filled stays");
    let edited = sim
        .brivity_people()
        .into_iter()
        .find(|p| p["email_address"].as_str() == Some(email.as_str()))
        .expect("still at the source");
    assert_eq!(after.phone.as_deref(), edited["phone_number"].as_str().map(str::trim), "the edit came through");
    // Removed at the source: still here.
    let status = u.sync_status().await.expect("status");
    let brivity = status.sources.iter().find(|x| x.source == Source::Brivity).expect("brivity");
    assert!(brivity.contacts >= 300);
}

async fn faults_are_retried_and_a_failed_run_removes_nothing(b: Backend) {
    let sim = Sim::start(SimConfig { people: 2600, ..SimConfig::default() }).await.expect("sim");
    let s = server(b, &sim).await;
    let u = s.user("agent").await;
    connect_brivity(&u, &SimConfig::default().brivity_key).await;
    // Every kind of passing fault: all retried, nothing lost or doubled.
    sim.set_faults(Faults {
        rate_limit_every: Some(4),
        retry_after_secs: 1,
        error_every: Some(7),
        error_status: 503,
        truncate_every: Some(9),
        hang_every: Some(13),
        hang_ms: 1500,
        ..Faults::default()
    });
    let run = sync(&u, Source::Brivity).await;
    assert_eq!(run.outcome, RunOutcome::Succeeded, "{run:?}");
    let people = sim.brivity_people();
    assert_eq!(total::<Contacts>(&u).await as usize, people_counts(&people));
    let stats = sim.stats().brivity;
    assert!(stats.rate_limited > 0 && stats.server_errors > 0 && stats.truncations > 0 && stats.hangs > 0, "{stats:?}");

    // A source that keeps failing: the run fails, and the people it could not read are not
    // marked removed.
    sim.set_faults(Faults { error_every: Some(1), ..Faults::default() });
    let failed = sync(&u, Source::Brivity).await;
    assert_eq!(failed.outcome, RunOutcome::Failed);
    assert_eq!(failed.removed, 0);
    assert!(failed.errors.iter().any(|e| e.contains("500") || e.contains("gave up")), "{:?}", failed.errors);
    assert_eq!(total::<Contacts>(&u).await as usize, people_counts(&people));

    // No deals feed at all: the people sync, and the run succeeds.
    sim.set_faults(Faults { brivity_no_deals: true, ..Faults::default() });
    let run = sync(&u, Source::Brivity).await;
    assert_eq!(run.outcome, RunOutcome::Succeeded, "{run:?}");
    assert_eq!(run.removed, 0, "deals are not removed because the feed is missing");
}

async fn bad_credentials_and_a_wrong_key_are_clear_statuses(b: Backend) {
    let sim = Sim::start(SimConfig { people: 20, ..SimConfig::default() }).await.expect("sim");
    let (url, dir) = fresh_database(b).await.expect("database");
    let s = TestServer::start_with(b, &url, |c| configure(c, &sim)).await;
    let u = s.user("agent").await;
    connect_brivity(&u, "not-the-key").await;
    connect_topproducer(&u, "tp-client", "wrong-secret").await;
    for source in [Source::Brivity, Source::TopProducer] {
        let run = sync(&u, source).await;
        assert_eq!(run.outcome, RunOutcome::Failed);
        assert!(run.errors.iter().any(|e| e.contains("credentials")), "{source}: {:?}", run.errors);
        assert_eq!(run.created, 0);
    }
    // The secrets are never returned, and not stored in the clear.
    let accounts = u.integration_accounts().await.expect("accounts");
    assert_eq!(accounts.len(), 2);
    let text = serde_json::to_string(&accounts).expect("json");
    assert!(!text.contains("not-the-key") && !text.contains("wrong-secret"));

    // Another server on the same database, with another key: a clear status, not a crash.
    let other_key = "ff".repeat(32);
    let t = TestServer::start_with(b, &url, |c| {
        configure(c, &sim);
        c.encryption = crm_server::secrets::KeySource::Env(other_key.clone());
    })
    .await;
    let v = t.anon().with_token(u.token().unwrap_or_default().to_string());
    let accounts = v.integration_accounts().await.expect("accounts");
    assert!(accounts.iter().all(|a| a.credentials == Credentials::Unreadable), "{accounts:?}");
    let refused = probe::send(v.request(Method::POST, "/api/crm/integrations/sync/brivity?wait=true")).await;
    assert_eq!(refused.status, 409, "{refused}");
    assert!(refused.body.to_string().contains("cannot be read"), "{refused}");
    // Of several sources, each whose credentials cannot be read gets a failed run that says so.
    let runs = v.sync_all(true).await.expect("sync all").runs;
    assert_eq!(runs.len(), 2);
    assert!(
        runs.iter().all(|r| r.outcome == RunOutcome::Failed && r.errors.iter().any(|e| e.contains("cannot be read"))),
        "{runs:?}"
    );
    t.stop().await;
    s.stop().await;
    drop(dir);
}

async fn one_sync_of_a_source_runs_at_a_time(b: Backend) {
    let sim = Sim::start(SimConfig { people: 1500, ..SimConfig::default() }).await.expect("sim");
    sim.set_faults(Faults { latency_ms: 150, ..Faults::default() });
    let s = server(b, &sim).await;
    let u = s.user("agent").await;
    connect_brivity(&u, &SimConfig::default().brivity_key).await;
    let path = "/api/crm/integrations/sync-all";
    let (one, two) =
        tokio::join!(probe::send(u.request(Method::POST, path)), probe::send(u.request(Method::POST, path)));
    let mut statuses = [one.status, two.status];
    statuses.sort();
    assert_eq!(statuses, [202, 409], "{one}\n{two}");
    let busy = if one.status == 409 { &one } else { &two };
    assert!(busy.body.to_string().contains("already running"), "{busy}");
    // The run ends, and then another may start.
    let started = if one.status == 202 { &one } else { &two };
    let id = started.body["runs"][0]["id"].as_i64().expect("run id");
    let ended =
        crm_tests::eventually(|| async { u.sync_run(id).await.is_ok_and(|r| r.outcome != RunOutcome::Running) }).await;
    assert!(ended);
    assert_eq!(sync(&u, Source::Brivity).await.outcome, RunOutcome::Succeeded);
}

async fn top_producer_syncs_incrementally(b: Backend) {
    let sim = Sim::start(SimConfig { people: 700, ..SimConfig::default() }).await.expect("sim");
    sim.set_faults(Faults { token_ttl_requests: Some(2), ..Faults::default() });
    let s = server(b, &sim).await;
    let u = s.user("agent").await;
    let config = SimConfig::default();
    connect_topproducer(&u, &config.tp_client_id, &config.tp_client_secret).await;
    let first = sync(&u, Source::TopProducer).await;
    assert_eq!(first.outcome, RunOutcome::Succeeded, "{first:?}");
    assert_eq!(first.fetched as usize, sim.tp_contacts(true).len() + sim.tp_transactions(true).len());
    assert!(sim.stats().topproducer.token_grants >= 2, "expired tokens were renewed");

    let report = sim.mutate(&Mutation { source: crm_sim::Source::TopProducer, edit: 5, delete: 2, add: 3, seed: 3 });
    let second = sync(&u, Source::TopProducer).await;
    assert_eq!(second.outcome, RunOutcome::Succeeded, "{second:?}");
    // Only what changed is read again (and what changed in the last second of the checkpoint).
    assert!(second.fetched < 50, "incremental: {second:?}");
    assert_eq!(second.removed, 2, "{second:?}");
    assert_eq!(second.created, 3, "{second:?}");
    assert!(second.updated >= 1, "{second:?}");
    // An edited contact that has an e-mail shows the source's new phone.
    let contacts = sim.tp_contacts(false);
    let edited = contacts
        .iter()
        .find(|c| report.edited.iter().any(|id| c["id"].as_str() == Some(id.as_str())) && c["email"].is_string())
        .expect("an edited contact with an e-mail");
    let local = contact_by_email(&u, edited["email"].as_str().unwrap_or_default()).await;
    assert_eq!(local.phone.as_deref(), edited["phone"].as_str().map(str::trim));
}

async fn another_user_sees_nothing_of_integrations(b: Backend) {
    let sim = Sim::start(SimConfig { people: 30, ..SimConfig::default() }).await.expect("sim");
    let s = server(b, &sim).await;
    let a = s.user("owner").await;
    let other = s.user("prober").await;
    connect_brivity(&a, &SimConfig::default().brivity_key).await;
    let run = sync(&a, Source::Brivity).await;
    let account = a.integration_accounts().await.expect("accounts").remove(0);

    assert!(other.integration_accounts().await.expect("accounts").is_empty());
    let status = other.sync_status().await.expect("status");
    assert!(status.sources.iter().all(|x| !x.connected && x.last_run.is_none() && x.contacts == 0));
    for (method, path) in [
        (Method::GET, format!("/api/crm/integrations/runs/{}", run.id)),
        (Method::DELETE, format!("/api/crm/integrations/accounts/{}", account.id)),
        (Method::POST, "/api/crm/integrations/sync-all".to_string()),
        (Method::POST, "/api/crm/integrations/sync/brivity".to_string()),
    ] {
        let ans = probe::send(other.request(method.clone(), &path)).await;
        assert_eq!(ans.status, 404, "{method} {path}: {ans}");
    }
    assert_eq!(total::<Contacts>(&other).await, 0);
    assert_eq!(a.integration_accounts().await.expect("accounts").len(), 1, "the probe deleted nothing");
}

/// Every page of the cache of one source and type.
async fn all_cached(u: &Client, source: Source, kind: RecordType) -> Vec<crm_api::integrations::CachedRecord> {
    let mut out = Vec::new();
    let mut cursor = None;
    loop {
        let p = CachedParams { source: Some(source), kind: Some(kind), limit: Some(97), cursor };
        let page = u.cached_data(&p).await.expect("cached data");
        out.extend(page.data);
        match page.next_cursor {
            Some(c) => cursor = Some(c),
            None => return out,
        }
    }
}

async fn the_cache_merged_views_and_search_show_both_sources(b: Backend) {
    let sim = Sim::start(SimConfig { people: 400, ..SimConfig::default() }).await.expect("sim");
    let s = server(b, &sim).await;
    let u = s.user("agent").await;
    let config = SimConfig::default();
    connect_brivity(&u, &config.brivity_key).await;
    connect_topproducer(&u, &config.tp_client_id, &config.tp_client_secret).await;
    let runs = u.sync_all(true).await.expect("sync all").runs;
    assert_eq!(runs.len(), 2);
    assert!(runs.iter().all(|r| r.outcome == RunOutcome::Succeeded), "{runs:?}");

    // The cache: every person as the source sent it, a page at a time.
    let people = sim.brivity_people();
    let cached = all_cached(&u, Source::Brivity, RecordType::Contacts).await;
    assert_eq!(cached.len(), people.len());
    assert!(cached.iter().all(|c| c.local_id.is_some() && c.data["id"].is_number()));

    // One row per person: a person in both CRMs (same e-mail) is one contact with two sources.
    let tp_emails: std::collections::HashSet<String> =
        sim.tp_contacts(false).iter().filter_map(|c| c["email"].as_str().map(str::to_lowercase)).collect();
    let shared = people
        .iter()
        .filter_map(|p| p["email_address"].as_str())
        .find(|e| tp_emails.contains(&e.to_lowercase()))
        .expect("a person in both sources")
        .to_string();
    let p = ListParams {
        filter: Some(format!("email[eq]:{}", serde_json::Value::from(shared.clone()))),
        ..Default::default()
    };
    let merged = u.integration_contacts(&p).await.expect("merged contacts");
    assert_eq!(merged.data.len(), 1, "{merged:?}");
    let sources: Vec<Source> = merged.data[0].sources.iter().map(|o| o.source).collect();
    assert_eq!(sources, [Source::Brivity, Source::TopProducer]);
    let deals = u.integration_deals(&ListParams { limit: Some(5), ..Default::default() }).await.expect("merged deals");
    assert!(deals.data.iter().all(|d| d.sources.len() == 1));

    // Search finds a person by a field the CRM does not keep (the city), in any case.
    let city = people.iter().find_map(|p| p["city"].as_str()).expect("a city").to_uppercase();
    let found = u
        .search_integrations(&SearchParams {
            q: Some(city.clone()),
            kind: Some(RecordType::Contacts),
            limit: Some(1000),
            cursor: None,
        })
        .await
        .expect("search");
    assert!(!found.data.is_empty());
    assert!(found.data.iter().all(|r| r.data.to_string().to_uppercase().contains(&city)));
    let blank = probe::send(u.request(Method::GET, "/api/crm/integrations/search?q=%20")).await;
    assert_eq!(blank.status, 400, "{blank}");

    // Clearing the cache loses no contact; the next sync fills it again and doubles nothing.
    let contacts = total::<Contacts>(&u).await;
    let cleared = u.clear_integration_cache(&ClearParams { source: Some(Source::Brivity) }).await.expect("clear");
    assert_eq!(cleared.cleared as usize, people.len() + sim.brivity_transactions().len());
    assert!(all_cached(&u, Source::Brivity, RecordType::Contacts).await.is_empty());
    assert_eq!(total::<Contacts>(&u).await, contacts);
    let again = sync(&u, Source::Brivity).await;
    assert_eq!((again.outcome, again.created, again.failed), (RunOutcome::Succeeded, 0, 0), "{again:?}");
    assert_eq!(total::<Contacts>(&u).await, contacts);
    assert_eq!(all_cached(&u, Source::Brivity, RecordType::Contacts).await.len(), people.len());

    // Another user: nothing of it.
    let other = s.user("prober").await;
    assert!(other.cached_data(&CachedParams::default()).await.expect("cached").data.is_empty());
    let q = SearchParams { q: Some(city), kind: None, limit: None, cursor: None };
    assert!(other.search_integrations(&q).await.expect("search").data.is_empty());
    assert!(other.integration_contacts(&ListParams::default()).await.expect("contacts").data.is_empty());
    assert_eq!(other.clear_integration_cache(&ClearParams::default()).await.expect("clear").cleared, 0);
    assert_eq!(all_cached(&u, Source::Brivity, RecordType::Contacts).await.len(), people.len());
}

async fn a_new_lead_webhook_syncs_once_and_a_forged_one_is_refused(b: Backend) {
    let sim = Sim::start(SimConfig { people: 50, ..SimConfig::default() }).await.expect("sim");
    let s = server(b, &sim).await;
    let u = s.user("agent").await;
    let key = SimConfig::default().brivity_key;
    connect_brivity(&u, &key).await;
    assert_eq!(sync(&u, Source::Brivity).await.outcome, RunOutcome::Succeeded);
    let before = total::<Contacts>(&u).await;
    let path = u.integration_accounts().await.expect("accounts")[0].webhook_path.clone().expect("a webhook path");

    // Subscribe at Brivity, as the agent would, then a lead arrives there.
    let subscribed = reqwest::Client::new()
        .post(format!("{}/api/event_subscriptions", sim.brivity_url()))
        .header("Authorization", format!("Token token={key}"))
        .json(&serde_json::json!({"event": "new_lead", "target_url": format!("{}{path}", s.base)}))
        .send()
        .await
        .expect("subscribe");
    assert!(subscribed.status().is_success());
    sim.mutate(&Mutation { source: crm_sim::Source::Brivity, add: 1, seed: 5, ..Mutation::default() });
    let arrived = crm_tests::eventually(|| async {
        total::<Contacts>(&u).await == before + 1
            && u.sync_status().await.is_ok_and(|st| st.sources[0].running.is_none())
    })
    .await;
    assert!(arrived, "the webhook's sync brought the new lead in");
    let last = u.sync_status().await.expect("status").sources[0].last_run.clone().expect("a run");
    assert_eq!(last.trigger, crm_api::integrations::Trigger::Webhook);

    // The same delivery again: acknowledged, nothing started.
    let replay = sim.replay_webhook().await.expect("a delivery to replay");
    assert_eq!(replay.status, Some(202));
    let after = u.sync_status().await.expect("status").sources[0].last_run.clone().expect("a run");
    assert_eq!(after.id, last.id, "a replayed event starts no sync");
    let event = crm_api::integrations::WebhookEvent { event: "new_lead".into(), id: "evt-x".into(), person: None };
    let again = s.anon().brivity_webhook(&path, &event).await.expect("deliver");
    assert!(!again.duplicate);
    let twice = s.anon().brivity_webhook(&path, &event).await.expect("deliver");
    assert!(twice.duplicate && twice.run_id.is_none());

    // A path no account has: 404, and nothing happens.
    let forged = probe::send(
        s.anon()
            .request(Method::POST, "/api/crm/integrations/webhooks/brivity/forged")
            .json(&serde_json::json!({"event": "new_lead", "id": "1"})),
    )
    .await;
    assert_eq!(forged.status, 404, "{forged}");
    let blank =
        probe::send(s.anon().request(Method::POST, &path).json(&serde_json::json!({"event": " ", "id": "2"}))).await;
    assert_eq!(blank.status, 422, "{blank}");
}

async fn the_scheduler_syncs_accounts_whose_interval_has_passed(b: Backend) {
    let sim = Sim::start(SimConfig { people: 40, ..SimConfig::default() }).await.expect("sim");
    let (url, dir) = fresh_database(b).await.expect("database");
    let s = TestServer::start_with(b, &url, |c| configure(c, &sim)).await.keeping(dir);
    let u = s.user("agent").await;
    let config = SimConfig::default();
    connect_topproducer(&u, &config.tp_client_id, &config.tp_client_secret).await;
    connect_brivity(&u, &config.brivity_key).await;

    // The scheduler of another process on the same database (a replica, or cron).
    let db = crm_server::store::open(&url, 2).await.expect("db");
    let keys = crm_server::secrets::Keyring::new(
        crm_server::secrets::Key::parse(crm_tests::TEST_ENCRYPTION_KEY).expect("key"),
    );
    let remotes = crm_server::connectors::Remotes {
        brivity_url: sim.brivity_url(),
        topproducer_url: sim.topproducer_url(),
        ..Default::default()
    };
    let syncer =
        std::sync::Arc::new(crm_server::service::sync::Syncer::new(db.clone(), std::sync::Arc::new(keys), remotes));
    let now = chrono::Utc::now().timestamp_micros();
    // Not yet due: its interval (60 minutes) has not passed since it was connected; Brivity
    // has no schedule.
    assert!(syncer.run_due(now, true).await.expect("tick").is_empty());
    let started = syncer.run_due(now + 61 * 60_000_000, true).await.expect("tick");
    assert_eq!(started.len(), 1);
    let run = u.sync_run(started[0]).await.expect("run");
    assert_eq!(
        (run.source, run.trigger, run.outcome),
        (Source::TopProducer, crm_api::integrations::Trigger::Scheduled, RunOutcome::Succeeded)
    );
    // Due again an interval after that run began, not before.
    assert!(syncer.run_due(now + 59 * 60_000_000, true).await.expect("tick").is_empty());
    db.close().await;
}

/// The real server in a process of its own, on `database_url`, its connectors at `sim`.
fn spawn_server(database_url: &str, sim: &Sim, port: u16) -> tokio::process::Child {
    spawn_server_with(database_url, sim, port, "2")
}

/// [`spawn_server`] with runs' leases of `lease_secs`.
fn spawn_server_with(database_url: &str, sim: &Sim, port: u16, lease_secs: &str) -> tokio::process::Child {
    let env = [("BRIVITY_BASE_URL", sim.brivity_url()), ("CRM_SYNC_LEASE_SECS", lease_secs.to_string())];
    crm_tests::spawn_server(database_url, port, &env)
}

/// A new user of the server at `base`, their Brivity account connected.
async fn agent_of(base: &str, who: &str) -> Client {
    let session = Client::new(base)
        .expect("client")
        .register(&crm_api::auth::RegisterRequest {
            email: format!("{who}@example.com"),
            password: "correct horse battery".into(),
            name: None,
        })
        .await
        .expect("register");
    let u = Client::new(base).expect("client").with_token(session.token);
    connect_brivity(&u, &SimConfig::default().brivity_key).await;
    u
}

async fn a_server_killed_mid_sync_leaves_exactly_the_people_after_the_next_sync(b: Backend) {
    let sim = Sim::start(SimConfig { people: 50_000, ..SimConfig::default() }).await.expect("sim");
    let (url, dir) = fresh_database(b).await.expect("database");
    let port = crm_tests::free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = spawn_server(&url, &sim, port);
    crm_tests::wait_ready(&base).await;
    let u = agent_of(&base, "killed").await;
    let run = u.sync_brivity(false).await.expect("sync").runs[0].id;

    // Killed once a fifth of the people are in, in the middle of the run.
    let midway = crm_tests::eventually(|| async { u.sync_run(run).await.is_ok_and(|r| r.fetched >= 10_000) }).await;
    assert!(midway, "the sync got going");
    server.kill().await.expect("kill -9");
    let written = u.sync_run(run).await;
    assert!(written.is_err(), "the server is gone");

    // The database the killed server left passes every check.
    let (passed, out) = crm_tests::db_command(&url, crm_server::ops::DbCommand::Verify).await;
    assert!(passed, "db verify after kill -9 mid-sync:\n{out}");

    let mut server = spawn_server(&url, &sim, port);
    crm_tests::wait_ready(&base).await;
    let interrupted = u.sync_run(run).await.expect("the run");
    assert!(interrupted.fetched < 65_000, "killed before the end: {interrupted:?}");
    // Its lease outlives it by up to 2 s; then the next run takes over.
    let mut next = None;
    for _ in 0..50 {
        match u.sync_brivity(false).await {
            Ok(started) => {
                next = started.runs.into_iter().next();
                break;
            }
            Err(e) if e.to_string().contains("already running") => tokio::time::sleep(Duration::from_millis(200)).await,
            Err(e) => panic!("sync after the restart: {e}"),
        }
    }
    let id = next.expect("a sync after the restart").id;
    let mut next = u.sync_run(id).await.expect("run");
    for _ in 0..600 {
        if next.outcome != RunOutcome::Running {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        next = u.sync_run(id).await.expect("run");
    }
    assert_eq!(next.outcome, RunOutcome::Succeeded, "{next:?}");
    let people = sim.brivity_people();
    assert_eq!(total::<Contacts>(&u).await as usize, people_counts(&people), "every person once, none twice");
    assert_eq!(total::<Deals>(&u).await as usize, sim.brivity_transactions().len());
    let old = u.sync_run(run).await.expect("the killed run");
    assert_eq!(old.outcome, RunOutcome::Failed);
    assert!(old.errors.iter().any(|e| e.contains("interrupted")), "{old:?}");
    server.kill().await.expect("stop");
    let (passed, out) = crm_tests::db_command(&url, crm_server::ops::DbCommand::Verify).await;
    assert!(passed, "db verify after the re-run:\n{out}");
    drop(dir);
}

/// SIGTERM while a sync runs: the server stops within seconds, the run recorded as
/// interrupted with its lease freed (no waiting for it to expire), the pages written kept; the
/// next sync starts at once and ends with exactly the people.
async fn a_server_stopped_mid_sync_ends_the_run_at_a_page_and_the_next_sync_goes_on_at_once(b: Backend) {
    let sim = Sim::start(SimConfig { people: 20_000, ..SimConfig::default() }).await.expect("sim");
    sim.set_faults(Faults { latency_ms: 20, ..Faults::default() });
    let (url, dir) = fresh_database(b).await.expect("database");
    let port = crm_tests::free_port();
    let base = format!("http://127.0.0.1:{port}");
    // A lease far longer than the test: only a freed one lets the next run start at once.
    let mut server = spawn_server_with(&url, &sim, port, "600");
    crm_tests::wait_ready(&base).await;
    let u = agent_of(&base, "stopped").await;
    let run = u.sync_brivity(false).await.expect("sync").runs[0].id;
    let midway = crm_tests::eventually(|| async { u.sync_run(run).await.is_ok_and(|r| r.fetched >= 2_000) }).await;
    assert!(midway, "the sync got going");

    let pid = server.id().expect("pid").to_string();
    let term = std::process::Command::new("kill").args(["-TERM", &pid]).status().expect("kill -TERM");
    assert!(term.success());
    let stopped = tokio::time::timeout(Duration::from_secs(30), server.wait()).await;
    let status = stopped.expect("stopped within 30 s").expect("exit status");
    assert!(status.success(), "a clean exit: {status}");

    let (passed, out) = crm_tests::db_command(&url, crm_server::ops::DbCommand::Verify).await;
    assert!(passed, "db verify after SIGTERM mid-sync:\n{out}");
    let mut server = spawn_server_with(&url, &sim, port, "600");
    crm_tests::wait_ready(&base).await;
    let ended = u.sync_run(run).await.expect("the run");
    assert_eq!(ended.outcome, RunOutcome::Failed, "{ended:?}");
    assert!(ended.errors.iter().any(|e| e.contains("server stopped")), "{ended:?}");
    assert!(ended.fetched > 0 && ended.fetched < 20_000, "stopped midway: {ended:?}");
    // No lease to wait out.
    let next = u.sync_brivity(true).await.expect("a sync starts at once").runs.remove(0);
    assert_eq!(next.outcome, RunOutcome::Succeeded, "{next:?}");
    let people = sim.brivity_people();
    assert_eq!(total::<Contacts>(&u).await as usize, people_counts(&people), "every person once, none twice");
    server.kill().await.expect("stop");
    drop(dir);
}

/// Two replicas on one PostgreSQL: a sync asked of both at once runs once, and either serves
/// its status.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_run_one_sync_of_a_source_at_a_time() {
    if !crm_tests::pg_available() {
        return;
    }
    let sim = Sim::start(SimConfig { people: 1500, ..SimConfig::default() }).await.expect("sim");
    sim.set_faults(Faults { latency_ms: 150, ..Faults::default() });
    let (url, _) = fresh_database(Backend::Postgres).await.expect("database");
    let one = TestServer::start_with(Backend::Postgres, &url, |c| configure(c, &sim)).await;
    let two = TestServer::start_with(Backend::Postgres, &url, |c| configure(c, &sim)).await;
    let via_one = one.user("replicated").await;
    let via_two = Client::new(&two.base).expect("client").with_token(via_one.token().unwrap_or_default().to_string());
    connect_brivity(&via_one, &SimConfig::default().brivity_key).await;
    let path = "/api/crm/integrations/sync/brivity";
    let (a, b) = tokio::join!(
        probe::send(via_one.request(Method::POST, path)),
        probe::send(via_two.request(Method::POST, path))
    );
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [202, 409], "{a}\n{b}");
    let started = if a.status == 202 { &a } else { &b };
    let id = started.body["runs"][0]["id"].as_i64().expect("run id");
    let running = via_two.sync_status().await.expect("status").sources[0].running;
    assert_eq!(running, Some(id), "the other replica sees the run");
}

async fn rotating_the_key_file_seals_every_secret_again(b: Backend) {
    let sim = Sim::start(SimConfig { people: 10, ..SimConfig::default() }).await.expect("sim");
    let (url, dir) = fresh_database(b).await.expect("database");
    let keys = tempfile::tempdir().expect("a directory for the key");
    let key_file = keys.path().join("encryption.key");
    let with_file = |c: &mut crm_server::Config| {
        configure(c, &sim);
        c.encryption = crm_server::secrets::KeySource::File(key_file.clone());
    };
    let s = TestServer::start_with(b, &url, with_file).await;
    let u = s.user("agent").await;
    connect_brivity(&u, &SimConfig::default().brivity_key).await;
    let token = u.token().unwrap_or_default().to_string();
    s.stop().await;
    let before = std::fs::read_to_string(&key_file).expect("a key file was made");

    let mut config = crm_tests::test_config(&url);
    with_file(&mut config);
    let done = crm_server::keys::rotate(&config).await.expect("rotate");
    assert_eq!((done.resealed, done.unreadable), (1, 0));
    let after = std::fs::read_to_string(&key_file).expect("the key file");
    assert_ne!(before, after, "a new key");
    assert!(!crm_server::secrets::next_key_file(&key_file).exists(), "the rotation finished");

    // Under the new key alone the secret opens, and a sync works.
    let t = TestServer::start_with(b, &url, with_file).await.keeping(dir);
    let v = t.anon().with_token(token);
    assert_eq!(v.integration_accounts().await.expect("accounts")[0].credentials, Credentials::Stored);
    assert_eq!(sync(&v, Source::Brivity).await.outcome, RunOutcome::Succeeded);
}

/// The e-mails of every live contact of the user, lower-cased, with how many contacts have each.
async fn contacts_per_email(u: &Client) -> std::collections::HashMap<String, usize> {
    let mut out = std::collections::HashMap::new();
    let mut cursor = None;
    loop {
        let p = ListParams { limit: Some(1000), cursor: cursor.clone(), ..Default::default() };
        let page = u.list::<Contacts>(&p).await.expect("list");
        for c in &page.data {
            if let Some(e) = &c.email {
                *out.entry(e.trim().to_lowercase()).or_default() += 1;
            }
        }
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => return out,
        }
    }
}

/// The last person of a page and the first of the next share an e-mail (in another case):
/// pages of a first sync written side by side (PostgreSQL) would each create a contact of it.
async fn people_of_one_email_on_two_pages_are_one_contact(b: Backend) {
    let page = 500;
    let sim = Sim::start(SimConfig { people: 4 * page, brivity_twins_every: Some(page), ..SimConfig::default() })
        .await
        .expect("sim");
    let s = server(b, &sim).await;
    let u = s.user("agent").await;
    connect_brivity(&u, &SimConfig::default().brivity_key).await;
    let people = sim.brivity_people();
    let twins = (1..4).map(|k| people[k * page]["email_address"].as_str().expect("an e-mail").to_lowercase());
    let twins: Vec<String> = twins.collect();

    let run = sync(&u, Source::Brivity).await;
    assert_eq!(run.outcome, RunOutcome::Succeeded, "{run:?}");
    assert_eq!(run.failed, 0, "{:?}", run.errors);
    assert_eq!(total::<Contacts>(&u).await as usize, people_counts(&people));
    let per_email = contacts_per_email(&u).await;
    for e in &twins {
        assert_eq!(per_email.get(e), Some(&1), "{e}: one contact for the people of two pages");
    }
    assert!(per_email.values().all(|n| *n == 1), "no e-mail has two contacts");
    let (passed, out) = db_command(&s.database_url, crm_server::ops::DbCommand::Verify).await;
    assert!(passed, "db verify after the sync:\n{out}");
}

/// Batches matching contacts on e-mail sent while a first sync writes its pages (side by side
/// on PostgreSQL): whichever writes first, each e-mail ends as one contact, and the figures
/// agree with the records. The pool is as small as lets pages go side by side (two pages and
/// the lock's transaction, and one more): batches waiting for the lock hold the rest, and the
/// pages must not wait for them.
async fn an_import_while_a_first_sync_writes_makes_no_second_contact_of_an_email(b: Backend) {
    let sim = Sim::start(SimConfig { people: 3000, ..SimConfig::default() }).await.expect("sim");
    let (url, dir) = fresh_database(b).await.expect("database");
    let s = TestServer::start_with(b, &url, |c| {
        configure(c, &sim);
        c.max_connections = 4;
    })
    .await
    .keeping(dir);
    let u = s.user("agent").await;
    connect_brivity(&u, &SimConfig::default().brivity_key).await;
    let people = sim.brivity_people();
    // Every tenth person with an e-mail, upper-cased, and 100 people the source does not have.
    let mut records: Vec<serde_json::Value> = people
        .iter()
        .filter_map(|p| p["email_address"].as_str())
        .step_by(10)
        .map(|e| serde_json::json!({"name": "Imported", "email": e.to_uppercase(), "company": "Local"}))
        .collect();
    records
        .extend((0..100).map(|i| serde_json::json!({"name": "Only here", "email": format!("only{i}@local.example")})));

    // Each batch has e-mails of every page of the sync, and three are in flight at a time:
    // any batch written while a page is has e-mails of that page.
    let batches = 16;
    let batches: Vec<Vec<serde_json::Value>> =
        (0..batches).map(|j| records.iter().skip(j).step_by(batches).cloned().collect()).collect();
    let started = u.sync_source(Source::Brivity, false).await.expect("sync starts");
    let run_id = started.runs.first().expect("a run").id;
    let senders: Vec<_> = (0..3)
        .map(|k| {
            let (u, mine) = (u.clone(), batches.iter().skip(k).step_by(3).cloned().collect::<Vec<_>>());
            tokio::spawn(async move {
                for records in mine {
                    let req = crm_api::batch::BatchRequest { records, ..Default::default() };
                    let answer = u.batch::<Contacts>(&req).await.expect("batch");
                    assert_eq!(answer.failed, 0, "{answer:?}");
                }
            })
        })
        .collect();
    for s in senders {
        s.await.expect("the batches were sent");
    }
    let ended = crm_tests::eventually(|| async {
        let status = u.sync_status().await.expect("status");
        status.sources.iter().any(|x| x.source == Source::Brivity && x.running.is_none())
    })
    .await;
    assert!(ended, "the sync ended");
    let status = u.sync_status().await.expect("status");
    let last = status.sources.iter().find(|x| x.source == Source::Brivity).and_then(|x| x.last_run.clone());
    let last = last.expect("a last run");
    assert_eq!((last.id, last.outcome), (run_id, RunOutcome::Succeeded), "{last:?}");
    assert_eq!(last.failed, 0, "{:?}", last.errors);

    let per_email = contacts_per_email(&u).await;
    let twice: Vec<_> = per_email.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "e-mails with two contacts: {twice:?}");
    assert_eq!(total::<Contacts>(&u).await as usize, people_counts(&people) + 100);
    let (passed, out) = db_command(&s.database_url, crm_server::ops::DbCommand::Verify).await;
    assert!(passed, "db verify after the sync and the import:\n{out}");
}
