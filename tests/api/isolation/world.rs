//! What the users of the isolation tests own: one live record of each entity (linked
//! together), one of each in the trash and an API token ([`seed`]); and everything else a user
//! can own ([`world`]).

use crm_api::activities::{Activity, NewActivity};
use crm_api::auth::{ApiToken, NewApiToken};
use crm_api::batch::MatchOn;
use crm_api::client::Client;
use crm_api::contacts::{Contact, NewContact};
use crm_api::dashboard::{DashboardLayout, NewDashboardLayout, Period, Widget};
use crm_api::deals::{Deal, NewDeal};
use crm_api::integrations::{BrivityCredentials, NewAccount, RunOutcome, Source, TopProducerCredentials};
use crm_api::opportunities::{NewOpportunity, Opportunity};
use crm_api::pipelines::{NewPipeline, Pipeline};
use crm_api::resource::{Activities, Contacts, Deals, Opportunities};
use crm_api::{ActivityType, Money, Stage};
use crm_sim::SimConfig;
use serde_json::json;

use super::table::{Fill, Names, Of, Thing};

/// What a user owns: one live record of each entity (linked together), one record of each in
/// the trash, and an API token.
pub struct Owned {
    pub contact: Contact,
    pub opportunity: Opportunity,
    pub deal: Deal,
    pub activity: Activity,
    pub token: ApiToken,
    pub trashed_contact: Contact,
    pub trashed_opportunity: Opportunity,
    pub trashed_deal: Deal,
    pub trashed_activity: Activity,
}

pub async fn seed(u: &Client, who: &str) -> Owned {
    let contact = u
        .create::<Contacts>(&NewContact {
            name: format!("Zanzibar {who}"),
            email: Some(format!("{who}@zanzibar.example")),
            company: Some("Zanzibar Trading".into()),
            rating: Some(4),
            ..Default::default()
        })
        .await
        .expect("create contact")
        .record;
    let opportunity = u
        .create::<Opportunities>(&NewOpportunity {
            contact_id: Some(contact.id),
            name: format!("Zanzibar expansion {who}"),
            value: Money::from_minor(1_000_000),
            probability: Some(40),
            ..Default::default()
        })
        .await
        .expect("create opportunity")
        .record;
    let deal = u
        .create::<Deals>(&NewDeal {
            opportunity_id: Some(opportunity.id),
            contact_id: Some(contact.id),
            name: format!("Zanzibar deal {who}"),
            amount: Money::from_minor(500_000),
            stage: Stage::Proposal.to_string(),
            ..Default::default()
        })
        .await
        .expect("create deal")
        .record;
    let activity = u
        .create::<Activities>(&NewActivity {
            kind: ActivityType::Call,
            description: Some(format!("Zanzibar call {who}")),
            assigned_to: Some("zanzibar rep".into()),
            contact_id: Some(contact.id),
            opportunity_id: Some(opportunity.id),
            // Overdue (in UTC, the queue's default zone) however long the test takes.
            due_date: Some(chrono::Utc::now().date_naive() - chrono::TimeDelta::days(1)),
            ..Default::default()
        })
        .await
        .expect("create activity")
        .record;
    let token = u
        .create_token(&NewApiToken { name: format!("zanzibar cron {who}"), expires_in_days: None })
        .await
        .expect("create token")
        .info;

    let trashed_contact = u
        .create::<Contacts>(&NewContact { name: format!("Zanzibar trashed {who}"), ..Default::default() })
        .await
        .expect("create contact")
        .record;
    u.delete::<Contacts>(trashed_contact.id, None).await.expect("delete contact");
    let trashed_opportunity = u
        .create::<Opportunities>(&NewOpportunity { name: format!("Zanzibar trashed {who}"), ..Default::default() })
        .await
        .expect("create opportunity")
        .record;
    u.delete::<Opportunities>(trashed_opportunity.id, None).await.expect("delete opportunity");
    let trashed_deal = u
        .create::<Deals>(&NewDeal { name: format!("Zanzibar trashed {who}"), ..Default::default() })
        .await
        .expect("create deal")
        .record;
    u.delete::<Deals>(trashed_deal.id, None).await.expect("delete deal");
    let trashed_activity = u
        .create::<Activities>(&NewActivity {
            kind: ActivityType::Task,
            description: Some(format!("Zanzibar trashed {who}")),
            ..Default::default()
        })
        .await
        .expect("create activity")
        .record;
    u.delete::<Activities>(trashed_activity.id, None).await.expect("delete activity");

    Owned {
        contact,
        opportunity,
        deal,
        activity,
        token,
        trashed_contact,
        trashed_opportunity,
        trashed_deal,
        trashed_activity,
    }
}

/// A's dashboard layout, saved.
pub async fn save_layout(u: &Client) -> DashboardLayout {
    let new = NewDashboardLayout { period: Period::ThisYear, widgets: vec![Widget::Funnel, Widget::DealsWon] };
    u.put_dashboard_layout(&new, None).await.expect("save layout").record
}

/// Everything a user can own: [`Owned`]; a pipeline of their own; two deals of amounts no one
/// else has, closing today (one open, one won: in the board, the summary, the forecast and the
/// dashboard); an import with its first batch applied; and Brivity (with Top Producer when
/// asked) connected to the simulator and synced.
pub struct World {
    pub who: String,
    pub owned: Owned,
    pub pipeline: Pipeline,
    pub import: i64,
    pub import_name: String,
    pub account: i64,
    pub run: i64,
    /// The amounts of the two deals, as the API writes them.
    pub amounts: [String; 2],
}

