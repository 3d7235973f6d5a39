//! The migrated template database, built once per run even across parallel test processes.

use std::collections::BTreeSet;
use std::time::{Duration, SystemTime};

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement};
use sea_orm_migration::MigratorTrait;
use tokio::sync::Mutex;

use crate::util::{self, quote_ident};

const PREFIX: &str = "cybershield_template_";
/// Session advisory lock serialising template builds across processes ("CSTESTKT").
const LOCK_KEY: i64 = 0x4353_5445_5354_4b54;
/// Test databases older than this were left by a killed process.
const ABANDONED_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

/// Templates this process has checked; the async lock also serialises checks within it.
static ENSURED: Mutex<BTreeSet<String>> = Mutex::const_new(BTreeSet::new());

/// `cybershield_template_<12 hex>` from the migration names and the workspace's migration sources.
pub(crate) fn name<M: MigratorTrait>() -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut write = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for migration in M::migrations() {
        write(migration.name().as_bytes());
        write(b"\n");
    }
    write(env!("CYBERSHIELD_MIGRATION_SOURCES_HASH").as_bytes());
    // Row security is derived from the registered tables, not from migration files.
    let tables = cybershield_migration::domains().into_iter().flat_map(|d| d.tables).collect();
    if let Ok(catalog) = cybershield_core::schema::Catalog::build(tables, Default::default()) {
        for statement in cybershield_core::schema::security::statements(&catalog) {
            write(statement.as_bytes());
        }
    }
    format!("{PREFIX}{:012x}", hash >> 16)
}

/// Makes sure the template for `M` exists on the server and returns its name.
pub(crate) async fn ensure<M: MigratorTrait>(admin_url: &str) -> Result<String, DbErr> {
    let name = name::<M>();
    let mut ensured = ENSURED.lock().await;
    if ensured.contains(&name) {
        return Ok(name);
    }
    // One connection, so the session lock and everything under it share it.
    let admin = util::connect(admin_url, 1).await?;
    admin.execute_unprepared(&format!("SELECT pg_advisory_lock({LOCK_KEY})")).await?;
    let result = build::<M>(&admin, admin_url, &name).await;
    let _ = admin.execute_unprepared(&format!("SELECT pg_advisory_unlock({LOCK_KEY})")).await;
    let _ = admin.close().await;
    result?;
    ensured.insert(name.clone());
    Ok(name)
}

/// Forget that `name` was checked, after it disappeared.
pub(crate) async fn forget(name: &str) {
    ENSURED.lock().await.remove(name);
}

/// Under the advisory lock: build the template unless present, and sweep what earlier runs left.
async fn build<M: MigratorTrait>(admin: &DatabaseConnection, admin_url: &str, name: &str) -> Result<(), DbErr> {
    if !util::database_exists(admin, name).await? {
        // Built under a temporary name so that no one clones a half-migrated template.
        let tmp = format!("{name}_tmp");
        util::drop_database(admin, &tmp).await?;
        admin.execute_unprepared(&format!("CREATE DATABASE {}", quote_ident(&tmp))).await?;
        let migrated = async {
            let db = util::connect(&util::with_database(admin_url, &tmp), 1).await?;
            let mut result = M::up(&db, None).await;
            if result.is_ok() {
                result = cybershield_migration::apply_row_security(&db).await;
            }
            if let Err(e) = &result {
                // Each migration commits on its own, so the first unrecorded one is the culprit.
                if let Some(failed) = first_pending::<M>(&db).await {
                    result = Err(DbErr::Migration(format!("migration {failed} failed: {e}")));
                }
            }
            // RENAME needs every connection to it gone.
            db.close().await?;
            result
        }
        .await;
        if let Err(e) = migrated {
            let _ = util::drop_database(admin, &tmp).await;
            return Err(e);
        }
        admin
            .execute_unprepared(&format!("ALTER DATABASE {} RENAME TO {}", quote_ident(&tmp), quote_ident(name)))
            .await?;
        admin.execute_unprepared(&format!("ALTER DATABASE {} IS_TEMPLATE true", quote_ident(name))).await?;
    }
    sweep(admin, name).await
}

