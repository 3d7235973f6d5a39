//! `cybershield seed` against a real PostgreSQL (a database per test, cloned from the template):
//! every table filled, linked and team-scoped, realistic distributions, the same bytes twice,
//! refusal of a filled database, and all-or-nothing loading.

use chrono::{DateTime, Utc};
use cybershield_core::schema::Catalog;
use cybershield_core::schema::catalog::Scope;
use cybershield_seed::{Options, Scale, SeedError, Summary};
use cybershield_testkit::TestDb;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

const PASSWORD: &str = "correct horse battery staple";
const FOREIGN_KEYS: &str = "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND convalidated";

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-01T00:00:00Z").unwrap().with_timezone(&Utc)
}

fn options() -> Options {
    Options {
        scale: Scale::Demo,
        seed: 42,
        now: now(),
        append: false,
        measure: false,
        password: Some(PASSWORD.into()),
        progress: false,
    }
}

fn catalog() -> Catalog {
    Catalog::build(cybershield_migration::domains().into_iter().flat_map(|d| d.tables).collect(), Default::default())
        .unwrap()
}

async fn seed(db: &DatabaseConnection, options: Options) -> Result<Summary, SeedError> {
    let tables = cybershield_migration::domains().into_iter().flat_map(|d| d.tables).collect();
    cybershield_seed::run(db, tables, options).await
}

