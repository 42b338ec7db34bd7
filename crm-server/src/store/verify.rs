//! What `crm-server db verify` checks of the data, beyond the engine's own checks: every row
//! has an owner, links stay within one user, each record's stage agrees with its stage history
//! and with its stage, and the figures' sums equal a recomputation from the records.

use std::collections::BTreeSet;

use crate::db::{Col, Conn, Dialect};
use crate::error::ApiResult;
use crate::store::spec::{self, Kind};
use crate::store::sums;

/// One check and what it found wrong (nothing when it passed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub check: &'static str,
    pub problems: Vec<String>,
}

/// Every check of this module, in order, on one snapshot of the database (servers writing
/// meanwhile change nothing of what is compared).
pub async fn all<C: Conn>(c: &mut C) -> ApiResult<Vec<Finding>> {
    let begin = match c.dialect() {
        Dialect::Sqlite => "BEGIN",
        Dialect::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
    };
    c.execute(begin, &[]).await?;
    let found = checks(c).await;
    let ended = c.execute(if found.is_ok() { "COMMIT" } else { "ROLLBACK" }, &[]).await;
    let found = found?;
    ended?;
    Ok(found)
}

async fn checks<C: Conn>(c: &mut C) -> ApiResult<Vec<Finding>> {
    Ok(vec![
        Finding { check: "every row has an owner", problems: owners(c).await? },
        Finding { check: "links stay within one user", problems: links(c).await? },
        Finding { check: "stage history agrees with the records", problems: stages(c).await? },
        Finding { check: "summary tables equal a recomputation", problems: sums_equal(c).await? },
    ])
}

const COUNT: &crate::db::Shape = &[("n", Col::Int), ("first", Col::Int)];

/// Runs a `SELECT count(*) AS n, min(...) AS first` and, when it counts any, describes them.
async fn counted<C: Conn>(c: &mut C, sql: &str, what: impl FnOnce(i64, i64) -> String) -> ApiResult<Option<String>> {
    let row = c.fetch_one(sql, &[], COUNT).await?;
    let n = row.as_ref().and_then(|r| r.int("n").ok().flatten()).unwrap_or(0);
    let first = row.as_ref().and_then(|r| r.int("first").ok().flatten()).unwrap_or(0);
    Ok((n > 0).then(|| what(n, first)))
}

/// The tables with a `user_id` column.
async fn owned_tables<C: Conn>(c: &mut C) -> ApiResult<Vec<String>> {
    let sql = match c.dialect() {
        Dialect::Sqlite => {
            "SELECT m.name AS t FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND p.name = 'user_id' ORDER BY m.name"
        }
        Dialect::Postgres => {
            "SELECT c.table_name::text AS t FROM information_schema.columns c \
             JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name \
             WHERE c.table_schema = current_schema() AND c.column_name = 'user_id' AND t.table_type = 'BASE TABLE' \
             ORDER BY 1"
        }
    };
    let rows = c.fetch(sql, &[], &[("t", Col::Text)]).await?;
    Ok(rows.iter().filter_map(|r| r.text("t").ok().flatten().map(str::to_string)).collect())
}

/// Rows whose `user_id` names no user.
async fn owners<C: Conn>(c: &mut C) -> ApiResult<Vec<String>> {
    let mut problems = Vec::new();
    for table in owned_tables(c).await? {
        let sql = format!(
            "SELECT count(*) AS n, min(r.user_id) AS first FROM {table} r \
             WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = r.user_id)"
        );
        problems.extend(
            counted(c, &sql, |n, first| format!("{table}: {n} rows owned by no user (user id {first}, ...)")).await?,
        );
    }
    Ok(problems)
}

/// Links (a deal's contact, a record's stage, ...) to a missing row or to another user's.
async fn links<C: Conn>(c: &mut C) -> ApiResult<Vec<String>> {
    let mut problems = Vec::new();
    for s in spec::ALL {
        for f in s.fields {
            let Kind::Link(target) = f.kind else { continue };
            let (table, column) = (s.table, f.name);
            let sql = format!(
                "SELECT count(*) AS n, min(r.id) AS first FROM {table} r LEFT JOIN {target} l ON l.id = r.{column} \
                 WHERE r.{column} IS NOT NULL AND (l.id IS NULL OR l.user_id <> r.user_id)"
            );
            problems.extend(
                counted(c, &sql, |n, first| {
                    format!(
                        "{table}.{column}: {n} rows link to a missing {} or another user's (id {first}, ...)",
                        spec::entity_of(target)
                    )
                })
                .await?,
            );
        }
    }
    Ok(problems)
}

/// Each live record with a stage: its latest stage change leads to that stage, and the stage
/// is of its pipeline, its owner's, not deleted, and named as the record says.
async fn stages<C: Conn>(c: &mut C) -> ApiResult<Vec<String>> {
    let mut problems = Vec::new();
    for s in spec::ALL {
        let Some(h) = s.hooks.stages else { continue };
        let (table, history, key) = (s.table, h.table, h.key);
        let sql = format!(
            "SELECT count(*) AS n, min(r.id) AS first FROM {table} r \
             WHERE r.deleted_at IS NULL AND r.stage_id IS NOT NULL AND COALESCE(( \
               SELECT h.to_stage_id FROM {history} h WHERE h.user_id = r.user_id AND h.{key} = r.id \
               ORDER BY h.changed_at DESC, h.id DESC LIMIT 1), 0) <> r.stage_id"
        );
        problems.extend(
            counted(c, &sql, |n, first| {
                format!("{table}: {n} records whose latest change in {history} does not lead to their stage (id {first}, ...)")
            })
            .await?,
        );
        let sql = format!(
            "SELECT count(*) AS n, min(r.id) AS first FROM {table} r JOIN stages s ON s.id = r.stage_id \
             WHERE r.deleted_at IS NULL AND (s.name <> r.stage OR s.pipeline_id <> r.pipeline_id \
               OR s.user_id <> r.user_id OR s.deleted_at IS NOT NULL)"
        );
        problems.extend(
            counted(c, &sql, |n, first| {
                format!(
                    "{table}: {n} records whose stage is misnamed, deleted or of another pipeline (id {first}, ...)"
                )
            })
            .await?,
        );
    }
    Ok(problems)
}

/// Each user's sums as stored against a recomputation from their records (users whose sums
/// are waiting to be rebuilt after a migration are skipped: the server rebuilds them when it
/// opens the database).
async fn sums_equal<C: Conn>(c: &mut C) -> ApiResult<Vec<String>> {
    let pending: BTreeSet<i64> = sums::pending_rebuilds(c).await?.into_iter().collect();
    let users = c.fetch("SELECT id FROM users ORDER BY id", &[], &[("id", Col::Int)]).await?;
    let mut problems = Vec::new();
    for r in users {
        let user = r.req_int("id")?;
        if pending.contains(&user) {
            continue;
        }
        let stored = sums::stored(c, user).await?;
        let mut expected = sums::expected(c, user).await?;
        expected.drop_zeros();
        if stored != expected {
            let cells: BTreeSet<_> = stored.0.keys().chain(expected.0.keys()).collect();
            let wrong = cells.into_iter().filter(|k| stored.0.get(*k) != expected.0.get(*k)).count();
            problems.push(format!("user {user}: {wrong} summary rows differ from a recomputation"));
        }
    }
    Ok(problems)
}
