//! `crm <entity> import` and `export` with the real binary and a real server, on SQLite and on
//! PostgreSQL: CSV as people have it, dry runs, results files, re-runs, resume after a kill,
//! undo, round trips; and a 200 MB file in flat memory.

mod common;

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use common::{Env, Run, server};
use crm_tests::{Backend, TestServer, backend_tests};
use serde_json::Value;

backend_tests!(
    csv_as_people_have_it,
    dry_run_plans_and_writes_nothing_and_re_runs_change_nothing,
    undo_reverts_an_import,
    an_import_killed_midway_resumes_to_exactly_the_rows_of_the_file,
    export_then_import_into_a_fresh_account_reproduces_the_records,
);

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("writing a test file");
    path.display().to_string()
}

async fn contacts(env: &Env) -> Vec<Value> {
    let all = env.run(&["contacts", "list", "--all", "--limit", "1000", "--sort", "name", "-o", "json"]).await.ok();
    all.json().as_array().cloned().unwrap_or_default()
}

fn names(records: &[Value]) -> Vec<String> {
    records.iter().map(|r| r["name"].as_str().unwrap_or_default().to_string()).collect()
}

async fn csv_as_people_have_it(b: Backend) {
    let s = TestServer::start(b).await;
    let env = Env::new(&s.base);
    env.register("shapes@example.com").await;
    let dir = tempfile::tempdir().expect("tempdir");
    // A byte-order mark, CRLF, `;` delimiters, a quoted field with `;` and a newline, the
    // column names of a spreadsheet export, a column we do not know, a duplicate e-mail
    // (the second row updates the first), and bad rows between good ones.
    let text = "\u{feff}First Name;Last Name;E-mail Address;Phone 1;Company Name;Job Title;Rating;Shoe Size\r\n\
                Ada;Lovelace;ada@example.com;+44 1;\"Engines; Analytical\";Analyst;5;38\r\n\
                Grace;Hopper;grace@example.com;;Navy;\"Rear\r\nAdmiral\";4;40\r\n\
                Alan;Turing;alan@example.com;;;;many;42\r\n\
                Edsger;Dijkstra;edsger@example.com;;;;9;43\r\n\
                Ada;Lovelace;ADA@example.com;+44 2;;;;38\r\n";
    let file = write(dir.path(), "people.csv", text.as_bytes());
    let out = dir.path().join("results");
    let r = env.run(&["contacts", "import", &file, "--results", out.to_str().unwrap_or_default(), "-o", "json"]).await;
    assert_eq!(r.code, 1, "rows failed: {r:?}");
    assert!(r.stderr.contains("columns not imported: Shoe Size"), "{r:?}");
    assert!(r.stderr.contains("2 of 5 rows failed"), "{r:?}");
    let summary = r.json();
    assert_eq!(
        (summary["created"].as_i64(), summary["updated"].as_i64(), summary["failed"].as_i64()),
        (Some(2), Some(1), Some(2))
    );

    let stored = contacts(&env).await;
    assert_eq!(names(&stored), ["Ada Lovelace", "Grace Hopper"]);
    assert_eq!(stored[0]["company"], "Engines; Analytical");
    assert_eq!(stored[0]["phone"], "+44 2", "the second row with the same e-mail updated the first");
    assert_eq!(stored[1]["job_title"], "Rear\r\nAdmiral");

    let success = std::fs::read_to_string(out.join("success.csv")).expect("success.csv");
    let lines: Vec<&str> = success.lines().collect();
    assert_eq!(lines[0], "row,id,outcome");
    assert_eq!(lines.len(), 4, "{success}");
    assert!(lines[3].starts_with("5,") && lines[3].ends_with(",updated"), "{success}");
    let failed = std::fs::read_to_string(out.join("failed.csv")).expect("failed.csv");
    let mut rows = csv::Reader::from_reader(failed.as_bytes());
    assert_eq!(rows.headers().expect("headers").iter().next_back(), Some("error"));
    let bad: Vec<csv::StringRecord> = rows.records().map(|r| r.expect("row")).collect();
    assert_eq!(bad.len(), 2);
    assert_eq!(&bad[0][0], "Alan");
    assert!(bad[0][8].starts_with("rating: not a whole number"), "{:?}", &bad[0]);
    assert!(bad[1][8].contains("rating") && bad[1][8].contains("between 0 and 5"), "{:?}", &bad[1]);

    // Fix the failed rows in failed.csv and import it as it is (the error column is unknown,
    // so it is reported and skipped).
    let fixed = failed.replace(";many;", ";3;").replace(",many,", ",3,").replace(",9,", ",4,");
    let fixed = write(dir.path(), "fixed.csv", fixed.as_bytes());
    let r = env.run(&["contacts", "import", &fixed, "-o", "json"]).await.ok();
    assert!(r.stderr.contains("columns not imported: Shoe Size, error"), "{r:?}");
    assert_eq!(r.json()["created"], 2);
    assert_eq!(contacts(&env).await.len(), 4);

    // A tab-separated file with an explicit mapping, and a file without a name column.
    let tsv = write(dir.path(), "t.tsv", b"Who\tWhere\nBarbara Liskov\tMIT\n");
    let r = env.run(&["contacts", "import", &tsv, "--map", "Who=name", "--map", "Where=company", "-q"]).await.ok();
    assert!(r.stderr.is_empty() || !r.stderr.contains("not imported"), "{r:?}");
    let r = env.run(&["contacts", "import", &write(dir.path(), "n.csv", b"Email\nx@example.com\n")]).await;
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("no column gives the name"), "{r:?}");
}

