//! Generating records from a seed: the people, contacts and transactions a simulator starts
//! with, and the ones a mutation adds. Every field draws from [`crate::pools`]; the same seed
//! gives the same records.

use chrono::DateTime;

use crate::config::SimConfig;
use crate::feed::Feed;
use crate::pools::*;
use crate::records::{BrivityPerson, BrivityTransaction, TpContact, TpTransaction};
use crate::rng::Rng;
use crate::world::World;

/// The first Brivity person id.
pub(crate) const FIRST_PERSON_ID: u64 = 1000;
/// The first Brivity lead id.
pub(crate) const FIRST_LEAD_ID: u64 = 88_000;
/// Generated records changed between 2023-01-01 and 2026-01-01 (UTC), before any mutation.
const HISTORY_START: i64 = 1_672_531_200;
pub(crate) const HISTORY_END: i64 = 1_767_225_600;

/// The streams of the seed, one per table.
mod stream {
    pub(super) const BRIVITY_PEOPLE: u64 = 1;
    pub(super) const BRIVITY_TRANSACTIONS: u64 = 2;
    pub(super) const TP_CONTACTS: u64 = 3;
    pub(super) const TP_TRANSACTIONS: u64 = 4;
}

/// The records a simulator of `config` starts with.
pub(crate) fn world(config: &SimConfig) -> World {
    let n = config.people as u64;
    let mut rng = Rng::new(config.seed, stream::BRIVITY_PEOPLE);
    let mut people: Vec<BrivityPerson> =
        (0..n).map(|i| brivity_person(&mut rng, FIRST_PERSON_ID + i, FIRST_LEAD_ID + i)).collect();
    if let Some(every) = config.brivity_twins_every.filter(|e| *e > 0) {
        for i in (every..people.len()).step_by(every) {
            let before = people[i - 1].email_address.clone().unwrap_or_else(|| format!("twin{i}@homes.example"));
            people[i - 1].email_address = Some(before.clone());
            people[i].email_address = Some(other_case(&before));
        }
    }

    let deals = config.deals() as u64;
    let mut rng = Rng::new(config.seed, stream::BRIVITY_TRANSACTIONS);
    let brivity_transactions: Vec<BrivityTransaction> = if people.is_empty() {
        Vec::new()
    } else {
        (1..=deals)
            .map(|id| {
                let person = people[rng.below(n) as usize].id;
                brivity_transaction(&mut rng, id, person)
            })
            .collect()
    };

    let contacts = tp_contacts(&mut Rng::new(config.seed, stream::TP_CONTACTS), &people);
    let mut rng = Rng::new(config.seed, stream::TP_TRANSACTIONS);
    let tp_transactions: Vec<TpTransaction> = if contacts.is_empty() {
        Vec::new()
    } else {
        (1..=deals)
            .map(|number| {
                let contact = rng.range(1, n + 1);
                let at = rng.range(HISTORY_START as u64, HISTORY_END as u64) as i64;
                tp_transaction(&mut rng, number, contact, at)
            })
            .collect()
    };

    World::new(people, brivity_transactions, Feed::new(contacts), Feed::new(tp_transactions))
}

/// Top Producer contacts, one per Brivity person; a third of them are the same person as a
/// Brivity person (same names, and the same email address, now and then in another case).
fn tp_contacts(rng: &mut Rng, people: &[BrivityPerson]) -> Vec<TpContact> {
    let n = people.len();
    let mut with_email: Vec<usize> = (0..n).filter(|&i| people[i].email_address.is_some()).collect();
    let shared = (n / 3).min(with_email.len());
    rng.sample_front(&mut with_email, shared);
    let mut slots: Vec<usize> = (0..n).collect();
    rng.sample_front(&mut slots, shared);
    let mut twin_of: Vec<Option<usize>> = vec![None; n];
    for k in 0..shared {
        twin_of[slots[k]] = Some(with_email[k]);
    }
    (0..n)
        .map(|i| {
            let number = i as u64 + 1;
            let at = rng.range(HISTORY_START as u64, HISTORY_END as u64) as i64;
            match twin_of[i] {
                Some(j) => tp_twin(rng, number, at, &people[j]),
                None => tp_contact(rng, number, at),
            }
        })
        .collect()
}

