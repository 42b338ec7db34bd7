//! A bounded soak: several users, each with several concurrent clients, mixing reads and writes
//! for a while (`CRM_SOAK_SECS`, 60 s by default) against a server with a real rate per user.
//! One user is greedy and gets 429s (each well formed, waited out and retried); the others pace
//! themselves under the rate and get none. Any other answer than the one expected is an error.
//! Afterwards, on the same database served again without limits: every acknowledged write is
//! there as last acknowledged (deleted ones in the trash only), nothing else is, nothing crossed
//! users, and the figures' sums equal a recomputation.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crm_api::client::Client;
use crm_server::limits::{LimitsConfig, Rate};
use crm_server::store::sums;
use crm_tests::{Backend, TestServer, backend_tests, fresh_database};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use reqwest::Method;
use serde_json::{Value, json};
use tokio::time::Instant;

backend_tests!(clients_of_several_users_soak_without_errors_losses_or_crossings);

const USERS: usize = 4;
const CLIENTS_PER_USER: usize = 8;
/// The rate of each user: the greedy one goes over it, the others stay well under it.
const RATE_PER_SEC: u32 = 60;
/// What each polite user sends a second, all its clients together.
const POLITE_PER_SEC: u32 = 25;
/// The user that does not pace itself.
const GREEDY: usize = 0;
/// Longest wait on a `Retry-After`.
const RETRY_CAP_SECS: u64 = 5;
/// 429s in a row after which a client gives a request up (as an error).
const MAX_TRIES: u32 = 60;
const FIRST_ERRORS: usize = 20;

const STAGES: [&str; 6] = ["Prospect", "Qualification", "Proposal", "Negotiation", "Closed-Won", "Closed-Lost"];
const STATUSES: [&str; 4] = ["Lead", "Prospect", "Customer", "Closed"];
const TYPES: [&str; 5] = ["Call", "Email", "Meeting", "Task", "Note"];
const PRIORITIES: [&str; 4] = ["Low", "Normal", "High", "Urgent"];

fn soak_duration() -> Duration {
    let secs = std::env::var("CRM_SOAK_SECS").ok().and_then(|s| s.trim().parse::<u64>().ok()).unwrap_or(60);
    Duration::from_secs(secs.max(1))
}

/// The word every record of user `u` starts with.
fn mark(u: usize) -> String {
    format!("soak{u}")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Contact,
    Deal,
    Activity,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::Contact, Kind::Deal, Kind::Activity];

    fn path(self) -> &'static str {
        match self {
            Kind::Contact => "contacts",
            Kind::Deal => "deals",
            Kind::Activity => "activities",
        }
    }

    /// The field that carries the user's mark and the record's tag.
    fn label(self) -> &'static str {
        match self {
            Kind::Activity => "description",
            _ => "name",
        }
    }
}

/// An acknowledged record as its writer last left it.
#[derive(Debug, Clone)]
struct Rec {
    kind: Kind,
    id: i64,
    /// A word of its label, unique to it (searched for).
    tag: String,
    label: String,
    stage: Option<String>,
    amount: Option<String>,
    /// Unknown for a record made by a batch until it is written again.
    version: Option<i64>,
    deleted: bool,
}

/// What the clients of one user did.
#[derive(Default)]
struct Tally {
    ops: AtomicU64,
    limited: AtomicU64,
    errors: AtomicU64,
}

/// What every client shares.
struct Shared {
    tallies: Vec<Tally>,
    first_errors: Mutex<Vec<String>>,
    /// Every record made, with its user: what the clients of other users probe.
    made: Mutex<Vec<(usize, Kind, i64)>>,
    deadline: Instant,
}

/// Spaces the requests of one user's clients so that together they stay under a rate.
struct Pacer {
    interval: Duration,
    next: tokio::sync::Mutex<Instant>,
}

impl Pacer {
    fn new(per_sec: u32) -> Pacer {
        Pacer { interval: Duration::from_secs(1) / per_sec, next: tokio::sync::Mutex::new(Instant::now()) }
    }

    async fn wait(&self) {
        let slot = {
            let mut next = self.next.lock().await;
            let slot = (*next).max(Instant::now());
            *next = slot + self.interval;
            slot
        };
        tokio::time::sleep_until(slot).await;
    }
}

