use serde_json::{Value, json};

use crate::harness::Harness;

fn names(connection: &Value) -> Vec<String> {
    connection["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| n["name"].as_str().expect("name").to_string())
        .collect()
}

#[tokio::test]
async fn keyset_pages_walk_any_ordering_forwards_and_backwards() {
    let h = Harness::new().await;
    // 23 projects; user_records has NULLs and ties so the cursor must carry the name and id too.
    let inputs: Vec<Value> = (0..23)
        .map(|i| {
            let records = if i % 5 == 0 { Value::Null } else { json!(i % 4) };
            json!({"name": format!("p{i:02}"), "userRecords": records})
        })
        .collect();
    h.ok(
        "mutation($inputs: [ProjectCreateInput!]!) { createProjects(inputs: $inputs) { id } }",
        json!({ "inputs": inputs }),
    )
    .await;
    let mut expected: Vec<(Option<i64>, String)> =
        (0..23).map(|i| (if i % 5 == 0 { None } else { Some(i % 4) }, format!("p{i:02}"))).collect();
    // DESC NULLS LAST on user_records, then name ascending.
    expected.sort_by(|a, b| match (a.0, b.0) {
        (Some(x), Some(y)) => y.cmp(&x).then(a.1.cmp(&b.1)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.1.cmp(&b.1),
    });
    let expected: Vec<String> = expected.into_iter().map(|(_, n)| n).collect();

    let query = "query($after: String, $before: String, $first: Int, $last: Int) {
        projects(orderBy: [{userRecords: DESC_NULLS_LAST}, {name: ASC}], first: $first, after: $after, last: $last, before: $before) {
          nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";
    let mut seen = Vec::new();
    let mut after = Value::Null;
    loop {
        let data = h.ok(query, json!({"first": 5, "after": after})).await;
        let page = &data["projects"];
        seen.extend(names(page));
        if !page["pageInfo"]["hasNextPage"].as_bool().unwrap() {
            break;
        }
        after = page["pageInfo"]["endCursor"].clone();
    }
    assert_eq!(seen, expected);

    let mut backwards = Vec::new();
    let mut before = Value::Null;
    loop {
        let data = h.ok(query, json!({"last": 4, "before": before})).await;
        let page = &data["projects"];
        let mut chunk = names(page);
        chunk.extend(backwards);
        backwards = chunk;
        if !page["pageInfo"]["hasPreviousPage"].as_bool().unwrap() {
            break;
        }
        before = page["pageInfo"]["startCursor"].clone();
    }
    assert_eq!(backwards, expected);
}

#[tokio::test]
async fn filters_combine_operators_boolean_logic_and_relations() {
    let h = Harness::new().await;
    let red = h.team("Red").await;
    let blue = h.team("Blue").await;
    h.project("alpha", Some(&red)).await;
    h.project("beta", Some(&red)).await;
    h.project("gamma", Some(&blue)).await;
    h.project("delta", None).await;

    let list = |filter: Value| {
        let h = &h;
        async move {
            let data = h
                .ok(
                    "query($w: ProjectFilter) { projects(where: $w, orderBy: [{name: ASC}]) { nodes { name } } }",
                    json!({"w": filter}),
                )
                .await;
            names(&data["projects"])
        }
    };
    assert_eq!(list(json!({"team": {"name": {"eq": "Red"}}})).await, ["alpha", "beta"]);
    assert_eq!(
        list(json!({"or": [{"name": {"eq": "gamma"}}, {"name": {"startsWith": "del"}}]})).await,
        ["delta", "gamma"]
    );
    assert_eq!(list(json!({"not": {"name": {"in": ["alpha", "beta"]}}})).await, ["delta", "gamma"]);
    assert_eq!(list(json!({"teamId": {"isNull": true}})).await, ["delta"]);
    assert_eq!(list(json!({"name": {"ilike": "%LT%"}})).await, ["delta"]);
    assert_eq!(
        list(json!({"and": [{"team": {"name": {"neq": "Red"}}}, {"name": {"contains": "amm"}}]})).await,
        ["gamma"]
    );

    let teams = |filter: Value| {
        let h = &h;
        async move {
            let data = h
                .ok(
                    "query($w: TeamFilter) { teams(where: $w, orderBy: [{name: ASC}]) { nodes { name } } }",
                    json!({"w": filter}),
                )
                .await;
            names(&data["teams"])
        }
    };
    assert_eq!(teams(json!({"projects": {"some": {"name": {"eq": "gamma"}}}})).await, ["Blue"]);
    assert_eq!(teams(json!({"projects": {"every": {"name": {"in": ["alpha", "beta"]}}}})).await, ["Red"]);
    assert_eq!(teams(json!({"projects": {"none": {"name": {"eq": "alpha"}}}})).await, ["Blue"]);
}

#[tokio::test]
async fn relations_resolve_both_ways_with_per_parent_first_and_order() {
    let h = Harness::new().await;
    let team = h.team("Core").await;
    let a = h.project("a", Some(&team)).await;
    let b = h.project("b", Some(&team)).await;
    for (project, count) in [(&a, 5), (&b, 1)] {
        let inputs: Vec<Value> =
            (0..count).map(|i| json!({"projectId": project, "name": format!("scan {i}"), "scanType": "ZAP Scan", "status": "COMPLETED"})).collect();
        h.ok(
            "mutation($inputs: [ProjectScanCreateInput!]!) { createProjectScans(inputs: $inputs) { id } }",
            json!({ "inputs": inputs }),
        )
        .await;
    }
    let data = h
        .ok(
            "{ teams { nodes { name projects(orderBy: [{name: ASC}]) { nodes { name
                 projectScans(first: 2, orderBy: [{name: DESC}]) { totalCount pageInfo { hasNextPage }
                   edges { cursor node { name status project { name team { name } } } } } } } } } }",
            json!({}),
        )
        .await;
    let projects = &data["teams"]["nodes"][0]["projects"]["nodes"];
    let scans_a = &projects[0]["projectScans"];
    assert_eq!(scans_a["totalCount"], 5);
    assert_eq!(scans_a["pageInfo"]["hasNextPage"], true);
    let scan_names: Vec<&str> =
        scans_a["edges"].as_array().unwrap().iter().map(|e| e["node"]["name"].as_str().unwrap()).collect();
    assert_eq!(scan_names, ["scan 4", "scan 3"]);
    assert_eq!(scans_a["edges"][0]["node"]["project"]["team"]["name"], "Core");
    assert_eq!(scans_a["edges"][0]["node"]["status"], "COMPLETED");
    let scans_b = &projects[1]["projectScans"];
    assert_eq!(scans_b["totalCount"], 1);
    assert_eq!(scans_b["pageInfo"]["hasNextPage"], false);

    // The next page of one parent's relation continues from its cursor.
    let cursor = scans_a["edges"][1]["cursor"].as_str().unwrap();
    let data = h
        .ok(
            "query($id: UUID!, $after: String) { project(id: $id) { projectScans(first: 2, orderBy: [{name: DESC}], after: $after) { nodes { name } } } }",
            json!({"id": a, "after": cursor}),
        )
        .await;
    assert_eq!(names(&data["project"]["projectScans"]), ["scan 2", "scan 1"]);
}