async fn dry_run_plans_and_writes_nothing_and_re_runs_change_nothing(b: Backend) {
    let s = TestServer::start(b).await;
    let env = Env::new(&s.base);
    env.register("dry@example.com").await;
    let dir = tempfile::tempdir().expect("tempdir");
    env.run(&["contacts", "create", "--name", "Existing", "--email", "old@example.com"]).await.ok();
    let file = write(
        dir.path(),
        "p.csv",
        b"name,email,rating\nExisting Renamed,OLD@example.com,\nNew One,new@example.com,3\nBad,bad@example.com,77\n",
    );
    let r = env.run(&["contacts", "import", &file, "--dry-run", "-o", "ndjson"]).await;
    assert_eq!(r.code, 1, "the plan has an invalid row: {r:?}");
    let plan: Vec<Value> = r.stdout.lines().map(|l| serde_json::from_str(l).expect("plan line")).collect();
    let outcomes: Vec<&str> = plan.iter().filter_map(|p| p["outcome"].as_str()).collect();
    assert_eq!(outcomes, ["updated", "created", "failed"]);
    assert!(plan[2]["error"].as_str().is_some_and(|e| e.contains("rating")), "{plan:?}");
    assert!(r.stderr.contains("1 would be created, 1 updated, 0 unchanged, 1 invalid"), "{r:?}");
    assert_eq!(names(&contacts(&env).await), ["Existing"], "a dry run writes nothing");
    let imports = env.run(&["imports", "list", "-o", "json"]).await.ok().json();
    assert_eq!(imports.as_array().map(Vec::len), Some(0), "a dry run starts no import");

    // A row that is not UTF-8 (a Latin-1 "é") fails alone, with the reason.
    let latin1 = write(dir.path(), "latin1.csv", b"name,email\nRen\xe9,rene@example.com\nPlain,plain@example.com\n");
    let r = env.run(&["contacts", "import", &latin1, "--dry-run", "-o", "ndjson"]).await;
    let plan: Vec<Value> = r.stdout.lines().map(|l| serde_json::from_str(l).expect("plan line")).collect();
    assert_eq!(plan.len(), 2, "{r:?}");
    assert!(plan[0]["error"].as_str().is_some_and(|e| e.contains("UTF-8")), "{plan:?}");
    assert_eq!(plan[1]["outcome"], "created");

    let good = write(
        dir.path(),
        "good.csv",
        b"name,email,rating\nExisting Renamed,OLD@example.com,\nNew One,new@example.com,3\n",
    );
    let first = env.run(&["contacts", "import", &good, "-o", "json"]).await.ok().json();
    assert_eq!((first["created"].as_i64(), first["updated"].as_i64()), (Some(1), Some(1)));
    let audit_before = env.run(&["audit", "--all", "-q"]).await.ok().stdout.lines().count();
    let again = env.run(&["contacts", "import", &good, "-o", "json"]).await.ok().json();
    assert_eq!(again["unchanged"], 2, "{again}");
    let audit_after = env.run(&["audit", "--all", "-q"]).await.ok().stdout.lines().count();
    assert_eq!(audit_before, audit_after, "an unchanged row is not rewritten");
    assert_eq!(contacts(&env).await.len(), 2);
}

