//! The HTTP surface: `/graphql`, `/graphiql`, `/healthz`, `/readyz`, `/metrics`.

use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use async_graphql::dynamic::Schema;
use async_graphql::parser::Positioned;
use async_graphql::parser::types::{
    DocumentOperations, ExecutableDocument, OperationDefinition, OperationType, Selection,
};
use async_graphql::{BatchRequest, BatchResponse, ParseRequestError};
use async_graphql_axum::rejection::GraphQLRejection;
use async_graphql_axum::{GraphQLBatchRequest, GraphQLRequest, GraphQLResponse};
use axum::Router;
use axum::extract::{ConnectInfo, FromRequest, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use cybershield_core::auth::{RequestMeta, Viewer};
use cybershield_core::config::Config;
use cybershield_core::crypto::SecretKeys;
use cybershield_core::error::ApiError;
use cybershield_core::schema::{SchemaConfig, build_schema};
use cybershield_iam::auth::{Clock, LoginThrottle};
use sea_orm::DatabaseConnection;
use sea_orm_migration::MigratorTrait;
use serde_json::json;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnFailure, DefaultOnResponse, TraceLayer};
use tracing::{Instrument, Level};

/// What every handler shares. Cheap to clone (the schemas and the pool are handles).
#[derive(Clone)]
pub struct AppState {
    /// The executable schema, built with `Some(db)`.
    pub schema: Schema,
    /// The same schema without a database and with a depth limit that lets the standard
    /// introspection query through (GraphiQL's is 15 levels deep, more than `max_depth`);
    /// requests that select only `__schema`, `__type` and `__typename` run here, in
    /// introspection-only mode. Complexity and alias limits stay as configured.
    pub introspection: Schema,
    /// The pool `/readyz` checks.
    pub db: DatabaseConnection,
    /// What authentication needs besides the pool.
    pub auth: AuthState,
    /// `CYBERSHIELD_INTROSPECTION`: when off, introspection queries get the main schema, which
    /// refuses them.
    pub introspection_enabled: bool,
}

/// The authentication side of the application: the keys of secret columns, the clock, the
/// per-address login throttle (of this process) and whether to believe `X-Forwarded-For`.
#[derive(Clone)]
pub struct AuthState {
    pub keys: Arc<SecretKeys>,
    /// The system clock, except in tests that pin it.
    pub clock: Clock,
    pub throttle: Arc<LoginThrottle>,
    /// `CYBERSHIELD_TRUST_PROXY`.
    pub trust_proxy: bool,
}

impl AuthState {
    /// With the system clock, the default throttle and no proxy trusted.
    pub fn new(keys: Arc<SecretKeys>) -> Self {
        cybershield_iam::auth::password::prepare();
        AuthState { keys, clock: Clock::system(), throttle: Arc::new(LoginThrottle::default()), trust_proxy: false }
    }
}

/// Who asks and from where, for one HTTP request (shared by the requests of a batch).
#[derive(Clone)]
pub struct RequestContext {
    pub meta: RequestMeta,
    pub viewer: Option<Viewer>,
    /// When the handler got the request: request latency includes authentication.
    pub received: Instant,
    /// Why the bearer token could not be checked (the database is down): the request answers
    /// this error (UNAVAILABLE) rather than running as anonymous and answering UNAUTHENTICATED.
    pub auth_error: Option<ApiError>,
}

/// The id of an HTTP request, made by [`request_id`] and returned in `x-request-id`.
#[derive(Debug, Clone, Copy)]
pub struct RequestId(pub uuid::Uuid);

/// Depth limit of [`AppState::introspection`] (when larger than the configured one).
pub const INTROSPECTION_MAX_DEPTH: usize = 20;

