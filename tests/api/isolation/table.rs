//! The isolation probes as data: every request a second user (B) sends with the first user's
//! (A's) ids, or in their own scope, each with what it must answer. The probe tests iterate
//! [`cases`]; `every_operation_is_probed_as_another_user_or_exempt` holds it (with [`EXEMPT`])
//! to the operations of the OpenAPI document, so an endpoint without a probe fails by name.

use std::collections::HashMap;

use crm_api::client::Client;
use reqwest::Method;
use serde_json::{Value, json};

use crate::probe::{self, Answer};

/// What a user owns that a probe can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Thing {
    Contact,
    Opportunity,
    Deal,
    Activity,
    Token,
    /// The default pipeline (the one their deals are in).
    Pipeline,
    /// The stage their deal is in.
    Stage,
    Import,
    Account,
    Run,
}

use Thing::*;

impl Thing {
    pub const ALL: [Thing; 10] = [Contact, Opportunity, Deal, Activity, Token, Pipeline, Stage, Import, Account, Run];
}

/// Whose: the owner's (A, probed) or the prober's own (B).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Of {
    Theirs(Thing),
    Mine(Thing),
}

use Of::{Mine, Theirs};

/// A's names that B may reuse for B's own things (an e-mail, a pipeline's name...).
#[derive(Debug, Clone)]
pub struct Names {
    pub email: String,
    pub pipeline: String,
    pub token: String,
    pub import: String,
}

/// The ids (and A's names) that fill the cases.
#[derive(Debug, Clone)]
pub struct Fill {
    pub ids: HashMap<Of, i64>,
    pub theirs: Option<Names>,
}

/// Ids no row has: a missing twin of A's id `n` is `MISSING + n`.
pub const MISSING: i64 = 4_000_000_000;

impl Fill {
    /// The same, with each of A's ids replaced by an id that exists for no one (B's stay).
    pub fn missing(&self) -> Fill {
        let ids =
            self.ids.iter().map(|(of, id)| (*of, if matches!(of, Theirs(_)) { MISSING + id } else { *id })).collect();
        Fill { ids, theirs: self.theirs.clone() }
    }

    /// A's names (panics for a fill without A).
    pub fn names(&self) -> &Names {
        self.theirs.as_ref().expect("this case names A's things: it needs A's world")
    }

    /// A fill of made-up ids, A's offset by `theirs`: for checking the table without a server.
    pub fn dummy(theirs: i64) -> Fill {
        let mut ids = HashMap::new();
        for (n, t) in Thing::ALL.into_iter().enumerate() {
            ids.insert(Mine(t), 100 + n as i64);
            ids.insert(Theirs(t), theirs + n as i64);
        }
        let names =
            Names { email: "x@example.com".into(), pipeline: "P".into(), token: "T".into(), import: "i.csv".into() };
        Fill { ids, theirs: Some(names) }
    }
}

impl std::ops::Index<Of> for Fill {
    type Output = i64;
    fn index(&self, of: Of) -> &i64 {
        self.ids.get(&of).unwrap_or_else(|| panic!("no id for {of:?} in this fill"))
    }
}

/// What B must be answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// A problem+json 404, exactly as for an id no one has.
    NotFound,
    /// A problem+json 404 naming this field first, exactly as for an id no one has.
    NotFoundNaming(&'static str),
    /// This status, with exactly the answer an id no one has gets (a list filtered on A's ids,
    /// a batch updating A's records by id: nothing of A's).
    LikeMissing(u16),
    /// B's own scope, naming nothing of A's: this status, and the same answer before and after
    /// A's world exists (lists, figures, the cache: nothing of A's counted or shown).
    Unaffected(u16),
    /// A write in B's own scope (sent once, last): this status, and nothing of A's changes.
    Mine(u16),
}

impl Expect {
    /// Sent with A's ids, and compared with the same request on ids no one has.
    pub fn names_theirs(self) -> bool {
        matches!(self, Expect::NotFound | Expect::NotFoundNaming(_) | Expect::LikeMissing(_))
    }
}

type Query = Box<dyn Fn(&Fill) -> String>;
type Body = Box<dyn Fn(&Fill) -> Value>;
type Check = Box<dyn Fn(&Answer, &Fill) -> Result<(), String>>;

