//! The embedded PostgreSQL against the installed server binaries. Run as root (as in CI) these
//! exercise the unprivileged-user path.

use std::path::PathBuf;

use cybershield_core::embedded::{EmbeddedOptions, EmbeddedPostgres};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement};

/// A fresh directory under /tmp; /tmp is searchable by every user, unlike e.g. /root.
fn scratch_dir(label: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    PathBuf::from(format!("/tmp/cybershield-core-{label}-{}-{nanos}", std::process::id()))
}

async fn scalar_i32(db: &DatabaseConnection, sql: &str) -> i32 {
    let row = db.query_one_raw(Statement::from_string(DbBackend::Postgres, sql)).await.unwrap().unwrap();
    row.try_get_by_index(0).unwrap()
}

#[tokio::test]
async fn ephemeral_cluster_answers_and_is_removed_on_stop() {
    let base = scratch_dir("ephemeral");
    let data_dir = base.join("pgdata");
    let pg = EmbeddedPostgres::start(EmbeddedOptions::ephemeral(&data_dir, "cybershield")).await.unwrap();
    assert!(!pg.reused());
    assert!(data_dir.join("PG_VERSION").exists());

    let db = Database::connect(pg.url("cybershield")).await.unwrap();
    assert_eq!(scalar_i32(&db, "SELECT 1").await, 1);
    db.close().await.unwrap();

    pg.stop().await.unwrap();
    assert!(!data_dir.exists(), "ephemeral data dir must be removed on stop");
    assert!(!base.exists(), "the parent we created (log, socket dir) must go too");
}

#[tokio::test]
async fn persistent_cluster_keeps_its_data_across_restarts() {
    let base = scratch_dir("persistent");
    let data_dir = base.join("pgdata");
    let opts = EmbeddedOptions::persistent(&data_dir, "cybershield");

    let pg = EmbeddedPostgres::start(opts.clone()).await.unwrap();
    let db = Database::connect(pg.url("cybershield")).await.unwrap();
    db.execute_unprepared("CREATE TABLE survivors (id int PRIMARY KEY); INSERT INTO survivors VALUES (42)")
        .await
        .unwrap();
    db.close().await.unwrap();

    // A second start while the first server runs reuses it and leaves it running.
    let again = EmbeddedPostgres::start(opts.clone()).await.unwrap();
    assert!(again.reused());
    assert_eq!(again.port(), pg.port());
    again.stop().await.unwrap();
    let db = Database::connect(pg.url("cybershield")).await.unwrap();
    assert_eq!(scalar_i32(&db, "SELECT 1").await, 1, "stopping a reused server must not stop it");
    db.close().await.unwrap();

    pg.stop().await.unwrap();
    assert!(data_dir.join("PG_VERSION").exists(), "persistent data dir must survive stop");

    let pg = EmbeddedPostgres::start(opts).await.unwrap();
    assert!(!pg.reused());
    let db = Database::connect(pg.url("cybershield")).await.unwrap();
    assert_eq!(scalar_i32(&db, "SELECT id FROM survivors").await, 42);
    db.close().await.unwrap();
    pg.stop().await.unwrap();

    std::fs::remove_dir_all(&base).unwrap();
}

#[tokio::test]
async fn drop_stops_the_server() {
    let base = scratch_dir("drop");
    let data_dir = base.join("pgdata");
    let pg = EmbeddedPostgres::start(EmbeddedOptions::ephemeral(&data_dir, "postgres")).await.unwrap();
    let port = pg.port();
    drop(pg);
    assert!(!data_dir.exists());
    assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err(), "server still listening on {port}");
}

#[tokio::test]
async fn unreachable_data_dir_under_root_says_how_to_fix_it() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    // Only root switches to the server user; /proc/self is owned by the effective uid.
    if std::fs::metadata("/proc/self").map(|m| m.uid()).unwrap_or(1) != 0 {
        return;
    }
    let base = scratch_dir("unreachable");
    std::fs::create_dir_all(&base).unwrap();
    std::fs::set_permissions(&base, std::fs::Permissions::from_mode(0o700)).unwrap();
    let err = EmbeddedPostgres::start(EmbeddedOptions::ephemeral(base.join("a/pgdata"), "postgres"))
        .await
        .unwrap_err()
        .to_string();
    std::fs::remove_dir_all(&base).unwrap();
    assert!(err.contains("CYBERSHIELD_PGDATA") && err.contains("o+x"), "{err}");
}

#[tokio::test]
async fn start_failure_reports_the_server_log_and_leaves_nothing_behind() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = scratch_dir("port-taken");
    let data_dir = base.join("pgdata");
    let opts = EmbeddedOptions {
        port: Some(taken.local_addr().unwrap().port()),
        ..EmbeddedOptions::ephemeral(&data_dir, "postgres")
    };
    let err = EmbeddedPostgres::start(opts).await.unwrap_err().to_string();
    assert!(err.contains("could not bind"), "the log tail explains why: {err}");
    assert!(!base.exists(), "an ephemeral cluster that failed to start must be removed");
}
