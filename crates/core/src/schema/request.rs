//! Per-request state: the database handle (pool, or the request's one transaction once a
//! mutation has begun), the request's dataloaders, and the extension that commits or rolls back.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextExecute, NextParseQuery, NextPrepareRequest, NextValidation,
};
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{
    ErrorExtensionValues, Request, Response, ServerError, ServerResult, ValidationResult, Value, Variables,
};
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseTransaction, QueryResult, Statement, TransactionTrait};

use crate::auth::{RequestMeta, Viewer};
use crate::error::{ApiError, ApiResult, classify_db_error};

use super::catalog::Catalog;

/// Lives for one GraphQL request.
pub struct RequestState {
    pub db: DatabaseConnection,
    pub catalog: Arc<Catalog>,
    /// The authenticated caller; `None` for anonymous requests.
    pub viewer: Option<Viewer>,
    pub meta: RequestMeta,
    tx: tokio::sync::Mutex<Option<DatabaseTransaction>>,
    in_transaction: AtomicBool,
    /// A mutation ran: an error anywhere in the request rolls everything back.
    wrote: AtomicBool,
    failed: AtomicBool,
    loaders: Mutex<HashMap<String, Arc<dyn Any + Send + Sync>>>,
    /// What a relation field of the query resolves with (its loaders), by the field's node in
    /// the query document: every row of a list shares it, so it is worked out once per request.
    by_field: Mutex<HashMap<usize, Arc<dyn Any + Send + Sync>>>,
}

impl RequestState {
    pub fn new(db: DatabaseConnection, catalog: Arc<Catalog>, viewer: Option<Viewer>, meta: RequestMeta) -> Self {
        Self {
            db,
            catalog,
            viewer,
            meta,
            tx: tokio::sync::Mutex::new(None),
            in_transaction: AtomicBool::new(false),
            wrote: AtomicBool::new(false),
            failed: AtomicBool::new(false),
            loaders: Mutex::new(HashMap::new()),
            by_field: Mutex::new(HashMap::new()),
        }
    }

    fn classify(&self, error: sea_orm::DbErr) -> ApiError {
        classify_db_error(&error, &|name| self.catalog.describe_constraint(name))
    }

    /// Opens the request's transaction (mutations call this first; reads of an authenticated
    /// request open it on their first statement). Inside it the request drops to the
    /// `cybershield_app` role, which row-level security applies to, and publishes the viewer's
    /// teams to the policies with `set_config(…, true)` (local to the transaction).
    pub async fn begin(&self) -> ApiResult<()> {
        if self.failed.load(Ordering::SeqCst) {
            return Err(ApiError::bad_input("an earlier mutation of this request failed; nothing was written"));
        }
        let mut tx = self.tx.lock().await;
        if tx.is_none() {
            // In a task of its own: sqlx 0.9.0's BEGIN is not cancel-safe (transact-rs/sqlx#4393,
            // fixed upstream by #4394 but not released). A request dropped while BEGIN was in
            // flight (a client gone, a timeout) left its connection in the pool inside an open
            // transaction. The task finishes the BEGIN whatever happens to the request; if the
            // request is gone, dropping the transaction there queues its ROLLBACK.
            let db = self.db.clone();
            let opened = tokio::spawn(async move { db.begin().await })
                .await
                .map_err(|e| ApiError::Internal(format!("opening the transaction failed: {e}")))?
                .map_err(|e| self.classify(e))?;
            if let Some(viewer) = &self.viewer
                && self.catalog.config.row_security
            {
                let teams = viewer.team_ids.iter().map(|t| t.to_string()).collect::<Vec<_>>().join(",");
                let statement = Statement::from_sql_and_values(
                    sea_orm::DbBackend::Postgres,
                    "SELECT set_config('role', 'cybershield_app', true), \
                         set_config('cybershield.team_ids', $1, true), \
                         set_config('cybershield.all_teams', $2, true), \
                         set_config('cybershield.user_id', $3, true)",
                    [
                        sea_orm::Value::from(teams),
                        sea_orm::Value::from(if viewer.sees_all_teams() { "on" } else { "off" }),
                        sea_orm::Value::from(viewer.user_id.to_string()),
                    ],
                );
                opened.query_all_raw(statement).await.map_err(|e| self.classify(e))?;
            }
            *tx = Some(opened);
            self.in_transaction.store(true, Ordering::SeqCst);
        }
        Ok(())
    }

