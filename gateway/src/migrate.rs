//! Migrations: `cybershield migrate …` and the migration of `serve` on start.
//!
//! Migrations run on a pool of their own without `statement_timeout` (building an index on a
//! large table takes longer than a request may), while holding a PostgreSQL advisory lock, so
//! replicas started together migrate one after the other instead of racing.

use cybershield_core::config::PoolConfig;
use cybershield_migration::Migrator;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, TransactionTrait};
use sea_orm_migration::{MigrationStatus, MigratorTrait};

/// `pg_advisory_xact_lock` key of the migration lock (the ASCII of "cybrshld").
pub const MIGRATION_LOCK_KEY: i64 = 0x6379_6272_7368_6c64;

/// What `cybershield migrate` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MigrateAction {
    /// Apply every pending migration.
    Up,
    /// Revert the last applied migration.
    Down,
    /// List every migration with its status; changes nothing.
    Status,
    /// Drop every table of the database, then apply every migration.
    Fresh,
}

/// One migration and whether it is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationState {
    pub name: String,
    pub applied: bool,
}

/// Runs `action` on the database at `url`, and returns the status of every migration afterwards.
pub async fn run(url: &str, pool: &PoolConfig, action: MigrateAction) -> Result<Vec<MigrationState>, DbErr> {
    let db = cybershield_core::db::connect(url, &migration_pool(pool)).await?;
    let result = run_on(&db, action).await;
    let _ = db.close().await;
    result
}

/// The migration pool: two connections (one holds the lock), no statement timeout, no recycling.
fn migration_pool(pool: &PoolConfig) -> PoolConfig {
    PoolConfig {
        size: 2,
        max_overflow: 0,
        min_idle: 0,
        timeout: pool.timeout,
        recycle: None,
        pre_ping: pool.pre_ping,
        statement_timeout: None,
    }
}

async fn run_on(db: &DatabaseConnection, action: MigrateAction) -> Result<Vec<MigrationState>, DbErr> {
    if action != MigrateAction::Status {
        // The lock lives as long as this transaction; the migrations run on the other connection.
        let lock = db.begin().await?;
        tracing::debug!("waiting for the migration lock");
        lock.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")).await?;
        let result = match action {
            MigrateAction::Up => match Migrator::up(db, None).await {
                Ok(()) => cybershield_migration::apply_row_security(db).await,
                Err(e) => Err(e),
            },
            MigrateAction::Down => Migrator::down(db, Some(1)).await,
            MigrateAction::Fresh => match Migrator::fresh(db).await {
                Ok(()) => cybershield_migration::apply_row_security(db).await,
                Err(e) => Err(e),
            },
            MigrateAction::Status => Ok(()),
        };
        let unlock = lock.rollback().await;
        result?;
        unlock?;
    }
    status(db).await
}

/// Every migration with its status, without creating the bookkeeping table.
pub async fn status(db: &DatabaseConnection) -> Result<Vec<MigrationState>, DbErr> {
    Ok(Migrator::get_migration_with_status_read_only(db)
        .await?
        .into_iter()
        .map(|m| MigrationState { name: m.name().to_owned(), applied: m.status() == MigrationStatus::Applied })
        .collect())
}

/// How many migrations are not applied yet.
pub async fn pending(db: &DatabaseConnection) -> Result<usize, DbErr> {
    Ok(Migrator::get_pending_migrations_read_only(db).await?.len())
}
