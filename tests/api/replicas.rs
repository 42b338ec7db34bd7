//! Several `crm-server` replicas on one PostgreSQL database behave as one server: nothing a
//! request needs lives only in one process's memory.

use crm_api::ListParams;
use crm_api::auth::NewApiToken;
use crm_api::client::Client;
use crm_api::contacts::{ContactPatch, NewContact};
use crm_api::resource::Contacts;
use crm_tests::{Backend, TestServer, pg_available};

async fn two_replicas() -> Option<(TestServer, TestServer)> {
    if !pg_available() {
        return None;
    }
    let a = TestServer::start(Backend::Postgres).await;
    let b = TestServer::start_on(Backend::Postgres, &a.database_url).await;
    Some((a, b))
}

/// The same user's client pointed at another replica.
fn on(server: &TestServer, client: &Client) -> Client {
    Client::new(&server.base).expect("client").with_token(client.token().expect("token"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_through_one_replica_are_read_through_the_other_at_once() {
    let Some((a, b)) = two_replicas().await else { return };
    let via_a = a.user("replicated").await;
    let via_b = on(&b, &via_a);
    for i in 0..20 {
        let c = via_a
            .create::<Contacts>(&NewContact { name: format!("R{i}"), ..Default::default() })
            .await
            .expect("create");
        let read = via_b.get::<Contacts>(c.record.id).await.expect("read on the other replica");
        assert_eq!(read.record, c.record);
        assert_eq!(read.etag, c.etag);
    }
    let page = via_b.list::<Contacts>(&ListParams { total: Some(true), ..Default::default() }).await.expect("list");
    assert_eq!(page.total, Some(20));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_revoked_on_one_replica_is_refused_by_both() {
    let Some((a, b)) = two_replicas().await else { return };
    let user = a.user("revoker").await;
    let created = user.create_token(&NewApiToken { name: "cron".into(), expires_in_days: None }).await.expect("token");
    let script_a = Client::new(&a.base).expect("client").with_token(&created.token);
    let script_b = Client::new(&b.base).expect("client").with_token(&created.token);
    script_a.me().await.expect("works on A");
    script_b.me().await.expect("works on B");
    on(&b, &user).revoke_token(created.info.id).await.expect("revoke on B");
    assert_eq!(script_a.me().await.expect_err("A refuses").status(), Some(401));
    assert_eq!(script_b.me().await.expect_err("B refuses").status(), Some(401));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_conditional_updates_through_both_replicas_never_lose_an_update() {
    let Some((a, b)) = two_replicas().await else { return };
    let user = a.user("counter").await;
    let clients = [user.clone(), on(&b, &user)];
    let id = user
        .create::<Contacts>(&NewContact { name: "Counter".into(), notes: Some("0".into()), ..Default::default() })
        .await
        .expect("create")
        .record
        .id;
    const WORKERS: usize = 8;
    const INCREMENTS: usize = 10;
    let mut tasks = Vec::new();
    for w in 0..WORKERS {
        let client = clients[w % 2].clone();
        tasks.push(tokio::spawn(async move {
            let mut conflicts = 0;
            for _ in 0..INCREMENTS {
                loop {
                    let cur = client.get::<Contacts>(id).await.expect("get");
                    let n: u64 = cur.record.notes.as_deref().unwrap_or("0").parse().expect("counter");
                    let patch = ContactPatch { notes: Some(Some((n + 1).to_string())), ..Default::default() };
                    match client.update::<Contacts>(id, &patch, cur.etag.as_deref()).await {
                        Ok(_) => break,
                        Err(e) if e.status() == Some(412) => conflicts += 1,
                        Err(e) => panic!("update failed: {e}"),
                    }
                }
            }
            conflicts
        }));
    }
    let mut conflicts = 0;
    for t in tasks {
        conflicts += t.await.expect("task");
    }
    let end = user.get::<Contacts>(id).await.expect("get").record;
    let expected = WORKERS * INCREMENTS;
    assert_eq!(end.notes.as_deref(), Some(expected.to_string().as_str()), "{conflicts} conflicts were retried");
    assert_eq!(end.version, 1 + expected as i64);
    let audit = user
        .audit(&crm_api::params::AuditParams { limit: Some(1000), ..Default::default() })
        .await
        .expect("audit")
        .data
        .into_iter()
        .filter(|e| e.entity == "contact" && e.action == "update")
        .count();
    assert_eq!(audit, expected, "one audit row per applied update");
}
