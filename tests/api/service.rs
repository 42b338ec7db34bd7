//! The service layer is callable without HTTP: a sync connector hands typed records to the
//! same upsert as the batch endpoint and gets the same outcomes.

use crm_api::ListParams;
use crm_api::batch::{MatchOn, Outcome};
use crm_api::contacts::{ContactPatch, NewContact};
use crm_api::resource::Contacts;
use crm_server::service::batch::{self, BatchOptions, Upsert};
use crm_server::store::records::Actor;
use crm_tests::{Backend, TestServer, backend_tests};

backend_tests!(typed_records_upsert_through_the_batch_service);

fn upsert(name: &str, email: &str, company: &str) -> Upsert<Contacts> {
    Upsert {
        id: None,
        email: Some(email.to_string()),
        new: NewContact {
            name: name.into(),
            email: Some(email.into()),
            company: Some(company.into()),
            ..Default::default()
        },
        patch: ContactPatch { company: Some(Some(company.into())), ..Default::default() },
    }
}

async fn typed_records_upsert_through_the_batch_service(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("typed-upsert").await;
    let ann = NewContact { name: "Ann".into(), email: Some("ann@example.com".into()), ..Default::default() };
    let ann = u.create::<Contacts>(&ann).await.expect("create").record;
    let actor = Actor { user_id: u.me().await.expect("me").id };
    let db = crm_server::store::open(&s.database_url, 2).await.expect("db");

    let records = vec![
        // Matches Ann whatever the case: only the fields of the update change.
        upsert("Ann Other", "ANN@example.com", "Acme"),
        upsert("Bob", "bob@example.com", "Bobco"),
        // New, and invalid as a create: reported, not written.
        upsert(" ", "nobody@example.com", "None"),
    ];
    let answer = batch::apply::<Contacts, _>(&db, actor, BatchOptions::default(), records).await.expect("apply");
    let outcomes: Vec<Outcome> = answer.results.iter().map(|r| r.outcome).collect();
    assert_eq!(outcomes, [Outcome::Updated, Outcome::Created, Outcome::Failed]);
    assert_eq!(answer.results[0].id, Some(ann.id));
    assert_eq!(answer.results[2].errors[0].field, "name");

    let stored = u.get::<Contacts>(ann.id).await.expect("get").record;
    assert_eq!((stored.name.as_str(), stored.company.as_deref()), ("Ann", Some("Acme")));
    let all = u.list::<Contacts>(&ListParams { sort: Some("name".into()), ..Default::default() }).await.expect("list");
    let names: Vec<&str> = all.data.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Ann", "Bob"]);

    // Matching on id, with nothing to change: unchanged.
    let mut again = upsert("Ann", "ann@example.com", "Acme");
    again.id = Some(ann.id);
    let options = BatchOptions { match_on: Some(MatchOn::Id), ..Default::default() };
    let answer = batch::apply::<Contacts, _>(&db, actor, options, vec![again]).await.expect("apply");
    assert_eq!(answer.results[0].outcome, Outcome::Unchanged);
    db.close().await;
}
