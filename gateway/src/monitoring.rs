//! Metrics for `GET /metrics` (Prometheus text format) and the SQL statement log.
//!
//! Everything is recorded through the `metrics` facade into one process-wide Prometheus recorder
//! ([`install`]); `/metrics` renders it. What is measured, and where:
//!
//! - GraphQL requests, their latency and their error codes: [`record_request`], called by the
//!   `/graphql` handlers once per operation;
//! - SQL statement durations and the slow-query log: [`instrument_sql`], a SeaORM metric callback
//!   on the server's pool handle;
//! - the pool's connections: read from sqlx when `/metrics` is rendered ([`render`]);
//! - whether the database answers, and every table's row estimate and size: [`spawn_monitor`],
//!   a background task (`SELECT 1` every 10 s, one catalogue query every 60 s).

use std::collections::{BTreeSet, HashSet};
use std::sync::{LazyLock, Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use metrics::{counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use sea_orm::{ConnectionTrait, DatabaseConnection, DatabaseConnectionType, DbBackend, DbErr, Statement};

/// Counter: GraphQL operations by `operation` and `outcome` (`ok`, `error`).
pub const REQUESTS_TOTAL: &str = "cybershield_graphql_requests_total";
/// Histogram (seconds): GraphQL operations from the request's arrival to its response, by
/// `operation` and `outcome`.
pub const REQUEST_DURATION: &str = "cybershield_graphql_request_duration_seconds";
/// Gauge: GraphQL operations being executed now.
pub const REQUESTS_IN_FLIGHT: &str = "cybershield_graphql_requests_in_flight";
/// Counter: GraphQL operations that answered an error with this `extensions.code` (once per
/// operation and code, however many errors carry it).
pub const ERRORS_TOTAL: &str = "cybershield_graphql_errors_total";
/// Histogram (seconds): SQL statements of the server's pool, by `outcome` (`ok`, `error`).
pub const SQL_DURATION: &str = "cybershield_sql_statement_duration_seconds";
/// Counter: SQL statements at or above `CYBERSHIELD_SLOW_QUERY_MS`.
pub const SQL_SLOW_TOTAL: &str = "cybershield_sql_slow_statements_total";
/// Gauges: the pool's open connections, the idle ones, the ones in use, and its maximum.
pub const POOL_SIZE: &str = "cybershield_db_pool_connections";
pub const POOL_IDLE: &str = "cybershield_db_pool_idle_connections";
pub const POOL_IN_USE: &str = "cybershield_db_pool_in_use_connections";
pub const POOL_MAX: &str = "cybershield_db_pool_max_connections";
/// Gauge: 1 when the last `SELECT 1` succeeded, else 0.
pub const DATABASE_UP: &str = "cybershield_database_up";
/// Gauges by `table`: estimated live rows, and bytes on disk with indexes and TOAST.
pub const TABLE_ROWS: &str = "cybershield_table_rows";
pub const TABLE_SIZE: &str = "cybershield_table_size_bytes";
/// Gauge: 1, labelled with the gateway's `version`.
pub const BUILD_INFO: &str = "cybershield_build_info";

/// The `operation` label of a request without an operation name.
pub const ANONYMOUS: &str = "anonymous";
/// The `operation` (or `code`) label that values beyond the cardinality bounds fold into.
pub const OTHER: &str = "other";
/// The `code` label of an error without `extensions.code`.
pub const NO_CODE: &str = "NONE";
/// Longest operation name kept as a label.
pub const MAX_LABEL_LEN: usize = 64;
/// Most distinct operation names kept as labels per process; later ones fold into [`OTHER`].
pub const MAX_OPERATIONS: usize = 200;

/// How often [`spawn_monitor`] checks the database, and refreshes the table statistics.
pub const DATABASE_CHECK_EVERY: Duration = Duration::from_secs(10);
pub const TABLE_STATS_EVERY: Duration = Duration::from_secs(60);
/// A `SELECT 1` slower than this counts as the database being down.
const DATABASE_CHECK_TIMEOUT: Duration = Duration::from_secs(5);

// Buckets cover a fast primary-key read (sub-millisecond) up to the 5 s statement and 10 s
// request timeouts.
const REQUEST_BUCKETS: &[f64] = &[0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];
const SQL_BUCKETS: &[f64] = &[0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

static RECORDER: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Installs the process-wide Prometheus recorder the first time, and returns its handle. `None`
/// when another recorder was installed first (then `/metrics` only says so).
///
/// Tests start many routers in one process: the recorder, like the metrics, is per process.
pub fn install() -> Option<&'static PrometheusHandle> {
    RECORDER
        .get_or_init(|| {
            let builder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Full(REQUEST_DURATION.into()), REQUEST_BUCKETS)
                .and_then(|b| b.set_buckets_for_metric(Matcher::Full(SQL_DURATION.into()), SQL_BUCKETS));
            let handle =
                builder.map_err(|e| e.to_string()).and_then(|b| b.install_recorder().map_err(|e| e.to_string()));
            match handle {
                Ok(handle) => {
                    describe();
                    gauge!(BUILD_INFO, "version" => env!("CARGO_PKG_VERSION")).set(1.0);
                    Some(handle)
                }
                Err(error) => {
                    tracing::warn!(%error, "cannot install the Prometheus recorder; /metrics stays empty");
                    None
                }
            }
        })
        .as_ref()
}

fn describe() {
    describe_counter!(REQUESTS_TOTAL, "GraphQL operations by operation name and outcome (ok, error).");
    describe_histogram!(
        REQUEST_DURATION,
        metrics::Unit::Seconds,
        "GraphQL operations from arrival to response, by operation name and outcome."
    );
    describe_gauge!(REQUESTS_IN_FLIGHT, "GraphQL operations being executed now.");
    describe_counter!(ERRORS_TOTAL, "GraphQL operations that answered an error with this extensions.code.");
    describe_histogram!(SQL_DURATION, metrics::Unit::Seconds, "SQL statements of the server's pool, by outcome.");
    describe_counter!(SQL_SLOW_TOTAL, "SQL statements at or above CYBERSHIELD_SLOW_QUERY_MS.");
    describe_gauge!(POOL_SIZE, "Open connections of the database pool.");
    describe_gauge!(POOL_IDLE, "Idle connections of the database pool.");
    describe_gauge!(
        POOL_IN_USE,
        "Connections handed out by the pool; at the maximum, further requests wait (up to DB_POOL_TIMEOUT)."
    );
    describe_gauge!(POOL_MAX, "Most connections the pool opens (DB_POOL_SIZE + DB_MAX_OVERFLOW).");
    describe_gauge!(DATABASE_UP, "1 when the last SELECT 1 (every 10 s) succeeded, else 0.");
    describe_gauge!(TABLE_ROWS, "Estimated live rows per table (refreshed every 60 s).");
    describe_gauge!(TABLE_SIZE, metrics::Unit::Bytes, "Bytes per table with indexes and TOAST (every 60 s).");
    describe_gauge!(BUILD_INFO, "1, labelled with the gateway's version.");
}

/// The `/metrics` payload: the pool gauges read now, then everything recorded.
pub fn render(db: &DatabaseConnection) -> String {
    let Some(handle) = install() else {
        return "# the Prometheus recorder could not be installed (another one was first)\n".to_owned();
    };
    record_pool(db);
    handle.render()
}

/// sqlx counts open and idle connections, not the tasks waiting for one: a pool whose in-use
/// connections reach the maximum has waiters (compare `cybershield_graphql_requests_in_flight`).
fn record_pool(db: &DatabaseConnection) {
    if !matches!(db.inner, DatabaseConnectionType::SqlxPostgresPoolConnection(_)) {
        return;
    }
    let pool = db.get_postgres_connection_pool();
    let size = pool.size();
    let idle = u32::try_from(pool.num_idle()).unwrap_or(u32::MAX);
    gauge!(POOL_SIZE).set(f64::from(size));
    gauge!(POOL_IDLE).set(f64::from(idle));
    gauge!(POOL_IN_USE).set(f64::from(size.saturating_sub(idle)));
    gauge!(POOL_MAX).set(f64::from(pool.options().get_max_connections()));
}

/// Bounds the `operation` label: a name longer than [`MAX_LABEL_LEN`], not a GraphQL name, or
/// new once `capacity` names are known, becomes [`OTHER`]; no name is [`ANONYMOUS`].
pub struct OperationLabels {
    known: Mutex<HashSet<String>>,
    capacity: usize,
}

impl OperationLabels {
    pub fn new(capacity: usize) -> Self {
        OperationLabels { known: Mutex::new(HashSet::new()), capacity }
    }

    /// The label for `name`.
    pub fn label(&self, name: Option<&str>) -> String {
        let Some(name) = name else {
            return ANONYMOUS.to_owned();
        };
        if name.len() > MAX_LABEL_LEN || !is_graphql_name(name) {
            return OTHER.to_owned();
        }
        let mut known = self.known.lock().unwrap_or_else(PoisonError::into_inner);
        if known.contains(name) {
            return name.to_owned();
        }
        if known.len() < self.capacity {
            known.insert(name.to_owned());
            return name.to_owned();
        }
        OTHER.to_owned()
    }
}

/// `/[_A-Za-z][_0-9A-Za-z]*/`, the GraphQL spec's Name.
fn is_graphql_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
}

