//! Where the database comes from: `DATABASE_URL`, or the embedded PostgreSQL.

use cybershield_core::config::Config;
use cybershield_core::db::redact_url;
use cybershield_core::embedded::{EmbeddedOptions, EmbeddedPostgres};
use sea_orm::DatabaseConnection;

/// The database the embedded PostgreSQL serves.
pub const EMBEDDED_DATABASE: &str = "cybershield";

/// A database URL, and the embedded server behind it when this process started one.
pub struct Provisioned {
    url: String,
    embedded: Option<EmbeddedPostgres>,
}

impl Provisioned {
    /// `DATABASE_URL` when set; otherwise starts (or reuses) the embedded PostgreSQL on
    /// `CYBERSHIELD_PGDATA` and creates its `cybershield` database if missing.
    ///
    /// An [`EmbeddedError`](cybershield_core::embedded::EmbeddedError) comes back unwrapped
    /// in the `anyhow::Error`, so the binary can print its message as is.
    pub async fn open(config: &Config) -> anyhow::Result<Self> {
        if let Some(url) = &config.database_url {
            tracing::info!(database = %redact_url(url), "using DATABASE_URL");
            return Ok(Provisioned { url: url.clone(), embedded: None });
        }
        tracing::info!(
            data_dir = %config.pgdata.display(),
            "DATABASE_URL is not set: starting the embedded PostgreSQL"
        );
        let mut pg = EmbeddedPostgres::start(EmbeddedOptions::persistent(&config.pgdata, EMBEDDED_DATABASE)).await?;
        if pg.reused() {
            tracing::info!(
                data_dir = %pg.data_dir().display(),
                "an embedded PostgreSQL from an earlier run is still running on this data directory; \
                 using it and leaving it running"
            );
        } else if let Err(e) = pg.stop_on_exit() {
            // Only matters if this process is killed without a chance to stop the server.
            tracing::warn!(error = %e, "cannot arrange for the embedded PostgreSQL to stop if this process is killed");
        }
        tracing::info!(
            data_dir = %pg.data_dir().display(),
            log_file = %pg.log_file().display(),
            port = pg.port(),
            version = pg.version(),
            "embedded PostgreSQL running; its data lives in data_dir"
        );
        let url = pg.url(EMBEDDED_DATABASE);
        Ok(Provisioned { url, embedded: Some(pg) })
    }

    /// The connection URL (it may carry a password: log it through [`redact_url`]).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Whether this is the embedded PostgreSQL.
    pub fn is_embedded(&self) -> bool {
        self.embedded.is_some()
    }

    /// Opens the pool of `config.pool` on this database.
    pub async fn connect(&self, config: &Config) -> anyhow::Result<DatabaseConnection> {
        cybershield_core::db::connect(&self.url, &config.pool).await.map_err(|e| {
            // sqlx keeps retrying a refused connection until the pool timeout, then reports
            // only the timeout: say what that means.
            let hint = if e.to_string().contains("timed out") {
                format!(
                    " (no connection within DB_POOL_TIMEOUT = {}s: is PostgreSQL running and reachable?)",
                    config.pool.timeout.as_secs_f64()
                )
            } else {
                String::new()
            };
            anyhow::anyhow!("cannot connect to the database at {}: {e}{hint}", redact_url(&self.url))
        })
    }

    /// Stops the embedded PostgreSQL if this process started it; nothing otherwise.
    pub async fn stop(self) {
        if let Some(pg) = self.embedded {
            let data_dir = pg.data_dir().to_path_buf();
            let reused = pg.reused();
            match pg.stop().await {
                Ok(()) if reused => {
                    tracing::info!(data_dir = %data_dir.display(), "embedded PostgreSQL left running (it was not started by this process)")
                }
                Ok(()) => {
                    tracing::info!(data_dir = %data_dir.display(), "embedded PostgreSQL stopped")
                }
                Err(e) => tracing::error!(error = %e, "could not stop the embedded PostgreSQL"),
            }
        }
    }
}
