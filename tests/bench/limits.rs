//! What the limits cost GET-by-id: two servers of one build on fresh SQLite databases, one
//! with the limits on (every request admitted past the in-flight cap, the address's and the
//! user's rates, which the load never reaches, and the request timeout) and one with
//! `CRM_LIMITS=off`, driven in turn, pair after pair, on one path; the server's CPU read from
//! `/proc` around each run.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use crm_api::contacts::NewContact;
use crm_api::resource::Contacts;
use reqwest::Method;

use crate::{Args, MakeRequest, cpu_ticks, drive, start_with};

const CONNECTIONS: usize = 64;

pub async fn run(args: &Args, server_bin: &Path, pairs: usize) -> anyhow::Result<()> {
    let on = start_with(args, server_bin, "sqlite", &[("CRM_LIMITS", "on".into())]).await?;
    let off = start_with(args, server_bin, "sqlite", &[("CRM_LIMITS", "off".into())]).await?;
    let mut paths = Vec::new();
    for s in [&on, &off] {
        let c = NewContact { name: "Ada Lovelace".into(), email: Some("ada@example.com".into()), ..Default::default() };
        let created = s.client.create::<Contacts>(&c).await?;
        paths.push(format!("/api/crm/contacts/{}", created.record.id));
    }
    let secs = Duration::from_secs(args.seconds);
    let tick = 100.0; // clock ticks a second (USER_HZ)
    let mut rows: Vec<[(f64, f64); 2]> = Vec::new();
    eprintln!("{pairs} pairs of {} s at {CONNECTIONS} connections", args.seconds);
    for pair in 0..pairs {
        let mut row = [(0.0, 0.0); 2];
        // Alternate which goes first, so that neither always follows the other.
        let order: [usize; 2] = if pair % 2 == 0 { [0, 1] } else { [1, 0] };
        for i in order {
            let s = [&on, &off][i];
            let path = paths[i].clone();
            let make: MakeRequest = Arc::new(move |_| (Method::GET, path.clone(), None));
            let before = cpu_ticks(s.pid).unwrap_or(0);
            let stats =
                drive(format!("127.0.0.1:{}", s.port).parse()?, Some(&s.token), make, CONNECTIONS, secs).await?;
            let after = cpu_ticks(s.pid).unwrap_or(0);
            anyhow::ensure!(stats.errors == 0, "{} errors", stats.errors);
            let requests = stats.rps() * secs.as_secs_f64();
            let cpu_us = (after - before) as f64 / tick * 1e6 / requests.max(1.0);
            row[i] = (stats.rps(), cpu_us);
            eprintln!(
                "pair {pair}: limits {}: {:.0} req/s, {cpu_us:.1} us CPU a request",
                ["on", "off"][i],
                stats.rps()
            );
        }
        rows.push(row);
    }
    let mean =
        |i: usize, k: usize| rows.iter().map(|r| if k == 0 { r[i].0 } else { r[i].1 }).sum::<f64>() / rows.len() as f64;
    let median = |i: usize| {
        let mut v: Vec<f64> = rows.iter().map(|r| r[i].0).collect();
        v.sort_by(f64::total_cmp);
        let n = v.len();
        if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 }
    };
    println!("| limits | req/s, mean of {pairs} | median | server CPU a request, mean |");
    println!("| --- | ---: | ---: | ---: |");
    for (i, name) in [(1, "off (`CRM_LIMITS=off`)"), (0, "on")] {
        println!("| {name} | {:.0} | {:.0} | {:.1} us |", mean(i, 0), median(i), mean(i, 1));
    }
    let cost = |a: f64, b: f64| (1.0 - a / b) * 100.0;
    println!(
        "| cost | {:.1}% | {:.1}% | {:.1}% |",
        cost(mean(0, 0), mean(1, 0)),
        cost(median(0), median(1)),
        -cost(mean(0, 1), mean(1, 1))
    );
    Ok(())
}
