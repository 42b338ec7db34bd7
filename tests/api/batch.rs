use crm_api::ListParams;
use crm_api::batch::{BatchRequest, MatchOn, Outcome};
use crm_api::client::Client;
use crm_api::resource::{Contacts, Deals};
use crm_tests::{Backend, TestServer, backend_tests};
use serde_json::{Value, json};

backend_tests!(
    contact_batch_upserts_on_email_case_insensitively_and_reruns_change_nothing,
    invalid_records_fail_with_reasons_and_the_rest_are_written,
    dry_run_reports_and_writes_nothing,
    batches_match_on_id_and_refuse_other_users_links,
    batches_are_limited_to_1000_records,
    concurrent_batches_with_one_new_email_create_it_once,
    import_batches_apply_once_and_join_only_their_import,
    batch_creates_write_what_single_creates_write,
    import_batches_apply_in_order_whatever_order_they_arrive_in,
    search_follows_every_kind_of_write,
    a_batch_whose_predecessor_never_comes_is_refused_unapplied,
);

fn req(records: Vec<Value>) -> BatchRequest {
    BatchRequest { records, match_on: None, dry_run: false, ..Default::default() }
}

async fn count(u: &Client) -> i64 {
    u.list::<Contacts>(&ListParams { total: Some(true), limit: Some(1), ..Default::default() })
        .await
        .expect("list")
        .total
        .expect("total")
}

async fn contact_batch_upserts_on_email_case_insensitively_and_reruns_change_nothing(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("batch").await;
    let records: Vec<Value> = (0..300)
        .map(|i| json!({ "name": format!("Person {i}"), "email": format!("p{i}@example.com"), "status": "lead" }))
        .collect();
    let first = u.batch::<Contacts>(&req(records.clone())).await.expect("batch");
    assert_eq!((first.created, first.updated, first.unchanged, first.failed), (300, 0, 0, 0));
    assert!(first.results.iter().enumerate().all(|(i, r)| r.index == i && r.id.is_some()));

    let again = u.batch::<Contacts>(&req(records)).await.expect("rerun");
    assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 300), "a rerun rewrites nothing");
    assert_eq!(count(&u).await, 300);

    let changed = vec![
        json!({ "name": "Person 0", "email": "P0@EXAMPLE.COM", "status": "customer" }),
        json!({ "name": "New", "email": "dup@example.com" }),
        json!({ "name": "New again", "email": "DUP@example.com" }),
    ];
    let r = u.batch::<Contacts>(&req(changed)).await.expect("upsert");
    assert_eq!(r.results[0].outcome, Outcome::Updated);
    assert_eq!(r.results[0].id, first.results[0].id, "matched case-insensitively");
    assert_eq!(r.results[1].outcome, Outcome::Created);
    assert_eq!(r.results[2].outcome, Outcome::Updated, "a duplicate e-mail within one batch updates, not duplicates");
    assert_eq!(r.results[2].id, r.results[1].id);
    assert_eq!(count(&u).await, 301);
}

async fn invalid_records_fail_with_reasons_and_the_rest_are_written(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("mixed").await;
    let records = vec![
        json!({ "name": "Good 1" }),
        json!({ "name": "Bad rating", "rating": 9 }),
        json!({ "name": "Bad email", "email": "nope" }),
        json!({ "nmae": "typo" }),
        json!("not an object"),
        json!({ "name": "Good 2", "status": "PROSPECT" }),
    ];
    let r = u.batch::<Contacts>(&req(records)).await.expect("batch");
    let outcomes: Vec<_> = r.results.iter().map(|x| x.outcome).collect();
    use Outcome::*;
    assert_eq!(outcomes, vec![Created, Failed, Failed, Failed, Failed, Created]);
    assert_eq!(r.results[1].errors[0].field, "rating");
    assert_eq!(r.results[2].errors[0].field, "email");
    assert_eq!(r.results[3].errors[0].field, "nmae");
    assert_eq!(r.results[4].errors[0].field, "record");
    assert_eq!(count(&u).await, 2);
}

