//! `cybershield backup` and `cybershield restore` with the built binary: a seeded database comes
//! back table for table (row counts and contents, checked here with SQL of the test's own);
//! a non-empty target is refused unless `--force`; a damaged dump is refused by its checksum.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Command, Output};

use cybershield_testkit::TestDb;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use serde_json::Value;

/// Rows in several domains and of every awkward type: citext, arrays, jsonb, inet, bytea,
/// numeric, float8, timestamptz with an offset, text with quotes, newlines and non-ASCII.
const SEED: &str = r#"
INSERT INTO teams (id, name, slug) VALUES ('01900000-0000-7000-8000-000000000001', 'AppSec', 'appsec'),
  ('01900000-0000-7000-8000-000000000002', 'Red "team"', 'red');
INSERT INTO users (id, email, username, role) VALUES ('01900000-0000-7000-8000-000000000011', 'Ada@Example.com', 'ada', 'admin'),
  ('01900000-0000-7000-8000-000000000012', 'bob@example.com', 'bob', 'analyst');
INSERT INTO team_members (team_id, user_id, role)
  VALUES ('01900000-0000-7000-8000-000000000001', '01900000-0000-7000-8000-000000000012', 'writer');
INSERT INTO projects (id, name, team_id, platform, tags, sla_days, archived_at, description) VALUES
  ('01900000-0000-7000-8000-000000000021', 'storefront', '01900000-0000-7000-8000-000000000001', 'web',
   '{pci,"with space"}', '{"low": 1, "high": 2}', '2030-01-01 12:34:56.789+02', E'multi\nline ünïcode ✓'),
  ('01900000-0000-7000-8000-000000000022', 'mobile', NULL, 'mobile', '{}', '{}', NULL, NULL);
INSERT INTO project_scans (id, project_id, name, scan_type, status, import_stats)
  VALUES ('01900000-0000-7000-8000-000000000031', '01900000-0000-7000-8000-000000000021', 'nightly', 'ZAP Scan',
          'completed', '{"new": 3, "nested": {"a": [1, 2.5, null]}}');
INSERT INTO project_issues (project_id, title, severity, cvssv3_score, epss_score, vulnerability_ids)
  SELECT '01900000-0000-7000-8000-000000000021', 'issue ' || i, (ARRAY['Critical','High','Medium','Low','Info'])[1 + i % 5],
         (i % 100) / 10.0, 0.123456789, ARRAY['CVE-2030-' || i]
  FROM generate_series(1, 500) AS i;
INSERT INTO devices (hostname, primary_ip, os_platform) VALUES ('laptop-1', '10.0.0.7', 'linux'), ('laptop-2', '2001:db8::1', 'macos');
INSERT INTO ai_models (name, task, decision_threshold) VALUES ('triage', 'alert_triage', 0.1), ('ueba', 'ueba', 0.333333333333333);
INSERT INTO incidents (title, severity) VALUES ('breach', 3);
INSERT INTO mfa_devices (user_id, type, status, secret_encrypted)
  VALUES ('01900000-0000-7000-8000-000000000011', 'totp', 'active', '\x00ff10');
INSERT INTO email_analyses (source, sender_ip, score) VALUES ('gateway', '192.0.2.1', 42);
"#;

/// The binary with `DATABASE_URL` = `url`, from a directory without `.env`.
fn cybershield(args: &[&str], url: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cybershield"))
        .args(args)
        .env_clear()
        .env("DATABASE_URL", url)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .current_dir(std::env::temp_dir())
        .output()
        .expect("run cybershield")
}

async fn run(args: &[&str], url: &str) -> Output {
    let (args, url): (Vec<String>, String) = (args.iter().map(|a| a.to_string()).collect(), url.to_owned());
    tokio::task::spawn_blocking(move || cybershield(&args.iter().map(String::as_str).collect::<Vec<_>>(), &url))
        .await
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every table of schema public with its row count and an MD5 of its sorted rows, computed here
/// (independently of the binary's code) in one snapshot.
async fn contents(db: &DatabaseConnection) -> BTreeMap<String, (i64, String)> {
    let tables: Vec<String> = db
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1",
        ))
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get_by_index(0).unwrap())
        .collect();
    let union = tables
        .iter()
        .map(|t| {
            format!(
                "SELECT '{t}' AS name, count(*) AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text COLLATE \"C\"), '')) AS sum FROM \"{t}\" x"
            )
        })
        .collect::<Vec<_>>()
        .join(" UNION ALL ");
    db.query_all_raw(Statement::from_string(DbBackend::Postgres, union))
        .await
        .unwrap()
        .iter()
        .map(|row| (row.try_get("", "name").unwrap(), (row.try_get("", "n").unwrap(), row.try_get("", "sum").unwrap())))
        .collect()
}

async fn policies(db: &DatabaseConnection) -> i64 {
    let row = db.query_one_raw(Statement::from_string(DbBackend::Postgres, "SELECT count(*) FROM pg_policy")).await;
    row.unwrap().unwrap().try_get_by_index(0).unwrap()
}

/// `url` with its database replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (head, query) = url.split_once('?').map_or((url, None), |(h, q)| (h, Some(q)));
    let base = head.rsplit_once('/').unwrap().0;
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

/// An empty database of the test's own, dropped at the end, failed test or not.
struct EmptyDb {
    admin_url: String,
    name: String,
    url: String,
}

