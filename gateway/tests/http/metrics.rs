//! `GET /metrics`: what a signed-in client's requests leave in the Prometheus payload.
//!
//! The recorder is one per process and other tests run at the same time: operation names are
//! this test's own, and shared series (SQL durations, error codes) are compared before and after.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use cybershield_core::auth::Role;
use cybershield_core::config::LogFormat;
use cybershield_iam::auth::{NewUser, create_user};
use cybershield_testkit::TestDb;
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use serde_json::{Value, json};
use tracing_subscriber::layer::SubscriberExt;

use crate::support::Server;

const PASSWORD: &str = "metrics test password 1";

/// One sample line of the text format: its name, labels and value.
struct Sample {
    name: String,
    labels: BTreeMap<String, String>,
    value: f64,
}

fn samples(text: &str) -> Vec<Sample> {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let (series, value) = line.rsplit_once(' ').unwrap_or_else(|| panic!("sample line: {line}"));
            let value = value.parse::<f64>().unwrap_or_else(|_| panic!("sample value: {line}"));
            let (name, labels) = match series.split_once('{') {
                Some((name, rest)) => {
                    let inner = rest.strip_suffix('}').unwrap_or_else(|| panic!("labels: {line}"));
                    let labels = inner
                        .split("\",")
                        .filter(|pair| !pair.is_empty())
                        .map(|pair| {
                            let (k, v) = pair.split_once("=\"").unwrap_or_else(|| panic!("label: {line}"));
                            (k.to_owned(), v.trim_end_matches('"').to_owned())
                        })
                        .collect();
                    (name, labels)
                }
                None => (series, BTreeMap::new()),
            };
            Sample { name: name.to_owned(), labels, value }
        })
        .collect()
}

/// The value of the series `name` whose labels include `labels`; `None` when there is none.
fn value(text: &str, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    let found: Vec<f64> = samples(text)
        .into_iter()
        .filter(|s| s.name == name && labels.iter().all(|(k, v)| s.labels.get(*k).map(String::as_str) == Some(*v)))
        .map(|s| s.value)
        .collect();
    assert!(found.len() <= 1, "{name} {labels:?} matches {} series", found.len());
    found.first().copied()
}