impl AppState {
    /// Builds both schemas from every domain of `cybershield_migration::domains()`.
    pub fn new(db: DatabaseConnection, config: &SchemaConfig, auth: AuthState) -> anyhow::Result<AppState> {
        let domains = cybershield_migration::domains();
        let schema = build_schema(&domains, config, Some(db.clone()))
            .map_err(|e| anyhow::anyhow!("cannot build the GraphQL schema: {}", e.0))?;
        let introspection_config =
            SchemaConfig { max_depth: config.max_depth.max(INTROSPECTION_MAX_DEPTH), ..config.clone() };
        let introspection = build_schema(&domains, &introspection_config, None)
            .map_err(|e| anyhow::anyhow!("cannot build the GraphQL introspection schema: {}", e.0))?;
        Ok(AppState { schema, introspection, db, auth, introspection_enabled: config.introspection })
    }

    /// Who asks: the viewer of the bearer token (none when the header is missing or the token is
    /// unknown, expired or revoked: the resolvers then answer UNAUTHENTICATED), the client's
    /// address, user agent and the request id.
    pub fn request_context(&self, request: &Request) -> impl Future<Output = RequestContext> + Send + 'static {
        // Read what is needed now: the request itself (its body) may not cross an await.
        let headers = request.headers();
        let received = Instant::now();
        let request_id = request.extensions().get::<RequestId>().map_or_else(uuid::Uuid::now_v7, |id| id.0);
        let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip());
        let ip = client_ip(headers, peer, self.auth.trust_proxy).map(|ip| ip.to_string());
        let user_agent = headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|ua| ua.chars().take(512).collect::<String>());
        let token = bearer_token(headers).map(str::to_string);
        let (db, clock) = (self.db.clone(), self.auth.clock.clone());
        async move {
            let (viewer, auth_error) = match token {
                Some(token) => match cybershield_iam::auth::authenticate(&db, &token, clock.now()).await {
                    Ok(viewer) => (viewer, None),
                    Err(error) => {
                        tracing::warn!(%error, "could not resolve the bearer token");
                        (None, Some(error))
                    }
                },
                None => (None, None),
            };
            RequestContext { meta: RequestMeta { ip, user_agent, request_id }, viewer, received, auth_error }
        }
    }

    /// The request data of authentication: the viewer (if any), the request facts, the keys,
    /// the throttle and the clock.
    fn with_context(&self, mut request: async_graphql::Request, context: &RequestContext) -> async_graphql::Request {
        if let Some(viewer) = &context.viewer {
            request = request.data(viewer.clone());
        }
        request
            .data(context.meta.clone())
            .data(self.auth.keys.clone())
            .data(self.auth.throttle.clone())
            .data(self.auth.clock.clone())
    }

    /// Executes one request on the schema that fits it, as `context`'s viewer, in a `graphql`
    /// span (operation, request_id, viewer); records its metrics (see [`crate::monitoring`]).
    pub async fn execute_as(
        &self,
        mut request: async_graphql::Request,
        context: &RequestContext,
    ) -> async_graphql::Response {
        let name = operation_name(&mut request);
        let label = crate::monitoring::operation_label(name.as_deref());
        let viewer = context.viewer.as_ref().map_or_else(|| "anonymous".to_owned(), |v| v.user_id.to_string());
        // The span shows the name as sent (cut short); the metrics only bounded labels.
        let shown: String = name.as_deref().unwrap_or(crate::monitoring::ANONYMOUS).chars().take(100).collect();
        let span =
            tracing::info_span!("graphql", operation = %shown, request_id = %context.meta.request_id, viewer = %viewer);
        let in_flight = crate::monitoring::InFlight::start();
        let response = match &context.auth_error {
            Some(error) => error_response(error.clone()),
            None => self.execute(self.with_context(request, context)).instrument(span.clone()).await,
        };
        drop(in_flight);
        let elapsed = context.received.elapsed();
        let outcome = crate::monitoring::record_request(&label, &response, elapsed);
        span.in_scope(|| {
            tracing::debug!(
                outcome,
                duration_ms = elapsed.as_secs_f64() * 1000.0,
                errors = response.errors.len(),
                "graphql operation done"
            )
        });
        response
    }

    /// Executes a request as `context`'s viewer. Batches are refused: one HTTP request, one
    /// operation (batching multiplies the cost of a request past every per-query limit).
    pub async fn execute_batch_as(&self, batch: BatchRequest, context: &RequestContext) -> BatchResponse {
        match batch {
            BatchRequest::Single(request) => BatchResponse::Single(self.execute_as(request, context).await),
            BatchRequest::Batch(_) => {
                let response = batching_refused();
                crate::monitoring::record_request("batch", &response, context.received.elapsed());
                BatchResponse::Single(response)
            }
        }
    }

    /// Executes one request on the schema that fits it.
    pub async fn execute(&self, mut request: async_graphql::Request) -> async_graphql::Response {
        if self.introspection_enabled && is_introspection_only(&mut request) {
            self.introspection.execute(request.only_introspection()).await
        } else {
            self.schema.execute(request).await
        }
    }

    /// Executes a request; batches are refused.
    pub async fn execute_batch(&self, batch: BatchRequest) -> BatchResponse {
        match batch {
            BatchRequest::Single(request) => BatchResponse::Single(self.execute(request).await),
            BatchRequest::Batch(_) => BatchResponse::Single(batching_refused()),
        }
    }
}