async fn undo_reverts_an_import(b: Backend) {
    let s = TestServer::start(b).await;
    let env = Env::new(&s.base);
    env.register("undo@example.com").await;
    let dir = tempfile::tempdir().expect("tempdir");
    env.run(&["contacts", "create", "--name", "Kept", "--email", "kept@example.com", "--company", "Old Co"]).await.ok();
    let file = write(
        dir.path(),
        "u.csv",
        b"name,email,company\nKept,kept@example.com,New Co\nFresh,fresh@example.com,\nLater,later@example.com,\nFresher,FRESH@example.com,\n",
    );
    let r = env.run(&["contacts", "import", &file, "-o", "json"]).await.ok();
    let id = r.json()["id"].to_string();
    // A record the import created, changed since by hand, is left alone and reported.
    let later = contacts(&env).await.into_iter().find(|c| c["name"] == "Later").expect("Later");
    env.run(&["contacts", "update", &later["id"].to_string(), "--rating", "2"]).await.ok();

    let undo = env.run(&["imports", "undo", &id, "-o", "json"]).await.ok();
    let report = undo.json();
    assert_eq!(
        (report["deleted"].as_i64(), report["reverted"].as_i64(), report["skipped"].as_i64()),
        (Some(1), Some(2), Some(1))
    );
    assert!(undo.stderr.contains("changed since the import"), "{undo:?}");
    let left = contacts(&env).await;
    assert_eq!(names(&left), ["Kept", "Later"]);
    assert_eq!(left[0]["company"], "Old Co");
    let trash = env.run(&["contacts", "list", "--deleted", "-o", "json"]).await.ok().json();
    assert_eq!(trash[0]["name"], "Fresh", "undone creates go to the trash, not away");
    let shown = env.run(&["imports", "get", &id, "-o", "json"]).await.ok().json();
    assert!(shown["undone_at"].is_string(), "{shown}");
    assert_eq!(env.run(&["imports", "undo", &id]).await.code, 4, "undone once");
}

async fn an_import_killed_midway_resumes_to_exactly_the_rows_of_the_file(b: Backend) {
    let s = TestServer::start(b).await;
    let env = Env::new(&s.base);
    env.register("resume@example.com").await;
    let dir = tempfile::tempdir().expect("tempdir");
    let rows = 6000;
    let mut text = String::from("name,company\n");
    for i in 0..rows {
        text.push_str(&format!("Person {i:05},Company {}\n", i % 7));
    }
    let file = write(dir.path(), "big.csv", text.as_bytes());
    // --match none: every row creates, so a row applied twice would show as a duplicate.
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_crm"))
        .args(["contacts", "import", &file, "--match", "none", "--batch-size", "50", "--parallel", "2", "-q"])
        .env("CRM_SERVER", &s.base)
        .env("CRM_CONFIG_DIR", env.config.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("crm");
    // Kill it once some batches are in.
    let mut applied = 0;
    for _ in 0..400 {
        tokio::time::sleep(Duration::from_millis(25)).await;
        let list = env.run(&["imports", "list", "-o", "json"]).await.ok().json();
        applied = list[0]["batches"].as_i64().unwrap_or_default();
        if applied >= 5 {
            break;
        }
    }
    child.kill().await.expect("kill");
    let _ = child.wait().await;
    let list = env.run(&["imports", "list", "-o", "json"]).await.ok().json();
    let done = list[0]["batches"].as_i64().unwrap_or_default();
    assert!(applied >= 5 && done < rows / 50, "killed midway: {done} batches of {}", rows / 50);

    // Cut into other batches, the stored answers would not fit: refused.
    let id = list[0]["id"].to_string();
    let r = env.run(&["contacts", "import", &file, "--match", "none", "--batch-size", "70", "--resume", &id]).await;
    assert_eq!(r.code, 4, "{r:?}");
    assert!(r.stderr.contains("same file and batch size"), "{r:?}");
    // Without --batch-size, the resume cuts the file as the interrupted run did.
    let r = env.run(&["contacts", "import", &file, "--match", "none", "--resume", "-o", "json"]).await.ok();
    assert!(r.stderr.contains("resuming import"), "{r:?}");
    let summary = r.json();
    assert_eq!(summary["created"].as_i64(), Some(rows), "{summary}");
    let count = env.run(&["contacts", "list", "--count"]).await.ok().stdout;
    assert_eq!(count.trim(), rows.to_string(), "exactly the rows of the file");
    let all = env.run(&["contacts", "export", "--sort", "name", "--format", "ndjson"]).await.ok().stdout;
    let got: Vec<String> = all
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("line")["name"].as_str().unwrap_or_default().to_string())
        .collect();
    let want: Vec<String> = (0..rows).map(|i| format!("Person {i:05}")).collect();
    assert_eq!(got, want);
}