async fn scalar(db: &DatabaseConnection, sql: &str) -> i64 {
    let row = db.query_one_raw(Statement::from_string(db.get_database_backend(), sql)).await.unwrap().unwrap();
    row.try_get_by_index::<i64>(0).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn text(db: &DatabaseConnection, sql: &str) -> String {
    let row = db.query_one_raw(Statement::from_string(db.get_database_backend(), sql)).await.unwrap().unwrap();
    row.try_get_by_index::<String>(0).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn counts(db: &DatabaseConnection, catalog: &Catalog) -> Vec<(String, i64)> {
    let mut out = Vec::new();
    for table in &catalog.tables {
        out.push((table.name.clone(), scalar(db, &format!("SELECT count(*) FROM \"{}\"", table.name)).await));
    }
    out
}

/// A checksum of a table's rows in id order (every column, as text).
async fn checksum(db: &DatabaseConnection, table: &str) -> String {
    text(db, &format!("SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t.id)), '') FROM \"{table}\" t")).await
}

#[tokio::test]
async fn demo_is_whole_linked_realistic_and_repeatable() {
    let a = TestDb::new().await;
    let foreign_keys = scalar(&a.db, FOREIGN_KEYS).await;
    let summary = seed(&a.db, options()).await.unwrap_or_else(|e| panic!("{e}"));
    // Foreign keys are checked for the whole load at its end: all of them are back, validated.
    assert_eq!(scalar(&a.db, FOREIGN_KEYS).await, foreign_keys);
    let catalog = catalog();

    // Every registered table has rows; the reference tables kept theirs (not duplicated).
    let counts = counts(&a.db, &catalog).await;
    let empty: Vec<&str> = counts.iter().filter(|(_, n)| *n == 0).map(|(t, _)| t.as_str()).collect();
    assert!(empty.is_empty(), "tables without rows: {empty:?}");
    assert_eq!(scalar(&a.db, "SELECT count(*) FROM incident_priorities").await, 4);
    assert_eq!(summary.rows, counts.iter().map(|(_, n)| *n as u64).sum::<u64>() - reference_rows(&summary));
    assert!((20_000..=40_000).contains(&summary.rows), "{}", summary.rows);

    // The product document's six users, who can sign in with the run's password.
    let roles = text(&a.db, "SELECT string_agg(role, ',' ORDER BY created_at) FROM users").await;
    assert_eq!(roles, "admin,security_manager,analyst,analyst,developer,auditor");
    assert_eq!(summary.admin_email.as_deref(), Some("maya.chen@corp.example"));
    let hash = text(&a.db, "SELECT password_hash FROM users WHERE email = 'maya.chen@corp.example'").await;
    assert!(cybershield_iam::auth::password::verify(PASSWORD, Some(&hash)));
    // Each of them is in a team; no one has an active TOTP device (the seeds would be unreadable).
    assert_eq!(scalar(&a.db, "SELECT count(DISTINCT user_id) FROM team_members").await, 6);
    assert_eq!(scalar(&a.db, "SELECT count(*) FROM mfa_devices WHERE type = 'totp' AND status = 'active'").await, 0);

    // Team-owned rows have a team (one rule aside: a permission goes to a user or a team).
    for table in &catalog.tables {
        if let Scope::Team(column) = &table.scope
            && table.name != "teams"
            && table.name != "sast_project_permissions"
        {
            let sql = format!("SELECT count(*) FROM \"{}\" WHERE \"{column}\" IS NULL", table.name);
            assert_eq!(scalar(&a.db, &sql).await, 0, "{}.{column}", table.name);
        }
    }
    // Linked rows agree with each other: a finding's scan is of the finding's project; an
    // optional link to a team-owned parent stays within the team.
    for sql in [
        "SELECT count(*) FROM project_issues i JOIN project_scans s ON s.id = i.scan_id WHERE s.project_id <> i.project_id",
        "SELECT count(*) FROM sast_security_reports r JOIN sast_scans s ON s.id = r.scan_id WHERE s.project_id <> r.project_id",
        "SELECT count(*) FROM dast_vulnerabilities v JOIN dast_scans s ON s.id = v.scan_id WHERE s.project_id <> v.project_id",
        "SELECT count(*) FROM misconfigurations m JOIN cloud_assets a ON a.id = m.asset_id WHERE a.account_id <> m.account_id",
        "SELECT count(*) FROM sast_projects s JOIN projects p ON p.id = s.project_id WHERE p.team_id <> s.team_id",
    ] {
        assert_eq!(scalar(&a.db, sql).await, 0, "{sql}");
    }
    // Every SAST project points at its latest scan (a key filled after its cycle).
    assert_eq!(
        scalar(
            &a.db,
            "SELECT count(*) FROM sast_projects p WHERE p.last_scan_id IS DISTINCT FROM \
             (SELECT max(s.id::text)::uuid FROM sast_scans s WHERE s.project_id = p.id)"
        )
        .await,
        0
    );

    // Severities skew low: few critical, most medium and low; CWE-79 the most common weakness.
    let by = |s: &'static str| format!("SELECT count(*) FROM project_issues WHERE severity = '{s}'");
    let (critical, high, medium, low) = (
        scalar(&a.db, &by("Critical")).await,
        scalar(&a.db, &by("High")).await,
        scalar(&a.db, &by("Medium")).await,
        scalar(&a.db, &by("Low")).await,
    );
    assert!(critical > 0 && critical * 2 < high && high * 2 < medium, "{critical} {high} {medium}");
    assert!((medium + low) * 10 > 6 * scalar(&a.db, "SELECT count(*) FROM project_issues").await);
    assert_eq!(
        scalar(
            &a.db,
            "SELECT cwe::bigint FROM project_issues WHERE cwe IS NOT NULL GROUP BY cwe ORDER BY count(*) DESC LIMIT 1"
        )
        .await,
        79
    );
    // Scores follow the severity.
    assert_eq!(
        scalar(&a.db, "SELECT count(*) FROM project_issues WHERE severity = 'Critical' AND cvssv3_score < 9").await,
        0
    );
    // Phishing funnels narrow: more opened than clicked than submitted.
    let status = |s: &'static str| format!("SELECT count(*) FROM phishing_results WHERE status = '{s}'");
    let (opened, clicked, submitted) = (
        scalar(&a.db, &status("Email Opened")).await,
        scalar(&a.db, &status("Clicked Link")).await,
        scalar(&a.db, &status("Submitted Data")).await,
    );
    assert!(opened > clicked && clicked > submitted && submitted > 0, "{opened} {clicked} {submitted}");

    // Times: events over the 90 days before the reference time, increasing with the id.
    let window = "SELECT count(*) FROM firewall_logs WHERE event_time < '2025-12-01' OR event_time > '2026-03-01'";
    assert_eq!(scalar(&a.db, window).await, 0);
    let disorder = "SELECT count(*) FROM (SELECT event_time < lag(event_time) OVER (ORDER BY id) AS back \
                    FROM firewall_logs) t WHERE back";
    assert_eq!(scalar(&a.db, disorder).await, 0);
    let later = "SELECT count(*) FROM incidents WHERE resolved_at < created_at OR updated_at < created_at";
    assert_eq!(scalar(&a.db, later).await, 0);
    // Internal addresses in RFC 1918, external ones in the RFC 5737 documentation ranges.
    let stray = "SELECT count(*) FROM firewall_logs WHERE NOT (src_ip << '10.0.0.0/8' OR src_ip << '172.16.0.0/12' \
                 OR src_ip << '192.168.0.0/16' OR src_ip << '192.0.2.0/24' OR src_ip << '198.51.100.0/24' \
                 OR src_ip << '203.0.113.0/24')";
    assert_eq!(scalar(&a.db, stray).await, 0);

    // The same seed, scale and reference time: the same bytes.
    let b = TestDb::new().await;
    seed(&b.db, options()).await.unwrap_or_else(|e| panic!("{e}"));
    for table in
        ["teams", "team_members", "project_issues", "incidents", "firewall_logs", "phishing_results", "iam_audit_logs"]
    {
        assert_eq!(checksum(&a.db, table).await, checksum(&b.db, table).await, "{table} differs between two runs");
    }
    b.cleanup().await;

    // A filled database is refused, and taken with --append (new rows beside the old ones).
    let before = scalar(&a.db, "SELECT count(*) FROM firewall_logs").await;
    match seed(&a.db, options()).await {
        Err(SeedError::NotEmpty(what)) => assert!(what.contains("users has 6 rows"), "{what}"),
        other => panic!("a filled database was not refused: {other:?}"),
    }
    assert_eq!(scalar(&a.db, "SELECT count(*) FROM firewall_logs").await, before);
    // With --measure: the same rows also go through a plain COPY, which leaves nothing behind.
    let appended =
        seed(&a.db, Options { append: true, measure: true, ..options() }).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(scalar(&a.db, "SELECT count(*) FROM firewall_logs").await, 2 * before);
    assert_eq!(scalar(&a.db, "SELECT count(*) FROM users").await, 12);
    assert_eq!(appended.admin_email, None, "no second administrator");
    let measure = appended.measure.expect("measured");
    assert!(measure.rows >= before as u64 && measure.seconds > 0.0 && measure.seed_seconds > 0.0, "{measure:?}");
    assert_eq!(scalar(&a.db, "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'seed_measure_%'").await, 0);
    a.cleanup().await;
}

fn reference_rows(summary: &Summary) -> u64 {
    summary.tables.iter().filter(|t| t.reference).map(|t| t.rows).sum()
}

#[tokio::test]
async fn a_failure_midway_leaves_every_table_as_it_was() {
    let db = TestDb::new().await;
    let catalog = catalog();
    // One of the last tables refuses every row: everything before it must be rolled back.
    db.db
        .execute_unprepared("ALTER TABLE sast_activities ADD CONSTRAINT seed_test_refuses CHECK (false) NOT VALID")
        .await
        .unwrap();
    let before = counts(&db.db, &catalog).await;
    let foreign_keys = scalar(&db.db, FOREIGN_KEYS).await;
    let err = seed(&db.db, options()).await.expect_err("the constraint must fail the run");
    assert!(err.to_string().contains("sast_activities") && err.to_string().contains("rolled back"), "{err}");
    assert_eq!(counts(&db.db, &catalog).await, before);
    assert_eq!(scalar(&db.db, FOREIGN_KEYS).await, foreign_keys, "the foreign keys are back");
    db.cleanup().await;
}