/// One probe: an operation of the API (method, path template as in the OpenAPI document), what
/// fills the template's `{...}` (in order), its query, body and `If-Match`, and what it must
/// answer.
pub struct Case {
    pub method: Method,
    pub template: String,
    pub ids: Vec<Of>,
    query: Option<Query>,
    body: Option<Body>,
    if_match: Option<&'static str>,
    pub expect: Expect,
    check: Option<Check>,
}

fn case(method: Method, template: impl Into<String>, ids: &[Of], expect: Expect) -> Case {
    Case {
        method,
        template: template.into(),
        ids: ids.to_vec(),
        query: None,
        body: None,
        if_match: None,
        expect,
        check: None,
    }
}

impl Case {
    fn query(mut self, q: impl Fn(&Fill) -> String + 'static) -> Self {
        self.query = Some(Box::new(q));
        self
    }
    /// A query naming nothing.
    fn q(self, q: &'static str) -> Self {
        self.query(move |_| q.to_string())
    }
    fn body(mut self, b: impl Fn(&Fill) -> Value + 'static) -> Self {
        self.body = Some(Box::new(b));
        self
    }
    /// A body naming nothing.
    fn json(self, b: Value) -> Self {
        self.body(move |_| b.clone())
    }
    fn if_match(mut self, tag: &'static str) -> Self {
        self.if_match = Some(tag);
        self
    }
    /// A further check of the answer (beyond the status).
    fn check(mut self, c: impl Fn(&Answer, &Fill) -> Result<(), String> + 'static) -> Self {
        self.check = Some(Box::new(c));
        self
    }

    /// `METHOD template`: the operation probed.
    pub fn operation(&self) -> (String, String) {
        (self.method.to_string(), self.template.clone())
    }

    /// Whether the path names one of A's things.
    pub fn path_names_theirs(&self) -> bool {
        self.ids.iter().any(|of| matches!(of, Theirs(_)))
    }

    /// The request, the template filled with `fill`'s ids.
    pub fn render(&self, fill: &Fill) -> Probe {
        let mut path = String::new();
        let mut ids = self.ids.iter();
        let mut rest = self.template.as_str();
        while let Some(open) = rest.find('{') {
            let close = rest[open..].find('}').map(|c| open + c).expect("a closed placeholder");
            let of =
                ids.next().unwrap_or_else(|| panic!("{} {}: an id for each placeholder", self.method, self.template));
            path.push_str(&rest[..open]);
            path.push_str(&fill[*of].to_string());
            rest = &rest[close + 1..];
        }
        path.push_str(rest);
        assert!(ids.next().is_none(), "{} {}: more ids than placeholders", self.method, self.template);
        if let Some(q) = &self.query {
            path.push('?');
            path.push_str(&q(fill));
        }
        Probe { method: self.method.clone(), path, body: self.body.as_ref().map(|b| b(fill)), if_match: self.if_match }
    }

    /// The answer's status and the further check, or what is wrong.
    pub fn verdict(&self, ans: &Answer, fill: &Fill) -> Result<(), String> {
        let status = match self.expect {
            Expect::NotFound | Expect::NotFoundNaming(_) => 404,
            Expect::LikeMissing(s) | Expect::Unaffected(s) | Expect::Mine(s) => s,
        };
        if ans.status != status {
            return Err(format!("expected {status}"));
        }
        if status == 404 {
            ans.check_problem()?;
        }
        if let Expect::NotFoundNaming(field) = self.expect {
            let first = ans.fields().into_iter().next();
            if first.as_deref() != Some(field) {
                return Err(format!("expected a 404 naming {field}"));
            }
        }
        match &self.check {
            Some(c) => c(ans, fill),
            None => Ok(()),
        }
    }
}

/// One hand-made request.
pub struct Probe {
    pub method: Method,
    pub path: String,
    pub body: Option<Value>,
    pub if_match: Option<&'static str>,
}

impl std::fmt::Display for Probe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.method, self.path)?;
        if let Some(tag) = self.if_match {
            write!(f, " (If-Match: {tag})")?;
        }
        if let Some(b) = &self.body {
            write!(f, " {b}")?;
        }
        Ok(())
    }
}

