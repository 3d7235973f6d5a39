//! Graceful shutdown with the real router: an in-flight mutation is committed and answered while
//! new connections are refused; a request still running when the grace period ends is cut off
//! and commits nothing; and SIGTERM stops `cybershield serve` together with the embedded
//! PostgreSQL it started.
//!
//! A mutation is kept in flight by a table lock that the test holds (no sleeps): the test sees it
//! waiting in `pg_stat_activity`, then acts.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use cybershield::serve::serve_until;
use cybershield_core::config::{Config, PoolConfig};
use cybershield_testkit::TestDb;
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, Statement, TransactionTrait};
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::support::{client, sign_in_admin};

const CREATE: &str = "mutation($name: String!) { createProject(input: {name: $name}) { id name } }";

/// Polls `condition` every 20 ms until it holds; panics with `what` after `limit`.
async fn wait_until<F, Fut>(what: &str, limit: Duration, mut condition: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = Instant::now() + limit;
    while !condition().await {
        assert!(Instant::now() < deadline, "timed out after {limit:?} waiting until {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn count(db: &DatabaseConnection, sql: &str, values: Vec<sea_orm::Value>) -> i64 {
    let row =
        db.query_one_raw(Statement::from_sql_and_values(DbBackend::Postgres, sql, values)).await.unwrap().unwrap();
    row.try_get_by_index(0).unwrap()
}

/// Locks `projects` against inserts until the transaction ends.
async fn lock_projects(db: &DatabaseConnection) -> DatabaseTransaction {
    let tx = db.begin().await.unwrap();
    tx.execute_unprepared("LOCK TABLE projects IN EXCLUSIVE MODE").await.unwrap();
    tx
}

/// Until a statement of this database waits for a lock (the mutation reached its INSERT).
async fn wait_for_blocked_statement(db: &DatabaseConnection) {
    wait_until("the mutation waits for the table lock", Duration::from_secs(10), || async {
        count(
            db,
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
            vec![],
        )
        .await
            > 0
    })
    .await;
}

fn create_project(
    addr: SocketAddr,
    token: &str,
    name: &str,
) -> tokio::task::JoinHandle<reqwest::Result<reqwest::Response>> {
    let request = client()
        .post(format!("http://{addr}/graphql"))
        .bearer_auth(token)
        .json(&json!({ "query": CREATE, "variables": { "name": name } }))
        .send();
    tokio::spawn(request)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_in_flight_mutation_is_committed_and_answered() {
    let test_db = TestDb::new().await;
    let app = cybershield::app(test_db.db.clone(), &Config::default()).unwrap();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let shutdown = async {
        stopped.await.ok();
    };
    let server = tokio::spawn(serve_until(listener, app, shutdown, std::future::pending(), Duration::from_secs(30)));
    let token = sign_in_admin(&test_db.db, addr, "drain@example.com").await;

    let lock = lock_projects(&test_db.db).await;
    let request = create_project(addr, &token, "in-flight");
    wait_for_blocked_statement(&test_db.db).await;

    stop.send(()).unwrap();
    wait_until("new connections are refused", Duration::from_secs(5), || async {
        tokio::net::TcpStream::connect(addr).await.is_err()
    })
    .await;
    assert!(!request.is_finished(), "the mutation cannot finish while the table is locked");

    lock.commit().await.unwrap();
    let response = request.await.unwrap().expect("the in-flight mutation is answered");
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert!(body.get("errors").is_none(), "{body}");
    let id = body["data"]["createProject"]["id"].as_str().unwrap_or_else(|| panic!("{body}")).to_string();
    tokio::time::timeout(Duration::from_secs(5), server)
        .await
        .expect("the server stops once drained")
        .unwrap()
        .unwrap();

    let committed =
        count(&test_db.db, "SELECT count(*) FROM projects WHERE id = $1::uuid AND name = 'in-flight'", vec![id.into()])
            .await;
    assert_eq!(committed, 1, "the acknowledged project is committed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_past_the_grace_period_is_cut_off() {
    let grace = Duration::from_millis(300);
    let test_db = TestDb::new().await;
    // The gateway lives in a runtime of its own, dropped when `serve_until` returns: what the
    // process exiting does to the requests still running.
    let (addr_tx, addr_rx) = std::sync::mpsc::channel::<SocketAddr>();
    let (stop, stopped) = oneshot::channel::<()>();
    let url = test_db.url.clone();
    let gateway = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let served = runtime.block_on(async move {
            let pool = PoolConfig { size: 4, max_overflow: 0, ..PoolConfig::default() };
            let db = cybershield_core::db::connect(&url, &pool).await.unwrap();
            let app = cybershield::app(db, &Config::default()).unwrap();
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            addr_tx.send(listener.local_addr().unwrap()).unwrap();
            let (signal_tx, signal_rx) = oneshot::channel::<Instant>();
            let shutdown = async move {
                stopped.await.ok();
                let _ = signal_tx.send(Instant::now());
            };
            serve_until(listener, app, shutdown, std::future::pending(), grace).await.unwrap();
            // How long after the signal `serve_until` gave up.
            signal_rx.await.ok().map(|at| at.elapsed())
        });
        drop(runtime);
        served
    });
    let addr = tokio::task::spawn_blocking(move || addr_rx.recv().unwrap()).await.unwrap();
    let token = sign_in_admin(&test_db.db, addr, "cutoff@example.com").await;

    let lock = lock_projects(&test_db.db).await;
    let request = create_project(addr, &token, "cut-off");
    wait_for_blocked_statement(&test_db.db).await;
    stop.send(()).unwrap();
    let waited = tokio::task::spawn_blocking(move || gateway.join().unwrap())
        .await
        .unwrap()
        .expect("serve_until returned after the shutdown signal");
    assert!(waited >= grace, "the grace period was not waited for: {waited:?}");
    assert!(waited < grace + Duration::from_secs(3), "shutdown took {waited:?}");

    let outcome = tokio::time::timeout(Duration::from_secs(10), request).await.expect("the client hears back").unwrap();
    assert!(outcome.is_err(), "the request past the grace period must be cut off, got {outcome:?}");

    // The gateway's transaction, still waiting for the lock, is rolled back once it is granted.
    lock.commit().await.unwrap();
    wait_until("the gateway's connections are gone", Duration::from_secs(10), || async {
        count(
            &test_db.db,
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1",
            vec![cybershield_core::db::APPLICATION_NAME.into()],
        )
        .await
            == 0
    })
    .await;
    let committed = count(&test_db.db, "SELECT count(*) FROM projects WHERE name = 'cut-off'", vec![]).await;
    assert_eq!(committed, 0, "a request cut off by the grace period commits nothing");
}

/// `cybershield serve` on its embedded PostgreSQL (no `DATABASE_URL`), stopped by SIGTERM: it exits
/// 0 and the PostgreSQL it started is stopped (its `postmaster.pid` is gone).
#[test]
fn sigterm_stops_serve_and_its_embedded_postgres() {
    let base = scratch_dir("sigterm");
    let mut guard = ServeGuard { child: None, base: base.clone() };
    let data_dir = base.join("pgdata");
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let log = std::fs::File::create(base.join("serve.log")).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_cybershield"));
    command.arg("serve").env_clear().current_dir(&base).stdin(Stdio::null()).stdout(Stdio::null()).stderr(log);
    for name in ["PATH", "CYBERSHIELD_PG_BINDIR"] {
        if let Some(value) = std::env::var_os(name) {
            command.env(name, value);
        }
    }
    command
        .env("CYBERSHIELD_PGDATA", &data_dir)
        .env("CYBERSHIELD_BIND", format!("127.0.0.1:{port}"))
        // Serving is what matters here; migrating would only add seconds.
        .env("CYBERSHIELD_MIGRATE_ON_START", "false")
        .env("RUST_LOG", "info");
    let child = guard.child.insert(command.spawn().expect("start cybershield serve"));
    let pid = child.id();

    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("cybershield serve exited early ({status}):\n{}", guard.log());
        }
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        assert!(Instant::now() < deadline, "cybershield serve did not listen within 90 s:\n{}", guard.log());
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(data_dir.join("postmaster.pid").exists(), "the embedded PostgreSQL runs");

    let killed = Command::new("kill").args(["-TERM", &pid.to_string()]).status().unwrap();
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        let child = guard.child.as_mut().unwrap();
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "cybershield serve did not stop within 60 s of SIGTERM:\n{}", guard.log());
        std::thread::sleep(Duration::from_millis(50));
    };
    guard.child = None;
    assert!(status.success(), "exit status {status}:\n{}", guard.log());
    assert!(
        !data_dir.join("postmaster.pid").exists(),
        "the embedded PostgreSQL must be stopped with the gateway:\n{}",
        guard.log()
    );
    assert!(std::net::TcpStream::connect(("127.0.0.1", port)).is_err(), "the gateway still listens");
}

fn scratch_dir(label: &str) -> PathBuf {
    // Under /tmp: the embedded server's system user must be able to reach it (unlike /root).
    let dir = PathBuf::from(format!("/tmp/cybershield-gateway-{label}-{}", uuid::Uuid::now_v7().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Kills a `serve` left running by a failed test, waits for its watchdog to stop the embedded
/// PostgreSQL, and removes the directory.
struct ServeGuard {
    child: Option<Child>,
    base: PathBuf,
}

impl ServeGuard {
    fn log(&self) -> String {
        std::fs::read_to_string(self.base.join("serve.log")).unwrap_or_default()
    }
}

impl Drop for ServeGuard {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
            // The gateway's watchdog stops its PostgreSQL when the gateway dies.
            let pid_file = self.base.join("pgdata").join("postmaster.pid");
            let deadline = Instant::now() + Duration::from_secs(60);
            while pid_file.exists() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(50));
            }
        }
        let _ = std::fs::remove_dir_all(&self.base);
    }
}
