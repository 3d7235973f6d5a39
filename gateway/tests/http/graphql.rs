//! `POST /graphql` and `GET /graphql`.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::support::Server;
use cybershield_core::config::Config;

#[tokio::test]
async fn post_runs_a_query() {
    let server = Server::start().await;
    let response = server
        .client
        .post(server.url("/graphql"))
        .json(&json!({ "query": "{ health { tableCount } }" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert!(body.get("errors").is_none(), "{body}");
    assert!(body["data"]["health"]["tableCount"].is_i64(), "{body}");
}

#[tokio::test]
async fn batches_are_refused() {
    let server = Server::start().await;
    let body: Value = server
        .client
        .post(server.url("/graphql"))
        .json(&json!([{ "query": "{ health { tableCount } }" }, { "query": "{ __typename }" }]))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "BATCHING_NOT_ALLOWED", "{body}");
    assert!(body.get("data").is_none_or(Value::is_null), "nothing ran: {body}");
}

#[tokio::test]
async fn get_runs_a_query_from_the_query_string() {
    let server = Server::start().await;
    let response = server
        .client
        .get(server.url("/graphql"))
        .query(&[("query", "query Health { health { tableCount } }"), ("operationName", "Health")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert!(body["data"]["health"]["tableCount"].is_i64(), "{body}");
}

#[tokio::test]
async fn get_refuses_mutations() {
    let server = Server::start().await;
    let response =
        server.client.get(server.url("/graphql")).query(&[("query", "mutation { anything }")]).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(response.headers()["allow"], "POST");
    let body: Value = response.json().await.unwrap();
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("POST"), "{body}");
}

#[tokio::test]
async fn post_refuses_bodies_that_are_not_json() {
    // A browser posts text/plain and forms cross-site without a preflight: never execute them.
    let server = Server::start().await;
    for content_type in ["text/plain", "application/x-www-form-urlencoded"] {
        let response = server
            .client
            .post(server.url("/graphql"))
            .header("content-type", content_type)
            .body(r#"{"query":"{ health { tableCount } }"}"#)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE, "{content_type}");
    }
}

#[tokio::test]
async fn a_malformed_body_is_a_400() {
    let server = Server::start().await;
    let response = server
        .client
        .post(server.url("/graphql"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
}

/// The introspection query of GraphiQL 3 (graphql-js 16): `TypeRef` nests `ofType` nine deep,
/// 15 levels in all, past the default depth limit of 10.
fn graphiql_introspection_query() -> String {
    let type_ref = format!("kind name {}{}", "ofType { kind name ".repeat(9), "} ".repeat(9));
    format!(
        "query IntrospectionQuery {{ __schema {{ description queryType {{ name }} mutationType {{ name }} subscriptionType {{ name }} \
         types {{ ...FullType }} directives {{ name description isRepeatable locations args(includeDeprecated: true) {{ ...InputValue }} }} }} }} \
         fragment FullType on __Type {{ kind name description specifiedByURL \
           fields(includeDeprecated: true) {{ name description args(includeDeprecated: true) {{ ...InputValue }} type {{ ...TypeRef }} isDeprecated deprecationReason }} \
           inputFields(includeDeprecated: true) {{ ...InputValue }} interfaces {{ ...TypeRef }} \
           enumValues(includeDeprecated: true) {{ name description isDeprecated deprecationReason }} possibleTypes {{ ...TypeRef }} }} \
         fragment InputValue on __InputValue {{ name description type {{ ...TypeRef }} defaultValue isDeprecated deprecationReason }} \
         fragment TypeRef on __Type {{ {type_ref} }}"
    )
}

#[tokio::test]
async fn graphiql_introspection_passes_the_depth_limit() {
    let server = Server::start().await;
    let body: Value = server
        .client
        .post(server.url("/graphql"))
        .json(&json!({ "query": graphiql_introspection_query(), "operationName": "IntrospectionQuery" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(body.get("errors").is_none(), "{}", &body.to_string()[..body.to_string().len().min(500)]);
    assert_eq!(body["data"]["__schema"]["queryType"]["name"], "Query");
}

#[tokio::test]
async fn data_queries_keep_the_depth_limit() {
    let server = Server::start().await;
    // Deep, but not pure introspection: the configured limit (10) applies.
    let deep = format!(
        "{{ health {{ tableCount }} __schema {{ types {{ fields {{ type {{ {}name{} }} }} }} }} }}",
        "ofType { ".repeat(8),
        " }".repeat(8)
    );
    let body: Value = server
        .client
        .post(server.url("/graphql"))
        .json(&json!({ "query": deep }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body["errors"][0]["extensions"]["code"], "QUERY_TOO_DEEP", "{body}");
}

#[tokio::test]
async fn introspection_can_be_turned_off() {
    let mut config = Config::default();
    config.schema.introspection = false;
    let server = Server::start_with(config).await;
    let body: Value = server
        .client
        .post(server.url("/graphql"))
        .json(&json!({ "query": "{ __schema { queryType { name } } }" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(body["data"].is_null() || body["data"]["__schema"].is_null(), "{body}");
    assert!(body["errors"].is_array(), "{body}");
    // Field suggestions are off too: an unknown field does not reveal its neighbours.
    let body: Value = server
        .client
        .post(server.url("/graphql"))
        .json(&json!({ "query": "{ healt { tableCount } }" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let message = body["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(!message.contains("Did you mean"), "{message}");
}