impl Probe {
    pub fn new(method: Method, path: String) -> Self {
        Probe { method, path, body: None, if_match: None }
    }
    pub fn body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }
    pub fn if_match(mut self, tag: &'static str) -> Self {
        self.if_match = Some(tag);
        self
    }

    pub async fn send(&self, c: &Client) -> Answer {
        let mut rb = c.request(self.method.clone(), &self.path);
        if let Some(b) = &self.body {
            rb = rb.json(b);
        }
        if let Some(tag) = self.if_match {
            rb = rb.header(reqwest::header::IF_MATCH, tag);
        }
        probe::send(rb).await
    }
}

/// The operations no probe can aim at another user: each public, with no caller whose data
/// could be another's.
pub const EXEMPT: &[(&str, &str, &str)] = &[
    // Liveness: "ok", the same for everyone.
    ("GET", "/healthz", "public: says the process is up, nothing of any user"),
    // Readiness: "ready" when the database answers.
    ("GET", "/readyz", "public: says the database answers, nothing of any user"),
    // Prometheus's counters of the whole process: labelled by route template (never a concrete
    // path), status, limit and sync outcome; no label names a user or a record.
    ("GET", "/metrics", "public: counters of the whole process, no label naming a user or record"),
    // The API's description, built from the endpoint table.
    ("GET", "/api/openapi.json", "public: the API's description, the same for everyone"),
    // No caller: makes a new user, who owns nothing yet (a taken e-mail is a documented 409).
    ("POST", "/api/auth/register", "public: no caller, makes a user who owns nothing yet"),
    // No caller: a session for whoever's password is given (auth.rs tests wrong ones).
    ("POST", "/api/auth/login", "public: no caller, opens a session of the credentials given"),
    // No caller: the secret path is the credential and names the account it feeds; a forged
    // path is a 404 (integrations.rs, a_new_lead_webhook_syncs_once_and_a_forged_one_is_refused).
    ("POST", "/api/crm/integrations/webhooks/brivity/{token}", "public: no caller, the secret path names the account"),
];

/// An entity as the probes see it.
struct Entity {
    path: &'static str,
    thing: Thing,
    /// Its name in the audit trail.
    audit: &'static str,
    /// An update B tries on A's record.
    update: fn() -> Value,
}

const ENTITIES: [Entity; 4] = [
    Entity {
        path: "contacts",
        thing: Contact,
        audit: "contact",
        update: || json!({"name": "Hijacked", "status": "Customer"}),
    },
    Entity {
        path: "opportunities",
        thing: Opportunity,
        audit: "opportunity",
        update: || json!({"name": "Hijacked", "value": "1.00"}),
    },
    Entity { path: "deals", thing: Deal, audit: "deal", update: || json!({"name": "Hijacked", "stage": "Closed-Won"}) },
    Entity {
        path: "activities",
        thing: Activity,
        audit: "activity",
        update: || json!({"description": "Hijacked", "completed": true}),
    },
];

/// Every probe.
pub fn cases() -> Vec<Case> {
    let mut all = auth_cases();
    for e in &ENTITIES {
        all.extend(entity_cases(e));
    }
    all.extend(activity_cases());
    all.extend(history_cases());
    all.extend(pipeline_cases());
    all.extend(analytics_cases());
    all.extend(layout_cases());
    all.extend(import_cases());
    all.extend(integration_cases());
    all.extend(link_cases());
    all
}

fn auth_cases() -> Vec<Case> {
    vec![
        case(Method::GET, "/api/auth/me", &[], Expect::Unaffected(200)),
        case(Method::GET, "/api/auth/tokens", &[], Expect::Unaffected(200)),
        case(Method::DELETE, "/api/auth/tokens/{id}", &[Theirs(Token)], Expect::NotFound),
        // A's token's name is B's to use too.
        case(Method::POST, "/api/auth/tokens", &[], Expect::Mine(201)).body(|f| json!({"name": f.names().token})),
    ]
}