/// A response of one error, e.g. UNAVAILABLE when the viewer could not be looked up.
fn error_response(error: ApiError) -> async_graphql::Response {
    async_graphql::Response::from_errors(vec![error.into_graphql().into_server_error(Default::default())])
}

fn batching_refused() -> async_graphql::Response {
    use async_graphql::ErrorExtensions;
    let error = async_graphql::Error::new("send one operation per request; batches are not accepted")
        .extend_with(|_, ext| ext.set("code", "BATCHING_NOT_ALLOWED"));
    async_graphql::Response::from_errors(vec![error.into_server_error(Default::default())])
}

/// The operation `operation_name` selects in `document` (the only one when no name is given).
fn selected_operation<'d>(
    document: &'d ExecutableDocument,
    operation_name: Option<&str>,
) -> Option<&'d Positioned<OperationDefinition>> {
    match &document.operations {
        DocumentOperations::Single(op) => Some(op),
        DocumentOperations::Multiple(ops) => match operation_name {
            Some(name) => ops.get(name),
            None if ops.len() == 1 => ops.values().next(),
            None => None,
        },
    }
}

/// The name of the operation `request` runs: the selected operation's when the document parses
/// (`None` for an anonymous one), else the `operationName` sent.
fn operation_name(request: &mut async_graphql::Request) -> Option<String> {
    let sent = request.operation_name.clone();
    let Ok(document) = request.parsed_query() else {
        return sent;
    };
    match (&document.operations, sent) {
        (DocumentOperations::Single(_), _) => None,
        (DocumentOperations::Multiple(_), Some(name)) => Some(name),
        (DocumentOperations::Multiple(ops), None) if ops.len() == 1 => ops.keys().next().map(|key| key.to_string()),
        (DocumentOperations::Multiple(_), None) => None,
    }
}

/// A query whose every top-level selection is `__schema`, `__type` or `__typename`.
fn is_introspection_only(request: &mut async_graphql::Request) -> bool {
    let operation_name = request.operation_name.clone();
    let Ok(document) = request.parsed_query() else {
        return false;
    };
    let Some(op) = selected_operation(document, operation_name.as_deref()) else {
        return false;
    };
    let items = &op.node.selection_set.node.items;
    op.node.ty == OperationType::Query
        && !items.is_empty()
        && items.iter().all(|item| {
            matches!(&item.node, Selection::Field(field)
                if matches!(field.node.name.node.as_str(), "__schema" | "__type" | "__typename"))
        })
}

