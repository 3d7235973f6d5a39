//! `cybershield serve`: the server's life from start to graceful shutdown.

use std::future::{Future, IntoFuture};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::Router;
use cybershield_core::config::Config;
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::database::Provisioned;
use crate::http::{AppState, AuthState, HttpOptions, router};
use crate::migrate::{self, MigrateAction};

/// The application on `db`: the schema of every domain of `cybershield_migration::domains()`
/// under the limits of `config`, behind [`router`]. Secret columns are encrypted with
/// `config.secret_keys`; without one, with a random key that lives as long as the process (for
/// tests and tools: [`serve`] always resolves a lasting key first, see [`crate::secrets`]).
pub fn app(db: DatabaseConnection, config: &Config) -> anyhow::Result<Router> {
    let keys =
        config.secret_keys.clone().unwrap_or_else(|| Arc::new(cybershield_core::crypto::SecretKeys::ephemeral()));
    let auth = AuthState { trust_proxy: config.trust_proxy, ..AuthState::new(keys) };
    app_with(db, config, auth)
}

/// [`app`] with the authentication state given (tests pin its clock). The application's handle
/// on `db` measures and logs every SQL statement (`CYBERSHIELD_SLOW_QUERY_MS`); other handles on
/// the same pool do not.
pub fn app_with(mut db: DatabaseConnection, config: &Config, auth: AuthState) -> anyhow::Result<Router> {
    crate::monitoring::instrument_sql(&mut db, config.slow_query);
    Ok(router(AppState::new(db, &config.schema, auth)?, &HttpOptions::from(config)))
}

/// Runs the server until SIGINT or SIGTERM: provisions the database (embedded when
/// `DATABASE_URL` is unset), migrates if configured, serves, then shuts down gracefully and
/// stops the embedded PostgreSQL if it started one.
pub async fn serve(config: &Config) -> anyhow::Result<()> {
    // Before anything starts: without a key, a server on an external database must not run.
    let keys = crate::secrets::resolve(config)?;
    let config = &Config { secret_keys: Some(keys), ..config.clone() };
    let signals = Signals::listen()?;
    let database = tokio::select! {
        database = Provisioned::open(config) => database?,
        () = signals.first() => {
            tracing::info!("interrupted while starting the database");
            return Ok(());
        }
    };
    let result = serve_on(config, &database, &signals).await;
    database.stop().await;
    crate::telemetry::flush();
    result
}

async fn serve_on(config: &Config, database: &Provisioned, signals: &Signals) -> anyhow::Result<()> {
    if config.migrate_on_start {
        let migration = migrate::run(database.url(), &config.pool, MigrateAction::Up);
        let states = tokio::select! {
            states = migration => states.map_err(|e| anyhow::anyhow!("migrating on start failed: {e}"))?,
            () = signals.first() => {
                tracing::info!("interrupted while migrating; the migration in progress is rolled back");
                return Ok(());
            }
        };
        tracing::info!(migrations = states.len(), "database schema up to date");
    }
    let db = database.connect(config).await?;
    if !config.migrate_on_start {
        match migrate::pending(&db).await {
            Ok(0) => {}
            Ok(n) => tracing::warn!(
                pending = n,
                "migrations are pending and CYBERSHIELD_MIGRATE_ON_START is off: /readyz answers 503 until `cybershield migrate up` runs"
            ),
            Err(e) => tracing::warn!(error = %e, "cannot read the migration status"),
        }
    }
    // `cybershield_database_up` and the table statistics, for as long as the server runs.
    let monitor = crate::monitoring::spawn_monitor(db.clone());
    let result = async {
        let app = app(db.clone(), config)?;
        let listener = TcpListener::bind(config.bind)
            .await
            .with_context(|| format!("cannot listen on {} (CYBERSHIELD_BIND)", config.bind))?;
        let addr = listener.local_addr()?;
        tracing::info!(%addr, "listening: GraphQL at http://{addr}/graphql, GraphiQL at http://{addr}/graphiql");
        serve_until(listener, app, signals.first(), signals.second(), config.shutdown_grace).await?;
        anyhow::Ok(())
    }
    .await;
    monitor.abort();
    // Connections still held by requests cut off by the grace period are not waited for long.
    match tokio::time::timeout(Duration::from_secs(5), db.close()).await {
        Ok(_) => tracing::info!("database pool closed"),
        Err(_) => tracing::warn!("database pool close timed out; connections are dropped with the process"),
    }
    result
}

/// Serves `app` on `listener` until `shutdown` completes; then stops accepting connections and
/// lets in-flight requests finish for up to `grace` (cut short by `force`).
pub async fn serve_until<S, F>(
    listener: TcpListener,
    app: Router,
    shutdown: S,
    force: F,
    grace: Duration,
) -> std::io::Result<()>
where
    S: Future<Output = ()> + Send + 'static,
    F: Future<Output = ()>,
{
    let (started_tx, mut started_rx) = watch::channel(false);
    let signal = async move {
        shutdown.await;
        tracing::info!(
            grace_s = grace.as_secs_f64(),
            "shutting down: no new connections, in-flight requests may finish"
        );
        let _ = started_tx.send(true);
    };
    // The peer address feeds the audit trail and the login throttle (`ConnectInfo`).
    let server = axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(signal)
        .into_future();
    let deadline = async move {
        if started_rx.wait_for(|started| *started).await.is_err() {
            // The server ended on its own (the sender lives inside it): nothing to time out.
            std::future::pending::<()>().await;
        }
        tokio::select! {
            () = tokio::time::sleep(grace) => tracing::warn!("shutdown grace period over; dropping requests still in flight"),
            () = force => tracing::warn!("second signal: dropping requests still in flight"),
        }
    };
    tokio::select! {
        result = server => {
            tracing::info!("server stopped");
            result
        }
        () = deadline => Ok(()),
    }
}

/// SIGINT and SIGTERM, counted: the first starts the graceful shutdown, the second cuts it short.
struct Signals {
    count: watch::Receiver<u32>,
}

impl Signals {
    fn listen() -> std::io::Result<Self> {
        use tokio::signal::unix::{SignalKind, signal};
        let mut interrupt = signal(SignalKind::interrupt())?;
        let mut terminate = signal(SignalKind::terminate())?;
        let (tx, rx) = watch::channel(0u32);
        tokio::spawn(async move {
            loop {
                let name = tokio::select! {
                    Some(()) = interrupt.recv() => "SIGINT",
                    Some(()) = terminate.recv() => "SIGTERM",
                    else => break,
                };
                tracing::info!(signal = name, "signal received");
                tx.send_modify(|n| *n += 1);
            }
        });
        Ok(Signals { count: rx })
    }

    fn at_least(&self, n: u32) -> impl Future<Output = ()> + Send + 'static {
        let mut rx = self.count.clone();
        async move {
            if rx.wait_for(|count| *count >= n).await.is_err() {
                std::future::pending::<()>().await;
            }
        }
    }

    fn first(&self) -> impl Future<Output = ()> + Send + 'static {
        self.at_least(1)
    }

    fn second(&self) -> impl Future<Output = ()> + Send + 'static {
        self.at_least(2)
    }
}