/// `id[in]:(<A's record>)`.
fn filter_on(thing: Thing) -> impl Fn(&Fill) -> String {
    move |f| format!("filter=id%5Bin%5D%3A%28{}%29", f[Theirs(thing)])
}

/// The first result of a batch's answer failed, naming `field` first.
fn batch_item_failed_on(field: &'static str) -> impl Fn(&Answer, &Fill) -> Result<(), String> {
    move |ans, _| {
        let item = &ans.body["results"][0];
        let named = item["errors"][0]["field"].as_str();
        if ans.body["failed"] == 1 && item["outcome"] == "failed" && named == Some(field) {
            Ok(())
        } else {
            Err(format!("expected the one record to fail naming {field}"))
        }
    }
}

fn entity_cases(e: &Entity) -> Vec<Case> {
    let base = &format!("/api/crm/{}", e.path);
    let one = &format!("{base}/{{id}}");
    let batch = &format!("{base}/batch");
    let export = &format!("{base}/export");
    let restore = &format!("{one}/restore");
    let it = [Theirs(e.thing)];
    let update = e.update;
    let thing = e.thing;
    let mut all = vec![
        // Every request on one record: read, both updates (with and without a matching or
        // stale `If-Match`), delete and restore.
        case(Method::GET, one, &it, Expect::NotFound),
        case(Method::PUT, one, &it, Expect::NotFound).json(update()),
        case(Method::PATCH, one, &it, Expect::NotFound).json(update()),
        // The owner's current version: a server checking versions before owners would say 200.
        case(Method::PATCH, one, &it, Expect::NotFound).json(update()).if_match("\"1\""),
        case(Method::PUT, one, &it, Expect::NotFound).json(update()).if_match("\"1\""),
        // A stale version: a server checking versions before owners would say 412, a leak.
        case(Method::PATCH, one, &it, Expect::NotFound).json(update()).if_match("\"99\""),
        case(Method::DELETE, one, &it, Expect::NotFound),
        case(Method::DELETE, one, &it, Expect::NotFound).if_match("\"1\""),
        case(Method::DELETE, one, &it, Expect::NotFound).if_match("\"99\""),
        case(Method::POST, restore, &it, Expect::NotFound),
        // B's lists and exports, live and trashed, searched: nothing of A's.
        case(Method::GET, base, &[], Expect::Unaffected(200)),
        case(Method::GET, base, &[], Expect::Unaffected(200)).q("deleted=true&total=true"),
        case(Method::GET, base, &[], Expect::Unaffected(200)).q("q=zanzibar&total=true"),
        case(Method::GET, base, &[], Expect::LikeMissing(200)).query(filter_on(thing)),
        case(Method::GET, base, &[], Expect::LikeMissing(200))
            .query(move |f| format!("{}&deleted=true", filter_on(thing)(f))),
        case(Method::GET, export, &[], Expect::Unaffected(200)).q("format=ndjson"),
        case(Method::GET, export, &[], Expect::Unaffected(200)).q("format=csv&deleted=true"),
        case(Method::GET, export, &[], Expect::LikeMissing(200))
            .query(move |f| format!("format=ndjson&{}", filter_on(thing)(f))),
        // Joining A's import: as its first batch, already applied (a server looking the batch
        // up before the owner would answer A's answer to it), and as its second.
        case(Method::POST, batch, &[], Expect::NotFoundNaming("import_id"))
            .body(move |f| json!({"records": [update()], "match": "none", "import_id": f[Theirs(Import)], "seq": 0})),
        case(Method::POST, batch, &[], Expect::NotFoundNaming("import_id"))
            .body(move |f| json!({"records": [update()], "match": "none", "import_id": f[Theirs(Import)], "seq": 1})),
        // Updating A's record by id: that record fails, as one no one has.
        case(Method::POST, batch, &[], Expect::LikeMissing(200))
            .body(move |f| {
                let mut r = update();
                r["id"] = json!(f[Theirs(thing)]);
                json!({"records": [r], "match": "id"})
            })
            .check(batch_item_failed_on("id")),
    ];
    if thing == Contact {
        // A's e-mail is B's to use: B's upsert and B's create on it make B's own contacts.
        all.push(
            case(Method::POST, batch, &[], Expect::Mine(200))
                .body(|f| json!({"records": [{"name": "Mine too", "email": f.names().email}], "match": "email"}))
                .check(|ans, f| {
                    let (created, id) = (&ans.body["created"], ans.body["results"][0]["id"].as_i64());
                    if created == 1 && id != Some(f[Theirs(Contact)]) {
                        Ok(())
                    } else {
                        Err("B's upsert on A's e-mail must create B's own contact".into())
                    }
                }),
        );
        all.push(
            case(Method::POST, base, &[], Expect::Mine(201))
                .body(|f| json!({"name": "Mine", "email": f.names().email})),
        );
    }
    // The audit trail of A's record: empty, as for a record no one has.
    let audit = e.audit;
    all.push(
        case(Method::GET, "/api/crm/audit", &[], Expect::LikeMissing(200))
            .query(move |f| format!("entity={audit}&entity_id={}", f[Theirs(thing)]))
            .check(|ans, _| if ans.body["data"] == json!([]) { Ok(()) } else { Err("expected no entries".into()) }),
    );
    all
}