async fn scrape(server: &Server) -> String {
    let response = server.client.get(server.url("/metrics")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let content_type = response.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(content_type.starts_with("text/plain; version=0.0.4"), "{content_type}");
    response.text().await.unwrap()
}

async fn post(server: &Server, token: Option<&str>, query: &str, variables: Value) -> Value {
    let mut request =
        server.client.post(server.url("/graphql")).json(&json!({ "query": query, "variables": variables }));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap().json().await.unwrap()
}

#[tokio::test]
async fn requests_statements_pool_database_and_tables_are_measured() {
    let server = Server::start().await;
    let db = &server.test_db.db;
    let user = NewUser {
        email: "metrics@example.com".into(),
        role: Role::Admin,
        username: None,
        display_name: None,
        teams: Vec::new(),
    };
    create_user(db, &user, PASSWORD, chrono::Utc::now()).await.unwrap();

    let before = scrape(&server).await;
    let sql_before = value(&before, "cybershield_sql_statement_duration_seconds_count", &[("outcome", "ok")]);
    let bad_input_before =
        value(&before, "cybershield_graphql_errors_total", &[("code", "BAD_USER_INPUT")]).unwrap_or(0.0);

    let login = post(
        &server,
        None,
        "mutation MetricsLogin($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
        json!({ "e": user.email, "p": PASSWORD }),
    )
    .await;
    let token = login["data"]["login"]["token"].as_str().unwrap_or_else(|| panic!("login: {login}")).to_owned();
    let token = Some(token.as_str());
    for name in ["alpha", "beta", "gamma"] {
        let created = post(
            &server,
            token,
            "mutation MetricsCreate($n: String!) { createProject(input: {name: $n}) { id } }",
            json!({ "n": name }),
        )
        .await;
        assert!(created["errors"].is_null(), "{created}");
    }
    for _ in 0..2 {
        let listed =
            post(&server, token, "query MetricsProjects { projects(first: 5) { totalCount } }", json!({})).await;
        assert_eq!(listed["data"]["projects"]["totalCount"], 3, "{listed}");
    }
    let refused =
        post(&server, token, "query MetricsTooMany { projects(first: 1000) { totalCount } }", json!({})).await;
    assert_eq!(refused["errors"][0]["extensions"]["code"], "BAD_USER_INPUT", "{refused}");

    // The monitor's work, done now rather than waited for; ANALYZE makes the row estimate current.
    assert!(cybershield::monitoring::check_database(db).await);
    db.execute_unprepared("ANALYZE projects").await.unwrap();
    let tables = cybershield::monitoring::refresh_table_stats(db).await.unwrap();
    assert!(tables >= 116, "{tables} tables");

    let text = scrape(&server).await;
    let requests = |operation: &str, outcome: &str| {
        value(&text, "cybershield_graphql_requests_total", &[("operation", operation), ("outcome", outcome)])
    };
    assert_eq!(requests("MetricsLogin", "ok"), Some(1.0), "{text}");
    assert_eq!(requests("MetricsCreate", "ok"), Some(3.0));
    assert_eq!(requests("MetricsProjects", "ok"), Some(2.0));
    assert_eq!(requests("MetricsTooMany", "error"), Some(1.0));
    assert_eq!(requests("MetricsTooMany", "ok"), None);
    let latency = [("operation", "MetricsProjects"), ("outcome", "ok")];
    assert_eq!(value(&text, "cybershield_graphql_request_duration_seconds_count", &latency), Some(2.0));
    let inf = [("operation", "MetricsProjects"), ("outcome", "ok"), ("le", "+Inf")];
    assert_eq!(value(&text, "cybershield_graphql_request_duration_seconds_bucket", &inf), Some(2.0));
    let sum = value(&text, "cybershield_graphql_request_duration_seconds_sum", &latency).unwrap();
    assert!(sum > 0.0 && sum < 20.0, "{sum}");
    let bad_input = value(&text, "cybershield_graphql_errors_total", &[("code", "BAD_USER_INPUT")]).unwrap();
    assert!(bad_input > bad_input_before, "{bad_input_before} → {bad_input}");

    // Every request above ran statements on the instrumented pool.
    let sql = value(&text, "cybershield_sql_statement_duration_seconds_count", &[("outcome", "ok")]).unwrap();
    assert!(sql >= sql_before.unwrap_or(0.0) + 7.0, "{sql_before:?} → {sql}");
    let sql_bucket = [("outcome", "ok"), ("le", "0.005")];
    assert!(value(&text, "cybershield_sql_statement_duration_seconds_bucket", &sql_bucket).is_some(), "{text}");

    // The test database's pool: at most 5 connections.
    assert_eq!(value(&text, "cybershield_db_pool_max_connections", &[]), Some(5.0));
    let open = value(&text, "cybershield_db_pool_connections", &[]).unwrap();
    let idle = value(&text, "cybershield_db_pool_idle_connections", &[]).unwrap();
    let in_use = value(&text, "cybershield_db_pool_in_use_connections", &[]).unwrap();
    assert!((1.0..=5.0).contains(&open) && idle + in_use == open, "{open} {idle} {in_use}");

    assert_eq!(value(&text, "cybershield_database_up", &[]), Some(1.0));
    let rows = value(&text, "cybershield_table_rows", &[("table", "projects")]).unwrap();
    assert!(rows >= 3.0, "{rows}");
    // A table with a primary key has at least its index's metapage.
    let size = value(&text, "cybershield_table_size_bytes", &[("table", "projects")]).unwrap();
    assert!(size >= 8192.0, "{size}");
    assert!(value(&text, "cybershield_table_size_bytes", &[("table", "users")]).is_some());
    assert!(text.contains("# TYPE cybershield_graphql_request_duration_seconds histogram"), "{text}");
}

/// A `MakeWriter` into a shared buffer, to read the log lines back.
#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Buffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn slow_statements_are_logged_with_their_text_but_not_their_values() {
    let handle = cybershield::monitoring::install().expect("the recorder installs");
    let slow_total = || value(&handle.render(), "cybershield_sql_slow_statements_total", &[]).unwrap_or(0.0);
    let test_db = TestDb::new().await;
    let mut db = test_db.db.clone();
    cybershield::monitoring::instrument_sql(&mut db, Some(Duration::from_millis(20)));
    let buffer = Buffer::default();
    let sink = buffer.clone();
    let layer = cybershield::telemetry::fmt_layer(LogFormat::Json, false, move || sink.clone());
    // The test's runtime is single-threaded: the callback runs on this thread, under this subscriber.
    let _guard = tracing::subscriber::set_default(tracing_subscriber::registry().with(layer));
    let before = slow_total();

    let slow = Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT pg_sleep($1::float8 / 1000), $2::text AS token",
        [50.into(), "hunter2-secret".into()],
    );
    db.query_one_raw(slow).await.unwrap();
    // Failing after 50 ms, so it is logged as slow too, at WARN: a DEBUG event can be lost while
    // other tests of this process set and drop their own subscribers (tracing's level hint is
    // global). The divisor is a subquery so the planner cannot fold the division early.
    let failing = Statement::from_sql_and_values(
        DbBackend::Postgres,
        "SELECT pg_sleep($2::float8 / 1000)::text || (1 / (SELECT $1::int))::text",
        [0.into(), 50.into()],
    );
    assert!(db.query_one_raw(failing).await.is_err());

    let text = String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap();
    let events: Vec<Value> = text.lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    let sql: Vec<&Value> = events.iter().filter(|e| e["target"] == "cybershield::sql").collect();
    // Match the two statements by content, not by position or count: a loaded machine may add
    // events (a slow pool check), and that must not fail the test.
    let slow: Vec<&&Value> =
        sql.iter().filter(|e| e["statement"].as_str().is_some_and(|s| s.contains("AS token"))).collect();
    assert_eq!(slow.len(), 1, "{text}");
    assert_eq!(slow[0]["level"], "WARN");
    assert_eq!(slow[0]["message"], "slow SQL statement");
    assert_eq!(slow[0]["statement"], "SELECT pg_sleep($1::float8 / 1000), $2::text AS token");
    assert!(slow[0]["duration_ms"].as_f64().unwrap() >= 50.0, "{}", slow[0]);
    let failed: Vec<&&Value> =
        sql.iter().filter(|e| e["statement"].as_str().is_some_and(|s| s.contains("1 / (SELECT $1"))).collect();
    assert_eq!(failed.len(), 1, "{text}");
    assert_eq!(failed[0]["level"], "WARN");
    assert_eq!(failed[0]["failed"], true, "{}", failed[0]);
    assert!(!text.contains("hunter2"), "bound values never reach the log: {text}");
    assert!(slow_total() > before);
}
