//! The CRM entities as resources: their path and their request and record types. Each
//! entity's resource is made with its types by [`crate::wire::entity!`].

use serde::Serialize;
use serde::de::DeserializeOwned;

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

pub use crate::activities::Activities;
pub use crate::contacts::Contacts;
pub use crate::deals::Deals;
pub use crate::opportunities::Opportunities;
