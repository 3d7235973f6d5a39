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
