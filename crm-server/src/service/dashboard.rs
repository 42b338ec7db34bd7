//! The dashboard: the layout each user chose.

use crm_api::dashboard::{DashboardLayout, NewDashboardLayout};

use crate::db::Db;
use crate::error::ApiResult;
use crate::store::dashboard;
use crate::store::records::Actor;

/// The user's layout: the one they saved, or the default one (version 0).
pub async fn layout(db: &Db, actor: Actor) -> ApiResult<DashboardLayout> {
    db.read(async |c| dashboard::get(c, actor).await).await
}

/// Saves the user's layout, if its version is still `expected` (when given).
pub async fn save_layout(
    db: &Db,
    actor: Actor,
    new: NewDashboardLayout,
    expected: Option<i64>,
) -> ApiResult<DashboardLayout> {
    db.write(async move |c| dashboard::put(c, actor, &new, expected).await).await
}
