//! The figures' sums, kept up to date in every write transaction, always equal a
//! recomputation from the records: after single and batch creates (backdated too), updates,
//! moves, deletes and restores, batch upserts, imports undone, and changes of stages that
//! reprice, redefine, reorder or delete them.

use chrono::{Duration, Utc};
use crm_api::batch::{BatchRequest, MatchOn};
use crm_api::client::Client;
use crm_api::imports::NewImport;
use crm_api::pipelines::{MoveRequest, StageDeleteParams, StagePatch};
use crm_api::resource::{Activities, Contacts, Deals, Opportunities, Resource};
use crm_server::db::Db;
use crm_server::store::sums;
use crm_tests::{Backend, TestServer, backend_tests};
use serde_json::{Value, json};

backend_tests!(the_sums_always_equal_a_recomputation);

async fn check(db: &Db, users: &[(i64, &str)], after: &str) {
    for (user, who) in users {
        let user = *user;
        let (stored, expected) = db
            .read(async |c| {
                Ok::<_, crm_server::error::ApiError>((sums::stored(c, user).await?, sums::expected(c, user).await?))
            })
            .await
            .expect("read the sums");
        assert_eq!(stored, expected, "{who}'s sums after {after}");
    }
}

async fn post(u: &Client, path: &str, body: Value) -> i64 {
    let resp = u.request(reqwest::Method::POST, path).json(&body).send().await.expect("post");
    assert_eq!(resp.status(), 201, "{path} {body}");
    resp.json::<Value>().await.expect("json")["id"].as_i64().expect("id")
}

async fn batch<R: Resource>(u: &Client, records: Vec<Value>, match_on: MatchOn, import: Option<(i64, i64)>) {
    let req = BatchRequest {
        records,
        match_on: Some(match_on),
        import_id: import.map(|i| i.0),
        seq: import.map(|i| i.1),
        ..Default::default()
    };
    let r = u.batch::<R>(&req).await.expect("batch");
    assert_eq!(r.failed, 0, "{:?}", r.results.iter().find(|x| !x.errors.is_empty()));
}

