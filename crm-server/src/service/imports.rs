//! Imports: batches of one file under one id, so that an interrupted import is resumed (each
//! batch applied once, see [`super::batch`]) and a finished one undone.

use crm_api::imports::{Import, UndoReport};

use crate::db::Db;
use crate::error::{ApiError, ApiResult};
use crate::store::imports;
use crate::store::records::Actor;

/// Starts an import of `entity` (a path: `contacts`, ...).
pub async fn create(db: &Db, actor: Actor, entity: &str, name: &str) -> ApiResult<Import> {
    let Some(spec) = crate::store::spec::named(entity).filter(|s| s.table == entity) else {
        return Err(ApiError::invalid("entity", "must be contacts, opportunities, deals or activities"));
    };
    let name = name.trim().to_string();
    let entity = spec.table;
    db.write(async move |c| imports::create(c, actor, entity, &name).await).await
}

/// The user's imports, newest first.
pub async fn list(db: &Db, actor: Actor, limit: u32) -> ApiResult<Vec<Import>> {
    db.read(async |c| imports::list(c, actor, i64::from(limit)).await).await
}

pub async fn get(db: &Db, actor: Actor, id: i64) -> ApiResult<Import> {
    db.read(async |c| imports::get(c, actor, id).await).await
}

/// Reverts an import: records it created to the trash, fields it updated set back, where
/// nothing changed them since.
pub async fn undo(db: &Db, actor: Actor, id: i64) -> ApiResult<UndoReport> {
    db.write(async move |c| imports::undo(c, actor, id).await).await
}
