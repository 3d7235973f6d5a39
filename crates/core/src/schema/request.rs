//! Per-request state: the database handle (pool, or the request's one transaction once a
//! mutation has begun), the request's dataloaders, and the extension that commits or rolls back.

use std::any::Any;
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

use crate::error::{ApiError, ApiResult, classify_db_error};

use super::catalog::Catalog;

/// Lives for one GraphQL request.
pub struct RequestState {
    pub db: DatabaseConnection,
    pub catalog: Arc<Catalog>,
    tx: tokio::sync::Mutex<Option<DatabaseTransaction>>,
    in_transaction: AtomicBool,
    failed: AtomicBool,
    loaders: Mutex<HashMap<String, Arc<dyn Any + Send + Sync>>>,
}

impl RequestState {
    pub fn new(db: DatabaseConnection, catalog: Arc<Catalog>) -> Self {
        Self {
            db,
            catalog,
            tx: tokio::sync::Mutex::new(None),
            in_transaction: AtomicBool::new(false),
            failed: AtomicBool::new(false),
            loaders: Mutex::new(HashMap::new()),
        }
    }

    fn classify(&self, error: sea_orm::DbErr) -> ApiError {
        classify_db_error(&error, &|name| self.catalog.describe_constraint(name))
    }

    /// Opens the request's transaction (mutations call this first).
    pub async fn begin(&self) -> ApiResult<()> {
        if self.failed.load(Ordering::SeqCst) {
            return Err(ApiError::bad_input("an earlier mutation of this request failed; nothing was written"));
        }
        let mut tx = self.tx.lock().await;
        if tx.is_none() {
            *tx = Some(self.db.begin().await.map_err(|e| self.classify(e))?);
            self.in_transaction.store(true, Ordering::SeqCst);
        }
        Ok(())
    }

    /// Marks the request's transaction as doomed: it will be rolled back.
    pub fn fail(&self) {
        self.failed.store(true, Ordering::SeqCst);
    }

    pub async fn query_all(&self, statement: Statement) -> ApiResult<Vec<QueryResult>> {
        tracing::debug!(sql = %statement.sql, "query");
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

    /// Rows of a statement whose only column `r` is a JSON object.
    pub async fn json_rows(&self, statement: Statement) -> ApiResult<Vec<serde_json::Map<String, serde_json::Value>>> {
        self.query_all(statement)
            .await?
            .into_iter()
            .map(|row| match row.try_get::<serde_json::Value>("", "r") {
                Ok(serde_json::Value::Object(map)) => Ok(map),
                Ok(_) => Err(ApiError::Internal("row is not an object".into())),
                Err(e) => Err(self.classify(e)),
            })
            .collect()
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

    async fn finish(&self, ok: bool) -> ApiResult<()> {
        let tx = self.tx.lock().await.take();
        self.in_transaction.store(false, Ordering::SeqCst);
        match tx {
            Some(tx) if ok => tx.commit().await.map_err(|e| self.classify(e)),
            Some(tx) => tx.rollback().await.map_err(|e| self.classify(e)),
            None => Ok(()),
        }
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
            Some(db) => request.data(Arc::new(RequestState::new(db.clone(), self.catalog.clone()))),
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
        let doc = next.run(ctx, query, variables).await.map_err(|e| with_code(e, "GRAPHQL_PARSE_FAILED"))?;
        let aliases = count_aliases(&doc);
        let limit = self.catalog.config.max_aliases;
        if aliases > limit {
            return Err(with_code(
                ServerError::new(format!("the query uses {aliases} aliases; the limit is {limit}"), None),
                "TOO_MANY_ALIASES",
            ));
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
        let mut response = next.run(ctx, operation_name).await;
        response.errors = response.errors.into_iter().map(|e| with_code(e, "BAD_USER_INPUT")).collect();
        if let Ok(state) = ctx.data::<Arc<RequestState>>() {
            let ok = response.errors.is_empty();
            let had_transaction = state.in_transaction.load(Ordering::SeqCst);
            if let Err(error) = state.finish(ok).await {
                response.errors.push(error.into_graphql().into_server_error(Default::default()));
            }
            if had_transaction && !response.errors.is_empty() {
                response.data = Value::Null;
            }
        }
        response
    }
}