fn activity_cases() -> Vec<Case> {
    let until = || json!({"until": chrono::Utc::now().date_naive() + chrono::TimeDelta::days(30)});
    let snooze = "/api/crm/activities/{id}/snooze";
    let it = [Theirs(Activity)];
    vec![
        case(Method::POST, "/api/crm/activities/{id}/complete", &it, Expect::NotFound),
        case(Method::POST, snooze, &it, Expect::NotFound).body(move |_| until()),
        case(Method::POST, snooze, &it, Expect::NotFound).body(move |_| until()).q("tz=Europe/Berlin"),
        // The owner's current version, and a stale one: checked after the owner, never before.
        case(Method::POST, snooze, &it, Expect::NotFound).body(move |_| until()).if_match("\"1\""),
        case(Method::POST, snooze, &it, Expect::NotFound).body(move |_| until()).if_match("\"99\""),
        // The queue in the default zone and in zones either side of UTC, and the recent ones.
        case(Method::GET, "/api/crm/activities/queue", &[], Expect::Unaffected(200)),
        case(Method::GET, "/api/crm/activities/queue", &[], Expect::Unaffected(200)).q("tz=Pacific/Kiritimati"),
        case(Method::GET, "/api/crm/activities/queue", &[], Expect::Unaffected(200))
            .q("tz=Pacific/Pago_Pago&limit=500"),
        case(Method::GET, "/api/crm/activities/recent", &[], Expect::Unaffected(200)),
    ]
}

fn history_cases() -> Vec<Case> {
    vec![
        case(Method::GET, "/api/crm/deals/{id}/history", &[Theirs(Deal)], Expect::NotFound),
        case(Method::GET, "/api/crm/contacts/{id}/timeline", &[Theirs(Contact)], Expect::NotFound),
        case(Method::GET, "/api/crm/contacts/{id}/timeline", &[Theirs(Contact)], Expect::NotFound).q("limit=5"),
        case(Method::GET, "/api/crm/audit", &[], Expect::Unaffected(200)).q("limit=1000"),
        case(Method::GET, "/api/crm/audit", &[], Expect::LikeMissing(200))
            .query(|f| format!("entity=api_token&entity_id={}", f[Theirs(Token)]))
            .check(|ans, _| if ans.body["data"] == json!([]) { Ok(()) } else { Err("expected no entries".into()) }),
    ]
}

