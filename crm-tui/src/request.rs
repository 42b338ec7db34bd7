//! What the screens ask of the server ([`Request`]) and what comes back ([`Reply`]). A screen
//! never calls the client itself: it queues a request, [`crate::net`] runs it in a task, and
//! the reply arrives as an event with the ticket it was sent under, so that a screen can drop
//! a reply it no longer waits for (a search overtaken by the next keystroke).

use chrono::NaiveDate;
use crm_api::FieldError;
use crm_api::activities::{Activity, ActivityQueue};
use crm_api::analytics::{Dashboard, DashboardParams, PipelineBoard, PipelineSummary};
use crm_api::client::ClientError;
use crm_api::contacts::Contact;
use crm_api::dashboard::{DashboardLayout, NewDashboardLayout};
use crm_api::deals::{Deal, StageChange};
use crm_api::page::Page;
use crm_api::timeline::TimelineItem;
use serde_json::{Map, Value};

/// Numbers the requests of a run, so that a reply names the request it answers.
pub type Ticket = u64;

#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    Dashboard(DashboardParams),
    Layout,
    SaveLayout {
        layout: NewDashboardLayout,
        version: i64,
    },
    /// The board's first page of every column, and the stages' figures.
    Board {
        per_stage: u32,
    },
    /// The next deals of one column, after the last one shown.
    Column {
        stage: String,
        after: i64,
        per_stage: u32,
    },
    MoveDeal {
        id: i64,
        stage_id: i64,
        version: i64,
    },
    /// A deal with its stage history and activities.
    Deal {
        id: i64,
    },
    /// Names of contacts, for the cards that link them.
    ContactNames {
        ids: Vec<i64>,
    },
    Queue,
    Complete {
        id: i64,
    },
    Snooze {
        id: i64,
        until: NaiveDate,
    },
    /// A new activity, as its form gives it.
    LogActivity(Map<String, Value>),
    /// Contacts matching free text (`q`) and a filter of the server's grammar.
    Contacts {
        q: Option<String>,
        filter: Option<String>,
    },
    Timeline {
        id: i64,
    },
    CreateContact(Map<String, Value>),
    UpdateContact {
        id: i64,
        body: Map<String, Value>,
        version: i64,
    },
    DeleteContact {
        id: i64,
        version: i64,
    },
    RestoreContact {
        id: i64,
    },
}

/// A deal opened from the board.
#[derive(Debug, Clone, PartialEq)]
pub struct DealDetail {
    pub deal: Deal,
    pub history: Vec<StageChange>,
    pub activities: Vec<Activity>,
}

/// The answer to a [`Request`], variant for variant.
#[derive(Debug, Clone)]
pub enum Answer {
    Dashboard(Result<Dashboard, Failure>),
    Layout(Result<DashboardLayout, Failure>),
    LayoutSaved(Result<DashboardLayout, Failure>),
    Board(Result<(PipelineBoard, PipelineSummary), Failure>),
    Column { stage: String, deals: Result<Vec<Deal>, Failure> },
    Moved { id: i64, deal: Result<Deal, Failure> },
    Deal(Result<Box<DealDetail>, Failure>),
    ContactNames(Result<Vec<(i64, String)>, Failure>),
    Queue(Result<ActivityQueue, Failure>),
    Completed { id: i64, activity: Result<Activity, Failure> },
    Snoozed { id: i64, activity: Result<Activity, Failure> },
    Logged(Result<Activity, Failure>),
    Contacts(Result<Page<Contact>, Failure>),
    Timeline { id: i64, items: Result<Vec<TimelineItem>, Failure> },
    ContactSaved(Result<Contact, Failure>),
    ContactDeleted { id: i64, done: Result<(), Failure> },
    ContactRestored(Result<Contact, Failure>),
}

#[derive(Debug, Clone)]
pub struct Reply {
    pub ticket: Ticket,
    pub answer: Answer,
}

/// Why a request failed, as the screens tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The server could not be reached (or did not answer in time).
    Offline,
    /// The token is missing, expired or revoked.
    Unauthorized,
    /// The record changed since it was read (a stale version).
    Stale,
    /// The server refused the request (validation, not found, conflict).
    Refused,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub kind: FailureKind,
    /// One line for a person.
    pub message: String,
    /// The fields the server named, for a form to show beside them.
    pub fields: Vec<FieldError>,
}

impl Failure {
    pub fn refused(message: impl Into<String>) -> Failure {
        Failure { kind: FailureKind::Refused, message: message.into(), fields: Vec::new() }
    }
}

impl From<ClientError> for Failure {
    fn from(e: ClientError) -> Failure {
        match e {
            ClientError::Api(p) => {
                let kind = match p.status {
                    401 => FailureKind::Unauthorized,
                    412 => FailureKind::Stale,
                    _ => FailureKind::Refused,
                };
                let mut message = p.detail.clone().unwrap_or_else(|| p.title.clone());
                if kind == FailureKind::Stale {
                    message = format!("changed elsewhere since it was loaded (stale version): {message}");
                }
                Failure { kind, message, fields: p.errors }
            }
            ClientError::Network(e) => Failure {
                kind: FailureKind::Offline,
                message: format!("cannot reach the server: {e}"),
                fields: Vec::new(),
            },
            other => Failure::refused(other.to_string()),
        }
    }
}