async fn dry_run_reports_and_writes_nothing(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("dry").await;
    u.batch::<Contacts>(&req(vec![json!({ "name": "A", "email": "a@example.com" })])).await.expect("seed");
    let audit_before = u
        .audit(&crm_api::params::AuditParams { limit: Some(1000), ..Default::default() })
        .await
        .expect("audit")
        .data
        .len();
    let plan = BatchRequest {
        records: vec![
            json!({ "name": "A2", "email": "a@example.com" }),
            json!({ "name": "B" }),
            json!({ "rating": 1 }),
        ],
        match_on: Some(MatchOn::Email),
        dry_run: true,
        ..Default::default()
    };
    let r = u.batch::<Contacts>(&plan).await.expect("dry run");
    assert!(r.dry_run);
    assert_eq!((r.created, r.updated, r.unchanged, r.failed), (1, 1, 0, 1));
    assert_eq!(count(&u).await, 1);
    let a = u.list::<Contacts>(&ListParams::default()).await.expect("list").data;
    assert_eq!(a[0].name, "A", "nothing was written");
    let audit_after = u
        .audit(&crm_api::params::AuditParams { limit: Some(1000), ..Default::default() })
        .await
        .expect("audit")
        .data
        .len();
    assert_eq!(audit_before, audit_after);
}

async fn batches_match_on_id_and_refuse_other_users_links(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("ids").await;
    let other = s.user("other").await;
    let theirs =
        other.batch::<Contacts>(&req(vec![json!({ "name": "Theirs" })])).await.expect("other's contact").results[0]
            .id
            .expect("id");
    let mine = u.batch::<Deals>(&req(vec![json!({ "name": "Deal", "amount": "10.00" })])).await.expect("deal").results
        [0]
    .id
    .expect("id");
    let r = u
        .batch::<Deals>(&BatchRequest {
            records: vec![
                json!({ "id": mine, "stage": "proposal" }),
                json!({ "id": 999_999, "name": "x" }),
                json!({ "id": mine, "contact_id": theirs }),
                json!({ "name": "no id" }),
            ],
            match_on: Some(MatchOn::Id),
            dry_run: false,
            ..Default::default()
        })
        .await
        .expect("batch");
    let outcomes: Vec<_> = r.results.iter().map(|x| x.outcome).collect();
    assert_eq!(outcomes, vec![Outcome::Updated, Outcome::Failed, Outcome::Failed, Outcome::Failed]);
    assert_eq!(r.results[2].errors[0].field, "contact_id");
    let deal = u.get::<Deals>(mine).await.expect("deal").record;
    assert_eq!(deal.stage, "Proposal");
    assert_eq!(deal.contact_id, None);
    assert_eq!(u.deal_history(mine).await.expect("history").len(), 2, "batch updates record stage changes");
    let err = u
        .batch::<Deals>(&BatchRequest {
            records: vec![],
            match_on: Some(MatchOn::Email),
            dry_run: false,
            ..Default::default()
        })
        .await
        .expect_err("email matching is for contacts");
    assert_eq!(err.status(), Some(400));
}

async fn batches_are_limited_to_1000_records(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("big").await;
    let records: Vec<Value> = (0..1001).map(|i| json!({ "name": format!("N{i}") })).collect();
    let err = u.batch::<Contacts>(&req(records)).await.expect_err("too many");
    assert_eq!(err.status(), Some(422));
    assert_eq!(count(&u).await, 0);
}

/// Batches in flight at once (an import sends several) that share a new e-mail: one creates
/// the contact, the others update it; never two contacts.
async fn concurrent_batches_with_one_new_email_create_it_once(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("race").await;
    let mut tasks = Vec::new();
    for i in 0..8 {
        let u = u.clone();
        tasks.push(tokio::spawn(async move {
            let records =
                (0..50).map(|j| json!({"name": format!("Same {i}-{j}"), "email": "same@example.com"})).collect();
            u.batch::<Contacts>(&req(records)).await.expect("batch")
        }));
    }
    let mut created = 0;
    for t in tasks {
        created += t.await.expect("task").created;
    }
    assert_eq!(created, 1);
    assert_eq!(count(&u).await, 1);
}