    /// Opens the transaction for a mutation.
    pub async fn begin_write(&self) -> ApiResult<()> {
        self.wrote.store(true, Ordering::SeqCst);
        self.begin().await
    }

    /// Marks the request's transaction as doomed: it will be rolled back.
    pub fn fail(&self) {
        self.failed.store(true, Ordering::SeqCst);
    }

    pub async fn query_all(&self, statement: Statement) -> ApiResult<Vec<QueryResult>> {
        tracing::debug!(sql = %statement.sql, "query");
        // An authenticated request reads inside its transaction, where row security applies.
        if self.viewer.is_some() && !self.in_transaction.load(Ordering::SeqCst) {
            self.begin().await?;
        }
        let result = if self.in_transaction.load(Ordering::SeqCst) {
            let tx = self.tx.lock().await;
            match tx.as_ref() {
                Some(tx) => tx.query_all_raw(statement).await,
                None => self.db.query_all_raw(statement).await,
            }
        } else {
            self.db.query_all_raw(statement).await
        };
        result.map_err(|e| self.classify(e))
    }

    /// Writes an audit row inside the request's transaction.
    pub async fn audit(&self, event: &crate::audit::AuditEvent<'_>) -> ApiResult<()> {
        self.begin().await?;
        let tx = self.tx.lock().await;
        let Some(tx) = tx.as_ref() else { return Err(ApiError::Internal("no transaction for the audit row".into())) };
        crate::audit::record(tx, event).await.map_err(|e| self.classify(e))
    }

    /// The JSON column `r` of every row of a statement, each as `take` accepts it.
    async fn json_column<T>(
        &self,
        statement: Statement,
        take: fn(serde_json::Value) -> Option<T>,
        what: &str,
    ) -> ApiResult<Vec<T>> {
        self.query_all(statement)
            .await?
            .into_iter()
            .map(|row| match row.try_get::<serde_json::Value>("", "r") {
                Ok(value) => take(value).ok_or_else(|| ApiError::Internal(format!("row is not {what}"))),
                Err(e) => Err(self.classify(e)),
            })
            .collect()
    }

    /// Rows of a statement whose only column `r` is a JSON object.
    pub async fn json_rows(&self, statement: Statement) -> ApiResult<Vec<serde_json::Map<String, serde_json::Value>>> {
        let object = |value| match value {
            serde_json::Value::Object(map) => Some(map),
            _ => None,
        };
        self.json_column(statement, object, "an object").await
    }

    /// Rows of a statement whose only column `r` is a JSON array.
    pub async fn json_arrays(&self, statement: Statement) -> ApiResult<Vec<Vec<serde_json::Value>>> {
        let array = |value| match value {
            serde_json::Value::Array(values) => Some(values),
            _ => None,
        };
        self.json_column(statement, array, "an array").await
    }

    /// One loader per key (relation + arguments + selection), shared by the whole request.
    pub fn loader<T: Any + Send + Sync>(&self, key: &str, make: impl FnOnce() -> T) -> Arc<T> {
        let mut loaders = self.loaders.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // Keys start with the loader kind, so an entry under `key` always has type `T`.
        if let Some(existing) = loaders.get(key).and_then(|entry| Arc::clone(entry).downcast::<T>().ok()) {
            return existing;
        }
        let fresh = Arc::new(make());
        loaders.insert(key.to_string(), fresh.clone());
        fresh
    }

