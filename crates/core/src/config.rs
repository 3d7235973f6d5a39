//! The whole runtime configuration, read from the environment in one place.
//!
//! The binary loads a `.env` file first (values already in the environment win), then calls
//! [`Config::from_env`]. Tests call [`Config::from_lookup`] with their own values instead of
//! touching the process environment.

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::schema::SchemaConfig;

/// Runtime configuration of the `cybershield` binary.
///
/// Every variable is optional; an empty value counts as unset. A value that cannot be parsed is
/// a [`ConfigError`] naming the variable.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `DATABASE_URL` | unset | PostgreSQL URL (`postgres://user:pass@host:5432/db`). Unset: the gateway runs an embedded PostgreSQL from the installed server binaries. `postgresql+asyncpg://…` (the Python backend's form) is accepted and read as `postgresql://…`. |
/// | `CYBERSHIELD_BIND` | `127.0.0.1:8000` | Address the HTTP server listens on (`0.0.0.0:8000` in a container). |
/// | `DB_POOL_SIZE` | `20` | Connections the pool is sized for (as in the product document). |
/// | `DB_MAX_OVERFLOW` | `10` | Extra connections allowed above `DB_POOL_SIZE`; the pool's maximum is the sum. |
/// | `DB_POOL_MIN_IDLE` | `1` | Connections kept open while idle (at most `DB_POOL_SIZE`). |
/// | `DB_POOL_TIMEOUT` | `3` | Seconds (fractions allowed) to wait for a free connection, or for a new one to open. Requests fail fast with it when the pool is exhausted or the database is down. |
/// | `DB_POOL_RECYCLE` | `300` | Seconds after which a connection is closed and replaced; `0` or `-1` never recycles. |
/// | `DB_PRE_PING` | `true` | Check a connection with a ping before handing it out. |
/// | `CYBERSHIELD_PGDATA` | `./.cybershield/pgdata` | Data directory of the embedded PostgreSQL (used only without `DATABASE_URL`). |
/// | `CYBERSHIELD_MIGRATE_ON_START` | `true` | `serve` applies pending migrations before it listens. |
/// | `CYBERSHIELD_STATEMENT_TIMEOUT_MS` | `5000` | PostgreSQL `statement_timeout` of every pooled connection; `0` disables it. |
/// | `CYBERSHIELD_REQUEST_TIMEOUT_MS` | `10000` | Whole-request deadline of the HTTP server; past it the answer is 503. |
/// | `CYBERSHIELD_BODY_LIMIT_BYTES` | `1048576` | Largest request body accepted; larger ones get 413. |
/// | `CYBERSHIELD_SHUTDOWN_GRACE_S` | `30` | On SIGINT/SIGTERM, seconds in-flight requests get to finish. |
/// | `CYBERSHIELD_DEFAULT_PAGE_SIZE` | `20` | Page size of a connection when neither `first` nor `last` is given. |
/// | `CYBERSHIELD_MAX_PAGE_SIZE` | `100` | Largest `first`/`last` accepted. |
/// | `CYBERSHIELD_MAX_DEPTH` | `10` | Deepest selection nesting a query may have. |
/// | `CYBERSHIELD_MAX_COMPLEXITY` | `5000` | Largest query complexity accepted. |
/// | `CYBERSHIELD_MAX_ALIASES` | `15` | Most aliases one query may use. |
/// | `CYBERSHIELD_SECRET_KEY` | unset | Base64 of 32 random bytes (`openssl rand -base64 32`): the AES-256-GCM key secret columns are encrypted with. Unset: `serve` on the embedded PostgreSQL makes one in `<CYBERSHIELD_PGDATA>/../secret.key`; with `DATABASE_URL` it refuses to start. |
/// | `CYBERSHIELD_SECRET_KEY_PREVIOUS` | unset | Comma-separated earlier keys, still used to decrypt (key rotation); needs `CYBERSHIELD_SECRET_KEY`. |
/// | `CYBERSHIELD_TRUST_PROXY` | `false` | Take the client address from the last `X-Forwarded-For` entry (set it only behind one reverse proxy that sets that header). |
/// | `CYBERSHIELD_LOG_FORMAT` | `auto` | Log lines on stderr: `json` (one JSON object per line, for log shippers), `text` (one plain line per event), `pretty` (multi-line, coloured), or `auto`: `pretty` when stderr is a terminal, else `text`. |
/// | `CYBERSHIELD_SLOW_QUERY_MS` | `500` | SQL statements that take at least this long are logged at `warn` with their text (never their bound values) and counted; `0` turns the slow-query log off. |
///
/// Booleans accept `true/false`, `1/0`, `yes/no`, `on/off` (any case). More variables are read
/// elsewhere: `RUST_LOG` (log filter, default `info`) by the binary, `OTEL_EXPORTER_OTLP_*` by
/// its OTLP exporter (cargo feature `otlp`), and `CYBERSHIELD_PG_BINDIR` (where
/// `initdb`/`pg_ctl`/`postgres` are) by [`crate::embedded`].
#[derive(Debug, Clone)]
pub struct Config {
    /// `DATABASE_URL`; `None` means the embedded PostgreSQL.
    pub database_url: Option<String>,
    /// `CYBERSHIELD_BIND`.
    pub bind: SocketAddr,
    /// `DB_POOL_*`, `DB_PRE_PING` and `CYBERSHIELD_STATEMENT_TIMEOUT_MS`.
    pub pool: PoolConfig,
    /// `CYBERSHIELD_PGDATA`.
    pub pgdata: PathBuf,
    /// `CYBERSHIELD_MIGRATE_ON_START`.
    pub migrate_on_start: bool,
    /// `CYBERSHIELD_REQUEST_TIMEOUT_MS`.
    pub request_timeout: Duration,
    /// `CYBERSHIELD_BODY_LIMIT_BYTES`.
    pub body_limit_bytes: usize,
    /// `CYBERSHIELD_SHUTDOWN_GRACE_S`.
    pub shutdown_grace: Duration,
    /// `CYBERSHIELD_DEFAULT_PAGE_SIZE`, `_MAX_PAGE_SIZE`, `_MAX_DEPTH`, `_MAX_COMPLEXITY`, `_MAX_ALIASES`.
    pub schema: SchemaConfig,
    /// `CYBERSHIELD_SECRET_KEY` with `CYBERSHIELD_SECRET_KEY_PREVIOUS`; `None` when unset.
    pub secret_keys: Option<std::sync::Arc<crate::crypto::SecretKeys>>,
    /// `CYBERSHIELD_TRUST_PROXY`.
    pub trust_proxy: bool,
    /// `CYBERSHIELD_LOG_FORMAT`.
    pub log_format: LogFormat,
    /// `CYBERSHIELD_SLOW_QUERY_MS`; `None` when the slow-query log is off.
    pub slow_query: Option<Duration>,
}

