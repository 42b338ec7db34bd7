//! `crm-bench figures`: the numbers a sales team opens the CRM for, on a large account: the
//! dashboard, the pipeline summary, the pipeline board (50 per stage), the forecast and the
//! activity queue, each driven at 16 connections, on SQLite and on PostgreSQL.
//!
//! The account: `--contacts` contacts (1,000,000), 100,000 opportunities, `--deals` deals
//! (100,000) created over the last two years in three currencies with close dates from three
//! months back to nine ahead, each moved `--moves` times (9: with its first stage, 1,000,000
//! stage changes), and `--activities` activities (200,000) due around today, a third of them
//! logged against a deal, a fifth completed. Qualification and Proposal rot after 30 days.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{Days, Utc};
use crm_api::batch::MatchOn;
use crm_api::resource::{Activities, Contacts, Deals, Opportunities};
use hyper::Method;
use serde_json::json;

use super::data::{STAGES, TYPES, contact, load, mix, pick};
use super::load::{MakeRequest, drive};
use super::{Args, Started, Which, server_binary, settle, start};

/// The account beyond its contacts.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    pub deals: u64,
    pub moves: u64,
    pub activities: u64,
}

const CURRENCIES: &[&str] = &["USD", "USD", "USD", "EUR", "GBP"];
const PRIORITIES: &[&str] = &["Low", "Normal", "Normal", "High", "Urgent"];
const CONNECTIONS: usize = 16;

async fn generate(s: &Started, contacts: u64, sizes: Sizes) -> anyhow::Result<()> {
    let client = &s.client;
    let in_flight = 4;
    let started = Instant::now();
    let took = load::<Contacts>(client, contacts, in_flight, MatchOn::None, contact).await?;
    eprintln!("  {contacts} contacts in {:.1}s", took.as_secs_f64());
    let opportunities = contacts / 10;
    let took = load::<Opportunities>(client, opportunities, in_flight, MatchOn::None, |i| {
        json!({
            "contact_id": 1 + (mix(i) % contacts) as i64,
            "name": format!("Opportunity {i}"),
            "value": format!("{}.{:02}", mix(i) % 100_000, i % 100),
            "currency": pick(CURRENCIES, i, 14),
            "stage": pick(STAGES, i, 8),
        })
    })
    .await?;
    eprintln!("  {opportunities} opportunities in {:.1}s", took.as_secs_f64());
    let now = Utc::now();
    let today = now.date_naive();
    let took = load::<Deals>(client, sizes.deals, in_flight, MatchOn::None, |i| {
        let created = now - chrono::Duration::seconds((mix(i ^ 15) % (730 * 86_400)) as i64);
        let close = today - Days::new(90) + Days::new(mix(i ^ 16) % 365);
        let mut d = json!({
            "contact_id": 1 + (mix(i ^ 9) % contacts) as i64,
            "name": format!("Deal {i}"),
            "amount": format!("{}.{:02}", mix(i ^ 10) % 50_000, i % 100),
            "currency": pick(CURRENCIES, i, 17),
            "close_date": close.to_string(),
            "created_at": crm_api::time::format(&created),
        });
        if mix(i ^ 18).is_multiple_of(5) {
            d["probability"] = json!(mix(i ^ 19) % 101);
        }
        d
    })
    .await?;
    eprintln!("  {} deals in {:.1}s", sizes.deals, took.as_secs_f64());
    for pass in 0..sizes.moves {
        let took = load::<Deals>(client, sizes.deals, in_flight, MatchOn::Id, |i| {
            // A stage other than the one of the pass before (the first is Prospect).
            let k = (mix(i ^ (100 + pass)) % 5 + 1 + (pass % 2)) as usize % STAGES.len();
            json!({ "id": i as i64 + 1, "stage": STAGES[k] })
        })
        .await?;
        eprintln!("  move {} of the deals in {:.1}s", pass + 1, took.as_secs_f64());
    }
    let took = load::<Activities>(client, sizes.activities, in_flight, MatchOn::None, |i| {
        let due = today - Days::new(30) + Days::new(mix(i ^ 20) % 60);
        let mut a = json!({
            "type": pick(TYPES, i, 11),
            "priority": pick(PRIORITIES, i, 21),
            "contact_id": 1 + (mix(i ^ 12) % contacts) as i64,
            "description": format!("Follow up {i}"),
            "due_date": due.to_string(),
            "completed": mix(i ^ 22).is_multiple_of(5),
        });
        if mix(i ^ 23).is_multiple_of(3) {
            a["deal_id"] = json!(1 + (mix(i ^ 24) % sizes.deals) as i64);
        }
        a
    })
    .await?;
    eprintln!("  {} activities in {:.1}s", sizes.activities, took.as_secs_f64());
    // Two stages rot after 30 days, so that the summary counts rotting deals.
    let pipeline = client.list_pipelines().await?.remove(0);
    for stage in &pipeline.stages[1..3] {
        let patch = crm_api::pipelines::StagePatch { rotting_days: Some(Some(30)), ..Default::default() };
        client.update_stage(pipeline.id, stage.id, &patch).await?;
    }
    eprintln!("  account generated in {:.0}s", started.elapsed().as_secs_f64());
    Ok(())
}

pub async fn run(args: &Args, sizes: Sizes) -> anyhow::Result<()> {
    let server_bin = server_binary(args)?;
    let backends: &[&str] = match args.backend {
        Which::Sqlite => &["sqlite"],
        Which::Postgres => &["postgres"],
        Which::Both => &["sqlite", "postgres"],
    };
    println!(
        "Run: {} UTC, `crm-bench figures --contacts {} --deals {} --moves {} --activities {} --seconds {}`, {CONNECTIONS} connections",
        Utc::now().format("%Y-%m-%d %H:%M"),
        args.contacts,
        sizes.deals,
        sizes.moves,
        sizes.activities,
        args.seconds
    );
    for backend in backends {
        let s = start(args, &server_bin, backend).await?;
        generate(&s, args.contacts, sizes).await?;
        settle(&s).await?;
        let addr = format!("127.0.0.1:{}", s.port).parse()?;
        let get = |path: &'static str| -> MakeRequest { Arc::new(move |_| (Method::GET, path.to_string(), None)) };
        let cases: Vec<(&str, MakeRequest)> = vec![
            ("GET /dashboard (this month)", get("/api/crm/dashboard")),
            ("GET /pipeline?view=summary", get("/api/crm/pipeline?view=summary")),
            ("GET /pipeline (50 per stage)", get("/api/crm/pipeline")),
            ("GET /forecast (6 months)", get("/api/crm/forecast")),
            ("GET /activities/queue", get("/api/crm/activities/queue")),
        ];
        println!();
        println!("### {backend}");
        println!();
        println!("| endpoint | req/s | p50 ms | p95 ms | p99 ms | errors |");
        println!("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (name, make) in cases {
            eprintln!("measuring {name}");
            let stats = drive(addr, Some(&s.token), make, CONNECTIONS, Duration::from_secs(args.seconds)).await?;
            if let Some(e) = &stats.first_error {
                eprintln!("  first error: {e}");
            }
            println!(
                "| {name} | {:.0} | {:.2} | {:.2} | {:.2} | {} |",
                stats.rps(),
                stats.ms(0.50),
                stats.ms(0.95),
                stats.ms(0.99),
                stats.errors
            );
        }
        if let Some(admin) = s.pg_admin {
            admin.close().await;
        }
    }
    Ok(())
}