/// One request, and the status that answers it when all goes well.
struct Req {
    method: Method,
    path: String,
    query: Vec<(&'static str, String)>,
    body: Option<Value>,
    if_match: Option<i64>,
    expect: u16,
}

impl Req {
    fn new(method: Method, path: impl Into<String>, expect: u16) -> Req {
        Req { method, path: path.into(), query: Vec::new(), body: None, if_match: None, expect }
    }
    fn query(mut self, key: &'static str, value: impl Into<String>) -> Req {
        self.query.push((key, value.into()));
        self
    }
    fn body(mut self, body: Value) -> Req {
        self.body = Some(body);
        self
    }
    fn if_match(mut self, version: Option<i64>) -> Req {
        self.if_match = version;
        self
    }
}

/// One client of one user: its own records, which only it writes.
struct Agent {
    user: usize,
    client_no: usize,
    mark: String,
    client: Client,
    pacer: Option<Arc<Pacer>>,
    shared: Arc<Shared>,
    rng: StdRng,
    n: u64,
    recs: Vec<Rec>,
}

impl Agent {
    fn fail(&self, what: &str, why: String) {
        self.shared.tallies[self.user].errors.fetch_add(1, Ordering::Relaxed);
        let mut first = self.shared.first_errors.lock().expect("errors");
        if first.len() < FIRST_ERRORS {
            first.push(format!("user {} client {}: {what}: {why}", self.user, self.client_no));
        }
    }

