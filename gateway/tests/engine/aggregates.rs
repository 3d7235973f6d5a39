use serde_json::{Value, json};

use crate::harness::Harness;

async fn seed_issues(h: &Harness) -> String {
    let project = h.project("agg", None).await;
    let issues: Vec<Value> = [("CRITICAL", Some(9.8)), ("HIGH", Some(7.5)), ("HIGH", Some(8.1)), ("LOW", None), ("LOW", Some(2.0)), ("LOW", Some(3.0))]
        .iter()
        .enumerate()
        .map(|(i, (severity, score))| json!({"projectId": project, "title": format!("issue {i}"), "severity": severity, "cvssv3Score": score}))
        .collect();
    h.ok(
        "mutation($inputs: [ProjectIssueCreateInput!]!) { createProjectIssues(inputs: $inputs) { id } }",
        json!({ "inputs": issues }),
    )
    .await;
    project
}

#[tokio::test]
async fn aggregates_group_count_and_summarise_in_sql() {
    let h = Harness::new().await;
    seed_issues(&h).await;
    h.counter.reset();
    let data = h
        .ok(
            "{ projectIssuesAggregate(groupBy: [SEVERITY], orderBy: COUNT_DESC) {
                 key { severity } count countDistinct { cvssv3Score } sum { cvssv3Score } avg { cvssv3Score }
                 min { cvssv3Score title } max { cvssv3Score } } }",
            json!({}),
        )
        .await;
    assert_eq!(h.counter.count(), 2, "the request's setup, then one statement for the whole aggregate");
    let groups = data["projectIssuesAggregate"].as_array().unwrap();
    assert_eq!(groups.len(), 3);
    assert_eq!(groups[0]["key"]["severity"], "LOW");
    assert_eq!(groups[0]["count"], 3);
    assert_eq!(groups[0]["countDistinct"]["cvssv3Score"], 2);
    assert_eq!(groups[0]["sum"]["cvssv3Score"], 5.0);
    assert_eq!(groups[0]["min"]["title"], "issue 3");
    assert_eq!(groups[1]["key"]["severity"], "HIGH");
    assert_eq!(groups[1]["avg"]["cvssv3Score"].as_f64().map(|v| (v * 10.0).round() / 10.0), Some(7.8));
    assert_eq!(groups[1]["max"]["cvssv3Score"], 8.1);

    let data = h.ok("{ projectIssuesAggregate { count key { severity } } }", json!({})).await;
    assert_eq!(data["projectIssuesAggregate"], json!([{"count": 6, "key": {"severity": null}}]));

    let data = h
        .ok(
            "{ projectIssuesAggregate(where: {cvssv3Score: {gte: 3}}, groupBy: [SEVERITY], having: {count: {gte: 2}}) { key { severity } count } }",
            json!({}),
        )
        .await;
    assert_eq!(data["projectIssuesAggregate"], json!([{"key": {"severity": "HIGH"}, "count": 2}]));
}

#[tokio::test]
async fn aggregates_bucket_time_and_filter_through_relations() {
    let h = Harness::new().await;
    let project = seed_issues(&h).await;
    h.execute_sql(
        "UPDATE project_issues SET created_at = '2026-11-01T10:00:00Z' WHERE title IN ('issue 0', 'issue 1')",
    )
    .await;
    let data = h
        .ok(
            "query($p: UUID!) { projectIssuesAggregate(where: {project: {id: {eq: $p}}}, timeBucket: {column: CREATED_AT, unit: MONTH}, groupBy: [SEVERITY]) {
                 key { bucket severity } count } }",
            json!({"p": project}),
        )
        .await;
    let groups = data["projectIssuesAggregate"].as_array().unwrap();
    assert_eq!(groups[0]["key"]["bucket"].as_str().unwrap().get(..10), Some("2026-11-01"));
    assert_eq!(groups.iter().map(|g| g["count"].as_i64().unwrap()).sum::<i64>(), 6);
}
