//! GraphiQL, served whole by the gateway: the page and every file it loads are compiled in, so
//! it works without internet access. The vendored files and how to update them:
//! `gateway/assets/graphiql/README.md`.

use std::sync::LazyLock;

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

macro_rules! graphiql_version {
    () => {
        "3.9.0"
    };
}
macro_rules! react_version {
    () => {
        "18.3.1"
    };
}

/// The vendored `graphiql` package version; part of the asset URLs.
pub const GRAPHIQL_VERSION: &str = graphiql_version!();
/// The vendored `react` and `react-dom` package version; part of the asset URLs.
pub const REACT_VERSION: &str = react_version!();

/// Where the page is served.
pub const PAGE_PATH: &str = "/graphiql";
/// The prefix of the files the page loads.
pub const ASSETS_PATH: &str = "/graphiql/assets";

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const SVG: &str = "image/svg+xml";

/// Versioned vendored files never change under their URL: a browser keeps them for a year.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// The page and our own small files are revalidated on every load.
const REVALIDATE: &str = "no-cache";

/// The page allows nothing but this server: no inline script, no other host.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
    img-src 'self' data:; font-src 'self' data:; connect-src 'self'; \
    base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// One file under [`ASSETS_PATH`].
#[derive(Debug, Clone, Copy)]
pub struct Asset {
    /// The file name in the URL, e.g. `graphiql-3.9.0.min.js`.
    pub name: &'static str,
    pub content_type: &'static str,
    pub cache_control: &'static str,
    pub body: &'static [u8],
}

static ASSETS: [Asset; 7] = [
    Asset {
        name: concat!("graphiql-", graphiql_version!(), ".min.js"),
        content_type: JS,
        cache_control: IMMUTABLE,
        body: include_bytes!("../../assets/graphiql/graphiql.min.js"),
    },
    Asset {
        name: concat!("graphiql-", graphiql_version!(), ".min.css"),
        content_type: CSS,
        cache_control: IMMUTABLE,
        body: include_bytes!("../../assets/graphiql/graphiql.min.css"),
    },
    Asset {
        name: concat!("react-", react_version!(), ".production.min.js"),
        content_type: JS,
        cache_control: IMMUTABLE,
        body: include_bytes!("../../assets/graphiql/react.production.min.js"),
    },
    Asset {
        name: concat!("react-dom-", react_version!(), ".production.min.js"),
        content_type: JS,
        cache_control: IMMUTABLE,
        body: include_bytes!("../../assets/graphiql/react-dom.production.min.js"),
    },
    Asset { name: "init.js", content_type: JS, cache_control: REVALIDATE, body: include_bytes!("init.js") },
    Asset { name: "page.css", content_type: CSS, cache_control: REVALIDATE, body: include_bytes!("page.css") },
    Asset { name: "favicon.svg", content_type: SVG, cache_control: REVALIDATE, body: include_bytes!("favicon.svg") },
];

static PAGE: LazyLock<String> = LazyLock::new(|| {
    include_str!("page.html")
        .replace("{{GRAPHIQL_VERSION}}", GRAPHIQL_VERSION)
        .replace("{{REACT_VERSION}}", REACT_VERSION)
});

/// Every file the page may load.
pub fn assets() -> &'static [Asset] {
    &ASSETS
}

/// The HTML of `GET /graphiql`.
pub fn page_html() -> &'static str {
    &PAGE
}

/// `GET /graphiql` and `GET /graphiql/assets/{file}`.
pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new().route(PAGE_PATH, get(page)).route(&format!("{ASSETS_PATH}/{{file}}"), get(asset))
}

async fn page() -> Response {
    let mut response = page_html().into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(REVALIDATE));
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
}

async fn asset(Path(file): Path<String>) -> Response {
    match assets().iter().find(|a| a.name == file) {
        Some(a) => (
            [
                (header::CONTENT_TYPE, a.content_type),
                (header::CACHE_CONTROL, a.cache_control),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            ],
            a.body,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_references_every_asset_it_needs() {
        let page = page_html();
        assert!(!page.contains("{{"), "unreplaced placeholder in the page");
        for asset in assets() {
            assert!(page.contains(&format!("{ASSETS_PATH}/{}", asset.name)), "{} is not referenced", asset.name);
        }
    }
}
