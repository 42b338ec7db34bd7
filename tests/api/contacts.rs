use crm_api::contacts::{ContactPatch, NewContact};
use crm_api::resource::Contacts;
use crm_api::{ContactStatus, ListParams};
use crm_tests::{Backend, TestServer, backend_tests};

backend_tests!(
    create_get_update_delete_restore,
    stale_if_match_is_412_and_changes_nothing,
    list_filters_sorts_and_pages_with_cursors,
    free_text_search_matches_names_emails_companies,
    patch_null_clears_and_absent_keeps,
    e_mail_domains_in_other_scripts_are_kept,
);

fn contact(name: &str) -> NewContact {
    NewContact { name: name.into(), ..Default::default() }
}

async fn create_get_update_delete_restore(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("crud").await;
    let new = NewContact {
        name: "Ada Lovelace".into(),
        email: Some("ada@example.com".into()),
        company: Some("Analytical Engines".into()),
        status: ContactStatus::Prospect,
        rating: Some(5),
        ..Default::default()
    };
    let created = u.create::<Contacts>(&new).await.expect("create");
    assert_eq!(created.etag.as_deref(), Some("\"1\""));
    let c = created.record;
    assert_eq!((c.name.as_str(), c.status, c.rating, c.version), ("Ada Lovelace", ContactStatus::Prospect, Some(5), 1));

    let got = u.get::<Contacts>(c.id).await.expect("get");
    assert_eq!(got.record, c);

    let patch = ContactPatch { status: Some(ContactStatus::Customer), ..Default::default() };
    let updated = u.update::<Contacts>(c.id, &patch, got.etag.as_deref()).await.expect("update");
    assert_eq!(updated.record.status, ContactStatus::Customer);
    assert_eq!(updated.record.version, 2);
    assert_eq!(updated.etag.as_deref(), Some("\"2\""));

    u.delete::<Contacts>(c.id, None).await.expect("delete");
    assert_eq!(u.get::<Contacts>(c.id).await.expect_err("gone").status(), Some(404));
    let live = u.list::<Contacts>(&ListParams::default()).await.expect("list");
    assert!(live.data.is_empty());
    let trash = u.list::<Contacts>(&ListParams { deleted: Some(true), ..Default::default() }).await.expect("trash");
    assert_eq!(trash.data.len(), 1);
    assert!(trash.data[0].deleted_at.is_some());

    let restored = u.restore::<Contacts>(c.id).await.expect("restore");
    assert!(restored.record.deleted_at.is_none());
    assert_eq!(restored.record.status, ContactStatus::Customer, "nothing is lost by a delete");
    assert_eq!(u.get::<Contacts>(c.id).await.expect("back").record.name, "Ada Lovelace");
}

async fn stale_if_match_is_412_and_changes_nothing(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("stale").await;
    let c = u.create::<Contacts>(&contact("Grace")).await.expect("create");
    let v1 = c.etag.clone().expect("etag");
    let p = ContactPatch { company: Some(Some("Navy".into())), ..Default::default() };
    u.update::<Contacts>(c.record.id, &p, Some(&v1)).await.expect("first writer wins");
    let p2 = ContactPatch { company: Some(Some("Harvard".into())), ..Default::default() };
    let err = u.update::<Contacts>(c.record.id, &p2, Some(&v1)).await.expect_err("second writer is stale");
    assert_eq!(err.status(), Some(412));
    let err = u.delete::<Contacts>(c.record.id, Some(&v1)).await.expect_err("stale delete");
    assert_eq!(err.status(), Some(412));
    let now = u.get::<Contacts>(c.record.id).await.expect("get");
    assert_eq!(now.record.company.as_deref(), Some("Navy"));
    assert_eq!(now.record.version, 2);
    // An update that changes nothing writes nothing.
    let same = u.update::<Contacts>(c.record.id, &p, now.etag.as_deref()).await.expect("no-op");
    assert_eq!(same.record.version, 2);
}