/// A Brivity person.
pub(crate) fn brivity_person(rng: &mut Rng, id: u64, lead_id: u64) -> BrivityPerson {
    let (first, first_ascii) = rng.pick(FIRST_NAMES);
    let (last, last_ascii) = rng.pick(LAST_NAMES);
    let first = rng.chance(0.99).then_some((first, first_ascii));
    let last = rng.chance(0.97).then_some((last, last_ascii));
    let (kind, lead_type) = rng.pick(TYPES);
    let place = rng.pick(PLACES);
    let has_address = rng.chance(0.85);
    BrivityPerson {
        id,
        lead_id: rng.chance(0.98).then_some(lead_id),
        uuid: Some(uuid(rng)),
        first_name: first.map(|n| n.0),
        last_name: last.map(|n| n.0),
        email_address: (!rng.chance(0.08)).then(|| email(rng, first.map(|n| n.1), last.map(|n| n.1), 2 * id)),
        phone_number: rng.chance(0.93).then(|| phone(rng)),
        company: rng.chance(0.12).then(|| rng.pick(COMPANIES)),
        job_title: rng.chance(0.2).then(|| rng.pick(JOB_TITLES)),
        source: source(rng),
        status: rng.chance(0.99).then(|| rng.weighted(BRIVITY_STATUSES)),
        stage: rng.chance(0.95).then(|| rng.pick(BRIVITY_STAGES)),
        stage_type: rng.chance(0.95).then(|| rng.pick(BRIVITY_STAGE_TYPES)),
        kind: rng.chance(0.97).then_some(kind),
        lead_type: rng.chance(0.95).then_some(lead_type),
        description: rng.chance(0.15).then(|| rng.pick(DESCRIPTIONS)),
        street_address: has_address.then(|| street(rng)),
        city: (has_address || rng.chance(0.5)).then_some(place.city),
        locality: Some(place.locality),
        postal_code: has_address.then(|| postal_code(rng, place)),
        country: rng.chance(0.9).then_some(place.country),
        tags: rng.chance(0.97).then(|| tags(rng)),
    }
}

/// A Brivity transaction of `person_id`.
fn brivity_transaction(rng: &mut Rng, id: u64, person_id: u64) -> BrivityTransaction {
    let status = rng.weighted(BRIVITY_DEAL_STATUSES);
    let close_date = match status {
        "closed" => Some(date(rng.range(HISTORY_START as u64, HISTORY_END as u64) as i64)),
        "pending" => Some(date(rng.range(HISTORY_END as u64, HISTORY_END as u64 + 400 * 86_400) as i64)),
        "active" if rng.chance(0.5) => {
            Some(date(rng.range(HISTORY_END as u64, HISTORY_END as u64 + 700 * 86_400) as i64))
        }
        _ => None,
    };
    BrivityTransaction {
        id,
        person_id,
        name: rng.chance(0.98).then(|| street(rng)),
        price: rng.chance(0.97).then(|| money(rng)),
        status: Some(status),
        close_date,
        transaction_type: rng.chance(0.98).then(|| rng.weighted(TRANSACTION_TYPES)),
    }
}

/// Top Producer contact number `number`, last changed at `updated_at`.
pub(crate) fn tp_contact(rng: &mut Rng, number: u64, updated_at: i64) -> TpContact {
    let (first, first_ascii) = rng.pick(FIRST_NAMES);
    let (last, last_ascii) = rng.pick(LAST_NAMES);
    let first = rng.chance(0.99).then_some((first, first_ascii));
    let last = rng.chance(0.98).then_some((last, last_ascii));
    let email = (!rng.chance(0.08)).then(|| email(rng, first.map(|n| n.1), last.map(|n| n.1), 2 * number + 1));
    TpContact {
        id: number,
        first_name: first.map(|n| n.0),
        last_name: last.map(|n| n.0),
        email,
        ..tp_details(rng, number, updated_at)
    }
}

