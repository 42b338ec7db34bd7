//! The audit trail: one row per mutation, written in the mutation's transaction.

use serde_json::{Map, Value as Json, json};

use super::records::{Actor, Record};
use crate::db::{Col, Conn, DbError, Row, Shape, SqlValue, now_micros, time_of};
use crate::error::{ApiResult, request_id};

tokio::task_local! {
    /// The import whose batch is being applied: its audit rows carry the import's id, so
    /// that the import can be undone.
    pub static IMPORT_ID: i64;
}

#[derive(Debug, Clone, Copy)]
pub enum Action {
    Create,
    Update,
    Delete,
    Restore,
    Revoke,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
            Action::Restore => "restore",
            Action::Revoke => "revoke",
        }
    }
}

/// Fields that change on every write and say nothing of their own.
const NOISE: &[&str] = &["version", "updated_at"];

/// `{"field": {"before": .., "after": ..}}` for each field that differs.
pub fn diff(before: Option<&Record>, after: &Record) -> Json {
    let mut out = Map::new();
    for (k, new) in after {
        if NOISE.contains(&k.as_str()) {
            continue;
        }
        match before {
            Some(b) => {
                let old = b.get(k).unwrap_or(&Json::Null);
                if old != new {
                    out.insert(k.clone(), json!({ "before": old, "after": new }));
                }
            }
            None if shown_on_create(k, new) => {
                out.insert(k.clone(), json!({ "after": new }));
            }
            None => {}
        }
    }
    Json::Object(out)
}

/// Whether a created record's field is in its audit entry.
fn shown_on_create(field: &str, value: &Json) -> bool {
    !value.is_null() && !matches!(field, "id" | "created_at")
}

/// `diff(None, after)` as text, written from the record without copying it (a bulk create
/// writes one a row).
pub fn created(after: &Record) -> String {
    struct After<'a>(&'a Json);
    impl serde::Serialize for After<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            let mut m = s.serialize_map(Some(1))?;
            m.serialize_entry("after", self.0)?;
            m.end()
        }
    }
    let fields: std::collections::BTreeMap<&str, After<'_>> = after
        .iter()
        .filter(|(k, v)| !NOISE.contains(&k.as_str()) && shown_on_create(k, v))
        .map(|(k, v)| (k.as_str(), After(v)))
        .collect();
    // A map of strings to JSON values always serializes.
    serde_json::to_string(&fields).unwrap_or_default()
}

pub async fn write<C: Conn>(
    c: &mut C,
    actor: Actor,
    entity: &str,
    entity_id: i64,
    action: Action,
    changes: &Json,
) -> ApiResult<()> {
    c.execute(
        "INSERT INTO audit_log (user_id, entity, entity_id, action, changes, request_id, created_at, import_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        &[
            SqlValue::Int(Some(actor.user_id)),
            SqlValue::Text(Some(entity.to_string())),
            SqlValue::Int(Some(entity_id)),
            SqlValue::Text(Some(action.as_str().to_string())),
            SqlValue::Text(Some(changes.to_string())),
            SqlValue::Text(request_id()),
            SqlValue::Int(Some(now_micros())),
            SqlValue::Int(IMPORT_ID.try_with(|id| *id).ok()),
        ],
    )
    .await?;
    Ok(())
}

const SHAPE: &Shape = &[
    ("id", Col::Int),
    ("entity", Col::Text),
    ("entity_id", Col::Int),
    ("action", Col::Text),
    ("changes", Col::Text),
    ("request_id", Col::Text),
    ("created_at", Col::Int),
];
const SELECT: &str = "SELECT id, entity, entity_id, action, changes, request_id, created_at FROM audit_log";

fn entry(r: &Row) -> Result<crm_api::audit::AuditEntry, DbError> {
    let changes = r.req_text("changes")?;
    Ok(crm_api::audit::AuditEntry {
        id: r.req_int("id")?,
        entity: r.req_text("entity")?.to_string(),
        entity_id: r.req_int("entity_id")?,
        action: r.req_text("action")?.to_string(),
        changes: serde_json::from_str(changes).map_err(|e| DbError::decode("changes", e.to_string()))?,
        request_id: r.text("request_id")?.map(str::to_string),
        created_at: time_of("created_at", r.req_int("created_at")?)?,
    })
}

/// The user's audit entries, newest first, after the cursor id; optionally of one record.
pub async fn list<C: Conn>(
    c: &mut C,
    actor: Actor,
    entity: Option<&str>,
    entity_id: Option<i64>,
    before_id: Option<i64>,
    limit: u32,
) -> ApiResult<Vec<crm_api::audit::AuditEntry>> {
    let mut sql = format!("{SELECT} WHERE user_id = $1");
    let mut binds = vec![SqlValue::Int(Some(actor.user_id))];
    if let Some(entity) = entity {
        binds.push(SqlValue::Text(Some(entity.to_string())));
        sql.push_str(&format!(" AND entity = ${}", binds.len()));
    }
    if let Some(id) = entity_id {
        binds.push(SqlValue::Int(Some(id)));
        sql.push_str(&format!(" AND entity_id = ${}", binds.len()));
    }
    if let Some(b) = before_id {
        binds.push(SqlValue::Int(Some(b)));
        sql.push_str(&format!(" AND id < ${}", binds.len()));
    }
    binds.push(SqlValue::Int(Some(i64::from(limit))));
    sql.push_str(&format!(" ORDER BY id DESC LIMIT ${}", binds.len()));
    let rows = c.fetch(&sql, &binds, SHAPE).await?;
    Ok(rows.iter().map(entry).collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn created_writes_what_diff_from_nothing_does() {
        let record: Record = serde_json::from_value(json!({
            "id": 7, "name": "Ann \"A\" Lee", "email": null, "tags": ["a", "b"], "amount": 1.5,
            "version": 1, "created_at": "2026-12-02T00:00:00Z", "updated_at": "2026-12-02T00:00:00Z",
            "deleted_at": null, "nested": {"z": 1, "a": [true, null]}, "zeta": "ü"
        }))
        .expect("an object");
        assert_eq!(created(&record), diff(None, &record).to_string());
        assert_eq!(created(&Record::new()), "{}");
    }
}
