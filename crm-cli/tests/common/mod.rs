//! Running the real `crm` binary against a test server.

#![allow(dead_code)]

use std::process::Stdio;

use crm_tests::{Backend, TestServer};
use serde_json::Value;
use tokio::io::AsyncWriteExt;

/// A configuration directory and a server for one test.
pub struct Env {
    pub server: String,
    pub config: tempfile::TempDir,
}

#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {self:?}"))
    }

    #[track_caller]
    pub fn ok(self) -> Run {
        assert_eq!(self.code, 0, "failed: {self:?}");
        self
    }
}

impl Env {
    pub fn new(server: &str) -> Env {
        Env { server: server.to_string(), config: tempfile::tempdir().expect("tempdir") }
    }

    pub async fn run_with(&self, args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Run {
        self.run_in(None, args, stdin, env).await
    }

    /// Runs `crm` in the working directory `dir` (the test's own by default).
    pub async fn run_in(&self, dir: Option<&std::path::Path>, args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Run {
        let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_crm"));
        if let Some(d) = dir {
            cmd.current_dir(d);
        }
        cmd.args(args)
            .env("CRM_SERVER", &self.server)
            .env("CRM_CONFIG_DIR", self.config.path())
            .env_remove("CRM_TOKEN")
            .env_remove("CRM_PROFILE")
            .env("COLUMNS", "100")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("running crm");
        if let Some(mut si) = child.stdin.take() {
            si.write_all(stdin.as_bytes()).await.expect("stdin");
        }
        let out = child.wait_with_output().await.expect("crm output");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    pub async fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, "", &[]).await
    }

    /// Registers `email` through `crm register` (password on stdin) into the default profile.
    pub async fn register(&self, email: &str) {
        self.run_with(&["register", "--email", email, "--name", "Tester"], "correct horse battery\n", &[]).await.ok();
    }
}

pub async fn server() -> TestServer {
    TestServer::start(Backend::Sqlite).await
}
