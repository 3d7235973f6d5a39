//! PostgreSQL going away under a steady write load, on a throwaway cluster of this test's own
//! (never the shared server): requests fail fast with UNAVAILABLE, `/readyz` says 503 while
//! `/healthz` stays 200, the pool recovers by itself once the server is back, and no write that
//! was acknowledged is lost.

use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cybershield::migrate::MigrateAction;
use cybershield_core::config::{Config, PoolConfig};
use cybershield_core::embedded::{EmbeddedOptions, EmbeddedPostgres, find_bin};
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::{Value, json};

use crate::support::{client, serve, sign_in_admin};

const CREATE: &str = "mutation($name: String!) { createProject(input: {name: $name}) { id } }";
/// `DB_POOL_TIMEOUT`'s default.
const POOL_TIMEOUT: Duration = Duration::from_secs(3);
/// Concurrent writers.
const WRITERS: usize = 4;

/// A cluster of the test's own, stopped and started with `pg_ctl`; dropping it stops the server
/// and deletes the cluster, also when the test fails.
struct Cluster {
    pg: EmbeddedPostgres,
    pg_ctl: PathBuf,
}

impl Cluster {
    async fn start() -> Cluster {
        // Under /tmp: the server's system user (when we are root) must reach it.
        let base = PathBuf::from(format!("/tmp/cybershield-gateway-outage-{}", uuid::Uuid::now_v7().simple()));
        let pg = EmbeddedPostgres::start(EmbeddedOptions::ephemeral(base.join("pgdata"), "cybershield"))
            .await
            .expect("a throwaway PostgreSQL");
        Cluster { pg, pg_ctl: find_bin("pg_ctl").unwrap() }
    }

    fn url(&self) -> String {
        self.pg.url("cybershield")
    }

    /// `pg_ctl …` as the owner of the data directory (PostgreSQL refuses root).
    fn pg_ctl(&self, args: &[&str]) {
        let owner = std::fs::metadata(self.pg.data_dir()).unwrap();
        let output = Command::new(&self.pg_ctl)
            .args(args)
            .arg("-D")
            .arg(self.pg.data_dir())
            .current_dir("/")
            .stdin(Stdio::null())
            .uid(owner.uid())
            .gid(owner.gid())
            .output()
            .unwrap();
        assert!(output.status.success(), "pg_ctl {args:?} failed: {}", String::from_utf8_lossy(&output.stderr));
    }

    async fn stop_server(&self) {
        tokio::task::block_in_place(|| self.pg_ctl(&["stop", "-w", "-m", "fast"]));
    }

    async fn start_server(&self) {
        let options =
            format!("-p {} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off", self.pg.port());
        let log = self.pg.log_file().to_str().unwrap().to_owned();
        tokio::task::block_in_place(|| self.pg_ctl(&["start", "-w", "-l", &log, "-o", &options]));
    }
}

/// What one write got: the project's id, or the error code (or transport failure).
#[derive(Debug, Clone)]
struct Write {
    done: Instant,
    result: Result<String, String>,
}

