use serde_json::json;

use crate::harness::Harness;

#[tokio::test]
async fn bad_input_gets_a_stable_code_and_writes_nothing() {
    let h = Harness::new().await;
    // Unknown enum value, as a literal and as a variable.
    let code =
        h.error_code("mutation { createProject(input: {name: \"p\", platform: TOASTER}) { id } }", json!({})).await;
    assert_eq!(code, "BAD_USER_INPUT");
    let code = h
        .error_code(
            "mutation($i: ProjectCreateInput!) { createProject(input: $i) { id } }",
            json!({"i": {"name": "p", "platform": "TOASTER"}}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT");
    // A foreign key to a row that does not exist.
    let code = h
        .error_code(
            "mutation { createProject(input: {name: \"p\", teamId: \"0190f1a2-7b3c-7d4e-8f00-112233445566\"}) { id } }",
            json!({}),
        )
        .await;
    assert_eq!(code, "BAD_USER_INPUT");
    // A malformed UUID never reaches SQL.
    let code = h.error_code("{ project(id: \"not-a-uuid\") { id } }", json!({})).await;
    assert_eq!(code, "BAD_USER_INPUT");
    assert_eq!(h.count("projects").await, 0);

    // A duplicate unique key.
    h.project("p", None).await;
    let response = h.run("mutation { createProject(input: {name: \"p\"}) { id } }", json!({})).await;
    assert_eq!(response["errors"][0]["extensions"]["code"], "CONFLICT");
    assert!(response["errors"][0]["message"].as_str().unwrap().contains("name"), "{response}");
    assert_eq!(h.count("projects").await, 1);
}

#[tokio::test]
async fn limits_are_on_by_default() {
    let h = Harness::new().await;
    assert_eq!(h.error_code("{ projects(first: 101) { nodes { id } } }", json!({})).await, "BAD_USER_INPUT");
    assert_eq!(h.error_code("{ projects(first: 1, last: 1) { nodes { id } } }", json!({})).await, "BAD_USER_INPUT");
    assert_eq!(h.error_code("{ projects(after: \"garbage\") { nodes { id } } }", json!({})).await, "BAD_USER_INPUT");

    let deep = "{ teams { nodes { projects { nodes { team { projects { nodes { team { projects { nodes { team { name } } } } } } } } } } } }";
    assert_eq!(h.error_code(deep, json!({})).await, "QUERY_TOO_DEEP");

    let aliases: String = (0..16).map(|i| format!("a{i}: health {{ tableCount }} ")).collect();
    assert_eq!(h.error_code(&format!("{{ {aliases} }}"), json!({})).await, "TOO_MANY_ALIASES");

    let roots = "health { tableCount } ".repeat(11);
    assert_eq!(h.error_code(&format!("{{ {roots} }}"), json!({})).await, "TOO_MANY_ROOT_FIELDS");
    let directives = "@include(if: true) ".repeat(6);
    assert_eq!(
        h.error_code(&format!("{{ health {directives} {{ tableCount }} }}"), json!({})).await,
        "TOO_MANY_DIRECTIVES"
    );
    let long = format!("{{ health {{ tableCount }} }} #{}", "x".repeat(15_000));
    assert_eq!(h.error_code(&long, json!({})).await, "QUERY_TOO_LARGE");

    assert_eq!(h.error_code("{ nope }", json!({})).await, "GRAPHQL_VALIDATION_FAILED");
    assert_eq!(h.error_code("{ projects { ", json!({})).await, "GRAPHQL_PARSE_FAILED");
}