/// Top Producer contact number `number`, the same person as the Brivity `person`.
fn tp_twin(rng: &mut Rng, number: u64, updated_at: i64, person: &BrivityPerson) -> TpContact {
    let email = person.email_address.as_ref().map(|e| if rng.chance(0.2) { other_case(e) } else { e.clone() });
    let phone = match &person.phone_number {
        Some(p) if rng.chance(0.5) => Some(p.clone()),
        _ => rng.chance(0.93).then(|| phone(rng)),
    };
    TpContact {
        first_name: person.first_name,
        last_name: person.last_name,
        email,
        phone,
        kind: person.kind,
        ..tp_details(rng, number, updated_at)
    }
}

/// The fields of a contact besides its names and email address.
fn tp_details(rng: &mut Rng, number: u64, updated_at: i64) -> TpContact {
    TpContact {
        id: number,
        first_name: None,
        last_name: None,
        email: None,
        phone: rng.chance(0.93).then(|| phone(rng)),
        company: rng.chance(0.1).then(|| rng.pick(COMPANIES)),
        title: rng.chance(0.1).then(|| rng.pick(JOB_TITLES)),
        status: Some(tp_status(rng)),
        source: source(rng),
        kind: rng.chance(0.97).then(|| rng.pick(TYPES).0),
        tags: tags(rng),
        updated_at,
        deleted_at: None,
    }
}

/// Top Producer transaction number `number` of contact number `contact`.
fn tp_transaction(rng: &mut Rng, number: u64, contact: u64, updated_at: i64) -> TpTransaction {
    let stage = rng.weighted(TP_STAGES);
    let close_date = match stage {
        "Closed" => Some(date(rng.range(HISTORY_START as u64, HISTORY_END as u64) as i64)),
        "Lost" | "Prospect" => None,
        _ => rng.chance(0.7).then(|| date(rng.range(HISTORY_END as u64, HISTORY_END as u64 + 400 * 86_400) as i64)),
    };
    TpTransaction {
        id: number,
        contact_id: contact,
        name: rng.chance(0.98).then(|| street(rng)),
        amount: rng.chance(0.97).then(|| money(rng)),
        currency: rng.weighted(CURRENCIES),
        stage: Some(stage),
        close_date,
        updated_at,
        deleted_at: None,
    }
}

/// A Top Producer status, now and then one no mapping knows.
pub(crate) fn tp_status(rng: &mut Rng) -> &'static str {
    match rng.weighted(TP_STATUSES) {
        "Unknown-X" => rng.pick(TP_ODD_STATUSES),
        s => s,
    }
}

/// Where a lead came from: mostly the usual places, about 1% odd, now and then unknown.
fn source(rng: &mut Rng) -> Option<&'static str> {
    if rng.chance(0.03) {
        return None;
    }
    Some(match rng.weighted(SOURCES) {
        "Carrier Pigeon" => rng.pick(ODD_SOURCES),
        s => s,
    })
}

/// A unique address: the record's `n` ends the local part (after a letter), so two records
/// never share one, whatever their names; some come in capitals, as people type them.
fn email(rng: &mut Rng, first: Option<&str>, last: Option<&str>, n: u64) -> String {
    let domain = rng.pick(EMAIL_DOMAINS);
    let local = match (rng.below(4), first, last) {
        (0, Some(f), Some(l)) => format!("{f}.{l}{n}"),
        (1, Some(f), Some(l)) => format!("{}{l}{n}", f.get(..1).unwrap_or("x")),
        (2, Some(f), _) => format!("{f}{n}"),
        (3, Some(f), Some(l)) => format!("{f}_{l}{n}"),
        (_, Some(f), None) => format!("{f}{n}"),
        _ => format!("lead{n}"),
    };
    let email = format!("{local}@{domain}");
    match rng.below(100) {
        0..=2 => email.to_ascii_uppercase(),
        3..=5 => capitalized(&email),
        _ => email,
    }
}

/// `ann.lee@example.com` as `Ann.lee@Example.com`.
fn capitalized(email: &str) -> String {
    let mut out = String::with_capacity(email.len());
    let mut start = true;
    for c in email.chars() {
        out.push(if start { c.to_ascii_uppercase() } else { c });
        start = c == '@';
    }
    out
}

