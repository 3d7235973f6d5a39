//! The `cybershield` binary: `schema`, `health`, `migrate`.

use std::path::PathBuf;
use std::process::{Command, Output};

use cybershield_testkit::TestDb;
use serde_json::Value;

/// The binary with an empty environment plus `vars`, run from a directory without `.env`.
fn cybershield(args: &[&str], vars: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cybershield"));
    cmd.args(args).env_clear().current_dir(std::env::temp_dir());
    for (name, value) in vars {
        cmd.env(name, value);
    }
    cmd.output().expect("run cybershield")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn schema_graphql_is_the_live_sdl() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schema.graphql");
    let output = cybershield(&["schema"], &[]);
    assert!(output.status.success(), "cybershield schema failed: {}", text(&output.stderr));
    let live = text(&output.stdout);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if live != committed {
        let first_difference = live
            .lines()
            .zip(committed.lines())
            .enumerate()
            .find(|(_, (a, b))| a != b)
            .map(|(i, (a, b))| format!("first difference at line {}:\n  live:      {a}\n  committed: {b}", i + 1))
            .unwrap_or_else(|| {
                format!("live SDL has {} lines, schema.graphql {}", live.lines().count(), committed.lines().count())
            });
        panic!(
            "schema.graphql is out of date with the gateway's schema ({first_difference}).\n\
             Regenerate it from the workspace root with: cargo run -- schema > schema.graphql"
        );
    }
}

#[tokio::test]
async fn health_prints_one_line_of_json() {
    let test_db = TestDb::new().await;
    let url = test_db.url.clone();
    let output =
        tokio::task::spawn_blocking(move || cybershield(&["health"], &[("DATABASE_URL", &url)])).await.unwrap();
    assert!(output.status.success(), "stderr: {}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let health: Value = serde_json::from_str(&stdout).unwrap();
    assert!(health["tableCount"].as_i64().unwrap() > 0, "{health}");
    assert!(health["postgresVersion"].as_str().unwrap().chars().next().unwrap().is_ascii_digit(), "{health}");
    assert!(health["userCount"].is_i64(), "{health}");
}

#[test]
fn health_fails_clearly_when_the_database_is_unreachable() {
    let output = cybershield(
        &["health"],
        &[("DATABASE_URL", "postgres://postgres:secret@127.0.0.1:1/cybershield"), ("DB_POOL_TIMEOUT", "1")],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("cannot connect to the database at postgres://postgres:***@127.0.0.1:1/cybershield"),
        "{stderr}"
    );
    assert!(!stderr.contains("secret"), "{stderr}");
}

#[test]
fn a_bad_variable_is_named() {
    let output = cybershield(&["health"], &[("DB_POOL_SIZE", "lots")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("invalid DB_POOL_SIZE=\"lots\""), "{}", text(&output.stderr));
}

#[tokio::test]
async fn migrate_status_lists_every_migration_as_applied() {
    let test_db = TestDb::new().await;
    let url = test_db.url.clone();
    let output = tokio::task::spawn_blocking(move || cybershield(&["migrate", "status"], &[("DATABASE_URL", &url)]))
        .await
        .unwrap();
    assert!(output.status.success(), "stderr: {}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.lines().any(|l| l.starts_with("applied ")), "{stdout}");
    assert!(!stdout.lines().any(|l| l.starts_with("pending ")), "{stdout}");
    assert!(stdout.trim_end().ends_with(" 0 pending"), "{stdout}");
}

#[test]
fn migrate_fresh_needs_yes() {
    let output = cybershield(&["migrate", "fresh"], &[("DATABASE_URL", "postgres://postgres:secret@127.0.0.1:1/x")]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("--yes"), "{stderr}");
    assert!(!stderr.contains("secret"), "{stderr}");
}