/// The user's [`World`]; `amounts` in minor units, distinct for each user.
pub async fn world(u: &Client, who: &str, amounts: [i64; 2], topproducer: bool) -> World {
    let owned = seed(u, who).await;
    let pipeline = u
        .create_pipeline(&NewPipeline { name: format!("Zanzibar pipeline {who}"), ..Default::default() })
        .await
        .expect("create pipeline");
    let today = chrono::Utc::now().date_naive();
    let mut written = Vec::new();
    for (amount, stage) in amounts.into_iter().zip([Stage::Negotiation, Stage::ClosedWon]) {
        let deal = u
            .create::<Deals>(&NewDeal {
                contact_id: Some(owned.contact.id),
                name: format!("Zanzibar figure {who}"),
                amount: Money::from_minor(amount),
                stage: stage.to_string(),
                close_date: Some(today),
                ..Default::default()
            })
            .await
            .expect("create deal")
            .record;
        written.push(deal.amount.to_string());
    }
    let import_name = format!("zanzibar-{who}.csv");
    let import = crm_tests::start_import(u, "contacts", &import_name).await;
    let req = crm_tests::import_batch(import, 0, MatchOn::None, vec![json!({"name": format!("Imported by {who}")})]);
    u.batch::<Contacts>(&req).await.expect("the import's batch");

    let config = SimConfig::default();
    let brivity = NewAccount::Brivity(BrivityCredentials { api_key: config.brivity_key, sync_interval_minutes: None });
    let account = u.connect_account(&brivity).await.expect("connect brivity").id;
    if topproducer {
        let tp = NewAccount::TopProducer(TopProducerCredentials {
            client_id: config.tp_client_id,
            client_secret: config.tp_client_secret,
            sync_interval_minutes: Some(60),
        });
        u.connect_account(&tp).await.expect("connect top producer");
    }
    let runs = u.sync_all(true).await.expect("sync").runs;
    assert!(runs.iter().all(|r| r.outcome == RunOutcome::Succeeded), "{runs:?}");
    let run = runs.iter().find(|r| r.source == Source::Brivity).expect("the Brivity run").id;
    let [open, won] = <[String; 2]>::try_from(written).expect("two amounts");
    World { who: who.to_string(), owned, pipeline, import, import_name, account, run, amounts: [open, won] }
}

impl World {
    /// The user's ids, as `of` names them (the records in the trash when `trashed`).
    fn ids(&self, trashed: bool, of: fn(Thing) -> Of) -> Vec<(Of, i64)> {
        let o = &self.owned;
        let pick = |live: i64, gone: i64| if trashed { gone } else { live };
        vec![
            (of(Thing::Contact), pick(o.contact.id, o.trashed_contact.id)),
            (of(Thing::Opportunity), pick(o.opportunity.id, o.trashed_opportunity.id)),
            (of(Thing::Deal), pick(o.deal.id, o.trashed_deal.id)),
            (of(Thing::Activity), pick(o.activity.id, o.trashed_activity.id)),
            (of(Thing::Token), o.token.id),
            (of(Thing::Pipeline), o.deal.pipeline_id.expect("the deal's pipeline")),
            (of(Thing::Stage), o.deal.stage_id.expect("the deal's stage")),
            (of(Thing::Import), self.import),
            (of(Thing::Account), self.account),
            (of(Thing::Run), self.run),
        ]
    }

    /// What A's world names: its e-mail, its pipeline's, token's and import's names.
    fn names(&self) -> Names {
        Names {
            email: self.owned.contact.email.clone().expect("the contact's e-mail"),
            pipeline: self.pipeline.name.clone(),
            token: self.owned.token.name.clone(),
            import: self.import_name.clone(),
        }
    }

    /// Strings of A's world that no answer to B may hold: its names, e-mail and amounts.
    pub fn markers(&self) -> Vec<String> {
        let o = &self.owned;
        let mut all = vec![
            o.contact.name.clone(),
            o.opportunity.name.clone(),
            o.deal.name.clone(),
            o.token.name.clone(),
            o.trashed_contact.name.clone(),
            self.pipeline.name.clone(),
            self.import_name.clone(),
            format!("Imported by {}", self.who),
            format!("Zanzibar figure {}", self.who),
        ];
        all.extend(o.contact.email.clone());
        all.extend(o.activity.description.clone());
        all.extend(self.amounts.iter().cloned());
        all
    }
}

/// The ids filling the cases: A's (`Theirs`; those in the trash when `trashed`) and B's
/// (`Mine`, always live).
fn fill(a: &World, b: &World, trashed: bool) -> Fill {
    let mut ids: std::collections::HashMap<Of, i64> = a.ids(trashed, Of::Theirs).into_iter().collect();
    ids.extend(b.ids(false, Of::Mine));
    Fill { ids, theirs: Some(a.names()) }
}

/// The fills of every probe of A's things: on A's live records, then on A's trashed ones.
pub fn fills(a: &World, b: &World) -> [Fill; 2] {
    [fill(a, b, false), fill(a, b, true)]
}

/// B's ids alone: for B's own requests, before A's world exists.
pub fn fill_mine(b: &World) -> Fill {
    Fill { ids: b.ids(false, Of::Mine).into_iter().collect(), theirs: None }
}
