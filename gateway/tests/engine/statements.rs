use cybershield_core::schema::SchemaConfig;
use serde_json::json;

use crate::harness::Harness;

/// Projects, each with 3 scans, each scan with 4 issues, inserted in bulk by SQL.
async fn seed(h: &Harness, projects: usize) {
    h.execute_sql(&format!(
        "INSERT INTO projects (id, name) SELECT gen_random_uuid(), 'project ' || g FROM generate_series(1, {projects}) g;
         INSERT INTO project_scans (id, project_id, name, scan_type, status)
           SELECT gen_random_uuid(), p.id, 'scan ' || g, 'ZAP Scan', 'completed' FROM projects p, generate_series(1, 3) g;
         INSERT INTO project_issues (id, project_id, scan_id, title, severity)
           SELECT gen_random_uuid(), s.project_id, s.id, 'issue ' || g, (ARRAY['Critical','High','Medium','Low'])[g]
           FROM project_scans s, generate_series(1, 4) g;"
    ))
    .await;
}

const NESTED: &str = "query($n: Int!) { projects(first: $n, orderBy: [{name: ASC}]) { nodes { name
    projectScans(first: 2, orderBy: [{name: DESC}]) { nodes { name
      projectIssues(first: 2, where: {severity: {in: [CRITICAL, HIGH]}}) { nodes { title severity project { name } } } } } } } }";

async fn statements_for(projects: usize) -> (usize, usize) {
    let config = SchemaConfig { max_page_size: 1_000, ..SchemaConfig::default() };
    let h = Harness::with_config(config).await;
    seed(&h, projects).await;
    h.counter.reset();
    let data = h.ok(NESTED, json!({"n": projects})).await;
    let nodes = data["projects"]["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), projects);
    let scans = nodes[0]["projectScans"]["nodes"].as_array().unwrap();
    assert_eq!(scans.len(), 2, "per-parent first applies");
    assert_eq!(scans[0]["projectIssues"]["nodes"].as_array().unwrap().len(), 2);
    (h.counter.count(), nodes.len())
}

#[tokio::test]
async fn nested_queries_cost_one_statement_per_level_whatever_the_row_count() {
    let (small, _) = statements_for(10).await;
    let (large, _) = statements_for(500).await;
    // The request's setup (role and teams), then projects, their scans, the scans' issues, the
    // issues' projects: four levels.
    assert_eq!(small, 5);
    assert_eq!(large, small);
}

/// Issues of which every other one has no scan (a NULL foreign key), 600 in one page.
async fn seed_with_missing_scans(h: &Harness) {
    h.execute_sql(
        "INSERT INTO projects (id, name, business_unit) SELECT gen_random_uuid(), 'project ' || g, 'unit ' || g FROM generate_series(1, 30) g;
         INSERT INTO project_scans (id, project_id, name, scan_type, status)
           SELECT gen_random_uuid(), p.id, 'scan ' || g, 'ZAP Scan', 'completed' FROM projects p, generate_series(1, 10) g;
         INSERT INTO project_issues (id, project_id, scan_id, title, severity)
           SELECT gen_random_uuid(), s.project_id, CASE WHEN g % 2 = 0 THEN s.id END, 'issue ' || g, 'High'
           FROM project_scans s, generate_series(1, 2) g;",
    )
    .await;
}

/// On the server's multi-threaded runtime, a level whose rows are slow to resolve (600 of them,
/// half without a parent to look up) is still one statement: batches follow the executor's
/// polling, not a timer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_level_with_null_keys_is_one_statement_on_the_multi_threaded_runtime() {
    let config = SchemaConfig { max_page_size: 1_000, ..SchemaConfig::default() };
    let h = std::sync::Arc::new(Harness::with_config(config).await);
    seed_with_missing_scans(&h).await;
    let query = "{ projectIssues(first: 600) { nodes { title
        scan { name project { businessUnit } projectIssues(first: 1) { totalCount nodes { title } } }
        project { name } } } }";
    for _ in 0..3 {
        h.counter.reset();
        // In a task of its own, as the server runs each request.
        let data = tokio::spawn({
            let h = h.clone();
            async move { h.ok(query, json!({})).await }
        })
        .await
        .unwrap();
        let nodes = data["projectIssues"]["nodes"].as_array().unwrap();
        assert_eq!(nodes.len(), 600);
        assert_eq!(nodes.iter().filter(|n| n["scan"].is_null()).count(), 300);
        assert!(nodes.iter().all(|n| n["project"]["name"].is_string()));
        // Setup; issues; their scans and their projects (one level); the scans' projects, their
        // issues and those issues' count (the next level).
        assert_eq!(h.counter.count(), 7, "{:#?}", h.counter.statements());
    }
}
