//! The health check of the product document: table count, server version, user count.

use sea_orm::{ConnectionTrait, DbErr, Statement};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Health {
    /// Base tables in the `public` schema, the migration bookkeeping table included.
    pub table_count: i64,
    /// `15.19`, without the distribution suffix.
    pub postgres_version: String,
    pub user_count: i64,
}

/// One round trip: all three figures come from a single statement.
pub async fn check(db: &impl ConnectionTrait) -> Result<Health, DbErr> {
    let sql = "SELECT \
        (SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE') AS table_count, \
        split_part(current_setting('server_version'), ' ', 1) AS postgres_version, \
        (SELECT count(*) FROM users) AS user_count";
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("health".into()))?;
    Ok(Health {
        table_count: row.try_get("", "table_count")?,
        postgres_version: row.try_get("", "postgres_version")?,
        user_count: row.try_get("", "user_count")?,
    })
}