static OPERATIONS: LazyLock<OperationLabels> = LazyLock::new(|| OperationLabels::new(MAX_OPERATIONS));

/// The `operation` label of this process for `name` (see [`OperationLabels`]).
pub fn operation_label(name: Option<&str>) -> String {
    OPERATIONS.label(name)
}

/// The distinct `extensions.code`s of `response`'s errors ([`NO_CODE`] for an error without one).
/// Codes are the server's own, but bounded all the same.
pub fn error_codes(response: &async_graphql::Response) -> BTreeSet<String> {
    response
        .errors
        .iter()
        .map(|error| match error.extensions.as_ref().and_then(|ext| ext.get("code")) {
            Some(async_graphql::Value::String(code))
                if code.len() <= MAX_LABEL_LEN && code.chars().all(|c| c == '_' || c.is_ascii_alphanumeric()) =>
            {
                code.clone()
            }
            Some(_) => OTHER.to_owned(),
            None => NO_CODE.to_owned(),
        })
        .collect()
}

/// Records one GraphQL operation: its count and latency under `operation` (already a label, see
/// [`operation_label`]) and its outcome, and one count per error code. Returns the outcome.
pub fn record_request(operation: &str, response: &async_graphql::Response, elapsed: Duration) -> &'static str {
    let outcome = if response.errors.is_empty() { "ok" } else { "error" };
    let labels = [("operation", operation.to_owned()), ("outcome", outcome.to_owned())];
    counter!(REQUESTS_TOTAL, &labels).increment(1);
    histogram!(REQUEST_DURATION, &labels).record(elapsed.as_secs_f64());
    for code in error_codes(response) {
        counter!(ERRORS_TOTAL, "code" => code).increment(1);
    }
    outcome
}