/// `CYBERSHIELD_LOG_FORMAT`: how log lines are written to stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogFormat {
    /// [`LogFormat::Pretty`] when stderr is a terminal, else [`LogFormat::Text`].
    #[default]
    Auto,
    /// One plain line per event.
    Text,
    /// Several coloured lines per event, with the spans it happened in.
    Pretty,
    /// One JSON object per line (fields, spans, timestamp, level, target).
    Json,
}

impl LogFormat {
    /// Reads `CYBERSHIELD_LOG_FORMAT` alone: logging starts before the rest of the configuration
    /// is read (and reported, if it is wrong).
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// [`LogFormat::from_env`] through `lookup`.
    pub fn from_lookup<F: Fn(&str) -> Option<String>>(lookup: F) -> Result<Self, ConfigError> {
        log_format(&Env(&lookup))
    }
}

fn log_format<F: Fn(&str) -> Option<String>>(env: &Env<'_, F>) -> Result<LogFormat, ConfigError> {
    env.parse_with("CYBERSHIELD_LOG_FORMAT", LogFormat::Auto, "one of auto, text, pretty, json", |v| {
        match v.to_ascii_lowercase().as_str() {
            "auto" => Some(LogFormat::Auto),
            "text" => Some(LogFormat::Text),
            "pretty" => Some(LogFormat::Pretty),
            "json" => Some(LogFormat::Json),
            _ => None,
        }
    })
}

