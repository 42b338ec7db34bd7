//! Deal stage history and a contact's timeline.

use chrono::{DateTime, Utc};
use crm_api::deals::StageChange;
use crm_api::timeline::TimelineItem;
use serde_json::{Value as Json, json};

use super::records::{self, Actor, Record, to_record};
use super::spec::{ACTIVITIES, CONTACTS, DEALS, OPPORTUNITIES, Spec};
use crate::db::{Col, Conn, DbError, Row, Shape, SqlValue, time_of};
use crate::error::ApiResult;

const CHANGE: &Shape = &[
    ("id", Col::Int),
    ("deal_id", Col::Int),
    ("from_stage", Col::Text),
    ("to_stage", Col::Text),
    ("from_stage_id", Col::Int),
    ("to_stage_id", Col::Int),
    ("changed_at", Col::Int),
];

/// The columns of [`CHANGE`] from `deal_stage_changes h`, stages named as they are called now.
const CHANGE_SELECT: &str = "SELECT h.id, h.deal_id, COALESCE(f.name, h.from_stage) AS from_stage, \
     COALESCE(t.name, h.to_stage) AS to_stage, h.from_stage_id, h.to_stage_id, h.changed_at \
     FROM deal_stage_changes h LEFT JOIN stages f ON f.id = h.from_stage_id LEFT JOIN stages t ON t.id = h.to_stage_id";

fn change(r: &Row) -> Result<StageChange, DbError> {
    Ok(StageChange {
        id: r.req_int("id")?,
        deal_id: r.req_int("deal_id")?,
        from_stage: r.text("from_stage")?.map(str::to_string),
        to_stage: r.req_text("to_stage")?.to_string(),
        from_stage_id: r.int("from_stage_id")?,
        to_stage_id: r.int("to_stage_id")?,
        changed_at: time_of("changed_at", r.req_int("changed_at")?)?,
    })
}

/// The stage changes of a live deal of the user, oldest first.
pub async fn deal_history<C: Conn>(c: &mut C, actor: Actor, deal_id: i64) -> ApiResult<Vec<StageChange>> {
    records::get(c, &DEALS, actor, deal_id).await?;
    let sql = format!("{CHANGE_SELECT} WHERE h.user_id = $1 AND h.deal_id = $2 ORDER BY h.changed_at, h.id");
    let rows = c.fetch(&sql, &[SqlValue::Int(Some(actor.user_id)), SqlValue::Int(Some(deal_id))], CHANGE).await?;
    Ok(rows.iter().map(change).collect::<Result<_, _>>()?)
}

async fn linked<C: Conn>(
    c: &mut C,
    spec: &'static Spec,
    actor: Actor,
    contact_id: i64,
    limit: i64,
) -> ApiResult<Vec<Record>> {
    let sql = format!(
        "SELECT {} FROM {} WHERE user_id = $1 AND contact_id = $2 AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT $3",
        spec.columns(),
        spec.table
    );
    let binds = [SqlValue::Int(Some(actor.user_id)), SqlValue::Int(Some(contact_id)), SqlValue::Int(Some(limit))];
    Ok(c.fetch(&sql, &binds, spec.shape()).await?.iter().map(|r| to_record(spec, r)).collect())
}

fn at(rec: &Record, key: &str) -> DateTime<Utc> {
    rec.get(key)
        .and_then(Json::as_str)
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}

fn s<'a>(rec: &'a Record, key: &str) -> &'a str {
    rec.get(key).and_then(Json::as_str).unwrap_or("")
}

fn item(kind: &str, entity: &str, rec: &Record, summary: String) -> TimelineItem {
    TimelineItem {
        at: at(rec, "created_at"),
        kind: kind.into(),
        entity: entity.into(),
        entity_id: rec.get("id").and_then(Json::as_i64).unwrap_or_default(),
        summary,
        detail: Json::Object(rec.clone()),
    }
}

/// Activities, opportunities, deals, deal stage changes and edits of a live contact of the
/// user, newest first.
pub async fn contact_timeline<C: Conn>(
    c: &mut C,
    actor: Actor,
    contact_id: i64,
    limit: i64,
) -> ApiResult<Vec<TimelineItem>> {
    records::get(c, &CONTACTS, actor, contact_id).await?;
    let mut items = Vec::new();
    for a in linked(c, &ACTIVITIES, actor, contact_id, limit).await? {
        let desc = s(&a, "description");
        let summary = if desc.is_empty() { s(&a, "type").to_string() } else { format!("{}: {desc}", s(&a, "type")) };
        items.push(item("activity", "activity", &a, summary));
    }
    for o in linked(c, &OPPORTUNITIES, actor, contact_id, limit).await? {
        let summary = format!(
            "Opportunity {:?} opened ({} {}, {})",
            s(&o, "name"),
            s(&o, "value"),
            s(&o, "currency"),
            s(&o, "stage")
        );
        items.push(item("opportunity", "opportunity", &o, summary));
    }
    let deals = linked(c, &DEALS, actor, contact_id, limit).await?;
    for d in &deals {
        let summary = format!("Deal {:?} created ({} {})", s(d, "name"), s(d, "amount"), s(d, "currency"));
        items.push(item("deal", "deal", d, summary));
        let deal_id = d.get("id").and_then(Json::as_i64).unwrap_or_default();
        let sql = format!(
            "{CHANGE_SELECT} WHERE h.user_id = $1 AND h.deal_id = $2 AND h.from_stage IS NOT NULL \
             ORDER BY h.changed_at DESC, h.id DESC LIMIT $3"
        );
        let binds = [SqlValue::Int(Some(actor.user_id)), SqlValue::Int(Some(deal_id)), SqlValue::Int(Some(limit))];
        let rows = c.fetch(&sql, &binds, CHANGE).await?;
        for ch in rows.iter().map(change) {
            let ch = ch?;
            let from = ch.from_stage.as_deref().unwrap_or("-");
            items.push(TimelineItem {
                at: ch.changed_at,
                kind: "stage_change".into(),
                entity: "deal".into(),
                entity_id: deal_id,
                summary: format!("Deal {:?} moved from {from} to {}", s(d, "name"), ch.to_stage),
                detail: json!(ch),
            });
        }
    }
    let edits =
        super::audit::list(c, actor, Some("contact"), Some(contact_id), None, u32::try_from(limit).unwrap_or(100))
            .await?;
    for e in edits {
        let fields: Vec<&String> = e.changes.as_object().map(|m| m.keys().collect()).unwrap_or_default();
        let summary = match e.action.as_str() {
            "create" => "Contact created".to_string(),
            "update" => format!("Contact edited: {}", fields.iter().map(|f| f.as_str()).collect::<Vec<_>>().join(", ")),
            other => format!("Contact {other}d"),
        };
        items.push(TimelineItem {
            at: e.created_at,
            kind: "edit".into(),
            entity: "contact".into(),
            entity_id: contact_id,
            summary,
            detail: json!(e),
        });
    }
    items.sort_by_key(|i| std::cmp::Reverse(i.at));
    items.truncate(usize::try_from(limit).unwrap_or(100));
    Ok(items)
}
