//! The audit trail against a real PostgreSQL: entries chain and verify, concurrent appends stay
//! one line, rows cannot be updated or deleted, tampering and deletion are found (with the entry's
//! `seq`), and `cybershield audit verify` reports it through its exit code.

use std::process::{Command, Output};
use std::sync::Arc;

use cybershield_core::audit::{self, AuditEvent, ChainBreak, REDACTED, VerifyReport};
use cybershield_testkit::TestDb;
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DbBackend, DbErr, Statement, TransactionTrait};
use serde_json::{Value, json};
use uuid::Uuid;

/// A login of `user` from a fixed client.
fn login(user: Uuid) -> AuditEvent<'static> {
    AuditEvent {
        actor_user_id: Some(user),
        actor_type: "user",
        ip: Some("203.0.113.7".into()),
        user_agent: Some("Mozilla/5.0 (X11; Linux x86_64)".into()),
        request_id: Some(Uuid::now_v7()),
        ..AuditEvent::new("authentication", "LOGIN")
    }
}

async fn record_events(db: &impl ConnectionTrait, n: usize) {
    for _ in 0..n {
        audit::record(db, &login(Uuid::now_v7())).await.expect("record");
    }
}

async fn execute(db: &impl ConnectionTrait, sql: &str) -> Result<(), DbErr> {
    db.execute_unprepared(sql).await.map(|_| ())
}

async fn scalar<T: sea_orm::TryGetable>(db: &impl ConnectionTrait, sql: &str) -> T {
    let row = db.query_one_raw(Statement::from_string(DbBackend::Postgres, sql)).await.expect(sql).expect("a row");
    row.try_get_by_index(0).expect(sql)
}

/// `seq` of the entries in chain order.
async fn seqs(db: &impl ConnectionTrait) -> Vec<i64> {
    let rows = db
        .query_all_raw(Statement::from_string(DbBackend::Postgres, "SELECT seq FROM iam_audit_logs ORDER BY seq"))
        .await
        .expect("seqs");
    rows.iter().map(|r| r.try_get_by_index::<i64>(0).unwrap()).collect()
}

