//! Runs the screens' requests on the typed client, each in a task of its own, and posts each
//! answer back with its ticket: the draw loop never waits on the network.

use crm_api::activities::Activities;
use crm_api::analytics::PipelineParams;
use crm_api::client::Client;
use crm_api::contacts::Contacts;
use crm_api::deals::Deals;
use crm_api::page::ListParams;
use crm_api::params::{QueueParams, SnoozeParams, TimelineParams};
use tokio::sync::mpsc::UnboundedSender;

use std::sync::{Arc, RwLock};

use crate::request::{Answer, DealDetail, Failure, FailureKind, Reply, Request, Ticket};

/// Contacts a search shows.
pub const SEARCH_LIMIT: u32 = 200;

/// A client with the token of the profile as it is now on disk, when that may change (a
/// `crm login` while the TUI runs); none when the token was given on the command line.
pub type Relogin = Arc<dyn Fn() -> Option<Client> + Send + Sync>;

#[derive(Clone)]
pub struct Net {
    client: Arc<RwLock<Client>>,
    replies: UnboundedSender<Reply>,
    relogin: Option<Relogin>,
}

fn etag(version: i64) -> String {
    format!("\"{version}\"")
}

impl Net {
    pub fn new(client: Client, replies: UnboundedSender<Reply>) -> Net {
        Net { client: Arc::new(RwLock::new(client)), replies, relogin: None }
    }

    /// Reads the token again from the profile when the server refuses the one in use.
    pub fn with_relogin(mut self, relogin: Relogin) -> Net {
        self.relogin = Some(relogin);
        self
    }

    fn client(&self) -> Client {
        self.client.read().map(|c| c.clone()).unwrap_or_else(|poisoned| poisoned.into_inner().clone())
    }

    /// A client with a token other than the refused one, from the profile (`crm login` since).
    fn renewed(&self) -> Option<Client> {
        let fresh = (self.relogin.as_ref()?)()?;
        if fresh.token() == self.client().token() {
            return None;
        }
        if let Ok(mut c) = self.client.write() {
            *c = fresh.clone();
        }
        Some(fresh)
    }

    /// Starts `request`; its answer arrives on the replies channel.
    pub fn send(&self, ticket: Ticket, request: Request) {
        let net = self.clone();
        tokio::spawn(async move {
            let mut answer = net.answer(request.clone()).await;
            let refused = crate::app::answer_failure(&answer).is_some_and(|f| f.kind == FailureKind::Unauthorized);
            if refused && net.renewed().is_some() {
                answer = net.answer(request).await;
            }
            // The receiver is gone only when the TUI is quitting.
            let _ = net.replies.send(Reply { ticket, answer });
        });
    }