impl EmptyDb {
    async fn create(label: &str) -> EmptyDb {
        let admin_url = cybershield_testkit::base_url().await.to_owned();
        let name = format!("cs_restore_{label}_{}", uuid::Uuid::now_v7().simple());
        let admin = sea_orm::Database::connect(&admin_url).await.unwrap();
        admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.unwrap();
        admin.close().await.ok();
        let url = with_database(&admin_url, &name);
        EmptyDb { admin_url, name, url }
    }
}

impl Drop for EmptyDb {
    fn drop(&mut self) {
        let (admin_url, name) = (self.admin_url.clone(), self.name.clone());
        // Drop cannot await; a thread with a runtime of its own does it.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            runtime.block_on(async {
                let admin = sea_orm::Database::connect(&admin_url).await?;
                admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await?;
                admin.close().await
            })
        })
        .join();
    }
}

/// A scratch directory, removed at the end.
struct Dir(PathBuf);

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_restores_every_table_and_refuses_what_it_should() {
    let source = TestDb::new().await;
    source.db.execute_unprepared(SEED).await.expect("seed");
    // A user made the application's way: it writes a hash-chained audit entry.
    let user = cybershield_iam::auth::NewUser {
        email: "carol@example.com".into(),
        role: cybershield_core::auth::Role::Auditor,
        username: None,
        display_name: Some("Carol O'Neil".into()),
        teams: vec!["appsec".into()],
    };
    cybershield_iam::auth::create_user(&source.db, &user, "correct horse battery staple", chrono::Utc::now())
        .await
        .unwrap();
    let before = contents(&source.db).await;
    let filled = before.values().filter(|(rows, _)| *rows > 0).count();
    assert!(filled >= 20, "the seed should fill many tables, filled {filled}");

    let dir = Dir(std::env::temp_dir().join(format!("cybershield-backup-{}", uuid::Uuid::now_v7().simple())));
    std::fs::create_dir_all(&dir.0).unwrap();
    let out = format!("{}/", dir.0.display());
    let backup = run(&["backup", "--out", &out, "--keep", "3"], &source.url).await;
    assert!(backup.status.success(), "backup failed: {}", text(&backup.stderr));
    let summary: Value = serde_json::from_slice(&backup.stdout).expect("one line of JSON");
    let dump = PathBuf::from(summary["file"].as_str().unwrap());
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(summary["manifest"].as_str().unwrap()).unwrap()).unwrap();
    assert!(dump.starts_with(&dir.0) && dump.file_name().unwrap().to_str().unwrap().starts_with("cybershield-"));
    assert_eq!(manifest["format_version"], 1);
    assert_eq!(manifest["database"], source.name.as_str());
    assert_eq!(manifest["tables"].as_object().unwrap().len(), before.len(), "every table is in the manifest");
    for (table, (rows, _)) in &before {
        assert_eq!(manifest["tables"][table]["rows"].as_i64(), Some(*rows), "{table} in the manifest");
    }

    // A damaged copy (one byte flipped) is refused before anything is touched.
    let target = EmptyDb::create("target").await;
    let damaged = dir.0.join("damaged.dump");
    let mut bytes = std::fs::read(&dump).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&damaged, bytes).unwrap();
    std::fs::copy(summary["manifest"].as_str().unwrap(), dir.0.join("damaged.manifest.json")).unwrap();
    let refused = run(&["restore", damaged.to_str().unwrap()], &target.url).await;
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused.stderr));
    assert!(text(&refused.stderr).contains("does not match its manifest"), "{}", text(&refused.stderr));

    // Into a fresh empty database: everything comes back, and row security is re-applied.
    let restore = run(&["restore", dump.to_str().unwrap()], &target.url).await;
    assert!(restore.status.success(), "restore failed: {}", text(&restore.stderr));
    let restored_db = sea_orm::Database::connect(&target.url).await.unwrap();
    assert_eq!(contents(&restored_db).await, before, "every table's rows and contents survive the round trip");
    assert_eq!(policies(&restored_db).await, policies(&source.db).await, "the row-level security policies");
    let verify = run(&["audit", "verify"], &target.url).await;
    assert!(verify.status.success(), "the audit chain survives: {}", text(&verify.stdout));

    // A non-empty database is refused without --force and left as it was.
    let refused = run(&["restore", dump.to_str().unwrap()], &source.url).await;
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused.stderr));
    assert!(text(&refused.stderr).contains("--force"), "{}", text(&refused.stderr));
    assert_eq!(contents(&source.db).await, before, "a refused restore changes nothing");

    // With --force the old contents go first (a row added since is gone), and the restored
    // tables are checked against the manifest: one whose checksum was tampered with is named.
    restored_db.execute_unprepared("INSERT INTO teams (name, slug) VALUES ('later', 'later')").await.unwrap();
    restored_db.close().await.ok();
    let tampered = dir.0.join("tampered.dump");
    std::fs::copy(&dump, &tampered).unwrap();
    let mut manifest = manifest.clone();
    manifest["tables"]["teams"]["checksum"] = "0123456789abcdef0123456789abcdef".into();
    std::fs::write(dir.0.join("tampered.manifest.json"), manifest.to_string()).unwrap();
    let forced = run(&["restore", "--force", tampered.to_str().unwrap()], &target.url).await;
    let stderr = text(&forced.stderr);
    assert_eq!(forced.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("WARNING: --force: dropping schema public"), "{stderr}");
    assert!(
        stderr.contains("restore verification FAILED") && stderr.contains("teams: same 2 rows but different contents"),
        "{stderr}"
    );
    let restored_db = sea_orm::Database::connect(&target.url).await.unwrap();
    assert_eq!(contents(&restored_db).await, before, "restore --force puts back exactly the backup");
    restored_db.close().await.ok();
}
