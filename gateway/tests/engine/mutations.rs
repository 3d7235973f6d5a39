use serde_json::json;

use crate::harness::Harness;

#[tokio::test]
async fn create_read_update_delete_by_id() {
    let h = Harness::new().await;
    let team = h.team("Ops").await;
    let data = h
        .ok(
            "mutation($t: UUID!) { createProject(input: {name: \"web\", teamId: $t, platform: WEB, businessCriticality: HIGH}) {
               id name platform businessCriticality internetAccessible createdAt team { name } } }",
            json!({"t": team}),
        )
        .await;
    let project = &data["createProject"];
    assert_eq!(project["platform"], "WEB");
    assert_eq!(project["internetAccessible"], false, "database default applied");
    assert_eq!(project["team"]["name"], "Ops", "relations resolve inside the mutation's transaction");
    let id = project["id"].as_str().unwrap().to_string();

    let data = h
        .ok(
            "mutation($id: UUID!) { updateProject(id: $id, set: {description: \"storefront\", platform: null}) { description platform updatedAt } }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(data["updateProject"]["description"], "storefront");
    assert!(data["updateProject"]["platform"].is_null());

    let data = h.ok("mutation($id: UUID!) { deleteProject(id: $id) { name } }", json!({"id": id})).await;
    assert_eq!(data["deleteProject"]["name"], "web");
    assert_eq!(h.count("projects").await, 0);
    assert_eq!(
        h.error_code("mutation($id: UUID!) { deleteProject(id: $id) { name } }", json!({"id": id})).await,
        "NOT_FOUND"
    );
}

#[tokio::test]
async fn bulk_create_and_upsert_on_a_unique_key() {
    let h = Harness::new().await;
    let data = h
        .ok(
            "mutation { createProjects(inputs: [{name: \"a\"}, {name: \"b\", description: \"old\"}]) { id name } }",
            json!({}),
        )
        .await;
    assert_eq!(data["createProjects"].as_array().unwrap().len(), 2);
    let data = h
        .ok(
            "mutation { upsertProjects(inputs: [{name: \"b\", description: \"new\"}, {name: \"c\"}], onConflict: {key: NAME, update: [DESCRIPTION]}) { name description } }",
            json!({}),
        )
        .await;
    assert_eq!(
        data["upsertProjects"],
        json!([{"name": "b", "description": "new"}, {"name": "c", "description": null}])
    );
    assert_eq!(h.count("projects").await, 3);
    // Without columns to update, the existing row is returned unchanged.
    let data = h.ok("mutation { upsertProjects(inputs: [{name: \"b\", description: \"ignored\"}], onConflict: {key: NAME}) { description } }", json!({})).await;
    assert_eq!(data["upsertProjects"][0]["description"], "new");
}

#[tokio::test]
async fn bulk_update_and_delete_respect_at_most() {
    let h = Harness::new().await;
    h.ok("mutation { createProjects(inputs: [{name: \"x1\"}, {name: \"x2\"}, {name: \"y\"}]) { id } }", json!({}))
        .await;
    let code = h
        .error_code("mutation { updateProjects(where: {name: {startsWith: \"x\"}}, set: {businessUnit: \"bu\"}, atMost: 1) { affectedCount } }", json!({}))
        .await;
    assert_eq!(code, "BAD_USER_INPUT");
    let data = h.ok("{ projects(where: {businessUnit: {isNull: false}}) { totalCount } }", json!({})).await;
    assert_eq!(data["projects"]["totalCount"], 0, "nothing was written");

    let data = h
        .ok(
            "mutation { updateProjects(where: {name: {startsWith: \"x\"}}, set: {businessUnit: \"bu\"}, atMost: 2) { affectedCount nodes { name businessUnit } } }",
            json!({}),
        )
        .await;
    assert_eq!(data["updateProjects"]["affectedCount"], 2);
    let code = h
        .error_code(
            "mutation { deleteProjects(where: {businessUnit: {eq: \"bu\"}}, atMost: 1) { affectedCount } }",
            json!({}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT");
    assert_eq!(h.count("projects").await, 3);
    let data = h
        .ok("mutation { deleteProjects(where: {businessUnit: {eq: \"bu\"}}, atMost: 5) { affectedCount } }", json!({}))
        .await;
    assert_eq!(data["deleteProjects"]["affectedCount"], 2);
    assert_eq!(h.count("projects").await, 1);
}

#[tokio::test]
async fn a_request_is_one_transaction() {
    let h = Harness::new().await;
    let response = h
        .run(
            "mutation { first: createProject(input: {name: \"kept?\"}) { id } second: createProject(input: {name: \"kept?\"}) { id } }",
            json!({}),
        )
        .await;
    assert_eq!(response["errors"][0]["extensions"]["code"], "CONFLICT");
    assert!(response["data"].is_null(), "no data is returned for a rolled-back request: {response}");
    assert_eq!(h.count("projects").await, 0, "the first insert was rolled back with the second");
}
