//! Bad input is a 4xx problem+json naming what is wrong, never a 5xx, and writes nothing:
//! malformed or mistyped bodies, unknown and missing fields, out-of-range values, oversized
//! bodies, wrong media types, bad list parameters and filters, SQL-looking text, bad ids and
//! garbage `If-Match` headers.

use crm_api::client::Client;
use crm_api::contacts::NewContact;
use crm_api::resource::{Activities, Contacts, Deals, Opportunities};
use crm_api::{ListParams, filter};
use crm_tests::{Backend, TestServer, backend_tests};
use reqwest::{Method, RequestBuilder};
use serde_json::{Value, json};

use crate::probe::{self, Answer};

backend_tests!(
    malformed_json_is_400,
    json_that_is_not_an_object_is_rejected,
    wrong_types_are_422_naming_the_field,
    unknown_fields_are_422_naming_them,
    missing_blank_or_null_required_fields_are_422_naming_them,
    out_of_range_values_are_422_naming_the_field,
    a_body_over_the_limit_is_413,
    a_body_that_is_not_json_is_415,
    bad_list_parameters_are_400_naming_them,
    bad_filters_are_400_naming_the_filter,
    sql_in_sort_is_400,
    sql_looking_values_in_filters_and_search_are_plain_values,
    bad_ids_are_400_or_404,
    garbage_if_match_is_412_and_changes_nothing,
    sql_looking_text_round_trips_verbatim,
    non_ascii_text_round_trips_and_search_ignores_its_case,
    nul_characters_are_refused_or_match_nothing,
    whole_numbers_with_a_zero_fraction_are_integers_in_queries,
);

/// A user with one record of each entity, and the checks every bad request must pass.
struct Checker {
    _s: TestServer,
    u: Client,
    contact: i64,
    opportunity: i64,
    deal: i64,
    activity: i64,
    /// What the user's data looked like after the previous request.
    last: Value,
    wrong: Vec<String>,
}

impl Checker {
    async fn new(b: Backend) -> Checker {
        let s = TestServer::start(b).await;
        let u = s.user("bad").await;
        let post = |entity: &'static str, body: Value| {
            let u = u.clone();
            async move {
                let ans = probe::call(&u, Method::POST, &format!("/api/crm/{entity}"), Some(&body)).await;
                assert_eq!(ans.status, 201, "seeding {entity}: {ans}");
                ans.body["id"].as_i64().expect("id")
            }
        };
        let contact = post("contacts", json!({"name": "Existing", "email": "existing@example.com"})).await;
        let opportunity = post("opportunities", json!({"name": "Existing opp", "contact_id": contact})).await;
        let deal = post("deals", json!({"name": "Existing deal", "contact_id": contact})).await;
        let activity = post("activities", json!({"type": "Call", "contact_id": contact})).await;
        let mut c = Checker { _s: s, u, contact, opportunity, deal, activity, last: Value::Null, wrong: Vec::new() };
        c.last = c.snapshot().await;
        c
    }

    /// Everything a bad request could have written: the number of records of each entity
    /// (live and trashed), the audit trail's length, and each seeded record.
    async fn snapshot(&self) -> Value {
        let total = ListParams { total: Some(true), limit: Some(1), ..Default::default() };
        let trash = ListParams { deleted: Some(true), ..total.clone() };
        let audit = self
            .u
            .audit(&crm_api::params::AuditParams { limit: Some(1000), ..Default::default() })
            .await
            .expect("audit");
        json!({
            "contacts": self.u.list::<Contacts>(&total).await.expect("contacts").total,
            "contacts_trash": self.u.list::<Contacts>(&trash).await.expect("contacts").total,
            "opportunities": self.u.list::<Opportunities>(&total).await.expect("opportunities").total,
            "deals": self.u.list::<Deals>(&total).await.expect("deals").total,
            "activities": self.u.list::<Activities>(&total).await.expect("activities").total,
            "audit_entries": audit.data.len(),
            "contact": self.u.get::<Contacts>(self.contact).await.expect("contact").record,
            "opportunity": self.u.get::<Opportunities>(self.opportunity).await.expect("opportunity").record,
            "deal": self.u.get::<Deals>(self.deal).await.expect("deal").record,
            "activity": self.u.get::<Activities>(self.activity).await.expect("activity").record,
        })
    }

    /// Sends a bad request; it must be answered with one of `statuses` as problem+json (whose
    /// `errors` name `field`, when given), and write nothing.
    async fn reject(&mut self, what: impl Into<String>, rb: RequestBuilder, statuses: &[u16], field: Option<&str>) {
        let what = what.into();
        let ans = probe::send(rb).await;
        self.judge(&what, &ans, statuses, field);
        self.unchanged(&what).await;
    }

    fn judge(&mut self, what: &str, ans: &Answer, statuses: &[u16], field: Option<&str>) {
        if !statuses.contains(&ans.status) {
            self.wrong.push(format!("{what}\n    expected HTTP {statuses:?}, got {ans}"));
        } else if let Err(why) = ans.check_problem() {
            self.wrong.push(format!("{what}\n    {why}: {ans}"));
        } else if let Some(f) = field
            && !ans.fields().iter().any(|x| x == f)
        {
            self.wrong.push(format!("{what}\n    errors[].field does not name {f:?}: {ans}"));
        }
    }

    async fn unchanged(&mut self, what: &str) {
        let now = self.snapshot().await;
        if now != self.last {
            let keys = now.as_object().map(|m| m.keys().cloned().collect::<Vec<_>>()).unwrap_or_default();
            let changed: Vec<String> = keys
                .iter()
                .filter(|k| now[k.as_str()] != self.last[k.as_str()])
                .map(|k| {
                    format!(
                        "{k}: {} -> {}",
                        truncate(&self.last[k.as_str()].to_string()),
                        truncate(&now[k.as_str()].to_string())
                    )
                })
                .collect();
            self.wrong.push(format!("{what}\n    wrote something: {}", changed.join("; ")));
            self.last = now;
        }
    }

    /// A JSON body sent as is.
    fn body(&self, method: Method, path: &str, body: impl Into<reqwest::Body>) -> RequestBuilder {
        self.u.request(method, path).header(reqwest::header::CONTENT_TYPE, "application/json").body(body)
    }

    fn contact_path(&self) -> String {
        format!("/api/crm/contacts/{}", self.contact)
    }

    fn finish(self, what: &str) {
        assert!(self.wrong.is_empty(), "{what}: {} bad answers:\n{}", self.wrong.len(), self.wrong.join("\n"));
    }

    /// `method path body` must be one of `statuses` naming `field`.
    async fn json(&mut self, method: Method, path: &str, body: Value, statuses: &[u16], field: Option<&str>) {
        let what = format!("{method} {path} {}", truncate(&body.to_string()));
        let rb = self.u.request(method, path).json(&body);
        self.reject(what, rb, statuses, field).await;
    }
}

