//! Generates an account of a given size through the bulk endpoint.

use std::time::{Duration, Instant};

use crm_api::batch::{BatchRequest, MatchOn};
use crm_api::client::Client;
use crm_api::resource::{Activities, Contacts, Deals, Opportunities, Resource};
use serde_json::{Value, json};

const FIRST: &[&str] =
    &["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Radia", "Tim", "Linus", "Margaret"];
const LAST: &[&str] = &[
    "Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Perlman", "Berners",
    "Torvalds", "Hamilton",
];
const COMPANY: &[&str] =
    &["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell", "Cyberdyne"];
const STATUS: &[&str] = &["Lead", "Prospect", "Customer", "Closed"];
pub const STAGES: &[&str] = &["Prospect", "Qualification", "Proposal", "Negotiation", "Closed-Won", "Closed-Lost"];
pub const TYPES: &[&str] = &["Call", "Email", "Meeting", "Task", "Note"];

/// A cheap, deterministic hash of an index (splitmix64).
pub fn mix(i: u64) -> u64 {
    let mut z = i.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

pub fn pick<'a>(list: &[&'a str], i: u64, salt: u64) -> &'a str {
    list[(mix(i ^ salt) % list.len() as u64) as usize]
}

pub fn contact(i: u64) -> Value {
    json!({
        "name": format!("{} {} {i}", pick(FIRST, i, 1), pick(LAST, i, 2)),
        "email": format!("person{i}@{}.example.com", pick(COMPANY, i, 3).to_lowercase()),
        "phone": format!("+1 555 {:04} {:04}", mix(i) % 10_000, i % 10_000),
        "company": pick(COMPANY, i, 3),
        "job_title": "Buyer",
        "status": pick(STATUS, i, 4),
        "source": "benchmark",
        "rating": mix(i ^ 5) % 6,
    })
}

/// How many records of each entity an account of `contacts` contacts has.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub contacts: u64,
    pub opportunities: u64,
    pub deals: u64,
    pub activities: u64,
}

impl Sizes {
    pub fn for_contacts(contacts: u64) -> Self {
        Sizes { contacts, opportunities: contacts / 10, deals: contacts / 20, activities: contacts / 5 }
    }
}

/// Sends `total` records made by `make` in batches of 1000, `in_flight` at a time.
pub async fn load<R: Resource>(
    client: &Client,
    total: u64,
    in_flight: usize,
    match_on: MatchOn,
    make: impl Fn(u64) -> Value,
) -> anyhow::Result<Duration> {
    let start = Instant::now();
    let mut pending = tokio::task::JoinSet::new();
    let mut next = 0u64;
    while next < total || !pending.is_empty() {
        while next < total && pending.len() < in_flight {
            let end = (next + 1000).min(total);
            let records: Vec<Value> = (next..end).map(&make).collect();
            let client = client.clone();
            let req = BatchRequest { records, match_on: Some(match_on), dry_run: false, ..Default::default() };
            pending.spawn(async move { client.batch::<R>(&req).await });
            next = end;
        }
        if let Some(done) = pending.join_next().await {
            let r = done??;
            anyhow::ensure!(
                r.failed == 0,
                "{} records of a {} batch failed: {:?}",
                r.failed,
                R::PATH,
                r.results.iter().find(|x| !x.errors.is_empty())
            );
        }
    }
    Ok(start.elapsed())
}

/// Fills the account: contacts, opportunities and deals linked to them, deals moved through two
/// more stages (a stage history), activities. Returns the contacts' load rate (rows/s).
pub async fn generate(client: &Client, sizes: Sizes, first_contact_id: i64) -> anyhow::Result<f64> {
    let in_flight = 4;
    let c0 = first_contact_id;
    let took = load::<Contacts>(client, sizes.contacts, in_flight, MatchOn::None, contact).await?;
    let contact_rate = sizes.contacts as f64 / took.as_secs_f64();
    eprintln!("  {} contacts in {:.1}s ({:.0}/s)", sizes.contacts, took.as_secs_f64(), contact_rate);
    let took = load::<Opportunities>(client, sizes.opportunities, in_flight, MatchOn::None, |i| {
        json!({
            "contact_id": c0 + (mix(i) % sizes.contacts) as i64,
            "name": format!("Opportunity {i}"),
            "value": format!("{}.{:02}", mix(i) % 100_000, i % 100),
            "currency": "USD",
            "probability": mix(i ^ 7) % 101,
            "stage": pick(STAGES, i, 8),
        })
    })
    .await?;
    eprintln!("  {} opportunities in {:.1}s", sizes.opportunities, took.as_secs_f64());
    let took = load::<Deals>(client, sizes.deals, in_flight, MatchOn::None, |i| {
        json!({
            "contact_id": c0 + (mix(i ^ 9) % sizes.contacts) as i64,
            "name": format!("Deal {i}"),
            "amount": format!("{}.{:02}", mix(i ^ 10) % 50_000, i % 100),
            "stage": "Prospect",
        })
    })
    .await?;
    eprintln!("  {} deals in {:.1}s", sizes.deals, took.as_secs_f64());
    for stage in ["Qualification", "Proposal"] {
        let took = load::<Deals>(
            client,
            sizes.deals,
            in_flight,
            MatchOn::Id,
            |i| json!({ "id": i as i64 + 1, "stage": stage }),
        )
        .await?;
        eprintln!("  {} deals moved to {stage} in {:.1}s", sizes.deals, took.as_secs_f64());
    }
    let took = load::<Activities>(client, sizes.activities, in_flight, MatchOn::None, |i| {
        json!({
            "type": pick(TYPES, i, 11),
            "contact_id": c0 + (mix(i ^ 12) % sizes.contacts) as i64,
            "description": format!("Follow up {i}"),
            "due_date": format!("2027-{:02}-{:02}", 1 + mix(i) % 12, 1 + mix(i ^ 13) % 28),
        })
    })
    .await?;
    eprintln!("  {} activities in {:.1}s", sizes.activities, took.as_secs_f64());
    Ok(contact_rate)
}
