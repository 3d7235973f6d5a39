//! `/graphiql`: the whole page comes from this server, nothing from a CDN.

use reqwest::StatusCode;

use crate::support::Server;

/// Every `src="…"` and `href="…"` value of `html`.
fn references(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attr in ["src=", "href="] {
        let mut rest = html;
        while let Some(at) = rest.find(attr) {
            rest = &rest[at + attr.len()..];
            let quote = rest.chars().next().expect("a value after the attribute");
            assert!(quote == '"' || quote == '\'', "unquoted {attr} in the page");
            let end = rest[1..].find(quote).expect("a closing quote");
            found.push(rest[1..=end].to_owned());
            rest = &rest[end + 1..];
        }
    }
    found
}

/// Host names of public CDNs that serve npm packages.
const CDN_HOSTS: [&str; 6] =
    ["unpkg.com", "cdn.jsdelivr.net", "jsdelivr.net", "cdnjs.cloudflare.com", "esm.sh", "cdn.skypack.dev"];

#[tokio::test]
async fn the_page_and_every_file_it_references_come_from_this_server() {
    let server = Server::start().await;
    let response = server.client.get(server.url("/graphiql")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    let csp = response.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    let html = response.text().await.unwrap();
    assert!(html.contains("data-endpoint=\"/graphql\""), "GraphiQL must point at /graphql");
    assert!(!html.contains("//"), "the page names another host or protocol:\n{html}");
    assert!(!html.contains("http"), "the page names a URL:\n{html}");

    let refs = references(&html);
    assert!(refs.len() >= 6, "expected the icon, CSS, React, ReactDOM, GraphiQL and init script: {refs:?}");
    for reference in &refs {
        assert!(
            reference.starts_with("/graphiql/assets/") && !reference.contains("..") && !reference.contains(':'),
            "not a path on this server: {reference}"
        );
        let response = server.client.get(server.url(reference)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{reference}");
        let content_type = response.headers()["content-type"].to_str().unwrap().to_owned();
        let expected = if reference.ends_with(".js") {
            "text/javascript"
        } else if reference.ends_with(".css") {
            "text/css"
        } else if reference.ends_with(".svg") {
            "image/svg+xml"
        } else {
            panic!("unexpected asset kind: {reference}")
        };
        assert!(content_type.starts_with(expected), "{reference}: {content_type}");
        let cache = response.headers()["cache-control"].to_str().unwrap().to_owned();
        if reference.contains(cybershield::graphiql::GRAPHIQL_VERSION)
            || reference.contains(cybershield::graphiql::REACT_VERSION)
        {
            assert!(cache.contains("max-age=31536000"), "{reference}: {cache}");
        }
        assert!(!response.bytes().await.unwrap().is_empty(), "{reference} is empty");
    }
}

#[tokio::test]
async fn an_unknown_asset_is_a_404() {
    let server = Server::start().await;
    let response = server.client.get(server.url("/graphiql/assets/nope.js")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[test]
fn graphiql_assets_load_nothing_from_a_cdn() {
    // graphiql.min.js names "jsdelivr, unpkg" in the text of an error for React < 16 (see
    // assets/graphiql/README.md); what matters is that no file names a CDN *host*.
    for asset in cybershield::graphiql::assets() {
        let text = String::from_utf8_lossy(asset.body);
        for host in CDN_HOSTS {
            assert!(!text.contains(host), "{} references {host}", asset.name);
        }
    }
    let page = cybershield::graphiql::page_html();
    for host in CDN_HOSTS.iter().chain(&["jsdelivr", "unpkg", "cdnjs"]) {
        assert!(!page.contains(host), "the page references {host}");
    }
}
