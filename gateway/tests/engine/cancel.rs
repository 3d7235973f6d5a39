use std::future::Future;
use std::task::Poll;

use serde_json::json;

use crate::harness::Harness;

/// Requests abandoned at every point of their life (a client that hangs up, a timeout) leave no
/// connection of the pool inside a transaction. sqlx 0.9.0's BEGIN is not cancel-safe: a request
/// dropped while it was in flight used to put its connection back with the transaction open,
/// and the next user of the connection then ran inside it (holding its locks).
#[tokio::test]
async fn abandoned_requests_leave_no_transaction_open_in_the_pool() {
    let h = Harness::new().await;
    h.project("one", None).await;
    let query = "{ projects(first: 5) { nodes { name projectScans(first: 1) { nodes { name } } } } }";
    let pool = h.test_db.db.get_postgres_connection_pool();
    for steps in 0..120 {
        // Polled `steps` times, with a turn of the runtime (and its I/O) between polls, then
        // dropped: early ones end while the pool or BEGIN is answering, later ones during the
        // reads or the COMMIT.
        let mut request = Box::pin(h.run(query, json!({})));
        for _ in 0..steps {
            let polled = std::future::poll_fn(|cx| Poll::Ready(request.as_mut().poll(cx))).await;
            if polled.is_ready() {
                break;
            }
            tokio::task::yield_now().await;
        }
        drop(request);
        // Every connection the pool holds (at most 5), at once: outside a transaction, SAVEPOINT
        // is refused. Acquiring waits for connections still finishing abandoned work.
        let mut held = Vec::new();
        for _ in 0..5 {
            held.push(pool.acquire().await.expect("a connection"));
        }
        for connection in &mut held {
            let outcome = sea_orm::sqlx::query("SAVEPOINT probe").execute(&mut **connection).await;
            let error = outcome.expect_err("a connection came back inside a transaction");
            assert!(error.to_string().contains("transaction blocks"), "after {steps} polls: {error}");
        }
    }
    // And the pool still serves requests.
    let data = h.ok(query, json!({})).await;
    assert_eq!(data["projects"]["nodes"][0]["name"], "one");
}