/// The HTTP limits of architecture.md §5.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HttpOptions {
    /// Larger request bodies get 413 (`CYBERSHIELD_BODY_LIMIT_BYTES`).
    pub body_limit_bytes: usize,
    /// A request still running after this gets 503 (`CYBERSHIELD_REQUEST_TIMEOUT_MS`).
    pub request_timeout: Duration,
}

impl Default for HttpOptions {
    fn default() -> Self {
        HttpOptions::from(&Config::default())
    }
}

impl From<&Config> for HttpOptions {
    fn from(config: &Config) -> Self {
        HttpOptions { body_limit_bytes: config.body_limit_bytes, request_timeout: config.request_timeout }
    }
}

/// `/readyz` gives up on the database after this long.
const READY_CHECK_TIMEOUT: Duration = Duration::from_secs(5);

/// The whole HTTP application:
///
/// - `POST /graphql` (`Content-Type: application/json`, single or batch) and `GET /graphql`
///   (`?query=…&variables=…&operationName=…`, queries only: a mutation over GET is 405);
/// - `GET /graphiql` and its files under `/graphiql/assets/`;
/// - `GET /healthz`: 200 `ok` while the process lives;
/// - `GET /readyz`: 200 when the database answers and no migration is pending, else 503;
/// - `GET /metrics`: the Prometheus metrics of this process (see [`crate::monitoring`]).
///
/// Every route has the body limit and the request timeout; all but the probes and `/metrics` are
/// traced, in a `request` span that carries the request id.
pub fn router(state: AppState, options: &HttpOptions) -> Router {
    crate::monitoring::install();
    let traced = Router::new()
        .route("/graphql", get(graphql_get).post(graphql_post))
        .merge(crate::graphiql::routes())
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_span)
                .on_response(DefaultOnResponse::new().level(Level::INFO))
                .on_failure(DefaultOnFailure::new().level(Level::ERROR)),
        )
        // Outside the trace layer, so the span can carry the id.
        .layer(axum::middleware::from_fn(request_id));
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .merge(traced)
        .layer(RequestBodyLimitLayer::new(options.body_limit_bytes))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, options.request_timeout))
        .with_state(state)
}

async fn healthz() -> &'static str {
    "ok"
}

/// `GET /metrics`: Prometheus text format.
async fn metrics(State(state): State<AppState>) -> Response {
    let body = crate::monitoring::render(&state.db);
    let mut response = body.into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"));
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The span of a traced HTTP request: what `DefaultMakeSpan` records, plus the request id.
fn request_span(request: &Request) -> tracing::Span {
    let id = request.extensions().get::<RequestId>().map(|id| id.0.to_string()).unwrap_or_default();
    tracing::info_span!("request", method = %request.method(), uri = %request.uri(), version = ?request.version(), request_id = %id)
}

/// Gives the request a fresh UUIDv7 (for the audit trail and the logs) and returns it in the
/// `x-request-id` response header.
async fn request_id(mut request: Request, next: Next) -> Response {
    let id = uuid::Uuid::now_v7();
    request.extensions_mut().insert(RequestId(id));
    let mut response = next.run(request).await;
    if let Ok(value) = HeaderValue::from_str(&id.to_string()) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}

/// The token of `Authorization: Bearer <token>` (scheme case-insensitive, RFC 7235).
fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// The client's address: the connection's peer, or with `trust_proxy` the last entry of
/// `X-Forwarded-For` (the one our proxy appended; entries before it are the client's to write).
fn client_ip(headers: &HeaderMap, peer: Option<IpAddr>, trust_proxy: bool) -> Option<IpAddr> {
    if trust_proxy {
        let forwarded = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .rfind(|v| !v.is_empty())
            .and_then(|v| v.parse::<IpAddr>().ok());
        if let Some(ip) = forwarded {
            return Some(ip.to_canonical());
        }
    }
    peer.map(|ip| ip.to_canonical())
}

/// Why `/readyz` says no, if it does.
pub async fn readiness(db: &DatabaseConnection) -> Result<(), &'static str> {
    let check = async {
        if let Err(e) = cybershield_core::db::ping(db).await {
            tracing::warn!(error = %e, "readiness: database unreachable");
            return Err("database unreachable");
        }
        match cybershield_migration::Migrator::get_pending_migrations_read_only(db).await {
            Ok(pending) if pending.is_empty() => Ok(()),
            Ok(pending) => {
                tracing::warn!(pending = pending.len(), "readiness: migrations pending");
                Err("migrations pending")
            }
            Err(e) => {
                tracing::warn!(error = %e, "readiness: cannot read migration status");
                Err("migration status unknown")
            }
        }
    };
    match tokio::time::timeout(READY_CHECK_TIMEOUT, check).await {
        Ok(result) => result,
        Err(_) => Err("database check timed out"),
    }
}