/// Runs `sql` with the user triggers off, as an attacker with the table owner's rights could.
async fn tamper(db: &impl ConnectionTrait, sql: &str) {
    execute(
        db,
        &format!(
            "ALTER TABLE iam_audit_logs DISABLE TRIGGER USER; {sql}; ALTER TABLE iam_audit_logs ENABLE TRIGGER USER"
        ),
    )
    .await
    .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

fn intact(checked: u64) -> VerifyReport {
    VerifyReport { checked, first_broken_seq: None, first_broken_id: None, reason: None }
}

#[tokio::test]
async fn recorded_events_chain_and_verify() {
    let test_db = TestDb::new().await;
    let db = &test_db.db;
    assert_eq!(audit::verify(db).await.unwrap(), intact(0), "an empty trail verifies");

    let user = Uuid::now_v7();
    audit::record(db, &login(user)).await.unwrap();
    let failure = AuditEvent {
        success: false,
        error: Some("invalid credentials".into()),
        ip: Some("[2001:db8::1]:51000".into()),
        details: json!({"email": "someone@example.com", "password": "hunter2hunter2"}),
        ..AuditEvent::new("authentication", "LOGIN_ERROR")
    };
    audit::record(db, &failure).await.unwrap();
    let before = json!({"id": user, "role": "viewer", "password_hash": "$argon2id$old", "display_name": "A"});
    let after = json!({"id": user, "role": "admin", "password_hash": "$argon2id$new", "display_name": "A"});
    let update = AuditEvent {
        actor_user_id: Some(user),
        actor_type: "user",
        operation_type: Some("UPDATE"),
        resource_type: Some("USER"),
        resource_path: Some(format!("users/{user}")),
        representation: Some(audit::diff(Some(&before), Some(&after))),
        ip: Some("not-an-address".into()),
        ..AuditEvent::new("administration", "updateUser")
    };
    // The way requests write: inside their transaction, as the application role.
    let tx = db.begin().await.unwrap();
    execute(&tx, "SET LOCAL ROLE cybershield_app").await.unwrap();
    audit::record(&tx, &update).await.unwrap();
    tx.commit().await.unwrap();
    // Several rows in one statement chain one after the other too.
    execute(
        db,
        "INSERT INTO iam_audit_logs (actor_type, category, event_type, details)
         VALUES ('system', 'security', 'KEY_ROTATED', '{\"b\": 1, \"a\": [1, 2]}'), ('system', 'security', 'LOGOUT', '{}')",
    )
    .await
    .unwrap();

    assert_eq!(audit::verify(db).await.unwrap(), intact(5));
    assert_eq!(seqs(db).await, [1, 2, 3, 4, 5]);
    let first_has_no_predecessor: bool =
        scalar(db, "SELECT prev_hash IS NULL FROM iam_audit_logs ORDER BY seq LIMIT 1").await;
    assert!(first_has_no_predecessor);
    let links: i64 = scalar(
        db,
        "SELECT count(*) FROM iam_audit_logs a JOIN iam_audit_logs b ON b.prev_hash = a.entry_hash AND b.seq > a.seq",
    )
    .await;
    assert_eq!(links, 4, "each entry but the first links to one before it");

    // What was stored: secrets stripped, the request's facts kept.
    let representation: Value =
        scalar(db, "SELECT representation FROM iam_audit_logs WHERE event_type = 'updateUser'").await;
    assert_eq!(
        representation,
        json!({"before": {"role": "viewer", "password_hash": REDACTED}, "after": {"role": "admin", "password_hash": REDACTED}})
    );
    let details: Value = scalar(db, "SELECT details FROM iam_audit_logs WHERE event_type = 'LOGIN_ERROR'").await;
    assert_eq!(details, json!({"email": "someone@example.com", "password": REDACTED}));
    let ip: String = scalar(db, "SELECT host(ip) FROM iam_audit_logs WHERE event_type = 'LOGIN_ERROR'").await;
    assert_eq!(ip, "2001:db8::1");
    let unparsed: Value = scalar(db, "SELECT details FROM iam_audit_logs WHERE event_type = 'updateUser'").await;
    assert_eq!(unparsed, json!({"ip_unparsed": "not-an-address"}));

    // The canonical text does not depend on session settings.
    let tx = db.begin().await.unwrap();
    execute(&tx, "SET LOCAL TimeZone = 'Pacific/Chatham'; SET LOCAL DateStyle = 'SQL, DMY'").await.unwrap();
    assert_eq!(audit::verify(&tx).await.unwrap(), intact(5));
    tx.rollback().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_appends_from_separate_connections_stay_one_chain() {
    const TASKS: usize = 20;
    let test_db = TestDb::new().await;
    let start = Arc::new(tokio::sync::Barrier::new(TASKS));
    let tasks: Vec<_> = (0..TASKS)
        .map(|_| {
            let url = test_db.url.clone();
            let start = start.clone();
            tokio::spawn(async move {
                let mut options = ConnectOptions::new(url);
                options.max_connections(1).min_connections(1);
                let db = Database::connect(options).await.expect("connect");
                let tx = db.begin().await.unwrap();
                start.wait().await;
                audit::record(&tx, &login(Uuid::now_v7())).await.unwrap();
                tx.commit().await.unwrap();
                db.close().await.ok();
            })
        })
        .collect();
    for task in futures_util::future::join_all(tasks).await {
        task.expect("task");
    }
    let db = &test_db.db;
    assert_eq!(audit::verify(db).await.unwrap(), intact(TASKS as u64));
    let seqs = seqs(db).await;
    assert_eq!(seqs.len(), TASKS);
    // One line: every entry is the successor of exactly the entry before it in seq order.
    let successors: i64 = scalar(
        db,
        "SELECT count(*) FROM (SELECT prev_hash, lag(entry_hash) OVER (ORDER BY seq) AS previous FROM iam_audit_logs) c
         WHERE prev_hash = previous",
    )
    .await;
    assert_eq!(successors, TASKS as i64 - 1);
}

#[tokio::test]
async fn audit_rows_cannot_be_updated_deleted_or_truncated() {
    let test_db = TestDb::new().await;
    let db = &test_db.db;
    record_events(db, 2).await;
    for sql in [
        "UPDATE iam_audit_logs SET error = 'covered up'",
        "UPDATE iam_audit_logs SET entry_hash = '\\x00' WHERE seq = 1",
        "DELETE FROM iam_audit_logs WHERE seq = 2",
        "TRUNCATE iam_audit_logs",
    ] {
        let error = execute(db, sql).await.expect_err(sql).to_string();
        assert!(error.contains("append-only"), "{sql}: {error}");
    }
    let count: i64 = scalar(db, "SELECT count(*) FROM iam_audit_logs").await;
    assert_eq!(count, 2);
    // Deleting the actor keeps the entry as it was: no foreign key action rewrites history.
    execute(
        db,
        "INSERT INTO users (id, email, username, role) VALUES ('0190f1a2-7b3c-7d4e-8f00-112233445566', 'a@example.com', 'a', 'viewer')",
    )
    .await
    .unwrap();
    let actor = Uuid::parse_str("0190f1a2-7b3c-7d4e-8f00-112233445566").unwrap();
    audit::record(db, &login(actor)).await.unwrap();
    execute(db, "DELETE FROM users").await.unwrap();
    let kept: Option<Uuid> = scalar(db, "SELECT actor_user_id FROM iam_audit_logs ORDER BY seq DESC LIMIT 1").await;
    assert_eq!(kept, Some(actor));
    assert_eq!(audit::verify(db).await.unwrap(), intact(3));
}

#[tokio::test]
async fn a_changed_entry_is_found_with_its_seq() {
    let test_db = TestDb::new().await;
    let db = &test_db.db;
    record_events(db, 4).await;
    let id: Uuid = scalar(db, "SELECT id FROM iam_audit_logs WHERE seq = 2").await;
    tamper(db, "UPDATE iam_audit_logs SET success = false WHERE seq = 2").await;
    let report = audit::verify(db).await.unwrap();
    assert_eq!(
        report,
        VerifyReport {
            checked: 4,
            first_broken_seq: Some(2),
            first_broken_id: Some(id),
            reason: Some(ChainBreak::ContentChanged)
        }
    );
    assert!(!report.ok());
}

#[tokio::test]
async fn an_entry_rewritten_with_a_fresh_hash_breaks_the_next_link() {
    let test_db = TestDb::new().await;
    let db = &test_db.db;
    record_events(db, 4).await;
    tamper(
        db,
        "UPDATE iam_audit_logs SET event_type = 'LOGOUT' WHERE seq = 2;
         UPDATE iam_audit_logs l SET entry_hash = iam_audit_entry_hash(l) WHERE seq = 2",
    )
    .await;
    let report = audit::verify(db).await.unwrap();
    assert_eq!((report.first_broken_seq, report.reason), (Some(3), Some(ChainBreak::BrokenLink)));
}

#[tokio::test]
async fn a_deleted_entry_is_found() {
    let test_db = TestDb::new().await;
    let db = &test_db.db;
    record_events(db, 5).await;
    tamper(db, "DELETE FROM iam_audit_logs WHERE seq = 3").await;
    let report = audit::verify(db).await.unwrap();
    assert_eq!((report.checked, report.first_broken_seq, report.reason), (4, Some(4), Some(ChainBreak::BrokenLink)));

    // The first entries deleted: the new first one still points at its lost predecessor.
    let test_db = TestDb::new().await;
    let db = &test_db.db;
    record_events(db, 3).await;
    tamper(db, "DELETE FROM iam_audit_logs WHERE seq = 1").await;
    let report = audit::verify(db).await.unwrap();
    assert_eq!((report.first_broken_seq, report.reason), (Some(2), Some(ChainBreak::MissingPredecessor)));
}

#[tokio::test]
async fn gaps_in_seq_from_rolled_back_appends_are_fine() {
    let test_db = TestDb::new().await;
    let db = &test_db.db;
    record_events(db, 1).await;
    let tx = db.begin().await.unwrap();
    record_events(&tx, 2).await;
    tx.rollback().await.unwrap();
    record_events(db, 1).await;
    let seqs = seqs(db).await;
    assert!(seqs.len() == 2 && seqs[1] > seqs[0] + 1, "a gap: {seqs:?}");
    assert_eq!(audit::verify(db).await.unwrap(), intact(2));
}

/// `cybershield audit verify` on the test database, from a directory without `.env`.
fn verify_command(url: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cybershield"))
        .args(["audit", "verify"])
        .env_clear()
        .env("DATABASE_URL", url)
        .current_dir(std::env::temp_dir())
        .output()
        .expect("run cybershield")
}

#[tokio::test]
async fn the_verify_command_exits_0_on_an_intact_chain_and_1_on_a_broken_one() {
    let test_db = TestDb::new().await;
    let db = &test_db.db;
    record_events(db, 3).await;
    let url = test_db.url.clone();
    let output = tokio::task::spawn_blocking(move || verify_command(&url)).await.unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "stdout: {stdout}\nstderr: {}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(stdout, "{\"checked\":3,\"ok\":true}\n");

    let id: Uuid = scalar(db, "SELECT id FROM iam_audit_logs WHERE seq = 2").await;
    tamper(db, "UPDATE iam_audit_logs SET details = '{\"note\": \"edited\"}' WHERE seq = 2").await;
    let url = test_db.url.clone();
    let output = tokio::task::spawn_blocking(move || verify_command(&url)).await.unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).expect("one line of JSON");
    assert_eq!(
        report,
        json!({"checked": 3, "ok": false, "firstBrokenSeq": 2, "firstBrokenId": id, "reason": "content_changed"})
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("seq 2"));
}