fn pipeline_cases() -> Vec<Case> {
    let one = "/api/crm/pipelines/{id}";
    let stages = "/api/crm/pipelines/{id}/stages";
    let stage = "/api/crm/pipelines/{id}/stages/{stage_id}";
    let p = [Theirs(Pipeline)];
    let ps = [Theirs(Pipeline), Theirs(Stage)];
    vec![
        case(Method::GET, one, &p, Expect::NotFound),
        case(Method::PATCH, one, &p, Expect::NotFound).json(json!({"name": "Hijacked"})),
        case(Method::PATCH, one, &p, Expect::NotFound).json(json!({"is_default": true})).if_match("\"1\""),
        // A's default pipeline, with deals in it: a 409 saying so would be a leak.
        case(Method::DELETE, one, &p, Expect::NotFound),
        case(Method::DELETE, one, &p, Expect::NotFound).if_match("\"1\""),
        case(Method::GET, stages, &p, Expect::NotFound),
        case(Method::POST, stages, &p, Expect::NotFound).json(json!({"name": "Hijacked"})),
        case(Method::PATCH, stage, &ps, Expect::NotFound).json(json!({"name": "Hijacked", "probability": 1})),
        case(Method::DELETE, stage, &ps, Expect::NotFound),
        case(Method::DELETE, stage, &ps, Expect::NotFound).q("move_to=Prospect"),
        // A's stage under B's pipeline, B's stage under A's pipeline.
        case(Method::PATCH, stage, &[Mine(Pipeline), Theirs(Stage)], Expect::NotFound)
            .json(json!({"name": "Hijacked"})),
        case(Method::DELETE, stage, &[Mine(Pipeline), Theirs(Stage)], Expect::NotFound).q("move_to=Prospect"),
        case(Method::PATCH, stage, &[Theirs(Pipeline), Mine(Stage)], Expect::NotFound)
            .json(json!({"name": "Hijacked"})),
        case(Method::DELETE, stage, &[Theirs(Pipeline), Mine(Stage)], Expect::NotFound).q("move_to=Prospect"),
        // The moves of A's records, by stage name.
        case(Method::POST, "/api/crm/deals/{id}/move", &[Theirs(Deal)], Expect::NotFound)
            .json(json!({"stage": "Closed-Won"})),
        case(Method::POST, "/api/crm/opportunities/{id}/move", &[Theirs(Opportunity)], Expect::NotFound)
            .json(json!({"stage": "Closed-Won"})),
        case(Method::GET, "/api/crm/pipelines", &[], Expect::Unaffected(200)),
        // The name of A's pipeline is B's to use too.
        case(Method::POST, "/api/crm/pipelines", &[], Expect::Mine(201)).body(|f| json!({"name": f.names().pipeline})),
    ]
}

fn analytics_cases() -> Vec<Case> {
    let this_year = |_: &Fill| {
        let year = chrono::Datelike::year(&chrono::Utc::now().date_naive());
        format!("from={year}-01-01&to={year}-12-31")
    };
    vec![
        case(Method::GET, "/api/crm/pipeline", &[], Expect::Unaffected(200)),
        case(Method::GET, "/api/crm/pipeline", &[], Expect::Unaffected(200)).q("view=summary"),
        case(Method::GET, "/api/crm/pipeline", &[], Expect::Unaffected(200)).q("stage=negotiation&per_stage=500"),
        case(Method::GET, "/api/crm/pipeline", &[], Expect::Unaffected(200))
            .query(|f| format!("view=summary&pipeline_id={}", f[Mine(Pipeline)])),
        case(Method::GET, "/api/crm/pipeline", &[], Expect::NotFoundNaming("pipeline_id"))
            .query(|f| format!("pipeline_id={}", f[Theirs(Pipeline)])),
        case(Method::GET, "/api/crm/pipeline", &[], Expect::NotFoundNaming("pipeline_id"))
            .query(|f| format!("view=summary&pipeline_id={}", f[Theirs(Pipeline)])),
        case(Method::GET, "/api/crm/forecast", &[], Expect::Unaffected(200)),
        case(Method::GET, "/api/crm/forecast", &[], Expect::Unaffected(200)).q("months=12"),
        case(Method::GET, "/api/crm/dashboard", &[], Expect::Unaffected(200)),
        case(Method::GET, "/api/crm/dashboard", &[], Expect::Unaffected(200)).query(this_year),
        case(Method::GET, "/api/crm/dashboard", &[], Expect::NotFoundNaming("pipeline_id"))
            .query(|f| format!("pipeline_id={}", f[Theirs(Pipeline)])),
    ]
}