fn truncate(s: &str) -> String {
    if s.chars().count() > 200 { format!("{}...", s.chars().take(200).collect::<String>()) } else { s.to_string() }
}

/// `template` with `TEXT` and `NUM` replaced by the names of a text and a number field.
fn fill(template: &[u8], text: &str, num: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < template.len() {
        if template[i..].starts_with(b"TEXT") {
            out.extend_from_slice(text.as_bytes());
            i += 4;
        } else if template[i..].starts_with(b"NUM") {
            out.extend_from_slice(num.as_bytes());
            i += 3;
        } else {
            out.push(template[i]);
            i += 1;
        }
    }
    out
}

async fn malformed_json_is_400(b: Backend) {
    let mut c = Checker::new(b).await;
    // Each would be a valid body of its endpoint but for its syntax.
    let templates: Vec<&[u8]> = vec![
        b"{\"TEXT\":",
        b"{TEXT: \"x\"}",
        b"{'TEXT': 'x'}",
        b"{\"TEXT\": \"x\",}",
        b"{\"TEXT\": \"x\"} trailing",
        b"{\"TEXT\": \"x\"}{\"TEXT\": \"y\"}",
        b"{\"TEXT\": \"x\"}]",
        b"",
        b"   ",
        b"{\"TEXT\": \"\\ud800\"}",
        b"{\"TEXT\": \"\xff\xfe\"}",
        b"{\"TEXT\": \"x\", \"NUM\": 01}",
        b"{\"TEXT\": \"x\", \"NUM\": NaN}",
    ];
    let contact = c.contact_path();
    let activity = format!("/api/crm/activities/{}", c.activity);
    for template in templates {
        for (method, path, text, num) in [
            (Method::POST, "/api/crm/contacts", "name", "rating"),
            (Method::PATCH, contact.as_str(), "name", "rating"),
            (Method::PUT, contact.as_str(), "name", "rating"),
            (Method::POST, "/api/crm/deals", "name", "probability"),
            (Method::PATCH, activity.as_str(), "description", "contact_id"),
        ] {
            let raw = fill(template, text, num);
            let shown = String::from_utf8_lossy(&raw).into_owned();
            let rb = c.body(method.clone(), path, raw);
            c.reject(format!("{method} {path} {shown:?}"), rb, &[400], None).await;
        }
    }
    c.finish("malformed JSON");
}

async fn json_that_is_not_an_object_is_rejected(b: Backend) {
    let mut c = Checker::new(b).await;
    let contact = c.contact_path();
    let bodies = [json!([]), json!(["Bob"]), json!([{"name": "x"}]), json!("x"), json!(42), json!(null), json!(true)];
    for body in bodies {
        for (method, path) in [
            (Method::POST, "/api/crm/contacts"),
            (Method::PATCH, contact.as_str()),
            (Method::POST, "/api/crm/opportunities"),
            (Method::POST, "/api/crm/activities"),
        ] {
            c.json(method, path, body.clone(), &[400, 422], None).await;
        }
    }
    c.finish("JSON that is not an object");
}

