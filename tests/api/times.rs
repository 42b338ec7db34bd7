//! One time format on the wire: RFC 3339 UTC with microseconds, the same string for the same
//! time in a GET, a list page, an NDJSON export and a CSV export.

use crm_api::client::Client;
use crm_api::contacts::NewContact;
use crm_api::resource::Contacts;
use crm_tests::{Backend, TestServer, backend_tests};
use reqwest::Method;
use serde_json::Value;
use sqlx::Connection;

use crate::probe;

backend_tests!(a_time_reads_the_same_in_get_list_and_both_exports);

/// 2026-11-18T11:06:40Z, a whole second.
const WHOLE_SECOND: i64 = 1_795_000_000_000_000;
/// A tenth and two hundredths later: the trailing zeros must stay.
const TRAILING_ZEROS: i64 = 1_795_000_000_120_000;

/// Sets a record's `created_at` and `updated_at` (microseconds) from outside the server, as no
/// request can choose them.
async fn set_times(s: &TestServer, id: i64, created: i64, updated: i64) {
    let sql = "UPDATE contacts SET created_at = $1, updated_at = $2 WHERE id = $3";
    match s.backend {
        Backend::Sqlite => {
            let path = s.database_url.strip_prefix("sqlite:").expect("a SQLite URL").to_string();
            let c = rusqlite::Connection::open(&path).expect("open");
            c.busy_timeout(std::time::Duration::from_secs(10)).expect("busy timeout");
            let n = c.execute(&sql.replace('$', "?"), [created, updated, id]).expect("update");
            assert_eq!(n, 1);
        }
        Backend::Postgres => {
            let mut c = sqlx::PgConnection::connect(&s.database_url).await.expect("connect");
            let done = sqlx::query(sql).bind(created).bind(updated).bind(id).execute(&mut c).await.expect("update");
            assert_eq!(done.rows_affected(), 1);
            c.close().await.expect("close");
        }
    }
}

/// `(created_at, updated_at)` of record `id` in a JSON record.
fn times_of(v: &Value) -> (String, String) {
    let s = |k: &str| v[k].as_str().unwrap_or_else(|| panic!("{k} is not a string in {v}")).to_string();
    (s("created_at"), s("updated_at"))
}

fn find(records: &[Value], id: i64) -> &Value {
    records.iter().find(|r| r["id"].as_i64() == Some(id)).unwrap_or_else(|| panic!("record {id} not in {records:?}"))
}

/// The text of an export.
async fn export(u: &Client, format: &str) -> String {
    let resp = u
        .request(Method::GET, &format!("/api/crm/contacts/export?format={format}"))
        .send()
        .await
        .expect("export answers");
    assert_eq!(resp.status(), 200, "export {format}");
    resp.text().await.expect("export body")
}

/// Whether `t` is `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
fn is_wire_time(t: &str) -> bool {
    let b = t.as_bytes();
    let digits = |r: std::ops::Range<usize>| r.into_iter().all(|i| b[i].is_ascii_digit());
    b.len() == 27
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && b[19] == b'.'
        && digits(20..26)
        && b[26] == b'Z'
}

async fn a_time_reads_the_same_in_get_list_and_both_exports(b: Backend) {
    let s = TestServer::start(b).await;
    let u = s.user("times").await;
    let mut ids = Vec::new();
    for name in ["Whole Second", "Trailing Zeros", "As Written"] {
        let new =
            NewContact { name: name.into(), email: Some(format!("{}@example.com", name.len())), ..Default::default() };
        ids.push(u.create::<Contacts>(&new).await.expect("create").record.id);
    }
    set_times(&s, ids[0], WHOLE_SECOND, WHOLE_SECOND).await;
    set_times(&s, ids[1], TRAILING_ZEROS, TRAILING_ZEROS + 3).await;

    let list = probe::call(&u, Method::GET, "/api/crm/contacts?limit=10", None).await;
    assert_eq!(list.status, 200, "{list}");
    let listed = list.body["data"].as_array().expect("a page").clone();
    let ndjson: Vec<Value> =
        export(&u, "ndjson").await.lines().map(|l| serde_json::from_str(l).expect("an NDJSON line is JSON")).collect();
    let csv = export(&u, "csv").await;
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("a header row").split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).expect("column in the header");
    let (id_col, created_col, updated_col) = (col("id"), col("created_at"), col("updated_at"));
    let csv_rows: Vec<Vec<String>> = lines.map(|l| l.split(',').map(str::to_string).collect()).collect();

    for (i, id) in ids.iter().enumerate() {
        let from_get = get_times(&u, *id).await;
        let from_list = times_of(find(&listed, *id));
        let from_ndjson = times_of(find(&ndjson, *id));
        let row = csv_rows
            .iter()
            .find(|r| r[id_col] == id.to_string())
            .unwrap_or_else(|| panic!("record {id} not in the CSV export:\n{csv}"));
        let from_csv = (row[created_col].clone(), row[updated_col].clone());
        assert_eq!(from_list, from_get, "list and GET of record {i}");
        assert_eq!(from_ndjson, from_get, "NDJSON export and GET of record {i}");
        assert_eq!(from_csv, from_get, "CSV export and GET of record {i}");
        for t in [&from_get.0, &from_get.1] {
            assert!(is_wire_time(t), "{t} is not RFC 3339 UTC with microseconds");
        }
        // The typed client writes what it read the same way.
        let typed = u.get::<Contacts>(*id).await.expect("typed get").record;
        assert_eq!(times_of(&serde_json::to_value(&typed).expect("as JSON")), from_get, "typed record {i}");
    }
    assert_eq!(
        get_times(&u, ids[0]).await,
        ("2026-11-18T11:06:40.000000Z".into(), "2026-11-18T11:06:40.000000Z".into())
    );
    assert_eq!(
        get_times(&u, ids[1]).await,
        ("2026-11-18T11:06:40.120000Z".into(), "2026-11-18T11:06:40.120003Z".into())
    );
}

async fn get_times(u: &Client, id: i64) -> (String, String) {
    times_of(&probe::call(u, Method::GET, &format!("/api/crm/contacts/{id}"), None).await.body)
}