fn layout_cases() -> Vec<Case> {
    const PATH: &str = "/api/crm/dashboard/layout";
    let body = json!({"period": "last_month", "widgets": ["win_rate"]});
    vec![
        // B's own layout, the default, whatever A saved.
        case(Method::GET, PATH, &[], Expect::Unaffected(200)),
        // A's version is not B's: B's is 0.
        case(Method::PUT, PATH, &[], Expect::Unaffected(412)).json(body.clone()).if_match("\"1\""),
        case(Method::PUT, PATH, &[], Expect::Unaffected(412)).json(body.clone()).if_match("\"99\""),
        case(Method::PUT, PATH, &[], Expect::Mine(200)).json(body),
    ]
}

fn import_cases() -> Vec<Case> {
    vec![
        case(Method::GET, "/api/crm/imports", &[], Expect::Unaffected(200)),
        case(Method::GET, "/api/crm/imports/{id}", &[Theirs(Import)], Expect::NotFound),
        case(Method::POST, "/api/crm/imports/{id}/undo", &[Theirs(Import)], Expect::NotFound),
        // The name of A's import is B's to use too.
        case(Method::POST, "/api/crm/imports", &[], Expect::Mine(201))
            .body(|f| json!({"entity": "contacts", "name": f.names().import})),
    ]
}

fn integration_cases() -> Vec<Case> {
    const I: &str = "/api/crm/integrations";
    let at = |rest: &str| format!("{I}{rest}");
    vec![
        case(Method::GET, at("/accounts"), &[], Expect::Unaffected(200)),
        case(Method::DELETE, at("/accounts/{id}"), &[Theirs(Account)], Expect::NotFound),
        case(Method::GET, at("/runs/{id}"), &[Theirs(Run)], Expect::NotFound),
        case(Method::GET, at("/sync-status"), &[], Expect::Unaffected(200)),
        // B syncs the same Brivity people as A: B's cache, views and search are B's alone.
        case(Method::GET, at("/cached-data"), &[], Expect::Unaffected(200)).q("limit=1000"),
        case(Method::GET, at("/cached-data"), &[], Expect::Unaffected(200)).q("source=brivity&type=deals&limit=1000"),
        case(Method::GET, at("/search"), &[], Expect::Unaffected(200)).q("q=e&limit=1000"),
        case(Method::GET, at("/contacts"), &[], Expect::Unaffected(200)).q("limit=500&total=true"),
        case(Method::GET, at("/contacts"), &[], Expect::LikeMissing(200)).query(filter_on(Contact)),
        case(Method::GET, at("/deals"), &[], Expect::Unaffected(200)).q("limit=500&total=true"),
        case(Method::GET, at("/deals"), &[], Expect::LikeMissing(200)).query(filter_on(Deal)),
        // A has connected Top Producer, B has not.
        case(Method::POST, at("/sync/topproducer"), &[], Expect::Unaffected(404)).q("wait=true"),
        // B's own account, cache and syncs.
        case(Method::POST, at("/accounts"), &[], Expect::Mine(201))
            .json(json!({"source": "brivity", "api_key": crm_sim::SimConfig::default().brivity_key})),
        case(Method::POST, at("/cache/clear"), &[], Expect::Mine(200)).q("source=brivity"),
        case(Method::POST, at("/sync-all"), &[], Expect::Mine(200)).q("wait=true"),
        case(Method::POST, at("/sync/brivity"), &[], Expect::Mine(200)).q("wait=true"),
    ]
}