async fn import_batches_apply_once_and_join_only_their_import(b: Backend) {
    use crm_api::imports::Import;
    let s = TestServer::start(b).await;
    let u = s.user("imports").await;
    let other = s.user("imports-other").await;
    let id = crm_tests::start_import(&u, "contacts", "file.csv").await;
    let batch = |seq: i64, name: &str| {
        crm_tests::import_batch(
            id,
            seq,
            MatchOn::None,
            vec![json!({"name": name}), json!({"name": "Bad", "rating": 9})],
        )
    };
    let first = u.batch::<Contacts>(&batch(0, "Once")).await.expect("batch");
    assert_eq!((first.created, first.failed), (1, 1));
    // Sent again, even with other records: the first answer, nothing applied.
    let again = u.batch::<Contacts>(&batch(0, "Twice")).await.expect("again");
    assert_eq!(again, first);
    assert_eq!(count(&u).await, 1);
    u.batch::<Contacts>(&batch(1, "Next")).await.expect("seq 1");
    assert_eq!(count(&u).await, 2);
    let shown: Import = u
        .request(reqwest::Method::GET, &format!("/api/crm/imports/{id}"))
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("import");
    assert_eq!((shown.batches, shown.created, shown.failed), (2, 2, 2));
    // Another user's import, or another entity's batch endpoint: refused, nothing written.
    let err = other.batch::<Contacts>(&batch(2, "Theirs")).await.expect_err("not theirs");
    assert_eq!(err.status(), Some(404), "{err}");
    // The request is well formed; the import it names is of contacts: a conflict with state.
    let err = u.batch::<Deals>(&batch(2, "Deal")).await.expect_err("wrong entity");
    assert_eq!(err.status(), Some(409), "{err}");
    assert!(err.to_string().contains("not deals"), "{err}");
    let half = BatchRequest { seq: None, ..batch(3, "Half") };
    assert_eq!(u.batch::<Contacts>(&half).await.expect_err("seq without import").status(), Some(422));
    assert_eq!(count(&u).await, 2);
    assert_eq!(count(&other).await, 0);
}