async fn readyz(State(state): State<AppState>) -> Response {
    match readiness(&state.db).await {
        Ok(()) => Json(StatusCode::OK, json!({ "status": "ready" })).into_response(),
        Err(reason) => {
            Json(StatusCode::SERVICE_UNAVAILABLE, json!({ "status": "unavailable", "reason": reason })).into_response()
        }
    }
}

/// `POST /graphql`. Only `application/json` bodies: a form or `text/plain` post, which a browser
/// sends cross-site without asking, is refused (415) so cookies can never drive a mutation.
async fn graphql_post(State(state): State<AppState>, request: Request) -> Response {
    if !is_json(request.headers()) {
        return graphql_error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "POST /graphql needs `Content-Type: application/json` with a body like {\"query\": \"{ health { tableCount } }\"}",
        );
    }
    let context = state.request_context(&request).await;
    match GraphQLBatchRequest::<GraphQLRejection>::from_request(request, &()).await {
        Ok(batch) => GraphQLResponse(state.execute_batch_as(batch.into_inner(), &context).await).into_response(),
        Err(rejection) => reject(rejection),
    }
}

/// `GET /graphql?query=…`: queries only (GET must be safe), as the GraphQL-over-HTTP spec asks.
async fn graphql_get(State(state): State<AppState>, request: Request) -> Response {
    let context = state.request_context(&request).await;
    let mut request = match GraphQLRequest::<GraphQLRejection>::from_request(request, &()).await {
        Ok(request) => request.into_inner(),
        Err(rejection) => return reject(rejection),
    };
    // A document that does not parse is left to the executor, which reports it as GraphQL errors.
    let operation_name = request.operation_name.clone();
    if let Ok(document) = request.parsed_query() {
        let operation = selected_operation(document, operation_name.as_deref()).map(|op| op.node.ty);
        if matches!(operation, Some(OperationType::Mutation | OperationType::Subscription)) {
            let mut response = graphql_error(
                StatusCode::METHOD_NOT_ALLOWED,
                "only queries are accepted over GET; send mutations with POST",
            );
            response.headers_mut().insert(header::ALLOW, HeaderValue::from_static("POST"));
            return response;
        }
    }
    GraphQLResponse::from(state.execute_as(request, &context).await).into_response()
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"))
}

/// A request that could not be read: too large (the body limit cut a chunked body short) → 413,
/// anything else → 400.
fn reject(rejection: GraphQLRejection) -> Response {
    match rejection.0 {
        ParseRequestError::PayloadTooLarge => payload_too_large(),
        ParseRequestError::Io(e) if is_length_limit(&e) => payload_too_large(),
        ParseRequestError::Io(e) => graphql_error(StatusCode::BAD_REQUEST, &format!("cannot read the request: {e}")),
        other => graphql_error(StatusCode::BAD_REQUEST, &format!("invalid GraphQL request: {other}")),
    }
}

fn is_length_limit(e: &std::io::Error) -> bool {
    // tower-http's limit layer fails the body stream with `LengthLimitError`; async-graphql-axum
    // turns it into an io::Error carrying only its text.
    e.to_string().contains("length limit exceeded")
}