async fn first_pending<M: MigratorTrait>(db: &DatabaseConnection) -> Option<String> {
    let rows = db
        .query_all_raw(Statement::from_string(DbBackend::Postgres, "SELECT version FROM seaql_migrations"))
        .await
        .unwrap_or_default();
    let applied: BTreeSet<String> = rows.iter().filter_map(|row| row.try_get("", "version").ok()).collect();
    M::migrations().iter().map(|m| m.name().to_owned()).find(|name| !applied.contains(name))
}

/// Drops templates of other migration sets (and unfinished ones: the lock is ours) and test
/// databases a killed process left behind.
async fn sweep(admin: &DatabaseConnection, keep: &str) -> Result<(), DbErr> {
    let rows = admin
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            r"SELECT datname FROM pg_database WHERE datname LIKE 'cybershield\_template\_%' OR datname LIKE 'cs\_test\_%'",
        ))
        .await?;
    for row in rows {
        let datname: String = row.try_get("", "datname")?;
        let stale = if datname.starts_with(PREFIX) { datname != keep } else { abandoned_test_database(&datname) };
        if stale {
            util::drop_database(admin, &datname).await?;
        }
    }
    Ok(())
}

/// `cs_test_<uuid v7>` whose timestamp is older than [`ABANDONED_AFTER`].
fn abandoned_test_database(datname: &str) -> bool {
    let Some(created) = datname
        .strip_prefix("cs_test_")
        .and_then(|hex| uuid::Uuid::try_parse(hex).ok())
        .and_then(|id| id.get_timestamp())
    else {
        return false;
    };
    let (secs, _) = created.to_unix();
    let created = SystemTime::UNIX_EPOCH + Duration::from_secs(secs);
    SystemTime::now().duration_since(created).is_ok_and(|age| age > ABANDONED_AFTER)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cybershield_core::migration::{MigrationTrait, SqlMigration};

    /// Fails in its second migration; a failed build sweeps nothing, so it is safe to run
    /// next to the real template.
    struct BrokenMigrator;

    impl MigratorTrait for BrokenMigrator {
        fn migrations() -> Vec<Box<dyn MigrationTrait>> {
            vec![
                Box::new(SqlMigration {
                    name: "m20000101_000001_testkit_fine",
                    up: "CREATE TABLE fine (id int)",
                    down: "DROP TABLE fine",
                }),
                Box::new(SqlMigration {
                    name: "m20000101_000002_testkit_broken",
                    up: "SELECT * FROM no_such_table",
                    down: "",
                }),
            ]
        }
    }

    #[tokio::test]
    async fn a_failing_migration_is_named_and_leaves_nothing_behind() {
        let admin_url = crate::base_url().await;
        let err = ensure::<BrokenMigrator>(admin_url).await.unwrap_err().to_string();
        assert!(err.contains("m20000101_000002_testkit_broken"), "{err}");
        assert!(err.contains("no_such_table"), "{err}");

        let admin = util::connect(admin_url, 1).await.unwrap();
        let tmp = format!("{}_tmp", name::<BrokenMigrator>());
        assert!(!util::database_exists(&admin, &tmp).await.unwrap());
        assert!(!util::database_exists(&admin, &name::<BrokenMigrator>()).await.unwrap());
        admin.close().await.unwrap();
    }

    #[test]
    fn recent_test_databases_are_not_abandoned() {
        let fresh = format!("cs_test_{}", uuid::Uuid::now_v7().simple());
        assert!(!abandoned_test_database(&fresh));
        let old = uuid::Uuid::new_v7(uuid::Timestamp::from_unix(uuid::NoContext, 1_000_000_000, 0));
        assert!(abandoned_test_database(&format!("cs_test_{}", old.simple())));
        assert!(!abandoned_test_database("cs_test_not_a_uuid"));
    }
}