/// A record created in a batch (written with others in one statement) is stored, audited and,
/// for deals, given its first stage change exactly as a single create does.
async fn batch_creates_write_what_single_creates_write(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("same").await;
    let new = crm_api::contacts::NewContact { name: "Link".into(), ..Default::default() };
    let contact = u.create::<Contacts>(&new).await.expect("contact").record.id;
    let bodies = [
        ("contacts", json!({"name": "Ann", "email": "ann@example.com", "rating": 4, "status": "customer"})),
        (
            "opportunities",
            json!({"name": "Opp", "value": "10.50", "contact_id": contact, "expected_close_date": "2027-01-31"}),
        ),
        (
            "deals",
            json!({"name": "Deal", "amount": "99.00", "currency": "eur", "stage": "proposal", "contact_id": contact}),
        ),
        ("activities", json!({"type": "call", "completed": true, "description": "Done", "contact_id": contact})),
        ("activities", json!({"type": "email", "due_date": "2027-02-01"})),
    ];
    let strip = |mut v: Value| {
        if let Some(m) = v.as_object_mut() {
            for k in ["id", "created_at", "updated_at", "completed_at", "stage_entered_at"] {
                if k == "completed_at" {
                    assert!(m.get(k).is_none_or(|t| t.is_string() == m.get("completed").is_some_and(|c| c == true)));
                }
                m.remove(k);
            }
        }
        v
    };
    for (entity, body) in bodies {
        let single = probe_post(&u, entity, &body).await;
        let path = format!("/api/crm/{entity}/batch");
        let resp: Value = u
            .request(reqwest::Method::POST, &path)
            .json(&json!({"records": [body.clone(), body.clone()], "match": "none"}))
            .send()
            .await
            .expect("batch")
            .json()
            .await
            .expect("json");
        assert_eq!(resp["created"], 2, "{entity}: {resp}");
        let id = resp["results"][1]["id"].as_i64().expect("id");
        let batched: Value = u
            .request(reqwest::Method::GET, &format!("/api/crm/{entity}/{id}"))
            .send()
            .await
            .expect("get")
            .json()
            .await
            .expect("json");
        assert_eq!(strip(batched.clone()), strip(single.clone()), "{entity}");
        let name = match entity {
            "opportunities" => "opportunity".to_string(),
            "activities" => "activity".to_string(),
            other => other.trim_end_matches('s').to_string(),
        };
        let audit = |id: i64| {
            let u = u.clone();
            let name = name.clone();
            async move {
                let page = u
                    .request(reqwest::Method::GET, "/api/crm/audit")
                    .query(&[("entity", name.as_str()), ("entity_id", id.to_string().as_str())])
                    .send()
                    .await
                    .expect("audit")
                    .json::<Value>()
                    .await
                    .expect("json");
                page["data"].as_array().cloned().unwrap_or_default()
            }
        };
        let (a1, a2) = (audit(single["id"].as_i64().expect("id")).await, audit(id).await);
        assert_eq!(a1.len(), 1, "{entity}: {a1:?}");
        assert_eq!(a2.len(), 1, "{entity}: {a2:?}");
        let changes = |e: &Value| {
            let mut c = e["changes"].clone();
            if let Some(m) = c.as_object_mut() {
                m.remove("completed_at");
                m.remove("stage_entered_at");
            }
            c
        };
        assert_eq!(changes(&a1[0]), changes(&a2[0]), "{entity} audit");
        if entity == "deals" {
            let h = u.deal_history(id).await.expect("history");
            assert_eq!(h.len(), 1);
            assert_eq!((h[0].from_stage.as_deref(), h[0].to_stage.as_str()), (None, "Proposal"));
        }
    }
}

async fn probe_post(u: &Client, entity: &str, body: &Value) -> Value {
    let resp = u.request(reqwest::Method::POST, &format!("/api/crm/{entity}")).json(body).send().await.expect("post");
    assert_eq!(resp.status(), 201, "{entity}");
    resp.json().await.expect("json")
}

/// Batch 1 of an import arriving before batch 0 waits for it, so that a later row with the
/// same e-mail updates the earlier one, as in the file.
async fn import_batches_apply_in_order_whatever_order_they_arrive_in(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("order").await;
    let id = crm_tests::start_import(&u, "contacts", "order.csv").await;
    let batch = |seq: i64, name: &str| {
        crm_tests::import_batch(id, seq, MatchOn::Email, vec![json!({"name": name, "email": "same@example.com"})])
    };
    let later = {
        let u = u.clone();
        let req = batch(1, "Second row");
        tokio::spawn(async move { u.batch::<Contacts>(&req).await.expect("seq 1") })
    };
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let first = u.batch::<Contacts>(&batch(0, "First row")).await.expect("seq 0");
    let second = later.await.expect("task");
    assert_eq!((first.created, second.updated), (1, 1));
    let all = u.list::<Contacts>(&ListParams::default()).await.expect("list").data;
    assert_eq!(all.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["Second row"]);
}