/// Counts an operation in flight for as long as it lives (a request cut off by the timeout drops
/// it too).
pub struct InFlight(());

impl InFlight {
    pub fn start() -> Self {
        gauge!(REQUESTS_IN_FLIGHT).increment(1.0);
        InFlight(())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        gauge!(REQUESTS_IN_FLIGHT).decrement(1.0);
    }
}

/// Measures every statement `db` runs (this handle and its clones, and their transactions):
/// [`SQL_DURATION`], a `debug` event per statement (target `cybershield::sql`), and at or above
/// `slow` a `warn` with the statement's text and [`SQL_SLOW_TOTAL`]. Only the text is logged,
/// never the bound values: they may be secrets. Statements run through `execute_unprepared` are
/// not measured (SeaORM reports only prepared ones; the server runs none of the former per request).
pub fn instrument_sql(db: &mut DatabaseConnection, slow: Option<Duration>) {
    db.set_metric_callback(move |info| observe_statement(info.elapsed, info.failed, &info.statement.sql, slow));
}

fn observe_statement(elapsed: Duration, failed: bool, sql: &str, slow: Option<Duration>) {
    let outcome = if failed { "error" } else { "ok" };
    histogram!(SQL_DURATION, "outcome" => outcome).record(elapsed.as_secs_f64());
    let duration_ms = elapsed.as_secs_f64() * 1000.0;
    if slow.is_some_and(|threshold| elapsed >= threshold) {
        counter!(SQL_SLOW_TOTAL).increment(1);
        tracing::warn!(target: "cybershield::sql", duration_ms, failed, statement = %sql, "slow SQL statement");
    } else {
        tracing::debug!(target: "cybershield::sql", duration_ms, failed, statement = %sql, "SQL statement");
    }
}

/// Runs `SELECT 1` (at most 5 s) and sets [`DATABASE_UP`]; returns whether it answered.
pub async fn check_database(db: &DatabaseConnection) -> bool {
    let up = matches!(tokio::time::timeout(DATABASE_CHECK_TIMEOUT, cybershield_core::db::ping(db)).await, Ok(Ok(())));
    gauge!(DATABASE_UP).set(if up { 1.0 } else { 0.0 });
    up
}

