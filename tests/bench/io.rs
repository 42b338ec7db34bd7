//! `crm-bench io`: the CLI's bulk paths end to end. Writes a contacts CSV of the given size,
//! imports it with the real `crm` binary into the real server (SQLite), then exports it again,
//! and reports rows/s and the peak resident memory of both processes. With `--messy` the CSV is
//! written as people have it (see [`write_messy_csv`]) and the import's outcomes are checked.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crm_api::auth::RegisterRequest;
use crm_api::client::Client;

use super::data::{contact, mix};
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

const ACCENTED_FIRST: &[&str] =
    &["Zoë", "José", "Åsa", "François", "Søren", "Małgorzata", "Jürgen", "Inès", "Björk", "Núria", "Chloé", "Iñaki"];
const ACCENTED_LAST: &[&str] =
    &["Ångström", "Núñez", "Dvořák", "Müller", "Øster", "Łukasiewicz", "Çelik", "Gómez", "Brontë", "Ștefan"];

/// A field of a `;`-delimited CSV: quoted (quotes doubled) when it holds a delimiter, a quote or
/// a line end.
fn quoted(v: &str) -> String {
    if v.contains([';', '"', '\r', '\n']) { format!("\"{}\"", v.replace('"', "\"\"")) } else { v.to_string() }
}

/// What the rows of a messy file should do when imported.
#[derive(Debug, Default, PartialEq, Eq)]
struct Expected {
    created: u64,
    /// Rows repeating an earlier row's e-mail in other case: they update that contact.
    repeated: u64,
    /// Rows with an e-mail the server refuses.
    invalid: u64,
}

/// Row `i` of a messy file has an invalid e-mail ...
fn invalid_email(i: u64) -> bool {
    i % 50 == 7
}

/// ... or repeats the e-mail of row `i - 40` in upper case (a row that is neither).
fn repeats_email(i: u64) -> bool {
    i % 50 == 23 && i >= 50
}

/// Writes `rows` generated contacts as a CSV as people have it: a UTF-8 byte-order mark, `;`
/// between fields, CRLF line ends, first and last names in columns of their own and with
/// accents, statuses in any case, notes with quoted line breaks, quotes and delimiters in every
/// tenth row, 2% invalid e-mails and 2% rows repeating an earlier row's e-mail in other case.
fn write_messy_csv(path: &Path, rows: u64) -> anyhow::Result<Expected> {
    use std::io::Write;
    let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
    f.write_all(b"\xEF\xBB\xBF")?;
    f.write_all(b"First Name;Last Name;E-mail Address;Phone;Company;Job Title;Status;Lead Source;Notes;Rating\r\n")?;
    let mut expected = Expected::default();
    for i in 0..rows {
        let c = contact(i);
        let first = ACCENTED_FIRST[(mix(i ^ 11) % ACCENTED_FIRST.len() as u64) as usize];
        let last = format!("{} {i}", ACCENTED_LAST[(mix(i ^ 12) % ACCENTED_LAST.len() as u64) as usize]);
        let email = if invalid_email(i) {
            expected.invalid += 1;
            format!("person{i} at example.com")
        } else if repeats_email(i) {
            expected.repeated += 1;
            cell(&contact(i - 40)["email"]).to_uppercase()
        } else {
            expected.created += 1;
            cell(&c["email"])
        };
        let status = cell(&c["status"]);
        let status = if i % 3 == 0 { status.to_lowercase() } else { status };
        let notes = if i % 10 == 3 {
            format!("Met at the fair; asked for a \"quote\"\r\nCall back after {i}")
        } else {
            String::new()
        };
        let line = [
            first.to_string(),
            last,
            email,
            cell(&c["phone"]),
            cell(&c["company"]),
            cell(&c["job_title"]),
            status,
            cell(&c["source"]),
            notes,
            cell(&c["rating"]),
        ];
        let line: Vec<String> = line.iter().map(|v| quoted(v)).collect();
        f.write_all(line.join(";").as_bytes())?;
        f.write_all(b"\r\n")?;
    }
    f.flush()?;
    Ok(expected)
}

/// How `crm` ended: seconds taken, both memory peaks in MB, its exit code and standard output.
struct Ran {
    secs: f64,
    crm_peak: f64,
    server_peak: f64,
    code: Option<i32>,
    stdout: String,
}

