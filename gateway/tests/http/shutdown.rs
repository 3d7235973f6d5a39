//! Graceful shutdown: in-flight requests finish, new connections are refused, the grace period
//! bounds the wait.

use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::get;
use cybershield::serve::serve_until;
use reqwest::StatusCode;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::support::client;

fn slow_app(delay: Duration) -> Router {
    Router::new().route(
        "/slow",
        get(move || async move {
            tokio::time::sleep(delay).await;
            "done"
        }),
    )
}

#[tokio::test]
async fn in_flight_requests_finish_after_the_signal() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(serve_until(
        listener,
        slow_app(Duration::from_millis(500)),
        async {
            stopped.await.ok();
        },
        std::future::pending(),
        Duration::from_secs(10),
    ));
    let request = tokio::spawn(client().get(format!("http://{addr}/slow")).send());
    tokio::time::sleep(Duration::from_millis(150)).await;
    stop.send(()).unwrap();

    let response = request.await.unwrap().expect("the in-flight request completes");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.text().await.unwrap(), "done");
    tokio::time::timeout(Duration::from_secs(5), server).await.expect("the server stops").unwrap().unwrap();
    assert!(tokio::net::TcpStream::connect(addr).await.is_err(), "still accepting connections");
}

#[tokio::test]
async fn the_grace_period_bounds_the_wait() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(serve_until(
        listener,
        slow_app(Duration::from_secs(60)),
        async {
            stopped.await.ok();
        },
        std::future::pending(),
        Duration::from_millis(300),
    ));
    let request = tokio::spawn(client().get(format!("http://{addr}/slow")).send());
    tokio::time::sleep(Duration::from_millis(150)).await;
    let started = Instant::now();
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), server).await.expect("the server stops").unwrap().unwrap();
    assert!(started.elapsed() < Duration::from_secs(3), "took {:?}", started.elapsed());
    // Its connection task is the runtime's now; the binary exits right after, which ends it.
    assert!(!request.is_finished(), "the slow request cannot have finished");
    request.abort();
}