async fn wrong_types_are_422_naming_the_field(b: Backend) {
    let mut c = Checker::new(b).await;
    let contact = c.contact_path();
    let opp = format!("/api/crm/opportunities/{}", c.opportunity);
    let cases: Vec<(Method, &str, Value, &str)> = vec![
        (Method::POST, "/api/crm/contacts", json!({"name": "x", "rating": "five"}), "rating"),
        (Method::POST, "/api/crm/contacts", json!({"name": "x", "rating": 4.5}), "rating"),
        (Method::POST, "/api/crm/contacts", json!({"name": 42}), "name"),
        (Method::POST, "/api/crm/contacts", json!({"name": ["x"]}), "name"),
        (Method::POST, "/api/crm/contacts", json!({"name": {"first": "x"}}), "name"),
        (Method::POST, "/api/crm/contacts", json!({"name": "x", "email": true}), "email"),
        (Method::POST, "/api/crm/contacts", json!({"name": "x", "status": 3}), "status"),
        (Method::PATCH, &contact, json!({"rating": "five"}), "rating"),
        (Method::PUT, &contact, json!({"rating": "five"}), "rating"),
        (Method::PATCH, &contact, json!({"status": false}), "status"),
        (Method::POST, "/api/crm/opportunities", json!({"name": "x", "probability": "high"}), "probability"),
        (Method::POST, "/api/crm/opportunities", json!({"name": "x", "value": true}), "value"),
        (Method::POST, "/api/crm/opportunities", json!({"name": "x", "contact_id": "abc"}), "contact_id"),
        (
            Method::POST,
            "/api/crm/opportunities",
            json!({"name": "x", "expected_close_date": 20260101}),
            "expected_close_date",
        ),
        (Method::PATCH, &opp, json!({"value": {"amount": 1}}), "value"),
        (Method::POST, "/api/crm/deals", json!({"name": "x", "amount": [1]}), "amount"),
        (Method::POST, "/api/crm/deals", json!({"name": "x", "stage": 1}), "stage"),
        (Method::POST, "/api/crm/activities", json!({"type": "Call", "completed": "yes"}), "completed"),
        (Method::POST, "/api/crm/activities", json!({"type": "Call", "due_date": true}), "due_date"),
        (Method::POST, "/api/crm/activities", json!({"type": ["Call"]}), "type"),
    ];
    for (method, path, body, field) in cases {
        c.json(method, path, body, &[422], Some(field)).await;
    }
    c.finish("wrong types");
}

async fn unknown_fields_are_422_naming_them(b: Backend) {
    let mut c = Checker::new(b).await;
    let contact = c.contact_path();
    let deal = format!("/api/crm/deals/{}", c.deal);
    let cases: Vec<(Method, &str, Value, &str)> = vec![
        (Method::POST, "/api/crm/contacts", json!({"name": "x", "nmae": "y"}), "nmae"),
        (Method::PATCH, &contact, json!({"nmae": "y"}), "nmae"),
        (Method::PUT, &contact, json!({"name": "x", "nmae": "y"}), "nmae"),
        // Columns the server owns are not writable.
        (Method::POST, "/api/crm/contacts", json!({"name": "x", "id": 5}), "id"),
        (Method::POST, "/api/crm/contacts", json!({"name": "x", "user_id": 2}), "user_id"),
        (Method::POST, "/api/crm/contacts", json!({"name": "x", "version": 9}), "version"),
        (Method::POST, "/api/crm/contacts", json!({"name": "x", "updated_at": "2020-01-01T00:00:00Z"}), "updated_at"),
        (Method::PATCH, &contact, json!({"created_at": "2020-01-01T00:00:00Z"}), "created_at"),
        (Method::PATCH, &contact, json!({"deleted_at": null}), "deleted_at"),
        (Method::PATCH, &contact, json!({"version": 1}), "version"),
        (Method::POST, "/api/crm/opportunities", json!({"name": "x", "amount": "1.00"}), "amount"),
        (Method::PATCH, &deal, json!({"user_id": 2}), "user_id"),
        (
            Method::POST,
            "/api/crm/activities",
            json!({"type": "Call", "completed_at": "2026-01-01T00:00:00Z"}),
            "completed_at",
        ),
    ];
    for (method, path, body, field) in cases {
        c.json(method, path, body, &[422], Some(field)).await;
    }
    c.finish("unknown fields");
}

async fn missing_blank_or_null_required_fields_are_422_naming_them(b: Backend) {
    let mut c = Checker::new(b).await;
    let contact = c.contact_path();
    let opp = format!("/api/crm/opportunities/{}", c.opportunity);
    let activity = format!("/api/crm/activities/{}", c.activity);
    let cases: Vec<(Method, &str, Value, &str)> = vec![
        (Method::POST, "/api/crm/contacts", json!({}), "name"),
        (Method::POST, "/api/crm/contacts", json!({"email": "a@example.com"}), "name"),
        (Method::POST, "/api/crm/contacts", json!({"name": ""}), "name"),
        (Method::POST, "/api/crm/contacts", json!({"name": "   "}), "name"),
        (Method::POST, "/api/crm/contacts", json!({"name": null}), "name"),
        (Method::PATCH, &contact, json!({"name": null}), "name"),
        (Method::PATCH, &contact, json!({"name": ""}), "name"),
        (Method::PATCH, &contact, json!({"status": null}), "status"),
        (Method::POST, "/api/crm/opportunities", json!({}), "name"),
        (Method::POST, "/api/crm/opportunities", json!({"value": "1.00"}), "name"),
        (Method::PATCH, &opp, json!({"stage": null}), "stage"),
        (Method::PATCH, &opp, json!({"currency": null}), "currency"),
        (Method::PATCH, &opp, json!({"value": null}), "value"),
        (Method::POST, "/api/crm/deals", json!({"amount": "1.00"}), "name"),
        (Method::POST, "/api/crm/activities", json!({}), "type"),
        (Method::POST, "/api/crm/activities", json!({"type": null}), "type"),
        (Method::PATCH, &activity, json!({"completed": null}), "completed"),
    ];
    for (method, path, body, field) in cases {
        c.json(method, path, body, &[422], Some(field)).await;
    }
    c.finish("missing, blank or null required fields");
}