#[tokio::test]
async fn total_count_and_by_id_cost_a_statement_only_when_asked() {
    let h = Harness::new().await;
    let id = h.project("solo", None).await;
    h.counter.reset();
    // One statement sets the request's role and teams; then one for the page.
    h.ok("{ projects { nodes { name } } }", json!({})).await;
    assert_eq!(h.counter.count(), 2, "{:?}", h.counter.statements());
    h.counter.reset();
    h.ok("{ projects { totalCount nodes { name } } }", json!({})).await;
    assert_eq!(h.counter.count(), 3, "{:?}", h.counter.statements());

    let data = h.ok("query($id: UUID!) { project(id: $id) { name } }", json!({"id": id})).await;
    assert_eq!(data["project"]["name"], "solo");
    let data = h
        .ok("query($id: UUID!) { project(id: $id) { name } }", json!({"id": "0190f1a2-7b3c-7d4e-8f00-112233445566"}))
        .await;
    assert!(data["project"].is_null());
}

#[tokio::test]
async fn json_array_and_inet_columns_filter_with_their_own_operators() {
    let h = Harness::new().await;
    h.ok(
        "mutation { createProjects(inputs: [
            {name: \"tagged\", tags: [\"pci\", \"internet\"], slaDays: {critical: 3, high: 30}},
            {name: \"plain\", tags: []} ]) { id } }",
        json!({}),
    )
    .await;
    let data =
        h.ok("{ projects(where: {tags: {contains: [\"pci\"]}}) { nodes { name tags slaDays } } }", json!({})).await;
    assert_eq!(names(&data["projects"]), ["tagged"]);
    assert_eq!(data["projects"]["nodes"][0]["tags"], json!(["pci", "internet"]));
    assert_eq!(data["projects"]["nodes"][0]["slaDays"]["critical"], 3);
    let data = h.ok("{ projects(where: {slaDays: {contains: {critical: 3}}}) { nodes { name } } }", json!({})).await;
    assert_eq!(names(&data["projects"]), ["tagged"]);
    let data = h.ok("{ projects(where: {slaDays: {path: \"$.critical < 5\"}}) { nodes { name } } }", json!({})).await;
    assert_eq!(names(&data["projects"]), ["tagged"]);

    h.ok(
        "mutation { createUsers(inputs: [
            {email: \"a@x.io\", username: \"a\", role: ANALYST, lastLoginIp: \"10.1.2.3\"},
            {email: \"b@x.io\", username: \"b\", role: VIEWER, lastLoginIp: \"192.168.0.9\"}]) { id } }",
        json!({}),
    )
    .await;
    let data = h
        .ok(
            "{ users(where: {lastLoginIp: {containedBy: \"10.0.0.0/8\"}}) { nodes { username lastLoginIp } } }",
            json!({}),
        )
        .await;
    assert_eq!(data["users"]["nodes"], json!([{"username": "a", "lastLoginIp": "10.1.2.3"}]));
    // citext: the email matches whatever its case.
    let data = h.ok("{ users(where: {email: {eq: \"B@X.IO\"}}) { nodes { username } } }", json!({})).await;
    assert_eq!(data["users"]["nodes"], json!([{"username": "b"}]));
}

#[tokio::test]
async fn keyset_pages_in_one_direction_use_row_comparison_and_miss_nothing() {
    let h = Harness::new().await;
    // One bulk insert: every created_at ties, so the id decides; all keys descending, none null.
    let inputs: Vec<Value> = (0..17).map(|i| json!({"name": format!("q{i:02}")})).collect();
    h.ok(
        "mutation($inputs: [ProjectCreateInput!]!) { createProjects(inputs: $inputs) { id } }",
        json!({ "inputs": inputs }),
    )
    .await;
    let all = h.ok("{ projects(first: 100, orderBy: [{createdAt: DESC}]) { nodes { name } } }", json!({})).await;
    let expected = names(&all["projects"]);
    let query = "query($after: String) { projects(first: 4, after: $after, orderBy: [{createdAt: DESC}]) {
        nodes { name } pageInfo { hasNextPage endCursor } } }";
    let (mut seen, mut after) = (Vec::new(), Value::Null);
    loop {
        let data = h.ok(query, json!({"after": after})).await;
        seen.extend(names(&data["projects"]));
        if !data["projects"]["pageInfo"]["hasNextPage"].as_bool().unwrap() {
            break;
        }
        after = data["projects"]["pageInfo"]["endCursor"].clone();
    }
    assert_eq!(seen, expected);
    assert_eq!(seen.len(), 17);
    assert!(
        h.counter.statements().iter().any(|s| s.contains(") < (")),
        "the keyset predicate is a row comparison: {:?}",
        h.counter.statements()
    );
}