    /// The value `make` gives for the query-document node `field` (its address), made once per
    /// request. `make` must depend on nothing but the node (and the request).
    pub fn per_field<T: Any + Send + Sync, F: ?Sized>(&self, field: &F, make: impl FnOnce() -> T) -> Arc<T> {
        let key = field as *const F as *const () as usize;
        let existing = self
            .by_field
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(&key)
            .and_then(|entry| Arc::clone(entry).downcast::<T>().ok());
        if let Some(existing) = existing {
            return existing;
        }
        // Made outside the lock: `make` may take other per-request locks.
        let fresh = Arc::new(make());
        self.by_field.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).insert(key, fresh.clone());
        fresh
    }

    /// Drops the loaders (they hold the state while a batch is in flight: a cycle).
    fn release_loaders(&self) {
        self.loaders.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clear();
        self.by_field.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clear();
    }

    async fn finish(&self, ok: bool) -> ApiResult<()> {
        // Loaders hold the state (`Arc`): dropping them breaks the cycle so the request's memory
        // is freed.
        self.release_loaders();
        let tx = self.tx.lock().await.take();
        self.in_transaction.store(false, Ordering::SeqCst);
        match tx {
            Some(tx) if ok => tx.commit().await.map_err(|e| self.classify(e)),
            Some(tx) => tx.rollback().await.map_err(|e| self.classify(e)),
            None => Ok(()),
        }
    }
}

/// Drops the request's loaders when the request ends, however it ends. A batch being fetched
/// holds the request's state, and the state holds its loaders: a request dropped midway (a
/// client gone, a timeout) would otherwise keep that cycle, and its transaction, alive.
struct ReleaseLoaders(Arc<RequestState>);

impl Drop for ReleaseLoaders {
    fn drop(&mut self) {
        self.0.release_loaders();
    }
}

/// Installs [`RequestState`], enforces the alias limit, gives every error a code, and ends the
/// request's transaction: commit when the request had no error, else roll back and return no
/// data (so a client never sees results that were not kept).
pub struct RequestExtension {
    pub db: Option<DatabaseConnection>,
    pub catalog: Arc<Catalog>,
}

impl ExtensionFactory for RequestExtension {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(RequestHandler { db: self.db.clone(), catalog: self.catalog.clone() })
    }
}

struct RequestHandler {
    db: Option<DatabaseConnection>,
    catalog: Arc<Catalog>,
}

fn with_code(mut error: ServerError, code: &str) -> ServerError {
    let has_code = error.extensions.as_ref().is_some_and(|e| e.get("code").is_some());
    if !has_code {
        error.extensions.get_or_insert_with(ErrorExtensionValues::default).set("code", code);
    }
    error
}

/// The most directives on any one field (or fragment spread) of the document.
fn max_directives(doc: &ExecutableDocument) -> usize {
    fn walk(set: &SelectionSet, depth: usize) -> usize {
        if depth > 64 {
            return 0;
        }
        set.items
            .iter()
            .map(|item| match &item.node {
                Selection::Field(field) => {
                    field.node.directives.len().max(walk(&field.node.selection_set.node, depth + 1))
                }
                Selection::InlineFragment(fragment) => {
                    fragment.node.directives.len().max(walk(&fragment.node.selection_set.node, depth + 1))
                }
                Selection::FragmentSpread(spread) => spread.node.directives.len(),
            })
            .max()
            .unwrap_or(0)
    }
    let operations = doc.operations.iter().map(|(_, op)| walk(&op.node.selection_set.node, 0));
    let fragments = doc.fragments.values().map(|f| walk(&f.node.selection_set.node, 0));
    operations.chain(fragments).max().unwrap_or(0)
}

