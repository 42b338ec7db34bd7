//! Pipelines and stages as data: the default pipeline, stages by name in any case, renames,
//! reorders and probability changes that records follow, moves dated `at`, backdated creates,
//! deleting a stage in use, several pipelines, and the bad input of each.

use chrono::{Duration, Utc};
use crm_api::client::Client;
use crm_api::deals::{Deal, DealPatch, NewDeal};
use crm_api::opportunities::NewOpportunity;
use crm_api::pipelines::{MoveRequest, NewPipeline, NewStage, PipelinePatch, StageDeleteParams, StagePatch};
use crm_api::resource::{Deals, Opportunities};
use crm_api::{ListParams, StageKind};
use crm_tests::{Backend, TestServer, backend_tests};
use serde_json::{Value, json};

backend_tests!(
    every_user_starts_with_the_seed_pipeline,
    stages_are_named_in_any_case_and_returned_canonically,
    renames_reorders_and_probability_changes_reach_the_records,
    moves_are_dated_and_checked,
    creates_and_imports_may_be_backdated,
    a_stage_in_use_is_deleted_only_with_a_target,
    several_pipelines_each_with_their_stages,
);

async fn deal(u: &Client, body: Value) -> Deal {
    let resp = u.request(reqwest::Method::POST, "/api/crm/deals").json(&body).send().await.expect("post");
    assert_eq!(resp.status(), 201, "{body}");
    resp.json().await.expect("a deal")
}