/// The connection pool, after the product document's SQLAlchemy settings.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolConfig {
    /// `DB_POOL_SIZE`.
    pub size: u32,
    /// `DB_MAX_OVERFLOW`.
    pub max_overflow: u32,
    /// `DB_POOL_MIN_IDLE`.
    pub min_idle: u32,
    /// `DB_POOL_TIMEOUT`.
    pub timeout: Duration,
    /// `DB_POOL_RECYCLE`; `None` never recycles.
    pub recycle: Option<Duration>,
    /// `DB_PRE_PING`.
    pub pre_ping: bool,
    /// `CYBERSHIELD_STATEMENT_TIMEOUT_MS`; `None` leaves the server's setting.
    pub statement_timeout: Option<Duration>,
}

impl PoolConfig {
    /// The most connections the pool opens: `size + max_overflow`.
    pub fn max_connections(&self) -> u32 {
        self.size.saturating_add(self.max_overflow)
    }
}

impl Default for PoolConfig {
    fn default() -> Self {
        Self {
            size: 20,
            max_overflow: 10,
            min_idle: 1,
            timeout: Duration::from_secs(3),
            recycle: Some(Duration::from_secs(300)),
            pre_ping: true,
            statement_timeout: Some(Duration::from_millis(5_000)),
        }
    }
}

/// The default bind address, `127.0.0.1:8000`.
pub const DEFAULT_BIND: &str = "127.0.0.1:8000";
/// The default data directory of the embedded PostgreSQL.
pub const DEFAULT_PGDATA: &str = "./.cybershield/pgdata";

impl Default for Config {
    fn default() -> Self {
        Self {
            database_url: None,
            bind: DEFAULT_BIND.parse().expect("valid default bind address"),
            pool: PoolConfig::default(),
            pgdata: PathBuf::from(DEFAULT_PGDATA),
            migrate_on_start: true,
            request_timeout: Duration::from_millis(10_000),
            body_limit_bytes: 1024 * 1024,
            shutdown_grace: Duration::from_secs(30),
            schema: SchemaConfig::default(),
            secret_keys: None,
            trust_proxy: false,
            log_format: LogFormat::Auto,
            slow_query: Some(Duration::from_millis(500)),
        }
    }
}

