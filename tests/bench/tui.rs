//! `crm-bench tui`: the terminal UI against a real server (release builds, SQLite) holding
//! 5,000 open deals (by default) across the open stages, 1,000 contacts and 500 activities.
//! Runs `crm-tui --bench-keys` on each screen: the time from the start of the process to its
//! first full frame (target: 300 ms on the pipeline), and each key press redrawn (target: 16 ms
//! at most). The figures are measured in the binary on a headless 160x48 screen.

use std::process::Command;

use chrono::Utc;
use crm_api::activities::Activities;
use crm_api::batch::MatchOn;
use crm_api::contacts::Contacts;
use crm_api::deals::Deals;
use serde_json::json;

use super::data::{contact, load, mix, pick};
use super::{Args, server_binary, start};

const OPEN: &[&str] = &["Prospect", "Qualification", "Proposal", "Negotiation"];

pub async fn run(args: &Args, deals: u64, keys: usize) -> anyhow::Result<()> {
    let server_bin = server_binary(args)?;
    let tui = server_bin.with_file_name("crm-tui");
    anyhow::ensure!(tui.exists(), "{} is missing: build it (scripts/bench.sh does)", tui.display());
    let s = start(args, &server_bin, "sqlite").await?;
    let contacts = 1_000;
    load::<Contacts>(&s.client, contacts, 4, MatchOn::None, contact).await?;
    load::<Deals>(&s.client, deals, 4, MatchOn::None, |i| {
        json!({
            "contact_id": 1 + (mix(i) % contacts) as i64,
            "name": format!("Deal {i}"),
            "amount": format!("{}.{:02}", mix(i ^ 3) % 50_000, i % 100),
            "stage": pick(OPEN, i, 5),
            "close_date": format!("2027-{:02}-15", 1 + mix(i ^ 4) % 12),
        })
    })
    .await?;
    load::<Activities>(&s.client, 500, 4, MatchOn::None, |i| {
        json!({
            "type": "call",
            "contact_id": 1 + (mix(i ^ 6) % contacts) as i64,
            "description": format!("Call {i}"),
            "due_date": Utc::now().date_naive().to_string(),
        })
    })
    .await?;
    super::settle(&s).await?;
    let config = tempfile::tempdir()?;
    println!(
        "Run: {} UTC, `crm-bench tui --deals {deals} --keys {keys}` (SQLite)",
        Utc::now().format("%Y-%m-%d %H:%M")
    );
    println!();
    for screen in ["pipeline", "dashboard", "activities", "contacts"] {
        let out = Command::new(&tui)
            .args(["--screen", screen, "--bench-keys", &keys.to_string()])
            .env("CRM_SERVER", &s.base)
            .env("CRM_TOKEN", &s.token)
            .env("CRM_CONFIG_DIR", config.path())
            .env_remove("CRM_PROFILE")
            .output()?;
        anyhow::ensure!(out.status.success(), "crm-tui --bench-keys failed: {}", String::from_utf8_lossy(&out.stderr));
        println!("- {}", String::from_utf8_lossy(&out.stdout).trim());
    }
    Ok(())
}