/// Status and body of a request.
async fn call(u: &Client, method: reqwest::Method, path: &str, body: Option<Value>) -> (u16, Value) {
    let mut rb = u.request(method, path);
    if let Some(b) = body {
        rb = rb.json(&b);
    }
    let resp = rb.send().await.expect("send");
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

/// The field the first error of a problem names.
fn field(problem: &Value) -> &str {
    problem["errors"][0]["field"].as_str().unwrap_or("")
}

async fn every_user_starts_with_the_seed_pipeline(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("seed").await;
    let all = u.list_pipelines().await.expect("pipelines");
    assert_eq!(all.len(), 1);
    let p = &all[0];
    assert!(p.is_default);
    let stages: Vec<(&str, i64, StageKind, i64)> =
        p.stages.iter().map(|s| (s.name.as_str(), s.probability, s.kind, s.position)).collect();
    assert_eq!(
        stages,
        [
            ("Prospect", 10, StageKind::Open, 0),
            ("Qualification", 20, StageKind::Open, 1),
            ("Proposal", 50, StageKind::Open, 2),
            ("Negotiation", 75, StageKind::Open, 3),
            ("Closed-Won", 100, StageKind::Won, 4),
            ("Closed-Lost", 0, StageKind::Lost, 5),
        ]
    );
    assert!(p.stages.iter().all(|s| s.rotting_days.is_none()));
    assert_eq!(u.list_stages(p.id).await.expect("stages"), p.stages);
    // A second user has a pipeline of their own.
    let other = s.user("other").await.list_pipelines().await.expect("pipelines");
    assert_ne!(other[0].id, p.id);
}

async fn stages_are_named_in_any_case_and_returned_canonically(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("names").await;
    let p = &u.list_pipelines().await.expect("pipelines")[0];
    let first = deal(&u, json!({"name": "Bare"})).await;
    assert_eq!(
        (first.stage.as_str(), first.stage_id, first.pipeline_id),
        ("Prospect", Some(p.stages[0].id), Some(p.id))
    );
    assert_eq!(first.probability, Some(10), "follows the stage");
    for spelled in ["closed won", "CLOSED_WON", "Closed-Won", "closedwon"] {
        let d = deal(&u, json!({"name": "Won", "stage": spelled})).await;
        assert_eq!((d.stage.as_str(), d.stage_id, d.probability), ("Closed-Won", Some(p.stages[4].id), Some(100)));
    }
    let by_id = deal(&u, json!({"name": "By id", "stage_id": p.stages[2].id})).await;
    assert_eq!(by_id.stage, "Proposal");
    // Filters match stage names the same way.
    let page = u
        .list::<Deals>(&ListParams { filter: Some("stage[eq]:\"closed won\"".into()), ..Default::default() })
        .await
        .expect("list");
    assert_eq!(page.data.len(), 4);
    // Unknown stage, or a name and an id that disagree: 422 naming the field, nothing written.
    let before = u.list::<Deals>(&ListParams::default()).await.expect("list").data.len();
    for (body, status, f) in [
        (json!({"name": "x", "stage": "Won"}), 404, "stage"),
        (json!({"name": "x", "stage": "Proposal", "stage_id": p.stages[0].id}), 409, "stage"),
        (json!({"name": "x", "stage": "x".repeat(101)}), 422, "stage"),
    ] {
        let (got, problem) = call(&u, reqwest::Method::POST, "/api/crm/deals", Some(body.clone())).await;
        assert_eq!((got, field(&problem)), (status, f), "{body}: {problem}");
    }
    let (status, problem) =
        call(&u, reqwest::Method::POST, "/api/crm/deals", Some(json!({"name": "x", "stage_id": 999_999}))).await;
    assert_eq!((status, field(&problem)), (404, "stage_id"), "{problem}");
    assert_eq!(u.list::<Deals>(&ListParams::default()).await.expect("list").data.len(), before);
}

async fn renames_reorders_and_probability_changes_reach_the_records(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("edits").await;
    let p = u.list_pipelines().await.expect("pipelines").remove(0);
    let proposal = p.stages[2].id;
    let follows = deal(&u, json!({"name": "Follows", "stage": "proposal"})).await;
    let explicit = deal(&u, json!({"name": "Explicit", "stage": "proposal", "probability": 33})).await;
    assert_eq!((follows.probability, explicit.probability), (Some(50), Some(33)));

    // Rename: the records carry the new name, filters and the history find it.
    let renamed = u
        .update_stage(p.id, proposal, &StagePatch { name: Some("Quote sent".into()), ..Default::default() })
        .await
        .expect("rename");
    assert_eq!(renamed.name, "Quote sent");
    let d = u.get::<Deals>(follows.id).await.expect("get").record;
    assert_eq!(d.stage, "Quote sent");
    assert!(d.version > follows.version, "the record changed, so did its version");
    let page = u
        .list::<Deals>(&ListParams { filter: Some("stage[eq]:\"quote sent\"".into()), ..Default::default() })
        .await
        .expect("list");
    assert_eq!(page.data.len(), 2);
    let h = u.deal_history(follows.id).await.expect("history");
    assert_eq!((h[0].to_stage.as_str(), h[0].to_stage_id), ("Quote sent", Some(proposal)), "named as it is called now");

    // Probability: records that follow the stage take the new one, the explicit one stays.
    u.update_stage(p.id, proposal, &StagePatch { probability: Some(60), ..Default::default() }).await.expect("prob");
    let d = u.get::<Deals>(follows.id).await.expect("get").record;
    let e = u.get::<Deals>(explicit.id).await.expect("get").record;
    assert_eq!((d.probability, e.probability), (Some(60), Some(33)));
    // Setting it to null makes it follow the stage again; setting it makes it explicit.
    let patch = DealPatch { probability: Some(None), ..Default::default() };
    let e = u.update::<Deals>(explicit.id, &patch, None).await.expect("unset").record;
    assert_eq!(e.probability, Some(60));
    let patch = DealPatch { probability: Some(Some(5)), ..Default::default() };
    u.update::<Deals>(follows.id, &patch, None).await.expect("set");
    u.update_stage(p.id, proposal, &StagePatch { probability: Some(70), ..Default::default() }).await.expect("prob");
    let d = u.get::<Deals>(follows.id).await.expect("get").record;
    let e = u.get::<Deals>(explicit.id).await.expect("get").record;
    assert_eq!((d.probability, e.probability), (Some(5), Some(70)));

    // Reorder: Negotiation first; positions stay 0..n.
    let negotiation = p.stages[3].id;
    u.update_stage(p.id, negotiation, &StagePatch { position: Some(0), ..Default::default() }).await.expect("move");
    let names: Vec<String> = u.list_stages(p.id).await.expect("stages").into_iter().map(|s| s.name).collect();
    assert_eq!(names, ["Negotiation", "Prospect", "Qualification", "Quote sent", "Closed-Won", "Closed-Lost"]);
    let positions: Vec<i64> = u.list_stages(p.id).await.expect("stages").into_iter().map(|s| s.position).collect();
    assert_eq!(positions, [0, 1, 2, 3, 4, 5]);
    let after = u.get_pipeline(p.id).await.expect("pipeline");
    assert!(after.version > p.version, "a stage change is a new version of the pipeline");

    // Two stages may not share a name (in any spelling); bad values name the field.
    let path = format!("/api/crm/pipelines/{}/stages/{negotiation}", p.id);
    for (body, status, f) in [
        (json!({"name": "closed won"}), 409, "name"),
        (json!({"probability": 101}), 422, "probability"),
        (json!({"rotting_days": 0}), 422, "rotting_days"),
        (json!({"kind": "maybe"}), 422, "kind"),
        (json!({"name": ""}), 422, "name"),
        (json!({"name": null}), 422, "name"),
    ] {
        let (got, problem) = call(&u, reqwest::Method::PATCH, &path, Some(body.clone())).await;
        assert_eq!((got, field(&problem)), (status, f), "{body}: {problem}");
    }
    let added = u
        .create_stage(
            p.id,
            &NewStage { name: "Demo".into(), rotting_days: Some(14), position: Some(1), ..Default::default() },
        )
        .await
        .expect("add");
    assert_eq!((added.position, added.probability, added.kind, added.rotting_days), (1, 0, StageKind::Open, Some(14)));
}

async fn moves_are_dated_and_checked(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("moves").await;
    let created_at = Utc::now() - Duration::days(30);
    let d = deal(&u, json!({"name": "Old", "created_at": crm_api::time::format(&created_at)})).await;
    let at = Utc::now() - Duration::days(20);
    let req = MoveRequest { stage: Some("qualification".into()), at: Some(at), ..Default::default() };
    let moved = u.move_deal(d.id, &req, None).await.expect("move").record;
    assert_eq!((moved.stage.as_str(), moved.probability), ("Qualification", Some(20)));
    assert_eq!(moved.stage_entered_at.map(|t| t.timestamp_micros()), Some(at.timestamp_micros()));
    let h = u.deal_history(d.id).await.expect("history");
    assert_eq!(h.len(), 2);
    assert_eq!(h[0].changed_at.timestamp_micros(), created_at.timestamp_micros(), "the first entry is the creation");
    assert_eq!(h[1].changed_at.timestamp_micros(), at.timestamp_micros());
    assert_eq!(h[1].from_stage.as_deref(), Some("Prospect"));

    // Not in the future, not before the previous change, not to an unknown stage.
    let path = format!("/api/crm/deals/{}/move", d.id);
    let future = crm_api::time::format(&(Utc::now() + Duration::hours(1)));
    let earlier = crm_api::time::format(&(at - Duration::days(1)));
    for (body, status, f) in [
        (json!({"stage": "Proposal", "at": future}), 409, "at"),
        (json!({"stage": "Proposal", "at": earlier}), 409, "at"),
        (json!({"stage": "Nowhere"}), 404, "stage"),
        (json!({}), 422, "stage"),
        (json!({"stage": "Proposal", "at": "yesterday"}), 422, "at"),
    ] {
        let (got, problem) = call(&u, reqwest::Method::POST, &path, Some(body.clone())).await;
        assert_eq!((got, field(&problem)), (status, f), "{body}: {problem}");
    }
    assert_eq!(u.deal_history(d.id).await.expect("history").len(), 2, "nothing was written");
    // A stale version is refused; moving to the stage it is in changes nothing.
    let stale = MoveRequest { stage: Some("Proposal".into()), ..Default::default() };
    let err = u.move_deal(d.id, &stale, Some("\"1\"")).await.expect_err("stale");
    assert_eq!(err.status(), Some(412));
    let same = MoveRequest { stage: Some("QUALIFICATION".into()), ..Default::default() };
    let again = u.move_deal(d.id, &same, None).await.expect("same").record;
    assert_eq!(again.version, moved.version);
    // Forward and back.
    for stage in ["Negotiation", "Proposal"] {
        u.move_deal(d.id, &MoveRequest { stage: Some(stage.into()), ..Default::default() }, None).await.expect("move");
    }
    let h = u.deal_history(d.id).await.expect("history");
    let path: Vec<&str> = h.iter().map(|c| c.to_stage.as_str()).collect();
    assert_eq!(path, ["Prospect", "Qualification", "Negotiation", "Proposal"]);
    // Opportunities move the same way.
    let o = u.create::<Opportunities>(&NewOpportunity { name: "Opp".into(), ..Default::default() }).await.expect("opp");
    let req = MoveRequest { stage: Some("closed lost".into()), ..Default::default() };
    let o = u.move_opportunity(o.record.id, &req, None).await.expect("move").record;
    assert_eq!((o.stage.as_str(), o.probability), ("Closed-Lost", Some(0)));
}

async fn creates_and_imports_may_be_backdated(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("backdated").await;
    let when = Utc::now() - Duration::days(400);
    let created = u
        .create::<Deals>(&NewDeal { name: "Then".into(), created_at: Some(when), ..Default::default() })
        .await
        .expect("create");
    assert_eq!(created.record.created_at.timestamp_micros(), when.timestamp_micros());
    assert!(created.record.updated_at > when, "it changed here now");
    let resp: Value = u
        .request(reqwest::Method::POST, "/api/crm/deals/batch")
        .json(&json!({"records": [
            {"name": "Imported", "stage": "negotiation", "created_at": "2025-03-04T05:06:07Z"},
            {"name": "Future", "created_at": "2999-01-01T00:00:00Z"},
            {"name": "Nowhere", "stage": "Won"},
        ]}))
        .send()
        .await
        .expect("batch")
        .json()
        .await
        .expect("json");
    assert_eq!(resp["created"], 1, "{resp}");
    assert_eq!(resp["results"][1]["errors"][0]["field"], "created_at", "{resp}");
    assert_eq!(resp["results"][2]["errors"][0]["field"], "stage", "{resp}");
    let id = resp["results"][0]["id"].as_i64().expect("id");
    let d = u.get::<Deals>(id).await.expect("get").record;
    assert_eq!(crm_api::time::format(&d.created_at), "2025-03-04T05:06:07.000000Z");
    assert_eq!((d.stage.as_str(), d.probability), ("Negotiation", Some(75)));
    let h = u.deal_history(id).await.expect("history");
    assert_eq!(h.len(), 1);
    assert_eq!(crm_api::time::format(&h[0].changed_at), "2025-03-04T05:06:07.000000Z");
    let (status, problem) = call(
        &u,
        reqwest::Method::POST,
        "/api/crm/contacts",
        Some(json!({"name": "Later", "created_at": "2999-01-01T00:00:00Z"})),
    )
    .await;
    assert_eq!((status, field(&problem)), (409, "created_at"), "{problem}");
}

async fn a_stage_in_use_is_deleted_only_with_a_target(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("delete").await;
    let p = u.list_pipelines().await.expect("pipelines").remove(0);
    let qualification = p.stages[1].id;
    let live = deal(&u, json!({"name": "Live", "stage": "Qualification", "probability": 42})).await;
    let follows = deal(&u, json!({"name": "Follows", "stage": "Qualification"})).await;
    let trashed = deal(&u, json!({"name": "Trashed", "stage": "Qualification"})).await;
    u.delete::<Deals>(trashed.id, None).await.expect("trash");

    let path = format!("/api/crm/pipelines/{}/stages/{qualification}", p.id);
    let (status, problem) = call(&u, reqwest::Method::DELETE, &path, None).await;
    assert_eq!((status, field(&problem)), (409, "move_to"), "{problem}");
    let (status, problem) = call(&u, reqwest::Method::DELETE, &format!("{path}?move_to=Nowhere"), None).await;
    assert_eq!((status, field(&problem)), (404, "move_to"), "{problem}");
    assert_eq!(u.list_stages(p.id).await.expect("stages").len(), 6, "nothing deleted");

    let params = StageDeleteParams { move_to: Some("proposal".into()) };
    u.delete_stage(p.id, qualification, &params).await.expect("delete");
    let stages = u.list_stages(p.id).await.expect("stages");
    assert_eq!(stages.len(), 5);
    assert_eq!(stages.iter().map(|s| s.position).collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
    let l = u.get::<Deals>(live.id).await.expect("get").record;
    let f = u.get::<Deals>(follows.id).await.expect("get").record;
    assert_eq!((l.stage.as_str(), l.probability), ("Proposal", Some(42)), "an explicit probability stays");
    assert_eq!((f.stage.as_str(), f.probability), ("Proposal", Some(50)));
    let h = u.deal_history(live.id).await.expect("history");
    assert_eq!(h.last().map(|c| c.to_stage.as_str()), Some("Proposal"), "the move is in the history");
    let restored = u.restore::<Deals>(trashed.id).await.expect("restore").record;
    assert_eq!(restored.stage, "Proposal", "the trash moved too");

    // A pipeline keeps one stage; the default pipeline, or one in use, cannot be deleted.
    let solo = u
        .create_pipeline(&NewPipeline {
            name: "Solo".into(),
            stages: Some(vec![NewStage { name: "Only".into(), ..Default::default() }]),
            ..Default::default()
        })
        .await
        .expect("pipeline");
    let err = u.delete_stage(solo.id, solo.stages[0].id, &StageDeleteParams::default()).await.expect_err("last");
    assert_eq!(err.status(), Some(409));
    assert_eq!(u.delete_pipeline(p.id, None).await.expect_err("default").status(), Some(409));
    deal(&u, json!({"name": "In solo", "pipeline_id": solo.id})).await;
    assert_eq!(u.delete_pipeline(solo.id, None).await.expect_err("in use").status(), Some(409));
}

async fn several_pipelines_each_with_their_stages(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("several").await;
    let sales = u.list_pipelines().await.expect("pipelines").remove(0);
    let rentals = u
        .create_pipeline(&NewPipeline {
            name: "Rentals".into(),
            stages: Some(vec![
                NewStage { name: "Viewing".into(), probability: Some(30), ..Default::default() },
                NewStage { name: "Proposal".into(), probability: Some(60), ..Default::default() },
                NewStage { name: "Signed".into(), kind: StageKind::Won, ..Default::default() },
            ]),
            ..Default::default()
        })
        .await
        .expect("create");
    assert!(!rentals.is_default);
    assert_eq!(rentals.stages.iter().map(|s| s.probability).collect::<Vec<_>>(), [30, 60, 100]);
    // A stage name is looked up in the record's pipeline.
    let d = deal(&u, json!({"name": "Flat", "pipeline_id": rentals.id, "stage": "proposal"})).await;
    assert_eq!((d.stage_id, d.probability), (Some(rentals.stages[1].id), Some(60)));
    let d2 = deal(&u, json!({"name": "Office", "stage": "proposal"})).await;
    assert_eq!((d2.pipeline_id, d2.stage_id), (Some(sales.id), Some(sales.stages[2].id)), "the default pipeline");
    // Moving by id to another pipeline's stage takes the record there.
    let req = MoveRequest { stage_id: Some(rentals.stages[2].id), ..Default::default() };
    let moved = u.move_deal(d2.id, &req, None).await.expect("move").record;
    assert_eq!((moved.pipeline_id, moved.stage.as_str(), moved.probability), (Some(rentals.id), "Signed", Some(100)));
    // Not a stage of that pipeline, or a pipeline change without a stage of it.
    for (body, status, f) in [
        (json!({"name": "x", "pipeline_id": rentals.id, "stage": "Negotiation"}), 404, "stage"),
        (json!({"name": "x", "pipeline_id": sales.id, "stage_id": rentals.stages[0].id}), 409, "stage_id"),
    ] {
        let (got, problem) = call(&u, reqwest::Method::POST, "/api/crm/deals", Some(body.clone())).await;
        assert_eq!((got, field(&problem)), (status, f), "{body}: {problem}");
    }
    let (status, problem) =
        call(&u, reqwest::Method::PATCH, &format!("/api/crm/deals/{}", d.id), Some(json!({"pipeline_id": sales.id})))
            .await;
    assert_eq!((status, field(&problem)), (409, "stage"), "{problem}");
    // Make it the default; pipeline names are unique; bad input names the field.
    let r = u
        .update_pipeline(
            rentals.id,
            &PipelinePatch { is_default: Some(true), position: Some(0), ..Default::default() },
            None,
        )
        .await
        .expect("default");
    assert!(r.is_default && r.position == 0);
    let all = u.list_pipelines().await.expect("pipelines");
    assert_eq!(
        all.iter().map(|p| (p.name.as_str(), p.is_default)).collect::<Vec<_>>(),
        [("Rentals", true), ("Sales", false)]
    );
    let d3 = deal(&u, json!({"name": "Default now"})).await;
    assert_eq!((d3.pipeline_id, d3.stage.as_str()), (Some(rentals.id), "Viewing"));
    for (body, status, f) in [
        (json!({"name": "sales"}), 409, "name"),
        (json!({"name": ""}), 422, "name"),
        (json!({"name": "Dup", "stages": [{"name": "A"}, {"name": "a"}]}), 409, "stages[1].name"),
        (json!({"name": "Empty", "stages": []}), 422, "stages"),
        (json!({"name": "Bad", "stages": [{"name": "A", "kind": "done"}]}), 422, "stages[0].kind"),
    ] {
        let (got, problem) = call(&u, reqwest::Method::POST, "/api/crm/pipelines", Some(body.clone())).await;
        assert_eq!((got, field(&problem)), (status, f), "{body}: {problem}");
    }
    let (status, problem) = call(
        &u,
        reqwest::Method::PATCH,
        &format!("/api/crm/pipelines/{}", rentals.id),
        Some(json!({"is_default": false})),
    )
    .await;
    assert_eq!((status, field(&problem)), (422, "is_default"), "{problem}");
}