    /// Sends `req` (waiting out 429s, the greedy user's only); its body when answered as
    /// expected, else `None` with the error recorded.
    async fn send(&self, req: Req) -> Option<Value> {
        let query: Vec<String> = req.query.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let what = if query.is_empty() {
            format!("{} {}", req.method, req.path)
        } else {
            format!("{} {}?{}", req.method, req.path, query.join("&"))
        };
        let mut tries = 0;
        loop {
            tries += 1;
            if let Some(p) = &self.pacer {
                p.wait().await;
            }
            let mut rb = self.client.request(req.method.clone(), &req.path);
            if !req.query.is_empty() {
                rb = rb.query(&req.query);
            }
            if let Some(b) = &req.body {
                rb = rb.json(b);
            }
            if let Some(v) = req.if_match {
                rb = rb.header(reqwest::header::IF_MATCH, format!("\"{v}\""));
            }
            let resp = match rb.send().await {
                Ok(r) => r,
                Err(e) => {
                    self.fail(&what, format!("no answer: {e}"));
                    return None;
                }
            };
            let status = resp.status().as_u16();
            let header = |name| resp.headers().get(name).and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok());
            let retry_after = header(reqwest::header::RETRY_AFTER).and_then(|v| v.parse::<u64>().ok());
            let problem =
                header(reqwest::header::CONTENT_TYPE).is_some_and(|t| t.starts_with("application/problem+json"));
            let bytes = match resp.bytes().await {
                Ok(b) => b,
                Err(e) => {
                    self.fail(&what, format!("{status}, body cut short: {e}"));
                    return None;
                }
            };
            let body = if bytes.is_empty() {
                Value::Null
            } else {
                serde_json::from_slice(&bytes)
                    .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()))
            };
            if status == 429 {
                let well_formed = retry_after.is_some_and(|s| s >= 1)
                    && problem
                    && body["status"] == 429
                    && body["type"].as_str().is_some_and(|t| t.ends_with("rate-limited"));
                if !well_formed {
                    self.fail(&what, format!("a 429 without Retry-After or problem body: {retry_after:?} {body}"));
                    return None;
                }
                if self.pacer.is_some() {
                    self.fail(&what, format!("a 429 for a user under the rate: {body}"));
                    return None;
                }
                self.shared.tallies[self.user].limited.fetch_add(1, Ordering::Relaxed);
                if tries >= MAX_TRIES {
                    self.fail(&what, format!("still 429 after {tries} tries"));
                    return None;
                }
                let wait = retry_after.unwrap_or(1).min(RETRY_CAP_SECS);
                tokio::time::sleep(Duration::from_secs(wait)).await;
                continue;
            }
            if status != req.expect {
                let mut text = body.to_string();
                text.truncate(400);
                self.fail(&what, format!("{status} (expected {}): {text}", req.expect));
                return None;
            }
            self.shared.tallies[self.user].ops.fetch_add(1, Ordering::Relaxed);
            return Some(body);
        }
    }

    fn next_tag(&mut self) -> String {
        self.n += 1;
        format!("u{}c{}n{}", self.user, self.client_no, self.n)
    }

    fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[self.rng.random_range(0..from.len())]
    }

    /// The index of one of this client's records of `kinds`, live ones only or any.
    fn own(&mut self, kinds: &[Kind], live_only: bool) -> Option<usize> {
        let found: Vec<usize> = (0..self.recs.len())
            .filter(|&i| kinds.contains(&self.recs[i].kind) && !(live_only && self.recs[i].deleted))
            .collect();
        (!found.is_empty()).then(|| self.pick(&found))
    }

    fn amount(&mut self) -> String {
        format!("{}.{:02}", self.rng.random_range(0..200_000), self.rng.random_range(0..100))
    }

    /// Records a record the server made, after checking it says what was sent.
    fn made(&mut self, kind: Kind, tag: String, sent: &Value, got: &Value, what: &str) {
        let Some(id) = got["id"].as_i64() else {
            self.fail(what, format!("an answer without an id: {got}"));
            return;
        };
        let label = kind.label();
        for field in [label, "stage", "amount"] {
            if sent.get(field).is_some() && sent[field] != got[field] {
                self.fail(what, format!("{field} sent {} came back {}", sent[field], got[field]));
            }
        }
        self.shared.made.lock().expect("made").push((self.user, kind, id));
        self.recs.push(Rec {
            kind,
            id,
            tag,
            label: got[label].as_str().unwrap_or_default().to_string(),
            stage: got["stage"].as_str().map(str::to_string),
            amount: got["amount"].as_str().map(str::to_string),
            version: got["version"].as_i64(),
            deleted: false,
        });
    }

    /// Takes an acknowledged update of record `i` in.
    fn updated(&mut self, i: usize, got: &Value) {
        let r = &mut self.recs[i];
        r.label = got[r.kind.label()].as_str().unwrap_or_default().to_string();
        r.stage = got["stage"].as_str().map(str::to_string);
        r.amount = got["amount"].as_str().map(str::to_string);
        r.version = got["version"].as_i64();
    }

    async fn create(&mut self, kind: Kind) {
        let tag = self.next_tag();
        let label = format!("{} {tag}", self.mark);
        let mut body = match kind {
            Kind::Contact => json!({
                "name": label, "email": format!("{tag}@{}.example.com", self.mark), "company": self.mark,
                "status": self.pick(&STATUSES), "rating": self.rng.random_range(0..=5),
            }),
            Kind::Deal => json!({
                "name": label, "amount": self.amount(), "stage": self.pick(&STAGES),
                "close_date": format!("202{}-{:02}-15", self.rng.random_range(6..8), self.rng.random_range(1..=12)),
            }),
            Kind::Activity => {
                let due = chrono::Utc::now().date_naive() + chrono::Duration::days(self.rng.random_range(-5..10));
                json!({
                    "type": self.pick(&TYPES), "priority": self.pick(&PRIORITIES), "description": label,
                    "due_date": due.to_string(),
                })
            }
        };
        // Links go to live records of this client's: no other client deletes them.
        if kind != Kind::Contact
            && self.rng.random_bool(0.5)
            && let Some(c) = self.own(&[Kind::Contact], true)
        {
            body["contact_id"] = json!(self.recs[c].id);
        }
        if kind == Kind::Activity
            && self.rng.random_bool(0.5)
            && let Some(d) = self.own(&[Kind::Deal], true)
        {
            body["deal_id"] = json!(self.recs[d].id);
        }
        let what = format!("create {}", kind.path());
        let req = Req::new(Method::POST, format!("/api/crm/{}", kind.path()), 201).body(body.clone());
        if let Some(got) = self.send(req).await {
            self.made(kind, tag, &body, &got, &what);
        }
    }

    async fn batch(&mut self) {
        let tags: Vec<String> = (0..self.rng.random_range(2..=5)).map(|_| self.next_tag()).collect();
        let records: Vec<Value> = tags
            .iter()
            .map(|t| json!({ "name": format!("{} {t}", self.mark), "email": format!("{t}@{}.example.com", self.mark) }))
            .collect();
        let req =
            Req::new(Method::POST, "/api/crm/contacts/batch", 200).body(json!({ "records": records, "match": "none" }));
        let Some(got) = self.send(req).await else { return };
        let results = got["results"].as_array().cloned().unwrap_or_default();
        let ids: Vec<Option<i64>> = results.iter().map(|r| r["id"].as_i64()).collect();
        let all_created = results.iter().all(|r| r["outcome"] == "created");
        if got["created"] != json!(tags.len()) || ids.len() != tags.len() || !all_created || ids.contains(&None) {
            self.fail("batch contacts", format!("not every record created: {got}"));
            return;
        }
        for (tag, id) in tags.into_iter().zip(ids.into_iter().flatten()) {
            self.shared.made.lock().expect("made").push((self.user, Kind::Contact, id));
            let label = format!("{} {tag}", self.mark);
            let rec =
                Rec { kind: Kind::Contact, id, tag, label, stage: None, amount: None, version: None, deleted: false };
            self.recs.push(rec);
        }
    }

    async fn update(&mut self) {
        let Some(i) = self.own(&Kind::ALL, true) else { return self.create(Kind::Contact).await };
        self.n += 1;
        let (kind, id, version) = (self.recs[i].kind, self.recs[i].id, self.recs[i].version);
        let label = format!("{} {} r{}", self.mark, self.recs[i].tag, self.n);
        let body = match kind {
            Kind::Contact => json!({ "name": label, "rating": self.rng.random_range(0..=5) }),
            Kind::Deal => json!({ "name": label, "amount": self.amount() }),
            Kind::Activity => json!({ "description": label, "priority": self.pick(&PRIORITIES) }),
        };
        let req =
            Req::new(Method::PATCH, format!("/api/crm/{}/{id}", kind.path()), 200).body(body.clone()).if_match(version);
        if let Some(got) = self.send(req).await {
            for field in [kind.label(), "amount"] {
                if body.get(field).is_some() && body[field] != got[field] {
                    self.fail("update", format!("{field} sent {} came back {}", body[field], got[field]));
                }
            }
            self.updated(i, &got);
        }
    }

    async fn move_deal(&mut self) {
        let Some(i) = self.own(&[Kind::Deal], true) else { return self.create(Kind::Deal).await };
        let (id, version, from) = (self.recs[i].id, self.recs[i].version, self.recs[i].stage.clone());
        let to = loop {
            let s = self.pick(&STAGES);
            if from.as_deref() != Some(s) {
                break s;
            }
        };
        let req = Req::new(Method::POST, format!("/api/crm/deals/{id}/move"), 200)
            .body(json!({ "stage": to }))
            .if_match(version);
        if let Some(got) = self.send(req).await {
            if got["stage"] != to {
                self.fail("move", format!("moved to {to}, answered {}", got["stage"]));
            }
            self.updated(i, &got);
        }
    }

    async fn delete(&mut self) {
        let Some(i) = self.own(&Kind::ALL, true) else { return };
        let (kind, id, version) = (self.recs[i].kind, self.recs[i].id, self.recs[i].version);
        let req = Req::new(Method::DELETE, format!("/api/crm/{}/{id}", kind.path()), 204).if_match(version);
        if self.send(req).await.is_some() {
            self.recs[i].deleted = true;
        }
    }

    /// Reads one of its records back: as last acknowledged, or gone when deleted.
    async fn get_own(&mut self) {
        let Some(i) = self.own(&Kind::ALL, false) else { return };
        let r = self.recs[i].clone();
        let path = format!("/api/crm/{}/{}", r.kind.path(), r.id);
        let Some(got) = self.send(Req::new(Method::GET, &path, if r.deleted { 404 } else { 200 })).await else {
            return;
        };
        if r.deleted {
            return;
        }
        let stale = got[r.kind.label()] != r.label.as_str()
            || got["stage"].as_str() != r.stage.as_deref()
            || got["amount"].as_str() != r.amount.as_deref()
            || r.version.is_some_and(|v| got["version"] != v);
        if stale {
            self.fail(&format!("GET {path}"), format!("read {got}, last acknowledged {r:?}"));
        }
        self.recs[i].version = got["version"].as_i64();
    }

    /// A filtered list: only this user's records, each matching the filter.
    async fn list(&mut self) {
        let (kind, field, value) = match self.rng.random_range(0..3) {
            0 => (Kind::Deal, "stage", self.pick(&STAGES)),
            1 => (Kind::Contact, "status", self.pick(&STATUSES)),
            _ => (Kind::Activity, "type", self.pick(&TYPES)),
        };
        let req = Req::new(Method::GET, format!("/api/crm/{}", kind.path()), 200)
            .query("filter", format!("{field}[eq]:\"{value}\""))
            .query("sort", "-updated_at")
            .query("limit", "100");
        let Some(page) = self.send(req).await else { return };
        let prefix = format!("{} ", self.mark);
        for row in page["data"].as_array().into_iter().flatten() {
            let label = row[kind.label()].as_str().unwrap_or_default();
            if !label.starts_with(&prefix) || row[field] != value {
                self.fail(&format!("list {} where {field} is {value}", kind.path()), format!("listed {row}"));
            }
        }
    }

    /// A search for one of its live records by its tag: found, and nothing of another user.
    async fn search(&mut self) {
        let Some(i) = self.own(&[Kind::Contact, Kind::Deal], true) else { return };
        let r = self.recs[i].clone();
        let req = Req::new(Method::GET, format!("/api/crm/{}", r.kind.path()), 200).query("q", &r.tag);
        let Some(page) = self.send(req).await else { return };
        let rows = page["data"].as_array().cloned().unwrap_or_default();
        let prefix = format!("{} ", self.mark);
        if !rows.iter().any(|row| row["id"] == r.id) {
            self.fail(&format!("search {} for {}", r.kind.path(), r.tag), format!("{} not found: {page}", r.id));
        }
        if let Some(row) = rows.iter().find(|row| !row["name"].as_str().unwrap_or_default().starts_with(&prefix)) {
            self.fail(&format!("search {} for {}", r.kind.path(), r.tag), format!("found another's {row}"));
        }
    }

    async fn figures(&mut self) {
        let req = match self.rng.random_range(0..4) {
            0 => Req::new(Method::GET, "/api/crm/dashboard", 200),
            1 => Req::new(Method::GET, "/api/crm/forecast", 200),
            2 => Req::new(Method::GET, "/api/crm/pipeline", 200).query("view", "summary"),
            _ => Req::new(Method::GET, "/api/crm/pipeline", 200),
        };
        let board = req.query.is_empty() && req.path == "/api/crm/pipeline";
        let Some(got) = self.send(req).await else { return };
        if !board {
            return;
        }
        let prefix = format!("{} ", self.mark);
        for (stage, deals) in got.as_object().into_iter().flatten() {
            for d in deals.as_array().into_iter().flatten() {
                if !d["name"].as_str().unwrap_or_default().starts_with(&prefix) || d["stage"] != stage.as_str() {
                    self.fail("the pipeline board", format!("column {stage} holds {d}"));
                }
            }
        }
    }

    /// Reads or writes a record of another user: 404, as if it did not exist.
    async fn probe_other(&mut self) {
        let theirs = {
            let made = self.shared.made.lock().expect("made");
            let others: Vec<(Kind, i64)> =
                made.iter().filter(|(u, _, _)| *u != self.user).map(|(_, k, id)| (*k, *id)).collect();
            (!others.is_empty()).then(|| others[self.rng.random_range(0..others.len())])
        };
        let Some((kind, id)) = theirs else { return };
        let path = format!("/api/crm/{}/{id}", kind.path());
        let req = match self.rng.random_range(0..3) {
            0 => Req::new(Method::GET, path, 404),
            1 => {
                let mut body = serde_json::Map::new();
                body.insert(kind.label().to_string(), json!(format!("{} stolen", self.mark)));
                Req::new(Method::PATCH, path, 404).body(Value::Object(body))
            }
            _ => Req::new(Method::DELETE, path, 404),
        };
        self.send(req).await;
    }

    async fn run(mut self) -> (usize, Vec<Rec>) {
        // Weights of the operations, out of their sum.
        const MIX: [(u32, Op); 12] = [
            (12, Op::Create(Kind::Contact)),
            (10, Op::Create(Kind::Deal)),
            (7, Op::Create(Kind::Activity)),
            (3, Op::Batch),
            (10, Op::Update),
            (8, Op::Move),
            (4, Op::Delete),
            (15, Op::Get),
            (12, Op::List),
            (6, Op::Search),
            (8, Op::Figures),
            (5, Op::ProbeOther),
        ];
        let total: u32 = MIX.iter().map(|(w, _)| w).sum();
        while Instant::now() < self.shared.deadline {
            let mut roll = self.rng.random_range(0..total);
            let mut op = Op::Get;
            for (weight, o) in MIX {
                if roll < weight {
                    op = o;
                    break;
                }
                roll -= weight;
            }
            match op {
                Op::Create(kind) => self.create(kind).await,
                Op::Batch => self.batch().await,
                Op::Update => self.update().await,
                Op::Move => self.move_deal().await,
                Op::Delete => self.delete().await,
                Op::Get => self.get_own().await,
                Op::List => self.list().await,
                Op::Search => self.search().await,
                Op::Figures => self.figures().await,
                Op::ProbeOther => self.probe_other().await,
            }
        }
        (self.user, self.recs)
    }
}