/// Every table of the current schema: live rows from the statistics collector (current to about
/// a second), or the planner's estimate where the collector has nothing (after a statistics
/// reset); and the size with indexes and TOAST. One catalogue read, no table is scanned.
const TABLE_STATS: &str = "\
SELECT c.relname::text AS table_name,
       CASE WHEN s.n_live_tup > 0 OR c.reltuples <= 0 THEN COALESCE(s.n_live_tup, 0)::float8
            ELSE c.reltuples::float8 END AS row_estimate,
       pg_total_relation_size(c.oid)::float8 AS size_bytes
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
WHERE c.relkind = 'r' AND n.nspname = current_schema()";

/// Refreshes [`TABLE_ROWS`] and [`TABLE_SIZE`] of every table; returns how many tables.
pub async fn refresh_table_stats(db: &DatabaseConnection) -> Result<usize, DbErr> {
    let rows = db.query_all_raw(Statement::from_string(DbBackend::Postgres, TABLE_STATS)).await?;
    for row in &rows {
        let table: String = row.try_get("", "table_name")?;
        let estimate: f64 = row.try_get("", "row_estimate")?;
        let size: f64 = row.try_get("", "size_bytes")?;
        gauge!(TABLE_ROWS, "table" => table.clone()).set(estimate);
        gauge!(TABLE_SIZE, "table" => table).set(size);
    }
    Ok(rows.len())
}

/// Keeps [`DATABASE_UP`] (every [`DATABASE_CHECK_EVERY`]) and the table statistics (every
/// [`TABLE_STATS_EVERY`], while the database is up) current until aborted. Logs when the
/// database goes down and comes back. Also runs the recorder's upkeep, which bounds the memory
/// of histograms when nobody scrapes.
pub fn spawn_monitor(db: DatabaseConnection) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(DATABASE_CHECK_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut was_up = true;
        let mut stats_at: Option<Instant> = None;
        loop {
            tick.tick().await;
            if let Some(handle) = install() {
                handle.run_upkeep();
            }
            let up = check_database(&db).await;
            match (was_up, up) {
                (true, false) => tracing::warn!("database check: SELECT 1 failed; cybershield_database_up is 0"),
                (false, true) => tracing::info!("database check: the database answers again"),
                _ => {}
            }
            was_up = up;
            if up && stats_at.is_none_or(|at| at.elapsed() >= TABLE_STATS_EVERY) {
                match refresh_table_stats(&db).await {
                    Ok(tables) => tracing::debug!(tables, "table statistics refreshed"),
                    Err(error) => tracing::warn!(%error, "cannot read the table statistics"),
                }
                stats_at = Some(Instant::now());
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_labels_are_bounded() {
        let labels = OperationLabels::new(2);
        assert_eq!(labels.label(None), ANONYMOUS);
        assert_eq!(labels.label(Some("Projects")), "Projects");
        assert_eq!(labels.label(Some("_scans2")), "_scans2");
        // Full: a third name folds, the known ones stay.
        assert_eq!(labels.label(Some("Findings")), OTHER);
        assert_eq!(labels.label(Some("Projects")), "Projects");
        assert_eq!(labels.label(None), ANONYMOUS);

        let labels = OperationLabels::new(10);
        assert_eq!(labels.label(Some(&"A".repeat(MAX_LABEL_LEN))), "A".repeat(MAX_LABEL_LEN));
        assert_eq!(labels.label(Some(&"A".repeat(MAX_LABEL_LEN + 1))), OTHER);
        for bad in ["", "1st", "has space", "dash-ed", "ünïcode", "quote\"s"] {
            assert_eq!(labels.label(Some(bad)), OTHER, "{bad:?}");
        }
    }

    #[test]
    fn error_codes_are_distinct_and_bounded() {
        use async_graphql::{ErrorExtensions, Pos, Response, ServerError};
        let coded = |code: &str| {
            let code = code.to_owned();
            async_graphql::Error::new("x")
                .extend_with(move |_, e| e.set("code", code.clone()))
                .into_server_error(Pos::default())
        };
        let response = Response::from_errors(vec![
            coded("FORBIDDEN"),
            coded("FORBIDDEN"),
            coded("NOT_FOUND"),
            coded("not a code"),
            ServerError::new("no code", None),
        ]);
        let codes: Vec<String> = error_codes(&response).into_iter().collect();
        assert_eq!(codes, ["FORBIDDEN", NO_CODE, "NOT_FOUND", OTHER]);
        assert!(error_codes(&Response::new(async_graphql::Value::Null)).is_empty());
    }
}