async fn out_of_range_values_are_422_naming_the_field(b: Backend) {
    let mut c = Checker::new(b).await;
    let contact = c.contact_path();
    let opp = format!("/api/crm/opportunities/{}", c.opportunity);
    let deal = format!("/api/crm/deals/{}", c.deal);
    let long = "x".repeat(300);
    let c_ = "/api/crm/contacts";
    let o_ = "/api/crm/opportunities";
    let d_ = "/api/crm/deals";
    let a_ = "/api/crm/activities";
    let cases: Vec<(Method, &str, Value, &str)> = vec![
        (Method::POST, c_, json!({"name": "x", "rating": 6}), "rating"),
        (Method::POST, c_, json!({"name": "x", "rating": -1}), "rating"),
        (Method::POST, c_, json!({"name": "x", "rating": 99_999_999_999_999_999_999.0}), "rating"),
        (Method::POST, c_, json!({"name": "x", "email": "not-an-email"}), "email"),
        (Method::POST, c_, json!({"name": "x", "email": "a@b"}), "email"),
        (Method::POST, c_, json!({"name": long}), "name"),
        (Method::POST, c_, json!({"name": "x", "phone": "call me"}), "phone"),
        (Method::POST, c_, json!({"name": "x", "status": "Won"}), "status"),
        (Method::POST, c_, json!({"name": "x\u{0}y"}), "name"),
        (Method::PATCH, &contact, json!({"rating": 6}), "rating"),
        (Method::PATCH, &contact, json!({"email": "not-an-email"}), "email"),
        (Method::PATCH, &contact, json!({"name": long}), "name"),
        (Method::POST, o_, json!({"name": "x", "probability": 101}), "probability"),
        (Method::POST, o_, json!({"name": "x", "probability": -1}), "probability"),
        (Method::POST, o_, json!({"name": "x", "value": "1.005"}), "value"),
        (Method::POST, o_, json!({"name": "x", "value": 1.005}), "value"),
        (Method::POST, o_, json!({"name": "x", "value": "-5.00"}), "value"),
        (Method::POST, o_, json!({"name": "x", "value": -5}), "value"),
        (Method::POST, o_, json!({"name": "x", "value": "abc"}), "value"),
        (Method::POST, o_, json!({"name": "x", "value": "1e5"}), "value"),
        (Method::POST, o_, json!({"name": "x", "value": "99999999999999999999"}), "value"),
        (Method::POST, o_, json!({"name": "x", "currency": "XXX"}), "currency"),
        (Method::POST, o_, json!({"name": "x", "currency": "US"}), "currency"),
        (Method::POST, o_, json!({"name": "x", "expected_close_date": "2026-13-01"}), "expected_close_date"),
        (Method::POST, o_, json!({"name": "x", "expected_close_date": "2026-02-30"}), "expected_close_date"),
        (Method::POST, o_, json!({"name": "x", "expected_close_date": "13/01/2026"}), "expected_close_date"),
        (Method::POST, o_, json!({"name": "x", "stage": "x".repeat(101)}), "stage"),
        (Method::PATCH, &opp, json!({"value": "0.001"}), "value"),
        (Method::PATCH, &opp, json!({"probability": 101}), "probability"),
        (Method::PATCH, &opp, json!({"currency": "XXX"}), "currency"),
        (Method::POST, d_, json!({"name": "x", "amount": "1.005"}), "amount"),
        (Method::POST, d_, json!({"name": "x", "amount": -1}), "amount"),
        (Method::POST, d_, json!({"name": "x", "probability": 101}), "probability"),
        (Method::POST, d_, json!({"name": "x", "currency": "XXX"}), "currency"),
        (Method::POST, d_, json!({"name": "x", "close_date": "2026-13-01"}), "close_date"),
        (Method::PATCH, &deal, json!({"stage": "x\u{1}y"}), "stage"),
        (Method::PATCH, &deal, json!({"amount": 1.005}), "amount"),
        (Method::POST, a_, json!({"type": "Meeting!"}), "type"),
        (Method::POST, a_, json!({"type": "Call", "priority": "Critical"}), "priority"),
        (Method::POST, a_, json!({"type": "Call", "due_date": "2026-02-30"}), "due_date"),
        (Method::POST, a_, json!({"type": "Call", "contact_id": 0}), "contact_id"),
        (Method::POST, a_, json!({"type": "Call", "opportunity_id": -1}), "opportunity_id"),
    ];
    for (method, path, body, field) in cases {
        c.json(method, path, body, &[422], Some(field)).await;
    }
    // A stage is named among the record's pipeline's stages: a name it does not have names
    // nothing, as a link to a missing record does.
    for (method, path) in [(Method::POST, o_), (Method::POST, d_), (Method::PATCH, deal.as_str())] {
        c.json(method, path, json!({"name": "x", "stage": "Won"}), &[404], Some("stage")).await;
    }
    c.finish("out-of-range values");
}

