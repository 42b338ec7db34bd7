//! The `crm-sim` binary: its first line, its flags, and a clean end on SIGTERM.

use std::process::Stdio;
use std::time::Duration;

use reqwest::StatusCode;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

use crate::common::client;

#[tokio::test]
async fn the_binary_prints_where_it_listens_and_ends_on_sigterm() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crm-sim"))
        .args(["--bind", "127.0.0.1:0", "--people", "30", "--brivity-key", "K", "--error-every", "2"])
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("starting crm-sim");
    let stdout = child.stdout.take().expect("its stdout");
    let mut lines = BufReader::new(stdout).lines();
    let read = async { lines.next_line().await.expect("reading its stdout").expect("a line") };
    let first = tokio::time::timeout(Duration::from_secs(20), read).await.expect("the first line in time");
    let addr = first.strip_prefix("crm-sim listening on http://").expect("the first line names the address");
    assert!(!addr.ends_with(":0"), "{first}");
    let brivity = lines.next_line().await.ok().flatten().unwrap_or_default();
    assert_eq!(brivity, format!("BRIVITY_BASE_URL=http://{addr}/brivity"));
    let tp = lines.next_line().await.ok().flatten().unwrap_or_default();
    assert_eq!(tp, format!("TOPPRODUCER_BASE_URL=http://{addr}/topproducer"));

    let people =
        || client().get(format!("http://{addr}/brivity/api/people?limit=100")).header("Authorization", "Token token=K");
    let first = people().send().await.expect("a page");
    assert_eq!(first.status(), StatusCode::OK);
    let body: serde_json::Value = first.json().await.expect("JSON");
    assert_eq!(body.as_array().map(Vec::len), Some(30));
    assert_eq!(people().send().await.expect("a page").status(), StatusCode::INTERNAL_SERVER_ERROR, "--error-every 2");

    let pid = child.id().expect("a running process").to_string();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().await.expect("running kill");
    assert!(killed.success());
    let status =
        tokio::time::timeout(Duration::from_secs(10), child.wait()).await.expect("an end in time").expect("a status");
    assert!(status.success(), "{status}");
}
