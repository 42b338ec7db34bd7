//! `crm-bench io`: the CLI's bulk paths end to end. Writes a contacts CSV of the given size,
//! imports it with the real `crm` binary into the real server (SQLite), then exports it again,
//! and reports rows/s and the peak resident memory of both processes.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crm_api::auth::RegisterRequest;
use crm_api::client::Client;

use super::data::contact;
use super::{Proc, free_port, rss_mb, wait_ready};

fn cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Writes `rows` generated contacts as CSV.
fn write_csv(path: &Path, rows: u64) -> anyhow::Result<()> {
    use std::io::Write;
    let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
    let cols = ["name", "email", "phone", "company", "job_title", "status", "source", "rating"];
    writeln!(f, "{}", cols.join(","))?;
    for i in 0..rows {
        let c = contact(i);
        let line: Vec<String> = cols.iter().map(|k| cell(&c[*k])).collect();
        writeln!(f, "{}", line.join(","))?;
    }
    f.flush()?;
    Ok(())
}

/// Runs `crm` to the end, sampling its and the server's resident memory; returns the seconds
/// taken and both peaks in MB.
fn run_crm(crm: &Path, args: &[&str], env: &[(&str, String)], server_pid: u32) -> anyhow::Result<(f64, f64, f64)> {
    let start = Instant::now();
    let mut cmd = Command::new(crm);
    cmd.args(args).stdout(Stdio::null()).stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn()?;
    let pid = child.id();
    let (mut crm_peak, mut server_peak) = (0f64, 0f64);
    let status = loop {
        let r = rss_mb(pid);
        if r.is_finite() {
            crm_peak = crm_peak.max(r);
        }
        let s = rss_mb(server_pid);
        if s.is_finite() {
            server_peak = server_peak.max(s);
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let secs = start.elapsed().as_secs_f64();
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        use std::io::Read;
        e.read_to_string(&mut err)?;
    }
    anyhow::ensure!(status.success(), "crm {} failed: {err}", args.join(" "));
    Ok((secs, crm_peak, server_peak))
}

pub async fn run(server_bin: &Path, rows: u64) -> anyhow::Result<()> {
    let crm = server_bin.with_file_name("crm");
    anyhow::ensure!(crm.exists(), "no crm binary at {} (scripts/bench.sh builds it)", crm.display());
    let dir = tempfile::tempdir()?;
    let url = format!("sqlite:{}", dir.path().join("crm.db").display());
    let port = free_port()?;
    let server = Proc(
        Command::new(server_bin)
            .current_dir(dir.path())
            .env("DATABASE_URL", &url)
            .env("CRM_BIND", format!("127.0.0.1:{port}"))
            .env("JWT_SECRET", "benchmark-secret-benchmark-secret-0123456789")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()?,
    );
    let base = format!("http://127.0.0.1:{port}");
    wait_ready(&base).await?;
    let session = Client::new(&base)?
        .register(&RegisterRequest {
            email: "io@example.com".into(),
            password: "benchmark password".into(),
            name: None,
        })
        .await?;
    let csv = dir.path().join("contacts.csv");
    eprintln!("writing {rows} rows to {}", csv.display());
    write_csv(&csv, rows)?;
    let csv_mb = std::fs::metadata(&csv)?.len() as f64 / 1_048_576.0;
    let env = [
        ("CRM_SERVER", base.clone()),
        ("CRM_TOKEN", session.token.clone()),
        ("CRM_CONFIG_DIR", dir.path().join("config").display().to_string()),
    ];
    let pid = server.0.id();
    eprintln!("importing");
    let file = csv.display().to_string();
    let (import_secs, crm_import_mb, server_import_mb) =
        run_crm(&crm, &["contacts", "import", &file, "-q", "-o", "json"], &env, pid)?;
    eprintln!("exporting");
    let out = dir.path().join("export.csv").display().to_string();
    let (export_secs, crm_export_mb, server_export_mb) = run_crm(&crm, &["contacts", "export", &out], &env, pid)?;
    let exported = std::fs::read_to_string(&out)?.lines().count().saturating_sub(1) as u64;
    anyhow::ensure!(exported == rows, "exported {exported} rows of {rows}");

    println!("Run: {} UTC, `crm-bench io --rows {rows}` (SQLite)", chrono::Utc::now().format("%Y-%m-%d %H:%M"));
    println!();
    println!("| step | rows | seconds | rows/s | crm peak RSS | server peak RSS |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    println!(
        "| `crm contacts import` ({csv_mb:.0} MB CSV) | {rows} | {import_secs:.1} | {:.0} | {crm_import_mb:.0} MB | {server_import_mb:.0} MB |",
        rows as f64 / import_secs
    );
    println!(
        "| `crm contacts export FILE` | {exported} | {export_secs:.1} | {:.0} | {crm_export_mb:.0} MB | {server_export_mb:.0} MB |",
        exported as f64 / export_secs
    );
    drop(server);
    Ok(())
}
