//! The four CRM entities as resources: their path and their request and record types.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::activities::{Activity, ActivityPatch, NewActivity};
use crate::contacts::{Contact, ContactPatch, NewContact};
use crate::deals::{Deal, DealPatch, NewDeal};
use crate::opportunities::{NewOpportunity, Opportunity, OpportunityPatch};
use crate::validate::Validate;

/// A CRM entity served under `/api/crm/<PATH>`.
pub trait Resource: Send + Sync + 'static {
    /// Path segment under `/api/crm/`.
    const PATH: &'static str;
    /// Singular name, as in the audit trail (`contact`).
    const NAME: &'static str;
    type Record: Serialize + DeserializeOwned + Send + Sync + 'static;
    type New: Serialize + DeserializeOwned + Validate + Send + Sync + 'static;
    type Patch: Serialize + DeserializeOwned + Validate + Send + Sync + 'static;
}

pub struct Contacts;
pub struct Opportunities;
pub struct Deals;
pub struct Activities;

impl Resource for Contacts {
    const PATH: &'static str = "contacts";
    const NAME: &'static str = "contact";
    type Record = Contact;
    type New = NewContact;
    type Patch = ContactPatch;
}

impl Resource for Opportunities {
    const PATH: &'static str = "opportunities";
    const NAME: &'static str = "opportunity";
    type Record = Opportunity;
    type New = NewOpportunity;
    type Patch = OpportunityPatch;
}

impl Resource for Deals {
    const PATH: &'static str = "deals";
    const NAME: &'static str = "deal";
    type Record = Deal;
    type New = NewDeal;
    type Patch = DealPatch;
}

impl Resource for Activities {
    const PATH: &'static str = "activities";
    const NAME: &'static str = "activity";
    type Record = Activity;
    type New = NewActivity;
    type Patch = ActivityPatch;
}
