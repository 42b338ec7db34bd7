//! The mapping tables: remote vocabularies (status, stage, source, type) turned into ours. The
//! raw value always stays in the cache; a value that maps to nothing is reported (and counted
//! in the run's `unmapped`), and leaves our field as it was.

use chrono::NaiveDate;
use crm_api::catalog::{LONG_MAX, NAME_MAX, SHORT_MAX, SOURCE_MAX};
use crm_api::{ContactStatus, Money};
use serde_json::Value as Json;

/// A person in our vocabulary: the contact fields a source fills.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PersonFields {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub company: Option<String>,
    pub job_title: Option<String>,
    pub status: Option<ContactStatus>,
    pub source: Option<String>,
    pub notes: Option<String>,
}

/// Where a remote deal's stage falls in a pipeline of ours: an open stage (0 the first, up to
/// but not 1, the last), or the won or the lost one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StagePlace {
    Open(f64),
    Won,
    Lost,
}

/// A deal in our vocabulary.
#[derive(Debug, Clone, PartialEq)]
pub struct DealFields {
    pub name: String,
    pub amount: Money,
    pub currency: String,
    pub stage: StagePlace,
    pub close_date: Option<NaiveDate>,
    /// The external id of its person, if any.
    pub person: Option<String>,
}

/// Collects the values that map to nothing.
#[derive(Debug, Default)]
pub struct Unmapped(pub Vec<(&'static str, String)>);

impl Unmapped {
    fn note(&mut self, field: &'static str, value: &str) {
        self.0.push((field, value.to_string()));
    }
}

/// A text field: trimmed, empty as none, cut to `max` characters.
pub fn text(raw: &Json, key: &str, max: usize) -> Option<String> {
    let s = match raw.get(key)? {
        Json::String(s) => s.trim().to_string(),
        Json::Number(n) => n.to_string(),
        _ => return None,
    };
    (!s.is_empty()).then(|| s.chars().take(max).collect())
}

/// A record's id as text (numbers or strings).
pub fn id(raw: &Json, key: &str) -> Option<String> {
    text(raw, key, SHORT_MAX)
}

fn lookup<T: Copy>(table: &[(&str, T)], value: &str) -> Option<T> {
    table.iter().find(|(k, _)| crm_api::enums::fold_eq(k, value)).map(|(_, v)| *v)
}

/// Lead sources we know, in our spelling.
const SOURCES: &[&str] = &[
    "Zillow",
    "Realtor.com",
    "Trulia",
    "Redfin",
    "Website",
    "Open House",
    "Referral",
    "Past Client",
    "Sign Call",
    "Facebook",
    "Google",
    "Email",
];

/// Contact types we know (kept in the cache; nothing of ours holds them yet).
const TYPES: &[&str] = &["Buyer", "Seller", "Renter", "Investor", "Landlord", "Buyer/Seller"];

const BRIVITY_STATUS: &[(&str, ContactStatus)] = &[
    ("new", ContactStatus::Lead),
    ("lead", ContactStatus::Lead),
    ("active", ContactStatus::Prospect),
    ("nurture", ContactStatus::Prospect),
    ("hot", ContactStatus::Prospect),
    ("closed", ContactStatus::Customer),
    ("past client", ContactStatus::Customer),
    ("archived", ContactStatus::Closed),
    ("trash", ContactStatus::Closed),
];

const TOPPRODUCER_STATUS: &[(&str, ContactStatus)] = &[
    ("New", ContactStatus::Lead),
    ("Active", ContactStatus::Prospect),
    ("Nurture", ContactStatus::Prospect),
    ("Past Client", ContactStatus::Customer),
    ("Archived", ContactStatus::Closed),
];

const BRIVITY_DEAL_STATUS: &[(&str, StagePlace)] = &[
    ("active", StagePlace::Open(0.0)),
    ("pending", StagePlace::Open(0.75)),
    ("closed", StagePlace::Won),
    ("cancelled", StagePlace::Lost),
    ("canceled", StagePlace::Lost),
    ("expired", StagePlace::Lost),
    ("withdrawn", StagePlace::Lost),
];

const TOPPRODUCER_STAGE: &[(&str, StagePlace)] = &[
    ("Prospect", StagePlace::Open(0.0)),
    ("Showing", StagePlace::Open(0.25)),
    ("Offer", StagePlace::Open(0.5)),
    ("Under Contract", StagePlace::Open(0.75)),
    ("Closed", StagePlace::Won),
    ("Lost", StagePlace::Lost),
];

fn status(table: &[(&str, ContactStatus)], raw: &Json, key: &str, u: &mut Unmapped) -> Option<ContactStatus> {
    let value = text(raw, key, SHORT_MAX)?;
    let found = lookup(table, &value);
    if found.is_none() {
        u.note("status", &value);
    }
    found
}

/// The source in our spelling when we know it; else as written (and reported).
fn source(raw: &Json, key: &str, u: &mut Unmapped) -> Option<String> {
    let value = text(raw, key, SOURCE_MAX)?;
    match SOURCES.iter().find(|s| crm_api::enums::fold_eq(s, &value)) {
        Some(s) => Some(s.to_string()),
        None => {
            u.note("source", &value);
            Some(value)
        }
    }
}

fn kind(raw: &Json, key: &str, u: &mut Unmapped) {
    if let Some(value) = text(raw, key, SHORT_MAX)
        && !TYPES.iter().any(|t| crm_api::enums::fold_eq(t, &value))
    {
        u.note("type", &value);
    }
}

/// A name from its parts; else the e-mail, the phone, or the source's id.
fn name(first: Option<String>, last: Option<String>, fallbacks: &[&Option<String>], id: &str) -> String {
    let joined = [first, last].into_iter().flatten().collect::<Vec<_>>().join(" ");
    let name = if joined.is_empty() {
        fallbacks.iter().find_map(|f| f.as_ref().cloned()).unwrap_or_else(|| format!("Person {id}"))
    } else {
        joined
    };
    name.chars().take(NAME_MAX).collect()
}

fn money(raw: &Json, key: &str) -> Money {
    match raw.get(key) {
        Some(Json::String(s)) => s.trim().parse().unwrap_or(Money(0)),
        Some(Json::Number(n)) => n.to_string().parse().unwrap_or(Money(0)),
        _ => Money(0),
    }
}

fn date(raw: &Json, key: &str) -> Option<NaiveDate> {
    text(raw, key, 40).and_then(|d| NaiveDate::parse_from_str(d.get(..10).unwrap_or(&d), "%Y-%m-%d").ok())
}

/// A Brivity person (INTEGRATIONS.md).
pub fn brivity_person(raw: &Json, id: &str) -> (PersonFields, Unmapped) {
    let mut u = Unmapped::default();
    let email = text(raw, "email_address", SHORT_MAX);
    let phone = text(raw, "phone_number", SHORT_MAX);
    let fields = PersonFields {
        name: name(text(raw, "first_name", NAME_MAX), text(raw, "last_name", NAME_MAX), &[&email, &phone], id),
        company: text(raw, "company", SHORT_MAX),
        job_title: text(raw, "job_title", SHORT_MAX),
        status: status(BRIVITY_STATUS, raw, "status", &mut u),
        source: source(raw, "source", &mut u),
        notes: text(raw, "description", LONG_MAX),
        email,
        phone,
    };
    kind(raw, "type", &mut u);
    (fields, u)
}

/// A Top Producer contact (INTEGRATIONS.md, assumed).
pub fn topproducer_contact(raw: &Json, id: &str) -> (PersonFields, Unmapped) {
    let mut u = Unmapped::default();
    let email = text(raw, "email", SHORT_MAX);
    let phone = text(raw, "phone", SHORT_MAX);
    let fields = PersonFields {
        name: name(text(raw, "firstName", NAME_MAX), text(raw, "lastName", NAME_MAX), &[&email, &phone], id),
        company: text(raw, "company", SHORT_MAX),
        job_title: text(raw, "title", SHORT_MAX),
        status: status(TOPPRODUCER_STATUS, raw, "status", &mut u),
        source: source(raw, "source", &mut u),
        notes: None,
        email,
        phone,
    };
    kind(raw, "type", &mut u);
    (fields, u)
}

fn stage(table: &[(&str, StagePlace)], raw: &Json, key: &str, u: &mut Unmapped) -> StagePlace {
    match text(raw, key, SHORT_MAX) {
        Some(value) => lookup(table, &value).unwrap_or_else(|| {
            u.note("stage", &value);
            StagePlace::Open(0.0)
        }),
        None => StagePlace::Open(0.0),
    }
}

/// A Brivity transaction (INTEGRATIONS.md, hypothetical).
pub fn brivity_deal(raw: &Json, id: &str) -> (DealFields, Unmapped) {
    let mut u = Unmapped::default();
    let fields = DealFields {
        name: text(raw, "name", NAME_MAX).unwrap_or_else(|| format!("Transaction {id}")),
        amount: money(raw, "price"),
        currency: crm_api::currency::DEFAULT.to_string(),
        stage: stage(BRIVITY_DEAL_STATUS, raw, "status", &mut u),
        close_date: date(raw, "close_date"),
        person: crate::connectors::mapping::id(raw, "person_id"),
    };
    (fields, u)
}

/// A Top Producer transaction (INTEGRATIONS.md, assumed).
pub fn topproducer_deal(raw: &Json, id: &str) -> (DealFields, Unmapped) {
    let mut u = Unmapped::default();
    let currency = text(raw, "currency", 3)
        .and_then(|c| crm_api::currency::normalize(&c))
        .unwrap_or(crm_api::currency::DEFAULT)
        .to_string();
    let fields = DealFields {
        name: text(raw, "name", NAME_MAX).unwrap_or_else(|| format!("Transaction {id}")),
        amount: money(raw, "amount"),
        currency,
        stage: stage(TOPPRODUCER_STAGE, raw, "stage", &mut u),
        close_date: date(raw, "closeDate"),
        person: crate::connectors::mapping::id(raw, "contactId"),
    };
    (fields, u)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn brivity_people_map_and_report_what_does_not() {
        let raw = json!({"id": 7, "first_name": " José ", "last_name": "Ñúñez", "email_address": "jose@example.com",
            "status": "ACTIVE", "source": "zillow", "type": "Buyer"});
        let (p, u) = brivity_person(&raw, "7");
        assert_eq!(p.name, "José Ñúñez");
        assert_eq!(p.status, Some(ContactStatus::Prospect));
        assert_eq!(p.source.as_deref(), Some("Zillow"));
        assert!(u.0.is_empty());

        let raw = json!({"id": 8, "email_address": "x@example.com", "status": "zombie", "source": "Carrier Pigeon", "type": "Alien"});
        let (p, u) = brivity_person(&raw, "8");
        assert_eq!(p.name, "x@example.com");
        assert_eq!(p.status, None);
        assert_eq!(p.source.as_deref(), Some("Carrier Pigeon"));
        assert_eq!(
            u.0,
            [("status", "zombie".to_string()), ("source", "Carrier Pigeon".to_string()), ("type", "Alien".to_string())]
        );
    }

    #[test]
    fn deals_fall_on_a_stage_place() {
        let raw = json!({"id": "t-1", "contactId": "c-1", "amount": "1250.50", "currency": "cad", "stage": "Under Contract", "closeDate": "2027-01-15"});
        let (d, u) = topproducer_deal(&raw, "t-1");
        assert_eq!((d.amount, d.currency.as_str(), d.stage), (Money(125_050), "CAD", StagePlace::Open(0.75)));
        assert_eq!(d.close_date, NaiveDate::from_ymd_opt(2027, 1, 15));
        assert_eq!(d.person.as_deref(), Some("c-1"));
        assert!(u.0.is_empty());
        let (d, u) = brivity_deal(&json!({"id": 3, "price": 99, "status": "limbo"}), "3");
        assert_eq!((d.amount, d.stage, d.name.as_str()), (Money(9900), StagePlace::Open(0.0), "Transaction 3"));
        assert_eq!(u.0, [("stage", "limbo".to_string())]);
    }
}