/// Posts `query` (with `token` unless empty); the created id, or the first error's code.
async fn post(
    client: &reqwest::Client,
    addr: std::net::SocketAddr,
    token: &str,
    query: &str,
    variables: Value,
) -> Result<String, String> {
    let mut request = client.post(format!("http://{addr}/graphql"));
    if !token.is_empty() {
        request = request.bearer_auth(token);
    }
    let response = request
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await
        .map_err(|e| format!("transport: {e}"))?;
    let status = response.status();
    let body: Value = response.json().await.map_err(|e| format!("HTTP {status}, not JSON: {e}"))?;
    if let Some(error) = body["errors"].get(0) {
        return Err(error["extensions"]["code"].as_str().map_or_else(|| format!("no code: {error}"), str::to_owned));
    }
    Ok(body["data"]["createProject"]["id"].as_str().map(str::to_owned).unwrap_or_else(|| body["data"].to_string()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_fail_fast_during_an_outage_and_recover_without_losing_writes() {
    let cluster = Cluster::start().await;
    let url = cluster.url();
    cybershield::migrate::run(&url, &PoolConfig::default(), MigrateAction::Up).await.expect("migrate");
    let pool = PoolConfig { size: 8, max_overflow: 0, min_idle: 1, timeout: POOL_TIMEOUT, ..PoolConfig::default() };
    let db = cybershield_core::db::connect(&url, &pool).await.unwrap();
    let (addr, server) = serve(db.clone(), &Config::default()).await;
    let token = sign_in_admin(&db, addr, "writer@example.com").await;

    // The steady write load: writers each sending one createProject after the other, so that
    // several commits are in flight when PostgreSQL stops; every outcome is recorded.
    let writes = Arc::new(Mutex::new(Vec::<Write>::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (0..WRITERS)
        .map(|w| {
            let (writes, stop, token) = (writes.clone(), stop.clone(), token.clone());
            tokio::spawn(async move {
                let client = client();
                let deadline = Instant::now() + Duration::from_secs(90);
                let mut n = 0;
                while !stop.load(Ordering::Relaxed) && Instant::now() < deadline {
                    n += 1;
                    let name = format!("load-{w}-{n}");
                    let result = post(&client, addr, &token, CREATE, json!({ "name": name })).await;
                    writes.lock().unwrap().push(Write { done: Instant::now(), result });
                }
            })
        })
        .collect();
    let successes_since = |since: Instant| {
        writes.lock().unwrap().iter().filter(|w| w.done > since && w.result.is_ok()).map(|w| w.done).collect::<Vec<_>>()
    };
    let began = Instant::now();
    wait_until("the writers have 20 acknowledged writes", Duration::from_secs(30), || {
        successes_since(began).len() >= 20
    })
    .await;

    cluster.stop_server().await;
    let stopped = Instant::now();
    let probe = async {
        let started = Instant::now();
        let result =
            post(&client(), addr, &token, "{ projects(first: 1) { totalCount } }", json!({})).await.map(|_| ());
        (result, started.elapsed())
    };
    // Signing in cannot be checked either: UNAVAILABLE, not "invalid email or password".
    let login_client = client();
    let login = post(
        &login_client,
        addr,
        "",
        "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
        json!({ "e": "writer@example.com", "p": crate::support::PASSWORD }),
    );
    let ready = async { client().get(format!("http://{addr}/readyz")).send().await.unwrap().status() };
    let live = async { client().get(format!("http://{addr}/healthz")).send().await.unwrap().status() };
    let ((probed, fail_fast), login, ready, live) = tokio::join!(probe, login, ready, live);
    assert_eq!(probed, Err("UNAVAILABLE".to_string()), "a request while PostgreSQL is down");
    assert_eq!(login, Err("UNAVAILABLE".to_string()), "a login while PostgreSQL is down");
    assert!(fail_fast <= POOL_TIMEOUT + Duration::from_millis(500), "failing took {fail_fast:?}");
    assert_eq!(ready, StatusCode::SERVICE_UNAVAILABLE, "/readyz while PostgreSQL is down");
    assert_eq!(live, StatusCode::OK, "/healthz while PostgreSQL is down");

    let restarted = Instant::now();
    cluster.start_server().await;
    wait_until("a write succeeds after the restart", Duration::from_secs(15), || {
        !successes_since(restarted).is_empty()
    })
    .await;
    let recovery = successes_since(restarted)[0] - restarted;
    wait_until("20 more writes succeed", Duration::from_secs(15), || successes_since(restarted).len() >= 20).await;
    stop.store(true, Ordering::Relaxed);
    for writer in writers {
        writer.await.unwrap();
    }
    let ready = client().get(format!("http://{addr}/readyz")).send().await.unwrap().status();

    let writes = writes.lock().unwrap().clone();
    let acknowledged: Vec<&str> = writes.iter().filter_map(|w| w.result.as_deref().ok()).collect();
    let failures: Vec<&str> = writes.iter().filter_map(|w| w.result.as_ref().err().map(String::as_str)).collect();
    let during_outage = writes.iter().filter(|w| w.done > stopped && w.done < restarted).count();
    let stored = db
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT count(*) FROM projects WHERE id = ANY($1::uuid[])",
            [format!("{{{}}}", acknowledged.join(",")).into()],
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<i64>(0)
        .unwrap();
    eprintln!(
        "outage: failed fast in {fail_fast:?}, first write {recovery:?} after the restart began; {} writes acknowledged, \
         {} failed ({during_outage} ended during the outage)",
        acknowledged.len(),
        failures.len()
    );
    server.abort();
    db.close().await.ok();
    cluster.pg.stop().await.unwrap();

    assert!(recovery <= Duration::from_secs(5), "recovery took {recovery:?}");
    assert_eq!(ready, StatusCode::OK, "/readyz after the restart");
    assert!(!failures.is_empty(), "the writers never saw the outage");
    assert!(failures.iter().all(|code| *code == "UNAVAILABLE"), "every failure must be UNAVAILABLE: {failures:?}");
    assert_eq!(stored, acknowledged.len() as i64, "every acknowledged write is in the table");
}

/// Polls `condition` every 20 ms until it holds; panics with `what` after `limit`.
async fn wait_until(what: &str, limit: Duration, condition: impl Fn() -> bool) {
    let deadline = Instant::now() + limit;
    while !condition() {
        assert!(Instant::now() < deadline, "timed out after {limit:?} waiting until {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