/// Creates, updates and moves of B's own records that point a link at one of A's records: a
/// 404 naming the link field (a batch: the record fails naming it).
fn link_cases() -> Vec<Case> {
    let link = |method: Method, template: &'static str, ids: &[Of], field: &'static str, body: fn(&Fill) -> Value| {
        case(method, template, ids, Expect::NotFoundNaming(field)).body(body)
    };
    let (opps, deals, acts) = ("/api/crm/opportunities", "/api/crm/deals", "/api/crm/activities");
    let mut all = vec![
        link(Method::POST, opps, &[], "contact_id", |f| json!({"name": "Mine", "contact_id": f[Theirs(Contact)]})),
        link(Method::POST, deals, &[], "contact_id", |f| json!({"name": "Mine", "contact_id": f[Theirs(Contact)]})),
        link(
            Method::POST,
            deals,
            &[],
            "opportunity_id",
            |f| json!({"name": "Mine", "opportunity_id": f[Theirs(Opportunity)]}),
        ),
        link(Method::POST, acts, &[], "contact_id", |f| json!({"type": "Call", "contact_id": f[Theirs(Contact)]})),
        link(
            Method::POST,
            acts,
            &[],
            "opportunity_id",
            |f| json!({"type": "Call", "opportunity_id": f[Theirs(Opportunity)]}),
        ),
        link(Method::POST, acts, &[], "deal_id", |f| json!({"type": "Call", "deal_id": f[Theirs(Deal)]})),
        // A's pipelines and stages are not B's to place records in.
        link(Method::POST, deals, &[], "pipeline_id", |f| json!({"name": "Mine", "pipeline_id": f[Theirs(Pipeline)]})),
        link(Method::POST, deals, &[], "stage_id", |f| json!({"name": "Mine", "stage_id": f[Theirs(Stage)]})),
        link(Method::POST, opps, &[], "stage_id", |f| json!({"name": "Mine", "stage_id": f[Theirs(Stage)]})),
        link(
            Method::POST,
            "/api/crm/deals/{id}/move",
            &[Mine(Deal)],
            "stage_id",
            |f| json!({"stage_id": f[Theirs(Stage)]}),
        ),
        link(
            Method::POST,
            "/api/crm/opportunities/{id}/move",
            &[Mine(Opportunity)],
            "stage_id",
            |f| json!({"stage_id": f[Theirs(Stage)]}),
        ),
        // B's stage deleted, its records moving to A's stage: move_to names no stage of B's.
        case(
            Method::DELETE,
            "/api/crm/pipelines/{id}/stages/{stage_id}",
            &[Mine(Pipeline), Mine(Stage)],
            Expect::NotFoundNaming("move_to"),
        )
        .query(|f| format!("move_to={}", f[Theirs(Stage)])),
    ];
    for method in [Method::PATCH, Method::PUT] {
        let (opp, deal, act) = ("/api/crm/opportunities/{id}", "/api/crm/deals/{id}", "/api/crm/activities/{id}");
        let (o, d, a) = ([Mine(Opportunity)], [Mine(Deal)], [Mine(Activity)]);
        all.push(link(method.clone(), opp, &o, "contact_id", |f| json!({"contact_id": f[Theirs(Contact)]})));
        all.push(link(method.clone(), deal, &d, "contact_id", |f| json!({"contact_id": f[Theirs(Contact)]})));
        all.push(link(
            method.clone(),
            deal,
            &d,
            "opportunity_id",
            |f| json!({"opportunity_id": f[Theirs(Opportunity)]}),
        ));
        all.push(link(method.clone(), act, &a, "contact_id", |f| json!({"contact_id": f[Theirs(Contact)]})));
        all.push(link(method.clone(), act, &a, "deal_id", |f| json!({"deal_id": f[Theirs(Deal)]})));
        all.push(link(method.clone(), deal, &d, "stage_id", |f| json!({"stage_id": f[Theirs(Stage)]})));
        all.push(link(method, act, &a, "opportunity_id", |f| json!({"opportunity_id": f[Theirs(Opportunity)]})));
    }
    // The same links in a batch: the record fails naming the field, as for a record no one has.
    for (template, field, body) in [
        (
            "/api/crm/opportunities/batch",
            "contact_id",
            (|f| json!({"name": "Mine", "contact_id": f[Theirs(Contact)]})) as fn(&Fill) -> Value,
        ),
        (
            "/api/crm/deals/batch",
            "opportunity_id",
            |f| json!({"name": "Mine", "opportunity_id": f[Theirs(Opportunity)]}),
        ),
        ("/api/crm/deals/batch", "stage_id", |f| json!({"name": "Mine", "stage_id": f[Theirs(Stage)]})),
        ("/api/crm/activities/batch", "deal_id", |f| json!({"type": "Call", "deal_id": f[Theirs(Deal)]})),
    ] {
        all.push(
            case(Method::POST, template, &[], Expect::LikeMissing(200))
                .body(move |f| json!({"records": [body(f)], "match": "none"}))
                .check(batch_item_failed_on(field)),
        );
    }
    all
}
