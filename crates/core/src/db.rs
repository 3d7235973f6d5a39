//! The connection pool: the product document's pool settings mapped onto SeaORM/sqlx.

use std::str::FromStr;
use std::time::Duration;

use sea_orm::sqlx::postgres::PgConnectOptions;
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr};

use crate::config::PoolConfig;

/// `application_name` of every connection, as seen in `pg_stat_activity`.
pub const APPLICATION_NAME: &str = "cybershield";

/// Statements slower than this are logged at `warn` (target `sqlx::query`).
const SLOW_STATEMENT: Duration = Duration::from_secs(1);

/// Opens a pool on `url` configured by `pool`:
///
/// - `max_connections = size + max_overflow`, `min_connections = min_idle`;
/// - `acquire_timeout = timeout`: waiting for a free connection, or for a new one to open, fails
///   after it — requests fail fast while the pool is exhausted or the database is down, and the
///   pool reconnects by itself once the database is back;
/// - `max_lifetime = recycle`, `test_before_acquire = pre_ping`;
/// - `statement_timeout` is set on every connection at connect time (a startup parameter, no
///   extra round trip).
///
/// Statements are logged by sqlx at `debug` only (`RUST_LOG=sqlx::query=debug` shows them),
/// slow ones (over 1 s) at `warn`. Errors never contain the URL's password.
///
/// The first connection is opened here, so an unreachable database is an error at once
/// (after at most `pool.timeout`).
pub async fn connect(url: &str, pool: &PoolConfig) -> Result<DatabaseConnection, DbErr> {
    Database::connect(connect_options(url, pool)?).await
}

/// The [`ConnectOptions`] [`connect`] uses; checks the URL without revealing its password.
pub fn connect_options(url: &str, pool: &PoolConfig) -> Result<ConnectOptions, DbErr> {
    if let Err(e) = PgConnectOptions::from_str(url) {
        return Err(DbErr::Conn(sea_orm::RuntimeErr::Internal(format!(
            "invalid database URL {}: {e}",
            redact_url(url)
        ))));
    }
    let mut opt = ConnectOptions::new(url);
    opt.max_connections(pool.max_connections())
        .min_connections(pool.min_idle.min(pool.max_connections()))
        .acquire_timeout(pool.timeout)
        .connect_timeout(pool.timeout)
        .max_lifetime(pool.recycle)
        .test_before_acquire(pool.pre_ping)
        .set_application_name(APPLICATION_NAME)
        .sqlx_logging(true)
        .sqlx_logging_level(log::LevelFilter::Debug)
        .sqlx_slow_statements_logging_settings(log::LevelFilter::Warn, SLOW_STATEMENT);
    if let Some(timeout) = pool.statement_timeout {
        opt.statement_timeout(timeout);
    }
    Ok(opt)
}

/// `SELECT 1`: whether the database answers now.
pub async fn ping(db: &DatabaseConnection) -> Result<(), DbErr> {
    db.execute_unprepared("SELECT 1").await.map(|_| ())
}

/// `url` with its password replaced by `***`, for logs and error messages.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let Some(at) = authority.rfind('@') else {
        return url.to_owned();
    };
    let (userinfo, host) = authority.split_at(at);
    match userinfo.split_once(':') {
        Some((user, _password)) => format!("{scheme}://{user}:***{host}{tail}"),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_passwords_only() {
        assert_eq!(redact_url("postgres://u:secret@h:5432/db?x=1"), "postgres://u:***@h:5432/db?x=1");
        assert_eq!(redact_url("postgres://u:p@ss@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact_url("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact_url("postgres://h/db"), "postgres://h/db");
        assert_eq!(redact_url("garbage"), "garbage");
    }

    #[test]
    fn maps_the_pool_settings() {
        let pool = PoolConfig {
            size: 4,
            max_overflow: 2,
            min_idle: 1,
            timeout: Duration::from_millis(1500),
            recycle: Some(Duration::from_secs(60)),
            pre_ping: false,
            statement_timeout: Some(Duration::from_millis(250)),
        };
        let opt = connect_options("postgres://u:p@127.0.0.1:5432/db", &pool).unwrap();
        assert_eq!(opt.get_max_connections(), Some(6));
        assert_eq!(opt.get_min_connections(), Some(1));
        assert_eq!(opt.get_acquire_timeout(), Some(Duration::from_millis(1500)));
        assert_eq!(opt.get_max_lifetime(), Some(Some(Duration::from_secs(60))));
        assert!(!opt.get_test_before_acquire());
        assert_eq!(opt.get_statement_timeout(), Some(Duration::from_millis(250)));
        assert_eq!(opt.get_sqlx_logging_level(), log::LevelFilter::Debug);

        let opt =
            connect_options("postgres://127.0.0.1/db", &PoolConfig { recycle: None, statement_timeout: None, ..pool })
                .unwrap();
        assert_eq!(opt.get_max_lifetime(), Some(None));
        assert_eq!(opt.get_statement_timeout(), None);
    }

    #[test]
    fn a_bad_url_is_an_error_without_the_password() {
        let err = connect_options("postgres://u:secret@h:notaport/db", &PoolConfig::default()).unwrap_err();
        let message = err.to_string();
        assert!(message.contains("invalid database URL"), "{message}");
        assert!(!message.contains("secret"), "{message}");
    }
}