    /// Runs one request to its answer.
    pub async fn answer(&self, request: Request) -> Answer {
        let client = self.client();
        let c = &client;
        match request {
            Request::Dashboard(params) => Answer::Dashboard(c.dashboard(&params).await.map_err(Failure::from)),
            Request::Layout => Answer::Layout(c.dashboard_layout().await.map(|t| t.record).map_err(Failure::from)),
            Request::SaveLayout { layout, version } => Answer::LayoutSaved(
                c.put_dashboard_layout(&layout, Some(&etag(version))).await.map(|t| t.record).map_err(Failure::from),
            ),
            Request::Board { per_stage } => {
                let params = PipelineParams { per_stage: Some(per_stage), ..PipelineParams::default() };
                let (board, summary) = tokio::join!(c.pipeline_board(&params), c.pipeline_summary(None));
                Answer::Board(match (board, summary) {
                    (Ok(b), Ok(s)) => Ok((b, s)),
                    (Err(e), _) | (_, Err(e)) => Err(Failure::from(e)),
                })
            }
            Request::Column { stage, after, per_stage } => {
                let params = PipelineParams {
                    per_stage: Some(per_stage),
                    stage: Some(stage.clone()),
                    after: Some(after),
                    ..PipelineParams::default()
                };
                let deals = c
                    .pipeline_board(&params)
                    .await
                    .map(|b| b.0.into_iter().flat_map(|(_, deals)| deals).collect())
                    .map_err(Failure::from);
                Answer::Column { stage, deals }
            }
            Request::MoveDeal { id, stage_id, version } => {
                let req = crm_api::pipelines::MoveRequest { stage: None, stage_id: Some(stage_id), at: None };
                let deal = c.move_deal(id, &req, Some(&etag(version))).await.map(|t| t.record).map_err(Failure::from);
                Answer::Moved { id, deal }
            }
            Request::Deal { id } => {
                let activities = ListParams {
                    filter: Some(format!("deal_id[eq]:{id}")),
                    sort: Some("-created_at".into()),
                    limit: Some(50),
                    ..ListParams::default()
                };
                let (deal, history, activities) =
                    tokio::join!(c.get::<Deals>(id), c.deal_history(id), c.list::<Activities>(&activities));
                let detail = match (deal, history, activities) {
                    (Ok(deal), Ok(history), Ok(activities)) => {
                        Ok(Box::new(DealDetail { deal: deal.record, history, activities: activities.data }))
                    }
                    (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => Err(Failure::from(e)),
                };
                Answer::Deal(detail)
            }
            Request::ContactNames { ids } => {
                let list: Vec<String> = ids.iter().map(i64::to_string).collect();
                let params = ListParams {
                    filter: Some(format!("id[in]:({})", list.join(","))),
                    limit: Some(u32::try_from(ids.len().clamp(1, 1000)).unwrap_or(1000)),
                    ..ListParams::default()
                };
                let names = c
                    .list::<Contacts>(&params)
                    .await
                    .map(|p| p.data.into_iter().map(|c| (c.id, c.name)).collect())
                    .map_err(Failure::from);
                Answer::ContactNames(names)
            }
            Request::Queue => Answer::Queue(c.activity_queue(&QueueParams::default()).await.map_err(Failure::from)),
            Request::Complete { id } => Answer::Completed {
                id,
                activity: c.complete_activity(id).await.map(|t| t.record).map_err(Failure::from),
            },
            Request::Snooze { id, until } => {
                let snooze = crm_api::activities::Snooze { until };
                let activity = c
                    .snooze_activity(id, &snooze, &SnoozeParams::default(), None)
                    .await
                    .map(|t| t.record)
                    .map_err(Failure::from);
                Answer::Snoozed { id, activity }
            }
            Request::LogActivity(body) => Answer::Logged(match typed(body) {
                Ok(new) => c.create::<Activities>(&new).await.map(|t| t.record).map_err(Failure::from),
                Err(f) => Err(f),
            }),
            Request::Contacts { q, filter } => {
                let params =
                    ListParams { q, filter, limit: Some(SEARCH_LIMIT), total: Some(true), ..ListParams::default() };
                Answer::Contacts(c.list::<Contacts>(&params).await.map_err(Failure::from))
            }
            Request::Timeline { id } => {
                let items = c.contact_timeline(id, &TimelineParams::default()).await.map_err(Failure::from);
                Answer::Timeline { id, items }
            }
            Request::CreateContact(body) => Answer::ContactSaved(match typed(body) {
                Ok(new) => c.create::<Contacts>(&new).await.map(|t| t.record).map_err(Failure::from),
                Err(f) => Err(f),
            }),
            Request::UpdateContact { id, body, version } => Answer::ContactSaved(match typed(body) {
                Ok(patch) => c
                    .update::<Contacts>(id, &patch, Some(&etag(version)))
                    .await
                    .map(|t| t.record)
                    .map_err(Failure::from),
                Err(f) => Err(f),
            }),
            Request::DeleteContact { id, version } => Answer::ContactDeleted {
                id,
                done: c.delete::<Contacts>(id, Some(&etag(version))).await.map_err(Failure::from),
            },
            Request::RestoreContact { id } => {
                Answer::ContactRestored(c.restore::<Contacts>(id).await.map(|t| t.record).map_err(Failure::from))
            }
        }
    }
}

/// A form's body as the typed request (its values were checked against the catalog's kinds).
fn typed<T: serde::de::DeserializeOwned>(body: serde_json::Map<String, serde_json::Value>) -> Result<T, Failure> {
    serde_json::from_value(serde_json::Value::Object(body)).map_err(|e| Failure::refused(e.to_string()))
}