#[derive(Debug, Clone, Copy)]
enum Op {
    Create(Kind),
    Batch,
    Update,
    Move,
    Delete,
    Get,
    List,
    Search,
    Figures,
    ProbeOther,
}

/// Every record of `kind` the client lists, live or in the trash, page after page.
async fn everything(c: &Client, kind: Kind, deleted: bool) -> Vec<Value> {
    let mut out = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut query = vec![("limit", "1000".to_string()), ("deleted", deleted.to_string())];
        if let Some(cur) = &cursor {
            query.push(("cursor", cur.clone()));
        }
        let rb = c.request(Method::GET, &format!("/api/crm/{}", kind.path())).query(&query);
        let (status, page) = c.raw(rb).await.expect("list");
        assert_eq!(status, 200, "listing {}: {page}", kind.path());
        out.extend(page["data"].as_array().cloned().unwrap_or_default());
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_string()),
            None => return out,
        }
    }
}

/// What the server holds of user `u` that differs from what their clients were acknowledged.
async fn differences(c: &Client, u: usize, recs: &[Rec]) -> Vec<String> {
    let mut found = Vec::new();
    let prefix = format!("{} ", mark(u));
    for kind in Kind::ALL {
        let expected: BTreeMap<i64, &Rec> = recs.iter().filter(|r| r.kind == kind).map(|r| (r.id, r)).collect();
        let live = everything(c, kind, false).await;
        let trash = everything(c, kind, true).await;
        for (row, in_trash) in live.iter().map(|r| (r, false)).chain(trash.iter().map(|r| (r, true))) {
            let id = row["id"].as_i64().unwrap_or_default();
            let label = row[kind.label()].as_str().unwrap_or_default();
            if !label.starts_with(&prefix) {
                found.push(format!("user {u} holds another's {}: {row}", kind.path()));
            }
            let Some(r) = expected.get(&id) else {
                found.push(format!("user {u} holds {} {id}, never acknowledged: {row}", kind.path()));
                continue;
            };
            if r.deleted != in_trash {
                found.push(format!(
                    "user {u}'s {} {id}: deleted {} but in the trash {in_trash}",
                    kind.path(),
                    r.deleted
                ));
            }
            let changed = label != r.label
                || row["stage"].as_str() != r.stage.as_deref()
                || row["amount"].as_str() != r.amount.as_deref()
                || (!r.deleted && r.version.is_some_and(|v| row["version"] != v));
            if changed {
                found.push(format!("user {u}'s {} {id}: holds {row}, last acknowledged {r:?}", kind.path()));
            }
        }
        let listed: BTreeSet<i64> = live.iter().chain(&trash).filter_map(|r| r["id"].as_i64()).collect();
        for id in expected.keys().filter(|id| !listed.contains(id)) {
            found.push(format!("user {u} lost acknowledged {} {id}: {:?}", kind.path(), expected[id]));
        }
        let rb =
            c.request(Method::GET, &format!("/api/crm/{}", kind.path())).query(&[("total", "true"), ("limit", "1")]);
        let (_, page) = c.raw(rb).await.expect("a total");
        let live_expected = expected.values().filter(|r| !r.deleted).count();
        if page["total"] != live_expected {
            found.push(format!("user {u} has {} {}, {live_expected} acknowledged live", page["total"], kind.path()));
        }
    }
    found
}