/// A variable that is set but unusable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The variable's name, e.g. `DB_POOL_SIZE`.
    pub var: &'static str,
    /// What it was set to (a URL's password is masked).
    pub value: String,
    /// What was expected.
    pub expected: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {}={:?}: expected {}", self.var, self.value, self.expected)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Reads the process environment (after the binary has loaded `.env`).
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup` (name → value), the testable core of
    /// [`Config::from_env`].
    pub fn from_lookup<F>(lookup: F) -> Result<Self, ConfigError>
    where
        F: Fn(&str) -> Option<String>,
    {
        let env = Env(&lookup);
        let d = Config::default();

        let database_url = env.get("DATABASE_URL").map(|v| normalize_database_url("DATABASE_URL", &v)).transpose()?;

        let bind = env.parse_with(
            "CYBERSHIELD_BIND",
            d.bind,
            "a socket address such as 127.0.0.1:8000 or 0.0.0.0:8000",
            |v| v.parse::<SocketAddr>().ok(),
        )?;

        let size = env.parse_with("DB_POOL_SIZE", d.pool.size, "a whole number of connections, at least 1", |v| {
            v.parse::<u32>().ok().filter(|n| *n >= 1)
        })?;
        let max_overflow = env.parse_with(
            "DB_MAX_OVERFLOW",
            d.pool.max_overflow,
            "a whole number of connections, 0 or more (unlimited overflow is not supported)",
            |v| v.parse::<u32>().ok(),
        )?;
        let min_idle_default = d.pool.min_idle.min(size);
        let min_idle = env.parse_with(
            "DB_POOL_MIN_IDLE",
            min_idle_default,
            &format!("a whole number of connections, from 0 to DB_POOL_SIZE ({size})"),
            |v| v.parse::<u32>().ok().filter(|n| *n <= size),
        )?;
        let timeout = env.parse_with(
            "DB_POOL_TIMEOUT",
            d.pool.timeout,
            "a number of seconds greater than 0, e.g. 3 or 0.5",
            |v| parse_seconds(v).filter(|t| !t.is_zero()),
        )?;
        let recycle = env.parse_with(
            "DB_POOL_RECYCLE",
            d.pool.recycle,
            "a number of seconds, or 0 / -1 to never recycle",
            |v| match v {
                "-1" => Some(None),
                _ => parse_seconds(v).map(|t| (!t.is_zero()).then_some(t)),
            },
        )?;
        let pre_ping = env.parse_with("DB_PRE_PING", d.pool.pre_ping, BOOL_EXPECTED, parse_bool)?;
        let statement_timeout = env.parse_with(
            "CYBERSHIELD_STATEMENT_TIMEOUT_MS",
            d.pool.statement_timeout,
            "a whole number of milliseconds, 0 to disable",
            |v| v.parse::<u64>().ok().map(|ms| (ms > 0).then(|| Duration::from_millis(ms))),
        )?;

        let pgdata = env.get("CYBERSHIELD_PGDATA").map(PathBuf::from).unwrap_or(d.pgdata);
        let migrate_on_start =
            env.parse_with("CYBERSHIELD_MIGRATE_ON_START", d.migrate_on_start, BOOL_EXPECTED, parse_bool)?;
        let request_timeout = env.parse_with(
            "CYBERSHIELD_REQUEST_TIMEOUT_MS",
            d.request_timeout,
            "a whole number of milliseconds, at least 1",
            |v| v.parse::<u64>().ok().filter(|ms| *ms >= 1).map(Duration::from_millis),
        )?;
        let body_limit_bytes = env.parse_with(
            "CYBERSHIELD_BODY_LIMIT_BYTES",
            d.body_limit_bytes,
            "a whole number of bytes, at least 1",
            |v| v.parse::<usize>().ok().filter(|n| *n >= 1),
        )?;
        let shutdown_grace = env.parse_with(
            "CYBERSHIELD_SHUTDOWN_GRACE_S",
            d.shutdown_grace,
            "a number of seconds, e.g. 30",
            parse_seconds,
        )?;

        let ds = &d.schema;
        let default_page_size =
            env.parse_with("CYBERSHIELD_DEFAULT_PAGE_SIZE", ds.default_page_size, "a whole number, at least 1", |v| {
                v.parse::<u64>().ok().filter(|n| *n >= 1)
            })?;
        let max_page_size = env.parse_with(
            "CYBERSHIELD_MAX_PAGE_SIZE",
            ds.max_page_size.max(default_page_size),
            &format!("a whole number, at least CYBERSHIELD_DEFAULT_PAGE_SIZE ({default_page_size})"),
            |v| v.parse::<u64>().ok().filter(|n| *n >= default_page_size),
        )?;
        let max_depth =
            env.parse_with("CYBERSHIELD_MAX_DEPTH", ds.max_depth, "a whole number, at least 1", positive_usize)?;
        let max_complexity = env.parse_with(
            "CYBERSHIELD_MAX_COMPLEXITY",
            ds.max_complexity,
            "a whole number, at least 1",
            positive_usize,
        )?;
        let max_aliases =
            env.parse_with("CYBERSHIELD_MAX_ALIASES", ds.max_aliases, "a whole number, at least 1", positive_usize)?;

        let secret_keys = secret_keys(&env)?;
        let trust_proxy = env.parse_with("CYBERSHIELD_TRUST_PROXY", d.trust_proxy, BOOL_EXPECTED, parse_bool)?;
        let log_format = log_format(&env)?;
        let slow_query = env.parse_with(
            "CYBERSHIELD_SLOW_QUERY_MS",
            d.slow_query,
            "a whole number of milliseconds, 0 to turn the slow-query log off",
            |v| v.parse::<u64>().ok().map(|ms| (ms > 0).then(|| Duration::from_millis(ms))),
        )?;
        // Off against a real deployment (attackers map the schema with it); on for the embedded
        // default, so GraphiQL works out of the box.
        let introspection =
            env.parse_with("CYBERSHIELD_INTROSPECTION", database_url.is_none(), BOOL_EXPECTED, parse_bool)?;

        Ok(Config {
            database_url,
            bind,
            pool: PoolConfig { size, max_overflow, min_idle, timeout, recycle, pre_ping, statement_timeout },
            pgdata,
            migrate_on_start,
            request_timeout,
            body_limit_bytes,
            shutdown_grace,
            schema: SchemaConfig {
                default_page_size,
                max_page_size,
                max_depth,
                max_complexity,
                max_aliases,
                introspection,
                ..SchemaConfig::default()
            },
            secret_keys,
            trust_proxy,
            log_format,
            slow_query,
        })
    }
}

/// `CYBERSHIELD_SECRET_KEY` and `CYBERSHIELD_SECRET_KEY_PREVIOUS`. A bad value is named but never
/// shown: it is key material.
fn secret_keys<F: Fn(&str) -> Option<String>>(
    env: &Env<'_, F>,
) -> Result<Option<std::sync::Arc<crate::crypto::SecretKeys>>, ConfigError> {
    const CURRENT: &str = "CYBERSHIELD_SECRET_KEY";
    const PREVIOUS: &str = "CYBERSHIELD_SECRET_KEY_PREVIOUS";
    let expected = "the base64 encoding of 32 random bytes (make one with `openssl rand -base64 32`)";
    let masked = |var| ConfigError { var, value: "***".into(), expected: expected.into() };
    let previous_text = env.get(PREVIOUS);
    let previous: Vec<&str> = previous_text
        .as_deref()
        .map(|v| v.split(',').map(str::trim).filter(|k| !k.is_empty()).collect())
        .unwrap_or_default();
    let Some(current) = env.get(CURRENT) else {
        if previous.is_empty() {
            return Ok(None);
        }
        return Err(ConfigError {
            var: PREVIOUS,
            value: "***".into(),
            expected: format!("to be set only together with {CURRENT}"),
        });
    };
    crate::crypto::SecretKeys::from_base64(&current, &[]).map_err(|_| masked(CURRENT))?;
    for key in &previous {
        crate::crypto::SecretKeys::from_base64(key, &[]).map_err(|_| masked(PREVIOUS))?;
    }
    let keys = crate::crypto::SecretKeys::from_base64(&current, &previous).map_err(|_| masked(CURRENT))?;
    Ok(Some(std::sync::Arc::new(keys)))
}

const BOOL_EXPECTED: &str = "true or false (also 1/0, yes/no, on/off)";

struct Env<'a, F>(&'a F);

impl<F: Fn(&str) -> Option<String>> Env<'_, F> {
    /// The trimmed value, `None` when unset or empty.
    fn get(&self, name: &str) -> Option<String> {
        (self.0)(name).map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
    }

    fn parse_with<T>(
        &self,
        name: &'static str,
        default: T,
        expected: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Result<T, ConfigError> {
        match self.get(name) {
            None => Ok(default),
            Some(v) => parse(&v).ok_or_else(|| ConfigError { var: name, value: v, expected: expected.to_owned() }),
        }
    }
}

fn parse_bool(v: &str) -> Option<bool> {
    match v.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Some(true),
        "false" | "0" | "no" | "off" => Some(false),
        _ => None,
    }
}

fn parse_seconds(v: &str) -> Option<Duration> {
    let secs = v.parse::<f64>().ok()?;
    if secs.is_finite() && secs >= 0.0 { Duration::try_from_secs_f64(secs).ok() } else { None }
}

fn positive_usize(v: &str) -> Option<usize> {
    v.parse::<usize>().ok().filter(|n| *n >= 1)
}

/// Accepts `postgres://` and `postgresql://`, and reads the SQLAlchemy form
/// `postgresql+<driver>://` of the product document as `postgresql://`.
fn normalize_database_url(var: &'static str, value: &str) -> Result<String, ConfigError> {
    let err = || ConfigError {
        var,
        value: crate::db::redact_url(value),
        expected: "a PostgreSQL URL such as postgres://user:password@host:5432/cybershield".to_owned(),
    };
    let (scheme, rest) = value.split_once("://").ok_or_else(err)?;
    let scheme = scheme.to_ascii_lowercase();
    let base = scheme.split('+').next().unwrap_or_default();
    if base != "postgres" && base != "postgresql" {
        return Err(err());
    }
    if rest.is_empty() || rest.chars().any(char::is_whitespace) {
        return Err(err());
    }
    Ok(format!("{base}://{rest}"))
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn parse(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults_when_nothing_is_set() {
        let c = parse(&[]).unwrap();
        assert_eq!(c.database_url, None);
        assert_eq!(c.bind.to_string(), "127.0.0.1:8000");
        assert_eq!(c.pool, PoolConfig::default());
        assert_eq!(c.pool.size, 20);
        assert_eq!(c.pool.max_overflow, 10);
        assert_eq!(c.pool.max_connections(), 30);
        assert_eq!(c.pool.timeout, Duration::from_secs(3));
        assert_eq!(c.pool.recycle, Some(Duration::from_secs(300)));
        assert!(c.pool.pre_ping);
        assert_eq!(c.pool.statement_timeout, Some(Duration::from_secs(5)));
        assert_eq!(c.pgdata, PathBuf::from("./.cybershield/pgdata"));
        assert!(c.migrate_on_start);
        assert_eq!(c.request_timeout, Duration::from_secs(10));
        assert_eq!(c.body_limit_bytes, 1_048_576);
        assert_eq!(c.shutdown_grace, Duration::from_secs(30));
        assert_eq!(c.schema.default_page_size, 20);
        assert_eq!(c.schema.max_page_size, 100);
        assert_eq!(c.schema.max_depth, 10);
        assert_eq!(c.schema.max_complexity, 5000);
        assert_eq!(c.schema.max_aliases, 15);
    }

    #[test]
    fn reads_every_variable() {
        let c = parse(&[
            ("DATABASE_URL", "postgres://u:p@db:5432/cybershield"),
            ("CYBERSHIELD_BIND", "0.0.0.0:9000"),
            ("DB_POOL_SIZE", "5"),
            ("DB_MAX_OVERFLOW", "0"),
            ("DB_POOL_MIN_IDLE", "2"),
            ("DB_POOL_TIMEOUT", "0.5"),
            ("DB_POOL_RECYCLE", "-1"),
            ("DB_PRE_PING", "off"),
            ("CYBERSHIELD_STATEMENT_TIMEOUT_MS", "0"),
            ("CYBERSHIELD_PGDATA", "/var/lib/cs"),
            ("CYBERSHIELD_MIGRATE_ON_START", "FALSE"),
            ("CYBERSHIELD_REQUEST_TIMEOUT_MS", "2500"),
            ("CYBERSHIELD_BODY_LIMIT_BYTES", "4096"),
            ("CYBERSHIELD_SHUTDOWN_GRACE_S", "0"),
            ("CYBERSHIELD_DEFAULT_PAGE_SIZE", "50"),
            ("CYBERSHIELD_MAX_PAGE_SIZE", "500"),
            ("CYBERSHIELD_MAX_DEPTH", "7"),
            ("CYBERSHIELD_MAX_COMPLEXITY", "100"),
            ("CYBERSHIELD_MAX_ALIASES", "3"),
        ])
        .unwrap();
        assert_eq!(c.database_url.as_deref(), Some("postgres://u:p@db:5432/cybershield"));
        assert_eq!(c.bind.to_string(), "0.0.0.0:9000");
        assert_eq!(
            c.pool,
            PoolConfig {
                size: 5,
                max_overflow: 0,
                min_idle: 2,
                timeout: Duration::from_millis(500),
                recycle: None,
                pre_ping: false,
                statement_timeout: None,
            }
        );
        assert_eq!(c.pgdata, PathBuf::from("/var/lib/cs"));
        assert!(!c.migrate_on_start);
        assert_eq!(c.request_timeout, Duration::from_millis(2500));
        assert_eq!(c.body_limit_bytes, 4096);
        assert_eq!(c.shutdown_grace, Duration::ZERO);
        assert_eq!(c.schema.default_page_size, 50);
        assert_eq!(c.schema.max_page_size, 500);
        assert_eq!(c.schema.max_depth, 7);
        assert_eq!(c.schema.max_complexity, 100);
        assert_eq!(c.schema.max_aliases, 3);
    }

    #[test]
    fn empty_values_count_as_unset() {
        let c = parse(&[("DATABASE_URL", ""), ("DB_POOL_SIZE", "  "), ("CYBERSHIELD_BIND", "")]).unwrap();
        assert_eq!(c.database_url, None);
        assert_eq!(c.pool.size, 20);
        assert_eq!(c.bind.to_string(), DEFAULT_BIND);
    }

    #[test]
    fn bad_values_name_the_variable() {
        for (var, value) in [
            ("CYBERSHIELD_BIND", "localhost"),
            ("DB_POOL_SIZE", "0"),
            ("DB_POOL_SIZE", "twenty"),
            ("DB_MAX_OVERFLOW", "-1"),
            ("DB_POOL_MIN_IDLE", "21"),
            ("DB_POOL_TIMEOUT", "0"),
            ("DB_POOL_TIMEOUT", "-3"),
            ("DB_POOL_RECYCLE", "soon"),
            ("DB_PRE_PING", "maybe"),
            ("CYBERSHIELD_STATEMENT_TIMEOUT_MS", "5s"),
            ("CYBERSHIELD_MIGRATE_ON_START", "2"),
            ("CYBERSHIELD_REQUEST_TIMEOUT_MS", "0"),
            ("CYBERSHIELD_BODY_LIMIT_BYTES", "1MiB"),
            ("CYBERSHIELD_SHUTDOWN_GRACE_S", "NaN"),
            ("CYBERSHIELD_DEFAULT_PAGE_SIZE", "0"),
            ("CYBERSHIELD_MAX_PAGE_SIZE", "10"),
            ("CYBERSHIELD_MAX_DEPTH", "0"),
            ("CYBERSHIELD_MAX_COMPLEXITY", "x"),
            ("CYBERSHIELD_MAX_ALIASES", "-2"),
            ("DATABASE_URL", "mysql://u@h/db"),
            ("DATABASE_URL", "not a url"),
        ] {
            let err = parse(&[(var, value)]).expect_err(&format!("{var}={value} should fail"));
            assert_eq!(err.var, var);
            let message = err.to_string();
            assert!(message.starts_with(&format!("invalid {var}=")), "{message}");
        }
    }

    #[test]
    fn secret_keys_and_proxy_trust() {
        let c = parse(&[]).unwrap();
        assert!(c.secret_keys.is_none());
        assert!(!c.trust_proxy);
        let (old, new) = (crate::crypto::generate_key_base64(), crate::crypto::generate_key_base64());
        let c = parse(&[
            ("CYBERSHIELD_SECRET_KEY", &new),
            ("CYBERSHIELD_SECRET_KEY_PREVIOUS", &format!(" {old} ,")),
            ("CYBERSHIELD_TRUST_PROXY", "true"),
        ])
        .unwrap();
        assert!(c.trust_proxy);
        let keys = c.secret_keys.unwrap();
        let written_by_old = crate::crypto::SecretKeys::from_base64(&old, &[]).unwrap().encrypt(b"seed");
        assert_eq!(keys.decrypt(&written_by_old).unwrap(), b"seed");
        assert_eq!(keys.key_id(), crate::crypto::SecretKeys::from_base64(&new, &[]).unwrap().key_id());
    }

    #[test]
    fn bad_secret_keys_are_named_but_not_shown() {
        let good = crate::crypto::generate_key_base64();
        for (vars, var) in [
            (vec![("CYBERSHIELD_SECRET_KEY", "c2hvcnQ=")], "CYBERSHIELD_SECRET_KEY"),
            (
                vec![("CYBERSHIELD_SECRET_KEY", good.as_str()), ("CYBERSHIELD_SECRET_KEY_PREVIOUS", "c2hvcnQ=")],
                "CYBERSHIELD_SECRET_KEY_PREVIOUS",
            ),
            (vec![("CYBERSHIELD_SECRET_KEY_PREVIOUS", good.as_str())], "CYBERSHIELD_SECRET_KEY_PREVIOUS"),
        ] {
            let err = parse(&vars).unwrap_err();
            assert_eq!(err.var, var);
            let message = err.to_string();
            assert!(!message.contains("c2hvcnQ") && !message.contains(&good), "{message}");
        }
    }

    #[test]
    fn log_format_and_slow_query_threshold() {
        let c = parse(&[]).unwrap();
        assert_eq!(c.log_format, LogFormat::Auto);
        assert_eq!(c.slow_query, Some(Duration::from_millis(500)));
        let c = parse(&[("CYBERSHIELD_LOG_FORMAT", "JSON"), ("CYBERSHIELD_SLOW_QUERY_MS", "250")]).unwrap();
        assert_eq!(c.log_format, LogFormat::Json);
        assert_eq!(c.slow_query, Some(Duration::from_millis(250)));
        assert_eq!(parse(&[("CYBERSHIELD_SLOW_QUERY_MS", "0")]).unwrap().slow_query, None);
        for (value, format) in [("auto", LogFormat::Auto), ("text", LogFormat::Text), ("Pretty", LogFormat::Pretty)] {
            assert_eq!(LogFormat::from_lookup(|_| Some(value.to_string())).unwrap(), format);
        }
        for (var, value) in [("CYBERSHIELD_LOG_FORMAT", "xml"), ("CYBERSHIELD_SLOW_QUERY_MS", "1s")] {
            assert_eq!(parse(&[(var, value)]).unwrap_err().var, var);
        }
        assert_eq!(LogFormat::from_lookup(|_| Some("logfmt".into())).unwrap_err().var, "CYBERSHIELD_LOG_FORMAT");
    }

    #[test]
    fn min_idle_follows_a_small_pool() {
        let c = parse(&[("DB_POOL_SIZE", "1")]).unwrap();
        assert_eq!(c.pool.min_idle, 1);
        let c = parse(&[("DB_POOL_SIZE", "1"), ("DB_POOL_MIN_IDLE", "0")]).unwrap();
        assert_eq!(c.pool.min_idle, 0);
    }

    #[test]
    fn max_page_size_default_follows_a_larger_default_page_size() {
        let c = parse(&[("CYBERSHIELD_DEFAULT_PAGE_SIZE", "200")]).unwrap();
        assert_eq!(c.schema.max_page_size, 200);
    }

    #[test]
    fn sqlalchemy_urls_are_read_as_postgres_urls() {
        let c = parse(&[(
            "DATABASE_URL",
            "postgresql+asyncpg://cybershield_user:cybershield_password@postgres:5432/cybershield",
        )])
        .unwrap();
        assert_eq!(
            c.database_url.as_deref(),
            Some("postgresql://cybershield_user:cybershield_password@postgres:5432/cybershield")
        );
    }

    #[test]
    fn a_bad_url_does_not_show_its_password() {
        let err = parse(&[("DATABASE_URL", "mysql://u:secret@h/db")]).unwrap_err();
        assert!(!err.to_string().contains("secret"), "{err}");
    }
}