fn count_aliases(doc: &ExecutableDocument) -> usize {
    fn walk(set: &SelectionSet, depth: usize) -> usize {
        if depth > 64 {
            return 0;
        }
        set.items
            .iter()
            .map(|item| match &item.node {
                Selection::Field(field) => {
                    usize::from(field.node.alias.is_some()) + walk(&field.node.selection_set.node, depth + 1)
                }
                Selection::InlineFragment(fragment) => walk(&fragment.node.selection_set.node, depth + 1),
                Selection::FragmentSpread(_) => 0,
            })
            .sum()
    }
    let operations: usize = doc.operations.iter().map(|(_, op)| walk(&op.node.selection_set.node, 0)).sum();
    let fragments: usize = doc.fragments.values().map(|f| walk(&f.node.selection_set.node, 0)).sum();
    operations + fragments
}

#[async_trait::async_trait]
impl Extension for RequestHandler {
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        let request = match &self.db {
            Some(db) => {
                let viewer =
                    request.data.get(&TypeId::of::<Viewer>()).and_then(|d| d.downcast_ref::<Viewer>()).cloned();
                let meta = request
                    .data
                    .get(&TypeId::of::<RequestMeta>())
                    .and_then(|d| d.downcast_ref::<RequestMeta>())
                    .cloned()
                    .unwrap_or_default();
                let state = RequestState::new(db.clone(), self.catalog.clone(), viewer, meta);
                request.data(Arc::new(state))
            }
            None => request,
        };
        next.run(ctx, request).await
    }

    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let config = &self.catalog.config;
        let length = query.chars().count();
        if length > config.max_query_length {
            return Err(with_code(
                ServerError::new(
                    format!("the query has {length} characters; the limit is {}", config.max_query_length),
                    None,
                ),
                "QUERY_TOO_LARGE",
            ));
        }
        let doc = next.run(ctx, query, variables).await.map_err(|e| with_code(e, "GRAPHQL_PARSE_FAILED"))?;
        let refuse = |message: String, code: &str| Err(with_code(ServerError::new(message, None), code));
        let aliases = count_aliases(&doc);
        if aliases > config.max_aliases {
            return refuse(
                format!("the query uses {aliases} aliases; the limit is {}", config.max_aliases),
                "TOO_MANY_ALIASES",
            );
        }
        for (_, operation) in doc.operations.iter() {
            let roots = operation.node.selection_set.node.items.len();
            if roots > config.max_root_fields {
                return refuse(
                    format!("an operation selects {roots} root fields; the limit is {}", config.max_root_fields),
                    "TOO_MANY_ROOT_FIELDS",
                );
            }
        }
        let directives = max_directives(&doc);
        if directives > config.max_directives {
            return refuse(
                format!("a field carries {directives} directives; the limit is {}", config.max_directives),
                "TOO_MANY_DIRECTIVES",
            );
        }
        Ok(doc)
    }

    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        next.run(ctx).await.map_err(|errors| {
            errors
                .into_iter()
                .map(|e| {
                    let code = if e.message.contains("nested too deep") {
                        "QUERY_TOO_DEEP"
                    } else if e.message.contains("too complex") {
                        "QUERY_TOO_COMPLEX"
                    } else if e.message.starts_with("Invalid value for argument") {
                        "BAD_USER_INPUT"
                    } else {
                        "GRAPHQL_VALIDATION_FAILED"
                    };
                    with_code(e, code)
                })
                .collect()
        })
    }

    async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> Response {
        let _release = ctx.data::<Arc<RequestState>>().ok().map(|state| ReleaseLoaders(state.clone()));
        let mut response = next.run(ctx, operation_name).await;
        response.errors = response.errors.into_iter().map(|e| with_code(e, "BAD_USER_INPUT")).collect();
        if let Ok(state) = ctx.data::<Arc<RequestState>>() {
            let wrote = state.wrote.load(Ordering::SeqCst);
            let ok = response.errors.is_empty();
            // A read-only request keeps its partial data; a writing one is all or nothing.
            if let Err(error) = state.finish(ok || !wrote).await {
                response.errors.push(error.into_graphql().into_server_error(Default::default()));
            }
            if wrote && !response.errors.is_empty() {
                response.data = Value::Null;
            }
        }
        response
    }
}