async fn list_filters_sorts_and_pages_with_cursors(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("lists").await;
    for i in 0..25 {
        let new = NewContact {
            name: format!("Person {i:02}"),
            status: if i % 2 == 0 { ContactStatus::Lead } else { ContactStatus::Customer },
            rating: if i % 5 == 0 { None } else { Some(i % 6) },
            ..Default::default()
        };
        u.create::<Contacts>(&new).await.expect("create");
    }
    let leads = u
        .list::<Contacts>(&ListParams {
            filter: Some(r#"status[eq]:"lead""#.into()),
            total: Some(true),
            ..Default::default()
        })
        .await
        .expect("filter");
    assert_eq!(leads.total, Some(13));
    assert!(leads.data.iter().all(|c| c.status == ContactStatus::Lead));

    let high = u
        .list::<Contacts>(&ListParams {
            filter: Some("rating[gte]:4,or(status[eq]:Customer,name[like]:\"Person 0%\")".into()),
            ..Default::default()
        })
        .await
        .expect("filter");
    assert!(high.data.iter().all(|c| c.rating.unwrap_or(0) >= 4));
    assert!(!high.data.is_empty());

    let nulls = u
        .list::<Contacts>(&ListParams { filter: Some("rating[is]:null".into()), ..Default::default() })
        .await
        .expect("is null");
    assert_eq!(nulls.data.len(), 5);

    // Every sort order pages through every record exactly once with cursors.
    for sort in ["name", "-name", "-created_at", "rating,-name", "-rating,name", "status,rating"] {
        let mut seen = Vec::new();
        let mut cursor = None;
        loop {
            let page = u
                .list::<Contacts>(&ListParams {
                    limit: Some(7),
                    sort: Some(sort.into()),
                    cursor: cursor.clone(),
                    ..Default::default()
                })
                .await
                .unwrap_or_else(|e| panic!("sort {sort}: {e}"));
            seen.extend(page.data.iter().map(|c| (c.name.clone(), c.rating, c.status)));
            match page.next_cursor {
                Some(c) => cursor = Some(c),
                None => break,
            }
        }
        assert_eq!(seen.len(), 25, "sort {sort}");
        let mut names: Vec<_> = seen.iter().map(|s| s.0.clone()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 25, "sort {sort}: no duplicates");
        if sort == "name" {
            assert_eq!(seen[0].0, "Person 00");
            assert_eq!(seen[24].0, "Person 24");
        }
        if sort == "rating,-name" {
            // Ratings ascend, empty ratings last.
            let ratings: Vec<_> = seen.iter().map(|s| s.1).collect();
            let firsts: Vec<_> = ratings.iter().take(20).collect();
            assert!(firsts.windows(2).all(|w| w[0] <= w[1]), "{ratings:?}");
            assert!(ratings[20..].iter().all(Option::is_none), "{ratings:?}");
        }
    }

    let offset = u
        .list::<Contacts>(&ListParams {
            limit: Some(10),
            offset: Some(20),
            sort: Some("name".into()),
            ..Default::default()
        })
        .await
        .expect("offset");
    assert_eq!(offset.data.len(), 5);
    assert_eq!(offset.data[0].name, "Person 20");
}

async fn free_text_search_matches_names_emails_companies(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("search").await;
    let rows = [
        ("Zed Alpha", Some("zed@alpha.io"), None),
        ("Yan", Some("yan@example.com"), Some("Acme 100%")),
        ("Xi", None, Some("Globex")),
    ];
    for (name, email, company) in rows {
        let new = NewContact {
            name: name.into(),
            email: email.map(Into::into),
            company: company.map(Into::into),
            ..Default::default()
        };
        u.create::<Contacts>(&new).await.expect("create");
    }
    let find = |q: &'static str| {
        let u = u.clone();
        async move {
            let p = u
                .list::<Contacts>(&ListParams { q: Some(q.into()), sort: Some("name".into()), ..Default::default() })
                .await
                .expect("search");
            p.data.into_iter().map(|c| c.name).collect::<Vec<_>>()
        }
    };
    assert_eq!(find("ALPHA").await, vec!["Zed Alpha"]);
    assert_eq!(find("example.com").await, vec!["Yan"]);
    assert_eq!(find("globex").await, vec!["Xi"]);
    assert_eq!(find("100%").await, vec!["Yan"]);
    assert_eq!(find("%").await, vec!["Yan"], "% is a literal character, not a wildcard");
    assert!(find("nobody").await.is_empty());
    // Words are matched from their beginning, every word of the query, in any order.
    assert_eq!(find("exam").await, vec!["Yan"]);
    assert_eq!(find("alpha ZED").await, vec!["Zed Alpha"]);
    assert_eq!(find("zed@alpha").await, vec!["Zed Alpha"]);
    assert!(find("lpha").await.is_empty(), "not the middle of a word");
    assert!(find("zed globex").await.is_empty(), "every word must match");
}

async fn patch_null_clears_and_absent_keeps(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("patch").await;
    let new = NewContact {
        name: "Keep".into(),
        email: Some("k@example.com".into()),
        phone: Some("+1 555 0100".into()),
        ..Default::default()
    };
    let c = u.create::<Contacts>(&new).await.expect("create").record;
    let patch = ContactPatch { phone: Some(None), ..Default::default() };
    let after = u.update::<Contacts>(c.id, &patch, None).await.expect("patch").record;
    assert_eq!(after.phone, None);
    assert_eq!(after.email.as_deref(), Some("k@example.com"));
    let (status, body) = u
        .raw(
            u.request(reqwest::Method::PUT, &format!("/api/crm/contacts/{}", c.id))
                .json(&serde_json::json!({"name": null})),
        )
        .await
        .expect("raw");
    assert_eq!(status.as_u16(), 422, "{body}");
    assert_eq!(body["errors"][0]["field"], "name");
}

/// An address whose domain is written in another script (`bücher.de`) is stored as given, found
/// by its words, and read back the same.
async fn e_mail_domains_in_other_scripts_are_kept(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("idn").await;
    let new = NewContact { email: Some("anna@bücher.de".into()), ..contact("Anna Buch") };
    let created = u.create::<Contacts>(&new).await.expect("create").record;
    assert_eq!(created.email.as_deref(), Some("anna@bücher.de"));
    let found =
        u.list::<Contacts>(&ListParams { q: Some("bücher".into()), ..Default::default() }).await.expect("search");
    assert_eq!(found.data.iter().map(|c| c.id).collect::<Vec<_>>(), [created.id]);
    let bad = NewContact { email: Some("anna@-bücher.de".into()), ..contact("Anna") };
    let err = u.create::<Contacts>(&bad).await.expect_err("a label may not start with a hyphen");
    assert_eq!(err.status(), Some(422));
}