/// Sends only the head of a request announcing a JSON body of `length` bytes with
/// `Expect: 100-continue`, and reads the answer. A body whose announced length is over the limit
/// must be refused at once: asking for it (`100 Continue`) and closing the connection once the
/// limit is read leaves the client writing into a closed socket, racing the 413 it never reads.
async fn announce(c: &Checker, method: &str, path: &str, length: usize) -> Result<Answer, String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = c.u.base().trim_start_matches("http://").to_string();
    let token = c.u.token().expect("a logged-in client");
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {length}\r\nExpect: 100-continue\r\n\
         Connection: close\r\n\r\n"
    );
    let mut conn = tokio::net::TcpStream::connect(&addr).await.map_err(|e| format!("connect: {e}"))?;
    conn.write_all(head.as_bytes()).await.map_err(|e| format!("sending the head: {e}"))?;
    let mut buf = Vec::new();
    loop {
        let mut chunk = [0u8; 8192];
        let read = tokio::time::timeout(std::time::Duration::from_secs(20), conn.read(&mut chunk))
            .await
            .map_err(|_| "no answer within 20 s".to_string())?
            .map_err(|e| format!("reading the answer: {e}"))?;
        buf.extend_from_slice(&chunk[..read]);
        let text = String::from_utf8_lossy(&buf).into_owned();
        if text.starts_with("HTTP/1.1 100") {
            return Err("the server asked for the body (100 Continue) instead of refusing its announced length".into());
        }
        if let Some(split) = text.find("\r\n\r\n") {
            let (head, rest) = text.split_at(split);
            let header = |name: &str| {
                head.lines().find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.trim().eq_ignore_ascii_case(name).then(|| v.trim().to_string())
                })
            };
            let length: usize = header("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
            let body_text = &rest[4..];
            if body_text.len() >= length || read == 0 {
                let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
                let body = serde_json::from_str(body_text).unwrap_or(Value::String(body_text.to_string()));
                return Ok(Answer { status, content_type: header("content-type"), body });
            }
        }
        if read == 0 {
            return Err(format!("the connection closed before a whole answer: {:?}", truncate(&text)));
        }
    }
}

