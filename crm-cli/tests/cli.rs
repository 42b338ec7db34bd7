//! The real `crm` binary against a real server: every subcommand, each output format, each
//! exit code, `--help` snapshots and the committed shell completions.

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;

use chrono::Datelike;
use common::{Env, Run, server};
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_stores_a_private_token_and_logout_revokes_it() {
    let s = server().await;
    let env = Env::new(&s.base);
    let r = env.run(&["whoami"]).await;
    assert_eq!(r.code, 5, "no token yet: {r:?}");
    assert!(r.stderr.starts_with("crm: not logged in"), "{r:?}");
    env.register("login@example.com").await;
    let file = env.config.path().join("config.toml");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).expect("config").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "config file mode");
    }
    let me = env.run(&["whoami", "-o", "json"]).await.ok().json();
    assert_eq!(me["email"], "login@example.com");
    let stored = std::fs::read_to_string(&file).expect("config");
    let token = stored.lines().find_map(|l| l.strip_prefix("token = \"")).expect("token line").trim_end_matches('"');
    // The stored token is an API token the server lists, and logout revokes it there.
    let tokens = env.run(&["token", "list", "-o", "json"]).await.ok().json();
    assert_eq!(tokens.as_array().map(Vec::len), Some(1), "{tokens}");
    env.run(&["logout"]).await.ok();
    assert_eq!(env.run(&["whoami"]).await.code, 5);
    let r = env.run_with(&["whoami"], "", &[("CRM_TOKEN", token)]).await;
    assert_eq!(r.code, 5, "revoked on the server: {r:?}");
    // Log in again with the password from stdin; a wrong password is an auth failure.
    let r = env.run_with(&["login", "--email", "login@example.com"], "wrong password!\n", &[]).await;
    assert_eq!(r.code, 5, "{r:?}");
    env.run_with(&["login", "--email", "login@example.com", "--password-stdin"], "correct horse battery\n", &[])
        .await
        .ok();
    env.run(&["whoami"]).await.ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn profiles_and_tokens() {
    let s = server().await;
    let env = Env::new(&s.base);
    env.register("prof@example.com").await;
    // A second profile pointing nowhere: commands with it fail to connect.
    env.run(&["profile", "set", "dead", "--server-url", "http://127.0.0.1:9"]).await.ok();
    let r = env.run_with(&["whoami"], "", &[("CRM_PROFILE", "dead")]).await;
    assert_eq!(r.code, 5, "the dead profile has no token: {r:?}");
    let list = env.run(&["profile", "list", "-o", "json"]).await.ok().json();
    let names: Vec<&str> = list.as_array().into_iter().flatten().filter_map(|p| p["id"].as_str()).collect();
    assert_eq!(names, ["dead", "default"]);
    assert_eq!(env.run(&["profile", "use", "nope"]).await.code, 3);
    // Named tokens: create (shown once, -q prints just the token), list, revoke.
    let token = env.run(&["token", "create", "cron", "-q"]).await.ok().stdout.trim().to_string();
    assert!(token.starts_with("crm_"), "{token}");
    let me = env.run_with(&["whoami", "-o", "json"], "", &[("CRM_TOKEN", &token)]).await.ok().json();
    assert_eq!(me["email"], "prof@example.com");
    let tokens = env.run(&["token", "list", "-o", "json"]).await.ok().json();
    let cron = tokens.as_array().into_iter().flatten().find(|t| t["name"] == "cron").expect("cron token").clone();
    let id = cron["id"].to_string();
    env.run(&["token", "revoke", &id]).await.ok();
    assert_eq!(env.run_with(&["whoami"], "", &[("CRM_TOKEN", &token)]).await.code, 5);
    env.run(&["profile", "use", "dead"]).await.ok();
    assert_eq!(env.run(&["profile", "list", "-o", "json"]).await.ok().json()[0]["current"], true);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_entity_verb_and_output_format() {
    let s = server().await;
    let env = Env::new(&s.base);
    env.register("verbs@example.com").await;
    let id = |r: Run| r.ok().json()["id"].as_i64().expect("id").to_string();

    // Contacts: flags per field, JSON body from stdin, the output formats.
    let c = id(env
        .run(&[
            "contacts",
            "create",
            "--name",
            "Ada Lovelace",
            "--email",
            "ada@example.com",
            "--job-title",
            "Analyst",
            "--rating",
            "5",
            "-o",
            "json",
        ])
        .await);
    let body = r#"{"name": "Charles Babbage", "company": "Difference Engines", "status": "Customer"}"#;
    let c2 = id(env.run_with(&["contacts", "create", "--json", "-", "-o", "json"], body, &[]).await);
    let got = env.run(&["contacts", "get", &c, "-o", "json"]).await.ok().json();
    assert_eq!((got["job_title"].as_str(), got["rating"].as_i64()), (Some("Analyst"), Some(5)));

    let table = env.run(&["contacts", "list", "-o", "table"]).await.ok().stdout;
    assert!(table.contains("Ada Lovelace") && table.contains("Charles Babbage") && table.contains("email"), "{table}");
    assert!(table.lines().all(|l| l.chars().count() <= 100), "fits COLUMNS=100:\n{table}");
    // Compact: a header, its rule, one line per record.
    assert_eq!(table.lines().count(), 4, "one line a record:\n{table}");
    assert!(table.lines().next().is_some_and(|l| l.starts_with("id  name")), "{table}");
    let narrow = env.run_with(&["contacts", "list", "-o", "table"], "", &[("COLUMNS", "50")]).await.ok().stdout;
    assert_eq!(narrow.lines().count(), 4, "still one line a record:\n{narrow}");
    assert!(narrow.lines().all(|l| l.chars().count() <= 50) && narrow.contains('…'), "cut to fit:\n{narrow}");
    let csv = env.run(&["contacts", "list", "-o", "csv", "--sort", "name"]).await.ok().stdout;
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "id,name,email,phone,company,job_title,status,source,notes,rating,version,created_at,updated_at,deleted_at"
        )
    );
    assert!(lines.next().is_some_and(|l| l.starts_with(&format!("{c},Ada Lovelace,ada@example.com,"))), "{csv}");
    let nd = env.run(&["contacts", "list", "-o", "ndjson"]).await.ok().stdout;
    assert_eq!(nd.lines().map(|l| serde_json::from_str::<Value>(l).is_ok()).filter(|ok| *ok).count(), 2, "{nd}");
    let json = env.run(&["contacts", "list"]).await.ok().json();
    assert_eq!(json.as_array().map(Vec::len), Some(2), "json when piped: {json}");
    let ids = env.run(&["contacts", "list", "-q", "--sort", "name"]).await.ok().stdout;
    assert_eq!(ids, format!("{c}\n{c2}\n"));
    let found = env.run(&["contacts", "list", "--search", "babb", "-q"]).await.ok().stdout;
    assert_eq!(found.trim(), c2);
    let filtered = env.run(&["contacts", "list", "--filter", r#"status[eq]:"Customer""#, "-q"]).await.ok().stdout;
    assert_eq!(filtered.trim(), c2);
    assert_eq!(env.run(&["contacts", "list", "--count"]).await.ok().stdout.trim(), "2");
    let single = env.run(&["contacts", "get", &c, "-o", "table"]).await.ok().stdout;
    assert!(single.contains("job_title") && single.contains("Analyst"), "{single}");
    let single_csv = env.run(&["contacts", "get", &c, "-o", "csv"]).await.ok().stdout;
    assert_eq!(single_csv.lines().count(), 2, "{single_csv}");

    // Update: flags, --unset, --if-match; delete, restore; timeline.
    let up =
        env.run(&["contacts", "update", &c, "--phone", "+44 20 7946 0000", "--unset", "job-title", "-o", "json"]).await;
    // --unset takes field names as the API spells them.
    assert_eq!(up.code, 2, "{up:?}");
    let up =
        env.run(&["contacts", "update", &c, "--phone", "+44 20 7946 0000", "--unset", "job_title", "-o", "json"]).await;
    let up = up.ok().json();
    assert_eq!(
        (up["phone"].as_str(), up["job_title"].as_str(), up["version"].as_i64()),
        (Some("+44 20 7946 0000"), None, Some(2))
    );
    assert_eq!(env.run(&["contacts", "update", &c, "--rating", "1", "--if-match", "1"]).await.code, 4);
    env.run(&["contacts", "update", &c, "--rating", "1", "--if-match", "2"]).await.ok();
    assert_eq!(env.run(&["contacts", "update", &c]).await.code, 2, "nothing to change");

    // Opportunities, deals (move, history), activities (complete, recent).
    let o = id(env
        .run(&[
            "opportunities",
            "create",
            "--name",
            "Engine",
            "--value",
            "1250000.50",
            "--contact-id",
            &c,
            "-o",
            "json",
        ])
        .await);
    let opp_table = env.run(&["opportunities", "list", "-o", "table"]).await.ok().stdout;
    assert!(opp_table.contains("1,250,000.50 USD"), "money formatted:\n{opp_table}");
    env.run(&["opportunities", "update", &o, "--stage", "qualification"]).await.ok();
    let d = id(env
        .run(&[
            "deals",
            "create",
            "--name",
            "Engine deal",
            "--amount",
            "99.99",
            "--currency",
            "EUR",
            "--opportunity-id",
            &o,
            "-o",
            "json",
        ])
        .await);
    let moved = env.run(&["deals", "move", &d, "closed won", "-o", "json"]).await.ok().json();
    assert_eq!(moved["stage"], "Closed-Won");
    assert_eq!(env.run(&["deals", "move", &d, "sideways"]).await.code, 3, "no such stage: not found");
    let hist = env.run(&["deals", "history", &d, "-o", "json"]).await.ok().json();
    assert_eq!(hist.as_array().map(Vec::len), Some(2), "{hist}");
    let a = id(env
        .run(&[
            "activities",
            "create",
            "--type",
            "call",
            "--description",
            "Call Ada",
            "--contact-id",
            &c,
            "--due-date",
            "2027-01-02",
            "-o",
            "json",
        ])
        .await);
    let done = env.run(&["activities", "complete", &a, "-o", "json"]).await.ok().json();
    assert_eq!(done["completed"], true);
    let recent = env.run(&["activities", "recent", "-o", "json"]).await.ok().json();
    assert_eq!(recent[0]["id"].to_string(), a);
    let timeline = env.run(&["contacts", "timeline", &c, "-o", "json"]).await.ok().json();
    assert!(timeline.as_array().is_some_and(|t| t.len() >= 2), "{timeline}");

    env.run(&["deals", "delete", &d]).await.ok();
    assert_eq!(env.run(&["deals", "get", &d]).await.code, 3);
    let trash = env.run(&["deals", "list", "--deleted", "-q"]).await.ok().stdout;
    assert_eq!(trash.trim(), d);
    env.run(&["deals", "restore", &d]).await.ok();
    env.run(&["deals", "get", &d]).await.ok();
    env.run(&["activities", "delete", &a, "-q"]).await.ok();
    env.run(&["opportunities", "get", &o, "-o", "ndjson"]).await.ok();
    env.run(&["opportunities", "delete", &o]).await.ok();
    env.run(&["opportunities", "restore", &o, "-q"]).await.ok();
    env.run(&["activities", "restore", &a, "-q"]).await.ok();
    env.run(&["activities", "update", &a, "--priority", "urgent"]).await.ok();
    env.run(&["activities", "list", "-o", "csv"]).await.ok();
    env.run(&["activities", "get", &a]).await.ok();
    env.run(&["deals", "update", &d, "--next-steps", "Sign"]).await.ok();
    env.run(&["deals", "list", "-o", "table"]).await.ok();
    env.run(&["contacts", "delete", &c2, &c]).await.ok();
    env.run(&["contacts", "restore", &c]).await.ok();

    // The audit trail of all that, filtered to one record, and paged.
    let audit = env.run(&["audit", "--entity", "deal", "--record", &d, "-o", "json"]).await.ok().json();
    let actions: Vec<&str> = audit.as_array().into_iter().flatten().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(actions.first(), Some(&"update"), "{audit}");
    assert!(actions.contains(&"create") && actions.contains(&"delete") && actions.contains(&"restore"), "{actions:?}");
    let paged = env.run(&["audit", "--limit", "2", "--all", "-q"]).await.ok().stdout;
    assert!(paged.lines().count() > 10, "{paged}");
    let one = env.run(&["audit", "--limit", "2", "-q"]).await.ok();
    assert_eq!(one.stdout.lines().count(), 2);
    assert!(one.stderr.contains("--cursor"), "tells how to go on: {one:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn activities_queue_and_snooze() {
    let s = server().await;
    let env = Env::new(&s.base);
    env.register("queue@example.com").await;
    let today = chrono::Utc::now().date_naive();
    let day = |n: i64| (today + chrono::TimeDelta::days(n)).to_string();
    let create = |priority: &'static str, due: String| {
        let env = &env;
        async move {
            let args = ["activities", "create", "--type", "task", "--priority", priority, "--due-date", &due, "-q"];
            env.run(&args).await.ok().stdout.trim().to_string()
        }
    };
    let low_overdue = create("low", day(-2)).await;
    let high_overdue = create("high", day(-9)).await;
    let due_today = create("urgent", day(0)).await;
    let upcoming = create("normal", day(3)).await;
    let done = create("urgent", day(-1)).await;
    env.run(&["activities", "complete", &done]).await.ok();

    let q = env.run(&["activities", "queue", "-o", "json"]).await.ok().json();
    let ids = |v: &Value| -> Vec<String> { v.as_array().into_iter().flatten().map(|a| a["id"].to_string()).collect() };
    assert_eq!(q["tz"], "UTC");
    assert_eq!(q["date"], json!(day(0)));
    assert_eq!(ids(&q["overdue"]), [high_overdue.clone(), low_overdue.clone()], "by priority: {q}");
    assert_eq!(ids(&q["today"]), vec![due_today.clone()]);
    assert_eq!(ids(&q["upcoming"]), vec![upcoming.clone()]);
    let quiet = env.run(&["activities", "queue", "-q"]).await.ok().stdout;
    assert_eq!(quiet, format!("{high_overdue}\n{low_overdue}\n{due_today}\n{upcoming}\n"));
    let table = env.run(&["activities", "queue", "-o", "table"]).await.ok().stdout;
    assert!(table.contains("section") && table.contains("overdue") && table.contains("upcoming"), "{table}");
    let csv = env.run(&["activities", "queue", "-o", "csv"]).await.ok().stdout;
    assert!(csv.starts_with("section,id,type,priority,"), "{csv}");
    assert!(csv.lines().nth(1).is_some_and(|l| l.starts_with(&format!("overdue,{high_overdue},"))), "{csv}");
    let cut = env.run(&["activities", "queue", "--limit", "1", "--tz", "UTC", "-q"]).await.ok();
    assert_eq!(cut.stdout.lines().next(), Some(high_overdue.as_str()));
    assert!(cut.stderr.contains("more activities than shown in: overdue"), "{cut:?}");
    let bad = env.run(&["activities", "queue", "--tz", "Mars/Base"]).await;
    assert_eq!(bad.code, 2, "{bad:?}");
    assert!(bad.stderr.contains("tz"), "{bad:?}");
    assert_eq!(env.run(&["activities", "queue", "--limit", "501"]).await.code, 2);

    // Snooze the overdue one to in three days: it moves to upcoming, as an update of version 2.
    let moved = env.run(&["activities", "snooze", &low_overdue, &day(3), "-o", "json"]).await.ok().json();
    assert_eq!((moved["due_date"].clone(), moved["version"].clone()), (json!(day(3)), json!(2)));
    let quiet = env.run(&["activities", "queue", "-q"]).await.ok().stdout;
    assert_eq!(quiet, format!("{high_overdue}\n{due_today}\n{upcoming}\n{low_overdue}\n"), "Normal before Low");
    // Refused: a past date and a date that is none (2), a completed activity and a stale
    // version (4), a missing one (3).
    for (args, code) in [
        (vec!["activities", "snooze", &upcoming, &day(-1)], 2),
        (vec!["activities", "snooze", &upcoming, "tomorrow"], 2),
        (vec!["activities", "snooze", &done, &day(1)], 4),
        (vec!["activities", "snooze", &low_overdue, &day(4), "--if-match", "1"], 4),
        (vec!["activities", "snooze", "4000000000", &day(4)], 3),
    ] {
        let r = env.run(&args).await;
        assert_eq!(r.code, code, "{args:?}: {r:?}");
    }
    env.run(&["activities", "snooze", &low_overdue, &day(4), "--if-match", "2", "--tz", "Europe/Berlin", "-q"])
        .await
        .ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_all_follows_cursors_and_a_closed_pipe_is_quiet() {
    let s = server().await;
    let env = Env::new(&s.base);
    env.register("pages@example.com").await;
    let records: Vec<Value> = (0..120).map(|i| json!({"name": format!("Person {i:03}")})).collect();
    let body = json!({ "records": records }).to_string();
    let me = env.run(&["token", "create", "batch", "-q"]).await.ok().stdout.trim().to_string();
    let resp = reqwest::Client::new()
        .post(format!("{}/api/crm/contacts/batch", s.base))
        .bearer_auth(&me)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("batch");
    assert!(resp.status().is_success());
    let all = env.run(&["contacts", "list", "--all", "--limit", "7", "--sort", "name", "-o", "ndjson"]).await.ok();
    let names: Vec<String> =
        all.stdout.lines().map(|l| serde_json::from_str::<Value>(l).expect("line")["name"].to_string()).collect();
    assert_eq!(names.len(), 120);
    assert_eq!(names[119], "\"Person 119\"");
    let json = env.run(&["contacts", "list", "--all", "--limit", "50"]).await.ok().json();
    assert_eq!(json.as_array().map(Vec::len), Some(120));
    let csv = env.run(&["contacts", "list", "--all", "-o", "csv"]).await.ok().stdout;
    assert_eq!(csv.lines().count(), 121);

    // `crm contacts list --all | head -1`: the reader goes away; crm ends quietly.
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_crm"))
        .args(["contacts", "list", "--all", "--limit", "1", "-o", "ndjson"])
        .env("CRM_SERVER", &s.base)
        .env("CRM_CONFIG_DIR", env.config.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("crm");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 16];
    tokio::io::AsyncReadExt::read_exact(&mut stdout, &mut first).await.expect("first bytes");
    drop(stdout);
    let out = child.wait_with_output().await.expect("wait");
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "quiet: {}", String::from_utf8_lossy(&out.stderr));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_are_one_line_with_the_documented_exit_codes() {
    let s = server().await;
    let env = Env::new(&s.base);
    env.register("errors@example.com").await;
    let one_line = |r: &Run| {
        assert_eq!(r.stderr.lines().count(), 1, "one line: {r:?}");
        assert!(r.stdout.is_empty(), "nothing on stdout: {r:?}");
    };
    // 2: usage, and input the server refuses (naming the field).
    let r = env.run(&["contacts", "frobnicate"]).await;
    assert_eq!(r.code, 2);
    let r = env.run(&["contacts", "create", "--name", "X", "--rating", "11"]).await;
    assert_eq!(r.code, 2);
    one_line(&r);
    assert!(r.stderr.contains("rating: must be between 0 and 5"), "{r:?}");
    let r = env.run(&["contacts", "create", "--name", "X", "--rating", "many"]).await;
    assert_eq!(r.code, 2, "{r:?}");
    let r = env.run(&["contacts", "list", "--filter", "colour[eq]:1"]).await;
    assert_eq!(r.code, 2);
    one_line(&r);
    assert!(r.stderr.contains("colour"), "{r:?}");
    let r = env.run_with(&["contacts", "create", "--json", "-"], "[1, 2]", &[]).await;
    assert_eq!(r.code, 2);
    one_line(&r);
    // 3: not found, also for another account's records.
    let r = env.run(&["contacts", "get", "424242"]).await;
    assert_eq!(r.code, 3);
    one_line(&r);
    // 4: stale version.
    let c = env.run(&["contacts", "create", "--name", "Stale", "-q"]).await.ok().stdout.trim().to_string();
    let r = env.run(&["contacts", "delete", &c, "--if-match", "9"]).await;
    assert_eq!(r.code, 4);
    one_line(&r);
    // 5: refused token.
    let r = env.run_with(&["contacts", "list"], "", &[("CRM_TOKEN", "crm_not-a-real-token")]).await;
    assert_eq!(r.code, 5);
    one_line(&r);
    // 8: nothing listens there.
    let r = env.run_with(&["contacts", "list"], "", &[("CRM_SERVER", "http://127.0.0.1:9")]).await;
    assert_eq!(r.code, 8);
    one_line(&r);
    // 1: other failures, such as a configuration file that is not TOML.
    std::fs::write(env.config.path().join("config.toml"), "this is [not toml").expect("write");
    let r = env.run(&["whoami"]).await;
    assert_eq!(r.code, 1);
    one_line(&r);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_writes_a_file_or_standard_output_and_o_is_only_a_format() {
    let s = server().await;
    let env = Env::new(&s.base);
    env.register("export-flags@example.com").await;
    env.run(&["contacts", "create", "--name", "Ada", "--email", "ada@example.com", "-q"]).await.ok();
    let dir = tempfile::tempdir().expect("tempdir");
    let here = Some(dir.path());

    // `-` is standard output: no file named `-`.
    let r = env.run_in(here, &["contacts", "export", "-"], "", &[]).await.ok();
    assert!(r.stdout.starts_with("id,name,email,") && r.stdout.contains("Ada,ada@example.com"), "{r:?}");
    assert!(!dir.path().join("-").exists(), "no file named -");
    let r = env.run_in(here, &["contacts", "export", "-", "-o", "ndjson"], "", &[]).await.ok();
    assert_eq!(serde_json::from_str::<Value>(r.stdout.trim()).expect("one JSON line")["name"], "Ada");

    // A FILE, its format from the extension unless --format says otherwise.
    let r = env.run_in(here, &["contacts", "export", "people.ndjson"], "", &[]).await.ok();
    assert!(r.stdout.is_empty() && r.stderr.contains("people.ndjson"), "{r:?}");
    let nd = std::fs::read_to_string(dir.path().join("people.ndjson")).expect("written");
    assert_eq!(serde_json::from_str::<Value>(nd.trim()).expect("NDJSON")["email"], "ada@example.com");
    env.run_in(here, &["contacts", "export", "people.txt", "--format", "ndjson"], "", &[]).await.ok();
    assert!(std::fs::read_to_string(dir.path().join("people.txt")).expect("written").starts_with('{'));
    env.run_in(here, &["contacts", "export", "people.csv"], "", &[]).await.ok();
    assert!(std::fs::read_to_string(dir.path().join("people.csv")).expect("written").starts_with("id,name,"));

    // -o names a format, in any case, and nothing else.
    let r = env.run_in(here, &["contacts", "export", "-o", "out.csv"], "", &[]).await;
    assert_eq!(r.code, 2, "-o is not a file: {r:?}");
    assert!(!dir.path().join("out.csv").exists());
    let r = env.run(&["contacts", "list", "-o", "JSON"]).await.ok();
    assert_eq!(r.json().as_array().map(Vec::len), Some(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_the_entity_cannot_take_is_refused_naming_the_field() {
    let s = server().await;
    let env = Env::new(&s.base);
    env.register("typed@example.com").await;
    let r = env.run_with(&["contacts", "create", "--json", "-"], r#"{"name": "X", "colour": "red"}"#, &[]).await;
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("colour") && r.stderr.lines().count() == 1, "{r:?}");
    let r = env.run(&["contacts", "create", "--name", "X", "--status", "Wonky"]).await;
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("status: "), "{r:?}");
    let r = env.run(&["opportunities", "create", "--name", "X", "--value", "1.005"]).await;
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("value: "), "{r:?}");
    assert_eq!(env.run(&["contacts", "list", "--count"]).await.ok().stdout.trim(), "0", "nothing was written");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dashboard_layout_shows_and_sets_the_layout() {
    let s = server().await;
    let env = Env::new(&s.base);
    env.register("dash@example.com").await;
    let shown = env.run(&["dashboard", "layout", "-o", "json"]).await.ok().json();
    assert_eq!((shown["period"].as_str(), shown["version"].as_i64()), (Some("this_month"), Some(0)));
    assert_eq!(shown["widgets"].as_array().map(Vec::len), Some(11));
    let table = env.run(&["dashboard", "layout", "-o", "table"]).await.ok().stdout;
    assert!(table.contains("total_contacts, open_opportunities,"), "widgets joined:\n{table}");

    // What is not given stays as it is; names in any case.
    let set = env.run(&["dashboard", "layout", "set", "--period", "Last 90 Days", "-o", "json"]).await.ok().json();
    assert_eq!((set["period"].as_str(), set["version"].as_i64()), (Some("last_90_days"), Some(1)));
    assert_eq!(set["widgets"].as_array().map(Vec::len), Some(11));
    let set = env.run(&["dashboard", "layout", "set", "--widgets", "funnel,WIN_RATE", "-o", "json"]).await.ok().json();
    assert_eq!(set["widgets"], json!(["funnel", "win_rate"]));
    assert_eq!((set["period"].as_str(), set["version"].as_i64()), (Some("last_90_days"), Some(2)));

    // Bad input is exit 2 naming the field; a stale version exit 4.
    let r = env.run(&["dashboard", "layout", "set", "--widgets", "funnel,funnel"]).await;
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("widgets[1]: duplicate widget \"funnel\""), "{r:?}");
    let r = env.run(&["dashboard", "layout", "set", "--period", "fortnight"]).await;
    assert!(r.code == 2 && r.stderr.contains("--period: unknown value \"fortnight\""), "{r:?}");
    assert_eq!(env.run(&["dashboard", "layout", "set"]).await.code, 2, "something to set");
    let r = env.run(&["dashboard", "layout", "set", "--period", "this_year", "--if-match", "1"]).await;
    assert_eq!(r.code, 4, "{r:?}");
    env.run(&["dashboard", "layout", "set", "--period", "this_year", "--if-match", "2", "-q"]).await.ok();
    let shown = env.run(&["dashboard", "layout", "-o", "json"]).await.ok().json();
    assert_eq!((shown["period"].as_str(), shown["version"].as_i64()), (Some("this_year"), Some(3)));
    // Bare `crm dashboard` prints the figures.
    let figures = env.run(&["dashboard", "-o", "json"]).await.ok().json();
    assert_eq!(figures["total_contacts"], 0, "{figures}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pipelines_stages_board_forecast_and_dashboard() {
    let s = server().await;
    let env = Env::new(&s.base);
    env.register("figures@example.com").await;
    let one_line_usage = |r: &Run| {
        assert_eq!(r.code, 2, "{r:?}");
        assert!(r.stderr.lines().count() == 1 && r.stdout.is_empty(), "one line: {r:?}");
    };

    // A pipeline with its stages, NAME:PROB:KIND.
    let created = env
        .run(&[
            "pipelines",
            "create",
            "Renewals",
            "--stage",
            "Contacted:10",
            "--stage",
            "Quoted:50",
            "--stage",
            "Renewed:100:won",
            "--stage",
            "Lapsed:0:lost",
            "-o",
            "json",
        ])
        .await
        .ok()
        .json();
    let p = created["id"].as_i64().expect("pipeline id").to_string();
    let kinds: Vec<&str> =
        created["stages"].as_array().into_iter().flatten().filter_map(|s| s["kind"].as_str()).collect();
    assert_eq!(kinds, ["open", "open", "won", "lost"], "{created}");
    one_line_usage(&env.run(&["pipelines", "create", "Bad", "--stage", "X:200"]).await);
    one_line_usage(&env.run(&["pipelines", "create", "Bad", "--stage", "X:10:maybe"]).await);

    // Stages: add (placed), update by name and by id, add and delete one.
    let added = env
        .run(&["pipelines", "stages", "add", &p, "Negotiating", "--probability", "75", "--position", "2", "-o", "json"])
        .await
        .ok()
        .json();
    let haggle = added["id"].as_i64().expect("stage id").to_string();
    assert_eq!((added["position"].as_i64(), added["rotting_days"].as_i64()), (Some(2), None), "{added}");
    let renamed = env
        .run(&[
            "pipelines",
            "stages",
            "update",
            &p,
            "negotiating",
            "--name",
            "Haggling",
            "--rotting-days",
            "30",
            "-o",
            "json",
        ])
        .await
        .ok()
        .json();
    assert_eq!((renamed["name"].as_str(), renamed["rotting_days"].as_i64()), (Some("Haggling"), Some(30)));
    let never = env.run(&["pipelines", "stages", "update", &p, &haggle, "--rotting-days", "never", "-o", "json"]).await;
    assert!(never.ok().json()["rotting_days"].is_null());
    one_line_usage(&env.run(&["pipelines", "stages", "update", &p, &haggle, "--rotting-days", "soon"]).await);
    assert_eq!(env.run(&["pipelines", "stages", "update", &p, "nowhere", "--probability", "5"]).await.code, 3);
    env.run(&["pipelines", "stages", "add", &p, "Spare", "--kind", "LOST", "-q"]).await.ok();
    env.run(&["pipelines", "stages", "delete", &p, "spare"]).await.ok();
    let stages = env.run(&["pipelines", "stages", &p, "-o", "json"]).await.ok().json();
    let names: Vec<&str> = stages.as_array().into_iter().flatten().filter_map(|s| s["name"].as_str()).collect();
    assert_eq!(names, ["Contacted", "Quoted", "Haggling", "Renewed", "Lapsed"]);

    // Rename, make it the default; list shows a line per stage.
    env.run(&["pipelines", "rename", &p, "Renewals 2027", "-q"]).await.ok();
    env.run(&["pipelines", "default", &p, "-q"]).await.ok();
    let all = env.run(&["pipelines", "list", "-o", "json"]).await.ok().json();
    let mine = all.as_array().into_iter().flatten().find(|x| x["id"] == created["id"]).expect("listed").clone();
    assert_eq!((mine["name"].as_str(), mine["is_default"].as_bool()), (Some("Renewals 2027"), Some(true)));
    let table = env.run_with(&["pipelines", "list", "-o", "table"], "", &[("COLUMNS", "140")]).await.ok().stdout;
    assert_eq!(table.lines().count(), 2 + 6 + 5, "a header, a rule and a line per stage:\n{table}");
    assert!(table.lines().any(|l| l.contains("Renewals 2027 (default)") && l.contains("Haggling")), "{table}");
    let scratch = env.run(&["pipelines", "create", "Scratch", "-q"]).await.ok().stdout.trim().to_string();
    env.run(&["pipelines", "delete", &scratch]).await.ok();
    assert_eq!(env.run(&["pipelines", "get", &scratch]).await.code, 3);

    // Deals in several stages and currencies, one moved to the won stage.
    let today = chrono::Utc::now().date_naive();
    let next_month = (today.with_day(1).expect("first") + chrono::Months::new(1)).to_string();
    let today = today.to_string();
    let contact = env.run(&["contacts", "create", "--name", "Ada", "-q"]).await.ok().stdout.trim().to_string();
    let deal =
        |name: &'static str, amount: &'static str, currency: &'static str, stage: &'static str, close: String| {
            let env = &env;
            let contact = contact.clone();
            async move {
                let mut args = vec!["deals", "create", "--name", name, "--amount", amount, "--currency", currency];
                args.extend(["--stage", stage, "--contact-id", &contact, "-q"]);
                if !close.is_empty() {
                    args.extend(["--close-date", &close]);
                }
                env.run(&args).await.ok().stdout.trim().to_string()
            }
        };
    let alpha = deal("Alpha", "1000.00", "USD", "Contacted", today.clone()).await;
    deal("Beta", "2500.50", "EUR", "quoted", next_month.clone()).await;
    deal("Gamma", "300.00", "USD", "Haggling", String::new()).await;
    let delta = deal("Delta", "700.00", "USD", "Contacted", today.clone()).await;
    env.run(&["deals", "move", &delta, "renewed", "-q"]).await.ok();
    env.run(&["activities", "create", "--type", "call", "--description", "Call Ada", "--contact-id", &contact, "-q"])
        .await
        .ok();

    // The board: a block per stage, a line per deal.
    let board = env.run(&["pipeline", "-o", "table"]).await.ok().stdout;
    let lines: Vec<&str> = board.lines().collect();
    for head in ["Contacted (1)", "Quoted (1)", "Haggling (1)", "Renewed (1)", "Lapsed (0)"] {
        assert!(lines.contains(&head), "{head}:\n{board}");
    }
    let alpha_line = lines.iter().find(|l| l.contains("Alpha")).expect("Alpha's line");
    assert!(alpha_line.starts_with(&format!("  {alpha}")), "{board}");
    assert!(
        alpha_line.contains("1,000.00 USD") && alpha_line.contains("10%") && alpha_line.contains(&contact),
        "{board}"
    );
    assert!(board.lines().all(|l| l.chars().count() <= 100), "fits COLUMNS=100:\n{board}");
    let json = env.run(&["pipeline", "-o", "json"]).await.ok().json();
    let columns: Vec<&String> = json.as_object().expect("object").keys().collect();
    assert_eq!(columns.len(), 5, "{json}");
    assert_eq!(json["Renewed"][0]["name"], "Delta");
    let ids = env.run(&["pipeline", "--per-stage", "1", "-q"]).await.ok().stdout;
    assert_eq!(ids.lines().count(), 4, "{ids}");

    // The summary.
    let summary = env.run(&["pipeline", "--summary", "-o", "json"]).await.ok().json();
    let stage = |name: &str| {
        summary["stages"].as_array().into_iter().flatten().find(|s| s["stage"] == name).cloned().expect(name)
    };
    let quoted = stage("Quoted");
    assert_eq!(quoted["count"], 1);
    assert_eq!(
        quoted["currencies"][0],
        json!({"currency": "EUR", "count": 1, "amount": "2500.50", "weighted_amount": "1250.25", "rotting": 0})
    );
    assert_eq!(stage("Contacted")["currencies"][0]["weighted_amount"], "100.00");
    let table = env.run(&["pipeline", "--summary", "-o", "table"]).await.ok().stdout;
    assert!(
        table.lines().any(|l| l.contains("Quoted") && l.contains("2,500.50 EUR") && l.contains("1,250.25 EUR")),
        "{table}"
    );
    assert!(
        table.lines().any(|l| l.contains("Lapsed") && l.contains("lost")),
        "a stage without deals has its line:\n{table}"
    );

    // The forecast: this month's USD (Alpha open, Delta won), next month's EUR.
    let forecast = env.run(&["forecast", "--months", "2", "-o", "json"]).await.ok().json();
    assert_eq!(forecast["months"].as_array().map(Vec::len), Some(2), "{forecast}");
    assert_eq!(
        forecast["months"][0]["currencies"][0],
        json!({"currency": "USD", "won": "700.00", "weighted": "100.00", "best_case": "1700.00", "count": 2})
    );
    assert_eq!(forecast["months"][1]["currencies"][0]["weighted"], "1250.25");
    let table = env.run(&["forecast", "-o", "table"]).await.ok().stdout;
    assert!(table.lines().next().is_some_and(|l| l.starts_with("month") && l.contains("best_case")), "{table}");
    assert!(table.contains("1,700.00 USD"), "{table}");
    let csv = env.run(&["forecast", "--months", "1", "-o", "csv"]).await.ok().stdout;
    assert_eq!(csv.lines().collect::<Vec<_>>()[1..], [format!("{},USD,700.00,100.00,1700.00,2", &today[..7])]);
    assert!(env.run(&["forecast", "-q"]).await.ok().stdout.is_empty(), "figures have no ids");
    assert_eq!(env.run(&["forecast", "--months", "37"]).await.code, 2, "clap's usage error");

    // The dashboard: JSON as the server sends it, and as text with its charts.
    let dash = env.run(&["dashboard", "-o", "json"]).await.ok().json();
    assert_eq!((dash["deals_won"].as_i64(), dash["total_contacts"].as_i64()), (Some(1), Some(1)), "{dash}");
    let by_stage: Vec<&str> =
        dash["by_stage"].as_array().into_iter().flatten().filter_map(|s| s["stage"].as_str()).collect();
    assert_eq!(by_stage, ["Contacted", "Quoted", "Haggling"]);
    let text = env.run(&["dashboard", "-o", "table"]).await.ok().stdout;
    for figure in [
        "total contacts",
        "open opportunities",
        "pipeline value",
        "deals won",
        "win rate",
        "100.0%",
        "average deal size",
        "700.00 USD",
        "sales cycle",
    ] {
        assert!(text.contains(figure), "{figure}:\n{text}");
    }
    assert!(text.contains("1 in all: 1 calls"), "{text}");
    for heading in ["Open deals by stage", "amount in EUR", "amount in USD", "Funnel", "Forecast", "Activities per day"]
    {
        assert!(text.contains(heading), "{heading}:\n{text}");
    }
    let bars: Vec<&str> = text.lines().filter(|l| l.contains('█')).collect();
    assert!(bars.iter().any(|l| l.starts_with("Contacted")), "bar lines:\n{text}");
    assert!(bars.iter().any(|l| l.starts_with("Quoted") && l.ends_with("2,500.50 EUR")), "{text}");
    assert!(text.lines().all(|l| l.chars().count() <= 100), "fits COLUMNS=100:\n{text}");
    assert!(!text.contains('\x1b'), "no colour codes when piped:\n{text}");
    let wide = env.run_with(&["dashboard", "-o", "table"], "", &[("COLUMNS", "160")]).await.ok().stdout;
    let longest = |t: &str| t.lines().filter(|l| l.contains('█')).map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest(&wide) > longest(&text) && longest(&wide) <= 160, "bars scale to the width:\n{wide}");
    one_line_usage(&env.run(&["dashboard", "--from", "2026-02-30"]).await);
    one_line_usage(&env.run(&["dashboard", "--from", "2026-03-01", "--to", "2026-02-01"]).await);
    assert_eq!(env.run(&["dashboard", "--pipeline", "999999"]).await.code, 3);

    // A stage with deals is deleted only with somewhere to move them.
    let r = env.run(&["pipelines", "stages", "delete", &p, "Quoted"]).await;
    assert!(r.code != 0 && r.stderr.lines().count() == 1, "{r:?}");
    env.run(&["pipelines", "stages", "delete", &p, "Quoted", "--move-to", "Contacted"]).await.ok();
    let json = env.run(&["pipeline", "-o", "json"]).await.ok().json();
    assert_eq!(json["Contacted"].as_array().map(Vec::len), Some(2), "{json}");
}

/// A server that answers every request with one status and a problem body, for the exit codes
/// of answers our server gives only under load (429) or when broken (5xx).
async fn answering(status: u16) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let app = axum::Router::new().fallback(move || async move {
        let code = axum::http::StatusCode::from_u16(status).unwrap_or(axum::http::StatusCode::IM_A_TEAPOT);
        let body =
            json!({"type": "about:blank", "title": "Answer", "status": status, "detail": format!("answered {status}")});
        (code, [("content-type", "application/problem+json")], body.to_string())
    });
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{addr}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limits_and_server_errors_have_their_exit_codes() {
    for (status, code) in [(429, 6), (500, 7), (503, 7)] {
        let base = answering(status).await;
        let env = Env::new(&base);
        let r = env.run_with(&["contacts", "list"], "", &[("CRM_TOKEN", "crm_x")]).await;
        assert_eq!(r.code, code, "HTTP {status}: {r:?}");
        assert_eq!(r.stderr.trim(), format!("crm: answered {status}"));
    }
}

/// The subcommands a help text lists under `Commands:`.
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|n| *n != "help")
        .map(str::to_string)
        .collect()
}

fn snapshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/help")
}

fn check_snapshot(path: &Path, actual: &str, stale: &mut Vec<String>) {
    if std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1") {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("snapshot dir");
        }
        std::fs::write(path, actual).expect("writing snapshot");
        return;
    }
    match std::fs::read_to_string(path) {
        Ok(expected) if expected == actual => {}
        _ => stale.push(path.display().to_string()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn help_of_every_command_matches_its_snapshot() {
    let env = Env::new("http://127.0.0.1:9");
    // Walk the tree through the help texts themselves.
    let mut paths: Vec<Vec<String>> = vec![vec![]];
    let mut i = 0;
    while i < paths.len() {
        let mut args: Vec<String> = paths[i].clone();
        args.push("--help".into());
        let help = env.run(&args.iter().map(String::as_str).collect::<Vec<_>>()).await.ok().stdout;
        for sub in subcommands(&help) {
            let mut p = paths[i].clone();
            p.push(sub);
            paths.push(p);
        }
        i += 1;
    }
    assert!(paths.len() > 40, "{paths:?}");
    let mut stale = Vec::new();
    for p in &paths {
        let mut args: Vec<&str> = p.iter().map(String::as_str).collect();
        args.push("--help");
        let r = env.run(&args).await.ok();
        let name = if p.is_empty() { "crm".to_string() } else { format!("crm {}", p.join(" ")) };
        check_snapshot(&snapshot_dir().join(format!("{}.txt", name.replace(' ', "_"))), &r.stdout, &mut stale);
    }
    let top_help = env.run(&["--help"]).await.ok().stdout;
    assert!(top_help.contains("Exit codes:"), "{top_help}");
    assert!(stale.is_empty(), "help changed; rerun with UPDATE_SNAPSHOTS=1 and review: {stale:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn committed_completions_match_the_commands() {
    let env = Env::new("http://127.0.0.1:9");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../completions");
    let mut stale = Vec::new();
    for (shell, file) in
        [("bash", "crm.bash"), ("zsh", "_crm"), ("fish", "crm.fish"), ("elvish", "crm.elv"), ("powershell", "_crm.ps1")]
    {
        let r = env.run(&["completions", shell]).await.ok();
        assert!(r.stdout.len() > 1000, "{shell}: {r:?}");
        check_snapshot(&root.join(file), &r.stdout, &mut stale);
    }
    assert!(stale.is_empty(), "completions drifted; regenerate with UPDATE_SNAPSHOTS=1: {stale:?}");
}