async fn clients_of_several_users_soak_without_errors_losses_or_crossings(b: Backend) {
    let (url, dir) = fresh_database(b).await.expect("a database");
    let limits = LimitsConfig { user: Some(Rate::per_second(RATE_PER_SEC)), ..LimitsConfig::unlimited() };
    let s = TestServer::start_with(b, &url, move |c| c.limits = limits).await;
    let mut clients = Vec::new();
    for u in 0..USERS {
        clients.push(s.user(&format!("soak{u}")).await);
    }
    let mut ids = Vec::new();
    for c in &clients {
        ids.push(c.me().await.expect("me").id);
    }

    let duration = soak_duration();
    let started = Instant::now();
    let shared = Arc::new(Shared {
        tallies: (0..USERS).map(|_| Tally::default()).collect(),
        first_errors: Mutex::new(Vec::new()),
        made: Mutex::new(Vec::new()),
        deadline: started + duration,
    });
    let mut agents = tokio::task::JoinSet::new();
    for (u, client) in clients.iter().enumerate() {
        let pacer = (u != GREEDY).then(|| Arc::new(Pacer::new(POLITE_PER_SEC)));
        for k in 0..CLIENTS_PER_USER {
            let agent = Agent {
                user: u,
                client_no: k,
                mark: mark(u),
                // A client of its own: a connection pool of its own, as a separate program has.
                client: Client::new(&s.base).expect("a client").with_token(client.token().expect("a token")),
                pacer: pacer.clone(),
                shared: shared.clone(),
                rng: StdRng::seed_from_u64(rand::random()),
                n: 0,
                recs: Vec::new(),
            };
            agents.spawn(agent.run());
        }
    }
    let mut ledger: Vec<Vec<Rec>> = vec![Vec::new(); USERS];
    while let Some(done) = agents.join_next().await {
        let (u, recs) = done.expect("a client panicked");
        ledger[u].extend(recs);
    }
    let elapsed = started.elapsed().as_secs_f64();

    // The same database served again, without limits, read by fresh clients.
    s.stop().await;
    let s = TestServer::start_with(b, &url, |c| c.limits = LimitsConfig::unlimited()).await.keeping(dir);
    let mut problems = Vec::new();
    for (u, client) in clients.iter().enumerate() {
        let fresh = s.anon().with_token(client.token().expect("a token"));
        problems.extend(differences(&fresh, u, &ledger[u]).await);
    }
    let db = crm_server::store::open(&s.database_url, 2).await.expect("the database");
    for (u, id) in ids.iter().enumerate() {
        let user = *id;
        let (stored, expected) = db
            .read(async |c| {
                Ok::<_, crm_server::error::ApiError>((sums::stored(c, user).await?, sums::expected(c, user).await?))
            })
            .await
            .expect("the sums");
        if stored != expected {
            problems.push(format!("user {u}'s sums {stored:?} differ from their recomputation {expected:?}"));
        }
    }
    db.close().await;

    let t = &shared.tallies;
    let sum = |f: fn(&Tally) -> &AtomicU64| t.iter().map(|x| f(x).load(Ordering::Relaxed)).sum::<u64>();
    let (ops, limited, errors) = (sum(|x| &x.ops), sum(|x| &x.limited), sum(|x| &x.errors));
    let per_user: Vec<String> = (0..USERS)
        .map(|u| {
            let count =
                |k: Kind, deleted: bool| ledger[u].iter().filter(|r| r.kind == k && r.deleted == deleted).count();
            format!(
                "{}{}: {} ops, {} 429s, {}/{}/{} contacts/deals/activities (+{} deleted)",
                mark(u),
                if u == GREEDY { " (greedy)" } else { "" },
                t[u].ops.load(Ordering::Relaxed),
                t[u].limited.load(Ordering::Relaxed),
                count(Kind::Contact, false),
                count(Kind::Deal, false),
                count(Kind::Activity, false),
                ledger[u].iter().filter(|r| r.deleted).count(),
            )
        })
        .collect();
    println!(
        "soak on {b:?}: {ops} operations in {elapsed:.1} s ({:.0}/s) by {} clients, {limited} intended 429s, \
         {errors} errors, {} differences afterwards; {}",
        ops as f64 / elapsed,
        USERS * CLIENTS_PER_USER,
        problems.len(),
        per_user.join("; ")
    );
    s.stop().await;

    let first = shared.first_errors.lock().expect("errors").clone();
    problems.truncate(FIRST_ERRORS);
    assert!(
        errors == 0 && problems.is_empty(),
        "{errors} answers other than the expected ones (the first {}):\n{}\n\
         the server holds other than what was acknowledged (the first {}):\n{}",
        first.len(),
        first.join("\n"),
        problems.len(),
        problems.join("\n")
    );
    assert!(
        t[GREEDY].limited.load(Ordering::Relaxed) > 0,
        "the greedy user never went over {RATE_PER_SEC} requests a second"
    );
}
