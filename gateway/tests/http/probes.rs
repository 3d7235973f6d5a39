//! `/healthz` and `/readyz`.

use cybershield_core::config::{Config, PoolConfig};
use reqwest::StatusCode;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::support::{Server, client, serve};

#[tokio::test]
async fn healthz_answers_ok() {
    let server = Server::start().await;
    let response = server.client.get(server.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.text().await.unwrap(), "ok");
}

#[tokio::test]
async fn readyz_is_ready_on_a_migrated_database() {
    let server = Server::start().await;
    let response = server.client.get(server.url("/readyz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.json::<Value>().await.unwrap(), json!({ "status": "ready" }));
}

#[tokio::test]
async fn readyz_is_unavailable_when_the_database_is_gone() {
    let server = Server::start().await;
    // A pool of its own on the same database, closed: every query fails at once.
    let pool = PoolConfig { size: 1, max_overflow: 0, min_idle: 0, ..PoolConfig::default() };
    let db = cybershield_core::db::connect(&server.test_db.url, &pool).await.unwrap();
    let closed = db.clone();
    db.close().await.unwrap();
    let (addr, _task) = serve(closed, &Config::default()).await;

    let response = client().get(format!("http://{addr}/readyz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        response.json::<Value>().await.unwrap(),
        json!({ "status": "unavailable", "reason": "database unreachable" })
    );
    // Alive all the same.
    let response = client().get(format!("http://{addr}/healthz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn readyz_is_unavailable_while_migrations_are_pending() {
    let server = Server::start().await;
    // An empty database next to the test's one.
    let name = format!("cs_gateway_unmigrated_{}", std::process::id());
    let admin = &server.test_db.db;
    admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}")).await.unwrap();
    admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.unwrap();
    let base = server.test_db.url.rsplit_once('/').unwrap().0;
    let url = format!("{base}/{name}");
    let pool = PoolConfig { size: 2, max_overflow: 0, min_idle: 0, ..PoolConfig::default() };
    let empty = cybershield_core::db::connect(&url, &pool).await.unwrap();
    let (addr, task) = serve(empty.clone(), &Config::default()).await;

    let response = client().get(format!("http://{addr}/readyz")).send().await.unwrap();
    let status = response.status();
    let body = response.json::<Value>().await.unwrap();

    task.abort();
    empty.close().await.unwrap();
    admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await.unwrap();

    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body, json!({ "status": "unavailable", "reason": "migrations pending" }));
}
