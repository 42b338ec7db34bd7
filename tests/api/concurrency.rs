//! Many writes at once: on SQLite they share group commits, where one failing write must roll
//! back alone and every other must land exactly once.

use crm_api::ListParams;
use crm_api::deals::NewDeal;
use crm_api::resource::Deals;
use crm_tests::{Backend, TestServer, backend_tests};

backend_tests!(concurrent_writes_with_failures_in_between_land_exactly_once);

async fn concurrent_writes_with_failures_in_between_land_exactly_once(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("concurrent").await;
    let mut tasks = Vec::new();
    for i in 0..300i64 {
        let u = u.clone();
        tasks.push(tokio::spawn(async move {
            // Every third deal links to a contact that does not exist: 404, nothing written.
            let contact_id = if i % 3 == 0 { Some(999_999) } else { None };
            let new = NewDeal { name: format!("Deal {i}"), contact_id, ..Default::default() };
            u.create::<Deals>(&new).await.map(|t| t.record.id).map_err(|e| e.status())
        }));
    }
    let (mut ok, mut refused) = (Vec::new(), 0);
    for t in tasks {
        match t.await.expect("task") {
            Ok(id) => ok.push(id),
            Err(Some(404)) => refused += 1,
            Err(other) => panic!("unexpected failure: {other:?}"),
        }
    }
    assert_eq!((ok.len(), refused), (200, 100));
    ok.sort_unstable();
    ok.dedup();
    assert_eq!(ok.len(), 200, "every id distinct");
    let page = u
        .list::<Deals>(&ListParams { total: Some(true), limit: Some(1000), ..Default::default() })
        .await
        .expect("list");
    assert_eq!(page.total, Some(200));
    assert!(page.data.iter().all(|d| d.contact_id.is_none()));
    let audit =
        u.audit(&crm_api::params::AuditParams { limit: Some(1000), ..Default::default() }).await.expect("audit").data;
    assert_eq!(audit.iter().filter(|e| e.entity == "deal" && e.action == "create").count(), 200);
    for id in ok.iter().take(20) {
        assert_eq!(
            u.deal_history(*id).await.expect("history").len(),
            1,
            "the stage history of deal {id} landed with it"
        );
    }
}