/// The word index follows creates, updates, batches and undone imports at once, and keeps
/// nothing of a write that was rolled back (a dry run), even when a later record gets its id.
async fn search_follows_every_kind_of_write(b: Backend) {
    use crm_api::contacts::{ContactPatch, NewContact};
    use reqwest::Method;
    let s = TestServer::start(b).await;
    let u = s.user("search-writes").await;
    let find = |q: &'static str| {
        let u = u.clone();
        async move {
            let params = ListParams { q: Some(q.into()), sort: Some("name".into()), ..Default::default() };
            let page = u.list::<Contacts>(&params).await.expect("search");
            page.data.into_iter().map(|c| c.name).collect::<Vec<_>>()
        }
    };
    // Single writes, many at once (so that the writer groups them).
    let mut creates = Vec::new();
    for i in 0..40 {
        let u = u.clone();
        creates.push(tokio::spawn(async move {
            u.create::<Contacts>(&NewContact { name: format!("Quokka{i} Single"), ..Default::default() }).await
        }));
    }
    let mut ids = Vec::new();
    for c in creates {
        ids.push(c.await.expect("task").expect("create").record.id);
    }
    assert_eq!(find("single").await.len(), 40);
    let patch = ContactPatch { name: Some("Renamed Wombat".into()), ..Default::default() };
    u.update::<Contacts>(ids[0], &patch, None).await.expect("update");
    assert_eq!(find("quokka0").await, Vec::<String>::new(), "the old words are gone");
    assert_eq!(find("wombat").await, vec!["Renamed Wombat"]);
    // A dry run writes and rolls back; the next record takes the id it had.
    let dry = BatchRequest { records: vec![json!({"name": "Phantom Zebra"})], dry_run: true, ..Default::default() };
    u.batch::<Contacts>(&dry).await.expect("dry run");
    let real = u.create::<Contacts>(&NewContact { name: "Real Person".into(), ..Default::default() }).await;
    real.expect("create");
    assert!(find("phantom").await.is_empty(), "a rolled-back write left words behind");
    assert_eq!(find("real").await, vec!["Real Person"]);
    // A batch with an invalid record in the middle.
    let records = vec![json!({"name": "Batch Alpaca"}), json!({"name": ""}), json!({"name": "Batch Llama"})];
    let r = u.batch::<Contacts>(&req(records)).await.expect("batch");
    assert_eq!((r.created, r.failed), (2, 1));
    assert_eq!(find("batch").await, vec!["Batch Alpaca", "Batch Llama"]);
    // An import, undone: its records leave the index.
    let id = crm_tests::start_import(&u, "contacts", "s.csv").await;
    let batch = crm_tests::import_batch(id, 0, MatchOn::None, vec![json!({"name": "Imported Narwhal"})]);
    u.batch::<Contacts>(&batch).await.expect("import batch");
    assert_eq!(find("narwhal").await, vec!["Imported Narwhal"]);
    let undo = u.request(Method::POST, &format!("/api/crm/imports/{id}/undo")).send().await.expect("undo");
    assert!(undo.status().is_success(), "{}", undo.status());
    assert!(find("narwhal").await.is_empty());
    // Everything else is still found.
    assert_eq!(find("single").await.len(), 39);
}

/// A batch of an import waits a few seconds for the one before it; when that one never comes
/// it is refused (409, batch-out-of-order) with nothing written, and goes through once its
/// predecessor has been applied.
async fn a_batch_whose_predecessor_never_comes_is_refused_unapplied(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("out-of-order").await;
    let import = u
        .create_import(&crm_api::imports::NewImport { entity: "contacts".into(), name: "late.csv".into() })
        .await
        .expect("import");
    let batch = |seq: i64, name: &str| BatchRequest {
        records: vec![json!({ "name": name, "email": format!("{}@example.com", name.to_lowercase()) })],
        import_id: Some(import.id),
        seq: Some(seq),
        ..Default::default()
    };
    let started = std::time::Instant::now();
    let err = u.batch::<Contacts>(&batch(1, "Second")).await.expect_err("out of order");
    assert_eq!(err.status(), Some(409), "{err}");
    assert_eq!(err.problem().map(|p| p.kind.as_str()), Some(crm_api::error::BATCH_OUT_OF_ORDER));
    assert!(started.elapsed() >= std::time::Duration::from_secs(4), "refused without waiting for its predecessor");
    assert_eq!(count(&u).await, 0, "nothing of the refused batch is written");
    u.batch::<Contacts>(&batch(0, "First")).await.expect("first");
    let second = u.batch::<Contacts>(&batch(1, "Second")).await.expect("second, in its turn");
    assert_eq!(second.created, 1);
    assert_eq!(count(&u).await, 2);
}