async fn export_then_import_into_a_fresh_account_reproduces_the_records(b: Backend) {
    let s = TestServer::start(b).await;
    let a = Env::new(&s.base);
    a.register("export-a@example.com").await;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text = String::from("name,email,phone,company,job_title,status,source,notes,rating\n");
    for i in 0..2500 {
        let notes = if i % 3 == 0 { "\"line one\nline \"\"two\"\", with comma\"" } else { "" };
        let rating = if i % 4 == 0 { String::new() } else { (i % 6).to_string() };
        text.push_str(&format!(
            "Zoë {i},z{i}@example.com,+1 555 {i:04},Ünïcode Co,Chief,{},web,{notes},{rating}\n",
            ["Lead", "Prospect", "Customer", "Closed"][i % 4]
        ));
    }
    a.run(&["contacts", "import", &write(dir.path(), "seed.csv", text.as_bytes()), "-q"]).await.ok();
    let exported = dir.path().join("contacts.csv");
    let r = a.run(&["contacts", "export", exported.to_str().unwrap_or_default()]).await.ok();
    assert!(r.stderr.contains("exported contacts"), "{r:?}");
    assert!(!dir.path().join("contacts.csv.part").exists());

    let b = Env::new(&s.base);
    b.register("export-b@example.com").await;
    let r = b
        .run(&["contacts", "import", exported.to_str().unwrap_or_default(), "--match", "none", "-o", "json"])
        .await
        .ok();
    assert_eq!(r.json()["created"], 2500);
    assert!(!r.stderr.contains("not imported"), "every exported column is understood: {r:?}");
    let strip = |out: &str| -> Vec<Value> {
        out.lines()
            .map(|l| {
                let mut v: Value = serde_json::from_str(l).expect("line");
                if let Some(m) = v.as_object_mut() {
                    for k in ["id", "version", "created_at", "updated_at"] {
                        m.remove(k);
                    }
                }
                v
            })
            .collect()
    };
    let from_a = a.run(&["contacts", "export", "--format", "ndjson", "--sort", "email"]).await.ok().stdout;
    let from_b = b.run(&["contacts", "export", "--format", "ndjson", "--sort", "email"]).await.ok().stdout;
    assert_eq!(strip(&from_a).len(), 2500);
    assert_eq!(strip(&from_a), strip(&from_b));
    // Filters apply to exports as to lists; bad ones are refused before anything is written.
    let leads = a.run(&["contacts", "export", "--filter", r#"status[eq]:"Lead""#, "--format", "ndjson"]).await.ok();
    assert_eq!(leads.stdout.lines().count(), 625);
    let bad = a
        .run(&["contacts", "export", "--filter", "colour[eq]:1", dir.path().join("x.csv").to_str().unwrap_or_default()])
        .await;
    assert_eq!(bad.code, 2, "{bad:?}");
    assert!(!dir.path().join("x.csv").exists() && !dir.path().join("x.csv.part").exists());
}

/// Peak resident memory of a process, from /proc while it runs.
fn rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_200_mb_file_streams_in_flat_memory() {
    let s = server().await;
    let env = Env::new(&s.base);
    env.register("big@example.com").await;
    let dir = tempfile::tempdir().expect("tempdir");
    // 20,000 wide rows (10 KB of notes each): 200 MB.
    let path = dir.path().join("wide.csv");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
        writeln!(f, "name,email,notes").expect("write");
        let notes = "n".repeat(10_000);
        for i in 0..20_000 {
            writeln!(f, "Wide {i},w{i}@example.com,{notes}").expect("write");
        }
    }
    let size = std::fs::metadata(&path).expect("size").len();
    assert!(size > 200_000_000, "{size}");
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_crm"))
        .args(["contacts", "import", path.to_str().unwrap_or_default(), "-o", "json"])
        .env("CRM_SERVER", &s.base)
        .env("CRM_CONFIG_DIR", env.config.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("crm");
    let pid = child.id().expect("pid");
    let mut peak = 0;
    loop {
        if let Some(kb) = rss_kb(pid) {
            peak = peak.max(kb);
        }
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let out = child.wait_with_output().await.expect("output");
    let r = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    let summary = r.ok().json();
    assert_eq!(summary["created"], 20_000);
    assert!(peak > 0 && peak < 64 * 1024, "crm peaked at {peak} kB importing {size} bytes");
    assert_eq!(env.run(&["contacts", "list", "--count"]).await.ok().stdout.trim(), "20000");
}

/// On a terminal the import draws a progress bar with rows/s and the time left; piped, the
/// other tests show, it prints nothing of it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_progress_bar_on_a_terminal() {
    if std::process::Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` to give crm a terminal");
        return;
    }
    let s = server().await;
    let env = Env::new(&s.base);
    env.register("tty@example.com").await;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text = String::from("name\n");
    for i in 0..5000 {
        text.push_str(&format!("Row {i}\n"));
    }
    let file = write(dir.path(), "tty.csv", text.as_bytes());
    let cmd = format!("{} contacts import {file} --batch-size 50 --parallel 1 -o json", env!("CARGO_BIN_EXE_crm"));
    let out = tokio::process::Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .env("CRM_SERVER", &s.base)
        .env("CRM_CONFIG_DIR", env.config.path())
        .stdin(Stdio::null())
        .output()
        .await
        .expect("script");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("rows/s") && shown.contains("left"), "no progress bar on a terminal: {shown}");
}

/// `import` and `export` of the other entities, and `health`: each subcommand at least once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_entity_imports_and_exports() {
    let s = server().await;
    let env = Env::new(&s.base);
    assert!(env.run(&["health"]).await.ok().stdout.contains("is up"));
    env.register("entities@example.com").await;
    let dir = tempfile::tempdir().expect("tempdir");
    let files = [
        ("opportunities", "Opportunity Name,Amount,Stage\nEngine,\"$1,250.50\",qualification\nLoom,99,proposal\n"),
        ("deals", "Deal Name,Amount,Currency,Close Date\nEngine deal,10.00,EUR,2027-03-01\nLoom deal,5,USD,\n"),
        ("activities", "Type,Subject,Due,Completed\ncall,Call Ada,2027-01-02,yes\nemail,Write to Grace,,no\n"),
    ];
    for (entity, text) in files {
        let file = write(dir.path(), &format!("{entity}.csv"), text.as_bytes());
        let r = env.run(&[entity, "import", &file, "-o", "json"]).await;
        let summary = r.ok().json();
        assert_eq!(summary["created"], 2, "{entity}: {summary}");
        let out = dir.path().join(format!("{entity}-out.csv"));
        env.run(&[entity, "export", out.to_str().unwrap_or_default()]).await.ok();
        let exported = std::fs::read_to_string(&out).expect("export");
        assert_eq!(exported.lines().count(), 3, "{entity}: {exported}");
        let nd = env.run(&[entity, "export", "--format", "ndjson"]).await.ok().stdout;
        let rows: Vec<Value> = nd.lines().map(|l| serde_json::from_str(l).expect("line")).collect();
        match entity {
            "opportunities" => assert_eq!(rows[0]["value"], "1250.50"),
            "deals" => assert_eq!(rows[0]["currency"], "EUR"),
            _ => {
                assert_eq!((rows[0]["completed"].as_bool(), rows[1]["completed"].as_bool()), (Some(true), Some(false)))
            }
        }
    }
}
