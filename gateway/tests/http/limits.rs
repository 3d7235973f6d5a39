//! The body limit (413) on every path a body can take.

use std::time::Duration;

use cybershield_core::config::Config;
use reqwest::StatusCode;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::support::Server;

/// Sends raw bytes, reads the status line of the answer.
async fn raw_status(addr: std::net::SocketAddr, request: &[u8]) -> u16 {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(request).await.unwrap();
    let mut buf = Vec::new();
    let mut chunk = [0u8; 1024];
    tokio::time::timeout(Duration::from_secs(10), async {
        while !buf.windows(2).any(|w| w == b"\r\n") {
            let n = stream.read(&mut chunk).await.unwrap();
            assert!(n > 0, "connection closed before a status line");
            buf.extend_from_slice(&chunk[..n]);
        }
    })
    .await
    .expect("an answer in time");
    let line = String::from_utf8_lossy(&buf);
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[tokio::test]
async fn a_declared_body_over_the_default_limit_is_refused_before_it_is_sent() {
    let server = Server::start().await;
    let limit = Config::default().body_limit_bytes;
    assert_eq!(limit, 1024 * 1024);
    let request = format!(
        "POST /graphql HTTP/1.1\r\nhost: {}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        server.addr,
        limit + 1
    );
    assert_eq!(raw_status(server.addr, request.as_bytes()).await, 413);
}

#[tokio::test]
async fn a_body_at_the_limit_is_read() {
    let config = Config { body_limit_bytes: 4096, ..Config::default() };
    let server = Server::start_with(config).await;
    // Valid JSON padded with spaces to exactly the limit.
    let mut body = json!({ "query": "{ health { tableCount } }" }).to_string();
    body.push_str(&" ".repeat(4096 - body.len()));
    let response = server
        .client
        .post(server.url("/graphql"))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_chunked_body_over_the_limit_is_refused() {
    let config = Config { body_limit_bytes: 1000, ..Config::default() };
    let server = Server::start_with(config).await;
    let chunk = format!("{{\"query\":\"{{ health {{ tableCount }} }}\",\"pad\":\"{}\"}}", "x".repeat(1100));
    let request = format!(
        "POST /graphql HTTP/1.1\r\nhost: {}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n{:x}\r\n{}\r\n0\r\n\r\n",
        server.addr,
        chunk.len(),
        chunk
    );
    assert_eq!(raw_status(server.addr, request.as_bytes()).await, 413);
}
