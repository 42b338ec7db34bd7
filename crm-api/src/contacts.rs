//! Contacts: the people a user sells to.

use crate::ContactStatus;
use crate::catalog::FieldKind::{Email, Enum, Int, Phone, Text};
use crate::catalog::{Hooks, LONG_MAX, NAME_MAX, NO_HOOKS, SHORT_MAX, SOURCE_MAX};

crate::wire::entity! {
    /// Contacts, served under `/api/crm/contacts`.
    resource Contacts;
    /// Contacts in the catalog.
    info CONTACTS = "contacts", "contact", Hooks { match_email: true, ..NO_HOOKS },
        ["id", "name", "email", "phone", "company", "status", "rating", "updated_at"];
    /// A stored contact.
    record Contact;
    /// Body of `POST /api/crm/contacts`.
    new NewContact;
    /// Body of `PUT`/`PATCH /api/crm/contacts/:id`: absent fields stay, `null` clears.
    patch ContactPatch;
    fields {
        name: String = required, Text { max: NAME_MAX }, "Full name" [searched],
        email: String = optional, Email, "E-mail address" [searched],
        phone: String = optional, Phone, "Phone number",
        company: String = optional, Text { max: SHORT_MAX }, "Company" [searched],
        job_title: String = optional, Text { max: SHORT_MAX }, "Job title",
        status: ContactStatus = default, Enum(ContactStatus::TEXTS), "Status (default Lead)",
        source: String = optional, Text { max: SOURCE_MAX }, "Where the contact came from",
        notes: String = optional, Text { max: LONG_MAX }, "Free-form notes" [no_filter],
        rating: i64 = optional, Int { min: 0, max: 5 }, "Rating, 0 to 5",
    }
    system {}
}