/// The same address in another case: lower case if it has capitals, else capitals.
pub(crate) fn other_case(email: &str) -> String {
    if email.bytes().any(|b| b.is_ascii_uppercase()) { email.to_ascii_lowercase() } else { email.to_ascii_uppercase() }
}

/// A fictional phone number (555-01xx) written one of the ways people write them.
pub(crate) fn phone(rng: &mut Rng) -> String {
    let area = rng.pick(AREA_CODES);
    let line = rng.below(100);
    match rng.below(5) {
        0 => format!("+1 {area} 555 01{line:02}"),
        1 => format!("({area}) 555-01{line:02}"),
        2 => format!("{area}-555-01{line:02}"),
        3 => format!("{area}55501{line:02}"),
        _ => format!("+1-{area}-555-01{line:02}"),
    }
}

/// A version 4 UUID.
fn uuid(rng: &mut Rng) -> String {
    let (a, b) = (rng.next_u64(), rng.next_u64());
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        ((b >> 48) & 0x3fff) | 0x8000,
        b & 0xffff_ffff_ffff
    )
}

/// A street address, now and then with an apartment.
fn street(rng: &mut Rng) -> String {
    let number = rng.range(1, 9999);
    let (name, kind) = (rng.pick(STREETS), rng.pick(STREET_KINDS));
    if rng.chance(0.1) {
        format!("{number} {name} {kind} Apt {}", rng.range(1, 40))
    } else {
        format!("{number} {name} {kind}")
    }
}

/// A postal code of `place`, in its country's format.
pub(crate) fn postal_code(rng: &mut Rng, place: Place) -> String {
    if place.country == "CA" {
        let letter = char::from(b'A' + rng.below(26) as u8);
        format!("{} {}{letter}{}", place.postal_prefix, rng.below(10), rng.below(10))
    } else {
        format!("{}{:02}", place.postal_prefix, rng.below(100))
    }
}

/// Zero to three distinct tags.
fn tags(rng: &mut Rng) -> Vec<&'static str> {
    let k = rng.weighted(&[(0usize, 40), (1, 35), (2, 18), (3, 7)]);
    let mut tags = Vec::with_capacity(k);
    while tags.len() < k {
        let t = rng.pick(TAGS);
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    tags
}

/// An amount of money with two decimals: mostly round thousands, some to the cent.
fn money(rng: &mut Rng) -> String {
    let thousands = rng.range(80, 2_500);
    if rng.chance(0.2) {
        format!("{}.{:02}", thousands * 1000 - rng.range(1, 1000), rng.below(100))
    } else {
        format!("{}.00", thousands * 1000)
    }
}

/// A day, `YYYY-MM-DD`.
fn date(secs: i64) -> String {
    DateTime::from_timestamp(secs, 0).map(|t| t.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_unique_and_ascii() {
        let mut rng = Rng::new(1, 0);
        let mut seen = std::collections::HashSet::new();
        for id in 0..5000 {
            let p = brivity_person(&mut rng, FIRST_PERSON_ID + id, 0);
            if let Some(e) = p.email_address {
                assert!(e.is_ascii(), "{e}");
                assert!(seen.insert(e.to_ascii_lowercase()), "{e} twice");
            }
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_world() {
        let config = SimConfig { people: 300, ..SimConfig::default() };
        let (a, b) = (world(&config), world(&config));
        let json = |w: &World| serde_json::to_string(&w.brivity_people).unwrap_or_default();
        assert_eq!(json(&a), json(&b));
        assert_eq!(a.brivity_transactions.len(), 90);
        assert_eq!(a.tp_transactions.iter().count(), 90);
    }

    #[test]
    fn other_case_flips_the_case() {
        assert_eq!(other_case("ann@example.com"), "ANN@EXAMPLE.COM");
        assert_eq!(other_case("Ann@Example.com"), "ann@example.com");
        assert_eq!(capitalized("ann.lee@example.com"), "Ann.lee@Example.com");
    }
}