fn payload_too_large() -> Response {
    graphql_error(StatusCode::PAYLOAD_TOO_LARGE, "request body too large")
}

/// An HTTP-level failure in the GraphQL response shape, so clients show the message.
fn graphql_error(status: StatusCode, message: &str) -> Response {
    Json(status, json!({ "errors": [{ "message": message }] })).into_response()
}

struct Json(StatusCode, serde_json::Value);

impl IntoResponse for Json {
    fn into_response(self) -> Response {
        let mut response = (self.0, self.1.to_string()).into_response();
        response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_content_types() {
        let with = |v: &'static str| {
            let mut h = HeaderMap::new();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(v));
            h
        };
        assert!(is_json(&with("application/json")));
        assert!(is_json(&with("application/json; charset=utf-8")));
        assert!(is_json(&with("Application/JSON")));
        assert!(!is_json(&with("text/plain")));
        assert!(!is_json(&with("application/x-www-form-urlencoded")));
        assert!(!is_json(&with("multipart/form-data; boundary=x")));
        assert!(!is_json(&HeaderMap::new()));
    }
}

#[cfg(test)]
mod auth_header_tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (name, value) in pairs {
            h.append(*name, HeaderValue::from_static(value));
        }
        h
    }

    #[test]
    fn bearer_tokens() {
        assert_eq!(bearer_token(&headers(&[("authorization", "Bearer abc")])), Some("abc"));
        assert_eq!(bearer_token(&headers(&[("authorization", "bearer  abc ")])), Some("abc"));
        assert_eq!(bearer_token(&headers(&[("authorization", "Basic abc")])), None);
        assert_eq!(bearer_token(&headers(&[("authorization", "Bearer ")])), None);
        assert_eq!(bearer_token(&headers(&[])), None);
    }

    #[test]
    fn forwarded_addresses_count_only_behind_a_trusted_proxy() {
        let peer = Some("127.0.0.1".parse().unwrap());
        let h = headers(&[("x-forwarded-for", "203.0.113.9, 198.51.100.7")]);
        assert_eq!(client_ip(&h, peer, false), peer);
        assert_eq!(client_ip(&h, peer, true), Some("198.51.100.7".parse().unwrap()));
        let h = headers(&[("x-forwarded-for", "1.1.1.1"), ("x-forwarded-for", "2001:db8::1")]);
        assert_eq!(client_ip(&h, peer, true), Some("2001:db8::1".parse().unwrap()));
        assert_eq!(client_ip(&headers(&[("x-forwarded-for", "junk")]), peer, true), peer);
        assert_eq!(
            client_ip(&headers(&[]), Some("::ffff:10.0.0.1".parse().unwrap()), false),
            Some("10.0.0.1".parse().unwrap())
        );
    }
}

#[cfg(test)]
mod introspection_tests {
    use super::*;

    fn classify(query: &str, name: Option<&str>) -> bool {
        let mut request = async_graphql::Request::new(query);
        if let Some(name) = name {
            request = request.operation_name(name);
        }
        is_introspection_only(&mut request)
    }

    #[test]
    fn only_pure_introspection_queries_are_introspection() {
        assert!(classify("{ __schema { types { name } } }", None));
        assert!(classify(
            "query IntrospectionQuery { __schema { queryType { name } } __typename }",
            Some("IntrospectionQuery")
        ));
        assert!(classify("{ __type(name: \"Query\") { name } }", None));
        assert!(!classify("{ __schema { types { name } } health { tableCount } }", None));
        assert!(!classify("{ ...F } fragment F on Query { __schema { types { name } } }", None));
        assert!(!classify("mutation { __typename }", None));
        assert!(!classify("query A { __typename } query B { health { tableCount } }", Some("B")));
        assert!(!classify("not graphql", None));
    }
}