async fn a_body_over_the_limit_is_413(b: Backend) {
    let mut c = Checker::new(b).await;
    let big = format!("{{\"name\": \"big\", \"notes\": \"{}\"}}", "a".repeat(10 * 1024 * 1024));
    let contact = c.contact_path();
    for (method, path) in [(Method::POST, "/api/crm/contacts"), (Method::PATCH, contact.as_str())] {
        // Announced with Expect: 100-continue, as HTTP clients upload large bodies, so that the
        // answer does not race the upload.
        let what = format!("{method} {path} announcing a 10 MB body (Expect: 100-continue)");
        match announce(&c, method.as_str(), path, big.len()).await {
            Ok(ans) => c.judge(&what, &ans, &[413], None),
            Err(e) => c.wrong.push(format!("{what}\n    no answer: {e}")),
        }
        c.unchanged(&what).await;

        // Sent outright. A server may answer 413 and close the connection before the client
        // has finished sending, so the client may see the connection reset instead of the
        // answer; but any answer it does see must be the 413, and nothing may be written.
        let what = format!("{method} {path} with a 10 MB body");
        if let Ok(resp) = c.body(method, path, big.clone()).send().await {
            let status = resp.status().as_u16();
            let content_type =
                resp.headers().get(reqwest::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(String::from);
            if let Ok(bytes) = resp.bytes().await {
                let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
                c.judge(&what, &Answer { status, content_type, body }, &[413], None);
            }
        }
        c.unchanged(&what).await;
    }
    c.finish("oversized bodies");
}

async fn a_body_that_is_not_json_is_415(b: Backend) {
    let mut c = Checker::new(b).await;
    let contact = c.contact_path();
    let good = r#"{"name": "Valid JSON, wrong media type"}"#;
    for (method, path) in
        [(Method::POST, "/api/crm/contacts"), (Method::PATCH, contact.as_str()), (Method::POST, "/api/crm/deals")]
    {
        for ct in [Some("text/plain"), Some("application/x-www-form-urlencoded"), Some("text/json-ish"), None] {
            let mut rb = c.u.request(method.clone(), path).body(good);
            if let Some(ct) = ct {
                rb = rb.header(reqwest::header::CONTENT_TYPE, ct);
            }
            c.reject(format!("{method} {path} Content-Type: {ct:?}"), rb, &[415], None).await;
        }
    }
    c.finish("non-JSON media types");
}

async fn bad_list_parameters_are_400_naming_them(b: Backend) {
    let mut c = Checker::new(b).await;
    let cases: &[(&str, &str)] = &[
        ("limit=0", "limit"),
        ("limit=5000", "limit"),
        ("limit=1001", "limit"),
        ("limit=abc", "limit"),
        ("limit=-1", "limit"),
        ("limit=", "limit"),
        ("offset=-1", "offset"),
        ("offset=abc", "offset"),
        ("nosuch=1", "nosuch"),
        ("deleted=maybe", "deleted"),
        ("total=yes", "total"),
        ("cursor=not-a-cursor", "cursor"),
        ("cursor=eyJzIjoiaWQiLCJ2IjpbMV19", "cursor"),
    ];
    for entity in ["contacts", "opportunities", "deals", "activities"] {
        for (query, field) in cases {
            let path = format!("/api/crm/{entity}?{query}");
            let rb = c.u.request(Method::GET, &path);
            c.reject(format!("GET {path}"), rb, &[400], Some(field)).await;
        }
    }
    for (query, field) in [("limit=0", "limit"), ("limit=abc", "limit"), ("nosuch=1", "nosuch"), ("cursor=x", "cursor")]
    {
        let path = format!("/api/crm/audit?{query}");
        let rb = c.u.request(Method::GET, &path);
        c.reject(format!("GET {path}"), rb, &[400], Some(field)).await;
    }
    c.finish("bad list parameters");
}

async fn bad_filters_are_400_naming_the_filter(b: Backend) {
    let mut c = Checker::new(b).await;
    let filters = [
        "nosuch[eq]:1",
        "user_id[eq]:1",
        "password_hash[eq]:\"x\"",
        "notes[eq]:\"x\"",
        "name[equals]:\"x\"",
        "name[]:\"x\"",
        "name[eq]:\"abc",
        "name[eq]",
        "name[eq]:",
        "name:\"x\"",
        "name[eq]:\"x\")",
        "name[eq]:\"x\";DROP TABLE contacts",
        "rating[eq]:\"five\"",
        "rating[gte]:abc",
        "status[eq]:\"Won\"",
        "status[gt]:\"Lead\"",
        "rating[like]:\"4%\"",
        "rating[eq]:null",
        "rating[is]:4",
        "created_at[gt]:\"yesterday\"",
        "or(name[eq]:\"x\"",
        "or(or(or(or(or(or(or(or(or(or(name[eq]:\"x\"))))))))))",
        "name[eq]:\"\\q\"",
    ];
    for f in filters {
        let rb = c.u.request(Method::GET, "/api/crm/contacts").query(&[("filter", f)]);
        c.reject(format!("GET /api/crm/contacts filter={f}"), rb, &[400], Some("filter")).await;
    }
    for (entity, f) in [
        ("opportunities", "value[gte]:\"1.005\""),
        ("opportunities", "expected_close_date[lt]:\"2026-13-01\""),
        ("deals", "stage[gt]:\"Proposal\""),
        ("deals", "amount[like]:\"1%\""),
        ("activities", "completed[eq]:\"maybe\""),
        ("activities", "completed[gt]:false"),
    ] {
        let path = format!("/api/crm/{entity}");
        let rb = c.u.request(Method::GET, &path).query(&[("filter", f)]);
        c.reject(format!("GET {path} filter={f}"), rb, &[400], Some("filter")).await;
    }
    c.finish("bad filters");
}

async fn sql_in_sort_is_400(b: Backend) {
    let mut c = Checker::new(b).await;
    let sorts = [
        "name;DROP TABLE contacts",
        "(select 1)",
        "name desc",
        "name DESC NULLS FIRST",
        "1",
        "-1",
        "user_id",
        "password_hash",
        "notes",
        "name,name",
        "-",
        ",",
        "name,",
        "lower(name)",
        "name--",
        "a,b,c,d,e",
    ];
    for sort in sorts {
        let rb = c.u.request(Method::GET, "/api/crm/contacts").query(&[("sort", sort)]);
        c.reject(format!("GET /api/crm/contacts sort={sort}"), rb, &[400], Some("sort")).await;
    }
    for entity in ["opportunities", "deals", "activities"] {
        let path = format!("/api/crm/{entity}");
        let rb = c.u.request(Method::GET, &path).query(&[("sort", "id;DELETE FROM contacts")]);
        c.reject(format!("GET {path} sort=id;DELETE FROM contacts"), rb, &[400], Some("sort")).await;
    }
    c.finish("SQL in sort");
}

async fn sql_looking_values_in_filters_and_search_are_plain_values(b: Backend) {
    let mut c = Checker::new(b).await;
    let mut queries: Vec<(&str, &str, String)> = Vec::new();
    for f in [
        r#"name[eq]:"x' OR '1'='1""#,
        r#"name[eq]:"Existing' --""#,
        r#"name[like]:"%' OR 1=1 --""#,
        r#"or(name[eq]:"'; DROP TABLE contacts; --",email[ilike]:"' OR ''='")"#,
        r#"company[eq]:"\" OR 1=1 --""#,
        r#"name[in]:("x') OR ('1'='1","y")"#,
        r#"email[eq]:"existing@example.com' OR 1=1 --""#,
    ] {
        queries.push(("contacts", "filter", f.to_string()));
    }
    for q in [
        "' OR 1=1 --",
        "'; DROP TABLE contacts; --",
        "%' OR '1'='1",
        "\") OR 1=1 --",
        "Existing' OR 'x'='x",
        "\\",
        "_xisting",
        "%",
        "existing%' UNION SELECT * FROM users --",
    ] {
        queries.push(("contacts", "q", q.to_string()));
    }
    queries.push(("deals", "q", "' OR 1=1 --".into()));
    queries.push(("opportunities", "filter", r#"name[eq]:"' OR 1=1 --""#.into()));
    queries.push(("activities", "filter", r#"assigned_to[ilike]:"%' OR 1=1 --""#.into()));
    for (entity, param, value) in queries {
        let path = format!("/api/crm/{entity}");
        let what = format!("GET {path} {param}={value}");
        let ans = probe::send(c.u.request(Method::GET, &path).query(&[(param, value.as_str())])).await;
        if ans.status != 200 || ans.body["data"] != json!([]) {
            c.wrong.push(format!("{what}\n    expected 200 with no records, got {ans}"));
        }
        c.unchanged(&what).await;
    }
    c.finish("SQL-looking values");
}

async fn bad_ids_are_400_or_404(b: Backend) {
    let mut c = Checker::new(b).await;
    let ids = [
        "abc",
        "0",
        "-1",
        "99999999999999999999",
        "9223372036854775807",
        "9223372036854775808",
        "1.5",
        "1e3",
        "0x10",
        "%20",
        "1%3BDROP%20TABLE%20contacts",
        "1%20OR%201%3D1",
        "%00",
    ];
    for id in ids {
        let mut probes: Vec<(Method, String, Option<Value>)> = Vec::new();
        for entity in ["contacts", "opportunities", "deals", "activities"] {
            let one = format!("/api/crm/{entity}/{id}");
            // A body that would be a valid update of a record of the entity.
            let update =
                if entity == "activities" { json!({"description": "renamed"}) } else { json!({"name": "renamed"}) };
            probes.push((Method::GET, one.clone(), None));
            probes.push((Method::PATCH, one.clone(), Some(update.clone())));
            probes.push((Method::PUT, one.clone(), Some(update.clone())));
            probes.push((Method::DELETE, one.clone(), None));
            probes.push((Method::POST, format!("{one}/restore"), None));
        }
        probes.push((Method::POST, format!("/api/crm/activities/{id}/complete"), None));
        probes.push((Method::GET, format!("/api/crm/deals/{id}/history"), None));
        probes.push((Method::GET, format!("/api/crm/contacts/{id}/timeline"), None));
        probes.push((Method::DELETE, format!("/api/auth/tokens/{id}"), None));
        for (method, path, body) in probes {
            let mut rb = c.u.request(method.clone(), &path);
            if let Some(b) = &body {
                rb = rb.json(b);
            }
            c.reject(format!("{method} {path}"), rb, &[400, 404], None).await;
        }
    }
    c.finish("bad ids");
}

async fn garbage_if_match_is_412_and_changes_nothing(b: Backend) {
    let mut c = Checker::new(b).await;
    let tags = ["garbage", "\"abc\"", "W/\"1\"", "\"\"", "\"1", "\"999\"", "\"-1\""];
    let targets = [
        format!("/api/crm/contacts/{}", c.contact),
        format!("/api/crm/opportunities/{}", c.opportunity),
        format!("/api/crm/deals/{}", c.deal),
        format!("/api/crm/activities/{}", c.activity),
    ];
    for path in &targets {
        for tag in tags {
            for method in [Method::PATCH, Method::PUT, Method::DELETE] {
                let mut rb = c.u.request(method.clone(), path).header(reqwest::header::IF_MATCH, tag);
                if method != Method::DELETE {
                    let body = if path.contains("activities") {
                        json!({"description": "changed"})
                    } else {
                        json!({"name": "changed"})
                    };
                    rb = rb.json(&body);
                }
                c.reject(format!("{method} {path} If-Match: {tag}"), rb, &[412], None).await;
            }
        }
    }
    c.finish("garbage If-Match");
}

async fn sql_looking_text_round_trips_verbatim(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("verbatim").await;
    let names = [
        "'; DROP TABLE contacts; --",
        "Robert'); DROP TABLE contacts; --",
        "\" OR 1=1 --",
        "x' OR 'a'='a",
        "back\\slash \\' \\\"",
        "100% _real_ *glob* [set]",
        "$1 $2 ?1 :name @p1",
    ];
    let mut wrong = Vec::new();
    for name in names {
        let new = NewContact {
            name: name.into(),
            company: Some(format!("{name} Inc")),
            notes: Some(format!("line 1\n{name}\n\tline 3")),
            ..Default::default()
        };
        let created = u.create::<Contacts>(&new).await;
        let created = match created {
            Ok(c) => c.record,
            Err(e) => {
                wrong.push(format!("creating {name:?}: {e}"));
                continue;
            }
        };
        let got = u.get::<Contacts>(created.id).await.expect("get").record;
        if (got.name.as_str(), got.company.as_deref(), got.notes.as_deref())
            != (name, new.company.as_deref(), new.notes.as_deref())
        {
            wrong.push(format!("{name:?} read back as {got:?}"));
        }
        let by_filter = u
            .list::<Contacts>(&ListParams {
                filter: Some(format!("name[eq]:{}", filter::quote(name))),
                ..Default::default()
            })
            .await;
        match by_filter {
            Ok(p) if p.data.iter().map(|c| c.id).collect::<Vec<_>>() == vec![created.id] => {}
            other => wrong.push(format!("filter name[eq]:{} found {other:?}", filter::quote(name))),
        }
        let by_search = u.list::<Contacts>(&ListParams { q: Some(name.into()), ..Default::default() }).await;
        match by_search {
            Ok(p) if p.data.iter().any(|c| c.id == created.id) => {}
            other => wrong.push(format!("q={name:?} did not find it: {other:?}")),
        }
    }
    let all = u.list::<Contacts>(&ListParams { total: Some(true), ..Default::default() }).await.expect("list");
    assert!(wrong.is_empty(), "SQL-looking text:\n{}", wrong.join("\n"));
    assert_eq!(all.total, Some(names.len() as i64), "the contacts table is intact");
}

async fn non_ascii_text_round_trips_and_search_ignores_its_case(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("unicode").await;
    let name = "Zoë Ünïcödé-Świętosławski 🦀";
    let created = u.create::<Contacts>(&NewContact { name: name.into(), ..Default::default() }).await.expect("create");
    let got = u.get::<Contacts>(created.record.id).await.expect("get").record;
    assert_eq!(got.name, name, "read back verbatim");
    let mut missed = Vec::new();
    for q in ["Ünïcödé", "ünïcödé", "ÜNÏCÖDÉ", "świętosławski", "🦀"] {
        let found = u.list::<Contacts>(&ListParams { q: Some(q.into()), ..Default::default() }).await.expect("search");
        if found.data.iter().map(|c| c.id).collect::<Vec<_>>() != vec![created.record.id] {
            missed.push(q);
        }
    }
    assert!(missed.is_empty(), "q= did not find {name:?} for {missed:?}");
}

/// A NUL character (U+0000) in a text: PostgreSQL's text cannot hold one, and a statement that
/// binds one fails. Wherever one comes in (a filter, a search, a login, a batch's e-mails) the
/// answer is a 4xx problem or a result without it, never a 5xx, and nothing is written.
async fn nul_characters_are_refused_or_match_nothing(b: Backend) {
    let mut c = Checker::new(b).await;
    // A search with a NUL may ignore it; a filter's value with one matches nothing.
    let gets: [(&str, &[(&str, &str)]); 6] = [
        ("/api/crm/contacts", &[("q", "\0")]),
        ("/api/crm/contacts", &[("q", "a\0b")]),
        ("/api/crm/contacts", &[("filter", "email[eq]:\"a\0b\"")]),
        ("/api/crm/deals", &[("filter", "name[like]:\"x\0\"")]),
        ("/api/crm/contacts", &[("filter", "name[in]:(\"a\0\",\"b\")")]),
        ("/api/crm/audit", &[("entity", "con\0tacts")]),
    ];
    for (path, query) in gets {
        let what = format!("GET {path} {query:?}");
        let ans = probe::send(c.u.request(Method::GET, path).query(query)).await;
        let filtered = query.iter().any(|(k, _)| *k != "q");
        let refused = (400..500).contains(&ans.status) && ans.check_problem().is_ok();
        let answered = ans.status == 200 && (!filtered || ans.body["data"] == json!([]));
        if !refused && !answered {
            c.wrong
                .push(format!("{what}\n    expected a 4xx problem or an answer without the NUL's matches, got {ans}"));
        }
        c.unchanged(&what).await;
    }
    let login = json!({"email": "existing@example.com\u{0}", "password": "correct horse battery"});
    let ans = probe::send(c.u.request(Method::POST, "/api/auth/login").json(&login)).await;
    if !(400..500).contains(&ans.status) || ans.check_problem().is_err() {
        c.wrong.push(format!("POST /api/auth/login with a NUL in the e-mail\n    expected a 4xx problem, got {ans}"));
    }
    c.unchanged("login").await;
    let import = json!({"entity": "contacts", "name": "\u{0}\u{202f}\n"});
    c.json(Method::POST, "/api/crm/imports", import, &[422], Some("name")).await;
    // A batch matching on e-mail: the record with the NUL fails on its e-mail, the other is
    // written.
    let batch = json!({"match": "email", "records": [
        {"name": "Nul", "email": "nul\u{0}@example.com"},
        {"name": "Fine", "email": "fine@example.com"},
    ]});
    let ans = probe::call(&c.u, Method::POST, "/api/crm/contacts/batch", Some(&batch)).await;
    let outcomes: Vec<&str> = ans.body["results"]
        .as_array()
        .map(|r| r.iter().filter_map(|i| i["outcome"].as_str()).collect())
        .unwrap_or_default();
    if ans.status != 200 || outcomes != ["failed", "created"] || ans.body["results"][0]["errors"][0]["field"] != "email"
    {
        c.wrong.push(format!("a batch matching on e-mail with a NUL in one\n    expected the first failed on its e-mail and the second created, got {ans}"));
    }
    c.finish("NUL characters");
}

/// JSON Schema counts `2.0` an integer, so a client made from the document may write an integer
/// query parameter so: it is read as 2. A fraction that is not zero is still a 400 naming the
/// parameter, and a text parameter is never rewritten.
async fn whole_numbers_with_a_zero_fraction_are_integers_in_queries(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("fractions").await;
    for name in ["Release 1.0", "Release 1", "Other"] {
        u.create::<Contacts>(&NewContact { name: name.into(), ..Default::default() }).await.expect("create");
    }
    let ans = probe::send(u.request(Method::GET, "/api/crm/contacts").query(&[("limit", "2.0")])).await;
    assert_eq!(ans.status, 200, "limit=2.0: {ans}");
    assert_eq!(ans.body["data"].as_array().map(Vec::len), Some(2), "limit=2.0: {ans}");
    let ans = probe::send(u.request(Method::GET, "/api/crm/contacts").query(&[("limit", "2.5")])).await;
    assert_eq!(ans.status, 400, "limit=2.5: {ans}");
    assert_eq!(ans.fields(), vec!["limit".to_string()], "limit=2.5: {ans}");
    let ans = probe::send(u.request(Method::GET, "/api/crm/contacts").query(&[("q", "1.0"), ("limit", "x")])).await;
    assert_eq!(ans.status, 400, "limit=x: {ans}");
    let ans = probe::send(u.request(Method::GET, "/api/crm/contacts").query(&[("q", "1.0"), ("limit", "5.00")])).await;
    let names: Vec<&str> =
        ans.body["data"].as_array().map(|d| d.iter().filter_map(|c| c["name"].as_str()).collect()).unwrap_or_default();
    assert_eq!((ans.status, names), (200, vec!["Release 1.0"]), "q=1.0 is searched as written: {ans}");
}
