//! What the CRM does, as typed functions over the database: the HTTP handlers extract, call one
//! of these and answer; the batch endpoint, the CLI's import (through it) and the sync
//! connectors share the same upsert.
//!
//! Each function takes the [`Db`](crate::db::Db) and the acting user, runs its reads on a
//! reading connection and its writes in one transaction, and leaves the SQL to
//! [`crate::store`].

pub mod accounts;
pub mod analytics;
pub mod batch;
pub mod dashboard;
pub mod history;
pub mod imports;
pub mod integrations;
pub mod pipelines;
pub mod queue;
pub mod records;
pub mod sync;

use crm_api::resource::{Activities, Contacts, Deals, Opportunities, Resource};

use crate::store::spec::{ACTIVITIES, CONTACTS, DEALS, OPPORTUNITIES, Spec};

/// A resource of the API with the table behind it.
pub trait Entity: Resource {
    fn spec() -> &'static Spec;
}

impl Entity for Contacts {
    fn spec() -> &'static Spec {
        &CONTACTS
    }
}
impl Entity for Opportunities {
    fn spec() -> &'static Spec {
        &OPPORTUNITIES
    }
}
impl Entity for Deals {
    fn spec() -> &'static Spec {
        &DEALS
    }
}
impl Entity for Activities {
    fn spec() -> &'static Spec {
        &ACTIVITIES
    }
}