/// Runs `crm` to the end, sampling its and the server's resident memory; fails unless it
/// exits with one of `codes`.
fn run_crm(crm: &Path, args: &[&str], env: &[(&str, String)], server_pid: u32, codes: &[i32]) -> anyhow::Result<Ran> {
    let start = Instant::now();
    let mut cmd = Command::new(crm);
    // Standard output is a file, read at the end, so that a full pipe never stalls crm.
    let out = tempfile::tempfile()?;
    cmd.args(args).stdout(out.try_clone()?).stderr(Stdio::piped());
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
    use std::io::{Read, Seek};
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        e.read_to_string(&mut err)?;
    }
    let code = status.code();
    anyhow::ensure!(code.is_some_and(|c| codes.contains(&c)), "crm {} failed ({status}): {err}", args.join(" "));
    let mut stdout = String::new();
    let mut out = out;
    out.rewind()?;
    out.read_to_string(&mut stdout)?;
    Ok(Ran { secs, crm_peak, server_peak, code, stdout })
}

pub async fn run(server_bin: &Path, rows: u64, messy: bool) -> anyhow::Result<()> {
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
    eprintln!("writing {rows} rows to {}{}", csv.display(), if messy { " (messy)" } else { "" });
    let expected = if messy {
        Some(write_messy_csv(&csv, rows)?)
    } else {
        write_csv(&csv, rows)?;
        None
    };
    let csv_mb = std::fs::metadata(&csv)?.len() as f64 / 1_048_576.0;
    let env = [
        ("CRM_SERVER", base.clone()),
        ("CRM_TOKEN", session.token.clone()),
        ("CRM_CONFIG_DIR", dir.path().join("config").display().to_string()),
    ];
    let pid = server.0.id();
    eprintln!("importing");
    let file = csv.display().to_string();
    // A messy file has rows the server refuses: crm says so with exit 1 after the summary.
    let ok_codes: &[i32] = if messy { &[0, 1] } else { &[0] };
    let import = run_crm(&crm, &["contacts", "import", &file, "-o", "json"], &env, pid, ok_codes)?;
    let stored = match &expected {
        Some(want) => {
            let summary: serde_json::Value = serde_json::from_str(&import.stdout)
                .map_err(|e| anyhow::anyhow!("the import's summary ({e}): {}", import.stdout))?;
            let count = |k: &str| summary[k].as_u64().unwrap_or(u64::MAX);
            let got = Expected {
                created: count("created"),
                repeated: count("updated") + count("unchanged"),
                invalid: count("failed"),
            };
            anyhow::ensure!(got == *want, "the messy import did {got:?}, not {want:?}: {summary}");
            anyhow::ensure!(import.code == Some(i32::from(want.invalid > 0)), "exit code {:?}", import.code);
            want.created
        }
        None => rows,
    };
    eprintln!("exporting");
    let out = dir.path().join("export.csv").display().to_string();
    let export = run_crm(&crm, &["contacts", "export", &out], &env, pid, &[0])?;
    let exported = std::fs::read_to_string(&out)?.lines().count().saturating_sub(1) as u64;
    // Quoted line breaks in the notes make more lines than records: one more line for each
    // contact created from a row with notes (a repeated row updates one that had them too).
    let with_notes = |i: &u64| i % 10 == 3 && !invalid_email(*i) && !repeats_email(*i);
    let breaks = if messy { (0..rows).filter(with_notes).count() as u64 } else { 0 };
    let exported = exported - breaks.min(exported);
    anyhow::ensure!(exported == stored, "exported {exported} rows of {stored}");

    let flag = if messy { " --messy" } else { "" };
    println!("Run: {} UTC, `crm-bench io --rows {rows}{flag}` (SQLite)", chrono::Utc::now().format("%Y-%m-%d %H:%M"));
    println!();
    println!("| step | rows | seconds | rows/s | crm peak RSS | server peak RSS |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    let what = if messy { "messy " } else { "" };
    println!(
        "| `crm contacts import` ({csv_mb:.0} MB {what}CSV) | {rows} | {:.1} | {:.0} | {:.0} MB | {:.0} MB |",
        import.secs,
        rows as f64 / import.secs,
        import.crm_peak,
        import.server_peak
    );
    if let Some(want) = &expected {
        println!(
            "| (of which created {}, updated by a repeated e-mail {}, refused for the e-mail {}) | | | | | |",
            want.created, want.repeated, want.invalid
        );
    }
    println!(
        "| `crm contacts export FILE` | {exported} | {:.1} | {:.0} | {:.0} MB | {:.0} MB |",
        export.secs,
        exported as f64 / export.secs,
        export.crm_peak,
        export.server_peak
    );
    drop(server);
    Ok(())
}