async fn the_sums_always_equal_a_recomputation(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("sums").await;
    let other = s.user("bystander").await;
    let db = crm_server::store::open(&s.database_url, 2).await.expect("db");
    let users = [(u.me().await.expect("me").id, "the user"), (other.me().await.expect("me").id, "the bystander")];
    post(&other, "/api/crm/deals", json!({"name": "Theirs", "amount": "5.00"})).await;
    check(&db, &users, "the start").await;

    // Single creates, some backdated, in several currencies and stages.
    let then = (Utc::now() - Duration::days(40)).to_rfc3339();
    let mut deals = Vec::new();
    for (i, (stage, currency, amount)) in
        [("Prospect", "USD", "100.00"), ("Proposal", "EUR", "2500.55"), ("Closed-Won", "GBP", "999999999999.99")]
            .into_iter()
            .enumerate()
    {
        let mut body = json!({"name": format!("D{i}"), "stage": stage, "currency": currency, "amount": amount,
            "close_date": "2027-01-15"});
        if i == 1 {
            body["created_at"] = json!(then);
            body["probability"] = json!(33);
        }
        deals.push(post(&u, "/api/crm/deals", body).await);
    }
    let opp = post(&u, "/api/crm/opportunities", json!({"name": "O", "value": "12.34", "stage": "negotiation"})).await;
    let contact = post(&u, "/api/crm/contacts", json!({"name": "C"})).await;
    let activity =
        post(&u, "/api/crm/activities", json!({"type": "Call", "deal_id": deals[0], "created_at": then})).await;
    check(&db, &users, "single creates").await;

    // Batches: creates, then upserts of the same records by id.
    batch::<Deals>(
        &u,
        (0..30).map(|i| json!({"name": format!("B{i}"), "amount": format!("{i}.01"), "stage": (["Prospect", "Qualification", "Closed-Lost"][i % 3]),
            "currency": (["USD", "EUR"][i % 2]), "close_date": format!("2027-0{}-01", 1 + i % 6), "created_at": then})).collect(),
        MatchOn::None,
        None,
    )
    .await;
    batch::<Contacts>(&u, (0..20).map(|i| json!({"name": format!("BC{i}")})).collect(), MatchOn::None, None).await;
    batch::<Activities>(
        &u,
        (0..20).map(|i| json!({"type": (["Email", "Task"][i % 2])})).collect(),
        MatchOn::None,
        None,
    )
    .await;
    batch::<Opportunities>(
        &u,
        (0..10).map(|i| json!({"name": format!("BO{i}"), "value": "1.00"})).collect(),
        MatchOn::None,
        None,
    )
    .await;
    check(&db, &users, "batch creates").await;
    batch::<Deals>(
        &u,
        deals.iter().map(|id| json!({"id": id, "amount": "7.77", "stage": "Negotiation", "currency": "USD"})).collect(),
        MatchOn::Id,
        None,
    )
    .await;
    check(&db, &users, "batch upserts").await;

    // Updates, moves (dated), deletes and restores.
    u.move_deal(deals[0], &MoveRequest { stage: Some("Closed-Won".into()), ..Default::default() }, None)
        .await
        .expect("move");
    let at = Utc::now();
    u.move_deal(deals[1], &MoveRequest { stage: Some("proposal".into()), at: Some(at), ..Default::default() }, None)
        .await
        .expect("move");
    for (id, body) in [
        (deals[2], json!({"amount": "1.00", "close_date": null})),
        (deals[1], json!({"probability": null, "currency": "eur"})),
        (deals[0], json!({"close_date": "2026-12-31", "probability": 80})),
    ] {
        let resp =
            u.request(reqwest::Method::PATCH, &format!("/api/crm/deals/{id}")).json(&body).send().await.expect("patch");
        assert_eq!(resp.status(), 200, "{body}");
    }
    let resp = u
        .request(reqwest::Method::PATCH, &format!("/api/crm/activities/{activity}"))
        .json(&json!({"type": "Meeting"}))
        .send()
        .await
        .expect("patch");
    assert_eq!(resp.status(), 200);
    u.move_opportunity(opp, &MoveRequest { stage: Some("Closed-Won".into()), ..Default::default() }, None)
        .await
        .expect("move");
    check(&db, &users, "updates and moves").await;
    u.delete::<Deals>(deals[1], None).await.expect("delete");
    u.delete::<Contacts>(contact, None).await.expect("delete");
    u.delete::<Activities>(activity, None).await.expect("delete");
    u.delete::<Opportunities>(opp, None).await.expect("delete");
    check(&db, &users, "deletes").await;
    u.restore::<Deals>(deals[1]).await.expect("restore");
    u.restore::<Activities>(activity).await.expect("restore");
    check(&db, &users, "restores").await;

    // An import, undone.
    let import = u.create_import(&NewImport { entity: "deals".into(), name: "x.csv".into() }).await.expect("import");
    batch::<Deals>(
        &u,
        (0..5).map(|i| json!({"name": format!("I{i}"), "amount": "3.00", "stage": "Proposal"})).collect(),
        MatchOn::None,
        Some((import.id, 0)),
    )
    .await;
    check(&db, &users, "an import").await;
    u.undo_import(import.id).await.expect("undo");
    check(&db, &users, "the import undone").await;

    // Stages repriced, redefined, reordered, renamed, deleted with their records moved.
    let p = u.list_pipelines().await.expect("pipelines").remove(0);
    let id = |name: &str| p.stages.iter().find(|s| s.name == name).map(|s| s.id).expect("stage");
    for (stage, patch) in [
        ("Qualification", StagePatch { probability: Some(35), ..Default::default() }),
        ("Negotiation", StagePatch { kind: Some(crm_api::StageKind::Won), ..Default::default() }),
        ("Proposal", StagePatch { position: Some(0), ..Default::default() }),
        ("Prospect", StagePatch { name: Some("Lead in".into()), ..Default::default() }),
    ] {
        u.update_stage(p.id, id(stage), &patch).await.expect("stage");
        check(&db, &users, &format!("a change of {stage}")).await;
    }
    u.delete_stage(p.id, id("Qualification"), &StageDeleteParams { move_to: Some("Closed-Lost".into()) })
        .await
        .expect("delete stage");
    check(&db, &users, "a stage deleted").await;

    // And the figures read the sums: the dashboard agrees with the records.
    let dash = u.dashboard(&Default::default()).await.expect("dashboard");
    let contacts = u
        .list::<Contacts>(&crm_api::ListParams { total: Some(true), ..Default::default() })
        .await
        .expect("contacts")
        .total;
    assert_eq!(Some(dash.total_contacts), contacts);
}
