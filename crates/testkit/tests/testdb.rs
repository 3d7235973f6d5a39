//! TestDb against a real server (or the throwaway cluster testkit starts when none answers).

use cybershield_testkit::sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement};
use cybershield_testkit::{Migrator, TestDb, base_url};
use sea_orm_migration::MigratorTrait;

fn sql(text: &str) -> Statement {
    Statement::from_string(DbBackend::Postgres, text)
}

async fn table_exists(db: &DatabaseConnection, table: &str) -> bool {
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT to_regclass($1) IS NOT NULL AS present",
            [table.into()],
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get("", "present").unwrap()
}

async fn database_exists(name: &str) -> bool {
    let admin = Database::connect(base_url().await).await.unwrap();
    let row = admin
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT 1 FROM pg_database WHERE datname = $1",
            [name.into()],
        ))
        .await
        .unwrap();
    admin.close().await.unwrap();
    row.is_some()
}

#[tokio::test]
async fn two_test_databases_are_separate() {
    let a = TestDb::new().await;
    let b = TestDb::new().await;
    assert_ne!(a.name, b.name);

    a.db.execute_unprepared("CREATE TABLE only_in_a (id int)").await.unwrap();
    assert!(table_exists(&a.db, "only_in_a").await);
    assert!(!table_exists(&b.db, "only_in_a").await);
}

#[tokio::test]
async fn test_database_starts_fully_migrated() {
    let t = TestDb::new().await;
    let row = t.db.query_one_raw(sql("SELECT count(*) AS n FROM seaql_migrations")).await.unwrap().unwrap();
    let applied: i64 = row.try_get("", "n").unwrap();
    assert_eq!(applied as usize, Migrator::migrations().len());
}

#[tokio::test]
async fn database_is_gone_after_drop() {
    let t = TestDb::new().await;
    let name = t.name.clone();
    assert!(database_exists(&name).await);
    // An open connection (as a test may leave behind) must not keep it alive.
    let (_still_open, _) = t.counted();
    drop(t);
    assert!(!database_exists(&name).await);
}

#[tokio::test]
async fn database_is_gone_after_cleanup() {
    let t = TestDb::new().await;
    let name = t.name.clone();
    t.cleanup().await;
    assert!(!database_exists(&name).await);
}

#[tokio::test]
async fn counter_counts_each_statement_on_its_connection_only() {
    let t = TestDb::new().await;
    let (db, counter) = t.counted();

    db.execute_raw(sql("CREATE TABLE counted (id int)")).await.unwrap();
    db.execute_raw(sql("INSERT INTO counted VALUES (1)")).await.unwrap();
    db.query_all_raw(sql("SELECT id FROM counted")).await.unwrap();
    assert_eq!(counter.count(), 3, "{:#?}", counter.statements());
    assert_eq!(counter.statements()[2], "SELECT id FROM counted");

    // The uncounted handle shares the database but not the counter.
    t.db.query_all_raw(sql("SELECT id FROM counted")).await.unwrap();
    assert_eq!(counter.count(), 3);

    counter.reset();
    assert_eq!(counter.count(), 0);
}
