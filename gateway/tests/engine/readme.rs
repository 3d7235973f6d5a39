//! The README's GraphQL examples run as written.

use serde_json::json;

use crate::harness::Harness;

#[tokio::test]
async fn readme_examples_run() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md")).expect("README.md");
    let blocks: Vec<&str> = readme.split("```graphql").skip(1).filter_map(|rest| rest.split("```").next()).collect();
    assert!(blocks.len() >= 2, "the README shows a query and a mutation");
    let h = Harness::new().await;
    // The mutation first, so the query finds something.
    for block in blocks.iter().rev() {
        h.ok(block, json!({"team": "appsec"})).await;
    }
    let data = h.ok(blocks[0], json!({"team": "appsec"})).await;
    assert_eq!(data["projects"]["totalCount"], 0, "the example project has no team yet");
    let data = h.ok("{ projects(where: {name: {eq: \"storefront\"}}) { nodes { platform } } }", json!({})).await;
    assert_eq!(data["projects"]["nodes"][0]["platform"], "WEB");
}
