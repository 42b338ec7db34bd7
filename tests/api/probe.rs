//! Hand-made requests for probing the API: the status, content type and JSON body of an answer,
//! and the checks every error answer must pass.

use crm_api::client::Client;
use reqwest::{Method, RequestBuilder};
use serde_json::Value;

/// What the server answered.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Value,
}

impl Answer {
    /// The answer is an RFC 9457 problem: `application/problem+json`, with `type`, `title` and
    /// a `status` member equal to the HTTP status. `Err` says what is wrong.
    pub fn check_problem(&self) -> Result<(), String> {
        let media = self.content_type.as_deref().and_then(|v| v.split(';').next()).map(str::trim);
        if media != Some("application/problem+json") {
            return Err(format!("content-type is {:?}, not application/problem+json", self.content_type));
        }
        if self.body["status"].as_u64() != Some(u64::from(self.status)) {
            return Err(format!("body status {} differs from HTTP status {}", self.body["status"], self.status));
        }
        if !self.body["type"].is_string() || !self.body["title"].is_string() {
            return Err("body lacks type or title".into());
        }
        Ok(())
    }

    /// The `field` of each entry of the problem's `errors`.
    pub fn fields(&self) -> Vec<String> {
        self.body["errors"]
            .as_array()
            .map(|errs| errs.iter().filter_map(|e| e["field"].as_str().map(str::to_string)).collect())
            .unwrap_or_default()
    }

    /// The problem's `type`, `title`, `status`, `detail` and `errors`: what a client can see of
    /// an error, without the per-request id.
    pub fn visible_problem(&self) -> Value {
        let mut b = self.body.clone();
        if let Some(m) = b.as_object_mut() {
            m.remove("request_id");
        }
        b
    }
}

impl std::fmt::Display for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let body = self.body.to_string();
        let cut: String = body.chars().take(400).collect();
        write!(f, "HTTP {} ({}) {cut}", self.status, self.content_type.as_deref().unwrap_or("no content-type"))
    }
}

/// Sends a request and reads the whole answer.
pub async fn send(rb: RequestBuilder) -> Answer {
    let resp = rb.send().await.expect("the server answers");
    let status = resp.status().as_u16();
    let content_type =
        resp.headers().get(reqwest::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_string);
    let bytes = resp.bytes().await.expect("reading the answer");
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
    };
    Answer { status, content_type, body }
}

/// `method path` with an optional JSON body.
pub async fn call(c: &Client, method: Method, path: &str, body: Option<&Value>) -> Answer {
    let mut rb = c.request(method, path);
    if let Some(b) = body {
        rb = rb.json(b);
    }
    send(rb).await
}
